"""Control-map snapshots for the map's date slider and the place pages.

Snapshots are read once with :func:`foglift.verify.maps.read_control_maps`
(the same reader and layer rules as ``foglift verify``); the layer a day draws
is simplified for the screen and kept, so moving the slider back and forth
costs one read per day.
"""

from __future__ import annotations

import bisect
import threading
from datetime import date
from functools import lru_cache
from typing import Any

import shapely  # type: ignore[import-untyped]

from foglift.verify.maps import ControlMaps, MapSeries, read_control_maps

# ~100 m: far below what a screen shows at the zooms a front line is read at
SIMPLIFY_DEGREES = 0.001
DRAWN = ("occupied", "unknown")


class Snapshots:
    """Every map source's days, and each day's layers as GeoJSON."""

    def __init__(self, directory: str | None) -> None:
        self.maps: ControlMaps | None = (
            read_control_maps(directory) if directory else None
        )
        self._lock = threading.Lock()
        self._drawn = lru_cache(maxsize=64)(self._draw)

    @property
    def series(self) -> list[MapSeries]:
        if self.maps is None:
            return []
        # DeepState first (the map analysts read daily), then by name
        return sorted(
            self.maps.series.values(), key=lambda s: (s.source != "deepstate", s.source)
        )

    def listing(self) -> dict[str, Any]:
        return {
            "sources": [
                {
                    "source": s.source,
                    "side": s.side,
                    "days": [d.isoformat() for d in s.days()],
                }
                for s in self.series
            ],
            "problems": [
                {"path": p.path.rsplit("/", 1)[-1], "code": p.code, "reason": p.reason}
                for p in (self.maps.problems if self.maps else [])
            ],
        }

    def find(self, source: str | None) -> MapSeries | None:
        for s in self.series:
            if source is None or s.source == source:
                return s
        return None

    def day_on_or_before(self, series: MapSeries, day: date) -> date | None:
        days = series.days()
        i = bisect.bisect_right(days, day) - 1
        return days[i] if i >= 0 else None

    def geojson(self, series: MapSeries, day: date) -> dict[str, Any]:
        with self._lock:
            found: dict[str, Any] = self._drawn(series.source, day)
            return found

    def _draw(self, source: str, day: date) -> dict[str, Any]:
        series = self.find(source)
        assert series is not None
        snap = series.snapshots[day]
        features = []
        for status in DRAWN:
            parts = snap.parts.get(status, [])
            if not parts:
                continue
            merged = shapely.union_all(parts)
            simple = shapely.simplify(merged, SIMPLIFY_DEGREES, preserve_topology=True)
            if simple.is_empty:
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"status": status},
                    "geometry": shapely.geometry.mapping(simple),
                }
            )
        return {
            "type": "FeatureCollection",
            "source": source,
            "side": series.side,
            "day": day.isoformat(),
            "files": [
                {"name": f.path.rsplit("/", 1)[-1], "sha256": f.sha256}
                for f in snap.files
            ],
            "features": features,
        }

    def history(self, lat: float, lon: float) -> list[dict[str, Any]]:
        """What each snapshot shows at a point: occupied, grey zone or neither."""
        point = shapely.points(lon, lat)
        out = []
        for series in self.series:
            for day in series.days():
                snap = series.snapshots[day]
                if not snap.covers(lon, lat):
                    continue
                status = (
                    "occupied"
                    if snap.touches("occupied", point)
                    else "unknown"
                    if snap.touches("unknown", point)
                    else "not_occupied"
                )
                out.append(
                    {"source": series.source, "day": day.isoformat(), "status": status}
                )
        return out
