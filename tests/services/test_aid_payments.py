"""Aid payments: who may receive them, what medical and study aid must say, and the totals."""

import datetime as dt
from decimal import Decimal as D

import pytest

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import aid
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.hardship_list import FileFilter, list_files
from gonghui_desk.services.operations import Op, Runner
from tests.factories import write
from tests.services.test_hardship_files import TODAY, draft, id_number

pytestmark = pytest.mark.today(TODAY.isoformat())

FILING = (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
          Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
          Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
          Step(hp.FILE, dt.date(2026, 3, 23)))


def filed(db, name="王大力", number=None):
    values = {"name": name, "relatives": ()}
    if number:
        values["id_number"] = number
    file_id = write(db, hs.open_file, draft(**values), dt.date(2026, 3, 1))
    for step in FILING:
        write(db, hs.take_step, file_id, step)
    return file_id


def pay(kind="生活救助", amount="1000", day=dt.date(2026, 5, 1), source="本级工会经费", **more):
    return PaymentDraft(kind, day, D(amount), source, handled_by="张主席", **more)


def test_aid_goes_to_filed_households_and_temporary_aid_before_filing(db):
    waiting = write(db, hs.open_file, draft(relatives=()), dt.date(2026, 3, 1))
    with pytest.raises(UserError, match="建档前只能登记临时救助"):
        write(db, aid.record_payment, waiting, pay())
    assert write(db, aid.record_payment, waiting, pay("临时救助", "800"))
    write(db, hs.take_step, waiting, Step(hp.DECLINED, dt.date(2026, 3, 2), note="不符合"))
    with pytest.raises(UserError, match="已结档"):
        write(db, aid.record_payment, waiting, pay("临时救助"))


def test_medical_and_study_aid_say_who_and_what(db):
    file_id = filed(db)
    with pytest.raises(ValidationError) as refused:
        write(db, aid.record_payment, file_id, pay("医疗救助"))
    assert {p.key for p in refused.value.problems} == {"patient", "disease"}
    assert write(db, aid.record_payment, file_id, pay(
        "医疗救助", "5000", patient="李梅", patient_relation="配偶", disease="尿毒症",
        out_of_pocket=D("36000"), hospital_stays=3, branch_amount=D(5000)))
    with pytest.raises(ValidationError) as refused:
        write(db, aid.record_payment, file_id, pay("助学（金秋助学）"))
    assert {p.key for p in refused.value.problems} == {"student", "school"}


def test_a_payment_is_positive_dated_and_handled(db):
    file_id = filed(db)
    bad = PaymentDraft("生活救助", TODAY + dt.timedelta(days=1), D(0), "工会")
    with pytest.raises(ValidationError) as refused:
        write(db, aid.record_payment, file_id, bad)
    assert {p.key for p in refused.value.problems} == {"day", "amount", "fund_source",
                                                        "handled_by"}


def test_totals_per_type_source_and_file_for_a_period(db):
    first = filed(db)
    second = filed(db, "赵四", id_number("19750505", "071"))
    for file_id, payment in ((first, pay(amount="1000.50")),
                             (first, pay("送温暖（节日慰问）", "500", dt.date(2026, 9, 20),
                                         "上级帮扶资金")),
                             (second, pay(amount="2000", day=dt.date(2026, 9, 21))),
                             (second, pay(amount="300", day=dt.date(2026, 6, 30)))):
        write(db, aid.record_payment, file_id, payment)
    year = aid.totals(db.sessions, dt.date(2026, 1, 1), dt.date(2026, 9, 20))
    assert (year.total, year.count) == (D("1800.50"), 3)
    assert year.by_kind["生活救助"] == D("1300.50") and year.by_kind["医疗救助"] == 0
    assert year.by_source == {"本级工会经费": D("1300.50"), "上级帮扶资金": D(500), "行政": 0,
                              "社会捐助": 0}
    assert year.by_file == {first: D("1500.50"), second: D(300)}
    assert aid.last_aid_days(db.sessions) == {first: dt.date(2026, 9, 20),
                                              second: dt.date(2026, 9, 21)}


def test_aid_cannot_predate_the_application(db):
    file_id = filed(db)
    with pytest.raises(ValidationError, match="早于该档案的申请日期 2026-03-01"):
        write(db, aid.record_payment, file_id, pay(day=dt.date(2026, 2, 28)))


def test_the_ledger_lists_a_periods_payments_with_the_household(db):
    first = filed(db)
    second = filed(db, "赵四", id_number("19750505", "071"))
    write(db, aid.record_payment, second, pay(amount="300", day=dt.date(2026, 6, 30)))
    write(db, aid.record_payment, first, pay(amount="1000.5", day=dt.date(2026, 5, 1)))
    write(db, aid.record_payment, first, pay(amount="80", day=dt.date(2026, 7, 1)))
    rows = aid.payments_between(db.sessions, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert [(r.name, r.day, r.amount) for r in rows] == [
        ("王大力", dt.date(2026, 5, 1), D("1000.5")), ("赵四", dt.date(2026, 6, 30), D(300))]
    mine = aid.payments_between(db.sessions, dt.date(2026, 1, 1), dt.date(2026, 12, 31), first)
    assert [r.amount for r in mine] == [D("1000.5"), D(80)]


def test_a_payment_recorded_by_mistake_is_voided_with_its_reason_never_deleted(db):
    from tests.services.test_hardship_history import entries

    db.officer.name = "王主席"
    file_id = filed(db)
    kept = write(db, aid.record_payment, file_id, pay(amount="1000"))
    wrong = write(db, aid.record_payment, file_id, pay(amount="10000", day=dt.date(2026, 6, 1)))
    with pytest.raises(ValidationError, match="请写明作废的原因"):
        write(db, aid.void_payment, wrong, "错了")
    outcome = Runner(db).run(Op(aid.VOID_PAYMENT, lambda tx: aid.void_payment(
        tx, wrong, "金额多录了一个零，应为 1,000 元")))
    assert outcome.changes.ids("aid_payment", "update") == {wrong}
    [(record_id, action, changes, actor)] = entries(db, "aid_payment")[2:]
    assert (record_id, action, actor) == (str(wrong), "update", "王主席")
    assert changes["void_reason"] == ["", "金额多录了一个零，应为 1,000 元"]
    assert changes["voided_by"] == ["", "王主席"]
    assert changes["voided_on"] == [None, TODAY.isoformat()]
    # Out of every figure, kept on the file's own list.
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert aid.totals(db.sessions, *year).total == D(1000)
    assert [r.id for r in aid.payments_between(db.sessions, *year)] == [kept]
    assert aid.last_aid_days(db.sessions) == {file_id: dt.date(2026, 5, 1)}
    assert list_files(db.sessions, FileFilter(), TODAY)[0].aid_this_year == D(1000)
    listed = aid.payments_between(db.sessions, *year, file_id=file_id, with_voided=True)
    assert [(r.id, r.voided, r.voided_by) for r in listed] == [
        (kept, False, ""), (wrong, True, "王主席")]
    with pytest.raises(UserError, match="不能再作废一次"):
        write(db, aid.void_payment, wrong, "再作废一次试试")
