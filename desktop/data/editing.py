"""Writing edits: change sets built from form values, applied in one transaction each, logged in
``change_log`` and marked in ``record_marks``; their inverse undoes them exactly.

A record is stored as a :class:`~desktop.core.edits.Snapshot`: its row, the rows that belong to
it (partners, sectors, sources cited, places, conflict memberships) and the records pointing at it
through a column that a delete sets to NULL. Applying a change first checks that the database still
holds the "before" state (else :class:`StaleEdit`), so an undo never overwrites someone else's work.
The full-text index and the search mirror follow by the schema's triggers.
"""
from __future__ import annotations

import datetime as _dt
import getpass
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

from desktop.core.edits import Changes, ChangeSet, Kind, RecordChange, Snapshot
from desktop.core.errors import AtlasError
from desktop.core.records import RowValues
from desktop.data.database import Database
from desktop.data.migrations import BULK_INDEX_TABLE

TABLES = {
    "agreement": "agreements", "event": "events", "trade": "trade_figures", "target": "targets",
    "fact": "facts", "source": "sources", "node": "nodes", "segment": "segments", "corridor": "corridors",
    "partner": "partners", "alias": "aliases",
}
_SOURCES = ("record_sources", "record_id", True)
_PLACES = ("record_places", "record_id", True)
_CONFLICTS = ("conflict_members", "record_id", True)
# rows that belong to a record: (table, column holding the record's id, whether record_type = kind too)
OWNED: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "agreement": (("agreement_partners", "agreement_id", False), ("agreement_sectors", "agreement_id", False),
                  _SOURCES, _PLACES, _CONFLICTS),
    "event": (("event_partners", "event_id", False), _SOURCES, _PLACES, _CONFLICTS),
    "trade": (_SOURCES, _CONFLICTS),
    "target": (_SOURCES, _CONFLICTS),
    "fact": (_SOURCES, _PLACES, _CONFLICTS),
    "source": (("record_sources", "source_id", False),),
    "node": (_SOURCES, ("record_places", "node_id", False)),
    "segment": (_SOURCES,),
    "corridor": (_SOURCES, ("record_places", "corridor_id", False)),
    "partner": (_SOURCES,),
    "alias": (_SOURCES,),  # its terms for search (alias_terms) follow by the schema's triggers
}
# columns of other tables that a delete sets to NULL: restored when the delete is undone
REFERRERS: dict[str, tuple[tuple[str, str], ...]] = {
    "event": (("agreements", "event_id"),),
    "corridor": (("facts", "corridor_id"), ("projects", "corridor_id")),
    "node": (("projects", "node_id"),),
    "partner": (("projects", "partner_id"),),
}
_PARTNER_LINK = {"agreement": ("agreement_partners", "agreement_id"), "event": ("event_partners", "event_id")}


class EditError(AtlasError):
    """An edit that cannot be applied as asked; the message says why."""


class StaleEdit(EditError):
    """The record changed since the edit was prepared (in another window or by an import)."""


class InUse(EditError):
    """A record that others depend on and that cannot go without them (e.g. a node on segments)."""

    def __init__(self, message: str, reason: str, count: int):
        super().__init__(message)
        self.reason, self.count = reason, count


class EditCancelled(EditError):
    """The user cancelled a long edit (an import) before it was committed: nothing was written."""


class ChoiceNeeded(EditError):
    """A delete that needs the user's decision: ``reason`` says which, ``count`` how many are concerned."""

    def __init__(self, message: str, reason: str, count: int):
        super().__init__(message)
        self.reason, self.count = reason, count


def os_user() -> str:
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):
        return "unknown"


@contextmanager
def bulk_indexing(db: Database) -> Iterator[None]:
    """Inside, in the caller's transaction, the search-index insert triggers of the kinds of migrations.FIND_INDEX
    stand aside (a row in migrations.BULK_INDEX_TABLE): the caller indexes the rows it inserts itself, in bulk
    (desktop.export.import_writer). The row is taken out on the way out, before the transaction ends, so that no
    other connection ever sees it."""
    if not db.conn.in_transaction:
        raise RuntimeError("bulk_indexing needs the caller's transaction")
    marker = uuid.uuid4().hex
    db.conn.execute(f"INSERT INTO {BULK_INDEX_TABLE} (writer) VALUES (?)", (marker,))
    try:
        yield
    finally:
        db.conn.execute(f"DELETE FROM {BULK_INDEX_TABLE} WHERE writer = ?", (marker,))


