"""首页's member figures counted straight from the book's file, before the database layer
is imported.

Importing SQLAlchemy alone takes longer than showing the window, so the window asks this
module first: with the standard library's ``sqlite3``, the file opened read-only, the same
counts as ``services.summary.members_summary`` (a test keeps them equal) are read from the
covering indexes of migration 0014 in a few milliseconds.

It answers only for a book it can vouch for: a SQLite file of ours, at the current schema
revision, that nobody else holds open for writing. Anything else (no file yet, a book to be
upgraded, another program's file, a lock file beside it, a file SQLite cannot read) gets
``None`` and the window waits for the full path, which says what is wrong. Nothing here
writes to the file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gonghui_desk.db.revision import HEAD_REVISION, VERSION_TABLE
from gonghui_desk.domain import membership as ms

log = logging.getLogger(__name__)

# The mark db.engine writes into every book's header, repeated because db.engine imports
# SQLAlchemy (a test keeps the two equal, and lock_path equal to db.lock's).
APPLICATION_ID = 0x4748444B
JOINING = (ms.JOIN, ms.TRANSFER_IN)
LEAVING = (ms.TRANSFER_OUT, ms.WITHDRAW, ms.EXPEL)
LEFT_STATUSES = (ms.TRANSFERRED_OUT, ms.WITHDRAWN, ms.EXPELLED)


@dataclass(frozen=True)
class HomeCounts:
    """The figures of 首页's member box, as ``services.summary.MembersSummary`` has them."""

    day: dt.date  # "this year" is this day's year, up to this day
    active: int
    reserved: int
    left: int
    joined_this_year: int
    left_this_year: int
    union_name: str = ""  # the 工会名称 of the branch's profile, shown above them

    @property
    def members(self) -> int:
        return self.active + self.reserved


def lock_path(book: Path) -> Path:
    """db.lock's file beside the book (repeated: db.lock costs 70 ms of imports)."""
    return book.with_name(book.name + ".lock")


def read_home_counts(book: Path, today: dt.date) -> HomeCounts | None:
    """The member figures of the book at ``book`` on ``today``, or ``None`` when this quick
    read cannot vouch for them (the window then shows them once the book is open)."""
    if not book.is_file() or lock_path(book).exists():
        return None
    try:
        connection = sqlite3.connect(f"{book.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        log.info("no quick figures for %s: %s", book, exc)
        return None
    try:
        return _counts(connection, today)
    except sqlite3.Error as exc:  # the full path opens the book and reports the damage
        log.info("no quick figures for %s: %s", book, exc)
        return None
    finally:
        connection.close()


def _counts(connection: sqlite3.Connection, today: dt.date) -> HomeCounts | None:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        return None
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
    ).fetchone()
    if found is None:
        return None
    revision = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    if revision is None or revision[0] != HEAD_REVISION:
        return None  # a book to upgrade: only the full path may touch it
    # One read transaction: the status counts and the year's events are of one moment.
    connection.execute("BEGIN")
    by_status = dict(connection.execute(
        "SELECT status, count(*) FROM member WHERE deleted_at IS NULL GROUP BY status"
    ).fetchall())
    year_start = dt.date(today.year, 1, 1).isoformat()

    def events_this_year(kinds: tuple[str, ...]) -> int:
        # As services.summary counts them: from ix_membership_event_date_kind alone, the
        # few people in the 回收站 set aside.
        marks = ", ".join("?" * len(kinds))
        (count,) = connection.execute(
            "SELECT count(*) FROM membership_event"
            " WHERE effective_date BETWEEN ? AND ?"
            f" AND kind IN ({marks})"
            " AND member_id NOT IN (SELECT id FROM member WHERE deleted_at IS NOT NULL)",
            (year_start, today.isoformat(), *kinds),
        ).fetchone()
        return int(count)

    counts = HomeCounts(
        day=today,
        active=int(by_status.get(ms.ACTIVE, 0)),
        reserved=int(by_status.get(ms.RESERVED, 0)),
        left=sum(int(by_status.get(status, 0)) for status in LEFT_STATUSES),
        joined_this_year=events_this_year(JOINING),
        left_this_year=events_this_year(LEAVING),
        union_name=_union_name(connection),
    )
    connection.execute("COMMIT")
    return counts


def _union_name(connection: sqlite3.Connection) -> str:
    row = connection.execute("SELECT union_name FROM branch_profile ORDER BY id LIMIT 1"
                             ).fetchone()
    return str(row[0] or "") if row is not None else ""
