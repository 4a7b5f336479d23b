"""疗休养 applications: apply, change, take a step, override a rule, read one in full.

Each step is checked against the process and against the policy: 工会审批 and 候补 need a
person who may go (every rule about them met or overridden), 安排 needs room as well, and
完成 comes after the trip. When someone holding a place gives it up or has it taken
away, the place is offered at once to the first on the waiting list — in the same
operation (services.operations), so the hand-over is written with the step or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import (
    Member,
    RecuperationApplication,
    RecuperationOverride,
    RecuperationStep,
    RecuperationTrip,
)
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.money import to_yuan
from gonghui_desk.domain.recuperation import ApplicationDraft, Trip, check_application
from gonghui_desk.domain.recuperation_rules import (
    NOT_OVERRIDABLE,
    RULE_NAMES,
    Verdict,
)
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.history_notes import checked_reason, note_take_back
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.recuperation_allocation import hand_over
from gonghui_desk.services.recuperation_facts import (
    YearBook,
    membership_refusal,
    split_priority,
    store_split,
    year_of_trip,
)

APPLY = "登记疗休养申请"
UPDATE = "保存疗休养申请"
TAKE_STEP = "办理疗休养环节"
TAKE_BACK_STEP = "撤回疗休养申请的上一步"
SET_OVERRIDE = "特批疗休养条件"
REMOVE_OVERRIDE = "撤销疗休养特批"
DRAFT_FIELDS = tuple(f.name for f in fields(ApplicationDraft))


def _row(session: Session, app_id: int) -> RecuperationApplication:
    row = session.get(RecuperationApplication, app_id)
    if row is None:
        raise UserError(f"找不到编号为 {app_id} 的疗休养申请。")
    return row


def _trip(session: Session, trip_id: int) -> RecuperationTrip:
    trip = session.get(RecuperationTrip, trip_id)
    if trip is None:
        raise UserError(f"找不到编号为 {trip_id} 的疗休养批次。")
    return trip


def _refresh(session: Session, row: RecuperationApplication) -> Verdict:
    """Store the application's cost split as the year's book now works it out."""
    session.flush()
    book = YearBook(session, _trip(session, row.trip_id).year)
    verdict = book.verdict(row.id)
    store_split(row, verdict)
    return verdict


def _check_draft(session: Session, draft: ApplicationDraft, today: dt.date,
                 except_id: int | None) -> None:
    problems = check_application(draft, today)
    member = session.get(Member, draft.member_id)
    if member is None or member.deleted_at is not None:
        problems.append(FieldProblem("申请人", "找不到这位会员（或已在回收站中）。", "member_id"))
    trip = _trip(session, draft.trip_id)
    if member is not None and member.deleted_at is None:
        # Every path that records an application comes through here (dialog, demo, scripts).
        refused = membership_refusal(member, draft.applied_on,
                                     today if except_id is None else None)
        if refused:
            problems.append(FieldProblem("申请人", refused, "member_id"))
    if member is not None:
        clash = session.scalar(select(RecuperationApplication.id).where(
            RecuperationApplication.member_id == draft.member_id,
            RecuperationApplication.trip_id == draft.trip_id,
            RecuperationApplication.state.not_in([rp.CANCELLED, rp.DECLINED]),
            RecuperationApplication.id != (except_id or 0)))
        if clash is not None:
            problems.append(FieldProblem(
                "申请人", f"{member.name}已申请“{trip.destination}”（申请编号 {clash}）。",
                "member_id"))
    if draft.prior_trip_start is not None and draft.prior_trip_start >= trip.start_date:
        problems.append(FieldProblem("此前最近一次疗休养", "应早于本批次出发日期。",
                                     "prior_trip_start"))
    if problems:
        raise ValidationError(problems)


def _write_draft(row: RecuperationApplication, draft: ApplicationDraft) -> None:
    for name in DRAFT_FIELDS:
        value = getattr(draft, name)
        value = "、".join(value) if name == "priority" else value
        if getattr(row, name) != value:
            setattr(row, name, value)


def apply(tx: Tx, draft: ApplicationDraft, by: str) -> int:
    """Record an application (its first step, 申请, on ``draft.applied_on``)."""
    if not by.strip():
        raise ValidationError([FieldProblem("经办人", "请填写经办人。", "by")])
    session = tx.session
    _check_draft(session, draft, tx.today, None)
    row = RecuperationApplication()
    _write_draft(row, draft)
    row.steps.append(RecuperationStep(kind=rp.APPLY, day=draft.applied_on, by=by))
    row.state = rp.APPLIED
    session.add(row)
    _refresh(session, row)
    return row.id


def update(tx: Tx, app_id: int, draft: ApplicationDraft) -> None:
    """Change an open application (the person and the trip stay as they were); its 申请
    step keeps its row and only moves to the new application day."""
    session = tx.session
    row = _row(session, app_id)
    if row.state in rp.CLOSED:
        raise UserError(f"该申请已{row.state[1:]}，不能再修改。")
    if (draft.member_id, draft.trip_id) != (row.member_id, row.trip_id):
        raise UserError("申请人和批次不能修改：请取消这份申请，另行申请。")
    _check_draft(session, draft, tx.today, app_id)
    later = [s.day for s in row.steps if s.kind != rp.APPLY]
    if later and draft.applied_on > min(later):
        raise ValidationError([FieldProblem(
            "申请日期", f"不能晚于后续环节的日期 {min(later):%Y-%m-%d}。", "applied_on")])
    _write_draft(row, draft)
    for step in row.steps:
        if step.kind == rp.APPLY and step.day != draft.applied_on:
            step.day = draft.applied_on
    _refresh(session, row)


@dataclass(frozen=True)
class StepOutcome:
    state: str
    handed_to: str | None = None  # who was offered the place given back


def take_step(tx: Tx, app_id: int, kind: str, day: dt.date, by: str,
              note: str = "") -> StepOutcome:
    """Record a step; a place given up or taken away goes to the first waiting."""
    session, today = tx.session, tx.today
    row = _row(session, app_id)
    trip = _trip(session, row.trip_id)
    allowed = rp.next_steps(row.state, row.confirmed)
    if kind == rp.OFFER:
        raise UserError("递补由程序在有人放弃或被取消时自动办理。")
    if kind not in allowed:
        choices = "、".join(k for k in allowed if k != rp.OFFER) or "无"
        raise UserError(f"当前状态“{row.state}”不能办理“{kind}”。可以办理：{choices}。")
    problems = []
    if not by.strip():
        problems.append(FieldProblem("经办人", "请填写经办人。", "by"))
    if day > today:
        problems.append(FieldProblem("日期", "不能晚于今天：办理后再登记。", "day"))
    last = max(s.day for s in row.steps)
    if day < last:
        problems.append(FieldProblem("日期", f"不能早于上一步的日期 {last:%Y-%m-%d}。", "day"))
    if kind in rp.REASON_REQUIRED and not note.strip():
        problems.append(FieldProblem("说明", f"{kind}须写明原因。", "note"))
    if kind == rp.COMPLETE and day < trip.end_date:
        problems.append(FieldProblem(
            "日期", f"批次 {trip.end_date:%Y-%m-%d} 结束，结束后才能登记完成。", "day"))
    if problems:
        raise ValidationError(problems)
    book = YearBook(session, trip.year)
    verdict = book.verdict(app_id)
    if kind in (rp.UNION_APPROVAL, rp.WAITLIST) and not verdict.eligible:
        failed = "\n".join(f"· {r.line}" for r in verdict.failures if not r.place)
        raise UserError(f"不符合条件，不能办理“{kind}”：\n{failed}\n"
                        "确需参加的，请先在“资格审核”中特批并写明理由。")
    if kind == rp.ARRANGE and not verdict.passed:
        failed = "\n".join(f"· {r.line}" for r in verdict.failures)
        raise UserError(f"不能安排：\n{failed}\n名额已满的请列入候补；确需安排的请先特批。")
    was_holding = row.state in rp.HOLDING
    row.steps.append(RecuperationStep(kind=kind, day=day, by=by.strip(), note=note.strip()))
    taken = [rp.Step(s.kind, s.day) for s in row.steps]
    row.state, row.confirmed = rp.state_after(taken), rp.is_confirmed(taken)
    _refresh(session, row)
    handed = None
    if was_holding and row.state in (rp.CANCELLED, rp.DECLINED):
        name = session.get(Member, row.member_id)
        handed = hand_over(session, row.trip_id, day, by.strip(),
                           name.name if name else "")
    return StepOutcome(row.state, handed)


def take_back_step(tx: Tx, app_id: int, reason: str) -> str:
    """Take back the application's latest step, with the reason; return the state before.

    申请 (the first step) is the application itself. A 取消 or 放弃 whose place went to
    someone on the waiting list is taken back only after that 递补 is: the place cannot
    be held by two people at once. Nor is it taken back when the place went otherwise (a
    later 分配名额) and the trip, the year's quota or the department's share is full.
    """
    session = tx.session
    row = _row(session, app_id)
    why = checked_reason(reason)
    if len(row.steps) < 2:
        raise UserError("申请是第一步，不能撤回；申请登记错了，请办理“撤销申请”并写明原因。")
    last = row.steps[-1]
    before = [rp.Step(s.kind, s.day) for s in row.steps[:-1]]
    if last.kind in (rp.CANCEL, rp.DECLINE) and rp.state_after(before) in rp.HOLDING:
        taker = _taker_of_place(session, row, last)
        if taker:
            raise UserError(f"这次“{last.kind}”让出的名额已递补给 {taker}：请先在 {taker} "
                            "的申请中撤回“递补”，再撤回这一步。")
        full = _no_room_again(session, row)
        if full:
            raise UserError(f"这次“{last.kind}”让出的名额已经安排给别人，{full}，撤回后会超额。"
                            "请先调整名额或别人的安排，再撤回这一步。")
    details = {"application_id": app_id, "kind": last.kind, "day": last.day}
    row.steps.remove(last)
    session.delete(last)
    row.state, row.confirmed = rp.state_after(before), rp.is_confirmed(before)
    _refresh(session, row)
    note_take_back(session, "recuperation_step", last.id, details, why, tx.today)
    return row.state


def _no_room_again(session: Session, row: RecuperationApplication) -> str:
    """What is full if ``row`` held its place again (the trip, the year's quota, the
    department's share), or "" when there is room."""
    year = year_of_trip(session, row.trip_id)
    if year is None:
        return ""
    book = YearBook(session, year)
    trip = book.trips[row.trip_id]
    if book.by_trip[row.trip_id] >= trip.capacity:
        return f"“{trip.destination}”批次的 {trip.capacity} 个名额已满"
    if book.places is not None and book.held_count >= book.places:
        return f"{year} 年的 {book.places} 个名额已满"
    department = book.applicants[row.id].department
    share = book.shares.get(department)
    if share is not None and book.by_department[department] >= share:
        return f"{department}分到的 {share} 个名额已满"
    return ""


def _taker_of_place(session: Session, row: RecuperationApplication,
                    freed: RecuperationStep) -> str:
    """Who took the place ``freed`` gave back (a 递补 on the same trip that day naming this
    person, still standing), or ""."""
    member = session.get(Member, row.member_id)
    note = f"接替{member.name if member else ''}的名额"
    offers = session.scalars(
        select(RecuperationStep).join(RecuperationApplication).where(
            RecuperationApplication.trip_id == row.trip_id, RecuperationStep.kind == rp.OFFER,
            RecuperationStep.day == freed.day, RecuperationStep.note == note))
    for offer in offers:
        other = _row(session, offer.application_id)
        taker = session.get(Member, other.member_id)
        return taker.name if taker else str(other.id)
    return ""


def set_override(tx: Tx, app_id: int, rule: str, reason: str, by: str,
                 day: dt.date) -> None:
    """Let a failed rule pass for this application, with the chair's written reason."""
    if rule not in RULE_NAMES:
        raise UserError(f"没有名为“{rule}”的规则。")
    if rule in NOT_OVERRIDABLE:
        raise UserError(f"“{RULE_NAMES[rule]}”不能特批：只有在册会员可以参加疗休养。"
                        "已不在册的，请取消这份申请。")
    problems = []
    if len(reason.strip()) < 4:
        problems.append(FieldProblem("特批理由", "请写明特批的理由（至少 4 个字）。", "reason"))
    if not by.strip():
        problems.append(FieldProblem("特批人", "请填写特批人。", "by"))
    if problems:
        raise ValidationError(problems)
    session = tx.session
    row = _row(session, app_id)
    if row.state in rp.CLOSED:
        raise UserError(f"该申请已{row.state[1:]}，不能再特批。")
    book = YearBook(session, _trip(session, row.trip_id).year)
    result = next(r for r in book.verdict(app_id).results if r.key == rule)
    if result.ok:
        raise UserError(f"“{result.name}”目前符合，不需要特批。")
    existing = session.get(RecuperationOverride, (app_id, rule))
    if existing is None:
        session.add(RecuperationOverride(application_id=app_id, rule=rule,
                                         reason=reason.strip(), by=by.strip(), day=day))
    else:
        existing.reason, existing.by, existing.day = reason.strip(), by.strip(), day
    session.flush()
    _refresh(session, row)


def remove_override(tx: Tx, app_id: int, rule: str) -> None:
    """Take back a rule's override: the rule applies to the application again."""
    session = tx.session
    row = _row(session, app_id)
    if row.state in rp.CLOSED:
        raise UserError(f"该申请已{row.state[1:]}，不能再修改特批。")
    existing = session.get(RecuperationOverride, (app_id, rule))
    if existing is not None:
        session.delete(existing)
        _refresh(session, row)


@dataclass(frozen=True)
class OverrideRow:
    rule: str
    name: str
    reason: str
    by: str
    day: dt.date


@dataclass(frozen=True)
class ApplicationDetail:
    """One application in full, for its dialog and the 审批表."""

    id: int
    draft: ApplicationDraft
    name: str
    gender: str
    birth_date: dt.date | None
    department: str
    post: str
    id_masked: str
    join_date: dt.date | None
    trip: Trip
    state: str
    confirmed: bool
    steps: tuple[rp.Step, ...]
    overrides: tuple[OverrideRow, ...]
    verdict: Verdict
    cost: Decimal
    union: Decimal
    admin: Decimal
    personal: Decimal
    companion_cost: Decimal


def detail(sessions: SessionFactory, app_id: int) -> ApplicationDetail:
    with session_scope(sessions) as session:
        row = _row(session, app_id)
        member = session.get(Member, row.member_id)
        assert member is not None
        book = YearBook(session, _trip(session, row.trip_id).year)
        draft = ApplicationDraft(**{n: getattr(row, n) for n in DRAFT_FIELDS
                                    if n != "priority"}, priority=split_priority(row.priority))
        return ApplicationDetail(
            id=row.id, draft=draft, name=member.name, gender=member.gender,
            birth_date=member.birth_date, department=member.department, post=member.post,
            id_masked=mask_id_number(member.id_number), join_date=member.join_date,
            trip=book.trips[row.trip_id], state=row.state, confirmed=row.confirmed,
            steps=tuple(rp.Step(s.kind, s.day, s.by, s.note) for s in row.steps),
            overrides=tuple(OverrideRow(o.rule, RULE_NAMES.get(o.rule, o.rule), o.reason, o.by,
                                        o.day) for o in row.overrides),
            verdict=book.verdict(app_id), cost=to_yuan(row.cost_fen),
            union=to_yuan(row.union_fen), admin=to_yuan(row.admin_fen),
            personal=to_yuan(row.personal_fen), companion_cost=to_yuan(row.companion_fen))
