"""Write the demo's synthetic control maps: one file per day, 1 October to
29 November 2025, of a made-up front line that moves west across Donetsk
oblast. Invented for the demo; no real map data.

    python examples/dashboard/make_maps.py examples/dashboard/maps
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST, DAYS = date(2025, 10, 1), 60
SOUTH, NORTH = 47.5, 49.2  # the moving stretch of the front
EAST = 40.2


def front(n: int) -> float:
    """The front's longitude on day ``n``: 37.95 E moving to 37.15 E."""
    return 37.95 - 0.8 * n / (DAYS - 1)


def ring(points: list[tuple[float, float]]) -> list[list[list[float]]]:
    return [[[round(x, 4), round(y, 4)] for x, y in [*points, points[0]]]]


def snapshot(n: int) -> dict[str, object]:
    f = front(n)
    # the line bends: a few kilometres further west in the middle
    line = [
        (f - 0.08 * (1 - abs(2 * (k / 10) - 1)), SOUTH + k * (NORTH - SOUTH) / 10)
        for k in range(11)
    ]
    occupied = ring([*line, (EAST, NORTH), (EAST, SOUTH)])
    grey = ring([*line, *[(x - 0.07, y) for x, y in reversed(line)]])
    held_east = ring([(38.3, 46.8), (EAST, 46.8), (EAST, 50.0), (38.3, 50.0)])
    south = ring([(33.5, 46.3), (38.3, 46.3), (38.3, 47.2), (35.6, 47.3), (33.5, 46.8)])
    features = [
        {
            "type": "Feature",
            "properties": {"name": "Окуповано /// Occupied"},
            "geometry": {"type": "Polygon", "coordinates": c},
        }
        for c in (occupied, held_east, south)
    ]
    features.append(
        {
            "type": "Feature",
            "properties": {"name": "Статус невідомий /// Unknown status"},
            "geometry": {"type": "Polygon", "coordinates": grey},
        }
    )
    return {"type": "FeatureCollection", "features": features}


# whose map the demo files are, and what their layers mean (see docs/verify.md)
SOURCE = """[[source]]
name = "demo"
pattern = "demo-front_*"
# plays a Ukrainian-side map: its own side's claims can be contradicted
side = "ukraine"
layer_properties = ["name"]

[source.layers]
"occupied" = "occupied"
"unknown" = "unknown"
"""


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(DAYS):
        day = FIRST + timedelta(days=n)
        path = out / f"demo-front_{day:%Y%m%d}.geojson"
        path.write_text(json.dumps(snapshot(n), ensure_ascii=False), encoding="utf-8")
    (out / "maps.toml").write_text(SOURCE, encoding="utf-8")
    print(f"wrote {DAYS} snapshots to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "maps"))
