"""Writes as operations: one path for every change to a book.

An operation is a function of a transaction context, ``op(tx) -> value``: it checks with the
domain rules, writes through ``tx.session`` and returns what the caller needs. ``Tx`` carries
the session of the one transaction, the book's clock, the officer and a progress sink.
Reads are plain queries and do not come here.

One ``Runner`` per open book executes operations, and decides once, for all of them:
- refuse the write when the book is read-only (a full disk, another PC writing, ``--read-only``);
- the order "check, back up, write" for an operation that asks for a safety copy first;
- one transaction, committed when the operation returns and rolled back on any error,
  a cancel included; a full disk met on the way rolls back with a Chinese message;
- what changed: the history entries the transaction wrote become ``Changes`` (table, record
  id, kind), handed to every listener after the commit, so a list refreshes those rows only;
- where it runs: inline by default (the CLI, tests); the GUI gives it an executor that runs
  every operation on one writer thread behind a progress dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy.orm import Session

from gonghui_desk.clock import Clock
from gonghui_desk.db.changes import CHANGES_KEY, Change
from gonghui_desk.db.officer import Officer
from gonghui_desk.db.session import session_scope
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress

if TYPE_CHECKING:
    import datetime as dt

    from gonghui_desk.db.database import Database
    from gonghui_desk.services.backup import BackupInfo

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReadOnlyBook(UserError):
    """A write was asked of a book opened read-only; nothing was written."""


class Cancelled(UserError):
    """The user stopped the operation; its transaction was rolled back. A ``UserError``, so
    that a screen which does not expect a cancel still says so plainly."""

    def __init__(self, message: str = "已取消，没有写入任何内容。") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Changes:
    """What one operation changed, read from the history it wrote."""

    entries: frozenset[Change] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.entries

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(c.table for c in self.entries)

    def touches(self, *tables: str) -> bool:
        return any(c.table in tables for c in self.entries)

    def ids(self, table: str, *kinds: str) -> frozenset[int]:
        """The integer ids of ``table``'s records changed (of the given kinds, or any)."""
        found = set()
        for c in self.entries:
            if c.table == table and (not kinds or c.kind in kinds) and c.record_id.isdigit():
                found.add(int(c.record_id))
        return frozenset(found)

    def fields(self, table: str) -> frozenset[str]:
        """Every column changed in ``table`` (by updates; creates and deletes list all)."""
        return frozenset().union(*(c.fields for c in self.entries if c.table == table))

    def kinds(self, table: str) -> frozenset[str]:
        return frozenset(c.kind for c in self.entries if c.table == table)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entries | other.entries)


@dataclass
class Tx:
    """The context an operation writes in."""

    session: Session
    clock: Clock
    officer: Officer
    report: Callable[[Progress], None] = field(default=lambda _p: None)

    @property
    def today(self) -> dt.date:
        return self.clock.today()

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Say how far the work is; raises ``Cancelled`` when the user has stopped it."""
        self.report(Progress(done, total, message))

    def follow(self, steps: Iterable[Progress]) -> None:
        """Run a generator of progress steps to its end, passing each step on."""
        for step in steps:
            self.report(step)


@dataclass(frozen=True)
class SafetyCopy:
    """'Back up first': the backup's reason (services.backup.REASONS) and its detail."""

    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Op(Generic[T]):
    """An operation: ``title`` names it for the chair (进度、拒绝的提示), ``write`` does it.

    ``check`` runs first in a read transaction and raises ``UserError`` when the operation
    cannot be done, so that a refused operation never costs a backup. ``safety_copy``
    asks for a backup after the check and before the write.
    """

    title: str
    write: Callable[[Tx], T]
    check: Callable[[Session], None] | None = None
    safety_copy: SafetyCopy | None = None


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
    backup: BackupInfo | None = None


# An executor runs ``work(report)`` to its end and returns its value: inline here, on the
# writer thread with a progress dialog in the GUI (ui.tasks). ``report`` raises Cancelled.
Work = Callable[[Callable[[Progress], None]], Any]
Executor = Callable[[str, Work], Any]
Listener = Callable[[Changes], None]


def run_inline(_title: str, work: Work) -> Any:
    return work(lambda _step: None)


class Runner:
    """Runs every write of one open book (see the module docstring)."""

    def __init__(self, db: Database, executor: Executor = run_inline) -> None:
        self.db = db
        self.executor = executor
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changes)`` after every committed operation; returns unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def take_listeners(self, other: Runner) -> None:
        """Listeners of a runner of the same window whose book was opened again."""
        self._listeners.extend(other._listeners)

    def refuse_if_read_only(self, title: str) -> None:
        if self.db.read_only and self.db.read_only_reason:  # whole sentences: what to free
            raise ReadOnlyBook(f"不能{title}，数据没有改动。{self.db.read_only_reason}")
        if self.db.read_only:
            raise ReadOnlyBook(f"数据库以只读方式打开，不能{title}。数据没有改动。")

    def run(self, op: Op[T]) -> Outcome[T]:
        self.refuse_if_read_only(op.title)
        if op.check is not None:
            with session_scope(self.db.sessions) as session:
                op.check(session)
        backup = self._safety_copy(op.safety_copy) if op.safety_copy else None

        def work(report: Callable[[Progress], None]) -> tuple[T, Changes]:
            with session_scope(self.db.sessions) as session:
                session.info[CHANGES_KEY] = []
                tx = Tx(session, self.db.clock, self.db.officer, report)
                value = op.write(tx)
                session.flush()
                changes = Changes(frozenset(session.info[CHANGES_KEY]))
            return value, changes

        value, changes = self.executor(op.title, work)
        if not changes.empty:
            self.db.changed = True
            self.announce(changes)
        return Outcome(value, changes, backup)

    def announce(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def _safety_copy(self, copy: SafetyCopy) -> BackupInfo | None:
        if self.db.path is None:
            return None  # a server book is backed up by its server
        from gonghui_desk.services.backup import back_up_and_rotate

        return back_up_and_rotate(self.db, copy.reason, detail=copy.detail)


def run_once(db: Database, title: str, write: Callable[[Tx], T]) -> T:
    """Run one operation inline on ``db`` with no listeners (a script, a test)."""
    return Runner(db).run(Op(title, write)).value
