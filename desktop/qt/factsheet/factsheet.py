"""The printed fact sheet: a :class:`~desktop.export.factsheet.FactSheet` laid out for paper with a
QTextDocument and printed through QPdfWriter (or a QPrinter), with a header and a footer drawn on
every page (partner, marking line, "page X of Y"). A PDF is made in memory, checked (complete, every
page there) and only then written to its file, whole or not at all.

The trade chart is drawn here with QPainter into an image (no pyqtgraph: it would cost start-up time);
the map inset is an offscreen :class:`~desktop.qt.map.map_view.CorridorMapView` with a selection of its own, drawn
across the text width with place names of at least 7 pt, and under it, as text, its legend, scale bar and the
basemap's credit.
Every text from the user or the database goes through ``html.escape``: it prints as it is.
"""
from __future__ import annotations

import errno
import html
import math
import os
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QIODevice, QLineF, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractGraphicsShapeItem, QApplication, QGraphicsItem

from desktop.core.atomic import file_error, fill, replacing_together, write_bytes
from desktop.core.trade import TargetLine, TradePoint
from desktop.data.basemap import Basemap, load_basemap
from desktop.data.repository import Repository
from desktop.export.factsheet import (
    WORDS,
    FactSheet,
    Line,
    archive_info,
    build_factsheet,
    format_number,
    period_label,
    usd,
    word,
)
from desktop.export.pdf_archive import ArchiveInfo, Bookmark, PdfStructureError, add_archive_info
from desktop.paths import resource
from desktop.qt.map import map_style as style
from desktop.qt.shell.files import PDF, memory_device

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    PrintDevice = QPdfWriter | QPrinter  # what a sheet is painted on: both know their resolution

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch of the PDF's layout
MARGIN_MM = 15.0
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FAMILY = "DejaVu Sans"
BODY_PT = 8.5
CHART_SIZE = (1800, 500)  # pixels of the chart image (printed 180 mm wide: about 250 dpi)
INSET_WIDTH_MM = 180.0  # the map inset's printed width on A4 (the text width; it follows the page's)
INSET_MAP_MM = 85.0  # the map frame's printed height; its legend, scale bar and credit print as text below it
INSET_VIEW_PX = 900  # the map view's width (pixels): at 180 mm its 9-pixel markers print 1.8 mm wide
INSET_DPR = 2.5  # image pixels per view pixel: about 320 dpi at 180 mm
LABEL_PT = 7.0  # the place names print at least this size at the inset's width
LEGEND_PT, CREDIT_PT = 7.0, 6.0
PT_MM = 25.4 / 72.0  # millimetres in a point
SCALE_STEPS = (1, 2, 3, 5)  # times a power of ten: the scale bar's round numbers of km
SCALE_SHARE = (0.15, 0.30)  # the scale bar's length, as a share of the inset's width
LINE_SAMPLE_PX, MARKER_SAMPLE_PX, SAMPLE_H_PX = 32.0, 17.0, 12.0  # the legend's samples (view pixels)
SAMPLE_GAP_PX = 4.0  # room after a sample, before its text
SCALE_BAR_H_PX = 6.0
NODE_KIND_ORDER = ("port", "city", "border_crossing", "dry_port", "logistics_centre", "terminal", "rail_station")
DATE_COLUMN_MAX = 0.26  # the date column's widest share of the text width (a longer range wraps after its dash)
KEEP_WITH_NEXT_MM = 14.0  # a heading with less room than this below it starts a new page
MAX_LAYOUTS = 12  # layouts of one sheet at most (each moves one row or heading to the next page)
INK, GREY, RULE = QColor("#111111"), QColor("#666666"), QColor("#bbbbbb")
TURNOVER, TARGET = QColor("#000000"), QColor("#7a3e9d")
_CHART_URL, _MAP_URL, _SCALE_URL = QUrl("factsheet:chart"), QUrl("factsheet:map"), QUrl("factsheet:scale")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")  # one per page of a PDF ("/Pages" is the tree)
DEFAULT_AUTHOR = "Partnership Atlas"  # the PDF's author when the settings name no organisation
_basemap_cache: list[Basemap] = []


# ---------------------------------------------------------------------- fonts, map view


def ensure_fonts() -> str:
    """Register the bundled DejaVu Sans (once) and return its family name."""
    if FAMILY not in QFontDatabase.families():
        for name in FONT_FILES:
            if QFontDatabase.addApplicationFont(str(resource("fonts", name))) < 0:
                raise RuntimeError(f"the bundled font {name} could not be loaded")
    return FAMILY


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(ensure_fonts())
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters when text is copied from the PDF
    font.setFeature(QFont.Tag("clig"), 0)
    return font


def _basemap() -> Basemap:
    """The bundled basemap, read once per process."""
    if not _basemap_cache:
        _basemap_cache.append(load_basemap())
    return _basemap_cache[0]


def make_map_view(repo: Repository):
    """An offscreen corridor map with a selection of its own, for the insets of many sheets (reuse it:
    building one costs tens of milliseconds)."""
    from desktop.qt.map.map_view import CorridorMapView
    from desktop.qt.shell.selection import SelectionState

    selection = SelectionState()
    view = CorridorMapView(repo, selection, basemap=_basemap())
    selection.setParent(view)
    view._fitted = True  # noqa: SLF001 - never "fit all" on a first show: each sheet fits its partner
    _size_canvas(view, INSET_VIEW_PX / INSET_WIDTH_MM)
    return view


# ---------------------------------------------------------------------- the map inset


@dataclass(frozen=True)
class LegendEntry:
    key: str  # "mode:rail", "status:planned", "unrecorded", "kind:port", "approx"
    text: str
    sample: QImage  # drawn with the map's own pen or marker, INSET_DPR image pixels per view pixel
    width: float  # the sample's size in view pixels
    height: float


@dataclass
class MapInset:
    """A sheet's map inset: the map frame's picture, the legend of what it shows, the scale bar and the basemap's
    credit (laid out as text under the picture by :func:`factsheet_html`), and where the place names are, in the
    map view's pixels (the image holds INSET_DPR image pixels for each; ``px_per_mm`` of them make a printed
    millimetre)."""

    image: QImage
    px_per_mm: float
    frame: QRectF
    label_px: int  # the place names' font size (pixels)
    labels: list[tuple[str, QRectF]]  # the place names shown, where
    sections: list[tuple[str, list[LegendEntry]]]  # the legend: (heading, entries)
    scale_km: int
    scale_px: float  # the scale bar's length
    scale_at: tuple[float, float]  # (lon, lat) where the scale bar is true: the frame's centre
    scale_bar: QImage
    scale_text: str
    credit: str

    @property
    def legend(self) -> list[tuple[str, str]]:
        """(key, text) of every legend entry, in order."""
        return [(entry.key, entry.text) for _heading, entries in self.sections for entry in entries]


def _pixels(points: float, px_per_mm: float) -> int:
    """The least whole number of view pixels that prints at ``points`` or more."""
    return math.ceil(points * PT_MM * px_per_mm - 1e-6)


def _size_canvas(view, px_per_mm: float) -> None:
    """The map frame's size in the view's pixels (the view is never shown: its canvas is sized, and told so,
    directly)."""
    canvas = view.canvas
    old = canvas.size()
    width, height = INSET_VIEW_PX, round(INSET_MAP_MM * px_per_mm)
    if (old.width(), old.height()) != (width, height):
        canvas.resize(width, height)
        QApplication.sendEvent(canvas, QResizeEvent(canvas.size(), old))


def _term(lang: str, group: str, code: str) -> str:
    """A mode, status or node kind in the sheet's words (the code itself for one the words do not know)."""
    words = WORDS.get(lang, WORDS["en"])
    return words.get(f"map_{group}_{code}") or code.replace("_", " ")


