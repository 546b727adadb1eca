"""Numbers with units: "256 buildings", "over 1,000 square km", "dozens of drones"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.model import Quantity

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Words allowed between a number and its unit ("256 residential buildings").
_FILLER_STOP = {
    "in", "of", "on", "at", "and", "or", "from", "by", "to", "the", "a", "an", "for",
    "with", "over", "per", "that", "which", "than", "were", "was", "had", "have",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    quantity: Quantity
    category: str


def _alternation(words: list[str]) -> str:
    """Longest-first alternation, bounded so "ten" never matches inside "tenth"."""
    ordered = sorted(words, key=len, reverse=True)
    return (
        "(?:"
        + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)
        + r")\b"
    )


@cache
def _number_pattern(lex: Lexicon) -> re.Pattern[str]:
    words = _alternation(list(lex.number_words))
    mult = _alternation(list(lex.multipliers))
    vague = phrase_pattern(list(lex.vague)).pattern
    qual = phrase_pattern(list(lex.qualifiers)).pattern
    single = (
        rf"(?:{_DIGITS})(?:\s+{mult})?"
        rf"|(?:{words})(?:(?:[\s-]+|\s+and\s+)(?:{words}|{mult}))*"
    )
    return re.compile(
        rf"(?<![\w.,])(?:(?P<qual>{qual})\s+)?"
        rf"(?:(?:between|from)\s+(?P<low>{single})\s+(?:and|to)\s+(?P<high>{single})"
        rf"|(?P<dlow>{_DIGITS})\s*(?:-|–|to)\s*(?P<dhigh>{_DIGITS})"
        rf"|(?P<num>{single})|(?P<vague>{vague}))"
        rf"(?P<filler>(?:[\s-]+[^\W\d][\w-]*){{0,3}}?)\s+(?P<unit>{lex.units.pattern})",
        re.IGNORECASE,
    )


def parse_number(text: str, lex: Lexicon) -> float | None:
    """The value of "1,000", "2.5 million", "twenty-five", "two hundred"."""
    text = " ".join(text.casefold().replace("-", " ").split())
    m = re.match(rf"({_DIGITS})(?:\s+(\w+))?$", text)
    if m:
        value = float(m.group(1).replace(",", ""))
        return value * lex.multipliers.get(m.group(2) or "", 1.0)
    if text in lex.number_words:
        return lex.number_words[text]
    total, current = 0.0, 0.0
    for word in text.split():
        if word in lex.multipliers:
            factor = lex.multipliers[word]
            if factor >= 1000:
                total += max(current, 1.0) * factor
                current = 0.0
            else:
                current = max(current, 1.0) * factor
        elif word in lex.number_words:
            current += lex.number_words[word]
        elif word != "and":
            return None
    return total + current


def find_quantities(text: str, lex: Lexicon) -> list[FoundQuantity]:
    found: list[FoundQuantity] = []
    for m in _number_pattern(lex).finditer(text):
        filler = m.group("filler").split()
        if any(w.casefold() in _FILLER_STOP for w in filler):
            continue
        unit, category = lex.unit_of[" ".join(m.group("unit").casefold().split())]
        qualifier = lex.qualifiers.get((m.group("qual") or "").casefold())
        value: float | None
        low: float | None
        high: float | None
        if m.group("vague"):
            low, high = lex.vague[" ".join(m.group("vague").casefold().split())]
            value = None
        elif m.group("low") or m.group("dlow"):
            low_v = parse_number(m.group("low") or m.group("dlow"), lex)
            high_v = parse_number(m.group("high") or m.group("dhigh"), lex)
            if low_v is None or high_v is None or low_v >= high_v:
                continue
            low, high, value = low_v, high_v, None
        else:
            parsed = parse_number(m.group("num"), lex)
            if parsed is None:
                continue
            value = parsed
            low, high = _bounds(parsed, qualifier)
        found.append(
            FoundQuantity(
                Quantity(
                    value=value,
                    low=low,
                    high=high,
                    unit=unit,
                    as_stated=m.group(),
                    start=m.start(),
                    end=m.end(),
                    qualifier=qualifier,
                ),
                category,
            )
        )
    return found


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """The range a qualified number allows: "over 1,000" is (1000, None)."""
    if qualifier in ("over", "at least"):
        return value, None
    if qualifier in ("up to", "under"):
        return None, value
    if qualifier == "nearly":
        return value * 0.9, value
    if qualifier == "about":
        return value * 0.9, value * 1.1
    return value, value
