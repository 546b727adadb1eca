from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from foglift.runs.ingest import ingest_paths
from foglift.store import open_store
from foglift.store.db import Store
from foglift.store.schema import findings, media, media_hashes, media_occurrences


@pytest.fixture
def store(tmp_path: Path) -> Any:
    opened = open_store(str(tmp_path / "media.db"))
    yield opened
    opened.close()


def rows(store: Store, table: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table))]


def test_export_media_become_records_and_hostile_files_are_refused(
    store: Store, exports: Path
) -> None:
    summary = ingest_paths(store, [str(exports)])
    files = {r["path"].split("/")[-1]: r for r in rows(store, media)}
    assert set(files) == {"strike.mp4", "photo_1.jpg", "new.mp4", "photo_2.jpg",
                          "photo_3.jpg", "photo_4.jpg"}  # fmt: skip
    strike = files["strike.mp4"]
    assert strike["kind"] == "video" and strike["mime"] == "video/mp4"
    assert strike["duration"] == pytest.approx(12, abs=0.2)
    assert strike["created"].startswith("2024-01-09T08:00:00")
    assert strike["metadata_status"] == "present"
    assert files["photo_2.jpg"]["metadata_status"] == "absent"
    assert files["photo_2.jpg"]["width"] == 640 and files["photo_2.jpg"]["phash"]
    # the trimmed re-post and the recompressed photo join their originals
    assert files["new.mp4"]["cluster"] == strike["cluster"]
    assert files["photo_3.jpg"]["cluster"] == files["photo_1.jpg"]["cluster"]
    assert files["photo_4.jpg"]["cluster"] == files["photo_1.jpg"]["cluster"]  # mirror
    assert files["photo_2.jpg"]["cluster"] != files["photo_1.jpg"]["cluster"]
    refused = {r.source.rsplit("/", 1)[-1]: r.code for r in summary.rejected}
    assert refused == {
        "program.jpg": "FL143",  # an executable
        "clip.jpg": "FL144",  # a video named .jpg
        "cut.jpg": "FL146",  # truncated
        "link.jpg": "FL142",  # a link out of the export
        "secret.jpg": "FL141",  # ../ in result.json
    }
    occurrences = rows(store, media_occurrences)
    not_included = [o for o in occurrences if o["code"] == "FL140"]
    assert len(not_included) == 1 and not_included[0]["media_seq"] is None
    assert summary.media["files"] == 6 and summary.media["refused"] == 5
    media_only = next(o for o in occurrences if o["path"] == "photos/photo_3.jpg")
    assert media_only["document_id"] is None  # a post with no text still counts
    assert media_only["posted_at"] == "2025-03-06T08:00:00"


def test_reposted_clip_is_found_recycled_with_its_first_seen_post(
    store: Store, exports: Path
) -> None:
    ingest_paths(store, [str(exports)])
    flags = [f for f in rows(store, findings) if f["code"] == "media.recycled"]
    by_reason = {f["message"].split(",")[0]: f for f in flags}
    assert len(flags) == 2, [f["message"] for f in flags]
    earlier = next(f for f in flags if "days before" in f["message"])
    evidence = earlier["evidence"]
    assert evidence["first_seen_post"] == "telegram:1001/1"
    assert evidence["first_seen_source"] == "First Channel"
    assert evidence["first_seen_at"] == "2024-01-10T09:00:00"
    assert evidence["claim_day"] == "2025-03-04"
    assert int(evidence["pdq_distance"]) <= 31
    assert evidence["frames_matched"].split("/")[0] != "0"
    elsewhere = next(f for f in flags if "another place" in f["message"])
    assert "Kherson" in elsewhere["evidence"]["other_places"]
    assert by_reason  # both on the later claim, none on the first
    assert {f["claim_id"].split(":")[0] for f in flags} == {
        flags[0]["claim_id"].split(":")[0]
    }


