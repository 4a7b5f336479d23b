"""The first rows of a large .xlsx sheet, read without reading the rest.

python-calamine parses a whole sheet before it gives its first row: a 200,000-row sheet of
garbage costs some 400 MB before the import can see that it is garbage. ``first_rows``
instead copies the start of the sheet into a small workbook in memory and lets python-calamine
read that, so the cells are typed exactly as the whole read types them (dates, numbers,
shared strings, merged cells) and nothing is decoded twice:

- the sheet's XML up to its ``keep``-th row, its ``<dimension>`` left out (the reader would
  size its grid by it), closed after ``</sheetData>``; with ``to_the_end``, the rest of the
  sheet is streamed through for its ``<mergeCells>`` (and its rows counted);
- the shared strings only as far as the last one those rows use;
- the workbook's own parts (sheets, relations, styles), the other sheets as empty ones.

The file is read as a stream of compressed bytes, a megabyte at a time, so the memory is
that of the rows kept. Anything unexpected in the file's structure gives ``None``, and the
caller reads the sheet whole as before: this is a shortcut, never a second reader.
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_OVERLAP = 256  # longer than any tag searched for, so none is missed across chunks
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EMPTY_SHEET = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<worksheet xmlns="{_MAIN}"><sheetData/></worksheet>').encode()


@dataclass(frozen=True)
class FirstRows:
    """A small workbook holding the first rows of one sheet, and how many rows follow."""

    sheet: str
    workbook: bytes  # an .xlsx, for python-calamine
    rows_after: int  # row elements after those kept (blank ones too); 0: not counted
    to_the_end: bool  # the rest was read for its merged cells and its rows counted


@dataclass(frozen=True)
class _Layout:
    """Where a workbook keeps its parts, read once from its relations."""

    sheets: list[tuple[str, str | None]]  # (name, its XML's part; None: not a worksheet)
    shared_strings: str | None

    def part_of(self, sheet: str | None) -> tuple[str, str] | None:
        """(name, part) of ``sheet``, or of the first sheet when ``None`` (when a worksheet)."""
        for name, part in self.sheets:
            if sheet is None or name == sheet:
                return (name, part) if part is not None else None
        return None


_NOT_AS_EXPECTED = (KeyError, ValueError, ElementTree.ParseError, zipfile.BadZipFile,
                    zlib.error, EOFError, OSError)


def first_rows(path: Path, sheet: str | None, keep: int, larger_than: int, *,
               to_the_end: bool = False) -> FirstRows | None:
    """The first ``keep`` rows of ``sheet`` (the first sheet when ``None``) in the .xlsx at
    ``path`` as a workbook of their own, when its XML is larger than ``larger_than`` bytes;
    ``None`` when it is not, when the sheet has no more rows than that, or when the file's
    structure is not the one expected.

    The sheet's merged cells are listed after its rows: only ``to_the_end`` reads on to
    them (and counts the rows on the way), which takes a second for a sheet of 200 MB."""
    try:
        with zipfile.ZipFile(path) as archive:
            layout = _layout(archive)
            found = layout.part_of(sheet) if layout is not None else None
            if layout is None or found is None:
                return None
            name, part = found
            if archive.getinfo(part).file_size <= larger_than:
                return None
            return _first_rows(archive, layout, name, part, keep, to_the_end)
    except _NOT_AS_EXPECTED as exc:
        log.info("reading %s whole: its first rows could not be cut out (%r)", path, exc)
        return None


def _first_rows(archive: zipfile.ZipFile, layout: _Layout, sheet: str, part: str, keep: int,
                to_the_end: bool) -> FirstRows | None:
    with archive.open(part) as stream:
        cut = _cut_sheet(stream, keep, to_the_end)
    if cut is None:
        return None
    head, tail, rows_after = cut
    sheets = {p for _, p in layout.sheets if p is not None}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as small:
        for info in archive.infolist():
            name = info.filename
            if name == part:
                small.writestr(name, head + tail)
            elif name in sheets:
                small.writestr(name, _EMPTY_SHEET)
            elif name == layout.shared_strings:
                with archive.open(name) as stream:
                    small.writestr(name, _cut_strings(stream, _last_string(head)))
            elif _belongs_to_workbook(name):
                small.writestr(name, archive.read(name))
    return FirstRows(sheet, out.getvalue(), rows_after, to_the_end)


def _belongs_to_workbook(name: str) -> bool:
    """The parts the reader needs besides the sheets: the package's and the workbook's own
    (drawings, printer settings, a sheet's own relations and the like are left out)."""
    if name in ("[Content_Types].xml", "_rels/.rels"):
        return True
    folder = posixpath.dirname(name)
    return folder in ("xl", "xl/_rels") or name.endswith("/workbook.xml.rels")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _workbook_part(archive: zipfile.ZipFile) -> str | None:
    root = ElementTree.fromstring(archive.read("_rels/.rels"))
    for rel in root:
        if _local(rel.tag) == "Relationship" and rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "").lstrip("/")
    return None


