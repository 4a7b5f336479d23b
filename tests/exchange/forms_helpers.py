"""Reading exported forms back as a user, or another program, would."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

from gonghui_desk.exchange.forms.export import export_form
from gonghui_desk.exchange.forms.spec import FormParams
from tests.dates import the_day


def export(db, form_id: str, path: Path, **params) -> Path:
    params.setdefault("today", the_day())
    list(export_form(db.sessions, form_id, FormParams(**params), path))
    return path


def pdf_pages(path: Path) -> list[str]:
    """The text of each page as pdftotext reads it (what a search in a viewer finds),
    without spaces: the layout mode puts its own between Chinese characters."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [page.replace(" ", "").replace("\u3000", "") for page in text.split("\f")[:-1]]


def pdf_fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


def first_page_png(path: Path) -> Path:
    """The first page as a PNG, as the chair sees it on screen."""
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(path), str(prefix)], check=True)
    return prefix.with_suffix(".png")


def libreoffice_csv(path: Path, out_dir: Path) -> list[list[str]]:
    """The first sheet as LibreOffice reads it, converted headless to CSV (UTF-8)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed to prove a real client reads the workbook"
    profile = out_dir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    with open(out_dir / (path.stem + ".csv"), encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))
