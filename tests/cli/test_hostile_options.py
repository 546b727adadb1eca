"""Options and output a careless user or a hostile input can reach: a clear
message, never a traceback, and nothing from the input steers the terminal."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]
TEXT = (
    "Russian forces captured Kurakhove, the Russian Defence Ministry said. "
    "Ukrainian forces shot down 12 drones over Kharkiv, the Air Force said."
)


@pytest.fixture
def store(tmp_path: Path, run_cli: Run) -> str:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, "utf-8")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(tmp_path / "in"), "--db", db, "--quiet")[0] == 0
    return db


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--text", "   "), "holds no words"),
        (("--delay-days", "999999999"), "must be from 0 to"),
        (("--limit", "99999999999999999999"), "must be from 0 to"),
        (("--limit", "-1"), "must be from 0 to"),
    ],
)
def test_bad_values_are_refused_with_a_message(
    store: str, run_cli: Run, options: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli("claims", "--db", store, *options)
    assert code == 2 and message in err and "Traceback" not in err
    assert out == ""


def test_a_closed_pipe_ends_quietly(store: str) -> None:
    command = (
        f"{sys.executable} -m foglift.cli.main claims --db {store} "
        "--format jsonl | head -c 10"
    )
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(done.stdout) == 10


def test_a_file_name_cannot_steer_the_terminal(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "report\x1b]0;title\x07\x1b[2J\u202e.txt"
    path.write_text(TEXT + " \u202egnp.exe\u202c", "utf-8")
    code, out, _ = run_cli("check", str(path))
    assert code == 0 and "Kurakhove" in out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
