"""Collective contracts: every deadline at its boundary, the vote, the teams, the status."""

import datetime as dt
from dataclasses import replace

import pytest

from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain.contract import (
    WAGE,
    ContractDraft,
    Vote,
    check_contract,
    term_problem,
)
from gonghui_desk.domain.contract_team import CHIEF, EMPLOYER, EXPERT, WORKERS, Negotiator
from gonghui_desk.domain.contract_team import team_problems as problems_of
from gonghui_desk.domain.dates import add_months

RULES = ct.DeadlineRules()
D = dt.date
OFFER = D(2026, 3, 1)


def days(n):
    return dt.timedelta(days=n)


def test_the_written_reply_is_in_time_on_day_20_and_overdue_on_day_21():
    t = ct.Timeline("综合集体合同", offer_date=OFFER)
    assert ct.reply_due(t, RULES) == D(2026, 3, 21)
    assert ct.reminders_for(1, "甲", t, D(2026, 3, 21), RULES) == []
    [late] = ct.reminders_for(1, "甲", t, D(2026, 3, 22), RULES)
    assert late.text == "甲：要约 2026-03-01 发出，书面答复已逾期 1 天（应于 2026-03-21 前答复）"
    assert ct.reminders_for(1, "甲", replace(t, reply_date=D(2026, 3, 21)),
                            D(2026, 4, 1), RULES) == []
    assert ct.next_deadline(t, D(2026, 3, 21), RULES).text == "书面答复 2026-03-21（今天到期）"


SIGNED = ct.Timeline("综合集体合同", offer_date=OFFER, reply_date=D(2026, 3, 10),
                     draft_date=D(2026, 4, 1), meeting_date=D(2026, 4, 20),
                     vote=Vote(90, 60, 46), signed_date=D(2026, 4, 20),
                     start=D(2026, 5, 1), end=D(2029, 4, 30))


def test_filing_is_due_on_the_10th_day_and_reminded_from_3_days_before():
    assert ct.filing_due(SIGNED, RULES) == D(2026, 4, 30)
    assert ct.status(SIGNED, D(2026, 4, 21), RULES) == ct.TO_FILE
    assert ct.reminders_for(1, "甲", SIGNED, D(2026, 4, 26), RULES) == []
    [soon] = ct.reminders_for(1, "甲", SIGNED, D(2026, 4, 27), RULES)
    assert soon.text == "甲：2026-04-20 签订，应于 2026-04-30 前报送备案（还有 3 天）"
    [today] = ct.reminders_for(1, "甲", SIGNED, D(2026, 4, 30), RULES)
    assert today.text.endswith("（今天到期）")
    [late] = ct.reminders_for(1, "甲", SIGNED, D(2026, 5, 1), RULES)
    assert late.text.endswith("（已逾期 1 天）")


def test_a_wage_contract_is_filed_within_its_own_period():
    wage = replace(SIGNED, contract_type=WAGE)
    assert ct.filing_due(wage, RULES) == D(2026, 4, 27)
    assert ct.filing_due(wage, replace(RULES, wage_filing_days=10)) == D(2026, 4, 30)


FILED = replace(SIGNED, filed_date=D(2026, 4, 25))


def test_review_runs_15_days_and_then_the_contract_is_in_force():
    assert ct.review_due(FILED, RULES) == D(2026, 5, 10)
    assert ct.status(FILED, D(2026, 5, 10), RULES) == ct.IN_REVIEW
    assert ct.status(FILED, D(2026, 5, 11), RULES) == ct.IN_FORCE
    assert ct.in_force_from(FILED, RULES) == D(2026, 5, 11)
    assert ct.reminders_for(1, "甲", FILED, D(2026, 5, 10), RULES) == []
    [confirm] = ct.reminders_for(1, "甲", FILED, D(2026, 5, 11), RULES)
    assert "审查期已于 2026-05-10 届满" in confirm.text and "请确认" in confirm.text
    confirmed = replace(FILED, confirmed_date=D(2026, 5, 12))
    assert ct.reminders_for(1, "甲", confirmed, D(2026, 6, 1), RULES) == []


