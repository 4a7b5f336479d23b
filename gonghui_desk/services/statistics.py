"""Figures as of a cut-off date (年报): members and their kinds, and the year's changes.

A statistic is "as of" a day: who was a member at the end of that day follows from the
dated membership events (services.members.members_on_query), so a report for 30 September
run in November counts the people of 30 September. Records in the 回收站 never count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.members import latest_events


@dataclass(frozen=True)
class MemberCounts:
    """Members at the end of a day.

    ``working`` are the members in work (在册); ``reserved`` keep their membership after
    retiring or losing their job (保留会籍) and are not staff, so the kinds (女, 农民工, …)
    and the 入会率 count the working members only (DOMAIN.md §5).
    """

    working: int
    reserved: int
    female: int
    migrant: int
    dispatched: int
    new_form: int

    @property
    def members(self) -> int:
        return self.working + self.reserved


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def member_counts_on(sessions: SessionFactory, day: dt.date) -> MemberCounts:
    with session_scope(sessions) as session:
        return member_counts_in(session, day)


def member_counts_in(session: Session, day: dt.date) -> MemberCounts:
    """``member_counts_on`` inside a transaction already open (the demo's)."""
    ranked = latest_events(MembershipEvent.effective_date <= day)
    working = ranked.c.kind != ms.RESERVE
    query = (
        select(
            _flag(working),
            _flag(~working),
            _flag(working & (Member.gender == "女")),
            _flag(working & Member.migrant_worker.is_(True)),
            _flag(working & Member.dispatched.is_(True)),
            _flag(working & (Member.new_employment_form != "")),
        )
        .join(ranked, ranked.c.member_id == Member.id)
        .where(ranked.c.position == 1, ranked.c.kind.in_(sorted(ms.MEMBER_KINDS)),
               Member.deleted_at.is_(None))
    )
    return MemberCounts(*(int(v) for v in session.execute(query).one()))


def event_counts(sessions: SessionFactory, start: dt.date, end: dt.date) -> dict[str, int]:
    """How many membership changes of each kind took effect from ``start`` to ``end``
    (both included); every kind is present, 0 when none."""
    query = (
        select(MembershipEvent.kind, func.count())
        .join(Member, Member.id == MembershipEvent.member_id)
        .where(MembershipEvent.effective_date.between(start, end), Member.deleted_at.is_(None))
        .group_by(MembershipEvent.kind)
    )
    with session_scope(sessions) as session:
        found = {kind: int(n) for kind, n in session.execute(query).all()}
    return {kind: found.get(kind, 0) for kind in ms.EVENT_KINDS.values}


@dataclass(frozen=True)
class ChangeRow:
    """One membership change with the member it concerns; ``id_number`` is NOT masked."""

    member_id: int
    name: str
    gender: str
    id_number: str | None
    department: str
    kind: str
    effective_date: dt.date
    reason: str
    counterpart_union: str
    handled_by: str


def changes_between(sessions: SessionFactory, start: dt.date, end: dt.date) -> list[ChangeRow]:
    """The period's changes, by kind (in the code list's order), then date and name."""
    order = case({k: i for i, k in enumerate(ms.EVENT_KINDS.values)}, value=MembershipEvent.kind)
    query = (
        select(
            Member.id.label("member_id"), Member.name, Member.gender, Member.id_number,
            Member.department, MembershipEvent.kind, MembershipEvent.effective_date,
            MembershipEvent.reason, MembershipEvent.counterpart_union, MembershipEvent.handled_by,
        )
        .join(Member, Member.id == MembershipEvent.member_id)
        .where(MembershipEvent.effective_date.between(start, end), Member.deleted_at.is_(None))
        .order_by(order, MembershipEvent.effective_date, Member.pinyin_full, MembershipEvent.id)
    )
    with session_scope(sessions) as session:
        return [ChangeRow(**row._asdict()) for row in session.execute(query).all()]


@dataclass(frozen=True)
class EventLine:
    kind: str
    effective_date: dt.date
    reason: str
    counterpart_union: str


def events_of(sessions: SessionFactory, member_id: int) -> list[EventLine]:
    """A member's membership history in the order it took effect."""
    query = (
        select(MembershipEvent.kind, MembershipEvent.effective_date, MembershipEvent.reason,
               MembershipEvent.counterpart_union.label("counterpart_union"))
        .where(MembershipEvent.member_id == member_id)
        .order_by(MembershipEvent.effective_date, MembershipEvent.id)
    )
    with session_scope(sessions) as session:
        return [EventLine(**row._asdict()) for row in session.execute(query).all()]
