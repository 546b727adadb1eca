"""The date of a plain text file: from its name or its heading.

A saved report is often named by its day (``2025-01-06.md``,
``January_6_2025.txt``) and opens with a dateline ("January 6, 2025, 5:30pm
ET", "6 січня 2025 року"). Either dates a text that carries no metadata;
the reader records which one it used.
"""

from __future__ import annotations

import re
from datetime import date

# Month names by their stems, in English, Russian and Ukrainian.
_MONTH_STEMS = (
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
    ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("мая", 5),
    ("май", 5), ("июн", 6), ("июл", 7), ("август", 8), ("сентябр", 9),
    ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5),
    ("черв", 6), ("лип", 7), ("серп", 8), ("верес", 9), ("жовт", 10),
    ("листопад", 11), ("груд", 12),
)  # fmt: skip
_WORD = r"[^\W\d_]{3,12}\.?"
_SEP = r"[\s_.,-]+"
_PATTERNS = (
    # 2025-01-06, 2025_01_06
    (
        re.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.](?P<m>\d\d)[-_.](?P<d>\d\d)(?!\d)"
        ),
        0,
    ),
    # 06.01.2025
    (re.compile(r"(?<!\d)(?P<d>\d\d)\.(?P<m>\d\d)\.(?P<y>(?:19|20)\d\d)(?!\d)"), 0),
    # January 6, 2025 / January_6_2025
    (
        re.compile(
            rf"(?<![^\W\d_])(?P<month>{_WORD}){_SEP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"{_SEP}(?P<y>(?:19|20)\d\d)(?!\d)",
            re.IGNORECASE,
        ),
        1,
    ),
    # 6 January 2025 / 6 січня 2025
    (
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}}){_SEP}(?P<month>{_WORD}){_SEP}"
            rf"(?P<y>(?:19|20)\d\d)(?!\d)",
            re.IGNORECASE,
        ),
        1,
    ),
)
_HEADING_LINES = 6  # a dateline stands in the first lines, or it is not one
_HEADING_LINE_CHARS = 200


def _month(word: str) -> int | None:
    key = word.casefold().rstrip(".")
    for stem, number in _MONTH_STEMS:
        if key.startswith(stem):
            return number
    return None


def find_date(text: str) -> date | None:
    """The first calendar date written in ``text`` in a common form, or None."""
    found: list[tuple[int, date]] = []
    for pattern, named in _PATTERNS:
        for m in pattern.finditer(text):
            month = _month(m.group("month")) if named else int(m.group("m"))
            if month is None:
                continue
            try:
                day = date(int(m.group("y")), month, int(m.group("d")))
            except ValueError:
                continue
            found.append((m.start(), day))
            break
    return min(found)[1] if found else None


def date_in_heading(text: str) -> date | None:
    """A date in the first non-empty lines of a text (its dateline)."""
    lines = [line for line in text.splitlines() if line.strip()][:_HEADING_LINES]
    for line in lines:
        if len(line) <= _HEADING_LINE_CHARS:
            day = find_date(line)
            if day is not None:
                return day
    return None
