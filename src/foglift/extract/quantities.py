"""Numbers with units: "256 buildings", "до 1 230 военнослужащих", "dozens of drones".

Digit grouping, range words, number words and units all come from the
language's lexicon, so the same code reads "1,230" in English and "1 230" in
Russian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.model import Quantity
from foglift.spans import SpanSet


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
    part: bool = False  # "90 of which": a part of a whole named before it


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
def bare_number(lex: Lexicon) -> re.Pattern[str]:
    """Any number, with or without a unit: lists and parts start from these."""
    qual = lex.qualifiers.pattern.pattern
    return re.compile(
        rf"(?<![\w.,])(?<![^\W\d]-)(?<!\d:)(?:(?P<qual>{qual})\s+)?"
        rf"(?P<num>{_single(lex)})(?!\w)",
        re.IGNORECASE,
    )


@cache
def _gap_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Before and after a list item whose unit is left out: ", 4 — над
    Брянской", "и по 3 —", "29 уничтожены над X".

    The item follows a list separator; after its number comes a dash (the mark
    of the missing unit), a preposition of place, the action again, or, after a
    distributive word ("по 3"), anything.
    """
    spec = lex.data["quantity"]
    joiners = phrase_pattern(spec.get("list_joiners", [])).pattern
    each = phrase_pattern(spec.get("distributive", [])).pattern
    then = phrase_pattern(spec.get("gap_before", [])).pattern
    actions = lex.actions.pattern.pattern
    # "15 беспилотников — по пять над X, Y и Z": a dash opens the list too
    dash = r"|\s[—–]" if spec.get("list_dash") else ""
    # "38 ракет (було 35 крилатих і 3 балістичні)": a bracket opens the list,
    # past the words of its own opening
    opening = spec.get("list_bracket_words")
    bracket = rf"|\((?:\s*(?:{phrase_pattern(opening).pattern}))?" if opening else ""
    head = re.compile(
        rf"(?:(?<!\d),|,(?!\d)|[:;]|\s(?:{joiners}){dash}{bracket})[\s*_]*"
        rf"(?:(?P<each>{each})\s+)?$",
        re.IGNORECASE,
    )
    # "з них 60 крилатих і 30 балістичних": an adjective whose noun, the
    # unit, is left out, before the list goes on or ends
    adjective = ""
    if spec.get("elided_adjective"):
        adjective = (
            r"|\s+(?P<adjective>[^\W\d]+(?:их|і|ї))"
            r"(?=[\s*_]*(?:[,.;)»«\n]|$|\s(?:і|й|та|а)\s))"
        )
    # "три ракеты сбиты, две — достигли цели": past the dash, an action of its
    # own whose subject the item is
    dashed = rf"(?:\s*(?P<dashed>(?={actions})))?" if spec.get("list_dash") else ""
    tail = re.compile(
        rf"[*_]*(?:\s*[—–]{dashed}|\s+-\s|\s+(?={then})|\s+(?P<action>(?={actions}))"
        rf"{adjective}|(?P<open>(?=\s)))",
        re.IGNORECASE,
    )
    return head, tail


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
    not_filler = rf"(?:{lex.months.bare}|{lex.number_words.bare})(?![\w-])"
    attached = lex.units.bare.removeprefix(r"(?<!\w)")  # "12km": no space
    # "Ka-52", "С-300": a number joined to a name is part of the name.
    # "02:00 росіяни дроном": a clock time holds no quantity either.
    return re.compile(
        rf"(?<![\w.,])(?<![^\W\d]-)(?<!\d:)(?:(?P<qual>{qual})\s+)?"
        rf"(?:{ranges + '|' if ranges else ''}"
        rf"(?P<dlow>{digits})\s*(?:{dash})\s*(?P<dhigh>{digits})"
        # "11-летний", "5-storey": a number joined to a word is an adjective.
        rf"|(?P<num>{single})(?!-[^\W\d])|(?P<vague>{vague}))"
        # Markup may sit between a number and its unit ("**24** drones").
        # Months and number words never stand between a number and its unit
        # ("23 ноября тремя ракетами" is a date, then three missiles).
        rf"(?P<filler>(?:[\s*_-]+(?!{not_filler})[^\W\d][\w-]*){{0,3}}?)[*_]*"
        # A sign or a unit may stick to its number ("30%", "12km").
        rf"(?:\s+|(?=%)|(?=[^\W\d]))[*_«\"]*(?P<unit>{lex.units.pattern.pattern}"
        rf"|(?<=\d){attached}|%(?![\w%]))",
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


@cache
def _storage_site(lex: Lexicon) -> re.Pattern[str]:
    sites = lex.data["quantity"].get("storage_sites", [])
    if not sites:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"\s+(?:at|of|in)\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:{phrase_pattern(sites).pattern})",
        re.IGNORECASE,
    )


