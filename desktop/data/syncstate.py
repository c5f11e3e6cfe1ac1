"""A laptop's side of the team sync: what it has sent and seen, what it has changed since, and writing what the
team server sends.

The laptop always works on its own SQLite copy. Its edits are the change sets of ``change_log`` (one batch each);
those after ``meta['sync_log_id']`` are not on the server yet. ``sync_records`` holds, per record, the server's
version the laptop last saw and the fingerprint of its document then; ``meta['sync_seq']`` the last position of the
server's change feed it has applied. A record changed here since and on the server too is a conflict
(``sync_conflicts``): never overwritten, kept until the user chooses. Changes from the server are written in one
transaction, logged as 'pull' with the server's author and time, and never sent back. Vocabularies (document
types, statuses …, metrics) travel as entries of the kind "vocab:<table>" keyed by code; only a curator's reach
the server, and nothing deletes a code.

The protocol itself (the server, its roles, the push and pull) is desktop.sync; this module is its SQLite half.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from desktop.core.edits import RecordChange, Snapshot
from desktop.core.records import RowValues
from desktop.data import editing
from desktop.data.database import Database
from desktop.data.documents import (
    SYNC_KINDS,
    TABLE_OF,
    VOCABULARY_PREFIX,
    DocumentWriter,
    RecordDocuments,
    Skip,
    delete_actions,
    doc_refs,
    doc_sha,
    drop_reference,
    needs,
)
from desktop.data.migrations import VOCABULARIES

META_REPLICA = "sync_replica"
META_SEQ = "sync_seq"
META_LOG = "sync_log_id"
META_SERVER = "sync_server"  # the connection string last used, without a password
VOCABULARY_BATCH = "vocabulary"  # the start of the name of the pending set of vocabulary entries
VOCABULARY_TABLES: tuple[str, ...] = (*VOCABULARIES, "metrics")
# every kind in the order a pull writes it: vocabularies, then records (what a record refers to first)
KIND_ORDER: tuple[str, ...] = (*(VOCABULARY_PREFIX + t for t in VOCABULARY_TABLES), *(k for k, _ in SYNC_KINDS))
RESOLUTIONS = ("mine", "theirs", "merged", "both")


@dataclass(frozen=True)
class ServerRecord:
    """A record as the server holds it: its version, its document (None: deleted), who changed it and when."""

    kind: str
    uid: str
    version: int
    seq: int
    doc: RowValues | None
    changed_by: str
    changed_at: str
    change_set: str | None = None  # the change set that wrote this version (None: loaded at the server's set-up)


@dataclass(frozen=True)
class PendingSet:
    """One local change set not yet on the server: its batch in the change log and the records it touched."""

    batch_id: str
    first_log_id: int
    last_log_id: int
    label: str
    records: tuple[tuple[str, str], ...]  # (kind, uid)

    @property
    def vocabulary(self) -> bool:
        """Whether this is the set of vocabulary entries changed here (only a curator's reach the server)."""
        return self.batch_id.startswith(VOCABULARY_BATCH)


@dataclass(frozen=True)
class Conflict:
    id: int
    kind: str
    uid: str
    server_version: int
    server_doc: RowValues | None
    server_by: str | None
    server_at: str | None
    local_doc: RowValues | None
    found_at: str

    def fields(self) -> list[str]:
        """The fields whose values differ (all of them when one side deleted the record)."""
        mine, theirs = self.local_doc or {}, self.server_doc or {}
        return [k for k in sorted(set(mine) | set(theirs)) if k != "uid" and mine.get(k) != theirs.get(k)]


@dataclass
class PullResult:
    applied: list[tuple[str, str]] = field(default_factory=list)  # (kind, uid) written here
    deleted: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # newly found
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, uid, why)
    # deleted here (not sent yet) and written back as the server has them: the server's records need them
    restored: list[tuple[str, str]] = field(default_factory=list)
    last_seq: int = 0
    # the feed position of the first server record that could not be written here: the laptop's position stays
    # before it, so that the next pull tries it again (what was written meanwhile is skipped then as already here)
    retry_from: int | None = None

    def could_not_write(self, record: ServerRecord, why: str) -> None:
        self.skipped.append((record.kind, record.uid, why))
        self.retry_from = record.seq if self.retry_from is None else min(self.retry_from, record.seq)


class SyncStateError(Exception):
    pass


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (key, value))


def _loads(text: str | None) -> RowValues | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else None


def _dumps(doc: RowValues | None) -> str | None:
    return None if doc is None else json.dumps(doc, ensure_ascii=False, sort_keys=True, default=str)


