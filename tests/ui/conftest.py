import pytest

from gonghui_desk.config import log_file, settings_file
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.fonts import register_bundled_font
from gonghui_desk.ui.i18n import install_translators
from gonghui_desk.ui.main_window import MainWindow
from gonghui_desk.ui.settings import AppSettings


@pytest.fixture(scope="session")
def gui_app(qapp):
    """The application as the program sets it up: bundled font and Chinese translation."""
    register_bundled_font(qapp)
    translators = install_translators(qapp, "zh_CN")
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def context(db, data_dir, gui_app):
    return AppContext(
        db=db,
        data_dir=data_dir,
        log_path=log_file(data_dir),
        settings=AppSettings(settings_file(data_dir)),
        location=db.location,
    )


@pytest.fixture
def window(qtbot, context):
    main_window = MainWindow(context.settings)
    main_window.attach(context)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window
