"""The offline basemap file and the Lambert conformal projection (no network, no Qt)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from desktop.core.geo import REGION, LambertConformal
from desktop.data.basemap import Basemap, load_basemap


@pytest.fixture(scope="module")
def basemap() -> Basemap:
    return load_basemap()


def _in_ring(lon: float, lat: float, ring: tuple[float, ...]) -> bool:
    inside = False
    px, py = ring[-2], ring[-1]
    for i in range(0, len(ring), 2):
        cx, cy = ring[i], ring[i + 1]
        if (cy > lat) != (py > lat) and lon < (px - cx) * (lat - cy) / (py - cy) + cx:
            inside = not inside
        px, py = cx, cy
    return inside


def _countries_at(basemap: Basemap, lon: float, lat: float) -> list[str]:
    """Names of the countries containing the point, odd-even over all of each country's rings."""
    hits = []
    for country in basemap.countries:
        if sum(_in_ring(lon, lat, ring) for ring in country.rings) % 2:
            hits.append(country.iso3 or country.name)
    return hits


def test_file_loads_with_source_and_licence(basemap: Basemap) -> None:
    assert "Natural Earth" in basemap.source and "world-atlas@" in basemap.source
    assert "Public domain" in basemap.licence
    lon0, lat0, lon1, lat1 = basemap.bbox  # (derived from the data: tests/test_basemap_geography.py)
    assert lon0 < 29.0 and lon1 > 119.0 and lat0 < 25.0 and lat1 > 75.0
    assert len(basemap.countries) > 30
    for country in basemap.countries:
        assert country.rings
        for ring in country.rings:
            assert len(ring) >= 6 and len(ring) % 2 == 0
            assert all(lon0 <= ring[i] <= lon1 and lat0 <= ring[i + 1] <= lat1 for i in range(0, len(ring), 2))


@pytest.mark.parametrize("iso3", ["KAZ", "TUR", "AZE", "TKM", "RUS", "CHN", "IRN", "GEO", "UZB"])
def test_region_countries_present(basemap: Basemap, iso3: str) -> None:
    country = basemap.country(iso3)
    assert country is not None and country.iso3 == iso3 and country.name
    assert basemap.country(iso3.lower()) is country


def test_unknown_code_gives_none(basemap: Basemap) -> None:
    assert basemap.country("ZZZ") is None


@pytest.mark.parametrize(
    ("label", "lon", "lat"),
    [("Caspian Sea", 51.0, 42.0), ("southern Caspian", 51.0, 38.0), ("Black Sea", 34.0, 43.0)],
)
def test_seas_are_water(basemap: Basemap, label: str, lon: float, lat: float) -> None:
    assert _countries_at(basemap, lon, lat) == [], label


@pytest.mark.parametrize(
    ("city", "lon", "lat", "iso3"),
    [
        ("Astana", 71.45, 51.17, "KAZ"),
        ("Baku", 49.87, 40.41, "AZE"),
        ("Ankara", 32.85, 39.93, "TUR"),
        ("Ashgabat", 58.38, 37.95, "TKM"),
    ],
)
def test_capitals_fall_in_their_country(basemap: Basemap, city: str, lon: float, lat: float, iso3: str) -> None:
    assert _countries_at(basemap, lon, lat) == [iso3], city


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="missing"):
        load_basemap(tmp_path / "nope.json")


@pytest.mark.parametrize("content", ["{not json", "[]", json.dumps({"format": 99}), json.dumps({"format": 1})])
def test_corrupt_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="basemap"):
        load_basemap(path)


def test_deltas_are_decoded(tmp_path: Path) -> None:
    doc = {
        "format": 1, "source": "s", "licence": "l", "bbox": [10, 15, 100, 65], "scale": 100,
        "countries": [{"iso3": None, "name": "Square", "rings": [[5000, 4000, 100, 0, 0, 100, -100, 0]]}],
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    basemap = load_basemap(path)
    assert basemap.countries[0].rings == ((50.0, 40.0, 51.0, 40.0, 51.0, 41.0, 50.0, 41.0),)
    assert basemap.country("XYZ") is None


def _region_grid(steps: int = 12):
    lon_min, lat_min, lon_max, lat_max = REGION
    for i in range(steps + 1):
        for j in range(steps + 1):
            yield lon_min + (lon_max - lon_min) * i / steps, lat_min + (lat_max - lat_min) * j / steps


def test_projection_round_trip() -> None:
    proj = LambertConformal()
    for lon, lat in _region_grid():
        back_lon, back_lat = proj.inverse(*proj.forward(lon, lat))
        assert back_lon == pytest.approx(lon, abs=1e-6)
        assert back_lat == pytest.approx(lat, abs=1e-6)


def test_forward_many_matches_forward() -> None:
    proj = LambertConformal()
    points = list(_region_grid(7))
    flat = [v for point in points for v in point]
    many = proj.forward_many(flat)
    assert len(many) == len(flat)
    for k, (lon, lat) in enumerate(points):
        x, y = proj.forward(lon, lat)
        assert many[2 * k] == pytest.approx(x, abs=1e-9)
        assert many[2 * k + 1] == pytest.approx(y, abs=1e-9)


def test_region_extent_is_sensible() -> None:
    proj = LambertConformal()
    lon_min, lat_min, lon_max, lat_max = REGION
    corners = [proj.forward(lon, lat) for lon in (lon_min, lon_max) for lat in (lat_min, lat_max)]
    xs = [x for x, _ in corners]
    ys = [y for _, y in corners]
    assert 4000 < max(xs) - min(xs) < 6000
    assert 2000 < max(ys) - min(ys) < 4000
    # north is up: the northern corners have the larger y
    assert proj.forward(lon_min, lat_max)[1] > proj.forward(lon_min, lat_min)[1]
    assert proj.forward(lon_max, 43.0)[0] > 0 > proj.forward(lon_min, 43.0)[0]


def test_central_meridian_maps_to_x_zero() -> None:
    proj = LambertConformal()
    for lat in (30.0, 43.0, 56.0):
        assert proj.forward(proj.lon0, lat)[0] == 0.0
    assert proj.forward(proj.lon0, proj.lat0) == (0.0, 0.0)


def test_standard_parallels_are_true_to_scale() -> None:
    proj = LambertConformal()
    km_per_degree = math.pi * proj.radius_km / 180.0
    for lat in (proj.lat1, proj.lat2):
        x1, _ = proj.forward(proj.lon0 - 0.005, lat)
        x2, _ = proj.forward(proj.lon0 + 0.005, lat)
        expected = 0.01 * km_per_degree * math.cos(math.radians(lat))
        assert (x2 - x1) == pytest.approx(expected, rel=1e-6)
