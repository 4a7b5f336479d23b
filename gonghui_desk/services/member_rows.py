"""The one function that writes a member row, and its bulk form for rosters and the demo.

``save_member_row`` creates or updates a member: it judges the record with the rules of
domain.member_rules (fields, history, numbers held by others), then writes its fields,
the pinyin search keys, the first event and any later ones, and the status that follows
from its events — through the ORM, so the change history records every field. The member
dialog and the 回收站 call it; ``update_member_rows`` is its form for many members on file
(an import's updates), the same check and the same write, with the numbers they hold
looked up together.

``member_inserts`` writes many new members at once (an import's additions, the demo;
``insert_members`` is its one-chunk form): each row has passed ``check_new_record`` — the
same rules — and its values come from the same ``member_columns``; they go in through the
bulk writer (db.bulk_insert), with their history entries in bulk (audit.bulk_entries),
because 100,000 ORM objects would take minutes.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from typing import Any, Protocol

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from gonghui_desk.db import audit
from gonghui_desk.db.bulk_insert import BulkWriter, DuplicateKey, bulk_insert
from gonghui_desk.db.changes import Change
from gonghui_desk.db.engine import larger_page_cache
from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import clock_of
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import FIELD_LABELS, FIELD_NAMES, MemberData
from gonghui_desk.domain.member_rules import (
    Holder,
    RecordCheck,
    card_number_taken,
    check_new_record,
    check_update_record,
    id_number_taken,
)
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.operations import Tx


def history_of(member: Member) -> list[tuple[dt.date, str]]:
    """(date, kind) of the member's events in the order they took effect (on one day, in
    the order they were entered; one not yet flushed last)."""
    events = sorted(member.events,
                    key=lambda e: (e.effective_date, e.id is None, e.id or 0))
    return [(e.effective_date, e.kind) for e in events]


def data_of(member: Member) -> MemberData:
    values = {name: getattr(member, name) for name in FIELD_NAMES}
    values["id_number"] = member.id_number or ""
    return MemberData(**values)


_all_fields = operator.attrgetter(*FIELD_NAMES)
# The member columns a row is made of, in the order member_columns gives their values.
MEMBER_COLUMNS = (*FIELD_NAMES, "pinyin_initials", "pinyin_full")
_ID_AT = FIELD_NAMES.index("id_number")


def member_columns(data: MemberData) -> tuple[Any, ...]:
    """The stored values of a cleaned record, in ``MEMBER_COLUMNS`` order: its fields (no
    ID number stored as NULL, which the unique index allows many of) and its pinyin keys."""
    values = list(_all_fields(data))
    values[_ID_AT] = values[_ID_AT] or None
    keys = pinyin_keys(data.name)
    return (*values, keys.initials, keys.full)


def settle_status(member: Member) -> str:
    """The stored status, from the member's events (never typed in)."""
    member.status = ms.status_after(history_of(member))
    return member.status


# -- the numbers one person holds ------------------------------------------------------


def holder_of(member: Member) -> Holder:
    return Holder(member.id, member.name, member.department, member.status,
                  member.deleted_at is not None)


class NumberHolders:
    """Who holds the ID and card numbers of some records, read at once: one record's save
    asks for its own two, a batch of updates for all of theirs in a few queries."""

    def __init__(self, session: Session, records: Sequence[MemberData]) -> None:
        self._ids = self._read(session, Member.id_number,
                               {d.id_number for d in records if d.id_number})
        # The card index is partial (no card is not a number): SQLite uses it only when
        # the query repeats its condition; without it every save read every member.
        self._cards = self._read(session, Member.card_number,
                                 {d.card_number for d in records if d.card_number},
                                 Member.card_number != "")

    @staticmethod
    def _read(session: Session, column: Any, values: set[str], *also: ColumnElement[bool]
              ) -> dict[str, list[tuple[int, Holder]]]:
        found: dict[str, list[tuple[int, Holder]]] = defaultdict(list)
        ordered = sorted(values)
        for start in range(0, len(ordered), 500):
            query = (select(column, Member.id, Member.name, Member.department, Member.status,
                            Member.deleted_at.is_not(None))
                     .where(column.in_(ordered[start:start + 500]), *also)
                     .order_by(Member.id))
            for value, member_id, name, department, status, binned in session.execute(query):
                found[value].append(
                    (member_id, Holder(member_id, name, department, status, bool(binned))))
        return found

    def problems(self, data: MemberData, member_id: int | None) -> list[FieldProblem]:
        """An ID number or a card number of ``data`` already held by another record."""
        problems = [id_number_taken(h) for i, h in self._ids.get(data.id_number, ())
                    if i != member_id]
        problems += [card_number_taken(h) for i, h in self._cards.get(data.card_number, ())
                     if i != member_id]
        return problems


def number_problems(session: Session, data: MemberData, member_id: int | None
                    ) -> list[FieldProblem]:
    """An ID number or a card number already held by another record."""
    return NumberHolders(session, [data]).problems(data, member_id)


# -- one row ---------------------------------------------------------------------------