def _credit(view) -> str:
    """The basemap's short name ("Natural Earth"), which the sheet introduces in its own language: the basemap's
    ``credit`` without its own "Basemap:" and its remark in brackets, else its source up to the scale or "via"."""
    credit = view.basemap_credit
    if credit and credit != view.basemap_source:
        name = re.sub(r"\s*\(.*\)\s*$", "", str(credit).split(": ", 1)[-1]).strip()
        if name:
            return name
    source = str(view.basemap_source)
    return re.split(r"\s+(?:1:\d|via\s)", source, maxsplit=1)[0].strip() or source


def _great_circle_km(radius: float, lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def _px_per_km(view, lon: float, lat: float) -> float:
    """View pixels per true kilometre at (lon, lat): the view's transform times the projection's scale there
    (a Lambert conformal conic is true only on its standard parallels), measured along the parallel."""
    projection = view.projection
    ends = [projection.forward(lon + d, lat) for d in (-0.5, 0.5)]
    to_view = view.canvas.transform()
    a, b = (to_view.map(QPointF(x, -y)) for x, y in ends)
    pixels = math.hypot(b.x() - a.x(), b.y() - a.y())
    return pixels / _great_circle_km(projection.radius_km, lon - 0.5, lat, lon + 0.5, lat)


def _scale_length(px_per_km: float, width: float) -> int:
    """A round number of km (1, 2, 3 or 5 times a power of ten) whose bar is 15–30% of ``width``, the one
    nearest 22%."""
    low, high = SCALE_SHARE
    candidates = [step * 10 ** power for power in range(5) for step in SCALE_STEPS]
    fitting = [km for km in candidates if low * width <= km * px_per_km <= high * width]
    pool = fitting or candidates
    return min(pool, key=lambda km: abs(math.log(km * px_per_km / (0.22 * width))))


def _set_labels(view, lang: str, px: int) -> None:
    """Every place name in ``lang`` (as the map writes it: "≈ " before an approximate position) at ``px``
    pixels."""
    from desktop.qt.map.map_view import map_label

    font = _font(LABEL_PT)
    font.setPixelSize(px)
    for label in view.label_items.values():
        label.font = font
        label.set_text(map_label(label.node, lang))


def _fit_partner(view, iso3: str) -> None:
    """The partner's places and every line that touches them, whole (their other ends, routes and the lines through
    places of unknown position), in the frame: the part of the corridors that concerns the partner, at a scale where
    its places can be named (the whole of a corridor that runs on to Xi'an would leave the Caucasus 50 px wide)."""
    rect = view.selection_rect()  # the partner is selected: what the map highlights for it
    if rect is not None and rect.width() > 1 and rect.height() > 1:
        view.canvas.fit(rect)
    else:
        view.fit_selection()


def _marker_rect(centre: QPointF) -> QRectF:
    half = style.MARKER_SIZE / 2 - 1  # as the view keeps markers clear: a label may touch its own
    return QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)


def _printed(pen: QPen, px_per_unit: float = 1.0) -> QPen:
    """A cosmetic pen (pixels wide on any device) as a pen of the same width in view pixels, ``px_per_unit`` of
    them per unit of where it draws: on the inset's image it is then drawn INSET_DPR times wider, as the rest
    of the map is (a cosmetic pen would print two and a half times thinner than it shows on screen)."""
    if not pen.isCosmetic():
        return pen
    printed = QPen(pen)
    printed.setCosmetic(False)
    printed.setWidthF(pen.widthF() / px_per_unit)
    return printed


