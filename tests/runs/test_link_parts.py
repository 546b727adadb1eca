"""Linking in parts that never meet gives one linker's events, ids included."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from foglift.link.events import Event, EventLinker, LinkClaim
from foglift.model import Claimant
from foglift.runs.executors import SerialExecutor, local_executor
from foglift.runs.link import _link_parts, partition
from foglift.sources import load_registry

SPEAKERS = [
    Claimant("Ministry of Defence", "official", True, "russia", 0, 8, "ru-mod"),
    Claimant("General Staff", "official", True, "ukraine", 0, 8, "ua-general-staff"),
    Claimant("a war blogger", "military_blogger", False, "russia", 0, 8),
    Claimant("analysts", "independent_analyst", False, "neutral", 0, 8),
]
TYPES = [
    ("territorial", "captured"),
    ("territorial", "advanced"),
    ("losses", "destroyed"),
]


def _claims(n: int, seed: int, start: int = 0) -> list[LinkClaim]:
    """Claims crowded into a few tenths of a degree (neighbouring cells chain
    up), over a few weeks, some by name or unit only."""
    rng = random.Random(seed)
    out = []
    for i in range(start, start + n):
        kind, action = rng.choice(TYPES)
        day = date(2025, 3, 1) + timedelta(days=rng.randint(0, 40))
        where = rng.random()
        point: dict[str, Any] = {}
        if where < 0.7:  # a point in one of two clusters
            lat0, lon0 = rng.choice([(48.30, 37.10), (47.60, 36.20)])
            lat, lon = lat0 + rng.uniform(0, 0.35), lon0 + rng.uniform(0, 0.35)
            point = {
                "place_id": f"g{int(lat * 40)}-{int(lon * 40)}",
                "place_name": "Somewhere",
                "lat": lat,
                "lon": lon,
            }
        elif where < 0.85:
            point = {"place_name": rng.choice(["Oakvale", "Pinegrove", "Ashford"])}
        else:
            point = {"unit": "tank", "value": float(rng.choice([3, 5]))}
        out.append(
            LinkClaim(
                id=f"d{i}:c1",
                document_id=f"d{i}",
                source=f"channel {rng.randint(1, 6)}",
                claim_type=kind,
                action=action,
                stance="asserts",
                claimant=rng.choice(SPEAKERS),
                published=day,
                first_day=day - timedelta(days=rng.choice([0, 0, 1, 6])),
                last_day=day,
                order=f"{day.isoformat()}T{i % 24:02d}",
                **point,
            )
        )
    return out


def _shape(events: dict[str, Event]) -> dict[str, Any]:
    return {
        e.id: (
            e.first_day,
            e.last_day,
            e.status,
            e.independent_origins,
            [(m.claim.id, m.relation, m.parent, m.independent) for m in e.members],
        )
        for e in events.values()
    }


def _in_parts(stored: list[Event], new: list[LinkClaim], executor: Any) -> Any:
    events = {e.id: e for e in stored}
    changed = set()
    for event in _link_parts(stored, new, load_registry(), executor):
        events[event.id] = event
        changed.add(event.id)
    return events, changed


def test_parts_never_meet_and_keep_the_claims_order() -> None:
    claims = _claims(300, seed=3)
    parts = partition([], claims)
    assert len(parts) > 5  # spaces and cell groups apart
    seen = [n for _, part_claims in parts for n, _ in part_claims]
    assert sorted(seen) == list(range(len(claims)))
    for _, part_claims in parts:
        positions = [n for n, _ in part_claims]
        assert positions == sorted(positions)


def test_linking_in_parts_equals_one_linker_twice_over(tmp_path: Path) -> None:
    """A first run and an incremental second run over stored events."""
    registry = load_registry()
    first, second = _claims(400, seed=11), _claims(200, seed=12, start=400)

    whole = EventLinker(registry)
    changed_whole = whole.add(first)
    expected_first = _shape(whole.events)
    changed_again = whole.add(second)
    expected_second = _shape(whole.events)

    executors = [SerialExecutor(), local_executor(2, processes=False)]
    try:
        for executor in executors:
            events, changed = _in_parts([], _claims(400, seed=11), executor)
            assert changed == changed_whole
            assert _shape(events) == expected_first
            # the stored events come back from the store as fresh objects
            stored = [_copy(e) for e in events.values()]
            more, changed = _in_parts(stored, _claims(200, 12, 400), executor)
            assert changed == changed_again
            assert _shape(more) == expected_second
    finally:
        for executor in executors:
            executor.close()


def _copy(event: Event) -> Event:
    import copy

    return copy.deepcopy(event)


def test_link_with_workers_stores_the_events_of_a_serial_link(
    db_url: str, tmp_path: Path, run_cli: Any
) -> None:
    from sqlalchemy import select

    from foglift.runs.ingest import ingest_paths
    from foglift.store import open_store
    from foglift.store.schema import event_members
    from foglift.store.schema import events as event_table
    from tests.verify.corpus import write_posts

    folder = write_posts(tmp_path / "in")
    serial_db = str(tmp_path / "serial.db")
    for db in (serial_db, db_url):
        store = open_store(db)
        ingest_paths(store, [str(folder)])
        store.close()
    assert run_cli("link", "--db", serial_db)[0] == 0
    code, _, err = run_cli("link", "--db", db_url, "--workers", "1")
    assert code == 0, err

    def rows(db: str) -> list[Any]:
        store = open_store(db)
        try:
            with store.engine.connect() as conn:
                found = [
                    sorted(tuple(map(repr, r)) for r in conn.execute(select(*cols)))
                    for cols in (
                        [c for c in event_table.columns if c.name != "run_id"],
                        list(event_members.columns),
                    )
                ]
        finally:
            store.close()
        return found

    expected = rows(serial_db)
    assert expected[0]  # events were made
    assert rows(db_url) == expected
