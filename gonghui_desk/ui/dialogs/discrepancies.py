"""Before a statistics form is written: the figures it would contradict, and the choice.

The pre-flight (FormSpec.preflight) finds what a higher body would send the form back for.
The chair sees each contradiction with where to fix it, and may still export: the
records may be right and a figure in 设置 wrong, or an old form may be needed as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from gonghui_desk.domain.reconcile import Discrepancy


def confirm_despite(parent: QWidget, title: str, problems: list[Discrepancy]) -> bool:
    """Whether to export although ``problems`` were found (True when there are none)."""
    if not problems:
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("FigureCheck", "Check the figures"))
    box.setText(QCoreApplication.translate(
        "FigureCheck", "%1: the check before export found %2 contradiction(s). The higher "
        "union may send the form back.").replace("%1", title).replace("%2", str(len(problems))))
    box.setInformativeText("\n\n".join(f"{i}. {p.text()}" for i, p in enumerate(problems, 1)))
    export = box.addButton(QCoreApplication.translate("FigureCheck", "Export anyway"),
                           QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(QCoreApplication.translate("FigureCheck", "Go back and correct"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is export
