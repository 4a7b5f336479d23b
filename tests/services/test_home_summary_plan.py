
"""首页's member figures are counted from indexes alone: every query members_summary sends
reads a covering index, none reads the member rows, so the window shows its figures at once
however many members the book holds. Checked with SQLite's own EXPLAIN QUERY PLAN on the
very statements sent, and against the counts a plain reading gives."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from gonghui_desk.domain import membership as ms
from gonghui_desk.services.summary import members_summary
from tests.factories import make_member

pytestmark = pytest.mark.sqlite_only("SQLite's query plans")

TODAY = dt.date(2026, 11, 21)


def _sent(db, work):
    statements: list[tuple[str, object]] = []

    def heard(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", heard)
    try:
        value = work()
    finally:
        event.remove(db.engine, "before_cursor_execute", heard)
    return value, statements


def test_the_figures_read_only_covering_indexes(db):
    with db.sessions.begin() as session:
        make_member(session, id_number="110105199003071234")
        binned = make_member(session, id_number="110105199003075678",
                             events=[(ms.JOIN, dt.date(2026, 2, 1))])
        binned.deleted_at = dt.datetime(2026, 11, 1, 9)
        make_member(session, id_number="110105199003079012",
                    events=[(ms.JOIN, dt.date(2019, 1, 1)), (ms.WITHDRAW, dt.date(2026, 5, 1))])
    summary, statements = _sent(db, lambda: members_summary(db.sessions, TODAY))
    assert (summary.active, summary.left, summary.joined_this_year,
            summary.left_this_year) == (1, 1, 0, 1)  # the 回收站 counts nowhere
    counting = [(s, p) for s, p in statements if "count(" in s.lower()]
    assert len(counting) == 3
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        for statement, parameters in counting:
            plan = [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}",
                                                  parameters).fetchall()]
            reads = [step for step in plan if step.startswith(("SCAN", "SEARCH"))]
            assert reads, plan
            assert all("COVERING INDEX" in step for step in reads), plan
