"""概览 on 首页: the members' charts, this year's aid, the 疗休养 places and the contracts, one
row each; and the drawer an area's page shows its own charts in, above its list.

Clicking a bar asks the main window for the list behind it (``picked``: page, pick).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.widgets.chart_panel import ChartPanel
from gonghui_desk.ui.widgets.charts_areas import AidCharts, ContractChart, QuotaChart
from gonghui_desk.ui.widgets.charts_members import MemberCharts


class OverviewCharts(QGroupBox):
    picked = Signal(str, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Overview"), parent)
        self.setObjectName("overview")
        self.members = MemberCharts(context)
        self.aid = AidCharts(context)
        self.quota = QuotaChart(context)
        self.contracts = ContractChart(context)
        layout = QVBoxLayout(self)
        layout.addWidget(self.members)
        layout.addWidget(self.aid)
        last = QHBoxLayout()
        last.addWidget(self.quota, 1)
        last.addWidget(self.contracts, 1)
        layout.addLayout(last)
        for panel in self.panels():
            panel.read_after_shown = True  # 首页's own figures first, the charts after
            panel.picked.connect(self.picked)

    def panels(self) -> tuple[ChartPanel, ...]:
        return (self.members, self.aid, self.quota, self.contracts)


class ChartDrawer(QWidget):
    """A page's charts under a 图表 button that folds them away, to leave the list the room
    on a small screen; folded, the charts read nothing until opened."""

    def __init__(self, panel: ChartPanel, *, opened: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.toggle = QToolButton()
        self.toggle.setObjectName("charts_toggle")
        self.toggle.setText(self.tr("Charts"))
        self.toggle.setToolTip(self.tr("Show or hide the charts; click a bar to see the list "
                                       "behind it"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self.set_open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(panel)
        self.toggle.setChecked(opened)
        self.set_open(opened)

    def set_open(self, opened: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.panel.setVisible(opened)
