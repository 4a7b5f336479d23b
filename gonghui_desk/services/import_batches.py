"""Writing an import as one recorded batch, and undoing it.

``write_batch`` adds and updates members in one transaction with the batch record, so an
import is wholly there or not at all — a cancel, an error or a power cut leaves no part of
it. Added members go in through ``executemany`` with ids assigned here (SQLite has one
writer, and the transaction holds it), because 100,000 ORM objects would take minutes;
the batch and one ``import`` history entry are their record (db.models.imports). Updated
members go through the ORM, so each changed field is in the history as usual.

``undo_batch`` removes the members a batch added and puts back the fields and events of
those it updated. It refuses, naming whom, when any of them changed after the import:
undoing then would silently throw away later work.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, String, func, select
from sqlalchemy.orm import Session

from gonghui_desk.db import audit
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
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.services.member_records import apply_fields

CHUNK = 5000


@dataclass(frozen=True, slots=True)
class NewMember:
    data: MemberData  # cleaned
    events: tuple[ms.EventDraft, ...]  # in date order, the first 入会 or 转入
    status: str


@dataclass(frozen=True, slots=True)
class MemberUpdate:
    member_id: int
    data: MemberData  # cleaned, the whole record as it is to be
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


@dataclass(frozen=True)
class Existing:
    """A record already on file, as the import compares against it."""

    member_id: int
    name: str
    department: str
    status: str
    binned: bool


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


def card_numbers(sessions: SessionFactory) -> dict[str, int]:
    query = select(Member.card_number, Member.id).where(Member.card_number != "")
    with session_scope(sessions) as session:
        return {card: member_id for card, member_id in session.execute(query)}


def load_records(
    sessions: SessionFactory, member_ids: Sequence[int]
) -> dict[int, tuple[MemberData, list[tuple[dt.date, str]]]]:
    """The records an update compares against: fields and event history."""
    found: dict[int, tuple[MemberData, list[tuple[dt.date, str]]]] = {}
    with session_scope(sessions) as session:
        for start in range(0, len(member_ids), 500):
            chunk = member_ids[start:start + 500]
            for member in session.scalars(select(Member).where(Member.id.in_(chunk))):
                values = {name: getattr(member, name) for name in FIELD_NAMES}
                values["id_number"] = member.id_number or ""
                history = sorted(
                    ((e.effective_date, e.id, e.kind) for e in member.events),
                    key=lambda e: (e[0], e[1]),
                )
                found[member.id] = (MemberData(**values), [(d, k) for d, _, k in history])
    return found


_MEMBER_COLUMNS = (
    "id", *FIELD_NAMES, "status", "pinyin_initials", "pinyin_full",
)
_EVENT_COLUMNS = ("member_id", "kind", "effective_date", "reason", "counterpart_union",
                  "handled_by")


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return (f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})")


_all_fields = operator.attrgetter(*FIELD_NAMES)
_DATE_AT = tuple(FIELD_NAMES.index(k) for k in ("birth_date", "join_date"))
_ID_AT = FIELD_NAMES.index("id_number")


def _member_row(member_id: int, new: NewMember) -> tuple[object, ...]:
    """The values in ``_MEMBER_COLUMNS`` order; dates as SQLAlchemy stores them in SQLite."""
    data = new.data
    keys = pinyin_keys(data.name)
    values = list(_all_fields(data))  # booleans bind as 0/1 by themselves
    for index in _DATE_AT:
        day = values[index]
        if day is not None:
            values[index] = day.isoformat()
    values[_ID_AT] = values[_ID_AT] or None
    return (member_id, *values, new.status, keys.initials, keys.full)


def _event_rows(member_id: int, new: NewMember) -> Iterator[tuple[object, ...]]:
    for event in new.events:
        assert event.effective_date is not None
        yield (member_id, event.kind, event.effective_date.isoformat(), event.reason,
               event.counterpart_union.strip(), event.handled_by.strip())


def _history(member: Member) -> list[tuple[dt.date, str]]:
    events = sorted(member.events, key=lambda e: (e.effective_date, e.id))
    return [(e.effective_date, e.kind) for e in events]


def _before(member: Member) -> dict[str, object]:
    values = {name: getattr(member, name) for name in FIELD_NAMES}
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _update(session: Session, batch_id: int, change: MemberUpdate) -> None:
    member = session.get(Member, change.member_id)
    if member is None or member.deleted_at is not None:
        raise UserError("导入期间有会员记录被删除，请重新预览后再导入。")
    before = _before(member)
    first = min(member.events, key=lambda e: (e.effective_date, e.id), default=None)
    if first is not None and first.kind == ms.JOIN and change.data.join_date is not None:
        before["first_join"] = [first.id, first.effective_date.isoformat()]
        first.effective_date = change.data.join_date  # follows 入会日期, as in the dialog
    apply_fields(member, change.data)
    added = [
        MembershipEvent(
            kind=e.kind, effective_date=e.effective_date, reason=e.reason,
            counterpart_union=e.counterpart_union.strip(), handled_by=e.handled_by.strip(),
        )
        for e in change.events
    ]
    member.events.extend(added)
    member.status = ms.status_after(_history(member))
    session.flush()
    session.add(ImportBatchItem(
        batch_id=batch_id, member_id=member.id, action=UPDATED,
        before=json.dumps({
            "fields": {k: v for k, v in before.items() if k != "first_join"},
            "first_join": before.get("first_join"),
            "events": [e.id for e in added],
        }, ensure_ascii=False),
    ))


def write_batch(
    sessions: SessionFactory,
    *,
    file_name: str,
    sheet: str,
    mode: str,
    adds: Sequence[NewMember],
    updates: Sequence[MemberUpdate],
    result: dict[str, int],
) -> Iterator[Progress]:
    """Write the import in one transaction; ``result["batch_id"]`` names the batch.

    A generator of ``Progress``: closing it early (cancel) rolls everything back.
    """
    total = len(adds) + len(updates)
    message = "正在写入数据库"
    yield Progress(0, total, message)
    with session_scope(sessions) as session:
        batch = ImportBatch(
            at=dt.datetime.now().replace(microsecond=0), actor=audit.current_actor(),
            file_name=file_name[:260], sheet=sheet[:100], mode=mode,
            added=len(adds), updated=len(updates), undone_by="",
            log_mark=0, last_event_id=0, event_count=0,
        )
        session.add(batch)
        session.flush()
        connection = session.connection()
        cursor = connection.connection.cursor()
        try:
            next_id = (session.scalar(select(func.max(Member.id))) or 0) + 1
            for start in range(0, len(adds), CHUNK):
                chunk = adds[start:start + CHUNK]
                ids = range(next_id + start, next_id + start + len(chunk))
                cursor.executemany(
                    _insert_sql("member", _MEMBER_COLUMNS),
                    [_member_row(i, new) for i, new in zip(ids, chunk, strict=True)],
                )
                cursor.executemany(
                    _insert_sql("membership_event", _EVENT_COLUMNS),
                    [row for i, new in zip(ids, chunk, strict=True)
                     for row in _event_rows(i, new)],
                )
                cursor.executemany(
                    _insert_sql("import_batch_item", ("batch_id", "member_id", "action")),
                    [(batch.id, i, ADDED) for i in ids],
                )
                yield Progress(start + len(chunk), total, message)
        finally:
            cursor.close()
        for done, change in enumerate(updates, start=len(adds) + 1):
            _update(session, batch.id, change)
            if done % 500 == 0:
                yield Progress(done, total, message)
        audit.record(session, "import_batch", batch.id, "import", {
            "file_name": file_name, "sheet": sheet, "added": len(adds),
            "updated": len(updates),
        })
        batch.log_mark = session.scalar(select(func.max(ChangeRecord.id))) or 0
        batch.last_event_id = session.scalar(select(func.max(MembershipEvent.id))) or 0
        batch.event_count = _event_count(session, batch.id)
        result["batch_id"] = batch.id
    yield Progress(total, total, "导入完成")


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


def _batch_members(batch_id: int) -> Select[Any]:
    return select(ImportBatchItem.member_id).where(ImportBatchItem.batch_id == batch_id)


def _event_count(session: Session, batch_id: int) -> int:
    query = select(func.count()).select_from(MembershipEvent).where(
        MembershipEvent.member_id.in_(_batch_members(batch_id))
    )
    return session.scalar(query) or 0


def _changed_since(session: Session, batch: ImportBatch) -> list[str]:
    """Names of the batch's members changed after it: edited, given or relieved of an
    event, moved to the 回收站 or purged (the purge entry keeps the name)."""
    members = _batch_members(batch.id)
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
    if not names and _event_count(session, batch.id) != batch.event_count:
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
        batch.undone_at = dt.datetime.now().replace(microsecond=0)
        batch.undone_by = audit.current_actor()
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
    member.status = ms.status_after(_history(member))


def load_mapping(sessions: SessionFactory, signature: str) -> dict[str, str] | None:
    """The mapping saved for a header of this signature: {header: field key}."""
    with session_scope(sessions) as session:
        profile = session.get(ImportProfile, signature)
        return None if profile is None else dict(json.loads(profile.mapping))


def save_mapping(sessions: SessionFactory, signature: str, mapping: dict[str, str]) -> None:
    with session_scope(sessions) as session:
        profile = session.get(ImportProfile, signature) or ImportProfile(signature=signature)
        profile.mapping = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
        profile.used_at = dt.datetime.now().replace(microsecond=0)
        session.add(profile)
