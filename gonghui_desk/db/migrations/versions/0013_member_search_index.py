"""member: a search index kept by triggers, so a keystroke at 100,000 members reads no scan

``member_search_fts`` (FTS5, trigram tokenizer, contentless) holds for each member its name,
each character followed by two spaces (so that one or two characters make a trigram too:
"王" is searched as "王␣␣"), and its ID number, mobile and card number. ``ix_member_card_lettered``
lists the card numbers holding a non-digit. Triggers on ``member`` keep the index right on
every INSERT, UPDATE and DELETE, whoever writes: the member dialog, an import batch and its
undo, the 回收站's purge, the demo, and a restored old book once it is brought up to date
here. Existing members are indexed by this migration.

SQLite only; a PostgreSQL book would serve the same searches with pg_trgm GIN indexes on
the columns themselves (services.member_search).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The characters of a name that are indexed: the column holds 50 (the rules allow 30).
NAME_LENGTH = 50
TRIGGERS = ("member_search_insert", "member_search_delete", "member_search_update")


def _spaced_name(row: str) -> str:
    """``row``'s name with two spaces after each character, in SQL (triggers can hold no
    recursive query, so the 50 characters are written out)."""
    pieces = " || ".join(f"substr({row}.name, {i}, 1) || '  '" for i in range(1, NAME_LENGTH + 1))
    return f"rtrim({pieces}) || '  '"


def _numbers(row: str) -> str:
    return (f"coalesce({row}.id_number, '') || ' ' || coalesce({row}.phone, '') || ' ' || "
            f"coalesce({row}.card_number, '')")


def _statements() -> list[str]:
    add = (f"INSERT INTO member_search_fts (rowid, name, numbers) "
           f"VALUES (NEW.id, {_spaced_name('NEW')}, {_numbers('NEW')});")
    # A contentless table forgets a row only when told the values it was given.
    drop = ("INSERT INTO member_search_fts (member_search_fts, rowid, name, numbers) "
            f"VALUES ('delete', OLD.id, {_spaced_name('OLD')}, {_numbers('OLD')});")
    return [
        "CREATE VIRTUAL TABLE member_search_fts USING fts5("
        "name, numbers, content='', tokenize='trigram')",
        f"CREATE TRIGGER member_search_insert AFTER INSERT ON member BEGIN {add} END",
        f"CREATE TRIGGER member_search_delete AFTER DELETE ON member BEGIN {drop} END",
        # Only the columns indexed: a change of status or a move to the 回收站 costs nothing.
        "CREATE TRIGGER member_search_update AFTER UPDATE OF id, name, id_number, phone, "
        "card_number ON member WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR "
        "OLD.id_number IS NOT NEW.id_number OR OLD.phone IS NOT NEW.phone OR "
        f"OLD.card_number IS NOT NEW.card_number BEGIN {drop} {add} END",
    ]


def upgrade() -> None:
    op.create_index("ix_member_card_lettered", "member", ["card_number"], unique=False,
                    sqlite_where=sa.text("card_number GLOB '*[^0-9]*'"),
                    postgresql_where=sa.text("card_number ~ '[^0-9]'"))
    if op.get_context().dialect.name != "sqlite":
        return
    for statement in _statements():
        op.execute(statement)
    op.execute(f"INSERT INTO member_search_fts (rowid, name, numbers) "
               f"SELECT m.id, {_spaced_name('m')}, {_numbers('m')} FROM member AS m")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS member_search_fts")
    op.drop_index("ix_member_card_lettered", table_name="member")
