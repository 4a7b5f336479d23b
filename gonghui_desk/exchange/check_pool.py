"""A second process that checks new members' rows, for files large enough to be worth it.

Checking a row is pure Python (reading its cells, the member dialog's rules), so one
process can use one core only. The planner hands every other chunk of new rows to this
process and checks the chunk between itself; the verdicts come back in order and are
the ones the planner would have made (exchange.row_checks is the one code for both).

The process is started by ``spawn`` on every platform — the way Windows must start it,
and safe from a thread of a running window, where a fork is not. It imports only the
checking code (no database, no Qt); its start, about a fifth of a second, overlaps the
reading of the first chunk. ``close`` stops it, also when the check is cancelled.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from gonghui_desk.exchange.import_plan import RowResult
from gonghui_desk.exchange.row_checks import CheckSettings, Line, RowChecker
from gonghui_desk.services.bulk import give_back_freed_memory

# Below this many rows a file is checked in one process: starting the second one costs
# more than it saves (5,000 rows are checked in about 0.2 s).
PARALLEL_ROWS = 20_000

_checker: RowChecker | None = None
log = logging.getLogger(__name__)


def _start(settings: CheckSettings) -> None:
    global _checker
    gc.disable()  # the chunks make no cycles; see services.bulk
    _checker = RowChecker(settings)


def _check(lines: Sequence[Line]) -> list[RowResult]:
    assert _checker is not None, "the checking process was not started"
    give_back_freed_memory()  # the chunk before's lines and verdicts
    return _checker.check_lines(lines)


def worth_a_second_process(rows: int) -> bool:
    return rows >= PARALLEL_ROWS and (os.cpu_count() or 1) > 1


class CheckPool:
    """One checking process for one sheet under one mapping."""

    def __init__(self, settings: CheckSettings) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start, initargs=(settings,),
        )

        self.broken = False

    def submit(self, lines: Sequence[Line]) -> Future[list[RowResult]]:
        return self._executor.submit(_check, list(lines))

    def result(self, future: Future[list[RowResult]], lines: Sequence[Line],
               here: RowChecker) -> list[RowResult]:
        """The chunk's verdicts; checked here instead when the process could not do it
        (it could not start, or was killed): the verdicts are the same, only slower."""
        try:
            return future.result()
        except BrokenProcessPool:
            if not self.broken:
                log.warning("the checking process stopped; checking in one process",
                            exc_info=True)
            self.broken = True
            return here.check_lines(lines)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
