"""Opening a database safely: recognise the file, refuse what is not ours or too new,
back up before upgrading, migrate to head.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import ORMExecuteState, Session

from gonghui_desk.clock import SYSTEM_CLOCK, Clock
from gonghui_desk.db import audit, stamps
from gonghui_desk.db import engine as eng
from gonghui_desk.db.lock import WriterLock
from gonghui_desk.db.officer import Officer
from gonghui_desk.db.revision import HEAD_REVISION, current_revision
from gonghui_desk.db.session import SessionFactory, make_sessions, session_scope
from gonghui_desk.errors import DatabaseNewer, DatabaseNotOurs, UserError

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open database: where it is, its engine and its session factory."""

    url: URL
    engine: Engine
    sessions: SessionFactory
    upgrade_backup: Path | None = None  # the copy taken before a migration, if any
    changed: bool = False  # something was written since opening (for the backup on exit)
    read_only: bool = False
    lock: WriterLock | None = None
    clock: Clock = SYSTEM_CLOCK  # what "today" and "now" are for everything using this book
    officer: Officer = field(default_factory=Officer)  # who is working, for the history

    @property
    def path(self) -> Path | None:
        return eng.sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        """Where the data is, for the status bar and messages (no password)."""
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.sessions) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def upgrade_backup_path(db_path: Path, now: dt.datetime) -> Path:
    """In the default backup folder, named like every other backup (services.backup)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return db_path.parent / "backups" / f"{db_path.stem}-{stamp}-upgrade.sqlite3"


def open_database(
    location: str | Path, *, read_only: bool = False, recover_stale_lock: bool = False,
    clock: Clock = SYSTEM_CLOCK, officer: Officer | None = None,
) -> Database:
    """Open (creating when missing) and migrate the database at ``location``.

    Raises ``DatabaseNotOurs``, ``DatabaseNewer`` or ``DatabaseLocked`` (CLI exit code 4)
    without writing anything to a file it refuses. ``read_only`` opens without the writer
    lock and without migrating; ``recover_stale_lock`` takes over a lock whose process on
    this host is gone. ``clock`` is the program's clock (the composition root's), which the
    book's sessions carry for the times they stamp; ``officer`` the person working (whose
    name can be chosen later: ``database.officer.name = …``).
    """
    url = eng.database_url(location)
    path = eng.sqlite_path(url)
    lock = None
    if path is not None:
        _refuse_foreign_file(path)
        if read_only and not path.is_file():
            raise UserError(f"找不到数据库 {path}，无法以只读方式打开。")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"无法创建数据库所在的文件夹 {path.parent}：{exc.strerror}。") from exc
        if not read_only:
            lock = WriterLock(path, clock)
            lock.acquire(recover_stale=recover_stale_lock)
    engine = eng.create_engine_for(url, read_only=read_only)
    try:
        backup = None
        if read_only:
            _check_read_only(engine, path)
        else:
            backup = _migrate(engine, path, clock)
            eng.mark_as_ours(engine)
    except SQLAlchemyDatabaseError as exc:
        _abandon(engine, lock)
        raise UserError(f"无法打开数据库 {path or url}：{exc.orig}") from exc
    except BaseException:
        _abandon(engine, lock)
        raise
    officer = officer or Officer()
    sessions = make_sessions(engine, clock, officer)
    database = Database(url, engine, sessions, backup, read_only=read_only, lock=lock,
                        clock=clock, officer=officer)
    audit.install(sessions)
    stamps.install(sessions)
    _track_changes(database)
    return database


def _track_changes(database: Database) -> None:
    """Set ``database.changed`` on any ORM flush or INSERT/UPDATE/DELETE statement."""

    def flushed(*_: object) -> None:
        database.changed = True

    def executed(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            database.changed = True

    event.listen(database.sessions, "after_flush", flushed)
    event.listen(database.sessions, "do_orm_execute", executed)


def _abandon(engine: Engine, lock: WriterLock | None) -> None:
    engine.dispose()
    if lock is not None:
        lock.release()


def _check_read_only(engine: Engine, path: Path | None) -> None:
    if current_revision(engine) != HEAD_REVISION:
        raise UserError(
            f"数据库 {path or engine.url} 需要先升级结构才能打开，只读方式不能升级。"
            "请在没有别人使用时正常打开一次。"
        )


def _refuse_foreign_file(path: Path) -> None:
    state = eng.inspect_file(path)
    if state in (eng.FileState.FOREIGN, eng.FileState.NOT_SQLITE):
        what = "其他程序的数据库" if state is eng.FileState.FOREIGN else "不是数据库文件"
        raise DatabaseNotOurs(
            f"文件 {path} {what}，不是工会桌面的数据库。为免损坏，程序没有打开它。"
            "请检查路径，或选择其他文件。"
        )


def _migrate(engine: Engine, path: Path | None, clock: Clock) -> Path | None:
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    from gonghui_desk.db import migrate  # only when there is something to do

    if current is not None and not migrate.is_known(current):
        raise DatabaseNewer(
            f"数据库 {path or engine.url} 由更新版本的工会桌面写入（结构版本 {current}），"
            "本版本无法安全打开。请升级工会桌面后再打开，数据没有被改动。"
        )
    backup = None
    if current is not None and path is not None:
        backup = upgrade_backup_path(path, clock.now())
        try:
            eng.backup_file(path, backup)
        except (OSError, sqlite3.Error) as exc:
            raise UserError(
                f"升级数据库结构前需要先备份，但无法写入备份 {backup}：{exc}。"
                "数据库没有改动。请检查磁盘空间和文件夹权限后重试。"
            ) from exc
        log.info("backed up %s to %s before upgrading from %s", path, backup, current)
    migrate.upgrade(engine)
    log.info("database %s upgraded from %s to %s", path or engine.url, current, HEAD_REVISION)
    return backup
