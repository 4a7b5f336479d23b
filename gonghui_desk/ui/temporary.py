"""Private temporary folders for files the app hands to another program or previews:
a form's PDF, an opened attachment. They hold personal data, so each is removed when it
is done with, and whatever a crashed session left is removed at the next start.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

PREVIEW_PREFIX = "gonghui-preview-"


def temporary_folder() -> Path:
    """A new private folder for one preview or print."""
    return Path(tempfile.mkdtemp(prefix=PREVIEW_PREFIX))


def remove_temporary(path: Path) -> None:
    """Delete a temporary PDF and the folder made for it."""
    folder = path.parent
    path.unlink(missing_ok=True)
    if folder.name.startswith(PREVIEW_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_previews() -> int:
    """Delete preview folders a crashed session left in the temp folder (they hold personal
    data); return how many went. A preview still open elsewhere cannot be deleted on
    Windows and is left alone."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{PREVIEW_PREFIX}*"):
        shutil.rmtree(folder, ignore_errors=True)
        removed += not folder.exists()
    return removed
