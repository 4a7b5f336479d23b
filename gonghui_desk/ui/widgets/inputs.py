"""Inputs every area's dialogs share: an amount in yuan, a count of people or places, a
required date (the one ``DateField``, refusing empty text), a code table cell, and the turn
of a ``datetime.date`` into a ``QDate`` and back.

Amounts are typed as text and read as ``Decimal`` (never through a float), so 0.1 + 0.2
yuan is 0.30 yuan. Thousands separators pasted from a spreadsheet are accepted.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.ui.widgets.date_field import DateField
from gonghui_desk.ui.widgets.fields import CodeCombo

MONEY_PATTERN = r"[0-9,]{0,13}(\.[0-9]{0,2})?"


def parse_money(text: str) -> Decimal | None:
    """``"1,234.5"`` → ``Decimal("1234.5")``; ``None`` for text that is not an amount."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    if not cleaned:
        return Decimal(0)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def money_text(amount: Decimal) -> str:
    """An amount as it is typed: ``Decimal("1234.5")`` → ``"1234.50"``; 0 → ``""``."""
    return "" if amount == 0 else yuan_text(amount, unit="", grouping=False)


class MoneyEdit(QLineEdit):
    """Yuan with at most two decimals; empty means 0 (or "not given" for ``optional``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(MONEY_PATTERN), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0.00")
        self.setMaximumWidth(160)

    def value(self) -> Decimal:
        return parse_money(self.text()) or Decimal(0)

    def optional_value(self) -> float | None:
        """For a measure such as floor area: ``None`` when left empty."""
        if not self.text().strip():
            return None
        return float(self.value())

    def set_value(self, amount: Decimal | float | None) -> None:
        if amount is None:
            self.clear()
        else:
            self.setText(money_text(Decimal(str(amount))))


def count_box(maximum: int, minimum: int = 0) -> QSpinBox:
    """A count of people or places, printed as 12,345 like every figure (a year is no count:
    its box shows 2026)."""
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setGroupSeparatorShown(True)
    return spin


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DayEdit(DateField):
    """A date that must be given (a step's day, a payment's day)."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(day, optional=False, parent=parent)
        self.setMinimumDate(dt.date(1950, 1, 1))

    def value(self) -> dt.date:
        day = super().value()
        assert day is not None  # a required field keeps its last readable day
        return day


ModelIndex = QModelIndex | QPersistentModelIndex


class CodeColumnDelegate(QStyledItemDelegate):
    """Edits a table cell with a dropdown over a code list (the cell keeps the text)."""

    def __init__(self, codes: CodeList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = codes

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        return CodeCombo(self.codes, parent=parent)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, CodeCombo):
            editor.set_value(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: ModelIndex) -> None:
        if isinstance(editor, CodeCombo):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
