"""Media provenance: files by content hash, their PDQ hashes, the posts that
carry them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(length=64), nullable=False, unique=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer()),
        sa.Column("height", sa.Integer()),
        sa.Column("duration", sa.Float()),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.Column("metadata_status", sa.String(length=16), nullable=False),
        sa.Column("created", sa.String(length=40)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("phash", sa.String(length=16)),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("cluster", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id")),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
    )
    op.create_index("ix_media_cluster", "media", ["cluster"])
    op.create_table(
        "media_hashes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "media_seq", sa.Integer(), sa.ForeignKey("media.seq"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float()),
        sa.Column("pdq", sa.LargeBinary(length=32), nullable=False),
        sa.Column("quality", sa.Integer(), nullable=False),
    )
    op.create_index("ix_media_hashes_media", "media_hashes", ["media_seq"])
    op.create_table(
        "media_occurrences",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("item_key", sa.String(length=1024), nullable=False),
        sa.Column("document_id", sa.String(length=32)),
        sa.Column("source_name", sa.String(length=512), nullable=False),
        sa.Column("posted_at", sa.String(length=32)),
        sa.Column("published", sa.String(length=10)),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=32)),
        sa.Column("media_seq", sa.Integer(), sa.ForeignKey("media.seq")),
        sa.Column("code", sa.String(length=16)),
        sa.Column("problem", sa.Text()),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("runs.id")),
        sa.UniqueConstraint("item_key", "path", name="uq_media_occurrences_item_path"),
    )
    op.create_index("ix_media_occurrences_media", "media_occurrences", ["media_seq"])
    op.create_index(
        "ix_media_occurrences_document", "media_occurrences", ["document_id"]
    )


def downgrade() -> None:
    op.drop_table("media_occurrences")
    op.drop_table("media_hashes")
    op.drop_table("media")
