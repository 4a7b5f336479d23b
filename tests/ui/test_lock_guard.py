"""Locking takes every window of the app off the screen and unlocking brings each back as it was.

"On screen" is the platform window being shown (``windowHandle().isVisible()``): a window
kept off the screen while locked still counts as visible to Qt, which is what keeps a
running ``exec()`` and half-typed text alive. Keys are typed through the window system
(``QTest.keyClick`` on the ``QWindow``), the path on which a modal dialog blocks input.
"""

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.services import access
from gonghui_desk.services import member_records as records
from gonghui_desk.ui.lock_guard import on_screen
from tests.factories import make_member, write

PASSWORD = "red-star-1"
NAME = "张三"
ID_NUMBER = "110105199003070017"


@pytest.fixture
def zhang(context):
    write(context.db, access.set_password, "", PASSWORD, PASSWORD)
    with session_scope(context.db.sessions) as session:
        member = make_member(session, events=[(ms.JOIN, dt.date(2015, 6, 1)),
                                              (ms.RESERVE, dt.date(2024, 3, 1))])
        return member.id


@pytest.fixture
def members(window, zhang):
    page = window.show_page("members")
    page.select_member(zhang)
    return page


def texts_on_screen(but: QWidget | None = None) -> str:
    """Every title, label and field text of the app's windows that are on screen."""
    texts = []
    for top in QApplication.topLevelWidgets():
        if top is but or not on_screen(top):
            continue
        texts.append(top.windowTitle())
        texts += [label.text() for label in top.findChildren(QLabel) if label.isVisible()]
        texts += [edit.text() for edit in top.findChildren(QLineEdit) if edit.isVisible()]
    return "\n".join(texts)


def type_into(widget: QWidget, text: str, enter: bool = True) -> None:
    """Type as on the keyboard: through the window system, where a modal window blocks."""
    handle = widget.window().windowHandle()
    for character in text:
        QTest.keyClick(handle, character)
    if enter:
        QTest.keyClick(handle, Qt.Key.Key_Return)


def message_box(text: str) -> QMessageBox:
    (box,) = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, QMessageBox) and text in w.text()]
    return box


def test_an_open_member_dialog_leaves_the_screen_and_comes_back_as_typed(window, members,
                                                                         qtbot):
    dialog = members.edit_member()
    qtbot.waitUntil(lambda: on_screen(dialog))
    phone = dialog.widgets["phone"]
    phone.setText("139 0000")  # half typed
    phone.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is phone)
    assert NAME in texts_on_screen() and ID_NUMBER in texts_on_screen()

    window.lock()
    lock = window.lock_screen
    assert on_screen(lock)
    shown = texts_on_screen(but=lock)
    assert NAME not in shown and ID_NUMBER not in shown and "139 0000" not in shown
    assert not on_screen(window) and not on_screen(dialog)

    type_into(lock.password, "wrong-one")
    assert window.is_locked() and lock.message.text() == "密码不正确，请重新输入。"
    type_into(lock.password, PASSWORD)
    assert not window.is_locked() and not on_screen(lock)
    qtbot.waitUntil(lambda: on_screen(dialog) and on_screen(window))
    assert dialog.widgets["name"].text() == NAME
    assert dialog.widgets["id_number"].text() == ID_NUMBER
    assert phone.text() == "139 0000"
    assert QApplication.activeModalWidget() is dialog  # still holds the main window
    qtbot.waitUntil(lambda: QApplication.focusWidget() is phone)
    dialog.done(QDialog.DialogCode.Rejected)  # closed unasked: the typing was only a probe


