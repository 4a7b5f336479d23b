
"""Saving a member reads the book by its indexes only: the dialog's save and review and an
import's updates look up who holds an ID or card number without reading every member,
which at 100,000 members made each save a fraction of a second and an import of a few
thousand updates minutes long."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event

from gonghui_desk.db.database import Database
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.exchange.member_import import UPSERT, import_operation
from gonghui_desk.services import member_records as records
from gonghui_desk.services.operations import Runner
from tests.exchange.rosters import id_number, plan_file, write_xlsx
from tests.factories import write

pytestmark = pytest.mark.sqlite_only("SQLite's query plans")

ZHANG = MemberData(name="张三", id_number=id_number(1, dt.date(1988, 2, 3)),
                   phone="13900000001", card_number="A001", join_date=dt.date(2015, 6, 1))


@contextmanager
def _member_reads(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """The SELECTs on the member table run meanwhile, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def executed(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM member" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", executed)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", executed)


def _scans(db: Database, reads: list[tuple[str, Any]]) -> list[str]:
    """The reads SQLite answers by going through every member."""
    found = []
    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        for statement, parameters in reads:
            plan = cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            if any(str(step[-1]).startswith("SCAN member") for step in plan):
                found.append(statement)
        cursor.close()
    return found


def _on_file(db: Database) -> int:
    member_id = write(db, records.create_member, ZHANG, ms.EventDraft(ms.JOIN, None))
    write(db, records.create_member, replace(
        ZHANG, name="李四", id_number=id_number(2, dt.date(1988, 2, 3)), phone="13900000002",
        card_number="A002"), ms.EventDraft(ms.JOIN, None))
    return member_id


def test_the_dialogs_save_finds_card_holders_by_the_index(db):
    member_id = _on_file(db)
    draft = replace(ZHANG, card_number="A002", post="钳工")
    with _member_reads(db) as reads:
        review = records.review_member(db.sessions, draft, member_id, today=dt.date(2026, 1, 5))
    assert [p.key for p in review.problems] == ["card_number"]  # 李四 holds it
    with _member_reads(db) as saved:
        write(db, records.update_member, member_id, replace(draft, card_number="A003"))
    assert len(reads) >= 2 and saved
    assert _scans(db, reads + saved) == []


def test_an_imports_updates_find_card_holders_by_the_index(db, tmp_path):
    _on_file(db)
    roster = write_xlsx(tmp_path / "更新.xlsx", [["姓名", "证件号码", "会员证号"],
                                                 ["张三", ZHANG.id_number, "A009"]])
    plan = plan_file(db, roster, mode=UPSERT)
    with _member_reads(db) as reads:
        Runner(db).run(import_operation(plan, valid_only=False))
    assert reads
    assert _scans(db, reads) == []
