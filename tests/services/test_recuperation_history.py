"""What the change history keeps of 疗休养 writes: only what changed, under the officer's name."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.services import recuperation as rec
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services.operations import Op, Runner
from gonghui_desk.services.recuperation_trips import delete_trip
from tests.factories import write
from tests.services.test_hardship_history import entries
from tests.services.test_recuperation import BY, TODAY, apply, people, setup_year, trip

pytestmark = pytest.mark.today(TODAY.isoformat())
SHARES = "recuperation_department_quota"


def test_changing_the_department_shares_records_only_the_departments_changed(db):
    setup_year(db, departments={"装配车间": 4, "质检部": 2, "仓储部": 1})
    before = len(entries(db, SHARES))
    outcome = Runner(db).run(Op(rec.SAVE_QUOTA, lambda tx: rec.save_quota(tx, rec.Quota(
        2026, 10, D(50000), departments={"装配车间": 5, "质检部": 2, "行政部": 1}))))
    later = [(record_id, action) for record_id, action, _, _ in entries(db, SHARES)[before:]]
    assert sorted(action for _, action in later) == ["create", "delete", "update"]
    assert ("2026/仓储部", "delete") in later and ("2026/行政部", "create") in later
    assert ("2026/装配车间", "update") in later  # 质检部 unchanged: no entry
    assert outcome.changes.kinds(SHARES) == {"create", "update", "delete"}
    assert not outcome.changes.touches("recuperation_quota")  # places and budget as they were


def test_a_step_names_the_application_and_the_officer(db):
    db.officer.name = "王主席"
    [member] = people(db, 1)
    app_id = apply(db, member, trip(db))
    outcome = Runner(db).run(Op(apps.TAKE_STEP, lambda tx: apps.take_step(
        tx, app_id, rp.DEPT_REVIEW, dt.date(2026, 10, 10), BY)))
    assert outcome.value.state == rp.DEPT_APPROVED
    assert outcome.changes.ids("recuperation_application") == {app_id}
    assert outcome.changes.kinds("recuperation_step") == {"create"}
    assert {actor for *_, actor in entries(db, "recuperation_step")} == {"王主席"}


def test_correcting_the_application_day_moves_its_step_in_place(db):
    [member] = people(db, 1)
    app_id = apply(db, member, trip(db))
    [(step_id, _, _, _)] = entries(db, "recuperation_step")
    draft = apps.detail(db.sessions, app_id).draft
    write(db, apps.update, app_id, replace(draft, applied_on=dt.date(2026, 10, 3)))
    [_, (moved_id, action, changes, _)] = entries(db, "recuperation_step")
    assert (moved_id, action) == (step_id, "update")
    assert changes == {"day": ["2026-10-01", "2026-10-03"]}


def test_a_deleted_trip_is_in_the_history(db):
    db.officer.name = "王主席"
    trip_id = trip(db)
    write(db, delete_trip, trip_id)
    [*_, (record_id, action, changes, actor)] = entries(db, "recuperation_trip")
    assert (record_id, action, actor) == (str(trip_id), "delete", "王主席")
    assert changes["destination"] == ["安吉余村", None]
