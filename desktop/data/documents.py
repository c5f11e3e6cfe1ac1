"""Records as documents without ids: what a record is in any copy of the database, so that two copies (the user's
and a newer bundle, a laptop and the team server) can be compared and written through uids.

A document is a record's row without its id, every reference to another record written as that record's uid
(partners, events, sources, corridors, nodes, conflict groups), and the rows that belong to it as lists: its
partners and sectors, the sources it cites, its places, its conflict-group memberships. Two copies hold the
same record exactly when their documents are equal. :class:`RecordDocuments` reads them from a connection;
:class:`DocumentWriter` writes them into one (used by desktop.data.upgrade and the team-server sync).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable

from desktop.core.edits import Snapshot
from desktop.core.records import RowValues
from desktop.data import editing
from desktop.data.database import Database

# A record's place in a conflict group, as compared and written: (group uid, is_preferred, reason_en, reason_ru).
Membership = tuple[str | None, int, str | None, str | None]


# (kind, table) in an order where everything a record refers to comes before it
KINDS: tuple[tuple[str, str], ...] = (
    ("partner", "partners"), ("source", "sources"), ("corridor", "corridors"), ("node", "nodes"),
    ("segment", "segments"), ("mechanism", "mechanisms"), ("event", "events"), ("agreement", "agreements"),
    ("trade", "trade_figures"), ("target", "targets"), ("fact", "facts"), ("project", "projects"),
)
# columns that hold the id of another record: column -> referenced table
FKS: dict[str, dict[str, str]] = {
    "agreements": {"event_id": "events"},
    "trade_figures": {"partner_id": "partners"},
    "targets": {"partner_id": "partners"},
    "facts": {"partner_id": "partners", "corridor_id": "corridors"},
    "segments": {"corridor_id": "corridors", "from_node_id": "nodes", "to_node_id": "nodes"},
    "mechanisms": {"partner_id": "partners"},
    "projects": {"partner_id": "partners", "corridor_id": "corridors", "node_id": "nodes"},
}
PARTNER_LINK = {"agreement": ("agreement_partners", "agreement_id"), "event": ("event_partners", "event_id")}
TYPED = {"record_sources", "record_places", "conflict_members"}  # link tables with record_type = kind


class RecordDocuments:
    """One database's records in a form without ids (references as uids)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._cols: dict[str, list[str]] = {}
        self.uid_of: dict[str, dict[int, str]] = {}
        self.id_of: dict[str, dict[str, int]] = {}
        for table in ("partners", "events", "sources", "corridors", "nodes", "conflict_groups"):
            rows = conn.execute(f"SELECT id, uid FROM {table}").fetchall()
            self.uid_of[table] = {i: u for i, u in rows}
            self.id_of[table] = {u: i for i, u in rows}

    def columns(self, table: str) -> list[str]:
        if table not in self._cols:
            self._cols[table] = [r[1] for r in self.conn.execute(f"PRAGMA table_xinfo({table})") if r[6] == 0]
        return self._cols[table]

    def register(self, table: str, record_id: int, uid: str) -> None:
        if table in self.uid_of:
            self.uid_of[table][record_id] = uid
            self.id_of[table][uid] = record_id

    def _uid(self, table: str, record_id: int | None) -> str | None:
        return None if record_id is None else self.uid_of[table].get(record_id, f"#missing-{record_id}")

    def canonical(self, kind: str, table: str, row: RowValues, links: dict[str, list[RowValues]]) -> RowValues:
        """A record as comparable values: the row without id (references as uids) and its own link rows."""
        out: RowValues = {}
        for col, value in row.items():
            if col == "id":
                continue
            ref = FKS.get(table, {}).get(col)
            out[col] = self._uid(ref, value) if ref else value
        if kind in PARTNER_LINK:
            t, c = PARTNER_LINK[kind]
            out["partners"] = [u for _, u in sorted((r["position"], str(self._uid("partners", r["partner_id"])))
                                                    for r in links.get(f"{t}.{c}", ()))]
        if kind == "agreement":
            out["sectors"] = sorted(r["sector"] for r in links.get("agreement_sectors.agreement_id", ()))
        out["sources"] = [u for _, u in sorted((r["position"], str(self._uid("sources", r["source_id"])))
                                               for r in links.get("record_sources.record_id", ()))]
        out["places"] = sorted(([self._uid("corridors", r.get("corridor_id")), self._uid("nodes", r.get("node_id"))]
                                for r in links.get("record_places.record_id", ())), key=json.dumps)
        out["conflicts"] = sorted(([self._uid("conflict_groups", r["group_id"]), r["is_preferred"], r.get("reason_en"),
                                    r.get("reason_ru")] for r in links.get("conflict_members.record_id", ())),
                                  key=lambda v: json.dumps(v, default=str))
        canonical: RowValues = json.loads(json.dumps(out, default=str))  # as stored in the merge base
        return canonical

    def _link_rows(self, kind: str, table: str, column: str, record_id: int | None = None,
                   record_ids: list[int] | None = None) -> dict[int, list[RowValues]]:
        where: list[str] = []
        params: list[object] = []
        if table in TYPED:
            where.append("record_type = ?")
            params.append(kind)
        if record_id is not None:
            where.append(f"{column} = ?")
            params.append(record_id)
        if record_ids is not None:
            where.append(f"{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(record_ids))
        sql = f"SELECT * FROM {table}" + (f" WHERE {' AND '.join(where)}" if where else "")
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        out: dict[int, list[RowValues]] = {}
        for r in cur.fetchall():
            d = dict(zip(names, r, strict=True))
            out.setdefault(d[column], []).append(d)
        return out

    def _link_keys(self, kind: str) -> list[tuple[str, str]]:
        keys = [("record_sources", "record_id"), ("record_places", "record_id"), ("conflict_members", "record_id")]
        if kind in PARTNER_LINK:
            keys.append(PARTNER_LINK[kind])
        if kind == "agreement":
            keys.append(("agreement_sectors", "agreement_id"))
        return keys

    def records(self, kind: str, table: str) -> dict[str, tuple[int, RowValues]]:
        """Every record of a kind: uid -> (id, canonical values)."""
        cols = self.columns(table)
        cur = self.conn.execute(f"SELECT {', '.join(cols)} FROM {table}")
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        links = {f"{t}.{c}": self._link_rows(kind, t, c) for t, c in self._link_keys(kind)}
        out: dict[str, tuple[int, RowValues]] = {}
        for row in rows:
            mine = {key: by_id.get(row["id"], []) for key, by_id in links.items()}
            out[row["uid"]] = (row["id"], self.canonical(kind, table, row, mine))
        return out

    def records_of(self, kind: str, table: str, uids: list[str]) -> dict[str, tuple[int, RowValues]]:
        """The records of a kind with these uids (those this copy has): uid -> (id, canonical values); a few
        queries for all of them, not a few per record."""
        cols = self.columns(table)
        cur = self.conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE uid IN (SELECT value FROM json_each(?))",
                                (json.dumps(uids),))
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        ids = [row["id"] for row in rows]
        links = {f"{t}.{c}": self._link_rows(kind, t, c, record_ids=ids) for t, c in self._link_keys(kind)}
        out: dict[str, tuple[int, RowValues]] = {}
        for row in rows:
            mine = {key: by_id.get(row["id"], []) for key, by_id in links.items()}
            out[row["uid"]] = (row["id"], self.canonical(kind, table, row, mine))
        return out

    def record(self, kind: str, table: str, record_id: int) -> RowValues | None:
        cols = self.columns(table)
        r = self.conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (record_id,)).fetchone()
        if r is None:
            return None
        row = dict(zip(cols, r, strict=True))
        links = {f"{t}.{c}": self._link_rows(kind, t, c, record_id).get(record_id, [])
                 for t, c in self._link_keys(kind)}
        return self.canonical(kind, table, row, links)


