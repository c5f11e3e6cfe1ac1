"""The synthetic database generator (tests/synthetic.py): deterministic, consistent, with the word
shares the search benchmark relies on."""
from __future__ import annotations

import sqlite3
import threading
import warnings
from contextlib import closing
from pathlib import Path

import pycountry
import pytest

from desktop.core.text import country_term, index_text
from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import open_database
from desktop.data.find import Finder
from desktop.data.migrations import FIND_INDEX, index_columns

try:
    from tests.synthetic import (
        CYRILLIC_ONLY_PLACE,
        FIND_QUERIES,
        QUERIES,
        VOCAB,
        generate,
        main,
    )
except ImportError:  # tests/ on sys.path rather than the project root
    from synthetic import (  # type: ignore[no-redef]
        CYRILLIC_ONLY_PLACE,
        FIND_QUERIES,
        QUERIES,
        VOCAB,
        generate,
        main,
    )

N = 2000


def _all(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("synthetic")
    return generate(folder / "a.sqlite", N, seed=7), generate(folder / "b.sqlite", N, seed=7)


def test_same_seed_gives_the_same_rows(builds: tuple[Path, Path]) -> None:
    a, b = builds
    for sql in ("SELECT * FROM agreements ORDER BY id",
                "SELECT * FROM agreement_partners ORDER BY agreement_id, partner_id",
                "SELECT * FROM agreement_sectors ORDER BY agreement_id, sector",
                "SELECT * FROM record_sources ORDER BY record_type, record_id, source_id",
                "SELECT * FROM events ORDER BY id",
                "SELECT * FROM trade_figures ORDER BY id",
                "SELECT * FROM facts ORDER BY id",
                "SELECT * FROM nodes ORDER BY id",
                "SELECT * FROM segments ORDER BY id",
                "SELECT * FROM aliases ORDER BY id",
                "SELECT * FROM conflict_members ORDER BY group_id, record_type, record_id"):
        rows_a = _all(a, sql)
        assert rows_a, sql
        assert rows_a == _all(b, sql), sql
    assert len(_all(a, "SELECT id FROM agreements")) == N


def test_another_seed_gives_other_rows(tmp_path: Path) -> None:
    x = generate(tmp_path / "x.sqlite", 100, seed=1)
    y = generate(tmp_path / "y.sqlite", 100, seed=2)
    sql = "SELECT * FROM agreements ORDER BY id"
    assert _all(x, sql) != _all(y, sql)


def test_two_process_build_is_identical(tmp_path: Path) -> None:
    seq = generate(tmp_path / "seq.sqlite", 300, seed=3, parallel=False)
    par = generate(tmp_path / "par.sqlite", 300, seed=3, parallel=True)
    tables = [name for (name,) in _all(seq, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    assert "agreements_fts" in tables and "agreements_fts_data" in tables
    for table in tables:  # every table, the full-text index's own ones included
        assert _all(seq, f"SELECT * FROM {table}") == _all(par, f"SELECT * FROM {table}"), table


def test_two_process_build_from_a_threaded_process_warns_of_nothing(tmp_path: Path) -> None:
    """The child process is not forked: forking a process that runs threads can deadlock the child,
    and Python 3.12 warns of it. (Recorded, not raised: os.fork clears the error the "error" filter would
    make of that warning, so the suite's filterwarnings alone would not catch it.)"""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)  # the process now runs two threads
    other.start()
    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            path = generate(tmp_path / "threaded.sqlite", 50, seed=4, parallel=True)
    finally:
        stop.set()
        other.join()
    assert [str(w.message) for w in seen] == []
    assert _all(path, "SELECT count(*) FROM agreements") == [(50,)]


def test_every_agreement_has_partners_sectors_and_sources(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    for sql in (
        "SELECT count(*) FROM agreements a WHERE NOT EXISTS "
        "(SELECT 1 FROM agreement_partners ap WHERE ap.agreement_id = a.id)",
        "SELECT count(*) FROM agreements a WHERE NOT EXISTS "
        "(SELECT 1 FROM record_sources rs WHERE rs.record_type = 'agreement' AND rs.record_id = a.id)",
        "SELECT count(*) FROM agreements a WHERE NOT EXISTS "
        "(SELECT 1 FROM agreement_sectors s WHERE s.agreement_id = a.id)",
    ):
        assert _all(a, sql) == [(0,)], sql
    per = _all(a, "SELECT max(n), min(n) FROM (SELECT count(*) AS n FROM agreement_partners GROUP BY agreement_id)")
    assert per == [(2, 1)]
    precisions = dict(_all(a, "SELECT coalesce(date_precision, 'none'), count(*) FROM agreements GROUP BY 1"))
    assert {"year", "month", "day"} <= set(precisions)


def test_word_shares_for_the_benchmark(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    db = open_database(a)
    try:
        search = AgreementSearch(db)
        counts = {kind: search.count(AgreementQuery(text=text)) for kind, text in QUERIES.items()}
    finally:
        db.close()
    assert 0.80 * N <= counts["common"] <= 0.93 * N, counts
    assert 1 <= counts["rare"] <= 0.002 * N, counts
    assert 0.10 * N <= counts["prefix"] <= 0.40 * N, counts
    assert 0.02 * N <= counts["two_words"] <= 0.20 * N, counts


def test_full_text_index_holds_index_text_of_each_row(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    rows = _all(a, "SELECT a.id, a.title_en, a.title_ru, a.title_kk, a.summary_en, a.summary_ru, f.title, f.body "
                   "FROM agreements a JOIN agreements_fts f ON f.rowid = a.id")
    assert len(rows) == N
    with closing(sqlite3.connect(a)) as conn:
        terms = {i: " ".join(country_term(c) for (c,) in conn.execute(
            "SELECT p.iso3 FROM agreement_partners x JOIN partners p ON p.id = x.partner_id "
            "WHERE x.agreement_id = ? ORDER BY x.position, p.iso3", (i,))) for i, *_ in rows}
    for r in rows:
        assert r[6] == index_text(r[1], r[2], r[3])
        assert r[7] == " ".join(t for t in (index_text(r[4], r[5]), terms[r[0]]) if t)
        assert terms[r[0]], "every synthetic agreement has a partner, whose country term it carries"
    for fts in ("agreements_fts", "events_fts", *(spec[1] for spec in FIND_INDEX.values())):
        assert _all(a, f"SELECT k, v FROM {fts}_config WHERE k IN ('automerge', 'hashsize') ORDER BY k") == [
            ("automerge", 4), ("hashsize", 1048576)], fts


def test_every_kinds_index_is_what_the_triggers_give(builds: tuple[Path, Path]) -> None:
    """The generator's remembered index texts equal the schema's own: each index row is what the
    migration's atlas_index_text() calls give for its record."""
    a, _ = builds
    with closing(sqlite3.connect(a)) as conn:
        conn.create_function("atlas_index_text", -1, index_text, deterministic=True)
        for kind, (table, fts, _name, _body, _) in FIND_INDEX.items():
            name, body = index_columns(kind, "r")
            expected = conn.execute(f"SELECT id, {name}, {body} FROM {table} r ORDER BY id").fetchall()
            assert expected, kind
            assert conn.execute(f"SELECT rowid, name, body FROM {fts} ORDER BY rowid").fetchall() == expected, kind
        title, body = index_columns("event", "e")
        events = conn.execute(f"SELECT e.id, {title}, {body} FROM events e ORDER BY id").fetchall()
        assert conn.execute("SELECT rowid, title, body FROM events_fts ORDER BY rowid").fetchall() == events
        assert any(" zq0" in b for _, _, b in events), "events carry their partners' country terms"


def test_every_kind_at_the_issues_proportions(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    counts = {t: _all(a, f"SELECT count(*) FROM {t}")[0][0] for t in (
        "events", "facts", "nodes", "corridors", "segments", "projects", "mechanisms", "targets", "trade_figures",
        "sources", "aliases")}
    assert (counts["events"], counts["facts"], counts["nodes"]) == (N, 2 * N, N // 5), counts
    assert counts["corridors"] > 5 and counts["segments"] >= counts["nodes"] - 20 and counts["projects"] > 20, counts
    assert counts["mechanisms"] == 3 * 190 and counts["targets"] > 190 + N // 200, counts
    # Notes in both languages, some in Russian only; numbers written with group separators.
    assert _all(a, "SELECT count(*) FROM facts WHERE note_en IS NULL AND note_ru IS NOT NULL")[0][0] > 0
    assert _all(a, "SELECT count(*) FROM facts WHERE note_en GLOB '*[0-9],[0-9][0-9][0-9]*'")[0][0] > 0
    # Aliases: the curated-style groups, every partner's names from pycountry, former names of places.
    names = {n for (n,) in _all(a, "SELECT name FROM aliases")}
    assert {"Nur-Sultan", "Нур-Султан", "Türkiye", "Турция"} <= names
    assert len(_all(a, "SELECT DISTINCT group_id FROM aliases WHERE group_id LIKE 'country_%'")) == 190
    assert _all(a, "SELECT count(*) FROM aliases WHERE group_id LIKE 'syn_node_%'")[0][0] > 0
    assert _all(a, "SELECT count(*) FROM alias_terms")[0][0] > len(names)
    assert _all(a, "SELECT count(*) FROM nodes WHERE name_kk IS NOT NULL AND name_kk <> name_ru")[0][0] > 0


def test_find_queries_of_the_benchmark(builds: tuple[Path, Path]) -> None:
    """The alias and transliteration queries find what only alias data and keys can find."""
    a, _ = builds
    typed = FIND_QUERIES["translit"]
    assert _all(a, f"SELECT count(*) FROM facts WHERE note_en LIKE '%{typed}%' OR note_ru LIKE '%{typed}%'") == [(0,)]
    db = open_database(a)
    try:
        finder = Finder(db)
        translit = {g.kind: g.count for g in finder.find(typed).groups}
        assert translit.get("fact", 0) == len(
            _all(a, f"SELECT id FROM facts WHERE note_ru LIKE '%{CYRILLIC_ONLY_PLACE}%'"))
        assert translit.get("event", 0) >= 1
        alias = {g.kind: g.count for g in finder.find(FIND_QUERIES["alias"]).groups}
        astana = _all(a, "SELECT count(*) FROM agreements WHERE summary_en LIKE '%Astana%'")[0][0]
        assert alias.get("agreement", 0) >= astana > 0
        rare = {g.kind: g.count for g in finder.find(FIND_QUERIES["rare"]).groups}
        assert set(rare) == {"agreement"}  # the first rare fact is the 5,000th: none at this size
    finally:
        db.close()


def test_counts_can_be_chosen_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.sqlite"
    assert main([str(out), "--agreements", "50", "--events", "7", "--facts", "300", "--nodes", "40", "--quiet"]) == 0
    assert "50 agreements" in capsys.readouterr().out
    assert [_all(out, f"SELECT count(*) FROM {t}")[0][0] for t in ("events", "facts", "nodes")] == [7, 300, 40]
    assert _all(out, "SELECT count(*) FROM facts_fts")[0][0] == 300


def test_reference_data(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    for table in VOCAB:
        assert _all(a, f"SELECT count(*) FROM {table}")[0][0] > 0, table
    assert _all(a, "SELECT count(*) FROM metrics")[0][0] > 0
    partners = _all(a, "SELECT iso3, uid, name_en, name_ru FROM partners")
    assert len(partners) == 190
    known = {c.alpha_3 for c in pycountry.countries}
    assert all(iso in known and iso != "KAZ" for iso, *_ in partners)
    assert all(uid.startswith("syn_") and en and ru for _, uid, en, ru in partners)
    years = _all(a, "SELECT count(DISTINCT year), count(*) FROM trade_figures WHERE period = 'FY' "
                    "AND statistics = 'kazakh'")
    assert years == [(35, 35 * 190)]
    assert _all(a, "SELECT count(*) FROM trade_figures WHERE statistics = 'partner'")[0][0] > 0
    assert _all(a, "SELECT count(*) FROM targets")[0][0] >= 190
    # Kazakh text is indexed, its letters folded to Russian ones (issue 17): Қазақстан -> казакстан.
    assert _all(a, "SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH '\"казакстан\"*'")[0][0] > 0


def test_conflict_groups_have_exactly_one_preferred_member(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    groups = _all(a, "SELECT g.record_type, sum(m.is_preferred), count(*) FROM conflict_groups g "
                     "JOIN conflict_members m ON m.group_id = g.id GROUP BY g.id")
    assert groups
    assert all(preferred == 1 and members >= 2 for _, preferred, members in groups)
    assert {kind for kind, *_ in groups} >= {"agreement", "event", "trade"}
    assert _all(a, "SELECT count(*) FROM conflict_groups g WHERE NOT EXISTS "
                   "(SELECT 1 FROM conflict_members m WHERE m.group_id = g.id)") == [(0,)]


def test_foreign_keys_and_integrity(builds: tuple[Path, Path]) -> None:
    a, _ = builds
    assert _all(a, "PRAGMA foreign_key_check") == []
    assert _all(a, "PRAGMA integrity_check") == [("ok",)]
    assert _all(a, "SELECT value FROM meta WHERE key = 'kind'") == [("synthetic",)]


def test_schema_fingerprint_names_the_current_schema() -> None:
    """The benchmarks' cache key: the migrations' triggers need atlas_index_text on its connection."""
    try:
        from tests.synthetic import schema_fingerprint
    except ImportError:
        from synthetic import schema_fingerprint  # type: ignore[no-redef]
    from desktop.data.migrations import LATEST_VERSION

    assert schema_fingerprint().startswith(f"s{LATEST_VERSION}-")
