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
    # A number whose unit is left out ("20 беспилотников: 8 — над Курской,
    # 4 — над Брянской") takes it from the quantity starting here.
    elided_from: int | None = None
    each: bool = False  # "по 3 — над Белгородской и Тульской": 3 at every place
    # Where the action right after an unit-less item starts ("180 ликвидированы,
    # 24 взяты в плен": 24 belongs to the second action).
    next_action: int | None = None
    implicit: bool = False  # "дрон атаковал": one, counted by the noun's number


@cache
def _digits(lex: Lexicon) -> str:
    spec = lex.data["quantity"]
    group = re.escape(spec.get("thousands", ","))
    if spec.get("thousands", ",") == " ":
        group = r"[ \u00a0\u202f]"
    decimal = re.escape(spec.get("decimal", "."))
    return rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?"


@cache
def _single(lex: Lexicon) -> str:
    """One number: "1 230", "2.5 million", "twenty-five", "двухсот"."""
    spec = lex.data["quantity"]
    digits = _digits(lex)
    words = lex.number_words.bare
    mult = lex.multipliers.bare
    joiners = "|".join(re.escape(j) for j in spec.get("joiners", []))
    join = rf"(?:[\s-]+|\s+(?:{joiners})\s+)" if joiners else r"[\s-]+"
    return rf"(?:{digits})(?:\s+{mult})?|(?:{words})(?:{join}(?:{words}|{mult}))*"


@cache
def _gapped_item(lex: Lexicon) -> re.Pattern[str]:
    """A list item whose unit is left out: ", 4 — над Брянской", "и по 3 —".

    The item follows a list separator and its number is followed by a dash (the
    mark of the missing unit) or preceded by a distributive word ("по 3").
    """
    spec = lex.data["quantity"]
    joiners = phrase_pattern(spec.get("list_joiners", [])).pattern
    each = phrase_pattern(spec.get("distributive", [])).pattern
    # After the number: a dash, a preposition of place ("45 в Брянской"), or
    # the action again ("29 уничтожены над Ростовской").
    then = phrase_pattern(spec.get("gap_before", [])).pattern
    actions = lex.actions.pattern.pattern
    single = _single(lex)
    return re.compile(
        rf"(?P<skip>[^.;!?\n]{{0,80}}?)(?:(?<!\d),|,(?!\d)|[:;]|\s(?:{joiners}))[\s*_]*"
        rf"(?:(?P<each>{each})\s+)?(?<!\d[.,])(?P<num>{single})(?!\w)[*_]*"
        rf"(?:\s*[—–]|\s+-\s|\s+(?={then})|\s+(?P<action>(?={actions}))"
        rf"|(?(each)(?=\s)|(?!x)x))",
        re.IGNORECASE,
    )


@cache
def _number_pattern(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["quantity"]
    digits = _digits(lex)
    single = _single(lex)
    ranges = "|".join(
        rf"{re.escape(a)}\s+(?P<low{n}>{single})\s+{re.escape(b)}\s+(?P<high{n}>{single})"
        for n, (a, b) in enumerate(spec.get("range_words", []))
    )
    dash = "|".join(re.escape(d) for d in spec.get("range_dash", ["-", "–"]))
    qual = lex.qualifiers.pattern.pattern
    vague = lex.vague.pattern.pattern
    # "Ka-52", "С-300": a number joined to a name is part of the name.
    # "02:00 росіяни дроном": a clock time holds no quantity either.
    return re.compile(
        rf"(?<![\w.,])(?<![^\W\d]-)(?<!\d:)(?:(?P<qual>{qual})\s+)?"
        rf"(?:{ranges + '|' if ranges else ''}"
        rf"(?P<dlow>{digits})\s*(?:{dash})\s*(?P<dhigh>{digits})"
        rf"|(?P<num>{single})|(?P<vague>{vague}))"
        # Markup may sit between a number and its unit ("**24** drones").
        rf"(?P<filler>(?:[\s*_-]+[^\W\d][\w-]*){{0,3}}?)[*_]*\s+[*_«\"]*"
        rf"(?P<unit>{lex.units.pattern.pattern})",
        re.IGNORECASE,
    )


@cache
def _distributive(lex: Lexicon) -> re.Pattern[str]:
    """ "по 4 безпілотники ... над X, Y і Z": that many at each place."""
    words = phrase_pattern(lex.data["quantity"].get("distributive", [])).pattern
    return re.compile(rf"(?:{words})\s+$", re.IGNORECASE)


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
    each = _distributive(lex)
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
                each=bool(each.search(text, max(0, m.start() - 12), m.start())),
            )
        )
    found += _partitives(text, lex, found)
    if lex.data["quantity"].get("implicit_one"):
        found += _implicit_ones(text, lex, found)
    found.sort(key=lambda f: f.quantity.start)
    if lex.data["quantity"].get("list_joiners"):
        found += _gapped(text, lex, found)
        found.sort(key=lambda f: f.quantity.start)
    return found


