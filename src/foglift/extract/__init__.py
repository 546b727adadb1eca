"""Extract stage: sentences, claimants, places, numbers, times, then claims.

A text in several languages (a Russian post with a Ukrainian reply quoted) is
read one language span at a time, each with its own lexicon; offsets stay those
of the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from foglift.extract.claimants import find_claimants
from foglift.extract.claims import (
    Context,
    assemble_claims,
    find_author,
    resolve_days,
)
from foglift.extract.english import with_facility_nouns
from foglift.extract.lexicon import Lexicon, load_lexicon, phrase_pattern
from foglift.extract.loss_reports import find_loss_report_claims
from foglift.extract.places import find_place_candidates
from foglift.extract.quantities import find_quantities
from foglift.extract.reactions import find_reactions
from foglift.extract.sentences import split_sentences
from foglift.extract.times import find_time_expressions
from foglift.model import (
    OWN_VOICE,
    Claim,
    Claimant,
    Document,
    LanguageSpan,
    PlaceMention,
    Reaction,
    Sentence,
    Side,
    Stance,
)
from foglift.settings import default
from foglift.sources import Registry, load_registry

__all__ = ["extract"]


@dataclass(frozen=True, slots=True)
class _Part:
    sentences: tuple[Sentence, ...]
    claimants: tuple[Claimant, ...]
    places: tuple[PlaceMention, ...]
    claims: list[Claim]
    context: Context
    used_cues: set[int]


def _masked(text: str, span: LanguageSpan) -> str:
    """The text with everything outside ``span`` blanked, line breaks kept."""
    blank = re.compile(r"[^\n]")
    return (
        blank.sub(" ", text[: span.start])
        + text[span.start : span.end]
        + blank.sub(" ", text[span.end :])
    )


_UA_DOMAIN = re.compile(r"\.(?:ua|укр)\b", re.IGNORECASE)
_RU_DOMAIN = re.compile(r"\.(?:ru|рф)\b", re.IGNORECASE)


def publisher_claimant(name: str, registry: Registry, lang: str = "") -> Claimant:
    """The claimant a text speaks for in its own voice: the channel or site
    that published it, as the registry knows it ("ISW Russian Offensive
    Campaign Assessment" names ISW), else by its own name."""
    source = registry.by_alias(name)
    if source is None:
        found = next(registry.find_aliases(name), None)
        source = found[1] if found is not None else None
    if source is None:
        # Whoever publishes a text of news is a media outlet; its side shows
        # in a national domain ("lb.ua") or in writing Ukrainian, which
        # Russian outlets do not.
        side: Side = "unknown"
        if _UA_DOMAIN.search(name) or lang == "uk":
            side = "ukraine"
        elif _RU_DOMAIN.search(name):
            side = "russia"
        return Claimant(name, "media", True, side, 0, 0, via="publisher")
    return Claimant(
        source.name, source.kind, True, source.side, 0, 0, source.id, "publisher"
    )


def _extract_span(
    text: str,
    lang: str,
    published: date | None,
    registry: Registry,
    publisher: str | None = None,
) -> _Part:
    lex = load_lexicon(lang)
    sentences = split_sentences(text, lang)
    claimants = find_claimants(text, lex, registry)
    places = find_place_candidates(text, lex, [(c.start, c.end) for c in claimants])
    paragraph_of: list[int] = []
    paragraph = 0
    for n, s in enumerate(sentences):
        if n and "\n\n" in text[sentences[n - 1].end : s.start]:
            paragraph += 1
        paragraph_of.append(paragraph)
    ctx = Context(
        text=text,
        lex=lex,
        published=published,
        sentences=sentences,
        paragraph_of=paragraph_of,
        claimants=claimants,
        places=places,
        quantities=find_quantities(text, lex),
        times=find_time_expressions(text, lex),
        days={},
    )
    resolve_days(ctx)
    ctx.author = find_author(ctx)
    if ctx.author.via == "author" and publisher:
        ctx.author = publisher_claimant(publisher, registry, lang)
    claims, used_cues = assemble_claims(ctx)
    claims = find_loss_report_claims(ctx, claims)
    # the claim is about the installation; the town stays a mention of its own
    claims = [
        replace(c, places=with_facility_nouns(lex, text, c.places)) for c in claims
    ]
    # Ids must differ between spans until they are numbered over the whole text.
    claims = [replace(c, id=f"{lang}{c.id}") for c in claims]
    return _Part(sentences, claimants, places, claims, ctx, used_cues)


_OTHER_READING = {"ru": "uk", "uk": "ru"}


def _read_span(
    doc: Document, span: LanguageSpan, whole: bool, registry: Registry
) -> _Part:
    """One language span; when the detector is unsure between Russian and
    Ukrainian, both readings are tried and the one that finds more claims kept."""
    text = doc.text if whole else _masked(doc.text, span)
    part = _extract_span(text, span.lang, doc.published, registry, doc.publisher)
    other = _OTHER_READING.get(span.lang)
    if other is None or span.confidence >= float(default("language_retry_below")):
        return part
    alternative = _extract_span(text, other, doc.published, registry, doc.publisher)
    return alternative if len(alternative.claims) > len(part.claims) else part


def extract(doc: Document, sources_file: str | None = None) -> Document:
    """Requires normalised text; assigns sentences, claimants, places, claims."""
    registry = load_registry(sources_file)
    spans = doc.languages or (LanguageSpan(doc.lang, 0, len(doc.text), 1.0),)
    parts = [_read_span(doc, span, len(spans) == 1, registry) for span in spans]
    claims = sorted(
        (c for part in parts for c in part.claims), key=lambda c: c.action_start
    )
    claims = [replace(c, id=f"c{n}") for n, c in enumerate(claims, 1)]
    sentences = sorted((s for p in parts for s in p.sentences), key=lambda s: s.start)
    reactions: dict[str, list[Reaction]] = {c.id: [] for c in claims}
    for part in parts:
        for claim_id, found in find_reactions(
            part.context, claims, part.used_cues, sentences
        ).items():
            reactions[claim_id].extend(found)
    claims = [
        replace(c, reactions=tuple(sorted(reactions[c.id], key=lambda r: r.start)))
        for c in claims
    ]
    claims = sorted(
        [*claims, *_contested(claims, [p.context.lex for p in parts])],
        key=lambda c: c.action_start,
    )
    return replace(
        doc,
        sentences=tuple(sentences),
        claimants=tuple(sorted((c for p in parts for c in p.claimants), key=_start)),
        places=tuple(sorted((pl for p in parts for pl in p.places), key=_start)),
        claims=tuple(replace(c, id=f"c{n}") for n, c in enumerate(claims, 1)),
        stages=(*doc.stages, "extract"),
    )


def _contested(claims: list[Claim], lexicons: list[Lexicon]) -> list[Claim]:
    """A dispute or denial of a claim is a claim of its own, by the one who
    disputes it ("Сили оборони спростовують цю заяву" after the MoD's capture
    claim): the same action, place and number, with the disputer's stance. A
    speaker who already denies it in a claim of its own is not counted twice."""
    out: list[Claim] = []
    for claim in claims:
        for r in claim.reactions:
            if (
                r.relation != "disputes"
                or r.claimant.via in OWN_VOICE
                or _cannot_verify(r, lexicons)
                or _says_already(claims, claim, r.claimant)
            ):
                continue
            # Only a speech act makes a claim: "rejected", "спростовують",
            # not "sceptical of" or "no evidence for".
            denial = any(lex.reporting["denies"].search(r.cue) for lex in lexicons)
            if not denial and not any(
                lex.reporting["disputes"].search(r.cue) for lex in lexicons
            ):
                continue
            stance: Stance = "denies" if denial else "disputes"
            out.append(
                replace(
                    claim,
                    claimant=r.claimant,
                    stance=stance,
                    voice="attributed",
                    reactions=(),
                )
            )
    return out


def _cannot_verify(r: Reaction, lexicons: list[Lexicon]) -> bool:
    """An analyst or outlet that cannot confirm a claim makes no claim of its
    own ("ISW cannot confirm that ..."); an official who does not confirm it
    denies it."""
    if r.claimant.kind not in ("independent_analyst", "media"):
        return False
    words = [w for lex in lexicons for w in lex.data["reactions"].get("negation", [])]
    return bool(phrase_pattern(words).search(r.cue))


def _says_already(claims: list[Claim], claim: Claim, speaker: Claimant) -> bool:
    def same(a: Claimant, b: Claimant) -> bool:
        if a.registry_id or b.registry_id:
            return a.registry_id == b.registry_id
        return a.name == b.name

    names = {p.name for p in claim.places}
    return any(
        c.stance in ("denies", "disputes")
        and c.action == claim.action
        and same(c.claimant, speaker)
        and (names & {p.name for p in c.places} or c.quantity == claim.quantity)
        for c in claims
    )


def _start(record: Claimant | PlaceMention) -> int:
    return record.start
