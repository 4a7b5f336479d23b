"""The calendar sweep: the tests marked ``calendar`` at every day of ``tests.dates.sweep()``.

    python -m tests.sweep [PYTEST ARGS…]

Each day is one pytest run (``-m calendar --today DAY``), so that everything a test works
out, even when its module is imported, follows that day; its tests are shared among one
worker process per core (pytest-xdist's ``-n auto``). The test command runs the sweep
after the full suite; a failing day is named in the summary, and its pytest output above
it says which test and why. Exit code 0 when every day passed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.dates import sweep

ROOT = Path(__file__).resolve().parent.parent


def run_day(day: str, extra: list[str]) -> tuple[int, float]:
    started = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "-m", "calendar", "--today", day, "-q",
               "-p", "no:cacheprovider", "-n", "auto", "--engine", "sqlite", *extra]
    print(f"\n=== calendar sweep: {day} ===", flush=True)
    code = subprocess.call(command, cwd=ROOT)
    return code, time.perf_counter() - started


def main(argv: list[str]) -> int:
    results = [(f"{day:%Y-%m-%d}", *run_day(f"{day:%Y-%m-%d}", argv)) for day in sweep()]
    print("\n=== calendar sweep summary ===")
    for day, code, seconds in results:
        verdict = "passed" if code == 0 else f"FAILED (pytest exit {code})"
        print(f"{day}  {verdict}  {seconds:.0f} s")
    failed = [day for day, code, _ in results if code != 0]
    if failed:
        print(f"calendar sweep failed on {', '.join(failed)}")
        return 1
    print(f"calendar sweep passed on all {len(results)} days")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
