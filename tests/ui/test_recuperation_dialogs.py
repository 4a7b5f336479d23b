"""The 疗休养 dialogs: policy, quota, trip, an application (申请, 资格审核 with 特批, 办理环节)
and allocating a trip's places by rank."""

import datetime as dt
from decimal import Decimal as D

import pytest

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.services import recuperation as rs
from gonghui_desk.services import recuperation_apps as ra
from gonghui_desk.services.recuperation_allocation import allocate_trip
from gonghui_desk.ui.dialogs.recuperation_application import STEPS_TAB, VERDICT_TAB
from tests.factories import write
from tests.ui.test_recuperation_page import (
    START,
    TODAY,
    YEAR,
    add_app,
    add_member,
    add_trip,
    answer_questions_yes,
    capture_messages,
    names,
    open_page,
    register_quota,
    three_approved,
)

RED = "#b3261e"


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch):
    answer_questions_yes(monkeypatch)


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    return capture_messages(monkeypatch)


def test_policy_shares_not_adding_up_to_100_are_refused_under_the_field(window, db):
    page = open_page(window)
    dialog = page.edit_policy()
    assert dialog.inputs["union_percent"].value() == 50  # the defaults, not yet saved
    dialog.inputs["admin_percent"].setValue(30)
    assert dialog.total.text() == "三项合计 80%（应为 100%）" and RED in dialog.total.styleSheet()
    assert not dialog.save()
    message = dialog.rows["personal_percent"].message
    assert message.isVisibleTo(dialog)
    assert message.text() == "工会经费、行政福利费和个人三项合计 80%，应为 100%。"
    assert RED in message.styleSheet()
    assert rs.policy_for(db.sessions, YEAR) == (rs.Policy(year=YEAR), False)  # nothing saved
    dialog.inputs["admin_percent"].setValue(40)
    dialog.inputs["personal_percent"].setValue(10)
    dialog.inputs["cycle_years"].setCurrentIndex(dialog.inputs["cycle_years"].findData(3))
    dialog.family.setChecked(False)
    assert dialog.save()
    policy, saved = rs.policy_for(db.sessions, YEAR)
    assert saved and (policy.admin_percent, policy.personal_percent) == (40, 10)
    assert policy.cycle_years == 3 and not policy.family_allowed
    summary = page.summary.policy_label.text()
    assert f"{YEAR} 年（已保存）" in summary and "每3年1次" in summary
    assert "个人10%" in summary and "家属不随行" in summary


def test_the_quota_is_shared_by_department_and_the_sum_checked(window, db):
    add_member(db, "王芳", 1, "装配车间")
    add_member(db, "李强", 2, "质检部")
    page = open_page(window)
    dialog = page.edit_quota()
    dialog.places.setValue(10)
    dialog.budget.setText("30,000")
    dialog.issued_by.setText("区总工会")
    dialog.add_every_department()
    assert dialog.table.rowCount() == 2
    for row in range(2):
        dialog.table.cellWidget(row, 1).setValue(6)
    assert dialog.sum_label.text() == "已分配到部门 12 个，全年名额 10 个"
    assert RED in dialog.sum_label.styleSheet()
    assert not dialog.save()
    assert "各部门合计 12 个，超过了全年名额 10 个。" in dialog.shares_row.message.text()
    assert rs.quota_status(db.sessions, YEAR).quota is None
    dialog.table.cellWidget(1, 1).setValue(4)
    assert dialog.save()
    quota = rs.quota_status(db.sessions, YEAR).quota
    assert quota.places == 10 and quota.budget == D(30000)
    assert quota.departments == {"装配车间": 6, "质检部": 4}
    text = page.summary.quota_label.text()
    assert "名额 10，已安排 0，剩余 10" in text and "已分配到 2 个部门" in text
    assert "区总工会下达" in text


def test_the_trip_dialog_works_out_days_and_cost_and_warns_of_the_policy(window, db):
    page = open_page(window)
    dialog = page.trips.new_trip()
    dialog.destination.setText("淳安千岛湖")
    dialog.start.set_value(START)
    dialog.end.set_value(START + dt.timedelta(days=4))
    dialog.cost_per_day.setText("480")
    dialog.capacity.setValue(6)
    assert dialog.days.text() == "共 5 天（含路途）"
    assert dialog.per_person.text() == "每人 2,400.00 元"
    assert RED not in dialog.warning.styleSheet()
    dialog.end.set_value(START + dt.timedelta(days=5))
    assert dialog.days.text() == "共 6 天（含路途）"
    assert "6 天超过了政策规定的省内最多 5 天" in dialog.warning.text()
    assert RED in dialog.warning.styleSheet()
    dialog.in_province.setChecked(False)  # outside the province 7 days are allowed
    assert RED not in dialog.warning.styleSheet()
    dialog.end.set_value(START - dt.timedelta(days=1))
    assert not dialog.save()
    assert dialog.rows["end"].message.text() == "早于出发日期，请核对。"
    dialog.end.set_value(START + dt.timedelta(days=4))
    assert dialog.save()
    row = page.trips.selected_row()
    assert row.trip.destination == "淳安千岛湖" and row.trip.scope == "省外"
    assert row.trip.cost_per_person == D(2400)


