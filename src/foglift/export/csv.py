"""Records as CSV, one row per record with every field.

A cell that a spreadsheet would run as a formula (starting ``=``, ``+``,
``-``, ``@``, tab or carriage return, and not a plain number) gets a leading
``'``, the usual defence against CSV injection.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def safe_cell(value: Any) -> Any:
    risky = isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")
    if risky and not _NUMBER.match(value):
        return "'" + value
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(
    rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None
) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(
                out, fieldnames=list(columns or row), extrasaction="ignore"
            )
            writer.writeheader()
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        n += 1
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=list(columns)).writeheader()
    return n
