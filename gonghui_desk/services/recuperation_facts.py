"""Everything the eligibility check needs for a year, read in a few queries.

A year has tens or hundreds of applications, so the book reads the year's trips and
applications whole, with the people's other trips that hold a place (any year), and then
checks any application in memory. The lists, the ranking and each single check all go
through here, so they always agree — and so does the check of an application still being
typed in (``draft_check``), which the dialog shows before anything is saved.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import (
    DepartmentQuota,
    Member,
    RecuperationApplication,
    RecuperationOverride,
    RecuperationQuota,
    RecuperationTrip,
)
from gonghui_desk.db.session import SessionFactory, clock_of, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.money import to_fen, to_yuan
from gonghui_desk.domain.recuperation import ApplicationDraft, Policy, Trip
from gonghui_desk.domain.recuperation_rules import (
    Facts,
    PastTrip,
    Room,
    Verdict,
    check,
    not_current_member,
)
from gonghui_desk.services.member_rows import history_of
from gonghui_desk.services.recuperation import policy_in, trip_from_row


@dataclass(frozen=True)
class Applicant:
    """One application with the person's details, as the book holds it."""

    id: int
    member_id: int
    trip_id: int
    state: str
    confirmed: bool
    applied_on: dt.date
    priority: tuple[str, ...]
    hire_date: dt.date | None
    absence_days: int
    companions: int
    prior_start: dt.date | None
    prior_in_province: bool
    public_fen: int
    name: str
    department: str
    id_number: str
    member_status: str
    join_date: dt.date | None

    @property
    def holding(self) -> bool:
        return self.state in rp.HOLDING


def split_priority(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.split("、") if p)


class YearBook:
    """A year's policy, quota, trips and applications, for checks in memory."""

    def __init__(self, session: Session, year: int) -> None:
        self.year = year
        self.policy: Policy = policy_in(session, year)[0]
        quota = session.get(RecuperationQuota, year)
        self.places = None if quota is None else quota.places
        self.budget = None if quota is None else to_yuan(quota.budget_fen)
        self.shares = {d.department: d.places for d in session.scalars(
            select(DepartmentQuota).where(DepartmentQuota.year == year))}
        self.trips: dict[int, Trip] = {
            t.id: trip_from_row(t) for t in session.scalars(
                select(RecuperationTrip).where(RecuperationTrip.year == year))}
        rows = session.execute(
            select(RecuperationApplication, Member)
            .join(Member, Member.id == RecuperationApplication.member_id)
            .where(RecuperationApplication.trip_id.in_(list(self.trips)))
            .order_by(RecuperationApplication.id))
        self.applicants: dict[int, Applicant] = {}
        for app, member in rows:
            self.applicants[app.id] = Applicant(
                id=app.id, member_id=app.member_id, trip_id=app.trip_id, state=app.state,
                confirmed=app.confirmed, applied_on=app.applied_on,
                priority=split_priority(app.priority), hire_date=app.hire_date,
                absence_days=app.absence_days, companions=app.companions,
                prior_start=app.prior_trip_start, prior_in_province=app.prior_trip_in_province,
                public_fen=app.union_fen + app.admin_fen, name=member.name,
                department=member.department, id_number=member.id_number or "",
                member_status=member.status, join_date=member.join_date)
        self.overrides: dict[int, dict[str, str]] = defaultdict(dict)
        for o in session.scalars(select(RecuperationOverride).where(
                RecuperationOverride.application_id.in_(list(self.applicants)))):
            self.overrides[o.application_id][o.rule] = o.reason
        self.held: dict[int, list[tuple[int, PastTrip]]] = defaultdict(list)
        self._read_held(session, {a.member_id for a in self.applicants.values()})
        self._tally()

    def _read_held(self, session: Session, members: set[int]) -> None:
        """The places the people hold or held (any year), for the cycle and the limits."""
        held = session.execute(
            select(RecuperationApplication.id, RecuperationApplication.member_id,
                   RecuperationApplication.state, RecuperationApplication.union_fen
                   + RecuperationApplication.admin_fen, RecuperationTrip)
            .join(RecuperationTrip, RecuperationTrip.id == RecuperationApplication.trip_id)
            .where(RecuperationApplication.member_id.in_(sorted(members)),
                   RecuperationApplication.state.in_(sorted(rp.HOLDING))))
        for app_id, member_id, state, public, trip in held:
            self.held[member_id].append((app_id, PastTrip(
                trip.start_date, (trip.end_date - trip.start_date).days + 1, trip.in_province,
                to_yuan(public), state == rp.DONE)))

    def _tally(self) -> None:
        """Places held per trip and department, and the public money they take, once."""
        self.by_trip: dict[int, int] = defaultdict(int)
        self.by_department: dict[str, int] = defaultdict(int)
        self.held_count, self.held_fen = 0, 0
        for a in self.applicants.values():
            if a.holding:
                self.by_trip[a.trip_id] += 1
                self.by_department[a.department] += 1
                self.held_count += 1
                self.held_fen += a.public_fen

    def facts(self, app: Applicant) -> Facts:
        trip = self.trips[app.trip_id]
        history = [p for app_id, p in self.held[app.member_id] if app_id != app.id]
        if app.prior_start is not None:
            history.append(PastTrip(app.prior_start, 0, app.prior_in_province, to_yuan(0), True))
        own = 1 if app.holding else 0  # the counts are of OTHER people's places
        room = Room(
            trip_taken=self.by_trip[app.trip_id] - own, trip_capacity=trip.capacity,
            year_taken=self.held_count - own, year_places=self.places,
            budget_used=to_yuan(self.held_fen - own * app.public_fen), budget=self.budget,
            department=app.department, dept_taken=self.by_department[app.department] - own,
            dept_places=self.shares.get(app.department),
            departments_allocated=bool(self.shares))
        return Facts(policy=self.policy, trip=trip, member_status=app.member_status,
                     join_date=app.join_date, hire_date=app.hire_date,
                     absence_days=app.absence_days, companions=app.companions, room=room,
                     history=tuple(history))

    def verdict(self, app_id: int) -> Verdict:
        app = self.applicants[app_id]
        return check(self.facts(app), self.overrides.get(app_id))

    def draft_verdict(self, session: Session, draft: ApplicationDraft, member: Member,
                      app_id: int | None) -> Verdict:
        """The verdict an application as typed in would get, saved or not (``app_id``: the
        saved one it changes)."""
        if member.id not in self.held:
            self._read_held(session, {member.id})
        typed = {"applied_on": draft.applied_on, "priority": draft.priority,
                 "hire_date": draft.hire_date, "absence_days": draft.absence_days,
                 "companions": draft.companions, "prior_start": draft.prior_trip_start,
                 "prior_in_province": draft.prior_trip_in_province}
        saved = self.applicants.get(app_id) if app_id is not None else None
        if saved is not None:
            app = replace(saved, **typed)  # type: ignore[arg-type]
        else:
            app = Applicant(
                id=0, member_id=member.id, trip_id=draft.trip_id, state=rp.APPLIED,
                confirmed=False, public_fen=0, name=member.name,
                department=member.department, id_number=member.id_number or "",
                member_status=member.status, join_date=member.join_date,
                **typed)  # type: ignore[arg-type]
        return check(self.facts(app), self.overrides.get(app.id))

    def last_trip(self, app: Applicant) -> dt.date | None:
        """The start of the person's last completed trip before this one's."""
        start = self.trips[app.trip_id].start
        done = [p.start for app_id, p in self.held[app.member_id]
                if p.done and app_id != app.id and p.start < start]
        if app.prior_start is not None:
            done.append(app.prior_start)
        return max(done, default=None)


