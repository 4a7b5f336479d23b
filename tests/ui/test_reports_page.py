"""报表 page: choosing a form and its options, exporting, previewing and printing."""

import datetime as dt
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from gonghui_desk.db.session import session_scope
from gonghui_desk.domain.annual import default_cut_off
from gonghui_desk.exchange.forms import FORMS
from gonghui_desk.ui import printing, tasks
from gonghui_desk.ui.pages.reports import documents_folder
from tests.factories import demo_book, make_member, write

TODAY = dt.date.today()
ID_NUMBER = "110105199003070017"


@pytest.fixture(autouse=True)
def inline(monkeypatch):
    monkeypatch.setattr(tasks, "RUN_INLINE", True)


@pytest.fixture
def warnings(monkeypatch):
    """The text of every warning box shown (show_user_error uses QMessageBox.warning)."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a path; records what it suggested."""
    asked = []

    def answer(path):
        def fake(parent, caption, suggested, filters, *args, **kwargs):
            asked.append(Path(suggested))
            return str(path), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
        return asked

    return answer


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """A print dialog that the user accepts, with the printer writing a PDF file instead."""
    target = tmp_path / "printed.pdf"

    class AcceptingPrintDialog:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            self.printer = printer

        def setWindowTitle(self, title):
            pass

        def setMinMax(self, low, high):
            pass

        def setOption(self, option, on=True):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", AcceptingPrintDialog)
    return target


@pytest.fixture
def few_members(db):
    with session_scope(db.sessions) as session:
        make_member(session, name="张三", id_number=ID_NUMBER)
        make_member(session, name="李四", id_number="11010519850101002X", phone="13912345678")
    return db


@pytest.fixture
def many_members(db):
    demo_book(db, 80, seed=3)
    return db


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return out.replace(" ", "")


def pdf_page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def pdf_image_count(path: Path) -> int:
    """Images in the PDF: a printed page is one image of the form's page."""
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True,
                             text=True).stdout
    return sum(1 for line in listing.splitlines()[2:] if line.split()[2] == "image")


def test_every_form_is_listed_and_asks_only_for_its_own_options(window):
    page = window.show_page("reports")
    assert page.form_list.count() == len(FORMS)
    for row, spec in enumerate(FORMS):
        assert page.form_list.item(row).text() == spec.title  # Chinese, no English id
        assert page.form_list.item(row).toolTip().endswith(f"命令行名称：{spec.id}")
    assert not any(spec.id in label.text() for label in page.findChildren(QLabel))
    page.select_form("member-changes")
    assert page.description.text() == FORMS[1].description
    assert page.params.start.isVisible() and not page.params.as_of.isVisible()
    assert page.params.start.date().toPython() == dt.date(TODAY.year, 1, 1)
    page.select_form("member-roster")
    assert page.params.as_of.isVisible() and not page.params.picker.isVisible()
    assert page.params.as_of.date().toPython() == TODAY
    assert page.params.as_of.maximumDate().toPython() == TODAY  # no cut-off in the future
    page.select_form("member-card")
    assert page.params.picker.isVisible() and not page.params.as_of.isVisible()
    assert page.full_ids.text() == "完整证件号码（报上级工会用，将记入变更历史）"
    assert [b.text() for b in (page.pdf_button, page.xlsx_button, page.preview_button,
                               page.print_button)] == ["导出 PDF…", "导出 Excel…", "预览", "打印…"]


def test_roster_exported_as_pdf_is_the_form_with_masked_numbers(window, few_members, save_to,
                                                                 tmp_path):
    asked = save_to(tmp_path / "采集表.pdf")
    page = window.show_page("reports")
    page.select_form("member-roster")
    saved = page.export(".pdf")
    assert saved == tmp_path / "采集表.pdf"
    assert asked == [documents_folder() / f"工会会员信息采集表-{TODAY:%Y-%m-%d}.pdf"]
    text = pdf_text(saved)
    assert "工会会员信息采集表" in text and "张三" in text and "李四" in text
    assert ID_NUMBER not in text and "110105********0017" in text
    assert page.status.text() == f"已保存到：{saved}"
    assert page.open_folder_button.isVisibleTo(page)


def test_full_id_numbers_when_ticked(window, few_members, save_to, tmp_path):
    save_to(tmp_path / "完整")  # no suffix typed: the chosen format's is added
    page = window.show_page("reports")
    page.full_ids.setChecked(True)
    saved = page.export(".pdf")
    assert saved == tmp_path / "完整.pdf"
    assert ID_NUMBER in pdf_text(saved)


