"""Collective contracts: the periods per region, saving a contract with its teams, reading
one with its status and deadlines, the list, and the 首页 reminders.

The status and every deadline are worked out from the dates on each read, with the
periods of the branch's region (行政区划代码 in 工会信息) or the general ones, so a
contract moves from 审查中 to 生效 on its own when the review period ends.
A signed contract cannot be signed with teams that break the rules; before that, the
team problems are shown but do not stop the chair saving what has happened so far.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonghui_desk.db.models import (
    CollectiveContract,
    ContractNegotiator,
    ContractRules,
)
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain.contract import (
    DATE_LABELS,
    ContractDraft,
    ContractTerms,
    Vote,
    check_contract,
)
from gonghui_desk.domain.contract_team import Negotiator, team_problems
from gonghui_desk.domain.money import to_fen, to_yuan
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.edit_conflicts import lock_for_save, refuse_if_saved_since, version_of
from gonghui_desk.services.history_notes import checked_reason, note_take_back
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.recuperation import branch_region

RULE_FIELDS = tuple(f.name for f in fields(ct.DeadlineRules) if f.name != "region")
PLAIN = tuple(f.name for f in fields(ContractDraft) if f.name not in ("terms", "vote"))
TERM_TEXT = ("overtime_rules", "covered_workers", "covered_women", "main_topics",
             "negotiation_history")
SAVE_RULES = "保存集体合同期限"
SAVE_CONTRACT = "保存集体合同"
DELETE_CONTRACT = "删除集体合同"
TAKE_BACK_STEP = "撤回集体合同的上一步"


def rules_in(session: Session) -> ct.DeadlineRules:
    region = branch_region(session)
    for key in (region, ""):
        row = session.get(ContractRules, key)
        if row is not None:
            return ct.DeadlineRules(region=row.region,
                                    **{k: getattr(row, k) for k in RULE_FIELDS})
    return ct.DeadlineRules()


def deadline_rules(sessions: SessionFactory) -> ct.DeadlineRules:
    with session_scope(sessions) as session:
        return rules_in(session)


def save_rules(tx: Tx, rules: ct.DeadlineRules) -> None:
    """Keep the periods for ``rules.region`` (everywhere when empty)."""
    problems = [FieldProblem(ct.RULE_LABELS[k], m, k) for k, m in ct.check_rules(rules)]
    if problems:
        raise ValidationError(problems)
    row = tx.session.get(ContractRules, rules.region)
    if row is None:
        row = ContractRules(region=rules.region)
        tx.session.add(row)
    for key in RULE_FIELDS:
        setattr(row, key, getattr(rules, key))


def _percent(bp: int | None) -> Decimal | None:
    return None if bp is None else Decimal(bp) / 100


def _money(fen: int | None) -> Decimal | None:
    return None if fen is None else to_yuan(fen)


def draft_of(row: CollectiveContract) -> ContractDraft:
    vote = None if row.vote_eligible is None else Vote(
        row.vote_eligible, row.vote_present or 0, row.vote_in_favour or 0, row.vote_against,
        row.vote_abstaining)
    terms = ContractTerms(
        wage_increase_pct=_percent(row.wage_increase_bp), minimum_wage=_money(row.minimum_wage_fen),
        last_year_average_wage=_money(row.last_year_average_wage_fen),
        **{k: getattr(row, k) for k in TERM_TEXT})
    return ContractDraft(**{k: getattr(row, k) for k in PLAIN}, terms=terms, vote=vote)


def _write(row: CollectiveContract, d: ContractDraft) -> None:
    for key in PLAIN:
        value = getattr(d, key)
        setattr(row, key, value.strip() if isinstance(value, str) else value)
    t = d.terms
    row.wage_increase_bp = (None if t.wage_increase_pct is None
                            else int((t.wage_increase_pct * 100).to_integral_value()))
    row.minimum_wage_fen = None if t.minimum_wage is None else to_fen(t.minimum_wage)
    row.last_year_average_wage_fen = (None if t.last_year_average_wage is None
                                      else to_fen(t.last_year_average_wage))
    for key in TERM_TEXT:
        setattr(row, key, getattr(t, key))
    v = d.vote
    row.vote_eligible = None if v is None else v.eligible
    row.vote_present = None if v is None else v.present
    row.vote_in_favour = None if v is None else v.in_favour
    row.vote_against = 0 if v is None else v.against
    row.vote_abstaining = 0 if v is None else v.abstaining


def timeline_of(d: ContractDraft, renewal_open: bool = False) -> ct.Timeline:
    return ct.Timeline(
        contract_type=d.contract_type, offer_date=d.offer_date, reply_date=d.reply_date,
        draft_date=d.draft_date, meeting_date=d.meeting_date, vote=d.vote,
        signed_date=d.signed_date, filed_date=d.filed_date, objection_date=d.objection_date,
        refiled_date=d.refiled_date, confirmed_date=d.confirmed_date,
        published_date=d.published_date, start=d.term_start, end=d.term_end,
        terminated_date=d.terminated_date, renewal_open=renewal_open)


def contract_version(sessions: SessionFactory, contract_id: int) -> int:
    """The contract's saves so far: its dialog reads it first and saves with it."""
    return version_of(sessions, CollectiveContract, contract_id)


