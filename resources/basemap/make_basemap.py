"""Convert Natural Earth 1:50m country outlines (TopoJSON from world-atlas) into the app's compact basemap.

A one-time conversion; the app only reads the output, `countries-50m-region.json`, and never touches the
network. To get the input once, on a machine with npm:

    cd "$(mktemp -d)"
    npm pack world-atlas@2          # writes world-atlas-2.0.2.tgz; no node_modules, nothing installed
    tar xzf world-atlas-*.tgz       # unpacks package/countries-50m.json and package/package.json
    python /path/to/resources/basemap/make_basemap.py package/countries-50m.json \
        -o /path/to/resources/basemap/countries-50m-region.json

(Or download https://cdn.jsdelivr.net/npm/world-atlas@2/countries-50m.json and pass --atlas-version.)
Do not commit the tarball or the unpacked package.

What the script does:
- decodes the TopoJSON (quantized transform, delta-encoded arcs, negative arc index = arc ~i reversed,
  Polygon and MultiPolygon geometries);
- maps each feature's ISO 3166-1 numeric id to alpha-3 with pycountry (already a runtime dependency of
  the project, so it is in the dev .venv; otherwise `pip install pycountry`). Natural Earth features without
  an id get NO_ID_CODES (Kosovo -> "XKX", the user-assigned code in common use) or iso3 null, name kept;
- clips every ring to the box lon 10..100, lat 15..65 (Sutherland-Hodgman on the lon/lat rectangle);
- rounds to 0.01 degree, drops repeated points, rings with fewer than 3 points or no area, and countries
  with nothing left; features sharing an alpha-3 code are merged (rings appended to the first);
- stores each ring as a flat list of integers in hundredths of a degree, lon,lat interleaved, the first
  point absolute and the rest as deltas from the previous point. Rings are implicitly closed (the first
  point is not repeated at the end); outer rings and holes are both kept, so draw with odd-even fill;
- checks that the middle of the Caspian and of the Black Sea lie in no country (they are gaps in Natural
  Earth admin-0, not part of any polygon), and fails otherwise.

Standard library plus pycountry only.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pycountry

BBOX = (10.0, 15.0, 100.0, 65.0)  # lon_min, lat_min, lon_max, lat_max
SCALE = 100  # stored integers are hundredths of a degree
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "countries-50m-region.json"
NO_ID_CODES = {"Kosovo": "XKX"}  # Natural Earth features without an ISO numeric id; the rest get iso3 null
WATER_POINTS = {"Caspian Sea": (51.0, 42.0), "southern Caspian": (51.0, 38.0), "Black Sea": (34.0, 43.0)}

Point = tuple[float, float]


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


def _clip_edge(points: list[Point], inside, cross) -> list[Point]:
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


def _at_lon(lon: float):
    def cross(a: Point, b: Point) -> Point:
        t = (lon - a[0]) / (b[0] - a[0])
        return (lon, a[1] + t * (b[1] - a[1]))
    return cross


def _at_lat(lat: float):
    def cross(a: Point, b: Point) -> Point:
        t = (lat - a[1]) / (b[1] - a[1])
        return (a[0] + t * (b[0] - a[0]), lat)
    return cross


def clip_ring(points: list[Point], bbox: tuple[float, float, float, float] = BBOX) -> list[Point]:
    """Sutherland-Hodgman clip of a closed ring to a lon/lat rectangle (may leave zero-width seams on it)."""
    x0, y0, x1, y1 = bbox
    if points and points[0] == points[-1]:
        points = points[:-1]
    points = _clip_edge(points, lambda p: p[0] >= x0, _at_lon(x0))
    points = _clip_edge(points, lambda p: p[0] <= x1, _at_lon(x1))
    points = _clip_edge(points, lambda p: p[1] >= y0, _at_lat(y0))
    points = _clip_edge(points, lambda p: p[1] <= y1, _at_lat(y1))
    return points


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
    area2 = 0
    px, py = out[-1]
    for x, y in out:
        area2 += px * y - x * py
        px, py = x, y
    return out if area2 != 0 else None


def delta_encode(ring: list[tuple[int, int]]) -> list[int]:
    """Flat lon,lat integers: first point absolute, then differences from the previous point."""
    flat: list[int] = []
    px = py = 0
    for x, y in ring:
        flat.append(x - px)
        flat.append(y - py)
        px, py = x, y
    return flat


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


def _inside(lon: float, lat: float, rings: list[list[tuple[int, int]]]) -> bool:
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


def convert(topology: dict, atlas_version: str) -> tuple[dict, list[str]]:
    """The output document, and notes on what was done (for the console)."""
    arcs = decode_arcs(topology)
    merged: dict[str, dict] = {}
    countries: list[dict] = []
    notes: list[str] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = (geometry.get("properties") or {}).get("name", "")
        iso3 = iso3_for(geometry)
        rings = []
        for ring in geometry_rings(geometry, arcs):
            quantized = quantize_ring(clip_ring(ring))
            if quantized is not None:
                rings.append(quantized)
        if not rings:
            continue
        if geometry.get("id") is None:
            notes.append(f"no ISO id: {name!r} -> iso3 {iso3!r}")
        if iso3 is not None and iso3 in merged:
            notes.append(f"merged {name!r} into {merged[iso3]['name']!r} ({iso3})")
            merged[iso3]["rings"].extend(rings)
            continue
        entry = {"iso3": iso3, "name": name, "rings": rings}
        countries.append(entry)
        if iso3 is not None:
            merged[iso3] = entry
    for label, (lon, lat) in WATER_POINTS.items():
        hits = [c["name"] for c in countries if _inside(lon, lat, c["rings"])]
        if hits:
            raise SystemExit(f"{label} ({lon}, {lat}) falls inside {hits}; expected open water")
        notes.append(f"{label} ({lon}, {lat}) is in no country: ok")
    countries.sort(key=lambda c: (c["iso3"] is None, c["iso3"] or "", c["name"]))
    document = {
        "format": 1,
        "source": f"Natural Earth 1:50m admin-0 countries via world-atlas@{atlas_version} countries-50m.json",
        "licence": "Public domain (Natural Earth); world-atlas is ISC",
        "bbox": [int(v) for v in BBOX],
        "scale": SCALE,
        "countries": [
            {"iso3": c["iso3"], "name": c["name"], "rings": [delta_encode(r) for r in c["rings"]]}
            for c in countries
        ],
    }
    return document, notes


def _version_next_to(path: Path) -> str | None:
    package = path.resolve().parent / "package.json"
    if not package.is_file():
        return None
    data = json.loads(package.read_text(encoding="utf-8"))
    return data.get("version") if data.get("name") == "world-atlas" else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="countries-50m.json from the world-atlas npm package")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--atlas-version", help="world-atlas version (default: from package.json beside input)")
    args = parser.parse_args(argv)
    version = args.atlas_version or _version_next_to(args.input)
    if not version:
        parser.error("cannot tell the world-atlas version: no package.json beside the input; pass --atlas-version")
    topology = json.loads(args.input.read_text(encoding="utf-8"))
    document, notes = convert(topology, version)
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    for note in notes:
        print(note)
    points = sum(len(r) // 2 for c in document["countries"] for r in c["rings"])
    rings = sum(len(c["rings"]) for c in document["countries"])
    print(f"{len(document['countries'])} countries, {rings} rings, {points} points, "
          f"{args.output.stat().st_size} bytes -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
