"""The backup list says what each backup came before; the safety-copy days can be set;
a book opened read-only on a full disk says so and can be backed up to another folder."""

import pytest
from PySide6.QtWidgets import QFileDialog

from gonghui_desk.config import log_file, settings_file
from gonghui_desk.db import disk
from gonghui_desk.db.database import open_database
from gonghui_desk.services import backup as bk
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.settings import AppSettings
from gonghui_desk.ui.widgets.backup_panel import BackupPanel

pytestmark = pytest.mark.sqlite_only("a file book's own backups")


def open_backups(window):
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.backups)
    return page.backups


def test_each_backup_is_listed_by_what_it_came_before(window, db):
    bk.back_up_and_rotate(db, "import", detail="会员.xlsx，第 3 批")
    bk.back_up_and_rotate(db, "undo", detail="第 3 批")
    panel = open_backups(window)
    panel.reload()
    kinds = sorted(panel.table.item(row, 1).text() for row in range(panel.table.rowCount()))
    assert kinds == ["导入前（会员.xlsx，第 3 批）", "撤销导入前（第 3 批）"]
    tip = panel.table.item(0, 1).toolTip()
    assert "操作前备份，至少保留到 " in tip
    label_column = panel.table.columnWidth(1)
    needed = panel.table.fontMetrics().horizontalAdvance("导入前（会员.xlsx，第 3 批）")
    assert label_column > needed  # the label is not cut off


def test_the_safety_days_are_shown_and_saved(window, db):
    panel = open_backups(window)
    assert panel.keep_safety_days.value() == 30
    panel.keep_safety_days.setValue(90)
    panel.save_policy()
    assert panel.status.text() == "备份设置已保存。"
    assert bk.load_policy(db).keep_safety_days == 90


@pytest.fixture
def full_disk_context(db_path, data_dir, gui_app, monkeypatch):
    open_database(db_path).close()
    monkeypatch.setattr(disk, "free_bytes", lambda _path: 8 * 1024)
    book = open_database(db_path)
    yield AppContext(db=book, data_dir=data_dir, log_path=log_file(data_dir),
                     settings=AppSettings(settings_file(data_dir)), location=str(db_path))
    book.close()


def test_on_a_full_disk_the_panel_says_why_and_backs_up_elsewhere(
    qtbot, full_disk_context, tmp_path, monkeypatch
):
    panel = BackupPanel(full_disk_context)
    qtbot.addWidget(panel)
    panel.reload()
    assert panel.status.text().startswith("磁盘 ") and "数据库以只读方式打开" in panel.status.text()
    assert not panel.save_policy_button.isEnabled()
    assert panel.backup_elsewhere_button.isEnabled()
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    panel.choose_backup_elsewhere()
    (copy,) = bk.list_backups(usb)
    assert copy.label == "手动备份" and panel.status.text() == f"已备份并校验：{copy.path}"
