"""A day's work at the branch, read back from the change history in the chair's words."""

import csv
import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal as D

import pytest
from sqlalchemy import event

from gonghui_desk.db.models import HardshipFile, Member
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.member import MemberData
from gonghui_desk.domain.recuperation import ApplicationDraft, Trip
from gonghui_desk.services import access, aid, backup, member_records
from gonghui_desk.services import hardship as hs
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services.history import HistoryFilter, export_history, search_history, summarise
from gonghui_desk.services.recuperation_trips import save_trip
from tests.factories import make_member, write
from tests.services.test_hardship_files import draft as file_draft
from tests.services.test_hardship_files import id_number

# What a chair never reads: a stored column name, a Python value, a JSON literal.
RAW = re.compile(r"[A-Za-z]+_[A-Za-z_]+|\b(?:True|False|true|false|None|null)\b")
BY = "张主席"


def run(db, service, *args, **kwargs):
    """Run the write ``service(tx, …)`` as one operation."""
    return write(db, service, *args, **kwargs)


@pytest.fixture
def day_of_work(db, today, tmp_path):
    """Add a member, edit them, open their hardship file with a step and an aid payment,
    change two settings, and take a recuperation step for them."""
    number = id_number("19900307", "022")
    data = MemberData(name="欧阳倩", gender="女", birth_date=dt.date(1990, 3, 7),
                      id_number=number, phone="13800000001", department="装配车间",
                      join_date=dt.date(2015, 6, 1))
    member_id = run(db, member_records.create_member, data,
                    ms.EventDraft(ms.JOIN, None, handled_by=BY))
    changed = replace(data, phone="13900000002", migrant_worker=True)
    run(db, member_records.update_member, member_id, changed)
    file_id = run(db, hs.open_file, file_draft(name="欧阳倩", id_number=number, relatives=(),
                                               member_id=member_id),
                  today - dt.timedelta(days=10), BY)
    run(db, hs.take_step, file_id, hp.Step(hp.VISIT, today - dt.timedelta(days=5), BY))
    run(db, aid.record_payment, file_id,
        PaymentDraft("临时救助", today, D("800.50"), "本级工会经费", handled_by=BY))
    run(db, access.set_idle_minutes, 10)
    run(db, backup.save_policy, backup.BackupPolicy(tmp_path, keep_daily=14, keep_monthly=12))
    start = today + dt.timedelta(days=30)
    trip_id = run(db, save_trip, Trip(year=start.year, destination="安吉余村", start=start,
                                      end=start + dt.timedelta(days=3),
                                      cost_per_day=D("450"), capacity=5))
    app_id = run(db, apps.apply, ApplicationDraft(member_id, trip_id, today,
                                                  hire_date=dt.date(2015, 1, 1)), BY)
    run(db, apps.take_step, app_id, rp.DEPT_REVIEW, today, BY)
    return {"member": member_id, "file": file_id, "trip": trip_id, "start": start}


def rows_of(db, table, record_id=""):
    return search_history(db.sessions, HistoryFilter(table=table, record_id=str(record_id)))


def test_a_days_work_reads_in_the_chairs_words(db, day_of_work):
    rows = search_history(db.sessions, HistoryFilter())
    readable = [r for r in rows if r.table != "设置" or "备份文件夹" not in r.summary]
    for row in readable:  # the backup folder is a path: its letters are the folder's own
        assert not RAW.search(row.summary), row
        assert not RAW.search(row.record), row
    update, create = rows_of(db, "member", day_of_work["member"])
    assert (update.action, update.record) == ("修改", "会员 欧阳倩")
    assert update.summary == "移动电话：138****0001 → 139****0002；是否农民工会员：否 → 是"
    assert "入会日期：2015-06-01" in create.summary and "是否劳务派遣：否" in create.summary
    [joined] = rows_of(db, "membership_event")
    assert joined.record == "会籍变化 欧阳倩（入会）" and "会员：欧阳倩" in joined.summary


def test_hardship_steps_and_aid_name_the_household_and_pay_in_yuan(db, day_of_work):
    [payment] = rows_of(db, "aid_payment")
    assert payment.record == "帮扶资金发放 欧阳倩（临时救助）"
    assert "困难职工档案：欧阳倩" in payment.summary
    assert "金额：800.50 元" in payment.summary and "帮扶类型：临时救助" in payment.summary
    visit = next(r for r in rows_of(db, "hardship_step") if "入户核查" in r.summary)
    assert visit.record == "困难职工档案办理环节 欧阳倩（入户核查）"
    opened = rows_of(db, "hardship_file", day_of_work["file"])[-1]
    assert "会员：欧阳倩" in opened.summary and "档案状态：已申请" in opened.summary


