"""Updating members from a roster obeys the rules the member dialog applies to an edit, the
ones that look at the member's history: the 入会日期 no later than the first 转入 (on that day
still allowed), the history still holding once the first 入会 moves with it, and a change
the row adds following the last one. A row that breaks one is 有错误 in the preview with
the dialog's own words, naming the sheet, the row and the column, and the whole file is
refused with nothing written; a row on the right side of the line is written as the dialog
writes it, by the command line as by the wizard."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from gonghui_desk.cli import main
from gonghui_desk.db.database import Database, open_database
from gonghui_desk.db.models import ChangeRecord, ImportBatch, Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.errors import ExitCode, UserError, ValidationError
from gonghui_desk.exchange.member_import import (
    REJECTED,
    UPDATE,
    UPSERT,
    ImportPlan,
    import_operation,
)
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services import member_records as records
from gonghui_desk.services.import_undo import undo_batch
from gonghui_desk.services.membership import add_event
from gonghui_desk.services.operations import Runner
from tests.exchange.rosters import id_number, plan_file, write_xlsx
from tests.factories import write

D = dt.date
ARRIVED = D(2015, 6, 1)  # 张三's first 转入, and 赵六's 入会
LEFT = "劳动（工作）关系发生变化"
AFTER_ARRIVAL = "不能晚于转入本会的日期 2015-06-01。"  # the member dialog's words
HEADER = ["姓名", "证件号码", "移动电话", "会员证号", "入会日期", "会籍变化类型", "会籍变化日期",
          "会籍变化原因", "原所在工会"]


def _person(name: str, n: int, joined: D) -> MemberData:
    birth = D(1985 + n, 1 + n, 1 + n)
    return MemberData(name=name, id_number=id_number(n, birth), phone=f"1390000000{n}",
                      department="装配车间", join_date=joined)


ZHANG = _person("张三", 1, D(2015, 1, 1))  # came in by 转入 on ARRIVED
WANG = _person("王五", 2, D(2014, 1, 1))  # 转入 on ARRIVED, 转出 2017, 转入 again 2019
ZHAO = _person("赵六", 3, ARRIVED)  # 入会 on ARRIVED, 保留 from 2020-01-01
SUN = _person("孙七", 4, ARRIVED)  # 入会 on ARRIVED, 转出 on 2018-01-01: a former member


def _transfer_in(day: D, union: str = "甲公司工会") -> ms.EventDraft:
    return ms.EventDraft(ms.TRANSFER_IN, day, counterpart_union=union)


def _book(db: Database) -> dict[str, int]:
    """The members on file, each with the history its comment above says, written as the
    dialogs write them."""
    ids = {
        "张三": write(db, records.create_member, ZHANG, _transfer_in(ARRIVED)),
        "王五": write(db, records.create_member, WANG, _transfer_in(ARRIVED)),
        "赵六": write(db, records.create_member, ZHAO, ms.EventDraft(ms.JOIN, None)),
        "孙七": write(db, records.create_member, SUN, ms.EventDraft(ms.JOIN, None)),
    }
    write(db, add_event, ids["王五"], ms.EventDraft(ms.TRANSFER_OUT, D(2017, 1, 1), LEFT))
    write(db, add_event, ids["王五"], _transfer_in(D(2019, 1, 1), "乙公司工会"))
    write(db, add_event, ids["赵六"], ms.EventDraft(ms.RESERVE, D(2020, 1, 1)))
    write(db, add_event, ids["孙七"], ms.EventDraft(ms.TRANSFER_OUT, D(2018, 1, 1), LEFT))
    return ids


def _row(data: MemberData, **cells: Any) -> list[Any]:
    """A roster line for the member on file: the cells given, the rest left blank (a blank
    cell keeps what is on file)."""
    values = {"姓名": data.name, "证件号码": data.id_number, **cells}
    return [values.get(h, "") for h in HEADER]


def _roster(tmp_path: Path, *rows: list[Any]) -> Path:
    return write_xlsx(tmp_path / "更新名册.xlsx", [HEADER, *rows])


def _contents(db: Database) -> tuple[Any, ...]:
    """Every member and event as stored, and how much history and how many batches."""
    with db.session() as session:
        members = session.execute(select(Member.__table__).order_by(Member.id)).all()
        events = session.execute(
            select(MembershipEvent.__table__).order_by(MembershipEvent.id)).all()
        counts = tuple(session.scalar(select(func.count()).select_from(model))
                       for model in (ChangeRecord, ImportBatch))
    return members, events, counts


def _where(plan: ImportPlan) -> set[tuple[str, int, str, str, str]]:
    return {(p.sheet, p.row, p.column, p.value, p.message) for p in plan.problems}


def _dialog_refuses(db: Database, member_id: int, draft: MemberData) -> set[str]:
    """What the member dialog's save says of the same edit (and that it writes nothing)."""
    before = _contents(db)
    with pytest.raises(ValidationError) as refused:
        write(db, records.update_member, member_id, draft)
    assert _contents(db) == before
    return {str(p) for p in refused.value.problems}


