"""The sidebar views: the partner overview and the events list, in English and Russian."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QWidget

from desktop.qt.agreements.events_view import EventsView
from desktop.qt.agreements.partner_overview import COMPACT_FACTS, PartnerOverview
from desktop.qt.shell.selection import SelectionState

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)


@pytest.fixture(autouse=True)
def english(request):
    QLocale.setDefault(ENGLISH)
    request.addfinalizer(lambda: QLocale.setDefault(ENGLISH))


def switch_language(locale: QLocale, *widgets) -> None:
    QLocale.setDefault(locale)
    for widget in widgets:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(330, 450)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def overview_for(qtbot, repo, iso3):
    selection = SelectionState()
    selection.select_partner(iso3)
    return shown(qtbot, PartnerOverview(repo, selection)), selection


def events_for(qtbot, repo, iso3):
    selection = SelectionState()
    selection.select_partner(iso3)
    return shown(qtbot, EventsView(repo, selection)), selection


def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def label_text(widget, name: str) -> str:
    """The plain text of a named label, or of the labels in a named container."""
    found = widget.findChild(QWidget, name)
    labels = [found] if isinstance(found, QLabel) else found.findChildren(QLabel)
    return "\n".join(plain(label.text()) for label in labels)


def click_row(qtbot, view: QListView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def conflicting_event(repo) -> tuple[int, int, int]:
    """A preferred event whose conflict group gives another documents_signed count."""
    rows = repo.db.conn.execute(
        "SELECT cm.record_id FROM conflict_members cm WHERE cm.record_type = 'event' AND cm.is_preferred = 1"
    ).fetchall()
    for (event_id,) in rows:
        members = repo.alternatives("event", event_id)
        mine = repo.event(event_id).documents_signed
        others = [m.summary["documents_signed"] for m in members if m.record_id != event_id]
        for other in others:
            if mine is not None and other is not None and other != mine:
                return event_id, mine, other
    pytest.fail("the seed has no event conflict with differing document counts")


# ---------------------------------------------------------------------- partner overview


def test_overview_of_turkiye_shows_level_relations_and_council(qtbot, repo):
    overview, _ = overview_for(qtbot, repo, "TUR")
    assert overview.findChild(QLabel, "overviewTitle").text() == "Türkiye"
    text = overview.text()
    assert "Russian: Турция" in text and "Kazakh: Түркия" in text
    relationship = label_text(overview, "overviewRelationship")
    assert "enhanced / extended strategic partnership" in relationship
    assert "since 2022" in relationship
    assert "Earlier: strategic partnership (2009)" in relationship
    assert "Diplomatic relations established\n2 Mar 1992" in relationship
    mechanisms = label_text(overview, "overviewMechanisms")
    assert "High-Level Strategic Cooperation Council\nestablished May 2012" in mechanisms
    assert "established: not recorded" in mechanisms  # the commission has no founding date


def test_overview_keeps_key_facts_compact_and_merges_conflicting_values(qtbot, repo):
    overview, _ = overview_for(qtbot, repo, "TUR")
    others = [f for f in repo.facts("TUR") if f.metric not in ("relationship_level",
              "diplomatic_relations_established") and f.is_preferred is not False]
    assert len(overview.fact_tooltips()) == COMPACT_FACTS
    toggle = overview.findChild(QWidget, "overviewFactsToggle")
    assert toggle.text() == f"Show all {len(others)} facts"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert len(overview.fact_tooltips()) == len(others)
    assert toggle.text() == "Show fewer facts"
    facts = label_text(overview, "overviewFacts")
    # Tokayev's figure is preferred; Erdoğan's is shown beside it, not as a fact of its own.
    assert "Kazakh investment in Türkiye\nover 2,500 USD million\nOther value: about 1,500 USD million" in facts
    assert facts.count("Kazakh investment in Türkiye\n") == 1
    assert "Intergovernmental commission meetings held\n13 meetings\nas of Feb 2026 · " in facts
    assert "Recognition of Kazakhstan's independence\n16 Dec 1991" in facts
    tooltip = next(t for t in overview.fact_tooltips() if "Meskhetian" in t)
    assert "Sources:" in tooltip
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert len(overview.fact_tooltips()) == COMPACT_FACTS


def test_overview_of_azerbaijan_shows_supreme_interstate_council(qtbot, repo):
    overview, _ = overview_for(qtbot, repo, "AZE")
    assert overview.findChild(QLabel, "overviewTitle").text() == "Azerbaijan"
    mechanisms = label_text(overview, "overviewMechanisms")
    assert "Supreme Interstate Council\nestablished 10 Apr 2023" in mechanisms
    relationship = label_text(overview, "overviewRelationship")
    assert "strengthened strategic relations and deepened allied interaction" in relationship
    assert "since 2022" in relationship and "(2005)" in relationship
    assert "30 Aug 1992\nOther value: 34 years — Years of diplomatic contacts (as stated)" in relationship


def test_overview_says_what_is_not_recorded(qtbot, repo):
    overview, _ = overview_for(qtbot, repo, "GEO")
    assert overview.findChild(QLabel, "overviewTitle").text() == "Georgia"
    relationship = label_text(overview, "overviewRelationship")
    assert relationship == ("Level of relations\nnot recorded\n\nDiplomatic relations established\nnot recorded")
    assert label_text(overview, "overviewMechanisms") == "Mechanisms\nnot recorded"
    assert "Key facts\nnone recorded" in overview.text()
    assert not overview.findChild(QWidget, "overviewFactsToggle").isVisible()


def test_partner_list_without_selection_selects_a_partner(qtbot, repo):
    overview, selection = overview_for(qtbot, repo, None)
    assert overview.findChild(QLabel, "overviewTitle").text() == "All partners"
    partners = overview.findChild(QListWidget, "overviewPartners")
    texts = [partners.item(i).text() for i in range(partners.count())]
    assert texts[:3] == [f"{name} — {len(repo.events(iso3))} events" for iso3, name in
                         (("TUR", "Türkiye"), ("AZE", "Azerbaijan"), ("TKM", "Turkmenistan"))]
    assert "Georgia — no events recorded" in texts and "Iran — 1 event" in texts
    with qtbot.waitSignal(selection.partner_selected):
        click_row(qtbot, partners, 1)
    assert selection.partner == "AZE"
    assert overview.findChild(QLabel, "overviewTitle").text() == "Azerbaijan"
    assert not partners.isVisible()
    selection.select_partner(None)
    assert partners.isVisible() and "Türkiye — " in overview.text()


# ---------------------------------------------------------------------- events


def test_events_of_turkiye_newest_first_and_only_turkiye(qtbot, repo):
    view, _ = events_for(qtbot, repo, "TUR")
    ids = view.event_ids()
    events = [repo.event(i) for i in ids]
    assert ids and all("TUR" in e.partners for e in events)
    assert ids == [e.id for e in repo.events("TUR")]
    starts = [e.date_start for e in events]
    assert starts == sorted(starts, reverse=True)
    other = repo.other_versions("event", "TUR")
    assert view.findChild(QLabel, "eventsHeader").text() == (
        f"Events of Türkiye: {len(ids)}" + (f" (+{other} other sources' versions)" if other else ""))
    first = view.item_texts()[0]
    assert first.startswith("2 Feb 2026 · Ministerial meeting\n8th meeting of the Türkiye–Kazakhstan Joint")
    assert first.endswith("Ankara · 1 document signed · 1 agreement recorded")
    hlscc = next(t for t in view.item_texts() if t.startswith("29 Jul 2025 · Council meeting"))
    assert "documents signed: not recorded" in hlscc


def test_all_partners_events_name_their_partners(qtbot, repo):
    view, _ = events_for(qtbot, repo, None)
    assert view.event_ids() == [e.id for e in repo.events()]
    other = repo.other_versions("event")
    assert view.findChild(QLabel, "eventsHeader").text() == (
        f"Events of all partners: {len(repo.events())}" + (f" (+{other} other sources' versions)" if other else ""))
    assert any(t.split("\n")[0].endswith(" · Turkmenistan") for t in view.item_texts())


def test_clicking_an_event_selects_it_and_clicking_again_clears(qtbot, repo):
    view, selection = events_for(qtbot, repo, "TUR")
    events = view.findChild(QListView, "eventsList")
    with qtbot.waitSignal(selection.event_selected):
        click_row(qtbot, events, 2)
    assert selection.current_event == view.event_ids()[2]
    assert view.findChild(QWidget, "eventsShowAll").isEnabled()
    click_row(qtbot, events, 2)
    assert selection.current_event is None and view.selected_event_id() is None
    click_row(qtbot, events, 0)
    assert selection.current_event == view.event_ids()[0]
    qtbot.keyClick(events, Qt.Key.Key_Escape)
    assert selection.current_event is None
    click_row(qtbot, events, 1)
    qtbot.mouseClick(view.findChild(QWidget, "eventsShowAll"), Qt.MouseButton.LeftButton)
    assert selection.current_event is None and view.selected_event_id() is None
    assert not view.findChild(QWidget, "eventsShowAll").isEnabled()


def test_event_selected_elsewhere_selects_its_row(qtbot, repo):
    view, selection = events_for(qtbot, repo, "AZE")
    target = view.event_ids()[3]
    selection.select_event(target)
    assert view.selected_event_id() == target
    events = view.findChild(QListView, "eventsList")
    assert events.currentIndex().row() == 3
    selection.select_event(None)
    assert view.selected_event_id() is None and events.selectedIndexes() == []
    preferred, *_ = conflicting_event(repo)
    alternative = next(a.record_id for a in repo.alternatives("event", preferred) if not a.is_preferred)
    selection.select_partner(None)
    selection.select_event(alternative)  # a non-preferred member shows as its preferred row
    assert view.selected_event_id() == preferred
    assert selection.current_event == alternative  # the view does not overwrite the selection


def test_conflicting_event_shows_both_document_counts(qtbot, repo):
    event_id, mine, other = conflicting_event(repo)
    view, _ = events_for(qtbot, repo, repo.event(event_id).partners[0])
    assert event_id in view.event_ids()
    text = view.item_texts()[view.event_ids().index(event_id)]
    assert f"{mine} documents signed (another source: {other})" in text
    assert "(another source: " in text.split("\n")[0]  # the kinds differ too
    assert all(not repo.event(i).is_alternative for i in view.event_ids())


def test_partner_without_events_says_so(qtbot, repo):
    view, selection = events_for(qtbot, repo, "GEO")
    assert view.event_ids() == []
    empty = view.findChild(QLabel, "eventsEmpty")
    assert empty.isVisible() and empty.text() == "No events are recorded for Georgia."
    assert not view.findChild(QListView, "eventsList").isVisible()
    selection.select_partner("TUR")
    assert not empty.isVisible() and view.event_ids()


# ---------------------------------------------------------------------- Russian


def test_language_change_shows_russian_texts(qtbot, repo):
    selection = SelectionState()
    selection.select_partner("TUR")
    overview = shown(qtbot, PartnerOverview(repo, selection))
    view = shown(qtbot, EventsView(repo, selection))
    selection.select_event(view.event_ids()[0])
    switch_language(RUSSIAN, overview, view)

    assert overview.findChild(QLabel, "overviewTitle").text() == "Турция"
    assert "English: Türkiye" in overview.text()
    assert "Совет стратегического сотрудничества высокого уровня" in label_text(overview, "overviewMechanisms")
    relationship = label_text(overview, "overviewRelationship")
    # the level's worded value in its Russian text (issue 18), no "[EN]"
    assert "2 мар. 1992" in relationship and "[EN]" not in relationship
    assert "стратегическое партнерство" in relationship
    facts = label_text(overview, "overviewFacts")
    assert "Проведено заседаний межправительственной комиссии\n13 заседаний" in facts
    first = view.item_texts()[0]
    assert first.startswith("2 февр. 2026 · Встреча на уровне министров\n8-е заседание Совместной группы")
    assert "Турция" in view.findChild(QLabel, "eventsHeader").text()
    assert view.selected_event_id() == view.event_ids()[0]  # the selection survives the rebuild

    switch_language(ENGLISH, overview, view)
    assert overview.findChild(QLabel, "overviewTitle").text() == "Türkiye"
    assert view.item_texts()[0].startswith("2 Feb 2026 · Ministerial meeting")


def test_partner_list_in_russian(qtbot, repo):
    overview, _ = overview_for(qtbot, repo, None)
    switch_language(RUSSIAN, overview)
    partners = overview.findChild(QListWidget, "overviewPartners")
    assert partners.item(0).text().startswith("Турция — ")