def event_row(draft: ms.EventDraft) -> MembershipEvent:
    assert draft.effective_date is not None
    return MembershipEvent(
        kind=draft.kind, effective_date=draft.effective_date, reason=draft.reason,
        counterpart_union=draft.counterpart_union.strip(), handled_by=draft.handled_by.strip(),
    )


def _check(member: Member | None, draft: MemberData, events: Sequence[ms.EventDraft],
           today: dt.date) -> RecordCheck:
    if member is None:
        return check_new_record(draft, events, today)
    return check_update_record(draft, history_of(member), events, today)


def _with_numbers(check: RecordCheck, holders: NumberHolders, member: Member | None
                  ) -> RecordCheck:
    taken = holders.problems(check.data, member.id if member else None)
    if not taken:
        return check
    return RecordCheck(check.data, (*check.problems, *taken), check.notices)


def review_row(session: Session, member: Member | None, draft: MemberData,
               events: Sequence[ms.EventDraft], today: dt.date) -> RecordCheck:
    """What saving would do (``events``: a new member's first event and any after it; the
    changes to add to one on file), numbers held by others among the problems."""
    check = _check(member, draft, events, today)
    return _with_numbers(check, NumberHolders(session, [check.data]), member)


def _write(tx: Tx, member: Member | None, check: RecordCheck) -> Member:
    """Write a record that passed its check (not flushed)."""
    if member is None:
        member = Member()
        tx.session.add(member)
    elif check.first_join_to is not None:
        first = min(member.events, key=lambda e: (e.effective_date, e.id))
        first.effective_date = check.first_join_to  # follows the 入会日期
    for column, value in zip(MEMBER_COLUMNS, member_columns(check.data), strict=True):
        setattr(member, column, value)
    member.events.extend(event_row(e) for e in check.events)
    member.status = check.status
    return member


def save_member_row(
    tx: Tx,
    member: Member | None,
    draft: MemberData,
    first_event: ms.EventDraft | None = None,
    *,
    later_events: Sequence[ms.EventDraft] = (),
) -> Member:
    """Create (``member`` None, with the ``first_event``) or update a member row.

    Raises ``ValidationError`` (nothing written) when the record breaks a rule; duplicate
    warnings (same name and birth date, same mobile) are the caller's to show first.
    """
    if member is None and first_event is None:
        raise ValueError("a new member needs the event that brought them in")
    events = [first_event, *later_events] if first_event is not None else list(later_events)
    check = review_row(tx.session, member, draft, events, tx.today)
    if check.problems:
        raise ValidationError(list(check.problems))
    member = _write(tx, member, check)
    tx.session.flush()
    return member


# -- many members on file at once ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowUpdate:
    """A member on file (its events loaded) to be saved with ``draft``, then ``events``."""

    member: Member
    draft: MemberData
    events: Sequence[ms.EventDraft] = ()


class RecordRefused(ValidationError):
    """One record of a batch breaks a rule; nothing of the batch is to be kept."""

    def __init__(self, member: Member, problems: list[FieldProblem]) -> None:
        super().__init__(problems)
        self.member = member


def update_member_rows(tx: Tx, updates: Sequence[RowUpdate]) -> None:
    """``save_member_row`` for many members on file: each judged by the same rules and
    written the same way (through the ORM, so the history records every field), with the
    numbers they hold looked up together and one flush. Raises ``RecordRefused`` naming
    the first record that breaks a rule; the caller rolls back."""
    if len({u.member.id for u in updates}) != len(updates):
        raise ValueError("a member appears twice in one batch of updates")
    checks = [_check(u.member, u.draft, u.events, tx.today) for u in updates]
    holders = NumberHolders(tx.session, [c.data for c in checks])
    for update, check in zip(updates, checks, strict=True):
        check = _with_numbers(check, holders, update.member)
        if check.problems:
            raise RecordRefused(update.member, list(check.problems))
        _write(tx, update.member, check)
    tx.session.flush()


# -- many new rows at once -------------------------------------------------------------


class NewRow(Protocol):
    """A new member's record as ``check_new_record`` passed it (an import's plan row is one)."""

    @property
    def data(self) -> MemberData | None: ...  # cleaned
    @property
    def events(self) -> tuple[ms.EventDraft, ...]: ...  # the first 入会 or 转入, then others
    @property
    def status(self) -> str: ...


@dataclass(frozen=True, slots=True)
class NewMember:
    """A new member's record as ``check_new_record`` passed it."""

    data: MemberData  # cleaned
    events: tuple[ms.EventDraft, ...]  # the first 入会 or 转入, then any later ones
    status: str


def passed(check: RecordCheck) -> NewMember:
    """The row to insert for a check without problems (a bug if it had some)."""
    if check.problems or not check.events:
        raise ValueError(f"not a passed check: {check.problems}")
    return NewMember(check.data, check.events, check.status)


_INSERTED = ("id", *MEMBER_COLUMNS, "status", "created_at", "updated_at")
_EVENT_COLUMNS = ("id", "member_id", "kind", "effective_date", "reason", "counterpart_union",
                  "handled_by", "created_at", "updated_at")
_DATES = tuple(MEMBER_COLUMNS.index(k) for k in ("birth_date", "join_date"))


