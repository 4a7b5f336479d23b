"""Fill an empty database with the demo branch, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict

from sqlalchemy import func, insert, select

from gonghui_desk.db.models import Member, MembershipEvent, YearFiguresRow
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.demo import DemoBranch, demo_profile, demo_year_figures
from gonghui_desk.domain.member import FIELD_NAMES
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.services.demo_contracts import fill_contract_demo
from gonghui_desk.services.demo_hardship import fill_hardship_demo
from gonghui_desk.services.demo_recuperation import fill_recuperation_demo
from gonghui_desk.services.profile import load_profile, save_profile

BATCH = 2000
MAX_MEMBERS = 1_000_000


def fill_demo(
    sessions: SessionFactory, members: int, seed: int = 1, *, as_of: dt.date
) -> Iterator[Progress]:
    """Add ``members`` demo members in one transaction, yielding progress per batch.

    Refused (nothing written) when the database already holds members, so demo people
    never mix with real ones.
    """
    if not 0 <= members <= MAX_MEMBERS:
        raise UserError(f"演示会员人数应在 0 到 {MAX_MEMBERS:,} 之间，现为 {members}。")
    with session_scope(sessions) as session:
        existing = session.scalar(select(func.count()).select_from(Member)) or 0
    if existing:
        raise UserError(
            f"数据库中已有 {existing} 名会员，演示数据只能填入空数据库，以免与真实数据混在一起。"
            "请换一个数据库文件（--db 新文件名）。"
        )
    profile = load_profile(sessions)
    if not profile.union_name:
        profile = save_profile(sessions, demo_profile())
    today = as_of
    branch = DemoBranch(seed, today)
    people = branch.members(members)
    yield Progress(0, members, "生成演示会员")
    with session_scope(sessions) as session:
        done = 0
        while done < members:
            size = min(BATCH, members - done)
            member_rows: list[dict[str, object]] = []
            event_rows: list[dict[str, object]] = []
            for offset in range(size):
                person = next(people)
                member_id = done + offset + 1
                events = [(e.effective_date, e.kind) for e in person.events]
                keys = pinyin_keys(person.name)
                row: dict[str, object] = {name: getattr(person, name) for name in FIELD_NAMES}
                row.update(
                    id=member_id, status=ms.status_after(events),
                    work_unit=person.work_unit or profile.unit_name,
                    pinyin_initials=keys.initials, pinyin_full=keys.full,
                )
                member_rows.append(row)
                event_rows.extend(
                    {
                        "member_id": member_id, "kind": e.kind,
                        "effective_date": e.effective_date, "reason": e.reason,
                        "counterpart_union": e.counterpart_union, "handled_by": e.handled_by,
                    }
                    for e in person.events
                )
            session.execute(insert(Member), member_rows)
            session.execute(insert(MembershipEvent), event_rows)
            done += size
            yield Progress(done, members, "写入演示会员")
        for year in (today.year - 1, today.year):
            if session.get(YearFiguresRow, year) is None:
                session.add(YearFiguresRow(**asdict(demo_year_figures(year, members))))
    if members:
        yield Progress(members, members, "生成演示困难职工档案")
        fill_hardship_demo(sessions, today, seed)
        yield Progress(members, members, "生成演示疗休养")
        fill_recuperation_demo(sessions, today, seed)
        yield Progress(members, members, "生成演示集体合同")
        fill_contract_demo(sessions, today)
