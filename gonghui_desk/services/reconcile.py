"""The figures a statistics form will print, checked against each other before it is written.

``annual_discrepancies`` serves the 基层工会基本情况统计表, ``period_discrepancies`` the
会员变动 return, ``contract_discrepancies`` the contract forms. The rules are in
domain.reconcile; this module reads what they compare: the year's figures entered in 设置,
the members as of a day, the year's changes, and the contracts that state the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.domain.contract import CONGRESS, ContractDraft
from gonghui_desk.domain.reconcile import (
    Category,
    Discrepancy,
    SameFigure,
    YearChanges,
    balance_problems,
    category_problems,
    same_figure_problems,
)
from gonghui_desk.services.annual import load_year
from gonghui_desk.services.contracts import contract_detail, list_contracts
from gonghui_desk.services.statistics import MemberCounts, event_counts, member_counts_on

DAY = dt.timedelta(days=1)


def categories(counts: MemberCounts, f: YearFigures) -> list[Category]:
    """The kinds a return puts side by side: members (in work) and staff."""
    return [
        Category("会员人数（在职）", counts.working, "职工人数", f.staff, "会籍"),
        Category("女会员", counts.female, "女职工", f.staff_female, "性别"),
        Category("农民工会员", counts.migrant, "农民工", f.staff_migrant, "是否农民工"),
        Category("劳务派遣会员", counts.dispatched, "劳务派遣工", f.staff_dispatched, "劳务派遣"),
        Category("新就业形态会员", counts.new_form, "新就业形态劳动者", f.staff_new_form,
                 "新就业形态"),
    ]


def year_changes(sessions: SessionFactory, start: dt.date, end: dt.date) -> YearChanges:
    changes = event_counts(sessions, start, end)
    return YearChanges(
        start=start, end=end,
        members_before=member_counts_on(sessions, start - DAY).members,
        members_after=member_counts_on(sessions, end).members,
        joined=changes[ms.JOIN], transferred_in=changes[ms.TRANSFER_IN],
        transferred_out=changes[ms.TRANSFER_OUT], withdrawn=changes[ms.WITHDRAW],
        expelled=changes[ms.EXPEL],
    )


def impossible_histories(sessions: SessionFactory, start: dt.date, end: dt.date) -> list[str]:
    """Members with a change in the period whose history cannot be replayed in order
    ("姓名（编号 N）"), all of them: the message names a few and counts the rest."""
    changed = select(MembershipEvent.member_id).where(
        MembershipEvent.effective_date.between(start, end))
    query = (
        select(Member.id, Member.name, MembershipEvent.effective_date, MembershipEvent.kind)
        .join(MembershipEvent, MembershipEvent.member_id == Member.id)
        .where(Member.id.in_(changed), Member.deleted_at.is_(None),
               MembershipEvent.effective_date <= end)
        .order_by(Member.id, MembershipEvent.effective_date, MembershipEvent.id)
    )
    events: dict[tuple[int, str], list[tuple[dt.date, str]]] = defaultdict(list)
    with session_scope(sessions) as session:
        for member_id, name, day, kind in session.execute(query):
            events[(member_id, name)].append((day, kind))
    odd = []
    for (member_id, name), history in events.items():
        try:
            ms.status_after(history)
        except ValueError:
            odd.append(f"{name}（编号 {member_id}）")
    return odd


def period_discrepancies(sessions: SessionFactory, start: dt.date,
                         end: dt.date) -> list[Discrepancy]:
    """The period's changes lead from its first member count to its last."""
    changes = year_changes(sessions, start, end)
    if changes.expected_after == changes.members_after:
        return []
    return balance_problems(changes, impossible_histories(sessions, start, end))


def _contract_figures(d: ContractDraft,
                      figures_of: dict[int, YearFigures | None]) -> list[SameFigure]:
    """What a contract states that the year's figures also state."""
    found = []
    named = f"集体合同“{d.title}”"
    fix = f"{named}的记录（集体合同页）"
    signed = d.signed_date or d.meeting_date
    if signed is not None and d.workers_total is not None:
        year = figures_of.get(signed.year)
        found.append(SameFigure("职工人数", signed.year, year.staff if year else None,
                                d.workers_total, f"{named}的职工总数", fix))
    if d.meeting_date is not None and d.vote is not None and d.meeting_type == CONGRESS:
        year = figures_of.get(d.meeting_date.year)
        found.append(SameFigure("职代会代表", d.meeting_date.year,
                                year.delegates if year else None, d.vote.eligible,
                                f"{named}审议时职代会的应到代表", fix))
    return found


def _figures_by_year(sessions: SessionFactory, years: set[int]) -> dict[int, YearFigures | None]:
    return {year: load_year(sessions, year) for year in years}


def contract_discrepancies(sessions: SessionFactory, contract_id: int,
                           today: dt.date) -> list[Discrepancy]:
    d = contract_detail(sessions, contract_id, today=today).draft
    years = {day.year for day in (d.signed_date, d.meeting_date) if day is not None}
    return same_figure_problems(
        _contract_figures(d, _figures_by_year(sessions, years)))


def annual_discrepancies(sessions: SessionFactory, day: dt.date,
                         figures: YearFigures) -> list[Discrepancy]:
    """Everything the annual statistics for the year of ``day`` would contradict."""
    counts = member_counts_on(sessions, day)
    problems = category_problems(day.year, categories(counts, figures))
    problems += period_discrepancies(sessions, dt.date(day.year, 1, 1), day)
    stated: list[SameFigure] = []
    # ``today`` only dates the contracts' deadlines, which the figures do not depend on.
    for row in list_contracts(sessions, today=day):
        d = contract_detail(sessions, row.id, today=day).draft
        stated += [f for f in _contract_figures(d, {day.year: figures}) if f.year == day.year]
    return problems + same_figure_problems(stated)
