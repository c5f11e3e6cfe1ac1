"""The corridor map: what the scene holds, clicks, layers, labels, highlighting, export, languages."""
from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from desktop.app import build_window
from desktop.qt.map import map_style
from desktop.qt.map.map_view import CorridorMapView, NodeItem, SegmentItem, map_label
from desktop.qt.shell.selection import SelectionState


@pytest.fixture
def selection():
    return SelectionState()


@pytest.fixture
def mapview(qtbot, repo, selection):
    view = CorridorMapView(repo, selection)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    view.place_labels()
    return view


def placed(repo):
    nodes = {n.id: n for n in repo.nodes()}
    with_position = {i for i, n in nodes.items() if n.has_position}
    segments = [s for s in repo.segments() if s.from_node_id in with_position and s.to_node_id in with_position]
    return nodes, with_position, segments


def click_at_scene(view, pos: QPointF) -> None:
    point = view.canvas.mapFromScene(pos)
    QTest.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_one_item_per_placed_segment_and_per_node_with_coordinates(mapview, repo):
    nodes, with_position, segments = placed(repo)
    items = mapview.scene.items()
    node_items = [i for i in items if isinstance(i, NodeItem)]
    segment_items = [i for i in items if type(i) is SegmentItem]  # (ChainItems: tests/test_map_geography.py)
    assert sorted(i.node.id for i in node_items) == sorted(with_position)
    assert sorted(i.segment.id for i in segment_items) == sorted(s.id for s in segments)
    assert len(segments) >= 20 and len(with_position) >= 30
    for item in node_items:  # each marker sits on its node's projected coordinates
        node = item.node
        x, y = mapview.projection.forward(node.lon, node.lat)
        assert (item.pos().x(), item.pos().y()) == pytest.approx((x, -y))
    scale = mapview.canvas.current_scale()
    for item in segment_items:  # lines meet their nodes (two lines joining the same nodes run side by side)
        path = item.path()
        for element, node_id in ((path.elementAt(0), item.segment.from_node_id),
                                 (path.elementAt(path.elementCount() - 1), item.segment.to_node_id)):
            node = mapview.positions[node_id]
            off_px = ((element.x - node.x()) ** 2 + (element.y - node.y()) ** 2) ** 0.5 * scale
            assert off_px <= map_style.MARKER_SIZE / 2, (item.segment.uid, off_px)


def test_a_node_without_coordinates_is_listed_not_drawn(mapview, repo):
    nodes, with_position, _ = placed(repo)
    unplaced = [n for n in nodes.values() if not n.has_position]
    assert unplaced, "the bundled data has nodes without coordinates (the unnamed coastal road crossing, ...)"
    drawn = {i.node.id for i in mapview.scene.items() if isinstance(i, NodeItem)}
    listed = "\n".join(mapview.unknown_texts())
    for node in unplaced:
        assert node.id not in drawn
        assert node.name_en in listed
    assert mapview.unknown_title.text() == f"Position unknown ({len(mapview.unknown_texts())})"
    # a segment with an end of unknown position is listed too, never drawn to a guessed point
    lost = next(s for s in repo.segments() if not (nodes[s.from_node_id].has_position
                                                    and nodes[s.to_node_id].has_position))
    assert lost.id not in mapview.segment_items
    name = nodes[lost.to_node_id if nodes[lost.from_node_id].has_position else lost.from_node_id].name_en
    assert any(name in t and "an end has no position" in t for t in mapview.unknown_texts())


def test_clicking_a_node_selects_it_and_the_agreements_and_events_follow(qtbot, repo, translator):
    node_id = repo.db.conn.execute(
        "SELECT rp.node_id FROM record_places rp JOIN nodes n ON n.id = rp.node_id WHERE rp.record_type = "
        "'agreement' AND n.lat IS NOT NULL GROUP BY rp.node_id ORDER BY count(*) DESC, rp.node_id "
        "LIMIT 1").fetchone()[0]
    linked = set(repo.record_ids_at("agreement", node_id=node_id))
    window = build_window(repo, translator=translator)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.show_view("map")
    qtbot.waitExposed(window)
    view = window.map
    view.fit_all()
    click_at_scene(view, view.positions[node_id])
    assert window.selection.node == node_id and window.selection.corridor is None
    assert view.node_items[node_id].pen().color() == QColor("#d81b60")  # the marker shows it is selected
    agreements = window.agreements
    qtbot.waitUntil(agreements.is_settled, timeout=10_000)
    shown = {agreements.model.id_at(r) for r in range(agreements.model.rowCount())}
    assert shown and shown <= linked
    node = repo.node(node_id)
    assert f"Place: {node.name_en}"[:40] in " ".join(agreements.chips.texts())
    events_linked = repo.events(node_id=node_id)
    assert window.events.event_ids() == [e.id for e in events_linked]
    assert "linked to" in window.events.header.text()
    window.search.shutdown()