@contextmanager
def _printed_pens(view):
    """The map's lines, borders and marker outlines drawn with :func:`_printed` pens for a while."""
    scale = view.canvas.transform().m11()
    saved = []
    for item in view.canvas.scene().items():
        if isinstance(item, QAbstractGraphicsShapeItem) and item.pen().isCosmetic():
            fixed = bool(item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            saved.append((item, item.pen()))
            item.setPen(_printed(item.pen(), 1.0 if fixed else scale))
    try:
        yield
    finally:
        for item, pen in saved:
            item.setPen(pen)


def _shortened(text: str) -> list[str]:
    """Shorter forms of a long place name, longest first: the part before a " — " or " / " ("Сиань — казахстанский
    терминал" → "Сиань"), and the name cut word by word from its end while it keeps most of it ("Turkmenbashi
    International…", never "Port of…"); "≈ " kept in front."""
    prefix = style.APPROX_PREFIX if text.startswith(style.APPROX_PREFIX) else ""
    name = text[len(prefix):]
    forms = [name[:match.start()] for match in re.finditer(r" [—–/] ", name)]
    words = name.split(" ")
    forms += [cut + "…" for cut in (" ".join(words[:n]) for n in range(len(words) - 1, 0, -1))
              if len(cut) >= 0.6 * len(name)]
    return [prefix + form for form in sorted(set(forms), key=len, reverse=True) if form.strip()]


def _place_labels(view, iso3: str) -> None:
    """The view chooses the place names for its scale (its key places always; fewer others as it zooms out) and
    may let a key place's name overlap another or the edge; on paper no name may. The names are placed again,
    each where it overlaps nothing and stays inside the frame, or left out: the view's key places first, then
    the partner's own places (the sheet is about them, even those the view leaves out at this scale), then
    the others the view chose, by the view's priority. A key or own place's long name that fits nowhere is
    shortened word by word before it is left out."""
    from desktop.qt.map.map_view import LABEL_GAP

    view.place_labels()
    frame = QRectF(view.canvas.viewport().rect())
    to_view = view.canvas.viewportTransform()
    shown = {node_id: to_view.map(view.positions[node_id]) for node_id, item in view.node_items.items()
             if item.isVisible() and node_id in view.positions}
    must = view.key_nodes()
    wanted = [label for label in view.label_items.values() if label.node.id in shown and (
        label.isVisible() or (label.node.country_iso3 == iso3 and frame.contains(shown[label.node.id])))]
    markers = {node_id: _marker_rect(at) for node_id, at in shown.items()}
    taken: list[QRectF] = []  # the names placed
    for label in view.label_items.values():
        label.setVisible(False)
    for label in sorted(wanted, key=lambda item: (item.node.id not in must, item.node.country_iso3 != iso3,
                                                  item.priority, item.node.id)):
        origin = shown[label.node.id]
        others = [rect for node_id, rect in markers.items() if node_id != label.node.id] + taken
        full = label.text
        important = label.node.id in must or label.node.country_iso3 == iso3
        for text in [full, *(_shortened(full) if important else [])]:
            if text != label.text:
                label.set_text(text)
            rect = None
            for side in ("right", "left", "above", "below"):  # a name above or below its marker may touch it
                rect = label.rect_at(side).translated(origin).adjusted(-LABEL_GAP, -LABEL_GAP, LABEL_GAP, LABEL_GAP)
                if frame.contains(rect) and not any(rect.intersects(other) for other in others):
                    break
                rect = None
            if rect is not None:
                label.set_side(side)
                label.setVisible(True)
                taken.append(rect)
                break
        else:
            label.set_text(full)


def _on_frame(path: QPainterPath, frame: QRectF) -> bool:
    """Whether a line (in the view's pixels) is drawn inside the frame: a point of it inside, or a piece of it
    crossing the frame's edge."""
    edges = [QLineF(frame.topLeft(), frame.topRight()), QLineF(frame.topRight(), frame.bottomRight()),
             QLineF(frame.bottomRight(), frame.bottomLeft()), QLineF(frame.bottomLeft(), frame.topLeft())]
    for polygon in path.toSubpathPolygons():
        points = polygon.toList()
        if any(frame.contains(point) for point in points):
            return True
        for a, b in pairwise(points):
            if any(QLineF(a, b).intersects(edge)[0] == QLineF.IntersectionType.BoundedIntersection for edge in edges):
                return True
    return False


def _sample(width: float, height: float, draw: Callable[[QPainter], None]) -> QImage:
    """A small transparent picture ``width`` x ``height`` view pixels, drawn by ``draw`` in view pixels."""
    image = QImage(round(width * INSET_DPR), round(height * INSET_DPR), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(INSET_DPR)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)
    painter.end()
    image.setDevicePixelRatio(1.0)
    return image


def _line_entry(key: str, text: str, pen: QPen) -> LegendEntry:
    def draw(p: QPainter) -> None:
        p.setPen(_printed(pen))
        p.drawLine(QPointF(1, SAMPLE_H_PX / 2), QPointF(LINE_SAMPLE_PX - SAMPLE_GAP_PX, SAMPLE_H_PX / 2))
    return LegendEntry(key, text, _sample(LINE_SAMPLE_PX, SAMPLE_H_PX, draw), LINE_SAMPLE_PX, SAMPLE_H_PX)


def _marker_entry(key: str, text: str, kind: str, approx: bool = False) -> LegendEntry:
    def draw(p: QPainter) -> None:
        p.translate((MARKER_SAMPLE_PX - SAMPLE_GAP_PX) / 2, SAMPLE_H_PX / 2)
        p.setPen(_printed(style.marker_pen(approx=approx)))
        p.setBrush(style.marker_brush(kind, approx=approx))
        p.drawPath(style.marker_path(kind))
    return LegendEntry(key, text, _sample(MARKER_SAMPLE_PX, SAMPLE_H_PX, draw), MARKER_SAMPLE_PX, SAMPLE_H_PX)


def _legend(view, lang: str, frame: QRectF) -> list[tuple[str, list[LegendEntry]]]:
    """The legend of what the frame shows (modes, statuses, node kinds; "route not recorded" and "≈ approximate
    position" where shown), in the sheet's words, each sample drawn with the map's own pens and markers."""
    to_view = view.canvas.viewportTransform()
    lines = [item for item in view.segment_items.values()
             if item.isVisible() and _on_frame(to_view.map(item.sceneTransform().map(item.path())), frame)]
    nodes = [item.node for node_id, item in view.node_items.items() if item.isVisible()
             and node_id in view.positions and frame.contains(to_view.map(view.positions[node_id]))]

    def ordered(codes: set[str], order) -> list[str]:
        known = [code for code in order if code in codes]
        return known + sorted(codes - set(known))

    modes = [_line_entry(f"mode:{m}", _term(lang, "mode", m), style.segment_pen(m, "operating"))
             for m in ordered({item.segment.mode for item in lines}, style.MODE_COLOURS)]
    statuses = [_line_entry(f"status:{s}", _term(lang, "status", s), style.segment_pen("other", s))
                for s in ordered({item.segment.status for item in lines}, style.STATUS_DASHES)]
    if any(not item.recorded for item in lines):  # a thin line between the ends
        statuses.append(_line_entry("unrecorded", word(lang, "map_unrecorded"),
                                    style.segment_pen("other", "operating", recorded=False)))
    places = [_marker_entry(f"kind:{k}", _term(lang, "node", k), k)
              for k in ordered({node.kind for node in nodes}, NODE_KIND_ORDER)]
    if any(node.position_approx for node in nodes):
        places.append(_marker_entry("approx", style.APPROX_PREFIX + word(lang, "map_approx"), "city", approx=True))
    sections = [(word(lang, "map_modes"), modes), (word(lang, "map_statuses"), statuses),
                (word(lang, "map_places"), places)]
    return [(heading, entries) for heading, entries in sections if entries]


def _scale_bar(length: float) -> QImage:
    """A scale bar ``length`` view pixels long: half black, half white, outlined."""
    def draw(p: QPainter) -> None:
        p.setPen(QPen(INK, 0.8))
        p.setBrush(INK)
        p.drawRect(QRectF(0.4, 0.4, length / 2 - 0.4, SCALE_BAR_H_PX - 0.8))
        p.setBrush(QColor("white"))
        p.drawRect(QRectF(length / 2, 0.4, length / 2 - 0.4, SCALE_BAR_H_PX - 0.8))
    return _sample(length, SCALE_BAR_H_PX, draw)


def map_inset(view, iso3: str, lang: str, width_mm: float = INSET_WIDTH_MM) -> MapInset:
    """The corridors touching a partner, as the map view highlights them, with place names in ``lang`` printing
    at LABEL_PT points or more at ``width_mm`` wide; with the legend of what it shows, a scale bar and the
    basemap's credit."""
    px_per_mm = INSET_VIEW_PX / width_mm
    _size_canvas(view, px_per_mm)
    label_px = _pixels(LABEL_PT, px_per_mm)
    _set_labels(view, lang, label_px)
    view.selection.select_node(None)
    view.selection.select_corridor(None)
    view.selection.select_event(None)
    view.selection.select_partner(iso3)
    _fit_partner(view, iso3)
    _place_labels(view, iso3)

    canvas = view.canvas
    frame = QRectF(canvas.viewport().rect())
    to_view = canvas.viewportTransform()
    labels = [(label.text, label.boundingRect().translated(to_view.map(label.pos())))
              for label in view.label_items.values() if label.isVisible()]
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    lon, lat = view.projection.inverse(centre.x(), -centre.y())
    px_per_km = _px_per_km(view, lon, lat)
    scale_km = _scale_length(px_per_km, frame.width())

    image = QImage(round(frame.width() * INSET_DPR), round(frame.height() * INSET_DPR), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(INSET_DPR)  # markers, lines and names drawn as on screen, INSET_DPR times finer
    p = QPainter(image)
    p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    p.fillRect(frame, style.WATER)
    with _printed_pens(view):
        canvas.render(p, frame, canvas.viewport().rect())
    p.setPen(QPen(GREY, 0.8))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame.adjusted(0.4, 0.4, -0.4, -0.4))
    p.end()
    image.setDevicePixelRatio(1.0)
    return MapInset(image, px_per_mm, frame, label_px, labels, _legend(view, lang, frame), scale_km,
                    scale_km * px_per_km, (lon, lat), _scale_bar(scale_km * px_per_km),
                    word(lang, "map_km", n=format_number(scale_km, lang)),
                    word(lang, "map_credit", source=_credit(view)))


def map_image(view, iso3: str, lang: str, width_mm: float = INSET_WIDTH_MM) -> QImage:
    """The picture of :func:`map_inset`."""
    return map_inset(view, iso3, lang, width_mm).image


# ---------------------------------------------------------------------- the chart


def chart_image(sheet: FactSheet, size: tuple[int, int] = CHART_SIZE,
                texts: list[tuple[str, QRectF]] | None = None) -> QImage | None:
    """The turnover by year (gaps where a year has no figure), parts of a year as hollow markers and
    the preferred turnover target as a dashed line with its value; None without a turnover figure.
    ``texts``, if given, receives every text written on the chart and where (in the image's pixels)."""
    plot = sheet.plot
    lines = plot.lines.get("turnover", []) if plot else []
    partials = plot.partials.get("turnover", []) if plot else []
    if not lines and not partials:
        return None
    target = sheet.target_line if sheet.target_line and sheet.target_line.measure == "turnover" else None
    width, height = size
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    chart = _Chart(image, sheet, lines, partials, target, texts if texts is not None else [])
    chart.draw_value_axis()
    chart.draw_year_axis()
    chart.draw_target()  # under the data
    chart.draw_turnover()
    hollow = chart.draw_partials()
    chart.draw_labels(hollow)
    chart.draw_legend()
    chart.p.end()
    return image


class _Chart:
    """One drawing of :func:`chart_image`: its painter, fonts and scales, the places a label must not cover
    (``taken``: markers and labels) and every text written with its place (``written``). Sizes are given for an
    image 1800 px wide (printed 180 mm wide) and scaled by ``unit``."""

    def __init__(self, image: QImage, sheet: FactSheet, lines: list[TradePoint], partials: list[TradePoint],
                 target: TargetLine | None, written: list[tuple[str, QRectF]]):
        self.image, self.sheet, self.lines, self.partials, self.target = image, sheet, lines, partials, target
        self.written = written
        self.taken: list[QRectF] = []
        self.p = QPainter(image)
        self.p.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.unit = unit = image.width() / 1800.0
        self.tick_font, self.label_font, self.bold_font = QFont(ensure_fonts()), QFont(FAMILY), QFont(FAMILY)
        self.tick_font.setPixelSize(round(24 * unit))
        self.label_font.setPixelSize(round(24 * unit))
        self.bold_font.setPixelSize(round(27 * unit))
        self.bold_font.setBold(True)
        self._scale_years()
        self._scale_values()
        self.metrics = QFontMetricsF(self.tick_font, image)
        self.left = max(self.metrics.horizontalAdvance(self.tick_text(v)) for v in self.ticks) + 24 * unit
        legend_h = 56 * unit
        self.area = QRectF(self.left, legend_h + 18 * unit, image.width() - self.left - 30 * unit,
                           image.height() - legend_h - 18 * unit - 56 * unit)

    # ------------------------------------------------------------------ scales

    def _scale_years(self) -> None:
        """The years shown: every figure's, and the target's from its start to its horizon (a year past the data
        when it has none), with a margin on either side."""
        years = sorted({pt.year for pt in self.lines} | {pt.year for pt in self.partials})
        x_lo, x_hi = float(years[0]), float(years[-1])
        self.target_span: tuple[float, float] | None = None
        target = self.target
        if target is not None:
            start = float(target.start_year) if target.start_year is not None else x_lo
            end = float(target.horizon_year) if target.horizon_year is not None else max(x_hi, start) + 1.0
            self.target_span = (start, max(end, start + 0.5))
            x_lo, x_hi = min(x_lo, start), max(x_hi, self.target_span[1])
        self.x_lo, self.x_hi = x_lo - 0.6, x_hi + 0.6

    def _scale_values(self) -> None:
        """The value axis: from 0 to a round number above the highest figure or target, in about five steps;
        in billions from USD 2 bn."""
        target = self.target
        top_value = max([pt.value for pt in self.lines + self.partials]
                        + ([target.value] if target and target.value is not None else []))
        self.billions = top_value >= 2000
        self.step = step = _nice_step(top_value * 1.08 / 5)
        self.y_hi = step * math.ceil(top_value * 1.08 / step)
        self.ticks = [i * step for i in range(int(round(self.y_hi / step)) + 1)]

    def tick_text(self, v: float) -> str:
        if v == 0:
            return "0"
        if self.billions:
            decimals = 0 if self.step >= 1000 else (1 if self.step >= 100 else 2)
            return usd(v, self.sheet.lang, 9, decimals)
        return usd(v, self.sheet.lang, 6, 0 if self.step >= 1 else 1)

    def x(self, year: float) -> float:
        return self.area.left() + (year - self.x_lo) / (self.x_hi - self.x_lo) * self.area.width()

    def y(self, value: float) -> float:
        return self.area.bottom() - value / self.y_hi * self.area.height()

    # ------------------------------------------------------------------ what is drawn

    def draw_value_axis(self) -> None:
        """The value ticks as grid lines across the chart (the zero line darker), their numbers on the left."""
        p, unit, area = self.p, self.unit, self.area
        p.setFont(self.tick_font)
        for v in self.ticks:
            y = self.y(v)
            p.setPen(QPen(QColor("#dddddd") if v else QColor("#888888"), 2 * unit))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(INK)
            box, flags = QRectF(0, y - 20 * unit, self.left - 12 * unit, 40 * unit), int(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            p.drawText(box, flags, self.tick_text(v))
            self.written.append((self.tick_text(v), self.metrics.boundingRect(box, flags, self.tick_text(v))))

    def draw_year_axis(self) -> None:
        """A tick and the year under the chart: every year, every second or every fifth as the span grows."""
        p, unit, area = self.p, self.unit, self.area
        span = self.x_hi - self.x_lo
        every = 1 if span <= 14 else (2 if span <= 28 else 5)
        for year in range(math.ceil(self.x_lo), int(self.x_hi) + 1):
            if year % every:
                continue
            x = self.x(year)
            p.setPen(QPen(QColor("#888888"), 2 * unit))
            p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 8 * unit))
            p.setPen(INK)
            box, flags = (QRectF(x - 60 * unit, area.bottom() + 10 * unit, 120 * unit, 36 * unit),
                          int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop))
            p.drawText(box, flags, str(year))
            self.written.append((str(year), self.metrics.boundingRect(box, flags, str(year))))

    def draw_target(self) -> None:
        """The target as a dashed line over its span, with its value (and horizon) above it, or below it when
        there is no room above."""
        target, span = self.target, self.target_span
        if target is None or span is None or target.value is None:
            return
        p, unit, area, lang = self.p, self.unit, self.area, self.sheet.lang
        p.setPen(QPen(TARGET, 5 * unit, Qt.PenStyle.DashLine))
        y = self.y(target.value)
        x0, x1 = self.x(span[0]), self.x(span[1])
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
        text = f"{word(lang, 'chart_target')}: {self.sheet.money(target.value)}"
        if target.horizon_year is not None:
            text += f" ({word(lang, 'by_year', year=target.horizon_year)})"
        p.setFont(self.bold_font)
        p.setPen(TARGET)
        text_w = QFontMetricsF(self.bold_font, self.image).horizontalAdvance(text)
        tx = min(max(x1 - text_w, area.left() + 4 * unit), area.right() - text_w)
        ty = y - 12 * unit if y - 40 * unit > area.top() else y + 36 * unit
        p.drawText(QPointF(tx, ty), text)
        self.taken.append(QFontMetricsF(self.bold_font, self.image).boundingRect(text).translated(tx, ty))
        self.written.append((text, self.taken[-1]))

    def draw_turnover(self) -> None:
        """The turnover line, one piece per run of consecutive years, and a filled marker at each full year."""
        p, unit = self.p, self.unit
        p.setPen(QPen(TURNOVER, 5 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        run: list[QPointF] = []
        previous = None
        for pt in self.lines:
            point = QPointF(self.x(pt.year), self.y(pt.value))
            if previous is not None and pt.year != previous + 1:
                _polyline(p, run)
                run = []
            run.append(point)
            previous = pt.year
        _polyline(p, run)
        p.setBrush(TURNOVER)
        for pt in self.lines:
            centre = QPointF(self.x(pt.year), self.y(pt.value))
            p.drawEllipse(centre, 8 * unit, 8 * unit)
            self.taken.append(QRectF(centre.x() - 10 * unit, centre.y() - 10 * unit, 20 * unit, 20 * unit))

    def draw_partials(self) -> list[tuple[TradePoint, QPointF]]:
        """A hollow marker for each part of a year, at the middle of the months it covers; returns them with
        their centres."""
        p, unit = self.p, self.unit
        hollow = []
        for pt in self.partials:
            centre = QPointF(self.x(pt.year - 0.5 + pt.months / 24.0), self.y(pt.value))
            p.setPen(QPen(TURNOVER, 4 * unit))
            p.setBrush(QColor("white"))
            p.drawEllipse(centre, 11 * unit, 11 * unit)
            self.taken.append(QRectF(centre.x() - 13 * unit, centre.y() - 13 * unit, 26 * unit, 26 * unit))
            hollow.append((pt, centre))
        return hollow

    def draw_labels(self, hollow: list[tuple[TradePoint, QPointF]]) -> None:
        """The latest full year's value beside its point (always), and each part of a year's months beside its
        marker where there is room."""
        unit, area, lines, lang = self.unit, self.area, self.lines, self.sheet.lang
        # labels stay right of the value axis: a long one ("2018 ж. қаңтар – тамыз") would cover its numbers
        bounds = QRectF(area.left(), area.top() - 10 * unit, self.image.width() - area.left(),
                        area.bottom() - area.top() + 10 * unit)
        if lines:
            last = lines[-1]
            _label(self.p, self.sheet.money(last.value), self.bold_font, INK,
                   QPointF(self.x(last.year), self.y(last.value)), 14 * unit, self.taken, bounds,
                   ("above", "below", "right", "left"), always=True, written=self.written)
        for pt, centre in hollow:
            _label(self.p, period_label(pt, lang), self.label_font, GREY, centre, 16 * unit, self.taken, bounds,
                   ("below", "above", "right", "left"), written=self.written)

    def draw_legend(self) -> None:
        """The legend along the top: full years, parts of a year (if any) and the target (if any)."""
        p, unit, lang = self.p, self.unit, self.sheet.lang
        p.setFont(self.label_font)
        x, y = self.area.left(), 30 * unit
        entries = [("line", word(lang, "chart_full_year"))]
        if self.partials:
            entries.append(("hollow", word(lang, "chart_partial")))
        if self.target is not None:
            entries.append(("target", word(lang, "chart_target")))
        metrics = QFontMetricsF(self.label_font, self.image)
        for kind, text in entries:
            self._legend_sample(kind, x, y)
            p.setPen(INK)
            p.drawText(QPointF(x + 62 * unit, y + 9 * unit), text)
            self.written.append((text, metrics.boundingRect(text).translated(x + 62 * unit, y + 9 * unit)))
            x += 62 * unit + metrics.horizontalAdvance(text) + 44 * unit

    def _legend_sample(self, kind: str, x: float, y: float) -> None:
        """A legend entry's sample, 50 units wide from ``x``: a line with a filled marker, a hollow marker, or
        the target's dashes."""
        p, unit = self.p, self.unit
        if kind == "line":
            p.setPen(QPen(TURNOVER, 5 * unit))
            p.drawLine(QPointF(x, y), QPointF(x + 50 * unit, y))
            p.setBrush(TURNOVER)
            p.drawEllipse(QPointF(x + 25 * unit, y), 8 * unit, 8 * unit)
        elif kind == "hollow":
            p.setPen(QPen(TURNOVER, 4 * unit))
            p.setBrush(QColor("white"))
            p.drawEllipse(QPointF(x + 25 * unit, y), 11 * unit, 11 * unit)
        else:
            p.setPen(QPen(TARGET, 5 * unit, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, y), QPointF(x + 50 * unit, y))


def _label(p: QPainter, text: str, font: QFont, colour: QColor, at: QPointF, gap: float, taken: list[QRectF],
           bounds: QRectF, sides: tuple[str, ...], always: bool = False,
           written: list[tuple[str, QRectF]] | None = None) -> None:
    """Write ``text`` on a light halo on the first side of ``at`` where it covers nothing ``taken`` (and stays
    in ``bounds``); nowhere if there is no such side, unless ``always`` (then on the first side). The text and
    its place are added to ``written``."""
    box = QFontMetricsF(font, p.device()).boundingRect(text).adjusted(-4, 0, 4, 0)
    places = []
    for side in sides:
        rect = QRectF(box)
        if side == "above":
            rect.moveCenter(QPointF(at.x(), at.y() - gap - box.height() / 2))
        elif side == "below":
            rect.moveCenter(QPointF(at.x(), at.y() + gap + box.height() / 2))
        elif side == "right":
            rect.moveCenter(QPointF(at.x() + gap + box.width() / 2, at.y()))
        else:
            rect.moveCenter(QPointF(at.x() - gap - box.width() / 2, at.y()))
        if rect.left() < bounds.left():
            rect.moveLeft(bounds.left())
        if rect.right() > bounds.right():
            rect.moveRight(bounds.right())
        places.append(rect)
    free = [r for r in places if bounds.contains(r) and not any(r.intersects(t) for t in taken)]
    if not free and not always:
        return
    rect = free[0] if free else places[0]
    taken.append(rect)
    if written is not None:
        written.append((text, rect))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, 215))  # a light halo: readable where it crosses a line
    p.drawRoundedRect(rect, 4, 4)
    p.setFont(font)
    p.setPen(colour)
    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


