"""Checking the user's database at start, and recovering from a damaged one without deleting anything.

:func:`check_and_recover` looks at the user's database read-only, every page included (on a connection of
its own: call it before the application opens the file). A damaged file, an empty one, or one that is not
an SQLite file is moved aside as ``atlas.sqlite.damaged-YYYYmmdd-HHMMSS`` (with its ``-wal``/``-shm``
files) and never deleted; the result says what can be offered instead: the newest backup that checks out
and the bundled data. :func:`recover_from` puts the chosen one in place.

Only damage moves a file aside: a rollback journal left by a crash is rolled back first (the file is
sound again), a read that fails for a passing reason is tried again and then reported as an I/O error,
and a sound file of another program or of a newer version is reported; those files stay where they are.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.core.atomic import Aside, move_aside
from desktop.data.backup import BackupError, _copy_from_file, restore_file, write_checked_copy
from desktop.data.backups import BackupInfo, newest_good_backup
from desktop.data.database import (
    DamagedDatabaseError,
    FileInfo,
    ForeignDatabaseError,
    NotADatabaseError,
    Retry,
    examine,
)

BUNDLED = "bundled"


class RecoveryError(BackupError):
    """The chosen data could not be put in place; the message says why."""


@dataclass(frozen=True)
class Recovery:
    path: Path  # the user's database file
    state: str  # "ok", "missing" (first start, or the file is gone) or "damaged"
    problem: str | None = None  # what was wrong with the damaged file
    moved_to: Path | None = None  # where the damaged file now is
    backup: BackupInfo | None = None  # the newest good backup, to offer (damaged or missing)
    bundled: Path | None = None  # the bundled data, to offer when it exists (damaged or missing)
    info: FileInfo | None = None  # "ok": the look that checked every page (open_database(info=...) skips its own)

    @property
    def damaged(self) -> bool:
        return self.state == "damaged"


def _problem(path: Path, retry: Retry | None) -> FileInfo | str:
    """What a read-only check of every page found: the look at a sound file, or the damage. A file that cannot
    be read now, belongs to another program or to a newer version raises its :class:`DatabaseError`: it is no
    damage."""
    try:
        return examine(path, full=True, retry=retry)
    except ForeignDatabaseError:
        raise
    except (DamagedDatabaseError, NotADatabaseError) as exc:
        return exc.problem


def check_and_recover(user_path: str | os.PathLike[str], bundled_path: str | os.PathLike[str] | None,
                      backup_dir: str | os.PathLike[str] | None, *, retry: Retry | None = None) -> Recovery:
    """Check the user's database; a damaged one is moved aside and the alternatives are returned.

    Call it before the database is opened (and after the single-instance lock is held). ``state`` "ok":
    nothing to do (``info`` is the look, for ``open_database(info=...)``). "missing": no file (normal at first
    start: the bundled data is copied by open_user_database); a backup is offered when one exists. "damaged":
    the file was moved to ``moved_to``; offer ``backup`` and/or ``bundled`` and call :func:`recover_from` with
    the choice. A file that could not be read (:class:`UnreadableDatabaseError`, after ``retry``), another
    program's file or one of a newer version raises its :class:`DatabaseError`, with the file left where it is
    and as it was.
    """
    path = Path(user_path)
    bundled = Path(bundled_path) if bundled_path is not None else None
    bundled = bundled if bundled is not None and bundled.is_file() else None
    if not path.exists():
        return Recovery(path, "missing", backup=newest_good_backup(backup_dir), bundled=bundled)
    problem = _problem(path, retry)
    if isinstance(problem, FileInfo):
        return Recovery(path, "ok", info=problem)
    try:
        moved = move_aside(path)
    except OSError as exc:
        raise RecoveryError(f"Your database {path} is damaged ({problem}) and could not be moved aside: "
                            f"{exc.strerror or exc}. It was left where it is.") from exc
    return Recovery(path, "damaged", problem, moved, newest_good_backup(backup_dir), bundled)


def recover_from(choice: BackupInfo | str | os.PathLike[str], user_path: str | os.PathLike[str],
                 bundled_path: str | os.PathLike[str] | None = None) -> Path:
    """Put the chosen data in place of the user's database: a backup (a :class:`BackupInfo` or its path;
    checked, copied and migrated by :func:`restore_file`) or ``"bundled"`` (a fresh copy of ``bundled_path``
    through the backup API). A file still at ``user_path`` is kept, never deleted, as
    ``NAME.replaced-YYYYmmdd-HHMMSS.EXT``. Returns ``user_path``."""
    target = Path(user_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(choice, str) and choice == BUNDLED:
        if bundled_path is None or not Path(bundled_path).is_file():
            raise RecoveryError("The bundled data is missing; reinstall Partnership Atlas.")
        old = Aside(target, "replaced", link=True, extension_last=True)  # as restore_file keeps it
        try:  # (set aside once the copy checks out and is synced)
            write_checked_copy(target, lambda tmp: _copy_from_file(Path(bundled_path), tmp, migrate=False), aside=old,
                               failed_check=lambda result: RecoveryError(
                                   f"The copy of the bundled data did not check out ({result})."))
        except RecoveryError:
            raise
        except (OSError, sqlite3.Error) as exc:
            raise RecoveryError(f"The bundled data could not be copied to {target}: "
                                f"{getattr(exc, 'strerror', None) or exc}.") from exc
        return target
    backup = choice.path if isinstance(choice, BackupInfo) else Path(choice)
    restore_file(backup, target)  # checks the backup first; keeps an existing file as NAME.replaced-....EXT
    return target
