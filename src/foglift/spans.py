"""Sets of character spans answering "does this overlap any?" in log time.

A document with tens of thousands of mentions ("near X, near Y, ...") must not
cost a scan of every earlier mention per new one: the stages keep the spans
they have taken in a :class:`SpanSet`, whose union is stored as sorted,
disjoint intervals.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanSet:
    """The union of half-open spans ``[start, end)``, and their own starts."""

    __slots__ = ("_ends", "_member_starts", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._member_starts: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)``; an empty span only records its start."""
        self._member_starts.insert(bisect_right(self._member_starts, start), start)
        if end <= start:
            return
        # the union intervals touching or overlapping the new one merge with it
        lo = bisect_left(self._ends, start)
        hi = bisect_right(self._starts, end)
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span taken has ``s < end`` and ``start < e``: shares a
        character with ``[start, end)``, or holds the point of an empty one."""
        # of the intervals starting before ``end``, the last reaches furthest
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def first_start_within(self, lo: int, hi: int) -> int | None:
        """The least start of a span taken with ``lo < start < hi``."""
        i = bisect_right(self._member_starts, lo)
        if i < len(self._member_starts) and self._member_starts[i] < hi:
            return self._member_starts[i]
        return None


def at_line_start(text: str, start: int) -> bool:
    """Whether only white space stands between the line's start and ``start``:
    ``not text[text.rfind("\n", 0, start) + 1 : start].strip()``, read back
    over the white space alone (the slice made a long line's names quadratic)."""
    i = start
    while i > 0:
        char = text[i - 1]
        if char == "\n":
            return True
        if not char.isspace():
            return False
        i -= 1
    return True