def _refused_whole(db: Database, plan: ImportPlan) -> None:
    before = _contents(db)
    with pytest.raises(UserError, match="整个文件都没有导入"):
        Runner(db).run(import_operation(plan, valid_only=False))
    assert _contents(db) == before


def _write(db: Database, plan: ImportPlan) -> int:
    return Runner(db).run(import_operation(plan, valid_only=False)).value


# -- the 入会日期 and the first 转入 ---------------------------------------------------------


def test_an_update_cannot_put_the_join_date_after_the_first_transfer_in(db, tmp_path):
    ids = _book(db)
    said = _dialog_refuses(db, ids["张三"], replace(ZHANG, join_date=D(2015, 6, 2)))
    assert said == {f"入会日期：{AFTER_ARRIVAL}"}
    # a good row beside it: all or nothing
    plan = plan_file(db, _roster(tmp_path, _row(ZHAO, 移动电话="13700000003"),
                                 _row(ZHANG, 入会日期="2015-06-02")), mode=UPSERT)
    assert [r.verdict for r in plan.rows] == [UPDATE, REJECTED]
    assert _where(plan) == {("会员", 3, "入会日期", "2015-06-02", AFTER_ARRIVAL)}
    _refused_whole(db, plan)


def test_on_the_day_of_the_first_transfer_in_it_is_allowed(db, tmp_path):
    ids = _book(db)
    write(db, records.update_member, ids["张三"], replace(ZHANG, join_date=D(2015, 5, 1)))
    plan = plan_file(db, _roster(tmp_path, _row(ZHANG, 入会日期="2015-06-01")), mode=UPSERT)
    [row] = plan.rows
    assert row.verdict == UPDATE and row.changes == ("入会日期：2015-05-01 → 2015-06-01",)
    _write(db, plan)
    detail = records.get_member(db.sessions, ids["张三"])
    assert detail.data.join_date == ARRIVED
    # the 转入 stays what brought them in: a 入会日期 does not move it
    assert [(e.kind, e.effective_date) for e in detail.events] == [(ms.TRANSFER_IN, ARRIVED)]


def test_the_first_transfer_in_bounds_it_not_the_latest(db, tmp_path):
    ids = _book(db)
    said = _dialog_refuses(db, ids["王五"], replace(WANG, join_date=D(2016, 1, 1)))
    assert said == {f"入会日期：{AFTER_ARRIVAL}"}
    plan = plan_file(db, _roster(tmp_path, _row(WANG, 入会日期="2016-01-01")), mode=UPSERT)
    assert plan.rows[0].verdict == REJECTED
    assert _where(plan) == {("会员", 2, "入会日期", "2016-01-01", AFTER_ARRIVAL)}
    _refused_whole(db, plan)


# -- the 入会日期 and a later change, when the 入会 moves with it --------------------------


def test_the_join_date_cannot_pass_a_later_change(db, tmp_path):
    ids = _book(db)
    message = "改后会籍记录不成立：2020-01-01 的“保留”不能发生在“未入会”之后。"
    said = _dialog_refuses(db, ids["赵六"], replace(ZHAO, join_date=D(2020, 1, 2)))
    assert said == {f"入会日期：{message}"}
    plan = plan_file(db, _roster(tmp_path, _row(ZHAO, 入会日期="2020-01-02")), mode=UPSERT)
    assert _where(plan) == {("会员", 2, "入会日期", "2020-01-02", message)}
    _refused_whole(db, plan)


