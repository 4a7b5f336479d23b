"""Reading the change history: search, per record, export. Sensitive values are masked."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, or_, select

from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.db.session import SessionFactory, clock_of, officer_of, session_scope
from gonghui_desk.domain.annual import COUNT_LABELS, FLAG_LABELS
from gonghui_desk.domain.contract import RECORD_LABELS as CONTRACT_LABELS
from gonghui_desk.domain.masking import mask_bank_account, mask_id_number, mask_phone
from gonghui_desk.domain.member import FIELD_LABELS as MEMBER_FIELD_LABELS
from gonghui_desk.domain.membership import EVENT_LABELS
from gonghui_desk.domain.recuperation import RECORD_LABELS as RECUPERATION_LABELS
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress

TABLE_LABELS = {
    "member": "会员",
    "membership_event": "会籍变化",
    "branch_profile": "工会信息",
    "app_setting": "设置",
    "year_figures": "年度基本情况",
    "dibao_standard": "低保标准",
    "hardship_file": "困难职工档案",
    "hardship_relative": "困难职工家庭成员",
    "hardship_year": "困难职工年度收入",
    "hardship_step": "困难职工档案办理环节",
    "aid_payment": "帮扶资金发放",
    "recuperation_policy": "疗休养政策",
    "recuperation_quota": "疗休养名额",
    "recuperation_department_quota": "疗休养部门名额",
    "recuperation_trip": "疗休养批次",
    "recuperation_application": "疗休养申请",
    "recuperation_step": "疗休养办理环节",
    "recuperation_override": "疗休养特批",
    "contract_rules": "集体合同期限设置",
    "collective_contract": "集体合同",
    "contract_negotiator": "协商代表",
    "contract_attachment": "集体合同附件",
}
ACTION_LABELS = {
    "create": "新增", "update": "修改", "delete": "删除", "purge": "彻底删除", "export": "导出",
}
FIELD_LABELS = {
    **MEMBER_FIELD_LABELS,
    **EVENT_LABELS,
    "status": "会籍状态", "deleted_at": "移入回收站", "member_id": "会员",
    "union_name": "工会名称", "unit_name": "单位名称", "stats_code": "统计编码",
    "region_code": "行政区划代码", "organisation_type": "组织类型", "unit_nature": "单位性质",
    "industry": "所属行业", "chair": "工会主席", "contact_person": "联系人",
    "contact_phone": "联系电话", "address": "地址", "key": "项目", "value": "值", "id": "编号",
    "year": "年度", **COUNT_LABELS, **FLAG_LABELS, **RECUPERATION_LABELS,
}
# Where a field name means something else in one table (a contract's kind is 首签/续签).
TABLE_FIELD_LABELS = {
    table: CONTRACT_LABELS for table in ("contract_rules", "collective_contract",
                                         "contract_negotiator", "contract_attachment")
}
MASKERS = {"id_number": mask_id_number, "phone": mask_phone,
           "bank_account": mask_bank_account}


@dataclass(frozen=True)
class HistoryFilter:
    text: str = ""
    table: str = ""
    record_id: str = ""


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    actor: str
    table: str
    record_id: str
    action: str
    summary: str  # 字段：旧 → 新; sensitive values masked


def _show(field: str, value: object) -> str:
    if value is None or value == "":
        return "（空）"
    mask = MASKERS.get(field)
    return mask(str(value)) if mask else str(value)


def summarise(action: str, changes_json: str, table: str = "") -> str:
    changes: dict[str, list[object]] = json.loads(changes_json)
    own = TABLE_FIELD_LABELS.get(table, {})
    parts = []
    for field, (old, new) in sorted(changes.items()):
        label = own.get(field) or FIELD_LABELS.get(field, field)
        if action == "update":
            parts.append(f"{label}：{_show(field, old)} → {_show(field, new)}")
        elif action in ("create", "export", "purge"):
            if new not in (None, ""):
                parts.append(f"{label}：{_show(field, new)}")
        elif old not in (None, ""):
            parts.append(f"{label}：{_show(field, old)}")
    return "；".join(parts)


def _query(flt: HistoryFilter) -> Select[ChangeRecord]:
    query = select(ChangeRecord)
    if flt.table:
        query = query.where(ChangeRecord.table_name == flt.table)
    if flt.record_id:
        query = query.where(ChangeRecord.record_id == flt.record_id)
    if flt.text.strip():
        pattern = f"%{flt.text.strip()}%"
        query = query.where(or_(ChangeRecord.changes.like(pattern),
                                ChangeRecord.actor.like(pattern)))
    return query


def _row(record: ChangeRecord) -> HistoryRow:
    return HistoryRow(
        at=record.at, actor=record.actor,
        table=TABLE_LABELS.get(record.table_name, record.table_name),
        record_id=record.record_id, action=ACTION_LABELS.get(record.action, record.action),
        summary=summarise(record.action, record.changes, record.table_name),
    )


def count_history(sessions: SessionFactory, flt: HistoryFilter) -> int:
    with session_scope(sessions) as session:
        return int(session.scalar(select(func.count()).select_from(_query(flt).subquery())) or 0)


def search_history(sessions: SessionFactory, flt: HistoryFilter, limit: int = 500,
                   offset: int = 0) -> list[HistoryRow]:
    """Newest first."""
    query = _query(flt).order_by(ChangeRecord.id.desc()).limit(limit).offset(offset)
    with session_scope(sessions) as session:
        return [_row(r) for r in session.scalars(query)]


def export_history(sessions: SessionFactory, flt: HistoryFilter, path: Path,
                   batch: int = 5000) -> Iterator[Progress]:
    """Write the matching history as CSV (UTF-8 with BOM, so Excel and WPS read the Chinese)."""
    total = count_history(sessions, flt)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["时间", "操作人", "类别", "记录编号", "操作", "内容"])
            done = 0
            while done < total:
                for row in search_history(sessions, flt, batch, done):
                    writer.writerow([row.at.strftime("%Y-%m-%d %H:%M:%S"), row.actor, row.table,
                                     row.record_id, row.action, row.summary])
                done = min(done + batch, total)
                yield Progress(done, total, "导出修改记录")
            exported = clock_of(sessions).now().strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([])
            writer.writerow([f"导出人：{officer_of(sessions).display}", f"导出时间：{exported}",
                             "证件号码和手机号已隐去中间位"])
        partial.replace(path)
    except OSError as exc:
        raise UserError(f"无法写入 {path}：{exc.strerror}。请换一个位置再导出。") from exc
    finally:
        partial.unlink(missing_ok=True)
