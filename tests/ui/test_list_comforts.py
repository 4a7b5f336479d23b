"""Lists that behave: a new search starts at the top, the detail panel at the name, an empty
list says why, counts are grouped, and the column layout survives a restart."""

import pytest
from PySide6.QtCore import Qt

from gonghui_desk.config import settings_file
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.members import MemberFilter, search_ids
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.main_window import MainWindow
from gonghui_desk.ui.models.member_table import COLUMNS
from gonghui_desk.ui.settings import AppSettings
from gonghui_desk.ui.widgets.member_picker import MemberPicker
from tests.factories import demo_book, make_member, write


@pytest.fixture
def demo_db(db):
    demo_book(db, 400, seed=3)
    return db


def column(key):
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def members_page(window, qtbot):
    window.resize(1100, 600)
    page = window.show_page("members")
    page.filters.reset(everyone=True)
    page.apply_filter()
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().maximum() > 0)
    return page


def test_a_new_search_shows_the_list_from_its_first_row(window, demo_db, qtbot):
    page = members_page(window, qtbot)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    page.search.setText("z")  # many people, more than one screen
    qtbot.waitUntil(lambda: page.model.rowCount() < 400)
    assert page.model.rowCount() > 30
    assert bar.value() == 0
    assert page.table.rowAt(0) == 0  # the first result is the first row seen


def test_a_new_filter_shows_the_list_from_its_first_row(window, demo_db, qtbot):
    page = members_page(window, qtbot)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    page.filters.gender.setCurrentIndex(page.filters.gender.findData("女"))
    assert page.model.rowCount() < 400
    assert bar.value() == 0


def test_the_same_list_asked_again_keeps_its_place(window, demo_db, qtbot):
    page = members_page(window, qtbot)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    page.refresh()  # as after an edit elsewhere
    assert bar.value() == where


def test_picking_another_member_shows_their_name_at_the_top(window, demo_db, qtbot):
    page = members_page(window, qtbot)
    window.resize(1100, 500)
    page.table.selectRow(0)
    area = page.detail.scroll_area
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    page.table.selectRow(1)
    assert area.verticalScrollBar().value() == 0
    assert page.detail.heading.text() == page.model.data(page.model.index(1, 0))


def test_an_id_tail_search_lists_the_tail_matches_first_and_says_why(window, db, qtbot):
    with db.session() as s:
        make_member(s, name="阿美", phone="13900000001", id_number="110105196860010013")
        make_member(s, name="周敏", phone="13900000003", id_number="110105199001019686")
        make_member(s, name="张伟", phone="13800009686", id_number="110105199003070025")
    page = window.show_page("members")
    page.search.setText("9686")
    qtbot.waitUntil(lambda: page.model.current_filter.text == "9686")
    model = page.model
    names = [model.data(model.index(r, 0)) for r in range(3)]
    assert names == ["张伟", "周敏", "阿美"]  # the two tails first, by name; then the rest
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "身份证号末尾 9686 相符"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "手机号末尾 9686 相符"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(1, column("id_number")), Qt.ItemDataRole.FontRole).bold()
    page.search.setText("019686")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert model.data(model.index(0, column("id_number"))) == "110105******019686"


def test_an_empty_result_says_so_in_the_list(window, demo_db, qtbot):
    page = members_page(window, qtbot)
    assert not page.empty_hint.isVisible()
    page.search.setText("不存在的名字")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.empty_hint.isVisible()
    assert page.empty_hint.text() == "没有符合条件的会员，试试更短的关键词或清除筛选。"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert not page.empty_hint.isVisible()


def test_an_empty_book_says_how_to_bring_members_in(window, db, qtbot):
    page = window.show_page("members")
    assert page.empty_hint.isVisible()
    assert "新增会员" in page.empty_hint.text() and "导入" in page.empty_hint.text()


def test_the_count_carries_thousands_separators(window, db, qtbot):
    write(db, fill_demo, 1200, seed=5)
    page = members_page(window, qtbot)
    assert page.count_label.text() == "共 1,200 人"
    picker = MemberPicker(db.sessions)
    qtbot.addWidget(picker)
    picker.search.setText("1")  # in nearly every ID number and mobile
    picker.run_search()
    total = len(search_ids(db.sessions, MemberFilter(text="1")))
    assert total > 1000
    assert f"{total:,}" in picker.note.text()


def reopen(context, qtbot):
    settings = AppSettings(settings_file(context.data_dir))
    again = MainWindow(settings)
    again.attach(AppContext(db=context.db, data_dir=context.data_dir,
                            log_path=context.log_path, settings=settings,
                            location=context.location))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    return again


def test_column_layout_and_sorting_come_back_after_a_restart(window, context, demo_db, qtbot):
    page = window.show_page("members")
    header = page.table.horizontalHeader()
    header.resizeSection(column("department"), 222)
    header.moveSection(header.visualIndex(column("status")), 1)
    page.column_actions[column("post")].setChecked(False)  # hide 岗位
    header.setSortIndicator(column("birth_date"), Qt.SortOrder.DescendingOrder)
    first = page.model.member_id(0)
    window.close()

    again = reopen(context, qtbot).show_page("members")
    header = again.table.horizontalHeader()
    assert header.sectionSize(column("department")) == 222
    assert header.visualIndex(column("status")) == 1
    assert again.table.isColumnHidden(column("post"))
    assert header.sortIndicatorSection() == column("birth_date")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert again.model.member_id(0) == first  # the rows in that order, too
