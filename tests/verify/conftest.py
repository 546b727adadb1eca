"""Synthetic control maps and claims built by the tests (never real map data)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from foglift.model import Claim, Claimant, PlaceMention, Resolution, TimeSpan

# A made-up settlement on a made-up front line; every polygon is a box around it.
LON, LAT = 37.0, 48.0
NEAR = 0.003  # ~220 m of latitude: inside the 500 m buffer
FAR = 0.05  # ~3.7 km: outside it


def box(x0: float, y0: float, x1: float, y1: float) -> list[list[list[float]]]:
    return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]


def occupied_box(reach: float) -> list[list[list[float]]]:
    """Occupied land south of the settlement, its edge ``reach`` below it."""
    return box(LON - 1, LAT - 1, LON + 1, LAT - reach)


def union_file(path: Path, polygons: Iterable[list[list[list[float]]]]) -> Path:
    """Layout 1: one bare MultiPolygon of occupied land."""
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "MultiPolygon", "coordinates": list(polygons)},
            }
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def raw_file(
    path: Path,
    layers: Iterable[tuple[str, list[list[list[float]]]]],
    extra: dict[str, Any] | None = None,
    points: int = 1,
) -> Path:
    """Layout 2: named layers (DeepState names) plus point features to ignore."""
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "properties": {"name": name},
            "geometry": {"type": "Polygon", "coordinates": coords},
        }
        for name, coords in layers
    ]
    features += [
        {
            "type": "Feature",
            "properties": {"name": "Напрямок атаки /// Attack direction"},
            "geometry": {"type": "Point", "coordinates": [LON, LAT]},
        }
    ] * points
    doc = {"type": "FeatureCollection", **(extra or {}), "features": features}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


OCCUPIED = "Окуповано /// Occupied"
UNKNOWN = "Статус невідомий /// Unknown status"
LIBERATED = "Звільнено /// Liberated"


@pytest.fixture
def daily_maps(tmp_path: Path) -> Callable[..., Path]:
    """Write one layout-1 file per day: ``held(day) -> bool`` sets the front."""

    def write(
        first: date,
        last: date,
        held: Callable[[date], bool],
        prefix: str = "deepstatemap_data_",
        skip: Iterable[date] = (),
    ) -> Path:
        folder = tmp_path / "maps"
        folder.mkdir(exist_ok=True)
        skipped = set(skip)
        day = first
        while day <= last:
            if day not in skipped:
                reach = -NEAR if held(day) else FAR
                union_file(
                    folder / f"{prefix}{day:%Y%m%d}.geojson", [occupied_box(reach)]
                )
            day += timedelta(days=1)
        return folder

    return write


def make_claim(
    side: str = "russia",
    action: str = "captured",
    stance: str = "asserts",
    day: date | None = date(2025, 6, 20),
    precision: str = "settlement",
    resolved: bool = True,
    claim_type: str = "territorial",
) -> Claim:
    resolution = (
        Resolution(
            gazetteer_id="test:1",
            name="Testivka",
            native_names=(),
            country="UA",
            admin1="Donetsk",
            admin2=None,
            lat=LAT,
            lon=LON,
            precision=precision,  # type: ignore[arg-type]
            confidence=0.9,
        )
        if resolved
        else None
    )
    return Claim(
        id="c1",
        claim_type=claim_type,  # type: ignore[arg-type]
        action=action,
        action_as_stated=action,
        action_start=0,
        action_end=1,
        claimant=Claimant(
            name="Someone", kind="official", named=True, side=side, start=0, end=1
        ),  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        voice="author",
        start=0,
        end=10,
        time=TimeSpan(day, day, "today", "date", 0, 1) if day else None,
        places=(PlaceMention("Testivka", 0, 8, resolution),),
    )
