"""recuperation-approval: 职工疗休养审批表 for one application.

The person and the trip, the cost and who pays it, every rule of the year's policy with
符合 / 不符合 / 已特批 and what was checked, each override with its written reason and who
gave it, the steps taken, the applicant's signature, and the department's and the
union's opinion boxes. The ID number is masked (the form is kept by the branch).
"""

from __future__ import annotations

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.recuperation_rules import RuleResult
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by
from gonghui_desk.exchange.forms.hardship_common import (
    COLUMNS,
    WIDTHS,
    heading,
    pledge_row,
    signoff_rows,
    triple,
)
from gonghui_desk.exchange.forms.model import Cell, Document, Grid, GridRow, label
from gonghui_desk.exchange.forms.spec import FILLED, RECORD, Choice, FormParams, FormSpec
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.recuperation import years_on_file
from gonghui_desk.services.recuperation_apps import ApplicationDetail, detail
from gonghui_desk.services.recuperation_list import ApplicationFilter, application_rows

TITLE = "职工疗休养审批表"
PLEDGE = "本人自愿申请参加职工疗休养，所填情况属实；服从统一安排，遵守纪律，按规定承担个人费用。"


def _rule_row(result: RuleResult) -> GridRow:
    verdict = "符合" if result.ok else ("已特批" if result.override else "不符合")
    text = result.text + (f"特批理由：{result.override}" if result.override else "")
    return GridRow((label(result.name, span=4), Cell(verdict, span=3),
                    Cell(text, span=COLUMNS - 7, align="left")))


def _rows(d: ApplicationDetail) -> list[GridRow]:
    draft, trip = d.draft, d.trip
    companions = (f"{draft.companions} 人（{draft.companion_names}），自费 "
                  f"{yuan_text(d.companion_cost)}" if draft.companions else "无")
    rows = [
        heading("一、申请人"),
        triple(("姓名", d.name), ("性别", d.gender), ("出生日期", d.birth_date)),
        triple(("部门", d.department), ("岗位", d.post), ("身份证号", d.id_masked)),
        triple(("入会日期", d.join_date), ("入职日期", draft.hire_date),
               ("上年缺勤", f"{draft.absence_days} 天")),
        triple(("优先条件", "、".join(draft.priority) or "无"), ("申请日期", draft.applied_on)),
        heading("二、疗休养安排"),
        triple(("目的地", trip.destination), ("范围", trip.scope), ("基地", trip.base or "—")),
        triple(("出发日期", trip.start), ("返回日期", trip.end), ("天数", f"{trip.days} 天")),
        triple(("每人每天", yuan_text(trip.cost_per_day)), ("本人费用", yuan_text(d.cost)),
               ("随行家属", companions)),
        heading("三、费用分担"),
        triple(("工会经费", yuan_text(d.union)), ("行政福利费", yuan_text(d.admin)),
               ("个人负担", yuan_text(d.personal))),
        heading(f"四、资格审核（{trip.year} 年度疗休养政策）　结论：{d.verdict.summary}"),
        *(_rule_row(r) for r in d.verdict.results),
    ]
    if d.overrides:
        rows.append(heading("五、特批事项"))
        rows += [GridRow((label(o.name, span=4), Cell(
            f"{o.reason}（{o.by}，{o.day:%Y-%m-%d}）", span=COLUMNS - 4, align="left")))
            for o in d.overrides]
    steps = "；".join(f"{s.day:%Y-%m-%d} {s.kind}" + (f"（{s.by}）" if s.by else "")
                     + (f"：{s.note}" if s.note else "") for s in d.steps)
    rows += [
        GridRow((label("办理记录", span=4), Cell(steps, span=COLUMNS - 4, align="left")),
                lines=2),
        pledge_row(PLEDGE, who="申请人签字"),
        *signoff_rows("部门", "工会"),
    ]
    return rows


def build(sessions: SessionFactory, params: FormParams) -> Document:
    d = detail(sessions, params.the_record("疗休养申请"))
    # The application is filled in on the day it is made, and before the trip leaves.
    filled = params.the_filling_date(d.draft.applied_on, before=("出发日期", d.trip.start))
    profile = load_profile(sessions)
    return Document(
        form_id=SPEC.id, title=TITLE,
        header=(filled_by(profile), ("申请编号", str(d.id)),
                ("状态", d.state + ("（已确认）" if d.confirmed else ""))),
        body=Grid(WIDTHS, tuple(_rows(d)), font_size=9, row_height=17),
        notes=(f"填表日期：{date_text(filled)}",),
        sheet_name="审批表", exported_by=exporter(sessions), record={"申请": d.name})


def pick_application(sessions: SessionFactory, text: str) -> tuple[list[Choice], int]:
    """Applications of the latest years whose name or ID digits match, newest first."""
    found: list[Choice] = []
    for year in years_on_file(sessions)[:3]:
        for r in reversed(application_rows(sessions, ApplicationFilter(year, text=text))):
            found.append(Choice(r.id, f"{r.name}　{r.department}　{r.trip}　{r.state}", r.name))
    return found[:50], len(found)


SPEC = FormSpec(
    id="recuperation-approval",
    title=TITLE,
    description="一份疗休养申请：本人情况、批次、费用分担、逐条资格审核与特批理由、审批签字栏。",
    params=(RECORD, FILLED),
    build=build,
    record_kind="疗休养申请",
    private_values=False,
    pick=pick_application,
)
