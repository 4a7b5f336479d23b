"""帮扶记录: the aid paid to this household, "Record aid…" for a new payment, "Correct…" for
one recorded wrong and "Void…" for one recorded by mistake (ui.dialogs.payment_corrections).

A voided payment stays on the list, grey, with the day, the officer and the reason; it no
longer counts in the total, the ledger or the forms. Money on record is never deleted.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.hardship import TEMPORARY_AID
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.services.aid import payments_between
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.dialogs.payment_corrections import CorrectionButtons
from gonghui_desk.ui.models.hardship_table import PaymentLedgerModel
from gonghui_desk.ui.widgets.tables import configure_table
from gonghui_desk.ui.write_access import enable_writes

EVER = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


class PaymentsTab(QWidget):
    """Emits ``paid`` after a payment was recorded or voided."""

    paid = Signal()

    def __init__(self, context: AppContext, handler: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.handler = handler
        self.file_id: int | None = None
        self.household = ""
        self.model = PaymentLedgerModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in self.model.columns])
        self.table.setColumnHidden(1, True)  # the household's name: the same on every line
        self.record_button = QPushButton(self.tr("Record aid…"))
        self.record_button.clicked.connect(self.record)
        self.corrections = CorrectionButtons(self, context, self.table, self.model.row,
                                             self.paid.emit, "payment")
        self.correct_button = self.corrections.correct_button
        self.void_button = self.corrections.void_button
        self.total = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.void_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.dialog: AidPaymentDialog | None = None
        self.temporary_only = False

    def load(self, file_id: int | None, household: str, can_pay: bool,
             temporary_only: bool = False) -> None:
        self.file_id, self.household = file_id, household
        self.temporary_only = temporary_only
        rows = payments_between(self.context.db.sessions, *EVER, file_id=file_id,
                                with_voided=True) if file_id is not None else []
        self.model.set_rows(rows)
        self.total.setText(self.tr("%n payment(s), %1 yuan in all", "",
                                   len(self.model.in_force()))
                           .replace("%1", yuan_text(self.model.total(), unit="")))
        enable_writes(self.context, self.record_button, when=can_pay and file_id is not None)
        self.corrections.update()


    def record(self) -> AidPaymentDialog | None:
        if self.file_id is None:
            return None
        dialog = AidPaymentDialog(self.context, self.file_id, self.household, self.handler, self)
        if self.temporary_only:  # a file still being examined
            dialog.set_kind(TEMPORARY_AID)
        dialog.accepted.connect(self.paid.emit)
        dialog.open()
        self.dialog = dialog
        return dialog

    def void(self, reason: str | None = None) -> bool:
        return self.corrections.void(reason)

    def correct(self) -> AidPaymentDialog | None:
        return self.corrections.correct()
