"""Questions to the store: claims, documents and rejections by filter.

Claims come back as plain dicts ("claim records") carrying every stored field,
their place mentions and findings, and the document they come from; every
export writes these records.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    TextClause,
    and_,
    func,
    or_,
    select,
    text,
)

from foglift.errors import UsageError
from foglift.geography import distance_km
from foglift.model import VERDICT_FIELDS, clean_text
from foglift.store.db import Store
from foglift.store.schema import (
    claims,
    documents,
    findings,
    place_mentions,
    rejections,
    verdicts,
)
from foglift.store.verdicts import verdict_summary


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    places: tuple[str, ...] = ()  # gazetteer ids (from any name of the place)
    place_names: tuple[str, ...] = ()  # mention names, matched case-insensitively
    near: tuple[float, float, float] | None = None  # lat, lon, km
    claimant: str | None = None
    types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    text: str | None = None
    all_versions: bool = False
    limit: int | None = None
    verdict_statuses: tuple[str, ...] = ()  # claims with a verdict of these
    verdict_checks: tuple[str, ...] = ()  # ... from these checks
    verified_only: bool = False  # claims with at least one verdict
    ids: tuple[str, ...] = ()  # these claims only (store ids, "document:c1")


def fts_query(query: str) -> str:
    """Each word of a user's query as a quoted FTS5 term (no syntax gets through)."""
    words = [w for w in query.split() if w.strip()]
    if not words:
        raise UsageError(
            "the search text holds no words", hint='e.g. --text "Pokrovsk"'
        )
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _text_match(
    store: Store, table: str, query: str
) -> ColumnElement[bool] | TextClause:
    seq = claims.c.seq if table == "claims" else documents.c.seq
    query = clean_text(query)
    if store.dialect == "postgresql":
        return text(f"{table}.search @@ plainto_tsquery('simple', :q)").bindparams(
            q=query
        )
    fts = f"{table}_fts"
    return seq.in_(
        select(text("rowid"))
        .select_from(text(fts))
        .where(text(f"{fts} MATCH :q").bindparams(q=fts_query(query)))
    )


def _near_box(lat: float, lon: float, km: float) -> ColumnElement[bool]:
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(min(89.9, abs(lat)))))
    return and_(
        place_mentions.c.lat.between(lat - dlat, lat + dlat),
        place_mentions.c.lon.between(lon - dlon, lon + dlon),
    )


def _claims_select(store: Store, f: ClaimFilter) -> Select[Any]:
    query = select(claims, documents).join(
        documents, documents.c.id == claims.c.document_id
    )
    if not f.all_versions:
        query = query.where(documents.c.superseded_by.is_(None))
    if f.ids:
        query = query.where(claims.c.id.in_(f.ids))
    if f.types:
        query = query.where(claims.c.claim_type.in_(f.types))
    if f.claimant:
        needle = clean_text(f.claimant.casefold())
        query = query.where(
            or_(
                func.lower(claims.c.claimant_name).contains(needle, autoescape=True),
                func.lower(func.coalesce(claims.c.claimant_registry_id, "")).contains(
                    needle, autoescape=True
                ),
            )
        )
    day_first = func.coalesce(claims.c.first_day, documents.c.published)
    day_last = func.coalesce(claims.c.last_day, documents.c.published)
    if f.since:
        query = query.where(day_last >= f.since.isoformat())
    if f.until:
        query = query.where(day_first <= f.until.isoformat())
    if f.places or f.place_names:
        wanted = []
        if f.places:
            wanted.append(place_mentions.c.gazetteer_id.in_(f.places))
        if f.place_names:
            wanted.append(
                func.lower(place_mentions.c.name).in_(
                    [n.casefold() for n in f.place_names]
                )
            )
        query = query.where(
            claims.c.id.in_(
                select(place_mentions.c.claim_id).where(
                    place_mentions.c.claim_id.is_not(None), or_(*wanted)
                )
            )
        )
    if f.near:
        query = query.where(
            claims.c.id.in_(
                select(place_mentions.c.claim_id).where(
                    place_mentions.c.claim_id.is_not(None), _near_box(*f.near)
                )
            )
        )
    if f.text:
        query = query.where(_text_match(store, "claims", f.text))
    if f.verified_only or f.verdict_statuses or f.verdict_checks:
        judged = select(verdicts.c.claim_id)
        if f.verdict_statuses:
            judged = judged.where(verdicts.c.status.in_(f.verdict_statuses))
        if f.verdict_checks:
            judged = judged.where(verdicts.c.check.in_(f.verdict_checks))
        query = query.where(claims.c.id.in_(judged))
    # Newest first, undated last; (day, seq) is a key no row shares, so pages
    # follow on from the last row seen (keyset), never by counting rows.
    return query.add_columns(_day_key().label("day_key")).order_by(
        _day_key().desc(), claims.c.seq
    )


