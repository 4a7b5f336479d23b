"""The peak memory of a process with every process it starts, sampled from /proc.

``ru_maxrss`` knows one process; an import that checks rows in a second process uses two
at once, and a forked child's figure even counts pages it only inherited. This samples
the resident set of the whole tree every 10 ms and keeps the peak of the sum (Linux).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass  # the process ended between listing and reading: it holds nothing now
    return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found.extend(int(c) for c in text)
    except (FileNotFoundError, ProcessLookupError):
        pass  # ended: no children left to count
    return found


def tree_rss_kib(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss_kib(current)
        todo.extend(_children(current))
    return total


def run_sampled(command: Sequence[str], env: dict[str, str] | None = None,
                timeout: float = 1800) -> tuple[str, float]:
    """Run ``command``; (its standard output, the peak MB of its process tree)."""
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env or dict(os.environ))
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kib(process.pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        done.set()
        sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed ({process.returncode}): {err[-2000:]}")
    return out, peak / 1024
