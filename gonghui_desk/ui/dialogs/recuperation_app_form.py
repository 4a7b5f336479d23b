"""申请: who applies for which trip, their priority conditions and the facts the rules need.

The HR facts (入职日期, 上年缺勤天数) come from the person's department and are typed in
here; a trip made before these records were kept is given as 此前最近一次疗休养, so the
cycle and the out-of-province rules can count it. A new application chooses its member
with the member search, which offers only the people 在册 on the application day; the
person and the trip of a saved one no longer change. Under the applicant, the rules'
verdict on what is typed in shows before anything is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain.recuperation import PRIORITY, ApplicationDraft
from gonghui_desk.services.recuperation import TripRow
from gonghui_desk.services.recuperation_apps import ApplicationDetail
from gonghui_desk.ui.dialogs.recuperation_verdict import LiveVerdict
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow, OptionalDateEdit
from gonghui_desk.ui.widgets.inputs import DayEdit, to_qdate
from gonghui_desk.ui.widgets.member_picker import MemberPicker


def trip_choice_text(row: TripRow) -> str:
    trip = row.trip
    return f"{trip.destination}（{trip.start:%Y-%m-%d}，{trip.scope}）"


class ApplyTab(QWidget):
    """The application's own details; ``rows`` holds each field's message slot by key.
    Emits ``edited`` when anything the rules look at changes."""

    edited = Signal()

    def __init__(self, sessions: SessionFactory, trips: list[TripRow], handler: str,
                 new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id: int | None = None
        # Once a step follows the 申请, its day stays: the steps after it are dated from it.
        self.applied_fixed = False
        self.picker: MemberPicker | None = None
        self.applicant = QLabel()
        self.applicant.setObjectName("app_applicant")
        self.applicant.setWordWrap(True)
        who = QWidget()
        who_layout = QVBoxLayout(who)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.addWidget(self.applicant)
        self.clock = clock_of(sessions)
        today = self.clock.today()
        if new:  # until saved: then the person no longer changes
            self.picker = MemberPicker(sessions)
            self.picker.set_active_on(today)
            self.picker.chosen.connect(lambda _: self.edited.emit())
            self.picker.results.setMinimumHeight(140)  # room for the verdict below
            self.picker.results.setMaximumHeight(200)
            who_layout.addWidget(self.picker)
            self.applicant.hide()
        self.trip = QComboBox()
        self.trip.setObjectName("app_trip")
        self.starts = [row.trip.start for row in trips]
        for row in trips:
            self.trip.addItem(trip_choice_text(row), row.id)
        self.trip.setEnabled(new)
        self.applied_on = DayEdit(today)
        self.applied_on.setObjectName("app_applied_on")
        self.applied_on.setMaximumDate(to_qdate(today))
        self.applied_on.setMaximumWidth(160)
        self.by = QLineEdit(handler)
        self.by.setObjectName("app_by")
        self.rows = {"member_id": FieldRow(who), "trip_id": FieldRow(self.trip),
                     "applied_on": FieldRow(self.applied_on), "by": FieldRow(self.by)}
        person_box = QGroupBox(self.tr("Applicant and trip"))
        self.person_form = QFormLayout(person_box)
        self.person_form.addRow(self.tr("Applicant"), self.rows["member_id"])
        self.person_form.addRow(self.tr("Trip"), self.rows["trip_id"])
        self.person_form.addRow(self.tr("Applied on"), self.rows["applied_on"])
        self.person_form.addRow(self.tr("Received by"), self.rows["by"])
        self.person_form.setRowVisible(self.rows["by"], new)

        self.priority = {flag: QCheckBox(flag) for flag in PRIORITY.values}
        priority_box = QGroupBox(self.tr("Priority conditions"))
        grid = QGridLayout(priority_box)
        for index, box in enumerate(self.priority.values()):
            grid.addWidget(box, index // 2, index % 2)
        self.rows["priority"] = FieldRow(QLabel())  # messages only
        grid.addWidget(self.rows["priority"], 4, 0, 1, 2)

        self.hire_date = OptionalDateEdit()
        self.hire_date.setObjectName("app_hire_date")
        self.absence_days = QSpinBox()
        self.absence_days.setObjectName("app_absence_days")
        self.absence_days.setRange(0, 366)
        self.absence_days.setSuffix(self.tr(" days"))
        self.companions = QSpinBox()
        self.companions.setObjectName("app_companions")
        self.companions.setRange(0, 10)
        self.companion_names = QLineEdit()
        self.companions.valueChanged.connect(lambda n: self.companion_names.setEnabled(n > 0))
        self.companion_names.setObjectName("app_companion_names")
        self.companion_names.setPlaceholderText(self.tr("Names of the family members going"))
        self.companion_names.setEnabled(False)
        self.prior_start = OptionalDateEdit()
        self.prior_start.setObjectName("app_prior_start")
        self.prior_in_province = QCheckBox(self.tr("In the province"))
        self.prior_in_province.setChecked(True)
        prior = QWidget()
        prior_line = QHBoxLayout(prior)
        prior_line.setContentsMargins(0, 0, 0, 0)
        prior_line.addWidget(self.prior_start)
        prior_line.addWidget(self.prior_in_province)
        prior_line.addStretch(1)
        self.note = QLineEdit()
        self.note.setObjectName("app_note")
        for edit in (self.hire_date, self.prior_start, self.absence_days, self.companions):
            edit.setMaximumWidth(160)
        self.rows.update({
            "hire_date": FieldRow(self.hire_date), "absence_days": FieldRow(self.absence_days),
            "companions": FieldRow(self.companions),
            "companion_names": FieldRow(self.companion_names),
            "prior_trip_start": FieldRow(prior)})
        facts_box = QGroupBox(self.tr("For the eligibility check"))
        facts = QFormLayout(facts_box)
        facts.addRow(self.tr("Hired on"), self.rows["hire_date"])
        facts.addRow(self.tr("Days absent last year"), self.rows["absence_days"])
        facts.addRow(self.tr("Family going along"), self.rows["companions"])
        facts.addRow(self.tr("Their names"), self.rows["companion_names"])
        facts.addRow(self.tr("Last trip before these records"), self.rows["prior_trip_start"])
        facts.addRow(self.tr("Note"), self.note)
        hint = QLabel(self.tr("入职日期 and 上年缺勤 come from the person's department. Leave "
                              "the last trip empty if they never went before, or if the trip is "
                              "already in these records."))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        facts.addRow(hint)

        self.live = LiveVerdict()
        self.applied_on.dateChanged.connect(lambda _: self._applied_on_changed())
        self.trip.currentIndexChanged.connect(lambda _: self.edited.emit())
        for date_edit in (self.hire_date, self.prior_start):
            date_edit.dateChanged.connect(lambda _: self.edited.emit())
        for spin in (self.absence_days, self.companions):
            spin.valueChanged.connect(lambda _: self.edited.emit())
        for box in (self.prior_in_province, *self.priority.values()):
            box.toggled.connect(lambda _: self.edited.emit())

        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(person_box)
        left.addWidget(self.live, 1)  # the reasons take the room left, scrolling beyond it
        right.addWidget(priority_box)
        right.addWidget(facts_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def _applied_on_changed(self) -> None:
        if self.picker is not None:  # who may apply depends on the day they apply
            self.picker.set_active_on(self.applied_on.value(), self.clock.today())
        self.edited.emit()

    def chosen_member(self) -> int | None:
        return self.picker.record_id if self.picker is not None else self.member_id

    def trip_id(self) -> int | None:
        data = self.trip.currentData()
        return int(data) if data is not None else None

    def select_trip(self, trip_id: int | None) -> None:
        """Select ``trip_id``; without one, the first trip not yet started."""
        index = self.trip.findData(trip_id) if trip_id is not None else -1
        if index < 0 and trip_id is None:
            index = next((i for i, start in enumerate(self.starts)
                          if start >= self.clock.today()), -1)
        if index >= 0:
            self.trip.setCurrentIndex(index)

    def show_applicant(self, detail: ApplicationDetail) -> None:
        """The saved application's person (the picker, if any, gives way to them)."""
        self.member_id = detail.draft.member_id
        if self.picker is not None:
            self.picker.hide()
            self.picker = None
        self.applicant.show()
        self.trip.setEnabled(False)
        self.person_form.setRowVisible(self.rows["by"], False)
        parts = [detail.name, detail.gender, detail.department or "—", detail.post,
                 detail.id_masked]
        text = "　".join(p for p in parts if p)
        if detail.join_date:
            text += "\n" + self.tr("Joined the union on %1").replace(
                "%1", f"{detail.join_date:%Y-%m-%d}")
        self.applicant.setText(text)

    def fill(self, draft: ApplicationDraft) -> None:
        self.select_trip(draft.trip_id)
        self.applied_on.setMaximumDate(to_qdate(max(self.clock.today(), draft.applied_on)))
        self.applied_on.set_value(draft.applied_on)
        for flag, box in self.priority.items():
            box.setChecked(flag in draft.priority)
        self.hire_date.set_value(draft.hire_date)
        self.absence_days.setValue(draft.absence_days)
        self.companions.setValue(draft.companions)
        self.companion_names.setText(draft.companion_names)
        self.companion_names.setEnabled(draft.companions > 0)
        self.prior_start.set_value(draft.prior_trip_start)
        self.prior_in_province.setChecked(draft.prior_trip_in_province)
        self.note.setText(draft.note)

    def draft(self, member_id: int, trip_id: int) -> ApplicationDraft:
        return ApplicationDraft(
            member_id=member_id, trip_id=trip_id, applied_on=self.applied_on.value(),
            priority=tuple(f for f, box in self.priority.items() if box.isChecked()),
            hire_date=self.hire_date.value(), absence_days=self.absence_days.value(),
            companions=self.companions.value(),
            companion_names=self.companion_names.text().strip()
            if self.companions.value() else "",
            prior_trip_start=self.prior_start.value(),
            prior_trip_in_province=self.prior_in_province.isChecked(),
            note=self.note.text().strip())

    def clear_messages(self) -> None:
        for row in self.rows.values():
            row.show_message("")

    def show_problem(self, key: str, message: str) -> bool:
        row = self.rows.get(key)
        if row is None:
            return False
        row.show_message(message)
        return True

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.hire_date, self.absence_days, self.companions,
                       self.prior_start, self.prior_in_province, *self.priority.values()):
            widget.setEnabled(not read_only)
        self.applied_on.setEnabled(not read_only and not self.applied_fixed)
        self.applied_on.setToolTip(self.tr(
            "The day of the 申请 step; it no longer changes once later steps are recorded.")
            if self.applied_fixed else "")
        for line in (self.by, self.note, self.companion_names):
            line.setReadOnly(read_only)
        if self.picker is not None:
            self.picker.setEnabled(not read_only)
