"""Writing an import: its record changes streamed in batches inside the one write transaction, and kept for undo
compactly, in the change log, rather than as Python objects.

An import of 300,000 trade figures is one edit (one transaction, one undo step). Held as a tuple of
RecordChanges with their before and after snapshots it took hundreds of megabytes, and written a statement per
record it took minutes: each statement that writes a table whose triggers keep an FTS5 index opens a statement
savepoint, at which FTS5 flushes its pending terms to a new segment, so an index written row by row is merged over
and over. Here the changes are taken ``BATCH`` at a time: the current state of the batch's records is read with
one query per table and checked (an edit never overwrites what changed meanwhile: StaleEdit, nothing written),
each table is written with one statement per batch (rows staged in a temporary table, then one INSERT … SELECT,
UPDATE … FROM or DELETE … IN), what was stored is read back the same way and logged in ``change_log`` as every
edit is (its before and after as JSON, with the user mark the record carried: ``"mark"``), and the marks set.
Records inserted into a table with a search index of migrations.FIND_INDEX are indexed in bulk: the index's insert
trigger stands aside (editing.bulk_indexing) and the batch's index rows are made by one query with the trigger's own
expressions, written with one prepared statement and their terms gathered once (Tables._index), in the same
transaction, so that Find finds them as soon as the import commits.

The change set kept for undo and redo (:class:`LoggedChangeSet`) is the log batch: a label, the batch's id and its
size. Undoing it reads the batch back newest first, a batch at a time, and writes the inverse through the same
path; redoing it reads it oldest first. What undo reverts is exactly what was written, as read back after the
write. (The log holds a record's row and links, not the records that point at it, Snapshot.referrers: an import only
adds and updates, so its undo deletes only records it added, as Editor.apply's undo of it does, and its redo adds
them again as they were written.)
"""
from __future__ import annotations

import datetime as _dt
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast, overload

from desktop.core import text as _text
from desktop.core.edits import Changes, ChangeSet, Kind, RecordChange, Snapshot
from desktop.core.records import RowValues
from desktop.data.database import Database
from desktop.data.editing import OWNED, REFERRERS, TABLES, EditCancelled, Editor, StaleEdit, bulk_indexing, os_user
from desktop.data.migrations import FIND_INDEX, find_index_columns

BATCH = 5000  # records written (and read back from the change log) at a time
PROGRESS_EVERY = 100  # records between two calls of progress(done, total)
_STAGE = "import_stage_"  # prefix of the temporary tables rows are staged in
# the tables whose search index the writer keeps itself when it inserts rows (see Tables.insert): table -> kind
_INDEXED = {spec[0]: kind for kind, spec in FIND_INDEX.items()}


def _forget_words() -> None:
    """Empty the word caches of the index function (desktop.core.text: each keeps up to 200,000 words). The index
    triggers fold every word of every row written; the words of a large import (a number, a name per row) would
    otherwise fill them, in the window's process, to hundreds of megabytes that serve nothing after it."""
    for cached in (_text.terms_of, _text.fold_word, _text.stem_word, _text.translit_key):
        cached.cache_clear()


def _ids(values: Iterable[int]) -> str:
    """A JSON array of ids: one parameter for ``IN (SELECT value FROM json_each(?))``, however many there are."""
    return json.dumps([int(v) for v in values])


def _canonical(rows: Sequence[RowValues]) -> tuple[RowValues, ...]:
    """Rows in the order Editor.snapshot gives them (by their JSON text), so that snapshots compare equal."""
    if len(rows) < 2:
        return tuple(rows)
    return tuple(sorted(rows, key=_SORT_KEY.encode))


# json.dumps(..., sort_keys=True, default=str) (and ensure_ascii=False: the log's), made once rather than per call;
# the log's without the check for cycles, which a snapshot (dicts and tuples of plain values) never has
_SORT_KEY = json.JSONEncoder(sort_keys=True, default=str)
_LOG_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str, check_circular=False)


_FIELDS_TEXTS: dict[tuple[str, ...], str] = {}  # a change's fields -> json.dumps of them (the same few, over and over)


def _fields_text(fields: list[str]) -> str:
    """The change log's ``fields`` of a change (json.dumps of the list), made once for each list of fields."""
    key = tuple(fields)
    text = _FIELDS_TEXTS.get(key)
    if text is None:
        if len(_FIELDS_TEXTS) >= 1000:
            _FIELDS_TEXTS.clear()
        text = _FIELDS_TEXTS[key] = json.dumps(fields)
    return text


