"""The 困难职工建档申请表 read back beside its paper original, field for field."""

import datetime as dt
import re
import subprocess
from dataclasses import replace
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.hardship_common import review_boxes
from gonghui_desk.exchange.forms.hardship_file import contract_text
from gonghui_desk.exchange.forms.model import Document, Grid, place
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.profile import save_profile
from tests.exchange.forms_helpers import export, pdf_pages
from tests.exchange.paper_originals import FORMS, docx_date_line, docx_labels, docx_title, normalise
from tests.exchange.test_member_forms import exports
from tests.factories import make_member, write

TODAY = dt.date(2026, 11, 21)
APPLIED = dt.date(2026, 3, 1)
pytestmark = pytest.mark.today(TODAY.isoformat())
ORIGINAL = FORMS / "hardship_file_application.docx"
# The original's words we print otherwise, each for its reason.
RENAMED = {
    # 大海惠工卡 is Hainan's brand of the card; the branch's members hold their own province's.
    "工会会员服务卡(大海惠工卡)卡号": "工会会员服务卡卡号",
    # The Hainan provincial centre; ours is whichever centre the branch reports to.
    "省职工服务中心审核意见": "职工服务（帮扶）中心审核意见",
}
REVIEWED = "经审核该家庭符合困难职工建档认定条件。"


def idn(birth, order):
    first17 = f"330106{birth}{order}"
    return first17 + check_character(first17)


WANG, WIFE, SON = idn("19800101", "011"), idn("19820202", "022"), idn("20060303", "031")


def open_household(db, member_id=None, **changes):
    """王大力's household applied for on 1 March 2026, filed, and tested for 2026."""
    values = dict(
        name="王大力", id_number=WANG, member_id=member_id, region="330106",
        category="深度困难", filing_standard="收入标准", health="患病", housing="租房",
        housing_area=45.5, phone="13812345678", bank_account="6222021234567890",
        monthly_income=D(3200), hukou_type="农业户口", self_help=False,
        contract_start=dt.date(2024, 1, 1), contract_end=dt.date(2026, 12, 31),
        service_card_no="6228480012345678", cause_primary="因病",
        cause_text="妻子患尿毒症，儿子在读大学。",
        relatives=(RelativeDraft("李梅", "配偶", "女", id_number=WIFE, age=44, health="患病",
                                 monthly_income=D(1500)),
                   RelativeDraft("王小明", "子女", "男", id_number=SON, age=20,
                                 identity="学生")))
    values.update(changes)
    file_id = write(db, hs.open_file, FileDraft(**values), APPLIED, "张主席")
    for step in (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
                 Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
                 Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
                 Step(hp.FILE, dt.date(2026, 3, 23))):
        write(db, hs.take_step, file_id, step)
    write(db, hs.set_dibao, "330106", 2026, D(1160))
    write(db, hs.assess_year, file_id, 2026, [("工资性收入", D(38400) + D(18000)),
                                             ("其他收入", D(2000))],
          [("自付医疗费用", D(18000)), ("子女教育费用", D(6000))])
    return file_id


@pytest.fixture
def household(db):
    write(db, save_profile, BranchProfile(union_name="红星机械有限公司工会委员会",
                                            unit_name="红星机械有限公司"))
    with db.session() as s:
        member = make_member(s, name="王大力", id_number=WANG, ethnicity="回族",
                             political_status="中共党员", hukou_type="非农业户口",
                             hukou_place="浙江省杭州市上城区湖滨街道")
        member_id = member.id
    open_household(db, member_id)
    return db


def raw_text(path):
    """The page's words in the order they are drawn (cell by cell, a wrapped label's lines
    together), normalised like the original's labels."""
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return normalise(text)


