"""The paper originals (shared/data/forms/*.docx beside the checkout) read as a reviewer reads them.

A form we export claims to be the higher body's form; the reviewer holds the original beside it.
These helpers give the original's printed words so a test can demand each one of our PDF:

- ``docx_labels(path)``: the printed labels of the form's table in reading order (row by row,
  cell by cell, paragraph by paragraph), without the system's ``${...}`` placeholders and without
  empty cells. One paragraph can hold several labels: the originals space them apart with runs
  of blanks ("审核人签名：        工会主席(负责人)签名：") or end one with a colon and go on
  ("本单位工会审核意见:经审核，…"), and text around a placeholder splits too
  ("劳动合同签订日期：", "到", "固定期限"); so each of those is its own label, except that the
  single characters of a date line stay together ("年 月 日").
- ``docx_title(path)``, ``docx_date_line(path)``: the heading and the 申报时间 line above the table.
- ``docx_rows(path)``: each table row's cells with their grid span and vertical merge, to compare
  the layout.
- ``normalise(text)``: what two printings of one label share, so "申请人签字(按指模):" and
  "申请人签字（按指模）" compare equal (width of brackets, colons and digits, and whitespace,
  are typesetting, not wording).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from tests.shared_data import PAPER_FORMS

FORMS = PAPER_FORMS
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
_PAIRS = {"(": ")", "[": "]", "【": "】"}
# Where one printed label ends and the next begins inside a paragraph: two or more blanks, or
# just after a colon.
_GAP = re.compile(r"[ \t\u3000]{2,}|(?<=[:：])")


@dataclass(frozen=True)
class DocCell:
    """One cell as printed: its paragraphs' text (blanks as printed), how many grid columns it
    spans, and
    ``vmerge`` "restart" (first of a vertical merge), "continue" (covered) or "" (none)."""

    paragraphs: tuple[str, ...]
    span: int
    vmerge: str

    @property
    def text(self) -> str:
        return " | ".join(_tidy(p) for p in self.paragraphs)


def normalise(text: str) -> str:
    """The wording alone: full/half-width forms folded (NFKC: "（" → "(", "：" → ":"),
    colons and all whitespace dropped."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s:]+", "", folded)


def _body(path: Path) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{_W}body")
    assert body is not None, f"{path} has no document body"
    return body


def _text(paragraph: ElementTree.Element) -> str:
    return "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _balanced(fragment: str) -> str:
    """A fragment cut at a placeholder loses one half of a bracket ("(${x} 固定期限)" gives
    "(" and "固定期限)"): drop the half without its partner."""
    folded = unicodedata.normalize("NFKC", fragment)
    for opening, closing in _PAIRS.items():
        if folded.count(opening) != folded.count(closing):
            folded = folded.replace(opening, "").replace(closing, "")
    return _tidy(folded)


def _table(path: Path) -> ElementTree.Element:
    table = _body(path).find(f"{_W}tbl")
    assert table is not None, f"{path} has no table"
    return table


def docx_rows(path: Path) -> list[list[DocCell]]:
    """The table's rows of cells as the original lays them out (placeholders kept)."""
    rows = []
    for row in _table(path).findall(f"{_W}tr"):
        cells = []
        for cell in row.findall(f"{_W}tc"):
            props = cell.find(f"{_W}tcPr")
            span = props.find(f"{_W}gridSpan") if props is not None else None
            merge = props.find(f"{_W}vMerge") if props is not None else None
            vmerge = "" if merge is None else (merge.get(f"{_W}val") or "continue")
            paragraphs = tuple(_text(p) for p in cell.findall(f"{_W}p"))
            cells.append(DocCell(paragraphs, int(span.get(f"{_W}val", "1"))
                                 if span is not None else 1, vmerge))
        rows.append(cells)
    return rows


def docx_grid(path: Path) -> list[int]:
    """The table's grid column widths in twentieths of a point."""
    return [int(col.get(f"{_W}w", "0")) for col in _table(path).iter(f"{_W}gridCol")]


def _split(paragraph: str) -> list[str]:
    pieces: list[str] = []
    for fragment in _PLACEHOLDER.split(paragraph):
        for piece in _GAP.split(fragment):
            label = _balanced(piece)
            if not normalise(label):
                continue
            if len(label) == 1 and pieces and len(pieces[-1].replace(" ", "")) < 3 \
                    and len(pieces[-1].split(" ")[-1]) == 1:
                pieces[-1] += " " + label  # 年   月   日 is one label
            else:
                pieces.append(label)
    return pieces


def docx_labels(path: Path) -> list[str]:
    """The printed labels of the form's table in reading order, each with its width forms
    folded (NFKC: "（盖工会章）" reads "(盖工会章)") and its blanks collapsed; compare them
    through ``normalise``."""
    return [label for row in docx_rows(path) for cell in row
            for paragraph in cell.paragraphs for label in _split(paragraph)]


def _paragraphs_before_table(path: Path) -> list[str]:
    texts = []
    for element in _body(path):
        if element.tag == f"{_W}tbl":
            break
        if element.tag == f"{_W}p" and _tidy(_text(element)):
            texts.append(_tidy(_text(element)))
    return texts


def docx_title(path: Path) -> str:
    """The heading above the table."""
    return _paragraphs_before_table(path)[0]


def docx_date_line(path: Path) -> str:
    """The 申报时间 line's printed words ("申报时间：", the placeholder dropped), or "" if the
    original has none."""
    for text in _paragraphs_before_table(path):
        if "申报时间" in text:
            return _tidy(_PLACEHOLDER.sub("", text))
    return ""
