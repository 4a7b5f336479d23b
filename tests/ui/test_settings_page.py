from PySide6.QtWidgets import QMessageBox

from gonghui_desk.services.profile import load_profile
from gonghui_desk.ui.settings import AppSettings


def test_profile_is_saved_from_the_form(window, db):
    page = window.show_page("settings")
    page.profile_inputs["union_name"].setText("某某机械有限公司工会委员会")
    page.profile_inputs["contact_phone"].setText("0571-8888 6204")
    combo = page.profile_inputs["unit_nature"]
    combo.setCurrentIndex(combo.findData("私营"))
    assert page.save_profile()
    saved = load_profile(db.sessions)
    assert saved.union_name == "某某机械有限公司工会委员会"
    assert saved.unit_nature == "私营"
    assert page.profile_inputs["contact_phone"].text() == "057188886204"
    assert page.saved_label.text() == "已保存。"


def test_wrong_values_show_a_chinese_message_and_save_nothing(window, db, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    page = window.show_page("settings")
    page.profile_inputs["union_name"].setText("某某工会")
    page.profile_inputs["region_code"].setText("12345")
    assert not page.save_profile()
    assert "行政区划代码" in shown[0]
    assert load_profile(db.sessions).union_name == ""
    assert "未保存" in page.saved_label.text()


def test_language_choice_is_kept_for_the_next_start(window, context, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert AppSettings(context.settings.path).language == "en"
    assert "下次启动" in page.language_note.text()
