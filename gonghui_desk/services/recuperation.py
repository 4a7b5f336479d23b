"""疗休养 set-up: the year's policy, the quota and its shares by department, and the trips.

A year without a saved policy uses DOMAIN.md's defaults, so a chair can start at once;
a region's own policy (the branch profile's 行政区划代码) wins over the general one. Places
and budget are never set below what is already arranged. The writes are operations
(services.operations); the shares by department are changed one department at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import (
    BranchProfileRow,
    DepartmentQuota,
    Member,
    RecuperationApplication,
    RecuperationPolicy,
    RecuperationQuota,
    RecuperationTrip,
)
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.money import to_fen, to_yuan, yuan_text
from gonghui_desk.domain.recuperation import Policy, Trip, check_policy
from gonghui_desk.errors import FieldProblem, ValidationError
from gonghui_desk.services.operations import Tx

SAVE_POLICY = "保存疗休养政策"
SAVE_QUOTA = "保存疗休养名额和预算"
MONEY = ("day_cost_cap", "annual_cap")
HOLDING = sorted(rp.HOLDING)


def _policy_from_row(row: RecuperationPolicy) -> Policy:
    values: dict[str, object] = {f.name: getattr(row, f.name) for f in fields(Policy)
                                 if f.name not in MONEY}
    values.update({m: to_yuan(getattr(row, f"{m}_fen")) for m in MONEY})
    return Policy(**values)  # type: ignore[arg-type]


def branch_region(session: Session) -> str:
    return session.scalar(select(BranchProfileRow.region_code)) or ""


def policy_in(session: Session, year: int) -> tuple[Policy, bool]:
    """The policy that applies in ``year`` and whether it was saved (else the defaults)."""
    region = branch_region(session)
    for key in ((year, region), (year, "")):
        row = session.get(RecuperationPolicy, key)
        if row is not None:
            return _policy_from_row(row), True
    return Policy(year=year), False


def policy_for(sessions: SessionFactory, year: int) -> tuple[Policy, bool]:
    with session_scope(sessions) as session:
        return policy_in(session, year)


def save_policy(tx: Tx, policy: Policy) -> None:
    problems = check_policy(policy)
    if problems:
        raise ValidationError(problems)
    values = asdict(policy)
    for m in MONEY:
        values[f"{m}_fen"] = to_fen(values.pop(m))
    row = tx.session.get(RecuperationPolicy, (policy.year, policy.region))
    if row is None:
        tx.session.add(RecuperationPolicy(**values))
    else:
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)


@dataclass(frozen=True)
class Quota:
    year: int
    places: int
    budget: Decimal
    issued_by: str = ""
    received_on: dt.date | None = None
    note: str = ""
    departments: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DepartmentUse:
    department: str
    places: int
    taken: int

    @property
    def left(self) -> int:
        return self.places - self.taken


@dataclass(frozen=True)
class QuotaStatus:
    """The year's places and budget, what is arranged, and what is left — always shown."""

    year: int
    quota: Quota | None
    taken: int
    used: Decimal  # public money (工会经费 + 行政福利费) of the places taken
    personal: Decimal
    departments: tuple[DepartmentUse, ...]

    @property
    def places_left(self) -> int | None:
        return None if self.quota is None else self.quota.places - self.taken

    @property
    def budget_left(self) -> Decimal | None:
        return None if self.quota is None else self.quota.budget - self.used


def _holding_by_department(session: Session, year: int) -> list[tuple[str, int, int, int]]:
    """(department, places held, public fen, personal fen) in ``year``."""
    query = (select(Member.department, func.count(),
                    func.sum(RecuperationApplication.union_fen + RecuperationApplication.admin_fen),
                    func.sum(RecuperationApplication.personal_fen))
             .join(RecuperationTrip, RecuperationTrip.id == RecuperationApplication.trip_id)
             .join(Member, Member.id == RecuperationApplication.member_id)
             .where(RecuperationTrip.year == year, RecuperationApplication.state.in_(HOLDING))
             .group_by(Member.department))
    return [(str(d), int(n), int(p or 0), int(o or 0)) for d, n, p, o in session.execute(query)]


def quota_in(session: Session, year: int) -> QuotaStatus:
    row = session.get(RecuperationQuota, year)
    shares = {d.department: d.places for d in session.scalars(
        select(DepartmentQuota).where(DepartmentQuota.year == year))}
    quota = None if row is None else Quota(
        year=year, places=row.places, budget=to_yuan(row.budget_fen), issued_by=row.issued_by,
        received_on=row.received_on, note=row.note, departments=shares)
    taken, used, personal = 0, 0, 0
    by_department: dict[str, int] = {}
    for department, count, public, own in _holding_by_department(session, year):
        by_department[department] = count
        taken += count
        used += public
        personal += own
    departments = tuple(DepartmentUse(d, p, by_department.get(d, 0))
                        for d, p in sorted(shares.items()))
    return QuotaStatus(year, quota, taken, to_yuan(used), to_yuan(personal), departments)


def quota_status(sessions: SessionFactory, year: int) -> QuotaStatus:
    with session_scope(sessions) as session:
        return quota_in(session, year)


