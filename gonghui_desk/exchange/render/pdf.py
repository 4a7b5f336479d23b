"""Any form ``Document`` to an A4 PDF, page by page, yielding progress.

A roster is drawn row by row straight onto the canvas: the column header again at the top of
every page, a row never split across pages, long values wrapped inside their cell. That is
several times faster than handing ten thousand rows to a platypus table, which re-measures
what is left of the table at every page break. Its last rows are held back until it is known
whether the totals and the sign-off fit after them; if not, they go over to the last page
together, so that page never carries a single row or the sign-off alone. A single-record
form is drawn as its grid of bordered label and value cells, like the paper original.
The page, the column widths and the page breaks are ``layout``'s, shared with the .xlsx.

The caller passes a temporary path and moves the file into place when this finishes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from gonghui_desk.exchange.forms.model import (
    CENTER,
    LEFT,
    RIGHT,
    Cell,
    Document,
    Grid,
    Placed,
    Table,
    format_value,
    place,
)
from gonghui_desk.exchange.render.layout import (
    PAD,
    SLACK,
    edges_of,
    grid_heights,
    grid_pages,
    in_tail,
    spread,
    table_widths,
    whole_pixels,
)
from gonghui_desk.exchange.render.pdf_page import (
    BOTTOM,
    FILL_STROKE,
    FONT,
    PageFrame,
    cell_baselines,
    leading,
    wrap,
)
from gonghui_desk.services import Progress

LINE = 0.6  # border width
TITLE_SIZE = 18
NOTE_SIZE, SIGN_SIZE = 9, 10
DRAWING = "正在绘制 PDF 页面"


def render_pdf(doc: Document, path: Path) -> Iterator[Progress]:
    """Write ``doc`` to ``path`` as PDF; each step says how far the drawing is."""
    frame = PageFrame(path, wide=doc.landscape, footer=doc.footer(), title=doc.title)
    yield from draw_document(frame, doc)
    total = doc.body.count if isinstance(doc.body, Table) else 1
    yield Progress(total, total, "正在保存 PDF 文件")
    frame.save()


def draw_document(frame: PageFrame, doc: Document) -> Iterator[Progress]:
    """Draw ``doc`` on ``frame``'s canvas, from the title to the sign-off (the footers are
    the canvas's); a file and a preview draw through here alike."""
    _title_block(frame, doc)
    closing = closing_least(frame, doc)
    if isinstance(doc.body, Table):
        yield from _RosterDrawer(frame, doc, doc.body).draw(closing)
    else:
        _draw_grid(frame, doc, doc.body, closing)
    _closing_block(frame, doc)


def _title_block(frame: PageFrame, doc: Document) -> None:
    frame.text_line(doc.title, TITLE_SIZE, align="center", bold=True)
    if doc.subtitle:
        frame.text_line(doc.subtitle, 10.5, align="center")
    frame.space(4)
    if doc.header:
        frame.paragraph(doc.header_line(), 10)
    frame.space(3)


def _notes_height(frame: PageFrame, doc: Document) -> float:
    lines = sum(len(wrap(note, frame.width, NOTE_SIZE)) for note in doc.notes)
    return lines * leading(NOTE_SIZE) + 6


def closing_least(frame: PageFrame, doc: Document) -> float:
    """The least room the closing block takes: the notes and a one-line sign-off."""
    signing = bool(doc.signatures or doc.stamp)
    return _notes_height(frame, doc) + (2 * leading(SIGN_SIZE) if signing else 0)


def _closing_block(frame: PageFrame, doc: Document) -> None:
    """Totals, notes and the sign-off line after the body, on a new page if they don't fit.

    Where the roomy sign-off (signatures, then the stamp and date on a line of their own)
    would leave the page but one line fits, signatures, stamp and date share that line,
    so a one-page return stays on one page.
    """
    size = SIGN_SIZE
    signing = bool(doc.signatures or doc.stamp)
    notes_height = _notes_height(frame, doc)
    roomy = notes_height + (4 * leading(size) if signing else 0)
    compact = signing and frame.room() < roomy <= frame.room() + 2 * leading(size)
    frame.ensure(closing_least(frame, doc) if compact else roomy)
    frame.space(6)
    for note in doc.notes:
        frame.paragraph(note, NOTE_SIZE)
    if not signing:
        return
    frame.space(leading(size) / 2 if compact else leading(size))
    signers = doc.signature_line()
    stamp = "（盖章）　　　　　年　　月　　日" if doc.stamp else ""
    if compact:
        frame.paragraph("　　　　".join(p for p in (signers, stamp) if p), size)
        return
    if signers:
        frame.paragraph(signers, size)
    if stamp:
        frame.space(leading(size))
        frame.text_line(stamp, size, align="right")


