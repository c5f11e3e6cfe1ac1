"""Issue 19, item 5: a fact-sheet map that can be read. The inset spans the text width with place names of at least
7 pt at print size, centred on the partner's corridors; its legend (modes, statuses, node kinds, "≈ approximate
position", "route not recorded"), scale bar and basemap credit print as text under it in the sheet's language; no
place name overlaps another or leaves the frame."""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, QRectF

from desktop.export.factsheet import build_factsheet, word
from desktop.qt.factsheet import factsheet as qt_factsheet
from desktop.qt.factsheet.factsheet import make_map_view, map_inset, render_factsheet
from desktop.qt.map.map_view import map_label

AS_OF = "2026-03-01"
PT_MM = 25.4 / 72
CSS_PX_MM = 25.4 / 96  # QTextDocument's image sizes are CSS pixels


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return squash("".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def great_circle_km(lon1: float, lat1: float, lon2: float, lat2: float, radius: float = 6371.0) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def laid_out(repo, view, tmp_path, iso3: str, lang: str, page_size: str = "A4"):
    """The sheet's document as the PDF lays it out on ``page_size``, and its map inset."""
    writer = qt_factsheet._writer(tmp_path / "layout.pdf", page_size, "t")
    page = qt_factsheet._Page(writer, False)
    sheet = build_factsheet(repo, iso3, lang, AS_OF)
    chart, inset = qt_factsheet._Renderer(chart=True, map_inset=True, map_view=view).images(sheet,
                                                                                            page.width / page.mm)
    return qt_factsheet._document(sheet, writer, page, chart, inset), inset


def pictures(doc) -> dict[str, tuple[float, object]]:
    """name -> (width in CSS pixels, block) of every picture in the document."""
    found = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found[fmt.toImageFormat().name()] = (fmt.toImageFormat().width(), block)
            it += 1
        block = block.next()
    return found


def laid_out_after(doc, block, text: str) -> QRectF:
    """Where the block holding the first ``text`` after ``block`` is laid out (find() reads a no-break space as a
    space)."""
    cursor = doc.find(text.replace("\u00a0", " "), block.position() + block.length())
    assert not cursor.isNull(), text
    return doc.documentLayout().blockBoundingRect(cursor.block())


def shown_segments(view, frame: QRectF) -> list:
    """The lines drawn inside the frame (sampled along their paths, in the view's pixels)."""
    to_view = view.canvas.viewportTransform()
    out = []
    for item in view.segment_items.values():
        path = to_view.map(item.sceneTransform().map(item.path()))
        if item.isVisible() and any(frame.contains(path.pointAtPercent(i / 50)) for i in range(51)):
            out.append(item)
    return out


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_place_names_print_at_seven_points_or_more(qapp, repo, map_view, tmp_path, page_size):
    doc, inset = laid_out(repo, map_view, tmp_path, "TKM", "en", page_size)
    printed_mm = pictures(doc)["factsheet:map"][0] * CSS_PX_MM
    page = qt_factsheet._Page(qt_factsheet._writer(tmp_path / "w.pdf", page_size, "t"), False)
    assert printed_mm == pytest.approx(page.width / page.mm, rel=0.01)  # the whole text width
    mm_per_px = printed_mm / inset.frame.width()
    shown = [label for label in map_view.label_items.values() if label.isVisible()]
    assert len(shown) >= 8
    for label in shown:
        assert label.font.pixelSize() * mm_per_px / PT_MM >= 7.0, label.text
    assert inset.image.width() * 25.4 / printed_mm >= 250  # dots per inch of the picture


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_turkmenistan_names_its_port_and_turkiye_its_places(qapp, repo, map_view, lang):
    nodes = {n.name_en: n for n in repo.nodes()}
    for iso3, names in (("TKM", ("Turkmenbashi International Seaport", "Ashgabat")),
                        ("TUR", ("Istanbul", "Ankara", "Ceyhan (BTC oil terminal area; town coordinates)"))):
        inset = map_inset(map_view, iso3, lang)
        shown = [text for text, _rect in inset.labels]
        for name in names:
            first_word = map_label(nodes[name], lang).split(" ")[0]  # a long name may be shortened: "Туркменбашийский…"
            assert any(text.startswith(first_word) for text in shown), (iso3, name, shown)


@pytest.mark.parametrize("iso3", ["TKM", "AZE"])
def test_the_inset_is_centred_on_the_partners_corridors(qapp, repo, map_view, iso3):
    """The partner's places and the whole of every line touching them (not the whole of each corridor: the Middle
    Corridor runs on to Xi'an, and Azerbaijan's places would be a few pixels apart)."""
    inset = map_inset(map_view, iso3, "en")
    own = {n.id for n in repo.nodes() if n.country_iso3 == iso3}
    touching = [s for s in repo.segments() if s.from_node_id in own or s.to_node_id in own]
    ends = {end for s in touching for end in (s.from_node_id, s.to_node_id)}
    to_view = map_view.canvas.viewportTransform()
    points = [to_view.map(map_view.positions[n]) for n in own | ends if n in map_view.positions]
    points += [to_view.map(p) for s in touching if s.id in map_view.segment_items
               for p in map_view.segment_items[s.id].points]
    touching_ids = {s.id for s in touching}  # a line through places of unknown position: drawn whole
    points += [to_view.map(p) for chain in map_view.chain_items if chain.ids & touching_ids for p in chain.points]
    frame = inset.frame
    assert all(frame.adjusted(10, 10, -10, -10).contains(p) for p in points)  # all inside, with a margin
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    assert (min(xs) + max(xs)) / 2 == pytest.approx(frame.center().x(), abs=2)
    assert (min(ys) + max(ys)) / 2 == pytest.approx(frame.center().y(), abs=2)
    assert max(max(xs) - min(xs), max(ys) - min(ys)) > 0.7 * min(frame.width(), frame.height())


@pytest.mark.parametrize("iso3", ["TUR", "AZE", "TKM", "CHN", "GEO"])
def test_the_legend_lists_the_modes_statuses_and_kinds_shown(qapp, repo, map_view, iso3):
    inset = map_inset(map_view, iso3, "en")
    keys = [key for key, _text in inset.legend]
    lines = shown_segments(map_view, inset.frame)
    assert {k[5:] for k in keys if k.startswith("mode:")} == {item.segment.mode for item in lines}
    assert {k[7:] for k in keys if k.startswith("status:")} == {item.segment.status for item in lines}
    to_view = map_view.canvas.viewportTransform()
    kinds = {item.node.kind for node_id, item in map_view.node_items.items()
             if item.isVisible() and inset.frame.contains(to_view.map(map_view.positions[node_id]))}
    assert {k[5:] for k in keys if k.startswith("kind:")} == kinds
    assert ("unrecorded" in keys) == any(not item.recorded for item in lines)
    assert dict(inset.legend).get("mode:rail") == "rail"
    assert [heading for heading, _entries in inset.sections] == ["Mode", "Status", "Places"]


def test_an_approximate_position_is_marked_on_the_map_and_in_the_legend(qapp, repo):
    ashgabat = next(n for n in repo.nodes() if n.name_en == "Ashgabat")
    for approx in (False, True):
        repo.db.conn.execute("UPDATE nodes SET position_approx = 0")
        repo.db.conn.execute("UPDATE nodes SET position_approx = ? WHERE id = ?", (int(approx), ashgabat.id))
        view = make_map_view(repo)
        try:
            inset = map_inset(view, "TKM", "ru")
        finally:
            view.close()
        legend = dict(inset.legend)
        labels = [text for text, _rect in inset.labels]
        if approx:
            assert legend["approx"] == "≈ приблизительное положение" and "≈ Ашхабад" in labels
        else:
            assert "approx" not in legend and "Ашхабад" in labels


@pytest.mark.parametrize("iso3", ["TUR", "AZE", "TKM", "CHN", "GEO"])
def test_the_scale_bar_is_a_round_number_of_km_true_at_the_centre(qapp, repo, map_view, tmp_path, iso3):
    doc, inset = laid_out(repo, map_view, tmp_path, iso3, "en")
    assert re.fullmatch(r"[1235]0*", str(inset.scale_km))
    assert 0.15 <= inset.scale_px / inset.frame.width() <= 0.30
    # the bar laid across the frame's centre spans scale_km on the ground (great-circle distance of its ends)
    to_scene, _invertible = map_view.canvas.viewportTransform().inverted()
    centre = inset.frame.center()
    ends = [to_scene.map(QPointF(centre.x() + d * inset.scale_px / 2, centre.y())) for d in (-1, 1)]
    (lon1, lat1), (lon2, lat2) = (map_view.projection.inverse(p.x(), -p.y()) for p in ends)
    assert great_circle_km(lon1, lat1, lon2, lat2) == pytest.approx(inset.scale_km, rel=0.02)
    # and prints at that share of the map's width
    found = pictures(doc)
    assert found["factsheet:scale"][0] / found["factsheet:map"][0] == pytest.approx(
        inset.scale_px / inset.frame.width(), rel=0.01)
    assert inset.scale_text == f"{inset.scale_km:,} km"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_text_overlaps_at_print_size(qapp, repo, map_view, tmp_path, lang):
    for partner in repo.partners():
        if not build_factsheet(repo, partner.iso3, lang, AS_OF).corridors:
            continue
        doc, inset = laid_out(repo, map_view, tmp_path, partner.iso3, lang)
        rects = [rect for _text, rect in inset.labels]
        for i, rect in enumerate(rects):
            assert inset.frame.contains(rect), (partner.iso3, inset.labels[i])
            for j in range(i):
                assert not rect.intersects(rects[j]), (partner.iso3, inset.labels[i], inset.labels[j])
        # the legend, the scale and the credit are text laid out under the map, the credit beside the scale
        picture = pictures(doc)["factsheet:map"][1]
        map_rect = doc.documentLayout().blockBoundingRect(picture)
        texts = [heading + ":" for heading, _entries in inset.sections]
        texts += [entry.text for _heading, entries in inset.sections for entry in entries]
        for text in [*texts, inset.credit]:
            assert laid_out_after(doc, picture, text).top() >= map_rect.bottom(), (partner.iso3, text)
        assert not laid_out_after(doc, picture, inset.scale_text).intersects(laid_out_after(doc, picture, inset.credit))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pdf_prints_the_legend_scale_and_credit_in_the_sheets_language(qapp, repo, map_view, tmp_path, lang):
    sheet = build_factsheet(repo, "TKM", lang, AS_OF)
    path = tmp_path / "tkm.pdf"
    render_factsheet(sheet, path, map_view=map_view)
    text = pdf_text(path)
    credit = word(lang, "map_credit", source="Natural Earth")
    assert credit == ("Basemap: Natural Earth" if lang == "en" else "Основа карты: Natural Earth")
    expected = [credit, word(lang, "map_modes"), word(lang, "map_statuses"), word(lang, "map_places"),
                word(lang, "map_mode_rail"), word(lang, "map_mode_sea"), word(lang, "map_node_port"),
                word(lang, "map_node_border_crossing"), word(lang, "map_unrecorded"),
                word(lang, "map_caption", partner=sheet.partner)]
    for expected_text in expected:
        assert squash(expected_text) in text, expected_text
    assert re.search(r"\d+(км|km)", text)