def save_contract(tx: Tx, draft: ContractDraft, negotiators: tuple[Negotiator, ...],
                  contract_id: int | None = None, seen_version: int | None = None) -> int:
    """Add or change a contract with its teams; return its number. A change is refused
    with ``EditConflict`` when another officer saved the contract since ``seen_version``."""
    session = tx.session
    problems = check_contract(draft, tx.today)
    team = team_problems(negotiators)
    if draft.signed_date is not None and team:
        listed = "；".join(p.rstrip("。") for p in team)
        problems.append(FieldProblem("协商代表", f"签订前协商代表须符合规定：{listed}。",
                                     "negotiators"))
    rules = rules_in(session)
    review = ct.review_due(timeline_of(draft), rules)
    if draft.confirmed_date is not None and (review is None or draft.confirmed_date <= review):
        problems.append(FieldProblem(
            "确认生效日期", "审查期届满（未收到审查意见）之后才能确认生效"
            + (f"：审查期至 {review:%Y-%m-%d}。" if review else "。"), "confirmed_date"))
    if draft.previous_id is not None:
        previous = session.get(CollectiveContract, draft.previous_id)
        if previous is None or draft.previous_id == contract_id:
            problems.append(FieldProblem("原合同", "请选择另一份已登记的合同。", "previous_id"))
    if problems:
        raise ValidationError(problems)
    if contract_id is None:
        row = CollectiveContract()
        session.add(row)
    else:
        found = lock_for_save(session, CollectiveContract, contract_id)
        if found is None:
            raise UserError(f"找不到编号为 {contract_id} 的集体合同。")
        refuse_if_saved_since(session, found, seen_version, f"集体合同“{found.title}”")
        row = found
    _write(row, draft)
    _write_team(session, row, negotiators)
    session.flush()
    return row.id


def _write_team(session: Session, row: CollectiveContract,
                negotiators: tuple[Negotiator, ...]) -> None:
    """The team saved person by person: one kept (by its id) changes only what changed,
    one new is added, and only one no longer listed is deleted, each delete through the
    session so that the history records it (an orphan dropped from the list would not be)."""
    kept = {n.id for n in negotiators if n.id is not None}
    for person in list(row.negotiators):
        if person.id not in kept:
            row.negotiators.remove(person)
            session.delete(person)
    saved: dict[int | None, ContractNegotiator] = {p.id: p for p in row.negotiators}
    ordered = []
    for n in negotiators:
        values = {k: v for k, v in asdict(n).items() if k != "id"}
        found = saved.pop(n.id, None) if n.id is not None else None
        if found is None:  # new, an id not of this contract's team, or listed twice
            found = ContractNegotiator(**values)
        else:  # a value set unchanged is no change, to the history either
            for key, value in values.items():
                setattr(found, key, value)
        ordered.append(found)
    row.negotiators = ordered


def delete_contract(tx: Tx, contract_id: int) -> None:
    """Remove a contract never signed (one entered by mistake); a signed one is terminated."""
    row = tx.session.get(CollectiveContract, contract_id)
    if row is None:
        raise UserError(f"找不到编号为 {contract_id} 的集体合同。")
    if row.signed_date is not None:
        raise UserError(f"“{row.title}”已于 {row.signed_date:%Y-%m-%d} 签订，不能删除；"
                        "不再履行时请登记终止日期和原因。")
    tx.session.delete(row)


