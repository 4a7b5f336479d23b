"""Work on 100,000 rows at once (an import and its undo): Python's cycle collector paused.

Every row leaves long-lived objects behind (its checked record, its row to insert, its
history entry and change), and with the collector running, the growing heap is walked
again and again — a third of an import's time. The work makes no reference cycles worth
collecting (reference counting frees everything else as it goes), so the collector waits
until it ends. Pauses nest and may overlap across threads (a preview being checked while
the writer thread writes): the collector resumes when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
