"""Workbooks written part by part, as Excel and WPS write them and openpyxl does not: shared
strings (rich text among them), a style table with date formats, a ``<dimension>``, merged
cells after the rows, and optionally every tag under a namespace prefix (``<x:row>``)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
EPOCH = dt.date(1899, 12, 30)
# cellXfs: 0 plain, 1 the built-in date (14), 2 a Chinese date format of the workbook's own
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="176" '
    'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs></styleSheet>'
)


class Rich(str):
    """A shared string written as rich text runs, split where a space is."""


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _string_item(text: str) -> str:
    if isinstance(text, Rich):
        head, _, tail = text.partition(" ")
        return (f'<si><r><rPr><b/></rPr><t>{escape(head)}</t></r>'
                f'<r><t xml:space="preserve"> {escape(tail)}</t></r></si>')
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<si><t{space}>{escape(text)}</t></si>"


def write_by_hand(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "会员",
                  before: str | None = "说明", merges: Sequence[str] = (),
                  prefix: str = "") -> Path:
    """An .xlsx of ``rows`` on ``sheet`` (after a small sheet ``before`` when given): text as
    shared strings, numbers as numbers, dates as serial numbers styled as dates (even
    years with the built-in format, odd years with a Chinese one)."""
    strings: dict[str, int] = {}
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'

    def cell(ref: str, value: object) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return f'<{p}c r="{ref}" t="b"><{p}v>{int(value)}</{p}v></{p}c>'
        if isinstance(value, dt.date):
            style = 1 if value.year % 2 == 0 else 2
            return f'<{p}c r="{ref}" s="{style}"><{p}v>{(value - EPOCH).days}</{p}v></{p}c>'
        if isinstance(value, int | float):
            return f'<{p}c r="{ref}"><{p}v>{value!r}</{p}v></{p}c>'
        index = strings.setdefault(str(value), len(strings))
        return f'<{p}c r="{ref}" t="s"><{p}v>{index}</{p}v></{p}c>'

    def worksheet(table: Sequence[Sequence[object]], cut: Sequence[str]) -> str:
        width = max((len(r) for r in table), default=1)
        body = "".join(
            f'<{p}row r="{n}">' + "".join(cell(f"{_column(i)}{n}", v) for i, v in enumerate(r))
            + f"</{p}row>" for n, r in enumerate(table, start=1))
        merged = (f'<{p}mergeCells count="{len(cut)}">'
                  + "".join(f'<{p}mergeCell ref="{m}"/>' for m in cut) + f"</{p}mergeCells>"
                  if cut else "")
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<{p}worksheet {xmlns} xmlns:r="{REL}">'
                f'<{p}dimension ref="A1:{_column(width - 1)}{max(len(table), 1)}"/>'
                f'<{p}sheetData>{body}</{p}sheetData>{merged}'
                f'<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3"'
                f' footer="0.3"/></{p}worksheet>')

    sheets = ([(before, [["本表为会员名册"]], ())] if before else []) + [(sheet, rows, merges)]
    parts = {f"xl/worksheets/sheet{i}.xml": worksheet(t, m)
             for i, (_, t, m) in enumerate(sheets, start=1)}
    shared = "".join(_string_item(s) for s in strings)
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
    parts["xl/styles.xml"] = STYLES
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>' + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (n, _, _) in enumerate(sheets, start=1)) + "</sheets></workbook>")
    rels = [(f"rId{i}", "worksheet", f"worksheets/sheet{i}.xml")
            for i in range(1, len(sheets) + 1)]
    rels += [("rIdS", "sharedStrings", "sharedStrings.xml"), ("rIdY", "styles", "styles.xml")]
    parts["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{PKG}">' + "".join(
        f'<Relationship Id="{i}" Type="{REL}/{k}" Target="{t}"/>' for i, k, t in rels
    ) + "</Relationships>"
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
        '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{sml}.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/{name}" ContentType="{sml}.worksheet+xml"/>'
                  for name in parts if name.startswith("xl/worksheets/"))
        + f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sml}.sharedStrings+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{sml}.styles+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path
