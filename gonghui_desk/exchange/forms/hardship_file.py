"""hardship-file: 困难职工建档申请表 — one household's file on one A4 page.

Laid out like the provincial original (data/forms/hardship_file_application.docx): its
fields in its order and rows, each row of labels above its row of values; then
是否具有自救能力, the labour contract and 是否为零就业家庭 on one line, the service card,
致困原因简述, the household table (不含员工本人), and the band of review boxes with the
applicant's pledge, signature and date at its left. The Hainan names of the original are
given their generic form (工会会员服务卡卡号, 职工服务（帮扶）中心审核意见).

Every figure can be checked from the page: the yearly income test (services.hardship) gives
家庭年度总收入, 家庭人口 and 家庭人均收入, and the notes print the workings with the same
arithmetic the app uses (domain.hardship.IncomeTest), and how 家庭其他年收入 is derived.
申报时间 is the day the file was applied for (its 申请 step) unless the user sets a 填表日期.
民族, 政治面貌 and 户口 the file leaves empty come from the linked member record.

The ID numbers are printed whole: the higher aid centre identifies the household by them,
and the export is recorded in the change history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship import IncomeTest
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.member import MemberData
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, yes_no
from gonghui_desk.exchange.forms.hardship_common import (
    DATE_LINE,
    FILE_NUMBER,
    ID_NUMBER,
    SERVICE_CARD,
    pick_file,
    review_boxes,
)
from gonghui_desk.exchange.forms.model import (
    LEFT,
    RIGHT,
    Cell,
    CellValue,
    Document,
    Grid,
    GridRow,
    label,
)
from gonghui_desk.exchange.forms.spec import FILLED, RECORD, FormParams, FormSpec
from gonghui_desk.services.hardship import YearTest, load_file, load_years
from gonghui_desk.services.member_records import get_member
from gonghui_desk.services.profile import load_profile

TITLE = "困难职工建档申请表"
# 60 columns of 3 mm across A4 portrait: each row of the original keeps its fields in
# order, each field as wide as its longest usual value needs (an 18-digit ID number).
COLUMNS = 60
WIDTHS = (1.6,) * COLUMNS  # Excel character units: the sheet prints A4 wide near 100 %
FONT_SIZE = 8
ROW_HEIGHT = 20  # points: room to write in a value by hand, and the page still one A4
# The household table: (header, columns), after the 6 columns of its row label.
HOUSEHOLD = (("姓名", 4), ("关系", 3), ("性别", 3), ("政治面貌", 4), ("文化程度", 4),
             ("身份证号", 10), ("年龄", 3), ("医保状况", 6), ("健康状况", 4), ("月收入", 4),
             ("身份", 4), ("单位或学校", 5))
HOUSEHOLD_LABEL = "家庭成员（不含员工本人）"
HOUSEHOLD_ROWS = 5  # the original's blank rows; a larger household gets a row each
SINGLE_PARENT = "是否单亲（指离异或者丧偶，且带有小孩）"
HUKOU_PLACE = "户口所在地行政区划（精确到街道）"
PLEDGE = "本人承诺填写的家庭情况和提供的证明材料真实有效。"
APPLICANT = "申请人签字（按指模）："
REVIEWED = "经审核该家庭符合困难职工建档认定条件。"
BOXES = ("本单位工会审核意见", "所属上级工会审核意见", "驻会产业工会意见",
         "职工服务（帮扶）中心审核意见")
# The aid centre signs under its heading alone: the original prints the sentence in the
# first three boxes only.
BOX_TEXTS = (REVIEWED, REVIEWED, REVIEWED)
# What the file leaves empty and its member record knows: (file field, member field, name).
FROM_MEMBER = (("ethnicity", "ethnicity", "民族"),
               ("political_status", "political_status", "政治面貌"),
               ("hukou_type", "hukou_type", "户口类型"),
               ("hukou_region", "hukou_place", "户口所在地"))


@dataclass(frozen=True)
class Figures:
    """The household's money as printed, from the latest yearly income test."""

    year: int
    income: Decimal  # 家庭年度总收入: the test's income items
    expenses: Decimal  # 刚性支出
    people: int
    per_capita: Decimal  # 家庭人均收入, per person and month
    other: Decimal  # 家庭其他年收入: the total less the worker's own (本人月均收入 × 12)


def figures(d: FileDraft, year: YearTest | None) -> Figures | None:
    if year is None:
        return None
    test = IncomeTest(sum((a for _, a in year.income), Decimal(0)),
                      sum((a for _, a in year.expenses), Decimal(0)), year.household_size,
                      year.dibao)
    return Figures(year.year, test.annual_income, test.rigid_expenses, test.household_size,
                   test.per_capita(), test.annual_income - d.monthly_income * 12)


