"""Undoing an import batch: what it added removed, what it updated put back.

``undo_batch`` is an operation body, one transaction; ``check_undo`` is its check, run
before the safety copy so that a refused undo costs no backup. It refuses, naming whom,
when any of the batch's members changed after the import (edited, given or relieved of an
event, moved to the 回收站 or purged): undoing then would silently throw away later work.
The change history, the last event id and the event count the batch recorded tell its own
changes from later ones; timestamps cannot, at one-second resolution. Every row the undo
deletes or puts back leaves its history entry, like any other change.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Integer, String, Table, delete, func, select
from sqlalchemy.orm import Session

from gonghui_desk.db import audit
from gonghui_desk.db.models import (
    ChangeRecord,
    ImportBatch,
    ImportBatchItem,
    Member,
    MembershipEvent,
)
from gonghui_desk.db.models.imports import ADDED, UPDATED
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain.member import MemberData
from gonghui_desk.errors import UserError
from gonghui_desk.services.bulk import collector_paused
from gonghui_desk.services.import_batches import BatchInfo, batch_members, event_count
from gonghui_desk.services.member_rows import MEMBER_COLUMNS, member_columns, settle_status
from gonghui_desk.services.operations import Op, SafetyCopy, Tx

UNDO_IMPORT = "撤销导入"
_IN_CHUNK = 500  # ids per IN (…): well under every SQLite's limit of bound values
MEMBER_TABLE: Table = Member.__table__  # type: ignore[assignment]
EVENT_TABLE: Table = MembershipEvent.__table__  # type: ignore[assignment]


def _changed_since(session: Session, batch: ImportBatch) -> list[str]:
    """Names of the batch's members changed after it: edited, given or relieved of an
    event, moved to the 回收站 or purged (the purge entry keeps the name)."""
    members = batch_members(batch.id)
    later = select(ChangeRecord.record_id).where(
        ChangeRecord.id > batch.log_mark,
        ChangeRecord.table_name == "member",
        ChangeRecord.record_id.in_(select(func.cast(ImportBatchItem.member_id, String))
                                   .where(ImportBatchItem.batch_id == batch.id)),
    )
    edited = select(func.cast(ChangeRecord.record_id, Integer)).where(
        ChangeRecord.id > batch.log_mark, ChangeRecord.table_name == "member"
    )
    names = list(session.scalars(
        select(Member.name).where(Member.id.in_(members), Member.id.in_(edited)).limit(6)
    ))
    if not names:
        names = list(session.scalars(select(Member.name).where(
            Member.id.in_(members),
            Member.id.in_(select(MembershipEvent.member_id).where(
                MembershipEvent.id > batch.last_event_id)),
        ).limit(6)))
    if not names and session.scalar(later.limit(1)) is not None:
        names = ["（已永久删除的会员）"]
    if not names and event_count(session, batch.id) != batch.event_count:
        names = ["（会籍变化被撤销的会员）"]
    return names


def _refusal(session: Session, batch_id: int) -> tuple[ImportBatch, str | None]:
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UserError(f"没有编号为 {batch_id} 的导入批次。")
    if batch.undone_at is not None:
        return batch, (f"导入批次 {batch_id} 已于 {batch.undone_at:%Y-%m-%d %H:%M} 由 "
                       f"{batch.undone_by} 撤销过。")
    changed = _changed_since(session, batch)
    if changed:
        who = "、".join(changed[:5]) + ("等" if len(changed) > 5 else "")
        return batch, (
            f"导入后又修改过其中的会员（{who}），撤销会丢掉这些修改，因此不能整批撤销。"
            "请逐个处理这些记录，或从导入前的自动备份恢复。"
        )
    return batch, None


def undo_refusal(sessions: SessionFactory, batch_id: int) -> str | None:
    """Why the batch cannot be undone, or None (to say so before asking)."""
    with session_scope(sessions) as session:
        return _refusal(session, batch_id)[1]


def check_undo(session: Session, batch_id: int) -> None:
    """Raise the reason ``undo_batch`` would refuse (the operation's check)."""
    _, refusal = _refusal(session, batch_id)
    if refusal:
        raise UserError(refusal)


def _delete_rows(tx: Tx, table: Table, column: str, member_ids: list[int]) -> None:
    """Delete the rows of these members, each with its history entry (its values as they
    were), in bulk: an import of 100,000 is undone in seconds."""
    session = tx.session
    connection = session.connection()
    names = [c.name for c in table.columns]
    key = table.c[column]
    for start in range(0, len(member_ids), _IN_CHUNK):
        chunk = member_ids[start:start + _IN_CHUNK]
        rows = connection.execute(select(table).where(key.in_(chunk))).all()
        audit.entries_for_rows(session, table.name, audit.DELETE, names, rows)
        # the connection's own execute: history for these rows is written just above
        connection.execute(delete(table).where(key.in_(chunk)))


def undo_batch(tx: Tx, batch_id: int) -> int:
    """Remove what the batch added, restore what it updated; return how many members."""
    with collector_paused():
        return _undo_batch(tx, batch_id)


def _undo_batch(tx: Tx, batch_id: int) -> int:
    session = tx.session
    message = "正在撤销导入"
    batch, refusal = _refusal(session, batch_id)
    if refusal:
        raise UserError(refusal)
    items = list(session.scalars(
        select(ImportBatchItem).where(ImportBatchItem.batch_id == batch_id)
    ))
    total = len(items)
    tx.progress(0, total, message)
    added = [i.member_id for i in items if i.action == ADDED]
    step = _IN_CHUNK * 10
    for start in range(0, len(added), step):
        chunk = added[start:start + step]
        _delete_rows(tx, EVENT_TABLE, "member_id", chunk)
        _delete_rows(tx, MEMBER_TABLE, "id", chunk)
        tx.progress(start + len(chunk), total, message)
    for done, item in enumerate((i for i in items if i.action == UPDATED), len(added) + 1):
        _restore(session, item)
        if done % 500 == 0:
            tx.progress(done, total, message)
    batch.undone_at = tx.clock.now()
    batch.undone_by = tx.officer.display
    audit.record(session, "import_batch", batch.id, "undo", {
        "file_name": batch.file_name, "added": batch.added, "updated": batch.updated,
    })
    tx.progress(total, total, "已撤销")
    return total


def undo_operation(batch: BatchInfo) -> Op[int]:
    """The undo as the runner does it: the check (a refusal costs no backup), a safety copy
    named after the batch, then the undo; its value is how many members it touched."""
    return Op(
        UNDO_IMPORT,
        lambda tx: undo_batch(tx, batch.id),
        check=lambda session: check_undo(session, batch.id),
        safety_copy=SafetyCopy("undo", f"第 {batch.id} 批 {batch.file_name}"),
    )


def _restore(session: Session, item: ImportBatchItem) -> None:
    """Put back what the import changed: its events out, the first 入会 back on its day,
    the fields as they were (pinyin and status made as every row's are)."""
    member = session.get(Member, item.member_id)
    if member is None:  # checked above; a purge in between would be a bug
        raise UserError("要恢复的会员记录已不存在，撤销已取消。")
    before = json.loads(item.before or "{}")
    added_events = set(before.get("events", []))
    for event in [e for e in member.events if e.id in added_events]:
        member.events.remove(event)
    first_join = before.get("first_join")
    if first_join:
        for event in member.events:
            if event.id == first_join[0]:
                event.effective_date = dt.date.fromisoformat(first_join[1])
    values = dict(before.get("fields", {}))
    for key in ("birth_date", "join_date"):
        if values.get(key):
            values[key] = dt.date.fromisoformat(values[key])
    values["id_number"] = values.get("id_number") or ""
    for column, value in zip(MEMBER_COLUMNS, member_columns(MemberData(**values)), strict=True):
        setattr(member, column, value)
    settle_status(member)
