"""The rules a member's record obeys as a whole when it is saved, on every path.

``clean_member`` (domain.member) judges each field. Here the record with its history:
how a new member came in (入会, dated on the 入会日期, or 转入, not before it), a changed
入会日期 against the events already on file, the membership changes saved with the record,
and the numbers that belong to one person only (证件号码, 会员证号); and the words of the
warnings that another record may be the same person. The member dialog, the
import, the demo and the 回收站 all save through these (services.member_rows), so a record
refused on one path is refused on every path, with the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import FIELD_LABELS, MemberData, clean_member
from gonghui_desk.errors import FieldProblem

FIRST_EVENT_KINDS = (ms.JOIN, ms.TRANSFER_IN)
History = Sequence[tuple[dt.date, str]]  # (date, kind) in the order they took effect


@dataclass(frozen=True, slots=True)
class RecordCheck:
    """What saving a record would do: its cleaned values, what must be corrected, and —
    when nothing must — the events it adds and the status it ends with."""

    data: MemberData
    problems: tuple[FieldProblem, ...]
    notices: tuple[str, ...]
    events: tuple[ms.EventDraft, ...] = ()  # added by saving, dated, in order
    status: str = ""
    first_join_to: dt.date | None = None  # an update moves the first 入会 event here


def _problem(key: str, message: str) -> FieldProblem:
    label = FIELD_LABELS.get(key) or ms.EVENT_LABELS[key]
    return FieldProblem(label, message, key)


def _later_events(
    history: list[tuple[dt.date, str]], events: Sequence[ms.EventDraft], data: MemberData,
    today: dt.date,
) -> tuple[list[FieldProblem], list[ms.EventDraft]]:
    """Each change after the history, as the membership-change dialog would take it."""
    added: list[ms.EventDraft] = []
    for event in events:
        found = ms.check_event(event, history, birth_date=data.birth_date, today=today)
        if found:
            return found, added
        assert event.effective_date is not None
        history.append((event.effective_date, event.kind))
        added.append(event)
    return [], added


def check_new_record(
    draft: MemberData, events: Sequence[ms.EventDraft], today: dt.date
) -> RecordCheck:
    """A new member with the event that brought them in (``events[0]``: 入会 or 转入) and
    any changes after it. A 入会 is dated on the 入会日期, whatever date it was given."""
    check = clean_member(draft, today)
    data = check.data
    problems = list(check.problems)
    first, *later = events
    if first.kind == ms.JOIN and first.effective_date != data.join_date:
        first = replace(first, effective_date=data.join_date)
    if first.kind not in FIRST_EVENT_KINDS:
        problems.append(_problem("kind", "新会员只能以“入会”或“转入”登记。"))
        return RecordCheck(data, tuple(problems), check.notices)
    # A 入会 is dated by the 入会日期, whose own problems are already said about it.
    if not (first.kind == ms.JOIN and any(p.key == "join_date" for p in problems)):
        problems += ms.check_event(first, [], birth_date=data.birth_date, today=today)
    joined, arrived = data.join_date, first.effective_date
    if first.kind == ms.TRANSFER_IN and joined and arrived and arrived < joined:
        problems.append(_problem("effective_date", "转入日期不能早于入会日期。"))
    if arrived is None:
        return RecordCheck(data, tuple(problems), check.notices)
    history = [(arrived, first.kind)]
    found, added = _later_events(history, later, data, today)
    problems += found
    if problems:
        return RecordCheck(data, tuple(problems), check.notices)
    return RecordCheck(data, (), check.notices, (first, *added), ms.status_after(history))


def check_update_record(
    draft: MemberData, history: History, events: Sequence[ms.EventDraft], today: dt.date
) -> RecordCheck:
    """A member on file saved with ``draft`` as the whole record, then ``events`` added.

    A record that came in by 入会 moves that first event with its 入会日期, as long as the
    history still holds; one that came in by 转入 keeps a 入会日期 no later than the 转入.
    """
    check = clean_member(draft, today)
    data = check.data
    problems = list(check.problems)
    moved = list(history)
    first_join_to = None
    if moved and data.join_date is not None:
        day, kind = moved[0]
        if kind == ms.JOIN:
            moved[0] = (data.join_date, kind)
            first_join_to = data.join_date
        elif data.join_date > day:
            problems.append(_problem("join_date", f"不能晚于转入本会的日期 {day:%Y-%m-%d}。"))
    try:
        ms.status_after(moved)
    except ValueError as exc:
        problems.append(_problem("join_date", f"改后会籍记录不成立：{exc}。"))
        return RecordCheck(data, tuple(problems), check.notices)
    found, added = _later_events(moved, events, data, today)
    problems += found
    if problems:
        return RecordCheck(data, tuple(problems), check.notices)
    return RecordCheck(data, (), check.notices, tuple(added), ms.status_after(moved),
                       first_join_to)


@dataclass(frozen=True, slots=True)
class Holder:
    """A record on file that holds a number another record asks for."""

    member_id: int
    name: str
    department: str
    status: str
    binned: bool  # in the 回收站

    def describe(self) -> str:
        where = f"，{self.department}" if self.department else ""
        state = "在回收站中" if self.binned else self.status
        return f"{self.name}（{state}{where}）"


def id_number_taken(holder: Holder) -> FieldProblem:
    """The ID number is already another record's: one person, one record."""
    if holder.binned:
        advice = "请到“回收站”恢复该记录，不要重复建档。"
    elif holder.status in ms.MEMBER_STATUSES:
        advice = "同一人只能有一条会员记录。"
    else:
        advice = "如其重新入会，请在该记录上办理“入会”或“转入”，不要重复建档。"
    return _problem("id_number", f"已属于{holder.describe()}。{advice}")


def card_number_taken(holder: Holder) -> FieldProblem:
    return _problem("card_number", f"已属于{holder.describe()}，会员证号不能重复。")


def same_person_hint(holder: Holder) -> str:
    """A warning, not a refusal: another record with the same name and birth date."""
    return f"{holder.describe()}与本记录姓名、出生日期相同，可能是同一人。"


def same_mobile_hint(holder: Holder, phone: str) -> str:
    """A warning, not a refusal: another record with the same mobile (``phone`` as shown)."""
    return f"{holder.describe()}登记了同一个移动电话 {phone}。"
