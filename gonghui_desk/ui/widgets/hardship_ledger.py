"""帮扶台账: the aid paid in a period, payment by payment, with totals per type and source.

The totals come from ``services.aid.totals`` (summed in SQL), the lines from
``payments_between``; both read the same period, so the two always agree. A voided payment
is listed grey with its reason and counts nowhere. Double-clicking a line asks for that
household's file; 更正… and 作废… correct a payment where the chair sees it, and the
period's 帮扶资金发放登记表 is exported or printed from here (ui.widgets.ledger_export).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.services.aid import AidTotals, payments_between, totals
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.dialogs.payment_corrections import CorrectionButtons
from gonghui_desk.ui.models.hardship_table import PaymentLedgerModel
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.inputs import DayEdit
from gonghui_desk.ui.widgets.ledger_export import export_ledger, print_ledger
from gonghui_desk.ui.widgets.tables import configure_table, keep_sorted, make_sortable

PDF, XLSX = ".pdf", ".xlsx"


class AidLedgerPanel(QWidget):
    """Emits ``open_file`` with a file id when a payment line is double-clicked, and
    ``changed`` after a payment was voided or corrected here."""

    open_file = Signal(int)
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        today = context.clock.today()
        self.start = DayEdit(dt.date(today.year, 1, 1))
        self.start.setObjectName("ledger_start")
        self.end = DayEdit(today)
        self.end.setObjectName("ledger_end")
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Paid from")))
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        self.summary = QLabel()
        period.addWidget(self.summary, 1)

        self.model = PaymentLedgerModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in self.model.columns])
        make_sortable(self.table, self.model)
        self.table.doubleClicked.connect(
            lambda index: self.open_file.emit(self.model.row(index.row()).file_id))
        self.corrections = CorrectionButtons(self, context, self.table, self.model.row,
                                             self._done, "ledger")
        self.correct_button = self.corrections.correct_button
        self.void_button = self.corrections.void_button
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export(PDF))
        self.xlsx_button = QPushButton(self.tr("Export Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export(XLSX))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(lambda: self.print_ledger())
        actions = QHBoxLayout()
        for button in (self.correct_button, self.void_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            actions.addWidget(button)

        self.by_kind = TotalsBox(self.tr("By type of aid"))
        self.by_source = TotalsBox(self.tr("By fund source"))
        sums = QVBoxLayout()
        sums.addWidget(self.by_kind)
        sums.addWidget(self.by_source)
        sums.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(sums)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(period)
        layout.addLayout(actions)
        layout.addLayout(body, 1)
        self.start.dateChanged.connect(lambda _: self.reload())
        self.end.dateChanged.connect(lambda _: self.reload())
        self.aid_totals = AidTotals()
        self._update_buttons()

    def reload(self) -> None:
        start, end = self.start.value(), self.end.value()
        if end < start:
            self.model.set_rows([])
            self.summary.setText(self.tr("The end of the period is before its start."))
            self.aid_totals = AidTotals()
            self._update_buttons()
            return
        self.model.set_rows(payments_between(self.sessions, start, end, with_voided=True))
        keep_sorted(self.table, self.model)
        self.aid_totals = totals(self.sessions, start, end)
        self.summary.setText(
            grouped_count(self.tr("%n payment(s), %1 yuan in all", "", self.aid_totals.count),
                          self.aid_totals.count)
            .replace("%1", yuan_text(self.aid_totals.total, unit=""))
        )
        self.by_kind.show_amounts(self.aid_totals.by_kind)
        self.by_source.show_amounts(self.aid_totals.by_source)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.corrections.update()
        in_order = self.start.value() <= self.end.value()
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(in_order)

    def _done(self) -> None:
        self.reload()
        self.changed.emit()

    def void(self, reason: str | None = None) -> bool:
        return self.corrections.void(reason)

    def correct(self) -> AidPaymentDialog | None:
        return self.corrections.correct()

    def export(self, suffix: str) -> Path | None:
        return export_ledger(self, self.context, self.start.value(), self.end.value(), suffix)

    def print_ledger(self) -> bool:
        return print_ledger(self, self.context, self.start.value(), self.end.value())


class TotalsBox(QGroupBox):
    """One line per type or source: its name and the amount in yuan, right-aligned."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(210)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(0, 1)
        self.figures: dict[str, QLabel] = {}

    def show_amounts(self, amounts: dict[str, Decimal]) -> None:
        for name in amounts:
            if name not in self.figures:
                row = len(self.figures)
                figure = QLabel()
                figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(QLabel(name), row, 0)
                self.grid.addWidget(figure, row, 1)
                self.figures[name] = figure
        for name, figure in self.figures.items():
            amount = amounts.get(name, Decimal(0))
            figure.setText(yuan_text(amount, unit=""))
            figure.setStyleSheet("font-weight: bold;" if amount else MUTED_STYLE)

    def amount_text(self, name: str) -> str:
        return self.figures[name].text()
