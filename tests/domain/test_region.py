"""Region codes read as place names."""

from gonghui_desk.domain.region import region_label, region_name


def test_a_district_reads_province_city_and_district() -> None:
    assert region_name("330106") == "浙江省杭州市西湖区"
    assert region_label("330106") == "杭州市西湖区（330106）"


def test_a_city_a_province_and_a_municipality() -> None:
    assert region_name("330100") == "浙江省杭州市"
    assert region_label("330000") == "浙江省（330000）"
    assert region_name("110101") == "北京市东城区"  # 市辖区 is no place
    assert region_label("110101") == "东城区（110101）"


def test_the_newest_name_of_a_renamed_district() -> None:
    assert region_name("500101") == "重庆市万州区"


def test_a_township_code_reads_its_county_and_unknown_codes_stay_codes() -> None:
    assert region_label("330106001") == "杭州市西湖区（330106001）"
    assert region_label("999999") == "999999"
    assert region_label("") == ""
    assert region_name("abc") == ""
