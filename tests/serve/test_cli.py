"""``foglift serve`` as a user runs it: a process that prints its address."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.serve.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_serve_prints_its_loopback_address_and_answers(
    corpus: tuple[Any, Path],
) -> None:
    store, maps = corpus
    db = store.url.removeprefix("sqlite:///")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "foglift.cli.main",
            "serve",
            "--db",
            db,
            "--control-maps",
            str(maps),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.strip().startswith(f"foglift serve: http://127.0.0.1:{port}/")
        for _ in range(100):
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/filters", timeout=5)
                break
            except httpx.TransportError:
                import time

                time.sleep(0.1)
        assert response.status_code == 200
        assert response.json()["claims"] == 6
    finally:
        process.terminate()
        process.communicate(timeout=20)


def test_serve_refuses_a_missing_store(run_cli: Any, tmp_path: Path) -> None:
    code, _, err = run_cli("serve", "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert "no store at" in err
