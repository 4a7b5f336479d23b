"""Figures for the charts: members by department and age band, joins and leaves by month,
aid paid by month and type, contracts by status.

Everything about members is counted by the database (GROUP BY on indexed columns), so the
figures of 100,000 members cost a few queries, never a loop over the people. Members here
are the people with a membership (在册 or 保留会籍) not in the 回收站, as on 首页.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, case, func, select

from gonghui_desk.db.models import AidPayment, Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.db.sql import month_number, month_of
from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.age_bands import AGE_BANDS, NO_BIRTH_DATE, months_back
from gonghui_desk.domain.money import to_yuan
from gonghui_desk.services.aid import IN_FORCE
from gonghui_desk.services.contracts import list_contracts

FLOW_MONTHS = 12  # joins and leaves over the last twelve months, this one included
JOINING = (ms.JOIN, ms.TRANSFER_IN)
LEAVING = (ms.TRANSFER_OUT, ms.WITHDRAW, ms.EXPEL)
NO_DEPARTMENT = "（未填部门）"


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class MonthFlow:
    month: dt.date  # the month's first day
    joined: int
    left: int


@dataclass(frozen=True)
class MemberFigures:
    day: dt.date  # ages are counted on this day
    members: int
    by_department: tuple[Count, ...]  # the largest first
    by_age: tuple[Count, ...]  # in the order of AGE_BANDS, then those without a birth date
    flows: tuple[MonthFlow, ...]  # oldest month first


def _members() -> ColumnElement[bool]:
    return and_(Member.deleted_at.is_(None), Member.status.in_(sorted(ms.MEMBER_STATUSES)))


def _age_band(day: dt.date) -> ColumnElement[str]:
    whens: list[tuple[ColumnElement[bool], str]] = [(Member.birth_date.is_(None), NO_BIRTH_DATE)]
    for band in AGE_BANDS:
        earliest, latest = band.birth_range(day)
        bounds = [Member.birth_date >= earliest] if earliest is not None else []
        if latest is not None:
            bounds.append(Member.birth_date <= latest)
        whens.append((and_(*bounds), band.label))
    return case(*whens, else_=NO_BIRTH_DATE)


def member_figures(sessions: SessionFactory, day: dt.date) -> MemberFigures:
    """The members by department and age band on ``day``, and who came and went in each of
    the twelve months up to ``day``."""
    band = _age_band(day)
    months = months_back(day, FLOW_MONTHS)
    month = month_of(MembershipEvent.effective_date)
    flow_query = (
        select(month, MembershipEvent.kind, func.count())
        .join(Member, Member.id == MembershipEvent.member_id)
        .where(Member.deleted_at.is_(None),  # the 回收站 counts nowhere
               MembershipEvent.kind.in_(JOINING + LEAVING),
               MembershipEvent.effective_date.between(months[0], day))
        .group_by(month, MembershipEvent.kind)
    )
    with session_scope(sessions) as session:
        departments = [
            Count(str(d) or NO_DEPARTMENT, int(n)) for d, n in session.execute(
                select(Member.department, func.count()).where(_members())
                .group_by(Member.department))]
        ages = {str(b): int(n) for b, n in session.execute(
            select(band, func.count()).where(_members()).group_by(band))}
        joined: Counter[str] = Counter()
        left: Counter[str] = Counter()
        for key, kind, n in session.execute(flow_query):
            (joined if kind in JOINING else left)[str(key)] += int(n)
    labels = [b.label for b in AGE_BANDS]
    if ages.get(NO_BIRTH_DATE):
        labels.append(NO_BIRTH_DATE)
    return MemberFigures(
        day=day,
        members=sum(c.count for c in departments),
        by_department=tuple(sorted(departments, key=lambda c: (-c.count, c.label))),
        by_age=tuple(Count(label, ages.get(label, 0)) for label in labels),
        flows=tuple(MonthFlow(m, joined[f"{m:%Y-%m}"], left[f"{m:%Y-%m}"]) for m in months),
    )


@dataclass(frozen=True)
class AidMonth:
    month: dt.date
    by_kind: tuple[int, ...]  # fen, in the order of AidFigures.kinds


@dataclass(frozen=True)
class AidFigures:
    """The aid paid in a year (payments in force: a voided one counts nowhere)."""

    year: int
    kinds: tuple[str, ...]
    months: tuple[AidMonth, ...]  # January to December

    @property
    def total_fen(self) -> int:
        return sum(sum(m.by_kind) for m in self.months)

    def kind_total_fen(self, kind: str) -> int:
        index = self.kinds.index(kind)
        return sum(m.by_kind[index] for m in self.months)

    @property
    def total(self) -> Decimal:
        return to_yuan(self.total_fen)


def aid_figures(sessions: SessionFactory, year: int) -> AidFigures:
    month = month_number(AidPayment.day)
    query = (
        select(month, AidPayment.kind, func.sum(AidPayment.amount_fen))
        .where(AidPayment.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)), IN_FORCE)
        .group_by(month, AidPayment.kind)
    )
    kinds = list(hs.AID_TYPE.values)
    paid: dict[tuple[int, str], int] = {}
    with session_scope(sessions) as session:
        for number, kind, fen in session.execute(query):
            if kind not in kinds:  # a type recorded before the code list changed
                kinds.append(str(kind))
            paid[int(number), str(kind)] = int(fen or 0)
    return AidFigures(year, tuple(kinds), tuple(
        AidMonth(dt.date(year, m, 1), tuple(paid.get((m, k), 0) for k in kinds))
        for m in range(1, 13)))


def contract_figures(sessions: SessionFactory, day: dt.date) -> tuple[Count, ...]:
    """How many contracts stand at each status on ``day`` (a branch has a handful; the
    status follows from each contract's dates), in the order of the status list."""
    counts = Counter(row.status for row in list_contracts(sessions, today=day))
    return tuple(Count(status, counts[status]) for status in ct.STATUS.values)
