"""How the corridor map draws things: one table per layer, read by the map and by its legend alike,
so the legend always matches the drawing.

Colours are from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies);
status is told by the dash pattern, not by colour, so it survives a grey-scale print too.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF

WATER = QColor("#cfe2f3")
LAND = QColor("#f4f1ea")
LAND_HOME = QColor("#fbe3a6")  # Kazakhstan
LAND_PARTNER = QColor("#c8e6c9")  # the selected partner
BORDER = QColor("#9a9a9a")
DIMMED_ALPHA = 60  # lines and markers outside the current selection

MODE_COLOURS = {
    "rail": QColor("#0072b2"),  # blue
    "road": QColor("#d55e00"),  # vermilion
    "sea": QColor("#009e73"),  # bluish green
    "pipeline": QColor("#cc79a7"),  # reddish purple
}
OTHER_MODE = QColor("#555555")

# status -> (pen style, custom dash pattern in pen widths or None)
STATUS_DASHES: dict[str, list[float] | None] = {
    "operating": None,  # solid
    "under_construction": [4.0, 2.0],
    "planned": [1.0, 2.0],
    "proposed": [4.0, 2.0, 1.0, 2.0],
}

LINE_WIDTH = 3.0
LINE_WIDTH_SELECTED = 6.0
# a segment whose route is not recorded: a thin straight (or, on water, schematic) line between its ends,
# never drawn as if it were the route
LINE_WIDTH_UNRECORDED = 1.2
LINE_WIDTH_UNRECORDED_SELECTED = 2.5
LAKE = WATER  # inland water is drawn as the sea is
LAKE_BORDER = QColor("#9fbcd6")
NO_DATA = QColor("#e4e4e4")  # outside the basemap's extent

# node kind -> marker shape; label priority (0 shows first and longest)
NODE_SHAPES = {
    "port": "square",
    "city": "circle",
    "border_crossing": "diamond",
    "dry_port": "triangle",
    "logistics_centre": "hexagon",
    "terminal": "square_open",
    "rail_station": "circle_open",
}
LABEL_PRIORITY = {"port": 0, "terminal": 0, "city": 1, "dry_port": 2, "logistics_centre": 2, "border_crossing": 2,
                  "rail_station": 3}
# kinds whose labels are always shown on the lines of a selected partner (the places a briefing is about)
KEY_KINDS = frozenset({"port", "terminal", "border_crossing", "dry_port"})
APPROX_PREFIX = "≈ "  # before the label of a place whose position is approximate
MARKER_SIZE = 9.0  # pixels
NODE_FILL = QColor("#222222")


def segment_pen(mode: str, status: str, *, selected: bool = False, dimmed: bool = False,
                recorded: bool = True) -> QPen:
    """The pen of a segment: colour by mode, dash by status; cosmetic (pixels at every zoom). A segment whose
    route is not ``recorded`` gets a thin line."""
    colour = QColor(MODE_COLOURS.get(mode, OTHER_MODE))
    if dimmed:
        colour.setAlpha(DIMMED_ALPHA)
    if recorded:
        width = LINE_WIDTH_SELECTED if selected else LINE_WIDTH
    else:
        width = LINE_WIDTH_UNRECORDED_SELECTED if selected else LINE_WIDTH_UNRECORDED
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if STATUS_DASHES.get(status) else Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    dashes = STATUS_DASHES.get(status)
    if dashes:
        pen.setDashPattern(dashes)
    return pen


def marker_path(kind: str, size: float = MARKER_SIZE) -> QPainterPath:
    """The marker of a node kind, centred on (0, 0), in pixels."""
    shape = NODE_SHAPES.get(kind, "circle")
    r = size / 2
    path = QPainterPath()
    if shape in ("circle", "circle_open"):
        path.addEllipse(QPointF(0, 0), r, r)
    elif shape in ("square", "square_open"):
        path.addRect(-r, -r, size, size)
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.2), QPointF(r * 1.2, 0), QPointF(0, r * 1.2),
                                   QPointF(-r * 1.2, 0)]))
        path.closeSubpath()
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.2), QPointF(r * 1.1, r * 0.8), QPointF(-r * 1.1, r * 0.8)]))
        path.closeSubpath()
    else:  # hexagon
        import math

        path.addPolygon(QPolygonF([QPointF(r * 1.1 * math.cos(a), r * 1.1 * math.sin(a))
                                   for a in (i * math.pi / 3 for i in range(6))]))
        path.closeSubpath()
    return path


def marker_brush(kind: str, *, dimmed: bool = False, approx: bool = False) -> QBrush:
    """A marker's fill: none for an approximate position (a hollow marker), white for the open shapes."""
    if approx:
        return QBrush(Qt.BrushStyle.NoBrush)
    if NODE_SHAPES.get(kind, "circle").endswith("_open"):
        return QBrush(QColor("white"))
    colour = QColor(NODE_FILL)
    if dimmed:
        colour.setAlpha(DIMMED_ALPHA)
    return QBrush(colour)


def marker_pen(*, selected: bool = False, dimmed: bool = False, approx: bool = False) -> QPen:
    """A marker's outline; dotted for an approximate position."""
    colour = QColor("#d81b60") if selected else QColor(NODE_FILL)
    if dimmed and not selected:
        colour.setAlpha(DIMMED_ALPHA)
    pen = QPen(colour, 3.0 if selected else 1.5)
    pen.setCosmetic(True)
    if approx:
        pen.setWidthF(pen.widthF() + 0.5)
        pen.setDashPattern([1.5, 1.5])
    return pen