class Skip(Exception):
    """A record that cannot be written here (it refers to a record this database lacks); the message says why."""


class DocumentWriter:
    def __init__(self, db: Database, user: RecordDocuments):
        self.db, self.user, self.conn = db, user, db.conn
        self.editor = editing.Editor(db)
        self.pending_conflicts: list[tuple[str, int, list[Membership]]] = []

    def _resolve(self, table: str, uid: str | None) -> int | None:
        return None if uid is None else self.user.id_of.get(table, {}).get(uid)

    def _row(self, table: str, values: RowValues) -> RowValues:
        notnull = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})") if r[3]}
        row: RowValues = {}
        for col in self.user.columns(table):
            if col == "id":
                continue
            ref = FKS.get(table, {}).get(col)
            if ref:
                rid = self._resolve(ref, values.get(col))
                if rid is None and values.get(col) is not None and col in notnull:
                    raise Skip(f"it refers to {ref[:-1]} “{values.get(col)}”, which is not in your database")
                row[col] = rid
            else:
                row[col] = values.get(col)
        return row

    def _write_links(self, kind: str, record_id: int, new: RowValues, old: RowValues | None) -> None:
        ex = self.conn.execute

        def differs(name: str) -> bool:
            return old is None or old.get(name) != new.get(name)

        if kind in PARTNER_LINK and differs("partners"):
            t, c = PARTNER_LINK[kind]
            ex(f"DELETE FROM {t} WHERE {c} = ?", (record_id,))
            for n, uid in enumerate(new.get("partners", [])):
                pid = self._resolve("partners", uid)
                if pid is None:
                    raise Skip(f"its partner “{uid}” is not in your database")
                ex(f"INSERT INTO {t} ({c}, partner_id, position) VALUES (?, ?, ?)", (record_id, pid, n))
        if kind == "agreement" and differs("sectors"):
            ex("DELETE FROM agreement_sectors WHERE agreement_id = ?", (record_id,))
            for code in new.get("sectors", []):
                ex("INSERT INTO agreement_sectors (agreement_id, sector) VALUES (?, ?)", (record_id, code))
        if kind == "source":
            return
        if differs("sources"):
            ex("DELETE FROM record_sources WHERE record_type = ? AND record_id = ?", (kind, record_id))
            for n, uid in enumerate(new.get("sources", [])):
                sid = self._resolve("sources", uid)
                if sid is not None:  # a source the user deleted is not cited again
                    ex("INSERT INTO record_sources (record_type, record_id, source_id, position) VALUES (?, ?, ?, ?)",
                       (kind, record_id, sid, n))
        if differs("places"):
            ex("DELETE FROM record_places WHERE record_type = ? AND record_id = ?", (kind, record_id))
            for corridor, node in new.get("places", []):
                cid, nid = self._resolve("corridors", corridor), self._resolve("nodes", node)
                if (cid is None) != (nid is None):
                    ex("INSERT INTO record_places (record_type, record_id, corridor_id, node_id) VALUES (?, ?, ?, ?)",
                       (kind, record_id, cid, nid))
        if differs("conflicts"):  # written after all records: a preferred member may move within a group
            memberships: list[Membership] = [(group, preferred, en, ru)
                                              for group, preferred, en, ru in new.get("conflicts", [])]
            self.pending_conflicts.append((kind, record_id, memberships))

    def insert(self, kind: str, table: str, uid: str, values: RowValues) -> int:
        row = self._row(table, values)
        cols = list(row)
        cur = self.conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                [row[c] for c in cols])
        record_id = cur.lastrowid
        if record_id is None:  # SQLite gives every inserted row one; None would be a broken driver
            raise sqlite3.DatabaseError(f"no row id for the record inserted into {table}")
        self._write_links(kind, record_id, values, None)
        return record_id

    def update(self, kind: str, table: str, record_id: int, old: RowValues, new: RowValues) -> None:
        row = self._row(table, new)
        changed = [c for c in row if c != "uid" and old.get(c) != new.get(c)]
        if changed:
            self.conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
                              [row[c] for c in changed] + [record_id])
        self._write_links(kind, record_id, new, old)

    def snapshot(self, kind: str, table: str, record_id: int) -> Snapshot | None:
        """A record as the change log keeps it (the editor's snapshot; a bare row for kinds no form edits)."""
        if kind in editing.TABLES:
            return self.editor.snapshot(kind, record_id)
        cols = self.user.columns(table)
        r = self.conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return None if r is None else Snapshot(kind, dict(zip(cols, r, strict=True)))

    def write_conflict_memberships(self, skipped: Callable[[str, str, str], None],
                                   uid_of: dict[tuple[str, int], str]) -> None:
        """The conflict-group places held back by :meth:`_write_links`, written once every record is in place
        (a preferred member may move within a group). A place that cannot be set is reported to
        ``skipped(kind, uid, why)`` and left out."""
        for kind, record_id, _ in self.pending_conflicts:
            self.conn.execute("DELETE FROM conflict_members WHERE record_type = ? AND record_id = ?", (kind, record_id))
        for kind, record_id, members in self.pending_conflicts:
            for group, preferred, reason_en, reason_ru in members:
                gid = self._resolve("conflict_groups", group)
                if gid is None:
                    continue
                self.conn.execute("SAVEPOINT merge_member")
                try:
                    self.conn.execute(
                        "INSERT INTO conflict_members (group_id, record_type, record_id, is_preferred, reason_en, "
                        "reason_ru) VALUES (?, ?, ?, ?, ?, ?)", (gid, kind, record_id, preferred, reason_en, reason_ru))
                except sqlite3.IntegrityError as exc:
                    self.conn.execute("ROLLBACK TO merge_member")
                    skipped(kind, uid_of.get((kind, record_id), str(record_id)),
                            f"its place in the conflict group “{group}” could not be set ({exc})")
                self.conn.execute("RELEASE merge_member")


