"""The 疗休养 page: the year's summary, trips with their ranking, applications with filters
and verdicts, and its reminders on 首页 (the helpers here serve the dialog tests too)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.recuperation import ApplicationDraft, Trip
from gonghui_desk.services import recuperation as rs
from gonghui_desk.services import recuperation_apps as ra
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation_allocation import ALLOCATE_TRIP, allocate_trip
from gonghui_desk.services.recuperation_trips import save_trip
from tests.factories import make_member, write

TODAY = dt.date.today()
START = TODAY + dt.timedelta(days=10)  # a trip in ten days: its unconfirmed are reminded of
YEAR = START.year
APPLIED = TODAY - dt.timedelta(days=20)


def later_in_year(days: int) -> dt.date:
    """A trip ``days`` after START, kept in START's year (a 4-day trip ends by 31 December)."""
    return min(START + dt.timedelta(days=days), dt.date(YEAR, 12, 28))


def id_number(order: int) -> str:
    first17 = f"33010619800101{order:03d}"
    return first17 + check_character(first17)


def add_member(db, name: str, order: int, department: str = "装配车间",
               joined: dt.date = dt.date(2015, 1, 1)) -> int:
    with db.session() as session:
        member = make_member(session, name=name, id_number=id_number(order),
                             department=department, join_date=joined)
        session.commit()
        return member.id


def register_quota(db, places: int = 30, budget: int = 80000, year: int = YEAR) -> None:
    write(db, rs.save_quota, rs.Quota(year=year, places=places, budget=D(budget),
                                      issued_by="市总工会"))


def add_trip(db, destination: str = "安吉余村", start: dt.date = START, days: int = 4,
             per_day: int = 450, capacity: int = 2, in_province: bool = True) -> int:
    return write(db, save_trip, Trip(
        year=start.year, destination=destination, start=start,
        end=start + dt.timedelta(days=days - 1), cost_per_day=D(per_day), capacity=capacity,
        in_province=in_province))


def add_app(db, member_id: int, trip_id: int, priority: tuple[str, ...] = (),
            absence: int = 0, applied: dt.date = APPLIED) -> int:
    return write(db, ra.apply, ApplicationDraft(
        member_id=member_id, trip_id=trip_id, applied_on=applied, priority=priority,
        hire_date=dt.date(2014, 6, 1), absence_days=absence), "张主席")


def approve(db, app_id: int) -> None:
    for kind, days_ago in ((rp.DEPT_REVIEW, 10), (rp.UNION_APPROVAL, 9)):
        write(db, ra.take_step, app_id, kind, TODAY - dt.timedelta(days=days_ago), "张主席")


def three_approved(db, capacity: int = 2) -> tuple[int, dict[str, int]]:
    """A trip of ``capacity`` places and three approved: 王芳 (two priority conditions),
    李强 (one) and 赵敏 (none, applied last)."""
    trip = add_trip(db, capacity=capacity)
    apps = {}
    for order, (name, flags, applied) in enumerate((
            ("赵敏", (), APPLIED + dt.timedelta(days=1)),
            ("李强", ("一线职工",), APPLIED),
            ("王芳", ("劳模/先进", "工伤职工"), APPLIED)), start=1):
        apps[name] = add_app(db, add_member(db, name, order), trip, flags, applied=applied)
        approve(db, apps[name])
    return trip, apps


def answer_questions_yes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)


def capture_messages(monkeypatch) -> list[str]:
    """What message boxes said (warnings and information), instead of showing them."""
    said: list[str] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, **k: said.append(text))
    return said


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch):
    answer_questions_yes(monkeypatch)


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    return capture_messages(monkeypatch)


def open_page(window):
    page = window.show_page("recuperation")
    page.set_year(YEAR)
    return page


def names(model) -> list[str]:
    return [model.row(r).name for r in range(model.rowCount())]


