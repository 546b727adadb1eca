"""Runs: what ran, when, with which foglift, and what it did."""

from __future__ import annotations

from typing import Any

from foglift.store.db import Store
from foglift.store.schema import runs
from foglift.store.write import now


def start_run(store: Store, command: str, arguments: dict[str, Any]) -> int:
    from foglift import __version__

    with store.engine.begin() as conn:
        result = conn.execute(
            runs.insert().values(
                command=command,
                arguments=arguments,
                foglift_version=__version__,
                started_at=now(),
                status="running",
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def finish_run(store: Store, run_id: int, counts: dict[str, Any]) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            runs.update()
            .where(runs.c.id == run_id)
            .values(finished_at=now(), status="finished", counts=counts)
        )
