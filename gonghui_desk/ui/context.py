"""What every page may need: the open database, the program's clock and where the user's
files are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gonghui_desk.ui.settings import AppSettings

if TYPE_CHECKING:  # importing the database layer is deferred until the window is shown
    from gonghui_desk.clock import Clock
    from gonghui_desk.db.database import Database


@dataclass
class AppContext:
    db: Database
    data_dir: Path
    log_path: Path
    settings: AppSettings
    location: str = ""  # what the database was opened from, to open it again

    @property
    def clock(self) -> Clock:
        """What "today" is for every page and dialog: the clock the composition root gave
        the database when it opened it."""
        return self.db.clock
