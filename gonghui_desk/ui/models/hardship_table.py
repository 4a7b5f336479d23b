"""The hardship files list and the aid ledger as table models over frozen service rows.

A branch keeps tens or a few hundred files, so each model holds its whole list (read by
the service with ID numbers already masked) and sorts it in Python. Nothing sensitive
reaches these models: no full ID number, no bank account, no health details. A voided
payment (listed only on its file's 帮扶记录) shows grey with the reason in its notes and is
left out of the total.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.services.aid import PaymentRow
from gonghui_desk.services.hardship_list import FileRow
from gonghui_desk.ui.models.row_list import CENTRE, RIGHT, Column, RowListModel
from gonghui_desk.ui.style import ERROR_RED, FADED
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "HardshipColumns"
OVERDUE = QColor(ERROR_RED)
VOIDED = QColor(FADED)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _payment_note(row: PaymentRow) -> str:
    if not row.voided:
        return row.note
    said = (QCoreApplication.translate(CONTEXT, "Voided on %1 by %2: %3")
            .replace("%1", _date(row.voided_on)).replace("%2", row.voided_by)
            .replace("%3", row.void_reason))
    return f"{said}　{row.note}" if row.note else said


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
    Column("note", QT_TRANSLATE_NOOP("HardshipColumns", "Notes"), _payment_note,
           _payment_note, 40),
)


class HardshipFileModel(RowListModel[FileRow]):
    """The files list; a review that is due (or overdue) by ``today`` shows in red."""

    context = CONTEXT

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
    context = CONTEXT

    def __init__(self) -> None:
        super().__init__(PAYMENT_COLUMNS)

    def in_force(self) -> list[PaymentRow]:
        return [r for r in self.rows if not r.voided]

    def total(self) -> Decimal:
        """What was paid: the voided payments do not count."""
        return sum((r.amount for r in self.in_force()), Decimal(0))

    def extra_data(self, row: PaymentRow, column: Column[PaymentRow], role: int) -> Any:
        if row.voided and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(VOIDED)
        if row.voided and role == Qt.ItemDataRole.ToolTipRole:
            return _payment_note(row)
        return None
