"""Shared fixtures: the reference data beside the project, and a CLI runner."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "seed"


def shared_path(*parts: str) -> Path:
    """A path under the shared reference data; skips the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference data not available: ../shared/{'/'.join(parts)}")
    return path


@pytest.fixture
def run_cli() -> Callable[..., tuple[int, str, str]]:
    """Run ``foglift ARGS`` in-process; returns (exit code, stdout, stderr)."""
    from foglift.cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse usage errors
                code = int(exc.code or 0)
        return code, out.getvalue(), err.getvalue()

    return run
