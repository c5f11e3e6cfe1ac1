"""Kazakh texts in the bundled data (issue 20, item 3): every name, value and title the Kazakh interface shows.

The Kazakh interface picks Kazakh, then Russian (marked), then English; these tests make sure the bundled data
never needs that fallback for vocabulary values, metrics, corridors, mechanisms, partners, nodes, worded fact
values and agreement titles. Partners' Kazakh names come from pycountry (the maintained source the issue asks
for); an agreement without a published Kazakh title carries our working translation (``title_kk_working``),
shown marked "ресми емес аударма". Numbers in a Kazakh text are those of the Russian text it renders.
"""
from __future__ import annotations

import gettext
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from desktop.data.build import VOCAB_TABLES

# Letters of the Kazakh Cyrillic alphabet that Russian does not have.
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_DIGITS = re.compile(r"\d+")


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _filled(text: str | None) -> bool:
    return bool(text and text.strip())


def _numbers(text: str | None) -> Counter[str]:
    """The digit runs of a text, in any order (Kazakh word order differs from Russian): "6 336 км за 12 суток"
    -> {"6", "336", "12"}."""
    return Counter(_DIGITS.findall(text or ""))


def _pycountry_kazakh_name(iso3: str) -> str | None:
    """pycountry's Kazakh name of a country: the translation of its common name where it has one, else of its
    name (gettext domain iso3166-1, as desktop.data.aliases reads it)."""
    country = pycountry.countries.get(alpha_3=iso3)
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["kk"], fallback=True)
    for attr in ("common_name", "name"):
        english = getattr(country, attr, None)
        if english and translation.gettext(english) != english:
            return translation.gettext(english)
    return None


# (table, key, Kazakh column) of every name or text that has to be there in Kazakh.
_REQUIRED = [
    *[(table, "code", "name_kk") for table in VOCAB_TABLES.values()],
    ("metrics", "code", "name_kk"),
    ("metrics", "code", "unit_kk"),
    ("corridors", "uid", "name_kk"),
    ("corridors", "uid", "description_kk"),
    ("mechanisms", "uid", "name_kk"),
    ("partners", "iso3", "name_kk"),
]


@pytest.mark.parametrize(("table", "key", "kk"), _REQUIRED, ids=[f"{t}.{c}" for t, _, c in _REQUIRED])
def test_every_record_has_its_kazakh_name_or_text(built_db: Path, table: str, key: str, kk: str):
    rows = _rows(built_db, f"SELECT {key}, {kk} FROM {table} ORDER BY {key}")
    assert rows, f"{table} is empty"
    assert [k for k, text in rows if not _filled(text)] == [], f"{table}: no {kk}"


def test_every_node_with_a_russian_name_has_a_kazakh_name_of_the_same_shape(built_db: Path):
    """The map shortens a name at " (" and " — ": the Kazakh name keeps the parts the Russian one has."""
    rows = _rows(built_db, "SELECT uid, name_ru, name_kk FROM nodes ORDER BY uid")
    assert len(rows) >= 44
    assert [uid for uid, ru, kk in rows if _filled(ru) and not _filled(kk)] == []
    assert [(uid, ru, kk) for uid, ru, kk in rows if _filled(ru) and any(
        (mark in ru) != (mark in kk) for mark in (" (", " — "))] == []
    names = {uid: kk for uid, _, kk in rows}
    assert names["istanbul"] == "Стамбұл"
    assert names["port_turkmenbashi"] == "Түрікменбашы халықаралық теңіз порты"
    assert names["khorgos_gateway"] == "Қорғас / Алтынкөл — Khorgos Gateway құрғақ порты"


def test_every_agreement_has_a_kazakh_title_or_a_working_translation(built_db: Path):
    rows = _rows(built_db, "SELECT uid, title_kk, title_kk_working FROM agreements ORDER BY uid")
    assert len(rows) >= 76
    assert [uid for uid, official, working in rows if not (_filled(official) or _filled(working))] == []
    # a working translation never stands beside a published Kazakh title
    assert [uid for uid, official, working in rows if _filled(official) and _filled(working)] == []


