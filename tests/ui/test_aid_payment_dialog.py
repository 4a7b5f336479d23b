"""登记帮扶: the details the aid applications ask, shown for their kind of aid only; the
patient and the student taken from the household on file."""

from PySide6.QtWidgets import QDialog

from gonghui_desk.services.aid import load_payment, payments_between
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from tests.ui.test_hardship_dialog import START, TODAY, file_it, open_wang


def dialog_for_wang(context, qtbot, kind):
    file_id = open_wang(context)
    file_it(context, file_id)
    dialog = AidPaymentDialog(context, file_id, "王大力", "张主席")
    qtbot.addWidget(dialog)
    dialog.set_kind(kind)
    dialog.widgets["amount"].setText("3000")
    return dialog


def test_the_students_details_show_for_study_aid_only(context, db, qtbot):
    dialog = dialog_for_wang(context, qtbot, "医疗救助")
    for key in ("exam_score", "student_phone", "admitted_on"):
        assert not dialog.rows[key].isVisibleTo(dialog)
    assert dialog.rows["patient_gender"].isVisibleTo(dialog)
    dialog.set_kind("助学（金秋助学）")
    for key in ("exam_score", "student_phone", "admitted_on", "graduating_on", "study_level",
                "current_cohort", "student_ethnicity", "student_political_status"):
        assert dialog.rows[key].isVisibleTo(dialog), key
    assert not dialog.rows["patient_gender"].isVisibleTo(dialog)
    assert dialog.widgets["exam_score"].text() == "未填写"


def test_a_study_payment_keeps_what_the_form_asks(context, db, qtbot):
    dialog = dialog_for_wang(context, qtbot, "助学（金秋助学）")
    dialog.line("student").setText("王小明")
    dialog.line("school").setText("浙江工业大学")
    dialog.widgets["student_ethnicity"].set_value("汉族")
    dialog.widgets["study_level"].set_value("本科")
    dialog.widgets["current_cohort"].setCurrentText("是")
    dialog.widgets["exam_score"].setValue(612)
    dialog.line("student_phone").setText("139 1234 5678")
    dialog.widgets["admitted_on"].set_value(START)
    dialog.widgets["graduating_on"].set_value(START.replace(year=START.year - 1))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.rows["graduating_on"].message.text().endswith("，请核对。")
    dialog.widgets["graduating_on"].set_value(START.replace(year=START.year + 4))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [paid] = payments_between(db.sessions, START, TODAY)
    kept = load_payment(db.sessions, paid.id)[1]
    assert (kept.exam_score, kept.student_phone, kept.study_level, kept.current_cohort,
            kept.admitted_on) == (612, "13912345678", "本科", True, START)


def test_a_household_members_relation_is_filled_in_and_only_an_outsider_is_asked_more(
        context, db, qtbot):
    dialog = dialog_for_wang(context, qtbot, "医疗救助")
    relation = dialog.widgets["patient_relation"]
    dialog.line("patient").setText("李梅")
    assert relation.currentText() == "配偶"
    assert not dialog.widgets["patient_gender"].isEnabled()
    dialog.line("patient").setText("王大力")
    assert relation.currentText() == "本人"
    dialog.line("patient").setText("张秀兰")  # his mother, not on the household list
    assert relation.currentText() == "" and dialog.widgets["patient_gender"].isEnabled()
    dialog.line("disease").setText("脑梗死")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "请填写患者与建档职工的关系" in dialog.rows["patient_relation"].message.text()
    relation.setCurrentText("父母")
    dialog.widgets["patient_gender"].set_value("女")
    dialog.line("patient_work_unit").setText("退休")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [paid] = payments_between(db.sessions, START, TODAY)
    kept = load_payment(db.sessions, paid.id)[1]
    assert (kept.patient_relation, kept.patient_gender, kept.patient_work_unit) == (
        "父母", "女", "退休")


def test_a_relation_the_user_chose_is_kept(context, db, qtbot):
    dialog = dialog_for_wang(context, qtbot, "医疗救助")
    relation = dialog.widgets["patient_relation"]
    relation.setCurrentText("其他")
    dialog.line("patient").setText("李梅")
    assert relation.currentText() == "其他"
