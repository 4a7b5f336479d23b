"""The hardship file dialog: saving, one file per household, the income test, the steps, aid."""

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.aid import payments_between, record_payment
from gonghui_desk.services.hardship_list import FileFilter, list_files
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.dialogs.hardship_file import INCOME, HardshipFileDialog
from tests.dates import the_day
from tests.factories import make_member

TODAY = the_day()
START = TODAY - dt.timedelta(days=40)
REGION = "330106"


def id_number(birth: str, order: str) -> str:
    first17 = f"{REGION}{birth}{order}"
    return first17 + check_character(first17)


WANG = id_number("19800101", "011")
WIFE = id_number("19820202", "022")
SON = id_number("20100303", "031")


def run(context, fn, *args, **values):
    """A write through the window's runner, as a dialog makes it, so the pages hear of it."""
    return context.runner.run(Op(fn.__name__, lambda tx: fn(tx, *args, **values))).value


def open_wang(context, applied: dt.date = START, **values) -> int:
    """王大力's household of three (wife and son), applied 40 days ago unless told."""
    draft = {"name": "王大力", "id_number": WANG, "region": REGION,
             "relatives": (RelativeDraft("李梅", "配偶", id_number=WIFE),
                           RelativeDraft("王小明", "子女", id_number=SON, identity="学生"))}
    draft.update(values)
    return run(context, hs.open_file, FileDraft(**draft), applied, "张主席")


