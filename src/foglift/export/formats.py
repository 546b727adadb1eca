"""Write query results in the format a command was asked for.

Every format streams; data goes to ``out`` (stdout), never progress or logs.
Tables escape everything: cells are plain ``rich`` Text (no markup) with
control characters shown as U+FFFD.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from foglift.export.records import (
    Opsec,
    apply_opsec,
    flat_claim,
    flat_verdicts,
    printable,
)

CLAIM_FORMATS = ("table", "json", "jsonl", "csv", "geojson", "claimreview")
ROW_FORMATS = ("table", "json", "jsonl", "csv")


def _table(
    rows: Iterable[dict[str, Any]],
    out: TextIO,
    columns: Sequence[tuple[str, Callable[[dict[str, Any]], object], int]],
    title: str,
) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, expand=False)
    for header, _get, width in columns:
        table.add_column(header, max_width=width, overflow="fold")
    n = 0
    for row in rows:
        table.add_row(*(Text(printable(get(row), 400)) for _h, get, _w in columns))
        n += 1
    wide = None if out.isatty() else 160  # a pipe or file gets full columns
    console = Console(file=out, highlight=False, soft_wrap=False, width=wide)
    if n:
        console.print(table)
    else:
        console.print(Text(f"no {title.lower()}"))
    return n


def _place_names(record: dict[str, Any]) -> str:
    names = []
    for place in record.get("places", []):
        resolved = place.get("resolved") or {}
        label = resolved.get("name") or place["name"]
        if resolved.get("admin1"):
            label += f" ({resolved['admin1']})"
        if label not in names:
            names.append(label)
    return "; ".join(names)


def _quantity(record: dict[str, Any]) -> str:
    quantity = record.get("quantity") or {}
    return str(quantity.get("as_stated") or "")


def _day(record: dict[str, Any]) -> str:
    first, last = record.get("first_day"), record.get("last_day")
    if first and last and first != last:
        return f"{first}..{last}"
    return str(first or last or (record.get("document") or {}).get("published") or "")


CLAIM_COLUMNS: list[tuple[str, Callable[[dict[str, Any]], object], int]] = [
    ("day", _day, 22),
    ("type", lambda r: r["claim_type"], 11),
    ("claimant", lambda r: (r.get("claimant") or {}).get("name"), 28),
    ("stance", lambda r: r["stance"], 8),
    ("action", lambda r: f"{r['action']} ({r['action_as_stated']})", 24),
    ("place", _place_names, 30),
    ("quantity", _quantity, 16),
    ("source", lambda r: (r.get("document") or {}).get("source"), 20),
    ("claim", lambda r: r["text"], 60),
]


def _released(
    records: Iterable[dict[str, Any]], opsec: Opsec, limit: int | None
) -> Iterable[dict[str, Any]]:
    """The records the opsec options let out, at most ``limit`` of them."""
    released = apply_opsec(records, opsec)
    return released if limit is None else itertools.islice(released, limit)


def write_claims(
    records: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    opsec: Opsec,
    limit: int | None = None,
) -> int:
    """Claim records in ``fmt`` (at most ``limit`` after the opsec options);
    returns how many were written."""
    records = _released(records, opsec, limit)
    if fmt == "json":
        from foglift.export.jsonl import write_json_array

        return write_json_array(records, out)
    if fmt == "jsonl":
        from foglift.export.jsonl import write_jsonl

        return write_jsonl(records, out)
    if fmt == "csv":
        from foglift.export.csv import write_csv

        return write_csv((flat_claim(r) for r in records), out)
    if fmt == "geojson":
        from foglift.export.geojson import write_geojson

        return write_geojson(records, out)
    if fmt == "claimreview":
        from foglift.export.claimreview import write_claimreview

        return write_claimreview(records, out)
    return _table(records, out, CLAIM_COLUMNS, "Claims")


def _verdict_place(row: dict[str, Any]) -> str:
    params = row["verdict"].get("parameters") or {}
    for place in row["claim"].get("places", []):
        resolved = place.get("resolved") or {}
        if resolved and resolved.get("gazetteer_id") == row["verdict"].get("place_id"):
            return str(resolved.get("name") or place["name"])
    return str(row["verdict"].get("place_id") or params.get("place") or "")


def _verdict_lag(row: dict[str, Any]) -> str:
    lag = row["verdict"].get("lag_days")
    return "" if lag is None else f"{lag:+d} d"


VERDICT_COLUMNS: list[tuple[str, Callable[[dict[str, Any]], object], int]] = [
    ("day", lambda r: _day(r["claim"]), 22),
    ("claimant", lambda r: (r["claim"].get("claimant") or {}).get("name"), 28),
    ("action", lambda r: f"{r['claim']['action']} ({r['claim']['stance']})", 20),
    ("place", _verdict_place, 24),
    ("check", lambda r: r["verdict"].get("check"), 11),
    (
        "evidence",
        lambda r: (
            (r["verdict"].get("parameters") or {}).get("map_source")
            or (r["verdict"].get("parameters") or {}).get("series")
            or ""
        ),
        16,
    ),
    ("status", lambda r: r["verdict"].get("status"), 14),
    ("lag", _verdict_lag, 6),
    ("why", lambda r: (r["verdict"].get("steps") or [""])[-1], 60),
]


def write_verdicts(
    records: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    opsec: Opsec,
    limit: int | None = None,
) -> int:
    """Claim records with their verdicts in ``fmt``: JSON and JSONL as claim
    records (``verdicts`` holds steps, parameters and evidence), CSV and the
    table one row per verdict; GeoJSON and ClaimReview as for claims."""
    if fmt in ("json", "jsonl", "geojson", "claimreview"):
        return write_claims(records, fmt, out, opsec, limit)
    records = _released(records, opsec, limit)
    if fmt == "csv":
        from foglift.export.csv import write_csv

        return write_csv((row for r in records for row in flat_verdicts(r)), out)
    return _table(
        ({"claim": r, "verdict": v} for r in records for v in r.get("verdicts", [])),
        out,
        VERDICT_COLUMNS,
        "Verdicts",
    )


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    columns: Sequence[tuple[str, Callable[[dict[str, Any]], object], int]],
    title: str,
) -> int:
    """Plain rows (documents, rejections) in table, json, jsonl or csv."""
    if fmt == "json":
        from foglift.export.jsonl import write_json_array

        return write_json_array(rows, out)
    if fmt == "jsonl":
        from foglift.export.jsonl import write_jsonl

        return write_jsonl(rows, out)
    if fmt == "csv":
        import json

        from foglift.export.csv import write_csv

        return write_csv(
            (
                {
                    k: json.dumps(v, ensure_ascii=False)
                    if isinstance(v, list | dict)
                    else v
                    for k, v in row.items()
                }
                for row in rows
            ),
            out,
        )
    return _table(rows, out, columns, title)
