"""Events are bounded: one happening, linked against its core, never a chain."""

from __future__ import annotations

from datetime import date, timedelta

from foglift.link.events import EventLinker, LinkClaim
from foglift.model import Claimant
from foglift.sources import load_registry

DAY = date(2025, 10, 1)
ANALYST = Claimant(
    "Institute for the Study of War",
    "independent_analyst",
    True,
    "independent",
    0,
    1,
    "isw",
    "publisher",
)
BLOGGERS = Claimant(
    "Russian milbloggers",
    "military_blogger",
    False,
    "russia",
    0,
    1,
    None,
    "according_to",
)


def claim(
    n: int,
    *,
    action: str = "captured",
    day: date = DAY,
    first: date | None = None,
    source: str | None = None,
    claimant: Claimant | None = None,
    lat: float = 48.3,
) -> LinkClaim:
    who = claimant or Claimant(
        f"Channel {n}", "media", True, "russia", 0, 1, None, "publisher"
    )
    return LinkClaim(
        id=f"d{n}:c1",
        document_id=f"d{n}",
        source=source or f"channel-{n}",
        claim_type="advance" if action == "advanced" else "territorial",
        action=action,
        stance="asserts",
        claimant=who,
        published=day,
        first_day=first or day,
        last_day=day,
        place_id="g:town",
        lat=lat,
        lon=37.1,
    )


def spans(linker: EventLinker) -> list[int]:
    return sorted(
        (e.last_day - e.first_day).days + 1
        for e in linker.events.values()
        if e.first_day and e.last_day
    )


def test_daily_reports_do_not_chain_into_a_month() -> None:
    """A claim every other day for a month: each links to an event whose
    origin is at most the tolerance away, not to the last member."""
    linker = EventLinker(load_registry())
    linker.add([claim(n, day=DAY + timedelta(days=2 * n)) for n in range(16)])
    assert len(linker.events) > 1
    assert max(spans(linker)) <= 7 + 2 * 3
    for event in linker.events.values():
        core = linker.core(event)
        assert core is not None
        for m in event.members:
            window = m.claim.window
            assert window is not None
            assert (window[0] - core[1]).days <= 3 and (core[0] - window[1]).days <= 3


def test_advances_days_apart_are_separate_advances() -> None:
    linker = EventLinker(load_registry())
    linker.add(
        [
            claim(1, action="advanced", day=DAY),
            claim(2, action="advanced", day=DAY + timedelta(days=1)),
            claim(3, action="advanced", day=DAY + timedelta(days=3)),
        ]
    )
    sizes = sorted(len(e.members) for e in linker.events.values())
    assert sizes == [1, 2]
    # A capture reported three days later is still the same capture.
    linker = EventLinker(load_registry())
    linker.add([claim(1, day=DAY), claim(2, day=DAY + timedelta(days=3))])
    assert len(linker.events) == 1


def test_a_claim_about_the_past_month_does_not_stretch_the_event() -> None:
    linker = EventLinker(load_registry())
    linker.add(
        [
            claim(1, day=DAY),
            claim(2, day=DAY + timedelta(days=1), first=DAY - timedelta(days=30)),
        ]
    )
    [event] = linker.events.values()
    assert len(event.members) == 2
    assert event.first_day is not None and event.last_day is not None
    assert (event.last_day - event.first_day).days <= 7
    # Alone, such a claim's event is its last week.
    alone = EventLinker(load_registry())
    alone.add([claim(1, day=DAY, first=DAY - timedelta(days=30))])
    [event] = alone.events.values()
    assert (event.first_day, event.last_day) == (DAY - timedelta(days=6), DAY)


def test_a_source_restating_itself_repeats_never_corroborates() -> None:
    linker = EventLinker(load_registry())
    linker.add(
        [
            # an analyst relays what Russian milbloggers claim, two days running
            claim(1, day=DAY, source="isw-feed", claimant=BLOGGERS),
            claim(2, day=DAY + timedelta(days=1), source="isw-feed", claimant=BLOGGERS),
            # and then assesses it in its own voice, twice
            claim(3, day=DAY + timedelta(days=1), source="isw-feed", claimant=ANALYST),
            claim(4, day=DAY + timedelta(days=2), source="isw-feed", claimant=ANALYST),
        ]
    )
    [event] = linker.events.values()
    relation = {m.claim.id: (m.relation, m.reason) for m in event.members}
    assert relation["d1:c1"][0] == "origin"
    assert relation["d2:c1"] == ("repeats", "isw-feed restates its own earlier claim")
    assert relation["d3:c1"][0] == "corroborates"
    assert relation["d4:c1"][0] == "repeats"
    assert [m.claim.id for m in event.members if m.relation == "corroborates"] == [
        "d3:c1"
    ]
    # The same unnamed group relayed by another outlet is no restatement.
    other = EventLinker(load_registry())
    other.add(
        [
            claim(1, day=DAY, source="isw-feed", claimant=BLOGGERS),
            claim(2, day=DAY, source="wire", claimant=BLOGGERS),
        ]
    )
    [event] = other.events.values()
    assert event.members[1].relation == "corroborates"
