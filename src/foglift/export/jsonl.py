"""Records as JSON Lines (one object per line) or one JSON array."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_json_array(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array written as it streams, never held whole in memory."""
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
