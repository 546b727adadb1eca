"""The per-document work of a run: read items in, checked documents out.

:func:`process_batch` is pure: plain records in, plain records out, no store.
It is a module-level function of picklable arguments, so the serial loop, a
pool of local processes and a cluster's workers all call the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from foglift.budget import OutOfTime, time_budget
from foglift.errors import UsageError
from foglift.ingest.items import Item, reject
from foglift.model import Document, Rejected
from foglift.pipeline import check_text, document_id
from foglift.settings import default


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    lang: str = "auto"
    sources_file: str | None = None
    source_name: str | None = None  # named by the user: the publisher of plain files
    # CPU seconds one document may take (None: the setting; 0: no budget)
    cpu_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Processed:
    """What the pipeline made of one item.

    ``document`` is the checked document; when no extractor reads its
    language yet (``extracted`` False) it is the bare text, to be stored and
    extracted on a later run. A rejected item has ``rejected`` and no document.
    """

    key: str
    document: Document | None
    extracted: bool
    rejected: Rejected | None = None


def publisher_of(item: Item, options: PipelineOptions) -> str | None:
    """Who speaks in a document's own voice: a forwarded post's original
    channel, else the channel, site or feed it came from. A plain file's name
    says nothing of its publisher, so only a source the user named counts."""
    if item.forwarded_from:
        return item.forwarded_from
    if item.kind == "file":
        return options.source_name
    return item.source_name or None


def bare_document(item: Item, lang: str) -> Document:
    """An item's text as a document no stage has run on."""
    return Document(
        id=document_id(item.key, item.text),
        text=item.text,
        source=item.key,
        published=item.published,
        lang=lang,
        raw_length=len(item.text),
    )


def process_item(item: Item, options: PipelineOptions) -> Processed:
    """Run the pipeline on one item; never raises for one hostile document."""
    most = int(default("max_document_chars"))
    if len(item.text) > most:
        rejected = reject(
            item.key,
            "FL105",
            f"{len(item.text):,} characters, more than the {most:,} one document "
            "may have; split it",
            stage="pipeline",
        )
        return Processed(item.key, None, False, rejected)
    seconds = options.cpu_seconds
    if seconds is None:
        seconds = float(default("document_cpu_seconds"))
    try:
        with time_budget(seconds):
            doc = check_text(
                item.text,
                source=item.key,
                published=item.published,
                lang=options.lang,
                sources_file=options.sources_file,
                publisher=publisher_of(item, options),
            )
    except OutOfTime as exc:
        rejected = reject(
            item.key,
            "FL109",
            f"{exc} (the budget of one document); split it or raise "
            "document_cpu_seconds",
            stage="pipeline",
        )
        return Processed(item.key, None, False, rejected)
    except UsageError:  # no extractor for this language (yet)
        lang = "und" if options.lang == "auto" else options.lang
        return Processed(item.key, bare_document(item, lang), False)
    except Exception as exc:  # one hostile document must not end the batch
        rejected = reject(
            item.key, "FL900", f"{type(exc).__name__}: {exc}", stage="pipeline"
        )
        return Processed(item.key, None, False, rejected)
    return Processed(item.key, doc, True)


def process_batch(
    items: Sequence[Item],
    options: PipelineOptions,
    on_done: Callable[[Item, Processed], None] | None = None,
) -> list[Processed]:
    """What the pipeline makes of each of ``items``, in order.

    ``on_done`` hears of each item as soon as it is processed (progress for a
    serial run; a remote worker passes none)."""
    out = []
    for item in items:
        processed = process_item(item, options)
        if on_done is not None:
            on_done(item, processed)
        out.append(processed)
    return out
