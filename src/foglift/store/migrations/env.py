"""Alembic environment: migrations run on the connection foglift hands over."""

from __future__ import annotations

from alembic import context

from foglift.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - foglift always passes a connection
    raise RuntimeError("foglift migrations run through foglift.store.open_store")
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
