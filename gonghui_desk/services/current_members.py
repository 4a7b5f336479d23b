"""Finding the people who are 在册 (active members) on a given day, for pickers that may
offer nobody else (a 疗休养 application).

The membership on a day is replayed from the dated events in SQL, the same way
``domain.membership.status_after`` replays it: the member's last event on or before the
day decides. The search box's terms are the members list's (services.members), sorted
by pinyin, and only the first ``limit`` ids are fetched, so a keystroke stays cheap at
100,000 members.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.members import search_condition

# The events after which a person is 在册 (a reserved member, 保留会籍, is not).
ACTIVE_KINDS = tuple(sorted(k for k in ms.MEMBER_KINDS if k != ms.RESERVE))


def active_on(day: dt.date) -> ColumnElement[bool]:
    """Whether the member row is 在册 at the end of ``day``.

    The stored status is the one after every event, so it answers for anyone without an
    event after the day (applying today: everybody); only the others are replayed, each
    by one look at the events index (member, date) for their last event by then.
    """
    later = exists().where(MembershipEvent.member_id == Member.id,
                           MembershipEvent.effective_date > day)
    last_kind = (select(MembershipEvent.kind)
                 .where(MembershipEvent.member_id == Member.id,
                        MembershipEvent.effective_date <= day)
                 .order_by(MembershipEvent.effective_date.desc(), MembershipEvent.id.desc())
                 .limit(1).scalar_subquery())
    return or_(and_(Member.status == ms.ACTIVE, ~later),
               and_(later, last_kind.in_(ACTIVE_KINDS)))


def _matching(text: str, days: Iterable[dt.date]) -> Select[int]:
    query = select(Member.id).where(Member.deleted_at.is_(None),
                                    *(active_on(day) for day in sorted(set(days))))
    condition = search_condition(text)
    return query if condition is None else query.where(condition)


def search_active(sessions: SessionFactory, text: str, days: Iterable[dt.date],
                  limit: int) -> tuple[list[int], int]:
    """The first ``limit`` ids (by pinyin) of people 在册 on each of ``days`` matching
    ``text``, and how many match in all."""
    query = _matching(text, days)
    with session_scope(sessions) as session:
        ids = list(session.scalars(query.order_by(Member.pinyin_full, Member.id).limit(limit)))
        total = len(ids) if len(ids) < limit else int(
            session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    return ids, total