def _polyline(p: QPainter, points: list[QPointF]) -> None:
    if len(points) > 1:
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least ``raw``."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


# ---------------------------------------------------------------------- the document


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _note(number: int | None) -> str:
    return f"<span style='color:#555555; font-size:{BODY_PT - 1.5}pt'>&nbsp;[{number}]</span>" if number else ""


def _small(text: str) -> str:
    return f"<span style='color:#555555; font-size:{BODY_PT - 1}pt'>{text}</span>"


class _Html:
    """Builds the body: sections of table rows, each row and heading named by an anchor (``key``) so that
    the pagination can ask for a page break before it (``breaks``)."""

    def __init__(self, breaks: frozenset[str]):
        self.breaks = breaks
        self.parts: list[str] = []

    def _break(self, key: str) -> str:
        return "page-break-before:always; " if key in self.breaks else ""

    def heading(self, key: str, text: str) -> None:
        self.parts.append(f"<h2 style='{self._break(key)}font-size:{BODY_PT + 2.5}pt; margin-top:9pt; "
                          f"margin-bottom:3pt; color:#1b3a5c'><a name='{key}'>{_e(text)}</a></h2>")

    def rows(self, section: str, rows: list[tuple[str, str]], first_width: str = "38%", padding: int = 2) -> None:
        """A table of (first cell, second cell) rows (HTML); a new table wherever a row must start a page."""
        table = f"<table width='100%' cellspacing='0' cellpadding='{padding}' style='{{}}margin-bottom:3pt'>"
        out = [table.format("")]
        for i, (first, second) in enumerate(rows):
            key = f"{section}-{i}"
            if key in self.breaks and i:
                out.append("</table>" + table.format(self._break(key)))
            elif key in self.breaks:
                out[0] = table.format(self._break(key))
            out.append(f"<tr><td width='{first_width}'><a name='{key}'>{first}</a></td><td>{second}</td></tr>")
        out.append("</table>")
        self.parts.append("".join(out))

    def add(self, text: str) -> None:
        self.parts.append(text)


