"""The import wizard and 导入记录, driven page by page as a chair would."""

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.services import member_records as records
from gonghui_desk.services.members import MemberFilter, count_all, fetch_rows, search_ids
from gonghui_desk.ui import tasks
from gonghui_desk.ui.dialogs.import_batches import ImportBatchesDialog
from gonghui_desk.ui.models.import_preview import ImportPreviewModel
from tests.factories import write

HEADER = ["序号", "姓名", "证件号码\n(填写18位身份证)", "部门", "入会日期"]


def id_number(first17):
    return first17 + check_character(first17)


def roster(path, people, header=HEADER):
    """A roster as branches keep them: a title row, the header in row 2, then people."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "会员"
    sheet.append(["某某公司工会会员名册"])
    sheet.merge_cells("A1:E1")
    sheet.append(header)
    for number, (name, id_no, department) in enumerate(people, start=1):
        sheet.append([number, name, id_no, department, dt.date(2015, 6, 1)])
    book.save(path)
    return path


FIRST = [
    ("张三", id_number("11010519900307001"), "装配车间"),
    ("李四", id_number("11010519850512002"), "装配车间"),
    ("王五", id_number("11010519920101003"), "质检科"),
    ("赵六", "110105199201010000", "质检科"),  # wrong check character
]
SECOND = [
    ("钱七", id_number("11010519880808004"), "后勤"),
    ("孙八", id_number("11010519790203005"), "后勤"),
]


@pytest.fixture(autouse=True)
def inline(monkeypatch):
    monkeypatch.setattr(tasks, "RUN_INLINE", True)


@pytest.fixture
def boxes(monkeypatch):
    """What message boxes said; every question is answered Yes."""
    said = []

    def box(parent, title, text, *args, **kwargs):
        said.append(text)
        return QMessageBox.StandardButton.Yes

    for kind in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box)
    return said


@pytest.fixture
def page(window):
    return window.show_page("members")


def open_file(page, path):
    wizard = page.import_members()
    wizard.file_page.path.setText(str(path))
    wizard.file_page.load_sheets()
    assert wizard.file_page.sheets.currentText() == "会员"
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def to_preview(page, path):
    wizard = open_file(page, path)
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    return wizard


def finish(wizard):
    return wizard.button(QWizard.WizardButton.FinishButton)


def test_the_header_row_is_found_and_the_columns_matched(page, tmp_path, boxes):
    wizard = open_file(page, roster(tmp_path / "名册.xlsx", FIRST))
    mapping = wizard.mapping_page
    assert mapping.header_row.value() == 2
    assert wizard.state.mapping == {1: "name", 2: "id_number", 3: "department", 4: "join_date"}
    assert [c.currentText() for c in mapping.combos] == [
        "（不导入）", "姓名", "证件号码", "部门/车间", "入会日期"]
    assert mapping.combos[0].count() == len(TARGET_LABELS) + 1
    assert mapping.table.item(2, 1).text() == "证件号码 (填写18位身份证)"
    assert "张三 | 李四 | 王五" in mapping.table.item(1, 2).text()
    ids = mapping.table.item(2, 2)  # the chair's own file, but a list on the screen
    assert ids.text().startswith("110105********0017 | 110105********002")
    assert ids.toolTip() == ids.text() and not any(p[1] in ids.text() for p in FIRST)
    assert "按列名" in mapping.note.text()
    assert boxes == []


def test_choosing_an_item_taken_elsewhere_moves_it_and_both_keys_are_required(page, tmp_path):
    wizard = open_file(page, roster(tmp_path / "名册.xlsx", FIRST))
    mapping = wizard.mapping_page
    combos = mapping.combos
    combos[0].setCurrentIndex(combos[0].findData("id_number"))
    assert combos[2].currentText() == "（不导入）"
    assert wizard.state.mapping[0] == "id_number" and 2 not in wizard.state.mapping
    assert mapping.isComplete()
    combos[0].setCurrentIndex(0)
    assert not mapping.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert mapping.problem.text() == "请指定“证件号码”所在的列。"


def test_the_blank_template_can_be_saved_from_the_first_page(page, tmp_path, monkeypatch,
                                                             boxes):
    wizard = page.import_members()
    target = tmp_path / "模板"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = wizard.file_page.save_template()
    assert saved == tmp_path / "模板.xlsx"
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames[0] == "会员信息"
    assert str(saved) in boxes[-1]


def test_an_unreadable_file_says_why_and_offers_no_sheet(page, tmp_path, boxes):
    wizard = page.import_members()
    bad = tmp_path / "名册.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    wizard.file_page.path.setText(str(bad))
    wizard.file_page.load_sheets()
    assert "不是电子表格" in boxes[-1]
    assert wizard.file_page.sheets.count() == 0
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_bad_row_blocks_the_import_until_only_valid_rows_are_asked_for(page, db, tmp_path,
                                                                           boxes):
    wizard = to_preview(page, roster(tmp_path / "名册.xlsx", FIRST))
    preview = wizard.preview_page
    assert "新增 3" in preview.summary.text() and "有错误 1" in preview.summary.text()
    assert preview.model.rowCount() == 4
    assert [preview.model.result(r).row for r in range(4)] == [3, 4, 5, 6]
    assert not finish(wizard).isEnabled()
    assert not preview.valid_only.isHidden()
    assert "有 1 行未通过检查" in preview.status.text()
    problems = preview.filter.findData("problems")
    preview.filter.setCurrentIndex(problems)
    assert preview.filter.currentText() == "有问题（1）"
    assert preview.model.rowCount() == 1
    shown = preview.model.index(0, 3).data()
    assert preview.model.result(0).name == "赵六" and "校验位" in shown
    preview.table.selectRow(0)
    assert preview.detail.toPlainText().splitlines()[:2] == [
        "第 6 行，赵六：有错误",
        "• 【证件号码 (填写18位身份证)】身份证号码校验位不符（可能有一位抄错），请逐位核对。",
    ]
    preview.filter.setCurrentIndex(preview.filter.findData("新增"))
    assert preview.model.rowCount() == 3

    preview.valid_only.setChecked(True)
    assert finish(wizard).isEnabled()
    assert "新增 3" in preview.status.text()
    finish(wizard).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert count_all(db.sessions) == 3
    assert boxes[-1].startswith("已导入：新增 3，更新 0（批次 1）")
    assert "导入记录" in boxes[-1]
    assert page.model.rowCount() == 3  # the list was refreshed


def test_a_mostly_wrong_file_stops_the_check_and_offers_nothing_to_import(
        page, tmp_path, monkeypatch, boxes):
    monkeypatch.setattr("gonghui_desk.exchange.bad_rows.EARLY_LOOK", 20)
    monkeypatch.setattr("gonghui_desk.exchange.member_import._CHECK_CHUNK", 10)
    same = id_number("11010519900307001")
    wizard = to_preview(page, roster(tmp_path / "名册.xlsx",
                                     [(f"员工{n}", same, "装配车间") for n in range(100)]))
    preview = wizard.preview_page
    assert "检查了 20 行（到第 22 行）" in preview.summary.text()
    assert "其余 80 行没有再检查" in preview.summary.text()
    assert "【证件号码 (填写18位身份证)】20 行" in preview.summary.text()
    assert "检查已提前停止" in preview.status.text()
    assert preview.valid_only.isHidden() and not finish(wizard).isEnabled()
    preview.table.selectRow(5)
    assert "第 3、4、5 行等共 20 行的证件号码相同" in preview.detail.toPlainText()


def test_the_preview_lists_the_sign_off_lines_and_the_import_is_not_refused(page, db,
                                                                           tmp_path, boxes):
    path = roster(tmp_path / "名册.xlsx", FIRST[:3])
    book = openpyxl.load_workbook(path)
    sheet = book["会员"]
    for line in (["合 计", "3人"], ["制表人：", "李会计", "审核：", "", "王主席"],
                 ["填报单位（盖章）："], ["", "", "", "", "    年   月   日"],
                 ["注：本表一式两份。"], ["", "", "第 1 页 共 1 页"]):
        sheet.append(line)
    book.save(path)
    wizard = to_preview(page, path)
    summary = wizard.preview_page.summary.text()
    assert "新增 3" in summary and "有错误 0" in summary
    assert ("另有 6 行不是会员（合计行 1，签字行 1，盖章行 1，日期行 1，说明行 1，页脚 1），未导入"
            in summary)
    assert "第 7 行（签字行）：制表人：" in summary
    assert summary.splitlines()[-1].strip() == "……另有 1 行"  # six lines, five shown
    assert finish(wizard).isEnabled() and wizard.preview_page.valid_only.isHidden()
    finish(wizard).click()
    assert count_all(db.sessions) == 3


def test_the_problem_list_is_saved_as_a_workbook(page, tmp_path, monkeypatch, boxes):
    wizard = to_preview(page, roster(tmp_path / "名册.xlsx", FIRST))
    target = tmp_path / "问题清单"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = wizard.preview_page.export_problems()
    assert saved == target.with_suffix(".xlsx")
    rows = list(openpyxl.load_workbook(saved).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("工作表", "行号")
    assert rows[2][1] == 6 and "校验位" in rows[2][4]
    assert "1" in wizard.preview_page.exported.text()


def test_a_mapping_changed_by_hand_is_used_again_for_the_same_header(page, db, tmp_path,
                                                                       boxes):
    wizard = open_file(page, roster(tmp_path / "一月.xlsx", FIRST[:3]))
    wizard.mapping_page.combos[3].setCurrentIndex(0)  # 部门 not imported
    wizard.next()
    finish(wizard).click()
    assert count_all(db.sessions) == 3
    first = fetch_rows(db.sessions, search_ids(db.sessions, MemberFilter()))
    assert {row.department for row in first.values()} == {""}

    again = open_file(page, roster(tmp_path / "二月.xlsx", SECOND))
    assert again.state.mapping == {1: "name", 2: "id_number", 4: "join_date"}
    assert again.mapping_page.combos[3].currentText() == "（不导入）"
    assert "上次" in again.mapping_page.note.text()


def test_a_roster_without_a_recognised_header_is_mapped_by_hand(page, db, tmp_path, boxes):
    unknown = ["编号", "人员", "号码", "科室", "日期"]
    path = roster(tmp_path / "名册.xlsx", FIRST[:2], header=unknown)
    wizard = open_file(page, path)
    mapping = wizard.mapping_page
    assert "找不到表头" in mapping.note.text()
    assert not mapping.isComplete()
    mapping.header_row.setValue(2)
    combos = mapping.combos
    combos[1].setCurrentIndex(combos[1].findData("name"))
    combos[2].setCurrentIndex(combos[2].findData("id_number"))
    combos[4].setCurrentIndex(combos[4].findData("join_date"))
    assert mapping.isComplete()
    wizard.next()
    assert wizard.preview_page.model.rowCount() == 2
    finish(wizard).click()
    assert count_all(db.sessions) == 2


def test_import_history_lists_the_batch_and_undo_removes_its_members(page, db, tmp_path,
                                                                     boxes):
    wizard = to_preview(page, roster(tmp_path / "名册.xlsx", FIRST[:3]))
    finish(wizard).click()
    assert count_all(db.sessions) == 3
    dialog = page.open_import_history()
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(8)]
    assert cells[2:] == ["名册.xlsx", "会员", "只添加新会员", "3", "0", "有效"]
    assert not dialog.undo_button.isEnabled()  # nothing selected yet
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled()
    assert dialog.undo_selected()
    assert "3 名" in boxes[-1]  # the question said what goes
    assert count_all(db.sessions) == 0
    assert dialog.table.item(0, 7).text().startswith("已撤销")
    assert not dialog.undo_button.isEnabled()
    dialog.close()
    assert page.model.rowCount() == 0


def test_undo_is_refused_when_an_imported_member_was_changed_since(page, db, tmp_path, boxes):
    to_preview(page, roster(tmp_path / "名册.xlsx", FIRST[:3])).button(
        QWizard.WizardButton.FinishButton).click()
    ids = search_ids(db.sessions, MemberFilter())
    write(db, records.move_to_recycle_bin, ids[:1])
    dialog = ImportBatchesDialog(page.context, page)
    dialog.table.selectRow(0)
    assert not dialog.undo_selected()
    assert "不能整批撤销" in boxes[-1]
    assert count_all(db.sessions) == 2 and not dialog.changed
    dialog.close()


def test_nothing_is_imported_or_undone_from_a_read_only_file(db, db_path, data_dir, gui_app,
                                                             qtbot):
    from gonghui_desk.config import log_file, settings_file
    from gonghui_desk.db.database import open_database
    from gonghui_desk.ui.context import AppContext
    from gonghui_desk.ui.pages.members import MembersPage
    from gonghui_desk.ui.settings import AppSettings

    db.close()
    reader = open_database(db_path, read_only=True)
    try:
        context = AppContext(reader, data_dir, log_file(data_dir),
                             AppSettings(settings_file(data_dir)))
        page = MembersPage(context)
        qtbot.addWidget(page)
        assert not page.import_action.isEnabled()
        assert page.import_members() is None
        assert page.import_history_action.isEnabled()
        dialog = page.open_import_history()
        assert dialog.empty.isVisibleTo(dialog) and not dialog.undo_button.isEnabled()
        dialog.close()
    finally:
        reader.close()


def test_the_preview_model_filters_a_hundred_thousand_rows_without_a_proxy():
    from gonghui_desk.exchange.member_import import NEW, REJECTED, RowResult

    rows = [RowResult(n + 3, f"会员{n}", REJECTED if n % 1000 == 0 else NEW)
            for n in range(100_000)]
    model = ImportPreviewModel()
    model.set_rows(rows)
    assert model.rowCount() == 100_000
    model.set_filter(lambda r: r.verdict == REJECTED)
    assert model.rowCount() == 100
    assert model.index(1, 0).data() == "1003"
    assert model.index(1, 2).data() == REJECTED

