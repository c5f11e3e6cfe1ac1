"""The Find box (issue 17, item 3), driven as a user would with the keyboard and the mouse: typing shows the
results grouped by kind with their counts, Down/Up and Enter (or a click) go to the record where it lives,
Esc closes and clears, nothing found offers the index's closest words, data is shown literally, and a
worker that cannot read the file says so."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.find import Finder
from desktop.data.repository import Repository
from desktop.qt.search.find_view import MARK, CitingRecords, kind_name
from tests.test_hostile_text import IMG, REST, hostile


@pytest.fixture
def window(open_window):
    w = open_window(size=(1400, 900))
    yield w
    w.find_box.shutdown()


def type_text(widget, text: str) -> None:
    """Key presses that type ``text`` (QTest's keyClicks knows ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def find(qtbot, w, text: str) -> None:
    """Focus the box with Ctrl+F's action, type ``text`` and wait for its answer on the panel."""
    w.action_table["find"].trigger()
    box = w.find_box
    box.clear()
    type_text(box, text)
    qtbot.waitUntil(lambda: box.is_settled() and box._answer is not None and box._answer.text == text
                    or box._error is not None, timeout=10_000)


def rows(w) -> list:
    return w.find_box.panel.model.rows


def go_to(qtbot, w, kind: str, *, preferred: bool | None = None) -> object:
    """Press Down until the current row is a hit of ``kind`` (and preferred or not); returns that hit."""
    box, panel = w.find_box, w.find_box.panel
    for _ in range(len(rows(w))):
        qtbot.keyClick(box, Qt.Key.Key_Down)
        row = panel.current_row()
        hit = rows(w)[row].payload
        if rows(w)[row].role == "hit" and hit.kind == kind and (preferred is None or hit.preferred == preferred):
            return hit
    raise AssertionError(f"no {kind} hit among {[r.plain for r in rows(w)]}")


def test_typing_shows_the_groups_with_finders_counts(qtbot, window, repo):
    find(qtbot, window, "Kuryk")
    expected = Finder(repo.db).find("Kuryk")
    assert expected.groups, "the bundled data has places, facts and sources about Kuryk"
    panel = window.find_box.panel
    assert panel.isVisible()
    assert panel.header.text() == " · ".join(f"{kind_name(g.kind)} {g.count}" for g in expected.groups)
    headings = [r.plain for r in rows(window) if r.role == "group"]
    assert len(headings) == len(expected.groups)
    assert headings[0].startswith(kind_name(expected.groups[0].kind))
    shown = [(r.payload.kind, r.payload.record_id) for r in rows(window) if r.role == "hit"]
    assert shown == [(h.kind, h.record_id) for g in expected.groups for h in g.hits]
    # the place's own row names it, with the matched word marked
    node = next(r for r in rows(window) if r.role == "hit" and r.payload.kind == "node")
    assert node.plain.startswith("Port of Kuryk")
    assert MARK.format("Kuryk") in node.html


def test_down_and_enter_on_an_agreement_selects_its_row_and_detail(qtbot, window):
    w = window
    find(qtbot, w, "Ankara")
    hit = go_to(qtbot, w, "agreement")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    assert not w.find_box.panel_visible()
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)
    assert w.current_view() == "agreements"
    assert w.selection.agreement == hit.preferred_id
    qtbot.waitUntil(lambda: w.agreements.detail.agreement_id == hit.preferred_id)
    table = w.agreements.table
    assert w.agreements.model.id_at(table.currentIndex().row()) == hit.preferred_id


def test_an_agreement_hidden_by_the_tables_filters_is_shown_and_the_status_bar_says_so(qtbot, window):
    w = window
    w.selection.select_partner("AZE")  # the Ankara package is Türkiye's
    w.agreements.set_search_text("газ")
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)
    find(qtbot, w, "Ankara")
    hit = go_to(qtbot, w, "agreement")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: w.agreements.is_settled() and w.agreements.table.currentIndex().isValid(),
                    timeout=10_000)
    assert w.agreements.model.id_at(w.agreements.table.currentIndex().row()) == hit.preferred_id
    assert w.agreements.search_box.text() == "" and w.selection.partner is None
    assert w.statusBar().currentMessage() == "The table's search and filters were cleared to show this agreement."


def test_an_event_hit_selects_the_event_in_the_events_list(qtbot, window):
    w = window
    w.selection.select_partner("AZE")  # the events list shows Azerbaijan's: the Ankara events are not there
    find(qtbot, w, "Ankara")
    hit = go_to(qtbot, w, "event")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    assert w.selection.current_event == hit.preferred_id
    assert w.events.selected_event_id() == hit.preferred_id
    assert w.selection.partner == hit.partners[0]


