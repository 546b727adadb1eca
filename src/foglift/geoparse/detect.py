"""Find place mentions in plain text with the gazetteer as the dictionary.

Runs of capitalised words (Latin or Cyrillic, with hyphens and apostrophes)
are candidate spans; the longest sub-run the gazetteer knows wins, extended
by a following qualifier word ("Donetsk oblast", "Покровський район").
Demonyms and abbreviations are not detected (they are resolved only when a
caller marks them as places), and a single capitalised word at the start of
a sentence must be a well-known place, since English capitalises every
sentence's first word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from foglift.datelines import follows_town
from foglift.geoparse.resolve import Match, find_matches, importance
from foglift.geoparse.theatre import LOWER_WORD, PLACE_WORD_BEFORE, Span
from foglift.spans import at_line_start

# find_matches, remembered for one text
Finder = Callable[[str], list[Match]]

# capitals: Latin (with Latin-1 and Extended-A: İstanbul, Łódź, Škoda), Cyrillic
_CAPITALS = (
    "A-ZÀ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁІЇЄҐ"
)
_WORD = rf"(?:[dl]['’])?[{_CAPITALS}][\w'’ʼ-]*"
_RUN = re.compile(
    rf"{_WORD}(?:\s+(?:{_WORD}|of(?:\s+the)?|on|upon|de|la|el|am|na)\b)*"
    rf"(?:\s+{_WORD})?"
)
_QUALIFIER_AFTER = re.compile(
    r"\s+(oblast|region|raion|rayon|district|county|province|krai|prefecture|"
    r"governorate|department|область|обл\.|район|"
    r"громада|краю?|области|районі?|району|районе|області|регіон)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")
# a name in a street's name is not that place ("Zelena Street", "вул. Миру");
# not "Road" or "Highway": "Hertford Road" leads to Hertford, and "Missouri
# State Highway Patrol" names Missouri (TR-News, end to end: 84.3% -> 83.9%
# with them)
_STREET_AFTER = re.compile(
    r"\s+(?:Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Prospekt|Prospect)"
    r"(?!\w)"
)
_STREET_BEFORE = re.compile(
    r"(?:вулиц\w*|вул\.|улиц\w*|ул\.|проспект\w*|просп\.|провулк?\w*|"
    r"переулк?\w*|пров\.|пер\.|площ\w*)\s+$",
    re.IGNORECASE,
)
# dotted abbreviations: "U.S.", "B.C.", "N.J.", and a state after a town's
# name in a dateline ("Paris, Ky.", "Calgary, Alta.", "Buffalo, NY")
_DOTTED = re.compile(
    r"\b(?:[A-Z]\.){2,}|(?<=, )[A-Z][a-z]{1,4}\.|(?<=[a-z], )[A-Z]{2}(?![\w.])"
)
_TOWN_BEFORE = re.compile(rf"[{_CAPITALS}][\w'’-]*, $")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;\n]|\bnn)\s*[\"'“‘«(]*\s*$")
# capitalised words that are never places in running text, though some
# gazetteer entry carries them as a name
STOPWORDS = frozenset(
    line.strip()
    for line in (Path(__file__).with_name("data") / "stopwords.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)
# words that capitalised at a sentence start lead into a name without
# belonging to it ("The UK-based", "In London")
_LEADING_WORDS = frozenset(
    ["the", "in", "at", "on", "of", "from", "to", "by", "for", "and", "a", "an"]
)
# kinds of alias detection trusts: official names, native names, old names and
# transliterations of native names; alternate names only for sizeable places
_TRUSTED = frozenset(
    {
        "name",
        "qualified",
        "uk",
        "ru",
        "ru_guess",
        "old",
        "translit",
        "morph",
        "morph_shadowed",
        "facility",
    }
)


def _acceptable(
    text: str,
    start: int,
    phrase: str,
    find: Finder,
    adjectives: bool = False,
    known: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> bool:
    words = phrase.split()
    if len(words) == 1 and words[0].casefold().strip("'’") in STOPWORDS:
        return False
    if (
        len(words) == 1
        and not phrase.isupper()
        and phrase.casefold() in common
        and not _place_word_before(text, start)
        and not follows_town(text, start + len(phrase))
    ):
        # a word the text also writes in lower case ("the main effort", "a
        # rifle") is a common word when capitalised, unless the words before
        # it make it a place ("in Reading")
        return False
    found = find(phrase)
    if adjectives and len(words) == 1 and any(m.kind == "demonym" for m in found):
        return True
    if _COMPASS_OF_BEFORE.search(text, max(0, start - 40), start) and any(
        m.place.precision == "settlement" for m in found
    ):
        # "12 km southeast of Vysokopillya": a bearing's anchor is a place, so
        # a small town's weak spelling (an alternate, a skeleton: -ya for -ia)
        # is one here
        return True
    # "HIV", "UN", "SOS": short capitals are acronyms unless an area's
    # abbreviation; so are "NATO", "OSCE" within a line (not "KYIV —")
    line_start = at_line_start(text, start)
    acronym = phrase.isupper() and (
        len(phrase) <= 3 or (len(phrase) <= 5 and not line_start)
    )
    matches = [
        m
        for m in found
        if (m.kind not in ("demonym", "abbr", "skeleton") and not acronym)
        # a country's short or informal name (Britain, USA, Росія) and a
        # state's abbreviation of three capitals or more (NSW, QLD)
        or (
            m.kind == "abbr"
            and (
                m.place.precision == "country"
                or (phrase.isupper() and len(phrase.replace(".", "")) >= 3)
            )
        )
    ]
    if not matches:
        return False
    strong = [
        m
        for m in matches
        if m.kind.split("+")[0] in _TRUSTED
        or m.kind == "abbr"
        or importance(m.place) >= 4.5
    ]
    if not strong:
        return False
    sentence_start = _SENTENCE_START.search(text[max(0, start - 6) : start]) is not None
    if (
        sentence_start
        and len(words) == 1
        and phrase.casefold() not in known
        and not follows_town(text, start + len(phrase))
    ):
        return any(importance(m.place) >= 4.7 for m in strong)
    return True


# a bearing right before a name: "southeast of", "12 km north of"
_COMPASS_OF_BEFORE = re.compile(
    r"(?<![\w-])(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _place_word_before(text: str, start: int) -> bool:
    """Whether a preposition that introduces places comes right before."""
    return PLACE_WORD_BEFORE.search(text, max(0, start - 30), start) is not None


GIVEN_NAMES = frozenset(
    line.strip().casefold()
    for line in (Path(__file__).with_name("data") / "given_names.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)


def given_name(word: str, following: str) -> bool:
    """Whether ``word`` is a given name and ``following`` a capitalised word
    after it (a surname): "Vladimir Saldo", "Олександр Сирський"."""
    if not following[:1].isupper() or not word[:1].isupper():
        return False
    key = word.casefold()
    if key in GIVEN_NAMES:
        return True
    if re.search("[а-яёіїєґ]", key):
        from foglift.geoparse.morphology import is_given_name

        return is_given_name(key)
    return False


def _tokens(run: re.Match[str], find: Finder) -> list[tuple[int, int]]:
    """Word offsets in a run; "UK-based", "India-Pakistan" and "Australia-wide"
    are split at the hyphen unless the whole word is a name (Ivano-Frankivsk)."""
    out: list[tuple[int, int]] = []
    for word in re.finditer(r"\S+", run.group(0)):
        start, end = run.start() + word.start(), run.start() + word.end()
        token = word.group(0)
        if "-" not in token.strip("-") or find(token.rstrip("'’ʼ-")):
            out.append((start, end))
            continue
        offset = start
        for part in token.split("-"):
            if part[:1].isupper():
                out.append((offset, offset + len(part)))
            offset += len(part) + 1
    return out


def detect_spans(text: str, adjectives: bool = False) -> list[Span]:
    """Place mentions in ``text``, left to right, not overlapping.

    With ``adjectives``, adjectives of nationality ("Russian", "Turkish") count
    as mentions of their country, as the LGL/TR-News annotation has it; the
    claim pipeline leaves them out (a "Russian" unit is not a place).
    A single word at a sentence start must be a well-known place, or a name
    the text also uses in mid-sentence.
    """
    memo: dict[str, list[Match]] = {}

    def find(phrase: str) -> list[Match]:
        # a long text repeats its names (and its capitalised non-names)
        found = memo.get(phrase)
        if found is None:
            found = memo[phrase] = find_matches(phrase)
        return found

    first = _detect(text, adjectives, frozenset(), find)
    mid_sentence = frozenset(
        span.name.casefold()
        for span in first
        if _SENTENCE_START.search(text[max(0, span.start - 6) : span.start]) is None
    )
    return _detect(text, adjectives, mid_sentence, find) if mid_sentence else first


def _detect(
    text: str, adjectives: bool, known: frozenset[str], find: Finder
) -> list[Span]:
    spans: list[Span] = []
    # words the text writes in lower case: their capitalised forms are
    # sentence starts and titles ("Main Effort"), not places, without a cue
    common = frozenset(LOWER_WORD.findall(text))
    for abbreviation in _DOTTED.finditer(text):
        phrase = abbreviation.group(0)
        at = abbreviation.start()
        if phrase.isalpha() and not _TOWN_BEFORE.search(text, max(0, at - 60), at):
            continue  # "Buffalo, NY", but not "fine, OK then"
        if any(m.kind in ("abbr", "name") for m in find(phrase)):
            spans.append(Span(abbreviation.start(), abbreviation.end(), phrase))
    taken = [(s.start, s.end) for s in spans]
    for run in _RUN.finditer(text):
        # words of the run that a dotted abbreviation took are not read again
        # ("DETROIT The U.S. ...": Detroit still is)
        words = [
            (a, b)
            for a, b in _tokens(run, find)
            if not any(x < b and a < y for x, y in taken)
        ]
        i = 0
        while i < len(words):
            found = None
            first_word = text[words[i][0] : words[i][1]].casefold().strip("'’")
            # "The UK", "In London": a span starts at the name
            if first_word in _LEADING_WORDS and i + 1 < len(words):
                i += 1
                continue
            # "Vladimir Saldo", "Brad Slater": a given name before another
            # capitalised word is a person, unless the two are a place
            person = i + 1 < len(words) and given_name(
                text[words[i][0] : words[i][1]], text[words[i + 1][0] : words[i + 1][1]]
            )
            for j in range(min(len(words), i + 5), i + 1 if person else i, -1):
                start, end = words[i][0], words[j - 1][1]
                if any(x < end and start < y for x, y in taken):
                    continue  # a phrase never spans a taken abbreviation
                phrase = _POSSESSIVE.sub("", text[start:end]).rstrip("'’ʼ-")
                end = start + len(phrase)
                if phrase[:1].isupper() and _acceptable(
                    text, start, phrase, find, adjectives, known, common
                ):
                    found = (start, end, j)
                    break
            if found is None:
                i += 2 if person else 1  # a person's surname is no place either
                continue
            start, end, j = found
            if _STREET_AFTER.match(text, end) or _STREET_BEFORE.search(
                text, max(0, start - 20), start
            ):
                i = j  # "Zelena Street", "вулиця Шевченка": a street, not the town
                continue
            qualifier = _QUALIFIER_AFTER.match(text, end)
            if qualifier and find(text[start : qualifier.end()]):
                end = qualifier.end()
            spans.append(Span(start, end, text[start:end]))
            i = j
    return sorted(spans, key=lambda span: span.start)
