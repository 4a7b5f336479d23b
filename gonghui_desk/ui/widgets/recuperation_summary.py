"""The top of the 疗休养 page: the year's policy in a line or two, and its places and budget.

Both are always in view, so whoever arranges a trip sees the limits it is checked against
and what is left. A year without a saved policy says it runs on the defaults; a year
without a registered quota says so in red, since nobody can be allocated a place then.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.recuperation import Policy
from gonghui_desk.domain.region import region_label
from gonghui_desk.services.recuperation import QuotaStatus
from gonghui_desk.ui.style import ERROR_RED, ERROR_STYLE, text_style


class RecuperationSummary(QFrame):
    """Emits ``edit_policy`` or ``edit_quota`` when their buttons are clicked."""

    edit_policy = Signal()
    edit_quota = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("recuperation_summary")
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.policy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)
        self.quota_label.setTextFormat(Qt.TextFormat.PlainText)
        self.policy_button = QPushButton(self.tr("Policy…"))
        self.policy_button.clicked.connect(self.edit_policy)
        self.quota_button = QPushButton(self.tr("Places and budget…"))
        self.quota_button.clicked.connect(self.edit_quota)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(12)
        for row, (caption, label, button) in enumerate((
                (self.tr("Policy"), self.policy_label, self.policy_button),
                (self.tr("Quota"), self.quota_label, self.quota_button))):
            title = QLabel(caption)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)

    def policy_text(self, policy: Policy, saved: bool) -> str:
        parts = [
            self.tr("per person ≤ %1 yuan a day, ≤ %2 yuan a year")
            .replace("%1", yuan_text(policy.day_cost_cap, unit="", decimals=None))
            .replace("%2", yuan_text(policy.annual_cap, unit="", decimals=None)),
            self.tr("in the province ≤ %1 days, outside ≤ %2 days")
            .replace("%1", str(policy.max_days_in_province))
            .replace("%2", str(policy.max_days_out_of_province)),
            self.tr("once every %1 years").replace("%1", str(policy.cycle_years)),
            self.tr("outside the province not again within %1 years")
            .replace("%1", str(policy.out_of_province_gap_years)),
            self.tr("service ≥ %1 years, membership ≥ %2 years")
            .replace("%1", str(policy.min_service_years))
            .replace("%2", str(policy.min_member_years)),
            self.tr("absent last year ≤ %1 days").replace("%1", str(policy.max_absence_days)),
            self.tr("at most %1 periods").replace("%1", str(policy.max_periods)),
            self.tr("paid by union funds %1%, welfare funds %2%, the person %3% (at most %4%)")
            .replace("%1", str(policy.union_percent)).replace("%2", str(policy.admin_percent))
            .replace("%3", str(policy.personal_percent))
            .replace("%4", str(policy.personal_cap_percent)),
            self.tr("family may go along at their own cost") if policy.family_allowed
            else self.tr("no family along"),
        ]
        source = (self.tr("%1, as saved: ") if saved
                  else self.tr("%1, the defaults (not saved yet): "))
        source = source.replace("%1", str(policy.year))
        if policy.region:
            source = self.tr("%1 (region %2), as saved: ").replace(
                "%1", str(policy.year)).replace("%2", region_label(policy.region))
        return source + " · ".join(parts)

    def show_policy(self, policy: Policy, saved: bool) -> None:
        self.policy_label.setText(self.policy_text(policy, saved))

    def show_quota(self, status: QuotaStatus) -> None:
        quota = status.quota
        if quota is None:
            self.quota_label.setStyleSheet(text_style(ERROR_RED, bold=True))
            self.quota_label.setText(self.tr(
                "No places or budget registered for %1 yet: register what the higher-level "
                "union issued before places can be allocated.").replace("%1", str(status.year)))
            self.quota_label.setToolTip("")
            return
        places_left = status.places_left or 0
        budget_left = status.budget_left or Decimal(0)
        text = (self.tr("%1 places, %2 arranged, %3 left")
                .replace("%1", str(quota.places)).replace("%2", str(status.taken))
                .replace("%3", str(places_left))
                + " · " + self.tr("budget %1 yuan, %2 used, %3 left")
                .replace("%1", yuan_text(quota.budget, unit=""))
                .replace("%2", yuan_text(status.used, unit=""))
                .replace("%3", yuan_text(budget_left, unit="")))
        if status.departments:
            text += " · " + self.tr("shared among %1 departments").replace(
                "%1", str(len(status.departments)))
        if quota.issued_by:
            text += " · " + self.tr("issued by %1").replace("%1", quota.issued_by)
        self.quota_label.setText(text)
        short = places_left <= 0 or budget_left < 0
        self.quota_label.setStyleSheet(ERROR_STYLE if short else "")
        self.quota_label.setToolTip("\n".join(
            self.tr("%1: %2 places, %3 arranged, %4 left").replace("%1", d.department)
            .replace("%2", str(d.places)).replace("%3", str(d.taken)).replace("%4", str(d.left))
            for d in status.departments))