def test_a_new_application_is_saved_with_its_details(window, db):
    trip = add_trip(db)
    add_member(db, "王芳", 1)
    add_member(db, "李强", 2)
    page = open_page(window)
    page.tabs.setCurrentIndex(1)
    dialog = page.applications.new_application()
    assert not dialog.tabs.isTabEnabled(VERDICT_TAB)
    assert dialog.form.trip_id() == trip
    assert not dialog.save()
    assert dialog.form.rows["member_id"].message.text() == "请选择申请的会员。"
    picker = dialog.form.picker
    picker.search.setText("王芳")
    picker.run_search()
    assert dialog.form.chosen_member() is not None
    dialog.form.priority["一线职工"].setChecked(True)
    dialog.form.companions.setValue(1)
    dialog.form.hire_date.set_value(dt.date(2016, 3, 1))
    assert not dialog.save()  # no handler, no companion's name
    assert dialog.form.rows["by"].message.text() == "请填写经办人。"
    dialog.form.by.setText("张主席")
    assert not dialog.save()
    assert dialog.form.rows["companion_names"].message.text() == "有家属随行时请填写家属姓名。"
    dialog.form.companion_names.setText("李明")
    assert dialog.save()
    assert dialog.tabs.isTabEnabled(VERDICT_TAB) and dialog.app_id is not None
    assert "王芳" in dialog.windowTitle() and "已申请" in dialog.windowTitle()
    assert dialog.form.picker is None and not dialog.form.trip.isEnabled()  # kept as saved
    assert dialog.form.applicant.isVisibleTo(dialog) and "王芳" in dialog.form.applicant.text()
    assert "家属随行 1 人，自费 1,800.00 元" in dialog.verdict.costs.text()
    detail = ra.detail(db.sessions, dialog.app_id)
    assert detail.draft.priority == ("一线职工",) and detail.draft.companion_names == "李明"
    assert names(page.applications.model) == ["王芳"]
    assert page.applications.selected_id() == dialog.app_id


def test_a_failed_rule_is_red_and_an_override_lets_it_pass_with_its_reason(window, db):
    register_quota(db)
    trip = add_trip(db)
    app_id = add_app(db, add_member(db, "赵敏", 1), trip, absence=45)
    page = open_page(window)
    dialog = page.applications.open_application(app_id)
    dialog.tabs.setCurrentIndex(VERDICT_TAB)
    verdict = dialog.verdict
    assert verdict.summary.text() == "审核结果：不符合：缺勤"
    assert RED in verdict.summary.styleSheet()
    mark, text, button = verdict.rules["absence"]
    assert mark.text() == "✗" and text.text() == "上年缺勤 45 天，最多 30 天。"
    assert RED in text.styleSheet() and button.text() == "特批…"
    assert verdict.rules["member"][0].text() == "✓" and verdict.rules["member"][2] is None
    override = verdict.override("absence")
    override.reason.setText("工伤")
    override.by.setText("张主席")
    override.accept()
    assert override.rows["reason"].message.text() == "请写明特批的理由（至少 4 个字）。"
    assert ra.detail(db.sessions, app_id).overrides == ()
    override.reason.setText("因工伤住院治疗缺勤")
    override.accept()
    verdict = dialog.verdict
    mark, text, button = verdict.rules["absence"]
    assert mark.text() == "✓ 特批"
    assert f"特批理由：因工伤住院治疗缺勤（张主席，{TODAY:%Y-%m-%d}）" in text.text()
    assert button.text() == "撤销特批"
    assert verdict.summary.text() == "审核结果：符合（特批：缺勤）"
    assert page.applications.model.row(0).verdict == "符合（特批：缺勤）"
    assert verdict.withdraw("absence")
    assert dialog.verdict.rules["absence"][0].text() == "✗"
    assert page.applications.model.row(0).verdict == "不符合：缺勤"


