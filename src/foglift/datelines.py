"""Datelines: the town, date and news agency that open a news item.

"KYIV, Nov 3 (Reuters) -", "TORRINGTON —", "Washington (CNN)": extraction
reads the agency of a dateline as the voice of the text, geoparsing reads the
town of a dateline as a settlement. One grammar serves both.
"""

from __future__ import annotations

import re

_CAPITAL = "A-ZА-ЯЁІЇЄҐ"
# a news agency in brackets: "(AP)", "(CNN)", "(Reuters)", "(ТАСС)"
AGENCY = rf"\((?P<agency>[{_CAPITAL}][^()\n]{{1,39}})\)"
# a town in capitals, a date, the agency and a dash
_OPENING = re.compile(
    rf"\s*[{_CAPITAL}][{_CAPITAL} .'’/-]{{1,40}},\s+[^()\n]{{0,30}}?{AGENCY}\s*[-–—]"
)
# what follows a dateline's town: a dash, a comma, or the agency
_AFTER_TOWN = re.compile(rf"\s*(?:[-–—]|,|{AGENCY})")
# the agency after a dateline's town, a region between: ", Ukraine (Reuters)"
_AGENCY_AFTER_TOWN = re.compile(rf"(?:,[^\n(]{{1,40}})?\s*{AGENCY}")


def opening_dateline(text: str) -> re.Match[str] | None:
    """The dateline that opens ``text`` with its agency (group ``agency``)."""
    return _OPENING.match(text)


def follows_town(text: str, pos: int) -> bool:
    """Whether ``text`` at ``pos`` goes on as a dateline after its town."""
    return _AFTER_TOWN.match(text, pos) is not None


def agency_follows(text: str, pos: int) -> bool:
    """Whether a news agency follows at ``pos`` (a region may come between)."""
    return _AGENCY_AFTER_TOWN.match(text, pos) is not None


def is_capitals(name: str) -> bool:
    """A town written in capitals, as datelines write it ("KRAMATORSK")."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
