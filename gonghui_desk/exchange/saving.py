"""Saving a workbook so that a failure leaves no half file and names what to do.

The workbook goes to ``<name>.partial`` beside the target and replaces it only when whole:
an older file of that name stays intact until then. Excel and WPS lock a workbook on
Windows while it is open, which is the usual reason a replace is refused.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from gonghui_desk.db import audit
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.errors import UserError


def file_error(exc: OSError, path: Path, *, replacing: bool = False) -> UserError:
    if replacing and isinstance(exc, PermissionError):
        # The folder took the .partial file, so it is the target that is locked.
        return UserError(
            f"无法写入“{path.name}”：这个文件可能正在 Excel 或 WPS 中打开，或被设为只读。"
            "请先关闭该文件再导出，或换一个文件名。原有文件没有改动。")
    if isinstance(exc, FileNotFoundError):
        return UserError(f"文件夹“{path.parent}”不存在，没有导出文件。请重新选择保存位置。")
    if isinstance(exc, PermissionError):
        return UserError(f"没有权限在文件夹“{path.parent}”中保存文件。"
                         "请换一个文件夹（例如“文档”或桌面）再导出。")
    return UserError(f"无法保存“{path.name}”：{exc.strerror or exc}。"
                     "请检查磁盘剩余空间，或换一个位置再导出。")


def replace_file(partial: Path, path: Path) -> None:
    try:
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise file_error(exc, path, replacing=True) from exc


def save_workbook(workbook: Any, path: Path) -> None:
    """Save an openpyxl workbook to ``path`` through a ``.partial`` file."""
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise file_error(exc, path) from exc
    replace_file(partial, path)


def move_into_place(sessions: SessionFactory, partial: Path, path: Path,
                    record: dict[str, object] | None, table: str = "member") -> None:
    """Replace ``path``; with ``record``, also write the change-history entry for it
    (an export of ``table``'s records that shows sensitive values whole).

    The move happens inside the entry's transaction: a failed move rolls the entry back,
    and a file whose entry could not be committed is removed again, so full numbers never
    reach the target without their entry.
    """
    if record is None:
        replace_file(partial, path)
        return
    moved = False
    try:
        with session_scope(sessions) as session:
            audit.record(session, table, "", audit.EXPORT, record)
            replace_file(partial, path)
            moved = True
    except OperationalError as exc:
        if moved:
            path.unlink(missing_ok=True)
        if "readonly" in str(exc):
            raise UserError(
                "这份表格含完整的证件号码，这样的导出要记入变更历史；数据库现在是只读打开的，"
                "无法记录，所以没有导出。请不勾选“完整证件号码”再导出，或等另一台电脑关闭程序后"
                "重新打开数据库。") from exc
        raise


def discard_temporary(ws: Any) -> None:
    """Remove openpyxl's temporary copy of a sheet (the same personal data, in %TEMP%).

    openpyxl removes it only on saving or at exit; its writer is the only handle on it.
    """
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    # We got here by a cancel or an error, which is what the caller must see; a second
    # failure while closing a file we throw away must not replace it.
    with suppress(Exception):
        if not ws.closed:
            ws.close()
    Path(writer.out).unlink(missing_ok=True)
