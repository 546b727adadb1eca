"""A town is not a point: settlements read over an extent, by share of its area.

Synthetic towns of several sizes on a made-up front; the gazetteer's sizes are
stood in for by the test so the extents are known.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from foglift.model import Candidate, PlaceMention, Resolution
from foglift.verify import MapSettings, read_control_maps, replay
from foglift.verify import extent as extent_module
from foglift.verify.extent import radius_for_population, settlement_extent
from foglift.verify.territorial import territorial_verdicts

from .conftest import LAT, LON, OCCUPIED, UNKNOWN, box, make_claim, raw_file

D = date(2025, 6, 20)
M_PER_DEG = 111_320.0
SIZES = {
    "test:city": (100_000, "PPL_M"),
    "test:town": (5_000, "PPL_M"),
    "test:village": (300, "PPL_C"),
    "test:hamlet": (0, "PPL_C"),
}


@pytest.fixture(autouse=True)
def sizes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(extent_module, "_size_of", lambda gid, lat: SIZES.get(gid))
    yield


def place(gid: str, confidence: float = 0.95, **kw: object) -> Resolution:
    base = make_claim().places[0].resolved
    assert base is not None
    return replace(base, gazetteer_id=gid, confidence=confidence, **kw)  # type: ignore[arg-type]


def claim_at(r: Resolution, **kw: object) -> object:
    c = make_claim(**kw)  # type: ignore[arg-type]
    return replace(c, places=(PlaceMention("Testivka", 0, 8, r),))


def front_maps(
    folder: Path, edge_m: float, grey_m: float | None = None, prefix: str = "raw"
) -> Path:
    """Daily raw files: occupied land south of a line ``edge_m`` north of the
    centre (negative: south of it), and a grey band up to ``grey_m``."""
    folder.mkdir(exist_ok=True)
    edge = LAT + edge_m / M_PER_DEG
    for n in range(-10, 31):
        layers = [(OCCUPIED, box(LON - 1, LAT - 1, LON + 1, edge))]
        if grey_m is not None:
            layers.append(
                (UNKNOWN, box(LON - 1, edge, LON + 1, LAT + grey_m / M_PER_DEG))
            )
        day = D + timedelta(days=n)
        raw_file(folder / f"deepstate_{prefix}_{day:%Y%m%d}.geojson", layers)
    return folder


def segment_share(d_m: float, r_m: float) -> float:
    """Share of a circle of radius r below a line d north of its centre."""
    if d_m >= r_m:
        return 1.0
    if d_m <= -r_m:
        return 0.0
    x = -d_m / r_m  # the line's distance north of centre, signed, over r
    return (math.acos(x) - x * math.sqrt(1 - x * x)) / math.pi


def test_radius_grows_with_population_within_bounds() -> None:
    radii = [radius_for_population(p) for p in (50, 300, 5_000, 60_000, 10**6, 10**8)]
    assert radii == sorted(radii)
    assert radii[0] == radii[1] == 600  # villages: the floor
    assert 2_500 <= radius_for_population(60_000) <= 3_500
    assert radii[-1] == 15_000


def test_extent_of_a_real_gazetteer_town(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer's own population sizes a town (Pokrovsk, ~60,000)."""
    monkeypatch.undo()
    pokrovsk = Resolution(
        "katotth:UA14160210010099403",
        "Pokrovsk",
        (),
        "UA",
        None,
        None,
        48.283074,
        37.179079,
        "settlement",
        0.9,
    )
    found = settlement_extent(pokrovsk, 500)
    assert 2_500 <= found.radius_m <= 3_500, found
    assert found.basis.startswith("population")


def test_extent_from_population_then_size_class() -> None:
    assert settlement_extent(place("test:city"), 500).radius_m > 3_000
    assert "population 100,000" in settlement_extent(place("test:city"), 500).basis
    hamlet = settlement_extent(place("test:hamlet"), 500)
    assert (hamlet.radius_m, "village") == (
        700,
        "village",
    ) and "KATOTTH" in hamlet.basis
    unknown = settlement_extent(place("test:nowhere"), 500)
    assert unknown.radius_m == 1_000 and "unknown" in unknown.basis
    feature = settlement_extent(place("test:city", precision="feature"), 500)
    assert feature.radius_m == 500


