"""The filter bar above the members list; it turns its widgets into filter values.

Statistics are reported "as of" a cut-off date, so besides the present status the bar
can show who was a member on a chosen day.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gonghui_desk.clock import Clock
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import MODEL_WORKER_LEVEL, NEW_EMPLOYMENT_FORM
from gonghui_desk.services.members import ANY
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP
from gonghui_desk.ui.widgets.inputs import DayEdit, to_date, to_qdate

ON_DAY = "on-day"
# (English label, statuses or ON_DAY) — the first entry is the default view.
STATUS_FILTERS: tuple[tuple[str, frozenset[str] | str], ...] = (
    (QT_TRANSLATE_NOOP("MemberFilters", "Members (active and reserved)"), ms.MEMBER_STATUSES),
    (QT_TRANSLATE_NOOP("MemberFilters", "Active"), frozenset({ms.ACTIVE})),
    (QT_TRANSLATE_NOOP("MemberFilters", "Reserved"), frozenset({ms.RESERVED})),
    (
        QT_TRANSLATE_NOOP("MemberFilters", "Former members"),
        frozenset({ms.TRANSFERRED_OUT, ms.WITHDRAWN, ms.EXPELLED}),
    ),
    (QT_TRANSLATE_NOOP("MemberFilters", "Everyone on file"), frozenset()),
    (QT_TRANSLATE_NOOP("MemberFilters", "Members on a given day"), ON_DAY),
)


def _combo(first: str, values: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for text, data in values:
        combo.addItem(text, data)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class MemberFilterBar(QWidget):
    changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        today = clock.today()
        self.status = QComboBox()
        for label, _ in STATUS_FILTERS:
            self.status.addItem(QCoreApplication.translate("MemberFilters", label))
        self.day = DayEdit(today)
        self.day.setMaximumDate(to_qdate(today))
        self.day.hide()
        self.department = _combo(self.tr("All departments"), [])
        self.gender = _combo(self.tr("Either sex"), [("男", "男"), ("女", "女")])
        self.min_age = QSpinBox()
        self.max_age = QSpinBox()
        for spin in (self.min_age, self.max_age):
            spin.setRange(0, 120)
            spin.setSpecialValueText(self.tr("any"))
        self.migrant = _combo(
            self.tr("Migrant workers: any"),
            [(self.tr("Migrant workers only"), True), (self.tr("Not migrant workers"), False)],
        )
        self.new_form = _combo(
            self.tr("New forms of employment: any"),
            [(self.tr("Any new form of employment"), ANY)]
            + [(v, v) for v in NEW_EMPLOYMENT_FORM.values],
        )
        self.model_worker = _combo(
            self.tr("Model workers: any"),
            [(self.tr("Model workers (any level)"), ANY)]
            + [(v, v) for v in MODEL_WORKER_LEVEL.values],
        )
        self.department.setMinimumContentsLength(8)
        self.department.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self._clear)
        self.count_label = QLabel()
        first = QHBoxLayout()
        for widget in (self.status, self.day, self.department, self.gender,
                       QLabel(self.tr("Age")), self.min_age, QLabel("–"), self.max_age):
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        for item in (self.migrant, self.new_form, self.model_worker, self.clear_button):
            second.addWidget(item)
        second.addStretch(1)
        second.addWidget(self.count_label)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(6)
        layout.addLayout(first, 0, 0)
        layout.addLayout(second, 1, 0)
        for combo in (self.status, self.department, self.gender, self.migrant, self.new_form,
                      self.model_worker):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.min_age, self.max_age):
            spin.valueChanged.connect(self.changed)
        self.day.dateChanged.connect(self.changed)
        self.status.currentIndexChanged.connect(
            lambda index: self.day.setVisible(STATUS_FILTERS[index][1] == ON_DAY)
        )

    def set_departments(self, departments: list[str]) -> None:
        """Offer the departments in use, keeping the current choice when it still exists."""
        current = self.department.currentData()
        self.department.blockSignals(True)
        while self.department.count() > 1:
            self.department.removeItem(1)
        for name in departments:
            self.department.addItem(name, name)
        index = self.department.findData(current) if current else 0
        self.department.setCurrentIndex(max(index, 0))
        self.department.blockSignals(False)
        if current and index < 0:
            self.changed.emit()

    def reset(self, everyone: bool = True) -> None:
        """Clear every filter (quietly); ``everyone`` also shows former members."""
        widgets = (self.status, self.department, self.gender, self.migrant, self.new_form,
                   self.model_worker, self.min_age, self.max_age, self.day)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.department, self.gender, self.migrant, self.new_form,
                      self.model_worker):
            combo.setCurrentIndex(0)
        self.min_age.setValue(0)
        self.max_age.setValue(0)
        everyone_index = next(
            i for i, (_, choice) in enumerate(STATUS_FILTERS) if choice == frozenset()
        )
        self.status.setCurrentIndex(everyone_index if everyone else 0)
        self.day.hide()
        for widget in widgets:
            widget.blockSignals(False)

    def _clear(self) -> None:
        self.reset(everyone=False)
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``MemberFilter`` (all but text and sorting)."""
        choice = STATUS_FILTERS[self.status.currentIndex()][1]
        on_day = None
        statuses: frozenset[str] = frozenset()
        if choice == ON_DAY:
            on_day = to_date(self.day.date())
        else:
            assert isinstance(choice, frozenset)
            statuses = choice
        return {
            "statuses": statuses,
            "member_on": on_day,
            "department": self.department.currentData(),
            "gender": self.gender.currentData(),
            "min_age": self.min_age.value() or None,
            "max_age": self.max_age.value() or None,
            "ages_on": self.clock.today(),
            "migrant_worker": self.migrant.currentData(),
            "new_employment_form": self.new_form.currentData(),
            "model_worker_level": self.model_worker.currentData(),
        }
