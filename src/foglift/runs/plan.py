"""An ingest run as a plan of batches, run by any executor, written by one writer.

The plan cuts the inputs into batches in their stable order (by count and by
characters, as the serial run does), keys each batch (:mod:`foglift.runs.ledger`)
and, before a batch is shipped, looks up which of its documents the store
already holds extracted: only the others go to
:func:`foglift.runs.process.process_batch`. The
executor (this process, local workers or a Dask cluster) returns each batch's
results in input order, and this process, the one writer, writes each batch
and its ledger row in one transaction. So every executor writes the same rows
in the same order (near-duplicates and versions depend on what came first),
and a rerun after a killed client or worker skips the batches in the ledger and
redoes the rest.
"""

from __future__ import annotations

import copy
import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from foglift.ingest.sources import ReadOptions, read_inputs
from foglift.model import Item, Read, Rejected, Skipped
from foglift.runs.executors import Executor, SerialExecutor
from foglift.runs.ingest import (
    BATCH_CHARS,
    IngestSummary,
    Outcome,
    _restore,
    _store_alone,
    _store_read,
    keyed,
)
from foglift.runs.ledger import batch_key, is_finished, record_batch
from foglift.runs.process import PipelineOptions, Processed, process_batch
from foglift.settings import default
from foglift.store.db import Store
from foglift.store.runs import finish_run, interrupt_run, start_run
from foglift.store.schema import documents
from foglift.store.write import rejection_id

COMMAND = "ingest"


@dataclass(slots=True)
class PlannedBatch:
    """One batch as the writer keeps it; only ``todo``'s items are shipped."""

    number: int
    key: str
    reads: list[Read]
    finished: bool  # in the ledger: nothing to compute or write
    todo: list[int] = field(default_factory=list)  # positions to compute


@dataclass
class BatchReport:
    """What the writer did with one batch, for progress lines."""

    number: int
    documents: int
    outcomes: Counter[str]
    from_ledger: bool


def _member(read: Read) -> str:
    from foglift.pipeline import document_id

    if isinstance(read, Item):
        return "d:" + document_id(read.key, read.text)
    if isinstance(read, Rejected):
        return "r:" + rejection_id(read)
    return f"s:{read.source}\x00{read.reason}"


def _option_parts(options: PipelineOptions) -> list[str]:
    registry = ""
    if options.sources_file:
        path = Path(options.sources_file)
        registry = (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
        )
    return [f"lang={options.lang}", f"source={options.source_name}", registry]


def cut_batches(reads: Iterable[Read], size: int | None = None) -> Iterator[list[Read]]:
    """Batches of ``size`` reads (``ingest_batch_documents``), fewer when their
    text reaches ``BATCH_CHARS``: the serial run's rule, so keys repeat across
    runs."""
    size = size or int(default("ingest_batch_documents"))
    batch: list[Read] = []
    chars = 0
    for read in reads:
        batch.append(read)
        chars += len(read.text) if isinstance(read, Item) else 0
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def plan_batches(
    conn: Connection,
    reads: Iterable[Read],
    options: PipelineOptions,
    size: int | None = None,
) -> Iterator[PlannedBatch]:
    """Each batch keyed, marked when the ledger holds it, and with the
    positions of the items the store does not hold extracted."""
    from foglift.pipeline import document_id

    parts = _option_parts(options)
    for number, batch in enumerate(cut_batches(reads, size)):
        key = batch_key(COMMAND, parts, (_member(r) for r in batch))
        planned = PlannedBatch(number, key, batch, is_finished(conn, key))
        if not planned.finished:
            ids = {
                i: document_id(r.key, r.text)
                for i, r in enumerate(batch)
                if isinstance(r, Item)
            }
            extracted = {
                row.id
                for row in conn.execute(
                    select(documents.c.id).where(
                        documents.c.id.in_(set(ids.values())),
                        documents.c.extracted.is_(True),
                    )
                )
            }
            planned.todo = [i for i, d in ids.items() if d not in extracted]
        conn.rollback()  # end the read: no snapshot is held while workers run
        yield planned


def _count_finished(batch: PlannedBatch, summary: IngestSummary) -> Counter[str]:
    """A batch from the ledger counts as a serial rerun would count it."""
    outcomes: Counter[str] = Counter()
    for read in batch.reads:
        if isinstance(read, Skipped):
            summary.skipped[read.reason] += 1
            outcomes["skipped"] += 1
        elif isinstance(read, Rejected):
            summary.rejected.append(read)
            outcomes["rejected"] += 1
        else:
            summary.read += 1
            summary.unchanged += 1
            outcomes["unchanged"] += 1
    return outcomes


