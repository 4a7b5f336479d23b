"""collective contracts: contract, timeline, negotiators, attachments, periods per region

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-21 06:01:15.345912
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "collective_contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("contract_type", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("enterprise_name", sa.String(length=100), nullable=False),
        sa.Column("legal_representative", sa.String(length=50), nullable=False),
        sa.Column("enterprise_type", sa.String(length=20), nullable=False),
        sa.Column("workers_total", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("contact_person", sa.String(length=50), nullable=False),
        sa.Column("contact_phone", sa.String(length=20), nullable=False),
        sa.Column("union_name", sa.String(length=100), nullable=False),
        sa.Column("union_chair", sa.String(length=50), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("wage_increase_bp", sa.Integer(), nullable=True),
        sa.Column("minimum_wage_fen", sa.Integer(), nullable=True),
        sa.Column("last_year_average_wage_fen", sa.Integer(), nullable=True),
        sa.Column("overtime_rules", sa.String(length=500), nullable=False),
        sa.Column("covered_workers", sa.Integer(), nullable=True),
        sa.Column("covered_women", sa.Integer(), nullable=True),
        sa.Column("main_topics", sa.Text(), nullable=False),
        sa.Column("negotiation_history", sa.Text(), nullable=False),
        sa.Column("offer_date", sa.Date(), nullable=True),
        sa.Column("offer_side", sa.String(length=4), nullable=False),
        sa.Column("reply_date", sa.Date(), nullable=True),
        sa.Column("draft_date", sa.Date(), nullable=True),
        sa.Column("meeting_type", sa.String(length=10), nullable=False),
        sa.Column("meeting_session", sa.String(length=50), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("vote_eligible", sa.Integer(), nullable=True),
        sa.Column("vote_present", sa.Integer(), nullable=True),
        sa.Column("vote_in_favour", sa.Integer(), nullable=True),
        sa.Column("vote_against", sa.Integer(), nullable=False),
        sa.Column("vote_abstaining", sa.Integer(), nullable=False),
        sa.Column("signed_date", sa.Date(), nullable=True),
        sa.Column("filed_date", sa.Date(), nullable=True),
        sa.Column("filed_with", sa.String(length=100), nullable=False),
        sa.Column("acceptance_no", sa.String(length=50), nullable=False),
        sa.Column("objection_date", sa.Date(), nullable=True),
        sa.Column("objection_text", sa.String(length=1000), nullable=False),
        sa.Column("refiled_date", sa.Date(), nullable=True),
        sa.Column("confirmed_date", sa.Date(), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("published_how", sa.String(length=100), nullable=False),
        sa.Column("terminated_date", sa.Date(), nullable=True),
        sa.Column("terminated_reason", sa.String(length=500), nullable=False),
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
            "covered_women IS NULL OR covered_women <= covered_workers",
            name=op.f("ck_collective_contract_women"),
        ),
        sa.CheckConstraint(
            "term_end IS NULL OR term_start IS NULL OR term_end >= term_start",
            name=op.f("ck_collective_contract_term"),
        ),
        sa.CheckConstraint(
            "vote_present IS NULL OR vote_present <= vote_eligible",
            name=op.f("ck_collective_contract_present"),
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["collective_contract.id"],
            name=op.f("fk_collective_contract_previous_id_collective_contract"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collective_contract")),
    )
    with op.batch_alter_table("collective_contract", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collective_contract_previous_id"), ["previous_id"], unique=False
        )

    op.create_table(
        "contract_rules",
        sa.Column("region", sa.String(length=12), nullable=False),
        sa.Column("reply_days", sa.Integer(), nullable=False),
        sa.Column("filing_days", sa.Integer(), nullable=False),
        sa.Column("wage_filing_days", sa.Integer(), nullable=False),
        sa.Column("review_days", sa.Integer(), nullable=False),
        sa.Column("renewal_months", sa.Integer(), nullable=False),
        sa.Column("filing_warning_days", sa.Integer(), nullable=False),
        sa.Column("expiry_warning_days", sa.Integer(), nullable=False),
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
            "reply_days >= 1 AND filing_days >= 1 AND wage_filing_days >= 1 AND review_days >= 1 "
            "AND renewal_months >= 1 AND filing_warning_days >= 1 AND expiry_warning_days >= 1",
            name=op.f("ck_contract_rules_positive"),
        ),
        sa.PrimaryKeyConstraint("region", name=op.f("pk_contract_rules")),
    )
    op.create_table(
        "contract_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
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
            ["contract_id"],
            ["collective_contract.id"],
            name=op.f("fk_contract_attachment_contract_id_collective_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_attachment")),
    )
    with op.batch_alter_table("contract_attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_attachment_contract_id"), ["contract_id"], unique=False
        )

    op.create_table(
        "contract_negotiator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("post", sa.String(length=50), nullable=False),
        sa.Column("union_chair", sa.Boolean(), nullable=False),
        sa.Column("delegation", sa.String(length=200), nullable=False),
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
            ["contract_id"],
            ["collective_contract.id"],
            name=op.f("fk_contract_negotiator_contract_id_collective_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_negotiator")),
    )
    with op.batch_alter_table("contract_negotiator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_negotiator_contract_id"), ["contract_id"], unique=False
        )

    op.create_table(
        "contract_file",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["contract_attachment.id"],
            name=op.f("fk_contract_file_attachment_id_contract_attachment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_contract_file")),
    )


def downgrade() -> None:

    op.drop_table("contract_file")
    with op.batch_alter_table("contract_negotiator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_negotiator_contract_id"))

    op.drop_table("contract_negotiator")
    with op.batch_alter_table("contract_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_attachment_contract_id"))

    op.drop_table("contract_attachment")
    op.drop_table("contract_rules")
    with op.batch_alter_table("collective_contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collective_contract_previous_id"))

    op.drop_table("collective_contract")
