"""Switching the interface language changes everything on screen at once (issue 20): en → kk → ru → en with each
view open, no text of the previous language is left (the widgets' texts are walked)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QTableView, QWidget

from desktop.app import build_window

_TAG = re.compile(r"<[^>]+>")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# the same in every language: names of formats, keys and products, and data (proper names, codes, numbers)
_SAME_EVERYWHERE = re.compile(r"^(PNG…|SVG…|CSV|XLSX|JSON|GeoJSON|PDF|SQLite|Ctrl\+.*|English|Русский|Қазақша|"
                              r"Partnership Atlas.*|.*\.sqlite.*|[A-Z]{3}|CSV…|XLSX…|JSON…|GeoJSON…)$")


def _texts(window) -> set[str]:
    """The interface's texts on screen: labels, buttons, fields' hints, combo boxes, list items, table headers and
    the menus' actions (HTML tags dropped), without data the views show (table cells, partner names)."""
    out: set[str] = set()

    def add(text: str | None) -> None:
        for part in _TAG.sub("\n", text or "").replace("&", "").split("\n"):
            part = part.strip()
            if part and _LETTERS.search(part) and not _SAME_EVERYWHERE.match(part):
                out.add(part)

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.objectName() not in _DATA_LABELS:
            add(widget.text())
        elif isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget.placeholderText())
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(model.headerData(column, Qt.Orientation.Horizontal))
    for menu in window.menuBar().findChildren(QMenu):
        add(menu.title())
        for action in menu.actions():
            add(action.text())
    return out


# labels whose text is data (a record's title, a partner's name, a file name), not the interface's words
_DATA_LABELS = {"overviewTitle", "detailTitle", "detailOtherTitle", "detailOwnTitle", "detailKazakhTitle",
                "detailSummary", "mapStatus"}


def _words_of_each_language(repo) -> dict[str, set[str]]:
    """The interface's texts of each language: the English sources and the Russian and Kazakh translations of the
    .ts files, and the vocabulary labels of the database in each language. A text on screen in both languages of a
    switch is left over when it is a text of the previous language and not one of the new language (Файл, Порт are
    both Kazakh and Russian)."""
    import xml.etree.ElementTree as ET

    from desktop.qt.i18n import translations_dir

    words: dict[str, set[str]] = {"en": set(), "ru": set(), "kk": set()}
    for lang in ("ru", "kk"):
        for message in ET.parse(translations_dir() / f"atlas_{lang}.ts").iter("message"):
            source, translation = message.find("source"), message.find("translation")
            words["en"].add((source.text or "").replace("&", ""))
            if translation is not None:
                texts = [translation.text or ""] + [f.text or "" for f in translation.iter("numerusform")]
                words[lang].update(t.replace("&", "") for t in texts if t)
    from desktop.data.migrations import VOCABULARIES

    for table in VOCABULARIES:
        for en, ru, kk in repo.db.conn.execute(f"SELECT name_en, name_ru, name_kk FROM {table}"):
            words["en"].add(en)
            words["ru"].add(ru or "")
            words["kk"].add(kk or "")
    return words


@pytest.mark.parametrize("view", ["agreements", "map", "trade"])
def test_no_text_of_the_previous_language_is_left_on_screen(qtbot, repo, translator, view):
    window = build_window(repo, translator=translator)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.show_view(view)
    qtbot.waitExposed(window)
    qtbot.wait(50)
    words = _words_of_each_language(repo)
    before, previous = _texts(window), "en"
    for lang in ("kk", "ru", "en"):
        window.action_table[f"lang_{lang}"].trigger()
        qtbot.wait(50)
        now = _texts(window)
        left = sorted(t for t in now & before if t in words[previous] and t not in words[lang])
        assert not left, f"{view}: still shown after switching from {previous} to {lang}: {left[:20]}"
        before, previous = now, lang
    window.search.shutdown()
