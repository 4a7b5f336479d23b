"""首次使用 on 首页: an empty book shows the three steps numbered, each button goes where
its step is done, a step ticks when the book holds what it makes, and the box goes away when
all three are done."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import QApplication

from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import SAVE_PROFILE, load_profile, save_profile
from gonghui_desk.ui.dialogs.import_wizard import ImportWizard
from gonghui_desk.ui.widgets.first_steps import DONE_MARK
from tests.factories import make_member
from tests.ui.test_contract_page import add_contract


def _marks(box) -> list[str]:
    return [mark.text() for mark in box.marks]


def test_an_empty_book_shows_three_numbered_steps(window):
    box = window.show_page("home").first_steps
    assert box.isVisible()
    assert box.title() == "首次使用"
    assert _marks(box) == ["1", "2", "3"]
    assert box.texts[0].text().startswith("填写工会信息")
    assert [b.text() for b in box.buttons[1]] == ["导入会员…", "新增会员…"]


def test_the_buttons_go_where_the_step_is_done(window, qtbot):
    box = window.show_page("home").first_steps
    box.buttons[0][0].click()
    assert window.current_page_key() == "settings"
    window.show_page("home")
    box.buttons[1][0].click()  # 导入会员…: the members page, with the import wizard open
    assert window.current_page_key() == "members"
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportWizard))
    QApplication.activeModalWidget().reject()
    window.show_page("home")
    box.buttons[2][2].click()
    assert window.current_page_key() == "contracts"


def test_steps_tick_as_the_book_fills_and_the_box_goes(window, qtbot, db):
    home = window.show_page("home")
    box = home.first_steps
    runner = window.context.runner
    profile = replace(load_profile(db.sessions), union_name="某某机械有限公司工会委员会")
    runner.run(Op(SAVE_PROFILE, lambda tx: save_profile(tx, profile)))
    qtbot.waitUntil(lambda: _marks(box) == [DONE_MARK, "2", "3"])
    assert box.marks[0].toolTip() == "已完成"
    runner.run(Op("新增会员", lambda tx: make_member(tx.session)))
    qtbot.waitUntil(lambda: _marks(box) == [DONE_MARK, DONE_MARK, "3"])
    assert box.isVisible()
    add_contract(db, "综合集体合同", runner, offer_date=dt.date(2026, 11, 1))
    qtbot.waitUntil(lambda: not box.isVisible())
