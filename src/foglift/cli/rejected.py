"""``foglift rejected``: every input the store refused, and why."""

from __future__ import annotations

import argparse
import sys

from foglift.cli.options import (
    ROW_FORMATS,
    add_format_option,
    add_limit_option,
    add_store_argument,
)

COLUMNS = [
    ("code", lambda r: r["code"], 6),
    ("stage", lambda r: r["stage"], 9),
    ("source", lambda r: r["source"], 50),
    ("reason", lambda r: r["reason"], 80),
    ("first run", lambda r: r["first_run_id"], 9),
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_argument(parser)
    parser.add_argument("--code", help="only this code, e.g. FL102")
    add_limit_option(parser, "rejections")
    add_format_option(parser, ROW_FORMATS)


def run(args: argparse.Namespace) -> int:
    from foglift.export.formats import write_rows
    from foglift.store import open_store
    from foglift.store.query import query_rejections

    store = open_store(args.db, create=False)
    try:
        rows = query_rejections(store, code=args.code, limit=args.limit)
        write_rows(rows, args.format, sys.stdout, COLUMNS, "Rejected")
    finally:
        store.close()
    return 0
