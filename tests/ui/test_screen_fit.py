"""Every page and every dialog on a laptop's screen: 1366×768 and 1280×720, each less a
40 px taskbar (tests/laptop_screens.json), with a title bar of 30 px above each window.

A window fits when its frame lies inside the free screen, its buttons lie inside it and
outside any scroll area (so they show however long the form), and nothing else sticks out
of it; a list column whose value the chair must read whole is as wide as that value.
"""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableView,
    QWidget,
    QWizard,
)

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.ui import screen_fit, tasks
from gonghui_desk.ui.dialogs.crash import CrashDialog
from gonghui_desk.ui.dialogs.officer import OfficerDialog
from gonghui_desk.ui.pages import PAGES
from tests.factories import demo_book
from tests.ui.test_import_wizard import FIRST, roster

# Whether a window fits the screen is the same on every day.
pytestmark = pytest.mark.any_day

TITLE_BAR = 30
TASKBAR = 40
SCREENS = ("1366x768", "1280x720")


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    """Background work inline; every question answered Yes."""
    monkeypatch.setattr(tasks, "RUN_INLINE", True)
    for kind in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda *args, **kwargs: QMessageBox.StandardButton.Yes)


@pytest.fixture
def book(db):
    demo_book(db, 150, seed=5)
    return db


def screen(name: str):
    return next(s for s in QGuiApplication.screens() if s.name() == name)


@pytest.fixture(params=SCREENS)
def laptop(request, book, window, monkeypatch):
    """The main window as it opens on that screen: the test process's own screen is the
    1366×768 one; the 1280×720 one is what the windows are told the free screen is, and
    the main window fills it, borders and all, as a chair would drag it out there."""
    free = QGuiApplication.primaryScreen().availableGeometry()
    if request.param == "1280x720":
        free = QRect(0, 0, 1280, 720 - TASKBAR)
        monkeypatch.setattr(screen_fit, "screen_area", lambda window: QRect(free))
        window.setGeometry(free.adjusted(8, TITLE_BAR, -8, -8))
    else:
        assert free.size() == QSize(1366, 768 - TASKBAR)
        window.move(free.topLeft() + QPoint(0, TITLE_BAR))
    settle()
    return window, free


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def framed(widget: QWidget) -> QRect:
    return widget.geometry().adjusted(0, -TITLE_BAR, 0, 0)


def in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def buttons_of(dialog: QWidget) -> list[QWidget]:
    if isinstance(dialog, QWizard):
        return [dialog.button(b) for b in (QWizard.WizardButton.NextButton,
                                           QWizard.WizardButton.FinishButton,
                                           QWizard.WizardButton.CancelButton)
                if dialog.button(b).isVisible()]
    return [b for box in dialog.findChildren(QDialogButtonBox) if box.isVisible()
            for b in box.buttons() if b.isVisible()]


def assert_fits(window: QWidget, free: QRect, what: str) -> None:
    settle()
    assert window.isVisible(), what
    assert free.contains(framed(window)), (
        f"{what}: {framed(window)} with its title bar is not inside the free screen {free}")
    inside = window.rect()
    for button in buttons_of(window):
        assert inside.contains(rect_in(button, window)), f"{what}: {button.text()} is cut off"
        assert not in_scroll_area(button, window), f"{what}: {button.text()} scrolls away"
    for child in window.findChildren(QWidget):
        if child.isVisible() and child.isWindow() is False and not in_scroll_area(child, window):
            assert inside.contains(rect_in(child, window)), (
                f"{what}: {type(child).__name__} {child.objectName()!r} sticks out "
                f"({rect_in(child, window)} in {inside})")


def assert_whole(table: QTableView, column: int, what: str) -> None:
    """The column is as wide as its widest entry (what a double-click on its edge makes),
    here and in the larger text of a PC set to 125 % or with a wider Chinese font."""
    assert table.model().rowCount() > 0, what
    base = table.font()
    for scale in (1.0, 1.25):
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * scale)
        table.setFont(font)
        settle()
        needed = table.sizeHintForColumn(column)
        assert table.columnWidth(column) >= needed, (
            f"{what} at {scale:.0%}: the column is {table.columnWidth(column)} px, "
            f"its text needs {needed} px")
    table.setFont(base)


