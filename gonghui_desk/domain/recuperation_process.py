"""An application's way through (疗休养申请): each step dated, with who took it.

申请 → 部门审核 → 工会审批 → 安排 (a place on the trip) or 候补 (the waiting list) → 确认
(the person confirms they will go) → 完成. A place given up (放弃) or taken away (取消) is
offered to the first on the waiting list (递补), who then confirms or gives it up in turn.
The state is never typed in: it follows from the steps, and a step that cannot follow
the state before it is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gonghui_desk.domain.codes import CodeList

APPLY, DEPT_REVIEW, UNION_APPROVAL, ARRANGE, WAITLIST, OFFER, CONFIRM, COMPLETE = (
    "申请", "部门审核", "工会审批", "安排", "候补", "递补", "确认", "完成",
)
CANCEL, DECLINE = "取消", "放弃"
STEPS = CodeList("办理环节", (APPLY, DEPT_REVIEW, UNION_APPROVAL, ARRANGE, WAITLIST, OFFER,
                             CONFIRM, COMPLETE, CANCEL, DECLINE))

NONE = "未申请"
APPLIED, DEPT_APPROVED, APPROVED, ARRANGED, WAITING, DONE = (
    "已申请", "部门已审核", "工会已审批", "已安排", "候补中", "已完成",
)
CANCELLED, DECLINED = "已取消", "已放弃"
STATES = CodeList("申请状态", (APPLIED, DEPT_APPROVED, APPROVED, WAITING, ARRANGED, DONE,
                              CANCELLED, DECLINED))
CLOSED = frozenset({DONE, CANCELLED, DECLINED})
OPEN = frozenset(STATES.values) - CLOSED
# Holding a place: counts against the trip, the department and the year's quota.
HOLDING = frozenset({ARRANGED, DONE})

_AFTER = {
    APPLY: APPLIED, DEPT_REVIEW: DEPT_APPROVED, UNION_APPROVAL: APPROVED, ARRANGE: ARRANGED,
    WAITLIST: WAITING, OFFER: ARRANGED, CONFIRM: ARRANGED, COMPLETE: DONE,
    CANCEL: CANCELLED, DECLINE: DECLINED,
}
_FROM = {
    APPLY: {NONE}, DEPT_REVIEW: {APPLIED}, UNION_APPROVAL: {DEPT_APPROVED},
    ARRANGE: {APPROVED, WAITING}, WAITLIST: {APPROVED}, OFFER: {WAITING},
    CONFIRM: {ARRANGED}, COMPLETE: {ARRANGED}, CANCEL: set(OPEN), DECLINE: set(OPEN),
}
REASON_REQUIRED = frozenset({CANCEL, DECLINE})


@dataclass(frozen=True)
class Step:
    kind: str
    day: dt.date
    by: str = ""
    note: str = ""


def state_after(steps: Iterable[Step]) -> str:
    """The state after ``steps`` in the order taken; ``ValueError`` names the first step
    that cannot follow the one before."""
    state = NONE
    confirmed = False
    for step in steps:
        if step.kind not in _AFTER:
            raise ValueError(f"未知的办理环节“{step.kind}”")
        if state not in _FROM[step.kind]:
            raise ValueError(f"{step.day:%Y-%m-%d} 的“{step.kind}”不能在“{state}”之后办理")
        if step.kind == CONFIRM and confirmed:
            raise ValueError(f"{step.day:%Y-%m-%d} 的“确认”重复了：本人已确认参加")
        confirmed = step.kind == CONFIRM or (confirmed and step.kind != OFFER)
        state = _AFTER[step.kind]
    return state


def is_confirmed(steps: Iterable[Step]) -> bool:
    """Whether the person has confirmed the place they hold now."""
    confirmed = False
    for step in steps:
        if step.kind == CONFIRM:
            confirmed = True
        elif step.kind in (ARRANGE, OFFER):
            confirmed = False
    return confirmed


def next_steps(state: str, confirmed: bool = False) -> tuple[str, ...]:
    """The steps that may follow ``state``, in the order of the process."""
    found = tuple(k for k in STEPS.values if state in _FROM[k])
    if confirmed:
        found = tuple(k for k in found if k != CONFIRM)
    return found
