"""Inputs the contract dialog shares: a step's date, a count that may be unknown, a percentage.

A step that has not happened has no date; its calendar then opens at this month, so
picking the day of a 要约 takes one click. A count
left at "not filled in" is unknown, not 0. Amounts and percentages are read as ``Decimal``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from gonghui_desk.clock import Clock
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.ui.widgets.fields import OptionalDateEdit
from gonghui_desk.ui.widgets.inputs import MoneyEdit

UNSET = -1  # an OptionalCount's minimum, shown as "not filled in"
MAX_COUNT = 1_000_000
PERCENT_PATTERN = r"[-−]?[0-9]{0,3}(\.[0-9]{0,2})?"


class StepDateEdit(OptionalDateEdit):
    """The day a step happened, blank until it has; its calendar opens at this month."""

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.opens_at = clock.today


class OptionalCount(QSpinBox):
    """A number of people that may be left unknown (``None``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(UNSET, MAX_COUNT)
        self.setSpecialValueText(self.tr("not filled in"))
        self.setSuffix(self.tr(" people"))
        self.setGroupSeparatorShown(True)  # 3,022 人, as every count reads
        self.setMaximumWidth(150)
        self.setValue(UNSET)

    def number(self) -> int | None:
        return None if self.value() == UNSET else self.value()

    def set_number(self, value: int | None) -> None:
        self.setValue(UNSET if value is None else value)


class PercentEdit(QLineEdit):
    """A percentage with up to two decimals, e.g. 5.5; empty means not given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(PERCENT_PATTERN), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(100)

    def number(self) -> Decimal | None:
        """``None`` when empty, or when what is typed is no number (a lone "-")."""
        text = self.text().strip().replace("−", "-")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            return None

    def set_number(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value.normalize():f}")


def optional_money(edit: MoneyEdit) -> Decimal | None:
    """An amount in yuan, or ``None`` when the box is empty."""
    return edit.value() if edit.text().strip() else None


def set_money(edit: MoneyEdit, value: Decimal | None) -> None:
    if value is None:
        edit.clear()
    else:
        edit.setText(yuan_text(value, unit="", grouping=False))


def text_box(height: int = 70) -> QPlainTextEdit:
    """A few lines of free text (主要内容, 审查意见), without rich-text pasting."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box
