"""The corridor map tells the truth about geography (issue 19): routes through the places they pass, unrecorded
routes drawn as such, approximate positions marked, key places labelled, "Fit all" bounds, the basemap's edge."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from desktop.core.routes import RouteError, parse_route, route_json
from desktop.qt.map import map_style
from desktop.qt.map.map_view import CorridorMapView, map_label
from desktop.qt.shell.selection import SelectionState


def make_view(qtbot, repo, size=(1100, 760)) -> CorridorMapView:
    view = CorridorMapView(repo, SelectionState())
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    view.place_labels()
    return view


def scene_point(view, lon: float, lat: float) -> QPointF:
    x, y = view.projection.forward(lon, lat)
    return QPointF(x, -y)


def set_route(repo, uid: str, points: list[dict]) -> int:
    conn = repo.db.conn
    conn.execute("UPDATE segments SET route = ? WHERE uid = ?", (json.dumps(points), uid))
    return conn.execute("SELECT id FROM segments WHERE uid = ?", (uid,)).fetchone()[0]


def test_a_route_is_parsed_checked_and_written_the_same_way_every_time():
    text = '[{"lon": 55.2, "lat": 45.3167, "name_en": "  Beyneu ", "source": "src_x"}, ' \
           '{"lat": 42.0, "lon": 50.5, "kind": "waypoint", "note_en": "keeps the line on water"}]'
    points = parse_route(text)
    assert [p.kind for p in points] == ["via", "waypoint"] and points[0].name_en == "Beyneu"
    assert route_json(points) == route_json(parse_route(route_json(points)))
    for bad, words in (('{"lat": 1}', "list"), ('[{"lat": 95, "lon": 1}]', "outside"),
                       ('[{"lat": 1, "lon": 2, "kind": "stop"}]', "kind"),
                       ('[{"lat": 1, "lon": 2, "x": 1}]', "unknown"),
                       ("[1, 2]", "object"), ("[{", "JSON")):
        with pytest.raises(RouteError, match=words):
            parse_route(bad)


def test_a_recorded_route_is_drawn_through_its_places_and_an_unrecorded_one_thin(qtbot, repo):
    seg_id = set_route(repo, "sg_titr_dostyk_aktau", [
        {"lat": 46.95, "lon": 79.67, "name_en": "Aktogay", "source": "src_x"},
        {"lat": 45.32, "lon": 55.2, "name_en": "Beyneu", "source": "src_x"}])
    view = make_view(qtbot, repo)
    item = view.segment_items[seg_id]
    assert item.recorded and len(item.points) == 4
    assert (item.points[1].x(), item.points[1].y()) == pytest.approx(
        (scene_point(view, 79.67, 46.95).x(), scene_point(view, 79.67, 46.95).y()))
    assert item.pen().widthF() == map_style.LINE_WIDTH
    assert "Aktogay, Beyneu" in view.segment_tooltip(item.segment)
    others = [i for i in view.segment_items.values() if not i.segment.route]
    assert others and all(not i.recorded and i.pen().widthF() == map_style.LINE_WIDTH_UNRECORDED for i in others)
    assert "Route not recorded" in view.segment_tooltip(others[0].segment)
    assert {"route:recorded", "route:unrecorded"} <= {key for key, _ in view.legend.entries}


def test_waypoints_bend_a_line_without_making_it_a_recorded_route(qtbot, repo):
    seg_id = set_route(repo, "sg_ferry_aktau_alat", [
        {"lat": 41.0, "lon": 50.9, "kind": "waypoint", "note_en": "keeps the sea leg on water"}])
    view = make_view(qtbot, repo)
    item = view.segment_items[seg_id]
    assert len(item.points) == 3 and not item.recorded
    assert item.pen().widthF() == map_style.LINE_WIDTH_UNRECORDED
    assert "stay on water" in view.segment_tooltip(item.segment)


def test_an_approximate_position_has_a_hollow_dotted_marker_and_says_where_it_is_from(qtbot, repo):
    conn = repo.db.conn
    conn.execute("UPDATE nodes SET lat = 44.21, lon = 80.41, position_approx = 1, "
                 "position_from = 'GeoNames: Khorgos (town)' WHERE uid = 'khorgos_gateway'")
    node_id = conn.execute("SELECT id FROM nodes WHERE uid = 'khorgos_gateway'").fetchone()[0]
    view = make_view(qtbot, repo)
    node = view.nodes[node_id]
    marker = view.node_items[node_id]
    assert marker.brush().style() == Qt.BrushStyle.NoBrush
    assert marker.pen().dashPattern()  # dotted outline
    exact = next(item for item in view.node_items.values() if not item.node.position_approx)
    assert exact.brush().style() != Qt.BrushStyle.NoBrush and not exact.pen().dashPattern()
    assert map_label(node, "en") == "≈ Khorgos / Altynkol"  # the detail after the dash is in the tooltip
    assert view.label_items[node_id].text.startswith("≈ ")
    tip = view.node_tooltip(node)
    assert "Approximate position" in tip and "GeoNames: Khorgos (town)" in tip
    assert "position:approx" in {key for key, _ in view.legend.entries}
    assert not any(text.startswith("Khorgos") for text in view.unknown_texts())


def test_fit_all_shows_every_drawn_place_and_every_route_point(qtbot, repo):
    seg_id = set_route(repo, "sg_titr_dostyk_aktau", [
        {"lat": 47.8, "lon": 67.7, "name_en": "Zhezkazgan", "source": "src_x"}])
    view = make_view(qtbot, repo)
    viewport = QRectF(view.canvas.viewport().rect())
    points = list(view.positions.values()) + view.segment_items[seg_id].points
    for item in view.segment_items.values():
        points += item.points
    for point in points:
        assert viewport.contains(QPointF(view.canvas.mapFromScene(point))), point
    # Xi'an, the easternmost place, is on screen (it was off screen when "Fit all" showed a fixed region)
    xian = next(n for n in view.nodes.values() if n.uid == "xian_kz_terminal")
    assert viewport.contains(QPointF(view.canvas.mapFromScene(view.positions[xian.id])))


def test_fit_selection_includes_the_whole_route(qtbot, repo):
    seg_id = set_route(repo, "sg_titr_dostyk_aktau", [
        {"lat": 52.3, "lon": 65.0, "name_en": "Far north", "source": "src_x"}])
    view = make_view(qtbot, repo)
    view.show_record("segment", seg_id)
    qtbot.wait(20)
    viewport = QRectF(view.canvas.viewport().rect())
    for point in view.segment_items[seg_id].points:
        assert viewport.contains(QPointF(view.canvas.mapFromScene(point)))


@pytest.mark.parametrize("iso3, names", [("TKM", ["Turkmenbashi", "Bereket"]), ("TUR", ["Ceyhan", "Kars"])])
def test_ports_and_crossings_on_a_selected_partners_lines_are_always_labelled(qtbot, repo, iso3, names):
    view = make_view(qtbot, repo, size=(700, 500))  # small: most labels do not fit
    view.canvas.zoom(0.5)  # and zoomed out further
    view.selection.select_partner(iso3)
    view.place_labels()
    shown = view.visible_labels()
    for name in names:
        assert any(text.lstrip("≈ ").startswith(name) for text in shown), (name, shown)
    key = view.key_nodes()
    assert key and all(view.label_items[n].isVisible() for n in key)
    assert all(view.nodes[n].kind in map_style.KEY_KINDS or view.nodes[n].country_iso3 == iso3 for n in key)
    ends = {end for item in view.segment_items.values() for end in (item.segment.from_node_id, item.segment.to_node_id)}
    own = {n for n, node in view.nodes.items() if node.country_iso3 == iso3 and n in view.positions and n in ends}
    assert own <= key  # the partner's own places on its lines too (Kars on Türkiye's railway)


def test_beyond_the_basemap_is_grey_and_inside_it_is_not(qtbot, repo):
    view = make_view(qtbot, repo)
    lon0, lat0, lon1, lat1 = view.basemap.bbox
    view.canvas.fit(view.extent_rect)
    qtbot.wait(10)
    for label in view.label_items.values():  # (the basemap is what is looked at)
        label.setVisible(False)
    image = view.canvas.grab().toImage()

    def colour_at(lon, lat) -> QColor:
        p = view.canvas.mapFromScene(scene_point(view, lon, lat))
        return image.pixelColor(p.x(), p.y())

    outside = colour_at(lon1 + 3, (lat0 + lat1) / 2)
    assert outside == map_style.NO_DATA
    inside_sea = colour_at(50.0, 45.0)  # the northern Caspian, away from every line
    assert inside_sea == map_style.WATER


def test_a_segments_geojson_line_runs_through_its_route(repo, tmp_path):
    from desktop.export.writers import run_export

    set_route(repo, "sg_titr_dostyk_aktau", [{"lat": 46.95, "lon": 79.67, "name_en": "Aktogay", "source": "src_x"}])
    out = tmp_path / "segments.geojson"
    run_export(repo.db, "segment", "geojson", out)
    features = {f["id"]: f for f in json.loads(out.read_text(encoding="utf-8"))["features"]}
    line = features["sg_titr_dostyk_aktau"]["geometry"]["coordinates"]
    assert len(line) == 3 and line[1] == [79.67, 46.95]
    assert "Aktogay" in features["sg_titr_dostyk_aktau"]["properties"]["route"]
    assert all(len(f["geometry"]["coordinates"]) == 2 for uid, f in features.items()
               if not f["properties"]["route"])


def test_the_node_form_refuses_an_approximate_position_without_its_origin():
    from desktop.core.validation import ValidationContext, validate

    ctx = ValidationContext(vocab={"node_kinds": {"city"}}, ids={})
    values = {"name_en": "X", "country_iso3": "KAZ", "kind": "city", "lat": 43.2, "lon": 51.6, "position_approx": True}
    assert [e.code for e in validate("node", values, ctx)[1]] == ["approx_needs_origin"]
    assert not validate("node", {**values, "position_from": "GeoNames: Kuryk"}, ctx)[1]
    assert [e.code for e in validate("node", {**values, "lat": None, "lon": None}, ctx)[1]] == ["approx_needs_position"]


def test_the_kazakhstan_turkmenistan_iran_railway_is_drawn_end_to_end(qtbot, repo):
    """Its border stations have no known position: the line is drawn through them as one thin line, and they stay
    listed under "Position unknown"."""
    view = make_view(qtbot, repo)
    corridor = next(c for c in view.corridors.values() if c.uid == "kz_tm_ir_north_south")
    legs = [s for s in view.segments if s.corridor_id == corridor.id]
    chained = {seg_id for chain in view.chain_items for seg_id in chain.ids}
    assert len(legs) >= 6 and all(s.id in view.segment_items or s.id in chained for s in legs)
    joined: dict[int, set[int]] = {}  # the drawn lines as a graph of placed nodes
    for s in legs:
        if s.id in view.segment_items:
            a, b = s.from_node_id, s.to_node_id
            joined.setdefault(a, set()).add(b)
            joined.setdefault(b, set()).add(a)
    for chain in view.chain_items:
        if chain.segment.corridor_id == corridor.id:
            a, b = chain.end_ids
            joined.setdefault(a, set()).add(b)
            joined.setdefault(b, set()).add(a)
    uid = {n.uid: n.id for n in view.nodes.values()}
    reached, todo = set(), [uid["port_aktau"]]
    while todo:
        node = todo.pop()
        if node not in reached:
            reached.add(node)
            todo.extend(joined.get(node, ()))
    assert uid["gorgan"] in reached
    chain = next(c for c in view.chain_items if uid["bolashak"] in c.unknown)
    assert not chain.recorded and chain.pen().widthF() == map_style.LINE_WIDTH_UNRECORDED
    tip = view.chain_tooltip(chain)
    assert "Bolashak" in tip and "position is unknown" in tip
    assert any(text.startswith("Bolashak") for text in view.unknown_texts())
