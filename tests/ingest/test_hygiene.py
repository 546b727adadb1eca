"""Reading only what was given: regular files, no links out of the folder, no
path smuggled in a feed, and every file that is left out said why."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from foglift.ingest.sources import ReadOptions, read_inputs
from foglift.model import Rejected

Run = Callable[..., tuple[int, str, str]]
TEXT = "Russian forces captured Kurakhove, the Russian Defence Ministry said."


def _reads(*paths: Path) -> list[object]:
    return list(read_inputs([str(p) for p in paths], ReadOptions()))


def test_links_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("a private note that must not be stored", "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, "utf-8")
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "outside.txt").symlink_to(secret)
    reads = _reads(folder)
    texts = [getattr(r, "text", "") for r in reads]
    assert all("private" not in t for t in texts)
    skipped = {
        Path(getattr(r, "source", "")).name: getattr(r, "reason", "") for r in reads
    }
    assert "outside the folder" in skipped["outside.txt"]
    assert sum(1 for t in texts if t == TEXT) == 2  # a link inside is read


def test_fifos_are_never_read(tmp_path: Path, run_cli: Run) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "a.txt").write_text(TEXT, "utf-8")
    reads = _reads(folder)
    [skipped] = [r for r in reads if "regular file" in str(getattr(r, "reason", ""))]
    assert getattr(skipped, "source", "").endswith("pipe.txt")
    code, _, err = run_cli("check", str(folder / "pipe.txt"))
    assert code == 1 and "not a regular file" in err


def test_a_feed_naming_a_file_does_not_read_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(
        "<rss><channel><item><title>secret</title><description>"
        + TEXT
        + "</description></item></channel></rss>",
        "utf-8",
    )
    feed = tmp_path / "feed.rss"
    feed.write_bytes(str(secret).encode())
    reads = _reads(feed)
    assert not any(getattr(r, "text", "") for r in reads)
    assert any(isinstance(r, Rejected) for r in reads)


def test_empty_files_are_reported(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.csv", "c.json"):
        (tmp_path / name).write_bytes(b"")
    reads = _reads(tmp_path)
    assert sorted(Path(r.source).name for r in reads if isinstance(r, Rejected)) == [
        "a.jsonl", "b.csv", "c.json",
    ]  # fmt: skip
    assert all("empty" in r.reason for r in reads if isinstance(r, Rejected))


def test_one_bad_line_or_row_loses_only_itself(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": TEXT, "id": "1"}),
        '{"text": "x", "id": ' + "9" * 5000 + "}",
        json.dumps({"text": TEXT + " Two.", "id": "3"}),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), "utf-8")
    rows = [f'{n},"{TEXT} Row {n}."'.encode() for n in range(1, 6)]
    rows[2] = b'3,"' + TEXT.encode() + b' \xff\xfe bad bytes."'
    rows[4] = b"5,unquoted, with a comma \xff"  # the extra field is checked too
    (tmp_path / "b.csv").write_bytes(b"id,text\n" + b"\n".join(rows) + b"\n")
    reads = _reads(tmp_path / "a.jsonl", tmp_path / "b.csv")
    items = [r for r in reads if not isinstance(r, Rejected)]
    rejected = [r for r in reads if isinstance(r, Rejected)]
    assert len(items) == 2 + 3
    assert [(Path(r.source).name, r.code) for r in rejected] == [
        ("a.jsonl:2", "FL106"),
        ("b.csv:4", "FL104"),
        ("b.csv:6", "FL104"),
    ]


def test_byte_order_marks_are_honoured(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "u16.txt").write_bytes(TEXT.encode("utf-16"))
    code, out, err = run_cli("check", str(tmp_path / "u16.txt"))
    assert code == 0 and "Kurakhove" in out, err
    export = {"name": "Chan", "id": 7, "messages": [{"id": 1, "type": "message",
              "date": "2025-01-02T10:00:00", "text": TEXT}]}  # fmt: skip
    (tmp_path / "result.json").write_bytes(
        b"\xef\xbb\xbf" + json.dumps(export).encode()
    )
    reads = _reads(tmp_path / "result.json")
    assert [getattr(r, "text", None) for r in reads] == [TEXT]


def test_deep_json_is_refused_at_once(tmp_path: Path) -> None:
    deep = b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (tmp_path / "deep.json").write_bytes(deep)
    (tmp_path / "rows.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    reads = _reads(tmp_path / "deep.json", tmp_path / "rows.json")
    assert [(type(r).__name__, getattr(r, "code", "")) for r in reads] == [
        ("Rejected", "FL108"),
        ("Rejected", "FL108"),
    ]
    assert all("nested deeper" in getattr(r, "reason", "") for r in reads)


def test_a_runaway_document_is_rejected_and_the_batch_goes_on(
    tmp_path: Path, run_cli: Run
) -> None:
    rows = [{"id": "1", "text": TEXT * 40_000}, {"id": "2", "text": TEXT}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    db = str(tmp_path / "s.db")
    code, out, _ = run_cli(
        "ingest", str(tmp_path / "a.jsonl"), "--db", db, "--format", "json"
    )
    summary = json.loads(out)
    assert code == 0 and summary["new"] == 1
    [rejected] = summary["rejections"]
    assert rejected["code"] == "FL105" and "split it" in rejected["reason"]
