"""What the hardship forms share: a grid of 30 narrow columns, field triples, review boxes.

The paper forms pack three label/value pairs into a row above a 12-column household
table; 30 equal columns let both be laid out with spans (a pair is 4 + 6 columns).

The review boxes (``review_boxes``) are printed as the originals print them: each body's
heading, the sentence it signs ("经审核该家庭符合困难职工建档认定条件。"), 审核人签名,
工会主席（负责人）签名, （盖工会章） and 年 月 日 — side by side in one band of rows (the
建档申请表) or one box per row across the full width (the aid applications).

Our own number for a file is its 档案编号 on every form: the 职工编号 of the provincial
forms is the aid centre's number for the worker, which the branch does not know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.model import (
    LEFT,
    RIGHT,
    Cell,
    CellValue,
    GridRow,
    Private,
    label,
    signoff_box,
)
from gonghui_desk.exchange.forms.spec import Choice, Picker
from gonghui_desk.services.aid import payments_between
from gonghui_desk.services.hardship_list import FileFilter, list_files

COLUMNS = 30
WIDTHS = (1.0,) * COLUMNS
PAIR_LABEL, PAIR_VALUE = 4, 6
# The higher aid centre identifies the household by these numbers: printed whole.
ID_NUMBER = Private(mask_id_number, required=True)
PLEDGE = "本人承诺填写的家庭情况和提供的证明材料真实有效，如有虚假，愿承担相应责任。"
FILE_NUMBER = "档案编号"
SERVICE_CARD = "工会会员服务卡卡号"
# The lines every review box of the originals prints under its heading.
REVIEWER, CHAIR, STAMP = "审核人签名：", "工会主席（负责人）签名：", "（盖工会章）"
DATE_LINE = "年　　月　　日"
BAND_ROWS = 5  # of side-by-side review boxes: opinion, three signature lines, the date


def triple(*pairs: tuple[str, CellValue] | tuple[str, CellValue, Private]) -> GridRow:
    """Up to three label/value pairs across the row; the last value takes what is left."""
    cells: list[Cell] = []
    used = 0
    for index, pair in enumerate(pairs):
        name, value = pair[0], pair[1]
        private = pair[2] if len(pair) == 3 else None
        last = index == len(pairs) - 1
        span = COLUMNS - used - PAIR_LABEL if last else PAIR_VALUE
        cells += [label(name, span=PAIR_LABEL), Cell(value, span=span, private=private)]
        used += PAIR_LABEL + span
    return GridRow(tuple(cells))


def heading(text: str) -> GridRow:
    return GridRow((Cell(text, span=COLUMNS, align="left"),))


def signoff_rows(*bodies: str) -> list[GridRow]:
    """Two boxes to a row on the 30-column grid: "XX 审核意见" and room to write, sign and
    stamp (the 疗休养 approval's). The hardship forms print the originals' boxes with
    ``review_boxes`` instead: their headings whole, the printed sentence and every
    signature line."""
    rows = []
    for first in range(0, len(bodies), 2):
        cells: list[Cell] = []
        for body in bodies[first:first + 2]:
            # Six columns: "所属上级工会审核意见" stays on one line.
            cells += [label(f"{body}审核意见", span=6),
                      signoff_box(span=COLUMNS // 2 - 6, who="审核人签名")]
        rows.append(GridRow(tuple(cells), lines=4))
    return rows


def _texts(printed: str | Sequence[str], count: int) -> list[str]:
    if isinstance(printed, str):
        return [printed] * count
    if len(printed) > count:
        raise ValueError(f"{len(printed)} printed texts for {count} review boxes")
    return [*printed, *([""] * (count - len(printed)))]


def review_boxes(headings: Sequence[str], *, printed: str | Sequence[str] = "",
                 per_row: bool = False, columns: int = COLUMNS,
                 lead: Sequence[Cell] = ()) -> list[GridRow]:
    """The review boxes of the provincial forms, for a grid ``columns`` wide.

    ``headings`` are printed as given ("本单位工会审核意见", "职工服务（帮扶）中心审批意见");
    ``printed`` is the sentence a box prints under its heading, one for all boxes or one
    per box (a box past the end prints none).

    ``per_row=False`` (the 建档申请表): the boxes side by side in a band of five rows —
    heading and sentence, 审核人签名, 工会主席（负责人）签名, （盖工会章）, 年 月 日 —
    after the ``lead`` cells, which stack down the band's left (each spanning the rows it
    says, all as wide as the first; e.g. the applicant's pledge, signature and date).

    ``per_row=True`` (the 医疗救助 and 助学 applications): each box one row across the full
    width, its signature lines on one line at the bottom and the date under them.
    """
    texts = _texts(printed, len(headings))
    if per_row:
        if lead:
            raise ValueError("lead cells go beside side-by-side boxes only")
        closing = f"{REVIEWER}　　　　　　　　{CHAIR}　　　　　　　　{STAMP}\n{DATE_LINE}"
        return [GridRow((Cell(f"{heading}：{text}", span=columns, align=LEFT,
                              signoff=closing),), lines=5)
                for heading, text in zip(headings, texts, strict=True)]
    width = columns - (lead[0].span if lead else 0)
    spans = [width // len(headings)] * len(headings)
    spans[-1] += width - sum(spans)
    beside: dict[int, Cell] = {}
    row = 0
    for cell in lead:
        beside[row] = cell
        row += cell.rows
    if lead and row != BAND_ROWS:
        raise ValueError(f"the lead cells cover {row} of the band's {BAND_ROWS} rows")

    def band_row(row: int, lines: int, box: Callable[[int, int], Cell]) -> GridRow:
        first = (beside[row],) if row in beside else ()
        return GridRow((*first, *(box(i, span) for i, span in enumerate(spans))), lines=lines)

    def opinion(i: int, span: int) -> Cell:
        text = f"{headings[i]}：\n{texts[i]}" if texts[i] else f"{headings[i]}："
        return Cell(text, span=span, align=LEFT)

    def printed_line(text: str, align: str = LEFT) -> Callable[[int, int], Cell]:
        return lambda _i, span: Cell(text, span=span, align=align)

    # Room to sign (two lines) beside the signature lines, and for the stamp.
    return [band_row(0, 4, opinion), band_row(1, 2, printed_line(REVIEWER)),
            band_row(2, 2, printed_line(CHAIR)), band_row(3, 2, printed_line(STAMP)),
            band_row(4, 1, printed_line(DATE_LINE, RIGHT))]


def pledge_row(text: str = PLEDGE, who: str = "申请人签字（按指模）") -> GridRow:
    signoff = f"{who}：　　　　　\n年　　月　　日"
    return GridRow((label("申请人承诺", span=PAIR_LABEL),
                    Cell(text, span=COLUMNS - PAIR_LABEL, signoff=signoff)), lines=3)


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def relative_named(draft: FileDraft, name: str) -> RelativeDraft | None:
    return next((r for r in draft.relatives if r.name == name), None)


PICK_LIMIT = 50


def pick_file(sessions: SessionFactory, text: str) -> tuple[list[Choice], int]:
    """Hardship files whose name or ID number's last digits match, open ones first."""
    rows = list_files(sessions, FileFilter(text=text), clock_of(sessions).today())
    return [Choice(r.id, f"{r.name}　{r.id_number_masked}　{r.category or '—'}　{r.state}",
                   r.name) for r in rows[:PICK_LIMIT]], len(rows)


def payment_picker(kind: str) -> Picker:
    """Payments of one type (e.g. 医疗救助), the latest first, found by the household's name."""
    def pick(sessions: SessionFactory, text: str) -> tuple[list[Choice], int]:
        rows = [r for r in payments_between(sessions, dt.date(1950, 1, 1), dt.date.max,
                                            kind=kind) if text.strip() in r.name]
        rows.reverse()
        return [Choice(r.id, f"{r.day:%Y-%m-%d}　{r.name}　{yuan_text(r.amount)}", r.name)
                for r in rows[:PICK_LIMIT]], len(rows)
    return pick
