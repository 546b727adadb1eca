"""Nominative forms of inflected Ukrainian and Russian place names.

"у Покровську", "під Красноармейском", "з Великої Новосілки": the gazetteer
holds the nominative, the text holds a case form. Two sources of candidates,
both checked against the gazetteer by the caller:

1. pymorphy3 with the uk and ru dictionaries: every noun or adjective parse
   is put back in the nominative *keeping its gender and number* (so an
   adjective parse of "Покровську" gives "Покровська", a noun parse gives
   "Покровськ", and the gazetteer decides), and
2. suffix rules for names the dictionaries do not know (most villages).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

from foglift.caches import entries

_UK_ONLY = re.compile("[іїєґ]")
_RU_ONLY = re.compile("[ыэёъ]")
_CONSONANTS = frozenset("бвгґджзклмнпрстфхцчшщ")

# (case ending, nominative endings) - longest endings first; for names that the
# dictionaries do not know. "" means the ending is dropped.
_SUFFIX_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # adjectival names: -ське/-ський/-ська, -ское/-ский/-ская
    ("ського", ("ське", "ський")),
    ("ському", ("ське", "ський", "ськ")),
    ("ської", ("ська",)),
    ("ській", ("ська",)),
    ("ською", ("ська",)),
    ("ским", ("ське", "ський", "ськ")),
    ("ского", ("ское", "ский")),
    ("скому", ("ское", "ский")),
    ("ской", ("ская", "ский")),
    ("ском", ("ское", "ск", "ский")),
    ("ськом", ("ськ",)),
    ("ську", ("ськ", "ська")),
    ("ська", ("ськ",)),
    ("ське", ("ськ",)),
    ("ске", ("ск",)),
    ("ска", ("ск",)),
    ("ску", ("ск",)),
    ("ого", ("е", "ий", "ое", "ый", "ій")),
    ("ому", ("е", "ий", "ое", "ый", "ій")),
    ("ім", ("е", "ий", "ій")),
    ("ом", ("", "о", "е")),
    ("ої", ("а", "я")),
    ("ой", ("а", "ая", "ой", "")),
    ("ій", ("а", "я", "ий", "ій")),
    ("ей", ("ь", "и", "")),
    # -ка nouns: Андріївка, Андріївці, Андріївки, Андріївку, Андреевке
    ("ці", ("ка",)),
    ("ки", ("ка",)),
    ("ку", ("ка",)),
    ("ке", ("ка",)),
    ("кою", ("ка",)),
    ("кой", ("ка",)),
    # -ок nouns drop their o: Довжок, Довжка, Довжку, Довжком; Барок, Барка
    ("ка", ("ок",)),
    ("ку", ("ок",)),
    ("ком", ("ок",)),
    ("кові", ("ок",)),
    # -це nouns: Озерце, Озерця, Озерці
    ("ці", ("це",)),
    ("ця", ("це",)),
    # plural names: П'ятихатки, П'ятихатках, П'ятихаток
    ("ах", ("и", "ы", "а")),
    ("ях", ("і", "и")),
    ("ок", ("ки",)),
    ("ів", ("и", "і")),
    ("їв", ("ї",)),
    ("ов", ("ы", "и")),
    ("ев", ("ы", "и")),
    # -а/-я nouns and consonant-final nouns
    ("ою", ("а",)),
    ("ею", ("я", "а")),
    ("ові", ("",)),
    ("еві", ("ь", "")),
    ("ом", ("",)),
    ("ем", ("ь", "")),
    ("і", ("а", "я", "", "ь", "и", "е")),
    ("ї", ("я", "ь")),
    ("и", ("а", "ь")),
    ("ы", ("а",)),
    ("е", ("а", "", "е", "о")),
    ("у", ("", "а")),
    ("ю", ("я", "ь")),
    ("я", ("ь",)),
    ("а", ("", "о", "е")),
)


@lru_cache(maxsize=2)
def analyzer(lang: str) -> Any:
    """The one pymorphy3 analyser of ``lang`` ("ru" or "uk") in this process:
    its dictionaries are loaded once, for extraction and geoparsing alike."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=entries("parses"))
def _parses(lang: str, word: str) -> tuple[Any, ...]:
    # detection asks whether a word is a given name, then for its nominatives:
    # one dictionary parse serves both
    return tuple(analyzer(lang).parse(word))


