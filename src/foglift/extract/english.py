"""English readings of an action that its word alone does not settle.

Each reading is driven by a table of ``lexicon/en.toml``; a language whose
lexicon has no such table is never read this way.

- Materiel destroyed at rest: "destroyed" with a drone or a missile counted
  as its object is an interception ("air defence destroyed 20 drones"), but
  not when a strike is its subject ("the strike destroyed 40 drones") or the
  things lay in storage or on the ground ("destroyed 12 drones in storage"):
  that is equipment lost, the striker's doing.
- A capture not finished: "have not finished clearing X", "has not completed
  the capture of X", "are still clearing X" says the capture is under way
  and incomplete. It is no
  capture and no plain denial either (the speaker may have claimed the
  capture in the same breath): the claim is fighting inside X.
- A range: "from 3 to 8 km" claims up to 8 km.
- A toll: "the death toll climbed from 11 to 14" counts 14 killed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.extract.quantities import (
    FoundQuantity,
    bare_number,
    exact_count,
    parse_number,
)
from foglift.model import Claim, PlaceMention, Quantity

_NEVER = re.compile(r"(?!x)x")
# Where the clause of a verb ends: the things it destroyed lie before this.
_CLAUSE_END = re.compile(r"[.;]|,\s+(?:and|but|while)\b")


@cache
def _materiel(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    spec = lex.data.get("materiel", {})
    if not spec:
        return _NEVER, _NEVER, _NEVER
    nouns = phrase_pattern(spec.get("strike_subjects", [])).pattern
    # "the strike destroyed", "the strikes reportedly also destroyed"
    subject = re.compile(
        rf"(?:{nouns})(?:\s+(?:[\w'’-]+ly|also|has|have|had))*\s+$", re.IGNORECASE
    )
    at_rest = phrase_pattern(spec.get("at_rest", []))
    strikes = phrase_pattern(spec.get("strike_verbs", []))
    return subject, at_rest, strikes


def destroyed_at_rest(
    lex: Lexicon, text: str, trigger: re.Match[str], sentence: tuple[int, int]
) -> bool:
    """Whether aerial things "destroyed" by ``trigger`` were destroyed as
    materiel, not shot down: a strike is the verb's subject, the clause after
    it puts them in storage or on the ground, or a strike on a storage site
    comes before it in the sentence ("struck a depot, destroying 30 drones")."""
    subject, at_rest, strikes = _materiel(lex)
    if subject.search(text, max(sentence[0], trigger.start() - 60), trigger.start()):
        return True
    clause = _CLAUSE_END.search(text, trigger.end(), sentence[1])
    end = clause.start() if clause else sentence[1]
    if at_rest.search(text, trigger.end(), end):
        return True
    struck = strikes.search(text, sentence[0], trigger.start())
    return (
        struck is not None
        and at_rest.search(text, struck.end(), trigger.start()) is not None
    )


@cache
def _unfinished(lex: Lexicon) -> re.Pattern[str]:
    phrases = lex.data.get("mood", {}).get("unfinished", [])
    if not phrases:
        return _NEVER
    return re.compile(
        rf"(?:{phrase_pattern(phrases).pattern})\s+(?:(?:the|its|their)\s+)?$",
        re.IGNORECASE,
    )


@cache
def _progressive(lex: Lexicon) -> re.Pattern[str]:
    auxiliaries = lex.data.get("mood", {}).get("progressive", [])
    if not auxiliaries:
        return _NEVER
    # adverbs between ("are still clearing", "are reportedly clearing")
    return re.compile(
        rf"(?:{phrase_pattern(auxiliaries).pattern})"
        rf"(?:\s+(?:still|currently|now|also|[\w'’-]+ly))*\s+$",
        re.IGNORECASE,
    )


def unfinished_capture(lex: Lexicon, text: str, trigger: re.Match[str]) -> bool:
    """Whether a capture word follows a negated completion ("have not finished
    clearing", "has not completed the capture of", "has yet to complete"), or
    is a progressive ("are still clearing X"): the capture is under way."""
    head = max(0, trigger.start() - 40)
    if _unfinished(lex).search(text, head, trigger.start()):
        return True
    return trigger.group().casefold().endswith("ing") and bool(
        _progressive(lex).search(text, head, trigger.start())
    )


# Words between two actions after which the second is no event the first's
# place may be given to ("ISW cannot confirm that ...", "neither ... conducted
# any attacks", "doing little damage").
_NEGATION = re.compile(
    r"\b(?:not|cannot|never|neither|nor|no|any|little|without)\b|n't\b",
    re.IGNORECASE,
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this)\s+$", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"\s+by\b", re.IGNORECASE)
# A gerund after a preposition is an attribute ("fire at advancing troops").
_GERUND_AFTER_PREPOSITION = re.compile(
    r"\b(?:at|on|of|against|toward|towards|into|from|with)\s+$", re.IGNORECASE
)


def place_of_clause_before(
    text: str,
    places: Sequence[PlaceMention],
    claims: Sequence[Claim],
    sentence: tuple[int, int],
    trigger: re.Match[str],
    is_region: Callable[[PlaceMention], bool],
) -> tuple[PlaceMention, ...]:
    """The place of the clause before, in the same sentence, for an action
    whose own clause names none: "the enemy broke through near X, and our
    troops fell back to reserve lines" (the retreat is near X). Only when
    the last action before made claims about one place, no place follows in
    the action's own clause ("a strike killed two in X": X is the strike's),
    and no negation stands between the two."""
    start = trigger.start()
    earlier = [c for c in claims if c.start == sentence[0] and c.action_start < start]
    if not earlier:
        return ()
    last = max(c.action_start for c in earlier)
    groups = {c.places for c in earlier if c.action_start == last}
    if len(groups) != 1:
        return ()
    found = next(iter(groups))
    # one place, or one with the regions that locate it ("X in Y Oblast")
    if len(found) != 1 and len([p for p in found if not is_region(p)]) != 1:
        return ()
    last_end = max(c.action_end for c in earlier if c.action_start == last)
    if _NEGATION.search(text, last_end, start):
        return ()
    gerund = " " not in trigger.group() and trigger.group().casefold().endswith("ing")
    if gerund and _GERUND_AFTER_PREPOSITION.search(text, max(0, start - 12), start):
        return ()
    if _DEFINITE_BEFORE.search(text, max(0, start - 6), start):
        return ()  # "the toll of the strike rose": an event named again
    if _AGENT_AFTER.match(text, trigger.end()):
        return ()  # "refuting claims made by X": a participle, no event
    clause = re.compile(r"[;.]").search(text, trigger.end(), sentence[1])
    end = clause.start() if clause else sentence[1]
    if any(trigger.end() <= p.start < end for p in places):
        return ()
    return found


@cache
def _object_prepositions(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data.get("agents", {}).get("object_prepositions", [])
    if not words:
        return _NEVER
    # the preposition, then at most three lower-case words before the side word
    return re.compile(
        rf"(?:{phrase_pattern(words).pattern})(?:\s+[a-z0-9][\w'’-]*){{0,3}}\s+$"
    )


_NOMINAL_TRIGGER = re.compile(r"\s(?:on|against|of)$", re.IGNORECASE)
_BOTH_SIDES = re.compile(r"\s+and\s+(?:Russian|Ukrainian)\b")
_SUBJECT_WORDS = 4  # a subject's side word stands among its clause's first words


def subject_side(
    lex: Lexicon,
    text: str,
    start: int,
    trigger: re.Match[str],
    cues: Sequence[tuple[int, int]],
) -> str:
    """The side of the subject of the action ``trigger``, from its clause
    before it (``start`` to the trigger): the first side word that is no
    object of a preposition, among the first words of the clause after the
    last reporting verb ("Ukrainian officials reported Russian forces shelled
    X": Russian). In "a Ukrainian strike on a Russian depot destroyed" and
    "Ukrainian troops beat back Russian assaults and claimed to destroy", the
    agent is Ukrainian; the last side word names a target. A noun of action
    takes the side word right before it ("a Ukrainian drone strike on").
    "unknown" when no side word stands in a subject's place, "both" when the
    subject is both sides' forces ("Russian and Ukrainian forces")."""
    prepositions = _object_prepositions(lex)
    end = trigger.start()
    if _NOMINAL_TRIGGER.search(trigger.group()):
        near = list(re.finditer(r"[\w'’-]+", text[max(start, end - 30) : end]))[-3:]
        for word in reversed(near):
            side = lex.side_words.get(word.group())
            if side in ("russia", "ukraine"):
                return str(side)
    bounds = [start, *(b for c in cues for b in c if start <= b <= end), end]
    segments = list(zip(bounds[::2], bounds[1::2], strict=False))
    for a, b in reversed(segments):
        words = list(re.finditer(r"[\w'’-]+", text[a:b]))
        for n, word in enumerate(words):
            side = lex.side_words.get(word.group())
            if side not in ("russia", "ukraine"):
                continue
            at = a + word.start()
            # (the preposition may stand before the window's cut)
            if prepositions.search(text, max(0, at - 40), at):
                continue
            if n >= _SUBJECT_WORDS:
                return "unknown"
            if _BOTH_SIDES.match(text, a + word.end()):
                return "both"  # "Russian and Ukrainian forces advanced": no one side
            return str(side)
    return "unknown"


@cache
def _toll(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = lex.data.get("tolls", {})
    if not spec:
        return _NEVER, _NEVER
    return phrase_pattern(spec.get("nouns", [])), phrase_pattern(spec.get("links", []))


_TOLL_CLAUSE_END = re.compile(r"[.;]|,\s")


def toll_count(
    lex: Lexicon, text: str, trigger: re.Match[str], sentence_end: int
) -> list[FoundQuantity]:
    """The number a toll noun is said to stand at: "the death toll ... rose
    from seven to eight" (eight), "the death toll is now 35" (35). People
    killed, counted by a bare number after a linking verb in its clause."""
    nouns, links = _toll(lex)
    if not nouns.fullmatch(trigger.group()):
        return []
    link = links.search(text, trigger.end(), min(sentence_end, trigger.end() + 120))
    if link is None:
        return []
    end = _TOLL_CLAUSE_END.search(text, link.end(), sentence_end)
    numbers = list(
        bare_number(lex).finditer(
            text, link.end(), end.start() if end else sentence_end
        )
    )
    if not numbers:
        return []
    m = numbers[-1]
    value = parse_number(m.group("num"), lex)
    if value is None:
        return []
    qualifier = lex.qualifiers.get(m.group("qual") or "")
    return [exact_count(m, value, "personnel", "personnel", qualifier)]


_EVENT_REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+(?:strike|strikes|attack|attacks|raid|shelling|explosion)\b",
    re.IGNORECASE,
)
_EVENT_REACH = 600  # characters back to the strike a definite noun names again


def place_of_event_named(
    text: str, claims: Sequence[Claim], window: tuple[int, int]
) -> tuple[PlaceMention, ...]:
    """The place of the strike a definite noun names again ("the raid's death
    toll stands at 12", "destroyed in this raid"): the last strike claimed
    before, within a few sentences, when it was about one place."""
    m = _EVENT_REFERENCE.search(text, *window)
    if m is None:
        return ()
    for claim in reversed(claims):
        if claim.action_start >= m.start():
            continue
        if m.start() - claim.action_start > _EVENT_REACH:
            return ()
        if claim.claim_type == "strike" and len(claim.places) == 1:
            return claim.places
    return ()


def range_as_upper_bound(lex: Lexicon, quantity: Quantity | None) -> Quantity | None:
    """A range of two numbers ("from 3 to 8 km") claims up to its upper
    bound: the value an analyst reads, with the range kept in low and high.
    Vague amounts ("dozens") keep no value."""
    if (
        quantity is None
        or quantity.value is not None
        or quantity.low is None
        or quantity.high is None
        or lex.vague.pattern.search(quantity.as_stated)
    ):
        return quantity
    return replace(quantity, value=quantity.high, qualifier="up to")


def counts_places(lex: Lexicon, text: str, cause: re.Match[str]) -> bool:
    """Whether a cause word is a preposition before a count of places ("hit
    targets in 11 locations", "in eight regions"): it says where, not why."""
    number = bare_number(lex).match(text, cause.end() + 1)
    return number is not None and text[cause.end() : number.start()].isspace()


@cache
def _part_words(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the words that may stand between a movement and a place named again
    when the movement reached a part of it; the part nouns themselves)."""
    spec = lex.data.get("parts", {})
    if not spec:
        return _NEVER, _NEVER
    nouns = spec.get("nouns", [])
    words = [
        *nouns,
        *spec.get("links", []),
        *lex.data.get("objects", {}).get("words", []),
        *lex.data.get("reactions", {}).get("evidence_forces", []),
    ]
    gap = re.compile(rf"(?:\s*(?:{phrase_pattern(words).pattern})\s*)*", re.IGNORECASE)
    return gap, phrase_pattern(nouns)


def part_after(
    lex: Lexicon, text: str, trigger: re.Match[str], reference: re.Match[str]
) -> bool:
    """Whether a movement reached a part of a place named again after it
    ("raised a flag in the northern corner of the village", "drove the
    defenders from the eastern edge of the town"): only words of a
    part stand between, a part noun among them."""
    gap, nouns = _part_words(lex)
    between = text[trigger.end() : reference.start()]
    return gap.fullmatch(between) is not None and nouns.search(between) is not None


def part_before(
    lex: Lexicon, text: str, subject: tuple[int, int], reference: re.Match[str]
) -> bool:
    """Whether a part of a place named again is the subject right before a
    phrase of control ("the southern part of the town is under Ukrainian
    control"): the noun ends the subject, a part noun and its words open it."""
    gap, nouns = _part_words(lex)
    if text[reference.end() : subject[1]].strip():
        return False
    head = text[subject[0] : reference.start()]
    return gap.fullmatch(head) is not None and nouns.search(head) is not None


@cache
def _trailing_anchor(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = lex.data.get("places", {})
    before = phrase_pattern(spec.get("anchor_before", [])).pattern
    # "X, east of Y": after a comma, a distance may stand first ("X, 20km east of Y")
    after_comma = re.compile(
        rf"\s*,\s*(?:(?:about|approximately|some|roughly)\s+)?"
        rf"(?:\d+(?:\.\d+)?\s*(?:km|kilometers|kilometres)\s+)?"
        rf"(?:{before})\s+(?:the\s+)?",
        re.IGNORECASE,
    )
    facility = phrase_pattern(spec.get("facility_nouns", [])).pattern
    # "the X Bridge over the Y": the water a facility spans locates it
    spans = re.compile(rf"(?:{facility})\s+(?:over|across)\s+the\s+$", re.IGNORECASE)
    return after_comma, spans


def without_trailing_anchors(
    lex: Lexicon, text: str, places: tuple[PlaceMention, ...]
) -> tuple[PlaceMention, ...]:
    """The places of a claim less those named only to locate the place before
    them: "struck a depot in X, east of Y" (Y locates X), "the X Bridge over
    the Y River" (the river locates the bridge)."""
    if len(places) < 2:
        return places
    after_comma, spans = _trailing_anchor(lex)
    owner = _possessive_part(lex)
    kept = [places[0]]
    for previous, place in pairwise(places):
        if previous.end <= place.start and (
            after_comma.fullmatch(text, previous.end, place.start)
            or spans.search(text, max(0, place.start - 40), place.start)
        ):
            continue
        if (
            kept
            and kept[-1] is previous
            and previous.end <= place.start
            and owner.fullmatch(text, previous.end, place.start)
        ):
            kept.pop()  # "Y's southern outskirts of X": Y locates X
        kept.append(place)
    return tuple(kept)


@cache
def _possessive_part(lex: Lexicon) -> re.Pattern[str]:
    nouns = lex.data.get("parts", {}).get("nouns", [])
    if not nouns:
        return _NEVER
    # what follows a possessive place up to the place it locates ("'s
    # southeastern outskirts of"); the mention may hold the "'s" itself
    return re.compile(
        rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{phrase_pattern(nouns).pattern})"
        rf"\s+of\s+(?:the\s+)?",
        re.IGNORECASE,
    )


@cache
def _forecast(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = lex.data.get("mood", {})
    nouns = spec.get("nominal_actions", [])
    if not nouns:
        return _NEVER, _NEVER
    modal = phrase_pattern(spec.get("modal", [])).pattern
    # the noun's object, then a modal not of the past ("may have killed" is a
    # hedged event): "clashes near X could escalate"
    after = re.compile(
        rf"[^,;.:!?]{{0,50}}?\s(?:{modal})(?!\s+have\b)\s", re.IGNORECASE
    )
    return phrase_pattern(nouns), after


def forecast_of_noun(
    lex: Lexicon, text: str, trigger: re.Match[str], sentence_end: int
) -> bool:
    """Whether an action named by its noun is the subject of a modal ("fighting
    near X could escalate in spring", "strikes on Y will continue"): a
    forecast, no event."""
    nouns, after = _forecast(lex)
    return bool(nouns.fullmatch(trigger.group())) and bool(
        after.match(text, trigger.end(), sentence_end)
    )


_GERUND_PREPOSITIONS = re.compile(r"\b(?:by|into|through|via)\s+$", re.IGNORECASE)
_INFINITIVE = re.compile(
    r"\b([\w'’-]+)\s+(?:[\w'’-]+ly\s+)?to\s+[\w'’-]+", re.IGNORECASE
)


@cache
def _entailing(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data.get("mood", {})
    words = [*spec.get("entailing", []), *spec.get("instrument_verbs", [])]
    return phrase_pattern(words)


def gerund_of_aim(
    lex: Lexicon, text: str, trigger: re.Match[str], sentence_start: int
) -> bool:
    """Whether a gerund after "by" or "into" is the means of an infinitive of
    aim before it ("cannot cut off X merely by taking Y", "meant to
    lure Z into attacking W"): no event. After an infinitive that entails its
    action ("continued to strike X by firing") it is one."""
    word = trigger.group()
    if " " in word or not word.casefold().endswith("ing"):
        return False
    start = trigger.start()
    if not _GERUND_PREPOSITIONS.search(text, max(0, start - 8), start):
        return False
    head = max(sentence_start, start - 160)
    head = max(head, text.rfind(";", head, start) + 1, text.rfind(":", head, start) + 1)
    infinitives = list(_INFINITIVE.finditer(text, head, start))
    if not infinitives:
        return False
    governing = infinitives[-1].group(1)
    return _entailing(lex).fullmatch(governing) is None


@cache
def _facility_after(lex: Lexicon) -> re.Pattern[str]:
    words = lex.data.get("places", {}).get("facility_after", [])
    if not words:
        return _NEVER
    return re.compile(rf"\s+(?:{phrase_pattern(words).pattern})(?![\w-])")


def with_facility_nouns(
    lex: Lexicon, text: str, places: Sequence[PlaceMention]
) -> tuple[PlaceMention, ...]:
    """Mentions of a town that names an installation written in lower case
    after it ("the Kursk nuclear power plant", "the Saky airbase") take the
    noun in: the place is the installation, which the gazetteer may know as a
    place of its own, and otherwise stands at its town."""
    pattern = _facility_after(lex)
    out: list[PlaceMention] = []
    for p in places:
        noun = pattern.match(text, p.end)
        if noun:
            out.append(replace(p, name=text[p.start : noun.end()], end=noun.end()))
        else:
            out.append(p)
    return tuple(out)


_SHARE_OF = re.compile(
    r"\s+of\s+(?P<noun>the\s+(?:city|town|village|settlement))\b", re.IGNORECASE
)


def share_of_place_named_again(
    text: str,
    quantity: Quantity,
    referred: Callable[..., tuple[PlaceMention, ...]],
) -> tuple[PlaceMention, ...]:
    """The place a share is of when the text names it again by a definite
    noun ("holds 60 percent of the town"): the place ``referred`` finds for
    that noun, the last settlement named before it."""
    if quantity.unit != "percent":
        return ()
    m = _SHARE_OF.match(text, quantity.end)
    if m is None:
        return ()
    return referred((m.start("noun"), m.end("noun")), before=True)


@cache
def _priorities(
    lex: Lexicon,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    spec = lex.data.get("mood", {})
    ranking = spec.get("priority_verbs", [])
    focus = spec.get("focus_verbs", [])
    contested = spec.get("contested_after", [])
    if not ranking or not focus:
        return _NEVER, _NEVER, _NEVER
    # "prioritize assaults under the cover of glide bombs on X": the verb,
    # then its object up to the action noun, within one clause
    ranked = re.compile(
        rf"\b(?:{phrase_pattern(ranking).pattern})\b[^.;:!?]{{0,80}}$", re.IGNORECASE
    )
    # "focused on holding and retaking X": the gerunds right after the verb
    focused = re.compile(
        rf"\b(?:{phrase_pattern(focus).pattern})\s+"
        rf"(?:[\w'’-]+ing\s+(?:and|or)\s+)?$",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"[^.;:!?]{{0,80}}?\s(?:{phrase_pattern(contested).pattern})\b", re.IGNORECASE
    )
    return ranked, focused, after


# Actions whose "focus on" is a goal not yet reached; fire and attacks are the
# activity itself ("focused on shelling X" reports shelling).
_GOALS = frozenset({"captured", "held", "advanced", "entered", "encircled", "crossed"})


def aim_of_priority(
    lex: Lexicon, text: str, trigger: re.Match[str], sentence_start: int, action: str
) -> bool:
    """Whether the action stands in a statement of what a force gives priority
    to ("keep prioritizing assaults under the cover of artillery on X") or
    focuses on reaching ("focused on regaining control of X"): an aim, no
    event."""
    ranked, focused, _ = _priorities(lex)
    head = max(sentence_start, trigger.start() - 100)
    if ranked.search(text, head, trigger.start()):
        return True
    return action in _GOALS and focused.search(text, head, trigger.start()) is not None


def control_contested(
    lex: Lexicon, text: str, trigger: re.Match[str], sentence_end: int
) -> bool:
    """Whether the control a trigger names is said to be contested ("control of
    the villages remains contested"): held by neither side, no claim."""
    _, _, after = _priorities(lex)
    return after.match(text, trigger.end(), sentence_end) is not None


@cache
def _background(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data.get("mood", {})
    words = spec.get("background_prepositions", [])
    if not words:
        return _NEVER
    # "following the Russian withdrawal from X", "since Ukraine's liberation of Y"
    return re.compile(
        rf"\b(?:{phrase_pattern(words).pattern})\s+(?:the\s+)?"
        rf"(?:[A-Z][\w-]*(?:['’]s)?\s+){{0,2}}$"
    )


_ACTION_NOUN = re.compile(r"[a-z]+(?:al|ion|ure|ment)\b", re.IGNORECASE)


def background_event(lex: Lexicon, text: str, trigger: re.Match[str]) -> bool:
    """Whether an action named by its noun stands after a preposition of time
    ("following the Russian withdrawal from X"): the earlier event a statement
    is dated by, named as known background, no claim of its own."""
    if not _ACTION_NOUN.fullmatch(trigger.group().split()[0]):
        return False
    return (
        _background(lex).search(text, max(0, trigger.start() - 60), trigger.start())
        is not None
    )


@cache
def _locating(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    spec = lex.data.get("places", {})
    facility = phrase_pattern(spec.get("facility_nouns", [])).pattern
    # "the X Mine in northern Y", "the X forested area in the Y direction"
    gap = re.compile(
        r"(?:\s+[a-z][\w-]*){0,2}\s+in\s+(?:the\s+)?"
        r"(?P<part>(?:north|south|east|west|central|centre|center)[\w-]*\s+)?"
    )
    direction = re.compile(r"\s+direction\b", re.IGNORECASE)
    return gap, direction, re.compile(rf"(?:{facility})$")


def without_locating_places(
    lex: Lexicon, text: str, places: tuple[PlaceMention, ...]
) -> tuple[PlaceMention, ...]:
    """The places of a claim less a place named after another only to locate
    it: "near the X Mine in northern Y", "near the X forest in the Y
    direction" (the claim is about X, which lies in Y or toward it)."""
    if len(places) < 2:
        return places
    gap, direction, facility = _locating(lex)
    kept = [places[0]]
    for previous, place in pairwise(places):
        found = (
            gap.fullmatch(text, previous.end, place.start)
            if previous.end <= place.start
            else None
        )
        if found is not None and (
            direction.match(text, place.end)
            or (found.group("part") and facility.search(previous.name))
        ):
            continue
        kept.append(place)
    return tuple(kept)
