"""Shared fixtures: a headless Qt, a frozen clock, a fresh data folder and database per test."""

import os

# Must happen before anything imports Qt, or the test process aborts without a display.
# The screen is a 1366×768 laptop's less a 40 px taskbar (an offscreen screen has none), so
# that what fits in a test fits on a union office's PC.
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "laptop_screens.json")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from gonghui_desk.db.database import Database, open_database
from tests.dates import ORDINARY_DAY, moment, set_the_day
from tests.pg_cluster import TEMPLATE, Cluster, start_cluster


def _sleep_despite_libfaketime() -> None:
    """Under libfaketime (``faketime -f '@2026-12-31 23:50:00' …``, the README's way of running
    the suite as of another day) with ``FAKETIME_DONT_FAKE_MONOTONIC=1``, libfaketime 0.9.10
    breaks Python 3.11's ``time.sleep`` (``[Errno 22] Invalid argument`` from its absolute
    ``clock_nanosleep``), and ``subprocess`` sleeps while it waits with a timeout. There,
    and only there, sleeping waits on ``select`` instead."""
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return
    import select
    import time

    def sleep(seconds: float) -> None:
        select.select([], [], [], max(0.0, seconds))

    time.sleep = sleep


_sleep_despite_libfaketime()

# Pages, dialogs, commands, forms and services all ask the clock what today is (a default
# date, this year, what is overdue), so every test in these folders is in the calendar sweep.
# Elsewhere a test joins it with ``@pytest.mark.calendar``; one pinned to a day stays out, and
# so does one marked ``any_day``: what it checks (a layout, printing, a file format) is the same
# on every day, and running it eight times more would only slow the sweep.
SWEPT_FOLDERS = frozenset({"ui", "cli", "exchange", "services"})
# The tests of these folders that use the ``db`` fixture run once on each engine: a SQLite
# file and a PostgreSQL server book. One that also asks for ``db_path`` is about the file
# itself (its lock, its backups, its bytes) and runs on SQLite alone.
BOTH_ENGINE_FOLDERS = frozenset({"services", "exchange", "ui"})
ENGINES = ("sqlite", "postgresql")

# The day this run is frozen at (``--today``), and the travel that holds it there from
# collection on, so that what a test module works out when imported follows it too.
_session_travel: time_machine.travel | None = None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today", metavar="YYYY-MM-DD", default=None,
        help=f"the day the tests run at (default {ORDINARY_DAY}); the calendar sweep sets it",
    )
    parser.addoption(
        "--engine", choices=("both", *ENGINES), default="both",
        help="the database engines the book-using tests of services/, exchange/ and ui/ run "
        "on (default both: SQLite, and PostgreSQL on a throwaway cluster)",
    )


def run_day(config: pytest.Config) -> dt.date:
    value = config.getoption("--today")
    return dt.date.fromisoformat(value) if value else ORDINARY_DAY


def pytest_configure(config: pytest.Config) -> None:
    global _session_travel
    config.addinivalue_line(
        "markers", "today(day): run this test at that day (YYYY-MM-DD) instead of the run's")
    config.addinivalue_line(
        "markers", "any_day: what it checks does not depend on the date; the calendar sweep "
        "passes it over")
    config.addinivalue_line(
        "markers", "sqlite_only: it is about the SQLite file; it runs on that engine alone")
    config.addinivalue_line(
        "markers", "calendar: its meaning depends on the date; the calendar sweep runs it at "
        "every day of tests.dates.SWEEP")
    set_the_day(run_day(config))
    _session_travel = time_machine.travel(moment(run_day(config)), tick=True)
    _session_travel.start()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "book_engine" not in metafunc.fixturenames:
        return
    chosen = metafunc.config.getoption("--engine")
    engines = list(ENGINES) if chosen == "both" else [chosen]
    on_file = "db_path" in metafunc.fixturenames or metafunc.definition.get_closest_marker(
        "sqlite_only")
    if metafunc.definition.path.parent.name not in BOTH_ENGINE_FOLDERS or on_file:
        engines = ["sqlite"] if "sqlite" in engines else []
    metafunc.parametrize("book_engine", engines, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("today") or item.get_closest_marker("any_day"):
            continue
        if item.path.parent.name in SWEPT_FOLDERS:
            item.add_marker(pytest.mark.calendar)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _session_travel is not None:
        _session_travel.stop()


def pytest_report_header(config: pytest.Config) -> str:
    return f"tests run at {run_day(config):%Y-%m-%d} (--today)"


@pytest.fixture(autouse=True)
def today(request: pytest.FixtureRequest) -> Iterator[dt.date]:
    """The day the test runs at, frozen at 10:00 with the clock ticking from there: the run's
    day, or the one the test names with ``@pytest.mark.today``."""
    marker = request.node.get_closest_marker("today")
    day = dt.date.fromisoformat(marker.args[0]) if marker else run_day(request.config)
    set_the_day(day)
    with time_machine.travel(moment(day), tick=True):
        yield day
    set_the_day(run_day(request.config))


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; the real user folder is never touched."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GONGHUI_DATA_DIR", str(folder))
    monkeypatch.delenv("GONGHUI_DB", raising=False)
    monkeypatch.delenv("GONGHUI_TODAY", raising=False)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "branch.sqlite3"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """This worker's own PostgreSQL server, with a template book migrated once."""
    cluster = start_cluster()
    try:
        cluster.psql(f"CREATE DATABASE {TEMPLATE}")
        open_database(cluster.url(TEMPLATE)).close()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def book_engine(request: pytest.FixtureRequest) -> str:
    """The engine the test's book is on (parametrised by ``pytest_generate_tests``)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def book_location(request: pytest.FixtureRequest, book_engine: str, tmp_path: Path
                  ) -> Iterator[str]:
    """Where the test's book is: a SQLite file, or a fresh database on this worker's cluster."""
    if book_engine == "sqlite":
        yield str(tmp_path / "branch.sqlite3")
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = cluster.new_database()
    yield cluster.url(name)
    # Dropped a few tests later, not at once: a window's timer that fires after its test
    # (a search, a refresh) then reads an existing book, as it reads a SQLite file that is
    # still in its folder, instead of failing in the next test's set-up.
    cluster.drop_later(name)


@pytest.fixture
def db(book_location: str) -> Iterator[Database]:
    database = open_database(book_location)
    yield database
    database.close()