def notes(d: FileDraft, money: Figures | None, year: YearTest | None,
          from_member: list[str]) -> tuple[str, ...]:
    """How each derived figure was reached, so the reviewer can redo it."""
    lines = []
    if money is None or year is None:
        lines.append("尚未做收入测算：家庭其他年收入、家庭年度总收入、家庭人口和家庭人均收入"
                     "暂空。请在档案的“收入测算”中测算后再导出。")
    else:
        spent = "、".join(f"{item} {yuan_text(a)}" for item, a in year.expenses) or "无"
        lines.append(
            f"家庭人均收入（{money.year} 年收入测算）=（家庭年度总收入 {yuan_text(money.income)}"
            f" − 刚性支出 {yuan_text(money.expenses)}）÷ 12 个月 ÷ {money.people} 人 = "
            f"{yuan_text(money.per_capita, unit='元/人·月')}；刚性支出：{spent}。")
        other = (f"= {yuan_text(money.other)}。" if money.other >= 0 else
                 "小于零：本人月均收入 × 12 超过家庭年度总收入，请核对收入测算。")
        lines.append(f"家庭其他年收入 = 家庭年度总收入 {yuan_text(money.income)} − 本人月均收入 "
                     f"{yuan_text(d.monthly_income)} × 12 {other}")
        listed = 1 + len(d.relatives)
        if listed != money.people:
            lines.append(f"收入测算按 {money.people} 人计算，家庭成员表现列 {listed} 人（含本人）："
                         "请重新测算。")
    lines.append("职工编号由职工服务（帮扶）中心建档后编定；档案编号为本单位工会的档案编号。")
    if from_member:
        lines.append(f"{'、'.join(from_member)}取自会员信息（档案中未填写）。")
    return tuple(lines)


def with_member(d: FileDraft, member: MemberData | None) -> tuple[FileDraft, list[str]]:
    """The file with what it leaves empty filled from its member record, and what was."""
    if member is None:
        return d, []
    filled = {mine: getattr(member, theirs) for mine, theirs, _ in FROM_MEMBER
              if not getattr(d, mine) and getattr(member, theirs)}
    names = [name for mine, _, name in FROM_MEMBER if mine in filled]
    return replace(d, **filled), names


def contract_text(d: FileDraft) -> str:
    """The contract's term as the original prints it: "起 到 止（是 固定期限）"."""
    if d.contract_start is None and d.contract_end is None:
        return "无劳动合同"
    start = f"{d.contract_start:%Y-%m-%d}" if d.contract_start else "　　"
    end = f"{d.contract_end:%Y-%m-%d}" if d.contract_end else "　　"
    return f"{start} 到 {end}（{yes_no(d.fixed_term)} 固定期限）"


def _labels_over_values(fields: tuple[tuple[str, CellValue, int], ...]) -> list[GridRow]:
    """A row of labels above the row of their values, as the original lays them out."""
    return [GridRow(tuple(label(name, span=span) for name, _, span in fields)),
            GridRow(tuple(Cell(value, span=span, private=ID_NUMBER if name == "身份证号" else None)
                          for name, value, span in fields))]


def _relative(r: RelativeDraft | None) -> GridRow:
    values = ("",) * len(HOUSEHOLD) if r is None else (
        r.name, r.relation, r.gender, r.political_status, r.education, r.id_number, r.age,
        r.medical_insurance, r.health, yuan_text(r.monthly_income, unit="", decimals=0),
        r.identity, r.unit_or_school)
    return GridRow(tuple(
        Cell(value, span=span, private=ID_NUMBER if header == "身份证号" else None)
        for value, (header, span) in zip(values, HOUSEHOLD, strict=True)
    ))


def _money(amount: Decimal | None, unit: str = "元") -> str:
    return "" if amount is None else yuan_text(amount, unit=unit)


