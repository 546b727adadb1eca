"""Runs: what ran, when, with which foglift, and what it did.

A run is "running" until it finishes or is interrupted. A run killed outright
(no chance to say so) is found on the next start: it ran on this host and its
process is gone, so it is marked "interrupted".
"""

from __future__ import annotations

import os
import socket
from typing import Any

from foglift.store.db import Store
from foglift.store.schema import runs
from foglift.store.write import now


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def mark_dead_runs(store: Store) -> int:
    """Mark as interrupted every run left "running" by a process of this host
    that is gone; returns how many."""
    host = socket.gethostname()
    with store.engine.begin() as conn:
        dead = [
            row.id
            for row in conn.execute(runs.select().where(runs.c.status == "running"))
            if isinstance(row.counts, dict)
            and (process := row.counts.get("process"))
            and process.get("host") == host
            and isinstance(process.get("pid"), int)
            and not _alive(process["pid"])
        ]
        if dead:
            conn.execute(
                runs.update().where(runs.c.id.in_(dead)).values(status="interrupted")
            )
    return len(dead)


def start_run(store: Store, command: str, arguments: dict[str, Any]) -> int:
    from foglift.version import __version__

    mark_dead_runs(store)
    with store.engine.begin() as conn:
        result = conn.execute(
            runs.insert().values(
                command=command,
                arguments=arguments,
                foglift_version=__version__,
                started_at=now(),
                status="running",
                # who runs it, so a later run can tell a killed one
                counts={"process": {"host": socket.gethostname(), "pid": os.getpid()}},
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


def interrupt_run(store: Store, run_id: int) -> None:
    """Mark a run stopped before its end (Ctrl-C, an error): what it committed
    stays, and a rerun finishes the rest."""
    with store.engine.begin() as conn:
        conn.execute(
            runs.update()
            .where(runs.c.id == run_id)
            .values(finished_at=now(), status="interrupted")
        )
