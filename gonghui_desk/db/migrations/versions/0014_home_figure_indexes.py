"""member, membership_event: indexes that count 首页's figures without reading the members

The members by status (not in the 回收站) are counted from (deleted_at, status) alone, and
this year's joins and leaves from (effective_date, kind, member_id) alone: at 100,000
members the window shows its figures in a few milliseconds instead of reading every row.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_member_deleted_status", "member", ["deleted_at", "status"])
    op.create_index("ix_membership_event_date_kind", "membership_event",
                    ["effective_date", "kind", "member_id"])


def downgrade() -> None:
    op.drop_index("ix_membership_event_date_kind", table_name="membership_event")
    op.drop_index("ix_member_deleted_status", table_name="member")
