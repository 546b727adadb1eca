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

The per-document work is :func:`foglift.runs.process.process_batch`; this
module is the serial loop around it: read, batch, process, write.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from foglift.ingest.sources import ReadOptions, input_roots, read_inputs
from foglift.model import Item, Read, Rejected, Skipped
from foglift.pipeline import document_id
from foglift.runs.process import PipelineOptions, Processed, process_batch
from foglift.settings import default
from foglift.store.db import Store
from foglift.store.neardup import find_original, record_marks, shingles
from foglift.store.runs import finish_run, interrupt_run, start_run
from foglift.store.write import (
    document_row,
    ensure_source,
    insert_document,
    latest_version,
    mark_extracted,
    record_rejection,
    register_roots,
    stored_document,
    write_derived,
)

Outcome = str  # new, version, unchanged, extracted, rejected, skipped


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


def _processed(item: Item, options: PipelineOptions) -> Processed:
    (result,) = process_batch([item], options)
    return result


def _store_item(
    conn: Connection,
    item: Item,
    options: PipelineOptions,
    summary: IngestSummary,
    run_id: int,
    processed: Processed | None = None,
) -> Outcome:
    doc_id = document_id(item.key, item.text)
    existing = stored_document(conn, doc_id)
    if existing is not None:
        if existing.extracted:
            summary.unchanged += 1
            return "unchanged"
        return _extract_later(conn, item, options, summary, run_id, processed)
    if processed is None:
        processed = _processed(item, options)
    if processed.rejected is not None or processed.document is None:
        return _reject(conn, processed, summary, run_id)
    doc = processed.document
    if not processed.extracted:
        summary.without_claims[doc.lang] += 1
    top, replaced = latest_version(conn, item.key, item.source_name)
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
            extracted=processed.extracted,
            version=top + 1,
            supersedes=replaced,
            near=(match.original_id, match.score) if match else None,
            run_id=run_id,
        ),
    )
    record_marks(conn, doc.id, sampled, counts)
    summary.claims += write_derived(conn, doc)
    if match:
        summary.near_duplicates += 1
    if replaced:
        summary.versions += 1
        return "version"
    summary.new += 1
    return "new"


def _reject(
    conn: Connection, processed: Processed, summary: IngestSummary, run_id: int
) -> Outcome:
    assert processed.rejected is not None
    record_rejection(conn, processed.rejected, run_id)
    summary.rejected.append(processed.rejected)
    return "rejected"


def _extract_later(
    conn: Connection,
    item: Item,
    options: PipelineOptions,
    summary: IngestSummary,
    run_id: int,
    processed: Processed | None = None,
) -> Outcome:
    """A document stored without claims: extract now if its language is supported."""
    if processed is None:
        processed = _processed(item, options)
    if processed.rejected is not None:
        return _reject(conn, processed, summary, run_id)
    if not processed.extracted or processed.document is None:
        summary.unchanged += 1
        return "unchanged"
    mark_extracted(conn, processed.document)
    summary.claims += write_derived(conn, processed.document)
    summary.extracted_later += 1
    return "extracted"


def _store_read(
    conn: Connection,
    read: Read,
    options: PipelineOptions,
    summary: IngestSummary,
    processed: Processed | None = None,
) -> Outcome:
    if isinstance(read, Skipped):
        summary.skipped[read.reason] += 1
        return "skipped"
    if isinstance(read, Rejected):
        record_rejection(conn, read, summary.run_id)
        summary.rejected.append(read)
        return "rejected"
    summary.read += 1
    return _store_item(conn, read, options, summary, summary.run_id, processed)


# Another writer (a second ingest into the same store) may store a document, a
# source or the next version of an item between this run's look and its write.
WRITE_ATTEMPTS = 3
# text held for one batch, at most (a few large documents make a batch)
BATCH_CHARS = 20_000_000


def _unstored(conn: Connection, batch: list[Read]) -> list[int]:
    """Positions in ``batch`` of the items the store does not hold extracted."""
    wanted = []
    for n, read in enumerate(batch):
        if isinstance(read, Item):
            existing = stored_document(conn, document_id(read.key, read.text))
            if existing is None or not existing.extracted:
                wanted.append(n)
    conn.rollback()  # end the read, so no snapshot is held across the work
    return wanted


def _check_batch(
    conn: Connection,
    batch: list[Read],
    options: PipelineOptions,
    on_checked: Callable[[Read, Processed | None], None] | None,
) -> list[Processed | None]:
    """The pipeline's result for each item the store does not hold extracted,
    computed before the batch's write transaction opens."""
    wanted = _unstored(conn, batch)
    results: list[Processed | None] = [None] * len(batch)
    done = iter(wanted)
    position = 0  # the next item of ``batch`` on_checked has not heard of

    def heard(upto: int, processed: Processed | None) -> None:
        nonlocal position
        if on_checked is None:
            return
        for n in range(position, upto):
            on_checked(batch[n], None)
        if upto < len(batch):
            on_checked(batch[upto], processed)
        position = upto + 1

    def finished(_item: Item, processed: Processed) -> None:
        n = next(done)
        results[n] = processed
        heard(n, processed)

    items = [read for n in wanted if isinstance(read := batch[n], Item)]
    process_batch(items, options, finished)
    heard(len(batch), None)
    return results


def _write_batch(
    conn: Connection,
    batch: list[Read],
    options: PipelineOptions,
    summary: IngestSummary,
    on_item: Callable[[Read, Outcome], None] | None,
    on_checked: Callable[[Read, Processed | None], None] | None = None,
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
    processed: Processed | None,
) -> Outcome:
    for attempt in range(WRITE_ATTEMPTS):
        before = copy.deepcopy(summary)
        try:
            with conn.begin():
                return _store_read(conn, read, options, summary, processed)
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
    on_checked: Callable[[Read, Processed | None], None] | None = None,
) -> IngestSummary:
    """Ingest every item under ``paths`` into ``store``; returns what happened.

    ``on_checked`` hears of each item once the pipeline is done with its
    batch (None for an item the store already holds, or one not read);
    ``on_item`` of its outcome once its batch is committed.
    """
    read_options = read_options or ReadOptions()
    options = pipeline_options or PipelineOptions()
    summary = IngestSummary()
    summary.run_id = run_id = start_run(
        store, "ingest", arguments or {"paths": list(paths)}
    )
    read_options = keyed(store, paths, read_options, run_id)
    from foglift.runs.media import MediaRecorder

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


def keyed(
    store: Store, paths: Sequence[str], read_options: ReadOptions, run_id: int
) -> ReadOptions:
    """``read_options`` with the store's input roots, those of ``paths``
    registered first, so every file gets the key it has in this store."""
    wanted = input_roots(list(paths), read_options)
    for attempt in range(WRITE_ATTEMPTS):
        try:
            with store.engine.begin() as conn:
                roots = register_roots(conn, wanted, run_id)
            break
        except IntegrityError:  # another ingest registered a root meanwhile
            if attempt == WRITE_ATTEMPTS - 1:
                raise
    return replace(read_options, roots=roots)


def _ingest_all(
    store: Store,
    paths: Sequence[str],
    read_options: ReadOptions,
    options: PipelineOptions,
    summary: IngestSummary,
    on_item: Callable[[Read, Outcome], None] | None,
    on_checked: Callable[[Read, Processed | None], None] | None,
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