@lru_cache(maxsize=entries("inflection"))
def _inflection(
    lang: str, para_id: int, idx: int, required: frozenset[str]
) -> tuple[str, str] | None:
    """(prefix, suffix) of the form pymorphy3's ``Parse.inflect(required)``
    picks in a paradigm for its form ``idx``, or None when it finds none.

    The choice depends on the paradigm's tags only, not on the stem, so one
    choice serves every word of the paradigm; ``inflect`` itself builds the
    whole lexeme (a tag and a string per form) to make it, each time.
    """
    dictionary = analyzer(lang).dictionary
    paradigm = dictionary.paradigms[para_id]
    size = len(paradigm) // 3
    tags = [dictionary.build_tag_info(para_id, i) for i in range(size)]
    possible = [i for i in range(size) if required <= tags[i].grammemes]
    if not possible:
        required = tags[idx].fix_rare_cases(required)
        possible = [i for i in range(size) if required <= tags[i].grammemes]
    if not possible:
        return None
    grammemes = tags[idx].updated_grammemes(required)

    def similarity(i: int) -> float:
        # pymorphy3's own measure; max() keeps the first of equals, as it does
        found = tags[i].grammemes
        return len(grammemes & found) - 0.1 * len(grammemes ^ found)

    best = max(possible, key=similarity)
    prefix = dictionary.paradigm_prefixes[paradigm[size * 2 + best]]
    return prefix, dictionary.suffixes[paradigm[best]]


def _inflected_word(lang: str, parse: Any, required: frozenset[str]) -> str | None:
    """``parse.inflect(required).word``, without building the lexeme, for a
    word the dictionary holds, or parses by the analogy of a known ending,
    under any prefixes split off first (what nearly every parse is)."""
    from pymorphy3.units import (  # type: ignore[import-untyped]
        DictionaryAnalyzer,
        KnownPrefixAnalyzer,
        KnownSuffixAnalyzer,
        UnknownPrefixAnalyzer,
    )

    stack = parse.methods_stack
    prefixes = ""
    for method in stack[1:]:
        if isinstance(method[0], KnownPrefixAnalyzer | UnknownPrefixAnalyzer):
            # the prefix units put their prefix before every form of the lexeme
            prefixes = method[1] + prefixes
        elif not isinstance(method[0], KnownSuffixAnalyzer):
            break
    else:
        if isinstance(stack[0][0], DictionaryAnalyzer):
            unit, fixed_word, para_id, idx = stack[0]
            choice = _inflection(lang, para_id, idx, required)
            if choice is None:
                return None
            paradigm = unit.dict.paradigms[para_id]
            stem = str(unit.dict.build_stem(paradigm, idx, fixed_word))
            return prefixes + choice[0] + stem + choice[1]
    inflected = parse.inflect(set(required))
    return None if inflected is None else str(inflected.word)


_SINGULAR = frozenset({"nomn"})
_PLURAL = frozenset({"nomn", "plur"})


def _languages(word: str) -> tuple[str, ...]:
    if _UK_ONLY.search(word) or "'" in word or "’" in word or "ʼ" in word:
        return ("uk",)
    if _RU_ONLY.search(word):
        return ("ru",)
    return ("uk", "ru")


@lru_cache(maxsize=entries("word_nominatives"))
def word_nominatives(word: str, dictionaries: bool = True) -> tuple[str, ...]:
    """Nominative candidates for one lower-case Cyrillic word, likeliest first.

    Without ``dictionaries`` only the suffix rules run (microseconds instead
    of a millisecond): the resolver uses that when the word is already a name.
    """
    out: dict[str, None] = {}
    for lang in _languages(word) if dictionaries else ():
        for parse in _parses(lang, word):
            tag = parse.tag
            if tag.POS not in ("NOUN", "ADJF") or parse.score < 0.01:
                continue
            plural = tag.number == "plur" or "Pltm" in tag
            inflected = _inflected_word(lang, parse, _PLURAL if plural else _SINGULAR)
            if inflected is not None:
                out.setdefault(inflected, None)
    for ending, replacements in _SUFFIX_RULES:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            for replacement in replacements:
                out.setdefault(stem + replacement, None)
    if word[-1] in _CONSONANTS and len(word) >= 3:
        # a plural's genitive without ending: Гут (Гути), Ям (Ями), Вил (Вила)
        for ending in ("и", "і", "а", "ы"):
            out.setdefault(word + ending, None)
    out.pop(word, None)
    return tuple(out)


def nominatives(phrase: str, limit: int = 48, dictionaries: bool = True) -> list[str]:
    """Nominative candidates for a Cyrillic place phrase ("Великої Новосілки").

    Multi-word names are inflected word by word; the combinations are returned
    in order of each word's likelihood, at most ``limit`` of them.
    """
    # Parts of a hyphenated name decline on their own ("Гуті-Бушинській",
    # "Івано-Франківську"); keys read hyphens as spaces, so parts are words.
    text = phrase.casefold().replace("’", "'").replace("ʼ", "'").replace("-", " ")
    words = text.split()
    if not words:
        return []
    per_word = [(word, *word_nominatives(word, dictionaries)[:6]) for word in words]
    combos = itertools.islice(itertools.product(*per_word), limit + 1)
    out = [" ".join(combo) for combo in combos]
    return [c for c in out if c != " ".join(words)][:limit]


@lru_cache(maxsize=entries("is_given_name"))
def is_given_name(word: str) -> bool:
    """Whether the dictionaries read a lower-case Cyrillic word as a given name
    (pymorphy3's ``Name``): Денис, Олександр, Сергій."""
    return any(
        "Name" in parse.tag
        for lang in _languages(word)
        for parse in _parses(lang, word)
        if parse.score >= 0.2
    )
