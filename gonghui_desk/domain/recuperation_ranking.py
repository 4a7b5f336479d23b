"""Fair allocation of a trip's places, and the waiting list.

Applicants who may go are ranked by, in this order:
1. the number of priority conditions they meet (一线职工, 劳模/先进 … each counts one);
2. the time since their last completed trip (never having gone comes first);
3. the day they applied (earlier first), and last their application number.
Places are filled from the top while the trip, their department, the year's places and
the budget have room; everyone else who may go waits in rank order. When someone gives
a place back, the first on the waiting list whose department still has room is offered
it. Each line says why it stands where it does, so the list can be shown to applicants.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Candidate:
    application_id: int
    name: str
    department: str
    priority: tuple[str, ...]
    last_trip: dt.date | None  # start of the last completed trip
    applied_on: dt.date
    public_cost: Decimal = Decimal(0)
    eligible: bool = True
    not_eligible: str = ""  # the failed rules, when not eligible


@dataclass(frozen=True)
class Ranked:
    position: int  # 1, 2, … among the eligible; 0 for those who may not go
    candidate: Candidate
    explanation: str


def _key(c: Candidate, start: dt.date) -> tuple[int, int, dt.date, int]:
    waited = (start - c.last_trip).days if c.last_trip else 10**6
    return (-len(c.priority), -waited, c.applied_on, c.application_id)


def _because(c: Candidate, start: dt.date) -> str:
    flags = (f"优先条件 {len(c.priority)} 项（{'、'.join(c.priority)}）" if c.priority
             else "无优先条件")
    if c.last_trip is None:
        last = "从未参加过疗休养"
    else:
        last = f"上次 {c.last_trip:%Y-%m-%d}，间隔 {(start - c.last_trip).days} 天"
    return f"{flags}；{last}；{c.applied_on:%Y-%m-%d} 申请"


def rank(candidates: Iterable[Candidate], trip_start: dt.date) -> list[Ranked]:
    """The eligible in rank order (positions 1…n), then those who may not go (0)."""
    pool = list(candidates)
    eligible = sorted((c for c in pool if c.eligible), key=lambda c: _key(c, trip_start))
    ranked: list[Ranked] = []
    for i, c in enumerate(eligible):
        text = _because(c, trip_start)
        if i:
            before = eligible[i - 1]
            same = _key(before, trip_start)[:2] == _key(c, trip_start)[:2]
            if same:
                text += f"；与{before.name}条件相同，" + (
                    "申请较晚" if before.applied_on < c.applied_on else "按申请编号")
        ranked.append(Ranked(i + 1, c, text))
    for c in sorted((c for c in pool if not c.eligible), key=lambda c: c.application_id):
        ranked.append(Ranked(0, c, f"不能参加：{c.not_eligible}"))
    return ranked


@dataclass
class Space:
    """Room left to share out; ``None`` where there is no such limit."""

    trip: int
    year: int | None = None
    budget: Decimal | None = None
    departments: dict[str, int] | None = None  # places left per department
    full: list[str] = field(default_factory=list)

    def why_not(self, c: Candidate) -> str:
        """Why ``c`` cannot have a place now; "" when they can."""
        if self.trip <= 0:
            return "本批次名额已满"
        if self.year is not None and self.year <= 0:
            return "全年名额已用完"
        if self.departments is not None and self.departments.get(c.department, 0) <= 0:
            return f"{c.department or '（未填部门）'}名额已用完"
        if self.budget is not None and c.public_cost > self.budget:
            return "年度预算不足"
        return ""

    def take(self, c: Candidate) -> None:
        self.trip -= 1
        if self.year is not None:
            self.year -= 1
        if self.budget is not None:
            self.budget -= c.public_cost
        if self.departments is not None:
            self.departments[c.department] = self.departments.get(c.department, 0) - 1


@dataclass(frozen=True)
class Decision:
    application_id: int
    arrange: bool
    reason: str


def allocate(ranked: Sequence[Ranked], space: Space, limit: int | None = None) -> list[Decision]:
    """Give places in rank order; ``limit`` stops after that many places (a hand-over)."""
    decisions: list[Decision] = []
    given = 0
    for r in ranked:
        if not r.position:
            continue
        why = space.why_not(r.candidate) if limit is None or given < limit else "等待递补"
        if why:
            decisions.append(Decision(r.candidate.application_id, False,
                                      f"候补第 {sum(1 for d in decisions if not d.arrange) + 1}"
                                      f" 位：{why}"))
        else:
            space.take(r.candidate)
            given += 1
            decisions.append(Decision(r.candidate.application_id, True,
                                      f"排名第 {r.position} 位，安排"))
    return decisions
