"""``--workers N`` and ``--scheduler ADDR``: where a command's per-batch work runs."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("needs at least 1")
    return number


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "scale out (needs foglift[dask]; the results and the store are the same)"
    )
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=positive,
        metavar="N",
        help="run the per-document work on N local worker processes "
        "(a Dask LocalCluster); this process writes the store",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="run it on a running Dask cluster, e.g. tcp://host:8786 (start it "
        "with `dask scheduler` and `dask worker ADDR`; every worker needs this "
        "foglift installed)",
    )


def scaled(args: argparse.Namespace) -> bool:
    return args.workers is not None or args.scheduler is not None


def ingest_scaled(
    store: Any,
    args: argparse.Namespace,
    read_options: Any,
    options: Any,
    arguments: dict[str, Any],
) -> Any:
    """``foglift ingest`` with its per-document work on workers; progress
    lines on stderr unless ``--quiet``."""
    from foglift.runs.executors import executor_for
    from foglift.runs.plan import Progress, run_ingest

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with executor_for(args.workers, args.scheduler) as executor:
        progress = None if args.quiet else Progress(say, executor.name)
        summary = run_ingest(
            store,
            args.paths,
            read_options,
            options,
            executor,
            arguments={
                **arguments,
                "workers": args.workers,
                "scheduler": args.scheduler,
            },
            on_batch=progress,
        )
        if progress is not None:
            say(progress.line())
            if executor.recovered:
                say(
                    f"foglift ingest: {executor.recovered} batch(es) lost with their "
                    "workers were run again by this process"
                )
    return summary