def _day_key() -> ColumnElement[str]:
    """The day a claim is about (else its document's date), '' when undated."""
    day_first = func.coalesce(claims.c.first_day, documents.c.published)
    return func.coalesce(day_first, "")


def _claim_record(row: Any, places: list[dict[str, Any]]) -> dict[str, Any]:
    """A claim record: the claim in the shape of :func:`records.claim_to_dict`
    (its id the store's, ``document:c1``), then where it is stored."""
    m = row._mapping
    return {
        "id": m[claims.c.id],
        "claim_type": m[claims.c.claim_type],
        "action": m[claims.c.action],
        "action_as_stated": m[claims.c.action_as_stated],
        "action_start": m[claims.c.action_start],
        "action_end": m[claims.c.action_end],
        "claimant": m[claims.c.claimant],
        "stance": m[claims.c.stance],
        "voice": m[claims.c.voice],
        "start": m[claims.c.start],
        "end": m[claims.c.end],
        "quantity": m[claims.c.quantity],
        "time": m[claims.c.time],
        "places": places,
        "reactions": m[claims.c.reactions],
        "hedges": m[claims.c.hedges],
        "agent_side": m[claims.c.agent_side],
        "document_id": m[claims.c.document_id],
        "claim_id": m[claims.c.claim_id],
        "text": m[claims.c.text],
        "first_day": m[claims.c.first_day],
        "last_day": m[claims.c.last_day],
        "findings": [],
        "verdict": None,
        "verdicts": [],
        "document": {
            "id": m[documents.c.id],
            "source": m[documents.c.source_name],
            "item": m[documents.c.item_key],
            "kind": m[documents.c.kind],
            "title": m[documents.c.title],
            "author": m[documents.c.author],
            "url": m[documents.c.url],
            "published": m[documents.c.published],
            "posted_at": m[documents.c.posted_at],
            "published_from": m[documents.c.published_from],
            "lang": m[documents.c.lang],
            "version": m[documents.c.version],
            "near_duplicate_of": m[documents.c.near_duplicate_of],
            "forwarded_from": m[documents.c.forwarded_from],
            "ingested_at": m[documents.c.ingested_at],
        },
    }


def _place(row: Any, shared: dict[tuple[int, int], Any]) -> dict[str, Any]:
    """A claim's place mention as :func:`records.place_to_dict` writes it.

    A mention the document shares keeps its full resolution (alternatives,
    evidence) once, on the document's row: ``shared`` by (start, end)."""
    resolved = row.resolution
    if resolved is None and row.gazetteer_id is not None:
        resolved = shared.get((row.start, row.end))
    return {"name": row.name, "start": row.start, "end": row.end, "resolved": resolved}