class _RosterDrawer:
    """Draws a ``Table`` down the pages; vertical rules are drawn per stretch of rows."""

    def __init__(self, frame: PageFrame, doc: Document, table: Table) -> None:
        self.frame = frame
        self.doc = doc
        self.table = table
        self.size = table.font_size
        self.widths = table_widths(table, frame.width)
        self.edges = edges_of(frame.left, self.widths)
        self.aligns = ([CENTER] if table.numbered else []) + [c.align for c in table.columns]
        self.header = [wrap(h, w - 2 * PAD, self.size) for h, w in
                       zip(table.headers(), self.widths, strict=True)]
        self.stretch_top = frame.y
        self.rows_on_page = 0  # rows and lines under the header on this page

    def row_height(self, cells: Sequence[list[str]]) -> float:
        # In whole screen pixels, and pages filled short of their foot by ``SLACK``, as
        # the workbook stores and pages its rows: both print the same rows on each page.
        return whole_pixels(max(len(lines) for lines in cells) * leading(self.size) + 2 * PAD)

    def draw(self, closing: float) -> Iterator[Progress]:
        """Draw the rows; ``closing`` is the least room the block after the table takes."""
        self._header_row()
        number = 0
        tail: list[tuple[int, object] | str] = []
        yield Progress(0, self.table.count, DRAWING)
        for item in self.table.walk():
            if item is None:
                yield Progress(number, self.table.count, DRAWING)
            elif tail or in_tail(self.table, item):
                tail.append(item)
            else:
                number = self._item(item, number)
        self._keep_with_closing(tail, closing)
        for item in tail:
            number = self._item(item, number)
        self._close_stretch()

    def _item(self, item: tuple[int, object] | str, number: int) -> int:
        if isinstance(item, str):
            self._full_row(item)
            return number
        self._cells_row(self._cells(*item), bold=False)
        return item[0]

    def _keep_with_closing(self, tail: Sequence[tuple[int, object] | str],
                           closing: float) -> None:
        """Start the last page before the last rows when they and the closing block do not
        all fit on this one (and would fit on a page of their own)."""
        if not tail or not self.rows_on_page:
            return
        need = closing + sum(self.row_height([self._full_lines(i)]) if isinstance(i, str)
                             else self.row_height(self._cells(*i)) for i in tail)
        whole_page = self.frame.top - BOTTOM - self.row_height(self.header)
        if self.frame.room() - SLACK < need <= whole_page:
            self._close_stretch()
            self.frame.new_page()
            self.rows_on_page = 0
            self._header_row()

    def _cells(self, number: int, row: object) -> list[list[str]]:
        values = [str(number)] if self.table.numbered else []
        values += [format_value(self.doc.shown(c.private, c.value(row)))
                   for c in self.table.columns]
        return [wrap(v, w - 2 * PAD, self.size) for v, w in zip(values, self.widths, strict=True)]

    def _full_lines(self, text: str) -> list[str]:
        return wrap(text, self.frame.width - 2 * PAD, self.size)

    def _cells_row(self, cells: Sequence[list[str]], *, bold: bool) -> None:
        height = self.row_height(cells)
        self._make_room(height)
        frame, c = self.frame, self.frame.canvas
        top = frame.y
        c.setFont(FONT, self.size)
        mode = FILL_STROKE if bold else None
        if bold:
            c.setLineWidth(self.size / 40)
        for index, lines in enumerate(cells):
            if not lines or lines == [""]:
                continue
            left, right = self.edges[index], self.edges[index + 1]
            align = CENTER if bold else self.aligns[index]
            for text, baseline in zip(lines, cell_baselines(
                    top, height, len(lines), self.size, middle=True, pad=PAD), strict=True):
                if align == CENTER:
                    c.drawCentredString((left + right) / 2, baseline, text, mode=mode)
                elif align == RIGHT:
                    c.drawRightString(right - PAD, baseline, text, mode=mode)
                else:
                    c.drawString(left + PAD, baseline, text, mode=mode)
        frame.y -= height
        c.setLineWidth(LINE)
        c.line(frame.left, frame.y, frame.right, frame.y)
        if not bold:
            self.rows_on_page += 1

    def _full_row(self, text: str) -> None:
        """A line across the whole table (a subtotal or a total), text at the left."""
        lines = self._full_lines(text)
        height = self.row_height([lines])
        self._make_room(height)
        self._close_stretch()
        frame, c = self.frame, self.frame.canvas
        top = frame.y
        c.setFont(FONT, self.size)
        for text_line, baseline in zip(lines, cell_baselines(
                top, height, len(lines), self.size, middle=True, pad=PAD), strict=True):
            c.drawString(frame.left + PAD, baseline, text_line)
        frame.y -= height
        c.setLineWidth(LINE)
        c.line(frame.left, frame.y, frame.right, frame.y)
        c.line(frame.left, top, frame.left, frame.y)
        c.line(frame.right, top, frame.right, frame.y)
        self.stretch_top = frame.y
        self.rows_on_page += 1

    def _make_room(self, height: float) -> None:
        if height <= self.frame.room() - SLACK:
            return
        self._close_stretch()
        self.frame.new_page()
        self.rows_on_page = 0
        self._header_row()

    def _header_row(self) -> None:
        c = self.frame.canvas
        c.setLineWidth(LINE)
        c.line(self.frame.left, self.frame.y, self.frame.right, self.frame.y)
        self.stretch_top = self.frame.y
        self._cells_row(self.header, bold=True)

    def _close_stretch(self) -> None:
        """Draw the column rules from the top of this stretch of rows down to the cursor."""
        bottom = self.frame.y
        if bottom >= self.stretch_top:
            return
        c = self.frame.canvas
        c.setLineWidth(LINE)
        c.lines([(x, self.stretch_top, x, bottom) for x in self.edges])
        self.stretch_top = bottom


