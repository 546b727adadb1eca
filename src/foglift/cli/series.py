"""``foglift series``: import cumulative official series and list their anomalies."""

from __future__ import annotations

import argparse
import json
import sys

from foglift.errors import UsageError

DEFAULT_SERIES_DB = "foglift-series.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    imp = sub.add_parser(
        "import",
        help="import CSV/JSON files with a date column (a *_correction file "
        "adds corrections to the series of the same stem)",
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--date-column", default="date", help="default: date")
    check = sub.add_parser(
        "check", help="decreases no correction explains, outlying daily increments"
    )
    check.add_argument("names", nargs="*", help="series names (default: all)")
    check.add_argument(
        "--all", action="store_true", help="also list decreases a correction explains"
    )
    check.add_argument("--window-days", type=int, help="median/MAD window")
    check.add_argument("--threshold", type=float, help="robust z-score to flag")
    for p in (imp, check):
        p.add_argument(
            "--series-db",
            default=DEFAULT_SERIES_DB,
            metavar="FILE",
            help=f"the series store (default {DEFAULT_SERIES_DB})",
        )
        p.add_argument("--format", default="text", choices=["text", "json"])


def run(args: argparse.Namespace) -> int:
    from foglift.export.records import printable
    from foglift.verify.series import JsonSeriesStore, find_anomalies, import_series

    if args.action is None:
        raise UsageError(
            "say what to do: import or check",
            hint="foglift series import russia_losses_equipment.json",
        )
    store = JsonSeriesStore(args.series_db)
    if args.action == "import":
        written: dict[str, list[str]] = {}
        for path in args.files:
            written[path] = import_series(store, path, args.date_column)
        store.save()
        if args.format == "json":
            sys.stdout.write(json.dumps({"imported": written}) + "\n")
        else:
            for path, names in written.items():
                print(
                    f"{printable(path)}: {len(names)} series -> "
                    f"{printable(args.series_db)}"
                )
        return 0
    names = args.names or store.names()
    unknown = [n for n in names if store.get(n) is None]
    if unknown:
        raise UsageError(
            f"no such series in {args.series_db}: {', '.join(unknown)}",
            hint="foglift series check with no names lists every series",
        )
    found = []
    for name in names:
        series = store.get(name)
        assert series is not None
        for a in find_anomalies(series, args.window_days, args.threshold):
            if args.all or a.kind != "explained_decrease":
                found.append(a)
    if args.format == "json":
        rows = [
            {
                "series": a.series,
                "date": a.day.isoformat(),
                "kind": a.kind,
                "value": a.value,
                "detail": a.detail,
            }
            for a in found
        ]
        sys.stdout.write(json.dumps({"anomalies": rows}, ensure_ascii=False) + "\n")
    else:
        for a in found:
            print(f"{a.day}  {a.kind:<22} {printable(a.series)}  {printable(a.detail)}")
        print(f"{len(found)} anomalies in {len(names)} series", file=sys.stderr)
    return 0
