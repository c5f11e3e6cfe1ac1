"""Opening an Atlas database: pragmas, search functions, migrations, clear errors.

Every connection the application makes goes through :func:`connect`, which registers the
``atlas_index_text`` SQL function that the full-text triggers call, turns foreign keys on, and (for
a writable file) switches to WAL.

A file is looked at read-only first (:func:`examine`: its header, ``application_id``, ``user_version``,
tables and, when asked, ``quick_check``). Only a file found to be a sound Atlas database of a schema this
version knows is then opened for work, where its header may change (WAL, the application id, migrations):
a foreign, newer, empty or damaged file is reported and left exactly as it was. A rollback journal left by
a crash is rolled back first, as SQLite does on any open; a read that fails for a passing reason (an I/O
error, a lock) is tried again and then reported as such, never as damage.
"""
from __future__ import annotations

import datetime as _dt
import errno
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import AtlasError
from desktop.core.text import index_text
from desktop.data import migrations
from desktop.data.fileidentity import FileIdentity, check_file, identity_of, settle_wal, what_changed

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(AtlasError):
    """A database file that cannot be used; the message says why and what to do.

    ``problem`` is the short reason on its own ("the file is empty"), for a message that names the file
    itself (the damaged-database question at start)."""

    def __init__(self, message: str, problem: str | None = None):
        super().__init__(message)
        self.problem = problem or message


class NotADatabaseError(DatabaseError):
    pass


class ForeignDatabaseError(NotADatabaseError):
    """A sound SQLite file of another program (another application id, or tables that are not ours)."""


class DamagedDatabaseError(DatabaseError):
    pass


class NewerSchemaError(DatabaseError):
    pass


class ReadOnlyDatabaseError(DatabaseError):
    pass


class UnreadableDatabaseError(DatabaseError):
    """The file could not be read: locked or an I/O error even when tried again, or a failure that trying again
    would not mend (no permission to read it). Not a sign of damage. ``reason`` is the system's or SQLite's own
    words for it ("database is locked", "Permission denied"), for a message that says the rest itself."""

    def __init__(self, message: str, problem: str | None = None, reason: str | None = None):
        super().__init__(message, problem)
        self.reason = reason or self.problem


class Cancelled(AtlasError):
    """A running query was interrupted on request."""


# The index texts of the last calls with short texts, shared by every connection: the rows an import or a build
# writes repeat them (a year and a period, a unit, a place); index_text depends on its arguments alone. Long texts
# (notes, summaries) rarely repeat and would make the cache large: they are indexed anew each time.
_SHORT_TEXTS = 64  # characters in all
_short_index_text = functools.lru_cache(maxsize=4096, typed=True)(index_text)


def _index_text(*texts: str | None) -> str:
    if sum(len(t) for t in texts if isinstance(t, str)) <= _SHORT_TEXTS:
        return _short_index_text(*texts)
    return index_text(*texts)


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("atlas_index_text", -1, _index_text, deterministic=True)


def connect(path: str | os.PathLike[str], *, readonly: bool = False, wal: bool = True,
            busy_ms: int = 5000) -> sqlite3.Connection:
    """A raw connection in autocommit mode with the Atlas functions and pragmas.

    ``readonly`` never writes the file (see :func:`_connect_readonly`); it opens the file at once, so that
    a file that cannot be read raises here rather than at the first query. A writable connection switches
    the file to WAL (``wal``): only for a file that :func:`examine` found to be ours and sound.
    """
    p = Path(path)
    if readonly:
        conn = _connect_readonly(p, busy_ms)
    else:
        conn = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False, timeout=busy_ms / 1000)
    _register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    conn.execute("PRAGMA cache_size = -16384")  # 16 MiB of page cache (the default is 2 MiB)
    if not readonly and wal:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _connect_readonly(p: Path, busy_ms: int) -> sqlite3.Connection:
    """A ``mode=ro`` connection. A WAL database whose ``-wal``/``-shm`` files cannot be opened or made (a
    read-only folder or file system) is read as an immutable snapshot instead: what the main file holds,
    without changes still in a ``-wal`` file that cannot be read either."""
    uri = p.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False,
                           timeout=busy_ms / 1000)
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # opens the file (and its WAL) now
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if _primary_code(exc) != sqlite3.SQLITE_CANTOPEN or not _header_says_wal(p):
            raise
    conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _primary_code(exc: BaseException) -> int:
    """SQLite's primary result code of an error (e.g. SQLITE_IOERR for SQLITE_IOERR_READ), 0 if none."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of the file (the SQLite header), fewer for a shorter file."""
    with open(path, "rb") as fh:
        return fh.read(100)