def _dump(snapshot: Snapshot | None, mark: str | None) -> str | None:
    """A record's state as the change log holds it (as Editor's log does), with the user mark it carried."""
    if snapshot is None:
        return None
    return _LOG_TEXT.encode({"row": snapshot.row, "links": snapshot.links, "mark": mark})


def _load(kind: str, text: str | None) -> tuple[Snapshot | None, str | None]:
    """A record's state and mark from the change log (links back as tuples, as snapshots hold them)."""
    if text is None:
        return None, None
    data = json.loads(text)
    links = {key: tuple(rows) for key, rows in data.get("links", {}).items()}
    return Snapshot(kind, data["row"], links), data.get("mark")


class Tables:
    """Reading and writing the rows of many records of one connection at once."""

    def __init__(self, db: Database):
        self.db = db
        self.conn = db.conn
        self.editor = Editor(db)
        self._triggered = {r[0] for r in self.conn.execute("SELECT DISTINCT tbl_name FROM sqlite_master "
                                                            "WHERE type = 'trigger'")}
        self._staged: set[str] = set()

    def snapshots(self, kind: str, record_ids: Sequence[int]) -> dict[int, Snapshot]:
        """The stored state of many records, as Editor.snapshot reads each: id -> Snapshot (absent: no record)."""
        if not record_ids:
            return {}
        ids = _ids(record_ids)
        table = TABLES[kind]
        columns = self.editor.columns(table)
        at = columns.index("id")  # (each row is made a dict once, by the columns selected)
        rows: dict[int, RowValues] = {int(r[at]): dict(zip(columns, r, strict=True)) for r in self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
        links: dict[int, dict[str, tuple[RowValues, ...]]] = {i: {} for i in rows}
        for owned_table, column, typed in OWNED[kind]:
            owned_columns = self.editor.columns(owned_table)
            at = owned_columns.index(column)
            grouped: dict[int, list[RowValues]] = {}
            sql = (f"SELECT {', '.join(owned_columns)} FROM {owned_table} WHERE {column} IN "
                   "(SELECT value FROM json_each(?))" + (" AND record_type = ?" if typed else ""))
            for r in self.conn.execute(sql, (ids, kind) if typed else (ids,)):
                grouped.setdefault(int(r[at]), []).append(dict(zip(owned_columns, r, strict=True)))
            key = f"{owned_table}.{column}"
            for record_id, record_links in links.items():
                record_links[key] = _canonical(grouped.get(record_id, ()))
        referrers: dict[int, dict[str, tuple[int, ...]]] = {i: {} for i in rows}
        for ref_table, column in REFERRERS.get(kind, ()):
            for target, ref_id in self.conn.execute(
                    f"SELECT {column}, id FROM {ref_table} WHERE {column} IN (SELECT value FROM json_each(?)) "
                    "ORDER BY id", (ids,)):
                if int(target) in referrers:
                    found = referrers[int(target)]
                    found[f"{ref_table}.{column}"] = (*found.get(f"{ref_table}.{column}", ()), int(ref_id))
        return {i: Snapshot(kind, rows[i], links[i], referrers[i]) for i in rows}

    def existing(self, kind: str, record_ids: Sequence[int]) -> set[int]:
        """Which of the ids are records of ``kind``."""
        return {int(r[0]) for r in self.conn.execute(f"SELECT id FROM {TABLES[kind]} WHERE id IN "
                                                     "(SELECT value FROM json_each(?))", (_ids(record_ids),))}

    def insert(self, table: str, rows: Sequence[RowValues]) -> None:
        """Insert rows (dicts of the same columns) with one statement when the table has triggers (rows staged in
        a temporary table first), else with one prepared statement run for each."""
        if not rows:
            return
        columns = list(rows[0])
        values = [[row[c] for c in columns] for row in rows]
        names, marks = ", ".join(columns), ", ".join("?" * len(columns))
        if table not in self._triggered:
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
            return
        stage = self._stage(table)
        self.conn.executemany(f"INSERT INTO temp.{stage} ({names}) VALUES ({marks})", values)
        if table in _INDEXED and "id" in columns:
            with bulk_indexing(self.db):
                self.conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM temp.{stage}")
            self._index(_INDEXED[table], stage)
        else:
            self.conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM temp.{stage}")
        self.conn.execute(f"DELETE FROM temp.{stage}")

    def _index(self, kind: str, stage: str) -> None:
        """Write the search index rows and terms of the records staged in ``stage`` and just inserted, as the
        kind's insert trigger writes them one record at a time (skipped meanwhile: editing.bulk_indexing): the
        same SQL makes the index texts of all of them in one query, and their terms are gathered once."""
        table, fts = FIND_INDEX[kind][:2]
        name, body = find_index_columns(kind, "r")
        rows = self.conn.execute(f"SELECT r.id, {name}, {body} FROM main.{table} r "
                                 f"WHERE r.id IN (SELECT id FROM temp.{stage})").fetchall()
        self.conn.executemany(f"INSERT INTO {fts}(rowid, name, body) VALUES (?, ?, ?)", rows)
        # (the trigger splits name || ' ' || body at spaces; a NULL column gives no terms)
        terms = {term for _, first, second in rows if first is not None and second is not None
                 for term in f"{first} {second}".split(" ") if term}
        self.conn.executemany("INSERT OR IGNORE INTO find_terms (kind, term) VALUES (?, ?)",
                              [(kind, term) for term in sorted(terms)])

    def update(self, table: str, columns: Sequence[str], rows: Sequence[RowValues]) -> None:
        """Set ``columns`` of the rows (dicts with the id and those columns) with one statement."""
        if not rows or not columns:
            return
        stage = self._stage(table)
        names = ["id", *columns]
        self.conn.executemany(f"INSERT INTO temp.{stage} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                              [[row[c] for c in names] for row in rows])
        self.conn.execute(f"UPDATE main.{table} SET {', '.join(f'{c} = s.{c}' for c in columns)} "
                          f"FROM temp.{stage} AS s WHERE main.{table}.id = s.id")
        self.conn.execute(f"DELETE FROM temp.{stage}")

    def delete(self, table: str, column: str, record_ids: Sequence[int], kind: str | None = None) -> None:
        """Delete the rows whose ``column`` holds one of the ids (and, with ``kind``, whose record_type is it)."""
        if record_ids:
            self.conn.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))"
                              + (" AND record_type = ?" if kind else ""),
                              (_ids(record_ids), kind) if kind else (_ids(record_ids),))

    def _stage(self, table: str) -> str:
        """A temporary table with the columns of ``table`` (no constraints, no triggers) to stage rows in."""
        stage = _STAGE + table
        if stage not in self._staged:
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT * FROM main.{table} WHERE 0")
            self._staged.add(stage)
        return stage

    def drop_stages(self) -> None:
        for stage in self._staged:
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{stage}")
        self._staged.clear()


