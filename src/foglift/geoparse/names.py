"""Gazetteer names: which names are indexed, and the Russian spellings of
Ukrainian names (keys, romanisations and skeletons are :mod:`foglift.names`).
"""

from __future__ import annotations

import itertools
import re

from foglift.names import has_cyrillic


def is_indexable(name: str) -> bool:
    """Only Latin and Cyrillic names are indexed; other scripts are left out."""
    for char in name:
        if char.isalpha() and not (
            char <= "\u024f"
            or "\u0400" <= char <= "\u04ff"
            or "\u1e00" <= char <= "\u1eff"
        ):
            return False
    return any(char.isalpha() for char in name)


# --- Ukrainian names in Russian spelling --------------------------------------

# Russian reporting spells a Ukrainian village the Russian way (Синьківка ->
# Синьковка, Тоненьке -> Тоненькое, Андріївка -> Андреевка). The data gives
# Russian names only for the larger places, so the common correspondences are
# applied to every Ukrainian name; the results are weak aliases that the
# coverage test checks against the Russian names GeoNames does give.

# stems whose Russian form differs beyond letter-for-letter spelling
_RU_STEMS = (
    ("олександр", "александр"),
    ("олексі", "алексе"),
    ("микола", "никола"),
    ("миколь", "николь"),
    ("микіль", "николь"),
    ("костянтин", "константин"),
    ("кам'ян", "камен"),
    ("новосіл", "новосел"),
    ("вільн", "вольн"),
    ("ріг", "рог"),
    ("червон", "красн"),
    ("гірськ", "горск"),
    ("івськ", "овск"),
)
# Ukrainian ending -> Russian endings, longest first
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("іївка", ("еевка",)),
    ("ївка", ("евка",)),
    ("івка", ("овка", "евка")),
    ("ське", ("ское",)),
    ("цьке", ("цкое",)),
    ("ськ", ("ск",)),
    ("цьк", ("цк",)),
    ("ський", ("ский",)),
    ("цький", ("цкий",)),
    ("ська", ("ская",)),
    ("цька", ("цкая",)),
    ("ове", ("ово", "овое")),
    ("еве", ("ево", "евое")),
    ("єве", ("ево", "евое")),
    ("ине", ("ино", "иное")),
    ("ів", ("ов", "ев")),
    ("ий", ("ий", "ый", "ой")),
    ("ій", ("ий",)),
    ("піль", ("поль",)),
)
_RU_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": ""})


# a doubled consonant before і, ю, я, є is Russian's consonant, soft sign and
# vowel (Іллінка -> Ильинка, Заріччя -> Заречье at the end of a word)
_DOUBLED = re.compile(r"([бвгджзклмнпрстфхцчш])\1(?=[іюяєї])")


def _russian_stem(stem: str) -> str:
    # і -> и, ї -> и, є -> е, ґ -> г; Ukrainian и stays и (Синьківка, Синьковка)
    stem = _DOUBLED.sub(r"\1ь", stem)
    if stem.startswith("ву") and stem[2:3] not in "аеиоуіїєюя":
        stem = stem[1:]  # Вугледар -> Угледар
    return stem.replace("ськ", "ск").replace("цьк", "цк").translate(_RU_LETTERS)


def _russian_word(word: str, last: bool) -> list[str]:
    doubled_end = re.search(r"([бвгджзклмнпрстфхцчш])\1я$", word)
    if doubled_end and len(word) > 4:
        # Запілля -> Запилье, Заріччя -> Заречье (a neuter noun in -ья)
        return [_russian_stem(word[:-3]) + doubled_end.group(1) + "ье"]
    for old, new in _RU_STEMS:
        if old in word:
            word = word.replace(old, new)
    for ending, russian_endings in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = _russian_stem(word[: -len(ending)])
            return [stem + r for r in russian_endings]
    if not last:
        # adjectives before a noun: Велика -> Великая, Нове -> Новое, Великі -> Великие
        for ending, russian in (("а", "ая"), ("е", "ое"), ("і", "ие")):
            if word.endswith(ending) and len(word) > 3:
                return [_russian_stem(word[: -len(ending)]) + russian]
    if len(word) > 3 and word.endswith("е") and word[-2] in "нк":
        # neuter adjectival names: Мирне -> Мирное, Тоненьке -> Тоненькое
        return [_russian_stem(word[:-1]) + "ое"]
    if len(word) > 3 and word.endswith("е") and word[-2] in "бвдзлмпрстх":
        # Веселе -> Веселое, Нове -> Новое, Золоте -> Золотое; a noun in -е
        # keeps it (Гуляйполе)
        return [_russian_stem(word[:-1]) + "ое", _russian_stem(word)]
    return [_russian_stem(word)]


def russian_spellings(ukrainian: str, limit: int = 4) -> list[str]:
    """Likely Russian spellings of a Ukrainian place name, at most ``limit``."""
    text = ukrainian.casefold().replace("’", "'").replace("ʼ", "'")
    if not text.split() or not has_cyrillic(text):
        return []
    # the apostrophe before ї is Russian's soft sign (Мар'їнка -> Марьинка,
    # Мурав'ї -> Муравьи), and after р before я, ю, є (Пір'я -> Перья)
    soft = _SOFT_AFTER_R.sub(
        lambda m: "рь" + _RU_LETTERS_SOFT[m.group(1)], text.replace("'ї", "ьи")
    )
    out: dict[str, None] = {}
    for source in dict.fromkeys((soft, text)):
        per_word: list[list[str]] = []
        words = source.split()
        for index, word in enumerate(words):
            parts = word.split("-")
            last = index == len(words) - 1
            variants = [""]
            for part_index, part in enumerate(parts):
                forms = _russian_word(part, last and part_index == len(parts) - 1)
                variants = [f"{v}-{f}" if v else f for v in variants for f in forms][
                    :limit
                ]
            per_word.append(variants)
        for combo in itertools.product(*per_word):
            out.setdefault(" ".join(combo), None)
            if len(out) >= limit:
                break
    out.pop(text, None)
    return list(out)[:limit]


_SOFT_AFTER_R = re.compile(r"р'([яює])")
_RU_LETTERS_SOFT = {"я": "я", "ю": "ю", "є": "е"}
