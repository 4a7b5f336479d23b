"""A form's PDF a few pages at a time, for a preview that opens before the form is laid out.

A 90,000-member roster is 4,600 pages; drawing the whole file takes most of a minute and
holds every page's drawing until the last is done (the footers need the page count). The
preview instead lays the form out through the very drawing code of the file
(``pdf.draw_document``), on a recorder that keeps each finished page's drawing calls,
packed small, and hands them on as soon as the page is full. Any page can then be drawn
alone, as a PDF of its own, with the footer it has in the file, so the first page shows
while the rest is still being laid out, and a page is only ever drawn when it is looked
at. A page drawn before the count is known says only 第 N 页.
"""

from __future__ import annotations

import io
import marshal
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from gonghui_desk.exchange.forms.model import Document, Table
from gonghui_desk.exchange.render.pdf import draw_document
from gonghui_desk.exchange.render.pdf_page import FormCanvas, PageFrame, canvas_options
from gonghui_desk.services import Progress

LAYING_OUT = "正在排版页面"

Call = tuple[str, tuple[Any, ...], dict[str, Any]]


class PageRecorder:
    """Stands in for the canvas: each drawing call is noted, and a finished page goes,
    packed, to ``on_page``."""

    def __init__(self, on_page: Callable[[bytes], None]) -> None:
        self._calls: list[Call] = []
        self._on_page = on_page

    def __getattr__(self, name: str) -> Callable[..., None]:
        def record(*args: Any, **kwargs: Any) -> None:
            self._calls.append((name, args, kwargs))
        return record

    def showPage(self) -> None:  # the canvas's name for "this page is done"
        # marshal: the calls hold only numbers, texts, tuples and lists; level 1: speed.
        self._on_page(zlib.compress(marshal.dumps(self._calls), 1))
        self._calls = []

    def save(self) -> None:
        """Nothing to write: the pages went to ``on_page`` as they ended."""


class PagedPdf:
    """The pages of ``doc`` as they are laid out, each of them drawable on its own."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.size = PageFrame(None, wide=doc.landscape, footer="", title="",
                              canvas=PageRecorder(lambda page: None)).size
        self._footer = doc.footer()
        self._pages: list[bytes] = []
        self.total: int | None = None  # known once the last page is laid out

    @property
    def laid_out(self) -> int:
        """How many pages are ready to be drawn."""
        return len(self._pages)

    @property
    def done(self) -> bool:
        return self.total is not None

    def lay_out(self) -> Iterator[Progress]:
        """Lay the form out page by page; a step after each few hundred rows."""
        frame = PageFrame(None, wide=self.doc.landscape, footer=self._footer,
                          title=self.doc.title, canvas=PageRecorder(self._pages.append))
        for step in draw_document(frame, self.doc):
            yield Progress(step.done, step.total, LAYING_OUT)
        frame.save()
        self.total = len(self._pages)
        count = self.doc.body.count if isinstance(self.doc.body, Table) else 1
        yield Progress(count, count, LAYING_OUT)

    def pdf(self, first: int, last: int | None = None) -> bytes:
        """Pages ``first`` to ``last`` (counted from 0, both laid out) as a PDF of their own,
        numbered as in the whole form."""
        last = first if last is None else last
        if not 0 <= first <= last < len(self._pages):
            raise IndexError(f"pages {first}..{last} of {len(self._pages)} laid out")
        out = io.BytesIO()
        canvas = FormCanvas(out, self._footer, first=first + 1, total=self.total,
                            **canvas_options(self.size))
        canvas.setTitle(self.doc.title)
        for index in range(first, last + 1):
            calls: list[Call] = marshal.loads(zlib.decompress(self._pages[index]))
            for name, args, kwargs in calls:
                getattr(canvas, name)(*args, **kwargs)
            canvas.showPage()
        canvas.save()
        return out.getvalue()
