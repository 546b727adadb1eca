"""Pour inputs into the store: read, run the pipeline, write, never crash a batch.

Idempotent: a document's id hashes its item key and text, so an item already
stored is skipped; the same key with new text is stored as the next version.
Crash-safe: documents are written in transactions of ``ingest_batch_documents``
(the pipeline runs before a batch's transaction opens, so the store is locked
only while rows are written) and the input order is stable, so a killed run
leaves a prefix of the work committed and a rerun finishes it, ending with the
store an uninterrupted run gives. A document the pipeline cannot extract claims
from (a language without an extractor yet) is stored without claims and
extracted on a later run once the language is supported. Concurrent: another
ingest may write the same store; a batch that meets what the other stored
meanwhile is written again item by item.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.exc import IntegrityError

from foglift.errors import UsageError
from foglift.ingest.items import Item, Read, Skipped, reject
from foglift.ingest.sources import ReadOptions, read_inputs
from foglift.model import Document, Rejected
from foglift.settings import default
from foglift.store.db import Store
from foglift.store.neardup import find_original, record_marks, shingles
from foglift.store.runs import finish_run, interrupt_run, start_run
from foglift.store.schema import documents
from foglift.store.write import (
    derived_columns,
    document_row,
    ensure_source,
    insert_document,
    record_rejection,
    write_derived,
)

Outcome = str  # new, version, unchanged, extracted, rejected, skipped
Checked = Document | Rejected | str  # what the pipeline made of one item

_EXISTING = select(documents.c.extracted, documents.c.lang).where(
    documents.c.id == bindparam("doc_id")
)
_LATEST = (
    select(documents.c.id, documents.c.version)
    .where(documents.c.item_key == bindparam("item_key"))
    .order_by(documents.c.version.desc())
    .limit(1)
)


@dataclass
class IngestSummary:
    run_id: int = 0
    read: int = 0
    new: int = 0
    versions: int = 0
    unchanged: int = 0
    extracted_later: int = 0
    near_duplicates: int = 0
    claims: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    without_claims: Counter[str] = field(default_factory=Counter)  # by language
    known_sources: set[str] = field(default_factory=set)
    media: dict[str, int] = field(default_factory=dict)  # MediaSummary.counts()

    def counts(self) -> dict[str, Any]:
        media = {"media": self.media} if self.media else {}
        return {
            "read": self.read,
            "new": self.new,
            "new_versions": self.versions,
            "unchanged": self.unchanged,
            "extracted_later": self.extracted_later,
            "near_duplicates": self.near_duplicates,
            "claims": self.claims,
            "rejected": len(self.rejected),
            "skipped": sum(self.skipped.values()),
            "stored_without_claims": dict(sorted(self.without_claims.items())),
            **media,
        }


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    lang: str = "auto"
    sources_file: str | None = None
    source_name: str | None = None  # named by the user: the publisher of plain files


def publisher_of(item: Item, options: PipelineOptions) -> str | None:
    """Who speaks in a document's own voice: a forwarded post's original
    channel, else the channel, site or feed it came from. A plain file's name
    says nothing of its publisher, so only a source the user named counts."""
    if item.forwarded_from:
        return item.forwarded_from
    if item.kind == "file":
        return options.source_name
    return item.source_name or None


def _run_pipeline(item: Item, options: PipelineOptions) -> Document | Rejected | str:
    """The checked Document, a Rejected, or the language nobody can extract yet."""
    from foglift.pipeline import check_text

    most = int(default("max_document_chars"))
    if len(item.text) > most:
        return reject(
            item.key,
            "FL105",
            f"{len(item.text):,} characters, more than the {most:,} one document "
            "may have; split it",
            stage="pipeline",
        )
    try:
        return check_text(
            item.text,
            source=item.key,
            published=item.published,
            lang=options.lang,
            sources_file=options.sources_file,
            publisher=publisher_of(item, options),
        )
    except UsageError:  # no extractor for this language (yet)
        return "und" if options.lang == "auto" else options.lang
    except Exception as exc:  # one hostile document must not end the batch
        return reject(
            item.key,
            "FL900",
            f"{type(exc).__name__}: {exc}",
            stage="pipeline",
        )


def _bare_document(item: Item, lang: str) -> Document:
    from foglift.pipeline import document_id

    return Document(
        id=document_id(item.key, item.text),
        text=item.text,
        source=item.key,
        published=item.published,
        lang=lang,
        raw_length=len(item.text),
    )


def _store_item(
    conn: Connection,
    item: Item,
    options: PipelineOptions,
    summary: IngestSummary,
    run_id: int,
    checked: Checked | None = None,
) -> Outcome:
    from foglift.pipeline import document_id

    doc_id = document_id(item.key, item.text)
    existing = conn.execute(_EXISTING, {"doc_id": doc_id}).first()
    if existing is not None:
        if existing.extracted:
            summary.unchanged += 1
            return "unchanged"
        return _extract_later(conn, item, doc_id, options, summary, run_id, checked)
    if checked is None:
        checked = _run_pipeline(item, options)
    if isinstance(checked, Rejected):
        record_rejection(conn, checked, run_id)
        summary.rejected.append(checked)
        return "rejected"
    extracted = isinstance(checked, Document)
    doc = checked if isinstance(checked, Document) else _bare_document(item, checked)
    if not extracted:
        summary.without_claims[doc.lang] += 1
    latest = conn.execute(_LATEST, {"item_key": item.key}).first()
    grams = shingles(item.text)
    match, sampled, counts = find_original(conn, item.text, grams, item.key)
    if item.source_name not in summary.known_sources:
        ensure_source(conn, item, run_id)
        summary.known_sources.add(item.source_name)
    insert_document(
        conn,
        document_row(
            doc,
            item,
            extracted=extracted,
            version=latest.version + 1 if latest else 1,
            supersedes=latest.id if latest else None,
            near=(match.original_id, match.score) if match else None,
            run_id=run_id,
        ),
    )
    record_marks(conn, doc.id, sampled, counts)
    summary.claims += write_derived(conn, doc)
    if match:
        summary.near_duplicates += 1
    if latest:
        summary.versions += 1
        return "version"
    summary.new += 1
    return "new"


def _extract_later(
    conn: Connection,
    item: Item,
    doc_id: str,
    options: PipelineOptions,
    summary: IngestSummary,
    run_id: int,
    checked: Checked | None = None,
) -> Outcome:
    """A document stored without claims: extract now if its language is supported."""
    if checked is None:
        checked = _run_pipeline(item, options)
    if isinstance(checked, str):
        summary.unchanged += 1
        return "unchanged"
    if isinstance(checked, Rejected):
        record_rejection(conn, checked, run_id)
        summary.rejected.append(checked)
        return "rejected"
    conn.execute(
        documents.update()
        .where(documents.c.id == doc_id)
        .values(
            extracted=True,
            lang=checked.lang,
            text=checked.text,
            **derived_columns(checked),
        )
    )
    summary.claims += write_derived(conn, checked)
    summary.extracted_later += 1
    return "extracted"


def _store_read(
    conn: Connection,
    read: Read,
    options: PipelineOptions,
    summary: IngestSummary,
    checked: Checked | None = None,
) -> Outcome:
    if isinstance(read, Skipped):
        summary.skipped[read.reason] += 1
        return "skipped"
    if isinstance(read, Rejected):
        record_rejection(conn, read, summary.run_id)
        summary.rejected.append(read)
        return "rejected"
    summary.read += 1
    return _store_item(conn, read, options, summary, summary.run_id, checked)


# Another writer (a second ingest into the same store) may store a document, a
# source or the next version of an item between this run's look and its write.
WRITE_ATTEMPTS = 3
# text held for one batch, at most (a few large documents make a batch)
BATCH_CHARS = 20_000_000


def _check_batch(
    conn: Connection,
    batch: list[Read],
    options: PipelineOptions,
    on_checked: Callable[[Read, Checked | None], None] | None,
) -> list[Checked | None]:
    """The pipeline's result for each item the store does not hold extracted,
    computed before the batch's write transaction opens."""
    from foglift.pipeline import document_id

    results: list[Checked | None] = []
    for read in batch:
        checked: Checked | None = None
        if isinstance(read, Item):
            doc_id = document_id(read.key, read.text)
            existing = conn.execute(_EXISTING, {"doc_id": doc_id}).first()
            if existing is None or not existing.extracted:
                checked = _run_pipeline(read, options)
        conn.rollback()  # end the read, so no snapshot is held across the work
        results.append(checked)
        if on_checked is not None:
            on_checked(read, checked)
    return results


