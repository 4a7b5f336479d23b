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
from gonghui_desk.services.aid import PaymentRow, payments_between
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.dialogs.payment_corrections import open_correction, void_chosen
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
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.record_button = QPushButton(self.tr("Record aid…"))
        self.record_button.clicked.connect(self.record)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setToolTip(self.tr(
            "For a payment recorded by mistake: it stays on record, marked as voided with "
            "the reason, and no longer counts."))
        self.void_button.clicked.connect(lambda: self.void())
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName("correct_payment")
        self.correct_button.setToolTip(self.tr(
            "For a payment recorded with a wrong amount, date or detail: it is voided with "
            "your reason and the corrected one recorded in its place."))
        self.correct_button.clicked.connect(lambda: self.correct())
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
        self._update_buttons()

    def selected(self) -> PaymentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.void_button, self.correct_button):
            enable_writes(self.context, button, when=chosen is not None and not chosen.voided)

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
        """Void the selected payment, asking for the reason unless given."""
        chosen = self.selected()
        if chosen is None or not void_chosen(self, self.context, chosen, reason):
            return False
        self.paid.emit()
        return True

    def correct(self) -> AidPaymentDialog | None:
        """Open the selected payment's form to correct it (the old one is then voided)."""
        chosen = self.selected()
        dialog = open_correction(self, self.context, chosen) if chosen else None
        if dialog is not None:
            dialog.accepted.connect(self.paid.emit)
            self.dialog = dialog
        return dialog
