"""Child process for the crash test: writes until it is killed.

Mode ``stream``: many small transactions, each adding one batch of members with their
membership events (through the ORM and the session scope every service uses), printing
``committed N`` only after the commit has returned. Mode ``import``: the same batches as
spreadsheet imports (the import pipeline, one recorded import batch each). Mode ``demo``:
one large demo fill.
"""

import datetime as dt
import sys

from sqlalchemy import func, select

from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.operations import run_once

BATCH = 40


def stream(db) -> None:
    with db.session() as session:
        last = session.scalar(select(func.max(Member.note)).where(Member.note.like("batch-%")))
    number = int(last.split("-")[1]) + 1 if last else 0
    print("ready", flush=True)
    while True:
        with db.session() as session:
            for i in range(BATCH):
                member = Member(
                    name=f"压测{number}-{i}", gender="男" if i % 2 else "女",
                    note=f"batch-{number:08d}", status=ms.ACTIVE,
                )
                member.events = [MembershipEvent(kind=ms.JOIN, effective_date=dt.date(2020, 1, 1))]
                session.add(member)
        print(f"committed {number}", flush=True)
        number += 1


def imports(db) -> None:
    from pathlib import Path

    from gonghui_desk.domain.idnumber import check_character
    from gonghui_desk.domain.pinyin import pinyin_keys
    from gonghui_desk.exchange.header_map import auto_mapping
    from gonghui_desk.exchange.member_import import (
        ImportPlan,
        PlanRequest,
        plan_import,
        write_plan,
    )
    from gonghui_desk.exchange.workbook import SheetData
    from gonghui_desk.services.operations import run_once

    with db.session() as session:
        last = session.scalar(select(func.max(Member.note)).where(Member.note.like("batch-%")))
    number = int(last.split("-")[1]) + 1 if last else 0
    header = ["姓名", "身份证号", "入会日期", "备注"]

    def plan(number: int) -> ImportPlan:
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=number)
        rows = [(1, header)]
        for i in range(BATCH):
            body = f"110105{birth:%Y%m%d}{i:03d}"
            rows.append((i + 2, [f"导入{number}-{i}", body + check_character(body),
                                 "2020/01/01", f"batch-{number:08d}"]))
        sheet = SheetData("会员", rows)
        request = PlanRequest(sheet, Path(f"batch-{number}.xlsx"), 1, tuple(header),
                              auto_mapping(header), "add", dt.date(2026, 11, 21))
        out: list[ImportPlan] = []
        for _ in plan_import(db.sessions, request, out):
            pass
        return out[0]

    # The first batch is planned (read only) before the kills start, so that loading the
    # region codes and pinyin tables does not use up the short windows between kills.
    ready = plan(number)
    pinyin_keys("导入")
    print("ready", flush=True)
    while True:
        run_once(db, "导入会员", lambda tx, plan=ready: write_plan(tx, plan, valid_only=False))
        print(f"committed {number}", flush=True)
        number += 1
        ready = plan(number)


def demo(db) -> None:
    print("ready", flush=True)
    run_once(db, "生成演示数据", lambda tx: fill_demo(tx, 20000, seed=5))
    print("committed demo", flush=True)


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    database = open_database(path, recover_stale_lock=True)
    {"stream": stream, "import": imports, "demo": demo}[mode](database)
