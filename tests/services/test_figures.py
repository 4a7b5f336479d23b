"""The charts' figures, counted by the database: members by department and age band on a
day (a birthday is the first day of the next band), joins and leaves by month across a year
end, aid by month without voided payments, and contracts by status."""

import datetime as dt

import pytest

from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.age_bands import AGE_BANDS, NO_BIRTH_DATE, band_of
from gonghui_desk.services import aid
from gonghui_desk.services import contracts as cs
from gonghui_desk.services.figures import (
    NO_DEPARTMENT,
    aid_figures,
    contract_figures,
    member_figures,
)
from tests.factories import make_member, write
from tests.services.test_aid_payments import filed, pay
from tests.services.test_contracts import SIGNED, TEAM

DAY = dt.date(2027, 1, 10)
_numbers = iter(range(1000, 9999))


def _member(session, birth, department="一车间", events=None, **more):
    return make_member(session, birth_date=birth, department=department,
                       id_number=f"1101051990030{next(_numbers)}",
                       events=events or [(ms.JOIN, dt.date(2020, 3, 5))], **more)


@pytest.fixture
def book(db):
    with db.sessions.begin() as session:
        _member(session, dt.date(1991, 1, 10))  # 36 today: the first day of 36–45
        _member(session, dt.date(1991, 1, 11))  # 35 until tomorrow
        _member(session, dt.date(1971, 1, 11), "二车间")  # 55 until tomorrow
        _member(session, dt.date(1971, 1, 10), "二车间")  # 56 today
        _member(session, None, "")
        _member(session, dt.date(2000, 5, 1), "一车间",  # joined in December, left in January
                events=[(ms.JOIN, dt.date(2026, 12, 31)), (ms.WITHDRAW, dt.date(2027, 1, 1))])
        _member(session, dt.date(2000, 5, 1), events=[(ms.JOIN, dt.date(2026, 2, 1))])
        _member(session, dt.date(2000, 5, 1), events=[(ms.JOIN, dt.date(2026, 1, 31))])
        _member(session, dt.date(2000, 5, 1), deleted_at=dt.datetime(2026, 6, 1))  # 回收站
    return db


@pytest.mark.today(DAY.isoformat())
def test_members_by_department_and_age_band_on_the_day(book):
    figures = member_figures(book.sessions, DAY)
    assert figures.members == 7  # the one who left and the one in the 回收站 are no members
    assert [(c.label, c.count) for c in figures.by_department] == [
        ("一车间", 4), ("二车间", 2), (NO_DEPARTMENT, 1)]
    assert {c.label: c.count for c in figures.by_age} == {
        "35岁及以下": 3, "36–45岁": 1, "46–55岁": 1, "56岁及以上": 1, NO_BIRTH_DATE: 1}
    assert [c.label for c in figures.by_age][:4] == [b.label for b in AGE_BANDS]


@pytest.mark.today(DAY.isoformat())
def test_joins_and_leaves_fall_in_their_month_across_the_year_end(book):
    flows = member_figures(book.sessions, DAY).flows
    assert (flows[0].month, flows[-1].month) == (dt.date(2026, 2, 1), dt.date(2027, 1, 1))
    by_month = {f"{f.month:%Y-%m}": (f.joined, f.left) for f in flows}
    assert by_month["2026-12"] == (1, 0)
    assert by_month["2027-01"] == (0, 1)
    assert by_month["2026-02"] == (1, 0)  # 2026-01-31 is thirteen months back: not shown
    assert sum(j for j, _ in by_month.values()) == 2


def test_age_bands_turn_on_the_birthday_and_on_29_february():
    assert band_of(dt.date(1991, 1, 11), DAY) == "35岁及以下"
    assert band_of(dt.date(1991, 1, 10), DAY) == "36–45岁"
    leapling = dt.date(1992, 2, 29)
    assert band_of(leapling, dt.date(2028, 2, 28)) == "35岁及以下"
    assert band_of(leapling, dt.date(2028, 2, 29)) == "36–45岁"
    assert band_of(None, DAY) == NO_BIRTH_DATE


@pytest.mark.today("2026-11-21")
def test_aid_by_month_and_type_leaves_out_a_voided_payment(db):
    file_id = filed(db)
    write(db, aid.record_payment, file_id, pay("生活救助", "1000", dt.date(2026, 4, 30)))
    write(db, aid.record_payment, file_id, pay("生活救助", "250.50", dt.date(2026, 5, 1)))
    write(db, aid.record_payment, file_id, pay("临时救助", "800", dt.date(2026, 5, 31)))
    wrong = write(db, aid.record_payment, file_id, pay("生活救助", "9999", dt.date(2026, 5, 2)))
    write(db, aid.void_payment, wrong, "金额录错了")
    figures = aid_figures(db.sessions, 2026)
    assert [m.month.month for m in figures.months] == list(range(1, 13))
    by_month = {m.month.month: dict(zip(figures.kinds, m.by_kind, strict=True))
                for m in figures.months}
    assert by_month[4]["生活救助"] == 100000
    assert (by_month[5]["生活救助"], by_month[5]["临时救助"]) == (25050, 80000)
    assert figures.total_fen == 205050
    assert figures.kind_total_fen("生活救助") == 125050
    assert aid_figures(db.sessions, 2025).total_fen == 0


@pytest.mark.today("2026-11-21")
def test_contracts_by_status_follow_their_dates(db):
    write(db, cs.save_contract, SIGNED, TEAM)
    write(db, cs.save_contract, SIGNED.__class__(title="工资专项集体合同",
                                                 offer_date=dt.date(2026, 11, 1)), ())
    counts = {c.label: c.count for c in contract_figures(db.sessions, dt.date(2026, 11, 21))}
    assert counts[ct.TO_FILE] == 1
    assert counts[ct.NEGOTIATING] == 1
    assert sum(counts.values()) == 2
    assert list(counts) == list(ct.STATUS.values)
