"""Serial, in-process Dask and local worker processes: one plan, one store."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from foglift.errors import UsageError
from foglift.runs.executors import (
    DaskExecutor,
    SerialExecutor,
    cluster_executor,
    executor_for,
    local_executor,
)
from foglift.runs.ingest import ingest_paths
from foglift.runs.plan import BatchReport, Progress, run_ingest
from foglift.store import Store, open_store
from foglift.store.schema import batches
from tests.store.corpus import telegram_export, write_mixed_corpus
from tests.store.test_store import snapshot

BATCH = 7  # small batches: many tasks, several in flight at once


def _corpus(root: Path, posts: int = 40) -> Path:
    folder = write_mixed_corpus(root / "corpus")
    (folder / "big").mkdir()
    (folder / "big" / "result.json").write_text(
        json.dumps(telegram_export(posts, channel=4004)), "utf-8"
    )
    return folder


def _ledger(store: Store) -> list[tuple[str, int, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(batches.c.id, batches.c.size, batches.c.first_item).order_by(
                batches.c.id
            )
        )
        return [tuple(r) for r in rows]


@pytest.fixture(scope="module")
def threads() -> Iterator[DaskExecutor]:
    """Two Dask workers as threads of this process (no process start-up)."""
    executor = local_executor(2, processes=False)
    try:
        yield executor
    finally:
        executor.close()


def test_every_executor_writes_the_serial_store(
    new_db_url: Callable[[], str], tmp_path: Path, threads: DaskExecutor
) -> None:
    folder = _corpus(tmp_path)
    stores = [open_store(new_db_url()) for _ in range(3)]
    try:
        plain = ingest_paths(stores[0], [str(folder)])
        serial = run_ingest(
            stores[1], [str(folder)], executor=SerialExecutor(), batch_documents=BATCH
        )
        dask = run_ingest(
            stores[2], [str(folder)], executor=threads, batch_documents=BATCH
        )
        assert plain.counts() == serial.counts() == dask.counts()
        assert plain.near_duplicates > 0  # the order of writes matters here
        expected = snapshot(stores[0])
        assert snapshot(stores[1]) == expected
        assert snapshot(stores[2]) == expected
        ledger = _ledger(stores[1])
        assert len(ledger) > 5
        assert _ledger(stores[2]) == ledger
        assert sum(size for _, size, _ in ledger) == (
            plain.read + len(plain.rejected) + sum(plain.skipped.values())
        )
    finally:
        for store in stores:
            store.close()


class _Counting(SerialExecutor):
    """A serial executor that remembers the payloads it computed."""

    def __init__(self) -> None:
        super().__init__()
        self.shipped: list[int] = []

    def map(self, fn: Any, tasks: Any, *args: Any) -> Iterator[tuple[Any, Any]]:
        for key, payload in tasks:
            self.shipped.append(len(payload))
            yield key, fn(payload, *args)


def test_a_rerun_takes_finished_batches_from_the_ledger(
    db_url: str, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    store = open_store(db_url)
    try:
        first = run_ingest(store, [str(folder)], batch_documents=BATCH)
        before, ledger = snapshot(store), _ledger(store)
        reports: list[BatchReport] = []
        counting = _Counting()
        again = run_ingest(
            store,
            [str(folder)],
            executor=counting,
            batch_documents=BATCH,
            on_batch=reports.append,
        )
        assert counting.shipped and not any(counting.shipped)  # nothing computed
        assert all(r.from_ledger for r in reports)
        assert again.unchanged == first.new and again.new == 0
        assert [r.code for r in again.rejected] == [r.code for r in first.rejected]
        assert again.skipped == first.skipped
        assert snapshot(store) == before and _ledger(store) == ledger
    finally:
        store.close()


def test_a_batch_missing_from_the_ledger_is_written_again_not_computed(
    tmp_path: Path,
) -> None:
    """A batch missing from the ledger (written by a run before this one, or
    by item) is checked again; its documents already stored are not computed
    twice, and the ledger is completed."""
    from foglift.store.schema import batches as ledger_table

    folder = _corpus(tmp_path)
    clean, broken = (open_store(str(tmp_path / n)) for n in ("clean.db", "b.db"))
    try:
        run_ingest(clean, [str(folder)], batch_documents=BATCH)
        run_ingest(broken, [str(folder)], batch_documents=BATCH)
        with broken.engine.begin() as conn:  # forget two batches
            keys = [r.id for r in conn.execute(select(ledger_table.c.id)).all()[2:4]]
            conn.execute(ledger_table.delete().where(ledger_table.c.id.in_(keys)))
        counting = _Counting()
        again = run_ingest(
            broken, [str(folder)], executor=counting, batch_documents=BATCH
        )
        assert sum(1 for n in counting.shipped if n) == 0  # stored: not computed
        assert again.new == 0
        assert snapshot(broken) == snapshot(clean)
        assert _ledger(broken) == _ledger(clean)
    finally:
        clean.close()
        broken.close()


def test_a_batch_the_cluster_loses_is_run_by_the_writer(
    tmp_path: Path, threads: DaskExecutor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that kills every worker it is given to (KilledWorker) is run by
    the writer itself: nothing is lost and the order holds."""
    from distributed import KilledWorker, get_worker

    import foglift.runs.plan as plan

    folder = _corpus(tmp_path, posts=10)
    real = plan.process_batch

    def kills_workers(items: Any, options: Any) -> Any:
        try:
            get_worker()
        except ValueError:  # not on a worker: the writer's own call
            return real(items, options)
        if any("Kurakhove" in item.text for item in items):
            lost = SimpleNamespace(address="tcp://lost-worker:1")
            raise KilledWorker("batch", lost, 2)
        return real(items, options)

    monkeypatch.setattr(plan, "process_batch", kills_workers)
    clean = open_store(str(tmp_path / "a.db"))
    store = open_store(str(tmp_path / "b.db"))
    before = threads.recovered
    try:
        run_ingest(clean, [str(folder)], batch_documents=BATCH)
        run_ingest(store, [str(folder)], executor=threads, batch_documents=BATCH)
        assert threads.recovered > before
        assert snapshot(store) == snapshot(clean)
    finally:
        clean.close()
        store.close()


