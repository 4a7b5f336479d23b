"""Change history written in one place, from session events, so no service can forget it.

Every ORM insert, update and delete of an audited table becomes a ``change_log`` row with
each field's old and new value, the time and the actor, in the same transaction as the
change itself (a rolled-back change leaves no history). ORM bulk INSERTs are recorded row
by row; bulk UPDATE and DELETE statements on audited tables are refused, because their old
values cannot be known — load the objects instead.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) uses
from typing import Any

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.base import LoaderCallableStatus

from gonghui_desk.db.bulk_insert import bulk_insert
from gonghui_desk.db.changes import CHANGES_KEY, Change, note
from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.db.session import SessionFactory, clock_of, officer_of

CREATE, UPDATE, DELETE, PURGE, EXPORT = "create", "update", "delete", "purge", "export"
# The import tables are the record of an import themselves (db.models.imports).
# An attachment's bytes: its row in contract_attachment records name, size and checksum.
# The book's mark is written once, by the migration that makes the book.
NOT_AUDITED = frozenset({"change_log", "import_batch", "import_batch_item", "import_profile",
                         "contract_file", "book_mark"})
CHANGE_LOG: Table = ChangeRecord.__table__  # type: ignore[assignment]
# Kept out of the diff: they change on every write, or follow from another field
# (the pinyin keys from the name), and say nothing a person needs.
# A record's version counts its saves (db.base.Versioned): the entry itself is the save.
IGNORED_FIELDS = frozenset({"created_at", "updated_at", "pinyin_initials", "pinyin_full",
                            "version"})


def _plain(value: Any) -> Any:
    if value is LoaderCallableStatus.NO_VALUE:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _entry(session: Session, table: str, record_id: object, action: str,
           changes: Mapping[str, list[Any]]) -> dict[str, object]:
    note(session, table, record_id, action, changes)
    return {
        "at": clock_of(session).now(),
        "actor": officer_of(session).display,
        "table_name": table,
        "record_id": str(record_id),
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


def _record_id(state: Any) -> str:
    """The primary key, already assigned by the flush (composite keys joined by '/')."""
    key = state.mapper.primary_key_from_instance(state.obj())
    return "/".join(str(part) for part in key)


def _audited(objects: Iterable[object]) -> Iterable[tuple[Any, str, list[Any]]]:
    """(state, table name, column attributes worth recording) of each audited object."""
    for obj in objects:
        state = inspect(obj)
        table = state.mapper.local_table.name
        if table in NOT_AUDITED:
            continue
        columns = [
            attr for attr in state.attrs
            if attr.key in state.mapper.columns and attr.key not in IGNORED_FIELDS
        ]
        yield state, table, columns


def _updates(columns: list[Any]) -> dict[str, list[Any]]:
    changes = {}
    for attr in columns:
        history = attr.history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


def _object_entries(session: Session, flush: UOWTransaction) -> Iterable[dict[str, object]]:
    for state, table, columns in _audited(session.new):
        values = {attr.key: [None, _plain(attr.value)] for attr in columns}
        yield _entry(session, table, _record_id(state), CREATE, values)
    dirty = (o for o in session.dirty if session.is_modified(o, include_collections=False))
    for state, table, columns in _audited(dirty):
        changes = _updates(columns)
        if changes:
            yield _entry(session, table, _record_id(state), UPDATE, changes)
    for state, table, columns in _audited(_deleted(session, flush)):
        old = {attr.key: [_plain(attr.loaded_value), None] for attr in columns}
        yield _entry(session, table, _record_id(state), DELETE, old)


def _deleted(session: Session, flush: UOWTransaction) -> list[object]:
    """Every object this flush deleted: those deleted by name, and those it deleted itself —
    a child taken off a ``delete-orphan`` collection (an event removed from a member's
    list) never appears in ``session.deleted``, yet its row is gone."""
    found = {id(o): o for o in session.deleted}
    for state, (is_delete, list_only) in flush.states.items():
        obj = state.obj()
        if is_delete and not list_only and obj is not None:
            found.setdefault(id(obj), obj)
    return list(found.values())


def _after_flush(session: Session, flush: UOWTransaction) -> None:
    entries = list(_object_entries(session, flush))
    if entries:
        session.connection().execute(insert(CHANGE_LOG), entries)


def _bulk_statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table) or table.name in NOT_AUDITED:
        return
    if not state.is_insert:
        raise RuntimeError(
            f"bulk UPDATE/DELETE on {table.name} would bypass the change history; "
            "load the objects and change them instead"
        )
    rows = state.parameters
    if isinstance(rows, Mapping):
        rows = [rows]
    entries = [
        _entry(state.session, table.name, row.get("id", ""), CREATE,
               {k: [None, _plain(v)] for k, v in row.items() if k not in IGNORED_FIELDS})
        for row in rows or []
    ]
    if entries:
        state.session.connection().execute(insert(CHANGE_LOG), entries)


def record(session: Session, table: str, record_id: object, action: str,
           details: Mapping[str, Any]) -> None:
    """An entry for something that is not a field change (a purge, a full-ID export)."""
    values = {k: [None, _plain(v)] for k, v in details.items()}
    entry = _entry(session, table, record_id, action, values)
    session.connection().execute(insert(CHANGE_LOG), [entry])


def _json(value: Any) -> str:
    """``json.dumps(_plain(value), ensure_ascii=False)``, quicker for the usual kinds."""
    kind = type(value)
    if kind is str:
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    return json.dumps(_plain(value), ensure_ascii=False)


ENTRY_COLUMNS = ("at", "actor", "table_name", "record_id", "action", "changes")


@dataclass(frozen=True, slots=True)
class BulkEntries:
    """How the history entries of rows written in bulk into one table are made.

    What they share (the time, the actor, the JSON around the values) is taken from the
    session once by ``bulk_entries``; ``of`` touches no session.
    """

    table: str
    action: str
    collecting: bool  # whether the session notes changes (the runner's sessions do)
    fields: frozenset[str]  # one set shared by every change noted
    pick: Callable[[Sequence[Any]], tuple[Any, ...]]
    template: str  # the entry's JSON with a %s for each value
    at_id: int
    fixed: tuple[Any, ...]  # at, actor, table_name as stored

    def of(self, rows: Iterable[Sequence[Any]]) -> tuple[list[tuple[Any, ...]], list[Change]]:
        """The entries (values of ``ENTRY_COLUMNS``) of ``rows``, and their changes to note."""
        quote, encode, pick, template = encode_basestring, _json, self.pick, self.template
        fixed, action, at_id = self.fixed, self.action, self.at_id
        entries: list[tuple[Any, ...]] = []
        for row in rows:
            text = template % tuple([quote(v) if type(v) is str else encode(v)
                                     for v in pick(row)])
            entries.append((*fixed, str(row[at_id]), action, text))
        changes = ([Change(self.table, entry[3], action, self.fields) for entry in entries]
                   if self.collecting else [])
        return entries, changes


def bulk_entries(session: Session, table: str, action: str, columns: Sequence[str]
                 ) -> BulkEntries:
    """Each row (the values of ``columns``, ``id`` among them) gets the entry the ORM would
    have written for it — every field as ``[None, new]`` for a create, ``[old, None]`` for
    a delete, keys sorted, the same JSON."""
    kept = sorted((name, index) for index, name in enumerate(columns)
                  if name not in IGNORED_FIELDS)
    get: Any = operator.itemgetter(*(index for _, index in kept))
    pick = (lambda row: (get(row),)) if len(kept) == 1 else get  # one index: no tuple
    # (column names hold no %)
    value = "null, %s" if action == CREATE else "%s, null"
    template = "{" + ", ".join(f"{json.dumps(name)}: [{value}]" for name, _ in kept) + "}"
    dialect = session.get_bind().dialect
    stored_at = CHANGE_LOG.c.at.type.dialect_impl(dialect).bind_processor(dialect)
    now = clock_of(session).now()
    fixed = (stored_at(now) if stored_at else now, officer_of(session).display, table)
    return BulkEntries(table, action, session.info.get(CHANGES_KEY) is not None,
                       frozenset(name for name, _ in kept), pick, template,
                       list(columns).index("id"), fixed)


def note_all(session: Session, changes: Iterable[Change]) -> None:
    """Note changes made by ``BulkEntries.of`` on the session, as ``note`` does one."""
    collected = session.info.get(CHANGES_KEY)
    if collected is not None:
        collected.extend(changes)


def entries_for_rows(session: Session, table: str, action: str, columns: Sequence[str],
                     rows: Iterable[Sequence[Any]]) -> int:
    """History entries for rows inserted or deleted in bulk (an import's undo), noted as
    changes and written in one executemany, so that 100,000 rows cost seconds, not
    minutes (see ``bulk_entries``). Returns how many."""
    entries, changes = bulk_entries(session, table, action, columns).of(rows)
    note_all(session, changes)
    with bulk_insert(session, {}) as writer:
        writer.insert(CHANGE_LOG.name, ENTRY_COLUMNS, entries)
    return len(entries)


def install(sessions: SessionFactory) -> None:
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _bulk_statement)
