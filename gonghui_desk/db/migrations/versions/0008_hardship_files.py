"""hardship files, household, years, steps, aid and the 低保 standards

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dibao_standard",
        sa.Column("region", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("monthly_fen", sa.Integer(), nullable=False),
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
        sa.PrimaryKeyConstraint("region", "year", name=op.f("pk_dibao_standard")),
    )
    op.create_table(
        "hardship_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("filing_standard", sa.String(length=20), nullable=False),
        sa.Column("region", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=False),
        sa.Column("ethnicity", sa.String(length=20), nullable=False),
        sa.Column("political_status", sa.String(length=20), nullable=False),
        sa.Column("id_number", sa.String(length=30), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("other_contact", sa.String(length=50), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("health", sa.String(length=10), nullable=False),
        sa.Column("disease", sa.String(length=50), nullable=False),
        sa.Column("disability_type", sa.String(length=10), nullable=False),
        sa.Column("disability_grade", sa.String(length=10), nullable=False),
        sa.Column("work_status", sa.String(length=10), nullable=False),
        sa.Column("model_worker_type", sa.String(length=10), nullable=False),
        sa.Column("housing", sa.String(length=10), nullable=False),
        sa.Column("housing_area", sa.Float(), nullable=True),
        sa.Column("marital_status", sa.String(length=10), nullable=False),
        sa.Column("hukou_type", sa.String(length=10), nullable=False),
        sa.Column("hukou_region", sa.String(length=100), nullable=False),
        sa.Column("live_address", sa.String(length=200), nullable=False),
        sa.Column("work_start", sa.Date(), nullable=True),
        sa.Column("work_unit", sa.String(length=100), nullable=False),
        sa.Column("industry", sa.String(length=50), nullable=False),
        sa.Column("unit_nature", sa.String(length=20), nullable=False),
        sa.Column("enterprise_situation", sa.String(length=20), nullable=False),
        sa.Column("single_parent", sa.Boolean(), nullable=False),
        sa.Column("zero_employment", sa.Boolean(), nullable=False),
        sa.Column("self_help", sa.Boolean(), nullable=False),
        sa.Column("monthly_income_fen", sa.Integer(), nullable=False),
        sa.Column("medical_insurance", sa.String(length=20), nullable=False),
        sa.Column("contract_start", sa.Date(), nullable=True),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.Column("fixed_term", sa.Boolean(), nullable=False),
        sa.Column("service_card_no", sa.String(length=30), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=False),
        sa.Column("cause_primary", sa.String(length=20), nullable=False),
        sa.Column("cause_secondary", sa.String(length=20), nullable=False),
        sa.Column("cause_text", sa.String(length=500), nullable=False),
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
            ["member_id"],
            ["member.id"],
            name=op.f("fk_hardship_file_member_id_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_file")),
    )
    with op.batch_alter_table("hardship_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hardship_file_member_id"), ["member_id"], unique=False)
        batch_op.create_index(
            "ix_hardship_file_open_id_number",
            ["id_number"],
            unique=True,
            sqlite_where=sa.text(
                "id_number != '' AND state NOT IN ('已脱困', '已解困', '已退出', '不予建档')"
            ),
            postgresql_where=sa.text(
                "id_number != '' AND state NOT IN ('已脱困', '已解困', '已退出', '不予建档')"
            ),
        )
        batch_op.create_index("ix_hardship_file_state", ["state"], unique=False)

    op.create_table(
        "aid_payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("fund_source", sa.String(length=20), nullable=False),
        sa.Column("handled_by", sa.String(length=50), nullable=False),
        sa.Column("signed_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("patient", sa.String(length=50), nullable=False),
        sa.Column("patient_relation", sa.String(length=20), nullable=False),
        sa.Column("disease", sa.String(length=50), nullable=False),
        sa.Column("out_of_pocket_fen", sa.Integer(), nullable=False),
        sa.Column("hospital_stays", sa.Integer(), nullable=False),
        sa.Column("branch_amount_fen", sa.Integer(), nullable=False),
        sa.Column("social_amount_fen", sa.Integer(), nullable=False),
        sa.Column("treatment", sa.String(length=200), nullable=False),
        sa.Column("student", sa.String(length=50), nullable=False),
        sa.Column("school", sa.String(length=100), nullable=False),
        sa.Column("major", sa.String(length=50), nullable=False),
        sa.Column("study_years", sa.Integer(), nullable=False),
        sa.Column("admission_batch", sa.String(length=20), nullable=False),
        sa.Column("fees_fen", sa.Integer(), nullable=False),
        sa.Column("student_loan_fen", sa.Integer(), nullable=False),
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
            ["file_id"],
            ["hardship_file.id"],
            name=op.f("fk_aid_payment_file_id_hardship_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_payment")),
    )
    with op.batch_alter_table("aid_payment", schema=None) as batch_op:
        batch_op.create_index("ix_aid_payment_day", ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_aid_payment_file_id"), ["file_id"], unique=False)

    op.create_table(
        "hardship_relative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=False),
        sa.Column("political_status", sa.String(length=20), nullable=False),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("id_number", sa.String(length=30), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("medical_insurance", sa.String(length=20), nullable=False),
        sa.Column("health", sa.String(length=20), nullable=False),
        sa.Column("monthly_income_fen", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=10), nullable=False),
        sa.Column("unit_or_school", sa.String(length=100), nullable=False),
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
            ["file_id"],
            ["hardship_file.id"],
            name=op.f("fk_hardship_relative_file_id_hardship_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_relative")),
    )
    with op.batch_alter_table("hardship_relative", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hardship_relative_file_id"), ["file_id"], unique=False)
        batch_op.create_index("ix_hardship_relative_id_number", ["id_number"], unique=False)

    op.create_table(
        "hardship_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
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
            ["file_id"],
            ["hardship_file.id"],
            name=op.f("fk_hardship_step_file_id_hardship_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_step")),
    )
    with op.batch_alter_table("hardship_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hardship_step_file_id"), ["file_id"], unique=False)

    op.create_table(
        "hardship_year",
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("household_size", sa.Integer(), nullable=False),
        sa.Column("income_fen", sa.Integer(), nullable=False),
        sa.Column("expenses_fen", sa.Integer(), nullable=False),
        sa.Column("dibao_fen", sa.Integer(), nullable=False),
        sa.Column("per_capita_fen", sa.Integer(), nullable=False),
        sa.Column("suggested", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("override_reason", sa.String(length=500), nullable=False),
        sa.Column("arithmetic", sa.String(length=500), nullable=False),
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
            ["file_id"],
            ["hardship_file.id"],
            name=op.f("fk_hardship_year_file_id_hardship_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("file_id", "year", name=op.f("pk_hardship_year")),
    )
    op.create_table(
        "hardship_money_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=4), nullable=False),
        sa.Column("item", sa.String(length=50), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_id", "year"],
            ["hardship_year.file_id", "hardship_year.year"],
            name=op.f("fk_hardship_money_item_file_id_hardship_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_money_item")),
    )
    with op.batch_alter_table("hardship_money_item", schema=None) as batch_op:
        batch_op.create_index("ix_hardship_money_item_year", ["file_id", "year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hardship_money_item", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_money_item_year")

    op.drop_table("hardship_money_item")
    op.drop_table("hardship_year")
    with op.batch_alter_table("hardship_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hardship_step_file_id"))

    op.drop_table("hardship_step")
    with op.batch_alter_table("hardship_relative", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_relative_id_number")
        batch_op.drop_index(batch_op.f("ix_hardship_relative_file_id"))

    op.drop_table("hardship_relative")
    with op.batch_alter_table("aid_payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aid_payment_file_id"))
        batch_op.drop_index("ix_aid_payment_day")

    op.drop_table("aid_payment")
    with op.batch_alter_table("hardship_file", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_file_state")
        batch_op.drop_index(
            "ix_hardship_file_open_id_number",
            sqlite_where=sa.text(
                "id_number != '' AND state NOT IN ('已脱困', '已解困', '已退出', '不予建档')"
            ),
            postgresql_where=sa.text(
                "id_number != '' AND state NOT IN ('已脱困', '已解困', '已退出', '不予建档')"
            ),
        )
        batch_op.drop_index(batch_op.f("ix_hardship_file_member_id"))

    op.drop_table("hardship_file")
    op.drop_table("dibao_standard")
