"""Backing up the open database to a file, checking a backup, and restoring one into the open database.

A backup is taken through SQLite's backup API on the open connection, so it is a consistent copy even
while the database is in WAL mode with changes not yet checkpointed into the main file. It is written
to a temporary file beside the target, checked page by page (``PRAGMA integrity_check``), and only then
renamed over the target: a failed or cancelled backup never replaces an older one.

A restore checks the backup first (a damaged, foreign or newer file is refused and the database left as
it was), then copies it into the open connection in one step of the backup API: other connections see
the old database or the restored one, never a mixture. An older schema is then migrated.
"""
from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.core.atomic import Aside, FileError, file_error_message, replacing
from desktop.data import migrations
from desktop.data.database import (
    Database,
    DatabaseError,
    ReadOnlyDatabaseError,
    classify,
    connect,
    connect_for_look,
    copy_into,
    looks_like_sqlite,
)

PAGES_PER_STEP = 1024  # 4 MiB at the default page size: the progress moves, the writer is rarely held up

Progress = Callable[[int, int], "bool | None"]


class BackupError(DatabaseError):
    """A backup that could not be written, or a file that cannot be restored; the message says why."""


class BackupCancelled(BackupError):
    """The backup was cancelled through its progress callback; no file was written."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def _integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a file, read-only, on a connection of its own ("ok" when sound)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(str(r[0]) for r in rows[:5])
    finally:
        conn.close()


def write_checked_copy(target: Path, fill: Callable[[Path], None], *, aside: Aside | None = None,
                       failed_check: Callable[[str], Exception]) -> None:
    """Write a database file at ``target`` the one safe way: ``fill(tmp)`` writes a temporary file beside it,
    the file is checked page by page (``PRAGMA integrity_check``; ``failed_check(result)`` is raised when it
    does not check out) and synced, an existing ``target`` is set aside when ``aside`` is given, and the file
    is renamed into place. On any failure the temporary file is removed and ``target`` is as it was."""
    with replacing(target, aside=aside) as tmp:
        fill(tmp)
        if (result := _integrity(tmp)) != "ok":
            raise failed_check(result)


def _copy_from_file(source: Path, tmp: Path, *, migrate: bool) -> None:
    """A copy of the database file ``source`` (opened read-only) into ``tmp``, migrated to the current schema."""
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    try:
        if not migrate:
            copy_into(src, tmp)
            return
        dest = connect(tmp, wal=False)
        try:
            src.backup(dest)
            migrations.migrate(dest)
        finally:
            dest.close()
    finally:
        src.close()


def backup_database(db: Database, target: str | os.PathLike[str], progress: Progress | None = None) -> Path:
    """Copy the open database to ``target`` (a consistent snapshot, verified); returns the target.

    ``progress(pages_done, pages_total)`` is called after each step of PAGES_PER_STEP pages; returning
    False cancels (BackupCancelled; nothing written). Raises :class:`BackupError` with a message for the
    user when the copy cannot be written or does not check out; an older file at ``target`` is then kept.
    """
    target = Path(target)
    try:
        if target.is_dir():
            raise BackupError(f"{target} is a folder; choose a file name for the backup.")
        if not target.parent.is_dir():
            raise BackupError(f"The folder {target.parent} does not exist; choose another place for the backup.")
    except OSError as exc:  # a name too long, a file where a folder should be
        raise BackupError(file_error_message(exc, target)) from exc
    if _same_file(target, Path(db.path)):
        raise BackupError(f"{target} is the open database itself; choose another file for the backup.")
    if db.conn.in_transaction:  # the copy would take the half-made change with it
        raise BackupError("The database is busy with a change; try the backup again when it is done.")

    def step(status: int, remaining: int, total: int) -> None:
        if progress is not None and progress(total - remaining, total) is False:
            raise BackupCancelled("The backup was cancelled; no file was written.")

    def fill(tmp: Path) -> None:
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            db.conn.backup(dest, pages=PAGES_PER_STEP, progress=step)
            dest.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file, no -wal beside it
        finally:
            dest.close()

    try:
        write_checked_copy(target, fill, failed_check=lambda result: BackupError(
            f"The backup copy did not check out ({result}); it was removed. Your database may be damaged: run a "
            "check of it."))
    except FileError as exc:
        raise BackupError(str(exc)) from exc
    except sqlite3.Error as exc:
        raise BackupError(_sqlite_write_message(exc, target, f"The backup to {target} could not be written: {exc}. "
                                                "An older file of that name was left unchanged.")) from exc
    return target


def _sqlite_write_message(exc: sqlite3.Error, target: Path, otherwise: str) -> str:
    """A full disk as every file error says it (SQLite reports it as SQLITE_FULL, not as an OSError)."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return file_error_message(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), target)
    return otherwise


