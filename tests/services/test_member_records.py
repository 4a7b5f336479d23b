import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.errors import ValidationError
from gonghui_desk.services import member_records as records
from gonghui_desk.services.members import MemberFilter, count_all, search_ids
from gonghui_desk.services.membership import add_event, undo_last_event
from tests.factories import write

ZHANG = MemberData(
    name="张三", id_number="110105199003070017", phone="13812345678",
    department="装配车间", join_date=dt.date(2015, 6, 1),
)
JOIN = ms.EventDraft(ms.JOIN, None, handled_by="曾晓梅")


def add(db, data=ZHANG, event=JOIN):
    return write(db, records.create_member, data, event)


def problem_keys(excinfo):
    return {p.key for p in excinfo.value.problems}


def test_create_derives_fields_stores_pinyin_and_first_event(db):
    member_id = add(db)
    detail = records.get_member(db.sessions, member_id)
    assert detail.data.birth_date == dt.date(1990, 3, 7)
    assert detail.data.gender == "男"
    assert detail.status == ms.ACTIVE
    assert [(e.kind, e.effective_date, e.handled_by) for e in detail.events] == [
        (ms.JOIN, dt.date(2015, 6, 1), "曾晓梅")
    ]
    assert search_ids(db.sessions, MemberFilter(text="zs")) == [member_id]


def test_transfer_in_needs_the_old_union_and_may_not_precede_joining(db):
    late = ms.EventDraft(ms.TRANSFER_IN, dt.date(2014, 1, 1), counterpart_union="甲公司工会")
    with pytest.raises(ValidationError) as excinfo:
        add(db, event=late)
    assert problem_keys(excinfo) == {"effective_date"}
    with pytest.raises(ValidationError) as excinfo:
        add(db, event=ms.EventDraft(ms.TRANSFER_IN, dt.date(2020, 1, 1)))
    assert problem_keys(excinfo) == {"counterpart_union"}
    assert count_all(db.sessions) == 0
    member_id = add(db, event=ms.EventDraft(
        ms.TRANSFER_IN, dt.date(2020, 1, 1), counterpart_union="甲公司工会"))
    assert records.get_member(db.sessions, member_id).events[0].kind == ms.TRANSFER_IN


def test_an_id_number_on_file_is_refused_naming_whose_it_is(db):
    add(db)
    other = MemberData(name="张叁", id_number="110105199003070017", phone="13900000000",
                       join_date=dt.date(2016, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        add(db, other)
    assert problem_keys(excinfo) == {"id_number"}
    assert "张三（在册，装配车间）" in excinfo.value.message
    # typed differently (15 digits would differ; spaces, lower case) is still the same number
    with pytest.raises(ValidationError):
        add(db, replace(other, **{"id_number": "1101 0519 9003 0700 17"}))
    assert count_all(db.sessions) == 1


def test_an_id_number_in_the_recycle_bin_points_there(db):
    member_id = add(db)
    write(db, records.move_to_recycle_bin, [member_id])
    with pytest.raises(ValidationError, match="回收站"):
        add(db)


def test_same_name_and_birth_date_or_same_phone_are_warnings_with_a_link(db, today):
    first = add(db)
    twin = MemberData(name="张三", gender="男", birth_date=dt.date(1990, 3, 7),
                      id_type="护照", id_number="E12345678", phone="13812345678",
                      join_date=dt.date(2016, 1, 1))
    review = records.review_member(db.sessions, twin, today=today)
    assert review.problems == ()
    assert [h.member_id for h in review.warnings] == [first, first]
    assert "姓名、出生日期相同" in review.warnings[0].text
    assert "同一个移动电话" in review.warnings[1].text
    # the record itself is no duplicate of itself
    assert records.review_member(db.sessions, ZHANG, member_id=first, today=today).warnings == ()
    # a warning does not stop saving
    add(db, twin)
    assert count_all(db.sessions) == 2


def test_card_numbers_are_unique(db):
    add(db, replace(ZHANG, **{"card_number": "A001"}))
    other = MemberData(name="李四", id_number="110105198801010022", join_date=dt.date(2016, 1, 1),
                       card_number="a001")
    with pytest.raises(ValidationError) as excinfo:
        add(db, other)
    assert problem_keys(excinfo) == {"card_number"}


def test_update_moves_the_first_join_event_with_the_join_date(db):
    member_id = add(db)
    changed = replace(ZHANG, **{"name": "曾三", "join_date": dt.date(2014, 1, 1)})
    write(db, records.update_member, member_id, changed)
    detail = records.get_member(db.sessions, member_id)
    assert detail.events[0].effective_date == dt.date(2014, 1, 1)
    assert search_ids(db.sessions, MemberFilter(text="zengsan")) == [member_id]
    assert search_ids(db.sessions, MemberFilter(text="zhangsan")) == []
    write(db, add_event, member_id, ms.EventDraft(ms.RESERVE, dt.date(2016, 1, 1)))
    with pytest.raises(ValidationError) as excinfo:  # joining after being reserved
        write(db, records.update_member, member_id,
              replace(changed, **{"join_date": dt.date(2017, 1, 1)}))
    assert problem_keys(excinfo) == {"join_date"}


def test_events_change_the_status_and_a_mistaken_one_can_be_taken_back(db, today):
    member_id = add(db)
    assert write(db, add_event, member_id, ms.EventDraft(
        ms.TRANSFER_OUT, today, reason="劳动（工作）关系发生变化",
        counterpart_union="乙公司工会")) == ms.TRANSFERRED_OUT
    assert search_ids(db.sessions, MemberFilter(statuses=ms.MEMBER_STATUSES)) == []
    with pytest.raises(ValidationError):  # reserving someone who left
        write(db, add_event, member_id, ms.EventDraft(ms.RESERVE, today))
    assert write(db, undo_last_event, member_id) == ms.ACTIVE
    assert len(records.get_member(db.sessions, member_id).events) == 1


def test_recycle_bin_restore_and_purge_with_a_trace(db):
    member_id = add(db)
    write(db, records.move_to_recycle_bin, [member_id])
    assert count_all(db.sessions) == 0
    assert [r.name for r in records.recycle_bin(db.sessions)] == ["张三"]
    assert records.recycle_bin(db.sessions)[0].id_number_masked == "110105********0017"
    write(db, records.restore_from_recycle_bin, [member_id])
    assert count_all(db.sessions) == 1
    with pytest.raises(Exception, match="不在回收站"):
        write(db, records.purge, [member_id])
    write(db, records.move_to_recycle_bin, [member_id])
    write(db, records.purge, [member_id])
    assert records.recycle_bin(db.sessions) == []
    with db.session() as s:
        log = s.scalars(select(ChangeRecord).where(
            ChangeRecord.table_name.in_(["member", "membership_event"]))).all()
    # Nothing with the full ID number is left; one purge entry says who and when.
    assert [e.action for e in log] == ["purge"]
    assert "110105199003070017" not in log[0].changes
    assert json.loads(log[0].changes)["姓名"] == [None, "张三"]
    # the ID number is free again
    add(db)
