"""Corrections with a trail, as the chair makes them: a payment voided or corrected where it
is listed, a step asked about before it is written, and the last step taken back."""

import datetime as dt
from decimal import Decimal as D

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.services import hardship as hs
from gonghui_desk.services import recuperation_apps as ra
from gonghui_desk.services.aid import payments_between, record_payment
from gonghui_desk.services.history import HistoryFilter, search_history
from gonghui_desk.ui.dialogs.recuperation_application import STEPS_TAB
from gonghui_desk.ui.widgets.ledger_export import write_ledger
from tests.ui.test_hardship_dialog import START, TODAY, file_it, open_dialog, open_wang, run
from tests.ui.test_recuperation_page import add_app, add_member, add_trip, open_page


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """What warnings said, instead of showing them."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: texts.append(text))
    return texts


def answer(monkeypatch, reply, asked: list[str] | None = None) -> None:
    """Questions are answered ``reply``; what they asked goes to ``asked``."""
    def question(_parent, _title, text, *args, **kwargs):
        if asked is not None:
            asked.append(text)
        return reply
    monkeypatch.setattr(QMessageBox, "question", question)


def give_reason(monkeypatch, reason: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (reason, True))


def two_payments(context) -> int:
    file_id = open_wang(context)
    file_it(context, file_id)
    for amount in ("800", "8000"):
        run(context, record_payment, file_id,
            PaymentDraft("生活救助", TODAY, D(amount), "本级工会经费", "张主席"))
    return file_id


def ledger_of(window):
    page = window.show_page("hardship")
    page.tabs.setCurrentIndex(1)
    return page.ledger


def test_a_payment_voided_from_the_ledger_leaves_the_totals_and_shows_on_the_form(
        window, context, db, monkeypatch, tmp_path):
    context.db.officer.name = "王主席"
    two_payments(context)
    ledger = ledger_of(window)
    ledger.start.set_value(START)
    assert ledger.summary.text() == "2 笔，共 8,800.00 元"
    assert not ledger.void_button.isEnabled()
    ledger.table.selectRow(1)
    give_reason(monkeypatch, "多录了一个零")
    assert ledger.void()
    assert ledger.summary.text() == "1 笔，共 800.00 元"
    assert ledger.model.rowCount() == 2  # still listed, marked
    assert ledger.model.data(ledger.model.index(1, 7)) == (
        f"已于 {TODAY:%Y-%m-%d} 由 王主席 作废：多录了一个零")
    ledger.table.selectRow(1)
    assert not ledger.void_button.isEnabled() and not ledger.correct_button.isEnabled()
    assert window.pages["hardship"].model.row(0).aid_this_year == D(800)
    path = tmp_path / "发放登记.xlsx"
    assert write_ledger(ledger, context, START, TODAY, path)
    cells = [str(c) for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert any("合计：1 笔，800.00 元" in c for c in cells)
    [voided] = [c for c in cells if c.startswith("已作废：")]
    assert "王大力" in voided and "8,000.00 元" in voided and "原因：多录了一个零" in voided
    assert not any(c in ("8000", "8,000.00") for c in cells)  # no line to sign for it


def test_a_correction_from_the_aid_tab_keeps_the_old_payment_voided_beside_the_new(
        window, context, db):
    file_id = two_payments(context)
    tab = open_dialog(window, file_id).payments
    tab.table.selectRow(1)
    form = tab.correct()
    assert form.widgets["amount"].value() == D(8000)  # filled in as recorded
    form.widgets["amount"].setText("880")
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.rows["void_reason"].message.text().startswith("请写明更正的原因")
    assert len(payments_between(db.sessions, START, TODAY, with_voided=True)) == 2
    form.reason.setText("金额多录了一个零")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    rows = payments_between(db.sessions, START, TODAY, with_voided=True)
    assert [(r.amount, r.voided) for r in rows] == [(D(800), False), (D(8000), True),
                                                   (D(880), False)]
    assert rows[1].void_reason == f"更正为第 {rows[2].id} 号记录：金额多录了一个零"
    assert rows[2].note == f"更正第 {rows[1].id} 号记录"
    assert tab.total.text() == "2 笔，共 1,680.00 元" and tab.model.rowCount() == 3


def test_a_step_is_asked_about_first_and_no_writes_nothing(window, context, db, monkeypatch):
    file_id = open_wang(context)
    day = START
    for kind in (hp.VISIT, hp.BRANCH_REVIEW, hp.UPPER_REVIEW):
        day += dt.timedelta(days=1)
        run(context, hs.take_step, file_id, hp.Step(kind, day, "张主席"))
    run(context, hs.take_step, file_id, hp.Step(hp.NOTICE, day, "张主席",
                                                until=day + dt.timedelta(days=6)))
    steps = open_dialog(window, file_id).steps
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.No, asked)
    steps.kind.setCurrentText(hp.FILE)
    assert not steps.take()
    [question] = asked
    assert f"为 王大力 登记“建档”（{TODAY:%Y-%m-%d}）" in question
    assert "年度复核" in question and "不能撤销" in question
    assert hs.load_file(db.sessions, file_id)[1] == hp.ON_NOTICE  # nothing written
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert steps.take()
    assert hs.load_file(db.sessions, file_id)[1] == hp.FILED


def test_the_last_hardship_step_is_taken_back_with_a_reason_the_history_keeps(
        window, context, db, monkeypatch, said):
    file_id = open_wang(context)
    file_it(context, file_id)
    dialog = open_dialog(window, file_id)
    assert not dialog.steps.take_back_button.isHidden()
    give_reason(monkeypatch, "")
    assert not dialog.steps.take_back()
    assert "撤回原因：请写明撤回的原因（至少 4 个字）" in said[-1]
    give_reason(monkeypatch, "公示期未满就登记了建档")
    assert dialog.steps.take_back()
    assert dialog.state == hp.ON_NOTICE and dialog.steps.table.rowCount() == 5
    [entry] = [r for r in search_history(db.sessions, HistoryFilter(table="hardship_step"))
               if r.action == "撤回上一步"]
    assert "办理环节：建档" in entry.summary and "撤回原因：公示期未满就登记了建档" in entry.summary


def test_a_recuperation_step_is_asked_about_taken_back_and_its_cancel_is_named_clearly(
        window, db, monkeypatch, said):
    app_id = add_app(db, add_member(db, "赵敏", 1), add_trip(db))
    dialog = open_page(window).applications.open_application(app_id)
    dialog.tabs.setCurrentIndex(STEPS_TAB)
    steps = dialog.steps
    assert steps.buttons[rp.CANCEL].text() == "撤销申请…"
    steps.by.setText("张主席")
    asked: list[str] = []
    answer(monkeypatch, QMessageBox.StandardButton.No, asked)
    assert not steps.take(rp.DEPT_REVIEW)
    assert "为 赵敏 登记“部门审核”" in asked[0] and "工会审批" in asked[0]
    assert ra.detail(db.sessions, app_id).state == rp.APPLIED
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    steps.by.setText("张主席")
    assert steps.take(rp.DEPT_REVIEW)
    give_reason(monkeypatch, "部门还没有审核")
    assert steps.take_back()
    assert ra.detail(db.sessions, app_id).state == rp.APPLIED
    assert steps.state_label.text() == "状态：已申请"
    [entry] = [r for r in search_history(db.sessions, HistoryFilter(table="recuperation_step"))
               if r.action == "撤回上一步"]
    assert "办理环节：部门审核" in entry.summary and "撤回原因：部门还没有审核" in entry.summary
