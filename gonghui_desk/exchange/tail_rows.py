"""The lines chairs write below a roster's members: totals, sign-offs, stamps, dates, notes.

Rosters end in many ways: 合计/总计/小计 (often spaced, "合 计"), 制表人：/审核：/单位负责人
（签字）, 填报单位（盖章）, a blank "年 月 日", 联系人/联系电话, 填表说明 and numbered notes
("1、…", "注：", "以上…"), 备注, a "第 1 页 共 3 页" footer, "（以下空白）", a lone 附件 or a
line of underscores, and a sign-off spread over several cells ("制表人：" in column A, the
name further right). ``kind_of_words`` names such a line from its words; it never looks at
whether the line also holds a member's identity, which the caller decides first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TOTAL = "合计行"
SIGNED = "签字行"
STAMPED = "盖章行"
SIGNED_AND_STAMPED = "签字盖章行"
OPINION = "审核意见行"
DATE = "日期行"
CONTACT = "联系方式行"
NOTE = "说明行"
REMARK = "备注行"
FOOTER = "页脚"
BLANK = "空白标记"
RULE = "分隔线"
ATTACHMENT = "附件标记"

_NUM = r"[\d一二三四五六七八九十〇零]+"
# Each pattern reads a word with its whitespace removed ("合 计" is 合计, "年   月   日" is 年月日).
_TOTAL = re.compile(
    r"(?:本页|全部|会员|职工)?(?:合计|总计|小计|共计|累计|总人数|总数|人数合计|合计人数)"
    rf"|共(?:计)?[:：]?{_NUM}(?:人|名)"
)
_BLANK = re.compile(
    r"[（(【\[]?(?:本页|此页)?(?:以下|下面)?(?:为)?(?:空白|无正文)(?:处)?[）)】\]]?"
    r"|[（(【\[]?此页无正文[）)】\]]?|[（(【\[]?此处空白[）)】\]]?"
)
_FOOTER = re.compile(
    rf"(?:第{_NUM}页(?:共{_NUM}页)?|共{_NUM}页(?:第{_NUM}页)?|第{_NUM}/{_NUM}页"
    r"|[-—－]\d+[-—－]|page\d+(?:of\d+)?)",
    re.IGNORECASE,
)
_RULE = re.compile(r"[_\-－—–=＝~～·•.。…*＿/|]+")
_ATTACHMENT = re.compile(rf"(?:附件|附表|附录)(?:{_NUM})?(?:[:：].*)?")
# The opinions of an approval block: 本单位工会审核意见, 所属上级工会审核意见, 基层工会意见
_OPINION = re.compile(
    r"(?:本单位|所属上级|上级|基层|产业|单位)?(?:工会|党组织|行政|领导)?"
    r"(?:审核|审批|审查|推荐)?意见(?:[:：（(]|$)"
)
_DATE = re.compile(
    r"(?:填报|填表|制表|报送|打印|导出|统计|上报|报表|编制|审核|签字)?(?:日期|时间)(?:[:：（(]|$|\d)"
    r"|(?:截至|截止)(?:日期)?[:：]?\d{4}"
    r"|(?:\d{4})?年(?:\d{1,2})?月(?:\d{1,2})?日?$"
)
# a filled-in date alone: a tail line only when nothing else on the line is a member's
_DATE_ONLY = re.compile(r"\d{4}[年./-]\d{1,2}[月./-]\d{1,2}日?$")
_CONTACT = re.compile(
    r"(?:联系人|联络人|联系电话|联系方式|联系地址|通讯地址|电子邮箱|电子信箱|邮箱|e-?mail|qq"
    r"|(?:办公|固定|联系)?电话(?:号码)?(?:[:：（(]|$|\d)|手机(?:号码)?(?:[:：（(]|$|\d)"
    r"|传真(?:[:：（(]|$|\d))",
    re.IGNORECASE,
)
_REMARK = re.compile(r"备注")
_NOTE = re.compile(
    r"(?:填表说明|填写说明|填报说明|编制说明|特别说明|补充说明|说明(?:[:：（(\d一、.．]|$)"
    r"|注意事项|注意|附注|注释|注(?:[:：\d①-⑳一二三四五六七八九十、.．（(*]|$)"
    r"|(?:温馨)?提示(?:[:：]|$)"
    r"|以上|本表|此表|上表|该表|表中|表内|本名册|此名册|本人承诺|如有疑问|如有问题|请[于在按将务各]|各单位)"
)
# "1、此表所列项目…", "2.“工作单位”…", "（3）…", "③…", "一、…": a numbered note
_NUMBERED = re.compile(
    r"(?:\d{1,2}[、.．:：)）]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．:：]"
    r"|[（(][\d一二三四五六七八九十]{1,2}[)）])\D"
)
# Who signs: a role followed by a colon, its "（签字）", its name, or nothing. Roles that end
# in 人 are labels whatever follows; a bare verb (审核, 制表) needs a colon or bracket, so a
# department such as 审核部 is not taken for a signature.
_PERSON_ROLE = re.compile(
    r"(?:单位|部门|工会|基层工会|分会|主管|分管)?"
    r"(?:制表|填表|填报|统计|经办|经手|审核|审批|复核|核对|校对|核实|批准|报送|录入|编制|负责"
    r"|确认|证明|监督|承诺|申请|导出|报表|联审|审查|主管)人"
)
_VERB_ROLE = re.compile(
    r"(?:单位|部门|工会|基层工会|分会)?"
    r"(?:制表|填表|填报|统计|经办|审核|审批|复核|核对|校对|批准|编制|主管|主席|工会主席|副主席"
    r"|分管领导|主管领导|单位领导|领导|书记|经理|厂长|法定代表人|法人代表|会计|出纳)"
    r"(?:[（(][^）)]*[）)])?(?:[:：]|$)"
)
_SIGNS = re.compile(r"签字|签名|签章|手印|按指模")
_STAMP = re.compile(r"盖章|公章|盖工会章|[（(]章[）)]|印章|签章")
_WORDY = re.compile(r"[^\d\s.,，、:：+\-]")  # a word that is more than a number or a count


_VERB_HEAD = re.compile(_VERB_ROLE.pattern.split(r"(?:[（(]")[0])
# One pass that every tail word passes: a roster's 100,000 names are told from tail words
# without running each pattern on each name.
_HINT = re.compile("|".join(
    f"(?:{p.pattern})" if not p.flags & re.IGNORECASE else f"(?i:{p.pattern})"
    for p in (_TOTAL, _BLANK, _FOOTER, _ATTACHMENT, _NOTE, _NUMBERED, _REMARK, _OPINION, _DATE,
              _CONTACT, _PERSON_ROLE, _VERB_HEAD, _RULE, _DATE_ONLY)
))
_ANYWHERE = re.compile(f"{_SIGNS.pattern}|{_STAMP.pattern}")


def _compact(text: str) -> str:
    return "".join(text.split())


def _signs(word: str, compact: str) -> bool:
    if _PERSON_ROLE.match(compact) or _VERB_ROLE.match(compact) or _SIGNS.search(compact):
        return True
    first = word.split()[0]  # "制表 李会计": the role stands alone before the name
    return bool(_VERB_ROLE.match(first))


def kind_of_word(word: str) -> str | None:
    """What kind of tail line a cell's text starts, or None if it reads as anything else."""
    compact = _compact(word)
    if not compact or not (_HINT.match(compact) or _ANYWHERE.search(compact)):
        return None
    # the order matters: 填表说明 before 填表人, 填报日期 before 填报人, 注：…盖章 stays a note
    if _TOTAL.match(compact):
        return TOTAL
    if _BLANK.fullmatch(compact):
        return BLANK
    if _FOOTER.fullmatch(re.sub(r"[,，、/|]", "", compact)) or _FOOTER.fullmatch(compact):
        return FOOTER
    if _ATTACHMENT.fullmatch(compact):
        return ATTACHMENT
    if _NOTE.match(compact) or _NUMBERED.match(compact):
        return NOTE
    if _REMARK.match(compact):
        return REMARK
    if _OPINION.match(compact):
        return OPINION
    if _DATE.match(compact) and not _DATE_ONLY.match(compact):
        return DATE
    if _CONTACT.match(compact):
        return CONTACT
    stamped = bool(_STAMP.search(compact))
    if _signs(word, compact):
        return SIGNED_AND_STAMPED if stamped else SIGNED
    return STAMPED if stamped else None


