import datetime as dt

from PySide6.QtCore import QSize

from gonghui_desk import __version__
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.operations import Op, Tx
from gonghui_desk.ui.main_window import MainWindow
from gonghui_desk.ui.pages import PAGES
from tests.dates import the_day
from tests.factories import make_member

NAVIGATION_ZH = ["首页", "会员", "困难帮扶", "疗休养", "集体合同", "报表", "设置"]


def test_navigation_is_in_chinese_and_every_page_opens(window):
    texts = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert texts == NAVIGATION_ZH
    for spec, title in zip(PAGES, NAVIGATION_ZH, strict=True):
        page = window.show_page(spec.key)
        assert window.stack.currentWidget() is page
        assert page.isVisible()
        assert page.title.text() == title
    assert window.current_page_key() == "settings"


def test_status_bar_names_the_open_database(window, db_path):
    assert str(db_path) in window.database_label.text()
    assert window.database_label.text().startswith("数据库：")


def test_about_shows_version_and_data_folder(window, data_dir, qtbot):
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.value_labels.values()]
    assert __version__ in shown
    assert str(data_dir) in shown
    assert dialog.windowTitle() == "关于工会桌面"


def test_home_page_counts_come_from_the_database(window, db):
    def three(tx: Tx) -> None:
        session = tx.session
        make_member(session, name="甲", phone="13900000001", id_number=None)
        make_member(session, name="乙", phone="13900000002", id_number=None,
                    events=[(ms.JOIN, dt.date(2001, 1, 1)), (ms.RESERVE, dt.date(2020, 1, 1))])
        make_member(session, name="丙", phone="13900000003", id_number=None,
                    events=[(ms.JOIN, dt.date(2001, 1, 1)), (ms.WITHDRAW, dt.date(2019, 1, 1))])

    window.show_page("members")
    window.context.runner.run(Op("新增会员", three))
    page = window.show_page("home")  # shown again after the change: figures are re-read
    assert page.cards["members"].figure.text() == "2"
    assert page.cards["reserved"].figure.text() == "1"
    assert page.cards["left"].figure.text() == "1"
    this_year = the_day().year
    assert page.cards["joined"].caption.text() == f"{this_year} 年入会及转入"
    assert page.cards["left_year"].caption.text() == f"{this_year} 年转出、退会及除名"
    assert not page.first_steps.is_done(1)  # no branch profile yet


def test_home_button_leads_to_settings(window, qtbot):
    page = window.show_page("home")
    page.first_steps.buttons[0][0].click()
    assert window.current_page_key() == "settings"


def test_window_geometry_is_remembered(window, context, qtbot):
    window.resize(QSize(720, 520))
    qtbot.wait(10)
    window.close()
    again = MainWindow(context.settings)
    qtbot.addWidget(again)
    assert again.size() == QSize(720, 520)


def test_about_says_when_the_program_runs_as_of_another_day(qtbot, gui_app, db_path, data_dir):
    from gonghui_desk.clock import Clock
    from gonghui_desk.config import log_file, settings_file
    from gonghui_desk.db.database import open_database
    from gonghui_desk.ui.context import AppContext
    from gonghui_desk.ui.settings import AppSettings

    db = open_database(db_path, clock=Clock(dt.date(2027, 1, 1)))
    try:
        context = AppContext(db=db, data_dir=data_dir, log_path=log_file(data_dir),
                             settings=AppSettings(settings_file(data_dir)), location=str(db_path))
        window = MainWindow(context.settings)
        qtbot.addWidget(window)
        window.attach(context)
        window.show()
        dialog = window.show_about()
        qtbot.addWidget(dialog)
        assert dialog.value_labels["日期"].text().startswith("按 2027-01-01 运行")
        window.show_page("members")
        home = window.show_page("home")
        assert home.cards["joined"].caption.text() == "2027 年入会及转入"
    finally:
        db.close()
