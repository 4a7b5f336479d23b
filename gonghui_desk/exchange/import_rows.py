"""One spreadsheet row to a member draft: each mapped cell read as its field's kind.

Cells become text, dates, yes/no or code-list values (matched leniently, domain.code_match);
what cannot be read becomes a ``RowProblem`` that names the column and the value as the
sheet shows it. Lines that are not members (合计, 制表人, a merged 填表说明 note) are told
apart from members with a missing name, which are reported, not dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.code_match import match_code
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, CodeList
from gonghui_desk.domain.member import CODE_LISTS
from gonghui_desk.exchange.cell_values import (
    Cell,
    CellError,
    as_date,
    as_document_number,
    as_text,
    as_yes_no,
    shown,
)

DATE_KEYS = frozenset({"birth_date", "join_date", "change_date"})
YES_NO_KEYS = frozenset({"migrant_worker", "dispatched"})
ROW_CODE_LISTS: dict[str, CodeList] = {
    **CODE_LISTS, "change_kind": ms.EVENT_KINDS, "change_reason": MEMBERSHIP_CHANGE_REASON,
}
# A line whose first words are these is a total, a signature or a note, not a member.
_NOT_A_MEMBER = re.compile(
    r"^(合计|总计|小计|共计|制表|填表|审核|审批|说明|注[:：]|注意|备注[:：]|单位负责人|负责人|"
    r"联系人|联系电话[:：]|日期[:：]|以上|本表)"
)
_TOTAL_NAMES = frozenset({"合计", "总计", "小计", "共计"})


@dataclass(frozen=True)
class RowProblem:
    """A line of the problem list: where, what was there, what to do."""

    sheet: str
    row: int
    column: str
    value: str
    message: str
    count: int = 1  # rows that share this one problem (``row`` is the first of them)

    @property
    def rows_shown(self) -> str:
        """The row as a problem list shows it: "12", or "12 等 5,000 行"."""
        return str(self.row) if self.count == 1 else f"{self.row} 等 {self.count:,} 行"


@dataclass(slots=True)
class RowValues:
    """A row's readable values by field key, and what could not be read."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def _code_message(code_list: CodeList, value: str) -> str:
    if len(code_list.values) <= 16:
        choices = "、".join(code_list.values)
        return f"“{value}”不在{code_list.name}列表中，应为：{choices}。"
    return f"“{value}”不在{code_list.name}列表中，请按模板的下拉列表填写。"


class RowReader:
    """Reads rows of one sheet under one column mapping."""

    def __init__(self, sheet: str, headers: Sequence[str], mapping: dict[int, str]) -> None:
        self.sheet = sheet
        self.mapping = dict(sorted(mapping.items()))
        # a header's line break ("证件号码\n(填写18位身份证)") would split a problem line
        self.column_of = {key: " ".join(headers[i].split()) if i < len(headers) else ""
                          for i, key in self.mapping.items()}
        for index, key in self.mapping.items():
            if not self.column_of[key]:
                self.column_of[key] = f"第 {index + 1} 列"
        self._readers = [(i, k, self._reader(k)) for i, k in self.mapping.items()]
        self._identity = [i for i, k in self.mapping.items() if k in ("name", "id_number")]
        self._days: dict[object, object] = {}

    def column(self, key: str, label: str) -> str:
        return self.column_of.get(key, f"{label}（表中无此列）")

    def kind_of_line(self, cells: Sequence[Cell]) -> str | None:
        """None for a member row, else why the line is passed over."""
        width = len(cells)
        identity = [as_text(cells[i]) for i in self._identity if i < width]
        if identity and identity[0] and identity[0] not in _TOTAL_NAMES and not (
            _NOT_A_MEMBER.match(identity[0])
        ):
            return None  # the common case: a name or a number where it belongs
        mapped = [cells[i] for i in self.mapping if i < width]
        filled = [c for c in mapped if c is not None and as_text(c)]
        words = [t for t in (as_text(c) for c in cells if c is not None) if t]
        first = words[0] if words else ""
        if first.replace(" ", "") in _TOTAL_NAMES or any(n in _TOTAL_NAMES for n in identity):
            return "合计行"
        if not filled:
            if any(not w.isdigit() for w in words):
                return "说明或签字行"  # e.g. a merged note written in the 序号 column
            return "无内容"  # e.g. a template row with only its 序号
        if _NOT_A_MEMBER.match(first) and not any(identity[1:]):
            return "说明或签字行"
        if not any(identity) and len(filled) <= 2:
            return "说明或签字行"
        return None

    def read(self, number: int, cells: Sequence[Cell]) -> RowValues:
        row = RowValues(number)
        width = len(cells)
        values = row.values
        for index, key, reader in self._readers:
            cell = cells[index] if index < width else None
            try:
                values[key] = reader(cell)
            except CellError as exc:
                row.problems.append(RowProblem(
                    self.sheet, number, self.column_of[key], shown(cell), exc.message
                ))
                continue
            if key in DATE_KEYS:
                day, month_only = values[key]
                # one object per distinct day: a roster's 100,000 rows share a few thousand
                values[key] = day if day is None else self._days.setdefault(day, day)
                if month_only:
                    row.notices.append(
                        f"“{self.column_of[key]}”只写到月（{as_text(cell)}），按当月 1 日记录。"
                    )
        return row

    def _reader(self, key: str) -> Callable[[Cell], Any]:
        if key in DATE_KEYS:
            return as_date
        if key in YES_NO_KEYS:
            return as_yes_no
        if key == "id_number":
            return as_document_number
        code_list = ROW_CODE_LISTS.get(key)
        if code_list is None:
            return _text
        cache: dict[Cell, str | None] = {}

        def code(cell: Cell) -> str:
            # a column of a code list holds few distinct values: each is matched once
            try:
                matched = cache[cell]
            except KeyError:
                text = as_text(cell)
                matched = cache[cell] = match_code(code_list, text) if text else ""
            except TypeError:  # an unhashable cell cannot occur, but never crash on one
                matched = match_code(code_list, as_text(cell))
            if matched is None:
                raise CellError(_code_message(code_list, as_text(cell)))
            return matched

        return code


def _text(cell: Cell) -> str:
    return cell.strip() if type(cell) is str else as_text(cell)
