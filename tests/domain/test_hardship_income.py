"""The income test at 1 × and 2 × 低保 and just either side, with its arithmetic."""

from decimal import Decimal as D

import pytest

from gonghui_desk.domain.hardship import (
    DEEP,
    RELATIVE,
    IncomeTest,
    check_override,
    suggest_category,
)

DIBAO = D("1000")  # 元/人·月


def household(net_per_month_per_person, size=3, expenses=D("6000")):
    """A household whose per-capita income is exactly the figure given."""
    income = D(net_per_month_per_person) * 12 * size + expenses
    return IncomeTest(income, expenses, size, DIBAO)


@pytest.mark.parametrize("per_capita, category", [
    ("999.99", DEEP),
    ("1000.00", RELATIVE),  # exactly 1 × 低保 is not below it
    ("1000.01", RELATIVE),
    ("1999.99", RELATIVE),
    ("2000.00", None),  # exactly 2 × 低保 is not below it
    ("2000.01", None),
    ("0", DEEP),
])
def test_category_at_and_either_side_of_the_lines(per_capita, category):
    suggestion = suggest_category(household(per_capita))
    assert suggestion.category == category
    assert suggestion.per_capita == D(per_capita)


def test_rounding_never_pushes_a_household_across_the_line():
    # 35,999.99 元 for 3 people is 999.9997… a month: shown as 1,000.00, yet below 低保.
    just_below = IncomeTest(D("35999.99"), D(0), 3, DIBAO)
    suggestion = suggest_category(just_below)
    assert suggestion.per_capita == D("1000.00") and suggestion.category == DEEP


def test_the_arithmetic_is_spelled_out():
    suggestion = suggest_category(IncomeTest(D("48000"), D("6000"), 3, DIBAO))
    assert suggestion.arithmetic == (
        "（家庭年度总收入 48,000.00 元 − 刚性支出 6,000.00 元）÷ 12 个月 ÷ 3 人 = "
        "1,166.67 元/人·月；低保标准 1,000.00 元/人·月，不低于 1,000.00 元、低于低保标准的 "
        "2 倍（2,000.00 元），建议：相对困难。"
    )


def test_multiples_are_settings():
    figures = IncomeTest(D("48000"), D("6000"), 3, DIBAO, relative_multiple=D("1.5"))
    suggestion = suggest_category(figures)
    assert suggestion.category == RELATIVE and "的 1.5 倍（1,500.00 元）" in suggestion.arithmetic
    assert suggest_category(IncomeTest(D("60000"), D(0), 3, DIBAO,
                                       relative_multiple=D("1.5"))).category is None


def test_impossible_figures_are_named():
    keys = {p.key for p in IncomeTest(D(-1), D(-1), 0, D(0)).problems()}
    assert keys == {"household_size", "annual_income", "rigid_expenses", "dibao"}
    assert IncomeTest(D(0), D(0), 1, DIBAO).problems() == []


def test_overriding_the_suggestion_needs_a_reason():
    assert check_override(RELATIVE, RELATIVE, "") == []
    [problem] = check_override(RELATIVE, DEEP, "  ")
    assert problem.key == "override_reason" and "深度困难" in problem.message
    assert check_override(None, DEEP, "患重病，医疗支出大") == []
