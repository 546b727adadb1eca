"""Perceptual hashes: PDQ (256 bits, with quality) and pHash (64 bits) for
images; PDQ of video frames sampled about once a second, consecutive
near-identical frames dropped (the vPDQ approach), so a clip cut from a longer
video shares most of its frame hashes with it.

Every file is bounded: pixels per image or frame, bytes per file, frames and
wall-clock seconds per video. What a bound cut short is said in ``notes``.
"""

from __future__ import annotations

import hashlib
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foglift.media.probe import check_name, image_metadata, sniff, video_metadata
from foglift.media.records import (
    DAMAGED,
    NOT_MEDIA,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    FrameHash,
    MediaRecord,
    MediaRefused,
)
from foglift.settings import default

# PDQ works on a 64 x 64 downsample; hashing a 512-pixel version gives the
# same hash within a bit or two at a fraction of the time of a 4,000-pixel one.
HASH_SIDE = 512
# Mean absolute difference (0-255) of two consecutive frames' 32 x 32 grey
# thumbnails above which the second starts a new shot: a cut changes most
# pixels, a pan or a moving object a few. On the benchmark's clips cuts
# measure 15-60 (median 40) and frames within a shot at most 2.1; a flash
# counted as a cut costs nothing (both copies restart their clock there).
CUT_DIFFERENCE = 12.0


@dataclass(frozen=True, slots=True)
class Limits:
    max_pixels: int
    max_bytes: int
    sample_seconds: float
    max_frames: int
    max_seconds: float
    dedupe_distance: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_pixels=int(default("media_max_image_pixels")),
            max_bytes=int(default("media_max_file_bytes")),
            sample_seconds=float(default("media_sample_seconds")),
            max_frames=int(default("media_max_video_frames")),
            max_seconds=float(default("media_max_video_seconds")),
            dedupe_distance=int(default("media_frame_dedupe_distance")),
        )


def pdq_of(rgb: Any) -> tuple[bytes, int]:
    """PDQ hash (32 bytes) and quality of an RGB array (height, width, 3)."""
    import numpy as np
    import pdqhash

    bits, quality = pdqhash.compute(np.ascontiguousarray(rgb))
    return np.packbits(bits.astype(np.uint8)).tobytes(), int(quality)


def pdq_dihedral(rgb: Any) -> list[bytes]:
    """The PDQ hashes of the 8 rotations and mirrorings of an image, the image
    itself first (PDQ computes them from one transform)."""
    import numpy as np
    import pdqhash

    hashes, _quality = pdqhash.compute_dihedral(np.ascontiguousarray(rgb))
    return [np.packbits(np.asarray(h, dtype=np.uint8)).tobytes() for h in hashes]


def hamming(a: bytes, b: bytes) -> int:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).bit_count()


