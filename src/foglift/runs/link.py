"""Link a stored corpus: place new claims in events incrementally; read events back.

``link_store`` loads the events already stored, places only the claims no
event holds yet, and rewrites just the events that changed. Claims come from
the same query as ``foglift claims`` (current document versions only).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from foglift.link.events import (
    Event,
    EventLinker,
    LinkClaim,
    Member,
    block_space,
    link_claim,
)
from foglift.records import claim_from_dict
from foglift.runs.executors import Executor
from foglift.sources import Registry
from foglift.store.db import Store
from foglift.store.events import (
    CHUNK,
    event_rows,
    events_of_claims,
    member_claim_ids,
    save_event,
)
from foglift.store.query import ClaimFilter, query_claims
from foglift.store.runs import finish_run, start_run


@dataclass(frozen=True, slots=True)
class LinkSummary:
    claims: int  # current claims in the store
    placed: int  # claims placed in an event by this run
    unlinkable: int  # new claims with no place or unit to link on
    events: int  # events in the store after the run
    changed: int  # events created or changed by this run


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def stored_link_claim(record: dict[str, Any]) -> LinkClaim:
    """A stored claim record as linking sees it."""
    document = record["document"]
    return link_claim(
        claim_from_dict(record),
        claim_id=record["id"],
        document_id=record["document_id"],
        source=str(document.get("source") or ""),
        published=_day(document.get("published")),
        lang=str(document.get("lang") or "en"),
        forwarded_from=document.get("forwarded_from"),
        copy_of=document.get("near_duplicate_of"),
        order=str(document.get("posted_at") or document.get("ingested_at") or ""),
    )


def load_events(
    store: Store,
    claims: dict[str, LinkClaim],
    event_ids: Sequence[str] | None = None,
) -> list[Event]:
    """Stored events (all, or ``event_ids``), their members rebuilt from
    ``claims`` (gone ones dropped)."""
    rows, members = event_rows(store, event_ids)
    by_event: dict[str, list[Member]] = {}
    for m in members:
        claim = claims.get(m["claim_id"])
        if claim is not None:
            by_event.setdefault(m["event_id"], []).append(
                Member(
                    claim,
                    m["relation"],
                    m["parent"],
                    m["reason"],
                    bool(m["independent"]),
                )
            )
    return [
        Event(
            id=row["id"],
            claim_type=row["claim_type"],
            action=row["action"],
            place_id=row["place_id"],
            place_name=row["place_name"],
            lat=row["lat"],
            lon=row["lon"],
            unit=row["unit"],
            value=row["value"],
            first_day=_day(row["first_day"]),
            last_day=_day(row["last_day"]),
            members=by_event.get(row["id"], []),
            status=row["status"],
            independent_origins=row["independent_origins"],
        )
        for row in rows
    ]


def _event_fields(event: Event) -> dict[str, Any]:
    """An event's own columns, as stored and as shown."""
    return {
        "id": event.id,
        "claim_type": event.claim_type,
        "action": event.action,
        "place_id": event.place_id,
        "place_name": event.place_name,
        "lat": event.lat,
        "lon": event.lon,
        "unit": event.unit,
        "value": event.value,
        "first_day": event.first_day.isoformat() if event.first_day else None,
        "last_day": event.last_day.isoformat() if event.last_day else None,
        "status": event.status,
        "independent_origins": event.independent_origins,
    }


def _event_row(event: Event, run_id: int) -> dict[str, Any]:
    return {**_event_fields(event), "run_id": run_id}


def link_store(
    store: Store, registry: Registry, executor: Executor | None = None
) -> LinkSummary:
    """Place every claim no event holds yet; rewrite the events that changed.

    With an ``executor`` the work is split into the parts of the corpus whose
    claims can never meet (:func:`partition`), each linked by a worker; the
    events and their ids are those of a run in one process."""
    run_id = start_run(store, "link", {})
    claims = {r["id"]: stored_link_claim(r) for r in query_claims(store, ClaimFilter())}
    stored = load_events(store, claims)
    linked = {m.claim.id for e in stored for m in e.members}
    new = [c for c_id, c in claims.items() if c_id not in linked]
    if executor is None:
        linker = EventLinker(registry, stored)
        changed_ids = linker.add(new)
        events = linker.events
    else:
        events = {e.id: e for e in stored}
        changed_ids = set()
        for event in _link_parts(stored, new, registry, executor):
            events[event.id] = event
            changed_ids.add(event.id)
    placed = {m.claim.id for e_id in changed_ids for m in events[e_id].members}
    existing = {e.id for e in stored}
    with store.engine.begin() as conn:  # one transaction: a killed run leaves no half
        for event_id in sorted(changed_ids):
            event = events[event_id]
            members = [
                {
                    "claim_id": m.claim.id,
                    "relation": m.relation,
                    "parent": m.parent,
                    "reason": m.reason,
                    "independent": m.independent,
                }
                for m in event.members
            ]
            save_event(
                conn, _event_row(event, run_id), members, stored=event_id in existing
            )
    summary = LinkSummary(
        claims=len(claims),
        placed=len(placed - linked),
        unlinkable=len([c for c in new if c.id not in placed]),
        events=len(events),
        changed=len(changed_ids),
    )
    finish_run(store, run_id, asdict(summary))
    return summary


Part = tuple[list[Event], list[tuple[int, LinkClaim]]]


