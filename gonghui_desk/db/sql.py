"""SQL terms that each database spells its own way, written once for every engine.

A service says what it means (``month_of(day)``, ``starts_with(column, "zx")``) and the
statement compiles to SQLite's or PostgreSQL's spelling; no service writes a function that
only one engine has.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, String, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class _DatePart(FunctionElement[str]):
    """Part of a date as text; each subclass names its format on both engines."""

    type = String()
    inherit_cache = True
    SQLITE = POSTGRESQL = ""


class month_of(_DatePart):
    """A date's month as ``'YYYY-MM'``."""

    name = "month_of"
    inherit_cache = True
    SQLITE, POSTGRESQL = "%Y-%m", "YYYY-MM"


class month_number(_DatePart):
    """A date's month as two digits, ``'01'`` to ``'12'``."""

    name = "month_number"
    inherit_cache = True
    SQLITE, POSTGRESQL = "%m", "MM"


def _date_part_sqlite(element: _DatePart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strftime('{element.SQLITE}', {compiler.process(element.clauses, **kw)})"


def _date_part_pg(element: _DatePart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, '{element.POSTGRESQL}')"


for _part in (month_of, month_number):
    compiles(_part, "sqlite")(_date_part_sqlite)
    compiles(_part, "postgresql")(_date_part_pg)


_PLAIN_PREFIX = re.compile(r"[A-Za-z0-9\-]*")


class starts_with(FunctionElement[bool]):
    """``starts_with(column, prefix)``: the column starts with ``prefix``, compared with
    case, as SQLite's GLOB and PostgreSQL's LIKE do (SQLite's LIKE ignores ASCII case).

    The prefix is a bound value, so that a search's statement is compiled once and cached;
    it may hold only letters, digits and hyphens, which neither pattern language treats
    as special (the search box's Latin text is just that)."""

    type = Boolean()
    inherit_cache = True
    name = "starts_with"

    def __init__(self, column: Any, prefix: str) -> None:
        if not _PLAIN_PREFIX.fullmatch(prefix):
            raise ValueError(f"starts_with takes letters, digits and hyphens, not {prefix!r}")
        super().__init__(column, literal(prefix, String()))


@compiles(starts_with, "sqlite")
def _starts_sqlite(element: starts_with, compiler: SQLCompiler, **kw: Any) -> str:
    column, prefix = (compiler.process(c, **kw) for c in element.clauses)
    return f"({column} GLOB ({prefix} || '*'))"


@compiles(starts_with, "postgresql")
def _starts_pg(element: starts_with, compiler: SQLCompiler, **kw: Any) -> str:
    column, prefix = (compiler.process(c, **kw) for c in element.clauses)
    # A literal % is doubled for the driver's own %(name)s placeholders.
    wildcard = compiler.post_process_text("'%'")  # type: ignore[no-untyped-call]
    return f"({column} LIKE ({prefix} || {wildcard}))"
