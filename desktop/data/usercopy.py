"""The user's working copy of the bundled database.

At first start the bundled database is copied (through SQLite's backup API, to a temporary file
renamed into place) to the per-user data folder; later starts open that copy; ``--db PATH`` opens
another file. The program folder is never written.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop import paths
from desktop.data import migrations
from desktop.data.database import Database, DatabaseError, FileInfo, backup_to, examine, open_database


@dataclass
class Opened:
    database: Database
    created: bool = False  # the user copy was made now, from the bundled database
    notice: str | None = None  # something the user should be told (e.g. read-only)


def _copy_bundled(bundled: Path, target: Path) -> None:
    source = sqlite3.connect(bundled.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        backup_to(source, target)
    finally:
        source.close()


def open_user_database(explicit: str | os.PathLike[str] | None = None, *, bundled: Path | None = None,
                       user_path: Path | None = None, check: bool = True, readonly: bool = False,
                       info: FileInfo | None = None, reading: bool = False) -> Opened:
    """Open the database the application should work on.

    ``explicit`` (from ``--db``) is opened as it is and must exist. Otherwise the user's copy is
    opened, created first from the bundled database when it does not exist yet. When the user
    folder cannot be written, the bundled database is opened read-only and ``notice`` says why.
    Raises :class:`DatabaseError` with a message for the user; a damaged or foreign file is never
    overwritten. ``check=False`` leaves the whole-file page check to the caller (see
    :func:`desktop.data.database.quick_check`). ``readonly`` opens it read-only (a second window on the
    same database). ``info`` is the start's look at the user's copy (``check_and_recover``), so that the file
    is not looked at, nor its pages checked, a second time (see ``open_database``). ``reading`` is for a command
    that only reads (search, export, a fact sheet): a file already at the current schema is then opened read-only,
    so that its bytes stay as they are (no switch to WAL, no header written); an older one is brought up to date
    as for work.
    """
    if reading and not readonly:
        path = Path(explicit) if explicit is not None else (user_path or paths.user_database())
        if path.exists():
            found = examine(path, full=check)
            if found.version == migrations.LATEST_VERSION and found.application_id == migrations.APPLICATION_ID:
                return Opened(open_database(path, readonly=True, check=check, info=found))
    if readonly:
        path = Path(explicit) if explicit is not None else (user_path or paths.user_database())
        if path.exists():
            db = open_database(path, readonly=True, check=check, info=info)
            return Opened(db, notice=f"{db.path} is open in another window; this one is read-only.")
    if explicit is not None:
        db = open_database(explicit, check=check, info=info)
        notice = _readonly_notice(db)
        return Opened(db, notice=notice)

    bundled = bundled or paths.bundled_database()
    user_path = user_path or paths.user_database()
    if user_path.exists():
        db = open_database(user_path, check=check, info=info)
        return Opened(db, notice=_readonly_notice(db))
    if not bundled.exists():
        raise DatabaseError(
            f"The bundled database {bundled} is missing; the installation is incomplete. "
            "Reinstall Partnership Atlas, or build it from the seeds (see README)."
        )
    try:
        user_path.parent.mkdir(parents=True, exist_ok=True)
        _copy_bundled(bundled, user_path)
    except (OSError, sqlite3.Error) as exc:
        db = open_database(bundled, readonly=True, check=check)
        reason = getattr(exc, "strerror", None) or str(exc)
        return Opened(db, notice=(
            f"Your data folder {user_path.parent} cannot be written ({reason}). The bundled reference "
            "data is open read-only; edits are off."
        ))
    db = open_database(user_path)
    return Opened(db, created=True, notice=_readonly_notice(db))


def _readonly_notice(db: Database) -> str | None:
    if db.readonly:
        return f"{db.path} cannot be written (file or folder is read-only); it is open read-only and edits are off."
    return None
