"""Code-list values as people type them in a spreadsheet, matched to the list's wording.

A roster typed by hand says 待(下)岗 for 待（下）岗, 团员 for 共青团员, 汉 for 汉族 and
大学本科 for 本科. ``match_code`` compares a forgiving form of both sides (full-width and
half-width brackets alike, spaces dropped) and then consults ``ALIASES``, the other words
real rosters use for a value. A value it cannot place is returned as ``None`` for the
caller to report, never guessed.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from gonghui_desk.domain.codes import CodeList

# Other words for a code value, per code list (by the list's name). Data, not logic.
# Only words with one meaning: 大学 (本科 or 大专?) and 研究生 (硕士 or 博士?) are reported.
ALIASES: dict[str, dict[str, str]] = {
    "性别": {"男性": "男", "女性": "女", "M": "男", "F": "女"},
    # The provincial 会员信息采集表's own 民族 list (its 下拉菜单表) misspells 傈僳族.
    "民族": {"僳僳族": "傈僳族"},
    "就业状况": {
        "待岗": "待（下）岗", "下岗": "待（下）岗", "内退": "退养（内退）", "退养": "退养（内退）",
        "在职": "在岗",
    },
    "有效证件类别": {"身份证": "居民身份证", "二代身份证": "居民身份证"},
    "学历": {
        "博士研究生": "博士", "硕士研究生": "硕士", "大学本科": "本科",
        "大学专科": "大专", "专科": "大专", "高职": "大专",
        "中等专科": "中专", "中技": "中专", "技校": "中专", "职高": "中专",
        "小学": "小学及以下",
    },
    "技术等级": {
        "高级技师": "职业资格一级（高级技师）", "一级": "职业资格一级（高级技师）",
        "技师": "职业资格二级（技师）", "二级": "职业资格二级（技师）",
        "高级工": "职业资格三级（高级）", "三级": "职业资格三级（高级）",
        "中级工": "职业资格四级（中级）", "四级": "职业资格四级（中级）",
        "初级工": "职业资格五级（初级）", "五级": "职业资格五级（初级）",
        "二级（技师）": "职业资格二级（技师）", "三级（高级）": "职业资格三级（高级）",
        "四级（中级）": "职业资格四级（中级）", "五级（初级）": "职业资格五级（初级）",
        "一级（高级技师）": "职业资格一级（高级技师）",
    },
    "政治面貌": {
        "党员": "中共党员", "共产党员": "中共党员", "中国共产党党员": "中共党员",
        "预备党员": "中共预备党员", "团员": "共青团员", "共青团": "共青团员",
        "民主党派": "", "无党派": "无党派人士", "普通群众": "群众",
    },
    "户籍类型": {
        "农业": "农业户口", "非农业": "非农业户口", "农村": "农业户口", "城镇": "非农业户口",
        "农业家庭户口": "农业户口", "农业集体户口": "农业户口",
        "非农业家庭户口": "非农业户口", "非农业集体户口": "非农业户口",
    },
    "劳模等级": {"全国劳模": "全国", "省级": "省部级", "省部级劳模": "省部级", "市级": "地市级"},
    "会籍变化类型": {"新入会": "入会", "加入": "入会"},
}


def loose(text: str) -> str:
    """The form two spellings of one value share: NFKC, no spaces, upper-case Latin."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


@cache
def _index(code_list: CodeList) -> dict[str, str]:
    index = {loose(value): value for value in code_list.values}
    for alias, value in ALIASES.get(code_list.name, {}).items():
        if value:  # an empty target marks a word that is too vague to place
            index.setdefault(loose(alias), value)
    if code_list.name == "民族":  # 汉 for 汉族, 维吾尔 for 维吾尔族
        for value in code_list.values:
            index.setdefault(loose(value.removesuffix("族")), value)
    return index


def match_code(code_list: CodeList, text: str) -> str | None:
    """The list value ``text`` means, ``""`` for blank, ``None`` when it cannot be placed."""
    key = loose(text)
    if not key:
        return ""
    return _index(code_list).get(key)
