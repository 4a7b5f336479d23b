"""Power-cut test: a writer is killed with SIGKILL at random moments, again and again.

After every kill the file must pass ``integrity_check``, every transaction the writer
reported as committed must be there, and no batch may be half written. Imports are killed
the same way: no partial import batch may be visible.
"""

import random
import selectors
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gonghui_desk.db import engine as eng
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import ImportBatch, ImportBatchItem, Member, MembershipEvent

pytestmark = pytest.mark.slow
WRITER = Path(__file__).with_name("crash_writer.py")
STREAM_KILLS = 100
IMPORT_KILLS = 40
DEMO_KILLS = 10


def kill_at_random(mode, db_path, rng, stats):
    """Start the writer, kill it at a random moment; return the commits it reported."""
    process = subprocess.Popen(
        [sys.executable, str(WRITER), mode, str(db_path)],
        stdout=subprocess.PIPE, text=True, bufsize=1,
    )
    assert process.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + rng.uniform(0.0, 0.4)
    reported = []
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    while time.monotonic() < deadline:
        if selector.select(timeout=max(0.0, deadline - time.monotonic())):
            line = process.stdout.readline()
            if not line:
                break
            reported.append(line.split()[1])
    process.kill()  # SIGKILL: no cleanup, no atexit, like a power cut
    process.wait()  # no timeout here: it polls with time.sleep, which faketime breaks
    reported.extend(line.split()[1] for line in process.stdout.read().splitlines())
    selector.close()
    stats["kills"] += 1
    return reported


def check_file(db_path, reported_batches):
    facts = eng.describe_file(db_path)
    assert facts.integrity == [], facts.integrity
    database = open_database(db_path, recover_stale_lock=True)
    try:
        with database.session() as session:
            sizes = Counter(
                dict(session.execute(select(Member.note, func.count()).group_by(Member.note)).all())
            )
            orphans = session.scalar(
                select(func.count()).select_from(MembershipEvent).where(
                    ~MembershipEvent.member_id.in_(select(Member.id)))
            )
            events = session.scalar(select(func.count()).select_from(MembershipEvent))
            members = session.scalar(select(func.count()).select_from(Member))
    finally:
        database.close()
    batches = {note: n for note, n in sizes.items() if note.startswith("batch-")}
    for number in reported_batches:
        assert f"batch-{int(number):08d}" in batches, f"committed batch {number} lost"
    assert all(n == 40 for n in batches.values()), "a half-written batch is visible"
    assert orphans == 0 and events == members
    return members


def check_import_batches(db_path):
    """Every recorded import batch has all its members, and every member its batch."""
    database = open_database(db_path, recover_stale_lock=True)
    try:
        with database.session() as session:
            batches = session.scalars(select(ImportBatch)).all()
            items = session.scalar(select(func.count()).select_from(ImportBatchItem))
            members = session.scalar(select(func.count()).select_from(Member))
    finally:
        database.close()
    assert all(b.added == 40 for b in batches)
    assert items == members == 40 * len(batches)


def test_random_kills_never_corrupt_or_lose_committed_work(tmp_path, record_property):
    rng = random.Random(20261121)
    db_path = tmp_path / "crash.sqlite3"
    open_database(db_path).close()
    stats = Counter()
    committed = []
    for _ in range(STREAM_KILLS):
        committed += kill_at_random("stream", db_path, rng, stats)
        members = check_file(db_path, committed)
    assert len(committed) > STREAM_KILLS  # the writer did get work done between kills

    import_path = tmp_path / "import.sqlite3"
    open_database(import_path).close()
    imported = []
    for _ in range(IMPORT_KILLS):
        imported += kill_at_random("import", import_path, rng, stats)
        check_file(import_path, imported)
        check_import_batches(import_path)
    assert len(imported) > 0

    demo_path = tmp_path / "demo.sqlite3"
    open_database(demo_path).close()
    for _ in range(DEMO_KILLS):
        reported = kill_at_random("demo", demo_path, rng, stats)
        facts = eng.describe_file(demo_path)
        assert facts.integrity == []
        assert facts.counts["member"] in (0, 20000), "a partial demo fill is visible"
        if reported:
            assert facts.counts["member"] == 20000
            break
    record_property("kills", stats["kills"])
    record_property("stream_commits_checked", len(committed))
    record_property("import_commits_checked", len(imported))
    record_property("members_checked", members)
    print(f"\ncrash test: {stats['kills']} kills, {len(committed)} reported commits and "
          f"{len(imported)} reported imports all present, {members} members checked, "
          "no half-written batch")
