"""The 医疗救助 and 子女助学 applications beside their paper originals: every printed label of
the original, in its order; the patient's relation; the worker's facts read from the file and
the member; the 申报时间; one A4 page each."""

import datetime as dt
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from gonghui_desk.db.models import AidPayment, HardshipFile
from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.hardship_aid_forms import (
    CENTRE,
    CENTRE_AMOUNT,
    MEDICAL_SPEC,
    MEDICAL_TITLE,
    STUDY_PLEDGE,
    STUDY_SPEC,
    STUDY_TITLE,
)
from gonghui_desk.exchange.forms.hardship_common import SERVICE_CARD
from gonghui_desk.exchange.forms.spec import FILLED
from gonghui_desk.services import aid
from gonghui_desk.services import hardship as hs
from tests.exchange.forms_helpers import export, first_page_png, pdf_pages
from tests.exchange.paper_originals import FORMS, docx_date_line, docx_labels, docx_title, normalise
from tests.factories import make_member, write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())
MEDICAL_DOCX = FORMS / "hardship_medical_aid_application.docx"
STUDY_DOCX = FORMS / "hardship_study_aid_application.docx"

# What we print instead of the original's words, and why. Everything else is printed as is.
RENAMES = {
    # Hainan's brand of the union member's service card; ours is the generic card.
    "大海惠工卡账号": SERVICE_CARD,
    # The originals name one province's aid centre; the branch's is the higher body's.
    "省职工服务中心符合个人自付金额(元)": CENTRE_AMOUNT,
    "省职工服务(帮扶)中心审批意见:": f"{CENTRE}审批意见",
    "本人承诺在申请海南省职工服务中心助学救助前,未获得政府部门和工会组织的资金救助。该承诺真实"
    "有效,本人愿接受相关部门监督,若有不符,本人自愿返还工会救助的助学资金,并承担相应法律责任。":
        STUDY_PLEDGE,
}


def idn(birth, order):
    first17 = f"330106{birth}{order}"
    return first17 + check_character(first17)


WANG, WIFE, SON = idn("19800101", "011"), idn("19820202", "022"), idn("20080303", "031")


@pytest.fixture
def household(db):
    """王大力 (a member, 数控车工, 农民工), his wife 李梅 (sick) and son 王小明 (admitted to
    浙江工业大学), filed in March 2026 and receiving 低保, with four payments: medical aid for
    李梅 (1, relation left to the file), for 王大力 himself (2) and for his mother who does not
    live with them (3), and study aid for 王小明 (4)."""
    with session_scope(db.sessions) as session:
        member_id = make_member(session, name="王大力", id_number=WANG, post="数控车工",
                                migrant_worker=True).id
    draft = FileDraft(
        name="王大力", id_number=WANG, member_id=member_id, region="330106",
        phone="13812345678", work_unit="红星机械厂",
        monthly_income=D(3200), service_card_no="6217001234567890",
        live_address="杭州市西湖区文一西路 8 号", contract_start=dt.date(2024, 3, 1),
        contract_end=dt.date(2027, 2, 28), fixed_term=True, cause_primary="因病",
        cause_text="妻子患尿毒症，儿子考入大学。",
        relatives=(RelativeDraft("李梅", "配偶", "女", id_number=WIFE, age=44, health="患病",
                                 unit_or_school="城西农贸市场"),
                   RelativeDraft("王小明", "子女", "男", id_number=SON, age=18, identity="学生",
                                 unit_or_school="浙江工业大学")))
    file_id = write(db, hs.open_file, draft, dt.date(2026, 3, 1), "张主席")
    for step in (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
                 Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
                 Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
                 Step(hp.FILE, dt.date(2026, 3, 23))):
        write(db, hs.take_step, file_id, step)
    write(db, hs.set_dibao, "330106", 2026, D(1160))
    write(db, hs.assess_year, file_id, 2026, [("工资", D(38400)), ("低保金及其他救助", D(4800))],
          [("医疗自付", D(18000))], category="深度困难")
    medical = {"kind": "医疗救助", "amount": D(5000), "fund_source": "上级帮扶资金",
               "handled_by": "张主席", "disease": "尿毒症", "out_of_pocket": D(36000),
               "hospital_stays": 4, "branch_amount": D(2000), "treatment": "每周透析三次"}
    for payment in (
        PaymentDraft(day=dt.date(2026, 6, 1), patient="李梅", **medical),
        PaymentDraft(day=dt.date(2026, 6, 2), patient="王大力", **medical),
        PaymentDraft(day=dt.date(2026, 6, 3), patient="张秀兰", patient_relation="父母",
                     patient_gender="女", patient_work_unit="退休", **medical),
        PaymentDraft("助学（金秋助学）", dt.date(2026, 8, 20), D(3000), "本级工会经费", "张主席",
                     student="王小明", school="浙江工业大学", major="机械工程", study_years=4,
                     admission_batch="普通类一段", fees=D(6000), student_loan=D(8000),
                     student_ethnicity="汉族", student_political_status="共青团员",
                     student_phone="13912345678", exam_score=612, study_level="本科",
                     current_cohort=True, admitted_on=dt.date(2026, 7, 20),
                     graduating_on=dt.date(2030, 6, 30)),
    ):
        write(db, aid.record_payment, file_id, payment)
    return db