@cache
def _not_counts(lex: Lexicon) -> re.Pattern[str]:
    """What before a number makes it no count: a month name ("March 1"), or a
    group noun and "of" ("groups of up to five soldiers" gives a size)."""
    spec = lex.data["quantity"]
    before = []
    if spec.get("day_after_month"):
        before.append(rf"\b(?:{lex.months.bare})")
    if spec.get("group_sizes"):
        qual = lex.qualifiers.pattern.pattern
        sizes = phrase_pattern(spec["group_sizes"]).pattern
        before.append(rf"\b(?:{sizes})(?:\s+(?:{qual}))?")
    if not before:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?:{'|'.join(before)})\s+$", re.IGNORECASE)


def find_quantities(text: str, lex: Lexicon) -> list[FoundQuantity]:
    found: list[FoundQuantity] = []
    stop = _filler_stop(lex)
    each = _distributive(lex)
    not_counts = _not_counts(lex)
    for m in _number_pattern(lex).finditer(text):
        if stop.search(m.group("filler")):
            continue
        if not_counts.search(text, max(0, m.start() - 30), m.start()):
            continue  # "on March 1", "in groups of up to five": no count
        unit_found = lex.units.get(m.group("unit"))
        if unit_found is None:
            continue
        unit, category = unit_found
        if unit == "tank" and _storage_site(lex).match(text, m.end()):
            unit, category = "storage tank", "objects"  # "tanks at an oil depot"
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
            if lex.data["quantity"].get("range_as_upper"):
                # "от 400 до 600 бойцов" read as "up to 600", low kept
                value, qualifier = high_v, "up to"
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
    if lex.data["quantity"].get("count_nouns"):
        found += _counted_pieces(text, lex, found)
    numbers = list(bare_number(lex).finditer(text))
    found += _partitives(text, lex, found, numbers)
    if lex.data["quantity"].get("implicit_one"):
        ones = _implicit_ones(text, lex, found)
        found += _coordinated_ones(text, ones) if lex.lang == "uk" else ones
    if lex.data["quantity"].get("article_one"):
        found += _article_ones(text, lex, found)
    if lex.data["quantity"].get("fractions"):
        found += _fractions(text, lex, found)
    if lex.data["quantity"].get("number_in_dashes"):
        found += _numbers_in_dashes(text, lex, found, numbers)
    found.sort(key=lambda f: f.quantity.start)
    if lex.data["quantity"].get("list_joiners"):
        found += _gapped(text, lex, found, numbers)
        found.sort(key=lambda f: f.quantity.start)
    return found


@cache
def _pieces_pattern(lex: Lexicon) -> re.Pattern[str]:
    nouns = phrase_pattern(lex.data["quantity"]["count_nouns"]).pattern
    return re.compile(rf"{bare_number(lex).pattern}[*_]*\s+(?:{nouns})", re.IGNORECASE)


