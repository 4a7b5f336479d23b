"""What a medical or study aid payment must say before it is recorded, at the boundaries."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest

from gonghui_desk.domain.aid import MAX_EXAM_SCORE, PaymentDraft, check_payment, tidied

TODAY = dt.date(2026, 11, 21)
WORKER = "王大力"
STUDY = PaymentDraft("助学（金秋助学）", dt.date(2026, 8, 25), D(3000), "本级工会经费", "张主席",
                     student="王小明", school="浙江工业大学")
MEDICAL = PaymentDraft("医疗救助", dt.date(2026, 6, 1), D(5000), "上级帮扶资金", "张主席",
                       patient="李梅", patient_relation="配偶", disease="尿毒症")


def problems(draft):
    return {p.key: str(p) for p in check_payment(draft, TODAY, WORKER)}


def test_the_plain_payments_pass():
    assert problems(STUDY) == {} and problems(MEDICAL) == {}


@pytest.mark.parametrize(("score", "refused"), [
    (None, False), (0, False), (MAX_EXAM_SCORE, False), (-1, True), (MAX_EXAM_SCORE + 1, True)])
def test_a_score_is_0_to_750(score, refused):
    found = problems(replace(STUDY, exam_score=score))
    assert ("exam_score" in found) is refused
    if refused:
        assert found["exam_score"] == f"高考分数：应在 0 到 750 分之间，现为 {score} 分。"


@pytest.mark.parametrize(("graduating", "refused"), [
    (dt.date(2030, 6, 30), False), (dt.date(2026, 7, 20), False), (dt.date(2026, 7, 19), True),
    (None, False)])
def test_graduation_is_not_before_admission(graduating, refused):
    found = problems(replace(STUDY, admitted_on=dt.date(2026, 7, 20), graduating_on=graduating))
    assert ("graduating_on" in found) is refused
    if refused:
        assert found["graduating_on"] == "毕业时间：2026-07-19 早于录取时间 2026-07-20，请核对。"


@pytest.mark.parametrize(("phone", "refused"), [
    ("", False), ("13912345678", False), ("139 1234 5678", False), ("+86 139-1234-5678", False),
    ("1391234567", True), ("139123456789", True), ("23912345678", True), ("1391234567a", True)])
def test_a_students_phone_is_an_11_digit_mobile(phone, refused):
    found = problems(replace(STUDY, student_phone=phone))
    assert ("student_phone" in found) is refused
    if refused:
        assert found["student_phone"] == "学生手机号：应为 11 位手机号码，例如 138 1234 5678。"


def test_a_phone_is_kept_as_its_11_digits():
    assert tidied(replace(STUDY, student_phone="+86 139-1234-5678")).student_phone == "13912345678"
    assert tidied(replace(STUDY, student_phone=" 139 ")).student_phone == "139"  # refused later


@pytest.mark.parametrize(("patient", "relation", "refused"), [
    (WORKER, "", False), (WORKER, "本人", False), (WORKER, "配偶", True),
    ("李梅", "配偶", False), ("李梅", "", True), ("李梅", "本人", True), ("李梅", " ", True)])
def test_a_patient_who_is_not_the_worker_needs_the_relation(patient, relation, refused):
    found = problems(replace(MEDICAL, patient=patient, patient_relation=relation))
    assert ("patient_relation" in found) is refused
    if refused:
        assert found["patient_relation"].startswith("患者与建档职工关系：患者")
        assert WORKER in found["patient_relation"]


def test_coded_details_come_from_their_lists():
    found = problems(replace(STUDY, student_ethnicity="汉", study_level="本科生",
                             student_political_status="团员"))
    assert found == {
        "student_ethnicity": "学生民族：“汉”不在民族列表中，请从下拉列表选择。",
        "study_level": "类别（本科/大专）：“本科生”不在类别列表中，请从下拉列表选择。",
        "student_political_status": "学生政治面貌：“团员”不在政治面貌列表中，请从下拉列表选择。",
    }
    assert "patient_gender" in problems(replace(MEDICAL, patient_gender="未知"))
    assert problems(replace(MEDICAL, patient_gender="女")) == {}


def test_the_student_checks_are_for_study_aid_only():
    other = replace(STUDY, kind="生活救助", exam_score=900)
    assert problems(other) == {}
