"""recuperation: policy, quota per year and department, trips, applications, steps, overrides

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-21 05:37:44.514096
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "recuperation_policy",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("region", sa.String(length=12), nullable=False),
        sa.Column("day_cost_cap_fen", sa.Integer(), nullable=False),
        sa.Column("annual_cap_fen", sa.Integer(), nullable=False),
        sa.Column("max_days_in_province", sa.Integer(), nullable=False),
        sa.Column("max_days_out_of_province", sa.Integer(), nullable=False),
        sa.Column("cycle_years", sa.Integer(), nullable=False),
        sa.Column("out_of_province_gap_years", sa.Integer(), nullable=False),
        sa.Column("min_service_years", sa.Integer(), nullable=False),
        sa.Column("min_member_years", sa.Integer(), nullable=False),
        sa.Column("max_absence_days", sa.Integer(), nullable=False),
        sa.Column("max_periods", sa.Integer(), nullable=False),
        sa.Column("family_allowed", sa.Boolean(), nullable=False),
        sa.Column("union_percent", sa.Integer(), nullable=False),
        sa.Column("admin_percent", sa.Integer(), nullable=False),
        sa.Column("personal_percent", sa.Integer(), nullable=False),
        sa.Column("personal_cap_percent", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("cycle_years IN (1, 2, 3)", name=op.f("ck_recuperation_policy_cycle")),
        sa.CheckConstraint(
            "personal_percent <= personal_cap_percent",
            name=op.f("ck_recuperation_policy_personal_cap"),
        ),
        sa.CheckConstraint(
            "union_percent + admin_percent + personal_percent = 100",
            name=op.f("ck_recuperation_policy_shares_100"),
        ),
        sa.PrimaryKeyConstraint("year", "region", name=op.f("pk_recuperation_policy")),
    )
    op.create_table(
        "recuperation_quota",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("budget_fen", sa.Integer(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "places >= 0 AND budget_fen >= 0", name=op.f("ck_recuperation_quota_not_negative")
        ),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_recuperation_quota")),
    )
    op.create_table(
        "recuperation_trip",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(length=100), nullable=False),
        sa.Column("base", sa.String(length=100), nullable=False),
        sa.Column("in_province", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("cost_per_day_fen", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("capacity >= 1", name=op.f("ck_recuperation_trip_capacity")),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_recuperation_trip_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recuperation_trip")),
    )
    with op.batch_alter_table("recuperation_trip", schema=None) as batch_op:
        batch_op.create_index("ix_recuperation_trip_year", ["year", "start_date"], unique=False)

    op.create_table(
        "recuperation_application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("trip_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("priority", sa.String(length=100), nullable=False),
        sa.Column("hire_date", sa.Date(), nullable=True),
        sa.Column("absence_days", sa.Integer(), nullable=False),
        sa.Column("prior_trip_start", sa.Date(), nullable=True),
        sa.Column("prior_trip_in_province", sa.Boolean(), nullable=False),
        sa.Column("companions", sa.Integer(), nullable=False),
        sa.Column("companion_names", sa.String(length=200), nullable=False),
        sa.Column("cost_fen", sa.Integer(), nullable=False),
        sa.Column("union_fen", sa.Integer(), nullable=False),
        sa.Column("admin_fen", sa.Integer(), nullable=False),
        sa.Column("personal_fen", sa.Integer(), nullable=False),
        sa.Column("companion_fen", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "absence_days >= 0 AND companions >= 0",
            name=op.f("ck_recuperation_application_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_recuperation_application_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["trip_id"],
            ["recuperation_trip.id"],
            name=op.f("fk_recuperation_application_trip_id_recuperation_trip"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recuperation_application")),
    )
    with op.batch_alter_table("recuperation_application", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recuperation_application_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            "ix_recuperation_application_open",
            ["member_id", "trip_id"],
            unique=True,
            sqlite_where=sa.text("state NOT IN ('已取消', '已放弃')"),
            postgresql_where=sa.text("state NOT IN ('已取消', '已放弃')"),
        )
        batch_op.create_index(
            "ix_recuperation_application_trip_state", ["trip_id", "state"], unique=False
        )

    op.create_table(
        "recuperation_department_quota",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=50), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "places >= 0", name=op.f("ck_recuperation_department_quota_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["year"],
            ["recuperation_quota.year"],
            name=op.f("fk_recuperation_department_quota_year_recuperation_quota"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "year", "department", name=op.f("pk_recuperation_department_quota")
        ),
    )
    op.create_table(
        "recuperation_override",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["recuperation_application.id"],
            name=op.f("fk_recuperation_override_application_id_recuperation_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("application_id", "rule", name=op.f("pk_recuperation_override")),
    )
    op.create_table(
        "recuperation_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["recuperation_application.id"],
            name=op.f("fk_recuperation_step_application_id_recuperation_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recuperation_step")),
    )
    with op.batch_alter_table("recuperation_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recuperation_step_application_id"), ["application_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("recuperation_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recuperation_step_application_id"))

    op.drop_table("recuperation_step")
    op.drop_table("recuperation_override")
    op.drop_table("recuperation_department_quota")
    with op.batch_alter_table("recuperation_application", schema=None) as batch_op:
        batch_op.drop_index("ix_recuperation_application_trip_state")
        batch_op.drop_index(
            "ix_recuperation_application_open",
            sqlite_where=sa.text("state NOT IN ('已取消', '已放弃')"),
            postgresql_where=sa.text("state NOT IN ('已取消', '已放弃')"),
        )
        batch_op.drop_index(batch_op.f("ix_recuperation_application_member_id"))

    op.drop_table("recuperation_application")
    with op.batch_alter_table("recuperation_trip", schema=None) as batch_op:
        batch_op.drop_index("ix_recuperation_trip_year")

    op.drop_table("recuperation_trip")
    op.drop_table("recuperation_quota")
    op.drop_table("recuperation_policy")
