"""Which record a page of history entries is about, and the names of the records they point at.

An entry stores a record by its key ("12", "2026/330106") and a referenced record by its id
(``member_id: 12``). A page of entries is resolved at once: the records' own rows, then the
names of everything they reference, one query per table involved (in chunks of a few
hundred ids), never one per entry. A record that is gone is looked up in the history's own
create, delete and purge entries, which hold its last values; failing that it reads
"编号 N（已删除）".
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from gonghui_desk.db.base import Base
from gonghui_desk.db.models import (
    ChangeRecord,
    CollectiveContract,
    HardshipFile,
    Member,
    RecuperationApplication,
    RecuperationTrip,
)
from gonghui_desk.domain.recuperation_rules import RULE_NAMES
from gonghui_desk.services.history_labels import setting_label, table_label
from gonghui_desk.services.history_values import REFERENCES

CHUNK = 500
# Entries that hold a record's values whole (a create's new ones, a delete's old ones).
WHOLE = ("create", "delete", "purge")
# The columns that say which record it is, beyond its key, for tables keyed by ``id``.
IDENTITY: dict[str, tuple[str, ...]] = {
    "member": ("name",),
    "membership_event": ("member_id", "kind"),
    "hardship_file": ("name",),
    "hardship_relative": ("file_id", "name"),
    "hardship_step": ("file_id", "kind"),
    "aid_payment": ("file_id", "kind"),
    "hardship_money_item": ("file_id", "year", "item"),
    "recuperation_trip": ("destination", "start_date"),
    "recuperation_application": ("member_id", "trip_id"),
    "recuperation_step": ("application_id", "kind"),
    "collective_contract": ("title",),
    "contract_negotiator": ("contract_id", "name"),
    "contract_attachment": ("contract_id", "filename"),
}

Facts = dict[str, Any]
NameOf = Callable[[str, object], str]


@dataclass(frozen=True)
class Entry:
    """One history entry as read: its table, record key and changes ``{field: [old, new]}``."""

    table: str
    record_id: str
    changes: Mapping[str, Sequence[Any]]

    @classmethod
    def of(cls, record: ChangeRecord) -> Entry:
        return cls(record.table_name, record.record_id, json.loads(record.changes))


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


@cache
def _key_columns(table: str) -> tuple[tuple[str, bool], ...]:
    """The table's key columns, each with whether it holds a whole number."""
    found: Table | None = Base.metadata.tables.get(table)
    if found is None:
        return ()
    return tuple((c.name, c.type.python_type is int) for c in found.primary_key.columns)


def key_facts(table: str, record_id: str) -> Facts:
    """The key's columns by name: ``"2026/330106"`` of recuperation_policy → year, region."""
    columns = _key_columns(table)
    if not columns or not record_id:
        return {}
    parts = record_id.split("/", len(columns) - 1)
    if len(parts) != len(columns):
        return {}
    return {name: int(part) if whole and part.isdigit() else part
            for (name, whole), part in zip(columns, parts, strict=True)}


def _entry_facts(entry: Entry) -> Facts:
    facts = key_facts(entry.table, entry.record_id)
    for name, pair in entry.changes.items():
        if len(pair) == 2:
            old, new = pair
            facts.setdefault(name, new if new is not None else old)
    return facts


def _history_values(session: Session, table: str, ids: Iterable[str]) -> dict[str, Facts]:
    """The last values the history holds of records that are gone, by record key."""
    found: dict[str, Facts] = {}
    for chunk in _chunks(ids):
        query = (select(ChangeRecord).where(
            ChangeRecord.table_name == table, ChangeRecord.record_id.in_(chunk),
            ChangeRecord.action.in_(WHOLE)).order_by(ChangeRecord.id.desc()))
        for record in session.scalars(query):
            facts = found.setdefault(record.record_id, {})
            for name, value in _entry_facts(Entry.of(record)).items():
                facts.setdefault(name, value)
    return found


