"""Figures for the home page: how many records each area holds."""

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
        query = (
            select(func.count())
            .select_from(MembershipEvent)
            .join(Member, Member.id == MembershipEvent.member_id)
            .where(Member.deleted_at.is_(None))  # the 回收站 counts nowhere
            .where(MembershipEvent.kind.in_(kinds))
            .where(MembershipEvent.effective_date.between(year_start, today))
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
