"""A book on a PostgreSQL server: print figure | ours | peer | ratio.

    python bench/server_book.py [--runs N] [--rows N]

Starts a throwaway PostgreSQL cluster the way the tests do (tests/pg_cluster.py: a folder
under /tmp, a Unix socket, no TCP port, fsync on as a real server has it), then:

Import: the 100,000-row, 20-column roster of bench/import_members.py imported as the
command line imports it, into a fresh server book, beside the same import into a fresh
SQLite book; each timed inside a child process from reading to commit. Goal ≤ 2 ×.

The members list on that server book (the members the import wrote): the page's first rows
(``search_ids`` for the default view, then ``fetch_rows`` for its first 50 ids) and each kind
of search keystroke, through the services; the peer is the same SQL (compiled with its
values written in) run straight through psycopg on an open connection, fetching the same
ids and the same 50 rows. Goals: first rows ≤ 150 ms, a keystroke ≤ 100 ms (median).

Medians over the runs after a warm-up; ours and the peer alternate.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from import_members import IMPORT_CHILD, build_roster  # noqa: E402 — bench/ is sys.path[0]

from tests.pg_cluster import start_cluster  # noqa: E402

IMPORT_GOAL = 2.0
FIRST_ROWS_GOAL_MS = 150.0
KEYSTROKE_GOAL_MS = 100.0
FIRST_PAGE = 50

QUERIES = (("name 王", "王"), ("name 晓梅", "晓梅"), ("initials zxm", "zxm"),
           ("pinyin zhangwei", "zhangwei"), ("ID tail 1234", "1234"),
           ("mobile 1391", "1391"), ("cleared box", ""))


def import_into(roster: Path, target: str, data_dir: Path) -> dict[str, float]:
    environment = {**os.environ, "GONGHUI_DATA_DIR": str(data_dir)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(roster), target],
                          capture_output=True, text=True, env=environment, check=True,
                          cwd=HERE.parent, timeout=3600)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def timed_ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def row(figure: str, ours: float, peer: float, goal: str) -> None:
    print(f"{figure:<34}{ours:>10.1f}{peer:>10.1f}{ours / peer:>8.2f}   {goal}")


def measure_list(url: str, runs: int) -> None:
    import psycopg
    from sqlalchemy import make_url

    from gonghui_desk.db.database import open_database
    from gonghui_desk.services.members import ROW_COLUMNS, MemberFilter, fetch_rows, ids_query
    from gonghui_desk.services.members import search_ids as service_ids

    db = open_database(url)
    dialect = db.engine.dialect
    parts = make_url(url)
    raw = psycopg.connect(dbname=parts.database, user=parts.username,
                          host=str(parts.query["host"]), autocommit=True)
    columns = ", ".join(f"member.{c.key}" for c in ROW_COLUMNS)

    def ours(flt: MemberFilter) -> None:
        ids = service_ids(db.sessions, flt)
        fetch_rows(db.sessions, ids[:FIRST_PAGE], flt.text)

    def peer(flt: MemberFilter) -> None:
        sql = str(ids_query(flt, dialect.name).compile(
            dialect=dialect, compile_kwargs={"literal_binds": True}))
        ids = [r[0] for r in raw.execute(sql.replace("%", "%%"))]
        raw.execute(f"SELECT {columns} FROM member WHERE id = ANY(%s)",
                    (ids[:FIRST_PAGE],)).fetchall()

    members = len(service_ids(db.sessions, MemberFilter()))
    print(f"\nthe members list on the server book, {members:,} members listed, "
          f"{runs} runs, medians (ms)")
    print(f"{'figure':<34}{'ours':>10}{'psycopg':>10}{'ratio':>8}")
    for label, text in (("first rows (default view)", None), *QUERIES):
        flt = MemberFilter(text=text or "")
        ours(flt), peer(flt)  # warm-up: plans and pages cached alike
        mine, theirs = [], []
        for _ in range(runs):
            mine.append(timed_ms(lambda f=flt: ours(f)))
            theirs.append(timed_ms(lambda f=flt: peer(f)))
        goal = (f"goal ≤ {FIRST_ROWS_GOAL_MS:.0f} ms" if text is None
                else f"goal ≤ {KEYSTROKE_GOAL_MS:.0f} ms")
        row(label if text is None else f"keystroke {label}", statistics.median(mine),
            statistics.median(theirs), goal)
    raw.close()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    roster = build_roster(args.rows)
    cluster = start_cluster(durable=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            server, local = [], []
            last_url = ""
            for run in range(args.runs):
                name = f"bench_{run}"
                cluster.psql(f"CREATE DATABASE {name}")
                last_url = cluster.url(name)
                server.append(import_into(roster, last_url, folder / f"data{run}"))
                local.append(import_into(roster, str(folder / f"book{run}.sqlite3"),
                                         folder / f"data{run}"))
            ours_s = statistics.median(r["seconds"] for r in server)
            peer_s = statistics.median(r["seconds"] for r in local)
            print(f"import of {args.rows:,} rows × 20 columns (.xlsx), {args.runs} runs, "
                  "medians (s)")
            print(f"{'figure':<34}{'server':>10}{'SQLite':>10}{'ratio':>8}")
            row("import into the book", ours_s, peer_s, f"goal ≤ {IMPORT_GOAL}")
            row("of which writing", statistics.median(r["write"] for r in server),
                statistics.median(r["write"] for r in local), "")
            measure_list(last_url, max(args.runs, 5))
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
