"""The ``foglift`` entry point: parses arguments, imports a command only when run.

Each command module defines ``add_arguments(parser)`` and ``run(args) -> int``;
``COMMANDS`` names them so ``foglift --help`` imports nothing heavy.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> (module, one-line help, example)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": (
        "foglift.cli.check",
        "check one article: claims, claimants, places, times, numbers, findings",
        "foglift check article.txt --published 2025-11-12 --format json",
    ),
    "geo": (
        "foglift.cli.geo",
        "look up places in the gazetteer, or find and resolve the places in a text",
        "foglift geo lookup Krasnoarmeysk --country UA",
    ),
    "link": (
        "foglift.cli.link",
        "place new stored claims into events across documents and languages",
        "foglift link --db corpus.db",
    ),
    "events": (
        "foglift.cli.events",
        "events: one thing claimed, every source that spoke of it, and its status",
        "foglift events --db corpus.db --place Pokrovsk --status partisan_only",
    ),
    "event": (
        "foglift.cli.event",
        "one event's sources as a tree: the origin, who repeated whom, who disputes",
        "foglift event e12 --db corpus.db",
    ),
    "eval": (
        "foglift.cli.evaluate",
        "score foglift against a gold corpus (geoparsing: TR-News / GeoVirus XML)",
        "foglift eval geoparse GeoVirus.xml --gold-spans",
    ),
    "ingest": (
        "foglift.cli.ingest",
        "pour files, folders, Telegram exports, feeds, JSONL/CSV into the store",
        "foglift ingest exports/ feeds/wire.xml --db corpus.db",
    ),
    "claims": (
        "foglift.cli.claims",
        "stored claims by place, area, claimant, type, time or text; exports",
        "foglift claims --place Kurakhove --since 2025-03-01 --format geojson",
    ),
    "documents": (
        "foglift.cli.documents",
        "stored documents by source, language, date or text",
        "foglift documents --text Pokrovsk --format jsonl",
    ),
    "rejected": (
        "foglift.cli.rejected",
        "inputs the store refused, with the stage, code and reason",
        "foglift rejected --format csv",
    ),
    "series": (
        "foglift.cli.series",
        "import cumulative official series (CSV/JSON by date) and list anomalies",
        "foglift series import russia_losses_equipment.json && foglift series check",
    ),
    "verify": (
        "foglift.cli.verify",
        "verdicts for stored claims: control maps, official series, reference totals",
        "foglift verify --control-maps maps/ --db corpus.db --window-days 14",
    ),
    "verdicts": (
        "foglift.cli.verdicts",
        "stored verdicts by the claims filters and status; steps, evidence hashes",
        "foglift verdicts --status contradicted --since 2025-11-01 --format csv",
    ),
    "sources": (
        "foglift.cli.sources",
        "track records: each claimant's claims on the maps; series anomalies",
        "foglift sources stats --since 2025-01-01 --format json",
    ),
    "media": (
        "foglift.cli.media",
        "where a photo or video was first seen; clusters of near-duplicates",
        "foglift media find clip.mp4 --db corpus.db",
    ),
    "serve": (
        "foglift.cli.serve",
        "the read-only dashboard: claims and verdicts on a map and a timeline",
        "foglift serve --db corpus.db --control-maps maps/ --port 8000",
    ),
}

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="foglift",
        description="Check war claims against independent evidence.",
        epilog="Example: " + COMMANDS["check"][2],
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text, example) in COMMANDS.items():
        sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"Example: {example}",
            add_help=False,
        )
    return parser


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush of a closed
    pipe raises nothing."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file: nothing to do
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or args_list[0] not in COMMANDS:
        args = parser.parse_args(args_list)
        if args.version:
            from foglift import __version__

            print(__version__)
            return EXIT_OK
        parser.print_help()
        return EXIT_USAGE if args_list else EXIT_OK
    name = args_list[0]
    module_name, help_text, example = COMMANDS[name]
    command = argparse.ArgumentParser(
        prog=f"foglift {name}",
        description=help_text,
        epilog=f"Example: {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    module = importlib.import_module(module_name)
    module.add_arguments(command)
    args = command.parse_args(args_list[1:])
    from foglift.errors import FogliftError, UsageError

    try:
        return int(module.run(args))
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (`| head`): end quietly
        return EXIT_OK
    except UsageError as exc:
        print(f"foglift {name}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FogliftError as exc:
        print(f"foglift {name}: {exc}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