def test_settings_read_by_their_names_on_the_settings_page(db, day_of_work):
    rows = {r.record: r.summary for r in rows_of(db, "app_setting")}
    assert rows["设置 无操作自动锁定"] == "无操作自动锁定：10 分钟"
    assert rows["设置 自动清理：保留每天最新一份"] == "自动清理：保留每天最新一份：14 天"
    run(db, access.set_idle_minutes, 0)
    assert rows_of(db, "app_setting", access.IDLE_KEY)[0].summary == (
        "无操作自动锁定：10 分钟 → 不自动锁定")


def test_a_password_is_never_shown_even_as_its_hash(db):
    run(db, access.set_password, "", "secret-123", "secret-123")
    run(db, access.set_password, "secret-123", "other-456", "other-456")
    changed, added = rows_of(db, "app_setting", access.HASH_KEY)
    assert added.summary == "打开程序的密码：已设置（不显示）"
    assert changed.summary == "打开程序的密码：已更改"
    assert "pbkdf2" not in changed.summary + added.summary


def test_a_recuperation_step_is_its_own_step_not_a_membership_change(db, day_of_work):
    trip = f"安吉余村 {day_of_work['start']:%Y-%m-%d}"
    step = next(r for r in rows_of(db, "recuperation_step") if "部门审核" in r.summary)
    assert step.record == f"疗休养办理环节 欧阳倩（{trip}）：部门审核"
    assert "办理环节：部门审核" in step.summary and "会籍变化" not in step.summary
    assert f"疗休养申请：欧阳倩（{trip}）" in step.summary
    application = rows_of(db, "recuperation_application")[-1]
    assert f"批次：{trip}" in application.summary and "申请人：欧阳倩" in application.summary


def test_a_record_gone_is_named_from_the_history_or_by_its_number(db):
    with db.session() as session:
        member = make_member(session, name="单立新")
        member_id = member.id
    with db.session() as session:
        file = HardshipFile(name="单立新", member_id=member_id)
        session.add(file)
    run(db, member_records.move_to_recycle_bin, [member_id])
    run(db, member_records.purge, [member_id])
    [opened] = rows_of(db, "hardship_file")
    assert "会员：单立新（已删除）" in opened.summary  # the 永久删除 entry keeps the name
    [purged] = rows_of(db, "member", member_id)  # the member's own history went with them
    assert (purged.action, purged.record) == ("永久删除", "会员 单立新")
    assert purged.summary == "姓名：单立新；证件号码：110105********0017；部门/车间：装配车间"
    assert summarise("create", '{"member_id": [null, 999]}', "membership_event") == (
        "会员：编号 999（已删除）")


def test_a_page_costs_the_same_queries_for_ten_entries_or_two_hundred(db):
    def queries_for(limit):
        statements = []
        listen = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listen)
        try:
            search_history(db.sessions, HistoryFilter(table="membership_event"), limit)
        finally:
            event.remove(db.engine, "before_cursor_execute", listen)
        return len(statements)

    with db.session() as session:
        for n in range(100):
            make_member(session, name=f"会员{n}", id_number=None, phone="")
    with db.session() as session:
        for member in session.query(Member):
            member.department = "质检部"
    assert queries_for(10) == queries_for(200)


def test_since_keeps_the_days_from_then_on(db, today):
    with db.session() as session:
        make_member(session, name="欧阳倩")
    assert len(search_history(db.sessions, HistoryFilter(since=today))) == 2
    later = today + dt.timedelta(days=1)
    assert search_history(db.sessions, HistoryFilter(since=later)) == []


def test_the_export_reads_like_the_screen(db, day_of_work, tmp_path):
    target = tmp_path / "修改记录.csv"
    list(export_history(db.sessions, HistoryFilter(table="aid_payment"), target))
    header, row, blank, footer = csv.reader(target.open(encoding="utf-8-sig"))
    assert header == ["时间", "操作人", "类别", "记录", "编号", "操作", "内容"]
    assert row[2:6] == ["帮扶资金发放", "帮扶资金发放 欧阳倩（临时救助）", row[4], "新增"]
    assert "金额：800.50 元" in row[6] and not RAW.search(row[6])
    assert blank == [] and footer[0].startswith("导出人：")


def test_searching_a_name_finds_the_records_later_edits_and_their_steps(db, day_of_work):
    found = {(r.table, r.action) for r in search_history(db.sessions, HistoryFilter(text="欧阳倩"))}
    assert ("会员", "修改") in found  # holds only the phone and the flag, not the name
    assert {("会籍变化", "新增"), ("困难职工档案办理环节", "新增"), ("帮扶资金发放", "新增"),
            ("疗休养申请", "修改")} <= found
    by_setting = search_history(db.sessions, HistoryFilter(text="自动锁定"))
    assert [r.record for r in by_setting] == ["设置 无操作自动锁定"]
