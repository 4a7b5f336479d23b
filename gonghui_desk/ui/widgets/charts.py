"""Bar charts drawn with Qt's own charts, the pieces every area's chart is built of.

A ``BarChart`` shows whole numbers (people, contracts, places) or yuan, with thousands
separators from the locale, on category axes that keep their labels whole; clicking a bar
emits ``picked`` with the category's and the set's index, which the areas turn into the
list behind the bar. Figures come in as plain lists; the chart knows no service.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gonghui_desk.ui.style import MUTED

# Colours told apart by people with the commonest colour blindness as well (Okabe–Ito).
COLOURS = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#999999")
CHART_HEIGHT = 270  # three charts and a title fit on a 768-pixel screen's page
CHART_WIDTH = 220  # three side by side fit 首页 in the window a 1366-pixel laptop opens
LABEL = "#222222"


def grouped(count: int | float) -> str:
    """A figure as the charts print it: 12,345 (yuan with two decimals elsewhere)."""
    return QLocale().toString(float(count), "f", 0) if isinstance(count, float) else (
        QLocale().toString(count))


class BarChart(QChartView):
    """Bars over categories, one ``QBarSet`` per series of figures."""

    picked = Signal(int, int)  # category index, set index

    def __init__(self, title: str, *, horizontal: bool = False, stacked: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.stacked = stacked
        self.base_title = title
        chart = QChart()
        chart.setLocalizeNumbers(True)  # 12,345 on the axis and on the bars
        chart.setLocale(QLocale())
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = chart.titleFont()
        font.setPointSizeF(self.font().pointSizeF() + 1)
        font.setBold(True)
        chart.setTitleFont(font)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(CHART_HEIGHT)
        self.setMinimumWidth(CHART_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.series: QAbstractBarSeries | None = None
        self.categories: list[str] = []
        self.set_names: list[str] = []
        self.tips: list[list[str]] = []
        self.set_title(title)

    def set_title(self, title: str) -> None:
        self.chart().setTitle(title)

    def show_bars(self, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[float]]],
                  *, tips: Sequence[Sequence[str]] | None = None, labels: bool = True,
                  decimals: int = 0, axis_title: str = "") -> None:
        """Draw ``sets`` (name, one figure per category); ``tips`` (per set, per category)
        are shown when the pointer rests on a bar; ``axis_title`` names the categories
        (月 under month numbers, which stay whole where 十一月 would be cut short)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.categories = list(categories)
        self.set_names = [name for name, _ in sets]
        self.tips = [list(t) for t in tips] if tips else [
            [f"{c}：{grouped(v)}" for c, v in zip(categories, values, strict=True)]
            for _, values in sets]
        kind = ((QHorizontalStackedBarSeries if self.stacked else QHorizontalBarSeries)
                if self.horizontal else (QStackedBarSeries if self.stacked else QBarSeries))
        series = kind()
        for index, (name, values) in enumerate(sets):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(COLOURS[index % len(COLOURS)]))
            bar_set.setBorderColor(QColor(COLOURS[index % len(COLOURS)]))
            bar_set.setLabelColor(QColor(LABEL))  # Qt's default is white, unseen beside a bar
            series.append(bar_set)
        if labels and not self.stacked:
            series.setLabelsVisible(True)
            series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
            series.setLabelsFormat("@value")
            series.setLabelsPrecision(12)
        series.setBarWidth(0.7)
        series.clicked.connect(self._clicked)
        series.hovered.connect(self._hovered)
        chart.addSeries(series)
        self.series = series
        chart.legend().setVisible(len(sets) > 1)
        category_axis = QBarCategoryAxis()
        category_axis.append(self.categories)
        if axis_title:
            category_axis.setTitleText(axis_title)
        if not self.horizontal and len(self.categories) > 8:  # twelve months: "12" stays whole
            small = category_axis.labelsFont()
            small.setPointSizeF(self.font().pointSizeF() * 0.8)
            category_axis.setLabelsFont(small)
        value_axis = QValueAxis()
        value_axis.setLabelFormat(f"%.{decimals}f")
        top = max((sum(col) if self.stacked else max(col, default=0))
                  for col in zip(*(v for _, v in sets), strict=True)) if sets and categories else 0
        # Room beyond the longest bar for its label; an empty chart still has a scale.
        value_axis.setRange(0, max(float(top) * (1.18 if labels else 1.05), 4.0))
        value_axis.applyNiceNumbers()
        value_axis.setMinorTickCount(0)
        value_axis.setLabelsColor(QColor(MUTED))
        if self.horizontal:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)

    def values(self, set_index: int) -> list[float]:
        """The figures drawn for one set (what a test or a reader checks)."""
        assert self.series is not None
        bar_set = self.series.barSets()[set_index]
        return [bar_set.at(i) for i in range(bar_set.count())]

    def _set_index(self, bar_set: QBarSet) -> int:
        assert self.series is not None
        return self.series.barSets().index(bar_set)

    def _clicked(self, index: int, bar_set: QBarSet) -> None:
        self.picked.emit(index, self._set_index(bar_set))

    def _hovered(self, state: bool, index: int, bar_set: QBarSet) -> None:
        # The pointing hand says a bar opens the list behind it.
        if state:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(QCursor.pos(), self.tips[self._set_index(bar_set)][index], self)
        else:
            self.viewport().unsetCursor()
            QToolTip.hideText()
