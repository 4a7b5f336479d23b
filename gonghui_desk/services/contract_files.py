"""Files attached to a collective contract: the signed scan, minutes, the resolution.

They are stored inside the database, so they travel with it and with every backup. A
file is read whole (at most 20 MB) and kept with its name, size and SHA-256 checksum;
opening one writes it back out unchanged, and the checksum proves it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from gonghui_desk.db.models import CollectiveContract, ContractAttachment, ContractFile
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain.contract import ATTACHMENT_KIND
from gonghui_desk.errors import UserError
from gonghui_desk.services.operations import Tx

MAX_BYTES = 20 * 1024 * 1024
ATTACH = "添加合同附件"
REMOVE_ATTACHMENT = "删除合同附件"


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    kind: str
    filename: str
    size: int
    added_at: dt.datetime
    note: str


def attachments(sessions: SessionFactory, contract_id: int) -> list[AttachmentRow]:
    with session_scope(sessions) as session:
        return [AttachmentRow(a.id, a.kind, a.filename, a.size, a.added_at, a.note)
                for a in session.scalars(select(ContractAttachment)
                                         .where(ContractAttachment.contract_id == contract_id)
                                         .order_by(ContractAttachment.id))]


def attach(tx: Tx, contract_id: int, path: Path, kind: str, note: str = "") -> int:
    """Store the file at ``path`` with the contract; return the attachment's number."""
    if kind not in ATTACHMENT_KIND:
        raise UserError(f"附件类型“{kind}”不在列表中：{'、'.join(ATTACHMENT_KIND.values)}。")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"{path.name} 有 {size / 1024 / 1024:.1f} MB，超过 20 MB："
                            "请扫描成较小的 PDF 或图片后再添加。")
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"读不到文件 {path}：{error.strerror or error}。") from error
    session = tx.session
    if session.get(CollectiveContract, contract_id) is None:
        raise UserError(f"找不到编号为 {contract_id} 的集体合同。")
    row = ContractAttachment(contract_id=contract_id, kind=kind, filename=path.name,
                             size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                             added_at=tx.clock.now(), note=note.strip())
    session.add(row)
    session.flush()
    session.add(ContractFile(attachment_id=row.id, data=data))
    return row.id


def write_out(sessions: SessionFactory, attachment_id: int, folder: Path) -> Path:
    """Write the attachment into ``folder`` under its own name, for opening or saving."""
    with session_scope(sessions) as session:
        row = session.get(ContractAttachment, attachment_id)
        stored = session.get(ContractFile, attachment_id)
        if row is None or stored is None:
            raise UserError(f"找不到编号为 {attachment_id} 的附件。")
        data, name, checksum = stored.data, row.filename, row.sha256
    if hashlib.sha256(data).hexdigest() != checksum:
        raise UserError(f"附件 {name} 与保存时的校验值不符，文件已损坏：请从备份恢复或重新添加。")
    target = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as error:
        raise UserError(f"不能写入 {target}：{error.strerror or error}。") from error
    return target


def remove(tx: Tx, attachment_id: int) -> None:
    """Delete the attachment; its bytes go with it (contract_file cascades)."""
    row = tx.session.get(ContractAttachment, attachment_id)
    if row is None:
        raise UserError(f"找不到编号为 {attachment_id} 的附件。")
    tx.session.delete(row)
