"""The hardship files list and the aid ledger as table models over frozen service rows.

A branch keeps tens or a few hundred files, so each model holds its whole list (read by
the service with ID numbers already masked) and sorts it in Python. Nothing sensitive
reaches these models: no full ID number, no bank account, no health details.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.services.aid import PaymentRow
from gonghui_desk.services.hardship_list import FileRow
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "HardshipColumns"
ModelIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
OVERDUE = QColor("#b3261e")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str
    header: str  # English source text, translated in context "HardshipColumns"
    value: Callable[[Row], str]
    sort_value: Callable[[Row], Any]
    width: int
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


CENTRE = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight

FILE_COLUMNS: tuple[Column[FileRow], ...] = (
    Column("name", QT_TRANSLATE_NOOP("HardshipColumns", "Name"), lambda r: r.name,
           lambda r: r.name, 90),
    Column("id_number", QT_TRANSLATE_NOOP("HardshipColumns", "ID number"),
           lambda r: r.id_number_masked, lambda r: r.id_number_masked, 165),
    Column("category", QT_TRANSLATE_NOOP("HardshipColumns", "Category"), lambda r: r.category,
           lambda r: r.category, 90, CENTRE),
    Column("state", QT_TRANSLATE_NOOP("HardshipColumns", "State"), lambda r: r.state,
           lambda r: r.state, 100, CENTRE),
    Column("household_size", QT_TRANSLATE_NOOP("HardshipColumns", "Household size"),
           lambda r: str(r.household_size), lambda r: r.household_size, 70, CENTRE),
    Column("applied_on", QT_TRANSLATE_NOOP("HardshipColumns", "Applied"),
           lambda r: _date(r.applied_on), lambda r: r.applied_on, 100, CENTRE),
    Column("review_due", QT_TRANSLATE_NOOP("HardshipColumns", "Next review"),
           lambda r: _date(r.review_due), lambda r: r.review_due or dt.date.max, 100, CENTRE),
    Column("aid_this_year", QT_TRANSLATE_NOOP("HardshipColumns", "Aid this year (yuan)"),
           lambda r: yuan_text(r.aid_this_year, unit="") if r.aid_this_year else "",
           lambda r: r.aid_this_year, 130, RIGHT),
)

PAYMENT_COLUMNS: tuple[Column[PaymentRow], ...] = (
    Column("day", QT_TRANSLATE_NOOP("HardshipColumns", "Paid on"), lambda r: _date(r.day),
           lambda r: (r.day, r.id), 88, CENTRE),
    Column("name", QT_TRANSLATE_NOOP("HardshipColumns", "Recipient"), lambda r: r.name,
           lambda r: r.name, 60),
    Column("kind", QT_TRANSLATE_NOOP("HardshipColumns", "Type of aid"), lambda r: r.kind,
           lambda r: r.kind, 128),
    Column("amount", QT_TRANSLATE_NOOP("HardshipColumns", "Amount (yuan)"),
           lambda r: yuan_text(r.amount, unit=""), lambda r: r.amount, 88, RIGHT),
    Column("fund_source", QT_TRANSLATE_NOOP("HardshipColumns", "Fund source"),
           lambda r: r.fund_source, lambda r: r.fund_source, 92),
    Column("handled_by", QT_TRANSLATE_NOOP("HardshipColumns", "Handled by"),
           lambda r: r.handled_by, lambda r: r.handled_by, 66),
    Column("signed_by", QT_TRANSLATE_NOOP("HardshipColumns", "Signed for by"),
           lambda r: r.signed_by, lambda r: r.signed_by, 72),
    Column("note", QT_TRANSLATE_NOOP("HardshipColumns", "Notes"), lambda r: r.note,
           lambda r: r.note, 40),
)


class RowListModel(QAbstractTableModel, Generic[Row]):
    """Rows of one service DTO type under declared columns; sortable by any column."""

    def __init__(self, columns: Sequence[Column[Row]]) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self.rows[index]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, self.columns[section].header)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, column, role)

    def extra_data(self, row: Row, column: Column[Row], role: int) -> Any:
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=self.columns[column].sort_value,
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class HardshipFileModel(RowListModel[FileRow]):
    """The files list; a review that is due (or overdue) by ``today`` shows in red."""

    def __init__(self, today: dt.date) -> None:
        super().__init__(FILE_COLUMNS)
        self.today = today

    def file_id(self, row: int) -> int:
        return self.rows[row].id

    def row_of(self, file_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == file_id), None)

    def extra_data(self, row: FileRow, column: Column[FileRow], role: int) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and column.key == "review_due"
                and row.review_due is not None and row.review_due <= self.today):
            return QBrush(OVERDUE)
        return None


class PaymentLedgerModel(RowListModel[PaymentRow]):
    def __init__(self) -> None:
        super().__init__(PAYMENT_COLUMNS)

    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal(0))