def _rows(session: Session, table: str, ids: Iterable[str]) -> dict[str, Facts]:
    """The identity columns of records that still exist, by record key."""
    found_table = Base.metadata.tables[table]
    columns = [found_table.c[name] for name in IDENTITY[table]]
    found: dict[str, Facts] = {}
    for chunk in _chunks(ids):
        numbers = [int(i) for i in chunk if i.isdigit()]
        query = select(found_table.c.id, *columns).where(found_table.c.id.in_(numbers))
        for row in session.execute(query):
            found[str(row[0])] = {c.name: _plain(v) for c, v in zip(columns, row[1:], strict=True)}
    return found


def _trip_name(destination: object, start: object) -> str:
    day = _plain(start)
    return f"{destination} {day}" if day else str(destination)


def _names(session: Session, table: str, ids: list[str]) -> dict[str, str]:
    """Names of the referenced records of ``table`` that still exist."""
    numbers = [int(i) for i in ids if i.isdigit()]
    if table == "member":
        rows: Iterable[Any] = session.execute(
            select(Member.id, Member.name).where(Member.id.in_(numbers)))
        return {str(i): name for i, name in rows}
    if table == "hardship_file":
        rows = session.execute(
            select(HardshipFile.id, HardshipFile.name).where(HardshipFile.id.in_(numbers)))
        return {str(i): name for i, name in rows}
    if table == "collective_contract":
        rows = session.execute(select(CollectiveContract.id, CollectiveContract.title)
                               .where(CollectiveContract.id.in_(numbers)))
        return {str(i): title for i, title in rows}
    if table == "recuperation_trip":
        rows = session.execute(
            select(RecuperationTrip.id, RecuperationTrip.destination, RecuperationTrip.start_date)
            .where(RecuperationTrip.id.in_(numbers)))
        return {str(i): _trip_name(d, s) for i, d, s in rows}
    if table == "recuperation_application":
        app = RecuperationApplication
        rows = session.execute(
            select(app.id, Member.name, RecuperationTrip.destination, RecuperationTrip.start_date)
            .outerjoin(Member, Member.id == app.member_id)
            .outerjoin(RecuperationTrip, RecuperationTrip.id == app.trip_id)
            .where(app.id.in_(numbers)))
        return {str(i): f"{name or '（已删除）'}（{_trip_name(d, s)}）" for i, name, d, s in rows}
    return {}


def _name_from_history(table: str, facts: Facts) -> str | None:
    if table == "recuperation_trip" and facts.get("destination"):
        return _trip_name(facts["destination"], facts.get("start_date"))
    value = facts.get("title") or facts.get("name") or facts.get("姓名")
    return str(value) if value else None


@dataclass
class PageNames:
    """What a page of entries needs to be read: each record's facts, each reference's name."""

    facts: dict[tuple[str, str], Facts] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    def name_of(self, table: str, value: object) -> str:
        return self.names.get((table, str(value))) or f"编号 {value}（已删除）"

    def record(self, entry: Entry) -> str:
        """The record in words: "会员 张伟", "疗休养办理环节 张伟（杭州西湖 2026-12-01）：安排"."""
        facts = self.facts.get((entry.table, entry.record_id)) or _entry_facts(entry)
        return describe(entry.table, entry.record_id, facts, self.name_of)


