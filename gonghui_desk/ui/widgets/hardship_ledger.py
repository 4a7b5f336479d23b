"""帮扶台账: the aid paid in a period, payment by payment, with totals per type and source.

The totals come from ``services.aid.totals`` (summed in SQL), the lines from
``payments_between``; both read the same period, so the two always agree. Double-clicking a
line asks for that household's file.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.services.aid import AidTotals, payments_between, totals
from gonghui_desk.ui.models.hardship_table import PaymentLedgerModel
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.inputs import DayEdit
from gonghui_desk.ui.widgets.tables import configure_table, keep_sorted, make_sortable


class AidLedgerPanel(QWidget):
    """Emits ``open_file`` with a file id when a payment line is double-clicked."""

    open_file = Signal(int)

    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        today = clock_of(sessions).today()
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
        layout.addLayout(body, 1)
        self.start.dateChanged.connect(lambda _: self.reload())
        self.end.dateChanged.connect(lambda _: self.reload())
        self.aid_totals = AidTotals()

    def reload(self) -> None:
        start, end = self.start.value(), self.end.value()
        if end < start:
            self.model.set_rows([])
            self.summary.setText(self.tr("The end of the period is before its start."))
            self.aid_totals = AidTotals()
            return
        self.model.set_rows(payments_between(self.sessions, start, end))
        keep_sorted(self.table, self.model)
        self.aid_totals = totals(self.sessions, start, end)
        self.summary.setText(
            grouped_count(self.tr("%n payment(s), %1 yuan in all", "", self.aid_totals.count),
                          self.aid_totals.count)
            .replace("%1", yuan_text(self.aid_totals.total, unit=""))
        )
        self.by_kind.show_amounts(self.aid_totals.by_kind)
        self.by_source.show_amounts(self.aid_totals.by_source)


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