def _gapped(text: str, lex: Lexicon, found: list[FoundQuantity]) -> list[FoundQuantity]:
    """The unit-less items that continue each quantity as a list."""
    pattern = _gapped_item(lex)
    starts = sorted(f.quantity.start for f in found)
    out: list[FoundQuantity] = []
    for anchor in found:
        pos = anchor.quantity.end
        while (m := pattern.match(text, pos)) is not None:
            if any(m.start() <= s < m.end() for s in starts):
                break  # a number with its own unit is another list
            value = parse_number(m.group("num"), lex)
            if value is None:
                break
            q = anchor.quantity
            out.append(
                FoundQuantity(
                    Quantity(
                        value=value,
                        low=value,
                        high=value,
                        unit=q.unit,
                        as_stated=m.group("num"),
                        start=m.start("num"),
                        end=m.end("num"),
                    ),
                    anchor.category,
                    elided_from=q.start,
                    each=bool(m.group("each")),
                    next_action=m.end() if m.group("action") is not None else None,
                )
            )
            pos = m.end()
    return out


@cache
def _partitive_pattern(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["quantity"]
    part = phrase_pattern(spec.get("partitive", [])).pattern
    dets = phrase_pattern(spec.get("partitive_determiners", [])).pattern
    return re.compile(
        rf"(?<![\w.,])(?<![^\W\d]-)(?P<num>{_single(lex)})\s+(?:{part})\s+"
        rf"(?:(?:{dets})\s+)?",
        re.IGNORECASE,
    )


def _partitives(
    text: str, lex: Lexicon, found: list[FoundQuantity]
) -> list[FoundQuantity]:
    """A part of a counted whole: "shot down 15 of the 16 drones", "15 of the
    missiles" (15 drones, 15 missiles)."""
    if not lex.data["quantity"].get("partitive"):
        return []
    by_start = {f.quantity.start: f for f in found}
    taken = {f.quantity.start for f in found}
    out: list[FoundQuantity] = []
    for m in _partitive_pattern(lex).finditer(text):
        if m.start() in taken:
            continue
        whole = by_start.get(m.end())
        unit_found: tuple[str, str] | None
        if whole is not None:
            unit_found = (whole.quantity.unit, whole.category)
        else:
            unit = lex.units.pattern.match(text, m.end())
            unit_found = lex.units.get(unit.group()) if unit else None
        value = parse_number(m.group("num"), lex)
        if unit_found is None or value is None:
            continue
        out.append(
            FoundQuantity(
                Quantity(
                    value=value,
                    low=value,
                    high=value,
                    unit=unit_found[0],
                    as_stated=m.group("num"),
                    start=m.start("num"),
                    end=m.end("num"),
                ),
                unit_found[1],
            )
        )
    return out


@cache
def _prepositions(lex: Lexicon) -> frozenset[str]:
    before = lex.data["places"].get("before", [])
    return frozenset(w.casefold() for w in before if " " not in w and "*" not in w)


def _implicit_ones(
    text: str, lex: Lexicon, found: list[FoundQuantity]
) -> list[FoundQuantity]:
    """A unit noun in the singular as a subject or object, with no number: one
    ("дрон атаковал", "погиб ребёнок", "сбита авиабомба"). After a preposition
    it names a place or a target, not a count ("попал в дом")."""
    from foglift.extract.lexicon import _morph

    morph = _morph(lex.lang)
    preps = _prepositions(lex)
    categories = set(lex.data["quantity"].get("implicit_one", []))
    spans = [(f.quantity.start, f.quantity.end) for f in found]
    out: list[FoundQuantity] = []
    for m in lex.units.pattern.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        before = re.search(
            r"([\w-]+)[\s*_«\"]*$", text[max(0, m.start() - 30) : m.start()]
        )
        if before and (
            before.group(1).casefold() in preps or before.group(1).isdigit()
        ):
            continue
        head = m.group().split()[-1].split("-")[0]  # "дрон-камикадзе"
        parses = morph.parse(head)
        if not parses or parses[0].tag.POS != "NOUN" or "sing" not in parses[0].tag:
            continue
        if not {"nomn", "accs"} & set(str(parses[0].tag).replace(" ", ",").split(",")):
            continue
        unit_found = lex.units.get(m.group())
        if unit_found is None or unit_found[1] not in categories:
            continue
        out.append(
            FoundQuantity(
                Quantity(
                    value=1.0,
                    low=1.0,
                    high=1.0,
                    unit=unit_found[0],
                    as_stated=m.group(),
                    start=m.start(),
                    end=m.end(),
                ),
                unit_found[1],
                implicit=True,
            )
        )
    return out


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
