"""The 疗休养 lists as table models: trips, applications and a trip's ranking.

A branch has a handful of trips and tens or a few hundred applications a year, so each
model holds its whole list of frozen service rows and sorts in Python (as the hardship
lists do). The ID number is the masked one the service gives; an application that does
not meet the policy shows its verdict in red, and so does "不能参加" in a ranking.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.services.recuperation import TripRow
from gonghui_desk.services.recuperation_allocation import RankRow
from gonghui_desk.services.recuperation_list import ApplicationRow
from gonghui_desk.ui.models.row_list import CENTRE, RIGHT, WHOLE, Column, RowListModel
from gonghui_desk.ui.style import ERROR_RED
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "RecuperationColumns"
RED = QColor(ERROR_RED)
NOT_GOING = "不能参加"
Row = TypeVar("Row")


def trip_dates(start: dt.date, end: dt.date) -> str:
    """``2026-12-01 – 12-04`` (the year once when both days are in it)."""
    if start.year == end.year:
        return f"{start:%Y-%m-%d} – {end:%m-%d}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


def state_text(state: str, confirmed: bool) -> str:
    """The state, with "待确认" when a place is held and not yet confirmed."""
    if state == rp.ARRANGED and not confirmed:
        return QCoreApplication.translate("RecuperationColumns", "%1, to confirm").replace(
            "%1", state)
    return state


def waiting_text(position: int | None) -> str:
    if position is None:
        return ""
    return QCoreApplication.translate("RecuperationColumns", "No. %1 waiting").replace(
        "%1", str(position))


TRIP_COLUMNS: tuple[Column[TripRow], ...] = (
    Column("destination", QT_TRANSLATE_NOOP("RecuperationColumns", "Destination"),
           lambda r: r.trip.destination, lambda r: r.trip.destination, 130),
    Column("scope", QT_TRANSLATE_NOOP("RecuperationColumns", "In/out of province"),
           lambda r: r.trip.scope, lambda r: r.trip.scope, 80, CENTRE),
    Column("dates", QT_TRANSLATE_NOOP("RecuperationColumns", "Dates"),
           lambda r: trip_dates(r.trip.start, r.trip.end), lambda r: r.trip.start, WHOLE,
           CENTRE),
    Column("days", QT_TRANSLATE_NOOP("RecuperationColumns", "Days"),
           lambda r: str(r.trip.days), lambda r: r.trip.days, 50, CENTRE),
    Column("per_day", QT_TRANSLATE_NOOP("RecuperationColumns", "Per day (yuan)"),
           lambda r: yuan_text(r.trip.cost_per_day, unit=""), lambda r: r.trip.cost_per_day, 95,
           RIGHT),
    Column("per_person", QT_TRANSLATE_NOOP("RecuperationColumns", "Per person (yuan)"),
           lambda r: yuan_text(r.trip.cost_per_person, unit=""),
           lambda r: r.trip.cost_per_person, 95, RIGHT),
    Column("capacity", QT_TRANSLATE_NOOP("RecuperationColumns", "Places"),
           lambda r: str(r.trip.capacity), lambda r: r.trip.capacity, 50, CENTRE),
    Column("arranged", QT_TRANSLATE_NOOP("RecuperationColumns", "Arranged"),
           lambda r: str(r.arranged), lambda r: r.arranged, 60, CENTRE),
    Column("unconfirmed", QT_TRANSLATE_NOOP("RecuperationColumns", "To confirm"),
           lambda r: str(r.unconfirmed) if r.unconfirmed else "", lambda r: r.unconfirmed, 60,
           CENTRE),
    Column("waiting", QT_TRANSLATE_NOOP("RecuperationColumns", "Waiting"),
           lambda r: str(r.waiting) if r.waiting else "", lambda r: r.waiting, 50, CENTRE),
    Column("applied", QT_TRANSLATE_NOOP("RecuperationColumns", "Applications"),
           lambda r: str(r.applied), lambda r: r.applied, 50, CENTRE),
)

APPLICATION_COLUMNS: tuple[Column[ApplicationRow], ...] = (
    Column("name", QT_TRANSLATE_NOOP("RecuperationColumns", "Name"), lambda r: r.name,
           lambda r: r.name, 70),
    Column("department", QT_TRANSLATE_NOOP("RecuperationColumns", "Department"),
           lambda r: r.department, lambda r: r.department, 95),
    Column("trip", QT_TRANSLATE_NOOP("RecuperationColumns", "Trip"), lambda r: r.trip,
           lambda r: r.trip, 190),
    Column("state", QT_TRANSLATE_NOOP("RecuperationColumns", "State"),
           lambda r: state_text(r.state, r.confirmed), lambda r: r.state, 130, CENTRE),
    Column("verdict", QT_TRANSLATE_NOOP("RecuperationColumns", "Eligibility"),
           lambda r: r.verdict, lambda r: (r.eligible, r.verdict), 170),
    Column("waiting", QT_TRANSLATE_NOOP("RecuperationColumns", "Waiting list"),
           lambda r: waiting_text(r.waiting_position),
           lambda r: r.waiting_position or 10**6, 85, CENTRE),
    Column("priority", QT_TRANSLATE_NOOP("RecuperationColumns", "Priority"),
           lambda r: r.priority, lambda r: (-len(r.priority.split("、")) if r.priority else 0),
           130),
    Column("cost", QT_TRANSLATE_NOOP("RecuperationColumns", "Cost (yuan)"),
           lambda r: yuan_text(r.cost, unit=""), lambda r: r.cost, 85, RIGHT),
    Column("personal", QT_TRANSLATE_NOOP("RecuperationColumns", "Own share (yuan)"),
           lambda r: yuan_text(r.personal, unit="") if r.personal else "",
           lambda r: r.personal, 110, RIGHT),
    Column("id_number", QT_TRANSLATE_NOOP("RecuperationColumns", "ID number"),
           lambda r: r.id_masked, lambda r: r.id_masked, 150),
    Column("applied_on", QT_TRANSLATE_NOOP("RecuperationColumns", "Applied"),
           lambda r: f"{r.applied_on:%Y-%m-%d}", lambda r: (r.applied_on, r.id), 90, CENTRE),
)

RANK_COLUMNS: tuple[Column[RankRow], ...] = (
    Column("position", QT_TRANSLATE_NOOP("RecuperationColumns", "Rank"),
           lambda r: str(r.position) if r.position else "—",
           lambda r: r.position or 10**6, 45, CENTRE),
    Column("name", QT_TRANSLATE_NOOP("RecuperationColumns", "Name"), lambda r: r.name,
           lambda r: r.name, 70),
    Column("department", QT_TRANSLATE_NOOP("RecuperationColumns", "Department"),
           lambda r: r.department, lambda r: r.department, 95),
    Column("state", QT_TRANSLATE_NOOP("RecuperationColumns", "State"), lambda r: r.state,
           lambda r: r.state, 80, CENTRE),
    Column("outcome", QT_TRANSLATE_NOOP("RecuperationColumns", "Allocation now"),
           lambda r: r.outcome, lambda r: r.position or 10**6, 210),
    Column("explanation", QT_TRANSLATE_NOOP("RecuperationColumns", "Why this rank"),
           lambda r: r.explanation, lambda r: r.position or 10**6, 300),
)


class RecuperationModel(RowListModel[Row]):
    """Rows under declared columns, headers translated in context "RecuperationColumns"."""

    context = CONTEXT

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if self.record_id(r) == record_id), None)

    def record_id(self, row: Row) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def extra_data(self, row: Row, column: Column[Row], role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("verdict", "explanation",
                                                                   "outcome", "trip"):
            return column.value(row)
        return None


class TripModel(RecuperationModel[TripRow]):
    def __init__(self) -> None:
        super().__init__(TRIP_COLUMNS)

    def extra_data(self, row: TripRow, column: Column[TripRow], role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "destination":
            return "　".join(t for t in (row.trip.destination, row.trip.base, row.trip.note) if t)
        return None


class ApplicationModel(RecuperationModel[ApplicationRow]):
    """Applications; the verdict of one who may not go is red."""

    def __init__(self) -> None:
        super().__init__(APPLICATION_COLUMNS)

    def extra_data(self, row: ApplicationRow, column: Column[ApplicationRow], role: int) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and column.key == "verdict"
                and not row.eligible and row.state not in rp.CLOSED):
            return QBrush(RED)
        return super().extra_data(row, column, role)


class RankModel(RecuperationModel[RankRow]):
    """A trip's ranking; those who may not go are red."""

    def __init__(self) -> None:
        super().__init__(RANK_COLUMNS)

    def record_id(self, row: RankRow) -> int:
        return row.application_id

    def extra_data(self, row: RankRow, column: Column[RankRow], role: int) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and not row.position
                and column.key in ("position", "outcome", "explanation")):
            return QBrush(RED)
        return super().extra_data(row, column, role)