def _line_cells(line: Line, inline: bool = False) -> tuple[str, str]:
    """(label, value with its details and footnote); the details on a line of their own unless ``inline``."""
    value = f"<b>{_e(line.value)}</b>" if line.value else ""
    detail = _small(_e(line.detail)) if line.detail else ""
    gap = (" " + _small("·") + " " if inline else "<br>") if value and detail else ""
    return (f"<span style='color:#333333'>{_e(line.label)}</span>", f"{value}{gap}{detail}{_note(line.source)}")


def _legend_url(key: str) -> QUrl:
    return QUrl("factsheet:legend-" + re.sub(r"[^a-z_]", "-", key))


def _inset_resources(inset: MapInset) -> list[tuple[QUrl, QImage]]:
    """The pictures the inset's HTML refers to: the map, the legend's samples and the scale bar."""
    return [(_MAP_URL, inset.image), (_SCALE_URL, inset.scale_bar),
            *((_legend_url(entry.key), entry.sample) for _heading, entries in inset.sections for entry in entries)]


def _css_width(text: str, points: float, bold: bool = False) -> float:
    """The width of ``text`` in ``points``-sized DejaVu Sans, in CSS pixels (1/96 inch)."""
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(3780)  # 96 dots per inch
    device.setDotsPerMeterY(3780)
    return QFontMetricsF(_font(points, bold), device).horizontalAdvance(text)


