"""The import commands of ``gonghui-desk``: import members, undo-import.

They run the same pipeline as the import wizard (exchange.member_import) with a text
progress bar: the check, the safety copy and the write are the same operations, run by the
command's runner (gonghui_desk.cli.runner_for). They say in Chinese what was read, written
or refused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from gonghui_desk.errors import ExitCode, UserError


def add_parsers(commands: Any) -> None:
    """Register the commands on the main parser's sub-parsers."""
    importer = commands.add_parser(
        "import", help="从电子表格导入会员（.xlsx/.xlsm/.xls/.ods/.csv），全部通过才写入"
    )
    importer.add_argument("what", choices=["members"], help="导入什么：members（会员）")
    importer.add_argument("file", type=Path, help="名册文件")
    importer.add_argument("--sheet", metavar="NAME", help="工作表名称（默认第一个）")
    importer.add_argument(
        "--mode", choices=["add", "upsert"], default="add",
        help="add：只添加新会员（默认）；upsert：添加并按证件号码更新已有会员",
    )
    importer.add_argument("--valid-only", action="store_true",
                          help="有错误的行跳过，只导入通过检查的行")
    importer.add_argument("--dry-run", action="store_true", help="只检查、不写入")
    importer.add_argument("--report", type=Path, metavar="OUT.json",
                          help="把统计和问题清单写入 JSON 文件")
    importer.add_argument("--problems", type=Path, metavar="OUT.xlsx",
                          help="把问题清单写入 Excel 文件，便于修改原表")
    undo = commands.add_parser("undo-import", help="撤销一次导入（删除其新增、恢复其更新）")
    undo.add_argument("batch_id", type=int, help="导入批次编号（导入时显示）")


def cmd_import(args: argparse.Namespace) -> int:
    from gonghui_desk.cli import _open, run_with_progress, runner_for
    from gonghui_desk.exchange import import_report
    from gonghui_desk.exchange.import_session import prepare_request, read_roster
    from gonghui_desk.exchange.member_import import (
        ImportPlan,
        import_operation,
        plan_import,
        refuse_blocked,
    )

    db = _open(args)
    try:
        print(f"正在读取 {args.file} ……")
        sheet = read_roster(args.file, args.sheet, start_only=True)
        request = prepare_request(db.sessions, sheet, args.file, args.mode, db.clock.today())
        out: list[ImportPlan] = []
        run_with_progress(plan_import(db.sessions, request, out))
        plan = out[0]
        for line in import_report.summary_lines(plan):
            print(line)
        for row, why, words in plan.passed_over[:20]:
            print(f"  第 {row} 行（{why}）：{' '.join(words.split())}")
        if len(plan.passed_over) > 20:
            print(f"  ……共 {len(plan.passed_over)} 行不是会员，完整清单见 --report 文件")
        for problem in plan.problems[:20]:
            print(f"  第 {problem.rows_shown} 行 [{problem.column}] {problem.value}："
                  f"{problem.message}")
        if len(plan.problems) > 20:
            print(f"  ……共 {len(plan.problems)} 个问题，完整清单见 --report 或 --problems 文件")
        if args.problems:
            count = import_report.write_problem_workbook(plan, args.problems)
            print(f"问题清单（{count} 条）已保存：{args.problems}")
        batch_id: int | None = None
        written = False
        refused: UserError | None = None
        adds, updates = plan.to_write()
        if not args.dry_run:
            try:
                if plan.stopped is not None:
                    refuse_blocked(plan, args.valid_only)  # says why, whatever was asked
                if adds or updates:
                    batch_id = runner_for(db).run(
                        import_operation(plan, valid_only=args.valid_only)).value
                    written = True
                elif plan.blocked and not args.valid_only:
                    raise UserError("有行未通过检查，没有导入任何数据。")
            except UserError as exc:
                refused = exc
        if args.report:
            _write_report(args.report, import_report.report(
                plan, written=written, batch_id=batch_id
            ))
    finally:
        db.close()
    if refused is not None:
        print(refused.message)
        return refused.exit_code
    if written:
        print(f"已导入：新增 {len(adds)} 人，更新 {len(updates)} 人（导入批次 {batch_id}；"
              f"撤销：gonghui-desk undo-import {batch_id}）")
        return ExitCode.OK
    if args.dry_run:
        print("试运行：没有写入任何数据。")
        return ExitCode.INPUT_REJECTED if plan.blocked else ExitCode.OK
    print("没有需要写入的新内容。")
    return ExitCode.OK


def _write_report(path: Path, content: dict[str, Any]) -> None:
    try:
        path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"报告无法写入 {path}：{exc.strerror or exc}。") from exc


def cmd_undo_import(args: argparse.Namespace) -> int:
    from gonghui_desk.cli import _open, runner_for
    from gonghui_desk.services.import_batches import get_batch
    from gonghui_desk.services.import_undo import undo_operation

    db = _open(args)
    try:
        batch = get_batch(db.sessions, args.batch_id)
        runner_for(db).run(undo_operation(batch))
    finally:
        db.close()
    print(f"已撤销导入批次 {batch.id}（{batch.file_name}，{batch.at:%Y-%m-%d %H:%M}）："
          f"删除新增的 {batch.added} 人，恢复更新的 {batch.updated} 人。")
    return ExitCode.OK