def test_a_node_hit_shows_it_selected_on_the_map_and_in_view(qtbot, window, repo):
    w = window
    find(qtbot, w, "Kuryk")
    hit = go_to(qtbot, w, "node")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    assert w.current_view() == "map"
    assert w.selection.node == hit.record_id and w.selection.corridor is None
    view = w.map
    position = view.positions[hit.record_id]
    qtbot.waitUntil(lambda: view.canvas.current_scale() > 0.5, timeout=5_000)  # zoomed in on it, not the region
    visible = view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()
    assert visible.contains(position)


def test_a_segment_hit_selects_its_corridor_and_fits_its_ends(qtbot, window, repo):
    w = window
    find(qtbot, w, "Kuryk")
    hit = go_to(qtbot, w, "segment")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    segment = next(s for s in repo.segments() if s.id == hit.record_id)
    assert w.current_view() == "map" and w.selection.corridor == segment.corridor_id
    view = w.map
    qtbot.wait(10)  # (the fit is made again on the next turn of the event loop)
    visible = view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()
    for end in (segment.from_node_id, segment.to_node_id):
        if end in view.positions:
            assert visible.contains(view.positions[end])


def test_a_trade_hit_opens_the_trade_view_on_the_partner(qtbot, window):
    w = window
    find(qtbot, w, "Türkiye")
    hit = go_to(qtbot, w, "trade")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    assert w.current_view() == "trade"
    assert w.selection.partner == hit.partners[0] == "TUR"


def test_a_fact_hit_shows_the_partners_overview(qtbot, window):
    w = window
    find(qtbot, w, "Tokaev")
    hit = go_to(qtbot, w, "fact")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    assert w.selection.partner == hit.partners[0]
    name = w.repo.partner(hit.partners[0]).name("en")
    assert w.overview.title.text() == name


def test_a_source_hit_lists_the_records_that_cite_it_and_leads_to_them(qtbot, window, repo):
    w = window
    find(qtbot, w, "Ankara")
    hit = go_to(qtbot, w, "source")
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    dialog = w.findChild(CitingRecords)
    assert dialog is not None and dialog.isVisible()
    citing = repo.db.conn.execute("SELECT record_type, record_id FROM record_sources WHERE source_id = ? "
                                  "AND record_type <> 'alias' ORDER BY record_type, record_id",
                                  (hit.record_id,)).fetchall()
    assert citing and len(dialog.texts()) == len(citing)
    first_kind, first_id = citing[0]
    label = repo.record_label(first_kind, first_id, "en")[0]
    assert label in dialog.texts()[0]
    if first_kind == "agreement":
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.selection.agreement is not None, timeout=5_000)
        assert w.current_view() == "agreements"


def test_another_sources_value_is_marked_and_leads_to_the_preferred_record(qtbot, window):
    w = window
    find(qtbot, w, "20 документов")
    hit = go_to(qtbot, w, "event", preferred=False)
    row = rows(w)[w.find_box.panel.current_row()]
    assert "other source's value" in row.plain
    assert hit.preferred_id != hit.record_id
    qtbot.keyClick(w.find_box, Qt.Key.Key_Return)
    assert w.selection.current_event == hit.preferred_id
    assert w.statusBar().currentMessage().startswith("This is another source's value")


