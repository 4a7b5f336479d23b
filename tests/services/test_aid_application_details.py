"""What an aid payment keeps for the 医疗救助 and 助学 applications, and what is read from the
worker's record instead of typed again."""

import datetime as dt
from decimal import Decimal as D

import pytest

from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.hardship_file import RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.errors import ValidationError
from gonghui_desk.services import aid
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.history import HistoryFilter, search_history
from tests.factories import make_member, write
from tests.services.test_hardship_files import TODAY, draft, id_number

pytestmark = pytest.mark.today(TODAY.isoformat())
FILING = (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
          Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
          Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
          Step(hp.FILE, dt.date(2026, 3, 23)))
WANG = id_number("19800101", "011")
HOUSEHOLD = (RelativeDraft("李梅", "配偶", "女", id_number=id_number("19820202", "022")),
             RelativeDraft("王小明", "子女", "男", id_number=id_number("20080303", "031")),
             RelativeDraft("王奶奶", "", "女", id_number=id_number("19500505", "042")))


def filed(db, **values):
    values = {"name": "王大力", "id_number": WANG, "relatives": HOUSEHOLD, **values}
    file_id = write(db, hs.open_file, draft(**values), dt.date(2026, 3, 1))
    for step in FILING:
        write(db, hs.take_step, file_id, step)
    return file_id


def medical(patient, relation=""):
    return PaymentDraft("医疗救助", dt.date(2026, 6, 1), D(5000), "上级帮扶资金", "张主席",
                        patient=patient, patient_relation=relation, disease="尿毒症")


def test_a_household_members_relation_is_taken_from_the_file(db):
    file_id = filed(db)
    payment = write(db, aid.record_payment, file_id, medical("李梅"))
    assert aid.load_payment(db.sessions, payment)[1].patient_relation == "配偶"
    worker = write(db, aid.record_payment, file_id, medical("王大力"))
    assert aid.load_payment(db.sessions, worker)[1].patient_relation == ""  # 本人 on the form


def test_anyone_else_is_asked_for_the_relation(db):
    file_id = filed(db)
    for patient in ("张秀兰", "王奶奶"):  # not on the list; on it without a relation
        with pytest.raises(ValidationError) as refused:
            write(db, aid.record_payment, file_id, medical(patient))
        [problem] = refused.value.problems
        assert problem.key == "patient_relation" and "王大力" in problem.message
    assert write(db, aid.record_payment, file_id, medical("张秀兰", "父母"))
    with pytest.raises(ValidationError, match="患者不是建档职工 王大力 本人"):
        write(db, aid.record_payment, file_id, medical("李梅", "本人"))


def test_the_students_details_are_kept_as_given(db):
    file_id = filed(db)
    given = PaymentDraft(
        "助学（金秋助学）", dt.date(2026, 8, 25), D(3000), "本级工会经费", "张主席",
        student="王小明", school="浙江工业大学", student_ethnicity="回族",
        student_political_status="共青团员", student_phone="139 1234 5678", exam_score=0,
        study_level="大专", current_cohort=False, admitted_on=dt.date(2025, 7, 20),
        graduating_on=dt.date(2028, 6, 30))
    payment = write(db, aid.record_payment, file_id, given)
    kept = aid.load_payment(db.sessions, payment)[1]
    assert (kept.student_ethnicity, kept.student_political_status, kept.student_phone,
            kept.exam_score, kept.study_level, kept.current_cohort, kept.admitted_on,
            kept.graduating_on) == ("回族", "共青团员", "13912345678", 0, "大专", False,
                                    dt.date(2025, 7, 20), dt.date(2028, 6, 30))
    [entry] = search_history(db.sessions, HistoryFilter(table="aid_payment"))
    assert "学生手机号：139****5678" in entry.summary and "13912345678" not in entry.summary
    assert "高考分数：0 分" in entry.summary and "是否本届：否" in entry.summary
    assert "录取时间：2025-07-20" in entry.summary


def test_a_payment_without_them_leaves_them_unknown(db):
    file_id = filed(db)
    payment = write(db, aid.record_payment, file_id, PaymentDraft(
        "助学（金秋助学）", dt.date(2026, 8, 25), D(3000), "本级工会经费", "张主席",
        student="王小明", school="浙江工业大学"))
    kept = aid.load_payment(db.sessions, payment)[1]
    assert (kept.exam_score, kept.current_cohort, kept.admitted_on, kept.student_phone) == (
        None, None, None, "")


def test_the_workers_post_and_migrant_status_come_from_the_member(db):
    with session_scope(db.sessions) as session:
        member_id = make_member(session, name="王大力", id_number=WANG, post="焊工",
                                migrant_worker=True).id
    member_file = filed(db, member_id=member_id)
    facts = aid.worker_facts(db.sessions, member_file, 2026)
    assert (facts.post, facts.migrant_worker, facts.household_size) == ("焊工", True, 4)
    assert not facts.dibao_household


def test_a_worker_who_is_no_member_is_a_migrant_worker_only_by_the_files_work_status(db):
    other = filed(db, name="赵四", id_number=id_number("19750505", "071"), relatives=())
    assert aid.worker_facts(db.sessions, other, 2026).migrant_worker is None  # not known
    write(db, hs.update_file, other, draft(name="赵四", id_number=id_number("19750505", "071"),
                                           relatives=(), work_status="农民工"))
    facts = aid.worker_facts(db.sessions, other, 2026)
    assert (facts.post, facts.migrant_worker, facts.household_size) == ("", True, 1)


def test_household_size_is_the_income_tests_up_to_the_year(db):
    file_id = filed(db)
    write(db, hs.set_dibao, "330106", 2026, D(1160))
    write(db, hs.assess_year, file_id, 2026, [("工资", D(38400))], [])
    write(db, hs.update_file, file_id, draft(name="王大力", id_number=WANG,
                                             relatives=HOUSEHOLD[:2]))  # 王奶奶 passed away
    assert aid.worker_facts(db.sessions, file_id, 2026).household_size == 4  # as tested
    assert aid.worker_facts(db.sessions, file_id, 2025).household_size == 3  # as on file now
