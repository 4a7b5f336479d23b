"""What a spreadsheet cell means: text, a date, yes/no, an ID number that survived.

Cells arrive as python-calamine gives them (``str``, ``float``, ``int``, ``bool``,
``datetime.date``/``datetime``) or as CSV text. Each reader here returns the value or
raises ``CellError`` with a Chinese message saying what is wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from gonghui_desk.domain.code_match import loose

Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

# Excel's day 0 (it believes 1900 was a leap year, so serials from 61 on count from here).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (1, 2958465)  # 1900-01-01 .. 9999-12-31
_DATE_PATTERNS = (
    # 2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日 (a time after the date is ignored)
    re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),  # 20190305
)
_MONTH_PATTERNS = (
    re.compile(r"(\d{4})[-/.年](\d{1,2})月?"),  # 2019.3, 2019年3月, 2019-03
    re.compile(r"(\d{4})(\d{2})"),  # 201903
)
_YES = frozenset({"是", "Y", "YES", "√", "✓", "✔", "1", "TRUE", "对"})
_NO = frozenset({"否", "N", "NO", "×", "✗", "X", "0", "FALSE", "不是", "无"})
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?E\+?\d+")


class CellError(ValueError):
    """The cell's value cannot be used; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def as_text(value: Cell) -> str:
    """A cell as the text a person sees; whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d}" if value.time() == dt.time() else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def shown(value: Cell) -> str:
    """The value as it reads in a problem list (numbers as Excel shows big ones)."""
    if isinstance(value, float) and abs(value) >= 1e15:
        return f"{value:.14E}".replace("0000E", "E").replace(".0E", "E")
    return as_text(value)


def _valid_date(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"“{original}”不是有效日期，请核对年、月、日。") from None


def as_date(value: Cell) -> tuple[dt.date | None, bool]:
    """(the date, True when only year and month were given and the 1st was assumed)."""
    if value is None or value == "":
        return None, False
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if isinstance(value, bool):
        raise CellError("应填写日期，例如 2019/03/05。")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise CellError(f"“{as_text(value)}”不是日期，请按 2019/03/05 的格式填写。")
        serial = int(value)
        if value == serial and 19000101 <= serial <= 29991231:  # 20190305 as a number
            return as_date(str(serial))
        if value == serial and _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
            if serial < 61:  # Excel's phantom 1900-02-29 lies between 59 and 61
                serial += 1
            return _EXCEL_EPOCH + dt.timedelta(days=serial), False
        raise CellError(f"“{as_text(value)}”不是日期，请按 2019/03/05 的格式填写。")
    match = _DATE_PATTERNS[0].fullmatch(value) if isinstance(value, str) else None
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _valid_date(year, month, day, str(value)), False
    text = loose(str(value))
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return _valid_date(year, month, day, text), False
    for pattern in _MONTH_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month = (int(g) for g in match.groups())
            return _valid_date(year, month, 1, text), True
    raise CellError(f"“{text}”不是可识别的日期，请按 2019/03/05 的格式填写。")


def as_yes_no(value: Cell) -> bool:
    """是/否, Y/N, √/×, 1/0, TRUE/FALSE; blank is 否."""
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if value == "是" or value == "否":
        return value == "是"
    key = loose(as_text(value))
    if key in _YES:
        return True
    if key in _NO or not key:
        return False
    raise CellError(f"“{as_text(value)}”应为“是”或“否”。")


def as_document_number(value: Cell) -> str:
    """An ID number as text; refuse one a spreadsheet stored as a number and damaged.

    A cell formatted as a number keeps 15 significant digits: an 18-digit ID number loses
    its last digits (4.10101199001011E+17) and cannot be recovered. Saying so is the only
    honest answer; filling in zeros would store someone else's number.
    """
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        if abs(value) >= 1e15:
            raise CellError(
                f"证件号码被存成了数字（表格中显示为 {shown(value)}），后几位已经丢失，"
                "无法还原。请把这一列设为“文本”格式，重新录入这一行的号码。"
            )
        return as_text(value)
    text = as_text(value)
    if ("E" in text or "e" in text) and _SCIENTIFIC.fullmatch(loose(text)):
        raise CellError(
            f"证件号码是科学计数法“{text}”，后几位已经丢失，无法还原。"
            "请在原表中把这一列设为“文本”格式，重新录入这一行的号码。"
        )
    return text
