"""Replace spans of a text and keep the offsets of both versions in step."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (input offsets) with ``after``."""

    start: int
    end: int
    after: str
    code: str


@dataclass(frozen=True, slots=True)
class AppliedEdit:
    code: str
    in_start: int
    in_end: int
    out_start: int
    out_end: int
    before: str
    after: str


class EditMap:
    """The edits of one pass, able to map offsets from output back to input."""

    def __init__(self, applied: list[AppliedEdit]) -> None:
        self.applied = applied
        self._out_starts = [a.out_start for a in applied]
        self._in_starts = [a.in_start for a in applied]

    def back(self, pos: int) -> int:
        """Offset in the pass's input of the character at ``pos`` in its output."""
        i = bisect_right(self._out_starts, pos) - 1
        if i < 0:
            return pos
        edit = self.applied[i]
        if pos < edit.out_end:
            return edit.in_start
        return edit.in_end + (pos - edit.out_end)

    def forward(self, pos: int) -> int:
        """Offset in the pass's output of the character at ``pos`` in its input."""
        i = bisect_right(self._in_starts, pos) - 1
        if i < 0:
            return pos
        edit = self.applied[i]
        if pos < edit.in_end:
            return edit.out_start
        return edit.out_end + (pos - edit.in_end)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, EditMap]:
    """Apply non-overlapping edits (sorted by start); overlapping ones are skipped."""
    parts: list[str] = []
    applied: list[AppliedEdit] = []
    cursor = 0
    out_len = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            continue
        parts.append(text[cursor : edit.start])
        out_len += edit.start - cursor
        parts.append(edit.after)
        applied.append(
            AppliedEdit(
                code=edit.code,
                in_start=edit.start,
                in_end=edit.end,
                out_start=out_len,
                out_end=out_len + len(edit.after),
                before=text[edit.start : edit.end],
                after=edit.after,
            )
        )
        out_len += len(edit.after)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts), EditMap(applied)
