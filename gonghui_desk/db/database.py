"""Opening a database safely: recognise the file, refuse what is not ours or too new,
back up before upgrading, migrate to head; on a full disk, open it read-only instead.
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
from gonghui_desk.db import audit, backup_notes, disk, stamps
from gonghui_desk.db import engine as eng
from gonghui_desk.db.checkpoint import wait_for_checkpoints
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
    # Why a book that was to be written is read-only (its disk is full), in the chair's
    # words with what to do; empty when it was asked for read-only or is writable.
    read_only_reason: str = ""

    @property
    def path(self) -> Path | None:
        return eng.sqlite_path(self.url)

    @property
    def location(self) -> str:
        """What opens this book again (``--db``): its file, or its server URL in full."""
        return str(self.path) if self.path else self.url.render_as_string(hide_password=False)

    @property
    def display_name(self) -> str:
        """Where the data is, for the status bar and messages (no password)."""
        if self.path:
            return str(self.path)
        if self.url.get_backend_name() == "postgresql":
            host = self.url.host or str(self.url.query.get("host") or "本机")
            who = f"{self.url.username}@" if self.url.username else ""
            return f"服务器 {who}{host} 上的 {self.url.database}"
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.sessions) as session:
            yield session

    def close(self) -> None:
        wait_for_checkpoints(self.engine)
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

    A book on a full disk (less than ``disk.LOW_SPACE`` free, or a write on opening that
    fails for want of space) is opened read-only, with ``read_only_reason`` saying so: the
    chair can still look at it and back it up to another disk.
    """
    url = eng.database_url(location)
    path = eng.sqlite_path(url)
    full = ""  # why a book to be written is opened read-only: its disk is full
    if path is not None:
        _refuse_foreign_file(path)
        if read_only and not path.is_file():
            raise UserError(f"找不到数据库 {path}，无法以只读方式打开。")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(_cannot_create(path, exc)) from exc
        if not read_only and path.is_file() and _short_of_space(path):
            full = disk.disk_full_message(path, opening=True)
    lock, backup = None, None
    if not read_only and not full:
        try:
            engine, lock, backup = _open_for_writing(url, path, clock, recover_stale_lock)
        except SQLAlchemyDatabaseError as exc:
            if path is None or not disk.means_disk_full(exc, path):
                raise UserError(f"无法打开数据库 {path or url}：{exc.orig}") from exc
            full = _read_only_instead(path, exc)
        except OSError as exc:  # the lock file
            if path is None or not disk.means_disk_full(exc, path):
                raise
            full = _read_only_instead(path, exc)
    if read_only or full:
        engine = _open_for_reading(url, path, disk_full=bool(full))
    officer = officer or Officer()
    sessions = make_sessions(engine, clock, officer)
    database = Database(url, engine, sessions, backup, read_only=read_only or bool(full),
                        lock=lock, clock=clock, officer=officer, read_only_reason=full)
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


def _short_of_space(path: Path) -> bool:
    free = disk.free_bytes(path)
    return free is not None and free < disk.LOW_SPACE


def _cannot_create(path: Path, exc: BaseException) -> str:
    if disk.means_disk_full(exc, path):
        return (
            f"无法在 {path.parent} 新建数据库：{disk.disk_state(path)}。请删除不需要的文件或"
            f"清空回收站，腾出至少 {disk.needed_mb(None)} MB 后重试。"
        )
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"无法创建数据库所在的文件夹 {path.parent}：{why}。"


def _read_only_instead(path: Path, exc: BaseException) -> str:
    """Why a book that could not be opened for writing on a full disk is opened read-only."""
    if not path.is_file() or eng.inspect_file(path) is eng.FileState.BLANK:
        raise UserError(_cannot_create(path, exc)) from exc
    log.warning("disk full opening %s for writing, opening it read-only: %s", path, exc)
    return disk.disk_full_message(path, opening=True)


def _open_for_writing(
    url: URL, path: Path | None, clock: Clock, recover_stale_lock: bool
) -> tuple[Engine, WriterLock | None, Path | None]:
    """The writer lock, the engine, the migration and our mark: everything that writes."""
    lock = None
    if path is not None:
        lock = WriterLock(path, clock)
        lock.acquire(recover_stale=recover_stale_lock)
    engine = eng.create_engine_for(url)
    try:
        if path is None:
            _refuse_foreign_server(engine)
        backup = _migrate(engine, path, clock)
        eng.mark_as_ours(engine)
    except BaseException:
        _abandon(engine, lock)
        raise
    return engine, lock, backup


