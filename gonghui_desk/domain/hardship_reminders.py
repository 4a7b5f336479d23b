"""What the 首页 reminds the chair of about hardship files, and from which day.

- the yearly review is due within 30 days, or overdue;
- a file not updated for 12 months;
- a file on file (已建档) that has had no aid this year, from the year's fourth month on (on
  1 January every household would be "without aid this year" at once, burying the rest);
- a 公示 that has ended without a decision.
The windows are parameters with these defaults, so a region can change them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.dates import add_months

REVIEW_WARNING_DAYS = 30
STALE_MONTHS = 12
AID_QUIET_MONTHS = 3  # no "no aid this year" reminder in the year's first months


@dataclass(frozen=True)
class FileSummary:
    """What the reminders need to know of one file."""

    file_id: int
    name: str
    steps: tuple[hp.Step, ...]
    last_change: dt.date  # the last day anything in the file was changed
    last_aid: dt.date | None


@dataclass(frozen=True)
class Reminder:
    file_id: int
    text: str
    due: dt.date  # sorts the list: the most pressing first


def reminders_for(files: Iterable[FileSummary], today: dt.date, *,
                  review_days: int = REVIEW_WARNING_DAYS,
                  stale_months: int = STALE_MONTHS,
                  aid_quiet_months: int = AID_QUIET_MONTHS) -> list[Reminder]:
    found: list[Reminder] = []
    stale_before = add_months(today, -stale_months)
    aid_reminded = today >= add_months(dt.date(today.year, 1, 1), aid_quiet_months)
    for f in files:
        steps = list(f.steps)
        state = hp.state_after(steps)
        if state in hp.CLOSED:
            continue
        due = hp.review_due(steps)
        if due is not None and (due - today).days <= review_days:
            late = (today - due).days
            when = f"已逾期 {late} 天" if late > 0 else (
                "今天到期" if late == 0 else f"还有 {-late} 天")
            found.append(Reminder(f.file_id, f"{f.name}：年度复核 {due:%Y-%m-%d} 到期（{when}）",
                                  due))
        if f.last_change <= stale_before:
            found.append(Reminder(f.file_id, f"{f.name}：档案已 {stale_months} 个月未更新"
                                  f"（最近一次 {f.last_change:%Y-%m-%d}）", f.last_change))
        if (aid_reminded and state == hp.FILED
                and (f.last_aid is None or f.last_aid.year < today.year)):
            found.append(Reminder(f.file_id, f"{f.name}：{today.year} 年尚未发放帮扶资金",
                                  dt.date(today.year, 12, 31)))
        ended = hp.notice_overdue(steps, today)
        if ended is not None:
            found.append(Reminder(f.file_id, f"{f.name}：公示已于 {ended:%Y-%m-%d} 结束，"
                                  "请办理建档或不予建档", ended))
    return sorted(found, key=lambda r: (r.due, r.file_id))
