"""The 困难帮扶 page (list, filters, ledger), its reminders on 首页 and 设置 → 低保标准."""

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.dates import add_months
from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.domain.hardship_reminders import AID_QUIET_MONTHS
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.aid import record_payment
from tests.ui.test_hardship_dialog import (
    REGION,
    START,
    TODAY,
    file_it,
    id_number,
    open_wang,
    run,
)

LIU = id_number("19750505", "051")


def open_liu(context) -> int:
    draft = FileDraft("刘芳", LIU, region=REGION)
    return run(context, hs.open_file, draft, START, "张主席")


def names(page) -> list[str]:
    return [page.model.row(r).name for r in range(page.model.rowCount())]


def pay(context, file_id, kind, amount, source, **details) -> None:
    run(context, record_payment, file_id,
          PaymentDraft(kind, TODAY, D(amount), source, "张主席", **details))


def test_an_empty_list_says_how_to_start(window):
    page = window.show_page("hardship")
    assert page.model.rowCount() == 0
    assert "新建档案" in page.empty_label.text() and "设置 → 低保标准" in page.empty_label.text()
    assert not page.open_button.isEnabled() and not page.pay_button.isEnabled()


def test_filters_by_id_tail_group_and_review_due(window, context, db, qtbot):
    wang = open_wang(context)
    file_it(context, wang)
    open_liu(context)
    page = window.show_page("hardship")
    assert names(page) == ["王大力", "刘芳"]  # the review due first
    assert page.count_label.text() == "共 2 份"
    page.search.setText(LIU[-4:])
    qtbot.waitUntil(lambda: names(page) == ["刘芳"])
    page.search.clear()
    page.group.setCurrentIndex(page.group.findData("在档"))
    assert names(page) == ["王大力"]
    page.group.setCurrentIndex(page.group.findData("办理中"))
    assert names(page) == ["刘芳"]
    page.group.setCurrentIndex(0)
    page.review_due.setChecked(True)  # filed 28 days ago: the review is a year away
    assert names(page) == []
    assert page.empty_label.text() == "没有符合筛选条件的档案。"


def test_the_list_shows_no_full_id_number(window, context, db):
    open_wang(context)
    page = window.show_page("hardship")
    model = page.model
    shown = [str(model.data(model.index(0, c))) for c in range(model.columnCount())]
    assert not any(id_number("19800101", "011") in text for text in shown)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["姓名", "身份证号", "困难类别", "状态", "家庭人口", "申请日期", "下次复核",
                       "本年帮扶（元）"]


def test_record_aid_from_the_list_and_open_the_file(window, context, db):
    wang = open_wang(context)
    file_it(context, wang)
    page = window.show_page("hardship")
    page.select_file(wang)
    dialog = page.record_aid()
    dialog.widgets["amount"].setText("1500")
    dialog.line("handled_by").setText("张主席")
    dialog.accept()
    assert page.model.row(0).aid_this_year == D(1500)
    opened = page.open_selected()
    assert opened.file_id == wang and opened.payments.model.rowCount() == 1


def test_the_ledger_totals_match_the_payments(window, context, db):
    wang = open_wang(context)
    file_it(context, wang)
    pay(context, wang, "生活救助", "1000", "本级工会经费")
    pay(context, wang, "医疗救助", "2500.50", "上级帮扶资金", patient="王大力", disease="尿毒症")
    pay(context, wang, "生活救助", "300", "上级帮扶资金")
    page = window.show_page("hardship")
    page.tabs.setCurrentIndex(1)
    ledger = page.ledger
    assert ledger.model.rowCount() == 3
    assert ledger.model.total() == D("3800.50") == ledger.aid_totals.total
    assert ledger.summary.text() == "3 笔，共 3,800.50 元"
    assert ledger.by_kind.amount_text("生活救助") == "1,300.00"
    assert ledger.by_kind.amount_text("医疗救助") == "2,500.50"
    assert ledger.by_kind.amount_text("临时救助") == "0.00"
    assert ledger.by_source.amount_text("上级帮扶资金") == "2,800.50"
    assert ledger.by_source.amount_text("本级工会经费") == "1,000.00"
    ledger.start.set_value(TODAY)
    ledger.end.set_value(START)  # before the start: nothing, and said so
    assert ledger.model.rowCount() == 0
    assert ledger.summary.text() == "截止日期早于起始日期。"


def test_home_reminds_of_a_filed_household_without_aid_this_year(window, context, db, qtbot):
    wang = open_wang(context)
    file_it(context, wang)
    home = window.show_page("members")
    home = window.show_page("home")
    texts = [home.reminders.item(i).text() for i in range(home.reminders.count())]
    if add_months(dt.date(TODAY.year, 1, 1), AID_QUIET_MONTHS) > TODAY:
        # January to March: the year has only begun, nobody is reminded yet.
        assert not any("尚未发放帮扶资金" in t for t in texts)
        return
    assert f"王大力：{TODAY.year} 年尚未发放帮扶资金" in texts
    assert not home.no_reminders.isVisibleTo(home)
    home.open_reminder(home.reminders.item(texts.index(f"王大力：{TODAY.year} 年尚未发放帮扶资金")))
    assert window.current_page_key() == "hardship"
    assert window.pages["hardship"].selected_id() == wang


