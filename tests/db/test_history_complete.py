"""The change history is complete: every row a writing operation inserts, updates or deletes
in an audited table has its history entry, whichever path wrote it.

In the test's books only, SQLite triggers on every audited table of the metadata count each
row change (an update only when a recorded column really changed, as the history records
it) into a scratch table, and a trigger on ``change_log`` counts each entry as it is
written (a purge removes the person's entries afterwards; they were written all the same).
Then a day's work runs every writing operation there is, and for each table the rows
changed must equal the entries written, kind by kind. A table no scenario touches fails
with its name too: a new table needs its writing scenario here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, text

from gonghui_desk.clock import Clock
from gonghui_desk.db import models
from gonghui_desk.db.audit import CREATE, DELETE, IGNORED_FIELDS, NOT_AUDITED, UPDATE
from gonghui_desk.db.base import Base
from gonghui_desk.db.database import Database, open_database
from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.domain.contract import ContractDraft
from gonghui_desk.domain.contract_team import CHIEF, EMPLOYER, WORKERS, Negotiator
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.member import MemberData
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.domain.recuperation import ApplicationDraft, Policy, Trip
from gonghui_desk.exchange import member_import
from gonghui_desk.services import (
    access,
    aid,
    annual,
    backup,
    contract_files,
    contracts,
    import_undo,
    member_records,
    membership,
    profile,
)
from gonghui_desk.services import hardship as hs
from gonghui_desk.services import recuperation as rec
from gonghui_desk.services import recuperation_allocation as allocation
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services import recuperation_trips as trips
from gonghui_desk.services.demo import fill_demo
from tests.exchange.rosters import TODAY, hr_rows, person, plan_file, write_xlsx
from tests.factories import write

assert models  # every table registered on the metadata
KINDS = (CREATE, UPDATE, DELETE)
AUDITED = tuple(t for t in Base.metadata.sorted_tables if t.name not in NOT_AUDITED)
COUNTS = "history_check_counts"  # the scratch table; in the test's books only
BY = "曾晓梅"
Counted = Counter[tuple[str, str, str]]  # (table, kind, "row" or "entry") → how many


# -- counting ---------------------------------------------------------------------------

def _row_triggers(table: Table) -> list[str]:
    name = table.name
    recorded = [c.name for c in table.columns if c.name not in IGNORED_FIELDS]
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in recorded)
    count = f"INSERT INTO {COUNTS} VALUES ('{name}', '{{kind}}', 'row')"
    return [
        f'CREATE TRIGGER count_{name}_insert AFTER INSERT ON "{name}" '
        f"BEGIN {count.format(kind=CREATE)}; END",
        f'CREATE TRIGGER count_{name}_update AFTER UPDATE ON "{name}" WHEN {changed} '
        f"BEGIN {count.format(kind=UPDATE)}; END",
        f'CREATE TRIGGER count_{name}_delete AFTER DELETE ON "{name}" '
        f"BEGIN {count.format(kind=DELETE)}; END",
    ]


def install_counters(db: Database) -> None:
    statements = [f"CREATE TABLE {COUNTS} (table_name TEXT, kind TEXT, source TEXT)"]
    for table in AUDITED:
        statements += _row_triggers(table)
    statements.append(
        f"CREATE TRIGGER count_history AFTER INSERT ON change_log "
        f"WHEN NEW.action IN ('{CREATE}', '{UPDATE}', '{DELETE}') "
        f"BEGIN INSERT INTO {COUNTS} VALUES (NEW.table_name, NEW.action, 'entry'); END")
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def counted(db: Database) -> Counted:
    with db.engine.connect() as connection:
        rows = connection.execute(text(
            f"SELECT table_name, kind, source, count(*) FROM {COUNTS} "
            "GROUP BY table_name, kind, source")).all()
    return Counter({(t, k, s): n for t, k, s, n in rows})


# -- running the writes -----------------------------------------------------------------

def do(db: Database, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the write ``fn(tx, …)`` as one operation, as the program does."""
    return write(db, fn, *args, **kwargs)


def the_demo(db: Database, _folder: Path) -> None:
    do(db, fill_demo, 40)


def settings_and_profile(db: Database, _folder: Path) -> None:
    do(db, profile.save_profile, BranchProfile(union_name="红星机械工会", unit_name="红星机械",
                                               region_code="330106", chair=BY))
    do(db, profile.save_profile, BranchProfile(union_name="红星机械有限公司工会委员会",
                                               unit_name="红星机械", region_code="330106",
                                               chair=BY, contact_phone="13812345678"))
    do(db, access.set_password, "", "red-star-1", "red-star-1")
    do(db, access.set_idle_minutes, 10)
    do(db, access.set_idle_minutes, 5)
    do(db, access.set_password, "red-star-1", "", "")  # removed: its setting is deleted
    do(db, backup.save_policy, backup.BackupPolicy(Path(db.path).parent / "备份", 5, 6))
    do(db, annual.save_year, YearFigures(2026, staff=120, staff_female=40))
    do(db, annual.save_year, YearFigures(2026, staff=125, staff_female=41))


