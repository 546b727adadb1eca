"""The front line on a claim's day as evidence for a namesake (frontline.py).

The maps are synthetic polygons written here, never real map data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from foglift.geoparse.frontline import FrontEvidence, front_km
from foglift.geoparse.resolve import find_matches
from foglift.geoparse.theatre import Span, resolve_spans
from foglift.verify import read_control_maps

DAY = date(2025, 6, 2)
# Dachne: a dozen villages of the name, five of them in Dnipropetrovsk Oblast
TEXT = "The defence ministry said on Monday that its troops had taken Dachne."


def _maps(folder: Path, east_of: float) -> Path:
    """One day's occupied land: everything east of a meridian in the south
    east of Ukraine, a front line running north to south."""
    ring = [[east_of, 46.5], [40.5, 46.5], [40.5, 49.5], [east_of, 49.5]]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            }
        ],
    }
    folder.mkdir()
    path = folder / f"deepstatemap_data_{DAY:%Y%m%d}.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return folder


def _dachne(maps_dir: Path | None) -> tuple[float, float]:
    start = TEXT.index("Dachne")
    span = Span(start, start + len("Dachne"), "Dachne")
    front = None
    if maps_dir is not None:
        front = FrontEvidence(
            read_control_maps(maps_dir), DAY, frozenset({(span.start, span.end)})
        )
    (resolved,) = resolve_spans(TEXT, [span], front=front)
    assert resolved.best is not None
    place = resolved.best.match.place
    return place.lat, place.lon


def test_the_namesake_by_the_front_line_is_chosen(tmp_path: Path) -> None:
    alone = _dachne(None)
    # a front just east of each of two namesakes chooses that one
    for lon in (36.27, 36.83):
        _lat, found = _dachne(_maps(tmp_path / f"m{lon}", lon + 0.03))
        assert abs(found - lon) < 0.02, (lon, found)
    # with no front near any namesake, the choice is the one made without maps
    assert _dachne(_maps(tmp_path / "far", 40.0)) == alone


def test_the_front_is_not_the_coast_or_a_border_in_occupied_land(
    tmp_path: Path,
) -> None:
    maps = read_control_maps(_maps(tmp_path / "m", 36.85))
    dachne = [m.place for m in find_matches("Dachne")]
    by_lon = {round(p.lon, 1): p for p in dachne}
    # a village 2 km west of the line: the front is near
    near = front_km(maps, DAY, by_lon[36.8])
    assert near is not None and near < 15
    # a village deep in occupied land near the Russian border: no front
    assert front_km(maps, DAY, by_lon[38.7]) is None
    # a day far from every snapshot: no evidence
    assert front_km(maps, date(2023, 1, 1), by_lon[36.8]) is None


def test_the_stage_looks_for_ground_claims_only_by_the_front(tmp_path: Path) -> None:
    import dataclasses

    from foglift.geoparse import geoparse
    from foglift.model import Claim, Claimant, Document, PlaceMention

    start = TEXT.index("Dachne")
    mention = PlaceMention("Dachne", start, start + len("Dachne"))

    def chosen(claim_type: str, maps: Path | None) -> float:
        claim = Claim(
            id="c1", claim_type=claim_type, action="captured",  # type: ignore[arg-type]
            action_as_stated="taken", action_start=0, action_end=1,
            claimant=Claimant("the defence ministry", "official", True, "russia",
                              0, 1),  # type: ignore[arg-type]
            stance="asserts", voice="attributed", start=0, end=len(TEXT),
            places=(mention,),
        )  # fmt: skip
        doc = Document(id="d", text=TEXT, source="test", published=DAY)
        doc = dataclasses.replace(doc, claims=(claim,), places=(mention,))
        layer = read_control_maps(maps) if maps else None
        out = geoparse(doc, layer)
        resolved = out.claims[0].places[0].resolved
        assert resolved is not None
        return resolved.lon

    alone = chosen("territorial", None)
    lon = 36.27 if abs(alone - 36.27) > 0.05 else 36.83
    maps = _maps(tmp_path / "m", lon + 0.03)
    assert abs(chosen("territorial", maps) - lon) < 0.02
    # a strike may hit a town far behind the front: the maps say nothing
    assert chosen("strike", maps) == alone
