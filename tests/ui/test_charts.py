"""The charts as a chair meets them: 概览 on 首页 drawn with the book's figures, a click on a
bar opening the list behind it (filtered so that its count is the bar's), the charts
following a write while shown, and the 疗休养 chart following the page's year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea

from gonghui_desk.domain import membership as ms
from gonghui_desk.services import aid
from gonghui_desk.services import contracts as cs
from gonghui_desk.services import recuperation as rec
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.widgets.charts import CHART_WIDTH, BarChart
from tests.factories import make_member
from tests.services.test_aid_payments import filed, pay
from tests.services.test_contracts import SIGNED, TEAM

DAY = "2026-11-21"
_numbers = iter(range(1000, 9999))


def _member(session, department, birth=dt.date(1990, 5, 1), joined=dt.date(2020, 3, 5), **more):
    return make_member(session, department=department, birth_date=birth,
                       id_number=f"1101051990030{next(_numbers)}", events=[(ms.JOIN, joined)],
                       **more)


@pytest.fixture
def book(db):
    with db.sessions.begin() as session:
        for _ in range(3):
            _member(session, "一车间")
        _member(session, "二车间", birth=dt.date(1960, 1, 2))  # 66: 56岁及以上
        _member(session, "二车间", joined=dt.date(2026, 11, 2))  # joined this month
    return db


def _click_bar(chart: BarChart, category: str, set_index: int = 0) -> None:
    """Click the middle of one bar as the pointer would."""
    index = chart.categories.index(category)
    value = chart.values(set_index)[index]
    if chart.stacked:  # the bar of a set sits on those before it
        value = sum(chart.values(s)[index] for s in range(set_index)) + value / 2
    else:
        value /= 2
    offset = (set_index - (len(chart.set_names) - 1) / 2) * 0.7 / len(chart.set_names)
    if chart.stacked:
        offset = 0
    point = (QPointF(value, index + offset) if chart.horizontal
             else QPointF(index + offset, value))
    inner = chart.chart().mapToPosition(point, chart.series)
    at = chart.mapFromScene(chart.chart().mapToScene(inner))
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at))


def _painted(chart: BarChart) -> int:
    """How many distinct colours the drawn chart shows (a blank one shows one or two)."""
    image: QImage = chart.grab().toImage()
    seen = {image.pixel(x, y) for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)}
    return len(seen)


@pytest.mark.today(DAY)
def test_overview_draws_the_books_figures(book, window, qtbot):
    overview = window.show_page("home").overview
    qtbot.waitUntil(lambda: overview.members.figures is not None)
    departments = overview.members.departments
    assert departments.categories == ["二车间", "一车间"]  # the largest at the top
    assert departments.values(0) == [2.0, 3.0]
    assert departments.chart().title() == "各部门会员（共 5 人）"
    ages = overview.members.ages
    assert dict(zip(ages.categories, ages.values(0), strict=True))["56岁及以上"] == 1.0
    flows = overview.members.flows
    assert flows.values(0)[-1] == 1.0  # November: one joined
    assert flows.set_names == ["入会", "离会"]
    for chart in (departments, ages, flows, overview.aid.months, overview.quota.chart,
                  overview.contracts.chart):
        assert chart.isVisible()
        assert chart.width() >= CHART_WIDTH
        assert _painted(chart) > 5  # bars, labels and axes drawn, not a grey box
    # Side by side they fit the window a laptop opens: 首页 scrolls down, never sideways.
    area = window.pages["home"].findChild(QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0


@pytest.mark.today(DAY)
def test_a_department_bar_opens_its_members(book, window, qtbot):
    overview = window.show_page("home").overview
    qtbot.waitUntil(lambda: overview.members.figures is not None)
    _click_bar(overview.members.departments, "一车间")
    assert window.current_page_key() == "members"
    page = window.pages["members"]
    assert page.filters.department.currentData() == "一车间"
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


@pytest.mark.today(DAY)
def test_an_age_bar_opens_the_members_of_those_ages(book, window, qtbot):
    overview = window.show_page("home").overview
    qtbot.waitUntil(lambda: overview.members.figures is not None)
    _click_bar(overview.members.ages, "56岁及以上")
    page = window.pages["members"]
    assert (page.filters.min_age.value(), page.filters.max_age.value()) == (56, 0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


@pytest.mark.today(DAY)
def test_aid_charts_follow_a_payment_and_a_month_opens_the_ledger(book, window, qtbot):
    file_id = filed(book)
    overview = window.show_page("home").overview
    qtbot.waitUntil(lambda: overview.aid.figures is not None)
    assert overview.aid.figures.total_fen == 0
    window.context.runner.run(Op("登记帮扶", lambda tx: aid.record_payment(
        tx, file_id, pay("生活救助", "1200", dt.date(2026, 5, 3)))))
    qtbot.waitUntil(lambda: overview.aid.figures.total_fen == 120000)
    months = overview.aid.months
    assert months.chart().title() == "2026 年各月帮扶发放：全年合计 1,200.00 元"
    assert months.set_names == ["生活救助"]
    _click_bar(months, months.categories[4])
    assert window.current_page_key() == "hardship"
    page = window.pages["hardship"]
    assert page.tabs.currentIndex() == 1
    assert (page.ledger.start.value(), page.ledger.end.value()) == (
        dt.date(2026, 5, 1), dt.date(2026, 5, 31))


@pytest.mark.today(DAY)
def test_a_contract_status_opens_those_contracts(book, window, qtbot):
    overview = window.show_page("home").overview
    runner = window.context.runner
    runner.run(Op("保存集体合同", lambda tx: cs.save_contract(tx, SIGNED, TEAM)))
    runner.run(Op("保存集体合同", lambda tx: cs.save_contract(tx, SIGNED.__class__(
        title="工资专项集体合同", offer_date=dt.date(2026, 11, 1)), ())))
    qtbot.waitUntil(lambda: len(overview.contracts.shown) == 2)
    chart = overview.contracts.chart
    assert sorted(chart.values(0)) == [1.0, 1.0]
    _click_bar(chart, "协商中")
    assert window.current_page_key() == "contracts"
    page = window.pages["contracts"]
    assert page.status.currentText() == "协商中"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


@pytest.mark.today(DAY)
def test_the_recuperation_chart_shows_the_pages_year(book, window, qtbot):
    page = window.show_page("recuperation")
    page.tabs.setCurrentWidget(page.charts)
    qtbot.waitUntil(lambda: page.charts.status is not None)
    assert page.charts.status.year == 2026
    window.context.runner.run(Op("设定名额", lambda tx: rec.save_quota(
        tx, rec.Quota(2027, 12, D(60000), departments={"一车间": 5}))))
    page.set_year(2027)
    qtbot.waitUntil(lambda: page.charts.status.year == 2027)
    chart = page.charts.chart
    assert chart.chart().title() == "2027 年疗休养：12 个名额已安排 0 人"
    assert chart.categories == ["一车间", "全工会"]
    assert chart.values(1) == [5.0, 12.0]  # places left
    _click_bar(chart, "一车间", 1)
    assert page.tabs.currentIndex() == 1  # 申请 of that year and department
    assert page.year == 2027
    assert page.applications.department.currentData() == "一车间"


@pytest.mark.today(DAY)
def test_a_pages_charts_fold_away_and_read_nothing_while_folded(book, window, qtbot):
    page = window.show_page("members")
    drawer = page.charts
    assert not drawer.panel.isVisible()
    assert drawer.panel.figures is None  # folded: nothing read
    drawer.toggle.click()
    qtbot.waitUntil(lambda: drawer.panel.figures is not None)
    assert drawer.panel.figures.members == 5