def members(db: Database, _folder: Path) -> None:
    zhang = MemberData(name="张三", id_number="110105199003070017", phone="13812345678",
                       department="装配车间", join_date=dt.date(2015, 6, 1))
    member_id = do(db, member_records.create_member, zhang,
                   ms.EventDraft(ms.JOIN, None, handled_by=BY))
    do(db, member_records.update_member, member_id, replace(zhang, phone="13900000002"))
    do(db, membership.add_event, member_id,
       ms.EventDraft(ms.TRANSFER_OUT, dt.date(2026, 11, 1), "劳动（工作）关系发生变化",
                   "杭州某厂工会", BY))
    do(db, membership.undo_last_event, member_id)  # entered by mistake: taken back
    do(db, member_records.move_to_recycle_bin, [member_id])
    do(db, member_records.restore_from_recycle_bin, [member_id])
    do(db, member_records.move_to_recycle_bin, [member_id])
    do(db, member_records.purge, [member_id])


def an_import_and_its_undo(db: Database, folder: Path) -> None:
    def imported(path: Path, mode: str) -> int:
        return do(db, member_import.write_plan, plan_file(db, path, mode=mode),
                  valid_only=False)

    imported(write_xlsx(folder / "名册.xlsx", hr_rows(3)), member_import.ADD)
    header = ["姓名", "身份证号", "部门", "入会日期", "会籍变化类型", "会籍变化日期",
              "会籍变化原因"]
    rows = [header,
            [person(0)["name"], person(0)["id"], "质检科", "2014/12/01", "", "", ""],
            [person(1)["name"], person(1)["id"], "", "", "退会", "2026/11/01", "个人要求退会"],
            *[[*r[1:3], r[4], r[5], "", "", ""] for r in hr_rows(2, start=10)[1:]]]
    batch_id = imported(write_xlsx(folder / "更新.xlsx", rows), member_import.UPSERT)
    do(db, import_undo.undo_batch, batch_id)


def _id_number(birth: str, order: str) -> str:
    first17 = f"330106{birth}{order}"
    return first17 + check_character(first17)


def hardship(db: Database, _folder: Path) -> None:
    do(db, hs.set_dibao, "330106", 2026, D(1100))
    do(db, hs.set_dibao, "330106", 2026, D(1160))
    wife = RelativeDraft("李梅", "配偶", id_number=_id_number("19820202", "022"),
                         monthly_income=D(1200))
    son = RelativeDraft("王小明", "子女", id_number=_id_number("20100303", "031"),
                        identity="学生")
    draft = FileDraft("王大力", _id_number("19800101", "011"), region="330106",
                      relatives=(wife, son))
    file_id = do(db, hs.open_file, draft, dt.date(2026, 3, 1), BY)
    daughter = RelativeDraft("王小红", "子女", id_number=_id_number("20120404", "042"))
    do(db, hs.update_file, file_id, replace(draft, relatives=(
        replace(wife, monthly_income=D(1500)), daughter)))  # one changed, one out, one in
    for step in (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
                 Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
                 Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
                 Step(hp.FILE, dt.date(2026, 3, 23), by=BY)):
        do(db, hs.take_step, file_id, step)
    do(db, hs.assess_year, file_id, 2026, [("工资", D(20000)), ("补贴", D(1200))],
       [("医疗", D(3000))])
    do(db, hs.assess_year, file_id, 2026, [("工资", D(21000))], [])  # tested again
    payment = do(db, aid.record_payment, file_id, PaymentDraft(
        "生活救助", dt.date(2026, 5, 1), D(1000), "本级工会经费", handled_by=BY))
    do(db, aid.void_payment, payment, "重复登记")


