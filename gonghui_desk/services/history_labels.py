"""What the change history calls each stored table and column, table by table.

The labels live next to their domain where it has them (``domain.member.FIELD_LABELS``,
``domain.contract.RECORD_LABELS`` …); this module puts them together per table, with the
stored names the domain does not use (``monthly_income_fen``, ``state``, ``by``) in the
words of the dialogs that fill them in. One label per table and column: a recuperation
step's ``kind`` is its 办理环节, not a membership change's type. A test enumerates every
audited column of the models and fails on any without a label here.
"""

from __future__ import annotations

from gonghui_desk.domain import aid, annual, contract, hardship_file, member, membership, profile
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain import recuperation as rec
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.contract_team import ROLE, SIDE
from gonghui_desk.domain.contract_timeline import RULE_LABELS
from gonghui_desk.services.access import HASH_KEY, IDLE_KEY

TABLE_LABELS = {
    "member": "会员",
    "membership_event": "会籍变化",
    "branch_profile": "工会信息",
    "app_setting": "设置",
    "year_figures": "年度基本情况",
    "dibao_standard": "低保标准",
    "hardship_file": "困难职工档案",
    "hardship_relative": "困难职工家庭成员",
    "hardship_year": "困难职工年度收入",
    "hardship_money_item": "困难职工收支项目",
    "hardship_step": "困难职工档案办理环节",
    "aid_payment": "帮扶资金发放",
    "recuperation_policy": "疗休养政策",
    "recuperation_quota": "疗休养名额",
    "recuperation_department_quota": "疗休养部门名额",
    "recuperation_trip": "疗休养批次",
    "recuperation_application": "疗休养申请",
    "recuperation_step": "疗休养办理环节",
    "recuperation_override": "疗休养特批",
    "contract_rules": "集体合同期限设置",
    "collective_contract": "集体合同",
    "contract_negotiator": "协商代表",
    "contract_attachment": "集体合同附件",
    "import_batch": "会员导入",  # written by the import itself (audit.record), not a flush
}

ACTION_LABELS = {
    "create": "新增", "update": "修改", "delete": "删除", "purge": "永久删除", "export": "导出",
    "import": "导入", "undo": "撤销导入", "take_back": "撤回上一步",
}

_MEMBER = {
    **member.FIELD_LABELS, "id": "会员编号", "status": membership.STATUSES.name,
    "deleted_at": "移入回收站时间",
}
_EVENT = {**membership.EVENT_LABELS, "id": "编号", "member_id": "会员"}
_PROFILE = {**profile.LABELS, "id": "编号"}
_YEAR_FIGURES = {"year": "年度", **annual.COUNT_LABELS, **annual.FLAG_LABELS}
_DIBAO = {"region": "行政区划代码", "year": "年度", "monthly_fen": "低保标准（每人每月）"}

