"""aid_payment: a payment is voided with its day, reason and officer instead of deleted

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS = (("void_reason", 200), ("voided_by", 50))


def upgrade() -> None:
    with op.batch_alter_table("aid_payment") as batch:
        batch.add_column(sa.Column("voided_on", sa.Date(), nullable=True))
        for name, length in TEXT_COLUMNS:
            batch.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
    # The server defaults only filled the payments already on file; the model supplies values.
    with op.batch_alter_table("aid_payment") as batch:
        for name, length in TEXT_COLUMNS:
            batch.alter_column(name, existing_type=sa.String(length=length), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("aid_payment") as batch:
        for name, _ in TEXT_COLUMNS:
            batch.drop_column(name)
        batch.drop_column("voided_on")
