"""member: search indexes kept by triggers, so a keystroke at 100,000 members reads no scan

``member_name_gram`` holds every one- and two-character piece of each name;
``member_number_fts`` (FTS5, trigram, contentless) holds each member's ID number, mobile and
card number, for digit searches of three or more digits; ``ix_member_card_lettered`` lists
the card numbers holding a non-digit. Triggers on ``member`` keep both tables right on every
INSERT, UPDATE and DELETE, whoever writes (the member dialog, an import batch and its undo,
the demo, a restored old book after this migration). Existing members are indexed here.

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

# Character positions a name is cut at: more than the 30 characters a name may have.
POSITIONS = "[" + ",".join(str(i) for i in range(1, 61)) + "]"
TRIGGERS = ("member_search_insert", "member_search_delete", "member_search_name",
            "member_search_numbers")


def _grams(row: str, *, with_id: bool = False) -> str:
    """The name pieces of ``row`` (NEW or OLD): ASCII letters lower-cased, as LIKE compares."""
    member = f", {row}.id" if with_id else ""
    return (f"SELECT DISTINCT substr(lower({row}.name), p.value, n.value){member} "
            f"FROM json_each('{POSITIONS}') AS p, json_each('[1,2]') AS n "
            f"WHERE p.value + n.value - 1 <= length({row}.name)")


def _numbers(row: str) -> str:
    return (f"coalesce({row}.id_number, '') || ' ' || coalesce({row}.phone, '') || ' ' || "
            f"coalesce({row}.card_number, '')")


def _statements() -> list[str]:
    add_grams = ("INSERT OR IGNORE INTO member_name_gram (gram, member_id) "
                 f"{_grams('NEW', with_id=True)};")
    drop_grams = (f"DELETE FROM member_name_gram WHERE member_id = OLD.id "
                  f"AND gram IN ({_grams('OLD')});")
    add_numbers = (f"INSERT INTO member_number_fts (rowid, numbers) "
                   f"VALUES (NEW.id, {_numbers('NEW')});")
    # A contentless table forgets a row only when told the values it was given.
    drop_numbers = ("INSERT INTO member_number_fts (member_number_fts, rowid, numbers) "
                    f"VALUES ('delete', OLD.id, {_numbers('OLD')});")
    return [
        "CREATE VIRTUAL TABLE member_number_fts USING fts5("
        "numbers, content='', tokenize='trigram')",
        f"CREATE TRIGGER member_search_insert AFTER INSERT ON member BEGIN "
        f"{add_grams} {add_numbers} END",
        f"CREATE TRIGGER member_search_delete AFTER DELETE ON member BEGIN "
        f"{drop_grams} {drop_numbers} END",
        f"CREATE TRIGGER member_search_name AFTER UPDATE OF id, name ON member "
        f"WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name BEGIN "
        f"{drop_grams} {add_grams} END",
        f"CREATE TRIGGER member_search_numbers AFTER UPDATE OF id, id_number, phone, "
        f"card_number ON member WHEN OLD.id IS NOT NEW.id OR OLD.id_number IS NOT "
        f"NEW.id_number OR OLD.phone IS NOT NEW.phone OR OLD.card_number IS NOT "
        f"NEW.card_number BEGIN {drop_numbers} {add_numbers} END",
    ]


def upgrade() -> None:
    op.create_table(
        "member_name_gram",
        sa.Column("gram", sa.String(length=2), nullable=False),
        sa.Column("member_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("gram", "member_id", name=op.f("pk_member_name_gram")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_member_card_lettered", "member", ["card_number"], unique=False,
                    sqlite_where=sa.text("card_number GLOB '*[^0-9]*'"))
    if op.get_context().dialect.name != "sqlite":
        return
    for statement in _statements():
        op.execute(statement)
    # Back-fill: the pieces of every name on file, sorted so the B-tree is written in
    # order, and the numbers in one pass (FTS5 batches its own writes).
    op.execute(
        "INSERT OR IGNORE INTO member_name_gram (gram, member_id) "
        "SELECT DISTINCT substr(lower(m.name), p.value, n.value), m.id "
        f"FROM member AS m, json_each('{POSITIONS}') AS p, json_each('[1,2]') AS n "
        "WHERE p.value + n.value - 1 <= length(m.name) ORDER BY 1, 2"
    )
    op.execute(f"INSERT INTO member_number_fts (rowid, numbers) "
               f"SELECT m.id, {_numbers('m')} FROM member AS m")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS member_number_fts")
    op.drop_index("ix_member_card_lettered", table_name="member")
    op.drop_table("member_name_gram")
