"""Safety copies (before an import, an undo, a restore, an upgrade) are kept for days and
say what they came before; a full disk makes a backup or a change fail cleanly."""

import datetime as dt
import json

import pytest
from sqlalchemy import event, select, text

from gonghui_desk.clock import Clock
from gonghui_desk.db import backup_notes, disk, migrate
from gonghui_desk.db import engine as eng
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import AppSetting
from gonghui_desk.db.session import session_scope
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import backup as bk
from gonghui_desk.services.operations import ReadOnlyBook, run_once
from tests.factories import write
from tests.full_disk import fill, small_disk  # noqa: F401  (a fixture)

pytestmark = pytest.mark.sqlite_only("a full disk under a SQLite file")

FIRST = dt.date(2026, 11, 1)


def day(n):
    return FIRST + dt.timedelta(days=n)


def put(db, key, value):
    with session_scope(db.sessions) as session:
        session.merge(AppSetting(key=key, value=value))


def folder_of(db_path):
    return db_path.parent / "backups"


def labels(db_path):
    return sorted(b.label for b in bk.list_backups(folder_of(db_path)))


def a_day_of_work(db_path, n, *safety):
    """Open the book on day ``n``, change something, take the safety copies, quit."""
    db = open_database(db_path, clock=Clock(day(n)))
    try:
        put(db, "note", f"day {n}")
        for reason, detail in safety:
            bk.back_up_and_rotate(db, reason, detail=detail)
        bk.back_up_and_rotate(db, "exit")
    finally:
        db.close()


def test_an_import_its_undo_and_the_exit_of_one_day_are_all_kept_and_labelled(db_path):
    a_day_of_work(db_path, 0, ("import", "会员.xlsx，第 3 批"), ("undo", "第 3 批"))
    assert labels(db_path) == [
        "导入前（会员.xlsx，第 3 批）", "撤销导入前（第 3 批）", "退出时自动备份"]
    imported = next(b for b in bk.list_backups(folder_of(db_path)) if b.reason == "import")
    assert imported.is_safety_copy and imported.taken.date() == FIRST
    # the backup before the import holds the book as it was then
    assert eng.describe_file(imported.path).integrity == []


def test_the_exit_backups_of_31_days_push_out_only_safety_copies_older_than_30_days(db_path):
    a_day_of_work(db_path, 0, ("import", "一月.xlsx，第 1 批"))
    a_day_of_work(db_path, 1, ("undo", "第 1 批"))
    a_day_of_work(db_path, 5, ("import", "二月.xlsx，第 2 批"))
    for n in range(6, 31):
        a_day_of_work(db_path, n)
    kept = {b.label for b in bk.list_backups(folder_of(db_path)) if b.is_safety_copy}
    assert kept == {
        "导入前（一月.xlsx，第 1 批）", "撤销导入前（第 1 批）", "导入前（二月.xlsx，第 2 批）"}

    a_day_of_work(db_path, 31)  # 31 days after the first import, 30 after its undo
    backups = bk.list_backups(folder_of(db_path))
    kept = {b.label for b in backups if b.is_safety_copy}
    assert kept == {"撤销导入前（第 1 批）", "导入前（二月.xlsx，第 2 批）"}
    a_day_of_work(db_path, 32)
    kept = {b.label for b in bk.list_backups(folder_of(db_path)) if b.is_safety_copy}
    assert kept == {"导入前（二月.xlsx，第 2 批）"}
    # the daily rotation went on as before, and took the notes with the copies
    exits = [b for b in bk.list_backups(folder_of(db_path)) if b.reason == "exit"]
    assert len({b.taken.date() for b in exits if b.taken.date() > day(25)}) == 7
    notes = {p.name.removesuffix(".json") for p in folder_of(db_path).glob("*.json")}
    assert notes == {p.name for p in folder_of(db_path).glob("*.sqlite3")}


def test_the_safety_days_setting_keeps_them_longer_and_is_validated(db_path):
    db = open_database(db_path, clock=Clock(FIRST))
    policy = bk.load_policy(db)
    assert policy.keep_safety_days == 30
    write(db, bk.save_policy, bk.BackupPolicy(policy.folder, keep_safety_days=60))
    assert bk.load_policy(db).keep_safety_days == 60
    with pytest.raises(ValidationError) as caught:
        write(db, bk.save_policy, bk.BackupPolicy(policy.folder, keep_safety_days=0))
    assert "操作前备份保留天数：应在 1 到 3650 天之间" in caught.value.message
    db.close()
    a_day_of_work(db_path, 0, ("import", "会员.xlsx，第 1 批"))
    for n in range(1, 45):
        a_day_of_work(db_path, n)
    assert "导入前（会员.xlsx，第 1 批）" in labels(db_path)


