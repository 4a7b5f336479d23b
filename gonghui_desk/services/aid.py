"""Aid payments to hardship files, and their totals per year, type, fund source and file.

Money on record is never deleted: a payment recorded by mistake is voided, with the day, the
reason and the officer, and stays in the history and on the file's list marked as voided.
The ledger, the totals, the last-aid days and the forms count only the payments in force.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal

from sqlalchemy import func, select

from gonghui_desk.db.models import AidPayment, HardshipFile, Member
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import MONEY_FIELDS, PaymentDraft, check_payment, tidied
from gonghui_desk.domain.hardship_file import household_size
from gonghui_desk.domain.money import to_fen, to_yuan
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.hardship import INCOME
from gonghui_desk.services.operations import Tx

RECORD_PAYMENT = "登记帮扶发放"
VOID_PAYMENT = "作废帮扶发放记录"
CORRECT_PAYMENT = "更正帮扶发放记录"
CORRECTED = re.compile(r"^更正第 \d+ 号记录；?")
MIN_REASON = 4  # characters: "录错了" is not a reason a later reader can follow
IN_FORCE = AidPayment.voided_on.is_(None)


def record_payment(tx: Tx, file_id: int, draft: PaymentDraft) -> int:
    """Record aid paid to a file's household; return the payment's number.

    Aid goes to households on file (已建档); 临时救助 may also go to a household whose file is
    still being examined. A closed file takes no payments.
    """
    row = tx.session.get(HardshipFile, file_id)
    if row is None:
        raise UserError(f"找不到编号为 {file_id} 的困难职工档案。")
    draft = _with_recorded_relation(tidied(draft), row)
    problems = check_payment(draft, tx.today, row.name)
    if problems:
        raise ValidationError(problems)
    if row.state in hp.CLOSED:
        raise UserError(f"{row.name} 的档案已结档（{row.state}），不能再登记帮扶。")
    applied = min(s.day for s in row.steps)
    if draft.day < applied:
        raise ValidationError([FieldProblem(
            "发放日期", f"早于该档案的申请日期 {applied:%Y-%m-%d}，请核对。", "day")])
    if row.state != hp.FILED and draft.kind != hs.TEMPORARY_AID:
        raise UserError(f"{row.name} 的档案尚未建档（{row.state}）：建档前只能登记临时救助。")
    values = asdict(draft)
    for name in MONEY_FIELDS:
        values[f"{name}_fen"] = to_fen(values.pop(name))
    payment = AidPayment(file_id=file_id, **values)
    tx.session.add(payment)
    tx.session.flush()
    return payment.id


def _with_recorded_relation(draft: PaymentDraft, row: HardshipFile) -> PaymentDraft:
    """A patient who is a recorded household member has the relation on the file: taken
    from there when the payment leaves it blank, not typed again."""
    if draft.kind != hs.MEDICAL_AID or draft.patient_relation.strip():
        return draft
    relative = next((r for r in row.relatives if r.name == draft.patient.strip()), None)
    if relative is None or draft.patient.strip() == row.name:
        return draft
    return replace(draft, patient_relation=relative.relation)


def _payment_in_force(tx: Tx, payment_id: int, reason: str, doing: str,
                      voided_already: str) -> AidPayment:
    """The payment about to be voided or corrected (``doing``), refused in Chinese when it
    is gone, voided already, or the reason is too short to be checked later."""
    row = tx.session.get(AidPayment, payment_id)
    if row is None:
        raise UserError(f"找不到编号为 {payment_id} 的帮扶发放记录。请刷新列表。")
    if row.voided_on is not None:
        raise UserError(f"这笔发放已于 {row.voided_on:%Y-%m-%d} 作废（{row.void_reason}），"
                        + voided_already)
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError([FieldProblem(
            f"{doing}原因", f"请写明{doing}的原因（至少 {MIN_REASON} 个字），日后核对账目时要看。",
            "void_reason")])
    return row


def void_payment(tx: Tx, payment_id: int, reason: str) -> None:
    """Void a payment recorded by mistake, with the reason: it stays on record (and in the
    history, under the officer's name) but no longer counts anywhere."""
    row = _payment_in_force(tx, payment_id, reason, "作废", "不能再作废一次。")
    row.voided_on, row.void_reason = tx.today, reason.strip()
    row.voided_by = tx.officer.display


def correct_payment(tx: Tx, payment_id: int, draft: PaymentDraft, reason: str) -> int:
    """Correct a payment: the old one is voided and the corrected one recorded in its
    place, each naming the other; return the corrected payment's number.

    Never changed in place: a receipt signed for the old amount then still matches a row on
    record, the list shows what was corrected and how, and only the corrected one counts.
    """
    row = _payment_in_force(tx, payment_id, reason, "更正", "不能再更正；需要时请重新登记。")
    note = CORRECTED.sub("", draft.note.strip())  # a second correction names only the last
    marked = f"更正第 {payment_id} 号记录" + (f"；{note}" if note else "")
    new_id = record_payment(tx, row.file_id, replace(draft, note=marked[:200]))
    void_payment(tx, payment_id, f"更正为第 {new_id} 号记录：{reason.strip()}"[:200])
    return new_id


@dataclass
class AidTotals:
    """Sums in yuan for a period: overall and per type, fund source and file."""

    total: Decimal = Decimal(0)
    count: int = 0
    by_kind: dict[str, Decimal] = field(default_factory=dict)
    by_source: dict[str, Decimal] = field(default_factory=dict)
    by_file: dict[int, Decimal] = field(default_factory=dict)


def totals(sessions: SessionFactory, start: dt.date, end: dt.date) -> AidTotals:
    """What was paid from ``start`` to ``end`` (both included); every type and source is
    present, 0 when nothing was paid of it."""
    query = (
        select(AidPayment.file_id, AidPayment.kind, AidPayment.fund_source,
               func.sum(AidPayment.amount_fen), func.count())
        .where(AidPayment.day.between(start, end), IN_FORCE)
        .group_by(AidPayment.file_id, AidPayment.kind, AidPayment.fund_source)
    )
    result = AidTotals(by_kind={k: Decimal(0) for k in hs.AID_TYPE.values},
                       by_source={s: Decimal(0) for s in hs.FUND_SOURCE.values})
    by_file: dict[int, Decimal] = defaultdict(Decimal)
    with session_scope(sessions) as session:
        for file_id, kind, source, fen, count in session.execute(query):
            amount = to_yuan(int(fen))
            result.total += amount
            result.count += int(count)
            result.by_kind[kind] = result.by_kind.get(kind, Decimal(0)) + amount
            result.by_source[source] = result.by_source.get(source, Decimal(0)) + amount
            by_file[file_id] += amount
    result.by_file = dict(by_file)
    return result


def last_aid_days(sessions: SessionFactory) -> dict[int, dt.date]:
    """Each file's most recent payment day (of the payments in force)."""
    query = (select(AidPayment.file_id, func.max(AidPayment.day)).where(IN_FORCE)
             .group_by(AidPayment.file_id))
    with session_scope(sessions) as session:
        return {file_id: day for file_id, day in session.execute(query)}


@dataclass(frozen=True)
class PaymentRow:
    """One payment for the ledger, with the household's name."""

    id: int
    file_id: int
    name: str
    kind: str
    day: dt.date
    amount: Decimal
    fund_source: str
    handled_by: str
    signed_by: str
    note: str
    voided_on: dt.date | None = None
    void_reason: str = ""
    voided_by: str = ""

    @property
    def voided(self) -> bool:
        return self.voided_on is not None


def payments_between(sessions: SessionFactory, start: dt.date, end: dt.date,
                     file_id: int | None = None, kind: str | None = None,
                     *, with_voided: bool = False) -> list[PaymentRow]:
    """Payments in force from ``start`` to ``end`` (both included), by day; only one file's
    with ``file_id``, only one type with ``kind``; the voided ones too ``with_voided``."""
    query = (
        select(AidPayment.id, AidPayment.file_id, HardshipFile.name, AidPayment.kind,
               AidPayment.day, AidPayment.amount_fen, AidPayment.fund_source,
               AidPayment.handled_by, AidPayment.signed_by, AidPayment.note,
               AidPayment.voided_on, AidPayment.void_reason, AidPayment.voided_by)
        .join(HardshipFile, HardshipFile.id == AidPayment.file_id)
        .where(AidPayment.day.between(start, end))
        .order_by(AidPayment.day, AidPayment.id)
    )
    if not with_voided:
        query = query.where(IN_FORCE)
    if file_id is not None:
        query = query.where(AidPayment.file_id == file_id)
    if kind is not None:
        query = query.where(AidPayment.kind == kind)
    with session_scope(sessions) as session:
        return [PaymentRow(pid, fid, name, kind, day, to_yuan(fen), source, by, signed, note,
                           voided_on, reason, voided_by)
                for (pid, fid, name, kind, day, fen, source, by, signed, note,
                     voided_on, reason, voided_by) in session.execute(query)]


def load_payment(sessions: SessionFactory, payment_id: int) -> tuple[int, PaymentDraft]:
    """A payment as recorded, with the number of its file."""
    names = [f for f in PaymentDraft.__dataclass_fields__ if f not in MONEY_FIELDS]
    with session_scope(sessions) as session:
        row = session.get(AidPayment, payment_id)
        if row is None:
            raise UserError(f"找不到编号为 {payment_id} 的帮扶发放记录。")
        values = {n: getattr(row, n) for n in names}
        values.update({m: to_yuan(getattr(row, f"{m}_fen")) for m in MONEY_FIELDS})
        return row.file_id, PaymentDraft(**values)


def void_of(sessions: SessionFactory, payment_id: int) -> tuple[dt.date, str] | None:
    """When and why the payment was voided; ``None`` for one in force."""
    with session_scope(sessions) as session:
        row = session.get(AidPayment, payment_id)
        if row is None or row.voided_on is None:
            return None
        return row.voided_on, row.void_reason


@dataclass(frozen=True)
class WorkerFacts:
    """What the study-aid application asks about the filed worker beyond the file's own
    fields, read from the linked member and the yearly income tests (``None``: not on record)."""

    post: str
    migrant_worker: bool | None
    dibao_household: bool
    household_size: int


DIBAO_HOUSEHOLD = "低保户"  # the pre-2021 category; its files keep it


def worker_facts(sessions: SessionFactory, file_id: int, year: int) -> WorkerFacts:
    """The worker's 工种（岗位） and 农民工 from the member record (a worker who is no member:
    农民工 from the file's 工作状态, else not known); 低保户 when the file is or was in that
    category, or the latest income test up to ``year`` counts 低保 money; 家庭人口 of that
    test, else of the household on file."""
    with session_scope(sessions) as session:
        row = session.get(HardshipFile, file_id)
        if row is None:
            raise UserError(f"找不到编号为 {file_id} 的困难职工档案。")
        member = session.get(Member, row.member_id) if row.member_id else None
        years = [y for y in row.years if y.year <= year]
        test = years[-1] if years else None  # ordered by year
        migrant: bool | None = member.migrant_worker if member is not None else None
        if row.work_status == "农民工":
            migrant = True
        dibao_money = test is not None and any(
            i.side == INCOME and "低保" in i.item and i.amount_fen > 0 for i in test.items)
        dibao = dibao_money or DIBAO_HOUSEHOLD in (row.category, *(y.category for y in row.years))
        return WorkerFacts(
            post=member.post if member is not None else "",
            migrant_worker=migrant,
            dibao_household=dibao,
            household_size=test.household_size if test else household_size(len(row.relatives)),
        )
