"""Merging a newer bundled database (shipped with a newer program) into the user's copy.

The bundled data is identified by the seed hash the build stores in ``meta`` (``seed_sha256``); the user's
copy records which bundled data it was made from or last merged in ``meta['bundled_data']`` (a copy made
before that key existed still carries the ``seed_sha256`` of the bundle it was copied from).

Records are matched by uid; ids differ between the two files, so every reference (partners, events,
sources, corridors, nodes, conflict groups) is compared and written through uids. For each record:

- in the bundle but not in the user's copy: added, unless the user deleted it (``record_marks``);
- untouched by the user and different in the bundle: the bundle's values replace the old bundled ones;
- changed (or added) by the user and changed by the bundle too: the user's values stay and a conflict is
  reported (and logged in ``change_log``, action 'merge', with the bundled values as "before" and the
  user's kept values as "after");
- records the user added stay; records the user deleted stay deleted; nothing is ever deleted.
- aliases (other names, for search): the bundle's that the user's copy lacks are added, unless the user
  deleted them; those the user has, changed or not, are left as they are.

"Changed by the bundle" compares with the bundled values the user's record started from: the values
recorded at the previous merge (``meta['merge_base']``) or else the record's state before the user's
first edit (the earliest ``change_log`` entry since the previous merge). Vocabulary codes and metrics that
are new are added. Everything is written in one transaction, after a verified backup.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from desktop.core.edits import RecordChange, Snapshot
from desktop.core.errors import AtlasError
from desktop.core.records import RowValues
from desktop.data import editing
from desktop.data.backup import BackupError
from desktop.data.database import Database, connect
from desktop.data.documents import KINDS, DocumentWriter, RecordDocuments, Skip
from desktop.data.migrations import VOCABULARIES

META_KEY = "bundled_data"
META_HISTORY = "bundled_data_history"
META_BASE = "merge_base"
META_LOG = "merged_log_id"


# Why a merge failed (UpgradeError.code) and its parameters (UpgradeError.params):
UPGRADE_ERRORS = (
    "read_only",  # path: the user's database, open read-only
    "bundle_missing",  # path: the bundled database
    "backup_failed",  # detail: why the backup before the merge failed (English)
    "bundle_unreadable",  # path: the bundled database; detail: SQLite's words
    "merge_failed",  # detail: the error that stopped the merge (English); backup: the backup made before it
    "broken_references",  # detail: the first references the merge would have broken
)


class UpgradeError(AtlasError):
    """The newer bundled data could not be merged; the user's database was left as it was. The message is in
    English (the command line's); ``code`` (UPGRADE_ERRORS) and ``params`` say the same for the window to word."""

    def __init__(self, message: str, code: str = "merge_failed", **params: object):
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class MergeConflict:
    kind: str
    uid: str
    record_id: int
    fields: tuple[str, ...]
    user_values: RowValues  # field -> the user's value (kept); references as uids
    bundled_values: RowValues  # field -> the newer bundled value (not applied)


@dataclass
class MergeReport:
    backup: Path | None
    bundled_data: str
    added: list[tuple[str, str]] = field(default_factory=list)  # (kind, uid)
    updated: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    kept_deleted: list[tuple[str, str]] = field(default_factory=list)  # deleted by the user: not brought back
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, uid, why) could not be merged
    vocabulary_added: int = 0
    aliases_added: int = 0  # other names of places, organisations and words (search)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.vocabulary_added or self.aliases_added)

    def summary(self) -> str:
        """What was done, in English (the window words it in the interface language: desktop.app.upgrade_report)."""
        parts = [f"{len(self.added)} record(s) added", f"{len(self.updated)} updated"]
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} kept with your changes although the new data differs")
        if self.skipped:
            parts.append(f"{len(self.skipped)} could not be merged")
        return "Newer reference data merged: " + ", ".join(parts) + "."


# ---------------------------------------------------------------------------------------------- identity

