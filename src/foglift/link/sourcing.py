"""Findings about sourcing inside one document: who is unnamed, who is partisan.

Codes: ``source.unnamed``, ``source.partisan``, ``claim.disputed``,
``claim.single_source``, ``text.repaired``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from foglift.link.events import Event, EventLinker, LinkClaim, Member
from foglift.model import Claim, Claimant, Document, Finding, Stance
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


def claim_event(claim: Claim, doc: Document, registry: Registry) -> Event:
    """The claim and the reactions to it in one document, as an event.

    The same relations as across a corpus: a reaction by the claimant's own
    side or owner is no independent confirmation.
    """
    members = [_as_link_claim(claim, doc, claim.claimant, claim.stance, "", 0)]
    for n, reaction in enumerate(claim.reactions, 1):
        stance: Stance = "asserts" if reaction.relation == "supports" else "disputes"
        members.append(
            _as_link_claim(
                claim, doc, reaction.claimant, stance, f"r{n}", reaction.start
            )
        )
    event = Event(
        id=claim.id,
        claim_type=claim.claim_type,
        action=claim.action,
        place_id=None,
        place_name=None,
        lat=None,
        lon=None,
        unit=None,
        value=None,
        first_day=None,
        last_day=None,
        members=[Member(m, "origin", None, "") for m in members],
    )
    EventLinker(registry).relate(event)
    return event


def _as_link_claim(
    claim: Claim,
    doc: Document,
    claimant: Claimant,
    stance: Stance,
    suffix: str,
    pos: int,
) -> LinkClaim:
    return LinkClaim(
        id=f"{claim.id}{suffix}",
        document_id=doc.id,
        source=doc.source,
        claim_type=claim.claim_type,
        action=claim.action,
        stance=stance,
        claimant=claimant,
        published=doc.published,
        order=f"{pos:09d}",  # the claim first, then reactions in text order
    )


def _claim_findings(
    claim: Claim, doc: Document, registry: Registry
) -> Iterator[Finding]:
    event = claim_event(claim, doc, registry)
    reactions = {f"{claim.id}r{n}": r for n, r in enumerate(claim.reactions, 1)}
    for member in event.members:
        reaction = reactions.get(member.claim.id)
        if reaction is None or member.relation not in ("repeats", "corroborates"):
            continue
        if member.independent:
            continue
        r = reaction
        yield Finding(
            code="source.partisan",
            severity="warning",
            message=f"{r.claimant.name} ({r.claimant.kind}, {r.claimant.side}) "
            f"'{r.cue}' the claim of {claim.claimant.name}: {member.reason}; that is "
            "repetition, not independent confirmation",
            start=r.start,
            end=r.end,
            claim_id=claim.id,
            evidence=(
                ("supporter", r.claimant.registry_id or r.claimant.name),
                ("supporter_side", r.claimant.side),
                ("claimant", claim.claimant.registry_id or claim.claimant.name),
                ("claimant_side", claim.claimant.side),
                ("relation", member.relation),
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
    supporters = [m for m in event.members if m.relation in ("repeats", "corroborates")]
    if not any(m.independent for m in supporters):
        yield Finding(
            code="claim.single_source",
            severity="info",
            message=f"no independent source in the text confirms this claim "
            f"({len(supporters)} supporting mention(s), none independent of "
            f"{claim.claimant.name})",
            start=claim.action_start,
            end=claim.action_end,
            claim_id=claim.id,
            evidence=(
                ("supporters", str(len(supporters))),
                ("independent", "0"),
                ("status", event.status),
            ),
        )


def assess_sourcing(doc: Document, sources_file: str | None = None) -> Document:
    """Requires claims and claimants; appends sourcing and repair findings."""
    registry = load_registry(sources_file)
    findings = [*_repair_findings(doc), *_unnamed_findings(doc)]
    for claim in doc.claims:
        findings.extend(_claim_findings(claim, doc, registry))
    return replace(
        doc, findings=(*doc.findings, *findings), stages=(*doc.stages, "link")
    )