def test_roster_exported_as_excel(window, few_members, save_to, tmp_path):
    save_to(tmp_path / "采集表.xlsx")
    page = window.show_page("reports")
    saved = page.export(".xlsx")
    cells = [c for row in openpyxl.load_workbook(saved).active.iter_rows(values_only=True)
             for c in row if c]
    assert "工会会员信息采集表" in cells and "李四" in cells


def test_member_card_for_the_member_picked(window, few_members, save_to, tmp_path):
    asked = save_to(tmp_path / "登记表.pdf")
    page = window.show_page("reports")
    page.select_form("member-card")
    picker = page.params.picker
    assert picker.results.count() == 2
    picker.search.setText("李四")  # an input method commits Chinese text in one go
    picker.run_search()
    assert picker.results.count() == 1 and picker.results.item(0).text().startswith("李四")
    assert "110105********002X" in picker.results.item(0).text()  # masked in the list
    saved = page.export(".pdf")
    assert asked[0].name == f"工会会员登记表-李四-{TODAY:%Y-%m-%d}.pdf"
    text = pdf_text(saved)
    assert "工会会员登记表" in text and "李四" in text and "张三" not in text


def test_the_filling_date_is_the_records_own_unless_another_is_set(window, few_members,
                                                                     save_to, tmp_path):
    page = window.show_page("reports")
    params = page.params
    page.select_form("annual-stats")  # a return is dated when it is filed: nothing to set
    assert not params.filled.isVisible()
    page.select_form("member-card")
    assert params.filled.isVisible() and not params.filled.isEnabled()
    params.picker.search.setText("李四")
    params.picker.run_search()
    assert page.form_params().filled_on is None  # the record's own date
    params.filled_chosen.setChecked(True)
    assert params.filled.isEnabled()
    assert params.filled.maximumDate().toPython() == TODAY  # never in the future
    params.filled.setDate(TODAY - dt.timedelta(days=3))
    assert page.form_params().filled_on == TODAY - dt.timedelta(days=3)
    save_to(tmp_path / "登记表.pdf")
    day = TODAY - dt.timedelta(days=3)
    assert f"填表日期：{day.year}年{day.month}月{day.day}日" in pdf_text(page.export(".pdf"))


def test_member_card_without_a_member_says_so_and_asks_nothing(window, few_members, warnings,
                                                              monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: pytest.fail("asked"))
    page = window.show_page("reports")
    page.select_form("member-card")
    assert page.export(".pdf") is None
    assert warnings == ["请先在列表中选择一名会员（可按姓名搜索）。"]


def test_annual_stats_without_the_years_staff_is_refused(window, few_members, save_to,
                                                         warnings, tmp_path):
    save_to(tmp_path / "统计表.pdf")
    page = window.show_page("reports")
    page.select_form("annual-stats")
    assert page.export(".pdf") is None
    assert len(warnings) == 1
    reported = default_cut_off(TODAY).year  # in January to March, the year just ended
    assert f"还没有填写 {reported} 年的职工人数" in warnings[0]
    assert "设置 → 年度基本情况" in warnings[0]
    assert list(tmp_path.glob("统计表*")) == []
    assert page.status.text() == ""


def test_annual_stats_after_the_years_figures_are_saved(window, few_members, save_to,
                                                        tmp_path):
    settings = window.show_page("settings")
    panel = settings.year_figures
    panel.counts["staff"].setValue(4)
    panel.counts["staff_female"].setValue(1)
    panel.flags["women_committee"].setChecked(True)
    assert panel.save()
    save_to(tmp_path / "统计表.pdf")
    page = window.show_page("reports")
    page.select_form("annual-stats")
    text = pdf_text(page.export(".pdf"))
    assert "基层工会基本情况统计表" in text
    assert "50.0%（在职会员2÷职工4）" in text  # 2 members of 4 staff


@pytest.fixture
def answer_check(monkeypatch):
    """Answer the pre-flight's box with the button named; records what it said."""
    said = []

    def answer(button_text):
        def fake_exec(box):
            said.append((box.text(), box.informativeText()))
            next(b for b in box.buttons() if b.text() == button_text).click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        return said

    return answer