def write_batch(
    conn: Connection,
    batch: PlannedBatch,
    results: Sequence[Processed],
    options: PipelineOptions,
    summary: IngestSummary,
    on_item: Callable[[Read, str], None] | None = None,
) -> Counter[str]:
    """Write one batch and its ledger row in one transaction; when another
    writer got in first, item by item, then the ledger row. ``on_item`` hears
    each read's outcome once the batch is committed."""
    if batch.finished:
        counted = _count_finished(batch, summary)
        if on_item is not None:
            for read in batch.reads:
                on_item(read, _finished_outcome(read))
        return counted
    checked: list[Processed | None] = [None] * len(batch.reads)
    for position, result in zip(batch.todo, results, strict=True):
        checked[position] = result
    before = copy.deepcopy(summary)
    pairs = list(zip(batch.reads, checked, strict=True))
    outcomes: list[Outcome]
    try:
        with conn.begin():
            outcomes = [_store_read(conn, r, options, summary, c) for r, c in pairs]
            _record(conn, batch, outcomes, summary.run_id)
    except IntegrityError:
        _restore(summary, before)
        outcomes = [_store_alone(conn, r, options, summary, c) for r, c in pairs]
        with conn.begin():
            if not is_finished(conn, batch.key):
                _record(conn, batch, outcomes, summary.run_id)
    if on_item is not None:
        for read, outcome in zip(batch.reads, outcomes, strict=True):
            on_item(read, outcome)
    return Counter(outcomes)


def _finished_outcome(read: Read) -> str:
    if isinstance(read, Skipped):
        return "skipped"
    return "rejected" if isinstance(read, Rejected) else "unchanged"


def _record(
    conn: Connection, batch: PlannedBatch, outcomes: list[Outcome], run_id: int
) -> None:
    first = batch.reads[0]
    record_batch(
        conn,
        batch.key,
        command=COMMAND,
        size=len(batch.reads),
        first_item=first.key if isinstance(first, Item) else first.source,
        counts=dict(sorted(Counter(outcomes).items())),
        run_id=run_id,
    )


def run_ingest(
    store: Store,
    paths: Sequence[str],
    read_options: ReadOptions | None = None,
    options: PipelineOptions | None = None,
    executor: Executor | None = None,
    *,
    arguments: dict[str, Any] | None = None,
    on_batch: Callable[[BatchReport], None] | None = None,
    batch_documents: int | None = None,
) -> IngestSummary:
    """Ingest every item under ``paths`` with ``executor`` doing the
    per-document work (serial when None); returns what happened.

    ``batch_documents`` overrides the ``ingest_batch_documents`` setting
    (a batch is the unit of work, of the ledger and of a transaction)."""
    read_options = read_options or ReadOptions()
    options = options or PipelineOptions()
    executor = executor or SerialExecutor()
    summary = IngestSummary()
    given = arguments or {"paths": list(paths)}
    summary.run_id = run_id = start_run(
        store, COMMAND, {**given, "executor": executor.name}
    )
    read_options = keyed(store, paths, read_options, run_id)
    from foglift.runs.media import MediaRecorder

    recorder = MediaRecorder(store, run_id)  # the posts' media, as a serial run
    try:
        with store.engine.connect() as conn:
            reads = read_inputs(list(paths), read_options)
            planned = plan_batches(conn, reads, options, batch_documents)
            tasks = ((b, [b.reads[i] for i in b.todo]) for b in planned)
            for batch, results in executor.map(process_batch, tasks, options):
                outcomes = write_batch(
                    conn, batch, results, options, summary, recorder.hear
                )
                if on_batch is not None:
                    on_batch(
                        BatchReport(
                            batch.number,
                            sum(isinstance(r, Item) for r in batch.reads),
                            outcomes,
                            batch.finished,
                        )
                    )
        media = recorder.finish()
    except BaseException:
        interrupt_run(store, run_id)
        raise
    if media.occurrences:
        summary.media = media.counts()
        summary.rejected.extend(media.refused)
    finish_run(
        store,
        run_id,
        {**summary.counts(), "recovered_batches": executor.recovered},
    )
    return summary


class Progress:
    """Progress lines on stderr: documents per second, batches done, failures."""

    def __init__(
        self, write: Callable[[str], None], workers: str, every: float | None = None
    ) -> None:
        self.write = write
        self.workers = workers
        self.every = (
            float(default("progress_every_seconds")) if every is None else every
        )
        self.started = self.last = time.monotonic()
        self.documents = 0
        self.batches = 0
        self.from_ledger = 0
        self.rejected = 0
        self.outcomes: Counter[str] = Counter()

    def __call__(self, report: BatchReport) -> None:
        self.batches += 1
        self.documents += report.documents
        self.from_ledger += report.from_ledger
        self.rejected += report.outcomes["rejected"]
        self.outcomes.update(report.outcomes)
        if time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self.write(self.line())

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (
            f"foglift ingest: {self.documents:,} documents "
            f"({self.documents / elapsed:,.1f}/s), {self.batches:,} batches done "
            f"({self.from_ledger:,} already in the ledger), "
            f"{self.rejected:,} rejected; {self.workers}"
        )