def _says_wal(head: bytes) -> bool:
    """Whether an SQLite header's file format bytes (18–19) say WAL."""
    return head[:16] == SQLITE_MAGIC and head[18:20] == b"\x02\x02"


def _header_says_wal(path: Path) -> bool:
    try:
        return _says_wal(_read_header(path))
    except OSError:
        return False


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head == SQLITE_MAGIC


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the database through SQLite's backup API, written whole or not at all (through
    :func:`desktop.core.atomic.replacing`; a file error raises its FileError, an OSError)."""
    from desktop.core.atomic import replacing

    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target) as tmp:
        copy_into(conn, tmp)
    return target


def copy_into(conn: sqlite3.Connection, path: Path) -> None:
    """Copy the database of ``conn`` into a new file at ``path`` through SQLite's backup API (a rollback
    journal, not WAL: a copy is one self-contained file). Callers write ``path`` as a temporary file."""
    dest = sqlite3.connect(str(path))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


@dataclass
class Database:
    """An open Atlas database (the user's copy, another file given with --db, or a build target)."""

    path: Path
    conn: sqlite3.Connection
    readonly: bool = False
    interrupts: int = 0  # bumped by interrupt(); long Python-side work checks it between steps
    identity: FileIdentity | None = None  # the opened file's device and inode (see fileidentity)

    def __post_init__(self) -> None:
        if self.identity is None:
            self.identity = identity_of(self.path)

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the same connection (imported on first use: it pulls in numpy,
        which would cost ~140 ms at start)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        if not self.readonly and what_changed(self.path, self.identity) is not None:
            settle_wal(self.conn)  # its file was moved, deleted or replaced: no stale -wal is left at the path
        self.conn.close()

    def check_identity(self) -> None:
        """Raise DatabaseFileChanged when the file at ``path`` is no longer the one this connection works on."""
        check_file(self.path, self.identity)

    def interrupt(self) -> None:
        """Stop the query running on this connection (safe to call from another thread).

        The SQL statement in progress fails at once; work done in Python between statements sees
        the bumped ``interrupts`` counter and stops too (see :meth:`check_interrupt`).
        """
        self.interrupts += 1
        self.conn.interrupt()

    def check_interrupt(self, since: int) -> None:
        """Raise Cancelled if interrupt() was called after the counter read ``since``; a pause point too."""
        self.pause_point()
        if self.interrupts != since:
            raise Cancelled("The search was cancelled.")

    # Set by a background reader (the search worker): called between slices of Python work, it may
    # block for a moment (releasing the GIL) while the UI thread paints.
    pause: Callable[[], object] | None = None

    def pause_point(self) -> None:
        if self.pause is not None:
            self.pause()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole on any exception."""
        if self.readonly:
            raise ReadOnlyDatabaseError(f"{self.path} is open read-only")
        self.check_identity()  # a file deleted, moved or replaced since it was opened: nothing is written
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")  # a failing commit (disk full, I/O error) rolls back too
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


_backup_lock = threading.Lock()


def _backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with _backup_lock:
        target = path.with_name(f"{path.stem}.v{version}.{stamp}.bak{path.suffix}")
        n = 1
        while target.exists():
            target = path.with_name(f"{path.stem}.v{version}.{stamp}-{n}.bak{path.suffix}")
            n += 1
        return backup_to(conn, target)


@dataclass(frozen=True)
class Retry:
    """How a read that fails for a passing reason (locked, an I/O error) is tried again before it is
    reported as an I/O error: ``attempts`` in all, ``pause(pause_s)`` between them, each waiting up to
    ``busy_ms`` for a lock."""

    attempts: int = 3
    pause_s: float = 0.5
    busy_ms: int = 5000
    pause: Callable[[float], object] = time.sleep


RETRY = Retry()  # what examine() uses when it is given no Retry of its own
# The start's check of the user's copy runs before any window is shown: a locked file is reported within about
# a second (two tries of half a second each), not after the ~16 s of RETRY.
START_RETRY = Retry(attempts=2, pause_s=0.25, busy_ms=500)

# SQLite primary result codes that say the file could not be read now, not that it is bad.
_TRANSIENT = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN,
                        sqlite3.SQLITE_PROTOCOL, sqlite3.SQLITE_NOMEM})
# The system's error numbers of a read that may work when tried again (a disk or network drive that did not
# answer, a file busy for a moment); any other (no permission, a folder, a name too long) is reported at once.
_PASSING_ERRNOS = frozenset({errno.EIO, errno.EAGAIN, errno.EINTR, errno.EBUSY})


@dataclass(frozen=True)
class FileInfo:
    """What a read-only look at a database file found (:func:`examine`); nothing was written."""

    path: Path
    version: int  # PRAGMA user_version: the schema version
    application_id: int  # 0 in a file made before the id existed
    wal: bool  # the header says WAL
    checked: bool  # quick_check was run and passed

    def changes_on_open(self) -> bool:
        """Whether opening it for work writes the header: WAL, the application id, or migrations."""
        return (not self.wal or self.application_id != migrations.APPLICATION_ID
                or self.version < migrations.LATEST_VERSION)


def classify(application_id: int, version: int, names: set[str]) -> str:
    """What a file is, from its header's ids and the names in its schema: "atlas" (ours, a schema this
    version knows), "newer" (ours, a later schema), "blank" (nothing in it) or "foreign"."""
    if application_id not in (0, migrations.APPLICATION_ID):
        return "foreign"
    if version == 0 and not names:
        return "blank"
    if application_id == migrations.APPLICATION_ID and version > migrations.LATEST_VERSION:
        return "newer"  # a later schema may name its tables differently: the id and version say enough
    if version == 0 or "agreements" not in names:
        return "foreign"
    return "newer" if version > migrations.LATEST_VERSION else "atlas"


def _roll_back_hot_journal(p: Path, busy_ms: int) -> None:
    """Let SQLite undo the unfinished change a crash left in the ``-journal`` file: an ordinary read-write
    open does that on its first read, and the file holds its last committed state again."""
    if not _writable(p):
        raise ReadOnlyDatabaseError(
            f"{p} holds an unfinished change left by a program that stopped (in {p.name}-journal beside it). "
            "It is undone when the file is opened where it can be written: copy both files to a writable "
            "folder and open the copy. It was left unchanged.", "an unfinished change cannot be undone here")
    conn = sqlite3.connect(str(p), isolation_level=None, timeout=busy_ms / 1000)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    finally:
        conn.close()


def connect_for_look(path: str | os.PathLike[str], *, busy_ms: int = 5000) -> sqlite3.Connection:
    """A read-only connection for a look at a file that may not be ours, leaving no trace beside it. A WAL
    database without a ``-wal`` file is open nowhere (every connection to one keeps that file) and its main
    file holds all of it: it is read as immutable, so that no ``-wal``/``-shm`` file is made beside it."""
    p = Path(path)
    if _header_says_wal(p) and not Path(f"{p}-wal").exists():
        conn = sqlite3.connect(p.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
        _register_functions(conn)
        return conn
    return connect(p, readonly=True, busy_ms=busy_ms)


def _look(p: Path, full: bool, busy_ms: int) -> FileInfo:
    """One read-only look at the file (see :func:`examine`); SQLite and OS errors are the caller's."""
    head = _read_header(p)
    if not head:
        raise NotADatabaseError(f"{p} is empty (0 bytes), so it is not a Partnership Atlas database. It was "
                                "left unchanged.", "the file is empty")
    if len(head) < 100 or head[:16] != SQLITE_MAGIC:
        raise NotADatabaseError(f"{p} is not a Partnership Atlas database (it is not an SQLite file). It was "
                                "left unchanged.", "the file is not an SQLite database")
    conn = connect_for_look(p, busy_ms=busy_ms)
    try:
        app_id = migrations.application_id(conn)
        version = migrations.schema_version(conn)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        kind = classify(app_id, version, names)
        if kind == "foreign":
            raise ForeignDatabaseError(f"{p} is an SQLite file but not a Partnership Atlas database. It was left "
                                       "unchanged.", "the file belongs to another program")
        if kind == "newer":
            raise NewerSchemaError(
                f"{p} was written by a newer version of Partnership Atlas (schema {version}; this "
                f"version knows {migrations.LATEST_VERSION}). Please update the application. It was left "
                "unchanged.", "the file was written by a newer version")
        if full:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                result = "; ".join(str(r[0]) for r in rows[:5])
                raise DamagedDatabaseError(f"{p} is damaged ({result}). It was left unchanged.", result)
    finally:
        conn.close()
    return FileInfo(p, version, app_id, _says_wal(head), full)


