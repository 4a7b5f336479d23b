"""What an import plan is made of: the request, a verdict per row, the plan itself.

exchange.member_import builds plans and writes them; the wizard, the report and the
command line read them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.exchange.import_rows import RowProblem
from gonghui_desk.exchange.workbook import SheetData

ADD, UPSERT = "add", "upsert"
MODE_LABELS = {ADD: "只添加新会员", UPSERT: "添加新会员并更新已有会员"}
NEW, UPDATE, UNCHANGED, EXISTING, DUPLICATE, REJECTED = (
    "新增", "更新", "无变化", "已有记录", "文件内重复", "有错误"
)
BLOCKING = frozenset({DUPLICATE, REJECTED})


@dataclass(slots=True)
class RowResult:
    row: int
    name: str
    verdict: str
    data: MemberData | None = None
    events: tuple[ms.EventDraft, ...] = ()
    member_id: int | None = None
    changes: tuple[str, ...] = ()
    # tuples: a finished plan is only read, and the many rows with nothing to say share
    # the one empty tuple instead of holding two empty lists each
    problems: tuple[RowProblem, ...] = ()
    notices: tuple[str, ...] = ()
    status: str = ""


@dataclass(frozen=True)
class EarlyStop:
    """Checking ended early: most of the rows read so far were refused."""

    last_row: int  # the sheet row the check stopped after
    checked: int  # member rows checked
    total: int  # rows below the header
    kinds: tuple[tuple[str, int, str], ...] = ()  # (column, rows, an example)
    rough: bool = False  # the rest was not read: ``total`` counts its blank rows too

    def lines(self) -> list[str]:
        refused = f"检查了 {self.checked:,} 行（到第 {self.last_row:,} 行），多数有问题"
        about = "约" if self.rough else ""
        lines = [f"{refused}，表中其余{about} {self.total - self.checked:,} 行没有再检查。"
                 "请核对是否选对了表和表头、各列对应是否正确，按下列问题修改原表后重新导入："]
        lines += [f"  【{column}】{count:,} 行，例如{example}"
                  for column, count, example in self.kinds[:8]]
        return lines


@dataclass
class ImportPlan:
    file: Path
    sheet: str
    header_row: int
    mode: str
    rows: list[RowResult]
    passed_over: list[tuple[int, str, str]]  # (row, why, first words)
    stopped: EarlyStop | None = None  # set when the file was mostly wrong

    def count(self, *verdicts: str) -> int:
        return sum(1 for r in self.rows if r.verdict in verdicts)

    @property
    def blocked(self) -> bool:
        return self.stopped is not None or any(r.verdict in BLOCKING for r in self.rows)

    @property
    def problems(self) -> list[RowProblem]:
        """Each problem once, in row order: a problem that rows share (an ID number on
        5,000 rows) is one object held by each of them."""
        seen: set[int] = set()
        found = []
        for row in self.rows:
            for problem in row.problems:
                if problem.count == 1 or id(problem) not in seen:
                    seen.add(id(problem))
                    found.append(problem)
        return found

    def to_write(self) -> tuple[list[RowResult], list[RowResult]]:
        adds = [r for r in self.rows if r.verdict == NEW]
        updates = [r for r in self.rows if r.verdict == UPDATE]
        return adds, updates


@dataclass(frozen=True)
class PlanRequest:
    sheet: SheetData
    file: Path
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column index → field key
    mode: str  # ADD or UPSERT
    today: dt.date  # the day the rows are checked on (no dates after it)


def check_mapping(request: PlanRequest) -> None:
    named = set(request.mapping.values())
    if "name" not in named or "id_number" not in named:
        missing = "、".join(
            TARGET_LABELS[k] for k in ("name", "id_number") if k not in named
        )
        raise UserError(f"必须指定“{missing}”所在的列（会员实名制，按证件号码识别会员）。")
    counts = Counter(request.mapping.values())
    twice = [k for k, n in counts.items() if n > 1]
    if twice:
        labels = "、".join(TARGET_LABELS.get(k, k) for k in twice)
        raise UserError(f"“{labels}”被指定给了多列，每个项目只能对应一列。")