def test_progress_lines_say_rate_batches_and_failures() -> None:
    from collections import Counter

    lines: list[str] = []
    progress = Progress(lines.append, "2 local worker process(es)", every=0.0)
    progress(BatchReport(0, 7, Counter(new=6, rejected=1), False))
    progress(BatchReport(1, 7, Counter(unchanged=7), True))
    assert len(lines) == 2
    last = lines[-1]
    assert "14 documents" in last and "/s)" in last
    assert "2 batches done (1 already in the ledger)" in last
    assert "1 rejected" in last and "2 local worker" in last


def test_workers_and_scheduler_exclude_each_other() -> None:
    with pytest.raises(UsageError), executor_for(2, "tcp://127.0.0.1:1"):
        pass
    with pytest.raises(UsageError, match="Dask scheduler"):
        cluster_executor("tcp://127.0.0.1:1", timeout="1s")


def test_two_worker_processes_from_the_command_line(
    db_url: str, tmp_path: Path
) -> None:
    """The multi-process smoke test: real worker processes, under a time limit."""
    folder = _corpus(tmp_path, posts=20)
    clean = open_store(str(tmp_path / "clean.db"))
    try:
        ingest_paths(clean, [str(folder)])
        expected = snapshot(clean)
    finally:
        clean.close()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "foglift.cli.main",
            "ingest",
            str(folder),
            "--db",
            db_url,
            "--workers",
            "2",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    body = json.loads(done.stdout)
    assert body["new"] > 20 and body["rejected"] == 6
    assert "documents (" in done.stderr and "batches done" in done.stderr
    store = open_store(db_url)
    try:
        assert snapshot(store) == expected
    finally:
        store.close()


def _echo(payload: list[str]) -> int:
    return len(payload)


def test_the_client_does_not_keep_the_batches_it_sent(threads: DaskExecutor) -> None:
    """distributed logs recent messages for debugging; by default 1,000 of
    them, each a batch of documents as sent. The executors keep a few."""
    from foglift.runs.executors import DASK_LOG_LENGTH

    tasks = ((n, ["x" * 1000] * 50) for n in range(3 * DASK_LOG_LENGTH))
    assert [r for _, r in threads.map(_echo, tasks)] == [50] * (3 * DASK_LOG_LENGTH)
    sent = threads.client.scheduler_comm.recent_message_log
    assert sent.maxlen == DASK_LOG_LENGTH and len(sent) <= DASK_LOG_LENGTH
