"""Membership history (会籍): events and the status they lead to.

Status is never typed in; it follows from the dated events (DOMAIN.md §1). Reserved
members (保留, e.g. after retirement) still count as members but pay no dues and cannot
vote or stand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, CodeList
from gonghui_desk.errors import FieldProblem

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


# Events after which a person is a member (reserved members count: DOMAIN.md §1).
MEMBER_KINDS = frozenset(k for k, s in _STATUS_AFTER.items() if s in MEMBER_STATUSES)
# Leaving events must say why (会籍变化原因).
REASON_REQUIRED = frozenset({TRANSFER_OUT, EXPEL, WITHDRAW})


def kinds_allowed_after(status: str) -> tuple[str, ...]:
    """The events that may follow ``status``, in code-list order (for a dropdown)."""
    return tuple(k for k in EVENT_KINDS.values if status in _ALLOWED_FROM[k])


@dataclass(frozen=True, slots=True)
class EventDraft:
    """A membership change as typed in the membership-change dialog."""

    kind: str
    effective_date: dt.date | None
    reason: str = ""
    counterpart_union: str = ""
    handled_by: str = ""


EVENT_LABELS = {
    "kind": "会籍变化类型",
    "effective_date": "会籍变化日期",
    "reason": "会籍变化原因",
    "counterpart_union": "对方工会",
    "handled_by": "经办人",
}


def check_event(
    draft: EventDraft,
    history: Iterable[tuple[dt.date, str]],
    *,
    birth_date: dt.date | None,
    today: dt.date,
) -> list[FieldProblem]:
    """What is wrong with adding ``draft`` after the member's ``history``."""
    problems: list[FieldProblem] = []

    def bad(key: str, message: str) -> None:
        problems.append(FieldProblem(EVENT_LABELS[key], message, key))

    if draft.kind not in EVENT_KINDS:
        bad("kind", f"“{draft.kind}”不在会籍变化类型列表中。")
        return problems
    day = draft.effective_date
    if day is None:
        bad("effective_date", "必须填写。")
        return problems
    if day > today:
        bad("effective_date", "不能晚于今天：会籍变化在办理之日登记。")
    if birth_date is not None and day < birth_date:
        bad("effective_date", "早于出生日期，请核对。")
    if draft.reason and draft.reason not in MEMBERSHIP_CHANGE_REASON:
        bad("reason", f"“{draft.reason}”不在会籍变化原因列表中，请从下拉列表中选择。")
    if draft.kind in REASON_REQUIRED and not draft.reason:
        bad("reason", f"办理“{draft.kind}”时必须选择原因。")
    if draft.kind == TRANSFER_IN and not draft.counterpart_union.strip():
        bad("counterpart_union", "转入时请填写转出的原工会名称。")
    for key, limit in (("counterpart_union", 100), ("handled_by", 50)):
        if len(getattr(draft, key)) > limit:
            bad(key, f"最多 {limit} 个字。")
    if not problems:
        try:
            status_after([*history, (day, draft.kind)])
        except ValueError as exc:
            bad("kind", f"{exc}。请核对日期，或先办理其间的会籍变化。")
    return problems
