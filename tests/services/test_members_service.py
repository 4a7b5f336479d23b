import datetime as dt

from gonghui_desk.domain import membership as ms
from gonghui_desk.services.member_records import move_to_recycle_bin
from gonghui_desk.services.members import (
    ANY,
    MemberFilter,
    count_by_status,
    count_members_on,
    fetch_rows,
    has_members,
    search_ids,
)
from gonghui_desk.services.summary import members_summary
from tests.dates import the_day
from tests.factories import make_member, write


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


def find(db, text, **extra):
    return search_ids(db.sessions, MemberFilter(text=text, **extra))


def test_search_by_name_pinyin_id_tail_phone_and_card_number(db):
    a, b, c = add_people(db)
    with db.session() as s:
        d = make_member(s, name="单丹", phone="13900000004", id_number="110105199003070025",
                        gender="女", card_number="HX2020-0042").id
    assert find(db, "晓梅") == [a]
    assert find(db, "zxm") == [a]  # 曾 read as zeng
    assert find(db, "zeng") == [a]
    assert find(db, "cxm") == []  # not the everyday reading "ceng"
    assert find(db, "ZengXiao") == [a]  # case does not matter
    assert find(db, "oyq") == [c]
    assert find(db, "sd") == [d]  # 单 read as shan
    assert find(db, "002X") == [b]
    assert find(db, "002x") == [b]
    assert find(db, "１３９０００００００３") == [c]  # full-width digits
    assert find(db, "0042") == [d]
    assert find(db, "hx2020") == [d]
    assert find(db, "质检") == []  # departments are a filter, not a search term
    assert find(db, "%") == [] and find(db, "_") == []  # LIKE wildcards are literal


def test_filters_combine_in_sql(db):
    a, b, c = add_people(db)
    with db.session() as s:
        d = make_member(s, name="李芳", gender="女", birth_date=dt.date(1996, 11, 21),
                        id_number="330106199611210024", phone="13900000005",
                        migrant_worker=True, new_employment_form="快递员",
                        model_worker_level="地市级", department="质检部").id
    assert find(db, "", department="质检部") == [d, a]  # 李 before 曾 in pinyin order
    assert find(db, "", gender="女") == [d]
    assert find(db, "", migrant_worker=True) == [d]
    assert find(db, "", migrant_worker=False) == [c, a, b]
    assert find(db, "", new_employment_form=ANY) == [d]
    assert find(db, "", new_employment_form="货车司机") == []
    assert find(db, "", model_worker_level=ANY) == [d]
    today = the_day()
    age = today.year - 1996 - ((today.month, today.day) < (11, 21))
    assert d in find(db, "", min_age=age, max_age=age, ages_on=today)
    assert d not in find(db, "", min_age=age + 1, ages_on=today)
    assert d not in find(db, "", max_age=age - 1, ages_on=today)


def test_who_was_a_member_on_a_day_at_the_edges_of_effective_dates(db):
    with db.session() as s:
        joined = make_member(s, name="甲", id_number=None, phone="",
                             events=[(ms.JOIN, dt.date(2020, 3, 5))]).id
        left = make_member(s, name="乙", id_number=None, phone="",
                           events=[(ms.JOIN, dt.date(2015, 1, 1)),
                                   (ms.TRANSFER_OUT, dt.date(2020, 3, 5))]).id
        retired = make_member(s, name="丙", id_number=None, phone="",
                              events=[(ms.JOIN, dt.date(2000, 1, 1)),
                                      (ms.RESERVE, dt.date(2019, 6, 1))]).id
        back = make_member(s, name="丁", id_number=None, phone="",
                           events=[(ms.JOIN, dt.date(2010, 1, 1)),
                                   (ms.WITHDRAW, dt.date(2018, 1, 1)),
                                   (ms.JOIN, dt.date(2020, 3, 5))]).id

    def on(day):
        return set(search_ids(db.sessions, MemberFilter(member_on=day)))

    assert on(dt.date(2020, 3, 4)) == {left, retired}  # 甲、丁 not yet; 乙 still here
    assert on(dt.date(2020, 3, 5)) == {joined, retired, back}  # same-day: 乙 gone
    assert on(dt.date(2017, 12, 31)) == {left, retired, back}
    assert on(dt.date(2018, 1, 1)) == {left, retired}
    assert on(dt.date(1999, 12, 31)) == set()
    assert count_members_on(db.sessions, dt.date(2020, 3, 5)) == 3


def test_two_events_on_one_day_count_in_the_order_entered(db):
    with db.session() as s:
        member = make_member(s, name="戊", id_number=None, phone="",
                             events=[(ms.JOIN, dt.date(2015, 1, 1)),
                                     (ms.TRANSFER_OUT, dt.date(2020, 1, 1)),
                                     (ms.TRANSFER_IN, dt.date(2020, 1, 1))]).id
    assert search_ids(db.sessions, MemberFilter(member_on=dt.date(2020, 1, 1))) == [member]


def test_status_filter_and_sorting_happen_in_sql(db):
    a, b, c = add_people(db)
    members_only = MemberFilter(statuses=ms.MEMBER_STATUSES, sort_key="join_date")
    assert search_ids(db.sessions, members_only) == [a, b]
    assert search_ids(db.sessions, MemberFilter(sort_key="join_date")) == [a, c, b]  # tie: by id
    assert search_ids(db.sessions, MemberFilter()) == [c, a, b]  # 欧阳, 曾, 张 by pinyin
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


def test_members_in_the_recycle_bin_count_nowhere(db):
    from gonghui_desk.services.member_records import move_to_recycle_bin
    from tests.factories import write

    _, b, _ = add_people(db)
    write(db, move_to_recycle_bin, [b])
    assert b not in search_ids(db.sessions, MemberFilter())
    assert count_by_status(db.sessions)[ms.ACTIVE] == 1
    summary = members_summary(db.sessions, today=dt.date(2026, 11, 21))
    assert summary.joined_this_year == 0  # 张伟's 2026 join no longer counts
    assert count_members_on(db.sessions, dt.date(2026, 11, 21)) == 1


def test_a_book_with_members_only_in_the_recycle_bin_has_none_on_file(db):
    assert not has_members(db.sessions)
    with db.session() as s:
        member_id = make_member(s).id
    assert has_members(db.sessions)
    write(db, move_to_recycle_bin, [member_id])
    assert not has_members(db.sessions)  # the list says how to bring members in
