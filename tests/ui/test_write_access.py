"""Read-only is decided in one place in the UI (ui/write_access.py): no other module reads
the book's read-only state, and on a read-only book the write controls are greyed out with
the reason, record dialogs open to be looked at, and a write asked anyway is refused."""

import ast
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.operations import Op, ReadOnlyBook
from gonghui_desk.services.profile import SAVE_PROFILE, load_profile, save_profile
from tests.factories import make_member, write
from tests.ui.test_contract_page import add_contract, signed
from tests.ui.test_hardship_dialog import REGION, START, WANG

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "gonghui_desk" / "ui"
ONE_PLACE = "gonghui_desk/ui/write_access.py"
STATE = {"read_only", "read_only_reason"}
DATABASE = {"db", "database"}  # how ui/ names the open book: context.db, self.db, db
FULL_DISK = ("磁盘 /data 已满（剩余 0 KB），数据库以只读方式打开：可以查看和备份到其他磁盘，"
             "不能修改。请删除不需要的文件或清空回收站，腾出至少 5 MB 后重新打开。")
ANOTHER_PC = "只读：另一台电脑正在修改这个数据库，这里只能查看，不能修改。"


def _is_database(node: ast.expr) -> bool:
    return ((isinstance(node, ast.Name) and node.id in DATABASE)
            or (isinstance(node, ast.Attribute) and node.attr in DATABASE))