def test_no_results_offer_the_closest_words_and_a_click_runs_that_search(qtbot, window):
    w = window
    find(qtbot, w, "Kuryck")
    panel = w.find_box.panel
    assert panel.header.text() == "No results"
    texts = [r.plain for r in rows(w)]
    assert texts[0] == "Nothing matches “Kuryck”."
    suggestion = next(i for i, r in enumerate(rows(w)) if r.role == "suggestion")
    assert rows(w)[suggestion].plain == "Did you mean “Kuryk”?"
    rect = panel.list.visualRect(panel.model.index(suggestion, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: w.find_box.is_settled() and w.find_box._answer.text == "Kuryk", timeout=10_000)
    assert w.find_box.text() == "Kuryk"
    assert panel.header.text().startswith(kind_name("event"))


def test_a_click_on_a_hit_opens_it(qtbot, window):
    w = window
    find(qtbot, w, "Kuryk")
    panel = w.find_box.panel
    row = next(i for i, r in enumerate(rows(w)) if r.role == "hit" and r.payload.kind == "node")
    panel.list.scrollTo(panel.model.index(row, 0))
    rect = panel.list.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.current_view() == "map" and w.selection.node == rows(w)[row].payload.record_id


def test_escape_closes_the_panel_then_clears_the_box_and_ctrl_f_comes_back(qtbot, window):
    w = window
    find(qtbot, w, "Kuryk")
    box = w.find_box
    assert box.hasFocus() or qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.panel_visible() and box.text() == "Kuryk"
    qtbot.keyClick(box, Qt.Key.Key_Down)  # Down shows the answer again
    assert box.panel_visible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and not box.panel_visible()
    # the agreements table keeps its own filter box
    assert w.agreements.search_box is not box


def test_a_query_without_a_word_says_so(qtbot, window):
    find(qtbot, window, "%")
    assert [r.plain for r in rows(window)] == [
        "“%” holds no word to look for. Type a word in English, Russian or Kazakh."]


def test_the_russian_interface_names_the_kinds_in_russian(qtbot, window, translator):
    translator.set_language("ru")
    find(qtbot, window, "Kuryk")
    header = window.find_box.panel.header.text()
    assert header.startswith("События 1 · Факты 5 · Места 1")
    node = next(r for r in rows(window) if r.role == "hit" and r.payload.kind == "node")
    assert node.plain.startswith("Порт Курык")  # the label in the interface's language
    fact = next(r for r in rows(window) if r.role == "hit" and r.payload.date == "2025-12")
    assert "дек. 2025" in fact.plain  # and the date in its words


def test_a_latin_query_in_the_russian_interface_shows_russian_snippets(qtbot, window, translator):
    """Typed in Latin letters ("Türkiye"), the Russian interface shows each agreement's Russian text where it
    matches too ("Турцию", through the country's names), not the English one."""
    translator.set_language("ru")
    find(qtbot, window, "Türkiye")
    agreements = [r for r in rows(window) if r.role == "hit" and r.payload.kind == "agreement"]
    assert agreements
    assert all(r.payload.snippet for r in agreements)
    russian = [r for r in agreements if re.search("[А-Яа-я]", r.payload.snippet)]
    assert len(russian) >= len(agreements) - 1, [r.payload.snippet for r in agreements]
    # another language's text only where it alone names the country
    assert all("«" in r.payload.snippet for r in agreements if r not in russian)
    assert any(MARK.format("Турцию") in r.html or MARK.format("Турции") in r.html or MARK.format("Турция") in r.html
               for r in agreements)
    # and the same query in English shows the English texts
    translator.set_language("en")
    qtbot.waitUntil(lambda: window.find_box.is_settled() and any(
        r.payload.uid == "ag_tur_2009_spa" and "«Türkiye»" in r.payload.snippet for r in rows(window)
        if r.role == "hit"), timeout=10_000)


@pytest.fixture
def hostile_window(qtbot, db_copy, translator):
    db = open_database(db_copy)
    with db.transaction():
        node = db.conn.execute("SELECT id FROM nodes WHERE country_iso3 = 'TKM' ORDER BY id LIMIT 1").fetchone()[0]
        db.conn.execute("UPDATE nodes SET name_en = ?, note_en = ? WHERE id = ?",
                        (hostile("node"), hostile("nodenote"), node))
        db.conn.execute("UPDATE partners SET name_en = ? WHERE iso3 = 'TKM'", (hostile("partner"),))
    w = build_window(Repository(db), translator=translator)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.is_complete() and w.agreements.is_settled(), timeout=10_000)
    yield w
    w.close()  # (its worker threads stop) and deleted before its database closes
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    db.close()


def test_html_looking_data_is_shown_literally_in_the_panel(qtbot, hostile_window):
    w = hostile_window
    find(qtbot, w, "Zqnode")
    node = next(r for r in rows(w) if r.role == "hit" and r.payload.kind == "node")
    doc = QTextDocument()
    doc.setHtml(node.html)
    drawn = doc.toPlainText()
    assert IMG in drawn and REST in drawn  # the name as written, and the partner's name too
    assert drawn.count(IMG) >= 2
    assert "<img" not in node.html and IMG in node.plain
    assert MARK.format("Zqnode") in node.html  # the match itself is ours to mark


def test_a_worker_that_cannot_read_the_file_says_so(qtbot, window, tmp_path):
    from desktop.qt.search.find_worker import FindService

    w = window
    w.find_box.use_service(FindService(tmp_path / "gone" / "atlas.sqlite"))
    find(qtbot, w, "Kuryk")
    qtbot.waitUntil(lambda: w.find_box._error is not None and w.find_box.panel_visible(), timeout=10_000)
    assert w.find_box.panel.header.text() == "The search failed"
    assert rows(w)[0].plain.startswith("The search failed: ")
    assert w.statusBar().currentMessage().startswith(
        f"The search could not read the database file {w.repo.db.path.name}: ")
    assert not any(widget.objectName() == "crashMessage" and widget.isVisible()
                   for widget in QApplication.topLevelWidgets())


def test_the_find_worker_pauses_while_the_window_paints(qtbot, db_copy):
    """Between its statements the finder waits on the window's "not painting" event, as the agreements search
    does, so that its Python work does not hold the GIL while the window paints."""
    import threading

    from desktop.qt.search.find_worker import FindService

    class Counted(threading.Event):
        waits = 0

        def wait(self, timeout=None):
            Counted.waits += 1
            return super().wait(timeout)

    idle = Counted()
    idle.set()
    service = FindService(db_copy, ui_idle=idle)
    answers = []
    service.found.connect(lambda generation, answer: answers.append(answer))
    try:
        service.find("Kuryk")
        qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    finally:
        service.shutdown()
    assert answers[0].result.total > 0
    assert Counted.waits > 0