class BatchWriter:
    """Writes record changes a batch at a time in the caller's transaction, checking, reading back, logging and
    marking each as Editor.apply does (one log batch for them all)."""

    def __init__(self, db: Database, action: str):
        self.tables = Tables(db)
        self.action = action
        self.batch = uuid.uuid4().hex
        self.user, self.now = os_user(), _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        self.pending: list[RecordChange] = []
        self.count = 0
        self.touched: dict[Kind, set[int]] = {}

    def add(self, change: RecordChange) -> None:
        self.pending.append(change)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending changes: each run of consecutive changes of one kind and one action together."""
        start = 0
        for n in range(1, len(self.pending) + 1):
            if n == len(self.pending) or _run_key(self.pending[n]) != _run_key(self.pending[start]):
                self._write_run(self.pending[start:n])
                start = n
        self.pending.clear()
        _forget_words()

    def finish(self) -> None:
        self.flush()
        self.tables.drop_stages()

    def changes(self) -> Changes:
        return Changes({kind: frozenset(ids) for kind, ids in self.touched.items()})

    def _write_run(self, run: list[RecordChange]) -> None:
        kind, action = run[0].kind, run[0].action
        ids = [c.record_id for c in run]
        if action == "insert":  # (a record to create needs only its id free)
            taken = self.tables.existing(kind, ids)
            for change in run:
                if change.record_id in taken:
                    raise StaleEdit(f"A {kind} record with the id {change.record_id} exists already.")
        else:
            current = self.tables.snapshots(kind, ids)
            for change in run:
                _check(change, current.get(change.record_id))
        if action == "delete":
            self._delete(kind, run)
        elif action == "insert":
            self._insert(kind, run)
        else:
            self._update(kind, run)
        stored = self.tables.snapshots(kind, ids) if action != "delete" else {}
        log, marks, unmarks = [], [], []
        for change, record_id in zip(run, ids, strict=True):
            after = stored.get(record_id) if change.after is not None else None
            if after is not None and after == change.after:
                after = change.after
            kept = change if after is change.after else RecordChange(kind, change.before, after, change.mark_before,
                                                                     change.mark_after)
            uid = kept.uid
            log.append((self.now, self.user, kept.action if self.action == "edit" else self.action, kind,
                        record_id, uid, _fields_text(kept.fields()), _dump(kept.before, kept.mark_before),
                        _dump(kept.after, kept.mark_after), self.batch))
            if kept.mark_after is None:
                unmarks.append((kind, uid))
            else:
                marks.append((kind, uid, kept.mark_after, self.now))
        conn = self.tables.conn
        conn.executemany("INSERT INTO change_log (changed_at, user_name, action, record_type, record_id, record_uid, "
                         "fields, before_json, after_json, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", log)
        conn.executemany("DELETE FROM record_marks WHERE record_type = ? AND record_uid = ?", unmarks)
        conn.executemany("INSERT INTO record_marks (record_type, record_uid, state, changed_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (record_type, record_uid) DO UPDATE SET state = excluded.state, "
                         "changed_at = excluded.changed_at", marks)
        self.count += len(run)
        self.touched.setdefault(Kind(kind), set()).update(ids)

    def _delete(self, kind: str, run: list[RecordChange]) -> None:
        ids = [c.record_id for c in run]
        for owned_table, column, typed in OWNED[kind]:
            self.tables.delete(owned_table, column, ids, kind if typed else None)
        self.tables.delete(TABLES[kind], "id", ids)

    def _insert(self, kind: str, run: list[RecordChange]) -> None:
        afters = [cast(Snapshot, c.after) for c in run]
        self.tables.insert(TABLES[kind], [a.row for a in afters])
        for key in _link_keys(afters):
            self.tables.insert(key.split(".")[0], [row for a in afters for row in a.links.get(key, ())])
        for after in afters:  # a delete undone: what pointed at the record points at it again
            for key, ref_ids in after.referrers.items():
                ref_table, column = key.split(".")
                self.tables.update(ref_table, [column], [{"id": i, column: after.id} for i in ref_ids])

    def _update(self, kind: str, run: list[RecordChange]) -> None:
        by_columns: dict[tuple[str, ...], list[RowValues]] = {}
        changed_links: dict[str, list[RecordChange]] = {}
        for change in run:
            before, after = cast(Snapshot, change.before), cast(Snapshot, change.after)
            columns = tuple(c for c in after.row if c != "id" and after.row[c] != before.row.get(c))
            by_columns.setdefault(columns, []).append(after.row)
            for key in set(before.links) | set(after.links):
                if before.links.get(key, ()) != after.links.get(key, ()):
                    changed_links.setdefault(key, []).append(change)
        for columns, rows in by_columns.items():
            self.tables.update(TABLES[kind], columns, rows)
        typed = {f"{t}.{c}": flag for t, c, flag in OWNED[kind]}
        for key, changes in changed_links.items():
            owned_table, column = key.split(".")
            self.tables.delete(owned_table, column, [c.record_id for c in changes], kind if typed.get(key) else None)
            self.tables.insert(owned_table, [row for c in changes
                                             for row in cast(Snapshot, c.after).links.get(key, ())])


def _run_key(change: RecordChange) -> tuple[str, str]:
    return change.kind, change.action


def _link_keys(snapshots: Iterable[Snapshot]) -> list[str]:
    keys: list[str] = []
    for snapshot in snapshots:
        keys.extend(k for k in snapshot.links if k not in keys)
    return keys


def _check(change: RecordChange, current: Snapshot | None) -> None:
    """Refuse a change of a record that is not as it was when the change was made (as Editor.apply does)."""
    if change.before is None:
        return
    if current is None or current.row != change.before.row or current.links != change.before.links:
        raise StaleEdit(f"The {change.kind} record \u201c{change.uid}\u201d was changed elsewhere since; "
                        "the edit was not applied.")


def write_changes(db: Database, label: str, changes: Iterable[RecordChange], total: int, action: str,
                  progress: Callable[[int, int], bool] | None = None) -> tuple[LoggedChangeSet, Changes]:
    """Apply record changes in one transaction (all or nothing), ``BATCH`` at a time, logged as ``action``. Returns
    the change set as the change log now holds it (one undo step) and what changed. ``progress(done, total)`` is
    called every PROGRESS_EVERY changes; when it returns False, EditCancelled is raised and nothing is written."""
    with db.transaction():
        writer = BatchWriter(db, action)
        for n, change in enumerate(changes):
            if progress is not None and n % PROGRESS_EVERY == 0 and progress(n, total) is False:
                what = {"undo": "The undo", "redo": "The redo"}.get(action, "The import")
                raise EditCancelled(f"{what} was cancelled; nothing was changed.")
            writer.add(change)
        writer.finish()
    return LoggedChangeSet(label, cast(tuple[RecordChange, ...], LoggedChanges(db, writer.batch, writer.count))), \
        writer.changes()


class LoggedChanges(Sequence[RecordChange]):
    """The record changes of one change-log batch, read from the log a batch at a time (oldest first), or their
    inverses newest first (``inverted``). Reading goes through ``db``; LoggedChangeSet.apply_to reads through the
    database it is given (the window's, which may have moved to another file since)."""

    def __init__(self, db: Database, batch: str, size: int, inverted: bool = False):
        self.db, self.batch, self.size, self.inverted = db, batch, size, inverted

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[RecordChange]:
        return self.read(self.db)

    @overload
    def __getitem__(self, index: int) -> RecordChange: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[RecordChange]: ...

    def __getitem__(self, index: int | slice) -> RecordChange | Sequence[RecordChange]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.size))]
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError(index)
        order = "DESC" if self.inverted else "ASC"
        row = self.db.conn.execute(f"SELECT record_type, before_json, after_json FROM change_log WHERE batch_id = ? "
                                   f"ORDER BY id {order} LIMIT 1 OFFSET ?", (self.batch, index)).fetchone()
        return self._change(*row)

    def read(self, db: Database) -> Iterator[RecordChange]:
        """The changes in their order, read through ``db`` a batch at a time."""
        order, beyond = ("DESC", "<") if self.inverted else ("ASC", ">")
        last = -1 if not self.inverted else 2**63 - 1  # beyond every log row's id
        while True:
            rows = db.conn.execute(f"SELECT id, record_type, before_json, after_json FROM change_log "
                                   f"WHERE batch_id = ? AND id {beyond} ? ORDER BY id {order} LIMIT {BATCH}",
                                   (self.batch, last)).fetchall()
            if not rows:
                return
            for _, kind, before, after in rows:
                yield self._change(kind, before, after)
            last = rows[-1][0]

    def _change(self, kind: str, before_json: str | None, after_json: str | None) -> RecordChange:
        before, mark_before = _load(kind, before_json)
        after, mark_after = _load(kind, after_json)
        change = RecordChange(kind, before, after, mark_before, mark_after)
        return change.inverse() if self.inverted else change

    def inverse(self) -> LoggedChanges:
        return LoggedChanges(self.db, self.batch, self.size, not self.inverted)


@dataclass(frozen=True)
class LoggedChangeSet(ChangeSet):
    """A change set kept in the change log (an import's): one undo step that holds only its label, log batch and
    size. ``changes`` reads the records' changes from the log; apply_to writes them (undo: the inverse) in
    batches."""

    def _logged(self) -> LoggedChanges:
        return cast(LoggedChanges, self.changes)

    def inverse(self) -> LoggedChangeSet:
        return LoggedChangeSet(self.label, cast(tuple[RecordChange, ...], self._logged().inverse()))

    def apply_to(self, db: Database, action: str = "redo",
                 progress: Callable[[int, int], bool] | None = None) -> tuple[LoggedChangeSet, Changes]:
        """Write these changes into ``db`` in one transaction (History's ``apply``: "undo" or "redo"); the log is
        read through ``db``, which holds it (the window's database; after "Save to a new file" its copy)."""
        logged = self._logged()
        return write_changes(db, self.label, logged.read(db), len(logged), action, progress)
