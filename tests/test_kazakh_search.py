"""Search in Kazakh (issue 20, item 5): Kazakh word forms find their base ("Түркиямен" finds what "Түркия"
finds), in the Find box and in the agreements table; the Kazakh names and texts of corridors, mechanisms and
facts are searchable; Russian words keep their Russian reading; a database of the version before is
re-indexed by its migration."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.core.text import KAZAKH_SLOTS, fold_word, kazakh_bases, query_words
from desktop.data import migrations
from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import connect, open_database
from desktop.data.find import Finder
from desktop.data.wordforms import read_query
from desktop.paths import resource


def counts(finder: Finder, text: str) -> dict[str, int]:
    return {g.kind: g.count for g in finder.find(text, limit=50).groups}


def uids(finder: Finder, text: str, kind: str) -> list[str]:
    return [h.uid for g in finder.find(text, limit=500).groups if g.kind == kind for h in g.hits]


# ------------------------------------------------------------------ the rules (pure)

@pytest.mark.parametrize(("word", "base"), [
    ("Түркиямен", "туркия"),  # instrumental: with Türkiye
    ("Туркиямен", "туркия"),  # the same typed on a Russian keyboard
    ("Қазақстанның", "казакстан"),  # genitive
    ("Ақтауда", "актау"),  # locative
    ("Ақтаудағы", "актау"),  # locative attribute
    ("Түркиядан", "туркия"),  # ablative
    ("Қазақстаннан", "казакстан"),
    ("Әзербайжанға", "азербайжан"),  # dative
    ("келісімдерінің", "келисим"),  # plural + possessive + genitive
    ("порттары", "порт"),  # plural + possessive
    ("Республикасының", "республика"),  # possessive + genitive
    ("Қазақстандық", "казакстан"),  # derivation
    ("ынтымақтастығы", "ынтымактастык"),  # қ written ғ before a vowel
])
def test_a_kazakh_word_form_has_its_base_among_its_candidates(word: str, base: str):
    assert base in kazakh_bases(word)


@pytest.mark.parametrize("word", ["Tokayev", "agreement", "2024", "мен", "Баку", "a1б"])
def test_a_word_without_a_kazakh_ending_or_not_cyrillic_has_no_base(word: str):
    assert kazakh_bases(word) == ()


def test_the_rules_are_data_with_a_note_for_each_and_known_slots():
    with resource("search", "kazakh_endings.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 40
    for row in rows:
        assert row["slot"] in (*KAZAKH_SLOTS, "alternation"), row
        assert row["ending"] and row["note"], row
        assert (row["slot"] == "alternation") == bool(row["becomes"]), row


def test_no_base_is_shorter_than_three_letters_or_without_a_vowel():
    for word in ("Өрмен", "Астанада", "дандан", "тентен", "ммен"):
        for base in kazakh_bases(word):
            assert len(base) >= 3 and any(c in "аеиоуыэюя" for c in base), (word, base)


# ------------------------------------------------------------------ which base the data layer keeps

def test_a_kazakh_word_is_read_as_the_base_the_data_knows(repo):
    words = read_query(repo.db.conn, "Түркиямен Қазақстанның келісімдері")
    assert [w.prefix for w in words] == ["туркия", "казакстан", "келисим"]


def test_a_russian_word_the_data_holds_keeps_its_russian_reading(repo):
    for text in ("порты", "Ташкента", "Казахстан", "соглашения", "Туркменистана"):
        assert read_query(repo.db.conn, text) == query_words(text), text


def test_a_word_with_no_known_base_stays_as_typed(repo):
    assert read_query(repo.db.conn, "Зымыранмен") == query_words("Зымыранмен")


# ------------------------------------------------------------------ Find and the agreements table

@pytest.mark.parametrize(("form", "base"), [
    ("Түркиямен", "Түркия"),
    ("Туркиямен", "Түркия"),
    ("Түркиядағы", "Түркия"),
    ("Әзербайжанмен", "Әзербайжан"),
    ("Түрікменстанмен", "Түрікменстан"),
    ("Ақтауда", "Ақтау"),
])
def test_a_kazakh_word_form_finds_what_its_base_finds(repo, form: str, base: str):
    finder = Finder(repo.db)
    expected = counts(finder, base)
    assert expected, base
    assert counts(finder, form) == expected


def test_the_find_box_marks_the_inflected_word_in_the_snippet(repo):
    finder = Finder(repo.db)
    hits = [h for g in finder.find("ынтымақтастық кеңесінің", limit=20, lang="kk").groups for h in g.hits]
    assert any("«кеңесінің»" in h.snippet or "«кеңесі»" in h.snippet for h in hits), [h.snippet for h in hits]


def test_the_agreements_table_finds_kazakh_word_forms(repo):
    search = AgreementSearch(repo.db)
    base = search.count(AgreementQuery(text="Түркия"))
    assert base > 10
    assert search.count(AgreementQuery(text="Түркиямен")) == base
    assert search.count(AgreementQuery(text="Түркиядағы")) == base


def test_a_corridor_is_found_by_its_kazakh_name_and_labelled_in_kazakh(repo):
    finder = Finder(repo.db)
    assert "titr_middle_corridor" in uids(finder, "Орта дәліз", "corridor")
    assert "titr_middle_corridor" in uids(finder, "Орта дәлізбен", "corridor")
    hit = next(h for g in finder.find("Орта дәліз", limit=20).groups if g.kind == "corridor" for h in g.hits)
    name_kk = repo.db.conn.execute("SELECT name_kk FROM corridors WHERE uid = 'titr_middle_corridor'").fetchone()[0]
    assert hit.label_kk == name_kk and "Орта дәліз" in name_kk


def test_a_mechanism_and_a_fact_are_found_by_their_kazakh_names(repo):
    finder = Finder(repo.db)
    conn = repo.db.conn
    uid, name_kk = conn.execute("SELECT uid, name_kk FROM mechanisms WHERE name_kk IS NOT NULL ORDER BY id").fetchone()
    assert uid in uids(finder, name_kk, "mechanism")
    uid, metric_kk = conn.execute(
        "SELECT f.uid, m.name_kk FROM facts f JOIN metrics m ON m.code = f.metric WHERE m.name_kk IS NOT NULL "
        "ORDER BY f.id").fetchone()
    assert uid in uids(finder, metric_kk, "fact")


def test_a_kazakh_name_edited_is_found_at_once(repo):
    conn = repo.db.conn
    conn.execute("UPDATE corridors SET name_kk = 'Жаңажолдық дәліз' WHERE uid = 'titr_middle_corridor'")
    conn.execute("UPDATE mechanisms SET name_kk = 'Ынтымақ алқасы' WHERE id = (SELECT min(id) FROM mechanisms)")
    conn.execute("UPDATE metrics SET name_kk = 'Паром айлақтары' WHERE code = "
                 "(SELECT metric FROM facts ORDER BY id LIMIT 1)")
    finder = Finder(repo.db)
    assert uids(finder, "Жаңажолдық", "corridor") == ["titr_middle_corridor"]
    assert len(uids(finder, "алқасы", "mechanism")) == 1
    first_fact = conn.execute("SELECT uid FROM facts ORDER BY id LIMIT 1").fetchone()[0]
    assert first_fact in uids(finder, "айлақтары", "fact")
    for table in ("corridors_fts", "mechanisms_fts", "facts_fts"):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def test_a_database_of_the_version_before_indexes_its_kazakh_texts(tmp_path: Path):
    before = migrations.MIGRATIONS.index(migrations._migration_kazakh_search)
    path = tmp_path / "v11.sqlite"
    conn = connect(path)
    migrations.migrate(conn, target=before)
    ex = conn.execute
    ex("INSERT INTO partners (uid, iso3, name_en, name_ru) VALUES ('tur', 'TUR', 'Türkiye', 'Турция')")
    ex("INSERT INTO mechanisms (uid, partner_id, name_en, name_ru, name_kk) VALUES ('mech_x', 1, "
       "'Joint commission', 'Совместная комиссия', 'Бірлескен комиссия')")
    ex("INSERT INTO corridors (uid, name_en, name_kk, description_kk) VALUES ('cor_x', 'North route', "
       "'Солтүстік бағыт', 'Теміржол және автожол')")
    conn.commit()
    conn.close()
    db = open_database(path)
    assert migrations.schema_version(db.conn) == migrations.LATEST_VERSION
    finder = Finder(db)
    assert uids(finder, "Бірлескен", "mechanism") == ["mech_x"]
    assert uids(finder, "Солтүстік", "corridor") == ["cor_x"]
    assert uids(finder, "теміржолмен", "corridor") == ["cor_x"]
    terms = {r[0] for r in db.conn.execute("SELECT term FROM find_terms WHERE kind = 'corridor'")}
    assert fold_word("теміржол") in terms
    db.close()
