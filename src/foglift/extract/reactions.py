"""Reactions: another source in the text that supports or disputes a claim.

A reaction cue ("corroborate", "skepticism", "no evidence to confirm") only
attaches to a claim the sentence points at: the claim in the same sentence, a
named claimant's claims ("the Defense Ministry's claims"), a side's claim
("the Russian claim about Rivne"), a claim's number ("the figure of 256
buildings"), or "the claim"/"it" right after the cue. A cue that points at
nothing ("confirmed Russian infiltration into Pokrovsk") is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from foglift.extract.claims import Context, carried_claimant
from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.extract.quantities import parse_number
from foglift.model import Claim, Claimant, Reaction, ReactionRelation, Sentence
from foglift.names import skeleton
from foglift.settings import default

_NUMBER = re.compile(r"\d[\d,. ]*\d|\d")


@cache
def _reference(lex: Lexicon) -> re.Pattern[str]:
    """How a reaction points at a claim: "the Russian claim", "it", "эти данные"."""
    spec = lex.data["reactions"]
    preps = phrase_pattern(spec.get("reference_preps", [])).pattern
    dets = phrase_pattern(spec.get("reference_dets", [])).pattern
    pronouns = phrase_pattern(spec.get("reference_pronouns", [])).pattern
    return re.compile(
        rf"\s+(?:(?:{preps})\s+)?(?:(?:{dets})\s+)?(?P<owner>[\w'-]+\s+)?"
        rf"(?P<noun>{lex.reference_nouns.pattern})|\s+(?:{pronouns})(?!\w)",
        re.IGNORECASE,
    )


_LOOKAHEAD = 60  # characters after a cue in which it names its target


def _same_source(a: Claimant, b: Claimant) -> bool:
    if a.registry_id and b.registry_id:
        return a.registry_id == b.registry_id
    return (a.start, a.end) == (b.start, b.end)


def _targets(
    ctx: Context,
    everything: list[Claim],
    earlier: list[Claim],
    cue: re.Match[str],
    i: int,
    same_sentence: list[Claim],
) -> list[Claim]:
    text = ctx.text
    after = cue.end()
    window_end = min(len(text), after + _LOOKAHEAD, ctx.sentences[i].end)
    places = [p.name for p in ctx.places if after <= p.start < window_end]
    if places:  # "the Russian claim about Rivne", in any script or case
        about = [
            c for c in earlier if any(_same_place(p.name, places) for p in c.places)
        ]
        earlier = about or earlier
    named = [c for c in ctx.sentence_claimants(i) if after <= c.start <= after + 25]
    if named:  # "the Defense Ministry's claims": every claim of that source
        own = [c for c in earlier if _same_source(c.claimant, named[0])]
        if own:
            plural = re.match(
                r"['’]s?\s+\w+s\b", text[named[0].end : named[0].end + 20]
            )
            return own if plural else own[-1:]
    reference = _reference(ctx.lex).match(text, after)
    if reference and reference.group("owner"):
        side = ctx.lex.side_words.get(reference.group("owner").strip())
        of_side = [c for c in earlier if side and c.claimant.side == side]
        if of_side:  # "the Russian claim"
            return of_side[-1:]
    numbers = [
        parse_number(m.group().rstrip(".,"), ctx.lex)
        for m in _NUMBER.finditer(text, after, window_end)
    ]
    if numbers:  # "the figure of 256 buildings": that number's claim, however far back
        numbered = [
            c
            for c in everything
            if c.quantity and c.quantity.value in numbers and c.action_start < after
        ]
        return numbered[-1:]
    same = [c for c in earlier if c in same_sentence]
    if same:
        return same[-1:]
    if (
        reference
        and ctx.lex.lang == "en"
        and any(
            c.stance == "asserts" for c in ctx.cues(ctx.sentences[i].start, cue.start())
        )
    ):
        # "X reported explosions at Y, but the authorities denied the
        # reports": what this sentence reported, though it made no claim
        return []
    if reference:  # "rejected the claim", "doubted it"
        return earlier[-1:]
    back = _pronoun_before(ctx.lex).search(text, max(0, cue.start() - 20), cue.start())
    if earlier and back:
        # "Сили оборони це спростовують": the statement before, every claim of it
        return [c for c in earlier if c.start == earlier[-1].start]
    return []


@cache
def _pronoun_before(lex: Lexicon) -> re.Pattern[str]:
    """A pronoun right before a cue points back too ("это опровергли")."""
    pronouns = lex.data["reactions"].get("reference_pronouns", [])
    return re.compile(rf"(?<!\w)(?:{phrase_pattern(pronouns).pattern})\s+$", re.I)


def _same_place(name: str, others: list[str]) -> bool:
    """Купянск, Купянска and Kupiansk are one place for pointing at a claim."""
    from rapidfuzz import fuzz

    key = skeleton(name)
    return any(fuzz.ratio(key, skeleton(o)) >= 80 for o in others)


def _reactor(
    ctx: Context, cue: re.Match[str], i: int, target: Claim
) -> Claimant | None:
    """Who reacts: the agent after the cue ("skepticism by X") or the subject before."""
    mentions = ctx.sentence_claimants(i)
    agent = [
        c
        for c in mentions
        if cue.end() <= c.start <= cue.end() + 40
        and re.search(r"\b(?:by|from|among)\s+$", ctx.text[cue.end() : c.start])
    ]
    before = [c for c in mentions if c.end <= cue.start()]
    candidates = agent + before[::-1]
    if not candidates and ctx.lex.carry.search(
        ctx.text, ctx.sentences[i].start, cue.start()
    ):
        carried = carried_claimant(ctx, i)
        candidates = [carried[0]] if carried else []
    for c in candidates:
        if not _same_source(c, target.claimant):
            return replace(c, via="reaction")
    return None


@cache
def _evidence(
    lex: Lexicon,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """(evidence cue, a side's forces, persistence) patterns, if the lexicon
    has them: "geolocated footage ... indicates (that)", "Ukrainian forces",
    "still"."""
    spec = lex.data["reactions"]
    if not spec.get("evidence_nouns"):
        return None
    nouns = phrase_pattern(spec["evidence_nouns"]).pattern
    verbs = phrase_pattern(spec["evidence_verbs"]).pattern
    cue = re.compile(
        rf"(?P<noun>{nouns})[^.;:!?]{{0,80}}?(?P<verb>{verbs})(?:\s+that)?",
        re.IGNORECASE,
    )
    sides = lex.side_words.pattern.pattern
    forces = phrase_pattern(spec["evidence_forces"]).pattern
    force = re.compile(rf"(?P<side>{sides})\s+(?:\w+\s+)?(?:{forces})", re.IGNORECASE)
    return cue, force, phrase_pattern(spec["evidence_persist"])


def _acting_side(claim: Claim) -> str:
    """The side a claim says acted: as stated ("Russian forces captured"),
    else the claimant's own when it asserts ("its forces had liberated")."""
    if claim.agent_side != "unknown":
        return claim.agent_side
    return claim.claimant.side if claim.stance == "asserts" else "unknown"


# claims that footage of a side's forces can speak to
_EVIDENCE_TYPES = frozenset({"territorial", "advance"})


def evidence_reactions(
    ctx: Context, i: int, earlier: Sequence[Claim]
) -> list[tuple[str, Reaction]]:
    """(claim id, reaction) for evidence described in sentence ``i``: footage
    that shows the acting side's forces in the place supports a capture or an
    advance; footage that shows the other side's forces still there disputes
    it."""
    patterns = _evidence(ctx.lex)
    if patterns is None:
        return []
    cue_rx, force_rx, persist_rx = patterns
    sentence = ctx.sentences[i]
    out: list[tuple[str, Reaction]] = []
    for cue in cue_rx.finditer(ctx.text, sentence.start, sentence.end):
        force = force_rx.search(ctx.text, cue.end(), sentence.end)
        if force is None:
            continue
        side = ctx.lex.side_words.get(force.group("side"))
        tail = ctx.text[force.end() : sentence.end]
        still = persist_rx.search(ctx.text, cue.end(), sentence.end) is not None
        negated = ctx.lex.negation.search(tail) is not None
        claims = [
            c
            for c in earlier
            if c.claim_type in _EVIDENCE_TYPES
            and _acting_side(c) in ("russia", "ukraine")
            and c.action_start < cue.start()
        ]
        for claim in claims[-1:]:
            relation: ReactionRelation
            if side and side != _acting_side(claim) and still:
                relation = "disputes"
            elif side == _acting_side(claim) and not negated:
                relation = "supports"
            else:
                continue
            noun = cue.group("noun")
            reactor = Claimant(
                noun.casefold() if noun[:1].isupper() else noun,
                "evidence",
                False,
                "unknown",
                cue.start("noun"),
                cue.end("noun"),
                via="evidence",
            )
            cue_text = ctx.text[cue.start() : force.end()]
            out.append(
                (
                    claim.id,
                    Reaction(relation, reactor, cue_text, cue.start(), force.end()),
                )
            )
    return out


def find_reactions(
    ctx: Context,
    claims: list[Claim],
    used_cues: set[int],
    sentences: Sequence[Sentence],
) -> dict[str, list[Reaction]]:
    """Reactions in ``ctx``'s sentences to any of ``claims``, by claim id.

    ``claims`` and ``sentences`` cover the whole text, so a Ukrainian reply can
    dispute the Russian claim quoted above it.
    """
    reach = int(default("reaction_reach_sentences"))
    starts = [s.start for s in sentences]

    def index_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    reactions: dict[str, list[Reaction]] = {c.id: [] for c in claims}
    sentence_of = {c.id: index_of(c.action_start) for c in claims}
    # the claims of each sentence, in the claims' order, so that a sentence
    # looks at the claims of its own and the few before it, not every claim
    in_sentence: dict[int, list[tuple[int, Claim]]] = {}
    for n, c in enumerate(claims):
        in_sentence.setdefault(sentence_of[c.id], []).append((n, c))
    for i, s in enumerate(ctx.sentences):
        here = index_of(s.start)
        same_sentence = [c for _, c in in_sentence.get(here, [])]
        # those with 0 <= here - sentence_of[c.id] <= reach, in the claims' order
        within_reach = [
            c
            for _, c in sorted(
                pair
                for k in range(here - reach, here + 1)
                for pair in in_sentence.get(k, [])
            )
        ]
        # "could not confirm" is one dispute, not also a negated "confirm".
        cues = sorted(
            (
                (relation, cue)
                for relation, pattern in (
                    ("disputes", ctx.lex.reaction_disputes),
                    ("supports", ctx.lex.reaction_supports),
                )
                for cue in pattern.finditer(ctx.text, s.start, s.end)
            ),
            key=lambda rc: (rc[1].start(), -len(rc[1].group())),
        )
        taken: list[tuple[int, int]] = []
        for relation, cue in cues:
            if cue.start() in used_cues or any(
                cue.start() < e and b < cue.end() for b, e in taken
            ):
                continue
            taken.append((cue.start(), cue.end()))
            earlier = [c for c in within_reach if c.action_start < cue.end()]
            negated = ctx.lex.negation.search(
                ctx.text, max(s.start, cue.start() - 45), cue.start()
            )
            # "no footage to confirm", "could not confirm": a dispute; but
            # "could not independently verify" is a newsroom's disclaimer.
            if negated is not None and ctx.lex.independently.search(
                ctx.text, negated.start(), cue.end()
            ):
                continue
            flipped = relation == "supports" and negated is not None
            hedge = ctx.lex.reaction_hedges.search(
                ctx.text, max(s.start, cue.start() - 20), cue.start()
            )
            start = hedge.start() if hedge else cue.start()
            if flipped and negated is not None:
                start = min(start, negated.start())
            for target in _targets(ctx, claims, earlier, cue, i, same_sentence):
                reactor = _reactor(ctx, cue, i, target)
                if reactor is None:
                    continue
                reactions[target.id].append(
                    Reaction(
                        "disputes" if flipped or relation == "disputes" else "supports",
                        reactor,
                        ctx.text[start : cue.end()],
                        start,
                        cue.end(),
                    )
                )
        earlier_all = within_reach
        for claim_id, reaction in evidence_reactions(ctx, i, earlier_all):
            reactions[claim_id].append(reaction)
    return reactions
