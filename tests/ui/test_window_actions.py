"""The window's menus and shortcuts as a chair uses them: Ctrl+N makes what the page's own
button makes, Ctrl+F goes to the search box (its tab brought forward), Ctrl+P prints the
page's list, F5 reads again what another computer wrote, and the 文件 menu names and greys
its entries after the page shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gonghui_desk.db.session import session_scope
from gonghui_desk.ui.dialogs.member_edit import MemberDialog
from tests.factories import make_member
from tests.ui.test_reports_page import (
    pdf_image_count,
    pdf_page_count,
    printed,  # noqa: F401  (a fixture)
)
from tests.ui.test_write_access import ANOTHER_PC, greyed, read_only


def _press(window, keys: str) -> None:
    """The keys as typed, to the window that has the focus."""
    window.activateWindow()
    sequence = QKeySequence(keys)[0]
    QTest.keyClick(QApplication.focusWidget() or window, sequence.key(),
                   sequence.keyboardModifiers())


def test_the_file_menu_follows_the_page_shown(window):
    actions = window.actions_
    assert actions.new_action.shortcut().toString() == "Ctrl+N"
    assert actions.print_action.shortcut().toString() == "Ctrl+P"
    assert actions.find_action.shortcut().toString() == "Ctrl+F"
    assert actions.refresh_action.shortcut().toString() == "F5"
    assert actions.help_action.shortcut().toString() == "F1"
    window.show_page("home")
    assert not actions.new_action.isEnabled()  # 首页 makes no record
    assert not actions.print_action.isEnabled() and not actions.find_action.isEnabled()
    page = window.show_page("members")
    assert actions.new_action.text() == "新增会员…"
    assert actions.new_action.isEnabled() and actions.find_action.isEnabled()
    assert page.add_button.toolTip() == "新增会员（Ctrl+N）"  # the button teaches the key
    window.show_page("hardship")
    assert actions.new_action.text() == "新建档案…"
    window.show_page("recuperation")
    assert actions.new_action.text() == window.pages["recuperation"].applications.new_button.text()


def test_ctrl_n_opens_what_the_pages_button_opens(window, qtbot):
    page = window.show_page("members")
    _press(window, "Ctrl+N")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MemberDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.member_id is None  # a new member, not the selected one
    dialog.reject()
    assert page.isVisible()


def test_ctrl_n_does_nothing_on_a_read_only_book(window, qtbot):
    read_only(window.context, "")
    window.show_page("home")
    page = window.show_page("members")
    window.apply_access_settings()
    window.actions_.follow()
    assert greyed(page.add_button, ANOTHER_PC)
    assert not window.actions_.new_action.isEnabled()
    _press(window, "Ctrl+N")
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None


def test_ctrl_f_goes_to_the_search_box_on_its_tab(window, qtbot):
    page = window.show_page("hardship")
    page.search.setText("王")
    page.tabs.setCurrentIndex(1)  # 帮扶台账: the search box is on the 档案 tab
    _press(window, "Ctrl+F")
    qtbot.waitUntil(lambda: page.search.hasFocus())
    assert page.tabs.currentIndex() == 0
    assert page.search.selectedText() == "王"  # typing replaces it


@pytest.mark.any_day  # printing is the same on every day
def test_ctrl_p_prints_the_pages_list(window, qtbot, db, printed):  # noqa: F811
    with session_scope(db.sessions) as session:
        make_member(session, name="张三")
    window.show_page("members")
    _press(window, "Ctrl+P")
    qtbot.waitUntil(printed.exists, timeout=20_000)
    assert window.current_page_key() == "reports"  # where the form and its options are
    assert window.pages["reports"].spec().id == "member-roster"
    assert pdf_page_count(printed) == 1 == pdf_image_count(printed)  # the page drawn


def test_f5_reads_again_what_another_computer_wrote(window, qtbot, db):
    page = window.show_page("members")
    assert page.model.rowCount() == 0
    with session_scope(db.sessions) as session:  # not through this window's operations
        make_member(session, name="李四")
    _press(window, "F5")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
