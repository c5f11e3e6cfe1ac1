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
LABEL_PRIORITY = {"port": 0, "city": 1, "dry_port": 2, "logistics_centre": 2, "border_crossing": 2,
                  "terminal": 3, "rail_station": 3}
MARKER_SIZE = 9.0  # pixels
NODE_FILL = QColor("#222222")


def segment_pen(mode: str, status: str, *, selected: bool = False, dimmed: bool = False) -> QPen:
    """The pen of a segment: colour by mode, dash by status; cosmetic (pixels at every zoom)."""
    colour = QColor(MODE_COLOURS.get(mode, OTHER_MODE))
    if dimmed:
        colour.setAlpha(DIMMED_ALPHA)
    pen = QPen(colour, LINE_WIDTH_SELECTED if selected else LINE_WIDTH)
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


def marker_brush(kind: str, *, dimmed: bool = False) -> QBrush:
    if NODE_SHAPES.get(kind, "circle").endswith("_open"):
        return QBrush(QColor("white"))
    colour = QColor(NODE_FILL)
    if dimmed:
        colour.setAlpha(DIMMED_ALPHA)
    return QBrush(colour)


def marker_pen(*, selected: bool = False, dimmed: bool = False) -> QPen:
    colour = QColor("#d81b60") if selected else QColor(NODE_FILL)
    if dimmed and not selected:
        colour.setAlpha(DIMMED_ALPHA)
    pen = QPen(colour, 3.0 if selected else 1.5)
    pen.setCosmetic(True)
    return pen
