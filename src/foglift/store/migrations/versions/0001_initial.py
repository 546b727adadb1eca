"""Initial store: documents, sources, claims, places, findings, rejections, runs

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_tables()
    _create_full_text_search()


def _create_tables() -> None:
    op.create_table(
        "mark_counts",
        sa.Column("mark", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("mark"),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("command", sa.String(length=64), nullable=False),
        sa.Column("arguments", sa.JSON(), nullable=False),
        sa.Column("foglift_version", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("finished_at", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rejections",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("first_run_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_run_id"],
            ["runs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sources",
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=256), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("first_run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_run_id"],
            ["runs.id"],
        ),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("item_key", sa.String(length=1024), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes", sa.String(length=32), nullable=True),
        sa.Column("superseded_by", sa.String(length=32), nullable=True),
        sa.Column("source_name", sa.String(length=512), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("posted_at", sa.String(length=32), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("extracted", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw_length", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("near_duplicate_of", sa.String(length=32), nullable=True),
        sa.Column("near_duplicate_score", sa.Float(), nullable=True),
        sa.Column("forwarded_from", sa.Text(), nullable=True),
        sa.Column("reply_to", sa.String(length=256), nullable=True),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.Column("repairs", sa.JSON(), nullable=False),
        sa.Column("sentences", sa.JSON(), nullable=False),
        sa.Column("claimants", sa.JSON(), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["runs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_name"],
            ["sources.name"],
        ),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
        sa.UniqueConstraint("item_key", "version", name="uq_documents_item_version"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_item_key", ["item_key"], unique=False)
        batch_op.create_index("ix_documents_published", ["published"], unique=False)
        batch_op.create_index("ix_documents_source_name", ["source_name"], unique=False)

    op.create_table(
        "claims",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=48), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("claim_id", sa.String(length=16), nullable=False),
        sa.Column("claim_type", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("action_as_stated", sa.Text(), nullable=False),
        sa.Column("action_start", sa.Integer(), nullable=False),
        sa.Column("action_end", sa.Integer(), nullable=False),
        sa.Column("claimant_name", sa.Text(), nullable=False),
        sa.Column("claimant_kind", sa.String(length=32), nullable=False),
        sa.Column("claimant_named", sa.Boolean(), nullable=False),
        sa.Column("claimant_side", sa.String(length=16), nullable=False),
        sa.Column("claimant_registry_id", sa.String(length=128), nullable=True),
        sa.Column("claimant", sa.JSON(), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("voice", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("quantity_value", sa.Float(), nullable=True),
        sa.Column("quantity_unit", sa.String(length=64), nullable=True),
        sa.Column("quantity", sa.JSON(), nullable=True),
        sa.Column("first_day", sa.String(length=10), nullable=True),
        sa.Column("last_day", sa.String(length=10), nullable=True),
        sa.Column("time", sa.JSON(), nullable=True),
        sa.Column("hedges", sa.JSON(), nullable=False),
        sa.Column("reactions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_days", ["first_day", "last_day"], unique=False)
        batch_op.create_index("ix_claims_document_id", ["document_id"], unique=False)
        batch_op.create_index("ix_claims_type", ["claim_type"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("claim_id", sa.String(length=48), nullable=True),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index("ix_findings_claim", ["claim_id"], unique=False)
        batch_op.create_index("ix_findings_document", ["document_id"], unique=False)

    op.create_table(
        "marks",
        sa.Column("mark", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
    )
    with op.batch_alter_table("marks", schema=None) as batch_op:
        batch_op.create_index("ix_marks_document", ["document_id"], unique=False)
        batch_op.create_index("ix_marks_mark", ["mark"], unique=False)

    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("claim_id", sa.String(length=48), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("gazetteer_id", sa.String(length=64), nullable=True),
        sa.Column("resolved_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(length=16), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("resolution", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.create_index("ix_place_mentions_claim", ["claim_id"], unique=False)
        batch_op.create_index(
            "ix_place_mentions_document", ["document_id"], unique=False
        )
        batch_op.create_index(
            "ix_place_mentions_gazetteer", ["gazetteer_id"], unique=False
        )
        batch_op.create_index("ix_place_mentions_latlon", ["lat", "lon"], unique=False)


_SQLITE_FTS = (
    ("documents_fts", "documents", ("title", "text")),
    ("claims_fts", "claims", ("text", "action_as_stated", "claimant_name")),
)


def _create_full_text_search() -> None:
    """SQLite: FTS5 tables kept in step by triggers. PostgreSQL: tsvector columns."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_documents_search ON documents USING gin (search)")
        op.execute(
            "ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', text || ' ' || action_as_stated || ' ' "
            "|| claimant_name)) STORED"
        )
        op.execute("CREATE INDEX ix_claims_search ON claims USING gin (search)")
        return
    for fts, table, columns in _SQLITE_FTS:
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, "
            f"content='{table}', content_rowid='seq')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.seq, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) "
            f"VALUES ('delete', old.seq, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) "
            f"VALUES ('delete', old.seq, {old}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.seq, {new}); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, _table, _columns in _SQLITE_FTS:
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_place_mentions_latlon")
        batch_op.drop_index("ix_place_mentions_gazetteer")
        batch_op.drop_index("ix_place_mentions_document")
        batch_op.drop_index("ix_place_mentions_claim")

    op.drop_table("place_mentions")
    with op.batch_alter_table("marks", schema=None) as batch_op:
        batch_op.drop_index("ix_marks_mark")
        batch_op.drop_index("ix_marks_document")

    op.drop_table("marks")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_document")
        batch_op.drop_index("ix_findings_claim")

    op.drop_table("findings")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_type")
        batch_op.drop_index("ix_claims_document_id")
        batch_op.drop_index("ix_claims_days")

    op.drop_table("claims")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_source_name")
        batch_op.drop_index("ix_documents_published")
        batch_op.drop_index("ix_documents_item_key")

    op.drop_table("documents")
    op.drop_table("sources")
    op.drop_table("rejections")
    op.drop_table("runs")
    op.drop_table("mark_counts")
