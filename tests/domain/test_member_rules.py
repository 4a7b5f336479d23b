import datetime as dt
from dataclasses import replace

import pytest

from gonghui_desk.domain.member import (
    MemberData,
    age_on,
    birth_dates_for_ages,
    clean_member,
)

TODAY = dt.date(2026, 11, 21)
VALID = MemberData(
    name=" 张三 ", id_number="110105199003070017", phone="138 1234-5678",
    join_date=dt.date(2015, 6, 1),
)


def keys(check):
    return {p.key for p in check.problems}


def test_valid_id_fills_birth_date_and_sex_and_phone_is_normalised():
    check = clean_member(VALID, TODAY)
    assert check.problems == ()
    assert check.data.name == "张三"
    assert check.data.birth_date == dt.date(1990, 3, 7)
    assert check.data.gender == "男"
    assert check.data.phone == "13812345678"


def test_conflicts_with_what_was_typed_are_flagged_on_the_typed_field():
    check = clean_member(
        replace(VALID, gender="女", birth_date=dt.date(1990, 3, 8)),
        TODAY,
    )
    assert keys(check) == {"gender", "birth_date"}
    message = {p.key: p.message for p in check.problems}
    assert "1990-03-07" in message["birth_date"]


def test_fifteen_digit_number_is_converted_with_a_notice():
    check = clean_member(
        replace(VALID, **{"id_number": "110105491231002"}), TODAY
    )
    assert check.data.id_number == "11010519491231002X"
    assert any("转换为 18 位" in n for n in check.notices)


def test_other_documents_skip_the_id_rules_but_need_a_birth_date_and_sex():
    passport = MemberData(
        name="Anna Li", id_type="护照", id_number="e 1234 5678", join_date=dt.date(2020, 1, 1)
    )
    check = clean_member(passport, TODAY)
    assert check.data.id_number == "E12345678"
    assert keys(check) == {"gender", "birth_date"}
    ok = clean_member(
        replace(passport, **{"gender": "女", "birth_date": dt.date(1990, 1, 1)}),
        TODAY,
    )
    assert ok.problems == ()


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("name", "", "name"),
        # the number is the one thing to fix: the sex follows from it once it is right
        ("id_number", "", "id_number"),
        ("id_number", "110105199003070018", "id_number"),  # check character
        ("phone", "1381234567", "phone"),  # ten digits
        ("phone", "0571-88888888", "phone"),  # a landline is not a mobile
        ("education", "大学", "education"),
        ("card_number", "卡123", "card_number"),
        ("join_date", None, "join_date"),
        ("join_date", dt.date(2026, 11, 22), "join_date"),  # tomorrow
        ("join_date", dt.date(2006, 3, 6), "join_date"),  # one day before turning 16
    ],
)
def test_each_wrong_value_is_named_by_its_field(field, value, key):
    check = clean_member(replace(VALID, **{field: value}), TODAY)
    assert keys(check) == (key if isinstance(key, set) else {key})
    assert all(p.field for p in check.problems)


def test_joining_on_the_sixteenth_birthday_is_allowed():
    check = clean_member(replace(VALID, **{"join_date": dt.date(2006, 3, 7)}), TODAY)
    assert check.problems == ()


def test_missing_mobile_is_a_notice_not_an_error():
    check = clean_member(replace(VALID, **{"phone": ""}), TODAY)
    assert check.problems == ()
    assert any("移动电话" in n for n in check.notices)


def test_age_and_birth_date_range_at_the_birthday_boundary():
    assert age_on(dt.date(1990, 11, 21), TODAY) == 36
    assert age_on(dt.date(1990, 11, 22), TODAY) == 35
    earliest, latest = birth_dates_for_ages(30, 40, TODAY)
    assert latest == dt.date(1996, 11, 21)  # 30 today
    assert earliest == dt.date(1985, 11, 22)  # 40 until tomorrow
    assert age_on(earliest, TODAY) == 40
    assert age_on(earliest - dt.timedelta(days=1), TODAY) == 41
    assert birth_dates_for_ages(None, None, TODAY) == (None, None)
