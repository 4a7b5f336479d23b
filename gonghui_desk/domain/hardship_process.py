"""A hardship file's life (DOMAIN.md §2): each step dated, with who took it.

申请 → 入户核查 → 本单位审核 → 上级审核 → 公示 (start and end) → 建档 → 年度复核 (each
year) → 脱困 / 解困 / 退出. Before 建档 a file may be turned down (不予建档). The state is
never typed in: it follows from the steps, like a member's status from their events, and
a step that cannot follow the state before it is refused with the reason. A closed file
stays readable and is kept (files are kept 10 years after closing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.dates import add_months
from gonghui_desk.errors import FieldProblem

APPLY, VISIT, BRANCH_REVIEW, UPPER_REVIEW, NOTICE, FILE, ANNUAL_REVIEW = (
    "申请", "入户核查", "本单位审核", "上级审核", "公示", "建档", "年度复核",
)
OUT_OF_HARDSHIP, RELIEVED, WITHDRAWN, DECLINED = "脱困", "解困", "退出", "不予建档"
STEPS = CodeList("办理环节", (APPLY, VISIT, BRANCH_REVIEW, UPPER_REVIEW, NOTICE, FILE,
                             ANNUAL_REVIEW, OUT_OF_HARDSHIP, RELIEVED, WITHDRAWN, DECLINED))

NONE = "未申请"
APPLIED, VISITED, BRANCH_APPROVED, UPPER_APPROVED, ON_NOTICE, FILED = (
    "已申请", "已入户核查", "本单位已审核", "上级已审核", "公示中", "已建档",
)
CLOSED_OUT, CLOSED_RELIEVED, CLOSED_WITHDRAWN, CLOSED_DECLINED = (
    "已脱困", "已解困", "已退出", "不予建档",
)
STATES = CodeList("档案状态", (APPLIED, VISITED, BRANCH_APPROVED, UPPER_APPROVED, ON_NOTICE,
                              FILED, CLOSED_OUT, CLOSED_RELIEVED, CLOSED_WITHDRAWN,
                              CLOSED_DECLINED))
CLOSED = frozenset({CLOSED_OUT, CLOSED_RELIEVED, CLOSED_WITHDRAWN, CLOSED_DECLINED})
BEFORE_FILING = frozenset({APPLIED, VISITED, BRANCH_APPROVED, UPPER_APPROVED, ON_NOTICE})

_AFTER = {
    APPLY: APPLIED, VISIT: VISITED, BRANCH_REVIEW: BRANCH_APPROVED,
    UPPER_REVIEW: UPPER_APPROVED, NOTICE: ON_NOTICE, FILE: FILED, ANNUAL_REVIEW: FILED,
    OUT_OF_HARDSHIP: CLOSED_OUT, RELIEVED: CLOSED_RELIEVED, WITHDRAWN: CLOSED_WITHDRAWN,
    DECLINED: CLOSED_DECLINED,
}
_FROM = {
    APPLY: {NONE}, VISIT: {APPLIED}, BRANCH_REVIEW: {VISITED},
    UPPER_REVIEW: {BRANCH_APPROVED}, NOTICE: {UPPER_APPROVED}, FILE: {ON_NOTICE},
    ANNUAL_REVIEW: {FILED}, OUT_OF_HARDSHIP: {FILED}, RELIEVED: {FILED}, WITHDRAWN: {FILED},
    DECLINED: set(BEFORE_FILING),
}
REASON_REQUIRED = frozenset({OUT_OF_HARDSHIP, RELIEVED, WITHDRAWN, DECLINED})


@dataclass(frozen=True)
class Step:
    """One step taken: what, on which day, by whom; a 公示 also has its last day."""

    kind: str
    day: dt.date
    by: str = ""
    note: str = ""
    until: dt.date | None = None  # 公示 only: the last day of the notice


def state_after(steps: Iterable[Step]) -> str:
    """The file's state after ``steps`` (in the order taken); ``ValueError`` naming the
    first step that cannot follow the one before."""
    state = NONE
    for step in steps:
        if step.kind not in _AFTER:
            raise ValueError(f"未知的办理环节“{step.kind}”")
        if state not in _FROM[step.kind]:
            raise ValueError(f"{step.day:%Y-%m-%d} 的“{step.kind}”不能在“{state}”之后办理")
        state = _AFTER[step.kind]
    return state


def next_steps(state: str) -> tuple[str, ...]:
    """The steps that may follow ``state``, in the order of the process."""
    return tuple(k for k in STEPS.values if state in _FROM[k])


def check_step(step: Step, taken: list[Step], today: dt.date) -> list[FieldProblem]:
    """What is wrong with taking ``step`` after the steps already ``taken``."""
    problems: list[FieldProblem] = []

    def bad(key: str, label: str, message: str) -> None:
        problems.append(FieldProblem(label, message, key))

    state = state_after(taken)
    if state in CLOSED:
        bad("kind", "办理环节", f"档案已{state.removeprefix('已')}，已归档的档案不能再办理；"
            "如需重新帮扶，请新建申请。")
    elif step.kind not in next_steps(state):
        allowed = "、".join(next_steps(state))
        bad("kind", "办理环节", f"当前状态“{state}”之后只能办理：{allowed}。")
    if step.day > today:
        bad("day", "日期", "不能晚于今天。")
    if taken and step.day < taken[-1].day:
        bad("day", "日期",
            f"不能早于上一环节“{taken[-1].kind}”的日期 {taken[-1].day:%Y-%m-%d}。")
    if step.kind == NOTICE:
        if step.until is None:
            bad("until", "公示截止日期", "公示须写明截止日期。")
        elif step.until < step.day:
            bad("until", "公示截止日期", "不能早于公示开始日期。")
    notice_end = taken[-1].until if taken and taken[-1].kind == NOTICE else None
    if step.kind == FILE and notice_end and step.day <= notice_end:
        bad("day", "日期", f"公示期到 {notice_end:%Y-%m-%d} 才结束，请在公示期满后建档。")
    if step.kind in REASON_REQUIRED and not step.note.strip():
        bad("note", "原因", f"“{step.kind}”须写明原因。")
    return problems


def review_due(steps: list[Step]) -> dt.date | None:
    """When the next yearly review is due: a year after filing or after the last review;
    ``None`` for a file not (or no longer) on file."""
    if state_after(steps) != FILED:
        return None
    last = max(s.day for s in steps if s.kind in (FILE, ANNUAL_REVIEW))
    return add_months(last, 12)  # 29 February: due on 28 February


def notice_overdue(steps: list[Step], today: dt.date) -> dt.date | None:
    """The last day of a 公示 that has ended without a decision (建档 or 不予建档)."""
    if not steps or steps[-1].kind != NOTICE or steps[-1].until is None:
        return None
    return steps[-1].until if today > steps[-1].until else None