def test_every_label_of_the_original_is_printed_in_the_originals_order(household, tmp_path):
    path = export(household, "hardship-file", tmp_path / "f.pdf", record_id=1)
    [_] = pdf_pages(path)  # one A4 page
    text = raw_text(path)
    renamed = {normalise(theirs): normalise(ours) for theirs, ours in RENAMED.items()}
    labels = [renamed.get(normalise(lab), normalise(lab)) for lab in docx_labels(ORIGINAL)]
    assert len(labels) == 80
    missing, out_of_order, at = [], [], 0
    for lab in labels:
        found = text.find(lab, at)
        if found >= 0:
            at = found + len(lab)
        elif lab in text:
            out_of_order.append(lab)
        else:
            missing.append(lab)
    assert (missing, out_of_order) == ([], [])
    assert normalise(docx_title(ORIGINAL)).removeprefix("海南省职工服务(帮扶)中心") in text
    assert text.startswith(normalise("困难职工建档申请表"))
    assert normalise(docx_date_line(ORIGINAL)) in text
    assert "大海惠工卡" not in text and "海南" not in text


def test_the_four_boxes_and_the_applicants_column_print_their_lines(household, tmp_path):
    text = raw_text(export(household, "hardship-file", tmp_path / "f.pdf", record_id=1))
    band = text[text.index(normalise("本人承诺填写的家庭情况")):]
    assert band.count(normalise(REVIEWED)) == 3
    for heading in ("本单位工会审核意见", "所属上级工会审核意见", "驻会产业工会意见"):
        assert normalise(heading + "：" + REVIEWED) in band, heading
    # The aid centre's box prints its heading alone, then the signature lines start.
    assert normalise("职工服务（帮扶）中心审核意见：审核人签名：") in band
    assert band.count("审核人签名") == 4 and band.count(normalise("工会主席（负责人）签名")) == 4
    assert band.count(normalise("（盖工会章）")) == 4 and band.count("年月日") == 5
    assert band.count(normalise("申请人签字（按指模）")) == 1


def test_the_filing_date_is_the_application_not_the_export(household, tmp_path):
    [page] = pdf_pages(export(household, "hardship-file", tmp_path / "f.pdf", record_id=1))
    assert "申报时间：2026年3月1日" in page and "2026年11月21日" not in page.split("导出")[0]
    assert "档案编号：1" in page
    [page] = pdf_pages(export(household, "hardship-file", tmp_path / "g.pdf", record_id=1,
                              filled_on=dt.date(2026, 3, 4)))
    assert "申报时间：2026年3月4日" in page


FIGURES = re.compile(
    r"医保状况(?P<own>[\d,.]+)元(?P<other>[\d,.]+)元(?P<total>[\d,.]+)元(?P<people>\d+)人"
    r"(?P<avg>[\d,.]+)元/月")
WORKINGS = re.compile(
    r"家庭人均收入\(2026年收入测算\)=\(家庭年度总收入(?P<total>[\d,.]+)元−刚性支出"
    r"(?P<spent>[\d,.]+)元\)÷12个月÷(?P<people>\d+)人=(?P<avg>[\d,.]+)元/人·月")


def amount(text):
    return D(text.replace(",", ""))


def test_the_household_figures_can_be_redone_from_the_page(household, tmp_path):
    text = raw_text(export(household, "hardship-file", tmp_path / "f.pdf", record_id=1))
    row = FIGURES.search(text)
    assert row, text
    own, other, total = amount(row["own"]), amount(row["other"]), amount(row["total"])
    assert (own, total, int(row["people"])) == (D(3200), D(58400), 3)
    assert other == total - own * 12 == D(20000)  # the wife's wage and the other income
    workings = WORKINGS.search(text)
    assert workings, text
    assert amount(workings["total"]) == total and int(workings["people"]) == 3
    spent = amount(workings["spent"])
    assert spent == D(24000)
    avg = ((total - spent) / 12 / 3).quantize(D("0.01"))
    assert amount(row["avg"]) == amount(workings["avg"]) == avg == D("955.56")
    assert normalise("家庭其他年收入=家庭年度总收入58,400.00元−本人月均收入3,200.00元×12"
                     "=20,000.00元") in text
    assert normalise("刚性支出：自付医疗费用18,000.00元、子女教育费用6,000.00元") in text


def test_a_file_not_yet_tested_leaves_the_figures_blank_and_says_why(db, tmp_path):
    file_id = write(db, hs.open_file, FileDraft(name="赵六", id_number=SON), APPLIED)
    text = raw_text(export(db, "hardship-file", tmp_path / "f.pdf", record_id=file_id))
    assert normalise("尚未做收入测算") in text and "元/月" not in text
    assert normalise("无劳动合同") in text


