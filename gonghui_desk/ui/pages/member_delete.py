"""删除 on the members page: a button beside 新增会员, and a question that names whom.

Deleting moves members to the 回收站, where they can be restored; the question says so,
and names the person with the last four digits of the ID number, so the chair sees at a
glance that the right 张伟 of three is going.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.codes import RESIDENT_ID
from gonghui_desk.services import member_records as records
from gonghui_desk.ui.write_access import OWN_TIP

NAMED = 3  # more than this are counted, not all named


def delete_button(action: QAction) -> QPushButton:
    """A button that does what the Del key does, greyed with it."""
    button = QPushButton(QCoreApplication.translate("MemberDelete", "Delete…"))
    button.setObjectName("delete_member_button")
    button.setToolTip(QCoreApplication.translate(
        "MemberDelete", "Move the selected members to the recycle bin (Del)"))
    button.clicked.connect(action.trigger)

    def follow() -> None:
        button.setEnabled(action.isEnabled())
        if action.property(OWN_TIP) is not None:  # a read-only book greyed it: say why
            button.setToolTip(action.toolTip())

    action.changed.connect(follow)
    follow()
    return button


def who(sessions: SessionFactory, member_id: int) -> str:
    """``张三（身份证号 ****1234）``: the name and the last four digits of the number."""
    data = records.get_member(sessions, member_id).data
    if not data.id_number:
        return data.name
    kind = (QCoreApplication.translate("MemberDelete", "ID number")
            if data.id_type == RESIDENT_ID else data.id_type)
    return f"{data.name}（{kind} ****{data.id_number[-4:]}）"


def delete_question(sessions: SessionFactory, member_ids: list[int]) -> str:
    if len(member_ids) == 1:
        return QCoreApplication.translate(
            "MemberDelete", "Delete member %1? It can be restored from the recycle bin.",
        ).replace("%1", who(sessions, member_ids[0]))
    names = "、".join(who(sessions, i) for i in member_ids[:NAMED])
    if len(member_ids) > NAMED:
        names += QCoreApplication.translate("MemberDelete", " and others")
    return QCoreApplication.translate(
        "MemberDelete", "Delete %n member(s): %1? They can be restored from the recycle bin.",
        "", len(member_ids)).replace("%1", names)
