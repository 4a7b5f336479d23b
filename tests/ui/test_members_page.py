import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gonghui_desk.services.members import MemberFilter
from gonghui_desk.ui.models.member_table import MemberTableModel
from tests.factories import demo_book


@pytest.fixture
def demo_db(db):
    demo_book(db, 600, seed=2)
    return db


def cell(model, row, key):
    from gonghui_desk.ui.models.member_table import COLUMNS

    column = next(i for i, c in enumerate(COLUMNS) if c.key == key)
    return model.data(model.index(row, column))


def show_everyone(page):
    page.filters.reset(everyone=True)
    page.apply_filter()


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
    show_everyone(page)
    qtbot.keyClicks(page.search, phone[-8:])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert cell(page.model, 0, "name") == name


def test_status_filter_everyone_shows_former_members_too(window, demo_db):
    page = window.show_page("members")
    members = page.model.rowCount()
    show_everyone(page)
    assert page.model.rowCount() == 600 > members


def test_clicking_a_header_sorts_in_sql(window, demo_db):
    page = window.show_page("members")
    header = page.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # date of birth, youngest first
    births = [cell(page.model, row, "birth_date") for row in range(20)]
    assert births == sorted(births, reverse=True)
    assert page.model.current_filter.sort_key == "birth_date"


def test_filters_narrow_the_list_and_the_count_follows(window, demo_db):
    page = window.show_page("members")
    everyone = page.model.rowCount()
    bar = page.filters
    bar.department.setCurrentIndex(bar.department.findData("质检部"))
    in_department = page.model.rowCount()
    assert 0 < in_department < everyone
    assert all(cell(page.model, r, "department") == "质检部" for r in range(in_department))
    bar.gender.setCurrentIndex(bar.gender.findData("女"))
    assert all(cell(page.model, r, "gender") == "女" for r in range(page.model.rowCount()))
    assert page.count_label.text() == f"共 {page.model.rowCount()} 人"
    bar.clear_button.click()
    assert page.model.rowCount() == everyone


def test_age_and_migrant_worker_filters(window, demo_db):
    page = window.show_page("members")
    bar = page.filters
    bar.min_age.setValue(30)
    bar.max_age.setValue(39)
    today = dt.date.today()
    for row in range(page.model.rowCount()):
        birth = dt.date.fromisoformat(cell(page.model, row, "birth_date"))
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        assert 30 <= age <= 39
    bar.migrant.setCurrentIndex(bar.migrant.findData(True))
    assert page.model.current_filter.migrant_worker is True


def test_members_on_a_day_view(window, demo_db):
    page = window.show_page("members")
    bar = page.filters
    bar.status.setCurrentIndex(bar.status.count() - 1)
    assert bar.day.isVisibleTo(page)
    bar.day.setDate(bar.day.date().addYears(-50))
    assert page.model.rowCount() == 0  # nobody had joined fifty years ago


def test_column_chooser_hides_columns_and_remembers(window, demo_db, context):
    page = window.show_page("members")
    keys = [c.key for c in COLUMNS_()]
    post = keys.index("post")
    assert not page.table.isColumnHidden(post)
    page.column_actions[post].setChecked(False)
    assert page.table.isColumnHidden(post)
    assert "post" not in context.settings.member_columns
    card = keys.index("card_number")
    assert page.table.isColumnHidden(card)  # hidden until chosen
    page.column_actions[card].setChecked(True)
    assert not page.table.isColumnHidden(card)


def COLUMNS_():
    from gonghui_desk.ui.models.member_table import COLUMNS

    return COLUMNS
