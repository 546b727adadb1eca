"""Lexicons that drive extraction, loaded from the TOML files beside this module.

The files hold words and phrases only; this module turns each list into one
compiled pattern so a new phrasing never needs a code change. A word ending in
``*`` is a stem ("освобо*" matches every form of the verb), which is how the
Russian and Ukrainian lexicons cope with inflection; "е" and "ё" match each
other.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

from foglift.errors import LexiconError

V = TypeVar("V")


def phrase_key(text: str) -> str:
    """Case-, spacing- and ё-insensitive key of a phrase."""
    return " ".join(text.casefold().replace("ё", "е").split())


_YO = str.maketrans({"е": "[её]", "ё": "[её]", "Е": "[ЕЁ]", "Ё": "[ЕЁ]"})


def _word_rx(word: str) -> str:
    if "*-" in word:  # "дрон*-камикадзе": each part of a hyphenated word declines
        return "-".join(_word_rx(part) for part in word.split("-"))
    stem = word.endswith("*") and len(word) > 1
    body = re.escape(word[:-1] if stem else word).translate(_YO)
    return body + (r"\w*" if stem else "")


def _phrase_rx(phrase: str) -> str:
    return r"\s+".join(_word_rx(w) for w in phrase.split())


def phrase_pattern(
    phrases: Iterable[str], *, flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    """One alternation over ``phrases``: longest first, word-bounded, any spacing."""
    # Extraction asks for the same lists' patterns for every text: building
    # the pattern's source cost more than matching it (a tenth of extraction).
    return _phrase_pattern(tuple(phrases), flags)


@lru_cache(maxsize=1024)
def _phrase_pattern(phrases: tuple[str, ...], flags: int) -> re.Pattern[str]:
    alternatives = sorted(
        {p.strip() for p in phrases if p.strip()}, key=len, reverse=True
    )
    body = "|".join(_phrase_rx(p) for p in alternatives) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


class Table(Generic[V]):
    """Phrases (stems allowed) mapped to values, with one pattern matching any."""

    def __init__(self, items: Mapping[str, V], *, flags: int = re.IGNORECASE) -> None:
        self._exact: dict[str, V] = {}
        self._stems: list[tuple[re.Pattern[str], V]] = []
        for phrase, value in items.items():
            if "*" in phrase:
                self._stems.append((re.compile(_phrase_rx(phrase), flags), value))
            else:
                self._exact.setdefault(phrase_key(phrase), value)
        self.phrases = list(items)
        self.pattern = phrase_pattern(self.phrases, flags=flags)
        # The same alternation bounded by letters only, so "twenty" matches in
        # "twenty-five".
        ordered = sorted(set(self.phrases), key=len, reverse=True)
        body = "|".join(_phrase_rx(p) for p in ordered) or r"(?!x)x"
        self.bare = rf"(?<!\w)(?:{body})(?!\w)"

    def get(self, text: str) -> V | None:
        found = self._exact.get(phrase_key(text))
        if found is not None:
            return found
        for pattern, value in self._stems:
            if pattern.fullmatch(" ".join(text.split())):
                return value
        return None

    def __contains__(self, text: str) -> bool:
        return self.get(text) is not None

    def __getitem__(self, text: str) -> V:
        found = self.get(text)
        if found is None:
            raise KeyError(text)
        return found


@dataclass(frozen=True, slots=True)
class ActionEntry:
    action: str
    claim_type: str
    units: tuple[str, ...]
    by_unit: dict[str, str]
    action_by_unit: dict[str, str]
    # "agent" when the action's subject did it ("our units destroyed"),
    # "patient" when the subject suffered it ("the enemy lost 40 soldiers").
    subject: str = "agent"


@dataclass(frozen=True, eq=False)  # identity hash: derived patterns cache per lexicon
class Lexicon:
    lang: str
    data: dict[str, Any]
    reporting: dict[str, re.Pattern[str]]  # stance -> verb phrases
    according_to: re.Pattern[str]
    statement_nouns: re.Pattern[str]
    reaction_supports: re.Pattern[str]
    reaction_disputes: re.Pattern[str]
    reaction_hedges: re.Pattern[str]
    negation: re.Pattern[str]
    independently: re.Pattern[str]
    reference_nouns: re.Pattern[str]
    actions: Table[ActionEntry]
    units: Table[tuple[str, str]]  # form -> (unit, category)
    qualifiers: Table[str]
    number_words: Table[float]
    multipliers: Table[float]
    vague: Table[tuple[float, float]]
    durations: Table[tuple[int, int]]
    relative_days: Table[int]
    months: Table[int]
    weekdays: Table[int]
    same_day: re.Pattern[str]
    carry: re.Pattern[str]
    source_nouns: Table[str]
    person_nouns: Table[str]
    determiners: list[str]
    modifiers: list[str]
    channel_nouns: re.Pattern[str]
    milblogger_cues: re.Pattern[str]
    side_words: Table[str]  # word -> side
    hedges: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    passive_aux: re.Pattern[str]
    object_words: Table[bool]
    capital: str  # character class of capital letters that start a name


def _section(data: dict[str, Any], *path: str) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise LexiconError(
                f"lexicon is missing [{'.'.join(path)}]",
                hint="restore the entry in the lexicon TOML file",
            )
        node = node[key]
    return node


def _inflected(items: dict[str, V], lang: str) -> dict[str, V]:
    """Add every inflected form of each single word (pymorphy3) to ``items``."""
    morph = _morph(lang)
    out = dict(items)
    for phrase, value in items.items():
        if " " in phrase or "*" in phrase:
            continue
        parses = morph.parse(phrase)
        # The word's own lexeme first: Ukrainian "три" parses first as a verb.
        own = [p for p in parses if p.normal_form == phrase.casefold()]
        for parse in (own or parses)[:1]:
            for form in parse.lexeme:
                out.setdefault(str(form.word), value)
    return out


def _morph(lang: str) -> Any:
    from foglift.geoparse.morphology import analyzer

    return analyzer(lang)


def _build(lang: str, data: dict[str, Any]) -> Lexicon:
    actions: dict[str, ActionEntry] = {}
    for action, spec in _section(data, "actions").items():
        entry = ActionEntry(
            # a second table for one action ("encircled, said of the encircled")
            str(spec.get("action", action)),
            spec["type"],
            tuple(spec.get("units", ())),
            dict(spec.get("by_unit", {})),
            dict(spec.get("action_by_unit", {})),
            str(spec.get("subject", "agent")),
        )
        for phrase in spec["stated"]:
            # The first action listing a phrase keeps it (lexicon order decides).
            actions.setdefault(phrase, entry)
    units: dict[str, tuple[str, str]] = {}
    for category, by_unit in _section(data, "units").items():
        for unit, forms in by_unit.items():
            for form in forms:
                units.setdefault(form, (unit, category))
    sides = {w: side for side, words in _section(data, "sides").items() for w in words}
    quantity = _section(data, "quantity")
    inflect = bool(quantity.get("inflect", False))

    def words_of(items: dict[str, V]) -> dict[str, V]:
        return _inflected(items, lang) if inflect else items

    unnamed = _section(data, "unnamed")
    reporting = _section(data, "reporting")
    reactions = _section(data, "reactions")
    time = _section(data, "time")
    clauses = _section(data, "clauses")
    return Lexicon(
        lang=lang,
        data=data,
        reporting={
            stance: phrase_pattern(spec["verbs"]) for stance, spec in reporting.items()
        },
        according_to=phrase_pattern(reporting["asserts"]["according_to"]),
        statement_nouns=phrase_pattern(reporting["asserts"]["statement_nouns"]),
        reaction_supports=phrase_pattern(reactions["supports"]),
        reaction_disputes=phrase_pattern(reactions["disputes"]),
        reaction_hedges=phrase_pattern(reactions["hedges"]),
        negation=phrase_pattern(reactions["negation"]),
        independently=phrase_pattern(reactions.get("independently", [])),
        reference_nouns=phrase_pattern(reactions["reference_nouns"]),
        actions=Table(actions),
        units=Table(units),
        qualifiers=Table(dict(quantity["qualifiers"])),
        number_words=Table(
            words_of({k: float(v) for k, v in quantity["words"].items()})
        ),
        multipliers=Table(
            words_of({k: float(v) for k, v in quantity["multipliers"].items()})
        ),
        vague=Table(
            words_of(
                {k: (float(v[0]), float(v[1])) for k, v in quantity["vague"].items()}
            )
        ),
        durations=Table(
            {k: (int(v[0]), int(v[1])) for k, v in time["durations"].items()}
        ),
        relative_days=Table({k: int(v) for k, v in time["relative"].items()}),
        months=Table({k: int(v) for k, v in time["months"].items()}),
        weekdays=Table({k: int(v) for k, v in time["weekdays"].items()}),
        same_day=phrase_pattern(time["same_day"]["phrases"]),
        carry=phrase_pattern(_section(data, "carry", "pronouns")),
        source_nouns=Table(dict(unnamed["source_nouns"])),
        person_nouns=Table(dict(unnamed["person_nouns"])),
        determiners=list(unnamed["determiners"]),
        modifiers=list(unnamed["modifiers"]),
        channel_nouns=phrase_pattern(unnamed["channel_nouns"]),
        milblogger_cues=phrase_pattern(unnamed["milblogger_cues"]),
        side_words=Table(sides),
        hedges=phrase_pattern(_section(data, "hedges", "phrases")),
        clause_breaks=phrase_pattern(clauses["conjunctions"]),
        passive_aux=phrase_pattern(clauses["passive_aux"]),
        object_words=Table(dict.fromkeys(_section(data, "objects", "words"), True)),
        capital=str(data.get("capital", "A-Z")),
    )


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """The lexicon for ``lang``, parsed and compiled once per process."""
    try:
        raw = resources.files(__name__).joinpath(f"{lang}.toml").read_text("utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(
            f"no extraction lexicon for language {lang!r}",
            hint="use --lang en, ru or uk, or add a lexicon file for the language",
        ) from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicon {lang}.toml is not valid TOML: {exc}") from exc
    return _build(lang, data)
