"""kill -9 of the client or of a worker during ``ingest --workers 2``, then a
rerun: the store a clean serial run gives, each document once."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
from sqlalchemy import create_engine, func, select

from foglift.runs.ingest import ingest_paths
from foglift.store import open_store, store_url
from foglift.store.schema import batches
from tests.store.corpus import telegram_export, write_mixed_corpus
from tests.store.test_store import snapshot

POSTS = 800  # ten batches of the channel, after the mixed inputs' one: a kill
# lands mid-run even when a loaded machine lets the writer race ahead
TIMEOUT = 420


def _command(folder: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "foglift.cli.main",
        "ingest",
        str(folder),
        "--db",
        url,
        "--workers",
        "2",
        "--quiet",
    ]


def _finished_batches(url: str) -> int:
    engine = create_engine(store_url(url))
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).select_from(batches)).scalar() or 0
            )
    except Exception:  # the store is still being created
        return 0
    finally:
        engine.dispose()


@contextlib.contextmanager
def _started(folder: Path, url: str) -> Iterator[subprocess.Popen[bytes]]:
    """An ingest in its own process group, every process of which is gone
    afterwards (the workers of a killed client included)."""
    process = subprocess.Popen(
        _command(folder, url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        if process.stderr is not None:
            process.stderr.close()


def _wait_for_batches(process: subprocess.Popen[bytes], url: str, n: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while _finished_batches(url) < n:
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no batch finished in time"
        time.sleep(0.05)


def _corpus(tmp_path: Path) -> Path:
    folder = write_mixed_corpus(tmp_path / "corpus")
    (folder / "big").mkdir()
    (folder / "big" / "result.json").write_text(
        json.dumps(telegram_export(POSTS, channel=5005)), "utf-8"
    )
    return folder


def _clean_store(folder: Path, url: str) -> dict[str, list[tuple[str, ...]]]:
    store = open_store(url)
    try:
        ingest_paths(store, [str(folder)])
        return snapshot(store)
    finally:
        store.close()


def _rerun_and_compare(
    folder: Path, url: str, expected: dict[str, list[tuple[str, ...]]]
) -> None:
    rerun = subprocess.run(
        _command(folder, url), capture_output=True, text=True, timeout=TIMEOUT
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    store = open_store(url)
    try:
        assert snapshot(store) == expected
    finally:
        store.close()


def test_sigkill_of_the_client_then_a_rerun_equals_a_clean_run(
    new_db_url: Callable[[], str], tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    expected = _clean_store(folder, new_db_url())
    killed = new_db_url()
    with _started(folder, killed) as process:
        _wait_for_batches(process, killed, 1)
        time.sleep(random.Random(19).uniform(0.0, 0.2))
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    done = _finished_batches(killed)
    assert done >= 1  # killed mid-run: some batches are in the ledger
    _rerun_and_compare(folder, killed, expected)
    assert _finished_batches(killed) > done


def test_sigkill_of_a_worker_mid_run_loses_nothing(
    new_db_url: Callable[[], str], tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    expected = _clean_store(folder, new_db_url())
    url = new_db_url()
    with _started(folder, url) as process:
        _wait_for_batches(process, url, 1)
        workers = [
            child
            for child in psutil.Process(process.pid).children(recursive=True)
            if "multiprocessing" in " ".join(child.cmdline())
            and "resource_tracker" not in " ".join(child.cmdline())
        ]
        assert workers, "no worker process found"
        workers[0].send_signal(signal.SIGKILL)
        _, errors = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 0, errors.decode()[-2000:]
    store = open_store(url)
    try:
        assert snapshot(store) == expected
    finally:
        store.close()