def test_home_says_when_there_is_nothing_to_remind_of(window, db):
    home = window.show_page("home")
    assert home.reminders.count() == 0
    assert home.no_reminders.isVisibleTo(home) and home.no_reminders.text() == "暂无提醒。"


def file_wang_on(context, filed: dt.date) -> int:
    """王大力's file, filed on ``filed`` (applied 12 days before)."""
    applied = filed - dt.timedelta(days=12)
    wang = open_wang(context, applied=applied)
    file_it(context, wang, applied)
    return wang


def home_texts(window) -> list[str]:
    window.show_page("members")
    home = window.show_page("home")  # shown again: the reminders are read afresh
    return [home.reminders.item(i).text() for i in range(home.reminders.count())]


def test_an_overdue_review_is_shown_in_red_and_found_by_the_filter(window, context, db):
    filed = add_months(TODAY - dt.timedelta(days=3), -12)
    due = add_months(filed, 12)  # a year after filing: 3 days ago (or 4, after 29 February)
    file_wang_on(context, filed)
    open_liu(context)
    page = window.show_page("hardship")
    page.review_due.setChecked(True)
    assert names(page) == ["王大力"]
    shown = page.model.index(0, 6)
    assert page.model.data(shown) == f"{due:%Y-%m-%d}"
    assert page.model.data(shown, Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    late = (TODAY - due).days
    assert any("年度复核" in t and f"已逾期 {late} 天" in t for t in home_texts(window))


@pytest.mark.today("2028-02-29")
def test_on_29_february_a_review_due_on_the_28th_is_a_day_late(window, context, db):
    file_wang_on(context, dt.date(2027, 2, 28))
    assert "王大力：年度复核 2028-02-28 到期（已逾期 1 天）" in home_texts(window)
    page = window.show_page("hardship")
    page.review_due.setChecked(True)
    assert names(page) == ["王大力"]


@pytest.mark.today("2028-02-29")
def test_a_file_filed_on_29_february_is_due_on_28_february_next_year(window, context, db):
    file_wang_on(context, dt.date(2028, 2, 29))
    page = window.show_page("hardship")
    assert page.model.data(page.model.index(0, 6)) == "2029-02-28"
    assert not any("年度复核" in t for t in home_texts(window))


@pytest.mark.today("2029-01-30")
def test_thirty_days_before_a_leap_day_review_the_reminder_starts(window, context, db):
    file_wang_on(context, dt.date(2028, 2, 29))
    assert "王大力：年度复核 2029-02-28 到期（还有 29 天）" in home_texts(window)


def test_settings_saves_and_lists_a_minimum_living_allowance(window, db):
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.dibao_tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "低保标准"
    panel = page.dibao
    assert panel.list_label.text() == "填写行政区划代码后显示该地区的低保标准。"
    panel.region.setText(REGION)
    panel.year.setValue(TODAY.year)
    panel.amount.setText("1,130")
    assert panel.save()
    assert hs.dibao_for(db.sessions, REGION, TODAY.year) == D(1130)
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in range(3)] == [
        "杭州市西湖区（330106）", str(TODAY.year), "1,130.00"]
    assert panel.state.text() == f"已保存地区 杭州市西湖区（330106） {TODAY.year} 年的低保标准。"


def test_settings_refuses_a_standard_without_a_region_or_amount(window, db):
    page = window.show_page("settings")
    panel = page.dibao
    panel.region.setText("")
    panel.amount.setText("1000")
    assert not panel.save()
    assert "6 位" in panel.rows["region"].message.text()
    panel.region.setText(REGION)
    panel.amount.setText("")
    assert not panel.save()
    assert panel.rows["dibao"].message.text() == "应为大于 0 的金额（元/人·月）。"
    assert hs.dibao_for(db.sessions, REGION, TODAY.year) is None


def test_a_file_being_examined_gets_temporary_aid_and_a_closed_one_none(window, context, db):
    liu = open_liu(context)
    page = window.show_page("hardship")
    page.select_file(liu)
    dialog = page.record_aid()
    assert dialog.draft().kind == "临时救助"
    dialog.widgets["amount"].setText("600")
    dialog.line("handled_by").setText("张主席")
    dialog.accept()
    assert page.model.row(0).aid_this_year == D(600)
    run(context, hs.take_step, liu, hp.Step(hp.DECLINED, TODAY, "张主席", "收入高于标准"))
    page.refresh()
    page.select_file(liu)
    assert page.open_button.isEnabled() and not page.pay_button.isEnabled()