def test_what_the_file_leaves_empty_comes_from_the_member(household, tmp_path):
    text = raw_text(export(household, "hardship-file", tmp_path / "f.pdf", record_id=1))
    # 姓名 民族 性别 政治面貌 身份证号: the member's 民族 and 政治面貌.
    assert f"王大力回族男中共党员{WANG}" in text
    # The file's own 户口类型 stands; its empty 户口所在地 is the member's.
    assert normalise("户口类型") + "租房45.5平方米13812345678" in text
    assert text.count("农业户口") == 1 and "非农业户口" not in text
    assert normalise("浙江省杭州市上城区湖滨街道") in text
    assert normalise("民族、政治面貌、户口所在地取自会员信息") in text


def test_the_contract_prints_its_term_and_whether_it_is_fixed(household, tmp_path):
    text = raw_text(export(household, "hardship-file", tmp_path / "f.pdf", record_id=1))
    assert normalise("劳动合同签订日期2024-01-01到2026-12-31（是固定期限）") in text
    open_ended = FileDraft(name="甲", id_number=WANG, contract_start=dt.date(2015, 3, 1),
                           fixed_term=False)
    assert contract_text(open_ended) == "2015-03-01 到 　　（否 固定期限）"
    assert contract_text(FileDraft(name="乙", id_number=WANG)) == "无劳动合同"


def test_the_export_is_recorded_and_offers_a_workbook(household, tmp_path):
    sheet = load_workbook(export(household, "hardship-file", tmp_path / "f.xlsx",
                                 record_id=1)).active
    cells = {c.value for row in sheet.iter_rows() for c in row if c.value is not None}
    for text in ("职工编号", "家庭其他年收入", "是否具有自救能力", "工会会员服务卡卡号",
                 "户口所在地行政区划（精确到街道）", "家庭成员（不含员工本人）"):
        assert text in cells, text
    [entry] = exports(household)
    assert entry["导出"] == "困难职工建档申请表" and entry["档案"] == "1 王大力"
    with pytest.raises(UserError, match="请先选择要填表的困难职工档案"):
        export(household, "hardship-file", tmp_path / "x.pdf")


def test_review_boxes_one_per_row_span_the_width_with_every_line(tmp_path):
    rows = review_boxes(("本单位工会审核意见", "职工服务（帮扶）中心审批意见"),
                        printed=("经审核，该家庭符合困难职工建档认定条件。",), per_row=True,
                        columns=12)
    placed = place(Grid((1.0,) * 12, tuple(rows)))
    assert [(p.row, p.column, p.columns) for p in placed] == [(0, 0, 12), (1, 0, 12)]
    path = tmp_path / "boxes.pdf"
    list(render_pdf(Document("x", "审核", Grid((1.0,) * 12, tuple(rows))), path))
    text = raw_text(path)
    first, second = text.split(normalise("职工服务（帮扶）中心审批意见"))
    assert normalise("本单位工会审核意见：经审核，该家庭符合困难职工建档认定条件。") in first
    for part in (first, second):
        for line in ("审核人签名：", "工会主席（负责人）签名：", "（盖工会章）", "年月日"):
            assert normalise(line) in part, line
    assert "经审核" not in second


def test_a_household_of_eight_with_a_long_story_still_fits_one_page(db, tmp_path):
    file_id = open_household(db, cause_text="妻子患尿毒症，每周透析三次；" * 12,
                             live_address="浙江省杭州市上城区湖滨街道东坡路 18 号 3 单元 502 室")
    draft, _, _ = hs.load_file(db.sessions, file_id)
    more = tuple(RelativeDraft(f"王{n}", "子女", "女", id_number=idn(f"2010010{n}", "042"),
                               age=16, identity="学生", unit_or_school="杭州市第十四中学")
                 for n in range(1, 6))
    # Children born after the year's income test: the test's household was three.
    write(db, hs.update_file, file_id, replace(draft, relatives=draft.relatives + more))
    pages = pdf_pages(export(db, "hardship-file", tmp_path / "f.pdf", record_id=file_id))
    assert len(pages) == 1
    page = pages[0].replace("\n", "")
    assert all(r.id_number in page for r in more)
    assert "收入测算按3人计算，家庭成员表现列8人（含本人）：请重新测算。" in page
