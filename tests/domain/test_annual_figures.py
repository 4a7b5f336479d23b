"""The yearly figures' checks and the 入会率, at their boundaries."""

from gonghui_desk.domain.annual import YearFigures, check_year_figures, membership_rate


def problems(**values):
    return {p.key: p.message for p in check_year_figures(YearFigures(year=2026, **values))}


def test_a_part_may_equal_its_whole_but_not_exceed_it():
    assert problems(staff=100, staff_female=100, staff_migrant=100, delegates=30,
                    delegates_female=30) == {}
    found = problems(staff=100, staff_female=101, delegates=30, delegates_female=31)
    assert set(found) == {"staff_female", "delegates_female"}
    assert "101 人超过了职工人数（100 人）" in found["staff_female"]


def test_counts_are_not_negative_and_the_year_is_plausible():
    assert set(problems(staff=-1)) == {"staff"}
    assert check_year_figures(YearFigures(year=1949))[0].key == "year"
    assert check_year_figures(YearFigures(year=1950)) == []
    assert check_year_figures(YearFigures(year=2101))[0].key == "year"


def test_unknown_counts_are_allowed_and_checked_only_when_both_are_known():
    assert problems(staff_female=50) == {}


def test_membership_rate_is_members_over_staff_to_one_decimal():
    assert membership_rate(853, 1000) == "85.3%"
    assert membership_rate(2, 3) == "66.7%"
    assert membership_rate(1000, 1000) == "100.0%"
    assert membership_rate(5, None) == "—"
    assert membership_rate(5, 0) == "—"
