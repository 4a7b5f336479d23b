"""疗休养 in the window: the picker offers current members only, the verdict shows while the
application is typed in, and an allocation's figures and ranking stay in view."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.exchange.forms import contract_filing
from gonghui_desk.services import recuperation as rs
from gonghui_desk.ui.dialogs.recuperation_application import APPLY_TAB, VERDICT_TAB
from gonghui_desk.ui.pages.report_params import FormParamsPanel
from tests.factories import make_member
from tests.ui.test_recuperation_page import (
    APPLIED,
    TODAY,
    YEAR,
    add_member,
    add_trip,
    answer_questions_yes,
    capture_messages,
    id_number,
    names,
    open_page,
    register_quota,
    three_approved,
)

GONE_ON = APPLIED - dt.timedelta(days=30)


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    return capture_messages(monkeypatch)


def former_member(db, name: str, order: int) -> int:
    with session_scope(db.sessions) as session:
        return make_member(session, name=name, id_number=id_number(order),
                           join_date=dt.date(2015, 1, 1),
                           events=[(ms.JOIN, dt.date(2015, 1, 1)),
                                   (ms.TRANSFER_OUT, GONE_ON)]).id


def offered(picker, text: str) -> list[str]:
    picker.search.setText(text)
    picker.run_search()
    return [picker.results.item(i).text().split("　")[0] for i in range(picker.results.count())]


def new_application(window, trip: int):
    page = open_page(window)
    page.tabs.setCurrentIndex(1)
    dialog = page.applications.open_application(None)
    dialog.form.trip.setCurrentIndex(dialog.form.trip.findData(trip))
    dialog.form.by.setText("张主席")
    return page, dialog


def test_the_picker_offers_current_members_only(window, db):
    trip = add_trip(db)
    add_member(db, "张强", 1)
    former_member(db, "张伟", 2)
    _, dialog = new_application(window, trip)
    picker = dialog.form.picker
    assert offered(picker, "张") == ["张强"]
    assert offered(picker, "张伟") == []
    assert picker.note.text().startswith("没有符合的在册会员。")
    assert picker.search.placeholderText() == "姓名、拼音、证件号码后几位……"
    assert offered(picker, "张强") == ["张强"] and picker.note.text() == "共 1 名在册会员符合。"
    # Applying on a day before they left: 在册 then, but not today, so still not offered.
    earlier = GONE_ON - dt.timedelta(days=10)
    dialog.form.applied_on.set_value(earlier)
    assert offered(picker, "张伟") == []
    assert picker.note.text() == (f"没有符合的在册会员。只能选择 {earlier:%Y-%m-%d} 和 "
                                  f"{TODAY:%Y-%m-%d} 都在册的会员。")


def test_a_former_member_is_refused_with_the_reason_when_saving(window, db, monkeypatch):
    answer_questions_yes(monkeypatch)
    trip = add_trip(db)
    gone = former_member(db, "张伟", 2)
    _, dialog = new_application(window, trip)
    # Choosing them by other means (the list no longer offers them): still refused.
    monkeypatch.setattr(type(dialog.form.picker), "record_id", property(lambda _: gone))
    dialog.check_live()
    said = f"张伟已于{GONE_ON:%Y-%m-%d}转出，不是在册会员，不能申请疗休养。"
    assert dialog.form.live.summary.text().startswith(said)
    assert not dialog.save()
    assert dialog.form.rows["member_id"].message.text().startswith(said)
    assert rs.trips(db.sessions, YEAR)[0].applied == 0


def test_the_verdict_shows_live_before_saving(window, db, qtbot, monkeypatch):
    register_quota(db)
    trip = add_trip(db)
    add_member(db, "赵敏", 1)
    add_member(db, "李强", 2)
    _, dialog = new_application(window, trip)
    live = dialog.form.live
    assert live.summary.text() == "选择申请人和批次后，随填写即时审核资格。"
    assert offered(dialog.form.picker, "赵敏") == ["赵敏"]
    dialog.form.hire_date.set_value(dt.date(2014, 6, 1))
    qtbot.waitUntil(lambda: live.summary.text().startswith("审核结果：符合"))
    dialog.form.absence_days.setValue(45)
    qtbot.waitUntil(lambda: live.summary.text() == "审核结果：不符合：缺勤")
    assert live.isVisibleTo(dialog) and dialog.tabs.currentIndex() == APPLY_TAB
    assert "缺勤：不符合。上年缺勤 45 天，最多 30 天。" in live.failed.text()
    assert "会员身份" in live.met.text() and "会龄" in live.met.text()
    assert not dialog.tabs.isTabEnabled(VERDICT_TAB)  # nothing saved yet
    asked: list[str] = []

    def answer(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not dialog.save()  # not eligible: saved only when the chair agrees to override
    assert "上年缺勤 45 天" in asked[-1] and "特批" in asked[-1]
    assert rs.trips(db.sessions, YEAR)[0].applied == 0
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.save()
    assert dialog.tabs.currentIndex() == VERDICT_TAB  # where the override is given
    assert rs.trips(db.sessions, YEAR)[0].applied == 1
    dialog.form.absence_days.setValue(10)
    qtbot.waitUntil(lambda: live.summary.text().startswith("审核结果：符合"))


def test_the_figures_and_the_ranking_stay_right_after_allocating(window, db, messages):
    register_quota(db)
    trip, _ = three_approved(db, capacity=3)
    page = open_page(window)
    dialog = page.trips.allocate_selected()
    assert "名额 3 个，已安排 0 人，空余 3 个" in dialog.about.text()
    dialog.by.setText("张主席")
    assert dialog.allocate()
    assert "名额 3 个，已安排 3 人，空余 0 个" in dialog.about.text()
    assert names(dialog.model) == ["王芳", "李强", "赵敏"]
    assert {r.state for r in dialog.model.rows} == {rp.ARRANGED}
    assert not dialog.allocate_button.isEnabled()
    assert dialog.empty.text() == "没有待分配的人：名单中的人都已安排了名额。"
    assert "名额 30，已安排 3，剩余 27" in page.summary.quota_label.text()
    ranking = page.trips.rank_model
    assert names(ranking) == ["王芳", "李强", "赵敏"]
    assert [r.outcome for r in ranking.rows] == ["已安排（待确认）"] * 3
    assert page.trips.selected_id() == trip


def test_the_picker_speaks_of_records_for_another_kind_of_record(gui_app, qtbot, db):
    panel = FormParamsPanel(db.sessions)
    qtbot.addWidget(panel)
    panel.show_for(contract_filing.SPEC)
    picker = panel.picker
    assert picker.search.placeholderText() == "搜索集体合同……"
    assert picker.count_text(2, 2) == "共 2 条记录符合。"
    assert picker.count_text(50, 1234) == (
        "共 1,234 条记录符合，只列出前 50 条；请多输入几个字缩小范围。")
    picker.set_finder(None)
    assert picker.count_text(3, 3) == "共 3 人符合。"
