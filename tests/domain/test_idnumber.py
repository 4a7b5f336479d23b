import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from gonghui_desk.domain.idnumber import (
    InvalidIdNumber,
    check_character,
    convert_15_to_18,
    parse_id_number,
)

TODAY = dt.date(2026, 11, 21)


def test_valid_number_gives_birth_date_and_sex():
    parsed = parse_id_number("11010519491231002X", today=TODAY)
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.gender == "女"  # order 002 is even
    assert parsed.region_code == "110105"


def test_full_width_digits_spaces_and_lowercase_x_are_accepted():
    parsed = parse_id_number(" １１０１０５ １９４９１２３１ ００２ｘ ", today=TODAY)
    assert parsed.number == "11010519491231002X"


def test_fifteen_digit_number_converts_to_eighteen_with_check_character():
    assert convert_15_to_18("110105491231002") == "11010519491231002X"
    parsed = parse_id_number("110105491231002", today=TODAY)
    assert parsed.converted_from_15
    assert parsed.number == "11010519491231002X"


def test_one_wrong_digit_is_caught_by_the_check_character():
    with pytest.raises(InvalidIdNumber, match="校验位"):
        parse_id_number("110105194912310021", today=TODAY)


def test_impossible_birth_date_is_named():
    body = "11010519490231002"
    with pytest.raises(InvalidIdNumber, match="19490231"):
        parse_id_number(body + check_character(body), today=TODAY)


def test_birth_date_after_today_is_rejected_and_today_is_accepted():
    body = "110105" + TODAY.strftime("%Y%m%d") + "002"
    assert parse_id_number(body + check_character(body), today=TODAY).birth_date == TODAY
    tomorrow = "110105" + (TODAY + dt.timedelta(days=1)).strftime("%Y%m%d") + "002"
    with pytest.raises(InvalidIdNumber, match="晚于今天"):
        parse_id_number(tomorrow + check_character(tomorrow), today=TODAY)


def test_unknown_region_is_rejected_with_the_code():
    body = "99999919800101001"
    with pytest.raises(InvalidIdNumber, match="999999"):
        parse_id_number(body + check_character(body), today=TODAY)


def test_unknown_county_in_known_province_is_rejected_not_crashing():
    body = "11019919800101001"  # Beijing has no county 0199
    with pytest.raises(InvalidIdNumber, match="110199"):
        parse_id_number(body + check_character(body), today=TODAY)


def test_hainan_code_of_someone_born_before_1988_is_accepted_though_stdnum_rejects_it():
    body = "46010019650101001"  # Hainan province was created in 1988
    number = body + check_character(body)
    assert not ric.is_valid(number)
    assert parse_id_number(number, today=TODAY).region_code == "460100"


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
def test_hong_kong_macao_taiwan_residence_permits_are_accepted(prefix):
    body = prefix + "19900101001"
    assert parse_id_number(body + check_character(body), today=TODAY).number.startswith(prefix)


@pytest.mark.parametrize("raw", ["", "1234", "11010519491231002XX", "11010519491231A02X"])
def test_wrong_length_or_letters_are_rejected(raw):
    with pytest.raises(InvalidIdNumber):
        parse_id_number(raw, today=TODAY)


@given(
    region=st.sampled_from(["110105", "330106", "440106", "460100", "810000"]),
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    order=st.integers(min_value=0, max_value=999),
)
def test_any_well_formed_number_round_trips_and_any_one_digit_slip_is_caught(region, birth, order):
    body = f"{region}{birth:%Y%m%d}{order:03d}"
    number = body + check_character(body)
    parsed = parse_id_number(number, today=TODAY)
    assert (parsed.number, parsed.birth_date) == (number, birth)
    assert parsed.gender == ("男" if order % 2 else "女")
    position = 14 + order % 3  # change one digit of the order code
    slipped = number[:position] + str((int(number[position]) + 1) % 10) + number[position + 1 :]
    with pytest.raises(InvalidIdNumber):
        parse_id_number(slipped, today=TODAY)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in text)


@given(
    region=st.sampled_from(["110105", "330106", "440106", "510122"]),
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    order=st.integers(min_value=0, max_value=999),
    spaces=st.lists(st.integers(min_value=0, max_value=18), max_size=4),
    full_width=st.booleans(),
)
def test_normalisation_accepts_how_people_type_a_number(region, birth, order, spaces, full_width):
    body = f"{region}{birth:%Y%m%d}{order:03d}"
    number = body + check_character(body)
    typed = number.lower()
    for position in sorted(spaces, reverse=True):
        typed = typed[:position] + " " + typed[position:]
    if full_width:
        typed = _full_width(typed)
    assert parse_id_number(typed, today=TODAY).number == number


@given(
    region=st.sampled_from(["110105", "330106", "440106"]),
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
    order=st.integers(min_value=0, max_value=999),
)
def test_fifteen_digit_numbers_convert_to_the_eighteen_digit_number_stdnum_accepts(
    region, birth, order
):
    old = f"{region}{birth:%y%m%d}{order:03d}"
    parsed = parse_id_number(old, today=TODAY)
    assert parsed.converted_from_15
    assert parsed.number[:6] == region and parsed.number[6:14] == f"{birth:%Y%m%d}"
    assert parsed.birth_date == birth
    # stdnum's own check character (its is_valid would also reject a county code that
    # did not exist yet in the birth year, e.g. 330106 before 1983 — DOMAIN.md §1).
    assert ric.calc_check_digit(parsed.number) == parsed.number[-1]


@given(
    region=st.sampled_from(["110105", "330106", "440106", "460100", "510122"]),
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    order=st.integers(min_value=0, max_value=999),
    check=st.sampled_from("0123456789X"),
)
def test_whatever_stdnum_accepts_we_accept_with_the_same_birth_date(region, birth, order, check):
    number = f"{region}{birth:%Y%m%d}{order:03d}{check}"
    try:
        stdnum_says = ric.is_valid(number)
    except KeyError:  # stdnum 2.2 raises for some unknown counties (DOMAIN.md §1)
        stdnum_says = False
    ours_ok = True
    try:
        parsed = parse_id_number(number, today=TODAY)
    except InvalidIdNumber:
        ours_ok = False
    if stdnum_says:
        assert ours_ok and parsed.birth_date == ric.get_birth_date(number)
    # The check character alone decides between the two for a known region.
    assert ours_ok == (check == check_character(number[:17]))