def test_clicking_a_line_selects_its_corridor(qtbot, mapview, repo, selection):
    from desktop.qt.map.map_view import _distance_to_segment

    def screen(node_id):
        return QPointF(mapview.canvas.mapFromScene(mapview.positions[node_id]))

    def third(seg):
        a, b = screen(seg.from_node_id), screen(seg.to_node_id)
        return QPointF(a.x() + (b.x() - a.x()) / 3, a.y() + (b.y() - a.y()) / 3)

    items = list(mapview.segment_items.values())
    # a line whose point a third of the way is well away from every other line and marker
    seg = next(i.segment for i in items if all(
        _distance_to_segment(third(i.segment), screen(o.segment.from_node_id), screen(o.segment.to_node_id)) > 20
        for o in items if o is not i) and all(
        (third(i.segment) - screen(n)).manhattanLength() > 20 for n in mapview.positions))
    click_at_scene(mapview, mapview.canvas.mapToScene(third(seg).toPoint()))
    assert selection.corridor == seg.corridor_id and selection.node is None
    corridor_segments = {s.id for s in repo.segments(seg.corridor_id)}
    for seg_id, item in mapview.segment_items.items():
        selected_width = map_style.LINE_WIDTH_SELECTED if item.recorded else map_style.LINE_WIDTH_UNRECORDED_SELECTED
        assert (item.pen().widthF() == selected_width) == (seg_id in corridor_segments)


def test_a_click_on_open_water_selects_nothing(mapview, selection):
    water = mapview.canvas.mapToScene(QPoint(5, 5))
    click_at_scene(mapview, water)
    assert selection.node is None and selection.corridor is None


def test_toggling_a_layer_hides_its_items(mapview):
    menu = mapview.layer_menus["modes"]
    sea = next(a for a in menu.actions() if a.text() == "Sea")
    sea_items = [i for i in mapview.segment_items.values() if i.segment.mode == "sea"]
    assert sea_items and all(i.isVisible() for i in sea_items)
    sea.trigger()  # unchecks it
    assert not any(i.isVisible() for i in sea_items)
    assert all(i.isVisible() for i in mapview.segment_items.values() if i.segment.mode != "sea")
    sea.trigger()
    assert all(i.isVisible() for i in sea_items)
    corridor_menu = mapview.layer_menus["corridors"]
    first = corridor_menu.actions()[0]
    corridor_id = next(c.id for c in mapview.corridors.values() if c.name("en") == first.text())
    first.trigger()
    assert not any(i.isVisible() for i in mapview.segment_items.values() if i.segment.corridor_id == corridor_id)
    status = next(a for a in mapview.layer_menus["statuses"].actions() if a.text() == "Operating")
    status.trigger()
    assert not any(i.isVisible() for i in mapview.segment_items.values() if i.segment.status == "operating")


def test_the_legend_lists_what_is_drawn(mapview, repo):
    keys = [k for k, _ in mapview.legend.entries]
    modes = {s.mode for s in repo.segments()}
    kinds = {n.kind for n in repo.nodes()}
    assert {k.split(":")[1] for k in keys if k.startswith("mode:")} == modes
    assert {k.split(":")[1] for k in keys if k.startswith("kind:")} == kinds
    assert "status:operating" in keys and "country:KAZ" in keys


def test_labels_never_overlap_and_thin_out_when_zoomed_out(mapview):
    def rects():
        out = []
        for label in mapview.label_items.values():
            if label.isVisible():
                origin = mapview.canvas.mapFromScene(label.pos())
                out.append(label.boundingRect().translated(origin.x(), origin.y()))
        return out

    shown = rects()
    assert len(shown) >= 5
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert not a.intersects(b)
    many = len(shown)
    mapview.canvas.zoom(0.3)
    mapview.place_labels()
    assert len(rects()) < many


def test_partner_selection_highlights_its_country_and_places(mapview, repo, selection):
    selection.select_partner("AZE")
    assert mapview.country_items["AZE"].brush().color() == map_style.LAND_PARTNER
    assert mapview.country_items["KAZ"].brush().color() == map_style.LAND_HOME
    assert mapview.country_items["TUR"].brush().color() == map_style.LAND
    baku = next(n for n in repo.nodes() if n.country_iso3 == "AZE" and n.has_position)
    other = next(n for n in repo.nodes() if n.country_iso3 == "AFG" and n.has_position)
    assert mapview.node_items[baku.id].pen().color().alpha() == 255
    assert mapview.node_items[other.id].pen().color().alpha() == map_style.DIMMED_ALPHA
    rect = mapview.selection_rect()
    assert rect is not None and rect.contains(mapview.positions[baku.id])


