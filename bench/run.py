"""Run every benchmark and print: figure | ours | peer | ratio.

    python bench/run.py [--runs N] [--members N]

Start-up: wall time from starting the process to the main window having been shown (the
first event-loop turn after show), on a database with 100,000 demo members, against a bare
PySide6 script that shows an empty QMainWindow. A second row goes on to the window filled
(database open, home page figures counted), against the same peer. Peak memory: the same
runs' peak resident set size. Medians over the runs; both sides run alternately so machine
noise hits both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
START_UP_GOAL = 1.5


def prepare_database(members: int) -> Path:
    """A demo database of the given size, built once and kept in bench/.cache."""
    path = CACHE / f"members-{members}.sqlite3"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        print(f"building {path.name} ({members:,} members)…", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "gonghui_desk", "--db", str(path), "demo",
             "--members", str(members)],
            check=True,
        )
    return path


def time_stages(command: list[str], env: dict[str, str]) -> dict[str, tuple[float, int]]:
    """Seconds from process start to each reported stage ('shown', 'ready'), with the
    peak RSS in KiB at that moment."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    stages = {}
    for line in process.stdout:
        stage, _, rest = line.strip().partition(" peak_rss_kb=")
        if rest:
            stages[stage] = (time.perf_counter() - started, int(rest))
    if process.wait(timeout=60) != 0 or "shown" not in stages:
        raise RuntimeError(f"{command} did not show a window (exit {process.returncode})")
    stages.setdefault("ready", stages["shown"])  # the peer is ready once shown
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()

    database = prepare_database(args.members)
    env = dict(os.environ, GONGHUI_BENCH_QUIT_WHEN_SHOWN="1")
    # An installed program runs from compiled bytecode; let the warm-up runs write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As a chair starts it: no arguments (the shortcut), the database named by environment.
    env["GONGHUI_DB"] = str(database)
    ours_cmd = [sys.executable, "-m", "gonghui_desk"]
    peer_cmd = [sys.executable, str(HERE / "peer_empty_window.py")]
    with tempfile.TemporaryDirectory() as data_dir:
        env["GONGHUI_DATA_DIR"] = data_dir
        time_stages(ours_cmd, env)  # warm the file cache for both
        time_stages(peer_cmd, env)
        ours, peer = [], []
        for _ in range(args.runs):
            ours.append(time_stages(ours_cmd, env))
            peer.append(time_stages(peer_cmd, env))

    def column(runs: list[dict[str, tuple[float, int]]], stage: str, part: int) -> list[float]:
        return [run[stage][part] / (1 if part == 0 else 1024) for run in runs]

    rows = [
        ("start-up to window shown (s)", column(ours, "shown", 0), column(peer, "shown", 0),
         "{:.3f}"),
        ("start-up to window filled (s)", column(ours, "ready", 0), column(peer, "ready", 0),
         "{:.3f}"),
        ("peak memory, filled (MiB)", column(ours, "ready", 1), column(peer, "ready", 1),
         "{:.1f}"),
    ]
    print(f"{args.members:,} members, {args.runs} runs each, medians "
          f"(goal: start-up ratio ≤ {START_UP_GOAL})")
    print(f"{'figure':<32} | {'ours':>8} | {'peer':>8} | {'ratio':>6}")
    print("-" * 64)
    for name, our_values, peer_values, fmt in rows:
        our_median, peer_median = statistics.median(our_values), statistics.median(peer_values)
        print(f"{name:<32} | {fmt.format(our_median):>8} | {fmt.format(peer_median):>8} | "
              f"{our_median / peer_median:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
