"""Logging to a rotating file in the data folder, shared by the GUI and the CLI."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from gonghui_desk import __version__
from gonghui_desk.config import log_file

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
HANDLER_NAME = "gonghui-desk-file"
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


def configure_logging(data_dir: Path) -> Path:
    """Send our log records to ``logs/gonghui-desk.log``; returns that path.

    A data folder that cannot be written is not fatal: the app still runs and logs to
    standard error, and the returned path says where the log would have been.
    """
    path = log_file(data_dir)
    root = logging.getLogger("gonghui_desk")
    root.setLevel(logging.INFO)
    for old in list(root.handlers):  # configuring again (tests, a second start) replaces ours
        if old.get_name() == HANDLER_NAME:
            root.removeHandler(old)
            old.close()
    new: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        new = logging.StreamHandler()
        logging.getLogger(__name__).warning("cannot write log file %s: %s", path, exc)
    new.setFormatter(logging.Formatter(FORMAT))
    new.set_name(HANDLER_NAME)
    root.addHandler(new)
    root.info("gonghui-desk %s starting", __version__)
    return path
