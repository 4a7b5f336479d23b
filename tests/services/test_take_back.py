"""Corrections with a trail: a step taken back with its reason, a payment corrected."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import aid
from gonghui_desk.services import contracts as cs
from gonghui_desk.services import hardship as hs
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services.history import HistoryFilter, search_history
from gonghui_desk.services.recuperation_allocation import allocate_trip
from tests.factories import write
from tests.services.test_aid_payments import filed, pay
from tests.services.test_contracts import SIGNED, TEAM
from tests.services.test_recuperation import BY, TODAY, apply, approve, people, setup_year, trip

pytestmark = pytest.mark.today(TODAY.isoformat())


def taken_back(db, table: str) -> list[str]:
    """The history's 撤回上一步 entries of ``table``, as the chair reads them."""
    rows = search_history(db.sessions, HistoryFilter(table=table))
    return [row.summary for row in rows if row.action == "撤回上一步"]


def test_a_hardship_files_latest_step_is_taken_back_with_its_reason_in_the_history(db):
    db.officer.name = "王主席"
    file_id = filed(db)
    assert write(db, hs.take_back_step, file_id, "公示期未满就登记了建档") == hp.ON_NOTICE
    _, state, steps = hs.load_file(db.sessions, file_id)
    assert state == hp.ON_NOTICE and steps[-1].kind == hp.NOTICE
    [entry] = taken_back(db, "hardship_step")
    assert "办理环节：建档" in entry and "日期：2026-03-23" in entry
    assert "撤回原因：公示期未满就登记了建档" in entry and f"撤回日期：{TODAY:%Y-%m-%d}" in entry
    [row] = [r for r in search_history(db.sessions, HistoryFilter(table="hardship_step"))
             if r.action == "撤回上一步"]
    assert row.actor == "王主席" and "王大力" in row.record
    # The file takes the step again once it is right.
    assert write(db, hs.take_step, file_id, hp.Step(hp.FILE, dt.date(2026, 3, 24))) == hp.FILED


def test_taking_back_needs_a_reason_and_never_the_application_itself(db):
    file_id = filed(db)
    with pytest.raises(ValidationError) as refused:
        write(db, hs.take_back_step, file_id, "  ")
    assert refused.value.problems[0].message.startswith("请写明撤回的原因")
    assert hs.load_file(db.sessions, file_id)[1] == hp.FILED  # nothing taken back
    for _ in range(5):
        write(db, hs.take_back_step, file_id, "整个流程登记错了")
    with pytest.raises(UserError, match="申请不能撤回"):
        write(db, hs.take_back_step, file_id, "整个流程登记错了")


def test_a_recuperation_step_is_taken_back_and_a_handed_over_place_first(db):
    setup_year(db)
    trip_id = trip(db, capacity=1)
    ids = [apply(db, m, trip_id) for m in people(db, 2)]
    for app_id in ids:
        approve(db, app_id)
    write(db, allocate_trip, trip_id, TODAY, BY)
    write(db, apps.take_step, ids[0], rp.DECLINE, TODAY, BY, "家里有事")
    with pytest.raises(UserError, match="已递补给 职工1：请先在 职工1 的申请中撤回“递补”"):
        write(db, apps.take_back_step, ids[0], "本人并未放弃，登记错了")
    assert write(db, apps.take_back_step, ids[1], "放弃登记错了，名额退回") == rp.WAITING
    assert write(db, apps.take_back_step, ids[0], "本人并未放弃，登记错了") == rp.ARRANGED
    assert apps.detail(db.sessions, ids[0]).steps[-1].kind == rp.ARRANGE
    entries = taken_back(db, "recuperation_step")
    assert len(entries) == 2
    assert "办理环节：放弃" in entries[0] and "撤回原因：本人并未放弃，登记错了" in entries[0]
    assert "办理环节：递补" in entries[1]


def test_a_cancel_is_not_taken_back_once_its_place_went_to_someone_else(db):
    setup_year(db, places=10)
    trip_id = trip(db, capacity=1)
    first, second = people(db, 2)
    app_id = apply(db, first, trip_id)
    approve(db, app_id)
    write(db, allocate_trip, trip_id, TODAY, BY)
    write(db, apps.take_step, app_id, rp.CANCEL, TODAY, BY, "调岗，不能参加")
    later = apply(db, second, trip_id, applied=TODAY)
    approve(db, later, TODAY)
    write(db, allocate_trip, trip_id, TODAY, BY)  # the freed place is given again
    assert apps.detail(db.sessions, later).state == rp.ARRANGED
    with pytest.raises(UserError, match="“安吉余村”批次的 1 个名额已满，撤回后会超额"):
        write(db, apps.take_back_step, app_id, "取消登记错了")
    assert apps.detail(db.sessions, app_id).state == rp.CANCELLED  # nothing taken back
    assert taken_back(db, "recuperation_step") == []
    # Once the trip has room again, it is taken back.
    write(db, apps.take_step, later, rp.CANCEL, TODAY, BY, "另有安排")
    assert write(db, apps.take_back_step, app_id, "取消登记错了") == rp.ARRANGED


def test_a_contracts_latest_step_is_cleared_with_what_came_with_it(db):
    filed_on = SIGNED.signed_date + dt.timedelta(days=2)
    contract_id = write(db, cs.save_contract, replace(
        SIGNED, filed_date=filed_on, filed_with="市人社局", acceptance_no="2026-18"), TEAM)
    assert write(db, cs.take_back_step, contract_id, "备案日期登记到了别的合同") == "报送备案"
    draft = cs.contract_detail(db.sessions, contract_id, TODAY).draft
    assert (draft.filed_date, draft.filed_with, draft.acceptance_no) == (None, "", "")
    assert draft.signed_date == SIGNED.signed_date  # the step before stays
    [entry] = taken_back(db, "collective_contract")
    assert "撤回的环节：报送备案" in entry and f"该环节日期：{filed_on:%Y-%m-%d}" in entry
    assert "撤回原因：备案日期登记到了别的合同" in entry
    assert write(db, cs.take_back_step, contract_id, "签订日期也错了") == "签订"
    assert cs.contract_detail(db.sessions, contract_id, TODAY).draft.signed_date is None


def test_a_corrected_payment_voids_the_old_and_names_each_other(db):
    file_id = filed(db)
    wrong = write(db, aid.record_payment, file_id, pay(amount="8000"))
    with pytest.raises(ValidationError, match="请写明更正的原因"):
        write(db, aid.correct_payment, wrong, pay(amount="800"), "错")
    right = write(db, aid.correct_payment, wrong, pay(amount="800"), "多录了一个零")
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    listed = aid.payments_between(db.sessions, *year, file_id=file_id, with_voided=True)
    assert [(r.id, r.amount, r.voided) for r in listed] == [
        (wrong, D(8000), True), (right, D(800), False)]
    assert listed[0].void_reason == f"更正为第 {right} 号记录：多录了一个零"
    assert listed[1].note == f"更正第 {wrong} 号记录"
    assert aid.totals(db.sessions, *year).total == D(800)
    with pytest.raises(UserError, match="不能再更正"):
        write(db, aid.correct_payment, wrong, pay(amount="700"), "再改一次试试")
