"""Importing members from a roster: every row checked, a preview, then all or nothing.

``plan_import`` reads the sheet under a column mapping and gives every row a verdict —
新增, 更新 (with the fields that change), 无变化, 已有记录 (skipped when only adding),
文件内重复 or 有错误 — with the same checks as the member dialog (domain.member.clean_member,
domain.membership.check_event) and duplicates by ID number inside the file and against the
database. ``write_plan`` then writes the whole plan as one recorded batch after a backup,
and refuses while any row is rejected unless only the valid rows were asked for.

Both are generators of ``Progress`` (STYLE.md, long work): the GUI runs them on a worker
with a cancel button, the CLI with a text bar.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from gonghui_desk.db.database import Database
from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.idnumber import convert_15_to_18, normalise
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import FIELD_LABELS, FIELD_NAMES, MemberData, clean_member
from gonghui_desk.errors import FieldProblem, UserError
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
from gonghui_desk.services import Progress
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.backup import back_up_and_rotate

__all__ = [
    "ADD", "BLOCKING", "DUPLICATE", "EXISTING", "MODE_LABELS", "NEW", "REJECTED", "UNCHANGED",
    "UPDATE", "UPSERT", "ImportPlan", "PlanRequest", "RowResult", "back_up_and_write",
    "plan_import", "refuse_blocked", "write_plan",
]
# check_event names the event's fields; the sheet names them as the provincial form does.
_EVENT_KEYS = {"kind": "change_kind", "effective_date": "change_date",
               "reason": "change_reason", "counterpart_union": "counterpart_union"}
_UNKNOWN_UNION = "原工会未登记（导入）"
_CHECK_CHUNK = 2000


class _Planner:
    def __init__(self, sessions: SessionFactory, request: PlanRequest) -> None:
        self.request = request
        self.sessions = sessions
        self.reader = RowReader(request.sheet.name, request.headers, request.mapping)
        self.mapped = set(request.mapping.values())
        self.today = request.today

    def problem(self, row: RowValues | RowResult, key: str, message: str,
                cells: dict[str, Any]) -> RowProblem:
        label = TARGET_LABELS.get(key, key)
        return RowProblem(
            self.request.sheet.name, row.row, self.reader.column(key, label),
            shown(cells.get(key)), message,
        )

    def field_problem(self, row: RowValues, problem: FieldProblem,
                      cells: dict[str, Any]) -> RowProblem:
        key = _EVENT_KEYS.get(problem.key, problem.key)
        message = problem.message
        if key not in self.mapped and key in _FIELD_SET and message == "必须填写。":
            message = (f"表中没有“{FIELD_LABELS[key]}”一列，而这一项必须填写："
                       "请在原表中增加这一列，或在列对应中指定它所在的列。")
        return self.problem(row, key, message, cells)

    def field_problems(self, row: RowValues, problems: tuple[FieldProblem, ...],
                       cells: dict[str, Any]) -> list[RowProblem]:
        """The checker's problems, less those of a cell already reported as unreadable."""
        unreadable = {p.column for p in row.problems}
        found = (self.field_problem(row, p, cells) for p in problems)
        return [p for p in found if p.column not in unreadable]

    # -- one row ------------------------------------------------------------------------

    def events_for_new(self, row: RowValues, data: MemberData) -> list[ms.EventDraft]:
        values = row.values
        kind = values.get("change_kind") or ms.JOIN
        day = values.get("change_date")
        reason = values.get("change_reason") or ""
        union = values.get("counterpart_union") or ""
        if kind == ms.JOIN:
            return [ms.EventDraft(ms.JOIN, data.join_date)]
        if kind == ms.TRANSFER_IN:
            if not union:
                union = _UNKNOWN_UNION
                row.notices.append("未填写原所在工会，转入记录中记为“原工会未登记”。")
            return [ms.EventDraft(ms.TRANSFER_IN, day or data.join_date, reason, union)]
        if kind == ms.RESTORE:
            return [ms.EventDraft(ms.RESTORE, day)]
        return [ms.EventDraft(ms.JOIN, data.join_date), ms.EventDraft(kind, day, reason)]

    def check_new(self, row: RowValues, cells: dict[str, Any]) -> RowResult:
        values = row.values
        kind = values.get("change_kind") or ""
        draft_values = {k: v for k, v in values.items() if k in _FIELD_SET}
        if (not draft_values.get("join_date") and kind in (ms.JOIN, ms.TRANSFER_IN)
                and values.get("change_date")):
            draft_values["join_date"] = values["change_date"]
            if kind == ms.TRANSFER_IN:
                row.notices.append("未填写入会日期，按转入日期记录。")
        check = clean_member(MemberData(**draft_values), self.today)
        result = RowResult(row.row, check.data.name, NEW, check.data,
                           problems=row.problems, notices=[*row.notices, *check.notices])
        result.problems += self.field_problems(row, check.problems, cells)
        if kind == ms.RESTORE:
            result.problems.append(self.problem(
                row, "change_kind", "新会员不能以“恢复”登记：请填写“入会”或“转入”。", cells
            ))
        elif kind == ms.JOIN and values.get("change_date") and check.data.join_date and (
            values["change_date"] != check.data.join_date
        ):
            result.problems.append(self.problem(
                row, "change_date",
                f"与入会日期 {check.data.join_date:%Y-%m-%d} 不一致，请核对。", cells,
            ))
        elif kind not in ("", ms.JOIN) and check.data.join_date is not None:
            events = self.events_for_new(row, check.data)
            history: list[tuple[dt.date, str]] = []
            for event in events:
                found = ms.check_event(event, history, birth_date=check.data.birth_date,
                                       today=self.today)
                result.problems += [self.field_problem(row, p, cells) for p in found]
                if found:
                    break
                assert event.effective_date is not None
                history.append((event.effective_date, event.kind))
            result.events = tuple(events)
        else:
            result.events = (ms.EventDraft(ms.JOIN, check.data.join_date),)
        if (check.data.employment_status == "退休"
                and kind not in (ms.RESERVE, ms.TRANSFER_OUT, ms.EXPEL, ms.WITHDRAW)):
            result.problems.append(self.problem(
                row, "employment_status",
                "退休人员不作为新会员导入（退休后会籍在原单位保留）。如是本会保留会籍的会员，"
                "请在“会籍变化类型”填写“保留”并写明日期。", cells,
            ))
        if not result.problems and result.events:
            result.status = ms.status_after(_history_of(result.events))
        return result

    def check_update(self, row: RowValues, cells: dict[str, Any], member_id: int,
                     current: MemberData, history: list[tuple[dt.date, str]]) -> RowResult:
        # A blank cell keeps what is on file: an HR export without phones erases nothing.
        overlay = {
            k: v for k, v in row.values.items()
            if k in _FIELD_SET and as_text(cells.get(k))
        }
        check = clean_member(replace(current, **overlay), self.today)
        data = check.data
        result = RowResult(row.row, data.name, UPDATE, data, member_id=member_id,
                           problems=row.problems, notices=[*row.notices, *check.notices])
        result.problems += self.field_problems(row, check.problems, cells)
        changes = [
            f"{FIELD_LABELS[k]}：{_show(getattr(current, k), k)} → {_show(getattr(data, k), k)}"
            for k in FIELD_NAMES if getattr(current, k) != getattr(data, k)
        ]
        kind = row.values.get("change_kind") or ""
        day = row.values.get("change_date")
        if kind and day is None:
            result.problems.append(self.problem(
                row, "change_date", f"填写了会籍变化类型“{kind}”，还须填写变化日期。", cells
            ))
        elif kind and (day, kind) not in history and not (
            kind == ms.JOIN and day == data.join_date
        ):
            union = row.values.get("counterpart_union") or (
                _UNKNOWN_UNION if kind == ms.TRANSFER_IN else ""
            )
            event = ms.EventDraft(kind, day, row.values.get("change_reason") or "", union)
            found = ms.check_event(event, history, birth_date=data.birth_date,
                                   today=self.today)
            result.problems += [self.field_problem(row, p, cells) for p in found]
            result.events = (event,)
            changes.append(f"会籍变化：新增 {day:%Y-%m-%d} {kind}")
        joined = data.join_date
        if joined is not None and joined != current.join_date and history and (
            not result.problems
        ):
            moved = [(joined if i == 0 and k == ms.JOIN else d, k)
                     for i, (d, k) in enumerate(history)]
            try:
                ms.status_after(moved)
            except ValueError as exc:
                result.problems.append(self.problem(
                    row, "join_date", f"改后会籍记录不成立：{exc}。", cells
                ))
        result.changes = tuple(changes)
        if not result.problems and not changes:
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
        pending_updates: list[tuple[RowValues, dict[str, Any], int]] = []
        for done, (number, cells) in enumerate(body, start=1):
            why = self.reader.kind_of_line(cells)
            if why is not None:
                if why != "无内容":
                    words = next((t for t in map(as_text, cells) if t), "")
                    passed_over.append((number, why, words[:60]))
                continue
            row = self.reader.read(number, cells)
            raw = {k: cells[i] if i < len(cells) else None
                   for i, k in self.reader.mapping.items()}
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

    def existing_row(self, row: RowValues, cells: dict[str, Any],
                     known: batches.Existing) -> RowResult:
        where = f"，{known.department}" if known.department else ""
        name = str(row.values.get("name", ""))
        result = RowResult(row.row, name, EXISTING, member_id=known.member_id,
                           problems=row.problems, notices=row.notices)
        if known.binned:
            result.problems.append(self.problem(
                row, "id_number",
                f"该证件号码属于回收站中的{known.name}：请先到“回收站”恢复该记录再导入。", cells,
            ))
        else:
            result.notices.append(
                f"已在本会登记（{known.name}，{known.status}{where}），本次跳过；"
                f"如需用表中信息更新，请选择“{MODE_LABELS[UPSERT]}”。"
            )
        return result

    def fill_updates(self, results: list[RowResult],
                     pending: list[tuple[RowValues, dict[str, Any], int]]) -> Iterator[Progress]:
        if not pending:
            return
        yield Progress(0, len(pending), "正在比对已有会员")
        records = batches.load_records(self.sessions, [m for _, _, m in pending])
        by_row = {r.row: i for i, r in enumerate(results)}
        for row, cells, member_id in pending:
            current, history = records[member_id]
            results[by_row[row.row]] = self.check_update(row, cells, member_id, current,
                                                         history)

    def mark_duplicates(self, results: list[RowResult], cards: dict[str, int]) -> None:
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
                    result.problems.append(RowProblem(
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
                elif owner is not None and owner != result.member_id:
                    message = "已是本会另一名会员的会员证号，会员证号不能重复。"
                else:
                    continue
                result.problems.append(RowProblem(
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


def _history_of(events: tuple[ms.EventDraft, ...]) -> list[tuple[dt.date, str]]:
    history: list[tuple[dt.date, str]] = []
    for event in events:
        if event.effective_date is not None:
            history.append((event.effective_date, event.kind))
    return history


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
    return _Planner(sessions, request).steps(out)


def refuse_blocked(plan: ImportPlan, valid_only: bool) -> None:
    if plan.blocked and not valid_only:
        bad = plan.count(*BLOCKING)
        raise UserError(
            f"有 {bad} 行未通过检查，整个文件都没有导入。请按问题清单修改原表后重新导入，"
            "或明确选择“只导入通过检查的行”。"
        )


def write_plan(
    sessions: SessionFactory,
    plan: ImportPlan,
    *,
    valid_only: bool,
    result: dict[str, int],
) -> Iterator[Progress]:
    """Write the plan's new and updated rows as one batch; refuse a blocked plan."""
    refuse_blocked(plan, valid_only)
    adds, updates = plan.to_write()
    return batches.write_batch(
        sessions,
        file_name=plan.file.name,
        sheet=plan.sheet,
        mode=plan.mode,
        adds=[batches.NewMember(r.data, r.events, r.status)  # type: ignore[arg-type]
              for r in adds],
        updates=[batches.MemberUpdate(r.member_id, r.data, r.events)  # type: ignore[arg-type]
                 for r in updates],
        result=result,
    )


def back_up_and_write(
    db: Database, plan: ImportPlan, *, valid_only: bool, result: dict[str, int]
) -> Iterator[Progress]:
    """What a real import does: refuse a blocked plan, back up the database, write."""
    refuse_blocked(plan, valid_only)
    if db.path is not None:
        yield Progress(0, 0, "正在备份数据库")
        back_up_and_rotate(db, "import")
    yield from write_plan(db.sessions, plan, valid_only=valid_only, result=result)
