"""What the chair sees when the database is in use, and the backup taken on exit."""

import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gonghui_desk import app
from gonghui_desk.clock import Clock
from gonghui_desk.db.database import open_database
from gonghui_desk.db.lock import DatabaseLocked, LockOwner
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.backup import list_backups
from gonghui_desk.services.profile import save_profile
from tests.db.test_lock import HOLD
from tests.factories import write


def press_in_next_dialog(label):
    def press():
        box = QApplication.activeModalWidget()
        matching = [b for b in box.buttons() if b.text() == label]
        if not matching:  # never leave the test waiting on a dialog
            box.reject()
            raise AssertionError(f"no button {label!r} in {[b.text() for b in box.buttons()]}")
        matching[0].click()

    QTimer.singleShot(50, press)


def test_lock_question_offers_read_only_or_unlock(gui_app, tmp_path):
    owner = LockOwner("财务室-PC", "wang", 4321, "2026-11-21T08:30:00")
    press_in_next_dialog("只读打开")
    assert app.ask_about_lock(None, DatabaseLocked(tmp_path / "x", owner)) == "read_only"
    press_in_next_dialog("退出")
    assert app.ask_about_lock(None, DatabaseLocked(tmp_path / "x", owner)) == "quit"
    press_in_next_dialog("解除锁定并打开")
    assert app.ask_about_lock(None, DatabaseLocked(tmp_path / "x", owner, stale=True)) == "recover"


def test_window_opens_read_only_when_another_program_writes(gui_app, db_path, monkeypatch):
    open_database(db_path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        monkeypatch.setattr(app, "ask_about_lock", lambda parent, locked: "read_only")
        startup = app.Startup(str(db_path), Clock())
        startup.attach_database()
        window = startup.window
        assert "只读" in window.database_label.text()
        assert not window.show_page("settings").save_button.isEnabled()
        window.context.db.close()
        window.close()
        startup.handler.uninstall()
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait()  # no timeout here: it polls with time.sleep, which faketime breaks


def test_exit_backs_up_only_when_something_changed(db_path):
    unchanged = open_database(db_path)
    app.close_database(unchanged)
    assert list_backups(db_path.parent / "backups") == []
    changed = open_database(db_path)
    write(changed, save_profile, BranchProfile(union_name="某某工会"))
    app.close_database(changed)
    (backup,) = list_backups(db_path.parent / "backups")
    assert backup.reason == "exit" and backup.counts["branch_profile"] == 1
    open_database(db_path).close()  # the lock was released
