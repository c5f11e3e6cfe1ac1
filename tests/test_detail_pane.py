"""The agreement detail pane: titles, facts, event link, sources, conflicting values, languages."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.qt.agreements.detail_pane import AgreementDetail
from desktop.qt.shell.selection import SelectionState

HINT = "Select an agreement in the table to see its titles, sources and any conflicting values."


@pytest.fixture(autouse=True)
def english_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture
def pane(qtbot, repo):
    selection = SelectionState()
    widget = AgreementDetail(repo, selection)
    qtbot.addWidget(widget)
    widget.resize(380, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def select(pane: AgreementDetail, repo, uid: str):
    row = repo.agreement_by_uid(uid)
    assert row is not None, uid
    pane.selection.select_agreement(row.id)
    assert pane.agreement_id == row.id
    return row


def to_russian(pane: AgreementDetail) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    QCoreApplication.sendEvent(pane, QEvent(QEvent.Type.LanguageChange))


def test_no_selection_shows_the_hint(pane):
    assert pane.agreement_id is None
    assert pane.message_text() == HINT
    hint = pane.findChild(QLabel, "detailEmpty")
    assert hint is not None and hint.isVisible() and hint.text() == HINT
    assert pane.findChild(QLabel, "detailTitle") is None


def test_unknown_id_says_so(pane):
    pane.selection.select_agreement(999_999)
    assert pane.message_text() == "This agreement is no longer in the database."


def test_titles_summary_and_facts(pane, repo):
    row = select(pane, repo, "ag_tur_2022_pkg15")
    titles = pane.title_texts()
    assert titles[0] == row.title_en
    assert pane.findChild(QLabel, "detailTitle").font().bold()
    assert titles[1] == f"Russian title: {row.title_ru}"
    assert pane.summary_text() == row.summary_en
    facts = pane.fact_texts()
    assert "Signed: 10 May 2022" in facts
    assert "Partners: Türkiye" in facts
    assert "Document type: Package of documents" in facts
    assert "Level: Intergovernmental" in facts and "Status: Signed" in facts
    assert any(f.startswith("Sectors: ") and "Transport" in f for f in facts)
    assert "Documents: 15 documents" in facts
    assert pane.message_text() == ""


def test_partial_dates_missing_values_and_single_documents(pane, repo):
    select(pane, repo, "ag_tur_1994_friendship")
    assert "Signed: 1994" in pane.fact_texts()
    assert not any(f.startswith("Documents:") for f in pane.fact_texts()), "one document: no count line"
    select(pane, repo, "ag_tur_2009_spa")
    assert "Signed: Oct 2009" in pane.fact_texts()
    select(pane, repo, "ag_tur_2025_milplan")
    assert "Signed: unknown" in pane.fact_texts()


def test_missing_russian_title_is_said_explicitly(pane, repo):
    row = select(pane, repo, "ag_tur_2018_pkg")
    assert row.title_ru is None
    assert pane.title_texts()[:2] == [row.title_en, "Russian title: not recorded"]
    to_russian(pane)
    titles = pane.title_texts()
    # in Russian: our working translation, said to be unofficial, and the English title as published
    assert row.title_ru_working and titles[0] == row.title_ru_working
    assert "Unofficial translation: the title was published only in another language (below)." in titles or \
        any("неофициальный" in t.casefold() or "Неофициальный" in t for t in titles)
    assert any(row.title_en in t for t in titles[1:])


def test_kazakh_title_is_shown_when_present(pane, repo):
    row = repo.agreement_by_uid("ag_tur_2022_declaration")
    repo.db.conn.execute("UPDATE agreements SET title_kk = ? WHERE id = ?", ("Бірлескен декларация", row.id))
    select(pane, repo, "ag_tur_2022_declaration")
    assert "Kazakh title: Бірлескен декларация" in pane.title_texts()
    select(pane, repo, "ag_tur_2022_pkg15")
    assert not any(t.startswith("Kazakh title") for t in pane.title_texts())


def test_summary_falls_back_marked_then_says_none(pane, repo):
    row = repo.agreement_by_uid("ag_tur_2022_declaration")
    repo.db.conn.execute("UPDATE agreements SET summary_ru = NULL WHERE id = ?", (row.id,))
    select(pane, repo, "ag_tur_2022_declaration")
    to_russian(pane)
    pane.show_agreement(row.id)  # re-read the changed row
    assert pane.summary_text() == f"[EN] {row.summary_en}"
    repo.db.conn.execute("UPDATE agreements SET summary_en = NULL WHERE id = ?", (row.id,))
    pane.show_agreement(row.id)
    assert pane.summary_text() == "No summary recorded."


def test_all_sources_are_listed_with_their_links(pane, repo):
    row = select(pane, repo, "ag_tur_2022_declaration")
    sources = repo.sources_of("agreement", row.id)
    assert len(sources) >= 2
    rows = pane.source_rows()
    assert [r.title_label.text() for r in rows] == [s.title for s in sources]
    assert [r.url_field.text() for r in rows] == [s.url for s in sources]
    # each citation says what kind of source it is (issue 18)
    assert "Hürriyet Daily News · independent media · published 10 May 2022" in [r.info_label.text() for r in rows]
    box = pane.findChild(QWidget, "detailSources")
    assert box.isVisible() and len(box.findChildren(QWidget, "detailSource")) == len(sources)
    assert pane.findChild(QLabel, "detailNoSources") is None


def test_copy_link_puts_the_url_on_the_clipboard(pane, repo, qtbot):
    select(pane, repo, "ag_tur_2022_declaration")
    QGuiApplication.clipboard().clear()
    second = pane.source_rows()[1]
    qtbot.mouseClick(second.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == second.url and second.url.startswith("https://")


def test_open_in_browser_only_on_click(pane, repo, qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    select(pane, repo, "ag_tur_2022_declaration")
    assert opened == [], "showing an agreement never opens anything"
    first = pane.source_rows()[0]
    assert first.open_button.text() == "Open in browser…"
    qtbot.mouseClick(first.open_button, Qt.MouseButton.LeftButton)
    assert opened == [first.url]


def test_no_source_shows_a_warning(pane, repo):
    row = repo.agreement_by_uid("ag_tur_1994_friendship")
    repo.db.conn.execute("DELETE FROM record_sources WHERE record_type = 'agreement' AND record_id = ?", (row.id,))
    select(pane, repo, "ag_tur_1994_friendship")
    warning = pane.findChild(QLabel, "detailNoSources")
    assert warning is not None and warning.isVisible()
    assert "No source recorded for this agreement" in warning.text()
    assert pane.source_rows() == []


def test_event_link_selects_the_event(pane, repo, qtbot):
    select(pane, repo, "ag_tur_2022_declaration")
    event = repo.event_by_uid("ev_2022-05-10_tur_state")
    link = pane.findChild(QLabel, "detailEventLink")
    assert link is not None and link.isVisible()
    assert pane.event_text() == "Tokayev's first state visit to Türkiye\n10 May 2022 – 11 May 2022 · Ankara"
    assert pane.selection.current_event is None
    inside_link = QPoint(link.contentsRect().left() + 6, link.contentsRect().top() + link.fontMetrics().height() // 2)
    with qtbot.waitSignal(pane.selection.event_selected, timeout=1000) as blocker:
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=inside_link)
    assert blocker.args == [event.id] and pane.selection.current_event == event.id


def test_no_event_says_so(pane, repo):
    select(pane, repo, "ag_tur_1994_friendship")
    assert pane.event_text() == "Not linked to a visit or meeting."
    assert pane.findChild(QLabel, "detailEventLink") is None


def test_conflicting_values_list_every_member_preferred_first(pane, repo):
    alt = select(pane, repo, "ag_tur_2022_pkg14_alt")
    preferred = repo.agreement_by_uid("ag_tur_2022_pkg15")
    section = pane.findChild(QWidget, "detailAlternatives")
    assert section is not None and section.isVisible()
    texts = pane.alternative_texts()
    assert len(texts) == 2
    assert texts[0].startswith("★ preferred\n") and preferred.title_en in texts[0]
    assert "Documents: 15" in texts[0] and "Reason: 15 documents, the count given by Xinhua" in texts[0]
    assert texts[1].startswith("Alternative version (shown above)\n") and alt.title_en in texts[1]
    assert "Documents: 14" in texts[1] and "★" not in texts[1]
    to_russian(pane)
    assert "Reason: 15 документов — подсчет Синьхуа" in pane.alternative_texts()[0]


def test_no_conflict_section_without_a_conflict(pane, repo):
    select(pane, repo, "ag_tur_2022_declaration")
    assert pane.findChild(QWidget, "detailAlternatives") is None and pane.alternative_texts() == []


def test_language_change_puts_the_russian_title_first(pane, repo):
    row = select(pane, repo, "ag_tur_2022_pkg15")
    assert pane.title_texts()[0] == row.title_en
    to_russian(pane)
    titles = pane.title_texts()
    assert titles[0] == row.title_ru
    assert titles[1] == f"English title: {row.title_en}"
    assert pane.summary_text() == row.summary_ru
    assert "Partners: Турция" in pane.fact_texts()
    assert "Document type: Пакет документов" in pane.fact_texts()
    assert any(f.startswith("Signed: 10 ") and "2022" in f and "May" not in f for f in pane.fact_texts())


def test_fits_a_narrow_pane_without_clipping(pane, repo, qtbot):
    select(pane, repo, "ag_tur_2022_pkg15")
    pane.resize(380, 700)
    qtbot.wait(10)
    content = pane.scroll_area.widget()
    assert content.width() <= pane.scroll_area.viewport().width()
    for label in content.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        right = label.mapTo(content, QPoint(label.width(), 0)).x()
        assert right <= content.width(), label.text()
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
