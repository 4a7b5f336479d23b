"""The contract dialog: the vote's arithmetic as it is typed, the term and the teams checked
live, refusals shown at the field concerned with nothing saved, attachments."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.domain.contract import ContractDraft
from gonghui_desk.domain.contract_team import Negotiator
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.contract_files import attachments
from gonghui_desk.services.contracts import contract_detail, list_contracts, save_contract
from gonghui_desk.services.profile import save_profile
from gonghui_desk.ui.dialogs.contract_dialog import FILES, STEPS, TEAMS, TERMS
from gonghui_desk.ui.style import ERROR_STYLE
from tests.dates import the_day
from tests.factories import write
from tests.ui.test_contract_page import DAY, TEAM, TODAY, add_contract, signed

GREEN = "color: #1e7b34;"


@pytest.fixture(autouse=True)
def answer_yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    said: list[str] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, **k: said.append(text))
    return said


def new_dialog(window):
    return window.show_page("contracts").new_contract()


def vote(dialog, eligible: int, present: int, in_favour: int) -> tuple[str, str]:
    spins = dialog.steps.vote.spins
    spins["eligible"].setValue(eligible)
    spins["present"].setValue(present)
    spins["in_favour"].setValue(in_favour)
    box = dialog.steps.vote
    return box.quorum.text(), box.result.text()


def test_a_new_contract_takes_the_branch_details(window, db):
    write(db, save_profile, BranchProfile(union_name="红星机械工会", unit_name="红星机械",
                                          chair="曾晓梅", unit_nature="私营"))
    dialog = new_dialog(window)
    assert dialog.windowTitle() == "新建集体合同"
    assert dialog.basics.lines["union_name"].text() == "红星机械工会"
    assert dialog.basics.lines["enterprise_name"].text() == "红星机械"
    assert dialog.basics.lines["union_chair"].text() == "曾晓梅"
    assert dialog.basics.enterprise_type.value() == "私营"
    assert not dialog.tabs.isTabEnabled(FILES)
    assert not dialog.basics.previous.isEnabled()  # 首签 follows no contract
    dialog.reject()


def test_the_vote_arithmetic_updates_live_and_turns_green_at_the_boundaries(window):
    dialog = new_dialog(window)
    dialog.tabs.setCurrentIndex(STEPS)
    box = dialog.steps.vote
    assert not box.result.isVisibleTo(dialog)  # nothing typed: what the rule is
    quorum, result = vote(dialog, 90, 60, 46)
    assert quorum == "应到 90 人，实到 60 人（60 ≥ 90 × 2/3 = 60，达到三分之二）"
    assert result == "赞成 46 人（46 > 90 ÷ 2 = 45，超过全体半数，通过）"
    assert box.quorum.styleSheet() == GREEN and box.result.styleSheet() == GREEN
    quorum, result = vote(dialog, 90, 59, 46)  # one short of two thirds
    assert "59 < 90 × 2/3 = 60，不足三分之二，会议无效" in quorum
    assert "到会人数不足，表决无效" in result
    assert box.quorum.styleSheet() == ERROR_STYLE and box.result.styleSheet() == ERROR_STYLE
    quorum, result = vote(dialog, 90, 60, 45)  # exactly half of all is not enough
    assert box.quorum.styleSheet() == GREEN
    assert result == "赞成 45 人（45 ≤ 90 ÷ 2 = 45，未超过全体半数，未通过）"
    assert box.result.styleSheet() == ERROR_STYLE
    dialog.reject()


def test_signing_without_a_passed_vote_is_refused_at_the_signing_date(window, db):
    dialog = new_dialog(window)
    dialog.basics.lines["title"].setText("2026 年度综合集体合同")
    dialog.basics.term_start.set_value(TODAY)
    dialog.basics.term_end.set_value(TODAY + 3 * 365 * DAY - 2 * DAY)
    dialog.steps.dates["meeting_date"].set_value(TODAY - 2 * DAY)
    vote(dialog, 90, 72, 40)
    dialog.steps.dates["signed_date"].set_value(TODAY - DAY)
    dialog.tabs.setCurrentIndex(TERMS)
    assert not dialog.save()
    message = dialog.steps.rows["signed_date"].message
    assert message.isVisibleTo(dialog)
    assert "签订前须经职代会或全体职工大会审议通过" in message.text()
    assert dialog.tabs.currentIndex() == STEPS
    assert dialog.general.text().startswith("未保存：")
    assert "签订日期" in dialog.general.text()
    assert dialog.contract_id is None
    assert list_contracts(db.sessions, today=the_day()) == []
    dialog.reject()


def test_the_term_is_checked_as_it_is_typed(window):
    dialog = new_dialog(window)
    basics = dialog.basics
    basics.term_start.set_value(dt.date(2026, 1, 1))
    basics.term_end.set_value(dt.date(2028, 12, 31))
    assert basics.term_ok.text() == "期限：3 年"
    assert basics.term_ok.isVisibleTo(dialog)
    basics.term_end.set_value(dt.date(2027, 6, 30))
    assert basics.term_ok.text() == "期限：1 年 6 个月"
    basics.term_end.set_value(dt.date(2029, 1, 1))
    message = basics.rows["term_end"].message
    assert message.text() == "期限超过 3 年：从 2026-01-01 起最长到 2028-12-31。"
    assert message.isVisibleTo(dialog) and not basics.term_ok.isVisibleTo(dialog)
    dialog.reject()


def test_team_problems_show_live_and_go_when_fixed(window):
    dialog = new_dialog(window)
    dialog.basics.lines["union_chair"].setText("曾晓梅")
    dialog.basics.lines["legal_representative"].setText("钱志远")
    dialog.tabs.setCurrentIndex(TEAMS)
    teams = dialog.teams
    assert "职工方只有 0 人" in teams.problems.text()
    first = teams.add_person("职工方")  # proposed: the union chair as the chief
    assert [teams.table.item(first, c).text() for c in (0, 1, 2)] == ["职工方", "曾晓梅",
                                                                       "首席代表"]
    boss = teams.add_person("企业方")
    assert teams.table.item(boss, 1).text() == "钱志远"
    for name in ("周建国", "孙丽"):
        teams.set_text(teams.add_person("职工方"), 1, name)
    for name in ("吴敏", "郑海"):
        teams.set_text(teams.add_person("企业方"), 1, name)
    assert teams.problems.text() == "协商代表符合规定"
    assert teams.problems.styleSheet() == GREEN
    assert teams.counts.text() == "职工方 3 人，企业方 3 人"
    teams.set_text(5, 1, "孙丽")  # 郑海's row, now a name on both sides
    assert "孙丽同时在双方，不能兼任。" in teams.problems.text()
    assert teams.problems.styleSheet() == ERROR_STYLE
    teams.set_union_chair(first, False)  # the chief is no longer the chair, no delegation
    assert "须有工会主席的书面委托" in teams.problems.text()
    teams.set_text(first, 5, "2026-09-01 委托书第 3 号")
    teams.set_text(5, 1, "郑海")
    assert teams.problems.text() == "协商代表符合规定"
    dialog.reject()


def test_a_refused_term_field_is_marked_on_its_own_tab(window, db):
    dialog = new_dialog(window)
    dialog.basics.lines["title"].setText("综合集体合同")
    dialog.terms.covered_workers.setValue(100)
    dialog.terms.covered_women.setValue(120)
    dialog.tabs.setCurrentIndex(STEPS)
    assert not dialog.save()
    assert dialog.tabs.currentIndex() == TERMS
    assert dialog.terms.rows["covered_women"].message.text() == "多于覆盖职工数 100 人。"
    dialog.terms.covered_women.setValue(40)
    dialog.terms.wage_increase.setText("-")
    assert not dialog.save()
    assert "不是百分数" in dialog.terms.rows["wage_increase_pct"].message.text()
    dialog.terms.wage_increase.setText("5.5")
    assert dialog.save()
    saved = contract_detail(db.sessions, dialog.contract_id, the_day()).draft.terms
    assert (saved.covered_workers, saved.covered_women, str(saved.wage_increase_pct)) == (
        100, 40, "5.5")
    dialog.reject()


def test_saving_a_new_contract_then_attaching_and_opening_a_file(window, db, tmp_path,
                                                                   monkeypatch):
    dialog = new_dialog(window)
    dialog.basics.lines["title"].setText("2026 年度工资专项集体合同")
    dialog.basics.contract_type.set_value("工资专项集体合同")
    dialog.steps.dates["offer_date"].set_value(TODAY - 3 * DAY)
    assert dialog.save()
    assert dialog.contract_id is not None
    assert dialog.general.text() == "已保存。"
    assert dialog.tabs.isTabEnabled(FILES)
    assert "协商中" in dialog.summary.text()
    assert "书面答复：要约后 20 日内" in dialog.steps.deadlines.text()
    assert not dialog.is_dirty()

    minutes = tmp_path / "协商会议纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")
    dialog.tabs.setCurrentIndex(FILES)
    files = dialog.files
    files.kind.set_value("协商会议纪要")
    files.note.setText("第一次协商")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(minutes), ""))
    files.add_button.click()
    assert files.model.rowCount() == 1
    row = files.model.row(0)
    assert (row.kind, row.filename, row.note) == ("协商会议纪要", "协商会议纪要.pdf", "第一次协商")
    assert [a.filename for a in attachments(db.sessions, dialog.contract_id)] == [
        "协商会议纪要.pdf"]

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    files.table.selectRow(0)
    written = files.open_selected()
    assert opened == [str(written)]
    assert written.read_bytes() == b"%PDF-1.4 minutes"
    target = tmp_path / "out" / "纪要副本.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert files.save_selected_as() == target
    assert target.read_bytes() == b"%PDF-1.4 minutes"
    assert files.remove_selected()
    assert attachments(db.sessions, dialog.contract_id) == []
    dialog.reject()


def test_an_open_contract_shows_its_deadlines_and_keeps_what_is_changed(window, db):
    contract_id = add_contract(db, "综合集体合同", **signed(12))
    page = window.show_page("contracts")
    page.select_contract(contract_id)
    dialog = page.open_selected()
    filing_due = TODAY - 2 * DAY
    assert dialog.windowTitle() == "集体合同：综合集体合同（待备案）"
    assert f"报送备案：签订后 10 日内，至 {filing_due:%Y-%m-%d}（已逾期 2 天）" in (
        dialog.steps.deadlines.text())
    assert dialog.steps.vote.result.text().endswith("通过）")
    assert dialog.teams.problems.text() == "协商代表符合规定"
    dialog.steps.dates["filed_date"].set_value(TODAY)
    dialog.steps.lines["filed_with"].setText("西湖区人力资源和社会保障局")
    assert dialog.is_dirty()
    assert dialog.save()
    detail = contract_detail(db.sessions, contract_id, the_day())
    assert detail.status == "审查中"
    assert detail.draft.filed_with == "西湖区人力资源和社会保障局"
    assert f"至 {filing_due:%Y-%m-%d}，{TODAY:%Y-%m-%d} 办理（逾期 2 天）" in (
        dialog.steps.deadlines.text())  # filed late: said so
    assert "审查中" in dialog.summary.text()
    assert page.model.row(page.model.row_of(contract_id)).status == "审查中"
    dialog.reject()


def test_renaming_and_removing_in_the_teams_tab_touch_only_those_people(window, db):
    contract_id = add_contract(db, "综合集体合同", offer_date=TODAY, offer_side="职工方")
    team = (*TEAM, Negotiator("企业方", "冯涛"))
    write(db, save_contract, contract_detail(db.sessions, contract_id, TODAY).draft, team,
          contract_id)
    before = contract_detail(db.sessions, contract_id, TODAY).negotiators
    dialog = window.show_page("contracts").open_contract(contract_id)
    dialog.teams.set_text(1, 1, "周建华")  # 周建国 renamed
    dialog.teams.table.selectRow(6)  # 冯涛 leaves the team
    dialog.teams.remove_selected()
    assert dialog.save()
    after = contract_detail(db.sessions, contract_id, TODAY).negotiators
    assert [(n.id, n.name) for n in after] == [
        (n.id, "周建华" if i == 1 else n.name) for i, n in enumerate(before[:6])]
    with db.session() as session:
        entries = session.execute(select(ChangeRecord.record_id, ChangeRecord.action).where(
            ChangeRecord.table_name == "contract_negotiator",
            ChangeRecord.action != "create")).all()
    assert sorted(entries) == sorted([(str(before[1].id), "update"),
                                      (str(before[6].id), "delete")])
    dialog.reject()


def test_a_signed_contract_with_broken_teams_is_refused_under_the_teams(window, db):
    contract_id = write(db, save_contract, ContractDraft(title="综合集体合同"), ())
    dialog = window.show_page("contracts").open_contract(contract_id)
    steps = dialog.steps
    for key, value in signed(5).items():
        if key in steps.dates:
            steps.dates[key].set_value(value)
    steps.vote.set_vote(signed(5)["vote"])
    dialog.basics.term_start.set_value(signed(5)["term_start"])
    dialog.basics.term_end.set_value(signed(5)["term_end"])
    assert not dialog.save()
    assert dialog.tabs.currentIndex() == TEAMS
    assert "签订前协商代表须符合规定" in dialog.teams.row.message.text()
    assert contract_detail(db.sessions, contract_id, the_day()).draft.signed_date is None
    dialog.reject()


def test_closing_with_changes_asks_first(window, monkeypatch):
    dialog = new_dialog(window)
    dialog.basics.lines["title"].setText("草稿")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    dialog.reject()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_file_too_big_is_refused_with_the_service_message(window, tmp_path, messages,
                                                            monkeypatch):
    dialog = new_dialog(window)
    dialog.basics.lines["title"].setText("综合集体合同")
    assert dialog.save()
    big = tmp_path / "扫描件.pdf"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert not dialog.files.add_file(Path(big))
    assert "超过 20 MB" in messages[0]
    assert dialog.files.model.rowCount() == 0
    dialog.reject()


def test_filing_is_asked_about_first_and_the_last_step_can_be_taken_back(window, db,
                                                                         monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    contract_id = add_contract(db, "2026 年度综合集体合同", **signed(3))
    dialog = window.show_page("contracts").open_contract(contract_id)
    assert dialog.take_back_button.isVisible()
    assert "“签订”" in dialog.take_back_button.toolTip()
    asked: list[str] = []

    def answer(answer_with):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return answer_with
        return question

    dialog.steps.dates["filed_date"].set_value(TODAY)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not dialog.save()
    assert "“报送备案”" in asked[-1] and "2026 年度综合集体合同" in asked[-1]
    assert "15" in asked[-1]  # the bureau's review period that follows, from the settings
    assert contract_detail(db.sessions, contract_id, TODAY).draft.filed_date is None
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert dialog.save()
    assert contract_detail(db.sessions, contract_id, TODAY).draft.filed_date == TODAY
    assert "“报送备案”" in dialog.take_back_button.toolTip()

    with db.sessions() as session:
        before = len(session.scalars(select(ChangeRecord)).all())
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *args, **kwargs: ("备案日期录错了", True))
    assert dialog.take_back_last_step()
    assert contract_detail(db.sessions, contract_id, TODAY).draft.filed_date is None
    assert contract_detail(db.sessions, contract_id, TODAY).draft.signed_date is not None
    with db.sessions() as session:
        records = session.scalars(select(ChangeRecord)).all()
    assert len(records) > before
    assert any("备案日期录错了" in str(vars(r)) for r in records[before:])
    dialog.reject()


def test_counts_of_people_read_with_thousands_separators(window):
    dialog = new_dialog(window)
    dialog.terms.covered_workers.setValue(3022)
    assert dialog.terms.covered_workers.text() == "3,022 人"
    dialog.reject()