# ---------------------------------------------------------------------------------------------- for the team sync

# Every kind of record that travels between copies, in the order of KINDS (what a record refers to comes first),
# then the other names (aliases: they cite sources and nothing else).
SYNC_KINDS: tuple[tuple[str, str], ...] = (*KINDS, ("alias", "aliases"))
TABLE_OF: dict[str, str] = dict(SYNC_KINDS)
KIND_OF_TABLE: dict[str, str] = {table: kind for kind, table in SYNC_KINDS}
VOCABULARY_PREFIX = "vocab:"  # a vocabulary entry travels as the kind "vocab:<table>" with its code as uid


def doc_sha(doc: RowValues | None) -> str | None:
    """A document's fingerprint (None for none): equal documents, equal fingerprints, in any copy."""
    if doc is None:
        return None
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_refs(table: str, doc: RowValues) -> list[str]:
    """The records a document refers to, as "table:uid" (references to other records, its partners, the sources
    it cites, its places): what must change when one of them is deleted."""
    refs = [f"{ref}:{doc[col]}" for col, ref in FKS.get(table, {}).items() if doc.get(col) is not None]
    refs += [f"partners:{uid}" for uid in _listed(doc.get("partners"))]
    refs += [f"sources:{uid}" for uid in _listed(doc.get("sources"))]
    for pair in _listed(doc.get("places")):
        if isinstance(pair, list) and len(pair) == 2:
            refs += [f"{t}:{u}" for t, u in zip(("corridors", "nodes"), pair, strict=True) if u is not None]
    return sorted(set(refs))


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def delete_actions(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """What SQLite does to a record when a record it refers to is deleted, read from the schema:
    (table, column) -> "SET NULL", "CASCADE", "RESTRICT" or "NO ACTION"; the link tables' rows show as
    (table, "places") for record_places (CASCADE) and (table, "partners") / (table, "sources") (RESTRICT)."""
    out: dict[tuple[str, str], str] = {}
    for table in FKS:
        for row in conn.execute(f"SELECT \"from\", on_delete FROM pragma_foreign_key_list('{table}')"):
            if row[0] in FKS[table]:
                out[(table, row[0])] = str(row[1]).upper()
    return out


def drop_reference(table: str, doc: RowValues, ref: str, actions: dict[tuple[str, str], str]) -> RowValues | None:
    """The document ``doc`` (of ``table``) after the record ``ref`` ("table:uid") is deleted, as a copy does it:
    a SET NULL reference emptied, a place on a deleted corridor or node dropped, a citation of a deleted source
    dropped (the editor deletes a source with its citations: Editor.build_delete, choice "delete"); None when the
    record goes too (CASCADE). Other references SQLite refuses to break (RESTRICT: partners) stay as they are."""
    ref_table, _, uid = ref.partition(":")
    new = dict(doc)
    for col, target in FKS.get(table, {}).items():
        if target == ref_table and doc.get(col) == uid:
            action = actions.get((table, col), "NO ACTION")
            if action == "CASCADE":
                return None
            if action == "SET NULL":
                new[col] = None
    if ref_table == "sources" and uid in _listed(doc.get("sources")):
        new["sources"] = [s for s in _listed(doc.get("sources")) if s != uid]
    if ref_table in ("corridors", "nodes"):
        at = 0 if ref_table == "corridors" else 1
        new["places"] = [p for p in _listed(doc.get("places"))
                         if not (isinstance(p, list) and len(p) == 2 and p[at] == uid)]
    return new


def needs(table: str, doc: RowValues | None, ref: str) -> bool:
    """Whether a document, as drop_reference left it after the record ``ref`` was deleted, still refers to it: a
    reference nothing may break (RESTRICT: a figure's partner, a segment's nodes), so that the deletion is refused."""
    return doc is not None and ref in doc_refs(table, doc)