def _relations(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(id, type, the target's part name) of ``part``'s relations."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    root = ElementTree.fromstring(archive.read(rels))
    found = []
    for rel in root:
        if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        found.append((rel.get("Id", ""), rel.get("Type", ""), target))
    return found


def _layout(archive: zipfile.ZipFile) -> _Layout | None:
    workbook = _workbook_part(archive)
    if workbook is None:
        return None
    relations = _relations(archive, workbook)
    targets = {rid: target for rid, kind, target in relations if kind.endswith("/worksheet")}
    root = ElementTree.fromstring(archive.read(workbook))
    sheets = [(element.get("name", ""), targets.get(element.get(f"{{{_REL}}}id", "")))
              for element in root.iter() if _local(element.tag) == "sheet"]
    strings = next((target for _, kind, target in relations
                    if kind.endswith("/sharedStrings")), None)
    return _Layout(sheets, strings)


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"  # a namespace prefix, as some writers put on every tag
_ROW = re.compile(rb"<" + _NS + rb"row[\s/>]")
_SHEET_DATA_END = re.compile(rb"</" + _NS + rb"sheetData\s*>")
_ROOT = re.compile(rb"<(" + _NS + rb")worksheet[\s>]")
_DIMENSION = re.compile(rb"<" + _NS + rb"dimension\b[^>]*>")
_MERGES = re.compile(rb"<" + _NS + rb"mergeCells\b.*?</" + _NS + rb"mergeCells\s*>", re.DOTALL)


def _cut_sheet(stream: IO[bytes], keep: int,
               to_the_end: bool) -> tuple[bytes, bytes, int] | None:
    """(the XML up to the ``keep``+1-th row, its closing, rows after those kept or 0 when
    not ``to_the_end``), or ``None`` when the sheet ends first."""
    buffer, pos, seen = b"", 0, 0
    chunks = _chunks(stream)
    cut: int | None = None
    for chunk in chunks:
        buffer += chunk
        for match in _ROW.finditer(buffer, pos):
            seen, pos = seen + 1, match.end()
            if seen == keep + 1:
                cut = match.start()
                break
        if cut is not None:
            break
        if _SHEET_DATA_END.search(buffer, max(0, pos - _OVERLAP)):
            return None  # the whole sheet is no longer than what was asked for
        pos = max(pos, len(buffer) - _OVERLAP)
    if cut is None:
        return None
    head, rest = buffer[:cut], buffer[cut:]
    root = _ROOT.search(head)
    if root is None:
        raise ValueError("no worksheet element")
    prefix = root.group(1)
    head = _DIMENSION.sub(b"", head, count=1)
    rows_after, merges = _rest_of_sheet(rest, chunks, prefix) if to_the_end else (0, b"")
    tail = b"</" + prefix + b"sheetData>" + merges + b"</" + prefix + b"worksheet>"
    return head, tail, rows_after


def _rest_of_sheet(buffer: bytes, chunks: Iterator[bytes], prefix: bytes) -> tuple[int, bytes]:
    """The rows after the cut (counted, not kept) and the ``<mergeCells>`` element.

    Counted with ``bytes.count``, a chunk at a time up to its last ``<`` (so that no tag is
    split between two counts): a regular expression would take seconds over the hundreds of
    megabytes of a large sheet."""
    row = b"<" + prefix + b"row"  # among the rows, no other tag begins so
    end_of_rows = b"</" + prefix + b"sheetData"
    rows = 0
    while True:
        end = buffer.find(end_of_rows)
        upto = end if end >= 0 else buffer.rfind(b"<")
        if upto < 0:
            upto = len(buffer)
        part = buffer[:upto]
        rows += part.count(row)
        if end >= 0:
            buffer = buffer[end:]
            break
        buffer = buffer[upto:]
        chunk = next(chunks, None)
        if chunk is None:
            raise ValueError("the sheet's rows never end")
        buffer += chunk
    for chunk in chunks:  # what follows the rows is small: merges, margins, page setup
        buffer += chunk
    merges = _MERGES.search(buffer)
    return rows, merges.group(0) if merges is not None else b""


_SHARED_CELL = re.compile(
    rb"<" + _NS + rb"""c\b[^>]*?\bt=["']s["'][^>]*>\s*<""" + _NS + rb"v>\s*(\d+)")
_SHARED_TYPE = re.compile(rb"""\bt=["']s["']""")


def _last_string(head: bytes) -> int | None:
    """The highest shared-string index the kept rows use; ``None``: keep them all (a cell
    written in a way the pattern does not know)."""
    found = [int(m.group(1)) for m in _SHARED_CELL.finditer(head)]
    if len(found) != len(_SHARED_TYPE.findall(head)):
        return None
    return max(found, default=-1)


_STRING_END = re.compile(rb"</" + _NS + rb"si\s*>")
_SST = re.compile(rb"<(" + _NS + rb")sst\b[^>]*>")
_COUNTS = re.compile(rb"""\s(?:count|uniqueCount)=["']\d+["']""")


def _cut_strings(stream: IO[bytes], last: int | None) -> bytes:
    """The shared strings up to index ``last`` (all of them when ``None``)."""
    if last is None:
        return stream.read()
    buffer, pos, seen = b"", 0, 0
    for chunk in _chunks(stream):
        buffer += chunk
        for match in _STRING_END.finditer(buffer, pos):
            seen, pos = seen + 1, match.end()
            if seen > last:  # index ``last`` is the ``last + 1``-th string
                return _close_strings(buffer[:match.end()])
        pos = max(pos, len(buffer) - _OVERLAP)
    return buffer  # no more strings than the rows use: as written


def _close_strings(head: bytes) -> bytes:
    root = _SST.search(head)
    if root is None:
        raise ValueError("no sst element")
    opening = _COUNTS.sub(b"", root.group(0))  # the reader would size its table by them
    return head[:root.start()] + opening + head[root.end():] + b"</" + root.group(1) + b"sst>"
