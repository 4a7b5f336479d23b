"""Who is working: the officer chosen at start among the branch's officers.

The name goes on every history entry and export footer. It is remembered per PC
(settings.ini), so the chair picks it once; the officers come from the branch profile
(主席, 联系人) and anyone else may type their own name. Without a choice changes are
recorded as 未署名, and the status bar says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.ui.context import AppContext

MAX_NAME = 20


class OfficerDialog(QDialog):
    def __init__(self, names: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose your name. It goes on every change you make and on every form you export."
            " Not in the list? Type it."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.names = QComboBox()
        self.names.setEditable(True)
        self.names.setObjectName("officer_names")
        self.names.addItems(names)
        self.names.setCurrentText(current)
        line = self.names.lineEdit()
        if line is not None:
            line.setMaxLength(MAX_NAME)
            line.setPlaceholderText(self.tr("Your name, e.g. 王小红"))
        layout.addWidget(self.names)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.names.currentTextChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(360)

    def name(self) -> str:
        return self.names.currentText().strip()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.name()))


def choose_officer(parent: QWidget | None, context: AppContext) -> bool:
    """Ask who is working; True when a name was chosen (and remembered on this PC)."""
    from gonghui_desk.domain.profile import officers
    from gonghui_desk.services.profile import load_profile

    names = officers(load_profile(context.db.sessions))
    remembered = context.settings.officer
    if remembered and remembered not in names:
        names.append(remembered)
    dialog = OfficerDialog(names, context.db.officer.name or remembered or "", parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name():
        return False
    context.db.officer.name = dialog.name()
    context.settings.officer = dialog.name()
    return True
