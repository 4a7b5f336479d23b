"""Collective contracts (集体合同, 集体合同规定 2004, DOMAIN.md §4): what a contract records.

The parties, the term (1 to 3 years), the key terms, and the workers' congress vote:
a meeting is valid when at least two thirds of those entitled attend, and the draft
passes with more than half of ALL of them (not of those present). Each check says its
arithmetic, so the chair can read it out to the meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from gonghui_desk.domain.codes import UNIT_NATURE, CodeList
from gonghui_desk.domain.dates import add_years
from gonghui_desk.errors import FieldProblem

COMPREHENSIVE = "综合集体合同"
WAGE = "工资专项集体合同"
CONTRACT_TYPE = CodeList("合同类型", (
    COMPREHENSIVE, WAGE, "女职工权益保护专项集体合同", "劳动安全卫生专项集体合同",
    "其他专项集体合同", "行业性集体合同", "区域性集体合同"))
FIRST, RENEWAL, AMENDMENT = "首签", "续签", "变更"
KIND = CodeList("签订类型", (FIRST, RENEWAL, AMENDMENT))
CONGRESS, ALL_WORKERS = "职工代表大会", "全体职工大会"
MEETING = CodeList("审议会议", (CONGRESS, ALL_WORKERS))
ENTERPRISE_TYPE = UNIT_NATURE
ATTACHMENT_KIND = CodeList("附件类型", ("签字文本扫描件", "协商会议纪要", "职代会决议",
                                      "首席代表委托书", "审查意见书", "其他"))


@dataclass(frozen=True)
class Vote:
    """The workers' congress (or all-worker meeting) on the draft."""

    eligible: int  # 应到: every delegate (or worker) entitled to vote
    present: int  # 实到
    in_favour: int
    against: int = 0
    abstaining: int = 0

    @property
    def quorum(self) -> bool:
        return self.present * 3 >= self.eligible * 2

    @property
    def passed(self) -> bool:
        """More than half of ALL those entitled, at a meeting with its quorum."""
        return self.quorum and self.in_favour * 2 > self.eligible

    def quorum_text(self) -> str:
        need = Decimal(self.eligible * 2) / 3
        sign = "≥" if self.quorum else "<"
        verdict = "达到三分之二" if self.quorum else "不足三分之二，会议无效"
        return (f"应到 {self.eligible} 人，实到 {self.present} 人（{self.present} {sign} "
                f"{self.eligible} × 2/3 = {_number(need)}，{verdict}）")

    def vote_text(self) -> str:
        half = Decimal(self.eligible) / 2
        sign = ">" if self.in_favour * 2 > self.eligible else "≤"
        counted = f"赞成 {self.in_favour} 人"
        if self.against or self.abstaining:
            counted += f"，反对 {self.against} 人，弃权 {self.abstaining} 人"
        if not self.quorum:
            result = "到会人数不足，表决无效"
        elif self.passed:
            result = "超过全体半数，通过"
        else:
            result = "未超过全体半数，未通过"
        return (f"{counted}（{self.in_favour} {sign} {self.eligible} ÷ 2 = {_number(half)}，"
                f"{result}）")


def _number(value: Decimal) -> str:
    """45, 60 or 66.67 — whole numbers without decimals."""
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value:.2f}"


def check_vote(vote: Vote) -> list[FieldProblem]:
    problems = []
    if vote.eligible < 1:
        problems.append(FieldProblem("应到人数", "至少 1 人。", "eligible"))
    if not 0 <= vote.present <= vote.eligible:
        problems.append(FieldProblem("实到人数", f"应在 0 到应到人数 {vote.eligible} 之间。",
                                     "present"))
    counted = vote.in_favour + vote.against + vote.abstaining
    if min(vote.in_favour, vote.against, vote.abstaining) < 0:
        problems.append(FieldProblem("表决票数", "不能为负数。", "in_favour"))
    elif counted > vote.present:
        problems.append(FieldProblem(
            "表决票数", f"赞成、反对、弃权合计 {counted} 人，多于实到 {vote.present} 人。",
            "in_favour"))
    return problems


def term_problem(start: dt.date, end: dt.date) -> str:
    """"" when the term is 1 to 3 years (a year is up to the day before the anniversary)."""
    if end < start:
        return "期满日期早于起始日期。"
    shortest = add_years(start, 1) - dt.timedelta(days=1)
    longest = add_years(start, 3) - dt.timedelta(days=1)
    if end < shortest:
        return f"期限不足 1 年：从 {start:%Y-%m-%d} 起至少到 {shortest:%Y-%m-%d}。"
    if end > longest:
        return f"期限超过 3 年：从 {start:%Y-%m-%d} 起最长到 {longest:%Y-%m-%d}。"
    return ""


