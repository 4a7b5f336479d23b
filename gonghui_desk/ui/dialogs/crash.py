"""Shown instead of dying when something unexpected goes wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """The details (with the log path) can be copied and sent to whoever helps."""

    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(640, 420)
        log_line = self.tr("Log file: %1").replace("%1", str(log_path))
        self.details_text = f"{details.rstrip()}\n\n{log_line}\n"
        intro = QLabel(
            self.tr(
                "Something went wrong that the program did not expect. Your saved data is "
                "not affected: every change is saved in one step or not at all.\n"
                "Please copy the details below and send them to whoever supports you. "
                "The log file is at:"
            )
        )
        intro.setWordWrap(True)
        path_label = QLabel(str(log_path))
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self.details_text)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(path_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text)
        self.copy_button.setText(self.tr("Copied"))
