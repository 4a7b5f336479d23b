"""Take the user manual's screenshots (resources/help/images/*.png) from the real window.

Run it again whenever a screen the manual shows has changed, then look at every PNG and
commit them::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/help_screenshots.py

(``--out DIR`` writes somewhere else, to compare before replacing.) Everything happens in
a temporary folder: its own settings (``GONGHUI_DATA_DIR``), an empty book for 首页's
首次使用 steps, then the same book filled by the ``demo`` command's service, on the fixed day
2026-12-07 with 张主席 working, in a 1366×768 window. Each picture is scaled to at most
1000 px wide so the pages stay light and fit the PDF's text width.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DAY = "2026-12-07"
OFFICER = "张主席"
MEMBERS = 3000
SIZE = (1366, 768)
MAX_WIDTH = 1000
IMAGES = ROOT / "resources" / "help" / "images"


def fill_demo_book(location: str, clock: object) -> None:
    """What ``gonghui_desk demo`` does, without its progress bar, and a backup."""
    from gonghui_desk.db.database import open_database
    from gonghui_desk.db.officer import Officer
    from gonghui_desk.services.backup import back_up_and_rotate
    from gonghui_desk.services.demo import fill_demo
    from gonghui_desk.services.operations import Op, Runner

    db = open_database(location, clock=clock, officer=Officer(OFFICER))  # type: ignore[arg-type]
    try:
        Runner(db).run(Op("生成演示数据", lambda tx: fill_demo(tx, MEMBERS, 1)))
        back_up_and_rotate(db, "manual")  # 备份与恢复 then lists one
    finally:
        db.close()


def take(out: Path) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from gonghui_desk.app import Startup
    from gonghui_desk.clock import clock_for
    from gonghui_desk.db.database import open_database

    clock = clock_for(DAY)
    work = Path(tempfile.mkdtemp(prefix="gonghui-help-"))
    os.environ["GONGHUI_DATA_DIR"] = str(work / "data")
    location = str(work / "gonghui.sqlite3")  # the name a real book has
    startup = Startup(location, clock)
    startup.settings.officer = OFFICER
    window = startup.window
    app = startup.app
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(name: str, grab: Callable[[], object]) -> None:
        settle()
        image = grab().toImage()  # type: ignore[attr-defined]
        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
        # 256 colours are plenty for a screen of flat widgets and keep the file small.
        image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                      Qt.ImageConversionFlag.ThresholdDither)
        path = out / name
        if not image.save(str(path), "PNG", 9):
            raise SystemExit(f"无法写入截图 {path}，请检查文件夹权限和磁盘空间。")
        written.append(path)

    out.mkdir(parents=True, exist_ok=True)
    try:
        window.resize(*SIZE)
        window.show()
        startup.attach_database()
        window.show_page("home")
        save("home.png", window.grab)  # an empty book: 首次使用's three steps

        context = window.context
        context.db.close()
        fill_demo_book(location, clock)
        db = open_database(location, clock=clock, officer=context.db.officer)
        window.attach(replace(context, db=db))
        window.resize(*SIZE)
        home = window.show_page("home")
        settle()
        save("overview.png", home.overview.grab)  # type: ignore[attr-defined]
        for key in ("members", "hardship", "recuperation", "contracts", "reports"):
            window.show_page(key)
            settle()
            page = window.pages[key]
            table = getattr(page, "table", None)
            if key == "members" and table is not None:
                table.selectRow(0)  # the detail panel beside the list
            save(f"{key}.png", window.grab)
        settings = window.show_page("settings")
        tabs = settings.tabs  # type: ignore[attr-defined]
        tabs.setCurrentWidget(settings.backups)  # type: ignore[attr-defined]
        save("backup.png", window.grab)
    finally:
        window.close()
        if window.attached:
            window.context.db.close()
        startup.handler.uninstall()
        shutil.rmtree(work, ignore_errors=True)  # the demo book and its backup, 14 MB
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES, help="where the PNGs go")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in take(args.out):
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
