"""Closing a dialog never loses what was typed without asking, date text the field could
not read included: a new member with a birth date typed as 1990.13.1, a contract's end date
typed as a bare year."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_contract_dialog import new_dialog

QUESTION = "您填写的内容尚未保存，确定关闭吗？"


@pytest.fixture
def answers(monkeypatch):
    """The questions asked, answered with ``answers.reply`` (No unless set)."""
    class Answers(list):
        reply = QMessageBox.StandardButton.No

    asked = Answers()
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (
        asked.append(text), asked.reply)[1])
    return asked


def _type(field, text: str) -> None:
    field.line.setText(text)
    field.line.editingFinished.emit()


def test_an_untouched_new_member_closes_without_a_question(window, answers):
    dialog = window.show_page("members").add_member()
    dialog.reject()
    assert answers == [] and not dialog.isVisible()


def test_a_new_member_with_only_an_unreadable_birth_date_asks_before_closing(window, answers):
    dialog = window.show_page("members").add_member()
    _type(dialog.widgets["birth_date"], "1990.13.1")
    assert dialog.widgets["birth_date"].value() is None  # nothing a value would show
    dialog.reject()
    assert answers == [QUESTION]
    assert dialog.isVisible()  # 否: it stays, with the text
    assert dialog.widgets["birth_date"].line.text() == "1990.13.1"
    answers.reply = QMessageBox.StandardButton.Yes
    dialog.reject()
    assert not dialog.isVisible()


def test_a_contract_with_a_year_typed_as_its_end_asks_before_closing(window, answers):
    dialog = new_dialog(window)
    _type(dialog.basics.term_end, "2029")
    dialog.reject()
    assert len(answers) == 1 and dialog.isVisible()
    answers.reply = QMessageBox.StandardButton.Yes
    dialog.reject()
    assert not dialog.isVisible()


def test_an_untouched_member_opened_to_edit_closes_without_a_question(window, db, answers):
    from tests.ui.test_member_dialogs import add_zhang

    member_id = add_zhang(db)
    page = window.show_page("members")
    page.refresh()
    page.select_member(member_id)
    dialog = page.edit_member()
    dialog.reject()
    assert answers == [] and not dialog.isVisible()
