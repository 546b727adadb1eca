"""The ledger of finished batches: what a rerun may skip.

A batch's key hashes the command, the foglift version, the options that shape
the results and the ids of what the batch holds (content ids for documents),
so the same inputs cut into the same batches give the same keys, and any
change (a new text, another ``--lang``, a newer foglift) gives new ones. The
row is written in the transaction that writes the batch: either both are
stored or neither.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from foglift.store.schema import batches
from foglift.store.write import now


def batch_key(command: str, options: Sequence[str], members: Iterable[str]) -> str:
    """The key of one batch: the command, this foglift, the options, the members."""
    from foglift.version import __version__

    digest = hashlib.sha256()
    for part in (command, __version__, *options):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    digest.update(b"\x01")
    for member in members:
        digest.update(member.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


def is_finished(conn: Connection, key: str) -> bool:
    found = conn.execute(select(batches.c.id).where(batches.c.id == key)).first()
    return found is not None


def record_batch(
    conn: Connection,
    key: str,
    *,
    command: str,
    size: int,
    first_item: str | None,
    counts: dict[str, Any],
    run_id: int,
) -> None:
    """Note the batch as finished, inside the transaction that wrote it."""
    conn.execute(
        batches.insert().values(
            id=key,
            command=command,
            size=size,
            first_item=first_item,
            counts=counts,
            run_id=run_id,
            finished_at=now(),
        )
    )
