"""Finding the header row of a roster and which column holds which field.

Real rosters put title rows (附件四, the form title, 填表单位（盖章）) above the header, and
write their headers with line breaks, format hints and required-field stars:
"出生日期（格式：yyyy/MM/dd）", "证件号码\\n(填写18位身份证)", "*姓名". A header is reduced
to its words before it is compared with ``SYNONYMS``, the names rosters use for each field.
The header row is the row among the first ones that names the most fields.

A mapping the user confirms is saved under the file's *header signature* (a hash of its
reduced headers), so the next roster of the same shape is mapped the same way at once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from gonghui_desk.domain.member import FIELD_LABELS
from gonghui_desk.exchange.cell_values import Cell, as_text

# Event columns of the provincial form, beside the member's own fields.
EVENT_LABELS = {
    "change_kind": "会籍变化类型",
    "change_date": "会籍变化日期",
    "change_reason": "会籍变化原因",
    "counterpart_union": "原所在工会",
}
TARGET_LABELS: dict[str, str] = {**FIELD_LABELS, **EVENT_LABELS}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "会员姓名", "职工姓名", "员工姓名", "姓 名"),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "出生时间"),
    "ethnicity": ("民族",),
    "id_type": ("有效证件类别", "证件类别", "证件类型", "有效证件类型"),
    "id_number": (
        "证件号码", "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号", "有效证件号码",
    ),
    "phone": ("移动电话", "手机", "手机号", "手机号码", "联系电话", "电话", "联系方式"),
    "department": ("部门/车间", "部门", "车间", "所在部门", "所在车间", "部门车间", "科室"),
    "post": ("岗位", "工种", "职务", "岗位/工种"),
    "employment_status": ("就业状况", "就业状态", "在岗状态"),
    "education": ("学历", "文化程度", "最高学历"),
    "tech_level": ("技术等级", "职业技能等级", "技能等级"),
    "political_status": ("政治面貌",),
    "hukou_type": ("户籍类型", "户口类型", "户口性质"),
    "hukou_place": ("户籍所在地", "户口所在地", "户籍地"),
    "work_unit": ("工作单位", "单位名称", "所在单位", "单位"),
    "native_place": ("籍贯",),
    "migrant_worker": ("是否农民工会员", "是否农民工", "农民工"),
    "new_employment_form": ("新就业形态类别", "新就业形态"),
    "dispatched": ("是否劳务派遣", "劳务派遣"),
    "card_number": ("会员证号", "会员证号码", "工会会员证号"),
    "model_worker_level": ("劳模等级", "劳模"),
    "join_date": ("入会日期", "入会时间", "加入工会时间", "加入工会日期", "入会年月"),
    "note": ("备注",),
    "change_kind": ("会籍变化类型", "会籍变动类型", "会籍变化"),
    "change_date": ("会籍变化日期", "会籍变动日期"),
    "change_reason": ("会籍变化原因", "会籍变动原因"),
    "counterpart_union": ("原所在工会", "原工会", "转入前工会"),
}
HEADER_SCAN_ROWS = 30
_HINT = re.compile(r"[(（【\[].*?[)）】\]]")
_NOISE = re.compile(r"[\s*＊:：]")


def reduce_header(text: str) -> str:
    """A header's words: no format hint, no line after a line break, no stars or spaces."""
    text = unicodedata.normalize("NFKC", text).strip()
    first_line = text.splitlines()[0] if text else ""
    for candidate in (first_line, text):
        words = _NOISE.sub("", _HINT.sub("", candidate))
        if words:
            return words
    return ""


_LOOKUP: dict[str, str] = {
    reduce_header(word): key for key, words in SYNONYMS.items() for word in words
}


def field_for_header(text: str) -> str | None:
    """The field a header names, or ``None``."""
    words = reduce_header(text)
    if not words:
        return None
    if words in _LOOKUP:
        return _LOOKUP[words]
    # "是否农民工会员填写是或否": the longest field name the header starts with
    for word in sorted(_LOOKUP, key=len, reverse=True):
        if len(word) >= 3 and len(words) <= 40 and words.startswith(word):
            return _LOOKUP[word]
    return None


@dataclass(frozen=True)
class HeaderGuess:
    row_number: int  # as the spreadsheet shows it
    headers: tuple[str, ...]  # the header cells as text, one per column
    mapping: dict[int, str]  # column index → field key


def auto_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Each column whose header names a field, first column wins for a field named twice."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = field_for_header(header)
        if key is not None and key not in taken:
            mapping[index] = key
            taken.add(key)
    return mapping


def find_header(rows: Sequence[tuple[int, Sequence[Cell]]]) -> HeaderGuess | None:
    """The row among the first ones that names the most fields (姓名 or 证件号码 among them)."""
    best: HeaderGuess | None = None
    for number, cells in rows[:HEADER_SCAN_ROWS]:
        headers = tuple(as_text(c) if isinstance(c, str) else "" for c in cells)
        mapping = auto_mapping(headers)
        named = set(mapping.values())
        if len(mapping) < 2 or not named & {"name", "id_number"}:
            continue
        if best is None or len(mapping) > len(best.mapping):
            best = HeaderGuess(number, headers, mapping)
    return best


def header_signature(headers: Sequence[str]) -> str:
    """The same for two files whose header rows read the same, whatever their hints."""
    reduced = "\x1f".join(reduce_header(h) for h in headers).rstrip("\x1f")
    return hashlib.sha256(reduced.encode("utf-8")).hexdigest()[:32]