def test_an_objection_sends_it_back_to_be_filed_again_and_review_starts_anew():
    objected = replace(FILED, objection_date=D(2026, 5, 5))
    assert ct.status(objected, D(2026, 5, 20), RULES) == ct.TO_FILE
    assert ct.next_deadline(objected, D(2026, 5, 20), RULES).text == "按审查意见修改后重新报送"
    refiled = replace(objected, refiled_date=D(2026, 5, 25))
    assert ct.review_due(refiled, RULES) == D(2026, 6, 9)
    assert ct.status(refiled, D(2026, 6, 9), RULES) == ct.IN_REVIEW
    assert ct.status(refiled, D(2026, 6, 10), RULES) == ct.IN_FORCE


def test_renewal_opens_exactly_3_months_before_the_end():
    live = replace(FILED, confirmed_date=D(2026, 5, 12))
    assert ct.renewal_opens(live, RULES) == D(2029, 1, 30)
    assert ct.status(live, D(2029, 1, 29), RULES) == ct.IN_FORCE
    assert ct.status(live, D(2029, 1, 30), RULES) == ct.EXPIRING
    assert ct.status(live, D(2029, 4, 30), RULES) == ct.EXPIRING
    assert ct.status(live, D(2029, 5, 1), RULES) == ct.EXPIRED
    assert add_months(D(2029, 5, 31), -3) == D(2029, 2, 28)


def test_expiry_is_reminded_from_90_days_and_after_it_until_a_renewal_exists():
    live = replace(FILED, confirmed_date=D(2026, 5, 12))
    assert ct.reminders_for(1, "甲", live, D(2029, 1, 29), RULES) == []  # 91 days before
    [soon] = ct.reminders_for(1, "甲", live, D(2029, 1, 30), RULES)
    assert soon.text == "甲：将于 2029-04-30 期满（还有 90 天），请及时提出续签协商"
    [gone] = ct.reminders_for(1, "甲", live, D(2029, 5, 1), RULES)
    assert gone.text == "甲：已于 2029-04-30 期满，还没有续签合同在协商"
    assert ct.reminders_for(1, "甲", replace(live, renewal_open=True), D(2029, 5, 1), RULES) == []


def test_status_follows_the_steps():
    t = ct.Timeline("综合集体合同", offer_date=OFFER)
    day = D(2026, 6, 1)
    assert ct.status(t, day, RULES) == ct.NEGOTIATING
    drafted = replace(t, draft_date=D(2026, 4, 1))
    assert ct.status(drafted, day, RULES) == ct.TO_APPROVE
    failed = replace(drafted, meeting_date=D(2026, 4, 20), vote=Vote(90, 60, 45))
    assert ct.status(failed, day, RULES) == ct.NEGOTIATING
    passed = replace(failed, vote=Vote(90, 60, 46))
    assert ct.status(passed, day, RULES) == ct.TO_SIGN
    ended = replace(FILED, terminated_date=D(2027, 1, 1))
    assert ct.status(ended, D(2026, 12, 31), RULES) == ct.IN_FORCE
    assert ct.status(ended, D(2027, 1, 1), RULES) == ct.TERMINATED


def test_two_thirds_present_and_more_than_half_of_all_in_favour():
    exact = Vote(eligible=90, present=60, in_favour=46)
    assert exact.quorum and exact.passed
    assert exact.quorum_text() == "应到 90 人，实到 60 人（60 ≥ 90 × 2/3 = 60，达到三分之二）"
    assert exact.vote_text() == "赞成 46 人（46 > 90 ÷ 2 = 45，超过全体半数，通过）"
    short = Vote(90, 59, 59)
    assert not short.quorum and not short.passed
    assert "59 < 90 × 2/3 = 60，不足三分之二，会议无效" in short.quorum_text()
    half = Vote(90, 90, 45)
    assert half.quorum and not half.passed
    assert half.vote_text() == "赞成 45 人（45 ≤ 90 ÷ 2 = 45，未超过全体半数，未通过）"
    odd = Vote(91, 61, 46)  # 61 ≥ 60.67 and 46 > 45.5
    assert odd.passed and "91 × 2/3 = 60.67" in odd.quorum_text()
    assert not Vote(91, 60, 46).quorum


