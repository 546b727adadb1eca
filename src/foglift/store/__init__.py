"""The store: documents, claims and everything derived, in SQLite or PostgreSQL."""

from __future__ import annotations

from foglift.store.db import Store, open_store, store_url

__all__ = ["Store", "open_store", "store_url"]
