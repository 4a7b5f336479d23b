"""Importing rosters whose every row is wrong: print figure | ours | peer | ratio.

    python bench/import_bad_rows.py [--rows N] [--shapes a,b] [--runs N] [--small]
                                    [--timeout S] [--cap-gb G]

Ours: the import of a 200,000-row roster (bench/bad_rosters.py) of each shape of wrong — one
placeholder ID on every row, one placeholder phone, no IDs at all, every cell garbage — run
as the command line runs it (``gonghui-desk import members FILE --report OUT.json``, all or
nothing) into a freshly initialised book, timed inside a child process around the command,
from opening the book and reading the file to the verdict and the report written.
Peer, in the same run and the same way: the good 100,000 × 20 roster of
bench/import_members.py. With ``--small``: 5-column rosters of 5,000, 10,000 and 20,000 rows
(as the quadratic duplicate check was first measured), each against the good 5-column
roster of its own size.

Goals: ours ≤ 2 × the peer, peak memory ≤ 400 MB; the verdict, the number of problems,
the size of the report and whether anything was written are printed under each figure.

Peak memory counts any helper process the import starts: the largest sum of the RSS of
the child's whole process tree, sampled from /proc every 10 ms (it may miss a peak shorter
than a sample). getrusage's RUSAGE_CHILDREN is not used: the checking process is forked
before it starts its own Python, and its figure counts the parent's pages it inherited
for that moment, which would count the parent twice.

Beside each peak: python-calamine on its own reading the same file (the whole sheet parsed,
then its rows iterated and dropped), the floor under any import that reads through it.

Safety: every child runs under an address-space cap (RLIMIT_AS, --cap-gb, default 3 GB; its
helpers inherit it) and a timeout (--timeout, default 120 s). A child over the cap or the
time is reported as such, with its time and memory as lower bounds ("> 35.1"), and the
bench goes on; a lock file left beside the book is removed and said so.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent  # the code measured is this checkout's, whatever is installed
sys.path[:0] = [str(HERE), str(CHECKOUT)]
from bad_rosters import GOOD, SHAPES, build_roster  # noqa: E402
from tree_memory import run_sampled  # noqa: E402

CALAMINE_ALONE = """
import sys
from python_calamine import CalamineWorkbook
sheet = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)
print(sum(1 for _ in sheet.iter_rows()))
"""


def calamine_peak_mb(roster: Path) -> float:
    """The peak memory of python-calamine alone reading ``roster``."""
    return run_sampled([sys.executable, "-c", CALAMINE_ALONE, str(roster)])[1]

RATIO_GOAL = 2
MEMORY_GOAL_MB = 400
PEER_ROWS = 100_000
LADDER = (5_000, 10_000, 20_000)
TODAY = "2026-12-07"  # after the demo rosters' fixed day, so no join date lies ahead

CHILD = """
import importlib, json, resource, sys, time
result, *argv = sys.argv[1:]
# The modules the command loads when it runs, loaded before the clock starts, as a running
# program has them; one renamed since is merely loaded inside the timing.
for name in ("gonghui_desk.cli_import", "gonghui_desk.db.database",
             "gonghui_desk.exchange.import_session", "gonghui_desk.exchange.member_import",
             "gonghui_desk.exchange.import_report"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        pass
from gonghui_desk.cli import main
open(result + ".start", "w").write(repr(time.time()))
start = time.perf_counter()
code = main(argv)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(result, "w").write(json.dumps({"seconds": seconds, "exit": code,
                                    "own_kb": own, "helpers_kb": helpers}))
"""


@dataclass
class Outcome:
    seconds: float  # the command's own time; a lower bound when it did not finish
    peak_mb: float  # a lower bound when it did not finish
    finished: bool
    verdict: str


def _tree_rss_kb(root: int) -> int:
    """The resident memory of a process and all its descendants, from /proc."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended between two reads
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.01):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid))


def _environment(data: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["GONGHUI_DATA_DIR"] = str(data)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(CHECKOUT), *filter(None, [environment.get("PYTHONPATH")])])
    return environment


