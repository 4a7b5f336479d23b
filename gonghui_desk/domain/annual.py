"""The branch's figures for a year that no member record can tell (DOMAIN.md §5).

The employer's 职工人数, the union's staff, the 职代会 delegates and whether the unit has
each of the organisations a report asks about: the chair enters them per year in 设置,
and the annual statistics read the year of their cut-off date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from gonghui_desk.errors import FieldProblem

FIRST_YEAR, LAST_YEAR = 1950, 2100


@dataclass(frozen=True)
class YearFigures:
    year: int
    staff: int | None = None               # 职工人数
    staff_female: int | None = None        # 其中女职工
    staff_migrant: int | None = None       # 其中农民工
    staff_dispatched: int | None = None    # 其中劳务派遣工
    staff_new_form: int | None = None      # 其中新就业形态劳动者
    union_full_time: int | None = None     # 专职工会干部
    union_part_time: int | None = None     # 兼职工会干部
    delegates: int | None = None           # 职代会代表
    delegates_female: int | None = None    # 其中女代表
    women_committee: bool = False          # 建立女职工委员会
    funds_committee: bool = False          # 建立经费审查委员会
    congress_system: bool = False          # 建立职代会制度
    open_affairs: bool = False             # 实行厂务公开
    safety_committee: bool = False         # 建立劳动保护监督检查委员会
    mediation_committee: bool = False      # 建立劳动争议调解委员会


COUNT_LABELS = {
    "staff": "职工人数",
    "staff_female": "其中：女职工",
    "staff_migrant": "其中：农民工",
    "staff_dispatched": "其中：劳务派遣工",
    "staff_new_form": "其中：新就业形态劳动者",
    "union_full_time": "专职工会干部",
    "union_part_time": "兼职工会干部",
    "delegates": "职代会代表",
    "delegates_female": "其中：女代表",
}
FLAG_LABELS = {
    "women_committee": "女职工委员会",
    "funds_committee": "经费审查委员会",
    "congress_system": "职代会制度",
    "open_affairs": "厂务公开",
    "safety_committee": "劳动保护监督检查委员会",
    "mediation_committee": "劳动争议调解委员会",
}
# A part can never be more than its whole.
PARTS = {
    "staff_female": "staff",
    "staff_migrant": "staff",
    "staff_dispatched": "staff",
    "staff_new_form": "staff",
    "delegates_female": "delegates",
}
COUNT_FIELDS = tuple(COUNT_LABELS)
FLAG_FIELDS = tuple(FLAG_LABELS)
MAX_COUNT = 10_000_000


def check_year_figures(figures: YearFigures) -> list[FieldProblem]:
    """What is wrong with the figures, each naming its field."""
    problems: list[FieldProblem] = []
    if not FIRST_YEAR <= figures.year <= LAST_YEAR:
        problems.append(FieldProblem("年度", f"应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间。", "year"))
    for name in COUNT_FIELDS:
        value = getattr(figures, name)
        if value is not None and not 0 <= value <= MAX_COUNT:
            problems.append(FieldProblem(COUNT_LABELS[name], "应为 0 或正整数。", name))
    for part, whole in PARTS.items():
        part_value, whole_value = getattr(figures, part), getattr(figures, whole)
        if part_value is not None and whole_value is not None and part_value > whole_value:
            problems.append(FieldProblem(
                COUNT_LABELS[part],
                f"{part_value} 人超过了{COUNT_LABELS[whole]}（{whole_value} 人），请核对。", part,
            ))
    return problems


def membership_rate(members: int, staff: int | None) -> str:
    """入会率 = 在职会员人数 ÷ 职工人数 (``members``: those in work, not the reserved), as
    "85.3%"; "—" while the staff count is unknown."""
    if not staff:
        return "—"
    return f"{members * 100 / staff:.1f}%"


# The annual returns for a year are filled in during the first months of the next one.
REPORTING_SEASON_MONTHS = 3


def default_cut_off(today: dt.date) -> dt.date:
    """The cut-off the annual statistics are most likely asked for: today, except in the
    first months of a year, when the year just ended is being reported (its 31 December)."""
    if today.month <= REPORTING_SEASON_MONTHS:
        return dt.date(today.year - 1, 12, 31)
    return today


def year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1, 1)


def field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(YearFigures))