def step_name(key: str) -> str:
    """A step by its name on the form: ``signed_date`` → 签订."""
    return DATE_LABELS[key].removesuffix("日期")


def take_back_step(tx: Tx, contract_id: int, reason: str) -> str:
    """Clear the contract's latest step (its date and what was recorded with it), with the
    reason in the history; return the step's name."""
    row = tx.session.get(CollectiveContract, contract_id)
    if row is None:
        raise UserError(f"找不到编号为 {contract_id} 的集体合同。请刷新列表。")
    why = checked_reason(reason)
    draft = draft_of(row)
    key = ct.latest_step(timeline_of(draft))
    if key is None:
        raise UserError(f"“{row.title}”还没有登记任何环节，没有可撤回的。")
    day = getattr(draft, key)
    cleared: dict[str, object] = {key: None}
    for field in ct.STEP_DETAILS.get(key, ()):
        cleared[field] = None if field == "vote" else ""
    _write(row, replace(draft, **cleared))  # type: ignore[arg-type]
    note_take_back(tx.session, "collective_contract", contract_id,
                   {"step": step_name(key), "day": day}, why, tx.today)
    return step_name(key)


@dataclass(frozen=True)
class Deadline:
    name: str
    due: dt.date | None
    done: dt.date | None
    text: str


@dataclass(frozen=True)
class ContractDetail:
    id: int
    draft: ContractDraft
    negotiators: tuple[Negotiator, ...]
    status: str
    next: ct.NextDeadline | None
    deadlines: tuple[Deadline, ...]
    team_problems: tuple[str, ...]
    term_text: str
    renewals: tuple[tuple[int, str], ...]  # contracts that renew or amend this one
    previous_title: str


def _deadlines(d: ContractDraft, rules: ct.DeadlineRules, today: dt.date) -> tuple[Deadline, ...]:
    t = timeline_of(d)

    def line(name: str, due: dt.date | None, done: dt.date | None, what: str) -> Deadline:
        if due is None:
            return Deadline(name, None, done, "")
        if done is not None:
            late = (done - due).days
            text = f"{what} {due:%Y-%m-%d}，{done:%Y-%m-%d} 办理" + (
                f"（逾期 {late} 天）" if late > 0 else "（按期）")
        else:
            days = (due - today).days
            text = f"{what} {due:%Y-%m-%d}（" + ("今天到期" if days == 0 else
                                              f"还有 {days} 天" if days > 0
                                              else f"已逾期 {-days} 天") + "）"
        return Deadline(name, due, done, text)

    refiled = d.refiled_date or d.filed_date
    review = ct.review_due(t, rules)
    if review is not None and refiled is not None and today > review:
        review_line = Deadline("审查", review, review, (
            f"报送（{refiled:%Y-%m-%d}）后 {rules.review_days} 日，至 {review:%Y-%m-%d} 已届满"
            "（未收到审查意见，合同生效）"))
    else:
        review_line = line("审查", review, None,
                           f"报送（{refiled:%Y-%m-%d}）后 {rules.review_days} 日内无异议即生效，至"
                           if refiled else "")
    return (
        line("书面答复", ct.reply_due(t, rules), d.reply_date,
             f"要约后 {rules.reply_days} 日内，至"),
        line("报送备案", ct.filing_due(t, rules), d.filed_date,
             f"签订后 {ct.filing_days(t, rules)} 日内，至"),
        review_line,
        line("续签", ct.renewal_opens(t, rules), None,
             f"期满前 {rules.renewal_months} 个月可提出续签，自"),
        line("期满", d.term_end, None, "合同期满"),
    )