def cell(model, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    column = next(i for i, c in enumerate(model.columns) if c.key == key)
    return model.data(model.index(row, column), role)


def test_an_empty_year_says_what_to_do_first(window):
    page = open_page(window)
    quota = page.summary.quota_label
    assert f"尚未登记 {YEAR} 年的名额和预算" in quota.text()
    assert "#b3261e" in quota.styleSheet()
    policy = page.summary.policy_label.text()
    assert "默认值，尚未保存" in policy
    assert "每人每天≤500元、每年≤3,000元" in policy and "省内≤5天/省外≤7天" in policy
    assert "每2年1次" in policy and "个人负担≤30%" in policy
    assert page.trips.model.rowCount() == 0
    assert "新增批次" in page.trips.empty.text()
    assert page.applications.model.rowCount() == 0
    assert "新增申请" in page.applications.empty_label.text()
    assert not page.trips.allocate_button.isEnabled()


def test_the_summary_shows_what_is_left_and_changes_after_arranging(window, db):
    register_quota(db)
    trip, _ = three_approved(db)
    page = open_page(window)
    quota = page.summary.quota_label.text()
    assert "名额 30，已安排 0，剩余 30" in quota
    assert "预算 80,000.00 元，已用 0.00 元，剩余 80,000.00 元" in quota
    assert "市总工会下达" in quota
    allocation = page.trips.allocate_selected()
    allocation.by.setText("张主席")
    assert allocation.allocate()
    quota = page.summary.quota_label.text()
    assert "名额 30，已安排 2，剩余 28" in quota  # 2 × 4 days × 450 yuan
    assert "已用 3,600.00 元，剩余 76,400.00 元" in quota
    row = page.trips.model.row(page.trips.model.row_of(trip))
    assert (row.arranged, row.unconfirmed, row.waiting) == (2, 2, 1)
    assert cell(page.trips.model, 0, "dates").startswith(f"{START:%Y-%m-%d} – ")
    ranking = page.trips.rank_model  # who got a place and who waits, explained
    assert names(ranking) == ["王芳", "李强", "赵敏"]
    assert [r.outcome for r in ranking.rows] == [
        "已安排（待确认）", "已安排（待确认）", "候补第 1 位：本批次名额已满"]
    assert "无优先条件" in cell(ranking, 2, "explanation")


def test_filters_narrow_the_applications(window, db):
    register_quota(db)
    trip = add_trip(db, capacity=5)
    other = add_trip(db, "淳安千岛湖", later_in_year(20), capacity=5)
    add_app(db, add_member(db, "王芳", 1, "装配车间"), trip)
    li = add_app(db, add_member(db, "李强", 2, "质检部"), trip)
    approve(db, li)
    add_app(db, add_member(db, "赵敏", 3, "质检部"), other, absence=45)
    page = open_page(window)
    page.tabs.setCurrentIndex(1)
    panel = page.applications
    assert names(panel.model) == ["王芳", "李强", "赵敏"]
    assert panel.count_label.text() == "共 3 份"
    panel.trip.setCurrentIndex(panel.trip.findData(other))
    assert names(panel.model) == ["赵敏"]
    panel.trip.setCurrentIndex(0)
    panel.department.setCurrentIndex(panel.department.findData("质检部"))
    assert names(panel.model) == ["李强", "赵敏"]
    panel.state.setCurrentIndex(panel.state.findData(rp.APPROVED))
    assert names(panel.model) == ["李强"]
    panel.clear_filters()
    panel.verdict.setCurrentIndex(panel.verdict.findData("不符合"))
    assert names(panel.model) == ["赵敏"]
    assert panel.verdict.currentText() == "资格：不符合"
    panel.clear_filters()
    panel.search.setText(id_number(2)[-4:])
    panel.apply_filter()
    assert names(panel.model) == ["李强"]
    panel.search.setText("无此人")
    panel.apply_filter()
    assert names(panel.model) == [] and panel.empty_label.text() == "没有符合筛选条件的申请。"


def test_a_not_eligible_verdict_is_red_and_says_which_rule(window, db):
    trip = add_trip(db)
    add_app(db, add_member(db, "王芳", 1), trip)
    add_app(db, add_member(db, "赵敏", 2), trip, absence=45)
    page = open_page(window)
    model = page.applications.model
    assert cell(model, 0, "verdict").startswith("符合")
    assert cell(model, 0, "verdict", Qt.ItemDataRole.ForegroundRole) is None
    assert cell(model, 1, "verdict") == "不符合：缺勤"
    assert cell(model, 1, "verdict", Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:6] == ["姓名", "部门", "批次", "状态", "资格审核", "候补"]
    assert not any(id_number(1) in str(cell(model, 0, c.key)) for c in model.columns)


def test_states_show_to_confirm_and_the_waiting_position(window, db):
    register_quota(db)
    trip, _ = three_approved(db)
    write(db, allocate_trip, trip, TODAY, "张主席")
    page = open_page(window)
    model = page.applications.model
    by_name = {model.row(r).name: r for r in range(model.rowCount())}
    assert cell(model, by_name["王芳"], "state") == "已安排（待确认）"
    assert cell(model, by_name["赵敏"], "state") == "候补中"
    assert cell(model, by_name["赵敏"], "waiting") == "候补第 1 位"


def test_home_reminds_of_unconfirmed_people_and_opens_the_trip(window, context, db):
    register_quota(db)
    first = add_trip(db, "淳安千岛湖", TODAY + dt.timedelta(days=3), capacity=3)
    trip, _ = three_approved(db)
    # Allocated in the window: its pages hear of it.
    context.runner.run(Op(ALLOCATE_TRIP, lambda tx: allocate_trip(tx, trip, TODAY, "张主席")))
    window.show_page("members")
    home = window.show_page("home")
    reminders = home.recuperation_reminders
    texts = [reminders.item(i).text() for i in range(reminders.count())]
    wanted = f"“安吉余村”{START:%m-%d} 出发（还有 10 天），2 人尚未确认参加。"
    assert wanted in texts
    page = window.pages.get("recuperation")
    assert page is None or page.trips.selected_id() != trip
    home.open_recuperation_reminder(reminders.item(texts.index(wanted)))
    assert window.current_page_key() == "recuperation"
    page = window.pages["recuperation"]
    assert page.year == YEAR and page.tabs.currentIndex() == 0
    assert page.trips.selected_id() == trip != first
    assert "安吉余村" in page.trips.rank_box.title()


def test_home_says_when_there_is_no_recuperation_reminder(window):
    home = window.show_page("home")
    assert home.recuperation_reminders.count() == 0
    assert home.no_recuperation_reminders.isVisibleTo(home)
    assert home.no_recuperation_reminders.text() == "暂无提醒。"


def test_a_trip_is_added_changed_and_deleted_from_the_list(window, db, messages):
    page = open_page(window)
    dialog = page.trips.new_trip()
    dialog.destination.setText("淳安千岛湖")
    dialog.start.set_value(START)
    dialog.end.set_value(START + dt.timedelta(days=2))
    dialog.cost_per_day.setText("480")
    dialog.capacity.setValue(6)
    assert dialog.save()
    assert names_of_trips(page) == ["淳安千岛湖"]
    assert page.year_combo.currentData() == YEAR
    add_app(db, add_member(db, "王芳", 1), page.trips.selected_id())
    page.refresh()
    assert not page.trips.delete_selected()  # it has an application: kept, and said why
    assert messages and "已有 1 份申请，不能删除" in messages[-1]
    empty = add_trip(db, "安吉余村", later_in_year(30))
    page.refresh()
    page.trips.select_trip(empty)
    assert page.trips.delete_selected()
    assert names_of_trips(page) == ["淳安千岛湖"]


def names_of_trips(page) -> list[str]:
    model = page.trips.model
    return [model.row(r).trip.destination for r in range(model.rowCount())]


@pytest.mark.today("2026-12-20")
def test_in_december_this_years_page_points_to_next_years_trips(window, db):
    this_year = add_trip(db, "安吉余村", dt.date(2026, 12, 26))
    january = add_trip(db, "淳安千岛湖", dt.date(2027, 1, 10))
    page = window.show_page("recuperation")
    assert page.year == 2026 and names_of_trips(page) == ["安吉余村"]
    hint = page.next_year_hint
    assert hint.isVisibleTo(page)
    assert hint.text().startswith("2027 年已有 1 个批次，最早 2027-01-10 出发。")
    hint.linkActivated.emit("2027")
    assert page.year == 2027 and names_of_trips(page) == ["淳安千岛湖"]
    assert not hint.isVisibleTo(page)  # next year's page has nothing after it to point to
    page.set_year(2026)
    page.trips.select_trip(this_year)
    assert page.trips.selected_id() == this_year and january != this_year


@pytest.mark.today("2027-01-01")
def test_on_new_years_day_the_page_opens_at_the_new_year_with_its_trips(window, db):
    add_trip(db, "安吉余村", dt.date(2026, 12, 26))
    add_trip(db, "淳安千岛湖", dt.date(2027, 1, 10))
    page = window.show_page("recuperation")
    assert page.year == 2027 and names_of_trips(page) == ["淳安千岛湖"]
    assert not page.next_year_hint.isVisibleTo(page)
    assert [page.year_combo.itemData(i) for i in range(page.year_combo.count())] == [
        2028, 2027, 2026]


@pytest.mark.parametrize(("year", "today", "start"), [
    (2026, dt.date(2026, 11, 18), dt.date(2026, 12, 18)),  # a month ahead, in the year
    (2026, dt.date(2026, 12, 15), dt.date(2026, 12, 16)),  # a month ahead is next year
    (2026, dt.date(2026, 12, 31), dt.date(2026, 12, 31)),  # the year's last day
    (2027, dt.date(2026, 12, 15), dt.date(2027, 1, 14)),   # planning next year in December
    (2027, dt.date(2026, 6, 1), dt.date(2027, 3, 1)),      # next year, far ahead
    (2025, dt.date(2026, 6, 1), dt.date(2025, 3, 1)),      # a past year, recorded late
])
def test_a_new_trip_starts_by_default_in_its_year_and_not_in_the_past(year, today, start):
    from gonghui_desk.ui.dialogs.recuperation_trip import default_start

    assert default_start(year, today) == start
