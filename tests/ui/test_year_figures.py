"""设置 → 年度基本情况: entering a year's figures, seeing them again, refusing wrong ones."""


import pytest
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.domain.annual import YearFigures, default_cut_off
from gonghui_desk.services.annual import load_year, save_year
from tests.dates import the_day
from tests.factories import write

# The year the tab opens at: this year, or in January to March the year being reported.
THIS_YEAR = default_cut_off(the_day()).year


@pytest.fixture
def warnings(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


def open_panel(window):
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.year_figures_tab)
    return page, page.year_figures


def test_the_tab_is_named_as_the_refusal_says_and_an_empty_year_shows_unfilled(window):
    page, panel = open_panel(window)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "年度基本情况"
    assert panel.year.value() == THIS_YEAR
    assert panel.counts["staff"].text() == "未填写"
    assert not any(box.isChecked() for box in panel.flags.values())
    assert panel.state.text() == f"{THIS_YEAR} 年尚未填写。"
    assert panel.on_file.text() == "还没有填写任何年度。"
    assert panel.save_button.text() == f"保存 {THIS_YEAR} 年的数字"


def test_saved_figures_are_kept_and_shown_again(window, db):
    _, panel = open_panel(window)
    panel.counts["staff"].setValue(320)
    panel.counts["staff_female"].setValue(0)
    panel.counts["delegates"].setValue(35)
    panel.flags["open_affairs"].setChecked(True)
    assert panel.save()
    saved = load_year(db.sessions, THIS_YEAR)
    assert saved == YearFigures(THIS_YEAR, staff=320, staff_female=0, delegates=35,
                                open_affairs=True)  # untouched counts stay unknown, not 0
    assert panel.state.text() == f"已保存 {THIS_YEAR} 年的数字。"
    assert panel.on_file.text() == f"已填写的年度：{THIS_YEAR}"

    panel.year.setValue(THIS_YEAR - 1)  # a year with nothing on file
    assert panel.counts["staff"].text() == "未填写"
    assert not panel.flags["open_affairs"].isChecked()
    panel.year.setValue(THIS_YEAR)
    assert panel.counts["staff"].value() == 320
    assert panel.counts["staff_female"].text() == "0"
    assert panel.flags["open_affairs"].isChecked()


def test_more_women_than_staff_is_refused_next_to_the_field(window, db, warnings):
    _, panel = open_panel(window)
    panel.counts["staff"].setValue(100)
    panel.counts["staff_female"].setValue(120)
    assert not panel.save()
    assert len(warnings) == 1 and "其中：女职工" in warnings[0] and "未作任何保存" in warnings[0]
    message = panel.rows["staff_female"].message
    assert message.isVisibleTo(panel)
    assert message.text() == "120 人超过了职工人数（100 人），请核对。"
    assert not panel.rows["staff"].message.isVisibleTo(panel)
    assert load_year(db.sessions, THIS_YEAR) is None
    panel.counts["staff_female"].setValue(60)
    assert panel.save()
    assert not message.isVisibleTo(panel)
    assert load_year(db.sessions, THIS_YEAR).staff_female == 60


def test_figures_saved_elsewhere_are_listed(window, db):
    write(db, save_year, YearFigures(2024, staff=10))
    write(db, save_year, YearFigures(2025, staff=12))
    page, panel = open_panel(window)
    page.refresh()
    assert panel.on_file.text() == "已填写的年度：2025、2024"
    panel.year.setValue(2024)
    assert panel.counts["staff"].value() == 10
    assert panel.state.text() == "显示的是已保存的 2024 年数字。"


def test_a_read_only_database_offers_no_save(db, db_path, data_dir, gui_app, qtbot):
    from gonghui_desk.config import log_file, settings_file
    from gonghui_desk.db.database import open_database
    from gonghui_desk.ui.context import AppContext
    from gonghui_desk.ui.pages.settings import SettingsPage
    from gonghui_desk.ui.settings import AppSettings

    db.close()
    reader = open_database(db_path, read_only=True)
    try:
        context = AppContext(reader, data_dir, log_file(data_dir),
                             AppSettings(settings_file(data_dir)))
        page = SettingsPage(context)
        qtbot.addWidget(page)
        assert not page.year_figures.save_button.isEnabled()
    finally:
        reader.close()


def test_counts_carry_thousands_separators_and_the_year_none(window):
    _, panel = open_panel(window)
    panel.counts["staff"].setValue(12345)
    assert panel.counts["staff"].text() == "12,345"
    assert panel.year.text() == str(THIS_YEAR)  # 2026, not 2,026
    panel.counts["staff"].lineEdit().setText("23,456")  # typed (or pasted) with the comma
    panel.counts["staff"].interpretText()
    assert panel.counts["staff"].value() == 23456