def reads_of_the_read_only_state(source: str) -> list[int]:
    """The lines reading the book's read-only state: ``X.db.read_only``, ``db.read_only``
    (and ``database.…``), any ``.read_only_reason`` (only the Database has one), and the
    same through ``getattr``. A widget's ``set_read_only``, ``QLineEdit.setReadOnly`` and a
    dialog's own ``self.read_only`` (its view mode) are other things and pass."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in STATE:
            if node.attr == "read_only_reason" or _is_database(node.value):
                found.append(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id == "getattr" and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and node.args[1].value in STATE):
            found.append(node.lineno)
    return sorted(found)


def test_the_rule_catches_the_book_and_leaves_widgets_alone():
    source = "\n".join([
        "if context.db.read_only: pass",                 # 1
        "why = self.context.db.read_only_reason",        # 2
        "ok = not db.read_only",                         # 3
        "ok = getattr(page.context.db, 'read_only')",    # 4
        "tab.set_read_only(True)",                       # 5
        "line.setReadOnly(True)",                        # 6
        "self.read_only = not writable(context)",        # 7
        "if self.read_only: pass",                       # 8
        "def set_read_only(self, read_only): pass",      # 9
    ])
    assert reads_of_the_read_only_state(source) == [1, 2, 3, 4]


def test_only_write_access_reads_the_books_read_only_state():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name == ONE_PLACE:
            continue
        for line in reads_of_the_read_only_state(path.read_text(encoding="utf-8")):
            offenders.append(f"{name}:{line}")
    assert offenders == [], (
        "read the book's read-only state through gonghui_desk.ui.write_access "
        "(writable, why_read_only, enable_writes, view_only_banner), not here:\n"
        + "\n".join(offenders))


def test_write_access_does_read_it():
    source = (ROOT / ONE_PLACE).read_text(encoding="utf-8")
    assert reads_of_the_read_only_state(source)  # so that the rule is not blind


# -- a read-only book on screen --------------------------------------------------------


@pytest.fixture
def book(context):
    """A member, a hardship file and a contract, written while the book was writable."""
    db = context.db
    with db.session() as session:
        member_id = make_member(session, name="张三").id
    file_id = write(db, hs.open_file, FileDraft(name="王大力", id_number=WANG, region=REGION),
                    START, "张主席")
    contract_id = add_contract(db, "综合集体合同", **signed(12))
    return {"member": member_id, "file": file_id, "contract": contract_id}


def read_only(context, reason: str) -> None:
    """The book as open_database leaves it when it could not be opened for writing."""
    context.db.read_only = True
    context.db.read_only_reason = reason


def greyed(control, reason: str) -> bool:
    """Greyed out, the reason in its tooltip (a line per sentence)."""
    return not control.isEnabled() and reason in control.toolTip().replace("\n", "")


BOTH = pytest.mark.parametrize("reason, shown", [("", ANOTHER_PC), (FULL_DISK, FULL_DISK)],
                               ids=["another-computer", "disk-full"])


@BOTH
def test_members_page_offers_no_add_edit_or_delete(context, book, qtbot, reason, shown):
    from gonghui_desk.ui.pages.members import MembersPage

    read_only(context, reason)
    page = MembersPage(context)
    qtbot.addWidget(page)
    page.refresh()
    page.select_member(book["member"])
    assert page.detail.member_id == book["member"]  # looked at all the same
    assert greyed(page.add_button, shown)
    assert greyed(page.edit_action, shown) and greyed(page.delete_action, shown)
    assert greyed(page.import_action, shown)
    assert page.history_action.isEnabled()
    provincial, masked, full = page.export_menu.button.menu().actions()
    assert greyed(provincial, shown) and greyed(full, shown)
    assert provincial.toolTip().replace("\n", "") == shown  # not the menu text after it
    assert masked.isEnabled()


@BOTH
def test_hardship_file_opens_to_be_looked_at_with_the_reason(context, book, qtbot, reason,
                                                             shown):
    from gonghui_desk.ui.dialogs.hardship_file import HardshipFileDialog

    read_only(context, reason)
    dialog = HardshipFileDialog(context, book["file"])
    qtbot.addWidget(dialog)
    assert dialog.banner.isVisibleTo(dialog) and dialog.banner.text() == shown
    assert not dialog.save_button.isVisibleTo(dialog)
    assert dialog.applicant.line("name").isReadOnly()
    assert greyed(dialog.payments.record_button, shown)
    assert not dialog.is_dirty()


@BOTH
def test_contract_opens_to_be_looked_at_with_the_reason(context, book, qtbot, reason, shown):
    from gonghui_desk.ui.dialogs.contract_dialog import ContractDialog

    read_only(context, reason)
    dialog = ContractDialog(context, book["contract"])
    qtbot.addWidget(dialog)
    assert dialog.banner.isVisibleTo(dialog) and dialog.banner.text() == shown
    assert not dialog.save_button.isVisibleTo(dialog)
    assert not dialog.files.add_button.isEnabled()


@BOTH
def test_the_status_bar_says_the_book_is_read_only_and_why(context, qtbot, reason, shown):
    from gonghui_desk.ui.main_window import MainWindow

    read_only(context, reason)
    window = MainWindow(context.settings)
    qtbot.addWidget(window)
    window.attach(context)
    assert "只读" in window.database_label.text()
    assert window.database_label.toolTip() == shown


@BOTH
def test_settings_page_offers_no_profile_save(context, qtbot, reason, shown):
    from gonghui_desk.ui.pages.settings import SettingsPage

    read_only(context, reason)
    page = SettingsPage(context)
    qtbot.addWidget(page)
    assert greyed(page.save_button, shown)
    assert greyed(page.password_button, shown)


def test_a_closed_file_says_it_is_closed_rather_than_the_books_reason(context, book, qtbot):
    from gonghui_desk.domain import hardship_process as hp
    from gonghui_desk.ui.dialogs.hardship_file import HardshipFileDialog

    write(context.db, hs.take_step, book["file"],
          hp.Step(hp.DECLINED, START, "张主席", note="家庭收入高于标准"))
    read_only(context, FULL_DISK)
    dialog = HardshipFileDialog(context, book["file"])
    qtbot.addWidget(dialog)
    assert dialog.read_only and not dialog.save_button.isVisibleTo(dialog)
    assert dialog.banner.text().startswith(f"该档案已结档（{hp.CLOSED_DECLINED}）")


@BOTH
def test_a_write_asked_anyway_is_refused_in_chinese_and_writes_nothing(
        context, qtbot, monkeypatch, reason, shown):
    read_only(context, reason)
    profile = replace(load_profile(context.db.sessions), union_name="某某机械有限公司工会委员会")
    with pytest.raises(ReadOnlyBook) as refused:
        context.runner.run(Op(SAVE_PROFILE, lambda tx: save_profile(tx, profile)))
    assert f"不能{SAVE_PROFILE}" in refused.value.message
    assert "数据没有改动" in refused.value.message
    if reason:
        assert reason in refused.value.message
    assert load_profile(context.db.sessions).union_name == ""

    from gonghui_desk.ui.pages.settings import SettingsPage

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.profile_inputs["union_name"].setText("某某机械有限公司工会委员会")
    assert not page.save_profile()  # the button is greyed; the runner refuses all the same
    assert said and f"不能{SAVE_PROFILE}" in said[0]
    assert load_profile(context.db.sessions).union_name == ""