def rgb_for_hashing(image: Any) -> Any:
    """An RGB array of ``image`` no larger than HASH_SIDE on its longer side;
    transparency is laid on white, as a viewer shows it."""
    import numpy as np
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (
        image.mode == "P" and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    image = image.convert("RGB")
    if max(image.size) > HASH_SIDE:
        image = image.resize(
            _fit(image.size, HASH_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0
        )
    return np.asarray(image)


def _fit(size: tuple[int, int], side: int) -> tuple[int, int]:
    width, height = size
    scale = side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def probe_file(
    path: Path, limits: Limits | None = None, sha256: str | None = None
) -> MediaRecord:
    """The MediaRecord of one file; MediaRefused (code, reason) when it is not
    media, lies about its type, is a bomb or cannot be decoded. ``sha256``:
    the file's hash when the caller has it already."""
    limits = limits or Limits.from_settings()
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise MediaRefused(
            TOO_LARGE,
            f"{size:,} bytes, more than the {limits.max_bytes:,} a media file may have",
        )
    if size == 0:
        raise MediaRefused(DAMAGED, "the file is empty")
    media_class, mime, note = check_content(path)
    sha = sha256 or sha256_file(path)
    if media_class == "image":
        record = _image_record(path, sha, size, mime, limits)
    else:
        record = _video_record(path, sha, size, mime, limits)
    if note:
        from dataclasses import replace

        record = replace(record, notes=(note, *record.notes))
    return record


def check_content(path: Path) -> tuple[str, str, str | None]:
    """(class, MIME type, a note on the name) of a file by its first bytes;
    MediaRefused when it is not media or its name claims the other class."""
    with path.open("rb") as stream:
        head = stream.read(512)
    media_class, mime = sniff(head)
    return media_class, mime, check_name(path, media_class, mime)


def _image_record(
    path: Path, sha: str, size: int, mime: str, limits: Limits
) -> MediaRecord:
    import imagehash
    from PIL import Image, UnidentifiedImageError

    bound = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > limits.max_pixels:
                    raise MediaRefused(
                        TOO_MANY_PIXELS,
                        f"{width} x {height} pixels, more than the "
                        f"{limits.max_pixels:,} an image may have "
                        "(a decompression bomb?)",
                    )
                frames = int(getattr(image, "n_frames", 1) or 1)
                fields, created, gps = image_metadata(image)
                if image.format == "JPEG":  # decode at 1/2, 1/4 or 1/8 scale
                    image.draft("RGB", (HASH_SIDE, HASH_SIDE))
                image.load()
                rgb = rgb_for_hashing(image)
                phash = str(imagehash.phash(Image.fromarray(rgb)))
    except MediaRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaRefused(TOO_MANY_PIXELS, f"a decompression bomb: {exc}") from None
    except UnidentifiedImageError:
        raise MediaRefused(
            DAMAGED, f"{mime} that cannot be decoded (damaged, or not supported)"
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise MediaRefused(DAMAGED, f"a damaged {mime}: {_brief(exc)}") from None
    finally:
        Image.MAX_IMAGE_PIXELS = bound
    import numpy as np
    import pdqhash

    # the dihedral transform costs what one hash does and gives all eight
    hashes, quality = pdqhash.compute_dihedral(np.ascontiguousarray(rgb))
    packed = [np.packbits(np.asarray(h, dtype=np.uint8)).tobytes() for h in hashes]
    pdq = packed[0]
    notes = (
        (f"animated ({frames} frames): the first frame is hashed",)
        if frames > 1
        else ()
    )
    return MediaRecord(
        sha256=sha,
        size=size,
        kind="animation" if frames > 1 else "image",
        mime=mime,
        width=width,
        height=height,
        metadata=tuple(fields),
        metadata_status=metadata_status(fields, created, gps),
        created=created,
        gps=gps,
        phash=phash,
        frames=(FrameHash(pdq, int(quality), 0),),
        notes=notes,
        variants=tuple(packed[1:]),
    )


# fields that say with what device a file was made
_DEVICE = ("make", "model", "lensmodel", "com.android.model", "com.apple.quicktime")


def metadata_status(
    fields: list[tuple[str, str]], created: str | None, gps: object
) -> str:
    """ "present" when the metadata says when, where or with what device the
    file was made; "absent" otherwise (stripped, as Telegram does to
    compressed photos, or never written), whatever software tags remain."""
    if created or gps:
        return "present"
    for key, _value in fields:
        if any(word in key.casefold() for word in _DEVICE):
            return "present"
    return "absent"


def _brief(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


def _video_record(
    path: Path, sha: str, size: int, mime: str, limits: Limits
) -> MediaRecord:
    import av

    try:
        container = av.open(str(path), mode="r", metadata_errors="replace")
    except (av.error.FFmpegError, OSError, ValueError, UnicodeDecodeError) as exc:
        raise MediaRefused(DAMAGED, f"a damaged {mime}: {_brief(exc)}") from None
    with container:
        if not container.streams.video:
            raise MediaRefused(NOT_MEDIA, f"{mime} without a video stream")
        stream = container.streams.video[0]
        width = int(stream.codec_context.width or 0)
        height = int(stream.codec_context.height or 0)
        if width * height > limits.max_pixels:
            raise MediaRefused(
                TOO_MANY_PIXELS,
                f"{width} x {height} frames, more than the {limits.max_pixels:,} "
                "pixels a frame may have",
            )
        tags = {**dict(stream.metadata), **dict(container.metadata)}
        duration = _duration(container, stream)
        frames, notes = _sample_frames(container, stream, limits, duration)
    fields, created, gps = video_metadata(tags)
    return MediaRecord(
        sha256=sha,
        size=size,
        kind="video",
        mime=mime,
        width=width or None,
        height=height or None,
        duration=duration,
        metadata=tuple(fields),
        metadata_status=metadata_status(fields, created, gps),
        created=created,
        gps=gps,
        frames=frames,
        notes=notes,
    )


def _duration(container: Any, stream: Any) -> float | None:
    if container.duration:
        return round(float(container.duration) / 1_000_000, 3)
    if stream.duration and stream.time_base:
        return round(float(stream.duration * stream.time_base), 3)
    return None


def _sample_frames(
    container: Any, stream: Any, limits: Limits, duration: float | None
) -> tuple[tuple[FrameHash, ...], tuple[str, ...]]:
    import av
    import numpy as np

    stream.thread_type = "AUTO"
    previous: Any = None
    rate = float(stream.average_rate or stream.guessed_rate or 25)
    side = HASH_SIDE
    kept: list[FrameHash] = []
    notes: list[str] = []
    started = time.monotonic()
    next_at = 0.0
    decoded = 0
    last_seen = 0.0
    try:
        for frame in container.decode(stream):
            decoded += 1
            seconds = frame.time if frame.time is not None else decoded / rate
            last_seen = max(last_seen, seconds)
            # a cut (a new shot) restarts the sampling clock, so a clip cut
            # from a longer video samples the same moments of each shot
            thumb = frame.to_ndarray(format="gray", width=32, height=32).astype(
                np.int16
            )
            cut = (
                previous is not None
                and float(np.abs(thumb - previous).mean()) > CUT_DIFFERENCE
            )
            previous = thumb
            # the first frame is always hashed: a slow file still gets a hash
            if kept and time.monotonic() - started > limits.max_seconds:
                notes.append(
                    f"hashed up to {last_seen:.0f} s"
                    + (f" of {duration:.0f} s" if duration else "")
                    + f": stopped after {limits.max_seconds:g} s of decoding"
                )
                break
            if seconds + 1e-6 < next_at and not cut:
                continue
            next_at = seconds + limits.sample_seconds
            scale = min(1.0, side / max(frame.width, frame.height, 1))
            rgb = frame.to_ndarray(
                format="rgb24",
                width=max(1, round(frame.width * scale)),
                height=max(1, round(frame.height * scale)),
            )
            pdq, quality = pdq_of(rgb)
            if kept and hamming(kept[-1].pdq, pdq) <= limits.dedupe_distance:
                continue
            kept.append(FrameHash(pdq, quality, len(kept), round(seconds, 3)))
            if len(kept) >= limits.max_frames:
                notes.append(
                    f"hashed {len(kept)} frames up to {seconds:.0f} s"
                    + (f" of {duration:.0f} s" if duration else "")
                    + f": the most one video may have ({limits.max_frames})"
                )
                break
    except (av.error.FFmpegError, ValueError, MemoryError) as exc:
        if not kept:
            raise MediaRefused(
                DAMAGED, f"no frame could be decoded: {_brief(exc)}"
            ) from None
        notes.append(f"damaged after {last_seen:.0f} s: {_brief(exc)}")
    if not kept:
        raise MediaRefused(DAMAGED, "no frame could be decoded")
    return tuple(kept), tuple(notes)
