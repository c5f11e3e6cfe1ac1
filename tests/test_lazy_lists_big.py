"""Lists that scale (issue 21, item 11) at 100,000 events: the record browser, the form's event chooser and the
events list open with a page of rows, never every row, and find what they are asked for. One synthetic
database for the whole session (tests.synthetic: about a minute on two cores); the other lazy-list tests run on
the bundled data (test_lazy_lists.py). Times are measured by tests/benchmarks/bench_lists.py, not here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.data.lists import PAGE_SIZE, SMALL_LIST, ListQuery, RecordLists
from desktop.qt.agreements.events_view import EventsView
from desktop.qt.editing.editing import EditController
from desktop.qt.editing.record_browser import RecordBrowser
from desktop.qt.editing.record_form import LongChecklistField, RecordChooser, RecordForm
from desktop.qt.shell.selection import SelectionState

EVENTS = 100_000
PLACE = "Atyrau"  # a city the synthetic events are held in: a few thousand of them


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100,000 events (with 30,000 agreements, 600 sources and 600 places: the forms' lists of events, sources
    and places are all long ones). Opened read-only by the tests: shared by the session."""
    from tests.synthetic import generate

    return generate(tmp_path_factory.mktemp("big") / "events-100k.sqlite", 30_000, n_events=EVENTS, n_facts=2_000,
                    n_nodes=600)


@pytest.fixture
def big_repo(big_db: Path):
    from desktop.data.database import open_database
    from desktop.data.repository import Repository

    db = open_database(big_db, readonly=True)
    yield Repository(db)
    db.close()


@pytest.fixture
def controller(qapp, big_repo):
    return EditController(big_repo)


def events_mentioning(repo, *prefixes: str) -> set[int]:
    """The events one of whose texts holds a word beginning with one of ``prefixes``, in any case: read row by
    row in Python, apart from the index the lists use."""
    found = re.compile(r"\b(?:" + "|".join(prefixes) + ")", re.IGNORECASE)
    return {r[0] for r in repo.db.conn.execute(
        "SELECT id, title_en, title_ru, summary_en, summary_ru, place_en, place_ru FROM events")
        if found.search(" ".join(t for t in r[1:] if t))}


def test_the_record_browser_opens_on_a_page_of_events_and_filters_in_sql(qtbot, big_repo, controller):
    browser = RecordBrowser(controller, "event")
    qtbot.addWidget(browser)
    assert browser.model.rowCount() == PAGE_SIZE  # a page, not 100,000
    assert browser.model.canFetchMore()
    first = browser.model.text(0)
    newest = big_repo.db.conn.execute("SELECT max(coalesce(date_start, '')) FROM events").fetchone()[0]
    assert first.startswith(newest)
    browser.filter.setText(PLACE)
    expected = events_mentioning(big_repo, "atyrau", "атырау")
    assert len(expected) > PAGE_SIZE
    assert browser.model.rowCount() == PAGE_SIZE  # the first page of the matches
    assert browser.lists.count(browser.model.query) == len(expected)
    ids = browser.ids()  # every page
    assert len(ids) == len(set(ids)) == len(expected) and set(ids) == expected
    dates = [big_repo.event(i).date_start or "" for i in ids[:: max(1, len(ids) // 50)]]
    assert dates == sorted(dates, reverse=True)  # newest first, as SQL ordered them
    browser.select_id(ids[-1])  # the last match: its row is loaded and selected
    assert browser.selected_id() == ids[-1]


def test_the_forms_long_lists_are_lazy_and_answer_the_keyboard(qtbot, big_repo, controller):
    from PySide6.QtCore import Qt

    form = RecordForm("agreement", controller, None, None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    chooser = form.widgets["event_id"]
    assert isinstance(chooser, RecordChooser) and isinstance(form.widgets["sources"], LongChecklistField)
    assert chooser.model.rowCount() == PAGE_SIZE and big_repo.db.conn.execute(
        "SELECT count(*) FROM sources").fetchone()[0] >= SMALL_LIST
    chooser.setFocus()
    qtbot.keyClicks(chooser, PLACE)
    assert chooser.popup_visible() and chooser.model.rowCount() == PAGE_SIZE
    assert chooser.model.id_at(0) in events_mentioning(big_repo, "atyrau", "атырау")
    for _ in range(3):
        qtbot.keyClick(chooser, Qt.Key.Key_Down)
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    assert chooser.value() == chooser.model.id_at(3) and not form.applied  # (Enter chose: the form is open)
    assert form.raw_values()["event_id"] == chooser.value()


def test_the_events_list_of_all_partners_is_paged_and_finds_an_old_event(qtbot, big_repo):
    selection = SelectionState()
    view = EventsView(big_repo, selection)
    qtbot.addWidget(view)
    view.show()
    listed = RecordLists(big_repo.db).count(ListQuery("event", preferred_only=True))
    assert listed > EVENTS - 1_000
    assert view.header.text().startswith(f"Events of all partners: {listed:,}")
    assert view.model.rowCount() == PAGE_SIZE
    assert view.item_texts()[0].count("\n") == 2  # heading, title, details
    old = big_repo.db.conn.execute(
        "SELECT id FROM events WHERE id NOT IN (SELECT record_id FROM conflict_members WHERE record_type = 'event') "
        "ORDER BY coalesce(date_start, '') LIMIT 1 OFFSET 20000").fetchone()[0]
    selection.select_event(old)  # chosen elsewhere (the map, Find): its row is loaded and selected
    assert view.selected_event_id() == old
    assert view.model.rowCount() < listed
