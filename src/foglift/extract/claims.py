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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache, partial
from typing import TypeVar

from foglift.budget import check_time
from foglift.datelines import opening_dateline
from foglift.extract.claimants import region_side_in
from foglift.extract.english import (
    aim_of_priority,
    background_event,
    control_contested,
    counts_places,
    destroyed_at_rest,
    forecast_of_noun,
    gerund_of_aim,
    part_after,
    part_before,
    place_of_clause_before,
    place_of_event_named,
    range_as_upper_bound,
    share_of_place_named_again,
    subject_side,
    toll_count,
    unfinished_capture,
    without_locating_places,
    without_trailing_anchors,
)
from foglift.extract.lexicon import (
    ActionEntry,
    Lexicon,
    Table,
    phrase_key,
    phrase_pattern,
)
from foglift.extract.mood import NOT_CLAIMS, Mood, action_mood
from foglift.extract.places import accusative_only, agrees_with_noun
from foglift.extract.quantities import (
    FoundQuantity,
    bare_number,
    exact_count,
    parse_number,
    partitive_gap,
)
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
from foglift.names import name_key
from foglift.settings import default

# Between a settlement and its region: "X, Y Oblast", "X in the Y region".
_REGION_GAP = re.compile(r"[\s,]*(?:(?:in|of|у|в)\s+)?(?:the\s+)?", re.IGNORECASE)
_LIST_GAP = re.compile(
    r"(?:\s*(?:,|,?\s+(?:and|as\s+well\s+as|и|а\s+также|і|й|та|а\s+також))\s*)+"
)
# "X (5 km east of Y), Z and W": an anchor in brackets does not end a list.
_BRACKETED = re.compile(r"\s*\([^()]{0,80}\)")
# "disputed the claim and said": a second verb, not the object of the first.
_JOINED = re.compile(r"(?<!\w)(?:and|и|і|й|та)(?!\w)", re.IGNORECASE)
_BARE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AUTHOR = Claimant("author", "unknown", False, "unknown", 0, 0, via="author")
_COLON = re.compile(r"[\s*_]*:")
_TOTAL_COLON = re.compile(r"[\s*_]*:[\s*_]*")
_WORDLIKE = re.compile(r"\w")  # markup and emoji around a heading are no words
_OBJECT_REACH = 90  # characters after an action in which its object may lie
_SUBJECT_REACH = 100  # characters before an action in which its subject may lie
_EVENT_NOUN_REACH = 30  # characters after an action in which "of the strike" may lie


@dataclass(frozen=True, slots=True)
class Cue:
    stance: Stance
    start: int
    end: int


_T = TypeVar("_T")


def _start(item: PlaceMention | Claimant) -> int:
    return item.start


@dataclass(frozen=True)
class _QuantityIndex:
    """A text's quantities (sorted by start) arranged for lookups, so picking
    an action's quantities does not scan every quantity of the text."""

    starts: list[int]
    longest: int  # characters of the longest quantity
    elided: list[FoundQuantity]  # those that take their unit from another
    listed: list[FoundQuantity]  # the rest
    listed_starts: list[int]
    before_action: dict[int | None, list[FoundQuantity]]  # by next_action

    @classmethod
    def of(cls, quantities: Sequence[FoundQuantity]) -> _QuantityIndex:
        listed = [q for q in quantities if q.elided_from is None]
        before_action: dict[int | None, list[FoundQuantity]] = {}
        for q in quantities:
            before_action.setdefault(q.next_action, []).append(q)
        return cls(
            [q.quantity.start for q in quantities],
            max((q.quantity.end - q.quantity.start for q in quantities), default=0),
            [q for q in quantities if q.elided_from is not None],
            listed,
            [q.quantity.start for q in listed],
            before_action,
        )


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

    # starts of claimants, places and quantities, built on first use: the
    # filters below look up a span by bisection instead of scanning every
    # mention of the text per claim (quadratic in a long text)
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _quantity_index: _QuantityIndex | None = None

    def _starting_in(
        self, kind: str, items: Sequence[_T], a: int, b: int, start: Callable[[_T], int]
    ) -> list[_T]:
        """The items (sorted by start) whose start lies in ``[a, b)``."""
        starts = self._starts.get(kind)
        if starts is None:
            starts = self._starts[kind] = [start(item) for item in items]
        return list(items[bisect_left(starts, a) : bisect_left(starts, b)])

    def sentence_claimants(self, i: int) -> list[Claimant]:
        s = self.sentences[i]
        return [
            c for c in self.claimants_starting_in(s.start, s.end + 1) if c.end <= s.end
        ]

    def places_starting_in(self, a: int, b: int) -> list[PlaceMention]:
        return self._starting_in("places", self.places, a, b, _start)

    def claimants_starting_in(self, a: int, b: int) -> list[Claimant]:
        return self._starting_in("claimants", self.claimants, a, b, _start)

    def first_place_from(self, a: int) -> int:
        """The index of the first place (sorted by start) starting at or after ``a``."""
        starts = self._starts.get("places")
        if starts is None:
            starts = self._starts["places"] = [p.start for p in self.places]
        return bisect_left(starts, a)

    def quantities_starting_in(self, a: int, b: int) -> list[FoundQuantity]:
        return self._starting_in(
            "quantities", self.quantities, a, b, lambda q: q.quantity.start
        )

    def quantity_index(self) -> _QuantityIndex:
        """The tables the quantity pickers look quantities up in, built once."""
        if self._quantity_index is None:
            self._quantity_index = _QuantityIndex.of(self.quantities)
        return self._quantity_index

    def cues(self, start: int, end: int) -> list[Cue]:
        found = [
            Cue(stance, m.start(), m.end())  # type: ignore[arg-type]
            for stance, pattern in self.lex.reporting.items()
            for m in pattern.finditer(self.text, start, end)
        ]
        return sorted(found, key=lambda c: c.start)


def _is_region(nouns: Table[bool], place: PlaceMention) -> bool:
    return place.name.split()[-1] in nouns


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


# A short name in guillemets: "«Кинжал»", "«Шахед-136»".
_NAME_IN_GUILLEMETS = re.compile(r"«[\w'’ -]{1,30}»")


