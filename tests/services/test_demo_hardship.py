"""The demo's hardship households read as a chair would read real ones: people with names, a
child's school the same on the household list and the study-aid form and fitting the child's
age, causes that match the household, and aid applications that print."""

import datetime as dt
import re

import pytest

from gonghui_desk.domain.aid import MAX_EXAM_SCORE
from gonghui_desk.domain.demo import SURNAMES
from gonghui_desk.domain.idnumber import parse_id_number
from gonghui_desk.domain.member import age_on
from gonghui_desk.services.aid import load_payment, payments_between
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.demo_households import ILLNESSES, SCHOOLS, UNIVERSITIES, surname_of
from gonghui_desk.services.hardship import load_file
from gonghui_desk.services.hardship_list import FileFilter, list_files
from tests.exchange.forms_helpers import export, pdf_pages
from tests.factories import write

EVER = (dt.date(1950, 1, 1), dt.date(2100, 1, 1))
KNOWN_SURNAMES = {s for s, _ in SURNAMES}
UNIVERSITY = {u.name: u for u in UNIVERSITIES}
SEX_OF = {name: sex for name, _, sex in ILLNESSES if sex}
# Before and after the summer's 录取, and a 29 February.
DAYS = [pytest.param(day, marks=pytest.mark.today(day), id=day)
        for day in ("2026-11-21", "2027-03-01", "2028-02-29")]


@pytest.fixture
def demo(db, today):
    write(db, fill_demo, 300)
    files = {r.id: load_file(db.sessions, r.id)[0]
             for r in list_files(db.sessions, FileFilter(), today=today)}
    payments = [(p.file_id, load_payment(db.sessions, p.id)[1], p.id)
                for p in payments_between(db.sessions, *EVER)]
    return files, payments


def born(number):
    return parse_id_number(number, today=dt.date(2100, 1, 1)).birth_date


def _father(draft):
    spouse = next((r for r in draft.relatives if r.relation == "配偶"), None)
    if draft.gender == "男":
        return surname_of(draft.name)
    return surname_of(spouse.name) if spouse else None  # a single mother: the father's


@pytest.mark.parametrize("day", DAYS)
def test_relatives_have_names_of_their_own(demo, day):
    files, _ = demo
    assert len(files) == 13
    for draft in files.values():
        names = [draft.name, *(r.name for r in draft.relatives)]
        assert len(set(names)) == len(names), names
        father = _father(draft)
        for r in draft.relatives:
            surname = surname_of(r.name)
            assert surname in KNOWN_SURNAMES and 2 <= len(r.name) <= len(surname) + 2, r.name
            assert not re.match(r"^(配偶|子女)", r.name), r.name
            if r.relation == "子女" and father:
                assert surname == father, (draft.name, r.name)
            # The age on the list is the one the ID number gives.
            assert r.age == age_on(born(r.id_number), day_of(day)), r


def day_of(text):
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize("day", DAYS)
def test_a_childs_school_fits_the_age_and_is_the_study_forms(demo, day):
    files, payments = demo
    for draft in files.values():
        for child in (r for r in draft.relatives if r.relation == "子女"):
            if child.unit_or_school in UNIVERSITY:
                assert child.age in (18, 19), child
            else:  # primary school from 7, then middle and high school, as SCHOOLS says
                [level] = [i for i, (_, names) in enumerate(SCHOOLS)
                           if child.unit_or_school in names]
                youngest = SCHOOLS[level - 1][0] + 1 if level else 7
                assert youngest <= child.age <= SCHOOLS[level][0], child
    studies = [(f, p) for f, p, _ in payments if p.kind == "助学（金秋助学）"]
    assert len(studies) == 2
    for file_id, p in studies:
        [student] = [r for r in files[file_id].relatives if r.name == p.student]
        school = UNIVERSITY[p.school]
        assert student.unit_or_school == p.school
        assert age_on(born(student.id_number), p.admitted_on) == 18
        assert (p.study_level, p.major, p.study_years) == (school.level, school.major,
                                                           school.years)
        assert school.scores[0] <= p.exam_score <= min(school.scores[1], MAX_EXAM_SCORE)
        assert p.admitted_on <= p.day <= day_of(day) and p.admitted_on < p.graduating_on
        assert p.graduating_on.year == p.admitted_on.year + p.study_years
        assert re.fullmatch(r"1[3-9]\d{9}", p.student_phone)
        assert p.student_ethnicity and p.student_political_status and p.current_cohort is not None
        assert p.school in files[file_id].cause_text


@pytest.mark.parametrize("day", DAYS)
def test_the_causes_match_the_household(demo, day):
    files, payments = demo
    for draft in files.values():
        spouse = [r for r in draft.relatives if r.relation == "配偶"]
        single = draft.cause_primary == "因单亲"
        assert draft.single_parent is single
        assert (not spouse) is single and (draft.marital_status in ("离异", "丧偶")) is single
        sick = draft.health == "患病" or any(r.health == "患病" for r in spouse)
        if draft.cause_primary == "因病":
            assert sick, draft.name
        if draft.cause_primary == "因残":
            assert any(r.health == "残疾" for r in spouse)
        if draft.cause_primary in ("因单亲", "因子女就学", "因失业"):
            assert not sick and draft.health == "良好"
    medical = [(f, p) for f, p, _ in payments if p.kind == "医疗救助"]
    assert len(medical) == 2
    for file_id, p in medical:
        draft = files[file_id]
        assert draft.cause_primary == "因病"
        if p.patient == draft.name:
            assert draft.health == "患病" and draft.disease == p.disease
            sex = draft.gender
        else:
            [patient] = [r for r in draft.relatives if r.name == p.patient]
            assert patient.health == "患病" and p.patient_relation == patient.relation
            sex = patient.gender
        assert p.disease in draft.cause_text
        assert SEX_OF.get(p.disease, sex) == sex  # no man with 乳腺癌


@pytest.mark.today("2026-11-21")
def test_the_demos_aid_applications_print_on_one_page(demo, db, tmp_path):
    _, payments = demo
    forms = {"医疗救助": "hardship-medical", "助学（金秋助学）": "hardship-study"}
    for _, p, payment_id in payments:
        if p.kind in forms:
            pages = pdf_pages(export(db, forms[p.kind], tmp_path / f"{payment_id}.pdf",
                                     record_id=payment_id))
            assert len(pages) == 1 and (p.patient or p.student) in pages[0]
