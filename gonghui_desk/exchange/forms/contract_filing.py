"""contract-filing: 集体合同审查备案登记表 (送审表) for one contract.

The fields one city's 送审表 asks for (DOMAIN.md §4): 登记编号, the enterprise and the
union with their heads, both chief negotiators, the term, 首签/续签/变更, enterprise type,
职工总数, address and contact, the main topics, how the negotiation went, the 职代会's
attendance and vote with its arithmetic, and the filing date; a wage contract adds last
year's average wage, this year's increase and the workers covered. Boxes for the
enterprise, the union and the labour bureau to sign and stamp.
"""

from __future__ import annotations

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain.contract import WAGE, ContractDraft
from gonghui_desk.domain.contract_team import EMPLOYER, WORKERS, chief_of
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.reconcile import Discrepancy
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by
from gonghui_desk.exchange.forms.hardship_common import COLUMNS, WIDTHS, heading, triple
from gonghui_desk.exchange.forms.model import Cell, Document, Grid, GridRow, label, signoff_box
from gonghui_desk.exchange.forms.spec import FILLED, RECORD, Choice, FormParams, FormSpec
from gonghui_desk.services.annual import load_year
from gonghui_desk.services.contracts import ContractDetail, contract_detail, list_contracts
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.reconcile import contract_discrepancies

TITLE = "集体合同审查备案登记表"


def _covered(workers: int | None, women: int | None) -> str:
    if workers is None:
        return ""
    return f"{workers} 人" + ("" if women is None else f"（女 {women} 人）")


def _box(name: str, text: str, lines: int = 3) -> GridRow:
    return GridRow((label(name, span=4), Cell(text, span=COLUMNS - 4, align="left")),
                   lines=lines)


def _workers(c: ContractDetail, staff: int | None) -> str:
    """职工总数 from its one source, the year's figures, else as the contract states it."""
    total = staff if staff is not None else c.draft.workers_total
    return "" if total is None else f"{total} 人"


def _rows(c: ContractDetail, staff: int | None) -> list[GridRow]:
    d, t = c.draft, c.draft.terms
    team = c.negotiators
    vote = d.vote
    kind = d.kind + (f"（原合同：{c.previous_title}）" if c.previous_title else "")
    rows = [
        # The bureau gives the 登记编号 when it registers the filing: left for it to fill.
        triple(("签订类型", kind), ("登记编号", "")),
        heading("一、协商双方"),
        triple(("企业名称", d.enterprise_name), ("企业类型", d.enterprise_type),
               ("职工总数", _workers(c, staff))),
        triple(("法定代表人", d.legal_representative), ("企业首席代表", chief_of(team, EMPLOYER)),
               ("企业地址", d.address)),
        triple(("工会名称", d.union_name), ("工会主席", d.union_chair),
               ("职工首席代表", chief_of(team, WORKERS))),
        triple(("联系人", d.contact_person), ("联系电话", d.contact_phone),
               ("协商代表", f"每方 {sum(1 for n in team if n.side == WORKERS)} 人")),
        heading("二、合同内容"),
        triple(("合同类型", d.contract_type), ("合同期限", c.term_text)),
        triple(("覆盖职工", _covered(t.covered_workers, t.covered_women))),
    ]
    if d.contract_type == WAGE:
        rows.append(triple(
            ("上年度职工平均工资", yuan_text(t.last_year_average_wage)),
            ("本年度工资增长幅度", "" if t.wage_increase_pct is None
             else f"{t.wage_increase_pct:g}%"),
            ("最低工资标准", yuan_text(t.minimum_wage, unit="元/月"))))
    rows += [
        _box("主要内容", t.main_topics),
        _box("协商经过", t.negotiation_history or _history(c), lines=3),
        heading("三、审议通过情况"),
        triple(("审议会议", f"{d.meeting_type}（{d.meeting_session}）" if d.meeting_session
                else d.meeting_type),
               ("审议日期", d.meeting_date), ("签订日期", d.signed_date)),
        _box("到会情况", vote.quorum_text() if vote else "", lines=1),
        _box("表决结果", vote.vote_text() if vote else "", lines=1),
        triple(("报送日期", d.filed_date or d.refiled_date), ("报送单位", d.filed_with)),
        heading("四、签章与审查"),
        GridRow((label("企业意见", span=3), signoff_box(who="法定代表人（签字）", span=12),
                 label("工会意见", span=3), signoff_box(who="工会主席（签字）", span=12)),
                lines=4),
        GridRow((label("劳动保障行政部门审查意见", span=4),
                 signoff_box(d.objection_text, who="审查人", span=COLUMNS - 4)), lines=4),
    ]
    return rows


def _history(c: ContractDetail) -> str:
    d = c.draft
    parts = []
    if d.offer_date:
        parts.append(f"{d.offer_date:%Y-%m-%d} {d.offer_side or ''}提出协商要约")
    if d.reply_date:
        parts.append(f"{d.reply_date:%Y-%m-%d} 书面答复")
    if d.draft_date:
        parts.append(f"{d.draft_date:%Y-%m-%d} 协商一致形成草案")
    if d.meeting_date:
        parts.append(f"{d.meeting_date:%Y-%m-%d} 提交{d.meeting_type}审议")
    if d.signed_date:
        parts.append(f"{d.signed_date:%Y-%m-%d} 双方首席代表签字")
    return "；".join(parts) + ("。" if parts else "")


def _staff(sessions: SessionFactory, d: ContractDraft) -> int | None:
    signed = d.signed_date or d.meeting_date
    figures = load_year(sessions, signed.year) if signed else None
    return figures.staff if figures else None


def preflight(sessions: SessionFactory, params: FormParams) -> list[Discrepancy]:
    return contract_discrepancies(sessions, params.the_record("集体合同"), params.today)


def build(sessions: SessionFactory, params: FormParams) -> Document:
    c = contract_detail(sessions, params.the_record("集体合同"), today=params.today)
    d = c.draft
    # The form goes with the filing: filled in by the day it is sent, never after.
    sent = d.refiled_date or d.filed_date  # sent back and filed again: the latest sending
    filled = params.the_filling_date(sent or d.signed_date, before=("报送日期", sent))
    return Document(
        form_id=SPEC.id, title=TITLE, subtitle=f"（{c.draft.title}）",
        header=(filled_by(load_profile(sessions)), ("填表日期", date_text(filled))),
        body=Grid(WIDTHS, tuple(_rows(c, _staff(sessions, d))), font_size=9.5, row_height=22),
        notes=("附：集体合同文本、协商情况说明、职代会决议（含到会和表决情况）、双方首席代表身份证明"
               "或委托书。",),
        sheet_name="送审表", exported_by=exporter(sessions), record={"合同": c.draft.title})


def pick_contract(sessions: SessionFactory, text: str) -> tuple[list[Choice], int]:
    rows = list_contracts(sessions, text=text, today=clock_of(sessions).today())
    return [Choice(r.id, f"{r.title}　{r.enterprise_name}　{r.status}", r.title)
            for r in rows[:50]], len(rows)


SPEC = FormSpec(
    id="contract-filing",
    title=TITLE,
    description="一份集体合同报劳动保障行政部门审查备案：双方、期限、主要内容、协商经过、职代会到会和表决情况。",
    params=(RECORD, FILLED),
    build=build,
    record_kind="集体合同",
    private_values=False,
    pick=pick_contract,
    preflight=preflight,
)