def _inset_html(inset: MapInset, width_px: float, caption: str, page_break: str) -> str:
    """The map inset across the text width, and under it its legend (a row for each section), the scale bar with
    its length and the basemap's credit (right), and the caption: text, so that it prints sharp and can be found
    and copied; all in one row that pagination keeps on one page (``map-0``)."""
    k = width_px / inset.frame.width()  # CSS pixels per view pixel

    def img(url: QUrl, width: float, height: float) -> str:
        return (f"<img src='{url.toString()}' width='{width * k:.1f}' height='{height * k:.1f}' "
                "style='vertical-align:middle'>")

    def nowrap(text: str) -> str:
        return _e(text).replace(" ", "&nbsp;")

    # the entries wrap between them, never between a sample and its text (Qt would break a line after a picture
    # as readily as at a space): each row is broken here, where the next entry would not fit
    heading_w = max(_css_width(f"{heading}:", LEGEND_PT, bold=True) for heading, _entries in inset.sections) + 8
    room = (width_px - heading_w) * 0.94  # (a margin for the printer's font metrics)
    gap = "&nbsp;&nbsp;&nbsp; "
    gap_w = _css_width("\u00a0\u00a0\u00a0 ", LEGEND_PT)
    rows = []
    for heading, entries in inset.sections:
        html, x = "", 0.0
        for entry in entries:
            width = entry.width * k + _css_width("\u00a0" + entry.text, LEGEND_PT)
            if x and x + gap_w + width > room:
                html, x = html + "<br>", 0.0
            elif x:
                html, x = html + gap, x + gap_w
            html += f"{img(_legend_url(entry.key), entry.width, entry.height)}&nbsp;{nowrap(entry.text)}"
            x += width
        rows.append(f"<tr><td width='{heading_w:.0f}'><span style='font-size:{LEGEND_PT}pt'><b>{_e(heading)}:</b>"
                    f"</span></td><td><span style='font-size:{LEGEND_PT}pt'>{html}</span></td></tr>")
    legend = f"<table cellspacing='0' cellpadding='1' style='margin-top:2pt'>{''.join(rows)}</table>"
    scale = (f"<table width='100%' cellspacing='0' cellpadding='1'><tr><td><span style='font-size:{LEGEND_PT}pt'>"
             f"{img(_SCALE_URL, inset.scale_px, SCALE_BAR_H_PX)}&nbsp;&nbsp;{nowrap(inset.scale_text)}</span></td>"
             f"<td align='right'><span style='font-size:{CREDIT_PT}pt; color:#555555'>{_e(inset.credit)}</span>"
             "</td></tr></table>")
    return (f"<table width='100%' cellspacing='0' cellpadding='0' style='{page_break}margin-top:4pt'><tr><td>"
            f"<a name='map-0'>{img(_MAP_URL, inset.frame.width(), inset.frame.height())}</a>{legend}{scale}"
            f"<p style='margin-top:2pt'>{_small(_e(caption))}</p></td></tr></table>")


def _date_pieces(date: str) -> list[str]:
    """A date, or the two ends of a range ("2025 ж. 30 сәуір – 2 мамыр"): the pieces a line may break between."""
    return re.split(r"(?<=\s[–—])\s", date)


def _date_cell(date: str) -> str:
    """A date that breaks only after a range's dash, never between its day, month and year."""
    return " ".join(_e(piece).replace(" ", "&nbsp;").replace("\u2009", "\u202f") for piece in _date_pieces(date))


def _date_column(dates: list[str], text_width_px: float) -> str:
    """The width of the events' and agreements' date column: 15% of the text width, or as wide as the widest date
    (or end of a range) needs, up to DATE_COLUMN_MAX of it: a Kazakh date, "2025 ж. 11–12 желтоқсан", is longer
    than "11–12 Dec 2025"."""
    pieces = [piece for date in dates for piece in _date_pieces(date)]
    needed = max((_css_width(piece, BODY_PT) for piece in pieces), default=0.0) / 0.94 + 2 * 2  # padding, metrics
    share = min(max(needed / text_width_px, 0.15), DATE_COLUMN_MAX)
    return f"{math.ceil(share * 100)}%"


def factsheet_html(sheet: FactSheet, *, text_width_px: float, chart: bool, map_inset: MapInset | None,
                   breaks: frozenset[str] = frozenset()) -> str:
    """The sheet's body as HTML for QTextDocument; sizes in CSS pixels (1/96 inch). ``breaks``: the keys of
    the rows and headings that start a new page."""
    w = sheet.word
    nr = _e(w("not_recorded"))
    doc = _Html(breaks)
    doc.add(f"<p style='font-size:{BODY_PT + 11}pt; font-weight:bold; margin:0'>{_e(sheet.partner)}</p>"
            f"<p style='margin-top:1pt; color:#444444'>{_e(w('sheet'))} · {_e(w('as_of', date=sheet.as_of_text))}</p>")

    # relations | key figures, side by side
    relations = _Html(breaks)
    relations.heading("h-relations", w("relations"))
    rows = [_line_cells(sheet.level) if sheet.level else (_e(w("level")), nr),
            _line_cells(sheet.diplomatic) if sheet.diplomatic else (_e(w("diplomatic")), nr)]
    relations.rows("relations", rows)
    figures = _Html(breaks)
    figures.heading("h-figures", w("key_figures"))
    rows = [_line_cells(x) for x in (sheet.trade, sheet.exports, sheet.imports) if x] if sheet.trade else [
        (_e(w("turnover_plain")), nr)]
    rows.append(_line_cells(sheet.target) if sheet.target else (_e(w("target")), nr))
    figures.rows("figures", rows)
    doc.add("<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td width='50%' style='padding-right:8px'>{''.join(relations.parts)}</td>"
            f"<td width='50%' style='padding-left:8px'>{''.join(figures.parts)}</td></tr></table>")
    mechanisms = "; ".join(f"{_e(m.label)}{(' ' + _small('(' + _e(m.detail) + ')')) if m.detail else ''}"
                           f"{_note(m.source)}" for m in sheet.mechanisms) or nr
    doc.rows("mechanisms", [(f"<span style='color:#333333'>{_e(w('mechanisms'))}</span>", mechanisms)], "19%")
    if chart:
        height = text_width_px * CHART_SIZE[1] / CHART_SIZE[0]
        doc.add(f"<table width='100%' cellspacing='0' cellpadding='0' style='{doc._break('chart-0')}"
                f"margin-top:6pt'><tr><td><a name='chart-0'><img src='{_CHART_URL.toString()}' "
                f"width='{text_width_px:.1f}' height='{height:.1f}'></a><br>{_small(_e(w('chart_note')))}"
                "</td></tr></table>")

    doc.heading("h-facts", w("key_facts"))
    if sheet.facts:
        doc.rows("facts", [_line_cells(f, inline=True) for f in sheet.facts])
    else:
        doc.add(f"<p>{nr}</p>")

    dates = _date_column([e.date for e in sheet.events] + [a.date for a in sheet.agreements], text_width_px)
    doc.heading("h-events", w("events"))
    if sheet.events:
        doc.rows("events", [(_date_cell(e.date), f"{_e(e.title)}{_note(e.source)} "
                             f"{_small(_e(' · '.join(x for x in (e.kind, e.place) if x)))}") for e in sheet.events],
                 dates)
    else:
        doc.add(f"<p>{nr}</p>")

    doc.heading("h-agreements", w("agreements"))
    if sheet.agreements:
        doc.rows("agreements", [(_date_cell(a.date), f"{_e(a.title)}{_note(a.source)} "
                                 f"{_small(_e(' · '.join(x for x in (a.doc_type, a.documents) if x)))}")
                                for a in sheet.agreements], dates)
        if sheet.agreements_more:
            doc.add(f"<p style='margin-top:2pt'>{_e(w('and_more', n=sheet.agreements_more))}</p>")
    else:
        doc.add(f"<p>{nr}</p>")

    doc.heading("h-corridors", w("corridors"))
    names = "<br>".join(f"• {_e(n)}" for n in sheet.corridors) or nr
    doc.rows("corridors", [(names, "")], "100%")
    if map_inset is not None:  # the whole text width, under the list (on the next page if it does not fit)
        doc.add(_inset_html(map_inset, text_width_px, w("map_caption", partner=sheet.partner), doc._break("map-0")))

    doc.heading("h-sources", w("sources"))
    if sheet.sources:
        rows = []
        for s in sheet.sources:
            info = ", ".join(x for x in (s.publisher, s.kind, s.date) if x)
            url = f"<br><span style='color:#1b3a5c; font-size:{BODY_PT - 2}pt'>{_e(s.url)}</span>" if s.url else ""
            rows.append((f"<span style='font-size:{BODY_PT - 1}pt'>{s.number}.</span>",
                         f"<span style='font-size:{BODY_PT - 1}pt'>{_e(s.title)}"
                         f"{(' — ' + _small(_e(info))) if info else ''}{url}</span>"))
        doc.rows("sources", rows, "4%", padding=1)
    else:
        doc.add(f"<p>{nr}</p>")
    return "".join(doc.parts)


