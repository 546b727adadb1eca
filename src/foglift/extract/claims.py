"""Assemble claims: an action with its object, claimant, stance, time and places.

A claim is an action phrase ("liberated", "entered") whose object (the words
after it up to the clause's end, or the subject of a passive) holds a place or
a number in a unit the action can take. Its claimant comes from the sentence's
reporting phrase ("X claimed that", "according to X", ", X said"), or from an
earlier sentence when a pronoun stands in ("They claimed"); with none, the text
asserts it in its own voice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from foglift.extract.lexicon import Lexicon, Table, phrase_pattern
from foglift.extract.quantities import FoundQuantity
from foglift.extract.times import TimeExpr, resolve_date, resolve_span
from foglift.model import (
    OWN_VOICE,
    Claim,
    Claimant,
    ClaimType,
    PlaceMention,
    Sentence,
    Side,
    Stance,
    TimeSpan,
)
from foglift.settings import default

# Between a settlement and its region: "X, Y Oblast", "X in the Y region".
_REGION_GAP = re.compile(r"[\s,]*(?:(?:in|of|у|в)\s+)?(?:the\s+)?", re.IGNORECASE)
_LIST_GAP = re.compile(
    r"(?:\s*(?:,|,?\s+(?:and|as\s+well\s+as|и|а\s+также|і|й|та|а\s+також))\s*)+"
)
_BARE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AUTHOR = Claimant("author", "unknown", False, "unknown", 0, 0, via="author")
_COLON = re.compile(r"\s*:")
_DATELINE = re.compile(
    r"\s*[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ .'’/-]{1,40},\s+[^()\n]{0,30}?"
    r"\((?P<agency>[^()\n]{2,40})\)\s*[-–—]"
)
_OBJECT_REACH = 90  # characters after an action in which its object may lie


@dataclass(frozen=True, slots=True)
class Cue:
    stance: Stance
    start: int
    end: int


@dataclass
class Context:
    """Everything extracted from one text that claims are assembled from."""

    text: str
    lex: Lexicon
    published: date | None
    sentences: Sequence[Sentence]
    paragraph_of: list[int]
    claimants: Sequence[Claimant]
    places: Sequence[PlaceMention]
    quantities: Sequence[FoundQuantity]
    times: Sequence[TimeExpr]
    days: dict[int, date]  # TimeExpr.start -> resolved day, for date-like ones
    author: Claimant = _AUTHOR
    report_date: TimeExpr | None = None  # a date in the heading ("as of 25 November")

    def sentence_claimants(self, i: int) -> list[Claimant]:
        s = self.sentences[i]
        return [c for c in self.claimants if s.start <= c.start and c.end <= s.end]

    def cues(self, start: int, end: int) -> list[Cue]:
        found = [
            Cue(stance, m.start(), m.end())  # type: ignore[arg-type]
            for stance, pattern in self.lex.reporting.items()
            for m in pattern.finditer(self.text, start, end)
        ]
        return sorted(found, key=lambda c: c.start)


@cache
def _region_nouns(lex: Lexicon) -> Table[bool]:
    spec = lex.data["places"]
    return Table(
        dict.fromkeys(spec["region_nouns"] + spec.get("region_names", []), True)
    )


@cache
def _proximity(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data["places"].get("proximity", [])
    return re.compile(rf"(?:{phrase_pattern(words).pattern})\s+(?:the\s+)?$", re.I)


@cache
def _boundary(lex: Lexicon) -> re.Pattern[str]:
    """Where an action's object ends: punctuation or a clause-opening word."""
    return re.compile(
        rf"(?<!\d),|,(?!\d)|[;:()\[\]—–«»]|\s-\s|\s(?:{lex.clause_breaks.pattern})\s",
        re.IGNORECASE,
    )


@cache
def _passive_tail(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:{lex.passive_aux.pattern})\s+(?:\w+ly\s+)?$", re.I)


def _window_end(lex: Lexicon, text: str, start: int, limit: int) -> int:
    m = _boundary(lex).search(text, start, limit)
    return m.start() if m else limit


