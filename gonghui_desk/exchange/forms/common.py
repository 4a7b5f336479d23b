"""What the forms share: the header block from the branch profile, rows in batches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from gonghui_desk.db.session import SessionFactory, officer_of
from gonghui_desk.domain.profile import BranchProfile

BATCH = 500


def filled_by(profile: BranchProfile) -> tuple[str, str]:
    """The 填表单位（盖章） line every form starts with."""
    return ("填表单位（盖章）", profile.union_name or "＿＿＿＿＿＿＿＿＿＿")


def date_text(day: dt.date) -> str:
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def exporter(sessions: SessionFactory) -> str:
    """The officer exporting, for the 导出人 line of the footer and the 填表人 line; "" until
    one is chosen: a form that goes out stamped never shows the computer's login."""
    officer = officer_of(sessions)
    return officer.name.strip() if officer.chosen else ""


def in_batches(items: Sequence[Any]) -> Callable[[], Iterator[Sequence[Any]]]:
    """Rows already read, handed out in batches like a streamed roster."""
    def batches() -> Iterator[Sequence[Any]]:
        for start in range(0, len(items), BATCH):
            yield items[start:start + BATCH]
    return batches


def yes_no(flag: bool | None) -> str:
    """是 or 否; blank for a question the record leaves unanswered (``None``)."""
    return "" if flag is None else "是" if flag else "否"