def partition(stored: Sequence[Event], new: Sequence[LinkClaim]) -> list[Part]:
    """The stored events and new claims (with their positions) in parts that
    never meet: one per blocking space (type, action, place name or unit) and,
    for points, per group of cells joined by chains of neighbouring cells (a
    claim searches its cell's neighbours). Parts in the order of their first
    new claim, each keeping the order of its events and claims."""
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def root_of(item: LinkClaim | Event) -> Any:
        space, cell = block_space(item)
        if cell is None:
            return find(space)
        node = (space, cell)
        if node not in parent:
            parent[node] = node
            row, col = cell
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    near = (space, (row + dr, col + dc))
                    if near in parent:
                        parent[find(near)] = find(node)
        return node

    items: list[tuple[Any, Event | tuple[int, LinkClaim]]] = [
        (root_of(e), e) for e in stored
    ]
    items += [(root_of(c), (n, c)) for n, c in enumerate(new)]
    parts: dict[Any, Part] = {}
    for node, item in items:
        events, claims = parts.setdefault(find(node), ([], []))
        if isinstance(item, Event):
            events.append(item)
        else:
            claims.append(item)
    return sorted((p for p in parts.values() if p[1]), key=lambda p: p[1][0][0])


def link_part(part: Part, registry: Registry) -> list[tuple[Event, int | None]]:
    """Link one part's new claims to its events; returns the events changed,
    each new one with the position of the claim that opened it."""
    stored, claims = part
    linker = EventLinker(registry, stored)
    first = linker._next  # the ids this part gives its new events start here
    changed = linker.add(c for _, c in claims)
    known = {e.id for e in stored}
    position = {c.id: n for n, c in claims}
    out: list[tuple[Event, int | None]] = []
    for event_id in changed:
        event = linker.events[event_id]
        if event_id in known:
            out.append((event, None))
        else:
            assert int(event_id.lstrip("e")) >= first
            out.append((event, min(position[m.claim.id] for m in event.members)))
    return out


def _link_parts(
    stored: Sequence[Event],
    new: Sequence[LinkClaim],
    registry: Registry,
    executor: Executor,
) -> Iterator[Event]:
    """The changed events of every part, new ones numbered as one linker
    would number them: in the order of the claims that opened them."""
    parts = partition(stored, new)
    opened: list[tuple[int, Event]] = []
    for _, changed in executor.map(link_part, ((p, p) for p in parts), registry):
        for event, position in changed:
            if position is None:
                yield event
            else:
                opened.append((position, event))
    next_id = max((int(e.id.lstrip("e") or 0) + 1 for e in stored), default=1)
    for number, (_, event) in enumerate(sorted(opened, key=lambda o: o[0])):
        event.id = f"e{next_id + number}"
        yield event


def _claim_records(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), CHUNK):
        for record in query_claims(store, ClaimFilter(ids=tuple(ids[i : i + CHUNK]))):
            out[record["id"]] = record
    return out


def _events_with_records(
    store: Store, event_ids: Sequence[str]
) -> tuple[list[Event], dict[str, dict[str, Any]]]:
    """The events ``event_ids`` and the records of their member claims: only
    those claims are read, not the whole store."""
    member_ids = sorted(member_claim_ids(store, event_ids))
    records = _claim_records(store, member_ids)
    claims = {c_id: stored_link_claim(r) for c_id, r in records.items()}
    return load_events(store, claims, event_ids), records


def event_records(
    store: Store, claim_filter: ClaimFilter, statuses: tuple[str, ...] = ()
) -> Iterator[dict[str, Any]]:
    """Events having a member claim that passes ``claim_filter``, as records."""
    wanted = sorted(r["id"] for r in query_claims(store, claim_filter))
    event_ids = sorted(events_of_claims(store, wanted))
    found, records = _events_with_records(store, event_ids)
    for event in sorted(found, key=_event_order):
        if statuses and event.status not in statuses:
            continue
        if event.members:
            yield event_record(event, records)


def _event_order(event: Event) -> tuple[str, str]:
    return (event.first_day.isoformat() if event.first_day else "", event.id)


def event_record(event: Event, records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An event with its members, each with its claim's wording and source."""
    members = []
    for m in event.members:
        record = records.get(m.claim.id, {})
        document = record.get("document") or {}
        members.append(
            {
                "claim_id": m.claim.id,
                "relation": m.relation,
                "parent": m.parent,
                "independent": m.independent,
                "reason": m.reason,
                "claimant": record.get("claimant"),
                "stance": m.claim.stance,
                "source": document.get("source"),
                "published": document.get("published"),
                "lang": m.claim.lang,
                "text": record.get("text"),
                "verdict": (record.get("verdict") or {}).get("status"),
                "media": record.get("media") or [],  # its post's, first seen where
            }
        )
    fields = _event_fields(event)
    fields["verdict"] = event_verdict(
        [records.get(m.claim.id, {}) for m in event.members],
        [m.relation for m in event.members],
    )
    if not fields["place_name"]:  # a resolved place shows its gazetteer name
        fields["place_name"] = next(
            (
                p["resolved"]["name"]
                for r in (records.get(m.claim.id, {}) for m in event.members)
                for p in r.get("places", [])
                if p.get("resolved") and p["resolved"]["gazetteer_id"] == event.place_id
            ),
            None,
        )
    return {**fields, "members": members}


def event_verdict(
    members: list[dict[str, Any]], relations: list[str]
) -> dict[str, Any] | None:
    """What the checks say of an event: the verdict of its origin, else of the
    first member that asserts it and has one (a repeat is checked for its own
    date; the origin's claim is the event's). The member's claim id is kept."""
    ranked = sorted(
        range(len(members)),
        key=lambda n: (relations[n] != "origin", relations[n] not in _ASSERTING, n),
    )
    for n in ranked:
        verdict = members[n].get("verdict")
        if verdict and relations[n] in _ASSERTING:
            return {**verdict, "claim_id": members[n].get("id")}
    return None


# relations whose claim asserts what the event says happened
_ASSERTING = ("origin", "repeats", "corroborates")


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    found, records = _events_with_records(store, [event_id])
    return event_record(found[0], records) if found else None
