"""Ingest throughput serially and on local Dask workers, and a large run's memory.

Two measures (figures and commands in benchmarks/README.md):

``ratio``: the first N real posts of ``../shared/data/telegram-ru-2024`` (skipped
with a reason when absent) ingested into a fresh SQLite store serially, with
``--workers 1`` and with ``--workers 2``, each in a fresh process. Printed for
each: wall seconds, documents per wall second, CPU seconds of the client and
of the workers, and the wall-clock ratio to the serial run. On a shared
machine the wall ratio is noisy; the CPU seconds say whether the work grew.

``large``: a folder of JSON Lines posts (``synthetic_corpus.py``) ingested
into PostgreSQL (``--db URL``, else a private server started here with
Debian's ``initdb``) with N local workers; printed every few seconds by the
run itself, then: wall time, documents per second, the peak resident memory
of each worker process and of the client (the one writer).

Run: ``python benchmarks/scale_ingest.py ratio --posts 1000`` and
``python benchmarks/scale_ingest.py large corpus/ --workers 2``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REAL_POSTS = ROOT.parent / "shared" / "data" / "telegram-ru-2024" / "posts.jsonl"


def _usage() -> dict[str, float]:
    """This process's CPU seconds and peak resident set (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": own.ru_utime + own.ru_stime, "peak_mb": own.ru_maxrss / 1024}


def _one(paths: list[str], db: str, workers: int | None, batch: int | None) -> None:
    """One ingest in this process; prints its figures as one JSON line."""
    from foglift.runs.executors import (
        SerialExecutor,
        local_executor,
        warm_reference_data,
    )
    from foglift.runs.plan import Progress, run_ingest
    from foglift.store import open_store

    warm_reference_data()  # every executor starts with its reference data loaded
    executor: Any = SerialExecutor() if workers is None else local_executor(workers)
    store = open_store(db)
    before_workers = _worker_usage(executor)
    before = _usage()
    started = time.monotonic()
    progress = Progress(
        lambda line: print(line, file=sys.stderr, flush=True), executor.name, 30.0
    )
    last = time.monotonic()

    def report(batch_report: Any) -> None:
        nonlocal last
        progress(batch_report)
        if time.monotonic() - last >= 120:  # memory, for a run cut short
            last = time.monotonic()
            now = {"client": _usage(), **_worker_usage(executor)}
            peaks = {k: round(v["peak_mb"]) for k, v in now.items()}
            print(f"peak MB so far: {peaks}", file=sys.stderr, flush=True)

    summary = run_ingest(
        store, paths, executor=executor, on_batch=report, batch_documents=batch
    )
    wall = time.monotonic() - started
    after = _usage()
    after_workers = _worker_usage(executor)
    executor.close()
    store.close()
    workers_cpu = sum(
        after_workers[w]["cpu"] - before_workers.get(w, {"cpu": 0.0})["cpu"]
        for w in after_workers
    )
    print(
        json.dumps(
            {
                "executor": executor.name,
                "documents": summary.read,
                "claims": summary.claims,
                "wall_s": round(wall, 1),
                "docs_per_s": round(summary.read / wall, 1),
                "client_cpu_s": round(after["cpu"] - before["cpu"], 1),
                "workers_cpu_s": round(workers_cpu, 1),
                "client_peak_mb": round(after["peak_mb"]),
                "worker_peak_mb": sorted(
                    round(v["peak_mb"]) for v in after_workers.values()
                ),
                "recovered_batches": executor.recovered,
            }
        ),
        flush=True,
    )


def _worker_usage(executor: Any) -> dict[str, dict[str, float]]:
    client = getattr(executor, "client", None)
    if client is None:
        return {}
    usage: dict[str, dict[str, float]] = client.run(_usage)
    return usage


def _run_child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "one", *args],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def ratio(posts: int, batch: int | None) -> None:
    if not REAL_POSTS.exists():
        print(f"skipped: no real posts at ../shared/data/telegram-ru-2024 ({posts})")
        return
    with tempfile.TemporaryDirectory(prefix="foglift-scale-") as tmp:
        sample = Path(tmp) / "posts.jsonl"
        with REAL_POSTS.open(encoding="utf-8") as source, sample.open("w") as out:
            for n, line in enumerate(source):
                if n >= posts:
                    break
                out.write(line)
        rows = []
        for workers in (None, 1, 2):
            db = str(Path(tmp) / f"store-{workers or 0}.db")
            extra = ["--workers", str(workers)] if workers else []
            extra += ["--batch", str(batch)] if batch else []
            rows.append(_run_child([str(sample), "--db", db, *extra]))
            print(json.dumps(rows[-1]), flush=True)
    serial = rows[0]["wall_s"]
    print(f"\n{posts:,} real posts; CPU seconds are client + workers")
    print(f"{'executor':<30} {'wall s':>7} {'docs/s':>7} {'CPU s':>7} {'ratio':>6}")
    for row in rows:
        cpu = row["client_cpu_s"] + row["workers_cpu_s"]
        print(
            f"{row['executor']:<30} {row['wall_s']:>7} {row['docs_per_s']:>7} "
            f"{cpu:>7.1f} {serial / row['wall_s']:>5.2f}x"
        )


def large(folder: Path, db: str | None, workers: int, batch: int | None) -> None:
    paths = [str(p) for p in sorted(folder.glob("*.jsonl"))]
    cluster = None
    if db is None:
        sys.path.insert(0, str(ROOT))
        from tests.store.conftest import _Cluster

        cluster = _Cluster()
        db = cluster.url
    try:
        extra = ["--batch", str(batch)] if batch else []
        row = _run_child([*paths, "--db", db, "--workers", str(workers), *extra])
        print(json.dumps(row, indent=1))
    finally:
        if cluster is not None:
            cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="measure", required=True)
    one = sub.add_parser("one", help="one ingest (used by the others)")
    one.add_argument("paths", nargs="+")
    one.add_argument("--db", required=True)
    one.add_argument("--workers", type=int)
    one.add_argument("--batch", type=int)
    r = sub.add_parser("ratio", help="serial, 1 and 2 workers on real posts")
    r.add_argument("--posts", type=int, default=1000)
    r.add_argument("--batch", type=int)
    big = sub.add_parser("large", help="a large corpus into PostgreSQL")
    big.add_argument("folder", type=Path)
    big.add_argument("--db")
    big.add_argument("--workers", type=int, default=2)
    big.add_argument("--batch", type=int)
    args = parser.parse_args()
    if args.measure == "one":
        _one(args.paths, args.db, args.workers, args.batch)
    elif args.measure == "ratio":
        ratio(args.posts, args.batch)
    else:
        large(args.folder, args.db, args.workers, args.batch)


if __name__ == "__main__":
    main()
