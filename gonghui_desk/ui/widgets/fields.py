"""Input widgets for record dialogs: an optional date, a code-list dropdown, a message slot,
a titled group of rows and a save button with its status line.

A ``FieldRow`` puts a red message right under its input, so a user sees which value to
correct without reading a list at the top of the dialog. The message goes once the field
is put right: by default as soon as the field changes, or — where a dialog can check its
fields while they are typed (``follow_changes``) — once the check no longer finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.date_field import DateField, unreadable_dates


class OptionalDateEdit(DateField):
    """A date that may be left blank."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, optional=True, parent=parent)


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


def change_signal(field: QWidget) -> SignalInstance | None:
    """The signal a field sends whenever its value changes, typed or set."""
    if isinstance(field, DateField):
        return field.dateChanged
    if isinstance(field, QLineEdit | QPlainTextEdit):
        return field.textChanged
    if isinstance(field, QComboBox):
        return field.currentTextChanged
    if isinstance(field, QSpinBox | QDoubleSpinBox):
        return field.valueChanged
    if isinstance(field, QAbstractButton):
        return field.toggled
    changed = getattr(field, "changed", None)  # a composite input of our own
    return changed if isinstance(changed, SignalInstance) else None


class FieldRow(QWidget):
    """An input with its message underneath (hidden while there is nothing to say)."""

    changed = Signal()  # the field's value changed

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.recheck: Callable[[], None] | None = None  # set by ``follow_changes``
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
        signal = change_signal(field)
        if signal is not None:
            signal.connect(self.changed)
        self.changed.connect(self._field_changed)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def has_message(self) -> bool:
        return self.message.isVisibleTo(self)

    def _field_changed(self) -> None:
        if self.recheck is not None:
            self.recheck()
        elif self.has_message():  # the value it was about is gone
            self.show_message("")


def follow_changes(rows: Mapping[str, FieldRow],
                   check: Callable[[], Mapping[str, str]]) -> None:
    """After any of ``rows`` changes, re-check the values while a message is shown:
    ``check`` gives the message for each key still wrong. A message is replaced by its
    present wording, or cleared once its field is right (such as 性别 once the ID number
    it disagreed with is corrected); no new message appears before the next save."""

    def recheck() -> None:
        shown = [(key, row) for key, row in rows.items() if row.has_message()]
        if not shown:
            return
        problems = check()
        for key, row in shown:
            row.show_message(problems.get(key, ""))

    for row in rows.values():
        row.recheck = recheck


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
    # a date typed so that it cannot be read is never saved as some other day
    button.clicked.connect(lambda: unreadable_dates(dialog) or save())
    buttons.rejected.connect(dialog.reject)
    return buttons, button
