"""A full disk never traps the chair: the book opens read-only and says what to free, a
write rolls back with that message, and nothing half-written is left behind."""

import errno
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from gonghui_desk.db import disk
from gonghui_desk.db import engine as eng
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import AppSetting
from gonghui_desk.db.session import session_scope
from gonghui_desk.errors import UserError
from tests.full_disk import fill, small_disk  # noqa: F401  (a fixture)


def put(db, key, value):
    with session_scope(db.sessions) as session:
        session.merge(AppSetting(key=key, value=value))


def setting(db, key):
    with session_scope(db.sessions) as session:
        return session.scalar(select(AppSetting.value).where(AppSetting.key == key))


def cap_the_file_at_its_size(db):
    """Every new connection may not grow the file: writes needing a page get SQLITE_FULL."""
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()


def test_sqlite_full_and_enospc_are_recognised_through_their_wrappers(tmp_path):
    connection = sqlite3.connect(tmp_path / "tiny.sqlite3")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as real:
        connection.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    connection.close()
    assert disk.is_disk_full(real.value)
    wrapped = OperationalError("INSERT …", {}, real.value)
    assert disk.is_disk_full(wrapped)
    try:
        raise UserError("写入失败") from wrapped
    except UserError as told:
        assert disk.is_disk_full(told)
    assert disk.is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert not disk.is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not disk.is_disk_full(PermissionError(errno.EACCES, "Permission denied"))


def test_a_write_that_meets_a_full_disk_rolls_back_and_says_what_to_do(db):
    put(db, "note", "before")
    cap_the_file_at_its_size(db)
    with pytest.raises(UserError) as caught, session_scope(db.sessions) as session:
        session.merge(AppSetting(key="note", value="after"))
        session.add(AppSetting(key="big", value="字" * 200_000))
    message = caught.value.message
    assert "刚才的修改没有保存" in message and "数据没有改动" in message
    assert "请删除不需要的文件或清空回收站，腾出至少 50 MB 后再试" in message
    assert isinstance(caught.value.__cause__, OperationalError)
    assert setting(db, "note") == "before" and setting(db, "big") is None
    put(db, "note", "still writable")  # a small change fits in the pages there are
    assert setting(db, "note") == "still writable"


def test_other_database_errors_pass_through_unchanged(db):
    with pytest.raises(OperationalError, match="no such table"), session_scope(
        db.sessions
    ) as session:
        session.connection().exec_driver_sql("SELECT * FROM no_such_table")


def test_little_free_space_opens_the_book_read_only_saying_so(db_path, monkeypatch):
    first = open_database(db_path)
    put(first, "note", "kept")
    first.close()
    monkeypatch.setattr(disk, "free_bytes", lambda _path: 12 * 1024)
    database = open_database(db_path)
    try:
        assert database.read_only and database.lock is None
        reason = database.read_only_reason
        assert reason.startswith(f"磁盘 {disk.disk_name(db_path)} 已满（剩余 12 KB），")
        assert "数据库以只读方式打开：可以查看和备份到其他磁盘，不能修改" in reason
        assert "腾出至少 50 MB 后重新打开" in reason
        assert setting(database, "note") == "kept"
    finally:
        database.close()
    assert not db_path.with_name(db_path.name + ".lock").exists()


def test_a_book_asked_for_read_only_has_no_reason_to_show(db, db_path):
    viewer = open_database(db_path, read_only=True)
    assert viewer.read_only and viewer.read_only_reason == ""
    viewer.close()


def test_a_book_on_a_really_full_disk_can_be_read_checked_and_copied_elsewhere(
    small_disk, tmp_path  # noqa: F811
):
    path = small_disk / "branch.sqlite3"
    first = open_database(path)
    put(first, "note", "kept")
    first.close()
    filler = fill(small_disk)

    database = open_database(path)
    try:
        assert database.read_only
        assert "已满（剩余 0 KB）" in database.read_only_reason
        assert setting(database, "note") == "kept"
        assert eng.integrity_problems(database.engine) == []
        copy = tmp_path / "usb" / "copy.sqlite3"
        eng.backup_file(path, copy, engine=database.engine)
        assert sqlite3.connect(copy).execute(
            "SELECT value FROM app_setting WHERE key = 'note'").fetchone() == ("kept",)
        with pytest.raises(OperationalError, match="readonly"):
            put(database, "note", "changed")
    finally:
        database.close()
    assert not path.with_name(path.name + ".lock").exists()  # no empty lock left behind

    filler.unlink()
    again = open_database(path)
    try:
        assert not again.read_only and again.read_only_reason == ""
        put(again, "note", "changed")
        assert setting(again, "note") == "changed"
    finally:
        again.close()


def test_changes_still_in_the_wal_are_read_on_a_full_disk(small_disk):  # noqa: F811
    path = small_disk / "branch.sqlite3"
    open_database(path).close()
    # A program that stopped before its last changes were checkpointed: they are in the
    # WAL only, and its shared-memory file is gone.
    script = textwrap.dedent(f"""
        import os, sqlite3
        connection = sqlite3.connect({str(path)!r})
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("INSERT INTO app_setting (key, value) VALUES ('note', 'in wal')")
        connection.commit()
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True)
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    path.with_name(path.name + "-shm").unlink()
    fill(small_disk)
    database = open_database(path)
    try:
        assert database.read_only
        assert setting(database, "note") == "in wal"
    finally:
        database.close()


def test_a_new_book_on_a_full_disk_is_refused_saying_why(small_disk):  # noqa: F811
    fill(small_disk)
    path = small_disk / "new.sqlite3"
    with pytest.raises(UserError, match=r"无法在 .* 新建数据库：磁盘 .* 已满") as caught:
        open_database(path)
    assert "腾出至少 50 MB 后重试" in caught.value.message
    assert sorted(p.name for p in small_disk.iterdir() if p.name != "filler.bin") in (
        [], ["new.sqlite3"])
    assert not path.with_name(path.name + ".lock").exists()


def test_a_book_asked_for_read_only_opens_on_a_full_disk_too(small_disk):  # noqa: F811
    path = small_disk / "branch.sqlite3"
    first = open_database(path)
    put(first, "note", "kept")
    first.close()
    fill(small_disk)
    viewer = open_database(path, read_only=True)
    try:
        assert viewer.read_only and setting(viewer, "note") == "kept"
    finally:
        viewer.close()
