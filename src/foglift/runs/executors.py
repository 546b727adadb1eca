"""Where a run's per-batch work happens: in this process, on local worker
processes, or on a Dask cluster. Three executors of the same plan.

An executor maps one module-level function over a stream of batches and
yields each batch's result *in the order the batches came*, with at most a
window of batches in flight. The caller (the one writer of the store) writes
each result as it arrives, so the store is written in input order whichever
executor ran the work, and memory stays bounded by the window, not by the
corpus.

The Dask executors run the function on ``dask.distributed`` workers. What a
worker needs besides the batch (the gazetteer index, the lexicons, the
morphology dictionaries) is loaded once per worker process by a worker plugin
(:class:`foglift.runs.plugin.LoadReferenceData`) and kept in that process's
module caches; it is never part of a task. A task the cluster loses (a worker killed
more often than the scheduler allows) is run again here, in the client, so no
batch is skipped and the order holds.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from foglift.errors import UsageError

K = TypeVar("K")  # what the caller keeps of a batch (never shipped)
P = TypeVar("P")  # what is shipped: the batch's payload
R = TypeVar("R")  # what the function returns for one payload

# batches in flight per worker: one running, one queued, one coming back
IN_FLIGHT_PER_WORKER = 3


class Executor(Protocol):
    """Runs ``fn(payload, *args)`` for each ``(key, payload)`` and yields
    ``(key, result)`` in input order."""

    name: str
    workers: int
    # batches the cluster lost and this process ran itself
    recovered: int

    def map(
        self,
        fn: Callable[..., R],
        tasks: Iterable[tuple[K, P]],
        *args: Any,
    ) -> Iterator[tuple[K, R]]: ...

    def close(self) -> None: ...


@dataclass
class SerialExecutor:
    """Everything in this process, one batch after the other."""

    name: str = "serial"
    workers: int = 1
    recovered: int = 0

    def map(
        self,
        fn: Callable[..., R],
        tasks: Iterable[tuple[K, P]],
        *args: Any,
    ) -> Iterator[tuple[K, R]]:
        for key, payload in tasks:
            yield key, fn(payload, *args)

    def close(self) -> None:
        return None


@dataclass
class DaskExecutor:
    """Batches as tasks on a ``distributed`` cluster, a bounded window at once.

    ``client`` is a connected ``distributed.Client``; ``owned`` holds what
    this executor started (a local cluster) and closes with it.
    """

    client: Any
    name: str = "dask"
    workers: int = 1
    window: int = IN_FLIGHT_PER_WORKER
    recovered: int = 0
    owned: list[Any] = field(default_factory=list)

    def map(
        self,
        fn: Callable[..., R],
        tasks: Iterable[tuple[K, P]],
        *args: Any,
    ) -> Iterator[tuple[K, R]]:
        pending: deque[tuple[K, P, Any]] = deque()
        for key, payload in tasks:
            pending.append((key, payload, self._submit(fn, payload, args)))
            while len(pending) >= self.window:
                yield self._collect(fn, pending.popleft(), args)
        while pending:
            yield self._collect(fn, pending.popleft(), args)

    def _submit(
        self, fn: Callable[..., Any], payload: Any, args: tuple[Any, ...]
    ) -> Any:
        if not payload:  # nothing to compute: no round trip
            return None
        return self.client.submit(fn, payload, *args, pure=False)

    def _collect(
        self, fn: Callable[..., R], entry: tuple[K, P, Any], args: tuple[Any, ...]
    ) -> tuple[K, R]:
        from distributed import KilledWorker

        key, payload, future = entry
        if future is None:
            return key, fn(payload, *args)
        try:
            result: R = future.result()
        except KilledWorker:
            # the batch took down every worker it was given to (or the
            # workers kept dying under it): the writer runs it itself
            self.recovered += 1
            result = fn(payload, *args)
        finally:
            future.release()
        return key, result

    def close(self) -> None:
        self.client.close()
        for resource in reversed(self.owned):
            resource.close()


def warm_reference_data() -> dict[str, str]:
    """Load the gazetteer index, the lexicons and the morphology in this
    process; returns what was loaded, so a client can check its workers."""
    from foglift.extract.lexicon import load_lexicon
    from foglift.geoparse.index import connection, index_path
    from foglift.geoparse.morphology import analyzer
    from foglift.version import __version__

    connection()
    for lang in ("en", "ru", "uk"):
        load_lexicon(lang)
    for lang in ("ru", "uk"):
        analyzer(lang)
    return {"foglift": __version__, "index": index_path().name}


def _check_workers(client: Any) -> None:
    """Every worker runs this foglift on the same gazetteer: a store written
    by mixed versions would differ from a serial run's."""
    mine = warm_reference_data()
    theirs: dict[str, dict[str, str]] = client.run(warm_reference_data)
    odd = {w: info for w, info in theirs.items() if info != mine}
    if odd:
        worker, info = next(iter(odd.items()))
        raise UsageError(
            f"worker {worker} runs foglift {info['foglift']} with gazetteer "
            f"{info['index']}; this client runs {mine['foglift']} with "
            f"{mine['index']}",
            hint="install the same foglift on the workers as on the client",
        )


