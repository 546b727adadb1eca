"""A small stored corpus and synthetic control maps drawn around its places."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from foglift.store.db import Store
from tests.verify.conftest import box, union_file

POSTS = [
    {
        "guid": "p1",
        "body": "The Russian Defense Ministry said its forces captured Kurakhove "
        "on November 11.",
        "date": "2025-11-12",
    },
    {
        "guid": "p2",
        "body": "Ukraine's General Staff said its forces liberated Kupiansk "
        "on November 10.",
        "date": "2025-11-12",
    },
    {
        "guid": "p3",
        "body": "The Russian Defense Ministry said its forces captured Toretsk "
        "on November 5.",
        "date": "2025-11-06",
    },
    {
        "guid": "p4",
        "body": "Ukraine's General Staff said its forces destroyed 5 tanks near "
        "Toretsk on November 8.",
        "date": "2025-11-09",
    },
]

FIRST, LAST = date(2025, 10, 20), date(2025, 12, 20)
# Where the made-up front runs: held(day) says whether Russia holds the place.
FRONT: dict[str, Callable[[date], bool]] = {
    "Kurakhove": lambda d: d >= date(2025, 11, 14),  # confirmed, lag +3
    "Kupiansk": lambda d: True,  # Ukraine's liberation never shows: contradicted
    "Toretsk": lambda d: True,  # held long before the claim: already_held
}
ELSEWHERE = box(30.0, 45.0, 30.1, 45.1)  # keeps every file non-empty


def write_posts(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "posts.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in POSTS) + "\n", "utf-8")
    return path


def write_maps(
    folder: Path, points: dict[str, tuple[float, float]], skip: tuple[date, ...] = ()
) -> Path:
    """One occupied-union file per day: a 2 km box around each held place."""
    folder.mkdir(parents=True, exist_ok=True)
    day = FIRST
    while day <= LAST:
        if day not in skip:
            polygons = [ELSEWHERE]
            for name, (lat, lon) in points.items():
                if FRONT[name](day):
                    polygons.append(box(lon - 0.02, lat - 0.02, lon + 0.02, lat + 0.02))
            union_file(folder / f"deepstatemap_data_{day:%Y%m%d}.geojson", polygons)
        day += timedelta(days=1)
    return folder


def ingest_with_maps(store: Store, tmp_path: Path) -> Path:
    """Ingest the posts into ``store``; the maps folder drawn around the
    places its territorial claims resolved to."""
    from foglift.runs.ingest import ingest_paths
    from foglift.store.query import ClaimFilter, query_claims

    ingest_paths(store, [str(write_posts(tmp_path / "in"))])
    points = {
        p["resolved"]["name"]: (p["resolved"]["lat"], p["resolved"]["lon"])
        for r in query_claims(store, ClaimFilter(types=("territorial",)))
        for p in r["places"]
    }
    return write_maps(tmp_path / "maps", points)