def examine(path: str | os.PathLike[str], *, full: bool = True, retry: Retry | None = None) -> FileInfo:
    """Look at a database file without changing it, and say what it is or raise why it cannot be used.

    Read-only throughout: the header (a zero-byte file is "empty"; no SQLite magic is "not an SQLite
    file"), ``application_id``, ``user_version`` and the schema's names (another program's file is
    :class:`ForeignDatabaseError`, a later schema :class:`NewerSchemaError`) and, with ``full``, every page
    (``quick_check``: :class:`DamagedDatabaseError`). Two things are not damage: a rollback journal left by a
    crash is rolled back (by SQLite, on an ordinary open; that needs a writable file and folder) and the
    file looked at again; a read that fails for a passing reason (locked, an I/O error) is tried
    ``retry.attempts`` times, then raises :class:`UnreadableDatabaseError`. A read that trying again would not
    mend (no permission) raises it at once, in the words of every file error.
    """
    retry = retry or RETRY
    p = Path(path)
    try:
        exists, folder = p.exists(), p.is_dir()
    except OSError as exc:  # a folder on the way that may not be entered
        raise _unreadable_at_once(p, exc) from exc
    if not exists:
        raise DatabaseError(f"The database file {p} does not exist.")
    if folder:
        raise NotADatabaseError(f"{p} is a folder, not a database file.")
    rolled_back = False
    attempt = 0
    while True:
        try:
            return _look(p, full, retry.busy_ms)
        except (OSError, sqlite3.Error) as exc:
            code = getattr(exc, "sqlite_errorcode", None)
            if code == sqlite3.SQLITE_READONLY_ROLLBACK and not rolled_back:
                rolled_back = True
                try:
                    _roll_back_hot_journal(p, retry.busy_ms)
                    continue
                except sqlite3.Error as rollback_exc:
                    exc = rollback_exc
            if isinstance(exc, OSError):
                if exc.errno not in _PASSING_ERRNOS:
                    raise _unreadable_at_once(p, exc) from exc
            elif _primary_code(exc) not in _TRANSIENT:
                raise DamagedDatabaseError(f"{p} is damaged or unreadable: {exc}. It was left unchanged.",
                                           str(exc)) from exc
            attempt += 1
            if attempt >= retry.attempts:
                reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
                raise UnreadableDatabaseError(
                    f"{p} could not be read ({reason}), even after {attempt} tries. It was not treated as "
                    "damaged and was left unchanged; check the disk or network drive, or close the program that "
                    "is using it, and try again.", f"the file could not be read ({reason})", reason) from exc
            retry.pause(retry.pause_s)


