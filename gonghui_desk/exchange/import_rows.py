"""One spreadsheet row to a member draft: each mapped cell read as its field's kind.

Cells become text, dates, yes/no or code-list values (matched leniently, domain.code_match);
what cannot be read becomes a ``RowProblem`` that names the column and the value as the
sheet shows it. Lines that are not members (合计, 制表人, a merged 填表说明 note, the other
tail lines of tail_rows) are told apart from members with a missing name or ID number,
which are reported, not dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.code_match import match_code
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, CodeList
from gonghui_desk.domain.member import CODE_LISTS
from gonghui_desk.exchange import tail_rows as tail
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
        where = {k: i for i, k in self.mapping.items()}
        self._name, self._id = where.get("name"), where.get("id_number")
        self._days: dict[object, object] = {}

    def column(self, key: str, label: str) -> str:
        return self.column_of.get(key, f"{label}（表中无此列）")

    def kind_of_line(self, cells: Sequence[Cell]) -> str | None:
        """None for a member row, else why the line is passed over (tail_rows names it)."""
        width = len(cells)
        name = as_text(cells[self._name]) if self._name is not None and self._name < width else ""
        ident = as_text(cells[self._id]) if self._id is not None and self._id < width else ""
        if len(ident) >= 6 and ident.isascii() and ident[0].isalnum():
            return None  # the common case: an ID number where it belongs is a member's
        name_kind = tail.tail_word_kind(name) if name else None
        if name and name_kind is None and not self._label_beside(cells, ident):
            return None  # a member without a readable ID: reported, not dropped
        if ident and tail.looks_like_id(ident):
            return None  # "合计" or "说明" as a name, yet with an ID number: never dropped
        words = [t for t in (as_text(c) for c in cells if c is not None) if t]
        if not words:
            return "无内容"
        kind = tail.kind_of_words(words) or name_kind
        if kind is None and not name and not ident:
            kind = tail.first_tail_word(words)  # e.g. "审核：" right of an unknown word
        if kind is not None:
            return kind
        mapped = [cells[i] for i in self.mapping if i < width]
        filled = [c for c in mapped if c is not None and as_text(c)]
        if not filled:
            if any(not w.isdigit() for w in words):
                return "说明或签字行"  # e.g. a merged note written in the 序号 column
            return "无内容"  # e.g. a template row with only its 序号
        if not name and not ident and len(filled) <= 2:
            return "说明或签字行"
        return None

    def _label_beside(self, cells: Sequence[Cell], ident: str) -> bool:
        """A sign-off spread over cells: "制表人：" left of the name, or "审核：" in the 证件号码
        column, makes the name beside it a signer's, not a member's."""
        before = cells[: self._name or 0]
        return any(type(c) is str and tail.is_label(c) for c in before) or (
            bool(ident) and tail.is_label(ident))

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
