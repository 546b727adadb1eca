"""The store back-ends of the store tests (SQLite, and PostgreSQL when a server
can be had), for the runs that write a store."""

from tests.store.conftest import db_url, new_db_url, postgres_server

__all__ = ["db_url", "new_db_url", "postgres_server"]
