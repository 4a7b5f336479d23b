"""设置: the branch profile, the year's figures, the 低保 standards, the collective contract
periods, backups, the change history, the interface language and where the data is."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.db.revision import current_revision
from gonghui_desk.domain.codes import INDUSTRY, ORGANISATION_TYPE, UNIT_NATURE, CodeList
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.access import (
    SET_IDLE_MINUTES,
    SET_PASSWORD,
    idle_minutes,
    set_idle_minutes,
    set_password,
)
from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import SAVE_PROFILE, load_profile, save_profile
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.settings import LANGUAGES
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP
from gonghui_desk.ui.widgets.backup_panel import BackupPanel
from gonghui_desk.ui.widgets.contract_rules_panel import ContractRulesPanel
from gonghui_desk.ui.widgets.dibao_panel import DibaoPanel
from gonghui_desk.ui.widgets.history_view import HistoryView
from gonghui_desk.ui.widgets.year_figures_panel import YearFiguresPanel
from gonghui_desk.ui.write_access import enable_writes

CONTEXT = "ProfileFields"
PROFILE_LABELS = {
    "union_name": QT_TRANSLATE_NOOP("ProfileFields", "Union name"),
    "unit_name": QT_TRANSLATE_NOOP("ProfileFields", "Employer"),
    "stats_code": QT_TRANSLATE_NOOP("ProfileFields", "Statistics code"),
    "region_code": QT_TRANSLATE_NOOP("ProfileFields", "Administrative division code"),
    "organisation_type": QT_TRANSLATE_NOOP("ProfileFields", "Organisation type"),
    "unit_nature": QT_TRANSLATE_NOOP("ProfileFields", "Employer type"),
    "industry": QT_TRANSLATE_NOOP("ProfileFields", "Industry"),
    "chair": QT_TRANSLATE_NOOP("ProfileFields", "Union chair"),
    "contact_person": QT_TRANSLATE_NOOP("ProfileFields", "Contact person"),
    "contact_phone": QT_TRANSLATE_NOOP("ProfileFields", "Contact phone"),
    "address": QT_TRANSLATE_NOOP("ProfileFields", "Address"),
}
CODE_LISTS: dict[str, CodeList] = {
    "organisation_type": ORGANISATION_TYPE,
    "unit_nature": UNIT_NATURE,
    "industry": INDUSTRY,
}


class SettingsPage(Page):
    access_changed = Signal()  # password or idle minutes changed
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Settings"), parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._profile_box()), self.tr("Branch profile"))
        self.year_figures = YearFiguresPanel(context)
        self.year_figures_tab = _scrolling(self.year_figures)
        self.tabs.addTab(self.year_figures_tab, self.tr("Yearly figures"))
        self.dibao = DibaoPanel(context)
        self.dibao_tab = _scrolling(self.dibao)
        self.tabs.addTab(self.dibao_tab, self.tr("Minimum living allowance"))
        self.contract_rules = ContractRulesPanel(context)
        self.contract_rules_tab = _scrolling(self.contract_rules)
        self.tabs.addTab(self.contract_rules_tab, self.tr("Contract periods"))
        self.backups = BackupPanel(context)
        self.backups.restored.connect(self.database_replaced.emit)
        self.tabs.addTab(self.backups, self.tr("Backup and restore"))
        self.history = HistoryView(context.db.sessions)
        self.tabs.addTab(self.history, self.tr("Change history"))
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(self._access_box())
        general_layout.addWidget(self._language_box())
        general_layout.addWidget(self._data_box())
        general_layout.addStretch(1)
        self.tabs.addTab(_scrolling(general), self.tr("Language and data"))
        self.tabs.currentChanged.connect(lambda _: self.refresh())
        self.layout_.addWidget(self.tabs, 1)

    # -- branch profile -----------------------------------------------------------------

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Branch profile (used in every form header)"))
        form = QFormLayout(box)
        self.profile_inputs: dict[str, QLineEdit | QComboBox] = {}
        for name, label in PROFILE_LABELS.items():
            widget: QLineEdit | QComboBox
            if name in CODE_LISTS:
                widget = QComboBox()
                widget.addItem(self.tr("(not set)"), "")
                for value in CODE_LISTS[name].values:
                    widget.addItem(value, value)
            else:
                widget = QLineEdit()
            widget.setObjectName(f"profile_{name}")
            form.addRow(QCoreApplication.translate(CONTEXT, label), widget)
            self.profile_inputs[name] = widget
        self.save_button = QPushButton(self.tr("Save branch profile"))
        self.save_button.clicked.connect(self.save_profile)
        enable_writes(self.context, self.save_button)
        self.saved_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        form.addRow(row)
        return box

    def refresh(self) -> None:
        if self.tabs.currentWidget() is self.history:
            self.history.reload()
        if self.tabs.currentWidget() is self.backups:
            self.backups.reload()
        if self.tabs.currentWidget() is self.year_figures_tab:
            self.year_figures.show_years_on_file()  # keep what is typed but unsaved
        if self.tabs.currentWidget() is self.dibao_tab:
            self.dibao.show_standards()
        if self.tabs.currentWidget() is self.contract_rules_tab:
            self.contract_rules.reload()
        self._load_profile()

    def _load_profile(self) -> None:
        profile = load_profile(self.context.db.sessions)
        for name, widget in self.profile_inputs.items():
            value = getattr(profile, name)
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0:  # a value no longer in the list stays visible, not lost
                    widget.addItem(value, value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            else:
                widget.setText(value)
        self.saved_label.clear()

    def profile_from_inputs(self) -> BranchProfile:
        values = {}
        for field in fields(BranchProfile):
            widget = self.profile_inputs[field.name]
            values[field.name] = (
                str(widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text()
            )
        return BranchProfile(**values)

    def save_profile(self) -> bool:
        profile = self.profile_from_inputs()
        try:
            self.context.runner.run(Op(SAVE_PROFILE, lambda tx: save_profile(tx, profile)))
        except ValidationError as error:
            show_user_error(self, error)
            self.saved_label.setText(self.tr("Not saved: please correct the fields listed."))
            return False
        except UserError as error:  # the book is read-only, the disk full …
            show_user_error(self, error)
            return False
        self._load_profile()  # show the values as saved (trimmed, phone normalised)
        self.saved_label.setText(self.tr("Saved."))
        return True

    # -- password and idle lock ---------------------------------------------------------

    def _access_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Password and automatic lock"))
        form = QFormLayout(box)
        note = QLabel(self.tr(
            "A password keeps others at this PC out of the program. It does not encrypt the "
            "database file: keep the PC and the backups in safe hands as well."
        ))
        note.setWordWrap(True)
        form.addRow(note)
        self.current_password = QLineEdit()
        self.new_password = QLineEdit()
        self.repeat_password = QLineEdit()
        for field in (self.current_password, self.new_password, self.repeat_password):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("empty: no password"))
        form.addRow(self.tr("Current password"), self.current_password)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("Repeat new password"), self.repeat_password)
        self.password_button = QPushButton(self.tr("Change password"))
        self.password_button.clicked.connect(self.change_password)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setValue(idle_minutes(self.context.db.sessions))
        self.idle_button = QPushButton(self.tr("Save"))
        self.idle_button.clicked.connect(self.save_idle_minutes)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        form.addRow(self.password_button)
        form.addRow(self.tr("Lock when unused for"), idle_row)
        self.access_label = QLabel()
        form.addRow(self.access_label)
        enable_writes(self.context, self.password_button, self.idle_button)
        return box

    def change_password(self) -> bool:
        typed = (self.current_password.text(), self.new_password.text(),
                 self.repeat_password.text())
        try:
            self.context.runner.run(Op(SET_PASSWORD, lambda tx: set_password(tx, *typed)))
        except UserError as error:
            show_user_error(self, error)
            return False
        removed = not self.new_password.text()
        for field in (self.current_password, self.new_password, self.repeat_password):
            field.clear()
        self.access_label.setText(
            self.tr("Password removed.") if removed else self.tr("Password saved.")
        )
        self.access_changed.emit()
        return True

    def save_idle_minutes(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            self.context.runner.run(Op(SET_IDLE_MINUTES,
                                       lambda tx: set_idle_minutes(tx, minutes)))
        except UserError as error:
            show_user_error(self, error)
            return
        self.access_label.setText(self.tr("Automatic lock saved (it needs a password)."))
        self.access_changed.emit()

    # -- language -----------------------------------------------------------------------

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Interface language"))
        layout = QHBoxLayout(box)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(self.context.settings.language))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        layout.addWidget(self.language)
        layout.addWidget(self.language_note, 1)
        return box

    def _language_changed(self) -> None:
        code = str(self.language.currentData())
        if code == self.context.settings.language:
            return
        self.context.settings.language = code
        self.language_note.setText(self.tr("Takes effect the next time the program starts."))
        QMessageBox.information(
            self,
            self.tr("Interface language"),
            self.tr("The new language takes effect the next time the program starts."),
        )

    # -- where the data is --------------------------------------------------------------

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data"))
        form = QFormLayout(box)
        rows = (
            (self.tr("Database"), self.context.db.display_name),
            (self.tr("Schema revision"), current_revision(self.context.db.engine) or ""),
            (self.tr("Data folder"), str(self.context.data_dir)),
            (self.tr("Log file"), str(self.context.log_path)),
        )
        for label, value in rows:
            field = QLabel(value)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        return box


def _scrolling(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll
