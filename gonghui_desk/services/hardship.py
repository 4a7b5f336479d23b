"""Hardship files: open, edit, take steps, set 低保 standards and run the yearly income test.

One household, one open file: before a file is opened or edited, every ID number in its
household (the applicant's and each member's) is looked up among the applicants and
household members of the other open files, and a match is refused naming that file.
A closed file (脱困, 解困, 退出, 不予建档) is kept and stays readable but takes no edits.

The writes are operations (services.operations): they take the transaction's ``tx`` and its
day. A saved household or a year's income items are changed row by row — a member who
stays keeps their row and only the fields that changed are written — so the history shows
who was added, changed or removed, not the whole household deleted and typed in again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import (
    DibaoStandard,
    HardshipFile,
    HardshipMoneyItem,
    HardshipRelative,
    HardshipStep,
    HardshipYear,
)
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship import IncomeTest, Suggestion, check_override, suggest_category
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft, clean_file, household_size
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.money import to_fen, to_yuan
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.edit_conflicts import lock_for_save, refuse_if_saved_since, version_of
from gonghui_desk.services.history_notes import checked_reason, note_take_back
from gonghui_desk.services.operations import Tx

INCOME, EXPENSE = "收入", "支出"
# The operations' titles (what the progress line and a refusal name).
OPEN_FILE = "新建困难职工档案"
UPDATE_FILE = "保存困难职工档案"
TAKE_STEP = "登记办理环节"
TAKE_BACK_STEP = "撤回档案的上一步"
SET_DIBAO = "保存低保标准"
ASSESS_YEAR = "保存收入测算"


def _open_clash(session: Session, numbers: list[str], except_file: int | None) -> str | None:
    """A message naming the open file that already holds one of ``numbers``, if any."""
    if not numbers:
        return None
    open_file = HardshipFile.state.not_in(sorted(hp.CLOSED))
    others = [HardshipFile.id != except_file] if except_file is not None else []
    applicant = session.execute(
        select(HardshipFile.id, HardshipFile.name, HardshipFile.id_number)
        .where(open_file, *others, HardshipFile.id_number.in_(numbers))
    ).first()
    relative = session.execute(
        select(HardshipFile.id, HardshipFile.name, HardshipRelative.id_number)
        .join(HardshipRelative, HardshipRelative.file_id == HardshipFile.id)
        .where(open_file, *others, HardshipRelative.id_number.in_(numbers))
    ).first()
    found = applicant or relative
    if found is None:
        return None
    file_id, name, number = found
    return (f"身份证号 {mask_id_number(number)} 已在 {name} 的困难职工档案（编号 {file_id}）中，"
            "该档案尚未结档。一户只能有一份在档档案：请在那份档案中更新，或先将其结档。")


def _relative_values(draft: RelativeDraft) -> dict[str, object]:
    values = {k: v for k, v in asdict(draft).items() if k not in ("id", "monthly_income")}
    values["monthly_income_fen"] = to_fen(draft.monthly_income)
    return values


def _set_changed(row: object, values: dict[str, object]) -> None:
    """Write only the fields whose value differs, so an unchanged row stays untouched."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _save_relatives(session: Session, row: HardshipFile,
                    drafts: tuple[RelativeDraft, ...]) -> None:
    """The household as drafted: a draft with the id of one of this file's members updates
    that member; one without (or with an id of no member here) is added; the members no
    draft names are deleted — each a history entry of its own."""
    existing = {r.id: r for r in row.relatives}
    kept = []
    for draft in drafts:
        found = existing.pop(draft.id, None) if draft.id is not None else None
        if found is None:
            found = HardshipRelative(**_relative_values(draft))
        else:
            _set_changed(found, _relative_values(draft))
        kept.append(found)
    for gone in existing.values():
        # An explicit delete: an orphan dropped from the collection would leave no history.
        session.delete(gone)
    row.relatives = kept


def _fill(session: Session, row: HardshipFile, draft: FileDraft) -> None:
    values = asdict(draft)
    values.pop("relatives")
    values["monthly_income_fen"] = to_fen(values.pop("monthly_income"))
    _set_changed(row, values)
    _save_relatives(session, row, draft.relatives)


def _checked(session: Session, draft: FileDraft, today: dt.date,
             file_id: int | None) -> FileDraft:
    cleaned, problems = clean_file(draft, today)
    if problems:
        raise ValidationError(problems)
    clash = _open_clash(session, cleaned.id_numbers(), file_id)
    if clash:
        raise ValidationError([FieldProblem("身份证号", clash, "id_number")])
    return cleaned


