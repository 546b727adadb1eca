"""The analyst's dashboard: a read-only web app over a store (``foglift serve``).

The map and timeline of claims, and pages for a claim, an event, a source, a
place, documents and rejected inputs, each also as JSON under ``/api/``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from foglift.store.db import Store, open_store

__all__ = ["create_app", "open_read_only"]


def _read_only_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _read_only_postgres(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    dbapi_connection.commit()


def open_read_only(db: str | None) -> Store:
    """Open (and migrate) a store, then make every new connection read-only."""
    store = open_store(db, create=False)
    store.engine.dispose()  # connections made while migrating may write
    if store.dialect == "sqlite":
        event.listen(store.engine, "connect", _read_only_sqlite)
    else:
        event.listen(store.engine, "connect", _read_only_postgres)
    return store


def create_app(store: Store, control_maps: str | None = None) -> Any:
    from foglift.serve.app import create_app as build

    return build(store, control_maps)
