"""Reading only what was given: regular files, no links out of the folder, no
path smuggled in a feed, and every file that is left out said why."""

from __future__ import annotations

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
