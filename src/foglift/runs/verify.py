"""Verify a stored corpus: read claims back, judge them, store the verdicts.

Each check (control maps, series, reference) replaces the verdicts it gave a
claim before, in the same transaction that writes the new ones: rerunning with
the same evidence leaves the same verdicts, and a revised map file shows up as
a changed sha256 in ``evidence``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from foglift.model import Claim, TimeSpan, Verdict
from foglift.records import claim_from_dict
from foglift.store.db import Store
from foglift.store.query import ClaimFilter, document_texts, query_claims
from foglift.store.runs import finish_run, start_run
from foglift.store.verdicts import replace_verdicts
from foglift.verify.maps import ControlMaps
from foglift.verify.reference import CHECK as REFERENCE_CHECK
from foglift.verify.reference import ReferenceTable, reference_verdicts
from foglift.verify.series import CHECK as SERIES_CHECK
from foglift.verify.series import SeriesStore, series_verdicts
from foglift.verify.territorial import CHECK as MAP_CHECK
from foglift.verify.territorial import MapSettings, territorial_verdicts

BATCH = 200  # claims whose verdicts are swapped in one transaction


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


@dataclass
class VerifySummary:
    run_id: int = 0
    claims: int = 0
    replaced: int = 0
    written: int = 0
    statuses: Counter[str] = field(default_factory=Counter)  # "check:status"

    def counts(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "verdicts_written": self.written,
            "verdicts_replaced": self.replaced,
            "statuses": dict(sorted(self.statuses.items())),
        }


@dataclass
class _Stored:
    """A stored claim read back (its id the store's), its document's day and text."""

    claim: Claim
    published: date | None
    text: str | None


def _rebuild(store: Store, records: list[dict[str, Any]]) -> list[_Stored]:
    doc_ids = sorted({str(r["document_id"]) for r in records})
    texts = document_texts(store, doc_ids)
    return [
        _Stored(
            claim_from_dict(record),
            _day(record["document"]["published"]),
            texts.get(str(record["document_id"])),
        )
        for record in records
    ]


def _batches(store: Store, f: ClaimFilter) -> Iterator[list[_Stored]]:
    batch: list[dict[str, Any]] = []
    for record in query_claims(store, f):
        batch.append(record)
        if len(batch) >= BATCH:
            yield _rebuild(store, batch)
            batch = []
    if batch:
        yield _rebuild(store, batch)


def _with_day(claim: Claim, published: date | None) -> Claim:
    """A claim without a stated time, dated by its document (for the reference
    sums, which take one fallback day for all claims)."""
    if claim.time is not None or published is None:
        return claim
    span = TimeSpan(published, published, "", "date", 0, 0, published, "published")
    return replace(claim, time=span)


def verify_store(
    store: Store,
    maps: ControlMaps | None = None,
    settings: MapSettings | None = None,
    *,
    series: SeriesStore | None = None,
    reference: ReferenceTable | None = None,
    since: date | None = None,
    until: date | None = None,
    arguments: dict[str, Any] | None = None,
) -> VerifySummary:
    """Verdicts for every stored claim (latest document versions) in the days
    ``since``..``until``; returns what was written. Records a ``verify`` run."""
    settings = settings or MapSettings()
    summary = VerifySummary()
    summary.run_id = run_id = start_run(store, "verify", arguments or {})
    claim_filter = ClaimFilter(since=since, until=until)
    counted: list[Claim] = []
    for batch in _batches(store, claim_filter):
        with store.engine.begin() as conn:
            for stored in batch:
                claim, published = stored.claim, stored.published
                summary.claims += 1
                checks: list[tuple[str, list[Verdict]]] = []
                if maps is not None:
                    found = territorial_verdicts(
                        claim, published, maps, settings, text=stored.text
                    )
                    checks.append((MAP_CHECK, found))
                if series is not None:
                    checks.append(
                        (SERIES_CHECK, series_verdicts(claim, published, series))
                    )
                for check, found in checks:
                    removed, written = replace_verdicts(
                        conn, [claim.id], check, found, run_id
                    )
                    summary.replaced += removed
                    summary.written += written
                    summary.statuses.update(f"{check}:{v.status}" for v in found)
                if reference is not None and claim.quantity is not None:
                    counted.append(_with_day(claim, published))
    if reference is not None and counted:
        found = reference_verdicts(tuple(counted), None, reference)
        with store.engine.begin() as conn:
            removed, written = replace_verdicts(
                conn, [c.id for c in counted], REFERENCE_CHECK, found, run_id
            )
        summary.replaced += removed
        summary.written += written
        summary.statuses.update(f"{REFERENCE_CHECK}:{v.status}" for v in found)
    finish_run(store, run_id, summary.counts())
    return summary
