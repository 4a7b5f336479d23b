"""A stored value as a chair reads it in the change history.

The history keeps values as they were stored (``true``, ``123450`` fen, ``2026-11-18T10:…``,
``access.idle_minutes``); this turns them into 是/否, ``1,234.50 元``, ``2026-11-18 10:00``,
a record's name, and a setting by its name on the 设置 page. Sensitive values are masked
here, whatever the table, exactly as everywhere else in the program. The column's kind
comes from the models' metadata, so a new money or yes/no column reads right on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache

from sqlalchemy import Boolean, Column, DateTime

from gonghui_desk.db.base import Base
from gonghui_desk.domain.masking import mask_bank_account, mask_id_number, mask_phone
from gonghui_desk.domain.money import to_yuan, yuan_text
from gonghui_desk.domain.recuperation_rules import RULE_NAMES
from gonghui_desk.services.access import HASH_KEY, IDLE_KEY
from gonghui_desk.services.history_labels import SETTING_UNITS, UNITS

EMPTY = "（空）"
MASKERS: dict[str, Callable[[str | None], str]] = {
    "id_number": mask_id_number, "phone": mask_phone, "bank_account": mask_bank_account,
    "student_phone": mask_phone,  # a study-aid payment's student
}
# Columns that point at another record, and the table whose name they show.
REFERENCES = {
    "member_id": "member",
    "file_id": "hardship_file",
    "application_id": "recuperation_application",
    "trip_id": "recuperation_trip",
    "contract_id": "collective_contract",
    "previous_id": "collective_contract",
}
# Stored as a key, shown by its name.
CODED: dict[tuple[str, str], Mapping[str, str]] = {
    ("recuperation_override", "rule"): RULE_NAMES,
}


@cache
def _column(table: str, name: str) -> Column[object] | None:
    found = Base.metadata.tables.get(table)
    return found.columns.get(name) if found is not None else None


@cache
def column_order(table: str) -> dict[str, int]:
    """Columns in the order the model declares them (the order of the dialogs' forms)."""
    found = Base.metadata.tables.get(table)
    return {c.name: i for i, c in enumerate(found.columns)} if found is not None else {}


def says_nothing(table: str, field: str, value: object) -> bool:
    """A zero a new record got by default (a medical aid's 住院次数 on a study grant): not
    worth listing. A zero typed where the field has no default (职工人数 0) is kept."""
    if isinstance(value, bool) or value != 0:
        return False
    column = _column(table, field)
    default = column.default if column is not None else None
    return default is not None and getattr(default, "arg", None) == 0


def yuan(fen: int) -> str:
    """``123450`` fen → ``1,234.50 元``, by the program's one money formatter."""
    return yuan_text(to_yuan(fen))


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _moment(value: str) -> str:
    try:
        return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return value


def _bytes(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def setting_value(key: str, value: object) -> str:
    """A setting's stored text as the 设置 page shows it."""
    if value is None or value == "":
        return "未设置"
    if key == HASH_KEY:
        return "已设置（不显示）"
    if key == IDLE_KEY:
        return "不自动锁定" if str(value) == "0" else f"{value} 分钟"
    return f"{value}{SETTING_UNITS.get(key, '')}"


def show(table: str, field: str, value: object, name_of: Callable[[str, object], str]) -> str:
    """``value`` of ``table.field`` in words; ``name_of(table, id)`` names a referenced record."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    mask = MASKERS.get(field)
    if mask is not None:
        return mask(str(value))
    target = REFERENCES.get(field)
    if target is not None:
        return name_of(target, value)
    coded = CODED.get((table, field))
    if coded is not None:
        return coded.get(str(value), str(value))
    column = _column(table, field)
    if column is not None and isinstance(column.type, Boolean):
        return "是" if value else "否"
    if field.endswith("_fen") and isinstance(value, int):
        return yuan(value)
    if field == "wage_increase_bp" and isinstance(value, int):
        return f"{Decimal(value) / 100:.2f}%"
    if table == "contract_attachment" and field == "size" and isinstance(value, int):
        return _bytes(value)
    if column is not None and isinstance(column.type, DateTime) and isinstance(value, str):
        return _moment(value)
    return f"{_number(value)}{UNITS.get(table, {}).get(field, '')}"
