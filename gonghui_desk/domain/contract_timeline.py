"""A contract's statutory deadlines, its status, and what the 首页 reminds of.

要约 → written reply within 20 days; the draft to the 职代会; signing; filing with the labour
bureau within 10 days of signing (a wage contract: a setting, 7 days by default); review
within 15 days of filing — no objection means the contract is in force, an objection
(审查意见书) means changing it and filing again; renewal may be asked for in the last 3
months of the term. Days are calendar days, and "within 20 days" means the 20th day is
still in time. Every period is a setting per region with these defaults.
The status is never typed in: it follows from the dates recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.contract import WAGE, Vote
from gonghui_desk.domain.dates import add_months

NEGOTIATING, TO_APPROVE, TO_SIGN = "协商中", "待审议", "待签订"
TO_FILE, IN_REVIEW = "待备案", "审查中"
IN_FORCE, EXPIRING, EXPIRED, TERMINATED = "生效", "即将到期", "已到期", "已终止"
STATUS = CodeList("合同状态", (NEGOTIATING, TO_APPROVE, TO_SIGN, TO_FILE, IN_REVIEW, IN_FORCE,
                              EXPIRING, EXPIRED, TERMINATED))


@dataclass(frozen=True)
class DeadlineRules:
    region: str = ""  # 行政区划代码; "" for everywhere
    reply_days: int = 20
    filing_days: int = 10
    wage_filing_days: int = 7
    review_days: int = 15
    renewal_months: int = 3
    filing_warning_days: int = 3
    expiry_warning_days: int = 90


RULE_LABELS = {
    "reply_days": "要约书面答复期限（日）", "filing_days": "签订后报送备案期限（日）",
    "wage_filing_days": "工资专项集体合同报送期限（日）",
    "review_days": "劳动行政部门审查期限（日）",
    "renewal_months": "期满前可提出续签（月）", "filing_warning_days": "备案到期提前提醒（日）",
    "expiry_warning_days": "合同到期提前提醒（日）",
}


def check_rules(rules: DeadlineRules) -> list[tuple[str, str]]:
    """(field, message) for each period outside what makes sense."""
    limits = {"reply_days": 60, "filing_days": 60, "wage_filing_days": 60, "review_days": 60,
              "renewal_months": 12, "filing_warning_days": 30, "expiry_warning_days": 365}
    return [(key, f"应在 1 到 {top} 之间。") for key, top in limits.items()
            if not 1 <= getattr(rules, key) <= top]


@dataclass(frozen=True)
class Timeline:
    """The dates recorded for one contract (``None`` where the step has not happened)."""

    contract_type: str
    offer_date: dt.date | None = None  # 要约
    reply_date: dt.date | None = None
    draft_date: dt.date | None = None  # 协商一致、形成草案
    meeting_date: dt.date | None = None
    vote: Vote | None = None
    signed_date: dt.date | None = None
    filed_date: dt.date | None = None
    objection_date: dt.date | None = None  # 审查意见书
    refiled_date: dt.date | None = None  # filed again after the changes
    confirmed_date: dt.date | None = None  # the chair confirmed it is in force
    published_date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    terminated_date: dt.date | None = None
    renewal_open: bool = False  # a renewal of this contract is recorded and not terminated


def reply_due(t: Timeline, rules: DeadlineRules) -> dt.date | None:
    return None if t.offer_date is None else t.offer_date + dt.timedelta(days=rules.reply_days)


def filing_days(t: Timeline, rules: DeadlineRules) -> int:
    return rules.wage_filing_days if t.contract_type == WAGE else rules.filing_days


def filing_due(t: Timeline, rules: DeadlineRules) -> dt.date | None:
    if t.signed_date is None:
        return None
    return t.signed_date + dt.timedelta(days=filing_days(t, rules))


def objection_pending(t: Timeline) -> bool:
    return t.objection_date is not None and (t.refiled_date is None
                                             or t.refiled_date < t.objection_date)


def review_due(t: Timeline, rules: DeadlineRules) -> dt.date | None:
    filed = t.refiled_date or t.filed_date
    if filed is None or objection_pending(t):
        return None
    return filed + dt.timedelta(days=rules.review_days)


def in_force_from(t: Timeline, rules: DeadlineRules) -> dt.date | None:
    """The day after the review period (or the term's start, if later)."""
    due = review_due(t, rules)
    if due is None:
        return None
    day = due + dt.timedelta(days=1)
    return max(day, t.start) if t.start else day


def renewal_opens(t: Timeline, rules: DeadlineRules) -> dt.date | None:
    return None if t.end is None else add_months(t.end, -rules.renewal_months)


def status(t: Timeline, today: dt.date, rules: DeadlineRules) -> str:
    if t.terminated_date is not None and t.terminated_date <= today:
        return TERMINATED
    if t.signed_date is None:
        if t.vote is not None and t.vote.passed:
            return TO_SIGN
        if t.draft_date is not None and (t.vote is None or t.meeting_date is None):
            return TO_APPROVE
        return NEGOTIATING
    if t.filed_date is None or objection_pending(t):
        return TO_FILE
    due = review_due(t, rules)
    if due is not None and today <= due:
        return IN_REVIEW
    if t.end is not None and today > t.end:
        return EXPIRED
    opens = renewal_opens(t, rules)
    if opens is not None and today >= opens:
        return EXPIRING
    return IN_FORCE


def _in(days: int) -> str:
    if days < 0:
        return f"已逾期 {-days} 天"
    return "今天到期" if days == 0 else f"还有 {days} 天"


@dataclass(frozen=True)
class NextDeadline:
    text: str
    due: dt.date


def next_deadline(t: Timeline, today: dt.date, rules: DeadlineRules) -> NextDeadline | None:
    """The date the chair must act by next, in words, for the list."""
    state = status(t, today, rules)
    reply = reply_due(t, rules)
    if state == NEGOTIATING and reply is not None and t.reply_date is None:
        return NextDeadline(f"书面答复 {reply:%Y-%m-%d}（{_in((reply - today).days)}）", reply)
    if state == TO_FILE:
        if objection_pending(t):
            return NextDeadline("按审查意见修改后重新报送", today)
        due = filing_due(t, rules)
        assert due is not None
        return NextDeadline(f"报送备案 {due:%Y-%m-%d}（{_in((due - today).days)}）", due)
    if state == IN_REVIEW:
        due = review_due(t, rules)
        assert due is not None
        return NextDeadline(f"审查期至 {due:%Y-%m-%d}（{_in((due - today).days)}）", due)
    if state == IN_FORCE and t.end is not None:
        opens = renewal_opens(t, rules)
        assert opens is not None
        return NextDeadline(f"{opens:%Y-%m-%d} 起可提出续签", opens)
    if state == EXPIRING and t.end is not None:
        return NextDeadline(f"{t.end:%Y-%m-%d} 期满（{_in((t.end - today).days)}）", t.end)
    return None


@dataclass(frozen=True)
class Reminder:
    contract_id: int
    text: str
    due: dt.date


def reminders_for(contract_id: int, name: str, t: Timeline, today: dt.date,
                  rules: DeadlineRules) -> list[Reminder]:
    """What the 首页 says about one contract (most contracts: nothing)."""
    found: list[Reminder] = []
    state = status(t, today, rules)
    if state == TERMINATED:
        return found
    reply = reply_due(t, rules)
    if reply is not None and t.reply_date is None and today > reply and state == NEGOTIATING:
        found.append(Reminder(contract_id, f"{name}：要约 {t.offer_date:%Y-%m-%d} 发出，书面答复"
                              f"已逾期 {(today - reply).days} 天（应于 {reply:%Y-%m-%d} 前答复）",
                              reply))
    due = filing_due(t, rules)
    if state == TO_FILE and due is not None and not objection_pending(t):
        days = (due - today).days
        if days <= rules.filing_warning_days:
            found.append(Reminder(contract_id, f"{name}：{t.signed_date:%Y-%m-%d} 签订，应于 "
                                  f"{due:%Y-%m-%d} 前报送备案（{_in(days)}）", due))
    review = review_due(t, rules)
    if (review is not None and today > review and t.confirmed_date is None
            and state in (IN_FORCE, EXPIRING)):
        found.append(Reminder(contract_id, f"{name}：审查期已于 {review:%Y-%m-%d} 届满，未收到"
                              "审查意见，合同已生效——请确认并向全体职工公布", review))
    if t.end is not None and state in (IN_FORCE, EXPIRING):
        days = (t.end - today).days
        if 0 <= days <= rules.expiry_warning_days:
            found.append(Reminder(contract_id, f"{name}：将于 {t.end:%Y-%m-%d} 期满"
                                  f"（{_in(days)}），请及时提出续签协商", t.end))
    if state == EXPIRED and not t.renewal_open:
        assert t.end is not None
        found.append(Reminder(contract_id, f"{name}：已于 {t.end:%Y-%m-%d} 期满，还没有续签合同"
                              "在协商", t.end))
    return found


# The steps in the order of the process, each with what is recorded along with its date
# (the vote with the meeting, the bureau with the filing …): taking a step back clears both.
STEP_ORDER = ("offer_date", "reply_date", "draft_date", "meeting_date", "signed_date",
              "filed_date", "objection_date", "refiled_date", "confirmed_date",
              "published_date", "terminated_date")
STEP_DETAILS: dict[str, tuple[str, ...]] = {
    "offer_date": ("offer_side",),
    "meeting_date": ("meeting_session", "vote"),
    "filed_date": ("filed_with", "acceptance_no"),
    "objection_date": ("objection_text",),
    "published_date": ("published_how",),
    "terminated_date": ("terminated_reason",),
}


def latest_step(t: Timeline) -> str | None:
    """The date field of the step taken last: the latest date, and of two on one day the
    later in the process; ``None`` before the first."""
    taken = [(getattr(t, key), i, key) for i, key in enumerate(STEP_ORDER)
             if getattr(t, key) is not None]
    return max(taken)[2] if taken else None
