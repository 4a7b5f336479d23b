"""A day read as it was typed: every common way of writing it, and nothing guessed."""

import datetime as dt

import pytest

from gonghui_desk.domain.dates import UnreadableDate, parse_typed_date

NEW_YEAR_1990 = dt.date(1990, 1, 1)


@pytest.mark.parametrize("text", [
    "19900101", "1990-01-01", "1990-1-1", "1990/1/1", "1990/01/01", "1990.1.1", "1990.01.01",
    "1990年1月1日", "1990年01月01日", "1990年1月1号", "1990年1月1", "1990 年 1 月 1 日",
    "  1990-01-01  ", "\t1990/1/1\n", "　1990-01-01　",  # ideographic spaces around
    "１９９００１０１", "１９９０－０１－０１", "１９９０年１月１日", "1990／1／1", "1990．1．1",
])
def test_each_way_of_writing_new_year_1990(text):
    assert parse_typed_date(text) == NEW_YEAR_1990


@pytest.mark.parametrize("text", ["", "   ", "　"])
def test_nothing_typed_is_no_date(text):
    assert parse_typed_date(text) is None


@pytest.mark.parametrize("text, day", [
    ("20000229", dt.date(2000, 2, 29)),  # divisible by 400: a leap year
    ("2024-2-29", dt.date(2024, 2, 29)),
    ("2023-2-28", dt.date(2023, 2, 28)),
    ("1990-12-31", dt.date(1990, 12, 31)),
    ("1990年1月31日", dt.date(1990, 1, 31)),
    ("1990-4-30", dt.date(1990, 4, 30)),
])
def test_the_last_day_of_a_month_is_read(text, day):
    assert parse_typed_date(text) == day


@pytest.mark.parametrize("text, why", [
    ("2023-02-29", "2023 年 2 月只有 28 天"),
    ("19000229", "1900 年 2 月只有 28 天"),  # divisible by 100, not 400: no 29 February
    ("2024-2-30", "2024 年 2 月只有 29 天"),
    ("1990-4-31", "1990 年 4 月只有 30 天"),
    ("19901301", "月份应为 1–12"),
    ("1990-13-1", "月份应为 1–12"),
    ("1990-0-1", "月份应为 1–12"),
    ("1990-01-00", "日应为 1–31"),
    ("1990年2月30日", "1990 年 2 月只有 28 天"),
    ("90-1-1", "年份请写满四位"),  # never guessed as 1990 or 2090
    ("900101", "应为年、月、日三部分"),
    ("1990-001-01", "月、日最多两位"),
    ("2028", "应为年、月、日三部分"),
    ("1990-01", "应为年、月、日三部分"),
    ("1990-1/1", "应为年、月、日三部分"),  # one separator throughout
    ("2月30日", "应为年、月、日三部分"),
    ("1990-01-01x", "应为年、月、日三部分"),
    ("0000-01-01", "没有这一年"),
])
def test_what_cannot_be_one_day_is_refused_saying_why(text, why):
    with pytest.raises(UnreadableDate) as refused:
        parse_typed_date(text)
    assert refused.value.message == f"无法识别的日期：{text}（{why}）。请按 1990-01-01 填写。"
    assert isinstance(refused.value, ValueError)


def test_a_field_bounds_the_days_it_takes():
    earliest, latest = dt.date(2020, 1, 1), dt.date(2026, 12, 2)
    assert parse_typed_date("2020-01-01", earliest=earliest, latest=latest) == earliest
    assert parse_typed_date("20261202", earliest=earliest, latest=latest) == latest
    with pytest.raises(UnreadableDate, match="2026-12-03 晚于可填的最晚日期 2026-12-02"):
        parse_typed_date("2026-12-03", earliest=earliest, latest=latest)
    with pytest.raises(UnreadableDate, match="2019-12-31 早于可填的最早日期 2020-01-01"):
        parse_typed_date("2019年12月31日", earliest=earliest, latest=latest)


def test_digits_of_other_scripts_are_not_taken_for_a_day():
    with pytest.raises(UnreadableDate):
        parse_typed_date("١٩٩٠-٠١-٠١")  # Arabic-Indic digits
