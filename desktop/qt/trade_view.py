"""The trade panel: turnover, exports and imports of the selected partner by year, partial periods
apart, the other sources' figures as markers that can be hidden, the targets against the actuals,
several partners compared, export of the chart (PNG, SVG) and of its numbers (CSV).

This module imports pyqtgraph: the window imports it only when the trade view is first shown.
Curves are built once and updated with ``setData``; targets are light Qt line items.
"""
from __future__ import annotations

import math
import os

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLineF, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import (QCheckBox, QGraphicsLineItem, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QScrollArea, QSplitter, QStyle,
                               QToolButton, QVBoxLayout, QWidget)

from desktop.core.trade import MEASURES, TargetLine, TradePlot, TradePoint, period_months, target_lines, trade_plot
from desktop.data.repository import Repository
from desktop.qt.agreements_model import format_partial_date
from desktop.qt.crash import contained
from desktop.qt.i18n import current_language
from desktop.qt.files import SVG, save_dialog, save_png, save_rendered
from desktop.qt.plaintext import escape
from desktop.qt.selection import SelectionState

CSV_COLUMNS = ("partner", "layer", "measure", "year", "period", "value_usd_m", "statistics", "qualifier",
               "preferred", "growth_needed_pct", "stated_on", "stated_by", "record")

# Okabe–Ito: told apart with the common colour-vision deficiencies
MEASURE_COLOURS = {"turnover": QColor("#000000"), "exports": QColor("#0072b2"), "imports": QColor("#d55e00")}
COMPARE_PALETTE = [QColor(c) for c in ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
                                       "#f0e442", "#000000")]
COMPARE_STYLES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine]
OTHER_SYMBOLS = {"partner": "d", "other": "s", "unknown": "t", "kazakh": "x"}
TARGET_COLOUR = QColor("#7a3e9d")
BILLION_FROM = 2000.0  # USD million: above this the axis counts in billions


def _pen(colour: QColor, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    return pen


class MoneyAxis(pg.AxisItem):
    """USD million or billion in the UI language's number format; never an SI prefix."""

    def __init__(self):
        super().__init__("left")
        self.enableAutoSIPrefix(False)
        self.billions = False

    def tickStrings(self, values, scale, spacing):
        loc = QLocale()
        if self.billions:
            decimals = 0 if spacing >= 1000 else (1 if spacing >= 100 else 2)
            return [loc.toString(v / 1000.0, "f", decimals) for v in values]
        decimals = 0 if spacing >= 1 else 1
        return [loc.toString(v, "f", decimals) for v in values]


class YearAxis(pg.AxisItem):
    """Whole years, written without a thousands separator."""

    def __init__(self):
        super().__init__("bottom")
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):
        span = maxVal - minVal
        major = 1 if span <= 12 else (2 if span <= 24 else 5)
        first = math.ceil(minVal / major) * major
        majors = list(range(int(first), int(maxVal) + 1, major))
        minors = list(range(math.ceil(minVal), int(maxVal) + 1)) if major > 1 else []
        return [(major, majors), (1, [m for m in minors if m not in majors])]

    def tickStrings(self, values, scale, spacing):
        return [str(int(round(v))) for v in values]


class TargetItem(QGraphicsLineItem):
    """One target: a horizontal line at its value from the year stated to the horizon."""

    def __init__(self, line: TargetLine, x0: float, x1: float, emphasised: bool):
        super().__init__(QLineF(x0, line.value, x1, line.value))
        self.target_line = line
        colour = QColor(TARGET_COLOUR)
        if not emphasised:
            colour.setAlpha(150)
        self.setPen(_pen(colour, 2.5 if emphasised else 1.2,
                         Qt.PenStyle.DashLine if emphasised else Qt.PenStyle.DotLine))
        self.setZValue(5 if emphasised else 4)


