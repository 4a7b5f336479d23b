"""What a backup came before, kept beside it: ``<backup>.json``.

A backup's reason is in its file name (``…-20261121-093000-import.sqlite3``), which is
what rotation goes by. The detail a person needs to recognise it (the imported file's
name and batch, the revisions of an upgrade) and who took it cannot go into a file name
safely, so it goes into this small note, written atomically after the verified copy.
A missing or garbled note costs only the detail: the backup is listed by its name.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
SUFFIX = ".json"


def note_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SUFFIX)


def write_note(backup: Path, **fields: str) -> None:
    """Write the note in full or not at all (a temporary file renamed into place)."""
    target = note_path(backup)
    partial = target.with_name(target.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(fields, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def read_note(backup: Path) -> dict[str, str]:
    """The note's text fields; empty when there is none or it cannot be read."""
    target = note_path(backup)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:  # a damaged note must not hide the backup itself
        log.warning("backup note %s unreadable, listing the backup without it: %s", target, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("backup note %s is not an object, listing the backup without it", target)
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def remove_note(backup: Path) -> None:
    note_path(backup).unlink(missing_ok=True)
