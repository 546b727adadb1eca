"""Read-only questions the dashboard asks the store, beyond ``store.query``.

Every function here reads; none writes. Lists are bounded by the caller's
``limit`` (the app caps it), and every query runs on both SQLite and
PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, or_, select, text

from foglift.ingest.items import clean_text
from foglift.store.db import Store
from foglift.store.query import DOCUMENT_FIELDS, fts_query
from foglift.store.schema import (
    claims,
    documents,
    event_members,
    events,
    findings,
    place_mentions,
    rejections,
    verdicts,
)


def claim_rows(store: Store) -> Iterator[Any]:
    """One row per claim of a current document version: what the map filters on."""
    query = (
        select(
            claims.c.seq,
            claims.c.id,
            claims.c.claim_type,
            claims.c.action,
            claims.c.claimant_side,
            claims.c.stance,
            func.coalesce(claims.c.claimant_registry_id, claims.c.claimant_name).label(
                "claimant"
            ),
            claims.c.claimant_name,
            func.coalesce(claims.c.first_day, documents.c.published).label("day"),
            documents.c.lang,
            documents.c.source_name,
        )
        .join(documents, documents.c.id == claims.c.document_id)
        .where(documents.c.superseded_by.is_(None))
        .order_by(claims.c.seq)
    )
    with store.engine.connect() as conn:
        yield from conn.execute(query)


def first_places(store: Store) -> dict[str, tuple[float, float, str, str]]:
    """Each claim's first located place: lat, lon, place key, name."""
    query = (
        select(
            place_mentions.c.claim_id,
            place_mentions.c.lat,
            place_mentions.c.lon,
            place_mentions.c.gazetteer_id,
            func.coalesce(place_mentions.c.resolved_name, place_mentions.c.name),
        )
        .where(
            place_mentions.c.claim_id.is_not(None),
            place_mentions.c.lat.is_not(None),
            place_mentions.c.lon.is_not(None),
        )
        .order_by(place_mentions.c.id)
    )
    out: dict[str, tuple[float, float, str, str]] = {}
    with store.engine.connect() as conn:
        for claim_id, lat, lon, gid, name in conn.execute(query):
            if claim_id not in out:
                out[claim_id] = (float(lat), float(lon), gid or "", name or "")
    return out


def verdict_statuses(store: Store) -> Iterator[tuple[str, str]]:
    with store.engine.connect() as conn:
        yield from conn.execute(select(verdicts.c.claim_id, verdicts.c.status))


def fingerprint(store: Store) -> tuple[Any, ...]:
    """Cheap numbers that change when anything the map shows changes."""
    with store.engine.connect() as conn:
        return tuple(
            conn.execute(
                select(
                    select(func.max(claims.c.seq)).scalar_subquery(),
                    select(func.max(documents.c.seq)).scalar_subquery(),
                    select(func.max(verdicts.c.id)).scalar_subquery(),
                    select(func.count()).select_from(verdicts).scalar_subquery(),
                    select(func.count()).select_from(events).scalar_subquery(),
                    select(func.count())
                    .select_from(documents)
                    .where(documents.c.superseded_by.is_not(None))
                    .scalar_subquery(),
                )
            ).one()
        )


def search_claim_seqs(store: Store, query: str, cap: int = 200_000) -> set[int]:
    """Claims whose text, wording or claimant matches ``query`` (full-text),
    or that mention a place whose name contains it or that the gazetteer
    reads it as."""
    query = clean_text(query).strip()
    if not query:
        return set()
    found: set[int] = set()
    with store.engine.connect() as conn:
        words = [w for w in query.split() if w.strip()]
        if words:
            if store.dialect == "postgresql":
                fts = select(claims.c.seq).where(
                    text("claims.search @@ plainto_tsquery('simple', :q)").bindparams(
                        q=query
                    )
                )
            else:
                fts = (
                    select(text("rowid"))
                    .select_from(text("claims_fts"))
                    .where(text("claims_fts MATCH :q").bindparams(q=fts_query(query)))
                )
            found.update(int(r[0]) for r in conn.execute(fts.limit(cap)))
        needle = query.casefold()
        by_place = (
            select(claims.c.seq)
            .join(place_mentions, place_mentions.c.claim_id == claims.c.id)
            .where(
                or_(
                    func.lower(place_mentions.c.name).contains(needle, autoescape=True),
                    func.lower(
                        func.coalesce(place_mentions.c.resolved_name, "")
                    ).contains(needle, autoescape=True),
                )
            )
            .limit(cap)
        )
        found.update(int(r[0]) for r in conn.execute(by_place))
        places = gazetteer_ids(query)
        if places:
            by_gazetteer = (
                select(claims.c.seq)
                .join(place_mentions, place_mentions.c.claim_id == claims.c.id)
                .where(place_mentions.c.gazetteer_id.in_(places))
                .limit(cap)
            )
            found.update(int(r[0]) for r in conn.execute(by_gazetteer))
    return found


