"""Sharing out a trip's places by rank, the waiting list, and handing a freed place on.

The ranking (domain.recuperation_ranking) is worked out from the book of the year, so
the list on the page, the allocation and the hand-over see the same order. Allocating is
one operation: every place given, or none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from gonghui_desk.db.models import RecuperationApplication, RecuperationStep
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.money import to_yuan
from gonghui_desk.domain.recuperation_ranking import Candidate, Ranked, Space, allocate, rank
from gonghui_desk.errors import UserError
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.recuperation_facts import (
    Applicant,
    YearBook,
    store_split,
    year_of_trip,
)

ALLOCATE_TRIP = "分配疗休养名额"
POOL = (rp.APPROVED, rp.WAITING)
HOLDING = tuple(sorted(rp.HOLDING))


@dataclass(frozen=True)
class RankRow:
    position: int  # 0: may not go
    application_id: int
    name: str
    department: str
    state: str
    priority: tuple[str, ...]
    explanation: str
    outcome: str  # what an allocation now would do: 安排 / 候补第 n 位：… / 不能参加,
    # or for someone who holds a place already: 已安排（待确认） / 已安排（已确认） / 已完成

    @property
    def holding(self) -> bool:
        return self.state in rp.HOLDING


@dataclass(frozen=True)
class AllocationResult:
    arranged: tuple[str, ...]
    waiting: tuple[str, ...]
    not_eligible: tuple[str, ...]


def _space(book: YearBook, trip_id: int) -> Space:
    holding = [a for a in book.applicants.values() if a.holding]
    departments = None
    if book.shares:
        departments = {d: p - sum(1 for a in holding if a.department == d)
                       for d, p in book.shares.items()}
    budget = None
    if book.budget is not None:
        budget = book.budget - to_yuan(sum(a.public_fen for a in holding))
    return Space(trip=book.trips[trip_id].capacity - sum(1 for a in holding
                                                          if a.trip_id == trip_id),
                 year=None if book.places is None else book.places - len(holding),
                 budget=budget, departments=departments)


def ranked_in(book: YearBook, trip_id: int, states: tuple[str, ...]) -> list[Ranked]:
    candidates = []
    for app in book.applicants.values():
        if app.trip_id != trip_id or app.state not in states:
            continue
        verdict = book.verdict(app.id)
        candidates.append(Candidate(
            application_id=app.id, name=app.name, department=app.department,
            priority=app.priority, last_trip=book.last_trip(app), applied_on=app.applied_on,
            public_cost=verdict.split.public, eligible=verdict.eligible,
            not_eligible="、".join(r.name for r in verdict.failures if not r.place)))
    return rank(candidates, book.trips[trip_id].start)


def _book_for_trip(session: Session, trip_id: int) -> YearBook:
    year = year_of_trip(session, trip_id)
    if year is None:
        raise UserError(f"找不到编号为 {trip_id} 的疗休养批次。")
    return YearBook(session, year)


def _held_text(app: Applicant) -> str:
    if app.state == rp.ARRANGED:
        return f"{rp.ARRANGED}（{'已确认' if app.confirmed else '待确认'}）"
    return app.state


def ranking(sessions: SessionFactory, trip_id: int) -> list[RankRow]:
    """Everyone ranked for the trip, in rank order: those holding a place (they stay in
    the list after an allocation, so it still shows who got one and why) and those
    approved or waiting, with what an allocation now would do for them."""
    with session_scope(sessions) as session:
        book = _book_for_trip(session, trip_id)
        ranked = ranked_in(book, trip_id, POOL + HOLDING)
        outcome = {d.application_id: ("安排" if d.arrange else d.reason)
                   for d in allocate(ranked_in(book, trip_id, POOL), _space(book, trip_id))}
        rows = []
        for r in ranked:
            app = book.applicants[r.candidate.application_id]
            rows.append(RankRow(
                r.position, app.id, app.name, app.department, app.state, app.priority,
                r.explanation,
                _held_text(app) if app.holding else outcome.get(app.id, "不能参加")))
        return rows


def _add_step(session: Session, app_id: int, kind: str, day: dt.date, by: str,
              note: str) -> RecuperationApplication:
    row = session.get(RecuperationApplication, app_id)
    assert row is not None
    row.steps.append(RecuperationStep(kind=kind, day=day, by=by, note=note))
    row.state = rp.state_after([rp.Step(s.kind, s.day) for s in row.steps])
    row.confirmed = rp.is_confirmed([rp.Step(s.kind, s.day) for s in row.steps])
    return row


def allocate_trip(tx: Tx, trip_id: int, day: dt.date, by: str) -> AllocationResult:
    """Give the trip's free places by rank to the approved and waiting; the approved who
    get none go on the waiting list. Nothing is written unless all of it can be."""
    if not by.strip():
        raise UserError("请填写经办人。")
    session = tx.session
    book = _book_for_trip(session, trip_id)
    if book.places is None:
        raise UserError(f"请先登记 {book.year} 年的疗休养名额和预算，再分配名额。")
    ranked = ranked_in(book, trip_id, POOL)
    if not ranked:
        raise UserError("本批次没有待分配的申请：申请须先经部门审核和工会审批。")
    arranged, waiting, refused = [], [], []
    for decision in allocate(ranked, _space(book, trip_id)):
        app = book.applicants[decision.application_id]
        if decision.arrange:
            row = _add_step(session, app.id, rp.ARRANGE, day, by, decision.reason)
            arranged.append(app.name)
        else:
            waiting.append(app.name)
            if app.state == rp.WAITING:
                continue
            row = _add_step(session, app.id, rp.WAITLIST, day, by, decision.reason)
        store_split(row, book.verdict(app.id))
    refused = [r.candidate.name for r in ranked if not r.position]
    return AllocationResult(tuple(arranged), tuple(waiting), tuple(refused))


def hand_over(session: Session, trip_id: int, day: dt.date, by: str, freed_by: str) -> str | None:
    """Offer a freed place on the trip to the first on the waiting list who can take it;
    the name of that person, or ``None`` when nobody can."""
    session.flush()
    book = _book_for_trip(session, trip_id)
    ranked = ranked_in(book, trip_id, (rp.WAITING,))
    for decision in allocate(ranked, _space(book, trip_id), limit=1):
        if decision.arrange:
            app = book.applicants[decision.application_id]
            row = _add_step(session, app.id, rp.OFFER, day, by, f"接替{freed_by}的名额")
            store_split(row, book.verdict(app.id))
            return app.name
    return None
