"""Writing an import as one recorded batch, and what the import reads from the book.

``write_batch`` is an operation body: it adds and updates members in the operation's one
transaction with the batch record, so an import is wholly there or not at all — a cancel,
an error or a power cut leaves no part of it. Added members go in through
services.member_rows.insert_members (checked by the dialog's rules when the plan was made,
written with executemany and their history entries in bulk); updated members go through
``save_member_row``, the dialog's own writer, so each changed field is in the history as
usual. The batch keeps what each update changed, for undoing it (services.import_undo).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from gonghui_desk.db import audit
from gonghui_desk.db.engine import larger_page_cache
from gonghui_desk.db.models import (
    ChangeRecord,
    ImportBatch,
    ImportBatchItem,
    ImportProfile,
    Member,
    MembershipEvent,
)
from gonghui_desk.db.models.imports import ADDED, UPDATED
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import FIELD_NAMES, MemberData
from gonghui_desk.domain.member_rules import Holder
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.bulk import collector_paused, prepared_ahead
from gonghui_desk.services.member_rows import (
    NewRow,
    data_of,
    history_of,
    holder_of,
    member_inserts,
    save_member_row,
)
from gonghui_desk.services.operations import Tx

CHUNK = 5000
Existing = Holder  # a record already on file, as the import compares against it


@dataclass(frozen=True, slots=True)
class MemberUpdate:
    member_id: int
    data: MemberData  # the whole record as it is to be
    events: tuple[ms.EventDraft, ...]  # to add after the member's history


@dataclass(frozen=True)
class BatchInfo:
    id: int
    at: dt.datetime
    actor: str
    file_name: str
    sheet: str
    mode: str
    added: int
    updated: int
    undone_at: dt.datetime | None
    undone_by: str


def existing_by_id_number(sessions: SessionFactory) -> dict[str, Existing]:
    query = select(
        Member.id_number, Member.id, Member.name, Member.department, Member.status,
        Member.deleted_at.is_not(None),
    ).where(Member.id_number.is_not(None))
    with session_scope(sessions) as session:
        return {
            str(number): Existing(member_id, name, department, status, bool(binned))
            for number, member_id, name, department, status, binned in session.execute(query)
        }


def card_numbers(sessions: SessionFactory) -> dict[str, Existing]:
    """Who holds each card number on file."""
    query = select(
        Member.card_number, Member.id, Member.name, Member.department, Member.status,
        Member.deleted_at.is_not(None),
    ).where(Member.card_number != "")
    with session_scope(sessions) as session:
        return {
            card: Existing(member_id, name, department, status, bool(binned))
            for card, member_id, name, department, status, binned in session.execute(query)
        }


def load_records(
    sessions: SessionFactory, member_ids: Sequence[int]
) -> dict[int, tuple[MemberData, list[tuple[dt.date, str]]]]:
    """The records an update compares against: fields and event history."""
    found: dict[int, tuple[MemberData, list[tuple[dt.date, str]]]] = {}
    with session_scope(sessions) as session:
        for start in range(0, len(member_ids), 500):
            chunk = member_ids[start:start + 500]
            for member in session.scalars(select(Member).where(Member.id.in_(chunk))):
                found[member.id] = (data_of(member), history_of(member))
    return found


def _before(member: Member) -> dict[str, object]:
    values = {name: getattr(member, name) for name in FIELD_NAMES}
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _update(tx: Tx, batch_id: int, change: MemberUpdate) -> None:
    session = tx.session
    member = session.get(Member, change.member_id)
    if member is None or member.deleted_at is not None:
        raise UserError("导入期间有会员记录被删除，请重新预览后再导入。")
    before = _before(member)
    first = min(member.events, key=lambda e: (e.effective_date, e.id), default=None)
    first_join = None
    if first is not None and first.kind == ms.JOIN and change.data.join_date is not None:
        first_join = [first.id, first.effective_date.isoformat()]
    had = {e.id for e in member.events}
    try:
        save_member_row(tx, member, change.data, later_events=change.events)
    except ValidationError as error:  # the record changed since the preview checked it
        raise UserError(f"导入期间 {holder_of(member).describe()} 的记录有了变化：{error.message}"
                        "\n请重新预览后再导入。") from error
    session.add(ImportBatchItem(
        batch_id=batch_id, member_id=member.id, action=UPDATED,
        before=json.dumps({
            "fields": before, "first_join": first_join,
            "events": [e.id for e in member.events if e.id not in had],
        }, ensure_ascii=False),
    ))


def write_batch(
    tx: Tx,
    *,
    file_name: str,
    sheet: str,
    mode: str,
    adds: Sequence[NewRow],
    updates: Sequence[MemberUpdate],
) -> int:
    """Write the import in the operation's transaction; return the batch's number.

    Reports progress as it goes; a cancel (``tx.progress`` raising) rolls everything back.
    """
    with collector_paused(), larger_page_cache(tx.session):
        return _write_batch(tx, file_name, sheet, mode, adds, updates)


def _write_batch(tx: Tx, file_name: str, sheet: str, mode: str, adds: Sequence[NewRow],
                 updates: Sequence[MemberUpdate]) -> int:
    session = tx.session
    total = len(adds) + len(updates)
    message = "正在写入数据库"
    tx.progress(0, total, message)
    batch = ImportBatch(
        at=tx.clock.now(), actor=tx.officer.display,
        file_name=file_name[:260], sheet=sheet[:100], mode=mode,
        added=len(adds), updated=len(updates), undone_by="",
        log_mark=0, last_event_id=0, event_count=0,
    )
    session.add(batch)
    session.flush()
    _insert_adds(tx, batch.id, adds, total, message)
    for done, change in enumerate(updates, start=len(adds) + 1):
        _update(tx, batch.id, change)
        if done % 500 == 0:
            tx.progress(done, total, message)
    audit.record(session, "import_batch", batch.id, "import", {
        "file_name": file_name, "sheet": sheet, "added": len(adds),
        "updated": len(updates),
    })
    batch.log_mark = session.scalar(select(func.max(ChangeRecord.id))) or 0
    batch.last_event_id = session.scalar(select(func.max(MembershipEvent.id))) or 0
    batch.event_count = event_count(session, batch.id)
    tx.progress(total, total, "导入完成")
    return batch.id


def _insert_adds(tx: Tx, batch_id: int, adds: Sequence[NewRow], total: int, message: str
                 ) -> None:
    """The new members, chunk by chunk: the next chunk's rows are made while the last one's
    are written, and into a nearly empty book the indexes are built after them, before
    the updates (which look members up) and the commit."""
    chunks = [adds[start:start + CHUNK] for start in range(0, len(adds), CHUNK)]
    events = sum(len(new.events) for new in adds)
    with member_inserts(tx.session, len(adds), events,
                        also={"import_batch_item": len(adds)}) as inserts:
        done = 0
        for chunk, prepared in prepared_ahead(chunks, inserts.prepare):
            ids = inserts.write(prepared)
            inserts.writer.insert("import_batch_item", ("batch_id", "member_id", "action"),
                                  [(batch_id, i, ADDED) for i in ids])
            done += len(chunk)
            tx.progress(done, total, message)


def _info(batch: ImportBatch) -> BatchInfo:
    return BatchInfo(
        batch.id, batch.at, batch.actor, batch.file_name, batch.sheet, batch.mode,
        batch.added, batch.updated, batch.undone_at, batch.undone_by,
    )


def list_batches(sessions: SessionFactory) -> list[BatchInfo]:
    with session_scope(sessions) as session:
        query = select(ImportBatch).order_by(ImportBatch.id.desc())
        return [_info(b) for b in session.scalars(query)]


def get_batch(sessions: SessionFactory, batch_id: int) -> BatchInfo:
    with session_scope(sessions) as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise UserError(f"没有编号为 {batch_id} 的导入批次。")
        return _info(batch)


def batch_members(batch_id: int) -> Select[Any]:
    return select(ImportBatchItem.member_id).where(ImportBatchItem.batch_id == batch_id)


def event_count(session: Session, batch_id: int) -> int:
    """How many membership events the batch's members have."""
    query = select(func.count()).select_from(MembershipEvent).where(
        MembershipEvent.member_id.in_(batch_members(batch_id))
    )
    return session.scalar(query) or 0


def load_mapping(sessions: SessionFactory, signature: str) -> dict[str, str] | None:
    """The mapping saved for a header of this signature: {header: field key}."""
    with session_scope(sessions) as session:
        profile = session.get(ImportProfile, signature)
        return None if profile is None else dict(json.loads(profile.mapping))


def save_mapping(tx: Tx, signature: str, mapping: dict[str, str]) -> None:
    """Remember the mapping the user confirmed for a header of this signature."""
    session = tx.session
    profile = session.get(ImportProfile, signature) or ImportProfile(signature=signature)
    profile.mapping = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    profile.used_at = tx.clock.now()
    session.add(profile)