def file_it(context, file_id: int, applied: dt.date = START) -> None:
    """Take the steps from 入户核查 to 建档, a day apart, the 公示 a week long: filed 12 days
    after the application."""
    day = applied
    for kind in (hp.VISIT, hp.BRANCH_REVIEW, hp.UPPER_REVIEW, hp.NOTICE, hp.FILE):
        day += dt.timedelta(days=8 if kind == hp.FILE else 1)
        until = day + dt.timedelta(days=6) if kind == hp.NOTICE else None
        run(context, hs.take_step, file_id, hp.Step(kind, day, "张主席", until=until))


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch):
    """Confirmations (closing a file, leaving unsaved changes) are answered Yes."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)


def open_dialog(window, file_id=None) -> HardshipFileDialog:
    page = window.show_page("hardship")
    return page.open_file(file_id)


def type_applicant(dialog: HardshipFileDialog, name: str, number: str) -> None:
    dialog.applicant.line("name").setText(name)
    dialog.applicant.line("id_number").setText(number)
    dialog.applicant.line("id_number").editingFinished.emit()


def test_a_new_file_is_saved_and_listed_with_a_masked_id(window, db):
    dialog = open_dialog(window)
    assert not dialog.tabs.isTabEnabled(INCOME)  # the income test needs a saved file
    type_applicant(dialog, "王大力", WANG)
    assert dialog.applicant.widgets["gender"].currentText() == "男"  # read from the ID
    row = dialog.relatives.add_row()
    dialog.relatives.set_value(row, "name", "李梅")
    dialog.relatives.set_value(row, "relation", "配偶")
    dialog.relatives.set_value(row, "id_number", WIFE)
    dialog.relatives.set_value(row, "monthly_income", "1,200.50")
    assert dialog.save()
    assert dialog.tabs.isTabEnabled(INCOME)
    assert "已申请" in dialog.windowTitle()
    model = window.pages["hardship"].model
    assert model.rowCount() == 1
    shown = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert shown[:5] == ["王大力", WANG[:6] + "********" + WANG[-4:], "", "已申请", "2"]
    assert WANG not in shown
    saved, _, _ = hs.load_file(db.sessions, dialog.file_id)
    assert saved.relatives[0].monthly_income == D("1200.50")


def test_a_second_file_for_a_household_member_is_refused_and_nothing_saved(window, context, db):
    open_wang(context)
    dialog = open_dialog(window)
    type_applicant(dialog, "李梅", WIFE)  # the wife applies for the same household
    assert not dialog.save()
    message = dialog.applicant.rows["id_number"].message
    assert message.isVisibleTo(dialog) and "一户只能有一份在档档案" in message.text()
    assert "一户只能有一份在档档案" in dialog.general.text()
    assert dialog.file_id is None
    assert len(list_files(db.sessions, FileFilter(), the_day())) == 1


def test_a_missing_name_is_shown_next_to_the_field(window, db):
    dialog = open_dialog(window)
    type_applicant(dialog, "", WANG)
    assert not dialog.save()
    assert dialog.applicant.rows["name"].message.text() == "必须填写。"
    assert list_files(db.sessions, FileFilter(), the_day()) == []


def test_income_below_the_standard_suggests_deep_hardship_and_a_change_needs_a_reason(
        window, context, db):
    run(context, hs.set_dibao, REGION, TODAY.year, D(1000))
    dialog = open_dialog(window, open_wang(context))
    dialog.tabs.setCurrentIndex(INCOME)
    income = dialog.income
    row = income.income.add_item()
    income.income.set_amount(row, "24000")  # 24,000 ÷ 12 ÷ 3 = 666.67 a month, below 1,000
    assert income.suggestion_label.text() == "建议：深度困难"
    assert "666.67" in income.arithmetic.text()
    assert income.basis.text().startswith("地区 杭州市西湖区（330106）")  # the place, not a bare code
    income.category.setCurrentIndex(income.category.findData("相对困难"))
    assert not income.save()
    assert "请写明理由" in income.reason_row.message.text()
    assert hs.load_years(db.sessions, dialog.file_id) == []
    income.reason.setText("长期患病，医疗支出大")
    assert income.save()
    [test] = hs.load_years(db.sessions, dialog.file_id)
    assert (test.suggested, test.category) == ("深度困难", "相对困难")
    assert dialog.applicant.widgets["category"].currentText() == "相对困难"


def test_without_a_standard_the_income_tab_says_where_to_set_it(window, context, db):
    dialog = open_dialog(window, open_wang(context))
    dialog.income.income.set_amount(dialog.income.income.add_item(), "24000")
    assert "设置 → 低保标准" in dialog.income.basis.text()
    assert dialog.income.suggestion_label.text() == ""
    assert not dialog.income.save()
    assert "设置 → 低保标准" in dialog.income.state.text()


def test_only_the_allowed_next_steps_are_offered_and_a_closed_file_is_read_only(
        window, context, db):
    dialog = open_dialog(window, open_wang(context))
    assert dialog.steps.offered() == [hp.VISIT, hp.DECLINED]
    assert dialog.steps.take()
    assert dialog.state == hp.VISITED
    assert dialog.steps.offered() == [hp.BRANCH_REVIEW, hp.DECLINED]
    dialog.steps.kind.setCurrentText(hp.DECLINED)
    assert not dialog.steps.take()  # a closing step needs its reason
    assert dialog.steps.rows["note"].message.text() == "“不予建档”须写明原因。"
    dialog.steps.note.setText("家庭收入高于标准")
    assert dialog.steps.take()
    assert dialog.read_only and dialog.banner.isVisibleTo(dialog)
    assert not dialog.save_button.isVisibleTo(dialog)
    assert dialog.applicant.line("name").isReadOnly()
    assert not dialog.steps.form_box.isVisibleTo(dialog)
    assert not dialog.payments.record_button.isEnabled()
    again = open_dialog(window, dialog.file_id)
    assert again.read_only and again.steps.table.rowCount() == 3


def test_a_medical_payment_without_a_patient_is_refused(context, db, qtbot):
    file_id = open_wang(context)
    file_it(context, file_id)
    dialog = AidPaymentDialog(context, file_id, "王大力", "张主席")
    qtbot.addWidget(dialog)
    dialog.set_kind("医疗救助")
    assert dialog.medical_box.isVisibleTo(dialog) and not dialog.study_box.isVisibleTo(dialog)
    dialog.widgets["amount"].setText("2000")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.rows["patient"].message.text() == "医疗救助须填写。"
    assert payments_between(db.sessions, START, TODAY) == []
    dialog.line("patient").setText("王小明")
    dialog.line("disease").setText("白血病")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [paid] = payments_between(db.sessions, START, TODAY)
    assert (paid.kind, paid.amount) == ("医疗救助", D(2000))


def test_the_aid_tab_lists_the_household_payments(window, context, db):
    file_id = open_wang(context)
    file_it(context, file_id)
    dialog = open_dialog(window, file_id)
    payment = dialog.payments.record()
    payment.widgets["amount"].setText("800")
    payment.line("handled_by").setText("张主席")
    payment.accept()
    assert payment.result() == QDialog.DialogCode.Accepted
    assert dialog.payments.model.rowCount() == 1
    assert dialog.payments.total.text() == "1 笔，共 800.00 元"
    assert window.pages["hardship"].model.row(0).aid_this_year == D(800)


def test_the_applicant_can_be_filled_from_a_member(window, db):
    with db.session() as session:
        member = make_member(session, name="赵铁柱", id_number=WANG, phone="13900001111")
        member_id = member.id
    dialog = open_dialog(window)
    chooser = dialog.choose_member()
    chooser.picker.search.setText("赵铁柱")
    chooser.picker.run_search()
    assert chooser.member_id == member_id
    chooser.accept()
    assert dialog.applicant.line("name").text() == "赵铁柱"
    assert dialog.applicant.line("id_number").text() == WANG
    assert dialog.applicant.line("phone").text() == "13900001111"
    assert dialog.save()
    saved, _, _ = hs.load_file(db.sessions, dialog.file_id)
    assert saved.member_id == member_id


def test_a_payment_recorded_by_mistake_is_voided_from_the_aid_tab(window, context, db,
                                                                   monkeypatch):
    context.db.officer.name = "王主席"
    file_id = open_wang(context)
    file_it(context, file_id)
    for amount in ("800", "8000"):
        run(context, record_payment, file_id,
            PaymentDraft("生活救助", TODAY, D(amount), "本级工会经费", "张主席"))
    dialog = open_dialog(window, file_id)
    tab = dialog.payments
    assert tab.total.text() == "2 笔，共 8,800.00 元"
    assert not tab.void_button.isEnabled()  # nothing chosen yet
    tab.table.selectRow(1)
    assert tab.void_button.isEnabled()
    asked = []

    def answer(_parent, _title, label):
        asked.append(label)
        return "多录了一个零", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    assert tab.void()
    assert "8,000.00 元" in asked[0] and "不再计入合计" in asked[0]
    assert tab.total.text() == "1 笔，共 800.00 元"
    assert tab.model.rowCount() == 2  # still listed, marked
    note = tab.model.data(tab.model.index(1, 7))
    assert note == f"已于 {TODAY:%Y-%m-%d} 由 王主席 作废：多录了一个零"
    tab.table.selectRow(1)
    assert not tab.void_button.isEnabled()  # once voided, no more
    assert window.pages["hardship"].model.row(0).aid_this_year == D(800)
    assert [p.amount for p in payments_between(db.sessions, START, TODAY)] == [D(800)]
