"""登记帮扶: record aid paid to a household (帮扶资金发放登记).

Medical aid asks for the patient and illness with the year's costs, study aid for the
student and school; those boxes show only for their type of aid. What the service refuses
is shown under the field concerned, and nothing is recorded until everything is right.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.aid import RECORD_PAYMENT, record_payment
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.hardship_fields import payment_title
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.fields import CodeCombo, FieldRow
from gonghui_desk.ui.widgets.inputs import DayEdit, MoneyEdit, to_qdate

COMMON = ("kind", "day", "amount", "fund_source", "handled_by", "signed_by", "note")
MEDICAL = ("patient", "patient_relation", "disease", "out_of_pocket", "hospital_stays",
           "branch_amount", "social_amount", "treatment")
STUDY = ("student", "school", "major", "study_years", "admission_batch", "fees",
         "student_loan")
MONEY = ("amount", "out_of_pocket", "branch_amount", "social_amount", "fees", "student_loan")
COUNTS = ("hospital_stays", "study_years")
SELF = "本人"  # the patient is the applicant


class AidPaymentDialog(QDialog):
    def __init__(self, context: AppContext, file_id: int, household: str, handler: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.file_id = file_id
        self.payment_id: int | None = None
        self.setWindowTitle(self.tr("Record aid for %1").replace("%1", household))
        self.widgets: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        for key in (*COMMON, *MEDICAL, *STUDY):
            widget = self._make_widget(key)
            widget.setObjectName(key)
            self.widgets[key] = widget
            self.rows[key] = FieldRow(widget)
        self.line("handled_by").setText(handler)
        self.line("signed_by").setPlaceholderText(self.tr("who received it"))

        self.medical_box = self._box(self.tr("Medical aid"), MEDICAL)
        self.study_box = self._box(self.tr("Study aid"), STUDY)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._box(self.tr("Payment"), COMMON))
        layout.addWidget(self.medical_box)
        layout.addWidget(self.study_box)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        kind = self.widgets["kind"]
        assert isinstance(kind, QComboBox)
        kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.setMinimumWidth(540)
        self._kind_changed()

    def _make_widget(self, key: str) -> QWidget:
        if key == "kind":
            return CodeCombo(hs.AID_TYPE, blank=False)
        if key == "fund_source":
            return CodeCombo(hs.FUND_SOURCE, blank=False)
        if key == "day":
            today = self.context.clock.today()
            day = DayEdit(today)
            day.setMaximumDate(to_qdate(today))
            return day
        if key in MONEY:
            return MoneyEdit()
        if key in COUNTS:
            count = QSpinBox()
            count.setRange(0, 99)
            return count
        if key == "patient_relation":
            relation = QComboBox()
            relation.setEditable(True)
            relation.addItems(["", SELF, *hs.RELATION.values])
            return relation
        return QLineEdit()

    def _box(self, title: str, keys: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key in keys:
            form.addRow(payment_title(key), self.rows[key])
        return box

    def line(self, key: str) -> QLineEdit:
        widget = self.widgets[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def set_kind(self, kind: str) -> None:
        combo = self.widgets["kind"]
        assert isinstance(combo, CodeCombo)
        combo.set_value(kind)

    def _kind_changed(self) -> None:
        kind = self.draft().kind
        self.medical_box.setVisible(kind == hs.MEDICAL_AID)
        self.study_box.setVisible(kind == hs.STUDY_AID)
        self.resize(max(self.width(), self.minimumWidth()), self.sizeHint().height())

    def draft(self) -> PaymentDraft:
        """What the form says; the details of the other kinds of aid are left out."""
        values: dict[str, object] = {}
        kind = self.widgets["kind"]
        assert isinstance(kind, QComboBox)
        shown = (*COMMON, *(MEDICAL if kind.currentText() == hs.MEDICAL_AID else ()),
                 *(STUDY if kind.currentText() == hs.STUDY_AID else ()))
        for key in shown:
            widget = self.widgets[key]
            if isinstance(widget, MoneyEdit | DayEdit | QSpinBox):
                values[key] = widget.value()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentText().strip()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text().strip()
        return PaymentDraft(**values)  # type: ignore[arg-type]

    def show_problems(self, error: ValidationError) -> None:
        general = []
        for problem in error.problems:
            row = self.rows.get(problem.key)
            if row is not None and row.isVisibleTo(self):
                row.show_message(problem.message)
            else:
                general.append(str(problem))
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general))

    def accept(self) -> None:
        for row in self.rows.values():
            row.show_message("")
        self.general.hide()
        file_id, draft = self.file_id, self.draft()
        try:
            self.payment_id = self.context.runner.run(Op(
                RECORD_PAYMENT, lambda tx: record_payment(tx, file_id, draft))).value
        except ValidationError as error:
            self.show_problems(error)
            return
        except UserError as error:
            show_user_error(self, error)
            return
        super().accept()
