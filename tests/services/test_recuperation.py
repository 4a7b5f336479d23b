"""疗休养 through the services: set-up, applications, steps, allocation and hand-over."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation import ApplicationDraft, Policy, Trip
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import recuperation as rec
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services.recuperation_allocation import allocate_trip, ranking
from gonghui_desk.services.recuperation_list import (
    ApplicationFilter,
    application_rows,
    recuperation_reminders,
)
from gonghui_desk.services.recuperation_trips import delete_trip, save_trip
from tests.factories import make_member, write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())  # the trips and steps are dated in 2026
START = dt.date(2026, 12, 1)
BY = "张主席"


def people(db, count, department="装配车间", **more):
    with session_scope(db.sessions) as session:
        return [make_member(session, name=f"职工{i}", department=department,
                            id_number=f"11010519900307{i:03d}X", **more).id
                for i in range(count)]


def trip(db, capacity=3, start=START, days=4, per_day="450", in_province=True):
    return write(db, save_trip, Trip(year=start.year, destination="安吉余村", start=start,
                                     end=start + dt.timedelta(days=days - 1),
                                     cost_per_day=D(per_day), capacity=capacity,
                                     in_province=in_province))


def setup_year(db, places=10, budget="50000", departments=None):
    write(db, rec.save_policy, Policy(year=2026, union_percent=60, admin_percent=40))
    write(db, rec.save_quota, rec.Quota(2026, places, D(budget),
                                        departments=departments or {}))


def apply(db, member_id, trip_id, applied=dt.date(2026, 10, 1), **more):
    values = dict(member_id=member_id, trip_id=trip_id, applied_on=applied,
                  hire_date=dt.date(2018, 1, 1))
    values.update(more)
    return write(db, apps.apply, ApplicationDraft(**values), BY)


def approve(db, app_id, day=dt.date(2026, 10, 10)):
    write(db, apps.take_step, app_id, rp.DEPT_REVIEW, day, BY)
    write(db, apps.take_step, app_id, rp.UNION_APPROVAL, day, BY)


def test_a_year_without_a_saved_policy_uses_the_defaults(db):
    policy, saved = rec.policy_for(db.sessions, 2027)
    assert not saved and policy.annual_cap == D(3000) and policy.cycle_years == 2
    write(db, rec.save_policy, Policy(year=2027, cycle_years=3))
    assert rec.policy_for(db.sessions, 2027) == (Policy(year=2027, cycle_years=3), True)
    with pytest.raises(ValidationError, match="合计 110%"):
        write(db, rec.save_policy, Policy(year=2027, union_percent=60))


def test_applying_checks_the_person_and_refuses_a_second_open_application(db):
    [member] = people(db, 1)
    trip_id = trip(db)
    app_id = apply(db, member, trip_id)
    with pytest.raises(ValidationError, match="已申请“安吉余村”"):
        apply(db, member, trip_id)
    with pytest.raises(ValidationError, match="有家属随行时请填写家属姓名"):
        write(db, apps.update, app_id, ApplicationDraft(member, trip_id, dt.date(2026, 10, 1),
                                                        companions=1))
    write(db, apps.take_step, app_id, rp.DECLINE, TODAY, BY, "不去了")
    assert apply(db, member, trip_id)  # may apply again after giving up


def test_approval_needs_a_person_who_may_go_and_an_override_lets_them(db):
    setup_year(db)
    [member] = people(db, 1, join_date=dt.date(2026, 1, 1))
    app_id = apply(db, member, trip(db))
    write(db, apps.take_step, app_id, rp.DEPT_REVIEW, TODAY, BY)
    with pytest.raises(UserError, match="会龄：不符合"):
        write(db, apps.take_step, app_id, rp.UNION_APPROVAL, TODAY, BY)
    with pytest.raises(ValidationError, match="至少 4 个字"):
        write(db, apps.set_override, app_id, "member_years", "同意", BY, TODAY)
    with pytest.raises(UserError, match="目前符合，不需要特批"):
        write(db, apps.set_override, app_id, "absence", "不需要的特批", BY, TODAY)
    write(db, apps.set_override, app_id, "member_years", "调入前在原单位已入会 6 年", BY, TODAY)
    write(db, apps.take_step, app_id, rp.UNION_APPROVAL, TODAY, BY)
    shown = apps.detail(db.sessions, app_id)
    assert shown.state == rp.APPROVED
    assert shown.verdict.summary == "符合（特批：会龄）"
    assert shown.overrides[0].reason == "调入前在原单位已入会 6 年"


def test_steps_are_dated_in_order_with_who_and_a_reason_to_give_up(db):
    [member] = people(db, 1)
    app_id = apply(db, member, trip(db))
    with pytest.raises(ValidationError) as refused:
        write(db, apps.take_step, app_id, rp.DEPT_REVIEW, dt.date(2026, 9, 30), "")
    assert {p.key for p in refused.value.problems} == {"by", "day"}
    with pytest.raises(UserError, match="不能办理“安排”。可以办理：部门审核、取消、放弃"):
        write(db, apps.take_step, app_id, rp.ARRANGE, TODAY, BY)
    with pytest.raises(ValidationError, match="放弃须写明原因"):
        write(db, apps.take_step, app_id, rp.DECLINE, TODAY, BY)


def test_allocation_fills_places_by_rank_and_puts_the_rest_on_the_waiting_list(db):
    setup_year(db)
    members = people(db, 4)
    trip_id = trip(db, capacity=2)
    ids = [apply(db, m, trip_id, applied=dt.date(2026, 10, 1) + dt.timedelta(days=i),
                 priority=("一线职工",) if i == 3 else ())
           for i, m in enumerate(members)]
    for app_id in ids:
        approve(db, app_id)
    preview = ranking(db.sessions, trip_id)
    assert [r.application_id for r in preview] == [ids[3], ids[0], ids[1], ids[2]]
    assert [r.outcome for r in preview][:3] == ["安排", "安排", "候补第 1 位：本批次名额已满"]
    result = write(db, allocate_trip, trip_id, TODAY, BY)
    assert result.arranged == ("职工3", "职工0") and result.waiting == ("职工1", "职工2")
    status = rec.quota_status(db.sessions, 2026)
    assert (status.taken, status.places_left) == (2, 8)
    assert status.used == D("3600.00") and status.budget_left == D("46400.00")
    rows = {r.name: r for r in application_rows(db.sessions, ApplicationFilter(2026))}
    assert rows["职工1"].waiting_position == 1 and rows["职工2"].waiting_position == 2
    assert rows["职工0"].state == rp.ARRANGED and not rows["职工0"].confirmed


def test_a_place_given_up_goes_to_the_first_on_the_waiting_list(db):
    setup_year(db)
    trip_id = trip(db, capacity=1)
    ids = [apply(db, m, trip_id) for m in people(db, 3)]
    for app_id in ids:
        approve(db, app_id)
    write(db, allocate_trip, trip_id, TODAY, BY)
    outcome = write(db, apps.take_step, ids[0], rp.DECLINE, TODAY, BY, "家里有事")
    assert outcome == apps.StepOutcome(rp.DECLINED, "职工1")
    offered = apps.detail(db.sessions, ids[1])
    assert offered.state == rp.ARRANGED and not offered.confirmed
    assert offered.steps[-1] == rp.Step(rp.OFFER, TODAY, BY, "接替职工0的名额")
    assert apps.detail(db.sessions, ids[2]).state == rp.WAITING
    # A person still waiting who gives up hands nothing over.
    assert write(db, apps.take_step, ids[2], rp.DECLINE, TODAY, BY, "不去了").handed_to is None


def test_department_shares_limit_allocation_and_quota_edits(db):
    setup_year(db, places=4, departments={"装配车间": 1, "质检部": 2})
    trip_id = trip(db, capacity=3)
    ids = [apply(db, m, trip_id) for m in people(db, 2)]
    for app_id in ids:
        approve(db, app_id)
    result = write(db, allocate_trip, trip_id, TODAY, BY)
    assert result.arranged == ("职工0",) and result.waiting == ("职工1",)
    row = next(r for r in ranking(db.sessions, trip_id) if r.name == "职工1")
    assert row.outcome == "候补第 1 位：装配车间名额已用完"
    with pytest.raises(ValidationError, match="装配车间已安排 1 人，名额不能少于 1 个"):
        write(db, rec.save_quota, rec.Quota(2026, 4, D(50000), departments={"质检部": 2}))
    with pytest.raises(ValidationError, match="各部门合计 5 个，超过了全年名额 4 个"):
        write(db, rec.save_quota, rec.Quota(2026, 4, D(50000),
                                            departments={"装配车间": 3, "质检部": 2}))
    with pytest.raises(ValidationError, match="已安排 1 人，名额不能少于 1 个"):
        write(db, rec.save_quota, rec.Quota(2026, 0, D(50000)))


def test_a_trip_keeps_its_arranged_people_and_a_new_standard_reprices_them(db):
    setup_year(db)
    trip_id = trip(db, capacity=2)
    ids = [apply(db, m, trip_id) for m in people(db, 2)]
    for app_id in ids:
        approve(db, app_id)
    write(db, allocate_trip, trip_id, TODAY, BY)
    with pytest.raises(ValidationError, match="本批次已安排 2 人"):
        write(db, save_trip, Trip(2026, "安吉余村", START, dt.date(2026, 12, 4), D(450), 1),
                  trip_id)
    write(db, save_trip, Trip(2026, "安吉余村", START, dt.date(2026, 12, 5), D(500), 2),
              trip_id)
    shown = apps.detail(db.sessions, ids[0])
    assert (shown.cost, shown.union, shown.admin) == (D("2500.00"), D("1500.00"), D("1000.00"))
    assert rec.quota_status(db.sessions, 2026).used == D("5000.00")
    with pytest.raises(UserError, match="已有 2 份申请，不能删除"):
        write(db, delete_trip, trip_id)
    empty = trip(db)
    write(db, delete_trip, empty)
    assert [t.id for t in rec.trips(db.sessions, 2026)] == [trip_id]


def test_completion_comes_after_the_trip(db):
    setup_year(db)
    early = trip(db, start=dt.date(2026, 11, 10), days=5)  # ends 11-14
    [member] = people(db, 1)
    app_id = apply(db, member, early)
    approve(db, app_id)
    write(db, allocate_trip, early, dt.date(2026, 10, 20), BY)
    with pytest.raises(ValidationError, match="2026-11-14 结束，结束后才能登记完成"):
        write(db, apps.take_step, app_id, rp.COMPLETE, dt.date(2026, 11, 13), BY)
    write(db, apps.take_step, app_id, rp.COMPLETE, dt.date(2026, 11, 14), BY)
    assert apps.detail(db.sessions, app_id).state == rp.DONE
    later = trip(db, start=dt.date(2026, 12, 20))
    again = apps.detail(db.sessions, apply(db, member, later)).verdict
    periods = next(r for r in again.results if r.key == "periods")
    assert periods.ok and periods.text == "本年第 2 段，最多分 2 段。"
    days = next(r for r in again.results if r.key == "days")
    assert not days.ok and days.text == "本批次 4 天，本年其他批次 5 天，共 9 天，省内最多 5 天。"


def test_the_list_filters_and_masks(db):
    setup_year(db)
    trip_id = trip(db)
    [a, b] = people(db, 2)
    apply(db, a, trip_id)
    apply(db, b, trip_id, absence_days=40)
    rows = application_rows(db.sessions, ApplicationFilter(2026))
    assert [r.id_masked for r in rows] == ["110105********000X", "110105********001X"]
    bad = application_rows(db.sessions, ApplicationFilter(2026, verdict="不符合"))
    assert [(r.name, r.verdict) for r in bad] == [("职工1", "不符合：缺勤")]
    by_digits = application_rows(db.sessions, ApplicationFilter(2026, text="001X"))
    assert [r.name for r in by_digits] == ["职工1"]


def test_reminders_for_unused_places_and_unconfirmed_people(db):
    setup_year(db, places=5)
    trip_id = trip(db, start=TODAY + dt.timedelta(days=10))
    app_id = apply(db, people(db, 1)[0], trip_id)
    approve(db, app_id)
    write(db, allocate_trip, trip_id, TODAY, BY)
    texts = [r.text for r in recuperation_reminders(db.sessions, TODAY)]
    assert texts == ["疗休养：“安吉余村”12-01 出发（还有 10 天），1 人尚未确认参加。",
                     "疗休养：2026 年名额还剩 4 个未安排，离年底还有 40 天。"]
    write(db, apps.take_step, app_id, rp.CONFIRM, TODAY, BY)
    assert len(recuperation_reminders(db.sessions, TODAY)) == 1


@pytest.mark.parametrize("day", [  # (the today fixture travels to the marked day)
    TODAY, pytest.param(dt.date(2027, 1, 5), marks=pytest.mark.today("2027-01-05"))])
def test_the_demo_has_applications_in_every_state_and_passes_the_rules(db, day):
    from gonghui_desk.services.demo import fill_demo

    write(db, fill_demo, 500)  # as of the book's day, the one the test is at
    years = rec.years_on_file(db.sessions)
    rows = [r for y in years for r in application_rows(db.sessions, ApplicationFilter(y))]
    assert {r.state for r in rows} == set(rp.STATES.values)
    assert any(r.verdict.startswith("不符合：参加周期") for r in rows)
    assert any("特批：缺勤" in r.verdict for r in rows)
    assert any(r.state == rp.ARRANGED and not r.confirmed for r in rows)
    offered = [apps.detail(db.sessions, r.id) for r in rows if r.state == rp.ARRANGED]
    assert any(d.steps[-1].kind == rp.OFFER for d in offered)
    assert any("尚未确认参加" in r.text for r in recuperation_reminders(db.sessions, day))


def test_purging_a_member_waits_for_their_open_application_and_takes_the_closed_ones(db):
    from gonghui_desk.services.member_records import move_to_recycle_bin, purge

    [member] = people(db, 1)
    trip_id = trip(db)
    first = apply(db, member, trip_id)
    write(db, apps.take_step, first, rp.CANCEL, TODAY, BY, "部门未同意")
    second = apply(db, member, trip_id)
    write(db, move_to_recycle_bin, [member])
    with pytest.raises(UserError, match=f"还有办理中的疗休养申请（编号 {second}）"):
        write(db, purge, [member])
    write(db, apps.take_step, second, rp.DECLINE, TODAY, BY, "调离本单位")
    assert write(db, purge, [member]) == 1
    assert application_rows(db.sessions, ApplicationFilter(2026)) == []


def test_the_application_day_moves_with_its_step_but_not_past_the_next(db):
    [member] = people(db, 1)
    trip_id = trip(db)
    app_id = apply(db, member, trip_id)
    draft = apps.detail(db.sessions, app_id).draft
    write(db, apps.update, app_id, replace(draft, applied_on=dt.date(2026, 10, 3)))
    assert apps.detail(db.sessions, app_id).steps[0].day == dt.date(2026, 10, 3)
    write(db, apps.take_step, app_id, rp.DEPT_REVIEW, dt.date(2026, 10, 5), BY)
    with pytest.raises(ValidationError, match="不能晚于后续环节的日期 2026-10-05"):
        write(db, apps.update, app_id, replace(draft, applied_on=dt.date(2026, 10, 6)))
