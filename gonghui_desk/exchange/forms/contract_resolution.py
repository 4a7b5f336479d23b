"""congress-resolution: the 职代会 (or all-worker meeting) resolution adopting a contract,
and contract-ledger: every contract with its dates and status (.xlsx).

The resolution is filled only for a draft that passed: at least two thirds present and
more than half of all those entitled in favour. It states the meeting, the attendance
and the vote with their arithmetic, and what the meeting decided, for the 主席团 to sign
and the union to stamp.
"""

from __future__ import annotations

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.contract import CONGRESS
from gonghui_desk.domain.reconcile import Discrepancy
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, in_batches
from gonghui_desk.exchange.forms.contract_filing import pick_contract
from gonghui_desk.exchange.forms.model import (
    DATE,
    LEFT,
    NUMBER,
    Cell,
    Column,
    Document,
    Grid,
    GridRow,
    Table,
    label,
)
from gonghui_desk.exchange.forms.spec import RECORD, FormParams, FormSpec
from gonghui_desk.services.contracts import contract_detail, list_contracts
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.reconcile import contract_discrepancies

RESOLUTION_TITLE = "职工代表大会审议通过集体合同的决议"
LEDGER_TITLE = "集体合同台账"


def preflight(sessions: SessionFactory, params: FormParams) -> list[Discrepancy]:
    return contract_discrepancies(sessions, params.the_record("集体合同"), params.today)


def build_resolution(sessions: SessionFactory, params: FormParams) -> Document:
    c = contract_detail(sessions, params.the_record("集体合同"), today=params.today)
    d, vote = c.draft, c.draft.vote
    if vote is None or d.meeting_date is None:
        raise UserError(f"“{d.title}”还没有登记审议日期和表决结果，不能出具决议。")
    if not vote.passed:
        raise UserError(f"“{d.title}”的草案未获通过（{vote.quorum_text()}；{vote.vote_text()}），"
                        "不能出具通过决议。")
    who = "职工代表" if d.meeting_type == CONGRESS else "职工"
    meeting = f"{d.meeting_session}{d.meeting_type}" if d.meeting_session else d.meeting_type
    text = (
        f"　　{date_text(d.meeting_date)}，{d.enterprise_name}召开{meeting}。会议应到{who} "
        f"{vote.eligible} 名，实到 {vote.present} 名，到会人数达到全体{who}的三分之二以上，"
        "符合规定。\n"
        f"　　会议听取了双方首席代表关于《{d.title}（草案）》协商情况的说明，审议了合同草案。\n"
        f"　　经表决，赞成 {vote.in_favour} 票，反对 {vote.against} 票，弃权 {vote.abstaining} 票，"
        f"赞成票超过全体{who}的半数。\n"
        f"　　会议决定：通过《{d.title}（草案）》，由双方首席代表签字，并在签字后"
        "规定期限内报送劳动保障行政部门审查备案，审查生效后向全体职工公布。"
    )
    rows = (
        GridRow((Cell(text, span=6, align="left"),), lines=9),
        GridRow((label("应到"), label("实到"), label("赞成"), label("反对"), label("弃权"),
                 label("结果"))),
        GridRow((Cell(vote.eligible), Cell(vote.present), Cell(vote.in_favour),
                 Cell(vote.against), Cell(vote.abstaining), Cell("通过"))),
        GridRow((label("到会"), Cell(vote.quorum_text(), span=5, align="left"))),
        GridRow((label("表决"), Cell(vote.vote_text(), span=5, align="left"))),
    )
    return Document(
        form_id=RESOLUTION_SPEC.id, title=f"关于审议通过《{d.title}》的决议",
        subtitle=f"（{date_text(d.meeting_date)}{meeting}通过）",
        header=(filled_by(load_profile(sessions)),),
        body=Grid((14.0,) * 6, rows, font_size=11, row_height=26),
        signatures=("大会主席团（签字）", "工会主席（签字）"), stamp=True,
        sheet_name="决议", exported_by=exporter(sessions), record={"合同": d.title})


LEDGER_COLUMNS = (
    Column("合同名称", 30, lambda r: r.title, align=LEFT),
    Column("合同类型", 22, lambda r: r.contract_type),
    Column("签订类型", 7, lambda r: r.kind),
    Column("企业名称", 20, lambda r: r.enterprise_name, align=LEFT),
    Column("起始日期", 10.5, lambda r: r.term_start, DATE),
    Column("期满日期", 10.5, lambda r: r.term_end, DATE),
    Column("签订日期", 10.5, lambda r: r.signed_date, DATE),
    Column("报送日期", 10.5, lambda r: r.filed_date, DATE),
    Column("受理编号", 24, lambda r: r.acceptance_no),
    Column("覆盖职工", 7, lambda r: r.covered_workers, NUMBER),
    Column("工资增长（%）", 8, lambda r: r.wage_increase_pct, NUMBER),
    Column("状态", 8, lambda r: r.status),
    Column("下一期限", 34, lambda r: r.next_text, align=LEFT),
)


def build_ledger(sessions: SessionFactory, params: FormParams) -> Document:
    rows = sorted(list_contracts(sessions, today=params.today), key=lambda r: r.id)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = f"合计 {len(rows)} 份：" + "，".join(f"{s} {n} 份" for s, n in counts.items())
    return Document(
        form_id=LEDGER_SPEC.id, title=LEDGER_TITLE, subtitle=f"（截至 {date_text(params.today)}）",
        header=(filled_by(load_profile(sessions)),),
        body=Table(LEDGER_COLUMNS, in_batches(rows), len(rows), summary=(summary + "。",)),
        landscape=True, sheet_name="集体合同台账", exported_by=exporter(sessions))


RESOLUTION_SPEC = FormSpec(
    id="congress-resolution",
    title=RESOLUTION_TITLE,
    description="职代会（职工大会）审议通过集体合同草案的决议：日期、到会和表决情况及其计算。",
    params=(RECORD,),
    build=build_resolution,
    record_kind="集体合同",
    private_values=False,
    pick=pick_contract,
    preflight=preflight,
)
LEDGER_SPEC = FormSpec(
    id="contract-ledger",
    title=LEDGER_TITLE,
    description="全部集体合同：类型、期限、签订、报送、受理编号、状态和下一个期限。",
    params=(),
    build=build_ledger,
    formats=("xlsx",),
    private_values=False,
)