def test_only_the_steps_that_may_follow_are_offered(window, db, messages):
    trip = add_trip(db)
    app_id = add_app(db, add_member(db, "赵敏", 1), trip, absence=45)
    page = open_page(window)
    dialog = page.applications.open_application(app_id)
    steps = dialog.steps
    assert steps.offered() == [rp.DEPT_REVIEW, rp.CANCEL, rp.DECLINE]
    steps.by.setText("张主席")
    assert steps.take(rp.DEPT_REVIEW)
    assert steps.offered() == [rp.UNION_APPROVAL, rp.CANCEL, rp.DECLINE]
    assert steps.table.rowCount() == 2 and steps.table.item(1, 1).text() == "部门审核"
    assert not dialog.form.applied_on.isEnabled()  # the steps after it are dated from it
    steps.by.setText("张主席")
    assert not steps.take(rp.UNION_APPROVAL)  # not eligible: refused, and told why
    assert "不符合条件，不能办理“工会审批”" in messages[-1] and "缺勤" in messages[-1]
    assert steps.state_label.text() == "状态：部门已审核"
    assert rp.OFFER not in steps.offered() and rp.CONFIRM not in steps.offered()


def test_giving_up_an_arranged_place_hands_it_to_the_first_waiting(window, db, messages):
    register_quota(db)
    trip, apps = three_approved(db, capacity=2)
    write(db, allocate_trip, trip, TODAY, "张主席")
    page = open_page(window)
    dialog = page.applications.open_application(apps["王芳"])
    dialog.tabs.setCurrentIndex(STEPS_TAB)
    steps = dialog.steps
    assert steps.state_label.text() == "状态：已安排（待确认）"
    assert steps.offered() == [rp.CONFIRM, rp.COMPLETE, rp.CANCEL, rp.DECLINE]
    steps.by.setText("张主席")
    assert not steps.take(rp.DECLINE)  # a reason is required
    assert steps.rows["note"].message.text() == "放弃须写明原因。"
    assert steps.rows["note"].message.isVisibleTo(dialog)
    steps.note.setText("家中老人住院")
    assert steps.take(rp.DECLINE)
    assert messages[-1] == "名额已递补给 赵敏（原候补第 1 位）。"
    assert "名额已递补给 赵敏" in steps.result.text()
    assert dialog.steps.state_label.text() == "状态：已放弃"
    assert dialog.read_only and not dialog.steps.form_box.isVisibleTo(dialog)
    model = page.applications.model
    states = {model.row(r).name: model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert states == {"王芳": "已放弃", "李强": "已安排（待确认）", "赵敏": "已安排（待确认）"}


def test_allocation_shows_the_ranking_with_reasons_and_arranges(window, db, messages):
    trip, apps = three_approved(db, capacity=2)
    add_app(db, add_member(db, "孙丽", 9), trip, absence=45)  # applied, not approved: not ranked
    page = open_page(window)
    dialog = page.trips.allocate_selected()
    model = dialog.model
    assert names(model) == ["王芳", "李强", "赵敏"]
    first = model.row(0)
    assert first.position == 1 and first.outcome == "安排"
    assert first.explanation.startswith("优先条件 2 项（劳模/先进、工伤职工）；从未参加过疗休养")
    assert model.row(2).outcome == "候补第 1 位：本批次名额已满"
    assert not dialog.allocate()  # no handler given
    assert dialog.by_row.message.text() == "请填写经办人。"
    dialog.by.setText("张主席")
    assert not dialog.allocate()  # the year has no places registered yet
    assert f"请先登记 {YEAR} 年的疗休养名额和预算" in messages[-1]
    register_quota(db)
    assert dialog.allocate()
    assert dialog.outcome.text() == "已安排：王芳、李强\n列入候补：赵敏"
    assert names(model) == ["王芳", "李强", "赵敏"]  # who got a place stays in the list
    assert [r.state for r in model.rows] == [rp.ARRANGED, rp.ARRANGED, rp.WAITING]
    assert ra.detail(db.sessions, apps["王芳"]).state == rp.ARRANGED
    row = page.trips.selected_row()
    assert (row.arranged, row.waiting) == (2, 1)


def test_a_corrected_application_is_checked_again(window, db):
    register_quota(db)
    trip = add_trip(db)
    app_id = add_app(db, add_member(db, "赵敏", 1), trip, absence=45)
    page = open_page(window)
    dialog = page.applications.open_application(app_id)
    assert dialog.form.applicant.text().startswith("赵敏")
    assert dialog.form.applied_on.isEnabled()  # only the 申请 step so far
    dialog.form.absence_days.setValue(12)
    assert dialog.is_dirty()
    assert dialog.save()
    assert dialog.verdict.summary.text() == "审核结果：符合"
    assert ra.detail(db.sessions, app_id).draft.absence_days == 12
    assert page.applications.model.row(0).verdict == "符合"