def check_backup(path: str | os.PathLike[str]) -> str | None:
    """None if ``path`` is a sound Partnership Atlas database of a schema this version knows; else the
    problem, as a sentence for the user."""
    p = Path(path)
    if not p.exists():
        return f"{p} does not exist."
    if p.is_dir():
        return f"{p} is a folder, not a backup file."
    try:
        size = p.stat().st_size
    except OSError as exc:
        return f"{p} cannot be read: {exc.strerror or exc}."
    if size == 0:
        return f"{p} is empty."
    if size < 512 or not looks_like_sqlite(p):
        return f"{p} is not a Partnership Atlas backup (it is not an SQLite database file)."
    try:
        conn = connect_for_look(p)  # read-only, and no -wal/-shm made beside a WAL-mode file
    except sqlite3.Error as exc:
        return f"{p} cannot be opened: {exc}."
    try:
        result = "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()[:5])
        if result != "ok":
            return f"{p} is damaged ({result})."
        version = migrations.schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        kind = classify(migrations.application_id(conn), version, tables)
    except sqlite3.Error as exc:
        return f"{p} is damaged or unreadable ({exc})."
    finally:
        conn.close()
    if kind == "newer":  # (another program's file is foreign, whatever its user_version says)
        return (f"{p} was written by a newer version of Partnership Atlas (schema {version}; this version knows "
                f"{migrations.LATEST_VERSION}). Please update the application first.")
    if kind != "atlas" or not {"meta", "agreements"} <= tables:
        return f"{p} is an SQLite file but not a Partnership Atlas database."
    return None


def restore_database(db: Database, backup: str | os.PathLike[str]) -> None:
    """Replace the open database's contents with a backup, in one step, then migrate an older schema.

    The backup is checked first (:func:`check_backup`); a file that is damaged, not an Atlas database, or of a
    newer schema is refused with a :class:`BackupError` and the database is not touched; so is a database whose file
    was deleted, moved or replaced since it was opened (DatabaseFileChanged, as a write would). Afterwards the same
    connection (and every other one) sees the restored data; caches keyed on the database's contents must be
    dropped by the caller.
    """
    source = Path(backup)
    if db.readonly:
        raise ReadOnlyDatabaseError(f"{db.path} is open read-only; a backup cannot be restored into it.")
    db.check_identity()  # a file deleted, moved or replaced since it was opened: DatabaseFileChanged, nothing written
    if _same_file(source, Path(db.path)):
        raise BackupError(f"{source} is the open database itself; choose a backup file to restore.")
    problem = check_backup(source)
    if problem is not None:
        raise BackupError(f"The backup cannot be restored: {problem} Your database was left unchanged.")
    if db.conn.in_transaction:
        raise BackupError("The database is busy with a change; try the restore again when it is done.")
    try:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise BackupError(f"The backup {source} cannot be opened: {exc}. Your database was left unchanged.") from exc
    try:
        src_page = src.execute("PRAGMA page_size").fetchone()[0]
        dest_page = db.conn.execute("PRAGMA page_size").fetchone()[0]
        wal = db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        if wal and src_page != dest_page:
            raise BackupError(f"The backup {source} uses pages of {src_page} bytes and the open database "
                              f"{dest_page}; it cannot be restored into it while open. Your database was left "
                              "unchanged.")
        src.backup(db.conn, pages=-1)  # one step: the whole file in one write transaction
    except sqlite3.Error as exc:
        raise BackupError(f"The backup {source} could not be restored: {exc}. Your database was left "
                          "unchanged.") from exc
    finally:
        src.close()
    try:
        if migrations.schema_version(db.conn) < migrations.LATEST_VERSION:
            migrations.migrate(db.conn)
    except sqlite3.Error as exc:
        raise BackupError(f"The backup {source} was restored but could not be brought to the current schema: "
                          f"{exc}.") from exc


def restore_file(backup: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path | None:
    """Put a backup in place of a database file that no program has open (e.g. one too damaged to open).

    The backup is checked, copied beside ``target``, migrated when its schema is older, checked again and synced
    to the disk; only then is an existing ``target`` set aside (returned: ``NAME.replaced-YYYYmmdd-HHMMSS.EXT``, a
    second link to it where the disk allows, with its ``-wal``, ``-shm`` and ``-journal`` files, which must not be
    replayed into the restored copy) and the copy renamed into its place. When that rename fails, the file and
    its companions are put back as they were.
    """
    source, target = Path(backup), Path(target)
    if _same_file(source, target):
        raise BackupError(f"{source} is the database file itself; choose a backup file to restore.")
    problem = check_backup(source)
    if problem is not None:
        raise BackupError(f"The backup cannot be restored: {problem} {target} was left unchanged.")
    try:
        if target.is_dir() or not target.parent.is_dir():
            raise BackupError(f"{target} is not a place a database file can be written to.")
    except OSError as exc:
        raise BackupError(file_error_message(exc, target)) from exc
    old = Aside(target, "replaced", link=True, extension_last=True)
    try:
        write_checked_copy(target, lambda tmp: _copy_from_file(source, tmp, migrate=True), aside=old,
                           failed_check=lambda result: BackupError(
                               f"The restored copy did not check out ({result}). {target} was left unchanged."))
    except FileError as exc:
        raise BackupError(str(exc)) from exc
    except sqlite3.Error as exc:
        raise BackupError(_sqlite_write_message(exc, target, f"The backup could not be restored to {target}: "
                                                f"{exc}.")) from exc
    return old.path

