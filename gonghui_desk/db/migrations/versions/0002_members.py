"""members and membership history

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("ethnicity", sa.String(length=20), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=False),
        sa.Column("id_number", sa.String(length=30), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=50), nullable=False),
        sa.Column("employment_status", sa.String(length=20), nullable=False),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("political_status", sa.String(length=20), nullable=False),
        sa.Column("join_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        *_timestamps(),
        sa.CheckConstraint("gender IN ('男', '女')", name=op.f("ck_member_gender")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member") as batch:
        batch.create_index("ix_member_status_name", ["status", "name"])
        batch.create_index(batch.f("ix_member_name"), ["name"])
        batch.create_index(batch.f("ix_member_id_number"), ["id_number"])
        batch.create_index(batch.f("ix_member_phone"), ["phone"])
        batch.create_index(batch.f("ix_member_department"), ["department"])

    op.create_table(
        "membership_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=50), nullable=False),
        sa.Column("counterpart_union", sa.String(length=100), nullable=False),
        sa.Column("handled_by", sa.String(length=50), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"],
            name=op.f("fk_membership_event_member_id_member"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_event")),
    )
    with op.batch_alter_table("membership_event") as batch:
        batch.create_index(
            "ix_membership_event_member_date", ["member_id", "effective_date"]
        )


def downgrade() -> None:
    op.drop_table("membership_event")
    op.drop_table("member")
