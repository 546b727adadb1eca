"""Documents record where their date came from (published_from)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Documents stored before this revision: unknown (NULL).
    op.add_column(
        "documents", sa.Column("published_from", sa.String(length=16), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("documents", "published_from")
