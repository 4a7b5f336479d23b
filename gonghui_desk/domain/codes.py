"""Code lists as data, in one place.

Forms, import and dropdowns read these; widgets never spell a code value themselves.
Values are Chinese data as the provincial templates use them (see DOMAIN.md §1, §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class CodeList:
    """A named list of allowed values; ``codes`` gives a numeric code where one exists."""

    name: str
    values: tuple[str, ...]
    codes: tuple[str, ...] = ()

    @cached_property
    def _value_set(self) -> frozenset[str]:
        return frozenset(self.values)

    def __contains__(self, value: object) -> bool:
        return value in self._value_set

    def code_of(self, value: str) -> str | None:
        if not self.codes or value not in self.values:
            return None
        return self.codes[self.values.index(value)]


GENDER = CodeList("性别", ("男", "女"))

ETHNICITY = CodeList(
    "民族",
    (
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
        "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
        "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
        "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
        "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
        "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
        "基诺族",
    ),
)

EMPLOYMENT_STATUS = CodeList(
    "就业状况",
    ("在岗", "待（下）岗", "失业", "退休", "退职", "退养（内退）", "病休", "其他"),
)

ID_TYPE = CodeList(
    "有效证件类别",
    (
        "居民身份证",
        "护照",
        "港澳居民来往内地通行证",
        "台湾居民来往大陆通行证",
        "外国人永久居留身份证",
    ),
)
RESIDENT_ID = ID_TYPE.values[0]

TECH_LEVEL = CodeList(
    "技术等级",
    (
        "无",
        "职业资格一级（高级技师）",
        "职业资格二级（技师）",
        "职业资格三级（高级）",
        "职业资格四级（中级）",
        "职业资格五级（初级）",
    ),
)

HUKOU_TYPE = CodeList("户籍类型", ("农业户口", "非农业户口"))

# The groups the ACFTU set out to organise from 2018 (网约车司机 added later).
NEW_EMPLOYMENT_FORM = CodeList(
    "新就业形态类别",
    (
        "货车司机", "快递员", "护工护理员", "家政服务员", "商场信息员", "网约送餐员",
        "房产中介员", "保安员", "网约车司机",
    ),
)

# 全国五一劳动奖章 holders are recorded as 省部级.
MODEL_WORKER_LEVEL = CodeList("劳模等级", ("全国", "省部级", "地市级", "其他"))

YES_NO = CodeList("是否", ("是", "否"))

EDUCATION = CodeList(
    "学历", ("博士", "硕士", "本科", "大专", "中专", "高中", "初中", "小学及以下")
)

POLITICAL_STATUS = CodeList(
    "政治面貌",
    (
        "中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员",
        "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众",
    ),
)

MEMBERSHIP_CHANGE_REASON = CodeList(
    "会籍变化原因",
    (
        "劳动（工作）关系发生变化",
        "在本单位下岗后待岗",
        "失业",
        "所在企业破产",
        "个人要求退会",
        "因犯罪被开除会籍",
    ),
)

ORGANISATION_TYPE = CodeList(
    "组织类型", ("单一基层工会", "联合基层工会", "基层工会联合会", "其他")
)

UNIT_NATURE = CodeList(
    "单位性质",
    ("国有", "集体", "私营", "港澳台", "外商", "事业", "机关", "民办非企业", "其他"),
    ("110", "120", "170", "200", "300", "400", "500", "700", "900"),
)

# GB/T 4754-2017 sections (门类)
INDUSTRY = CodeList(
    "所属行业",
    (
        "农、林、牧、渔业",
        "采矿业",
        "制造业",
        "电力、热力、燃气及水生产和供应业",
        "建筑业",
        "批发和零售业",
        "交通运输、仓储和邮政业",
        "住宿和餐饮业",
        "信息传输、软件和信息技术服务业",
        "金融业",
        "房地产业",
        "租赁和商务服务业",
        "科学研究和技术服务业",
        "水利、环境和公共设施管理业",
        "居民服务、修理和其他服务业",
        "教育",
        "卫生和社会工作",
        "文化、体育和娱乐业",
        "公共管理、社会保障和社会组织",
        "国际组织",
    ),
    tuple("ABCDEFGHIJKLMNOPQRST"),
)
