"""the branch's yearly figures for the annual statistics

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTS = (
    "staff", "staff_female", "staff_migrant", "staff_dispatched", "staff_new_form",
    "union_full_time", "union_part_time", "delegates", "delegates_female",
)
FLAGS = (
    "women_committee", "funds_committee", "congress_system", "open_affairs",
    "safety_committee", "mediation_committee",
)


def upgrade() -> None:
    op.create_table(
        "year_figures",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=True) for name in COUNTS],
        *[sa.Column(name, sa.Boolean(), nullable=False) for name in FLAGS],
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.CheckConstraint("year BETWEEN 1950 AND 2100", name=op.f("ck_year_figures_year")),
        sa.CheckConstraint(
            "staff_female <= staff", name=op.f("ck_year_figures_female_within_staff")
        ),
        sa.CheckConstraint(
            "delegates_female <= delegates", name=op.f("ck_year_figures_female_within_delegates")
        ),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_year_figures")),
    )


def downgrade() -> None:
    op.drop_table("year_figures")
