"""The member dialog, the membership-change dialog and the recycle bin, driven as a user."""

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.services import member_records as records
from gonghui_desk.services.members import MemberFilter, count_all, search_ids
from tests.factories import write

ZHANG = MemberData(name="张三", id_number="110105199003070017", phone="13812345678",
                   department="装配车间", join_date=dt.date(2015, 6, 1))


@pytest.fixture
def page(window):
    return window.show_page("members")


def add_zhang(db):
    return write(db, records.create_member, ZHANG, ms.EventDraft(ms.JOIN, None))


def type_member(dialog, name, id_number, phone=""):
    dialog.widgets["name"].setText(name)
    dialog.widgets["id_number"].setText(id_number)
    dialog.widgets["id_number"].editingFinished.emit()
    dialog.widgets["phone"].setText(phone)


def message(dialog, key):
    row = dialog.rows[key]
    return row.message.text() if row.message.isVisibleTo(dialog) else ""


def test_adding_a_member_fills_birth_and_sex_from_the_id_and_selects_them(page, db):
    dialog = page.add_member()
    type_member(dialog, "曾晓梅", "１１０１０５ １９９００３０７ ０４８ｘ", "139 0000 1111")
    assert dialog.widgets["id_number"].text() == "11010519900307048X"
    assert dialog.widgets["gender"].currentText() == "女"
    assert dialog.widgets["birth_date"].value() == dt.date(1990, 3, 7)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.detail.values["id_number"].text() == "11010519900307048X"  # full in the panel
    row = page.model.row_of(dialog.member_id)
    assert page.table.selectionModel().isRowSelected(row)
    assert search_ids(db.sessions, MemberFilter(text="zxm")) == [dialog.member_id]


def test_wrong_values_are_shown_next_to_their_fields_and_nothing_is_saved(page, db):
    dialog = page.add_member()
    type_member(dialog, "", "110105199003070018", "1381234")
    assert "校验位" in message(dialog, "id_number")  # shown while typing
    dialog.accept()
    assert dialog.isVisible()
    assert "必须填写" in message(dialog, "name")
    assert "校验位" in message(dialog, "id_number")
    assert "11 位" in message(dialog, "phone")
    assert count_all(db.sessions) == 0


def test_birth_date_typed_against_the_id_is_flagged(page, db, qtbot):
    dialog = page.add_member()
    qtbot.keyClicks(dialog.widgets["birth_date"].line, "1990-03-08")
    type_member(dialog, "张三", "110105199003070017")
    dialog.accept()
    assert "1990-03-07" in message(dialog, "birth_date")


def test_an_id_on_file_is_refused_naming_the_member(page, db):
    add_zhang(db)
    dialog = page.add_member()
    type_member(dialog, "张叁", "110105199003070017")
    dialog.accept()
    assert "张三（在册，装配车间）" in message(dialog, "id_number")
    assert count_all(db.sessions) == 1


def test_same_phone_warns_with_a_link_and_saves_on_the_second_click(page, db, qtbot):
    first = add_zhang(db)
    dialog = page.add_member()
    type_member(dialog, "李四", "110105198801010022", "13812345678")
    dialog.accept()
    assert dialog.isVisible()
    assert f"href='{first}'" in dialog.general.text()
    assert dialog.save_button.text() == "仍然保存"
    dialog.accept()
    assert count_all(db.sessions) == 2


def test_following_the_duplicate_link_shows_the_existing_record(page, db, monkeypatch):
    first = add_zhang(db)
    page.search.setText("不存在的人")
    page.apply_filter()
    dialog = page.add_member()
    type_member(dialog, "李四", "110105198801010022", "13812345678")
    dialog.accept()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])
    dialog.general.linkActivated.emit(str(first))
    assert asked == ["您填写的内容尚未保存，确定关闭吗？"]  # what was typed would be lost
    assert not dialog.isVisible()
    assert page.detail.member_id == first
    assert page.search.text() == ""


def test_editing_keeps_the_member_selected_and_shows_the_new_values(page, db):
    member_id = add_zhang(db)
    page.refresh()
    page.select_member(member_id)
    dialog = page.edit_member()
    assert dialog.widgets["id_number"].text() == "110105199003070017"
    dialog.widgets["post"].setText("钳工")
    dialog.accept()
    assert page.detail.member_id == member_id
    assert page.detail.values["post"].text() == "钳工"


def test_membership_change_dialog_validates_and_updates_the_status(page, db):
    member_id = add_zhang(db)
    page.refresh()
    page.select_member(member_id)
    dialog = page.change_membership()
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert kinds == [ms.RESERVE, ms.TRANSFER_OUT, ms.EXPEL, ms.WITHDRAW]
    dialog.kind.setCurrentText(ms.TRANSFER_OUT)
    dialog.accept()
    assert dialog.isVisible()
    assert "必须选择原因" in dialog.rows["reason"].message.text()
    dialog.reason.set_value("劳动（工作）关系发生变化")
    dialog.union.setText("乙公司工会")
    dialog.accept()
    assert not dialog.isVisible()
    assert records.get_member(db.sessions, member_id).status == ms.TRANSFERRED_OUT
    # No longer a member, so the list widens to everyone on file to keep showing them.
    assert page.filters.status.currentText() == "全部人员"
    assert page.detail.member_id == member_id
    assert page.detail.status.text() == "会籍状态：已转出"
    assert [page.detail.events.item(r, 1).text() for r in range(2)] == [ms.JOIN, ms.TRANSFER_OUT]


