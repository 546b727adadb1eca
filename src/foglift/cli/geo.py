"""``foglift geo``: look a place name up, or find and resolve the places in a text.

Examples::

    foglift geo lookup Andriivka --near "Donetsk Oblast"
    foglift geo lookup Красноармейске --format json
    foglift geo parse article.txt
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from foglift.cli.options import add_format_option, add_limit_option
from foglift.errors import BadCountryCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = 'Example: foglift geo lookup Andriivka --near "Donetsk Oblast"'
    sub = parser.add_subparsers(dest="geo_command", metavar="SUBCOMMAND", required=True)
    lookup = sub.add_parser(
        "lookup",
        help="gazetteer entries a name can mean, best first",
        epilog="Example: foglift geo lookup Pokrovsk --near Donetsk --format json",
    )
    lookup.add_argument("name", help="a place name in any spelling, script or case")
    lookup.add_argument("--near", metavar="PLACE", help="a place that gives context")
    lookup.add_argument("--country", metavar="CC", help="ISO 3166 alpha-2 code")
    add_limit_option(lookup, "candidates", default=5)
    add_format_option(lookup)
    parse = sub.add_parser(
        "parse",
        help="place mentions in a text file, resolved in the text's context",
        epilog="Example: foglift geo parse article.txt --format json",
    )
    parse.add_argument("path", help="a text file, or - for stdin")
    parse.add_argument("--encoding", default="utf-8")
    add_format_option(parse)


def run(args: argparse.Namespace) -> int:
    if args.geo_command == "lookup":
        return _run_lookup(args)
    return _run_parse(args)


def _run_lookup(args: argparse.Namespace) -> int:
    from foglift.geoparse import lookup

    if args.country and len(args.country) != 2:
        raise BadCountryCode(f"--country {args.country!r} is not a two-letter code")
    candidates = lookup(args.name, near=args.near, country=args.country)[: args.limit]
    if args.format == "json":
        payload = {"name": args.name, "candidates": [asdict(c) for c in candidates]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        return 0
    if not candidates:
        print(f"no gazetteer entry for {args.name!r}")
        return 0
    for c in candidates:
        area = ", ".join(x for x in (c.admin1, c.country) if x)
        print(
            f"{c.score:7.2f}  {c.name} ({area})  {c.lat:.4f},{c.lon:.4f}  "
            f"{c.gazetteer_id}"
        )
    return 0


def _run_parse(args: argparse.Namespace) -> int:
    from foglift.cli.options import read_normalised
    from foglift.geoparse import parse_text

    text = read_normalised(
        args.path, args.encoding, "cat article.txt | foglift geo parse -"
    )
    mentions = parse_text(text)
    if args.format == "json":
        payload = [asdict(m) for m in mentions]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        return 0
    for m in mentions:
        r = m.resolved
        where = (
            f"{r.name} ({', '.join(x for x in (r.admin2, r.admin1, r.country) if x)}) "
            f"{r.lat:.4f},{r.lon:.4f} {r.precision} conf {r.confidence:.2f}"
            if r
            else "unresolved"
        )
        print(f"{m.start:>6}-{m.end:<6} {m.name!r:28} {where}")
    return 0