# A hardship file's fields as the 建档申请表 in the file dialog names them.
_HARDSHIP_FILE = {
    **hardship_file.LABELS,
    "id": "档案编号", "member_id": "会员", "state": hp.STATES.name, "region": "低保地区代码",
    "birth_date": "出生日期", "phone": "手机号码", "other_contact": "其他联系方式",
    "postcode": "邮政编码", "disease": "病种", "hukou_region": "户口所在地",
    "live_address": "现居住地", "work_start": "参加工作时间", "work_unit": "工作单位",
    "industry": "所属行业", "unit_nature": "单位性质", "enterprise_situation": "企业状况",
    "single_parent": "是否单亲", "zero_employment": "是否零就业家庭",
    "self_help": "是否具有自救能力", "monthly_income_fen": "本人月均收入",
    "contract_start": "劳动合同起始日期", "fixed_term": "固定期限合同",
    "service_card_no": "会员服务卡号", "bank_account": "银行账号", "cause_text": "致困原因简述",
    "note": "备注",
}
_HARDSHIP_RELATIVE = {
    "id": "编号", "file_id": "困难职工档案", "name": "姓名", "relation": hs.RELATION.name,
    "gender": "性别", "political_status": "政治面貌", "education": "文化程度",
    "id_number": "身份证号", "age": "年龄", "medical_insurance": "医保状况",
    "health": "健康状况", "monthly_income_fen": "月收入", "identity": "身份",
    "unit_or_school": "单位或学校",
}
_HARDSHIP_YEAR = {
    "file_id": "困难职工档案", "year": "年度", "household_size": "家庭人口",
    "income_fen": "家庭年度收入", "expenses_fen": "年度刚性支出", "dibao_fen": "低保标准",
    "per_capita_fen": "家庭月人均收入", "suggested": "测算建议", "category": "认定类别",
    "override_reason": "调整理由", "arithmetic": "测算过程",
}
_MONEY_ITEM = {
    "id": "编号", "file_id": "困难职工档案", "year": "年度", "side": "收入或支出",
    "item": "项目", "amount_fen": "金额",
}
# What a step taken back (services.history_notes) says beside the step's own facts.
_TAKEN_BACK = {"reason": "撤回原因", "taken_back_on": "撤回日期"}
_HARDSHIP_STEP = {
    "id": "编号", "file_id": "困难职工档案", "kind": hp.STEPS.name, "day": "日期",
    "until": "公示截止", "by": "经办人", "note": "说明", **_TAKEN_BACK,
}
_AID_PAYMENT = {
    **{f"{key}_fen" if key in aid.MONEY_FIELDS else key: label
       for key, label in aid.LABELS.items()},
    "id": "编号", "file_id": "困难职工档案", "kind": hs.AID_TYPE.name,
    "fund_source": hs.FUND_SOURCE.name, "signed_by": "领取人签字", "note": "备注",
    "patient_relation": "患者与建档职工关系", "out_of_pocket_fen": "本年度个人自付费用",
    "treatment": "住院及后续治疗情况", "major": "专业", "study_years": "学制",
    "admission_batch": "录取批次", "fees_fen": "学杂费（每年）",
    "voided_on": "作废日期", "void_reason": "作废原因", "voided_by": "作废人",
}
_POLICY = {
    **{key: label for key, label in rec.RECORD_LABELS.items() if key in {
        "region", "day_cost_cap_fen", "annual_cap_fen", "family_allowed",
        *rec.POLICY_LABELS}},
    "year": "年度",
}
_QUOTA = {"year": "年度", "places": "名额", "budget_fen": "预算", "issued_by": "下达单位",
          "received_on": "下达日期", "note": "备注"}
_DEPARTMENT_QUOTA = {"year": "年度", "department": "部门", "places": "名额"}
_TRIP = {
    **{key: rec.RECORD_LABELS[key] for key in (
        "destination", "base", "in_province", "start_date", "end_date", "cost_per_day_fen")},
    "id": "批次编号", "year": "年度", "capacity": "名额", "note": "备注",
}
_APPLICATION = {
    **{key: rec.RECORD_LABELS[key] for key in (
        "trip_id", "confirmed", "applied_on", "priority", "hire_date", "absence_days",
        "prior_trip_start", "prior_trip_in_province", "companions", "companion_names",
        "cost_fen", "union_fen", "admin_fen", "personal_fen", "companion_fen")},
    "id": "申请编号", "member_id": rec.APPLICATION_LABELS["member_id"],
    "state": rp.STATES.name, "note": "备注",
}
_RECUPERATION_STEP = {"id": "编号", "application_id": "疗休养申请", "kind": rp.STEPS.name,
                      "day": "日期", "by": "经办人", "note": "说明", **_TAKEN_BACK}
_OVERRIDE = {"application_id": "疗休养申请", "rule": "特批的条件", "reason": "特批理由",
             "by": "特批人", "day": "日期"}
_CONTRACT_RULES = {"region": "适用地区", **RULE_LABELS}
_CONTRACT = {
    **{key: label for key, label in contract.RECORD_LABELS.items()},
    "id": "合同编号", "address": "地址", "wage_increase_bp": "工资增长幅度", "note": "备注",
    "step": "撤回的环节", "day": "该环节日期", **_TAKEN_BACK,
}
_NEGOTIATOR = {"id": "编号", "contract_id": "集体合同", "side": SIDE.name, "name": "姓名",
               "role": ROLE.name, "post": "职务", "union_chair": "是否工会主席",
               "delegation": "书面委托"}
