"""The resolver's constants at their edges, on invented places (no gazetteer).

Each test sets two candidates for one name a known distance apart in score
and checks that the constant under test decides between them, so that a
change of the constant shows.
"""

from __future__ import annotations

import math

import pytest

from foglift.geoparse import resolve
from foglift.geoparse.index import Place
from foglift.geoparse.resolve import (
    Match,
    PlaceContext,
    context_of_place,
    importance,
    peer_group,
    rank,
)


def _place(
    pk: int,
    precision: str,
    population: int,
    lat: float = 48.0,
    lon: float = 37.0,
    country: str = "XA",
    fcode: str = "PPL",
) -> Place:
    return Place(
        pk, f"test:{pk}", f"test:{pk}", f"Place {pk}", country, lat, lon,
        precision, fcode, population, (), (),
    )  # fmt: skip


def _population_for(score: float) -> int:
    """The population whose importance is ``score``."""
    return round(10**score - 10)


def _winner(context: PlaceContext, *places: Place) -> int:
    return rank([Match(p, "name", "place") for p in places], context)[0].match.place.pk


def test_level_bonus_lifts_a_region_named_beside_its_peers() -> None:
    # a district 0.3 points ahead on size; one peer region named in the text
    region = _place(1, "region", _population_for(5.0), fcode="ADM1")
    district = _place(2, "district", _population_for(5.3), lat=55.0, fcode="ADM2")
    context = PlaceContext()
    assert _winner(context, region, district) == 2
    context.levels[(peer_group("XA"), "region")] = 1.0
    assert _winner(context, region, district) == 1
    # the gain per peer is LEVEL_BONUS, so half a point and more stays ahead
    ahead = _place(3, "district", _population_for(5.55), lat=55.0, fcode="ADM2")
    assert _winner(context, region, ahead) == 3


def test_level_bonus_is_capped() -> None:
    region = _place(1, "region", _population_for(5.0), fcode="ADM1")
    ahead = _place(2, "district", _population_for(6.05), lat=55.0, fcode="ADM2")
    context = PlaceContext()
    context.levels[(peer_group("XA"), "region")] = 10.0  # ten peers: still LEVEL_CAP
    assert _winner(context, region, ahead) == 2
    behind = _place(3, "district", _population_for(5.95), lat=55.0, fcode="ADM2")
    assert _winner(context, region, behind) == 1


def test_an_anchor_lifts_its_village_over_a_larger_namesake() -> None:
    """ "Rivne by Pokrovsk": the anchor makes the village 3 km away a neighbour
    of weight 3 / NEAR_SHARE = 2, worth the capped NEAR_CAP; a larger town of the
    name 2.5 points ahead on size loses to it, one 3.5 points ahead does not."""
    anchor = _place(9, "settlement", 60_000, lat=48.30, lon=37.20)
    village = _place(1, "settlement", _population_for(3.0), lat=48.327, lon=37.2)
    town = _place(2, "settlement", _population_for(5.5), lat=50.6, lon=26.2)
    context = context_of_place(anchor)
    assert _winner(context, village, town) == 1
    city = _place(3, "settlement", _population_for(6.5), lat=50.6, lon=26.2)
    assert _winner(context, village, city) == 3


def test_the_anchor_weighs_three_over_near_share() -> None:
    anchor = _place(9, "settlement", 60_000, lat=48.30, lon=37.20)
    (point,) = context_of_place(anchor, weight=3.0).points
    assert point == (48.30, 37.20, pytest.approx(2.0))
    # a neighbour 30 km off gives weight x 1.5: 3.0, at the cap
    village = _place(1, "settlement", _population_for(3.0), lat=48.57, lon=37.2)
    scored = rank([Match(village, "name", "x")], context_of_place(anchor))[0]
    assert scored.score == pytest.approx(importance(village) + resolve.NEAR_CAP)
    assert math.isclose(scored.nearest_km, 30.0, abs_tol=0.5)
