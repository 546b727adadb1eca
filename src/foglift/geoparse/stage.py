"""The geoparse stage and the library functions under ``foglift geo``."""

from __future__ import annotations

import dataclasses

from foglift.geoparse.flags import place_flags
from foglift.geoparse.frontline import ControlLayer, FrontEvidence
from foglift.geoparse.records import to_candidate, to_resolution, to_vicinity
from foglift.geoparse.resolve import (
    PlaceContext,
    context_of_place,
    find_matches,
    rank,
    with_lookalikes,
)
from foglift.geoparse.theatre import Resolved, Span, resolve_spans
from foglift.model import Candidate, Document, Finding, PlaceMention
from foglift.settings import default
from foglift.spans import SpanSet


def lookup(
    name: str, near: str | None = None, country: str | None = None, limit: int = 20
) -> list[Candidate]:
    """Gazetteer entries ``name`` can mean, best first.

    ``near`` names another place (a town, an oblast, a country) whose area and
    point count as context; ``country`` (ISO 3166 alpha-2) keeps only entries
    in that country.
    """
    context: PlaceContext | None = None
    if near:
        anchors = rank(find_matches(near))
        if anchors:
            context = context_of_place(anchors[0].match.place)
    matches = with_lookalikes(name, find_matches(name))
    if country:
        wanted = country.upper()
        matches = [m for m in matches if m.place.country == wanted]
    return [to_candidate(s) for s in rank(matches, context)[:limit]]


def _to_mention(item: Resolved) -> PlaceMention:
    resolution = None
    if item.ranked:
        resolution = to_resolution(item.ranked, item.confidence, item.cues)
    elif item.near is not None:
        resolution = to_vicinity(item.near, item.near_chars, item.why_unresolved)
    return PlaceMention(item.span.name, item.span.start, item.span.end, resolution)


def parse_text(text: str) -> list[PlaceMention]:
    """Place mentions found in ``text``, each resolved in the text's context."""
    from foglift.geoparse.detect import detect_spans

    return [_to_mention(item) for item in resolve_spans(text, detect_spans(text))]


# claims fought over on the ground, at the front: not strikes or losses, whose
# places may lie far behind it
_GROUND_TYPES = frozenset({"territorial", "advance", "objects", "other"})


def front_evidence(doc: Document, maps: ControlLayer) -> FrontEvidence | None:
    """The places of ``doc``'s ground claims, to be looked for by the front
    line on the day the text was published (or its claims' latest day)."""
    days = [
        c.time.last_day or c.time.first_day for c in doc.claims if c.time is not None
    ]
    day = doc.published or max((d for d in days if d is not None), default=None)
    spans = frozenset(
        (p.start, p.end)
        for c in doc.claims
        if c.claim_type in _GROUND_TYPES
        for p in c.places
    )
    if day is None or not spans:
        return None
    return FrontEvidence(maps, day, spans)


def geoparse(doc: Document, maps: ControlLayer | None = None) -> Document:
    """Resolve every place mention of ``doc``, add missed ones, append findings.

    With control ``maps`` the namesake of a ground claim's place that lies by
    the front line on the text's day is preferred (frontline.py)."""
    from foglift.geoparse.detect import detect_spans

    spans: dict[tuple[int, int], Span] = {}
    for mention in (*doc.places, *(p for claim in doc.claims for p in claim.places)):
        spans.setdefault(
            (mention.start, mention.end), Span(mention.start, mention.end, mention.name)
        )
    # Names inside a source's name are not places: "Institute for the Study of
    # War", "Ukraine's Air Force", "Military Correspondents of Spring".
    taken = SpanSet([*spans, *((c.start, c.end) for c in doc.claimants)])
    for span in detect_spans(doc.text):
        if not taken.overlaps(span.start, span.end):
            spans[(span.start, span.end)] = span
    ordered = sorted(spans.values(), key=lambda s: (s.start, s.end))
    limit = int(default("max_place_mentions"))
    cut: Finding | None = None
    if len(ordered) > limit:
        dropped = ordered[limit:]
        cut = Finding(
            code="text.truncated",
            severity="warning",
            message=f"{len(dropped)} place names after the first {limit} were not "
            "resolved (max_place_mentions)",
            start=dropped[0].start,
            end=dropped[-1].end,
            evidence=(("max_place_mentions", str(limit)),),
        )
        ordered = ordered[:limit]
        kept = {(s.start, s.end) for s in ordered}
        doc = dataclasses.replace(
            doc,
            places=tuple(m for m in doc.places if (m.start, m.end) in kept),
            claims=tuple(
                dataclasses.replace(
                    c, places=tuple(p for p in c.places if (p.start, p.end) in kept)
                )
                for c in doc.claims
            ),
        )
    # a claim's places were read as places from their words ("captured X")
    claimed = frozenset((p.start, p.end) for c in doc.claims for p in c.places)
    front = front_evidence(doc, maps) if maps is not None else None
    resolved = resolve_spans(doc.text, ordered, claimed, front)
    by_span = {(r.span.start, r.span.end): _to_mention(r) for r in resolved}

    def update(mention: PlaceMention) -> PlaceMention:
        found = by_span.get((mention.start, mention.end))
        if found is None or found.resolved is None:
            return mention
        return dataclasses.replace(mention, resolved=found.resolved)

    known = {(m.start, m.end) for m in doc.places}
    # "Effort", "NATO", "Grace Mappes": no place, though a span reached here
    not_places = {(r.span.start, r.span.end) for r in resolved if r.not_place}
    places = [update(m) for m in doc.places if (m.start, m.end) not in not_places]
    places += [
        m for key, m in by_span.items() if key not in known and key not in not_places
    ]
    places.sort(key=lambda m: (m.start, m.end))
    claims = tuple(
        dataclasses.replace(claim, places=tuple(update(p) for p in claim.places))
        for claim in doc.claims
    )

    findings: list[Finding] = [cut] if cut else []
    for flag in place_flags(resolved):
        span = resolved[flag.index].span
        claim_id = next(
            (
                c.id
                for c in doc.claims
                if any(p.start == span.start and p.end == span.end for p in c.places)
                or (c.start <= span.start and span.end <= c.end)
            ),
            None,
        )
        findings.append(
            Finding(
                code=flag.code,
                severity=flag.severity,
                message=flag.message,
                start=span.start,
                end=span.end,
                claim_id=claim_id,
                evidence=flag.evidence,
            )
        )
    return dataclasses.replace(
        doc,
        places=tuple(places),
        claims=claims,
        findings=(*doc.findings, *findings),
        stages=(*doc.stages, "geoparse"),
    )
