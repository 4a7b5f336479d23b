"""登记帮扶: record aid paid to a household (帮扶资金发放登记).

Medical aid asks for the patient and illness with the year's costs, study aid for the
student and school and what the 子女助学申请表 asks of the student (民族, 高考分数, 录取 and
毕业时间 …); those boxes show only for their type of aid. The patient and the student are
offered from the household on file: a household member's relation is filled in from there,
and the patient's sex and employer are asked only for someone not on the household list.
What the service refuses is shown under the field concerned, and nothing is recorded until
everything is right.

更正 opens the same form filled with a payment as recorded and asks for the reason: the
old payment is voided and the corrected one recorded, each naming the other
(services.aid.correct_payment), so the money on record is never changed in place.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.aid import MAX_EXAM_SCORE, SELF, STUDY_LEVEL, PaymentDraft
from gonghui_desk.domain.codes import ETHNICITY, GENDER, POLITICAL_STATUS
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.aid import (
    CORRECT_PAYMENT,
    RECORD_PAYMENT,
    correct_payment,
    load_payment,
    record_payment,
)
from gonghui_desk.services.hardship import load_file
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.hardship_fields import payment_title
from gonghui_desk.ui.screen_fit import fit_to_screen, scroll_body
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import CodeCombo, FieldRow, OptionalDateEdit
from gonghui_desk.ui.widgets.inputs import DayEdit, MoneyEdit, to_qdate

COMMON = ("kind", "day", "amount", "fund_source", "handled_by", "signed_by", "note")
# Each box in two columns, so that the dialog stays within a laptop's screen.
MEDICAL = (("patient", "patient_relation", "patient_gender", "patient_work_unit", "disease"),
           ("out_of_pocket", "hospital_stays", "branch_amount", "social_amount", "treatment"))
STUDY = (("student", "student_ethnicity", "student_political_status", "student_phone",
          "exam_score", "study_level", "current_cohort"),
         ("school", "major", "study_years", "admission_batch", "admitted_on", "graduating_on",
          "fees", "student_loan"))
MEDICAL_KEYS = MEDICAL[0] + MEDICAL[1]
STUDY_KEYS = STUDY[0] + STUDY[1]
MONEY = ("amount", "out_of_pocket", "branch_amount", "social_amount", "fees", "student_loan")
COUNTS = ("hospital_stays", "study_years")
CODED = {"patient_gender": GENDER, "student_ethnicity": ETHNICITY,
         "student_political_status": POLITICAL_STATUS, "study_level": STUDY_LEVEL}
DATES = ("admitted_on", "graduating_on")
NO_SCORE = -1  # the score box's "not given"
YES, NO = "是", "否"
# Only asked for a patient who is not on the household list (the file has a member's).
OUTSIDE = ("patient_gender", "patient_work_unit")


class AidPaymentDialog(QDialog):
    def __init__(self, context: AppContext, file_id: int, household: str, handler: str = "",
                 parent: QWidget | None = None, *, correcting: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.file_id = file_id
        self.payment_id: int | None = None
        self.correcting = correcting  # the payment this form corrects
        self.setWindowTitle(self.tr("Record aid for %1").replace("%1", household)
                            if correcting is None else
                            self.tr("Correct payment no. %1 of %2").replace(
                                "%1", str(correcting)).replace("%2", household))
        self.widgets: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        draft, _, _ = load_file(context.db.sessions, file_id)
        # Who may be the patient or the student, and their relation to the worker.
        self.household = {draft.name: SELF, **{r.name: r.relation for r in draft.relatives}}
        self.filled_relation = ""  # what the household list filled in, until the user types
        for key in (*COMMON, *MEDICAL_KEYS, *STUDY_KEYS):
            widget = self._make_widget(key)
            widget.setObjectName(key)
            self.widgets[key] = widget
            self.rows[key] = FieldRow(widget)
        self.line("handled_by").setText(handler)
        self.line("signed_by").setPlaceholderText(self.tr("who received it"))

        for key, names in (("patient", list(self.household)),
                           ("student", [r.name for r in draft.relatives])):
            completer = QCompleter(names, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.line(key).setCompleter(completer)
        self.line("patient").textChanged.connect(lambda _: self._patient_changed())
        self.line("student_phone").setPlaceholderText(self.tr("11-digit mobile"))
        for key in OUTSIDE:
            self.rows[key].setToolTip(self.tr(
                "Only for a patient who is not on the household list: a household "
                "member's is taken from the file."))

        self.medical_box = self._box(self.tr("Medical aid"), *MEDICAL)
        self.study_box = self._box(self.tr("Study aid"), *STUDY)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.reason = QLineEdit()
        self.reason.setObjectName("void_reason")
        self.rows["void_reason"] = FieldRow(self.reason)
        if correcting is not None:
            why = QFormLayout()
            self.reason.setPlaceholderText(self.tr("what was wrong, e.g. 金额多录了一个零"))
            why.addRow(self.tr("Reason for the correction"), self.rows["void_reason"])
            hint = QLabel(self.tr("The payment as recorded is voided, with this reason, and "
                                  "the corrected one is recorded in its place."))
            hint.setWordWrap(True)
            why.addRow(hint)
            layout.addLayout(why)
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
        if correcting is not None:
            self.fill(load_payment(context.db.sessions, correcting)[1])
        self._patient_changed()
        self._kind_changed()
        scroll_body(self)

    def fill(self, draft: PaymentDraft) -> None:
        """The form as ``draft`` says (a payment to be corrected)."""
        for key, widget in self.widgets.items():
            value = getattr(draft, key)
            if key == "exam_score":
                assert isinstance(widget, QSpinBox)
                widget.setValue(NO_SCORE if value is None else int(value))
            elif key == "current_cohort":
                assert isinstance(widget, QComboBox)
                widget.setCurrentText({True: YES, False: NO}.get(value, ""))
            elif isinstance(widget, CodeCombo | MoneyEdit | DayEdit | OptionalDateEdit):
                widget.set_value(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))

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
        if key in CODED:
            return CodeCombo(CODED[key])
        if key in DATES:
            return OptionalDateEdit()
        if key == "exam_score":
            score = QSpinBox()
            score.setRange(NO_SCORE, MAX_EXAM_SCORE)
            score.setSpecialValueText(self.tr("not given"))
            score.setValue(NO_SCORE)
            return score
        if key == "current_cohort":
            cohort = QComboBox()
            cohort.addItems(["", YES, NO])
            return cohort
        return QLineEdit()

    def _box(self, title: str, *columns: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QHBoxLayout(box)
        for keys in columns:
            form = QFormLayout()
            for key in keys:
                form.addRow(payment_title(key), self.rows[key])
            layout.addLayout(form, 1)
        return box

    def _patient_changed(self) -> None:
        """A household member's relation comes from the file; their sex and employer too,
        so those are asked only for someone else."""
        name = self.line("patient").text().strip()
        relation = self.widgets["patient_relation"]
        assert isinstance(relation, QComboBox)
        typed = relation.currentText().strip()
        if not typed or typed == self.filled_relation:  # not the user's own choice
            self.filled_relation = self.household.get(name, "")
            relation.setCurrentText(self.filled_relation)
        for key in OUTSIDE:
            self.widgets[key].setEnabled(name not in self.household)

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
        # as tall as the boxes shown ask, moved up where its foot would leave the screen
        fit_to_screen(self, QSize(max(self.width(), self.minimumWidth()), 0))

    def draft(self) -> PaymentDraft:
        """What the form says; the details of the other kinds of aid are left out."""
        values: dict[str, object] = {}
        kind = self.widgets["kind"]
        assert isinstance(kind, QComboBox)
        shown = (*COMMON, *(MEDICAL_KEYS if kind.currentText() == hs.MEDICAL_AID else ()),
                 *(STUDY_KEYS if kind.currentText() == hs.STUDY_AID else ()))
        for key in shown:
            widget = self.widgets[key]
            if not widget.isEnabled():
                continue  # asked of someone else: the file has it
            if key == "exam_score":
                assert isinstance(widget, QSpinBox)
                values[key] = None if widget.value() == NO_SCORE else widget.value()
            elif key == "current_cohort":
                assert isinstance(widget, QComboBox)
                values[key] = {YES: True, NO: False}.get(widget.currentText())
            elif isinstance(widget, MoneyEdit | DayEdit | QSpinBox | OptionalDateEdit):
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
        if unreadable_dates(self):
            return
        for row in self.rows.values():
            row.show_message("")
        self.general.hide()
        file_id, draft, old, why = self.file_id, self.draft(), self.correcting, self.reason.text()
        try:
            if old is None:
                self.payment_id = self.context.runner.run(Op(
                    RECORD_PAYMENT, lambda tx: record_payment(tx, file_id, draft))).value
            else:
                self.payment_id = self.context.runner.run(Op(
                    CORRECT_PAYMENT, lambda tx: correct_payment(tx, old, draft, why))).value
        except ValidationError as error:
            self.show_problems(error)
            return
        except UserError as error:
            show_user_error(self, error)
            return
        super().accept()
