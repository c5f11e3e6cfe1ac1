"""A file reader's reasons for leaving rows out (a row of the wrong width, a NUL character, a key given twice, a
Comtrade cell) are worded in the interface's language in the import dialog (issue 20), and stay English for the
command line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.export.importing import preview
from desktop.export.readers import READER_CODES, ReaderReason, read_table
from desktop.qt.transfer.transfer import ImportDialog

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
ENGLISH = re.compile(r"\b(row|cells|header|columns|separator|holds|character|key|value|year|number|negative|"
                     r"figure|kept|file)\b", re.IGNORECASE)
FILE = ("title_en,date_signed,doc_type,partners\n"
        "A good one,2020-01-01,agreement,TUR\n"
        "Too wide,2020-01-02,agreement,TUR,extra,more\n"
        "Short\n"
        "Null\x00,2020-01-03,agreement,TUR\n")


@pytest.fixture
def window(open_window):
    w = open_window(complete=False)
    w.editing.show_message = lambda text: None
    return w


def _rejected(window, path: Path) -> list[str]:
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("agreement"))
    assert dialog.load(str(path))
    assert dialog.run_preview()
    return [dialog.rejections.item(i).text() for i in range(dialog.rejections.count())]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_readers_reasons_are_in_the_interface_language(window, translator, tmp_path, lang):
    path = tmp_path / "agreements.csv"
    path.write_text(FILE, encoding="utf-8")
    translator.set_language(lang)
    rows = _rejected(window, path)
    assert len(rows) == 3, rows
    wide, short, null = rows
    assert "6" in wide and "4" in wide and "«title_en»" in null
    for text in rows:
        assert CYRILLIC.search(text), text
        assert not ENGLISH.search(re.sub(r"«[^»]*»", "", text)), text


def test_the_command_line_keeps_the_readers_english(repo, tmp_path):
    path = tmp_path / "agreements.csv"
    path.write_text(FILE, encoding="utf-8")
    result = preview(repo.db, "agreement", read_table(path))
    reasons = [str(r.reason) for r in result.rejected]
    assert any("the row has 6 cells but the header has 4 columns" in r for r in reasons), reasons
    assert any("holds a NUL character" in r for r in reasons), reasons


def test_every_reader_code_has_words_in_russian_and_kazakh(window, translator):
    params = {"cells": 3, "columns": 2, "column": "c", "key": "k", "value": "v", "reason": "r", "flow": "import",
              "partner": "TUR", "year": 2020, "statistics": "kazakh", "kept": 4}
    for lang in ("ru", "kk"):
        translator.set_language(lang)
        dialog = ImportDialog(window)
        for code in READER_CODES:
            text = dialog.reader_text({"reader": code, **params})
            assert text and CYRILLIC.search(text), (lang, code, text)
        assert dialog.reader_text({"reader": "second_figure", **params, "flow": "export"}) != dialog.reader_text(
            {"reader": "second_figure", **params})
    assert isinstance(ReaderReason("x", "nul_character", column="c"), str)
