"""The corridor view: an offline map of corridors, ports and border crossings.

Country outlines come from the bundled Natural Earth basemap, projected with a Lambert conformal conic
projection centred on the Caspian; segments are drawn by mode (colour) and status (dash), nodes by
kind (marker). Scene units are projected kilometres with y pointing south. Markers and labels keep
their size at every zoom (they ignore the view's transformation); lines are cosmetic.

A node without coordinates is never placed at a guessed point: it is listed under "Position
unknown" beside the map, as is a segment whose end has no position. A node whose position is that of the
nearest town (``position_approx``) is drawn with a hollow dotted marker and "≈" before its name. A segment is
drawn through the points of its recorded route (desktop.core.routes); one without a recorded route is a thin
"route not recorded" line between its ends (through its waypoints, which keep a sea leg on water).

The basemap covers the data's extent plus a margin; outside it the map is grey ("no map data"), so its edge
never passes for a coast. Zoomed out, countries and lakes are drawn from their simplified outlines.

The view reads and writes the shared selection: a click selects a node, or a segment's corridor;
the partner and event chosen elsewhere highlight their corridors and nodes.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QStyle,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.edits import Changes, Kind
from desktop.core.geo import LambertConformal
from desktop.core.records import Node, Segment
from desktop.core.routes import RouteError, RoutePoint, is_recorded, parse_route
from desktop.data.basemap import Basemap, load_basemap
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.i18n import adopt_language, current_language
from desktop.qt.map import map_style as style
from desktop.qt.plaintext import escape, plain_label, rich_tooltip
from desktop.qt.shell.actions import add_view_actions, view_shortcut_text
from desktop.qt.shell.crash import contained
from desktop.qt.shell.files import save_dialog, save_png, save_svg
from desktop.qt.shell.selection import SelectionState
from desktop.qt.shell.source_kinds import source_kind

ZOOM_STEP = 1.25
LABEL_SIDES = ("right", "left", "above", "below", "above_right", "below_right", "above_left", "below_left")
MIN_SCALE, MAX_SCALE = 0.02, 40.0  # pixels per projected km
LABEL_GAP = 3.0  # pixels between labels
FIT_MARGIN = 40.0  # pixels around "fit all" and "fit selection"
PICK_PX = 7.0  # a click this close (pixels) to a marker or a line picks it
PARALLEL_PX = 5.0  # between lines that join the same two nodes
COARSE_BELOW = 0.3  # pixels per km: below this scale countries and lakes are drawn from their simplified outlines
EDGE_STEP = 0.5  # degrees between the points of the extent's outline (parallels are arcs in this projection)
ROLE_KIND, ROLE_ID = 0, 1  # QGraphicsItem.data() keys
SAVE_DIALOGS = {"export_png": "export_png_dialog", "export_svg": "export_svg_dialog"}  # button: its dialog


def _extent_outline(projection: LambertConformal, bbox: tuple[float, float, float, float]) -> list[QPointF]:
    """The outline of a lon/lat box in scene coordinates, densified (the projection bends its parallels)."""
    lon0, lat0, lon1, lat1 = bbox
    n_lon = max(1, int((lon1 - lon0) / EDGE_STEP))
    n_lat = max(1, int((lat1 - lat0) / EDGE_STEP))
    ring = ([(lon0 + (lon1 - lon0) * i / n_lon, lat0) for i in range(n_lon)]
            + [(lon1, lat0 + (lat1 - lat0) * i / n_lat) for i in range(n_lat)]
            + [(lon1 - (lon1 - lon0) * i / n_lon, lat1) for i in range(n_lon)]
            + [(lon0, lat1 - (lat1 - lat0) * i / n_lat) for i in range(n_lat)])
    points = []
    for lon, lat in ring:
        x, y = projection.forward(lon, lat)
        points.append(QPointF(x, -y))
    return points


def _bounds(points: list[QPointF]) -> QRectF:
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def _ring_path(path: QPainterPath, xy: list[float]) -> None:
    """Add one projected ring (flat x, y list; y north) to a path, as a closed subpath in scene coordinates."""
    path.moveTo(xy[0], -xy[1])
    for i in range(2, len(xy), 2):
        path.lineTo(xy[i], -xy[i + 1])
    path.closeSubpath()


def route_points(seg: Segment) -> tuple[RoutePoint, ...]:
    """A segment's route points; () when it has none, or (never expected: the form and the build check it) when
    its route text cannot be read."""
    try:
        return parse_route(seg.route)
    except RouteError:
        return ()


def map_label(node: Node, lang: str) -> str:
    """A node's name on the map: without the detail in parentheses or after a dash (the tooltip has the full
    name); "≈ " before it when the position is approximate."""
    name = node.name(lang)
    short = name.split(" (", 1)[0].split(" — ", 1)[0].strip() or name
    return style.APPROX_PREFIX + short if node.position_approx else short


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    cx, cy = a.x() + t * dx - p.x(), a.y() + t * dy - p.y()
    return (cx * cx + cy * cy) ** 0.5


class CountryItem(QGraphicsPathItem):
    """A country (or a lake): drawn from its simplified outline when the map is zoomed out."""

    def __init__(self, iso3: str | None, name: str, path: QPainterPath, coarse: QPainterPath | None = None):
        super().__init__(path)
        self.iso3 = iso3
        self.name = name
        self.coarse = coarse
        pen = QPen(style.BORDER, 0.8)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QBrush(style.LAND))
        self.setZValue(0)
        self.setAcceptHoverEvents(False)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.coarse is None or painter.worldTransform().m11() >= COARSE_BELOW:
            super().paint(painter, option, widget)
            return
        painter.setPen(self.pen())
        painter.setBrush(self.brush())
        painter.drawPath(self.coarse)


class SegmentItem(QGraphicsPathItem):
    """A segment's line through the points of its route (scene coordinates, ends included)."""

    def __init__(self, segment: Segment, points: list[QPointF], recorded: bool):
        super().__init__()
        self.segment = segment
        self.points = points
        self.recorded = recorded  # the route is recorded (it names a place the line passes)
        self.lane = 0.0  # lines between the same two nodes are drawn side by side: lane * PARALLEL_PX apart
        self.setData(ROLE_KIND, "segment")
        self.setData(ROLE_ID, segment.id)
        self.place(1.0)
        self.set_state(False, False)

    @property
    def ends(self) -> tuple[QPointF, QPointF]:
        return self.points[0], self.points[-1]

    def place(self, scale: float) -> None:
        """Shift the line sideways by its lane (in pixels at the current ``scale``, pixels per km), across the
        direction from its first to its last point."""
        a, b = self.ends
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        shift = self.lane * PARALLEL_PX / scale
        offset = QPointF(-dy / length * shift, dx / length * shift)
        path = QPainterPath(self.points[0] + offset)
        for point in self.points[1:]:
            path.lineTo(point + offset)
        self.setPath(path)

    def drawn_points(self) -> list[QPointF]:
        """The line's points as drawn (lane shift included)."""
        path = self.path()
        return [QPointF(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]

    def set_state(self, selected: bool, dimmed: bool) -> None:
        self.setPen(style.segment_pen(self.segment.mode, self.segment.status, selected=selected, dimmed=dimmed,
                                      recorded=self.recorded))
        self.setZValue(12 if selected else (9 if dimmed else 10))


STATUS_ORDER = ("proposed", "planned", "under_construction", "operating")  # least advanced first


class ChainItem(SegmentItem):
    """Segments that pass places of unknown position (a border station between two placed places), drawn as one
    thin "route not recorded" line between the placed places at their ends, so that the line is seen; the places
    themselves stay listed under "Position unknown". Its mode is the segments' (if they share one) and its status
    the least advanced of theirs."""

    def __init__(self, chain: list[Segment], unknown: list[int], points: list[QPointF], ends: tuple[int, int]):
        modes = {seg.mode for seg in chain}
        status = min((seg.status for seg in chain),
                     key=lambda code: STATUS_ORDER.index(code) if code in STATUS_ORDER else -1)
        shown = chain[0]._replace(mode=modes.pop() if len(modes) == 1 else "other", status=status)
        self.chain = chain
        self.ids = {seg.id for seg in chain}
        self.unknown = unknown  # the node ids passed, in order
        self.end_ids = ends
        super().__init__(shown, points, recorded=False)


class NodeItem(QGraphicsPathItem):
    """A node's marker: constant size in pixels, centred on the node's projected position."""

    def __init__(self, node: Node, pos: QPointF):
        super().__init__(style.marker_path(node.kind))
        self.node = node
        self.setPos(pos)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setData(ROLE_KIND, "node")
        self.setData(ROLE_ID, node.id)
        self.setZValue(20)
        self.set_state(False, False)

    def set_state(self, selected: bool, dimmed: bool) -> None:
        approx = bool(self.node.position_approx)
        self.setPen(style.marker_pen(selected=selected, dimmed=dimmed, approx=approx))
        self.setBrush(style.marker_brush(self.node.kind, dimmed=dimmed, approx=approx))
        # an approximate position is drawn beneath the exact places it may share a spot with
        self.setZValue(22 if selected else (19 if dimmed else 20) - (0.5 if approx else 0.0))


class LabelItem(QGraphicsItem):
    """A node's name beside its marker, on a light halo; constant size in pixels."""

    def __init__(self, node: Node, pos: QPointF, text: str, font: QFont):
        super().__init__()
        self.node = node
        self.priority = style.LABEL_PRIORITY.get(node.kind, 3)
        self.setPos(pos)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(30)
        self.font = font
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        metrics = QFontMetricsF(self.font)
        self._size = (metrics.horizontalAdvance(text) + 6, metrics.height() + 2)
        self._baseline = metrics.ascent() - metrics.height() / 2
        self.set_side("right")

    def set_side(self, side: str) -> None:
        """Put the label to the right, left, above or below its marker."""
        self.prepareGeometryChange()
        self.side = side
        self._rect = self.rect_at(side)

    def rect_at(self, side: str) -> QRectF:
        width, height = self._size
        offset = style.MARKER_SIZE / 2 + 3
        if side == "above":
            return QRectF(-width / 2, -offset - height + 2, width, height)
        if side == "below":
            return QRectF(-width / 2, offset - 2, width, height)
        left = offset - 3 if side.endswith("_right") else -offset + 3 - width
        if side.startswith("above_"):
            return QRectF(left, -offset - height + 3, width, height)
        if side.startswith("below_"):
            return QRectF(left, offset - 3, width, height)
        return QRectF(offset if side == "right" else -offset - width, -height / 2, width, height)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(QColor("#111111"))
        painter.setFont(self.font)
        painter.drawText(QPointF(self._rect.left() + 3, self._rect.center().y() + self._baseline), self.text)


class MapCanvas(QGraphicsView):
    """The graphics view: wheel and +/- zoom around the cursor, drag to pan, click to select."""

    clicked = Signal(object)  # the item under a click (or None)
    scale_changed = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setObjectName("mapCanvas")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(style.WATER))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self._press: QPointF | None = None
        # set by the view: item -> a tooltip (rich_tooltip of escaped data)
        self.tooltip_for: Callable[[NodeItem | SegmentItem], str] | None = None

    def current_scale(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the scene point under ``anchor`` (view pixels) in place."""
        scale = self.current_scale()
        factor = max(MIN_SCALE / scale, min(MAX_SCALE / scale, factor))
        if abs(factor - 1) < 1e-9:
            return
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        before = self.mapToScene(anchor.toPoint())
        old = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        after = self.mapToScene(anchor.toPoint())
        delta = after - before
        self.translate(delta.x(), delta.y())
        self.setTransformationAnchor(old)
        self.scale_changed.emit()

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) pixels."""
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + int(dx))
        v.setValue(v.value() + int(dy))

    def fit(self, rect: QRectF) -> None:
        if rect.isEmpty():
            rect = rect.adjusted(-150, -150, 150, 150)  # a single point: some country around it
        view = self.viewport().rect()
        if view.width() < 10 or view.height() < 10:
            return
        sx = (view.width() - 2 * FIT_MARGIN) / rect.width()
        sy = (view.height() - 2 * FIT_MARGIN) / rect.height()
        scale = max(MIN_SCALE, min(MAX_SCALE, min(sx, sy)))
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self.scale_changed.emit()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            moved = (event.position() - self._press).manhattanLength()
            self._press = None
            if moved <= 4:
                self.clicked.emit(self.pick(event.position().toPoint()))

    def pick(self, point) -> NodeItem | SegmentItem | None:
        """The node or segment under a viewport point: the nearest marker within PICK_PX pixels (an approximate
        position yields to an exact one at the same spot), else the nearest line within PICK_PX pixels (measured on
        screen, so at every zoom alike)."""
        p = QPointF(point)
        best: NodeItem | SegmentItem | None = None
        best_d = PICK_PX
        for item in self.scene().items():
            if not isinstance(item, NodeItem) or not item.isVisible():
                continue
            d = (QPointF(self.mapFromScene(item.pos())) - p).manhattanLength() / 1.414
            if item.node.position_approx:  # a place at its town's position yields to the town itself
                d += 2.0
            if d <= best_d:
                best, best_d = item, d
        if best is not None:
            return best
        for item in self.scene().items():
            if not isinstance(item, SegmentItem) or not item.isVisible():
                continue
            points = [QPointF(self.mapFromScene(q)) for q in item.drawn_points()]
            d = min(_distance_to_segment(p, a, b) for a, b in pairwise(points))
            if d <= best_d:
                best, best_d = item, d
        return best

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.tooltip_for is not None:
            item = self.pick(event.pos())
            text = self.tooltip_for(item) if item is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scale_changed.emit()


