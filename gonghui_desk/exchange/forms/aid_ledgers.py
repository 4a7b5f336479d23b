"""aid-payments and hardship-ledger: the money side of hardship aid.

帮扶资金发放登记表: every payment of a period with a blank column in which the recipient
signs, and the totals per type and fund source; a payment voided in the period has no line
(nobody signs for it) and is named under the totals, 已作废 with its reason, counted nowhere.
困难职工帮扶台账 (.xlsx): every file with its state, category, household, per-capita income
and the year's aid, with the totals.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, in_batches
from gonghui_desk.exchange.forms.model import (
    DATE,
    LEFT,
    MONEY,
    NUMBER,
    RIGHT,
    Column,
    Document,
    Table,
)
from gonghui_desk.exchange.forms.spec import PERIOD, YEAR, FormParams, FormSpec
from gonghui_desk.services.aid import payments_between, totals
from gonghui_desk.services.hardship_list import FileFilter, list_files
from gonghui_desk.services.profile import load_profile

PAYMENTS_TITLE = "帮扶资金发放登记表"
LEDGER_TITLE = "困难职工帮扶台账"


def _sum_lines(sessions: SessionFactory, start: dt.date, end: dt.date) -> tuple[str, ...]:
    t = totals(sessions, start, end)
    kinds = "，".join(f"{k} {yuan_text(v)}" for k, v in t.by_kind.items() if v)
    sources = "，".join(f"{k} {yuan_text(v)}" for k, v in t.by_source.items() if v)
    return (f"合计：{t.count} 笔，{yuan_text(t.total)}。",
            f"按帮扶类型：{kinds or '无'}。", f"按资金来源：{sources or '无'}。")


PAYMENT_COLUMNS = (
    Column("姓名", 8, lambda r: r.name),
    Column("档案编号", 6, lambda r: str(r.file_id)),
    Column("帮扶类型", 12, lambda r: r.kind),
    Column("发放日期", 10.5, lambda r: r.day, DATE),
    Column("金额（元）", 10, lambda r: r.amount, MONEY, align=RIGHT),
    Column("资金来源", 11, lambda r: r.fund_source),
    Column("经办人", 7, lambda r: r.handled_by),
    Column("备注", 10, lambda r: r.note, align=LEFT),
    Column("领取人签字", 12, lambda r: ""),
)


def voided_lines(sessions: SessionFactory, start: dt.date, end: dt.date) -> tuple[str, ...]:
    """One line per payment of the period voided, so that the form read later still shows
    what was taken off and why."""
    voided = [r for r in payments_between(sessions, start, end, with_voided=True) if r.voided]
    if not voided:
        return ()
    return (f"另有 {len(voided)} 笔已作废，不计入合计：", *(
        f"已作废：{r.name} {date_text(r.day)} {r.kind} {yuan_text(r.amount)}"
        f"（{date_text(r.voided_on) if r.voided_on else ''} {r.voided_by} 作废，"
        f"原因：{r.void_reason}）"
        for r in voided))


def build_payments(sessions: SessionFactory, params: FormParams) -> Document:
    start, end = params.the_period()
    rows = payments_between(sessions, start, end)
    profile = load_profile(sessions)
    return Document(
        form_id=PAYMENTS_SPEC.id, title=PAYMENTS_TITLE,
        subtitle=f"（{date_text(start)} 至 {date_text(end)}）",
        header=(filled_by(profile),),
        body=Table(PAYMENT_COLUMNS, in_batches(rows), len(rows),
                   summary=(*_sum_lines(sessions, start, end),
                            *voided_lines(sessions, start, end)), font_size=9),
        signatures=("工会主席（签字）", "经办人", "财务"), stamp=True, landscape=True,
        sheet_name="发放登记", exported_by=exporter(sessions),
    )


def _ledger_columns(aid_by_file: dict[int, Decimal], count_by_file: dict[int, int]
                    ) -> tuple[Column, ...]:
    return (
        Column("档案编号", 6, lambda r: str(r.id)),
        Column("姓名", 8, lambda r: r.name),
        Column("身份证号", 20, lambda r: r.id_number_masked),
        Column("困难类别", 9, lambda r: r.category),
        Column("状态", 9, lambda r: r.state),
        Column("家庭人口", 6, lambda r: r.household_size, NUMBER),
        Column("申请日期", 10.5, lambda r: r.applied_on, DATE),
        Column("下次复核", 10.5, lambda r: r.review_due, DATE),
        Column("本年帮扶次数", 7, lambda r: count_by_file.get(r.id, 0), NUMBER),
        Column("本年帮扶金额（元）", 11, lambda r: aid_by_file.get(r.id, Decimal(0)), MONEY,
               align=RIGHT),
    )


def build_ledger(sessions: SessionFactory, params: FormParams) -> Document:
    year = params.the_year()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    files = list_files(sessions, FileFilter(), today=min(params.today, end))
    payments = payments_between(sessions, start, end)
    count_by_file: dict[int, int] = {}
    for p in payments:
        count_by_file[p.file_id] = count_by_file.get(p.file_id, 0) + 1
    aid_by_file = totals(sessions, start, end).by_file
    profile = load_profile(sessions)
    return Document(
        form_id=LEDGER_SPEC.id, title=LEDGER_TITLE, subtitle=f"（{year} 年度）",
        header=(filled_by(profile),),
        body=Table(_ledger_columns(aid_by_file, count_by_file), in_batches(files), len(files),
                   summary=(f"档案 {len(files)} 份。", *_sum_lines(sessions, start, end)),
                   font_size=9),
        landscape=True, sheet_name=f"{year}年台账", exported_by=exporter(sessions),
    )


PAYMENTS_SPEC = FormSpec(
    id="aid-payments",
    title=PAYMENTS_TITLE,
    description="一段时间内的帮扶资金发放，带领取人签字栏，按帮扶类型和资金来源合计。",
    params=(PERIOD,),
    build=build_payments,
)
LEDGER_SPEC = FormSpec(
    id="hardship-ledger",
    title=LEDGER_TITLE,
    description="全年全部困难职工档案：类别、状态、家庭人口、复核日期和本年帮扶次数与金额。",
    params=(YEAR,),
    build=build_ledger,
    formats=("xlsx",),
)
