"""The records media provenance keeps: one file's facts and hashes, and why a
file was refused.

A media file is named by the SHA-256 of its bytes, so the same file posted in
two channels is one record with two occurrences; near-duplicates (resized,
recompressed, trimmed) are different records in one cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MediaKind = Literal["image", "video", "animation"]

# Codes of the media a batch refuses (``Rejected.code`` with stage "media").
NOT_INCLUDED = "FL140"  # the export names a file it does not hold
ESCAPES_FOLDER = "FL141"  # an absolute path or ``..`` in the export's JSON
UNSAFE_FILE = "FL142"  # a link out of the folder, a FIFO, a device
NOT_MEDIA = "FL143"  # an executable, an archive, unknown bytes
WRONG_NAME = "FL144"  # a ``.jpg`` that is a video: the name lies about the content
TOO_MANY_PIXELS = "FL145"  # a decompression bomb
DAMAGED = "FL146"  # truncated or corrupt, cannot be decoded
TOO_LARGE = "FL147"  # more bytes than ``media_max_file_bytes``


@dataclass(frozen=True, slots=True)
class FrameHash:
    """A PDQ hash of a still image (``seconds`` None) or of one video frame."""

    pdq: bytes  # 32 bytes, the 256 bits in PDQ's order, most significant first
    quality: int  # PDQ's 0-100 quality; below ``media_pdq_min_quality`` not matched
    position: int
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class MediaRecord:
    """One media file: what it is by its content, its metadata and its hashes."""

    sha256: str
    size: int
    kind: MediaKind
    mime: str
    width: int | None = None
    height: int | None = None
    duration: float | None = None  # seconds, for video and animation
    # (key, value) pairs as found: EXIF/XMP for images, container tags for video
    metadata: tuple[tuple[str, str], ...] = ()
    # "present", or "absent" (no EXIF/XMP/creation tags: stripped, as Telegram
    # does for compressed photos, or never written)
    metadata_status: str = "absent"
    created: str | None = None  # ISO date-time the metadata says it was made
    gps: tuple[float, float] | None = None  # (lat, lon) from EXIF or ISO 6709 tags
    phash: str | None = None  # 64-bit pHash, hex, for images
    frames: tuple[FrameHash, ...] = ()
    notes: tuple[str, ...] = ()  # bounds hit, a name that disagrees with content
    # a still's PDQ hashes mirrored and rotated (7 of them), to find copies
    # flipped to dodge matching; used for look-ups, not stored
    variants: tuple[bytes, ...] = ()


class MediaRefused(Exception):
    """A file that is not recorded as media: ``code`` and a reason to show."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
