"""The bundled data's geography (issue 19): sea legs stay on water, approximate positions say where they come
from, the main railways, crossings and ports are placed, and every recorded route point is sourced."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.core.routes import parse_route
from desktop.data.basemap import load_basemap

SKIP_KM = 15.0  # ports sit on the coast: the first and last kilometres of a sea leg may touch land


@pytest.fixture(scope="module")
def data(built_db):
    conn = sqlite3.connect(built_db)
    nodes = {r[0]: r for r in conn.execute(
        "SELECT uid, lat, lon, position_approx, position_from, country_iso3, kind, id FROM nodes")}
    segments = conn.execute(
        "SELECT s.uid, s.mode, a.uid, b.uid, s.route FROM segments s JOIN nodes a ON a.id = s.from_node_id "
        "JOIN nodes b ON b.id = s.to_node_id").fetchall()
    sources = {r[0] for r in conn.execute("SELECT uid FROM sources")}
    node_sources = {}
    for uid, source in conn.execute("SELECT n.uid, s.uid FROM record_sources rs JOIN nodes n ON n.id = rs.record_id "
                                    "JOIN sources s ON s.id = rs.source_id WHERE rs.record_type = 'node'"):
        node_sources.setdefault(uid, set()).add(source)
    conn.close()
    return nodes, segments, sources, node_sources


def line_of(nodes, seg) -> list[tuple[float, float]] | None:
    _uid, _mode, a, b, route = seg
    if nodes[a][1] is None or nodes[b][1] is None:
        return None
    return [(nodes[a][2], nodes[a][1]), *((p.lon, p.lat) for p in parse_route(route)), (nodes[b][2], nodes[b][1])]


def test_no_sea_leg_crosses_land(data):
    nodes, segments, _, _ = data
    basemap = load_basemap()
    sea = [seg for seg in segments if seg[1] == "sea"]
    assert len(sea) >= 6
    crossing = {}
    for seg in sea:
        line = line_of(nodes, seg)
        assert line is not None, f"{seg[0]}: a sea leg between ports without positions"
        on_land = basemap.land_along(line, skip_km=SKIP_KM)
        if on_land:
            crossing[seg[0]] = on_land[:3]
    assert not crossing, f"sea legs over land (first points): {crossing}"


def test_approximate_positions_say_where_they_were_taken_from(data):
    nodes, _, sources, node_sources = data
    approx = {uid: row for uid, row in nodes.items() if row[3]}
    assert len(approx) >= 8
    for uid, (_, lat, lon, _approx, origin, *_rest) in approx.items():
        assert lat is not None and lon is not None, uid
        assert origin and len(origin) > 10, uid
        assert node_sources.get(uid), f"{uid}: an approximate position cites no source"
    assert not any(row[4] for row in nodes.values() if not row[3]), "position_from on an exact position"


@pytest.mark.parametrize("uids", [
    # the Kazakhstan–Turkmenistan–Iran railway's stations whose towns are known (the border stations Bolashak,
    # Serhetyaka and Inche Burun have no usable reference: the map draws the line through them, see
    # tests/test_map_geography.py)
    ("zhanaozen_uzen", "bereket", "etrek", "gorgan"),
    # the China–Kazakhstan crossings
    ("khorgos_gateway", "dostyk"),
    # the Caspian ports
    ("port_aktau", "port_kuryk", "port_baku_alat", "port_turkmenbashi"),
], ids=["kz-tm-ir railway", "china-kz crossings", "caspian ports"])
def test_the_main_railway_crossings_and_ports_are_placed(data, uids):
    nodes = data[0]
    unplaced = [uid for uid in uids if nodes[uid][1] is None]
    assert not unplaced


def test_every_route_point_is_a_sourced_place_or_an_explained_waypoint(data):
    _, segments, sources, _ = data
    recorded = 0
    for seg in segments:
        points = parse_route(seg[4])
        for point in points:
            if point.kind == "via":
                assert point.name_en and point.source in sources, (seg[0], point)
            else:
                assert point.source is None and point.note_en, (seg[0], point)
        recorded += any(p.kind == "via" for p in points)
    assert recorded >= 1
