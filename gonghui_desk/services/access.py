"""Optional password to open the app, and the idle lock; kept with the data.

The password is stored only as a salted PBKDF2-SHA256 hash. It keeps a curious colleague
at the office PC out of the window; it does not encrypt the file (the note under 设置 says so).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.orm import Session

from gonghui_desk.db.models import AppSetting
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.operations import Tx

ITERATIONS = 240_000
MIN_LENGTH = 6
HASH_KEY = "access.password"
IDLE_KEY = "access.idle_minutes"
SET_PASSWORD = "更改密码"
SET_IDLE_MINUTES = "保存自动锁定时间"


def _hash(password: str, salt: bytes, iterations: int = ITERATIONS) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _stored_in(session: Session, key: str) -> str | None:
    row = session.get(AppSetting, key)
    return row.value if row else None


def _stored(sessions: SessionFactory, key: str) -> str | None:
    with session_scope(sessions) as session:
        return _stored_in(session, key)


def _store(tx: Tx, key: str, value: str | None) -> None:
    row = tx.session.get(AppSetting, key)
    if value is None:
        if row is not None:
            tx.session.delete(row)
    elif row is None:
        tx.session.add(AppSetting(key=key, value=value))
    else:
        row.value = value


def has_password(sessions: SessionFactory) -> bool:
    return bool(_stored(sessions, HASH_KEY))


def _matches(stored: str | None, password: str) -> bool:
    if not stored:
        return True
    _, iterations, salt, _ = stored.split("$")
    candidate = _hash(password, bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(candidate, stored)


def check_password(sessions: SessionFactory, password: str) -> bool:
    return _matches(_stored(sessions, HASH_KEY), password)


def set_password(tx: Tx, current: str, new: str, repeated: str) -> None:
    """Set, change (``new`` non-empty) or remove (``new`` empty) the password."""
    # Checked in the writing transaction, so the password changed is the one just checked.
    if not _matches(_stored_in(tx.session, HASH_KEY), current):
        raise UserError("当前密码不正确，密码没有更改。")
    if new != repeated:
        raise ValidationError([FieldProblem("确认新密码", "两次输入的新密码不一致。")])
    if new and len(new) < MIN_LENGTH:
        raise ValidationError(
            [FieldProblem("新密码", f"至少 {MIN_LENGTH} 个字符；留空表示取消密码。")]
        )
    _store(tx, HASH_KEY, _hash(new, secrets.token_bytes(16)) if new else None)


def idle_minutes(sessions: SessionFactory) -> int:
    """Minutes without use before the window locks; 0 means never."""
    value = _stored(sessions, IDLE_KEY)
    return int(value) if value else 0


def set_idle_minutes(tx: Tx, minutes: int) -> None:
    if not 0 <= minutes <= 240:
        raise ValidationError([FieldProblem("自动锁定", "应在 0（不锁定）到 240 分钟之间。")])
    _store(tx, IDLE_KEY, str(minutes))
