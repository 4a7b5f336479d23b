"""A hardship file as the chair fills it in, and the checks it must pass before saving.

The applicant may be a member (their details are copied in) or a worker who is not one.
Household members are listed without the applicant (不含本人). Amounts are ``Decimal``
yuan here; the database keeps whole fen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.idnumber import InvalidIdNumber, parse_id_number
from gonghui_desk.domain.member import CODE_LISTS as MEMBER_CODE_LISTS
from gonghui_desk.errors import FieldProblem


@dataclass(frozen=True)
class RelativeDraft:
    name: str
    relation: str = ""
    gender: str = ""
    political_status: str = ""
    education: str = ""
    id_number: str = ""
    age: int | None = None
    medical_insurance: str = ""
    health: str = ""
    monthly_income: Decimal = Decimal(0)
    identity: str = ""
    unit_or_school: str = ""
    id: int | None = None  # the saved member's number: saving again updates that member


@dataclass(frozen=True)
class FileDraft:
    name: str
    id_number: str
    member_id: int | None = None
    category: str = ""
    filing_standard: str = ""
    region: str = ""
    gender: str = ""
    ethnicity: str = ""
    political_status: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    other_contact: str = ""
    postcode: str = ""
    health: str = ""
    disease: str = ""
    disability_type: str = ""
    disability_grade: str = ""
    work_status: str = ""
    model_worker_type: str = ""
    housing: str = ""
    housing_area: float | None = None
    marital_status: str = ""
    hukou_type: str = ""
    hukou_region: str = ""
    live_address: str = ""
    work_start: dt.date | None = None
    work_unit: str = ""
    industry: str = ""
    unit_nature: str = ""
    enterprise_situation: str = ""
    single_parent: bool = False
    zero_employment: bool = False
    self_help: bool = True
    monthly_income: Decimal = Decimal(0)
    medical_insurance: str = ""
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    fixed_term: bool = True
    service_card_no: str = ""
    bank_account: str = ""
    cause_primary: str = ""
    cause_secondary: str = ""
    cause_text: str = ""
    note: str = ""
    relatives: tuple[RelativeDraft, ...] = field(default_factory=tuple)

    def id_numbers(self) -> list[str]:
        """Every ID number in the household, the applicant's first."""
        return [n for n in (self.id_number, *(r.id_number for r in self.relatives)) if n]


CODED: dict[str, CodeList] = {
    "filing_standard": hs.FILING_STANDARD,
    "gender": MEMBER_CODE_LISTS["gender"],
    "ethnicity": MEMBER_CODE_LISTS["ethnicity"],
    "political_status": MEMBER_CODE_LISTS["political_status"],
    "health": hs.HEALTH,
    "disability_type": hs.DISABILITY_TYPE,
    "disability_grade": hs.DISABILITY_GRADE,
    "work_status": hs.WORK_STATUS,
    "model_worker_type": hs.MODEL_WORKER_TYPE,
    "housing": hs.HOUSING,
    "marital_status": hs.MARITAL_STATUS,
    "hukou_type": MEMBER_CODE_LISTS["hukou_type"],
    "medical_insurance": hs.MEDICAL_INSURANCE,
    "cause_primary": hs.CAUSE,
    "cause_secondary": hs.CAUSE,
}
LABELS = {
    "name": "姓名", "id_number": "身份证号", "category": "困难类别", "filing_standard": "建档标准",
    "gender": "性别", "ethnicity": "民族", "political_status": "政治面貌", "health": "健康状况",
    "disability_type": "残疾类别", "disability_grade": "残疾等级", "work_status": "工作状态",
    "model_worker_type": "劳模类型", "housing": "住房类型", "housing_area": "建筑面积",
    "marital_status": "婚姻状况", "hukou_type": "户口类型", "medical_insurance": "医保状况",
    "cause_primary": "主要致困原因", "cause_secondary": "次要致困原因",
    "contract_end": "劳动合同截止日期", "monthly_income": "本人月均收入",
}


def _id_problem(raw: str, label: str, key: str, today: dt.date) -> tuple[str, FieldProblem | None]:
    try:
        return parse_id_number(raw, today=today).number, None
    except InvalidIdNumber as exc:
        return raw, FieldProblem(label, exc.message, key)


def clean_file(draft: FileDraft, today: dt.date) -> tuple[FileDraft, list[FieldProblem]]:
    """The draft with ID numbers normalised (and sex and birth date taken from the
    applicant's), and every problem found, each naming its field."""
    problems: list[FieldProblem] = []

    def bad(key: str, message: str) -> None:
        problems.append(FieldProblem(LABELS.get(key, key), message, key))

    if not draft.name.strip():
        bad("name", "必须填写。")
    number, problem = draft.id_number, None
    if not draft.id_number.strip():
        bad("id_number", "建档须填写申请人的身份证号，用于核对“一户一档”。")
    else:
        number, problem = _id_problem(draft.id_number, LABELS["id_number"], "id_number", today)
        if problem:
            problems.append(problem)
    cleaned = replace(draft, name=draft.name.strip(), id_number=number)
    if problem is None and number:
        holder = parse_id_number(number, today=today)
        cleaned = replace(cleaned, gender=holder.gender, birth_date=holder.birth_date)
    if draft.category and draft.category not in hs.CATEGORY \
            and draft.category not in hs.LEGACY_CATEGORY:
        bad("category", f"“{draft.category}”不是困难类别，请从下拉列表选择。")
    for key, code_list in CODED.items():
        value = getattr(cleaned, key)
        if value and value not in code_list:
            bad(key, f"“{value}”不在{code_list.name}列表中，请从下拉列表选择。")
    if draft.disability_type and draft.health != "残疾":
        bad("health", "填写了残疾类别，健康状况应为“残疾”。")
    if draft.housing_area is not None and draft.housing_area < 0:
        bad("housing_area", "不能为负数。")
    if draft.monthly_income < 0:
        bad("monthly_income", "不能为负数。")
    if draft.contract_start and draft.contract_end and draft.contract_end < draft.contract_start:
        bad("contract_end", "不能早于劳动合同开始日期。")
    relatives = []
    for index, relative in enumerate(draft.relatives, 1):
        where = f"家庭成员第 {index} 行"
        if not relative.name.strip():
            problems.append(FieldProblem(where, "姓名必须填写。", "relatives"))
        if relative.relation and relative.relation not in hs.RELATION:
            problems.append(FieldProblem(where, f"与本人关系“{relative.relation}”不在列表中。",
                                         "relatives"))
        if relative.identity and relative.identity not in hs.IDENTITY:
            problems.append(FieldProblem(where, f"身份“{relative.identity}”不在列表中。",
                                         "relatives"))
        if relative.monthly_income < 0:
            problems.append(FieldProblem(where, "月收入不能为负数。", "relatives"))
        rel_number = relative.id_number
        if rel_number.strip():
            rel_number, rel_problem = _id_problem(rel_number, where, "relatives", today)
            if rel_problem:
                problems.append(rel_problem)
        relatives.append(replace(relative, name=relative.name.strip(), id_number=rel_number))
    cleaned = replace(cleaned, relatives=tuple(relatives))
    numbers = cleaned.id_numbers()
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        problems.append(FieldProblem("家庭成员", f"身份证号 {'、'.join(repeated)} 填了不止一次。",
                                     "relatives"))
    return cleaned, problems


def household_size(relatives: int) -> int:
    """People living together: the applicant and the ``relatives`` household members listed
    (the divisor of the per-capita income)."""
    return 1 + relatives
