"""What every page may need: the open database, the program's clock, the runner every
write goes through, and where the user's files are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gonghui_desk.ui.settings import AppSettings

if TYPE_CHECKING:  # importing the database layer is deferred until the window is shown
    from gonghui_desk.clock import Clock
    from gonghui_desk.db.database import Database
    from gonghui_desk.services.operations import Runner
    from gonghui_desk.ui.writer import Writer


@dataclass
class AppContext:
    db: Database
    data_dir: Path
    log_path: Path
    settings: AppSettings
    location: str = ""  # what the database was opened from, to open it again
    _runner: Runner | None = field(default=None, init=False, repr=False)
    _writer: Writer | None = field(default=None, init=False, repr=False)

    @property
    def clock(self) -> Clock:
        """What "today" is for every page and dialog: the clock the composition root gave
        the database when it opened it."""
        return self.db.clock

    @property
    def runner(self) -> Runner:
        """The runner of the open book: every write of every page and dialog goes through
        it, on the one writer thread. A book opened again (after a restore) gets a new
        runner that keeps the listeners of the old one."""
        from gonghui_desk.services.operations import Runner
        from gonghui_desk.ui.writer import Writer

        if self._writer is None:
            self._writer = Writer()
        runner = self._runner
        if runner is None or runner.db is not self.db:
            runner = Runner(self.db, self._writer.execute)
            if self._runner is not None:
                runner.take_listeners(self._runner)
            self._runner = runner
        return runner
