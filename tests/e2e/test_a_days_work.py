"""A day's work, read back as a chair would tell it: in 设置 → 修改记录 and in
``gonghui-desk history``, every entry under the officer who did it.

The day: a member added, edited and transferred out; an import and its undo; a contract's
team edited; a hardship step taken; an aid payment recorded. Everything runs through the
operation runner, as the program does, on a book whose officer was chosen at start.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from gonghui_desk.cli import main
from gonghui_desk.clock import Clock
from gonghui_desk.db.database import Database, open_database
from gonghui_desk.db.officer import Officer
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.contract import ContractDraft
from gonghui_desk.domain.contract_team import CHIEF, EMPLOYER, WORKERS, Negotiator
from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.member import MemberData
from gonghui_desk.errors import ExitCode
from gonghui_desk.exchange.import_write import import_operation
from gonghui_desk.services import aid, contracts, member_records, membership
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.history import HistoryFilter, search_history
from gonghui_desk.services.import_batches import list_batches
from gonghui_desk.services.import_undo import undo_operation
from gonghui_desk.services.operations import Op, Runner
from tests.exchange.rosters import hr_rows, plan_file, write_xlsx
from tests.ui.conftest import gui_app  # noqa: F401  (the app with its Chinese translation)

TODAY = dt.date(2026, 11, 21)
OFFICER = "王建国"
RAW = re.compile(r"\b[a-z]+_[a-z_]+\b|\bTrue\b|\bFalse\b|\bNone\b")


def _id(birth: str, order: str) -> str:
    first17 = f"330106{birth}{order}"
    return first17 + check_character(first17)


def the_day(db: Database, folder: Path) -> dict[str, int]:
    run = Runner(db).run
    zhang = MemberData(name="张伟", id_number=_id("19900307", "017"), phone="13812345678",
                       department="装配车间", join_date=dt.date(2015, 6, 1))
    member = run(Op(member_records.ADD_MEMBER, lambda tx: member_records.create_member(
        tx, zhang, ms.EventDraft(ms.JOIN, None, handled_by=OFFICER)))).value
    run(Op(member_records.EDIT_MEMBER, lambda tx: member_records.update_member(
        tx, member, replace(zhang, phone="13900000002"))))
    run(Op(membership.ADD_EVENT, lambda tx: membership.add_event(tx, member, ms.EventDraft(
        ms.TRANSFER_OUT, dt.date(2026, 11, 20), "劳动（工作）关系发生变化", "杭州某厂工会",
        OFFICER))))

    roster = write_xlsx(folder / "十一月名册.xlsx", hr_rows(3))
    run(import_operation(plan_file(db, roster), valid_only=False))
    (batch,) = list_batches(db.sessions)
    run(undo_operation(batch))

    team = (Negotiator(WORKERS, OFFICER, CHIEF, "工会主席", union_chair=True),
            Negotiator(WORKERS, "周建国"), Negotiator(WORKERS, "孙丽"),
            Negotiator(EMPLOYER, "钱志远", CHIEF), Negotiator(EMPLOYER, "吴敏"),
            Negotiator(EMPLOYER, "郑海"))
    talks = ContractDraft(title="2027 年工资专项集体合同", offer_date=dt.date(2026, 11, 2),
                          offer_side=WORKERS)
    contract = run(Op(contracts.SAVE_CONTRACT,
                      lambda tx: contracts.save_contract(tx, talks, team))).value
    saved = contracts.contract_detail(db.sessions, contract, TODAY).negotiators
    edited = (*saved[:2], replace(saved[2], name="孙莉"), *saved[3:])
    run(Op(contracts.SAVE_CONTRACT,
           lambda tx: contracts.save_contract(tx, talks, edited, contract)))

    household = FileDraft("王大力", _id("19800101", "011"), region="330106")
    file_id = run(Op(hs.OPEN_FILE, lambda tx: hs.open_file(
        tx, household, dt.date(2026, 11, 3), OFFICER))).value
    run(Op(hs.TAKE_STEP, lambda tx: hs.take_step(
        tx, file_id, hp.Step(hp.VISIT, dt.date(2026, 11, 5), OFFICER))))
    run(Op(aid.RECORD_PAYMENT, lambda tx: aid.record_payment(tx, file_id, PaymentDraft(
        "临时救助", dt.date(2026, 11, 6), D("800.50"), "本级工会经费", handled_by=OFFICER))))
    return {"member": member, "contract": contract, "file": file_id}


@pytest.fixture
def book(tmp_path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "红星工会.sqlite3"
    db = open_database(path, clock=Clock(TODAY), officer=Officer(OFFICER))
    try:
        ids = the_day(db, tmp_path)
    finally:
        db.close()
    return path, ids


def test_the_day_reads_in_the_history_under_the_officer(book):
    path, _ids = book
    db = open_database(path, read_only=True, clock=Clock(TODAY))
    try:
        rows = list(reversed(search_history(db.sessions, HistoryFilter())))
    finally:
        db.close()
    assert {row.actor for row in rows} == {OFFICER}
    told = [f"{row.action} {row.record}：{row.summary}" for row in rows]
    text = "\n".join(told)
    assert not RAW.search(text), RAW.search(text)

    def said(*words: str) -> bool:
        return any(all(w in line for w in words) for line in told)

    assert said("新增", "会员 张伟", "移动电话：138****5678")
    assert said("修改", "会员 张伟", "移动电话：138****5678 → 139****0002")
    assert said("新增", "会籍变化 张伟（转出）", "杭州某厂工会")
    assert said("修改", "会员 张伟", "会籍状态：在册 → 已转出")
    assert said("导入", "会员导入 十一月名册.xlsx", "新增人数：3")
    assert sum(line.startswith("新增 会员 ") for line in told) == 1 + 3  # 张伟, the import's
    assert said("撤销导入", "会员导入 十一月名册.xlsx")
    assert sum(line.startswith("删除 会员 ") for line in told) == 3  # what the undo took out
    assert said("修改", "协商代表", "孙丽 → 孙莉")
    assert not said("删除", "协商代表")  # the team was edited, not replaced
    assert said("新增", "困难职工档案办理环节", "王大力", "入户核查")
    assert said("新增", "帮扶资金发放", "王大力", "800.50 元")


def test_the_same_day_from_the_command_line_and_as_csv(book, capsys, tmp_path):
    path, ids = book
    code = main(["--db", str(path), "--today", f"{TODAY}", "history"])
    out, err = capsys.readouterr()
    assert code == ExitCode.OK, err
    headings = [line for line in out.splitlines() if line and not line.startswith("    ")]
    assert headings[-1].startswith("共 ") and headings[-1].endswith(" 条修改记录。")
    assert all(OFFICER in line for line in headings[:-1])
    assert any("会员 张伟" in line for line in headings)
    assert not RAW.search(out), RAW.search(out)

    code = main(["--db", str(path), "--officer", "李芳", "history",
                 "--record", f"会员:{ids['member']}", "--out", str(tmp_path / "张伟.csv")])
    assert code == ExitCode.OK
    with (tmp_path / "张伟.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    header, *entries = table
    assert header[:2] == ["时间", "操作人"]
    body = [e for e in entries if e and e[0][:4].isdigit()]
    assert [e[1] for e in body] == [OFFICER] * len(body)
    assert {e[3] for e in body} == {"会员 张伟"}
    assert any(row and row[0] == "导出人：李芳" for row in entries)  # who exported it


@pytest.mark.usefixtures("gui_app")
def test_the_same_day_in_the_settings_history_view(book, qtbot):
    from gonghui_desk.ui.widgets.history_view import HistoryView

    path, _ids = book
    db = open_database(path, read_only=True, clock=Clock(TODAY))
    try:
        view = HistoryView(db.sessions)
        qtbot.addWidget(view)
        view.reload()
        model = view.model
        shown = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
                 for r in range(model.rowCount())]
    finally:
        db.close()
    assert {row[1] for row in shown} == {OFFICER}
    records = {row[2] for row in shown}
    assert {"会员 张伟", "会员导入 十一月名册.xlsx", "困难职工档案 王大力"} <= records
    assert "协商代表 孙莉（2027 年工资专项集体合同）" in records
    assert any(row[3] == "撤销导入" for row in shown)
    assert view.count_label.text() == f"共 {len(shown)} 条"