def _code(value: object) -> str | None:
    """A partner code among a form's values: text or None (anything else is a caller's mistake)."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"a partner code must be text, not {type(value).__name__}")


def _items(value: object) -> list[object]:
    """The entries of a list among a form's values (None or empty: none)."""
    if not value:
        return []
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return list(value)
    raise TypeError(f"a list of values was expected, not {type(value).__name__}")


def _source_id(value: object) -> int:
    """A cited source's id among a form's values (a number, or its digits)."""
    if isinstance(value, (int, str)):
        return int(value)
    raise TypeError(f"a source id must be a number, not {type(value).__name__}")


class Editor:
    """Builds and applies change sets on one database connection."""

    def __init__(self, db: Database):
        self.db = db
        self._columns: dict[str, list[str]] = {}

    # ------------------------------------------------------------------ reading

    def columns(self, table: str) -> list[str]:
        """The stored columns of a table (generated columns left out: they cannot be written)."""
        if table not in self._columns:
            self._columns[table] = [r[1] for r in self.db.conn.execute(f"PRAGMA table_xinfo({table})") if r[6] == 0]
        return self._columns[table]

    def _select(self, table: str) -> str:
        return f"SELECT {', '.join(self.columns(table))} FROM {table}"

    def _rows(self, sql: str, params: tuple[object, ...]) -> tuple[RowValues, ...]:
        cur = self.db.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        return tuple(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str)))

    def snapshot(self, kind: str, record_id: int) -> Snapshot | None:
        table = TABLES[kind]
        rows = self._rows(f"{self._select(table)} WHERE id = ?", (int(record_id),))
        if not rows:
            return None
        links = {}
        for owned_table, column, typed in OWNED[kind]:
            where = f"{column} = ?"
            params: list[object] = [int(record_id)]
            if typed:
                where += " AND record_type = ?"
                params.append(kind)
            links[f"{owned_table}.{column}"] = self._rows(f"{self._select(owned_table)} WHERE {where}", tuple(params))
        referrers = {}
        for ref_table, column in REFERRERS.get(kind, ()):
            ids = tuple(r[0] for r in self.db.conn.execute(
                f"SELECT id FROM {ref_table} WHERE {column} = ? ORDER BY id", (int(record_id),)))
            if ids:
                referrers[f"{ref_table}.{column}"] = ids
        return Snapshot(kind, rows[0], links, referrers)

    def mark(self, kind: str, uid: str) -> str | None:
        row = self.db.conn.execute("SELECT state FROM record_marks WHERE record_type = ? AND record_uid = ?",
                                   (kind, uid)).fetchone()
        return row[0] if row else None

    def values_of(self, kind: str, record_id: int) -> RowValues:
        """A record's values as the edit form shows them (links as lists, partner ids as ISO3)."""
        snap = self.snapshot(kind, record_id)
        if snap is None:
            raise EditError(f"The {kind} record {record_id} no longer exists.")
        values = {k: v for k, v in snap.row.items() if k not in ("id", "uid")}
        if "partner_id" in values and kind in ("trade", "target", "fact"):
            values["partner_iso3"] = self._iso3(values.pop("partner_id"))
        if kind in _PARTNER_LINK:
            table, column = _PARTNER_LINK[kind]
            rows = sorted(snap.links[f"{table}.{column}"], key=lambda r: r["position"])
            values["partners"] = [self._iso3(r["partner_id"]) for r in rows]
        if kind == "agreement":
            values["sectors"] = sorted(r["sector"] for r in snap.links["agreement_sectors.agreement_id"])
        if "record_sources.record_id" in snap.links:
            rows = sorted(snap.links["record_sources.record_id"], key=lambda r: (r["position"], r["source_id"]))
            values["sources"] = [r["source_id"] for r in rows]
        if kind == "partner":
            values["is_focus"] = bool(values.get("is_focus"))
        return values

    def _iso3(self, partner_id: int | None) -> str | None:
        if partner_id is None:
            return None
        row = self.db.conn.execute("SELECT iso3 FROM partners WHERE id = ?", (partner_id,)).fetchone()
        return row[0] if row else None

    def _partner_id(self, iso3: str | None) -> int | None:
        if iso3 is None:
            return None
        row = self.db.conn.execute("SELECT id FROM partners WHERE iso3 = ?", (iso3,)).fetchone()
        if row is None:
            raise EditError(f"No partner has the code {iso3}.")
        return int(row[0])

    # ------------------------------------------------------------------ building change sets

    def _after(self, kind: str, record_id: int, uid: str, values: Mapping[str, object],
               base: Snapshot | None) -> Snapshot:
        """The snapshot a record will have: ``base`` (or nothing) with the form's values put in."""
        table = TABLES[kind]
        row: RowValues = dict(base.row) if base else {c: None for c in self.columns(table)}
        row["id"], row["uid"] = record_id, uid
        links = {k: tuple(v) for k, v in (base.links if base else {}).items()}
        for owned_table, column, _ in OWNED[kind]:
            links.setdefault(f"{owned_table}.{column}", ())
        for key, value in values.items():
            if key == "partner_iso3":
                row["partner_id"] = self._partner_id(_code(value))
            elif key == "partners" and kind in _PARTNER_LINK:
                link_table, column = _PARTNER_LINK[kind]
                links[f"{link_table}.{column}"] = tuple(
                    {column: record_id, "partner_id": self._partner_id(_code(iso3)), "position": n}
                    for n, iso3 in enumerate(_items(value)))
            elif key == "sectors" and kind == "agreement":
                links["agreement_sectors.agreement_id"] = tuple(
                    {"agreement_id": record_id, "sector": code} for code in _items(value))
            elif key == "sources" and "record_sources.record_id" in links:
                links["record_sources.record_id"] = tuple(
                    {"record_type": kind, "record_id": record_id, "source_id": _source_id(s), "position": n}
                    for n, s in enumerate(_items(value)))
            elif key == "is_focus":
                row[key] = 1 if value else 0
            elif key in row and key not in ("id", "uid"):
                row[key] = value
        if kind == "agreement" and row.get("doc_count") is None:
            row["doc_count"] = 1
        if kind == "partner" and row.get("is_focus") is None:
            row["is_focus"] = 0
        return Snapshot(kind, row, links, dict(base.referrers) if base else {})

    def new_id(self, kind: str) -> int:
        table = TABLES[kind]
        return int(self.db.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

    def build_create(self, kind: str, values: Mapping[str, object], label: str | None = None) -> ChangeSet:
        record_id = self.new_id(kind)
        uid = f"user_{kind}_{uuid.uuid4().hex[:12]}"
        after = self._after(kind, record_id, uid, values, None)
        change = RecordChange(kind, None, after, None, "added")
        return ChangeSet(label or f"Add {kind}", (change,))

    def _update_change(self, kind: str, record_id: int, values: Mapping[str, object]) -> RecordChange:
        before = self.snapshot(kind, record_id)
        if before is None:
            raise StaleEdit(f"The {kind} record {record_id} no longer exists.")
        after = self._after(kind, record_id, before.uid, values, before)
        mark = self.mark(kind, before.uid)
        return RecordChange(kind, before, after, mark, "added" if mark == "added" else "changed")

    def build_update(self, kind: str, record_id: int, values: Mapping[str, object],
                     label: str | None = None) -> ChangeSet:
        return ChangeSet(label or f"Edit {kind}", (self._update_change(kind, record_id, values),))

    def build_update_many(self, kind: str, updates: Mapping[int, Mapping[str, object]],
                          label: str | None = None) -> ChangeSet:
        """Several records changed in one step (one transaction, one undo)."""
        return ChangeSet(label or f"Edit {len(updates)} {kind} records",
                         tuple(self._update_change(kind, i, v) for i, v in updates.items()))

    def _delete_change(self, kind: str, record_id: int) -> RecordChange:
        before = self.snapshot(kind, record_id)
        if before is None:
            raise StaleEdit(f"The {kind} record {record_id} no longer exists.")
        mark = self.mark(kind, before.uid)
        return RecordChange(kind, before, None, mark, None if mark == "added" else "deleted")

    def dependants(self, kind: str, record_id: int) -> dict[str, int]:
        """What depends on a record: reason -> count (see build_delete)."""
        conn, rid = self.db.conn, int(record_id)
        out = {}
        if kind == "event":
            out["event_agreements"] = conn.execute("SELECT count(*) FROM agreements WHERE event_id = ?",
                                                   (rid,)).fetchone()[0]
        elif kind == "source":
            out["source_citations"] = conn.execute("SELECT count(*) FROM record_sources WHERE source_id = ?",
                                                   (rid,)).fetchone()[0]
        elif kind == "node":
            out["node_segments"] = conn.execute(
                "SELECT count(*) FROM segments WHERE from_node_id = ? OR to_node_id = ?", (rid, rid)).fetchone()[0]
        elif kind == "corridor":
            out["corridor_segments"] = conn.execute("SELECT count(*) FROM segments WHERE corridor_id = ?",
                                                    (rid,)).fetchone()[0]
        elif kind == "partner":
            out["partner_records"] = sum(conn.execute(sql, (rid,)).fetchone()[0] for sql in (
                "SELECT count(*) FROM agreement_partners WHERE partner_id = ?",
                "SELECT count(*) FROM event_partners WHERE partner_id = ?",
                "SELECT count(*) FROM trade_figures WHERE partner_id = ?",
                "SELECT count(*) FROM targets WHERE partner_id = ?",
                "SELECT count(*) FROM facts WHERE partner_id = ?",
                "SELECT count(*) FROM mechanisms WHERE partner_id = ?"))
        return {k: v for k, v in out.items() if v}

    def build_delete(self, kind: str, record_id: int, *, choice: str | None = None,
                     label: str | None = None) -> ChangeSet:
        """Delete a record. Where others depend on it the caller must choose first:

        - an event with agreements: ``choice="unlink"`` keeps them without the event, ``"delete"``
          deletes them too (ChoiceNeeded "event_agreements" otherwise);
        - a source cited by records: ``choice="delete"`` removes the citations (ChoiceNeeded
          "source_citations");
        - a corridor with segments: ``choice="delete"`` deletes its segments (ChoiceNeeded
          "corridor_segments");
        - a node on segments, a partner with records: refused (InUse "node_segments", "partner_records").
        """
        deps = self.dependants(kind, record_id)
        changes: list[RecordChange] = []
        if "node_segments" in deps:
            raise InUse(f"This node is an end of {deps['node_segments']} segment(s); delete or change those first.",
                        "node_segments", deps["node_segments"])
        if "partner_records" in deps:
            raise InUse(f"{deps['partner_records']} record(s) belong to this partner; delete or move them first.",
                        "partner_records", deps["partner_records"])
        if "event_agreements" in deps:
            if choice not in ("unlink", "delete"):
                raise ChoiceNeeded("Agreements were signed at this event.", "event_agreements",
                                   deps["event_agreements"])
            ids = [r[0] for r in self.db.conn.execute("SELECT id FROM agreements WHERE event_id = ? ORDER BY id",
                                                      (int(record_id),))]
            for agreement_id in ids:
                changes.append(self._update_change("agreement", agreement_id, {"event_id": None})
                               if choice == "unlink" else self._delete_change("agreement", agreement_id))
        if "source_citations" in deps and choice != "delete":
            raise ChoiceNeeded("Records cite this source.", "source_citations", deps["source_citations"])
        if "corridor_segments" in deps:
            if choice != "delete":
                raise ChoiceNeeded("The corridor has segments.", "corridor_segments", deps["corridor_segments"])
            for (segment_id,) in self.db.conn.execute("SELECT id FROM segments WHERE corridor_id = ? ORDER BY id",
                                                      (int(record_id),)).fetchall():
                changes.append(self._delete_change("segment", segment_id))
        last = self._delete_change(kind, record_id)
        handled = {(c.kind, c.record_id) for c in changes}
        if handled and last.before is not None:  # what this change set handles itself is not restored twice
            kind_of = {v: k for k, v in TABLES.items()}
            referrers = {key: tuple(i for i in ids if (kind_of.get(key.split(".")[0]), i) not in handled)
                         for key, ids in last.before.referrers.items()}
            before = Snapshot(kind, last.before.row, last.before.links, {k: v for k, v in referrers.items() if v})
            last = RecordChange(kind, before, None, last.mark_before, last.mark_after)
        changes.append(last)
        return ChangeSet(label or f"Delete {kind}", tuple(changes))

    # ------------------------------------------------------------------ applying

    def apply(self, change_set: ChangeSet, action: str = "edit",
              progress: Callable[[int, int], bool] | None = None) -> tuple[ChangeSet, Changes]:
        """Apply a change set in one transaction (all or nothing). ``action`` is "edit" for a new edit,
        "undo" or "redo" (or "import": logged as such). Returns the change set as stored (values read
        back, for an exact undo) and what changed. ``progress(done, total)`` is called every 100
        records; when it returns False the transaction is rolled back and EditCancelled raised."""
        batch = uuid.uuid4().hex
        user, now = os_user(), _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        stored: list[RecordChange] = []
        touched: dict[Kind, set[int]] = {}
        total = len(change_set.changes)
        with self.db.transaction():
            for n, change in enumerate(change_set.changes):
                if progress is not None and n % 100 == 0 and progress(n, total) is False:
                    raise EditCancelled("The import was cancelled; nothing was changed.")
                self._check_current(change)
                self._write(change)
                after = self.snapshot(change.kind, change.record_id) if change.after is not None else None
                if after is not None and after == change.after:
                    after = change.after  # the same values: keep one copy (large imports hold many)
                stored_change = (change if after is change.after else
                                 RecordChange(change.kind, change.before, after, change.mark_before, change.mark_after))
                self._log(stored_change, action, user, now, batch)
                self._set_mark(stored_change, now)
                stored.append(stored_change)
                touched.setdefault(Kind(change.kind), set()).add(change.record_id)
        return ChangeSet(change_set.label, tuple(stored)), Changes({k: frozenset(v) for k, v in touched.items()})

    def _check_current(self, change: RecordChange) -> None:
        current = self.snapshot(change.kind, change.record_id)
        if change.before is None:
            if current is not None:
                raise StaleEdit(f"A {change.kind} record with the id {change.record_id} exists already.")
            return
        if current is None or current.row != change.before.row or current.links != change.before.links:
            raise StaleEdit(f"The {change.kind} record “{change.uid}” was changed elsewhere since; "
                            "the edit was not applied.")

    def _write(self, change: RecordChange) -> None:
        conn, table = self.db.conn, TABLES[change.kind]
        rid = change.record_id
        if change.before is not None:  # update or delete: the owned rows go (an update puts them back)
            for key in change.before.links:
                if change.after is not None and change.after.links.get(key, ()) == change.before.links[key]:
                    continue
                owned_table, column = key.split(".")
                typed = any(t == owned_table and c == column and typed for t, c, typed in OWNED[change.kind])
                where = f"{column} = ?" + (" AND record_type = ?" if typed else "")
                conn.execute(f"DELETE FROM {owned_table} WHERE {where}", (rid, change.kind) if typed else (rid,))
        if change.after is None:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
            return
        row = change.after.row
        if change.before is None:
            cols = list(row)
            conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         [row[c] for c in cols])
        else:
            changed = [c for c in row if c != "id" and row[c] != change.before.row.get(c)]
            if changed:
                conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
                             [row[c] for c in changed] + [rid])
        for key, rows in change.after.links.items():
            if change.before is not None and change.before.links.get(key, ()) == rows:
                continue
            owned_table = key.split(".")[0]
            for r in rows:
                cols = list(r)
                conn.execute(f"INSERT INTO {owned_table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             [r[c] for c in cols])
        if change.before is None:  # a delete undone: what pointed at the record points at it again
            for key, ids in change.after.referrers.items():
                ref_table, column = key.split(".")
                conn.execute(f"UPDATE {ref_table} SET {column} = ? WHERE id IN ({', '.join('?' * len(ids))})",
                             [rid, *ids])

    def _log(self, change: RecordChange, action: str, user: str, now: str, batch: str) -> None:
        def dump(snap: Snapshot | None) -> str | None:
            return None if snap is None else json.dumps({"row": snap.row, "links": snap.links},
                                                        ensure_ascii=False, sort_keys=True, default=str)

        self.db.conn.execute(
            "INSERT INTO change_log (changed_at, user_name, action, record_type, record_id, record_uid, fields, "
            "before_json, after_json, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now, user, change.action if action == "edit" else action, change.kind, change.record_id, change.uid,
             json.dumps(change.fields()), dump(change.before), dump(change.after), batch))

    def _set_mark(self, change: RecordChange, now: str) -> None:
        if change.mark_after is None:
            self.db.conn.execute("DELETE FROM record_marks WHERE record_type = ? AND record_uid = ?",
                                 (change.kind, change.uid))
        else:
            self.db.conn.execute(
                "INSERT INTO record_marks (record_type, record_uid, state, changed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (record_type, record_uid) DO UPDATE SET state = excluded.state, "
                "changed_at = excluded.changed_at", (change.kind, change.uid, change.mark_after, now))

    # ------------------------------------------------------------------ history

    def history(self, kind: str, record_id: int) -> list[RowValues]:
        """The change log of one record, newest first."""
        cur = self.db.conn.execute(
            "SELECT changed_at, user_name, action, fields, before_json, after_json, batch_id FROM change_log "
            "WHERE record_type = ? AND record_id = ? ORDER BY id DESC", (kind, int(record_id)))
        names = [d[0] for d in cur.description]
        out = []
        for r in cur.fetchall():
            entry = dict(zip(names, r, strict=True))
            entry["fields"] = json.loads(entry["fields"] or "[]")
            out.append(entry)
        return out
