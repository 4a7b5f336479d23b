"""The registers' lists (帮扶, 疗休养, 集体合同, 修改记录) start a new search or filter at their
first row, and the hardship list keeps its column layout across a restart."""

import pytest
from PySide6.QtCore import Qt

from tests.factories import demo_book
from tests.ui.test_list_comforts import reopen


@pytest.fixture
def demo_db(db):
    demo_book(db, 400, seed=3)
    return db


def register(window, key):
    page = window.show_page(key)
    return page.applications if key == "recuperation" else page


def narrowing_choice(lister, combos):
    """A filter and a choice in it that leave several rows but not all."""
    total = lister.model.rowCount()
    for name in combos:
        combo = getattr(lister, name)
        for index in range(1, combo.count()):
            combo.setCurrentIndex(index)
            if 3 <= lister.model.rowCount() < total:
                return combo, index
            combo.setCurrentIndex(0)
    raise AssertionError("no choice narrows the demo list")


@pytest.mark.parametrize(("key", "combos"), [
    ("hardship", ("category", "group")), ("recuperation", ("state", "verdict", "department")),
])
def test_a_new_filter_starts_the_register_at_its_first_row(window, demo_db, qtbot, key, combos):
    lister = register(window, key)
    lister.table.setFixedHeight(70)  # a row in sight: the demo's short list scrolls
    chooser, index = narrowing_choice(lister, combos)
    chooser.setCurrentIndex(0)
    bar = lister.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    chooser.setCurrentIndex(index)
    assert bar.value() == 0
    assert lister.table.rowAt(0) == 0


def test_a_new_search_starts_the_contracts_at_their_first_row(window, demo_db, qtbot):
    page = window.show_page("contracts")
    page.table.setFixedHeight(70)
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    page.search.setText("专项")
    qtbot.waitUntil(lambda: page.model.rowCount() < 11)
    assert page.model.rowCount() >= 3
    assert bar.value() == 0


def test_a_new_search_starts_the_change_history_at_its_first_row(window, demo_db, qtbot):
    view = window.show_page("settings").history
    view.reload()
    bar = view.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    view.search.setText("入会")
    view.reload()
    assert view.model.rowCount() > 20
    assert bar.value() == 0


def test_an_empty_history_search_says_so(window, demo_db, qtbot):
    view = window.show_page("settings").history
    view.search.setText("没有这样的修改")
    view.reload()
    assert view.model.rowCount() == 0
    assert view.empty_hint.isVisibleTo(view)
    assert view.empty_hint.text() == "没有符合条件的修改记录，试试更短的关键词。"


def test_the_hardship_list_keeps_its_layout_and_order_after_a_restart(
        window, context, demo_db, qtbot):
    page = window.show_page("hardship")
    header = page.table.horizontalHeader()
    header.resizeSection(1, 177)
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    first = page.model.row(0).id
    window.close()

    again = reopen(context, qtbot).show_page("hardship")
    header = again.table.horizontalHeader()
    assert header.sectionSize(1) == 177
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        2, Qt.SortOrder.DescendingOrder)
    assert again.model.row(0).id == first