# Messages distributed keeps for debugging, per connection and log. Its default,
# 1,000, keeps every message under 1 MB as sent: each task carries a batch of
# documents, so a client (and a local cluster's scheduler and workers) grew by
# the text of up to 1,000 batches, about 9 kB a document through a run.
DASK_LOG_LENGTH = 16


def _configure_dask() -> None:
    """distributed's logs, quiet and bounded, before a client or cluster starts."""
    import logging

    import dask

    # distributed logs every worker start and stop at INFO, and the tasks it
    # cancels on Ctrl-C at WARNING, on stderr: that would bury the run's own
    # progress lines and its summary (a lost batch is reported by the run)
    for name in ("distributed", "distributed.scheduler", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.ERROR)
    dask.config.set({"distributed.admin.low-level-log-length": DASK_LOG_LENGTH})


def local_executor(workers: int, *, processes: bool = True) -> DaskExecutor:
    """``workers`` single-threaded worker processes on this machine (a
    ``distributed.LocalCluster``); ``processes=False`` runs them as threads of
    this process (tests)."""
    if workers < 1:
        raise UsageError("--workers needs at least 1", hint="--workers 2")
    distributed = _import_distributed()
    _configure_dask()
    import dask

    # the statistical profiler samples every worker thread 100 times a second;
    # a run does not read its profiles (the nannies pass this to the workers)
    dask.config.set({"distributed.worker.profile.enabled": False})
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=processes,
        # any free port: several runs on one machine must not meet on 8787
        dashboard_address=":0",
        # the run's memory is bounded by its window; a worker past this is
        # restarted by its nanny and its batch given to another
        memory_limit=os.environ.get("FOGLIFT_WORKER_MEMORY", "auto"),
    )
    client = distributed.Client(cluster, set_as_default=False)
    return _ready(client, f"{workers} local worker process(es)", [cluster])


def cluster_executor(address: str, *, timeout: str = "30s") -> DaskExecutor:
    """The Dask cluster whose scheduler listens at ``address``."""
    distributed = _import_distributed()
    _configure_dask()
    try:
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except OSError as exc:
        raise UsageError(
            f"cannot reach the Dask scheduler at {address}: {exc}",
            hint="start one with `dask scheduler` and workers with "
            "`dask worker tcp://HOST:8786`, then pass --scheduler tcp://HOST:8786",
        ) from exc
    return _ready(client, f"cluster {address}", [])


def _ready(client: Any, name: str, owned: list[Any]) -> DaskExecutor:
    try:
        from foglift.runs.plugin import LoadReferenceData

        client.register_plugin(LoadReferenceData())
        _check_workers(client)
        workers = max(1, len(client.scheduler_info()["workers"]))
    except BaseException:
        client.close()
        for resource in owned:
            resource.close()
        raise
    return DaskExecutor(
        client,
        name=name,
        workers=workers,
        window=IN_FLIGHT_PER_WORKER * workers,
        owned=owned,
    )


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(
            "--workers and --scheduler need Dask",
            hint="pip install 'foglift[dask]'",
        ) from exc
    return distributed


@contextlib.contextmanager
def executor_for(
    workers: int | None = None, scheduler: str | None = None
) -> Iterator[Executor]:
    """The executor a command's ``--workers N`` / ``--scheduler ADDR`` ask for
    (serial with neither), closed afterwards."""
    if workers is not None and scheduler is not None:
        raise UsageError(
            "--workers and --scheduler exclude each other",
            hint="--workers N starts local workers; --scheduler uses a running cluster",
        )
    executor: Executor
    if scheduler is not None:
        executor = cluster_executor(scheduler)
    elif workers is not None:
        executor = local_executor(workers)
    else:
        executor = SerialExecutor()
    try:
        yield executor
    finally:
        executor.close()


__all__ = [
    "DaskExecutor",
    "Executor",
    "SerialExecutor",
    "cluster_executor",
    "executor_for",
    "local_executor",
    "warm_reference_data",
]