def close(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.done(QDialog.DialogCode.Rejected)
    else:
        dialog.close()
    settle()


def select_first(page) -> None:
    page.table.selectRow(0)
    settle()


def test_every_page_fits(laptop):
    window, free = laptop
    for spec in PAGES:
        window.show_page(spec.key)
        assert_fits(window, free, f"page {spec.key}")


def opened_dialogs(window) -> list[tuple[str, Callable[[], QWidget | None]]]:
    members = window.show_page("members")
    return [
        ("new member", members.add_member),
        ("member", lambda: (select_first(members), members.edit_member())[1]),
        ("membership change", lambda: (select_first(members), members.change_membership())[1]),
        ("recycle bin", members.open_recycle_bin),
        ("history", lambda: (select_first(members), members.show_history())[1]),
        ("import history", members.open_import_history),
        ("about", window.show_about),
    ]


def test_every_members_dialog_fits(laptop):
    window, free = laptop
    for what, open_it in opened_dialogs(window):
        dialog = open_it()
        assert dialog is not None, what
        assert_fits(dialog, free, what)
        close(dialog)


def test_the_import_wizard_fits_on_every_page(laptop, tmp_path):
    window, free = laptop
    wizard = window.show_page("members").import_members()
    assert_fits(wizard, free, "import: file")
    wizard.file_page.path.setText(str(roster(tmp_path / "名册.xlsx", FIRST)))
    wizard.file_page.load_sheets()
    wizard.next()
    assert_fits(wizard, free, "import: columns")
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert_fits(wizard, free, "import: rows")
    close(wizard)


def test_every_kind_of_aid_keeps_its_buttons_on_the_screen(laptop):
    """医疗救助 and 助学 ask the most: the dialog opens for a short kind, grows when one of
    them is chosen, and stays on the screen with 保存 / 取消 in view."""
    window, free = laptop
    page = window.show_page("hardship")
    filed = next(r for r in range(page.model.rowCount()) if page.model.row(r).state == hp.FILED)
    page.table.selectRow(filed)
    dialog = page.record_aid()
    assert_fits(dialog, free, "aid")
    for kind in (hs.MEDICAL_AID, hs.STUDY_AID, *hs.AID_TYPE.values, hs.MEDICAL_AID):
        dialog.set_kind(kind)
        assert_fits(dialog, free, f"aid {kind}")
    close(dialog)


def test_every_hardship_and_contract_dialog_fits(laptop):
    window, free = laptop
    hardship = window.show_page("hardship")
    select_first(hardship)
    for what, dialog in (("new file", hardship.new_file()),
                         ("file", hardship.open_selected())):
        for tab in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(tab)
            assert_fits(dialog, free, f"{what}, tab {dialog.tabs.tabText(tab)}")
        if what == "new file":
            chooser = dialog.choose_member()
            assert_fits(chooser, free, "choose a member")
            close(chooser)
        close(dialog)
    contracts = window.show_page("contracts")
    select_first(contracts)
    for what, dialog in (("new contract", contracts.new_contract()),
                         ("contract", contracts.open_selected())):
        for tab in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(tab)
            assert_fits(dialog, free, f"{what}, tab {dialog.tabs.tabText(tab)}")
        close(dialog)


def test_every_recuperation_dialog_fits(laptop):
    window, free = laptop
    page = window.show_page("recuperation")
    trips, apps = page.trips, page.applications
    assert trips.model.rowCount() > 0 and apps.model.rowCount() > 0
    trips.table.selectRow(0)
    apps.table.selectRow(0)
    settle()
    for what, open_it in (("policy", page.edit_policy), ("quota", page.edit_quota),
                          ("new trip", trips.new_trip), ("trip", trips.edit_selected),
                          ("allocation", trips.allocate_selected),
                          ("new application", apps.new_application)):
        dialog = open_it()
        assert_fits(dialog, free, what)
        close(dialog)
    dialog = apps.open_selected()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert_fits(dialog, free, f"application, tab {dialog.tabs.tabText(tab)}")
    rule = dialog.verdict.detail.verdict.results[0].key
    override = dialog.verdict.override(rule)
    assert_fits(override, free, "override")
    close(override)
    close(dialog)


def test_the_small_dialogs_fit(laptop, context):
    window, free = laptop
    for what, dialog in (("officer", OfficerDialog(["张主席"], "张主席", window)),
                         ("crash", CrashDialog("Traceback …\n" * 80, context.log_path, window))):
        dialog.open()
        assert_fits(dialog, free, what)
        close(dialog)


def test_trip_dates_and_enterprises_are_read_whole(laptop):
    window, _ = laptop
    page = window.show_page("recuperation")
    trips = page.trips
    assert_whole(trips.table, trips.model.columns.index(
        next(c for c in trips.model.columns if c.key == "dates")), "trip dates")
    contracts = window.show_page("contracts")
    column = next(i for i, c in enumerate(contracts.model.columns) if c.key == "enterprise")
    assert_whole(contracts.table, column, "enterprise")


def test_the_state_of_an_undone_import_is_read_whole(laptop, tmp_path):
    window, free = laptop
    members = window.show_page("members")
    wizard = members.import_members()
    wizard.file_page.path.setText(str(roster(tmp_path / "名册.xlsx", FIRST[:3])))
    wizard.file_page.load_sheets()
    wizard.next()
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    dialog = members.open_import_history()
    dialog.table.selectRow(0)
    assert dialog.undo_selected()
    assert dialog.table.item(0, 7).text().startswith("已撤销")
    assert_fits(dialog, free, "import history")
    assert_whole(dialog.table, 7, "import state")
    close(dialog)


def test_the_print_preview_fits(laptop):
    window, free = laptop
    dialog = window.show_page("reports").preview()
    assert dialog is not None
    assert_fits(dialog, free, "print preview")
    close(dialog)
