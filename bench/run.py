"""Run every benchmark and print: figure | ours | peer | ratio.

    python bench/run.py [--runs N] [--members N]

Start-up: wall time from starting the process to the main window having been shown (the
first event-loop turn after show), on a database with 100,000 demo members, against a bare
PySide6 script that shows an empty QMainWindow. A second row goes on to the window filled
(首页's member figures counted and on the screen: read straight from the file when the book
allows it, else once the database is open), a third to the database attached (the database
layer loaded, the book open, the whole 首页 built), both against the same peer. Peak memory:
the same runs' peak resident set size, filled and attached. Medians over the runs; both
sides run alternately so machine noise hits both.
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
SHOWN_GOAL = 1.5
FILLED_GOAL = 2.0


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
    """Seconds from process start to each reported stage ('shown', 'ready', 'attached'),
    with the peak RSS in KiB at that moment."""
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
    stages.setdefault("attached", stages["ready"])
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
        ("start-up to database attached (s)", column(ours, "attached", 0),
         column(peer, "attached", 0), "{:.3f}"),
        ("peak memory, filled (MiB)", column(ours, "ready", 1), column(peer, "ready", 1),
         "{:.1f}"),
        ("peak memory, attached (MiB)", column(ours, "attached", 1),
         column(peer, "attached", 1), "{:.1f}"),
    ]
    print(f"{args.members:,} members, {args.runs} runs each, medians "
          f"(goals: shown ≤ {SHOWN_GOAL}, filled ≤ {FILLED_GOAL} × the peer)")
    print(f"{'figure':<34} | {'ours':>8} | {'peer':>8} | {'ratio':>6}")
    print("-" * 66)
    for name, our_values, peer_values, fmt in rows:
        our_median, peer_median = statistics.median(our_values), statistics.median(peer_values)
        print(f"{name:<34} | {fmt.format(our_median):>8} | {fmt.format(peer_median):>8} | "
              f"{our_median / peer_median:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
