import datetime as dt

from gonghui_desk.domain import membership as ms
from gonghui_desk.services.members import MemberFilter, count_by_status, fetch_rows, search_ids
from gonghui_desk.services.summary import members_summary
from tests.factories import make_member


def add_people(db):
    with db.session() as s:
        a = make_member(s, name="曾晓梅", phone="13900000001", id_number="110105199003070017",
                        department="质检部").id
        b = make_member(s, name="张伟", phone="13900000002", id_number="11010519880101002X",
                        join_date=dt.date(2026, 2, 1)).id
        c = make_member(s, name="欧阳倩", phone="13900000003", id_number=None,
                        events=[(ms.JOIN, dt.date(2015, 1, 1)),
                                (ms.TRANSFER_OUT, dt.date(2026, 3, 1))]).id
    return a, b, c


def test_search_by_name_department_id_tail_and_phone(db):
    a, b, c = add_people(db)
    assert search_ids(db.sessions, MemberFilter(text="晓梅")) == [a]
    assert search_ids(db.sessions, MemberFilter(text="质检")) == [a]
    assert search_ids(db.sessions, MemberFilter(text="002X")) == [b]
    assert search_ids(db.sessions, MemberFilter(text="13900000003")) == [c]


def test_status_filter_and_sorting_happen_in_sql(db):
    a, b, c = add_people(db)
    members_only = MemberFilter(statuses=ms.MEMBER_STATUSES, sort_key="join_date")
    assert search_ids(db.sessions, members_only) == [a, b]
    assert search_ids(db.sessions, MemberFilter(sort_key="join_date")) == [a, c, b]  # tie: by id
    newest_first = MemberFilter(sort_key="join_date", descending=True)
    assert search_ids(db.sessions, newest_first)[0] == b


def test_rows_mask_id_number_and_phone(db):
    a, _, c = add_people(db)
    rows = fetch_rows(db.sessions, [a, c])
    assert rows[a].id_number_masked == "110105********0017"
    assert rows[a].phone_masked == "139****0001"
    assert rows[c].id_number_masked == ""
    assert not hasattr(rows[a], "id_number")


def test_counts_and_this_years_movements(db):
    add_people(db)
    assert count_by_status(db.sessions)[ms.ACTIVE] == 2
    summary = members_summary(db.sessions, today=dt.date(2026, 11, 21))
    assert (summary.members, summary.left) == (2, 1)
    assert summary.joined_this_year == 1  # 张伟 on 2026-02-01
    assert summary.left_this_year == 1    # 欧阳倩 transferred out on 2026-03-01
    next_year = members_summary(db.sessions, today=dt.date(2027, 1, 1))
    assert (next_year.joined_this_year, next_year.left_this_year) == (0, 0)