def _open_for_reading(url: URL, path: Path | None, *, disk_full: bool) -> Engine:
    """A read-only engine; on a full disk, one that needs no room for a -shm file."""
    engine = eng.create_engine_for(url, read_only=True)
    try:
        _check_read_only(engine, path, disk_full)
        return engine
    except SQLAlchemyDatabaseError as exc:
        engine.dispose()
        if path is None or not disk.means_disk_full(exc, path):
            raise UserError(f"无法打开数据库 {path or url}：{exc.orig}") from exc
        log.info("reading %s alone: no room for its shared-memory file (%s)", path, exc.orig)
    except BaseException:
        engine.dispose()
        raise
    engine = eng.create_engine_for(url, read_only=True, alone=True)
    try:
        _check_read_only(engine, path, disk_full)
    except SQLAlchemyDatabaseError as exc:
        engine.dispose()
        raise UserError(f"无法打开数据库 {path or url}：{exc.orig}") from exc
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_read_only(engine: Engine, path: Path | None, disk_full: bool = False) -> None:
    if path is None:
        _refuse_foreign_server(engine)
    if current_revision(engine) == HEAD_REVISION:
        return
    if disk_full:
        raise UserError(
            f"{disk.disk_state(path)}：数据库 {path or engine.url} 需要先升级结构才能打开，"
            "升级前要先备份，磁盘空间不够。数据没有改动。请删除不需要的文件或清空回收站，"
            f"腾出至少 {disk.needed_mb(path)} MB 后重新打开。"
        )
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


def _refuse_foreign_server(engine: Engine) -> None:
    try:
        state = eng.inspect_server(engine)
    except SQLAlchemyDatabaseError as exc:
        raise UserError(server_unreachable(engine, exc)) from exc
    if state is eng.FileState.FOREIGN:
        raise DatabaseNotOurs(
            f"服务器上的数据库 {engine.url.render_as_string(hide_password=True)} 已有其他程序的"
            "数据表，不是工会桌面的账簿。为免损坏，程序没有打开它。请向管理员要一个空数据库，"
            "或检查连接地址。"
        )


def server_unreachable(engine: Engine, exc: SQLAlchemyDatabaseError) -> str:
    """Why a server book cannot be reached, in the chair's words (no traceback)."""
    where = engine.url.render_as_string(hide_password=True)
    lines = str(exc.orig or exc).strip().splitlines()
    detail = lines[0] if lines else type(exc).__name__
    return (f"连不上数据库服务器 {where}：{detail}。请检查网络、服务器地址和账号密码，"
            "或请管理员确认服务器已经开启。")


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
            if disk.is_disk_full(exc):
                raise UserError(
                    f"升级数据库结构前需要先备份，但无法写入备份 {backup}："
                    f"{disk.disk_state(backup)}。数据库没有改动。请删除不需要的文件或清空回收站，"
                    f"腾出至少 {disk.needed_mb(path)} MB 后重试。"
                ) from exc
            raise UserError(
                f"升级数据库结构前需要先备份，但无法写入备份 {backup}：{exc}。"
                "数据库没有改动。请检查磁盘空间和文件夹权限后重试。"
            ) from exc
        log.info("backed up %s to %s before upgrading from %s", path, backup, current)
        _label_upgrade_backup(backup, current)
    migrate.upgrade(engine)
    log.info("database %s upgraded from %s to %s", path or engine.url, current, HEAD_REVISION)
    return backup


def _label_upgrade_backup(backup: Path, current: str) -> None:
    """The note that lists the copy as 升级前（结构版本 …）; the copy is what matters, so a
    note that cannot be written is only logged (the name alone marks it as before an upgrade)."""
    try:
        backup_notes.write_note(backup, reason="upgrade",
                                detail=f"结构版本 {current} → {HEAD_REVISION}")
    except OSError as exc:
        log.warning("upgrade backup %s kept without its note: %s", backup, exc)
