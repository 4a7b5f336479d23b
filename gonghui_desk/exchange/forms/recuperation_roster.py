"""recuperation-roster: 疗休养人员名单 for one trip.

Everyone holding a place, by department, with whether they have confirmed, their
companions (self-paid), their cost and personal share, and a column to sign; the waiting
list in order below. ID numbers and phones are masked unless full numbers are asked for
(a travel agency insuring the group needs them; that export is recorded).
"""

from __future__ import annotations

from decimal import Decimal

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, in_batches
from gonghui_desk.exchange.forms.model import (
    LEFT,
    MONEY,
    RIGHT,
    Column,
    Document,
    Private,
    Table,
)
from gonghui_desk.exchange.forms.spec import RECORD, Choice, FormParams, FormSpec
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.recuperation import TripRow, trips, years_on_file
from gonghui_desk.services.recuperation_list import Traveller, trip_people
from gonghui_desk.services.recuperation_trips import trip_row

TITLE = "疗休养人员名单"


def _status(t: Traveller) -> str:
    if t.state == rp.DONE:
        return "已完成"
    return "已确认" if t.confirmed else "待确认"


COLUMNS = (
    Column("姓名", 8, lambda t: t.name),
    Column("性别", 5, lambda t: t.gender),
    Column("部门", 11, lambda t: t.department),
    Column("岗位", 9, lambda t: t.post),
    Column("身份证号", 20, lambda t: t.id_number, private=Private(mask_id_number)),
    Column("手机号码", 13, lambda t: t.phone, private=Private(mask_phone)),
    Column("优先条件", 17, lambda t: t.priority, align=LEFT),
    Column("随行家属", 13,
           lambda t: f"{t.companion_names}（{t.companions} 人）" if t.companions else "",
           align=LEFT),
    Column("状态", 7, _status),
    Column("费用（元）", 10, lambda t: t.cost, MONEY, align=RIGHT),
    Column("个人负担（元）", 11, lambda t: t.personal, MONEY, align=RIGHT),
    Column("本人签字", 10, lambda t: ""),
)


def build(sessions: SessionFactory, params: FormParams) -> Document:
    trip_id = params.the_record("疗休养批次")
    row = trip_row(sessions, trip_id)
    trip = row.trip
    people, waiting = trip_people(sessions, trip_id)
    confirmed = sum(1 for t in people if t.confirmed or t.state == rp.DONE)
    companions = sum(t.companions for t in people)
    total = sum((t.cost for t in people), Decimal(0))
    personal = sum((t.personal for t in people), Decimal(0))
    summary = (
        f"名额 {trip.capacity} 人，已安排 {len(people)} 人（已确认或已完成 {confirmed} 人，"
        f"待确认 {len(people) - confirmed} 人）；随行家属 {companions} 人，费用自理。",
        f"费用合计 {yuan_text(total)}，其中个人负担 {yuan_text(personal)}。",
        "候补名单（按排名）：" + ("、".join(f"{i}. {n}" for i, n in enumerate(waiting, 1))
                              if waiting else "无") + "。",
    )
    base = f"（{trip.base}）" if trip.base else ""
    return Document(
        form_id=SPEC.id, title=TITLE,
        subtitle=(f"{trip.destination}{base}　{trip.scope}　{date_text(trip.start)} 至 "
                  f"{date_text(trip.end)}，共 {trip.days} 天　"
                  f"每人每天 {yuan_text(trip.cost_per_day)}"),
        header=(filled_by(load_profile(sessions)), ("制表日期", date_text(params.today))),
        body=Table(COLUMNS, in_batches(people), len(people), summary=summary),
        signatures=("工会主席（签字）", "经办人"), stamp=True, landscape=True,
        sheet_name="人员名单", reveal=params.full_ids, exported_by=exporter(sessions),
        record={"批次": f"{trip.destination} {trip.start:%Y-%m-%d}"})


def _choice(r: TripRow) -> Choice:
    t = r.trip
    return Choice(r.id, f"{t.start:%Y-%m-%d}　{t.destination}　{t.scope}　已安排 "
                        f"{r.arranged}/{t.capacity}", t.destination)


def pick_trip(sessions: SessionFactory, text: str) -> tuple[list[Choice], int]:
    """Trips of the years on file whose destination matches, the latest first."""
    found = [_choice(r) for year in years_on_file(sessions) for r in reversed(trips(sessions, year))
             if text.strip() in r.trip.destination + r.trip.base]
    return found[:50], len(found)


SPEC = FormSpec(
    id="recuperation-roster",
    title=TITLE,
    description="一个疗休养批次的已安排人员：部门、是否确认、随行家属、费用与个人负担、签字栏，附候补名单。",
    params=(RECORD,),
    build=build,
    record_kind="疗休养批次",
    pick=pick_trip,
)
