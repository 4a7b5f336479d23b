"""What an import found, for people: the JSON report of the CLI and the problem workbook.

The problem workbook lists sheet, row (as the spreadsheet shows it), column, value and what
to fix, one line per problem, so the chair can correct the source file line by line. ID
numbers in it are masked: it is a working list, likely to be mailed around.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from gonghui_desk.exchange.member_import import (
    DUPLICATE,
    EXISTING,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    ImportPlan,
)
from gonghui_desk.exchange.saving import save_workbook

PROBLEM_HEADERS = ("工作表", "行号", "列", "单元格内容", "问题及修改方法")
_WIDTHS = (14, 8, 22, 26, 80)


def report(plan: ImportPlan, *, written: bool, batch_id: int | None) -> dict[str, Any]:
    """The figures of the CLI's ``--report`` file."""
    adds, updates = plan.to_write()
    return {
        "file": str(plan.file),
        "sheet": plan.sheet,
        "header_row": plan.header_row,
        "mode": plan.mode,
        "rows_read": len(plan.rows),
        "added": len(adds) if written else 0,
        "updated": len(updates) if written else 0,
        "would_add": plan.count(NEW),
        "would_update": plan.count(UPDATE),
        "unchanged": plan.count(UNCHANGED),
        "rejected": plan.count(REJECTED),
        "duplicates": plan.count(DUPLICATE, EXISTING),
        "passed_over": [
            {"row": row, "why": why, "text": text} for row, why, text in plan.passed_over
        ],
        "stopped_early": None if plan.stopped is None else {
            "after_row": plan.stopped.last_row, "checked": plan.stopped.checked,
            "rows": plan.stopped.total, "rows_approximate": plan.stopped.rough,
            "kinds": [{"column": c, "rows": n, "example": e} for c, n, e in plan.stopped.kinds],
        },
        "written": written,
        "batch_id": batch_id,
        "errors": [
            {"sheet": p.sheet, "row": p.row, "rows": p.count, "column": p.column,
             "value": p.value, "message": p.message}
            for p in plan.problems
        ],
    }


def summary_lines(plan: ImportPlan) -> list[str]:
    lines = [
        f"“{plan.file.name}”工作表“{plan.sheet}”，表头在第 {plan.header_row} 行，"
        f"{_rows_read(plan)}：",
        f"  新增 {plan.count(NEW)}，更新 {plan.count(UPDATE)}，无变化 {plan.count(UNCHANGED)}，"
        f"已有记录跳过 {plan.count(EXISTING)}，文件内重复 {plan.count(DUPLICATE)}，"
        f"有错误 {plan.count(REJECTED)}",
    ]
    if plan.passed_over:
        kinds = Counter(why for _, why, _ in plan.passed_over)  # in the sheet's order
        counts = "，".join(f"{why} {count}" for why, count in kinds.items())
        lines.append(f"  另有 {len(plan.passed_over)} 行不是会员（{counts}），未导入")
    if plan.stopped is not None:
        lines += ["  " + line for line in plan.stopped.lines()]
    return lines


def _rows_read(plan: ImportPlan) -> str:
    if plan.stopped is None:
        return f"读到 {len(plan.rows)} 名会员"
    about = "约" if plan.stopped.rough else ""
    return f"共{about} {plan.stopped.total:,} 行，检查了其中 {len(plan.rows):,} 名会员"


def write_problem_workbook(plan: ImportPlan, path: Path) -> int:
    """Save the problem list as .xlsx; return how many problems it holds."""
    problems = plan.problems
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "导入问题清单"
    sheet.append([f"导入问题清单：{plan.file.name}（工作表“{plan.sheet}”）"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(PROBLEM_HEADERS)
    thin = Side(style="thin", color="999999")
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for problem in problems:
        row = problem.row if problem.count == 1 else problem.rows_shown
        sheet.append([problem.sheet, row, problem.column, problem.value,
                      problem.message])
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=3, max_col=5):
        row[3].number_format = "@"  # values stay text: a long number is not reformatted
        row[4].alignment = wrap
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:E{max(len(problems) + 2, 2)}"
    save_workbook(workbook, path)
    return len(problems)
