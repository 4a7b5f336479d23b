"""Every audited table and column has a Chinese label of its own for the change history."""

import re
from pathlib import Path

from gonghui_desk.db import audit
from gonghui_desk.db.base import Base
from gonghui_desk.services.history_labels import (
    COLUMN_LABELS,
    SETTING_LABELS,
    TABLE_LABELS,
    column_label,
)
from gonghui_desk.services.history_values import REFERENCES

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def audited_tables():
    return [t for t in Base.metadata.sorted_tables if t.name not in audit.NOT_AUDITED]


def test_every_audited_table_has_a_label():
    missing = [t.name for t in audited_tables() if not CHINESE.search(TABLE_LABELS.get(t.name, ""))]
    assert missing == [], f"tables without a label in services/history_labels.py: {missing}"


def test_every_audited_column_has_a_label_in_its_own_table():
    missing = [
        f"{t.name}.{c.name}"
        for t in audited_tables()
        for c in t.columns
        if c.name not in audit.IGNORED_FIELDS
        and not CHINESE.search(COLUMN_LABELS.get(t.name, {}).get(c.name, ""))
    ]
    assert missing == [], f"columns without a label in services/history_labels.py: {missing}"


def test_a_field_name_shared_by_tables_is_named_for_each():
    assert column_label("recuperation_step", "kind") == "办理环节"
    assert column_label("membership_event", "kind") == "会籍变化类型"
    assert column_label("aid_payment", "kind") == "帮扶类型"
    assert column_label("contract_attachment", "kind") == "附件类型"
    assert column_label("collective_contract", "kind") == "签订类型"
    assert column_label("hardship_file", "state") == "档案状态"
    assert column_label("recuperation_application", "state") == "申请状态"


def test_every_reference_to_another_record_is_shown_by_its_name():
    """A foreign key reads as the record's name; a year shared with the year's quota is a
    year, not a record."""
    unnamed = [
        f"{t.name}.{c.name}"
        for t in audited_tables()
        for c in t.columns
        if c.foreign_keys and c.name != "year" and c.name not in REFERENCES
    ]
    assert unnamed == []


def test_every_setting_the_program_stores_has_its_name_on_screen():
    """Settings kept with the data (app_setting) are written under keys such as
    ``"backup.keep_daily"``; each one the code spells must read by its name."""
    package = Path(__file__).resolve().parents[2] / "gonghui_desk"
    keys = {key for path in package.rglob("*.py")
            for key in re.findall(r'"((?:access|backup)\.[a-z_]+)"', path.read_text("utf-8"))}
    assert keys >= {"access.password", "access.idle_minutes", "backup.keep_daily"}
    assert sorted(keys - SETTING_LABELS.keys()) == []
