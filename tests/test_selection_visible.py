"""The selection follows what is visible: a record whose row leaves the view is no longer selected (the
detail pane clears, Edit and Delete have nothing hidden to act on), and every delete names its record."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.data.agreements import AgreementQuery
from desktop.qt.editing.record_browser import RecordBrowser

TORGHUNDI_UID = "ag_afg_2025_torghundi_mou"


@pytest.fixture
def window(open_window):
    w = open_window()
    w.messages, w.questions = [], []
    w.editing.show_message = w.messages.append
    # every delete asks first: the test records the question and answers "Cancel" unless told otherwise
    w.answer = False
    w.editing.confirm = lambda question, action: w.questions.append(question) or w.answer
    return w


def settle(qtbot, w) -> None:
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)


def torghundi(repo) -> int:
    return repo.db.conn.execute("SELECT id FROM agreements WHERE uid = ?", (TORGHUNDI_UID,)).fetchone()[0]


def search_and_select_torghundi(qtbot, w, repo) -> int:
    view = w.agreements
    qtbot.keyClicks(view.search_box, "Torghundi")
    settle(qtbot, w)
    agreement_id = torghundi(repo)
    row = view.model.row_of(agreement_id)
    assert row >= 0, "the search finds the Afghanistan memorandum"
    view.table.setCurrentIndex(view.model.index(row, 0))
    assert w.selection.agreement == agreement_id
    assert view.detail.agreement_id == agreement_id
    return agreement_id


def choose_partner(qtbot, w, iso3: str) -> None:
    combo = w.partner_combo
    index = combo.findData(iso3)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    settle(qtbot, w)


def test_a_memorandum_filtered_out_of_view_is_no_longer_selected_nor_deletable(qtbot, window, repo):
    view = window.agreements
    agreement_id = search_and_select_torghundi(qtbot, window, repo)
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)  # clear the search: the memorandum is still listed
    settle(qtbot, window)
    assert view.model.row_of(agreement_id) >= 0
    assert window.selection.agreement == agreement_id and view.detail.agreement_id == agreement_id

    choose_partner(qtbot, window, "AZE")
    assert view.model.row_of(agreement_id) == -1  # not an agreement with Azerbaijan
    assert window.selection.agreement is None
    assert view.detail.agreement_id is None
    assert view.detail.message_text().startswith("Select an agreement")
    assert not view.table.selectionModel().selectedRows()

    window.action_table["delete_selected"].trigger()  # Ctrl+Del: what it acts on is named, and it is not the memorandum
    assert window.questions == []  # (a partner with records is refused, naming it, before any question)
    assert window.messages[-1].startswith("“Azerbaijan” was not deleted. ")
    assert repo.agreement_exists(agreement_id)
    assert repo.partner("AZE") is not None


def test_with_nothing_visible_selected_edit_and_delete_are_off(qtbot, window, repo):
    view = window.agreements
    agreement_id = search_and_select_torghundi(qtbot, window, repo)
    assert window.action_table["delete_selected"].isEnabled() and window.action_table["edit_selected"].isEnabled()
    view.set_search_text("zzzqqq")  # finds nothing: the memorandum's row leaves the view
    settle(qtbot, window)
    assert window.selection.agreement is None and view.detail.agreement_id is None
    for key in ("edit_selected", "delete_selected", "history_selected"):
        assert not window.action_table[key].isEnabled(), key
    window.action_table["delete_selected"].trigger()
    assert window.questions == [] and repo.agreement_exists(agreement_id)


def test_a_selection_beyond_the_loaded_page_stays_while_the_result_holds_it(qtbot, window, repo, monkeypatch):
    monkeypatch.setattr("desktop.qt.search.search_worker.PAGE_SIZE", 5)  # pages of five rows
    view = window.agreements
    agreement_id = search_and_select_torghundi(qtbot, window, repo)
    view.set_search_text("")  # every agreement: the memorandum is not on the first page of five
    settle(qtbot, window)
    first_page = view.model.query
    assert repo.agreement_in(first_page, agreement_id)
    assert window.selection.agreement == agreement_id and view.detail.agreement_id == agreement_id
    choose_partner(qtbot, window, "TUR")  # more than a page, and not the memorandum
    assert view.model.total > 5 or view.model.loaded_count() > 5
    assert window.selection.agreement is None and view.detail.agreement_id is None


def test_agreement_in_answers_for_text_filters_and_alternatives(repo):
    agreement_id = torghundi(repo)
    assert repo.agreement_in(AgreementQuery(text="Torghundi"), agreement_id)
    assert repo.agreement_in(AgreementQuery(text="torghundi herat", partners=("AFG",)), agreement_id)
    assert not repo.agreement_in(AgreementQuery(partners=("AZE",)), agreement_id)
    assert not repo.agreement_in(AgreementQuery(text="Torghundi", year_to=2020), agreement_id)
    assert not repo.agreement_in(AgreementQuery(text="%"), agreement_id)  # holds no word: finds nothing
    hidden = repo.db.conn.execute("SELECT id FROM agreement_keys WHERE hidden = 1 LIMIT 1").fetchone()
    if hidden is not None:
        assert not repo.agreement_in(AgreementQuery(), hidden[0])
        assert repo.agreement_in(AgreementQuery(include_alternatives=True), hidden[0])


def test_delete_names_the_agreement_and_goes_ahead_only_when_confirmed(qtbot, window, repo):
    agreement_id = search_and_select_torghundi(qtbot, window, repo)
    title = repo.db.conn.execute("SELECT title_en FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]
    window.action_table["delete_selected"].trigger()
    assert window.questions == [f"Delete the agreement “{title}” (2025-07-10)?"]
    assert repo.agreement_exists(agreement_id)  # cancelled

    window.answer = True
    window.action_table["delete_selected"].trigger()
    assert not repo.agreement_exists(agreement_id)
    assert window.selection.agreement is None
    window.action_table["undo"].trigger()
    assert repo.agreement_exists(agreement_id)


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """The texts of the message boxes shown; each is closed at once, as with Esc (nothing chosen)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def test_deleting_an_event_names_it_in_the_question_about_its_agreements(qtbot, window, repo, boxes):
    event_id, title, date = repo.db.conn.execute(
        "SELECT e.id, e.title_en, e.date_start FROM events e WHERE EXISTS (SELECT 1 FROM agreements a "
        "WHERE a.event_id = e.id) ORDER BY e.id LIMIT 1").fetchone()
    window.selection.select_event(event_id)
    window.action_table["delete_selected"].trigger()
    assert len(boxes) == 1 and boxes[0].startswith(f"Delete the event “{title}” ({date})?\n\n")
    assert "signed at this event" in boxes[0]
    assert window.questions == []  # one question, not two
    assert repo.event(event_id) is not None


