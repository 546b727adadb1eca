"""The folders files were read from, so namesake folders get their own item keys

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Stores written before this revision have no roots: the next ingest registers
the folders it is given, and a folder's name stays its prefix, so the keys of
documents already stored are unchanged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "input_roots",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("root", sa.Text(), nullable=False),
        sa.Column("prefix", sa.String(length=512), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"]),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("root"),
        sa.UniqueConstraint("prefix"),
    )


def downgrade() -> None:
    op.drop_table("input_roots")
