"""Database health: file integrity, references and schema revision."""

from __future__ import annotations

from dataclasses import dataclass, field

from gonghui_desk.db import engine as eng
from gonghui_desk.db.database import Database
from gonghui_desk.db.revision import HEAD_REVISION, current_revision


@dataclass(frozen=True)
class HealthReport:
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.schema)

    def lines(self) -> list[str]:
        def verdict(name: str, problems: list[str]) -> list[str]:
            if not problems:
                return [f"{name}：通过"]
            return [f"{name}：发现 {len(problems)} 个问题"] + [f"  - {p}" for p in problems]

        return (
            verdict("文件完整性", self.integrity)
            + verdict("记录引用", self.foreign_keys)
            + verdict("结构版本", self.schema)
        )


def check_database(db: Database) -> HealthReport:
    schema: list[str] = []
    current = current_revision(db.engine)
    if current != HEAD_REVISION:
        schema.append(f"结构版本为 {current}，应为 {HEAD_REVISION}")
    return HealthReport(
        integrity=eng.integrity_problems(db.engine),
        foreign_keys=eng.foreign_key_problems(db.engine),
        schema=schema,
    )
