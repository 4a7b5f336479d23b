import sys

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.clock import Clock
from gonghui_desk.errors import ExitCode, UserError
from gonghui_desk.ui.dialogs.crash import CrashDialog
from gonghui_desk.ui.errors import ExceptionHandler


def raise_and_handle(handler, error):
    try:
        raise error
    except BaseException:
        handler(*sys.exc_info())


def test_a_bug_opens_the_crash_dialog_with_details_and_log_path(gui_app, tmp_path, monkeypatch):
    monkeypatch.setattr(CrashDialog, "exec", lambda self: 0)
    log_path = tmp_path / "logs" / "gonghui-desk.log"
    handler = ExceptionHandler(log_path)
    raise_and_handle(handler, RuntimeError("boom in a service"))
    dialog = handler.last_dialog
    assert dialog is not None
    assert "RuntimeError: boom in a service" in dialog.details.toPlainText()
    assert str(log_path) in dialog.details.toPlainText()
    dialog.copy_details()
    assert "boom in a service" in QGuiApplication.clipboard().text()
    assert dialog.copy_button.text() == "已复制"
    dialog.close()


def test_a_user_error_is_a_plain_message_not_a_crash(gui_app, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    handler = ExceptionHandler(tmp_path / "log")
    raise_and_handle(handler, UserError("请先填写工会名称。"))
    assert shown == ["请先填写工会名称。"]
    assert handler.last_dialog is None


def test_the_app_refuses_a_foreign_file_with_a_message_and_exit_4(gui_app, tmp_path, monkeypatch):
    # run_gui's event loop cannot run inside the test process (a finished QApplication.exec
    # stops later timers), so its two steps are exercised here and the loop in e2e tests.
    from gonghui_desk import app

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    startup = app.Startup(str(foreign), Clock())
    try:
        with pytest.raises(UserError) as caught:
            startup.attach_database()
        assert app._refuse(caught.value) == ExitCode.DATABASE_REFUSED
    finally:
        startup.handler.uninstall()
        startup.window.close()
    assert "不是工会桌面的数据库" in shown[0]
    assert not startup.window.navigation.isEnabled()


def test_an_exception_in_a_button_handler_reaches_the_crash_dialog(gui_app, qtbot, tmp_path,
                                                                   monkeypatch):
    from PySide6.QtWidgets import QPushButton

    monkeypatch.setattr(CrashDialog, "exec", lambda self: 0)
    handler = ExceptionHandler(tmp_path / "gonghui-desk.log")
    button = QPushButton("保存")
    qtbot.addWidget(button)

    def broken() -> None:
        raise KeyError("member 42")

    button.clicked.connect(broken)
    handler.install()
    try:
        with qtbot.capture_exceptions():  # pytest-qt would otherwise claim the exception
            sys.excepthook = handler
            button.click()
    finally:
        handler.uninstall()
    assert handler.last_dialog is not None
    assert "KeyError: 'member 42'" in handler.last_dialog.details.toPlainText()


def test_the_officer_named_on_the_command_line_signs_the_windows_changes(
        gui_app, tmp_path, monkeypatch):
    from gonghui_desk import app
    from gonghui_desk.cli import build_parser, officer_named

    monkeypatch.setenv("GONGHUI_OFFICER", "李芳")
    assert officer_named(build_parser().parse_args([])) == "李芳"
    args = build_parser().parse_args(["--officer", " 张主席 "])
    assert officer_named(args) == "张主席"
    startup = app.Startup(str(tmp_path / "book.sqlite3"), Clock(), officer_named(args))
    try:
        startup.attach_database()
        window = startup.window
        assert window.context.db.officer.chosen
        assert window.officer_label.text() == "操作人：张主席"
    finally:
        startup.handler.uninstall()
        startup.window.close()
        if startup.window.attached:
            startup.window.context.db.close()
