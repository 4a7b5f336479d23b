import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.members import MemberFilter
from gonghui_desk.ui.models.member_table import MemberTableModel


@pytest.fixture
def demo_db(db):
    list(fill_demo(db.sessions, 600, seed=2, as_of=dt.date(2026, 11, 21)))
    return db


def cell(model, row, key):
    from gonghui_desk.ui.models.member_table import COLUMNS

    column = next(i for i, c in enumerate(COLUMNS) if c.key == key)
    return model.data(model.index(row, column))


def test_model_passes_qt_model_checks(demo_db, qtmodeltester):
    model = MemberTableModel(demo_db.sessions)
    model.set_filter(MemberFilter())
    qtmodeltester.check(model)


def test_rows_are_loaded_lazily_a_page_at_a_time(demo_db):
    model = MemberTableModel(demo_db.sessions)
    model.set_filter(MemberFilter())
    assert model.rowCount() == 600
    cell(model, 450, "name")
    assert len(model._rows) == MemberTableModel.PAGE_SIZE


def test_page_lists_members_with_masked_ids_and_a_count(window, demo_db, qtbot):
    page = window.show_page("members")
    model = page.model
    assert page.count_label.text() == f"共 {model.rowCount()} 人"
    assert 0 < model.rowCount() < 600  # former members hidden by default
    masked = cell(model, 0, "id_number")
    assert "********" in masked and len(masked) == 18
    assert "****" in cell(model, 0, "phone")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_search_box_filters_after_typing(window, demo_db, qtbot):
    page = window.show_page("members")
    name = cell(page.model, 5, "name")
    page.search.setText(name)  # an input method commits Chinese text in one go like this
    qtbot.waitUntil(lambda: page.model.rowCount() < 50)
    for row in range(page.model.rowCount()):
        assert name in cell(page.model, row, "name")


def test_typing_the_last_digits_of_a_phone_finds_the_member(window, demo_db, qtbot):
    from gonghui_desk.db.models import Member

    with demo_db.session() as session:
        phone, name = session.query(Member.phone, Member.name).filter(Member.id == 7).one()
    page = window.show_page("members")
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)  # everyone
    qtbot.keyClicks(page.search, phone[-8:])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert cell(page.model, 0, "name") == name


def test_status_filter_everyone_shows_former_members_too(window, demo_db):
    page = window.show_page("members")
    members = page.model.rowCount()
    page.status_filter.setCurrentIndex(page.status_filter.count() - 1)
    assert page.model.rowCount() == 600 > members


def test_clicking_a_header_sorts_in_sql(window, demo_db):
    page = window.show_page("members")
    header = page.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # date of birth, youngest first
    births = [cell(page.model, row, "birth_date") for row in range(20)]
    assert births == sorted(births, reverse=True)
    assert page.model.current_filter.sort_key == "birth_date"
