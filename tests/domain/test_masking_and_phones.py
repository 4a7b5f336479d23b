from gonghui_desk.domain.contact import normalise_mobile, normalise_phone
from gonghui_desk.domain.masking import mask_by_shape, mask_id_number, mask_phone


def test_id_number_keeps_region_and_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_id_number("") == ""


def test_phone_keeps_first_three_and_last_four():
    assert mask_phone("13812345678") == "138****5678"


def test_mobile_tolerates_spaces_dashes_full_width_and_country_code():
    assert normalise_mobile("138 1234-5678") == "13812345678"
    assert normalise_mobile("１３８１２３４５６７８") == "13812345678"
    assert normalise_mobile("+86 138 1234 5678") == "13812345678"
    assert normalise_mobile("12812345678") is None  # no mainland mobile starts with 12
    assert normalise_mobile("1381234567") is None


def test_landline_needs_an_area_code():
    assert normalise_phone("0571-88886204") == "057188886204"
    assert normalise_phone("88886204") is None


def test_bank_accounts_keep_the_bank_and_the_last_four():
    from gonghui_desk.domain.masking import mask_bank_account

    assert mask_bank_account("6222 0212 3456 7890 123") == "6222 **** **** 0123"
    assert mask_bank_account("12345678") == "********"
    assert mask_bank_account("") == "" and mask_bank_account(None) == ""


def test_a_cell_of_unknown_meaning_is_masked_by_its_shape():
    assert mask_by_shape("110105199003070017") == "110105********0017"
    assert mask_by_shape("11010519900307001x") == "110105********001x"
    assert mask_by_shape("110105900307001") == "110105*****7001"
    assert mask_by_shape(" 13812345678 ") == "138****5678"
    assert mask_by_shape("6222021234567890123") == "6222 **** **** 0123"
    for text in ("张三", "2020/03/05", "1381234567", "23812345678", "装配车间 3 班", ""):
        assert mask_by_shape(text) == text
