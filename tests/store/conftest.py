"""Store back-ends for tests: SQLite always; PostgreSQL when a server can be had.

PostgreSQL comes from ``$FOGLIFT_TEST_POSTGRES`` (a ``postgresql+psycopg://``
URL to a server the tests may create databases on), else from a throw-away
cluster started here with the ``initdb``/``pg_ctl`` of Debian's
``postgresql`` package. With neither, the PostgreSQL cases skip and say why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Cluster:
    """A private PostgreSQL cluster on a Unix socket in a temporary folder."""

    def __init__(self) -> None:
        initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError(
                "no initdb/pg_ctl (install Debian's postgresql package, or set "
                "FOGLIFT_TEST_POSTGRES to a server URL)"
            )
        self.pg_ctl = pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="foglift-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            runuser = shutil.which("runuser")
            if (
                not runuser
                or subprocess.run(["id", "postgres"], capture_output=True).returncode
            ):
                raise RuntimeError("running as root without a postgres user")
            shutil.chown(self.root, "postgres")
            self.prefix = [runuser, "-u", "postgres", "--"]
        self._run(
            [
                initdb,
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "foglift",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        )
        options = (
            f"-k {self.root} -p {self.port} -c listen_addresses='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            [
                pg_ctl,
                "-D",
                str(self.data),
                "-l",
                str(self.root / "log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        self.url = (
            f"postgresql+psycopg://foglift@/postgres?host={self.root}&port={self.port}"
        )

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(
            [*self.prefix, *command], capture_output=True, text=True, timeout=120
        )
        if result.returncode:
            raise RuntimeError(
                f"{Path(command[0]).name} failed: {result.stderr.strip()[-400:]}"
            )

    def stop(self) -> None:
        subprocess.run(
            [
                *self.prefix,
                self.pg_ctl,
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A URL to a PostgreSQL server the tests may create databases on."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed")
    configured = os.environ.get("FOGLIFT_TEST_POSTGRES")
    if configured:
        yield configured
        return
    try:
        cluster = _Cluster()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield cluster.url
    finally:
        cluster.stop()


def _fresh_database(server: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"foglift_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes new, empty store URLs on each back-end."""
    if request.param == "sqlite":
        names = iter(range(1000))
        return lambda: str(tmp_path / f"store-{next(names)}.db")
    server = request.getfixturevalue("postgres_server")
    return lambda: _fresh_database(server)


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    """A new, empty store URL on each back-end."""
    return new_db_url()
