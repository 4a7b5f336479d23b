"""Titles of a hardship file's fields, its household members' and its aid payments'.

The Chinese titles are the translations of these English source texts and follow the
wording of the provincial 困难职工建档申请表 and the aid forms (DOMAIN.md §2).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "HardshipFields"

FILE_TITLES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("HardshipFields", "Name"),
    "id_number": QT_TRANSLATE_NOOP("HardshipFields", "ID number"),
    "category": QT_TRANSLATE_NOOP("HardshipFields", "Hardship category"),
    "filing_standard": QT_TRANSLATE_NOOP("HardshipFields", "Filing standard"),
    "region": QT_TRANSLATE_NOOP("HardshipFields", "Region code (minimum allowance)"),
    "gender": QT_TRANSLATE_NOOP("HardshipFields", "Sex"),
    "ethnicity": QT_TRANSLATE_NOOP("HardshipFields", "Ethnic group"),
    "political_status": QT_TRANSLATE_NOOP("HardshipFields", "Political affiliation"),
    "birth_date": QT_TRANSLATE_NOOP("HardshipFields", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("HardshipFields", "Mobile"),
    "other_contact": QT_TRANSLATE_NOOP("HardshipFields", "Other contact"),
    "postcode": QT_TRANSLATE_NOOP("HardshipFields", "Postcode"),
    "health": QT_TRANSLATE_NOOP("HardshipFields", "Health"),
    "disease": QT_TRANSLATE_NOOP("HardshipFields", "Illness"),
    "disability_type": QT_TRANSLATE_NOOP("HardshipFields", "Disability type"),
    "disability_grade": QT_TRANSLATE_NOOP("HardshipFields", "Disability grade"),
    "work_status": QT_TRANSLATE_NOOP("HardshipFields", "Work status"),
    "model_worker_type": QT_TRANSLATE_NOOP("HardshipFields", "Model worker"),
    "housing": QT_TRANSLATE_NOOP("HardshipFields", "Housing"),
    "housing_area": QT_TRANSLATE_NOOP("HardshipFields", "Floor area (m²)"),
    "marital_status": QT_TRANSLATE_NOOP("HardshipFields", "Marital status"),
    "hukou_type": QT_TRANSLATE_NOOP("HardshipFields", "Household registration type"),
    "hukou_region": QT_TRANSLATE_NOOP("HardshipFields", "Household registered in"),
    "live_address": QT_TRANSLATE_NOOP("HardshipFields", "Lives at"),
    "work_start": QT_TRANSLATE_NOOP("HardshipFields", "Started work"),
    "work_unit": QT_TRANSLATE_NOOP("HardshipFields", "Employer"),
    "industry": QT_TRANSLATE_NOOP("HardshipFields", "Industry"),
    "unit_nature": QT_TRANSLATE_NOOP("HardshipFields", "Employer type"),
    "enterprise_situation": QT_TRANSLATE_NOOP("HardshipFields", "State of the enterprise"),
    "single_parent": QT_TRANSLATE_NOOP("HardshipFields", "Single parent"),
    "zero_employment": QT_TRANSLATE_NOOP("HardshipFields", "No one in the family employed"),
    "self_help": QT_TRANSLATE_NOOP("HardshipFields", "Able to help themselves"),
    "monthly_income": QT_TRANSLATE_NOOP("HardshipFields", "Own monthly income (yuan)"),
    "medical_insurance": QT_TRANSLATE_NOOP("HardshipFields", "Medical insurance"),
    "contract_start": QT_TRANSLATE_NOOP("HardshipFields", "Labour contract from"),
    "contract_end": QT_TRANSLATE_NOOP("HardshipFields", "Labour contract until"),
    "fixed_term": QT_TRANSLATE_NOOP("HardshipFields", "Fixed-term contract"),
    "service_card_no": QT_TRANSLATE_NOOP("HardshipFields", "Member service card no."),
    "bank_account": QT_TRANSLATE_NOOP("HardshipFields", "Bank account"),
    "cause_primary": QT_TRANSLATE_NOOP("HardshipFields", "Main cause of hardship"),
    "cause_secondary": QT_TRANSLATE_NOOP("HardshipFields", "Second cause"),
    "cause_text": QT_TRANSLATE_NOOP("HardshipFields", "Cause in brief"),
    "note": QT_TRANSLATE_NOOP("HardshipFields", "Notes"),
    "applied_on": QT_TRANSLATE_NOOP("HardshipFields", "Date of application"),
    "applied_by": QT_TRANSLATE_NOOP("HardshipFields", "Received by"),
}

RELATIVE_TITLES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("HardshipFields", "Name"),
    "relation": QT_TRANSLATE_NOOP("HardshipFields", "Relation"),
    "gender": QT_TRANSLATE_NOOP("HardshipFields", "Sex"),
    "political_status": QT_TRANSLATE_NOOP("HardshipFields", "Political affiliation"),
    "education": QT_TRANSLATE_NOOP("HardshipFields", "Education"),
    "id_number": QT_TRANSLATE_NOOP("HardshipFields", "ID number"),
    "age": QT_TRANSLATE_NOOP("HardshipFields", "Age"),
    "medical_insurance": QT_TRANSLATE_NOOP("HardshipFields", "Medical insurance"),
    "health": QT_TRANSLATE_NOOP("HardshipFields", "Health"),
    "monthly_income": QT_TRANSLATE_NOOP("HardshipFields", "Monthly income (yuan)"),
    "identity": QT_TRANSLATE_NOOP("HardshipFields", "Status"),
    "unit_or_school": QT_TRANSLATE_NOOP("HardshipFields", "Employer or school"),
}

PAYMENT_TITLES: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("HardshipFields", "Type of aid"),
    "day": QT_TRANSLATE_NOOP("HardshipFields", "Paid on"),
    "amount": QT_TRANSLATE_NOOP("HardshipFields", "Amount (yuan)"),
    "fund_source": QT_TRANSLATE_NOOP("HardshipFields", "Fund source"),
    "handled_by": QT_TRANSLATE_NOOP("HardshipFields", "Handled by"),
    "signed_by": QT_TRANSLATE_NOOP("HardshipFields", "Signed for by"),
    "note": QT_TRANSLATE_NOOP("HardshipFields", "Notes"),
    "patient": QT_TRANSLATE_NOOP("HardshipFields", "Patient"),
    "patient_relation": QT_TRANSLATE_NOOP("HardshipFields", "Patient's relation"),
    "disease": QT_TRANSLATE_NOOP("HardshipFields", "Illness"),
    "out_of_pocket": QT_TRANSLATE_NOOP("HardshipFields", "Paid out of pocket this year"),
    "hospital_stays": QT_TRANSLATE_NOOP("HardshipFields", "Hospital stays"),
    "branch_amount": QT_TRANSLATE_NOOP("HardshipFields", "Aid from the branch"),
    "social_amount": QT_TRANSLATE_NOOP("HardshipFields", "Aid from social assistance"),
    "treatment": QT_TRANSLATE_NOOP("HardshipFields", "Hospital stays and further treatment"),
    "student": QT_TRANSLATE_NOOP("HardshipFields", "Student"),
    "school": QT_TRANSLATE_NOOP("HardshipFields", "Admitted to (school)"),
    "major": QT_TRANSLATE_NOOP("HardshipFields", "Subject"),
    "study_years": QT_TRANSLATE_NOOP("HardshipFields", "Years of study"),
    "admission_batch": QT_TRANSLATE_NOOP("HardshipFields", "Admission batch"),
    "fees": QT_TRANSLATE_NOOP("HardshipFields", "Fees per year"),
    "student_loan": QT_TRANSLATE_NOOP("HardshipFields", "Student loan"),
    "patient_gender": QT_TRANSLATE_NOOP("HardshipFields", "Patient's sex"),
    "patient_work_unit": QT_TRANSLATE_NOOP("HardshipFields", "Patient's employer"),
    "student_ethnicity": QT_TRANSLATE_NOOP("HardshipFields", "Student's ethnic group"),
    "student_political_status": QT_TRANSLATE_NOOP("HardshipFields",
                                                  "Student's political affiliation"),
    "student_phone": QT_TRANSLATE_NOOP("HardshipFields", "Student's mobile"),
    "exam_score": QT_TRANSLATE_NOOP("HardshipFields", "College entrance exam score"),
    "study_level": QT_TRANSLATE_NOOP("HardshipFields", "Level (bachelor or college)"),
    "current_cohort": QT_TRANSLATE_NOOP("HardshipFields", "Admitted this year"),
    "admitted_on": QT_TRANSLATE_NOOP("HardshipFields", "Admitted on"),
    "graduating_on": QT_TRANSLATE_NOOP("HardshipFields", "Graduates on"),
}

STEP_TITLES: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("HardshipFields", "Step"),
    "day": QT_TRANSLATE_NOOP("HardshipFields", "Date"),
    "by": QT_TRANSLATE_NOOP("HardshipFields", "Handled by"),
    "note": QT_TRANSLATE_NOOP("HardshipFields", "Note"),
    "until": QT_TRANSLATE_NOOP("HardshipFields", "Notice ends"),
}


def file_title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, FILE_TITLES[key])


def relative_title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, RELATIVE_TITLES[key])


def payment_title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, PAYMENT_TITLES[key])


def step_title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, STEP_TITLES[key])