def test_the_join_date_may_reach_the_day_of_a_later_change(db, tmp_path):
    ids = _book(db)
    plan = plan_file(db, _roster(tmp_path, _row(ZHAO, 入会日期="2020-01-01")), mode=UPSERT)
    assert plan.rows[0].verdict == UPDATE
    _write(db, plan)
    detail = records.get_member(db.sessions, ids["赵六"])
    assert [(e.kind, e.effective_date) for e in detail.events] == [
        (ms.JOIN, D(2020, 1, 1)), (ms.RESERVE, D(2020, 1, 1))]
    assert detail.status == ms.RESERVED


# -- a change the row adds, after the history ----------------------------------------------


def test_a_former_member_takes_only_a_change_that_can_follow(db, tmp_path):
    ids = _book(db)
    reserve = ms.EventDraft(ms.RESERVE, D(2019, 1, 1))
    with pytest.raises(ValidationError) as refused:  # the membership-change dialog
        write(db, add_event, ids["孙七"], reserve)
    [said] = refused.value.problems
    plan = plan_file(db, _roster(tmp_path, _row(SUN, 会籍变化类型="保留",
                                                会籍变化日期="2019-01-01")), mode=UPSERT)
    assert _where(plan) == {("会员", 2, "会籍变化类型", "保留", said.message)}
    assert said.message.startswith("2019-01-01 的“保留”不能发生在“已转出”之后")
    _refused_whole(db, plan)


def test_a_former_member_coming_back_by_transfer_in_is_written(db, tmp_path):
    ids = _book(db)
    plan = plan_file(db, _roster(tmp_path, _row(
        SUN, 会籍变化类型="转入", 会籍变化日期="2019-03-01", 原所在工会="丙公司工会")), mode=UPSERT)
    assert plan.rows[0].changes == ("会籍变化：新增 2019-03-01 转入",)
    _write(db, plan)
    detail = records.get_member(db.sessions, ids["孙七"])
    assert detail.status == ms.ACTIVE
    assert detail.events[-1].counterpart_union == "丙公司工会"


def test_a_transfer_in_without_the_union_says_what_it_records(db, tmp_path):
    """The membership-change dialog asks for the union a 转入 came from; a roster that has
    none records it as not known, as for a new member, and says so in the preview."""
    ids = _book(db)
    plan = plan_file(db, _roster(tmp_path, _row(
        SUN, 会籍变化类型="转入", 会籍变化日期="2019-03-01")), mode=UPSERT)
    [row] = plan.rows
    assert row.verdict == UPDATE
    assert "未填写原所在工会，转入记录中记为“原工会未登记”。" in row.notices
    _write(db, plan)
    assert records.get_member(db.sessions, ids["孙七"]).events[-1].counterpart_union == (
        "原工会未登记（导入）")


def test_a_mobile_another_member_has_is_pointed_out_as_the_dialog_does(db, tmp_path):
    ids = _book(db)
    review = records.review_member(db.sessions, replace(SUN, phone=ZHANG.phone), ids["孙七"],
                                   today=D(2026, 1, 5))
    assert [w.text for w in review.warnings] == [
        "张三（在册，装配车间）登记了同一个移动电话 13900000001。"]
    plan = plan_file(db, _roster(tmp_path, _row(SUN, 移动电话=ZHANG.phone),
                                 _row(WANG, 会员证号="W1")), mode=UPSERT)
    assert [r.verdict for r in plan.rows] == [UPDATE, UPDATE]  # a warning, not a refusal
    assert "张三（在册，装配车间）登记了同一个移动电话 139****0001。" in plan.rows[0].notices
    assert not any("移动电话" in n for n in plan.rows[1].notices)  # its own is unchanged


def _brought_back(db: Database) -> tuple[Any, ...]:
    """What an undo brings back: every member's stored values but the time of its last
    change (the undo is a change, made a moment later on the ticking clock) and its count of
    saves (the undo is one more), and the events."""
    members, events, _ = _contents(db)
    kept = [tuple(v for k, v in m._mapping.items() if k not in ("updated_at", "version"))
            for m in members]
    return kept, events


