"""An export reads one snapshot, page after page: a writer committing in the
middle adds nothing to it and no claim comes out twice."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from foglift.store import open_store
from foglift.store.query import ClaimFilter, query_claims

Run = Callable[..., tuple[int, str, str]]
PLACES = ("Kurakhove", "Pokrovsk", "Toretsk", "Kupiansk", "Lyman", "Siversk")


def _posts(path: Path, first: int, count: int) -> None:
    rows = [
        {
            "id": str(n),
            "published": f"2025-{1 + n % 12:02d}-{1 + n % 27:02d}",
            "text": f"Report {n}: Russian forces captured {PLACES[n % 6]} and "
            f"struck {PLACES[(n + 1) % 6]}, the Russian Defence Ministry said.",
        }
        for n in range(first, first + count)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")


def test_pages_come_from_one_snapshot(tmp_path: Path, run_cli: Run) -> None:
    db = str(tmp_path / "s.db")
    _posts(tmp_path / "a.jsonl", 0, 330)
    assert run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", db, "--quiet")[0] == 0
    store = open_store(db, create=False)
    try:
        before = [r["id"] for r in query_claims(store, ClaimFilter())]
        assert len(before) > 600  # more than one page of 500
        export = query_claims(store, ClaimFilter())
        seen = [next(export)["id"] for _ in range(550)]
        # another process's ingest commits while the export is half done
        _posts(tmp_path / "b.jsonl", 1000, 40)
        code, _, _ = run_cli("ingest", str(tmp_path / "b.jsonl"), "--db", db, "--quiet")
        assert code == 0
        seen += [r["id"] for r in export]
        assert len(seen) == len(set(seen))
        assert seen == before  # the same claims in the same order
        after = [r["id"] for r in query_claims(store, ClaimFilter())]
        assert len(after) > len(before)
    finally:
        store.close()
