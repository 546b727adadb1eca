"""Time expressions, and their resolution to windows of calendar days.

Finding and resolving are separate: a duration ("over the course of one day")
is anchored to whichever date the context supplies, which only the claim
assembler knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from foglift.extract.lexicon import Lexicon
from foglift.model import TimeSpan

_DAY_RX = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|-?го|-?е)?"
_YEAR_WORD = r"(?:\s+(?:года|год|г\.|року|рік|р\.))?"

ExprKind = Literal["date", "weekday", "relative", "duration", "same_day"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    kind: ExprKind
    start: int
    end: int
    as_stated: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0  # relative days, or the weekday index
    before: int = 0  # duration: days before the anchor
    after: int = 0


@cache
def _pattern(lex: Lexicon) -> re.Pattern[str]:
    months = rf"(?:{lex.months.pattern.pattern})\.?"
    weekdays = lex.weekdays.pattern.pattern
    year = r"(?:,?\s+(?P<{0}>(?:19|20)\d\d)" + _YEAR_WORD + ")?"
    on = "|".join(lex.data["time"].get("weekday_prefixes", ["on", "last"]))
    return re.compile(
        rf"(?P<md>(?P<m1>{months})\s+(?P<d1>{_DAY_RX})\b{year.format('y1')})"
        rf"|(?P<dm>\b(?P<d2>{_DAY_RX})\s+(?:of\s+)?(?P<m2>{months}){year.format('y2')})"
        rf"|(?P<iso>\b(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b)"
        rf"|(?P<dotted>\b(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>(?:19|20)?\d\d)\b)"
        rf"|(?P<weekday>(?:\b(?:{on})\s+)?(?P<wd>{weekdays}))"
        rf"|(?P<same>{lex.same_day.pattern})"
        rf"|(?P<duration>{lex.durations.pattern.pattern})"
        rf"|(?P<relative>{lex.relative_days.pattern.pattern})",
        re.IGNORECASE,
    )


def find_time_expressions(text: str, lex: Lexicon) -> list[TimeExpr]:
    found: list[TimeExpr] = []
    for m in _pattern(lex).finditer(text):
        stated = m.group()
        if m.group("md") or m.group("dm"):
            month = lex.months[(m.group("m1") or m.group("m2")).rstrip(".")]
            day = int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
            y = m.group("y1") or m.group("y2")
            found.append(
                TimeExpr(
                    "date",
                    m.start(),
                    m.end(),
                    stated,
                    int(y) if y else None,
                    month,
                    day,
                )
            )
        elif m.group("iso") or m.group("dotted"):
            y, mo, d = (
                (m.group("y3"), m.group("m3"), m.group("d3"))
                if m.group("iso")
                else (m.group("y4"), m.group("m4"), m.group("d4"))
            )
            year = int(y) + (2000 if len(y) == 2 else 0)  # "24.02.22"
            found.append(
                TimeExpr("date", m.start(), m.end(), stated, year, int(mo), int(d))
            )
        elif m.group("weekday"):
            index = lex.weekdays[m.group("wd")]
            found.append(TimeExpr("weekday", m.start(), m.end(), stated, offset=index))
        elif m.group("same"):
            found.append(TimeExpr("same_day", m.start(), m.end(), stated))
        elif m.group("duration"):
            before, after = lex.durations[stated]
            found.append(
                TimeExpr(
                    "duration", m.start(), m.end(), stated, before=before, after=after
                )
            )
        elif m.group("relative"):
            offset = lex.relative_days[stated]
            found.append(
                TimeExpr("relative", m.start(), m.end(), stated, offset=offset)
            )
    return found


def resolve_date(expr: TimeExpr, published: date | None) -> date | None:
    """The calendar day of a date, weekday or relative expression, or None."""
    if expr.kind == "date" and expr.month and expr.day:
        try:
            if expr.year is not None:
                return date(expr.year, expr.month, expr.day)
            if published is None:
                return None
            # Without a year: the year that puts it on or before publication.
            found = date(published.year, expr.month, expr.day)
            return (
                found
                if found <= published
                else date(published.year - 1, *found.timetuple()[1:3])
            )
        except ValueError:
            return None
    if published is None:
        return None
    if expr.kind == "relative":
        return published + timedelta(days=expr.offset)
    if expr.kind == "weekday":
        back = (published.weekday() - expr.offset) % 7
        return published - timedelta(days=back)
    return None


def resolve_span(
    expr: TimeExpr,
    published: date | None,
    anchor: date | None = None,
    anchor_from: str | None = None,
) -> TimeSpan:
    """A TimeSpan for ``expr``; durations and "that same day" need ``anchor``."""
    kind: Literal["date", "duration", "relative"]
    note = None
    if expr.kind in ("date", "weekday", "relative"):
        day = resolve_date(expr, published)
        kind = "date" if expr.kind == "date" else "relative"
        if day is None:
            note = (
                "no publication date to resolve it against"
                if published is None
                else ("not a calendar date")
            )
        source = "text" if expr.kind == "date" and expr.year else "published"
        return TimeSpan(
            day, day, expr.as_stated, kind, expr.start, expr.end,
            anchor=published if source == "published" else None,
            anchor_from=source if day else None,
            note=note,
        )  # fmt: skip
    if anchor is None:
        anchor, anchor_from = published, ("published" if published else None)
    if expr.kind == "same_day":
        return TimeSpan(
            anchor, anchor, expr.as_stated, "relative", expr.start, expr.end,
            anchor=anchor, anchor_from=anchor_from,
            note=None if anchor else "no earlier date to refer to",
        )  # fmt: skip
    first = anchor - timedelta(days=expr.before) if anchor else None
    last = anchor + timedelta(days=expr.after) if anchor else None
    return TimeSpan(
        first, last, expr.as_stated, "duration", expr.start, expr.end,
        anchor=anchor, anchor_from=anchor_from,
        note=None if anchor else "no date to anchor the duration",
    )  # fmt: skip