def test_updates_written_in_parts_are_one_batch_and_undone_as_one(db, tmp_path, monkeypatch):
    monkeypatch.setattr(batches, "UPDATE_CHUNK", 2)
    ids = _book(db)
    before = _brought_back(db)
    people = (ZHANG, WANG, ZHAO, SUN)
    plan = plan_file(db, _roster(tmp_path, *(
        _row(p, 移动电话=f"1370000000{n}") for n, p in enumerate(people))), mode=UPSERT)
    batch_id = _write(db, plan)
    assert [records.get_member(db.sessions, ids[p.name]).data.phone for p in people] == [
        f"1370000000{n}" for n in range(4)]
    assert batches.get_batch(db.sessions, batch_id).updated == 4
    write(db, undo_batch, batch_id)
    assert _brought_back(db) == before


# -- what changed between the preview and the import -----------------------------------------


def test_a_rule_broken_since_the_preview_stops_the_whole_import(db, tmp_path):
    ids = _book(db)
    plan = plan_file(db, _roster(tmp_path, _row(ZHANG, 移动电话="13700000001"),
                                 _row(ZHAO, 会员证号="C7")), mode=UPSERT)
    assert [r.verdict for r in plan.rows] == [UPDATE, UPDATE]
    write(db, records.update_member, ids["张三"], replace(ZHANG, card_number="C7"))
    before = _contents(db)
    with pytest.raises(UserError) as refused:
        _write(db, plan)
    assert refused.value.message.startswith("导入期间 赵六（保留会籍，装配车间） 的记录有了变化：")
    assert "会员证号：已属于张三（在册，装配车间），会员证号不能重复。" in refused.value.message
    assert refused.value.message.endswith("请重新预览后再导入。")
    assert _contents(db) == before


def test_a_member_put_in_the_bin_since_the_preview_stops_it(db, tmp_path):
    ids = _book(db)
    plan = plan_file(db, _roster(tmp_path, _row(ZHANG, 移动电话="13700000001"),
                                 _row(SUN, 移动电话="13700000004")), mode=UPSERT)
    write(db, records.move_to_recycle_bin, [ids["孙七"]])
    before = _contents(db)
    with pytest.raises(UserError, match="导入期间有会员记录被删除，请重新预览后再导入。"):
        _write(db, plan)
    assert _contents(db) == before


# -- the command line -----------------------------------------------------------------------


def _command(capsys, db_path: Path, source: Path) -> tuple[int, str]:
    code = main(["--db", str(db_path), "import", "members", str(source), "--mode", "upsert"])
    return code, capsys.readouterr().out


def _book_at(db_path: Path) -> tuple[dict[str, int], tuple[Any, ...]]:
    database = open_database(db_path)
    try:
        return _book(database), _contents(database)
    finally:
        database.close()


def _contents_at(db_path: Path) -> tuple[Any, ...]:
    database = open_database(db_path)
    try:
        return _contents(database)
    finally:
        database.close()


def test_the_command_refuses_the_file_and_writes_nothing(capsys, db_path, tmp_path):
    _, before = _book_at(db_path)
    source = _roster(tmp_path, _row(ZHAO, 移动电话="13700000003"),
                     _row(ZHANG, 入会日期="2015-06-02"))
    code, out = _command(capsys, db_path, source)
    assert code == ExitCode.INPUT_REJECTED
    assert "工作表“会员”" in out
    assert f"第 3 行 [入会日期] 2015-06-02：{AFTER_ARRIVAL}" in out
    assert "整个文件都没有导入" in out
    assert _contents_at(db_path) == before


def test_the_command_writes_the_boundary_day_as_one_batch(capsys, db_path, tmp_path):
    ids, _ = _book_at(db_path)
    source = _roster(tmp_path, _row(ZHAO, 移动电话="13700000003"),
                     _row(ZHANG, 入会日期="2015-06-01", 移动电话="13700000001"))
    code, out = _command(capsys, db_path, source)
    assert code == ExitCode.OK, out
    assert "更新 2 人" in out
    database = open_database(db_path)
    try:
        zhang = records.get_member(database.sessions, ids["张三"])
        assert (zhang.data.join_date, zhang.data.phone) == (ARRIVED, "13700000001")
        with database.session() as session:
            batch_entries = session.scalar(select(func.count()).select_from(ChangeRecord).where(
                ChangeRecord.table_name == "import_batch"))
        assert batch_entries == 1
    finally:
        database.close()
