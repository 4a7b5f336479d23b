"""Composition root of the GUI: identity, data folder, logging, font, translations,
database and main window, put together in one place.

Start-up order matters for how fast a chair sees the window: Qt, the font and the
translations first, the window shown, and only then the database layer imported and the
file opened (SQLAlchemy alone takes longer to import than showing the window). A SQLite book
of ours at the current revision that nobody holds shows 首页's member figures at once,
counted from the file with the standard library (``db.home_counts``), while the database
layer is imported on a second thread; the book is then opened on the GUI thread as before
and the real 首页 replaces the opening one.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gonghui_desk import APP_NAME, __version__
from gonghui_desk.clock import Clock
from gonghui_desk.config import data_dir_override, resolve_db_location, settings_file
from gonghui_desk.errors import UserError
from gonghui_desk.logs import configure_logging
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import ExceptionHandler
from gonghui_desk.ui.fonts import register_bundled_font
from gonghui_desk.ui.i18n import install_translators
from gonghui_desk.ui.main_window import MainWindow
from gonghui_desk.ui.pages import PAGES
from gonghui_desk.ui.settings import AppSettings

if TYPE_CHECKING:
    from gonghui_desk.db.database import Database

log = logging.getLogger(__name__)

# For the start-up benchmark: report when the window is shown and when it is filled, then quit.
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


class Startup:
    """The steps from nothing to a filled main window, shared by the GUI and screenshots."""

    def __init__(self, db_option: str | None, clock: Clock, officer: str = "") -> None:
        self.db_option = db_option
        self.clock = clock
        self.officer = officer  # named on the command line; else who worked here last
        self.data_dir = default_data_dir()
        self.log_path = configure_logging(self.data_dir)
        self.app, self.settings = create_application(self.data_dir)
        self.handler = ExceptionHandler(self.log_path)
        self.handler.install()
        self.window = MainWindow(self.settings)

    @property
    def location(self) -> str:
        return resolve_db_location(self.db_option, self.data_dir)

    def show_opening_figures(self) -> bool:
        """首页's member figures read straight from the book's file, before the database
        layer is loaded; ``False`` (nothing shown) unless the quick read can vouch for them:
        a server book, a book to create or upgrade, one not ours or held by someone else
        wait for ``attach_database``, which says what is the matter."""
        from gonghui_desk.db.home_counts import read_home_counts

        location = self.location
        if "://" in location:  # a URL: the server book (or a SQLite URL) opens the long way
            return False
        today = self.clock.today()
        counts = read_home_counts(Path(location).expanduser(), today)
        if counts is None:
            return False
        self.window.show_opening_figures(counts, today.year, counts.union_name)
        return True

    def attach_database(self) -> None:
        """Open the database and fill the window; raises ``UserError`` when refused.

        When someone else has it open, the chair chooses: read-only, or (for a lock left by
        a crashed program on this PC) take it over.
        """
        from gonghui_desk.db.database import open_database
        from gonghui_desk.db.lock import DatabaseLocked
        from gonghui_desk.db.officer import Officer

        location = self.location
        officer = Officer(self.officer or self.settings.officer)  # asked if nobody
        try:
            db = open_database(location, clock=self.clock, officer=officer)
        except DatabaseLocked as locked:
            # Taken since the figures were read: they may no longer be the book's.
            self.window.drop_opening_figures()
            choice = ask_about_lock(self.window, locked)
            if choice == "recover":
                db = open_database(location, recover_stale_lock=True, clock=self.clock,
                                   officer=officer)
            elif choice == "read_only":
                db = open_database(location, read_only=True, clock=self.clock, officer=officer)
            else:
                raise
        self.app.aboutToQuit.connect(lambda: close_database(self.window.context.db))
        context = AppContext(
            db=db, data_dir=self.data_dir, log_path=self.log_path, settings=self.settings,
            location=location,
        )
        self.window.attach(context)


def close_database(db: Database) -> None:
    """On exit: a verified, rotated backup when something changed, then release the file."""
    from gonghui_desk.services.backup import back_up_and_rotate

    try:
        if db.changed and not db.read_only and db.path is not None:
            info = back_up_and_rotate(db, "exit")
            log.info("backup on exit: %s", info.path)
    except UserError as error:  # the chair is leaving; the reason goes to the log
        log.warning("backup on exit failed: %s", error.message)
    finally:
        db.close()


def ask_about_lock(parent: QWidget, locked: UserError) -> str:
    """'recover', 'read_only' or 'quit', asked in the chair's words."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Startup", "Database in use"))
    box.setText(locked.message)
    if getattr(locked, "stale", False):
        take = box.addButton(
            QCoreApplication.translate("Startup", "Unlock and open"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    else:
        take = box.addButton(
            QCoreApplication.translate("Startup", "Open read-only"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    box.addButton(QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not take:
        return "quit"
    return "recover" if getattr(locked, "stale", False) else "read_only"


def run_gui(db_option: str | None, clock: Clock, officer: str = "") -> int:
    started = time.perf_counter()
    try:
        startup = Startup(db_option, clock, officer)
    except UserError as error:  # a broken installation (font or translation missing)
        return _refuse(error)
    if clock.fixed_day is not None:
        log.info("running as of %s", clock.fixed_day)
    startup.window.show()
    log.info("main window shown after %.0f ms", (time.perf_counter() - started) * 1000)
    # Read before the event loop first turns, so the window's first paint has the figures.
    quick = startup.show_opening_figures()
    if quick:
        log.info("home figures shown after %.0f ms", (time.perf_counter() - started) * 1000)
    bench = bool(os.environ.get(BENCH_ENV))
    if bench:
        QTimer.singleShot(0, lambda: _report("shown"))
        if quick:
            QTimer.singleShot(0, lambda: _report("ready"))
    exit_code: list[int] = []
    preloads: list[Preload] = []

    def attach() -> None:
        # Started only now, after the first turn of the event loop has painted the window:
        # the imports hold the interpreter most of the time they run.
        if not preloads:
            preloads.append(Preload())
        preload = preloads[0]
        if preload.running():  # the window stays responsive while the imports run
            QTimer.singleShot(PRELOAD_POLL_MS, attach)
            return
        preload.raise_failure()
        try:
            startup.attach_database()
        except UserError as error:
            exit_code.append(_refuse(error))
            startup.window.close()
            startup.app.quit()
            return
        log.info("database open after %.0f ms", (time.perf_counter() - started) * 1000)
        from gonghui_desk.ui.temporary import remove_stale_previews

        if removed := remove_stale_previews():
            log.info("removed %d preview folders left by an earlier session", removed)
        if bench:
            if not quick:
                QTimer.singleShot(0, lambda: _report("ready"))
            QTimer.singleShot(0, lambda: _report("attached", quit_after=True))
        else:
            QTimer.singleShot(0, startup.window.after_start)

    QTimer.singleShot(0, attach)
    code = startup.app.exec()
    startup.handler.uninstall()
    return exit_code[0] if exit_code else code


PRELOAD_POLL_MS = 10
PRELOADED = (  # what opening the book and building 首页 import, none of it Qt
    "gonghui_desk.db.database",
    "gonghui_desk.db.models",
    "gonghui_desk.services.operations",
    "gonghui_desk.services.summary",
    "gonghui_desk.services.figures",
    "gonghui_desk.services.getting_started",
    "gonghui_desk.services.hardship_list",
    "gonghui_desk.services.recuperation_list",
    "gonghui_desk.services.contracts",
    "gonghui_desk.services.profile",
    "gonghui_desk.services.access",
    "gonghui_desk.services.history",
)


class Preload:
    """Imports the database layer and 首页's services on a second thread while the window
    is on the screen; Qt objects are made on the GUI thread only, after it is done."""

    def __init__(self, modules: tuple[str, ...] = PRELOADED) -> None:
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(modules,), name="preload",
                                       daemon=True)
        self.thread.start()

    def _run(self, modules: tuple[str, ...]) -> None:
        import importlib

        try:
            for name in modules:
                importlib.import_module(name)
        except BaseException as error:  # raised again on the GUI thread, to the crash dialog
            self.failure = error

    def running(self) -> bool:
        return self.thread.is_alive()

    def raise_failure(self) -> None:
        if self.failure is not None:
            raise self.failure


def _refuse(error: UserError) -> int:
    log.warning("cannot start: %s", error.message)
    if QApplication.instance() is None:
        QApplication(sys.argv[:1])
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "Gonghui Desk"), error.message)
    return error.exit_code


def _report(stage: str, quit_after: bool = False) -> None:
    import resource

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{stage} peak_rss_kb={peak_kb}", flush=True)
    if quit_after:
        QApplication.quit()


def take_screenshots(db_location: str, outdir: Path, clock: Clock,
                     officer: str = "") -> list[Path]:
    """Open the real main window, visit every page, save one PNG per page (and About)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    outdir.mkdir(parents=True, exist_ok=True)
    startup = Startup(db_location, clock, officer)
    window = startup.window
    written: list[Path] = []
    # Nobody is at the screen to close a crash dialog: an error in a page is logged and
    # ends the command with a message, instead of waiting for a click that never comes.
    startup.handler.uninstall()
    failures: list[str] = []

    def record(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log.error("uncaught exception while taking screenshots",
                  exc_info=(kind, error, tb))  # type: ignore[arg-type]
        failures.append(f"{kind.__name__}: {error}")

    sys.excepthook = record

    def settle(where: str) -> None:
        startup.app.processEvents()
        if failures:
            raise UserError(f"截图时{where}出错（{failures[0]}），没有截完。"
                            f"详情已写入日志：{startup.log_path}")

    try:
        window.show()
        startup.attach_database()
        for number, spec in enumerate(PAGES, start=1):
            window.show_page(spec.key)
            settle(f"“{spec.key}”页")
            written.append(_save(window.grab(), outdir / f"{number:02d}-{spec.key}.png"))
        about = window.show_about()
        settle("“关于”窗口")
        written.append(_save(about.grab(), outdir / f"{len(PAGES) + 1:02d}-about.png"))
        about.close()
    finally:
        window.close()
        if window.attached:
            window.context.db.close()
        sys.excepthook = startup.handler.previous
    return written


def _save(pixmap: object, path: Path) -> Path:
    if not pixmap.save(str(path)):  # type: ignore[attr-defined]
        raise UserError(f"无法写入截图 {path}，请检查文件夹权限和磁盘空间。")
    return path
