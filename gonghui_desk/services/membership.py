"""Membership changes (会籍变化): add an event, take back a mistaken last one.

The stored ``member.status`` is recomputed from the events in the same transaction, so
the list, its filters and its counts always agree with the history.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.errors import UserError, ValidationError


def history_of(member: Member) -> list[tuple[dt.date, str]]:
    """(date, kind) of the member's events in the order they took effect."""
    events = sorted(member.events, key=lambda e: (e.effective_date, e.id))
    return [(e.effective_date, e.kind) for e in events]


def _member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError("找不到该会员记录，可能已被永久删除。请刷新列表。")
    if member.deleted_at is not None:
        raise UserError(f"{member.name} 在回收站中：请先恢复，再办理会籍变化。")
    return member


def add_event(
    sessions: SessionFactory,
    member_id: int,
    draft: ms.EventDraft,
    today: dt.date,
) -> str:
    """Record a membership change; return the member's status after it."""
    with session_scope(sessions) as session:
        member = _member(session, member_id)
        history = history_of(member)
        problems = ms.check_event(
            draft, history, birth_date=member.birth_date, today=today
        )
        if problems:
            raise ValidationError(problems)
        assert draft.effective_date is not None
        member.events.append(MembershipEvent(
            kind=draft.kind,
            effective_date=draft.effective_date,
            reason=draft.reason,
            counterpart_union=draft.counterpart_union.strip(),
            handled_by=draft.handled_by.strip(),
        ))
        member.status = ms.status_after([*history, (draft.effective_date, draft.kind)])
        return member.status


def undo_last_event(sessions: SessionFactory, member_id: int) -> str:
    """Remove the latest event (entered by mistake); the first event cannot be removed."""
    with session_scope(sessions) as session:
        member = _member(session, member_id)
        events = sorted(member.events, key=lambda e: (e.effective_date, e.id))
        if len(events) < 2:
            raise UserError(
                "这是该会员唯一的会籍记录，不能撤销。如整条记录有误，请删除该会员。"
            )
        last = events[-1]
        member.events.remove(last)
        member.status = ms.status_after([(e.effective_date, e.kind) for e in events[:-1]])
        return member.status