# (label, place, occupied edge north of centre (m), grey band to (m), claim,
#  status) -- the claim: (claimant side, action)
CASES = [
    # A city with occupied blocks at its southern edge (~7%): still Ukraine's.
    (
        "city edge, ukraine holds",
        "test:city",
        -2_800,
        None,
        ("ukraine", "held"),
        "confirmed",
    ),
    (
        "city edge, russian capture",
        "test:city",
        -2_800,
        None,
        ("russia", "captured"),
        "not_confirmed",
    ),
    # The front runs through the city's middle (~40%): partly held.
    (
        "city split, russian capture",
        "test:city",
        -300,
        None,
        ("russia", "captured"),
        "contested",
    ),
    (
        "city split, ukraine holds",
        "test:city",
        -300,
        None,
        ("ukraine", "held"),
        "contested",
    ),
    # Most of the city occupied (~80%): held by Russia.
    (
        "city mostly taken",
        "test:city",
        2_000,
        None,
        ("russia", "captured"),
        "already_held",
    ),
    # A village the front line cuts just north of its centre: held by Russia.
    ("village taken", "test:village", 200, None, ("russia", "held"), "confirmed"),
    # A village 30-50% occupied: contested, not contradicted.
    (
        "village a third taken",
        "test:village",
        -150,
        None,
        ("ukraine", "held"),
        "contested",
    ),
    # A village in the grey zone with a sliver occupied.
    ("village grey", "test:village", -500, 700, ("ukraine", "held"), "contested"),
    # A town brushed by the front: under 10% occupied is clear.
    ("town brushed", "test:town", -900, None, ("ukraine", "held"), "confirmed"),
]


