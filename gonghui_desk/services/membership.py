"""Membership changes (会籍变化): add an event, take back a mistaken last one.

Both are operation bodies (services.operations). The stored ``member.status`` is
recomputed from the events in the same transaction (services.member_rows.settle_status),
so the list, its filters and its counts always agree with the history.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from gonghui_desk.db.models import Member
from gonghui_desk.domain import membership as ms
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.member_rows import event_row, history_of, settle_status
from gonghui_desk.services.operations import Tx

__all__ = ["ADD_EVENT", "UNDO_EVENT", "add_event", "history_of", "undo_last_event"]

ADD_EVENT = "办理会籍变化"
UNDO_EVENT = "撤销会籍变化"


def _member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError("找不到该会员记录，可能已被永久删除。请刷新列表。")
    if member.deleted_at is not None:
        raise UserError(f"{member.name} 在回收站中：请先恢复，再办理会籍变化。")
    return member


def add_event(tx: Tx, member_id: int, draft: ms.EventDraft) -> str:
    """Record a membership change; return the member's status after it."""
    member = _member(tx.session, member_id)
    problems = ms.check_event(
        draft, history_of(member), birth_date=member.birth_date, today=tx.today
    )
    if problems:
        raise ValidationError(problems)
    member.events.append(event_row(draft))
    return settle_status(member)


def undo_last_event(tx: Tx, member_id: int) -> str:
    """Remove the latest event (entered by mistake); the first event cannot be removed."""
    member = _member(tx.session, member_id)
    events = sorted(member.events, key=lambda e: (e.effective_date, e.id))
    if len(events) < 2:
        raise UserError(
            "这是该会员唯一的会籍记录，不能撤销。如整条记录有误，请删除该会员。"
        )
    member.events.remove(events[-1])
    return settle_status(member)
