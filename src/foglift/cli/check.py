"""``foglift check``: every claim in one article, with the flags an analyst raises."""

from __future__ import annotations

import argparse
import sys

from foglift.cli.claims import day
from foglift.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a text, Markdown or HTML file, or - for stdin")
    parser.add_argument(
        "--published",
        type=day,
        help="publication date (YYYY-MM-DD): resolves 'November 11', 'yesterday'",
    )
    parser.add_argument("--lang", default="auto", choices=["auto", "en", "ru", "uk"])
    parser.add_argument(
        "--publisher",
        metavar="NAME",
        help="the channel or site the text came from: what the text states in its "
        "own voice is its claim (a name in the source registry gives kind and side)",
    )
    parser.add_argument("--format", default="text", choices=["text", "json"])
    parser.add_argument(
        "--encoding", default="utf-8", help="input encoding (default utf-8)"
    )
    parser.add_argument(
        "--sources", metavar="FILE", help="extra source registry (TOML)"
    )
    from foglift.cli.claims import add_findings_arguments
    from foglift.cli.verify import add_verify_arguments

    add_findings_arguments(parser)
    add_verify_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from foglift.ingest import read_text
    from foglift.pipeline import check_text

    if args.path == "-" and sys.stdin.isatty():
        raise UsageError(
            "reading from stdin, but nothing is piped in",
            hint="cat article.txt | foglift check -",
        )
    from foglift.cli.verify import evidence_from_args

    evidence = evidence_from_args(args)
    text, source = read_text(args.path, args.encoding)
    doc = check_text(
        text,
        source=source,
        published=args.published,
        lang=args.lang,
        sources_file=args.sources,
        publisher=args.publisher,
        evidence=evidence,
    )
    if args.findings != "all" or args.code:
        from dataclasses import replace

        from foglift.cli.claims import keep_finding

        kept = tuple(f for f in doc.findings if keep_finding(args, f.code, f.severity))
        doc = replace(doc, findings=kept)
    if args.format == "json":
        from foglift.export.json import document_to_json

        sys.stdout.write(document_to_json(doc) + "\n")
    else:
        from foglift.export.report import render_report

        render_report(doc)
    return 0
