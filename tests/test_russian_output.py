"""Issue 18, item 5: Russian output in Russian. The Russian fact sheets print no "[EN]" (every record has Russian
text, or our working translation marked "неофициальный перевод"), and the Russian interface shows the worded
values and titles in Russian."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from desktop.export.factsheet import build_factsheet
from desktop.qt.factsheet.factsheet import render_factsheet
from desktop.qt.shell.selection import SelectionState

AS_OF = "2026-03-01"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("iso3", ["TUR", "AZE", "TKM"])
def test_the_russian_fact_sheet_prints_nothing_marked_english(qapp, repo, tmp_path, iso3):
    sheet = build_factsheet(repo, iso3, "ru", AS_OF)
    path = tmp_path / f"{iso3}.pdf"
    render_factsheet(sheet, path, repo=repo)
    text = pdf_text(path)
    assert "[EN]" not in text
    # every line of the sheet that comes from the data is in Russian (a source's title stays as published)
    lines = [sheet.level, sheet.diplomatic, sheet.trade, sheet.target, *sheet.facts, *sheet.mechanisms]
    for line in (x for x in lines if x):
        for value in (line.label, line.value):
            assert not re.search("[A-Za-z]{4,}", value.replace("$", "")) or re.search("[А-Яа-я]", value), value
    for event in sheet.events:
        assert re.search("[А-Яа-я]", event.title), event
    for agreement in sheet.agreements:
        assert re.search("[А-Яа-я]", agreement.title), agreement
    working = [a for a in sheet.agreements if a.title.endswith("(неофициальный перевод)")]
    titles_published_in_english = repo.db.conn.execute(
        "SELECT count(*) FROM agreements a JOIN agreement_partners x ON x.agreement_id = a.id JOIN partners p "
        "ON p.id = x.partner_id WHERE p.iso3 = ? AND a.title_ru IS NULL", (iso3,)).fetchone()[0]
    assert bool(working) == bool(titles_published_in_english and sheet.agreements), iso3


def test_the_russian_overview_shows_the_level_of_relations_in_russian(qtbot, repo, translator):
    from desktop.qt.agreements.partner_overview import PartnerOverview

    translator.set_language("ru")
    selection = SelectionState()
    selection.select_partner("TUR")
    overview = PartnerOverview(repo, selection)
    qtbot.addWidget(overview)
    overview.show()
    text = "\n".join(label.text() for label in overview.findChildren(QLabel))
    level = repo.db.conn.execute("SELECT value_ru FROM facts WHERE uid LIKE 'fa_tur_%' AND metric = "
                                 "'relationship_level' AND value_ru IS NOT NULL ORDER BY as_of DESC").fetchone()
    assert level is not None
    assert level[0] in text and "[EN]" not in text
