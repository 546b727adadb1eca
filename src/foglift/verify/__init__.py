"""Verify: hold claims against independent evidence.

``verify(doc, maps)`` appends a :class:`~foglift.model.Verdict` per territorial
claim, place and map source (see :mod:`foglift.verify.territorial`), and, when a
series store or reference table is given, per numeric claim. Findings are added
for verdicts an analyst would flag (late claims, contradictions, implausible
numbers).
"""

from __future__ import annotations

from dataclasses import replace

from foglift.model import Document, Finding, Verdict
from foglift.verify.maps import ControlMaps, MapProblem, read_control_maps
from foglift.verify.territorial import (
    MapSettings,
    replay,
    territorial_verdicts,
    verdict_findings,
)

__all__ = [
    "ControlMaps",
    "MapProblem",
    "MapSettings",
    "read_control_maps",
    "replay",
    "verify",
]


def verify(
    doc: Document,
    maps: ControlMaps | None = None,
    settings: MapSettings | None = None,
) -> Document:
    """Append verdicts (and findings) for every checkable claim of ``doc``."""
    settings = settings or MapSettings()
    verdicts: list[Verdict] = []
    findings: list[Finding] = []
    if maps is not None:
        for claim in doc.claims:
            found = territorial_verdicts(claim, doc.published, maps, settings)
            verdicts.extend(found)
            findings.extend(verdict_findings(claim, found))
    return replace(
        doc,
        verdicts=doc.verdicts + tuple(verdicts),
        findings=doc.findings + tuple(findings),
        stages=(*doc.stages, "verify"),
    )