def test_contradicting_figures_are_listed_before_the_export(window, few_members, save_to,
                                                            answer_check, tmp_path):
    settings = window.show_page("settings")
    settings.year_figures.counts["staff"].setValue(1)  # 2 working members, 1 staff
    assert settings.year_figures.save()
    target = tmp_path / "统计表.pdf"
    asked = save_to(target)
    page = window.show_page("reports")
    page.select_form("annual-stats")
    said = answer_check("返回修改")
    assert page.export(".pdf") is None
    assert asked == [] and not target.exists()  # nothing asked, nothing written
    [(text, listed)] = said
    assert "导出前核对发现 1 处数字互相矛盾" in text
    assert listed.startswith("1. ") and "会员人数（在职） 2 人，多于职工人数 1 人" in listed
    assert "设置 → 年度基本情况" in listed
    answer_check("仍然导出")
    assert page.export(".pdf") == target and target.exists()


@pytest.mark.today("2027-01-05")
def test_in_january_the_annual_return_is_for_the_year_just_ended(window, few_members, save_to,
                                                                 tmp_path):
    settings = window.show_page("settings")
    panel = settings.year_figures
    assert panel.year.value() == 2026  # the figures being reported are last year's
    panel.counts["staff"].setValue(4)
    assert panel.save()
    page = window.show_page("reports")
    page.select_form("annual-stats")
    assert page.params.as_of.date().toPython() == dt.date(2026, 12, 31)
    save_to(tmp_path / "统计表.pdf")
    text = pdf_text(page.export(".pdf"))
    assert "（截至2026年12月31日）" in text and "填报日期：2027年1月5日" in text
    assert "50.0%（在职会员2÷职工4）" in text
    page.select_form("member-roster")  # other forms are as of today
    assert page.params.as_of.date().toPython() == dt.date(2027, 1, 5)


@pytest.mark.today("2027-04-01")
def test_after_the_reporting_season_the_annual_return_is_as_of_today(window):
    page = window.show_page("reports")
    page.select_form("annual-stats")
    assert page.params.as_of.date().toPython() == dt.date(2027, 4, 1)
    assert window.show_page("settings").year_figures.year.value() == 2027


def test_a_period_that_ends_before_it_starts_is_explained(window, few_members, save_to,
                                                          warnings, tmp_path):
    save_to(tmp_path / "变动.pdf")
    page = window.show_page("reports")
    page.select_form("member-changes")
    page.params.start.setDate(dt.date(TODAY.year, 1, 1))
    page.params.end.setDate(dt.date(TODAY.year - 1, 6, 30))
    assert page.export(".pdf") is None
    assert "晚于截止日期" in warnings[0]
    assert not (tmp_path / "变动.pdf").exists()


@pytest.mark.any_day  # printing and paging are the same on every day
def test_preview_shows_every_page_and_writes_no_file(window, many_members, save_to, tmp_path,
                                                     monkeypatch, qtbot):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    page = window.show_page("reports")
    dialog = page.preview()
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.laid_out)
    assert list(scratch.iterdir()) == []  # nothing personal left on the disk
    save_to(tmp_path / "采集表.pdf")
    pages = pdf_page_count(page.export(".pdf"))
    assert pages > 1
    assert dialog.page_count() == pages
    assert dialog.page_label.text() == f"第 1 页 共 {pages} 页"
    assert dialog.windowTitle() == "打印预览 — 工会会员信息采集表"
    dialog.close()
    assert page.preview_dialog is None


@pytest.mark.any_day  # printing and paging are the same on every day
def test_printing_from_the_preview_draws_every_page(window, many_members, printed):
    page = window.show_page("reports")
    dialog = page.preview()
    assert dialog.print_document()  # the pages not laid out yet are laid out first
    pages = dialog.page_count()
    assert dialog.laid_out()
    assert pdf_page_count(printed) == pages
    assert pdf_image_count(printed) == pages  # each page drawn, none left blank
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True).stdout
    assert "842 x 595" in info  # the roster is landscape A4, and so is the paper
    dialog.close()


@pytest.mark.any_day  # printing and paging are the same on every day
def test_print_button_prints_straight_away_and_keeps_no_temporary_file(
    window, few_members, printed, tmp_path, monkeypatch
):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    page = window.show_page("reports")
    page.select_form("member-card")
    page.params.picker.results.setCurrentRow(0)
    assert page.print_form()
    assert pdf_page_count(printed) == 1 == pdf_image_count(printed)  # one A4 page
    assert list(scratch.iterdir()) == []


