"""Pinyin search keys of a person's name, with surnames read as surnames.

pypinyin reads each character by its most common reading, which is wrong for many
surnames: 曾 is ``zeng`` not ``ceng``, 单 ``shan`` not ``dan``, 解 ``xie`` not ``jie``.
The surname (a listed compound such as 欧阳 or 尉迟 first, else the first character) is
read from the table below; the given name is read by pypinyin as a phrase.

Keys are computed when a name is saved and stored beside it, so a search keystroke only
compares text. Both keys are lower-case ASCII; ü is written ``v`` (吕 → ``lv``), as
people type it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Surname readings that differ from the character's everyday reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "朴": ("piao",), "查": ("zha",), "盖": ("ge",), "乐": ("yue",), "翟": ("zhai",),
    "覃": ("qin",), "缪": ("miao",), "员": ("yun",), "种": ("chong",), "繁": ("po",),
    "秘": ("bi",), "召": ("shao",), "折": ("she",), "隗": ("wei",), "宓": ("mi",),
    "柏": ("bai",), "薄": ("bo",), "黑": ("he",), "能": ("nai",), "句": ("gou",),
    "尉": ("wei",), "长": ("chang",), "重": ("chong",), "华": ("hua",), "任": ("ren",),
    "沈": ("shen",), "纪": ("ji",), "燕": ("yan",), "莘": ("shen",), "眭": ("sui",),
    "冼": ("xian",), "阚": ("kan",), "洗": ("xian",), "藏": ("zang",), "祭": ("zhai",),
    "费": ("fei",), "过": ("guo",), "那": ("na",), "相": ("xiang",), "车": ("che",),
    "应": ("ying",), "都": ("du",), "朝": ("chao",),
}

COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"), "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"), "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"), "皇甫": ("huang", "fu"), "东方": ("dong", "fang"),
    "夏侯": ("xia", "hou"), "公孙": ("gong", "sun"), "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"), "宇文": ("yu", "wen"), "轩辕": ("xuan", "yuan"),
    "呼延": ("hu", "yan"), "端木": ("duan", "mu"), "南宫": ("nan", "gong"),
    "申屠": ("shen", "tu"), "钟离": ("zhong", "li"), "闻人": ("wen", "ren"),
}


@dataclass(frozen=True)
class PinyinKeys:
    initials: str  # 张三 → "zs"
    full: str  # 张三 → "zhangsan"


def _latin(text: str) -> str:
    """Letters and digits of non-Chinese parts (foreign names), lower-case."""
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    # given names repeat far more than whole names (伟, 芳, 建国): an import of a big
    # roster reads most of them from here
    if not text:
        return ()
    # imported on first use: its dictionaries take 55 MB, which an import of a big roster
    # should not hold while the spreadsheet is being parsed
    from pypinyin import Style, lazy_pinyin

    return tuple(s for s in lazy_pinyin(text, style=Style.NORMAL, errors=_latin) if s)


def _split_surname(name: str) -> tuple[tuple[str, ...], str]:
    if name[:2] in COMPOUND_SURNAMES:
        return COMPOUND_SURNAMES[name[:2]], name[2:]
    if name[:1] in SURNAME_READINGS:
        return SURNAME_READINGS[name[:1]], name[1:]
    return _syllables(name[:1]), name[1:]


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> PinyinKeys:
    """Search keys of ``name``; foreign letters are kept, punctuation (·, spaces) dropped."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not text:
        return PinyinKeys("", "")
    surname, given = _split_surname(text)
    syllables = [*surname, *_syllables(given)]
    initials = "".join(s[0] for s in syllables if s)
    return PinyinKeys(initials, "".join(syllables))
