"""A hardship file's steps: every transition, the refused ones, and the review dates."""

import datetime as dt

import pytest

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.dates import add_months
from gonghui_desk.domain.hardship_process import Step

D = dt.date
TODAY = D(2026, 11, 21)


def through_filing():
    return [
        Step(hp.APPLY, D(2025, 3, 1), "张主席"),
        Step(hp.VISIT, D(2025, 3, 5), "李干事"),
        Step(hp.BRANCH_REVIEW, D(2025, 3, 8)),
        Step(hp.UPPER_REVIEW, D(2025, 3, 15)),
        Step(hp.NOTICE, D(2025, 3, 16), until=D(2025, 3, 22)),
        Step(hp.FILE, D(2025, 3, 23)),
    ]


def test_the_whole_process_in_order():
    steps = through_filing()
    states = [hp.state_after(steps[:n]) for n in range(1, len(steps) + 1)]
    assert states == [hp.APPLIED, hp.VISITED, hp.BRANCH_APPROVED, hp.UPPER_APPROVED,
                      hp.ON_NOTICE, hp.FILED]
    for index in range(1, len(steps)):
        assert hp.check_step(steps[index], steps[:index], TODAY) == []
    reviewed = [*steps, Step(hp.ANNUAL_REVIEW, D(2026, 3, 20))]
    assert hp.state_after(reviewed) == hp.FILED
    for closing, state in ((hp.OUT_OF_HARDSHIP, hp.CLOSED_OUT), (hp.RELIEVED, hp.CLOSED_RELIEVED),
                           (hp.WITHDRAWN, hp.CLOSED_WITHDRAWN)):
        step = Step(closing, D(2026, 6, 1), note="人均收入连续 6 个月高于低保")
        assert hp.check_step(step, reviewed, TODAY) == []
        assert hp.state_after([*reviewed, step]) == state


def keys(step, taken):
    return {p.key for p in hp.check_step(step, taken, TODAY)}


def test_a_step_out_of_order_is_refused_with_what_may_come_next():
    steps = through_filing()
    [problem] = hp.check_step(Step(hp.FILE, D(2025, 3, 9)), steps[:3], TODAY)
    assert problem.key == "kind" and "只能办理：上级审核、不予建档" in problem.message
    assert keys(Step(hp.VISIT, D(2025, 3, 2)), []) == {"kind"}
    assert keys(Step(hp.ANNUAL_REVIEW, D(2025, 3, 20)), steps[:5]) == {"kind"}
    with pytest.raises(ValueError, match="不能在“已申请”之后办理"):
        hp.state_after([steps[0], steps[2]])


def test_declining_is_possible_only_before_filing_and_needs_a_reason():
    steps = through_filing()
    for n in range(1, 6):
        assert keys(Step(hp.DECLINED, D(2025, 3, 23), note="家庭人均收入超过标准"),
                    steps[:n]) == set()
    assert keys(Step(hp.DECLINED, D(2025, 3, 23)), steps[:2]) == {"note"}
    assert keys(Step(hp.DECLINED, D(2025, 4, 1), note="x"), steps) == {"kind"}


def test_a_closed_file_takes_no_more_steps():
    closed = [*through_filing(), Step(hp.WITHDRAWN, D(2026, 1, 5), note="调离本单位")]
    [problem] = hp.check_step(Step(hp.ANNUAL_REVIEW, D(2026, 3, 1)), closed, TODAY)
    assert "已归档的档案不能再办理" in problem.message


def test_dates_cannot_run_backwards_or_into_the_future():
    steps = through_filing()
    assert keys(Step(hp.VISIT, D(2025, 2, 28)), steps[:1]) == {"day"}
    assert keys(Step(hp.VISIT, D(2025, 3, 1)), steps[:1]) == set()  # the same day is fine
    assert keys(Step(hp.APPLY, TODAY + dt.timedelta(days=1)), []) == {"day"}


def test_filing_waits_for_the_end_of_the_notice():
    steps = through_filing()
    assert keys(Step(hp.FILE, D(2025, 3, 22)), steps[:5]) == {"day"}  # the notice's last day
    assert keys(Step(hp.FILE, D(2025, 3, 23)), steps[:5]) == set()
    assert keys(Step(hp.NOTICE, D(2025, 3, 16)), steps[:4]) == {"until"}
    assert keys(Step(hp.NOTICE, D(2025, 3, 16), until=D(2025, 3, 15)), steps[:4]) == {"until"}


def test_the_yearly_review_falls_due_a_year_after_filing_or_the_last_review():
    steps = through_filing()
    assert hp.review_due(steps) == D(2026, 3, 23)
    assert hp.review_due([*steps, Step(hp.ANNUAL_REVIEW, D(2026, 3, 20))]) == D(2027, 3, 20)
    assert hp.review_due(steps[:5]) is None
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_a_notice_that_ended_without_a_decision():
    steps = through_filing()[:5]
    assert hp.notice_overdue(steps, D(2025, 3, 22)) is None  # its last day
    assert hp.notice_overdue(steps, D(2025, 3, 23)) == D(2025, 3, 22)
    assert hp.notice_overdue(through_filing(), TODAY) is None
