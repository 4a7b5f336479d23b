"""基本情况: the applicant's details on the hardship file, in the groups of the 建档申请表.

Sex and date of birth are read from the ID number (the service does the same when it
saves). "Choose from members…" copies a member's details in and links the file to them.
Every input has a message slot underneath for what the service refuses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.clock import Clock
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.codes import INDUSTRY, UNIT_NATURE, CodeList
from gonghui_desk.domain.hardship_file import CODED, FileDraft
from gonghui_desk.domain.idnumber import InvalidIdNumber, parse_id_number
from gonghui_desk.services.member_export import ExportRow
from gonghui_desk.ui.models.hardship_fields import file_title
from gonghui_desk.ui.widgets.fields import CodeCombo, FieldRow, OptionalDateEdit, form_group
from gonghui_desk.ui.widgets.inputs import DayEdit, MoneyEdit, to_qdate

ALL_CATEGORIES = CodeList("困难类别", hs.CATEGORY.values + hs.LEGACY_CATEGORY.values)
TEXT_KEYS = ("name", "id_number", "phone", "other_contact", "postcode", "disease",
             "hukou_region", "live_address", "work_unit", "enterprise_situation",
             "service_card_no", "bank_account", "region")
SUGGESTING_KEYS: dict[str, CodeList] = {"industry": INDUSTRY, "unit_nature": UNIT_NATURE}
DATE_KEYS = ("birth_date", "work_start", "contract_start", "contract_end")
CHECK_KEYS = ("single_parent", "zero_employment", "self_help", "fixed_term")
MONEY_KEYS = ("monthly_income", "housing_area")
LONG_TEXT_KEYS = ("cause_text", "note")
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("applicant", ("name", "id_number", "gender", "birth_date", "ethnicity",
                   "political_status", "marital_status", "phone", "other_contact",
                   "postcode")),
    ("work", ("work_status", "work_unit", "unit_nature", "enterprise_situation", "industry",
              "work_start", "contract_start", "contract_end", "fixed_term", "monthly_income",
              "medical_insurance", "model_worker_type", "service_card_no")),
    ("health", ("health", "disease", "disability_type", "disability_grade")),
    ("home", ("housing", "housing_area", "hukou_type", "hukou_region", "live_address",
              "region", "bank_account", "single_parent", "zero_employment", "self_help")),
    ("hardship", ("category", "filing_standard", "cause_primary", "cause_secondary",
                  "cause_text", "note")),
)
# A member's 就业状况 and the file's 工作状态 word some states differently.
WORK_STATUS_OF_MEMBER = {"在岗": "在岗", "待（下）岗": "下（待）岗", "失业": "失（无）业",
                         "退休": "退休", "退养（内退）": "内退", "病休": "病休"}


class ApplicantTab(QWidget):
    """Emits ``choose_member`` when the user asks to fill the file from a member."""

    choose_member = Signal()

    def __init__(self, new_file: bool, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.member_id: int | None = None
        self.widgets: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        for _, keys in GROUPS:
            for key in keys:
                self._add_field(key, self._make_widget(key))
        for key in ("gender", "birth_date"):
            self.widgets[key].setEnabled(False)
            self.widgets[key].setToolTip(self.tr("Read from the ID number."))
        self.applied_on = DayEdit(clock.today())
        self.applied_on.setMaximumDate(to_qdate(clock.today()))
        self.applied_by = QLineEdit()
        self._add_field("applied_on", self.applied_on)
        self._add_field("applied_by", self.applied_by)

        self.member_button = QPushButton(self.tr("Choose from members…"))
        self.member_button.clicked.connect(self.choose_member.emit)
        self.member_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.member_button)
        top.addWidget(self.member_label, 1)

        boxes = {name: self._group(name, keys) for name, keys in GROUPS}
        self.application_box = self._group("application", ("applied_on", "applied_by"))
        self.application_box.setVisible(new_file)
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (self.application_box, boxes["applicant"], boxes["health"], boxes["home"]):
            left.addWidget(box)
        for box in (boxes["work"], boxes["hardship"]):
            right.addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.line("id_number").editingFinished.connect(self._derive_from_id)
        health = self.widgets["health"]
        assert isinstance(health, QComboBox)
        health.currentIndexChanged.connect(lambda _: self._health_changed())
        self._health_changed()

    # -- building -----------------------------------------------------------------------

    def _make_widget(self, key: str) -> QWidget:
        if key in TEXT_KEYS:
            return QLineEdit()
        if key in SUGGESTING_KEYS:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(["", *SUGGESTING_KEYS[key].values])
            return combo
        if key in DATE_KEYS:
            return OptionalDateEdit()
        if key in CHECK_KEYS:
            return QCheckBox(self.tr("Yes"))
        if key in MONEY_KEYS:
            return MoneyEdit()
        if key in LONG_TEXT_KEYS:
            text = QPlainTextEdit()
            text.setFixedHeight(64)
            return text
        return CodeCombo(ALL_CATEGORIES if key == "category" else CODED[key])

    def _add_field(self, key: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        self.widgets[key] = widget
        self.rows[key] = FieldRow(widget)

    def _group(self, name: str, keys: tuple[str, ...]) -> QGroupBox:
        titles = {
            "application": self.tr("Application"),
            "applicant": self.tr("Applicant"),
            "work": self.tr("Work and income"),
            "health": self.tr("Health"),
            "home": self.tr("Home and household"),
            "hardship": self.tr("Hardship"),
        }
        return form_group(titles[name], [(file_title(key), self.rows[key]) for key in keys])

    def line(self, key: str) -> QLineEdit:
        widget = self.widgets[key]
        assert isinstance(widget, QLineEdit)
        return widget

    # -- values -------------------------------------------------------------------------

    def fill(self, draft: FileDraft) -> None:
        self.member_id = draft.member_id
        for _, keys in GROUPS:
            for key in keys:
                self._set(key, getattr(draft, key))
        self._show_member_link("")

    def _set(self, key: str, value: Any) -> None:
        widget = self.widgets[key]
        if isinstance(widget, MoneyEdit):
            widget.set_value(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value or "")
        elif isinstance(widget, OptionalDateEdit):
            widget.set_value(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, CodeCombo):
            widget.set_value(value or "")
        elif isinstance(widget, QComboBox):
            widget.setCurrentText(value or "")
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")

    def values(self) -> dict[str, Any]:
        """The applicant's fields as ``FileDraft`` takes them (without the household)."""
        values: dict[str, Any] = {"member_id": self.member_id}
        for _, keys in GROUPS:
            for key in keys:
                widget = self.widgets[key]
                if isinstance(widget, MoneyEdit):
                    values[key] = (widget.optional_value() if key == "housing_area"
                                   else widget.value())
                elif isinstance(widget, QLineEdit):
                    values[key] = widget.text().strip()
                elif isinstance(widget, OptionalDateEdit):
                    values[key] = widget.value()
                elif isinstance(widget, QCheckBox):
                    values[key] = widget.isChecked()
                elif isinstance(widget, QComboBox):
                    values[key] = widget.currentText().strip()
                elif isinstance(widget, QPlainTextEdit):
                    values[key] = widget.toPlainText().strip()
        return values

    def fill_from_member(self, member: ExportRow) -> None:
        """Copy a member's details in; what the member record does not know stays as it is."""
        self.member_id = member.id
        copied = {
            "name": member.name, "id_number": member.id_number or "", "gender": member.gender,
            "birth_date": member.birth_date, "ethnicity": member.ethnicity,
            "political_status": member.political_status, "phone": member.phone,
            "work_unit": member.work_unit, "hukou_type": member.hukou_type,
            "hukou_region": member.hukou_place,
            "work_status": WORK_STATUS_OF_MEMBER.get(member.employment_status, ""),
            "model_worker_type": member.model_worker_level,
        }
        for key, value in copied.items():
            if value:
                self._set(key, value)
        self._show_member_link(member.name)

    def _show_member_link(self, name: str) -> None:
        if self.member_id is None:
            self.member_label.setText(self.tr("Not linked to a member record."))
        elif name:
            self.member_label.setText(self.tr("Filled from the member record of %1.")
                                      .replace("%1", name))
        else:
            self.member_label.setText(self.tr("Linked to a member record."))

    def set_read_only(self, read_only: bool) -> None:
        for key, widget in self.widgets.items():
            if key in ("gender", "birth_date"):
                continue
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
        self.member_button.setEnabled(not read_only)
        if not read_only:
            self._health_changed()

    def _health_changed(self) -> None:
        health = self.widgets["health"]
        assert isinstance(health, QComboBox)
        for key, wanted in (("disease", "患病"), ("disability_type", "残疾"),
                            ("disability_grade", "残疾")):
            widget = self.widgets[key]
            has_value = bool(widget.text() if isinstance(widget, QLineEdit)
                             else isinstance(widget, QComboBox) and widget.currentText())
            widget.setEnabled(health.currentText() == wanted or has_value)

    def _derive_from_id(self) -> None:
        """Show sex and date of birth as soon as a valid ID number is typed."""
        number = self.line("id_number")
        if not number.text().strip():
            self.rows["id_number"].show_message("")
            return
        try:
            parsed = parse_id_number(number.text(), today=self.clock.today())
        except InvalidIdNumber as exc:
            self.rows["id_number"].show_message(exc.message)
            return
        self.rows["id_number"].show_message("")
        number.setText(parsed.number)
        self._set("gender", parsed.gender)
        self._set("birth_date", parsed.birth_date)

    # -- messages -----------------------------------------------------------------------

    def clear_messages(self) -> None:
        for row in self.rows.values():
            row.show_message("")

    def show_problem(self, key: str, message: str) -> bool:
        """Put ``message`` under the field ``key``; False when this tab has no such field."""
        row = self.rows.get(key)
        if row is None:
            return False
        row.show_message(message)
        return True
