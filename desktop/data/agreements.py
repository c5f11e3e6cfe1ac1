"""The agreements query: full text + filters + sort + keyset paging, returning ids, a total and rows.

Query shapes follow what was measured on these machines (shared/design/PERFORMANCE.md and
tests/benchmarks/bench_search.py):

* Typed prefixes are expanded into the exact index terms they begin (``search_terms``): an FTS5
  prefix query re-merges every matching doclist each time it is evaluated, which makes it ~1000×
  dearer as a correlated probe than an exact term.
* Relevance (bm25) ranking only when the match set is small; otherwise a fixed order (date by
  default) that an index delivers.
* Three ways to get a page, chosen by estimated cost from the size of the match set:
  a small set is fetched whole from FTS5 and sorted; a dense large set is found by walking the
  sort index with a correlated ``EXISTS`` probe per row; a sparse large set is fetched as a set of
  ids that the sort-ordered stream of candidates is checked against.
* Non-preferred members of conflict groups (alternatives) are hidden unless asked for.
* Pages are fetched by keyset (the last row's sort value and id), never by OFFSET, so the 500th
  page costs what the first does.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.core.records import AgreementRow
from desktop.core.text import QueryWord, query_words, stem_word
from desktop.data.database import Cancelled, Database

SORT_KEYS = ("date", "partner", "title", "doc_type", "level", "sectors", "status", "event", "count", "relevance")
PAGE_SIZE = 200
# Up to this many text matches the whole match set is fetched and sorted (and may be ranked).
SMALL_MATCH = 2000
RELEVANCE_LIMIT = 2000

# Queries run on the narrow mirror table agreement_keys (same column names as agreements), except
# a sort by title, which needs the titles' index on the wide table.
_NOT_ALTERNATIVE = "a.hidden = 0"
_NOT_ALTERNATIVE_WIDE = (
    "NOT EXISTS (SELECT 1 FROM conflict_members cm WHERE cm.record_type = 'agreement' "
    "AND cm.record_id = a.id AND cm.is_preferred = 0)"
)


def _table(sort: str) -> tuple[str, str]:
    """The table a query in this order runs on, and its "not an alternative" condition."""
    if sort == "title":
        return "agreements a", _NOT_ALTERNATIVE_WIDE
    return "agreement_keys a", _NOT_ALTERNATIVE
_FTS_PROBE = "EXISTS (SELECT 1 FROM agreements_fts f WHERE agreements_fts MATCH ? AND f.rowid = a.id)"


class AgreementQuery(NamedTuple):
    """What the user asked for. Empty tuples and None mean "no filter"."""

    text: str = ""
    partners: tuple[str, ...] = ()  # ISO3 codes
    doc_types: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # "" stands for "level unknown"
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    event_id: int | None = None
    corridor_id: int | None = None
    node_id: int | None = None
    include_alternatives: bool = False
    sort: str = "date"
    descending: bool = True
    lang: str = "en"

    def with_(self, **changes: Unpack[_QueryChanges]) -> AgreementQuery:
        return self._replace(**changes)


if TYPE_CHECKING:  # (for the type checker only: the module is on the window's start path)
    from typing import TypedDict, Unpack

    class _QueryChanges(TypedDict, total=False):
        """The fields of :class:`AgreementQuery` that :meth:`AgreementQuery.with_` may change."""

        text: str
        partners: tuple[str, ...]
        doc_types: tuple[str, ...]
        levels: tuple[str, ...]
        sectors: tuple[str, ...]
        statuses: tuple[str, ...]
        year_from: int | None
        year_to: int | None
        event_id: int | None
        corridor_id: int | None
        node_id: int | None
        include_alternatives: bool
        sort: str
        descending: bool
        lang: str


class Cursor(NamedTuple):
    """Where the next page starts: the last row's sort value and id, or an offset (relevance)."""

    value: object = None
    id: int | None = None
    offset: int | None = None


class Page(NamedTuple):
    ids: list[int]
    next: Cursor | None  # None when this is the last page
    sort: str  # the order actually used (relevance falls back to date on big match sets)


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    next: Cursor | None
    sort: str
    rows: list[AgreementRow] = field(default_factory=list)