def _counted_pieces(
    text: str, lex: Lexicon, found: list[FoundQuantity]
) -> list[FoundQuantity]:
    """A number of "pieces" ("сбито ещё пять штук") counts the unit named last
    before it in its paragraph ("атаки беспилотников ... пять штук")."""
    spans = SpanSet((f.quantity.start, f.quantity.end) for f in found)
    out: list[FoundQuantity] = []
    for m in _pieces_pattern(lex).finditer(text):
        if spans.overlaps(m.start(), m.end()):
            continue  # "30 единиц техники": a unit of its own
        head = max(0, m.start() - 300, text.rfind("\n\n", 0, m.start()))
        units = list(lex.units.pattern.finditer(text, head, m.start()))
        unit = lex.units.get(units[-1].group()) if units else None
        if unit is None:
            continue
        piece = _part(m, lex, unit)
        if piece.quantity.value is not None:
            out.append(piece)
    return out


_PEOPLE = frozenset(["personnel", "civilians"])


@cache
def _people_numerals(lex: Lexicon) -> frozenset[str]:
    """Numerals that count only people ("двое", "троих"), in all their forms."""
    words = lex.data["quantity"].get("people_numerals", [])
    return frozenset(w.casefold() for w in words)


def _gapped(
    text: str,
    lex: Lexicon,
    found: list[FoundQuantity],
    numbers: list[re.Match[str]],
) -> list[FoundQuantity]:
    """The unit-less items that continue a quantity as a list, one pass over
    the text's numbers."""
    head, tail = _gap_patterns(lex)
    spans = SpanSet((f.quantity.start, f.quantity.end) for f in found)
    events: list[tuple[int, FoundQuantity | re.Match[str]]] = [
        (f.quantity.start, f) for f in found
    ]
    events += [(m.start("num"), m) for m in numbers]
    events.sort(key=lambda e: e[0])
    out: list[FoundQuantity] = []
    anchor: FoundQuantity | None = None
    last_end = 0
    for start, event in events:
        if isinstance(event, FoundQuantity):
            anchor, last_end = event, event.quantity.end
            continue
        if anchor is None or spans.overlaps(start, start + 1):
            continue
        if start - last_end > 90 or re.search(r"[.;!?\n]", text[last_end:start]):
            anchor = None
            continue
        before = head.search(text, max(0, start - 20), start)
        after = tail.match(text, event.end("num"))
        if before is None or after is None:
            continue
        each = before.group("each") is not None
        if after.group("open") is not None and not each:
            continue
        if after.groupdict().get("adjective") and (
            anchor.category in _PEOPLE
            or lex.actions.pattern.fullmatch(after.group("adjective"))
        ):
            continue  # "20 дронів, 3 поранених": people, not a kind of drone
        if anchor.category not in _PEOPLE and event.group(
            "num"
        ).casefold() in _people_numerals(lex):
            continue  # "упал беспилотник, двое пострадали": people, not drones
        value = parse_number(event.group("num"), lex)
        if value is None:
            continue
        q = anchor.quantity
        out.append(
            FoundQuantity(
                Quantity(
                    value=value,
                    low=value,
                    high=value,
                    unit=q.unit,
                    as_stated=event.group("num"),
                    start=start,
                    end=event.end("num"),
                ),
                anchor.category,
                elided_from=q.start,
                each=each,
                next_action=(
                    after.end()
                    if after.group("action") is not None
                    or (after.groupdict().get("dashed") is not None)
                    else None
                ),
            )
        )
        last_end = after.end()
    return out


