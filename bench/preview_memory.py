"""The 报表 page's preview of the 91,232-member 会员信息采集表: time and memory, print
figure | ours | peer | ratio.

    python bench/preview_memory.py [--runs N] [--members N] [--no-former]

The database: the start-up benchmark's demo book of 100,000 people (91,232 members on the
day), built once and kept in bench/.cache. Each side runs in a fresh process, as a chair
would meet it: the main window open on the 报表 page, 预览 clicked, the first page drawn,
the pages laid out to the last, the preview closed. Memory is the resident set (VmRSS)
against what it was just before 预览, so the window and the database cost nothing.
Peers, in the same run:
- pdftoppm drawing page 1 of the same roster's exported PDF (poppler, the reference
  rasteriser): how long a first page takes when the file already exists;
- the former preview: the whole form exported to a temporary PDF and shown in Qt's own
  QPdfView (the file is kept in bench/.cache for pdftoppm; ``--no-former`` skips it).
Goals: the first page within 3 s; after closing, memory within 50 MiB of before.
Medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.run import prepare_database  # noqa: E402

CACHE = HERE / ".cache"
FIRST_PAGE_GOAL = 3.0  # seconds
AFTER_CLOSE_GOAL = 50.0  # MiB above what it was before the preview


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (the benchmark needs Linux)")


# -- one side, in its own process -------------------------------------------------------------

def child(side: str, database: Path, pdf: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gonghui_desk.config import log_file, settings_file
    from gonghui_desk.db.database import open_database
    from gonghui_desk.ui.context import AppContext
    from gonghui_desk.ui.fonts import register_bundled_font
    from gonghui_desk.ui.i18n import install_translators
    from gonghui_desk.ui.main_window import MainWindow
    from gonghui_desk.ui.settings import AppSettings

    app = QApplication(sys.argv[:1])
    register_bundled_font(app)
    translators = install_translators(app, "zh_CN")  # noqa: F841  (kept alive)
    data = Path(tempfile.mkdtemp(prefix="gonghui-bench-"))
    db = open_database(database)
    context = AppContext(db=db, data_dir=data, log_path=log_file(data),
                         settings=AppSettings(settings_file(data)), location=str(db.path))
    window = MainWindow(context.settings)
    window.attach(context)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("reports")
    page.select_form("member-roster")
    for _ in range(10):
        app.processEvents()

    try:
        return measure(side, app, page, context.clock, db, pdf)
    finally:
        db.close()
        shutil.rmtree(data, ignore_errors=True)


def measure(side: str, app: Any, page: Any, clock: Any, db: Any, pdf: Path) -> dict[str, float]:
    """The figures of one preview, opened and closed on the 报表 page."""
    from PySide6.QtCore import QCoreApplication, QEvent

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    figures: dict[str, float] = {}
    before = rss_mib()
    started = time.perf_counter()
    if side == "ours":
        dialog = page.preview()
        assert dialog is not None
        dialog.view.grab()  # the view painted: page 1 drawn
        figures["first"] = time.perf_counter() - started
        figures["at_first"] = rss_mib() - before
        peak = rss_mib()
        while not dialog.laid_out():
            app.processEvents()
            peak = max(peak, rss_mib())
        figures["all"] = time.perf_counter() - started
        figures["pages"] = dialog.page_count()
        dialog.view.scroll_to(dialog.page_count() - 1)
        dialog.view.grab()
        figures["peak"] = max(peak, rss_mib()) - before
        dialog.close()
    else:
        from PySide6.QtCore import QPointF
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        from gonghui_desk.exchange.forms.export import export_form
        from gonghui_desk.exchange.forms.spec import FormParams

        day = clock.today()
        peak = rss_mib()
        for _ in export_form(db.sessions, "member-roster", FormParams(as_of=day, today=day),
                             pdf, preview=True):
            peak = max(peak, rss_mib())
        figures["all"] = time.perf_counter() - started
        document = QPdfDocument()
        document.load(str(pdf))
        view = QPdfView()
        view.setDocument(document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.resize(1286, 660)
        view.show()
        app.processEvents()
        view.grab()
        figures["first"] = time.perf_counter() - started
        figures["at_first"] = rss_mib() - before
        figures["pages"] = document.pageCount()
        view.pageNavigator().jump(document.pageCount() - 1, QPointF(0, 0))
        view.grab()
        figures["peak"] = max(peak, rss_mib()) - before
        view.close()
        document.close()
        view.deleteLater()
        document.deleteLater()
    settle()
    if side == "former":
        from gonghui_desk.ui.dialogs.pdf_preview import release_memory

        release_memory()  # the former preview never did: given to it here, to be fair
    figures["after_close"] = rss_mib() - before
    return figures


# -- the comparison ------------------------------------------------------------------------------

def run_side(side: str, database: Path, pdf: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", side, "--database", str(database),
         "--pdf", str(pdf)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def pdftoppm_first_page(pdf: Path) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(["pdftoppm", "-r", "96", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(Path(folder) / "page")], check=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--no-former", action="store_true")
    parser.add_argument("--child", choices=("ours", "former"))
    parser.add_argument("--database", type=Path)
    parser.add_argument("--pdf", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.database, args.pdf)), flush=True)
        return

    database = prepare_database(args.members)
    pdf = CACHE / f"roster-preview-{args.members}.pdf"
    ours = [run_side("ours", database, pdf) for _ in range(args.runs)]
    former = None if args.no_former else run_side("former", database, pdf)
    if not pdf.exists():
        raise SystemExit(f"{pdf} is missing: run once without --no-former to export it")
    poppler = statistics.median(pdftoppm_first_page(pdf) for _ in range(args.runs))

    def median(key: str) -> float:
        return statistics.median(run[key] for run in ours)

    pages = int(median("pages"))
    print(f"会员信息采集表 preview, {pages:,} pages; ours: median of {args.runs} runs; "
          "memory in MiB above the moment before 预览")
    print(f"{'figure':<50}{'ours':>9}{'peer':>9}{'ratio':>8}  goal")

    def row(name: str, ours_value: float, peer: float | None, goal: str = "") -> None:
        peer_text = "—" if peer is None else f"{peer:.2f}"
        ratio = "—" if not peer else f"{ours_value / peer:.2f}"
        print(f"{name:<50}{ours_value:>9.2f}{peer_text:>9}{ratio:>8}  {goal}")

    first = median("first")
    verdict = "met" if first <= FIRST_PAGE_GOAL else "NOT met"
    row("first page shown (s) vs pdftoppm page 1", first, poppler,
        f"≤ {FIRST_PAGE_GOAL:.0f} s ({verdict})")
    if former is not None:
        row("first page shown (s) vs former preview", first, former["first"])
        row("all pages laid out (s) vs former whole-file export", median("all"),
            former["all"])
        row("memory at first page (MiB) vs former", median("at_first"), former["at_first"])
        row("peak memory while open (MiB) vs former", median("peak"), former["peak"])
    after = median("after_close")
    verdict = "met" if after <= AFTER_CLOSE_GOAL else "NOT met"
    row("memory after closing (MiB) vs former", after,
        None if former is None else former["after_close"],
        f"≤ {AFTER_CLOSE_GOAL:.0f} MiB ({verdict})")


if __name__ == "__main__":
    main()
