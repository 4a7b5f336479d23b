"""The 疗休养 list (masked rows with the eligibility verdict) and the 首页 reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from gonghui_desk.db.models import Member, RecuperationApplication
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.money import to_yuan
from gonghui_desk.domain.recuperation_reminders import Reminder, TripSummary, reminders_for
from gonghui_desk.services.recuperation import quota_in, trips_in
from gonghui_desk.services.recuperation_allocation import ranked_in
from gonghui_desk.services.recuperation_facts import YearBook, year_of_trip

ELIGIBLE, NOT_ELIGIBLE = "符合", "不符合"


@dataclass(frozen=True)
class ApplicationFilter:
    year: int
    trip_id: int | None = None
    state: str | None = None
    department: str | None = None
    verdict: str | None = None  # ELIGIBLE or NOT_ELIGIBLE
    text: str = ""  # part of the name, or the last digits of the ID number


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    name: str
    department: str
    id_masked: str
    trip_id: int
    trip: str  # 千岛湖（2026-05-10）
    state: str
    confirmed: bool
    priority: str
    verdict: str  # 符合 / 符合（特批：…） / 不符合：会龄、缺勤
    eligible: bool
    cost: Decimal
    personal: Decimal
    applied_on: dt.date
    waiting_position: int | None  # place on the trip's waiting list


def application_rows(sessions: SessionFactory, flt: ApplicationFilter) -> list[ApplicationRow]:
    text = flt.text.strip()
    with session_scope(sessions) as session:
        book = YearBook(session, flt.year)
        costs = {a.id: (a.cost_fen, a.personal_fen) for a in session.scalars(
            select(RecuperationApplication).where(
                RecuperationApplication.id.in_(list(book.applicants))))}
        waiting: dict[int, int] = {}
        for trip_id in book.trips:
            ranked = [r for r in ranked_in(book, trip_id, (rp.WAITING,)) if r.position]
            waiting.update({r.candidate.application_id: i + 1 for i, r in enumerate(ranked)})
        rows = []
        for app in book.applicants.values():
            if flt.trip_id is not None and app.trip_id != flt.trip_id:
                continue
            if flt.state is not None and app.state != flt.state:
                continue
            if flt.department is not None and app.department != flt.department:
                continue
            if text and text not in app.name and not app.id_number.endswith(text):
                continue
            verdict = book.verdict(app.id)
            if flt.verdict == ELIGIBLE and not verdict.eligible:
                continue
            if flt.verdict == NOT_ELIGIBLE and verdict.eligible:
                continue
            trip = book.trips[app.trip_id]
            cost, personal = costs[app.id]
            rows.append(ApplicationRow(
                id=app.id, name=app.name, department=app.department,
                id_masked=mask_id_number(app.id_number), trip_id=app.trip_id,
                trip=f"{trip.destination}（{trip.start:%Y-%m-%d}）", state=app.state,
                confirmed=app.confirmed, priority="、".join(app.priority),
                verdict="—" if app.state in (rp.CANCELLED, rp.DECLINED) else verdict.summary,
                eligible=verdict.eligible, cost=to_yuan(cost),
                personal=to_yuan(personal), applied_on=app.applied_on,
                waiting_position=waiting.get(app.id)))
        return rows


def recuperation_reminders(sessions: SessionFactory,
                           today: dt.date) -> list[Reminder]:
    with session_scope(sessions) as session:
        status = quota_in(session, today.year)
        trips = [TripSummary(t.id, t.trip.destination, t.trip.start, t.unconfirmed)
                 for t in trips_in(session, None)
                 if today <= t.trip.start <= today + dt.timedelta(days=31)]
        places = None if status.quota is None else status.quota.places
        return reminders_for(today, today.year, places, status.taken, trips)


@dataclass(frozen=True)
class Traveller:
    """A person holding a place on a trip, for its 名单 (numbers unmasked: the form masks)."""

    name: str
    gender: str
    department: str
    post: str
    id_number: str
    phone: str
    priority: str
    companions: int
    companion_names: str
    state: str
    confirmed: bool
    cost: Decimal
    personal: Decimal
    companion_cost: Decimal


def trip_people(sessions: SessionFactory, trip_id: int) -> tuple[list[Traveller], list[str]]:
    """Who holds a place on the trip (by department and name), and the waiting list in order."""
    with session_scope(sessions) as session:
        rows = session.execute(
            select(RecuperationApplication, Member)
            .join(Member, Member.id == RecuperationApplication.member_id)
            .where(RecuperationApplication.trip_id == trip_id,
                   RecuperationApplication.state.in_(sorted(rp.HOLDING)))
            .order_by(Member.department, Member.pinyin_full, Member.id)).all()
        people = [Traveller(
            name=m.name, gender=m.gender, department=m.department, post=m.post,
            id_number=m.id_number or "", phone=m.phone, priority=a.priority,
            companions=a.companions, companion_names=a.companion_names, state=a.state,
            confirmed=a.confirmed, cost=to_yuan(a.cost_fen), personal=to_yuan(a.personal_fen),
            companion_cost=to_yuan(a.companion_fen)) for a, m in rows]
        year = year_of_trip(session, trip_id)
        waiting: list[str] = []
        if year is not None:
            book = YearBook(session, year)
            waiting = [r.candidate.name for r in ranked_in(book, trip_id, (rp.WAITING,))
                       if r.position]
        return people, waiting
