"""An application's steps, the ranking with ties, allocation by room, and the reminders."""

import datetime as dt
from decimal import Decimal as D

import pytest

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation_ranking import Candidate, Space, allocate, rank
from gonghui_desk.domain.recuperation_reminders import TripSummary, reminders_for

DAY = dt.date(2026, 3, 1)


def steps(*kinds):
    return [rp.Step(k, DAY + dt.timedelta(days=i)) for i, k in enumerate(kinds)]


def test_the_way_through_to_completion():
    taken = steps(rp.APPLY, rp.DEPT_REVIEW, rp.UNION_APPROVAL, rp.ARRANGE)
    assert rp.state_after(taken) == rp.ARRANGED
    assert not rp.is_confirmed(taken)
    assert rp.next_steps(rp.ARRANGED) == (rp.CONFIRM, rp.COMPLETE, rp.CANCEL, rp.DECLINE)
    confirmed = taken + steps(rp.CONFIRM)
    assert rp.is_confirmed(confirmed)
    assert rp.CONFIRM not in rp.next_steps(rp.ARRANGED, confirmed=True)
    assert rp.state_after(confirmed + steps(rp.COMPLETE)) == rp.DONE
    assert rp.next_steps(rp.DONE) == ()


def test_a_step_out_of_order_is_refused_with_the_reason():
    with pytest.raises(ValueError, match="“安排”不能在“部门已审核”之后办理"):
        rp.state_after(steps(rp.APPLY, rp.DEPT_REVIEW, rp.ARRANGE))
    with pytest.raises(ValueError, match="确认”重复了"):
        rp.state_after(steps(rp.APPLY, rp.DEPT_REVIEW, rp.UNION_APPROVAL, rp.ARRANGE,
                             rp.CONFIRM, rp.CONFIRM))


def test_the_waiting_list_and_a_place_offered_which_must_be_confirmed_again():
    waiting = steps(rp.APPLY, rp.DEPT_REVIEW, rp.UNION_APPROVAL, rp.WAITLIST)
    assert rp.state_after(waiting) == rp.WAITING
    offered = waiting + steps(rp.OFFER)
    assert rp.state_after(offered) == rp.ARRANGED and not rp.is_confirmed(offered)
    with pytest.raises(ValueError):
        rp.state_after(steps(rp.APPLY, rp.DEPT_REVIEW, rp.UNION_APPROVAL, rp.OFFER))


def test_cancel_and_give_up_from_any_open_state_and_nothing_after():
    for before in ((rp.APPLY,), (rp.APPLY, rp.DEPT_REVIEW, rp.UNION_APPROVAL, rp.WAITLIST)):
        assert rp.state_after(steps(*before, rp.DECLINE)) == rp.DECLINED
        assert rp.state_after(steps(*before, rp.CANCEL)) == rp.CANCELLED
    assert rp.next_steps(rp.DECLINED) == ()


def person(app_id, name, flags=(), last=None, applied=DAY, department="装配车间",
           eligible=True, cost="2000"):
    return Candidate(app_id, name, department, tuple(flags), last, applied, D(cost), eligible,
                     "" if eligible else "会龄")


START = dt.date(2026, 6, 1)


def test_ranking_by_priorities_then_time_since_the_last_trip_then_application_day():
    ranked = rank([
        person(1, "甲", last=dt.date(2024, 5, 1)),
        person(2, "乙", flags=("一线职工",), last=dt.date(2025, 1, 1)),
        person(3, "丙"),
        person(4, "丁", last=dt.date(2022, 5, 1)),
        person(5, "戊", flags=("一线职工", "劳模/先进")),
        person(6, "己", eligible=False),
    ], START)
    assert [(r.position, r.candidate.name) for r in ranked] == [
        (1, "戊"), (2, "乙"), (3, "丙"), (4, "丁"), (5, "甲"), (0, "己")]
    assert ranked[0].explanation == ("优先条件 2 项（一线职工、劳模/先进）；从未参加过疗休养；"
                                     "2026-03-01 申请")
    assert "上次 2022-05-01，间隔 1492 天" in ranked[3].explanation
    assert ranked[5].explanation == "不能参加：会龄"