def open_file(tx: Tx, draft: FileDraft, applied_on: dt.date, by: str = "") -> int:
    """Open a file with its 申请 step; return its number."""
    step = hp.Step(hp.APPLY, applied_on, by)
    problems = hp.check_step(step, [], tx.today)
    if problems:
        raise ValidationError(problems)
    session = tx.session
    cleaned = _checked(session, draft, tx.today, None)
    row = HardshipFile(state=hp.APPLIED)
    _fill(session, row, cleaned)
    row.steps = [HardshipStep(kind=step.kind, day=step.day, by=by, note="")]
    session.add(row)
    session.flush()
    return row.id


def _file(session: Session, file_id: int) -> HardshipFile:
    row = session.get(HardshipFile, file_id)
    if row is None:
        raise UserError(f"找不到编号为 {file_id} 的困难职工档案。请刷新列表。")
    return row


def steps_of(row: HardshipFile) -> list[hp.Step]:
    return [hp.Step(s.kind, s.day, s.by, s.note, s.until) for s in row.steps]


def file_version(sessions: SessionFactory, file_id: int) -> int:
    """The file's saves so far: its dialog reads it first and saves with it."""
    return version_of(sessions, HardshipFile, file_id)


def update_file(tx: Tx, file_id: int, draft: FileDraft, seen_version: int | None = None
                ) -> None:
    """Save changed details and household members of an open file; refused with
    ``EditConflict`` when another officer saved it since ``seen_version``."""
    row = lock_for_save(tx.session, HardshipFile, file_id)
    if row is None:
        raise UserError(f"找不到编号为 {file_id} 的困难职工档案。请刷新列表。")
    refuse_if_saved_since(tx.session, row, seen_version, f"{row.name} 的困难职工档案")
    if row.state in hp.CLOSED:
        raise UserError(f"{row.name} 的档案已结档（{row.state}），只能查看，不能修改。")
    cleaned = _checked(tx.session, draft, tx.today, file_id)
    _fill(tx.session, row, cleaned)


def load_file(sessions: SessionFactory, file_id: int) -> tuple[FileDraft, str, list[hp.Step]]:
    """A file as its dialog shows it: details (unmasked), state and steps."""
    names = [f.name for f in fields(FileDraft) if f.name not in ("relatives", "monthly_income")]
    relative_names = [f.name for f in fields(RelativeDraft)
                      if f.name not in ("monthly_income", "id")]
    with session_scope(sessions) as session:
        row = _file(session, file_id)
        relatives = tuple(
            RelativeDraft(**{n: getattr(r, n) for n in relative_names},
                          monthly_income=to_yuan(r.monthly_income_fen), id=r.id)
            for r in row.relatives
        )
        draft = FileDraft(**{n: getattr(row, n) for n in names},
                          monthly_income=to_yuan(row.monthly_income_fen), relatives=relatives)
        return draft, row.state, steps_of(row)


def take_step(tx: Tx, file_id: int, step: hp.Step) -> str:
    """Record a step of the process; return the file's state after it."""
    row = _file(tx.session, file_id)
    taken = steps_of(row)
    problems = hp.check_step(step, taken, tx.today)
    if problems:
        raise ValidationError(problems)
    row.steps.append(HardshipStep(kind=step.kind, day=step.day, until=step.until,
                                  by=step.by.strip(), note=step.note.strip()))
    row.state = hp.state_after([*taken, step])
    return row.state


def take_back_step(tx: Tx, file_id: int, reason: str) -> str:
    """Take back the file's latest step, with the reason; return the state before it.

    The application (the first step) is the file itself and is not taken back. Aid paid
    after a 建档 that is taken back stays on record: it is voided on its own, if it was
    wrong too, so that money is never taken off the books as a side effect.
    """
    row = _file(tx.session, file_id)
    why = checked_reason(reason)
    if len(row.steps) < 2:
        raise UserError(f"{row.name} 的档案只有“申请”一步：申请不能撤回；"
                        "档案登记错了，请办理“不予建档”并写明原因。")
    last = row.steps[-1]
    details = {"file_id": file_id, "kind": last.kind, "day": last.day}
    row.steps.remove(last)
    tx.session.delete(last)
    tx.session.flush()
    row.state = hp.state_after(steps_of(row))
    note_take_back(tx.session, "hardship_step", last.id, details, why, tx.today)
    return row.state


def set_dibao(tx: Tx, region: str, year: int, monthly: Decimal) -> None:
    """Save the monthly 低保 standard per person of ``region`` in ``year``."""
    if monthly <= 0:
        raise ValidationError(
            [FieldProblem("低保标准", "应为大于 0 的金额（元/人·月）。", "dibao")]
        )
    row = tx.session.get(DibaoStandard, (region, year))
    if row is None:
        tx.session.add(DibaoStandard(region=region, year=year, monthly_fen=to_fen(monthly)))
    else:
        _set_changed(row, {"monthly_fen": to_fen(monthly)})


def dibao_for(sessions: SessionFactory, region: str, year: int) -> Decimal | None:
    with session_scope(sessions) as session:
        row = session.get(DibaoStandard, (region, year))
        return None if row is None else to_yuan(row.monthly_fen)