def bundled_data_id(path: str | os.PathLike[str]) -> str:
    """What identifies a bundled database's data: its seed hash, or else a hash of the file."""
    p = Path(path)
    try:
        conn = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'seed_sha256'").fetchone()
        finally:
            conn.close()
        if row and row[0]:
            return str(row[0])
    except sqlite3.Error:
        pass
    return "file-sha256:" + hashlib.sha256(p.read_bytes()).hexdigest()


def user_data_id(db: Database) -> str | None:
    """Which bundled data the user's copy was made from or last merged."""
    return db.meta(META_KEY) or db.meta("seed_sha256")


def _history(db: Database) -> list[str]:
    try:
        value = json.loads(db.meta(META_HISTORY) or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def needs_upgrade(user_db: Database, bundled_path: str | os.PathLike[str]) -> bool:
    """True when the bundled database holds data the user's copy has not merged yet (an older bundle that
    was merged before, e.g. after going back to an older program, is not merged again)."""
    bundled = Path(bundled_path)
    if user_db.readonly or not bundled.is_file():
        return False
    try:
        if os.path.samefile(bundled, user_db.path):
            return False
    except OSError:
        pass
    theirs = bundled_data_id(bundled)
    mine = user_data_id(user_db)
    return theirs != mine and theirs not in _history(user_db)


# ---------------------------------------------------------------------------------------------- reading


def _differing(a: RowValues, b: RowValues) -> list[str]:
    return [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


# ---------------------------------------------------------------------------------------------- writing

class _Writer(DocumentWriter):
    """The merge's writer: the documents' writer with the change log's 'merge' entries."""

    # ------------------------------------------------------------------ change log

    def log(self, kind: str, record_id: int, uid: str, fields: list[str], before: dict[str, object] | None,
            after: dict[str, object] | None, stamp: tuple[str, str, str]) -> None:
        now, user, batch = stamp
        self.conn.execute(
            "INSERT INTO change_log (changed_at, user_name, action, record_type, record_id, record_uid, fields, "
            "before_json, after_json, batch_id) VALUES (?, ?, 'merge', ?, ?, ?, ?, ?, ?, ?)",
            (now, user, kind, record_id, uid, json.dumps(fields),
             None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True, default=str),
             None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True, default=str), batch))


def _dump(snap: Snapshot | None) -> dict[str, object] | None:
    return None if snap is None else {"row": snap.row, "links": {k: list(v) for k, v in snap.links.items()}}


# ---------------------------------------------------------------------------------------------- merging

