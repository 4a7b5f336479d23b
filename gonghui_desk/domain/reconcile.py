"""Whether a statistics form's figures are possible, checked before the form is written.

A higher body sends a return back when its figures contradict each other (DOMAIN.md §5):
more 农民工会员 than 农民工, a year whose changes do not lead from its first member count to
its last, or one figure (职工人数, 职代会代表) that reads differently on two forms of the same
year. Each check here returns ``Discrepancy`` items that say, in the chair's words, what
disagrees with its numbers and where to put it right. The chair may still export: the
records may be right and the figures entered in 设置 wrong, or the other way round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

YEAR_FIGURES = "设置 → 年度基本情况"


@dataclass(frozen=True)
class Discrepancy:
    """One contradiction: ``what`` disagrees (with the figures), ``fix`` says where to look."""

    what: str
    fix: str

    def text(self) -> str:
        return f"{self.what}请在{self.fix}核对。"


@dataclass(frozen=True)
class Category:
    """Members of a kind beside the staff of that kind, e.g. 农民工会员 and 农民工."""

    members_label: str
    members: int
    staff_label: str
    staff: int | None
    member_field: str  # the member record's field that puts a member in the kind


def category_problems(year: int, categories: Iterable[Category]) -> list[Discrepancy]:
    """Members of a category are staff of that category: never more of them."""
    problems = []
    for c in categories:
        if c.staff is not None and c.members > c.staff:
            problems.append(Discrepancy(
                f"{year} 年：{c.members_label} {c.members:,} 人，多于{c.staff_label} "
                f"{c.staff:,} 人（会员是职工中的一部分，不能多于职工）。",
                f"{YEAR_FIGURES}（{year} 年的“{c.staff_label}”）或会员记录的“{c.member_field}”",
            ))
    return problems


@dataclass(frozen=True)
class YearChanges:
    """Members at the start and end of a period and the changes that took effect in it."""

    start: dt.date
    end: dt.date
    members_before: int  # members at the end of the day before ``start``
    members_after: int  # members at the end of ``end``
    joined: int
    transferred_in: int
    transferred_out: int
    withdrawn: int
    expelled: int

    @property
    def expected_after(self) -> int:
        return (self.members_before + self.joined + self.transferred_in
                - self.transferred_out - self.withdrawn - self.expelled)

    def arithmetic(self) -> str:
        """The sum as a reviewer checks it, e.g. "期初 100 + 入会 5 + … = 期末 102"."""
        return (f"期初 {self.members_before:,} + 入会 {self.joined:,} + 转入 "
                f"{self.transferred_in:,} − 转出 {self.transferred_out:,} − 退会 "
                f"{self.withdrawn:,} − 除名 {self.expelled:,} = {self.expected_after:,}")


def balance_problems(changes: YearChanges, odd_members: Iterable[str] = ()) -> list[Discrepancy]:
    """Start + in − out = end; ``odd_members`` names members whose histories cannot be
    replayed (e.g. two 入会 in a row), which is how such a gap arises."""
    c = changes
    if c.expected_after == c.members_after:
        return []
    names = list(odd_members)
    where = "会员记录的会籍变动"
    if names:
        shown = "、".join(names[:5]) + (f" 等共 {len(names)} 人" if len(names) > 5 else "")
        where += f"（会籍变动前后矛盾的会员：{shown}）"
    return [Discrepancy(
        f"{c.start:%Y-%m-%d} 至 {c.end:%Y-%m-%d} 的会员变动对不上：{c.arithmetic()}，"
        f"但期末会员是 {c.members_after:,} 人，相差 {c.members_after - c.expected_after:+,} 人。",
        where,
    )]


@dataclass(frozen=True)
class SameFigure:
    """One figure as a record states it beside its one source (the year's figures)."""

    label: str  # 职工人数, 职代会代表
    year: int
    source: int | None  # what 设置 → 年度基本情况 says for the year
    stated: int | None  # what the record says
    where: str  # the record, e.g. 集体合同“2026 年度工资专项集体合同”的职工总数
    fix: str  # where the record is corrected


def same_figure_problems(figures: Iterable[SameFigure]) -> list[Discrepancy]:
    """A figure that appears on several forms has one source; a record disagreeing with it
    makes two forms of the same year contradict each other."""
    problems = []
    for f in figures:
        if f.source is None or f.stated is None or f.source == f.stated:
            continue
        problems.append(Discrepancy(
            f"{f.where}是 {f.stated:,} 人，而 {f.year} 年度基本情况的{f.label}是 "
            f"{f.source:,} 人：同一年的两张表会互相矛盾。",
            f"{f.fix}或{YEAR_FIGURES}（{f.year} 年的“{f.label}”）",
        ))
    return problems
