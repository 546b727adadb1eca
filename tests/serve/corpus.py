"""A small corpus written for these tests, synthetic control maps drawn around
its places, and a hostile corpus: everything a dashboard test needs."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from foglift.store.db import Store

POSTS: list[dict[str, Any]] = [
    {
        "guid": "a1",
        "body": "The Russian Defense Ministry said its forces captured Kurakhove "
        "on November 11.",
        "date": "2025-11-12",
        "channel": "Wire one",
    },
    {
        "guid": "a2",
        "body": "Ukraine's General Staff said its forces liberated Kupiansk "
        "on November 10.",
        "date": "2025-11-12",
        "channel": "Wire two",
    },
    {
        "guid": "a3",
        "body": "The Russian Defense Ministry said its forces captured Toretsk "
        "on November 5.",
        "date": "2025-11-06",
        "channel": "Wire one",
    },
    {
        "guid": "a4",
        "body": "The Russian Defense Ministry said its forces captured Siversk "
        "on November 20.",
        "date": "2025-11-21",
        "channel": "Wire one",
    },
    {
        "guid": "a5",
        "body": "Ukraine's General Staff said its forces destroyed 5 tanks near "
        "Toretsk on November 8.",
        "date": "2025-11-09",
        "channel": "Wire two",
    },
    {
        "guid": "a6",
        "body": "Минобороны России заявило, что российские войска освободили "
        "Курахово 11 ноября.",
        "date": "2025-11-12",
        "channel": "Лента",
    },
]

FIRST, LAST = date(2025, 10, 25), date(2025, 12, 10)
# Who holds each place on the made-up front, day by day.
FRONT: dict[str, Callable[[date], bool]] = {
    "Kurakhove": lambda d: d >= date(2025, 11, 14),  # confirmed three days later
    "Kupiansk": lambda d: True,  # a liberation that never shows: contradicted
    "Toretsk": lambda d: True,  # held long before the claim: already held
    "Siversk": lambda d: False,  # never shows: not confirmed
}
# a grey zone that appears on the last week only: the slider must show it
GREY_FROM = date(2025, 12, 3)
ELSEWHERE = [[[30.0, 45.0], [30.1, 45.0], [30.1, 45.1], [30.0, 45.1], [30.0, 45.0]]]


def box(lon: float, lat: float, r: float) -> list[list[list[float]]]:
    return [
        [
            [lon - r, lat - r],
            [lon + r, lat - r],
            [lon + r, lat + r],
            [lon - r, lat + r],
            [lon - r, lat - r],
        ]
    ]


def write_jsonl(path: Path, posts: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "\n".join(json.dumps(p, ensure_ascii=False) for p in posts) + "\n", "utf-8"
    )
    return path


def write_maps(folder: Path, points: dict[str, tuple[float, float]]) -> Path:
    """One DeepState-style file per day: occupied boxes around held places and
    a grey box that appears on ``GREY_FROM``."""
    folder.mkdir(parents=True, exist_ok=True)
    day = FIRST
    while day <= LAST:
        features = [
            {
                "type": "Feature",
                "properties": {"name": "Окуповано /// Occupied"},
                "geometry": {"type": "Polygon", "coordinates": ELSEWHERE},
            }
        ]
        for name, (lat, lon) in points.items():
            if FRONT.get(name, lambda d: False)(day):
                features.append(
                    {
                        "type": "Feature",
                        "properties": {"name": "Окуповано /// Occupied"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": box(lon, lat, 0.02),
                        },
                    }
                )
        if day >= GREY_FROM:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": "Статус невідомий /// Unknown status"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": box(36.5, 48.5, 0.1),
                    },
                }
            )
        doc = {"type": "FeatureCollection", "features": features}
        (folder / f"deepstatemap_data_{day:%Y%m%d}.geojson").write_text(
            json.dumps(doc, ensure_ascii=False), "utf-8"
        )
        day += timedelta(days=1)
    return folder


def build_store(store: Store, folder: Path, posts: list[dict[str, Any]]) -> Path:
    """Ingest, link and verify ``posts``; returns the maps folder."""
    from foglift.runs.ingest import ingest_paths
    from foglift.runs.link import link_store
    from foglift.runs.verify import verify_store
    from foglift.sources import load_registry
    from foglift.store.query import ClaimFilter, query_claims
    from foglift.verify import MapSettings, read_control_maps

    ingest_paths(store, [str(write_jsonl(folder / "in" / "posts.jsonl", posts))])
    link_store(store, load_registry())
    points = {
        p["resolved"]["name"]: (p["resolved"]["lat"], p["resolved"]["lon"])
        for r in query_claims(store, ClaimFilter(types=("territorial",)))
        for p in r["places"]
        if p.get("resolved")
    }
    maps = write_maps(folder / "maps", points)
    verify_store(store, read_control_maps(maps), MapSettings())
    return maps


PAYLOADS = (
    "<script>window.__pwned = 1; alert(1)</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 3">'
    "<script>window.__pwned = 4</script></svg>",
    '<a href="javascript:window.__pwned = 5">click</a>',
    "\u202eevil\u202c \u2067rtl\u2069",
    '"><iframe src="http://203.0.113.9/x"></iframe>',
    '<link rel="stylesheet" href="http://203.0.113.9/x.css">',
    "{{ 7 * 7 }} {% raw %}",
)


def hostile_posts() -> list[dict[str, Any]]:
    """Posts an adversary would write: markup, handlers, javascript: links,
    SVG, direction overrides, a 1 MB post; each still carries a claim."""
    posts = []
    for n, payload in enumerate(PAYLOADS):
        posts.append(
            {
                "guid": f"h{n}",
                "body": f"The Russian Defense Ministry said its forces captured "
                f"Kurakhove {payload} on November {n + 1}.",
                "date": f"2025-11-{n + 2:02d}",
                "channel": f"chan {payload}",
                "title": payload,
                "author": payload,
                "url": "javascript:window.__pwned = 6" if n % 2 else payload,
            }
        )
    # a 1 MB post: one claim, then a flood of markup (ingesting it takes
    # about half a minute)
    flood = "<b>flood</b> <script>window.__pwned = 7</script> "
    big = (
        "Ukraine's General Staff said its forces liberated Kupiansk on November 3. "
        + flood * (1_000_000 // len(flood) + 1)
    )[:1_000_000]
    posts.append({"guid": "big", "body": big, "date": "2025-11-04", "channel": "big"})
    return posts
