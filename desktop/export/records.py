"""Records in their file form (desktop.export.fileformat), read straight from SQL in batches.

One query per batch of 1,000 ids reads a kind's rows with their references as uids and their link tables
(partners, sectors, sources) joined into "; "-separated lists in SQL, so an export of 100,000 agreements costs
100 statements, not one per row. Rows are yielded as dicts whose keys are exactly ``COLUMNS[kind]``, in order.

Every batch is its own statement: an edit committed while an export runs may show in the later batches only.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

from desktop.core.errors import AtlasError
from desktop.core.records import RowValues
from desktop.core.routes import RouteError, parse_route
from desktop.core.validation import FIELDS
from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import Database
from desktop.data.editing import TABLES
from desktop.export.fileformat import COLUMNS, EXPORT_KINDS, LIST_SEPARATOR, REFERENCE_COLUMNS

BATCH = 1000
# kinds whose records name a partner: a list of partners, or one partner in partner_id
PARTNER_KINDS = ("agreement", "event", "trade", "target", "fact", "partner")
_PARTNER_LINKS = {"agreement": ("agreement_partners", "agreement_id"), "event": ("event_partners", "event_id")}
_SEP = LIST_SEPARATOR.replace("'", "''")


class RecordsError(AtlasError):
    """An export that cannot select its records as asked (unknown kind, a partner filter on a kind without one)."""


def _list_sql(inner: str) -> str:
    """A subquery joining the single column of ``inner`` (which keeps its ORDER BY) into one text."""
    return f"(SELECT group_concat(v, '{_SEP}') FROM ({inner}))"


def _column_sql(kind: str, field: str) -> str:
    """The SQL expression (on alias ``t``) of one form field in its file form."""
    if field in REFERENCE_COLUMNS:
        table = TABLES[REFERENCE_COLUMNS[field][1]]
        return f"(SELECT r.uid FROM {table} r WHERE r.id = t.{field})"
    if field == "partner_iso3":
        return "(SELECT p.iso3 FROM partners p WHERE p.id = t.partner_id)"
    if field == "partners":
        link, column = _PARTNER_LINKS[kind]
        return _list_sql(f"SELECT p.iso3 AS v FROM {link} l JOIN partners p ON p.id = l.partner_id "
                         f"WHERE l.{column} = t.id ORDER BY l.position, p.iso3")
    if field == "sectors":
        return _list_sql("SELECT s.sector AS v FROM agreement_sectors s WHERE s.agreement_id = t.id ORDER BY s.sector")
    if field == "sources":
        return _list_sql(f"SELECT s.uid AS v FROM record_sources rs JOIN sources s ON s.id = rs.source_id "
                         f"WHERE rs.record_type = '{kind}' AND rs.record_id = t.id ORDER BY rs.position, rs.source_id")
    return f"t.{field}"


def select_sql(kind: str) -> str:
    """The SELECT of a kind's file form: the id, then ``COLUMNS[kind]`` in order (without the WHERE clause)."""
    _check_kind(kind)
    exprs = ["t.id", "t.uid", *(_column_sql(kind, spec.name) for spec in FIELDS[kind])]
    return f"SELECT {', '.join(exprs)} FROM {TABLES[kind]} t"


def _check_kind(kind: str) -> None:
    if kind not in EXPORT_KINDS:
        raise RecordsError(f"Unknown record kind “{kind}”. Known kinds: {', '.join(EXPORT_KINDS)}.")


def _partner_condition(kind: str) -> str:
    """A condition on ``t`` that keeps the records of the partner given as the one parameter (ISO3)."""
    if kind in _PARTNER_LINKS:
        link, column = _PARTNER_LINKS[kind]
        return (f"t.id IN (SELECT l.{column} FROM {link} l JOIN partners p ON p.id = l.partner_id "
                "WHERE p.iso3 = ?)")
    if kind == "partner":
        return "t.iso3 = ?"
    return "t.partner_id = (SELECT p.id FROM partners p WHERE p.iso3 = ?)"


def select_ids(db: Database, kind: str, *, query: AgreementQuery | None = None, partner: str | None = None,
               ids: Sequence[int] | None = None) -> list[int]:
    """The ids an export writes, in its order.

    ``ids`` gives them outright (unknown ids are dropped later); else for agreements ``query`` gives the
    current view's ids in its order (alternatives as the query says); else every record of the kind by id.
    ``partner`` (ISO3) keeps the records of that partner only, in the same order.
    """
    _check_kind(kind)
    if query is not None and kind != "agreement":
        raise RecordsError("Only agreements can be exported by a search query.")
    table = TABLES[kind]
    code = partner.strip().upper() if partner else None
    if code is not None:
        if kind not in PARTNER_KINDS:
            raise RecordsError(f"Records of the kind “{kind}” belong to no partner: they cannot be filtered by one.")
        if db.conn.execute("SELECT 1 FROM partners WHERE iso3 = ?", (code,)).fetchone() is None:
            known = ", ".join(r[0] for r in db.conn.execute("SELECT iso3 FROM partners ORDER BY iso3"))
            raise RecordsError(f"No partner has the code “{partner}”. Known partners: {known}.")
    if ids is not None:
        chosen = [int(i) for i in ids]
    elif query is not None:
        chosen = AgreementSearch(db).all_ids(query)
    else:
        sql = f"SELECT t.id FROM {table} t"
        params: tuple[str, ...] = ()
        if code is not None:
            sql += f" WHERE {_partner_condition(kind)}"
            params = (code,)
        return [r[0] for r in db.conn.execute(sql + " ORDER BY t.id", params)]
    if code is not None:
        keep = {r[0] for r in db.conn.execute(f"SELECT t.id FROM {table} t WHERE {_partner_condition(kind)}", (code,))}
        chosen = [i for i in chosen if i in keep]
    return chosen


