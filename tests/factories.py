"""Plain factory functions for test data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.pinyin import pinyin_keys


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
