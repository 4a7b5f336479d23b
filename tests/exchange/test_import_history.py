"""An import and its undo leave the history every other write leaves: an entry for every
member and event row they add, change or delete, in their own transaction, as the chair's
history view reads it; and their ``Changes`` name those members."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from gonghui_desk.db.models import ChangeRecord, Member, MembershipEvent
from gonghui_desk.exchange.member_import import UPSERT, import_operation
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.history import HistoryFilter, search_history
from gonghui_desk.services.import_undo import undo_operation
from gonghui_desk.services.operations import Cancelled, Op, Runner
from tests.dates import the_day
from tests.exchange.rosters import hr_rows, person, plan_file, write_xlsx


def entries(db, table, action=None):
    with db.session() as session:
        query = select(ChangeRecord).where(ChangeRecord.table_name == table)
        if action:
            query = query.where(ChangeRecord.action == action)
        return list(session.scalars(query.order_by(ChangeRecord.id)))


def ids_of(db, model, column="id"):
    with db.session() as session:
        return set(session.scalars(select(getattr(model, column))))


@pytest.fixture
def officer_db(db):
    db.officer.name = "曾晓梅"  # the book's sessions carry the same officer
    return db


def test_an_import_records_every_member_and_event_it_adds(officer_db, tmp_path):
    db = officer_db
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", hr_rows(3)))
    outcome = Runner(db).run(import_operation(plan, valid_only=False))
    members, events = ids_of(db, Member), ids_of(db, MembershipEvent)
    assert outcome.changes.ids("member", "create") == members == {1, 2, 3}
    assert outcome.changes.ids("membership_event", "create") == events
    created = entries(db, "member", "create")
    assert [int(e.record_id) for e in created] == [1, 2, 3]
    assert {int(e.record_id) for e in entries(db, "membership_event", "create")} == events
    first = created[0]
    assert first.actor == "曾晓梅" and first.at.date() == the_day()
    # the ORM's own entry, to the letter: every field [None, value], keys sorted
    values = json.loads(first.changes)
    assert first.changes == json.dumps(values, ensure_ascii=False, sort_keys=True)
    p = person(0)
    assert values["name"] == [None, p["name"]]
    assert values["id_number"] == [None, p["id"]]
    assert values["birth_date"] == [None, p["birth"].isoformat()]
    assert values["migrant_worker"] == [None, False] and values["status"] == [None, "在册"]
    assert "pinyin_full" not in values and "created_at" not in values
    # what the chair reads in the member's history
    [row] = search_history(db.sessions, HistoryFilter(table="member", record_id="1"))
    assert row.actor == "曾晓梅" and f"姓名：{p['name']}" in row.summary


def test_imported_rows_carry_the_clock_time_not_the_database_time(db, tmp_path):
    Runner(db).run(import_operation(plan_file(db, write_xlsx(tmp_path / "名册.xlsx",
                                                            hr_rows(2))), valid_only=False))
    now = db.clock.now()
    with db.session() as session:
        stamps = [(m.created_at, m.updated_at) for m in session.scalars(select(Member))]
        stamps += [(e.created_at, e.updated_at) for e in session.scalars(select(MembershipEvent))]
    for created, updated in stamps:
        assert created == updated and abs(created - now) < dt.timedelta(minutes=1)


@pytest.mark.sqlite_only("a file book's own backups")
def test_an_update_and_the_undo_are_in_the_history_and_in_the_changes(db, tmp_path):
    runner = Runner(db)
    runner.run(import_operation(plan_file(db, write_xlsx(tmp_path / "一.xlsx", hr_rows(2))),
                                valid_only=False))
    rows = hr_rows(3)
    rows[1][4] = "质检科"
    second = runner.run(import_operation(
        plan_file(db, write_xlsx(tmp_path / "二.xlsx", rows), mode=UPSERT), valid_only=False))
    assert second.changes.ids("member", "update") == {1}
    assert second.changes.ids("member", "create") == {3}
    assert "department" in second.changes.fields("member")
    [update] = entries(db, "member", "update")
    assert json.loads(update.changes)["department"] == [person(0)["department"], "质检科"]

    events_of_three = ids_of(db, MembershipEvent) - {1, 2}
    undone = runner.run(undo_operation(batches.get_batch(db.sessions, second.value)))
    assert undone.changes.ids("member", "delete") == {3}
    assert undone.changes.ids("member", "update") == {1}
    assert undone.changes.ids("membership_event", "delete") == events_of_three
    [deleted] = entries(db, "member", "delete")
    old = json.loads(deleted.changes)
    assert old["name"] == [person(2)["name"], None] and old["id"] == [3, None]
    assert deleted.changes == json.dumps(old, ensure_ascii=False, sort_keys=True)
    assert {int(e.record_id) for e in entries(db, "membership_event", "delete")} == (
        events_of_three)
    assert json.loads(entries(db, "member", "update")[-1].changes)["department"] == [
        "质检科", person(0)["department"]]
    assert undone.backup is not None and "第 2 批 二.xlsx" in undone.backup.detail


def test_a_cancelled_import_leaves_neither_members_nor_history(db, tmp_path):
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", hr_rows(3)))

    def stop_when_writing(_title, work):
        def report(step):
            if step.message == "正在写入数据库" and step.done:
                raise Cancelled
        return work(report)

    with pytest.raises(Cancelled):
        Runner(db, stop_when_writing).run(import_operation(plan, valid_only=False))
    assert ids_of(db, Member) == set() and entries(db, "member") == []
    assert entries(db, "import_batch") == []


@pytest.mark.sqlite_only("a file book's own backups")
def test_a_refused_undo_costs_no_backup(db, tmp_path):
    from gonghui_desk.services.backup import list_backups, load_policy
    from gonghui_desk.services.member_records import move_to_recycle_bin

    runner = Runner(db)
    batch_id = runner.run(import_operation(
        plan_file(db, write_xlsx(tmp_path / "名册.xlsx", hr_rows(2))), valid_only=False)).value
    runner.run(Op("删除会员", lambda tx: move_to_recycle_bin(tx, [1])))
    folder = load_policy(db).folder
    copies = len(list_backups(folder))
    from gonghui_desk.errors import UserError

    with pytest.raises(UserError, match="不能整批撤销"):
        runner.run(undo_operation(batches.get_batch(db.sessions, batch_id)))
    assert len(list_backups(folder)) == copies
