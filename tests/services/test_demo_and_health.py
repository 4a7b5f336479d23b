import datetime as dt

import pytest
from sqlalchemy import text

from gonghui_desk.errors import UserError
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.health import check_database
from gonghui_desk.services.members import count_all
from gonghui_desk.services.operations import Cancelled, Op, Runner
from gonghui_desk.services.profile import load_profile
from tests.factories import write

AS_OF = dt.date(2026, 11, 21)


def _steps_of(db, members: int, stop_after: int | None = None) -> list:
    """Run the demo fill through a runner whose progress sink records each step (and
    stops the operation, as a cancel does, after ``stop_after`` steps)."""
    steps = []

    def executor(_title, work):
        def report(step):
            steps.append(step)
            if stop_after is not None and len(steps) >= stop_after:
                raise Cancelled
        return work(report)

    Runner(db, executor).run(Op("生成演示数据", lambda tx: fill_demo(tx, members, 3)))
    return steps


def test_demo_fills_members_events_and_profile_with_progress(db):
    steps = _steps_of(db, 4500)
    members = [s for s in steps if s.message == "写入演示会员"]
    assert members[-1].done == members[-1].total == 4500
    for part in {s.message for s in steps}:  # every part moves forward on its own scale
        done = [s.done for s in steps if s.message == part]
        assert done == sorted(done), part
    assert steps[-1].done == steps[-1].total
    assert count_all(db.sessions) == 4500
    assert load_profile(db.sessions).union_name.endswith("工会委员会")
    assert check_database(db).ok


def test_demo_refuses_a_database_that_already_has_members(db):
    write(db, fill_demo, 10)
    with pytest.raises(UserError, match="已有 10 名会员"):
        write(db, fill_demo, 10)
    assert count_all(db.sessions) == 10


def test_demo_interrupted_midway_writes_nothing(db):
    with pytest.raises(Cancelled):
        _steps_of(db, 5000, stop_after=2)  # first batch written inside the transaction
    assert count_all(db.sessions) == 0
    assert load_profile(db.sessions).union_name == ""  # the profile went back too


@pytest.mark.sqlite_only("PostgreSQL refuses a dangling reference when it is written")
def test_check_reports_a_dangling_reference(db):
    write(db, fill_demo, 5)
    with db.engine.connect() as connection:
        connection.execute(text("PRAGMA foreign_keys = OFF"))
        connection.execute(text("DELETE FROM member WHERE id = 1"))
        connection.commit()
    report = check_database(db)
    assert not report.ok
    assert report.foreign_keys and "member" in report.foreign_keys[0]
    assert any("发现" in line for line in report.lines())


def test_the_demo_has_hardship_files_in_every_state_that_pass_the_rules(db, today):
    import datetime as dt

    from gonghui_desk.domain import hardship_process as hp
    from gonghui_desk.services.demo import fill_demo
    from gonghui_desk.services.hardship_list import FileFilter, list_files

    write(db, fill_demo, 600)
    rows = list_files(db.sessions, FileFilter(), today=today)  # the demo's day: the book's
    assert {r.state for r in rows} == set(hp.STATES.values)
    # Aid was paid in the past year (on 1 January none yet "this year", rightly).
    from gonghui_desk.services.aid import totals

    assert totals(db.sessions, today - dt.timedelta(days=365), today).total > 0
