"""The choices a form asks for on the 报表 page: a year, a cut-off date, a period, a member,
the filling date.

One set of inputs serves every form; a form shows only the rows it lists in its
``params``, and a choice made for one form is still there when the user comes back to it.
Dates after today are not offered: the records cannot tell the future. The 填表日期 of a
record form is the record's own date unless the user ticks 另定 and picks one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain.annual import FIRST_YEAR
from gonghui_desk.exchange.forms.spec import (
    AS_OF,
    FILLED,
    PERIOD,
    RECORD,
    YEAR,
    FormParams,
    FormSpec,
)
from gonghui_desk.ui.widgets.inputs import DayEdit, to_date, to_qdate
from gonghui_desk.ui.widgets.member_picker import MemberPicker


def date_edit(name: str) -> DayEdit:
    edit = DayEdit(dt.date(FIRST_YEAR, 1, 1))
    edit.setObjectName(name)
    edit.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


class FormParamsPanel(QWidget):
    """The inputs for the selected form; ``changed`` when any choice changes."""

    changed = Signal()

    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock_of(sessions)
        today = self.clock.today()
        self.year = QSpinBox()
        self.year.setObjectName("param_year")
        self.year.setRange(FIRST_YEAR, today.year)
        self.year.setValue(today.year)
        self.year.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.as_of = date_edit("param_as_of")
        self.start = date_edit("param_start")
        self.end = date_edit("param_end")
        self.filled = date_edit("param_filled_on")
        self.filled_chosen = QCheckBox(self.tr("Set another date"))
        self.filled_chosen.setObjectName("param_filled_chosen")
        self.filled_chosen.setToolTip(self.tr(
            "Unticked, an application or a filing prints its own date (the application's, "
            "the payment's, the day it is sent); a member's card prints today."))
        self.filled.setEnabled(False)
        self.filled_chosen.toggled.connect(self.filled.setEnabled)
        self.set_today(today)
        self.filled.setDate(to_qdate(today))
        self.as_of.setDate(to_qdate(today))
        self.start.setDate(to_qdate(dt.date(today.year, 1, 1)))
        self.end.setDate(to_qdate(today))
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel(self.tr("to")))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        filled = QWidget()
        filled_row = QHBoxLayout(filled)
        filled_row.setContentsMargins(0, 0, 0, 0)
        filled_row.addWidget(QLabel(self.tr("Default date")))
        filled_row.addWidget(self.filled_chosen)
        filled_row.addWidget(self.filled)
        filled_row.addStretch(1)
        self.sessions = sessions
        self.picker = MemberPicker(sessions)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Year"), self.year)
        self.form.addRow(self.tr("As of"), self.as_of)
        self.form.addRow(self.tr("Period"), period)
        self.form.addRow(self.tr("Member"), self.picker)
        self.form.addRow(self.tr("Filled on"), filled)
        self.rows: dict[str, QWidget] = {
            YEAR: self.year, AS_OF: self.as_of, PERIOD: period, RECORD: self.picker,
            FILLED: filled,
        }
        self.year.valueChanged.connect(lambda _: self.changed.emit())
        for edit in (self.as_of, self.start, self.end, self.filled):
            edit.dateChanged.connect(lambda _: self.changed.emit())
        self.filled_chosen.toggled.connect(lambda _: self.changed.emit())
        self.picker.chosen.connect(lambda _: self.changed.emit())

    def set_today(self, today: dt.date) -> None:
        """Keep dates from running past today (the page may stay open past midnight)."""
        for edit in (self.as_of, self.start, self.end, self.filled):
            edit.setMaximumDate(to_qdate(today))
        self.year.setMaximum(today.year)

    def show_for(self, spec: FormSpec) -> None:
        if AS_OF in spec.params:  # the annual returns offer the year just ended in January
            self.as_of.setDate(to_qdate(spec.default_as_of(self.clock.today())))
        for name, widget in self.rows.items():
            self.form.setRowVisible(widget, name in spec.params)
        if RECORD in spec.params:
            pick = spec.pick
            sessions = self.sessions
            self.picker.set_finder(
                None if pick is None else (lambda text: pick(sessions, text)),
                self.tr("Search %1…").replace("%1", spec.record_kind),
            )
            label = self.form.labelForField(self.picker)
            if isinstance(label, QLabel):
                label.setText(spec.record_kind if pick else self.tr("Member"))
            self.picker.ensure_loaded()

    def missing_choice(self, spec: FormSpec) -> str:
        """What the user still has to choose before this form can be filled ("" if nothing)."""
        for edit in (self.as_of, self.start, self.end, self.filled):
            if edit.isVisibleTo(self) and not edit.check():
                return self.tr("Correct the date marked in red first.")
        if RECORD in spec.params and self.picker.record_id is None:
            if spec.pick is not None:
                return self.tr("Choose the record in the list first (search by name if needed).")
            return self.tr("Choose a member in the list first (search by name if needed).")
        return ""

    def form_params(self, spec: FormSpec, full_ids: bool) -> FormParams:
        """The choices the form asks for; the others stay unset, as the form expects."""
        asked = set(spec.params)
        return FormParams(
            year=self.year.value() if YEAR in asked else None,
            as_of=to_date(self.as_of.date()) if AS_OF in asked else None,
            start=to_date(self.start.date()) if PERIOD in asked else None,
            end=to_date(self.end.date()) if PERIOD in asked else None,
            record_id=self.picker.record_id if RECORD in asked else None,
            filled_on=(to_date(self.filled.date())
                       if FILLED in asked and self.filled_chosen.isChecked() else None),
            full_ids=full_ids, today=self.clock.today(),
        )

    def name_part(self, spec: FormSpec) -> str:
        """What tells one export of the form from another in a file name."""
        if RECORD in spec.params:
            return f"{self.picker.current_name()}-{self.clock.today():%Y-%m-%d}"
        if YEAR in spec.params:
            return str(self.year.value())
        if AS_OF in spec.params:
            return f"{to_date(self.as_of.date()):%Y-%m-%d}"
        if PERIOD in spec.params:
            return f"{to_date(self.start.date()):%Y%m%d}-{to_date(self.end.date()):%Y%m%d}"
        return ""
