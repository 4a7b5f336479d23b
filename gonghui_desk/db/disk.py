"""A full disk: recognising it in an error, and telling the chair what to do about it.

SQLite reports a full disk as SQLITE_FULL ("database or disk is full") when a page cannot
be appended, but as an I/O error (SQLITE_IOERR_SHMSIZE and kin) when it cannot even grow
its shared-memory file on opening; the file system says ENOSPC. ``is_disk_full`` knows the
first kind for certain; ``means_disk_full`` also counts an I/O error when the disk is in
fact (nearly) out of space, which is what such an error then is.
"""

from __future__ import annotations

import errno
import math
import os
import shutil
import sqlite3
from pathlib import Path

SQLITE_FULL = 13
SQLITE_IOERR = 10
_FULL_TEXT = "database or disk is full"
_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_FULL_WINERRORS = frozenset({39, 112})  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
# Below this much free space a book is opened read-only: a change needs room for its WAL
# pages and the backup on exit for a whole copy, and with less than a megabyte the first
# save would fail anyway.
LOW_SPACE = 1024 * 1024
_MB = 1024 * 1024


def _chain(exc: BaseException) -> list[BaseException]:
    """The error, what it wraps (SQLAlchemy's ``orig``) and its causes, each once."""
    found: list[BaseException] = []
    stack: list[object] = [exc]
    while stack:
        current = stack.pop()
        if not isinstance(current, BaseException) or any(current is f for f in found):
            continue
        found.append(current)
        stack += [getattr(current, "orig", None), current.__cause__, current.__context__]
    return found


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    return code & 0xFF if isinstance(code, int) else None  # the primary code of an extended one


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it wraps or was caused by) says the disk is full."""
    for error in _chain(exc):
        if _sqlite_code(error) == SQLITE_FULL:
            return True
        if isinstance(error, OSError) and (
            error.errno in _FULL_ERRNOS or getattr(error, "winerror", None) in _FULL_WINERRORS
        ):
            return True
        if _FULL_TEXT in str(error).lower():
            return True
    return False


def means_disk_full(exc: BaseException, path: Path | None) -> bool:
    """``is_disk_full``, or an SQLite I/O error while the disk holding ``path`` is full."""
    if is_disk_full(exc):
        return True
    if path is None or not any(_sqlite_code(e) == SQLITE_IOERR for e in _chain(exc)):
        return False
    free = free_bytes(path)
    return free is not None and free < LOW_SPACE


def _existing(path: Path) -> Path | None:
    """``path`` or its nearest folder that exists (a book may not be created yet)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return None


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding ``path``; ``None`` when it cannot be asked."""
    where = _existing(path)
    if where is None:
        return None
    try:
        return shutil.disk_usage(where).free
    except OSError:
        return None


def disk_name(path: Path) -> str:
    """The disk as the chair knows it: the drive ("D:") on Windows, the mount point elsewhere."""
    where = _existing(path) or path
    if os.name == "nt":
        return where.anchor.rstrip("\\/") or str(where)
    current = where.resolve()
    while not os.path.ismount(current) and current != current.parent:
        current = current.parent
    return str(current)


def _amount(size: int) -> str:
    return f"{size // 1024} KB" if size < _MB else f"{size / _MB:.1f} MB"


def needed_mb(path: Path | None) -> int:
    """Room to ask for: twice the book (its WAL and the backup on exit), at least 50 MB."""
    size = 0
    if path is not None:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
    return max(50, 10 * math.ceil(2 * size / _MB / 10))


def disk_state(path: Path | None) -> str:
    """"磁盘 D: 已满（剩余 12 KB）": which disk, and how full, as far as can be told."""
    if path is None:
        return "数据库所在的磁盘已满"
    free = free_bytes(path)
    if free is not None and free >= 10 * _MB:  # full a moment ago, or a quota: no figure
        return f"磁盘 {disk_name(path)} 空间不足"
    left = f"（剩余 {_amount(free)}）" if free is not None else ""
    return f"磁盘 {disk_name(path)} 已满{left}"


def disk_full_message(path: Path | None, *, opening: bool = False) -> str:
    """What to tell the chair when the disk holding the book ``path`` is full.

    The default is for a change that was rolled back; ``opening`` for a book that was
    opened read-only because of it.
    """
    free_up = f"请删除不需要的文件或清空回收站，腾出至少 {needed_mb(path)} MB 后"
    if opening:
        return (
            f"{disk_state(path)}，数据库以只读方式打开：可以查看和备份到其他磁盘，不能修改。"
            f"{free_up}重新打开。"
        )
    return f"{disk_state(path)}，刚才的修改没有保存，数据没有改动。{free_up}再试。"
