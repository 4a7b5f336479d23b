"""Each 疗休养 rule exactly at its boundary, the cost split with the personal cap, overrides."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from gonghui_desk.domain.dates import add_years
from gonghui_desk.domain.recuperation import Policy, Trip, check_policy, split_cost
from gonghui_desk.domain.recuperation_rules import Facts, PastTrip, Room, check

START = dt.date(2026, 5, 10)
POLICY = Policy(year=2026)


def trip(start=START, days=5, per_day="400", in_province=True, capacity=10):
    return Trip(year=start.year, destination="千岛湖", start=start,
                end=start + dt.timedelta(days=days - 1), cost_per_day=D(per_day),
                capacity=capacity, in_province=in_province)


def facts(**changes):
    values = dict(policy=POLICY, trip=trip(), member_status="在册",
                  join_date=dt.date(2020, 1, 1), hire_date=dt.date(2019, 1, 1), absence_days=0,
                  companions=0, room=Room(trip_taken=0, trip_capacity=10, year_places=30))
    values.update(changes)
    return Facts(**values)


def result(key, **changes):
    return next(r for r in check(facts(**changes)).results if r.key == key)


def past(start, days=5, in_province=True, public="2000", done=True):
    return PastTrip(start, days, in_province, D(public), done)


def test_a_person_meeting_every_rule_may_go():
    verdict = check(facts())
    assert verdict.passed and verdict.eligible
    assert verdict.summary == "符合"
    assert all(r.ok for r in verdict.results)


@pytest.mark.parametrize("key,field", [("member_years", "join_date"),
                                       ("service_years", "hire_date")])
def test_a_year_of_membership_and_of_service_is_reached_on_the_anniversary(key, field):
    on_the_day = result(key, **{field: dt.date(2025, 5, 10)})
    assert on_the_day.ok, on_the_day.text
    assert "2025-05-10" in on_the_day.text and "已满 1 年" in on_the_day.text
    day_short = result(key, **{field: dt.date(2025, 5, 11)})
    assert not day_short.ok
    assert "2026-05-11 起" in day_short.text


def test_missing_dates_fail_with_what_to_fill_in():
    assert "请先补填" in result("member_years", join_date=None).text
    assert "入职日期" in result("service_years", hire_date=None).text


def test_a_29_february_counts_from_1_march():
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 3, 1)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_only_members_on_the_roll_may_go():
    assert result("member").ok
    reserved = result("member", member_status="保留会籍")
    assert not reserved.ok and "保留会籍" in reserved.text


def test_absences_up_to_the_limit_are_allowed():
    assert result("absence", absence_days=30).ok
    over = result("absence", absence_days=31)
    assert not over.ok and over.text == "上年缺勤 31 天，最多 30 天。"


def test_the_cycle_is_reached_on_the_day_the_interval_ends():
    went = [past(dt.date(2024, 5, 10))]
    assert result("cycle", history=went).ok  # trip on 2026-05-10, every 2 years
    early = result("cycle", history=went, trip=trip(dt.date(2026, 5, 9)))
    assert not early.ok and "2026-05-10 起才能再参加" in early.text
    every_year = replace(POLICY, cycle_years=1)
    assert result("cycle", history=[past(dt.date(2025, 5, 10))], policy=every_year).ok


def test_the_cycle_ignores_this_years_other_period_and_trips_not_completed():
    same_year = [past(dt.date(2026, 3, 1), days=2)]
    assert result("cycle", history=same_year).ok
    arranged_last_year = [past(dt.date(2025, 9, 1), done=False)]
    assert result("cycle", history=arranged_last_year).ok


def test_out_of_the_province_is_not_repeated_within_three_years():
    outside = trip(dt.date(2026, 6, 1), days=7, in_province=False)
    last_out = [past(dt.date(2023, 6, 1), days=7, in_province=False)]
    assert result("out_of_province", trip=outside, history=last_out).ok
    too_soon = result("out_of_province", trip=replace(outside, start=dt.date(2026, 5, 31),
                                                      end=dt.date(2026, 6, 6)),
                      history=last_out)
    assert not too_soon.ok and "2026-06-01 起才可以" in too_soon.text
    assert result("out_of_province", history=last_out).ok  # this one is in the province


@pytest.mark.parametrize("days,in_province,ok", [(5, True, True), (6, True, False),
                                                 (7, False, True), (8, False, False)])
def test_days_in_and_out_of_the_province(days, in_province, ok):
    assert result("days", trip=trip(days=days, in_province=in_province)).ok is ok


def test_two_periods_in_a_year_share_the_days_and_a_third_is_refused():
    first = [past(dt.date(2026, 3, 2), days=2)]
    assert result("days", trip=trip(days=3), history=first).ok
    over = result("days", trip=trip(days=4), history=first)
    assert not over.ok and over.text == "本批次 4 天，本年其他批次 2 天，共 6 天，省内最多 5 天。"
    assert result("periods", history=first).ok
    third = result("periods", history=[*first, past(dt.date(2026, 4, 1), days=1)])
    assert not third.ok and third.text == "本年第 3 段，最多分 2 段。"


def test_the_cost_per_day_may_be_exactly_the_cap():
    assert result("day_cost", trip=trip(per_day="500")).ok
    assert not result("day_cost", trip=trip(per_day="500.01")).ok


def test_the_cost_split_follows_the_policys_shares():
    policy = replace(POLICY, union_percent=60, admin_percent=30, personal_percent=10)
    split = split_cost(policy, D("3000"))
    assert (split.union, split.admin, split.personal) == (D("1800.00"), D("900.00"), D("300.00"))
    assert split.union + split.admin + split.personal == D("3000")


def test_what_passes_the_annual_cap_is_personal_up_to_the_personal_cap():
    at_cap = replace(POLICY, annual_cap=D("2100"))
    six_days = trip(days=6, per_day="500", in_province=False)  # 3,000 元
    exactly = check(facts(policy=at_cap, trip=six_days))
    assert exactly.split.personal == D("900.00") == exactly.split.personal_limit
    assert exactly.split.public == D("2100.00")
    assert next(r for r in exactly.results if r.key == "personal_cap").ok
    over = check(facts(policy=replace(at_cap, annual_cap=D("2099.99")), trip=six_days))
    failed = next(r for r in over.results if r.key == "personal_cap")
    assert not failed.ok and "900.01 元" in failed.text and "900.00 元" in failed.text


def test_the_annual_cap_counts_public_money_of_this_years_earlier_trips():
    earlier = [past(dt.date(2026, 3, 2), days=2, public="1000")]
    verdict = check(facts(history=earlier, trip=trip(days=3, per_day="800",
                                                     in_province=False),
                          policy=replace(POLICY, day_cost_cap=D("800"))))
    assert verdict.split.public == D("2000.00")  # 3,000 − 1,000 already funded
    assert verdict.split.personal == D("400.00")


def test_family_goes_only_when_the_policy_allows_it():
    assert result("family", companions=2).ok
    assert "费用自理" in result("family", companions=2).text
    assert not result("family", companions=1, policy=replace(POLICY, family_allowed=False)).ok


def test_the_last_place_on_a_trip_and_in_a_department():
    assert result("capacity", room=Room(trip_taken=9, trip_capacity=10, year_places=30)).ok
    full = result("capacity", room=Room(trip_taken=10, trip_capacity=10, year_places=30))
    assert not full.ok and full.place
    shared = Room(0, 10, year_places=30, department="装配车间", dept_places=3, dept_taken=2,
                  departments_allocated=True)
    assert result("department", room=shared).ok
    assert not result("department", room=replace(shared, dept_taken=3)).ok
    none = result("department", room=replace(shared, dept_places=None))
    assert not none.ok and "没有分到名额" in none.text


def test_year_places_and_budget():
    no_quota = result("year_places", room=Room(0, 10))
    assert not no_quota.ok and "还没有登记 2026 年的名额" in no_quota.text
    assert not result("year_places", room=Room(0, 10, year_taken=30, year_places=30)).ok
    budget = Room(0, 10, year_places=30, budget=D("10000"), budget_used=D("8000"))
    assert result("budget", room=budget).ok  # needs exactly 2,000
    assert not result("budget", room=replace(budget, budget_used=D("8000.01"))).ok


def test_no_room_is_not_the_same_as_not_eligible():
    verdict = check(facts(room=Room(trip_taken=10, trip_capacity=10, year_places=30)))
    assert verdict.eligible and not verdict.passed
    assert verdict.summary == "符合，名额不足：批次名额"


def test_an_override_lets_a_failed_rule_pass_and_keeps_the_reason():
    verdict = check(facts(absence_days=45), {"absence": "工伤住院，缺勤不计", "cycle": "x"})
    absence = next(r for r in verdict.results if r.key == "absence")
    assert absence.passed and not absence.ok
    assert absence.line == ("缺勤：不符合，已特批。上年缺勤 45 天，最多 30 天。"
                            "（特批理由：工伤住院，缺勤不计）")
    assert verdict.eligible and verdict.summary == "符合（特批：缺勤）"
    assert next(r for r in verdict.results if r.key == "cycle").override == ""  # it passed


def test_the_policy_shares_add_up_and_the_personal_share_stays_under_its_cap():
    assert check_policy(POLICY) == []
    problems = check_policy(replace(POLICY, union_percent=60))
    assert [p.message for p in problems] == ["工会经费、行政福利费和个人三项合计 110%，应为 100%。"]
    over = check_policy(replace(POLICY, admin_percent=10, personal_percent=40))
    assert any("超过了上限 30%" in p.message for p in over)
    assert check_policy(replace(POLICY, cycle_years=4))[0].field == "参加周期"