_ATTACHMENT = {"id": "编号", "contract_id": "集体合同", "kind": contract.ATTACHMENT_KIND.name,
               "filename": "文件名", "size": "大小", "sha256": "校验值（SHA-256）",
               "added_at": "添加时间", "note": "备注"}
# The details an import writes about itself (services.import_batches, import_undo).
_IMPORT = {"file_name": "文件", "sheet": "工作表", "added": "新增人数", "updated": "更新人数"}

COLUMN_LABELS: dict[str, dict[str, str]] = {
    "member": _MEMBER,
    "membership_event": _EVENT,
    "branch_profile": _PROFILE,
    "app_setting": {"key": "设置项", "value": "值"},
    "year_figures": _YEAR_FIGURES,
    "dibao_standard": _DIBAO,
    "hardship_file": _HARDSHIP_FILE,
    "hardship_relative": _HARDSHIP_RELATIVE,
    "hardship_year": _HARDSHIP_YEAR,
    "hardship_money_item": _MONEY_ITEM,
    "hardship_step": _HARDSHIP_STEP,
    "aid_payment": _AID_PAYMENT,
    "recuperation_policy": _POLICY,
    "recuperation_quota": _QUOTA,
    "recuperation_department_quota": _DEPARTMENT_QUOTA,
    "recuperation_trip": _TRIP,
    "recuperation_application": _APPLICATION,
    "recuperation_step": _RECUPERATION_STEP,
    "recuperation_override": _OVERRIDE,
    "contract_rules": _CONTRACT_RULES,
    "collective_contract": _CONTRACT,
    "contract_negotiator": _NEGOTIATOR,
    "contract_attachment": _ATTACHMENT,
    "import_batch": _IMPORT,
}

# What a count or a period is counted in, where the label alone does not say.
UNITS: dict[str, dict[str, str]] = {
    "contract_rules": {**dict.fromkeys(RULE_LABELS, " 日"), "renewal_months": " 个月"},
    "recuperation_policy": {
        "max_days_in_province": " 天", "max_days_out_of_province": " 天",
        "cycle_years": " 年", "out_of_province_gap_years": " 年", "min_service_years": " 年",
        "min_member_years": " 年", "max_absence_days": " 天", "max_periods": " 次",
        "union_percent": "%", "admin_percent": "%", "personal_percent": "%",
        "personal_cap_percent": "%"},
    "recuperation_application": {"absence_days": " 天", "companions": " 人"},
    "recuperation_quota": {"places": " 人"},
    "recuperation_department_quota": {"places": " 人"},
    "recuperation_trip": {"capacity": " 人"},
    "hardship_file": {"housing_area": " ㎡"},
    "hardship_relative": {"age": " 岁"},
    "hardship_year": {"household_size": " 人"},
    "aid_payment": {"hospital_stays": " 次", "study_years": " 年", "exam_score": " 分"},
    "year_figures": {**dict.fromkeys(annual.COUNT_LABELS, " 人")},
    "collective_contract": {"workers_total": " 人", "covered_workers": " 人",
                            "covered_women": " 人", "vote_eligible": " 人",
                            "vote_present": " 人", "vote_in_favour": " 票",
                            "vote_against": " 票", "vote_abstaining": " 票"},
}

# Settings kept with the data (table app_setting), by the names the 设置 page shows them.
SETTING_LABELS = {
    HASH_KEY: "打开程序的密码",
    IDLE_KEY: "无操作自动锁定",
    "backup.folder": "备份文件夹",
    "backup.keep_daily": "自动清理：保留每天最新一份",
    "backup.keep_monthly": "自动清理：保留每月最新一份",
    "backup.keep_safety_days": "操作前备份保留天数",
}
SETTING_UNITS = {"backup.keep_daily": " 天", "backup.keep_monthly": " 个月",
                 "backup.keep_safety_days": " 天"}


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def column_label(table: str, column: str) -> str:
    """The column's label in its table; a key written by ``audit.record`` (an export's
    "人数") is already in words and stays as it is."""
    return COLUMN_LABELS.get(table, {}).get(column, column)


def setting_label(key: str) -> str:
    return SETTING_LABELS.get(key, f"其他设置（{key}）")
