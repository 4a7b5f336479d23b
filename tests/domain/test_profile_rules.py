from gonghui_desk.domain.profile import BranchProfile, clean_profile


def problems_of(**values):
    return {p.field: p.message for p in clean_profile(BranchProfile(**values))[1]}


def test_union_name_is_required():
    assert "工会名称" in problems_of()
    assert "工会名称" not in problems_of(union_name="某某公司工会委员会")


def test_values_are_trimmed_and_phone_normalised():
    cleaned, problems = clean_profile(
        BranchProfile(union_name="  某某工会 ", contact_phone="0571-8888 6204")
    )
    assert problems == []
    assert cleaned.union_name == "某某工会"
    assert cleaned.contact_phone == "057188886204"


def test_region_code_must_have_6_9_or_12_digits():
    for good in ("330106", "330106001", "330106001001"):
        assert "行政区划代码" not in problems_of(union_name="x", region_code=good)
    for bad in ("33010", "3301060", "33010A"):
        assert "行政区划代码" in problems_of(union_name="x", region_code=bad)


def test_code_list_values_outside_the_list_are_named():
    message = problems_of(union_name="x", unit_nature="个体户")["单位性质"]
    assert "个体户" in message


def test_wrong_phone_and_overlong_name_are_reported_together():
    problems = problems_of(union_name="工" * 101, contact_phone="12345")
    assert set(problems) == {"工会名称", "联系电话"}
    assert "101" in problems["工会名称"]


def test_the_officers_are_the_chair_and_the_contact_once_each_in_that_order():
    from gonghui_desk.domain.profile import officers

    assert officers(BranchProfile(chair=" 王建国 ", contact_person="李芳")) == ["王建国", "李芳"]
    assert officers(BranchProfile(chair="王建国", contact_person="王建国")) == ["王建国"]
    assert officers(BranchProfile(contact_person="李芳")) == ["李芳"]
    assert officers(BranchProfile()) == []
