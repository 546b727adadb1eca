"""Whether an action word reports an event: its grammar in its own clause.

An action word reports an event only as a finite verb (or its passive) in a
clause that is neither a question nor a condition. The same word is no claim
as an attribute ("in occupied Berdyansk", "оккупированного Донецка"), as an
infinitive of aim or plan ("aimed to seize", "планируют взять"), under a modal
or in the future ("will likely attempt to capture", "освободят"), or in
another sense ("освобожден от должности"). A negated action ("have not
seized", "не освободили") or a reported failure ("failed to capture", "не
удалось войти") is a denial of the event.

English is read by the words around the action; Russian and Ukrainian by the
action word's own form, from pymorphy3 (a full participle in an oblique case
is an attribute, an infinitive depends on the word before it).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from foglift.extract.lexicon import Lexicon, phrase_pattern

Mood = Literal["event", "negated", "failed", "irrealis", "attributive", "other_sense"]

# Moods that make no claim at all; "negated" and "failed" make a denial.
NOT_CLAIMS: frozenset[Mood] = frozenset({"irrealis", "attributive", "other_sense"})

_WORD = re.compile(r"[\w'’-]+")
_YEAR_AFTER_OF = re.compile(r"\s+(?:the\s+)?(?:19|20)\d\d\b")


def _words(spec: dict[str, Any], key: str) -> str:
    return phrase_pattern(spec.get(key, [])).pattern


@cache
def _spec(lex: Lexicon) -> dict[str, Any]:
    spec = lex.data.get("mood", {})
    return {
        "modal": phrase_pattern(spec.get("modal", [])),
        "entailing": phrase_pattern(spec.get("entailing", [])),
        "failure": phrase_pattern(spec.get("failure", [])),
        "negation": phrase_pattern(spec.get("negation", [])),
        "conditional": phrase_pattern(spec.get("conditional", [])),
        "attributive_before": phrase_pattern(spec.get("attributive_before", [])),
        "attributive_nouns": phrase_pattern(spec.get("attributive_nouns", [])),
        "skip": phrase_pattern(spec.get("skip", [])),
        "other_senses": phrase_pattern(spec.get("other_senses", [])),
        "infinitive_marker": phrase_pattern(spec.get("infinitive_marker", [])),
        "instrument_verbs": phrase_pattern(spec.get("instrument_verbs", [])),
        "irregular_participles": phrase_pattern(spec.get("irregular_participles", [])),
        "list_conjunctions": phrase_pattern(spec.get("list_conjunctions", [])),
        "nouns": phrase_pattern(spec.get("noun_readings", [])),
        "perfect": phrase_pattern(spec.get("perfect", [])),
        "plan_nouns": phrase_pattern(spec.get("plan_nouns", [])),
        "transitive_only": phrase_pattern(spec.get("transitive_only", [])),
        "no_object": phrase_pattern(spec.get("no_object", [])),
        "determiners": phrase_pattern(spec.get("determiners", [])),
        "rate_nouns": phrase_pattern(spec.get("rate_nouns", [])),
        "habitual": phrase_pattern(spec.get("habitual", [])),
        "preventing": phrase_pattern(spec.get("preventing", [])),
        "progressive_aux": phrase_pattern(spec.get("progressive_aux", [])),
        "noun_modifiers": phrase_pattern(spec.get("noun_modifiers", [])),
        # "Russian objective: capture X": an aim's heading, not an event.
        "aim_heading": re.compile(
            rf"(?:{phrase_pattern(spec.get('aim_nouns', [])).pattern})[\s*_]*:[\s*_]*$",
            re.IGNORECASE,
        ),
        # "Main Effort #2 – Capture X and encircle Y": a line naming a
        # campaign's effort states what it aims at, every action in it.
        "effort_line": re.compile(
            rf"[\s*_#-]*(?:[\w'’-]+\s+){{0,4}}?"
            rf"(?:{phrase_pattern(spec.get('effort_nouns', [])).pattern})"
            rf"(?:\s*#\s*\d+)?[\s*_]*[:—–-]"
        )
        if spec.get("effort_nouns")
        else None,
        # Non-military nouns a participle may qualify ("a blackmail scheme
        # targeting X").
        "other_heads": phrase_pattern(spec.get("other_heads", [])),
        # "targeting Kyiv with a disinformation campaign": not a weapon.
        "other_instruments": re.compile(
            rf"[^.;:!?]{{0,60}}?(?:{_words(spec, 'instrument_preps')})"
            rf"\s+(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?:{phrase_pattern(spec.get('other_instruments', [])).pattern})",
            re.IGNORECASE,
        ),
        # "fired the commander": a person dismissed, not a weapon fired.
        "dismissal_verbs": phrase_pattern(spec.get("dismissal_verbs", [])),
        # "fired Ivanov for ...": a person's name as the object, then a reason,
        # a time or the clause's end; a weapon's name is followed by its noun
        # or a target ("fired Kalibr missiles", "fired Grads at X").
        "dismissed_name": re.compile(
            r"\s+(?:[A-Z][\w'’-]+\s+)?[A-Z][a-z][\w'’-]*"
            rf"(?=\s+(?:{_words(spec, 'dismissal_reasons')})\b|\s*[,.;])"
        )
        if spec.get("dismissal_reasons")
        else re.compile(r"(?!x)x"),
        "dismissed": re.compile(
            rf"\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'’-]+\s+){{0,2}}?"
            rf"(?:{phrase_pattern(spec.get('dismissed', [])).pattern})",
            re.IGNORECASE,
        ),
    }


def _morph(lang: str) -> Any:
    from foglift.geoparse.morphology import analyzer

    return analyzer(lang)


@cache
def _forms(lang: str, word: str) -> frozenset[str]:
    """The grammemes of every reading of ``word`` that pymorphy3 gives, each
    reading as one string ("PRTF,perf gent" ...), joined into a set of tags."""
    return frozenset(str(p.tag) for p in _morph(lang).parse(word))


def _words_before(text: str, start: int, end: int) -> list[str]:
    return [m.group() for m in _WORD.finditer(text, start, end)]


def _is(pattern: re.Pattern[str], words: list[str]) -> bool:
    return bool(words) and pattern.fullmatch(" ".join(words)) is not None


def _ends_with(pattern: re.Pattern[str], words: list[str], most: int = 3) -> int:
    """How many of the last words form a phrase of ``pattern`` (0 if none)."""
    for n in range(min(most, len(words)), 0, -1):
        if _is(pattern, words[-n:]):
            return n
    return 0


def _strip_skipped(spec: dict[str, Any], words: list[str]) -> list[str]:
    """Drop adverbs between a word and the action ("will likely attempt")."""
    while words and (
        _is(spec["skip"], words[-1:])
        or (len(words[-1]) > 4 and words[-1].casefold().endswith("ly"))
    ):
        words = words[:-1]
    return words


def _after_infinitive_marker(spec: dict[str, Any], words: list[str]) -> Mood:
    """The mood of an infinitive, from the word it depends on."""
    # ("unsuccessfully attempted to": the adverb is part of the failure)
    if _ends_with(spec["failure"], words):
        return "failed"
    words = _strip_skipped(spec, words)
    if _ends_with(spec["failure"], words):
        return "failed"
    if _ends_with(spec["entailing"], words) or any(
        _is(spec["instrument_verbs"], [w]) for w in words[-8:]
    ):
        return "event"
    return "irrealis"


def action_mood(
    lex: Lexicon,
    text: str,
    clause_start: int,
    trigger: re.Match[str],
    sentence: tuple[int, int],
    quantified: bool,
) -> Mood:
    """The mood of the action ``trigger`` in the clause that starts at
    ``clause_start``; ``quantified`` when it acts on a number (an attribute
    with a number, "20 сбитых беспилотников", still reports the downing)."""
    spec = _spec(lex)
    sentence_start, sentence_end = sentence
    if spec["other_senses"].match(text, _skip_space(text, trigger.end())):
        return "other_sense"
    if _YEAR_AFTER_OF.match(text, trigger.end()) and trigger.group().endswith("of"):
        return "other_sense"  # "the fall of 2025" is a season
    if spec["dismissal_verbs"].fullmatch(trigger.group()) and (
        spec["dismissed"].match(text, trigger.end())
        or spec["dismissed_name"].match(text, trigger.end())
    ):
        return "other_sense"
    if spec["other_instruments"].match(text, trigger.end(), sentence_end):
        return "other_sense"
    line_start = text.rfind("\n", 0, trigger.start()) + 1
    if spec["aim_heading"].search(
        text, max(line_start, sentence_start), trigger.start()
    ):
        return "irrealis"
    if spec["effort_line"] is not None and spec["effort_line"].match(
        text, line_start, trigger.start()
    ):
        return "irrealis"
    sentence_tail = text[trigger.end() : sentence_end].rstrip(" »\"'”)")
    if sentence_tail.endswith("?"):
        return "irrealis"
    before = _words_before(text, clause_start, trigger.start())
    if spec["conditional"].search(" ".join(before)):
        return "irrealis"
    # The verb an infinitive depends on may stand behind a parenthesis
    # ("used rocket systems (HIMARS) to strike"): read the whole sentence.
    governing = _words_before(text, sentence_start, trigger.start())
    if lex.lang in ("ru", "uk"):
        return _slavic_mood(lex, spec, text, trigger, before, governing, quantified)
    return _english_mood(spec, text, trigger, before, governing, quantified)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _negated(spec: dict[str, Any], words: list[str]) -> bool:
    """A negation right before the action, adverbs and "been" skipped."""
    words = _strip_skipped(spec, words)
    return bool(words) and _is(spec["negation"], words[-1:])


def _english_mood(
    spec: dict[str, Any],
    text: str,
    trigger: re.Match[str],
    before: list[str],
    governing: list[str],
    quantified: bool,
) -> Mood:
    words = _strip_skipped(spec, before)
    if words and _is(spec["infinitive_marker"], words[-1:]):
        marker = len(governing) - (len(before) - len(words)) - 1
        return _after_infinitive_marker(spec, governing[:marker])
    if _ends_with(spec["modal"], words):
        return "irrealis"
    stated = trigger.group()
    if (
        stated.split()[0].casefold().endswith("ing")
        and len(words) >= 2
        and words[-1].casefold() in ("for", "of")
        and _is(spec["plan_nouns"], words[-2:-1])
    ):
        return "irrealis"  # "Putin's vision for seizing all of X"
    if stated.split()[0].casefold().endswith("ing") and _generic_gerund(spec, before):
        return "other_sense"
    coordinated = _coordinated_infinitive(spec, stated, words, governing, before)
    if coordinated is not None:
        return coordinated
    participle = " " not in stated.strip() and (
        re.search(r"(?:ed|en)$", stated, re.I)
        or spec["irregular_participles"].fullmatch(stated)
    )
    if spec["transitive_only"].fullmatch(stated.strip()):
        following = _WORD.match(text, _skip_space(text, trigger.end()))
        if following is None or _is(spec["no_object"], [following.group()]):
            return "other_sense"  # "the numbers dropped sharply"
    if _is_noun_reading(spec, stated, words):
        return "other_sense"  # "a control post", "artillery shells"
    if words and stated.endswith("ing") and _is(spec["other_heads"], words[-1:]):
        return "other_sense"  # "its energy blackmail scheme targeting X"
    perfect = bool(words) and _is(spec["perfect"], words[-1:])
    if participle and not quantified and not perfect:
        after = _WORD.match(text, _skip_space(text, trigger.end()))
        if (
            text[trigger.start() - 1 : trigger.start()] == "-"
            or (words and _is(spec["attributive_before"], words[-1:]))
            or _coordinated_attribute(spec, words)
            or (words and words[-1].endswith(("'s", "’s")))
            or _list_item(spec, text, trigger, words)
            or (
                after is not None
                and _is(spec["attributive_nouns"], [after.group()])
                and not (words and _is(spec["skip"], words[-1:]))
            )
        ):
            return "attributive"
    if _negated(spec, before):
        return "negated"
    return "event"


def _generic_gerund(spec: dict[str, Any], before: list[str]) -> bool:
    """A gerund that names no event: the measure of an activity ("increased
    their rate of intercepting drones"; the count that follows, if any, is
    its own claim) or a habit with no auxiliary ("patrols routinely
    crossing X", but "are constantly attacking" is progressive)."""
    if len(before) >= 2 and before[-1].casefold() == "of":
        return _is(spec["rate_nouns"], before[-2:-1])
    if len(before) >= 2 and before[-1].casefold() == "from":
        # "stop the enemy from crossing X": what is kept from happening
        return any(_is(spec["preventing"], [w]) for w in before[-6:-1])
    if before and _is(spec["habitual"], before[-1:]):
        return not (len(before) >= 2 and _is(spec["progressive_aux"], before[-2:-1]))
    return False


def _coordinated_infinitive(
    spec: dict[str, Any],
    stated: str,
    words: list[str],
    governing: list[str],
    before: list[str],
) -> Mood | None:
    """A bare verb after "and" joined to an infinitive before it takes that
    infinitive's mood: "attempting to reach the river and seize X" is an aim."""
    first = stated.split()[0]
    if (
        not words
        or not _is(spec["list_conjunctions"], words[-1:])
        or re.search(r"(?:ed|en|ing|s)$", first, re.I)
    ):
        return None
    window = words[-12:-1]
    for k in range(len(window) - 2, -1, -1):
        if _is(spec["infinitive_marker"], [window[k]]):
            marker = len(governing) - (len(before) - len(words)) - len(window) - 1 + k
            return _after_infinitive_marker(spec, governing[:marker])
    return None


def _is_noun_reading(spec: dict[str, Any], stated: str, words: list[str]) -> bool:
    """A bare form that is also a noun, after a determiner or a noun it
    modifies: "a Russian control post", "fire control", "artillery shells"."""
    if not spec["nouns"].fullmatch(stated.strip()) or not words:
        return False
    last = words[-1]
    return (
        _is(spec["determiners"], [last])
        or last.endswith(("'s", "’s"))
        or _is(spec["nouns"], [last])
        or _is(spec["noun_modifiers"], [last])
    )


def _coordinated_attribute(spec: dict[str, Any], words: list[str]) -> bool:
    """The second of two coordinated participles before a noun: "a weakened
    and abandoned country" (the first stands after an attributive word)."""
    return (
        len(words) >= 3
        and _is(spec["list_conjunctions"], words[-1:])
        and re.search(r"(?:ed|en)$", words[-2], re.I) is not None
        and _is(spec["attributive_before"], words[-3:-2])
    )


def _list_item(
    spec: dict[str, Any], text: str, trigger: re.Match[str], words: list[str]
) -> bool:
    """A participle opening the last item of a list of places ("from X; Y, Z;
    and occupied W"): the conjunction follows a comma or a semicolon."""
    if not words or not _is(spec["list_conjunctions"], words[-1:]):
        return False
    head = text[max(0, trigger.start() - 60) : trigger.start()]
    if re.search(rf"[,;]\s*{re.escape(words[-1])}\s+$", head) is not None:
        return True
    # "in X Oblast and occupied Y": names before the conjunction governed by a
    # preposition, so the participle qualifies the next name, as its first did.
    after = _WORD.match(text, _skip_space(text, trigger.end()))
    if after is None or not after.group()[:1].isupper():
        return False
    names = 0
    for word in reversed(words[-7:-1]):
        if word[:1].isupper():
            names += 1
            continue
        return names > 0 and _is(spec["attributive_before"], [word])
    return False


def _slavic_mood(
    lex: Lexicon,
    spec: dict[str, Any],
    text: str,
    trigger: re.Match[str],
    before: list[str],
    governing: list[str],
    quantified: bool,
) -> Mood:
    first = _WORD.match(trigger.group())
    if first is None:
        return "event"
    tags = _forms(lex.lang, first.group().casefold())
    infinitive = any(
        "INFN" in t or "infn" in t or (lex.lang == "uk" and _uk_infinitive(t, first))
        for t in tags
    )
    verb = any(t.startswith(("VERB", "PRTS")) for t in tags)
    future = bool(tags) and all("futr" in t or "infn" in t for t in tags if "VERB" in t)
    # ("знаходиться" reads as an infinitive too in the Ukrainian dictionary;
    # a present reading makes it the 3rd person it is in running text)
    finite = ("past", "Impe", "pres") if lex.lang == "uk" else ("past", "Impe")
    if infinitive and lex.lang == "ru" and len(trigger.group().split()) > 1:
        # "выйти из котла попытались": the infinitive's verb is in the phrase
        last = trigger.group().split()[-1].casefold()
        infinitive = not any("past" in t for t in _forms(lex.lang, last))
    if infinitive and not any(f in t for t in tags for f in finite):
        return _after_infinitive_marker(spec, governing)
    if verb and future and any("futr" in t for t in tags):
        return "irrealis"
    if _ends_with(spec["modal"], _strip_skipped(spec, before)):
        return "irrealis"
    adjectival = bool(tags) and all(t.startswith(("PRTF", "ADJF")) for t in tags)
    if adjectival and not quantified:
        cases = {g for t in tags for g in re.split(r"[ ,]", t)}
        preposition = bool(before) and _is(spec["attributive_before"], before[-1:])
        if preposition or not cases & {"nomn", "voct"}:
            return "attributive"
    if _negated(spec, before):
        return "negated"
    return "event"


def _uk_infinitive(tag: str, word: re.Match[str]) -> bool:
    """pymorphy3's Ukrainian dictionary leaves some infinitives untagged
    ("звільнити" is "VERB,perf"): a verb ending in -ти/-ть with no tense."""
    return (
        tag.startswith("VERB")
        and not any(g in tag for g in ("past", "pres", "futr", "Impe", "impr"))
        and word.group().casefold().endswith(("ти", "ть", "тися", "тись"))
    )
