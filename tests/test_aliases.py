"""Aliases as data (issue 17): the seed rows, the country names from pycountry, the schema's terms
kept by triggers, the seed checks, and expansions() finding the groups a query names."""
from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from desktop.core.text import query_words
from desktop.data.aliases import all_aliases, expansions
from desktop.data.build import SeedError, build
from desktop.data.database import connect, create_database
from tests.conftest import SEED_DIR


@pytest.fixture
def conn(db_copy: Path):
    c = connect(db_copy)
    yield c
    c.close()


def _names(conn: sqlite3.Connection, group: str, lang: str | None = None) -> set[str]:
    sql, args = "SELECT name FROM aliases WHERE group_id = ?", [group]
    if lang:
        sql, args = sql + " AND lang = ?", [group, lang]
    return {r[0] for r in conn.execute(sql, args)}


def test_seed_rows_load_with_their_sources(conn):
    astana = {a.name: a for a in all_aliases(conn) if a.group_id == "city_astana"}
    assert {"Astana", "Nur-Sultan", "Akmola", "Akmolinsk", "Tselinograd", "Нур-Султан", "Ақмола"} <= set(astana)
    assert astana["Nur-Sultan"].kind == "former_name"
    assert astana["Nur-Sultan"].source_uids == ("src_wikipedia_astana",)
    assert astana["Нур-Султан"].lang == "ru"


def test_pycountry_names_of_turkiye_in_kazakh_turkish_and_russian(conn):
    assert "Түркия" in _names(conn, "country_tur", "kk")
    assert "Türkiye" in _names(conn, "country_tur", "tr") | _names(conn, "country_tur", "en")
    assert "Türkiye Cumhuriyeti" in _names(conn, "country_tur", "tr")
    assert "Турция" in _names(conn, "country_tur", "ru")
    assert "Turkey" in _names(conn, "country_tur", "en")  # the curated row merges into the same group
    cited = conn.execute(
        "SELECT s.title FROM aliases a JOIN record_sources rs ON rs.record_type = 'alias' AND rs.record_id = a.id "
        "JOIN sources s ON s.id = rs.source_id WHERE a.name = 'Түркия'").fetchall()
    assert cited == [("pycountry (iso-codes) country-name translations",)]
    # every country the data names has its names: partners and nodes' countries (China only names a node)
    assert "Китай" in _names(conn, "country_chn", "ru")
    assert "Қазақстан" in _names(conn, "country_kaz", "kk")


def _groups(conn, text: str) -> dict[str, tuple[int, int]]:
    return {e.group_id: (e.start, e.end) for e in expansions(conn, text)}


@pytest.mark.parametrize("text, group, span", [
    ("Nur-Sultan", "city_astana", (0, 2)),
    ("nur sultan", "city_astana", (0, 2)),
    ("визит в Нур-Султан", "city_astana", (2, 4)),
    ("SOCAR", "org_socar", (0, 1)),
    ("ГНКАР", "org_socar", (0, 1)),
    ("СОКАР", "org_socar", (0, 1)),
    ("Middle Corridor", "titr", (0, 2)),
    ("cargo on the middle corridor", "titr", (3, 5)),
    ("ТМТМ", "titr", (0, 1)),
    ("defense industry", "spelling_defence", (0, 1)),
    ("Turkey", "country_tur", (0, 1)),
    ("Түркия", "country_tur", (0, 1)),
    ("Ashkhabad", "city_ashgabat", (0, 1)),
    ("Tokaev", "person_tokayev", (0, 1)),
    ("$15 bn", "term_billion", (1, 2)),
    ("соглашений", "term_agreement", (0, 1)),
])
def test_expansions_find_the_group_and_its_span(conn, text, group, span):
    found = _groups(conn, text)
    assert found.get(group) == span
    words = query_words(text)
    assert span[1] <= len(words)


def test_expansion_lists_the_other_names_as_written_words(conn):
    [astana] = [e for e in expansions(conn, "Nur-Sultan") if e.group_id == "city_astana"]
    assert astana.matched == "Nur-Sultan"
    assert ("Астана",) in astana.alternatives and ("Akmola",) in astana.alternatives
    assert ("Нур", "Султан") in astana.alternatives and ("Nur", "Sultan") not in astana.alternatives
    # (the name typed is left out, also when written otherwise: "nur sultan" is the same name)
    assert not [alt for alt in astana.alternatives if [w.casefold() for w in alt] == ["nur", "sultan"]]


