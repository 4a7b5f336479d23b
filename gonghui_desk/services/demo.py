"""Fill an empty database with the demo branch, all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import func, select

from gonghui_desk.db.models import Member, YearFiguresRow
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.domain.demo import DemoBranch, DemoMember, demo_profile, demo_year_figures
from gonghui_desk.domain.member_rules import check_new_record
from gonghui_desk.errors import UserError
from gonghui_desk.services.annual import save_year
from gonghui_desk.services.demo_contracts import fill_contract_demo
from gonghui_desk.services.demo_hardship import fill_hardship_demo
from gonghui_desk.services.demo_recuperation import fill_recuperation_demo
from gonghui_desk.services.member_rows import NewMember, member_inserts, passed
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.profile import profile_in, save_profile
from gonghui_desk.services.statistics import member_counts_in

BATCH = 2000
MAX_MEMBERS = 1_000_000


def _member(person: DemoMember, unit_name: str, today: dt.date) -> NewMember:
    """A demo person as the member dialog's rules take them (one they refuse is a bug)."""
    events = [ms.EventDraft(e.kind, e.effective_date, e.reason, e.counterpart_union,
                            e.handled_by) for e in person.events]
    draft = replace(person, work_unit=person.work_unit or unit_name)
    return passed(check_new_record(draft, events, today))


def _year_figures(tx: Tx, day: dt.date) -> YearFigures:
    """The year's staff figures around the members the demo made, as of ``day``."""
    c = member_counts_in(tx.session, day)
    return demo_year_figures(day.year, c.working, c.female, c.migrant, c.dispatched,
                             c.new_form)


def fill_demo(tx: Tx, members: int, seed: int = 1) -> int:
    """Add ``members`` demo members and the demo branch's files, trips and contracts, all in
    the operation's one transaction (a cancel or an error leaves the book empty), dated
    around the book's today. Returns the members added.

    Refused (nothing written) when the database already holds members, so demo people
    never mix with real ones.
    """
    if not 0 <= members <= MAX_MEMBERS:
        raise UserError(f"演示会员人数应在 0 到 {MAX_MEMBERS:,} 之间，现为 {members}。")
    session = tx.session
    existing = session.scalar(select(func.count()).select_from(Member)) or 0
    if existing:
        raise UserError(
            f"数据库中已有 {existing} 名会员，演示数据只能填入空数据库，以免与真实数据混在一起。"
            "请换一个数据库文件（--db 新文件名）。"
        )
    profile = profile_in(session)
    if not profile.union_name:
        profile = save_profile(tx, demo_profile())
    today = tx.today
    branch = DemoBranch(seed, today)
    people = branch.members(members)
    tx.progress(0, members, "生成演示会员")
    sizes = [min(BATCH, members - done) for done in range(0, members, BATCH)]
    # written as an import writes its new members: the dialog's rules, then in bulk
    with member_inserts(session, members) as inserts:
        done = 0
        for size in sizes:
            inserts.write(inserts.prepare([_member(next(people), profile.unit_name, today)
                                           for _ in range(size)]))
            done += size
            tx.progress(done, members, "写入演示会员")
    for year in (today.year - 1, today.year):
        if session.get(YearFiguresRow, year) is None:
            save_year(tx, _year_figures(tx, min(dt.date(year, 12, 31), today)))
    if members:  # each part says how far it is, on its own scale
        fill_hardship_demo(tx, seed)
        fill_recuperation_demo(tx, seed)
        tx.progress(0, 1, "生成演示集体合同")
        fill_contract_demo(tx)
        tx.progress(1, 1, "生成演示集体合同")
    return members