class _Page:
    """Where things go on a page of a paint device, in its pixels."""

    def __init__(self, device: PrintDevice, marking: bool):
        paint = device.pageLayout().paintRectPixels(device.resolution())
        self.mm = device.logicalDpiY() / 25.4
        self.width = float(paint.width())
        self.height = float(paint.height())
        self.header = (12.0 if marking else 8.0) * self.mm
        self.footer = 8.0 * self.mm
        self.body = self.height - self.header - self.footer


def _document(sheet: FactSheet, device: QPagedPaintDevice, page: _Page, chart: QImage | None,
              inset: MapInset | None) -> QTextDocument:
    """The sheet laid out in pages of ``page.body`` height; laid out again with a page break before each
    row or heading that would be split from what belongs with it (one at a time, top down)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_font(BODY_PT))
    doc.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs wrap, never run off
    doc.setDefaultTextOption(option)
    css_px = page.width / device.logicalDpiX() * 96.0
    breaks: frozenset[str] = frozenset()
    for _ in range(MAX_LAYOUTS):
        doc.setHtml(factsheet_html(sheet, text_width_px=css_px, chart=chart is not None, map_inset=inset,
                                   breaks=breaks))
        if chart is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, _CHART_URL, chart)
        for url, image in _inset_resources(inset) if inset is not None else ():
            doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        doc.setPageSize(QSizeF(page.width, page.body))
        key = _first_bad_break(doc, page, breaks)
        if key is None:
            break
        breaks = breaks | {key}
    return doc


def _anchors(doc: QTextDocument) -> list[tuple[str, QTextBlock]]:
    """The named rows and headings, in document order."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        if not it.atEnd():
            names = it.fragment().charFormat().anchorNames()
            if names:
                found.append((names[0], block))
        block = block.next()
    return found


def _first_bad_break(doc: QTextDocument, page: _Page, breaks: frozenset[str]) -> str | None:
    """The first heading too close to the foot of its page or running over it, or the first row split across two pages
    (the heading above it if it is the first row of its section); None if there is none."""
    layout = doc.documentLayout()
    body = page.body
    headings: dict[str, float] = {}
    for key, block in _anchors(doc):
        if key in breaks:
            continue
        rect = layout.blockBoundingRect(block)
        if key.startswith("h-"):
            headings[key] = rect.top()
            crosses = math.floor((rect.top() + 1) / body) != math.floor((rect.bottom() - 1) / body)  # (a pixel's play)
            if (crosses or body - rect.bottom() % body < KEEP_WITH_NEXT_MM * page.mm) and rect.top() % body > page.mm:
                return key
            continue
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is None:
            continue
        row = table.cellAt(cursor).row()
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
        bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
        if math.floor(top / body) == math.floor((bottom - 0.5) / body) or bottom - top > 0.8 * body:
            continue
        section, _, index = key.rpartition("-")
        heading = f"h-{section}"
        if index == "0" and heading in headings and math.floor(headings[heading] / body) == math.floor(top / body):
            return heading
        return key
    return None


def _paint_pages(sheet: FactSheet, doc: QTextDocument, painter: QPainter, device: QPagedPaintDevice,
                 page: _Page, first: bool = True) -> int:
    """Print the document page by page with its header and footer; return the number of pages."""
    total = doc.pageCount()
    for n in range(total):
        if n or not first:
            device.newPage()
        painter.save()
        painter.translate(0, page.header - n * page.body)
        doc.drawContents(painter, QRectF(0, n * page.body, page.width, page.body))
        painter.restore()
        _header_footer(sheet, painter, page, n + 1, total)
    return total


def _header_footer(sheet: FactSheet, painter: QPainter, page: _Page, number: int, total: int) -> None:
    mm = page.mm
    painter.save()
    small, bold = _font(7.5), _font(7.5, bold=True)

    def metrics(font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, painter.device())  # in the device's pixels, not the screen's

    top = 0.0
    if sheet.marking:
        painter.setFont(_font(8.5, bold=True))
        painter.setPen(INK)
        text = metrics(painter.font()).elidedText(sheet.marking, Qt.TextElideMode.ElideRight, page.width)
        painter.drawText(QRectF(0, 0, page.width, 4.5 * mm),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        top = 4.5 * mm
    right = f"{sheet.word('app')} · {sheet.word('as_of', date=sheet.as_of_text)}"
    right_w = metrics(small).horizontalAdvance(right)
    painter.setFont(bold)
    painter.setPen(INK)
    name = metrics(bold).elidedText(sheet.partner, Qt.TextElideMode.ElideRight, page.width - right_w - 6 * mm)
    box = QRectF(0, top, page.width, 4.5 * mm)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), name)
    painter.setFont(small)
    painter.setPen(GREY)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), right)
    painter.setPen(QPen(RULE, 0.25 * mm))
    painter.drawLine(QPointF(0, top + 4.8 * mm), QPointF(page.width, top + 4.8 * mm))

    foot = page.height - page.footer
    painter.drawLine(QPointF(0, foot + 2.5 * mm), QPointF(page.width, foot + 2.5 * mm))
    box = QRectF(0, foot + 3.2 * mm, page.width, 4.5 * mm)
    page_text = sheet.word("page", n=number, total=total)
    page_w = metrics(small).horizontalAdvance(page_text)
    painter.setPen(GREY)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page_text)
    left = sheet.partner
    if sheet.marking:
        left = f"{sheet.marking} · {sheet.partner}"
        painter.setPen(INK)
        painter.setFont(bold)
    text = metrics(painter.font()).elidedText(left, Qt.TextElideMode.ElideRight, page.width - page_w - 6 * mm)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
    painter.restore()


class _Renderer:
    """Draws sheets onto one paged device; keeps one map view for all of them."""

    def __init__(self, *, chart: bool, map_inset: bool, map_view=None, repo: Repository | None = None):
        ensure_fonts()
        self.chart = chart
        self.map_inset = map_inset
        self.map_view = map_view
        self.repo = repo
        self._own_view = False

    def images(self, sheet: FactSheet, width_mm: float = INSET_WIDTH_MM) -> tuple[QImage | None, MapInset | None]:
        """The chart and the map inset (printed ``width_mm`` wide: the text width), or None for either."""
        chart = chart_image(sheet) if self.chart else None
        inset = None
        if self.map_inset and sheet.corridors:
            if self.map_view is None and self.repo is not None:
                self.map_view = make_map_view(self.repo)
                self._own_view = True
            if self.map_view is not None:
                inset = map_inset(self.map_view, sheet.iso3, sheet.lang, width_mm)
        return chart, inset

    def paint(self, sheet: FactSheet, painter: QPainter, device: PrintDevice, first: bool) -> int:
        page = _Page(device, bool(sheet.marking))
        chart, inset = self.images(sheet, page.width / page.mm)
        doc = _document(sheet, device, page, chart, inset)
        return _paint_pages(sheet, doc, painter, device, page, first)

    def close(self) -> None:
        if self._own_view and self.map_view is not None:
            self.map_view.close()
            self.map_view.deleteLater()
            self.map_view = None


