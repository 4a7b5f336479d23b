"""Export a form to a file: build it, draw it, move it into place, record full numbers.

The format follows the file name (.pdf or .xlsx). The file is written beside the target as
``<name>.partial`` and replaces it only when whole, so a cancelled or failed export leaves
no half file. An export that shows sensitive values whole (a form that legally needs
them, or full numbers asked for) is recorded in the change history in the same step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from sqlalchemy.exc import OperationalError

from gonghui_desk.db import audit
from gonghui_desk.db.session import SessionFactory, clock_of, session_scope
from gonghui_desk.domain.reconcile import Discrepancy
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import form_by_id
from gonghui_desk.exchange.forms.common import exporter
from gonghui_desk.exchange.forms.model import Document
from gonghui_desk.exchange.forms.spec import FormParams, FormSpec
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.exchange.render.pdf_paged import PagedPdf
from gonghui_desk.exchange.render.xlsx import render_xlsx
from gonghui_desk.exchange.saving import file_error, move_into_place
from gonghui_desk.services import Progress

Renderer = Callable[[Document, Path], Iterator[Progress]]
RENDERERS: dict[str, Renderer] = {".pdf": render_pdf, ".xlsx": render_xlsx}


def renderer_for(path: Path) -> Renderer:
    renderer = RENDERERS.get(path.suffix.lower())
    if renderer is None:
        raise UserError(f"“{path.name}”：表格只能保存为 PDF（.pdf）或 Excel（.xlsx）文件，"
                        "请把文件名改为以 .pdf 或 .xlsx 结尾。")
    return renderer


def preflight(sessions: SessionFactory, spec: FormSpec,
              params: FormParams) -> list[Discrepancy]:
    """What a statistics form's figures would contradict (none for a form without checks)."""
    return [] if spec.preflight is None else spec.preflight(sessions, params)


def export_form(
    sessions: SessionFactory, form_id: str, params: FormParams, path: Path, *,
    preview: bool = False,
) -> Iterator[Progress]:
    """Write form ``form_id`` filled with ``params`` to ``path``; raise ``UserError`` when
    the form cannot be filled or the file cannot be written.

    ``preview``: the file is a temporary one to show or print in the app, and the change
    history says the form was previewed or printed rather than naming that file.
    """
    renderer = renderer_for(path)
    spec = form_by_id(form_id)
    if path.suffix.lower().lstrip(".") not in spec.formats:
        kinds = "、".join(f".{f}" for f in spec.formats)
        raise UserError(f"{spec.title}只能导出为 {kinds} 文件，请把文件名改为以 {kinds} 结尾。")
    yield Progress(0, 1, "正在读取数据")
    doc = replace(spec.build(sessions, params), exported_at=clock_of(sessions).now(),
                  exported_by=exporter(sessions))
    yield from write_document(sessions, doc, path, renderer, preview=preview)


def write_document(sessions: SessionFactory, doc: Document, path: Path,
                   renderer: Renderer, *, preview: bool = False) -> Iterator[Progress]:
    partial = path.with_name(path.name + ".partial")
    try:
        try:
            yield from renderer(doc, partial)
        except OSError as exc:
            raise file_error(exc, path) from exc
        record: dict[str, object] | None = None
        if doc.shows_private_values():
            record = _export_record(doc, IN_APP if preview else
                                    {"文件": path.name, "位置": str(path.parent)})
        move_into_place(sessions, partial, path, record)
    finally:
        partial.unlink(missing_ok=True)


IN_APP: dict[str, object] = {"用途": "在程序中预览或打印"}


def _export_record(doc: Document, where: dict[str, object]) -> dict[str, object]:
    return {"导出": doc.title, **doc.record, **where, "证件号码": "完整（未隐去）"}


def preview_form(sessions: SessionFactory, form_id: str, params: FormParams) -> PagedPdf:
    """Form ``form_id`` filled with ``params``, to be laid out and shown page by page in the
    app (no file is written). One that shows sensitive values whole is recorded in the
    change history before anything is shown, as its export would be."""
    spec = form_by_id(form_id)
    if "pdf" not in spec.formats:
        raise UserError(f"{spec.title}没有 PDF 格式，不能预览；请导出为 Excel 文件后查看。")
    doc = replace(spec.build(sessions, params), exported_at=clock_of(sessions).now(),
                  exported_by=exporter(sessions))
    if doc.shows_private_values():
        try:
            with session_scope(sessions) as session:
                audit.record(session, "member", "", audit.EXPORT, _export_record(doc, IN_APP))
        except OperationalError as exc:
            if "readonly" in str(exc):
                raise UserError(
                    "这份表格含完整的证件号码，预览也要记入变更历史；数据库现在是只读打开的，"
                    "无法记录，所以没有预览。请不勾选“完整证件号码”再预览，或等另一台电脑"
                    "关闭程序后重新打开数据库。") from exc
            raise
    return PagedPdf(doc)
