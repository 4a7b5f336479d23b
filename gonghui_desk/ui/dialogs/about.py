"""About: version and where the data is, so a chair can tell support what they run."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from gonghui_desk import __version__
from gonghui_desk.db.revision import current_revision
from gonghui_desk.ui.context import AppContext


class AboutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Gonghui Desk"))
        title = QLabel(self.tr("Gonghui Desk"))
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Records and official forms of a grassroots trade-union branch"))
        form = QFormLayout()
        values = [
            (self.tr("Version"), __version__),
            (self.tr("Database"), context.db.display_name),
            (self.tr("Schema revision"), current_revision(context.db.engine) or ""),
            (self.tr("Data folder"), str(context.data_dir)),
            (self.tr("Log file"), str(context.log_path)),
            (self.tr("Qt for Python"), pyside_version),
            (self.tr("Font"), self.tr("WenQuanYi Micro Hei (Apache License 2.0)")),
        ]
        if context.clock.fixed_day is not None:  # support asked to reproduce another day
            values.insert(1, (self.tr("Date"), context.clock.describe()))
        self.value_labels: dict[str, QLabel] = {}
        for label, value in values:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
            self.value_labels[label] = field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
