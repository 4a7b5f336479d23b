"""Every change is in the history, recorded by the data layer itself."""

import getpass
import json

import pytest
from sqlalchemy import delete, select, update

from gonghui_desk.db.models import ChangeRecord, Member
from gonghui_desk.db.officer import UNSIGNED
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.profile import save_profile
from tests.factories import make_member, write


def history(db, table=None):
    with db.session() as session:
        query = select(ChangeRecord).order_by(ChangeRecord.id)
        if table:
            query = query.where(ChangeRecord.table_name == table)
        return [
            (r.table_name, r.record_id, r.action, json.loads(r.changes), r.actor)
            for r in session.scalars(query)
        ]


def test_create_update_delete_are_recorded_with_old_and_new_values(db):
    with db.session() as session:
        member_id = make_member(session, name="张三", phone="13800000001").id
    with db.session() as session:
        member = session.get(Member, member_id)
        member.phone = "13900000002"
        member.department = "质检部"
    with db.session() as session:
        session.delete(session.get(Member, member_id))
    entries = history(db, "member")
    assert [e[2] for e in entries] == ["create", "update", "delete"]
    assert all(e[1] == str(member_id) for e in entries)
    assert entries[0][3]["name"] == [None, "张三"]
    assert entries[1][3] == {"phone": ["13800000001", "13900000002"],
                             "department": ["装配车间", "质检部"]}
    assert entries[2][3]["name"] == ["张三", None]
    # the member's events went with it, and that is on record too
    assert [e[2] for e in history(db, "membership_event")] == ["create", "delete"]


def test_actor_is_the_named_officer_else_unsigned_never_the_computers_login(db):
    write(db, save_profile, BranchProfile(union_name="甲工会"))
    db.officer.name = "曾晓梅"
    write(db, save_profile, BranchProfile(union_name="乙工会"))
    (first, second) = history(db, "branch_profile")
    assert first[4] == UNSIGNED != getpass.getuser() and second[4] == "曾晓梅"
    assert second[3] == {"union_name": ["甲工会", "乙工会"]}


def test_a_rolled_back_change_leaves_no_history(db):
    with pytest.raises(RuntimeError), db.session() as session:
        make_member(session)
        raise RuntimeError("power cut in the middle")
    assert history(db) == []


def test_bulk_inserts_are_recorded_row_by_row(db):
    write(db, fill_demo, 30)
    members = [e for e in history(db, "member") if e[2] == "create"]
    assert len(members) == 30 and {e[1] for e in members} == {str(i) for i in range(1, 31)}


def test_bulk_update_and_delete_statements_are_refused(db):
    with db.session() as session:
        make_member(session)
    with pytest.raises(RuntimeError, match="change history"), db.session() as session:
        session.execute(update(Member).values(department="x"))
    with pytest.raises(RuntimeError, match="change history"), db.session() as session:
        session.execute(delete(Member))
    assert len(history(db, "member")) == 1


def test_an_unchanged_save_adds_nothing(db):
    write(db, save_profile, BranchProfile(union_name="甲工会"))
    write(db, save_profile, BranchProfile(union_name="甲工会"))
    assert len(history(db, "branch_profile")) == 1
