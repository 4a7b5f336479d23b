from PySide6.QtCore import Qt

from gonghui_desk.db.models import Member
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.profile import save_profile
from tests.factories import make_member
from tests.services.test_history_readable import run


def test_settings_lists_the_change_history_newest_first(window, db, qtbot):
    run(db, save_profile, BranchProfile(union_name="甲工会"))
    run(db, save_profile, BranchProfile(union_name="乙工会"))
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.history)
    model = page.history.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 3)) == "修改"
    assert model.data(model.index(0, 4)) == "工会名称：甲工会 → 乙工会"
    assert page.history.count_label.text() == "共 2 条"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "内容"
    view = page.history
    view.table.setCurrentIndex(model.index(0, 0))
    heading, line = view.detail.toPlainText().splitlines()
    assert heading.endswith("修改  工会信息（编号 1）") and line == "工会名称：甲工会 → 乙工会"
    assert not view.table.isColumnHidden(2)
    page.history.search.setText("乙")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert view.detail.toPlainText() == ""  # a new search shows no entry in full yet


def test_member_context_menu_shows_that_members_history(window, db, qtbot):
    with db.session() as session:
        member_id = make_member(session, name="单立新", phone="13800000001").id
    with db.session() as session:
        session.get(Member, member_id).department = "质检部"
    page = window.show_page("members")
    page.table.setCurrentIndex(page.model.index(0, 0))
    dialog = page.show_history()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "修改记录：单立新"
    rows = dialog.view.model.rows
    assert [r.action for r in rows] == ["修改", "新增"]
    assert rows[0].summary == "部门/车间：装配车间 → 质检部"
    model = dialog.view.model
    assert model.data(model.index(0, 2)) == "会员 单立新"
    tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"会员 单立新（编号 {member_id}）"
    assert dialog.view.table.isColumnHidden(2)  # the dialog's title names the member


def test_history_export_from_the_view(window, db, tmp_path):
    run(db, save_profile, BranchProfile(union_name="甲工会"))
    page = window.show_page("settings")
    target = tmp_path / "history.csv"
    page.history.export_to(target)
    assert "甲工会" in target.read_text(encoding="utf-8-sig")
