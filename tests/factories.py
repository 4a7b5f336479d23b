"""Plain factory functions for test data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from gonghui_desk.db.database import Database
from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.pinyin import pinyin_keys

T = TypeVar("T")


def make_member(session: Session, **overrides: Any) -> Member:
    """A current member who joined on 2020-03-05, unless told otherwise."""
    joined = overrides.pop("join_date", dt.date(2020, 3, 5))
    events = overrides.pop("events", [(ms.JOIN, joined)])
    values: dict[str, Any] = {
        "name": "张三",
        "gender": "男",
        "birth_date": dt.date(1990, 3, 7),
        "id_number": "110105199003070017",
        "phone": "13812345678",
        "department": "装配车间",
        "join_date": joined,
    }
    values.update(overrides)
    keys = pinyin_keys(values["name"])
    values.setdefault("pinyin_initials", keys.initials)
    values.setdefault("pinyin_full", keys.full)
    member = Member(**values)
    member.events = [MembershipEvent(kind=k, effective_date=d) for k, d in events]
    member.status = ms.status_after([(d, k) for k, d in events])
    session.add(member)
    session.flush()
    return member


def write(db: Database, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run the write ``fn(tx, *args, **kwargs)`` as one operation on ``db``; its value."""
    from gonghui_desk.services.operations import run_once

    return run_once(db, fn.__name__, lambda tx: fn(tx, *args, **kwargs))