def resolve(session: Session, entries: Sequence[Entry]) -> PageNames:
    page = PageNames()
    for entry in entries:  # newest first: the newest value of a field wins
        facts = page.facts.setdefault((entry.table, entry.record_id), {})
        for name, value in _entry_facts(entry).items():
            facts.setdefault(name, value)
    wanted: dict[str, set[str]] = defaultdict(set)
    for (table, record_id), facts in page.facts.items():
        if record_id and any(c not in facts for c in IDENTITY.get(table, ())):
            wanted[table].add(record_id)
    for table, ids in wanted.items():
        found = _rows(session, table, ids)
        found.update(_history_values(session, table, ids - found.keys()))
        for record_id, values in found.items():
            facts = page.facts[(table, record_id)]
            for name, value in values.items():
                facts.setdefault(name, value)
    references: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for name, pair in entry.changes.items():
            if name in REFERENCES:
                references[REFERENCES[name]].update(str(v) for v in pair if v is not None)
    for facts in page.facts.values():
        for name, value in facts.items():
            if name in REFERENCES and value is not None:
                references[REFERENCES[name]].add(str(value))
    for table, ids in references.items():
        found_names: dict[str, str] = {}
        for chunk in _chunks(ids):
            found_names.update(_names(session, table, chunk))
        gone = _history_values(session, table, ids - found_names.keys())
        for record_id, values in gone.items():
            old_name = _name_from_history(table, values)
            if old_name:
                found_names[record_id] = f"{old_name}（已删除）"
        page.names.update({(table, i): name for i, name in found_names.items()})
    return page


def _year(value: object) -> str:
    return f"{value} 年" if value not in (None, "") else ""


def _region(value: object) -> str:
    return f"（地区 {value}）" if value else "（全部地区）"


def describe(table: str, record_id: str, facts: Facts, name_of: NameOf) -> str:
    """Which record, in words, from what is known of it (``facts``)."""
    label = table_label(table)

    def ref(column: str) -> str:
        value = facts.get(column)
        return name_of(REFERENCES[column], value) if value is not None else ""

    def kind(text: str) -> str:
        value = facts.get("kind")
        return f"{text}（{value}）" if value else text

    match table:
        case "member" | "hardship_file":  # a purge keeps the name as 姓名
            what = str(facts.get("name") or facts.get("姓名") or "")
        case "membership_event":
            what = kind(ref("member_id"))
        case "hardship_relative":
            what = f"{facts.get('name') or ''}（{ref('file_id')} 家）"
        case "hardship_year":
            what = f"{ref('file_id')} {_year(facts.get('year'))}"
        case "hardship_money_item":
            what = f"{ref('file_id')} {_year(facts.get('year'))}：{facts.get('item') or ''}"
        case "hardship_step" | "aid_payment":
            what = kind(ref("file_id"))
        case "recuperation_trip":
            what = _trip_name(facts.get("destination") or "", facts.get("start_date"))
        case "recuperation_application":
            what = f"{ref('member_id')}（{ref('trip_id')}）"
        case "recuperation_step":
            what = f"{ref('application_id')}：{facts.get('kind') or ''}"
        case "recuperation_override":
            rule = str(facts.get("rule") or "")
            what = f"{ref('application_id')}：{RULE_NAMES.get(rule, rule)}"
        case "recuperation_policy":
            what = f"{_year(facts.get('year'))}{_region(facts.get('region'))}"
        case "recuperation_quota" | "year_figures":
            what = _year(facts.get("year"))
        case "recuperation_department_quota":
            what = f"{_year(facts.get('year'))} {facts.get('department') or ''}"
        case "dibao_standard":
            what = f"{facts.get('region') or ''} {_year(facts.get('year'))}"
        case "contract_rules":
            return f"{label}{_region(facts.get('region'))}"
        case "collective_contract":
            what = str(facts.get("title") or "")
        case "contract_negotiator":
            what = f"{facts.get('name') or ''}（{ref('contract_id')}）"
        case "contract_attachment":
            what = f"{facts.get('filename') or ''}（{ref('contract_id')}）"
        case "app_setting":
            what = setting_label(str(facts.get("key") or record_id))
        case "import_batch":
            what = str(facts.get("file_name") or "")
        case "branch_profile":
            what = ""
        case _:
            what = record_id
    what = what.strip()
    if not what and record_id and table != "branch_profile":
        what = f"编号 {record_id}（已删除）"
    return f"{label} {what}" if what else label
