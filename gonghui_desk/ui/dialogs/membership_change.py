"""Record a membership change (会籍变化) for one member: only the changes that can follow
the member's present status are offered, and each message sits next to its field until
the field is put right (the change is checked again as it is edited)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON
from gonghui_desk.errors import ValidationError
from gonghui_desk.services.member_records import MemberDetail
from gonghui_desk.services.membership import ADD_EVENT, add_event
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.models.member_fields import title
from gonghui_desk.ui.screen_fit import scroll_body
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import CodeCombo, FieldRow, OptionalDateEdit, follow_changes
from gonghui_desk.ui.widgets.inputs import to_qdate


class MembershipChangeDialog(QDialog):
    def __init__(
        self, context: AppContext, detail: MemberDetail, handler: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.detail = detail
        self.new_status = detail.status
        self.setWindowTitle(self.tr("Membership change: %1").replace("%1", detail.data.name))
        self.kind = QComboBox()
        self.kind.addItems(list(ms.kinds_allowed_after(detail.status)))
        self.date = OptionalDateEdit()
        today = context.clock.today()
        self.date.set_value(today)
        self.date.setMaximumDate(to_qdate(today))
        self.reason = CodeCombo(MEMBERSHIP_CHANGE_REASON)
        self.union = QLineEdit()
        self.handled_by = QLineEdit(handler)
        self.rows = {
            "kind": FieldRow(self.kind),
            "effective_date": FieldRow(self.date),
            "reason": FieldRow(self.reason),
            "counterpart_union": FieldRow(self.union),
            "handled_by": FieldRow(self.handled_by),
        }
        current = QLabel(self.tr("Present status: %1").replace("%1", detail.status))
        form = QFormLayout()
        for key, row in self.rows.items():
            form.addRow(title(key), row)
        self.union_hint = QLabel()
        self.union_hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addLayout(form)
        layout.addWidget(self.union_hint)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        follow_changes(self.rows, self._problems_now)
        scroll_body(self, 520)

    def _kind_changed(self) -> None:
        kind = self.kind.currentText()
        hints = {
            ms.TRANSFER_IN: self.tr("Other union: the union the member transfers from."),
            ms.TRANSFER_OUT: self.tr("Other union: the union the member transfers to."),
            ms.RESERVE: self.tr(
                "Reserved members (e.g. after retirement) pay no dues and cannot vote "
                "or stand for election."),
        }
        self.union_hint.setText(hints.get(kind, ""))
        self.union.setEnabled(kind in (ms.TRANSFER_IN, ms.TRANSFER_OUT))

    def draft(self) -> ms.EventDraft:
        return ms.EventDraft(
            self.kind.currentText(), self.date.value(), self.reason.value(),
            self.union.text() if self.union.isEnabled() else "", self.handled_by.text(),
        )

    def _problems_now(self) -> dict[str, str]:
        history = [(event.effective_date, event.kind) for event in self.detail.events]
        problems = ms.check_event(self.draft(), history, birth_date=self.detail.data.birth_date,
                                  today=self.context.clock.today())
        found: dict[str, str] = {}
        for problem in problems:
            found.setdefault(problem.key if problem.key in self.rows else "kind", problem.message)
        return found

    def accept(self) -> None:
        if unreadable_dates(self):
            return
        for row in self.rows.values():
            row.show_message("")
        member_id, draft = self.detail.id, self.draft()
        try:
            self.new_status = self.context.runner.run(
                Op(ADD_EVENT, lambda tx: add_event(tx, member_id, draft))).value
        except ValidationError as error:
            for problem in error.problems:
                self.rows.get(problem.key, self.rows["kind"]).show_message(problem.message)
            return
        super().accept()
