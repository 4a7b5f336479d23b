"""Reading the change history: search, per record, export, as an auditor (经审委员) reads it.

Each entry names its record in words ("会员 张伟"), each field by its label in its own table
(history_labels), each value as the chair typed it (history_values: 是/否, 元, dates, the
name of a referenced record, a setting by its on-screen name). Sensitive values are masked.
The names a page needs are looked up for the whole page at once (history_names).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import (
    AidPayment,
    ChangeRecord,
    CollectiveContract,
    ContractAttachment,
    ContractNegotiator,
    HardshipFile,
    HardshipRelative,
    HardshipStep,
    Member,
    MembershipEvent,
    RecuperationApplication,
)
from gonghui_desk.db.session import SessionFactory, clock_of, officer_of, session_scope
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.services.history_labels import (
    ACTION_LABELS,
    SETTING_LABELS,
    TABLE_LABELS,
    column_label,
    setting_label,
    table_label,
)
from gonghui_desk.services.history_names import Entry, NameOf, PageNames, key_facts, resolve
from gonghui_desk.services.history_values import (
    EMPTY,
    column_order,
    says_nothing,
    setting_value,
    show,
)

CSV_HEADER = ["时间", "操作人", "类别", "记录", "编号", "操作", "内容"]
# A create lists what was filled in; the record's own number is in the record column.
NOT_LISTED = frozenset({"id"})


@dataclass(frozen=True)
class HistoryFilter:
    text: str = ""
    table: str = ""
    record_id: str = ""
    since: dt.date | None = None  # entries on or after this day


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    actor: str
    table: str  # the table's label: 会员
    record_id: str  # the record's stored key: 12
    action: str
    summary: str  # 字段：旧 → 新; sensitive values masked
    record: str = ""  # the record in words: 会员 张伟
    lines: tuple[str, ...] = ()  # the summary's parts, one field each

    @property
    def record_with_id(self) -> str:
        return f"{self.record}（编号 {self.record_id}）" if self.record_id else self.record


def _setting_summary(action: str, key: str, changes: Mapping[str, Sequence[object]]) -> str:
    old, new = changes.get("value", [None, None])
    label = setting_label(key)
    if action == "update":
        before, after = setting_value(key, old), setting_value(key, new)
        return f"{label}：已更改" if before == after else f"{label}：{before} → {after}"
    return f"{label}：{setting_value(key, new if action == 'create' else old)}"


def entry_lines(action: str, entry: Entry, name_of: NameOf) -> list[str]:
    """The entry's changes, one ``字段：旧 → 新`` each, in the order of the record's form."""
    changes = entry.changes
    if entry.table == "app_setting":
        key = str(key_facts("app_setting", entry.record_id).get("key") or
                  next((v for v in changes.get("key", []) if v), ""))
        return [_setting_summary(action, key, changes)]
    order = column_order(entry.table)
    lines = []
    for field in sorted(changes, key=lambda f: (order.get(f, len(order)), f)):
        old, new = changes[field]
        label = column_label(entry.table, field)
        if action == "update":
            before = show(entry.table, field, old, name_of)
            after = show(entry.table, field, new, name_of)
            lines.append(f"{label}：已更改" if before == after else f"{label}：{before} → {after}")
            continue
        value = old if action == "delete" else new
        # A new record's defaults say nothing; an import's "0 updated" does.
        defaulted = action == "create" and says_nothing(entry.table, field, value)
        if value not in (None, "") and field not in NOT_LISTED and not defaulted:
            lines.append(f"{label}：{show(entry.table, field, value, name_of)}")
    return lines


def summarise_entry(action: str, entry: Entry, name_of: NameOf) -> str:
    """The entry's changes on one line: ``字段：旧 → 新；…``."""
    return "；".join(entry_lines(action, entry, name_of))


def summarise(action: str, changes_json: str, table: str = "", record_id: str = "") -> str:
    """One entry on its own (no database at hand: references read "编号 N")."""
    entry = Entry(table, record_id, json.loads(changes_json))
    return summarise_entry(action, entry, PageNames().name_of)


def table_named(text: str) -> str | None:
    """The stored table for a name the user typed: ``member`` or its label ``会员``."""
    text = text.strip()
    if text in TABLE_LABELS:
        return text
    return next((t for t, label in TABLE_LABELS.items() if label == text), None)


def _query(flt: HistoryFilter) -> Select[ChangeRecord]:
    query = select(ChangeRecord)
    if flt.table:
        query = query.where(ChangeRecord.table_name == flt.table)
    if flt.record_id:
        query = query.where(ChangeRecord.record_id == flt.record_id)
    if flt.since is not None:
        query = query.where(ChangeRecord.at >= dt.datetime.combine(flt.since, dt.time.min))
    text = flt.text.strip()
    if text:
        pattern = f"%{text}%"
        conditions = [ChangeRecord.changes.like(pattern), ChangeRecord.actor.like(pattern)]
        # A setting is searched by its name on screen, not by its stored key.
        keys = [key for key, label in SETTING_LABELS.items() if text in label]
        if keys:
            conditions.append(ChangeRecord.record_id.in_(keys))
        query = query.where(or_(*conditions, *_named(pattern)))
    return query


