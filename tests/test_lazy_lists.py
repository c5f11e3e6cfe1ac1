"""Lists that scale (issue 21, items 8 and 11), on the bundled data: the record browser, the forms' long
choosers, the events list and the records citing a source are lazy models over ids, filtered and ordered in
SQL (desktop.data.lists); every model passes Qt's model tester. The same lists at 100,000 events are in
test_lazy_lists_big.py; that the Qt modules hold no SQL, in test_no_sql_in_qt.py."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.data.lists import KINDS, ListQuery, RecordLists
from desktop.qt.agreements.events_view import EventsView
from desktop.qt.editing.editing import EditController
from desktop.qt.editing.record_browser import RecordBrowser
from desktop.qt.editing.record_form import LongChecklistField, RecordChooser, RecordForm
from desktop.qt.editing.record_lists import CheckListModel, IdListModel
from desktop.qt.search.find_view import CitingModel
from desktop.qt.shell.selection import SelectionState


@pytest.fixture
def controller(qapp, repo):
    made = EditController(repo)
    made.confirm = lambda *_args: True
    return made


def every_id(lists: RecordLists, query: ListQuery, limit: int) -> list[int]:
    """Every id of a list, read page by page ``limit`` at a time."""
    ids: list[int] = []
    after = None
    while True:
        page = lists.page(query, after, limit)
        ids += page.ids
        if page.next is None:
            return ids
        after = page.next


def mentions(event, *words: str) -> bool:
    """Whether one of an event's texts holds a word that begins with one of ``words`` (in any case)."""
    texts = " ".join(filter(None, (event.title_en, event.title_ru, event.summary_en, event.summary_ru,
                                   event.place_en, event.place_ru))).casefold()
    return any(re.search(rf"\b{word}", texts) for word in words)


