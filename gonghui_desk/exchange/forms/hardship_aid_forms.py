"""hardship-medical and hardship-study: the aid applications for one recorded payment.

Laid out row for row as the provincial originals (data/forms/: the medical and the study aid
application), with their labels, their pledges and their four review boxes, each across the
full width; the amount paid is not on them (they are applications; the 发放登记表 has it).
What is the province's own is made generic: the province's card (大海惠工卡) is our
会员服务卡, its 省职工服务（帮扶）中心 the 职工服务（帮扶）中心.

What the worker's record holds is read from there (the file, its income tests, the linked
member); what only this application asks — the student's 民族, 高考分数 and so on, a patient
who is not a household member — was recorded with the payment. 申报时间 is the payment's
day unless the user sets a 填表日期.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.aid import SELF, PaymentDraft
from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by, yes_no
from gonghui_desk.exchange.forms.hardship_common import (
    COLUMNS,
    DATE_LINE,
    ID_NUMBER,
    SERVICE_CARD,
    age_on,
    payment_picker,
    relative_named,
    review_boxes,
)
from gonghui_desk.exchange.forms.model import (
    CENTER,
    LEFT,
    Cell,
    CellValue,
    Document,
    Grid,
    GridRow,
    Private,
    label,
)
from gonghui_desk.exchange.forms.spec import FILLED, RECORD, FormParams, FormSpec
from gonghui_desk.services.aid import WorkerFacts, load_payment, void_of, worker_facts
from gonghui_desk.services.hardship import load_file
from gonghui_desk.services.profile import load_profile

MEDICAL_TITLE = "困难职工医疗救助申请表"
STUDY_TITLE = "困难职工子女助学申请表"
CENTRE = "职工服务（帮扶）中心"  # the originals: 省职工服务（帮扶）中心 of one province
REVIEWED = "经审核，该家庭符合困难职工建档认定条件。"
BOXES = ("本单位工会审核意见", "所属上级工会审核意见", "驻会产业工会审核意见", f"{CENTRE}审批意见")
# The centre's box prints no sentence: it decides.
BOX_TEXTS = (REVIEWED, REVIEWED, REVIEWED)
CONTACT = "审核人联系方式："  # the study form's first box only
MEDICAL_PLEDGE = "本人承诺填写的家庭情况和提供的证明材料真实有效。"
STUDY_PLEDGE = (f"本人承诺在申请{CENTRE}助学救助前，未获得政府部门和工会组织的资金救助。"
                "该承诺真实有效，本人愿接受相关部门监督，若有不符，本人自愿返还工会救助的助学"
                "资金，并承担相应法律责任。")
OUT_OF_POCKET = ("申请救助日前一年内的个人实际支出费用（元）\n"
                 "（须提供含门诊、住院结算单、药物等票据，不得重复提供）\n（由基层单位核算）")
CENTRE_AMOUNT = f"{CENTRE}符合个人自付金额（元）"
BLANK = "　　　　"  # room to write by hand
# The 30 columns in Excel character units: the sheet prints A4 wide near 100 % (the PDF
# scales them to the page).
WIDTHS = (3.2,) * COLUMNS


def pair(name: str, value: CellValue, label_span: int, value_span: int,
         private: Private | None = None) -> tuple[Cell, Cell]:
    """A label and its value, each as wide as on the original, the value centred as there
    (also in a row made taller for a label that wraps)."""
    return label(name, span=label_span), Cell(value, span=value_span, align=CENTER,
                                              private=private)


def row(*pairs: tuple[Cell, Cell], lines: int = 1) -> GridRow:
    return GridRow(tuple(cell for two in pairs for cell in two), lines=lines)


def boxes(contact: bool = False) -> list[GridRow]:
    """The four review boxes; the study form's first adds the reviewer's phone line."""
    rows = review_boxes(BOXES, printed=BOX_TEXTS, per_row=True)
    if contact:
        first = rows[0].cells[0]
        signature, date = first.signoff.rsplit("\n", 1)
        rows[0] = replace(rows[0], cells=(replace(
            first, signoff=f"{signature}\n{CONTACT}{BLANK * 5}{date}"),))
    return rows


def full_width(text: str, lines: int, signoff: str = "") -> GridRow:
    return GridRow((Cell(text, span=COLUMNS, align=LEFT, signoff=signoff),), lines=lines)


def cause(d: FileDraft) -> str:
    return "；".join(x for x in (d.cause_primary, d.cause_secondary, d.cause_text) if x)


# -- 医疗救助 -----------------------------------------------------------------------------

def patient_relation(d: FileDraft, p: PaymentDraft) -> str:
    """本人 only for the worker; anyone else by the relation on the household's file, else
    the one recorded with the payment (never 本人), else left blank to be written in."""
    if p.patient.strip() == d.name:
        return SELF
    relative = relative_named(d, p.patient.strip())
    recorded = relative.relation if relative else ""
    given = p.patient_relation if p.patient_relation != SELF else ""
    return recorded or given


def medical_grid(d: FileDraft, p: PaymentDraft, day: dt.date) -> Grid:
    relative = relative_named(d, p.patient.strip())
    if p.patient.strip() == d.name:
        gender, age, number, unit = d.gender, age_on(d.birth_date, day), d.id_number, d.work_unit
    elif relative is not None:
        gender, age, number = relative.gender or p.patient_gender, relative.age, relative.id_number
        unit = relative.unit_or_school or p.patient_work_unit
    else:
        gender, age, number, unit = p.patient_gender, None, "", p.patient_work_unit
    rows = [
        row(pair("建档职工\n姓名", d.name, 4, 4), pair("性别", d.gender, 3, 3),
            pair("年龄", age_on(d.birth_date, day), 3, 3), pair("手机号", d.phone, 4, 6)),
        row(pair("工作单位", d.work_unit, 4, 26)),
        row(pair(SERVICE_CARD, d.service_card_no, 8, 8),
            pair("身份证", d.id_number, 5, 9, ID_NUMBER)),
        row(pair("患者姓名", p.patient, 4, 4),
            pair("与建档职工\n关系", patient_relation(d, p), 4, 4),
            pair("性别", gender, 3, 2), pair("年龄", age, 3, 6)),
        row(pair("工作单位", unit, 4, 8), pair("身份证号", number, 4, 14, ID_NUMBER)),
        row(pair("病种", p.disease, 4, 4),
            pair(OUT_OF_POCKET, yuan_text(p.out_of_pocket, unit=""), 16, 6), lines=3),
        row(pair("住院次数", f"{p.hospital_stays} 次", 4, 10), pair(CENTRE_AMOUNT, "", 8, 8),
            lines=2),
        row(pair("本单位救助金额", yuan_text(p.branch_amount), 8, 8),
            pair("社会救助金额", yuan_text(p.social_amount), 5, 9)),
        GridRow((label("住院时间及后续治疗情况", span=8),
                 Cell(p.treatment, span=22, align=LEFT)), lines=4),
        full_width(f"困难原因：{cause(d)}", 3,
                   f"申请人签名（手印）：{BLANK * 3}\n{MEDICAL_PLEDGE}{BLANK * 2}{DATE_LINE}"),
        *boxes(),
    ]
    return Grid(WIDTHS, tuple(rows), font_size=9, row_height=21)


# -- 子女助学 -----------------------------------------------------------------------------

def contract_text(d: FileDraft) -> str:
    """"起 到 止（固定期限）" as the original prints it; blanks to fill in when the file has
    no contract dates (their 固定期限 default says nothing then)."""
    if not (d.contract_start or d.contract_end):
        return f"{BLANK} 到 {BLANK}（　 固定期限）"
    start = f"{d.contract_start:%Y-%m-%d}" if d.contract_start else BLANK
    end = f"{d.contract_end:%Y-%m-%d}" if d.contract_end else BLANK
    return f"{start} 到 {end}（{'' if d.fixed_term else '无'}固定期限）"


def study_grid(d: FileDraft, p: PaymentDraft, facts: WorkerFacts, day: dt.date) -> Grid:
    student = relative_named(d, p.student.strip())
    rows = [
        row(pair("姓名", p.student, 4, 4), pair("性别", student.gender if student else "", 2, 3),
            pair("民族", p.student_ethnicity, 3, 3),
            pair("年龄", student.age if student else None, 2, 3),
            pair("是否本届：", yes_no(p.current_cohort), 3, 3)),
        row(pair("身份证号", student.id_number if student else "", 4, 9, ID_NUMBER),
            pair("手机号", p.student_phone, 3, 5),
            pair("家庭人口", f"{facts.household_size} 人", 3, 6)),
        row(pair("高考分数", p.exam_score, 4, 4),
            pair("政治面貌", p.student_political_status, 4, 8),
            pair("类别\n（本科/大专）", p.study_level, 4, 6), lines=2),
        row(pair("录取院校", p.school, 4, 7), pair("录取专业", p.major, 3, 5),
            pair("学制（年）", p.study_years or "", 3, 2),
            pair("录取批次", p.admission_batch, 3, 3), lines=2),
        row(pair("录取时间", p.admitted_on, 4, 7), pair("毕业时间", p.graduating_on, 4, 6),
            pair("学杂费/年", yuan_text(p.fees), 3, 6)),
        row(pair("是否申请助学贷款", "是" if p.student_loan else "否", 8, 8),
            pair("助贷金额", yuan_text(p.student_loan), 5, 9)),
        row(pair("现家庭地址", d.live_address, 8, 22)),
        row(pair("建档职工\n姓名", d.name, 4, 4), pair("性别", d.gender, 3, 3),
            pair("年龄", age_on(d.birth_date, day), 3, 3),
            pair("身份证", d.id_number, 3, 7, ID_NUMBER), lines=2),
        row(pair("工作单位", d.work_unit, 4, 7), pair("工种（岗位）", facts.post, 4, 4),
            pair("月收入", yuan_text(d.monthly_income), 3, 3),
            pair("是否农民工", yes_no(facts.migrant_worker), 3, 2), lines=2),
        row(pair(SERVICE_CARD, d.service_card_no, 8, 10), pair("手机号", d.phone, 5, 7)),
        row(pair("劳动合同签订时间", contract_text(d), 8, 10),
            pair("是否低保户", yes_no(facts.dibao_household), 5, 7), lines=2),
        full_width(STUDY_PLEDGE, 2),
        full_width("承诺人（建档职工）：", 2, "（亲笔签名并按手印）"),
        full_width(f"致困原因简述：{cause(d)}", 3),
        *boxes(contact=True),
    ]
    return Grid(WIDTHS, tuple(rows), font_size=9, row_height=21)


# -- the documents --------------------------------------------------------------------

def _payment(sessions: SessionFactory, params: FormParams, kind: str
             ) -> tuple[int, FileDraft, PaymentDraft]:
    payment_id = params.the_record("帮扶发放记录")
    file_id, payment = load_payment(sessions, payment_id)
    voided = void_of(sessions, payment_id)
    if voided is not None:
        raise UserError(f"发放记录 {payment_id} 已于 {voided[0]:%Y-%m-%d} 作废（{voided[1]}），"
                        "不再填申请表：请选择仍有效的那条记录（更正后的记录另有编号）。")
    if payment.kind != kind:
        raise UserError(f"发放记录 {payment_id} 是“{payment.kind}”，不是“{kind}”：请选择一条"
                        f"{kind}记录。")
    draft, _, _ = load_file(sessions, file_id)
    return file_id, draft, payment


def _document(form_id: str, title: str, sessions: SessionFactory, grid: Grid, day: dt.date,
              name: str) -> Document:
    profile = load_profile(sessions)
    return Document(form_id=form_id, title=title, body=grid, sheet_name=title[-5:],
                    header=(filled_by(profile), ("申报时间", date_text(day))),
                    exported_by=exporter(sessions), record={"帮扶对象": name})


def build_medical(sessions: SessionFactory, params: FormParams) -> Document:
    _, draft, payment = _payment(sessions, params, hs.MEDICAL_AID)
    day = params.the_filling_date(payment.day, before=("发放日期", payment.day))
    return _document(MEDICAL_SPEC.id, MEDICAL_TITLE, sessions,
                     medical_grid(draft, payment, day), day, draft.name)


def build_study(sessions: SessionFactory, params: FormParams) -> Document:
    file_id, draft, payment = _payment(sessions, params, hs.STUDY_AID)
    day = params.the_filling_date(payment.day, before=("发放日期", payment.day))
    facts = worker_facts(sessions, file_id, day.year)
    return _document(STUDY_SPEC.id, STUDY_TITLE, sessions,
                     study_grid(draft, payment, facts, day), day, draft.name)


MEDICAL_SPEC = FormSpec(
    id="hardship-medical",
    title=MEDICAL_TITLE,
    description="一次医疗救助的申请表：建档职工、患者、病种、个人自付、住院次数、已获救助、"
                "承诺和四级审核意见栏。",
    params=(RECORD, FILLED),
    build=build_medical,
    record_kind="医疗救助发放记录",
    pick=payment_picker(hs.MEDICAL_AID),
)
STUDY_SPEC = FormSpec(
    id="hardship-study",
    title=STUDY_TITLE,
    description="一次金秋助学的申请表：学生、录取院校和专业、学杂费、助学贷款、建档职工、"
                "承诺和四级审核意见栏。",
    params=(RECORD, FILLED),
    build=build_study,
    record_kind="助学发放记录",
    pick=payment_picker(hs.STUDY_AID),
)