def all_documents(conn: sqlite3.Connection) -> Iterator[tuple[str, str, RowValues]]:
    """Every record and vocabulary entry of a database, as (kind, uid, document), in :data:`KIND_ORDER`."""
    for table in VOCABULARY_TABLES:
        cur = conn.execute(f"SELECT * FROM {table} ORDER BY code")
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            values = dict(zip(names, row, strict=True))
            yield VOCABULARY_PREFIX + table, str(values["code"]), values
    docs = RecordDocuments(conn)
    for kind, table in SYNC_KINDS:
        for uid, (_id, doc) in sorted(docs.records(kind, table).items()):
            yield kind, uid, doc


class _PullWriter(DocumentWriter):
    """Writes the server's documents into the laptop's copy, logged as 'pull' with the server's author."""

    def log(self, record: ServerRecord, record_id: int, before: Snapshot | None, after: Snapshot | None,
            batch: str) -> None:
        fields = RecordChange(record.kind, before, after).fields() if before or after else []

        def dump(snap: Snapshot | None) -> str | None:
            return None if snap is None else json.dumps({"row": snap.row, "links": snap.links},
                                                        ensure_ascii=False, sort_keys=True, default=str)

        self.conn.execute(
            "INSERT INTO change_log (changed_at, user_name, action, record_type, record_id, record_uid, fields, "
            "before_json, after_json, batch_id) VALUES (?, ?, 'pull', ?, ?, ?, ?, ?, ?, ?)",
            (record.changed_at, record.changed_by, record.kind, record_id, record.uid, json.dumps(fields),
             dump(before), dump(after), batch))
        state = None if after is None else ("added" if before is None else "changed")
        if after is None:
            state = "deleted"
        old = self.conn.execute("SELECT state FROM record_marks WHERE record_type = ? AND record_uid = ?",
                                (record.kind, record.uid)).fetchone()
        if old and old[0] == "added" and state == "changed":
            state = "added"
        self.conn.execute(
            "INSERT INTO record_marks (record_type, record_uid, state, changed_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (record_type, record_uid) DO UPDATE SET state = excluded.state, "
            "changed_at = excluded.changed_at", (record.kind, record.uid, state, _now()))


class _Lookup:
    """What a pull compares each server record with, read a chunk of records at a time (a few queries per chunk
    instead of a few per record): the laptop's document of it and the version it last saw. A chunk is read before
    any of its records is written, and a record is written once per pull, so what was read stays true."""

    CHUNK = 500

    def __init__(self, replica: LocalReplica, docs: RecordDocuments):
        self.replica, self.docs = replica, docs
        self._docs: dict[tuple[str, str], RowValues | None] = {}
        self._known: dict[tuple[str, str], tuple[int, str | None]] = {}

    def ahead(self, records: Iterable[ServerRecord]) -> Iterator[ServerRecord]:
        chunk: list[ServerRecord] = []
        for record in records:
            chunk.append(record)
            if len(chunk) == self.CHUNK:
                self._read(chunk)
                yield from chunk
                chunk = []
        self._read(chunk)
        yield from chunk

    def _read(self, chunk: list[ServerRecord]) -> None:
        self._docs.clear()
        self._known.clear()
        by_kind: dict[str, list[str]] = {}
        for record in chunk:
            by_kind.setdefault(record.kind, []).append(record.uid)
        for kind, uids in by_kind.items():
            rows = self.replica.conn.execute(
                "SELECT uid, version, doc_sha FROM sync_records WHERE record_type = ? AND uid IN "
                "(SELECT value FROM json_each(?))", (kind, json.dumps(uids))).fetchall()
            self._known.update({(kind, u): (int(v), s) for u, v, s in rows})
            if kind.startswith(VOCABULARY_PREFIX):
                for uid in uids:
                    self._docs[(kind, uid)] = self.replica.current_doc(kind, uid)
                continue
            found = self.docs.records_of(kind, TABLE_OF[kind], uids)
            for uid in uids:
                self._docs[(kind, uid)] = found[uid][1] if uid in found else None

    def known(self, record: ServerRecord) -> tuple[int, str | None] | None:
        return self._known.get((record.kind, record.uid))

    def doc(self, record: ServerRecord) -> RowValues | None:
        return self._docs.get((record.kind, record.uid))