def _merge_base(db: Database) -> dict[str, RowValues]:
    try:
        value = json.loads(db.meta(META_BASE) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _base_from_log(db: Database, user: RecordDocuments, kind: str, table: str, uid: str,
                   since: int) -> RowValues | None:
    row = db.conn.execute(
        "SELECT before_json FROM change_log WHERE record_type = ? AND record_uid = ? AND id > ? AND action <> 'merge' "
        "AND before_json IS NOT NULL ORDER BY id LIMIT 1", (kind, uid, since)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
        return user.canonical(kind, table, data["row"], data.get("links", {}))
    except (ValueError, KeyError, TypeError):
        return None


def _marks(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {(k, u): s for k, u, s in conn.execute("SELECT record_type, record_uid, state FROM record_marks")}


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (key, value))


def merge_bundled(user_db: Database, bundled_path: str | os.PathLike[str], *,
                  backup_dir: str | os.PathLike[str] | None) -> MergeReport:
    """Merge the bundled database into the user's copy (see the module notes); returns what was done.

    A verified backup of the user's database is made in ``backup_dir`` first (reason "upgrade"). The merge
    is one transaction: on any failure nothing is changed and :class:`UpgradeError` says why. Running it
    again with the same bundle changes nothing.
    """
    from desktop.data.backups import automatic_backup

    bundled = Path(bundled_path)
    if user_db.readonly:
        raise UpgradeError(f"{user_db.path} is open read-only; the newer reference data cannot be merged into it.",
                           "read_only", path=str(user_db.path))
    if not bundled.is_file():
        raise UpgradeError(f"The bundled database {bundled} is missing; nothing was merged.", "bundle_missing",
                           path=str(bundled))
    data_id = bundled_data_id(bundled)
    try:
        backup = automatic_backup(user_db, backup_dir, "upgrade")
    except BackupError as exc:
        raise UpgradeError(f"Your database could not be backed up before merging the newer reference data, so "
                           f"nothing was merged: {exc}", "backup_failed", detail=str(exc)) from exc
    report = MergeReport(backup, data_id)
    try:
        source = connect(bundled, readonly=True)
    except sqlite3.Error as exc:
        raise UpgradeError(f"The bundled database {bundled} cannot be read ({exc}); nothing was merged.",
                           "bundle_unreadable", path=str(bundled), detail=str(exc)) from exc
    try:
        with user_db.transaction() as conn:
            _merge(user_db, conn, source, report)
    except UpgradeError:
        raise
    except (sqlite3.Error, OSError, AtlasError, KeyError, ValueError) as exc:
        raise UpgradeError(f"The newer reference data could not be merged ({exc}). Your database was left as it "
                           f"was; a backup is at {backup}.", "merge_failed", detail=str(exc),
                           backup=str(backup)) from exc
    finally:
        source.close()
    return report


def _attempt[T](conn: sqlite3.Connection, report: MergeReport, kind: str, uid: str,
                write: Callable[[], T]) -> tuple[bool, T | None]:
    """One record's write in a savepoint: (True, what it returned), or, when the record is refused (Skip, a
    constraint), the write undone, the record noted as skipped with the reason, and (False, None)."""
    conn.execute("SAVEPOINT merge_record")
    try:
        result = write()
    except (Skip, sqlite3.IntegrityError) as exc:
        conn.execute("ROLLBACK TO merge_record")
        conn.execute("RELEASE merge_record")
        report.skipped.append((kind, uid, str(exc)))
        return False, None
    conn.execute("RELEASE merge_record")
    return True, result


def _merge_aliases(conn: sqlite3.Connection, source: sqlite3.Connection, marks: dict[tuple[str, str], str],
                   report: MergeReport) -> int:
    """The bundle's other names of places, organisations and words: those the user's copy lacks (by uid) are
    added with their sources, which the merge of records has brought over by then. One the user deleted
    (``record_marks``) is not brought back (listed in ``report.kept_deleted``); one the user has is left as it
    is, changed or not. A copy migrated from a version without aliases gets all of them. Returns how many."""
    columns = ("uid", "group_id", "name", "lang", "kind", "note_en")
    source_uids = {uid for (uid,) in conn.execute("SELECT uid FROM sources")}
    added = 0
    for their_id, *values in source.execute(f"SELECT id, {', '.join(columns)} FROM aliases ORDER BY id").fetchall():
        if marks.get(("alias", values[0])) == "deleted":
            report.kept_deleted.append(("alias", values[0]))
            continue
        cur = conn.execute(f"INSERT OR IGNORE INTO aliases ({', '.join(columns)}) VALUES (?, ?, ?, ?, ?, ?)", values)
        if not cur.rowcount:
            continue
        added += 1
        cited = source.execute(
            "SELECT s.uid, rs.position FROM record_sources rs JOIN sources s ON s.id = rs.source_id "
            "WHERE rs.record_type = 'alias' AND rs.record_id = ?", (their_id,)).fetchall()
        for uid, position in cited:
            if uid in source_uids:
                conn.execute("INSERT OR IGNORE INTO record_sources (record_type, record_id, source_id, position) "
                             "SELECT 'alias', ?, id, ? FROM sources WHERE uid = ?", (cur.lastrowid, position, uid))
    return added


def _merge(db: Database, conn: sqlite3.Connection, source: sqlite3.Connection, report: MergeReport) -> None:
    stamp = (_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), editing.os_user(),
             "merge-" + report.bundled_data[:16] + "-" + _dt.datetime.now().strftime("%Y%m%d%H%M%S"))
    # vocabularies and metrics: new codes only
    for table in (*VOCABULARIES, "metrics"):
        cols = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
        mine = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        cols = [c for c in cols if c in mine]
        for values in source.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall():
            placeholders = ", ".join("?" * len(cols))
            cur = conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES ({placeholders})", values)
            report.vocabulary_added += cur.rowcount
    for uid, record_type in source.execute("SELECT uid, record_type FROM conflict_groups").fetchall():
        conn.execute("INSERT OR IGNORE INTO conflict_groups (uid, record_type) VALUES (?, ?)", (uid, record_type))

    theirs, user = RecordDocuments(source), RecordDocuments(conn)
    writer = _Writer(db, user)
    marks = _marks(conn)
    base_store = _merge_base(db)
    since = int(db.meta(META_LOG) or 0)
    new_base: dict[str, RowValues] = {}
    uid_of: dict[tuple[str, int], str] = {}

    for kind, table in KINDS:
        bundled_records = theirs.records(kind, table)
        user_records = user.records(kind, table)
        for uid, (_their_id, new) in bundled_records.items():
            mark = marks.get((kind, uid))
            if uid not in user_records:
                if mark == "deleted":
                    report.kept_deleted.append((kind, uid))
                    continue
                done, record_id = _attempt(conn, report, kind, uid, partial(writer.insert, kind, table, uid, new))
                if not done or record_id is None:
                    continue
                user.register(table, record_id, uid)
                uid_of[(kind, record_id)] = uid
                after = writer.snapshot(kind, table, record_id)
                writer.log(kind, record_id, uid, sorted(new), None, _dump(after), stamp)
                report.added.append((kind, uid))
                continue
            record_id, current = user_records[uid]
            uid_of[(kind, record_id)] = uid
            if current == new:
                if mark in ("changed", "added"):
                    new_base[f"{kind}:{uid}"] = new
                continue
            if mark in ("changed", "added"):
                key = f"{kind}:{uid}"
                new_base[key] = new
                base = base_store.get(key) or _base_from_log(db, user, kind, table, uid, since)
                if base is None:
                    fields = _differing(current, new)
                elif base != new:
                    fields = [f for f in _differing(base, new) if current.get(f) != new.get(f)]
                else:
                    fields = []
                if fields:
                    conflict = MergeConflict(kind, uid, record_id, tuple(fields),
                                             {f: current.get(f) for f in fields}, {f: new.get(f) for f in fields})
                    report.conflicts.append(conflict)
                    writer.log(kind, record_id, uid, fields, {"row": conflict.bundled_values, "links": {},
                                                               "merge": "bundled value, not applied"},
                               {"row": conflict.user_values, "links": {}, "merge": "your value, kept"}, stamp)
                continue
            # untouched by the user: the bundle's values replace the old bundled ones
            before = writer.snapshot(kind, table, record_id)
            if not _attempt(conn, report, kind, uid, partial(writer.update, kind, table, record_id, current, new))[0]:
                continue
            if user.record(kind, table, record_id) == current:
                continue  # nothing could change (e.g. it refers to a record the user deleted)
            after = writer.snapshot(kind, table, record_id)
            if before is not None and after is not None:
                fields = RecordChange(kind, before, after).fields()
            else:
                fields = _differing(current, new)
            writer.log(kind, record_id, uid, fields, _dump(before), _dump(after), stamp)
            report.updated.append((kind, uid))
    writer.write_conflict_memberships(lambda kind, uid, why: report.skipped.append((kind, uid, why)), uid_of)
    report.aliases_added = _merge_aliases(conn, source, marks, report)
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise UpgradeError(f"The merge would leave broken references ({problems[:5]}); nothing was changed.",
                           "broken_references", detail=str(problems[:5]))

    history = _history(db)
    previous = user_data_id(db)
    for value in (previous, report.bundled_data):
        if value and value not in history:
            history.append(value)
    _set_meta(conn, META_KEY, report.bundled_data)
    _set_meta(conn, META_HISTORY, json.dumps(history))
    _set_meta(conn, META_BASE, json.dumps(new_base, ensure_ascii=False, sort_keys=True))
    last = conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
    _set_meta(conn, META_LOG, str(last))