def initialised_book(folder: Path) -> Path:
    """An empty book at the current schema, copied for every run: no run pays the set-up."""
    book = folder / "template.sqlite3"
    subprocess.run([sys.executable, "-m", "gonghui_desk", "--db", str(book), "init"],
                   env=_environment(folder / "data"), check=True, capture_output=True)
    return book


def run_import(roster: Path, template: Path, folder: Path, timeout: float,
               cap_gb: float) -> Outcome:
    """One import in a capped child; never raises for the child's own failure."""
    work = Path(tempfile.mkdtemp(dir=folder))
    book, report, result = work / "book.sqlite3", work / "report.json", work / "result.json"
    shutil.copy(template, book)
    cap = int(cap_gb * 1024 ** 3)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    command = [sys.executable, "-c", CHILD, str(result), "--db", str(book), "--today", TODAY,
               "import", "members", str(roster), "--report", str(report)]
    with (work / "out.txt").open("w") as out, (work / "err.txt").open("w") as err:
        # a session of its own, so that a timeout ends the helpers with the child
        child = subprocess.Popen(command, stdout=out, stderr=err, env=_environment(work / "data"),
                                 preexec_fn=limit, start_new_session=True)
        sampler = _Sampler(child.pid)
        sampler.start()
        fate = None
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            fate = f"timed out ({timeout:.0f} s for the whole process)"
        ended = time.time()
        sampler.done.set()
        sampler.join()
    lock = book.with_name(book.name + ".lock")
    stale = lock.exists()
    lock.unlink(missing_ok=True)
    try:
        outcome = _judge(work, fate, child.returncode, cap_gb, ended, sampler.peak_kb)
    finally:
        shutil.rmtree(work)
    if stale:
        outcome.verdict += "; a stale lock was left and removed"
    return outcome


def _judge(work: Path, fate: str | None, returncode: int, cap_gb: float, ended: float,
           sampled_kb: int) -> Outcome:
    book, report, result = work / "book.sqlite3", work / "report.json", work / "result.json"
    with closing(sqlite3.connect(book)) as connection:
        members = connection.execute("SELECT count(*) FROM member").fetchone()[0]
        batches = connection.execute("SELECT count(*) FROM import_batch").fetchone()[0]
    written = "nothing written" if members == batches == 0 else (
        f"{members:,} members and {batches} batch(es) in the book")
    if fate is None and result.exists():
        figures = json.loads(result.read_text())
        peak = max(figures["own_kb"], sampled_kb) / 1024
        lines = (work / "out.txt").read_text(errors="replace").strip().splitlines()
        said = lines[-1][:70] if lines else ""
        if report.exists():
            content = json.loads(report.read_text())
            problems = len(content.get("errors", []))
            size = report.stat().st_size
            shown = f"{size / 1024:,.0f} KB" if size < 1024 ** 2 else f"{size / 1024 ** 2:,.1f} MB"
            verdict = (f"{'accepted' if figures['exit'] == 0 else 'refused'} "
                       f"(exit {figures['exit']}): {problems:,} problems, report {shown}, "
                       f"{written}; “{said}”")
        else:
            verdict = f"exit {figures['exit']}, no report; {written}; “{said}”"
        return Outcome(figures["seconds"], peak, True, verdict)
    start = work / "result.json.start"
    seconds = ended - float(start.read_text()) if start.exists() else 0.0
    if fate is None:
        tail = (work / "err.txt").read_text(errors="replace")[-4000:]
        if any(s in tail for s in ("MemoryError", "out of memory", "Cannot allocate memory",
                                   "bad_alloc")):
            fate = f"killed: over {cap_gb:g} GB"
        elif returncode < 0:
            fate = f"killed by {signal.Signals(-returncode).name}"
        else:
            last = tail.strip().splitlines()[-1:] or [""]
            fate = f"failed (exit {returncode}): {last[0][:80]}"
    return Outcome(seconds, sampled_kb / 1024, False,
                   f"{fate}, stopped {seconds:.1f} s into the command; {written}")