def test_ties_go_to_the_earlier_application_and_then_the_lower_number_and_say_so():
    ranked = rank([
        person(7, "晚", applied=DAY + dt.timedelta(days=1)),
        person(9, "后号"),
        person(8, "先号"),
    ], START)
    assert [r.candidate.name for r in ranked] == ["先号", "后号", "晚"]
    assert ranked[1].explanation.endswith("与先号条件相同，按申请编号")
    assert ranked[2].explanation.endswith("与后号条件相同，申请较晚")


def test_places_fill_in_rank_order_skipping_a_department_whose_share_is_used():
    ranked = rank([person(1, "甲", flags=("一线职工",)), person(2, "乙", department="质检部"),
                   person(3, "丙")], START)
    space = Space(trip=2, year=10, budget=D("10000"), departments={"装配车间": 1, "质检部": 1})
    decisions = allocate(ranked, space)
    assert [(d.application_id, d.arrange) for d in decisions] == [(1, True), (2, True),
                                                                  (3, False)]
    assert decisions[2].reason == "候补第 1 位：本批次名额已满"
    again = allocate(ranked, Space(trip=3, year=10, departments={"装配车间": 1, "质检部": 1}))
    assert again[2].reason == "候补第 1 位：装配车间名额已用完"


def test_the_budget_and_the_years_places_stop_the_allocation():
    ranked = rank([person(1, "甲", cost="3000"), person(2, "乙", cost="2000")], START)
    decisions = allocate(ranked, Space(trip=5, year=5, budget=D("4999.99")))
    assert [d.arrange for d in decisions] == [True, False]
    assert decisions[1].reason.endswith("年度预算不足")
    assert allocate(ranked, Space(trip=5, year=1))[1].reason.endswith("全年名额已用完")


def test_a_hand_over_offers_one_place_to_the_first_who_can_take_it():
    ranked = rank([person(1, "甲", flags=("一线职工",), department="质检部"), person(2, "乙"),
                   person(3, "丙")], START)
    decisions = allocate(ranked, Space(trip=1, departments={"质检部": 0, "装配车间": 2}), limit=1)
    assert [(d.application_id, d.arrange) for d in decisions] == [(1, False), (2, True),
                                                                  (3, False)]


YEAR_END = dt.date(2026, 12, 31)


def test_unused_places_are_reminded_from_90_days_before_the_year_end():
    assert reminders_for(YEAR_END - dt.timedelta(days=91), 2026, 30, 10, []) == []
    [found] = reminders_for(YEAR_END - dt.timedelta(days=90), 2026, 30, 10, [])
    assert found.text == "疗休养：2026 年名额还剩 20 个未安排，离年底还有 90 天。"
    assert reminders_for(YEAR_END, 2026, 30, 30, []) == []
    assert reminders_for(YEAR_END, 2026, None, 0, []) == []


def test_unconfirmed_people_are_reminded_from_14_days_before_the_trip():
    today = dt.date(2026, 11, 21)
    trips = [TripSummary(1, "安吉余村", today + dt.timedelta(days=14), 3),
             TripSummary(2, "千岛湖", today + dt.timedelta(days=15), 2),
             TripSummary(3, "西湖", today, 1),
             TripSummary(4, "莫干山", today + dt.timedelta(days=3), 0)]
    found = reminders_for(today, 2026, None, 0, trips)
    assert [r.trip_id for r in found] == [3, 1]
    assert found[0].text == "疗休养：“西湖”11-21 出发（今天），1 人尚未确认参加。"
    assert found[1].text == "疗休养：“安吉余村”12-05 出发（还有 14 天），3 人尚未确认参加。"