def test_a_kazakh_alternative_is_not_cut_to_a_russian_stem(conn):
    """The Kazakh name is kept as written, so that the finder leaves it unstemmed (test_find checks that
    "Türkiye" does not find Туркменистан through it)."""
    [turkey] = [e for e in expansions(conn, "Turkey") if e.group_id == "country_tur"]
    assert ("Түркия",) in turkey.alternatives


@pytest.mark.parametrize("text", ["", "   ", "Nur", "Sultan Nur", "corridor", "^", "AND", "\x00", "\ud800",
                                  "a" * 10_000, "corridor middle"])
def test_no_expansion_for_part_of_a_name_or_for_no_words(conn, text):
    found = _groups(conn, text)
    assert "city_astana" not in found and "titr" not in found


def test_an_edit_of_an_alias_keeps_its_terms(conn):
    conn.execute("UPDATE aliases SET name = 'Astana-Capital' WHERE uid = 'al_astana_nur_sultan_en'")
    assert "city_astana" in _groups(conn, "astana capital")
    assert "city_astana" not in _groups(conn, "Nur-Sultan")  # the old name is gone from the terms
    assert _groups(conn, "Нур-Султан").get("city_astana") == (0, 2)  # the Cyrillic row still names it
    conn.execute("DELETE FROM aliases WHERE group_id = 'city_astana'")
    assert "city_astana" not in _groups(conn, "Нур-Султан")
    assert conn.execute("SELECT count(*) FROM alias_terms "
                        "WHERE alias_id NOT IN (SELECT id FROM aliases)").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM record_sources WHERE record_type = 'alias' "
                        "AND record_id NOT IN (SELECT id FROM aliases)").fetchone() == (0,)


def test_a_thousand_aliases_are_looked_up_by_index(tmp_path: Path):
    db = create_database(tmp_path / "many.sqlite")
    c = db.conn
    c.execute("BEGIN")
    c.executemany("INSERT INTO aliases (uid, group_id, name, kind) VALUES (?, ?, ?, 'synonym')",
                  [(f"a{i}", f"g{i // 4}", f"place{i} harbour{i % 7}", ) for i in range(1000)])
    c.execute("COMMIT")
    plan = " ".join(r[3] for r in c.execute(
        "EXPLAIN QUERY PLAN SELECT DISTINCT a.id FROM alias_terms t JOIN aliases a ON a.id = t.alias_id "
        "WHERE t.term IN ('x', 'y')"))
    assert "USING COVERING INDEX alias_terms_term" in plan or "USING INDEX alias_terms_term" in plan
    start = time.perf_counter()
    found = expansions(c, "ferries to place517 harbour6 and back")
    elapsed = time.perf_counter() - start
    assert [(e.group_id, e.start, e.end) for e in found] == [("g129", 2, 4)]
    assert len(found[0].alternatives) == 3
    assert elapsed < 1.0  # generous: a scan of every name would still pass; the plan above is the check
    db.close()


@pytest.mark.parametrize("row, problem", [
    ("al_x,city_x,,en,name,,", "column name: is required"),
    ("al_x,city_x,Somewhere,en,nickname,,", "column kind: 'nickname' is not one of name, former_name"),
    ("al_x,city_x,Somewhere,en,name,,src_no_such_source", "missing source id 'src_no_such_source'"),
    ("al_x,city_x,Somewhere,en,former_name,,", "every record needs at least one source"),
    ("al_x,city_x,Somewhere,English,name,,", "bad language code 'English'"),
    ("al_x,City X,Somewhere,en,name,,", "invalid group id 'City X'"),
    ("al_x,city_x,%%%,en,name,,", "holds no word"),
    ("al_tur_turkey,city_x,Somewhere,en,name,,", "duplicate id 'al_tur_turkey'"),
])
def test_broken_alias_rows_are_listed_and_nothing_is_written(tmp_path: Path, row, problem):
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed)
    with (seed / "aliases.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(row + "\n")
    out = tmp_path / "out.sqlite"
    with pytest.raises(SeedError) as caught:
        build(seed, out)
    lines = [str(p) for p in caught.value.problems]
    assert any(line.startswith("aliases.csv, row") and problem in line for line in lines), lines
    assert not out.exists()


def test_the_country_names_source_must_exist(tmp_path: Path):
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed)
    lines = (seed / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (seed / "sources.csv").write_text("".join(line for line in lines
                                              if not line.startswith("src_pycountry_country_names,")),
                                      encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        build(seed, tmp_path / "out.sqlite")
    assert any("src_pycountry_country_names" in str(p) for p in caught.value.problems)
