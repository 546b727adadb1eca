"""Open a store: resolve its URL, connect, and migrate it to the current schema."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from foglift.errors import InputError, UsageError
from foglift.settings import default

MIGRATIONS = Path(__file__).with_name("migrations")


def store_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``, else ``$FOGLIFT_DB``, else ``foglift.db``.

    A value without ``://`` is a path to an SQLite file.
    """
    value = db or os.environ.get("FOGLIFT_DB") or str(default("store_path"))
    if "://" in value:
        if value.startswith(("postgres://", "postgresql://")):
            raise UsageError(
                f"unsupported store URL scheme in {_redact(value)}",
                hint="use postgresql+psycopg://user@host/dbname",
            )
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL keeps readers unblocked and makes a killed writer lose at most its
    # open transaction; the store itself is always consistent after a crash.
    # The busy timeout first: switching to WAL waits for the other writers
    # (a second ingest opening the same new store).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _writable(path: Path) -> bool:
    """Whether this process may change the store file and create its journal
    files beside it."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


@dataclass(frozen=True, slots=True)
class Store:
    """An open, migrated store."""

    engine: Engine
    url: str
    # opened in a folder this process cannot write: queries only
    read_only: bool = False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def is_current(engine: Engine) -> bool:
    """Whether the store is at the newest revision: a plain read, no lock, so
    a reader opening a store while an ingest writes to it never waits."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(_alembic_config()).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision shipped with this foglift."""
    from alembic import command

    if is_current(engine):
        return
    config = _alembic_config()
    with engine.begin() as connection:
        # one migrating process at a time: two ingests opening one new store
        # would both create its tables
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql(
                f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


# SQLite answers "database is locked" at once, without waiting, when a second
# process opens a new store while the first switches it to WAL: try again.
OPEN_ATTEMPTS = 20


def _migrate_when_free(engine: Engine) -> None:
    for attempt in range(OPEN_ATTEMPTS):
        try:
            migrate(engine)
            return
        except OperationalError as exc:
            locked = "locked" in str(exc.orig) or "busy" in str(exc.orig)
            if engine.dialect.name != "sqlite" or not locked:
                raise
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            engine.dispose()
            time.sleep(0.25 * (attempt + 1))


# an arbitrary key for PostgreSQL's advisory lock around migrations
_MIGRATION_LOCK = 0x466F676C


def open_store(db: str | None = None, *, create: bool = True) -> Store:
    """Connect to the store named by ``db`` (see :func:`store_url`) and migrate it.

    With ``create=False`` a missing SQLite file is an error instead of a new store.
    """
    url = store_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UsageError(f"cannot parse store URL {url!r}") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        path = Path(parsed.database)
        if not create and not path.exists():
            raise InputError(
                f"no store at {path}",
                hint="run `foglift ingest PATH` first, or pass --db",
            )
        if path.parent and not path.parent.exists():
            raise InputError(f"no such directory for the store: {path.parent}")
        if not create and path.exists() and not _writable(path):
            return _open_read_only(path, url)
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        hint = (
            "install the PostgreSQL extra: pip install 'foglift[postgres]'"
            if "psycopg" in str(exc)
            else "e.g. --db foglift.db or --db postgresql+psycopg://user@host/db"
        )
        raise UsageError(f"cannot use store {_redact(url)}: {exc}", hint=hint) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name != "postgresql":
        raise UsageError(
            f"unsupported store backend {engine.dialect.name!r}",
            hint="SQLite (a file path) or postgresql+psycopg:// URLs",
        )
    try:
        _migrate_when_free(engine)
    except OperationalError as exc:
        engine.dispose()
        locked = "locked" in str(exc.orig) or "busy" in str(exc.orig)
        raise InputError(
            f"cannot open store {_redact(url)}: {exc.orig}",
            hint=(
                "another process holds the store locked while changing its schema; "
                "wait for it to finish or stop it"
                if locked
                else "check the path or URL, and that the server is running"
            ),
        ) from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise InputError(f"cannot migrate store {_redact(url)}: {exc}") from exc
    return Store(engine, url)


def _open_read_only(path: Path, url: str) -> Store:
    """A store in a folder this process cannot write: read as it is, with no
    journal switch and no migration (SQLite's immutable mode takes no locks,
    right when nobody can write there)."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    engine = create_engine(
        "sqlite://", creator=lambda: _sqlite_connect(uri), future=True
    )
    event.listen(engine, "connect", _sqlite_read_only)
    try:
        current = is_current(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise InputError(f"cannot read store {path}: {exc}") from exc
    if not current:
        engine.dispose()
        raise InputError(
            f"the store {path} is read-only and needs a newer schema",
            hint="open it once where it can be written (any query command "
            "migrates it), then read it here",
        )
    return Store(engine, url, read_only=True)


def _sqlite_connect(uri: str) -> Any:
    import sqlite3

    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def table_names(store: Store) -> list[str]:
    return sorted(inspect(store.engine).get_table_names())
