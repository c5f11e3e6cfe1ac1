"""The recorded route of a segment: the points its line passes between its two end nodes.

A route is kept on the segment as one JSON text (``segments.route``), so it travels with the segment through
edits, undo, exports, imports and the merge of a newer bundle like any other field. Each point is

- ``via``: a station, port or town the line passes, with the source that names it on this route;
- ``waypoint``: a drawing point of ours that keeps a line where it runs (a sea leg on water), not a place; it
  carries a note saying why, and no source.

A segment whose route has no ``via`` point has no recorded route: the map draws it as a thin line between its
ends (bent through its waypoints, if any, so that a sea leg stays on water), never as if it were the route.
"""
from __future__ import annotations

import json
import math
from typing import NamedTuple

ROUTE_POINT_KINDS = ("via", "waypoint")
MAX_ROUTE_POINTS = 500
MAX_NAME = 200
MAX_NOTE = 1000
_KEYS = ("lat", "lon", "kind", "name_en", "name_ru", "source", "note_en")


class RoutePoint(NamedTuple):
    lat: float
    lon: float
    kind: str = "via"
    name_en: str | None = None
    name_ru: str | None = None
    source: str | None = None  # a source's uid
    note_en: str | None = None

    def name(self, lang: str) -> str | None:
        return (self.name_ru or self.name_en) if lang in ("ru", "kk") else self.name_en


class RouteError(ValueError):
    """A route text that is not a list of valid points; the message says what is wrong, in English."""


def _number(value: object, what: str, index: int, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RouteError(f"point {index}: {what} must be a number")
    if not low <= value <= high:
        raise RouteError(f"point {index}: {what} {value:g} is outside {low:g}..{high:g}")
    return float(value)


def _text(entry: dict[str, object], key: str, index: int, limit: int) -> str | None:
    value = entry.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RouteError(f"point {index}: {key} must be text")
    value = " ".join(value.split())
    if len(value) > limit:
        raise RouteError(f"point {index}: {key} is longer than {limit} characters")
    return value or None


def parse_route(text: str | None) -> tuple[RoutePoint, ...]:
    """The points of a route text (JSON: a list of objects); () for an empty text. RouteError if malformed."""
    if text is None or not text.strip():
        return ()
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RouteError(f"not a JSON list of points ({exc})") from None
    if not isinstance(document, list):
        raise RouteError("not a JSON list of points")
    if len(document) > MAX_ROUTE_POINTS:
        raise RouteError(f"more than {MAX_ROUTE_POINTS} points")
    points = []
    for index, entry in enumerate(document, start=1):
        if not isinstance(entry, dict):
            raise RouteError(f"point {index} is not an object with lat and lon")
        unknown = sorted(set(entry) - set(_KEYS))
        if unknown:
            raise RouteError(f"point {index}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
        kind = entry.get("kind", "via")
        if kind not in ROUTE_POINT_KINDS:
            raise RouteError(f"point {index}: kind must be one of {', '.join(ROUTE_POINT_KINDS)}")
        points.append(RoutePoint(
            lat=_number(entry.get("lat"), "lat", index, -90.0, 90.0),
            lon=_number(entry.get("lon"), "lon", index, -180.0, 180.0),
            kind=kind,
            name_en=_text(entry, "name_en", index, MAX_NAME),
            name_ru=_text(entry, "name_ru", index, MAX_NAME),
            source=_text(entry, "source", index, 80),
            note_en=_text(entry, "note_en", index, MAX_NOTE),
        ))
    return tuple(points)


def route_json(points: tuple[RoutePoint, ...] | list[RoutePoint]) -> str | None:
    """The canonical text of a route (None for no points): compact JSON, keys in a fixed order, empty keys left out,
    so the same route always gives the same text (edits and merges compare texts)."""
    if not points:
        return None
    out = []
    for p in points:
        entry: dict[str, object] = {"lat": round(p.lat, 5), "lon": round(p.lon, 5), "kind": p.kind}
        for key in ("name_en", "name_ru", "source", "note_en"):
            value = getattr(p, key)
            if value:
                entry[key] = value
        out.append(entry)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def normalise_route(text: str | None) -> str | None:
    """The canonical text of a route text (RouteError if malformed)."""
    return route_json(parse_route(text))


def is_recorded(points: tuple[RoutePoint, ...]) -> bool:
    """Whether a route says where the line runs: it names at least one place the line passes."""
    return any(p.kind == "via" for p in points)
