"""Demo 疗休养: a policy and quota per year, four trips and applications in every state.

- last year's trip, completed (one of its people applies again too soon for the cycle);
- a trip that ended six weeks ago: completed, and one place given up before it;
- a trip starting in 10 days: places arranged by rank, some not yet confirmed, a waiting
  list, and a place given up and handed on to the first waiting;
- an out-of-province trip in 25 days: applications at every step, one with an override
  of the absence rule, one not eligible, one cancelled.
Everything goes through the services, so the demo passes the same checks as the window.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from gonghui_desk.db.models import Member
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation import PRIORITY, ApplicationDraft, Policy, Trip
from gonghui_desk.services import recuperation, recuperation_apps, recuperation_trips
from gonghui_desk.services.recuperation_allocation import allocate_trip

BY = "工会主席"
DAY = dt.timedelta(days=1)


def _people(sessions: SessionFactory, today: dt.date) -> list[tuple[int, str, dt.date]]:
    """Members of at least two years, taken in turn from each department."""
    with session_scope(sessions) as session:
        rows = session.execute(
            select(Member.id, Member.department, Member.join_date)
            .where(Member.status == "在册", Member.deleted_at.is_(None),
                   Member.join_date <= today - dt.timedelta(days=800))
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


def _trip(sessions: SessionFactory, destination: str, base: str, start: dt.date, days: int,
          per_day: int, capacity: int, in_province: bool = True) -> int:
    return recuperation_trips.save_trip(sessions, Trip(
        year=start.year, destination=destination, base=base, start=start,
        end=start + (days - 1) * DAY, cost_per_day=Decimal(per_day), capacity=capacity,
        in_province=in_province))


def _steps(sessions: SessionFactory, app_id: int, plan: list[tuple[str, dt.date, str]],
           today: dt.date) -> None:
    for kind, day, note in plan:
        recuperation_apps.take_step(sessions, app_id, kind, min(day, today), BY, note,
                                    today=today)


def fill_recuperation_demo(sessions: SessionFactory, today: dt.date, seed: int = 1) -> int:
    """Add the demo policy, quota, trips and applications; return the applications made."""
    rng = random.Random(seed)
    people = _people(sessions, today)
    if len(people) < 30:
        return 0
    starts = {"last": today - 400 * DAY, "done": today - 45 * DAY, "soon": today + 10 * DAY,
              "later": today + 25 * DAY}
    departments = sorted({d for _, d, _ in people if d})
    for year in sorted({d.year for d in starts.values()}):
        recuperation.save_policy(sessions, Policy(year=year, union_percent=60, admin_percent=40))
        share = 30 // max(1, len(departments))
        recuperation.save_quota(sessions, recuperation.Quota(
            year=year, places=30, budget=Decimal(80000), issued_by="市总工会",
            received_on=min(dt.date(year, 3, 1), today),
            departments={d: share for d in departments}))
    trips = {
        "last": _trip(sessions, "杭州西湖", "市职工疗休养基地", starts["last"], 5, 480, 6),
        "done": _trip(sessions, "淳安千岛湖", "千岛湖职工疗休养基地", starts["done"], 5, 480, 6),
        "soon": _trip(sessions, "安吉余村", "安吉职工疗休养基地", starts["soon"], 4, 450, 5),
        "later": _trip(sessions, "云南西双版纳", "", starts["later"], 7, 500, 8,
                       in_province=False),
    }
    made = 0

    def apply(key: str, person: tuple[int, str, dt.date], applied: dt.date, *,
              absence: int = 0, companions: int = 0) -> int:
        nonlocal made
        member_id, _, joined = person
        flags = tuple(rng.sample(PRIORITY.values, rng.choice((0, 0, 1, 1, 2))))
        made += 1
        return recuperation_apps.apply(sessions, ApplicationDraft(
            member_id=member_id, trip_id=trips[key], applied_on=min(applied, today),
            priority=flags, hire_date=joined - 200 * DAY,
            absence_days=absence or rng.randrange(0, 8), companions=companions,
            companion_names="配偶" if companions else ""), BY, today=today)

    def approved(day: dt.date) -> list[tuple[str, dt.date, str]]:
        return [(rp.DEPT_REVIEW, day, ""), (rp.UNION_APPROVAL, day + 5 * DAY, "")]

    # Last year's trip and the one six weeks ago: completed, by rank.
    for key, group in (("last", people[0:5]), ("done", people[5:11])):
        start = starts[key]
        ids = [apply(key, p, start - 60 * DAY) for p in group]
        for app_id in ids:
            _steps(sessions, app_id, approved(start - 50 * DAY), today)
        allocate_trip(sessions, trips[key], start - 40 * DAY, BY)
        for app_id in ids:
            detail = recuperation_apps.detail(sessions, app_id)
            if detail.state != rp.ARRANGED:
                continue
            if key == "done" and app_id == ids[-1]:
                _steps(sessions, app_id, [(rp.DECLINE, start - 20 * DAY, "家中老人住院，无法参加")],
                       today)
                continue
            _steps(sessions, app_id, [(rp.CONFIRM, start - 30 * DAY, ""),
                                      (rp.COMPLETE, start + 6 * DAY, "")], today)
    # Soon: seven approved for five places; a place given up goes to the first waiting.
    ids = [apply("soon", p, today - 50 * DAY, companions=1 if i == 2 else 0)
           for i, p in enumerate(people[11:18])]
    for app_id in ids:
        _steps(sessions, app_id, approved(today - 45 * DAY), today)
    allocate_trip(sessions, trips["soon"], today - 30 * DAY, BY)
    arranged = [a for a in ids if recuperation_apps.detail(sessions, a).state == rp.ARRANGED]
    for app_id in arranged[:2]:
        _steps(sessions, app_id, [(rp.CONFIRM, today - 20 * DAY, "")], today)
    if arranged:
        _steps(sessions, arranged[-1],
               [(rp.DECLINE, today - 2 * DAY, "临时承担重点项目，工作走不开")], today)
    # Later, out of the province: every step short of a place.
    ids = [apply("later", p, today - 20 * DAY) for p in people[18:24]]
    apply("later", people[0], today - 19 * DAY)  # went last year: too soon for the cycle
    absent = apply("later", people[24], today - 18 * DAY, absence=35)
    recuperation_apps.set_override(sessions, absent, "absence",
                                   "因工伤住院治疗缺勤，不计入考勤扣减", BY, today - 15 * DAY)
    plan = [[], [], [(rp.DEPT_REVIEW, today - 14 * DAY, "")],
            approved(today - 12 * DAY), approved(today - 12 * DAY),
            [(rp.CANCEL, today - 10 * DAY, "本人已调往外地分公司")]]
    for app_id, steps in zip(ids, plan, strict=True):
        _steps(sessions, app_id, steps, today)
    _steps(sessions, absent, approved(today - 12 * DAY), today)
    return made
