"""Name keys and transliteration: how one place name is spelled in many ways.

A *key* is the form every name is compared in: case-folded, diacritics and
apostrophes removed, hyphens and runs of spaces turned into one space, so
"Кам'янське", "Кам’янське" and "КАМʼЯНСЬКЕ" share a key.

Cyrillic names are romanised under the schemes reporting really uses:
Ukraine's official 2010 romanisation (Cabinet resolution 55), BGN/PCGN for
Russian, the common press spellings of Russian (Kharkov, Zaporozhye,
Artyomovsk) and ISO 9 / GOST 7.79. A *skeleton* folds what those schemes
disagree on (kh/h, y/i/j, ts/tz/c, doubled letters, ye/ie/e ...) so spellings
from different schemes meet; it is a looser match, scored lower.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'ʼ’‘`´ʹʻ′＇"
_APOS_RE = re.compile(f'[{re.escape(APOSTROPHES)}"“”«»]')
_DASH_RE = re.compile(r"[\s\-‐‑‒–—―_/.,()]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC_RE.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN_RE.search(text) is not None


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


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """The comparison key of a name: folded case, no diacritics or apostrophes."""
    folded = _APOS_RE.sub("", name).casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        # NFKD does not decompose the _EXTRA_FOLD letters; fold them by hand.
        folded = _COMBINING_RE.sub("", decomposed).translate(_EXTRA_FOLD)
    return _DASH_RE.sub(" ", folded).strip()


# combining marks (what unicodedata.combining() is non-zero for, in the
# blocks met in Latin and Cyrillic names, stray Arabic vowel marks included)
_COMBINING_RE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe20-\ufe2f]"
)


_EXTRA_FOLD = str.maketrans(
    {"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

# --- Cyrillic to Latin -------------------------------------------------------

_UK_2010 = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
    # Russian letters that turn up in Ukrainian-looking text
    "ё": "e", "ы": "y", "э": "e", "ъ": "",
}  # fmt: skip
_UK_2010_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_RU_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ё",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian letters, read the Russian way
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip

_ISO9 = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e",
    "ё": "e", "є": "e", "ж": "z", "з": "z", "и": "i", "і": "i", "ї": "i",
    "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "c", "ш": "s", "щ": "s", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "u", "я": "a",
}  # fmt: skip

_VOWELS = set("аеёиоуыэюяіїєьъ")


def _romanise_uk(word: str) -> str:
    out: list[str] = []
    for index, char in enumerate(word):
        initial = index == 0 or not word[index - 1].isalpha()
        if initial and char in _UK_2010_INITIAL:
            out.append(_UK_2010_INITIAL[char])
        elif char == "г" and index > 0 and word[index - 1] == "з":
            out.append("gh")  # зг -> zgh, to tell it from зх
        else:
            out.append(_UK_2010.get(char, char))
    return "".join(out)


def _romanise_ru(word: str, press: bool) -> str:
    out: list[str] = []
    for index, char in enumerate(word):
        previous = word[index - 1] if index > 0 else " "
        after_vowel = not previous.isalpha() or previous in _VOWELS
        if char == "е" and after_vowel:
            out.append("ye")
        elif char == "ё":
            out.append("o" if press and previous in "жчшщ" else "yo")
        elif (
            press
            and char == "ь"
            and index + 1 < len(word)
            and word[index + 1] in "еёюяи"
        ):
            out.append("y" if word[index + 1] != "и" else "")
            # "Zaporozhye" keeps one y: ье -> ye, so the е below adds only "e"
        elif press and char == "е" and previous == "ь":
            out.append("e")
        elif char == "й" and press and previous == "и" and _word_end(word, index):
            out.append("")  # "-ий" reads "-iy" in BGN, "-y" in the press
        else:
            out.append(_RU_BGN.get(char, char))
    text = "".join(out)
    if press:
        text = text.replace("yye", "ye")
    return text


def _word_end(word: str, index: int) -> bool:
    return index + 1 >= len(word) or not word[index + 1].isalpha()


def romanisations(name: str) -> list[str]:
    """Latin spellings of a Cyrillic name, most official first, no duplicates.

    Covers Ukrainian 2010, BGN/PCGN Russian, press Russian (ё as o/yo, -ий as
    -y) and ISO 9 with diacritics removed.
    """
    low = _APOS_RE.sub("", name.casefold())
    forms = [
        _romanise_uk(low),
        _romanise_ru(low, press=False),
        _romanise_ru(low, press=True),
        "".join(_ISO9.get(c, c) for c in low),
    ]
    # Common press variants: -ий/-ый as -iy, -ій as -iy, х as h.
    extra: list[str] = []
    for form in forms[:3]:
        if form.endswith("yi"):
            extra.append(form[:-2] + "y")
            extra.append(form[:-2] + "iy")
        if "kh" in form:
            extra.append(form.replace("kh", "h"))
    seen: dict[str, None] = {}
    for form in forms + extra:
        key = name_key(form)
        if key and not has_cyrillic(key):
            seen.setdefault(key, None)
    return list(seen)


# --- Skeleton ----------------------------------------------------------------

_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "s"),
    ("sch", "s"),
    ("zh", "z"),
    ("kh", "h"),
    ("ch", "c"),
    ("sh", "s"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("x", "h"),
    ("q", "k"),
    ("j", "y"),
    ("ie", "e"),
    ("ye", "e"),
    ("iu", "u"),
    ("yu", "u"),
    ("ia", "a"),
    ("ya", "a"),
    ("io", "o"),
    ("yo", "o"),
    ("y", "i"),
    ("g", "h"),
)
_REPEAT_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def skeleton(name: str) -> str:
    """A loose Latin key on which spellings from different schemes meet."""
    key = name_key(name)
    if has_cyrillic(key):
        latin = romanisations(key)
        if not latin:
            return ""
        key = latin[0]
    key = key.replace(" ", "")
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _REPEAT_RE.sub(r"\1", key)


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
    words = text.split()
    if not words or not has_cyrillic(text):
        return []
    per_word: list[list[str]] = []
    for index, word in enumerate(words):
        parts = word.split("-")
        last = index == len(words) - 1
        variants = [""]
        for part_index, part in enumerate(parts):
            forms = _russian_word(part, last and part_index == len(parts) - 1)
            variants = [f"{v}-{f}" if v else f for v in variants for f in forms][:limit]
        per_word.append(variants)
    out: dict[str, None] = {}
    for combo in itertools.product(*per_word):
        out.setdefault(" ".join(combo), None)
        if len(out) >= limit:
            break
    out.pop(text, None)
    return list(out)
