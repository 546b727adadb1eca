"""The output options every command shares: one name for the human format,
``-`` for stdin, one --limit, data on stdout and notices on stderr."""

from __future__ import annotations

import argparse
import importlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from foglift.cli import options
from foglift.cli.main import COMMANDS as REGISTERED

Run = Callable[..., tuple[int, str, str]]

# every command and subcommand with a --format, and the formats it writes
COMMANDS = {
    ("check", "x.txt"): options.SIMPLE_FORMATS,
    ("claims",): options.CLAIM_FORMATS,
    ("verdicts",): options.CLAIM_FORMATS,
    ("events",): options.EVENT_FORMATS,
    ("event", "e1"): options.SIMPLE_FORMATS,
    ("documents",): options.ROW_FORMATS,
    ("rejected",): options.ROW_FORMATS,
    ("sources", "stats"): options.ROW_FORMATS,
    ("geo", "lookup", "X"): options.SIMPLE_FORMATS,
    ("geo", "parse", "x.txt"): options.SIMPLE_FORMATS,
    ("link",): options.SIMPLE_FORMATS,
}


def _parse(argv: list[str]) -> argparse.Namespace:
    """What ``foglift ARGV`` parses to (without running the command)."""
    module = importlib.import_module(REGISTERED[argv[0]][0])
    parser = argparse.ArgumentParser(prog=f"foglift {argv[0]}")
    module.add_arguments(parser)
    return parser.parse_args(argv[1:])


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_calls_its_human_format_text(command: tuple[str, ...]) -> None:
    assert _parse(list(command)).format == "text"
    for fmt in COMMANDS[command]:
        assert _parse([*command, "--format", fmt]).format == fmt


@pytest.mark.parametrize("command", [("claims",), ("documents",), ("rejected",)])
def test_table_is_still_accepted_and_says_it_is_text(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse([*command, "--format", "table"])
    assert args.format == "text"
    captured = capsys.readouterr()
    assert "--format text" in captured.err and captured.out == ""


def test_a_format_a_command_cannot_write_is_refused() -> None:
    with pytest.raises(SystemExit):
        _parse(["check", "x.txt", "--format", "geojson"])


@pytest.mark.parametrize("value", ["-1", "x", "1.5", "99999999999999999999"])
def test_one_limit_type_refuses_what_is_no_count(value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        options.count(value)
    assert options.count("0") == 0 and options.count("25") == 25


def test_geo_lookup_takes_the_same_limit() -> None:
    with pytest.raises(SystemExit):
        _parse(["geo", "lookup", "X", "--limit", "-3"])
    assert _parse(["geo", "lookup", "X"]).limit == 5


def test_stdin_without_a_pipe_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from foglift.errors import UsageError

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    with pytest.raises(UsageError, match="nothing is piped in"):
        options.read_input("-", "utf-8", "cat a.txt | foglift check -")
    options.check_stdin(["a.txt"], "example")  # a path is fine


def test_geo_parse_reads_normalised_text(tmp_path: Path, run_cli: Run) -> None:
    # an entity and a literal "nn" between sentences, as damaged exports have
    path = tmp_path / "a.txt"
    path.write_text(
        "Troops entered Kupiansk.nnShelling hit Izium &amp; Balakliia.", "utf-8"
    )
    code, out, err = run_cli("geo", "parse", str(path), "--format", "json")
    assert code == 0, err
    names = [m["name"] for m in json.loads(out)]
    assert "Kupiansk" in names and "Izium" in names
    text = options.read_normalised(str(path), "utf-8", "example")
    assert "&amp;" not in text and "Izium & Balakliia" in text