class LocalReplica:
    """The sync state of one laptop's database (see the module notes)."""

    def __init__(self, db: Database):
        self.db = db
        self.conn = db.conn
        self._restricting: dict[str, list[tuple[str, str]]] | None = None  # table -> (child table, column)

    # ------------------------------------------------------------------ identity and positions

    @property
    def replica_id(self) -> str:
        """This copy's name on the server, made at its first sync. A copy of the file keeps it: the two copies' change
        sets still differ (named by their change-log batches; vocabulary sets by what they hold), only the server's
        list of conflicts counts a conflict both copies found once (README, "A team server")."""
        value = self.db.meta(META_REPLICA)
        if value:
            return value
        value = uuid.uuid4().hex
        with self.db.transaction() as conn:
            set_meta(conn, META_REPLICA, value)
        return value

    @property
    def last_seq(self) -> int:
        return int(self.db.meta(META_SEQ) or 0)

    @property
    def log_mark(self) -> int:
        return int(self.db.meta(META_LOG) or 0)

    def never_synced(self) -> bool:
        return self.db.meta(META_SEQ) is None

    # ------------------------------------------------------------------ documents

    def documents(self) -> RecordDocuments:
        return RecordDocuments(self.conn)

    def record_id(self, kind: str, uid: str) -> int | None:
        row = self.conn.execute(f"SELECT id FROM {TABLE_OF[kind]} WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else int(row[0])

    def current_doc(self, kind: str, uid: str, docs: RecordDocuments | None = None) -> RowValues | None:
        """The record's document here (None when this copy lacks it)."""
        if kind.startswith(VOCABULARY_PREFIX):
            return self._vocabulary_entry(kind[len(VOCABULARY_PREFIX):], uid)
        record_id = self.record_id(kind, uid)
        if record_id is None:
            return None
        return (docs or self.documents()).record(kind, TABLE_OF[kind], record_id)

    def _vocabulary_entry(self, table: str, code: str) -> RowValues | None:
        cur = self.conn.execute(f"SELECT * FROM {table} WHERE code = ?", (code,))
        row = cur.fetchone()
        return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))

    def states(self, pairs: Iterable[tuple[str, str]],
               docs: RecordDocuments | None = None) -> dict[tuple[str, str], tuple[RowValues | None,
                                                                                  tuple[int, str | None] | None]]:
        """For each (kind, uid): its document here and the server version last seen (as :meth:`current_doc` and
        :meth:`known`), read a chunk at a time."""
        lookup = _Lookup(self, docs or self.documents())
        out = {}
        for record in lookup.ahead(ServerRecord(k, u, 0, 0, None, "", "") for k, u in pairs):
            out[(record.kind, record.uid)] = (lookup.doc(record), lookup.known(record))
        return out

    def known(self, kind: str, uid: str) -> tuple[int, str | None] | None:
        row = self.conn.execute("SELECT version, doc_sha FROM sync_records WHERE record_type = ? AND uid = ?",
                                (kind, uid)).fetchone()
        return None if row is None else (int(row[0]), row[1])

    def set_known(self, kind: str, uid: str, version: int, sha: str | None) -> None:
        self.conn.execute(
            "INSERT INTO sync_records (record_type, uid, version, doc_sha) VALUES (?, ?, ?, ?) ON CONFLICT "
            "(record_type, uid) DO UPDATE SET version = excluded.version, doc_sha = excluded.doc_sha",
            (kind, uid, version, sha))

    # ------------------------------------------------------------------ what is to be sent

    def pending_sets(self) -> list[PendingSet]:
        """The local change sets after the last one sent, oldest first (pulled changes are not the laptop's)."""
        rows = self.conn.execute(
            "SELECT batch_id, min(id), max(id), group_concat(record_type || char(31) || coalesce(record_uid, ''), "
            "char(30)), min(action) FROM change_log WHERE id > ? AND action <> 'pull' GROUP BY batch_id "
            "ORDER BY min(id)", (self.log_mark,)).fetchall()
        out = []
        for batch, first, last, records, action in rows:
            pairs: dict[tuple[str, str], None] = {}  # in the log's order, each record once
            for item in (records or "").split("\x1e"):
                kind, _, uid = item.partition("\x1f")
                if uid and kind in TABLE_OF:
                    pairs[(kind, uid)] = None
            out.append(PendingSet(str(batch or f"log-{first}"), int(first), int(last), str(action), tuple(pairs)))
        vocabulary = self.vocabulary_changes()
        if vocabulary:
            # vocabulary edits are not in the change log: the set is named by what it holds, so that a second change
            # after a sync is a new change set on the server, and the same one sent again is recognised
            last = self.log_mark
            content = json.dumps([[kind, code, doc_sha(self._vocabulary_entry(kind[len(VOCABULARY_PREFIX):], code))]
                                  for kind, code in vocabulary])
            batch = f"{VOCABULARY_BATCH}-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:32]}"
            out.insert(0, PendingSet(batch, last, last, "vocabulary", tuple(vocabulary)))
        return out

    def pending_records(self) -> set[tuple[str, str]]:
        return {pair for pending in self.pending_sets() for pair in pending.records}

    def vocabulary_changes(self) -> list[tuple[str, str]]:
        """Vocabulary entries that differ from what the server last had (new codes, changed names)."""
        changed = []
        for table in VOCABULARY_TABLES:
            kind = VOCABULARY_PREFIX + table
            known = {uid: sha for uid, sha in self.conn.execute(
                "SELECT uid, doc_sha FROM sync_records WHERE record_type = ?", (kind,))}
            cur = self.conn.execute(f"SELECT * FROM {table} ORDER BY code")
            names = [d[0] for d in cur.description]
            for row in cur.fetchall():
                values = dict(zip(names, row, strict=True))
                if known.get(str(values["code"])) != doc_sha(values):
                    changed.append((kind, str(values["code"])))
        return changed

    def mark_sent(self, pending: PendingSet, versions: Iterable[tuple[str, str, int, str | None]]) -> None:
        """A change set is on the server: the versions it got there, and the log read up to its last entry."""
        with self.db.transaction() as conn:
            for kind, uid, version, sha in versions:
                self.set_known(kind, uid, version, sha)
            if pending.last_log_id > self.log_mark:
                set_meta(conn, META_LOG, str(pending.last_log_id))

    # ------------------------------------------------------------------ conflicts

    def open_conflicts(self) -> list[Conflict]:
        rows = self.conn.execute(
            "SELECT id, record_type, uid, server_version, server_doc, server_by, server_at, local_doc, found_at "
            "FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id").fetchall()
        return [Conflict(int(r[0]), r[1], r[2], int(r[3]), _loads(r[4]), r[5], r[6], _loads(r[7]), r[8])
                for r in rows]

    def conflicted(self) -> set[tuple[str, str]]:
        return {(c.kind, c.uid) for c in self.open_conflicts()}

    def conflict(self, conflict_id: int) -> Conflict:
        for c in self.open_conflicts():
            if c.id == conflict_id:
                return c
        raise SyncStateError(f"There is no open conflict number {conflict_id}.")

    def _note_conflict(self, record: ServerRecord, local: RowValues | None) -> bool:
        """Keep a conflict (True when this server version was not reported before); an older open conflict of the
        same record is superseded by it."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO sync_conflicts (record_type, uid, server_version, server_doc, server_by, "
            "server_at, local_doc, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (record.kind, record.uid, record.version, _dumps(record.doc), record.changed_by, record.changed_at,
             _dumps(local), _now()))
        if cur.rowcount:
            self.conn.execute(
                "UPDATE sync_conflicts SET resolved_at = ?, resolution = 'superseded' WHERE record_type = ? AND "
                "uid = ? AND server_version < ? AND resolved_at IS NULL", (_now(), record.kind, record.uid,
                                                                           record.version))
        return bool(cur.rowcount)

    # ------------------------------------------------------------------ writing what the server sends

    def apply_pulled(self, records: Iterable[ServerRecord], *, own: frozenset[str] = frozenset(),
                     progress: Callable[[int], bool] | None = None) -> PullResult:
        """Write the server's records here, in one transaction: each newer than what the laptop has seen and not
        changed here since is written (a deletion deletes); one changed here too is a conflict unless both sides
        hold the same document. ``records`` come in :data:`KIND_ORDER`; deletions are written last, in reverse.
        ``own`` names change sets this laptop sent whose answer it never recorded (the sync was cut off after the
        server wrote them): their versions are this laptop's own, not a conflict. ``progress(done)`` returning False
        rolls everything back (:class:`SyncStateError`)."""
        result = PullResult(last_seq=self.last_seq)
        pending = self.pending_records()
        conflicted = self.conflicted()
        batch = "pull-" + uuid.uuid4().hex
        with self.db.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            docs = self.documents()
            writer = _PullWriter(self.db, docs)
            deletions: list[ServerRecord] = []
            uid_of: dict[tuple[str, int], str] = {}
            lookup = _Lookup(self, docs)
            deleted_here = self._deleted_here(conflicted)
            actions = delete_actions(conn) if deleted_here else {}
            for n, record in enumerate(lookup.ahead(records)):
                if progress is not None and n % 200 == 0 and progress(n) is False:
                    raise SyncStateError("The sync was cancelled; nothing was changed.")
                result.last_seq = max(result.last_seq, record.seq)
                known = lookup.known(record)
                if known is not None and record.version <= known[0]:
                    continue  # already here (the laptop's own change, or seen before)
                sha = doc_sha(record.doc)
                if record.change_set is not None and record.change_set in own:
                    self.set_known(record.kind, record.uid, record.version, sha)
                    continue
                local = lookup.doc(record)
                if doc_sha(local) == sha:
                    self.set_known(record.kind, record.uid, record.version, sha)
                    self._settle(record)
                    continue
                if (record.kind, record.uid) in pending and self._base_doc(docs, record.kind, record.uid) == \
                        record.doc and (record.kind, record.uid) not in conflicted:
                    # changed here only: the server still holds what this laptop's change started from
                    self.set_known(record.kind, record.uid, record.version, sha)
                    continue
                if (record.kind, record.uid) in pending or (record.kind, record.uid) in conflicted:
                    if self._note_conflict(record, local):
                        result.conflicts.append((record.kind, record.uid))
                    continue
                if record.doc is None:
                    deletions.append(record)
                    continue
                if deleted_here and not record.kind.startswith(VOCABULARY_PREFIX):
                    self._bring_back(writer, docs, record, deleted_here, actions, result, batch, uid_of)
                self._write(writer, docs, record, result, batch, uid_of, local)
            for record in sorted(deletions, key=lambda r: -KIND_ORDER.index(r.kind)):
                self._delete(writer, docs, record, result, batch)
            writer.write_conflict_memberships(lambda kind, uid, why: result.skipped.append((kind, uid, why)), uid_of)
            if result.retry_from is not None:
                result.last_seq = min(result.last_seq, max(self.last_seq, result.retry_from - 1))
            set_meta(conn, META_SEQ, str(result.last_seq))
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise SyncStateError(f"The server's changes would leave broken references here ({problems[:5]}); "
                                     "nothing was changed.")
        return result

    def _deleted_here(self, conflicted: set[tuple[str, str]]) -> dict[str, tuple[str, str]]:
        """The records deleted here whose deletion has not reached the server, which the server still holds (not in
        conflict): "table:uid" -> (kind, uid)."""
        out = {}
        for kind, uid in self.conn.execute(
                "SELECT DISTINCT record_type, record_uid FROM change_log WHERE id > ? AND action <> 'pull' AND "
                "after_json IS NULL", (self.log_mark,)).fetchall():
            table = TABLE_OF.get(kind)
            known = self.known(kind, uid)
            if table is not None and (kind, uid) not in conflicted and known is not None and known[1] is not None \
                    and self.record_id(kind, uid) is None:
                out[f"{table}:{uid}"] = (str(kind), str(uid))
        return out

    def _bring_back(self, writer: _PullWriter, docs: RecordDocuments, record: ServerRecord,
                    deleted_here: dict[str, tuple[str, str]], actions: dict[tuple[str, str], str], result: PullResult,
                    batch: str, uid_of: dict[tuple[str, int], str]) -> None:
        """Before a server record is written: the records it needs in a way nothing may break (RESTRICT: a figure's
        partner, a segment's nodes) that were deleted here and not sent yet come back as the server holds them
        (the server refuses their deletion while its records need them, as SQLite refuses it here)."""
        assert record.doc is not None
        table = TABLE_OF[record.kind]
        for ref in doc_refs(table, record.doc):
            gone = deleted_here.get(ref)
            if gone is None or not needs(table, drop_reference(table, record.doc, ref, actions), ref):
                continue
            kind, uid = gone
            if gone in result.conflicts or gone in self.conflicted():
                continue  # (the user chooses: bringing it back would take the choice away)
            known, base = self.known(kind, uid), self._base_doc(docs, kind, uid)
            if known is None or base is None or doc_sha(base) != known[1]:
                continue  # (what it was here is not what the server holds: the push brings the server's back)
            del deleted_here[ref]
            back = ServerRecord(kind, uid, known[0], record.seq, base, editing.os_user(), _now())
            self._write(writer, docs, back, result, batch, uid_of)
            if result.applied and result.applied[-1] == (kind, uid):
                result.applied.pop()
                result.restored.append((kind, uid))

    def restore(self, records: Iterable[tuple[str, str, int, RowValues]], docs: RecordDocuments | None = None
                ) -> list[tuple[str, str]]:
        """Write back records deleted here whose deletion the server refused (its records need them), as the server
        holds them (kind, uid, version, document), in one transaction, logged as pulls. Returns those written."""
        result = PullResult()
        docs = docs or self.documents()
        with self.db.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            writer = _PullWriter(self.db, docs)
            batch = "pull-" + uuid.uuid4().hex
            for kind, uid, version, doc in records:
                self._write(writer, docs, ServerRecord(kind, uid, version, 0, doc, editing.os_user(), _now()), result,
                            batch, {})
            writer.write_conflict_memberships(lambda kind, uid, why: result.skipped.append((kind, uid, why)), {})
        return result.applied

    def _base_doc(self, docs: RecordDocuments, kind: str, uid: str) -> RowValues | None:
        """The record's document before this laptop's first change not yet sent (None: made here, or unknown)."""
        if kind.startswith(VOCABULARY_PREFIX):
            return None
        row = self.conn.execute(
            "SELECT before_json FROM change_log WHERE record_type = ? AND record_uid = ? AND id > ? AND action <> "
            "'pull' ORDER BY id LIMIT 1", (kind, uid, self.log_mark)).fetchone()
        if row is None or row[0] is None:
            return None
        try:
            data = json.loads(row[0])
            return docs.canonical(kind, TABLE_OF[kind], data["row"], data.get("links", {}))
        except (ValueError, KeyError, TypeError):
            return None

    def _ensure_groups(self, docs: RecordDocuments, kind: str, doc: RowValues) -> None:
        """The conflict groups a document places its record in, made here when this copy lacks them."""
        for entry in doc.get("conflicts") or []:
            group = entry[0] if isinstance(entry, list) and entry else None
            if isinstance(group, str) and group not in docs.id_of["conflict_groups"]:
                cur = self.conn.execute("INSERT INTO conflict_groups (uid, record_type) VALUES (?, ?)", (group, kind))
                if cur.lastrowid is not None:
                    docs.register("conflict_groups", cur.lastrowid, group)

    def _settle(self, record: ServerRecord) -> None:
        """Both sides now hold the same document: an open conflict about it is over."""
        self.conn.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = 'superseded' WHERE "
                          "record_type = ? AND uid = ? AND resolved_at IS NULL", (_now(), record.kind, record.uid))

    def _write(self, writer: _PullWriter, docs: RecordDocuments, record: ServerRecord, result: PullResult,
               batch: str, uid_of: dict[tuple[str, int], str], local: RowValues | None = None) -> None:
        """Write one server record here (``local``: its document here, when the caller has read it already)."""
        assert record.doc is not None
        if record.kind.startswith(VOCABULARY_PREFIX):
            self._write_vocabulary(record.kind[len(VOCABULARY_PREFIX):], record.doc)
            self.set_known(record.kind, record.uid, record.version, doc_sha(record.doc))
            result.applied.append((record.kind, record.uid))
            return
        table = TABLE_OF[record.kind]
        record_id = self.record_id(record.kind, record.uid)
        self.conn.execute("SAVEPOINT pull_record")
        try:
            before = None if record_id is None else writer.snapshot(record.kind, table, record_id)
            self._ensure_groups(docs, record.kind, record.doc)
            if record_id is None:
                record_id = writer.insert(record.kind, table, record.uid, record.doc)
                docs.register(table, record_id, record.uid)
            else:
                old = local if local is not None else docs.record(record.kind, table, record_id)
                writer.update(record.kind, table, record_id, old or {}, record.doc)
            uid_of[(record.kind, record_id)] = record.uid
            writer.log(record, record_id, before, writer.snapshot(record.kind, table, record_id), batch)
        except (Skip, sqlite3.IntegrityError) as exc:
            self.conn.execute("ROLLBACK TO pull_record")
            self.conn.execute("RELEASE pull_record")
            result.could_not_write(record, str(exc))
            return
        self.conn.execute("RELEASE pull_record")
        self.set_known(record.kind, record.uid, record.version, doc_sha(record.doc))
        result.applied.append((record.kind, record.uid))

    def _write_vocabulary(self, table: str, values: RowValues) -> None:
        names = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
        cols = [c for c in names if c in values]
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "code")
        self.conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                          f"ON CONFLICT (code) DO UPDATE SET {updates}", [values[c] for c in cols])

    def _delete(self, writer: _PullWriter, docs: RecordDocuments, record: ServerRecord, result: PullResult,
                batch: str, *, keep_if_needed: bool = True) -> None:
        """Delete a record as the server did. One that records here still need (a partner of a trade figure made
        here, a node of a segment …: SQLite would refuse) is kept: a conflict for the user (``keep_if_needed``),
        or else a record that could not be written here."""
        if record.kind.startswith(VOCABULARY_PREFIX):  # codes are never deleted by a sync
            self.set_known(record.kind, record.uid, record.version, None)
            return
        table = TABLE_OF[record.kind]
        record_id = self.record_id(record.kind, record.uid)
        needed = 0 if record_id is None else self._referrers(table, record_id)
        if needed and keep_if_needed and record_id is not None:
            if self._note_conflict(record, docs.record(record.kind, table, record_id)):
                result.conflicts.append((record.kind, record.uid))
            return
        if needed:
            result.could_not_write(record, f"{needed} record(s) here still refer to it; delete or change them first")
            return
        if record_id is not None:
            self.conn.execute("SAVEPOINT pull_record")
            try:
                before = writer.snapshot(record.kind, table, record_id)
                if record.kind == "source":  # its citations go with it, as the editor and the server delete one
                    self.conn.execute("DELETE FROM record_sources WHERE source_id = ?", (record_id,))
                self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
                writer.log(record, record_id, before, None, batch)
            except sqlite3.IntegrityError as exc:
                self.conn.execute("ROLLBACK TO pull_record")
                self.conn.execute("RELEASE pull_record")
                result.could_not_write(record, str(exc))
                return
            self.conn.execute("RELEASE pull_record")
            result.deleted.append((record.kind, record.uid))
        self.set_known(record.kind, record.uid, record.version, None)

    def _referrers(self, table: str, record_id: int) -> int:
        """How many rows here refer to the record in a way SQLite will not let its deletion break (RESTRICT or
        NO ACTION; a source's citations go with it)."""
        if self._restricting is None:
            self._restricting = {}
            tables = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                                      "NOT LIKE 'sqlite_%'")]
            for child in tables:
                for row in self.conn.execute("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)",
                                             (child,)):
                    if str(row[2]).upper() in ("RESTRICT", "NO ACTION") and (child, row[0]) != ("record_sources",
                                                                                                "sources"):
                        self._restricting.setdefault(str(row[0]), []).append((child, str(row[1])))
        counts = (self.conn.execute(f"SELECT count(*) FROM {child} WHERE {column} = ?", (record_id,)).fetchone()[0]
                  for child, column in self._restricting.get(table, []))
        return sum(int(count) for count in counts)

    # ------------------------------------------------------------------ choosing in a conflict

    def resolve(self, conflict_id: int, choice: str, fields: dict[str, str] | None = None) -> Conflict:
        """Settle a conflict: "mine" keeps this laptop's record (sent at the next sync over the server's version),
        "theirs" takes the server's, "merged" takes, field by field, ``fields[name]`` = "mine" or "theirs"
        (unnamed fields: mine), "both" keeps the server's record under its uid and this laptop's values as a new
        record, the two in a conflict group with this laptop's preferred. Written in one transaction; the record
        written is logged as an edit, so it is sent at the next sync."""
        if choice not in RESOLUTIONS:
            raise SyncStateError(f"Unknown choice “{choice}”: one of {', '.join(RESOLUTIONS)}.")
        conflict = self.conflict(conflict_id)
        if choice == "both" and (conflict.kind.startswith(VOCABULARY_PREFIX) or conflict.kind in ("source", "alias",
                                                                                                 "partner")
                                 or conflict.local_doc is None or conflict.server_doc is None):
            raise SyncStateError("Both values can be kept only for two versions of a record that both exist, of a "
                                 "kind that conflict groups hold.")
        with self.db.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            if choice == "theirs":
                self._take_server(conflict)
            elif choice == "merged":
                merged = self._merged(conflict, fields or {})
                self._write_local(conflict.kind, conflict.uid, merged, "merge")
            elif choice == "both":
                self._keep_both(conflict)
            elif (conflict.kind, conflict.uid) not in self.pending_records():
                # kept here while the server deleted it (records here need it): logged, so the next sync sends it
                current = self.current_doc(conflict.kind, conflict.uid)
                if current is not None:
                    self._write_local(conflict.kind, conflict.uid, current, "mine")
            server_sha = doc_sha(conflict.server_doc)
            if choice != "theirs":
                self.set_known(conflict.kind, conflict.uid, conflict.server_version, server_sha)
            conn.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                         (_now(), choice, conflict.id))
        return conflict

    def _merged(self, conflict: Conflict, fields: dict[str, str]) -> RowValues | None:
        if conflict.local_doc is None or conflict.server_doc is None:
            side = {fields.get(f, "mine") for f in conflict.fields()}
            return conflict.server_doc if side == {"theirs"} else conflict.local_doc
        merged = dict(conflict.local_doc)
        for name in conflict.fields():
            if fields.get(name) == "theirs":
                merged[name] = conflict.server_doc.get(name)
        return merged

    def _take_server(self, conflict: Conflict) -> None:
        record = ServerRecord(conflict.kind, conflict.uid, conflict.server_version, 0, conflict.server_doc,
                              conflict.server_by or "", conflict.server_at or _now())
        docs = self.documents()
        writer = _PullWriter(self.db, docs)
        result = PullResult()
        batch = "pull-" + uuid.uuid4().hex
        if record.doc is None:
            self._delete(writer, docs, record, result, batch, keep_if_needed=False)
        else:
            # what it needs that was deleted here and not sent (a node of a segment …) comes back as on the server
            deleted_here = self._deleted_here(self.conflicted())
            if deleted_here and not record.kind.startswith(VOCABULARY_PREFIX):
                self._bring_back(writer, docs, record, deleted_here, delete_actions(self.conn), result, batch, {})
            self._write(writer, docs, record, result, batch, {})
        writer.write_conflict_memberships(lambda kind, uid, why: result.skipped.append((kind, uid, why)), {})
        if result.skipped:
            raise SyncStateError(f"The server's version could not be written here: {result.skipped[0][2]}")

    def _write_local(self, kind: str, uid: str, doc: RowValues | None, how: str) -> None:
        """Write a document here as the user's own edit (logged, so that it is sent at the next sync)."""
        table = TABLE_OF.get(kind)
        if kind.startswith(VOCABULARY_PREFIX):
            if doc is not None:
                self._write_vocabulary(kind[len(VOCABULARY_PREFIX):], doc)
            return
        assert table is not None
        docs = self.documents()
        writer = DocumentWriter(self.db, docs)
        editor = editing.Editor(self.db)
        record_id = self.record_id(kind, uid)
        before = editor.snapshot(kind, record_id) if record_id is not None and kind in editing.TABLES else None
        if doc is not None:
            self._ensure_groups(docs, kind, doc)
        if doc is None:
            if record_id is not None:
                self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        elif record_id is None:
            record_id = writer.insert(kind, table, uid, doc)
        else:
            writer.update(kind, table, record_id, docs.record(kind, table, record_id) or {}, doc)
        writer.write_conflict_memberships(self._refuse, {})
        after = editor.snapshot(kind, record_id) if record_id is not None and kind in editing.TABLES else None
        change = RecordChange(kind, before, after)
        self.conn.execute(
            "INSERT INTO change_log (changed_at, user_name, action, record_type, record_id, record_uid, fields, "
            "before_json, after_json, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_now(), editing.os_user(), "update" if doc is not None else "delete", kind, record_id, uid,
             json.dumps(change.fields() if (before or after) else []),
             None if before is None else json.dumps({"row": before.row, "links": before.links}, default=str),
             None if after is None else json.dumps({"row": after.row, "links": after.links}, default=str),
             f"sync-{how}-" + uuid.uuid4().hex))

    @staticmethod
    def _refuse(kind: str, uid: str, why: str) -> None:
        raise SyncStateError(f"The {kind} “{uid}” could not be written: {why}")

    def _keep_both(self, conflict: Conflict) -> None:
        assert conflict.local_doc is not None and conflict.server_doc is not None
        mine = dict(conflict.local_doc)
        self._take_server(conflict)
        group = f"sync_conflict_{uuid.uuid4().hex[:12]}"
        copy_uid = f"{conflict.uid}_alt_{uuid.uuid4().hex[:6]}"
        self.conn.execute("INSERT INTO conflict_groups (uid, record_type) VALUES (?, ?)", (group, conflict.kind))
        mine["uid"] = copy_uid
        mine["conflicts"] = [[group, 1, "kept at a sync conflict: this laptop's values", None]]
        self._write_local(conflict.kind, copy_uid, mine, "both")
        theirs = self.current_doc(conflict.kind, conflict.uid)
        assert theirs is not None
        theirs["conflicts"] = [[group, 0, "kept at a sync conflict: the team server's values", None]]
        self._write_local(conflict.kind, conflict.uid, theirs, "both")

    # ------------------------------------------------------------------ undo

    def history_entries_since(self, log_id: int) -> int:
        row = self.conn.execute("SELECT count(*) FROM change_log WHERE id > ? AND action = 'pull'",
                                (log_id,)).fetchone()
        return int(row[0])
