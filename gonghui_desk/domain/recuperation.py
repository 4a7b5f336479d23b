"""Rest and recuperation (职工疗休养): the year's policy, trips and the cost split (DOMAIN.md §3).

The rules are provincial, so every limit is a setting of the year's policy, with the
defaults a branch is most often given: 500 元 a day (provinces allow 400–600), 3,000 元 a
person a year, at most 5 days in the province and 7 outside it, once every 2 years, not
outside the province again within 3 years, 1 year of service and of membership, at most
30 days absent last year, at most 2 periods, family along at their own cost, and the
personal share capped at 30%.

Money is ``Decimal`` yuan here; the database keeps whole fen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.money import cents, yuan_text
from gonghui_desk.errors import FieldProblem

PRIORITY = CodeList("优先条件", ("一线职工", "劳模/先进", "高技能人才", "工伤职工", "临近退休",
                               "抗疫一线", "艰苦岗位"))
CYCLES = (1, 2, 3)


@dataclass(frozen=True)
class Policy:
    """One year's rules (optionally for one region: ``region`` is its 行政区划代码, "" for all)."""

    year: int
    region: str = ""
    day_cost_cap: Decimal = Decimal(500)
    annual_cap: Decimal = Decimal(3000)
    max_days_in_province: int = 5
    max_days_out_of_province: int = 7
    cycle_years: int = 2
    out_of_province_gap_years: int = 3
    min_service_years: int = 1
    min_member_years: int = 1
    max_absence_days: int = 30
    max_periods: int = 2
    family_allowed: bool = True
    union_percent: int = 50  # 工会经费
    admin_percent: int = 50  # 行政福利费
    personal_percent: int = 0  # 个人
    personal_cap_percent: int = 30


POLICY_LABELS = {
    "year": "年度", "region": "适用地区", "day_cost_cap": "每人每天费用上限",
    "annual_cap": "每人每年费用上限", "max_days_in_province": "省内最多天数",
    "max_days_out_of_province": "省外最多天数", "cycle_years": "参加周期",
    "out_of_province_gap_years": "省外不重复年限", "min_service_years": "最低工龄",
    "min_member_years": "最低会龄", "max_absence_days": "上年缺勤最多天数",
    "max_periods": "最多分段次数", "union_percent": "工会经费比例",
    "admin_percent": "行政福利费比例", "personal_percent": "个人负担比例",
    "personal_cap_percent": "个人负担上限",
}


def check_policy(policy: Policy) -> list[FieldProblem]:
    problems: list[FieldProblem] = []

    def bad(key: str, message: str) -> None:
        problems.append(FieldProblem(POLICY_LABELS[key], message, key))

    if not 2000 <= policy.year <= 2100:
        bad("year", "请填写 2000–2100 之间的年份。")
    for key in ("day_cost_cap", "annual_cap"):
        if getattr(policy, key) <= 0:
            bad(key, "应大于 0 元。")
    if policy.day_cost_cap > policy.annual_cap > 0:
        bad("day_cost_cap", "不能高于每人每年费用上限。")
    for key in ("max_days_in_province", "max_days_out_of_province", "max_periods"):
        if getattr(policy, key) < 1:
            bad(key, "至少为 1。")
    if policy.max_days_out_of_province < policy.max_days_in_province:
        bad("max_days_out_of_province", "不应少于省内最多天数。")
    if policy.cycle_years not in CYCLES:
        bad("cycle_years", "请选择每 1、2 或 3 年一次。")
    for key in ("out_of_province_gap_years", "min_service_years", "min_member_years",
                "max_absence_days"):
        if getattr(policy, key) < 0:
            bad(key, "不能为负数。")
    for key in ("union_percent", "admin_percent", "personal_percent", "personal_cap_percent"):
        if not 0 <= getattr(policy, key) <= 100:
            bad(key, "应在 0–100% 之间。")
    total = policy.union_percent + policy.admin_percent + policy.personal_percent
    if total != 100:
        bad("personal_percent", f"工会经费、行政福利费和个人三项合计 {total}%，应为 100%。")
    if policy.personal_percent > policy.personal_cap_percent:
        bad("personal_percent",
            f"个人负担 {policy.personal_percent}% 超过了上限 {policy.personal_cap_percent}%。")
    return problems


@dataclass(frozen=True)
class Trip:
    """A 疗休养批次: where, when, at what standard, for how many."""

    year: int
    destination: str
    start: dt.date
    end: dt.date
    cost_per_day: Decimal
    capacity: int
    in_province: bool = True
    base: str = ""  # 疗休养基地
    note: str = ""

    @property
    def days(self) -> int:
        """Calendar days, travel included (the first and the last day both count)."""
        return (self.end - self.start).days + 1

    @property
    def cost_per_person(self) -> Decimal:
        return cents(self.cost_per_day * self.days)

    @property
    def scope(self) -> str:
        return "省内" if self.in_province else "省外"


TRIP_LABELS = {
    "year": "年度", "destination": "目的地", "start": "出发日期", "end": "返回日期",
    "cost_per_day": "每人每天费用标准", "capacity": "名额",
}


def check_trip(trip: Trip) -> list[FieldProblem]:
    problems: list[FieldProblem] = []

    def bad(key: str, message: str) -> None:
        problems.append(FieldProblem(TRIP_LABELS[key], message, key))

    if not trip.destination.strip():
        bad("destination", "请填写目的地或疗休养基地。")
    if trip.end < trip.start:
        bad("end", "早于出发日期，请核对。")
    if trip.start.year != trip.year:
        bad("start", f"应在 {trip.year} 年内：批次属于出发那一年。")
    if trip.cost_per_day <= 0:
        bad("cost_per_day", "应大于 0 元。")
    if trip.capacity < 1:
        bad("capacity", "至少 1 人。")
    return problems


