"""Undoing an import batch: what it added removed, what it updated put back.

``undo_batch`` runs in one transaction. It refuses, naming whom, when any of the batch's
members changed after the import (edited, given or relieved of an event, moved to the
回收站 or purged): undoing then would silently throw away later work. The change history,
the last event id and the event count the batch recorded tell its own changes from later
ones; timestamps cannot, at one-second resolution.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from sqlalchemy import Integer, String, func, select
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
from gonghui_desk.db.session import SessionFactory, clock_of, officer_of, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.services.import_batches import CHUNK, batch_members, event_count
from gonghui_desk.services.member_records import apply_fields
from gonghui_desk.services.membership import history_of


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


def check_undo(sessions: SessionFactory, batch_id: int) -> None:
    """Raise the reason ``undo_batch`` would refuse, before anything (a backup) is done."""
    with session_scope(sessions) as session:
        _, refusal = _refusal(session, batch_id)
    if refusal:
        raise UserError(refusal)


def undo_batch(sessions: SessionFactory, batch_id: int) -> Iterator[Progress]:
    """Remove what the batch added, restore what it updated; one transaction."""
    message = "正在撤销导入"
    with session_scope(sessions) as session:
        batch, refusal = _refusal(session, batch_id)
        if refusal:
            raise UserError(refusal)
        items = list(session.scalars(
            select(ImportBatchItem).where(ImportBatchItem.batch_id == batch_id)
        ))
        total = len(items)
        yield Progress(0, total, message)
        added = [i.member_id for i in items if i.action == ADDED]
        connection = session.connection()
        cursor = connection.connection.cursor()
        try:
            for start in range(0, len(added), CHUNK):
                chunk = [(member_id,) for member_id in added[start:start + CHUNK]]
                cursor.executemany("DELETE FROM membership_event WHERE member_id = ?", chunk)
                cursor.executemany("DELETE FROM member WHERE id = ?", chunk)
                yield Progress(start + len(chunk), total, message)
        finally:
            cursor.close()
        for done, item in enumerate((i for i in items if i.action == UPDATED), len(added) + 1):
            _restore(session, item)
            if done % 500 == 0:
                yield Progress(done, total, message)
        batch.undone_at = clock_of(session).now()
        batch.undone_by = officer_of(session).display
        audit.record(session, "import_batch", batch.id, "undo", {
            "file_name": batch.file_name, "added": batch.added, "updated": batch.updated,
        })
    yield Progress(total, total, "已撤销")


def _restore(session: Session, item: ImportBatchItem) -> None:
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
    apply_fields(member, MemberData(**values))
    member.status = ms.status_after(history_of(member))
