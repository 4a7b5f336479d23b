"""hardship-file: 困难职工建档申请表 — one household's file on one A4 page.

Every field of the provincial form (DOMAIN.md §2), the household table (不含本人), the
truthfulness pledge and the four review boxes (本单位工会, 所属上级工会, 产业工会, 帮扶中心).
The ID numbers are printed whole: the higher aid centre identifies the household by them,
and the export is recorded in the change history.
"""

from __future__ import annotations

from decimal import Decimal

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft, household_size
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by
from gonghui_desk.exchange.forms.hardship_common import (
    COLUMNS,
    ID_NUMBER,
    WIDTHS,
    heading,
    pick_file,
    pledge_row,
    signoff_rows,
    triple,
    yes_no,
)
from gonghui_desk.exchange.forms.model import Cell, Document, Grid, GridRow, label
from gonghui_desk.exchange.forms.spec import RECORD, FormParams, FormSpec
from gonghui_desk.services.hardship import YearTest, load_file, load_years
from gonghui_desk.services.profile import load_profile

TITLE = "困难职工建档申请表"
# The household table: (header, columns) — 30 in all.
HOUSEHOLD = (("姓名", 3), ("关系", 2), ("性别", 2), ("政治面貌", 2), ("文化程度", 2),
             ("身份证号", 6), ("年龄", 2), ("医保状况", 3), ("健康状况", 2), ("月收入", 2),
             ("身份", 2), ("单位或学校", 2))
MIN_HOUSEHOLD_ROWS = 3


def _relative(r: RelativeDraft | None) -> GridRow:
    values = ("", "", "", "", "", "", "", "", "", "", "", "") if r is None else (
        r.name, r.relation, r.gender, r.political_status, r.education, r.id_number, r.age,
        r.medical_insurance, r.health, yuan_text(r.monthly_income, unit="", decimals=0),
        r.identity, r.unit_or_school)
    return GridRow(tuple(
        Cell(value, span=span, private=ID_NUMBER if header == "身份证号" else None)
        for value, (header, span) in zip(values, HOUSEHOLD, strict=True)
    ))


def grid(file_id: int, d: FileDraft, year: YearTest | None) -> Grid:
    disability = "".join(x for x in (d.disability_type, d.disability_grade) if x) or "无"
    contract = "—"
    if d.contract_start or d.contract_end:
        term = "固定期限" if d.fixed_term else "无固定期限"
        contract = (f"{d.contract_start or '　'} 至 {d.contract_end or '　'}（{term}）")
    income = sum((a for _, a in year.income), Decimal(0)) if year else None
    people = year.household_size if year else household_size(len(d.relatives))
    rows = [
        triple(("职工编号", file_id), ("困难类别", d.category), ("建档标准", d.filing_standard)),
        triple(("姓名", d.name), ("性别", d.gender), ("民族", d.ethnicity)),
        triple(("政治面貌", d.political_status), ("出生日期", d.birth_date),
               ("健康状况", "，".join(x for x in (d.health, d.disease) if x))),
        triple(("身份证号", d.id_number, ID_NUMBER), ("残疾类别", disability),
               ("工作状态", d.work_status)),
        triple(("劳模类型", d.model_worker_type or "无"), ("住房类型", d.housing),
               ("建筑面积", f"{d.housing_area:g} 平方米" if d.housing_area is not None else "")),
        triple(("手机号码", d.phone), ("其他联系方式", d.other_contact), ("邮政编码", d.postcode)),
        triple(("工作时间", d.work_start), ("所属行业", d.industry),
               ("婚姻状况", d.marital_status)),
        triple(("户口类型", d.hukou_type), ("单位性质", d.unit_nature),
               ("企业状况", d.enterprise_situation)),
        triple(("现居住地", d.live_address)),
        triple(("工作单位", d.work_unit)),
        triple(("户口所在地（到街道）", d.hukou_region)),
        triple(("是否单亲", yes_no(d.single_parent)), ("零就业家庭", yes_no(d.zero_employment)),
               ("自救能力", "有" if d.self_help else "无")),
        triple(("本人月均收入", yuan_text(d.monthly_income)),
               ("家庭年度总收入", yuan_text(income)),
               ("家庭人口", f"{people} 人")),
        triple(("家庭人均月收入", yuan_text(year.per_capita) if year else ""),
               ("医保状况", d.medical_insurance), ("会员服务卡号", d.service_card_no)),
        GridRow((label("劳动合同", span=4), Cell(contract, span=COLUMNS - 4))),
        GridRow((label("致困原因", span=4), Cell(
            "；".join(x for x in (d.cause_primary, d.cause_secondary, d.cause_text) if x),
            span=COLUMNS - 4)), lines=2),
        heading("家庭成员（不含本人）"),
        GridRow(tuple(label(h, span=s) for h, s in HOUSEHOLD)),
    ]
    members: list[RelativeDraft | None] = list(d.relatives)
    members += [None] * max(0, MIN_HOUSEHOLD_ROWS - len(members))
    rows += [_relative(r) for r in members]
    rows.append(pledge_row())
    rows += signoff_rows("本单位工会", "所属上级工会", "产业工会", "帮扶中心")
    return Grid(WIDTHS, tuple(rows), font_size=8.5, row_height=19)


def build(sessions: SessionFactory, params: FormParams) -> Document:
    file_id = params.the_record("困难职工档案")
    draft, _, _ = load_file(sessions, file_id)
    years = load_years(sessions, file_id)
    profile = load_profile(sessions)
    return Document(
        form_id=SPEC.id,
        title=TITLE,
        header=(filled_by(profile), ("申报时间", date_text(params.today))),
        body=grid(file_id, draft, years[0] if years else None),
        sheet_name="建档申请表",
        exported_by=exporter(sessions),
        record={"档案": f"{file_id} {draft.name}"},
    )


SPEC = FormSpec(
    id="hardship-file",
    title=TITLE,
    description="一户困难职工的建档申请表：全部登记项目、家庭成员、承诺和四级审核意见栏。",
    params=(RECORD,),
    build=build,
    record_kind="困难职工档案",
    pick=pick_file,
)