def count_rows(db: Database, kind: str, *, query: AgreementQuery | None = None, partner: str | None = None,
               ids: Sequence[int] | None = None) -> int:
    """How many rows :func:`export_rows` gives for the same arguments (for a progress bar)."""
    if ids is None and query is None and partner is None:
        _check_kind(kind)
        return int(db.conn.execute(f"SELECT count(*) FROM {TABLES[kind]}").fetchone()[0])
    if ids is None and query is not None and partner is None:
        return AgreementSearch(db).count(query)
    chosen = select_ids(db, kind, query=query, partner=partner, ids=ids)
    if ids is None:
        return len(chosen)
    return sum(len(batch) for batch in _existing(db, kind, chosen))


def _existing(db: Database, kind: str, ids: list[int]) -> Iterator[list[int]]:
    table = TABLES[kind]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found = {r[0] for r in db.conn.execute(f"SELECT id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                                               chunk)}
        yield [i for i in chunk if i in found]


def _batches(db: Database, kind: str, ids: list[int]) -> Iterator[list[tuple[Any, ...]]]:
    """The file-form rows of ``ids`` (without the leading id), batch by batch, in the order of ``ids``."""
    sql = select_sql(kind)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        if chunk[-1] - chunk[0] == len(chunk) - 1 and all(a < b for a, b in pairwise(chunk)):
            # every id of a range, in order (an export of everything): a rowid range scan gives them as they come
            rows = db.conn.execute(f"{sql} WHERE t.id BETWEEN ? AND ? ORDER BY t.id", (chunk[0], chunk[-1]))
            yield [r[1:] for r in rows]
            continue
        found = {r[0]: r[1:] for r in db.conn.execute(f"{sql} WHERE t.id IN ({', '.join('?' * len(chunk))})", chunk)}
        yield [found[i] for i in chunk if i in found]


def export_rows(db: Database, kind: str, *, query: AgreementQuery | None = None, partner: str | None = None,
                ids: Sequence[int] | None = None) -> Iterator[RowValues]:
    """The records of a kind in their file form: dicts with the keys ``COLUMNS[kind]``, in order.

    References are the uids of the records named, partners ISO3 codes, sources source uids; lists are joined
    with ``LIST_SEPARATOR`` (an empty list is None); ``is_focus`` is a bool; other values are as stored (None
    stays None). See :func:`select_ids` for ``query``, ``partner`` and ``ids``.
    """
    chosen = select_ids(db, kind, query=query, partner=partner, ids=ids)
    columns = COLUMNS[kind]
    focus = columns.index("is_focus") if kind == "partner" else None
    for batch in _batches(db, kind, chosen):
        if focus is None:
            yield from (dict(zip(columns, r, strict=True)) for r in batch)
        else:
            for r in batch:
                row = dict(zip(columns, r, strict=True))
                row["is_focus"] = bool(row["is_focus"])
                yield row


def node_coordinates(db: Database) -> dict[str, tuple[float, float]]:
    """Node uid -> (lon, lat) for every node placed on the map."""
    return {r[0]: (r[1], r[2]) for r in db.conn.execute(
        "SELECT uid, lon, lat FROM nodes WHERE lon IS NOT NULL AND lat IS NOT NULL")}


def export_features(db: Database, kind: str, *, ids: Sequence[int] | None = None
                    ) -> Iterator[tuple[RowValues, list[tuple[float, float]] | None]]:
    """Nodes or segments in file form with their coordinates, (lon, lat) pairs: one for a node; for a segment its
    first end, the points of its route (desktop.core.routes) and its second end; None when the node, or an end of
    the segment, has no coordinates."""
    if kind not in ("node", "segment"):
        raise RecordsError(f"Only nodes and segments have a place on the map, not records of the kind “{kind}”.")
    if kind == "node":
        for row in export_rows(db, kind, ids=ids):
            lat, lon = row["lat"], row["lon"]
            yield row, (None if lat is None or lon is None else [(lon, lat)])
        return
    places = node_coordinates(db)
    for row in export_rows(db, kind, ids=ids):
        start, end = places.get(row["from_node"]), places.get(row["to_node"])
        if start is None or end is None:
            yield row, None
            continue
        try:
            middle = [(p.lon, p.lat) for p in parse_route(row.get("route"))]
        except RouteError:  # (the form and the build refuse such a route)
            middle = []
        yield row, [start, *middle, end]