@cache
def partitive_gap(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["quantity"]
    part = phrase_pattern(spec.get("partitive", [])).pattern
    dets = phrase_pattern(spec.get("partitive_determiners", [])).pattern
    return re.compile(rf"\s+(?:{part})\s+(?:(?:{dets})\s+)?", re.IGNORECASE)


@cache
def _relative_pattern(lex: Lexicon) -> re.Pattern[str]:
    words = phrase_pattern(lex.data["quantity"].get("partitive_relative", [])).pattern
    return re.compile(rf"\s+(?:{words})(?![\w-])", re.IGNORECASE)


def _partitives(
    text: str,
    lex: Lexicon,
    found: list[FoundQuantity],
    numbers: list[re.Match[str]],
) -> list[FoundQuantity]:
    """A part of a counted whole: "shot down 15 of the 16 drones", "15 of the
    missiles" (15 drones, 15 missiles)."""
    if not lex.data["quantity"].get("partitive"):
        return []
    by_start = {f.quantity.start: f for f in found}
    taken = {f.quantity.start for f in found}
    out: list[FoundQuantity] = []
    part_tail, relative_tail = partitive_gap(lex), _relative_pattern(lex)
    for number in numbers:
        m = part_tail.match(text, number.end())
        if m is None or number.start() in taken:
            continue
        whole = by_start.get(m.end())
        unit_found: tuple[str, str] | None
        if whole is not None:
            unit_found = (whole.quantity.unit, whole.category)
        else:
            unit = lex.units.pattern.match(text, m.end())
            unit_found = lex.units.get(unit.group()) if unit else None
        if unit_found is not None:
            out.append(_part(number, lex, unit_found))
    # "138 drones ..., 110 of which were shot down": the unit of the last
    # quantity in the same sentence.
    for number in numbers:
        m = relative_tail.match(text, number.end())
        if m is None or number.start() in taken:
            continue
        earlier = [
            f
            for f in found
            if f.quantity.end <= number.start()
            and not re.search(r"[.!?\n]", text[f.quantity.end : number.start()])
        ]
        if earlier:
            last = earlier[-1]
            # The part spans its relative pronoun, which opens its clause.
            found_part = _part(number, lex, (last.quantity.unit, last.category))
            q = replace(
                found_part.quantity,
                end=m.end(),
                as_stated=text[number.start() : m.end()],
            )
            out.append(replace(found_part, quantity=q, part=True))
    return [q for q in out if q.quantity.value is not None]


@cache
def _unit_then_dash(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(
        rf"(?:{lex.units.pattern.pattern})[*_]*\s*[—–]\s*$", re.IGNORECASE
    )


@cache
def _dash_then_action(lex: Lexicon) -> re.Pattern[str]:
    """ "— нібито було збито": the closing dash, hedges and an auxiliary, then
    the action whose subject the number is."""
    hedge = lex.hedges.pattern
    aux = lex.passive_aux.pattern
    return re.compile(
        rf"\s*[—–]\s*(?:(?:{hedge}|{aux})\s+)*(?P<action>{lex.actions.pattern.pattern})",
        re.IGNORECASE,
    )


def _numbers_in_dashes(
    text: str,
    lex: Lexicon,
    found: list[FoundQuantity],
    numbers: list[re.Match[str]],
) -> list[FoundQuantity]:
    """A number set off by dashes after its unit ("найбільше дронів — 12 —
    над X"): the unit it counts stands before it, and it opens a list whose
    later numbers leave the unit out ("ще 5 — над Y")."""
    spans = SpanSet((f.quantity.start, f.quantity.end) for f in found)
    before = _unit_then_dash(lex)
    out: list[FoundQuantity] = []
    for number in numbers:
        start, end = number.start("num"), number.end("num")
        if spans.overlaps(start, end) or not re.match(r"\s*[—–]", text[end:]):
            continue
        unit = before.search(text, max(0, start - 40), start)
        if unit is None:
            continue
        word = lex.units.pattern.search(text, unit.start(), start)
        unit_found = lex.units.get(word.group()) if word else None
        value = parse_number(number.group("num"), lex)
        if unit_found is None or value is None:
            continue
        then = _dash_then_action(lex).match(text, end)
        out.append(
            FoundQuantity(
                Quantity(
                    value=value,
                    low=value,
                    high=value,
                    unit=unit_found[0],
                    as_stated=number.group("num"),
                    start=start,
                    end=end,
                ),
                unit_found[1],
                next_action=then.start("action") if then else None,
            )
        )
    return out


def exact_count(
    m: re.Match[str],
    value: float,
    unit: str,
    category: str,
    qualifier: str | None = None,
) -> FoundQuantity:
    """A count read as ``m`` states it, its bounds its value."""
    return FoundQuantity(
        Quantity(
            value=value,
            low=value,
            high=value,
            unit=unit,
            as_stated=m.group(),
            start=m.start(),
            end=m.end(),
            qualifier=qualifier,
        ),
        category,
    )


def _part(m: re.Match[str], lex: Lexicon, unit: tuple[str, str]) -> FoundQuantity:
    value = parse_number(m.group("num"), lex)
    qualifier = lex.qualifiers.get(m.group("qual") or "")
    low, high = _bounds(value, qualifier) if value is not None else (None, None)
    return FoundQuantity(
        Quantity(
            value=value,
            low=low,
            high=high,
            unit=unit[0],
            as_stated=m.group(),
            start=m.start(),
            end=m.end(),
            qualifier=qualifier,
        ),
        unit[1],
    )


@cache
def _prepositions(lex: Lexicon) -> frozenset[str]:
    before = lex.data["places"].get("before", [])
    return frozenset(w.casefold() for w in before if " " not in w and "*" not in w)


@cache
def _counts_one(lang: str, word: str) -> bool:
    """Whether a noun is singular and a subject or an object (pymorphy3)."""
    from foglift.extract.lexicon import _morph

    parses = _morph(lang).parse(word)
    if not parses or parses[0].tag.POS != "NOUN" or "plur" in parses[0].tag:
        return False
    # An animate accusative reads as its genitive too ("травмовано чоловіка");
    # the Ukrainian dictionary leaves the singular unmarked.
    return any(
        p.normal_form == parses[0].normal_form
        and p.tag.POS == "NOUN"
        and "plur" not in p.tag
        and ({"nomn", "accs"} & set(str(p.tag).replace(" ", ",").split(",")))
        for p in parses
    )


def _instrument_one(lang: str, word: str) -> bool:
    """Whether a noun can only be a singular instrumental ("ракетой")."""
    from foglift.extract.lexicon import _morph

    parses = [p for p in _morph(lang).parse(word) if p.tag.POS == "NOUN"]
    return bool(parses) and all("ablt" in p.tag and "plur" not in p.tag for p in parses)


def _implicit_ones(
    text: str, lex: Lexicon, found: list[FoundQuantity]
) -> list[FoundQuantity]:
    """A unit noun in the singular as a subject or object, with no number: one
    ("дрон атаковал", "погиб ребёнок", "сбита авиабомба"). After a preposition
    it names a place or a target, not a count ("попал в дом")."""
    preps = _prepositions(lex)
    categories = set(lex.data["quantity"].get("implicit_one", []))
    # Collective nouns name a mass, not one thing ("бронетехніку накрили").
    collective = phrase_pattern(lex.data["quantity"].get("collective", []))
    spans = SpanSet((f.quantity.start, f.quantity.end) for f in found)
    out: list[FoundQuantity] = []
    for m in lex.units.pattern.finditer(text):
        if spans.overlaps(m.start(), m.start() + 1):
            continue
        if collective.fullmatch(m.group()):
            continue
        before = re.search(
            r"([\w-]+)[\s*_«\"]*$", text[max(0, m.start() - 30) : m.start()]
        )
        if before and (
            before.group(1).casefold() in preps or before.group(1).isdigit()
        ):
            continue
        head = m.group().split()[-1].split("-")[0]  # "дрон-камикадзе"
        unit_found = lex.units.get(m.group())
        if unit_found is None or unit_found[1] not in categories:
            continue
        if (
            not _counts_one(lex.lang, head.casefold())
            and not (
                # "ударили по X ракетой": one weapon, the instrument of the strike
                lex.lang == "ru"
                and unit_found[1] == "aerial"
                and _instrument_one(lex.lang, head.casefold())
            )
            and not (
                lex.lang == "uk"
                and _object_of_action_noun(text, lex, m.start(), head.casefold())
            )
        ):
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


def _object_of_action_noun(text: str, lex: Lexicon, start: int, word: str) -> bool:
    """Whether a singular genitive noun is the object of an action noun before
    it, past its adjectives ("збиття балістичної ракети": one missile)."""
    from foglift.extract.lexicon import _morph

    morph = _morph(lex.lang)
    if not any(
        p.tag.POS == "NOUN" and "gent" in p.tag and "plur" not in p.tag
        for p in morph.parse(word)
    ):
        return False
    words = re.findall(r"[\w'’-]+", text[max(0, start - 80) : start])
    while words and any(p.tag.POS == "ADJF" for p in morph.parse(words[-1])):
        words.pop()
    if not words or lex.actions.pattern.fullmatch(words[-1]) is None:
        return False
    # (a verbal noun in the singular: "збиття", "запуску"; not "пошкоджень
    # оселі", where the plural noun's object is a plural too)
    return any(
        p.tag.POS == "NOUN" and "plur" not in p.tag for p in morph.parse(words[-1])
    )


def _coordinated_ones(text: str, ones: list[FoundQuantity]) -> list[FoundQuantity]:
    """Two people named one by one and joined ("загинули чоловік та жінка"):
    one count of two."""
    out: list[FoundQuantity] = []
    for one in ones:
        last = out[-1] if out else None
        if (
            last is not None
            and last.category == one.category
            and one.category in _PEOPLE
            and last.quantity.value == 1.0
            and re.fullmatch(
                r"\s+(?:і|й|та)\s+", text[last.quantity.end : one.quantity.start]
            )
        ):
            q = replace(
                last.quantity,
                value=2.0,
                low=2.0,
                high=2.0,
                end=one.quantity.end,
                as_stated=text[last.quantity.start : one.quantity.end],
            )
            out[-1] = replace(last, quantity=q)
            continue
        out.append(one)
    return out


@cache
def _fraction_pattern(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["quantity"]
    qual = lex.qualifiers.pattern.pattern
    return re.compile(
        rf"(?<![\w'’-])(?:(?P<qual>{qual})\s+)?"
        rf"(?P<frac>{phrase_pattern(spec['fractions']).pattern})"
        # of a place: a name, or a noun of one ("half of the city")
        rf"(?=\s+of\s+(?:the\s+)?(?:(?-i:[{lex.capital}])|"
        rf"(?i:{phrase_pattern(spec.get('fraction_wholes', [])).pattern})\b))",
        re.IGNORECASE,
    )


def _fractions(
    text: str, lex: Lexicon, found: list[FoundQuantity]
) -> list[FoundQuantity]:
    """A fraction of a whole as a percentage: "control a quarter of the city",
    "about half of the missiles hit" (25 and 50 percent)."""
    table = {
        " ".join(k.casefold().split()): float(v)
        for k, v in lex.data["quantity"]["fractions"].items()
    }
    spans = [(f.quantity.start, f.quantity.end) for f in found]
    out: list[FoundQuantity] = []
    for m in _fraction_pattern(lex).finditer(text):
        if any(a <= m.start("frac") < b for a, b in spans):
            continue
        value = table.get(" ".join(m.group("frac").casefold().split()))
        if value is None:
            continue
        qualifier = lex.qualifiers.get(m.group("qual") or "")
        out.append(exact_count(m, value, "percent", "area", qualifier))
    return out


@cache
def _article_pattern(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["quantity"]
    articles = phrase_pattern(spec["article_one"]).pattern
    return re.compile(
        rf"(?<![\w'’-])(?:{articles})\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?P<unit>{lex.units.pattern.pattern})",
        re.IGNORECASE,
    )


def _article_ones(
    text: str, lex: Lexicon, found: list[FoundQuantity]
) -> list[FoundQuantity]:
    """A unit noun in the singular after an indefinite article: one ("downed a
    Russian fighter and an unspecified helicopter", "destroyed a fuel truck")."""
    categories = set(lex.data["quantity"].get("article_categories", []))
    spans = [(f.quantity.start, f.quantity.end) for f in found]
    out: list[FoundQuantity] = []
    for m in _article_pattern(lex).finditer(text):
        unit_text = m.group("unit")
        if any(a <= m.start("unit") < b for a, b in spans):
            continue
        if re.search(r"[^s]s$", unit_text, re.I):
            continue  # a plural after an article ("a few tanks") counts no one
        if re.search(r"[.,;:!?()]", text[m.start() : m.start("unit")]):
            continue
        unit_found = lex.units.get(unit_text)
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
