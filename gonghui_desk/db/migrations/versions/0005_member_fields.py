"""member: every field of the provincial form, pinyin search keys, 回收站

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21

Pinyin keys of members already on file are computed here, so search finds them at once.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from gonghui_desk.domain.pinyin import pinyin_keys

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS = (
    ("post", 50), ("tech_level", 30), ("hukou_type", 10), ("hukou_place", 100),
    ("work_unit", 100), ("native_place", 50), ("new_employment_form", 20),
    ("card_number", 30), ("model_worker_level", 10), ("pinyin_initials", 60),
    ("pinyin_full", 200),
)


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        for name, length in TEXT_COLUMNS:
            batch.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
        for name in ("migrant_worker", "dispatched"):
            batch.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )
        batch.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    # The server defaults only filled the existing rows; the model supplies values.
    with op.batch_alter_table("member") as batch:
        for name, length in TEXT_COLUMNS:
            batch.alter_column(
                name, existing_type=sa.String(length=length), server_default=None
            )
        for name in ("migrant_worker", "dispatched"):
            batch.alter_column(name, existing_type=sa.Boolean(), server_default=None)
        batch.drop_index("ix_member_id_number")
        batch.create_index("ix_member_id_number", ["id_number"], unique=True)
        batch.create_index(
            "ix_member_card_number", ["card_number"], unique=True,
            sqlite_where=sa.text("card_number != ''"),
            postgresql_where=sa.text("card_number != ''"),
        )
        batch.create_index("ix_member_pinyin_full", ["pinyin_full"])
        batch.create_index("ix_member_pinyin_initials", ["pinyin_initials"])
        batch.create_index("ix_member_deleted_at", ["deleted_at"])

    connection = op.get_bind()
    member = sa.table(
        "member", sa.column("id"), sa.column("name"),
        sa.column("pinyin_initials"), sa.column("pinyin_full"),
    )
    rows = connection.execute(sa.select(member.c.id, member.c.name)).all()
    updates = []
    for member_id, name in rows:
        keys = pinyin_keys(name)
        updates.append({"b_id": member_id, "initials": keys.initials, "full": keys.full})
    if updates:
        connection.execute(
            member.update()
            .where(member.c.id == sa.bindparam("b_id"))
            .values(pinyin_initials=sa.bindparam("initials"), pinyin_full=sa.bindparam("full")),
            updates,
        )


def downgrade() -> None:
    with op.batch_alter_table("member") as batch:
        for name in ("ix_member_deleted_at", "ix_member_pinyin_initials", "ix_member_pinyin_full",
                     "ix_member_card_number", "ix_member_id_number"):
            batch.drop_index(name)
        batch.create_index("ix_member_id_number", ["id_number"])
        for name, _ in TEXT_COLUMNS:
            batch.drop_column(name)
        for name in ("migrant_worker", "dispatched", "deleted_at"):
            batch.drop_column(name)
