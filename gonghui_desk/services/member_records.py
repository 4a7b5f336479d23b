"""One member's record: review, add, edit, and the 回收站 (move, restore, purge).

Every write goes through ORM objects, so the change history records it (db.audit).
The duplicate guard: an ID number already on file is refused with a message naming whose
it is; the same name and birth date, or the same mobile, is a warning that names the
existing record, for the user to confirm. The unique index on ``member.id_number`` backs
the refusal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gonghui_desk.db import audit
from gonghui_desk.db.models import ChangeRecord, Member, MembershipEvent, RecuperationApplication
from gonghui_desk.db.session import SessionFactory, clock_of, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.member import FIELD_LABELS, FIELD_NAMES, MemberData, clean_member
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.errors import FieldProblem, UserError, ValidationError


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    effective_date: dt.date
    reason: str
    counterpart_union: str
    handled_by: str


@dataclass(frozen=True)
class MemberDetail:
    """A member in full (unmasked): for the detail panel and the edit dialog only."""

    id: int
    data: MemberData
    status: str
    events: tuple[EventRow, ...]
    deleted_at: dt.datetime | None


@dataclass(frozen=True)
class DuplicateHint:
    """An existing record that may be the same person; ``text`` says why."""

    member_id: int
    text: str


@dataclass(frozen=True)
class MemberReview:
    data: MemberData  # cleaned
    problems: tuple[FieldProblem, ...]
    warnings: tuple[DuplicateHint, ...]
    notices: tuple[str, ...]


def _describe(member: Member) -> str:
    where = f"，{member.department}" if member.department else ""
    state = "在回收站中" if member.deleted_at is not None else member.status
    return f"{member.name}（{state}{where}）"


def _others(session: Session, member_id: int | None, *conditions: object) -> list[Member]:
    query = select(Member).where(*conditions)  # type: ignore[arg-type]
    if member_id is not None:
        query = query.where(Member.id != member_id)
    return list(session.scalars(query.order_by(Member.id).limit(5)))


def _duplicates(
    session: Session, data: MemberData, member_id: int | None
) -> tuple[list[FieldProblem], list[DuplicateHint]]:
    problems: list[FieldProblem] = []
    hints: list[DuplicateHint] = []
    if data.id_number:
        for other in _others(session, member_id, Member.id_number == data.id_number):
            if other.deleted_at is not None:
                advice = "请到“回收站”恢复该记录，不要重复建档。"
            elif other.status in ms.MEMBER_STATUSES:
                advice = "同一人只能有一条会员记录。"
            else:
                advice = "如其重新入会，请在该记录上办理“入会”或“转入”，不要重复建档。"
            problems.append(FieldProblem(
                FIELD_LABELS["id_number"], f"已属于{_describe(other)}。{advice}", "id_number"
            ))
    if data.card_number:
        for other in _others(session, member_id, Member.card_number == data.card_number):
            problems.append(FieldProblem(
                FIELD_LABELS["card_number"], f"已属于{_describe(other)}，会员证号不能重复。",
                "card_number",
            ))
    live = Member.deleted_at.is_(None)
    if data.name and data.birth_date:
        same_person = (Member.name == data.name, Member.birth_date == data.birth_date, live)
        for other in _others(session, member_id, *same_person):
            hints.append(DuplicateHint(
                other.id, f"{_describe(other)}与本记录姓名、出生日期相同，可能是同一人。"
            ))
    if data.phone:
        for other in _others(session, member_id, Member.phone == data.phone, live):
            hints.append(DuplicateHint(
                other.id, f"{_describe(other)}登记了同一个移动电话 {data.phone}。"
            ))
    return problems, hints


def _review(
    session: Session, draft: MemberData, member_id: int | None, today: dt.date
) -> MemberReview:
    check = clean_member(draft, today)
    problems, hints = _duplicates(session, check.data, member_id)
    return MemberReview(
        check.data, (*check.problems, *problems), tuple(hints), check.notices
    )


def review_member(
    sessions: SessionFactory,
    draft: MemberData,
    member_id: int | None = None,
    *,
    today: dt.date,
) -> MemberReview:
    """What saving ``draft`` would do: cleaned values, problems, duplicate warnings."""
    with session_scope(sessions) as session:
        return _review(session, draft, member_id, today)


def apply_fields(member: Member, data: MemberData) -> None:
    for name in FIELD_NAMES:
        setattr(member, name, getattr(data, name))
    member.id_number = data.id_number or None
    keys = pinyin_keys(data.name)
    member.pinyin_initials = keys.initials
    member.pinyin_full = keys.full


def _event(draft: ms.EventDraft) -> MembershipEvent:
    assert draft.effective_date is not None
    return MembershipEvent(
        kind=draft.kind,
        effective_date=draft.effective_date,
        reason=draft.reason,
        counterpart_union=draft.counterpart_union.strip(),
        handled_by=draft.handled_by.strip(),
    )


FIRST_EVENT_KINDS = (ms.JOIN, ms.TRANSFER_IN)


def create_member(
    sessions: SessionFactory,
    draft: MemberData,
    first_event: ms.EventDraft,
    today: dt.date,
) -> int:
    """Add a member with the event that brought them in (入会 or 转入); return the id.

    Raises ``ValidationError`` (nothing written) for any problem; duplicate warnings are
    the caller's to show before calling.
    """
    with session_scope(sessions) as session:
        review = _review(session, draft, None, today)
        data = review.data
        if first_event.kind == ms.JOIN:
            first_event = ms.EventDraft(
                ms.JOIN, data.join_date, first_event.reason,
                first_event.counterpart_union, first_event.handled_by,
            )
        problems = list(review.problems)
        if first_event.kind not in FIRST_EVENT_KINDS:
            problems.append(FieldProblem(
                ms.EVENT_LABELS["kind"], "新会员只能以“入会”或“转入”登记。", "kind"
            ))
        else:
            problems += ms.check_event(first_event, [], birth_date=data.birth_date, today=today)
        joined = data.join_date
        arrived = first_event.effective_date
        if joined and arrived and arrived < joined:
            problems.append(FieldProblem(
                ms.EVENT_LABELS["effective_date"], "转入日期不能早于入会日期。",
                "effective_date",
            ))
        if problems:
            raise ValidationError(problems)
        member = Member()
        apply_fields(member, data)
        member.events = [_event(first_event)]
        member.status = ms.status_after([(arrived, first_event.kind)])  # type: ignore[list-item]
        session.add(member)
        session.flush()
        return member.id


def _load(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError("找不到该会员记录，可能已被永久删除。请刷新列表。")
    return member


def update_member(
    sessions: SessionFactory,
    member_id: int,
    draft: MemberData,
    today: dt.date,
) -> MemberData:
    """Save changed fields; the first 入会 event follows a changed 入会日期."""
    with session_scope(sessions) as session:
        member = _load(session, member_id)
        review = _review(session, draft, member_id, today)
        problems = list(review.problems)
        data = review.data
        events = list(member.events)
        first = min(events, key=lambda e: (e.effective_date, e.id)) if events else None
        if first is not None and data.join_date is not None:
            if first.kind == ms.JOIN:
                history = [
                    (data.join_date if e is first else e.effective_date, e.kind) for e in events
                ]
                try:
                    ms.status_after(history)
                except ValueError as exc:
                    problems.append(FieldProblem(
                        FIELD_LABELS["join_date"], f"改后会籍记录不成立：{exc}。", "join_date"
                    ))
            elif data.join_date > first.effective_date:
                problems.append(FieldProblem(
                    FIELD_LABELS["join_date"],
                    f"不能晚于转入本会的日期 {first.effective_date:%Y-%m-%d}。", "join_date",
                ))
        if problems:
            raise ValidationError(problems)
        apply_fields(member, data)
        if first is not None and first.kind == ms.JOIN and data.join_date is not None:
            first.effective_date = data.join_date
        return data


def _detail(member: Member) -> MemberDetail:
    values = {name: getattr(member, name) for name in FIELD_NAMES}
    values["id_number"] = member.id_number or ""
    events = sorted(member.events, key=lambda e: (e.effective_date, e.id))
    return MemberDetail(
        id=member.id,
        data=MemberData(**values),
        status=member.status,
        events=tuple(
            EventRow(e.id, e.kind, e.effective_date, e.reason, e.counterpart_union, e.handled_by)
            for e in events
        ),
        deleted_at=member.deleted_at,
    )


def get_member(sessions: SessionFactory, member_id: int) -> MemberDetail:
    with session_scope(sessions) as session:
        return _detail(_load(session, member_id))


# -- the 回收站 -------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletedRow:
    id: int
    name: str
    department: str
    id_number_masked: str
    status: str
    deleted_at: dt.datetime


def move_to_recycle_bin(sessions: SessionFactory, member_ids: list[int]) -> int:
    """Take members off every list; they keep their data and can be restored."""
    with session_scope(sessions) as session:
        now = clock_of(session).now()
        members = [_load(session, i) for i in member_ids]
        for member in members:
            if member.deleted_at is None:
                member.deleted_at = now
        return len(members)


def restore_from_recycle_bin(sessions: SessionFactory, member_ids: list[int]) -> int:
    with session_scope(sessions) as session:
        members = [_load(session, i) for i in member_ids]
        for member in members:
            member.deleted_at = None
        return len(members)


def recycle_bin(sessions: SessionFactory) -> list[DeletedRow]:
    query = (
        select(Member)
        .where(Member.deleted_at.is_not(None))
        .order_by(Member.deleted_at.desc(), Member.id)
    )
    with session_scope(sessions) as session:
        return [
            DeletedRow(
                m.id, m.name, m.department, mask_id_number(m.id_number), m.status,
                m.deleted_at,  # type: ignore[arg-type]
            )
            for m in session.scalars(query)
        ]


def _refuse_open_trips(session: Session, member: Member) -> None:
    """A person still applying for or holding a place keeps their record until that ends."""
    open_ids = list(session.scalars(select(RecuperationApplication.id).where(
        RecuperationApplication.member_id == member.id,
        RecuperationApplication.state.in_(sorted(rp.OPEN)))))
    if open_ids:
        numbers = "、".join(str(i) for i in open_ids)
        raise UserError(f"{member.name} 还有办理中的疗休养申请（编号 {numbers}）：请先在“疗休养”中"
                        "取消或办结，再永久删除。")


def purge(sessions: SessionFactory, member_ids: list[int]) -> int:
    """Delete members in the 回收站 for good, with their history of changes.

    Their personal data leaves the file entirely (个人信息保护法 §47); one 永久删除 entry
    in the change history keeps who purged whom (name and masked ID) and when.
    """
    with session_scope(sessions) as session:
        members = [_load(session, i) for i in member_ids]
        for member in members:
            if member.deleted_at is None:
                raise UserError(f"{member.name} 不在回收站中：请先删除到回收站，再永久删除。")
            _refuse_open_trips(session, member)
        for member in members:
            # Closed 疗休养 applications are the person's data too and leave with them.
            for application in session.scalars(select(RecuperationApplication).where(
                    RecuperationApplication.member_id == member.id)):
                session.delete(application)
            summary = {
                "姓名": member.name,
                "证件号码": mask_id_number(member.id_number),
                "部门/车间": member.department,
            }
            event_ids = [str(e.id) for e in member.events]
            member_id = member.id
            session.delete(member)
            session.flush()
            session.execute(delete(ChangeRecord).where(
                ChangeRecord.table_name == "member", ChangeRecord.record_id == str(member_id)
            ))
            if event_ids:
                session.execute(delete(ChangeRecord).where(
                    ChangeRecord.table_name == "membership_event",
                    ChangeRecord.record_id.in_(event_ids),
                ))
            audit.record(session, "member", member_id, audit.PURGE, summary)
        return len(members)

