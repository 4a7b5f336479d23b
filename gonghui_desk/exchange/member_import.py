"""Importing members from a roster: every row checked, a preview, then all or nothing.

``plan_import`` reads the sheet under a column mapping and gives every row a verdict —
新增, 更新 (with the fields that change), 无变化, 已有记录 (skipped when only adding),
文件内重复 or 有错误 — by the member dialog's own rules (domain.member_rules: the fields,
how a new member came in, a changed 入会日期 against the history, the changes after it),
with duplicates by ID number inside the file and against the database. It is a generator
of ``Progress`` (STYLE.md, long work), run off the GUI thread or with a text bar.

Writing it is an operation (exchange.import_write), re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.idnumber import convert_15_to_18, normalise
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import FIELD_LABELS, FIELD_NAMES, MemberData
from gonghui_desk.domain.member_rules import (
    card_number_taken,
    check_new_record,
    check_update_record,
    id_number_taken,
)
from gonghui_desk.errors import FieldProblem
from gonghui_desk.exchange.cell_values import as_text, shown
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.exchange.import_plan import (
    ADD,
    BLOCKING,
    DUPLICATE,
    EXISTING,
    MODE_LABELS,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    UPSERT,
    ImportPlan,
    PlanRequest,
    RowResult,
    check_mapping,
)
from gonghui_desk.exchange.import_rows import RowProblem, RowReader, RowValues
from gonghui_desk.exchange.import_write import (
    IMPORT_MEMBERS,
    import_operation,
    refuse_blocked,
    remember_mapping,
    write_plan,
)
from gonghui_desk.services import Progress
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.bulk import collector_paused

__all__ = [
    "ADD", "BLOCKING", "DUPLICATE", "EXISTING", "IMPORT_MEMBERS", "MODE_LABELS", "NEW",
    "REJECTED", "UNCHANGED", "UPDATE", "UPSERT", "ImportPlan", "PlanRequest", "RowResult",
    "import_operation", "plan_import", "refuse_blocked", "remember_mapping", "write_plan",
]
# check_event names the event's fields; the sheet names them as the provincial form does.
_EVENT_KEYS = {"kind": "change_kind", "effective_date": "change_date",
               "reason": "change_reason", "counterpart_union": "counterpart_union"}
_UNKNOWN_UNION = "原工会未登记（导入）"
_UNKNOWN_UNION_NOTICE = "未填写原所在工会，转入记录中记为“原工会未登记”。"
# Changes that follow a 入会 (a new member's row may say one of these came last).
_LATER_KINDS = frozenset({ms.RESERVE, ms.TRANSFER_OUT, ms.EXPEL, ms.WITHDRAW})
_CHECK_CHUNK = 2000


class _Cells:
    """A row's cells by field key, looked up only where a problem or an update needs one
    (a dictionary per row would be built 100,000 times to be read a few hundred)."""

    __slots__ = ("cells", "columns")

    def __init__(self, cells: Sequence[Any], columns: dict[str, int]) -> None:
        self.cells = cells
        self.columns = columns

    def get(self, key: str) -> Any:
        index = self.columns.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None


class _Planner:
    def __init__(self, sessions: SessionFactory, request: PlanRequest) -> None:
        self.request = request
        self.sessions = sessions
        self.reader = RowReader(request.sheet.name, request.headers, request.mapping)
        self.mapped = set(request.mapping.values())
        self.today = request.today
        self._events: dict[tuple[ms.EventDraft, ...], tuple[ms.EventDraft, ...]] = {}

    def problem(self, row: RowValues | RowResult, key: str, message: str,
                cells: _Cells) -> RowProblem:
        label = TARGET_LABELS.get(key, key)
        return RowProblem(
            self.request.sheet.name, row.row, self.reader.column(key, label),
            shown(cells.get(key)), message,
        )

    def field_problem(self, row: RowValues, problem: FieldProblem,
                      cells: _Cells) -> RowProblem:
        key = _EVENT_KEYS.get(problem.key, problem.key)
        message = problem.message
        if key not in self.mapped and key in _FIELD_SET and message == "必须填写。":
            message = (f"表中没有“{FIELD_LABELS[key]}”一列，而这一项必须填写："
                       "请在原表中增加这一列，或在列对应中指定它所在的列。")
        return self.problem(row, key, message, cells)

    def field_problems(self, row: RowValues, problems: tuple[FieldProblem, ...],
                       cells: _Cells) -> list[RowProblem]:
        """The checker's problems, less those of a cell already reported as unreadable."""
        unreadable = {p.column for p in row.problems}
        found = (self.field_problem(row, p, cells) for p in problems)
        return [p for p in found if p.column not in unreadable]

    # -- one row ------------------------------------------------------------------------

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
                union = _UNKNOWN_UNION
                row.notices.append(_UNKNOWN_UNION_NOTICE)
            return [ms.EventDraft(ms.TRANSFER_IN, day or joined, reason, union)]
        if kind == ms.RESTORE:  # refused by the rules: a new member comes in by 入会 or 转入
            return [ms.EventDraft(ms.RESTORE, day)]
        return [ms.EventDraft(ms.JOIN, joined), ms.EventDraft(kind, day, reason)]

    def check_new(self, row: RowValues, cells: _Cells) -> RowResult:
        values = row.values
        kind = values.get("change_kind") or ""
        draft_values = {k: v for k, v in values.items() if k in _FIELD_SET}
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
        if (data.employment_status == "退休"
                and kind not in (ms.RESERVE, ms.TRANSFER_OUT, ms.EXPEL, ms.WITHDRAW)):
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

    def shared(self, events: tuple[ms.EventDraft, ...]) -> tuple[ms.EventDraft, ...]:
        """One tuple for equal events: most new members share their 入会 with others who
        joined that day, and 100,000 rows of them would hold 13 MB."""
        return self._events.setdefault(events, events)

    def check_update(self, row: RowValues, cells: _Cells, member_id: int,
                     current: MemberData, history: list[tuple[dt.date, str]]) -> RowResult:
        # A blank cell keeps what is on file: an HR export without phones erases nothing.
        overlay = {
            k: v for k, v in row.values.items()
            if k in _FIELD_SET and as_text(cells.get(k))
        }
        draft = replace(current, **overlay)
        kind = row.values.get("change_kind") or ""
        day = row.values.get("change_date")
        events: tuple[ms.EventDraft, ...] = ()
        if kind and day is not None and (day, kind) not in history and not (
            kind == ms.JOIN and day == draft.join_date
        ):
            union = row.values.get("counterpart_union") or ""
            if kind == ms.TRANSFER_IN and not union:
                union = _UNKNOWN_UNION  # said, as for a new member's 转入
                row.notices.append(_UNKNOWN_UNION_NOTICE)
            events = (ms.EventDraft(kind, day, row.values.get("change_reason") or "", union),)
        # the member dialog's rules for an edit, then its membership-change dialog's
        check = check_update_record(draft, history, events, self.today)
        data = check.data
        problems = [*row.problems, *self.field_problems(row, check.problems, cells)]
        if kind and day is None:
            problems.append(self.problem(
                row, "change_date", f"填写了会籍变化类型“{kind}”，还须填写变化日期。", cells
            ))
        result = RowResult(row.row, data.name, UPDATE, data, member_id=member_id,
                           problems=tuple(problems), notices=(*row.notices, *check.notices))
        changes = [
            f"{FIELD_LABELS[k]}：{_show(getattr(current, k), k)} → {_show(getattr(data, k), k)}"
            for k in FIELD_NAMES if getattr(current, k) != getattr(data, k)
        ]
        changes += [f"会籍变化：新增 {e.effective_date:%Y-%m-%d} {e.kind}" for e in events]
        result.changes = tuple(changes)
        if not result.problems:
            result.events = check.events
            if not changes:
                result.verdict = UNCHANGED
        return result

    # -- the sheet ----------------------------------------------------------------------

    def steps(self, out: list[ImportPlan]) -> Iterator[Progress]:
        request = self.request
        check_mapping(request)
        message = "正在逐行检查"
        body = [(n, c) for n, c in request.sheet.rows if n > request.header_row]
        total = len(body)
        yield Progress(0, total, "正在读取已有会员")
        existing = batches.existing_by_id_number(self.sessions)
        cards = batches.card_numbers(self.sessions)
        passed_over: list[tuple[int, str, str]] = []
        results: list[RowResult] = []
        pending_updates: list[tuple[RowValues, _Cells, int]] = []
        columns = {key: index for index, key in self.reader.mapping.items()}
        for done, (number, cells) in enumerate(body, start=1):
            why = self.reader.kind_of_line(cells)
            if why is not None:
                if why != "无内容":
                    words = next((t for t in map(as_text, cells) if t), "")
                    passed_over.append((number, why, words[:60]))
                continue
            row = self.reader.read(number, cells)
            raw = _Cells(cells, columns)
            number_text = _id_key(row.values.get("id_number", ""))
            known = existing.get(number_text) if number_text else None
            if known is not None and (request.mode == ADD or known.binned):
                results.append(self.existing_row(row, raw, known))
            elif known is not None:
                pending_updates.append((row, raw, known.member_id))
                results.append(RowResult(number, "", UPDATE))  # filled in below
            else:
                results.append(self.check_new(row, raw))
            if done % _CHECK_CHUNK == 0:
                yield Progress(done, total, message)
        yield from self.fill_updates(results, pending_updates)
        self.mark_duplicates(results, cards)
        for result in results:
            if result.problems and result.verdict not in BLOCKING:
                result.verdict = REJECTED
        out.append(ImportPlan(request.file, request.sheet.name, request.header_row,
                              request.mode, results, passed_over))
        yield Progress(total, total, "检查完成")

    def existing_row(self, row: RowValues, cells: _Cells,
                     known: batches.Existing) -> RowResult:
        where = f"，{known.department}" if known.department else ""
        name = str(row.values.get("name", ""))
        if known.binned:  # as the dialog refuses it
            taken = self.problem(row, "id_number", id_number_taken(known).message, cells)
            return RowResult(row.row, name, EXISTING, member_id=known.member_id,
                             problems=(*row.problems, taken), notices=tuple(row.notices))
        skipped = (f"已在本会登记（{known.name}，{known.status}{where}），本次跳过；"
                   f"如需用表中信息更新，请选择“{MODE_LABELS[UPSERT]}”。")
        return RowResult(row.row, name, EXISTING, member_id=known.member_id,
                         problems=tuple(row.problems), notices=(*row.notices, skipped))

    def fill_updates(self, results: list[RowResult],
                     pending: list[tuple[RowValues, _Cells, int]]) -> Iterator[Progress]:
        if not pending:
            return
        yield Progress(0, len(pending), "正在比对已有会员")
        records = batches.load_records(self.sessions, [m for _, _, m in pending])
        by_row = {r.row: i for i, r in enumerate(results)}
        updated = []
        for row, cells, member_id in pending:
            current, history = records[member_id]
            result = self.check_update(row, cells, member_id, current, history)
            results[by_row[row.row]] = result
            if result.verdict == UPDATE and not result.problems:
                updated.append((result, current))
        self.warn_alike(updated)

    def warn_alike(self, updated: list[tuple[RowResult, MemberData]]) -> None:
        """The member dialog's warnings that another record may be the same person, as
        notices (services.import_batches.alike_notices)."""
        said = batches.alike_notices(self.sessions, [
            (r.member_id, r.data, current) for r, current in updated
            if r.member_id is not None and r.data is not None])
        for result, _ in updated:
            hints = said.get(result.member_id or 0)
            if hints:
                result.notices = (*result.notices, *hints)

    def mark_duplicates(self, results: list[RowResult],
                        cards: dict[str, batches.Existing]) -> None:
        seen: dict[str, list[RowResult]] = defaultdict(list)
        seen_cards: dict[str, list[RowResult]] = defaultdict(list)
        for result in results:
            if result.data is not None and result.data.id_number:
                seen[_id_key(result.data.id_number)].append(result)
            if result.data is not None and result.data.card_number:
                seen_cards[result.data.card_number].append(result)
        for same in seen.values():
            if len(same) > 1:
                for result in same:
                    others = "、".join(str(r.row) for r in same if r is not result)
                    result.verdict = DUPLICATE
                    result.problems = (*result.problems, RowProblem(
                        self.request.sheet.name, result.row,
                        self.reader.column("id_number", "证件号码"),
                        _masked_id(result.data),
                        f"与第 {others} 行的证件号码相同：同一人只能有一条记录，请删去重复的行。",
                    ))
        if "card_number" not in self.mapped:  # cards on file are unique already
            return
        for card, same in seen_cards.items():
            same = [r for r in same if r.verdict != DUPLICATE]
            owner = cards.get(card)
            for result in same:
                if len(same) > 1:
                    others = "、".join(str(r.row) for r in same if r is not result)
                    message = f"与第 {others} 行的会员证号相同，会员证号不能重复。"
                elif owner is not None and owner.member_id != result.member_id:
                    message = card_number_taken(owner).message  # as the dialog says it
                else:
                    continue
                result.problems = (*result.problems, RowProblem(
                    self.request.sheet.name, result.row,
                    self.reader.column("card_number", "会员证号"), card, message,
                ))


_FIELD_SET = frozenset(FIELD_NAMES)


def _id_key(number: Any) -> str:
    """The ID number as stored: normalised, a 15-digit resident ID as its 18 digits."""
    text = normalise(str(number or ""))
    if len(text) == 15 and text.isdigit():
        return convert_15_to_18(text)
    return text


def _masked_id(data: MemberData | None) -> str:
    return mask_id_number(data.id_number) if data is not None else ""


_MASKED = {"id_number": mask_id_number, "phone": mask_phone}


def _show(value: object, key: str = "") -> str:
    """A value in a change line; ID numbers and mobiles masked, as in every list."""
    if value is None or value == "":
        return "（空）"
    if key in _MASKED:
        return _MASKED[key](str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def plan_import(
    sessions: SessionFactory, request: PlanRequest, out: list[ImportPlan]
) -> Iterator[Progress]:
    """Check every row; the plan is appended to ``out`` when the generator finishes."""
    with collector_paused():
        yield from _Planner(sessions, request).steps(out)