def grid(d: FileDraft, money: Figures | None) -> Grid:
    disability = "".join(x for x in (d.disability_type, d.disability_grade) if x) or "无"
    area = f"{d.housing_area:g} 平方米" if d.housing_area is not None else ""
    other = money.other if money is not None and money.other >= 0 else None
    rows = [
        GridRow((label("职工编号", span=6), Cell("", span=12), label("困难类别", span=6),
                 Cell(d.category, span=12), label("建档标准", span=6),
                 Cell(d.filing_standard, span=18))),
        *_labels_over_values((
            ("姓名", d.name, 6), ("民族", d.ethnicity, 4), ("性别", d.gender, 3),
            ("政治面貌", d.political_status, 5), ("身份证号", d.id_number, 10),
            ("出生日期", d.birth_date, 6),
            ("健康状况", "，".join(x for x in (d.health, d.disease) if x), 6),
            ("残疾类别", disability, 8), ("工作状态", d.work_status, 6),
            ("劳模类型", d.model_worker_type or "无", 6))),
        *_labels_over_values((
            ("住房类型", d.housing, 5), ("建筑面积", area, 6), ("手机号码", d.phone, 7),
            ("其他联系方式", d.other_contact, 8), ("邮政编码", d.postcode, 5),
            ("工作时间", d.work_start, 6), ("所属行业", d.industry, 9),
            ("婚姻状况", d.marital_status, 6), ("户口类型", d.hukou_type, 8))),
        *_labels_over_values((
            ("现居住地", d.live_address, 14), ("工作单位", d.work_unit, 14),
            ("单位性质", d.unit_nature, 9), ("企业状况", d.enterprise_situation, 9),
            (SINGLE_PARENT, yes_no(d.single_parent), 14))),
        *_labels_over_values((
            ("本人月均收入", yuan_text(d.monthly_income), 7),
            ("家庭其他年收入", _money(other), 8),
            ("家庭年度总收入", _money(money.income if money else None), 8),
            ("家庭人口", f"{money.people} 人" if money else "", 5),
            ("家庭人均收入", _money(money.per_capita if money else None, "元/月"), 8),
            (HUKOU_PLACE, d.hukou_region, 14), ("医保状况", d.medical_insurance, 10))),
        GridRow((label("是否具有自救能力", span=9), Cell("是" if d.self_help else "否", span=5),
                 label("劳动合同签订日期", span=9), Cell(contract_text(d), span=20),
                 label("是否为零就业家庭", span=9), Cell(yes_no(d.zero_employment), span=8))),
        GridRow((label(SERVICE_CARD, span=14), Cell(d.service_card_no, span=46, align=LEFT))),
        GridRow((label("致困原因简述", span=7), Cell(
            "；".join(x for x in (d.cause_primary, d.cause_secondary, d.cause_text) if x),
            span=53)), lines=2),
    ]
    members: list[RelativeDraft | None] = list(d.relatives)
    members += [None] * max(0, HOUSEHOLD_ROWS - len(members))
    rows.append(GridRow((label(HOUSEHOLD_LABEL, span=6, rows=1 + len(members)),
                         *(label(h, span=s) for h, s in HOUSEHOLD))))
    rows += [_relative(r) for r in members]
    rows += review_boxes(BOXES, printed=BOX_TEXTS, columns=COLUMNS, lead=(
        Cell(PLEDGE, span=12, rows=2, align=LEFT), Cell(APPLICANT, span=12, rows=2, align=LEFT),
        Cell(DATE_LINE, span=12, align=RIGHT)))
    return Grid(WIDTHS, tuple(rows), font_size=FONT_SIZE, row_height=ROW_HEIGHT)


def application_day(steps: list[hp.Step]) -> dt.date | None:
    """The day the file was applied for: its 申请 step, which opens every file."""
    return next((s.day for s in steps if s.kind == hp.APPLY), None)


def build(sessions: SessionFactory, params: FormParams) -> Document:
    file_id = params.the_record("困难职工档案")
    draft, _, steps = load_file(sessions, file_id)
    member = get_member(sessions, draft.member_id).data if draft.member_id else None
    draft, from_member = with_member(draft, member)
    years = load_years(sessions, file_id)
    year = years[0] if years else None
    money = figures(draft, year)
    profile = load_profile(sessions)
    filled = params.the_filling_date(application_day(steps))
    return Document(
        form_id=SPEC.id,
        title=TITLE,
        header=(filled_by(profile), (FILE_NUMBER, str(file_id)), ("申报时间", date_text(filled))),
        body=grid(draft, money),
        notes=notes(draft, money, year, from_member),
        sheet_name="建档申请表",
        exported_by=exporter(sessions),
        record={"档案": f"{file_id} {draft.name}"},
    )


SPEC = FormSpec(
    id="hardship-file",
    title=TITLE,
    description="一户困难职工的建档申请表：全部登记项目、家庭成员、承诺和四级审核意见栏；"
                "申报时间为档案的申请日期（可另选填表日期）。",
    params=(RECORD, FILLED),
    build=build,
    record_kind="困难职工档案",
    pick=pick_file,
)
