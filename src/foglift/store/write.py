"""Rows for one document and everything derived from it, written in one go."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select

from foglift.model import Claim, Document, Item, PlaceMention, Rejected
from foglift.records import finding_to_dict, plain
from foglift.store.schema import (
    claims,
    documents,
    findings,
    input_roots,
    place_mentions,
    rejections,
    sources,
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def register_roots(
    conn: Connection, wanted: list[tuple[str, str]], run_id: int
) -> tuple[tuple[str, str], ...]:
    """Every input root the store knows, in the order first given, after
    adding those of ``wanted`` (resolved folder, name) that no known root
    holds. A new root takes its name as key prefix, or, when another folder
    already has that name, the name and a digest of its path."""
    known = [
        (row.root, row.prefix)
        for row in conn.execute(
            select(input_roots.c.root, input_roots.c.prefix).order_by(input_roots.c.seq)
        )
    ]
    taken = {prefix for _, prefix in known}
    for root, name in wanted:
        if any(PurePath(root).is_relative_to(held) for held, _ in known):
            continue
        prefix = name
        if prefix in taken:
            digest = hashlib.sha256(root.encode("utf-8", "surrogatepass"))
            prefix = f"{name}@{digest.hexdigest()[:8]}"
        conn.execute(
            input_roots.insert().values(root=root, prefix=prefix, run_id=run_id)
        )
        known.append((root, prefix))
        taken.add(prefix)
    return tuple(known)


def ensure_source(conn: Connection, item: Item, run_id: int) -> None:
    found = conn.execute(
        select(sources.c.name).where(sources.c.name == item.source_name)
    ).first()
    if found is None:
        conn.execute(
            sources.insert(),
            {
                "name": item.source_name,
                "kind": item.kind,
                "external_id": item.source_external_id,
                "url": item.source_url,
                "first_run_id": run_id,
            },
        )


def document_row(
    doc: Document,
    item: Item,
    *,
    extracted: bool,
    version: int,
    supersedes: str | None,
    near: tuple[str, float] | None,
    run_id: int,
) -> dict[str, Any]:
    return {
        "id": doc.id,
        "item_key": item.key,
        "version": version,
        "supersedes": supersedes,
        "source_name": item.source_name,
        "kind": item.kind,
        "title": item.title,
        "author": item.author,
        "url": item.url,
        "posted_at": item.posted_at,
        "published_from": item.published_from
        or ("metadata" if item.posted_at else None),
        "published": doc.published.isoformat() if doc.published else None,
        "lang": doc.lang,
        "extracted": extracted,
        "text": doc.text,
        "raw_length": doc.raw_length or len(item.text),
        "content_hash": content_hash(item.text),
        "near_duplicate_of": near[0] if near else None,
        "near_duplicate_score": near[1] if near else None,
        "forwarded_from": item.forwarded_from,
        "reply_to": item.reply_to,
        "media": list(item.media),
        **derived_columns(doc),
        "run_id": run_id,
        "ingested_at": now(),
    }


def derived_columns(doc: Document) -> dict[str, Any]:
    """The document columns the pipeline fills (rewritten when re-extracted)."""
    return {
        "repairs": plain(doc.repairs),
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "claimants": plain(doc.claimants),
        "stages": list(doc.stages),
    }


def _claim_row(doc: Document, claim: Claim) -> dict[str, Any]:
    quantity = claim.quantity
    time = claim.time
    return {
        "id": f"{doc.id}:{claim.id}",
        "document_id": doc.id,
        "claim_id": claim.id,
        "claim_type": claim.claim_type,
        "action": claim.action,
        "action_as_stated": claim.action_as_stated,
        "action_start": claim.action_start,
        "action_end": claim.action_end,
        "claimant_name": claim.claimant.name,
        "claimant_kind": claim.claimant.kind,
        "claimant_named": claim.claimant.named,
        "claimant_side": claim.claimant.side,
        "claimant_registry_id": claim.claimant.registry_id,
        "claimant": plain(claim.claimant),
        "agent_side": claim.agent_side,
        "stance": claim.stance,
        "voice": claim.voice,
        "start": claim.start,
        "end": claim.end,
        "text": doc.text[claim.start : claim.end],
        "quantity_value": quantity.value if quantity else None,
        "quantity_unit": quantity.unit if quantity else None,
        "quantity": plain(quantity),
        "first_day": time.first_day.isoformat() if time and time.first_day else None,
        "last_day": time.last_day.isoformat() if time and time.last_day else None,
        "time": plain(time),
        "hedges": plain(claim.hedges),
        "reactions": plain(claim.reactions),
    }


def _place_row(
    doc_id: str, claim_id: str | None, place: PlaceMention
) -> dict[str, Any]:
    r = place.resolved
    return {
        "document_id": doc_id,
        "claim_id": claim_id,
        "name": place.name,
        "start": place.start,
        "end": place.end,
        "gazetteer_id": r.gazetteer_id if r else None,
        "resolved_name": r.name if r else None,
        "country": r.country if r else None,
        "admin1": r.admin1 if r else None,
        "admin2": r.admin2 if r else None,
        "lat": r.lat if r else None,
        "lon": r.lon if r else None,
        "precision": r.precision if r else None,
        "confidence": r.confidence if r else None,
        "resolution": plain(r),
    }


def write_derived(conn: Connection, doc: Document) -> int:
    """Claims, place mentions and findings of ``doc``; returns the claim count."""
    if doc.claims:
        conn.execute(claims.insert(), [_claim_row(doc, c) for c in doc.claims])
    places = [_place_row(doc.id, None, p) for p in doc.places]
    # A claim's mention is usually one of the document's: its full resolution
    # (alternatives, evidence) is stored once, on the document's row.
    spans = {(p.start, p.end, p.resolved) for p in doc.places}
    for claim in doc.claims:
        for place in claim.places:
            row = _place_row(doc.id, f"{doc.id}:{claim.id}", place)
            if (place.start, place.end, place.resolved) in spans:
                row["resolution"] = None
            places.append(row)
    if places:
        conn.execute(place_mentions.insert(), places)
    if doc.findings:
        rows = []
        for f in doc.findings:
            row = finding_to_dict(f)
            row["claim_id"] = f"{doc.id}:{f.claim_id}" if f.claim_id else None
            rows.append({"document_id": doc.id, **row})
        conn.execute(findings.insert(), rows)
    return len(doc.claims)


_STORED = select(documents.c.extracted, documents.c.lang).where(
    documents.c.id == bindparam("doc_id")
)
_LATEST = (
    select(documents.c.id, documents.c.version, documents.c.source_name)
    .where(documents.c.item_key == bindparam("item_key"))
    .order_by(documents.c.version.desc())
)


def stored_document(conn: Connection, doc_id: str) -> Row[Any, Any] | None:
    """Whether ``doc_id`` is stored: its ``extracted`` and ``lang``, or None."""
    return conn.execute(_STORED, {"doc_id": doc_id}).first()


def latest_version(
    conn: Connection, item_key: str, source_name: str
) -> tuple[int, str | None]:
    """The highest version number stored under ``item_key`` (0: none) and the
    id of the newest version from ``source_name``, which a new text of the
    item supersedes; another source's documents under the same key (an export
    from another channel claiming its chat id) are never superseded."""
    rows = conn.execute(_LATEST, {"item_key": item_key}).all()
    top = rows[0].version if rows else 0
    same = next((row.id for row in rows if row.source_name == source_name), None)
    return top, same


def mark_extracted(conn: Connection, doc: Document) -> None:
    """A document stored without claims, now extracted: its new columns."""
    conn.execute(
        documents.update()
        .where(documents.c.id == doc.id)
        .values(extracted=True, lang=doc.lang, text=doc.text, **derived_columns(doc))
    )


# Statements built once and given their values as parameters: SQLAlchemy then
# compiles each once, where ``.values(...)`` built a new statement per document.
_SUPERSEDE = (
    documents.update()
    .where(documents.c.id == bindparam("old"))
    .values(superseded_by=bindparam("new"))
)


def insert_document(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(documents.insert(), row)
    if row["supersedes"]:
        conn.execute(_SUPERSEDE, {"old": row["supersedes"], "new": row["id"]})


def rejection_id(rejected: Rejected) -> str:
    key = "\x00".join((rejected.source, rejected.stage, rejected.code, rejected.reason))
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:32]


def record_rejection(conn: Connection, rejected: Rejected, run_id: int) -> bool:
    """Store a rejection once; False when the same one is already stored."""
    ident = rejection_id(rejected)
    if conn.execute(select(rejections.c.id).where(rejections.c.id == ident)).first():
        return False
    conn.execute(
        rejections.insert().values(
            id=ident,
            source=rejected.source,
            stage=rejected.stage,
            code=rejected.code,
            reason=rejected.reason,
            first_run_id=run_id,
            seen_at=now(),
        )
    )
    return True
