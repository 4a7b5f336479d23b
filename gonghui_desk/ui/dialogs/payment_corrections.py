"""作废 and 更正 of a recorded aid payment, for every list that shows payments.

The file's 帮扶记录 tab and the 帮扶台账 both offer them, so the chair corrects a payment
where they see it. Voiding asks for the reason; correcting opens the payment's form filled
in, with a reason field. Neither ever deletes money on record.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.errors import UserError
from gonghui_desk.services.aid import VOID_PAYMENT, PaymentRow, void_payment
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.errors import show_user_error


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
