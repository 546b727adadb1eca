"""The dashboard's speed on a generated store of 100,000 claims and 90 daily
control-map snapshots: the home page and its API, a claim page, a snapshot.

    python benchmarks/serve.py                 # 100k claims, 90 snapshots
    python benchmarks/serve.py --claims 20000  # quicker

Targets (issue 17): home page and its API < 300 ms, claim page < 100 ms. The
store is written row by row through the schema (extraction of 100k posts would
take the benchmark hours and is measured elsewhere); the server runs in this
process under uvicorn and is asked over loopback, so the times include HTTP and
JSON. Printed: the median and the 90th percentile of 21 requests after one warm-up
(the warm-up builds the claim index: its time is printed too).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import serve

FIRST = date(2025, 6, 1)
SNAPSHOT_DAYS = 90
# made-up settlements in the theatre: (name, lat, lon)
random.seed(17)
PLACES = [
    (f"Place {n}", 46.5 + random.random() * 4, 33.0 + random.random() * 6)
    for n in range(3000)
]
CLAIMANTS = [
    ("Russian Ministry of Defence", "russia", "ru-mod"),
    ("General Staff of the Armed Forces of Ukraine", "ukraine", "ua-general-staff"),
    ("a military blogger", "russia", None),
    ("an independent analyst", "independent", None),
    ("a local channel", "unknown", None),
]
TYPES = [("territorial", "captured"), ("losses", "destroyed"), ("strike", "struck")]
STATUSES = ["confirmed", "contradicted", "already_held", "not_confirmed", "no_data"]


def now() -> str:
    return "2025-12-01T00:00:00+00:00"


def build_store(path: Path, n_claims: int) -> None:
    from foglift.store import open_store
    from foglift.store.schema import (
        claims,
        documents,
        place_mentions,
        sources,
        verdicts,
    )

    store = open_store(str(path))
    rng = random.Random(17)
    channels = [f"channel {n}" for n in range(40)]
    with store.engine.begin() as conn:
        conn.execute(
            sources.insert(), [{"name": c, "kind": "telegram"} for c in channels]
        )
    batch = 5000
    for start in range(0, n_claims, batch):
        docs, rows, places, judged = [], [], [], []
        for n in range(start, min(n_claims, start + batch)):
            doc_id = f"d{n:08d}"
            day = FIRST + timedelta(days=rng.randrange(SNAPSHOT_DAYS))
            name, lat, lon = PLACES[rng.randrange(len(PLACES))]
            who, side, registry = CLAIMANTS[rng.randrange(len(CLAIMANTS))]
            claim_type, action = TYPES[rng.randrange(len(TYPES))]
            text = f"{who} said forces {action} {name} on {day:%B %d}."
            docs.append(
                {
                    "id": doc_id,
                    "item_key": f"bench#{n}",
                    "version": 1,
                    "source_name": channels[n % len(channels)],
                    "kind": "telegram",
                    "published": day.isoformat(),
                    "lang": ("en", "ru", "uk")[n % 3],
                    "extracted": True,
                    "text": text,
                    "raw_length": len(text),
                    "content_hash": f"{n:064d}",
                    "media": [],
                    "repairs": [],
                    "sentences": [],
                    "claimants": [],
                    "stages": [],
                    "ingested_at": now(),
                }
            )
            claim_id = f"{doc_id}:c1"
            at = text.index(name)
            rows.append(
                {
                    "id": claim_id,
                    "document_id": doc_id,
                    "claim_id": "c1",
                    "claim_type": claim_type,
                    "action": action,
                    "action_as_stated": action,
                    "action_start": text.index(action),
                    "action_end": text.index(action) + len(action),
                    "claimant_name": who,
                    "claimant_kind": "official",
                    "claimant_named": True,
                    "claimant_side": side,
                    "claimant_registry_id": registry,
                    "claimant": {
                        "name": who,
                        "side": side,
                        "start": 0,
                        "end": len(who),
                        "registry_id": registry,
                    },
                    "agent_side": side,
                    "stance": "asserts",
                    "voice": "attributed",
                    "start": 0,
                    "end": len(text),
                    "text": text,
                    "first_day": day.isoformat(),
                    "last_day": day.isoformat(),
                    "hedges": [],
                    "reactions": [],
                }
            )
            places.append(
                {
                    "document_id": doc_id,
                    "claim_id": claim_id,
                    "name": name,
                    "start": at,
                    "end": at + len(name),
                    "gazetteer_id": f"bench:{name}",
                    "resolved_name": name,
                    "country": "UA",
                    "lat": lat,
                    "lon": lon,
                    "precision": "settlement",
                    "confidence": 1.0,
                }
            )
            if claim_type == "territorial":
                judged.append(
                    {
                        "claim_id": claim_id,
                        "check": "control_map",
                        "status": STATUSES[rng.randrange(len(STATUSES))],
                        "steps": ["generated"],
                        "parameters": {},
                        "evidence": [],
                        "created_at": now(),
                    }
                )
        with store.engine.begin() as conn:
            conn.execute(documents.insert(), docs)
            conn.execute(claims.insert(), rows)
            conn.execute(place_mentions.insert(), places)
            if judged:
                conn.execute(verdicts.insert(), judged)
    store.close()


def write_maps(folder: Path) -> None:
    """90 daily snapshots: a front of 400 vertices that moves a little each day."""
    folder.mkdir(parents=True, exist_ok=True)
    for d in range(SNAPSHOT_DAYS):
        day = FIRST + timedelta(days=d)
        line = [
            (36.5 - 0.004 * d + 0.05 * ((k * 7919) % 13) / 13, 46.5 + k * 4.0 / 399)
            for k in range(400)
        ]
        ring = [*line, (40.0, 50.5), (40.0, 46.5), line[0]]
        doc = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "Occupied"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]],
                    },
                }
            ],
        }
        (folder / f"deepstatemap_data_{day:%Y%m%d}.geojson").write_text(
            json.dumps(doc), encoding="utf-8"
        )


def timed(client: Any, url: str, runs: int = 21) -> tuple[float, float]:
    """``{n}`` in ``url`` is replaced by the run's number (a new question each
    time, nothing cached)."""
    times = []
    for n in range(runs):
        t = time.perf_counter()
        response = client.get(url.replace("{n}", str(1000 + n)))
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, (url, response.text[:200])
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    import httpx

    from foglift.serve import create_app, open_read_only

    with tempfile.TemporaryDirectory() as tmp:
        db, maps = Path(tmp) / "bench.db", Path(tmp) / "maps"
        t = time.perf_counter()
        build_store(db, args.claims)
        write_maps(maps)
        print(
            f"store of {args.claims} claims, {SNAPSHOT_DAYS} snapshots written "
            f"in {time.perf_counter() - t:.0f} s"
        )
        store = open_read_only(str(db))
        from foglift.serve.index import build_index

        t = time.perf_counter()
        build_index(store)
        print(
            f"claim index built in {time.perf_counter() - t:.1f} s (at start, "
            "in the background; again after the store changes)"
        )
        t = time.perf_counter()
        app = create_app(store, str(maps))
        print(f"control maps read: {time.perf_counter() - t:.1f} s")
        server, url = serve(app)
        with httpx.Client(base_url=url, timeout=60) as client:
            t = time.perf_counter()
            client.get("/api/filters")
            print(f"first request answered after {time.perf_counter() - t:.1f} s")
            bbox = "bbox=31.0,45.0,41.0,52.0&zoom=6"
            claim = client.get("/api/claims?limit=1").json()["claims"][0]["id"]
            client.get(f"/claims/{claim}")
            rows = [
                ("home page (HTML)", "/", 300),
                ("home API, no filter", f"/api/view?{bbox}", 300),
                (
                    "home API, verdict + side",
                    f"/api/view?{bbox}&verdict=confirmed&side=russia",
                    300,
                ),
                (
                    "home API, brushed range",
                    f"/api/view?{bbox}&from=2025-07-01&to=2025-07-31",
                    300,
                ),
                ("home API, new text search", f"/api/view?{bbox}&q=Place%20{{n}}", 300),
                ("home API, same search", f"/api/view?{bbox}&q=Place%2017", 300),
                ("home API, zoom 10", "/api/view?bbox=35,48,36,48.6&zoom=10", 300),
                ("filters API", "/api/filters", 300),
                ("claim page (HTML)", f"/claims/{claim}", 100),
                ("claim API", f"/api/claims/{claim}", 100),
                ("snapshot of a day", "/api/snapshots/2025-07-15", 300),
            ]
            print(f"{'request':<28} {'median ms':>10} {'p90 ms':>8}  target")
            for label, path, target in rows:
                median, p90 = timed(client, path)
                verdict = "ok" if median < target else "OVER"
                print(f"{label:<28} {median:>10.1f} {p90:>8.1f}  < {target} {verdict}")
        server.should_exit = True
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
