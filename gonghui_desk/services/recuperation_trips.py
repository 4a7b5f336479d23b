"""Adding, changing and removing 疗休养批次.

A trip's places never drop below the people already arranged on it; when its dates or
its cost standard change, the cost split of every application not yet completed that
year is worked out again, in the same operation. A trip is deleted only while nobody has
applied for it.
"""

from __future__ import annotations

from sqlalchemy import func, select

from gonghui_desk.db.models import RecuperationApplication, RecuperationTrip
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain.money import to_fen
from gonghui_desk.domain.recuperation import Trip, check_trip
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.recuperation import HOLDING, TripRow, trips_in
from gonghui_desk.services.recuperation_facts import refresh_costs

SAVE_TRIP = "保存疗休养批次"
DELETE_TRIP = "删除疗休养批次"


def save_trip(tx: Tx, trip: Trip, trip_id: int | None = None) -> int:
    """Add a trip, or change one; a trip's places never drop below those arranged."""
    problems = check_trip(trip)
    if problems:
        raise ValidationError(problems)
    session = tx.session
    if trip_id is None:
        row = RecuperationTrip()
        session.add(row)
    else:
        found = session.get(RecuperationTrip, trip_id)
        if found is None:
            raise UserError(f"找不到编号为 {trip_id} 的疗休养批次。")
        row = found
        arranged = session.scalar(select(func.count()).where(
            RecuperationApplication.trip_id == trip_id,
            RecuperationApplication.state.in_(HOLDING))) or 0
        if trip.capacity < arranged:
            raise ValidationError([FieldProblem(
                "名额", f"本批次已安排 {arranged} 人，名额不能少于 {arranged} 个。",
                "capacity")])
    values = {"year": trip.year, "destination": trip.destination.strip(), "base": trip.base,
              "in_province": trip.in_province, "start_date": trip.start,
              "end_date": trip.end, "cost_per_day_fen": to_fen(trip.cost_per_day),
              "capacity": trip.capacity, "note": trip.note}
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    session.flush()
    if trip_id is not None:
        refresh_costs(session, trip.year)
    return row.id


def delete_trip(tx: Tx, trip_id: int) -> None:
    """Remove a trip nobody has applied for (one with applications is kept with them)."""
    row = tx.session.get(RecuperationTrip, trip_id)
    if row is None:
        raise UserError(f"找不到编号为 {trip_id} 的疗休养批次。")
    count = tx.session.scalar(select(func.count()).where(
        RecuperationApplication.trip_id == trip_id)) or 0
    if count:
        raise UserError(f"“{row.destination}”已有 {count} 份申请，不能删除；"
                        "不再组织时请逐一取消申请。")
    tx.session.delete(row)


def trip_row(sessions: SessionFactory, trip_id: int) -> TripRow:
    """One trip with its counts."""
    with session_scope(sessions) as session:
        year = session.scalar(select(RecuperationTrip.year)
                              .where(RecuperationTrip.id == trip_id))
        if year is None:
            raise UserError(f"找不到编号为 {trip_id} 的疗休养批次。")
        return next(r for r in trips_in(session, year) if r.id == trip_id)