def _weak_kind(compact: str) -> str | None:
    """Kinds that are tail lines only when the whole line is made of them."""
    if _RULE.fullmatch(compact):
        return RULE
    if _DATE_ONLY.match(compact):
        return DATE
    return None


def kind_of_words(words: Sequence[str]) -> str | None:
    """Why a line of these words (its non-empty cells, left to right) is not a member.

    The line's first word that is more than a number (a 序号 or a count) decides; a
    signature and a stamp anywhere on the line make it 签字盖章行; a line of only rules or
    dates is passed over as such. None when the first word is no tail word: a name, say.
    """
    wordy = [w for w in words if _WORDY.search(w)]
    if not wordy:  # "-----", or a footer "- 1 -"
        kinds = {FOOTER if _FOOTER.fullmatch(_compact(w)) else _weak_kind(_compact(w))
                 for w in words}
        return RULE if kinds == {RULE} else FOOTER if kinds == {FOOTER} else None
    kind = kind_of_word(wordy[0])
    if kind is None:
        weak = [_weak_kind(_compact(w)) or kind_of_word(w) for w in wordy]
        return weak[0] if all(weak) and _weak_kind(_compact(wordy[0])) else None
    if kind in (SIGNED, STAMPED):
        later = {kind_of_word(w) for w in wordy[1:]}
        if later & {SIGNED, STAMPED, SIGNED_AND_STAMPED} - {kind}:
            return SIGNED_AND_STAMPED
    return kind


def is_label(word: str) -> bool:
    """A sign-off or note label that may stand left of a name in the same line
    ("制表人：" in column A, the name in column B), as a plain department or post does not."""
    compact = _compact(word)
    if kind_of_word(word) is None:
        return False
    return bool(":" in compact or "：" in compact or _PERSON_ROLE.match(compact)
                or _SIGNS.search(compact) or _STAMP.search(compact)
                or _TOTAL.match(compact) or _BLANK.fullmatch(compact))


def first_tail_word(words: Sequence[str]) -> str | None:
    """The kind of the first recognised tail word anywhere on the line (for a line that
    names no member: "审核：" in the 证件号码 column after an unknown word, say)."""
    for word in words:
        if _WORDY.search(word):
            kind = kind_of_word(word)
            if kind is not None:
                return kind
    return None


_ID_CHARS = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ\s\-()（）]{6,}")


def looks_like_id(text: str) -> bool:
    """An ID number, right or wrong ("４１０１０１１９９０", "4.10101199001011E+17"): a line
    holding one is a member's, never passed over."""
    return bool(_ID_CHARS.fullmatch(text)) and any(ch.isdigit() for ch in text)


def tail_word_kind(word: str) -> str | None:
    """``kind_of_word``, plus the kinds that count only alone (a rule, a bare date): for a
    name cell, which holds one word."""
    compact = _compact(word)
    if not (_HINT.match(compact) or _ANYWHERE.search(compact)):
        return None
    return kind_of_word(word) or _weak_kind(compact)