def contract_detail(sessions: SessionFactory, contract_id: int,
                    today: dt.date) -> ContractDetail:
    with session_scope(sessions) as session:
        row = session.get(CollectiveContract, contract_id)
        if row is None:
            raise UserError(f"找不到编号为 {contract_id} 的集体合同。")
        rules = rules_in(session)
        draft = draft_of(row)
        renewals = [(r.id, r.title) for r in session.scalars(
            select(CollectiveContract).where(CollectiveContract.previous_id == contract_id))]
        previous = (session.get(CollectiveContract, row.previous_id)
                    if row.previous_id is not None else None)
        team = tuple(Negotiator(n.side, n.name, n.role, n.post, n.union_chair, n.delegation,
                                n.id) for n in row.negotiators)
        t = timeline_of(draft, renewal_open=_renewal_open(session, contract_id))
        term = ""
        if draft.term_start and draft.term_end:
            term = f"{draft.term_start:%Y-%m-%d} 至 {draft.term_end:%Y-%m-%d}"
        return ContractDetail(
            id=row.id, draft=draft, negotiators=team, status=ct.status(t, today, rules),
            next=ct.next_deadline(t, today, rules), deadlines=_deadlines(draft, rules, today),
            team_problems=tuple(team_problems(team)), term_text=term,
            renewals=tuple(renewals), previous_title=previous.title if previous else "")


def _renewal_open(session: Session, contract_id: int) -> bool:
    return session.scalar(select(CollectiveContract.id).where(
        CollectiveContract.previous_id == contract_id,
        CollectiveContract.terminated_date.is_(None))) is not None


@dataclass(frozen=True)
class ContractRow:
    id: int
    title: str
    contract_type: str
    kind: str
    enterprise_name: str
    term_start: dt.date | None
    term_end: dt.date | None
    status: str
    next_text: str
    next_due: dt.date | None
    signed_date: dt.date | None
    filed_date: dt.date | None
    acceptance_no: str
    covered_workers: int | None
    wage_increase_pct: Decimal | None


def list_contracts(sessions: SessionFactory, status: str | None = None, text: str = "", *,
                   today: dt.date) -> list[ContractRow]:
    """Every contract (a branch has a handful), the most pressing deadline first."""
    rows = []
    with session_scope(sessions) as session:
        rules = rules_in(session)
        renewed = set(session.scalars(select(CollectiveContract.previous_id).where(
            CollectiveContract.previous_id.is_not(None),
            CollectiveContract.terminated_date.is_(None))))
        for row in session.scalars(select(CollectiveContract).order_by(CollectiveContract.id)):
            draft = draft_of(row)
            t = timeline_of(draft, renewal_open=row.id in renewed)
            state = ct.status(t, today, rules)
            if status is not None and state != status:
                continue
            needle = text.strip()
            if needle and needle not in row.title and needle not in row.enterprise_name:
                continue
            nxt = ct.next_deadline(t, today, rules)
            rows.append(ContractRow(
                row.id, row.title, row.contract_type, row.kind, row.enterprise_name,
                row.term_start, row.term_end, state, nxt.text if nxt else "",
                nxt.due if nxt else None, row.signed_date, row.filed_date, row.acceptance_no,
                row.covered_workers, draft.terms.wage_increase_pct))
    return sorted(rows, key=lambda r: (r.next_due is None, r.next_due or today, r.id))


def contract_reminders(sessions: SessionFactory,
                       today: dt.date) -> list[ct.Reminder]:
    found: list[ct.Reminder] = []
    with session_scope(sessions) as session:
        rules = rules_in(session)
        renewed = set(session.scalars(select(CollectiveContract.previous_id).where(
            CollectiveContract.previous_id.is_not(None),
            CollectiveContract.terminated_date.is_(None))))
        for row in session.scalars(select(CollectiveContract)):
            t = timeline_of(draft_of(row), renewal_open=row.id in renewed)
            found += ct.reminders_for(row.id, row.title, t, today, rules)
    return sorted(found, key=lambda r: r.due)


def renewal_draft(sessions: SessionFactory, contract_id: int) -> ContractDraft:
    """A new contract to negotiate as the renewal of this one: parties and terms copied."""
    with session_scope(sessions) as session:
        row = session.get(CollectiveContract, contract_id)
        if row is None:
            raise UserError(f"找不到编号为 {contract_id} 的集体合同。")
        old = draft_of(row)
    start = old.term_end + dt.timedelta(days=1) if old.term_end else None
    return replace(ContractDraft(title=old.title), **{
        k: getattr(old, k) for k in ("contract_type", "enterprise_name", "legal_representative",
                                     "enterprise_type", "workers_total", "address",
                                     "contact_person", "contact_phone", "union_name",
                                     "union_chair", "meeting_type")},
        kind="续签", previous_id=contract_id, term_start=start, terms=old.terms)
