"""import batches and saved column mappings

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=False),
        sa.Column("log_mark", sa.Integer(), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    op.create_table(
        "import_batch_item",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batch.id"],
            name=op.f("fk_import_batch_item_batch_id_import_batch"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("batch_id", "member_id", name=op.f("pk_import_batch_item")),
    )
    op.create_index(
        "ix_import_batch_item_member", "import_batch_item", ["member_id"], unique=False
    )
    op.create_table(
        "import_profile",
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("signature", name=op.f("pk_import_profile")),
    )


def downgrade() -> None:
    op.drop_table("import_profile")
    op.drop_index("ix_import_batch_item_member", table_name="import_batch_item")
    op.drop_table("import_batch_item")
    op.drop_table("import_batch")
