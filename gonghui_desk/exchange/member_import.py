"""Importing members from a roster: every row checked, a preview, then all or nothing.

``plan_import`` reads the sheet under a column mapping and gives every row a verdict —
新增, 更新 (with the fields that change), 无变化, 已有记录 (skipped when only adding),
文件内重复 or 有错误 — by the member dialog's own rules (domain.member_rules: the fields,
how a new member came in, a changed 入会日期 against the history, the changes after it),
with duplicates by ID number inside the file and against the database. It is a generator
of ``Progress`` (STYLE.md, long work), run off the GUI thread or with a text bar.

The rows go two chunks at a time. New members' rows need no book (exchange.row_checks):
in a large file, those of every other chunk are checked by a second process
(exchange.check_pool) while this one sorts and checks the rest. Every step is linear in
the rows: duplicates are grouped by a dictionary, and a group is one problem naming a few
of its rows. A file that is mostly wrong (the first thousands of rows mostly refused) is
not checked to its end: the plan says where it stopped and what kinds of problems it saw.

Writing it is an operation (exchange.import_write), re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Iterator, Sequence
from dataclasses import replace

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import FIELD_LABELS, FIELD_NAMES, MemberData
from gonghui_desk.domain.member_rules import (
    check_update_record,
    id_number_taken,
)
from gonghui_desk.exchange.bad_rows import Tally, problem_kinds
from gonghui_desk.exchange.cell_values import Cell, CellError, as_document_number, as_text
from gonghui_desk.exchange.check_pool import CheckPool, worth_a_second_process
from gonghui_desk.exchange.file_duplicates import mark_duplicates
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
    EarlyStop,
    ImportPlan,
    PlanRequest,
    RowResult,
    check_mapping,
)
from gonghui_desk.exchange.import_rows import RowValues
from gonghui_desk.exchange.import_write import (
    IMPORT_MEMBERS,
    import_operation,
    refuse_blocked,
    remember_mapping,
    write_plan,
)
from gonghui_desk.exchange.row_checks import (
    FIELD_SET,
    UNKNOWN_UNION,
    UNKNOWN_UNION_NOTICE,
    Cells,
    CheckSettings,
    Line,
    RowChecker,
    id_key,
)
from gonghui_desk.exchange.workbook import read_sheet
from gonghui_desk.services import Progress
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.bulk import collector_paused, give_back_freed_memory

__all__ = [
    "ADD", "BLOCKING", "DUPLICATE", "EXISTING", "IMPORT_MEMBERS", "MODE_LABELS", "NEW",
    "REJECTED", "UNCHANGED", "UPDATE", "UPSERT", "ImportPlan", "PlanRequest", "RowResult",
    "import_operation", "plan_import", "refuse_blocked", "remember_mapping", "write_plan",
]
_CHECK_CHUNK = 2000
# The rows of a large sheet read before the rest (exchange.workbook.read_sheet's ``first``):
# the first pair of chunks, whose check can stop a hopeless file, below a header and the
# title, note and blank rows above it.
ROWS_READ_FIRST = 2 * _CHECK_CHUNK + 500


# A chunk sorted out: its verdicts in row order (None where a new member's row is still to
# be checked), the places of those, and their lines.
_Chunk = tuple[list[RowResult | None], list[int], list[Line]]


class _Planner:
    def __init__(self, sessions: SessionFactory, request: PlanRequest) -> None:
        self.request = request
        self.sessions = sessions
        self.settings = CheckSettings(request.sheet.name, tuple(request.headers),
                                      dict(request.mapping), request.today)
        self.rows = RowChecker(self.settings)
        self.reader = self.rows.reader
        self.mapped = self.rows.mapped
        self.today = request.today
        self._id_column = self.rows.columns.get("id_number")
        self._on_file: tuple[dict[str, batches.Existing],
                             dict[str, batches.Existing]] | None = None

    def check_update(self, row: RowValues, cells: Cells, member_id: int,
                     current: MemberData, history: list[tuple[dt.date, str]]) -> RowResult:
        # A blank cell keeps what is on file: an HR export without phones erases nothing.
        overlay = {
            k: v for k, v in row.values.items()
            if k in FIELD_SET and as_text(cells.get(k))
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
                union = UNKNOWN_UNION  # said, as for a new member's 转入
                row.notices.append(UNKNOWN_UNION_NOTICE)
            events = (ms.EventDraft(kind, day, row.values.get("change_reason") or "", union),)
        # the member dialog's rules for an edit, then its membership-change dialog's
        check = check_update_record(draft, history, events, self.today)
        data = check.data
        problems = [*row.problems, *self.rows.field_problems(row, check.problems, cells)]
        if kind and day is None:
            problems.append(self.rows.problem(
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
        check_mapping(self.request)
        if self.request.sheet.partial:
            plan = yield from self.first_rows_alone()
            if plan is not None:
                out.append(plan)
                yield Progress(1, 1, "检查完成")
                return
            if self.request.sheet.partial:
                yield Progress(0, 0, "正在读取整张工作表")
                self.request = replace(self.request, sheet=read_sheet(
                    self.request.file, self.request.sheet.name))
                give_back_freed_memory()  # the reader's own copy of the cells
        request = self.request
        body = [(n, c) for n, c in request.sheet.rows if n > request.header_row]
        total = len(body)
        yield Progress(0, total, "正在读取已有会员")
        pool = CheckPool(self.settings) if worth_a_second_process(total) else None
        try:
            existing, cards = self.on_file()
            plan = yield from self.check_rows(body, existing, cards, pool)
        finally:
            if pool is not None:
                pool.close()
        give_back_freed_memory()  # the chunks' cells and messages, before the write
        out.append(plan)
        yield Progress(total, total, "检查完成")

    def first_rows_alone(self) -> Generator[Progress, None, ImportPlan | None]:
        """A large sheet of which only the first rows were read: those rows checked as the
        whole sheet's first pair of chunks would be. The plan when the check stops there
        (the file is mostly wrong: the same rows and verdicts as a check of the whole
        sheet, without reading the rest of it); ``None`` when the whole must be read.

        The first look leaves the sheet's merged cells unread (they are listed after its
        rows); only a check that stops reads on to them, and checks again with them."""
        plan = yield from self.check_start()
        if plan is None or self.request.sheet.merges_filled:
            return plan
        yield Progress(0, 0, "正在读取合并单元格")
        request = self.request
        sheet = read_sheet(request.file, request.sheet.name, first=ROWS_READ_FIRST,
                           to_the_end=True)
        self.request = replace(request, sheet=sheet)
        return (yield from self.check_start()) if sheet.partial else None

    def check_start(self) -> Generator[Progress, None, ImportPlan | None]:
        request = self.request
        body = [(n, c) for n, c in request.sheet.rows if n > request.header_row]
        look = 2 * _CHECK_CHUNK
        if len(body) < look:
            return None
        after = len(body) - look + max(request.sheet.rows_after, 1)  # about: blanks count
        existing, cards = self.on_file()
        plan = yield from self.check_rows(body[:look], existing, cards, None, rows_after=after)
        return plan if plan.stopped is not None else None

    def on_file(self) -> tuple[dict[str, batches.Existing], dict[str, batches.Existing]]:
        """The members on file by ID number and by card number, read once however many
        looks the check takes at the sheet."""
        if self._on_file is None:
            self._on_file = (batches.existing_by_id_number(self.sessions),
                             batches.card_numbers(self.sessions))
        return self._on_file

    def check_rows(self, body: Sequence[Line], existing: dict[str, batches.Existing],
                   cards: dict[str, batches.Existing], pool: CheckPool | None,
                   rows_after: int = 0) -> Generator[Progress, None, ImportPlan]:
        """Every row's verdict, two chunks at a time: the new members' rows of the first
        checked by ``pool`` (when there is one) while this process checks the second's.
        After each pair the check stops if the file is mostly wrong — at the same rows
        whether or not a second process helps, so that both give the same plan.
        ``rows_after``: rows of the sheet below ``body`` that were not read."""
        request, total = self.request, len(body) + rows_after
        tally = Tally()
        results: list[RowResult] = []
        passed_over: list[tuple[int, str, str]] = []
        pending_updates: list[tuple[RowValues, Cells, int]] = []
        stopped: EarlyStop | None = None
        step = _CHECK_CHUNK
        for start in range(0, len(body), 2 * step):
            first = self.sort_chunk(body[start:start + step], existing, passed_over,
                                    pending_updates)
            future = pool.submit(first[2]) if pool is not None and not pool.broken else None
            second = self.sort_chunk(body[start + step:start + 2 * step], existing,
                                     passed_over, pending_updates)
            self.place(second, self.rows.check_lines(second[2]))
            if future is not None:
                assert pool is not None
                self.place(first, pool.result(future, first[2], self.rows))
            else:
                self.place(first, self.rows.check_lines(first[2]))
            tally.add(results, first[0])
            tally.add(results, second[0])
            done = min(start + 2 * step, total)
            yield Progress(done, total, "正在逐行检查")
            if done < total and tally.mostly_wrong():
                stopped = EarlyStop(body[done - 1][0], tally.checked, total,
                                    rough=rows_after > 0)
                break
        if stopped is None:
            yield from self.fill_updates(results, pending_updates)
        else:  # rows of members on file were not compared: they are left out
            results = [r for r in results if r.verdict != UPDATE or r.data is not None]
        mark_duplicates(results, request.sheet.name, self.reader, self.mapped, cards)
        for result in results:
            if result.problems and result.verdict not in BLOCKING:
                result.verdict = REJECTED
        if stopped is not None:
            stopped = replace(stopped, kinds=problem_kinds(results))
        return ImportPlan(request.file, request.sheet.name, request.header_row,
                          request.mode, results, passed_over, stopped)

    def sort_chunk(self, lines: Sequence[Line], existing: dict[str, batches.Existing],
                   passed_over: list[tuple[int, str, str]],
                   pending_updates: list[tuple[RowValues, Cells, int]],
                   ) -> _Chunk:
        """The chunk's rows sorted out: lines passed over noted, rows of members on file
        judged here, and the new members' lines (with their places) left to check."""
        slots: list[RowResult | None] = []
        places: list[int] = []
        new: list[Line] = []
        for number, cells in lines:
            why = self.reader.kind_of_line(cells)
            if why is not None:
                if why != "无内容":
                    words = next((t for t in map(as_text, cells) if t), "")
                    passed_over.append((number, why, words[:60]))
                continue
            number_text = self.id_key_of(cells)
            known = existing.get(number_text) if number_text else None
            if known is None:
                places.append(len(slots))
                slots.append(None)
                new.append((number, cells))
                continue
            row = self.reader.read(number, cells)
            raw = self.rows.cells(cells)
            if request_adds_only(self.request) or known.binned:
                slots.append(self.existing_row(row, raw, known))
            else:
                pending_updates.append((row, raw, known.member_id))
                slots.append(RowResult(number, "", UPDATE))  # filled in at the end
        return slots, places, new

    def id_key_of(self, cells: Sequence[Cell]) -> str:
        """The row's ID number as stored, read as the row reader reads it ("" when the
        cell is empty or unreadable: such a row is checked, and refused, as new)."""
        index = self._id_column
        if index is None or index >= len(cells):
            return ""
        try:
            return id_key(as_document_number(cells[index]))
        except CellError:
            return ""

    def place(self, chunk: _Chunk, checked: list[RowResult]) -> None:
        slots, places, _ = chunk
        for place, result in zip(places, checked, strict=True):
            if result.events:  # one tuple for equal events across the chunks
                result.events = self.rows.shared(result.events)
            slots[place] = result

    def existing_row(self, row: RowValues, cells: Cells,
                     known: batches.Existing) -> RowResult:
        where = f"，{known.department}" if known.department else ""
        name = str(row.values.get("name", ""))
        if known.binned:  # as the dialog refuses it
            taken = self.rows.problem(row, "id_number", id_number_taken(known).message, cells)
            return RowResult(row.row, name, EXISTING, member_id=known.member_id,
                             problems=(*row.problems, taken), notices=tuple(row.notices))
        skipped = (f"已在本会登记（{known.name}，{known.status}{where}），本次跳过；"
                   f"如需用表中信息更新，请选择“{MODE_LABELS[UPSERT]}”。")
        return RowResult(row.row, name, EXISTING, member_id=known.member_id,
                         problems=tuple(row.problems), notices=(*row.notices, skipped))

    def fill_updates(self, results: list[RowResult],
                     pending: list[tuple[RowValues, Cells, int]]) -> Iterator[Progress]:
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


def request_adds_only(request: PlanRequest) -> bool:
    return request.mode == ADD


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
