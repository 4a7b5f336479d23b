"""Aid paid to a hardship household (帮扶资金发放), checked before it is recorded.

Medical aid (医疗救助) names the patient, the illness and the year's out-of-pocket cost;
study aid (助学/金秋助学) names the student and the school. Every payment has a fund source
and the person who handled it; the recipient signs on the 发放登记表.

The 医疗救助申请表 and 子女助学申请表 ask for details the household's file does not hold: the
patient's sex and employer when the patient is not a recorded household member, and the
student's 民族, phone, 高考分数, 政治面貌, 类别 (本科/大专), 录取时间, 毕业时间 and 是否本届.
They are kept with the payment; everything else those forms print is read from the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.codes import ETHNICITY, GENDER, POLITICAL_STATUS, CodeList
from gonghui_desk.domain.contact import normalise_mobile
from gonghui_desk.errors import FieldProblem

SELF = "本人"  # the patient is the filed worker
STUDY_LEVEL = CodeList("类别", ("本科", "大专"))
# 全国卷 and most provinces mark the 高考 out of 750 (a few, e.g. Hainan's standard scores,
# use another scale: they would raise this).
MAX_EXAM_SCORE = 750
_Bad = Callable[[str, str], None]  # records a problem: (field key, message)


@dataclass(frozen=True)
class PaymentDraft:
    kind: str
    day: dt.date
    amount: Decimal
    fund_source: str
    handled_by: str = ""
    signed_by: str = ""
    note: str = ""
    patient: str = ""
    patient_relation: str = ""
    disease: str = ""
    out_of_pocket: Decimal = Decimal(0)
    hospital_stays: int = 0
    branch_amount: Decimal = Decimal(0)
    social_amount: Decimal = Decimal(0)
    treatment: str = ""
    student: str = ""
    school: str = ""
    major: str = ""
    study_years: int = 0
    admission_batch: str = ""
    fees: Decimal = Decimal(0)
    student_loan: Decimal = Decimal(0)
    # The patient when not a recorded household member (a member's come from the file).
    patient_gender: str = ""
    patient_work_unit: str = ""
    # The student, as the 子女助学申请表 asks.
    student_ethnicity: str = ""
    student_political_status: str = ""
    student_phone: str = ""
    exam_score: int | None = None  # None: not given (0 is a score)
    study_level: str = ""
    current_cohort: bool | None = None  # 是否本届; None: not given
    admitted_on: dt.date | None = None
    graduating_on: dt.date | None = None


MONEY_FIELDS = ("amount", "out_of_pocket", "branch_amount", "social_amount", "fees",
                "student_loan")
LABELS = {
    "kind": "帮扶类型", "day": "发放日期", "amount": "金额", "fund_source": "资金来源",
    "handled_by": "经办人", "patient": "患者", "disease": "病种", "out_of_pocket": "个人自付",
    "branch_amount": "本单位救助金额", "social_amount": "社会救助金额", "fees": "学杂费",
    "student_loan": "助学贷款", "student": "学生姓名", "school": "录取院校",
    "hospital_stays": "住院次数", "study_years": "学制",
    "patient_relation": "患者与建档职工关系", "patient_gender": "患者性别",
    "patient_work_unit": "患者工作单位", "student_ethnicity": "学生民族",
    "student_political_status": "学生政治面貌", "student_phone": "学生手机号",
    "exam_score": "高考分数", "study_level": "类别（本科/大专）", "current_cohort": "是否本届",
    "admitted_on": "录取时间", "graduating_on": "毕业时间",
}
_CODED = (("patient_gender", GENDER), ("student_ethnicity", ETHNICITY),
          ("student_political_status", POLITICAL_STATUS), ("study_level", STUDY_LEVEL))


def tidied(draft: PaymentDraft) -> PaymentDraft:
    """The draft as it is kept: a phone typed with spaces or +86 as its 11 digits."""
    phone = normalise_mobile(draft.student_phone) if draft.student_phone.strip() else ""
    return replace(draft, student_phone=phone or draft.student_phone.strip())


def check_payment(draft: PaymentDraft, today: dt.date, worker: str) -> list[FieldProblem]:
    """Every problem of ``draft``, each naming its field; ``worker`` is the filed worker's
    name (a patient of that name is the worker, 本人)."""
    problems: list[FieldProblem] = []

    def bad(key: str, message: str) -> None:
        problems.append(FieldProblem(LABELS[key], message, key))

    if draft.kind not in hs.AID_TYPE:
        bad("kind", "请从下拉列表选择帮扶类型。")
    if draft.fund_source not in hs.FUND_SOURCE:
        bad("fund_source", "请从下拉列表选择资金来源。")
    if draft.amount <= 0:
        bad("amount", "应大于 0 元。")
    for key in MONEY_FIELDS[1:]:
        if getattr(draft, key) < 0:
            bad(key, "不能为负数。")
    for key in ("hospital_stays", "study_years"):
        if getattr(draft, key) < 0:
            bad(key, "不能为负数。")
    if draft.day > today:
        bad("day", "不能晚于今天：发放后再登记。")
    if not draft.handled_by.strip():
        bad("handled_by", "请填写经办人。")
    for key, codes in _CODED:
        value = getattr(draft, key)
        if value and value not in codes:
            bad(key, f"“{value}”不在{codes.name}列表中，请从下拉列表选择。")
    if draft.kind == hs.MEDICAL_AID:
        for key in ("patient", "disease"):
            if not getattr(draft, key).strip():
                bad(key, "医疗救助须填写。")
        _check_relation(draft, worker.strip(), bad)
    if draft.kind == hs.STUDY_AID:
        for key in ("student", "school"):
            if not getattr(draft, key).strip():
                bad(key, "助学须填写。")
        _check_student(draft, bad)
    return problems


def _check_relation(draft: PaymentDraft, worker: str, bad: _Bad) -> None:
    """The form prints 本人 for the worker and the relation for anyone else, so a patient
    who is not the worker needs one (and never 本人)."""
    patient, relation = draft.patient.strip(), draft.patient_relation.strip()
    if not patient:
        return
    if patient == worker:
        if relation not in ("", SELF):
            bad("patient_relation", f"患者就是建档职工 {worker} 本人，关系应为“本人”。")
    elif relation == SELF:
        bad("patient_relation", f"患者不是建档职工 {worker} 本人，关系不能填“本人”：请填写"
                                "患者与建档职工的关系（配偶、子女、父母……）。")
    elif not relation:
        bad("patient_relation", f"患者不是建档职工 {worker} 本人：请填写患者与建档职工的关系"
                                "（配偶、子女、父母……）。")


def _check_student(draft: PaymentDraft, bad: _Bad) -> None:
    score = draft.exam_score
    if score is not None and not 0 <= score <= MAX_EXAM_SCORE:
        bad("exam_score", f"应在 0 到 {MAX_EXAM_SCORE} 分之间，现为 {score} 分。")
    if draft.student_phone.strip() and normalise_mobile(draft.student_phone) is None:
        bad("student_phone", "应为 11 位手机号码，例如 138 1234 5678。")
    if draft.admitted_on and draft.graduating_on and draft.graduating_on < draft.admitted_on:
        bad("graduating_on", f"{draft.graduating_on:%Y-%m-%d} 早于录取时间 "
                             f"{draft.admitted_on:%Y-%m-%d}，请核对。")
