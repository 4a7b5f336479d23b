"""Writing an import as one recorded batch, and undoing it.

``write_batch`` adds and updates members in one transaction with the batch record, so an
import is wholly there or not at all — a cancel, an error or a power cut leaves no part of
it. Added members go in through ``executemany`` with ids assigned here (SQLite has one
writer, and the transaction holds it), because 100,000 ORM objects would take minutes;
the batch and one ``import`` history entry are their record (db.models.imports). Updated
members go through the ORM, so each changed field is in the history as usual.
Undoing a batch is services.import_undo.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
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
from gonghui_desk.db.session import SessionFactory, clock_of, officer_of, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import FIELD_NAMES, MemberData
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.services.member_records import apply_fields
from gonghui_desk.services.membership import history_of

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
                found[member.id] = (MemberData(**values), history_of(member))
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
    member.status = ms.status_after(history_of(member))
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
            at=clock_of(session).now(), actor=officer_of(session).display,
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
        batch.event_count = event_count(session, batch.id)
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


def save_mapping(sessions: SessionFactory, signature: str, mapping: dict[str, str]) -> None:
    with session_scope(sessions) as session:
        profile = session.get(ImportProfile, signature) or ImportProfile(signature=signature)
        profile.mapping = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
        profile.used_at = clock_of(session).now()
        session.add(profile)
