"""首次使用 follows the records: each step counts as done when the book holds what it makes,
however it got there (typed, imported), and a member in the 回收站 is no member."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

from gonghui_desk.domain.recuperation import Trip
from gonghui_desk.services.getting_started import first_steps
from gonghui_desk.services.profile import load_profile, save_profile
from gonghui_desk.services.recuperation_trips import save_trip
from tests.factories import make_member, write


def test_an_empty_book_has_taken_no_step(db):
    steps = first_steps(db.sessions)
    assert (steps.profile, steps.members, steps.areas, steps.all_done) == (
        False, False, False, False)


def test_each_step_is_done_by_what_the_book_holds(db):
    write(db, save_profile, replace(load_profile(db.sessions), union_name="某某公司工会委员会"))
    assert first_steps(db.sessions).profile
    with db.sessions.begin() as session:
        make_member(session, deleted_at=dt.datetime(2026, 6, 1))  # in the 回收站
    assert not first_steps(db.sessions).members
    with db.sessions.begin() as session:
        make_member(session, id_number="11010519880101002X")
    steps = first_steps(db.sessions)
    assert steps.members and not steps.areas and not steps.all_done
    write(db, save_trip, Trip(year=2027, destination="安吉余村", start=dt.date(2027, 4, 1),
                              end=dt.date(2027, 4, 4), cost_per_day=D("450"), capacity=5))
    steps = first_steps(db.sessions)
    assert steps.recuperation and steps.areas and steps.all_done
