"""Bar charts of tallies (QtCharts): a vote's for / against / abstain, or a ballot's answers per question."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ecabinet.ui.voting.common import CHOICE_COLOURS
from ecabinet.voting.rules import Tally


def value_range(largest: int) -> tuple[int, int]:
    """The value axis: (top, step) in whole numbers, the top a multiple of the step, at most six steps."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if -(-largest // step) <= 6:
            return -(-largest // step) * step, step
    return largest, largest


class TallyChart(QChartView):
    """One group of three bars per category (a motion, or a question), the counts printed on the bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallyChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 10)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # it is redrawn on every poll
        chart.setBackgroundVisible(False)
        self.setBackgroundBrush(QColor("#ffffff"))  # the page's white, not the palette's grey
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setShowToolTips(True)  # a narrow chart elides the names
        legend_font = QFont(self.font())
        legend_font.setPointSizeF(max(7.0, legend_font.pointSizeF() * 0.85))
        chart.legend().setFont(legend_font)
        self.series = QBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsPrecision(6)
        self.sets = [QBarSet("") for _ in CHOICE_COLOURS]
        for bar_set, colour in zip(self.sets, CHOICE_COLOURS, strict=True):
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor("#1d2430"))
            self.series.append(bar_set)
        chart.addSeries(self.series)
        self.axis_x = QBarCategoryAxis()
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.axis_y.setMinorTickCount(0)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.axis_x)
        self.series.attachAxis(self.axis_y)
        self.setChart(chart)
        self._categories: list[str] = []
        self.set_tallies([], [])

    def set_names(self, yes: str, no: str, other: str) -> None:
        """The legend: the three choices in the current language."""
        for bar_set, name in zip(self.sets, (yes, no, other), strict=True):
            bar_set.setLabel(name)
        self._describe()

    def set_tallies(self, categories: Sequence[str], tallies: Sequence[Tally], maximum: int = 0) -> None:
        """Show one group per category; the value axis runs to `maximum` (e.g. all members) or the largest bar."""
        self._categories = list(categories)
        for n, bar_set in enumerate(self.sets):
            if bar_set.count():
                bar_set.remove(0, bar_set.count())
            bar_set.append([float((t.yes, t.no, t.other)[n]) for t in tallies])
        self.axis_x.clear()
        if categories:
            self.axis_x.append(list(categories))
        tallest = max([0, *(max(t.yes, t.no, t.other) for t in tallies)])
        top, step = value_range(max(maximum, tallest + 1, 1))  # room above the tallest bar for its label
        self.axis_y.setRange(0, top)
        self.axis_y.setTickCount(top // step + 1)
        self._describe()

    def values(self) -> list[tuple[int, int, int]]:
        """The bars as drawn: (yes, no, other) per category."""
        count = self.sets[0].count()
        return [tuple(int(s.at(i)) for s in self.sets) for i in range(count)]  # type: ignore[misc]

    def categories(self) -> list[str]:
        return list(self._categories)

    def _describe(self) -> None:
        """The numbers in words, for a screen reader and a tooltip (a chart cannot take the focus)."""
        names = [s.label() for s in self.sets]
        lines = [
            f"{category}: " + ", ".join(f"{name} {value}" for name, value in zip(names, row, strict=True))
            for category, row in zip(self._categories, self.values(), strict=False)
        ]
        text = "\n".join(lines)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
