"""Readers: each streams, and turns one bad item into a rejection, never a crash."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from pathlib import Path

import pytest

from foglift.ingest.feeds import read_feed
from foglift.ingest.items import Item, Skipped
from foglift.ingest.sources import ReadOptions, read_inputs, read_stream, sniff
from foglift.ingest.tables import parse_mapping, read_csv, read_jsonl
from foglift.ingest.telegram import message_text, read_telegram
from foglift.model import Rejected
from tests.store.corpus import BOMB, FEED, PAGE, telegram_export


def items(reads: list[object]) -> list[Item]:
    return [r for r in reads if isinstance(r, Item)]


def rejected(reads: list[object]) -> list[Rejected]:
    return [r for r in reads if isinstance(r, Rejected)]


def test_telegram_messages_fields() -> None:
    export = {
        "name": "Wire",
        "type": "public_channel",
        "id": 77,
        "messages": [
            {"id": 1, "type": "service", "action": "pin_message"},
            {
                "id": 2,
                "type": "message",
                "date": "2025-11-12T10:00:00",
                "from": "Wire",
                "forwarded_from": "Other Channel",
                "reply_to_message_id": 1,
                "photo": "photos/photo_2.jpg",
                "text": ["Troops ", {"type": "bold", "text": "entered"}, " Toretsk."],
            },
            {"id": 3, "type": "message", "text": "", "photo": "photos/3.jpg"},
            {"id": 4, "type": "message", "text": "Bad \ud800 \x00 chars"},
        ],
    }
    reads = list(read_telegram(io.BytesIO(json.dumps(export).encode()), "r.json"))
    got = items(reads)
    assert [i.key for i in got] == ["telegram:77/2", "telegram:77/4"]
    post = got[0]
    assert post.text == "Troops entered Toretsk."
    assert (post.source_name, post.forwarded_from, post.reply_to) == (
        "Wire",
        "Other Channel",
        "1",
    )
    assert post.media == ("photos/photo_2.jpg",)
    assert str(post.published) == "2025-11-12"
    # storable everywhere (no NUL, no lone surrogate), offsets kept
    odd = got[1].text
    assert len(odd) == len("Bad x x chars") and "\x00" not in odd
    odd.encode("utf-8")
    assert [s.reason for s in reads if isinstance(s, Skipped)] == [
        "service message (service)",
        "no text (media only)",
    ]


def test_telegram_whole_account_export() -> None:
    export = {
        "about": "x",
        "chats": {
            "about": "y",
            "list": [
                {"name": "A", "id": 1, "messages": [{"id": 1, "text": "one"}]},
                {"name": "B", "id": 2, "messages": [{"id": 1, "text": "two"}]},
            ],
        },
    }
    got = items(list(read_telegram(io.BytesIO(json.dumps(export).encode()), "r")))
    assert [(i.key, i.source_name) for i in got] == [
        ("telegram:1/1", "A"),
        ("telegram:2/1", "B"),
    ]


@pytest.mark.parametrize("cut", [10, 200, 1000, -3])
def test_truncated_export_keeps_what_came_before(cut: int) -> None:
    data = json.dumps(telegram_export(20), indent=1).encode()[:cut]
    reads = list(read_telegram(io.BytesIO(data), "result.json"))
    [problem] = rejected(reads)
    assert problem.code in ("FL106", "FL107")
    assert len(items(reads)) <= 20


def test_not_an_export() -> None:
    reads = list(read_telegram(io.BytesIO(b'{"a": [1, 2]}'), "x.json"))
    assert [r.code for r in rejected(reads)] == ["FL107"]
    assert message_text(None) == "" and message_text([1, {"text": 2}]) == ""


def test_telegram_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"name": "Big", "id": 9, "messages": [')
        for n in range(30000):
            body = {"id": n, "type": "message", "text": f"Post {n} " + "x" * 400}
            out.write(("," if n else "") + json.dumps(body))
        out.write("]}")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = 0
        with path.open("rb") as stream:
            for read in read_telegram(stream, str(path)):
                count += isinstance(read, Item)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 30000
    assert size > 12_000_000 and peak < 2_000_000, (size, peak)


def test_feed_entries_and_entity_bomb() -> None:
    got = items(list(read_feed(FEED.encode(), "wire.xml")))
    [entry] = got
    assert entry.source_name == "Front Wire" and entry.url == "https://wire.example/1"
    assert entry.posted_at == "2025-11-11T09:00:00+00:00"
    assert "alert" not in entry.text and "3 tanks near Kupiansk" in entry.text
    started = time.perf_counter()
    reads = list(read_feed(BOMB.encode(), "bomb.rss"))
    assert time.perf_counter() - started < 1
    assert [(r.code, "entity" in r.reason) for r in rejected(reads)] == [
        ("FL108", True)
    ]
    external = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><description>&x;</description></item></channel></rss>"
    )
    assert [r.code for r in rejected(list(read_feed(external, "x.rss")))] == ["FL108"]
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>A</title><entry><id>e1</id><title>T</title>"
        b"<updated>2025-11-10T00:00:00Z</updated>"
        b'<content type="html">&lt;p&gt;Forces entered Toretsk.&lt;/p&gt;</content>'
        b"</entry></feed>"
    )
    [entry] = items(list(read_feed(atom, "a.atom")))
    assert entry.text == "T\n\nForces entered Toretsk." and entry.key.endswith("/e1")
    assert [r.code for r in rejected(list(read_feed(b"<rss>", "bad.xml")))] == ["FL107"]


def test_jsonl_with_mapping_and_bad_lines() -> None:
    lines = [
        json.dumps({"guid": 1, "body": "Forces entered Toretsk.", "meta": {"u": "U"}}),
        "{oops",
        json.dumps([1, 2]),
        json.dumps({"guid": 2, "body": None}),
        "",
        json.dumps({"guid": 3, "body": "Second."}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    mapping = parse_mapping("text=body,id=guid,url=meta.u")
    reads = list(read_jsonl(io.BytesIO(data), "p.jsonl", "src/p.jsonl", mapping, "S"))
    assert [(i.key, i.url) for i in items(reads)] == [
        ("src/p.jsonl#1", "U"),
        ("src/p.jsonl#3", None),
    ]
    assert [(r.source, r.code) for r in rejected(reads)] == [
        ("p.jsonl:2", "FL106"),
        ("p.jsonl:3", "FL107"),
        ("p.jsonl:4", "FL103"),
    ]


def test_jsonl_bounds_a_runaway_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from foglift import settings

    monkeypatch.setitem(
        settings.SETTINGS,
        "max_input_bytes",
        settings.Setting("max_input_bytes", 100, ""),
    )
    data = b'{"text": "' + b"x" * 500 + b'"}\n{"text": "ok"}\n'
    reads = list(read_jsonl(io.BytesIO(data), "p", "p", {}, "S"))
    assert [r.code for r in rejected(reads)] == ["FL105"]
    assert [i.text for i in items(reads)] == ["ok"]


def test_csv_mapping_and_guesses() -> None:
    data = (
        b"id,message,date,channel\n"
        b'1,"Forces entered Toretsk, the ministry said.",2025-11-09,Mil\n'
        b"2,,2025-11-09,Mil\n"
    )
    reads = list(read_csv(io.BytesIO(data), "t.csv", "t.csv", {}, "S"))
    [item] = items(reads)
    assert (item.key, item.source_name, item.posted_at) == (
        "t.csv#1",
        "Mil",
        "2025-11-09",
    )
    assert [r.code for r in rejected(reads)] == ["FL103"]
    with pytest.raises(Exception, match="FIELD=COLUMN"):
        parse_mapping("body")
    with pytest.raises(Exception, match="FIELD=COLUMN"):
        parse_mapping("nosuchfield=x")


def test_html_page_metadata_and_no_scripts() -> None:
    reads = list(
        read_stream(
            io.BytesIO(PAGE.encode()), "p.html", "html", "S", ReadOptions(), "k"
        )
    )
    [page] = items(reads)
    assert (page.title, page.author, page.url, page.posted_at) == (
        "Forces enter Kurakhove",
        "Jane Roe",
        "https://news.example/kurakhove",
        "2025-11-12",
    )
    assert "SCRIPT-TEXT" not in page.text and "color" not in page.text
    assert "captured Kurakhove" in " ".join(page.text.split())
    assert page.source_name == "news.example"
    tiny = b"<html><head><title>T</title><script>x()</script></head><body>Hi</body>"
    [small] = items(
        list(read_stream(io.BytesIO(tiny), "t.html", "html", "S", ReadOptions(), "t"))
    )
    assert small.text.strip() == "Hi" and small.title == "T"


def test_directory_walk_is_sorted_and_skips(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", "utf-8")
    (tmp_path / "a.md").write_text("one", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden", "utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    reads = list(read_inputs([str(tmp_path)], ReadOptions(source_name="S")))
    assert [i.key for i in items(reads)] == ["S/a.md", "S/b/2.txt"]
    assert [s.reason for s in reads if isinstance(s, Skipped)] == [
        "unknown file type '.png'"
    ]
    missing = list(read_inputs([str(tmp_path / "nope")], ReadOptions()))
    assert [r.code for r in rejected(missing)] == ["FL101"]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"name": "x",\n "messages": [', "telegram"),
        (b'{"name": "x", "messages": []}', "telegram"),
        (b'{"text": "a"}\n{"text": "b"}', "jsonl"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"Plain words.", "text"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_a_reader_failing_ends_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(markup: str) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("foglift.ingest.html.extract_page", explode)
    (tmp_path / "a.html").write_text("<html><body>x</body></html>", "utf-8")
    (tmp_path / "b.txt").write_text("Forces entered Toretsk.", "utf-8")
    reads = list(read_inputs([str(tmp_path)], ReadOptions()))
    assert [(r.code, "RecursionError" in r.reason) for r in rejected(reads)] == [
        ("FL900", True)
    ]
    assert [i.text for i in items(reads)] == ["Forces entered Toretsk."]


def test_entity_declaration_after_padding_is_refused() -> None:
    padded = BOMB.replace("<!DOCTYPE", "<!--" + " " * 2_000_000 + "-->\n<!DOCTYPE")
    assert [r.code for r in rejected(list(read_feed(padded.encode(), "p.rss")))] == [
        "FL108"
    ]
