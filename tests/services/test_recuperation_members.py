"""Only current members (在册 on the application day) may apply for 疗休养, on every path;
the rules' verdict on an application still being typed in; the ranking after allocation."""

import datetime as dt
from decimal import Decimal as D

import pytest

from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation import ApplicationDraft, Trip
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import recuperation as rec
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services.current_members import search_active
from gonghui_desk.services.recuperation_allocation import allocate_trip, ranking
from gonghui_desk.services.recuperation_facts import draft_check
from gonghui_desk.services.recuperation_trips import save_trip
from tests.factories import make_member, write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())
START = dt.date(2026, 12, 1)
BY = "张主席"
JOINED = dt.date(2015, 1, 1)


def member(db, name, order, *later):
    """A member who joined in 2015, with the ``later`` (kind, day) events after that."""
    with session_scope(db.sessions) as session:
        return make_member(session, name=name, id_number=f"11010519900307{order:03d}X",
                           join_date=JOINED, events=[(ms.JOIN, JOINED), *later]).id


def trip(db, capacity=3):
    return write(db, save_trip, Trip(year=2026, destination="安吉余村", start=START,
                                     end=START + dt.timedelta(days=3), cost_per_day=D(450),
                                     capacity=capacity))


def draft(member_id, trip_id, applied=TODAY, **more):
    return ApplicationDraft(member_id=member_id, trip_id=trip_id, applied_on=applied,
                            hire_date=dt.date(2014, 6, 1), **more)


def refusal(db, member_id, trip_id, applied=TODAY):
    with pytest.raises(ValidationError) as refused:
        write(db, apps.apply, draft(member_id, trip_id, applied), BY)
    [problem] = refused.value.problems
    assert problem.key == "member_id"
    return problem.message


def test_a_member_who_transferred_out_cannot_apply_and_is_told_why(db):
    gone = member(db, "张三", 1, (ms.TRANSFER_OUT, dt.date(2026, 3, 1)))
    message = refusal(db, gone, trip(db))
    assert message.startswith("张三已于2026-03-01转出，不是在册会员，不能申请疗休养。")
    assert "会籍变化" in message  # where to correct a mistaken record
    assert rec.trips(db.sessions, 2026)[0].applied == 0


@pytest.mark.parametrize(("event", "said"), [
    ((ms.WITHDRAW, dt.date(2026, 5, 4)), "李四已于2026-05-04退会"),
    ((ms.EXPEL, dt.date(2026, 5, 4)), "李四已于2026-05-04被除名"),
    ((ms.RESERVE, dt.date(2026, 5, 4)), "李四自2026-05-04保留会籍"),
])
def test_nobody_off_the_roll_may_apply(db, event, said):
    assert refusal(db, member(db, "李四", 2, event), trip(db)).startswith(
        said + "，不是在册会员")


def test_the_application_day_counts_and_so_does_today(db):
    trip_id = trip(db)
    joined_late = member(db, "王五", 3)
    with session_scope(db.sessions) as session:  # joined on 2026-11-01
        person = make_member(session, name="赵六", id_number="110105199003070044",
                             join_date=dt.date(2026, 11, 1))
        late = person.id
    assert "2026-11-01 才入会，申请日期 2026-10-20 时还不是在册会员" in refusal(
        db, late, trip_id, applied=dt.date(2026, 10, 20))
    # 在册 on the day applied for, gone since: a new application is refused all the same.
    left = member(db, "钱七", 5, (ms.TRANSFER_OUT, dt.date(2026, 11, 10)))
    assert refusal(db, left, trip_id, applied=dt.date(2026, 11, 5)).startswith(
        "钱七已于2026-11-10转出")
    assert write(db, apps.apply, draft(joined_late, trip_id), BY)


def test_the_membership_rule_cannot_be_overridden(db):
    trip_id = trip(db)
    person = member(db, "孙八", 6)
    app_id = write(db, apps.apply, draft(person, trip_id, dt.date(2026, 11, 1)), BY)
    write(db, lambda tx: ms_event(tx, person, ms.TRANSFER_OUT, dt.date(2026, 11, 15)))
    verdict = apps.detail(db.sessions, app_id).verdict
    assert verdict.summary == "不符合：会员身份"
    with pytest.raises(UserError, match="“会员身份”不能特批：只有在册会员可以参加疗休养"):
        write(db, apps.set_override, app_id, "member", "领导同意照顾", BY, TODAY)


def ms_event(tx, member_id, kind, day):
    from gonghui_desk.services.membership import add_event

    return add_event(tx, member_id, ms.EventDraft(
        kind=kind, effective_date=day, reason="劳动（工作）关系发生变化",
        counterpart_union="某某公司工会"))


def test_only_people_on_the_roll_that_day_are_found(db):
    stays = member(db, "张三", 1)
    gone = member(db, "张四", 2, (ms.TRANSFER_OUT, dt.date(2026, 3, 1)))
    back = member(db, "张五", 3, (ms.RESERVE, dt.date(2025, 1, 1)),
                  (ms.RESTORE, dt.date(2026, 6, 1)))
    assert search_active(db.sessions, "张", [TODAY], 50) == ([stays, gone, back][::2], 2)
    assert search_active(db.sessions, "zh", [dt.date(2026, 2, 1)], 50)[1] == 2  # 张四 then
    assert search_active(db.sessions, "张", [dt.date(2026, 2, 1), TODAY], 50) == ([stays], 1)
    assert search_active(db.sessions, "张", [TODAY], 1) == ([stays], 2)  # the first, of 2


def test_an_application_is_checked_before_it_is_saved(db):
    trip_id = trip(db)
    person = member(db, "周九", 7)
    check = draft_check(db.sessions, draft(person, trip_id, absence_days=45))
    assert check.refusal == ""
    assert check.verdict.summary == "不符合：缺勤"
    assert [r.text for r in check.verdict.failures if not r.place] == [
        "上年缺勤 45 天，最多 30 天。"]
    gone = member(db, "吴十", 8, (ms.TRANSFER_OUT, dt.date(2026, 3, 1)))
    assert draft_check(db.sessions, draft(gone, trip_id)).refusal.startswith(
        "吴十已于2026-03-01转出")
    assert rec.trips(db.sessions, 2026)[0].applied == 0  # nothing was written


def test_the_ranking_keeps_those_given_a_place(db):
    write(db, rec.save_quota, rec.Quota(year=2026, places=10, budget=D(50000)))
    trip_id = trip(db, capacity=3)
    ids = [write(db, apps.apply, draft(member(db, f"职工{i}", 10 + i), trip_id,
                                       dt.date(2026, 11, 1)), BY) for i in range(2)]
    for app_id in ids:
        for kind in (rp.DEPT_REVIEW, rp.UNION_APPROVAL):
            write(db, apps.take_step, app_id, kind, dt.date(2026, 11, 10), BY)
    write(db, allocate_trip, trip_id, TODAY, BY)
    rows = ranking(db.sessions, trip_id)
    assert [(r.name, r.position, r.outcome) for r in rows] == [
        ("职工0", 1, "已安排（待确认）"), ("职工1", 2, "已安排（待确认）")]
    assert all(r.holding for r in rows)