def _unreadable_at_once(p: Path, exc: OSError) -> UnreadableDatabaseError:
    """A read error that trying again would not mend (no permission, a folder, a name too long), said as every
    file error is (:func:`desktop.core.atomic.file_error_message`)."""
    from desktop.core.atomic import file_error_message  # imported only here: not on the start path

    reason = exc.strerror or str(exc)
    return UnreadableDatabaseError(file_error_message(exc, p, reading=True), f"the file could not be read ({reason})",
                                   reason)


def open_database(path: str | os.PathLike[str], *, readonly: bool | None = None, check: bool = True,
                  retry: Retry | None = None, info: FileInfo | None = None) -> Database:
    """Open an existing Atlas database, migrating it to the current schema.

    The file is looked at read-only first (:func:`examine`); a file that is not a database, is empty,
    damaged, foreign or from a newer version raises a :class:`DatabaseError` whose message can be shown to
    the user, and the file is not modified at all then. Only a file found to be ours is opened for work:
    switched to WAL, marked with the application id, and, when its schema is older, backed up beside
    itself and migrated, each step in one transaction.
    ``readonly=None`` opens read-only only when the file or its folder cannot be written.
    ``check=False`` skips the page-by-page ``quick_check`` (it reads the whole file: ~0.7 s at
    100,000 agreements) when opening changes nothing in the file; the application runs
    :func:`quick_check` in the background instead. A file whose header opening would change is
    always checked first.
    ``info`` is a look at this file just made by the caller (the start's check of the user's copy): it is
    not looked at again, and its pages not checked again when that look checked them.
    """
    p = Path(path)
    if info is None or info.path != p or (check and not info.checked):
        info = examine(p, full=check, retry=retry)
    if readonly is None:
        readonly = not _writable(p)
    if not readonly and not info.checked and info.changes_on_open():
        info = examine(p, full=True, retry=retry)
    if readonly and info.version < migrations.LATEST_VERSION:
        raise ReadOnlyDatabaseError(
            f"{p} uses an older schema (version {info.version}) and must be upgraded, but it "
            "cannot be written. Copy it to a writable folder and open it again."
        )
    try:
        conn = connect(p, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"{p} cannot be opened: {exc}. It was left unchanged.", str(exc)) from exc
    try:
        if not readonly:
            if 0 < info.version < migrations.LATEST_VERSION:
                _backup_before_migration(conn, p, info.version)
            migrations.migrate(conn)  # also marks a file made before the application id existed
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DamagedDatabaseError(f"{p} could not be brought to the current schema: {exc}.", str(exc)) from exc
    except BaseException:
        conn.close()
        raise
    return Database(path=p, conn=conn, readonly=readonly)


