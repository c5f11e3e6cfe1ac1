"""Opening an Atlas database: pragmas, search functions, migrations, clear errors.

Every connection the application makes goes through :func:`connect`, which registers the
``atlas_index_text`` SQL function that the full-text triggers call, turns foreign keys on, and (for
a writable file) switches to WAL.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import AtlasError
from desktop.core.text import index_text
from desktop.data import migrations

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(AtlasError):
    """A database file that cannot be used; the message says why and what to do."""


class NotADatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    pass


class NewerSchemaError(DatabaseError):
    pass


class ReadOnlyDatabaseError(DatabaseError):
    pass


class Cancelled(AtlasError):
    """A running query was interrupted on request."""


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("atlas_index_text", -1, index_text, deterministic=True)


def connect(path: str | os.PathLike[str], *, readonly: bool = False, wal: bool = True) -> sqlite3.Connection:
    """A raw connection in autocommit mode with the Atlas functions and pragmas."""
    p = Path(path)
    if readonly:
        uri = p.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False)
    _register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA cache_size = -16384")  # 16 MiB of page cache (the default is 2 MiB)
    if not readonly and wal:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head == SQLITE_MAGIC


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the database through SQLite's backup API, written whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    dest = sqlite3.connect(str(tmp))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


@dataclass
class Database:
    """An open Atlas database (the user's copy, another file given with --db, or a build target)."""

    path: Path
    conn: sqlite3.Connection
    readonly: bool = False
    interrupts: int = 0  # bumped by interrupt(); long Python-side work checks it between steps

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the same connection (imported on first use: it pulls in numpy,
        which would cost ~140 ms at start)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        self.conn.close()

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


def open_database(path: str | os.PathLike[str], *, readonly: bool | None = None, check: bool = True) -> Database:
    """Open an existing Atlas database, migrating it to the current schema.

    A file of an older schema is backed up beside itself first, then migrated, each step in one
    transaction. A file that is not a database, is damaged, or comes from a newer version raises a
    :class:`DatabaseError` whose message can be shown to the user; the file is never modified then.
    ``readonly=None`` opens read-only only when the file or its folder cannot be written.
    ``check=False`` skips the page-by-page ``quick_check`` (it reads the whole file: ~0.7 s at
    100,000 agreements); the application runs :func:`quick_check` in the background instead.
    """
    p = Path(path)
    if not p.exists():
        raise DatabaseError(f"The database file {p} does not exist.")
    if p.is_dir():
        raise NotADatabaseError(f"{p} is a folder, not a database file.")
    if p.stat().st_size == 0 or not looks_like_sqlite(p):
        raise NotADatabaseError(
            f"{p} is not a Partnership Atlas database (it is not an SQLite file). It was left unchanged."
        )
    if readonly is None:
        readonly = not _writable(p)
    try:
        conn = connect(p, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        if readonly:
            # A WAL-mode file in a folder we cannot write: read it as an immutable snapshot.
            try:
                conn = sqlite3.connect(p.resolve().as_uri() + "?mode=ro&immutable=1", uri=True,
                                       isolation_level=None, check_same_thread=False)
                _register_functions(conn)
            except sqlite3.DatabaseError:
                raise DamagedDatabaseError(f"{p} cannot be read: {exc}. It was left unchanged.") from exc
        else:
            raise DamagedDatabaseError(f"{p} cannot be opened: {exc}. It was left unchanged.") from exc
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
        if result != "ok":
            raise DamagedDatabaseError(f"{p} is damaged ({result}). It was left unchanged.")
        version = migrations.schema_version(conn)
        if version > migrations.LATEST_VERSION:
            raise NewerSchemaError(
                f"{p} was written by a newer version of Partnership Atlas (schema {version}; this "
                f"version knows {migrations.LATEST_VERSION}). Please update the application."
            )
        if version > 0:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "agreements" not in tables:
                raise NotADatabaseError(f"{p} is an SQLite file but not a Partnership Atlas database.")
        elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise NotADatabaseError(f"{p} is an SQLite file but not a Partnership Atlas database.")
        if version < migrations.LATEST_VERSION:
            if readonly:
                raise ReadOnlyDatabaseError(
                    f"{p} uses an older schema (version {version}) and must be upgraded, but it "
                    "cannot be written. Copy it to a writable folder and open it again."
                )
            if version > 0:
                _backup_before_migration(conn, p, version)
            migrations.migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DamagedDatabaseError(f"{p} is damaged or unreadable: {exc}. It was left unchanged.") from exc
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


def quick_check(path: str | os.PathLike[str]) -> str | None:
    """Check every page of a database on a connection of its own: None if sound, else the problem."""
    try:
        conn = connect(path, readonly=True)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        return None if result == "ok" else str(result)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
