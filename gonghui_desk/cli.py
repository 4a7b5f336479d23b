"""The ``gonghui-desk`` command: the GUI with no command, headless commands otherwise.

Every command uses the same services as the GUI. Exit codes (README): 0 ok, 1 check
failed, 2 usage error, 3 input rejected and nothing written, 4 database locked, newer or
not ours.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gonghui_desk import __version__
from gonghui_desk.clock import Clock, clock_for
from gonghui_desk.config import resolve_db_location
from gonghui_desk.errors import ExitCode, UserError

if TYPE_CHECKING:  # imported only by the commands that need them, to keep start-up quick
    import argparse

    from gonghui_desk.db.database import Database
    from gonghui_desk.services import Progress
    from gonghui_desk.services.operations import Runner

log = logging.getLogger(__name__)


def _non_negative(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数：{text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数：{text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="gonghui-desk",
        description="工会桌面：基层工会的会员、帮扶、疗休养与集体合同台账。不带命令时打开窗口。",
        epilog="退出码：0 成功，1 检查未通过，2 用法错误，3 输入被拒绝且未写入，"
        "4 数据库被占用、版本更新或不是本程序的数据库。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="PATH",
        help="数据库文件路径或 SQLAlchemy URL（默认：环境变量 GONGHUI_DB，其次用户数据文件夹）",
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD",
        help="按这一天运行（排查“提示已逾期”等问题用；默认：环境变量 GONGHUI_TODAY，其次系统日期）",
    )
    parser.add_argument(
        "--officer", metavar="姓名",
        help=("修改记录和导出上署名的工会干部（默认：环境变量 GONGHUI_OFFICER；"
              "都没有时窗口会问，命令记为“未署名”）"),
    )
    parser.add_argument(
        "--recover-stale-lock", action="store_true",
        help="本机上次未正常退出留下的锁定文件：确认无人使用后解除并打开",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("init", help="创建数据库或升级到当前结构版本")
    demo = commands.add_parser("demo", help="在空数据库中生成演示工会数据")
    demo.add_argument("--members", type=_non_negative, default=500, help="会员人数（默认 500）")
    demo.add_argument("--seed", type=int, default=1, help="随机种子，相同种子生成相同数据")
    commands.add_parser("check", help="检查数据库完整性、记录引用和结构版本")
    backup = commands.add_parser("backup", help="立即备份数据库（经完整性校验）")
    backup.add_argument(
        "--to", type=Path, metavar="DIR", help="备份到此文件夹（默认：设置中的备份文件夹）"
    )
    restore = commands.add_parser(
        "restore", help="用备份文件替换当前数据库（先自动备份当前数据库）"
    )
    restore.add_argument("file", type=Path, help="要恢复的备份文件")
    shots = commands.add_parser("screenshots", help="打开主窗口，逐页截图保存为 PNG")
    shots.add_argument("outdir", type=Path, help="截图保存的文件夹")
    manual = commands.add_parser("help-pdf", help="把使用手册（含截图）保存为 PDF")
    manual.add_argument("out", type=Path, metavar="OUT.pdf", help="要保存的 PDF 文件")
    from gonghui_desk import cli_forms, cli_history, cli_import

    cli_import.add_parsers(commands)
    cli_forms.add_parsers(commands)
    cli_history.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser() if arguments else None
    try:
        args = parser.parse_args(arguments) if parser else None
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    try:  # the program's one clock, handed to everything below
        clock = clock_for(args.today if args else None)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return ExitCode.USAGE
    if args is None or args.command is None:  # a double-clicked shortcut: the window
        from gonghui_desk.app import run_gui

        return run_gui(args.db if args else None, clock, officer_named(args))
    args.clock = clock
    handler = COMMANDS[args.command]
    if args.command != "screenshots":  # the window sets up its own logging
        from gonghui_desk.logs import configure_logging

        configure_logging(_data_dir())
    try:
        return handler(args)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        log.warning("command %s refused: %s", args.command, exc.message)
        return exc.exit_code


def _data_dir() -> Path:
    from gonghui_desk.app import default_data_dir

    return default_data_dir()


def _open(args: argparse.Namespace) -> Database:
    from gonghui_desk.db.database import open_database
    from gonghui_desk.db.officer import Officer
    from gonghui_desk.logs import configure_logging

    data_dir = _data_dir()

    configure_logging(data_dir)
    clock: Clock = args.clock
    if clock.fixed_day is not None:
        log.info("running as of %s", clock.fixed_day)
    officer = Officer(officer_named(args))
    db = open_database(resolve_db_location(args.db, data_dir), clock=clock, officer=officer)
    if db.read_only_reason:  # a full disk: the command still runs if it only reads
        print(db.read_only_reason, file=sys.stderr)
    return db


class TextProgress:
    """A text progress bar on standard error, fed one ``Progress`` step at a time."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.out = stream or sys.stderr
        self.interactive = self.out.isatty()
        self.last: Progress | None = None

    def __call__(self, step: Progress) -> None:
        self.last = step
        if self.interactive and step.total:
            filled = int(30 * step.done / step.total)
            bar = "#" * filled + "-" * (30 - filled)
            self.out.write(f"\r{step.message} [{bar}] {step.done}/{step.total}")
            self.out.flush()

    def finish(self) -> None:
        last = self.last
        if last is not None:
            prefix = "\r" if self.interactive else ""
            self.out.write(f"{prefix}{last.message}：{last.done}/{last.total}\n")