def _object_window(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[int, int]:
    end = _window_end(
        ctx.lex, ctx.text, trigger.end(), min(s.end, trigger.end() + _OBJECT_REACH)
    )
    return trigger.end(), end


def _passive_window(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[int, int]:
    head = ctx.text[s.start : trigger.start()]
    m = _passive_tail(ctx.lex).search(head)
    if not m:
        return trigger.start(), trigger.start()
    aux = s.start + m.start()
    bounds = [b.end() for b in _boundary(ctx.lex).finditer(ctx.text, s.start, aux)]
    return (bounds[-1] if bounds else s.start), aux


def _subject_of(ctx: Context, i: int) -> Claimant | None:
    """The claimant a later pronoun refers to: who says something in sentence i."""
    mentions = [c for c in ctx.sentence_claimants(i) if c.via != "author"]
    if not mentions:
        return None
    s = ctx.sentences[i]
    for cue in ctx.cues(s.start, s.end):
        before = [c for c in mentions if c.end <= cue.start]
        if before:
            return before[-1]
    return mentions[0]


def carried_claimant(ctx: Context, i: int) -> tuple[Claimant, int] | None:
    reach = int(default("attribution_carry_sentences"))
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        subject = _subject_of(ctx, j)
        if subject is not None:
            return replace(subject, via="carried"), j
    return None


def _attribute(
    ctx: Context, i: int, trigger: re.Match[str]
) -> tuple[Claimant, Stance, int | None, Cue | None]:
    """(claimant, stance, sentence the claimant was carried from, cue used)."""
    s = ctx.sentences[i]
    text = ctx.text
    mentions = ctx.sentence_claimants(i)
    # "Rybar: our units liberated X" — a headline or repost names its source.
    lead = [c for c in mentions if c.named and _COLON.match(text, c.end)]
    if lead and not text[s.start : lead[0].start].strip(" «\"'⚡️🔥❗"):
        return replace(lead[0], via="colon"), "asserts", None, None
    for m in ctx.lex.according_to.finditer(text, s.start, s.end):
        after = [c for c in mentions if m.end() <= c.start <= m.end() + 6]
        if after:
            return replace(after[0], via="according_to"), "asserts", None, None
    cues = ctx.cues(s.start, s.end)
    before = [c for c in cues if c.end <= trigger.start()]
    after_cues = [c for c in cues if c.start >= trigger.end()]
    if before:
        cue = before[-1]
        subjects = [c for c in mentions if c.end <= cue.start]
        if subjects:
            return replace(subjects[-1], via="subject"), cue.stance, None, cue
        carry = ctx.lex.carry.search(text, s.start, cue.start)
        carried = carried_claimant(ctx, i) if carry else None
        if carried:
            return carried[0], cue.stance, carried[1], cue
    if after_cues:
        cue = after_cues[0]
        near = [
            c
            for c in mentions
            if trigger.end() <= c.start
            and (c.end <= cue.start or c.start - cue.end < 60)
        ]
        if near:
            return replace(near[-1], via="subject"), cue.stance, None, cue
    hedge = ctx.lex.hedges.search(text, s.start, s.end)
    if hedge and hedge.group().casefold() in ("reportedly", "allegedly", "purportedly"):
        unnamed = Claimant(
            "unnamed reports", "anonymous", False, "unknown",
            hedge.start(), hedge.end(), via="hedge",
        )  # fmt: skip
        return unnamed, "asserts", None, None
    return ctx.author, "asserts", None, None


def _without_units(lex: Lexicon, gap: str) -> str:
    """A gap in a list of numbers, minus bare units ("500 soldiers, a tank and 3
    vehicles") and up to three describing words ("45 drones of aircraft type
    and two bombs")."""
    gap = lex.units.pattern.sub(" ", gap)
    return re.sub(r"^(?:\s+[^\W\d][\w-]*){1,3}(?=\s*,|\s+\w+\s*$)", "", gap)


def _pick_quantities(
    ctx: Context, span: tuple[int, int], units: tuple[str, ...]
) -> list[FoundQuantity]:
    """The action's object quantity, and any that continue it as a list.

    "lost up to 480 servicemen, three tanks and 12 armoured vehicles" gives
    three quantities, one claim each.
    """
    chain: list[FoundQuantity] = []
    last_end = -1
    for q in ctx.quantities:
        if not chain:
            if span[0] <= q.quantity.start < span[1] and q.category in units:
                chain.append(q)
                last_end = q.quantity.end
            continue
        if not _LIST_GAP.fullmatch(
            _without_units(ctx.lex, ctx.text[last_end : q.quantity.start])
        ):
            break
        last_end = q.quantity.end
        if q.category in units:
            chain.append(q)
    return chain


def _places_in(ctx: Context, *spans: tuple[int, int]) -> tuple[PlaceMention, ...]:
    """Places inside the spans, and the list they start ("X, Y and Z")."""
    found = [p for p in ctx.places if any(a <= p.start < b for a, b in spans)]
    if not found:
        return ()
    # Extend over a list ("X, Y and Z"); a tail joined by commas alone is not
    # a list ("Kupiansk, Kyiv says").
    chain: list[tuple[PlaceMention, bool]] = []
    last = found[-1]
    for p in ctx.places:
        # matched in place: slicing every gap made a long text's many places
        # quadratic in its length
        if p.start >= last.end and _LIST_GAP.fullmatch(ctx.text, last.end, p.start):
            chain.append((p, ctx.text[last.end : p.start].strip() != ","))
            last = p
    while chain and not chain[-1][1]:
        chain.pop()
    return tuple(found + [p for p, _ in chain])


def _acts_on_place(ctx: Context, trigger: re.Match[str], place: PlaceMention) -> bool:
    """Whether only object words stand between the action and the place."""
    if place.end <= trigger.start():
        return True  # the passive subject: "Avdiivka was captured"
    between = list(ctx.text[trigger.end() : place.start])
    for other in ctx.places:  # "Novoselivka in Ukraine's Donetsk region"
        if trigger.end() <= other.start and other.end <= place.start:
            between[other.start - trigger.end() : other.end - trigger.end()] = " " * (
                other.end - other.start
            )
    words = re.findall(r"[\w'-]+", "".join(between))
    return all(
        w in ctx.lex.object_words
        or w.isdigit()
        or (w[0].isupper() and w.endswith("'s"))
        for w in words
    )


def _time_for(
    ctx: Context, i: int, trigger: re.Match[str], carried_from: int | None
) -> TimeSpan | None:
    s = ctx.sentences[i]
    here = [t for t in ctx.times if s.start <= t.start and t.end <= s.end]
    if here:
        # The first expression after the action in its clause ("liberated X
        # over the past week"), else the nearest ("On Monday the ministry said").
        clause_end = _window_end(ctx.lex, ctx.text, trigger.end(), s.end)
        after = [t for t in here if trigger.end() <= t.start < clause_end]
        expr = (
            min(after, key=lambda t: t.start)
            if after
            else min(here, key=lambda t: abs(t.start - trigger.end()))
        )
        return _resolve(ctx, expr, carried_from)
    # No time in the sentence: the claim inherits the date its context set.
    for j in ([carried_from] if carried_from is not None else []) + list(
        range(i - 1, max(-1, i - 3), -1)
    ):
        if ctx.paragraph_of[j] != ctx.paragraph_of[i]:
            continue
        earlier = [
            t
            for t in ctx.times
            if ctx.sentences[j].start <= t.start < ctx.sentences[j].end
            and t.kind != "duration"
        ]
        if earlier:
            span = _resolve(ctx, earlier[-1], None)
            return replace(span, note="carried from an earlier sentence")
    if ctx.report_date is not None:
        span = resolve_span(ctx.report_date, ctx.published)
        return replace(span, note="the date of the report; the claim gives none")
    return None


def _resolve(ctx: Context, expr: TimeExpr, carried_from: int | None) -> TimeSpan:
    """Resolve one expression; durations count back from the statement's date.

    That date is one named in the same sentence, else in the sentence the
    claimant was carried from ("On November 11 the ministry ... They claimed
    ... in one day"), else the publication date. "That same day" takes the
    last date the text named.
    """
    if expr.kind in ("date", "weekday", "relative"):
        return resolve_span(expr, ctx.published)
    if expr.kind == "same_day":
        earlier = [t for t in ctx.times if t.start < expr.start and t.start in ctx.days]
        if earlier:
            return resolve_span(
                expr, ctx.published, ctx.days[earlier[-1].start], "text"
            )
        return resolve_span(expr, ctx.published)
    i = sentence_at(ctx, expr.start)
    for j in (i, carried_from):
        if j is None:
            continue
        s = ctx.sentences[j]
        dated = [
            t for t in ctx.times if s.start <= t.start < s.end and t.start in ctx.days
        ]
        if dated:
            return resolve_span(expr, ctx.published, ctx.days[dated[-1].start], "text")
    return resolve_span(expr, ctx.published)


def sentence_at(ctx: Context, pos: int) -> int:
    for i, s in enumerate(ctx.sentences):
        if s.start <= pos < s.end:
            return i
    return len(ctx.sentences) - 1


def _is_historical(ctx: Context, s: Sentence) -> bool:
    years = [int(y) for y in _BARE_YEAR.findall(ctx.text, s.start, s.end)]
    return bool(years) and max(years) < int(default("historical_before_year"))


def resolve_days(ctx: Context) -> None:
    """Resolve date-like expressions in order, so "that same day" finds its day."""
    last: date | None = None
    for t in ctx.times:
        if t.kind == "same_day":
            if last is not None:
                ctx.days[t.start] = last
            continue
        if t.kind == "duration":
            continue
        day = resolve_date(t, ctx.published)
        if day is not None:
            ctx.days[t.start] = day
            last = day


_CLAIM_TYPES: tuple[ClaimType, ...] = (
    "territorial", "objects", "losses", "strike", "advance", "other",
)  # fmt: skip


def _claim_type(value: str) -> ClaimType:
    for claim_type in _CLAIM_TYPES:
        if claim_type == value:
            return claim_type
    return "other"


def _claim_groups(
    ctx: Context,
    quantities: list[FoundQuantity],
    places: tuple[PlaceMention, ...],
    territorial: bool,
) -> list[tuple[FoundQuantity | None, tuple[PlaceMention, ...]]]:
    """One claim per quantity; without one, per settlement ("liberated X and Y").

    Regions named beside the settlements ("X in Donetsk region") stay with each
    claim as context instead of becoming claims of their own.
    """
    if quantities:
        return [(q, places) for q in quantities]
    region_nouns = _region_nouns(ctx.lex)
    near = _proximity(ctx.lex)
    regions = tuple(p for p in places if p.name.split()[-1] in region_nouns)
    # "recaptured X and Y near Dobropillia": a place named as a landmark is
    # context for the others, not a claim of its own.
    landmarks: list[PlaceMention] = []
    previous: PlaceMention | None = None
    for p in (p for p in places if p not in regions):
        listed = (
            previous in landmarks
            and previous is not None
            and _LIST_GAP.fullmatch(ctx.text[previous.end : p.start])
        )
        if listed or near.search(ctx.text, max(0, p.start - 20), p.start):
            landmarks.append(p)  # "near A and B": both are landmarks
        previous = p
    # Only a taken place has landmarks: "advanced near X" happens at X.
    if territorial and len(landmarks) < len([p for p in places if p not in regions]):
        regions = (*regions, *landmarks)
    settlements = [p for p in places if p not in regions]
    if len(settlements) < 2:
        return [(None, places)]
    # "Успеновка Запорожской области и Андреевка Днепропетровской области": each
    # settlement keeps the region written right after it, else every region.
    own = {
        p.start: r
        for p in settlements
        for r in regions
        if 0 <= r.start - p.end <= 12
        and _REGION_GAP.fullmatch(ctx.text[p.end : r.start])
    }
    shared = tuple(r for r in regions if r not in own.values())
    return [
        (None, (p, own[p.start]) if p.start in own else (p, *shared))
        for p in settlements
    ]


_OTHER_SIDE: dict[str, Side] = {"russia": "ukraine", "ukraine": "russia"}


@cache
def _agent_words(lex: Lexicon) -> tuple[Table[bool], Table[bool]]:
    spec = lex.data.get("agents", {})
    return (
        Table(dict.fromkeys(spec.get("own", []), True)),
        Table(dict.fromkeys(spec.get("enemy", []), True)),
    )


def agent_side(
    ctx: Context, trigger: re.Match[str], s: Sentence, claimant: Claimant
) -> Side:
    """Who did it: the side named in the action's own clause.

    "Russian forces captured X" -> russia; "our units liberated X" -> the
    claimant's side; "the enemy took X" -> the other side; "X was captured by
    Russian troops" -> russia.
    """
    bounds = [
        b.end() for b in _boundary(ctx.lex).finditer(ctx.text, s.start, trigger.start())
    ]
    start = max([s.start, *bounds])
    for c in ctx.claimants:  # "«Центр»" ends in a quote, not a clause
        if c.start < start <= c.end:
            start = c.start
    clause_end = _window_end(ctx.lex, ctx.text, trigger.end(), s.end)
    own, enemy = _agent_words(ctx.lex)
    found: Side = "unknown"
    spans = [(start, trigger.start())]
    by = re.compile(r"\s+by\s+", re.I).match(ctx.text, trigger.end())
    if by:  # the agent of a passive
        spans.append((by.end(), clause_end))
    for a, b in spans:
        for c in ctx.claimants:
            if a <= c.start and c.end <= b and c.side in ("russia", "ukraine"):
                found = c.side
        for word in re.finditer(r"[\w'’-]+", ctx.text[a:b]):
            w = word.group()
            side = ctx.lex.side_words.get(w)
            if side in ("russia", "ukraine"):
                found = "russia" if side == "russia" else "ukraine"
            elif w in own and claimant.side in ("russia", "ukraine"):
                found = claimant.side
            elif w in enemy and claimant.side in _OTHER_SIDE:
                found = _OTHER_SIDE[claimant.side]
    return found


def find_author(ctx: Context) -> Claimant:
    """The source a text speaks for when its heading names it.

    "Statement of the Ministry of Defence ..." as the first line makes the
    ministry the author of every claim the text makes in its own voice.
    """
    first_line = ctx.text.split("\n", 1)[0]
    if not ctx.sentences:
        return _AUTHOR
    dateline = _DATELINE.match(ctx.text)
    if dateline:  # "KYIV, Nov 3 (Reuters) -": the agency writes in its own voice
        agency = [
            c
            for c in ctx.claimants
            if dateline.start("agency") <= c.start and c.end <= dateline.end("agency")
        ]
        if agency:
            dated = [
                t for t in ctx.times if t.end <= dateline.end() and t.kind == "date"
            ]
            ctx.report_date = dated[-1] if dated else None
            return replace(agency[0], via="dateline")
    named = [c for c in ctx.claimants if c.named and c.end <= len(first_line)]
    if (
        len(first_line.split()) > 25
        or not ctx.lex.statement_nouns.search(first_line)
        or not named
    ):
        return _signature(ctx)
    dated = [t for t in ctx.times if t.end <= len(first_line) and t.kind == "date"]
    ctx.report_date = dated[-1] if dated else None
    return replace(named[0], via="heading")


def _signature(ctx: Context) -> Claimant:
    """A channel signing its post: "Subscribe to Rybar!", "t.me/rybar", "@rybar"."""
    stripped = ctx.text.rstrip()
    last_start = stripped.rfind("\n") + 1
    last_line = stripped[last_start:]
    if len(last_line.split()) > 8:
        return _AUTHOR
    signoff = ctx.lex.data.get("signoff", {}).get("phrases", [])
    signed = (
        phrase_pattern(signoff).search(last_line)
        or "/" in last_line
        or ("@" in last_line)
    )
    named = [
        c
        for c in ctx.claimants
        if c.start >= last_start and c.named and c.registry_id is not None
    ]
    return replace(named[-1], via="signature") if signed and named else _AUTHOR


def assemble_claims(ctx: Context) -> tuple[list[Claim], set[int]]:
    """Claims in text order, and the starts of reporting cues they used."""
    claims: list[Claim] = []
    used_cues: set[int] = set()
    for i, s in enumerate(ctx.sentences):
        if _is_historical(ctx, s):
            continue
        for trigger in ctx.lex.actions.pattern.finditer(ctx.text, s.start, s.end):
            entry = ctx.lex.actions[trigger.group()]
            obj = _object_window(ctx, trigger, s)
            passive = _passive_window(ctx, trigger, s)
            quantities = _pick_quantities(ctx, obj, entry.units) or _pick_quantities(
                ctx, passive, entry.units
            )
            places = _places_in(ctx, obj, passive)
            if not quantities:
                places = tuple(p for p in places if _acts_on_place(ctx, trigger, p))
            if not quantities and not places:
                continue
            claimant, stance, carried_from, cue = _attribute(ctx, i, trigger)
            if cue is not None:
                used_cues.add(cue.start)
            hedges = tuple(
                m.group() for m in ctx.lex.hedges.finditer(ctx.text, s.start, s.end)
            )
            time = _time_for(ctx, i, trigger, carried_from)
            agent = agent_side(ctx, trigger, s, claimant)
            territorial = entry.claim_type == "territorial"
            for found_q, group in _claim_groups(ctx, quantities, places, territorial):
                category = found_q.category if found_q else ""
                claim_type = entry.by_unit.get(category, entry.claim_type)
                claims.append(
                    Claim(
                        id="",
                        claim_type=_claim_type(claim_type),
                        action=entry.action_by_unit.get(category, entry.action),
                        action_as_stated=trigger.group(),
                        action_start=trigger.start(),
                        action_end=trigger.end(),
                        claimant=claimant,
                        stance=stance,
                        voice="author" if claimant.via in OWN_VOICE else "attributed",
                        start=s.start,
                        end=s.end,
                        quantity=found_q.quantity if found_q else None,
                        time=time,
                        places=group,
                        hedges=hedges,
                        agent_side=agent,
                    )
                )
    claims = [replace(c, id=f"c{n}") for n, c in enumerate(claims, 1)]
    return claims, used_cues
