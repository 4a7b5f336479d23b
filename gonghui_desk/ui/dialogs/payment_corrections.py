"""作废 and 更正 of a recorded aid payment, for every list that shows payments.

The file's 帮扶记录 tab and the 帮扶台账 both offer them (``CorrectionButtons``), so the chair
corrects a payment where they see it. Voiding asks for the reason; correcting opens the
payment's form filled in, with a reason field. Neither ever deletes money on record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QPushButton, QTableView, QWidget

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.errors import UserError
from gonghui_desk.services.aid import VOID_PAYMENT, PaymentRow, void_payment
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.write_access import enable_writes


def void_chosen(parent: QWidget, context: AppContext, chosen: PaymentRow,
                reason: str | None = None) -> bool:
    """Void ``chosen``, asking for the reason unless given; False when not voided."""
    if chosen.voided:
        return False
    if reason is None:
        reason, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("PaymentsTab", "Void the payment"),
            QCoreApplication.translate(
                "PaymentsTab", "Why is the %1 of %2 yuan paid on %3 voided? It stays on record, "
                "marked as voided, and no longer counts.")
            .replace("%1", chosen.kind).replace("%2", yuan_text(chosen.amount, unit=""))
            .replace("%3", f"{chosen.day:%Y-%m-%d}"))
        if not ok:
            return False
    payment_id, why = chosen.id, reason
    try:
        context.runner.run(Op(VOID_PAYMENT, lambda tx: void_payment(tx, payment_id, why)))
    except UserError as error:  # a reason too short, the book read-only …
        show_user_error(parent, error)
        return False
    return True


def open_correction(parent: QWidget, context: AppContext,
                    chosen: PaymentRow) -> AidPaymentDialog | None:
    """The form to correct ``chosen`` (opened, not run); ``None`` for a voided payment."""
    if chosen.voided:
        return None
    dialog = AidPaymentDialog(context, chosen.file_id, chosen.name, chosen.handled_by, parent,
                              correcting=chosen.id)
    dialog.open()
    return dialog


class CorrectionButtons(QObject):
    """更正… and 作废… for a table of payments: offered while one payment in force is
    selected; ``done`` runs after a payment was voided or its correction saved."""

    def __init__(self, parent: QWidget, context: AppContext, table: QTableView,
                 row_of: Callable[[int], PaymentRow], done: Callable[[], None],
                 name: str) -> None:
        super().__init__(parent)
        self.parent_widget, self.context, self.table = parent, context, table
        self.row_of, self.done = row_of, done
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setObjectName(f"{name}_correct")
        self.correct_button.setToolTip(self.tr(
            "For a payment recorded with a wrong amount, date or detail: it is voided with "
            "your reason and the corrected one recorded in its place."))
        self.correct_button.clicked.connect(lambda: self.correct())
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName(f"{name}_void")
        self.void_button.setToolTip(self.tr(
            "For a payment recorded by mistake: it stays on record, marked as voided with "
            "the reason, and no longer counts."))
        self.void_button.clicked.connect(lambda: self.void())
        table.selectionModel().selectionChanged.connect(lambda *_: self.update())
        self.dialog: AidPaymentDialog | None = None

    def selected(self) -> PaymentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.row_of(rows[0].row()) if rows else None

    def update(self) -> None:
        chosen = self.selected()
        for button in (self.void_button, self.correct_button):
            enable_writes(self.context, button, when=chosen is not None and not chosen.voided)

    def void(self, reason: str | None = None) -> bool:
        """Void the selected payment, asking for the reason unless given."""
        chosen = self.selected()
        if chosen is None or not void_chosen(self.parent_widget, self.context, chosen, reason):
            return False
        self.done()
        return True

    def correct(self) -> AidPaymentDialog | None:
        """Open the selected payment's form to correct it (the old one is then voided)."""
        chosen = self.selected()
        dialog = open_correction(self.parent_widget, self.context, chosen) if chosen else None
        if dialog is not None:
            dialog.accepted.connect(self.done)
            self.dialog = dialog
        return dialog
