"""The synthetic database generator (tests/synthetic.py): deterministic, consistent, with the word
shares the search benchmark relies on."""
from __future__ import annotations

import multiprocessing
import sqlite3
from contextlib import closing
from pathlib import Path

import pycountry
import pytest

from desktop.core.text import index_text
from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import open_database

try:
    from tests.synthetic import QUERIES, VOCAB, generate
except ImportError:  # tests/ on sys.path rather than the project root
    from synthetic import QUERIES, VOCAB, generate  # type: ignore[no-redef]

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


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_two_process_build_is_identical(tmp_path: Path) -> None:
    seq = generate(tmp_path / "seq.sqlite", 300, seed=3, parallel=False)
    par = generate(tmp_path / "par.sqlite", 300, seed=3, parallel=True)
    tables = [name for (name,) in _all(seq, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    assert "agreements_fts" in tables and "agreements_fts_data" in tables
    for table in tables:  # every table, the full-text index's own ones included
        assert _all(seq, f"SELECT * FROM {table}") == _all(par, f"SELECT * FROM {table}"), table


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
    rows = _all(a, "SELECT a.title_en, a.title_ru, a.title_kk, a.summary_en, a.summary_ru, f.title, f.body "
                   "FROM agreements a JOIN agreements_fts f ON f.rowid = a.id")
    assert len(rows) == N
    for r in rows:
        assert r[5] == index_text(r[0], r[1], r[2])
        assert r[6] == index_text(r[3], r[4])
    assert _all(a, "SELECT k, v FROM agreements_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k") == [
        ("automerge", 4), ("hashsize", 1048576)]


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
