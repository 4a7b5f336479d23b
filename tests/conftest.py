"""Shared fixtures: a headless Qt, a fresh data folder and database per test."""

import os

# Must happen before anything imports Qt, or the test process aborts without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator
from pathlib import Path

import pytest

from gonghui_desk.db.database import Database, open_database


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; the real user folder is never touched."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GONGHUI_DATA_DIR", str(folder))
    monkeypatch.delenv("GONGHUI_DB", raising=False)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "branch.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()
