"""The 困难帮扶 list and the 首页 reminders: every file as a masked row, filtered.

A branch keeps tens or a few hundred files, not 100,000 members, so the list is read whole
(one query for the files, one for their steps, one for the year's aid) and filtered here,
where the review dates are computed by the same rules the reminders use.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from gonghui_desk.db.models import AidPayment, HardshipFile, HardshipRelative, HardshipStep
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship_reminders import (
    REVIEW_WARNING_DAYS,
    FileSummary,
    Reminder,
    reminders_for,
)
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.money import to_yuan
from gonghui_desk.services.aid import last_aid_days

IN_PROGRESS, ON_FILE, CLOSED = "办理中", "在档", "已结档"


@dataclass(frozen=True)
class FileFilter:
    text: str = ""  # part of the name, or of the ID number (its last digits)
    category: str | None = None
    group: str | None = None  # IN_PROGRESS, ON_FILE or CLOSED
    review_due: bool = False  # only files whose review is due within 30 days or overdue


@dataclass(frozen=True)
class FileRow:
    """One line of the list; the ID number is masked."""

    id: int
    name: str
    id_number_masked: str
    category: str
    state: str
    household_size: int
    applied_on: dt.date
    review_due: dt.date | None
    aid_this_year: Decimal
    last_change: dt.date


def _group(state: str) -> str:
    if state in hp.CLOSED:
        return CLOSED
    return ON_FILE if state == hp.FILED else IN_PROGRESS


def _summaries(sessions: SessionFactory, today: dt.date
               ) -> tuple[list[FileRow], list[FileSummary], dict[int, str]]:
    """Rows, what the reminders need, and the full ID numbers (for searching only)."""
    with session_scope(sessions) as session:
        files = session.execute(select(
            HardshipFile.id, HardshipFile.name, HardshipFile.id_number, HardshipFile.category,
            HardshipFile.state, HardshipFile.updated_at)).all()
        steps: dict[int, list[hp.Step]] = defaultdict(list)
        for file_id, kind, day, until in session.execute(
                select(HardshipStep.file_id, HardshipStep.kind, HardshipStep.day,
                       HardshipStep.until).order_by(HardshipStep.id)):
            steps[file_id].append(hp.Step(kind, day, until=until))
        sizes = {k: int(v) for k, v in session.execute(
            select(HardshipRelative.file_id, func.count()).group_by(HardshipRelative.file_id))}
        aid = {k: int(v) for k, v in session.execute(
            select(AidPayment.file_id, func.sum(AidPayment.amount_fen))
            .where(AidPayment.day.between(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
                   AidPayment.voided_on.is_(None))
            .group_by(AidPayment.file_id))}
    last_aid = last_aid_days(sessions)
    rows, summaries = [], []
    numbers = {}
    for file_id, name, number, category, state, updated in files:
        numbers[file_id] = number.upper()
        taken = steps[file_id]
        last_change = max([updated.date(), *(s.day for s in taken)])
        rows.append(FileRow(
            file_id, name, mask_id_number(number), category, state,
            1 + sizes.get(file_id, 0), taken[0].day if taken else updated.date(),
            hp.review_due(taken), to_yuan(aid.get(file_id, 0)), last_change))
        summaries.append(FileSummary(file_id, name, tuple(taken), last_change,
                                     last_aid.get(file_id)))
    return rows, summaries, numbers


def list_files(sessions: SessionFactory, flt: FileFilter,
               today: dt.date) -> list[FileRow]:
    """Files matching ``flt``: open ones first (the most pressing review first), then by name."""
    rows, _, numbers = _summaries(sessions, today)
    needle = flt.text.strip().upper()
    horizon = today + dt.timedelta(days=REVIEW_WARNING_DAYS)

    def wanted(row: FileRow) -> bool:
        if needle and needle not in row.name and not (
                needle.isalnum() and numbers[row.id].endswith(needle)):
            return False
        if flt.category and row.category != flt.category:
            return False
        if flt.group and _group(row.state) != flt.group:
            return False
        return not flt.review_due or (row.review_due is not None and row.review_due <= horizon)

    found = [r for r in rows if wanted(r)]
    return sorted(found, key=lambda r: (r.state in hp.CLOSED,
                                        r.review_due or dt.date.max, r.name, r.id))


def hardship_reminders(sessions: SessionFactory, today: dt.date) -> list[Reminder]:
    _, summaries, _ = _summaries(sessions, today)
    return reminders_for(summaries, today)
