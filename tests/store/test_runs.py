"""A run killed outright is found and marked on the next start."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, update

from foglift.store import open_store
from foglift.store.schema import runs

Run = Callable[..., tuple[int, str, str]]


def test_a_killed_run_is_marked_interrupted(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Russian forces captured Kurakhove, the Russian Defence Ministry said.", "utf-8"
    )
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(tmp_path / "in"), "--db", db, "--quiet")[0] == 0
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(gone.stdout)
    store = open_store(db, create=False)
    try:
        with store.engine.begin() as conn:  # as a killed process leaves it
            conn.execute(
                update(runs).values(
                    status="running",
                    finished_at=None,
                    counts={"process": {"host": socket.gethostname(), "pid": dead_pid}},
                )
            )
        assert run_cli("ingest", str(tmp_path / "in"), "--db", db, "--quiet")[0] == 0
        with store.engine.connect() as conn:
            statuses = [
                r.status for r in conn.execute(select(runs).order_by(runs.c.id))
            ]
    finally:
        store.close()
    assert statuses == ["interrupted", "finished"]
