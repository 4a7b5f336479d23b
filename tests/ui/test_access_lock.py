"""Password at start, idle lock, and the settings that control them."""

from PySide6.QtWidgets import QMessageBox

from gonghui_desk.services import access
from gonghui_desk.ui.main_window import MainWindow
from tests.factories import write


def test_a_password_locks_the_window_at_start_until_it_is_given(context, qtbot):
    write(context.db, access.set_password, "", "red-star-1", "red-star-1")
    window = MainWindow(context.settings)
    qtbot.addWidget(window)
    window.attach(context)
    window.show()
    assert window.is_locked()
    assert not window.navigation.isEnabled()
    screen = window.lock_screen
    qtbot.keyClicks(screen.password, "wrong-one")
    assert not screen.try_unlock()
    assert screen.message.text() == "密码不正确，请重新输入。"
    assert window.is_locked()
    screen.password.setText("red-star-1")
    assert screen.try_unlock()
    assert not window.is_locked() and window.navigation.isEnabled()
    assert window.current_page_key() == "home"


def test_idle_minutes_lock_the_window_and_use_resets_the_clock(context, qtbot):
    write(context.db, access.set_password, "", "red-star-1", "red-star-1")
    write(context.db, access.set_idle_minutes, 5)
    window = MainWindow(context.settings)
    qtbot.addWidget(window)
    window.attach(context)
    window.show()
    window.lock_screen.password.setText("red-star-1")
    window.lock_screen.try_unlock()
    assert window.idle.timer.interval() == 5 * 60_000 and window.idle.timer.isActive()
    window.idle.set_interval_ms(80)  # the same clock, shortened for the test
    qtbot.waitUntil(window.is_locked, timeout=3000)
    window.close()


def test_without_a_password_idle_minutes_do_nothing(window, context):
    write(context.db, access.set_idle_minutes, 5)
    window.apply_access_settings()
    assert not window.idle.timer.isActive()
    assert not window.is_locked()


def test_password_is_set_and_removed_under_settings(window, context, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    page = window.show_page("settings")
    page.new_password.setText("abc12345")
    page.repeat_password.setText("abc12346")
    assert not page.change_password()
    assert "不一致" in shown[0]
    page.repeat_password.setText("abc12345")
    assert page.change_password()
    assert page.access_label.text() == "密码已保存。"
    assert access.check_password(context.db.sessions, "abc12345")
    page.current_password.setText("abc12345")
    assert page.change_password()
    assert not access.has_password(context.db.sessions)
