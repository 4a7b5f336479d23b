from PySide6.QtCore import Qt

from gonghui_desk.db.models import Member
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.profile import save_profile
from tests.factories import make_member


def test_settings_lists_the_change_history_newest_first(window, db, qtbot):
    save_profile(db.sessions, BranchProfile(union_name="甲工会"))
    save_profile(db.sessions, BranchProfile(union_name="乙工会"))
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.history)
    model = page.history.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 3)) == "修改"
    assert model.data(model.index(0, 4)) == "工会名称：甲工会 → 乙工会"
    assert page.history.count_label.text() == "共 2 条"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "内容"
    page.history.search.setText("乙")
    qtbot.waitUntil(lambda: model.rowCount() == 1)


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


def test_history_export_from_the_view(window, db, tmp_path):
    save_profile(db.sessions, BranchProfile(union_name="甲工会"))
    page = window.show_page("settings")
    target = tmp_path / "history.csv"
    page.history.export_to(target)
    assert "甲工会" in target.read_text(encoding="utf-8-sig")