def test_working_kazakh_titles_keep_the_numbers_of_the_published_title(built_db: Path):
    """Rendered from the published Russian title where there is one, else from the English one."""
    rows = _rows(built_db, "SELECT uid, title_ru, title_en, title_kk_working FROM agreements "
                           "WHERE title_kk_working IS NOT NULL ORDER BY uid")
    assert rows
    assert [uid for uid, ru, en, kk in rows if _numbers(ru if _filled(ru) else en) != _numbers(kk)] == []
    working = {uid: kk for uid, _, _, kk in rows}
    assert working["ag_tur_2009_spa"] == "Стратегиялық әріптестік туралы шарт"
    assert working["ag_aze_2023_kmg_btc"].startswith("Теңіз мұнайын жылына 1,5 млн т")


def test_every_worded_fact_value_has_a_kazakh_value(built_db: Path):
    """Worded values (those with a Russian rendering) have a Kazakh one; numbers, dates and codes have none."""
    rows = _rows(built_db, "SELECT uid, value_ru, value_kk FROM facts ORDER BY uid")
    assert sum(_filled(ru) for _, ru, _ in rows) >= 39
    assert [uid for uid, ru, kk in rows if _filled(ru) and not _filled(kk)] == []
    assert [uid for uid, ru, kk in rows if _filled(kk) and not _filled(ru)] == []
    values = {uid: kk for uid, _, kk in rows}
    assert values["fa_tur_relationship_level_2009"] == "стратегиялық әріптестік"


@pytest.mark.parametrize(("table", "key", "ru", "kk"), [
    ("facts", "uid", "value_ru", "value_kk"),
    ("corridors", "uid", "description_ru", "description_kk"),
    ("metrics", "code", "name_ru", "name_kk"),
])
def test_numbers_in_kazakh_texts_are_those_of_the_russian_texts(built_db: Path, table: str, key: str, ru: str,
                                                                  kk: str):
    rows = _rows(built_db, f"SELECT {key}, {ru}, {kk} FROM {table} WHERE {kk} IS NOT NULL ORDER BY {key}")
    assert rows
    assert [(k, r, t) for k, r, t in rows if _numbers(r) != _numbers(t)] == []


# (table, Kazakh column, Russian column) of the Kazakh texts; each kind as a whole is written in Kazakh.
_TEXTS = [
    *[(table, "name_kk", "name_ru") for table in VOCAB_TABLES.values()],
    ("metrics", "name_kk", "name_ru"),
    ("corridors", "name_kk", "name_ru"),
    ("corridors", "description_kk", "description_ru"),
    ("mechanisms", "name_kk", "name_ru"),
    ("nodes", "name_kk", "name_ru"),
    ("partners", "name_kk", "name_ru"),
    ("facts", "value_kk", "value_ru"),
    ("agreements", "title_kk_working", "coalesce(title_ru, title_ru_working)"),
]


@pytest.mark.parametrize(("table", "kk", "ru"), _TEXTS, ids=[f"{t}.{kk}" for t, kk, _ in _TEXTS])
def test_kazakh_texts_are_kazakh_not_russian(built_db: Path, table: str, kk: str, ru: str):
    """Kazakh-specific letters occur across each kind's Kazakh texts, and no text of three words or more is
    its Russian text copied (short names such as "Анкара" or "Логистика" are the same in both
    languages)."""
    rows = _rows(built_db, f"SELECT {kk}, {ru} FROM {table} WHERE {kk} IS NOT NULL")
    assert rows, f"{table}: no {kk}"
    assert _KAZAKH_LETTERS.search(" ".join(text for text, _ in rows)), f"{table}.{kk} has no Kazakh letter"
    assert [text for text, russian in rows if len(text.split()) >= 3 and text == russian] == []


def test_partners_kazakh_names_are_pycountrys(built_db: Path):
    rows = _rows(built_db, "SELECT iso3, name_kk FROM partners ORDER BY iso3")
    assert len(rows) >= 7
    assert [(iso3, kk, _pycountry_kazakh_name(iso3)) for iso3, kk in rows if kk != _pycountry_kazakh_name(iso3)] == []
    assert dict(rows)["AZE"] == "Әзірбайжан"


def test_the_governments_spelling_of_a_partner_is_kept_as_another_name(built_db: Path):
    """pycountry writes Әзірбайжан, Kazakhstan's government Әзербайжан: both are names of the country's
    alias group, so a search finds the country by either."""
    names = {name for name, in _rows(built_db, "SELECT name FROM aliases WHERE group_id = 'country_aze' "
                                               "AND lang = 'kk'")}
    assert {"Әзірбайжан", "Әзербайжан"} <= names
