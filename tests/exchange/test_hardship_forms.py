"""The hardship forms, filled from a household's file and read back."""

import datetime as dt
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.errors import UserError
from gonghui_desk.services import aid
from gonghui_desk.services import hardship as hs
from tests.exchange.forms_helpers import export, libreoffice_csv, pdf_pages
from tests.exchange.test_member_forms import exports
from tests.factories import write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())


def idn(birth, order):
    first17 = f"330106{birth}{order}"
    return first17 + check_character(first17)


WANG, WIFE, SON = idn("19800101", "011"), idn("19820202", "022"), idn("20060303", "031")


@pytest.fixture
def household(db):
    """王大力's household on file, tested for 2026, with medical, study and festive aid."""
    draft = FileDraft(
        name="王大力", id_number=WANG, region="330106", category="深度困难", health="患病",
        housing="租房", housing_area=45.5, phone="13812345678", bank_account="6222021234567890",
        cause_primary="因病", cause_text="妻子患尿毒症，儿子在读大学。",
        relatives=(RelativeDraft("李梅", "配偶", "女", id_number=WIFE, age=44, health="患病"),
                   RelativeDraft("王小明", "子女", "男", id_number=SON, age=20, identity="学生")))
    file_id = write(db, hs.open_file, draft, dt.date(2026, 3, 1), "张主席")
    for step in (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
                 Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
                 Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
                 Step(hp.FILE, dt.date(2026, 3, 23))):
        write(db, hs.take_step, file_id, step)
    write(db, hs.set_dibao, "330106", 2026, D(1160))
    write(db, hs.assess_year, file_id, 2026, [("工资", D(38400)), ("其他", D(2000))],
          [("医疗自付", D(18000)), ("学费", D(6000))])
    for payment in (
        PaymentDraft("医疗救助", dt.date(2026, 6, 1), D(5000), "上级帮扶资金", "张主席",
                     patient="李梅", patient_relation="配偶", disease="尿毒症",
                     out_of_pocket=D(36000), hospital_stays=4, branch_amount=D(2000)),
        PaymentDraft("助学（金秋助学）", dt.date(2026, 8, 20), D(3000), "本级工会经费", "张主席",
                     student="王小明", school="浙江工业大学", major="机械工程", study_years=4,
                     fees=D(6000)),
        PaymentDraft("送温暖（节日慰问）", dt.date(2026, 4, 1), D("800.5"), "本级工会经费",
                     "张主席"),
    ):
        write(db, aid.record_payment, file_id, payment)
    return db


def test_the_file_application_fits_one_page_with_every_part(household, tmp_path):
    [page] = pdf_pages(export(household, "hardship-file", tmp_path / "f.pdf", record_id=1,
                              today=TODAY))
    page = page.replace("\n", "")  # labels wrap inside their boxes
    assert "困难职工建档申请表" in page
    for text in ("王大力", WANG, WIFE, SON, "李梅", "王小明", "深度困难", "45.5平方米",
                 "455.56元", "40,400.00元", "3人", "本人承诺填写的家庭情况",
                 "本单位工会审核意见", "所属上级工会审核意见", "驻会产业工会意见",
                 "职工服务（帮扶）中心", "申请人签字（按指模）"):
        assert text in page, text
    assert "6222021234567890" not in page  # the bank account is not on the form
    # Field for field against the paper original: tests/exchange/test_hardship_file_form.py
    [entry] = exports(household)
    assert entry["导出"] == "困难职工建档申请表" and entry["档案"] == "1 王大力"


def test_the_medical_and_study_applications_come_from_their_payments(household, tmp_path):
    [medical] = pdf_pages(export(household, "hardship-medical", tmp_path / "m.pdf",
                                 record_id=1, today=TODAY))
    # (the full check against the paper original: test_hardship_aid_forms)
    for text in ("困难职工医疗救助申请表", "李梅", "配偶", "尿毒症", "36,000.00", "4次",
                 "2,000.00元", WIFE, "申报时间：2026年6月1日"):
        assert text in medical, text
    [study] = pdf_pages(export(household, "hardship-study", tmp_path / "s.pdf", record_id=2,
                               today=TODAY))
    for text in ("困难职工子女助学申请表", "王小明", "浙江工业大学", "机械工程", "6,000.00元",
                 "未获得政府部门和工会组织的资金救助", SON, "申报时间：2026年8月20日"):
        assert text in study, text
    with pytest.raises(UserError, match="是“医疗救助”，不是“助学（金秋助学）”"):
        export(household, "hardship-study", tmp_path / "x.pdf", record_id=1, today=TODAY)


def test_the_payment_register_has_a_signature_column_and_totals(household, tmp_path):
    sheet = load_workbook(export(household, "aid-payments", tmp_path / "p.xlsx",
                                 start=dt.date(2026, 1, 1), end=TODAY, today=TODAY)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[3][-1] == "领取人签字"
    body = [r for r in rows if isinstance(r[0], int)]
    assert [(r[3], r[5]) for r in body] == [("送温暖（节日慰问）", 800.5), ("医疗救助", 5000),
                                            ("助学（金秋助学）", 3000)]
    assert all(r[-1] is None for r in body)  # left blank for the recipient to sign
    assert sheet.cell(row=5, column=6).number_format == "#,##0.00"
    lines = [r[0] for r in rows if isinstance(r[0], str) and r[0].startswith(("合计", "按"))]
    assert lines == ["合计：3 笔，8,800.50 元。",
                     "按帮扶类型：医疗救助 5,000.00 元，助学（金秋助学） 3,000.00 元，"
                     "送温暖（节日慰问） 800.50 元。",
                     "按资金来源：本级工会经费 3,800.50 元，上级帮扶资金 5,000.00 元。"]


def test_the_ledger_is_a_workbook_of_every_file_with_the_years_aid(household, tmp_path):
    with pytest.raises(UserError, match=r"只能导出为 \.xlsx"):
        export(household, "hardship-ledger", tmp_path / "l.pdf", year=2026, today=TODAY)
    path = export(household, "hardship-ledger", tmp_path / "台账.xlsx", year=2026, today=TODAY)
    table = libreoffice_csv(path, tmp_path)
    assert table[0][0] == "困难职工帮扶台账" and table[1][0] == "（2026 年度）"
    header = table[3]
    row = dict(zip(header, table[4], strict=True))
    assert row["姓名"] == "王大力" and row["身份证号"] == WANG[:6] + "********" + WANG[-4:]
    assert row["状态"] == "已建档" and row["本年帮扶次数"] == "3"
    assert row["下次复核"] == "2027-03-23" and row["本年帮扶金额（元）"] == "8,800.50"
