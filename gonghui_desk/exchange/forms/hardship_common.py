"""What the hardship forms share: a grid of 30 narrow columns, field triples, sign-off rows.

The paper forms pack three label/value pairs into a row above a 12-column household
table; 30 equal columns let both be laid out with spans (a pair is 4 + 6 columns).
"""

from __future__ import annotations

import datetime as dt

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.exchange.forms.model import (
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


def yes_no(flag: bool) -> str:
    return "是" if flag else "否"


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
    """The review boxes, two to a row: "XX 审核意见" and room to write, sign and stamp."""
    rows = []
    for first in range(0, len(bodies), 2):
        cells: list[Cell] = []
        for body in bodies[first:first + 2]:
            # Six columns: "所属上级工会审核意见" stays on one line.
            cells += [label(f"{body}审核意见", span=6),
                      signoff_box(span=COLUMNS // 2 - 6, who="审核人签名")]
        rows.append(GridRow(tuple(cells), lines=4))
    return rows


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


def applicant_rows(draft: FileDraft, today: dt.date, file_id: int) -> list[GridRow]:
    """The applicant in brief, as the aid applications repeat it."""
    return [
        triple(("档案编号", file_id), ("姓名", draft.name), ("性别", draft.gender)),
        triple(("年龄", age_on(draft.birth_date, today)), ("手机号码", draft.phone),
               ("困难类别", draft.category)),
        triple(("身份证号", draft.id_number, ID_NUMBER), ("会员服务卡号", draft.service_card_no)),
        triple(("工作单位", draft.work_unit)),
    ]


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
