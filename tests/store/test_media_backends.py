"""Media provenance on each store back-end (SQLite always, PostgreSQL when a
server can be had): records, clusters, the recycled finding, an idempotent
rerun."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from foglift.runs.ingest import ingest_paths
from foglift.runs.media import find_media
from foglift.store import open_store
from foglift.store.media import list_clusters
from foglift.store.schema import findings, media, media_occurrences
from tests.media.conftest import make_exports


def test_media_on_each_backend(db_url: str, tmp_path: Path) -> None:
    exports = make_exports(tmp_path)
    store = open_store(db_url)
    try:
        first = ingest_paths(store, [str(exports)])
        again = ingest_paths(store, [str(exports)])
        with store.engine.connect() as conn:
            files = conn.execute(select(media.c.path, media.c.cluster)).all()
            occurrences = conn.execute(select(media_occurrences.c.id)).all()
            codes = [r.code for r in conn.execute(select(findings.c.code))]
        clusters = {Path(p).name: c for p, c in files}
        assert first.media["files"] == len(files) == 6 and not again.media
        assert clusters["new.mp4"] == clusters["strike.mp4"]
        assert len(occurrences) == 12
        assert codes.count("media.recycled") == 2
        assert [c["posts"] for c in list_clusters(store)] == [3, 2]
        clip = exports / "ChatExport_first" / "video_files" / "strike.mp4"
        found = find_media(store, clip)
        assert {m["id"] for m in found["matches"]} == {
            r["media"] for r in found["clusters"][0]["chain"]
        }
    finally:
        store.close()
