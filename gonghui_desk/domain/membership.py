"""Membership history (会籍): events and the status they lead to.

Status is never typed in; it follows from the dated events (DOMAIN.md §1). Reserved
members (保留, e.g. after retirement) still count as members but pay no dues and cannot
vote or stand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from gonghui_desk.domain.codes import CodeList

JOIN = "入会"
TRANSFER_IN = "转入"
RESERVE = "保留"
RESTORE = "恢复"
TRANSFER_OUT = "转出"
EXPEL = "除名"
WITHDRAW = "退会"

EVENT_KINDS = CodeList(
    "会籍变化类型", (JOIN, TRANSFER_IN, RESERVE, RESTORE, TRANSFER_OUT, EXPEL, WITHDRAW)
)

ACTIVE = "在册"
RESERVED = "保留会籍"
TRANSFERRED_OUT = "已转出"
EXPELLED = "已除名"
WITHDRAWN = "已退会"
NOT_YET = "未入会"

STATUSES = CodeList(
    "会籍状态", (ACTIVE, RESERVED, TRANSFERRED_OUT, EXPELLED, WITHDRAWN, NOT_YET)
)
MEMBER_STATUSES = frozenset({ACTIVE, RESERVED})

_STATUS_AFTER = {
    JOIN: ACTIVE,
    TRANSFER_IN: ACTIVE,
    RESTORE: ACTIVE,
    RESERVE: RESERVED,
    TRANSFER_OUT: TRANSFERRED_OUT,
    EXPEL: EXPELLED,
    WITHDRAW: WITHDRAWN,
}

# Which status an event may follow; anything else is an impossible history.
_ALLOWED_FROM = {
    JOIN: {NOT_YET, TRANSFERRED_OUT, WITHDRAWN, EXPELLED},
    TRANSFER_IN: {NOT_YET, TRANSFERRED_OUT, WITHDRAWN},
    RESERVE: {ACTIVE},
    RESTORE: {RESERVED},
    TRANSFER_OUT: {ACTIVE, RESERVED},
    EXPEL: {ACTIVE, RESERVED},
    WITHDRAW: {ACTIVE, RESERVED},
}


def status_after(events: Iterable[tuple[dt.date, str]], as_of: dt.date | None = None) -> str:
    """Status after the events (optionally only those effective on or before ``as_of``).

    Events are taken in date order; on the same date they keep the order given.
    Raises ``ValueError`` naming the first event that cannot follow the one before.
    """
    status = NOT_YET
    for day, kind in sorted(events, key=lambda e: e[0]):
        if as_of is not None and day > as_of:
            break
        if kind not in _STATUS_AFTER:
            raise ValueError(f"未知的会籍变化类型“{kind}”")
        if status not in _ALLOWED_FROM[kind]:
            raise ValueError(f"{day:%Y-%m-%d} 的“{kind}”不能发生在“{status}”之后")
        status = _STATUS_AFTER[kind]
    return status
