"""The outside-theatre flag at its threshold: OUTSIDE_KM past the anchor's radius."""

from __future__ import annotations

import math

from foglift.geography import distance_km
from foglift.geoparse.flags import OUTSIDE_KM, place_flags
from foglift.geoparse.index import Place
from foglift.geoparse.resolve import Match, Scored
from foglift.geoparse.theatre import Resolved, Span

ANCHOR = (48.0, 37.5)  # a Ukrainian village the text names: radius 40 km
VILLAGE_RADIUS = 40.0


def _resolved(pk: int, name: str, country: str, lat: float, lon: float) -> Resolved:
    place = Place(
        pk, f"test:{pk}", f"test:{pk}", name, country, lat, lon,
        "settlement", "PPL", 5_000, (), (),
    )  # fmt: skip
    scored = Scored(Match(place, "name", name.casefold()), 4.0, ("matched name",))
    return Resolved(
        Span(0, len(name), name), (scored,), 1.0, ("matched name",), False,
        place_evidence="after 'near'",
    )  # fmt: skip


def _due_east(km: float) -> tuple[float, float]:
    """A point ``km`` due east of the anchor (along its parallel, near enough)."""
    lat, lon = ANCHOR
    step = km / (111.195 * math.cos(math.radians(lat)))
    for _ in range(5):  # correct for the great circle
        step *= km / distance_km(lat, lon, lat, lon + step)
    return lat, lon + step


def _outside(km: float) -> bool:
    resolved = [
        _resolved(1, "Ulmivka", "UA", *ANCHOR),
        _resolved(2, "Zarnograd", "RU", *_due_east(km)),
    ]
    return any(
        f.code == "place.outside_theatre" and f.index == 1
        for f in place_flags(resolved)
    )


def test_a_namesake_just_inside_the_reach_is_not_flagged() -> None:
    assert not _outside(VILLAGE_RADIUS + OUTSIDE_KM - 10)


def test_a_namesake_just_outside_the_reach_is_flagged() -> None:
    assert _outside(VILLAGE_RADIUS + OUTSIDE_KM + 10)


def test_the_reach_is_four_hundred_km_past_a_village() -> None:
    # a neighbouring oblast is in reach, the far side of the Volga is not
    assert not _outside(420.0)
    assert _outside(460.0)
