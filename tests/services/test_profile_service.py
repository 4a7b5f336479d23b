import pytest

from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import ValidationError
from gonghui_desk.services.profile import load_profile, save_profile
from tests.factories import write


def test_a_new_database_has_an_empty_profile(db):
    assert load_profile(db.sessions) == BranchProfile()


def test_saved_profile_reads_back_cleaned(db):
    write(
        db, save_profile,
        BranchProfile(union_name=" 某某工会 ", unit_nature="私营", contact_phone="138 1234 5678"),
    )
    profile = load_profile(db.sessions)
    assert profile.union_name == "某某工会"
    assert profile.unit_nature == "私营"
    assert profile.contact_phone == "13812345678"


def test_a_rejected_profile_writes_nothing_and_names_every_field(db):
    write(db, save_profile, BranchProfile(union_name="原工会"))
    with pytest.raises(ValidationError) as caught:
        write(
            db, save_profile,
            BranchProfile(union_name="新工会", region_code="12", contact_phone="abc"),
        )
    assert {p.field for p in caught.value.problems} == {"行政区划代码", "联系电话"}
    assert "未作任何保存" in caught.value.message
    assert load_profile(db.sessions).union_name == "原工会"
