"""The team server: a PostgreSQL database that holds the team's records, and the SQL that laptops sync with.

Schema ``atlas`` (made or brought up to date by :func:`init_server`):

- ``records``: one row per record (and per vocabulary entry, kind "vocab:<table>", uid its code): its document
  (``desktop.data.documents``; NULL once deleted: a tombstone), its ``version`` (1, 2, … per record), ``seq``
  (its position in the change feed), who changed it last and when, and ``refs`` (the records it refers to, for the
  cascade of a deletion);
- ``changes``: the change feed, every version ever written, numbered by one sequence (``change_seq``). Writers
  take one transaction-level advisory lock, so numbers are handed out in commit order: a laptop that has read up to
  number N has seen every change numbered N or less;
- ``change_sets``: every change set pushed, by id, with what it got: a push repeated after a lost answer returns
  the first outcome instead of applying it twice;
- ``conflicts``: conflicts the laptops found, for the team to see (a curator may settle anyone's);
- ``meta``: the schema version.

Rights are PostgreSQL's own: the group roles ``atlas_reader`` (read), ``atlas_editor`` (also push) and
``atlas_curator`` (also vocabularies, and others' conflicts), granted to the ministry's login roles. Row-level
security keeps vocabulary entries to curators. Connection details are libpq's (a connection string or
``service=NAME``; passwords from ~/.pgpass or PGPASSFILE, TLS settings as libpq's parameters).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import AtlasError
from desktop.core.records import RowValues
from desktop.data.documents import (
    KIND_OF_TABLE,
    TABLE_OF,
    VOCABULARY_PREFIX,
    doc_refs,
    doc_sha,
    drop_reference,
    needs,
)
from desktop.data.syncstate import KIND_ORDER, ServerRecord

if TYPE_CHECKING:
    import psycopg

    from desktop.sync.engine import SyncReport

SCHEMA_VERSION = 1
PUSH_LOCK = 0x41544C53  # "ATLS": the advisory lock every writer of the feed holds until it commits
ROLES = ("atlas_reader", "atlas_editor", "atlas_curator")
PAGE = 2000


class ServerError(AtlasError):
    """The team server could not be reached or refused; ``code`` says which (SERVER_ERRORS), the message is
    English, and ``detail`` holds the server's or libpq's own words."""

    def __init__(self, message: str, code: str = "failed", detail: str = ""):
        super().__init__(message)
        self.code = code
        self.detail = detail
        self.report: SyncReport | None = None  # what a sync it stopped had done before (desktop.sync.engine)


SERVER_ERRORS = (
    "unreachable",  # the server could not be reached (down, wrong address, network)
    "bad_address",  # the connection string itself cannot be read: no server was asked anything
    "password",  # a password is needed or was refused
    "not_initialised",  # the database has no Atlas schema: `server init` first
    "newer_schema",  # the server's schema is newer than this program
    "read_only",  # the account may read but not push
    "curator_only",  # a vocabulary change needs a curator
    "interrupted",  # the connection broke during the work; the step it cut off was kept whole or not at all
    "failed",
)


def _psycopg() -> Any:
    import psycopg  # here, not at start-up: most copies never talk to a server

    return psycopg


def driver_version() -> str:
    """psycopg's version, its implementation and libpq's: "psycopg 3.3.9 (binary), libpq 17.6". Reads a connection
    string too, so that libpq itself is known to load."""
    psycopg = _psycopg()
    psycopg.conninfo.conninfo_to_dict("host=localhost dbname=atlas sslmode=prefer")
    libpq = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {libpq // 10000}.{libpq % 100}"


def without_password(conninfo: str) -> str:
    """The connection string with any password taken out (what the app may keep in its settings)."""
    psycopg = _psycopg()
    try:
        params = psycopg.conninfo.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError:
        return conninfo
    if "password" not in params:
        return conninfo  # kept as the user wrote it
    params.pop("password")
    return str(psycopg.conninfo.make_conninfo(**params))


def _explain(exc: BaseException) -> ServerError:
    psycopg = _psycopg()
    text = " ".join(str(exc).split())  # libpq words some failures on two lines
    if isinstance(exc, psycopg.OperationalError):
        low = text.lower()
        if "password" in low and ("no password supplied" in low or "authentication failed" in low):
            return ServerError("The team server needs a password for this account, or refused the one given. Put it "
                               "in your PostgreSQL password file (~/.pgpass) or type it when asked.", "password", text)
        if "terminating connection" in low or "server closed the connection" in low or "connection" in low and \
                "lost" in low:
            return ServerError("The connection to the team server broke; the step it cut off was kept whole or not "
                               "at all, and the next sync carries on from there. Sync again when the server is back.",
                               "interrupted", text)
        return ServerError(f"The team server could not be reached: {text}", "unreachable", text)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege) and "row-level security" in text:
        return ServerError("Only curators may change the vocabularies (document types, statuses, sectors …) on the "
                           "team server; that change stays on this laptop.", "curator_only", text)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return ServerError("Your server account may read the team's records but not change them; your changes stay "
                           "on this laptop. Ask a curator for editing rights.", "read_only", text)
    return ServerError(f"The team server refused: {text}", "failed", text)


@dataclass(frozen=True)
class Rights:
    user: str
    can_read: bool
    can_push: bool
    is_curator: bool


@dataclass(frozen=True)
class PushItem:
    kind: str
    uid: str
    base_version: int  # the server's version the laptop last saw; 0 for a record new to the server
    doc: RowValues | None  # None: deleted


@dataclass
class PushOutcome:
    # (kind, uid, version, fingerprint of the document the server now holds) for every record written, including
    # the records a deletion changed or deleted on the server (the cascade)
    versions: list[tuple[str, str, int, str | None]] = field(default_factory=list)
    conflicts: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, uid, server version)
    repeated: bool = False  # the change set was on the server already
    # records written otherwise than sent: they referred to records deleted on the server meanwhile (kind, uid)
    adjusted: list[tuple[str, str]] = field(default_factory=list)
    # deletions refused: records of the server still need them (RESTRICT); each as the server holds it (kind, uid,
    # version, document), for the laptop to take back
    refused: list[tuple[str, str, int, RowValues]] = field(default_factory=list)


class TeamServer:
    """One connection to the team server."""

    def __init__(self, conninfo: str, *, connect_timeout: int = 10, password: str | None = None):
        self.conninfo = conninfo
        pg = _psycopg()
        extra: dict[str, Any] = {"connect_timeout": connect_timeout, "application_name": "Partnership Atlas"}
        if password:
            extra["password"] = password
        try:
            self.conn: psycopg.Connection[Any] = pg.connect(conninfo, autocommit=True, **extra)
        except pg.ProgrammingError as exc:  # libpq could not read the string: no server was asked anything
            text = " ".join(str(exc).split())
            raise ServerError(f"The team server's address is not a valid connection string ({text}). Write it as "
                              "libpq does: host=… dbname=… user=…, a postgresql:// address or service=NAME.",
                              "bad_address", text) from exc
        except pg.Error as exc:
            raise _explain(exc) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> TeamServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend_pid(self) -> int:
        return int(self.conn.info.backend_pid)

    def _run[T](self, work: Callable[[], T]) -> T:
        psycopg = _psycopg()
        try:
            return work()
        except psycopg.Error as exc:
            raise _explain(exc) from exc

    # ------------------------------------------------------------------ what the account may do

    def check_schema(self) -> None:
        def work() -> None:
            row = self.conn.execute("SELECT to_regclass('atlas.meta') IS NOT NULL").fetchone()
            if not row or not row[0]:
                raise ServerError("This database is not an Atlas team server yet: run `partnership-atlas server init` "
                                  "on it first.", "not_initialised")
            version = self.conn.execute("SELECT value FROM atlas.meta WHERE key = 'schema_version'").fetchone()
            if version and int(version[0]) > SCHEMA_VERSION:
                raise ServerError("The team server was set up by a newer version of Partnership Atlas; update this "
                                  "program to sync with it.", "newer_schema")

        self._run(work)

    def rights(self) -> Rights:
        def work() -> Rights:
            row = self.conn.execute(
                "SELECT current_user, has_table_privilege('atlas.records', 'SELECT'), "
                "has_table_privilege('atlas.records', 'UPDATE') AND has_table_privilege('atlas.changes', 'INSERT'), "
                "pg_has_role(current_user, 'atlas_curator', 'USAGE') OR "
                "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)").fetchone()
            assert row is not None
            return Rights(str(row[0]), bool(row[1]), bool(row[2]), bool(row[3]))

        return self._run(work)

    # ------------------------------------------------------------------ pull

    def last_seq(self) -> int:
        row = self._run(lambda: self.conn.execute("SELECT coalesce(max(seq), 0) FROM atlas.records").fetchone())
        return int(row[0]) if row else 0

    def pull(self, since: int) -> Iterator[ServerRecord]:
        """Every record whose latest version is numbered after ``since``, vocabularies first, then records in the
        order of :data:`KIND_ORDER`, read in one snapshot (REPEATABLE READ) in pages."""
        psycopg = _psycopg()
        try:
            with self.conn.transaction():
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                with self.conn.cursor(name="atlas_pull") as cur:
                    cur.itersize = PAGE
                    cur.execute(
                        "SELECT kind, uid, version, seq, doc, changed_by, changed_at, change_set FROM atlas.records "
                        "WHERE seq > %s ORDER BY coalesce(array_position(%s::text[], kind), 1000), seq",
                        (since, list(KIND_ORDER)))
                    for kind, uid, version, seq, doc, by, at, change_set in cur:
                        yield ServerRecord(kind, uid, int(version), int(seq), doc, str(by),
                                           at.isoformat(timespec="seconds"), None if change_set is None else
                                           str(change_set))
        except psycopg.Error as exc:
            raise _explain(exc) from exc

    def records(self) -> dict[tuple[str, str], tuple[int, RowValues | None]]:
        """Every record on the server: (kind, uid) -> (version, document)."""
        rows = self._run(lambda: self.conn.execute("SELECT kind, uid, version, doc FROM atlas.records").fetchall())
        return {(k, u): (int(v), d) for k, u, v, d in rows}

    # ------------------------------------------------------------------ push

    def push(self, change_set: str, replica: str, label: str, items: Sequence[PushItem],
             actions: dict[tuple[str, str], str]) -> PushOutcome:
        """Write one change set in one server transaction: every record checked against the version the laptop
        last saw (a record changed on the server since is a conflict, and then nothing is written); a deletion
        carries to the records that refer to the deleted one, as SQLite's foreign keys do in a copy (``actions``:
        desktop.data.documents.delete_actions). A change set the server has already is not written again: its
        first outcome is returned (``repeated``)."""
        return self._run(lambda: self._push(change_set, replica, label, items, actions))

    def _push(self, change_set: str, replica: str, label: str, items: Sequence[PushItem],
              actions: dict[tuple[str, str], str]) -> PushOutcome:
        outcome = PushOutcome()
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
            done = self.conn.execute("SELECT outcome FROM atlas.change_sets WHERE id = %s", (change_set,)).fetchone()
            if done is not None:
                outcome.versions = [(str(k), str(u), int(v), s) for k, u, v, s in done[0]]
                outcome.repeated = True
                return outcome
            current = self._lock_rows([(i.kind, i.uid) for i in items])
            for item in items:
                version = current.get((item.kind, item.uid), (0, None))[0]
                if version != item.base_version:
                    outcome.conflicts.append((item.kind, item.uid, version))
            if outcome.conflicts:
                return outcome
            items, outcome.conflicts, outcome.adjusted = self._deleted_meanwhile(items, actions)
            if outcome.conflicts:
                return outcome
            writes = [(i.kind, i.uid, current.get((i.kind, i.uid), (0, None))[0] + 1, i.doc) for i in items]
            cascade, outcome.conflicts, needed = self._cascade(
                [i for i in items if i.doc is None and not i.kind.startswith(VOCABULARY_PREFIX)], actions,
                {(i.kind, i.uid) for i in items})
            if outcome.conflicts:
                for item in items:
                    version, doc = current.get((item.kind, item.uid), (0, None))
                    if item.doc is None and doc is not None and item.kind in TABLE_OF and \
                            f"{TABLE_OF[item.kind]}:{item.uid}" in needed:
                        outcome.refused.append((item.kind, item.uid, version, doc))
                return outcome
            writes += cascade
            self._write(writes, change_set)
            outcome.versions = [(k, u, v, doc_sha(d)) for k, u, v, d in writes]
            self.conn.execute("INSERT INTO atlas.change_sets (id, replica, label, outcome) VALUES (%s, %s, %s, %s)",
                              (change_set, replica, label[:200], json.dumps(outcome.versions)))
        return outcome

    def _lock_rows(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, RowValues | None]]:
        if not keys:
            return {}
        rows = self.conn.execute(
            "SELECT r.kind, r.uid, r.version, r.doc FROM atlas.records r JOIN unnest(%s::text[], %s::text[]) "
            "AS k(kind, uid) USING (kind, uid) ORDER BY r.kind, r.uid FOR UPDATE OF r",
            ([k for k, _ in keys], [u for _, u in keys])).fetchall()
        return {(k, u): (int(v), d) for k, u, v, d in rows}

    def _deleted_meanwhile(self, items: Sequence[PushItem], actions: dict[tuple[str, str], str]) -> tuple[
            list[PushItem], list[tuple[str, str, int]], list[tuple[str, str]]]:
        """The pushed documents that refer to records the server has deleted (a teammate's deletion that reached
        the server after this laptop's pull), made as the deletion would have made them had it reached the laptop
        first (SQLite's foreign keys there; drop_reference here): a SET NULL reference emptied, a place or a
        citation dropped, a record that goes with the deleted one (CASCADE) deleted. A reference SQLite refuses to
        break (RESTRICT: a figure's partner, a segment's nodes) is a conflict with the deletion, and then nothing is
        written. Returns the items as they are to be written, those conflicts ((kind, uid, server version) of the
        deleted records) and the records changed here ((kind, uid))."""
        refs: dict[str, set[int]] = {}
        for n, item in enumerate(items):
            if item.doc is not None and not item.kind.startswith(VOCABULARY_PREFIX):
                for ref in doc_refs(TABLE_OF[item.kind], item.doc):
                    refs.setdefault(ref, set()).add(n)
        written = {f"{TABLE_OF[i.kind]}:{i.uid}" for i in items if i.doc is not None and i.kind in TABLE_OF}
        asked = sorted((KIND_OF_TABLE[r.partition(":")[0]], r.partition(":")[2]) for r in refs
                       if r not in written and r.partition(":")[0] in KIND_OF_TABLE)
        if not asked:
            return list(items), [], []
        gone = self.conn.execute(
            "SELECT r.kind, r.uid, r.version FROM atlas.records r JOIN unnest(%s::text[], %s::text[]) AS k(kind, uid) "
            "USING (kind, uid) WHERE r.doc IS NULL ORDER BY r.kind, r.uid",
            ([k for k, _ in asked], [u for _, u in asked])).fetchall()
        out, conflicts, adjusted = list(items), [], []
        for kind, uid, version in gone:
            ref = f"{TABLE_OF[kind]}:{uid}"
            for n in sorted(refs[ref]):
                doc = out[n].doc
                if doc is None:
                    continue  # (gone already, with another deleted record)
                new = drop_reference(TABLE_OF[out[n].kind], doc, ref, actions)
                if needs(TABLE_OF[out[n].kind], new, ref):
                    conflicts.append((str(kind), str(uid), int(version)))
                    break
                out[n] = PushItem(out[n].kind, out[n].uid, out[n].base_version, new)
                adjusted.append((out[n].kind, out[n].uid))
        return out, sorted(set(conflicts)), sorted(set(adjusted))

    def _cascade(self, deleted: list[PushItem], actions: dict[tuple[str, str], str],
                 written: set[tuple[str, str]]) -> tuple[list[tuple[str, str, int, RowValues | None]],
                                                         list[tuple[str, str, int]], set[str]]:
        """The records on the server that refer to the deleted ones, as they become (see :meth:`push`); the
        conflicts: records that need a deleted one in a way SQLite would refuse to break (RESTRICT: a figure's
        partner, a segment's node), which the laptop has not seen (it would have refused the deletion itself):
        (kind, uid, server version), with any of which nothing is written; and the deleted records they need
        ("table:uid")."""
        out: list[tuple[str, str, int, RowValues | None]] = []
        needing: list[tuple[str, str, int]] = []
        needed: set[str] = set()
        queue = [f"{TABLE_OF[i.kind]}:{i.uid}" for i in deleted]
        docs: dict[tuple[str, str], tuple[int, RowValues | None]] = {}
        while queue:
            ref = queue.pop()
            rows = self.conn.execute(
                "SELECT kind, uid, version, doc FROM atlas.records WHERE refs @> ARRAY[%s] AND doc IS NOT NULL "
                "ORDER BY kind, uid FOR UPDATE", (ref,)).fetchall()
            for kind, uid, version, doc in rows:
                if (kind, uid) in written:
                    continue  # the change set writes it itself
                version, doc = docs.get((kind, uid), (int(version), doc))
                if doc is None:
                    continue
                new = drop_reference(TABLE_OF[kind], doc, ref, actions)
                if needs(TABLE_OF[kind], new, ref):  # (nothing may break that reference)
                    needing.append((str(kind), str(uid), int(version)))
                    needed.add(ref)
                    continue
                if new == doc:
                    continue
                docs[(kind, uid)] = (version, new)
                if new is None:
                    queue.append(f"{TABLE_OF[kind]}:{uid}")
        for (kind, uid), (version, doc) in sorted(docs.items()):
            out.append((kind, uid, version + 1, doc))
        return out, sorted(set(needing)), needed

    def _write(self, writes: Iterable[tuple[str, str, int, RowValues | None]], change_set: str | None) -> None:
        psycopg = _psycopg()
        rows = []
        for kind, uid, version, doc in writes:
            refs = [] if doc is None or kind.startswith(VOCABULARY_PREFIX) else doc_refs(TABLE_OF[kind], doc)
            payload = None if doc is None else psycopg.types.json.Jsonb(doc)
            rows.append((kind, uid, version, payload, refs, change_set))
        with self.conn.cursor() as cur:
            cur.executemany(
                "WITH feed AS (INSERT INTO atlas.changes (seq, kind, uid, version, doc, changed_by, changed_at, "
                "change_set) VALUES (nextval('atlas.change_seq'), %s, %s, %s, %s, current_user, now(), %s) "
                "RETURNING seq, kind, uid, version, doc, changed_by, changed_at) "
                "INSERT INTO atlas.records (kind, uid, version, seq, doc, refs, changed_by, changed_at, change_set) "
                "SELECT kind, uid, version, seq, doc, %s, changed_by, changed_at, %s FROM feed "
                "ON CONFLICT (kind, uid) DO UPDATE SET version = excluded.version, seq = excluded.seq, "
                "doc = excluded.doc, refs = excluded.refs, changed_by = excluded.changed_by, "
                "changed_at = excluded.changed_at, change_set = excluded.change_set",
                [(k, u, v, d, cs, refs, cs) for k, u, v, d, refs, cs in rows])

    # ------------------------------------------------------------------ conflicts, for the team to see

    def report_conflicts(self, replica: str, conflicts: Iterable[tuple[str, str, int, RowValues | None]]) -> None:
        """Note conflicts a laptop found (each once: replica, record and server version)."""
        psycopg = _psycopg()
        rows = [(replica, k, u, v, None if d is None else psycopg.types.json.Jsonb(d)) for k, u, v, d in conflicts]
        if not rows:
            return

        def work() -> None:
            with self.conn.cursor() as cur:
                cur.executemany("INSERT INTO atlas.conflicts (replica, kind, uid, server_version, local_doc) "
                                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING", rows)

        self._run(work)

    def settle_conflicts(self, replica: str, settled: Iterable[tuple[str, str, int, str]]) -> None:
        rows = [(resolution, replica, k, u, v) for k, u, v, resolution in settled]
        if not rows:
            return

        def work() -> None:
            with self.conn.cursor() as cur:
                cur.executemany("UPDATE atlas.conflicts SET status = 'resolved', resolution = %s, "
                                "resolved_by = current_user, resolved_at = now() WHERE replica = %s AND kind = %s "
                                "AND uid = %s AND server_version = %s AND status = 'open'", rows)

        self._run(work)

    def open_conflicts(self) -> list[tuple[int, str, str, str, int, str]]:
        """(id, reported_by, kind, uid, server version, reported at) of every open conflict."""
        rows = self._run(lambda: self.conn.execute(
            "SELECT id, reported_by, kind, uid, server_version, reported_at FROM atlas.conflicts "
            "WHERE status = 'open' ORDER BY id").fetchall())
        return [(int(i), str(b), str(k), str(u), int(v), a.isoformat(timespec="seconds")) for i, b, k, u, v, a in rows]

    def close_conflict(self, conflict_id: int, resolution: str) -> bool:
        """Close a conflict on the server (the one who reported it, or a curator: the server's policy decides)."""
        cur = self._run(lambda: self.conn.execute(
            "UPDATE atlas.conflicts SET status = 'resolved', resolution = %s, resolved_by = current_user, "
            "resolved_at = now() WHERE id = %s AND status = 'open'", (resolution, conflict_id)))
        return bool(cur.rowcount)


# ---------------------------------------------------------------------------------------------- setting up

_DDL = """
CREATE SCHEMA IF NOT EXISTS atlas;
CREATE TABLE IF NOT EXISTS atlas.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE IF NOT EXISTS atlas.change_seq;
CREATE TABLE IF NOT EXISTS atlas.records (
    kind text NOT NULL,
    uid text NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    seq bigint NOT NULL,
    doc jsonb,
    refs text[] NOT NULL DEFAULT '{}',
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    change_set uuid,
    PRIMARY KEY (kind, uid)
);
CREATE INDEX IF NOT EXISTS records_seq ON atlas.records (seq);
CREATE INDEX IF NOT EXISTS records_refs ON atlas.records USING gin (refs);
CREATE TABLE IF NOT EXISTS atlas.changes (
    seq bigint PRIMARY KEY,
    kind text NOT NULL,
    uid text NOT NULL,
    version integer NOT NULL,
    doc jsonb,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    change_set uuid,
    UNIQUE (kind, uid, version)
);
CREATE TABLE IF NOT EXISTS atlas.change_sets (
    id uuid PRIMARY KEY,
    replica text NOT NULL,
    label text,
    pushed_by text NOT NULL DEFAULT current_user,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    outcome jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS atlas.conflicts (
    id bigserial PRIMARY KEY,
    replica text NOT NULL,
    kind text NOT NULL,
    uid text NOT NULL,
    server_version integer NOT NULL,
    local_doc jsonb,
    reported_by text NOT NULL DEFAULT current_user,
    reported_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution text,
    resolved_by text,
    resolved_at timestamptz,
    UNIQUE (replica, kind, uid, server_version)
);
"""

_ROLES = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_reader') THEN CREATE ROLE atlas_reader NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_editor') THEN CREATE ROLE atlas_editor NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_curator') THEN CREATE ROLE atlas_curator NOLOGIN; END IF;
END $$;
GRANT atlas_reader TO atlas_editor;
GRANT atlas_editor TO atlas_curator;
GRANT USAGE ON SCHEMA atlas TO atlas_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA atlas TO atlas_reader;
GRANT INSERT, UPDATE ON atlas.records, atlas.changes TO atlas_editor;
GRANT INSERT ON atlas.change_sets TO atlas_editor;
GRANT INSERT, UPDATE ON atlas.conflicts TO atlas_editor;
GRANT USAGE ON SEQUENCE atlas.change_seq, atlas.conflicts_id_seq TO atlas_editor;
ALTER TABLE atlas.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE atlas.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE atlas.conflicts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON atlas.records;
CREATE POLICY read_all ON atlas.records FOR SELECT USING (true);
DROP POLICY IF EXISTS write_records ON atlas.records;
CREATE POLICY write_records ON atlas.records FOR INSERT
    WITH CHECK (kind NOT LIKE 'vocab:%' OR pg_has_role(current_user, 'atlas_curator', 'USAGE'));
DROP POLICY IF EXISTS change_records ON atlas.records;
CREATE POLICY change_records ON atlas.records FOR UPDATE USING (true)
    WITH CHECK (kind NOT LIKE 'vocab:%' OR pg_has_role(current_user, 'atlas_curator', 'USAGE'));
DROP POLICY IF EXISTS read_all ON atlas.changes;
CREATE POLICY read_all ON atlas.changes FOR SELECT USING (true);
DROP POLICY IF EXISTS write_changes ON atlas.changes;
CREATE POLICY write_changes ON atlas.changes FOR INSERT
    WITH CHECK (kind NOT LIKE 'vocab:%' OR pg_has_role(current_user, 'atlas_curator', 'USAGE'));
DROP POLICY IF EXISTS read_all ON atlas.conflicts;
CREATE POLICY read_all ON atlas.conflicts FOR SELECT USING (true);
DROP POLICY IF EXISTS report_own ON atlas.conflicts;
CREATE POLICY report_own ON atlas.conflicts FOR INSERT WITH CHECK (reported_by = current_user);
DROP POLICY IF EXISTS settle_own ON atlas.conflicts;
CREATE POLICY settle_own ON atlas.conflicts FOR UPDATE
    USING (reported_by = current_user OR pg_has_role(current_user, 'atlas_curator', 'USAGE'));
"""


@dataclass
class InitReport:
    created: bool  # the schema was made now (else it was there and brought up to date)
    loaded: int  # records and vocabulary entries loaded from the bundled database (0: the server had records)
    curator: str | None


def init_server(conninfo: str, bundled: str | Path, *, curator: str | None = None,
                password: str | None = None) -> InitReport:
    """Make (or bring up to date) the team server's schema, roles, grants and policies in the database that
    ``conninfo`` names, and load the bundled reference data when the server holds no records yet. ``curator``,
    an existing login role, becomes the first curator. Run by the database's owner (roles need CREATEROLE)."""
    psycopg = _psycopg()
    from desktop.data.database import DatabaseError, connect
    from desktop.data.syncstate import all_documents

    with TeamServer(conninfo, password=password) as server:
        conn = server.conn

        def work() -> InitReport:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
                existed = conn.execute("SELECT to_regclass('atlas.meta') IS NOT NULL").fetchone()
                version = conn.execute("SELECT value FROM atlas.meta WHERE key = 'schema_version'").fetchone() \
                    if existed and existed[0] else None
                if version and int(version[0]) > SCHEMA_VERSION:
                    raise ServerError("The team server was set up by a newer version of Partnership Atlas.",
                                      "newer_schema")
                conn.execute(_DDL)
                conn.execute(_ROLES)
                conn.execute("INSERT INTO atlas.meta (key, value) VALUES ('schema_version', %s) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))
                if curator:
                    conn.execute(psycopg.sql.SQL("GRANT atlas_curator TO {}").format(psycopg.sql.Identifier(curator)))
                loaded = 0
                empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM atlas.records)").fetchone()
                if empty and empty[0]:
                    try:
                        source = connect(bundled, readonly=True)
                        try:
                            docs = list(all_documents(source))
                        finally:
                            source.close()
                    except (DatabaseError, sqlite3.Error) as exc:
                        raise ServerError(f"The bundled database {bundled} cannot be read: {exc}") from exc
                    server._write(((k, u, 1, d) for k, u, d in docs), None)
                    loaded = len(docs)
                return InitReport(not (existed and existed[0]), loaded, curator)

        return server._run(work)
