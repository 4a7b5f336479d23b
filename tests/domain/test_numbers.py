from gonghui_desk.domain.numbers import format_count, grouped_count


def test_counts_carry_thousands_separators():
    assert format_count(0) == "0"
    assert format_count(999) == "999"
    assert format_count(1000) == "1,000"
    assert format_count(91232) == "91,232"
    assert format_count(1234567) == "1,234,567"


def test_the_count_in_a_translated_sentence_is_grouped_alone():
    assert grouped_count("共 91232 人", 91232) == "共 91,232 人"
    assert grouped_count("91232 people", 91232) == "91,232 people"
    assert grouped_count("共 12 人", 12) == "共 12 人"
    # Digits inside a longer number are left alone.
    assert grouped_count("2026 年共 1200 人", 1200) == "2026 年共 1,200 人"
    assert grouped_count("编号 51200：共 1200 人", 1200) == "编号 51200：共 1,200 人"
