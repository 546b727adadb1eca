"""Point-in-time control-map queries per second over 90 daily synthetic snapshots.

Each snapshot is a country-wide occupied polygon whose front line wiggles over
~20,000 vertices (real DeepState unions have that order of detail) plus 60
grey-zone polygons; the front moves a little every day. All geometry is made up
here. Prints the read time, point queries per second (a random settlement point,
a random day, 500 m buffer: both layers tested) and whole territorial verdicts
per second (38 days each). Run: `.venv/bin/python benchmarks/verify_speed.py`.

Recorded on a shared 2-core machine: read 90 snapshots 7.1 s, lazy index build
0.03 s, 14,557 point-in-time queries per second, 1,224 verdicts per second.
"""

from __future__ import annotations

import json
import math
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from foglift.model import Claim, Claimant, PlaceMention, Resolution, TimeSpan
from foglift.verify import MapSettings, read_control_maps
from foglift.verify.maps import place_area, place_on_day
from foglift.verify.territorial import territorial_verdicts

DAYS = 90
VERTICES = 20_000
START = date(2025, 6, 1)
WEST, EAST = 30.0, 40.0


def front(day: int) -> list[list[float]]:
    """The occupied area's ring: south of a wiggling line that creeps north."""
    edge = []
    for i in range(VERTICES):
        lon = WEST + (EAST - WEST) * i / (VERTICES - 1)
        lat = (
            47.5
            + 0.3 * math.sin(lon * 3.1)
            + 0.05 * math.sin(lon * 47 + day * 0.01)
            + 0.002 * day
        )
        edge.append([lon, lat])
    return [[WEST, 44.0], *edge, [EAST, 44.0], [WEST, 44.0]]


def grey(day: int, rng: random.Random) -> list[list[list[float]]]:
    out = []
    for _ in range(60):
        lon = rng.uniform(WEST, EAST)
        lat = 47.5 + 0.3 * math.sin(lon * 3.1) + 0.002 * day
        out.append(
            [
                [
                    [lon - 0.05, lat - 0.02],
                    [lon + 0.05, lat - 0.02],
                    [lon + 0.05, lat + 0.03],
                    [lon - 0.05, lat + 0.03],
                    [lon - 0.05, lat - 0.02],
                ]
            ]
        )
    return out


def write_maps(folder: Path) -> None:
    rng = random.Random(7)
    for d in range(DAYS):
        features = [
            {
                "type": "Feature",
                "properties": {"name": "Окуповано /// Occupied"},
                "geometry": {"type": "Polygon", "coordinates": [front(d)]},
            }
        ] + [
            {
                "type": "Feature",
                "properties": {"name": "Статус невідомий /// Unknown status"},
                "geometry": {"type": "Polygon", "coordinates": poly},
            }
            for poly in grey(d, rng)
        ]
        day = START + timedelta(days=d)
        (folder / f"deepstate_raw_{day:%Y%m%d}.geojson").write_text(
            json.dumps({"type": "FeatureCollection", "features": features}),
            encoding="utf-8",
        )


def claim(lon: float, lat: float, day: date, n: int) -> Claim:
    where = Resolution(
        f"bench:{n}", "X", (), "UA", None, None, lat, lon, "settlement", 1.0
    )
    return Claim(
        id=f"c{n}",
        claim_type="territorial",
        action="captured",
        action_as_stated="captured",
        action_start=0,
        action_end=1,
        claimant=Claimant("MoD", "official", True, "russia", 0, 1),
        stance="asserts",
        voice="author",
        start=0,
        end=1,
        time=TimeSpan(day, day, "", "date", 0, 1),
        places=(PlaceMention("X", 0, 1, where),),
    )


def main() -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_maps(folder)
        t0 = time.perf_counter()
        maps = read_control_maps(folder)
        read_s = time.perf_counter() - t0
        series = maps.series["deepstate"]
        assert len(series.snapshots) == DAYS and not maps.problems
        print(
            f"read {DAYS} snapshots ({VERTICES:,} front vertices each): {read_s:.2f} s"
        )

        points = [
            (rng.uniform(WEST + 0.5, EAST - 0.5), rng.uniform(47.0, 48.5))
            for _ in range(20_000)
        ]
        days = [START + timedelta(days=rng.randrange(DAYS)) for _ in points]
        # First touch of each snapshot builds its index: count it separately.
        t0 = time.perf_counter()
        for d in sorted(set(days)):
            place_on_day(series, 35.0, 47.5, d, place_area(35.0, 47.5, 500), 10)
        index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        held = 0
        for (lon, lat), d in zip(points, days, strict=True):
            o = place_on_day(series, lon, lat, d, place_area(lon, lat, 500), 10)
            held += bool(o and o.russia)
        query_s = time.perf_counter() - t0
        print(f"index build (lazy, all {DAYS} days): {index_s:.2f} s")
        print(
            f"point-in-time queries: {len(points) / query_s:,.0f} per second "
            f"({len(points):,} queries, {held:,} in occupied land)"
        )
        claims = [
            claim(lon, lat, START + timedelta(days=rng.randrange(10, DAYS - 30)), i)
            for i, (lon, lat) in enumerate(points[:1000])
        ]
        t0 = time.perf_counter()
        for c in claims:
            territorial_verdicts(c, None, maps, MapSettings())
        verdict_s = time.perf_counter() - t0
        print(
            f"territorial verdicts: {len(claims) / verdict_s:,.0f} per second "
            "(38 days each)"
        )


if __name__ == "__main__":
    main()