def test_hover_tooltips_give_facts_and_sources(mapview, repo):
    aktau = repo.node_by_uid("port_aktau")
    text = mapview.node_tooltip(aktau)
    assert "Port of Aktau" in text and "Sources" in text
    assert any(f.metric_en in text for f in repo.facts(node_id=aktau.id))
    src = repo.sources_of("node", aktau.id)[0]
    assert (src.title or src.url)[:30] in text
    seg = next(s for s in repo.segments() if s.length_km)
    seg_text = mapview.segment_tooltip(seg)
    assert "km" in seg_text and "Sources" in seg_text


def test_tooltip_text_is_escaped(mapview, repo):
    repo.db.conn.execute("UPDATE nodes SET note_en = '<img src=x>' WHERE uid = 'port_aktau'")
    text = mapview.node_tooltip(repo.node_by_uid("port_aktau"))
    assert "<img" not in text and "&lt;img src=x&gt;" in text


def test_zoom_keeps_the_point_under_the_cursor(mapview):
    anchor = QPointF(300, 200)
    before = mapview.canvas.mapToScene(anchor.toPoint())
    mapview.canvas.zoom(1.25, anchor)
    after = mapview.canvas.mapToScene(anchor.toPoint())
    scale = mapview.canvas.current_scale()
    assert abs(before.x() - after.x()) * scale < 2 and abs(before.y() - after.y()) * scale < 2


def test_exported_png_and_svg_are_not_blank(mapview, tmp_path):
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    mapview.export_png(png)
    mapview.export_svg(svg)
    image = QImage(str(png))
    assert image.width() >= mapview.canvas.viewport().width()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    assert len(colours) > 20  # water, land, borders, lines, labels
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and text.count("<path") > 50
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(svg)).isValid()
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failed_export_leaves_the_old_file(mapview, tmp_path):
    target = tmp_path / "map.png"
    target.write_bytes(b"old")
    folder = tmp_path / "no-such-folder" / "map.png"
    with pytest.raises(OSError):
        mapview.export_png(folder)
    assert target.read_bytes() == b"old"


def test_russian_labels(qtbot, repo, selection, translator):
    translator.set_language("ru")
    view = CorridorMapView(repo, selection)
    qtbot.addWidget(view)
    aktau = repo.node_by_uid("port_aktau")
    assert view.label_items[aktau.id].text == map_label(aktau, "ru")
    assert map_label(aktau, "ru").removeprefix(map_style.APPROX_PREFIX) == "Морской порт Актау"
    assert view.buttons["fit_all"].text() == "Показать всё"
    assert view.unknown_title.text().startswith("Положение неизвестно")


def test_screenshot_of_the_map(tmp_path, built_db, translations):
    out = tmp_path / "map.png"
    db = tmp_path / "atlas.sqlite"
    db.write_bytes(built_db.read_bytes())
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "--screenshot", str(out),
                           "--view", "map"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_an_event_chosen_elsewhere_highlights_its_places(mapview, repo, selection):
    event_id, node_id = repo.db.conn.execute(
        "SELECT rp.record_id, rp.node_id FROM record_places rp JOIN nodes n ON n.id = rp.node_id "
        "WHERE rp.record_type = 'event' AND n.lat IS NOT NULL LIMIT 1").fetchone()
    selection.select_event(event_id)
    nodes, _ = mapview.highlighted()
    assert node_id in nodes
    assert mapview.node_items[node_id].brush().color().alpha() == 255
    dimmed = [i for n, i in mapview.node_items.items() if n not in nodes]
    assert dimmed and all(i.pen().color().alpha() == map_style.DIMMED_ALPHA for i in dimmed)
    selection.select_event(None)
    assert all(i.pen().color().alpha() == 255 for i in mapview.node_items.values())


def test_a_corridor_in_the_selection_filters_the_agreements(qtbot, repo, selection):
    from desktop.qt.agreements.agreements_view import AgreementsView
    from desktop.qt.search.search_worker import SearchService

    search = SearchService(repo.db.path)
    view = AgreementsView(repo, selection, search)
    qtbot.addWidget(view)
    qtbot.waitUntil(view.is_settled, timeout=10_000)
    corridor = repo.corridor_by_uid("titr_middle_corridor")
    selection.select_corridor(corridor.id)
    qtbot.waitUntil(view.is_settled, timeout=10_000)
    shown = {view.model.id_at(r) for r in range(view.model.rowCount())}
    assert shown and shown <= set(repo.record_ids_at("agreement", corridor_id=corridor.id))
    chip = next(c for c in view.chips.chips() if c.key == "corridor")
    assert chip.text().startswith("Corridor: Trans-Caspian")
    view.remove_filter("corridor")
    assert selection.corridor is None
    search.shutdown()
