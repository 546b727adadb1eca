"""Lexicons that drive extraction, loaded from the TOML files beside this module.

The files hold words and phrases only; this module turns each list into one
compiled pattern so a new phrasing never needs a code change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from foglift.errors import DataError


def phrase_pattern(
    phrases: list[str], *, flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    """One alternation over ``phrases``: longest first, word-bounded, any spacing."""
    alternatives = sorted(
        {p.strip() for p in phrases if p.strip()}, key=len, reverse=True
    )
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


@dataclass(frozen=True, slots=True)
class ActionEntry:
    action: str
    claim_type: str
    units: tuple[str, ...]
    by_unit: dict[str, str]
    action_by_unit: dict[str, str]


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
    actions: re.Pattern[str]
    action_of: dict[str, ActionEntry]  # stated phrase (casefolded) -> entry
    units: re.Pattern[str]
    unit_of: dict[str, tuple[str, str]]  # form (casefolded) -> (unit, category)
    qualifiers: dict[str, str]
    number_words: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, tuple[float, float]]
    durations: dict[str, tuple[int, int]]
    relative_days: dict[str, int]
    same_day: re.Pattern[str]
    carry: re.Pattern[str]
    source_nouns: dict[str, str]
    person_nouns: dict[str, str]
    determiners: list[str]
    modifiers: list[str]
    channel_nouns: re.Pattern[str]
    milblogger_cues: re.Pattern[str]
    side_words: dict[str, str]  # word (casefolded) -> side
    hedges: re.Pattern[str]


def _section(data: dict[str, Any], *path: str) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise DataError(
                f"lexicon is missing [{'.'.join(path)}]",
                hint="restore the entry in the lexicon TOML file",
            )
        node = node[key]
    return node


def _build(lang: str, data: dict[str, Any]) -> Lexicon:
    action_of: dict[str, ActionEntry] = {}
    for action, spec in _section(data, "actions").items():
        entry = ActionEntry(
            action,
            spec["type"],
            tuple(spec.get("units", ())),
            dict(spec.get("by_unit", {})),
            dict(spec.get("action_by_unit", {})),
        )
        for phrase in spec["stated"]:
            # The first action listing a phrase keeps it (lexicon order decides).
            action_of.setdefault(" ".join(phrase.casefold().split()), entry)
    unit_of: dict[str, tuple[str, str]] = {}
    for category, units in _section(data, "units").items():
        for unit, forms in units.items():
            for form in forms:
                unit_of.setdefault(" ".join(form.casefold().split()), (unit, category))
    side_words = {
        w.casefold(): side
        for side, words in _section(data, "sides").items()
        for w in words
    }
    quantity = _section(data, "quantity")
    unnamed = _section(data, "unnamed")
    reporting = _section(data, "reporting")
    reactions = _section(data, "reactions")
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
        actions=phrase_pattern(list(action_of)),
        action_of=action_of,
        units=phrase_pattern(list(unit_of)),
        unit_of=unit_of,
        qualifiers={k.casefold(): v for k, v in quantity["qualifiers"].items()},
        number_words={k.casefold(): float(v) for k, v in quantity["words"].items()},
        multipliers={
            k.casefold(): float(v) for k, v in quantity["multipliers"].items()
        },
        vague={
            k.casefold(): (float(v[0]), float(v[1]))
            for k, v in quantity["vague"].items()
        },
        durations={
            k.casefold(): (int(v[0]), int(v[1]))
            for k, v in _section(data, "time", "durations").items()
        },
        relative_days={
            k.casefold(): int(v) for k, v in _section(data, "time", "relative").items()
        },
        same_day=phrase_pattern(_section(data, "time", "same_day", "phrases")),
        carry=phrase_pattern(_section(data, "carry", "pronouns")),
        source_nouns=dict(unnamed["source_nouns"]),
        person_nouns=dict(unnamed["person_nouns"]),
        determiners=list(unnamed["determiners"]),
        modifiers=list(unnamed["modifiers"]),
        channel_nouns=phrase_pattern(unnamed["channel_nouns"]),
        milblogger_cues=phrase_pattern(unnamed["milblogger_cues"]),
        side_words=side_words,
        hedges=phrase_pattern(_section(data, "hedges", "phrases")),
    )


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """The lexicon for ``lang``, parsed and compiled once per process."""
    try:
        raw = resources.files(__name__).joinpath(f"{lang}.toml").read_text("utf-8")
    except FileNotFoundError as exc:
        raise DataError(
            f"no extraction lexicon for language {lang!r}",
            hint="use --lang en, or add a lexicon file for the language",
        ) from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"lexicon {lang}.toml is not valid TOML: {exc}") from exc
    return _build(lang, data)
