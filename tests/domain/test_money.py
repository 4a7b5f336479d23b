"""Fen ⇄ yuan at the edges (0, 1 fen, half a fen, negatives, big sums) and how amounts read."""

from decimal import Decimal as D

import pytest

from gonghui_desk.domain.money import cents, to_fen, to_yuan, yuan_text


@pytest.mark.parametrize("yuan, fen", [
    ("0", 0),
    ("0.01", 1),
    ("0.004", 0),
    ("0.005", 1),  # half a fen rounds up, as a cashier rounds
    ("0.015", 2),
    ("1234.5", 123450),
    ("99999999999.99", 9999999999999),
    ("-0.005", -1),  # rounded away from zero; refusing negatives is each rule's business
    ("-12.34", -1234),
])
def test_yuan_to_fen(yuan, fen):
    assert to_fen(D(yuan)) == fen


@pytest.mark.parametrize("fen", [0, 1, -1, 99, 100, 123450, 9999999999999])
def test_fen_back_to_yuan_is_exact(fen):
    assert to_fen(to_yuan(fen)) == fen
    assert to_yuan(fen) == D(fen) / 100


def test_to_yuan_keeps_the_fen():
    assert to_yuan(1) == D("0.01")
    assert to_yuan(123450) == D("1234.50")


def test_cents_rounds_half_up():
    assert cents(D("0.005")) == D("0.01")
    assert cents(D("2.344")) == D("2.34")
    assert str(cents(D("7"))) == "7.00"


@pytest.mark.parametrize("amount, text", [
    ("0", "0.00 元"),
    ("0.01", "0.01 元"),
    ("0.005", "0.01 元"),
    ("1234.5", "1,234.50 元"),
    ("-1234.5", "-1,234.50 元"),
    ("1E+3", "1,000.00 元"),
    ("12345678901.99", "12,345,678,901.99 元"),
])
def test_yuan_text_as_forms_show_it(amount, text):
    assert yuan_text(D(amount)) == text


def test_nothing_given_reads_as_an_empty_cell():
    assert yuan_text(None) == ""
    assert yuan_text(None, unit="元/月") == ""


def test_unit_can_be_another_or_none():
    assert yuan_text(D("2590"), unit="元/月") == "2,590.00 元/月"
    assert yuan_text(D("12345.6"), unit="") == "12,345.60"


def test_typed_form_has_no_separators():
    assert yuan_text(D("1234.5"), unit="", grouping=False) == "1234.50"
    assert yuan_text(D("0"), unit="", grouping=False) == "0.00"


def test_whole_yuan_for_a_narrow_column():
    assert yuan_text(D("1234.49"), unit="", decimals=0) == "1,234"
    assert yuan_text(D("1234.50"), unit="", decimals=0) == "1,235"
    assert yuan_text(D("0"), unit="", decimals=0) == "0"


def test_caps_quoted_without_zero_fen():
    assert yuan_text(D("500.00"), unit="", decimals=None) == "500"
    assert yuan_text(D("3000"), decimals=None) == "3,000 元"
    assert yuan_text(D("480.5"), unit="", decimals=None) == "480.50"
    assert yuan_text(D("0.004"), unit="", decimals=None) == "0"
