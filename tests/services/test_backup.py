"""Backups are verified copies, rotate as configured, and restore swaps in only what is sound."""

import datetime as dt
import errno
import sqlite3

import pytest
from sqlalchemy import text

from gonghui_desk.db import engine as eng
from gonghui_desk.db.database import open_database
from gonghui_desk.errors import DatabaseNewer, DatabaseNotOurs, UserError, ValidationError
from gonghui_desk.services import backup as bk
from gonghui_desk.services.members import count_all
from tests.factories import demo_book, write

pytestmark = pytest.mark.sqlite_only("a file book's own backups")

AS_OF = dt.date(2026, 11, 21)


@pytest.fixture
def filled(db):
    demo_book(db, 120)
    return db


def test_backup_is_a_single_verified_file_with_counts(filled, tmp_path):
    info = bk.back_up(filled, tmp_path / "usb")
    assert info.path.is_file() and info.members == 120
    # one self-contained file (no -wal, no -journal) and its label's note
    assert sorted(p.name for p in info.path.parent.iterdir()) == [
        info.path.name, info.path.name + ".json"]
    facts = eng.describe_file(info.path)
    assert facts.state is eng.FileState.OURS and facts.integrity == []
    assert bk.list_backups(tmp_path / "usb")[0].counts["member"] == 120


def test_policy_is_kept_with_the_data_and_validated(filled, tmp_path):
    assert bk.load_policy(filled).folder == filled.path.parent / "backups"
    write(filled, bk.save_policy, bk.BackupPolicy(tmp_path / "usb", 3, 2))
    assert bk.load_policy(filled) == bk.BackupPolicy(tmp_path / "usb", 3, 2)
    with pytest.raises(ValidationError, match="保留每日备份"):
        write(filled, bk.save_policy, bk.BackupPolicy(tmp_path, 0, 2))


def test_rotation_keeps_newest_per_day_and_month_and_every_manual_one(filled, tmp_path):
    folder = tmp_path / "rot"
    moments = [dt.datetime(2026, 11, d, h) for d in (17, 18, 19, 20, 21) for h in (9, 17)]
    moments += [dt.datetime(2026, m, d, 12) for m, d in ((9, 30), (8, 1), (7, 1))]
    for moment in moments:
        bk.back_up(filled, folder, "exit", now=moment)
    bk.back_up(filled, folder, "manual", now=dt.datetime(2025, 1, 1, 8))
    removed = bk.rotate(folder, filled.path.stem, bk.BackupPolicy(folder, keep_daily=3,
                                                                   keep_monthly=3))
    kept = {(b.taken, b.reason) for b in bk.list_backups(folder)}
    assert kept == {
        (dt.datetime(2026, 11, 21, 17), "exit"),
        (dt.datetime(2026, 11, 20, 17), "exit"),
        (dt.datetime(2026, 11, 19, 17), "exit"),
        (dt.datetime(2026, 9, 30, 12), "exit"),
        (dt.datetime(2026, 8, 1, 12), "exit"),
        (dt.datetime(2025, 1, 1, 8), "manual"),
    }
    assert len(removed) == len(moments) - 5


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "空间不足"),
        (OSError(errno.EROFS, "Read-only file system"), "只读"),
        (PermissionError(errno.EACCES, "Permission denied"), "没有写入权限"),
        (sqlite3.OperationalError("database or disk is full"), "空间不足"),
    ],
)
def test_a_failed_backup_explains_itself_and_leaves_the_database_alone(
    filled, tmp_path, monkeypatch, error, says
):
    def fail(source, destination, **_):
        raise error

    monkeypatch.setattr(eng, "backup_file", fail)
    with pytest.raises(UserError, match=says) as caught:
        bk.back_up(filled, tmp_path / "usb")
    assert "数据库没有受到影响" in caught.value.message
    assert count_all(filled.sessions) == 120
    assert eng.integrity_problems(filled.engine) == []


def test_backup_into_a_path_that_is_a_file_is_refused_for_real(filled, tmp_path):
    blocker = tmp_path / "stick"
    blocker.write_text("not a folder")
    with pytest.raises(UserError, match="不是文件夹"):
        bk.back_up(filled, blocker)


def test_restore_round_trip_brings_back_the_old_state(filled, tmp_path):
    snapshot = bk.back_up(filled, tmp_path / "usb")
    with filled.session() as session:
        session.execute(text("DELETE FROM recuperation_application WHERE member_id > 20"))
        session.execute(text("DELETE FROM membership_event WHERE member_id > 20"))
        session.execute(text("DELETE FROM member WHERE id > 20"))
    assert count_all(filled.sessions) == 20
    result = bk.restore(filled, snapshot.path)
    assert result.before.reason == "restore" and result.before.members == 20
    assert result.restored.counts["member"] == 120
    reopened = open_database(filled.path)
    assert count_all(reopened.sessions) == 120
    assert eng.integrity_problems(reopened.engine) == []
    reopened.close()


def test_restore_refuses_a_file_that_is_not_ours(filled, tmp_path):
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseNotOurs):
        bk.restore(filled, other)
    assert count_all(filled.sessions) == 120


def test_restore_refuses_a_damaged_backup(filled, tmp_path):
    snapshot = bk.back_up(filled, tmp_path / "usb")
    data = bytearray(snapshot.path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page):  # scribble over table pages
        data[offset + 100 : offset + 400] = b"\xa5" * 300
    snapshot.path.write_bytes(bytes(data))
    with pytest.raises(UserError, match="已损坏"):
        bk.restore(filled, snapshot.path)
    assert count_all(filled.sessions) == 120


def test_restore_refuses_a_backup_from_a_newer_version(filled, tmp_path):
    snapshot = bk.back_up(filled, tmp_path / "usb")
    connection = sqlite3.connect(snapshot.path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseNewer):
        bk.restore(filled, snapshot.path)
    assert count_all(filled.sessions) == 120