def year_of_trip(session: Session, trip_id: int) -> int | None:
    return session.scalar(select(RecuperationTrip.year).where(RecuperationTrip.id == trip_id))


def store_split(row: RecuperationApplication, verdict: Verdict) -> None:
    split = verdict.split
    row.cost_fen, row.union_fen = to_fen(split.cost), to_fen(split.union)
    row.admin_fen, row.personal_fen = to_fen(split.admin), to_fen(split.personal)
    row.companion_fen = to_fen(split.companions)


def refresh_costs(session: Session, year: int) -> None:
    """Work out again the cost split of the year's applications not yet completed (after a
    trip's dates or standard, or an application, changed)."""
    session.flush()
    book = YearBook(session, year)
    for app in sorted(book.applicants.values(), key=lambda a: book.trips[a.trip_id].start):
        if app.state in rp.CLOSED:
            continue
        row = session.get(RecuperationApplication, app.id)
        if row is not None:
            store_split(row, book.verdict(app.id))


@dataclass(frozen=True)
class DraftCheck:
    """What the dialog shows before saving: why the person may not apply at all ("" when
    they may), and the rules' verdict on the application as typed in."""

    refusal: str
    verdict: Verdict | None


def draft_check(sessions: SessionFactory, draft: ApplicationDraft,
                app_id: int | None = None) -> DraftCheck:
    with session_scope(sessions) as session:
        member = session.get(Member, draft.member_id)
        if member is None or member.deleted_at is not None:
            return DraftCheck("找不到这位会员（或已在回收站中），请重新选择申请人。", None)
        year = year_of_trip(session, draft.trip_id)
        if year is None:
            return DraftCheck("找不到所选的批次，请重新选择批次。", None)
        refusal = membership_refusal(member, draft.applied_on,
                                     None if app_id else clock_of(sessions).today())
        book = YearBook(session, year)
        return DraftCheck(refusal, book.draft_verdict(session, draft, member, app_id))


def membership_refusal(member: Member, applied_on: dt.date, today: dt.date | None) -> str:
    """Why ``member`` may not apply ("" when they may): they must be 在册 on the day they
    apply, and — for a new application (``today`` given) — still be 在册 today."""
    history = history_of(member)
    refused = not_current_member(member.name, history, applied_on)
    if not refused and today is not None and today != applied_on:
        refused = not_current_member(member.name, history, today)
    return refused or ""
