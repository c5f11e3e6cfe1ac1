"""The agreements query: full text + filters + sort + keyset paging, returning ids, a total and rows.

Query shapes follow what was measured on these machines (shared/design/PERFORMANCE.md):

* Relevance (bm25) ranking only when the match set is small; otherwise a fixed order
  (date by default) that an index delivers in under a millisecond.
* A small match set drives the query from the FTS5 table; a large one drives it from the sort
  index, with a correlated ``EXISTS`` probe into FTS5 per candidate row.
* The total is counted separately; non-preferred members of conflict groups (alternatives) are
  subtracted from it with a query over the conflict table, which is tiny.
* Pages are fetched by keyset (the last row's sort value and id), never by OFFSET, so the 500th
  page costs what the first does.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from desktop.core.records import AgreementRow
from desktop.core.text import match_expression
from desktop.data.database import Cancelled, Database

SORT_KEYS = ("date", "partner", "title", "doc_type", "level", "sectors", "status", "event", "count", "relevance")
PAGE_SIZE = 200
# Up to this many text matches the query is driven from the FTS index (and may be ranked).
SMALL_MATCH = 4000
RELEVANCE_LIMIT = 2000

_NOT_ALTERNATIVE = (
    "NOT EXISTS (SELECT 1 FROM conflict_members cm WHERE cm.record_type = 'agreement' "
    "AND cm.record_id = a.id AND cm.is_preferred = 0)"
)
_FTS_PROBE = "EXISTS (SELECT 1 FROM agreements_fts f WHERE agreements_fts MATCH ? AND f.rowid = a.id)"


@dataclass(frozen=True)
class AgreementQuery:
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

    def with_(self, **changes: object) -> AgreementQuery:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last row's sort value and id, or an offset (relevance)."""

    value: object = None
    id: int | None = None
    offset: int | None = None


@dataclass
class Page:
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
        name = "p.name_ru" if lang == "ru" else "p.name_en"
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
    if q.year_from is not None:
        where.append("coalesce(a.date_signed, '') >= ?")
        params.append(f"{int(q.year_from):04d}")
    if q.year_to is not None:
        where.append("coalesce(a.date_signed, '') < ?")
        params.append(f"{int(q.year_to) + 1:04d}")
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


def _run(db: Database, sql: str, params: Sequence[object]) -> list[tuple]:
    try:
        return db.conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise Cancelled("The search was cancelled.") from exc
        raise


