"""Many new members at once: indexes built after the rows, all of it or none of it."""

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text

from gonghui_desk.db.models import ChangeRecord, Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.demo import DemoBranch
from gonghui_desk.domain.member_rules import check_new_record
from gonghui_desk.errors import UserError
from gonghui_desk.services.member_rows import insert_members, member_inserts, passed
from gonghui_desk.services.operations import Cancelled
from tests.factories import make_member, write

TODAY = dt.date(2026, 12, 7)
TABLES = ("member", "membership_event", "change_log")


def new_members(count, seed=3):
    rows = []
    for person in DemoBranch(seed, TODAY).members(count):
        events = [ms.EventDraft(e.kind, e.effective_date, e.reason, e.counterpart_union,
                                e.handled_by) for e in person.events]
        draft = replace(person, work_unit=person.work_unit or "机械厂")
        rows.append(passed(check_new_record(draft, events, TODAY)))
    return rows


def schema(db):
    """Every index and trigger of the book, with the SQL that made it."""
    with db.session() as session:
        if db.engine.dialect.name == "postgresql":
            return session.execute(text(
                "SELECT 'index', indexname, tablename, indexdef FROM pg_indexes "
                "WHERE schemaname = 'public' UNION ALL "
                "SELECT 'trigger', tgname, tgrelid::regclass::text, pg_get_triggerdef(oid) "
                "FROM pg_trigger WHERE NOT tgisinternal ORDER BY 2")).all()
        return session.execute(text(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE type IN ('index', 'trigger') ORDER BY name")).all()


def indexes_in(session, table):
    return {name for (name,) in session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name = :t"), {"t": table})}


def count(db, model):
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.sqlite_only("SQLite's index rebuild after a bulk write")
def test_an_empty_book_gets_its_indexes_back_after_the_rows(db):
    before = schema(db)
    seen = {}

    def add(tx):
        with member_inserts(tx.session, 40) as inserts:
            for chunk in (new_members(40)[:20], new_members(40)[20:]):
                inserts.write(inserts.prepare(chunk))
            seen.update({t: indexes_in(tx.session, t) for t in TABLES})

    write(db, add)
    assert seen == {t: set() for t in TABLES}  # the rows went in without them
    assert schema(db) == before
    assert count(db, Member) == 40 and count(db, MembershipEvent) >= 40
    with db.session() as session:
        plan = " ".join(str(row) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM member WHERE id_number = '1'")))
    assert "ix_member_id_number" in plan


@pytest.mark.sqlite_only("SQLite's index rebuild after a bulk write")
def test_a_cancel_after_the_indexes_were_dropped_leaves_them_all_and_no_rows(db):
    before = schema(db)

    def add_then_stop(tx):
        with member_inserts(tx.session, 40) as inserts:
            inserts.write(inserts.prepare(new_members(40)[:20]))
            assert indexes_in(tx.session, "member") == set()
            tx.progress(20, 40, "正在写入数据库")
            raise Cancelled  # as the progress dialog's 取消 does

    with pytest.raises(Cancelled):
        write(db, add_then_stop)
    assert schema(db) == before
    assert count(db, Member) == 0 and count(db, MembershipEvent) == 0
    assert count(db, ChangeRecord) == 0


def test_two_new_members_with_one_id_number_are_refused_by_the_unique_check(db):
    first, second = new_members(2)
    twin = replace(second, data=replace(second.data, id_number=first.data.id_number))
    before = schema(db)

    with pytest.raises(UserError) as refused:
        write(db, lambda tx: insert_members(tx.session, [first, twin]))
    message = str(refused.value)
    assert f"证件号码 {first.data.id_number}" in message
    assert "什么都没有写入" in message and "改正后重新导入" in message
    assert count(db, Member) == 0 and schema(db) == before


@pytest.mark.sqlite_only("SQLite's index rebuild after a bulk write")
def test_a_book_with_members_keeps_its_indexes_while_a_few_are_added(db):
    def twelve(tx):
        for n in range(12):
            make_member(tx.session, name=f"老会员{n}", id_number=None, card_number=f"K{n}")

    write(db, twelve)
    seen = {}

    def add(tx):
        with member_inserts(tx.session, 5) as inserts:
            inserts.write(inserts.prepare(new_members(5)))
            seen["member"] = indexes_in(tx.session, "member")

    write(db, add)
    assert "ix_member_id_number" in seen["member"] and count(db, Member) == 17


@pytest.mark.sqlite_only("SQLite's index rebuild after a bulk write")
def test_triggers_on_members_fire_for_every_row_written_in_bulk(db):
    with db.session() as session:
        session.execute(text("CREATE TABLE seen (member_id INTEGER)"))
        session.execute(text("CREATE TRIGGER member_seen AFTER INSERT ON member "
                             "BEGIN INSERT INTO seen VALUES (new.id); END"))
        session.commit()
    write(db, lambda tx: insert_members(tx.session, new_members(30)))
    with db.session() as session:
        assert session.scalar(text("SELECT count(*) FROM seen")) == 30
