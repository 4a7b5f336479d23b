"""Members in full for an export: every field, unmasked, with the latest membership event.

The members list (services.members) only ever hands out masked rows; an export that must
carry full ID numbers reads them here, in batches of ids that keep the list's order.
Whoever writes these rows to a file records that in the change history (exchange.roster).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.services.members import latest_events


@dataclass(frozen=True)
class LatestEvent:
    """A member's most recent 会籍变化 (latest effective date; among equal dates, last entered)."""

    kind: str
    effective_date: dt.date
    reason: str


@dataclass(frozen=True)
class ExportRow:
    """One member for an export file; ``id_number`` and ``phone`` are NOT masked."""

    id: int
    name: str
    gender: str
    birth_date: dt.date | None
    ethnicity: str
    id_type: str
    id_number: str | None
    phone: str
    department: str
    post: str
    employment_status: str
    education: str
    tech_level: str
    political_status: str
    hukou_type: str
    hukou_place: str
    work_unit: str
    native_place: str
    migrant_worker: bool
    new_employment_form: str
    dispatched: bool
    card_number: str
    model_worker_level: str
    join_date: dt.date | None
    status: str
    latest_event: LatestEvent | None


EXPORT_COLUMNS = (
    Member.id, Member.name, Member.gender, Member.birth_date, Member.ethnicity,
    Member.id_type, Member.id_number, Member.phone, Member.department, Member.post,
    Member.employment_status, Member.education, Member.tech_level, Member.political_status,
    Member.hukou_type, Member.hukou_place, Member.work_unit, Member.native_place,
    Member.migrant_worker, Member.new_employment_form, Member.dispatched, Member.card_number,
    Member.model_worker_level, Member.join_date, Member.status,
)


def _latest_events(sessions: SessionFactory, member_ids: list[int],
                   as_of: dt.date | None) -> dict[int, LatestEvent]:
    # One window query per batch instead of loading every member's history: the index on
    # (member_id, effective_date) serves it.
    conditions: list[ColumnElement[bool]] = [MembershipEvent.member_id.in_(member_ids)]
    if as_of is not None:
        conditions.append(MembershipEvent.effective_date <= as_of)
    ranked = latest_events(*conditions)
    query = select(ranked.c.member_id, ranked.c.kind, ranked.c.effective_date,
                   ranked.c.reason).where(ranked.c.position == 1)
    with session_scope(sessions) as session:
        return {
            member_id: LatestEvent(kind, effective_date, reason or "")
            for member_id, kind, effective_date, reason in session.execute(query)
        }


def fetch_export_rows(
    sessions: SessionFactory, ids: Sequence[int], *, with_latest_event: bool = True,
    as_of: dt.date | None = None,
) -> list[ExportRow]:
    """Full rows for ``ids`` in the same order; ids deleted or binned meanwhile are left out.

    ``latest_event`` is the latest on or before ``as_of`` when given (a roster as of a day).

    Meant for batches of about a thousand ids (one short read each), so a long export
    never holds a transaction open while the file is being written.
    """
    wanted = list(ids)
    if not wanted:
        return []
    query = select(*EXPORT_COLUMNS).where(Member.id.in_(wanted), Member.deleted_at.is_(None))
    with session_scope(sessions) as session:
        found = {r.id: r._asdict() for r in session.execute(query)}
    events = _latest_events(sessions, list(found), as_of) if with_latest_event else {}
    return [
        ExportRow(**found[member_id], latest_event=events.get(member_id))
        for member_id in wanted
        if member_id in found
    ]