class AgreementSearch:
    """Runs agreement queries on one database connection."""

    def __init__(self, db: Database):
        self.db = db

    # ------------------------------------------------------------------ counting

    def text_match_count(self, match: str) -> int:
        return _run(self.db, "SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH ?", (match,))[0][0]

    def count(self, q: AgreementQuery, *, _match_count: int | None = None) -> int:
        """How many agreements the query finds (alternatives excluded unless asked for)."""
        match = match_expression(q.text)
        where, params = _filters(q)
        if match is None:
            total_sql = "SELECT count(*) FROM agreements a" + (" WHERE " + " AND ".join(where) if where else "")
            total = _run(self.db, total_sql, params)[0][0]
        elif not where:
            total = _match_count if _match_count is not None else self.text_match_count(match)
        else:
            n = _match_count if _match_count is not None else self.text_match_count(match)
            if n <= SMALL_MATCH:
                sql = ("SELECT count(*) FROM agreements_fts f CROSS JOIN agreements a ON a.id = f.rowid "
                       "WHERE agreements_fts MATCH ? AND " + " AND ".join(where))
            else:
                sql = ("SELECT count(*) FROM agreements a WHERE " + " AND ".join(where) +
                       " AND a.id IN (SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ?)")
            total = _run(self.db, sql, [match, *params] if n <= SMALL_MATCH else [*params, match])[0][0]
        if not q.include_alternatives:
            alt_where = ["cm.record_type = 'agreement'", "cm.is_preferred = 0", *where]
            alt_params = list(params)
            if match is not None:
                alt_where.append(_FTS_PROBE)
                alt_params.append(match)
            alt_sql = ("SELECT count(*) FROM conflict_members cm JOIN agreements a ON a.id = cm.record_id WHERE "
                       + " AND ".join(alt_where))
            total -= _run(self.db, alt_sql, alt_params)[0][0]
        return total

    # ------------------------------------------------------------------ paging

    def page(self, q: AgreementQuery, after: Cursor | None = None, limit: int = PAGE_SIZE, *,
             _match_count: int | None = None) -> Page:
        """One page of ids in the query's order, starting after ``after``."""
        if q.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {q.sort!r}")
        limit = max(1, min(int(limit), 10_000))
        match = match_expression(q.text)
        where, params = _filters(q)
        if not q.include_alternatives:
            where.append(_NOT_ALTERNATIVE)
        n = None
        if match is not None:
            n = _match_count if _match_count is not None else self.text_match_count(match)
        sort = q.sort
        if sort == "relevance" and (match is None or n is None or n > RELEVANCE_LIMIT):
            sort = "date"
        if sort == "relevance":
            offset = after.offset if after and after.offset else 0
            sql = ("SELECT a.id FROM agreements_fts f CROSS JOIN agreements a ON a.id = f.rowid "
                   "WHERE agreements_fts MATCH ?" + "".join(f" AND {w}" for w in where) +
                   " ORDER BY bm25(agreements_fts, 4.0, 1.0), a.id LIMIT ? OFFSET ?")
            rows = _run(self.db, sql, [match, *params, limit + 1, offset])
            ids = [r[0] for r in rows[:limit]]
            nxt = Cursor(offset=offset + limit) if len(rows) > limit else None
            return Page(ids, nxt, sort)

        key = _sort_expression(sort, q.lang)
        direction = "DESC" if q.descending else "ASC"
        cmp = "<" if q.descending else ">"
        keyset: list[str] = []
        keyset_params: list[object] = []
        if after is not None and after.id is not None:
            # Written so that the sort index serves it as a range (a row-value comparison is scanned).
            keyset.append(f"{key} {cmp}= ? AND ({key} {cmp} ? OR a.id {cmp} ?)")
            keyset_params += [after.value, after.value, after.id]
        order = f" ORDER BY {key} {direction}, a.id {direction} LIMIT ?"
        select = f"SELECT a.id, {key} FROM "
        if match is None:
            conds = where + keyset
            sql = select + "agreements a" + (" WHERE " + " AND ".join(conds) if conds else "") + order
            all_params = [*params, *keyset_params, limit + 1]
        elif n is not None and n <= SMALL_MATCH:
            conds = ["agreements_fts MATCH ?", *where, *keyset]
            sql = select + "agreements_fts f CROSS JOIN agreements a ON a.id = f.rowid WHERE " + " AND ".join(conds) + order
            all_params = [match, *params, *keyset_params, limit + 1]
        else:
            conds = [*where, *keyset, _FTS_PROBE]
            sql = select + "agreements a WHERE " + " AND ".join(conds) + order
            all_params = [*params, *keyset_params, match, limit + 1]
        rows = _run(self.db, sql, all_params)
        ids = [r[0] for r in rows[:limit]]
        nxt = Cursor(value=rows[limit - 1][1], id=rows[limit - 1][0]) if len(rows) > limit else None
        return Page(ids, nxt, sort)

    def search(self, q: AgreementQuery, limit: int = PAGE_SIZE, *, with_rows: bool = False) -> SearchResult:
        """The first page of ids and the total, as the table shows them."""
        match = match_expression(q.text)
        n = self.text_match_count(match) if match is not None else None
        page = self.page(q, None, limit, _match_count=n)
        total = self.count(q, _match_count=n)
        rows = self.rows(page.ids, lang=q.lang) if with_rows else []
        return SearchResult(page.ids, total, page.next, page.sort, rows)

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
                               AND cm.record_id = a.id AND cm.is_preferred = 0)
                FROM agreements a LEFT JOIN events e ON e.id = a.event_id
                WHERE a.id IN ({_in(chunk)})"""
            for r in _run(self.db, sql, chunk):
                found[r[0]] = AgreementRow(
                    id=r[0], uid=r[1], date_signed=r[2], partners=tuple((r[3] or "").split(";")) if r[3] else (),
                    title_en=r[4], title_ru=r[5], title_kk=r[6], summary_en=r[7], summary_ru=r[8],
                    doc_type=r[9], level=r[10], sectors=tuple(r[11].split(";")) if r[11] else (),
                    status=r[12], doc_count=r[13], event_id=r[14], event_title_en=r[15], event_title_ru=r[16],
                    is_alternative=bool(r[17]),
                )
        return [found[i] for i in ids if i in found]

    def raw_fts(self, match: str, limit: int = PAGE_SIZE) -> tuple[list[int], int]:
        """The plain FTS5 query of the same meaning (first page in rowid order, and the count).

        Used by the benchmark as the yardstick for :meth:`search`.
        """
        ids = [r[0] for r in _run(self.db, "SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ? LIMIT ?",
                                  (match, limit))]
        return ids, self.text_match_count(match)
