"""Figures for the home page: how many records each area holds.

Each figure is counted from an index alone (migration 0013), never by reading the members,
so the window shows them at once at 100,000 members and reads them afresh after every write:
a figure shown is always the book's as it stands, never a remembered one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.members import count_by_status


@dataclass(frozen=True)
class MembersSummary:
    active: int
    reserved: int
    left: int  # transferred out, withdrawn or expelled, kept on file
    joined_this_year: int
    left_this_year: int

    @property
    def members(self) -> int:
        return self.active + self.reserved


def members_summary(sessions: SessionFactory, today: dt.date) -> MembersSummary:
    by_status = count_by_status(sessions)
    year_start = dt.date(today.year, 1, 1)

    def events_this_year(kinds: tuple[str, ...]) -> int:
        # The 回收站 counts nowhere. It holds a few people, so its ids are set aside rather
        # than every event joined to its member: the year's events are then counted from
        # ix_membership_event_date_kind alone.
        binned = select(Member.id).where(Member.deleted_at.is_not(None))
        query = (
            select(func.count())
            .select_from(MembershipEvent)
            .where(MembershipEvent.effective_date.between(year_start, today))
            .where(MembershipEvent.kind.in_(kinds))
            .where(MembershipEvent.member_id.not_in(binned))
        )
        with session_scope(sessions) as session:
            return int(session.scalar(query) or 0)

    return MembersSummary(
        active=by_status[ms.ACTIVE],
        reserved=by_status[ms.RESERVED],
        left=by_status[ms.TRANSFERRED_OUT] + by_status[ms.WITHDRAWN] + by_status[ms.EXPELLED],
        joined_this_year=events_this_year((ms.JOIN, ms.TRANSFER_IN)),
        left_this_year=events_this_year((ms.TRANSFER_OUT, ms.WITHDRAW, ms.EXPEL)),
    )