def _details(
    conn: Connection, ids: Sequence[str], doc_ids: Sequence[str]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    flags: dict[str, list[dict[str, Any]]] = defaultdict(list)
    judged: dict[str, list[dict[str, Any]]] = defaultdict(list)
    # the caller's connection: a page and its details come from one snapshot
    for row in conn.execute(
        select(verdicts).where(verdicts.c.claim_id.in_(ids)).order_by(verdicts.c.id)
    ):
        judged[row.claim_id].append(verdict_record(row))
    shared: dict[str, dict[tuple[int, int], Any]] = defaultdict(dict)
    for row in conn.execute(
        select(
            place_mentions.c.document_id,
            place_mentions.c.start,
            place_mentions.c.end,
            place_mentions.c.resolution,
        ).where(
            place_mentions.c.document_id.in_(doc_ids),
            place_mentions.c.claim_id.is_(None),
            place_mentions.c.resolution.is_not(None),
        )
    ):
        shared[row.document_id][(row.start, row.end)] = row.resolution
    for row in conn.execute(
        select(place_mentions)
        .where(place_mentions.c.claim_id.in_(ids))
        .order_by(place_mentions.c.id)
    ):
        places[row.claim_id].append(_place(row, shared[row.document_id]))
    for row in conn.execute(
        select(findings).where(findings.c.claim_id.in_(ids)).order_by(findings.c.id)
    ):
        flags[row.claim_id].append(
            {
                "code": row.code,
                "severity": row.severity,
                "message": row.message,
                "start": row.start,
                "end": row.end,
                "claim_id": row.claim_id,
                "evidence": row.evidence,
            }
        )
    return places, flags, judged


def verdict_record(row: Any) -> dict[str, Any]:
    """A stored verdict as :func:`records.verdict_to_dict` writes it, with
    the run that wrote it and when."""
    return {"claim_id": row.claim_id, **{k: getattr(row, k) for k in VERDICT_FIELDS}}


def query_claims(store: Store, f: ClaimFilter) -> Iterator[dict[str, Any]]:
    """Claim records matching ``f``, newest first, in pages of 500.

    Every page is read in one read transaction, so a running ingest adds
    nothing half-way through an export, and each page starts after the last
    row of the one before (keyset paging: linear in the store's size).
    """
    from foglift.store.media import media_of_documents

    query = _claims_select(store, f)
    page, sent = 500, 0
    key = _day_key()
    with _snapshot(store) as conn:
        after: tuple[str, int] | None = None
        while True:
            paged = query
            if after is not None:
                paged = paged.where(
                    or_(key < after[0], and_(key == after[0], claims.c.seq > after[1]))
                )
            rows = conn.execute(paged.limit(page)).all()
            if not rows:
                return
            last = rows[-1]._mapping
            after = (last["day_key"], last[claims.c.seq])
            places, flags, judged = _details(
                conn,
                [r._mapping[claims.c.id] for r in rows],
                sorted({r._mapping[claims.c.document_id] for r in rows}),
            )
            carried = media_of_documents(
                conn, sorted({r._mapping[claims.c.document_id] for r in rows})
            )
            for row in rows:
                claim_id = row._mapping[claims.c.id]
                record = _claim_record(row, places.get(claim_id, []))
                record["findings"] = flags.get(claim_id, [])
                record["verdicts"] = judged.get(claim_id, [])
                record["verdict"] = verdict_summary(record["verdicts"])
                record["media"] = carried.get(record["document_id"], [])
                if f.near and not _is_near(record["places"], f.near):
                    continue
                yield record
                sent += 1
                if f.limit is not None and sent >= f.limit:
                    return


@contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """A connection in one read transaction: on PostgreSQL at repeatable
    read, on SQLite (WAL) every read of a transaction sees one snapshot."""
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _is_near(places: list[dict[str, Any]], near: tuple[float, float, float]) -> bool:
    lat, lon, km = near
    return any(
        p["resolved"] is not None
        and distance_km(lat, lon, p["resolved"]["lat"], p["resolved"]["lon"]) <= km
        for p in places
    )


def document_texts(store: Store, doc_ids: Sequence[str]) -> dict[str, str]:
    """The normalised texts of the documents ``doc_ids``."""
    with store.engine.connect() as conn:
        return {
            doc.id: doc.text
            for doc in conn.execute(
                select(documents.c.id, documents.c.text).where(
                    documents.c.id.in_(doc_ids)
                )
            )
        }


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    source: str | None = None
    lang: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    all_versions: bool = False
    limit: int | None = None


DOCUMENT_FIELDS = (
    "id",
    "item_key",
    "version",
    "supersedes",
    "superseded_by",
    "source_name",
    "kind",
    "title",
    "author",
    "url",
    "posted_at",
    "published",
    "published_from",
    "lang",
    "extracted",
    "near_duplicate_of",
    "near_duplicate_score",
    "forwarded_from",
    "reply_to",
    "media",
    "raw_length",
    "content_hash",
    "ingested_at",
)


def query_documents(
    store: Store, f: DocumentFilter, *, with_text: bool = False
) -> Iterator[dict[str, Any]]:
    claim_count = (
        select(func.count())
        .where(claims.c.document_id == documents.c.id)
        .scalar_subquery()
        .label("claims")
    )
    query = select(documents, claim_count)
    if not f.all_versions:
        query = query.where(documents.c.superseded_by.is_(None))
    if f.source:
        query = query.where(
            func.lower(documents.c.source_name).contains(
                clean_text(f.source.casefold()), autoescape=True
            )
        )
    if f.lang:
        query = query.where(documents.c.lang == f.lang)
    if f.since:
        query = query.where(documents.c.published >= f.since.isoformat())
    if f.until:
        query = query.where(documents.c.published <= f.until.isoformat())
    if f.text:
        query = query.where(_text_match(store, "documents", f.text))
    query = query.order_by(documents.c.published.desc().nulls_last(), documents.c.seq)
    if f.limit is not None:
        query = query.limit(f.limit)
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            record = {k: getattr(row, k) for k in DOCUMENT_FIELDS}
            record["extracted"] = bool(record["extracted"])
            record["claims"] = row.claims
            if with_text:
                record["text"] = row.text
            yield record


def query_rejections(
    store: Store, *, code: str | None = None, limit: int | None = None
) -> Iterator[dict[str, Any]]:
    query = select(rejections).order_by(rejections.c.seen_at, rejections.c.source)
    if code:
        query = query.where(rejections.c.code == code)
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            yield {
                "source": row.source,
                "stage": row.stage,
                "code": row.code,
                "reason": row.reason,
                "first_run_id": row.first_run_id,
                "seen_at": row.seen_at,
            }
