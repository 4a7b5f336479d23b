"""Titles of a member's fields in the interface, shared by the dialog and the detail panel.

The Chinese titles are the translations of these English source texts and match the
labels of ``domain.member.FIELD_LABELS`` (the forms' wording).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "MemberFields"

FIELD_TITLES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("MemberFields", "Name"),
    "gender": QT_TRANSLATE_NOOP("MemberFields", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("MemberFields", "Date of birth"),
    "ethnicity": QT_TRANSLATE_NOOP("MemberFields", "Ethnic group"),
    "id_type": QT_TRANSLATE_NOOP("MemberFields", "Document type"),
    "id_number": QT_TRANSLATE_NOOP("MemberFields", "Document number"),
    "phone": QT_TRANSLATE_NOOP("MemberFields", "Mobile"),
    "department": QT_TRANSLATE_NOOP("MemberFields", "Department / workshop"),
    "post": QT_TRANSLATE_NOOP("MemberFields", "Post"),
    "employment_status": QT_TRANSLATE_NOOP("MemberFields", "Employment"),
    "education": QT_TRANSLATE_NOOP("MemberFields", "Education"),
    "tech_level": QT_TRANSLATE_NOOP("MemberFields", "Skill level"),
    "political_status": QT_TRANSLATE_NOOP("MemberFields", "Political affiliation"),
    "hukou_type": QT_TRANSLATE_NOOP("MemberFields", "Household registration type"),
    "hukou_place": QT_TRANSLATE_NOOP("MemberFields", "Household registered in"),
    "work_unit": QT_TRANSLATE_NOOP("MemberFields", "Employer"),
    "native_place": QT_TRANSLATE_NOOP("MemberFields", "Native place"),
    "migrant_worker": QT_TRANSLATE_NOOP("MemberFields", "Migrant worker member"),
    "new_employment_form": QT_TRANSLATE_NOOP("MemberFields", "New form of employment"),
    "dispatched": QT_TRANSLATE_NOOP("MemberFields", "Agency (dispatched) worker"),
    "card_number": QT_TRANSLATE_NOOP("MemberFields", "Member card number"),
    "model_worker_level": QT_TRANSLATE_NOOP("MemberFields", "Model worker level"),
    "join_date": QT_TRANSLATE_NOOP("MemberFields", "Date joined the union"),
    "note": QT_TRANSLATE_NOOP("MemberFields", "Notes"),
}

EVENT_TITLES: dict[str, str] = {
    "kind": QT_TRANSLATE_NOOP("MemberFields", "Change"),
    "effective_date": QT_TRANSLATE_NOOP("MemberFields", "Effective date"),
    "reason": QT_TRANSLATE_NOOP("MemberFields", "Reason"),
    "counterpart_union": QT_TRANSLATE_NOOP("MemberFields", "Other union"),
    "handled_by": QT_TRANSLATE_NOOP("MemberFields", "Handled by"),
}


def title(key: str) -> str:
    source = FIELD_TITLES.get(key) or EVENT_TITLES[key]
    return QCoreApplication.translate(CONTEXT, source)
