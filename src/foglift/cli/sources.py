"""``foglift sources stats``: each claimant's track record on the control maps,
and the anomalies of each imported official series."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from foglift.errors import UsageError

CLAIMANT_COLUMNS = (
    "claimant",
    "name",
    "side",
    "territorial_claims",
    "checked",
    "confirmed",
    "share_confirmed",
    "median_lag_days",
    "already_held",
    "share_already_held",
    "contradicted",
    "share_contradicted",
    "not_confirmed",
    "contested",
)
SERIES_COLUMNS = (
    "series",
    "days",
    "first_day",
    "last_day",
    "unexplained_decreases",
    "explained_decreases",
    "outlier_increments",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.claims import add_store_argument, day
    from foglift.cli.series import DEFAULT_SERIES_DB

    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    stats = sub.add_parser(
        "stats",
        help="per claimant: territorial claims checked, share confirmed, median "
        "lag, late and contradicted claims; per series: anomalies",
    )
    add_store_argument(stats)
    stats.add_argument("--since", type=day, help="claims about days from")
    stats.add_argument("--until", type=day, help="claims about days until")
    stats.add_argument(
        "--series-db",
        default=DEFAULT_SERIES_DB,
        metavar="FILE",
        help=f"series store from 'foglift series import' (default {DEFAULT_SERIES_DB}"
        "; left out when missing)",
    )
    stats.add_argument(
        "--format", default="table", choices=["table", "json", "jsonl", "csv"]
    )


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.0%}" if value <= 1 else f"{value:g}"
    return str(value)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from foglift.store import open_store
    from foglift.store.track import claimant_stats, series_stats
    from foglift.verify.series import JsonSeriesStore

    if args.action != "stats":
        raise UsageError(
            "say what to show: stats", hint="foglift sources stats --since 2025-01-01"
        )
    if args.since and args.until and args.since > args.until:
        raise UsageError("--since is after --until")
    store = open_store(args.db, create=False)
    try:
        claimants = claimant_stats(store, args.since, args.until)
    finally:
        store.close()
    series_rows: list[dict[str, Any]] = []
    if Path(args.series_db).exists():
        series_rows = series_stats(
            JsonSeriesStore(args.series_db), args.since, args.until
        )
    if args.format == "json":
        doc = {"claimants": claimants, "series": series_rows}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    if args.format in ("jsonl", "csv"):
        rows = [{"table": "claimant", **r} for r in claimants]
        rows += [{"table": "series", **r} for r in series_rows]
        if args.format == "jsonl":
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            return 0
        from foglift.export.csv import write_csv

        write_csv(rows, sys.stdout, ("table", *CLAIMANT_COLUMNS, *SERIES_COLUMNS))
        return 0
    _tables(claimants, series_rows)
    return 0


def _tables(claimants: list[dict[str, Any]], series: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from foglift.export.records import printable

    out = sys.stdout
    console = Console(
        file=out, highlight=False, soft_wrap=False, width=None if out.isatty() else 160
    )
    if not claimants:
        console.print(Text("no territorial claims in the store for these days"))
    else:
        table = Table(title="Claimants: territorial claims on the control maps")
        headers = (
            "claimant",
            "side",
            "claims",
            "checked",
            "confirmed",
            "median lag",
            "late",
            "contradicted",
        )
        for h in headers:
            table.add_column(h)
        for r in claimants:
            checked = r["checked"]
            cells = [
                printable(r["name"], 40),
                r["side"],
                r["territorial_claims"],
                checked,
                _cell(r["share_confirmed"]) if checked else "no verdicts yet",
                "-" if r["median_lag_days"] is None else f"{r['median_lag_days']:g} d",
                _cell(r["share_already_held"]),
                _cell(r["share_contradicted"]),
            ]
            table.add_row(*(Text(printable(c)) for c in cells))
        console.print(table)
    if not series:
        console.print(Text("no imported series (foglift series import FILE)"))
        return
    table = Table(title="Series: anomalies")
    for h in (
        "series",
        "days",
        "from",
        "to",
        "unexplained ↓",
        "explained ↓",
        "outliers",
    ):
        table.add_column(h)
    for r in series:
        table.add_row(*(Text(printable(r[k])) for k in SERIES_COLUMNS))
    console.print(table)