def _sort_expression(sort: str, lang: str) -> str:
    if sort == "date":
        return "coalesce(a.date_signed, '')"
    if sort == "title":
        if lang == "kk":
            return "coalesce(a.title_kk, a.title_kk_working, a.title_ru, a.title_en, '') COLLATE NOCASE"
        if lang == "ru":
            return "coalesce(a.title_ru, a.title_en, a.title_kk, '') COLLATE NOCASE"
        return "coalesce(a.title_en, a.title_ru, a.title_kk, '') COLLATE NOCASE"
    if sort == "doc_type":
        return "a.doc_type"
    if sort == "level":
        return "coalesce(a.level, '')"
    if sort == "status":
        return "a.status"
    if sort == "count":
        return "a.doc_count"
    if sort == "event":
        return "coalesce((SELECT e.date_start FROM events e WHERE e.id = a.event_id), '')"
    if sort == "sectors":
        return "coalesce((SELECT min(s.sector) FROM agreement_sectors s WHERE s.agreement_id = a.id), '')"
    if sort == "partner":
        name = {"ru": "p.name_ru", "kk": "coalesce(p.name_kk, p.name_ru)"}.get(lang, "p.name_en")
        return (
            f"coalesce((SELECT {name} FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id "
            "WHERE ap.agreement_id = a.id ORDER BY ap.position LIMIT 1), '')"
        )
    raise ValueError(f"unknown sort key {sort!r}")


