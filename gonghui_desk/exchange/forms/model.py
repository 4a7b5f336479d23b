"""What an official form is, independent of how it is drawn.

A form module turns the records into a ``Document``: a title, a header block from the branch
profile, a body, notes and sign-off blocks. The body is a ``Table`` (a roster: columns and a
stream of rows, optionally grouped with subtotals) or a ``Grid`` (a single-record form laid
out like its paper original: label and value cells, some spanning columns or rows). The PDF
and Excel renderers draw any document; no form knows about either of them.

Sensitive columns and cells carry the function that masks them. They are masked unless the
document reveals them: because the form legally needs the full value (``required``) or
because the user asked for full numbers (``Document.reveal``), which is then recorded.

A form whose original is itself an Excel template (the provincial 会员信息采集表) says how
that sheet looks: its own rows above the header and below the data (``SheetRow``), every
cell as text (``Table.text_cells``), and a sheet of its long dropdown lists
(``Table.list_sheet``). The .xlsx then has the template's shape and the PDF its usual one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gonghui_desk.domain.money import yuan_text

CellValue = str | int | float | Decimal | dt.date | None
Masker = Callable[[str | None], str]

TEXT, DATE, NUMBER, MONEY = "text", "date", "number", "money"  # MONEY: Decimal yuan
# Who fills a return in (the officer exporting it), unlike 经办人, who signs for the money or
# the changes handled and does so by hand.
FILLER_ROLES = frozenset({"填表人", "制表人"})
LEFT, CENTER, RIGHT = "left", "center", "right"


@dataclass(frozen=True)
class Private:
    """How a sensitive value is masked, and whether this form legally needs it whole."""

    mask: Masker
    required: bool = False


@dataclass(frozen=True)
class Column:
    """One roster column: header text, width, what it shows.

    Widths are in Excel character units; both renderers scale a table's columns together
    to the printable width of the page, so a width is the column's share of it.
    """

    header: str
    width: float
    value: Callable[[Any], CellValue]
    kind: str = TEXT
    align: str = CENTER
    private: Private | None = None
    choices: tuple[str, ...] = ()  # offered as a dropdown in the .xlsx
    listed: bool = False  # the dropdown refers to the table's list sheet, as the original's


@dataclass(frozen=True)
class Table:
    """A roster: ``batches`` yields the rows in order, in lists of a few hundred.

    With ``group``, rows arrive sorted by it and each group ends with a subtotal line made by
    ``subtotal(key, count)``. ``summary`` lines (totals) follow the table.
    """

    columns: tuple[Column, ...]
    batches: Callable[[], Iterator[Sequence[Any]]]
    count: int
    numbered: bool = True
    group: Callable[[Any], str] | None = None
    subtotal: Callable[[str, int], str] | None = None
    summary: tuple[str, ...] = ()
    frozen_columns: int = 2  # 序号 and 姓名 stay in view when scrolling sideways
    font_size: float = 9
    # An Excel template's own ways: every cell text ("@", 序号 and dates too) and the sheet
    # that holds the dropdown lists of ``listed`` columns and of lists too long for a
    # cell's own list. Its text has the PDF's size, so the sheet prints the PDF's pages.
    text_cells: bool = False
    list_sheet: str = ""

    def headers(self) -> list[str]:
        return (["序号"] if self.numbered else []) + [c.header for c in self.columns]

    def walk(self) -> Iterator[tuple[int, Any] | str | None]:
        """What a renderer draws, in order: ``(number, row)`` for each row, a text for each
        line across the table (subtotals, then the summary), and ``None`` after each batch,
        where the renderer reports its progress."""
        number = 0
        key: str | None = None
        count = 0
        for batch in self.batches():
            for row in batch:
                if self.group is not None:
                    new = self.group(row)
                    if key is not None and new != key:
                        yield self._subtotal(key, count)
                        count = 0
                    key = new
                    count += 1
                number += 1
                yield number, row
            yield None
        if key is not None:
            yield self._subtotal(key, count)
        yield from self.summary

    def _subtotal(self, key: str, count: int) -> str:
        return self.subtotal(key, count) if self.subtotal else f"{key}：{count}"

    def widths(self) -> list[float]:
        return ([5.0] if self.numbered else []) + [c.width for c in self.columns]


@dataclass(frozen=True)
class Cell:
    """One cell of a single-record form; ``label`` cells name what the next cell holds."""

    value: CellValue
    span: int = 1
    rows: int = 1
    label: bool = False
    align: str | None = None  # default: labels centred, short values centred, long text left
    private: Private | None = None
    signoff: str = ""  # e.g. "负责人（签字）：\n年　月　日", at the box's bottom right


def signoff_box(opinion: str = "", who: str = "负责人（签字）", span: int = 1) -> Cell:
    """The box in which a body writes its opinion, signs, stamps and dates."""
    return Cell(opinion, span=span, signoff=f"{who}：　　　　　（盖章）\n年　　月　　日")


def label(text: str, span: int = 1, rows: int = 1) -> Cell:
    return Cell(text, span=span, rows=rows, label=True)


@dataclass(frozen=True)
class GridRow:
    """A row of cells, left to right, skipping columns a cell above still spans.

    ``lines`` is the least height in lines of text: 1 for a field, more for a box in
    which someone writes an opinion and signs.
    """

    cells: tuple[Cell, ...]
    lines: int = 1


@dataclass(frozen=True)
class Grid:
    """A single-record form: column widths (shares of the page width, as for a ``Column``)
    and its rows."""

    widths: tuple[float, ...]
    rows: tuple[GridRow, ...]
    font_size: float = 10.5
    row_height: float = 26.0  # points for a one-line row, as roomy as a paper form


@dataclass(frozen=True)
class Placed:
    """A cell at its position: first row and column (from 0) and how many it covers."""

    cell: Cell
    row: int
    column: int
    rows: int
    columns: int


def place(grid: Grid) -> list[Placed]:
    """Position every cell; raise ``ValueError`` when a row does not fill the grid exactly.

    Both renderers draw from these positions, so a form looks the same in PDF and Excel.
    """
    width = len(grid.widths)
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            if c + cell.span > width:
                raise ValueError(f"grid row {r + 1} is wider than {width} columns")
            for dr in range(cell.rows):
                for dc in range(cell.span):
                    taken.add((r + dr, c + dc))
            placed.append(Placed(cell, r, c, cell.rows, cell.span))
            c += cell.span
        if any((r, k) not in taken for k in range(width)):
            raise ValueError(f"grid row {r + 1} leaves columns empty")
    return placed


# How a row of an Excel original is drawn: the form's title, a bold line such as
# 填表单位（盖章）, plain text (附件四), or a bordered note such as its 填表说明.
SHEET_TITLE, SHEET_HEADING, SHEET_PLAIN, SHEET_NOTE = "title", "heading", "plain", "note"


@dataclass(frozen=True)
class SheetRow:
    """A row of an Excel original outside its table, drawn as that original has it.

    ``texts`` go left to right, each merged over its number of columns in ``spans``; the
    last one covers the rest of the row (so one text and no spans fills the row).
    """

    texts: tuple[str, ...]
    spans: tuple[int, ...] = ()
    kind: str = SHEET_PLAIN
    height: float | None = None  # points; None: one line


@dataclass(frozen=True)
class Document:
    """A filled form, ready for a renderer.

    ``header`` is the block under the title: (label, value) pairs such as 填表单位 and the
    date. ``signatures`` are the sign-off lines at the bottom ("工会主席（签字）"); with
    ``stamp`` they end with （盖章） and 年 月 日. ``record`` names what the export contains
    for the change history when it shows sensitive values whole.
    """

    form_id: str
    title: str
    body: Table | Grid
    header: tuple[tuple[str, str], ...] = ()
    subtitle: str = ""
    notes: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    stamp: bool = False
    landscape: bool = False
    sheet_name: str = ""
    reveal: bool = False
    exported_by: str = ""  # the officer, when one is chosen; never the computer's login
    exported_at: dt.datetime | None = None  # stamped by the export, from the book's clock
    record: dict[str, object] = field(default_factory=dict)
    # The .xlsx of a form whose original is an Excel template: its rows above the header
    # (instead of the title block and the sign-off line, which the PDF keeps) and below
    # the data (its 填表说明), before the notes and the footer.
    sheet_top: tuple[SheetRow, ...] = ()
    sheet_bottom: tuple[SheetRow, ...] = ()

    def shown(self, private: Private | None, value: CellValue) -> CellValue:
        """``value`` as this document prints it: masked unless revealed."""
        if private is None or private.required or self.reveal or not isinstance(value, str):
            return value
        return private.mask(value)

    def shows_private_values(self) -> bool:
        """Whether any sensitive value appears whole (such an export is recorded)."""
        if isinstance(self.body, Table):
            privates = [c.private for c in self.body.columns]
        else:
            privates = [cell.private for row in self.body.rows for cell in row.cells]
        return any(p is not None and (p.required or self.reveal) for p in privates)

    def footer(self) -> str:
        at = "" if self.exported_at is None else f"{self.exported_at:%Y-%m-%d %H:%M}"
        who = f"导出人：{self.exported_by}　" if self.exported_by else ""
        return f"{who}导出时间：{at}"

    def signature_line(self) -> str:
        """The sign-off line: a line to sign on for each signer; the one who fills the form
        in (填表人, 制表人) is the officer exporting it, when one is chosen."""
        def sign(role: str) -> str:
            if role in FILLER_ROLES and self.exported_by:
                return f"{role}：{self.exported_by}"
            return f"{role}：＿＿＿＿＿＿"
        return "　　　　".join(sign(role) for role in self.signatures)

    def header_line(self) -> str:
        return "　　".join(f"{name}：{value}" for name, value in self.header)


def format_value(value: CellValue) -> str:
    """How a value reads on paper: dates as 2026-09-30, numbers without a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, Decimal):
        return yuan_text(value, unit="")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