def recuperation(db: Database, _folder: Path) -> None:
    lisi = MemberData(name="李四", id_number=_id_number("19910307", "013"), department="质检部",
                      join_date=dt.date(2026, 9, 1))
    member_id = do(db, member_records.create_member, lisi,
                   ms.EventDraft(ms.JOIN, None, handled_by=BY))
    do(db, rec.save_policy, Policy(year=2027, union_percent=60, admin_percent=40))
    do(db, rec.save_policy, Policy(year=2027, union_percent=70, admin_percent=30))
    do(db, rec.save_quota, rec.Quota(2027, 6, D(30000), departments={"质检部": 2, "装配车间": 2}))
    do(db, rec.save_quota, rec.Quota(2027, 6, D(30000), departments={"质检部": 3}))
    start = dt.date(2027, 4, 1)
    trip = Trip(2027, "安吉余村", start, start + dt.timedelta(days=3), D(450), 2)
    trip_id = do(db, trips.save_trip, trip)
    do(db, trips.save_trip, replace(trip, note="含往返交通"), trip_id)
    spare = do(db, trips.save_trip, replace(trip, destination="千岛湖"))
    do(db, trips.delete_trip, spare)
    draft = ApplicationDraft(member_id, trip_id, dt.date(2026, 11, 10),
                             hire_date=dt.date(2018, 1, 1))
    app_id = do(db, apps.apply, draft, BY)
    do(db, apps.update, app_id, replace(draft, note="一线职工"))
    do(db, apps.take_step, app_id, rp.DEPT_REVIEW, TODAY, BY)
    do(db, apps.set_override, app_id, "member_years", "已核实的理由一", BY, TODAY)
    do(db, apps.remove_override, app_id, "member_years")
    do(db, apps.set_override, app_id, "member_years", "调入前在原单位已入会 6 年", BY, TODAY)
    do(db, apps.take_step, app_id, rp.UNION_APPROVAL, TODAY, BY)
    do(db, allocation.allocate_trip, trip_id, TODAY, BY)
    do(db, apps.take_step, app_id, rp.DECLINE, TODAY, BY, "家里有事")


TEAM = (
    Negotiator(WORKERS, BY, CHIEF, "工会主席", union_chair=True), Negotiator(WORKERS, "周建国"),
    Negotiator(WORKERS, "孙丽"), Negotiator(EMPLOYER, "钱志远", CHIEF),
    Negotiator(EMPLOYER, "吴敏"), Negotiator(EMPLOYER, "郑海"),
)


def collective_contracts(db: Database, folder: Path) -> None:
    do(db, contracts.save_rules, ct.DeadlineRules(filing_days=15))
    do(db, contracts.save_rules, ct.DeadlineRules(filing_days=12))
    talks = ContractDraft(title="综合集体合同", offer_date=dt.date(2026, 11, 1),
                          offer_side=WORKERS)
    contract_id = do(db, contracts.save_contract, talks, TEAM)
    team = contracts.contract_detail(db.sessions, contract_id, TODAY).negotiators
    renamed = (replace(team[0], post="工会主席（专职）"), *team[1:])
    do(db, contracts.save_contract, replace(talks, reply_date=dt.date(2026, 11, 10)), renamed,
       contract_id)
    do(db, contracts.save_contract, talks, renamed[:-1], contract_id)  # one leaves the team
    scan = folder / "要约书.pdf"
    scan.write_bytes(b"%PDF-1.4 offer")
    attachment = do(db, contract_files.attach, contract_id, scan, "其他", "要约书")
    do(db, contract_files.remove, attachment)
    mistaken = do(db, contracts.save_contract, replace(talks, title="录错的合同"), TEAM)
    do(db, contract_files.attach, mistaken, scan, "其他")
    do(db, contracts.delete_contract, mistaken)  # with its team and its file


# The demo is refused in a book with members, so it fills a book of its own.
BOOKS: dict[str, tuple[Callable[[Database, Path], None], ...]] = {
    "demo": (the_demo,),
    "branch": (settings_and_profile, members, an_import_and_its_undo, hardship, recuperation,
               collective_contracts),
}


@pytest.fixture(scope="module")
def day_of_work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counted]:
    """The counts of the day's work in every book, summed."""
    folder = tmp_path_factory.mktemp("history_complete")
    totals: Counted = Counter()
    with pytest.MonkeyPatch.context() as patch:  # the autouse data folder is per test
        patch.setenv("GONGHUI_DATA_DIR", str(folder / "data"))
        for name, work in BOOKS.items():
            db = open_database(folder / f"{name}.sqlite3", clock=Clock(TODAY))
            try:
                install_counters(db)
                for scenario in work:
                    scenario(db, folder)
                totals += counted(db)
            finally:
                db.close()
    yield totals


@pytest.mark.parametrize("table", [t.name for t in AUDITED])
def test_every_row_change_has_its_history_entry(day_of_work, table):
    touched = sum(day_of_work[table, kind, "row"] for kind in KINDS)
    assert touched, (f"no writing scenario touches {table}: add the operations that write "
                     "it to the day's work here")
    differ = [f"{table} {kind}: {day_of_work[table, kind, 'row']} rows, "
              f"{day_of_work[table, kind, 'entry']} history entries"
              for kind in KINDS
              if day_of_work[table, kind, "row"] != day_of_work[table, kind, "entry"]]
    assert not differ, "; ".join(differ)
