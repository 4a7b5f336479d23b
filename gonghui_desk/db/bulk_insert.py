"""Rows written in bulk at the speed of the engine, behind one seam.

Everything that writes many new rows at once (an import's additions, the demo) hands them,
table by table and chunk by chunk, to the writer ``bulk_insert`` opens. The SQLite writer
below gives them to the driver cursor's ``executemany``; the writer is chosen by
``session.get_bind().dialect.name``; a PostgreSQL book's is ``COPY … FROM STDIN``
(db.bulk_insert_pg). Any other engine gets the portable writer: SQLAlchemy Core inserts,
slower but correct.

Into an empty or nearly empty table (fewer rows than a tenth of those about to go in) the
table's secondary indexes are dropped before the rows and built again from their stored
SQL after them, inside the caller's transaction: building an index over sorted keys once
costs a fraction of keeping it up to date row by row, and a rollback (a cancel, an error, a
killed process) brings the indexes back with the rest, because SQLite's DDL is transactional.
A UNIQUE index that cannot be rebuilt because two new rows share its key is the unique check
before the commit; it is raised as ``DuplicateKey`` with the values, for the service to say
in words.

The same table's AFTER INSERT triggers that copy each new row somewhere else in one
statement (the search index's) are put off the same way: dropped before the rows, their
statement run once over all the new rows (``INSERT … SELECT``, the table read under the
name ``NEW``), then created again from their stored SQL. At 100,000 members that is 1.6 s
against 6.7 s row by row. A trigger of any other shape stays and fires row by row.

The commit of rows written here leaves copying the write-ahead log into the book to a
background thread (db.checkpoint): about 2 s at 100,000 members.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

from gonghui_desk.db.base import Base
from gonghui_desk.db.bulk_errors import DuplicateKey
from gonghui_desk.db.checkpoint import checkpoint_later

# A table at or above this share of the rows about to go in keeps its indexes: the rows
# already there would have to be sorted into the rebuilt index again.
DROP_BELOW_SHARE = 0.1
SHOWN_DUPLICATES = 3
__all__ = ["BulkWriter", "DuplicateKey", "bulk_insert"]


class BulkWriter(Protocol):
    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
               ) -> None:
        """Insert ``rows`` (each the values of ``columns``, in order) into ``table``."""


@dataclass(frozen=True, slots=True)
class _Index:
    name: str
    table: str
    sql: str  # as the migrations created it
    unique_columns: tuple[str, ...]  # empty for an index that allows repeats


@dataclass(frozen=True, slots=True)
class _Trigger:
    """An AFTER INSERT trigger whose one statement copies the new row elsewhere."""

    name: str
    table: str
    sql: str  # as the migrations created it
    target: str  # "INSERT INTO x (a, b)"
    values: str  # the VALUES' expressions, in terms of NEW
    when: str  # the WHEN condition, or ""


# CREATE TRIGGER t AFTER INSERT ON tbl [FOR EACH ROW] [WHEN c] BEGIN INSERT INTO … VALUES (…); END
_COPYING = re.compile(
    r'CREATE\s+TRIGGER\s+"?(?P<name>\w+)"?\s+AFTER\s+INSERT\s+ON\s+"?(?P<table>\w+)"?'
    r'(?:\s+FOR\s+EACH\s+ROW)?(?:\s+WHEN\s+(?P<when>.+?))?\s+BEGIN\s+'
    r'(?P<target>INSERT\s+INTO\s+"?\w+"?\s*\([^()]*\))\s*VALUES\s*\((?P<values>.*)\)\s*;'
    r'\s*END\s*$', re.IGNORECASE | re.DOTALL)


class _SqliteWriter:
    def __init__(self, connection: Connection) -> None:
        self._raw = connection.connection  # the driver's connection
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
               ) -> None:
        if not rows:
            return
        key = (table, tuple(columns))
        sql = self._sql.get(key)
        if sql is None:
            sql = self._sql[key] = (f"INSERT INTO {table} ({', '.join(columns)}) "
                                    f"VALUES ({', '.join('?' for _ in columns)})")
        cursor = self._raw.cursor()
        try:  # sqlite3 lets go of the GIL while it steps, so other threads may prepare
            cursor.executemany(sql, rows)
        finally:
            cursor.close()


class _PortableWriter:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
               ) -> None:
        if rows:
            target: Table = Base.metadata.tables[table]
            self._connection.execute(insert(target), [dict(zip(columns, row, strict=True))
                                                      for row in rows])


def _sqlite_indexes(raw: Any, tables: Sequence[str]) -> list[_Index]:
    """The droppable indexes of ``tables`` as the book holds them (a constraint's own
    index has no SQL and stays)."""
    marks = ", ".join("?" for _ in tables)
    found = raw.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
        f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY tbl_name, name",
        tuple(tables)).fetchall()
    indexes = []
    for name, table, sql in found:
        unique = bool(raw.execute(
            "SELECT \"unique\" FROM pragma_index_list(?) WHERE name = ?",
            (table, name)).fetchone()[0])
        columns = tuple(row[0] for row in raw.execute(
            "SELECT name FROM pragma_index_info(?) ORDER BY seqno", (name,)))
        indexes.append(_Index(name, table, sql, columns if unique else ()))
    return indexes


def _sqlite_triggers(raw: Any, tables: Sequence[str]) -> list[_Trigger]:
    """The AFTER INSERT triggers of ``tables`` that can run once over many rows."""
    marks = ", ".join("?" for _ in tables)
    found = raw.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
        f"AND tbl_name IN ({marks}) ORDER BY tbl_name, name", tuple(tables)).fetchall()
    triggers = []
    for (sql,) in found:
        shape = _COPYING.match(sql.strip())
        if shape is not None and ";" not in shape["values"]:
            triggers.append(_Trigger(shape["name"], shape["table"], sql, shape["target"],
                                     shape["values"], shape["when"] or ""))
    return triggers


def _few_rows(raw: Any, expected: Mapping[str, int]) -> dict[str, int]:
    """The tables about to get many rows beside those they hold: {table: rows held}."""
    small = {}
    for table, coming in expected.items():
        held = raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if coming > 0 and held < coming * DROP_BELOW_SHARE:
            small[table] = held
    return small


def _held_rows_table(table: str) -> str:
    return f'temp."bulk_held_{table}"'


def _put_off(raw: Any, triggers: Sequence[_Trigger], held: Mapping[str, int]) -> None:
    """Drop the triggers, remembering which rows their tables held (few, by the rule)."""
    for table in sorted({t.table for t in triggers}):
        if held[table]:
            raw.execute(f"CREATE TEMP TABLE {_held_rows_table(table)} "
                        f"(id INTEGER PRIMARY KEY)")
            raw.execute(f"INSERT INTO {_held_rows_table(table)} SELECT rowid FROM {table}")
    for trigger in triggers:
        raw.execute(f'DROP TRIGGER "{trigger.name}"')


def _catch_up(raw: Any, triggers: Sequence[_Trigger], held: Mapping[str, int]) -> None:
    """Run each trigger's statement once over the new rows, then create it again."""
    for trigger in triggers:
        conditions = [f"({trigger.when})"] if trigger.when else []
        if held[trigger.table]:
            conditions.append(
                f"NEW.rowid NOT IN (SELECT id FROM {_held_rows_table(trigger.table)})")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        raw.execute(f"{trigger.target} SELECT {trigger.values} FROM {trigger.table} "
                    f"AS NEW{where}")
        raw.execute(trigger.sql)
    for table in sorted({t.table for t in triggers}):
        if held[table]:
            raw.execute(f"DROP TABLE {_held_rows_table(table)}")