# ---------------------------------------------------------------------- the data layer


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_pages_of_any_size_list_the_same_records_in_the_same_order(repo, kind):
    """Keyset pages (ordered by several keys, some descending) neither skip nor repeat a row, and a record's
    position is its row."""
    lists = RecordLists(repo.db)
    for lang in ("en", "kk"):
        query = ListQuery(kind, lang=lang)
        whole = every_id(lists, query, 100_000)
        table = KINDS[kind].source.split()[0]
        assert sorted(whole) == [r[0] for r in repo.db.conn.execute(f"SELECT id FROM {table} ORDER BY id")]
        assert every_id(lists, query, 7) == whole
        assert lists.count(query) == len(whole)
        for row in (0, len(whole) // 2, len(whole) - 1):
            assert lists.position(query, whole[row]) == row


def test_a_filter_matches_as_find_anything_in_any_case_and_script(repo):
    lists = RecordLists(repo.db)
    ankara = every_id(lists, ListQuery("event", "ankara"), 200)
    assert ankara and all(mentions(e, "ankara", "анкар") for e in repo.events_by_id(ankara).values())
    assert every_id(lists, ListQuery("event", "АНКАРА"), 200) == ankara  # Cyrillic, capitals
    assert every_id(lists, ListQuery("event", "%"), 200) == []  # no word: nothing, never everything
    assert lists.count(ListQuery("event", "zzzqqq")) == 0
    assert lists.contains(ListQuery("event", "ankara"), ankara[0])
    assert not lists.contains(ListQuery("event", "ankara", partner="AZE"), ankara[0])


# ---------------------------------------------------------------------- models


def test_every_list_model_passes_the_model_tester(qtmodeltester, repo, qtbot):
    lists = RecordLists(repo.db)
    for kind in KINDS:
        qtmodeltester.check(IdListModel(lists, ListQuery(kind, lang="kk")))
    qtmodeltester.check(IdListModel(lists, ListQuery("node", "ақтау", lang="kk")))
    ticks = CheckListModel(lists, ListQuery("source"))
    ticks.set_ticked([ticks.id_at(0)])
    qtmodeltester.check(ticks)
    selection = SelectionState()
    events = EventsView(repo, selection)
    qtbot.addWidget(events)
    qtmodeltester.check(events.model)
    source = repo.db.conn.execute("SELECT source_id FROM record_sources GROUP BY source_id "
                                  "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    qtmodeltester.check(CitingModel(lists, repo, source, "en"))


# ---------------------------------------------------------------------- the record browser


def test_the_selection_survives_a_reload_while_its_record_is_listed(qtbot, repo, controller):
    browser = RecordBrowser(controller, "source")
    qtbot.addWidget(browser)
    oldest = repo.db.conn.execute("SELECT min(id) FROM sources").fetchone()[0]  # the last row: beyond page one
    assert oldest not in browser.model.ids()
    browser.select_id(oldest)
    assert browser.selected_id() == oldest and browser.buttons["edit"].isEnabled()
    form = RecordForm("source", controller, oldest, None, browser)
    form.widgets["publisher"].setText("A publisher renamed")
    assert form.try_accept(), form.error_texts()
    assert browser.selected_id() == oldest  # reloaded after the edit, still selected
    row = browser.table.selectionModel().selectedRows()[0].row()
    assert "A publisher renamed" in browser.model.data(browser.model.index(row))
    browser.filter.setText("publisher renamed")
    assert browser.ids() == [oldest] and browser.selected_id() == oldest
    browser.filter.setText("no source is called this")
    assert browser.selected_id() is None and not browser.buttons["delete"].isEnabled()


def test_a_filter_in_kazakh_letters_finds_the_kazakh_names(qtbot, repo, controller, translator):
    translator.set_language("kk")
    browser = RecordBrowser(controller, "node")
    qtbot.addWidget(browser)
    for letter in "жаңаөз":  # typed letter by letter (QTest has no keys for Cyrillic letters)
        browser.filter.insert(letter)
    texts = [browser.model.text(row) for row in range(browser.model.rowCount())]
    assert texts and all("Жаңаөзен" in text for text in texts), texts
    browser.filter.setText("АҚТАУ ТЕҢІЗ")
    texts = [browser.model.text(row) for row in range(browser.model.rowCount())]
    assert texts and texts[0].startswith("Ақтау теңіз порты"), texts


def test_a_double_click_opens_the_form_of_the_record(qtbot, repo, controller):
    browser = RecordBrowser(controller, "event")
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    second = browser.model.id_at(1)
    opened: list[tuple[str, str]] = []

    def close_the_form() -> None:
        form = QApplication.activeModalWidget()
        opened.append((form.objectName(), form.widgets["title_en"].text()))
        form.reject()

    rect = browser.table.visualRect(browser.model.index(1, 0))
    qtbot.mouseClick(browser.table.viewport(), qtbot_left(), pos=rect.center())
    QTimer.singleShot(0, close_the_form)
    qtbot.mouseDClick(browser.table.viewport(), qtbot_left(), pos=rect.center())
    assert opened == [("form_event", repo.event(second).title_en)]


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# ---------------------------------------------------------------------- the forms' long lists


def test_a_record_chooser_filters_as_typed_and_takes_keys(qtbot, repo):
    from PySide6.QtCore import Qt

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(600, 400)
    chooser = RecordChooser(RecordLists(repo.db), "event", "en", host)
    chooser.setGeometry(10, 10, 400, 24)
    host.show()
    qtbot.waitExposed(host)
    chooser.set_value(None)
    assert chooser.value() is None and chooser.text() == ""
    qtbot.keyClicks(chooser, "Ankara")
    assert chooser.popup_visible()
    matches = chooser.model.ids()
    assert len(matches) >= 2 and all(mentions(repo.event(i), "ankara", "анкар") for i in matches)
    qtbot.keyClick(chooser, Qt.Key.Key_Down)
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    assert chooser.value() == matches[1] and not chooser.popup_visible()
    assert chooser.text() == chooser.model.text(1)
    qtbot.keyClicks(chooser, " more words")
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)  # puts back the record chosen
    assert chooser.value() == matches[1] and chooser.text() == chooser.model.lists.labels(
        "event", [matches[1]])[matches[1]]
    chooser.selectAll()
    qtbot.keyClick(chooser, Qt.Key.Key_Backspace)  # emptied: nothing chosen
    assert chooser.value() is None


def test_a_long_checklist_keeps_its_ticks_while_the_filter_changes(qtbot, repo):
    from PySide6.QtCore import Qt

    lists = RecordLists(repo.db)
    field = LongChecklistField(lists, "source", "en")
    qtbot.addWidget(field)
    first, second = field.model.id_at(0), field.model.id_at(1)
    field.set_values([second, first])
    field.filter.setText("no source is called this")
    assert field.model.rowCount() == 0 and field.values() == [second, first]
    field.filter.setText("")
    third = field.model.id_at(2)
    assert field.model.setData(field.model.index(2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert field.values() == [second, first, third]
    assert field.chosen.text().startswith("Ticked: ") and lists.labels("source", [third])[third] in field.chosen.text()


# ---------------------------------------------------------------------- the records citing a source


def test_the_records_citing_a_source_come_in_pages(repo):
    lists = RecordLists(repo.db)
    source = repo.db.conn.execute("SELECT source_id FROM record_sources WHERE record_type <> 'alias' "
                                  "GROUP BY source_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    expected = [tuple(r) for r in repo.db.conn.execute(
        "SELECT record_type, record_id FROM record_sources WHERE source_id = ? AND record_type <> 'alias' "
        "ORDER BY record_type, record_id", (source,))]
    rows, after = lists.citing_page(source, None, 5)
    while after is not None:
        more, after = lists.citing_page(source, after, 5)
        rows += more
    assert rows == expected and len(rows) > 5
    model = CitingModel(lists, repo, source, "en")
    assert model.rowCount() == len(expected)  # (fewer than a page)
