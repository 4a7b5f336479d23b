"""Writing an import as one recorded batch, and what the import reads from the book.

``write_batch`` is an operation body: it adds and updates members in the operation's one
transaction with the batch record, so an import is wholly there or not at all — a cancel,
an error or a power cut leaves no part of it. Added members go in through
services.member_rows.insert_members (checked by the dialog's rules when the plan was made,
written with executemany and their history entries in bulk); updated members go through
``update_member_rows``, the dialog's own writer in its form for many rows, so each changed
field is in the history as usual. The batch keeps what each update changed, for undoing
it (services.import_undo).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

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
from gonghui_desk.domain.masking import mask_phone
from gonghui_desk.domain.member import FIELD_NAMES, MemberData
from gonghui_desk.domain.member_rules import Holder, same_mobile_hint, same_person_hint
from gonghui_desk.errors import UserError
from gonghui_desk.services.bulk import collector_paused
from gonghui_desk.services.member_rows import (
    NewRow,
    RecordRefused,
    RowUpdate,
    data_of,
    history_of,
    holder_of,
    member_inserts,
    update_member_rows,
)
from gonghui_desk.services.operations import Tx

CHUNK = 5000
UPDATE_CHUNK = 500  # members on file loaded, checked and flushed together
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


def _alike(sessions: SessionFactory, phones: set[str], people: set[tuple[str, dt.date]]
           ) -> tuple[dict[str, list[Existing]], dict[tuple[str, dt.date], list[Existing]]]:
    """Who on file (not in the 回收站) has one of these mobiles, or one of these names with
    its birth date, in the order they were added."""
    by_phone: dict[str, list[Existing]] = defaultdict(list)
    by_person: dict[tuple[str, dt.date], list[Existing]] = defaultdict(list)
    names = sorted({name for name, _ in people})
    columns = (Member.id, Member.name, Member.department, Member.status, Member.phone,
               Member.birth_date)
    with session_scope(sessions) as session:
        for column, values in ((Member.phone, sorted(phones)), (Member.name, names)):
            for start in range(0, len(values), 500):
                query = (select(*columns)
                         .where(column.in_(values[start:start + 500]),
                                Member.deleted_at.is_(None))
                         .order_by(Member.id))
                for member_id, name, department, status, phone, birth in session.execute(query):
                    holder = Existing(member_id, name, department, status, False)
                    if column is Member.phone:
                        by_phone[phone].append(holder)
                    elif birth is not None and (name, birth) in people:
                        by_person[(name, birth)].append(holder)
    return by_phone, by_person


def alike_notices(sessions: SessionFactory,
                  updates: Sequence[tuple[int, MemberData, MemberData]]
                  ) -> dict[int, tuple[str, ...]]:
    """The member dialog's warnings that another record may be the same person (the same
    name and birth date, the same mobile), for updates (member id, record as it is to be,
    record on file), by member id. Only where the update brings the value: what was on
    file was confirmed when it was saved. Mobiles are masked, as in every list."""
    asked = []
    for member_id, data, current in updates:
        phone = data.phone if data.phone and data.phone != current.phone else ""
        person = (data.name, data.birth_date) if data.birth_date and (
            (data.name, data.birth_date) != (current.name, current.birth_date)) else None
        if phone or person:
            asked.append((member_id, phone, person))
    if not asked:
        return {}
    by_phone, by_person = _alike(sessions, {p for _, p, _ in asked if p},
                                 {q for _, _, q in asked if q})
    said: dict[int, tuple[str, ...]] = {}
    for member_id, phone, person in asked:
        same = by_person.get(person, []) if person else []
        hints = [same_person_hint(h) for h in same if h.member_id != member_id][:5]
        hints += [same_mobile_hint(h, mask_phone(phone)) for h in by_phone.get(phone, [])
                  if h.member_id != member_id][:5]
        if hints:
            said[member_id] = tuple(hints)
    return said


def _before(member: Member) -> dict[str, object]:
    values = {name: getattr(member, name) for name in FIELD_NAMES}
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _first_join(member: Member, change: MemberUpdate) -> list[object] | None:
    """The first 入会 event as it was, when the update may move it (for the undo)."""
    first = min(member.events, key=lambda e: (e.effective_date, e.id), default=None)
    if first is not None and first.kind == ms.JOIN and change.data.join_date is not None:
        return [first.id, first.effective_date.isoformat()]
    return None


def _update_chunk(tx: Tx, batch_id: int, changes: Sequence[MemberUpdate]) -> None:
    """Save a chunk of updates with the dialog's rules, in one go (update_member_rows),
    keeping for each what it was, for undoing it."""
    session = tx.session
    wanted = [c.member_id for c in changes]
    query = (select(Member).where(Member.id.in_(wanted), Member.deleted_at.is_(None))
             .options(selectinload(Member.events)))
    members = {m.id: m for m in session.scalars(query)}
    if len(members) < len(set(wanted)):
        raise UserError("导入期间有会员记录被删除，请重新预览后再导入。")
    kept: dict[int, tuple[dict[str, object], list[object] | None, set[int]]] = {}
    for change in changes:
        member = members[change.member_id]
        kept[member.id] = (_before(member), _first_join(member, change),
                           {e.id for e in member.events})
    try:
        update_member_rows(tx, [RowUpdate(members[c.member_id], c.data, c.events)
                                for c in changes])
    except RecordRefused as error:  # the record changed since the preview checked it
        raise UserError(f"导入期间 {holder_of(error.member).describe()} 的记录有了变化："
                        f"{error.message}\n请重新预览后再导入。") from error
    for member_id, (before, first_join, had) in kept.items():
        session.add(ImportBatchItem(
            batch_id=batch_id, member_id=member_id, action=UPDATED,
            before=json.dumps({
                "fields": before, "first_join": first_join,
                "events": [e.id for e in members[member_id].events if e.id not in had],
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
    for start in range(0, len(updates), UPDATE_CHUNK):
        part = updates[start:start + UPDATE_CHUNK]
        _update_chunk(tx, batch.id, part)
        tx.progress(len(adds) + start + len(part), total, message)
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
    """The new members, chunk by chunk; into a nearly empty book the indexes are built after
    them, before the updates (which look members up) and the commit. The chunks are made
    and written in turn: making the next one in a second thread while the last one was
    written cost more than it saved (1 to 1.4 s more at 100,000), since binding each row's
    values holds the interpreter lock the other thread wants."""
    chunks = [adds[start:start + CHUNK] for start in range(0, len(adds), CHUNK)]
    events = sum(len(new.events) for new in adds)
    with member_inserts(tx.session, len(adds), events,
                        also={"import_batch_item": len(adds)}) as inserts:
        done = 0
        for chunk in chunks:
            ids = inserts.write(inserts.prepare(chunk))
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
