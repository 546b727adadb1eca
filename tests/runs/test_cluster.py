"""A cluster the user starts as Dask documents it (``dask scheduler``,
``dask worker``): ingest, link and verify with ``--scheduler ADDR`` write what
the serial commands write."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from foglift.store import Store, open_store
from foglift.store.schema import event_members, events, verdicts
from tests.store.conftest import _free_port
from tests.store.test_store import snapshot
from tests.verify.corpus import ingest_with_maps, write_posts

RUN_BY = {"id", "run_id", "created_at"}


def _dask() -> str | None:
    beside = Path(sys.executable).parent / "dask"
    return str(beside) if beside.exists() else shutil.which("dask")


def _workers(address: str) -> int:
    from distributed import Client

    with Client(address, timeout="5s") as client:  # type: ignore[no-untyped-call]
        return len(client.scheduler_info()["workers"])


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and one worker process, each started from the command line."""
    dask = _dask()
    if dask is None:
        pytest.skip("the dask command is not installed (pip install 'foglift[dask]')")
    port = str(_free_port())
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("cluster")
    quiet = "--no-dashboard"
    commands = {
        "scheduler": [dask, "scheduler", "--host", "127.0.0.1", "--port", port, quiet],
        "worker": [
            dask,
            "worker",
            address,
            "--nworkers",
            "1",
            "--nthreads",
            "1",
            quiet,
        ],
    }
    with contextlib.ExitStack() as stack:
        for name, command in commands.items():
            log = stack.enter_context((logs / f"{name}.log").open("w"))
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
            stack.callback(_end, process)
        deadline = time.monotonic() + 120
        while not _started(address):
            if time.monotonic() > deadline:
                pytest.fail("the cluster did not start: " + _tail(logs))
            time.sleep(1)
        yield address


def _started(address: str) -> bool:
    try:
        return _workers(address) >= 1
    except OSError:
        return False


def _end(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _tail(logs: Path) -> str:
    return " | ".join(p.read_text("utf-8")[-500:] for p in sorted(logs.glob("*.log")))


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    with store.engine.connect() as conn:
        for table in (events, event_members, verdicts):
            columns = [c for c in table.columns if c.name not in RUN_BY]
            rows = conn.execute(select(*columns)).all()
            found[table.name] = sorted(tuple(map(repr, r)) for r in rows)
    return found


def test_ingest_link_and_verify_on_a_cluster_started_by_the_user(
    scheduler: str, tmp_path: Path, run_cli: Any
) -> None:
    serial = open_store(str(tmp_path / "serial.db"))
    try:
        maps = ingest_with_maps(serial, tmp_path)  # the posts and maps drawn for them
    finally:
        serial.close()
    posts = str(write_posts(tmp_path / "in"))
    serial_db, cluster_db = str(tmp_path / "serial.db"), str(tmp_path / "cluster.db")
    assert run_cli("link", "--db", serial_db)[0] == 0
    assert run_cli("verify", "--db", serial_db, "--control-maps", str(maps))[0] == 0
    on_cluster = ("--scheduler", scheduler)
    for command in (
        ("ingest", posts, "--quiet"),
        ("link",),
        ("verify", "--control-maps", str(maps)),
    ):
        code, _, err = run_cli(*command, "--db", cluster_db, *on_cluster)
        assert code == 0, err
    assert _workers(scheduler) == 1  # the work ran there, and the worker lives
    stores = [open_store(serial_db), open_store(cluster_db)]
    try:
        expected, got = ({**snapshot(s), **_rows(s)} for s in stores)
        assert got["verdicts"] and got["events"]
        assert got == expected
    finally:
        for store in stores:
            store.close()