def _write_batch(
    conn: Connection,
    batch: list[Read],
    options: PipelineOptions,
    summary: IngestSummary,
    on_item: Callable[[Read, Outcome], None] | None,
    on_checked: Callable[[Read, Checked | None], None] | None = None,
) -> None:
    """Write ``batch`` in one transaction; when another writer got in first,
    write it again item by item, each seeing what is stored by then."""
    checked = _check_batch(conn, batch, options, on_checked)
    before = copy.deepcopy(summary)
    try:
        with conn.begin():
            outcomes = [
                _store_read(conn, read, options, summary, result)
                for read, result in zip(batch, checked, strict=True)
            ]
    except IntegrityError:
        _restore(summary, before)
        outcomes = [
            _store_alone(conn, read, options, summary, result)
            for read, result in zip(batch, checked, strict=True)
        ]
    if on_item is not None:
        for read, outcome in zip(batch, outcomes, strict=True):
            on_item(read, outcome)


def _store_alone(
    conn: Connection,
    read: Read,
    options: PipelineOptions,
    summary: IngestSummary,
    checked: Checked | None,
) -> Outcome:
    for attempt in range(WRITE_ATTEMPTS):
        before = copy.deepcopy(summary)
        try:
            with conn.begin():
                return _store_read(conn, read, options, summary, checked)
        except IntegrityError:
            _restore(summary, before)
            if attempt == WRITE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _restore(summary: IngestSummary, saved: IngestSummary) -> None:
    for name in IngestSummary.__dataclass_fields__:
        setattr(summary, name, getattr(saved, name))


