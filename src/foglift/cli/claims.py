"""``foglift claims``: stored claims by place, area, claimant, type, time, text."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from foglift.errors import UsageError

if TYPE_CHECKING:
    from foglift.store.query import ClaimFilter


def day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date like 2025-11-12"
        ) from exc


def near(value: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not LAT,LON,KM like 48.28,37.18,25"
        ) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20000):
        raise argparse.ArgumentTypeError(f"{value!r} is out of range")
    return lat, lon, km


def positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from exc
    if not number > 0 or number != number:
        raise argparse.ArgumentTypeError(f"{value!r} must be above 0")
    return number


def _whole(value: str, most: int) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from exc
    if not 0 <= number <= most:
        raise argparse.ArgumentTypeError(f"{value!r} must be from 0 to {most:,}")
    return number


MOST_DAYS = 36_500  # a century: any delay beyond it is a typo
MOST_ROWS = 1_000_000_000


def days(value: str) -> int:
    """A number of days for --delay-days."""
    return _whole(value, MOST_DAYS)


def count(value: str) -> int:
    """A number of rows for --limit."""
    return _whole(value, MOST_ROWS)


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        help="store: SQLite file or postgresql+psycopg:// URL "
        "(default $FOGLIFT_DB, else foglift.db)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.export.formats import CLAIM_FORMATS

    add_store_argument(parser)
    parser.add_argument(
        "--place",
        action="append",
        metavar="NAME",
        help="claims about a place, by any of its names "
        "(Krasnoarmeysk finds Pokrovsk); repeatable",
    )
    parser.add_argument(
        "--near",
        type=near,
        metavar="LAT,LON,KM",
        help="claims about places within KM of a point",
    )
    parser.add_argument("--claimant", help="claimant name or registry id contains")
    parser.add_argument(
        "--type",
        action="append",
        choices=["territorial", "objects", "losses", "strike", "advance", "other"],
        help="claim type; repeatable",
    )
    parser.add_argument("--since", type=day, help="claims about days from (YYYY-MM-DD)")
    parser.add_argument("--until", type=day, help="claims about days until")
    parser.add_argument("--text", metavar="QUERY", help="full-text search")
    parser.add_argument(
        "--all-versions",
        action="store_true",
        help="include claims of superseded document versions",
    )
    parser.add_argument("--limit", type=count, help="at most this many claims")
    parser.add_argument("--format", default="table", choices=CLAIM_FORMATS)
    add_findings_arguments(parser)
    add_opsec_arguments(parser)


def add_findings_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--findings",
        default="all",
        choices=["none", "warning", "all"],
        help="which findings to show: none, warnings and errors only, or all",
    )
    parser.add_argument(
        "--code",
        action="append",
        metavar="CODE",
        help="only findings whose code starts with CODE (place., sourcing.); "
        "repeatable",
    )


def keep_finding(args: argparse.Namespace, code: str, severity: str) -> bool:
    """Whether ``--findings``/``--code`` let a finding through."""
    if args.findings == "none":
        return False
    if args.findings == "warning" and severity == "info":
        return False
    return not args.code or any(code.startswith(c) for c in args.code)


def add_opsec_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--coarsen-km",
        type=positive,
        metavar="N",
        help="snap coordinates to an N km grid",
    )
    parser.add_argument(
        "--delay-days",
        type=days,
        metavar="N",
        help="leave out claims newer than N days",
    )


def place_ids(names: list[str]) -> tuple[str, ...]:
    """Gazetteer ids every one of ``names`` can mean (any of a place's names)."""
    from foglift.geoparse import lookup

    ids: list[str] = []
    for name in names:
        for candidate in lookup(name):
            if candidate.gazetteer_id not in ids:
                ids.append(candidate.gazetteer_id)
    return tuple(ids)


def filter_from_args(args: argparse.Namespace) -> ClaimFilter:
    """The ClaimFilter of the options every claim-listing command shares."""
    from foglift.store.query import ClaimFilter

    if args.since and args.until and args.since > args.until:
        raise UsageError("--since is after --until")
    places = list(args.place or [])
    return ClaimFilter(
        places=place_ids(places) if places else (),
        place_names=tuple(places),
        near=args.near,
        claimant=args.claimant,
        types=tuple(args.type or ()),
        since=args.since,
        until=args.until,
        text=args.text,
        all_versions=getattr(args, "all_versions", False),
    )


def run(args: argparse.Namespace) -> int:
    from foglift.export.formats import write_claims
    from foglift.export.records import Opsec
    from foglift.store import open_store
    from foglift.store.query import query_claims

    claim_filter = filter_from_args(args)
    store = open_store(args.db, create=False)
    try:
        records = query_claims(store, claim_filter)
        if args.findings != "all" or args.code:
            records = (
                {
                    **r,
                    "findings": [
                        f
                        for f in r.get("findings", [])
                        if keep_finding(args, f["code"], f["severity"])
                    ],
                }
                for r in records
            )
        write_claims(
            records,
            args.format,
            sys.stdout,
            Opsec(args.coarsen_km, args.delay_days),
            limit=args.limit,
        )
    finally:
        store.close()
    return 0
