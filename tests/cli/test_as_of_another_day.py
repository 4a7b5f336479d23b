"""``--today`` and ``GONGHUI_TODAY``: the program runs as of that day, for support to see what
a chair saw; what it writes carries that day."""

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import select

from gonghui_desk.cli import main
from gonghui_desk.clock import Clock, clock_for
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.errors import ExitCode, UserError
from tests.dates import moment, the_day
from tests.exchange.forms_helpers import pdf_pages


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def history_days(db_path) -> set[dt.date]:
    db = open_database(db_path)
    try:
        with db.session() as session:
            return {at.date() for at in session.scalars(select(ChangeRecord.at))}
    finally:
        db.close()


def test_a_fixed_day_keeps_the_time_of_day_and_says_so():
    clock = Clock(dt.date(2028, 2, 29))
    assert clock.today() == dt.date(2028, 2, 29) and clock.year == 2028
    assert clock.now().date() == dt.date(2028, 2, 29)
    # The time of day is the (frozen, ticking) real one: 10:00 and a few seconds.
    started = moment(the_day())
    shown = dt.datetime.combine(started.date(), clock.now().time())
    assert dt.timedelta(0) <= shown - started < dt.timedelta(minutes=1)
    assert "2028-02-29" in clock.describe()
    assert Clock().today() == the_day() and "系统" in Clock().describe()


def test_the_option_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("GONGHUI_TODAY", "2027-01-01")
    assert clock_for(None).today() == dt.date(2027, 1, 1)
    assert clock_for("2026-12-31").today() == dt.date(2026, 12, 31)
    monkeypatch.setenv("GONGHUI_TODAY", " ")
    assert clock_for(None).fixed_day is None


@pytest.mark.parametrize("value", ["2027-02-29", "31.12.2026", "tomorrow"])
def test_a_wrong_day_is_refused_in_chinese(monkeypatch, value):
    monkeypatch.setenv("GONGHUI_TODAY", value)
    with pytest.raises(UserError, match=r"环境变量 GONGHUI_TODAY.*YYYY-MM-DD"):
        clock_for(None)


def test_the_command_line_refuses_a_wrong_day_as_a_usage_error(capsys, db_path):
    code, _, err = run(capsys, "--db", db_path, "--today", "2026-13-01", "init")
    assert code == ExitCode.USAGE and "--today" in err and "YYYY-MM-DD" in err
    assert not db_path.exists()


def test_commands_run_as_of_the_day_given(capsys, db_path, tmp_path):
    assert run(capsys, "--db", db_path, "--today", "2027-01-05", "demo", "--members", "40")[0] == 0
    assert history_days(db_path) == {dt.date(2027, 1, 5)}
    out = tmp_path / "roster.pdf"
    code, _, _ = run(capsys, "--db", db_path, "--today", "2027-01-05", "export",
                     "member-roster", "--out", out)
    assert code == 0
    text = "".join(pdf_pages(out))
    assert "2027年1月5日" in text and "导出时间：2027-01-05" in text.replace("\n", "")


def test_the_environment_reaches_a_program_started_on_its_own(db_path, data_dir):
    env = {"GONGHUI_TODAY": "2028-02-29", "GONGHUI_DATA_DIR": str(data_dir), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "gonghui_desk", "--db", str(db_path), "demo", "--members", "5"],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert history_days(db_path) == {dt.date(2028, 2, 29)}
    log = (data_dir / "logs" / "gonghui-desk.log").read_text(encoding="utf-8")
    assert "running as of 2028-02-29" in log
