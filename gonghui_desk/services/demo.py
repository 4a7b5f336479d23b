"""Fill an empty database with the demo branch, all or nothing."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from gonghui_desk.db.models import Member, MembershipEvent, YearFiguresRow
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.demo import DemoBranch, demo_profile, demo_year_figures
from gonghui_desk.domain.member import FIELD_NAMES
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.errors import UserError
from gonghui_desk.services.annual import save_year
from gonghui_desk.services.demo_contracts import fill_contract_demo
from gonghui_desk.services.demo_hardship import fill_hardship_demo
from gonghui_desk.services.demo_recuperation import fill_recuperation_demo
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.profile import profile_in, save_profile

BATCH = 2000
MAX_MEMBERS = 1_000_000


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
        tx.progress(done, members, "写入演示会员")
    for year in (today.year - 1, today.year):
        if session.get(YearFiguresRow, year) is None:
            save_year(tx, demo_year_figures(year, members))
    if members:  # each part says how far it is, on its own scale
        fill_hardship_demo(tx, seed)
        fill_recuperation_demo(tx, seed)
        tx.progress(0, 1, "生成演示集体合同")
        fill_contract_demo(tx)
        tx.progress(1, 1, "生成演示集体合同")
    return members
