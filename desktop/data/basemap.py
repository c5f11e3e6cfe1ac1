"""The offline basemap: Natural Earth 1:50m country outlines and lakes over the extent the data needs.

The file resources/basemap/countries-50m-region.json is made once by resources/basemap/make_basemap.py.
Each ring is stored as integers in hundredths of a degree, lon,lat interleaved, the first point absolute
and the rest as deltas. Rings are implicitly closed; outer rings and holes are mixed, so fill with the
odd-even rule. Every shape has two levels of detail: `rings` (0.01 degree) and `coarse` (simplified, small
rings dropped) for drawing the map zoomed out.

The geometry helpers (country_at, is_water, distance_to_country_km, land_along) are pure Python: each
shape's edges are sorted into latitude bands the first time a point falls in its bounding box, so a
point test reads only the few edges of one band.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

from desktop.core.geo import LambertConformal
from desktop.paths import resource

BASEMAP_FORMAT = 2  # what make_basemap.py writes
SUPPORTED_FORMATS = (1, 2)  # format 1: countries only, one level of detail
KM_PER_DEGREE = math.pi * 6371.0 / 180.0  # along a meridian, on the projection's sphere
BAND_DEG = 0.25  # height of the latitude bands of the point-in-shape index
SAMPLE_KM = 2.0  # land_along() looks at the line every this many kilometres (at most)

Ring = tuple[float, ...]


@dataclass(frozen=True)
class CountryShape:
    """One country's rings, each a flat interleaved lon,lat tuple in degrees, at both levels of detail."""

    iso3: str | None
    name: str
    rings: tuple[Ring, ...]
    coarse: tuple[Ring, ...] = ()


@dataclass(frozen=True)
class LakeShape:
    """One lake (Natural Earth's lakes layer): drawn as water over the countries. name None when unnamed."""

    name: str | None
    rings: tuple[Ring, ...]
    coarse: tuple[Ring, ...] = ()


