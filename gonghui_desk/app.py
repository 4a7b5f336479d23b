"""Composition root of the GUI: identity, data folder, logging, font, translations,
database and main window, put together in one place.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gonghui_desk import APP_NAME, __version__
from gonghui_desk.config import data_dir_override, resolve_db_location, settings_file
from gonghui_desk.db.database import open_database
from gonghui_desk.errors import UserError
from gonghui_desk.logs import configure_logging
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import ExceptionHandler
from gonghui_desk.ui.fonts import register_bundled_font
from gonghui_desk.ui.i18n import install_translators
from gonghui_desk.ui.main_window import MainWindow
from gonghui_desk.ui.pages import PAGES
from gonghui_desk.ui.settings import AppSettings

log = logging.getLogger(__name__)

# For the start-up benchmark: print when the window has been shown, then quit.
BENCH_ENV = "GONGHUI_BENCH_QUIT_WHEN_SHOWN"


def _set_identity() -> None:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)


def default_data_dir() -> Path:
    """``GONGHUI_DATA_DIR`` if set, else the platform's application-data folder
    (``%APPDATA%\\gonghui-desk`` on Windows, ``~/.local/share/gonghui-desk`` on Linux)."""
    override = data_dir_override()
    if override is not None:
        return override
    _set_identity()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def create_application(data_dir: Path) -> tuple[QApplication, AppSettings]:
    """The QApplication with our identity, font and translations installed."""
    _set_identity()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    settings = AppSettings(settings_file(data_dir))
    register_bundled_font(app)
    app.setProperty("gonghui_translators", install_translators(app, settings.language))
    return app, settings


def open_main_window(db_option: str | None) -> tuple[QApplication, MainWindow, ExceptionHandler]:
    """Everything up to a shown main window; raises ``UserError`` when it cannot open."""
    data_dir = default_data_dir()
    log_path = configure_logging(data_dir)
    app, settings = create_application(data_dir)
    handler = ExceptionHandler(log_path)
    handler.install()
    db = open_database(resolve_db_location(db_option, data_dir))
    context = AppContext(db=db, data_dir=data_dir, log_path=log_path, settings=settings)
    window = MainWindow(context)
    app.aboutToQuit.connect(db.close)
    window.show()
    return app, window, handler


def run_gui(db_option: str | None) -> int:
    started = time.perf_counter()
    try:
        app, window, _handler = open_main_window(db_option)
    except UserError as error:
        log.warning("cannot start: %s", error.message)
        if QApplication.instance() is None:
            QApplication(sys.argv[:1])
        QMessageBox.critical(None, "工会桌面", error.message)
        return error.exit_code
    log.info("main window shown after %.0f ms", (time.perf_counter() - started) * 1000)
    if os.environ.get(BENCH_ENV):
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    return app.exec()


def _report_shown_and_quit(app: QApplication) -> None:
    import resource

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"shown peak_rss_kb={peak_kb}", flush=True)
    app.quit()


def take_screenshots(db_location: str, outdir: Path) -> list[Path]:
    """Open the real main window, visit every page, save one PNG per page (and About)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    outdir.mkdir(parents=True, exist_ok=True)
    app, window, handler = open_main_window(db_location)
    written: list[Path] = []
    try:
        for number, spec in enumerate(PAGES, start=1):
            window.show_page(spec.key)
            app.processEvents()
            path = outdir / f"{number:02d}-{spec.key}.png"
            if not window.grab().save(str(path)):
                raise UserError(f"无法写入截图 {path}，请检查文件夹权限和磁盘空间。")
            written.append(path)
        about = window.show_about()
        app.processEvents()
        path = outdir / f"{len(PAGES) + 1:02d}-about.png"
        about.grab().save(str(path))
        written.append(path)
        about.close()
    finally:
        window.close()
        window.context.db.close()
        handler.uninstall()
    return written
