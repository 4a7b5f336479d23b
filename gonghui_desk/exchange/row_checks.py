"""Checking the rows of new members: the part of an import's check that needs no book.

A row that names nobody on file is judged by the member dialog's rules alone
(domain.member_rules.check_new_record), with its cells read under the column mapping —
no database, no Qt. That is what lets a large file's new rows be checked in a second
process (exchange.check_pool) on the second core, while the planner goes on with the
rest: ``RowChecker`` is built from a picklable ``CheckSettings`` in either process and
gives the same verdict, message for message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.idnumber import convert_15_to_18, normalise
from gonghui_desk.domain.member import FIELD_LABELS, FIELD_NAMES, MemberData
from gonghui_desk.domain.member_rules import check_new_record
from gonghui_desk.errors import FieldProblem
from gonghui_desk.exchange.cell_values import Cell, shown
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.exchange.import_plan import NEW, RowResult
from gonghui_desk.exchange.import_rows import RowProblem, RowReader, RowValues

# check_event names the event's fields; the sheet names them as the provincial form does.
_EVENT_KEYS = {"kind": "change_kind", "effective_date": "change_date",
               "reason": "change_reason", "counterpart_union": "counterpart_union"}
UNKNOWN_UNION = "原工会未登记（导入）"
UNKNOWN_UNION_NOTICE = "未填写原所在工会，转入记录中记为“原工会未登记”。"
# Changes that follow a 入会 (a new member's row may say one of these came last).
_LATER_KINDS = frozenset({ms.RESERVE, ms.TRANSFER_OUT, ms.EXPEL, ms.WITHDRAW})
FIELD_SET = frozenset(FIELD_NAMES)
Line = tuple[int, Sequence[Cell]]  # a sheet row: its number and its cells


@dataclass(frozen=True)
class CheckSettings:
    """What checking a row depends on, small enough to send to another process."""

    sheet: str
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column index → field key
    today: dt.date


def id_key(number: Any) -> str:
    """The ID number as stored: normalised, a 15-digit resident ID as its 18 digits."""
    text = normalise(str(number or ""))
    if len(text) == 15 and text.isdigit():
        return convert_15_to_18(text)
    return text


class Cells:
    """A row's cells by field key, looked up only where a problem or an update needs one
    (a dictionary per row would be built 100,000 times to be read a few hundred)."""

    __slots__ = ("cells", "columns")

    def __init__(self, cells: Sequence[Any], columns: dict[str, int]) -> None:
        self.cells = cells
        self.columns = columns

    def get(self, key: str) -> Any:
        index = self.columns.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None


class RowChecker:
    """Reads and judges rows of one sheet under one mapping, on one day."""

    def __init__(self, settings: CheckSettings) -> None:
        self.settings = settings
        self.sheet = settings.sheet
        self.today = settings.today
        self.reader = RowReader(settings.sheet, settings.headers, settings.mapping)
        self.mapped = set(settings.mapping.values())
        self.columns = {key: index for index, key in self.reader.mapping.items()}
        self._events: dict[tuple[ms.EventDraft, ...], tuple[ms.EventDraft, ...]] = {}

    def cells(self, cells: Sequence[Any]) -> Cells:
        return Cells(cells, self.columns)

    def problem(self, row: RowValues | RowResult, key: str, message: str,
                cells: Cells) -> RowProblem:
        label = TARGET_LABELS.get(key, key)
        return RowProblem(self.sheet, row.row, self.reader.column(key, label),
                          shown(cells.get(key)), message)

    def field_problem(self, row: RowValues, problem: FieldProblem, cells: Cells) -> RowProblem:
        key = _EVENT_KEYS.get(problem.key, problem.key)
        message = problem.message
        if key not in self.mapped and key in FIELD_SET and message == "必须填写。":
            message = (f"表中没有“{FIELD_LABELS[key]}”一列，而这一项必须填写："
                       "请在原表中增加这一列，或在列对应中指定它所在的列。")
        return self.problem(row, key, message, cells)

    def field_problems(self, row: RowValues, problems: tuple[FieldProblem, ...],
                       cells: Cells) -> list[RowProblem]:
        """The checker's problems, less those of a cell already reported as unreadable."""
        unreadable = {p.column for p in row.problems}
        found = (self.field_problem(row, p, cells) for p in problems)
        return [p for p in found if p.column not in unreadable]

    def shared(self, events: tuple[ms.EventDraft, ...]) -> tuple[ms.EventDraft, ...]:
        """One tuple for equal events: most new members share their 入会 with others who
        joined that day, and 100,000 rows of them would hold 13 MB."""
        return self._events.setdefault(events, events)

    # -- a new member's row ---------------------------------------------------------------

    def check_lines(self, lines: Sequence[Line]) -> list[RowResult]:
        """The verdicts of new members' rows, in their order."""
        return [self.check_new(self.reader.read(number, cells), self.cells(cells))
                for number, cells in lines]

    def events_for_new(self, row: RowValues, joined: dt.date | None) -> list[ms.EventDraft]:
        """How a new member came in, and a change after it, as the row's columns say."""
        values = row.values
        kind = values.get("change_kind") or ms.JOIN
        day = values.get("change_date")
        reason = values.get("change_reason") or ""
        union = values.get("counterpart_union") or ""
        if kind == ms.JOIN:
            return [ms.EventDraft(ms.JOIN, joined)]
        if kind == ms.TRANSFER_IN:
            if not union:
                union = UNKNOWN_UNION
                row.notices.append(UNKNOWN_UNION_NOTICE)
            return [ms.EventDraft(ms.TRANSFER_IN, day or joined, reason, union)]
        if kind == ms.RESTORE:  # refused by the rules: a new member comes in by 入会 or 转入
            return [ms.EventDraft(ms.RESTORE, day)]
        return [ms.EventDraft(ms.JOIN, joined), ms.EventDraft(kind, day, reason)]

    def check_new(self, row: RowValues, cells: Cells) -> RowResult:
        values = row.values
        kind = values.get("change_kind") or ""
        draft_values = {k: v for k, v in values.items() if k in FIELD_SET}
        if (not draft_values.get("join_date") and kind in (ms.JOIN, ms.TRANSFER_IN)
                and values.get("change_date")):
            draft_values["join_date"] = values["change_date"]
            if kind == ms.TRANSFER_IN:
                row.notices.append("未填写入会日期，按转入日期记录。")
        elif (kind in _LATER_KINDS and "join_date" not in self.mapped
              and values.get("change_date")):
            # The provincial form has no 入会日期 column, only the latest change: a member
            # reserved, transferred out or gone comes in joined on that day (the record
            # needs a 入会), said so, rather than refused for a column the form lacks.
            draft_values["join_date"] = values["change_date"]
            row.notices.append(
                f"表中没有入会日期一列，入会日期暂按会籍变化日期（{values['change_date']:%Y-%m-%d}"
                f"，{kind}）记录，请在会员信息中改为实际的入会日期。")
        draft = MemberData(**draft_values)
        # the member dialog's rules, row by row (domain.member_rules)
        check = check_new_record(draft, self.events_for_new(row, draft.join_date), self.today)
        data = check.data
        problems = [*row.problems, *self.field_problems(row, check.problems, cells)]
        if kind == ms.JOIN and values.get("change_date") and data.join_date and (
            values["change_date"] != data.join_date
        ):
            problems.append(self.problem(
                row, "change_date", f"与入会日期 {data.join_date:%Y-%m-%d} 不一致，请核对。", cells,
            ))
        if data.employment_status == "退休" and kind not in _LATER_KINDS:
            problems.append(self.problem(
                row, "employment_status",
                "退休人员不作为新会员导入（退休后会籍在原单位保留）。如是本会保留会籍的会员，"
                "请在“会籍变化类型”填写“保留”并写明日期。", cells,
            ))
        result = RowResult(row.row, data.name, NEW, data, problems=tuple(problems),
                           notices=(*row.notices, *check.notices))
        if not problems:
            result.events, result.status = self.shared(check.events), check.status
        return result
