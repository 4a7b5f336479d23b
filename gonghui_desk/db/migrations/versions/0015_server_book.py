"""book_mark, version columns: what a server book needs beside a file

``book_mark`` holds one row that says the database is ours (a SQLite file also says so in
its header's application_id; a server database has no header). ``version`` on the records
officers edit in dialogs counts their saves, so that of two officers who opened one record,
the second save is refused instead of silently undoing the first.

On PostgreSQL, the search box's indexes (a SQLite book has its FTS5 table, 0013): pg_trgm's
GIN trigram indexes serve ``LIKE '%…%'`` on names and numbers, and ``text_pattern_ops``
b-trees serve the pinyin prefixes (``LIKE 'zx%'``) whatever the database's collation.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPLICATION_ID = 0x4748444B  # "GHDK", as db.engine writes into a SQLite header
VERSIONED = ("member", "hardship_file", "recuperation_application", "collective_contract")
TRIGRAM_COLUMNS = ("name", "id_number", "phone", "card_number")
PREFIX_COLUMNS = ("pinyin_initials", "pinyin_full")


def upgrade() -> None:
    op.create_table(
        "book_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), server_default=sa.func.current_timestamp(),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_book_mark")),
    )
    op.execute(f"INSERT INTO book_mark (id, application_id) VALUES (1, {APPLICATION_ID})")
    # Plain ALTER TABLE on SQLite too (never a batch copy of the table: dropping the old
    # member table would delete its members' events through their ON DELETE CASCADE).
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1",
                                       nullable=False))
    if op.get_context().dialect.name == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may add it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in TRIGRAM_COLUMNS:
            op.execute(f"CREATE INDEX ix_member_{column}_trgm ON member "
                       f"USING gin ({column} gin_trgm_ops)")
        for column in PREFIX_COLUMNS:
            op.execute(f"CREATE INDEX ix_member_{column}_prefix ON member "
                       f"({column} text_pattern_ops)")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for column in TRIGRAM_COLUMNS:
            op.execute(f"DROP INDEX ix_member_{column}_trgm")
        for column in PREFIX_COLUMNS:
            op.execute(f"DROP INDEX ix_member_{column}_prefix")
    for table in reversed(VERSIONED):
        op.drop_column(table, "version")  # SQLite 3.35 and later drop a column in place
    op.drop_table("book_mark")