class _Outline:
    """Point-in-shape and distance queries over one shape's rings (odd-even over all of them)."""

    def __init__(self, rings: Sequence[Ring]) -> None:
        self.rings = rings
        self.ring_boxes = [(min(r[0::2]), min(r[1::2]), max(r[0::2]), max(r[1::2])) for r in rings]
        boxes = self.ring_boxes or [(math.inf, math.inf, -math.inf, -math.inf)]
        self.bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                     max(b[2] for b in boxes), max(b[3] for b in boxes))
        self._bands: dict[int, list[float]] | None = None

    def _build_bands(self) -> dict[int, list[float]]:
        """Every non-horizontal edge as x1, y1, x2, y2 in each latitude band its latitudes span."""
        bands: dict[int, list[float]] = {}
        floor = math.floor
        for ring in self.rings:
            px, py = ring[-2], ring[-1]
            for i in range(0, len(ring), 2):
                cx, cy = ring[i], ring[i + 1]
                if cy != py:
                    low, high = (py, cy) if py < cy else (cy, py)
                    for band in range(floor(low / BAND_DEG), floor(high / BAND_DEG) + 1):
                        bands.setdefault(band, []).extend((px, py, cx, cy))
                px, py = cx, cy
        return bands

    def contains(self, lon: float, lat: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
        if self._bands is None:
            self._bands = self._build_bands()
        edges = self._bands.get(math.floor(lat / BAND_DEG), ())
        inside = False
        for i in range(0, len(edges), 4):
            px, py, cx, cy = edges[i], edges[i + 1], edges[i + 2], edges[i + 3]
            if (cy > lat) != (py > lat) and lon < (px - cx) * (lat - cy) / (py - cy) + cx:
                inside = not inside
        return inside

    def distance_km(self, lon: float, lat: float) -> float:
        """Distance to the nearest edge, on a local equirectangular plane around the point (approximate)."""
        kx = KM_PER_DEGREE * math.cos(math.radians(lat))
        ky = KM_PER_DEGREE
        best = math.inf
        order = sorted(range(len(self.rings)), key=lambda k: _box_distance(self.ring_boxes[k], lon, lat, kx, ky))
        for k in order:
            if _box_distance(self.ring_boxes[k], lon, lat, kx, ky) >= best:
                break
            ring = self.rings[k]
            px, py = (ring[-2] - lon) * kx, (ring[-1] - lat) * ky
            for i in range(0, len(ring), 2):
                cx, cy = (ring[i] - lon) * kx, (ring[i + 1] - lat) * ky
                best = min(best, _segment_distance(px, py, cx, cy))
                px, py = cx, cy
        return best


def _box_distance(box: tuple[float, float, float, float], lon: float, lat: float, kx: float, ky: float) -> float:
    dx = max(box[0] - lon, 0.0, lon - box[2]) * kx
    dy = max(box[1] - lat, 0.0, lat - box[3]) * ky
    return math.hypot(dx, dy)


def _segment_distance(ax: float, ay: float, bx: float, by: float) -> float:
    """Distance from the origin to the segment a-b."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0.0 else min(1.0, max(0.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)


@dataclass(frozen=True)
class Basemap:
    """All country and lake shapes of the basemap, with where they came from and the extent they cover."""

    source: str
    licence: str
    bbox: tuple[float, float, float, float]
    countries: tuple[CountryShape, ...]
    lakes: tuple[LakeShape, ...] = ()
    credit: str = ""
    lakes_source: str = ""
    lakes_licence: str = ""
    extent_rule: str = ""
    _by_iso3: dict[str, CountryShape] = field(init=False, repr=False, compare=False, hash=False)
    _outlines: dict[int, _Outline] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_iso3 = {c.iso3: c for c in self.countries if c.iso3 is not None}
        object.__setattr__(self, "_by_iso3", by_iso3)
        object.__setattr__(self, "_outlines", {})

    def country(self, iso3: str) -> CountryShape | None:
        """The shape of a country by its ISO 3166-1 alpha-3 code (case-insensitive), or None."""
        return self._by_iso3.get(iso3.upper())

    # ------------------------------------------------------------------ geometry (no Qt)

    def _outline(self, shape: CountryShape | LakeShape) -> _Outline:
        """The query index of a shape's fine rings, made on first use."""
        outline = self._outlines.get(id(shape))
        if outline is None:
            outline = self._outlines[id(shape)] = _Outline(shape.rings)
        return outline

    def _in_lake(self, lon: float, lat: float) -> bool:
        return any(self._outline(lake).contains(lon, lat) for lake in self.lakes)

    def _land_shape_at(self, lon: float, lat: float) -> CountryShape | None:
        """The country whose rings contain the point, unless a lake covers it; None on water."""
        if self._in_lake(lon, lat):
            return None
        return next((c for c in self.countries if self._outline(c).contains(lon, lat)), None)

    def country_at(self, lon: float, lat: float) -> str | None:
        """ISO3 of the country at the point (odd-even over its rings); None on water, lakes included.

        The few Natural Earth features without a code (N. Cyprus, Siachen Glacier) also give None: use
        is_water() to tell land from water.
        """
        shape = self._land_shape_at(lon, lat)
        return shape.iso3 if shape is not None else None

    def is_water(self, lon: float, lat: float) -> bool:
        """True in a lake or outside every country (seas, the Caspian, and anything beyond the extent)."""
        return self._land_shape_at(lon, lat) is None

    def distance_to_country_km(self, iso3: str, lon: float, lat: float) -> float:
        """0 inside the country's rings (a lake inside it counts as inside); else the approximate distance
        in km to its outline. ValueError for a code the basemap does not have."""
        country = self.country(iso3)
        if country is None:
            raise ValueError(f"the basemap has no country {iso3!r}")
        outline = self._outline(country)
        if outline.contains(lon, lat):
            return 0.0
        return outline.distance_km(lon, lat)

    def land_along(self, points: Iterable[tuple[float, float]], *, skip_km: float = 15.0,
                   projection: LambertConformal | None = None) -> list[tuple[float, float]]:
        """The points of a polyline that lie on land, sampled every SAMPLE_KM km or less.

        Between two (lon, lat) vertices the line is straight in the map's projection (the Lambert conformal
        conic of desktop.core.geo by default), as the map draws it. The first and last skip_km of the line
        are not looked at: ports sit on the coast and towns a little inland. Returns (lon, lat) samples.
        """
        projection = projection or LambertConformal()
        xy = [projection.forward(lon, lat) for lon, lat in points]
        lengths = [math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(xy)]
        total = sum(lengths)
        on_land: list[tuple[float, float]] = []
        travelled = 0.0
        for k, length in enumerate(lengths):
            (ax, ay), (bx, by) = xy[k], xy[k + 1]
            steps = max(1, math.ceil(length / SAMPLE_KM))
            for i in range(0 if k == 0 else 1, steps + 1):
                t = i / steps
                along = travelled + t * length
                if along < skip_km or along > total - skip_km:
                    continue
                lon, lat = projection.inverse(ax + t * (bx - ax), ay + t * (by - ay))
                if not self.is_water(lon, lat):
                    on_land.append((lon, lat))
            travelled += length
        return on_land


def _decode_ring(deltas: list[int], divide: Callable[[int], float]) -> Ring:
    if len(deltas) < 6 or len(deltas) % 2:
        raise ValueError(f"a ring needs an even number of at least 6 values, got {len(deltas)}")
    out: list[int] = [0] * len(deltas)
    out[0::2] = accumulate(deltas[0::2])
    out[1::2] = accumulate(deltas[1::2])
    return tuple(map(divide, out))


def _decode_rings(rings: list[list[int]], divide: Callable[[int], float]) -> tuple[Ring, ...]:
    if not isinstance(rings, list):
        raise TypeError(f"rings must be a list, got {type(rings).__name__}")
    return tuple(_decode_ring(ring, divide) for ring in rings)


# The decoded JSON of a basemap file: its shape is checked as it is read (a KeyError or TypeError is a corrupt
# file, see load_basemap), so its values are Any here.
_Document = dict[str, Any]


def _text(document: _Document, key: str) -> str:
    value = document[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text, got {value!r}")
    return value


def _parse(document: _Document) -> Basemap:
    """Format 2, or format 1 (countries only: its coarse level is the fine one, no lakes, no credit)."""
    version = document.get("format")
    if type(version) is not int or version not in SUPPORTED_FORMATS:  # not True, which equals 1
        raise ValueError(f"unsupported basemap format {version!r} (expected {BASEMAP_FORMAT}; "
                         f"remake it with resources/basemap/make_basemap.py)")
    scale = document["scale"]
    if not isinstance(scale, int) or scale <= 0:
        raise ValueError(f"bad basemap scale {scale!r}")
    divide = scale.__rtruediv__  # divide(v) == v / scale, correctly rounded (71.45, not 71.45000000000001)
    countries = []
    for entry in document["countries"]:
        rings = _decode_rings(entry["rings"], divide)
        coarse = _decode_rings(entry["coarse"], divide) if version >= 2 else rings
        countries.append(CountryShape(iso3=entry["iso3"], name=entry["name"], rings=rings, coarse=coarse))
    lakes = tuple(
        LakeShape(name=entry["name"], rings=_decode_rings(entry["rings"], divide),
                  coarse=_decode_rings(entry["coarse"], divide))
        for entry in (document["lakes"] if version >= 2 else ())
    )
    x0, y0, x1, y1 = document["bbox"]
    if not (x0 < x1 and y0 < y1):
        raise ValueError(f"bad basemap bbox {document['bbox']!r}")
    extra = {key: _text(document, key) for key in ("credit", "lakes_source", "lakes_licence", "extent_rule")
             if version >= 2}
    return Basemap(
        source=_text(document, "source"),
        licence=_text(document, "licence"),
        bbox=(float(x0), float(y0), float(x1), float(y1)),
        countries=tuple(countries),
        lakes=lakes,
        **extra,
    )


def load_basemap(path: Path | None = None) -> Basemap:
    """Read and decode the basemap (the bundled one by default); ValueError for a missing or corrupt file."""
    if path is None:
        try:
            path = resource("basemap", "countries-50m-region.json")
        except FileNotFoundError as exc:
            raise ValueError(f"basemap file is missing: {exc}") from exc
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ValueError(f"basemap file is missing: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read basemap file {path}: {exc}") from exc
    try:
        document = json.loads(text)
        if not isinstance(document, dict):
            raise ValueError("top level is not an object")
        return _parse(document)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"corrupt basemap file {path}: {exc}") from exc
