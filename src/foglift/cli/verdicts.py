"""``foglift verdicts``: stored claims with their verdicts, by the filters of
``foglift claims`` plus verdict status and check."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

STATUSES = (
    "confirmed",
    "already_held",
    "contested",
    "not_confirmed",
    "contradicted",
    "ambiguous_place",
    "no_data",
    "not_judged",
    "consistent",
    "inconsistent",
    "within_reference",
    "exceeds_reference",
    "implausible_rate",
)
CHECKS = ("control_map", "series", "reference")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.claims import add_arguments as add_claim_arguments

    add_claim_arguments(parser)
    parser.add_argument(
        "--status",
        action="append",
        choices=STATUSES,
        help="only verdicts with this status; repeatable",
    )
    parser.add_argument(
        "--check",
        action="append",
        choices=CHECKS,
        help="only verdicts of this check; repeatable",
    )


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from foglift.cli.claims import filter_from_args
    from foglift.export.formats import write_verdicts
    from foglift.export.records import Opsec
    from foglift.store import open_store
    from foglift.store.query import query_claims
    from foglift.store.verdicts import verdict_summary

    statuses = tuple(args.status or ())
    checks = tuple(args.check or ())
    claim_filter = replace(
        filter_from_args(args),
        verified_only=True,
        verdict_statuses=statuses,
        verdict_checks=checks,
    )

    def matching() -> Iterator[dict[str, Any]]:
        for record in query_claims(store, claim_filter):
            kept = [
                v
                for v in record["verdicts"]
                if (not statuses or v["status"] in statuses)
                and (not checks or v["check"] in checks)
            ]
            if len(kept) != len(record["verdicts"]):
                record = {**record, "verdicts": kept, "verdict": verdict_summary(kept)}
            yield record

    store = open_store(args.db, create=False)
    try:
        write_verdicts(
            matching(),
            args.format,
            sys.stdout,
            Opsec(args.coarsen_km, args.delay_days),
            limit=args.limit,
        )
    finally:
        store.close()
    return 0
