"""One writer at a time: a lock file beside the database.

``branch.sqlite3.lock`` names the host, user, process id and time of whoever has the
database open for writing, so a second copy of the app — on this PC, or on another PC
opening the same file on a shared folder — can say who has it. SQLite's own locks are not
enough there: network file systems often get them wrong, and they say nothing of who.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from gonghui_desk.clock import Clock
from gonghui_desk.errors import DatabaseRefused


@dataclass(frozen=True)
class LockOwner:
    host: str
    user: str
    pid: int
    since: str  # ISO time, local

    @classmethod
    def me(cls, since: dt.datetime) -> LockOwner:
        return cls(
            host=socket.gethostname(),
            user=_user_name(),
            pid=os.getpid(),
            since=since.isoformat(timespec="seconds"),
        )

    def describe(self) -> str:
        since = self.since.replace("T", " ")
        return f"{self.host} 上的用户 {self.user}（进程 {self.pid}，自 {since} 起）"


class DatabaseLocked(DatabaseRefused):
    """Someone else has the database open for writing (CLI exit code 4)."""

    def __init__(self, path: Path, owner: LockOwner | None, stale: bool = False) -> None:
        self.path = path
        self.owner = owner
        self.stale = stale
        who = owner.describe() if owner else "另一个程序"
        if stale:
            message = (
                f"数据库 {path} 留有锁定文件，锁定它的 {who} 已不在运行（上次可能没有正常退出）。"
                "确认没有别人在使用后，可以解除锁定再打开。"
            )
        else:
            message = (
                f"数据库 {path} 正在被 {who} 使用。同一时间只能有一处修改数据；"
                "可以以只读方式打开查看，或等对方关闭程序后再打开。"
            )
        super().__init__(message)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return "未知用户"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def read_owner(path: Path) -> LockOwner | None:
    """The owner written in a lock file; ``None`` when it cannot be read (being written)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockOwner(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to someone else
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


class WriterLock:
    """Held while a database is open for writing; ``release`` removes it."""

    def __init__(self, database: Path, clock: Clock) -> None:
        self.database = database
        self.clock = clock
        self.path = lock_path(database)
        self.owner: LockOwner | None = None

    def acquire(self, *, recover_stale: bool = False) -> None:
        """Take the lock or raise ``DatabaseLocked`` (``stale=True`` when its owner on this
        host is gone; ``recover_stale`` then removes it and takes over)."""
        me = LockOwner.me(self.clock.now())
        for _ in range(2):
            try:
                descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_owner(self.path)
                stale = holder is not None and holder.host == me.host and not pid_alive(
                    holder.pid
                )
                if stale and recover_stale:
                    self.path.unlink(missing_ok=True)
                    continue
                raise DatabaseLocked(self.database, holder, stale) from None
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    json.dump(asdict(me), handle, ensure_ascii=False)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError:
                # A full disk creates the file but cannot fill it: an empty lock left behind
                # would read as "someone else" at every later start.
                self.path.unlink(missing_ok=True)
                raise
            self.owner = me
            return
        raise DatabaseLocked(self.database, read_owner(self.path))

    def release(self) -> None:
        if self.owner is None:
            return
        if read_owner(self.path) == self.owner:
            self.path.unlink(missing_ok=True)
        self.owner = None
