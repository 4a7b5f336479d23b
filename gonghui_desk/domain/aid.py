"""Aid paid to a hardship household (帮扶资金发放), checked before it is recorded.

Medical aid (医疗救助) names the patient, the illness and the year's out-of-pocket cost;
study aid (助学/金秋助学) names the student and the school. Every payment has a fund source
and the person who handled it; the recipient signs on the 发放登记表.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from gonghui_desk.domain import hardship as hs
from gonghui_desk.errors import FieldProblem


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


MONEY_FIELDS = ("amount", "out_of_pocket", "branch_amount", "social_amount", "fees",
                "student_loan")
LABELS = {
    "kind": "帮扶类型", "day": "发放日期", "amount": "金额", "fund_source": "资金来源",
    "handled_by": "经办人", "patient": "患者", "disease": "病种", "out_of_pocket": "个人自付",
    "branch_amount": "本单位救助金额", "social_amount": "社会救助金额", "fees": "学杂费",
    "student_loan": "助学贷款", "student": "学生姓名", "school": "录取院校",
    "hospital_stays": "住院次数", "study_years": "学制",
}


def check_payment(draft: PaymentDraft, today: dt.date) -> list[FieldProblem]:
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
    if draft.kind == hs.MEDICAL_AID:
        for key in ("patient", "disease"):
            if not getattr(draft, key).strip():
                bad(key, "医疗救助须填写。")
    if draft.kind == hs.STUDY_AID:
        for key in ("student", "school"):
            if not getattr(draft, key).strip():
                bad(key, "助学须填写。")
    return problems
