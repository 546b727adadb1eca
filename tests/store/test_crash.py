"""kill -9 of ``foglift ingest`` at any moment, then a rerun: the clean-run store."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select

from foglift.store import open_store, store_url
from foglift.store.schema import documents
from tests.store.corpus import telegram_export, write_mixed_corpus
from tests.store.test_store import snapshot

POSTS = 1500


def _ingest_command(folder: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "foglift.cli.main",
        "ingest",
        str(folder),
        "--db",
        url,
        "--quiet",
    ]


def _stored(url: str, *, strict: bool = False) -> int:
    engine = create_engine(store_url(url))
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).select_from(documents)).scalar() or 0
            )
    except Exception:  # the store may not exist yet while the run starts up
        if strict:
            raise
        return 0
    finally:
        engine.dispose()


def _corpus(tmp_path: Path, posts: int, channel: int) -> Path:
    """The mixed corpus plus one channel export of ``posts`` posts."""
    folder = write_mixed_corpus(tmp_path / "corpus")
    (folder / "big").mkdir()
    (folder / "big" / "result.json").write_text(
        json.dumps(telegram_export(posts, channel=channel)), "utf-8"
    )
    return folder


def _ingest_clean(folder: Path, url: str) -> None:
    done = subprocess.run(
        _ingest_command(folder, url), capture_output=True, timeout=600
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]


def test_sigkill_then_rerun_equals_a_clean_run(
    new_db_url: Callable[[], str], tmp_path: Path
) -> None:
    folder = _corpus(tmp_path, POSTS, channel=3003)
    clean, killed = new_db_url(), new_db_url()
    _ingest_clean(folder, clean)
    total = _stored(clean, strict=True)
    assert total > POSTS

    rng = random.Random(7)
    kills_mid_run = 0
    for _ in range(3):
        before = _stored(killed)
        process = subprocess.Popen(
            _ingest_command(folder, killed),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 300
        while process.poll() is None and time.monotonic() < deadline:
            if _stored(killed) > before:  # it is writing: kill it at a random moment
                time.sleep(rng.uniform(0.0, 0.8))
                break
            time.sleep(0.05)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            kills_mid_run += process.returncode == -signal.SIGKILL
    assert kills_mid_run >= 1
    assert _stored(killed, strict=True) < total  # the kills left work undone

    rerun = subprocess.run(
        _ingest_command(folder, killed), capture_output=True, timeout=600
    )
    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    stores = [open_store(clean), open_store(killed)]
    try:
        assert snapshot(stores[1]) == snapshot(stores[0])
    finally:
        for store in stores:
            store.close()


def test_two_ingests_at_once_store_each_document_once(
    new_db_url: Callable[[], str], tmp_path: Path
) -> None:
    folder = _corpus(tmp_path, 400, channel=3004)
    clean, shared = new_db_url(), new_db_url()
    _ingest_clean(folder, clean)
    # both open the same new store, migrate it and write the same documents
    runs = [
        subprocess.Popen(
            _ingest_command(folder, shared),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for run in runs:
        _, errors = run.communicate(timeout=600)
        assert run.returncode == 0, errors.decode()[-2000:]
    stores = [open_store(clean), open_store(shared)]
    try:
        expected, got = snapshot(stores[0]), snapshot(stores[1])
        for table in ("documents", "claims", "rejections", "sources"):
            key = 0  # the id, or the name of a source
            assert sorted(r[key] for r in got[table]) == sorted(
                r[key] for r in expected[table]
            ), table
    finally:
        for store in stores:
            store.close()