def test_an_event_of_another_partner_is_dropped_with_the_partner_change(qtbot, window, repo):
    choose_partner(qtbot, window, "TUR")
    event_id = window.events.event_ids()[0]
    window.selection.select_event(event_id)
    assert window.action_table["delete_selected"].isEnabled()
    choose_partner(qtbot, window, "AZE")
    if event_id not in window.events.event_ids():
        assert window.selection.current_event is None
    window.action_table["delete_selected"].trigger()
    assert window.messages[-1].startswith("“Azerbaijan” was not deleted. ")
    assert repo.event(event_id) is not None


def test_a_node_hidden_by_the_layers_is_no_longer_selected(qtbot, window, repo):
    node_id, corridor_id = repo.db.conn.execute(
        "SELECT n.id, min(s.corridor_id) FROM nodes n JOIN segments s ON n.id IN (s.from_node_id, s.to_node_id) "
        "WHERE n.lat IS NOT NULL GROUP BY n.id HAVING count(DISTINCT s.corridor_id) = 1 ORDER BY n.id LIMIT 1"
    ).fetchone()
    window.show_view("map")
    window.selection.select_node(node_id)
    assert window.selected_record() == ("node", node_id) and window.action_table["delete_selected"].isEnabled()
    window.map.set_layer("corridor", corridor_id, False)
    assert not window.map.node_items[node_id].isVisible()
    assert window.selection.node is None
    assert not window.action_table["delete_selected"].isEnabled()

    window.map.set_layer("corridor", corridor_id, True)
    window.selection.select_corridor(corridor_id)
    window.map.set_layer("corridor", corridor_id, False)
    assert window.selection.corridor is None


def test_an_agreement_selected_elsewhere_is_not_what_delete_acts_on_in_the_map(qtbot, window, repo):
    agreement_id = search_and_select_torghundi(qtbot, window, repo)
    window.show_view("map")
    assert window.selected_record() is None
    assert not window.action_table["delete_selected"].isEnabled()
    window.action_table["delete_selected"].trigger()
    assert repo.agreement_exists(agreement_id) and window.questions == []


def test_the_record_browser_acts_only_on_a_visible_row_and_names_it(qtbot, window, repo, boxes):
    browser = RecordBrowser(window.editing, "corridor", None, window)
    qtbot.addWidget(browser)
    corridor_id, name = repo.db.conn.execute("SELECT id, name_en FROM corridors ORDER BY id LIMIT 1").fetchone()
    assert not browser.buttons["delete"].isEnabled()  # nothing selected yet
    browser.select_id(corridor_id)
    assert browser.selected_id() == corridor_id and browser.buttons["delete"].isEnabled()
    browser.filter.setText("no corridor is called this")  # the row leaves the view
    assert browser.selected_id() is None and not browser.buttons["delete"].isEnabled()
    browser.delete_selected()
    assert window.questions == [] and repo.corridor(corridor_id) is not None

    browser.filter.setText("")
    browser.select_id(corridor_id)
    browser.kind_box.setCurrentIndex(browser.kind_box.findData("node"))  # other rows: nothing selected
    assert browser.selected_id() is None and not browser.buttons["edit"].isEnabled()
    browser.kind_box.setCurrentIndex(browser.kind_box.findData("corridor"))
    browser.select_id(corridor_id)
    browser.delete_selected()  # a corridor with segments: what becomes of them is asked, naming it
    assert len(boxes) == 1 and boxes[0].startswith(f"Delete the corridor “{name}”?\n\n")
    assert repo.corridor(corridor_id) is not None
