"""member-changes: 会员变动情况登记表 — the membership changes of a period.

Every 入会, 转入, 保留, 恢复, 转出, 除名 and 退会 that took effect in the period, grouped by
kind with a subtotal after each group and the totals of every kind at the end.
"""

from __future__ import annotations

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.reconcile import Discrepancy
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, in_batches
from gonghui_desk.exchange.forms.model import DATE, LEFT, Column, Document, Private, Table
from gonghui_desk.exchange.forms.spec import PERIOD, FormParams, FormSpec
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.reconcile import period_discrepancies
from gonghui_desk.services.statistics import ChangeRow, changes_between

TITLE = "会员变动情况登记表"

COLUMNS: tuple[Column, ...] = (
    Column("姓名", 8, lambda r: r.name),
    Column("性别", 4.5, lambda r: r.gender),
    Column("证件号码", 19, lambda r: r.id_number, private=Private(mask_id_number)),
    Column("部门/车间", 11, lambda r: r.department),
    Column("变动类型", 7, lambda r: r.kind),
    Column("变动日期", 10.5, lambda r: r.effective_date, DATE),
    Column("变动原因", 16, lambda r: r.reason, align=LEFT),
    Column("转入/转出单位", 15, lambda r: r.counterpart_union, align=LEFT),
    Column("经办人", 7, lambda r: r.handled_by),
)


def totals_line(rows: list[ChangeRow]) -> str:
    counts = {kind: 0 for kind in ms.EVENT_KINDS.values}
    for row in rows:
        counts[row.kind] += 1
    parts = "，".join(f"{kind} {n} 人" for kind, n in counts.items())
    return f"合计：{parts}；共 {len(rows)} 人次。"


def preflight(sessions: SessionFactory, params: FormParams) -> list[Discrepancy]:
    start, end = params.the_period()
    return period_discrepancies(sessions, start, end)


def build(sessions: SessionFactory, params: FormParams) -> Document:
    start, end = params.the_period()
    profile = load_profile(sessions)
    rows = changes_between(sessions, start, end)

    def kind(row: ChangeRow) -> str:
        return row.kind

    return Document(
        form_id=SPEC.id,
        title=TITLE,
        subtitle=f"（{date_text(start)} 至 {date_text(end)}）",
        header=(filled_by(profile),),
        body=Table(COLUMNS, in_batches(rows), len(rows), group=kind,
                   subtotal=lambda key, n: f"小计：{key} {n} 人", summary=(totals_line(rows),),
                   font_size=8),
        signatures=("工会主席（签字）", "经办人"),
        stamp=True,
        sheet_name="会员变动",
        reveal=params.full_ids,
        exported_by=exporter(sessions),
        record={"期间": f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}", "人次": len(rows)},
    )


SPEC = FormSpec(
    id="member-changes",
    title=TITLE,
    description="一段时间内的入会、转入、保留、恢复、转出、除名、退会，按类型小计并合计。",
    params=(PERIOD,),
    build=build,
    preflight=preflight,
)
