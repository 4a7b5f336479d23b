"""The lock screen shown when the app opens with a password or after idle minutes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.services.access import check_password
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.common import PageTitle


class LockScreen(QWidget):
    unlocked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions: SessionFactory | None = None
        title = PageTitle(self.tr("Locked"))
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

    def arm(self, sessions: SessionFactory) -> None:
        self.sessions = sessions
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def try_unlock(self) -> bool:
        if self.sessions is None or check_password(self.sessions, self.password.text()):
            self.password.clear()
            self.unlocked.emit()
            return True
        self.message.setText(self.tr("Wrong password. Please try again."))
        self.password.selectAll()
        return False
