"""Input widgets for record dialogs: an optional date, a code-list dropdown, a message slot,
a titled group of rows and a save button with its status line.

A ``FieldRow`` puts a red message right under its input, so a user sees which value to
correct without reading a list at the top of the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.ui.style import ERROR_STYLE

EARLIEST = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date that may be left blank (shown as "—"; the earliest date stands for blank)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(EARLIEST)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText("—")
        self.set_value(None)

    def value(self) -> dt.date | None:
        date = self.date()
        if date == EARLIEST:
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(EARLIEST)
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class CodeCombo(QComboBox):
    """A dropdown over a code list; the first, empty entry means "not filled in"."""

    def __init__(self, codes: CodeList, blank: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if blank:
            self.addItem("")
        self.addItems(list(codes.values))
        self.setMaxVisibleItems(20)

    def value(self) -> str:
        return self.currentText()

    def set_value(self, value: str) -> None:
        index = self.findText(value)
        if index < 0 and value:  # kept from older data: show it rather than lose it
            self.addItem(value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class FieldRow(QWidget):
    """An input with its message underneath (hidden while there is nothing to say)."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


def form_group(title: str, rows: Sequence[tuple[str, QWidget]]) -> QGroupBox:
    """A titled box of labelled rows, as the edit dialogs group their fields."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    for label, widget in rows:
        form.addRow(label, widget)
    return box


def save_row(button: QPushButton) -> tuple[QHBoxLayout, QLabel]:
    """A save button with the line beside it that says what happened."""
    state = QLabel()
    state.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addWidget(state, 1)
    return row, state




def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A hidden, wrapping line for a message that belongs to no single field."""
    label = QLabel()
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    label.hide()
    return label


def save_buttons(dialog: QDialog, save: Callable[[], object], *,
                 close: bool = False) -> tuple[QDialogButtonBox, QPushButton]:
    """保存 and 取消 (or 关闭, for a dialog that stays open after saving); 保存 calls ``save``."""
    other = (QDialogButtonBox.StandardButton.Close if close
             else QDialogButtonBox.StandardButton.Cancel)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | other)
    button = buttons.button(QDialogButtonBox.StandardButton.Save)
    button.clicked.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons, button
