"""Findings about sourcing inside one document: who is unnamed, who is partisan.

Codes: ``source.unnamed``, ``source.partisan``, ``claim.disputed``,
``claim.single_source``, ``text.repaired``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from foglift.link.independence import is_independent, owner_of, same_side
from foglift.model import Claim, Document, Finding
from foglift.sources import Registry, load_registry

# Repairs that show the text was damaged by machine processing; quote and
# whitespace normalisation is routine and is listed in ``repairs`` only.
_DAMAGE = {
    "escape.lost_backslash": "line breaks that lost their backslash (literal 'nn')",
    "escape.literal_newline": "line breaks left as the two characters '\\n'",
    "unicode.fixed": "mis-decoded characters (mojibake)",
    "html.entity": "HTML entities left in the text",
    "control.removed": "control characters",
    "control.invisible": "invisible or direction-changing characters",
}


def _repair_findings(doc: Document) -> Iterator[Finding]:
    by_code: dict[str, list[int]] = defaultdict(list)
    for n, repair in enumerate(doc.repairs):
        if repair.code in _DAMAGE:
            by_code[repair.code].append(n)
    for code, indexes in by_code.items():
        first = doc.repairs[indexes[0]]
        yield Finding(
            code="text.repaired",
            severity="warning",
            message=f"{len(indexes)} {_DAMAGE[code]} repaired; the text passed "
            "through machine processing, so wording may be garbled too",
            start=first.start,
            end=first.end,
            evidence=(("repair", code), ("count", str(len(indexes)))),
        )


def _unnamed_findings(doc: Document) -> Iterator[Finding]:
    seen: set[str] = set()
    unnamed = [c for c in doc.claimants if not c.named]
    unnamed += [c.claimant for c in doc.claims if c.claimant.via == "hedge"]
    for claimant in sorted(unnamed, key=lambda c: c.start):
        key = claimant.name.casefold()
        if key in seen:
            continue
        seen.add(key)
        yield Finding(
            code="source.unnamed",
            severity="warning",
            message=f"unnamed source {claimant.name!r}: it cannot be identified, "
            "so its track record and independence cannot be checked",
            start=claimant.start,
            end=claimant.end,
            evidence=(("kind", claimant.kind), ("side", claimant.side)),
        )


def _claim_findings(claim: Claim, registry: Registry) -> Iterator[Finding]:
    supporters = [r for r in claim.reactions if r.relation == "supports"]
    for r in supporters:
        tied = same_side(r.claimant, claim.claimant) or (
            owner_of(r.claimant, registry) is not None
            and owner_of(r.claimant, registry) == owner_of(claim.claimant, registry)
        )
        if tied:
            yield Finding(
                code="source.partisan",
                severity="warning",
                message=f"{r.claimant.name} ({r.claimant.kind}, {r.claimant.side}) "
                f"'{r.cue}' the claim of {claim.claimant.name}, a source of the same "
                "side: that is repetition, not independent confirmation",
                start=r.start,
                end=r.end,
                claim_id=claim.id,
                evidence=(
                    ("supporter", r.claimant.registry_id or r.claimant.name),
                    ("supporter_side", r.claimant.side),
                    ("claimant", claim.claimant.registry_id or claim.claimant.name),
                    ("claimant_side", claim.claimant.side),
                ),
            )
    disputers = [r for r in claim.reactions if r.relation == "disputes"]
    if disputers:
        names = ", ".join(r.claimant.name for r in disputers)
        yield Finding(
            code="claim.disputed",
            severity="warning",
            message=f"disputed in the text by {names}",
            start=disputers[0].start,
            end=disputers[0].end,
            claim_id=claim.id,
            evidence=tuple(("disputed_by", r.claimant.name) for r in disputers),
        )
    independent = [
        r for r in supporters if is_independent(r.claimant, claim.claimant, registry)
    ]
    if not independent:
        yield Finding(
            code="claim.single_source",
            severity="info",
            message=f"no independent source in the text confirms this claim "
            f"({len(supporters)} supporting mention(s), none independent of "
            f"{claim.claimant.name})",
            start=claim.action_start,
            end=claim.action_end,
            claim_id=claim.id,
            evidence=(("supporters", str(len(supporters))), ("independent", "0")),
        )


def assess_sourcing(doc: Document, sources_file: str | None = None) -> Document:
    """Requires claims and claimants; appends sourcing and repair findings."""
    registry = load_registry(sources_file)
    findings = [*_repair_findings(doc), *_unnamed_findings(doc)]
    for claim in doc.claims:
        findings.extend(_claim_findings(claim, registry))
    return replace(
        doc, findings=(*doc.findings, *findings), stages=(*doc.stages, "link")
    )
