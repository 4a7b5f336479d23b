"""Two officers with one record open: the second save is refused and names the first, for a
member, a hardship file and a collective contract alike; a save with nobody in between, or
from a script that read nothing first, goes through."""

import datetime as dt
from dataclasses import replace

import pytest

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.services import contracts as cs
from gonghui_desk.services import hardship as hs
from gonghui_desk.services import member_records as records
from gonghui_desk.services.edit_conflicts import EditConflict
from tests.factories import write
from tests.services.test_contracts import SIGNED, TEAM
from tests.services.test_hardship_files import draft, open_one

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())


def as_officer(db, name):
    db.officer.name = name
    return db


def test_a_member_saved_by_another_officer_is_not_overwritten(db):
    member_id = write(as_officer(db, "李主席"), records.create_member,
                      MemberData(name="张伟", id_number="110105199003070017", department="质检科",
                                 join_date=dt.date(2015, 1, 1)),
                      ms.EventDraft(ms.JOIN, None))
    mine = records.get_member(db.sessions, member_id)
    theirs = records.get_member(db.sessions, member_id)
    write(as_officer(db, "王副主席"), records.update_member, member_id,
          replace(theirs.data, department="办公室"), theirs.version)
    with pytest.raises(EditConflict, match=r"王副主席.*部门/车间：质检科 → 办公室"):
        write(as_officer(db, "李主席"), records.update_member, member_id,
              replace(mine.data, post="质检员"), mine.version)
    saved = records.get_member(db.sessions, member_id)
    assert (saved.data.department, saved.data.post, saved.version) == ("办公室", "", 2)
    # Read again, the chair's change goes in on top of the other one.
    write(db, records.update_member, member_id, replace(saved.data, post="质检员"),
          saved.version)
    again = records.get_member(db.sessions, member_id)
    assert (again.data.department, again.data.post, again.version) == ("办公室", "质检员", 3)
    # A script that read nothing first (no version) is not refused.
    write(db, records.update_member, member_id, replace(again.data, post="组长"))


def test_a_hardship_file_saved_by_another_officer_is_not_overwritten(db):
    file_id = open_one(as_officer(db, "李主席"))
    seen = hs.file_version(db.sessions, file_id)
    write(as_officer(db, "女工委员"), hs.update_file, file_id, draft(phone="13900000009"), seen)
    with pytest.raises(EditConflict, match="女工委员"):
        write(as_officer(db, "李主席"), hs.update_file, file_id, draft(live_address="新村 3 号"),
              seen)
    saved, _, _ = hs.load_file(db.sessions, file_id)
    assert (saved.phone, saved.live_address) == ("13900000009", "")


def test_a_contract_saved_by_another_officer_is_not_overwritten(db):
    contract_id = write(as_officer(db, "李主席"), cs.save_contract, SIGNED, TEAM)
    seen = cs.contract_version(db.sessions, contract_id)
    write(as_officer(db, "王副主席"), cs.save_contract,
          replace(SIGNED, title="工资专项集体合同"), TEAM, contract_id, seen)
    with pytest.raises(EditConflict, match=r"王副主席.*工资专项集体合同"):
        write(as_officer(db, "李主席"), cs.save_contract,
              replace(SIGNED, filed_date=dt.date(2026, 11, 16)), TEAM, contract_id, seen)
    assert cs.contract_detail(db.sessions, contract_id, TODAY).draft.filed_date is None
