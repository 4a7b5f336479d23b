"""The ``history`` command of ``gonghui-desk``: the change history as an auditor reads it.

``history [--since YYYY-MM-DD] [--record TABLE:ID] [--out FILE.csv]`` prints the entries in
the chair's words, oldest first so that the latest change is the last line above the
prompt; with ``--out`` it writes the same CSV as 设置 → 修改记录 → 导出. The database is
opened read-only: reading the history never waits for, or blocks, the PC that is writing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from gonghui_desk.errors import ExitCode

PAGE = 1000


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写成 YYYY-MM-DD，例如 2026-11-01：{text}") from None


def _record(text: str) -> tuple[str, str]:
    from gonghui_desk.services.history import table_named
    from gonghui_desk.services.history_labels import TABLE_LABELS

    name, colon, record_id = text.partition(":")
    if not colon:
        name, colon, record_id = text.partition("：")  # typed with a Chinese keyboard
    table = table_named(name)
    if table is None or not record_id.strip():
        known = "、".join(f"{t}（{label}）" for t, label in TABLE_LABELS.items())
        raise argparse.ArgumentTypeError(
            f"应写成 类别:编号，例如 member:12 或 会员:12；“{text}”不是这样。类别可用：{known}")
    return table, record_id.strip()


def add_parser(commands: Any) -> None:
    """Register ``history`` on the main parser's sub-parsers."""
    history = commands.add_parser(
        "history", help="查看或导出修改记录（经审用）：history [--since 日期] [--record 类别:编号]",
        description="按时间先后列出修改记录（最早的在前，最新的在最后），字段、数值和记录都用"
        "程序界面上的说法，证件号码、手机号和银行账号隐去中间位。加 --out 则导出为 CSV 文件"
        "（与“设置 → 修改记录 → 导出”相同，最新的在前）。数据库以只读方式打开。",
    )
    history.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                         help="只列这一天及以后的修改")
    history.add_argument("--record", type=_record, metavar="类别:编号",
                         help="只列一条记录的修改，例如 member:12 或 会员:12")
    history.add_argument("--out", type=Path, metavar="FILE.csv",
                         help="导出为 CSV 文件（UTF-8，Excel 和 WPS 可直接打开）")


def _open_read_only(args: argparse.Namespace) -> Any:
    from gonghui_desk.cli import _data_dir, officer_named
    from gonghui_desk.config import resolve_db_location
    from gonghui_desk.db.database import open_database
    from gonghui_desk.db.officer import Officer

    officer = Officer(officer_named(args))
    return open_database(resolve_db_location(args.db, _data_dir()), read_only=True,
                         clock=args.clock, officer=officer)


def cmd_history(args: argparse.Namespace) -> int:
    from gonghui_desk.services.history import (
        HistoryFilter,
        count_history,
        export_history,
        search_history,
    )

    if args.out is not None and args.out.suffix.lower() != ".csv":
        print(f"修改记录只能导出为 .csv 文件，请把文件名改为以 .csv 结尾：{args.out}",
              file=sys.stderr)
        return ExitCode.USAGE
    table, record_id = args.record or ("", "")
    flt = HistoryFilter(table=table, record_id=record_id, since=args.since)
    db = _open_read_only(args)
    try:
        total = count_history(db.sessions, flt)
        if args.out is not None:
            from gonghui_desk.cli import run_with_progress

            run_with_progress(export_history(db.sessions, flt, args.out))
            print(f"已导出 {total} 条修改记录：{args.out}")
            return ExitCode.OK
        for offset in range(0, total, PAGE):
            for row in search_history(db.sessions, flt, PAGE, offset, newest_first=False):
                print(f"{row.at:%Y-%m-%d %H:%M:%S}  {row.actor}  {row.action}  {row.record}")
                print(f"    {row.summary}")
    finally:
        db.close()
    print(f"共 {total} 条修改记录。" if total else "没有符合条件的修改记录。")
    return ExitCode.OK