def test_the_idle_lock_during_a_question_keeps_it_asking_until_unlocked(window, members,
                                                                        context, zhang, qtbot):
    seen = {}

    def while_asked():
        box = QApplication.activeModalWidget()
        try:
            seen["asked"] = texts_on_screen()
            window.idle.set_interval_ms(50)  # nobody touches anything while it asks
            qtbot.waitUntil(window.is_locked)
            seen["locked"] = texts_on_screen(but=window.lock_screen)
            seen["box off screen"] = not on_screen(box)
            type_into(window.lock_screen.password, PASSWORD)
            window.idle.set_interval_ms(0)
            qtbot.waitUntil(lambda: on_screen(box))
            seen["back"] = box.text()
            seen["modal"] = QApplication.activeModalWidget() is box
            box.button(QMessageBox.StandardButton.Yes).click()
        finally:
            if box.isVisible():  # never leave the test waiting on the question
                box.reject()

    QTimer.singleShot(0, while_asked)
    members.undo_last_change()

    assert NAME in seen["asked"]
    assert NAME not in seen["locked"] and ID_NUMBER not in seen["locked"]
    assert seen["box off screen"]
    assert NAME in seen["back"] and seen["modal"]
    # The question was answered "Yes" after the unlock, and that answer was acted on.
    assert records.get_member(context.db.sessions, zhang).status == ms.ACTIVE


def test_a_reminder_opened_while_locked_waits_behind_the_lock(window, members, qtbot):
    window.lock()
    lock = window.lock_screen
    seen = {}

    def remind():
        QTimer.singleShot(0, while_reminding)
        seen["answer"] = QMessageBox.information(window, "提醒", f"{NAME} 的会籍保留已满两年")

    def while_reminding():
        box = message_box(NAME)
        try:
            qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock)
            seen["locked"] = texts_on_screen(but=lock)
            type_into(lock.password, PASSWORD)
            qtbot.waitUntil(lambda: on_screen(box))
            seen["after"] = QApplication.activeModalWidget() is box
            box.button(QMessageBox.StandardButton.Ok).click()
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, remind)
    qtbot.waitUntil(lambda: "answer" in seen)
    assert NAME not in seen["locked"]
    assert seen["after"] and seen["answer"] == QMessageBox.StandardButton.Ok
    assert not window.is_locked() and on_screen(window)
    members.search.setFocus()
    type_into(members.search, "zs", enter=False)  # nothing modal is left behind
    assert members.search.text() == "zs"


@pytest.mark.parametrize("kind", ["progress", "message"])
def test_a_window_the_program_closes_while_locked_stays_closed_and_blocks_nothing(
        window, members, qtbot, kind):
    if kind == "progress":  # a task that ends while locked
        closing = QProgressDialog("正在导出…", "取消", 0, 0, window)
        closing.setWindowModality(Qt.WindowModality.WindowModal)
    else:
        closing = QMessageBox(QMessageBox.Icon.Information, "提醒", f"{NAME} 的会籍", parent=window)
    closing.open()
    qtbot.waitUntil(lambda: on_screen(closing))
    window.lock()
    closing.close()
    type_into(window.lock_screen.password, PASSWORD)
    assert not window.is_locked()
    qtbot.waitUntil(lambda: on_screen(window))
    assert not closing.isVisible() and not on_screen(closing)
    members.search.setFocus()
    type_into(members.search, "zs", enter=False)  # the main window takes the keyboard again
    assert members.search.text() == "zs"


def test_closing_the_lock_window_ends_the_program_and_leaves_nothing_modal(window, members,
                                                                          qtbot):
    window.lock()
    lock = window.lock_screen
    seen = {}

    def remind():
        QTimer.singleShot(0, while_reminding)
        seen["answer"] = QMessageBox.information(window, "提醒", f"{NAME} 的会籍保留已满两年")

    def while_reminding():
        box = message_box(NAME)
        try:
            qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock)
            lock.close()  # the title bar's close button
            seen["closed"] = not window.isVisible() and not on_screen(lock)
        finally:
            if box.isVisible():  # quitting ends what is still open
                box.done(QMessageBox.StandardButton.Cancel)

    QTimer.singleShot(0, remind)
    qtbot.waitUntil(lambda: "answer" in seen)
    assert seen["closed"] and not window.is_locked()
    assert QApplication.activeModalWidget() is None