def test_rerun_adds_nothing(store: Store, exports: Path) -> None:
    ingest_paths(store, [str(exports)])
    before = (
        rows(store, media),
        rows(store, media_occurrences),
        sorted(repr(sorted(f.items())) for f in rows(store, findings) if f.pop("id")),
    )
    again = ingest_paths(store, [str(exports)])
    after = (
        rows(store, media),
        rows(store, media_occurrences),
        sorted(repr(sorted(f.items())) for f in rows(store, findings) if f.pop("id")),
    )
    assert before == after
    assert not again.media  # nothing new to record


def test_the_index_file_beside_the_store_is_used_and_checked(
    store: Store, exports: Path, tmp_path: Path
) -> None:
    from foglift.runs.media import MediaIndex
    from foglift.store.media import index_cache

    ingest_paths(store, [str(exports / "ChatExport_first")])
    cache = index_cache(store)
    assert cache is not None and cache.exists()
    stored = len(rows(store, media_hashes))
    with store.engine.connect() as conn:
        index = MediaIndex.load(conn, cache)
    assert len(index.hashes) == stored and index._saved_size == stored
    # the second channel's re-post is matched through the saved arrays
    ingest_paths(store, [str(exports / "ChatExport_second")])
    clusters = {r["path"].rsplit("/", 1)[-1]: r["cluster"] for r in rows(store, media)}
    assert clusters["new.mp4"] == clusters["strike.mp4"]
    with store.engine.connect() as conn:
        index = MediaIndex.load(conn, cache)
    assert len(index.hashes) == len(rows(store, media_hashes)) == index._saved_size
    # arrays of another store are not trusted
    other = open_store(str(tmp_path / "other.db"))
    try:
        ingest_paths(other, [str(exports / "ChatExport_second")])
        foreign = index_cache(other)
        assert foreign is not None
        cache.write_bytes(foreign.read_bytes())
    finally:
        other.close()
    with store.engine.connect() as conn:
        index = MediaIndex.load(conn, cache)
    assert len(index.hashes) == len(rows(store, media_hashes))
    assert index._saved_size == 0  # read afresh from the store


def test_a_saved_page_records_its_local_images(store: Store, tmp_path: Path) -> None:
    from tests.media.synth import drawing, jpeg_bytes

    page = tmp_path / "site"
    (page / "page_files").mkdir(parents=True)
    (page / "page_files" / "map.jpg").write_bytes(jpeg_bytes(drawing(31)))
    (page / "article.html").write_text(
        "<!doctype html><html><head><title>Report</title></head><body><article>"
        "<p>Russian forces shelled Kostiantynivka on Monday, the governor said.</p>"
        '<img src="page_files/map.jpg"><img src="https://example.org/remote.jpg">'
        '<img src="data:image/png;base64,AAAA"><img src="../../etc/passwd">'
        "</article></body></html>",
        "utf-8",
    )
    summary = ingest_paths(store, [str(page / "article.html")])
    (recorded,) = rows(store, media)
    assert recorded["path"].endswith("map.jpg") and recorded["kind"] == "image"
    paths = sorted(o["path"] for o in rows(store, media_occurrences))
    assert paths == ["../../etc/passwd", "page_files/map.jpg"]
    assert [r.code for r in summary.rejected] == ["FL141"]


def test_a_decoder_failing_on_one_file_refuses_only_that_file(
    store: Store, exports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from foglift.media import hashing

    real = hashing.probe_file

    def fragile(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "photo_2.jpg":
            raise RuntimeError("decoder bug")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(hashing, "probe_file", fragile)
    summary = ingest_paths(store, [str(exports)])
    failed = [r for r in summary.rejected if r.code == "FL900"]
    assert [r.source.rsplit("/", 1)[-1] for r in failed] == ["photo_2.jpg"]
    assert "decoder bug" in failed[0].reason
    assert summary.media["files"] == 5  # the others are recorded
