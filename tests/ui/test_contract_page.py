"""The 集体合同 page: statuses and next deadlines in the list, filters, 续签, deleting, the
首页 reminders and the periods under 设置 (the helpers here serve the dialog tests too)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain.contract import ContractDraft, Vote
from gonghui_desk.domain.contract_team import CHIEF, EMPLOYER, WORKERS, Negotiator
from gonghui_desk.domain.dates import add_years
from gonghui_desk.services.contract_files import attach, attachments
from gonghui_desk.services.contracts import (
    SAVE_CONTRACT,
    contract_detail,
    deadline_rules,
    list_contracts,
    save_contract,
)
from gonghui_desk.services.operations import Op, Runner
from gonghui_desk.ui.models.contract_table import GREY, ORANGE, RED
from tests.dates import the_day
from tests.factories import write

TODAY = the_day()
DAY = dt.timedelta(days=1)
PASSED = Vote(eligible=90, present=72, in_favour=68, against=3, abstaining=1)
TEAM = (
    Negotiator(WORKERS, "曾晓梅", CHIEF, "工会主席", union_chair=True),
    Negotiator(WORKERS, "周建国"), Negotiator(WORKERS, "孙丽"),
    Negotiator(EMPLOYER, "钱志远", CHIEF, "总经理"),
    Negotiator(EMPLOYER, "吴敏"), Negotiator(EMPLOYER, "郑海"),
)


def signed(days_ago: int, **more: object) -> dict[str, object]:
    """A contract signed ``days_ago`` after a passed vote, running three years from the
    next day."""
    day = TODAY - days_ago * DAY
    start = day + DAY
    values: dict[str, object] = dict(
        offer_date=day - 40 * DAY, offer_side=WORKERS, reply_date=day - 30 * DAY,
        draft_date=day - 20 * DAY, meeting_date=day, vote=PASSED, signed_date=day,
        term_start=start, term_end=add_years(start, 3) - DAY)
    values.update(more)
    return values


def add_contract(db, title: str, runner: Runner | None = None, **values: object) -> int:
    """Saved as another program would (``write``), or through the window's ``runner``, whose
    pages hear of it."""
    draft = ContractDraft(title=title, enterprise_name="杭州红星机械制造有限公司", **values)
    team = TEAM if values.get("signed_date") else ()
    if runner is not None:
        return runner.run(Op(SAVE_CONTRACT, lambda tx: save_contract(tx, draft, team))).value
    return write(db, save_contract, draft, team)


def four_contracts(db, runner: Runner | None = None) -> dict[str, int]:
    """Reply overdue (协商中), filing overdue (待备案), in force (生效), terminated."""
    return {
        "reply": add_contract(db, "劳动安全卫生专项集体合同", runner,
                              offer_date=TODAY - 25 * DAY, offer_side=WORKERS),
        "file": add_contract(db, "综合集体合同", runner, **signed(12)),
        "force": add_contract(db, "女职工权益保护专项集体合同", runner,
                              **signed(40, filed_date=TODAY - 35 * DAY)),
        "ended": add_contract(db, "综合集体合同（原分公司）", runner,
                              **signed(100, filed_date=TODAY - 95 * DAY,
                                       terminated_date=TODAY - 10 * DAY,
                                       terminated_reason="分公司撤销")),
    }


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


def column(model, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def cell(model, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column(model, key)), role)


def listed(page) -> dict[str, tuple[str, str]]:
    """Title → (status, next deadline) as the list shows them."""
    model = page.model
    return {cell(model, r, "title"): (cell(model, r, "status"), cell(model, r, "next"))
            for r in range(model.rowCount())}


def colour(model, row: int, key: str = "status"):
    brush = cell(model, row, key, Qt.ItemDataRole.ForegroundRole)
    return None if brush is None else brush.color()


def test_an_empty_list_says_what_to_do(window):
    page = window.show_page("contracts")
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)
    assert "新建合同" in page.empty_label.text()
    assert "20" in page.periods.text() and "10" in page.periods.text()


def test_the_list_shows_status_and_next_deadline_most_pressing_first(window, db):
    four_contracts(db)
    page = window.show_page("contracts")
    shown = listed(page)
    reply_due = TODAY - 5 * DAY
    filing_due = TODAY - 2 * DAY
    assert shown["劳动安全卫生专项集体合同"] == (
        ct.NEGOTIATING, f"书面答复 {reply_due:%Y-%m-%d}（已逾期 5 天）")
    assert shown["综合集体合同"] == (ct.TO_FILE, f"报送备案 {filing_due:%Y-%m-%d}（已逾期 2 天）")
    assert shown["女职工权益保护专项集体合同"][0] == ct.IN_FORCE
    assert shown["女职工权益保护专项集体合同"][1].endswith("起可提出续签")
    assert shown["综合集体合同（原分公司）"] == (ct.TERMINATED, "")
    model = page.model
    assert cell(model, 0, "title") == "劳动安全卫生专项集体合同"  # the oldest deadline first
    assert colour(model, 0) == RED and colour(model, 0, "next") == RED
    assert colour(model, 1) == RED
    assert colour(model, 2) is None  # in force
    assert colour(model, 3) == GREY
    assert page.count_label.text() == "4 份合同"


def test_a_filing_due_in_days_is_orange_not_red(window, db):
    add_contract(db, "综合集体合同", **signed(3))
    page = window.show_page("contracts")
    assert cell(page.model, 0, "status") == ct.TO_FILE
    assert colour(page.model, 0) == ORANGE
    assert "还有 7 天" in cell(page.model, 0, "next")


def test_filters_by_status_and_text(window, db, qtbot):
    four_contracts(db)
    page = window.show_page("contracts")
    page.status.setCurrentIndex(page.status.findData(ct.TO_FILE))
    assert list(listed(page)) == ["综合集体合同"]
    page.status.setCurrentIndex(0)
    page.search.setText("女职工")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert list(listed(page)) == ["女职工权益保护专项集体合同"]
    page.search.setText("没有这份合同")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.empty_label.text() == "没有符合筛选条件的合同。"


def test_renewing_opens_a_new_contract_with_its_original_set(window, db):
    ids = four_contracts(db)
    page = window.show_page("contracts")
    page.select_contract(ids["reply"])
    assert not page.renew_button.isEnabled()  # nothing signed to renew yet
    page.select_contract(ids["force"])
    assert page.renew_button.isEnabled()
    dialog = page.renew_selected()
    assert dialog.contract_id is None
    assert dialog.basics.kind.value() == "续签"
    assert dialog.basics.previous.currentData() == ids["force"]
    assert "女职工权益保护专项集体合同" in dialog.windowTitle()
    dialog.basics.lines["title"].setText("女职工权益保护专项集体合同（2029—2031）")
    assert dialog.save()
    detail = contract_detail(db.sessions, dialog.contract_id, the_day())
    assert detail.draft.kind == "续签"
    assert detail.draft.previous_id == ids["force"]
    assert detail.previous_title == "女职工权益保护专项集体合同"
    assert page.selected_id() == dialog.contract_id  # the list shows the new one
    assert cell(page.model, page.model.row_of(dialog.contract_id), "kind") == "续签"


def test_only_an_unsigned_contract_can_be_deleted(window, db, messages, tmp_path):
    ids = four_contracts(db)
    letter = tmp_path / "要约书.pdf"
    letter.write_bytes(b"%PDF-1.4")
    write(db, attach, ids["reply"], letter, "其他")
    page = window.show_page("contracts")
    page.select_contract(ids["file"])
    assert not page.delete_selected()
    assert "不能删除" in messages[0]
    assert ids["file"] in [r.id for r in list_contracts(db.sessions, today=the_day())]
    page.select_contract(ids["reply"])
    assert page.delete_selected()
    assert ids["reply"] not in [r.id for r in list_contracts(db.sessions, today=the_day())]
    assert "劳动安全卫生专项集体合同" not in listed(page)
    assert attachments(db.sessions, ids["reply"]) == []  # gone with it


def test_a_home_reminder_opens_its_contract(window, db):
    ids = four_contracts(db, window.context.runner)
    window.show_page("contracts")
    home = window.show_page("home")  # it heard of the contracts saved
    reminders = home.contract_reminders
    texts = [reminders.item(i).text() for i in range(reminders.count())]
    overdue = next(t for t in texts if "报送备案" in t)
    assert "已逾期 2 天" in overdue
    assert any("书面答复已逾期 5 天" in t for t in texts)
    assert not any("原分公司" in t for t in texts)  # terminated: nothing to remind of
    home.open_contract_reminder(reminders.item(texts.index(overdue)))
    assert window.current_page_key() == "contracts"
    page = window.pages["contracts"]
    assert page.selected_id() == ids["file"]
    assert page.dialog is not None and page.dialog.contract_id == ids["file"]
    assert "待备案" in page.dialog.summary.text()
    page.dialog.reject()


def test_a_reminder_opens_its_contract_through_a_filter_that_hides_it(window, db):
    ids = four_contracts(db)
    page = window.show_page("contracts")
    page.status.setCurrentIndex(page.status.findData(ct.TERMINATED))
    page.show_record(ids["file"])
    assert page.status.currentIndex() == 0
    assert page.dialog.contract_id == ids["file"]
    page.dialog.reject()


def test_home_says_when_there_is_no_contract_reminder(window):
    home = window.show_page("home")
    assert home.contract_reminders.count() == 0
    assert home.no_contract_reminders.isVisibleTo(home)


def test_settings_save_a_period_and_refuse_zero(window, db):
    settings = window.show_page("settings")
    settings.tabs.setCurrentWidget(settings.contract_rules_tab)
    panel = settings.contract_rules
    assert panel.spins["filing_days"].value() == 10
    panel.spins["filing_days"].setValue(15)
    assert panel.save()
    assert deadline_rules(db.sessions).filing_days == 15
    assert panel.state.text() == "已保存。"
    panel.spins["reply_days"].setValue(0)
    assert not panel.save()
    assert panel.rows["reply_days"].message.text() == "应在 1 到 60 之间。"
    assert panel.rows["reply_days"].message.isVisibleTo(panel)
    assert deadline_rules(db.sessions).reply_days == 20
    panel.defaults_button.click()
    assert panel.spins["reply_days"].value() == 20
    assert panel.spins["filing_days"].value() == 10


def test_a_saved_period_moves_the_deadlines_in_the_list(window, db):
    add_contract(db, "综合集体合同", **signed(12))
    settings = window.show_page("settings")
    settings.tabs.setCurrentWidget(settings.contract_rules_tab)
    settings.contract_rules.spins["filing_days"].setValue(15)
    assert settings.contract_rules.save()
    page = window.show_page("contracts")
    assert "还有 3 天" in cell(page.model, 0, "next")
    assert "15 日" in page.periods.text()


@pytest.mark.parametrize(("when", "reminded", "shade"), [
    pytest.param("还有 4 天", False, ORANGE, marks=pytest.mark.today("2026-12-28")),
    pytest.param("还有 3 天", True, ORANGE, marks=pytest.mark.today("2026-12-29")),
    pytest.param("还有 1 天", True, ORANGE, marks=pytest.mark.today("2026-12-31")),
    pytest.param("今天到期", True, ORANGE, marks=pytest.mark.today("2027-01-01")),
    pytest.param("已逾期 1 天", True, RED, marks=pytest.mark.today("2027-01-02")),
])
def test_a_filing_due_on_new_years_day_across_the_turn_of_the_year(window, db, when, reminded,
                                                                   shade):
    signed_on = dt.date(2026, 12, 22)  # filing within 10 days: by 1 January
    start = signed_on + DAY
    add_contract(db, "综合集体合同", window.context.runner, offer_date=signed_on - 40 * DAY,
                 offer_side=WORKERS, reply_date=signed_on - 30 * DAY,
                 draft_date=signed_on - 20 * DAY,
                 meeting_date=signed_on, vote=PASSED, signed_date=signed_on, term_start=start,
                 term_end=add_years(start, 3) - DAY)
    page = window.show_page("contracts")
    assert when in cell(page.model, 0, "next")
    assert colour(page.model, 0) == shade
    home = window.show_page("home")
    texts = [home.contract_reminders.item(i).text()
             for i in range(home.contract_reminders.count())]
    wanted = f"综合集体合同：2026-12-22 签订，应于 2027-01-01 前报送备案（{when}）"
    assert (wanted in texts) is reminded


def test_the_enterprise_column_shows_the_whole_name_and_can_be_dragged_wider(window, db):
    page = window.show_page("contracts")
    add_contract(db, "综合集体合同", window.context.runner, offer_date=TODAY)
    enterprise = [c.key for c in page.model.columns].index("enterprise")
    header = page.table.horizontalHeader()
    name_width = page.table.fontMetrics().horizontalAdvance("杭州红星机械制造有限公司")
    assert header.sectionSize(enterprise) >= name_width  # the name whole, not cut with …
    assert header.sectionResizeMode(enterprise) == header.ResizeMode.Interactive
    header.resizeSection(enterprise, name_width + 120)  # the chair drags it wider
    add_contract(db, "工资专项集体合同", window.context.runner, offer_date=TODAY)
    assert page.model.rowCount() == 2
    assert header.sectionSize(enterprise) == name_width + 120  # kept, not fitted again