def gazetteer_ids(query: str, limit: int = 5) -> list[str]:
    """The places a search can mean in any script or case form (Покровську,
    Красноармейске -> Pokrovsk), from the gazetteer; none when it is not built."""
    if len(query) > 80:
        return []
    try:
        from foglift.geoparse.stage import lookup

        return [c.gazetteer_id for c in lookup(query, limit=limit)]
    except Exception:  # a missing or broken gazetteer only narrows the search
        return []


def document(store: Store, document_id: str) -> dict[str, Any] | None:
    """One document with its text, repairs and claim ids."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(documents).where(documents.c.id == document_id)
        ).first()
        if row is None:
            return None
        record = {k: getattr(row, k) for k in DOCUMENT_FIELDS}
        record["extracted"] = bool(record["extracted"])
        record["text"] = row.text
        record["repairs"] = row.repairs
        record["claims"] = [
            {"id": r.id, "claim_type": r.claim_type, "action": r.action, "text": r.text}
            for r in conn.execute(
                select(claims.c.id, claims.c.claim_type, claims.c.action, claims.c.text)
                .where(claims.c.document_id == document_id)
                .order_by(claims.c.seq)
            )
        ]
        record["findings"] = [
            {
                "code": r.code,
                "severity": r.severity,
                "message": r.message,
                "start": r.start,
                "end": r.end,
            }
            for r in conn.execute(
                select(findings)
                .where(
                    findings.c.document_id == document_id, findings.c.claim_id.is_(None)
                )
                .order_by(findings.c.id)
            )
        ]
    return record


def event_for_claim(store: Store, claim_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(
            select(event_members).where(event_members.c.claim_id == claim_id)
        ).first()
    return dict(row._mapping) if row is not None else None


def count_documents(store: Store, source: str | None = None) -> int:
    query = select(func.count()).select_from(documents)
    query = query.where(documents.c.superseded_by.is_(None))
    if source:
        query = query.where(documents.c.source_name == source)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def document_page(
    store: Store, *, source: str | None, offset: int, limit: int
) -> list[dict[str, Any]]:
    """Current documents, newest first, with their claim counts."""
    claim_count = (
        select(func.count())
        .where(claims.c.document_id == documents.c.id)
        .scalar_subquery()
        .label("claims")
    )
    query = (
        select(
            documents.c.id,
            documents.c.source_name,
            documents.c.kind,
            documents.c.title,
            documents.c.published,
            documents.c.lang,
            documents.c.url,
            documents.c.raw_length,
            documents.c.near_duplicate_of,
            func.substr(documents.c.text, 1, 200).label("opening"),
            claim_count,
        )
        .where(documents.c.superseded_by.is_(None))
        .order_by(documents.c.published.desc().nulls_last(), documents.c.seq)
        .offset(offset)
        .limit(limit)
    )
    if source:
        query = query.where(documents.c.source_name == source)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def rejection_page(store: Store, *, offset: int, limit: int) -> list[dict[str, Any]]:
    query = (
        select(rejections)
        .order_by(rejections.c.seen_at.desc(), rejections.c.source)
        .offset(offset)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def count_rejections(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(select(func.count()).select_from(rejections)).scalar_one()
        )


def event_page(store: Store, *, offset: int, limit: int) -> list[dict[str, Any]]:
    member_count = (
        select(func.count())
        .where(event_members.c.event_id == events.c.id)
        .scalar_subquery()
        .label("members")
    )
    query = (
        select(events, member_count)
        .order_by(events.c.first_day.desc().nulls_last(), events.c.id)
        .offset(offset)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def count_events(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def claim_summaries(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """A line per claim for lists: who, what, when, the sentence (shortened)."""
    if not ids:
        return {}
    query = select(
        claims.c.id,
        claims.c.claimant_name,
        claims.c.claimant_side,
        claims.c.claim_type,
        claims.c.action,
        claims.c.action_as_stated,
        claims.c.stance,
        func.substr(claims.c.text, 1, 300).label("text"),
        func.coalesce(claims.c.first_day, documents.c.published).label("day"),
        documents.c.source_name,
        documents.c.lang,
    ).join(documents, documents.c.id == claims.c.document_id)
    with store.engine.connect() as conn:
        return {
            r.id: dict(r._mapping)
            for r in conn.execute(query.where(claims.c.id.in_(ids)))
        }


def place_claim_ids(store: Store, key: str, limit: int) -> list[str]:
    """Claims that mention a place (by gazetteer id, or ``name:`` + its name)."""
    if key.startswith("name:"):
        where = (
            func.coalesce(place_mentions.c.resolved_name, place_mentions.c.name)
            == (key[5:])
        )
    else:
        where = place_mentions.c.gazetteer_id == key
    query = (
        select(place_mentions.c.claim_id)
        .where(where, place_mentions.c.claim_id.is_not(None))
        .distinct()
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(query)]


def place_row(store: Store, key: str) -> dict[str, Any] | None:
    if key.startswith("name:"):
        where = (
            func.coalesce(place_mentions.c.resolved_name, place_mentions.c.name)
            == (key[5:])
        )
    else:
        where = place_mentions.c.gazetteer_id == key
    with store.engine.connect() as conn:
        row = conn.execute(
            select(place_mentions).where(where).order_by(place_mentions.c.id).limit(1)
        ).first()
    return dict(row._mapping) if row is not None else None
