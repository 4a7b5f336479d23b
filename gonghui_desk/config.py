"""Where things live: the database location and the files in the data folder.

Precedence for the database: ``--db`` on the command line, then the ``GONGHUI_DB``
environment variable, then ``gonghui.sqlite3`` in the user's data folder. The data
folder itself is the platform's application-data folder (found by the Qt layer) unless
``GONGHUI_DATA_DIR`` names another one, e.g. for a portable install on a USB stick.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "GONGHUI_DB"
DATA_DIR_ENV = "GONGHUI_DATA_DIR"
DB_FILE_NAME = "gonghui.sqlite3"
SETTINGS_FILE_NAME = "settings.ini"
LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "gonghui-desk.log"


def data_dir_override() -> Path | None:
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value).expanduser() if value else None


def resolve_db_location(cli_value: str | None, data_dir: Path) -> str:
    """The database the user asked for, as a path or a SQLAlchemy URL."""
    if cli_value:
        return cli_value
    env_value = os.environ.get(DB_ENV, "").strip()
    if env_value:
        return env_value
    return str(data_dir / DB_FILE_NAME)


def log_file(data_dir: Path) -> Path:
    return data_dir / LOG_DIR_NAME / LOG_FILE_NAME


def settings_file(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE_NAME