def save_quota(tx: Tx, quota: Quota) -> None:
    """Save the year's places and budget and their shares by department: a department kept
    keeps its row (its places changed if they did), a new one is added, one left out is
    deleted."""
    problems: list[FieldProblem] = []
    if quota.places < 0:
        problems.append(FieldProblem("名额", "不能为负数。", "places"))
    if quota.budget < 0:
        problems.append(FieldProblem("预算", "不能为负数。", "budget"))
    shared = sum(quota.departments.values())
    if shared > quota.places:
        problems.append(FieldProblem(
            "部门名额", f"各部门合计 {shared} 个，超过了全年名额 {quota.places} 个。",
            "departments"))
    for department, places in quota.departments.items():
        if not department.strip():
            problems.append(FieldProblem("部门名额", "部门名称不能为空。", "departments"))
        if places < 0:
            problems.append(FieldProblem("部门名额", f"{department}：不能为负数。",
                                         "departments"))
    session = tx.session
    status = quota_in(session, quota.year)
    if quota.places < status.taken:
        problems.append(FieldProblem(
            "名额", f"已安排 {status.taken} 人，名额不能少于 {status.taken} 个。", "places"))
    if quota.budget < status.used:
        problems.append(FieldProblem(
            "预算", f"已安排的人需经费 {yuan_text(status.used)}，预算不能少于此数。", "budget"))
    if quota.departments:
        for use in _department_taken(session, quota.year):
            given = quota.departments.get(use.department)
            if use.taken and (given is None or given < use.taken):
                problems.append(FieldProblem(
                    "部门名额", f"{use.department or '（未填部门）'}已安排 {use.taken} 人，"
                    f"名额不能少于 {use.taken} 个。", "departments"))
    if problems:
        raise ValidationError(problems)
    row = session.get(RecuperationQuota, quota.year)
    if row is None:
        row = RecuperationQuota(year=quota.year)
        session.add(row)
    for name, value in (("places", quota.places), ("budget_fen", to_fen(quota.budget)),
                        ("issued_by", quota.issued_by), ("received_on", quota.received_on),
                        ("note", quota.note)):
        if getattr(row, name) != value:
            setattr(row, name, value)
    session.flush()
    wanted = {d.strip(): places for d, places in quota.departments.items()}
    existing = {d.department: d for d in session.scalars(
        select(DepartmentQuota).where(DepartmentQuota.year == quota.year))}
    for department, share in existing.items():
        if department not in wanted:
            session.delete(share)
    for department, places in wanted.items():
        if department not in existing:
            session.add(DepartmentQuota(year=quota.year, department=department, places=places))
        elif existing[department].places != places:
            existing[department].places = places


def _department_taken(session: Session, year: int) -> list[DepartmentUse]:
    return [DepartmentUse(d, 0, n) for d, n, _, _ in _holding_by_department(session, year)]


@dataclass(frozen=True)
class TripRow:
    id: int
    trip: Trip
    arranged: int  # holding a place (已安排 or 已完成)
    unconfirmed: int  # 已安排 and not confirmed
    waiting: int
    applied: int  # every open or completed application

    @property
    def left(self) -> int:
        return self.trip.capacity - self.arranged


def trip_from_row(row: RecuperationTrip) -> Trip:
    return Trip(year=row.year, destination=row.destination, start=row.start_date,
                end=row.end_date, cost_per_day=to_yuan(row.cost_per_day_fen),
                capacity=row.capacity, in_province=row.in_province, base=row.base,
                note=row.note)


def trips_in(session: Session, year: int | None) -> list[TripRow]:
    query = select(RecuperationTrip).order_by(RecuperationTrip.start_date, RecuperationTrip.id)
    if year is not None:
        query = query.where(RecuperationTrip.year == year)
    trips = list(session.scalars(query))
    counts: dict[int, dict[str, int]] = {t.id: {} for t in trips}
    tally = (select(RecuperationApplication.trip_id, RecuperationApplication.state,
                    RecuperationApplication.confirmed, func.count())
             .where(RecuperationApplication.trip_id.in_(list(counts)))
             .group_by(RecuperationApplication.trip_id, RecuperationApplication.state,
                       RecuperationApplication.confirmed))
    for trip_id, state, confirmed, count in session.execute(tally):
        bucket = counts[trip_id]
        key = f"{state}/{'y' if confirmed else 'n'}"
        bucket[key] = bucket.get(key, 0) + int(count)

    def n(bucket: dict[str, int], *states: str, confirmed: bool | None = None) -> int:
        flags = ("y", "n") if confirmed is None else ("y" if confirmed else "n",)
        return sum(bucket.get(f"{s}/{f}", 0) for s in states for f in flags)

    return [TripRow(t.id, trip_from_row(t), n(counts[t.id], *rp.HOLDING),
                    n(counts[t.id], rp.ARRANGED, confirmed=False),
                    n(counts[t.id], rp.WAITING),
                    n(counts[t.id], *(rp.OPEN | {rp.DONE})))
            for t in trips]


def trips(sessions: SessionFactory, year: int | None) -> list[TripRow]:
    with session_scope(sessions) as session:
        return trips_in(session, year)


def years_on_file(sessions: SessionFactory) -> list[int]:
    """Years with a policy, a quota or a trip, the latest first."""
    with session_scope(sessions) as session:
        found = set(session.scalars(select(RecuperationPolicy.year)))
        found |= set(session.scalars(select(RecuperationQuota.year)))
        found |= set(session.scalars(select(RecuperationTrip.year)))
    return sorted(found, reverse=True)
