"""branch profile

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "branch_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("union_name", sa.String(length=100), nullable=False),
        sa.Column("unit_name", sa.String(length=100), nullable=False),
        sa.Column("stats_code", sa.String(length=50), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("organisation_type", sa.String(length=50), nullable=False),
        sa.Column("unit_nature", sa.String(length=50), nullable=False),
        sa.Column("industry", sa.String(length=50), nullable=False),
        sa.Column("chair", sa.String(length=50), nullable=False),
        sa.Column("contact_person", sa.String(length=50), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_branch_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branch_profile")),
    )


def downgrade() -> None:
    op.drop_table("branch_profile")
