"""``foglift eval``: score a stage on a gold corpus.

Example::

    foglift eval geoparse ../shared/data/geoparse-dev/TR-News.xml --gold-spans
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from foglift.errors import MissingInput


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Example: foglift eval geoparse TR-News.xml --gold-spans"
    sub = parser.add_subparsers(
        dest="eval_command", metavar="SUBCOMMAND", required=True
    )
    geo = sub.add_parser(
        "geoparse",
        help="toponym resolution on an LGL/TR-News or GeoVirus XML corpus",
        epilog="Example: foglift eval geoparse GeoVirus.xml --gold-spans --format json",
    )
    geo.add_argument("corpus", help="the corpus XML file")
    geo.add_argument(
        "--gold-spans",
        action="store_true",
        help="resolve the annotated spans (else detect mentions first)",
    )
    geo.add_argument("--format", default="text", choices=["text", "json"])


def run(args: argparse.Namespace) -> int:
    from foglift.geoparse.evaluate import evaluate

    corpus = Path(args.corpus)
    if not corpus.is_file():
        raise MissingInput(f"no such corpus: {corpus}", hint="check the path")
    score = evaluate(corpus, gold_spans=args.gold_spans)
    result = {"corpus": corpus.name, "gold_spans": args.gold_spans, **score.as_dict()}
    if args.format == "json":
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    setting = "gold spans" if args.gold_spans else "end to end"
    print(f"corpus      {corpus.name} ({setting})")
    print(
        f"n           {score.n} (found {score.found} in the gazetteer, "
        f"{score.placed} placed near a named place)"
    )
    print(f"acc@161     {score.acc161:.1%}")
    print(f"mean km     {score.mean_km:.1f}")
    print(f"median km   {score.median_km:.1f}")
    print(f"AUC         {score.auc:.3f}")
    return 0