def combined(outcomes: list[Outcome]) -> Outcome:
    """The median time and the largest peak; a run that did not finish stands for all."""
    failed = [o for o in outcomes if not o.finished]
    if failed:
        return failed[0]
    return Outcome(statistics.median(o.seconds for o in outcomes),
                   max(o.peak_mb for o in outcomes), True, outcomes[0].verdict)


def _bound(value: float, finished: bool, digits: int) -> str:
    return f"{value:.{digits}f}" if finished else f">{value:.{digits}f}"


def print_case(label: str, ours: Outcome, peer: Outcome, calamine_mb: float) -> None:
    ratio = _bound(ours.seconds / peer.seconds, ours.finished, 2) if peer.finished else "—"
    print(f"{label:<44}{_bound(ours.seconds, ours.finished, 2):>10}"
          f"{_bound(peer.seconds, peer.finished, 2):>10}{ratio:>8}   goal ≤ {RATIO_GOAL}")
    peak = _bound(ours.peak_mb, ours.finished, 0)
    print(f"{'  peak memory, MB (the limit as peer)':<44}{peak:>10}{MEMORY_GOAL_MB:>10}"
          f"{_bound(ours.peak_mb / MEMORY_GOAL_MB, ours.finished, 2):>8}"
          f"   goal ≤ 1")
    print(f"{'  python-calamine alone reading it, MB':<44}{calamine_mb:>10.0f}{MEMORY_GOAL_MB:>10}"
          f"{calamine_mb / MEMORY_GOAL_MB:>8.2f}")
    print(f"  {ours.verdict}")


def _shapes(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SHAPES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"shapes are {', '.join(SHAPES)}; not {unknown}")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="rows of each bad roster")
    parser.add_argument("--shapes", type=_shapes, default=list(SHAPES),
                        help=f"comma-separated, of: {', '.join(SHAPES)} (default: all)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--small", action="store_true",
                        help="5 columns at 5,000, 10,000 and 20,000 rows, each against the "
                             "good roster of its size (ignores --rows)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per import")
    parser.add_argument("--cap-gb", type=float, default=3, help="address space per process")
    args = parser.parse_args()
    if args.small:
        cases = [(rows, 5, build_roster(GOOD, rows, 5)) for rows in LADDER]
    else:
        from import_members import build_roster as good_roster

        cases = [(args.rows, 20, good_roster(PEER_ROWS))]
    rosters = {(rows, shape): build_roster(shape, rows, columns)
               for rows, columns, _ in cases for shape in args.shapes}
    print(f"every row wrong, {args.runs} run(s), medians; each import capped at "
          f"{args.cap_gb:g} GB and {args.timeout:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = initialised_book(folder)
        for rows, columns, good in cases:
            peers: list[Outcome] = []
            ours: dict[str, list[Outcome]] = {shape: [] for shape in args.shapes}
            for _ in range(args.runs):  # alternating, so machine noise hits both
                peers.append(run_import(good, template, folder, args.timeout, args.cap_gb))
                for shape in args.shapes:
                    ours[shape].append(run_import(rosters[rows, shape], template, folder,
                                                  args.timeout, args.cap_gb))
            peer = combined(peers)
            peer_rows = rows if args.small else PEER_ROWS
            print(f"\n{rows:,} rows × {columns} columns (.xlsx); peer: the good "
                  f"{peer_rows:,} × {columns} import, "
                  f"{_bound(peer.seconds, peer.finished, 2)} s, "
                  f"peak {_bound(peer.peak_mb, peer.finished, 0)} MB")
            print(f"  peer: {peer.verdict}")
            print(f"{'figure':<44}{'ours':>10}{'peer':>10}{'ratio':>8}")
            for shape in args.shapes:
                print_case(f"{SHAPES[shape]} ÷ the good import", combined(ours[shape]), peer,
                           calamine_peak_mb(rosters[rows, shape]))


if __name__ == "__main__":
    main()
