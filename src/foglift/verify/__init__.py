"""Verify: hold claims against independent evidence.

``verify(doc, maps)`` appends a :class:`~foglift.model.Verdict` per territorial
claim, place and map source (see :mod:`foglift.verify.territorial`); with a
series store, per stated cumulative total (:mod:`foglift.verify.series`); with
a reference table, per counted capture (:mod:`foglift.verify.reference`).
Findings are added for verdicts an analyst would flag.
"""

from __future__ import annotations

from dataclasses import replace

from foglift.model import Document, Finding, Verdict
from foglift.verify.maps import ControlMaps, MapProblem, read_control_maps
from foglift.verify.reference import (
    ReferenceTable,
    read_reference,
    reference_verdicts,
)
from foglift.verify.series import (
    JsonSeriesStore,
    SeriesStore,
    find_anomalies,
    import_series,
    series_verdicts,
)
from foglift.verify.territorial import (
    MapSettings,
    replay,
    territorial_verdicts,
    verdict_findings,
)

__all__ = [
    "ControlMaps",
    "JsonSeriesStore",
    "MapProblem",
    "MapSettings",
    "ReferenceTable",
    "SeriesStore",
    "find_anomalies",
    "import_series",
    "read_control_maps",
    "read_reference",
    "replay",
    "verify",
]

_NUMBER_FINDINGS = {
    "inconsistent": ("series_mismatch", "the stated total differs from the series"),
    "exceeds_reference": (
        "exceeds_reference",
        "the claimed count passes the place's reference total",
    ),
    "implausible_rate": (
        "implausible_rate",
        "an implausible share of the place's total for the stated time",
    ),
}


def verify(
    doc: Document,
    maps: ControlMaps | None = None,
    settings: MapSettings | None = None,
    *,
    series: SeriesStore | None = None,
    reference: ReferenceTable | None = None,
) -> Document:
    """Append verdicts (and findings) for every checkable claim of ``doc``."""
    settings = settings or MapSettings()
    verdicts: list[Verdict] = []
    findings: list[Finding] = []
    by_id = {c.id: c for c in doc.claims}
    if maps is not None:
        for claim in doc.claims:
            found = territorial_verdicts(
                claim, doc.published, maps, settings, text=doc.text
            )
            verdicts.extend(found)
            findings.extend(verdict_findings(claim, found))
    numeric: list[Verdict] = []
    if series is not None:
        for claim in doc.claims:
            numeric.extend(series_verdicts(claim, doc.published, series))
    if reference is not None:
        numeric.extend(reference_verdicts(doc.claims, doc.published, reference))
    for v in numeric:
        if v.status in _NUMBER_FINDINGS:
            code, message = _NUMBER_FINDINGS[v.status]
            claim = by_id[v.claim_id]
            findings.append(
                Finding(
                    code=code,
                    severity="warning",
                    message=f"{message}: {v.steps[-1]}",
                    start=claim.start,
                    end=claim.end,
                    claim_id=claim.id,
                    evidence=tuple((k, val) for k, val in v.parameters),
                )
            )
    return replace(
        doc,
        verdicts=doc.verdicts + tuple(verdicts) + tuple(numeric),
        findings=doc.findings + tuple(findings),
        stages=(*doc.stages, "verify"),
    )