class Legend(QWidget):
    """Samples drawn with the map's own pens and markers (map_style), with their labels."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.layout_.setSpacing(2)
        self.entries: list[tuple[str, str]] = []  # (kind:code, label) as shown, for tests

    def set_entries(self, sections: list[tuple[str, list[tuple[str, str, QPixmap]]]]) -> None:
        while (item := self.layout_.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()  # (gone from the screen now; deleted when control returns to the loop)
                widget.deleteLater()
            elif (row := item.layout()) is not None:
                while (inner := row.takeAt(0)) is not None:
                    if (inner_widget := inner.widget()) is not None:
                        inner_widget.hide()
                        inner_widget.deleteLater()
        self.entries = []
        for title, rows in sections:
            heading = plain_label(QLabel(title, self))
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.layout_.addWidget(heading)
            for key, text, pixmap in rows:
                row = QHBoxLayout()
                sample = QLabel(self)
                sample.setPixmap(pixmap)
                row.addWidget(sample)
                label = plain_label(QLabel(text, self))  # the database's vocabulary labels
                label.setWordWrap(True)
                row.addWidget(label, 1)
                self.layout_.addLayout(row)
                self.entries.append((key, text))
            self.layout_.addSpacing(6)
        self.layout_.addStretch(1)


def line_sample(pen: QPen, width: int = 36, height: int = 14) -> QPixmap:
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.drawLine(QPointF(2, height / 2), QPointF(width - 2, height / 2))
    painter.end()
    return pixmap


def marker_sample(kind: str, size: int = 18, approx: bool = False) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    painter.setPen(style.marker_pen(approx=approx))
    painter.setBrush(style.marker_brush(kind, approx=approx))
    painter.drawPath(style.marker_path(kind))
    painter.end()
    return pixmap


def fill_sample(colour: QColor, size: int = 18) -> QPixmap:
    pixmap = QPixmap(size + 18, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(style.BORDER, 1))
    painter.setBrush(colour)
    painter.drawRect(2, 2, size + 12, size - 5)
    painter.end()
    return pixmap


class CorridorMapView(QWidget):
    """The map, its toolbar (fit, zoom, layers, export), its legend and the "position unknown" list."""

    def __init__(self, repo: Repository, selection: SelectionState, parent: QWidget | None = None,
                 basemap: Basemap | None = None):
        super().__init__(parent)
        self.setObjectName("mapView")
        self.repo = repo
        self.selection = selection
        self.lang = current_language()
        self.projection = LambertConformal()
        self._basemap = basemap
        self._fitted = False
        self.hidden_corridors: set[int] = set()
        self.hidden_modes: set[str] = set()
        self.hidden_statuses: set[str] = set()

        self._build_canvas()
        self.corridors = {c.id: c for c in repo.corridors()}
        self.nodes = {n.id: n for n in repo.nodes()}
        self.segments = repo.segments()
        self.labels = {name: repo.labels(name) for name in ("node_kinds", "transport_modes", "segment_statuses")}
        self.country_items: dict[str, CountryItem] = {}
        self.node_items: dict[int, NodeItem] = {}
        self.label_items: dict[int, LabelItem] = {}
        self.segment_items: dict[int, SegmentItem] = {}
        self.parallel: list[list[SegmentItem]] = []
        self._build_scene()
        bar = self._build_toolbar()
        side = self._build_side_panel()
        self._build_layout(bar, side)
        self._connect()
        self._retranslate()
        self._highlight()

    def _build_canvas(self) -> None:
        """The scene and the graphics view that shows it; the labels are placed on the next event-loop turn
        after a change of scale (the timer)."""
        self.scene = QGraphicsScene(self)
        self.canvas = MapCanvas(self.scene, self)
        self.canvas.tooltip_for = self._tooltip
        self._label_timer = QTimer(self)
        self._label_timer.setSingleShot(True)
        self._label_timer.setInterval(0)

    def _build_toolbar(self) -> QHBoxLayout:
        """Fit all, fit selection, zoom in and out (the buttons of the view's actions), the layer menus
        (corridors, modes, statuses), and PNG… and SVG…."""
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.key_actions = add_view_actions(self, "map")  # their shortcuts are declared in desktop.qt.shell.actions
        for key, icon in (("fit_all", QStyle.StandardPixmap.SP_DesktopIcon),
                          ("fit_selection", QStyle.StandardPixmap.SP_FileDialogContentsView),
                          ("zoom_in", QStyle.StandardPixmap.SP_ArrowUp),
                          ("zoom_out", QStyle.StandardPixmap.SP_ArrowDown)):
            bar.addWidget(self._icon_button(key, icon))
        bar.addSpacing(12)
        self.layer_menus: dict[str, QMenu] = {}
        for key in ("corridors", "modes", "statuses"):
            button = QToolButton(self)
            button.setObjectName(f"map_layers_{key}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            button.setMenu(menu)
            self.layer_menus[key] = menu
            self.buttons[f"layers_{key}"] = button
            bar.addWidget(button)
        bar.addStretch(1)
        for key in SAVE_DIALOGS:
            bar.addWidget(self._icon_button(key, QStyle.StandardPixmap.SP_DialogSaveButton))
        return bar

    def _icon_button(self, key: str, icon: QStyle.StandardPixmap) -> QToolButton:
        """A toolbar button (``buttons[key]``) with one of the style's icons and its text beside it."""
        button = QToolButton(self)
        button.setObjectName(f"map_{key}")
        button.setIcon(self.style().standardIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.buttons[key] = button
        return button

    def _build_side_panel(self) -> QWidget:
        """Beside the map: the legend and the places and lines whose position is unknown; and the status line
        below the map (the basemap's credit, how to move around)."""
        self.legend = Legend(self)
        self.unknown_title = QLabel(self)
        self.unknown_title.setObjectName("mapUnknownTitle")
        font = self.unknown_title.font()
        font.setBold(True)
        self.unknown_title.setFont(font)
        self.unknown_list = QListWidget(self)
        self.unknown_list.setObjectName("mapUnknownList")
        self.unknown_list.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("mapStatus")
        self.status.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.legend)
        side_layout.addWidget(self.unknown_title)
        side_layout.addWidget(self.unknown_list, 1)
        side.setMinimumWidth(220)
        return side

    def _build_layout(self, bar: QHBoxLayout, side: QWidget) -> None:
        """The toolbar above the map and its side panel (side by side in a splitter), the status line below."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mapSplitter")
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([800, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        """What the map, its buttons and lists, and the shared selection tell the view."""
        self.canvas.clicked.connect(self._clicked)
        self.canvas.scale_changed.connect(self._scale_changed)
        self._label_timer.timeout.connect(self.place_labels)
        for key, action in self.key_actions.items():
            self.buttons[key].clicked.connect(action.trigger)
        for key, dialog in SAVE_DIALOGS.items():
            self.buttons[key].clicked.connect(getattr(self, dialog))
        self.unknown_list.itemActivated.connect(self._unknown_activated)
        self.unknown_list.itemClicked.connect(self._unknown_activated)
        self.selection.on_focus_changed(self._highlight)

    # ------------------------------------------------------------------ building the scene

    def _outline_path(self, rings) -> QPainterPath | None:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        forward = self.projection.forward_many
        for ring in rings:
            xy = forward(ring)
            if len(xy) >= 6:
                _ring_path(path, xy)
        return path if not path.isEmpty() else None

    def _build_scene(self) -> None:
        basemap = self._basemap or load_basemap()
        self.basemap = basemap
        self.basemap_source = basemap.source
        self.basemap_credit = getattr(basemap, "credit", None) or basemap.source
        for country in basemap.countries:
            path = self._outline_path(country.rings) or QPainterPath()
            item = CountryItem(country.iso3, country.name, path, self._outline_path(getattr(country, "coarse", ())))
            self.scene.addItem(item)
            if country.iso3:
                self.country_items[country.iso3] = item
        self.lake_items: list[CountryItem] = []
        for lake in getattr(basemap, "lakes", ()):
            lake_path = self._outline_path(lake.rings)
            if lake_path is None:
                continue
            item = CountryItem(None, lake.name, lake_path, self._outline_path(lake.coarse))
            pen = QPen(style.LAKE_BORDER, 0.6)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setBrush(QBrush(style.LAKE))
            item.setZValue(1)
            self.scene.addItem(item)
            self.lake_items.append(item)
        # beyond the basemap's extent: grey, with a frame, so the edge of the data never passes for a coast
        outline = _extent_outline(self.projection, basemap.bbox)
        self.extent_rect = _bounds(outline)
        world = self.extent_rect.adjusted(-3000, -3000, 3000, 3000)
        no_data = QPainterPath()
        no_data.setFillRule(Qt.FillRule.OddEvenFill)
        no_data.addRect(world.adjusted(-20000, -20000, 20000, 20000))
        no_data.addPolygon(QPolygonF(outline))
        no_data.closeSubpath()
        self.no_data_item = QGraphicsPathItem(no_data)
        frame = QPen(style.BORDER, 1.0)
        frame.setCosmetic(True)
        self.no_data_item.setPen(frame)
        self.no_data_item.setBrush(QBrush(style.NO_DATA))
        self.no_data_item.setZValue(2)
        self.scene.addItem(self.no_data_item)
        self.scene.setSceneRect(world)
        self._build_places()

    def _build_places(self) -> None:
        """Markers, labels and lines of the nodes and segments (built again after an edit)."""
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
        self.positions: dict[int, QPointF] = {}
        for node in self.nodes.values():
            if node.lon is None or node.lat is None:  # (no position: listed under "Position unknown")
                continue
            x, y = self.projection.forward(node.lon, node.lat)
            pos = QPointF(x, -y)
            self.positions[node.id] = pos
            marker = NodeItem(node, pos)
            self.scene.addItem(marker)
            self.node_items[node.id] = marker
            label = LabelItem(node, pos, map_label(node, self.lang), font)
            self.scene.addItem(label)
            self.label_items[node.id] = label
        for seg in self.segments:
            a, b = self.positions.get(seg.from_node_id), self.positions.get(seg.to_node_id)
            if a is None or b is None:
                continue  # an end without a position: listed, not drawn
            route = route_points(seg)
            middle = []
            for point in route:
                x, y = self.projection.forward(point.lon, point.lat)
                middle.append(QPointF(x, -y))
            item = SegmentItem(seg, [a, *middle, b], is_recorded(route))
            self.scene.addItem(item)
            self.segment_items[seg.id] = item
        self._build_chains()
        lanes: dict[frozenset, list[SegmentItem]] = {}
        for item in self.segment_items.values():
            lanes.setdefault(frozenset((item.segment.from_node_id, item.segment.to_node_id)), []).append(item)
        self.parallel = [group for group in lanes.values() if len(group) > 1]
        for group in self.parallel:
            for i, item in enumerate(group):
                # the same side whichever way each line runs: lanes are counted from the lower node id
                flip = 1 if item.segment.from_node_id < item.segment.to_node_id else -1
                item.lane = (i - (len(group) - 1) / 2) * flip

    def _build_chains(self) -> None:
        """ChainItems: from each placed node, along each corridor, through nodes of unknown position that join
        exactly two of the corridor's segments, to the next placed node."""
        self.chain_items: list[ChainItem] = []
        undrawn = [seg for seg in self.segments if seg.id not in self.segment_items]
        at: dict[tuple[int, int], list[Segment]] = {}  # (corridor, node) -> the undrawn segments there
        for seg in undrawn:
            for end in (seg.from_node_id, seg.to_node_id):
                at.setdefault((seg.corridor_id, end), []).append(seg)
        seen: set[int] = set()
        for seg in undrawn:
            if seg.id in seen:
                continue
            start = seg.from_node_id if seg.from_node_id in self.positions else (
                seg.to_node_id if seg.to_node_id in self.positions else None)
            if start is None:
                continue
            node: int | None = start
            chain, unknown, current = [seg], [], seg
            while True:
                node = current.to_node_id if current.from_node_id == node else current.from_node_id
                if node in self.positions:
                    break
                following = [s for s in at.get((seg.corridor_id, node), []) if s.id != current.id]
                if len(at.get((seg.corridor_id, node), [])) != 2 or not following or following[0].id in seen \
                        or any(s.id == following[0].id for s in chain):
                    node = None
                    break
                unknown.append(node)
                current = following[0]
                chain.append(current)
            if node is None or node == start:
                continue
            seen.update(s.id for s in chain)
            item = ChainItem(chain, unknown, [self.positions[start], self.positions[node]], (start, node))
            self.scene.addItem(item)
            self.chain_items.append(item)

    def records_changed(self, changes: Changes) -> None:
        """After an edit: nodes, segments and corridors are read and drawn again."""
        if not changes.touches(Kind.NODE, Kind.SEGMENT, Kind.CORRIDOR, Kind.PARTNER, Kind.FACT, Kind.SOURCE):
            return
        for items in (self.node_items, self.label_items, self.segment_items):
            for item in items.values():
                self.scene.removeItem(item)
            items.clear()
        for chain in self.chain_items:
            self.scene.removeItem(chain)
        self.corridors = {c.id: c for c in self.repo.corridors()}
        self.nodes = {n.id: n for n in self.repo.nodes()}
        self.segments = self.repo.segments()
        self._build_places()
        self._apply_layers()
        self._scale_changed()
        self._retranslate()
        self._highlight()

    def unplaced_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.id not in self.segment_items]

    def unplaced_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if not n.has_position]

    # ------------------------------------------------------------------ language

    @contained
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if adopt_language(self):
                for node_id, label in self.label_items.items():
                    label.set_text(map_label(self.nodes[node_id], self.lang))
                self._schedule_labels()
            self._retranslate()
        super().changeEvent(event)

    def _label(self, vocabulary: str, code: str | None) -> str:
        if not code:
            return self.tr("unknown")
        label = self.labels[vocabulary].get(code)
        return label.pick(self.lang) if label else code

    def _retranslate(self) -> None:
        keys = view_shortcut_text
        texts = {"fit_all": (self.tr("Fit all"),
                             self.tr("Show the whole region ({keys})").format(keys=keys("fit_all"))),
                 "fit_selection": (self.tr("Fit selection"),
                                   self.tr("Show the selected node, corridor or partner ({keys})").format(
                                       keys=keys("fit_selection"))),
                 "zoom_in": (self.tr("Zoom in"), self.tr("Zoom in ({keys} or the mouse wheel)").format(
                     keys=keys("zoom_in"))),
                 "zoom_out": (self.tr("Zoom out"), self.tr("Zoom out ({keys} or the mouse wheel)").format(
                     keys=keys("zoom_out"))),
                 "layers_corridors": (self.tr("Corridors") + " ▾", self.tr("Show or hide each corridor")),
                 "layers_modes": (self.tr("Modes") + " ▾", self.tr("Show or hide rail, road, sea and pipeline")),
                 "layers_statuses": (self.tr("Statuses") + " ▾",
                                     self.tr("Show or hide operating, planned and other segments")),
                 "export_png": (self.tr("PNG…"), self.tr("Save the map as it is shown as a PNG image")),
                 "export_svg": (self.tr("SVG…"), self.tr("Save the map as it is shown as an SVG drawing"))}
        for key, (text, tip) in texts.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self._fill_layer_menus()
        self._fill_legend()
        self._fill_unknown()
        lakes = getattr(self.basemap, "lakes_source", "")
        public = " (public domain)"  # (said in the interface's language)
        source = self.basemap_credit.removeprefix("Basemap: ")
        text = (self.tr("Basemap: {source} (public domain). Drag to move, wheel or +/− to zoom, click a node or a "
                        "line to select it.") if source.endswith(public) else
                self.tr("Basemap: {source}. Drag to move, wheel or +/− to zoom, click a node or a line to select it."))
        self.status.setText(text.format(source=source.removesuffix(public)))
        self.status.setToolTip(self.basemap_source + (f"\n{lakes}" if lakes else ""))

    def _fill_layer_menus(self) -> None:
        menus = self.layer_menus
        for menu in menus.values():
            menu.clear()
        for corridor in self.corridors.values():
            self._layer_action(menus["corridors"], corridor.name(self.lang), corridor.id not in self.hidden_corridors,
                               lambda on, c=corridor.id: self.set_layer("corridor", c, on))
        for code in self.labels["transport_modes"]:
            self._layer_action(menus["modes"], self._label("transport_modes", code), code not in self.hidden_modes,
                               lambda on, c=code: self.set_layer("mode", c, on))
        for code in self.labels["segment_statuses"]:
            self._layer_action(menus["statuses"], self._label("segment_statuses", code),
                               code not in self.hidden_statuses, lambda on, c=code: self.set_layer("status", c, on))

    @staticmethod
    def _layer_action(menu: QMenu, text: str, checked: bool, slot) -> None:
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(checked)
        action.toggled.connect(slot)
        menu.addAction(action)

    def _fill_legend(self) -> None:
        modes = [c for c in self.labels["transport_modes"] if any(s.mode == c for s in self.segments)]
        statuses = [c for c in self.labels["segment_statuses"] if any(s.status == c for s in self.segments)]
        kinds = [c for c in self.labels["node_kinds"] if any(n.kind == c for n in self.nodes.values())]
        routes = [("route:recorded", self.tr("Route recorded: through the places it passes"),
                   line_sample(style.segment_pen("other", "operating")))]
        if any(not item.recorded for item in self.segment_items.values()):
            routes.append(("route:unrecorded", self.tr("Route not recorded: a thin line joining the ends"),
                           line_sample(style.segment_pen("other", "operating", recorded=False))))
        nodes = [(f"kind:{k}", self._label("node_kinds", k), marker_sample(k)) for k in kinds]
        if any(n.position_approx and n.has_position for n in self.nodes.values()):
            nodes.append(("position:approx", self.tr("≈ Approximate position (nearest town)"),
                          marker_sample("city", approx=True)))
        sections = [
            (self.tr("Mode (colour)"), [(f"mode:{m}", self._label("transport_modes", m),
                                         line_sample(style.segment_pen(m, "operating"))) for m in modes]),
            (self.tr("Status (line)"), [(f"status:{s}", self._label("segment_statuses", s),
                                         line_sample(style.segment_pen("other", s))) for s in statuses]),
            (self.tr("Route"), routes),
            (self.tr("Node"), nodes),
            (self.tr("Basemap"), [("country:KAZ", self.tr("Kazakhstan"), fill_sample(style.LAND_HOME)),
                                  ("country:partner", self.tr("Selected partner"), fill_sample(style.LAND_PARTNER)),
                                  ("basemap:water", self.tr("Seas and lakes (rivers are not drawn)"),
                                   fill_sample(style.WATER)),
                                  ("basemap:no_data", self.tr("Beyond the basemap"), fill_sample(style.NO_DATA))]),
        ]
        self.legend.set_entries(sections)

    def _fill_unknown(self) -> None:
        nodes, segments = self.unplaced_nodes(), self.unplaced_segments()
        self.unknown_title.setText(self.tr("Position unknown ({n})").format(n=len(nodes) + len(segments)))
        self.unknown_list.clear()
        for node in nodes:
            item = QListWidgetItem(f"{node.name(self.lang)} — {self._label('node_kinds', node.kind)}")
            item.setData(Qt.ItemDataRole.UserRole, ("node", node.id))
            item.setToolTip(self.tr("No reliable coordinates are recorded for this place, so it is not drawn."))
            self.unknown_list.addItem(item)
        chained = {seg_id for chain in self.chain_items for seg_id in chain.ids}
        for seg in segments:
            a, b = self.nodes.get(seg.from_node_id), self.nodes.get(seg.to_node_id)
            names = f"{a.name(self.lang) if a else '?'} – {b.name(self.lang) if b else '?'}"
            text = (self.tr("{route} ({mode}, {status}): an end has no position; drawn within one thin line "
                            "through it") if seg.id in chained else
                    self.tr("{route} ({mode}, {status}): an end has no position"))
            item = QListWidgetItem(text.format(
                route=names, mode=self._label("transport_modes", seg.mode),
                status=self._label("segment_statuses", seg.status).lower()))
            item.setData(Qt.ItemDataRole.UserRole, ("corridor", seg.corridor_id))
            self.unknown_list.addItem(item)

    def unknown_texts(self) -> list[str]:
        return [self.unknown_list.item(i).text() for i in range(self.unknown_list.count())]

    # ------------------------------------------------------------------ layers

    def set_layer(self, kind: str, code: object, visible: bool) -> None:
        """Show or hide a corridor (id), a mode or a status."""
        layers: dict[str, set[Any]] = {"corridor": self.hidden_corridors, "mode": self.hidden_modes,
                                       "status": self.hidden_statuses}  # (ids, codes)
        hidden = layers[kind]
        if visible:
            hidden.discard(code)
        else:
            hidden.add(code)
        self._apply_layers()

    def _apply_layers(self) -> None:
        shown_nodes: set[int] = set()
        on_segments: set[int] = set()
        for seg in self.segments:
            on_segments.update((seg.from_node_id, seg.to_node_id))
            item = self.segment_items.get(seg.id)
            visible = (seg.corridor_id not in self.hidden_corridors and seg.mode not in self.hidden_modes
                       and seg.status not in self.hidden_statuses)
            if item is not None:
                item.setVisible(visible)
            if visible:
                shown_nodes.update((seg.from_node_id, seg.to_node_id))
        for chain in self.chain_items:
            visible = all(seg.corridor_id not in self.hidden_corridors and seg.mode not in self.hidden_modes
                          and seg.status not in self.hidden_statuses for seg in chain.chain)
            chain.setVisible(visible)
            if visible:
                shown_nodes.update(chain.end_ids)
        for node_id, marker in self.node_items.items():
            marker.setVisible(node_id in shown_nodes or node_id not in on_segments)
        self._schedule_labels()
        self._drop_hidden_selection()

    def _drop_hidden_selection(self) -> None:
        """A selected node or corridor that the layers now hide is no longer selected (Edit and Delete act
        only on what is shown). Places without a position stay selectable: they are listed."""
        node = self.node_items.get(self.selection.node) if self.selection.node is not None else None
        if node is not None and not node.isVisible():
            self.selection.select_node(None)
        corridor = self.selection.corridor
        if corridor is not None:
            drawn = [item for item in self.segment_items.values() if item.segment.corridor_id == corridor]
            if drawn and not any(item.isVisible() for item in drawn):
                self.selection.select_corridor(None)

    # ------------------------------------------------------------------ labels

    def _scale_changed(self) -> None:
        scale = self.canvas.current_scale()
        for group in self.parallel:
            for item in group:
                item.place(scale)
        self._schedule_labels()

    def _schedule_labels(self) -> None:
        self._label_timer.start()

    def key_nodes(self) -> set[int]:
        """The ports, border crossings, dry ports and terminals on the shown lines of what is selected (a partner,
        an event, a corridor or a node), and the selected partner's own places on them: their labels are always
        shown."""
        sel = self.selection
        if sel.partner is None and sel.corridor is None and sel.current_event is None and sel.node is None:
            return set()
        _nodes, segments = self.highlighted()
        own = {n for n, node in self.nodes.items() if sel.partner is not None and node.country_iso3 == sel.partner
               and n in self.label_items and self.node_items[n].isVisible()}
        ends = {end for seg_id in segments if (item := self.segment_items.get(seg_id)) is not None and item.isVisible()
                for end in (item.segment.from_node_id, item.segment.to_node_id)}
        ends |= {end for chain in self.chain_items if chain.isVisible() and chain.ids & segments
                 for end in chain.end_ids}
        return {n for n in ends if n in self.label_items and (self.nodes[n].kind in style.KEY_KINDS or n in own)}

    def place_labels(self) -> None:
        """Show the labels that fit, by priority (ports first), fewer as the map zooms out. The selected node and
        the key places of the selection (key_nodes) come first and are always shown, where they overlap least."""
        scale = self.canvas.current_scale()
        # below these scales (pixels per km) a priority level is left out altogether
        limits = {0: 0.0, 1: 0.08, 2: 0.2, 3: 0.4}
        half = style.MARKER_SIZE / 2 - 1  # markers are kept clear of labels (a pixel less: a label may touch its own)
        markers = {node_id: QRectF(QPointF(self.canvas.mapFromScene(p)), QSize(0, 0)).adjusted(-half, -half, half, half)
                   for node_id, p in self.positions.items() if self.node_items[node_id].isVisible()}
        taken: list[QRectF] = []  # the labels placed so far
        view = QRectF(self.canvas.viewport().rect())
        must = self.key_nodes()
        if self.selection.node is not None:
            must.add(self.selection.node)
        ordered = sorted(self.label_items.values(),
                         key=lambda label: (label.node.id not in must, label.priority, label.node.id))
        for label in ordered:
            marker = self.node_items[label.node.id]
            forced = label.node.id in must
            if not marker.isVisible() or (scale < limits[label.priority] and not forced):
                label.setVisible(False)
                continue
            origin = QPointF(self.canvas.mapFromScene(label.pos()))
            # to the right of the marker if it fits there, else left, above, below or at a corner; else the label is
            # left out
            # (a label that must be shown goes where it overlaps least)
            best: tuple[int, str, QRectF] | None = None
            for side in LABEL_SIDES:
                rect = label.rect_at(side).translated(origin).adjusted(-LABEL_GAP, -LABEL_GAP, LABEL_GAP, LABEL_GAP)
                if not view.contains(rect) and not forced:
                    continue
                clashes = (sum(1 for other in taken if rect.intersects(other))
                           + sum(1 for node_id, other in markers.items() if node_id != label.node.id
                                 and rect.intersects(other)) + (0 if view.contains(rect) else 100))
                if best is None or clashes < best[0]:
                    best = (clashes, side, rect)
                if clashes == 0:
                    break
            if best is None or (best[0] and not forced):
                label.setVisible(False)
                continue
            _, side, rect = best
            if label.side != side:
                label.set_side(side)
            taken.append(rect)
            label.setVisible(True)

    def visible_labels(self) -> list[str]:
        return [label.text for label in self.label_items.values() if label.isVisible()]

    # ------------------------------------------------------------------ selection

    def _clicked(self, item: NodeItem | SegmentItem | None) -> None:
        if item is None:
            return
        if isinstance(item, NodeItem):
            self.selection.select_corridor(None)
            self.selection.select_node(item.data(ROLE_ID))
        else:
            self.selection.select_node(None)
            self.selection.select_corridor(item.segment.corridor_id)

    def _unknown_activated(self, item: QListWidgetItem) -> None:
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        if kind == "node":
            self.selection.select_corridor(None)
            self.selection.select_node(value)
        else:
            self.selection.select_node(None)
            self.selection.select_corridor(value)

    def highlighted(self) -> tuple[set[int], set[int]]:
        """The node and segment ids the current selection emphasises (empty: nothing is selected)."""
        sel = self.selection
        nodes: set[int] = set()
        segments: set[int] = set()
        if sel.node is not None:
            nodes.add(sel.node)
            segments |= {s.id for s in self.segments if sel.node in (s.from_node_id, s.to_node_id)}
        elif sel.corridor is not None:
            segments |= {s.id for s in self.segments if s.corridor_id == sel.corridor}
        elif sel.current_event is not None:
            corridors, places = self.repo.places_of("event", sel.current_event)
            nodes |= places
            segments |= {s.id for s in self.segments if s.corridor_id in corridors
                         or s.from_node_id in places or s.to_node_id in places}
        elif sel.partner is not None:
            nodes |= {n.id for n in self.nodes.values() if n.country_iso3 == sel.partner}
            segments |= {s.id for s in self.segments if s.from_node_id in nodes or s.to_node_id in nodes}
        for seg in self.segments:
            if seg.id in segments:
                nodes.update((seg.from_node_id, seg.to_node_id))
        return nodes, segments

    def _highlight(self) -> None:
        sel = self.selection
        nodes, segments = self.highlighted()
        active = (sel.node is not None or sel.corridor is not None or sel.current_event is not None
                  or sel.partner is not None)
        for country in self.country_items.values():
            colour = style.LAND_HOME if country.iso3 == "KAZ" else (
                style.LAND_PARTNER if sel.partner and country.iso3 == sel.partner else style.LAND)
            country.setBrush(QBrush(colour))
        for seg_id, line in self.segment_items.items():
            line.set_state(seg_id in segments and (sel.corridor is not None or sel.node is not None),
                           active and seg_id not in segments)
        for chain in self.chain_items:
            touched = bool(chain.ids & segments)
            chain.set_state(touched and (sel.corridor is not None or sel.node is not None), active and not touched)
        for node_id, marker in self.node_items.items():
            marker.set_state(node_id == sel.node, active and node_id not in nodes)
        self._schedule_labels()

    def selection_rect(self) -> QRectF | None:
        """The scene rectangle around what is selected (None if nothing placed is)."""
        nodes, segments = self.highlighted()
        points = [self.positions[n] for n in nodes if n in self.positions]
        points += [p for s in segments if s in self.segment_items for p in self.segment_items[s].points]
        points += [p for chain in self.chain_items if chain.ids & segments for p in chain.points]
        if not points and self.selection.partner and self.selection.partner in self.country_items:
            return self.country_items[self.selection.partner].boundingRect()
        if not points:
            return None
        return _bounds(points)

    def drawn_rect(self) -> QRectF:
        """The scene rectangle around every drawn node and line (all of each route), whatever the layers hide;
        the basemap's extent when nothing is placed."""
        points = list(self.positions.values())
        points += [p for item in self.segment_items.values() for p in item.points]
        return _bounds(points) if points else QRectF(self.extent_rect)

    def fit_all(self) -> None:
        self.canvas.fit(self.drawn_rect())

    def fit_selection(self) -> None:
        rect = self.selection_rect()
        self.canvas.fit(rect if rect is not None else self.drawn_rect())

    def zoom_in(self) -> None:
        self.canvas.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.canvas.zoom(1 / ZOOM_STEP)

    def show_record(self, kind: str, record_id: int) -> None:
        """Select a node or a corridor found elsewhere (the Find box; a segment selects its corridor), show
        every layer again when one hides it, and fit it into view (a node: with some country around it; a
        segment: all of its line)."""
        segment = next((s for s in self.segments if s.id == record_id), None) if kind == "segment" else None
        if kind == "segment" and segment is None:
            return
        drawn: list[NodeItem] | list[SegmentItem]
        if kind == "node":
            marker = self.node_items.get(record_id)
            drawn = [marker] if marker is not None else []
        else:
            corridor = segment.corridor_id if segment is not None else record_id
            drawn = [i for i in self.segment_items.values() if i.segment.corridor_id == corridor
                     and (segment is None or i.segment.id == segment.id)]
        if drawn and not any(i.isVisible() for i in drawn):
            self.hidden_corridors.clear()
            self.hidden_modes.clear()
            self.hidden_statuses.clear()
            self._fill_layer_menus()
            self._apply_layers()
        if kind == "node":
            self.selection.select_corridor(None)
            self.selection.select_node(record_id)
        else:
            self.selection.select_node(None)
            self.selection.select_corridor(segment.corridor_id if segment is not None else record_id)

        def fit() -> None:
            drawn_segment = self.segment_items.get(segment.id) if segment is not None else None
            if kind == "node" and record_id in self.positions:  # the place itself and its surroundings
                self.canvas.fit(QRectF(self.positions[record_id], self.positions[record_id]))
            elif drawn_segment is not None:
                self.canvas.fit(_bounds(drawn_segment.points))
            else:
                self.fit_selection()

        fit()
        QTimer.singleShot(0, self, fit)  # (again after a first show, which fits the whole region)

    @contained
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self, self.fit_all) if self.canvas.viewport().width() < 50 else self.fit_all()

    # ------------------------------------------------------------------ tooltips

    def _tooltip(self, item: NodeItem | SegmentItem) -> str:
        if isinstance(item, NodeItem):
            return self.node_tooltip(item.node)
        if isinstance(item, ChainItem):
            return self.chain_tooltip(item)
        return self.segment_tooltip(item.segment)

    def chain_tooltip(self, chain: ChainItem) -> str:
        a, b = (self.nodes[n].name(self.lang) for n in chain.end_ids)
        corridor = self.corridors.get(chain.segment.corridor_id)
        unknown = ", ".join(self.nodes[n].name(self.lang) for n in chain.unknown)
        note = self.tr("Drawn as one thin line: it passes places whose position is unknown ({places}), "
                       "listed beside the map. The route is not recorded.").format(places=unknown)
        parts = [f"<b>{escape(a + ' – ' + b)}</b>", escape(corridor.name(self.lang) if corridor else ""),
                 "<i>" + escape(note) + "</i>"]
        for seg in chain.chain:
            ends = " – ".join(self.nodes[n].name(self.lang) if n in self.nodes else "?"
                              for n in (seg.from_node_id, seg.to_node_id))
            parts.append(escape(f"{ends}: {self._label('transport_modes', seg.mode)} · "
                                f"{self._label('segment_statuses', seg.status)}"))
        return rich_tooltip("<br>".join(p for p in parts if p) + self._sources_html("segment", chain.chain[0].id))

    def _sources_html(self, record_type: str, record_id: int, limit: int = 4) -> str:
        sources = self.repo.sources_of(record_type, record_id)
        if not sources:
            return "<br><i>" + escape(self.tr("No source recorded.")) + "</i>"
        rows = []
        for src in sources[:limit]:
            when = format_partial_date(src.published, self.locale()) if src.published else self.tr("undated")
            rows.append(escape(f"{src.title or src.url or '?'} — {src.publisher or '?'} ({source_kind(src.kind)}), "
                               f"{when}"))
        more = len(sources) - limit
        if more > 0:
            rows.append(escape(self.tr("and {n} more").format(n=more)))
        return "<br><b>" + escape(self.tr("Sources")) + "</b><br>" + "<br>".join(rows)

    def _facts_html(self, facts, limit: int = 6) -> str:
        if not facts:
            return ""
        rows = []
        for fact in facts[:limit]:
            metric = fact.metric_in(self.lang)
            shown = fact.value_in(self.lang)
            value = f"{shown} {fact.unit}" if fact.unit and fact.unit != "label" else shown
            when = f" ({format_partial_date(fact.as_of, self.locale())})" if fact.as_of else ""
            rows.append(escape(f"{metric}: {value}{when}"))
        if len(facts) > limit:
            rows.append(escape(self.tr("and {n} more").format(n=len(facts) - limit)))
        return "<br>" + "<br>".join(rows)

    def node_tooltip(self, node: Node) -> str:
        partner = self.repo.partner(node.country_iso3)
        country = partner.name(self.lang) if partner else node.country_iso3
        parts = [f"<b>{escape(map_label(node, self.lang) if node.position_approx else node.name(self.lang))}</b>",
                 escape(f"{self._label('node_kinds', node.kind)} · {country}")]
        if node.position_approx:
            parts.append("<i>" + escape(self.tr("≈ Approximate position, taken from: {origin}").format(
                origin=node.position_from or self.tr("not recorded"))) + "</i>")
        if node.note(self.lang):
            parts.append(escape(node.note(self.lang)))
        return rich_tooltip("<br>".join(parts) + self._facts_html(self.repo.facts(node_id=node.id))
                            + self._sources_html("node", node.id))

    def segment_tooltip(self, seg: Segment) -> str:
        a, b = self.nodes.get(seg.from_node_id), self.nodes.get(seg.to_node_id)
        corridor = self.corridors.get(seg.corridor_id)
        length = (self.tr("{km} km").format(km=self.locale().toString(float(seg.length_km), "f", 0))
                  if seg.length_km is not None else self.tr("length not recorded"))
        parts = [f"<b>{escape((a.name(self.lang) if a else '?') + ' – ' + (b.name(self.lang) if b else '?'))}</b>",
                 escape(corridor.name(self.lang) if corridor else ""),
                 escape(f"{self._label('transport_modes', seg.mode)} · "
                        f"{self._label('segment_statuses', seg.status)} · {length}")]
        parts.append(self._route_html(seg))
        if seg.note(self.lang):
            parts.append(escape(seg.note(self.lang)))
        return rich_tooltip("<br>".join(p for p in parts if p) + self._sources_html("segment", seg.id))

    def _route_html(self, seg: Segment) -> str:
        """What the line shows: the places the route passes, or that the route is not recorded."""
        route = route_points(seg)
        places = [p.name(self.lang) or "?" for p in route if p.kind == "via"]
        if places:
            return escape(self.tr("Route via: {places}").format(places=", ".join(places)))
        if route:
            return "<i>" + escape(self.tr("Route not recorded: the line joins the ends, bent only to stay on water "
                                          "(not a sailing route).")) + "</i>"
        return "<i>" + escape(self.tr("Route not recorded: the line only joins the ends.")) + "</i>"

    # ------------------------------------------------------------------ export

    def render_image(self, scale: float = 2.0) -> QImage:
        """The map as shown, at ``scale`` times the screen pixels."""
        size = self.canvas.viewport().size()
        image = QImage(QSize(int(size.width() * scale), int(size.height() * scale)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(style.WATER)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.canvas.render(painter, QRectF(image.rect()), self.canvas.viewport().rect())
        painter.end()
        return image

    def export_png(self, path: str | os.PathLike[str]) -> None:
        """Write the map as shown to a PNG (made in memory, checked whole, written whole or not at all)."""
        save_png(path, self.render_image(), self.tr("the image could not be written"))

    def export_svg(self, path: str | os.PathLike[str]) -> None:
        """Write the map as shown to an SVG drawing (vector lines and text; made in memory, checked whole,
        written whole or not at all)."""
        size = self.canvas.viewport().size()
        whole = QRectF(0, 0, size.width(), size.height())

        def paint(painter: QPainter) -> None:
            painter.fillRect(whole, style.WATER)
            self.canvas.render(painter, whole, self.canvas.viewport().rect())

        save_svg(path, size, self.tr("Transport corridors"), paint, self.tr("the drawing could not be written"),
                 self.basemap_source)

    def _export_dialog(self, title: str, pattern: str, suffix: str, write) -> None:
        save_dialog(self, title, f"corridors.{suffix}", pattern, suffix, write,
                    self.tr("The map could not be saved to {path}: {error}"))

    def export_png_dialog(self) -> None:
        self._export_dialog(self.tr("Save the map as PNG"), self.tr("PNG images (*.png)"), "png", self.export_png)

    def export_svg_dialog(self) -> None:
        self._export_dialog(self.tr("Save the map as SVG"), self.tr("SVG drawings (*.svg)"), "svg", self.export_svg)

    # ------------------------------------------------------------------ state

    def save_state(self, settings) -> None:
        settings.set_splitter("map", self.splitter.saveState())

    def restore_state(self, settings) -> None:
        state = settings.splitter("map")
        if state is not None:
            self.splitter.restoreState(state)

    def complete(self) -> None:
        """Nothing is deferred in this view (the window calls it on every view)."""
