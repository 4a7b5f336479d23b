"""member-roster: 工会会员信息采集表, the provincial member-collection form.

One definition for every export of it: the 报表 page and ``export member-roster`` (everyone
who was a member on a day, ``build``) and the members page (its list as filtered and
sorted, ``list_document``, through exchange.roster).

The .xlsx is the province's template (data/provincial_member_template.xlsx) filled in: 附件四,
the title and the 填表单位（盖章） line above the header; the header texts verbatim, with
their format hints and line breaks, in the template's order (DOMAIN.md §1); every cell
text, dates as yyyy/MM/dd; the template's dropdowns with its code lists, 民族 on the list
sheet 下拉菜单表 as there; the merged 填表说明 row below the data. The import reads it back
(exchange.header_map takes the hints off the headers). The PDF draws the same columns.

The 会籍变化 columns show each member's latest change (on or before the day, for a roster
as of a day). ID and mobile numbers: the upload to the provincial system needs them whole,
so the members page exports them whole and records it; the 报表 page masks them unless
full numbers are asked for, which is recorded too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, RESIDENT_ID, YES_NO
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import CODE_LISTS
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, yes_no
from gonghui_desk.exchange.forms.model import (
    SHEET_HEADING,
    SHEET_NOTE,
    SHEET_TITLE,
    Column,
    Document,
    Private,
    SheetRow,
    Table,
)
from gonghui_desk.exchange.forms.spec import AS_OF, FormParams, FormSpec
from gonghui_desk.services.member_export import ExportRow, fetch_export_rows
from gonghui_desk.services.members import MemberFilter, search_ids
from gonghui_desk.services.profile import load_profile

TITLE = "工会会员信息采集表"
ANNEX = "附件四"
SHEET_NAME = "会员信息"
LIST_SHEET = "下拉菜单表"
ID_NUMBER = Private(mask_id_number)
PHONE = Private(mask_phone)
BATCH = 500
# The province's own lists where they are shorter than ours: its system knows no 恢复
# (restored after 保留) and takes no document but the resident ID.
EVENT_KINDS = tuple(k for k in ms.EVENT_KINDS.values if k != ms.RESTORE)
ID_TYPES = (RESIDENT_ID,)
# The template's note, its line breaks as it shows them (it pushes item 2 onto a line
# of its own with a run of spaces, which wraps differently in every program).
NOTE = (
    "填表说明：\n"
    "1、此表所列项目均为必填项，包括基层工会组织和基层以上工会组织发展的会员信息，"
    "《工会会员登记表》上有相应项目规范填写；\n"
    "2、“工作单位”需填写完整的单位全称。\n"
    "3、具体请查看《工会会员实名信息采集表说明书》，在填写过程中如有疑问，请联系省总工会基层工作部。"
)
SIGNER = "     单位负责人(签字)："
STAMP_COLUMNS = 11  # 填表单位（盖章） over A:K, 单位负责人 over L:T, as in the template


def _slashed(day: dt.date | None) -> str | None:
    """yyyy/MM/dd, as the template's headers ask (isoformat: a tenth of strftime's cost)."""
    return day.isoformat().replace("-", "/") if day else None


def _choices(field: str) -> tuple[str, ...]:
    return CODE_LISTS[field].values


def columns(unit_name: str) -> tuple[Column, ...]:
    """The template's columns 2–20, its header texts verbatim; 工作单位 is the member's
    own, else the branch's unit (the province wants every field filled).

    Widths: the template's are for a form filled by hand (an ID number in 10.4 wraps);
    these keep an ID number, a mobile and a date on one line in Excel and, scaled to the
    landscape page at 7 pt, in the PDF too.
    """
    def kind(r: ExportRow) -> str | None:
        return r.latest_event.kind if r.latest_event else None

    def changed_on(r: ExportRow) -> str | None:
        return _slashed(r.latest_event.effective_date) if r.latest_event else None

    def reason(r: ExportRow) -> str | None:
        return r.latest_event.reason if r.latest_event else None

    return (
        Column("姓名", 8, lambda r: r.name),
        Column("性别", 4.5, lambda r: r.gender, choices=_choices("gender")),
        Column("出生日期（格式：yyyy/MM/dd）", 11, lambda r: _slashed(r.birth_date)),
        Column("民族", 6.5, lambda r: r.ethnicity, choices=_choices("ethnicity"), listed=True),
        Column("就业状况", 7, lambda r: r.employment_status,
               choices=_choices("employment_status")),
        Column("有效证件类别", 10.5, lambda r: r.id_type, choices=ID_TYPES),
        Column("证件号码\n(填写18位身份证)", 19.5, lambda r: r.id_number, private=ID_NUMBER),
        Column("学历", 6, lambda r: r.education, choices=_choices("education")),
        Column("技术等级", 11, lambda r: r.tech_level, choices=_choices("tech_level")),
        Column("移动电话", 12.5, lambda r: r.phone, private=PHONE),
        Column("户籍类型", 10.5, lambda r: r.hukou_type, choices=_choices("hukou_type")),
        Column("户籍所在地", 11.5, lambda r: r.hukou_place),
        Column("会籍变化类型", 7, kind, choices=EVENT_KINDS),
        Column("会籍变化日期（格式：yyyy/MM/dd）", 11, changed_on),
        Column("会籍变化原因", 12, reason, choices=MEMBERSHIP_CHANGE_REASON.values),
        Column("政治面貌", 9, lambda r: r.political_status,
               choices=_choices("political_status")),
        Column("工作单位", 14, lambda r: r.work_unit or unit_name),
        Column("籍贯", 8, lambda r: r.native_place),
        Column("是否农民工会员\n填写“是”或“否”", 8, lambda r: yes_no(r.migrant_worker),
               choices=YES_NO.values),
    )


def sheet_top(profile: BranchProfile) -> tuple[SheetRow, ...]:
    """附件四, the title, and the 填表单位（盖章） line with the 单位负责人 signature."""
    return (
        SheetRow((ANNEX,)),
        SheetRow((TITLE,), kind=SHEET_TITLE, height=32),
        SheetRow((f"填表单位（盖章）：{profile.union_name}", SIGNER), (STAMP_COLUMNS,),
                 kind=SHEET_HEADING, height=28),
    )


SHEET_BOTTOM = (SheetRow((NOTE,), kind=SHEET_NOTE, height=82),)


def roster_document(
    sessions: SessionFactory, ids: Sequence[int], *, as_of: dt.date | None, reveal: bool,
    subtitle: str, notes: tuple[str, ...], record: dict[str, object],
) -> Document:
    """The form for the members ``ids``, in that order, read in batches as it is drawn."""
    profile = load_profile(sessions)

    def batches() -> Iterator[Sequence[ExportRow]]:
        for start in range(0, len(ids), BATCH):
            yield fetch_export_rows(sessions, ids[start:start + BATCH], as_of=as_of)

    table = Table(columns(profile.unit_name), batches, len(ids), font_size=7,
                  text_cells=True, list_sheet=LIST_SHEET)
    return Document(
        form_id=SPEC.id,
        title=TITLE,
        subtitle=subtitle,
        header=(filled_by(profile), ("单位名称", profile.unit_name or "—")),
        body=table,
        notes=notes,
        signatures=("单位负责人（签字）", "填表人"),
        stamp=True,
        landscape=True,
        sheet_name=SHEET_NAME,
        reveal=reveal,
        exported_by=exporter(sessions),
        record=record,
        sheet_top=sheet_top(profile),
        sheet_bottom=SHEET_BOTTOM,
    )


def _masked_note(number: int) -> str:
    return (f"{number}. 证件号码和移动电话已隐去中间位数；报送上级工会时，"
            "请选择“完整证件号码”重新导出。")


def build(sessions: SessionFactory, params: FormParams) -> Document:
    """Everyone who was a member (在册 or 保留) on the chosen day."""
    day = params.the_as_of()
    ids = search_ids(sessions, MemberFilter(member_on=day))
    notes = [f"说明：1. 截至 {date_text(day)}在册和保留会籍的会员，共 {len(ids)} 人；"
             "会籍变化为该日或以前最近的一次。"]
    if not params.full_ids:
        notes.append(_masked_note(2))
    return roster_document(
        sessions, ids, as_of=day, reveal=params.full_ids,
        subtitle=f"（截至 {date_text(day)}，共 {len(ids)} 人）", notes=tuple(notes),
        record={"截至": f"{day:%Y-%m-%d}", "人数": len(ids)},
    )


def list_document(sessions: SessionFactory, ids: Sequence[int]) -> Document:
    """The members page's list (``ids`` in its order), with the full numbers the upload
    needs; each member's latest change."""
    return roster_document(
        sessions, ids, as_of=None, reveal=True, subtitle=f"（共 {len(ids)} 人）", notes=(),
        record={"人数": len(ids)},
    )


SPEC = FormSpec(
    id="member-roster",
    title=TITLE,
    description="截至某日的全体会员（在册和保留会籍），按省总工会会员信息采集表的格式。",
    params=(AS_OF,),
    build=build,
)