@pytest.mark.any_day  # printing and paging are the same on every day
def test_cancelling_the_print_dialog_prints_nothing(window, few_members, monkeypatch, tmp_path):
    class CancelledPrintDialog:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "never.pdf"))

        setWindowTitle = setMinMax = setOption = lambda *a: None

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(printing, "QPrintDialog", CancelledPrintDialog)
    page = window.show_page("reports")
    assert not page.print_form()
    assert not (tmp_path / "never.pdf").exists()


def test_save_as_in_the_preview_exports_the_form(window, few_members, save_to, tmp_path):
    save_to(tmp_path / "另存.pdf")
    page = window.show_page("reports")
    dialog = page.preview()
    dialog.save_button.click()
    assert "工会会员信息采集表" in pdf_text(tmp_path / "另存.pdf")
    dialog.close()


def test_read_only_database_offers_no_full_numbers_and_explains_the_card(
    db, db_path, data_dir, gui_app, qtbot, warnings, save_to, tmp_path
):
    from gonghui_desk.config import log_file, settings_file
    from gonghui_desk.db.database import open_database
    from gonghui_desk.ui.context import AppContext
    from gonghui_desk.ui.pages.reports import ReportsPage
    from gonghui_desk.ui.settings import AppSettings

    with session_scope(db.sessions) as session:
        make_member(session, name="张三")
    db.close()
    reader = open_database(db_path, read_only=True)
    try:
        context = AppContext(reader, data_dir, log_file(data_dir),
                             AppSettings(settings_file(data_dir)))
        page = ReportsPage(context)
        qtbot.addWidget(page)
        assert not page.full_ids.isEnabled()
        save_to(tmp_path / "名册.pdf")
        assert page.export(".pdf") == tmp_path / "名册.pdf"  # masked: nothing to record
        save_to(tmp_path / "登记表.pdf")
        page.select_form("member-card")
        page.params.picker.run_search()
        assert page.export(".pdf") is None
        assert "只读" in warnings[0]
        assert not (tmp_path / "登记表.pdf").exists()
    finally:
        reader.close()


def test_member_added_elsewhere_appears_when_the_page_is_shown_again(window, few_members):
    page = window.show_page("reports")
    page.select_form("member-card")
    picker = page.params.picker
    picker.results.setCurrentRow(1)
    chosen = picker.record_id
    with session_scope(few_members.sessions) as session:
        make_member(session, name="王五", id_number="110105197001010010")
    window.show_page("members")
    window.show_page("reports")
    assert picker.results.count() == 3
    assert picker.record_id == chosen  # the member picked before is still picked


def test_the_full_number_choice_is_offered_only_where_there_are_numbers(window):
    page = window.show_page("reports")
    page.select_form("annual-stats")
    assert page.full_ids.isHidden()
    page.select_form("member-roster")
    assert not page.full_ids.isHidden()


def test_previews_left_by_a_crashed_session_are_removed(tmp_path, monkeypatch):
    import tempfile

    from gonghui_desk.ui import temporary

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left = temporary.temporary_folder()
    (left / "名册.pdf").write_bytes(b"%PDF-1.4 personal data")
    other = tmp_path / "someone-else"
    other.mkdir()
    assert temporary.remove_stale_previews() == 1
    assert not left.exists() and other.exists()


def test_a_hardship_form_picks_from_the_files_not_the_members(window, few_members, save_to,
                                                              tmp_path):
    from gonghui_desk.domain.hardship_file import FileDraft
    from gonghui_desk.domain.idnumber import check_character
    from gonghui_desk.services import hardship

    number = "11010519800101001"
    number += check_character(number)
    file_id = write(few_members, hardship.open_file, FileDraft(name="王大力", id_number=number),
                    TODAY)
    save_to(tmp_path / "建档申请表.pdf")
    page = window.show_page("reports")
    page.select_form("hardship-file")
    picker = page.params.picker
    label = page.params.form.labelForField(picker)
    assert label.text() == "困难职工档案"
    assert [picker.results.item(i).text().split("　")[0]
            for i in range(picker.results.count())] == ["王大力"]
    assert f"110105********{number[-4:]}" in picker.results.item(0).text()
    assert picker.record_id == file_id  # the only match is chosen
    text = pdf_text(page.export(".pdf"))
    assert "困难职工建档申请表" in text and "王大力" in text
    page.select_form("member-card")
    assert page.params.form.labelForField(picker).text() == "会员"
    assert picker.results.item(0).text().startswith(("张三", "李四"))
