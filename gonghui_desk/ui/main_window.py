"""The main window: navigation on the left, one page at a time on the right.

The window is built and shown before the database is open (importing the database layer
takes longer than showing a window); ``attach`` then fills it. Until then it can show 首页's
member figures read straight from the file (``show_opening_figures``), saying the book is
still being opened. Pages are built when first visited.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from gonghui_desk.assets import icon_path
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.idle import IdleWatcher
from gonghui_desk.ui.pages import PAGES, PageSpec
from gonghui_desk.ui.screen_fit import fit_to_screen
from gonghui_desk.ui.settings import AppSettings
from gonghui_desk.ui.style import WARNING_STYLE
from gonghui_desk.ui.window_actions import WindowActions
from gonghui_desk.ui.write_access import disk_full, imposed_reason, why_read_only, writable

if TYPE_CHECKING:
    from pathlib import Path

    from gonghui_desk.ui.dialogs.about import AboutDialog
    from gonghui_desk.ui.help_window import HelpWindow
    from gonghui_desk.ui.lock_guard import LockGuard
    from gonghui_desk.ui.pages.base import Page
    from gonghui_desk.ui.widgets.lock_screen import LockScreen
    from gonghui_desk.ui.widgets.member_figures import MemberFigureSource, OpeningHome

log = logging.getLogger(__name__)
DEFAULT_SIZE = QSize(1100, 720)


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings) -> None:
        super().__init__()
        self.settings = settings
        self._context: AppContext | None = None
        self.setWindowTitle(self.tr("Gonghui Desk"))
        self.setWindowIcon(QIcon(str(icon_path("gonghui-desk.png"))))
        self.pages: dict[str, Page] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 6px 10px; }")
        font = self.navigation.font()
        font.setPointSize(font.pointSize() + 2)
        self.navigation.setFont(font)
        for spec in PAGES:
            self.navigation.addItem(QCoreApplication.translate("Navigation", spec.title))
        self.navigation.setEnabled(False)
        self.stack = QStackedWidget()
        self.loading_label = QLabel(self.tr("Opening the database…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading_label)
        self.opening_home: OpeningHome | None = None
        self.lock_screen: LockScreen | None = None
        self.help_window: HelpWindow | None = None
        self._lock_guard: LockGuard | None = None
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.statusBar().addWidget(self.database_label, 1)
        self.officer_label = QLabel()
        self.statusBar().addPermanentWidget(self.officer_label)
        self._build_menus()
        self._restore_geometry()

    @property
    def attached(self) -> bool:
        return self._context is not None

    @property
    def context(self) -> AppContext:
        if self._context is None:
            raise RuntimeError("the main window has no database attached yet")
        return self._context

    def attach(self, context: AppContext) -> None:
        """Show the open database: status bar, navigation, the home page.

        Attaching again (after a restore) drops every page built for the old database.
        """
        first = self._context is None
        self._context = context
        self.drop_opening_figures()  # the real 首页 takes their place
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        label = self.tr("Database: %1").replace("%1", context.db.display_name)
        if disk_full(context):  # the tooltip's reason says what to free
            label += self.tr(" (read-only: the disk is full)")
        elif not writable(context):
            label += self.tr(" (read-only: someone else has it open)")
        self.database_label.setText(label)
        self.database_label.setToolTip(why_read_only(context))
        self.show_officer()
        if first:
            self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setEnabled(True)
        if self.navigation.currentRow() == 0:
            self._show_row(0)
        self.navigation.setCurrentRow(0)
        self.actions_.attach()
        from gonghui_desk.services.access import has_password  # after the window is shown

        self.apply_access_settings()
        if has_password(context.db.sessions):
            self.lock()

    def show_opening_figures(self, figures: MemberFigureSource, year: int,
                             union_name: str = "") -> None:
        """While the book is being opened: 首页's member figures, counted from the file."""
        from gonghui_desk.ui.widgets.member_figures import OpeningHome

        if self.attached:
            return
        self.opening_home = OpeningHome(figures, year, union_name)
        self.stack.addWidget(self.opening_home)
        self.stack.setCurrentWidget(self.opening_home)

    def drop_opening_figures(self) -> None:
        """Take the opening figures off the screen (the book is attached, or refused)."""
        if self.opening_home is not None:
            self.stack.removeWidget(self.opening_home)
            self.opening_home.deleteLater()
            self.opening_home = None

    # -- access -------------------------------------------------------------------------

    def apply_access_settings(self) -> None:
        """(Re)start the idle lock from the saved settings; it applies only with a password."""
        from gonghui_desk.services.access import has_password, idle_minutes

        sessions = self.context.db.sessions
        minutes = idle_minutes(sessions) if has_password(sessions) else 0
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            if minutes:
                app.installEventFilter(self.idle)
        self.idle.set_interval_ms(minutes * 60_000)

    def is_locked(self) -> bool:
        return self._lock_guard is not None and self._lock_guard.engaged

    def lock(self) -> None:
        """Hide every record behind the password screen: this window and every dialog
        go off the screen, as they are, and only the lock screen's window shows."""
        if self.is_locked():
            return
        if self.lock_screen is None or self._lock_guard is None:
            from gonghui_desk.ui.lock_guard import LockGuard
            from gonghui_desk.ui.widgets.lock_screen import LockScreen

            self.lock_screen = LockScreen()
            self.lock_screen.unlocked.connect(self.unlock)
            self.lock_screen.close_requested.connect(self.close)
            self._lock_guard = LockGuard(self.lock_screen, self)
        self.navigation.setEnabled(False)
        self.menuBar().setEnabled(False)
        self._lock_guard.engage()
        self.lock_screen.arm(self.context.db.sessions)
        log.info("window locked")

    def unlock(self) -> None:
        if self._lock_guard is not None:
            self._lock_guard.release()
        self.navigation.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.idle.set_interval_ms(self.idle.timer.interval())

    def replace_database(self) -> None:
        """Open the database file again (after a restore) and show what it now holds."""
        from gonghui_desk.db.database import open_database

        old = self.context
        old.db.close()
        db = open_database(old.location, clock=old.clock, officer=old.db.officer)
        self.attach(replace(old, db=db))

    def _build_menus(self) -> None:
        self.actions_ = WindowActions(self)
        self.officer_action = self.actions_.officer_action
        self.quit_action = self.actions_.quit_action
        self.about_action = self.actions_.about_action

    # -- the officer -------------------------------------------------------------------

    def show_officer(self) -> None:
        officer = self.context.db.officer
        if officer.chosen:
            self.officer_label.setText(self.tr("Officer: %1").replace("%1", officer.display))
            self.officer_label.setStyleSheet("")
            self.officer_label.setToolTip("")
        else:  # changes are recorded as 未署名 until someone says who they are
            self.officer_label.setText(self.tr("Officer: not chosen"))
            self.officer_label.setStyleSheet(WARNING_STYLE)
            self.officer_label.setToolTip(self.tr(
                "Changes made now are recorded as unsigned. Choose your name under File → "
                "Change officer… so the history says who made them."))

    def after_start(self) -> None:
        """Once the window is filled: say why the book is read-only when it is not the
        chair's choice (a full disk: what to free), then ask who is working."""
        if self.attached and imposed_reason(self.context):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Opened read-only"),
                                imposed_reason(self.context))
        self.ask_officer_if_needed()

    def ask_officer_if_needed(self) -> None:
        """At start: who is working, unless this PC remembers it (or the window is locked)."""
        if self.attached and not self.context.db.officer.chosen and not self.is_locked():
            self.change_officer()

    def change_officer(self) -> None:
        from gonghui_desk.ui.dialogs.officer import choose_officer

        if choose_officer(self, self.context):
            self.show_officer()

    # -- pages --------------------------------------------------------------------------

    def show_page(self, key: str) -> Page:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        self.navigation.setCurrentRow(row)
        return self.pages[key]

    def current_page_key(self) -> str:
        return PAGES[self.navigation.currentRow()].key

    def _show_row(self, row: int) -> None:
        spec = PAGES[row]
        page = self.pages.get(spec.key) or self._build_page(spec)
        self.stack.setCurrentWidget(page)
        self.actions_.follow()

    def _build_page(self, spec: PageSpec) -> Page:
        module = importlib.import_module(f"gonghui_desk.ui.pages.{spec.module}")
        page: Page = getattr(module, spec.class_name)(self.context)
        page.navigate.connect(self.show_page)
        page.open_record.connect(lambda key, record_id: self.show_page(key).show_record(record_id))
        page.open_filtered.connect(lambda key, pick: self.show_page(key).show_filtered(pick))
        page.database_replaced.connect(self.replace_database)
        page.form_asked.connect(self.ask_form)
        page.asked.connect(lambda key, what: getattr(self.show_page(key), what)())
        access_changed = getattr(page, "access_changed", None)
        if access_changed is not None:
            access_changed.connect(self.apply_access_settings)
        self.stack.addWidget(page)
        self.pages[spec.key] = page
        return page

    def ask_form(self, form_id: str, what: str) -> None:
        """A page's list on the 报表 page: printed at once, or left there to be exported."""
        from gonghui_desk.ui.pages.reports import ReportsPage

        reports = self.show_page("reports")
        if isinstance(reports, ReportsPage):
            reports.select_form(form_id)
            if what == "print":
                reports.print_form()

    # -- help ---------------------------------------------------------------------------

    def show_help(self) -> HelpWindow:
        """F1: the user manual, at the page about what is on the screen."""
        from gonghui_desk.ui.help_window import HelpWindow, topic_of_page

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        topic = topic_of_page(self.current_page_key()) if self.attached else None
        self.help_window.show_topic(topic)
        return self.help_window

    def save_help_pdf(self) -> Path | None:
        from gonghui_desk.ui.help_window import save_manual_as_pdf

        return save_manual_as_pdf(self)

    # -- window -------------------------------------------------------------------------

    def show_about(self) -> AboutDialog:
        from gonghui_desk.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.context, self)
        dialog.open()
        return dialog

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        log.info("main window closed")
        super().closeEvent(event)

