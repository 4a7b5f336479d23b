"""Whether an application meets the year's policy, rule by rule, each with its reason.

Every rule says what it checked in words a chair can read out ("2019-03-01 入会，至出发日
已满 1 年"). A failed rule may be overridden by the chair with a written reason; the
override is kept with the application and printed on the 审批表. Rules about the person
(会籍, 会龄, 工龄, 缺勤, 周期, 省外, 天数, 分段, 费用) decide whether they may go at all; rules
about places (批次名额, 部门名额, 年度名额, 年度预算) decide whether there is room, and
send an eligible person to the waiting list rather than turn them away.

Periods are counted in whole years from a day to the same day: a member who joined on
2025-05-10 has a year of membership on 2026-05-10 (a 29 February counts from 1 March).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.dates import add_years
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.recuperation import CostSplit, Policy, Trip, split_cost

ACTIVE_MEMBER = ms.ACTIVE
# Rules a chair may not override: a former member is no member, whatever the reason.
NOT_OVERRIDABLE = frozenset({"member"})
_LEFT_AS = {ms.TRANSFER_OUT: "已于{day}转出", ms.WITHDRAW: "已于{day}退会",
            ms.EXPEL: "已于{day}被除名", ms.RESERVE: "自{day}保留会籍"}


def not_current_member(name: str, events: Sequence[tuple[dt.date, str]],
                       day: dt.date) -> str | None:
    """Why ``name`` may not apply on ``day`` (``None``: they are 在册 then).

    Only a member whose membership is active on the application day may apply; the
    membership is replayed from the dated events, as everywhere else, so a transfer out
    recorded for an earlier day counts even when the list was not looked at since.
    """
    try:
        status = ms.status_after(events, as_of=day)
    except ValueError as error:
        return (f"{name}的会籍记录有误（{error}），无法判断 {day:%Y-%m-%d} 是否在册。"
                "请先在会员资料的“会籍变化”中更正，再申请疗休养。")
    if status == ms.ACTIVE:
        return None
    before = [(d, k) for d, k in sorted(events, key=lambda e: e[0]) if d <= day]
    if not before:
        later = min((d for d, k in events if k in ms.MEMBER_KINDS), default=None)
        when = f"{later:%Y-%m-%d} 才入会，" if later is not None else "没有入会记录，"
        return (f"{name}{when}申请日期 {day:%Y-%m-%d} 时还不是在册会员，不能申请疗休养。"
                "请核对申请日期或会员的入会日期。")
    last_day, kind = before[-1]
    left = _LEFT_AS.get(kind, "会籍状态为“{status}”").format(
        day=f"{last_day:%Y-%m-%d}", status=status)
    return (f"{name}{left}，不是在册会员，不能申请疗休养。"
            "如会籍记录有误，请先在会员资料的“会籍变化”中更正。")


@dataclass(frozen=True)
class PastTrip:
    """A trip the person holds or has made (on another application)."""

    start: dt.date
    days: int
    in_province: bool
    public_cost: Decimal
    done: bool  # completed; otherwise arranged and still to come


@dataclass(frozen=True)
class Room:
    """Places taken by OTHER applications, and the limits; ``None`` where there is none."""

    trip_taken: int
    trip_capacity: int
    year_taken: int = 0
    year_places: int | None = None
    budget_used: Decimal = Decimal(0)
    budget: Decimal | None = None
    department: str = ""
    dept_taken: int = 0
    dept_places: int | None = None  # None: places are not shared out by department
    departments_allocated: bool = False


@dataclass(frozen=True)
class Facts:
    """What the check needs to know of one application."""

    policy: Policy
    trip: Trip
    member_status: str
    join_date: dt.date | None
    hire_date: dt.date | None
    absence_days: int
    companions: int
    room: Room
    history: Sequence[PastTrip] = ()  # the person's other trips holding a place, any year


@dataclass(frozen=True)
class RuleResult:
    key: str
    name: str
    ok: bool
    text: str
    place: bool = False  # a rule about room, not about the person
    override: str = ""  # the chair's written reason, when a failed rule is overridden

    @property
    def passed(self) -> bool:
        return self.ok or bool(self.override)

    @property
    def line(self) -> str:
        if self.ok:
            return f"{self.name}：符合。{self.text}"
        if self.override:
            return f"{self.name}：不符合，已特批。{self.text}（特批理由：{self.override}）"
        return f"{self.name}：不符合。{self.text}"


RULE_NAMES = {
    "member": "会员身份", "member_years": "会龄", "service_years": "工龄", "absence": "缺勤",
    "cycle": "参加周期", "out_of_province": "省外间隔", "days": "天数", "periods": "分段次数",
    "day_cost": "费用标准", "personal_cap": "个人负担", "family": "家属随行",
    "capacity": "批次名额", "department": "部门名额", "year_places": "年度名额",
    "budget": "年度预算",
}
PLACE_RULES = frozenset({"capacity", "department", "year_places", "budget"})


@dataclass(frozen=True)
class Verdict:
    results: tuple[RuleResult, ...]
    split: CostSplit

    @property
    def eligible(self) -> bool:
        """The person may go: every rule about them is met or overridden."""
        return all(r.passed for r in self.results if not r.place)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failures(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def summary(self) -> str:
        """符合 / 符合（特批：缺勤） / 符合，名额不足：批次名额 / 不符合：会龄、缺勤."""
        personal = [r.name for r in self.failures if not r.place]
        if personal:
            return "不符合：" + "、".join(personal)
        text = "符合"
        overridden = [r.name for r in self.results if r.override]
        if overridden:
            text += "（特批：" + "、".join(overridden) + "）"
        if self.failures:
            text += "，名额不足：" + "、".join(r.name for r in self.failures)
        return text


def _years_rule(key: str, since: dt.date | None, years: int, start: dt.date,
                what: str, missing: str) -> tuple[str, bool, str]:
    if years == 0:
        return key, True, "政策不要求。"
    if since is None:
        return key, False, missing
    reached = add_years(since, years)
    if reached <= start:
        return key, True, f"{since:%Y-%m-%d} {what}，至出发日已满 {years} 年。"
    return key, False, (f"{since:%Y-%m-%d} {what}，须满 {years} 年（{reached:%Y-%m-%d} 起），"
                        f"出发日 {start:%Y-%m-%d} 尚未满。")


def _cycle(facts: Facts) -> tuple[str, bool, str]:
    earlier = [p for p in facts.history if p.done and p.start.year < facts.trip.year]
    if not earlier:
        return "cycle", True, "此前没有参加过疗休养。"
    last = max(p.start for p in earlier)
    years = facts.policy.cycle_years
    again = add_years(last, years)
    if again <= facts.trip.start:
        return "cycle", True, (f"上次 {last:%Y-%m-%d}，每 {years} 年一次，"
                               f"{again:%Y-%m-%d} 起可再参加。")
    return "cycle", False, (f"上次 {last:%Y-%m-%d}，每 {years} 年一次，"
                            f"{again:%Y-%m-%d} 起才能再参加。")


def _out_of_province(facts: Facts) -> tuple[str, bool, str]:
    if facts.trip.in_province:
        return "out_of_province", True, "省内批次，不受省外间隔限制。"
    gap = facts.policy.out_of_province_gap_years
    # Arranged ones count too: two places outside the province in one window are a repeat.
    earlier = [p.start for p in facts.history
               if not p.in_province and p.start <= facts.trip.start]
    if not earlier or gap == 0:
        return "out_of_province", True, f"{gap} 年内没有参加过省外疗休养。"
    last = max(earlier)
    again = add_years(last, gap)
    if again <= facts.trip.start:
        return "out_of_province", True, f"上次省外 {last:%Y-%m-%d}，已满 {gap} 年。"
    return "out_of_province", False, (f"上次省外 {last:%Y-%m-%d}，{gap} 年内不重复安排省外，"
                                      f"{again:%Y-%m-%d} 起才可以。")


def _same_year(facts: Facts) -> list[PastTrip]:
    return [p for p in facts.history if p.start.year == facts.trip.year]


def _days(facts: Facts) -> tuple[str, bool, str]:
    same = _same_year(facts)
    total = facts.trip.days + sum(p.days for p in same)
    outside = not facts.trip.in_province or any(not p.in_province for p in same)
    limit = (facts.policy.max_days_out_of_province if outside
             else facts.policy.max_days_in_province)
    where = "省外" if outside else "省内"
    counted = f"本批次 {facts.trip.days} 天" + (
        f"，本年其他批次 {total - facts.trip.days} 天" if same else "")
    ok = total <= limit
    return "days", ok, f"{counted}，共 {total} 天，{where}最多 {limit} 天。"


def _periods(facts: Facts) -> tuple[str, bool, str]:
    count = 1 + len(_same_year(facts))
    limit = facts.policy.max_periods
    return "periods", count <= limit, f"本年第 {count} 段，最多分 {limit} 段。"


def _room(facts: Facts, split: CostSplit) -> list[tuple[str, bool, str]]:
    room = facts.room
    found = [("capacity", room.trip_taken < room.trip_capacity,
              f"本批次 {room.trip_capacity} 个名额，已安排其他人 {room.trip_taken} 人。")]
    if not room.departments_allocated:
        found.append(("department", True, "名额未按部门分配。"))
    elif room.dept_places is None:
        found.append(("department", False,
                      f"{room.department or '（未填部门）'}没有分到名额。"))
    else:
        found.append(("department", room.dept_taken < room.dept_places,
                      f"{room.department}分到 {room.dept_places} 个，已安排其他人 "
                      f"{room.dept_taken} 人。"))
    if room.year_places is None:
        found.append(("year_places", False, f"还没有登记 {facts.trip.year} 年的名额和预算。"))
    else:
        found.append(("year_places", room.year_taken < room.year_places,
                      f"全年 {room.year_places} 个名额，已安排其他人 {room.year_taken} 人。"))
    if room.budget is not None:
        left = room.budget - room.budget_used
        found.append(("budget", split.public <= left,
                      f"本人需经费 {yuan_text(split.public)}，预算还剩 {yuan_text(left)}。"))
    return found


def check(facts: Facts, overrides: Mapping[str, str] | None = None) -> Verdict:
    """Every rule for ``facts``; ``overrides`` maps a rule's key to the chair's reason."""
    policy, trip = facts.policy, facts.trip
    # Public money already given this year on the trips before this one.
    funded = sum((p.public_cost for p in _same_year(facts) if p.start < trip.start), Decimal(0))
    split = split_cost(policy, trip.cost_per_person, funded, facts.companions,
                       trip.cost_per_person)
    status_ok = facts.member_status == ACTIVE_MEMBER
    person: list[tuple[str, bool, str]] = [
        ("member", status_ok, "在册会员。" if status_ok
         else f"会籍状态为“{facts.member_status}”，只有在册会员可以参加。"),
        _years_rule("member_years", facts.join_date, policy.min_member_years, trip.start,
                    "入会", "会员资料中没有入会日期，请先补填。"),
        _years_rule("service_years", facts.hire_date, policy.min_service_years, trip.start,
                    "入职", "申请中没有填写入职日期。"),
        ("absence", facts.absence_days <= policy.max_absence_days,
         f"上年缺勤 {facts.absence_days} 天，最多 {policy.max_absence_days} 天。"),
        _cycle(facts),
        _out_of_province(facts),
        _days(facts),
        _periods(facts),
        ("day_cost", trip.cost_per_day <= policy.day_cost_cap,
         f"每人每天 {yuan_text(trip.cost_per_day)}，上限 {yuan_text(policy.day_cost_cap)}。"),
        ("personal_cap", not split.over_personal_cap,
         f"个人负担 {yuan_text(split.personal)}（{split.reason}），上限 "
         f"{policy.personal_cap_percent}% 即 {yuan_text(split.personal_limit)}。"),
        ("family", facts.companions == 0 or policy.family_allowed,
         "没有家属随行。" if facts.companions == 0 else
         (f"家属 {facts.companions} 人随行，费用自理。" if policy.family_allowed
          else f"家属 {facts.companions} 人随行，本年政策不允许家属随行。")),
    ]
    overrides = overrides or {}
    results = []
    for key, ok, text in [*person, *_room(facts, split)]:
        results.append(RuleResult(key, RULE_NAMES[key], ok, text, key in PLACE_RULES,
                                  "" if ok else overrides.get(key, "")))
    return Verdict(tuple(results), split)

