"""The two negotiating teams (协商代表) and the rules they must meet (集体合同规定 §19–§26).

Equal numbers on both sides, at least 3 a side, one chief (首席代表) each; the workers'
chief is the union chair or holds a written delegation from them; outside experts at most
a third of a side; nobody on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gonghui_desk.domain.codes import CodeList

WORKERS, EMPLOYER = "职工方", "企业方"
SIDE = CodeList("协商方", (WORKERS, EMPLOYER))
CHIEF, DELEGATE, EXPERT = "首席代表", "协商代表", "外部专家"
ROLE = CodeList("协商角色", (CHIEF, DELEGATE, EXPERT))
MIN_SIDE = 3


@dataclass(frozen=True)
class Negotiator:
    side: str
    name: str
    role: str = DELEGATE
    post: str = ""  # 职务
    union_chair: bool = False  # the workers' chief is the union chair
    delegation: str = ""  # or holds this written delegation (委托书 date and number)
    # The saved person's number, so that a save changes that row in place (its history
    # says what changed about whom); None for someone not saved yet.
    id: int | None = None


def _key(name: str) -> str:
    return "".join(name.split())


def team_problems(team: Sequence[Negotiator]) -> list[str]:
    """What is wrong with the teams, one sentence each; empty when all rules are met."""
    problems: list[str] = []
    sides = {s: [n for n in team if n.side == s] for s in SIDE.values}
    workers, employer = len(sides[WORKERS]), len(sides[EMPLOYER])
    if workers != employer:
        problems.append(f"双方人数应相等：职工方 {workers} 人，企业方 {employer} 人。")
    for side, people in sides.items():
        if len(people) < MIN_SIDE:
            problems.append(f"{side}只有 {len(people)} 人，每方至少 {MIN_SIDE} 人。")
        chiefs = [n for n in people if n.role == CHIEF]
        if len(chiefs) != 1:
            problems.append(f"{side}应有且只有 1 名首席代表，现有 {len(chiefs)} 名。")
        experts = sum(1 for n in people if n.role == EXPERT)
        if experts * 3 > len(people):
            problems.append(f"{side}外部专家 {experts} 人，超过本方 {len(people)} 人的三分之一。")
    for chief in (n for n in sides[WORKERS] if n.role == CHIEF):
        if not chief.union_chair and not chief.delegation.strip():
            problems.append(f"职工方首席代表{chief.name}不是工会主席，须有工会主席的书面委托。")
    both = {_key(n.name) for n in sides[WORKERS]} & {_key(n.name) for n in sides[EMPLOYER]}
    for name in sorted(both):
        problems.append(f"{name}同时在双方，不能兼任。")
    unknown = [n for n in team if n.side not in SIDE or n.role not in ROLE]
    if unknown:
        problems.append(f"{unknown[0].name}的协商方或角色不在列表中。")
    if any(not n.name.strip() for n in team):
        problems.append("有协商代表没有填写姓名。")
    return problems


def chief_of(team: Sequence[Negotiator], side: str) -> str:
    return next((n.name for n in team if n.side == side and n.role == CHIEF), "")
