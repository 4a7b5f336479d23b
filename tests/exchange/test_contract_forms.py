"""The collective-contract forms, filled from recorded contracts and read back."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from gonghui_desk.domain.contract import WAGE, ContractDraft, ContractTerms, Vote
from gonghui_desk.errors import UserError
from gonghui_desk.services import contracts as cs
from tests.exchange.forms_helpers import export, first_page_png, libreoffice_csv, pdf_pages
from tests.factories import write
from tests.services.test_contracts import SIGNED, TEAM, TODAY

pytestmark = pytest.mark.today(TODAY.isoformat())

WAGE_CONTRACT = replace(
    SIGNED, title="2026 年度工资专项集体合同", contract_type=WAGE, enterprise_name="红星机械",
    legal_representative="钱志远", workers_total=337, union_name="红星机械工会",
    union_chair="曾晓梅", meeting_session="第三届第二次", filed_date=dt.date(2026, 11, 15),
    filed_with="西湖区人社局", acceptance_no="西人社工资备〔2026〕042号",
    terms=ContractTerms(wage_increase_pct=D("5.5"), minimum_wage=D(2490),
                        last_year_average_wage=D(86400), covered_workers=337, covered_women=121,
                        main_topics="年度工资增长幅度、最低工资、加班工资"))


@pytest.fixture
def contracts(db):
    return {
        "wage": write(db, cs.save_contract, WAGE_CONTRACT, TEAM),
        "failed": write(db, cs.save_contract, ContractDraft(
            title="女职工权益保护专项集体合同", offer_date=dt.date(2026, 9, 1),
            draft_date=dt.date(2026, 10, 1), meeting_date=dt.date(2026, 10, 20),
            vote=Vote(90, 59, 59)), TEAM),
        "talking": write(db, cs.save_contract, ContractDraft(
            title="劳动安全卫生专项集体合同", offer_date=dt.date(2026, 10, 1)), ()),
    }


def test_the_filing_form_has_the_fields_the_bureau_asks_for(db, contracts, tmp_path):
    pdf = export(db, "contract-filing", tmp_path / "f.pdf", record_id=contracts["wage"],
                 today=TODAY)
    [page] = pdf_pages(pdf)
    for text in ("集体合同审查备案登记表", "工资专项集体合同", "首签",
                 "红星机械", "钱志远", "曾晓梅", "337人（女121人）", "2026-12-01至2029-11-30",
                 "86,400.00元", "5.5%", "2,490.00元/月", "年度工资增长幅度、最低工资、加班工资",
                 "应到90人，实到60人（60≥90×2/3=60，达到三分之二）",
                 "赞成46人（46>90÷2=45，超过全体半数，通过）", "2026-11-15", "西湖区人社局",
                 "部门审查意见", "2026-09-10书面答复"):
        assert text in page, text
    # The bureau gives the 登记编号 when it registers the filing: left blank for it.
    assert "西人社工资备〔2026〕042号" not in page and "登记编号\n" in page
    assert first_page_png(pdf).stat().st_size > 10_000


# One city's 送审表 (DOMAIN.md §4), in its order, as our form labels its fields.
FILING_FIELDS = ("登记编号", "企业名称", "工会名称", "法定代表人", "工会主席", "企业首席代表",
                 "职工首席代表", "合同期限", "签订类型", "企业类型", "职工总数", "企业地址",
                 "联系人", "联系电话", "主要内容", "协商经过", "到会情况", "表决结果", "报送日期")


def test_the_filing_form_carries_every_field_of_the_bureaus_form(db, contracts, tmp_path):
    [page] = pdf_pages(export(db, "contract-filing", tmp_path / "f.pdf",
                              record_id=contracts["wage"], today=TODAY))
    assert [f for f in FILING_FIELDS if f not in page] == []


def test_the_resolution_states_the_meeting_and_the_vote(db, contracts, tmp_path):
    pdf = export(db, "congress-resolution", tmp_path / "r.pdf", record_id=contracts["wage"],
                 today=TODAY)
    [page] = pdf_pages(pdf)
    assert "关于审议通过《2026年度工资专项集体合同》的决议" in page
    assert "2026年11月1日，红星机械召开第三届第二次职工代表大会" in page
    assert "应到职工代表90名，实到60" in page
    assert "赞成46票，反对0票，弃权0票，赞成票超过全体职工代表的半数" in page
    assert "大会主席团（签字）" in page and "（盖章）" in page


def test_no_resolution_for_a_draft_that_did_not_pass_or_was_not_voted(db, contracts, tmp_path):
    with pytest.raises(UserError, match="未获通过（应到 90 人，实到 59 人（59 < 90 × 2/3 = 60"):
        export(db, "congress-resolution", tmp_path / "x.pdf", record_id=contracts["failed"],
               today=TODAY)
    with pytest.raises(UserError, match="还没有登记审议日期和表决结果"):
        export(db, "congress-resolution", tmp_path / "x.pdf", record_id=contracts["talking"],
               today=TODAY)
    assert not (tmp_path / "x.pdf").exists()


def test_the_ledger_lists_every_contract_with_its_status(db, contracts, tmp_path):
    xlsx = export(db, "contract-ledger", tmp_path / "l.xlsx", today=TODAY)
    sheet = load_workbook(xlsx).active
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True) if r[1] and "合同" in str(r[1])}
    wage = rows["2026 年度工资专项集体合同"]
    assert wage[12] == "审查中" and wage[9] == "西人社工资备〔2026〕042号"
    assert wage[5] == dt.datetime(2026, 12, 1) and wage[11] == 5.5
    assert "审查期至 2026-11-30" in wage[13]
    assert rows["女职工权益保护专项集体合同"][12] == "协商中"  # the vote failed
    assert rows["劳动安全卫生专项集体合同"][13] == "书面答复 2026-10-21（已逾期 31 天）"
    texts = [r[0] for r in sheet.iter_rows(values_only=True) if r[0]]
    assert "合计 3 份：审查中 1 份，协商中 2 份。" in texts
    csv_rows = libreoffice_csv(xlsx, tmp_path)
    assert any("西人社工资备〔2026〕042号" in cell for row in csv_rows for cell in row)
    with pytest.raises(UserError):
        export(db, "contract-ledger", tmp_path / "l.pdf", today=TODAY)
