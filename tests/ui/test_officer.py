"""Who is working: chosen at start among the branch's officers, remembered on this PC,
named on the history and in the status bar; until then changes read 未署名 and the status
bar says nobody is chosen — the computer's login is never shown or recorded."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from gonghui_desk.db.models import BranchProfileRow, ChangeRecord
from gonghui_desk.db.officer import UNSIGNED
from gonghui_desk.ui.dialogs.officer import OfficerDialog
from gonghui_desk.ui.main_window import MainWindow
from tests.factories import make_member


def _answer(name: str | None) -> None:
    """Answer the officer dialog as soon as it shows: pick ``name``, or cancel."""
    def act() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, OfficerDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        names = [dialog.names.itemText(i) for i in range(dialog.names.count())]
        _answer.seen = names  # type: ignore[attr-defined]
        if name is None:
            dialog.reject()
        else:
            dialog.names.setCurrentText(name)
            dialog.accept()
    QTimer.singleShot(0, act)


def _profile(db) -> None:
    with db.session() as s:
        s.add(BranchProfileRow(id=1, union_name="红星机械有限公司工会委员会",
                               chair="王建国", contact_person="李芳"))


def test_the_chair_picks_a_name_that_goes_on_the_history_and_is_remembered(
        qtbot, context, window):
    _profile(context.db)
    assert window.officer_label.text() == "操作人：未选择"  # never the computer's login
    assert "未署名" in window.officer_label.toolTip()
    _answer("王建国")
    window.ask_officer_if_needed()
    assert _answer.seen == ["王建国", "李芳"]  # type: ignore[attr-defined]
    assert window.officer_label.text() == "操作人：王建国"
    assert context.settings.officer == "王建国"
    with context.db.session() as s:
        make_member(s, name="张伟")
    with context.db.session() as s:
        newest = s.scalars(select(ChangeRecord).order_by(ChangeRecord.id.desc())).first()
    assert newest is not None and newest.actor == "王建国"

    again = MainWindow(context.settings)  # the next start on this PC asks no more
    qtbot.addWidget(again)
    context.db.officer.name = context.settings.officer
    again.attach(context)
    again.ask_officer_if_needed()
    assert again.officer_label.text() == "操作人：王建国"


def test_a_name_not_in_the_profile_can_be_typed_and_cancel_leaves_changes_unsigned(
        context, window):
    _profile(context.db)
    _answer(None)
    window.ask_officer_if_needed()
    assert not context.db.officer.chosen and context.settings.officer == ""
    assert window.officer_label.text() == "操作人：未选择"
    with context.db.session() as s:
        make_member(s, name="张伟")
    with context.db.session() as s:
        newest = s.scalars(select(ChangeRecord).order_by(ChangeRecord.id.desc())).first()
    assert newest is not None and newest.actor == UNSIGNED
    _answer("赵经审")
    window.change_officer()
    assert context.db.officer.display == "赵经审"
    assert window.officer_label.text() == "操作人：赵经审"


def test_a_book_opened_read_only_for_a_full_disk_says_so_at_start_then_asks_the_name(
        context, window):
    from PySide6.QtWidgets import QMessageBox

    context.db.read_only = True
    context.db.read_only_reason = "磁盘 /tmp 已满（剩余 0 KB），数据库以只读方式打开。"
    seen = []

    def close_box() -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(10, close_box)
            return
        seen.append(box.text())
        box.accept()
        _answer("王建国")

    QTimer.singleShot(0, close_box)
    window.after_start()
    assert seen == ["磁盘 /tmp 已满（剩余 0 KB），数据库以只读方式打开。"]
    assert context.db.officer.display == "王建国"
