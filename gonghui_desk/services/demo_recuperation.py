"""Demo 疗休养: a policy and quota per year, four trips and applications in every state.

- last year's trip, completed (one of its people applies again too soon for the cycle);
- a trip that ended six weeks ago: completed, and one place given up before it;
- a trip starting in 10 days: places arranged by rank, some not yet confirmed, a waiting
  list, and a place given up and handed on to the first waiting;
- an out-of-province trip in 25 days: applications at every step, one with an override
  of the absence rule, one not eligible, one cancelled.
Everything goes through the services, so the demo passes the same checks as the window;
it is an operation body, written in the caller's one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from gonghui_desk.db.models import Member, RecuperationApplication
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation import PRIORITY, ApplicationDraft, Policy, Trip
from gonghui_desk.services import recuperation, recuperation_apps, recuperation_trips
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.recuperation_allocation import allocate_trip

BY = "工会主席"
DAY = dt.timedelta(days=1)
STAGES = 4  # set-up, the two past trips, the trip soon, the trip later


def _people(tx: Tx) -> list[tuple[int, str, dt.date]]:
    """Members of at least two years, taken in turn from each department."""
    rows = tx.session.execute(
        select(Member.id, Member.department, Member.join_date)
        .where(Member.status == "在册", Member.deleted_at.is_(None),
               Member.join_date <= tx.today - dt.timedelta(days=800))
        .order_by(Member.id).limit(400)).all()
    by_department: dict[str, list[tuple[int, str, dt.date]]] = defaultdict(list)
    for member_id, department, joined in rows:
        if joined is not None:
            by_department[department].append((member_id, department, joined))
    queues = list(by_department.values())
    spread = []
    while any(queues):
        for queue in queues:
            if queue:
                spread.append(queue.pop(0))
    return spread


def _trip(tx: Tx, destination: str, base: str, start: dt.date, days: int,
          per_day: int, capacity: int, in_province: bool = True) -> int:
    return recuperation_trips.save_trip(tx, Trip(
        year=start.year, destination=destination, base=base, start=start,
        end=start + (days - 1) * DAY, cost_per_day=Decimal(per_day), capacity=capacity,
        in_province=in_province))


def _state(tx: Tx, app_id: int) -> str:
    """The application's state as this transaction has it (not yet committed)."""
    row = tx.session.get(RecuperationApplication, app_id)
    assert row is not None
    return row.state


def _steps(tx: Tx, app_id: int, plan: list[tuple[str, dt.date, str]]) -> None:
    for kind, day, note in plan:
        recuperation_apps.take_step(tx, app_id, kind, min(day, tx.today), BY, note)


def fill_recuperation_demo(tx: Tx, seed: int = 1) -> int:
    """Add the demo policy, quota, trips and applications; return the applications made."""
    rng = random.Random(seed)
    today = tx.today
    people = _people(tx)
    if len(people) < 30:
        return 0
    tx.progress(0, STAGES, "生成演示疗休养")
    starts = {"last": today - 400 * DAY, "done": today - 45 * DAY, "soon": today + 10 * DAY,
              "later": today + 25 * DAY}
    departments = sorted({d for _, d, _ in people if d})
    for year in sorted({d.year for d in starts.values()}):
        recuperation.save_policy(tx, Policy(year=year, union_percent=60, admin_percent=40))
        share = 30 // max(1, len(departments))
        recuperation.save_quota(tx, recuperation.Quota(
            year=year, places=30, budget=Decimal(80000), issued_by="市总工会",
            received_on=min(dt.date(year, 3, 1), today),
            departments={d: share for d in departments}))
    trips = {
        "last": _trip(tx, "杭州西湖", "市职工疗休养基地", starts["last"], 5, 480, 6),
        "done": _trip(tx, "淳安千岛湖", "千岛湖职工疗休养基地", starts["done"], 5, 480, 6),
        "soon": _trip(tx, "安吉余村", "安吉职工疗休养基地", starts["soon"], 4, 450, 5),
        "later": _trip(tx, "云南西双版纳", "", starts["later"], 7, 500, 8,
                       in_province=False),
    }
    made = 0
    tx.progress(1, STAGES, "生成演示疗休养")

    def apply(key: str, person: tuple[int, str, dt.date], applied: dt.date, *,
              absence: int = 0, companions: int = 0) -> int:
        nonlocal made
        member_id, _, joined = person
        flags = tuple(rng.sample(PRIORITY.values, rng.choice((0, 0, 1, 1, 2))))
        made += 1
        return recuperation_apps.apply(tx, ApplicationDraft(
            member_id=member_id, trip_id=trips[key], applied_on=min(applied, today),
            priority=flags, hire_date=joined - 200 * DAY,
            absence_days=absence or rng.randrange(0, 8), companions=companions,
            companion_names="配偶" if companions else ""), BY)

    def approved(day: dt.date) -> list[tuple[str, dt.date, str]]:
        return [(rp.DEPT_REVIEW, day, ""), (rp.UNION_APPROVAL, day + 5 * DAY, "")]

    # Last year's trip and the one six weeks ago: completed, by rank.
    for key, group in (("last", people[0:5]), ("done", people[5:11])):
        start = starts[key]
        ids = [apply(key, p, start - 60 * DAY) for p in group]
        for app_id in ids:
            _steps(tx, app_id, approved(start - 50 * DAY))
        allocate_trip(tx, trips[key], start - 40 * DAY, BY)
        for app_id in ids:
            if _state(tx, app_id) != rp.ARRANGED:
                continue
            if key == "done" and app_id == ids[-1]:
                _steps(tx, app_id, [(rp.DECLINE, start - 20 * DAY, "家中老人住院，无法参加")])
                continue
            _steps(tx, app_id, [(rp.CONFIRM, start - 30 * DAY, ""),
                                (rp.COMPLETE, start + 6 * DAY, "")])
    tx.progress(2, STAGES, "生成演示疗休养")
    # Soon: seven approved for five places; a place given up goes to the first waiting.
    ids = [apply("soon", p, today - 50 * DAY, companions=1 if i == 2 else 0)
           for i, p in enumerate(people[11:18])]
    for app_id in ids:
        _steps(tx, app_id, approved(today - 45 * DAY))
    allocate_trip(tx, trips["soon"], today - 30 * DAY, BY)
    arranged = [a for a in ids if _state(tx, a) == rp.ARRANGED]
    for app_id in arranged[:2]:
        _steps(tx, app_id, [(rp.CONFIRM, today - 20 * DAY, "")])
    if arranged:
        _steps(tx, arranged[-1],
               [(rp.DECLINE, today - 2 * DAY, "临时承担重点项目，工作走不开")])
    tx.progress(3, STAGES, "生成演示疗休养")
    # Later, out of the province: every step short of a place.
    ids = [apply("later", p, today - 20 * DAY) for p in people[18:24]]
    apply("later", people[0], today - 19 * DAY)  # went last year: too soon for the cycle
    absent = apply("later", people[24], today - 18 * DAY, absence=35)
    recuperation_apps.set_override(tx, absent, "absence",
                                   "因工伤住院治疗缺勤，不计入考勤扣减", BY, today - 15 * DAY)
    plan = [[], [], [(rp.DEPT_REVIEW, today - 14 * DAY, "")],
            approved(today - 12 * DAY), approved(today - 12 * DAY),
            [(rp.CANCEL, today - 10 * DAY, "本人已调往外地分公司")]]
    for app_id, steps in zip(ids, plan, strict=True):
        _steps(tx, app_id, steps)
    _steps(tx, absent, approved(today - 12 * DAY))
    tx.progress(STAGES, STAGES, "生成演示疗休养")
    return made
