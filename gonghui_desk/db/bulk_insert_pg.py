"""Rows written in bulk into a PostgreSQL book: ``COPY … FROM STDIN``, tables locked.

The writer streams each chunk through psycopg's ``cursor.copy()``, the server's fastest way
in. The tables about to take the rows are locked against other writers for the rest of the
transaction (SHARE ROW EXCLUSIVE: everyone may read on, nobody else writes them), so two
imports by two officers never interleave, and the ids the writer is given (the next after
the highest, as on SQLite) cannot be taken by anyone else meanwhile. After the rows each
table's id sequence is moved past them, so that the next ordinary insert continues there.

A unique index a new row breaks is reported as ``DuplicateKey`` with the key, as the SQLite
writer reports it; the caller's transaction then rolls back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from gonghui_desk.db.base import Base
from gonghui_desk.db.bulk_errors import DuplicateKey

# "Key (card_number)=(A-1) already exists."
_KEY = re.compile(r"Key \((?P<columns>[^)]*)\)=\((?P<values>.*)\) already exists")


class _CopyWriter:
    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self.with_ids: set[str] = set()

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
               ) -> None:
        if not rows:
            return
        if "id" in columns:
            self.with_ids.add(table)
        import psycopg

        names = ", ".join(f'"{c}"' for c in columns)
        with self._raw.cursor() as cursor:
            try:
                with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            except psycopg.errors.UniqueViolation as error:
                raise _duplicate(table, error) from error


def _duplicate(table: str, error: Any) -> DuplicateKey:
    shape = _KEY.search(error.diag.message_detail or "")
    if shape is None:
        return DuplicateKey(table, (error.diag.constraint_name or "?",), [])
    columns = tuple(c.strip() for c in shape["columns"].split(","))
    values = tuple(v.strip() for v in shape["values"].split(","))
    return DuplicateKey(table, columns, [values])


@contextmanager
def postgres_bulk(session: Session, expected: Mapping[str, int]) -> Iterator[_CopyWriter]:
    connection = session.connection()
    tables = sorted(t for t, coming in expected.items() if coming > 0)
    if tables:
        names = ", ".join(f'"{t}"' for t in tables)
        connection.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
    raw = connection.connection.dbapi_connection
    writer = _CopyWriter(raw)
    yield writer
    for table in sorted(writer.with_ids):
        if "id" in Base.metadata.tables[table].c:
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM \"{table}\"))")
