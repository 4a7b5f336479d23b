"""A record form prints the record's own dates: the day it was filled in, never the export's.

The 填表日期 defaults to the record's date (the application's, the filing's), can be set by
the user, and is never after a date it precedes (a contract's form is filled in by the day
it is sent, an application before the trip leaves).
"""

import datetime as dt
import subprocess
import sys
from dataclasses import replace

import pytest

from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.recuperation_approval import pick_application
from gonghui_desk.services import contracts as cs
from tests.exchange.forms_helpers import export, pdf_pages
from tests.exchange.test_contract_forms import WAGE_CONTRACT
from tests.exchange.test_recuperation_forms import TODAY, year  # noqa: F401 (fixture)
from tests.factories import write
from tests.services.test_contracts import TEAM

pytestmark = pytest.mark.today(TODAY.isoformat())


def page_of(db, tmp_path, form_id, **params):
    [page] = pdf_pages(export(db, form_id, tmp_path / f"{form_id}.pdf", today=TODAY, **params))
    return page


def test_the_contract_filing_is_dated_the_day_it_is_sent(db, tmp_path):
    wage = write(db, cs.save_contract, WAGE_CONTRACT, TEAM)  # sent 2026-11-15
    assert "填表日期：2026年11月15日" in page_of(db, tmp_path, "contract-filing", record_id=wage)
    earlier = page_of(db, tmp_path, "contract-filing", record_id=wage,
                      filled_on=dt.date(2026, 11, 14))
    assert "填表日期：2026年11月14日" in earlier
    assert "填表日期：2026年11月15日" in page_of(db, tmp_path, "contract-filing",
                                                   record_id=wage, filled_on=dt.date(2026, 11, 15))
    with pytest.raises(UserError, match="填表日期 2026-11-16 晚于报送日期 2026-11-15"):
        export(db, "contract-filing", tmp_path / "late.pdf", today=TODAY, record_id=wage,
               filled_on=dt.date(2026, 11, 16))
    assert not (tmp_path / "late.pdf").exists()


def test_a_contract_sent_again_is_dated_the_day_it_was_sent_again(db, tmp_path):
    again = write(db, cs.save_contract, replace(
        WAGE_CONTRACT, objection_date=dt.date(2026, 11, 16), objection_text="第八条须修改",
        refiled_date=dt.date(2026, 11, 19)), TEAM)
    assert "填表日期：2026年11月19日" in page_of(db, tmp_path, "contract-filing", record_id=again)
    assert "填表日期：2026年11月18日" in page_of(db, tmp_path, "contract-filing", record_id=again,
                                                   filled_on=dt.date(2026, 11, 18))


def test_a_contract_not_yet_sent_is_dated_the_day_it_was_signed(db, tmp_path):
    unsent = write(db, cs.save_contract, replace(WAGE_CONTRACT, filed_date=None), TEAM)
    assert "填表日期：2026年11月11日" in page_of(db, tmp_path, "contract-filing",
                                                   record_id=unsent)


def test_the_recuperation_application_is_dated_the_day_it_was_made(db, year, tmp_path):  # noqa: F811
    app_id = year["later"][1]  # applied 2026-03-01 for a trip leaving 2026-12-10
    assert "填表日期：2026年3月1日" in page_of(db, tmp_path, "recuperation-approval",
                                                 record_id=app_id)
    assert "填表日期：2026年3月2日" in page_of(
        db, tmp_path, "recuperation-approval", record_id=app_id, filled_on=dt.date(2026, 3, 2))
    with pytest.raises(UserError, match="填表日期 2026-11-22 在今天之后"):
        export(db, "recuperation-approval", tmp_path / "late.pdf", today=TODAY,
               record_id=app_id, filled_on=dt.date(2026, 11, 22))
    [spring_app], _ = pick_application(db.sessions, "王芳")  # the trip left 2026-05-10
    with pytest.raises(UserError, match="填表日期 2026-05-11 晚于出发日期 2026-05-10"):
        export(db, "recuperation-approval", tmp_path / "late.pdf", today=TODAY,
               record_id=spring_app.id, filled_on=dt.date(2026, 5, 11))


def test_the_command_line_refuses_a_filling_date_for_a_form_without_one(db, tmp_path):
    db.close()  # the command opens the book itself
    done = subprocess.run(
        [sys.executable, "-m", "gonghui_desk", "--db", db.location, "--today",
         TODAY.isoformat(), "export", "annual-stats", "--filled-on", "2026-11-01", "--out",
         str(tmp_path / "a.pdf")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "基层工会基本情况统计表不印填表日期" in done.stderr
    assert not (tmp_path / "a.pdf").exists()
