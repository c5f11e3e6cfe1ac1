"""Russian output in Russian: every record of the built database that has an English text has its Russian one.

The Russian interface and fact sheets fall back to English marked "[EN]" when a Russian text is missing;
these tests make sure the bundled data never needs that fallback. An agreement whose title was published
only in English carries our working translation (`title_ru_working`) instead of an official Russian title.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from desktop.data.build import VOCAB_TABLES

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# (table, key column, English column, Russian column) for every named or described record kind.
_PAIRS = [
    ("nodes", "uid", "name_en", "name_ru"),
    ("nodes", "uid", "note_en", "note_ru"),
    ("mechanisms", "uid", "name_en", "name_ru"),
    ("mechanisms", "uid", "note_en", "note_ru"),
    ("metrics", "code", "name_en", "name_ru"),
    ("corridors", "uid", "name_en", "name_ru"),
    ("corridors", "uid", "description_en", "description_ru"),
    ("segments", "uid", "note_en", "note_ru"),
    ("projects", "uid", "name_en", "name_ru"),
    ("projects", "uid", "description_en", "description_ru"),
    ("events", "uid", "title_en", "title_ru"),
    ("events", "uid", "place_en", "place_ru"),
    ("events", "uid", "summary_en", "summary_ru"),
    ("agreements", "uid", "summary_en", "summary_ru"),
    ("partners", "iso3", "name_en", "name_ru"),
    *[(table, "code", "name_en", "name_ru") for table in VOCAB_TABLES.values()],
]


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _is_russian(text: str | None) -> bool:
    """A Russian text: not empty and written (at least partly) in Cyrillic."""
    return bool(text and text.strip() and _CYRILLIC.search(text))


@pytest.mark.parametrize(("table", "key", "en", "ru"), _PAIRS, ids=[f"{p[0]}.{p[3]}" for p in _PAIRS])
def test_every_english_text_has_its_russian_text(built_db: Path, table: str, key: str, en: str, ru: str):
    rows = _rows(built_db, f"SELECT {key}, {en}, {ru} FROM {table} ORDER BY {key}")
    assert rows, f"{table} is empty"
    missing = [k for k, en_text, ru_text in rows if (en_text or "").strip() and not _is_russian(ru_text)]
    assert missing == [], f"{table}: no Russian {ru} for {missing}"


def test_every_vocabulary_value_has_a_russian_name(built_db: Path):
    for table in VOCAB_TABLES.values():
        rows = _rows(built_db, f"SELECT code, name_ru FROM {table} ORDER BY code")
        assert rows, f"{table} is empty"
        assert [code for code, name in rows if not _is_russian(name)] == [], table


def test_every_metric_unit_has_a_russian_unit(built_db: Path):
    """Units may be symbols ("%"), so a Russian unit need only be present where the English one is."""
    rows = _rows(built_db, "SELECT code, unit_en, unit_ru FROM metrics ORDER BY code")
    assert [code for code, en, ru in rows if (en or "").strip() and not (ru or "").strip()] == []


def test_every_agreement_has_a_russian_title_or_a_working_translation(built_db: Path):
    rows = _rows(built_db, "SELECT uid, title_ru, title_ru_working FROM agreements ORDER BY uid")
    assert len(rows) >= 76
    assert [uid for uid, official, working in rows if not (_is_russian(official) or _is_russian(working))] == []
    # a working translation never stands beside a published Russian title
    assert [uid for uid, official, working in rows if (official or "").strip() and (working or "").strip()] == []


def test_titles_published_only_in_english_keep_their_english_title(built_db: Path):
    """The working translation is added next to the published title, never in its place."""
    rows = _rows(built_db, "SELECT uid, title_en, title_ru FROM agreements WHERE title_ru_working IS NOT NULL "
                           "AND title_ru_working != '' ORDER BY uid")
    assert rows
    assert [uid for uid, en, ru in rows if not (en or "").strip() or (ru or "").strip()] == []
    by_uid = {uid: en for uid, en, _ in rows}
    assert by_uid["ag_tur_2018_military"] == "Agreement on military cooperation (2018)"
    working = dict(_rows(built_db, "SELECT uid, title_ru_working FROM agreements WHERE uid = 'ag_tur_2018_military'"))
    assert working["ag_tur_2018_military"] == "Соглашение о военном сотрудничестве (2018)"