@pytest.mark.parametrize(
    ("label", "gid", "edge", "grey", "claim", "status"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_towns_of_several_sizes(
    tmp_path: Path,
    label: str,
    gid: str,
    edge: float,
    grey: float | None,
    claim: tuple[str, str],
    status: str,
) -> None:
    maps = read_control_maps(front_maps(tmp_path / "maps", edge, grey))
    side, action = claim
    c = claim_at(place(gid), side=side, action=action)
    [v] = territorial_verdicts(c, None, maps, MapSettings())  # type: ignore[arg-type]
    assert v.status == status, v.steps
    params = dict(v.parameters)
    radius = float(params["extent_m"])
    assert radius == settlement_extent(place(gid), 500).radius_m
    assert params["held_share"] == "0.5" and params["clear_share"] == "0.1"
    # The share read off the map is the circle's, and the steps state it.
    share = segment_share(edge, radius)
    assert f"occupied {share:.0%}" in "\n".join(v.steps) or share < 0.01
    assert any(s.startswith("extent: a circle of") for s in v.steps)
    again = replay(v, maps)  # type: ignore[arg-type]
    assert (again.status, again.lag_days) == (v.status, v.lag_days)


def test_a_point_buffer_would_have_got_these_wrong(tmp_path: Path) -> None:
    """The old reading (500 m around the point touches occupied land: held by
    Russia) called a city 40% occupied Russian; over its extent it is
    contested, and Ukraine's claim to hold it is not contradicted."""
    from foglift.verify.maps import place_area, place_on_day

    maps = read_control_maps(front_maps(tmp_path / "maps", -300))
    old = place_on_day(
        maps.series["deepstate"], LON, LAT, D, place_area(LON, LAT, 500), 10
    )
    assert old is not None and old.russia
    c = claim_at(place("test:city"), side="ukraine", action="held")
    [v] = territorial_verdicts(c, None, maps, MapSettings())  # type: ignore[arg-type]
    assert v.status == "contested"
    assert any("occupied 4" in s and "partly" in s for s in v.steps), v.steps


def test_low_confidence_place_is_ambiguous(tmp_path: Path) -> None:
    maps = read_control_maps(front_maps(tmp_path / "maps", 200))
    near = Candidate(
        "test:twin", "Testivka", "UA", "Donetsk", LAT + 0.2, LON + 0.2, 3.0
    )
    c = claim_at(
        place("test:village", confidence=0.3, alternatives=(near,)), action="held"
    )
    [v] = territorial_verdicts(c, None, maps, MapSettings())  # type: ignore[arg-type]
    assert v.status == "ambiguous_place" and v.lag_days is None
    assert "confidence 0.30" in "\n".join(v.steps)
    assert v.steps[-1].startswith("ambiguous_place: the map would say confirmed")


def test_namesake_in_other_control_is_ambiguous(tmp_path: Path) -> None:
    maps = read_control_maps(front_maps(tmp_path / "maps", 200))
    # A namesake 0.2 deg north (~22 km, clear of the occupied land) has 20% of
    # the resolver's weight: which Testivka was meant decides the verdict.
    twin = Candidate("test:twin", "Testivka", "UA", "Donetsk", LAT + 0.2, LON, 3.0)
    c = claim_at(
        place("test:village", confidence=0.8, alternatives=(twin,)), action="held"
    )
    [v] = territorial_verdicts(c, None, maps, MapSettings())  # type: ignore[arg-type]
    assert v.status == "ambiguous_place"
    assert any("namesake test:twin" in s and "ukraine on D" in s for s in v.steps)
    # The same namesake inside occupied land is in the same control: no doubt.
    same = replace(twin, lat=LAT - 0.2)
    c = claim_at(
        place("test:village", confidence=0.8, alternatives=(same,)), action="held"
    )
    [v] = territorial_verdicts(c, None, maps, MapSettings())  # type: ignore[arg-type]
    assert v.status == "confirmed"


def test_namesake_far_from_the_front_gives_its_weight_back(tmp_path: Path) -> None:
    maps = read_control_maps(front_maps(tmp_path / "maps", 200))
    # Hundreds of km from any occupied or grey land: a claim of control
    # cannot mean it, however much weight the resolver gave it.
    far = Candidate("test:far", "Testivka", "RU", "Yakutia", LAT + 13, LON + 90, 4.0)
    c = claim_at(
        place("test:village", confidence=0.45, alternatives=(far,)), action="held"
    )
    [v] = territorial_verdicts(c, None, maps, MapSettings())  # type: ignore[arg-type]
    assert v.status == "confirmed"
    assert any("from the front" in s for s in v.steps)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Forces advanced on the Testivka direction.", "names a front"),
        ("Бои идут на Testivka направлении.", "names a front"),
        ("Наступ у напрямку Testivka.", "names a front"),
        ("They captured a village near Testivka.", "ground near"),
        ("Вони зайняли позиції біля Testivka.", "ground near"),
        ("Удар в районе населенного пункта Testivka.", "ground near"),
        ("Звільнили село у Testivka районі.", "administrative unit (районі)"),
        ("Fighting in the Testivka district.", "administrative unit (district)"),
    ],
)
def test_a_front_or_the_ground_near_a_town_is_not_judged(
    tmp_path: Path, text: str, reason: str
) -> None:
    maps = read_control_maps(front_maps(tmp_path / "maps", 200))
    start = text.index("Testivka")
    mention = PlaceMention("Testivka", start, start + 8, place("test:village"))
    c = replace(make_claim(), places=(mention,))
    [v] = territorial_verdicts(c, None, maps, MapSettings(), text=text)
    assert v.status == "not_judged" and reason in v.steps[-1]
    # The same claim with the town itself named is judged.
    plain = "They captured Testivka."
    start = plain.index("Testivka")
    mention = PlaceMention("Testivka", start, start + 8, place("test:village"))
    c = replace(make_claim(action="held"), places=(mention,))
    [v] = territorial_verdicts(c, None, maps, MapSettings(), text=plain)
    assert v.status == "confirmed"