def _writer(output: Path | QIODevice, page_size: str, title: str, author: str | None = None,
            pdfa: bool = True) -> QPdfWriter:
    """A QPdfWriter on ``output`` (a device; a path only for measuring layouts: it does not report failed
    writes, see :class:`_Pdf`), with the sheet's page size and margins, its title and author (``author``, or
    the application's name), and PDF/A-1b unless ``pdfa`` is False (archives keep PDF/A; it costs no
    measurable time, see tests/benchmarks/bench_factsheet.py)."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r} (choose one of {', '.join(PAGE_SIZES)})")
    writer = QPdfWriter(output if isinstance(output, QIODevice) else str(output))
    writer.setResolution(RESOLUTION)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait, margins,
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setAuthor(author or DEFAULT_AUTHOR)
    writer.setCreator("Partnership Atlas")
    if pdfa:
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    return writer


class _Pdf:
    """A PDF made in memory: QPdfWriter on a QBuffer. Written to a file, QPdfWriter would not report a failed
    write (a full disk gave a truncated file and success); the bytes are checked here (as
    :mod:`desktop.qt.shell.files` checks pictures) and written by :func:`desktop.core.atomic.replacing`, which
    reports every error and keeps the old file."""

    def __init__(self, page_size: str, title: str, author: str | None = None, pdfa: bool = True):
        self.buffer = memory_device()
        self.writer = _writer(self.buffer, page_size, title, author, pdfa)
        self.painter = QPainter()
        if not self.painter.begin(self.writer):
            raise OSError("the PDF could not be started")
        self.painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                                    | QPainter.RenderHint.SmoothPixmapTransform
                                    | QPainter.RenderHint.LosslessImageRendering)

    def finish(self, pages: int, info: ArchiveInfo) -> bytes:
        """The finished PDF, checked: Qt reports success, it starts as a PDF, ends with ``%%EOF`` and holds
        ``pages`` pages; with the subject, keywords, language and bookmarks of ``info`` added
        (:func:`~desktop.export.pdf_archive.add_archive_info`). Raises OSError otherwise (so no file is
        replaced)."""
        ended = self.painter.end()
        data = bytes(self.buffer.data().data())
        self.buffer.close()
        found = len(_PAGE_OBJECT.findall(data))
        if not ended or not PDF.whole(data) or found != pages:
            raise OSError(errno.EIO, f"the PDF came out incomplete ({found} of {pages} pages)")
        try:
            return add_archive_info(data, info)
        except (PdfStructureError, ValueError) as exc:  # not laid out as QPdfWriter writes: no file is written
            raise OSError(errno.EIO, f"the PDF's metadata could not be added ({exc})") from exc

    def abandon(self) -> None:
        if self.painter.isActive():
            self.painter.end()
        self.buffer.close()


def _title(sheet: FactSheet) -> str:
    return f"{sheet.partner} — {sheet.word('sheet')} ({sheet.as_of_text})"


def _sheet_pdf(renderer: _Renderer, sheet: FactSheet, page_size: str, author: str | None = None,
               pdfa: bool = True) -> tuple[bytes, int]:
    """One sheet as a checked PDF in memory, and its page count."""
    pdf = _Pdf(page_size, _title(sheet), author, pdfa)
    try:
        pages = renderer.paint(sheet, pdf.painter, pdf.writer, True)
        return pdf.finish(pages, archive_info([sheet])), pages
    finally:
        pdf.abandon()


def render_factsheet(sheet: FactSheet, path: str | os.PathLike[str], *, page_size: str = "A4", chart: bool = True,
                     map_inset: bool = True, map_view=None, repo: Repository | None = None,
                     author: str | None = None, pdfa: bool = True) -> int:
    """Write the sheet as a PDF, whole or not at all (:func:`desktop.core.atomic.write_bytes`: a temporary
    file, synced and renamed into place); return its page count. A file that cannot be written raises a
    :class:`~desktop.core.atomic.FileError` (an OSError) that says why, and the old file is kept.

    The map inset needs ``map_view`` (from :func:`make_map_view`, reused between sheets) or ``repo`` to
    build one; with neither it is left out. ``author`` (the user's organisation; by default the application's
    name) goes into the PDF's metadata; the PDF is PDF/A-1b unless ``pdfa`` is False.
    """
    target = Path(path)
    renderer = _Renderer(chart=chart, map_inset=map_inset, map_view=map_view, repo=repo)
    try:
        data, pages = _sheet_pdf(renderer, sheet, page_size, author, pdfa)
    finally:
        renderer.close()
    write_bytes(target, data)
    return pages


def print_factsheet(sheet: FactSheet, printer, *, chart: bool = True, map_inset: bool = True, map_view=None,
                    repo: Repository | None = None) -> int:
    """Print the sheet on a QPrinter (what QPrintPreviewDialog's paintRequested hands over); return pages."""
    layout = printer.pageLayout()
    if min(layout.margins(QPageLayout.Unit.Millimeter).left(), layout.margins(QPageLayout.Unit.Millimeter).top()) < 10:
        printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    renderer = _Renderer(chart=chart, map_inset=map_inset, map_view=map_view, repo=repo)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    try:
        return renderer.paint(sheet, painter, printer, True)
    finally:
        painter.end()
        renderer.close()


def sheet_filename(iso3: str, lang: str) -> str:
    return f"factsheet-{iso3.lower()}-{lang}.pdf"


class _Cancelled(Exception):
    """Raised inside the writes of :func:`render_all` when its progress says stop: every file is dropped."""


def render_all(repo: Repository, lang: str, out: str | os.PathLike[str], combined: bool,
               progress: Callable[[int, int], bool | None] | None = None, *, as_of: str | None = None,
               marking: str | None = None, page_size: str = "A4", chart: bool = True, map_inset: bool = True,
               map_view=None, author: str | None = None, pdfa: bool = True) -> list[Path]:
    """A fact sheet for every partner: one PDF each in the folder ``out``, or (``combined``) one PDF ``out``
    with each partner starting on a new page and one bookmark per partner at its first page (``author`` and
    ``pdfa`` as for :func:`render_factsheet`). ``progress(done, total)`` returning False cancels: then no
    file is written. One PDF each goes through :func:`desktop.core.atomic.replacing_together`: all are
    written and synced before the first is renamed into place, so an error leaves the old files or the new
    ones, all of them."""
    partners = [p.iso3 for p in repo.partners()]
    target = Path(out)
    try:
        if not combined:
            target.mkdir(parents=True, exist_ok=True)
        elif target.is_dir():
            target = target / f"factsheets-{lang}.pdf"
    except OSError as exc:
        raise file_error(exc, target) from exc
    total = len(partners)
    if progress is not None and progress(0, total) is False:
        return []
    renderer = _Renderer(chart=chart, map_inset=map_inset, map_view=map_view, repo=repo)
    try:
        if combined:
            return _render_combined(renderer, repo, partners, lang, target, progress, as_of, marking, page_size,
                                    author, pdfa)
        return _render_each(renderer, repo, partners, lang, target, progress, as_of, marking, page_size, author,
                            pdfa)
    except _Cancelled:
        return []
    finally:
        renderer.close()


def _render_combined(renderer: _Renderer, repo: Repository, partners: list[str], lang: str, target: Path,
                     progress, as_of: str | None, marking: str | None, page_size: str, author: str | None,
                     pdfa: bool) -> list[Path]:
    pdf = _Pdf(page_size, f"{word(lang, 'sheet')} ({as_of or ''})".replace(" ()", ""), author, pdfa)
    try:
        pages = 0
        sheets: list[FactSheet] = []
        bookmarks: list[Bookmark] = []
        for done, iso3 in enumerate(partners, 1):
            sheet = build_factsheet(repo, iso3, lang, as_of, marking)
            bookmarks.append(Bookmark(sheet.partner, pages))
            sheets.append(sheet)
            pages += renderer.paint(sheet, pdf.painter, pdf.writer, done == 1)
            if progress is not None and progress(done, len(partners)) is False:
                raise _Cancelled
        data = pdf.finish(pages, archive_info(sheets, bookmarks))
    finally:
        pdf.abandon()
    write_bytes(target, data)
    return [target]


def _render_each(renderer: _Renderer, repo: Repository, partners: list[str], lang: str, folder: Path,
                 progress, as_of: str | None, marking: str | None, page_size: str, author: str | None,
                 pdfa: bool) -> list[Path]:
    written: list[Path] = []
    with replacing_together() as add:  # all written and synced, then all renamed; on an error or a cancel, none
        for done, iso3 in enumerate(partners, 1):
            sheet = build_factsheet(repo, iso3, lang, as_of, marking)
            data, _pages = _sheet_pdf(renderer, sheet, page_size, author, pdfa)
            final = folder / sheet_filename(iso3, lang)
            fill(add(final), data)
            written.append(final)
            if progress is not None and progress(done, len(partners)) is False:
                raise _Cancelled
    return written


__all__ = ["render_factsheet", "render_all", "print_factsheet", "make_map_view", "map_inset", "map_image", "MapInset",
           "LegendEntry", "chart_image", "factsheet_html", "ensure_fonts", "PAGE_SIZES"]
