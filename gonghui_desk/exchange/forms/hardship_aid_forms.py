"""hardship-medical and hardship-study: the aid applications for one recorded payment.

困难职工医疗救助申请表: the filed worker, the patient and relation, the illness, the year's
out-of-pocket cost, hospital stays, what the unit and society paid, the treatment, the
pledge and the review boxes. 困难职工子女助学申请表 (金秋助学): the student, the school,
major, length and batch of study, the fees and any student loan, the filed worker, the
pledge of no other public or union study aid, and the review boxes.
"""

from __future__ import annotations

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by
from gonghui_desk.exchange.forms.hardship_common import (
    COLUMNS,
    ID_NUMBER,
    WIDTHS,
    applicant_rows,
    heading,
    payment_picker,
    pledge_row,
    relative_named,
    signoff_rows,
    triple,
)
from gonghui_desk.exchange.forms.model import Cell, Document, Grid, GridRow, label
from gonghui_desk.exchange.forms.spec import RECORD, FormParams, FormSpec
from gonghui_desk.services.aid import load_payment
from gonghui_desk.services.hardship import load_file
from gonghui_desk.services.profile import load_profile

MEDICAL_TITLE = "困难职工医疗救助申请表"
STUDY_TITLE = "困难职工子女助学申请表"
STUDY_PLEDGE = ("本人承诺在申请本次助学救助前，未获得政府部门和工会组织的助学资金救助。"
                "该承诺真实有效，本人愿接受监督，若有不符，自愿返还助学资金，并承担相应责任。")


def _payment(sessions: SessionFactory, params: FormParams, kind: str
             ) -> tuple[int, FileDraft, PaymentDraft]:
    payment_id = params.the_record("帮扶发放记录")
    file_id, payment = load_payment(sessions, payment_id)
    if payment.kind != kind:
        raise UserError(f"发放记录 {payment_id} 是“{payment.kind}”，不是“{kind}”：请选择一条"
                        f"{kind}记录。")
    draft, _, _ = load_file(sessions, file_id)
    return file_id, draft, payment


def medical_grid(file_id: int, d: FileDraft, p: PaymentDraft, params: FormParams) -> Grid:
    patient = relative_named(d, p.patient)
    rows = [heading("建档职工"), *applicant_rows(d, params.today, file_id),
            heading("患者"),
            triple(("患者姓名", p.patient), ("与建档职工关系", p.patient_relation or "本人"),
                   ("病种", p.disease)),
            triple(("身份证号", patient.id_number if patient else
                    (d.id_number if p.patient == d.name else ""), ID_NUMBER),
                   ("年龄", patient.age if patient else "")),
            triple(("一年内个人实际支出", yuan_text(p.out_of_pocket)),
                   ("住院次数", f"{p.hospital_stays} 次"),
                   ("本次申请救助金额", yuan_text(p.amount))),
            triple(("本单位救助金额", yuan_text(p.branch_amount)),
                   ("社会救助金额", yuan_text(p.social_amount))),
            GridRow((label("住院时间及后续治疗情况", span=4),
                     Cell(p.treatment, span=COLUMNS - 4)), lines=2),
            GridRow((label("困难原因", span=4), Cell(d.cause_text or d.cause_primary,
                                                   span=COLUMNS - 4)), lines=2),
            pledge_row(who="申请人签名（手印）"),
            *signoff_rows("本单位工会", "所属上级工会")]
    return Grid(WIDTHS, tuple(rows), font_size=9, row_height=21)


def study_grid(file_id: int, d: FileDraft, p: PaymentDraft, params: FormParams) -> Grid:
    student = relative_named(d, p.student)
    rows = [heading("学生"),
            triple(("学生姓名", p.student), ("性别", student.gender if student else ""),
                   ("年龄", student.age if student else "")),
            triple(("身份证号", student.id_number if student else "", ID_NUMBER),
                   ("与建档职工关系", student.relation if student else "")),
            triple(("录取院校", p.school), ("录取专业", p.major)),
            triple(("学制", f"{p.study_years} 年" if p.study_years else ""),
                   ("录取批次", p.admission_batch), ("学杂费/年", yuan_text(p.fees))),
            triple(("是否申请助学贷款", "是" if p.student_loan else "否"),
                   ("助学贷款金额", yuan_text(p.student_loan)),
                   ("本次助学金额", yuan_text(p.amount))),
            triple(("现家庭地址", d.live_address)),
            heading("建档职工"), *applicant_rows(d, params.today, file_id),
            GridRow((label("致困原因", span=4), Cell(d.cause_text or d.cause_primary,
                                                   span=COLUMNS - 4)), lines=2),
            pledge_row(STUDY_PLEDGE, who="承诺人（建档职工）亲笔签名并按手印"),
            *signoff_rows("本单位工会", "所属上级工会")]
    return Grid(WIDTHS, tuple(rows), font_size=9, row_height=21)


def _document(form_id: str, title: str, sessions: SessionFactory, params: FormParams,
              grid: Grid, name: str) -> Document:
    profile = load_profile(sessions)
    return Document(form_id=form_id, title=title, body=grid, sheet_name=title[-5:],
                    header=(filled_by(profile), ("申报时间", date_text(params.today))),
                    exported_by=exporter(sessions), record={"帮扶对象": name})


def build_medical(sessions: SessionFactory, params: FormParams) -> Document:
    file_id, draft, payment = _payment(sessions, params, hs.MEDICAL_AID)
    return _document(MEDICAL_SPEC.id, MEDICAL_TITLE, sessions, params,
                     medical_grid(file_id, draft, payment, params), draft.name)


def build_study(sessions: SessionFactory, params: FormParams) -> Document:
    file_id, draft, payment = _payment(sessions, params, hs.STUDY_AID)
    return _document(STUDY_SPEC.id, STUDY_TITLE, sessions, params,
                     study_grid(file_id, draft, payment, params), draft.name)


MEDICAL_SPEC = FormSpec(
    id="hardship-medical",
    title=MEDICAL_TITLE,
    description="一次医疗救助的申请表：患者、病种、个人自付、住院次数、已获救助和审核意见栏。",
    params=(RECORD,),
    build=build_medical,
    record_kind="医疗救助发放记录",
    pick=payment_picker(hs.MEDICAL_AID),
)
STUDY_SPEC = FormSpec(
    id="hardship-study",
    title=STUDY_TITLE,
    description="一次金秋助学的申请表：学生、录取院校和专业、学杂费、助学贷款、承诺和审核意见栏。",
    params=(RECORD,),
    build=build_study,
    record_kind="助学发放记录",
    pick=payment_picker(hs.STUDY_AID),
)