def _in(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _filters(q: AgreementQuery) -> tuple[list[str], list[object]]:
    """SQL conditions on alias ``a`` (without text and alternatives) and their parameters."""
    where: list[str] = []
    params: list[object] = []
    if q.partners:
        where.append(
            "a.id IN (SELECT ap.agreement_id FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id "
            f"WHERE p.iso3 IN ({_in(q.partners)}))"
        )
        params += list(q.partners)
    if q.doc_types:
        where.append(f"a.doc_type IN ({_in(q.doc_types)})")
        params += list(q.doc_types)
    if q.levels:
        where.append(f"coalesce(a.level, '') IN ({_in(q.levels)})")
        params += list(q.levels)
    if q.statuses:
        where.append(f"a.status IN ({_in(q.statuses)})")
        params += list(q.statuses)
    if q.sectors:
        where.append(f"a.id IN (SELECT s.agreement_id FROM agreement_sectors s WHERE s.sector IN ({_in(q.sectors)}))")
        params += list(q.sectors)
    year_from, year_to = q.year_from, q.year_to
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from  # a range given backwards is the same range (the view says so)
    if year_from is not None:
        where.append("coalesce(a.date_signed, '') >= ?")
        params.append(f"{int(year_from):04d}")
    if year_to is not None:
        where.append("coalesce(a.date_signed, '') < ?")
        params.append(f"{int(year_to) + 1:04d}")
    if q.year_from is not None or q.year_to is not None:
        where.append("a.date_signed IS NOT NULL")
    if q.event_id is not None:
        where.append("a.event_id = ?")
        params.append(int(q.event_id))
    if q.corridor_id is not None:
        where.append(
            "a.id IN (SELECT rp.record_id FROM record_places rp WHERE rp.record_type = 'agreement' "
            "AND rp.corridor_id = ?)"
        )
        params.append(int(q.corridor_id))
    if q.node_id is not None:
        where.append(
            "a.id IN (SELECT rp.record_id FROM record_places rp WHERE rp.record_type = 'agreement' "
            "AND rp.node_id = ?)"
        )
        params.append(int(q.node_id))
    return where, params


def _run(db: Database, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
    """The rows of a statement (values as SQLite gives them: their types depend on the columns)."""
    try:
        return db.conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        _raise_cancelled(exc)
        raise


def _count(db: Database, sql: str, params: Sequence[object]) -> int:
    """The number a ``SELECT count(*) ...`` statement gives."""
    return int(_run(db, sql, params)[0][0])


def _raise_cancelled(exc: sqlite3.OperationalError) -> None:
    if "interrupt" in str(exc):
        raise Cancelled("The search was cancelled.") from exc
    raise exc


def _page_of(rows: Sequence[tuple[Any, ...]], limit: int) -> tuple[list[int], Cursor | None]:
    ids = [r[0] for r in rows[:limit]]
    nxt = Cursor(value=rows[limit - 1][1], id=rows[limit - 1][0]) if len(rows) > limit else None
    return ids, nxt


def _sorted_page(rows: list[tuple[Any, ...]], sort: str, descending: bool, after: Cursor | None,
                 limit: int) -> tuple[list[int], Cursor | None]:
    """Sort a fetched match set as SQL would (NOCASE for titles) and cut the page after ``after``."""
    order: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    if sort == "title":
        def title_order(r: tuple[Any, ...]) -> tuple[Any, ...]:
            return _nocase(r[1]), r[0]
        order = title_order
        mark = (_nocase(after.value), after.id) if after is not None and after.id is not None else None
    else:
        order = itemgetter(1, 0)
        mark = (after.value, after.id) if after is not None and after.id is not None else None
    ordered = sorted(rows, key=order, reverse=descending)
    if mark is not None:
        ordered = [r for r in ordered if (order(r) < mark if descending else order(r) > mark)]
    return _page_of(ordered, limit)


class Expansion(NamedTuple):
    """A user query as an FTS5 MATCH expression over exact index terms where possible."""

    expr: str | None  # None: the query holds no word (no text condition)
    empty: bool = False  # a word of the query occurs nowhere: nothing can match
    cheap_probes: bool = True  # every term is exact or served by the prefix index
    terms: int = 0
    estimate: float = float("inf")  # at most this many agreements match (from term document counts)
    exact: bool = False  # one exact term: the estimate is the match count itself


# Costs measured on the 2-core build machine at 100,000 rows (microseconds).
_PROBE_US_PER_TERM = 12.0  # one correlated FTS5 probe, per exact term
_SET_US_PER_MATCH = 0.6  # fetching one matching rowid into a Python set
_STREAM_US_PER_ROW = 0.4  # streaming one candidate id in sort order
_EXPANSION_LIMIT = 40
_PREFIX_INDEX_MAX = 3  # the FTS5 tables keep prefix indexes of 2 and 3 characters
_STREAM_BATCH = 2000
_MATCH_SLICE_CHARS = 24_000  # of a group_concat of ids: about 4,000 ids


def _nocase(value: object) -> object:
    """SQLite's NOCASE collation: ASCII letters folded, everything else compared as is."""
    return value.translate(_ASCII_LOWER) if isinstance(value, str) else value


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


class AgreementSearch:
    """Runs agreement queries on one database connection."""

    def __init__(self, db: Database):
        self.db = db
        self._started = db.interrupts
        # The ids of the last text matched, for the next page and the count of the same search:
        # (expression, PRAGMA data_version when matched, ids). data_version changes when another
        # connection commits, so an edit made meanwhile is never hidden by the cache.
        self._last_match: tuple[str, int, set[int]] | None = None

    # ------------------------------------------------------------------ planning

    def expand(self, text: str | None) -> Expansion:
        """The MATCH expression for a user query: the same matching as "find anything" (desktop.data.find),
        shaped for the table's speed.

        Each typed word is the OR of its forms by prefix and its transliteration key (Tokaev finds Токаев).
        A number is itself only ("20" does not find 2024). A single letter is the one-letter word only; a
        prefix of two or three letters uses the FTS5 prefix index; a longer one becomes the OR of the index
        terms it begins (word forms whose stem is also in the set are dropped: the stem's doclist already
        holds them). Only a prefix that begins very many terms stays a prefix query. A query that names
        something the alias data knows by other names ("Nur-Sultan", "SOCAR") takes the finder's expression,
        with those names OR-ed in.
        """
        words = query_words(text)
        if not words:
            # Nothing typed: no text filter. Something typed that holds no word ("%", "_", a bare
            # "AND", "*", a quote): it matches nothing, never everything.
            return Expansion(None, empty=bool(text and text.strip()))
        from desktop.data.aliases import expansions  # (not on the window's start path)
        from desktop.data.wordforms import read_query

        try:
            words = read_query(self.db.conn, text, words)  # Kazakh word forms read as their bases
        except sqlite3.OperationalError as exc:
            _raise_cancelled(exc)
        if expansions(self.db.conn, text or "", words):
            from desktop.data.find import Finder  # (it builds on this module's neighbours, not on it)

            expr = Finder(self.db).plan(text).expression
            return Expansion(expr, cheap_probes=False, terms=(expr or "").count('"') // 2)
        groups: list[str] = []
        cheap = True
        count = 0
        estimate = float("inf")
        for word in words:
            terms, docs, word_cheap = self._word_terms(word)
            if not terms:
                return Expansion(None, empty=True)
            cheap = cheap and word_cheap
            count += len(terms)
            estimate = min(estimate, docs)
            groups.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
        exact = len(groups) == 1 and count == 1 and not groups[0].endswith("*")
        return Expansion(" AND ".join(groups), False, cheap, count, estimate, exact)

    def _word_terms(self, word: QueryWord) -> tuple[list[str], float, bool]:
        """The FTS5 terms one typed word stands for, how many documents they hold at most (infinite when a
        prefix query is left to FTS5), and whether they are cheap (no prefix query over very many terms)."""
        prefix = word.prefix
        terms: list[str] = []
        docs = 0.0
        cheap = True
        if word.text.isdigit() or len(prefix) == 1:
            # A number is itself only. No index serves a one-letter prefix (FTS5 would merge every term's
            # doclist: 9 s at 100,000 agreements), so a single letter stands for the one-letter word.
            exact = word.text if word.text.isdigit() else prefix
            found = _run(self.db, "SELECT docs FROM search_terms WHERE term = ? AND docs > 0", (exact,))
            if found:
                terms.append(f'"{exact}"')
                docs += found[0][0]
        elif len(prefix) <= _PREFIX_INDEX_MAX:
            terms.append(f'"{prefix}"*')
            docs = float("inf")
        else:
            found = _run(
                self.db, "SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? AND docs > 0 "
                         "ORDER BY term LIMIT ?",
                (prefix, prefix + "\U0010ffff", _EXPANSION_LIMIT + 1))
            if len(found) > _EXPANSION_LIMIT:
                terms.append(f'"{prefix}"*')
                docs, cheap = float("inf"), False
            elif found:
                counts = dict(found)
                kept = [t for t in counts if not ((st := stem_word(t)) != t and st in counts)]
                terms += [f'"{t}"' for t in kept]
                docs += sum(counts[t] for t in kept)
        for key in word.keys:
            # A key (Tokaev -> Токаев) only where it can add agreements: when it is in more of them than the
            # typed word's own terms are. Where every spelling is the typed one ("cooperation"), a second term
            # would only double the cost of the probes.
            found = _run(self.db, "SELECT docs FROM search_terms WHERE term = ? AND docs > 0", (key,))
            if found and found[0][0] > docs:
                terms.append(f'"{key}"')
                docs += found[0][0]
        return terms, docs, cheap

    def finds(self, q: AgreementQuery, agreement_id: int) -> bool:
        """Whether the query finds this agreement: a point lookup, so that the table keeps a selection only
        while its row is in the result, also beyond the pages loaded so far."""
        exp = self.expand(q.text)
        if exp.empty:
            return False
        where, params = _filters(q)
        where, params = ["a.id = ?", *where], [int(agreement_id), *params]
        if not q.include_alternatives:
            where.append(_NOT_ALTERNATIVE)
        if exp.expr is not None:
            where.append(_FTS_PROBE)
            params.append(exp.expr)
        return bool(_run(self.db, "SELECT 1 FROM agreement_keys a WHERE " + " AND ".join(where), params))

    def text_match_count(self, match: str) -> int:
        return _count(self.db, "SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH ?", (match,))

    def _row_count_estimate(self) -> int:
        return _run(self.db, "SELECT coalesce(max(id), 0) FROM agreement_keys", ())[0][0] or 1

    # ------------------------------------------------------------------ the query

    def _run_query(self, q: AgreementQuery, after: Cursor | None, limit: int, want_total: bool
                   ) -> tuple[list[int], Cursor | None, str, int | None]:
        self._started = self.db.interrupts
        if q.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {q.sort!r}")
        limit = max(1, min(int(limit), 10_000))
        exp = self.expand(q.text)
        sort = q.sort
        if exp.empty:
            return [], None, "date" if sort == "relevance" else sort, 0
        where, params = _filters(q)
        if exp.expr is None:
            if sort == "relevance":
                sort = "date"
            table, hidden = _table(sort)
            alt_where = [] if q.include_alternatives else [hidden]
            ids, nxt = self._index_page(q, sort, where + alt_where, params, after, limit)
            total = self._count_plain(q, where, params) if want_total else None
            return ids, nxt, sort, total
        alt_where = [] if q.include_alternatives else [_NOT_ALTERNATIVE]

        # The term counts bound the match set: a small one needs no separate count.
        # A single exact term's document count (kept by the triggers) is its match count.
        if exp.estimate <= SMALL_MATCH or exp.exact:
            matches = int(exp.estimate)
        else:
            matches = self.text_match_count(exp.expr)
        if matches <= SMALL_MATCH:
            # A small match set is fetched whole and sorted: one query gives the page and the total.
            if sort == "relevance" and matches <= RELEVANCE_LIMIT:
                ids, nxt, sort = self._relevance_page(exp.expr, where + alt_where, params, after, limit)
                total = self._count_small(exp.expr, where + alt_where, params) if want_total else None
                return ids, nxt, sort, total
            if sort == "relevance":
                sort = "date"
            key = _sort_expression(sort, q.lang)
            table, hidden = _table(sort)
            conds = ["agreements_fts MATCH ?", *where] + ([] if q.include_alternatives else [hidden])
            rows = _run(self.db,
                        f"SELECT a.id, {key} FROM agreements_fts f CROSS JOIN {table} ON a.id = f.rowid "
                        "WHERE " + " AND ".join(conds), [exp.expr, *params])
            ids, nxt = _sorted_page(rows, sort, q.descending, after, limit)
            return ids, nxt, sort, len(rows)
        if sort == "relevance":
            sort = "date"

        rows_estimate = self._row_count_estimate()
        probes = min(rows_estimate, limit * rows_estimate / matches)
        probe_cost = probes * _PROBE_US_PER_TERM * exp.terms if exp.cheap_probes else float("inf")
        set_cost = matches * _SET_US_PER_MATCH + probes * _STREAM_US_PER_ROW
        table, hidden = _table(sort)
        if not q.include_alternatives:
            alt_where = [hidden]
        if not where and probe_cost <= set_cost:
            # Many dense matches: walk the sort index and keep the rows the text matches.
            ids, nxt = self._index_page(q, sort, alt_where + [_FTS_PROBE], [exp.expr], after, limit, probe_last=True)
            total = None
            if want_total:
                total = matches
                if not q.include_alternatives:
                    total -= _run(self.db, f"SELECT count(*) FROM agreement_keys a WHERE a.hidden = 1 AND {_FTS_PROBE}",
                                  [exp.expr])[0][0]
            return ids, nxt, sort, total
        # Otherwise take the match set as ids and check the sort-ordered candidates against it; the
        # filters are left to SQL's own plan, with no FTS probe in it.
        match_ids = self._match_set(exp.expr)
        ids, nxt = self._stream_page(q, sort, where + alt_where, params, after, limit, match_ids)
        total = None
        if want_total:
            if where:
                total = self._stream_count(where + ([] if q.include_alternatives else [_NOT_ALTERNATIVE]),
                                           params, match_ids)
            else:
                total = len(match_ids) - len(match_ids & self._alternative_ids(q))
        return ids, nxt, sort, total

    def _match_set(self, expr: str) -> set[int]:
        """The ids the text matches (one aggregated string: much cheaper than a row per id)."""
        version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._last_match is not None and self._last_match[:2] == (expr, version):
            return self._last_match[2]
        out = self._parse_match_set(expr)
        self._last_match = (expr, version, out)
        return out

    def _parse_match_set(self, expr: str) -> set[int]:
        joined = _run(self.db, "SELECT group_concat(rowid) FROM agreements_fts WHERE agreements_fts MATCH ?",
                      (expr,))[0][0]
        out: set[int] = set()
        if not joined:
            return out
        # Parsed in slices of about 4,000 ids: each slice is one C call that holds the GIL (~0.3 ms), so
        # the UI thread painting meanwhile never waits long for it, and interrupt() is seen between them.
        pos, end = 0, len(joined)
        while pos < end:
            self.db.check_interrupt(self._started)
            self.db.pause_point()  # (waits here while the window paints: a slice is a C call holding the GIL)
            stop = joined.find(",", pos + _MATCH_SLICE_CHARS)
            if stop < 0:
                stop = end
            out.update(map(int, joined[pos:stop].split(",")))
            pos = stop + 1
        return out

    def _count_small(self, expr: str, where: list[str], params: list[object]) -> int:
        return _count(self.db, "SELECT count(*) FROM agreements_fts f CROSS JOIN agreement_keys a ON a.id = f.rowid "
                      "WHERE " + " AND ".join(["agreements_fts MATCH ?", *where]), [expr, *params])

    def _keyset(self, key: str, descending: bool, after: Cursor | None) -> tuple[list[str], list[object]]:
        if after is None or after.id is None:
            return [], []
        cmp = "<" if descending else ">"
        # Written so that the sort index serves it as a range (a row-value comparison is scanned).
        return [f"{key} {cmp}= ? AND ({key} {cmp} ? OR a.id {cmp} ?)"], [after.value, after.value, after.id]

    def _index_page(self, q: AgreementQuery, sort: str, where: list[str], params: list[object],
                    after: Cursor | None, limit: int, probe_last: bool = False) -> tuple[list[int], Cursor | None]:
        key = _sort_expression(sort, q.lang)
        direction = "DESC" if q.descending else "ASC"
        keyset, keyset_params = self._keyset(key, q.descending, after)
        if probe_last:  # keep the FTS probe (and its parameter) after the keyset condition
            conds = [*where[:-1], *keyset, where[-1]]
            all_params = [*params[:-1], *keyset_params, params[-1], limit + 1]
        else:
            conds = [*where, *keyset]
            all_params = [*params, *keyset_params, limit + 1]
        sql = (f"SELECT a.id, {key} FROM {_table(sort)[0]}" + (" WHERE " + " AND ".join(conds) if conds else "")
               + f" ORDER BY {key} {direction}, a.id {direction} LIMIT ?")
        rows = _run(self.db, sql, all_params)
        return _page_of(rows, limit)

    def _stream_page(self, q: AgreementQuery, sort: str, where: list[str], params: list[object],
                     after: Cursor | None, limit: int, match_ids: set[int]) -> tuple[list[int], Cursor | None]:
        key = _sort_expression(sort, q.lang)
        direction = "DESC" if q.descending else "ASC"
        keyset, keyset_params = self._keyset(key, q.descending, after)
        conds = [*where, *keyset]
        sql = (f"SELECT a.id, {key} FROM {_table(sort)[0]}" + (" WHERE " + " AND ".join(conds) if conds else "")
               + f" ORDER BY {key} {direction}, a.id {direction}")
        kept: list[tuple[Any, ...]] = []
        try:
            cursor = self.db.conn.execute(sql, [*params, *keyset_params])
            while len(kept) <= limit:
                self.db.check_interrupt(self._started)
                self.db.pause_point()
                batch = cursor.fetchmany(_STREAM_BATCH)
                if not batch:
                    break
                kept.extend(r for r in batch if r[0] in match_ids)
            cursor.close()
        except sqlite3.OperationalError as exc:
            _raise_cancelled(exc)
        return _page_of(kept, limit)

    def _stream_count(self, where: list[str], params: list[object], match_ids: set[int]) -> int:
        sql = "SELECT a.id FROM agreement_keys a WHERE " + " AND ".join(where)
        total = 0
        try:
            cursor = self.db.conn.execute(sql, params)
            while batch := cursor.fetchmany(_STREAM_BATCH):
                self.db.check_interrupt(self._started)
                self.db.pause_point()
                total += sum(1 for r in batch if r[0] in match_ids)
        except sqlite3.OperationalError as exc:
            _raise_cancelled(exc)
        return total

    def _relevance_page(self, expr: str, where: list[str], params: list[object], after: Cursor | None,
                        limit: int) -> tuple[list[int], Cursor | None, str]:
        offset = after.offset if after and after.offset else 0
        sql = ("SELECT a.id FROM agreements_fts f CROSS JOIN agreement_keys a ON a.id = f.rowid "
               "WHERE agreements_fts MATCH ?" + "".join(f" AND {w}" for w in where) +
               " ORDER BY bm25(agreements_fts, 4.0, 1.0), a.id LIMIT ? OFFSET ?")
        rows = _run(self.db, sql, [expr, *params, limit + 1, offset])
        nxt = Cursor(offset=offset + limit) if len(rows) > limit else None
        return [r[0] for r in rows[:limit]], nxt, "relevance"

    def _alternative_ids(self, q: AgreementQuery) -> set[int]:
        if q.include_alternatives:
            return set()
        return {r[0] for r in _run(self.db, "SELECT id FROM agreement_keys WHERE hidden = 1", ())}

    def _count_plain(self, q: AgreementQuery, where: list[str], params: list[object]) -> int:
        conds = where + ([] if q.include_alternatives else [_NOT_ALTERNATIVE])
        sql = "SELECT count(*) FROM agreement_keys a" + (" WHERE " + " AND ".join(conds) if conds else "")
        return _count(self.db, sql, params)

    # ------------------------------------------------------------------ public API

    def count(self, q: AgreementQuery) -> int:
        """How many agreements the query finds (alternatives excluded unless asked for)."""
        return self._run_query(q, None, 1, True)[3] or 0  # (asked for, the total is always counted)

    def page(self, q: AgreementQuery, after: Cursor | None = None, limit: int = PAGE_SIZE) -> Page:
        """One page of ids in the query's order, starting after ``after``."""
        ids, nxt, sort, _ = self._run_query(q, after, limit, False)
        return Page(ids, nxt, sort)

    def search(self, q: AgreementQuery, limit: int = PAGE_SIZE, *, with_rows: bool = False) -> SearchResult:
        """The first page of ids and the total, as the table shows them."""
        ids, nxt, sort, total = self._run_query(q, None, limit, True)
        rows = self.rows(ids, lang=q.lang) if with_rows else []
        return SearchResult(ids, total or 0, nxt, sort, rows)

    def all_ids(self, q: AgreementQuery, chunk: int = 5000) -> list[int]:
        """Every id of the query, in order (for exports; fetched page by page)."""
        out: list[int] = []
        after = None
        while True:
            page = self.page(q, after, chunk)
            out.extend(page.ids)
            if page.next is None:
                return out
            after = page.next

    def signature_years(self) -> tuple[int | None, int | None]:
        """The first and the last year an agreement was signed in (None where no agreement has a date): two
        lookups in the date index, not a scan."""
        # the index is on coalesce(date_signed, ''): unknown dates sort first, as ''
        first = _run(self.db, "SELECT min(coalesce(date_signed, '')) FROM agreement_keys "
                              "WHERE coalesce(date_signed, '') > ''", ())[0][0]
        last = _run(self.db, "SELECT max(coalesce(date_signed, '')) FROM agreement_keys", ())[0][0]
        return (int(first[:4]) if first else None), (int(last[:4]) if last else None)

    # ------------------------------------------------------------------ rows

    def rows(self, ids: Sequence[int], *, lang: str = "en") -> list[AgreementRow]:
        """Rows for the given ids, in the same order (unknown ids are skipped)."""
        if not ids:
            return []
        found: dict[int, AgreementRow] = {}
        for start in range(0, len(ids), 500):
            chunk = [int(i) for i in ids[start:start + 500]]
            sql = f"""
                SELECT a.id, a.uid, a.date_signed,
                       (SELECT group_concat(iso3, ';') FROM (SELECT p.iso3 FROM agreement_partners ap
                            JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = a.id
                            ORDER BY ap.position)),
                       a.title_en, a.title_ru, a.title_kk, a.summary_en, a.summary_ru,
                       a.doc_type, a.level,
                       (SELECT group_concat(sector, ';') FROM (SELECT s.sector FROM agreement_sectors s
                            WHERE s.agreement_id = a.id ORDER BY s.sector)),
                       a.status, a.doc_count, a.event_id, e.title_en, e.title_ru,
                       EXISTS (SELECT 1 FROM conflict_members cm WHERE cm.record_type = 'agreement'
                               AND cm.record_id = a.id AND cm.is_preferred = 0), a.title_ru_working,
                       a.title_kk_working
                FROM agreements a LEFT JOIN events e ON e.id = a.event_id
                WHERE a.id IN ({_in(chunk)})"""
            for n, r in enumerate(_run(self.db, sql, chunk)):
                if n % 50 == 0:
                    self.db.pause_point()
                found[r[0]] = AgreementRow(
                    id=r[0], uid=r[1], date_signed=r[2], partners=tuple((r[3] or "").split(";")) if r[3] else (),
                    title_en=r[4], title_ru=r[5], title_kk=r[6], summary_en=r[7], summary_ru=r[8],
                    doc_type=r[9], level=r[10], sectors=tuple(r[11].split(";")) if r[11] else (),
                    status=r[12], doc_count=r[13], event_id=r[14], event_title_en=r[15], event_title_ru=r[16],
                    is_alternative=bool(r[17]), title_ru_working=r[18], title_kk_working=r[19],
                )
        return [found[i] for i in ids if i in found]

    def raw_fts(self, match: str, limit: int = PAGE_SIZE) -> tuple[list[int], int]:
        """The plain FTS5 query of the same meaning (first page in rowid order, and the count).

        Used by the benchmark as the yardstick for :meth:`search`.
        """
        ids = [r[0] for r in _run(self.db, "SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ? LIMIT ?",
                                  (match, limit))]
        return ids, self.text_match_count(match)