def dibao_standards(sessions: SessionFactory, region: str) -> list[tuple[int, Decimal]]:
    """The region's standards on file as (year, monthly amount), the latest year first."""
    query = (select(DibaoStandard.year, DibaoStandard.monthly_fen)
             .where(DibaoStandard.region == region).order_by(DibaoStandard.year.desc()))
    with session_scope(sessions) as session:
        return [(year, to_yuan(fen)) for year, fen in session.execute(query)]


def _save_items(session: Session, kept: HardshipYear,
                items: list[tuple[str, str, int]]) -> None:
    """The year's items as given, (side, item, fen): an item already kept under the same
    side and name (the n-th of that name for the n-th given) keeps its row and changes only
    its amount; new ones are added, the rest deleted."""
    existing: dict[tuple[str, str], list[HardshipMoneyItem]] = {}
    for old in kept.items:
        existing.setdefault((old.side, old.item), []).append(old)
    rows = []
    for side, item, fen in items:
        same = existing.get((side, item))
        if same:
            row = same.pop(0)
            _set_changed(row, {"amount_fen": fen})
        else:
            row = HardshipMoneyItem(file_id=kept.file_id, year=kept.year, side=side, item=item,
                                    amount_fen=fen)
        rows.append(row)
    for gone in (old for left in existing.values() for old in left):
        session.delete(gone)
    kept.items = rows


def assess_year(
    tx: Tx, file_id: int, year: int,
    income: list[tuple[str, Decimal]], expenses: list[tuple[str, Decimal]],
    category: str = "", override_reason: str = "",
) -> Suggestion:
    """Run the income test for ``year`` on the items given, keep it with the suggestion,
    the arithmetic and the category chosen (a different one needs ``override_reason``).
    A year tested again is updated in place."""
    session = tx.session
    row = _file(session, file_id)
    standard = session.get(DibaoStandard, (row.region, year))
    dibao = to_yuan(standard.monthly_fen) if standard else Decimal(0)
    test = IncomeTest(sum((a for _, a in income), Decimal(0)),
                      sum((a for _, a in expenses), Decimal(0)),
                      household_size(len(row.relatives)), dibao)
    problems = test.problems()
    if standard is None:
        problems = [p for p in problems if p.key != "dibao"] + [FieldProblem(
            "低保标准", f"还没有设置地区 {row.region or '（未填写）'} {year} 年的低保标准："
            "请在“设置 → 低保标准”中填写后再测算。", "dibao")]
    if any(a < 0 for _, a in [*income, *expenses]):
        problems.append(FieldProblem("收支明细", "金额不能为负数。", "items"))
    suggestion = suggest_category(test) if not problems else None
    chosen = category or (suggestion.category if suggestion else "") or ""
    if suggestion is not None:
        problems += check_override(suggestion.category, chosen, override_reason)
    if problems or suggestion is None:
        raise ValidationError(problems)
    kept = session.get(HardshipYear, (file_id, year))
    if kept is None:
        kept = HardshipYear(file_id=file_id, year=year)
        session.add(kept)
    _set_changed(kept, {
        "household_size": test.household_size, "income_fen": to_fen(test.annual_income),
        "expenses_fen": to_fen(test.rigid_expenses), "dibao_fen": to_fen(dibao),
        "per_capita_fen": to_fen(suggestion.per_capita),
        "suggested": suggestion.category or "", "category": chosen,
        "override_reason": override_reason.strip(), "arithmetic": suggestion.arithmetic,
    })
    _save_items(session, kept, [(side, item, to_fen(amount))
                                for side, items in ((INCOME, income), (EXPENSE, expenses))
                                for item, amount in items])
    if chosen:
        _set_changed(row, {"category": chosen})
    return suggestion


@dataclass(frozen=True)
class YearTest:
    """A year's income test as it was kept: items, the standard used, suggestion and choice."""

    year: int
    household_size: int
    income: list[tuple[str, Decimal]]
    expenses: list[tuple[str, Decimal]]
    dibao: Decimal
    per_capita: Decimal
    suggested: str
    category: str
    override_reason: str
    arithmetic: str


def load_years(sessions: SessionFactory, file_id: int) -> list[YearTest]:
    """The file's yearly income tests, the latest year first."""
    with session_scope(sessions) as session:
        rows = session.scalars(select(HardshipYear).where(HardshipYear.file_id == file_id)
                               .order_by(HardshipYear.year.desc())).all()
        return [
            YearTest(
                r.year, r.household_size,
                [(i.item, to_yuan(i.amount_fen)) for i in r.items if i.side == INCOME],
                [(i.item, to_yuan(i.amount_fen)) for i in r.items if i.side == EXPENSE],
                to_yuan(r.dibao_fen), to_yuan(r.per_capita_fen), r.suggested, r.category,
                r.override_reason, r.arithmetic,
            )
            for r in rows
        ]