def reading(path):
    """The PDF's words in the order they are drawn (cell by cell, row by row), as
    ``normalise`` folds them."""
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return normalise(raw)


def not_in_order(labels, text):
    """The labels not found in ``text`` after the one before them."""
    missing, at = [], 0
    for printed in labels:
        wanted = normalise(RENAMES.get(printed, printed))
        found = text.find(wanted, at)
        if found < 0:
            missing.append(printed)
        else:
            at = found + len(wanted)
    return missing


def test_every_rename_is_of_a_label_the_originals_print():
    printed = set(docx_labels(MEDICAL_DOCX)) | set(docx_labels(STUDY_DOCX))
    assert set(RENAMES) <= printed
    assert not any("海南" in new or "大海" in new for new in RENAMES.values())


@pytest.mark.parametrize(("form", "record", "original", "title"), [
    ("hardship-medical", 1, MEDICAL_DOCX, MEDICAL_TITLE),
    ("hardship-study", 4, STUDY_DOCX, STUDY_TITLE),
])
def test_the_form_prints_every_label_of_its_original_in_its_order(household, tmp_path, form,
                                                                  record, original, title):
    path = export(household, form, tmp_path / f"{form}.pdf", record_id=record, today=TODAY)
    text = reading(path)
    labels = docx_labels(original)
    assert len(labels) > 50
    assert not_in_order(labels, text) == []
    # The title is the original's without the province's centre; the date line follows it.
    assert normalise(docx_title(original)).endswith(normalise(title))
    assert text.startswith(normalise(title))
    assert normalise(docx_date_line(original)) in text
    assert "海南" not in text and "大海" not in text
    [page] = pdf_pages(path)  # one A4 page, like the original's one sheet
    assert first_page_png(path).is_file()
    assert "审核人联系方式" in page if form == "hardship-study" else "审核人联系方式" not in page


def test_a_label_out_of_its_place_is_caught():
    assert not_in_order(["姓名", "性别"], normalise("性别 男 姓名 王大力")) == ["性别"]


def _medical(db, tmp_path, record, **params):
    return reading(export(db, "hardship-medical", tmp_path / f"m{record}.pdf",
                          record_id=record, today=TODAY, **params))


def _study(db, tmp_path, **params):
    return reading(export(db, "hardship-study", tmp_path / "s.pdf", record_id=4, today=TODAY,
                          **params))


def has(text, *wanted):
    """Whether ``text`` (read by ``reading``) has each of ``wanted`` as printed."""
    missing = [w for w in wanted if normalise(w) not in text]
    assert missing == [], missing
    return True


def test_the_relation_is_the_files_and_本人_only_for_the_worker(household, tmp_path):
    wife = _medical(household, tmp_path, 1)
    assert has(wife, "患者姓名李梅与建档职工关系配偶性别女年龄44", "工作单位城西农贸市场", WIFE)
    assert "关系本人" not in wife
    worker = _medical(household, tmp_path, 2)
    assert has(worker, "患者姓名王大力与建档职工关系本人性别男年龄46", "工作单位红星机械厂")
    mother = _medical(household, tmp_path, 3)
    # Not on the household list: the relation, sex and employer recorded with the payment.
    assert has(mother, "患者姓名张秀兰与建档职工关系父母性别女年龄工作单位退休身份证号病种")


