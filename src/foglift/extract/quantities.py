"""Numbers with units: "256 buildings", "до 1 230 военнослужащих", "dozens of drones".

Digit grouping, range words, number words and units all come from the
language's lexicon, so the same code reads "1,230" in English and "1 230" in
Russian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.model import Quantity


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    quantity: Quantity
    category: str


@cache
def _digits(lex: Lexicon) -> str:
    spec = lex.data["quantity"]
    group = re.escape(spec.get("thousands", ","))
    if spec.get("thousands", ",") == " ":
        group = r"[ \u00a0\u202f]"
    decimal = re.escape(spec.get("decimal", "."))
    return rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?"


@cache
def _number_pattern(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["quantity"]
    digits = _digits(lex)
    words = lex.number_words.bare
    mult = lex.multipliers.bare
    joiners = "|".join(re.escape(j) for j in spec.get("joiners", []))
    join = rf"(?:[\s-]+|\s+(?:{joiners})\s+)" if joiners else r"[\s-]+"
    single = rf"(?:{digits})(?:\s+{mult})?|(?:{words})(?:{join}(?:{words}|{mult}))*"
    ranges = "|".join(
        rf"{re.escape(a)}\s+(?P<low{n}>{single})\s+{re.escape(b)}\s+(?P<high{n}>{single})"
        for n, (a, b) in enumerate(spec.get("range_words", []))
    )
    dash = "|".join(re.escape(d) for d in spec.get("range_dash", ["-", "–"]))
    qual = lex.qualifiers.pattern.pattern
    vague = lex.vague.pattern.pattern
    # "Ka-52", "С-300": a number joined to a name is part of the name.
    return re.compile(
        rf"(?<![\w.,])(?<![^\W\d]-)(?:(?P<qual>{qual})\s+)?"
        rf"(?:{ranges + '|' if ranges else ''}"
        rf"(?P<dlow>{digits})\s*(?:{dash})\s*(?P<dhigh>{digits})"
        rf"|(?P<num>{single})|(?P<vague>{vague}))"
        # Markup may sit between a number and its unit ("**24** drones").
        rf"(?P<filler>(?:[\s*_-]+[^\W\d][\w-]*){{0,3}}?)[*_]*\s+[*_]*"
        rf"(?P<unit>{lex.units.pattern.pattern})",
        re.IGNORECASE,
    )


@cache
def _filler_stop(lex: Lexicon) -> re.Pattern[str]:
    return phrase_pattern(lex.data["quantity"].get("filler_stop", []))


def parse_number(text: str, lex: Lexicon) -> float | None:
    """The value of "1,000", "1 230", "2.5 million", "twenty-five", "двухсот"."""
    spec = lex.data["quantity"]
    text = " ".join(text.casefold().replace("-", " ").split())
    m = re.match(rf"({_digits(lex)})(?:\s+(\w+))?$", text)
    if m:
        raw = m.group(1)
        thousands = spec.get("thousands", ",")
        raw = re.sub(r"[ \u00a0\u202f]", "", raw) if thousands == " " else raw
        raw = raw.replace(thousands, "") if thousands != " " else raw
        number = float(raw.replace(spec.get("decimal", "."), "."))
        return number * (lex.multipliers.get(m.group(2) or "") or 1.0)
    whole = lex.number_words.get(text)
    if whole is not None:
        return whole
    joiners = set(spec.get("joiners", []))
    total, current = 0.0, 0.0
    for word in text.split():
        factor = lex.multipliers.get(word)
        word_value = lex.number_words.get(word)
        if factor is not None:
            if factor >= 1000:
                total += max(current, 1.0) * factor
                current = 0.0
            else:
                current = max(current, 1.0) * factor
        elif word_value is not None:
            current += word_value
        elif word not in joiners:
            return None
    return total + current


def find_quantities(text: str, lex: Lexicon) -> list[FoundQuantity]:
    found: list[FoundQuantity] = []
    stop = _filler_stop(lex)
    for m in _number_pattern(lex).finditer(text):
        if stop.search(m.group("filler")):
            continue
        unit_found = lex.units.get(m.group("unit"))
        if unit_found is None:
            continue
        unit, category = unit_found
        qualifier = lex.qualifiers.get(m.group("qual") or "")
        groups = m.groupdict()
        low_text = next(
            (v for k, v in groups.items() if k.startswith("low") and v), None
        )
        high_text = next(
            (v for k, v in groups.items() if k.startswith("high") and v), None
        )
        value: float | None
        low: float | None
        high: float | None
        if m.group("vague"):
            vague = lex.vague.get(m.group("vague"))
            if vague is None:
                continue
            low, high = vague
            value = None
        elif low_text or m.group("dlow"):
            low_v = parse_number(low_text or m.group("dlow"), lex)
            high_v = parse_number(high_text or m.group("dhigh"), lex)
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
