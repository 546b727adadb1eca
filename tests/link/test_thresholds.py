"""Linking's thresholds at their edges: the event radius and source independence."""

from __future__ import annotations

import math
from datetime import date, timedelta

from foglift.link.events import EventLinker, LinkClaim
from foglift.link.independence import is_independent
from foglift.model import Claimant, Side
from foglift.settings import default
from foglift.sources import Registry, Source

DAY = date(2025, 3, 4)


def _claimant(registry_id: str, side: Side = "independent") -> Claimant:
    return Claimant(registry_id, "media", True, side, 0, 5, registry_id)


def _claim(n: int, lat: float, lon: float) -> LinkClaim:
    return LinkClaim(
        f"c{n}", f"d{n}", f"site{n}", "territorial", "captured", "asserts",
        _claimant(f"s{n}"), DAY, place_name=f"Hamlet {n}", lat=lat, lon=lon,
    )  # fmt: skip


def _north_of(lat: float, lon: float, km: float) -> tuple[float, float]:
    return lat + km / (6371.0088 * math.pi / 180.0), lon


def _events(km: float) -> int:
    linker = EventLinker(Registry({}))
    base = (48.05, 37.55)
    linker.add([_claim(1, *base), _claim(2, *_north_of(*base, km))])
    return len(linker.events)


def test_claims_within_the_link_radius_are_one_event() -> None:
    radius = float(default("link_radius_km"))
    assert radius == 5.0  # a village and its fields; see settings.py
    assert _events(radius - 0.5) == 1


def test_claims_just_beyond_the_link_radius_are_two_events() -> None:
    assert _events(float(default("link_radius_km")) + 1.0) == 2
    assert _events(12.0) == 2


def _registry(*sources: Source) -> Registry:
    return Registry({s.id: s for s in sources})


def test_two_outlets_of_one_owner_are_not_independent() -> None:
    registry = _registry(
        Source("paper", "The Paper", "media", "independent", "Holding Ltd", ()),
        Source("radio", "The Radio", "media", "independent", "Holding Ltd", ()),
        Source("other", "Other News", "media", "independent", "Other Group", ()),
    )
    paper, radio, other = (_claimant(x) for x in ("paper", "radio", "other"))
    assert not is_independent(radio, paper, registry)
    assert is_independent(other, paper, registry)


def test_sides_and_unknowns_are_not_independent_either() -> None:
    registry = _registry(
        Source("mod", "Ministry", "official", "russia", "State A", ()),
        Source("blog", "Blogger", "military_blogger", "russia", "Blogger", ()),
    )
    mod, blog = _claimant("mod", "russia"), _claimant("blog", "russia")
    assert not is_independent(blog, mod, registry)  # same side
    assert not is_independent(_claimant("nobody", "unknown"), mod, registry)
    assert not is_independent(mod, mod, registry)  # the claimant itself


def _dated(n: int, day: date, action: str = "captured") -> LinkClaim:
    return LinkClaim(
        f"c{n}", f"d{n}", f"site{n}", "territorial", action, "asserts",
        _claimant(f"s{n}"), day, place_name="Hamlet", lat=48.05, lon=37.55,
    )  # fmt: skip


def _events_apart(days: int, action: str = "captured") -> int:
    linker = EventLinker(Registry({}))
    later = DAY + timedelta(days=days)
    linker.add([_dated(1, DAY, action), _dated(2, later, action)])
    return len(linker.events)


def test_claims_within_the_time_tolerance_are_one_event() -> None:
    tolerance = int(default("link_time_tolerance_days"))
    assert tolerance == 3
    assert _events_apart(tolerance) == 1
    assert _events_apart(tolerance + 1) == 2


def test_an_advance_has_a_tighter_tolerance() -> None:
    tolerance = int(default("link_advance_tolerance_days"))
    assert tolerance == 1
    assert _events_apart(tolerance, "advanced") == 1
    assert _events_apart(tolerance + 1, "advanced") == 2


def test_an_event_spans_at_most_its_longest_window() -> None:
    # a claim about a whole month joins an event by its last days only
    most = int(default("link_event_max_days"))
    assert most == 7  # a week: one report cycle
    tolerance = int(default("link_time_tolerance_days"))

    def linker_with_month() -> EventLinker:
        linker = EventLinker(Registry({}))
        month = LinkClaim(
            "c1", "d1", "site1", "territorial", "captured", "asserts",
            _claimant("s1"), DAY, first_day=DAY - timedelta(days=30), last_day=DAY,
            place_name="Hamlet", lat=48.05, lon=37.55,
        )  # fmt: skip
        linker.add([month])
        return linker

    linker = linker_with_month()
    (event,) = linker.events.values()
    core = linker.core(event)
    assert core is not None and (core[1] - core[0]).days == most - 1
    reach = most - 1 + tolerance  # days before the month's last day
    linker.add([_dated(2, DAY - timedelta(days=reach))])
    assert len(linker.events) == 1
    linker = linker_with_month()
    linker.add([_dated(2, DAY - timedelta(days=reach + 1))])
    assert len(linker.events) == 2