def _duplicates(raw: Any, index: _Index) -> list[tuple[Any, ...]]:
    """The keys the unique index refused, the first few (a partial index's condition kept)."""
    columns = ", ".join(index.unique_columns)
    where = " AND ".join(f"{c} IS NOT NULL" for c in index.unique_columns)
    head, found, condition = index.sql.rpartition(") WHERE ")
    if found and head:
        where += f" AND ({condition})"
    return [tuple(row) for row in raw.execute(
        f"SELECT {columns} FROM {index.table} WHERE {where} GROUP BY {columns} "
        f"HAVING count(*) > 1 ORDER BY min(rowid) LIMIT {SHOWN_DUPLICATES}")]


def _rebuild(raw: Any, indexes: Sequence[_Index]) -> None:
    for index in indexes:
        try:
            raw.execute(index.sql)
        except sqlite3.IntegrityError as error:
            if not index.unique_columns:
                raise
            raise DuplicateKey(index.table, index.unique_columns,
                               _duplicates(raw, index)) from error


@contextmanager
def _sqlite_bulk(session: Session, expected: Mapping[str, int]) -> Iterator[BulkWriter]:
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    assert raw is not None
    if not raw.in_transaction:
        # The driver opens a transaction only before a row is written, never before DDL:
        # a DROP INDEX outside one would be committed at once, and a rollback could not
        # bring the index back.
        raw.execute("BEGIN")
    held = _few_rows(raw, expected)
    dropped = _sqlite_indexes(raw, list(held))
    for index in dropped:
        raw.execute(f'DROP INDEX "{index.name}"')
    triggers = _sqlite_triggers(raw, list(held))
    _put_off(raw, triggers, held)
    checkpoint_later(session, raw)
    yield _SqliteWriter(connection)
    # Not reached when the body raised: the caller's rollback restores indexes and triggers.
    _catch_up(raw, triggers, held)
    _rebuild(raw, dropped)


@contextmanager
def bulk_insert(session: Session, expected: Mapping[str, int]) -> Iterator[BulkWriter]:
    """A writer for many new rows in the session's transaction.

    ``expected`` says how many rows each table is about to get; a table that holds few
    rows beside them has its secondary indexes built after the rows instead of during
    (see the module docstring), and its copying triggers run once after them. Leaving the
    block does both and raises ``DuplicateKey`` when the new rows break a unique index —
    the caller must then roll back. Until the block is left, queries on those tables cannot
    use the dropped indexes, and what the triggers keep (the search index) lacks the rows.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        with _sqlite_bulk(session, expected) as writer:
            yield writer
    elif dialect == "postgresql":
        from gonghui_desk.db.bulk_insert_pg import postgres_bulk

        with postgres_bulk(session, expected) as copy_writer:
            yield copy_writer
    else:
        yield _PortableWriter(session.connection())
