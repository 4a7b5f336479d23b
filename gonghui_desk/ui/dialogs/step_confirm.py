"""The two questions every step tab asks: "record this step?" and "why take it back?".

A step is written only after the chair has read what it is, for whom, on which day and
what follows it; a step taken back needs a reason the history keeps. One place for both,
so the hardship, recuperation and contract tabs ask them alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QWidget


def confirm_step(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No, No unless the chair says Yes."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def irreversible_note() -> str:
    return QCoreApplication.translate(
        "StepQuestions", "This step cannot be undone: what it starts goes on even if the record is "
        "later taken back as a mistake.")


def ask_take_back_reason(parent: QWidget, step: str, record: str) -> str | None:
    """The reason for taking back ``step`` of ``record``; ``None`` when cancelled."""
    reason, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("StepQuestions", "Take back the last step"),
        QCoreApplication.translate(
            "StepQuestions", "Take back “%1” of %2? The step is removed and the change "
            "history keeps it with your reason. Why is it taken back?")
        .replace("%1", step).replace("%2", record))
    return reason if ok else None


def take_back_button(take_back: Callable[[], object]) -> QPushButton:
    """The step tabs' 撤回上一步… button, calling ``take_back`` when clicked."""
    button = QPushButton(QCoreApplication.translate("StepQuestions", "Take back the last step…"))
    button.setObjectName("take_back_step")
    button.setToolTip(QCoreApplication.translate(
        "StepQuestions", "For a step recorded by mistake: it is removed, and the change "
        "history keeps it with your reason."))
    button.clicked.connect(lambda: take_back())
    return button