def test_the_box_is_ready_before_the_first_keystroke(qtbot, window):
    """While the window is idle after its start, the panel is built and the worker has imported the finder and
    opened its connection: the first keystroke waits for neither (an import holds the GIL)."""
    box = window.find_box
    qtbot.waitUntil(lambda: box._panel is not None and box.service._worker.finder is not None, timeout=10_000)
    assert not box.panel_visible() and box.text() == ""


def test_a_rows_layout_is_kept_and_redone_for_another_width_or_language(qtbot, window, translator):
    """Each row's text is laid out once per width and language (not for every size and paint): a narrower panel
    wraps the rows anew, and another interface language lays out its own texts."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop.qt.search.find_view import HTML_ROLE

    find(qtbot, window, "Kuryk")
    panel = window.find_box.panel
    delegate = panel.list.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = panel.list.font()
    longest = max(range(len(rows(window))), key=lambda i: len(rows(window)[i].plain))
    index = panel.model.index(longest, 0)
    wide = delegate._text_width()
    doc = delegate.document(index.data(HTML_ROLE), wide, option)
    assert delegate.document(index.data(HTML_ROLE), wide, option) is doc  # kept, not laid out again
    height = delegate.sizeHint(option, index).height()

    panel.setFixedWidth(260)
    panel.layout().activate()
    narrow = delegate._text_width()
    assert narrow < wide
    narrow_doc = delegate.document(index.data(HTML_ROLE), narrow, option)
    assert narrow_doc is not doc and narrow_doc.textWidth() == narrow
    assert delegate.sizeHint(option, index).height() > height  # the long row wraps onto more lines

    english = [r.html for r in rows(window)]
    translator.set_language("ru")
    qtbot.waitUntil(lambda: window.find_box.panel.header.text().startswith("События"), timeout=5_000)
    first = panel.model.index(0, 0)
    assert first.data(HTML_ROLE) not in english
    shown = delegate.document(first.data(HTML_ROLE), delegate._text_width(), option).toPlainText()
    assert shown == rows(window)[0].plain and "События" in shown


def test_a_repaint_of_the_panel_does_not_repaint_the_table_under_it(qtbot, window):
    """The panel paints all of its pixels (its background and border), so updating its rows (a new answer,
    hovering, the rows laid out in batches) leaves the agreements table under it alone."""
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QColor, QPalette

    find(qtbot, window, "Kuryk")
    panel = window.find_box.panel
    table = window.agreements.table.viewport()
    assert panel.geometry().intersects(table.rect().translated(table.mapTo(window, table.rect().topLeft())))

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    table.installEventFilter(paints)
    try:
        qtbot.wait(50)
        Paints.count = 0
        panel.list.viewport().repaint()
        panel.repaint()
        assert Paints.count == 0
    finally:
        table.removeEventFilter(paints)
    image = panel.grab().toImage()
    assert image.pixelColor(0, 0) == QColor("#9aa7b8")  # the border
    assert image.pixelColor(3, panel.height() // 2) == panel.palette().color(QPalette.ColorRole.Base)


def test_the_finder_pauses_between_its_statements_and_snippets(db_copy):
    """The finder's pause points (where the worker waits while the window paints) come before the statements it
    runs and the snippets it builds, not once per kind only: its Python work is cut in short slices."""
    from desktop.data.database import Database, connect
    from desktop.data.find import KIND_NAMES

    db = Database(db_copy, connect(db_copy, readonly=True), readonly=True)
    pauses: list[int] = []
    db.pause = lambda: pauses.append(1)
    try:
        result = Finder(db).find("Kuryk")
    finally:
        db.close()
    hits = sum(len(g.hits) for g in result.groups)
    assert hits > 0
    # one per kind (its interrupt check), one per statement (a count per kind at least) and one per hit
    assert len(pauses) >= 2 * len(KIND_NAMES) + hits


def test_a_record_found_through_its_country_shows_that_country_marked(qtbot, window):
    """"Türkiye" finds agreements with Türkiye whose texts do not name it: the partner is marked in the
    hit's line, which says why it was found."""
    find(qtbot, window, "Türkiye")
    hits = [r for r in rows(window) if r.role == "hit" and "TUR" in r.payload.partners]
    assert hits and all(MARK.format("Türkiye") in r.html for r in hits)
    find(qtbot, window, "Kuryk")
    assert not any(MARK.format("Türkiye") in r.html for r in rows(window) if r.role == "hit")