def test_the_term_is_one_to_three_years():
    assert term_problem(D(2026, 1, 1), D(2026, 12, 31)) == ""
    assert "不足 1 年" in term_problem(D(2026, 1, 1), D(2026, 12, 30))
    assert term_problem(D(2026, 1, 1), D(2028, 12, 31)) == ""
    assert term_problem(D(2026, 1, 1), D(2029, 1, 1)) == ("期限超过 3 年：从 2026-01-01 起最长到 "
                                                         "2028-12-31。")


def team(workers=3, employer=3, **chief):
    members = [Negotiator(WORKERS, "曾晓梅", CHIEF, union_chair=chief.get("chair", True),
                          delegation=chief.get("delegation", ""))]
    members += [Negotiator(WORKERS, f"职工{i}") for i in range(workers - 1)]
    members += [Negotiator(EMPLOYER, "钱总", CHIEF)]
    members += [Negotiator(EMPLOYER, f"企业{i}") for i in range(employer - 1)]
    return members


def test_teams_of_three_a_side_with_a_chief_each_pass():
    assert problems_of(team()) == []


def test_each_team_rule():
    assert problems_of(team(4, 3)) == ["双方人数应相等：职工方 4 人，企业方 3 人。"]
    assert problems_of(team(2, 2)) == ["职工方只有 2 人，每方至少 3 人。",
                                       "企业方只有 2 人，每方至少 3 人。"]
    no_chief = [n for n in team() if not (n.side == EMPLOYER and n.role == CHIEF)]
    no_chief.append(Negotiator(EMPLOYER, "新代表"))
    assert problems_of(no_chief) == ["企业方应有且只有 1 名首席代表，现有 0 名。"]
    assert problems_of(team(chair=False)) == [
        "职工方首席代表曾晓梅不是工会主席，须有工会主席的书面委托。"]
    assert problems_of(team(chair=False, delegation="2026-03-01 委托书")) == []
    both = team()
    both[-1] = Negotiator(EMPLOYER, "职工0")
    assert problems_of(both) == ["职工0同时在双方，不能兼任。"]


def test_outside_experts_may_be_a_third_of_a_side():
    six = team(6, 6)
    six[1] = replace(six[1], role=EXPERT)
    six[2] = replace(six[2], role=EXPERT)
    assert problems_of(six) == []
    six[3] = replace(six[3], role=EXPERT)
    assert problems_of(six) == ["职工方外部专家 3 人，超过本方 6 人的三分之一。"]


def test_signing_needs_a_passed_vote_and_a_term():
    d = ContractDraft(title="综合集体合同", offer_date=OFFER, draft_date=D(2026, 4, 1),
                      meeting_date=D(2026, 4, 20), vote=Vote(90, 60, 45),
                      signed_date=D(2026, 4, 20))
    keys = {p.key for p in check_contract(d, D(2026, 6, 1))}
    assert keys == {"signed_date", "term_start"}
    ok = replace(d, vote=Vote(90, 60, 46), term_start=D(2026, 5, 1), term_end=D(2029, 4, 30))
    assert check_contract(ok, D(2026, 6, 1)) == []


@pytest.mark.parametrize("field,day,message", [
    ("reply_date", D(2026, 2, 28), "早于要约日期 2026-03-01"),
    ("filed_date", D(2026, 7, 1), "不能晚于今天"),
])
def test_dates_in_order_and_not_in_the_future(field, day, message):
    d = replace(ContractDraft(title="x", offer_date=OFFER), **{field: day})
    found = [p for p in check_contract(d, D(2026, 6, 1)) if p.key == field]
    assert found and message in found[0].message