def run_with_progress(steps: Iterable[Progress], stream: TextIO | None = None) -> None:
    """Drive a long-work generator with a text progress bar on standard error."""
    bar = TextProgress(stream)
    for step in steps:
        bar(step)
    bar.finish()


def runner_for(db: Database) -> Runner:
    """The runner of a command: operations run inline, with a text progress bar."""
    from gonghui_desk.services.operations import Runner, Work

    def execute(_title: str, work: Work) -> object:
        bar = TextProgress()
        try:
            return work(bar)
        finally:
            bar.finish()

    return Runner(db, execute)


def cmd_init(args: argparse.Namespace) -> int:
    from gonghui_desk.db.revision import current_revision

    db = _open(args)
    try:
        if db.upgrade_backup:
            print(f"升级前的备份：{db.upgrade_backup}")
        print(f"数据库已就绪：{db.display_name}（结构版本 {current_revision(db.engine)}）")
    finally:
        db.close()
    return ExitCode.OK


def cmd_demo(args: argparse.Namespace) -> int:
    from gonghui_desk.services.demo import fill_demo
    from gonghui_desk.services.operations import Op

    db = _open(args)
    try:
        runner_for(db).run(Op("生成演示数据", lambda tx: fill_demo(tx, args.members, args.seed)))
        print(f"已生成演示数据：{args.members} 名会员，数据库 {db.display_name}")
    finally:
        db.close()
    return ExitCode.OK


def cmd_check(args: argparse.Namespace) -> int:
    from gonghui_desk.services.health import check_database

    db = _open(args)
    try:
        report = check_database(db)
    finally:
        db.close()
    print(f"数据库：{db.display_name}")
    for line in report.lines():
        print(line)
    return ExitCode.OK if report.ok else ExitCode.CHECK_FAILED


def cmd_backup(args: argparse.Namespace) -> int:
    from gonghui_desk.services.backup import back_up_and_rotate, counts_text

    db = _open(args)
    try:
        info = back_up_and_rotate(db, "manual", args.to)
    finally:
        db.close()
    size = f"{info.size / 1024 / 1024:.1f} MB"
    print(f"已备份并校验：{info.path}（{size}，{counts_text(info.counts)}）")
    return ExitCode.OK


def cmd_restore(args: argparse.Namespace) -> int:
    from gonghui_desk.services.backup import counts_text, restore

    db = _open(args)
    try:
        result = restore(db, args.file)
    finally:
        db.close()  # restore closes it when it succeeds; a refusal must release the lock too
    reopened = _open(args)  # migrates a backup from an older version
    reopened.close()
    before = result.before
    print(f"被替换的数据库：{counts_text(before.counts)}，已先备份到 {before.path}")
    print(f"已从 {args.file} 恢复：{counts_text(result.restored.counts)}")
    return ExitCode.OK


def officer_named(args: argparse.Namespace | None) -> str:
    """The officer the command line names: ``--officer``, else GONGHUI_OFFICER ("" if
    neither; the window then asks, and a command records 未署名)."""
    return (getattr(args, "officer", None) or os.environ.get("GONGHUI_OFFICER", "")).strip()


def cmd_screenshots(args: argparse.Namespace) -> int:
    from gonghui_desk.app import take_screenshots

    data_dir = _data_dir()
    written = take_screenshots(resolve_db_location(args.db, data_dir), args.outdir, args.clock,
                               officer_named(args))
    for path in written:
        print(path)
    return ExitCode.OK


def cmd_help_pdf(args: argparse.Namespace) -> int:
    from gonghui_desk.ui.help_manual import ensure_gui_application, write_pdf

    ensure_gui_application()
    run_with_progress(write_pdf(args.out))
    print(args.out)
    return ExitCode.OK


def _command(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A command whose module is imported only when it runs."""
    def run(args: argparse.Namespace) -> int:
        import importlib

        handler: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(f"gonghui_desk.{module}"), name
        )
        return handler(args)

    return run


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _command("cli_import", "cmd_import"),
    "undo-import": _command("cli_import", "cmd_undo_import"),
    "forms": _command("cli_forms", "cmd_forms"),
    "export": _command("cli_forms", "cmd_export"),
    "history": _command("cli_history", "cmd_history"),
    "init": cmd_init,
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "screenshots": cmd_screenshots,
    "help-pdf": cmd_help_pdf,
}
