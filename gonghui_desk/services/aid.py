"""Aid payments to hardship files, and their totals per year, type, fund source and file.

Money on record is never deleted: a payment recorded by mistake is voided, with the day, the
reason and the officer, and stays in the history and on the file's list marked as voided.
The ledger, the totals, the last-aid days and the forms count only the payments in force.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from sqlalchemy import func, select

from gonghui_desk.db.models import AidPayment, HardshipFile
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import MONEY_FIELDS, PaymentDraft, check_payment
from gonghui_desk.domain.money import to_fen, to_yuan
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.operations import Tx

RECORD_PAYMENT = "登记帮扶发放"
VOID_PAYMENT = "作废帮扶发放记录"
MIN_REASON = 4  # characters: "录错了" is not a reason a later reader can follow
IN_FORCE = AidPayment.voided_on.is_(None)


def record_payment(tx: Tx, file_id: int, draft: PaymentDraft) -> int:
    """Record aid paid to a file's household; return the payment's number.

    Aid goes to households on file (已建档); 临时救助 may also go to a household whose file is
    still being examined. A closed file takes no payments.
    """
    problems = check_payment(draft, tx.today)
    if problems:
        raise ValidationError(problems)
    row = tx.session.get(HardshipFile, file_id)
    if row is None:
        raise UserError(f"找不到编号为 {file_id} 的困难职工档案。")
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


def void_payment(tx: Tx, payment_id: int, reason: str) -> None:
    """Void a payment recorded by mistake, with the reason: it stays on record (and in the
    history, under the officer's name) but no longer counts anywhere."""
    row = tx.session.get(AidPayment, payment_id)
    if row is None:
        raise UserError(f"找不到编号为 {payment_id} 的帮扶发放记录。请刷新列表。")
    if row.voided_on is not None:
        raise UserError(f"这笔发放已于 {row.voided_on:%Y-%m-%d} 作废（{row.void_reason}），"
                        "不能再作废一次。")
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError([FieldProblem(
            "作废原因", f"请写明作废的原因（至少 {MIN_REASON} 个字），日后核对账目时要看。",
            "void_reason")])
    row.voided_on, row.void_reason = tx.today, reason.strip()
    row.voided_by = tx.officer.display


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
