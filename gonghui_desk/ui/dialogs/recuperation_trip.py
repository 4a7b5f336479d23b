"""A 疗休养批次: where, when, at what standard, for how many.

The days (travel included) and the cost per person are worked out as the dates and the
standard are typed; where they pass the year's policy the dialog says so at once, since
every applicant on the trip would then fail that rule. A trip belongs to the year it
starts in.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.recuperation import Trip
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation import TripRow, policy_for
from gonghui_desk.services.recuperation_trips import SAVE_TRIP, save_trip
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.screen_fit import scroll_body
from gonghui_desk.ui.style import ERROR_STYLE, MUTED_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow, message_label, save_buttons
from gonghui_desk.ui.widgets.inputs import DayEdit, MoneyEdit, count_box


def default_start(year: int, today: dt.date) -> dt.date:
    """A month from today when that is in the year; late in this year, tomorrow (or 31
    December); for another year, its first working month."""
    start = today + dt.timedelta(days=30)
    if start.year == year:
        return start
    if year == today.year:
        return min(today + dt.timedelta(days=1), dt.date(year, 12, 31))
    return dt.date(year, 3, 1)


class TripDialog(QDialog):
    """Emits ``saved`` with the trip's id after it was saved (then closes)."""

    saved = Signal(int)

    def __init__(self, context: AppContext, year: int, row: TripRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.trip_id = row.id if row else None
        self.year = row.trip.year if row else year
        self.policy = policy_for(context.db.sessions, self.year)[0]
        self.setWindowTitle(
            self.tr("New trip for %1").replace("%1", str(self.year)) if row is None
            else self.tr("Trip: %1").replace("%1", row.trip.destination))
        self.destination = QLineEdit()
        self.destination.setObjectName("trip_destination")
        self.destination.setPlaceholderText(self.tr("e.g. 淳安千岛湖"))
        self.base = QLineEdit()
        self.base.setObjectName("trip_base")
        self.base.setPlaceholderText(self.tr("e.g. 千岛湖职工疗休养基地 (optional)"))
        self.in_province = QCheckBox(self.tr("In the province"))
        self.in_province.setObjectName("trip_in_province")
        self.in_province.setChecked(True)
        self.start = DayEdit(default_start(self.year, context.clock.today()))
        self.start.setObjectName("trip_start")
        self.end = DayEdit(self.start.value() + dt.timedelta(days=4))
        self.end.setObjectName("trip_end")
        for edit in (self.start, self.end):
            edit.setMaximumWidth(160)
        self.days = QLabel()
        self.days.setObjectName("trip_days")
        dates = QWidget()
        dates_line = QHBoxLayout(dates)
        dates_line.setContentsMargins(0, 0, 0, 0)
        dates_line.addWidget(self.end)
        dates_line.addWidget(self.days, 1)
        self.cost_per_day = MoneyEdit()
        self.cost_per_day.setObjectName("trip_cost_per_day")
        self.per_person = QLabel()
        self.per_person.setObjectName("trip_per_person")
        cost = QWidget()
        cost_line = QHBoxLayout(cost)
        cost_line.setContentsMargins(0, 0, 0, 0)
        cost_line.addWidget(self.cost_per_day)
        cost_line.addWidget(self.per_person, 1)
        self.capacity = count_box(10_000)
        self.capacity.setObjectName("trip_capacity")
        self.capacity.setMaximumWidth(120)
        self.note = QLineEdit()
        self.note.setObjectName("trip_note")
        self.rows = {"destination": FieldRow(self.destination), "start": FieldRow(self.start),
                     "end": FieldRow(dates), "cost_per_day": FieldRow(cost),
                     "capacity": FieldRow(self.capacity)}
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Destination"), self.rows["destination"])
        form.addRow(self.tr("Recuperation base"), self.base)
        form.addRow("", self.in_province)
        form.addRow(self.tr("Leaves on"), self.rows["start"])
        form.addRow(self.tr("Returns on"), self.rows["end"])
        form.addRow(self.tr("Cost per person a day (yuan)"), self.rows["cost_per_day"])
        form.addRow(self.tr("Places"), self.rows["capacity"])
        form.addRow(self.tr("Note"), self.note)
        self.general = message_label()
        self.buttons, _ = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        scroll_body(self, 560, 420)
        if row is not None:
            trip = row.trip
            self.destination.setText(trip.destination)
            self.base.setText(trip.base)
            self.in_province.setChecked(trip.in_province)
            self.start.set_value(trip.start)
            self.end.set_value(trip.end)
            self.cost_per_day.set_value(trip.cost_per_day)
            self.capacity.setValue(trip.capacity)
            self.note.setText(trip.note)
        else:
            self.cost_per_day.set_value(self.policy.day_cost_cap)
        for signal in (self.start.dateChanged, self.end.dateChanged,
                       self.cost_per_day.textChanged, self.in_province.toggled):
            signal.connect(lambda *_: self.recompute())
        self.recompute()

    def value(self) -> Trip:
        return Trip(year=self.year, destination=self.destination.text().strip(),
                    start=self.start.value(), end=self.end.value(),
                    cost_per_day=self.cost_per_day.value(), capacity=self.capacity.value(),
                    in_province=self.in_province.isChecked(), base=self.base.text().strip(),
                    note=self.note.text().strip())

    def recompute(self) -> None:
        """The days and the cost per person, and what passes the year's policy."""
        trip = self.value()
        self.days.setText(self.tr("%n day(s), travel included", "", trip.days)
                          if trip.days > 0 else "")
        self.per_person.setText(
            self.tr("%1 per person").replace("%1", yuan_text(trip.cost_per_person))
            if trip.days > 0 and trip.cost_per_day > 0 else "")
        policy = self.policy
        limit = (policy.max_days_in_province if trip.in_province
                 else policy.max_days_out_of_province)
        problems = []
        if trip.days > limit:
            problems.append(self.tr("%1 days is more than the policy's %2 days %3.")
                            .replace("%1", str(trip.days)).replace("%2", str(limit))
                            .replace("%3", trip.scope))
        if trip.cost_per_day > policy.day_cost_cap:
            problems.append(self.tr("The standard passes the policy's %1 a day.")
                            .replace("%1", yuan_text(policy.day_cost_cap)))
        if trip.cost_per_person > policy.annual_cap and trip.cost_per_day > 0:
            problems.append(self.tr("The cost per person passes the yearly %1: the person "
                                    "pays the rest.").replace("%1", yuan_text(policy.annual_cap)))
        if problems:
            self.warning.setStyleSheet(ERROR_STYLE)
            self.warning.setText(" ".join(problems) + self.tr(
                " Applicants will fail that rule unless it is overridden."))
        else:
            self.warning.setStyleSheet(MUTED_STYLE)
            self.warning.setText(self.tr(
                "The %1 policy: in the province at most %2 days, outside %3 days; at most %4 "
                "a day.").replace("%1", str(self.year))
                .replace("%2", str(policy.max_days_in_province))
                .replace("%3", str(policy.max_days_out_of_province))
                .replace("%4", yuan_text(policy.day_cost_cap)))

    def save(self) -> bool:
        for row in self.rows.values():
            row.show_message("")
        trip, known = self.value(), self.trip_id
        try:
            trip_id = self.context.runner.run(Op(SAVE_TRIP, lambda tx: save_trip(
                tx, trip, known))).value
        except ValidationError as error:
            for problem in error.problems:
                self.rows.get(problem.key, self.rows["destination"]).show_message(problem.message)
            self.general.setText(self.tr("Not saved."))
            self.general.show()
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        self.trip_id = trip_id
        self.saved.emit(trip_id)
        self.accept()
        return True