def _stamp(session: Session) -> Any:
    """The clock's time as the ORM would store it in created_at/updated_at."""
    dialect = session.get_bind().dialect
    processor = Member.__table__.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    now = clock_of(session).now()
    return processor(now) if processor else now


def _member_row(member_id: int, new: NewRow, stamp: Any) -> tuple[Any, ...]:
    assert new.data is not None
    values = list(member_columns(new.data))  # booleans bind as 0/1 by themselves
    for index in _DATES:
        day = values[index]
        if day is not None:
            values[index] = day.isoformat()  # as SQLAlchemy stores a Date in SQLite
    return (member_id, *values, new.status, stamp, stamp)


def _event_rows(member_id: int, new: NewRow, next_id: Iterator[int], stamp: Any
                ) -> Iterator[tuple[Any, ...]]:
    for event in new.events:
        assert event.effective_date is not None
        yield (next(next_id), member_id, event.kind, event.effective_date.isoformat(),
               event.reason, event.counterpart_union.strip(), event.handled_by.strip(),
               stamp, stamp)


@dataclass(frozen=True, slots=True)
class PreparedMembers:
    """One chunk of new members as it goes into the tables: rows, history, changes."""

    ids: range
    members: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    history: list[tuple[Any, ...]]  # audit.ENTRY_COLUMNS
    changes: list[Change]


class MemberInserts:
    """New members written chunk by chunk in the session's transaction.

    ``prepare`` turns a chunk into its rows and history entries — the pinyin keys, the
    JSON — without touching the session; ``write`` writes them. Chunks are to be prepared
    in order, since each takes the next ids. Ids are given here (SQLite has
    one writer, and the caller's transaction holds it), so that events and history can
    name their member at once.
    """

    def __init__(self, session: Session, writer: BulkWriter) -> None:
        self._session = session
        self._writer = writer
        self._next_member = (session.scalar(select(func.max(Member.id))) or 0) + 1
        self._next_event = (session.scalar(select(func.max(MembershipEvent.id))) or 0) + 1
        self._stamp = _stamp(session)
        self._member_history = audit.bulk_entries(session, "member", audit.CREATE, _INSERTED)
        self._event_history = audit.bulk_entries(session, "membership_event", audit.CREATE,
                                                 _EVENT_COLUMNS)

    def prepare(self, rows: Sequence[NewRow]) -> PreparedMembers:
        stamp = self._stamp
        ids = range(self._next_member, self._next_member + len(rows))
        members = [_member_row(i, new, stamp) for i, new in zip(ids, rows, strict=True)]
        event_ids = count(self._next_event)
        events = [row for i, new in zip(ids, rows, strict=True)
                  for row in _event_rows(i, new, event_ids, stamp)]
        self._next_member = ids.stop
        self._next_event = next(event_ids)
        history, changes = self._member_history.of(members)
        event_history, event_changes = self._event_history.of(events)
        history += event_history
        changes += event_changes
        return PreparedMembers(ids, members, events, history, changes)

    def write(self, chunk: PreparedMembers) -> range:
        """Write a prepared chunk; the ids of its members, in order."""
        self._writer.insert("member", _INSERTED, chunk.members)
        self._writer.insert("membership_event", _EVENT_COLUMNS, chunk.events)
        self._writer.insert(audit.CHANGE_LOG.name, audit.ENTRY_COLUMNS, chunk.history)
        audit.note_all(self._session, chunk.changes)
        return chunk.ids

    @property
    def writer(self) -> BulkWriter:
        """For the caller's own rows of the same transaction (an import's batch items)."""
        return self._writer


def _duplicate_message(error: DuplicateKey) -> str:
    labels = "、".join(FIELD_LABELS.get(c, c) for c in error.columns)
    values = "、".join("/".join(str(v) for v in key) for key in error.values)
    return (f"{labels} {values} 重复：要写入的会员中有两人（或与已在册的会员）用同一个号码，"
            f"什么都没有写入。请在原表中核对这些{labels}，改正后重新导入。")


@contextmanager
def member_inserts(session: Session, members: int, events: int | None = None,
                   also: Mapping[str, int] | None = None) -> Iterator[MemberInserts]:
    """Write about ``members`` new members (with about ``events`` events, one each if not
    said; ``also``: other tables' rows the caller adds through ``writer``) in bulk.

    Into a book with few members the indexes are built after the rows (db.bulk_insert);
    leaving the block builds them and checks the unique numbers, and raises ``UserError``
    when two new members share one — the caller's transaction must then roll back.
    """
    expected = {"member": members, "membership_event": members if events is None else events}
    expected["change_log"] = sum(expected.values())
    expected.update(also or {})
    try:
        with larger_page_cache(session), bulk_insert(session, expected) as writer:
            yield MemberInserts(session, writer)
    except DuplicateKey as error:
        raise UserError(_duplicate_message(error)) from error


def insert_members(session: Session, rows: Sequence[NewRow]) -> range:
    """Insert new members with their events and history entries; their ids, in order."""
    with member_inserts(session, len(rows), sum(len(r.events) for r in rows)) as inserts:
        return inserts.write(inserts.prepare(rows))
