"""member-card: 工会会员登记表 — one member's registration form on one A4 page.

Laid out like the paper form: label and value cells, the photo box, the membership
history, the member's own declaration and the branch's approval with stamp and date. The
ID number is part of the registration record (会籍管理办法) and is printed whole, which
the change history records; the mobile number is masked unless asked for.
"""

from __future__ import annotations

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, yes_no
from gonghui_desk.exchange.forms.model import (
    CENTER,
    Cell,
    Document,
    Grid,
    GridRow,
    Private,
    label,
    signoff_box,
)
from gonghui_desk.exchange.forms.spec import FILLED, RECORD, FormParams, FormSpec
from gonghui_desk.services.member_export import ExportRow, fetch_export_rows
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.statistics import EventLine, events_of

TITLE = "工会会员登记表"
DECLARATION = "本人自愿加入中华全国总工会，承认《中国工会章程》，履行会员义务，按期交纳会费。"
WIDTHS = (13, 12, 10, 12, 10, 12, 8, 8)


def _history(events: list[EventLine]) -> str:
    parts = []
    for e in events:
        detail = "，".join(x for x in (e.reason, e.counterpart_union) if x)
        parts.append(f"{e.effective_date:%Y-%m-%d} {e.kind}" + (f"（{detail}）" if detail else ""))
    return "；".join(parts) or "（无记录）"


def grid(m: ExportRow, events: list[EventLine], unit_name: str) -> Grid:
    v = Cell
    return Grid(WIDTHS, (
        GridRow((label("姓名"), v(m.name), label("性别"), v(m.gender), label("出生日期"),
                 v(m.birth_date), Cell("照片", span=2, rows=4, align=CENTER))),
        GridRow((label("民族"), v(m.ethnicity), label("政治面貌"), v(m.political_status),
                 label("学历"), v(m.education))),
        GridRow((label("籍贯"), v(m.native_place), label("户籍类型"), v(m.hukou_type),
                 label("技术等级"), v(m.tech_level))),
        GridRow((label("证件类别"), v(m.id_type), label("证件号码"),
                 Cell(m.id_number, span=3, private=Private(mask_id_number, required=True)))),
        GridRow((label("工作单位"), v(m.work_unit or unit_name, span=3), label("部门/车间"),
                 v(m.department, span=3))),
        GridRow((label("岗位"), v(m.post, span=3), label("移动电话"),
                 Cell(m.phone, span=3, private=Private(mask_phone)))),
        GridRow((label("户籍所在地"), v(m.hukou_place, span=7))),
        GridRow((label("入会日期"), v(m.join_date), label("会员证号"), v(m.card_number),
                 label("会籍状态"), v(m.status, span=3))),
        GridRow((label("农民工"), v(yes_no(m.migrant_worker)), label("劳务派遣"),
                 v(yes_no(m.dispatched)), label("新就业形态"), v(m.new_employment_form or "否"),
                 label("劳模"), v(m.model_worker_level or "无"))),
        GridRow((label("会籍变化记录"), v(_history(events), span=7)), lines=3),
        GridRow((label("本人申请"), Cell(DECLARATION, span=7,
                                          signoff="本人签名：　　　　　\n年　　月　　日")),
                lines=4),
        GridRow((label("基层工会意见"), signoff_box(span=7, who="工会主席（签字）")), lines=4),
        GridRow((label("备注"), v("", span=7)), lines=2),
    ))


def build(sessions: SessionFactory, params: FormParams) -> Document:
    member_id = params.the_record("会员")
    rows = fetch_export_rows(sessions, [member_id])
    if not rows:
        raise UserError(f"找不到编号为 {member_id} 的会员（可能已删除或在回收站中）。"
                        "请在会员页面查看编号后再导出。")
    member = rows[0]
    profile = load_profile(sessions)
    return Document(
        form_id=SPEC.id,
        title=TITLE,
        # It lists the membership history to date: filled in today unless the user says.
        header=(filled_by(profile), ("填表日期", date_text(params.the_filling_date(None)))),
        body=grid(member, events_of(sessions, member_id), profile.unit_name),
        sheet_name="会员登记表",
        reveal=params.full_ids,
        exported_by=exporter(sessions),
        record={"会员": member.name},
    )


SPEC = FormSpec(
    id="member-card",
    title=TITLE,
    description="一名会员的登记表（一页 A4），含会籍变化记录、本人申请和基层工会意见栏。",
    params=(RECORD, FILLED),
    build=build,
    record_kind="会员",
)