def ingest_paths(
    store: Store,
    paths: Sequence[str],
    read_options: ReadOptions | None = None,
    pipeline_options: PipelineOptions | None = None,
    *,
    arguments: dict[str, Any] | None = None,
    on_item: Callable[[Read, Outcome], None] | None = None,
    on_checked: Callable[[Read, Checked | None], None] | None = None,
) -> IngestSummary:
    """Ingest every item under ``paths`` into ``store``; returns what happened.

    ``on_checked`` hears of each item as soon as the pipeline is done with it;
    ``on_item`` of its outcome once its batch is committed.
    """
    read_options = read_options or ReadOptions()
    options = pipeline_options or PipelineOptions()
    summary = IngestSummary()
    summary.run_id = run_id = start_run(
        store, "ingest", arguments or {"paths": list(paths)}
    )
    from foglift.store.media import MediaRecorder

    recorder = MediaRecorder(store, run_id)

    def committed(read: Read, outcome: Outcome) -> None:
        recorder.hear(read, outcome)  # the media of a post once it is stored
        if on_item is not None:
            on_item(read, outcome)

    try:
        _ingest_all(store, paths, read_options, options, summary, committed, on_checked)
        media = recorder.finish()
    except BaseException:
        interrupt_run(store, run_id)
        raise
    if media.occurrences:
        summary.media = media.counts()
        summary.rejected.extend(media.refused)
    finish_run(store, run_id, summary.counts())
    return summary


def _ingest_all(
    store: Store,
    paths: Sequence[str],
    read_options: ReadOptions,
    options: PipelineOptions,
    summary: IngestSummary,
    on_item: Callable[[Read, Outcome], None] | None,
    on_checked: Callable[[Read, Checked | None], None] | None,
) -> None:
    size = int(default("ingest_batch_documents"))
    batch: list[Read] = []
    chars = 0
    with store.engine.connect() as conn:
        for read in read_inputs(list(paths), read_options):
            batch.append(read)
            chars += len(read.text) if isinstance(read, Item) else 0
            # a batch is held until it commits: bound it by text as well
            if len(batch) >= size or chars >= BATCH_CHARS:
                _write_batch(conn, batch, options, summary, on_item, on_checked)
                batch, chars = [], 0
        if batch:
            _write_batch(conn, batch, options, summary, on_item, on_checked)
