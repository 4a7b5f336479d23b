"""Every date field of every dialog takes a day as people type it, and says what it cannot
read; the member dialog's birth date and sex follow the ID number; messages go once the
field is right."""

import datetime as dt

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.services import member_records as records
from gonghui_desk.services.members import count_all
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.widgets.date_field import DateField
from tests.dates import the_day
from tests.ui.test_hardship_dialog import file_it, open_wang
from tests.ui.test_member_dialogs import add_zhang
from tests.ui.test_recuperation_page import add_app, add_member, add_trip, open_page

TODAY = the_day()


def resident_id(birth: str, order: str) -> str:
    first17 = f"110105{birth}{order}"
    return first17 + check_character(first17)


MAN_1990 = "110105199003070017"  # 1990-03-07, 男
WOMAN_1985 = resident_id("19850612", "002")  # 1985-06-12, 女
MAN_1978 = resident_id("19781123", "013")  # 1978-11-23, 男


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


# -- every dialog with a date in it ---------------------------------------------------------

def member_added(window, context):
    return window.show_page("members").add_member()


def member_edited(window, context):
    page = window.show_page("members")
    member_id = add_zhang(context.db)
    page.refresh()
    page.select_member(member_id)
    return page.edit_member()


def membership_changed(window, context):
    page = window.show_page("members")
    member_id = add_zhang(context.db)
    page.refresh()
    page.select_member(member_id)
    return page.change_membership()


def hardship_file_new(window, context):
    return window.show_page("hardship").open_file(None)


def hardship_file_open(window, context):
    file_id = open_wang(context)
    return window.show_page("hardship").open_file(file_id)


def aid_payment(window, context):
    file_id = open_wang(context)
    file_it(context, file_id)
    return AidPaymentDialog(context, file_id, "王大力", "张主席", parent=window)


def contract_new(window, context):
    return window.show_page("contracts").new_contract()


def recuperation_quota(window, context):
    return open_page(window).edit_quota()


def recuperation_trip(window, context):
    return open_page(window).trips.new_trip()


def recuperation_application_new(window, context):
    add_trip(context.db)
    page = open_page(window)
    page.tabs.setCurrentIndex(1)
    return page.applications.new_application()


def recuperation_application_open(window, context):
    app_id = add_app(context.db, add_member(context.db, "赵敏", 1), add_trip(context.db))
    return open_page(window).applications.open_application(app_id)


def reports_page(window, context):
    page = window.show_page("reports")
    page.select_form("member-changes")  # a period: 起 and 止
    return page


OPENERS = [member_added, member_edited, membership_changed, hardship_file_new,
           hardship_file_open, aid_payment, contract_new, recuperation_quota,
           recuperation_trip, recuperation_application_new, recuperation_application_open,
           reports_page]


FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def type_text(qtbot, line, text: str) -> None:
    """Key by key; what a Chinese input method writes (年, full-width digits) comes as its
    committed text, as it does from the IME."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(line, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(line, event)


def typed_forms(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [f"{y}{m:02}{d:02}", f"{y}-{m:02}-{d:02}", f"{y}-{m}-{d}", f"{y}/{m}/{d}",
            f"{y}.{m}.{d}", f"{y}年{m}月{d}日", f" {y} 年 {m} 月 {d} 日 ",
            f"{y}-{m:02}-{d:02}".translate(FULL_WIDTH)]


def type_into(qtbot, field: DateField, text: str) -> None:
    field.line.clear()
    type_text(qtbot, field.line, text)
    field.line.editingFinished.emit()  # the cursor leaves the field


def days_for(field: DateField) -> list[dt.date]:
    """Two days each field accepts: single-digit and two-digit month and day."""
    wanted = [dt.date(TODAY.year - 1, 3, 4), dt.date(TODAY.year - 1, 11, 23)]
    return [min(max(day, field.earliest), field.latest) for day in wanted]


@pytest.mark.parametrize("opener", OPENERS, ids=lambda o: o.__name__)
def test_every_date_field_takes_each_way_of_typing_a_day(window, context, qtbot, opener):
    root = opener(window, context)
    fields = [f for f in root.findChildren(DateField) if f.isEnabled()]
    assert fields, "the dialog has a date field to type into"
    for field in fields:
        name = field.objectName() or type(field.parentWidget()).__name__
        for day in days_for(field):
            for text in typed_forms(day):
                type_into(qtbot, field, text)
                assert field.value() == day, (name, text)
                assert not field.message.isVisibleTo(field), (name, text)
                assert field.line.text() == f"{day:%Y-%m-%d}"  # shows how it was read
        for wrong in ("19901301", "1990-02-30", "1990年2月30日", "90-1-1", "2028"):
            type_into(qtbot, field, wrong)
            assert field.problem(), (name, wrong)  # refused, never read as some other day
            assert field.line.text() == wrong  # what was typed stays to be corrected
            assert field.message.isVisibleTo(field)
            assert "无法识别的日期" in field.message.text()
            assert "请按 1990-01-01 填写" in field.message.text()
        type_into(qtbot, field, "")
        if field.optional:
            assert field.value() is None and not field.message.isVisibleTo(field), name
        else:
            assert "必须填写日期" in field.message.text(), name
        type_into(qtbot, field, f"{day:%Y%m%d}")
        assert field.value() == day and not field.message.isVisibleTo(field), name


def test_the_birth_date_is_typed_as_eight_digits(window, context, qtbot):
    dialog = member_added(window, context)
    birth = dialog.widgets["birth_date"]
    line = birth.findChild(QLineEdit)  # where the keys go, whatever the field is made of
    qtbot.keyClicks(line, "19900101")
    assert birth.value() == dt.date(1990, 1, 1)
    line.selectAll()
    qtbot.keyClicks(line, "1990-01-01")
    assert birth.value() == dt.date(1990, 1, 1)


def test_a_year_typed_into_the_term_end_is_kept_and_the_contract_not_saved(window, context,
                                                                           qtbot):
    dialog = contract_new(window, context)
    end = dialog.basics.term_end
    type_into(qtbot, end, "2028")
    assert end.line.text() == "2028"  # not reset to blank
    assert "无法识别的日期：2028" in end.message.text() and end.message.isVisibleTo(end)
    # the message makes room without pushing the dialog's foot off the laptop's screen
    free = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().bottom() <= free.bottom()
    assert not dialog.save()
    assert dialog.contract_id is None
    type_into(qtbot, end, "2028年6月30日")
    assert end.value() == dt.date(2028, 6, 30) and not end.message.isVisibleTo(end)


def test_a_member_with_an_unreadable_date_is_not_saved(window, context, qtbot, db):
    dialog = member_added(window, context)
    type_text(qtbot, dialog.widgets["name"], "张三")
    qtbot.keyClicks(dialog.widgets["id_number"], MAN_1990)
    type_into(qtbot, dialog.widgets["join_date"], "2015-13-01")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "月份应为 1–12" in dialog.widgets["join_date"].message.text()
    assert count_all(db.sessions) == 0


# -- what the ID number gives -----------------------------------------------------------------

def type_id(qtbot, dialog, number: str) -> None:
    line = dialog.widgets["id_number"]
    line.clear()
    qtbot.keyClicks(line, number)
    line.editingFinished.emit()


def choose(combo, text: str) -> None:
    """Pick an entry as the user does (the combo says it was activated)."""
    combo.setCurrentIndex(combo.findText(text))
    combo.activated.emit(combo.currentIndex())


def test_birth_date_and_sex_follow_a_corrected_id_number(window, context, qtbot):
    dialog = member_added(window, context)
    type_id(qtbot, dialog, MAN_1990)
    assert dialog.widgets["gender"].value() == "男"
    assert dialog.widgets["birth_date"].value() == dt.date(1990, 3, 7)
    type_id(qtbot, dialog, WOMAN_1985)
    assert dialog.widgets["gender"].value() == "女"
    assert dialog.widgets["birth_date"].value() == dt.date(1985, 6, 12)


def test_a_sex_chosen_by_hand_stays_when_the_id_changes(window, context, qtbot):
    dialog = member_added(window, context)
    type_id(qtbot, dialog, MAN_1990)
    choose(dialog.widgets["gender"], "女")
    type_id(qtbot, dialog, MAN_1978)
    assert dialog.widgets["gender"].value() == "女"  # the chair's choice
    assert dialog.widgets["birth_date"].value() == dt.date(1978, 11, 23)  # still derived


def test_a_birth_date_typed_by_hand_stays_when_the_id_changes(window, context, qtbot):
    dialog = member_added(window, context)
    type_id(qtbot, dialog, MAN_1990)
    type_into(qtbot, dialog.widgets["birth_date"], "1990年3月8日")
    type_id(qtbot, dialog, MAN_1978)
    assert dialog.widgets["birth_date"].value() == dt.date(1990, 3, 8)
    assert dialog.widgets["gender"].value() == "男"


def test_editing_a_member_the_birth_and_sex_follow_the_corrected_number(window, context,
                                                                        qtbot):
    dialog = member_edited(window, context)
    assert dialog.widgets["birth_date"].value() == dt.date(1990, 3, 7)
    type_id(qtbot, dialog, WOMAN_1985)
    assert dialog.widgets["gender"].value() == "女"
    assert dialog.widgets["birth_date"].value() == dt.date(1985, 6, 12)


# -- messages go once the field is right ------------------------------------------------------

def shown(dialog, key) -> str:
    row = dialog.rows[key]
    return row.message.text() if row.message.isVisibleTo(dialog) else ""


def test_the_sex_message_goes_once_the_id_number_agrees(window, context, qtbot):
    dialog = member_added(window, context)
    type_text(qtbot, dialog.widgets["name"], "李梅")
    choose(dialog.widgets["gender"], "女")
    type_id(qtbot, dialog, MAN_1990)
    dialog.save_button.click()
    assert "与身份证号码不符" in shown(dialog, "gender")
    type_id(qtbot, dialog, WOMAN_1985)  # the number was mistyped, not the sex
    assert shown(dialog, "gender") == ""


def test_a_message_stays_while_the_field_is_still_wrong(window, context, qtbot):
    dialog = member_added(window, context)
    type_id(qtbot, dialog, MAN_1990)
    dialog.save_button.click()
    assert "必须填写" in shown(dialog, "name")
    qtbot.keyClicks(dialog.widgets["phone"], "139")  # another field: the name is still empty
    assert "必须填写" in shown(dialog, "name")
    type_text(qtbot, dialog.widgets["name"], "张")
    assert shown(dialog, "name") == ""


def test_the_reason_message_goes_once_a_reason_is_chosen(window, context, qtbot):
    dialog = membership_changed(window, context)
    dialog.kind.setCurrentText(ms.TRANSFER_OUT)
    dialog.accept()
    assert "必须选择原因" in shown(dialog, "reason")
    choose(dialog.reason, "劳动（工作）关系发生变化")
    assert shown(dialog, "reason") == ""
    assert records.get_member(context.db.sessions, dialog.detail.id).status == ms.ACTIVE


def test_a_year_typed_into_an_open_contract_keeps_its_buttons_on_the_screen(window, db, qtbot):
    from tests.ui.test_contract_page import TODAY, add_contract

    contract_id = add_contract(db, "综合集体合同", offer_date=TODAY, offer_side="职工方")
    dialog = window.show_page("contracts").open_contract(contract_id)
    end = dialog.basics.term_end
    type_into(qtbot, end, "2029")
    assert "无法识别的日期：2029" in end.message.text()
    free = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().bottom() <= free.bottom(), dialog.frameGeometry()
