"""The window's menus and shortcuts: 文件, 查看 and 帮助, each asking the page shown.

Ctrl+N, Ctrl+P, 导出…, Ctrl+F and F5 mean the same on every page — new record, print the
list or form, export it, find, read again — and do nothing where the page offers nothing
(the menu entry is greyed then). The 新增 entry takes the page's own words (新增会员…,
新建档案…, 新申请…), so the menu says what Ctrl+N will make.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gonghui_desk.ui.main_window import MainWindow
    from gonghui_desk.ui.pages.base import Page

NEW, PRINT, FIND, REFRESH, HELP = "Ctrl+N", "Ctrl+P", "Ctrl+F", "F5", "F1"


def shortcut_text(keys: str) -> str:
    """How a shortcut reads on this system (Ctrl+N; ⌘N on a Mac)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, keys: str) -> str:
    """A tooltip that teaches the key: ``新增会员（Ctrl+N）``."""
    return f"{text.removesuffix('…')}（{shortcut_text(keys)}）"


class WindowActions(QObject):
    """The menu bar's actions; ``attach`` arms the shortcuts, ``follow`` greys what the
    shown page does not offer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menus = window.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New…"), self.new_record)
        self.print_action = self._action(self.tr("&Print…"), self.print_current)
        self.export_action = self._action(self.tr("&Export…"), self.export_current)
        self.officer_action = self._action(self.tr("Change &officer…"), window.change_officer)
        self.quit_action = self._action(self.tr("&Quit"), window.close, needs_book=False)
        file_menu.addActions([self.new_action, self.print_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addActions([self.officer_action, self.quit_action])
        file_menu.aboutToShow.connect(self.follow)
        view_menu = menus.addMenu(self.tr("&View"))
        self.find_action = self._action(self.tr("&Find"), self.focus_search)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh)
        view_menu.addActions([self.find_action, self.refresh_action])
        view_menu.aboutToShow.connect(self.follow)
        help_menu = menus.addMenu(self.tr("&Help"))
        self.help_action = self._action(self.tr("User &manual"), window.show_help,
                                        needs_book=False)
        self.help_pdf_action = self._action(self.tr("Save the user manual as &PDF…"),
                                            window.save_help_pdf, needs_book=False)
        self.about_action = self._action(self.tr("&About Gonghui Desk"), window.show_about)
        help_menu.addActions([self.help_action, self.help_pdf_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.book_actions = [self.new_action, self.print_action, self.export_action,
                             self.officer_action, self.find_action, self.refresh_action,
                             self.about_action]

    def _action(self, text: str, slot: object, *, needs_book: bool = True) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        action.setEnabled(not needs_book)  # until a database is attached
        self.window.addAction(action)  # shortcuts work while the menu bar is hidden too
        return action

    def attach(self) -> None:
        """Arm the shortcuts. Not in ``__init__``: the first shortcut loads Qt's key tables
        (~10 ms), which need not delay the window's first appearance."""
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action, keys in ((self.new_action, NEW), (self.print_action, PRINT),
                             (self.find_action, FIND), (self.refresh_action, REFRESH),
                             (self.help_action, HELP)):
            action.setShortcut(QKeySequence(keys))
        for action in self.book_actions:
            action.setEnabled(True)
        self.follow()

    # -- the page shown -----------------------------------------------------------------

    def page(self) -> Page | None:
        if not self.window.attached:
            return None
        return self.window.pages.get(self.window.current_page_key())

    def follow(self) -> None:
        """Name and grey the entries for the page shown; teach the keys in its tooltips."""
        page = self.page()
        if page is None:
            return
        button = page.new_record_button()
        self.new_action.setText(button.text() if button is not None else self.tr("&New…"))
        self.new_action.setEnabled(button is not None and button.isEnabled())
        if button is not None and not button.toolTip():  # a greyed one says why instead
            button.setToolTip(with_shortcut(button.text(), NEW))
        offers_form = bool(page.AREA_FORM) or self.window.current_page_key() == "reports"
        self.print_action.setEnabled(offers_form)
        self.export_action.setEnabled(offers_form)
        search = page.search_box()
        self.find_action.setEnabled(search is not None)
        if search is not None and not search.toolTip():
            search.setToolTip(with_shortcut(self.tr("Search"), FIND))
        print_button = getattr(page, "print_button", None)
        if isinstance(print_button, QWidget) and not print_button.toolTip():
            print_button.setToolTip(with_shortcut(self.tr("Print"), PRINT))

    def new_record(self) -> None:
        page = self.page()
        if page is not None:
            page.new_record()

    def print_current(self) -> None:
        page = self.page()
        if page is not None:
            page.print_current()

    def export_current(self) -> None:
        page = self.page()
        if page is not None:
            page.export_current()

    def focus_search(self) -> None:
        page = self.page()
        if page is not None:
            page.focus_search()

    def refresh(self) -> None:
        """F5: the page reads itself again (after another computer wrote the book, say)."""
        page = self.page()
        if page is not None:
            page.refresh()
