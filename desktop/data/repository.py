"""Read access to the reference records. Returns small immutable records (desktop.core.records), never Qt objects."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.core.records import (
    AgreementRow,
    Alternative,
    Corridor,
    Event,
    Fact,
    Label,
    Mechanism,
    Node,
    Partner,
    Project,
    Segment,
    Source,
    Target,
    TradeFigure,
)
from desktop.core.text import match_expression
from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import Database, DatabaseError, examine, open_database, open_snapshot
from desktop.data.documents import TABLE_OF
from desktop.data.fileidentity import settle_wal
from desktop.data.migrations import RECORD_TABLES

VOCABULARIES = (
    "doc_types", "agreement_levels", "agreement_statuses", "sectors", "event_kinds", "node_kinds",
    "transport_modes", "segment_statuses", "project_statuses",
)

_PREFERRED = (
    "(SELECT cm.is_preferred FROM conflict_members cm WHERE cm.record_type = '{kind}' AND cm.record_id = {alias}.id)"
)


class ReopenFailed(DatabaseError):
    """The file to reopen passed the look before opening but could not be opened after the open database had let
    go of its own (it changed again meanwhile, or its folder cannot be written to upgrade it). The Database now
    reads ``fallback``, the copy of what was open, as a read-only snapshot; ``reason`` says why the file could
    not be opened."""

    def __init__(self, path: Path, fallback: Path, reason: str):
        super().__init__(f"{path} could not be opened: {reason} What was open before is read from the copy "
                         f"{fallback} now, read-only.", reason)
        self.path, self.fallback, self.reason = path, fallback, reason


class Repository:
    """The data API over one open database."""

    def __init__(self, db: Database):
        self.db = db
        self.agreements = AgreementSearch(db)

    def reopen(self, path: str | os.PathLike[str], *, fallback: str | os.PathLike[str],
               letting_go: Callable[[], object] | None = None) -> None:
        """Work on the database file at ``path`` from now on, in the same Database object (the views and the
        editor hold it), after the open file was deleted, moved or replaced. ``fallback`` is a copy of what is
        open (the caller has just made it).

        First the old connection writes its WAL into its own file and empties it (a stale ``-wal`` at the old
        path would be read as the next file's), and the file at ``path`` gets the read-only look that opening
        it makes (:func:`examine`; every page too when opening would change its header); the copy is opened as
        a snapshot. When any of that fails, DatabaseError says why and nothing else changed. Then
        ``letting_go`` is called (other connections to the old file, the search worker's, close then), the old
        connection is closed and the file opened. Should that still fail, the Database reads the snapshot of
        the copy (:class:`ReopenFailed`): it is never left on a closed connection.
        """
        target, db = Path(path), self.db
        if not db.readonly and not settle_wal(db.conn):
            raise DatabaseError("The open database is being read by another part of the application; try again "
                                "in a moment. The open database was left as it was.")
        try:
            if examine(target, full=False).changes_on_open():
                examine(target, full=True)  # opening writes its header: open_database checks every page first
            snapshot = open_snapshot(fallback)
        except DatabaseError as exc:
            raise DatabaseError(f"{exc} The open database was left as it was.", exc.problem) from exc
        try:
            if letting_go is not None:
                letting_go()
            if not db.readonly:
                settle_wal(db.conn)  # again: what the other readers kept is written now
        except BaseException:
            snapshot.close()
            raise
        db.conn.close()
        try:
            fresh = open_database(target, check=False)
        except (DatabaseError, sqlite3.Error, OSError) as exc:
            self._work_on(snapshot)
            raise ReopenFailed(target, snapshot.path, str(exc)) from exc
        except BaseException:
            self._work_on(snapshot)
            raise
        snapshot.close()
        self._work_on(fresh)

    def _work_on(self, other: Database) -> None:
        """Take over the connection of another Database (its file, read-only flag and identity)."""
        db = self.db
        db.conn, db.path, db.readonly, db.identity = other.conn, other.path, other.readonly, other.identity
        self.agreements = AgreementSearch(db)  # its cache of matches belongs to the old file

    def _all(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """The rows of a statement (values as SQLite gives them: their types depend on the columns)."""
        return self.db.conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ vocabulary, partners

    def labels(self, vocabulary: str) -> dict[str, Label]:
        """code -> its label (English, Russian, Kazakh) for one vocabulary table."""
        if vocabulary not in VOCABULARIES:
            raise ValueError(f"unknown vocabulary {vocabulary!r}")
        return {r[0]: Label(r[1], r[2], r[3]) for r in self._all(
            f"SELECT code, name_en, name_ru, name_kk FROM {vocabulary} ORDER BY sort_order, code")}

    def partners(self) -> list[Partner]:
        """All partners: the focus partners first (in their order), then the others by English name."""
        return [_partner(r) for r in self._all(
            "SELECT id, iso3, name_en, name_ru, name_kk, is_focus FROM partners "
            "ORDER BY is_focus DESC, sort_order, name_en")]

    def partner(self, iso3: str) -> Partner | None:
        r = self.db.conn.execute(
            "SELECT id, iso3, name_en, name_ru, name_kk, is_focus FROM partners WHERE iso3 = ?", (iso3,)).fetchone()
        return _partner(r) if r else None

    def mechanisms(self, iso3: str) -> list[Mechanism]:
        return [Mechanism(*r) for r in self._all(
            "SELECT m.id, m.uid, m.partner_id, m.name_en, m.name_ru, m.established, m.note_en, m.note_ru, m.name_kk "
            "FROM mechanisms m JOIN partners p ON p.id = m.partner_id WHERE p.iso3 = ? "
            "ORDER BY coalesce(m.established, '9999'), m.id", (iso3,))]

    # ------------------------------------------------------------------ events

    def _events(self, where: str, params: Sequence[object], include_alternatives: bool,
                limit: int | None = None) -> list[Event]:
        alt = _PREFERRED.format(kind="event", alias="e")
        if not include_alternatives:
            where = f"({where}) AND coalesce({alt}, 1) = 1"
        sql = f"""
            SELECT e.id, e.uid, e.kind, e.date_start, e.date_end,
                   (SELECT group_concat(iso3, ';') FROM (SELECT p.iso3 FROM event_partners ep
                        JOIN partners p ON p.id = ep.partner_id WHERE ep.event_id = e.id ORDER BY ep.position)),
                   e.place_en, e.place_ru, e.title_en, e.title_ru, e.summary_en, e.summary_ru,
                   e.documents_signed,
                   (SELECT count(*) FROM agreements a WHERE a.event_id = e.id),
                   coalesce({alt} = 0, 0)
            FROM events e WHERE {where}
            ORDER BY coalesce(e.date_start, '') DESC, e.id DESC"""
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [Event(id=r[0], uid=r[1], kind=r[2], date_start=r[3], date_end=r[4],
                      partners=tuple(r[5].split(";")) if r[5] else (), place_en=r[6], place_ru=r[7],
                      title_en=r[8], title_ru=r[9], summary_en=r[10], summary_ru=r[11], documents_signed=r[12],
                      agreement_count=r[13], is_alternative=bool(r[14])) for r in self._all(sql, params)]

    def events(self, iso3: str | None = None, *, include_alternatives: bool = False,
               limit: int | None = None, corridor_id: int | None = None,
               node_id: int | None = None) -> list[Event]:
        """Visits, meetings and summits, newest first; with ``iso3`` only that partner's; with
        ``corridor_id`` or ``node_id`` only those linked to that place; at most ``limit``."""
        where, params = self._event_filters(iso3, corridor_id, node_id)
        return self._events(where, params, include_alternatives, limit)

    @staticmethod
    def _event_filters(iso3: str | None, corridor_id: int | None, node_id: int | None
                       ) -> tuple[str, list[object]]:
        where, params = ["1"], list[object]()
        if iso3 is not None:
            where.append("e.id IN (SELECT ep.event_id FROM event_partners ep JOIN partners p "
                         "ON p.id = ep.partner_id WHERE p.iso3 = ?)")
            params.append(iso3)
        for column, value in (("corridor_id", corridor_id), ("node_id", node_id)):
            if value is not None:
                where.append(f"e.id IN (SELECT record_id FROM record_places WHERE record_type = 'event' "
                             f"AND {column} = ?)")
                params.append(int(value))
        return " AND ".join(where), params

    def event_count(self, iso3: str | None = None, *, corridor_id: int | None = None,
                    node_id: int | None = None) -> int:
        """How many events (preferred or without conflict) a partner, or every partner, has (at a place)."""
        alt = _PREFERRED.format(kind="event", alias="e")
        where, params = self._event_filters(iso3, corridor_id, node_id)
        return int(self._all(f"SELECT count(*) FROM events e WHERE coalesce({alt}, 1) = 1 AND {where}", params)[0][0])

    def event_counts_by_partner(self) -> dict[str, int]:
        """ISO3 -> number of events (preferred or without conflict), in one query."""
        alt = _PREFERRED.format(kind="event", alias="e")
        return {r[0]: r[1] for r in self._all(
            f"SELECT p.iso3, count(*) FROM event_partners ep JOIN partners p ON p.id = ep.partner_id "
            f"JOIN events e ON e.id = ep.event_id WHERE coalesce({alt}, 1) = 1 GROUP BY p.iso3")}

    def conflicted_ids(self, record_type: str) -> set[int]:
        """Ids of the records of a kind that belong to a conflict group."""
        return {r[0] for r in self._all("SELECT record_id FROM conflict_members WHERE record_type = ?",
                                        (record_type,))}

    def event(self, event_id: int) -> Event | None:
        found = self._events("e.id = ?", (int(event_id),), True)
        return found[0] if found else None

    def event_by_uid(self, uid: str) -> Event | None:
        found = self._events("e.uid = ?", (uid,), True)
        return found[0] if found else None

    def events_by_id(self, ids: Sequence[int]) -> dict[int, Event]:
        """Some events by id (a page of a lazy list; unknown ids left out)."""
        out: dict[int, Event] = {}
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            out.update((e.id, e) for e in self._events(f"e.id IN ({', '.join('?' for _ in chunk)})", chunk, True))
        return out

    def search_events(self, text: str, iso3: str | None = None, limit: int = 200) -> list[Event]:
        match = match_expression(text)
        if match is None:
            # an empty search lists everything; one that holds no word ("%", "AND", "*") finds nothing
            return [] if text and text.strip() else self.events(iso3)[:limit]
        where = "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
        params: list[object] = [match]
        if iso3:
            where += (" AND e.id IN (SELECT ep.event_id FROM event_partners ep JOIN partners p "
                      "ON p.id = ep.partner_id WHERE p.iso3 = ?)")
            params.append(iso3)
        return self._events(where, params, False)[:limit]

    # ------------------------------------------------------------------ agreements

    def agreement_exists(self, agreement_id: int) -> bool:
        row = self.db.conn.execute("SELECT 1 FROM agreements WHERE id = ?", (int(agreement_id),)).fetchone()
        return row is not None

    def agreement_in(self, query: AgreementQuery, agreement_id: int) -> bool:
        """Whether ``query`` finds the agreement (see :meth:`AgreementSearch.finds`)."""
        return self.agreements.finds(query, agreement_id)

    def agreement_by_uid(self, uid: str) -> AgreementRow | None:
        r = self.db.conn.execute("SELECT id FROM agreements WHERE uid = ?", (uid,)).fetchone()
        return self.agreements.rows([r[0]])[0] if r else None

    # ------------------------------------------------------------------ trade, targets, facts

    def trade_series(self, iso3: str, *, include_alternatives: bool = True) -> list[TradeFigure]:
        """All trade figures of a partner by year and period; ``is_preferred`` marks conflicts."""
        alt = _PREFERRED.format(kind="trade", alias="t")
        out: list[TradeFigure] = []
        for r in self._all(
            f"SELECT t.id, t.uid, p.iso3, t.year, t.period, t.turnover_usd_m, t.exports_usd_m, t.imports_usd_m, "
            f"t.statistics, t.qualifier, t.note_en, t.note_ru, {alt} "
            "FROM trade_figures t JOIN partners p ON p.id = t.partner_id WHERE p.iso3 = ? "
            "ORDER BY t.year, t.period = 'FY', t.period, t.id", (iso3,)):
            pref = _preferred(r[12])
            if pref is False and not include_alternatives:
                continue
            out.append(TradeFigure(id=r[0], uid=r[1], partner=r[2], year=r[3], period=r[4], turnover_usd_m=r[5],
                                   exports_usd_m=r[6], imports_usd_m=r[7], statistics=r[8], qualifier=r[9],
                                   note_en=r[10], note_ru=r[11], is_preferred=pref))
        return out

    def partners_with_trade(self) -> list[str]:
        """ISO3 codes of the partners with at least one trade figure, in the partners' order."""
        return [r[0] for r in self._all(
            "SELECT p.iso3 FROM partners p WHERE EXISTS (SELECT 1 FROM trade_figures t WHERE t.partner_id = p.id) "
            "ORDER BY p.is_focus DESC, p.id")]

    def targets(self, iso3: str) -> list[Target]:
        alt = _PREFERRED.format(kind="target", alias="t")
        return [Target(id=r[0], uid=r[1], partner=r[2], metric=r[3], value_usd_m=r[4], multiplier=r[5],
                       horizon_year=r[6], horizon_note_en=r[7], horizon_note_ru=r[8], stated_on=r[9],
                       stated_by_en=r[10], stated_by_ru=r[11], note_en=r[12], note_ru=r[13],
                       is_preferred=_preferred(r[14]), kind=r[15], base_year=r[16], estimate=bool(r[17]),
                       stated_role=r[18]) for r in self._all(
            "SELECT t.id, t.uid, p.iso3, t.metric, t.value_usd_m, t.multiplier, t.horizon_year, "
            "t.horizon_note_en, t.horizon_note_ru, t.stated_on, t.stated_by_en, t.stated_by_ru, t.note_en, "
            f"t.note_ru, {alt}, t.kind, t.base_year, t.estimate, t.stated_role "
            "FROM targets t JOIN partners p ON p.id = t.partner_id WHERE p.iso3 = ? "
            "ORDER BY coalesce(t.stated_on, ''), t.id", (iso3,))]

    def _facts(self, where: str, params: Sequence[object]) -> list[Fact]:
        alt = _PREFERRED.format(kind="fact", alias="f")
        return [Fact(id=r[0], uid=r[1], partner=r[2], corridor_id=r[3], metric=r[4], metric_en=r[5],
                     metric_ru=r[6], value=r[7], value_num=r[8], qualifier=r[9], unit=r[10], as_of=r[11],
                     note_en=r[12], note_ru=r[13], is_preferred=_preferred(r[14]), value_ru=r[15],
                     value_kk=r[16], metric_kk=r[17]) for r in self._all(
            "SELECT f.id, f.uid, p.iso3, f.corridor_id, f.metric, m.name_en, m.name_ru, f.value, f.value_num, "
            f"f.qualifier, f.unit, f.as_of, f.note_en, f.note_ru, {alt}, f.value_ru, f.value_kk, m.name_kk "
            "FROM facts f JOIN metrics m ON m.code = f.metric LEFT JOIN partners p ON p.id = f.partner_id "
            f"WHERE {where} ORDER BY f.metric, coalesce(f.as_of, '') DESC, f.id", params)]

    def facts(self, iso3: str | None = None, *, corridor_id: int | None = None,
              node_id: int | None = None) -> list[Fact]:
        """Key facts of a partner (``iso3``), of a corridor, of a node (linked to it), or the
        corridor-wide ones (none given)."""
        if node_id is not None:
            return self._facts("f.id IN (SELECT record_id FROM record_places WHERE record_type = 'fact' "
                               "AND node_id = ?)", (int(node_id),))
        if iso3 is not None:
            return self._facts("p.iso3 = ?", (iso3,))
        if corridor_id is not None:
            return self._facts("f.corridor_id = ?", (int(corridor_id),))
        return self._facts("f.partner_id IS NULL", ())

    # ------------------------------------------------------------------ corridors, nodes, segments

    _CORRIDOR_COLUMNS = "id, uid, name_en, name_ru, description_en, description_ru, name_kk, description_kk"

    def corridors(self) -> list[Corridor]:
        return [Corridor(*r) for r in self._all(f"SELECT {self._CORRIDOR_COLUMNS} FROM corridors ORDER BY id")]

    def corridor(self, corridor_id: int) -> Corridor | None:
        r = self.db.conn.execute(f"SELECT {self._CORRIDOR_COLUMNS} FROM corridors WHERE id = ?",
                                 (int(corridor_id),)).fetchone()
        return Corridor(*r) if r else None

    def corridor_by_uid(self, uid: str) -> Corridor | None:
        r = self.db.conn.execute(f"SELECT {self._CORRIDOR_COLUMNS} FROM corridors WHERE uid = ?", (uid,)).fetchone()
        return Corridor(*r) if r else None

    _NODE_COLUMNS = ("n.id, n.uid, n.name_en, n.name_ru, n.name_kk, n.country_iso3, n.kind, n.lat, n.lon, n.note_en, "
                     "n.note_ru, n.position_approx = 1, n.position_from")

    def nodes(self, corridor_id: int | None = None) -> list[Node]:
        """All nodes, or those on a corridor's segments."""
        if corridor_id is None:
            return [Node(*r) for r in self._all(f"SELECT {self._NODE_COLUMNS} FROM nodes n ORDER BY n.id")]
        return [Node(*r) for r in self._all(
            f"SELECT {self._NODE_COLUMNS} FROM nodes n WHERE n.id IN (SELECT from_node_id FROM segments WHERE "
            "corridor_id = ? UNION SELECT to_node_id FROM segments WHERE corridor_id = ?) ORDER BY n.id",
            (int(corridor_id), int(corridor_id)))]

    def node(self, node_id: int) -> Node | None:
        r = self.db.conn.execute(f"SELECT {self._NODE_COLUMNS} FROM nodes n WHERE n.id = ?",
                                 (int(node_id),)).fetchone()
        return Node(*r) if r else None

    def node_by_uid(self, uid: str) -> Node | None:
        r = self.db.conn.execute(f"SELECT {self._NODE_COLUMNS} FROM nodes n WHERE n.uid = ?", (uid,)).fetchone()
        return Node(*r) if r else None

    def segments(self, corridor_id: int | None = None) -> list[Segment]:
        cols = "id, uid, corridor_id, from_node_id, to_node_id, mode, status, length_km, note_en, note_ru, route"
        if corridor_id is None:
            return [Segment(*r) for r in self._all(f"SELECT {cols} FROM segments ORDER BY id")]
        return [Segment(*r) for r in self._all(
            f"SELECT {cols} FROM segments WHERE corridor_id = ? ORDER BY id", (int(corridor_id),))]

    def projects(self, *, iso3: str | None = None, corridor_id: int | None = None) -> list[Project]:
        where, params = ["1"], list[object]()
        if iso3:
            where.append("p.iso3 = ?")
            params.append(iso3)
        if corridor_id is not None:
            where.append("j.corridor_id = ?")
            params.append(int(corridor_id))
        return [Project(*r) for r in self._all(
            "SELECT j.id, j.uid, j.name_en, j.name_ru, p.iso3, j.corridor_id, j.node_id, j.status, "
            "j.description_en, j.description_ru FROM projects j LEFT JOIN partners p ON p.id = j.partner_id "
            f"WHERE {' AND '.join(where)} ORDER BY j.id", params)]

    # ------------------------------------------------------------------ sources, alternatives

    def sources_of(self, record_type: str, record_id: int) -> list[Source]:
        """The sources a record cites, in the order given."""
        if record_type not in RECORD_TABLES:
            raise ValueError(f"unknown record type {record_type!r}")
        return [Source(*r) for r in self._all(
            "SELECT s.id, s.uid, s.url, s.title, s.publisher, s.published, s.language, s.taken_en, s.kind "
            "FROM record_sources rs JOIN sources s ON s.id = rs.source_id "
            "WHERE rs.record_type = ? AND rs.record_id = ? ORDER BY rs.position, s.id",
            (record_type, int(record_id)))]

    def sources(self) -> list[Source]:
        return [Source(*r) for r in self._all(
            "SELECT id, uid, url, title, publisher, published, language, taken_en, kind FROM sources ORDER BY id")]

    def alternatives(self, record_type: str, record_id: int) -> list[Alternative]:
        """All members of the conflict group a record belongs to (empty if it has no conflict).

        The preferred member comes first; each carries the reason it is (or is not) preferred.
        """
        table = RECORD_TABLES.get(record_type)
        if table is None:
            raise ValueError(f"unknown record type {record_type!r}")
        rows = self._all(
            f"""SELECT g.uid, cm.record_type, cm.record_id, r.uid, cm.is_preferred, cm.reason_en, cm.reason_ru
                FROM conflict_members cm JOIN conflict_groups g ON g.id = cm.group_id
                JOIN {table} r ON r.id = cm.record_id
                WHERE cm.group_id = (SELECT group_id FROM conflict_members
                                     WHERE record_type = ? AND record_id = ?)
                  AND cm.record_type = ?
                ORDER BY cm.is_preferred DESC, cm.record_id""",
            (record_type, int(record_id), record_type))
        return [Alternative(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6],
                            self._record_summary(record_type, r[2])) for r in rows]

    def _record_summary(self, record_type: str, record_id: int) -> dict[str, object]:
        columns = {
            "event": "kind, date_start, date_end, title_en, title_ru, documents_signed",
            "agreement": "date_signed, title_en, title_ru, doc_type, doc_count",
            "trade": "year, period, turnover_usd_m, exports_usd_m, imports_usd_m, statistics, qualifier",
            "target": "metric, value_usd_m, multiplier, horizon_year, stated_on, stated_by_en, stated_by_ru",
            "fact": "metric, value, value_num, qualifier, unit, as_of",
        }.get(record_type, "uid")
        cur = self.db.conn.execute(f"SELECT {columns} FROM {RECORD_TABLES[record_type]} WHERE id = ?",
                                   (int(record_id),))
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else {}

    # ------------------------------------------------------------------ places linked to records

    def places_of(self, record_type: str, record_id: int) -> tuple[set[int], set[int]]:
        """The corridors and nodes a record is linked to: (corridor ids, node ids)."""
        corridors, nodes = set(), set()
        for corridor_id, node_id in self._all("SELECT corridor_id, node_id FROM record_places WHERE record_type = ? "
                                              "AND record_id = ?", (record_type, int(record_id))):
            if corridor_id is not None:
                corridors.add(corridor_id)
            if node_id is not None:
                nodes.add(node_id)
        return corridors, nodes

    def record_ids_at(self, record_type: str, *, corridor_id: int | None = None,
                      node_id: int | None = None) -> list[int]:
        """Ids of records of a kind linked to a corridor or a node."""
        if corridor_id is not None and node_id is None:
            col, value = "corridor_id", corridor_id
        elif node_id is not None and corridor_id is None:
            col, value = "node_id", node_id
        else:
            raise ValueError("give a corridor or a node")
        return [r[0] for r in self._all(
            f"SELECT record_id FROM record_places WHERE record_type = ? AND {col} = ? ORDER BY record_id",
            (record_type, int(value)))]

    # ------------------------------------------------------------------ naming a record

    _LABELS = {
        "agreement": ("SELECT coalesce(a.title_{l}, a.title_en, a.title_ru, a.title_kk), a.date_signed "
                      "FROM agreements a WHERE a.id = ?"),
        "event": "SELECT coalesce(e.title_{l}, e.title_en, e.title_ru), e.date_start FROM events e WHERE e.id = ?",
        "trade": ("SELECT coalesce(p.name_{l}, p.name_en) || ', ' || t.year || CASE WHEN t.period = 'FY' THEN '' "
                  "ELSE ' ' || t.period END, NULL FROM trade_figures t JOIN partners p ON p.id = t.partner_id "
                  "WHERE t.id = ?"),
        "target": ("SELECT coalesce(p.name_{l}, p.name_en) || ', ' || coalesce(m.name_{l}, t.metric) || "
                   "coalesce(', ' || t.horizon_year, ''), t.stated_on FROM targets t "
                   "JOIN partners p ON p.id = t.partner_id LEFT JOIN metrics m ON m.code = t.metric WHERE t.id = ?"),
        "fact": ("SELECT coalesce(p.name_{l} || ', ', '') || coalesce(m.name_{l}, f.metric) || ': ' || f.value, "
                 "f.as_of FROM facts f LEFT JOIN partners p ON p.id = f.partner_id "
                 "LEFT JOIN metrics m ON m.code = f.metric WHERE f.id = ?"),
        "source": "SELECT coalesce(s.title, s.url), s.published FROM sources s WHERE s.id = ?",
        "node": "SELECT coalesce(n.name_{l}, n.name_en), NULL FROM nodes n WHERE n.id = ?",
        "segment": ("SELECT coalesce(a.name_{l}, a.name_en) || ' – ' || coalesce(b.name_{l}, b.name_en), NULL "
                    "FROM segments s JOIN nodes a ON a.id = s.from_node_id JOIN nodes b ON b.id = s.to_node_id "
                    "WHERE s.id = ?"),
        "corridor": "SELECT coalesce(c.name_{l}, c.name_en), NULL FROM corridors c WHERE c.id = ?",
        "partner": "SELECT coalesce(p.name_{l}, p.name_en), NULL FROM partners p WHERE p.id = ?",
        "alias": "SELECT a.name || ' (' || a.group_id || ')', NULL FROM aliases a WHERE a.id = ?",
    }

    def record_label(self, kind: str, record_id: int, lang: str = "en") -> tuple[str, str | None] | None:
        """What a record is called and its date (signed, held, published, as of), for questions that must
        name the record they act on; None when there is no such record."""
        sql = self._LABELS.get(kind)
        if sql is None:
            raise ValueError(f"unknown record kind {kind!r}")
        row = self.db.conn.execute(sql.format(l="ru" if lang in ("ru", "kk") else "en"), (int(record_id),)).fetchone()
        return (str(row[0] or ""), row[1]) if row else None

    def record_label_by_uid(self, kind: str, uid: str, lang: str = "en") -> tuple[str, str | None] | None:
        """:meth:`record_label` of the record of ``kind`` whose uid is ``uid`` (None when this copy has none)."""
        table = TABLE_OF.get(kind)
        if table is None or kind not in self._LABELS:
            raise ValueError(f"unknown record kind {kind!r}")
        row = self.db.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else self.record_label(kind, int(row[0]), lang)

    # ------------------------------------------------------------------ counts

    def counts(self) -> dict[str, int]:
        """Record counts for the status bar, counted as the table and the lists count them (issue 18): the
        records a conflict does not set aside; ``<key>_other`` is how many other sources' versions each kind
        holds besides (the non-preferred members of its conflict groups)."""
        tables = {"partners": "partners", "events": "events", "agreements": "agreements",
                  "trade": "trade_figures", "targets": "targets", "facts": "facts", "nodes": "nodes",
                  "segments": "segments", "corridors": "corridors", "sources": "sources"}
        kinds = {"events": "event", "agreements": "agreement", "trade": "trade", "targets": "target", "facts": "fact"}
        out: dict[str, int] = {}
        for key, table in tables.items():
            total = self.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            other = self.other_versions(kinds[key]) if key in kinds else 0
            out[key], out[f"{key}_other"] = total - other, other
        return out

    def other_versions(self, record_type: str, iso3: str | None = None) -> int:
        """How many records of a kind (of a partner's, for agreements and events) are another source's
        version of a record: the non-preferred members of conflict groups."""
        sql = "SELECT count(*) FROM conflict_members cm WHERE cm.record_type = ? AND cm.is_preferred = 0"
        params: list[object] = [record_type]
        links = {"agreement": ("agreement_partners", "agreement_id"), "event": ("event_partners", "event_id")}
        if iso3 is not None and record_type in links:
            table, column = links[record_type]
            sql += (f" AND cm.record_id IN (SELECT x.{column} FROM {table} x JOIN partners p ON p.id = x.partner_id "
                    "WHERE p.iso3 = ?)")
            params.append(iso3)
        return int(self.db.conn.execute(sql, params).fetchone()[0])


def _preferred(flag: int | None) -> bool | None:
    """A conflict member's ``is_preferred`` as a record carries it: None when the record is in no conflict group."""
    return None if flag is None else bool(flag)


def _partner(r: tuple[Any, ...]) -> Partner:
    """A partner from its row: id, iso3, name_en, name_ru, name_kk, is_focus."""
    return Partner(id=r[0], iso3=r[1], name_en=r[2], name_ru=r[3], name_kk=r[4], is_focus=bool(r[5]))
