"""``foglift link``: place new stored claims into events (incremental)."""

from __future__ import annotations

import argparse
import json
import sys

from foglift.cli.claims import add_store_argument


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_argument(parser)
    parser.add_argument(
        "--sources", metavar="FILE", help="extra source registry (TOML)"
    )
    parser.add_argument("--format", default="text", choices=["text", "json"])


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from foglift.runs.link import link_store
    from foglift.sources import load_registry
    from foglift.store import open_store

    registry = load_registry(args.sources)
    store = open_store(args.db, create=False)
    try:
        summary = link_store(store, registry)
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(json.dumps(asdict(summary)) + "\n")
    else:
        print(
            f"{summary.placed} new claim(s) placed; {summary.changed} event(s) created "
            f"or changed; {summary.events} event(s) in all; {summary.unlinkable} "
            f"claim(s) with no place or number to link on; {summary.claims} claims",
            file=sys.stderr,
        )
    return 0