def test_a_patient_who_is_not_the_worker_is_never_printed_as_本人(household, tmp_path):
    # Payments recorded before the relation was asked for: left blank, or 本人 by mistake.
    with session_scope(household.sessions) as session:
        session.get(AidPayment, 1).patient_relation = ""
        session.get(AidPayment, 3).patient_relation = "本人"
    assert has(_medical(household, tmp_path, 1), "与建档职工关系配偶")  # the file knows her
    mother = _medical(household, tmp_path, 3)
    assert has(mother, "张秀兰与建档职工关系性别女")  # blank, to be written in by hand


def test_the_study_form_reads_the_worker_from_the_file_the_year_and_the_member(household,
                                                                              tmp_path):
    assert has(_study(household, tmp_path),
               "姓名王小明性别男民族汉族年龄18是否本届：是", f"身份证号{SON}手机号13912345678",
               "家庭人口3人", "高考分数612政治面貌共青团员类别（本科/大专）本科",
               "录取院校浙江工业大学录取专业机械工程学制（年）4录取批次普通类一段",
               "录取时间2026-07-20毕业时间2030-06-30学杂费/年6,000.00元",
               "是否申请助学贷款是助贷金额8,000.00元", "现家庭地址杭州市西湖区文一西路8号",
               "工作单位红星机械厂工种（岗位）数控车工月收入3,200.00元是否农民工是",
               f"{SERVICE_CARD}6217001234567890手机号13812345678",
               "劳动合同签订时间2024-03-01到2027-02-28（固定期限）是否低保户是",
               "致困原因简述：因病；妻子患尿毒症，儿子考入大学。")


def test_是否低保户_follows_the_files_低保_records(household, tmp_path):
    def printed() -> str:
        return _study(household, tmp_path).split("是否低保户")[1][:1]

    assert printed() == "是"  # the year's income test counts 低保 money
    write(household, hs.assess_year, 1, 2026, [("工资", D(43200))], [("医疗自付", D(18000))],
          category="深度困难")
    assert printed() == "否"
    with session_scope(household.sessions) as session:  # a file of before 2021, imported
        session.get(HardshipFile, 1).category = "低保户"
    assert printed() == "是"


def test_申报时间_is_the_payments_day_unless_a_filling_date_is_set(household, tmp_path):
    assert FILLED in MEDICAL_SPEC.params and FILLED in STUDY_SPEC.params
    assert has(_medical(household, tmp_path, 1), "申报时间：2026 年 6 月 1 日")
    study = _study(household, tmp_path)
    assert has(study, "申报时间：2026 年 8 月 20 日") and normalise("2026 年 11 月 21") not in study
    assert has(_study(household, tmp_path, filled_on=dt.date(2026, 8, 18)),
               "申报时间：2026 年 8 月 18 日")


def test_a_payment_of_the_other_kind_is_refused(household, tmp_path):
    with pytest.raises(UserError, match="是“医疗救助”，不是“助学（金秋助学）”"):
        export(household, "hardship-study", tmp_path / "x.pdf", record_id=1, today=TODAY)


def _printed_pages(path, out_dir):
    """Pages of the workbook as LibreOffice prints it (its A4, fit-to-width set-up)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed to print the workbook as the higher body would"
    subprocess.run([soffice, f"-env:UserInstallation=file://{out_dir / 'lo-profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(path)],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(out_dir / f"{path.stem}.pdf")], check=True,
                          capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def test_the_workbooks_print_on_one_page_with_the_same_labels(household, tmp_path):
    for form, record in (("hardship-medical", 1), ("hardship-study", 4)):
        path = export(household, form, tmp_path / f"{form}.xlsx", record_id=record, today=TODAY)
        sheet = load_workbook(path).active
        cells = normalise("".join(str(c) for row in sheet.iter_rows(values_only=True)
                                  for c in row if c is not None))
        assert not_in_order(docx_labels(STUDY_DOCX if record == 4 else MEDICAL_DOCX),
                            cells) == []
        assert _printed_pages(path, tmp_path) == 1, form