# Records found by the name they show: a member's later edits hold no name, only the
# fields changed, and a step or a payment holds its file's number.
_NAMES = {"member": (Member.id, Member.name), "hardship_file": (HardshipFile.id, HardshipFile.name),
          "collective_contract": (CollectiveContract.id, CollectiveContract.title)}
_CHILDREN = {
    "membership_event": (MembershipEvent.id, MembershipEvent.member_id, "member"),
    "recuperation_application": (RecuperationApplication.id, RecuperationApplication.member_id,
                                 "member"),
    "hardship_relative": (HardshipRelative.id, HardshipRelative.file_id, "hardship_file"),
    "hardship_step": (HardshipStep.id, HardshipStep.file_id, "hardship_file"),
    "aid_payment": (AidPayment.id, AidPayment.file_id, "hardship_file"),
    "contract_negotiator": (ContractNegotiator.id, ContractNegotiator.contract_id,
                            "collective_contract"),
    "contract_attachment": (ContractAttachment.id, ContractAttachment.contract_id,
                            "collective_contract"),
}


def _named(pattern: str) -> list[ColumnElement[bool]]:
    """Entries of the records (and of their steps, payments, events…) whose name matches."""
    matching = {table: select(key).where(name.like(pattern))
                for table, (key, name) in _NAMES.items()}
    conditions = [
        and_(ChangeRecord.table_name == table, ChangeRecord.record_id.in_(
            select(cast(key, String)).where(name.like(pattern))))
        for table, (key, name) in _NAMES.items()
    ]
    conditions += [
        and_(ChangeRecord.table_name == table, ChangeRecord.record_id.in_(
            select(cast(key, String)).where(parent_id.in_(matching[parent]))))
        for table, (key, parent_id, parent) in _CHILDREN.items()
    ]
    return conditions


def _rows(page: PageNames, records: Sequence[ChangeRecord],
          entries: Sequence[Entry]) -> list[HistoryRow]:
    rows = []
    for record, entry in zip(records, entries, strict=True):
        lines = tuple(entry_lines(record.action, entry, page.name_of)) or (EMPTY,)
        rows.append(HistoryRow(
            at=record.at, actor=record.actor, table=table_label(record.table_name),
            record_id=record.record_id, action=ACTION_LABELS.get(record.action, record.action),
            summary="；".join(lines), record=page.record(entry), lines=lines,
        ))
    return rows


def latest_change(session: Session, table: str, record_id: int | str) -> HistoryRow | None:
    """The newest history entry of one record, ready to read (who, when, what)."""
    record = session.scalars(
        select(ChangeRecord).where(ChangeRecord.table_name == table,
                                   ChangeRecord.record_id == str(record_id))
        .order_by(ChangeRecord.id.desc()).limit(1)).first()
    if record is None:
        return None
    entries = [Entry.of(record)]
    return _rows(resolve(session, entries), [record], entries)[0]


def newest_entry(sessions: SessionFactory) -> int:
    """The id of the newest history entry (0 for none): every write leaves one, so a page
    that saw this id has seen every change, whoever made it."""
    with session_scope(sessions) as session:
        return int(session.scalar(select(func.max(ChangeRecord.id))) or 0)


def count_history(sessions: SessionFactory, flt: HistoryFilter) -> int:
    with session_scope(sessions) as session:
        return int(session.scalar(select(func.count()).select_from(_query(flt).subquery())) or 0)


def search_history(sessions: SessionFactory, flt: HistoryFilter, limit: int = 500,
                   offset: int = 0, *, newest_first: bool = True) -> list[HistoryRow]:
    """One page of entries, newest first unless asked otherwise, ready to read."""
    order = ChangeRecord.id.desc() if newest_first else ChangeRecord.id.asc()
    query = _query(flt).order_by(order).limit(limit).offset(offset)
    with session_scope(sessions) as session:
        records = list(session.scalars(query))
        entries = [Entry.of(r) for r in records]
        return _rows(resolve(session, entries), records, entries)


def export_history(sessions: SessionFactory, flt: HistoryFilter, path: Path,
                   batch: int = 5000) -> Iterator[Progress]:
    """Write the matching history as CSV (UTF-8 with BOM, so Excel and WPS read the Chinese)."""
    total = count_history(sessions, flt)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            done = 0
            while done < total:
                for row in search_history(sessions, flt, batch, done):
                    writer.writerow([row.at.strftime("%Y-%m-%d %H:%M:%S"), row.actor, row.table,
                                     row.record, row.record_id, row.action, row.summary])
                done = min(done + batch, total)
                yield Progress(done, total, "导出修改记录")
            exported = clock_of(sessions).now().strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([])
            writer.writerow([f"导出人：{officer_of(sessions).display}", f"导出时间：{exported}",
                             "证件号码、手机号和银行账号已隐去中间位"])
        partial.replace(path)
    except OSError as exc:
        raise UserError(f"无法写入 {path}：{exc.strerror}。请换一个位置再导出。") from exc
    finally:
        partial.unlink(missing_ok=True)
