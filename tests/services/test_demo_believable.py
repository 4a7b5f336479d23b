"""The demo is what reviewers and screenshots see: it must read like a real branch's book.

Birthdays spread over the year, every membership change that needs a reason has one, and
the statistics and contract forms made from it pass their own pre-flight: a demo that a
higher body would send back teaches the chair the wrong thing.
"""

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from gonghui_desk.clock import Clock
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.exchange.forms import form_by_id
from gonghui_desk.exchange.forms.export import preflight
from gonghui_desk.exchange.forms.spec import FormParams
from gonghui_desk.services.annual import load_year
from gonghui_desk.services.contracts import contract_detail, list_contracts
from gonghui_desk.services.demo import fill_demo
from tests.factories import write

TODAY = dt.date(2026, 12, 2)  # in December the old demo put nearly every birthday in December
pytestmark = pytest.mark.today(TODAY.isoformat())


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3", clock=Clock(TODAY))
    write(db, fill_demo, 1500)
    yield db
    db.close()


def test_birthdays_spread_over_the_whole_year(demo):
    with demo.session() as s:
        months = Counter(d.month for d in s.scalars(select(Member.birth_date)))
    assert set(months) == set(range(1, 13))
    assert max(months.values()) < 3 * min(months.values())  # no month holds most of them


def test_every_leaving_or_reserving_change_says_why(demo):
    with demo.session() as s:
        rows = s.execute(select(MembershipEvent.kind, MembershipEvent.reason).where(
            MembershipEvent.kind.in_(sorted(ms.REASON_REQUIRED | {ms.RESERVE})))).all()
    assert rows and all(reason for _, reason in rows)


def test_the_demos_returns_pass_their_own_checks(demo):
    params = FormParams(today=TODAY, as_of=TODAY)
    assert preflight(demo.sessions, form_by_id("annual-stats"), params) == []
    year = load_year(demo.sessions, TODAY.year)
    for row in list_contracts(demo.sessions, today=TODAY):
        found = preflight(demo.sessions, form_by_id("contract-filing"),
                          FormParams(today=TODAY, record_id=row.id))
        assert found == [], row.title
        d = contract_detail(demo.sessions, row.id, TODAY).draft
        if d.signed_date and d.signed_date.year == TODAY.year:
            assert d.workers_total == year.staff
        if d.vote and d.meeting_date and d.meeting_date.year == TODAY.year:
            assert d.vote.eligible == year.delegates
