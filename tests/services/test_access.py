import pytest

from gonghui_desk.db.models import AppSetting
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import access
from tests.factories import write


def test_no_password_until_one_is_set(db):
    assert not access.has_password(db.sessions)
    assert access.check_password(db.sessions, "")


def test_password_is_stored_only_as_a_salted_hash(db):
    write(db, access.set_password, "", "工会2026abc", "工会2026abc")
    assert access.has_password(db.sessions)
    assert access.check_password(db.sessions, "工会2026abc")
    assert not access.check_password(db.sessions, "工会2026abd")
    with db.session() as session:
        stored = session.get(AppSetting, access.HASH_KEY).value
    assert "工会2026abc" not in stored and stored.startswith("pbkdf2_sha256$")


def test_changing_needs_the_current_password_and_a_matching_repeat(db):
    write(db, access.set_password, "", "secret1", "secret1")
    with pytest.raises(UserError, match="当前密码不正确"):
        write(db, access.set_password, "wrong!", "secret2", "secret2")
    with pytest.raises(ValidationError, match="不一致"):
        write(db, access.set_password, "secret1", "secret2", "secret3")
    with pytest.raises(ValidationError, match="至少 6 个字符"):
        write(db, access.set_password, "secret1", "12345", "12345")
    assert access.check_password(db.sessions, "secret1")
    write(db, access.set_password, "secret1", "", "")  # removed
    assert not access.has_password(db.sessions)


def test_idle_minutes_boundaries(db):
    assert access.idle_minutes(db.sessions) == 0
    write(db, access.set_idle_minutes, 240)
    assert access.idle_minutes(db.sessions) == 240
    with pytest.raises(ValidationError):
        write(db, access.set_idle_minutes, 241)
