"""Name keys and transliteration: how one name is spelled in many ways.

Shared by every stage that compares names: places (the gazetteer and its
index), sources (the registry's aliases) and events (a place named by two
claims).

A *key* is the form every name is compared in: case-folded, diacritics and
apostrophes removed, and every run of spacing, hyphens, dashes, slashes,
dots, commas and brackets turned into one space, so "Кам'янське",
"Кам’янське" and "КАМʼЯНСЬКЕ" share a key, and so do "Novo-Oleksandrivka"
and "Novo Oleksandrivka". Other punctuation stays: "Vientiane [prefecture]"
is not "Vientiane Prefecture".

Cyrillic names are romanised under the schemes reporting really uses:
Ukraine's official 2010 romanisation (Cabinet resolution 55), BGN/PCGN for
Russian, the common press spellings of Russian (Kharkov, Zaporozhye,
Artyomovsk) and ISO 9 / GOST 7.79. BGN/PCGN and GOST 7.79 come from
``iuliia``, which knows the Russian alphabet only: Ukrainian letters are first
written as the Russian letters those schemes read them as. Ukrainian 2010 and
the press spellings are written out here (``iuliia`` has neither). A
*skeleton* folds what those schemes disagree on (kh/h, y/i/j, ts/tz/c, doubled
letters, ye/ie/e ...) so spellings from different schemes meet; it is a looser
match, scored lower.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from foglift.caches import entries

APOSTROPHES = "'ʼ’‘`´ʹʻ′＇"
_APOS_RE = re.compile(f'[{re.escape(APOSTROPHES)}"“”«»]')
# what separates the words of a name: spacing, hyphens and dashes, and the
# punctuation that stands between words ("St. Petersburg", "Kyiv/Kiev")
_SEPARATORS_RE = re.compile(r"[\s\-‐‑‒–—―_/.,()]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC_RE.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN_RE.search(text) is not None


@lru_cache(maxsize=entries("name_key"))
def name_key(name: str) -> str:
    """The comparison key of a name: folded case, no diacritics, apostrophes or
    quotes, its words separated by one space."""
    folded = _APOS_RE.sub("", name).casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        # NFKD does not decompose the _EXTRA_FOLD letters; fold them by hand.
        folded = _COMBINING_RE.sub("", decomposed).translate(_EXTRA_FOLD)
    return _SEPARATORS_RE.sub(" ", folded).strip()


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

# Ukrainian letters as the Russian letters BGN/PCGN and GOST 7.79 read them,
# so that iuliia's Russian schemes take Ukrainian spellings too. iuliia leaves
# a precomposed ё as it is: BGN/PCGN without diacritics writes it yo, GOST 7.79
# reads it as е.
_UK_AS_RU = str.maketrans({"і": "и", "ї": "йи", "є": "ъе", "ґ": "г", "ё": "йо"})
_UK_AS_RU_ISO9 = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "ё": "е"})


@cache
def _iuliia() -> Any:
    import iuliia  # type: ignore[import-untyped]  # imported late: it takes 30 ms

    return iuliia


def _bgn_pcgn(word: str) -> str:
    """BGN/PCGN Russian (the variant without the ë and the middle dot)."""
    latin: str = _iuliia().BGN_PCGN_ALT.translate(word.translate(_UK_AS_RU))
    return latin


def _iso9(word: str) -> str:
    """GOST 7.79 / ISO 9; the hard sign, written ʺ, is dropped as ь's ʹ is."""
    latin: str = _iuliia().GOST_779.translate(word.translate(_UK_AS_RU_ISO9))
    return latin.replace("ʺ", "")


# the press spellings of Russian: BGN/PCGN's letters, with the press's own
# readings of е, ё, ь and a final -ий in _romanise_press
_RU_PRESS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ё",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian letters, read the Russian way
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
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


def _romanise_press(word: str) -> str:
    """Russian as the press spells it: Kharkov, Zaporozhye, Artyomovsk."""
    out: list[str] = []
    for index, char in enumerate(word):
        previous = word[index - 1] if index > 0 else " "
        after_vowel = not previous.isalpha() or previous in _VOWELS
        if char == "е" and after_vowel:
            out.append("ye")
        elif char == "ё":
            out.append("o" if previous in "жчшщ" else "yo")
        elif char == "ь" and index + 1 < len(word) and word[index + 1] in "еёюяи":
            out.append("y" if word[index + 1] != "и" else "")
            # "Zaporozhye" keeps one y: ье -> ye, so the е below adds only "e"
        elif char == "е" and previous == "ь":
            out.append("e")
        elif char == "й" and previous == "и" and _word_end(word, index):
            out.append("")  # "-ий" reads "-iy" in BGN, "-y" in the press
        else:
            out.append(_RU_PRESS.get(char, char))
    return "".join(out).replace("yye", "ye")


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
        _bgn_pcgn(low),
        _romanise_press(low),
        _iso9(low),
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


@lru_cache(maxsize=entries("skeleton"))
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
