"""Reminders about hardship files, on the days they start."""

import datetime as dt

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.dates import add_months
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.hardship_reminders import FileSummary, reminders_for

D = dt.date
FILED_STEPS = (
    Step(hp.APPLY, D(2025, 3, 1)), Step(hp.VISIT, D(2025, 3, 5)),
    Step(hp.BRANCH_REVIEW, D(2025, 3, 8)), Step(hp.UPPER_REVIEW, D(2025, 3, 15)),
    Step(hp.NOTICE, D(2025, 3, 16), until=D(2025, 3, 22)), Step(hp.FILE, D(2025, 3, 23)),
)


def texts(steps, today, last_change=None, last_aid=None):
    summary = FileSummary(1, "王大力", tuple(steps), last_change or today, last_aid or today)
    return [r.text for r in reminders_for([summary], today)]


def test_the_review_is_reminded_from_30_days_before_it_is_due():
    assert texts(FILED_STEPS, D(2026, 2, 20)) == []  # 31 days before
    assert texts(FILED_STEPS, D(2026, 2, 21)) == ["王大力：年度复核 2026-03-23 到期（还有 30 天）"]
    assert texts(FILED_STEPS, D(2026, 3, 23)) == ["王大力：年度复核 2026-03-23 到期（今天到期）"]
    assert texts(FILED_STEPS, D(2026, 4, 2)) == ["王大力：年度复核 2026-03-23 到期（已逾期 10 天）"]
    reviewed = (*FILED_STEPS, Step(hp.ANNUAL_REVIEW, D(2026, 3, 20)))
    assert texts(reviewed, D(2026, 4, 2)) == []


def test_a_file_untouched_for_twelve_months():
    today = D(2026, 11, 21)
    applied = [Step(hp.APPLY, D(2025, 11, 1))]
    assert texts(applied, today, last_change=D(2025, 11, 22)) == []
    assert texts(applied, today, last_change=D(2025, 11, 21)) == [
        "王大力：档案已 12 个月未更新（最近一次 2025-11-21）"]
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)


def test_a_filed_household_without_aid_this_year():
    today = D(2025, 6, 1)
    reminder = ["王大力：2025 年尚未发放帮扶资金"]
    assert texts(FILED_STEPS, today, last_aid=D(2025, 1, 1)) == []
    assert texts(FILED_STEPS, today, last_aid=D(2024, 12, 31)) == reminder
    summary = FileSummary(1, "王大力", FILED_STEPS, today, None)
    assert [r.text for r in reminders_for([summary], today)] == reminder


def test_no_aid_this_year_is_reminded_only_after_the_first_quarter():
    reviewed = (*FILED_STEPS, Step(hp.ANNUAL_REVIEW, D(2026, 3, 20)),
                Step(hp.ANNUAL_REVIEW, D(2027, 6, 1)))  # the next review is due in June 2028
    paid_last_year = D(2027, 12, 20)
    for quiet in (D(2028, 1, 1), D(2028, 2, 29), D(2028, 3, 31)):
        assert texts(reviewed, quiet, last_aid=paid_last_year) == [], quiet
    assert texts(reviewed, D(2028, 4, 1), last_aid=paid_last_year) == [
        "王大力：2028 年尚未发放帮扶资金"]
    assert texts(reviewed, D(2027, 12, 31), last_aid=D(2026, 12, 31)) == [
        "王大力：2027 年尚未发放帮扶资金"]


def test_a_notice_that_ended_without_a_decision_and_closed_files_are_quiet():
    on_notice = FILED_STEPS[:5]
    assert texts(on_notice, D(2025, 3, 22)) == []
    assert texts(on_notice, D(2025, 3, 23)) == [
        "王大力：公示已于 2025-03-22 结束，请办理建档或不予建档"]
    closed = (*FILED_STEPS, Step(hp.WITHDRAWN, D(2025, 6, 1), note="调离"))
    assert texts(closed, D(2027, 1, 1), last_change=D(2025, 6, 1), last_aid=D(2025, 5, 1)) == []
