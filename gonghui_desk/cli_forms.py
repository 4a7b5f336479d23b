"""The form commands of ``gonghui-desk``: ``forms`` lists them, ``export`` writes one.

``export FORM --out FILE.pdf|FILE.xlsx`` runs the same export as the 报表 page, with a
text progress bar; ``export template members`` writes the blank import template.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from gonghui_desk.errors import ExitCode


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        message = f"日期应写成 YYYY-MM-DD，例如 2026-09-30：{text}"
        raise argparse.ArgumentTypeError(message) from None


def add_parsers(commands: Any) -> None:
    """Register the commands on the main parser's sub-parsers."""
    commands.add_parser("forms", help="列出可导出的表格（编号和名称）")
    export = commands.add_parser(
        "export", help="导出表格：export FORM --out 文件.pdf|文件.xlsx（格式按扩展名）",
        description="导出表格为 PDF 或 Excel。表格编号见 gonghui-desk forms；"
        "空白导入模板：export template members --out 文件.xlsx",
    )
    export.add_argument("form", help="表格编号，例如 member-roster；或 template（空白导入模板）")
    export.add_argument("target", nargs="?", help="模板种类（仅 template）：members")
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="保存到")
    export.add_argument("--year", type=int, metavar="Y", help="年度")
    export.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                        help="截至日期（默认今天；基本情况统计表在 1–3 月默认上年 12 月 31 日）")
    export.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD",
                        help="起始日期（默认今年 1 月 1 日）")
    export.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD",
                        help="截止日期（默认今天）")
    export.add_argument("--id", dest="record_id", type=int, metavar="N",
                        help="记录编号（单人表格，例如会员登记表的会员编号）")
    export.add_argument("--filled-on", type=_day, metavar="YYYY-MM-DD",
                        help="填表日期（一条记录的表格；默认为记录本身的日期，如申请日期、发放日期）")
    export.add_argument("--full-ids", action="store_true",
                        help="证件号码和电话不隐去（报上级工会用；导出记入变更历史）")


def cmd_forms(args: argparse.Namespace) -> int:
    from gonghui_desk.exchange.forms import FORMS
    from gonghui_desk.exchange.forms.spec import PARAMETER_NAMES

    width = max(len(spec.id) for spec in FORMS) + 2
    for spec in FORMS:
        needs = "、".join(PARAMETER_NAMES[p] for p in spec.params)
        print(f"{spec.id:<{width}}{spec.title}（参数：{needs}）")
        print(f"{'':<{width}}{spec.description}")
    return ExitCode.OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.form == "template":
        return _export_template(args)
    if args.target is not None:
        print(f"多余的参数“{args.target}”。用法：gonghui-desk export FORM --out 文件.pdf")
        return ExitCode.USAGE
    from gonghui_desk.cli import _open, run_with_progress
    from gonghui_desk.exchange.forms import form_by_id
    from gonghui_desk.exchange.forms.export import export_form, preflight, renderer_for
    from gonghui_desk.exchange.forms.spec import FILLED, FormParams

    spec = form_by_id(args.form)
    renderer_for(args.out)
    if spec.record_kind and args.record_id is None:
        print(f"{spec.title}是一{'名' if spec.record_kind == '会员' else '份'}{spec.record_kind}"
              f"的表格，请用 --id 编号指定，例如：gonghui-desk export {spec.id} --id 1 --out "
              f"{args.out}", file=sys.stderr)
        return ExitCode.USAGE
    if args.filled_on is not None and FILLED not in spec.params:
        print(f"{spec.title}不印填表日期，--filled-on 用于一条记录的表格（如 hardship-file、"
              f"contract-filing）。请去掉 --filled-on 后再导出。", file=sys.stderr)
        return ExitCode.USAGE
    db = _open(args)
    try:
        params = FormParams(year=args.year, as_of=args.as_of, start=args.start, end=args.end,
                            record_id=args.record_id, full_ids=args.full_ids,
                            filled_on=args.filled_on,
                            today=db.clock.today())
        problems = preflight(db.sessions, spec, params)
        for number, problem in enumerate(problems, 1):
            print(f"注意（核对 {number}/{len(problems)}）：{problem.text()}", file=sys.stderr)
        run_with_progress(export_form(db.sessions, spec.id, params, args.out))
    finally:
        db.close()
    print(f"已导出 {spec.title}：{args.out}")
    return ExitCode.OK


def _export_template(args: argparse.Namespace) -> int:
    if args.target != "members":
        print("请指定模板种类：gonghui-desk export template members --out 文件.xlsx")
        return ExitCode.USAGE
    if args.out.suffix.lower() != ".xlsx":
        print("模板只能保存为 .xlsx 文件。")
        return ExitCode.USAGE
    from gonghui_desk.exchange.member_template import write_member_template

    write_member_template(args.out)
    print(f"已保存会员导入模板：{args.out}")
    return ExitCode.OK