class TradeView(QWidget):
    """The chart, its controls (other sources, compare, export) and the list of targets."""

    def __init__(self, repo: Repository, selection: SelectionState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tradeView")
        self.repo = repo
        self.selection = selection
        self.lang = current_language()
        self.partners = {p.iso3: p for p in repo.partners()}
        self.with_trade = repo.partners_with_trade()
        self.plot_data: TradePlot | None = None
        self.targets: list[TargetLine] = []
        self.compared: dict[str, list[TradePoint]] = {}
        self._hover_points: list[tuple[float, float, object]] = []  # x, y, () -> hover text

        pg.setConfigOptions(antialias=True, background="w", foreground="#222222")
        self.money_axis = MoneyAxis()
        self.plot = pg.PlotWidget(axisItems={"left": self.money_axis, "bottom": YearAxis()})
        self.plot.setObjectName("tradePlot")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.getPlotItem().getAxis("left").setStyle(maxTickLevel=0)
        self.plot.getPlotItem().getViewBox().sigRangeChanged.connect(self._range_changed)
        # the legend sits in its own row below the x axis, never over the data
        self.legend = pg.LegendItem(colCount=3, labelTextSize="9pt", verSpacing=-6, horSpacing=12)
        self.plot.getPlotItem().layout.addItem(self.legend, 4, 1)
        self.lines = {m: self.plot.plot([], [], pen=_pen(MEASURE_COLOURS[m], 2.4 if m == "turnover" else 1.8),
                                        symbol="o", symbolSize=6, symbolBrush=MEASURE_COLOURS[m],
                                        symbolPen=_pen(MEASURE_COLOURS[m], 1), connect="finite")
                      for m in MEASURES}
        self.partial_items = {m: pg.ScatterPlotItem(symbol="o", size=9, pen=_pen(MEASURE_COLOURS[m], 1.6),
                                                    brush=QColor(255, 255, 255)) for m in MEASURES}
        self.other_items = {s: pg.ScatterPlotItem(symbol=sym, size=9) for s, sym in OTHER_SYMBOLS.items()}
        for item in (*self.partial_items.values(), *self.other_items.values()):
            self.plot.addItem(item)
        self.target_items: list[TargetItem] = []
        self.labels: list[pg.TextItem] = []
        self.compare_items: dict[str, pg.PlotDataItem] = {}
        self.target_legend = pg.PlotDataItem([], [], pen=_pen(TARGET_COLOUR, 2.5, Qt.PenStyle.DashLine))
        self.plot.addItem(self.target_legend)
        self.cross_v = pg.InfiniteLine(angle=90, movable=False, pen=_pen(QColor(120, 120, 120), 1, Qt.PenStyle.DotLine))
        self.cross_h = pg.InfiniteLine(angle=0, movable=False, pen=_pen(QColor(120, 120, 120), 1, Qt.PenStyle.DotLine))
        self.hover = pg.TextItem(anchor=(0, 1), color="#111111", fill=pg.mkBrush(255, 255, 255, 230),
                                 border=pg.mkPen("#888888"))
        for item in (self.cross_v, self.cross_h, self.hover):
            item.setVisible(False)
            item.setZValue(100)
            self.plot.addItem(item, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

        # controls
        self.others_box = QCheckBox(self, objectName="tradeOthers")
        self.others_box.setChecked(True)
        self.others_box.toggled.connect(self._others_toggled)
        self.targets_box = QCheckBox(self, objectName="tradeTargets")
        self.targets_box.setChecked(True)
        self.targets_box.toggled.connect(lambda _: self.replot())
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.others_box)
        bar.addWidget(self.targets_box)
        bar.addStretch(1)
        for key, slot in (("export_png", self.export_png_dialog), ("export_svg", self.export_svg_dialog),
                          ("export_csv", self.export_csv_dialog)):
            button = QToolButton(self, objectName=f"trade_{key}")
            button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)

        self.compare_title = QLabel(self, objectName="tradeCompareTitle")
        bold = QFont(self.compare_title.font())
        bold.setBold(True)
        self.compare_title.setFont(bold)
        self.compare_filter = QLineEdit(self, objectName="tradeCompareFilter")
        self.compare_filter.setClearButtonEnabled(True)
        self.compare_filter.textChanged.connect(self._filter_compare)
        self.compare_list = QListWidget(self, objectName="tradeCompareList")
        self.compare_list.itemChanged.connect(self._compare_changed)
        self.targets_title = QLabel(self, objectName="tradeTargetsTitle")
        self.targets_title.setFont(bold)
        self.targets_text = QLabel(self, objectName="tradeTargetsText")
        self.targets_text.setWordWrap(True)
        self.targets_text.setTextFormat(Qt.TextFormat.RichText)
        self.targets_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.targets_text)
        self.note = QLabel(self, objectName="tradeNote")
        self.note.setWordWrap(True)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.compare_title)
        side_layout.addWidget(self.compare_filter)
        side_layout.addWidget(self.compare_list, 1)
        side_layout.addWidget(self.targets_title)
        side_layout.addWidget(scroll, 2)
        side.setMinimumWidth(240)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.plot, 1)
        left_layout.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("tradeSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([780, 290])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self._fill_compare_list()
        selection.partner_selected.connect(lambda _: self.replot())
        self._retranslate()
        self.replot()

    # ------------------------------------------------------------------ words

    def _stats_label(self, statistics: str) -> str:
        partner = self.partners.get(self.plot_data.partner) if self.plot_data else None
        name = partner.name(self.lang) if partner else ""
        return {"kazakh": self.tr("Kazakhstan's statistics"),
                "partner": self.tr("{partner}'s statistics").format(partner=name) if name
                else self.tr("the partner's statistics"),
                "other": self.tr("another source"),
                "unknown": self.tr("source not stated")}.get(statistics, statistics)

    def _measure_label(self, measure: str) -> str:
        return {"turnover": self.tr("Turnover"), "exports": self.tr("Exports from Kazakhstan"),
                "imports": self.tr("Imports to Kazakhstan")}[measure]

    def period_label(self, point: TradePoint) -> str:
        """'2024' for a full year, 'Jan–Jun 2024' for a part of it."""
        if point.period == "FY":
            return str(point.year)
        loc = self.locale()
        last = loc.standaloneMonthName(period_months(point.period), QLocale.FormatType.ShortFormat)
        first = loc.standaloneMonthName(1, QLocale.FormatType.ShortFormat)
        return f"{first}–{last} {point.year}"

    def money(self, value: float) -> str:
        """'$3.4 bn' or '$640 m' in the UI language's number format."""
        loc = self.locale()
        if abs(value) >= 1000:
            return self.tr("${n} bn").format(n=loc.toString(value / 1000.0, "f", 1 if value % 1000 else 0))
        return self.tr("${n} m").format(n=loc.toString(value, "f", 0 if float(value).is_integer() else 1))

    def _qualified(self, point: TradePoint) -> str:
        text = self.money(point.value)
        return {"approx": self.tr("about {v}"), "lower_bound": self.tr("over {v}"),
                "upper_bound": self.tr("under {v}")}.get(point.qualifier, "{v}").format(v=text)

    # ------------------------------------------------------------------ language

    @contained
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language()
            self._retranslate()
            self._fill_compare_list()
            self.replot()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.others_box.setText(self.tr("Other sources' figures"))
        self.others_box.setToolTip(self.tr("Show the figures of the partner's statistics and other sources where "
                                           "they differ from the preferred one"))
        self.targets_box.setText(self.tr("Targets"))
        for key, text, tip in (("export_png", self.tr("PNG…"), self.tr("Save the chart as a PNG image")),
                               ("export_svg", self.tr("SVG…"), self.tr("Save the chart as an SVG drawing")),
                               ("export_csv", self.tr("CSV…"), self.tr("Save the plotted numbers as CSV"))):
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self.compare_title.setText(self.tr("Compare turnover with"))
        self.compare_filter.setPlaceholderText(self.tr("Filter partners"))
        self.targets_title.setText(self.tr("Targets announced"))
        self.plot.setLabel("bottom", self.tr("Year"))
        self._axis_label()
        self.note.setText(self.tr("Values in US dollars, seen from Kazakhstan. Hollow markers are parts of a year "
                                  "(not comparable with a full year); other markers are figures of other sources."))

    # ------------------------------------------------------------------ compare list

    def records_changed(self, changes) -> None:
        """After an edit: figures, targets and partners are read and drawn again."""
        if not changes.touches("trade", "target", "partner", "source"):
            return
        self.partners = {p.iso3: p for p in self.repo.partners()}
        self.with_trade = self.repo.partners_with_trade()
        self.compared = {iso3: trade_plot(iso3, self.repo.trade_series(iso3)).lines["turnover"]
                         for iso3 in self.compared if iso3 in self.with_trade}
        self._fill_compare_list()
        self.replot()

    def _fill_compare_list(self) -> None:
        checked = set(self.compared)
        self.compare_list.blockSignals(True)
        self.compare_list.clear()
        for iso3 in self.with_trade:
            partner = self.partners.get(iso3)
            item = QListWidgetItem(partner.name(self.lang) if partner else iso3)
            item.setData(Qt.ItemDataRole.UserRole, iso3)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if iso3 in checked else Qt.CheckState.Unchecked)
            self.compare_list.addItem(item)
        self.compare_list.blockSignals(False)
        self._filter_compare(self.compare_filter.text())

    def _filter_compare(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.compare_list.count()):
            item = self.compare_list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold()
                           and needle not in item.data(Qt.ItemDataRole.UserRole).casefold())

    def _compare_changed(self, item: QListWidgetItem) -> None:
        iso3 = item.data(Qt.ItemDataRole.UserRole)
        self.set_compared(iso3, item.checkState() == Qt.CheckState.Checked)

    def set_compared(self, iso3: str, on: bool) -> None:
        """Add or remove a partner's turnover line."""
        wanted = set(self.compared) | {iso3} if on else set(self.compared) - {iso3}
        self.set_compared_partners(wanted)

    def set_compared_partners(self, codes) -> None:
        """Compare exactly these partners' turnover (one redraw)."""
        codes = set(codes)
        for iso3 in list(self.compared):
            if iso3 not in codes:
                del self.compared[iso3]
        for iso3 in sorted(codes - set(self.compared)):
            self.compared[iso3] = trade_plot(iso3, self.repo.trade_series(iso3)).lines["turnover"]
        self.compare_list.blockSignals(True)
        for i in range(self.compare_list.count()):
            item = self.compare_list.item(i)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self.compare_list.blockSignals(False)
        self.replot()

    # ------------------------------------------------------------------ plotting

    def replot(self) -> None:
        """Draw the selected partner (with the partners compared), or every partner's turnover."""
        iso3 = self.selection.partner
        self._hover_points = []
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        for item in self.target_items:
            self.plot.removeItem(item)
        self.target_items = []
        self._legend_wanted: list[tuple[object, str]] = []
        if iso3 is None:
            self.plot_data = None
            self.targets = []
            for item in (*self.lines.values(), *self.partial_items.values(), *self.other_items.values()):
                item.setData([], [])
            compared = {code: trade_plot(code, self.repo.trade_series(code)).lines["turnover"]
                        for code in self.with_trade}
            compared.update(self.compared)
            self._draw_compared(compared)
            self._set_title(self.tr("Trade turnover with each partner"))
            self.targets_text.setText(self.tr("Choose a partner to see its targets."))
        else:
            self.plot_data = trade_plot(iso3, self.repo.trade_series(iso3))
            self.targets = target_lines(self.repo.targets(iso3), self.plot_data)
            self._draw_partner(self.plot_data)
            self._draw_compared({k: v for k, v in self.compared.items() if k != iso3})
            if self.targets_box.isChecked():
                self._draw_targets()
            partner = self.partners.get(iso3)
            self._set_title(self.tr("Trade with {partner}").format(partner=partner.name(self.lang) if partner else iso3))
            self.targets_text.setText(self._targets_html())
        self._show_legend()
        self._fit()
        self._range_changed()

    def _set_title(self, title: str) -> None:
        """The chart's title (``title_text``); pyqtgraph renders titles as HTML, so the text is escaped."""
        self.title_text = title
        self.plot.setTitle(escape(title))

    def _show_legend(self) -> None:
        """Rebuild the legend only when its entries change (rebuilding costs a few ms per entry). pyqtgraph
        renders the names as HTML: they are escaped (partner names come from the data)."""
        wanted = [(id(item), name) for item, name in self._legend_wanted]
        if wanted == getattr(self, "_legend_shown", None):
            return
        self.legend.clear()
        for item, name in self._legend_wanted:
            self.legend.addItem(item, escape(name))
        self._legend_shown = wanted

    def _fit(self) -> None:
        """Years of the data and targets, with room for the labels; money from zero."""
        xs, ys = [], []
        for x, y, _ in self._hover_points:
            xs.append(x)
            ys.append(y)
        for item in self.target_items:
            xs += [item.line().x1(), item.line().x2()]
            ys.append(item.line().y1())
        box = self.plot.getPlotItem().getViewBox()
        if not xs:
            box.enableAutoRange()
            return
        box.setRange(xRange=(min(xs) - 0.8, max(xs) + 0.8), yRange=(0, max(ys) * 1.12 or 1.0), padding=0)

    def _draw_partner(self, data: TradePlot) -> None:
        years = data.years()
        for measure, item in self.lines.items():
            points = data.lines[measure]
            if points and years:
                xs = np.arange(years[0], years[-1] + 1, dtype=float)
                ys = np.full(xs.shape, np.nan)
                for p in points:
                    ys[p.year - years[0]] = p.value
                item.setData(xs, ys)  # a year without a figure is a gap (NaN), not interpolated
                self._legend_wanted.append((item, self._measure_label(measure)))
            else:
                item.setData([], [])
            for p in points:
                self._hover_points.append((p.year, p.value, lambda p=p: self._point_text(p)))
        for measure, item in self.partial_items.items():
            points = data.partials[measure]
            item.setData([self._partial_x(p) for p in points], [p.value for p in points])
            for p in points:
                x = self._partial_x(p)
                self._hover_points.append((x, p.value, lambda p=p: self._point_text(p)))
                if measure == "turnover":
                    label = pg.TextItem(self.period_label(p), color=MEASURE_COLOURS[measure], anchor=(0.5, 1.3))
                    label.setPos(x, p.value)
                    self.plot.addItem(label)
                    self.labels.append(label)
        if any(data.partials[m] for m in MEASURES):
            self._legend_wanted.append((self.partial_items["turnover"], self.tr("Part of a year")))
        shown = self.others_box.isChecked()
        for statistics, item in self.other_items.items():
            points = [p for m in MEASURES for p in data.others[m] if p.statistics == statistics]
            spots = [{"pos": (p.year if p.period == "FY" else self._partial_x(p), p.value),
                      "brush": MEASURE_COLOURS[p.measure], "pen": _pen(MEASURE_COLOURS[p.measure], 1)}
                     for p in points]
            item.setData(spots)
            item.setVisible(shown)
            if points:
                self._legend_wanted.append((item, self._stats_label(statistics)))
                if shown:
                    for p in points:
                        x = p.year if p.period == "FY" else self._partial_x(p)
                        self._hover_points.append((x, p.value, lambda p=p: self._point_text(p)))

    @staticmethod
    def _partial_x(p: TradePoint) -> float:
        """A part of a year sits inside its year, by the months it covers (Jan–Jun 2024 at 2024.0 - 0.25)."""
        return p.year - 0.5 + p.months / 24.0

    def _draw_compared(self, compared: dict[str, list[TradePoint]]) -> None:
        for iso3, item in list(self.compare_items.items()):
            if iso3 not in compared:
                self.plot.removeItem(item)
                del self.compare_items[iso3]
        for n, (iso3, points) in enumerate(sorted(compared.items())):
            colour = COMPARE_PALETTE[n % len(COMPARE_PALETTE)]
            style = COMPARE_STYLES[(n // len(COMPARE_PALETTE)) % len(COMPARE_STYLES)]
            item = self.compare_items.get(iso3)
            if item is None:
                item = pg.PlotDataItem(connect="finite")
                self.plot.addItem(item)
                self.compare_items[iso3] = item
            item.setPen(_pen(colour, 1.8, style))
            item.setSymbol("o")
            item.setSymbolSize(4)
            item.setSymbolBrush(colour)
            item.setSymbolPen(_pen(colour, 1))
            if points:
                first, last = points[0].year, points[-1].year
                xs = np.arange(first, last + 1, dtype=float)
                ys = np.full(xs.shape, np.nan)
                for p in points:
                    ys[p.year - first] = p.value
                item.setData(xs, ys)
            else:
                item.setData([], [])
            partner = self.partners.get(iso3)
            name = partner.name(self.lang) if partner else iso3
            self._legend_wanted.append((item, name))
            for p in points:
                self._hover_points.append((p.year, p.value, lambda p=p, name=name: f"<b>{escape(name)}</b><br>"
                                           + self._point_text(p)))

    def _draw_targets(self) -> None:
        data = self.plot_data
        years = data.years() if data else []
        last_year = max([*years, *(t.horizon_year or 0 for t in self.targets), *(t.start_year or 0 for t in self.targets)]
                        or [2025])
        groups: dict[tuple, list[TargetLine]] = {}
        for line in self.targets:
            if line.value is None:
                continue
            x0 = float(line.start_year if line.start_year is not None else (years[0] if years else last_year))
            x1 = float(line.horizon_year if line.horizon_year is not None else last_year + 1)
            item = TargetItem(line, x0, max(x1, x0 + 0.5), line.emphasised)
            self.plot.addItem(item)
            self.target_items.append(item)
            groups.setdefault((line.measure, line.value), []).append(line)
            self._hover_points.append((x1, line.value, lambda line=line: self._target_text([line])))
        # one label per value: the latest preferred statement of it (the list beside the chart has them all);
        # above its line, or below it when the label above would sit on the previous one; starting at the
        # line's start in the left half of the chart, ending at its end in the right half
        xs = [*years, *(float(t.start_year) for t in self.targets if t.start_year is not None), last_year + 1.0]
        left, right = min(xs), max(xs)
        values = [v for (_, v) in groups]
        spread = (max(values + [p.value for pts in data.lines.values() for p in pts]) if values else 1.0) or 1.0
        ordered = sorted(groups.items(), key=lambda kv: kv[0][1])
        for i, ((measure, value), lines) in enumerate(ordered):
            emphasised = [t for t in lines if t.emphasised]
            start = min((t.start_year for t in lines if t.start_year is not None), default=None)
            x0 = float(start if start is not None else left)
            x1 = max(float(t.horizon_year if t.horizon_year is not None else last_year + 1) for t in lines)
            # below its line when the next value up is close (that one's label goes above its own line)
            below = i + 1 < len(ordered) and ordered[i + 1][0][1] - value < 0.06 * spread
            at_end = x1 - left >= (right - left) / 2  # long enough to the left of its end for the text
            label = pg.TextItem(self._target_label(emphasised or lines),
                                color=TARGET_COLOUR if emphasised else "#8d6aa3",
                                anchor=(1 if at_end else 0, -0.05 if below else 1.05))
            if emphasised:
                font = QFont(self.font())
                font.setBold(True)
                label.setFont(font)
            label.setPos(x1 if at_end else x0, value)
            self.plot.addItem(label)
            self.labels.append(label)
        if self.target_items:
            self._legend_wanted.append((self.target_legend, self.tr("Target")))

    def _target_label(self, lines: list[TargetLine]) -> str:
        latest = max(lines, key=lambda t: t.target.stated_on or "")
        t = latest.target
        who = (t.stated_by_ru or t.stated_by_en) if self.lang == "ru" else (t.stated_by_en or t.stated_by_ru)
        who = (who or self.tr("announcer not recorded")).split(" (")[0]
        if len(who) > 32:  # the list beside the chart has it whole
            who = who[:31].rstrip() + "…"
        when = format_partial_date(t.stated_on, self.locale()) if t.stated_on else self.tr("date not recorded")
        value = self.money(latest.value)
        if latest.measure != "turnover":
            value = self.tr("{measure}: {value}").format(measure=self._measure_label(latest.measure), value=value)
        text = self.tr("{value} — {who}, {when}").format(value=value, who=who, when=when)
        if latest.horizon_year is not None:
            text += " " + self.tr("(by {year})").format(year=latest.horizon_year)
        if latest.growth is not None:
            text += "; " + self.growth_text(latest)
        if len(lines) > 1:
            text += " " + self.tr("(stated {n} times)").format(n=len(lines))
        return text

    def growth_text(self, line: TargetLine) -> str:
        if line.growth is None:
            return ""
        loc = self.locale()
        sign = "+" if line.growth >= 0 else "−"
        return self.tr("needs {sign}{pct}% a year from {year}").format(
            sign=sign, pct=loc.toString(abs(line.growth) * 100, "f", 1), year=line.base.year)

    def _target_text(self, lines: list[TargetLine]) -> str:
        return escape(self._target_label(lines))

    def _targets_html(self) -> str:
        if not self.targets:
            return self.tr("No target is recorded for this partner.")
        rows = []
        for line in sorted(self.targets, key=lambda t: (t.target.stated_on or ""), reverse=True):
            t = line.target
            who = (t.stated_by_ru or t.stated_by_en) if self.lang == "ru" else (t.stated_by_en or t.stated_by_ru)
            when = format_partial_date(t.stated_on, self.locale()) if t.stated_on else self.tr("date not recorded")
            if line.value is not None:
                what = self.money(line.value)
            elif t.multiplier:
                what = self.tr("×{m} (base not stated)").format(m=self.locale().toString(t.multiplier, "g", 3))
            else:
                what = self.tr("value not recorded")
            horizon = (self.tr("by {year}").format(year=line.horizon_year) if line.horizon_year
                       else ((t.horizon_note_ru or t.horizon_note_en) if self.lang == "ru"
                             else (t.horizon_note_en or t.horizon_note_ru)) or self.tr("no deadline given"))
            extra = ""
            if line.growth is not None:
                extra = "; " + self.growth_text(line)
            elif line.horizon_passed and line.base is not None:
                extra = "; " + self.tr("horizon passed ({year}: {value})").format(
                    year=line.base.year, value=self.money(line.base.value))
            mark = "" if line.emphasised else " " + self.tr("(not the preferred statement)")
            measure = "" if line.measure == "turnover" else f" [{self._measure_label(line.measure)}]"
            text = f"{what}{measure}, {horizon}{extra} — {who or self.tr('announcer not recorded')}, {when}{mark}"
            rows.append(("<b>" if line.emphasised else "") + escape(text) + ("</b>" if line.emphasised else ""))
        return "<br>".join(rows)

    def _point_text(self, p: TradePoint) -> str:
        source = self.repo.sources_of("trade", p.record_id)
        title = (source[0].title or source[0].url or "") if source else self.tr("no source recorded")
        return "<br>".join(escape(s) for s in (
            f"{self._measure_label(p.measure)}, {self.period_label(p)}",
            self._qualified(p), self._stats_label(p.statistics), title))

    # ------------------------------------------------------------------ axis, crosshair, layers

    def _range_changed(self, *_args) -> None:
        (_, _), (y0, y1) = self.plot.getPlotItem().getViewBox().viewRange()
        billions = max(abs(y0), abs(y1)) >= BILLION_FROM
        if billions != self.money_axis.billions or not self.plot.getPlotItem().getAxis("left").labelText:
            self.money_axis.billions = billions
            self._axis_label()

    def _axis_label(self) -> None:
        self.plot.setLabel("left", self.tr("USD billion") if self.money_axis.billions else self.tr("USD million"))
        self.money_axis.picture = None  # redraw the tick texts (units or language changed)
        self.money_axis.update()

    def _others_toggled(self, on: bool) -> None:
        self.replot()

    def _mouse_moved(self, pos: QPointF) -> None:
        box = self.plot.getPlotItem().getViewBox()
        if not self.plot.sceneBoundingRect().contains(pos) or not self._hover_points:
            self._hide_hover()
            return
        best, best_d = None, 12.0  # pixels
        for x, y, text in self._hover_points:
            scene = box.mapViewToScene(QPointF(x, y))
            d = math.hypot(scene.x() - pos.x(), scene.y() - pos.y())
            if d < best_d:
                best, best_d = (x, y, text), d
        if best is None:
            self._hide_hover()
            return
        x, y, make_text = best
        text = make_text()  # made on hover: a source lookup per point would slow every redraw
        self.cross_v.setPos(x)
        self.cross_h.setPos(y)
        self.hover.setHtml(f"<div style='font-size:9pt'>{text}</div>")
        self.hover.setPos(x, y)
        for item in (self.cross_v, self.cross_h, self.hover):
            item.setVisible(True)

    def _hide_hover(self) -> None:
        for item in (self.cross_v, self.cross_h, self.hover):
            item.setVisible(False)

    def hover_at(self, x: float, y: float) -> str | None:
        """Move the mouse over the data point (x, y) and return the hover text shown (tests, scripts)."""
        box = self.plot.getPlotItem().getViewBox()
        self._mouse_moved(box.mapViewToScene(QPointF(x, y)))
        return self.hover.textItem.toPlainText() if self.hover.isVisible() else None

    # ------------------------------------------------------------------ export

    def plotted_rows(self) -> list[dict]:
        """The numbers on the chart, one row per plotted value (what the CSV holds)."""
        rows = []
        if self.plot_data is not None:
            for layer, p in self.plot_data.all_points():
                if layer == "other" and not self.others_box.isChecked():
                    continue
                rows.append(self._row(self.plot_data.partner, layer, p))
        for iso3, points in sorted(self.compared.items()) if self.plot_data is not None else sorted(
                {c: trade_plot(c, self.repo.trade_series(c)).lines["turnover"] for c in self.with_trade}.items()):
            if self.plot_data is not None and iso3 == self.plot_data.partner:
                continue
            rows += [self._row(iso3, "compare", p) for p in points]
        if self.plot_data is not None and self.targets_box.isChecked():
            for line in self.targets:
                if line.value is None:
                    continue
                t = line.target
                rows.append({"partner": self.plot_data.partner, "layer": "target", "measure": line.measure,
                             "year": line.horizon_year or "", "period": "", "value_usd_m": line.value,
                             "statistics": "", "qualifier": "", "preferred": t.is_preferred is not False,
                             "growth_needed_pct": round(line.growth * 100, 2) if line.growth is not None else "",
                             "stated_on": t.stated_on or "", "stated_by": t.stated_by_en or "", "record": t.uid})
        return rows

    def _row(self, iso3: str, layer: str, p: TradePoint) -> dict:
        return {"partner": iso3, "layer": layer, "measure": p.measure, "year": p.year, "period": p.period,
                "value_usd_m": p.value, "statistics": p.statistics, "qualifier": p.qualifier,
                "preferred": p.preferred is not False, "growth_needed_pct": "", "stated_on": "", "stated_by": "",
                "record": self.repo.db.conn.execute("SELECT uid FROM trade_figures WHERE id = ?",
                                                    (p.record_id,)).fetchone()[0]}

    def export_csv(self, path: str | os.PathLike[str]) -> None:
        """The plotted numbers as CSV, through the exporters' writer (BOM, formulas neutralised, atomic)."""
        from desktop.export.writers import write_csv

        write_csv(path, CSV_COLUMNS, self.plotted_rows())

    def export_png(self, path: str | os.PathLike[str]) -> None:
        """The chart as a PNG image (made in memory, checked whole, written whole or not at all)."""
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = max(1200, self.plot.width() * 2)
        save_png(path, exporter.export(toBytes=True), self.tr("the image could not be written"))

    def export_svg(self, path: str | os.PathLike[str]) -> None:
        """The chart as an SVG drawing (vector), through Qt's SVG generator: pyqtgraph's own exporter
        cannot read the paths that Qt 6.12 writes. Made in memory, checked whole, written whole or not at all
        (written to a file, QSvgGenerator would not report a full disk)."""
        from PySide6.QtCore import QIODevice, QRectF
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        size = self.plot.size()

        def draw(device: QIODevice) -> bool:
            generator = QSvgGenerator()
            generator.setOutputDevice(device)
            generator.setSize(size)
            generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
            generator.setTitle(self.title_text)
            painter = QPainter()
            if not painter.begin(generator):
                return False
            self.plot.render(painter)
            return painter.end()
        save_rendered(path, draw, SVG, self.tr("the drawing could not be written"))

    def _export_dialog(self, title: str, pattern: str, suffix: str, write) -> None:
        name = (self.plot_data.partner if self.plot_data else "all").lower()
        save_dialog(self, title, f"trade-{name}.{suffix}", pattern, suffix, write,
                    self.tr("The chart could not be saved to {path}: {error}"))

    def export_png_dialog(self) -> None:
        self._export_dialog(self.tr("Save the chart as PNG"), self.tr("PNG images (*.png)"), "png", self.export_png)

    def export_svg_dialog(self) -> None:
        self._export_dialog(self.tr("Save the chart as SVG"), self.tr("SVG drawings (*.svg)"), "svg", self.export_svg)

    def export_csv_dialog(self) -> None:
        self._export_dialog(self.tr("Save the numbers as CSV"), self.tr("CSV files (*.csv)"), "csv", self.export_csv)

    # ------------------------------------------------------------------ state

    def save_state(self, settings) -> None:
        settings.set_splitter("trade", self.splitter.saveState())

    def restore_state(self, settings) -> None:
        state = settings.splitter("trade")
        if state is not None:
            self.splitter.restoreState(state)

    def complete(self) -> None:
        """Nothing is deferred in this view (the window calls it on every view)."""