def test_delete_restore_and_purge_through_the_recycle_bin(page, db, monkeypatch):
    member_id = add_zhang(db)
    page.refresh()
    page.select_member(member_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_members()
    assert page.model.rowCount() == 0
    bin_dialog = page.open_recycle_bin()
    assert bin_dialog.table.rowCount() == 1
    assert bin_dialog.table.item(0, 2).text() == "110105********0017"
    bin_dialog.table.selectRow(0)
    bin_dialog.restore_selected()
    bin_dialog.reject()
    assert page.model.rowCount() == 1
    write(db, records.move_to_recycle_bin, [member_id])
    bin_dialog = page.open_recycle_bin()
    bin_dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.No)
    bin_dialog.purge_selected()
    assert bin_dialog.table.rowCount() == 1  # said no: still there
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    bin_dialog.purge_selected()
    assert bin_dialog.table.rowCount() == 0
    assert records.recycle_bin(db.sessions) == []


def test_the_shown_member_stays_selected_when_the_filter_changes(page, db):
    member_id = add_zhang(db)
    page.refresh()
    page.select_member(member_id)
    page.filters.status.setCurrentIndex(page.filters.status.count() - 1)  # on a day
    row = page.model.row_of(member_id)
    assert page.table.selectionModel().isRowSelected(row)
    page.search.setText("不存在")
    page.apply_filter()
    assert page.detail.member_id is None  # not in the list any more: the panel clears


def test_export_from_the_page_writes_the_filtered_list(page, db, tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    add_zhang(db)
    write(db, records.create_member,
          MemberData(name="李四", id_number="110105198801010022", department="质检部",
                     join_date=dt.date(2016, 1, 1)),
          ms.EventDraft(ms.JOIN, None))
    page.refresh()
    bar = page.filters
    bar.department.setCurrentIndex(bar.department.findData("质检部"))
    target = tmp_path / "名册"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    written = page.export_menu.export("plain", False)
    assert written == target.with_suffix(".xlsx")
    sheet = openpyxl.load_workbook(written).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "李四" in values and "张三" not in values
    assert "110105********0022" in values  # masked in the plain roster


def test_a_read_only_database_can_be_searched_but_not_changed(db, db_path, data_dir, gui_app,
                                                              qtbot):
    from gonghui_desk.config import log_file, settings_file
    from gonghui_desk.db.database import open_database
    from gonghui_desk.ui.context import AppContext
    from gonghui_desk.ui.pages.members import MembersPage
    from gonghui_desk.ui.settings import AppSettings

    member_id = add_zhang(db)
    db.close()
    reader = open_database(db_path, read_only=True)
    try:
        context = AppContext(reader, data_dir, log_file(data_dir), AppSettings(
            settings_file(data_dir)))
        page = MembersPage(context)
        qtbot.addWidget(page)
        page.refresh()
        page.select_member(member_id)
        assert page.detail.member_id == member_id
        assert page.history_action.isEnabled()
        assert not page.add_button.isEnabled()
        assert not page.edit_action.isEnabled() and not page.delete_action.isEnabled()
        exports = [a.isEnabled() for a in page.export_menu.button.menu().actions()]
        assert exports == [False, True, False]  # only the masked roster
    finally:
        reader.close()


def test_the_delete_button_asks_naming_the_member_and_moves_them_to_the_bin(page, db,
                                                                           monkeypatch):
    from PySide6.QtWidgets import QPushButton

    member_id = add_zhang(db)
    page.refresh()
    button = page.findChild(QPushButton, "delete_member_button")
    assert button is not None and button.text() == "删除…"
    assert not button.isEnabled()  # nobody picked yet
    page.select_member(member_id)
    assert button.isEnabled()
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    button.click()
    tail = ZHANG.id_number[-4:]
    assert asked == [f"删除会员 {ZHANG.name}（身份证号 ****{tail}）？删除后可在回收站恢复。"]
    assert page.model.rowCount() == 1  # No keeps the member
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    button.click()
    assert page.model.rowCount() == 0
    assert len(records.recycle_bin(db.sessions)) == 1


def test_a_save_after_another_officer_saved_is_refused_with_their_name(page, db, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: said.append(text))
    member_id = add_zhang(db)
    page.refresh()
    page.select_member(member_id)
    dialog = page.edit_member()
    # Meanwhile, on another PC, the vice-chair moves him to another workshop.
    db.officer.name = "王副主席"
    opened = records.get_member(db.sessions, member_id)
    write(db, records.update_member, member_id, replace(opened.data, department="二车间"),
          opened.version)
    db.officer.name = "李主席"
    dialog.widgets["post"].setText("钳工")
    dialog.accept()
    assert len(said) == 1 and "王副主席" in said[0] and "二车间" in said[0]
    assert dialog.isVisible() and dialog.widgets["post"].text() == "钳工"  # nothing lost
    saved = records.get_member(db.sessions, member_id).data
    assert (saved.department, saved.post) == ("二车间", "")  # nor overwritten