@dataclass(frozen=True)
class CostSplit:
    """Who pays what of one person's trip; companions pay all of theirs themselves."""

    cost: Decimal
    union: Decimal
    admin: Decimal
    personal: Decimal
    personal_limit: Decimal  # the most the person may be asked to pay
    companions: Decimal = Decimal(0)
    reason: str = ""  # why the personal share is what it is

    @property
    def public(self) -> Decimal:
        return self.union + self.admin

    @property
    def over_personal_cap(self) -> bool:
        return self.personal > self.personal_limit


def split_cost(policy: Policy, cost: Decimal, funded_this_year: Decimal = Decimal(0),
               companions: int = 0, companion_cost: Decimal = Decimal(0)) -> CostSplit:
    """Split ``cost`` between 工会经费, 行政福利费 and the person.

    The person pays the policy's personal share; what public money may not pay because
    the annual cap per person (less what was already ``funded_this_year``) is reached
    is theirs too. Their share may not pass the personal cap: when it does the split
    still says so (``over_personal_cap``), and the eligibility check fails on it.
    """
    cost = cents(cost)
    share = cents(cost * policy.personal_percent / 100)
    room = max(Decimal(0), policy.annual_cap - funded_this_year)
    over_cap = max(Decimal(0), cost - room)
    personal = max(share, over_cap)
    if over_cap > share:
        reason = (f"每人每年上限 {yuan_text(policy.annual_cap)}，本年已用 "
                  f"{yuan_text(funded_this_year)}，超出的 {yuan_text(over_cap)}由个人负担")
    else:
        reason = f"个人负担 {policy.personal_percent}%"
    rest = cost - personal
    public_percent = policy.union_percent + policy.admin_percent
    union = cents(rest * policy.union_percent / public_percent) if public_percent else rest
    return CostSplit(cost=cost, union=union, admin=rest - union, personal=personal,
                     personal_limit=cents(cost * policy.personal_cap_percent / 100),
                     companions=cents(companion_cost * companions), reason=reason)


# Stored field names as the change history shows them.
RECORD_LABELS = {
    **{f"{k}_fen" if k in ("day_cost_cap", "annual_cap") else k: v
       for k, v in POLICY_LABELS.items() if k != "year"},
    "region": "地区", "family_allowed": "允许家属随行", "places": "名额", "budget_fen": "预算",
    "issued_by": "下达单位", "received_on": "下达日期", "trip_id": "批次",
    "destination": "目的地", "base": "疗休养基地", "in_province": "省内",
    "start_date": "出发日期", "end_date": "返回日期", "cost_per_day_fen": "每人每天费用标准",
    "capacity": "批次名额", "confirmed": "本人已确认", "applied_on": "申请日期",
    "priority": "优先条件", "hire_date": "入职日期", "absence_days": "上年缺勤天数",
    "companions": "随行家属人数", "companion_names": "随行家属", "cost_fen": "费用",
    "union_fen": "工会经费", "admin_fen": "行政福利费", "personal_fen": "个人负担",
    "companion_fen": "家属自费", "rule": "规则", "prior_trip_start": "此前最近一次疗休养",
    "prior_trip_in_province": "此前一次在省内",
}


@dataclass(frozen=True)
class ApplicationDraft:
    """What a person applies with; the HR facts (入职日期, 上年缺勤) come from their department."""

    member_id: int
    trip_id: int
    applied_on: dt.date
    priority: tuple[str, ...] = ()
    hire_date: dt.date | None = None
    absence_days: int = 0
    companions: int = 0
    companion_names: str = ""
    prior_trip_start: dt.date | None = None  # the last trip before these records
    prior_trip_in_province: bool = True
    note: str = ""


APPLICATION_LABELS = {
    "member_id": "申请人", "trip_id": "批次", "applied_on": "申请日期", "priority": "优先条件",
    "hire_date": "入职日期", "absence_days": "上年缺勤天数", "companions": "随行家属人数",
    "companion_names": "随行家属", "prior_trip_start": "此前最近一次疗休养",
}


def check_application(draft: ApplicationDraft, today: dt.date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []

    def bad(key: str, message: str) -> None:
        problems.append(FieldProblem(APPLICATION_LABELS[key], message, key))

    for flag in draft.priority:
        if flag not in PRIORITY:
            bad("priority", f"“{flag}”不在优先条件列表中。")
    if len(set(draft.priority)) != len(draft.priority):
        bad("priority", "有重复的优先条件。")
    if draft.applied_on > today:
        bad("applied_on", "不能晚于今天。")
    if draft.hire_date is not None and draft.hire_date > today:
        bad("hire_date", "不能晚于今天。")
    if draft.prior_trip_start is not None and draft.prior_trip_start > today:
        bad("prior_trip_start", "不能晚于今天：这里只填以前参加过的。")
    if not 0 <= draft.absence_days <= 366:
        bad("absence_days", "应在 0–366 天之间。")
    if not 0 <= draft.companions <= 10:
        bad("companions", "应在 0–10 人之间。")
    if draft.companions and not draft.companion_names.strip():
        bad("companion_names", "有家属随行时请填写家属姓名。")
    return problems
