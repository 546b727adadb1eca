"""``foglift sources stats``: each claimant's track record on the control maps,
and the anomalies of each imported official series."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from foglift.errors import UsageError

OUTCOMES = ("confirmed", "already_held", "contested", "contradicted", "not_confirmed")
CLAIMANT_COLUMNS = (
    "claimant",
    "name",
    "names",
    "side",
    "territorial_claims",
    "checked",
    "few_checked",
    "not_judged",
    "ambiguous_place",
    "unchecked",
    "median_lag_days",
    *(
        f"{prefix}{o}{suffix}"
        for o in OUTCOMES
        for prefix, suffix in (
            ("", ""),
            ("share_", ""),
            ("share_", "_low"),
            ("share_", "_high"),
        )
    ),
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
        help="per claimant: territorial claims checked against the maps, each "
        "outcome's share with its count and 95%% interval, median lag; per "
        "series: anomalies",
        description="Example: foglift sources stats --db corpus.db --since 2025-01-01",
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
    stats.add_argument("--sources", metavar="FILE", help="extra source registry (TOML)")
    stats.add_argument(
        "--format", default="table", choices=["table", "json", "jsonl", "csv"]
    )


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.0%}" if value <= 1 else f"{value:g}"
    return str(value)


def share_cell(row: dict[str, Any], outcome: str) -> str:
    """ "50% (1/2; 9-91%)": the share, its count and its 95% interval."""
    n = row["checked"]
    if not n:
        return "-"
    low, high = row[f"share_{outcome}_low"], row[f"share_{outcome}_high"]
    return f"{row[f'share_{outcome}']:.0%} ({row[outcome]}/{n}; {low:.0%}-{high:.0%})"


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from foglift.runs.track import MIN_JUDGED, claimant_stats, series_stats
    from foglift.sources import load_registry
    from foglift.store import open_store
    from foglift.verify.series import JsonSeriesStore

    if args.action != "stats":
        raise UsageError(
            "say what to show: stats", hint="foglift sources stats --since 2025-01-01"
        )
    if args.since and args.until and args.since > args.until:
        raise UsageError("--since is after --until")
    store = open_store(args.db, create=False)
    try:
        claimants, left_out = claimant_stats(
            store, args.since, args.until, load_registry(args.sources)
        )
    finally:
        store.close()
    series_rows: list[dict[str, Any]] = []
    if Path(args.series_db).exists():
        series_rows = series_stats(
            JsonSeriesStore(args.series_db), args.since, args.until
        )
    if args.format == "json":
        doc = {
            "claimants": claimants,
            "left_out": left_out,
            "min_checked": MIN_JUDGED,
            "series": series_rows,
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    if args.format in ("jsonl", "csv"):
        rows = [
            {"table": "claimant", **r, "names": " | ".join(r["names"])}
            for r in claimants
        ]
        rows += [{"table": "series", **r} for r in series_rows]
        if args.format == "jsonl":
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            return 0
        from foglift.export.csv import write_csv

        write_csv(rows, sys.stdout, ("table", *CLAIMANT_COLUMNS, *SERIES_COLUMNS))
        return 0
    _tables(claimants, series_rows, left_out, MIN_JUDGED)
    return 0


def _tables(
    claimants: list[dict[str, Any]],
    series: list[dict[str, Any]],
    left_out: dict[str, int],
    min_checked: int,
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from foglift.export.records import printable

    out = sys.stdout
    console = Console(
        file=out, highlight=False, soft_wrap=False, width=None if out.isatty() else 200
    )
    if not claimants:
        console.print(Text("no territorial claims in the store for these days"))
    else:
        table = Table(
            title="Claimants: territorial claims about settlements on the control "
            "maps (share of checked claims: count; 95% interval)"
        )
        headers = (
            "claimant",
            "side",
            "claims",
            "checked",
            "confirmed",
            "median lag",
            "late",
            "contested",
            "contradicted",
            "not judged",
            "note",
        )
        for h in headers:
            table.add_column(h)
        for r in claimants:
            checked = r["checked"]
            names = [n for n in r["names"] if n != r["name"]]
            note = []
            if checked and r["few_checked"]:
                note.append(f"fewer than {min_checked} checked: not a track record")
            if names:
                note.append("as " + "; ".join(printable(n, 30) for n in names[:3]))
            cells = [
                printable(r["name"], 40),
                r["side"],
                r["territorial_claims"],
                checked,
                share_cell(r, "confirmed") if checked else "no verdicts yet",
                "-" if r["median_lag_days"] is None else f"{r['median_lag_days']:g} d",
                share_cell(r, "already_held"),
                share_cell(r, "contested"),
                share_cell(r, "contradicted"),
                r["not_judged"] + r["ambiguous_place"],
                " ".join(note),
            ]
            table.add_row(*(Text(printable(c, 200)) for c in cells))
        console.print(table)
    if left_out.get("own_voice_unknown_publisher"):
        console.print(
            Text(
                f"{left_out['own_voice_unknown_publisher']} claim(s) in a text's own "
                "voice with no known publisher are in no row (ingest with --source "
                "to name it)"
            )
        )
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
