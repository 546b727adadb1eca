"""``foglift documents``: stored documents by source, language, date or text."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from foglift.cli.options import (
    ROW_FORMATS,
    TEXT,
    add_format_option,
    add_limit_option,
    add_store_argument,
    day,
)

COLUMNS = [
    ("published", lambda r: r["published"] or r["posted_at"], 12),
    ("source", lambda r: r["source_name"], 24),
    ("lang", lambda r: r["lang"], 5),
    ("claims", lambda r: r["claims"], 6),
    ("version", lambda r: r["version"], 7),
    ("near-duplicate of", lambda r: r["near_duplicate_of"], 17),
    ("id", lambda r: r["id"], 16),
    ("title / item", lambda r: r["title"] or r["item_key"], 60),
]


def add_arguments(parser: argparse.ArgumentParser) -> None:

    add_store_argument(parser)
    parser.add_argument("--source", help="source name contains")
    parser.add_argument("--lang", choices=["en", "ru", "uk", "und"])
    parser.add_argument("--since", type=day, help="published on or after")
    parser.add_argument("--until", type=day, help="published on or before")
    parser.add_argument("--text", metavar="QUERY", help="full-text search")
    parser.add_argument(
        "--all-versions", action="store_true", help="include superseded versions"
    )
    parser.add_argument(
        "--with-text",
        action="store_true",
        help="include each document's text (json, jsonl, csv)",
    )
    add_limit_option(parser, "documents")
    add_format_option(parser, ROW_FORMATS)


def run(args: argparse.Namespace) -> int:
    from foglift.export.formats import write_rows
    from foglift.store import open_store
    from foglift.store.query import DocumentFilter, query_documents

    doc_filter = DocumentFilter(
        source=args.source,
        lang=args.lang,
        since=args.since,
        until=args.until,
        text=args.text,
        all_versions=args.all_versions,
        limit=args.limit,
    )
    store = open_store(args.db, create=False)
    try:
        rows: Any = query_documents(
            store, doc_filter, with_text=args.with_text and args.format != TEXT
        )
        write_rows(rows, args.format, sys.stdout, COLUMNS, "Documents")
    finally:
        store.close()
    return 0
