"""Updating members on file from a roster: print figure | ours | peer | ratio, in seconds.

    python bench/upsert_members.py [--runs N] [--members N] [--updates N]

The book: the demo database of ``--members`` members (bench/.cache, built once). The roster:
the first ``--updates`` members on file, each with a new mobile and another department, as
a monthly payroll re-import brings them.

Ours: writing the planned import (``import --mode upsert`` less the reading, the check and
the safety copy): every update judged again by the member dialog's rules and saved by its
writer, with a history entry for each changed field and one for the batch, in one
transaction. The check is printed on its own line, against nothing.
Peer, in the same run: the same new values put in by bare sqlite3 (``executemany`` of an
UPDATE by id, one commit), which checks nothing and keeps no history.

Each run writes into a fresh copy of the book; ours and the peer alternate so machine
noise hits both. Medians over the runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from run import prepare_database  # noqa: E402

TODAY = dt.date(2026, 12, 7)
DEPARTMENTS = ("质检科", "仓储部")


def _changes(book: Path, count: int) -> list[tuple[int, str, str, str, str]]:
    """(id, name, ID number, new mobile, new department) of the first members on file."""
    with sqlite3.connect(book) as connection:
        rows = connection.execute(
            "SELECT id, name, id_number FROM member WHERE deleted_at IS NULL AND "
            "id_number IS NOT NULL ORDER BY id LIMIT ?", (count,)).fetchall()
    return [(i, name, number, f"136{n:08d}", DEPARTMENTS[n % 2])
            for n, (i, name, number) in enumerate(rows)]


def _roster(path: Path, changes: list[tuple[int, str, str, str, str]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员")
    sheet.append(["姓名", "证件号码", "移动电话", "部门"])
    for _, name, number, phone, department in changes:
        sheet.append([name, number, phone, department])
    workbook.save(path)
    return path


def ours(book: Path, roster: Path) -> tuple[float, float, int]:
    """(seconds to check, seconds to write, members updated)."""
    from gonghui_desk.db.database import open_database
    from gonghui_desk.exchange.import_session import prepare_request, read_roster
    from gonghui_desk.exchange.member_import import ImportPlan, plan_import, write_plan
    from gonghui_desk.services.operations import run_once

    db = open_database(book)
    try:
        start = time.perf_counter()
        request = prepare_request(db.sessions, read_roster(roster, None), roster, "upsert",
                                  TODAY)
        out: list[ImportPlan] = []
        for _ in plan_import(db.sessions, request, out):
            pass
        checked = time.perf_counter() - start
        start = time.perf_counter()
        run_once(db, "导入会员", lambda tx: write_plan(tx, out[0], valid_only=False))
        written = time.perf_counter() - start
        return checked, written, out[0].count("更新")
    finally:
        db.close()


def peer(book: Path, changes: list[tuple[int, str, str, str, str]]) -> float:
    start = time.perf_counter()
    connection = sqlite3.connect(book)
    try:
        connection.executemany("UPDATE member SET phone = ?, department = ? WHERE id = ?",
                               [(phone, department, i) for i, _, _, phone, department in changes])
        connection.commit()
    finally:
        connection.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--updates", type=int, default=5_000)
    args = parser.parse_args()
    source = prepare_database(args.members)
    checks, writes, bare = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        changes = _changes(source, args.updates)
        roster = _roster(work / "更新名册.xlsx", changes)
        for run in range(args.runs):
            book = work / f"ours-{run}.sqlite3"
            shutil.copy(source, book)
            checked, written, updated = ours(book, roster)
            if updated != len(changes):
                print(f"only {updated} of {len(changes)} rows were updates", file=sys.stderr)
                return 1
            checks.append(checked)
            writes.append(written)
            book.unlink()
            book = work / f"peer-{run}.sqlite3"
            shutil.copy(source, book)
            bare.append(peer(book, changes))
            book.unlink()
    our_write, peer_write = statistics.median(writes), statistics.median(bare)
    print(f"{args.members:,} members, {len(changes):,} updates, {args.runs} runs, medians")
    print(f"{'figure':<28} | {'ours':>8} | {'peer':>8} | {'ratio':>6}")
    print("-" * 60)
    print(f"{'check the roster':<28} | {statistics.median(checks):>8.2f} | {'':>8} | {'':>6}")
    print(f"{'write the updates':<28} | {our_write:>8.2f} | {peer_write:>8.2f} | "
          f"{our_write / peer_write:>6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
