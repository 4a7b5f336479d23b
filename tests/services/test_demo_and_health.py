import datetime as dt

import pytest
from sqlalchemy import text

from gonghui_desk.errors import UserError
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.health import check_database
from gonghui_desk.services.members import count_all
from gonghui_desk.services.profile import load_profile

AS_OF = dt.date(2026, 11, 21)


def test_demo_fills_members_events_and_profile_with_progress(db):
    steps = list(fill_demo(db.sessions, 4500, seed=3, as_of=AS_OF))
    assert steps[-1].done == steps[-1].total == 4500
    assert [s.done for s in steps] == sorted(s.done for s in steps)
    assert count_all(db.sessions) == 4500
    assert load_profile(db.sessions).union_name.endswith("工会委员会")
    assert check_database(db).ok


def test_demo_refuses_a_database_that_already_has_members(db):
    list(fill_demo(db.sessions, 10, as_of=AS_OF))
    with pytest.raises(UserError, match="已有 10 名会员"):
        list(fill_demo(db.sessions, 10, as_of=AS_OF))
    assert count_all(db.sessions) == 10


def test_demo_interrupted_midway_writes_nothing(db):
    steps = fill_demo(db.sessions, 5000, as_of=AS_OF)
    next(steps)
    next(steps)  # first batch written inside the open transaction
    steps.close()  # the caller gives up: the transaction rolls back
    assert count_all(db.sessions) == 0


def test_check_reports_a_dangling_reference(db):
    list(fill_demo(db.sessions, 5, as_of=AS_OF))
    with db.engine.connect() as connection:
        connection.execute(text("PRAGMA foreign_keys = OFF"))
        connection.execute(text("DELETE FROM member WHERE id = 1"))
        connection.commit()
    report = check_database(db)
    assert not report.ok
    assert report.foreign_keys and "member" in report.foreign_keys[0]
    assert any("发现" in line for line in report.lines())


def test_the_demo_has_hardship_files_in_every_state_that_pass_the_rules(db):
    import datetime as dt

    from gonghui_desk.domain import hardship_process as hp
    from gonghui_desk.services.demo import fill_demo
    from gonghui_desk.services.hardship_list import FileFilter, list_files

    list(fill_demo(db.sessions, 600, as_of=dt.date(2026, 11, 21)))
    rows = list_files(db.sessions, FileFilter(), today=dt.date(2026, 11, 21))
    assert {r.state for r in rows} == set(hp.STATES.values)
    assert sum(r.aid_this_year for r in rows) > 0