def _object_window(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[int, int]:
    opens = trigger.end()
    if (
        ctx.lex.lang == "uk"
        and ctx.text[trigger.start() - 1 : trigger.start()] in ("«", '"', "“", "„")
        and ctx.text[opens : opens + 1] in ("»", '"', "”", "“")
    ):
        opens += 1  # "заявило про «захоплення» сіл X": the quotes only distance
    limit = min(s.end, trigger.end() + _OBJECT_REACH)
    end = _window_end(ctx.lex, ctx.text, opens, limit)
    named = _NAME_IN_GUILLEMETS
    while ctx.lex.lang == "uk" and (name := named.match(ctx.text, end, limit)):
        # "збиття ракети «Кинжал» над X": a name in quotes after its noun
        # (a weapon's, a ship's) stands in the object; the clause goes on.
        end = _window_end(ctx.lex, ctx.text, name.end(), limit)
    # The next action starts a predicate of its own: "the strike killed 400",
    # "killing 50 and wounding 40 soldiers".
    for following in ctx.lex.actions.pattern.finditer(ctx.text, trigger.end(), end):
        # "struck a site in occupied X", "a control post": an attribute or a
        # noun is part of the object, no predicate of its own.
        if ctx.lex.lang == "en" and _mood(ctx, following, s, False) in (
            "attributive",
            "other_sense",
        ):
            continue
        # "ранены после атаки дронов на предприятие в X": a strike named as
        # the cause is no predicate of its own; the place is where both were.
        if _is_cause(ctx, following.start()):
            continue
        # "через удар дрона поранено жінку в X": a strike named as a
        # cause happened where what it caused did.
        if ctx.lex.lang == "uk" and _is_cause(ctx, trigger.start()):
            continue
        return trigger.end(), following.start()
    return trigger.end(), end


def _is_cause(ctx: Context, start: int) -> bool:
    """Whether a cause word ("после", "внаслідок") stands right before start;
    Russian and Ukrainian name a strike by its noun after one."""
    if ctx.lex.lang not in ("ru", "uk"):
        return False
    m = _cause_before(ctx.lex).search(ctx.text, max(0, start - 30), start)
    return m is not None


@cache
def _cause_before(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data.get("agents", {})
    causes = phrase_pattern(words.get("cause", []) + words.get("cause_of_noun", []))
    return re.compile(rf"(?:{causes.pattern})\s+$", re.IGNORECASE)


def _quantity_window(ctx: Context, obj: tuple[int, int]) -> tuple[int, int]:
    """The object window up to a cause: "погибли в Курской области в результате
    удара ... тремя ракетами" (the missiles are the strike's, not the dead)."""
    cause = _cause(ctx.lex).search(ctx.text, *obj)
    if cause and ctx.lex.lang == "en" and counts_places(ctx.lex, ctx.text, cause):
        cause = None  # "struck sites in six districts": where, not why
    return obj[0], cause.start() if cause else obj[1]


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


def _subject_window(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[int, int]:
    """The action's clause before it: where a subject or a fronted object lies
    ("Восемь БПЛА уничтожены", "32 беспилотника уничтожили наши силы ПВО")."""
    found = list(_boundary(ctx.lex).finditer(ctx.text, s.start, trigger.start()))
    # "Восемь беспилотников, летевших на Москву, сбиты": a participle phrase set
    # off by commas stays inside the clause.
    while (
        len(found) >= 2
        and found[-1].group() == ","
        and found[-2].group() == ","
        and (
            _is_participle(ctx, ctx.text[found[-2].end() : found[-1].start()])
            or _is_parenthetical_source(ctx, found[-2].end(), found[-1].start())
        )
    ):
        found = found[:-2]
    if (
        ctx.lex.lang == "ru"
        and len(found) >= 2
        and found[-1].group() in "—–"
        and found[-2].group() in "—–"
        and ctx.places_starting_in(found[-2].end(), found[-1].start())
    ):
        # "Ещё два села — X и Y — взяты под контроль": the places set off by
        # dashes name the subject's items
        found = found[:-2]
    if ctx.lex.lang == "ru" and found and found[-1].group() == ",":
        # "Около 700 военных, минимум 100 из которых — наёмники, попали в
        # окружение": a relative clause set off by commas stays inside too.
        for k in range(len(found) - 2, -1, -1):
            if found[k].group() == "," and _RELATIVE_INSERT.match(
                ctx.text, found[k].end(), found[-1].start()
            ):
                found = found[:k]
                break
    start = max([s.start, *(b.end() for b in found)])
    return max(start, trigger.start() - _SUBJECT_REACH), trigger.start()


# A relative clause about the subject's members ("минимум 100 из которых",
# "среди которых", "в том числе").
_RELATIVE_INSERT = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:из\s+|среди\s+)?котор(?:ых|ые|ым)\b|\s*в\s+том\s+числе\b",
    re.IGNORECASE,
)


def _dash_subject(
    ctx: Context, s: Sentence, subject: tuple[int, int]
) -> tuple[int, int]:
    """ "81 безпілотник — локаційно втрачений": a dash standing for the verb
    "to be" leaves the subject before it in the predicate's clause."""
    head = ctx.text[s.start : subject[1]]
    m = re.search(r"[—–][\s*_]*(?:[^\W\d][\w'’-]*\s+)?$", head)
    if m is None or s.start + m.start() < subject[0] - 1:
        return subject
    before = list(_boundary(ctx.lex).finditer(ctx.text, s.start, s.start + m.start()))
    start = before[-1].end() if before else s.start
    return max(start, subject[1] - _SUBJECT_REACH), subject[1]


@cache
def _civil_causes(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    causes = lex.data.get("clauses", {}).get("civil_causes", [])
    fire = lex.data.get("ground_attack", {}).get("fire", [])
    if not causes:
        return None
    return phrase_pattern(causes), phrase_pattern(fire)


def _civil_cause(ctx: Context, s: Sentence) -> bool:
    """Whether a sentence gives casualties or damage a civil cause of the
    lexicon (a road accident, a gas explosion) and names no weapon or fire."""
    found = _civil_causes(ctx.lex)
    if found is None:
        return False
    causes, fire = found
    return bool(causes.search(ctx.text, s.start, s.end)) and not fire.search(
        ctx.text, s.start, s.end
    )


@cache
def _light_verbs(lex: Lexicon) -> Table[bool]:
    words = lex.data.get("clauses", {}).get("light_verbs", [])
    return Table(dict.fromkeys(words, True))


def _light_verb_alone(
    ctx: Context, trigger: re.Match[str], obj: tuple[int, int], subject: tuple[int, int]
) -> bool:
    """Whether a light verb of the lexicon ("произошло", "провели", "здійснили")
    stands without the noun of an event that makes it an attack ("произошло
    боестолкновение", "провели контратаку"): alone it names no action."""
    if trigger.group() not in _light_verbs(ctx.lex):
        return False
    nouns = _event_nouns(ctx.lex)
    return not any(nouns.search(ctx.text, a, b) for a, b in (obj, subject))


@cache
def _event_nouns(lex: Lexicon) -> re.Pattern[str]:
    units = lex.data["units"]
    return phrase_pattern(
        [
            w
            for kind in ("events", "strikes")
            for words in units.get(kind, {}).values()
            for w in words
        ]
    )


def _is_parenthetical_source(ctx: Context, start: int, end: int) -> bool:
    """Whether the words between two commas only name a source ("по 4 дрони,
    за твердженням МО РФ, було збито"): the clause runs on around them."""
    if ctx.lex.lang not in ("ru", "uk"):
        return False
    m = ctx.lex.according_to.match(
        ctx.text, start + len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
    )
    return m is not None and m.end() <= end


def _is_participle(ctx: Context, phrase: str) -> bool:
    """Whether a phrase opens with a participle ("летевших на Москву")."""
    if ctx.lex.lang not in ("ru", "uk"):
        return False
    first = re.search(r"\w+", phrase)
    if first is None:
        return False
    from foglift.extract.lexicon import _morph

    return bool(_morph(ctx.lex.lang).parse(first.group())[0].tag.POS == "PRTF")


@cache
def _passive_words(lang: str) -> dict[str, bool]:
    """Per language, whether a word is a passive form (filled as words come)."""
    return {}


def is_passive(ctx: Context, trigger: re.Match[str]) -> bool:
    """Whether the action is stated in the passive: "were shot down" (an
    auxiliary before it), "сбиты" (a short passive participle), "збито" (an
    impersonal form in -но/-то)."""
    head = ctx.text[max(0, trigger.start() - 40) : trigger.start()]
    if ctx.lex.lang == "en" and trigger.group().split()[0].casefold().endswith("ing"):
        return False  # "troops are approaching X": a progressive, not a passive
    if _passive_tail(ctx.lex).search(head):
        return True
    if ctx.lex.lang not in ("ru", "uk"):
        return False
    word = trigger.group().split()[0].casefold()
    known = _passive_words(ctx.lex.lang)
    if word not in known:
        from foglift.extract.lexicon import _morph

        tag = _morph(ctx.lex.lang).parse(word)[0].tag
        known[word] = "pssv" in tag or "Impe" in tag
    return known[word]


def _subject_of(ctx: Context, i: int) -> Claimant | None:
    """The claimant a later pronoun refers to: who says something in sentence i."""
    mentions = [c for c in ctx.sentence_claimants(i) if c.via != "author"]
    if not mentions:
        return None
    s = ctx.sentences[i]
    for cue in ctx.cues(s.start, s.end):
        before = [c for c in mentions if c.end <= cue.start]
        while (
            ctx.lex.lang == "uk"
            and len(before) > 1
            and not ctx.text[before[-2].end : before[-1].start].strip()
        ):
            before = before[:-1]  # "Генеральний штаб Збройних Сил України"
        if before:
            return before[-1]
    if ctx.lex.lang == "uk":  # "заявив голова обласної ВА Іван Петренко"
        return _titled_speaker(ctx, mentions)
    return mentions[0]


def carried_claimant(ctx: Context, i: int) -> tuple[Claimant, int] | None:
    reach = int(default("attribution_carry_sentences"))
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        subject = _subject_of(ctx, j)
        if subject is not None:
            return replace(subject, via="carried"), j
    return None


_ONE_WORD = re.compile(r"\s+[\w'’-]+\s+")


_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|cannot|never)\b|n't\b)", re.IGNORECASE)

# a second clause joined to a first ("..., and ...", "...; ...")
_CLAUSE_JOIN = re.compile(r"(?:,\s*(?:and|while|but)|;)\s+$")


def _attribute(
    ctx: Context, i: int, trigger: re.Match[str]
) -> tuple[Claimant, Stance, int | None, Cue | None]:
    """(claimant, stance, sentence the claimant was carried from, cue used)."""
    s = ctx.sentences[i]
    text = ctx.text
    mentions = ctx.sentence_claimants(i)
    # "Rybar: our units liberated X" — a headline or repost names its source.
    lead = [c for c in mentions if c.named and _COLON.match(text, c.end)]
    if lead and not _WORDLIKE.search(text, s.start, lead[0].start):
        return replace(lead[0], via="colon"), "asserts", None, None
    for m in ctx.lex.according_to.finditer(text, s.start, s.end):
        # One word may qualify the source ("за даними російського відомства").
        after = [
            c
            for c in mentions
            if m.end() <= c.start
            and (c.start <= m.end() + 6 or _ONE_WORD.fullmatch(text, m.end(), c.start))
        ]
        if after:
            return replace(after[0], via="according_to"), "asserts", None, None
        if _own_pronouns(ctx.lex).match(text, m.end()):  # "за його словами"
            carried = carried_claimant(ctx, i)
            if carried:
                return carried[0], "asserts", carried[1], None
    own = _own_according(ctx.lex)
    if own is not None and own.search(text, s.start, s.end):
        # "По его данным, ...": the possessive stands between the preposition
        # and its noun; the speaker is the one of the sentence before
        carried = carried_claimant(ctx, i)
        if carried:
            return carried[0], "asserts", carried[1], None
    cues = ctx.cues(s.start, s.end)
    before = [c for c in cues if c.end <= trigger.start()]
    if ctx.lex.lang == "en" and before:
        # "X reported that ..., and geolocated footage shows Y": the evidence
        # of the second clause speaks for what follows it, not X
        shown = _evidence_speaker(ctx, i, trigger)
        earlier = [c for c in before if shown and c.end <= shown.start]
        if (
            shown is not None
            and earlier
            and _CLAUSE_JOIN.search(text, earlier[-1].end, shown.start)
        ):
            return shown, "asserts", None, None
        # "footage of paratroopers claiming to have cleared X suggest that Y": the
        # speakers inside the evidence's subject say X; the evidence says Y
        said = _evidence_cue(ctx.lex)
        phrase = said.match(text, shown.start) if shown and said else None
        if (
            shown is not None
            and phrase is not None
            and phrase.end() <= trigger.start()
            and shown.end <= before[-1].start
            and before[-1].end < phrase.end()
            and text[before[-1].start : before[-1].end].endswith("ing")
        ):
            return shown, "asserts", None, None
    after_cues = [
        c
        for c in cues
        if c.start >= trigger.end()
        # "..., refuting accusations made by X": a participle's speaker is the
        # sentence's subject, and what follows it is whom it answers
        and not (ctx.lex.lang == "en" and text[c.start : c.end].endswith("ing"))
    ]
    if before:
        cue = _outer_cue(ctx, before)
        subjects = [c for c in mentions if c.end <= cue.start]
        if (
            subjects
            and ctx.lex.lang == "uk"
            and not subjects[-1].named
            and ctx.lex.carry.fullmatch(ctx.text, subjects[-1].start, subjects[-1].end)
        ):
            # "Також чиновник заявив": the official named before speaks again
            carried = carried_claimant(ctx, i)
            if carried:
                return carried[0], cue.stance, carried[1], cue
        if subjects and ctx.lex.lang == "uk":
            # "Генеральний штаб Збройних Сил України спростував": the body in
            # the genitive belongs to the head before it, which speaks
            while (
                len(subjects) > 1
                and not ctx.text[subjects[-2].end : subjects[-1].start].strip()
            ):
                subjects = subjects[:-1]
        if subjects and ctx.lex.lang == "uk" and cue.stance == "asserts":
            # "Генштаб заявив, що заяви Москви про захоплення X не відповідають
            # дійсності": a denial after the claim it is said of turns the
            # speaker's statement into that denial
            denial = _denial_after_uk(ctx, trigger, after_cues)
            if denial is not None:
                return replace(subjects[-1], via="subject"), denial.stance, None, denial
        if subjects:
            return replace(subjects[-1], via="subject"), cue.stance, None, cue
        carry = ctx.lex.carry.search(text, s.start, cue.start)
        carried = carried_claimant(ctx, i) if carry else None
        if carried:
            return carried[0], cue.stance, carried[1], cue
        if ctx.lex.lang == "en" and cue.stance != "asserts":
            # "..., denying claims that X": the denial stands, if not its speaker
            return ctx.author, cue.stance, None, cue
        if ctx.lex.lang == "uk" and cue.stance != "asserts":
            # "Дезінформацією є чутки щодо захоплення X, зазначили в Y":
            # the speaker named after the claim makes the dispute.
            named_after = [
                c
                for c in mentions
                if c.start >= trigger.end()
                and any(a.start - 60 < c.start for a in after_cues)
            ]
            if after_cues and named_after:
                return replace(named_after[0], via="subject"), cue.stance, None, cue
            found = _trailing_attribution(ctx, i) or _report_continues(ctx, i)
            if found is not None:
                return found[0], cue.stance, found[1], cue
            return ctx.author, cue.stance, None, cue
    if ctx.lex.lang == "en":
        # "..., but ISW cannot confirm the claims": a negated reporting verb
        # and what it governs name nobody who makes the claim
        for n, c in enumerate(after_cues):
            head = text[max(trigger.end(), c.start - 60) : c.start]
            if _NEGATED_BEFORE.search(re.split(r"[,;]", head)[-1]):
                after_cues = after_cues[:n]
                break
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
        # "One person was injured, they said": a pronoun speaking after the
        # claim is the speaker of an earlier sentence.
        pronoun = ctx.lex.carry.search(
            text, max(trigger.end(), cue.start - 16), cue.start
        )
        if (
            ctx.lex.lang == "en"
            and pronoun is not None
            and not text[pronoun.end() : cue.start].strip()
            and re.search(r",\s*$", text[: pronoun.start()])
        ):
            carried = carried_claimant(ctx, i)
            if carried:
                return carried[0], cue.stance, carried[1], cue
        if cue.stance != "asserts" and not [c for c in mentions if c.start > cue.end]:
            # "Информация о захвате X не подтвердилась": the speaker of the
            # sentence's frame (or the text) denies or disputes it.
            found = (
                _trailing_attribution(ctx, i)
                or _heading_attribution(ctx, i)
                or _report_continues(ctx, i)
            )
            if found is not None:
                return found[0], cue.stance, found[1], cue
            return ctx.author, cue.stance, None, cue
    lead_on = _colon_lead_before(ctx, i)
    if lead_on is not None:
        return lead_on, "asserts", i - 1, None
    listed = _list_lead_ru(ctx, i)
    if listed is not None:
        return listed[0], "asserts", listed[1], None
    signed = _dash_signature(ctx, i) or _evidence_speaker(ctx, i, trigger)
    if signed is not None:
        return signed, "asserts", None, None
    trailing = (
        _trailing_attribution(ctx, i)
        or _heading_attribution(ctx, i)
        or _report_continues(ctx, i)
    )
    if ctx.lex.lang == "uk" and trailing is not None and trailing[0].kind == "media":
        # "X повідомив про наслідки атаки. Ворог поцілив ... Про це пише
        # УНН": the outlet relays the speaker whose report it names before
        relayed = _report_continues(ctx, i)
        if relayed is not None and relayed[0].kind != "media":
            trailing = relayed
    if trailing is not None:
        return trailing[0], "asserts", trailing[1], None
    hedge = ctx.lex.hedges.search(text, *_hedge_clause(ctx, s, trigger))
    if hedge and hedge.group().casefold() in ("reportedly", "allegedly", "purportedly"):
        unnamed = Claimant(
            "unnamed reports", "unknown", False, "unknown",
            hedge.start(), hedge.end(), via="hedge",
        )  # fmt: skip
        return unnamed, "asserts", None, None
    return ctx.author, "asserts", None, None


# a clause with a subject of its own ("..., and Ukrainian forces ..."); ", and
# continued to ..." goes on with the same subject, and the same hedge
_COORDINATED_CLAUSE = re.compile(
    r",\s+(?:and|but|while)\s+(?=[A-Z]|(?:the|a|an|its|their|this|these)\s)|;"
)


def _hedge_clause(ctx: Context, s: Sentence, trigger: re.Match[str]) -> tuple[int, int]:
    """Where a hedge qualifies the action: its sentence, or in English its own
    clause ("Fighting continued near X, and Ukrainian forces reportedly
    counterattacked near Y": the hedge is the second clause's alone)."""
    if ctx.lex.lang != "en":
        return s.start, s.end
    start, end = s.start, s.end
    for m in _COORDINATED_CLAUSE.finditer(ctx.text, s.start, s.end):
        if m.end() <= trigger.start():
            start = m.end()
        elif m.start() >= trigger.end():
            end = m.start()
            break
    return start, end


def _denial_after_uk(
    ctx: Context, trigger: re.Match[str], after: list[Cue]
) -> Cue | None:
    """A denial or dispute whose subject holds the action ("заяви про захоплення
    A та B не підтверджуються"): the next cue, close after it, with no other
    action or clause between."""
    if not after or after[0].stance == "asserts":
        return None
    gap = ctx.text[trigger.end() : after[0].start]
    if len(gap) > 120 or re.search(r"[;:()«»\"]", gap):
        return None
    if ctx.lex.actions.pattern.search(gap) or re.search(
        rf"\s(?:{ctx.lex.clause_breaks.pattern})\s", gap, re.I
    ):
        return None
    return after[0]


def _colon_lead_before(ctx: Context, i: int) -> Claimant | None:
    """ "X: Окупанти атакували Y. Є загиблий": a Ukrainian headline
    that names its source before a colon speaks for the rest of its line."""
    if ctx.lex.lang != "uk" or i == 0:
        return None
    prior, s = ctx.sentences[i - 1], ctx.sentences[i]
    if "\n" in ctx.text[prior.start : s.start]:
        return None
    lead = [
        c
        for c in ctx.sentence_claimants(i - 1)
        if c.named and _COLON.match(ctx.text, c.end)
    ]
    if lead and not _WORDLIKE.search(ctx.text, prior.start, lead[0].start):
        return replace(lead[0], via="colon")
    return None


@cache
def _own_pronouns(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data.get("carry", {}).get("own_pronouns", [])
    return re.compile(rf"\s*(?:{phrase_pattern(words).pattern})", re.IGNORECASE)


@cache
def _own_according(lex: Lexicon) -> re.Pattern[str] | None:
    """Russian "по его словам", "по их данным": a phrase of attribution of the
    form "по" + noun with a possessive pronoun between the two."""
    if lex.lang != "ru":
        return None
    phrases = lex.data["reporting"]["asserts"]["according_to"]
    nouns = [p.split(None, 1)[1] for p in phrases if p.startswith("по ")]
    pronouns = lex.data.get("carry", {}).get("own_pronouns", [])
    if not nouns or not pronouns:
        return None
    return re.compile(
        rf"(?<![\w-])по\s+(?:{phrase_pattern(pronouns).pattern})\s+"
        rf"(?:{phrase_pattern(nouns).pattern})",
        re.IGNORECASE,
    )


@cache
def _back_reference(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data.get("carry", {}).get("back", [])
    return re.compile(rf"[\s«\"'(]*(?:{phrase_pattern(words).pattern})", re.IGNORECASE)


_TRAILING_REACH = 3  # sentences after a claim in which "Об этом сообщил X" may follow


def _titled_speaker(ctx: Context, mentions: list[Claimant]) -> Claimant:
    """ "речник Угруповання об'єднаних сил Віктор Трегубов": the body in a
    title is whom the person named after it speaks for; the person speaks."""
    speaker = mentions[0]
    for later in mentions[1:]:
        gap = ctx.text[speaker.end : later.start]
        if len(gap) > 40 or re.search(r"[,;:.!?()«»\"]|\s(?:і|й|та)\s", gap):
            break
        speaker = later
    return speaker


def _headings_between(ctx: Context, i: int, j: int) -> int:
    """Paragraphs between sentences i and j of a Ukrainian text that are one
    line with no closing stop: subheadings, which do not end the report a
    later "Про це повідомив X" attributes."""
    if ctx.lex.lang != "uk":
        return 0
    count = 0
    for k in range(i + 1, j):
        s = ctx.sentences[k]
        alone = ctx.paragraph_of[k] not in (
            ctx.paragraph_of[k - 1],
            ctx.paragraph_of[k + 1],
        )
        line = ctx.text[s.start : s.end].strip()
        if alone and line and "\n" not in line and line[-1] not in '.!?…»"':
            count += 1
    return count


def _trailing_attribution(ctx: Context, i: int) -> tuple[Claimant, int] | None:
    """The speaker a later sentence gives what came before: "Об этом сообщил
    губернатор", "Про це йдеться в повідомленні Генштабу", "This was reported
    by the ministry". It reaches over the sentences of the paragraph before it
    (or the paragraph right before, when it opens its own), and stops at a
    sentence with a speaker of its own."""
    back = _back_reference(ctx.lex)
    for j in range(i + 1, min(len(ctx.sentences), i + 1 + _TRAILING_REACH)):
        s = ctx.sentences[j]
        gap = ctx.paragraph_of[j] - ctx.paragraph_of[i]
        headings = _headings_between(ctx, i, j)
        gap -= headings
        opens_own = ctx.paragraph_of[j - 1] != ctx.paragraph_of[i]
        if gap > 1 or (gap == 1 and opens_own and not headings):
            return None
        mentions = [c for c in ctx.sentence_claimants(j) if c.via != "author"]
        if back.match(ctx.text, s.start) and ctx.cues(s.start, s.end) and mentions:
            speaker = mentions[0]
            if ctx.lex.lang == "uk":
                speaker = _titled_speaker(ctx, mentions)
            return replace(speaker, via="trailing"), j
        if mentions and ctx.cues(s.start, s.end):
            return None  # another speaker's sentence: not a frame for this one
    return None


_ABBREVIATION = re.compile(r"\s*\([A-Z][A-Za-z]{1,7}\)")


def _outer_cue(ctx: Context, before: list[Cue]) -> Cue:
    """The cue that frames an action: the last before it, unless that one is
    the object of a denial or dispute ("denied the commander's claims that",
    "спростовує заяви Міноборони РФ про"): then the denial frames it."""
    cue = before[-1]
    for outer in reversed(before[:-1]):
        gap = ctx.text[outer.end : cue.start]
        if ctx.lex.lang == "en":  # "the Defense Ministry's (MoD) claim"
            gap = _ABBREVIATION.sub("", gap)
        if (
            outer.stance in ("denies", "disputes")
            # (an English denial may carry its date and the claim's owner with
            # its abbreviation and date: "denied on May 2 the Russian Ministry
            # of Defense's (MoD) April 28 claim that")
            and len(gap) <= (90 if ctx.lex.lang == "en" else 60)
            and not _boundary(ctx.lex).search(gap)
            and not _JOINED.search(gap)
        ):
            return outer
    return cue


# A dash, then at most three lower-case words of a title, right before a source.
_DASH = re.compile(r"[\s*_,]*[—–-][\s*_]*(?:[^\W\dA-ZА-ЯЁІЇЄҐ][\w'’-]*\s+){0,3}$")


# Where a Russian or Ukrainian speaker posted, after its name ("повідомив X у
# Telegram", "написал X в телеграм-канале"): no word of the claim's.
_CHANNEL_TAIL = re.compile(
    r"\s+(?:у|в|на)\s+(?:своєму\s+|своему\s+|своїй\s+|своей\s+)?"
    r"(?:телеграм\w*|Telegram\w*|телеграм-канал\w*|Телеграм\w*|Facebook|фейсбуц\w*|"
    r"фейсбук\w*|соцмереж\w*|соцсет\w*|ефірі|эфире|X)"
    r"(?:\s+[\w-]+)?[\s.!]*$"
)


def _ends_with_speaker(ctx: Context, end: int, sentence_end: int) -> bool:
    """Whether nothing but punctuation, or the channel a Russian or Ukrainian
    speaker posted on, follows the speaker at ``end``."""
    if not _WORDLIKE.search(ctx.text, end, sentence_end):
        return True
    return ctx.lex.lang in ("ru", "uk") and bool(
        _CHANNEL_TAIL.match(ctx.text[:sentence_end], end)
    )


def _dash_signature(ctx: Context, i: int) -> Claimant | None:
    """A quote signed with a dash at its end ("..., — губернатор X", "— Минобороны
    РФ"): the source after the dash signs its paragraph's sentences up to it."""
    for j in range(i, len(ctx.sentences)):
        if ctx.paragraph_of[j] != ctx.paragraph_of[i]:
            break
        s = ctx.sentences[j]
        mentions = ctx.sentence_claimants(j)
        last = mentions[-1] if mentions else None
        if (
            last is not None
            and (
                _ends_with_speaker(ctx, last.end, s.end)
                # ("— губернатор области.": the speaker's own words after it)
                or (
                    ctx.lex.lang == "ru"
                    and _SIGNATURE_END.fullmatch(ctx.text, last.end, s.end) is not None
                )
            )
            and _DASH.search(ctx.text, s.start, last.start)
        ):
            return replace(last, via="signed")
        if mentions and ctx.cues(s.start, s.end):
            return None  # a sentence with a speaker of its own
    return _signature_line(ctx, i) if ctx.lex.lang == "ru" else None


# a paragraph that is only a dash and a speaker ("— Сергей Собянин.", "—
# сообщил губернатор X.")
_SIGNATURE_LINE = re.compile(
    r"[\s*_]*[—–][\s*_]*(?:(?:сообщил|заявил|написал|рассказал)[аи]?\s+)?"
    r"(?:[а-яё-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SIGNATURE_END = re.compile(r"(?:\s+[а-яё-]+){0,3}[\s*_.]*$")


def _signature_line(ctx: Context, i: int) -> Claimant | None:
    """A statement quoted in paragraphs and signed by a paragraph of its own
    after them ("...\n\n— губернатор X."): the speaker signs every paragraph
    before the signature, not those after it ("UPD. ...")."""
    for j in range(i + 1, len(ctx.sentences)):
        if ctx.paragraph_of[j] == ctx.paragraph_of[i]:
            continue
        s = ctx.sentences[j]
        mentions = ctx.sentence_claimants(j)
        if (
            mentions
            and _SIGNATURE_LINE.fullmatch(ctx.text, s.start, mentions[0].start)
            and _SIGNATURE_END.fullmatch(ctx.text, mentions[-1].end, s.end)
            and (
                j + 1 >= len(ctx.sentences)
                or ctx.paragraph_of[j + 1] != ctx.paragraph_of[j]
            )
        ):
            return replace(mentions[-1], via="signed")
        if mentions and ctx.cues(s.start, s.end):
            return None  # a later speaker of its own comes first
    return None


@cache
def _evidence_cue(lex: Lexicon) -> re.Pattern[str] | None:
    spec = lex.data.get("reactions", {})
    if not spec.get("evidence_nouns"):
        return None
    nouns = phrase_pattern(spec["evidence_nouns"]).pattern
    verbs = phrase_pattern(spec["evidence_verbs"]).pattern
    # (English footage may be described at length before its verb: "footage
    # of X doing Y in Z (east of W) also indicates that ...")
    reach = 140 if lex.lang == "en" else 80
    return re.compile(
        rf"(?P<noun>{nouns})[^.;:!?]{{0,{reach}}}?(?:{verbs})(?:\s+that)?",
        re.IGNORECASE,
    )


def _speaking_in_evidence(ctx: Context, c: Claimant, verb_end: int) -> bool:
    """People seen speaking in the footage ("videos of soldiers claiming to
    ..."): a participle of reporting follows them, inside the evidence."""
    return ctx.lex.lang == "en" and any(
        cue.start - c.end <= 2 and ctx.text[cue.start : cue.end].endswith("ing")
        for cue in ctx.cues(c.end, verb_end)
    )


def _evidence_speaker(ctx: Context, i: int, trigger: re.Match[str]) -> Claimant | None:
    """Footage or imagery described as showing the action, with no speaker
    ("Geolocated footage published on May 3 indicates that ..."): the
    evidence is the claimant, of kind "evidence"."""
    pattern = _evidence_cue(ctx.lex)
    if pattern is None:
        return None
    s = ctx.sentences[i]
    for m in pattern.finditer(ctx.text, s.start, trigger.start()):
        if any(
            m.start() <= c.start < m.end()
            and not _speaking_in_evidence(ctx, c, m.end())
            for c in ctx.sentence_claimants(i)
        ):
            continue  # "X published footage that shows": X speaks
        return Claimant(
            m.group("noun"), "evidence", False, "unknown",
            m.start("noun"), m.end("noun"), via="evidence",
        )  # fmt: skip
    depicted = _depicted(ctx.lex)
    if depicted is not None and trigger.group().endswith("ing"):
        # "footage of Russian soldiers attacking X": what the footage shows
        shows = depicted.search(
            ctx.text, max(s.start, trigger.start() - 120), trigger.start()
        )
        if shows is not None:
            return Claimant(
                shows.group("noun"), "evidence", False, "unknown",
                shows.start("noun"), shows.end("noun"), via="evidence",
            )  # fmt: skip
    return None


@cache
def _depicted(lex: Lexicon) -> re.Pattern[str] | None:
    nouns = lex.data.get("reactions", {}).get("evidence_nouns", [])
    if lex.lang != "en" or not nouns:
        return None
    # the evidence noun, "of", then the people it shows, up to the gerund
    return re.compile(
        rf"\b(?P<noun>{phrase_pattern(nouns).pattern})\s+of\s+"
        rf"(?:[\w'’()\[\]-]+\s+){{1,16}}?$",
        re.IGNORECASE,
    )


_CONTINUES_REACH = 6  # sentences a relayed report runs on after "Про це повідомив X"


def _report_continues(ctx: Context, i: int) -> tuple[Claimant, int] | None:
    """A news item that says whose report it relays ("Про це повідомляє X",
    "Об этом сообщил X") goes on relaying it: later sentences with no speaker
    of their own are still X's, up to another speaker's sentence."""
    back = _back_reference(ctx.lex)
    reach = _CONTINUES_REACH + _captions_before(ctx, i)
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        if ctx.lex.lang == "ru" and _own_voice_ru(ctx, j + 1):
            return None
        s = ctx.sentences[j]
        mentions = [c for c in ctx.sentence_claimants(j) if c.via != "author"]
        if not mentions or not ctx.cues(s.start, s.end):
            if mentions or not _pronoun_speaks(ctx, j):
                continue
            # "Він додав, що ...": the speaker named before goes on speaking.
            carried = carried_claimant(ctx, j)
            return (replace(carried[0], via="carried"), carried[1]) if carried else None
        if back.match(ctx.text, s.start):
            if ctx.lex.lang == "uk" and mentions[0].kind == "media":
                # "Про це пише УНН" after "X повідомив про ...": the outlet
                # relays X's report, which goes on
                relayed = _report_continues(ctx, j)
                if relayed is not None and relayed[0].kind != "media":
                    return relayed
            return replace(mentions[0], via="carried"), j
        last = mentions[-1]
        cues = ctx.cues(s.start, s.end)
        cue = [c for c in cues if c.end <= last.start]
        if (
            cue
            and _TRAILING_SPEAKER.fullmatch(ctx.text, cue[-1].end, last.start)
            and _ends_with_speaker(ctx, last.end, s.end)
            and not _quotation_before(ctx.text, s.start, cue[-1].start)
        ):  # "..., повідомив Генштаб ЗСУ.": the report it names goes on
            # (a quotation's speaker speaks the quotation only)
            return replace(last, via="carried"), j
        if ctx.lex.lang == "uk":
            opening = _according_lead_uk(ctx, s, mentions)
            if opening is not None:  # "Як йдеться у дописі X, ...": X goes on
                return replace(opening, via="carried"), j
        lead = _topic_lead(ctx, mentions, cues)
        if lead is not None:
            return replace(lead, via="carried"), j
        return None
    return None


@cache
def _according_opening(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"[\s*_«\"]*(?:{lex.according_to.pattern})\s+", re.IGNORECASE)


_LIST_ITEM = re.compile(r"[\s*_]*[—–•-]")


def _own_voice_ru(ctx: Context, k: int) -> bool:
    """Whether sentence k of a Russian post leaves the report relayed before
    it: a sentence that opens with a source of its own ("По данным с мест,
    ..."), or one that opens a paragraph after a paragraph that closed in the
    channel's own voice (its last sentence names no speaker), unless it is an
    item of a dashed list under a lead ending in a colon."""
    s = ctx.sentences[k]
    if _according_opening(ctx.lex).match(ctx.text, s.start):
        return True
    if k == 0 or ctx.paragraph_of[k] == ctx.paragraph_of[k - 1]:
        return False
    prior = ctx.sentences[k - 1]
    line_start = ctx.text.rfind("\n", 0, prior.end) + 1
    if _LIST_ITEM.match(ctx.text, s.start) and (
        ctx.text[prior.start : prior.end].rstrip(" *_").endswith(":")
        or _LIST_ITEM.match(ctx.text, max(line_start, prior.start)) is not None
    ):
        return False
    last = k - 1
    while last > 0 and not _WORDLIKE.search(ctx.text, prior.start, prior.end):
        last -= 1  # markup left alone after a bold line ("**")
        prior = ctx.sentences[last]
    spoken = [c for c in ctx.sentence_claimants(last) if c.via != "author"]
    return not (spoken and ctx.cues(prior.start, prior.end))


@cache
def _list_lead_words(lex: Lexicon) -> re.Pattern[str] | None:
    words = lex.data.get("carry", {}).get("list_leads", [])
    return phrase_pattern(words) if words else None


def _first_of_paragraph(ctx: Context, k: int) -> int:
    while k > 0 and ctx.paragraph_of[k - 1] == ctx.paragraph_of[k]:
        k -= 1
    return k


def _list_lead_ru(ctx: Context, i: int) -> tuple[Claimant, int] | None:
    """The speaker of a Russian lead paragraph that ends in a colon and
    announces someone's words ("X выступил с обращением. Что сказал
    президент:"), for the dashed items under it: the one named speaker of
    the lead, when the lead has a reporting verb or a noun of speech."""
    words = _list_lead_words(ctx.lex)
    if ctx.lex.lang != "ru" or words is None:
        return None
    k = _first_of_paragraph(ctx, i)
    if not _LIST_ITEM.match(ctx.text, ctx.sentences[k].start):
        return None
    while k > 0:
        last = k - 1
        while last > 0 and not _WORDLIKE.search(
            ctx.text, ctx.sentences[last].start, ctx.sentences[last].end
        ):
            last -= 1  # markup left alone after a bold line
        first = _first_of_paragraph(ctx, last)
        if _LIST_ITEM.match(ctx.text, ctx.sentences[first].start):
            k = first  # an earlier item of the same list
            continue
        s = ctx.sentences[last]
        if not ctx.text[s.start : s.end].rstrip(" *_").endswith(":"):
            return None
        start, end = ctx.sentences[first].start, s.end
        if not (ctx.cues(start, end) or words.search(ctx.text, start, end)):
            return None
        named = [
            c
            for j in range(first, last + 1)
            for c in ctx.sentence_claimants(j)
            if c.named and c.via != "author"
        ]
        if len({c.name for c in named}) != 1:
            return None
        return replace(named[-1], via="colon"), last
    return None


def _according_lead_uk(
    ctx: Context, s: Sentence, mentions: list[Claimant]
) -> Claimant | None:
    """The source a sentence opens with ("За словами X, ...", "Як йдеться у
    дописі X, ..."), named within a few words of the phrase of attribution."""
    m = _according_opening(ctx.lex).match(ctx.text, s.start)
    if m is None:
        return None
    near = [c for c in mentions if m.end() <= c.start <= m.end() + 40]
    return near[0] if near else None


def _captions_before(ctx: Context, i: int) -> int:
    """Sentences of a paragraph of its own shortly before sentence i of a
    Ukrainian text that name no action: a caption or a heading ("Сумська
    область. Фото: мапа ..."), which does not end the report around it."""
    if ctx.lex.lang != "uk":
        return 0
    count = 0
    for k in range(i - 1, max(-1, i - 1 - _CONTINUES_REACH), -1):
        s = ctx.sentences[k]
        if ctx.paragraph_of[k] == ctx.paragraph_of[i]:
            continue
        alone = (
            all(
                ctx.paragraph_of[n] != ctx.paragraph_of[k]
                for n in (k - 1, k + 1)
                if 0 <= n < len(ctx.sentences)
            )
            or ctx.text.count(" ", s.start, s.end) < 6
        )
        if alone and not ctx.lex.actions.pattern.search(ctx.text, s.start, s.end):
            count += 1
    return count


def _pronoun_speaks(ctx: Context, j: int) -> bool:
    """Whether sentence j opens with a pronoun speaking ("Він додав", "Она
    уточнила"): a reporting cue right after a pronoun of the lexicon's carry."""
    s = ctx.sentences[j]
    m = ctx.lex.carry.match(ctx.text, s.start)
    if m is None:
        return False
    cues = ctx.cues(s.start, s.end)
    return bool(cues) and not _WORDLIKE.search(ctx.text, m.end(), cues[0].start)


@cache
def _topic_words(lex: Lexicon) -> re.Pattern[str] | None:
    words = lex.data.get("carry", {}).get("topic", [])
    if not words:
        return None
    return re.compile(rf"\s+(?:{phrase_pattern(words).pattern})", re.IGNORECASE)


def _topic_lead(
    ctx: Context, mentions: list[Claimant], cues: list[Cue]
) -> Claimant | None:
    """The speaker of a lead that reports on a topic rather than a content
    clause ("Губернатор сообщил о массированной атаке", "Аналітики DeepState
    повідомляють про тенденцію"): the report runs on in the sentences after."""
    topic = _topic_words(ctx.lex)
    if topic is None or not cues:
        return None
    cue = cues[0]
    subject = [c for c in mentions if c.end <= cue.start]
    if not subject or not topic.match(ctx.text, cue.end):
        return None
    if not _TRAILING_SPEAKER.fullmatch(ctx.text, subject[-1].end, cue.start) and (
        _WORDLIKE.search(ctx.text, subject[-1].end, cue.start)
    ):
        return None  # the speaker must stand right before its verb
    return subject[-1]


_QUOTE_END = re.compile(r"[\"»”“][\s,–—-]*[,–—-][\s,–—-]*$")
_QUOTED_NAME = re.compile(r"[\"«„“][^\"«»„“”.!?]{1,40}$")


def _quotation_before(text: str, start: int, cue: int) -> bool:
    """Whether a quotation ends right before the cue ("...", — сказав X), as
    against a quoted name ("дронів "Shahed-136/131", інформує X")."""
    end = _QUOTE_END.search(text, start, cue)
    return end is not None and not _QUOTED_NAME.search(text, start, end.start())


# Between a trailing reporting verb and its speaker: at most a title's words.
_TRAILING_SPEAKER = re.compile(r"(?:\s+[^\W\d][\w'’.-]*){0,4}\s+")


_STATEMENTS_OF = re.compile(
    r"[\W_]*(?:\w+\s+){0,2}(?:заявлени[еяй]|тезис[ыов]*|слова)\s+", re.IGNORECASE
)


def _heading_attribution(ctx: Context, i: int) -> tuple[Claimant, int] | None:
    """The speaker a heading line names for the text under it: a line that is
    only a source and a colon ("**Минобороны РФ:**", markup and emoji aside)
    speaks everything after it, up to a sentence with a speaker of its own."""
    for j in range(i - 1, -1, -1):
        s = ctx.sentences[j]
        mentions = [c for c in ctx.sentence_claimants(j) if c.named]
        if len(mentions) == 1:
            c = mentions[0]
            colon = _COLON.match(ctx.text, c.end)
            opening = ctx.text[s.start : c.start]
            if (
                colon is not None
                and (
                    not _WORDLIKE.search(opening)
                    # "Другие заявления X:" heads a list of X's statements
                    or (ctx.lex.lang == "ru" and _STATEMENTS_OF.fullmatch(opening))
                )
                and not _WORDLIKE.search(ctx.text, colon.end(), s.end)
            ):
                return replace(c, via="colon"), j
        if mentions and ctx.cues(s.start, s.end):
            return None
    return None


_UNNAMED_OF_SIDE = {"russia": "Russian sources", "ukraine": "Ukrainian sources"}


def _already_claimed(ctx: Context, i: int, denied: Claim, earlier: list[Claim]) -> bool:
    """Whether the text stated the denied claim shortly before, with its
    claimant ("The ministry said it captured X. Kyiv denied that ... X")."""
    reach = ctx.sentences[max(0, i - 3)].start
    names = {p.name[:5].casefold() for p in denied.places}
    return any(
        c.action == denied.action
        and c.start >= reach
        and not _same_speaker(c.claimant, denied.claimant)
        and (
            names & {p.name[:5].casefold() for p in c.places}
            or (
                c.quantity
                and denied.quantity
                and c.quantity.value == denied.quantity.value
            )
        )
        for c in earlier
    )


def _same_speaker(a: Claimant, b: Claimant) -> bool:
    if a.registry_id or b.registry_id:
        return a.registry_id == b.registry_id
    return (a.name, a.start) == (b.name, b.start)


# From an action to the speaker of a relative clause after its object.
_RELATIVE_SPEAKER = re.compile(r"[^.;:!?]*?,\s+(?:which|who)\s+(?:the\s+)?", re.I)


def _other_speakers(
    ctx: Context,
    i: int,
    trigger: re.Match[str],
    made: list[Claim],
    cue: Cue | None,
    mood: Mood,
    earlier: list[Claim],
) -> list[Claim]:
    """The same claims for the frame's other speakers.

    Several subjects of one reporting verb each claim it ("The MoD and Russian
    milbloggers claimed"); a claim denied or disputed by a reporting verb is
    also the original claimant's claim ("the governor denied a commander's
    claims that ...": the commander asserts it), by "Russian sources" (or
    Ukrainian) when the text names none.
    """
    if not made:
        return []
    if ctx.lex.lang == "uk" and made[0].claimant.via == "trailing":
        return _trailing_speakers(ctx, made)
    if cue is None:
        return []
    speaker = made[0].claimant
    mentions = ctx.sentence_claimants(i)
    out: list[Claim] = []
    if speaker.via == "subject":
        last = speaker
        # Subjects joined before the speaker ("The MoD and milbloggers
        # claimed"; inverted, "повідомили голова КМВА X та прокуратура").
        floor = cue.end if cue.end <= speaker.start else 0
        for other in reversed(
            [c for c in mentions if floor <= c.start and c.end <= speaker.start]
        ):
            gap = ctx.text[other.end : last.start]
            # "Various Russian sources, including the 11th Regiment, claimed"
            if not (_LIST_GAP.fullmatch(gap) or _including(ctx.lex).fullmatch(gap)):
                break
            out += [replace(c, claimant=replace(other, via="subject")) for c in made]
            last = other
        if cue.end <= speaker.start:  # "повідомили X та Y": Y after the speaker
            last = speaker
            for other in [c for c in mentions if c.start >= speaker.end]:
                if not _LIST_GAP.fullmatch(ctx.text[last.end : other.start]):
                    break
                joined = replace(other, via="subject")
                out += [replace(c, claimant=joined) for c in made]
                last = other
    if (
        ctx.lex.lang == "en"
        and speaker.via == "subject"
        and cue.start >= trigger.end()
        and _RELATIVE_SPEAKER.fullmatch(ctx.text, trigger.end(), speaker.start)
    ):
        # "Russian forces struck X, which the MoD claimed was a strike on Y":
        # the main clause is the text's own, the relative clause the speaker's
        out += [replace(c, claimant=ctx.author, voice="author") for c in made]
    if (
        made[0].stance in ("denies", "disputes")
        and mood not in ("negated", "failed")
        and not _already_claimed(ctx, i, made[0], earlier)
    ):
        between = [
            c for c in mentions if cue.end <= c.start and c.end <= trigger.start()
        ]
        if cue.start >= trigger.end():  # "заяви РФ про захоплення X не відповідає
            between = [  # дійсності": the claim's owner stands before its action
                c
                for c in mentions
                if c.end <= trigger.start() and not _same_speaker(c, speaker)
            ][-1:]
        if between:
            original = replace(between[0], via="reported")
        else:
            side = _OTHER_SIDE.get(speaker.side, "unknown")
            name = _UNNAMED_OF_SIDE.get(side, "unnamed sources")
            original = Claimant(
                name, "unknown", False, side, cue.start, cue.end, via="reported"
            )
        out += [
            replace(c, claimant=original, stance="asserts", voice="attributed")
            for c in made + out
        ]
    return out


def _trailing_speakers(ctx: Context, made: list[Claim]) -> list[Claim]:
    """The same claims for the speakers joined after the first one of a later
    sentence's attribution ("Про це повідомили речник X та Генштаб": each one
    claims what came before)."""
    last = speaker = made[0].claimant
    out: list[Claim] = []
    j = sentence_at(ctx, speaker.start)
    for other in ctx.sentence_claimants(j):
        if other.start < speaker.end or other.via == "author":
            continue
        if not _LIST_GAP.fullmatch(ctx.text, last.end, other.start):
            break
        joined = replace(other, via="trailing")
        out += [replace(c, claimant=joined) for c in made]
        last = other
    return out


@cache
def _counted_only(lex: Lexicon) -> frozenset[str]:
    """Phrases of an action that state it only with a counted object."""
    return frozenset(
        phrase_key(p)
        for spec in lex.data.get("actions", {}).values()
        for p in spec.get("counted_only", [])
    )


@cache
def _false_adverbs(lex: Lexicon) -> re.Pattern[str] | None:
    words = lex.data["reporting"]["asserts"].get("false_adverbs", [])
    if not words:
        return None
    return re.compile(rf"(?:{phrase_pattern(words).pattern})\s+$", re.IGNORECASE)


@cache
def _false_after(lex: Lexicon) -> re.Pattern[str] | None:
    words = lex.data["reporting"]["asserts"].get("false_after", [])
    return phrase_pattern(words) if words else None


def _author_disputes(ctx: Context, made: list[Claim], cue: Cue | None) -> list[Claim]:
    """ "X falsely claimed that ...": the text's own voice disputes the claim
    it relays."""
    rx = _false_adverbs(ctx.lex)
    if rx is None or cue is None or cue.stance != "asserts" or not made:
        return []
    after = _false_after(ctx.lex)
    end = made[0].end
    if not rx.search(ctx.text, max(0, cue.start - 20), cue.start) and not (
        after is not None and after.search(ctx.text, made[0].action_end, end)
    ):
        return []
    out: dict[tuple[object, ...], Claim] = {}
    for c in made:  # one dispute per claim, however many made it
        if c.stance != "asserts" or c.claimant.via == "author":
            continue
        key = (
            c.action,
            tuple(p.start for p in c.places),
            c.quantity.start if c.quantity else None,
        )
        out.setdefault(
            key, replace(c, claimant=ctx.author, stance="disputes", voice="author")
        )
    return list(out.values())


@cache
def _including(lex: Lexicon) -> re.Pattern[str]:
    """The gap before a member named inside a group ("sources, including the
    X")."""
    words = lex.data["quantity"].get("breakdown", [])
    if not words or lex.lang != "en":
        return re.compile(r"(?!)")
    return re.compile(
        rf"\s*,\s*(?:{phrase_pattern(words).pattern})\s+(?:the\s+)?", re.IGNORECASE
    )


def _without_units(lex: Lexicon, gap: str) -> str:
    """A gap in a list of numbers, minus bare units ("500 soldiers, a tank and 3
    vehicles") and up to three describing words ("45 drones of aircraft type
    and two bombs")."""
    gap = lex.units.pattern.sub(" ", gap)
    return re.sub(r"^(?:\s+[^\W\d][\w-]*){1,3}(?=\s*,|\s+\w+\s*$)", "", gap)


def _pick_quantities(
    ctx: Context,
    span: tuple[int, int],
    units: tuple[str, ...],
    taken: frozenset[int] = frozenset(),
    action_start: int = -1,
    nearest: bool = False,
) -> list[FoundQuantity]:
    """The action's object quantity, and any that continue it as a list.

    "lost up to 480 servicemen, three tanks and 12 armoured vehicles" gives
    three quantities, one claim each. A quantity starting at one of ``taken``
    is already another action's object. With ``nearest`` (a subject before its
    verb) the list is the one that ends nearest the verb.
    """
    chain: list[FoundQuantity] = []
    last_end = -1
    first = _nearest_list(ctx, span, units, taken) if nearest else -1
    index = ctx.quantity_index()
    # no quantity that starts before this can reach the span
    begin = bisect_left(index.starts, span[0] - 1 - index.longest)
    for i in range(begin, len(ctx.quantities)):
        q = ctx.quantities[i]
        if q.elided_from is not None:
            continue
        if not chain:
            if q.quantity.start >= max(span):
                break  # past the span: nothing later opens the list
            if q.quantity.start in taken or q.quantity.start < first:
                continue
            # "90 of which were shot down": the part ends where its clause opens.
            opens = q.part and 0 <= span[0] - q.quantity.end <= 1
            inside = span[0] <= q.quantity.start < span[1] or opens
            if inside and q.category in units:
                chain.append(q)
                last_end = q.quantity.end
            continue
        gap = ctx.text[last_end : q.quantity.start]
        if q.part or not (
            _LIST_GAP.fullmatch(_without_units(ctx.lex, gap))
            or _breakdown(ctx.lex).fullmatch(gap)
            # "сбили 50 дронов: 20 — над X, 18 — над Y": a total, then its parts
            or (ctx.lex.lang == "ru" and _TOTAL_COLON.fullmatch(gap) is not None)
        ):
            break  # "120 drones, 90 of which were shot down": a new predicate
        verb = _verb_next(ctx.lex).match(ctx.text, q.quantity.end)
        if verb and verb.start("verb") != action_start:
            break  # "семь ракет, четыре ракеты были перехвачены": its own verb
        last_end = q.quantity.end
        if q.category in units:
            chain.append(q)
    # Items that leave the unit out continue the list they follow, up to one
    # that another action follows ("180 ликвидированы, 24 взяты в плен").
    starts = {q.quantity.start for q in chain}
    for q in index.elided:
        if q.elided_from in starts:
            own = _action_at(ctx, action_start, q.category)
            if q.next_action not in (None, action_start) and (
                own is None or _action_at(ctx, q.next_action, q.category) != own
            ):
                break
            chain.append(q)
    if not chain:  # the item right before this action is its quantity
        chain = [
            q
            for q in index.before_action.get(action_start, [])
            # (a number set off by dashes may lie past the dash that ends
            # the subject's clause: "дронів — 12 — збито")
            if span[0] <= q.quantity.start
            or (q.elided_from is None and span[1] <= action_start)
            # ("три ракеты сбиты, две — достигли цели": an item past the list's
            # dash that names its own action is that action's subject)
            or (q.elided_from is not None and ctx.lex.lang == "ru")
        ]
        # "найбільше дронів — 12 — збито над X, ще 5 — над Y": the list it opens
        starts = {q.quantity.start for q in chain if q.elided_from is None}
        chain += [q for q in index.elided if q.elided_from in starts]
    return sorted(chain, key=lambda q: q.quantity.start)


@cache
def _breakdown(lex: Lexicon) -> re.Pattern[str]:
    """A gap that opens the parts of a total ("300 drones, including 40
    missiles", "10 людей, серед них п'ятеро дітей"): each part is counted by
    the same action, unless a verb of its own follows it."""
    spec = lex.data["quantity"]
    words = spec.get("partitive_relative", []) + spec.get("breakdown", [])
    return re.compile(
        rf"[\s,;:—–-]*(?:{phrase_pattern(words).pattern})[\s,;:—–-]*", re.IGNORECASE
    )


@cache
def _verb_next(lex: Lexicon) -> re.Pattern[str]:
    """A verb right after a quantity: the quantity is that verb's subject."""
    aux = lex.passive_aux.pattern
    verbs = lex.actions.pattern.pattern
    return re.compile(rf"[\s*_]+(?:(?:{aux})\s+)?(?P<verb>{verbs})", re.I)


def _nearest_list(
    ctx: Context, span: tuple[int, int], units: tuple[str, ...], taken: frozenset[int]
) -> int:
    """Where the list of quantities that ends nearest the span's end starts."""
    index = ctx.quantity_index()
    listed = index.listed
    found = [
        n
        for n in range(
            bisect_left(index.listed_starts, span[0]),
            bisect_left(index.listed_starts, span[1]),
        )
        if listed[n].category in units and listed[n].quantity.start not in taken
    ]
    if not found:
        return -1
    n = found[-1]
    if n > 0 and partitive_gap(ctx.lex).fullmatch(
        ctx.text, listed[n - 1].quantity.end, listed[n].quantity.start
    ):
        n -= 1  # "7 of the 10 missiles were intercepted": the part is the subject
    while n > 0 and span[0] <= listed[n - 1].quantity.start:
        gap = ctx.text[listed[n - 1].quantity.end : listed[n].quantity.start]
        if not _LIST_GAP.fullmatch(_without_units(ctx.lex, gap)):
            break
        n -= 1
    return listed[n].quantity.start


@cache
def _counted_before(lex: Lexicon) -> re.Pattern[str] | None:
    """A bare number as the subject of a passive or elided action on people:
    "210 were killed and 150 wounded", "four killed and nine more hurt"."""
    spec = lex.data["quantity"]
    words = spec.get("counted_subject_words", [])
    if not words:
        return None
    aux = lex.passive_aux.pattern
    between = phrase_pattern(words).pattern
    return re.compile(
        rf"(?:^|[\s,;(*_])(?P<m>{bare_number(lex).pattern})"
        rf"\s+(?:(?:{between})\s+)?(?:(?:{aux})\s+)?$",
        re.IGNORECASE,
    )


def _people_before(ctx: Context, trigger: re.Match[str]) -> re.Match[str] | None:
    rx = _counted_before(ctx.lex)
    if rx is None:
        return None
    head = max(0, trigger.start() - 40)
    m = rx.search(ctx.text, head, trigger.start())
    if m is None:
        return None
    before = re.search(r"([\w-]+)\s*$", ctx.text[head : m.start("m")])
    if before and ctx.lex.data["time"]["months"].get(before.group(1).casefold()):
        return None  # "on January 31 were killed": a day, not a count
    return bare_number(ctx.lex).match(ctx.text, m.start("m"))


# "Число погибших выросло до семи", "До 12 возросло число раненых": a toll
# that rose to a figure (the figure after the verb, or before it, fronted).
_TOLL_NOUN = re.compile(r"\bчисл\w*\s+$", re.IGNORECASE)
_TOLL_VERB = r"(?:вырос\w*|возрос\w*|увеличил\w*|достиг\w*|составил\w*)"


@cache
def _toll_figures(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The figure after a toll's verb ("выросло до семи") and before it."""
    number = bare_number(lex).pattern
    return (
        re.compile(rf"{_TOLL_VERB}\s+(?:до\s+)?(?P<figure>{number})", re.IGNORECASE),
        re.compile(
            rf"(?:^|\s)до\s+(?P<figure>{number})\s+{_TOLL_VERB}\s+$", re.IGNORECASE
        ),
    )


def _toll(
    ctx: Context, trigger: re.Match[str], entry: ActionEntry, s: Sentence
) -> list[FoundQuantity]:
    """The figure a Russian casualty toll rose to: "Число погибших при ударе
    по X выросло до семи" counts seven killed."""
    if "personnel" not in entry.units or not _TOLL_NOUN.search(
        ctx.text, max(s.start, trigger.start() - 12), trigger.start()
    ):
        return []
    rose_to, rising_to = _toll_figures(ctx.lex)
    after = rose_to.search(ctx.text, trigger.end(), s.end)
    before = rising_to.search(ctx.text, s.start, trigger.start() - len("число "))
    m = after or before
    if m is None:
        return []
    figure = bare_number(ctx.lex).match(ctx.text, m.start("figure"))
    value = parse_number(figure.group("num"), ctx.lex) if figure else None
    if figure is None or value is None:
        return []
    return [exact_count(figure, value, "personnel", "personnel")]


def _people_counted(
    ctx: Context, trigger: re.Match[str], entry: ActionEntry
) -> list[FoundQuantity]:
    """A bare number right after an action on people counts people: "killed
    one and injured 11"."""
    if "personnel" not in entry.units:
        return []
    m = bare_number(ctx.lex).match(ctx.text, trigger.end() + 1)
    if m is None or not ctx.text[trigger.end() : m.start()].isspace():
        m = _people_before(ctx, trigger)
        if m is None:
            return []
    if re.match(r"-[^\W\d]", ctx.text[m.end() : m.end() + 2]):
        return []  # "травмовано 31-річного чоловіка": an age, not a count
    value = parse_number(m.group("num"), ctx.lex)
    unit = ctx.lex.units.pattern.match(ctx.text, m.end() + 1)
    if value is None or (unit is not None and ctx.text[m.end()].isspace()):
        return []  # "killed 40 soldiers" is a quantity of its own
    qualifier = ctx.lex.qualifiers.get(m.group("qual") or "")
    return [exact_count(m, value, "personnel", "personnel", qualifier)]


def _action_at(ctx: Context, start: int | None, category: str) -> str | None:
    """The neutral action of the phrase starting at ``start`` for a quantity of
    ``category`` ("уничтожены" of drones is shot down), if any."""
    if start is None or start < 0:
        return None
    m = ctx.lex.actions.pattern.match(ctx.text, start)
    if not m:
        return None
    entry = ctx.lex.actions[m.group()]
    return entry.action_by_unit.get(category, entry.action)


@cache
def _instrumental(lang: str, word: str) -> bool:
    """Whether a Russian or Ukrainian word can only be instrumental: after a
    passive it names the agent ("освобождены российскими войсками")."""
    if lang not in ("ru", "uk"):
        return False
    from foglift.geoparse.morphology import analyzer

    parses = analyzer(lang).parse(word)
    return bool(parses) and all("ablt" in p.tag for p in parses)


def _nominal(lang: str, phrase: str) -> bool:
    """Whether a Russian or Ukrainian phrase opens with a word that can only be
    a noun ("атаки дронов", "удара БПЛА"), not a verb or participle."""
    if lang not in ("ru", "uk"):
        return False
    return _noun_only(lang, phrase.split()[0].casefold())


@lru_cache(maxsize=4096)
def _noun_only(lang: str, word: str) -> bool:
    from foglift.geoparse.morphology import analyzer

    parses = analyzer(lang).parse(word)
    return bool(parses) and all(p.tag.POS == "NOUN" for p in parses)


@cache
def _agent_by(lex: Lexicon) -> re.Pattern[str]:
    """The agent of a passive or of a noun of action ("shelled by X",
    "обстрелу со стороны ВСУ", "обстрілу з боку РФ")."""
    words = lex.data.get("agents", {}).get("by", [])
    return re.compile(rf"\s+(?:{phrase_pattern(words).pattern})\s+", re.IGNORECASE)


@cache
def _place_subject(lex: Lexicon) -> re.Pattern[str]:
    """Predicates whose subject is the place acted on ("X came under attack",
    "X перейшло під контроль")."""
    return phrase_pattern(lex.data["places"].get("subject_of", []))


@cache
def _item_gap(lex: Lexicon) -> re.Pattern[str]:
    """A list's gap, where an item may take a preposition of its own ("у X,
    Y та поблизу Z", "near A and B, and south of C near D")."""
    spec = lex.data["places"]
    before = phrase_pattern(spec["before"]).pattern
    directional = phrase_pattern(spec["directional"]).pattern
    # "..., within 4km south of X": a distance before the direction
    units = [
        f for forms in lex.data["units"].get("distance", {}).values() for f in forms
    ]
    forms = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    distance = (
        rf"(?:\d+(?:[.,]\d+)?\s*(?:{forms})\s+)?"
        if units and spec.get("anchor_before")
        else ""
    )
    return re.compile(
        rf"{_LIST_GAP.pattern}(?:(?:{before})\s+)*{distance}(?:(?:{before})\s+)*"
        rf"(?:(?:{directional})\s+)*",
        re.IGNORECASE,
    )


@cache
def _gap_word(lex: Lexicon) -> re.Pattern[str]:
    """Any one word that a list's gap (``_item_gap``) may hold: a joining word,
    or a word of a preposition or a direction before a place."""
    spec = lex.data["places"]
    phrases = spec["before"] + spec["directional"]
    words = {w for phrase in phrases for w in phrase.split()}
    joining = ["and", "as", "well", "и", "а", "также", "і", "й", "та", "також"]
    return phrase_pattern(sorted(words) + joining)


_GAP_TOKEN = re.compile(r"[^\s,]+")


def _gap_blocked(ctx: Context, start: int) -> int:
    """Where the first word after ``start`` that no list's gap may hold ends:
    a gap from ``start`` past it never matches ``_item_gap``, whose words are
    separated by spaces and commas, so a list is not looked for beyond it."""
    allowed = _gap_word(ctx.lex)
    for m in _GAP_TOKEN.finditer(ctx.text, start):
        if m.start() == start or not allowed.fullmatch(ctx.text, m.start(), m.end()):
            return m.end()
    return len(ctx.text)


def _places_in(ctx: Context, *spans: tuple[int, int]) -> tuple[PlaceMention, ...]:
    """Places inside the spans, and the list they start ("X, Y and Z")."""
    by_id = {id(p): p for a, b in spans for p in ctx.places_starting_in(a, b)}
    found = sorted(by_id.values(), key=lambda p: (p.start, p.end))
    if not found:
        return ()
    # A window that opens inside a list ("Іванівка та Петрівка були звільнені":
    # the subject's window starts after "та") takes the list's first items too.
    k = ctx.first_place_from(found[0].start)  # (what ctx.places.index finds)
    while ctx.places[k] != found[0]:
        k += 1
    while k > 0 and _LIST_GAP.fullmatch(
        ctx.text, ctx.places[k - 1].end, found[0].start
    ):
        k -= 1
        found.insert(0, ctx.places[k])
    gap_rx = _item_gap(ctx.lex)
    # Extend over a list ("X, Y and Z"); a tail joined by commas alone is not
    # a list ("Kupiansk, Kyiv says").
    chain: list[tuple[PlaceMention, bool]] = []
    last = found[-1]
    anchored = _anchor_link(ctx.lex)
    blocked = _gap_blocked(ctx, last.end)
    for k in range(ctx.first_place_from(last.end), len(ctx.places)):
        p = ctx.places[k]
        if p.start - last.end > 120 and p.start >= blocked:
            break  # every later gap holds a word no list's gap holds
        # matched in place: slicing every gap made a long text's many places
        # quadratic in its length; only a short gap may hold an anchor in
        # brackets ("X (5 km east of Y), Z and W")
        if p.start >= last.end and (
            gap_rx.fullmatch(ctx.text, last.end, p.start)
            or (anchored is not None and _is_anchor(ctx, last, p))
            or (
                p.start - last.end <= 120
                and gap_rx.fullmatch(_BRACKETED.sub("", ctx.text[last.end : p.start]))
            )
        ):
            chain.append((p, ctx.text[last.end : p.start].strip() != ","))
            last = p
            blocked = _gap_blocked(ctx, last.end)
    listed = list(chain)
    while chain and not chain[-1][1]:
        chain.pop()
    if not chain and len(listed) >= 2:
        chain = listed  # three names in a row by commas are a list ("A, B, C")
    if not chain and listed and _ends_clause(ctx, listed[-1][0].end):
        # "продолжают освобождать A, B.": two names by a comma that end the
        # sentence are a list too (no verb follows to make B its subject).
        chain = listed
    result = found + [p for p, _ in chain]
    if anchored is None:
        return tuple(result)
    # "south of X near Y and Z": X only locates Y and Z
    return tuple(
        p
        for k, p in enumerate(result)
        if not (k + 1 < len(result) and _is_anchor(ctx, p, result[k + 1]))
    )


@cache
def _anchor_link(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Before and after an anchor: "<direction> of" X "near" Y."""
    spec = lex.data["places"]
    if not spec.get("anchor_before") or not spec.get("anchor_links"):
        return None
    before = phrase_pattern(spec["anchor_before"]).pattern
    links = phrase_pattern(spec["anchor_links"]).pattern
    return (
        re.compile(rf"(?:{before})\s+(?:the\s+)?$", re.IGNORECASE),
        re.compile(rf"\s+(?:{links})\s+(?:the\s+)?", re.IGNORECASE),
    )


def _is_anchor(ctx: Context, anchor: PlaceMention, place: PlaceMention) -> bool:
    """Whether ``anchor`` is named only to locate ``place`` right after it:
    "south of Bakhmut near Kurdyumivka"."""
    link = _anchor_link(ctx.lex)
    if link is None or place.start <= anchor.end:
        return False
    before, between = link
    return bool(
        between.fullmatch(ctx.text, anchor.end, place.start)
        and before.search(ctx.text, max(0, anchor.start - 30), anchor.start)
    )


_CLAUSE_END = re.compile(r"[\s*_]*(?:[.!?…;]|\n|$)")


def _ends_clause(ctx: Context, end: int) -> bool:
    """Whether a Russian or Ukrainian sentence ends right after ``end``."""
    return ctx.lex.lang in ("ru", "uk") and bool(_CLAUSE_END.match(ctx.text, end))


@cache
def _relative_tail(lex: Lexicon) -> re.Pattern[str] | None:
    words = lex.data["clauses"].get("relative", [])
    if not words:
        return None
    return re.compile(rf",\s*(?:{phrase_pattern(words).pattern})\s*$", re.IGNORECASE)


def _antecedent(ctx: Context, subject: tuple[int, int]) -> tuple[int, int]:
    """The place a relative clause opened right before the action's subject is
    about: "Lyman, which Russian forces captured" (an empty span when none)."""
    tail = _relative_tail(ctx.lex)
    if tail is None:
        return subject[0], subject[0]
    m = tail.search(ctx.text, max(0, subject[0] - 20), subject[0])
    if m is None:
        return subject[0], subject[0]
    place = next((p for p in ctx.places if p.end == m.start()), None)
    return (place.start, place.end) if place else (subject[0], subject[0])


@cache
def _cues(lex: Lexicon) -> frozenset[str]:
    return frozenset(w.casefold() for w in lex.data["places"]["before"] if " " not in w)


@cache
def _reference(lex: Lexicon) -> re.Pattern[str] | None:
    nouns = lex.data["places"].get("reference_nouns", [])
    return phrase_pattern(nouns) if nouns else None


def _referred_place(
    ctx: Context,
    trigger: re.Match[str],
    obj: tuple[int, int],
    before: bool = False,
    claims: Sequence[Claim] = (),
) -> tuple[PlaceMention, ...]:
    """The place a definite noun as the object names again: in "claimed to
    have entered the city", the city is the last place named before, in the
    same paragraph, unless a region or a country. With ``before``, ``obj`` is
    the noun itself, standing before the action. In Russian, the place of the
    last claim of the paragraph comes first: "бои за X ... с выходом через Y.
    Бои за город ...", the city fought for is X, not Y on the way."""
    reference = _reference(ctx.lex)
    m = reference.search(ctx.text, *obj) if reference else None
    if m is None:
        return ()
    # Only a preposition may stand between: "shelling in the city", not "hold
    # positions on the edge of the village" (a part of it, not the place).
    between = re.findall(r"[\w'-]+", ctx.text[trigger.end() : m.start()])
    # ("зайшли ще глибше в центр міста": the centre of the place is the place)
    centre = ctx.lex.data["places"].get("reference_centre", [])
    between = [w for w in between if w.casefold() not in centre]
    if not before and (
        len(between) > 1 or not all(w.casefold() in _cues(ctx.lex) for w in between)
    ):
        return ()
    regions = _region_nouns(ctx.lex)
    if ctx.lex.lang == "ru" and claims:
        last = claims[-1]
        settlements = [
            p
            for p in last.places
            if p.name.split()[-1] not in regions and p.name not in _countries(ctx.lex)
        ]
        if (
            len(settlements) == 1
            and settlements[0].end <= m.start()
            and "\n\n" not in ctx.text[settlements[0].end : m.start()]
        ):
            return (settlements[0],)
    for p in reversed(ctx.places):
        if p.end > min(trigger.start(), m.start()):
            continue
        # (a Ukrainian report's paragraphs are short: the noun reaches the
        # paragraph before, "Бої в X.\n\nОкупанти зайшли в центр міста")
        breaks = 1 if ctx.lex.lang == "uk" else 0
        if ctx.text.count("\n\n", p.end, m.start()) > breaks or m.start() - p.end > 400:
            return ()
        if p.name.split()[-1] in regions or p.name in _countries(ctx.lex):
            continue
        if ctx.lex.lang == "uk" and _axis_after(ctx, p):
            continue  # "на Покровському напрямку": a direction, no settlement
        if ctx.text.rfind("(", 0, p.start) > ctx.text.rfind(")", 0, p.start):
            continue  # an anchor in brackets: "X (north of Y) ... the city" is X
        if ctx.lex.lang == "uk" and _DISTANCE_FROM.search(
            ctx.text, max(0, p.start - 40), p.start
        ):
            continue  # "X, яке за 23 км від Y": Y only locates X
        return (p,)
    return ()


def _referred_before_count_uk(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[PlaceMention, ...]:
    """The settlement a noun before a counted action names again, in a phrase
    of its sentence ("у боях за село знищили 5 танків"): the last settlement
    named before, as for a noun after the action."""
    reference = _reference(ctx.lex)
    found = (
        list(reference.finditer(ctx.text, s.start, trigger.start()))
        if reference
        else []
    )
    if not found:
        return ()
    m = found[-1]
    return _referred_place(ctx, trigger, (m.start(), m.end()), before=True)


def _axis_after(ctx: Context, p: PlaceMention) -> bool:
    """Whether a noun of a front's axis follows the name ("Покровському
    напрямку"): the name is then an adjective of a direction."""
    axis = phrase_pattern(ctx.lex.data["places"].get("axis_nouns", []))
    return axis.match(ctx.text, _skip_blank(ctx.text, p.end)) is not None


# "за 15 кілометрів від", "в 5 км від": a distance anchoring the place after it
_DISTANCE_FROM = re.compile(r"\d+\s*(?:км|кілометр\w*|м|метр\w*)\s+від\s+$")


@cache
def _target_gap(lex: Lexicon) -> re.Pattern[str]:
    """The gap before the next of a list of targets, each with its place: ",
    as well as a clinic in the northern X", "and the Y Air Base"."""
    spec = lex.data["places"]
    joiners = phrase_pattern(lex.data["quantity"].get("list_joiners", [])).pattern
    locative = phrase_pattern(spec.get("locative", [])).pattern
    directional = phrase_pattern(spec["directional"]).pattern
    return re.compile(
        # ("in X and Y Oblasts, and a missile attack in Z": the region noun)
        rf"(?:\s+(?:{phrase_pattern(spec['region_nouns']).pattern}))?"
        rf"\s*(?:,\s*(?:(?:{joiners})\s+)?|\s(?:{joiners})\s+)"
        rf"(?:(?:[\w'’-]+\s+){{0,6}}?(?:{locative})\s+)?"
        rf"(?:(?:{directional}|[\w-]+['’]s)\s+)*",
        re.IGNORECASE,
    )


def _further_targets(
    ctx: Context, places: tuple[PlaceMention, ...], s: Sentence
) -> tuple[PlaceMention, ...]:
    """A strike's further targets, each with its own place: "hit a substation
    in X, as well as a school in Y"; "struck a site in occupied X, a hub in
    occupied Y and a plant in Z"."""
    found = list(places)
    gap_rx = _target_gap(ctx.lex)
    # (the caller keeps what follows the given places as targets of their own)
    actions = ctx.lex.actions.pattern
    for p in ctx.places:
        last = found[-1]
        if p.start <= last.end or p.start >= s.end:
            continue
        if re.search(r"['’]s$", p.name):
            continue  # "in Russia's western X": whose it is, not where
        if p.start - last.end > 120:
            break
        gap = _BRACKETED.sub("", ctx.text[last.end : p.start])
        # (a comma alone sets off a qualifying region: "X, Poltava Oblast")
        if len(gap) > 80 or not gap_rx.fullmatch(gap) or not re.search(r"\w", gap):
            break
        if any(
            _mood(ctx, m, s, False) not in ("attributive", "other_sense")
            for m in actions.finditer(ctx.text, last.end, p.start)
        ):
            break  # a verb of its own: "..., and Russian forces shelled Y"
        found.append(p)
    return tuple(found)


_PARTICIPLE_OPENS = re.compile(r"(?:,|\sand)\s*(?:\w+ly\s+)?$")
# "seven were killed and eight more hurt in X": coordinated actions on people
_COORDINATED = re.compile(r"\s*(?:,\s*)?and\s+(?:[\w'’-]+\s+){0,4}")
# "Один погиб и ещё двое ранены после атак по X" (markup may sit between)
_COORDINATED_RU = re.compile(r"[\s*_]*(?:,\s*)?и\s+(?:[\w'’*-]+\s+){0,4}")


def _shared_places(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """English and Russian actions joined by "and" in one clause share the
    place named after the last: "were killed and eight more hurt in X" (both
    in X)."""
    if ctx.lex.lang not in ("en", "ru"):
        return claims
    coordinated = _COORDINATED if ctx.lex.lang == "en" else _COORDINATED_RU
    out = list(claims)
    for k in range(len(out) - 2, -1, -1):
        c, d = out[k], out[k + 1]
        if (
            c.places
            or not d.places
            or c.start != d.start
            or c.claim_type not in ("losses", "strike")
            or d.claim_type not in ("losses", "strike")
            or c.action_end > d.action_start
            or not coordinated.fullmatch(ctx.text, c.action_end, d.action_start)
        ):
            continue
        out[k] = replace(c, places=d.places)
    return out


def _participle_places(
    ctx: Context, trigger: re.Match[str], s: Sentence, claims: list[Claim]
) -> tuple[PlaceMention, ...]:
    """An English participle clause after a comma happens where its main
    clause does: "struck a mall in X, likely killing many civilians"."""
    if ctx.lex.lang != "en" or not trigger.group().endswith("ing"):
        return ()
    if not _PARTICIPLE_OPENS.search(
        ctx.text, max(s.start, trigger.start() - 20), trigger.start()
    ):
        return ()
    main = [c for c in claims if c.start == s.start and c.action_end < trigger.start()]
    if not main or not main[-1].places:
        return ()
    # "launched attacks on X and Y, deploying 70 missiles": the main clause made
    # one claim per place, and the participle happens at all of them
    if ctx.lex.lang == "en":
        shared = [c for c in main if c.action_start == main[-1].action_start]
        return tuple(dict.fromkeys(p for c in shared for p in c.places))
    return main[-1].places


def _places_before(
    ctx: Context,
    i: int,
    trigger: re.Match[str],
    action: str,
    claims: list[Claim],
    counted: bool = False,
) -> tuple[PlaceMention, ...]:
    """Where a Ukrainian report's unplaced action happened: where the claim of
    the clause before it in the sentence did ("тривають бої, наші підрозділи
    відбивають атаки"), or, for damage and casualties, where the last claim of
    the sentence before did ("Росіяни вдарили по X. Пошкоджено будинок")."""
    if ctx.lex.lang != "uk":
        return ()
    s = ctx.sentences[i]
    same = [c for c in claims if c.start == s.start and c.action_end <= trigger.start()]
    if same:
        if re.search(r"вши(?:сь)?$", trigger.group()) and same[-1].places:
            # "контролюють X, захопивши його": the adverbial participle names
            # how the same event came about, no claim of its own
            return ()
        return same[-1].places
    if i == 0 or action not in (_COUNTED_AFTER if counted else _CONSEQUENCES):
        return ()
    countries = _countries(ctx.lex)
    if ctx.paragraph_of[i - 1] == ctx.paragraph_of[i]:
        prior = ctx.sentences[i - 1]
        earlier = [
            c
            for c in claims
            if c.start == prior.start
            # a country is too wide to place what follows ("атакували Україну")
            and any(p.name not in countries for p in c.places)
        ]
        if earlier:
            return earlier[-1].places
    if _AMONG_UK.search(ctx.text, s.start, trigger.start()):
        # "Серед поранених троє дітей": a part of the people counted in the
        # sentence before, whatever paragraph that sentence opens
        prior = ctx.sentences[i - 1]
        whole = [
            c
            for c in claims
            if c.start == prior.start and c.action == action and c.places
        ]
        if whole:
            return whole[-1].places
    if counted and action in _CONSEQUENCES:
        return _struck_before(ctx, i, claims)
    return ()


_AMONG_UK = re.compile(r"(?<![\w'’-])серед\s+$", re.IGNORECASE)


def _struck_before(
    ctx: Context, i: int, claims: list[Claim]
) -> tuple[PlaceMention, ...]:
    """Counted damage or casualties a few sentences after a strike, with no
    place named in between ("Дрон влучив у X. Виникла пожежа. Пошкоджено 3
    будинки"): where the strike was, over one paragraph break at most."""
    countries = _countries(ctx.lex)
    for j in range(i - 1, max(-1, i - 4), -1):
        if ctx.paragraph_of[i] - ctx.paragraph_of[j] > 1:
            return ()
        sentence = ctx.sentences[j]
        struck = [
            c
            for c in claims
            if c.start == sentence.start
            and c.action in _ATTACKS
            and any(p.name not in countries for p in c.places)
        ]
        if struck:
            # (strikes on several places leave the count's place open)
            named = {p.name for c in struck for p in c.places}
            return struck[-1].places if len(named) == len(struck[-1].places) else ()
        if ctx.places_starting_in(sentence.start, sentence.end):
            return ()
    return ()


_DISTRICTS_OF = re.compile(r"\s+район\w*\s+$", re.IGNORECASE)


def _city_of_districts(
    ctx: Context, places: tuple[PlaceMention, ...]
) -> tuple[PlaceMention, ...]:
    """ "у Соборному та Центральному районах Дніпра": city districts named by
    their adjectives locate the claim in the city named after them."""
    for n in range(len(places) - 1, -1, -1):
        city = next(
            (
                q
                for q in ctx.places_starting_in(places[n].end, places[n].end + 20)
                if _DISTRICTS_OF.match(ctx.text[places[n].end : q.start])
            ),
            None,
        )
        if city is not None:
            return (city, *(p for p in places[n + 1 :] if p != city))
    return places


def _launched_wholes(ctx: Context, made: list[Claim]) -> list[Claim]:
    """ "збили 20 із 24 дронів": the whole is what the other side
    launched, a claim beside the one shot down."""
    out: list[Claim] = []
    for c in made:
        if c.quantity is None:
            continue
        gap = partitive_gap(ctx.lex).match(ctx.text, c.quantity.end)
        if gap is None:
            continue
        whole = next(
            (q for q in ctx.quantities_starting_in(gap.end(), gap.end() + 1)),
            None,
        )
        if whole is None or whole.category != "aerial":
            continue
        out.append(
            replace(
                c,
                action="launched",
                claim_type="strike",
                quantity=whole.quantity,
                agent_side=_OTHER_SIDE.get(c.agent_side, "unknown"),
            )
        )
    return out


def _elliptical_claims(ctx: Context, i: int, claims: list[Claim]) -> list[Claim]:
    """A Ukrainian sentence with numbers but no verb ("Загалом 7 будинків та 3
    багатоповерхівки.") counts what the last claim of the sentence before
    acted on: one claim per number, as that claim's."""
    if ctx.lex.lang != "uk" or i == 0:
        return []
    if ctx.paragraph_of[i - 1] != ctx.paragraph_of[i]:
        return []
    prior = ctx.sentences[i - 1]
    last = [c for c in claims if c.start == prior.start]
    if not last or last[-1].quantity is not None:
        return []
    claim = last[-1]
    entry = ctx.lex.actions.get(claim.action_as_stated)
    if entry is None:
        return []
    s = ctx.sentences[i]
    found = [
        q
        for q in ctx.quantities
        if s.start <= q.quantity.start < s.end and q.category in entry.units
    ]
    return [
        replace(claim, quantity=q.quantity, start=s.start, end=s.end) for q in found
    ]


# "На X напрямку – у районах A, B": a staff report's direction, a dash, then
# where the fighting went on, with no verb of its own.
_DIRECTION_DASH = re.compile(r"\s+напрям(?:ку|ках)\s*[–—-]\s*", re.I)
_DIRECTION_AFTER = re.compile(r"\s+напрям(?:ок|ку|ках|ки)\b", re.I)
_ENGAGEMENTS = frozenset({"attacked", "repelled", "fighting"})


def _listed_engagements(ctx: Context, i: int, claims: list[Claim]) -> list[Claim]:
    """A verbless Ukrainian staff line after a sentence counting attacks ("Ворог
    атакував 12 разів. На Північному напрямку – у районах A та B.") lists where
    those attacks were: one claim per settlement, as the attack claim's, with
    the direction it is listed under."""
    if ctx.lex.lang != "uk" or i == 0:
        return []
    if ctx.paragraph_of[i - 1] != ctx.paragraph_of[i]:
        return []
    s = ctx.sentences[i]
    if not _DIRECTION_DASH.search(ctx.text, s.start, s.end):
        return []
    prior = ctx.sentences[i - 1]
    last = [
        c
        for c in claims
        if c.start == prior.start
        and c.action in _ENGAGEMENTS
        and c.claim_type == "other"
    ]
    if not last:
        return []
    claim = last[0]
    nouns = _region_nouns(ctx.lex)
    out: list[Claim] = []
    direction: PlaceMention | None = None
    for p in ctx.places_starting_in(s.start, s.end):
        if _DIRECTION_AFTER.match(ctx.text, p.end):
            direction = p
            continue
        if _is_region(nouns, p):
            continue
        places = (p,) if direction is None else (direction, p)
        out.append(
            replace(claim, quantity=None, places=places, start=s.start, end=s.end)
        )
    return out


# "Йдеться про села A та B": the sentence names what the one before counted.
_NAMING_LEAD_UK = re.compile(r"[\s*_«\"]*(?:й|і)детьс[яь]\s+про\b", re.I)


def _counted_settlements_named(
    ctx: Context, i: int, claims: list[Claim]
) -> list[Claim]:
    """A Ukrainian sentence that names the settlements the sentence before
    counted ("заперечили захоплення двох сіл біля X. Йдеться про A та B.")
    makes one claim per settlement named of each counted claim, in its place."""
    if ctx.lex.lang != "uk" or i == 0:
        return claims
    if ctx.paragraph_of[i - 1] != ctx.paragraph_of[i]:
        return claims
    s = ctx.sentences[i]
    if not _NAMING_LEAD_UK.match(ctx.text, s.start, s.end):
        return claims
    prior = ctx.sentences[i - 1]
    nouns = _region_nouns(ctx.lex)
    named = [
        p for p in ctx.places_starting_in(s.start, s.end) if not _is_region(nouns, p)
    ]
    out: list[Claim] = []
    for c in claims:
        counted = (
            c.start == prior.start
            and c.quantity is not None
            and c.quantity.unit == "settlement"
            and (c.quantity.value or 0) == len(named)
        )
        if not counted:
            out.append(c)
            continue
        out += [replace(c, quantity=None, places=(p,)) for p in named]
    return out


# What may follow the last place of a list that ends its sentence: the noun
# the list shares ("A й B громади").
_LIST_TAIL_UK = re.compile(r"\s*(?:громад\w*|район\w*|област\w*)?[\s*_]*[.!?…]?\s*")


def _listed_after_comma_uk(
    ctx: Context, obj: tuple[int, int], s: Sentence
) -> tuple[PlaceMention, ...]:
    """The places of a Ukrainian subject list whose first item is a common
    noun ("Потерпали райцентр, A й B громади"): the comma after that noun ends
    the object window, but the list runs on to the end of the sentence."""
    if len(re.findall(r"[\w'’-]+", ctx.text[obj[0] : obj[1]])) > 2:
        return ()
    comma = re.compile(r",\s*").match(ctx.text, obj[1], s.end)
    if comma is None:
        return ()
    after = ctx.places_starting_in(comma.end(), s.end)
    if not after or after[0].start != comma.end():
        return ()
    found = _places_in(ctx, (after[0].start, after[0].end))
    if not _LIST_TAIL_UK.fullmatch(ctx.text, found[-1].end, s.end):
        return ()
    return found


# "використали", "використавши": a launch only with the weapons counted.
_USED_UK = re.compile(r"використа|застосувавши", re.I)
# "применили тротил для подрыва": a use with no weapon counted launches nothing
_USED_RU = re.compile(r"примен", re.I)


def _fronted_locative(
    ctx: Context, s: Sentence, before: int
) -> tuple[PlaceMention, ...]:
    """The place an English sentence opens with ("In nearby X, 210 were
    killed"): where every strike or loss in it happened, when none is named."""
    if ctx.lex.lang != "en":
        return ()
    first = next((p for p in ctx.places if s.start <= p.start < before), None)
    if first is None or not ctx.text.startswith(",", first.end):
        return ()
    lead = ctx.text[s.start : first.start]
    words = re.findall(r"[\w'’-]+", lead)
    if not words or words[0].casefold() not in _locatives(ctx.lex):
        return ()
    return (first,) if _located(ctx, lead) and len(words) <= 4 else ()


def _earlier_place(
    ctx: Context, i: int, trigger: re.Match[str], strike: bool, claims: list[Claim]
) -> tuple[PlaceMention, ...]:
    """Where a strike, its damage or a loss happened when its own clause names
    no place, in Russian posts: a place another clause of its sentence locates
    with a preposition after the action ("ударила по складу, где хранят
    зерно, в Курской области"), the settlement of a claim before it in the
    sentence ("10 жителей X получили ранения при атаке БПЛА"), a place
    located before it ("Взрыв прогремел в цеху в Липецке, упал беспилотник";
    a settlement before the region that qualifies it); for
    the consequence of an attack (``strike``: damage, an interception), else
    the place of the attack claimed in one of the two sentences before ("Дроны
    атаковали нефтебазу в X. Произошло возгорание")."""
    s = ctx.sentences[i]
    located = [
        p for p in ctx.places if s.start <= p.start < s.end and _located_by(ctx, p)
    ]
    actions = ctx.lex.actions.pattern
    for p in located:
        if p.start >= trigger.end() and not actions.search(
            ctx.text, trigger.end(), p.start
        ):
            return (p,)
    regions = _region_nouns(ctx.lex)
    for c in reversed(claims):  # "10 жителей X в ДНР ранены при атаке БПЛА"
        if c.start != s.start:
            break
        named = [p for p in c.places if p.name.split()[-1] not in regions]
        if named:
            return (named[0],)
    before = [p for p in located if p.end <= trigger.start()]
    settlements = [p for p in before if p.name.split()[-1] not in regions]
    if settlements or before:
        return ((settlements or before)[0],)
    attack = _attack_before(ctx, i, claims) if strike else None
    return attack.places[:1] if attack is not None else ()


@cache
def _region_reference(lex: Lexicon) -> re.Pattern[str] | None:
    nouns = lex.data["places"].get("region_reference", [])
    return phrase_pattern(nouns) if nouns else None


def _referred_region(
    ctx: Context, trigger: re.Match[str], obj: tuple[int, int]
) -> tuple[PlaceMention, ...]:
    """The region a noun names again as the target ("сообщил об атаке
    беспилотников на регион"): the last region named before, in the same
    paragraph ("Губернатор Брянской области сообщил ...")."""
    reference = _region_reference(ctx.lex)
    m = reference.search(ctx.text, *obj) if reference else None
    if m is None:
        return ()
    between = re.findall(r"[\w'-]+", ctx.text[trigger.end() : m.start()])
    if len(between) > 3:
        return ()
    head = max(0, trigger.start() - 400, ctx.text.rfind("\n\n", 0, trigger.start()))
    regions = _region_nouns(ctx.lex)
    found = [
        p
        for p in ctx.places
        if head <= p.start
        and p.end <= trigger.start()
        and p.name.split()[-1] in regions
    ]
    # (a region in an official's title is no place mention: "Губернатор
    # Брянской области сообщил")
    titled = [
        PlaceMention(r.group(), r.start(), r.end())
        for r in _REGION_PHRASE.finditer(ctx.text, head, trigger.start())
    ]
    last = max([*found, *titled], key=lambda p: p.start, default=None)
    return (last,) if last is not None else ()


def _where_cause_struck_uk(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[PlaceMention, ...]:
    """Where casualties happened, from the strike their cause phrase names
    after them ("постраждала людина внаслідок обстрілів в X області")."""
    end = _window_end(ctx.lex, ctx.text, trigger.end(), s.end)
    cause = _cause(ctx.lex).search(ctx.text, trigger.end(), end)
    if cause is None or ctx.text[trigger.end() : cause.start()].strip(" ,"):
        return ()
    return tuple(
        p
        for p in ctx.places_starting_in(cause.end(), end)
        if (w := _word_before(ctx, cause.end(), p.start))
        and w.casefold() in _locatives(ctx.lex)
    )[:1]


# the target of a strike in a cause phrase: "по X", "на X", "у X", "по двох
# районах X" (a settlement after the districts it names)
# a cause opening a sentence, with either form of the preposition (у/в
# alternate by sound: "унаслідок", "внаслідок")
_FRONTED_CAUSE_UK = re.compile(
    r"\s*(?:[ув]наслідок|[ув] результаті|через|після)\s", re.IGNORECASE
)
_STRUCK_AT_UK = re.compile(r"(?:по|на|у|в|район\w*)", re.IGNORECASE)


def _fronted_cause_place_uk(
    ctx: Context, trigger: re.Match[str], s: Sentence
) -> tuple[PlaceMention, ...]:
    """Where casualties happened, from the strike a cause phrase opening their
    sentence names ("Унаслідок ударів, завданих по X, загинули двоє"): the
    first place it targets, when no other claim of the sentence took it."""
    cause = _FRONTED_CAUSE_UK.match(ctx.text, s.start, trigger.start())
    if cause is None:
        return ()
    countries = _countries(ctx.lex)
    for p in ctx.places_starting_in(cause.end(), trigger.start()):
        w = _word_before(ctx, cause.end(), p.start)
        if p.name not in countries and w and _STRUCK_AT_UK.fullmatch(w):
            return (p,)
    return ()


_IN_COMMUNITIES_OF = re.compile(r"\s+громад\w*\s+$", re.IGNORECASE)


def _counted_in_region_uk(
    ctx: Context, trigger: re.Match[str], obj: tuple[int, int]
) -> tuple[PlaceMention, ...]:
    """The region a count spans, named again by its noun after the
    communities it counts ("у 17 громадах області"): the last region named
    before, within a short report (over its paragraph breaks)."""
    reference = _region_reference(ctx.lex)
    m = reference.search(ctx.text, *obj) if reference else None
    if m is None or not _IN_COMMUNITIES_OF.search(ctx.text, obj[0], m.start()):
        return ()
    # (an oblast: by its one-word name or its noun, not a community or a raion)
    oblasts = phrase_pattern(
        [*ctx.lex.data["places"].get("region_names", []), "област*", "обл."]
    )
    head = max(0, trigger.start() - 600)
    found = [
        p
        for p in ctx.places
        if head <= p.start
        and p.end <= trigger.start()
        and oblasts.fullmatch(p.name.split()[-1])
    ]
    return (found[-1],) if found else ()


_REGION_PHRASE = re.compile(
    r"[А-ЯЁ][а-яё-]+(?:ой|ей|ого|ом)\s+(?:области|областью|края|крае|краем)"
    r"|(?:Республик[аиуе]|Республикой)\s+[А-ЯЁ][а-яё-]+"
)


def _figure_restated(
    ctx: Context,
    claims: list[Claim],
    action: str,
    found: FoundQuantity,
    places: tuple[PlaceMention, ...],
) -> bool:
    """Whether a Russian text already claims this action with this figure,
    at these places or more ("Около 180 боевиков ликвидировано в районе X. ...
    Около 180 боевиков ликвидированы, 24 взяты в плен"): a post that says its
    figure again makes one claim. (A Ukrainian report quoting its own lead
    does the same: "відбило 5 атак. ... «відбили 5 атак»".)"""
    if ctx.lex.lang not in ("ru", "uk") or found.quantity.value is None:
        return False
    names = {name_key(p.name) for p in places}
    return any(
        c.action == action
        and c.quantity is not None
        and c.quantity.value == found.quantity.value
        and c.quantity.unit == found.quantity.unit
        and names <= {name_key(p.name) for p in c.places}
        for c in claims
    )


def _said_again(
    ctx: Context,
    claims: list[Claim],
    s: Sentence,
    action: str,
    places: tuple[PlaceMention, ...],
) -> bool:
    """Whether a Russian sentence already claims damage at these places, for
    a damage with no count of its own: a consequence told twice ("обломки
    упали на склад, что привело к возгоранию") is one claim."""
    if ctx.lex.lang != "ru" or action != "damaged":
        return False
    names = [p.name for p in places]
    return any(
        c.start == s.start
        and c.action == action
        and [p.name for p in c.places] == names
        for c in claims
    )


_ARRIVAL = re.compile(r"(?:прилетел|прилетел[аио]|врезал)\w*\s", re.IGNORECASE)
_ADJECTIVE_NAME = re.compile(r"(?:ск|цк)(?:ий|ой|ая|ое|ие)$")


def _hit_told_again(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """A Russian post that tells where a weapon arrived ("беспилотник прилетел
    в приют в X") after its own strike claim ("дрон атаковал приют в области")
    tells the same strike again: one claim, placed at the settlement when the
    first named only the region."""
    if ctx.lex.lang != "ru":
        return claims
    regions = partial(_is_region, _region_nouns(ctx.lex))
    out: list[Claim] = []
    for claim in claims:
        earlier = [
            n
            for n, e in enumerate(out)
            if e.action == "struck" and _same_speaker(e.claimant, claim.claimant)
        ]
        if (
            claim.action != "struck"
            or not _ARRIVAL.match(claim.action_as_stated + " ")
            or (claim.quantity is not None and claim.quantity.value != 1)
            or not earlier
        ):
            out.append(claim)
            continue
        first = out[earlier[-1]]
        if (
            claim.places
            and first.places
            and all(regions(p) for p in first.places)
            and not any(
                regions(p) or _ADJECTIVE_NAME.search(p.name) for p in claim.places
            )
        ):
            out[earlier[-1]] = replace(first, places=claim.places)
    return out


_DESTINATION = re.compile(
    r"(?:летевш|летящ|летел|летевш|направлявш|направлял|направлен)\w*"
    r"[\s*_]+(?:на|в|во|в\s+сторону)[\s*_]+$",
    re.IGNORECASE,
)


def _without_destinations(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """A Russian weapon's destination ("беспилотники, летевшие на Москву,
    сбиты в округах X и Y") is not where the claim happened, nor is a whole
    country: the places it was downed or struck at are; with none other
    named, a counted claim keeps no place rather than those."""
    if ctx.lex.lang != "ru":
        return claims
    out: list[Claim] = []
    for claim in claims:
        kept = tuple(
            p
            for p in claim.places
            if not _DESTINATION.search(ctx.text, max(0, p.start - 40), p.start)
            # "на территории Украины поражены": a whole country is no place
            and p.name not in _countries(ctx.lex)
        )
        kept = tuple(
            p for n, p in enumerate(kept) if not (n and _qualifies(ctx, kept[n - 1], p))
        )
        if kept != claim.places and (kept or claim.quantity is not None):
            claim = replace(claim, places=kept)
        elif claim.places and not kept:
            # only a destination: the place the weapon was met at follows it
            # ("атаку дрона, летевшего на Москву, в Раменском"), unless another
            # claim of the same words has it already
            if any(
                c.action_start == claim.action_start and c is not claim and c.places
                for c in claims
            ):
                continue
            after = [
                p
                for p in ctx.places_starting_in(claim.places[-1].end, claim.end)
                if not _DESTINATION.search(ctx.text, max(0, p.start - 40), p.start)
            ]
            if not after:
                continue
            claim = replace(claim, places=(after[0],))
        out.append(claim)
    return out


_QUALIFIER_GAP = re.compile(r"[\s*_,]*(?:в|во)[\s*_]+$", re.IGNORECASE)


def _qualifies(ctx: Context, place: PlaceMention, region: PlaceMention) -> bool:
    """Whether a Russian region right after a settlement locates it ("Дальнее
    в ДНР", "X в Запорожской области"): a qualifier, not a place of its own."""
    if not _is_region(_region_nouns(ctx.lex), region) or _is_region(
        _region_nouns(ctx.lex), place
    ):
        return False
    return bool(_QUALIFIER_GAP.fullmatch(ctx.text, place.end, region.start))


_FIRE = re.compile(r"(?:горит|горят|горел\w*|пожар\w*)\b", re.IGNORECASE)
_STRIKE_NAMED = re.compile(
    r"БПЛА|беспилот|дрон|ракет|удар|атак|прил[её]т|обстрел|взрыв|ВСУ", re.IGNORECASE
)


def _fire_alone(ctx: Context, trigger: re.Match[str]) -> bool:
    """Whether a Russian fire ("горит нефтебаза", "пожар на заводе") is told in
    a text that names no strike: a fire is war damage only beside an attack,
    a weapon or an explosion, not a fire of any cause."""
    if ctx.lex.lang != "ru" or not _FIRE.match(trigger.group()):
        return False
    return _STRIKE_NAMED.search(ctx.text) is None


def _counted_already(ctx: Context, trigger: re.Match[str], taken: set[int]) -> bool:
    """Whether an action word is the unit of a number an earlier action took
    ("зафиксировано 40 обстрелов": the shelling is what was counted)."""
    near = ctx.quantities_starting_in(trigger.start() - 80, trigger.start())
    return any(
        q.quantity.start in taken and trigger.end() <= q.quantity.end for q in near
    )


def _settlement_for_region(
    ctx: Context,
    s: Sentence,
    places: tuple[PlaceMention, ...],
    claims: list[Claim],
) -> tuple[PlaceMention, ...]:
    """A strike or loss located only by a region ("в ДНР") happened in the
    settlement a claim before it in the sentence names within that region ("10
    жителей Горловки в ДНР ранены при атаке БПЛА": the attack was on Горловка)."""
    regions = _region_nouns(ctx.lex)
    if not all(p.name.split()[-1] in regions for p in places):
        return places
    for c in reversed(claims):
        if c.start != s.start:
            break
        named = [p for p in c.places if p.name.split()[-1] not in regions]
        if named and any(q.name == p.name for q in c.places for p in places):
            return (named[0],)
    return places


# the rest of a clause that places its event where the text has just been
_IN_THE_AREA = re.compile(
    r"[^.;:]{0,80}?\b(?:in|near|around)\s+the\s+(?:same\s+)?(?:area|vicinity)\b",
    re.IGNORECASE,
)


@cache
def _wide_areas(lex: Lexicon) -> re.Pattern[str] | None:
    words = lex.data["places"].get("wide_areas", [])
    return phrase_pattern(words) if words else None


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " *_":
        pos += 1
    return pos


def _may_take_place(
    ctx: Context,
    entry: ActionEntry,
    trigger: re.Match[str],
    quantities: list[FoundQuantity],
) -> bool:
    """Whether an action with no place of its own may take one from another
    clause (``_earlier_place``): in Russian, a count ("двое пострадали") or a
    strike named by a verb or with its weapon ("упал беспилотник"), not by a
    bare noun ("бежали подальше от обстрелов") nor a loss with no number
    ("потерял контроль над собой"), nor one whose object is several areas
    ("атаковали несколько регионов")."""
    if ctx.lex.lang == "en":
        # "..., with at least 30 others wounded"; "Drones hit X. Two people
        # were injured": people counted hurt where the strike was
        # (not materiel "lost", which may be lost anywhere, unless the clause
        # says it was where the text has just been: "destroyed a tank in the
        # area")
        return bool(quantities) and (
            entry.action in ("killed", "injured")
            or _IN_THE_AREA.match(ctx.text, trigger.end()) is not None
        )
    if ctx.lex.lang != "ru":
        return False
    wide = _wide_areas(ctx.lex)
    if wide is not None and wide.match(ctx.text, _skip_blank(ctx.text, trigger.end())):
        return False  # "атаковали несколько регионов России": no one place
    if quantities:
        return True
    bare_noun = len(trigger.group().split()) == 1 and _nominal("ru", trigger.group())
    return entry.claim_type == "strike" and not bare_noun


def _attack_before(ctx: Context, i: int, claims: list[Claim]) -> Claim | None:
    """The attack claimed with a place in one of the two sentences before
    sentence ``i`` (a post's paragraphs are short: "Дроны атаковали аэродром
    X. Всё длилось десять минут.\n\nДроны были сбиты")."""
    previous = ctx.sentences[max(0, i - 2)]
    for c in reversed(claims):
        if c.action_start < previous.start:
            break
        if c.action_start < ctx.sentences[i].start and c.action in _ATTACKS:
            return c if c.places else None
    return None


def _weapons_named_again(
    ctx: Context, i: int, window: tuple[int, int], claims: list[Claim]
) -> list[FoundQuantity]:
    """The count of an attack's weapons for their interception, when the
    weapons are named again without a number ("Три дрона атаковали аэродром
    X. Дроны были сбиты"): the unit noun of the attack's quantity, in the
    plural (a singular one counts one by itself)."""
    attack = _attack_before(ctx, i, claims)
    if attack is None or attack.quantity is None or attack.quantity.value is None:
        return []
    for m in ctx.lex.units.pattern.finditer(ctx.text, *window):
        found = ctx.lex.units.get(m.group())
        if found is not None and found == (attack.quantity.unit, "aerial"):
            return [FoundQuantity(attack.quantity, "aerial")]
    return []


def _nothing_happened(ctx: Context, trigger: re.Match[str], s: Sentence) -> bool:
    """Whether the clause of a consequence says there was none ("никто не
    пострадал", "разрушений нет")."""
    a = max(s.start, ctx.text.rfind(",", s.start, trigger.start()) + 1)
    b = ctx.text.find(",", trigger.end(), s.end)
    clause = ctx.text[a : b if b >= 0 else s.end]
    words = {w.casefold() for w in re.findall(r"[\w-]+", clause)}
    return bool(words & _NONE_WORDS)


_NONE_WORDS = frozenset(["не", "нет", "ни", "никто", "ничего", "без"])


def _located_by(ctx: Context, p: PlaceMention) -> bool:
    """Whether a preposition of place stands right before a place ("в X")."""
    if p.name in _countries(ctx.lex):
        return False
    head = re.search(r"([\w-]+)\s+$", ctx.text[max(0, p.start - 30) : p.start])
    if head is not None and head.group(1).casefold() in _locatives(ctx.lex):
        return True
    if ctx.lex.lang != "ru":
        return False
    # "над акваторией Северной стороны X": the part of X named between
    part = _PART_BEFORE.search(ctx.text, max(0, p.start - 60), p.start)
    return (
        part is not None
        and part.group(1).casefold() in _locatives(ctx.lex)
        and agrees_with_noun("ru", part.group(2), part.group(3))
    )


_PART_BEFORE = re.compile(r"([\w-]+)\s+([А-ЯЁ][\w-]*)\s+([а-яё][\w-]*)\s+$")


_OBJECT_PRONOUN = re.compile(r"\s+it\b", re.IGNORECASE)
_FOUGHT_FOR = frozenset(["territorial", "objects"])


def _place_fought_for(
    ctx: Context, s: Sentence, trigger: re.Match[str]
) -> tuple[PlaceMention, ...]:
    """Where English losses were suffered when their sentence fights for a
    place by a pronoun before them ("after months of trying to take it, the
    army lost 300 men"): the settlement named last before that sentence, in
    its paragraph (not a region or a country)."""
    if ctx.lex.lang != "en":
        return ()
    fought = any(
        m.end() <= trigger.start()
        and ctx.lex.actions[m.group()].claim_type in _FOUGHT_FOR
        and _OBJECT_PRONOUN.match(ctx.text, m.end())
        for m in ctx.lex.actions.pattern.finditer(ctx.text, s.start, trigger.start())
    )
    if not fought:
        return ()
    regions = _region_nouns(ctx.lex)
    # ("X, a small village in Y Oblast": a name its apposition makes a place,
    # though no preposition cues it)
    named = [
        PlaceMention(m.group(1), m.start(1), m.end(1))
        for m in _APPOSED_SETTLEMENT.finditer(ctx.text, max(0, s.start - 400), s.start)
    ]
    for p in sorted([*ctx.places, *named], key=lambda p: p.end, reverse=True):
        if p.end > s.start:
            continue
        if "\n\n" in ctx.text[p.end : s.start] or s.start - p.end > 400:
            return ()
        if p.name.split()[-1] in regions or p.name in _countries(ctx.lex):
            continue
        return (p,)
    return ()


_APPOSED_SETTLEMENT = re.compile(
    r"\b([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:village|town|city|settlement)\b"
)


def _referred_place_before(
    ctx: Context, trigger: re.Match[str], subject: tuple[int, int]
) -> tuple[PlaceMention, ...]:
    """The settlement a noun names again where the action happens, before it
    ("У районі населеного пункту тривають бої", "в этом городе идут бои"): in
    Russian and Ukrainian the place of an event often stands first."""
    reference = _reference(ctx.lex)
    if reference is None or ctx.lex.lang not in ("ru", "uk"):
        return ()
    found = [m for m in reference.finditer(ctx.text, *subject)]
    if not found or _WORDLIKE.search(ctx.text, found[-1].end(), trigger.start()):
        return ()  # the noun must stand right before the action
    m = found[-1]
    head = re.search(r"([\w'’-]+)\s+$", ctx.text[subject[0] : m.start()])
    # "що населений пункт перебуває під контролем": the noun as the subject
    # of holding names the place held
    held = ctx.lex.lang == "uk" and ctx.lex.actions[trigger.group()].action == "held"
    if not held and (
        head is None or head.group(1).casefold() not in _locatives(ctx.lex)
    ):
        return ()  # "в цьому населеному пункті", not "Населений пункт X"
    return _referred_place(ctx, trigger, (m.start(), m.end()), before=True)


def _reference_subject_uk(
    ctx: Context,
    trigger: re.Match[str],
    subject: tuple[int, int],
    places: tuple[PlaceMention, ...],
) -> tuple[PlaceMention, ...]:
    """A Ukrainian subject that names the settlement again by a noun ("Населений
    пункт знаходиться на півночі X і перейшов під контроль"): the settlement
    named before is the place, and the region X only locates it."""
    reference = _reference(ctx.lex)
    if reference is None or not places:
        return places
    nouns = _region_nouns(ctx.lex)
    if not all(_is_region(nouns, p) for p in places):
        return places
    m = re.compile(rf"[\s*_]*(?:{reference.pattern})", re.I).match(
        ctx.text, subject[0], subject[1]
    )
    if m is None:
        return places
    referred = _referred_place(ctx, trigger, (subject[0], m.end()), before=True)
    return referred or places


_CAPITAL_WORD_UK = r"[А-ЯІЇЄҐ][\w'’-]*"


def _places_after_colon(ctx: Context, end: int, limit: int) -> tuple[PlaceMention, ...]:
    """The places a movement names after a colon ending its object
    ("продвинулись на трёх направлениях: в сторону A, B и C"), in Russian and
    Ukrainian, when only prepositions stand between the colon and them."""
    if ctx.lex.lang not in ("ru", "uk"):
        return ()
    # (a Ukrainian list may follow a dash: "з напрямків — A, B")
    mark = r"[:—–]" if ctx.lex.lang == "uk" else ":"
    colon = re.compile(rf"[\s*_]*{mark}").match(ctx.text, end)
    if colon is None:
        return ()
    after = ctx.places_starting_in(colon.end(), limit)
    if not after or not _item_gap(ctx.lex).fullmatch(
        " , " + ctx.text[colon.end() : after[0].start].strip() + " "
    ):
        return ()
    found = _places_in(ctx, (after[0].start, after[0].end))
    if ctx.lex.lang == "uk":
        found = _sites_by_country_uk(ctx, found, limit)
    return found


# between launch sites listed by country ("A, B — РФ, C — Крим"): a comma, after
# a dash and the country the sites before it are in
_SITE_GAP_UK = re.compile(rf"\s*(?:[—–]\s*{_CAPITAL_WORD_UK}\s*)?,\s*")


def _sites_by_country_uk(
    ctx: Context, found: tuple[PlaceMention, ...], limit: int
) -> tuple[PlaceMention, ...]:
    """A list of launch sites goes on past the country tagging the ones before
    ("з напрямків — A, B — РФ, C — Крим"); the tags are no sites."""
    if not found:
        return found
    sites = list(found)
    for p in ctx.places_starting_in(sites[-1].end, limit):
        if p.start < sites[-1].end:
            continue
        if _SITE_GAP_UK.fullmatch(ctx.text, sites[-1].end, p.start):
            sites.append(p)
        elif not re.fullmatch(r"\s*[—–]\s*", ctx.text[sites[-1].end : p.start]):
            break
    return tuple(sites)


def _kept_with_lists(
    ctx: Context,
    places: tuple[PlaceMention, ...],
    keep: Callable[[PlaceMention], bool],
) -> tuple[PlaceMention, ...]:
    """The places ``keep`` accepts, with the list each one starts ("біля A, B
    та C": B and C stand where A does)."""
    kept: list[PlaceMention] = []
    item_gap = _LIST_GAP if ctx.lex.lang != "en" else _located_item_gap(ctx.lex)
    for p in places:
        gap = _BRACKETED.sub("", ctx.text[kept[-1].end : p.start]) if kept else ""
        listed = kept and item_gap.fullmatch(gap)
        if kept and not listed and _part_of(ctx.lex).fullmatch(gap):
            continue  # "X on the northern outskirts of Y": Y only locates X
        if listed or keep(p):
            kept.append(p)
    return tuple(kept)


@cache
def _located_item_gap(lex: Lexicon) -> re.Pattern[str]:
    """A list's gap with the next item's own preposition ("in X, as well as in
    Y")."""
    locative = phrase_pattern(lex.data["places"].get("locative", [])).pattern
    return re.compile(rf"{_LIST_GAP.pattern}(?:(?:{locative})\s+)?", re.IGNORECASE)


@cache
def _part_of(lex: Lexicon) -> re.Pattern[str]:
    """A gap naming a part of the place after it ("on the outskirts of")."""
    spec = lex.data["places"]
    areas = spec.get("area_nouns", [])
    if not areas:
        return re.compile(r"(?!)")
    directional = phrase_pattern(spec["directional"]).pattern
    locative = phrase_pattern(spec.get("locative", [])).pattern
    return re.compile(
        rf"\s*,?\s*(?:{locative})\s+(?:(?:{directional})\s+)*"
        rf"(?:{phrase_pattern(areas).pattern})\s+of\s+",
        re.IGNORECASE,
    )


@cache
def _apposition(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data["quantity"].get("breakdown", [])
    return re.compile(
        rf"\s*(?:[—–:]|,?\s*(?:{phrase_pattern(words).pattern})[\s:—–-]*)\s*",
        re.IGNORECASE,
    )


def _appositive_places(ctx: Context, end: int) -> tuple[PlaceMention, ...]:
    """The settlements a count names after a dash, a colon or "including":
    "освободили три населённых пункта — A, B и C", "liberated 13 settlements,
    including A and B" are claims about each of them."""
    after = [p for p in ctx.places if p.start >= end]
    if not after or not _apposition(ctx.lex).fullmatch(ctx.text, end, after[0].start):
        return ()
    chain = [after[0]]
    for p in after[1:]:
        if not _LIST_GAP.fullmatch(ctx.text[chain[-1].end : p.start]):
            break
        chain.append(p)
    return tuple(chain)


@cache
def _countries(lex: Lexicon) -> Table[bool]:
    return Table(dict.fromkeys(lex.data["places"].get("countries", []), True))


@cache
def _locatives(lex: Lexicon) -> frozenset[str]:
    return frozenset(w.casefold() for w in lex.data["places"].get("locative", []))


@cache
def _place_lead(lex: Lexicon) -> re.Pattern[str]:
    """The words a place's preposition may stand before ("in the southern X",
    "at the X rail station", "in a residential area of X")."""
    spec = lex.data["places"]
    directional = phrase_pattern(spec["directional"]).pattern
    areas = (
        phrase_pattern(spec.get("area_nouns", [])).pattern
        if spec.get("area_nouns")
        else None
    )
    part = rf"|(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?(?:{areas})\s+of" if areas else ""
    return re.compile(
        rf"([\w-]+)[\s*_«\".]*(?:(?:{directional}{part})[\s*_«\".]+)*$", re.I
    )


def _located(ctx: Context, gap: str) -> bool:
    """Whether a gap before a place ends with a preposition of place, a
    determiner or a directional word between ("struck a post in the southern X")."""
    before = _place_lead(ctx.lex).search(gap)
    return before is not None and before.group(1).casefold() in _locatives(ctx.lex)


_WORD_BEFORE = re.compile(r"([\w-]+)[\s*_«\".]*$")
# An adjective in an oblique case before a Russian or Ukrainian name ("в районе
# приграничного Рыльска"): the preposition stands before it.
_OBLIQUE_ADJECTIVE = re.compile(
    r"([\w-]+)\s+[^\W\dA-ZА-ЯЁІЇЄҐ][\w-]*"
    r"(?:ого|его|ому|ему|ом|ем|ой|ей|ых|их|ім|ій|ої)[\s*_«\".]*$"
)


def _word_before(ctx: Context, start: int, end: int) -> str | None:
    """The word right before ``end`` (from ``start``), past one oblique
    adjective in Russian and Ukrainian."""
    if ctx.lex.lang in ("ru", "uk"):
        m = _OBLIQUE_ADJECTIVE.search(ctx.text, start, end)
        if m is not None and m.group(1).casefold() in _locatives(ctx.lex):
            return m.group(1)
    m = _WORD_BEFORE.search(ctx.text, start, end)
    return m.group(1) if m else None


def _acts_on_place(
    ctx: Context, trigger: re.Match[str], place: PlaceMention, where: bool = False
) -> bool:
    """Whether only object words stand between the action and the place; with
    ``where``, a place after a preposition of place is where it happened ("нанесли
    ракетный удар по усадьбе в Курской области")."""
    if where and re.sub(r"['’]s$", "", place.name) in _countries(ctx.lex):
        return False  # "strikes against Ukraine": a whole country is no place
    if place.end <= trigger.start():
        if not where or _place_subject(ctx.lex).fullmatch(trigger.group()):
            return True  # the passive subject: "Avdiivka was captured"
        # Before the verb, only where it happened ("В Белгороде повреждены"),
        # not whose official speaks ("Губернатор Брянской области сообщил").
        head = _word_before(ctx, max(0, place.start - 60), place.start)
        located = head is not None and head.casefold() in _locatives(ctx.lex)
        return located and place.name not in _countries(ctx.lex)
    if where and place.name not in _countries(ctx.lex):  # not "in Ukraine"
        if _located(ctx, ctx.text[trigger.end() : place.start]):
            return True
        before = _word_before(ctx, trigger.end(), place.start)
        if before and before.casefold() in _locatives(ctx.lex):
            return True
    between = list(ctx.text[trigger.end() : place.start])
    # "Novoselivka in Ukraine's Donetsk region"
    for other in ctx.places_starting_in(trigger.end(), place.start + 1):
        if other.end <= place.start:
            between[other.start - trigger.end() : other.end - trigger.end()] = " " * (
                other.end - other.start
            )
    words = re.findall(r"[\w'-]+", "".join(between))
    adjectives = _before_settlement_noun(ctx, words)
    return all(
        w in ctx.lex.object_words
        or w.isdigit()
        or (w[0].isupper() and w.endswith("'s"))
        or (where and w in ctx.lex.units)  # the weapon: "атакував дроном X"
        or k in adjectives
        for k, w in enumerate(words)
    )


def _before_settlement_noun(ctx: Context, words: list[str]) -> frozenset[int]:
    """The indices of adjectives right before a settlement's noun ("прикордонне
    село X", "невеликому місті X"), read with pymorphy3, in Ukrainian."""
    nouns = ctx.lex.data["places"].get("settlement_nouns", [])
    if not nouns or len(words) < 2:
        return frozenset()
    from foglift.extract.lexicon import _morph

    heads = {n.casefold() for n in nouns if " " not in n}
    out: set[int] = set()
    for k in range(len(words) - 2, -1, -1):
        after = words[k + 1].casefold()
        if after not in heads and k + 1 not in out:
            continue
        if words[k][:1].islower() and any(
            p.tag.POS == "ADJF" for p in _morph(ctx.lex.lang).parse(words[k])
        ):
            out.add(k)
    return frozenset(out)


def _object_unit(ctx: Context, span: tuple[int, int]) -> re.Match[str] | None:
    """The first unit word in an object, past whom a place was cleared of
    ("зачистили від окупантів село X" takes a village, not people)."""
    cleared = {w.casefold() for w in ctx.lex.data["places"].get("cleared_of", [])}
    for unit in ctx.lex.units.pattern.finditer(ctx.text, *span):
        # (Ukrainian lets adjectives stand between: "від російських окупантів")
        reach = r"(?:\s+[\w'-]+){0,2}" if ctx.lex.lang == "uk" else ""
        before = re.search(rf"([\w'-]+){reach}\s+$", ctx.text[span[0] : unit.start()])
        if before is None or before.group(1).casefold() not in cleared:
            return unit
    return None


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
    return _statement_day(ctx, s)


def _statement_day(ctx: Context, s: Sentence) -> TimeSpan | None:
    """A claim that states no time is dated by its statement: the text's own
    publication (a post, a report), an empty span at the sentence's start."""
    if ctx.published is None:
        return None
    return TimeSpan(
        ctx.published, ctx.published, "", "date", s.start, s.start,
        anchor=ctx.published, anchor_from="published",
        note="the date of the statement; the claim gives none",
    )  # fmt: skip


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
        check_time()
        if s.start <= pos < s.end:
            return i
    return len(ctx.sentences) - 1


def _nobody_says(ctx: Context, i: int, speaker: Claimant, cue: Cue) -> bool:
    """ "Neither Russian nor Ukrainian sources reported fighting": a reporting
    verb whose subject is negated says nobody claims it."""
    words = ctx.lex.data.get("mood", {}).get("negated_subjects", [])
    if not words or speaker.via != "subject" or speaker.end > cue.start:
        return False
    s = ctx.sentences[i]
    head = ctx.text[max(s.start, speaker.start - 25) : speaker.start]
    found = phrase_pattern(words).search(head)
    return found is not None and not re.search(r"[,.;:!?]", head[found.end() :])


def _mood(ctx: Context, trigger: re.Match[str], s: Sentence, quantified: bool) -> Mood:
    """The action's mood in its own clause (see ``extract.mood``)."""
    bounds = [
        b.end() for b in _boundary(ctx.lex).finditer(ctx.text, s.start, trigger.start())
    ]
    clause_start = max([s.start, *bounds])
    return action_mood(
        ctx.lex, ctx.text, clause_start, trigger, (s.start, s.end), quantified
    )


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


def _quantity_groups(
    ctx: Context,
    quantities: list[FoundQuantity],
    places: tuple[PlaceMention, ...],
    limit: int,
) -> list[tuple[FoundQuantity | None, tuple[PlaceMention, ...]]]:
    """One claim per quantity; in a list by place ("8 — над Курской, 4 — над
    Брянской") each number keeps the places written after it."""
    if not any(q.elided_from is not None for q in quantities):
        groups: list[tuple[FoundQuantity | None, tuple[PlaceMention, ...]]] = []
        for q in quantities:
            settlements = [p for p in places if p.start > q.quantity.end]
            whole = [
                p
                for p in settlements
                if ctx.lex.lang == "uk"
                and q.quantity.unit == "percent"
                and _share_gap(ctx.lex).fullmatch(ctx.text, q.quantity.end, p.start)
            ]
            if whole:  # "60% Лимана та 40% Сіверська": a share of the place after
                groups.append((q, tuple(whole[:1])))
            elif q.each and len(settlements) > 1:  # "по 4 — над X, Y і Z"
                groups += [(q, (p,)) for p in settlements]
            else:
                groups.append((q, places))
        return groups
    groups = []
    # "внаслідок атаки на X постраждали 5 людей, двоє у важкому стані": a
    # number with no place of its own is where the place before the list is
    fronted = tuple(p for p in places if p.end <= quantities[0].quantity.start)
    for n, q in enumerate(quantities):
        end = quantities[n + 1].quantity.start if n + 1 < len(quantities) else limit
        own = tuple(p for p in ctx.places if q.quantity.end <= p.start < end)
        if not own and ctx.lex.lang == "uk":
            own = fronted
        if q.each and len(own) > 1:  # "по 3 — над Белгородской и Тульской"
            groups += [(q, (p,)) for p in own]
        else:
            groups.append((q, own))
    return groups


@cache
def _share_gap(lex: Lexicon) -> re.Pattern[str]:
    """Between a share and its place: nothing or a settlement noun ("80% міста
    X")."""
    nouns = phrase_pattern(lex.data["places"].get("directional", [])).pattern
    return re.compile(rf"\s+(?:(?:{nouns})\s+)?", re.IGNORECASE)


def _repeated(claims: list[Claim]) -> list[Claim]:
    """Claims the text states again ("захоплення 80% X" in a report and in the
    quote it relays) are one claim: the first statement is kept."""
    seen: set[tuple[object, ...]] = set()
    out: list[Claim] = []
    for c in claims:
        key = (
            c.claimant.name,
            c.stance,
            c.action,
            c.quantity.value if c.quantity else None,
            tuple(p.name for p in c.places),
        )
        if c.places and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _claim_groups(
    ctx: Context,
    quantities: list[FoundQuantity],
    places: tuple[PlaceMention, ...],
    territorial: bool,
    limit: int = 0,
) -> list[tuple[FoundQuantity | None, tuple[PlaceMention, ...]]]:
    """One claim per quantity; without one, per settlement ("liberated X and Y").

    Regions named beside the settlements ("X in Donetsk region") stay with each
    claim as context instead of becoming claims of their own.
    """
    if quantities:
        return _quantity_groups(ctx, quantities, places, limit)
    region_nouns = _region_nouns(ctx.lex)
    near = _proximity(ctx.lex)
    regions = tuple(
        p
        for n, p in enumerate(places)
        if p.name.split()[-1] in region_nouns and not _listed_between(ctx, places, n)
    )
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


def _listed_between(ctx: Context, places: tuple[PlaceMention, ...], n: int) -> bool:
    """Whether place n, a one-word name that may be a region ("Запорожье"),
    stands inside a list of settlements ("в Одессе, Запорожье, Кривом Роге"):
    then it is an item of the list, the city, not a region qualifying one."""
    if not 0 < n < len(places) - 1 or " " in places[n].name.strip():
        return False
    if ctx.lex.lang not in ("ru", "uk"):
        return False
    nouns = _region_nouns(ctx.lex)
    before, here, after = places[n - 1], places[n], places[n + 1]
    return (
        before.name.split()[-1] not in nouns
        and after.name.split()[-1] not in nouns
        and bool(_LIST_GAP.fullmatch(ctx.text, before.end, here.start))
        and bool(_LIST_GAP.fullmatch(ctx.text, here.end, after.start))
    )


_OTHER_SIDE: dict[str, Side] = {"russia": "ukraine", "ukraine": "russia"}


@cache
def _agent_words(lex: Lexicon) -> tuple[Table[bool], Table[bool]]:
    spec = lex.data.get("agents", {})
    return (
        Table(dict.fromkeys(spec.get("own", []), True)),
        Table(dict.fromkeys(spec.get("enemy", []), True)),
    )


@dataclass(frozen=True, slots=True)
class _Sides:
    """The sides a stretch of text names: by a source's name, by a side word,
    by "our" (the claimant's side) and by "the enemy" (the other one)."""

    claimant: Side = "unknown"
    word: Side = "unknown"
    own: Side = "unknown"
    enemy: Side = "unknown"


_LONGEST_QUANTITY = 500


def _sides_in(ctx: Context, a: int, b: int, claimant: Claimant) -> _Sides:
    own_words, enemy_words = _agent_words(ctx.lex)
    by_name: Side = "unknown"
    by_word: Side = "unknown"
    own: Side = "unknown"
    enemy: Side = "unknown"
    for c in ctx.claimants_starting_in(a, b + 1):
        if c.end <= b and c.side in ("russia", "ukraine"):
            # (a quantity's words are far fewer than this many characters)
            near = ctx.quantities_starting_in(c.start - _LONGEST_QUANTITY, c.start + 1)
            if any(q.quantity.start <= c.start < q.quantity.end for q in near):
                continue  # a number ("два") read as a source's name is neither
            by_name = c.side
    for word in re.finditer(r"[\w'’-]+", ctx.text[a:b]):
        w = word.group()
        side = ctx.lex.side_words.get(w)
        if side in ("russia", "ukraine"):
            by_word = "russia" if side == "russia" else "ukraine"
        elif w in own_words and claimant.side in ("russia", "ukraine"):
            own = claimant.side
        elif w in enemy_words and claimant.side in _OTHER_SIDE:
            enemy = _OTHER_SIDE[claimant.side]
    return _Sides(by_name, by_word, own, enemy)


def side_in(
    ctx: Context, a: int, b: int, claimant: Claimant, *, words: bool = True
) -> tuple[Side, Side]:
    """(side of the last side word or source named in text[a:b], side of the
    last own/enemy word there, from the claimant's point of view)."""
    found = _sides_in(ctx, a, b, claimant)
    named = found.word if words and found.word != "unknown" else found.claimant
    relative = found.own if found.own != "unknown" else found.enemy
    return named, relative


def _first(*sides: Side) -> Side:
    return next((s for s in sides if s != "unknown"), "unknown")


def _flip(side: Side) -> Side:
    return _OTHER_SIDE.get(side, "unknown")


# These nouns stand in the nominative only in that form ("атакували російські
# військові", "зайшла ворожа піхота"; the object would be "військових",
# "піхоту"): after the verb such a noun is the subject that acted.
_ANIMATE_SUBJECT_UK = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:військові|окупанти|загарбники|бійці|ворог|піхота)\b"
)


# A clause opening with an enemy word in a form no subject takes ("ворожу",
# "ворожого", "ворожих": accusative), then the verb: the object stands first.
_FRONTED_ENEMY_OBJECT_UK = re.compile(
    r"[\s*_«\"]*(?:ворожу|ворожого|ворожих)\s+[\w'’ -]{1,60}", re.I
)


def _subject_after_uk(ctx: Context, start: int, end: int, claimant: Claimant) -> Side:
    """The side of a Ukrainian subject that follows its verb, read only when
    the noun's form is the nominative."""
    m = _ANIMATE_SUBJECT_UK.match(ctx.text, start, end)
    if m is None:
        return "unknown"
    after = _sides_in(ctx, start, m.end(), claimant)
    return _first(after.own, after.enemy, after.word)


def agent_side(
    ctx: Context,
    trigger: re.Match[str],
    s: Sentence,
    claimant: Claimant,
    subject: str = "agent",
    denied_from: int = -1,
) -> Side:
    """Who did it: the side named in the action's own clause.

    "Russian forces captured X" -> russia; "our units liberated X" -> the
    claimant's side; "the enemy took X" -> the other side; "X was captured by
    Russian troops" -> russia. A subject that suffers the action ("ВСУ
    потеряли", "украинские БПЛА сбиты") names the other side, and so does the
    side of the object ("сбили 20 украинских беспилотников"); a source or "our"
    air defence before a passive is its agent ("силами ПВО Минобороны сбит");
    a cause names the agent ("погиб из-за атаки беспилотников ВСУ"). The
    subject of a denied or disputed action stands after the verb of denial
    (``denied_from``), never before it: the one who denies is not its agent.
    """
    start, _ = _subject_window(ctx, trigger, s)
    opening = trigger.start() - 1
    if ctx.lex.lang == "uk" and ctx.text[opening : trigger.start()] in ("«", '"', "„"):
        # "заявило про «захоплення»": a quoted action stays in its clause
        prior = _boundary(ctx.lex).finditer(ctx.text, s.start, opening)
        start = max(
            [s.start, trigger.start() - _SUBJECT_REACH, *(b.end() for b in prior)]
        )
    for c in ctx.claimants:  # "«Центр»" ends in a quote, not a clause
        if c.start < start <= c.end:
            start = c.start
    start = max(start, denied_from)
    clause_end = _window_end(ctx.lex, ctx.text, trigger.end(), s.end)
    before = _sides_in(ctx, start, trigger.start(), claimant)
    by = _agent_by(ctx.lex).match(ctx.text, trigger.end())
    if by is None and ctx.lex.lang == "ru":
        # "зафиксировано 40 обстрелов со стороны ВСУ": after the object counted
        by = _agent_by(ctx.lex).search(ctx.text, trigger.end(), clause_end)
    if ctx.lex.lang == "ru":
        weapon = _weapon_side(ctx, s.start, s.end)
        if weapon != "unknown" and entry_action(ctx, trigger) in _WEAPON_ACTIONS:
            # "сбиты 52 Шахеда": the side that intercepts is the other one
            if entry_action(ctx, trigger) == "shot down":
                return _flip(weapon)
            return weapon
    if ctx.lex.lang == "ru" and _nominal("ru", trigger.group()):
        # "в результате удара ВСУ": the side inside a strike's noun phrase
        inside = ctx.lex.side_words.get(trigger.group().split()[-1])
        if inside in _OTHER_SIDE:
            return inside  # type: ignore[return-value]
    if by:  # the agent of a passive
        by_named, by_relative = side_in(ctx, by.end(), clause_end, claimant)
        return by_named if by_named != "unknown" else by_relative
    if _UNDER_CONTROL.search(trigger.group()):  # "под контролем ВСУ": whose control
        # ("under Russian control": the side word inside the phrase)
        held_by = _first(*side_in(ctx, trigger.start(), clause_end, claimant))
        if held_by != "unknown":
            return held_by
    if subject == "patient":  # "ВСУ потеряли", "our forces lost"
        found = _first(before.own, before.enemy, before.claimant, before.word)
        if found == "unknown" and ctx.lex.lang == "ru":
            # "в окружении сидят 400 бойцов ВСУ": the subject after the verb
            after = _sides_in(ctx, trigger.end(), clause_end, claimant)
            found = _first(after.own, after.enemy, after.claimant, after.word)
        return _flip(found)
    cause_first = _cause(ctx.lex).search(ctx.text, start, trigger.start())
    if ctx.lex.lang == "uk" and cause_first is not None:
        # "Через атаку ворожого дрона поранено жінку": the side in a cause
        # before the action struck; it is not the one who suffered.
        caused = _sides_in(ctx, cause_first.end(), trigger.start(), claimant)
        found = _first(caused.own, caused.enemy, caused.word, caused.claimant)
        if found != "unknown":
            return found
    if is_passive(ctx, trigger):
        # "противник" before a passive suffers it, "наши"/"ПВО" do it: either
        # way the claimant's side acted.
        relative = _first(before.own, _flip(before.enemy))
        found = _first(relative, before.claimant, _flip(before.word))
    elif ctx.lex.lang == "ru" and _nominal("ru", trigger.group()):
        # "Губернатор X сообщил об атаке дронов": a source before a strike
        # named by its noun reports it and did not do it
        found = _first(before.own, before.enemy, before.word)
    else:
        named = before.word
        if ctx.lex.lang == "en" and named != "unknown":  # the subject's side
            # the whole clause: a long subject reaches past the window's cut
            # ("a Ukrainian strike on a Russian ... point in X destroyed")
            bounds = _boundary(ctx.lex).finditer(ctx.text, s.start, trigger.start())
            opening = max([s.start, *(b.end() for b in bounds)])
            cues = [(c.start, c.end) for c in ctx.cues(opening, trigger.start())]
            subject = subject_side(ctx.lex, ctx.text, opening, trigger, cues)
            if subject == "both":
                return "unknown"
            if subject in ("russia", "ukraine"):
                named = "russia" if subject == "russia" else "ukraine"
        found = _first(before.own, before.enemy, named)
        if ctx.lex.lang == "uk" and _FRONTED_ENEMY_OBJECT_UK.fullmatch(
            ctx.text, start, trigger.start()
        ):
            # "Ворожу техніку знищили": the enemy's is the object, so the
            # claimant's side acted
            found = _first(before.own, _flip(before.enemy), _flip(named))
        if found == "unknown" and ctx.lex.lang == "uk":
            found = _subject_after_uk(ctx, trigger.end(), clause_end, claimant)
        if found == "unknown" and ctx.lex.lang == "en":
            found = _participle_subject(ctx, trigger, s)
        found = _first(found, before.claimant)
    if found != "unknown":
        return found
    cause = _cause(ctx.lex).search(ctx.text, trigger.end(), clause_end)
    if cause:  # "погиб из-за атаки беспилотников ВСУ"
        caused = _sides_in(ctx, cause.end(), clause_end, claimant)
        found = _first(caused.own, caused.enemy, caused.word, caused.claimant)
        if found != "unknown":
            return found
    # After the verb: who acts ("уничтожили наши силы ПВО", "сбиты силами ПВО
    # Минобороны") or whose things suffered ("20 украинских беспилотников").
    target = _target_after(ctx, trigger.end(), clause_end)
    after = _sides_in(ctx, trigger.end(), target, claimant)
    found = _first(after.own, after.enemy, after.claimant)
    if found != "unknown":
        return found
    if ctx.lex.lang == "uk" and _light_verbs(ctx.lex).get(trigger.group()):
        # "відбулося шість ворожих атак": the side of the events is whose they were
        return after.word
    if target < clause_end:
        # "ударів по позиціях наших підрозділів": the target's side suffered it
        hit = _sides_in(ctx, target, clause_end, claimant)
        found = _flip(_first(hit.own, hit.enemy, hit.claimant))
        if found != "unknown":
            return found
    # The object's own side word, before any preposition ("20 украинских
    # беспилотников над российскими регионами").
    preps = _prepositions(ctx.lex)
    words = list(re.finditer(r"[\w'’-]+", ctx.text[trigger.end() : clause_end]))
    last = trigger.group().split()[-1].casefold()
    if words and last not in preps and _nominal(ctx.lex.lang, trigger.group()):
        # "атаки дронов ВСУ": the side right after a strike named by its noun
        # is its genitive agent, not its target.
        own = ctx.lex.side_words.get(words[0].group())
        if (
            own not in _OTHER_SIDE
            and ctx.lex.lang == "ru"
            and len(words) > 1
            and _WEAPON_NOUN.match(words[0].group())
        ):
            # "попадания беспилотника ВСУ": the side after the weapon's noun
            own = ctx.lex.side_words.get(words[1].group())
        if own in _OTHER_SIDE:
            return own  # type: ignore[return-value]
    for word in words:
        if word.group().casefold() in preps:
            break
        victim = ctx.lex.side_words.get(word.group())
        if victim in _OTHER_SIDE:
            if _instrumental(ctx.lex.lang, word.group()):
                # "звільнені українськими військами": the agent
                return "russia" if victim == "russia" else "ukraine"
            return _OTHER_SIDE[victim]
    if (
        ctx.lex.lang == "uk"
        and claimant.side in _OTHER_SIDE
        and ctx.lex.actions[trigger.group()].action == "shot down"
    ):
        return claimant.side  # a side reports what its air defence downed
    return "unknown"


_WEAPON_NOUN = re.compile(r"(?:беспилотник|дрон|ракет|снаряд)\w*$|БПЛА$", re.I)
_WEAPON_ACTIONS = frozenset(["shot down", "struck", "launched", "damaged"])


def entry_action(ctx: Context, trigger: re.Match[str]) -> str:
    return ctx.lex.actions[trigger.group()].action


@cache
def _weapon_tables(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    spec = lex.data.get("agents", {})
    russian, ukrainian = spec.get("weapons_russia"), spec.get("weapons_ukraine")
    if not russian or not ukrainian:
        return None
    return phrase_pattern(russian), phrase_pattern(ukrainian)


def _incoming(ctx: Context, quantities: list[FoundQuantity]) -> bool:
    """Whether a count is of hits arriving ("12 прилётов"): [agents] incoming."""
    words = ctx.lex.data.get("agents", {}).get("incoming", [])
    if not words or not quantities:
        return False
    rx = phrase_pattern(words)
    return any(rx.search(q.quantity.as_stated) for q in quantities)


def _agent_by_wording(stated: str, claimant: Claimant) -> Side:
    """Who took a place, by the word its claimant chose when the clause names
    nobody: a side "liberates" only its own gains ("Освобождены X и Y,
    сообщило Минобороны"), and "seizes" ("захвачен") only the other side's."""
    word = stated.casefold()
    if _nominal("ru", word):
        return "unknown"  # "Армия освобождения X" names a force, not a gain
    if word.startswith(("освобо", "освобож")):
        return claimant.side if claimant.side in _OTHER_SIDE else "unknown"
    if word.startswith("захва"):
        return _OTHER_SIDE.get(claimant.side, "unknown")
    return "unknown"


def _weapon_side(ctx: Context, a: int, b: int) -> Side:
    """The side whose weapons alone a stretch names ("ракетами ATACMS")."""
    tables = _weapon_tables(ctx.lex)
    if tables is None:
        return "unknown"
    russian = tables[0].search(ctx.text, a, b) is not None
    ukrainian = tables[1].search(ctx.text, a, b) is not None
    if russian == ukrainian:
        return "unknown"
    return "russia" if russian else "ukraine"


def _target_after(ctx: Context, start: int, end: int) -> int:
    """Where a Ukrainian strike's target opens after the verb ("... по позиціях
    наших військ"), or ``end``: the sides named past it are the target's."""
    if ctx.lex.lang != "uk":
        return end
    m = re.search(r"(?<![\w'’-])(?:по|на)\s", ctx.text[start:end], re.IGNORECASE)
    return start + m.start() if m else end


# Actions that gain ground: what a side denies of them is the other side's gain.
_GAINS = frozenset(["captured", "entered", "advanced", "encircled", "crossed"])
_UNDER_CONTROL = re.compile(
    r"\bп[оі]д\s+(?:\w+\s+)?контрол(?:ем|ь)$"
    r"|\bunder\s+(?:the\s+)?(?:\w+\s+)?control(?:\s+of)?$",
    re.I,
)
_CONSEQUENCES = frozenset(["damaged", "destroyed", "injured", "killed"])
_AFTER_ATTACK = frozenset(["damaged", "shot down"])
_PEOPLE = frozenset(["personnel", "civilians"])
_COUNTED_AFTER = _CONSEQUENCES | {"struck", "took prisoner"}
_ATTACKS = frozenset(["struck", "launched"])


_COMMA_BEFORE = re.compile(r",\s+$")


def _participle_subject(ctx: Context, trigger: re.Match[str], s: Sentence) -> Side:
    """The side of the subject of the clause a participle follows ("Ukrainian
    forces increased their rate of fire, shooting down six planes"): the
    participle's subject is that clause's."""
    if not trigger.group().split()[0].endswith("ing"):
        return "unknown"
    comma = _COMMA_BEFORE.search(
        ctx.text, max(s.start, trigger.start() - 4), trigger.start()
    )
    if comma is None:
        return "unknown"
    # from the sentence's start: the clause may hold commas of its own ("X
    # struck Y in Z, western Ukraine, killing ..."); the reporting verbs cut it
    opening = s.start
    cues = [(c.start, c.end) for c in ctx.cues(opening, comma.start())]
    side = subject_side(ctx.lex, ctx.text, opening, comma, cues)
    return (
        "russia" if side == "russia" else "ukraine" if side == "ukraine" else "unknown"
    )


def _carry_agents(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """An agent the clause leaves unsaid, from the claims before it in its
    paragraph: the damage and casualties of a strike are the striker's ("ВСУ
    атаковали X. Повреждены 3 дома"); a further interception is the same
    side's ("Ещё семь дронов сбили"), the first one the other side's from the
    attacker's."""
    starts = [s.start for s in ctx.sentences]

    def paragraph_at(pos: int) -> int:
        return ctx.paragraph_of[max(0, bisect_right(starts, pos) - 1)]

    # each paragraph's extent, and its claims with an agent so far, gathered
    # once (not by a scan of the whole text per claim)
    extents: dict[int, tuple[int, int]] = {}
    for s in ctx.sentences:
        p = paragraph_at(s.start)
        a, b = extents.get(p, (s.start, s.end))
        extents[p] = (min(a, s.start), max(b, s.end))
    with_agents: dict[int, list[Claim]] = {}
    out: list[Claim] = []
    for claim in claims:
        paragraph = paragraph_at(claim.action_start)
        if claim.agent_side == "unknown":
            earlier = with_agents.get(paragraph, [])[::-1]
            agent = _carried_agent(claim, earlier)
            if agent == "unknown":
                agent = _agent_by_region(ctx, claim, extents.get(paragraph))
            if agent == "unknown" and ctx.lex.lang == "ru":
                # a post's next paragraph goes on with the same events ("Дроны
                # атаковали аэродром.\n\nДроны были сбиты")
                earlier = [c for p in sorted(with_agents) for c in with_agents[p]]
                agent = _carried_agent(claim, earlier[::-1])
            if agent != "unknown":
                claim = replace(claim, agent_side=agent)
        if claim.agent_side != "unknown":
            with_agents.setdefault(paragraph, []).append(claim)
        out.append(claim)
    return out


def _agent_by_region(
    ctx: Context, claim: Claim, paragraph: tuple[int, int] | None
) -> Side:
    """An agent no clause names, from where it happened: a strike, its damage
    and casualties in a region of one state are the other state's doing ("в
    Брянской области при ударе БПЛА погиб ребёнок"); a drone shot down over a
    region is downed by that state's air defence. The claim's sentence decides,
    else its paragraph, and only when every region named is one state's."""
    if claim.action not in _CONSEQUENCES | _ATTACKS | {"shot down"}:
        return "unknown"
    spans = [(claim.start, claim.end)]
    if paragraph is not None:
        spans.append(paragraph)
    if ctx.lex.lang == "ru":
        # A post's heading often names the region its later paragraphs leave
        # unsaid ("Губернатор Курской области сообщил об атаке. ... погиб").
        spans.append((0, len(ctx.text)))
    for a, b in spans:
        side = region_side_in(ctx.text[a:b], ctx.lex)
        if side != "unknown":
            return side if claim.action == "shot down" else _flip(side)
    return "unknown"


def _carried_agent(claim: Claim, earlier: list[Claim]) -> Side:
    for c in earlier:
        if c.action == claim.action and c.claim_type == claim.claim_type:
            return c.agent_side
        if c.action in _ATTACKS:
            if claim.action in _CONSEQUENCES | _ATTACKS:
                return c.agent_side
            if claim.action == "shot down":
                return _flip(c.agent_side)
        if claim.action in _GROUND and c.action in _GROUND:
            return c.agent_side  # "Наши продолжают наступать. Зашли в X"
    return "unknown"


# Moves on the ground: a later one with no subject of its own has the same one.
_GROUND = frozenset(
    ["captured", "entered", "advanced", "encircled", "fighting", "attacked"]
)


@cache
def _cause(lex: Lexicon) -> re.Pattern[str]:
    return phrase_pattern(lex.data.get("agents", {}).get("cause", []))


@cache
def _prepositions(lex: Lexicon) -> frozenset[str]:
    words = lex.data["quantity"].get("gap_before", [])
    return frozenset(w.casefold() for w in words)


def find_author(ctx: Context) -> Claimant:
    """The source a text speaks for when its heading names it.

    "Statement of the Ministry of Defence ..." as the first line makes the
    ministry the author of every claim the text makes in its own voice.
    """
    first_line = ctx.text.split("\n", 1)[0]
    if not ctx.sentences:
        return _AUTHOR
    dateline = opening_dateline(ctx.text)
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
        # a Russian lead ending in a colon heads a list, not the whole text
        or (ctx.lex.lang == "ru" and first_line.rstrip(" *_").endswith(":"))
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


@cache
def _ground_attack(
    lex: Lexicon,
) -> tuple[Table[bool], re.Pattern[str], Table[bool]]:
    """Attack verbs that tell a ground attack unless the clause names fire; the
    fire words ("with drones", "shelled", "artillery") that make a strike; the
    nouns of a target struck from afar ("attacked the airfield")."""
    spec = lex.data.get("ground_attack", {})
    verbs = Table(dict.fromkeys(spec.get("verbs", []), True))
    targets = Table(dict.fromkeys(spec.get("targets", []), True))
    return verbs, phrase_pattern(spec.get("fire", [])), targets


_GROUND_SUBJECT = re.compile(
    r"\b(?:forces|troops|units|infantry|soldiers|servicemen|fighters)"
    r"(?:\s+[\w'’-]+ly|\s+also|\s+again)*\s+$"
)
_NEXT_WORD = re.compile(r"\s*(?:(?:the|a|an)\s+)?([\w'’-]+)", re.IGNORECASE)


def _is_ground_attack(
    ctx: Context, trigger: re.Match[str], s: Sentence, start: int
) -> bool:
    """Whether an attack verb tells an attack on the ground: no weapon, no fire
    and no aerial or strike unit in its clause ("attacked near X")."""
    verbs, fire, targets = _ground_attack(ctx.lex)
    if trigger.group() not in verbs:
        return False
    # A place or a target as the direct object is struck from afar ("Israel
    # attacked Iran", "атаковали аэродром"); a ground attack is "near X".
    end = _window_end(ctx.lex, ctx.text, trigger.end(), s.end)
    word = _NEXT_WORD.match(ctx.text, trigger.end(), s.end)
    if (
        word is not None
        and ctx.places_starting_in(word.start(1), word.start(1) + 1)
        and not (
            ctx.lex.lang == "en"
            and _GROUND_SUBJECT.search(
                ctx.text, max(s.start, trigger.start() - 40), trigger.start()
            )
        )
    ):
        # ("Russian forces attacked X and seized Y": troops as the subject
        # attack on the ground, unless the clause names fire)
        return False
    if targets.pattern.search(ctx.text, trigger.end(), min(end, trigger.end() + 30)):
        return False
    if fire.search(ctx.text, start, end):
        return False
    for unit in ctx.lex.units.pattern.finditer(ctx.text, start, end):
        found = ctx.lex.units.get(unit.group())
        if found is not None and found[1] in ("aerial", "strikes"):
            return False
    return True


@cache
def _war_cues(lex: Lexicon) -> re.Pattern[str] | None:
    cues = lex.data.get("war", {}).get("cues", [])
    return phrase_pattern(cues) if cues else None


def _about_war(ctx: Context) -> bool:
    """Whether the text names a force, a weapon or the war itself ([war] of the
    lexicon; a lexicon without the list takes every text as about the war).
    A post on football or the car market that says "пострадали" or "потеряли"
    makes no war claim."""
    cues = _war_cues(ctx.lex)
    return cues is None or cues.search(ctx.text) is not None


@cache
def _theatre(lex: Lexicon) -> tuple[re.Pattern[str], ...] | None:
    """The lexicon's [theatre] lists: other wars' places, actors that are no
    force of this war, places abroad, this war's own words, and the words
    before a name that make it an origin."""
    spec = lex.data.get("theatre")
    if not spec:
        return None
    # (names are matched as written: "Грузия" is a country, "грузить" no)
    return (
        phrase_pattern(spec.get("elsewhere", []), flags=0),
        phrase_pattern(spec.get("actors", [])),
        phrase_pattern(spec.get("abroad", []), flags=0),
        phrase_pattern(spec.get("own", []), flags=0),
        re.compile(
            rf"(?:{phrase_pattern(spec.get('origin', [])).pattern})\s+$",
            re.IGNORECASE,
        ),
    )


def _names_elsewhere(ctx: Context, a: int, b: int) -> bool:
    """Whether the span names a place of another war, or an actor that is no
    force of this war (another war's forces, protesters, hostages: [theatre]
    of the lexicon), other than as where people come from ("наёмники из
    Грузии")."""
    found = _theatre(ctx.lex)
    if found is None:
        return False
    elsewhere, actors, _, _, origin = found
    if actors.search(ctx.text, a, b):
        return True
    return any(
        origin.search(ctx.text, max(a, m.start() - 30), m.start()) is None
        for m in elsewhere.finditer(ctx.text, a, b)
    )


def _about_elsewhere(ctx: Context) -> bool:
    """Whether the text is news from elsewhere: it names another war or a
    place abroad ([theatre] of the lexicon) and no word of this war's own
    (its forces, sides and regions). A bombing in another country or protests
    in another capital make no claim of this war, even where a sentence names
    no place ("24 человека погибли")."""
    found = _theatre(ctx.lex)
    if found is None:
        return False
    _, _, abroad, own, _ = found
    if own.search(ctx.text):
        return False
    return bool(abroad.search(ctx.text)) or _names_elsewhere(ctx, 0, len(ctx.text))


# words only (no comma) between a count with its noun and a participle
_NOUN_PHRASE = re.compile(r"(?:\s+[\w'’-]+){0,3}\s+")


_BLANK = re.compile(r"\s+")


def _counted_mover(
    ctx: Context,
    trigger: re.Match[str],
    s: Sentence,
    claims: list[Claim],
    ending: str = "ing",
    gap: re.Pattern[str] = _NOUN_PHRASE,
) -> int | None:
    """The claim before, in the sentence, whose counted things an English
    participle right after them describes ("destroyed 20 tanks advancing
    toward X", "lost 400 soldiers killed or missing"), by its index in
    ``claims``."""
    if not trigger.group().casefold().endswith(ending) or not claims:
        return None
    last = claims[-1]
    q = last.quantity
    if last.start != s.start or q is None or q.end > trigger.start():
        return None
    if gap.fullmatch(ctx.text, q.end, trigger.start()) is None:
        return None
    return len(claims) - 1


@cache
def _presence(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    spec = lex.data.get("presence")
    if not spec:
        return None
    return phrase_pattern(spec["verbs"]), phrase_pattern(spec["forces"])


def _presence_without_forces(ctx: Context, trigger: re.Match[str], s: Sentence) -> bool:
    """Whether a verb of presence ("перебувають в X") has no forces in its
    clause, so that it names no entry ("делегація перебуває в X")."""
    presence = _presence(ctx.lex)
    if presence is None or not presence[0].fullmatch(trigger.group()):
        return False
    bounds = [
        b.end() for b in _boundary(ctx.lex).finditer(ctx.text, s.start, trigger.start())
    ]
    start = max([s.start, *bounds])
    end = _window_end(ctx.lex, ctx.text, trigger.end(), s.end)
    return presence[1].search(ctx.text, start, end) is None


def assemble_claims(ctx: Context) -> tuple[list[Claim], set[int]]:
    """Claims in text order, and the starts of reporting cues they used."""
    if not _about_war(ctx) or _about_elsewhere(ctx):
        return [], set()
    claims: list[Claim] = []
    used_cues: set[int] = set()
    taken: set[int] = set()  # starts of quantities that are an action's object
    # spans of lists by place already claimed, with what they count
    lists: list[tuple[int, int, str]] = []
    for i, s in enumerate(ctx.sentences):
        if _is_historical(ctx, s) or _names_elsewhere(ctx, s.start, s.end):
            continue  # (before 2022; another war's or a civil actor's deeds)
        if not ctx.lex.actions.pattern.search(ctx.text, s.start, s.end):
            claims += _elliptical_claims(ctx, i, claims)
            claims += _listed_engagements(ctx, i, claims)
            claims = _counted_settlements_named(ctx, i, claims)
            continue
        for trigger in ctx.lex.actions.pattern.finditer(ctx.text, s.start, s.end):
            entry = ctx.lex.actions[trigger.group()]
            if ctx.lex.lang == "uk" and _presence_without_forces(ctx, trigger, s):
                continue
            if ctx.lex.lang == "ru" and _counted_already(ctx, trigger, taken):
                continue  # "зафиксировано 40 обстрелов": the strikes are counted
            if any(
                a <= trigger.start() < b
                and not (kind in _PEOPLE and entry.claim_type == "strike")
                for a, b, kind in lists
            ):
                # "..., по 3 сбито над X": an item of a list claimed (not the
                # strike that caused a list of losses: "двое погибли и трое
                # ранены из-за атак дронов по X")
                continue
            obj = _object_window(ctx, trigger, s)
            if ctx.lex.lang == "en" and entry.claim_type == "advance":
                counted = _counted_mover(ctx, trigger, s, claims)
                if counted is not None:
                    # "destroyed 20 tanks advancing from X": the participle
                    # describes what was counted, and says where it was
                    if not claims[counted].places:
                        claims[counted] = replace(
                            claims[counted], places=_places_in(ctx, obj)
                        )
                    continue
            if (
                ctx.lex.lang == "en"
                and entry.claim_type == "losses"
                and _counted_mover(ctx, trigger, s, claims, "ed", _BLANK) is not None
            ):
                continue  # "lost 400 soldiers killed or missing": one count
            passive = _passive_window(ctx, trigger, s)
            subject = _subject_window(ctx, trigger, s)
            if ctx.lex.lang == "uk":
                subject = _dash_subject(ctx, s, subject)
            at = trigger.start()
            quantities = _pick_quantities(
                ctx, _quantity_window(ctx, obj), entry.units, action_start=at
            ) or _pick_quantities(
                ctx, passive, entry.units, action_start=at, nearest=True
            )
            if ctx.lex.lang == "en":  # "the death toll rose to 8": the toll's number
                tolled = toll_count(ctx.lex, ctx.text, trigger, s.end)
                quantities = tolled or quantities
            if quantities and ctx.lex.lang == "en" and entry.action == "struck":
                # "22 drones impacted across 16 locations": the weapons counted
                # before the verb are a claim beside the places counted after it
                quantities += [
                    q
                    for q in _pick_quantities(
                        ctx, subject, ("aerial",), frozenset(taken), at, nearest=True
                    )
                    if not q.implicit and q not in quantities
                ]
            if not quantities and ctx.lex.lang == "ru" and entry.claim_type == "strike":
                # "упал беспилотник": the weapon inside the action's words
                quantities = [
                    q
                    for q in ctx.quantities_starting_in(trigger.start(), trigger.end())
                    if q.implicit and q.quantity.end <= trigger.end()
                ]
            if quantities and ctx.lex.lang == "uk":
                # "здійснив 64 обстріли по 21 населеному пункту": the action
                # named by a counted noun counts itself beside its object
                quantities = [
                    q
                    for q in ctx.quantities_starting_in(at - 40, at)
                    if q.quantity.end == trigger.end()
                    and q.elided_from is None
                    and q.quantity.start not in taken
                    and q not in quantities
                ] + quantities
            if quantities:
                taken.update(q.quantity.start for q in quantities)
            else:  # "Восемь БПЛА уничтожены", unless an earlier action took it
                quantities = [
                    q
                    for q in _pick_quantities(
                        ctx, subject, entry.units, frozenset(taken), at, nearest=True
                    )
                    # "a Russian missile struck X": the article counts no object
                    if not (q.implicit and ctx.lex.lang == "en")
                ] or _people_counted(ctx, trigger, entry)
                if not quantities and ctx.lex.lang == "ru":
                    quantities = _toll(ctx, trigger, entry, s)
                if quantities and ctx.lex.lang == "ru":
                    # "700 военных, минимум 100 из которых — наёмники, попали в
                    # окружение": the part is a claim of its own beside the whole
                    quantities += [
                        q
                        for q in ctx.quantities_starting_in(*subject)
                        if q.part
                        and q.category == quantities[0].category
                        and q not in quantities
                        and q.quantity.start not in taken
                    ]
                taken.update(q.quantity.start for q in quantities)
            where = entry.claim_type in ("strike", "losses", "other")
            # A strike or a loss happens where the clause says, before the verb
            # too ("В Белгороде повреждены 10 квартир").
            before = [subject] if quantities or where else []
            places = _places_in(ctx, obj, passive, *before)
            fronted = False
            if not places and entry.claim_type == "territorial":
                # "Іванівку звільнили наші воїни": an object before its verb.
                places = tuple(
                    p
                    for p in _places_in(ctx, subject)
                    if accusative_only(ctx.lex.lang, p.name.split()[-1])
                )
                fronted = bool(places)
            if not places and (
                entry.action == "held"  # "X перебуває під контролем"
                or _place_subject(ctx.lex).fullmatch(trigger.group())  # "X fell to"
            ):
                places = _places_in(ctx, subject)
            if ctx.lex.lang == "uk" and entry.claim_type == "territorial":
                places = _reference_subject_uk(ctx, trigger, subject, places)
            antecedent = _antecedent(ctx, subject) if not places else None
            if antecedent and antecedent[0] < antecedent[1]:
                places = _places_in(ctx, antecedent)
            if not quantities:
                keep = partial(_acts_on_place, ctx, trigger, where=where)
                places = _kept_with_lists(ctx, places, keep)
            if not places and not quantities and ctx.lex.lang == "uk":
                places = _listed_after_comma_uk(ctx, obj, s)
            targets: tuple[PlaceMention, ...] = ()
            if places and where and ctx.lex.lang == "en":
                targets = _further_targets(ctx, places, s)[len(places) :]
            if len(places) > 1 and ctx.lex.lang == "en":
                # "took X and Y in eastern Ukraine": the country only locates them
                countries = _countries(ctx.lex)
                within = tuple(p for p in places if p.name not in countries)
                places = within or places
            if not quantities and not places:
                places = _referred_place(ctx, trigger, obj, claims=claims)
            if quantities and not places and ctx.lex.lang == "en":
                # "control a quarter of the city": the share is of the place
                # named before
                places = share_of_place_named_again(
                    ctx.text,
                    quantities[0].quantity,
                    partial(_referred_place, ctx, trigger),
                )
            reference = _reference(ctx.lex)
            named_again = reference.search(ctx.text, *obj) if reference else None
            if ctx.lex.lang == "en" and not quantities and not places and reference:
                # "raised a flag in the eastern corner of the village"; "the
                # western part of the town is under Russian control"
                before_verb = list(reference.finditer(ctx.text, *subject))[-1:]
                if (
                    entry.claim_type == "advance"
                    and named_again is not None
                    and part_after(ctx.lex, ctx.text, trigger, named_again)
                ):
                    span = (named_again.start(), named_again.end())
                    places = _referred_place(ctx, trigger, span, before=True)
                elif (
                    _UNDER_CONTROL.search(trigger.group())
                    and before_verb
                    and part_before(ctx.lex, ctx.text, subject, before_verb[0])
                ):
                    span = (before_verb[0].start(), before_verb[0].end())
                    places = _referred_place(ctx, trigger, span, before=True)
            if where and not places:
                places = _fronted_locative(ctx, s, at) or _participle_places(
                    ctx, trigger, s, claims
                )
            if where and places and ctx.lex.lang == "ru":
                places = _settlement_for_region(ctx, s, places, claims)
            carried = False
            if (
                where
                and not places
                and _may_take_place(ctx, entry, trigger, quantities)
            ):
                # (damage or an interception after an attack, or a count: not
                # a further strike, which may be elsewhere)
                strike = entry.action in _AFTER_ATTACK or bool(quantities)
                places = _earlier_place(ctx, i, trigger, strike, claims)
                carried = bool(places)
                if carried and not quantities and entry.action == "shot down":
                    quantities = _weapons_named_again(ctx, i, subject, claims)
            if not quantities and not places:
                places = _referred_place_before(ctx, trigger, subject)
            if quantities and not places and entry.claim_type == "losses":
                # "In two years of trying to seize it, they lost 400 men"
                places = _place_fought_for(ctx, s, trigger)
            launch_sites = False
            if not places and (
                entry.claim_type == "advance"
                or (ctx.lex.lang == "uk" and entry.action == "launched")
            ):
                places = _places_after_colon(ctx, obj[1], s.end)
                # one launch from several sites is one claim
                launch_sites = entry.action == "launched" and bool(places)
            if (
                ctx.lex.lang == "uk"
                and entry.claim_type == "territorial"
                and all(_is_region(_region_nouns(ctx.lex), p) for p in places)
            ):
                # "звільнили села на Донеччині — A, B, C": the settlements
                # after the dash are what was taken; the region only holds them
                places = _places_after_colon(ctx, obj[1], s.end) or places
            if (
                not quantities
                and not places
                and ctx.lex.lang == "en"
                # ("hold positions on the edge of the village": a part of the
                # place named again, which _referred_place declined)
                and named_again is None
            ):
                places = place_of_clause_before(
                    ctx.text,
                    ctx.places,
                    claims,
                    (s.start, s.end),
                    trigger,
                    partial(_is_region, _region_nouns(ctx.lex)),
                ) or place_of_event_named(ctx.text, claims, obj)
            if quantities and not places and ctx.lex.lang == "en":
                # ("the toll of that strike": the strike ends the object)
                near = (trigger.end(), min(s.end, trigger.end() + _EVENT_NOUN_REACH))
                # ("the strike killed 400": the event named again as subject)
                places = place_of_event_named(
                    ctx.text, claims, near
                ) or place_of_event_named(ctx.text, claims, subject)
            if ctx.lex.lang == "uk" and places:
                places = _city_of_districts(ctx, places)
            carried_place = False
            # (a part of a whole counted before, "дві з яких", is where it was;
            # so are counted damage, casualties and strikes that follow a strike:
            # "Атакували X. Пошкоджено 5 будинків")
            if not places and (
                all(q.part for q in quantities) or entry.action in _COUNTED_AFTER
            ):
                places = _places_before(
                    ctx, i, trigger, entry.action, claims, bool(quantities)
                )
                carried_place = bool(places) and not quantities
            if not quantities and not places:
                places = _referred_region(ctx, trigger, obj)
            if ctx.lex.lang == "uk" and quantities and not places:
                # a count over the settlements of several communities of an oblast
                # named before ("N обстрілів по M селах у K громадах області")
                places = _counted_in_region_uk(ctx, trigger, obj)
            if ctx.lex.lang == "uk" and quantities and not places:
                # "під час боїв за село взяли в полон 20 окупантів": a count
                # placed by a noun naming again the settlement named last
                places = _referred_before_count_uk(ctx, trigger, s)
            if ctx.lex.lang == "uk" and not places and entry.claim_type == "losses":
                places = _where_cause_struck_uk(
                    ctx, trigger, s
                ) or _fronted_cause_place_uk(ctx, trigger, s)
            if not quantities and not places:
                continue
            if (
                ctx.lex.lang == "uk"
                and _USED_UK.match(trigger.group())
                and not quantities
            ):
                continue  # "використали тактику малих груп": no weapon counted
            if (
                ctx.lex.lang == "ru"
                and not quantities
                and (
                    _USED_RU.match(trigger.group())
                    # "потеряла квартиру в X": a loss with no one and nothing counted
                    or entry.action == "lost"
                )
            ):
                continue
            if phrase_key(trigger.group()) in _counted_only(ctx.lex) and not any(
                # "two ... missile divisions": a singular after a plural number
                # modifies the noun counted, which is no weapon
                (q.quantity.value or 0) <= 1
                or re.search(r"s$", q.quantity.as_stated.split()[-1])
                for q in quantities
            ):
                continue  # "deploying 71 missiles" launches; "deploying to X" not
            mood = _mood(ctx, trigger, s, bool(quantities))
            if mood in NOT_CLAIMS:
                continue
            if ctx.lex.lang == "en" and forecast_of_noun(
                ctx.lex, ctx.text, trigger, s.end
            ):
                continue  # "clashes near X could escalate": a forecast
            if ctx.lex.lang == "en" and gerund_of_aim(
                ctx.lex, ctx.text, trigger, s.start
            ):
                continue  # "cannot cut off X merely by taking Y": a means
            if ctx.lex.lang == "en" and aim_of_priority(
                ctx.lex, ctx.text, trigger, s.start, entry.action
            ):
                continue  # "focused on regaining control of X": a goal
            if ctx.lex.lang == "en" and background_event(ctx.lex, ctx.text, trigger):
                continue  # "set following the withdrawal from X": background
            if (
                ctx.lex.lang == "en"
                and entry.action == "held"
                and control_contested(ctx.lex, ctx.text, trigger, s.end)
            ):
                continue  # "control of X remains contested": nobody holds it
            if carried and not quantities and _nothing_happened(ctx, trigger, s):
                continue  # "пострадавших и разрушений нет": no damage reported
            claimant, stance, carried_from, cue = _attribute(ctx, i, trigger)
            if cue is not None and _nobody_says(ctx, i, claimant, cue):
                continue
            said = stance
            if mood in ("negated", "failed"):
                stance = "denies"  # "have not seized", "failed to capture"
            if cue is not None:
                used_cues.add(cue.start)
            hedges = tuple(
                m.group() for m in ctx.lex.hedges.finditer(ctx.text, s.start, s.end)
            )
            time = _time_for(ctx, i, trigger, carried_from)
            if cue is not None and cue.stance != "asserts" and cue.end <= at:
                # "У Генштабі заперечили захоплення X": a side denies the other
                # side's gains; who took X is named after the denial, if at all.
                agent = agent_side(ctx, trigger, s, claimant, entry.subject, cue.end)
                if agent == "unknown" and entry.action in _GAINS:
                    agent = _OTHER_SIDE.get(claimant.side, "unknown")
            else:
                agent = agent_side(ctx, trigger, s, claimant, entry.subject)
            if agent == "unknown" and ctx.lex.lang == "ru" and stance == "asserts":
                agent = _agent_by_wording(trigger.group(), claimant)
                if agent == "unknown" and _incoming(ctx, quantities):
                    agent = _OTHER_SIDE.get(claimant.side, "unknown")
            if fronted:  # the object stands first: the subject follows the verb
                after = _sides_in(ctx, trigger.end(), s.end, claimant)
                agent = _first(after.own, after.enemy, after.word, agent)
            # "a depot in X, east of Y": Y locates X ("advanced near X, west of
            # Y, and up to Z" lists where a movement went: no anchor)
            if ctx.lex.lang == "en" and entry.claim_type != "advance":
                kept = without_trailing_anchors(ctx.lex, ctx.text, places + targets)
                places = tuple(p for p in places if p in kept)
                targets = tuple(p for p in targets if p in kept)
            if ctx.lex.lang == "en":
                kept = without_locating_places(ctx.lex, ctx.text, places + targets)
                places = tuple(p for p in places if p in kept)
                targets = tuple(p for p in targets if p in kept)
            territorial = entry.claim_type == "territorial"
            first = len(claims)
            groups = _claim_groups(ctx, quantities, places, territorial, s.end)
            if launch_sites and not quantities:
                groups = [(None, places)]
            if not quantities:  # "hit a substation in X, as well as a school in Y"
                groups += [(None, (p,)) for p in targets]
            if any(q.category == "settlements" for q in quantities):
                groups += [(None, (p,)) for p in _appositive_places(ctx, obj[1])]
            if (
                ctx.lex.lang == "ru"
                and len(places) > 1
                and quantities
                and all(
                    q.category == "settlements" and q.quantity.end <= at
                    for q in quantities
                )
            ):
                # "Ещё два села — X и Y — взяты под контроль": the count, then
                # each settlement it counts
                groups = [(q, ()) for q in quantities] + [(None, (p,)) for p in places]
            if any(q.elided_from is not None for q in quantities):
                ends = [p.end for _, g in groups for p in g]
                lists.append(
                    (
                        quantities[0].quantity.start,
                        max([quantities[-1].quantity.end, *ends]),
                        quantities[0].category if ctx.lex.lang == "ru" else "",
                    )
                )
            # Without a number, a unit word in the object still tells the kind:
            # "launched ground assaults against X" is an attack, not a launch.
            # ("під контроль загарбників": the noun after is who controls it).
            unit = (
                None
                if _UNDER_CONTROL.search(trigger.group())
                else _object_unit(ctx, obj)
            )
            if unit is None and "" in entry.by_unit:  # "мирні люди постраждали"
                unit = ctx.lex.units.pattern.search(ctx.text, *subject)
            named = ctx.lex.units.get(unit.group()) if unit else None
            if carried_place and named is None and entry.units:
                # "Є поранені": a place carried from another clause is where
                # people were hurt, not the subject that suffered
                named = ("", entry.units[0])
            if not quantities and _light_verb_alone(ctx, trigger, obj, subject):
                continue  # "Всё произошло возле отеля": no attack named
            if entry.action in _CONSEQUENCES and _civil_cause(ctx, s):
                continue  # "в ДТП пострадали пять человек": no war damage
            if _fire_alone(ctx, trigger):
                continue  # "пожар на складе" in a post that names no strike
            if not quantities and _said_again(ctx, claims, s, entry.action, places):
                continue  # "обломки упали на склад, что привело к возгоранию"
            ground = _is_ground_attack(ctx, trigger, s, subject[0])
            # (English readings the word alone does not settle: see english.py)
            english = ctx.lex.lang == "en"
            at_rest = (
                english
                and entry.action == "destroyed"
                and destroyed_at_rest(ctx.lex, ctx.text, trigger, (s.start, s.end))
            )
            unfinished = (
                english
                and entry.action == "captured"
                and unfinished_capture(ctx.lex, ctx.text, trigger)
            )
            for found_q, group in groups:
                category = found_q.category if found_q else ""
                if not category and named is not None and named[1] in entry.units:
                    category = named[1]
                claim_type = entry.by_unit.get(category, entry.claim_type)
                action = entry.action_by_unit.get(category, entry.action)
                if ground and category not in ("aerial", "strikes"):
                    claim_type, action = "other", "attacked"
                if at_rest and action == "shot down":
                    claim_type, action = "losses", "destroyed"
                if unfinished:
                    claim_type, action = "advance", "fighting"
                if found_q and _figure_restated(ctx, claims, action, found_q, group):
                    continue  # a post's heading and body giving one figure twice
                # "unsuccessfully attempted to launch an assault on X": the
                # attempt is the attack, failed; no denial that it happened
                failed_attack = english and mood == "failed" and action == "attacked"
                claims.append(
                    Claim(
                        id="",
                        claim_type=_claim_type(claim_type),
                        action=action,
                        action_as_stated=trigger.group(),
                        action_start=trigger.start(),
                        action_end=trigger.end(),
                        claimant=claimant,
                        stance=said if failed_attack else stance,
                        voice="author" if claimant.via in OWN_VOICE else "attributed",
                        start=s.start,
                        end=s.end,
                        quantity=(
                            None
                            if found_q is None
                            else range_as_upper_bound(ctx.lex, found_q.quantity)
                            if ctx.lex.lang == "en"
                            else found_q.quantity
                        ),
                        time=time,
                        places=group,
                        hedges=hedges,
                        agent_side=agent,
                    )
                )
            if ctx.lex.lang == "uk" and entry.action == "shot down":
                claims += _launched_wholes(ctx, claims[first:])
            claims += _other_speakers(
                ctx, i, trigger, claims[first:], cue, mood, claims[:first]
            )
            claims += _author_disputes(ctx, claims[first:], cue)
    claims = _carry_agents(ctx, claims)
    claims = _shared_places(ctx, claims)
    if ctx.lex.lang == "uk":
        claims = _repeated(claims)
    claims = _hit_told_again(ctx, claims)
    claims = _without_destinations(ctx, claims)
    claims = [replace(c, id=f"c{n}") for n, c in enumerate(claims, 1)]
    return claims, used_cues
