"""Event rows: read and write the events linking made, and their members.

What an event is and how claims join one is :mod:`foglift.link`; the run that
links a stored corpus is :mod:`foglift.runs.link`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from foglift.store.db import Store
from foglift.store.schema import event_members, events

# ids per SQL IN list (SQLite allows 32,766 variables, older builds 999)
CHUNK = 500


def event_rows(
    store: Store, event_ids: Sequence[str] | None = None
) -> tuple[list[Any], list[Any]]:
    """Stored event rows (all, or ``event_ids``) and their member rows in order."""
    rows: list[Any] = []
    members: list[Any] = []
    with store.engine.connect() as conn:
        chunks = (
            [None]
            if event_ids is None
            else [event_ids[i : i + CHUNK] for i in range(0, len(event_ids), CHUNK)]
        )
        for chunk in chunks:
            rows_query = select(events)
            members_query = select(event_members).order_by(event_members.c.position)
            if chunk is not None:
                rows_query = rows_query.where(events.c.id.in_(chunk))
                members_query = members_query.where(event_members.c.event_id.in_(chunk))
            rows += conn.execute(rows_query).mappings().all()
            members += conn.execute(members_query).mappings().all()
    return rows, members


def save_event(
    conn: Connection,
    row: dict[str, Any],
    members: list[dict[str, Any]],
    *,
    stored: bool,
) -> None:
    """Write one event and its members (``stored``: replacing the old ones)."""
    event_id = row["id"]
    if stored:
        conn.execute(update(events).where(events.c.id == event_id).values(**row))
        conn.execute(delete(event_members).where(event_members.c.event_id == event_id))
    else:
        conn.execute(insert(events).values(**row))
    conn.execute(
        insert(event_members),
        [{**m, "event_id": event_id, "position": n} for n, m in enumerate(members)],
    )


def _column_in(
    store: Store, column: Any, wanted: Sequence[str], result: Any
) -> set[str]:
    """The ``result`` column's values in rows whose ``column`` is in ``wanted``."""
    found: set[str] = set()
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), CHUNK):
            query = select(result).where(column.in_(wanted[i : i + CHUNK]))
            found.update(str(v) for v in conn.execute(query).scalars())
    return found


def member_claim_ids(store: Store, event_ids: Sequence[str]) -> set[str]:
    """The claims that are members of the events ``event_ids``."""
    return _column_in(
        store, event_members.c.event_id, event_ids, event_members.c.claim_id
    )


def events_of_claims(store: Store, claim_ids: Sequence[str]) -> set[str]:
    """The events having one of ``claim_ids`` as a member."""
    return _column_in(
        store, event_members.c.claim_id, claim_ids, event_members.c.event_id
    )