def _draw_grid(frame: PageFrame, doc: Document, grid: Grid, closing: float) -> None:
    """The bordered cells of a single-record form, rows never split across pages."""
    size = grid.font_size
    edges = edges_of(frame.left, spread(grid.widths, frame.width))
    placed = place(grid)
    texts: dict[int, list[str]] = {}
    for p in placed:
        width = edges[p.column + p.columns] - edges[p.column] - 2 * PAD
        texts[id(p)] = wrap(format_value(doc.shown(p.cell.private, p.cell.value)), width, size)
    heights = grid_heights(grid, placed, edges,
                           lambda p, _width: len(texts[id(p)]) + _signoff_lines(p.cell))
    starts = set(grid_pages(placed, heights, frame.top - frame.y, frame.top - BOTTOM, closing))
    starting: dict[int, list[Placed]] = {}
    for p in placed:
        starting.setdefault(p.row, []).append(p)
    for r, height in enumerate(heights):
        if r in starts:
            frame.new_page()
        for p in starting.get(r, []):
            _draw_cell(frame, grid, p, frame.y, sum(heights[p.row:p.row + p.rows]), edges,
                       texts[id(p)])
        frame.y -= height


def _signoff_lines(cell: Cell) -> int:
    """Lines under a box's text: a blank one, then the sign-off's."""
    return cell.signoff.count("\n") + 2 if cell.signoff else 0


def _draw_cell(frame: PageFrame, grid: Grid, p: Placed, top: float, height: float,
               edges: list[float], lines: list[str]) -> None:
    size = grid.font_size
    c = frame.canvas
    c.setLineWidth(LINE)
    left, right = edges[p.column], edges[p.column + p.columns]
    c.rect(left, top - height, right - left, height)
    boxed = grid.rows[p.row].lines > 1 or p.rows > 1
    align = p.cell.align or (CENTER if p.cell.label or (len(lines) == 1 and not boxed) else LEFT)
    middle = p.cell.label or not boxed or p.cell.align == CENTER
    c.setFont(FONT, size)
    for text, baseline in zip(lines, cell_baselines(
            top, height, len(lines), size, middle=middle, pad=PAD), strict=True):
        if align == CENTER:
            c.drawCentredString((left + right) / 2, baseline, text)
        elif align == RIGHT:
            c.drawRightString(right - PAD, baseline, text)
        else:
            c.drawString(left + PAD, baseline, text)
    if p.cell.signoff:
        closing = p.cell.signoff.split("\n")
        bottom = top - height + PAD + leading(size) * len(closing)
        for text, baseline in zip(closing, cell_baselines(
                bottom, 0, len(closing), size, middle=False, pad=0), strict=True):
            c.drawRightString(right - 3 * PAD - size, baseline, text)
