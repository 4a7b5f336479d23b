"""The 帮扶台账 tab's 导出 PDF…, 导出 Excel… and 打印…: the 帮扶资金发放登记表 of the period shown.

The same form and the same ``export_form`` generator as on the 报表 page, so the file the
tab writes is the one the page writes for that period; printing draws the pages as the
preview does, without a temporary file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.aid_ledgers import PAYMENTS_SPEC
from gonghui_desk.exchange.forms.export import export_form, preview_form
from gonghui_desk.exchange.forms.spec import FormParams
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.pdf_preview import print_form_pages
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.pages.reports import PDF, XLSX, documents_folder, safe_file_name
from gonghui_desk.ui.tasks import run_with_progress


def file_name(start: dt.date, end: dt.date, suffix: str) -> str:
    return safe_file_name(f"{PAYMENTS_SPEC.title}-{start:%Y%m%d}-{end:%Y%m%d}") + suffix


def write_ledger(parent: QWidget, context: AppContext, start: dt.date, end: dt.date,
                 path: Path) -> bool:
    """Export the period's form to ``path``; False (the user told why) if it did not finish."""
    params = FormParams(start=start, end=end, today=context.clock.today())
    sessions = context.db.sessions
    try:
        return run_with_progress(
            parent, QCoreApplication.translate("LedgerExport", "Exporting %1").replace(
                "%1", PAYMENTS_SPEC.title),
            lambda: export_form(sessions, PAYMENTS_SPEC.id, params, path))
    except UserError as error:
        show_user_error(parent, error)
    return False


def export_ledger(parent: QWidget, context: AppContext, start: dt.date, end: dt.date,
                  suffix: str) -> Path | None:
    """Ask where, write the form there; the path written, or ``None``."""
    filters = {PDF: QCoreApplication.translate("LedgerExport", "PDF file (*.pdf)"),
               XLSX: QCoreApplication.translate("LedgerExport", "Excel workbook (*.xlsx)")}
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("LedgerExport", "Export %1").replace(
            "%1", PAYMENTS_SPEC.title),
        str(documents_folder() / file_name(start, end, suffix)), filters[suffix])
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return path if write_ledger(parent, context, start, end, path) else None


def print_ledger(parent: QWidget, context: AppContext, start: dt.date, end: dt.date) -> bool:
    """Print the period's form straight away, from its pages as the preview lays them out."""
    params = FormParams(start=start, end=end, today=context.clock.today())
    try:
        pages = preview_form(context.db.sessions, PAYMENTS_SPEC.id, params)
        return print_form_pages(parent, pages, PAYMENTS_SPEC.title)
    except UserError as error:
        show_user_error(parent, error)
        return False
