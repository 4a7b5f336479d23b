"""One member's record: review, add, edit, and the 回收站 (move, restore, purge).

Every write is an operation body (services.operations) and goes through ORM objects, so
the change history records it (db.audit); adding and editing go through the one function
that writes a member row (services.member_rows.save_member_row), with its rules.
The duplicate guard: an ID number or a card number already on file is refused with a
message naming whose it is; the same name and birth date, or the same mobile, is a warning
that names the existing record, for the user to confirm. The unique indexes on
``member.id_number`` and ``member.card_number`` back the refusal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gonghui_desk.db import audit
from gonghui_desk.db.models import ChangeRecord, Member, RecuperationApplication
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.member import MemberData
from gonghui_desk.domain.member_rules import same_mobile_hint, same_person_hint
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.edit_conflicts import lock_for_save, refuse_if_saved_since
from gonghui_desk.services.member_rows import data_of, holder_of, review_row, save_member_row
from gonghui_desk.services.operations import Tx

ADD_MEMBER = "新增会员"
EDIT_MEMBER = "修改会员信息"
MOVE_TO_BIN = "删除会员"
RESTORE = "从回收站恢复会员"
PURGE = "永久删除会员"


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
    version: int = 1  # the saves so far: a dialog saves with it (services.edit_conflicts)


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


def _others(session: Session, member_id: int | None, *conditions: object) -> list[Member]:
    query = select(Member).where(Member.deleted_at.is_(None), *conditions)  # type: ignore[arg-type]
    if member_id is not None:
        query = query.where(Member.id != member_id)
    return list(session.scalars(query.order_by(Member.id).limit(5)))


def _warnings(session: Session, data: MemberData, member_id: int | None
              ) -> list[DuplicateHint]:
    """Records that may be the same person: same name and birth date, or same mobile."""
    hints: list[DuplicateHint] = []
    if data.name and data.birth_date:
        same = (Member.name == data.name, Member.birth_date == data.birth_date)
        for other in _others(session, member_id, *same):
            hints.append(DuplicateHint(other.id, same_person_hint(holder_of(other))))
    if data.phone:
        for other in _others(session, member_id, Member.phone == data.phone):
            hints.append(DuplicateHint(other.id, same_mobile_hint(holder_of(other), data.phone)))
    return hints


def review_member(
    sessions: SessionFactory,
    draft: MemberData,
    member_id: int | None = None,
    *,
    today: dt.date,
    first_event: ms.EventDraft | None = None,
) -> MemberReview:
    """What saving ``draft`` would do: cleaned values, problems, duplicate warnings.

    The problems are those ``save_member_row`` would refuse: with ``first_event`` for a new
    member, those of how they came in as well."""
    with session_scope(sessions) as session:
        member = _load(session, member_id) if member_id is not None else None
        events = [first_event] if first_event is not None else []
        if member is None and not events:  # the fields alone: how they came in is not asked
            events = [ms.EventDraft(ms.JOIN, None)]
        check = review_row(session, member, draft, events, today)
        hints = _warnings(session, check.data, member_id)
        return MemberReview(check.data, check.problems, tuple(hints), check.notices)


def create_member(tx: Tx, draft: MemberData, first_event: ms.EventDraft) -> int:
    """Add a member with the event that brought them in (入会 or 转入); return the id.

    Raises ``ValidationError`` (nothing written) for any problem; duplicate warnings are
    the caller's to show before calling.
    """
    return save_member_row(tx, None, draft, first_event).id


def _load(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError("找不到该会员记录，可能已被永久删除。请刷新列表。")
    return member


def update_member(tx: Tx, member_id: int, draft: MemberData,
                  seen_version: int | None = None) -> MemberData:
    """Save changed fields; the first 入会 event follows a changed 入会日期.

    ``seen_version``: the version the dialog opened; a member saved by another officer
    since is refused with ``EditConflict`` saying who, when and what."""
    member = lock_for_save(tx.session, Member, member_id)
    if member is None:
        raise UserError("找不到该会员记录，可能已被永久删除。请刷新列表。")
    refuse_if_saved_since(tx.session, member, seen_version, f"会员“{member.name}”的记录")
    member = save_member_row(tx, member, draft)
    return data_of(member)


def _detail(member: Member) -> MemberDetail:
    events = sorted(member.events, key=lambda e: (e.effective_date, e.id))
    return MemberDetail(
        id=member.id,
        data=data_of(member),
        status=member.status,
        events=tuple(
            EventRow(e.id, e.kind, e.effective_date, e.reason, e.counterpart_union, e.handled_by)
            for e in events
        ),
        deleted_at=member.deleted_at,
        version=member.version,
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


def move_to_recycle_bin(tx: Tx, member_ids: list[int]) -> int:
    """Take members off every list; they keep their data and can be restored."""
    now = tx.clock.now()
    members = [_load(tx.session, i) for i in member_ids]
    for member in members:
        if member.deleted_at is None:
            member.deleted_at = now
    return len(members)


def restore_from_recycle_bin(tx: Tx, member_ids: list[int]) -> int:
    """Put members back on the lists, their record saved again by the one row writer."""
    members = [_load(tx.session, i) for i in member_ids]
    for member in members:
        if member.deleted_at is None:
            continue
        member.deleted_at = None
        try:
            save_member_row(tx, member, data_of(member))
        except ValidationError as error:
            lines = "\n".join(f"· {p}" for p in error.problems)
            raise UserError(f"{member.name} 的记录不能恢复，以下内容不符合现行规则：\n{lines}\n"
                            "没有恢复任何记录。") from error
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


def purge(tx: Tx, member_ids: list[int]) -> int:
    """Delete members in the 回收站 for good, with their history of changes.

    Their personal data leaves the file entirely (个人信息保护法 §47); one 永久删除 entry
    in the change history keeps who purged whom (name and masked ID) and when.
    """
    session = tx.session
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

