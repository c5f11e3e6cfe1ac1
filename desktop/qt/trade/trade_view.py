"""The trade panel: turnover, exports and imports of the selected partner by year, partial periods
apart, the other sources' figures as markers that can be hidden, the targets against the actuals,
several partners compared, export of the chart (PNG, SVG) and of its numbers (CSV).

This module imports pyqtgraph: the window imports it only when the trade view is first shown.
Curves are built once and updated with ``setData``; targets are light Qt line items.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLineF, QLocale, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsLineItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.edits import Changes, Kind
from desktop.core.records import pick
from desktop.core.trade import MEASURES, TargetLine, TradePlot, TradePoint, period_months, target_lines, trade_plot
from desktop.data.queries import record_uids
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import escape
from desktop.qt.shell.crash import contained
from desktop.qt.shell.files import save_dialog, save_png, save_svg
from desktop.qt.shell.selection import SelectionState
from desktop.qt.shell.source_kinds import source_kind

CSV_COLUMNS = ("partner", "layer", "measure", "year", "period", "value_usd_m", "statistics", "qualifier",
               "preferred", "growth_needed_pct", "stated_on", "stated_by", "record")

# Okabe–Ito: told apart with the common colour-vision deficiencies
MEASURE_COLOURS = {"turnover": QColor("#000000"), "exports": QColor("#0072b2"), "imports": QColor("#d55e00")}
# Partners compared: colours none of the measures or the targets use (Okabe–Ito's others, then two more), and
# dashes beside a partner's own solid lines
COMPARE_PALETTE = [QColor(c) for c in ("#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#7f7f7f",
                                       "#b8a000")]
COMPARE_STYLES = [Qt.PenStyle.DashLine, Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine]
OTHER_SYMBOLS = {"partner": "d", "other": "s", "unknown": "t", "kazakh": "x"}
TARGET_COLOUR = QColor("#7a3e9d")
BILLION_FROM = 2000.0  # USD million: above this the axis counts in billions
_MARKER_PX = 5.0  # the radius a label keeps clear around a plotted marker
SAVE_DIALOGS = {"export_png": "export_png_dialog", "export_svg": "export_svg_dialog",  # button: its dialog
                "export_csv": "export_csv_dialog"}


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
    """One target: from its start (the year stated at its level; the base year's figure for an increase or a
    multiple) to its value at the horizon (or the end of the chart). An estimate is drawn lighter and dotted."""

    def __init__(self, line: TargetLine, start: QPointF, end: QPointF, emphasised: bool):
        super().__init__(QLineF(start, end))
        self.target_line = line
        colour = QColor(TARGET_COLOUR)
        if line.estimate:
            colour.setAlpha(110)
        elif not emphasised:
            colour.setAlpha(150)
        style = Qt.PenStyle.DashLine if emphasised else Qt.PenStyle.DotLine
        self.setPen(_pen(colour, 2.5 if emphasised else 1.2, style))
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
        self.partner_plot: TradePlot | None = None
        self.targets: list[TargetLine] = []
        self.compared: dict[str, list[TradePoint]] = {}
        self._hover_points: list[tuple[float, float, Callable[[], str]]] = []  # x, y, () -> hover text
        self.target_items: list[TargetItem] = []
        self.labels: list[pg.TextItem] = []
        self.compare_items: dict[str, pg.PlotDataItem] = {}

        self._build_plot()
        self._build_series()
        self._build_hover()
        bar = self._build_controls()
        side = self._build_side_panel()
        self._build_layout(bar, side)
        self._connect()
        self._fill_compare_list()
        self._retranslate()
        self.replot()

    def _build_plot(self) -> None:
        """The plot: money and year axes, the legend in its own row below the x axis (never over the data);
        the labels are placed again once the view settles after a pan, a zoom or a resize (the timer)."""
        pg.setConfigOptions(antialias=True, background="w", foreground="#222222")
        self.money_axis = MoneyAxis()
        self.plot = pg.PlotWidget(axisItems={"left": self.money_axis, "bottom": YearAxis()})
        self.plot.setObjectName("tradePlot")
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.getPlotItem().getAxis("left").setStyle(maxTickLevel=0)
        self._relabel = QTimer(self, singleShot=True, interval=30)
        self.legend = pg.LegendItem(colCount=3, labelTextSize="9pt", verSpacing=-6, horSpacing=12)
        self.plot.getPlotItem().layout.addItem(self.legend, 4, 1)

    def _build_series(self) -> None:
        """A line per measure (Kazakhstan's statistics), the partner's own statistics as dashed lines of their
        own (shown on request), hollow markers for parts of a year, markers for other sources' figures, and the
        target's sample for the legend."""
        self.lines = {m: self.plot.plot([], [], pen=_pen(MEASURE_COLOURS[m], 2.4 if m == "turnover" else 1.8),
                                        symbol="o", symbolSize=6, symbolBrush=MEASURE_COLOURS[m],
                                        symbolPen=_pen(MEASURE_COLOURS[m], 1), connect="finite")
                      for m in MEASURES}
        self.partner_lines = {m: self.plot.plot([], [], pen=_pen(MEASURE_COLOURS[m], 1.4, Qt.PenStyle.DashLine),
                                                symbol="d", symbolSize=6, symbolBrush=QColor(255, 255, 255),
                                                symbolPen=_pen(MEASURE_COLOURS[m], 1), connect="finite")
                              for m in MEASURES}
        self.partial_items = {m: pg.ScatterPlotItem(symbol="o", size=9, pen=_pen(MEASURE_COLOURS[m], 1.6),
                                                    brush=QColor(255, 255, 255)) for m in MEASURES}
        self.other_items = {s: pg.ScatterPlotItem(symbol=sym, size=9) for s, sym in OTHER_SYMBOLS.items()}
        for item in (*self.partial_items.values(), *self.other_items.values()):
            self.plot.addItem(item)
        self.target_legend = pg.PlotDataItem([], [], pen=_pen(TARGET_COLOUR, 2.5, Qt.PenStyle.DashLine))
        self.plot.addItem(self.target_legend)

    def _build_hover(self) -> None:
        """The cross-hair and the hover box (hidden until the mouse is over a point)."""
        self.cross_v = pg.InfiniteLine(angle=90, movable=False, pen=_pen(QColor(120, 120, 120), 1, Qt.PenStyle.DotLine))
        self.cross_h = pg.InfiniteLine(angle=0, movable=False, pen=_pen(QColor(120, 120, 120), 1, Qt.PenStyle.DotLine))
        self.hover = pg.TextItem(anchor=(0, 1), color="#111111", fill=pg.mkBrush(255, 255, 255, 230),
                                 border=pg.mkPen("#888888"))
        for item in (self.cross_v, self.cross_h, self.hover):
            item.setVisible(False)
            item.setZValue(100)
            self.plot.addItem(item, ignoreBounds=True)

    def _build_controls(self) -> QHBoxLayout:
        """The row above the chart: what to show (other sources, the partner's line, targets, estimates) and
        PNG…, SVG… and CSV…."""
        self.others_box = QCheckBox(self)
        self.others_box.setObjectName("tradeOthers")
        self.others_box.setChecked(True)
        self.targets_box = QCheckBox(self)
        self.targets_box.setObjectName("tradeTargets")
        self.targets_box.setChecked(True)
        self.estimates_box = QCheckBox(self)
        self.estimates_box.setObjectName("tradeEstimates")
        self.estimates_box.setChecked(True)
        self.partner_line_box = QCheckBox(self)
        self.partner_line_box.setObjectName("tradePartnerLine")
        self.partner_line_box.setChecked(False)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.others_box)
        bar.addWidget(self.partner_line_box)
        bar.addWidget(self.targets_box)
        bar.addWidget(self.estimates_box)
        bar.addStretch(1)
        for key in SAVE_DIALOGS:
            button = QToolButton(self)
            button.setObjectName(f"trade_{key}")
            button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.buttons[key] = button
            bar.addWidget(button)
        return bar

    def _build_side_panel(self) -> QWidget:
        """Beside the chart: the partners to compare (with a filter) and the list of targets; and the note
        below the chart (whose statistics the lines are)."""
        self.compare_title = QLabel(self)
        self.compare_title.setObjectName("tradeCompareTitle")
        bold = QFont(self.compare_title.font())
        bold.setBold(True)
        self.compare_title.setFont(bold)
        self.compare_filter = QLineEdit(self)
        self.compare_filter.setObjectName("tradeCompareFilter")
        self.compare_filter.setClearButtonEnabled(True)
        self.compare_list = QListWidget(self)
        self.compare_list.setObjectName("tradeCompareList")
        self.targets_title = QLabel(self)
        self.targets_title.setObjectName("tradeTargetsTitle")
        self.targets_title.setFont(bold)
        self.targets_text = QLabel(self)
        self.targets_text.setObjectName("tradeTargetsText")
        self.targets_text.setWordWrap(True)
        self.targets_text.setTextFormat(Qt.TextFormat.RichText)
        self.targets_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.targets_text)
        self.note = QLabel(self)
        self.note.setObjectName("tradeNote")
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
        return side

    def _build_layout(self, bar: QHBoxLayout, side: QWidget) -> None:
        """The controls, the chart and its note in a column, beside the side panel in a splitter."""
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

    def _connect(self) -> None:
        """What the plot, the controls, the lists and the shared selection tell the view."""
        view_box = self.plot.getPlotItem().getViewBox()
        view_box.sigRangeChanged.connect(self._range_changed)
        self._relabel.timeout.connect(self.place_labels)
        view_box.sigResized.connect(lambda *_: self._relabel.start())
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.others_box.toggled.connect(self._others_toggled)
        for box in (self.targets_box, self.estimates_box, self.partner_line_box):
            box.toggled.connect(lambda _: self.replot())
        for key, dialog in SAVE_DIALOGS.items():
            self.buttons[key].clicked.connect(getattr(self, dialog))
        self.compare_filter.textChanged.connect(self._filter_compare)
        self.compare_list.itemChanged.connect(self._compare_changed)
        self.selection.partner_selected.connect(lambda _: self.replot())

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
        """'$3.4 bn' or '$640 m' in English; in Russian and Kazakh as the fact sheets write it, from CLDR ("$3,4 млрд",
        "$640 млн": decimal comma, the language's words for million and billion)."""
        if self.lang in ("ru", "kk"):
            from desktop.export.factsheet import money  # (Babel: loaded when first needed, not on the start path)

            return money(value, self.lang)
        loc = self.locale()
        if abs(value) >= 1000:
            return self.tr("${n} bn").format(n=loc.toString(value / 1000.0, "f", 1 if value % 1000 else 0))
        return self.tr("${n} m").format(n=loc.toString(value, "f", 0 if float(value).is_integer() else 1))

    def money_or_unknown(self, value: float | None) -> str:
        """:meth:`money`, or "?" for a value that cannot be worked out (a target's amount or multiplier not
        recorded)."""
        return self.money(value) if value is not None else "?"

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
        self.estimates_box.setText(self.tr("Estimates"))
        self.estimates_box.setToolTip(self.tr("Show estimates by experts, analysts and agencies (not the parties' "
                                              "targets), drawn lighter"))
        self.partner_line_box.setText(self.tr("Partner's statistics as a line"))
        self.partner_line_box.setToolTip(self.tr("Draw the partner's own statistics as lines of their own "
                                                 "(dashed) beside Kazakhstan's"))
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
        self._set_note()

    def _set_note(self) -> None:
        """The caption under the chart: whose statistics the lines show, and what the markers are."""
        lines = self._stats_label(self.plot_data.statistics if self.plot_data else "kazakh")
        text = self.tr("Lines: {statistics}, in US dollars, seen from Kazakhstan. Hollow markers are parts of a "
                       "year (not comparable with a full year); other markers are the partner's statistics and "
                       "other sources' figures, never joined to the lines.").format(statistics=lines)
        if self.partner_plot is not None:
            text += " " + self.tr("Dashed lines: {statistics}.").format(
                statistics=self._stats_label("partner"))
        self.note.setText(text)

    # ------------------------------------------------------------------ compare list

    def records_changed(self, changes: Changes) -> None:
        """After an edit: figures, targets and partners are read and drawn again."""
        if not changes.touches(Kind.TRADE, Kind.TARGET, Kind.PARTNER, Kind.SOURCE):
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
        self.partner_plot = None
        for item in self.partner_lines.values():
            item.setData([], [])
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
            series = self.repo.trade_series(iso3)
            self.plot_data = trade_plot(iso3, series)
            if self.partner_line_box.isChecked():
                self.partner_plot = trade_plot(iso3, series, "partner")
            self.targets = target_lines(self.repo.targets(iso3), self.plot_data)
            self._draw_partner(self.plot_data)
            if self.partner_plot is not None:
                self._draw_partner_lines(self.partner_plot)
            self._draw_compared({k: v for k, v in self.compared.items() if k != iso3})
            if self.targets_box.isChecked():
                self._draw_targets()
            partner = self.partners.get(iso3)
            self._set_title(self.tr("Trade with {partner}").format(
                partner=partner.name(self.lang) if partner else iso3))
            self.targets_text.setText(self._targets_html())
        self._set_note()
        self._show_legend()
        self._fit()
        self._range_changed()
        self.place_labels()

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
                self._hover_points.append((p.year, p.value, partial(self._point_text, p)))
        for measure, item in self.partial_items.items():
            points = data.partials[measure]
            item.setData([self._partial_x(p) for p in points], [p.value for p in points])
            for p in points:
                x = self._partial_x(p)
                self._hover_points.append((x, p.value, partial(self._point_text, p)))
                if measure == "turnover":
                    label = pg.TextItem(self.period_label(p), color=MEASURE_COLOURS[measure], anchor=(0, 0))
                    label.anchor_point = QPointF(x, p.value)  # type: ignore[attr-defined]
                    label.full_text = label.textItem.toPlainText()  # type: ignore[attr-defined]
                    self.plot.addItem(label)
                    self.labels.append(label)
        if any(data.partials[m] for m in MEASURES):
            self._legend_wanted.append((self.partial_items["turnover"], self.tr("Part of a year")))
        shown = self.others_box.isChecked()
        as_line = {p.record_id for pts in self.partner_plot.lines.values() for p in pts} if self.partner_plot else set()
        for statistics, item in self.other_items.items():
            points = [p for m in MEASURES for p in data.others[m] if p.statistics == statistics
                      and not (p.period == "FY" and p.record_id in as_line)]
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
                        self._hover_points.append((x, p.value, partial(self._point_text, p)))

    def _draw_partner_lines(self, data: TradePlot) -> None:
        """The partner's own statistics' full years as dashed lines of their own."""
        for measure, item in self.partner_lines.items():
            points = data.lines[measure]
            if not points:
                continue
            first = points[0].year
            xs = np.arange(first, points[-1].year + 1, dtype=float)
            ys = np.full(xs.shape, np.nan)
            for p in points:
                ys[p.year - first] = p.value
            item.setData(xs, ys)
            self._legend_wanted.append((item, self.tr("{measure} ({statistics})").format(
                measure=self._measure_label(measure), statistics=self._stats_label("partner"))))
            for p in points:
                self._hover_points.append((p.year, p.value, partial(self._point_text, p)))

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
            # beside a partner's solid lines, dashed; alone (every partner's turnover), solid after the first
            # round of colours
            dashes = self.plot_data is not None
            style = COMPARE_STYLES[(n // len(COMPARE_PALETTE)) % len(COMPARE_STYLES)] if dashes else (
                [Qt.PenStyle.SolidLine, *COMPARE_STYLES][(n // len(COMPARE_PALETTE)) % (len(COMPARE_STYLES) + 1)])
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
                self._hover_points.append((p.year, p.value, partial(self._compared_point_text, name, p)))

    def _draw_targets(self) -> None:
        data = self.plot_data
        years = data.years() if data else []
        last_year = max([*years, *(t.horizon_year or 0 for t in self.targets),
                         *(t.start_year or 0 for t in self.targets)] or [2025])
        groups: dict[tuple, list[TargetLine]] = {}
        for line in self.targets:
            start_value, value = line.start_value, line.value  # (both known: the line is drawable)
            if start_value is None or value is None or (line.estimate and not self.estimates_box.isChecked()):
                continue
            x0 = float(line.start_year if line.start_year is not None else (years[0] if years else last_year))
            x1 = float(line.horizon_year if line.horizon_year is not None else last_year + 1)
            item = TargetItem(line, QPointF(x0, start_value), QPointF(max(x1, x0 + 0.5), value), line.emphasised)
            self.plot.addItem(item)
            self.target_items.append(item)
            # one label per drawn value: the statements of one level (by one horizon) share it, whenever made
            key = (line.measure, line.kind, line.value, line.estimate, line.horizon_year,
                   None if line.kind == "level" else (x0, line.start_value))
            groups.setdefault(key, []).append(line)
            self._hover_points.append((x1, value, partial(self._target_text, [line])))
        # one label per drawn value: the latest preferred statement of it (the list beside the chart has them
        # all); place_labels() puts it where it crosses no line, no other label and no edge
        for lines in groups.values():
            emphasised = [t for t in lines if t.emphasised]
            label = pg.TextItem(self._target_label(emphasised or lines),
                                color=TARGET_COLOUR if emphasised else "#8d6aa3", anchor=(0, 0))
            label.full_text = label.textItem.toPlainText()  # type: ignore[attr-defined]
            label.short_text = self._target_short_label(emphasised or lines)  # type: ignore[attr-defined]
            if emphasised:
                font = QFont(self.font())
                font.setBold(True)
                label.setFont(font)
            items = [i for i in self.target_items if i.target_line in lines]
            label.setProperty("atlas_target", True)
            label.anchor_line = max(items, key=lambda i: i.line().x2()).line()  # type: ignore[attr-defined]
            self.plot.addItem(label)
            self.labels.append(label)
        if self.target_items:
            self._legend_wanted.append((self.target_legend, self.tr("Target")))

    def _target_label(self, lines: list[TargetLine]) -> str:
        latest = max(lines, key=lambda t: t.target.stated_on or "")
        t = latest.target
        who = pick(self.lang, t.stated_by_en, t.stated_by_ru)
        who = (who or self.tr("announcer not recorded")).split(" (")[0]
        if len(who) > 32:  # the list beside the chart has it whole
            who = who[:31].rstrip() + "…"
        when = format_partial_date(t.stated_on, self.locale()) if t.stated_on else self.tr("date not recorded")
        value = self.target_value_text(latest)
        if latest.measure != "turnover":
            value = self.tr("{measure}: {value}").format(measure=self._measure_label(latest.measure), value=value)
        if latest.estimate:
            value = self.tr("Estimate: {value}").format(value=value)
        text = self.tr("{value} — {who}, {when}").format(value=value, who=who, when=when)
        if latest.horizon_year is not None:
            text += " " + self.tr("(by {year})").format(year=latest.horizon_year)
        outcome = self.outcome_text(latest)
        if outcome:
            text += "; " + outcome
        if len(lines) > 1:
            text += " " + self.tr("(stated {n} times)").format(n=len(lines))
        return text

    def _target_short_label(self, lines: list[TargetLine]) -> str:
        """A target's label where the whole one finds no room: what it is and by when."""
        latest = max(lines, key=lambda t: t.target.stated_on or "")
        text = self.target_value_text(latest)
        if latest.estimate:
            text = self.tr("Estimate: {value}").format(value=text)
        if latest.horizon_year is not None:
            text += " " + self.tr("(by {year})").format(year=latest.horizon_year)
        return text

    def target_value_text(self, line: TargetLine) -> str:
        """What the target is: "$15 bn"; "+$1 bn over 2024 ($3.9 bn → $4.9 bn)"; "×2 of 2017 ($0.3 bn → $0.6 bn)";
        with the base not stated or without a figure, says so."""
        t = line.target
        loc = self.locale()
        if line.kind == "increase":
            amount = self.money(t.value_usd_m) if t.value_usd_m is not None else self.tr("amount not recorded")
            if line.base_inferred and line.base_point is not None and line.value is not None:
                return self.tr("+{amount} over {year}, the last full year before it was said ({base} → {value})"
                               ).format(amount=amount, year=line.base_point.year,
                                        base=self.money(line.base_point.value), value=self.money(line.value))
            if t.base_year is None:
                return self.tr("+{amount} (base year not stated)").format(amount=amount)
            if line.base_point is None:
                return self.tr("+{amount} over {year} (no figure for {year})").format(amount=amount, year=t.base_year)
            return self.tr("+{amount} over {year} ({base} → {value})").format(
                amount=amount, year=t.base_year, base=self.money(line.base_point.value),
                value=self.money_or_unknown(line.value))
        if line.kind == "multiple":
            times = loc.toString(t.multiplier, "g", 3) if t.multiplier is not None else "?"
            if t.base_year is None:
                return self.tr("×{m} (base year not stated)").format(m=times)
            if line.base_point is None:
                return self.tr("×{m} of {year} (no figure for {year})").format(m=times, year=t.base_year)
            return self.tr("×{m} of {year} ({base} → {value})").format(
                m=times, year=t.base_year, base=self.money(line.base_point.value),
                value=self.money_or_unknown(line.value))
        return self.money(line.value) if line.value is not None else self.tr("value not recorded")

    def outcome_text(self, line: TargetLine) -> str:
        """The growth a year a future horizon needs, or whether a passed horizon was met."""
        if line.growth is not None:
            return self.growth_text(line)
        if line.horizon_passed and line.horizon_year is not None:
            if line.outcome is None:
                return self.tr("horizon passed, no figure for {year}").format(year=line.horizon_year)
            args = {"year": line.horizon_year, "value": self.money(line.outcome.value)}
            if line.met is True:
                return self.tr("met ({year}: {value})").format(**args)
            if line.met is False:
                return self.tr("missed ({year}: {value})").format(**args)
        return ""

    def growth_text(self, line: TargetLine) -> str:
        if line.growth is None or line.base is None:  # (a growth is measured from a base)
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
        roles = {"head_of_state": self.tr("head of state"), "head_of_government": self.tr("head of government"),
                 "minister": self.tr("minister"), "official": self.tr("official"), "expert": self.tr("expert"),
                 "analyst": self.tr("analyst"), "agency": self.tr("agency")}
        for line in sorted(self.targets, key=lambda t: (t.target.stated_on or ""), reverse=True):
            t = line.target
            who = pick(self.lang, t.stated_by_en, t.stated_by_ru)
            if t.stated_role in roles:
                who = f"{who or self.tr('announcer not recorded')} ({roles[t.stated_role]})"
            when = format_partial_date(t.stated_on, self.locale()) if t.stated_on else self.tr("date not recorded")
            what = self.target_value_text(line)
            if line.estimate:
                what = self.tr("Estimate: {value}").format(value=what)
            horizon = (self.tr("by {year}").format(year=line.horizon_year) if line.horizon_year
                       else pick(self.lang, t.horizon_note_en, t.horizon_note_ru) or self.tr("no deadline given"))
            outcome = self.outcome_text(line)
            extra = "; " + outcome if outcome else ""
            mark = "" if t.is_preferred is not False else " " + self.tr("(not the preferred statement)")
            measure = "" if line.measure == "turnover" else f" [{self._measure_label(line.measure)}]"
            text = f"{what}{measure}, {horizon}{extra} — {who or self.tr('announcer not recorded')}, {when}{mark}"
            rows.append(("<b>" if line.emphasised else "") + escape(text) + ("</b>" if line.emphasised else ""))
        return "<br>".join(rows)

    def _compared_point_text(self, name: str, p: TradePoint) -> str:
        """A compared partner's point: the partner's name above :meth:`_point_text`."""
        return f"<b>{escape(name)}</b><br>" + self._point_text(p)

    def _point_text(self, p: TradePoint) -> str:
        source = self.repo.sources_of("trade", p.record_id)
        title = (f"{source[0].title or source[0].url or ''} ({source_kind(source[0].kind)})" if source
                 else self.tr("no source recorded"))
        return "<br>".join(escape(s) for s in (
            f"{self._measure_label(p.measure)}, {self.period_label(p)}",
            self._qualified(p), self._stats_label(p.statistics), title))

    # ------------------------------------------------------------------ labels

    def plotted_paths(self) -> QPainterPath:
        """Every plotted line and marker as a thin outline in scene coordinates: what a label must not cross."""
        box = self.plot.getPlotItem().getViewBox()
        path = QPainterPath()

        def polyline(xs, ys) -> None:
            started = False
            for x, y in zip(xs, ys, strict=True):
                if x is None or y is None or not (math.isfinite(float(x)) and math.isfinite(float(y))):
                    started = False
                    continue
                point = box.mapViewToScene(QPointF(float(x), float(y)))
                if started:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    path.addEllipse(point, _MARKER_PX, _MARKER_PX)
                    path.moveTo(point)
                    started = True
                    continue
                path.addEllipse(point, _MARKER_PX, _MARKER_PX)
                path.moveTo(point)

        for item in (*self.lines.values(), *self.partner_lines.values(), *self.compare_items.values()):
            if item.isVisible():
                xs, ys = item.getData()
                if xs is not None:
                    polyline(xs, ys)
        for item in (*self.partial_items.values(), *self.other_items.values()):
            if item.isVisible():
                for spot in item.points():
                    point = box.mapViewToScene(spot.pos())
                    path.addEllipse(point, _MARKER_PX, _MARKER_PX)
        for target in self.target_items:
            line = target.line()
            path.moveTo(box.mapViewToScene(line.p1()))
            path.lineTo(box.mapViewToScene(line.p2()))
        stroker = QPainterPathStroker()
        stroker.setWidth(3.0)
        return stroker.createStroke(path) + path

    def label_rects(self) -> list[tuple[pg.TextItem, QRectF]]:
        """The visible labels and the rectangles they cover, in scene coordinates."""
        out = []
        for label in self.labels:
            if label.isVisible():
                out.append((label, label.mapRectToScene(label.boundingRect())))
        return out

    def place_labels(self) -> None:
        """Put each label (the targets' first, emphasised before the others, then the parts of a year) where
        it crosses no plotted line or marker, no label already placed and no edge of the plot: beside its
        line's end, its start or its middle, above or below, then further away. A label that finds no such
        place is hidden (the list beside the chart and the hover text still give it)."""
        if not self.labels:
            return
        box = self.plot.getPlotItem().getViewBox()
        area = box.sceneBoundingRect().adjusted(2, 2, -2, -2)
        if area.width() < 10 or area.height() < 10:
            return
        obstacles = self.plotted_paths()
        placed: list[QRectF] = []

        def order(label) -> tuple:
            target = label.property("atlas_target") is True
            return (0 if target else 1, 0 if target and label.textItem.font().bold() else 1)

        for label in sorted(self.labels, key=order):
            spot = None
            # the whole text first, then (a target's) value alone: the list beside the chart has the rest
            for text in dict.fromkeys((label.full_text, getattr(label, "short_text", label.full_text))):
                if label.textItem.toPlainText() != text:
                    label.setText(text)
                size = label.textItem.boundingRect().size()
                w, h = size.width(), size.height()
                for point, ax, ay in self._label_candidates(label, box, h):
                    rect = QRectF(point.x() - ax * w, point.y() - ay * h, w, h)
                    if area.contains(rect) and not any(rect.intersects(r) for r in placed) \
                            and not obstacles.intersects(rect):
                        spot = rect
                        break
                if spot is not None:
                    break
            if spot is None:
                label.setVisible(False)
                continue
            label.setVisible(True)
            label.setAnchor((0, 0))
            label.setPos(box.mapSceneToView(spot.topLeft()))
            placed.append(spot.adjusted(-2, -2, 2, 2))

    @staticmethod
    def _label_candidates(label, box, h: float):
        """(scene point, x anchor, y anchor) to try for a label, nearest first."""
        gap = 3.0
        if hasattr(label, "anchor_line"):
            line = label.anchor_line
            ends = [(box.mapViewToScene(line.p2()), 1.0), (box.mapViewToScene(line.p1()), 0.0)] + [
                (box.mapViewToScene(line.pointAt(f)), ax) for f, ax in ((0.5, 0.5), (0.25, 0.0), (0.75, 1.0))]
        else:
            ends = [(box.mapViewToScene(label.anchor_point), 0.5)]
        for step in range(0, 12):
            for point, ax in ends:
                for above in (True, False):
                    dy = gap + step * (h * 0.6)
                    yield (QPointF(point.x(), point.y() - dy) if above else QPointF(point.x(), point.y() + dy),
                           ax, 1.0 if above else 0.0)
            if not hasattr(label, "anchor_line"):
                point = ends[0][0]
                offset = gap + _MARKER_PX + step * h
                yield QPointF(point.x() + offset, point.y()), 0.0, 0.5
                yield QPointF(point.x() - offset, point.y()), 1.0, 0.5

    # ------------------------------------------------------------------ axis, crosshair, layers

    def _range_changed(self, *_args) -> None:
        self._relabel.start()
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
        for x, y, make in self._hover_points:
            scene = box.mapViewToScene(QPointF(x, y))
            d = math.hypot(scene.x() - pos.x(), scene.y() - pos.y())
            if d < best_d:
                best, best_d = (x, y, make), d
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
        plotted: list[tuple[str, str, TradePoint]] = []  # (partner, layer, point)
        if self.plot_data is not None:
            for layer, p in self.plot_data.all_points():
                if layer == "other" and not self.others_box.isChecked():
                    continue
                plotted.append((self.plot_data.partner, layer, p))
        for iso3, points in sorted(self.compared.items()) if self.plot_data is not None else sorted(
                {c: trade_plot(c, self.repo.trade_series(c)).lines["turnover"] for c in self.with_trade}.items()):
            if self.plot_data is not None and iso3 == self.plot_data.partner:
                continue
            plotted += [(iso3, "compare", p) for p in points]
        uids = record_uids(self.repo.db, "trade", (p.record_id for _, _, p in plotted))
        rows = [self._row(iso3, layer, p, uids[p.record_id]) for iso3, layer, p in plotted]
        if self.plot_data is not None and self.targets_box.isChecked():
            for line in self.targets:
                if not line.drawable or (line.estimate and not self.estimates_box.isChecked()):
                    continue
                t = line.target
                rows.append({"partner": self.plot_data.partner, "layer": "target", "measure": line.measure,
                             "year": line.horizon_year or "", "period": "", "value_usd_m": line.value,
                             "statistics": "", "qualifier": "", "preferred": t.is_preferred is not False,
                             "growth_needed_pct": round(line.growth * 100, 2) if line.growth is not None else "",
                             "stated_on": t.stated_on or "", "stated_by": t.stated_by_en or "", "record": t.uid})
        return rows

    @staticmethod
    def _row(iso3: str, layer: str, p: TradePoint, uid: str) -> dict:
        """The CSV row of one plotted figure (``uid``: its record's)."""
        return {"partner": iso3, "layer": layer, "measure": p.measure, "year": p.year, "period": p.period,
                "value_usd_m": p.value, "statistics": p.statistics, "qualifier": p.qualifier,
                "preferred": p.preferred is not False, "growth_needed_pct": "", "stated_on": "", "stated_by": "",
                "record": uid}

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
        cannot read the paths that Qt 6.12 writes. Made in memory, checked whole, written whole or not at all."""
        save_svg(path, self.plot.size(), self.title_text, self.plot.render, self.tr("the drawing could not be written"))

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
