"""Perceptual hashes hold through the changes re-posting makes, and tell
distinct pictures apart; video frames survive trimming."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from foglift.media.hashing import (
    Limits,
    hamming,
    pdq_dihedral,
    pdq_of,
    probe_file,
    rgb_for_hashing,
)
from foglift.settings import default
from tests.media.synth import TRANSFORMS, drawing, mirror, write_clip

THRESHOLD = int(default("media_pdq_distance"))


def pdq(image: object) -> bytes:
    return pdq_of(rgb_for_hashing(image))[0]


@pytest.mark.parametrize("name", ["resize", "recompression"])
def test_resized_and_recompressed_copies_match(name: str) -> None:
    for seed in range(8):
        original = drawing(seed)
        assert hamming(pdq(original), pdq(TRANSFORMS[name](original))) <= THRESHOLD


def test_distinct_pictures_do_not_match() -> None:
    hashes = [pdq(drawing(seed)) for seed in range(100, 130)]
    closest = min(hamming(a, b) for i, a in enumerate(hashes) for b in hashes[i + 1 :])
    assert closest > THRESHOLD


def test_a_mirror_image_is_found_through_the_dihedral_hashes() -> None:
    original = drawing(21)
    flipped = pdq(mirror(original))
    assert hamming(pdq(original), flipped) > THRESHOLD  # PDQ alone misses it
    variants = pdq_dihedral(rgb_for_hashing(original))
    assert len(variants) == 8 and variants[0] == pdq(original)
    assert min(hamming(v, flipped) for v in variants) <= THRESHOLD


def test_flat_images_have_low_quality(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "grey.png"
    Image.new("RGB", (300, 200), (128, 128, 128)).save(path)
    record = probe_file(path)
    assert record.frames[0].quality < int(default("media_pdq_min_quality"))


def test_video_frames_sampled_once_a_second_with_repeats_dropped(
    tmp_path: Path,
) -> None:
    path = write_clip(tmp_path / "clip.mp4", seed=4, start=0, end=9)
    record = probe_file(path)
    seconds = [f.seconds for f in record.frames]
    assert seconds == pytest.approx([float(s) for s in range(9)], abs=0.1)
    import av
    import numpy as np

    still = tmp_path / "still.mp4"
    frame = np.asarray(drawing(5, (320, 240)))
    with av.open(str(still), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        for _ in range(50):
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, "rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    assert len(probe_file(still).frames) == 1  # five seconds of one picture


def test_a_trimmed_smaller_clip_shares_its_frames(tmp_path: Path) -> None:
    original = probe_file(write_clip(tmp_path / "a.mp4", seed=6, start=0, end=15))
    cut = probe_file(
        write_clip(tmp_path / "b.mp4", seed=6, start=5.3, end=13, size=(240, 180))
    )
    matched = [
        min(hamming(f.pdq, g.pdq) for g in original.frames) <= THRESHOLD
        for f in cut.frames
    ]
    assert sum(matched) / len(matched) >= float(default("media_video_match_share"))


def test_video_hashing_is_bounded(tmp_path: Path) -> None:
    path = write_clip(tmp_path / "long.mp4", seed=7, start=0, end=12)
    few = replace(Limits.from_settings(), max_frames=3)
    record = probe_file(path, few)
    assert len(record.frames) == 3
    assert "the most one video may have (3)" in record.notes[0]
    hasty = replace(Limits.from_settings(), max_seconds=0.0)
    record = probe_file(path, hasty)
    assert "stopped after 0 s of decoding" in record.notes[0]
