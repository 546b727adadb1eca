"""Images and clips made here for the media tests and benchmark: Pillow
drawings of varied shapes, text and texture, PyAV-encoded clips, and the
transforms footage goes through when it is re-posted."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageOps

WORDS = ("north", "bridge", "depot", "river", "ridge", "field", "road", "tower")


def drawing(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A scene of its own for every seed: a gradient sky and ground, shapes,
    words and grain, so distinct seeds give distinct pictures."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    top = tuple(rng.randrange(256) for _ in range(3))
    bottom = tuple(rng.randrange(256) for _ in range(3))
    horizon = rng.randrange(height // 4, 3 * height // 4)
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        if y > horizon:
            colour = tuple(max(0, c - 40) for c in colour)
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(rng.randrange(6, 14)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(20, width // 2), rng.randrange(20, height // 2)
        fill = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.choice(("rect", "ellipse", "polygon", "line"))
        if shape == "rect":
            draw.rectangle([x0, y0, x0 + w, y0 + h], fill=fill)
        elif shape == "ellipse":
            draw.ellipse([x0, y0, x0 + w, y0 + h], fill=fill)
        elif shape == "polygon":
            points = [
                (rng.randrange(width), rng.randrange(height))
                for _ in range(rng.randrange(3, 7))
            ]
            draw.polygon(points, fill=fill)
        else:
            draw.line(
                [(x0, y0), (x0 + w, y0 + h)], fill=fill, width=rng.randrange(2, 12)
            )
    for _ in range(rng.randrange(1, 4)):
        draw.text(
            (rng.randrange(width - 80), rng.randrange(height - 20)),
            rng.choice(WORDS),
            fill=tuple(rng.randrange(256) for _ in range(3)),
            font_size=rng.randrange(14, 48),
        )
    grain = Image.effect_noise(size, rng.randrange(10, 40)).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    return image.filter(ImageFilter.SMOOTH)


def jpeg_bytes(image: Image.Image, quality: int = 90) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def recompress(image: Image.Image) -> Image.Image:
    return Image.open(io.BytesIO(jpeg_bytes(image, 35))).convert("RGB")


def resize(image: Image.Image) -> Image.Image:
    w, h = image.size
    return image.resize((w // 2, h // 2), Image.Resampling.LANCZOS)


def crop10(image: Image.Image) -> Image.Image:
    """10% of each dimension cut away, 5% from each side."""
    w, h = image.size
    return image.crop((w // 20, h // 20, w - w // 20, h - h // 20))


def mirror(image: Image.Image) -> Image.Image:
    return ImageOps.mirror(image)


def logo(image: Image.Image) -> Image.Image:
    """A channel's watermark in a corner: a box with its name."""
    out = image.copy()
    w, h = out.size
    draw = ImageDraw.Draw(out, "RGBA")
    box = (w - w // 4, h - h // 8, w - 8, h - 8)
    draw.rectangle(box, fill=(0, 0, 0, 160))
    draw.text((box[0] + 6, box[1] + 4), "@channel", fill=(255, 255, 255, 230))
    return out


TRANSFORMS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "resize": resize,
    "recompression": recompress,
    "crop 10%": crop10,
    "mirror": mirror,
    "logo": logo,
}


FRAME = (320, 240)


@lru_cache(maxsize=64)
def _scene(seed: int) -> Image.Image:
    return drawing(seed, (FRAME[0] + 60, FRAME[1] + 40))


def scene_frame(seed: int, t: float, size: tuple[int, int] = FRAME) -> Any:
    """Frame at ``t`` seconds of clip ``seed``: a new scene every 3 seconds,
    each panning slowly with a moving marker, as handheld footage does."""
    import numpy as np

    phase = (t % 3) / 3
    dx = int(60 * phase)
    frame = _scene(seed * 1000 + int(t // 3)).crop(
        (dx, 10, dx + FRAME[0], 10 + FRAME[1])
    )
    draw = ImageDraw.Draw(frame)
    x = int(FRAME[0] * phase)
    draw.ellipse([x, FRAME[1] // 2, x + 16, FRAME[1] // 2 + 16], fill=(250, 250, 40))
    if size != FRAME:
        frame = frame.resize(size, Image.Resampling.BILINEAR)
    return np.asarray(frame)


def write_clip(
    path: Path,
    seed: int,
    start: float,
    end: float,
    *,
    fps: int = 12,
    size: tuple[int, int] = FRAME,
    codec: str = "libx264",
    metadata: dict[str, str] | None = None,
) -> Path:
    """Encode seconds [start, end) of clip ``seed`` to ``path`` (MP4)."""
    import av

    with av.open(str(path), mode="w", format="mp4") as container:
        for key, value in (metadata or {}).items():
            container.metadata[key] = value
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        n = round((end - start) * fps)
        for i in range(n):
            rgb = scene_frame(seed, start + i / fps, size)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path
