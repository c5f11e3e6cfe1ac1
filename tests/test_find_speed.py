"""The shapes "find anything" uses at scale (desktop/data/find.py, issue 17 item 8) give the same
results as the plain queries they replace: typed prefixes expanded into exact index terms, large match
sets taken newest first through the date order. Timings are measured by
tests/benchmarks/bench_find.py, not here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.data import find
from desktop.data.database import Database, open_database
from desktop.data.find import KINDS, Finder

try:
    from tests.synthetic import FIND_QUERIES, generate
except ImportError:  # tests/ on sys.path rather than the project root
    from synthetic import FIND_QUERIES, generate  # type: ignore[no-redef]

N = 3000
TEXTS = [*FIND_QUERIES.values(), "транспорт", "сотрудн", "cooperation energy", "Astana", "Қазақстан", "2024"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("find_speed") / "s.sqlite", N, seed=5)


@pytest.fixture
def db(synthetic: Path):
    database = open_database(synthetic)
    yield database
    database.close()


def _plain(db: Database, text: str, partner: str | None) -> dict[str, tuple[int, list[int]]]:
    """Each kind's count and newest five ids by the plain queries: the unexpanded MATCH expression."""
    expr = Finder(db).plan(text).expression
    out = {}
    for kind in KINDS:
        where = f" AND {kind.partner_filter}" if partner else ""
        params = {"expr": expr, "iso3": partner}
        ids = [r[0] for r in db.conn.execute(
            f"SELECT r.id FROM {kind.table} r WHERE r.id IN (SELECT rowid FROM {kind.fts} WHERE {kind.fts} MATCH :expr)"
            f"{where} ORDER BY coalesce({kind.date}, '') DESC, r.id DESC", params)]
        if ids:
            out[kind.kind] = (len(ids), ids[:5])
    return out


@pytest.mark.parametrize("partner", [None, "CHN"])
def test_large_match_sets_are_the_newest_and_counts_exact(db: Database, partner: str | None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """With every match set "large", find gives each kind's exact count and its newest five, as the
    plain queries do (dense sets by the correlated walk, sparse ones by the id set)."""
    monkeypatch.setattr(find, "RANK_LIMIT", 0)
    finder = Finder(db)
    for text in TEXTS:
        result = finder.find(text, partner=partner)
        got = {g.kind: (g.count, [h.record_id for h in g.hits]) for g in result.groups}
        assert got == _plain(db, text, partner), text


def test_counts_equal_the_prefix_queries(db: Database) -> None:
    finder = Finder(db)
    for text in TEXTS:
        counts = {g.kind: g.count for g in finder.find(text).groups}
        assert counts == {k: c for k, (c, _) in _plain(db, text, None).items()}, text
    assert counts  # the last text found something


def test_long_prefixes_reach_fts5_as_exact_terms(db: Database) -> None:
    """Counting runs no FTS5 prefix query of more than three letters (it would merge every matching
    term's doclist on each run); a short prefix keeps the index's own prefix index."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        Finder(db).find("транс сотрудничество")
    finally:
        db.conn.set_trace_callback(None)
    counts = [s for s in seen if s.startswith("SELECT count(*) FROM ") and "_fts MATCH" in s]
    assert len(counts) == len(KINDS)
    # The kinds whose index holds words of both prefixes (elsewhere a prefix that begins no term is kept).
    large = [s for s in counts if s.split()[3] in ("agreements_fts", "events_fts", "facts_fts")]
    assert len(large) == 3
    long_prefix = re.compile(r'"[^"\s]{4,}"\*')
    assert not [s for s in large if long_prefix.search(s)]
    assert all(re.search(r'"транс\w+"(?!\*)', s) and '"сотрудничество"' in s for s in large)
