"""Claims record the side that acted (agent_side)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Claims stored before this revision did not record it: "unknown", which
    # territorial verdicts read as "the claim names no side as acting".
    op.add_column(
        "claims",
        sa.Column(
            "agent_side",
            sa.String(length=16),
            nullable=False,
            server_default="unknown",
        ),
    )


def downgrade() -> None:
    op.drop_column("claims", "agent_side")