@dataclass(frozen=True)
class ContractTerms:
    """The key terms the lists and forms show."""

    wage_increase_pct: Decimal | None = None  # 工资增长幅度 %
    minimum_wage: Decimal | None = None  # 最低工资标准, 元/月
    last_year_average_wage: Decimal | None = None  # 上年度职工平均工资, 元/年 (wage contracts)
    overtime_rules: str = ""  # 加班工资
    covered_workers: int | None = None
    covered_women: int | None = None
    main_topics: str = ""  # 主要内容
    negotiation_history: str = ""  # 协商经过


def check_terms(terms: ContractTerms, workers: int | None) -> list[FieldProblem]:
    problems = []
    if terms.wage_increase_pct is not None and not -50 <= terms.wage_increase_pct <= 100:
        problems.append(FieldProblem("工资增长幅度", "应在 −50% 到 100% 之间，请核对。",
                                     "wage_increase_pct"))
    for key, name in (("minimum_wage", "最低工资标准"),
                      ("last_year_average_wage", "上年度职工平均工资")):
        value = getattr(terms, key)
        if value is not None and value <= 0:
            problems.append(FieldProblem(name, "应大于 0 元。", key))
    if terms.covered_workers is not None and terms.covered_workers < 1:
        problems.append(FieldProblem("覆盖职工数", "至少 1 人。", "covered_workers"))
    if terms.covered_women is not None:
        if terms.covered_women < 0:
            problems.append(FieldProblem("其中女职工", "不能为负数。", "covered_women"))
        elif terms.covered_workers is not None and terms.covered_women > terms.covered_workers:
            problems.append(FieldProblem(
                "其中女职工", f"多于覆盖职工数 {terms.covered_workers} 人。", "covered_women"))
    if (workers is not None and terms.covered_workers is not None
            and terms.covered_workers > workers):
        problems.append(FieldProblem("覆盖职工数", f"多于企业职工总数 {workers} 人。",
                                     "covered_workers"))
    return problems


@dataclass(frozen=True)
class ContractDraft:
    """Everything the contract dialog edits; dates of what has not happened yet are None."""

    title: str
    contract_type: str = COMPREHENSIVE
    kind: str = FIRST
    previous_id: int | None = None
    enterprise_name: str = ""
    legal_representative: str = ""
    enterprise_type: str = ""
    workers_total: int | None = None
    address: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    union_name: str = ""
    union_chair: str = ""
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    terms: ContractTerms = ContractTerms()
    offer_date: dt.date | None = None
    offer_side: str = ""
    reply_date: dt.date | None = None
    draft_date: dt.date | None = None
    meeting_type: str = CONGRESS
    meeting_session: str = ""
    meeting_date: dt.date | None = None
    vote: Vote | None = None
    signed_date: dt.date | None = None
    filed_date: dt.date | None = None
    filed_with: str = ""
    acceptance_no: str = ""
    objection_date: dt.date | None = None
    objection_text: str = ""
    refiled_date: dt.date | None = None
    confirmed_date: dt.date | None = None
    published_date: dt.date | None = None
    published_how: str = ""
    terminated_date: dt.date | None = None
    terminated_reason: str = ""
    note: str = ""


DATE_LABELS = {
    "offer_date": "要约日期", "reply_date": "书面答复日期", "draft_date": "形成草案日期",
    "meeting_date": "审议日期", "signed_date": "签订日期", "filed_date": "报送备案日期",
    "objection_date": "审查意见日期", "refiled_date": "重新报送日期",
    "confirmed_date": "确认生效日期", "published_date": "公布日期",
    "terminated_date": "终止日期",
}
# Each step's date may not come before these (the first one recorded counts).
AFTER = {
    "reply_date": ("offer_date",), "draft_date": ("offer_date",),
    "meeting_date": ("draft_date", "offer_date"), "signed_date": ("meeting_date",),
    "filed_date": ("signed_date",), "objection_date": ("filed_date",),
    "refiled_date": ("objection_date",), "confirmed_date": ("filed_date",),
    "published_date": ("signed_date",), "terminated_date": ("signed_date",),
}