def create_database(path: str | os.PathLike[str], *, wal: bool = True) -> Database:
    """Create a new, empty database at the current schema (the file must not exist)."""
    p = Path(path)
    if p.exists():
        raise DatabaseError(f"{p} already exists.")
    p.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(p, wal=wal)
    migrations.migrate(conn)
    return Database(path=p, conn=conn)


def open_snapshot(path: str | os.PathLike[str]) -> Database:
    """The database file at ``path`` as it is now, read-only and immutable: SQLite neither locks it nor reads
    or makes a ``-wal``/``-shm`` beside it, so it can be open while another connection lets go of a file of
    that name (see Repository.reopen). Raises DatabaseError when it cannot be read."""
    p = Path(path)
    try:
        conn = sqlite3.connect(p.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{p} cannot be read: {exc}.", str(exc)) from exc
    try:
        conn.execute("SELECT count(*) FROM agreements").fetchone()  # reads it now, not at the first query
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseError(f"{p} cannot be read: {exc}.", str(exc)) from exc
    _register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return Database(path=p, conn=conn, readonly=True)


def quick_check(path: str | os.PathLike[str]) -> str | None:
    """Check every page of a database on a connection of its own: None if sound, else the damage found.

    A file that could not be read at all (locked, an I/O error, gone) is not called damaged: that raises
    :class:`UnreadableDatabaseError`.
    """
    def unreadable(exc: sqlite3.Error) -> UnreadableDatabaseError:
        return UnreadableDatabaseError(f"{path} could not be read to check it ({exc}). It was left unchanged.")

    try:
        conn = connect(path, readonly=True)
    except sqlite3.DatabaseError as exc:
        if _primary_code(exc) in _TRANSIENT:
            raise unreadable(exc) from exc
        return str(exc)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        return None if result == "ok" else str(result)
    except sqlite3.DatabaseError as exc:
        if _primary_code(exc) in _TRANSIENT:
            raise unreadable(exc) from exc
        return str(exc)
    finally:
        conn.close()


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """None when every page checks out (``quick_check``) and each full-text index matches the text it
    indexes (FTS5 ``integrity-check``); else which check failed and what it found. The FTS5 check is
    written as an INSERT, so ``conn`` must be writable (the self-test runs it on its own copy)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if _primary_code(exc) in _TRANSIENT:
            return f"quick_check could not read the file ({exc})"
        return f"quick_check found damage ({exc})"
    if [r[0] for r in rows] != ["ok"]:
        return "quick_check found damage (" + "; ".join(str(r[0]) for r in rows[:5]) + ")"
    fts = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' "
        "ORDER BY name")]
    for table in fts:
        try:
            conn.execute(f'INSERT INTO "{table}" ("{table}") VALUES (\'integrity-check\')')
        except sqlite3.DatabaseError as exc:
            return f"the full-text index {table} failed its integrity-check ({exc})"
    return None
