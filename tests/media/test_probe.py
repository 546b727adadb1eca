"""Type by content, paths kept inside the export, metadata read or said absent."""

from __future__ import annotations

import io
import os
import struct
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from foglift.media.hashing import Limits, probe_file
from foglift.media.probe import resolve_reference, sniff
from foglift.media.records import MediaRefused
from tests.media.synth import drawing, jpeg_bytes, write_clip


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ("image", "image/jpeg")),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ("image", "image/png")),
        (b"GIF89a\x01\x00", ("image", "image/gif")),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", ("image", "image/webp")),
        (b"\x00\x00\x00\x18ftypmp42\x00", ("video", "video/mp4")),
        (b"\x00\x00\x00\x14ftypqt  \x00", ("video", "video/quicktime")),
        (b"\x1aE\xdf\xa3\x01\x00", ("video", "video/webm")),
    ],
)
def test_type_comes_from_the_bytes(head: bytes, expected: tuple[str, str]) -> None:
    assert sniff(head + b"\x00" * 64) == expected


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"MZ\x90\x00", "Windows executable"),
        (b"\x7fELF\x02\x01", "ELF executable"),
        (b"#!/bin/sh\nrm -rf /", "script"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"just some words", "no image or video signature"),
    ],
)
def test_programs_and_unknown_bytes_are_not_media(head: bytes, what: str) -> None:
    with pytest.raises(MediaRefused, match=what) as refused:
        sniff(head)
    assert refused.value.code == "FL143"


def test_a_png_named_jpg_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    drawing(3).save(path, "PNG")
    record = probe_file(path)
    assert record.mime == "image/png"
    assert record.notes == ("named .jpg but the content is image/png",)


def test_a_video_named_jpg_is_refused(tmp_path: Path) -> None:
    path = write_clip(tmp_path / "clip.mp4", seed=1, start=0, end=2)
    disguised = tmp_path / "photo.jpg"
    disguised.write_bytes(path.read_bytes())
    with pytest.raises(MediaRefused) as refused:
        probe_file(disguised)
    assert refused.value.code == "FL144"
    assert "video/mp4" in refused.value.reason


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` (a decompression bomb
    needs no more than its header to be refused)."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_claiming(100_000, 100_000))
    with pytest.raises(MediaRefused) as refused:
        probe_file(path)
    assert refused.value.code == "FL145"
    small = replace(Limits.from_settings(), max_pixels=10_000)
    ordinary = tmp_path / "ordinary.png"
    drawing(4, (200, 200)).save(ordinary)
    with pytest.raises(MediaRefused) as refused:
        probe_file(ordinary, small)
    assert refused.value.code == "FL145"
    assert probe_file(ordinary).width == 200  # the bound is the call's own


@pytest.mark.parametrize("keep", [0.3, 0.7])
def test_truncated_files_are_refused(tmp_path: Path, keep: float) -> None:
    data = jpeg_bytes(drawing(5))
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(MediaRefused) as refused:
        probe_file(path)
    assert refused.value.code == "FL146"


def test_a_corrupt_video_is_refused(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "clip.mp4", seed=2, start=0, end=2).read_bytes()
    path = tmp_path / "broken.mp4"
    path.write_bytes(clip[:48] + bytes(range(256)) * 8)
    with pytest.raises(MediaRefused) as refused:
        probe_file(path)
    assert refused.value.code == "FL146"


def test_paths_stay_inside_the_export(tmp_path: Path) -> None:
    root = tmp_path / "export"
    (root / "photos").mkdir(parents=True)
    inside = root / "photos" / "a.jpg"
    inside.write_bytes(jpeg_bytes(drawing(6)))
    outside = tmp_path / "private.jpg"
    outside.write_bytes(b"secret")
    os.symlink(outside, root / "photos" / "out.jpg")
    os.symlink(inside, root / "photos" / "in.jpg")
    assert resolve_reference(root, "photos/a.jpg") == inside
    assert resolve_reference(root, "photos/in.jpg").resolve() == inside.resolve()
    for given, code in (
        ("../private.jpg", "FL141"),
        ("photos/../../private.jpg", "FL141"),
        (str(outside), "FL141"),
        ("C:\\Windows\\x.jpg", "FL141"),
        ("photos/out.jpg", "FL142"),
        ("photos", "FL142"),
        ("photos/missing.jpg", "FL140"),
        ("(File not included. Change data exporting settings to download.)", "FL140"),
    ):
        with pytest.raises(MediaRefused) as refused:
            resolve_reference(root, given)
        assert refused.value.code == code, given


def test_exif_time_and_gps_are_read(tmp_path: Path) -> None:
    image = drawing(8)
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"
    exif[0x0110] = "Model 7"
    exif.get_ifd(0x8769)[0x9003] = "2024:05:06 07:08:09"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (48.0, 30.0, 0.0), 3: "E", 4: (37.0, 15.0, 36.0)})
    path = tmp_path / "camera.jpg"
    image.save(path, "JPEG", exif=exif)
    record = probe_file(path)
    assert record.metadata_status == "present"
    assert record.created == "2024-05-06T07:08:09"
    assert record.gps == pytest.approx((48.5, 37.26))
    assert ("exif:Make", "Camera Maker") in record.metadata


def test_stripped_photo_says_its_metadata_is_absent(tmp_path: Path) -> None:
    path = tmp_path / "plain.jpg"
    path.write_bytes(jpeg_bytes(drawing(9)))
    record = probe_file(path)
    assert record.metadata_status == "absent"
    assert record.created is None and record.gps is None


def test_video_container_tags_give_time_and_place(tmp_path: Path) -> None:
    path = write_clip(
        tmp_path / "tagged.mp4",
        seed=3,
        start=0,
        end=3,
        metadata={
            "creation_time": "2025-02-01T10:00:00.000000Z",
            "location": "+48.2800+037.1800/",
        },
    )
    record = probe_file(path)
    assert record.kind == "video" and record.duration == pytest.approx(3, abs=0.2)
    assert record.created is not None and record.created.startswith("2025-02-01T10")
    assert record.gps == pytest.approx((48.28, 37.18))
    assert record.metadata_status == "present"