def check_contract(d: ContractDraft, today: dt.date) -> list[FieldProblem]:
    """Wrong values and steps out of order; the teams are checked apart (contract_team)."""
    problems: list[FieldProblem] = []

    def bad(key: str, field: str, message: str) -> None:
        problems.append(FieldProblem(field, message, key))

    if not d.title.strip():
        bad("title", "合同名称", "请填写合同名称，如“2026—2028 年度综合集体合同”。")
    if d.contract_type not in CONTRACT_TYPE:
        bad("contract_type", "合同类型", "请从下拉列表选择。")
    if d.kind not in KIND:
        bad("kind", "签订类型", "请从下拉列表选择首签、续签或变更。")
    if d.kind in (RENEWAL, AMENDMENT) and d.previous_id is None:
        bad("previous_id", "原合同", f"{d.kind}须选择原来的合同。")
    if d.enterprise_type and d.enterprise_type not in ENTERPRISE_TYPE:
        bad("enterprise_type", "企业类型", "请从下拉列表选择。")
    if d.workers_total is not None and d.workers_total < 1:
        bad("workers_total", "职工总数", "至少 1 人。")
    if d.term_start and d.term_end:
        problem = term_problem(d.term_start, d.term_end)
        if problem:
            bad("term_end", "合同期限", problem)
    problems += check_terms(d.terms, d.workers_total)
    for key, label in DATE_LABELS.items():
        day = getattr(d, key)
        if day is not None and day > today:
            bad(key, label, "不能晚于今天：办理之后再登记。")
        before = next((b for b in AFTER.get(key, ()) if getattr(d, b) is not None), None)
        if day is not None and before is not None and day < getattr(d, before):
            bad(key, label, f"早于{DATE_LABELS[before]} {getattr(d, before):%Y-%m-%d}，请核对。")
    if d.meeting_date is not None and d.vote is None:
        bad("vote", "表决结果", "已登记审议日期，请填写应到、实到和赞成人数。")
    if d.vote is not None:
        problems += check_vote(d.vote)
        if d.meeting_date is None:
            bad("meeting_date", "审议日期", "请填写职代会（职工大会）的日期。")
        if d.meeting_type not in MEETING:
            bad("meeting_type", "审议会议", "请选择职工代表大会或全体职工大会。")
    if d.signed_date is not None:
        if d.vote is None or not d.vote.passed:
            bad("signed_date", "签订日期", "签订前须经职代会或全体职工大会审议通过"
                "（实到不少于三分之二，赞成超过全体半数）。")
        if d.term_start is None or d.term_end is None:
            bad("term_start", "合同期限", "签订时须填写起止日期。")
    needs = {"filed_date": "signed_date", "objection_date": "filed_date",
             "refiled_date": "objection_date", "confirmed_date": "filed_date",
             "published_date": "signed_date", "terminated_date": "signed_date"}
    for key, before in needs.items():
        if getattr(d, key) is not None and getattr(d, before) is None:
            bad(key, DATE_LABELS[key], f"请先登记{DATE_LABELS[before]}。")
    if d.objection_date is not None and not d.objection_text.strip():
        bad("objection_text", "审查意见", "请写明审查意见书要求修改的内容。")
    if d.terminated_date is not None and not d.terminated_reason.strip():
        bad("terminated_reason", "终止原因", "请写明终止的原因。")
    return problems


# Stored field names of the contract tables as the change history shows them.
RECORD_LABELS = {
    **DATE_LABELS, "title": "合同名称", "contract_type": "合同类型", "kind": "签订类型",
    "previous_id": "原合同", "enterprise_name": "企业名称", "legal_representative": "法定代表人",
    "enterprise_type": "企业类型", "workers_total": "职工总数", "contact_person": "联系人",
    "contact_phone": "联系电话", "union_name": "工会名称", "union_chair": "工会主席",
    "term_start": "合同起始日期", "term_end": "合同期满日期",
    "wage_increase_bp": "工资增长幅度（万分比）",
    "minimum_wage_fen": "最低工资标准", "last_year_average_wage_fen": "上年度职工平均工资",
    "overtime_rules": "加班工资", "covered_workers": "覆盖职工数", "covered_women": "其中女职工",
    "main_topics": "主要内容", "negotiation_history": "协商经过", "offer_side": "要约方",
    "meeting_type": "审议会议", "meeting_session": "会议届次", "vote_eligible": "应到人数",
    "vote_present": "实到人数", "vote_in_favour": "赞成", "vote_against": "反对",
    "vote_abstaining": "弃权", "filed_with": "报送单位", "acceptance_no": "受理编号",
    "objection_text": "审查意见", "published_how": "公布方式", "terminated_reason": "终止原因",
    "side": "协商方", "role": "协商角色", "post": "职务",
    "delegation": "书面委托", "filename": "文件名", "size": "大小（字节）", "sha256": "校验值",
    "added_at": "添加时间", "reply_days": "要约答复期限", "filing_days": "备案期限",
    "wage_filing_days": "工资专项备案期限", "review_days": "审查期限",
    "renewal_months": "续签提前月数",
    "filing_warning_days": "备案提前提醒", "expiry_warning_days": "到期提前提醒",
}
