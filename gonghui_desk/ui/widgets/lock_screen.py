"""The lock screen shown when the app opens with a password or after idle minutes.

It is a window of its own, shown in place of the main window while every other window
of the app is off the screen (see ``ui/lock_guard``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.services.access import check_password
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.common import PageTitle


class LockScreen(QWidget):
    unlocked = Signal()
    close_requested = Signal()  # the window was closed: quit, as the main window would

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions: SessionFactory | None = None
        self.locked_title = self.tr("Locked")
        title = PageTitle(self.locked_title)
        explanation = QLabel(self.tr("Enter the password to continue."))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.clicked.connect(self.try_unlock)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        box = QVBoxLayout()
        for widget in (title, explanation, self.password, self.button, self.message):
            box.addWidget(widget)
        grid = QGridLayout(self)
        grid.addLayout(box, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(2, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.password.setMinimumWidth(260)
        self.password.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_over(self, window: QWidget) -> None:
        """Take the place of ``window`` on the screen: its title, icon, size and state."""
        self.setWindowTitle(f"{window.windowTitle()} — {self.locked_title}")
        self.setWindowIcon(window.windowIcon())
        if not self.isVisible():
            # Modal and the newest, so it takes input even over a modal dialog kept hidden.
            self.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.setGeometry(window.geometry())
            self.setWindowState(window.windowState() & ~Qt.WindowState.WindowActive)
        self.show()  # a window newly shown goes on top
        self.activateWindow()
        self.password.setFocus()

    def arm(self, sessions: SessionFactory) -> None:
        self.sessions = sessions
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The program only ever hides this window: a close comes from the officer (the
        # title bar) or from Windows shutting down, and means quitting. When the program
        # does not end after all, the lock stays on the screen.
        self.close_requested.emit()
        if self.isVisible():
            event.ignore()
        else:
            super().closeEvent(event)

    def try_unlock(self) -> bool:
        if self.sessions is None or check_password(self.sessions, self.password.text()):
            self.password.clear()
            self.unlocked.emit()
            return True
        self.message.setText(self.tr("Wrong password. Please try again."))
        self.password.selectAll()
        return False
