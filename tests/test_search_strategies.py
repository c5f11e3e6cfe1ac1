"""Every query strategy (small set, index walk with probes, id set) returns exactly what a plain,
slow SQL query of the same meaning returns, page after page, with the right total."""
from __future__ import annotations

import pytest

from desktop.core.text import match_expression
from desktop.data import agreements as agreements_module
from desktop.data.agreements import SORT_KEYS, AgreementQuery, AgreementSearch, _filters, _sort_expression
from desktop.data.database import open_database
from tests.synthetic import generate


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory):
    path = generate(tmp_path_factory.mktemp("strategies") / "syn.sqlite", 12_000, seed=3, n_partners=40)
    db = open_database(path)
    yield AgreementSearch(db)
    db.close()


def reference_ids(search: AgreementSearch, q: AgreementQuery) -> list[int]:
    """The same meaning, written the plain way: prefix MATCH, filters, ORDER BY, no tricks."""
    where, params = _filters(q)
    if not q.include_alternatives:
        where.append(agreements_module._NOT_ALTERNATIVE_WIDE)
    match = match_expression(q.text)
    if match is not None:
        where.append("a.id IN (SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ?)")
        params.append(match)
    sort = "date" if q.sort == "relevance" else q.sort
    key = _sort_expression(sort, q.lang)
    direction = "DESC" if q.descending else "ASC"
    sql = ("SELECT a.id FROM agreements a" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {key} {direction}, a.id {direction}")
    return [r[0] for r in search.db.conn.execute(sql, params)]


def paged(search: AgreementSearch, q: AgreementQuery, size: int) -> list[int]:
    out, after = [], None
    while True:
        page = search.page(q, after, size)
        out += page.ids
        if page.next is None:
            return out
        after = page.next


QUERIES = [
    AgreementQuery(text="сотрудничество"),  # most rows: index walk with probes
    AgreementQuery(text="транс"),  # prefix, a fifth of the rows: id set
    AgreementQuery(text="энергетика инвестиции"),  # two words, sparse: id set
    AgreementQuery(text="геотермальный"),  # rare: small set
    AgreementQuery(text="сотрудничество", partners=("TUR",)),  # common word + filter: id set + stream
    AgreementQuery(text="cooperation", year_from=2000, year_to=2010, doc_types=("memorandum", "agreement")),
    AgreementQuery(text="тр"),  # short prefix: the FTS5 prefix index
    AgreementQuery(text="сотрудничество", include_alternatives=True),
    AgreementQuery(text="nosuchwordanywhere"),
]


@pytest.mark.parametrize("q", QUERIES, ids=[f"{q.text}|{q.partners}|{q.year_from}" for q in QUERIES])
def test_pages_and_total_match_the_plain_query(search, q):
    expected = reference_ids(search, q)
    result = search.search(q, limit=150)
    assert result.total == len(expected)
    assert result.ids == expected[:150]
    assert paged(search, q, 997) == expected


@pytest.mark.parametrize("sort", [s for s in SORT_KEYS if s != "relevance"])
def test_every_sort_with_each_strategy(search, sort):
    for text in ("сотрудничество", "транс", "геотермальный"):
        q = AgreementQuery(text=text, sort=sort, descending=sort != "title", lang="ru" if sort == "title" else "en")
        assert paged(search, q, 1500) == reference_ids(search, q), (text, sort)


def test_strategies_really_differ(search, monkeypatch):
    """Guard against the planner silently using one path for everything."""
    used: list[str] = []
    for name in ("_index_page", "_stream_page"):
        original = getattr(AgreementSearch, name)

        def spy(self, *args, _name=name, _original=original, **kwargs):
            used.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(AgreementSearch, name, spy)
    search.search(AgreementQuery(text="сотрудничество"))
    search.search(AgreementQuery(text="транс"))
    search.search(AgreementQuery(text="геотермальный"))  # small: neither
    assert used == ["_index_page", "_stream_page"]


def _texts(row) -> str:
    """An agreement row's Russian and English titles and summaries, case-folded."""
    return " ".join(filter(None, (row.title_ru, row.title_ru_working, row.summary_ru, row.title_en,
                                  row.summary_en))).casefold()


def test_a_single_letter_is_the_one_letter_word_not_a_prefix(repo):
    """No index serves one-letter prefixes (a 9 s merge at 100k): "и" finds the word "и" only."""
    import re

    from desktop.data.agreements import AgreementQuery

    result = repo.agreements.search(AgreementQuery(text="и"), 10_000)
    rows = repo.agreements.rows(result.ids)
    assert rows and result.total == len(rows)
    for row in rows:
        text = _texts(row)
        assert re.search(r"(?<!\w)и(?!\w)", text)
    everything = repo.agreements.rows([r[0] for r in repo.db.conn.execute("SELECT id FROM agreements")])
    prefix_only = [
        r.id for r in everything
        if (t := _texts(r))
        and re.search(r"(?<!\w)и\w", t) and not re.search(r"(?<!\w)и(?!\w)", t)]
    assert prefix_only  # agreements with words that only begin with и ...
    assert not set(prefix_only) & set(result.ids)  # ... are not found by the single letter
    assert repo.agreements.search(AgreementQuery(text="ж")).total == repo.agreements.search(
        AgreementQuery(text="ж ")).total


def test_the_cached_match_set_sees_a_change_committed_by_another_connection(tmp_path, monkeypatch):
    """The worker keeps the last match set for the next page and the count; an edit made on another
    connection meanwhile must still show."""
    import shutil

    from desktop.data.database import connect

    monkeypatch.setattr(agreements_module, "SMALL_MATCH", 20)  # this small database takes the set path too
    path = generate(tmp_path / "syn.sqlite", 3_000, seed=5, n_partners=12)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    db = open_database(copy)
    search = AgreementSearch(db)
    q = AgreementQuery(text="транс")
    before = search.search(q, limit=50)
    assert search._last_match is not None, "the match-set path is what this test is about"
    unmatched = db.conn.execute("SELECT id FROM agreements WHERE id NOT IN (SELECT rowid FROM agreements_fts "
                                "WHERE agreements_fts MATCH 'транс*') LIMIT 1").fetchone()[0]
    other = connect(copy)  # another connection, as the editing window's is to the search worker's
    other.execute("UPDATE agreements SET title_ru = 'Транспортный коридор' WHERE id = ?", (unmatched,))
    other.commit()
    other.close()
    after = search.search(q, limit=50)
    assert after.total == before.total + 1
    assert unmatched in paged(search, q, 997)
    db.close()
