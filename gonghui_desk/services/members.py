"""Members: counts, ordered id lists and pages of masked rows for big lists.

The list pattern (STYLE.md): a filter becomes SQL that returns ids in order; the table
asks for rows a page at a time; rows are frozen DTOs with sensitive values already masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select

from gonghui_desk.db.models import Member
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.masking import mask_id_number, mask_phone


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    statuses: frozenset[str] = frozenset()  # empty: any status
    sort_key: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class MemberRow:
    """One line of the members list; ID number and phone are masked."""

    id: int
    name: str
    gender: str
    birth_date: dt.date | None
    department: str
    id_number_masked: str
    phone_masked: str
    join_date: dt.date | None
    status: str


SORT_COLUMNS: dict[str, ColumnElement[object]] = {
    "name": Member.name,  # type: ignore[dict-item]
    "gender": Member.gender,  # type: ignore[dict-item]
    "birth_date": Member.birth_date,  # type: ignore[dict-item]
    "department": Member.department,  # type: ignore[dict-item]
    "join_date": Member.join_date,  # type: ignore[dict-item]
    "status": Member.status,  # type: ignore[dict-item]
}


def _filtered(query: Select[tuple[int]], flt: MemberFilter) -> Select[tuple[int]]:
    if flt.statuses:
        query = query.where(Member.status.in_(sorted(flt.statuses)))
    text = flt.text.strip()
    if text:
        pattern = f"%{text}%"
        query = query.where(
            or_(
                Member.name.like(pattern),
                Member.department.like(pattern),
                Member.id_number.like(pattern),
                Member.phone.like(pattern),
            )
        )
    return query


def search_ids(sessions: SessionFactory, flt: MemberFilter) -> list[int]:
    """Ids of matching members, sorted in SQL (ties broken by id, so order is stable)."""
    column = SORT_COLUMNS.get(flt.sort_key, SORT_COLUMNS["name"])
    order = column.desc() if flt.descending else column.asc()
    query = _filtered(select(Member.id), flt).order_by(order, Member.id)
    with session_scope(sessions) as session:
        return list(session.scalars(query))


def fetch_rows(sessions: SessionFactory, ids: Sequence[int]) -> dict[int, MemberRow]:
    """Rows for the given ids, keyed by id (missing ids were deleted meanwhile)."""
    if not ids:
        return {}
    query = select(
        Member.id, Member.name, Member.gender, Member.birth_date, Member.department,
        Member.id_number, Member.phone, Member.join_date, Member.status,
    ).where(Member.id.in_(list(ids)))
    with session_scope(sessions) as session:
        result = session.execute(query).all()
    return {
        r.id: MemberRow(
            id=r.id, name=r.name, gender=r.gender, birth_date=r.birth_date,
            department=r.department, id_number_masked=mask_id_number(r.id_number),
            phone_masked=mask_phone(r.phone), join_date=r.join_date, status=r.status,
        )
        for r in result
    }


def count_by_status(sessions: SessionFactory) -> dict[str, int]:
    """How many people have each membership status (every status present, 0 when none)."""
    query = select(Member.status, func.count()).group_by(Member.status)
    with session_scope(sessions) as session:
        counts = {status: int(n) for status, n in session.execute(query).all()}
    return {status: counts.get(status, 0) for status in ms.STATUSES.values}


def count_all(sessions: SessionFactory) -> int:
    with session_scope(sessions) as session:
        return int(session.scalar(select(func.count()).select_from(Member)) or 0)
