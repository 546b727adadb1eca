"""A Telegram Desktop export with photos and videos, made here."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.media.synth import drawing, jpeg_bytes, mirror, write_clip


def message(msg_id: int, date: str, text: str, **media: str) -> dict[str, Any]:
    return {"id": msg_id, "type": "message", "date": date, "text": text, **media}


def write_export(folder: Path, name: str, chat_id: int, messages: list[Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = {"name": name, "type": "public_channel", "id": chat_id, "messages": messages}
    path = folder / "result.json"
    path.write_text(json.dumps(body, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    return make_exports(tmp_path)


def make_exports(tmp_path: Path) -> Path:
    """Two channels' exports: the first posts a clip about Kherson in January
    2024, the second re-posts a trimmed, smaller cut of it in March 2025 under
    a claim about Pokrovsk, and both post photos (one re-posted recompressed,
    then mirrored), hostile files among them."""
    root = tmp_path / "exports"
    first = root / "ChatExport_first"
    (first / "video_files").mkdir(parents=True)
    (first / "photos").mkdir()
    write_clip(
        first / "video_files" / "strike.mp4",
        seed=7,
        start=0,
        end=12,
        metadata={"creation_time": "2024-01-09T08:00:00.000000Z"},
    )
    (first / "photos" / "photo_1.jpg").write_bytes(jpeg_bytes(drawing(11)))
    write_export(
        first,
        "First Channel",
        1001,
        [
            message(
                1,
                "2024-01-10T09:00:00",
                "The General Staff said Ukrainian forces destroyed a tank near "
                "Kherson.",
                file="video_files/strike.mp4",
                media_type="video_file",
                mime_type="video/mp4",
                thumbnail="video_files/strike.mp4_thumb.jpg",
            ),
            message(2, "2024-01-11T10:00:00", "", photo="photos/photo_1.jpg"),
        ],
    )
    second = root / "ChatExport_second"
    (second / "video_files").mkdir(parents=True)
    (second / "photos").mkdir()
    write_clip(
        second / "video_files" / "new.mp4", seed=7, start=4.4, end=11, size=(240, 180)
    )
    photo = drawing(12)
    (second / "photos" / "photo_2.jpg").write_bytes(jpeg_bytes(photo))
    (second / "photos" / "photo_3.jpg").write_bytes(jpeg_bytes(drawing(11), 40))
    (second / "photos" / "photo_4.jpg").write_bytes(jpeg_bytes(mirror(drawing(11))))
    (second / "photos" / "program.jpg").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    (second / "photos" / "clip.jpg").write_bytes(
        (second / "video_files" / "new.mp4").read_bytes()
    )
    (second / "photos" / "cut.jpg").write_bytes(jpeg_bytes(drawing(13))[:2000])
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(jpeg_bytes(drawing(14)))
    os.symlink(secret, second / "photos" / "link.jpg")
    write_export(
        second,
        "Second Channel",
        2002,
        [
            message(
                10,
                "2025-03-05T12:00:00",
                "The Ministry of Defence said its forces destroyed two tanks near "
                "Pokrovsk yesterday.",
                file="video_files/new.mp4",
                media_type="video_file",
                mime_type="video/mp4",
            ),
            message(
                11,
                "2025-03-05T13:00:00",
                "Russian forces shelled Kostiantynivka, the regional governor said.",
                photo="photos/photo_2.jpg",
            ),
            message(12, "2025-03-06T08:00:00", "", photo="photos/photo_3.jpg"),
            message(13, "2025-03-06T09:00:00", "", photo="photos/program.jpg"),
            message(14, "2025-03-06T10:00:00", "", photo="photos/clip.jpg"),
            message(15, "2025-03-06T11:00:00", "", photo="photos/cut.jpg"),
            message(16, "2025-03-06T12:00:00", "", photo="photos/link.jpg"),
            message(17, "2025-03-06T13:00:00", "", photo="../../secret.jpg"),
            message(19, "2025-03-07T08:00:00", "", photo="photos/photo_4.jpg"),
            message(
                18,
                "2025-03-06T14:00:00",
                "",
                photo="(File not included. Change data exporting settings to "
                "download.)",
            ),
        ],
    )
    return root