def test_a_restore_and_an_upgrade_take_safety_copies_that_say_so(db_path, tmp_path):
    old = eng.create_engine_for(eng.database_url(db_path))
    migrate.upgrade(old, "0001")
    eng.mark_as_ours(old)
    old.dispose()
    db = open_database(db_path, clock=Clock(FIRST))
    assert db.upgrade_backup is not None
    snapshot = bk.back_up(db, tmp_path / "usb")
    bk.restore(db, snapshot.path)
    by_reason = {b.reason: b for b in bk.list_backups(folder_of(db_path))}
    head = migrate.head_revision()
    assert by_reason["upgrade"].label == f"升级前（结构版本 0001 → {head}）"
    assert by_reason["restore"].label == f"恢复前（将用 {snapshot.path.name} 恢复）"
    assert all(b.is_safety_copy for b in by_reason.values())
    # the upgrade copy is not the day's backup: the exits of the next days leave it alone
    for n in range(1, 10):
        a_day_of_work(db_path, n)
    assert {"upgrade", "restore"} <= {b.reason for b in bk.list_backups(folder_of(db_path))}


def test_a_missing_or_garbled_note_costs_only_the_detail(db_path):
    a_day_of_work(db_path, 0, ("import", "会员.xlsx，第 3 批"), ("undo", "第 3 批"))
    by_reason = {b.reason: b for b in bk.list_backups(folder_of(db_path))}
    backup_notes.note_path(by_reason["import"].path).write_text("{不是 JSON", encoding="utf-8")
    backup_notes.note_path(by_reason["undo"].path).unlink()
    assert labels(db_path) == ["导入前", "撤销导入前", "退出时自动备份"]


def test_the_note_is_json_beside_the_copy_with_who_took_it(db_path):
    db = open_database(db_path, clock=Clock(FIRST))
    db.officer.name = "李主席"
    info = bk.back_up_and_rotate(db, "import", detail="会员.xlsx，第 3 批")
    db.close()
    note = json.loads(backup_notes.note_path(info.path).read_text(encoding="utf-8"))
    assert note["reason"] == "import" and note["detail"] == "会员.xlsx，第 3 批"
    assert note["officer"] == "李主席"
    assert not list(info.path.parent.glob("*.partial"))
    (listed,) = bk.list_backups(folder_of(db_path))
    assert listed.officer == "李主席"


def test_two_imports_in_one_second_keep_both_copies(db_path):
    db = open_database(db_path, clock=Clock(FIRST))
    moment = dt.datetime.combine(FIRST, dt.time(9, 30))
    first = bk.back_up(db, folder_of(db_path), "import", now=moment, detail="第 1 批")
    second = bk.back_up(db, folder_of(db_path), "import", now=moment, detail="第 2 批")
    db.close()
    assert first.path != second.path and first.path.is_file()
    assert labels(db_path) == ["导入前（第 1 批）", "导入前（第 2 批）"]


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing(db, small_disk):  # noqa: F811
    fill(small_disk)
    with pytest.raises(UserError) as caught:
        bk.back_up_and_rotate(db, "import", small_disk / "backups", detail="会员.xlsx")
    message = caught.value.message
    assert f"无法写入备份文件夹 {small_disk / 'backups'}：磁盘 " in message
    assert "已满（剩余 0 KB）" in message and "数据库没有受到影响" in message
    assert sorted(p.name for p in small_disk.rglob("*") if p.name != "filler.bin") in (
        [], ["backups"])


def test_a_change_that_meets_a_full_disk_rolls_back_with_the_message(db):
    put(db, "backup.keep_daily", "7")
    with db.engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()
    event.listen(db.engine, "connect",
                 lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages}"))
    db.engine.dispose()
    policy = bk.load_policy(db)
    huge = bk.BackupPolicy(policy.folder / ("很长的文件夹名" * 20_000), keep_daily=3)
    with pytest.raises(UserError, match="刚才的修改没有保存，数据没有改动"):
        write(db, bk.save_policy, huge)
    assert bk.load_policy(db) == policy

    def many_settings(tx):
        for n in range(2000):
            tx.session.add(AppSetting(key=f"x.{n}", value="字" * 100))

    with pytest.raises(UserError, match="腾出至少 50 MB 后再试"):
        run_once(db, "保存设置", many_settings)
    with session_scope(db.sessions) as session:
        assert session.scalar(select(AppSetting).where(AppSetting.key == "x.1")) is None


def test_an_operation_on_a_book_read_only_for_a_full_disk_says_what_to_free(
    db_path, monkeypatch
):
    open_database(db_path).close()
    monkeypatch.setattr(disk, "free_bytes", lambda _path: 4096)
    book = open_database(db_path)
    try:
        with pytest.raises(ReadOnlyBook) as caught:
            run_once(book, "保存设置", lambda tx: tx.session.add(AppSetting(key="x", value="y")))
    finally:
        book.close()
    assert caught.value.message.startswith("不能保存设置，数据没有改动。磁盘 ")
    assert caught.value.message.endswith("腾出至少 50 MB 后重新打开。")
