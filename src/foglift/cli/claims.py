"""``foglift claims``: stored claims by place, area, claimant, type, time, text."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from foglift.cli.options import (
    CLAIM_FORMATS,
    add_findings_arguments,
    add_format_option,
    add_limit_option,
    add_opsec_arguments,
    add_store_argument,
    day,
    keep_finding,
    near,
)
from foglift.errors import DateRangeError

if TYPE_CHECKING:
    from foglift.store.query import ClaimFilter


def add_arguments(parser: argparse.ArgumentParser) -> None:
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
    add_limit_option(parser, "claims")
    add_format_option(parser, CLAIM_FORMATS)
    add_findings_arguments(parser)
    add_opsec_arguments(parser)


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
        raise DateRangeError("--since is after --until")
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
