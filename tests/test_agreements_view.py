"""The agreements view driven as a user would: search as you type, chips, events, sorting, empty results."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.qt.agreements.agreements_model import COLUMNS
from desktop.qt.agreements.agreements_view import AgreementsView
from desktop.qt.search.search_worker import SearchService
from desktop.qt.shell.selection import SelectionState


@pytest.fixture
def view(qtbot, repo):
    selection = SelectionState()
    search = SearchService(repo.db.path)
    widget = AgreementsView(repo, selection, search)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(widget.is_settled, timeout=10_000)
    yield widget
    search.shutdown()


def type_text(widget, text: str) -> None:
    """Type text key by key (QTest only knows ASCII keys, so Cyrillic goes as key events with text)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def settle(qtbot, view) -> None:
    qtbot.waitUntil(view.is_settled, timeout=10_000)


def column_texts(view, column: str) -> list[str]:
    col = COLUMNS.index(column)
    model = view.model
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def total_visible(repo) -> int:
    return repo.db.conn.execute("SELECT count(*) FROM agreement_keys WHERE hidden = 0").fetchone()[0]



def _other_versions(repo) -> str:
    """What the count adds where other sources' versions are set aside (issue 18: one count everywhere)."""
    n = repo.other_versions("agreement")
    return f" (+{n} other sources' versions)" if n else ""

def test_starts_with_every_agreement_and_the_count(view, repo):
    n = total_visible(repo)
    assert view.count_label.text() == f"{n} of {n} agreements" + _other_versions(repo)
    assert view.model.rowCount() == n
    assert view.stack.currentWidget() is view.table
    dates = [view.model.id_at(r) for r in range(view.model.rowCount())]
    assert len(set(dates)) == n


def test_typing_narrows_the_rows_and_the_count(qtbot, view, repo):
    n = total_visible(repo)
    type_text(view.search_box, "нефт")
    settle(qtbot, view)
    shown = view.model.rowCount()
    assert 0 < shown < n
    assert view.count_label.text() == f"{shown} of {n} agreements" + _other_versions(repo)
    for r in range(shown):
        row = view.model.row_record(r)
        text = " ".join(filter(None, (row.title_en, row.title_ru, row.summary_en, row.summary_ru))).lower()
        assert "нефт" in text or "oil" in text or "petrol" in text or "crude" in text
    view.search_box.clear()
    qtbot.keyClicks(view.search_box, "x")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    settle(qtbot, view)
    assert view.search_box.text() == ""
    assert view.model.rowCount() == n


def test_the_last_of_quickly_typed_queries_wins(qtbot, view):
    for text in ("тран", "транс", "транспорт", "gas"):
        view.search_box.setText(text)
        view._run_now()
    settle(qtbot, view)
    expected = view.repo.agreements.search(view.query())
    assert [view.model.id_at(r) for r in range(view.model.rowCount())] == expected.ids
    assert view.count_label.text().startswith(f"{expected.total} of")


def test_a_filter_becomes_a_chip_that_removes_it(qtbot, view, repo):
    n = total_visible(repo)
    view.set_filter("doc_types", {"memorandum"})
    settle(qtbot, view)
    assert view.chips.texts() == ["Type: Memorandum"]
    assert set(column_texts(view, "doc_type")) == {"Memorandum"}
    assert view.model.rowCount() < n
    assert view.filter_buttons["doc_types"].text().startswith("Type (1)")
    view.set_years(2024, 2025)
    settle(qtbot, view)
    assert "Years: 2024–2025" in view.chips.texts()
    assert all(d[-4:] in ("2024", "2025") for d in column_texts(view, "date"))
    chip = view.chips.chips()[0]
    qtbot.mouseClick(chip.button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert view.chips.texts() == ["Years: 2024–2025"]
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert view.chips.texts() == []
    assert view.model.rowCount() == n


def test_partner_and_event_from_the_shared_selection_filter_the_table(qtbot, view, repo):
    view.selection.select_partner("AZE")
    settle(qtbot, view)
    assert view.chips.texts() == ["Partner: Azerbaijan"]
    assert all("Azerbaijan" in p for p in column_texts(view, "partner"))
    event_id, count = repo.db.conn.execute(
        "SELECT a.event_id, count(*) FROM agreements a JOIN agreement_partners ap ON ap.agreement_id = a.id "
        "JOIN partners p ON p.id = ap.partner_id WHERE p.iso3 = 'AZE' AND a.event_id IS NOT NULL "
        "GROUP BY a.event_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    view.selection.select_event(event_id)
    settle(qtbot, view)
    assert view.model.rowCount() == count
    assert any(t.startswith("Event: ") for t in view.chips.texts())
    event_chip = next(c for c in view.chips.chips() if c.key == "event")
    qtbot.mouseClick(event_chip.button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert view.selection.current_event is None
    assert view.model.rowCount() > count


def test_an_empty_result_says_why(qtbot, view):
    qtbot.keyClicks(view.search_box, "zzqxw")
    settle(qtbot, view)
    assert view.stack.currentWidget() is view.empty_label
    assert "No agreement has “zzqxw”" in view.empty_label.text()
    view.set_search_text("")
    view.set_filter("doc_types", {"roadmap"})
    view.set_filter("statuses", {"expired"})
    settle(qtbot, view)
    assert view.stack.currentWidget() is view.empty_label
    assert "matches the 2 filters above" in view.empty_label.text()
    view.set_search_text("!!! ---")
    settle(qtbot, view)
    assert "contains no words" in view.empty_label.text()


def test_clicking_a_header_sorts_in_sql(qtbot, view):
    header = view.table.horizontalHeader()
    col = COLUMNS.index("title")
    header.setSortIndicator(col, Qt.SortOrder.AscendingOrder)
    settle(qtbot, view)
    assert view.query().sort == "title" and not view.query().descending
    titles = [t.removeprefix("[RU] ").casefold() for t in column_texts(view, "title")]
    assert titles == sorted(titles)
    header.setSortIndicator(COLUMNS.index("date"), Qt.SortOrder.DescendingOrder)
    settle(qtbot, view)
    ids = [view.model.id_at(r) for r in range(view.model.rowCount())]
    dates = [view.repo.agreements.rows([i])[0].date_signed or "" for i in ids]
    assert dates == sorted(dates, reverse=True)


def test_selecting_a_row_writes_the_shared_selection(qtbot, view):
    view.table.setCurrentIndex(view.model.index(2, 0))
    assert view.selection.agreement == view.model.id_at(2)
    other = view.model.id_at(5)
    view.selection.select_agreement(other)
    assert view.table.currentIndex().row() == 5


def test_a_filter_menu_shows_its_values_and_choices_when_opened(qtbot, view):
    menu = view.filter_buttons["doc_types"].menu()
    menu.aboutToShow.emit()  # what opening it does
    texts = {a.text(): a.isChecked() for a in menu.actions()}
    assert texts.get("Memorandum") is False and texts.get("Agreement") is False
    view.set_filter("doc_types", {"memorandum"})
    settle(qtbot, view)
    menu.aboutToShow.emit()
    assert {a.text(): a.isChecked() for a in menu.actions()}["Memorandum"] is True
    next(a for a in menu.actions() if a.text() == "Agreement").trigger()  # a user ticks a second type
    settle(qtbot, view)
    assert view.chips.texts() == ["Type: Agreement", "Type: Memorandum"]
    levels = view.filter_buttons["levels"].menu()
    levels.aboutToShow.emit()
    assert levels.actions()[-1].text() == "not recorded"
