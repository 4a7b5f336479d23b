"""A year's 疗休养 in figures: by department, by priority group, and the cost of each trip.

Only places held (已安排 and 已完成) count as people sent and money spent; applications
are counted whatever became of them. Someone who meets several priority conditions is
counted under each of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from gonghui_desk.db.models import Member, RecuperationApplication
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.money import to_yuan
from gonghui_desk.domain.recuperation import PRIORITY
from gonghui_desk.services.recuperation_facts import Applicant, YearBook

NO_PRIORITY = "无优先条件"


@dataclass
class GroupFigures:
    name: str
    places: int | None = None  # a department's share, where places are shared out
    applied: int = 0
    eligible: int = 0
    arranged: int = 0  # holding a place (已安排 + 已完成)
    done: int = 0
    waiting: int = 0
    withdrawn: int = 0  # 已放弃 + 已取消
    person_days: int = 0
    cost: Decimal = Decimal(0)

    def add(self, app: Applicant, eligible: bool, days: int, cost: Decimal) -> None:
        self.applied += 1
        self.eligible += eligible
        if app.state in rp.HOLDING:
            self.arranged += 1
            self.done += app.state == rp.DONE
            self.person_days += days
            self.cost += cost
        self.waiting += app.state == rp.WAITING
        self.withdrawn += app.state in (rp.CANCELLED, rp.DECLINED)


@dataclass
class YearStats:
    year: int
    departments: list[GroupFigures]
    priorities: list[GroupFigures]
    total: GroupFigures
    places: int | None
    budget: Decimal | None
    in_province: int = 0  # places held on trips in the province
    out_of_province: int = 0


def year_stats(sessions: SessionFactory, year: int) -> YearStats:
    with session_scope(sessions) as session:
        book = YearBook(session, year)
        verdicts = {a: book.verdict(a).eligible for a in book.applicants}
        costs = {i: to_yuan(c) for i, c in session.execute(
            select(RecuperationApplication.id, RecuperationApplication.cost_fen)
            .where(RecuperationApplication.id.in_(list(book.applicants))))}
    departments: dict[str, GroupFigures] = {
        d: GroupFigures(d, places=p) for d, p in sorted(book.shares.items())}
    priorities = {p: GroupFigures(p) for p in (*PRIORITY.values, NO_PRIORITY)}
    total = GroupFigures("合计", places=book.places)
    stats = YearStats(year, [], [], total, book.places, book.budget)
    for app in book.applicants.values():
        trip = book.trips[app.trip_id]
        figures = (verdicts[app.id], trip.days, costs.get(app.id, Decimal(0)))
        name = app.department or "（未填部门）"
        departments.setdefault(name, GroupFigures(name)).add(app, *figures)
        for flag in app.priority or (NO_PRIORITY,):
            priorities[flag].add(app, *figures)
        total.add(app, *figures)
        if app.state in rp.HOLDING:
            if trip.in_province:
                stats.in_province += 1
            else:
                stats.out_of_province += 1
    stats.departments = [g for g in departments.values() if g.applied or g.places]
    stats.priorities = list(priorities.values())
    return stats


@dataclass
class TripCost:
    """Money for one trip, over the places held on it."""

    id: int
    destination: str
    base: str
    scope: str
    start: dt.date
    end: dt.date
    days: int
    cost_per_day: Decimal
    people: int = 0
    companions: int = 0
    cost: Decimal = Decimal(0)
    union: Decimal = Decimal(0)
    admin: Decimal = Decimal(0)
    personal: Decimal = Decimal(0)
    companion_cost: Decimal = Decimal(0)
    names: list[str] = field(default_factory=list)


def trip_costs(sessions: SessionFactory, year: int) -> list[TripCost]:
    with session_scope(sessions) as session:
        book = YearBook(session, year)
        costs = {t_id: TripCost(t_id, t.destination, t.base, t.scope, t.start, t.end, t.days,
                                t.cost_per_day) for t_id, t in book.trips.items()}
        rows = session.execute(
            select(RecuperationApplication, Member.name)
            .join(Member, Member.id == RecuperationApplication.member_id)
            .where(RecuperationApplication.trip_id.in_(list(costs)),
                   RecuperationApplication.state.in_(sorted(rp.HOLDING)))
            .order_by(RecuperationApplication.id))
        for app, name in rows:
            c = costs[app.trip_id]
            c.people += 1
            c.companions += app.companions
            c.cost += to_yuan(app.cost_fen)
            c.union += to_yuan(app.union_fen)
            c.admin += to_yuan(app.admin_fen)
            c.personal += to_yuan(app.personal_fen)
            c.companion_cost += to_yuan(app.companion_fen)
            c.names.append(name)
    return sorted(costs.values(), key=lambda c: (c.start, c.id))
