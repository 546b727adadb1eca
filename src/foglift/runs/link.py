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

from foglift.link.events import Event, EventLinker, LinkClaim, Member, link_claim
from foglift.records import claim_from_dict
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


def link_store(store: Store, registry: Registry) -> LinkSummary:
    """Place every claim no event holds yet; rewrite the events that changed."""
    run_id = start_run(store, "link", {})
    claims = {r["id"]: stored_link_claim(r) for r in query_claims(store, ClaimFilter())}
    stored = load_events(store, claims)
    linked = {m.claim.id for e in stored for m in e.members}
    linker = EventLinker(registry, stored)
    new = [c for c_id, c in claims.items() if c_id not in linked]
    changed = linker.add(new)
    placed = {m.claim.id for e_id in changed for m in linker.events[e_id].members}
    existing = {e.id for e in stored}
    with store.engine.begin() as conn:  # one transaction: a killed run leaves no half
        for event_id in sorted(changed):
            event = linker.events[event_id]
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
        events=len(linker.events),
        changed=len(changed),
    )
    finish_run(store, run_id, asdict(summary))
    return summary


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
