"""What every page may need: the open database and where the user's files are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gonghui_desk.db.database import Database
from gonghui_desk.ui.settings import AppSettings


@dataclass
class AppContext:
    db: Database
    data_dir: Path
    log_path: Path
    settings: AppSettings
