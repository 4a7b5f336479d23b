"""recuperation-stats and recuperation-costs: the two yearly returns a district asks for.

职工疗休养统计表: applications, places held, completed, waiting and withdrawn, person-days
and cost, by department (with each department's share of the places) and by priority
group. 职工疗休养费用信息统计表 (stamped): each trip's people and cost per source —
工会经费, 行政福利费, 个人 — and the family's own cost, with the year's budget.
"""

from __future__ import annotations

from decimal import Decimal

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, in_batches
from gonghui_desk.exchange.forms.model import (
    DATE,
    LEFT,
    MONEY,
    NUMBER,
    RIGHT,
    Column,
    Document,
    Table,
)
from gonghui_desk.exchange.forms.spec import YEAR, FormParams, FormSpec
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.recuperation_stats import GroupFigures, trip_costs, year_stats

STATS_TITLE = "职工疗休养统计表"
COSTS_TITLE = "职工疗休养费用信息统计表"
BY_DEPARTMENT, BY_PRIORITY = "按部门", "按优先条件"


def _n(value: int | None) -> int | str:
    return "—" if value is None else value


STATS_COLUMNS = (
    Column("分类", 9, lambda r: r[0]),
    Column("部门 / 优先条件", 16, lambda r: r[1].name, align=LEFT),
    Column("分配名额", 8, lambda r: _n(r[1].places), NUMBER),
    Column("申请人数", 8, lambda r: r[1].applied, NUMBER),
    Column("符合条件", 8, lambda r: r[1].eligible, NUMBER),
    Column("已安排", 8, lambda r: r[1].arranged, NUMBER),
    Column("其中已完成", 9, lambda r: r[1].done, NUMBER),
    Column("候补", 7, lambda r: r[1].waiting, NUMBER),
    Column("放弃/取消", 9, lambda r: r[1].withdrawn, NUMBER),
    Column("人天数", 8, lambda r: r[1].person_days, NUMBER),
    Column("费用（元）", 12, lambda r: r[1].cost, MONEY, align=RIGHT),
)


def _totals(g: GroupFigures) -> str:
    return (f"申请 {g.applied} 人，符合条件 {g.eligible} 人，已安排 {g.arranged} 人（其中已完成 "
            f"{g.done} 人），候补 {g.waiting} 人，放弃或取消 {g.withdrawn} 人，"
            f"{g.person_days} 人天，费用 {yuan_text(g.cost)}")


def build_stats(sessions: SessionFactory, params: FormParams) -> Document:
    year = params.the_year()
    stats = year_stats(sessions, year)
    rows = ([(BY_DEPARTMENT, g) for g in stats.departments]
            + [(BY_PRIORITY, g) for g in stats.priorities])

    def subtotal(section: str, count: int) -> str:
        if section == BY_DEPARTMENT:
            return f"合计：{_totals(stats.total)}。"
        return "注：一人符合几项优先条件的，在每一项中各计一次。"

    places = ("名额未登记" if stats.places is None
              else f"全年名额 {stats.places} 个，已安排 {stats.total.arranged} 个，"
                   f"剩余 {stats.places - stats.total.arranged} 个")
    return Document(
        form_id=STATS_SPEC.id, title=STATS_TITLE, subtitle=f"（{year} 年度）",
        header=(filled_by(load_profile(sessions)), ("填报日期", date_text(params.today))),
        body=Table(STATS_COLUMNS, in_batches(rows), len(rows), numbered=False, font_size=8.5,
                   group=lambda r: r[0], subtotal=subtotal,
                   summary=(f"{places}；省内 {stats.in_province} 人次，省外 "
                            f"{stats.out_of_province} 人次。",)),
        signatures=("工会主席（签字）", "填表人"), stamp=True, landscape=True,
        sheet_name=f"{year}统计", exported_by=exporter(sessions))


COST_COLUMNS = (
    Column("目的地", 12, lambda c: c.destination, align=LEFT),
    Column("基地", 18, lambda c: c.base, align=LEFT),
    Column("范围", 6, lambda c: c.scope),
    Column("出发日期", 10.5, lambda c: c.start, DATE),
    Column("天数", 6, lambda c: c.days, NUMBER),
    Column("人数", 6, lambda c: c.people, NUMBER),
    Column("每人每天（元）", 11, lambda c: c.cost_per_day, MONEY, align=RIGHT),
    Column("费用合计（元）", 12, lambda c: c.cost, MONEY, align=RIGHT),
    Column("工会经费（元）", 12, lambda c: c.union, MONEY, align=RIGHT),
    Column("行政福利费（元）", 12, lambda c: c.admin, MONEY, align=RIGHT),
    Column("个人负担（元）", 11, lambda c: c.personal, MONEY, align=RIGHT),
    Column("家属自费（元）", 11, lambda c: c.companion_cost, MONEY, align=RIGHT),
)


def build_costs(sessions: SessionFactory, params: FormParams) -> Document:
    year = params.the_year()
    costs = trip_costs(sessions, year)
    stats = year_stats(sessions, year)

    def total(name: str) -> Decimal:
        return sum((getattr(c, name) for c in costs), Decimal(0))

    public = total("union") + total("admin")
    budget = ("预算未登记" if stats.budget is None
              else f"全年预算 {yuan_text(stats.budget)}，已用 {yuan_text(public)}，剩余 "
                   f"{yuan_text(stats.budget - public)}")
    summary = (
        f"合计：{len(costs)} 个批次，{sum(c.people for c in costs)} 人，费用 "
        f"{yuan_text(total('cost'))}；其中工会经费 {yuan_text(total('union'))}，行政福利费 "
        f"{yuan_text(total('admin'))}，个人负担 {yuan_text(total('personal'))}；"
        f"随行家属 {sum(c.companions for c in costs)} 人，自费 "
        f"{yuan_text(total('companion_cost'))}。",
        f"{budget}。",
        "费用只计已安排和已完成的人员；疗休养期间按正常出勤，不扣工资。",
    )
    return Document(
        form_id=COSTS_SPEC.id, title=COSTS_TITLE, subtitle=f"（{year} 年度）",
        header=(filled_by(load_profile(sessions)), ("填报日期", date_text(params.today))),
        body=Table(COST_COLUMNS, in_batches(costs), len(costs), summary=summary,
                   frozen_columns=2),
        signatures=("工会主席（签字）", "经办人", "财务负责人"), stamp=True, landscape=True,
        sheet_name=f"{year}费用", exported_by=exporter(sessions))


STATS_SPEC = FormSpec(
    id="recuperation-stats",
    title=STATS_TITLE,
    description="全年疗休养按部门和优先条件统计：申请、符合条件、已安排、完成、候补、人天数和费用。",
    params=(YEAR,),
    build=build_stats,
    private_values=False,
)
COSTS_SPEC = FormSpec(
    id="recuperation-costs",
    title=COSTS_TITLE,
    description="全年每个疗休养批次的人数和费用，按工会经费、行政福利费、个人负担和家属自费分列，附预算使用。",
    params=(YEAR,),
    build=build_costs,
    private_values=False,
)
