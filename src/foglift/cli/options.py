"""Options every command shares: output format, input, limits, dates, the store.

Data goes to stdout in the format asked for; logs and progress go to stderr.
The human format is called ``text`` in every command (``table``, its old name
in the listing commands, is still accepted and says so on stderr). ``-`` as a
path means stdin.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from foglift.errors import NothingPiped

TEXT = "text"
# the name the listing commands used for their human format until 0.x
_OLD_TEXT = "table"
# the formats of each kind of output; each command offers those it can write
SIMPLE_FORMATS = (TEXT, "json")
ROW_FORMATS = (TEXT, "json", "jsonl", "csv")
EVENT_FORMATS = (*ROW_FORMATS, "geojson")
CLAIM_FORMATS = (*EVENT_FORMATS, "claimreview", "mediareview")


def add_format_option(
    parser: argparse.ArgumentParser, choices: Sequence[str] = SIMPLE_FORMATS
) -> None:
    """``--format``, ``text`` first and the default."""
    parser.add_argument(
        "--format",
        default=TEXT,
        type=_format_name,
        choices=list(choices),
        help=f"output: {', '.join(choices)} (default {TEXT}); logs go to stderr",
    )


def _format_name(value: str) -> str:
    if value == _OLD_TEXT:
        print(f"foglift: --format {_OLD_TEXT} is now --format {TEXT}", file=sys.stderr)
        return TEXT
    return value


def set_format_choices(parser: argparse.ArgumentParser, choices: Sequence[str]) -> None:
    """Narrow or widen the ``--format`` choices a shared set of options added."""
    for action in parser._actions:
        if action.dest == "format":
            action.choices = list(choices)
            action.help = (
                f"output: {', '.join(choices)} (default {TEXT}); logs go to stderr"
            )


# --- input ---------------------------------------------------------------------


def check_stdin(paths: Sequence[str], example: str) -> None:
    """Refuse ``-`` when nothing is piped in, rather than wait for a terminal."""
    if "-" in paths and sys.stdin.isatty():
        raise NothingPiped("reading from stdin, but nothing is piped in", hint=example)


def read_input(path: str, encoding: str, example: str) -> tuple[str, str]:
    """(text, source name) of a file or of stdin (``-``), as read from it."""
    from foglift.ingest.text import read_text

    check_stdin([path], example)
    return read_text(path, encoding)


def read_normalised(path: str, encoding: str, example: str, lang: str = "auto") -> str:
    """The text of a file or of stdin, normalised as the pipeline normalises
    it: for commands that run a stage on their own, outside ``check_text``."""
    from foglift.model import Document
    from foglift.normalise import normalise

    text, source = read_input(path, encoding, example)
    return normalise(Document(id=source, text=text, source=source), lang).text


# --- values --------------------------------------------------------------------


def day(value: str) -> date:
    """A date like 2025-11-12."""
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date like 2025-11-12"
        ) from exc


def near(value: str) -> tuple[float, float, float]:
    """LAT,LON,KM: a point and a radius."""
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
    """A number above 0."""
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
    """A number of rows or items for --limit: 0 or more."""
    return _whole(value, MOST_ROWS)


def add_limit_option(
    parser: argparse.ArgumentParser, what: str, default: int | None = None
) -> None:
    """``--limit N``: at most N of ``what``."""
    parser.add_argument(
        "--limit", type=count, default=default, help=f"at most this many {what}"
    )


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        help="store: SQLite file or postgresql+psycopg:// URL "
        "(default $FOGLIFT_DB, else foglift.db)",
    )


# --- findings and publication safety --------------------------------------------


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
