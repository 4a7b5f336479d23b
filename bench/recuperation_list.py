"""The 疗休养 list with every rule checked, at a big branch: figure | ours | peer | ratio, in s.

    python bench/recuperation_list.py [--runs N] [--applications N]

The database: the demo branch with 100,000 members, plus N applications (default 2,000)
for one year spread over 20 trips, half approved and waiting for a place, built once and
kept in bench/.cache.
Ours:
- ``application_rows`` as the 疗休养 page shows them: every application with the 15 rules
  checked against the policy, places and budget, the verdict, masked ID and waiting place;
- ``ranking`` of the biggest trip: everyone approved, ranked, with what allocation would do.
Peer, in the same run: a bare SQL query of the same applications joined to their member
and trip, masked, with no rule checked — the least a list can cost.
Goal: the whole list within 0.5 s (a refresh the chair does not wait for); the ratio says
what the rules cost over reading the rows. Medians; ours and the peer take turns.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sqlalchemy import func, insert, select  # noqa: E402

from gonghui_desk.clock import Clock  # noqa: E402
from gonghui_desk.db.database import Database, open_database  # noqa: E402
from gonghui_desk.db.models import (  # noqa: E402
    Member,
    RecuperationApplication,
    RecuperationStep,
    RecuperationTrip,
)
from gonghui_desk.db.session import session_scope  # noqa: E402
from gonghui_desk.domain import recuperation_process as rp  # noqa: E402
from gonghui_desk.domain.masking import mask_id_number  # noqa: E402
from gonghui_desk.domain.recuperation import Policy, Trip  # noqa: E402
from gonghui_desk.services import recuperation as rec  # noqa: E402
from gonghui_desk.services.demo import fill_demo  # noqa: E402
from gonghui_desk.services.operations import run_once  # noqa: E402
from gonghui_desk.services.recuperation_allocation import ranking  # noqa: E402
from gonghui_desk.services.recuperation_list import (  # noqa: E402
    ApplicationFilter,
    application_rows,
)
from gonghui_desk.services.recuperation_trips import save_trip  # noqa: E402

CACHE = HERE / ".cache"
GOAL = 0.5
AS_OF = dt.date(2026, 11, 21)
YEAR = 2027  # a year of its own, away from the demo's trips


def database(applications: int) -> Database:
    path = CACHE / f"recuperation-{applications}.sqlite3"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        building = path.with_name(path.name + ".building")
        building.unlink(missing_ok=True)
        db = open_database(building, clock=Clock(AS_OF))
        run_once(db, "生成演示数据", lambda tx: fill_demo(tx, 100_000))
        _applications(db, applications)
        db.close()
        building.rename(path)
    return open_database(path)


def _applications(db: Database, count: int) -> None:
    rng = random.Random(5)
    rec.save_policy(db.sessions, Policy(YEAR))
    rec.save_quota(db.sessions, rec.Quota(YEAR, count // 4, Decimal(count * 600)))
    trips = [save_trip(db.sessions, Trip(
        YEAR, f"基地{i:02d}", dt.date(YEAR, 3, 1) + dt.timedelta(days=14 * i),
        dt.date(YEAR, 3, 4) + dt.timedelta(days=14 * i), Decimal(rng.choice((400, 450, 500))),
        20, in_province=i % 4 != 0)) for i in range(20)]
    with session_scope(db.sessions) as session:
        members = session.scalars(select(Member.id).where(Member.status == "在册")
                                  .order_by(Member.id).limit(count)).all()
        first = (session.scalar(select(func.max(RecuperationApplication.id))) or 0) + 1
        apps, steps = [], []
        for n, member_id in enumerate(members, start=first):
            trip_id = trips[0] if n % 2 else rng.choice(trips)
            approved = n % 2 == 1
            apps.append({"id": n, "member_id": member_id, "trip_id": trip_id,
                         "state": rp.APPROVED if approved else rp.APPLIED,
                         "applied_on": dt.date(YEAR - 1, 11, 1) + dt.timedelta(days=n % 30),
                         "priority": "、".join(rng.sample(("一线职工", "劳模/先进", "工伤职工"),
                                                         rng.randrange(0, 3))),
                         "hire_date": dt.date(2010, 1, 1), "absence_days": rng.randrange(0, 40),
                         "cost_fen": 180000, "union_fen": 90000, "admin_fen": 90000})
            kinds = (rp.APPLY, rp.DEPT_REVIEW, rp.UNION_APPROVAL) if approved else (rp.APPLY,)
            steps += [{"application_id": n, "kind": k, "day": dt.date(YEAR - 1, 11, 20),
                       "by": "工会主席"} for k in kinds]
        session.execute(insert(RecuperationApplication), apps)
        session.execute(insert(RecuperationStep), steps)


def peer(db: Database) -> int:
    with session_scope(db.sessions) as session:
        rows = session.execute(
            select(RecuperationApplication.id, Member.name, Member.department, Member.id_number,
                   RecuperationTrip.destination, RecuperationTrip.start_date,
                   RecuperationApplication.state, RecuperationApplication.priority,
                   RecuperationApplication.cost_fen, RecuperationApplication.personal_fen)
            .join(Member, Member.id == RecuperationApplication.member_id)
            .join(RecuperationTrip, RecuperationTrip.id == RecuperationApplication.trip_id)
            .where(RecuperationTrip.year == YEAR)).all()
        return len([(r[1], mask_id_number(r[3])) for r in rows])


def timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--applications", type=int, default=2000)
    args = parser.parse_args()
    db = database(args.applications)
    biggest = rec.trips(db.sessions, YEAR)[0].id
    rows = len(application_rows(db.sessions, ApplicationFilter(YEAR)))
    ours_list, ours_rank, theirs = [], [], []
    for _ in range(args.runs):
        ours_list.append(timed(lambda: application_rows(db.sessions, ApplicationFilter(YEAR)), 1))
        ours_rank.append(timed(lambda: ranking(db.sessions, biggest), 1))
        theirs.append(timed(lambda: peer(db), 1))
    db.close()
    ours, rank_time, bare = (statistics.median(x) for x in (ours_list, ours_rank, theirs))
    print(f"疗休养 list of {rows} applications, 100,000 members on file, median of {args.runs}")
    print(f"{'figure':<44}{'ours':>8}{'peer':>8}{'ratio':>8}")
    print(f"{'list with every rule checked vs bare query':<44}{ours:>8.3f}{bare:>8.3f}"
          f"{ours / bare:>8.1f}")
    print(f"{'ranking of the biggest trip':<44}{rank_time:>8.3f}{'':>8}{'':>8}")
    verdict = "met" if ours <= GOAL else "NOT met"
    print(f"goal: the list within {GOAL} s — {verdict}")


if __name__ == "__main__":
    main()
