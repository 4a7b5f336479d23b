"""member-roster: 工会会员信息采集表 — everyone who was a member on a day.

The columns are the provincial template's, in its order (DOMAIN.md §1); the 会籍变化
columns show each member's latest change on or before that day. ID and phone numbers are
masked unless full numbers are asked for (the upload to the provincial system needs them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, YES_NO
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import CODE_LISTS
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, yes_no
from gonghui_desk.exchange.forms.model import DATE, Column, Document, Private, Table
from gonghui_desk.exchange.forms.spec import AS_OF, FormParams, FormSpec
from gonghui_desk.services.member_export import ExportRow, fetch_export_rows
from gonghui_desk.services.members import MemberFilter, search_ids
from gonghui_desk.services.profile import load_profile

TITLE = "工会会员信息采集表"
ID_NUMBER = Private(mask_id_number)
PHONE = Private(mask_phone)
EVENT_KINDS = ("入会", "转入", "保留", "转出", "除名", "退会")  # the province's list


def _choices(field: str) -> tuple[str, ...]:
    return CODE_LISTS[field].values


def columns(unit_name: str) -> tuple[Column, ...]:
    def event(r: ExportRow) -> str | None:
        return r.latest_event.kind if r.latest_event else None

    return (
        Column("姓名", 8, lambda r: r.name),
        Column("性别", 4.5, lambda r: r.gender, choices=_choices("gender")),
        Column("出生日期", 10.5, lambda r: r.birth_date, DATE),
        Column("民族", 6, lambda r: r.ethnicity, choices=_choices("ethnicity")),
        Column("就业状况", 7, lambda r: r.employment_status,
               choices=_choices("employment_status")),
        Column("有效证件类别", 10.5, lambda r: r.id_type, choices=_choices("id_type")),
        Column("证件号码", 19, lambda r: r.id_number, private=ID_NUMBER),
        Column("学历", 6, lambda r: r.education, choices=_choices("education")),
        Column("技术等级", 11, lambda r: r.tech_level, choices=_choices("tech_level")),
        Column("移动电话", 12, lambda r: r.phone, private=PHONE),
        Column("户籍类型", 10.5, lambda r: r.hukou_type, choices=_choices("hukou_type")),
        Column("户籍所在地", 11.5, lambda r: r.hukou_place),
        Column("会籍变化类型", 7, event, choices=EVENT_KINDS),
        Column("会籍变化日期", 10.5,
               lambda r: r.latest_event.effective_date if r.latest_event else None, DATE),
        Column("会籍变化原因", 12, lambda r: r.latest_event.reason if r.latest_event else None,
               choices=MEMBERSHIP_CHANGE_REASON.values),
        Column("政治面貌", 9, lambda r: r.political_status,
               choices=_choices("political_status")),
        Column("工作单位", 14, lambda r: r.work_unit or unit_name),
        Column("籍贯", 8, lambda r: r.native_place),
        Column("是否农民工会员", 7, lambda r: yes_no(r.migrant_worker), choices=YES_NO.values),
    )


def _notes(full_ids: bool) -> tuple[str, ...]:
    notes = [
        "说明：1. 会员含在册和保留会籍的会员；会籍变化为截至日期当天或以前最近的一次。",
    ]
    if not full_ids:
        notes.append("2. 证件号码和移动电话已隐去中间位数；报送上级工会时，"
                     "请选择“完整证件号码”重新导出。")
    return tuple(notes)


def build(sessions: SessionFactory, params: FormParams) -> Document:
    day = params.the_as_of()
    profile = load_profile(sessions)
    ids = search_ids(sessions, MemberFilter(member_on=day))

    def batches() -> Iterator[Sequence[ExportRow]]:
        for start in range(0, len(ids), 500):
            yield fetch_export_rows(sessions, ids[start:start + 500], as_of=day)

    return Document(
        form_id=SPEC.id,
        title=TITLE,
        subtitle=f"（截至 {date_text(day)}，共 {len(ids)} 人）",
        header=(filled_by(profile), ("单位名称", profile.unit_name or "—")),
        body=Table(columns(profile.unit_name), batches, len(ids), font_size=7),
        notes=_notes(params.full_ids),
        signatures=("单位负责人（签字）", "填表人"),
        stamp=True,
        landscape=True,
        sheet_name="会员信息",
        reveal=params.full_ids,
        exported_by=exporter(sessions),
        record={"截至": f"{day:%Y-%m-%d}", "人数": len(ids)},
    )


SPEC = FormSpec(
    id="member-roster",
    title=TITLE,
    description="截至某日的全体会员（在册和保留会籍），按省总工会会员信息采集表的列顺序。",
    params=(AS_OF,),
    build=build,
)
