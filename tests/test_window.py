"""The main window driven as a user would: partner selector, shortcuts, language, remembered state."""
from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.app import build_window
from desktop.qt.agreements.agreements_model import COLUMNS
from desktop.qt.shell.settings import Settings


def dispose(w) -> None:
    """Close and delete a window now (an undeleted one would still get LanguageChange events)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot, repo, translator):
    w = build_window(repo, translator=translator, settings=Settings())
    w.show()
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)
    yield w
    dispose(w)


def settle(qtbot, window):
    qtbot.waitUntil(window.agreements.is_settled, timeout=10_000)


def visible_total(repo) -> int:
    return repo.db.conn.execute("SELECT count(*) FROM agreement_keys WHERE hidden = 0").fetchone()[0]


def test_status_bar_and_partner_selector(qtbot, window, repo):
    qtbot.waitUntil(lambda: " agreements" in window.status_label.text())
    counts = repo.counts()
    assert str(repo.db.path) in window.status_label.text()
    assert f"{counts['agreements']} agreements" in window.status_label.text()
    combo = window.partner_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "All partners"
    assert names[1:4] == ["Türkiye", "Azerbaijan", "Turkmenistan"]
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    settle(qtbot, window)
    assert window.selection.partner == "AZE"
    assert window.agreements.chips.texts() == ["Partner: Azerbaijan"]
    assert "Azerbaijan" in window.overview.text()
    window.selection.select_partner("TKM")
    assert combo.currentText() == "Turkmenistan"
    window.action_table["all_partners"].trigger()
    settle(qtbot, window)
    assert combo.currentIndex() == 0
    assert window.agreements.model.rowCount() == visible_total(repo)


def test_shortcuts_focus_search_and_switch_views(qtbot, window):
    window.activateWindow()
    window.agreements.table.setFocus()
    assert window.action_table["find"].shortcut().toString() == "Ctrl+F"
    window.action_table["find"].trigger()
    assert window.find_box.hasFocus() or qtbot.waitUntil(window.find_box.hasFocus)
    assert window.action_table["view_agreements"].shortcut().toString() == "Ctrl+1"
    window.action_table["view_agreements"].trigger()
    assert window.current_view() == "agreements"
    assert window.action_table["view_map"].shortcut().toString() == "Ctrl+2"
    assert "map" not in window.views  # the map is built when first shown, not at start
    window.action_table["view_map"].trigger()
    assert window.current_view() == "map" and window.stack.currentWidget() is window.map
    assert window.action_table["view_map"].isChecked() and not window.action_table["view_agreements"].isChecked()
    window.action_table["view_agreements"].trigger()
    assert window.current_view() == "agreements"
    assert window.action_table["view_trade"].shortcut().toString() == "Ctrl+3"
    assert "trade" not in window.views
    window.action_table["view_trade"].trigger()
    assert window.current_view() == "trade" and window.stack.currentWidget() is window.trade
    window.action_table["view_agreements"].trigger()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Language", "&Help"]


def test_selecting_an_event_filters_the_table_and_an_agreement_shows_its_sources(qtbot, window, repo):
    window.selection.select_partner("TUR")
    settle(qtbot, window)
    ids = window.events.event_ids()
    event_id = next(i for i in ids if repo.event(i).agreement_count > 0)
    window.selection.select_event(event_id)
    settle(qtbot, window)
    assert window.agreements.model.rowCount() == repo.event(event_id).agreement_count
    window.agreements.table.setCurrentIndex(window.agreements.model.index(0, 0))
    agreement_id = window.selection.agreement
    sources = repo.sources_of("agreement", agreement_id)
    assert sources
    detail = window.agreements.detail
    assert detail.agreement_id == agreement_id
    assert [row.url for row in detail.source_rows()] == [s.url for s in sources]
    alt_id = repo.db.conn.execute(
        "SELECT record_id FROM conflict_members WHERE record_type = 'agreement' AND is_preferred = 1").fetchone()[0]
    window.selection.select_agreement(alt_id)
    texts = detail.alternative_texts()
    assert len(texts) >= 2 and texts[0].startswith("★ preferred")


def test_switching_to_russian_translates_menus_headers_and_data(qtbot, window):
    window.set_language("ru")
    settle(qtbot, window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&Файл"
    model = window.agreements.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert headers[:3] == ["Дата", "Партнёр", "Название"]
    assert window.partner_combo.itemText(0) == "Все партнёры"
    assert window.partner_combo.itemText(1) == "Турция"
    assert window.agreements.count_label.text().split()[1] == "из"
    assert Settings().language() == "ru"
    window.set_language("en")
    assert [a.text() for a in window.menuBar().actions()][0] == "&File"


def test_geometry_splitters_and_view_are_remembered(qtbot, repo, translator):
    first = build_window(repo, translator=translator, settings=Settings())
    first.show()
    first.resize(760, 540)  # within the offscreen screen, so restoring does not clamp it
    first.splitter.setSizes([250, 510])
    qtbot.waitUntil(first.agreements.is_settled, timeout=10_000)
    qtbot.wait(50)
    saved = first.splitter.sizes()
    assert saved[0] != 330  # not the default
    dispose(first)
    second = build_window(repo, translator=translator, settings=Settings())
    second.show()
    assert (second.width(), second.height()) == (760, 540)
    qtbot.wait(50)
    assert second.splitter.sizes() == saved
    assert second.current_view() == "agreements"
    second.show_view("map")
    dispose(second)
    third = build_window(repo, translator=translator, settings=Settings())
    assert third.current_view() == "map"  # the last view shown comes back
    third.search.shutdown()
    dispose(third)


def test_screenshot_command_writes_a_1400x900_png(tmp_path, built_db, translations):
    out = tmp_path / "shot.png"
    db = tmp_path / "atlas.sqlite"
    db.write_bytes(built_db.read_bytes())
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "--screenshot", str(out), "--lang", "ru",
         "--partner", "TUR", "--search", "соглашение"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    bad = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "--screenshot", str(out),
                          "--partner", "XXX"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "XXX" in bad.stderr


def test_bundled_font_is_registered_and_covers_kazakh(qapp):
    from PySide6.QtGui import QFontMetrics

    from desktop.app import register_fonts

    register_fonts(qapp)
    assert qapp.font().family() == "DejaVu Sans"
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ӘҒҚҢӨҰҮҺІәғқңөұүһіЁё")
    assert not metrics.inFontUcs4(0x1F642)  # the check can fail: no emoji in DejaVu Sans


def test_sidebar_and_detail_pane_fill_in_after_the_first_paint(qtbot, repo, translator):
    w = build_window(repo, translator=translator)
    try:
        assert not w.is_complete() and w.sidebar.count() == 0  # nothing of it on the start path
        with qtbot.waitSignal(w.completed, timeout=5_000):
            w.show()
        assert w.sidebar.count() == 2 and w.agreements.splitter.count() == 2
        assert w.sidebar.widget(0) is w.overview and w.sidebar.widget(1) is w.events
        assert w.events.event_ids(), "the events list of all partners is filled"
    finally:
        w.search.shutdown()
        dispose(w)


def test_search_worker_pauses_only_while_painting(qtbot, window):
    gate = window.search._ui_idle
    assert gate.is_set()
    with pytest.raises(RuntimeError):
        with window.search.painting():
            assert not gate.is_set()
            raise RuntimeError("a paint that fails")
    assert gate.is_set(), "a failed paint must not leave the worker waiting"
    window.agreements.table.viewport().repaint()
    assert gate.is_set()
