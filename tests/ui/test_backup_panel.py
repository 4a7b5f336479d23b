"""设置 → 备份: backing up now, restoring, and the policy, as a chair uses them."""

import pytest
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.services.backup import list_backups
from gonghui_desk.services.demo import fill_demo
from tests.factories import write

pytestmark = pytest.mark.sqlite_only("a file book's own backups")


def open_backups(window):
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.backups)
    return page.backups


def test_back_up_now_lists_the_backup_with_its_contents(window, db):
    write(db, fill_demo, 25)
    panel = open_backups(window)
    assert panel.table.rowCount() == 0
    panel.back_up_now()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "手动备份"
    assert "会员 25 人" in panel.table.item(0, 3).text()
    assert panel.status.text().startswith("已备份并校验：")


def test_restore_asks_shows_both_sides_and_reopens_the_window(window, db, monkeypatch):
    write(db, fill_demo, 25)
    panel = open_backups(window)
    panel.back_up_now()
    from sqlalchemy import text

    with db.session() as session:
        session.execute(text("DELETE FROM membership_event"))
        session.execute(text("DELETE FROM member"))
    asked = []

    def answer(parent, title, question):
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    panel.table.selectRow(0)
    panel.restore_selected()
    assert "当前：会员 0 人" in asked[0] and "会员 25 人" in asked[0]
    members = window.show_page("members")
    assert members.model.rowCount() > 0  # the window shows the restored data
    assert window.context.db is not db
    backups = list_backups(db.path.parent / "backups")
    assert {b.reason for b in backups} == {"manual", "restore"}
    window.context.db.close()


def test_restore_declined_changes_nothing(window, db, monkeypatch):
    write(db, fill_demo, 5)
    panel = open_backups(window)
    panel.back_up_now()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    panel.table.selectRow(0)
    assert not panel.restore_from(panel.backups[0].path)
    assert window.context.db is db


def test_keep_settings_are_saved(window, db):
    panel = open_backups(window)
    panel.keep_daily.setValue(3)
    panel.keep_monthly.setValue(6)
    panel.save_policy()
    assert panel.status.text() == "备份设置已保存。"
    from gonghui_desk.services.backup import load_policy

    assert (load_policy(db).keep_daily, load_policy(db).keep_monthly) == (3, 6)
