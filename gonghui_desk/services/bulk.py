"""Work on 100,000 rows at once (an import and its undo): Python's cycle collector paused.

Every row leaves long-lived objects behind (its checked record, its row to insert, its
history entry and change), and with the collector running, the growing heap is walked
again and again — a third of an import's time. The work makes no reference cycles worth
collecting (reference counting frees everything else as it goes), so the collector waits
until it ends. Pauses nest and may overlap across threads (a preview being checked while
the writer thread writes): the collector resumes when the last one ends.

``give_back_freed_memory`` returns what a finished stage freed to the system. glibc's
allocator keeps freed small blocks in the process for reuse, so after reading a 100,000-row
sheet (the reader's own cells freed, the rows kept) the process still holds 160 MB where
73 MB are in use; the next stage, and the checking process beside it, would add to the
160. Windows' heap hands large freed regions back by itself; elsewhere this does nothing.
"""

from __future__ import annotations

import functools
import gc
import sys
import threading
from collections.abc import Callable, Iterator
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


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only where it is used, and once

    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim  # glibc only
    except (OSError, AttributeError):  # musl, or no glibc by that name: nothing to trim
        return None
    return trim


def give_back_freed_memory() -> None:
    """After a stage that freed much: let the system have the freed pages again."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
