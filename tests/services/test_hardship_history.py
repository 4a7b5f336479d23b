"""What the change history keeps of hardship writes: only what really changed, and who."""

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship_file import RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.operations import Op, Runner
from tests.factories import write
from tests.services.test_hardship_files import TODAY, draft, id_number, open_one

pytestmark = pytest.mark.today(TODAY.isoformat())
DAUGHTER = id_number("20120404", "042")


def entries(db, table: str) -> list[tuple[str, str, dict, str]]:
    """(record id, action, {field: [old, new]}, actor) of ``table``'s history, in order."""
    with db.session() as session:
        rows = session.scalars(select(ChangeRecord).where(ChangeRecord.table_name == table)
                               .order_by(ChangeRecord.id))
        return [(r.record_id, r.action, json.loads(r.changes), r.actor) for r in rows]


def saved_household(db, file_id: int) -> tuple[RelativeDraft, ...]:
    return hs.load_file(db.sessions, file_id)[0].relatives


def save_household(db, file_id: int, relatives: tuple[RelativeDraft, ...]):
    """Save the file as loaded with ``relatives``; the operation's outcome."""
    loaded = hs.load_file(db.sessions, file_id)[0]
    return Runner(db).run(Op(hs.UPDATE_FILE, lambda tx: hs.update_file(
        tx, file_id, replace(loaded, relatives=relatives))))


def test_changing_one_household_member_records_that_member_only(db):
    file_id = open_one(db)
    wife, son = saved_household(db, file_id)
    before = len(entries(db, "hardship_relative"))
    outcome = save_household(db, file_id, (replace(wife, monthly_income=D(1500)), son))
    after = entries(db, "hardship_relative")[before:]
    assert [(rid, action, changes) for rid, action, changes, _ in after] == [
        (str(wife.id), "update", {"monthly_income_fen": [120000, 150000]})]
    assert outcome.changes.ids("hardship_relative") == {wife.id}
    assert saved_household(db, file_id)[1].id == son.id  # the son kept his row


def test_adding_and_removing_a_household_member_records_only_that_member(db):
    file_id = open_one(db)
    wife, son = saved_household(db, file_id)
    before = len(entries(db, "hardship_relative"))
    daughter = RelativeDraft("王小红", "子女", id_number=DAUGHTER, identity="学生")
    added = save_household(db, file_id, (wife, son, daughter))
    [(new_id, action, changes, _)] = entries(db, "hardship_relative")[before:]
    assert action == "create" and changes["name"] == [None, "王小红"]
    assert added.changes.ids("hardship_relative") == {int(new_id)}

    removed = save_household(db, file_id, saved_household(db, file_id)[1:])  # the wife leaves
    [(gone_id, action, changes, _)] = entries(db, "hardship_relative")[before + 1:]
    assert (gone_id, action) == (str(wife.id), "delete")
    assert changes["name"] == ["李梅", None]
    assert removed.changes.ids("hardship_relative", "delete") == {wife.id}
    assert [r.name for r in saved_household(db, file_id)] == ["王小明", "王小红"]


def test_saving_an_unchanged_file_writes_no_history(db):
    file_id = open_one(db)
    before = len(entries(db, "hardship_file")) + len(entries(db, "hardship_relative"))
    outcome = save_household(db, file_id, saved_household(db, file_id))
    assert outcome.changes.empty
    assert len(entries(db, "hardship_file")) + len(entries(db, "hardship_relative")) == before


def test_a_step_is_recorded_under_the_officers_name_and_names_the_file(db):
    db.officer.name = "王主席"
    file_id = open_one(db)
    outcome = Runner(db).run(Op(hs.TAKE_STEP, lambda tx: hs.take_step(
        tx, file_id, Step(hp.VISIT, dt.date(2026, 3, 5), "张主席"))))
    assert outcome.value == hp.VISITED
    assert outcome.changes.ids("hardship_file") == {file_id}
    assert outcome.changes.kinds("hardship_step") == {"create"}
    state_change = [e for e in entries(db, "hardship_file") if e[1] == "update"]
    assert state_change[-1][2]["state"] == [hp.APPLIED, hp.VISITED]
    assert {actor for *_, actor in entries(db, "hardship_step")} == {"王主席"}


def test_testing_a_year_again_changes_its_items_in_place(db):
    file_id = open_one(db)
    write(db, hs.set_dibao, "330106", 2026, D(1000))
    write(db, hs.assess_year, file_id, 2026, [("工资", D(30000)), ("补贴", D(600))],
          [("医疗", D(3000))])
    before = len(entries(db, "hardship_money_item"))
    write(db, hs.assess_year, file_id, 2026, [("工资", D(32000)), ("补贴", D(600))], [])
    later = [(action, changes) for _, action, changes, _ in
             entries(db, "hardship_money_item")[before:]]
    assert later == [("update", {"amount_fen": [3000000, 3200000]}),
                     ("delete", later[1][1])]
    assert later[1][1]["item"] == ["医疗", None]
    assert [e[1] for e in entries(db, "hardship_year")] == ["create", "update"]
    [kept] = hs.load_years(db.sessions, file_id)
    assert kept.income == [("工资", D(32000)), ("补贴", D(600))] and kept.expenses == []


def test_an_id_of_another_files_member_adds_a_member_instead(db):
    first = open_one(db)
    other = write(db, hs.open_file, draft(name="赵四", id_number=id_number("19750505", "071"),
                                          relatives=(RelativeDraft("赵妻", "配偶"),)),
                  dt.date(2026, 3, 1))
    foreign = saved_household(db, other)[0]
    wife, son = saved_household(db, first)
    save_household(db, first, (wife, son, replace(foreign, name="赵五")))
    assert [r.name for r in saved_household(db, other)] == ["赵妻"]  # untouched
    assert [r.name for r in saved_household(db, first)] == ["李梅", "王小明", "赵五"]
