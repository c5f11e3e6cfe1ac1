"""Checking the user's database at start, and recovering from a damaged one without deleting anything.

:func:`check_and_recover` runs a page check of the user's database (on a connection of its own: call it
before the application opens the file). A damaged file, or one that is not a database, is moved aside as
``atlas.sqlite.damaged-YYYYmmdd-HHMMSS`` (with its ``-wal``/``-shm`` files) and never deleted; the result
says what can be offered instead: the newest backup that checks out and the bundled data.
:func:`recover_from` puts the chosen one in place.
"""
from __future__ import annotations

import datetime as _dt
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.data.backup import BackupError, _integrity, _remove, restore_file
from desktop.data.backups import BackupInfo, newest_good_backup
from desktop.data.database import backup_to, looks_like_sqlite, quick_check

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

    @property
    def damaged(self) -> bool:
        return self.state == "damaged"


def _problem(path: Path) -> str | None:
    try:
        if path.stat().st_size == 0:
            return "the file is empty"
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc})"
    if not looks_like_sqlite(path):
        return "the file is not an SQLite database"
    return quick_check(path)


def move_aside(path: Path, label: str = "damaged") -> Path:
    """Rename a database file (and its -wal, -shm, -journal files) to ``NAME.LABEL-YYYYmmdd-HHMMSS``."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def check_and_recover(user_path: str | os.PathLike[str], bundled_path: str | os.PathLike[str] | None,
                      backup_dir: str | os.PathLike[str] | None) -> Recovery:
    """Check the user's database; a damaged one is moved aside and the alternatives are returned.

    Call it before the database is opened (and after the single-instance lock is held). ``state`` "ok":
    nothing to do. "missing": no file (normal at first start: the bundled data is copied by
    open_user_database); a backup is offered when one exists. "damaged": the file was moved to ``moved_to``;
    offer ``backup`` and/or ``bundled`` and call :func:`recover_from` with the choice.
    """
    path = Path(user_path)
    bundled = Path(bundled_path) if bundled_path is not None else None
    bundled = bundled if bundled is not None and bundled.is_file() else None
    if not path.exists():
        return Recovery(path, "missing", backup=newest_good_backup(backup_dir), bundled=bundled)
    problem = _problem(path)
    if problem is None:
        return Recovery(path, "ok")
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
    through the backup API). A file still at ``user_path`` is moved aside first, never deleted.
    Returns ``user_path``."""
    target = Path(user_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(choice, str) and choice == BUNDLED:
        if bundled_path is None or not Path(bundled_path).is_file():
            raise RecoveryError("The bundled data is missing; reinstall Partnership Atlas.")
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
        try:
            source = sqlite3.connect(Path(bundled_path).resolve().as_uri() + "?mode=ro", uri=True)
            try:
                backup_to(source, tmp)
            finally:
                source.close()
            if (result := _integrity(tmp)) != "ok":
                raise RecoveryError(f"The copy of the bundled data did not check out ({result}).")
            if target.exists():
                move_aside(target, "replaced")
            os.replace(tmp, target)
        except RecoveryError:
            _remove(tmp)
            raise
        except (OSError, sqlite3.Error) as exc:
            _remove(tmp)
            raise RecoveryError(f"The bundled data could not be copied to {target}: "
                                f"{getattr(exc, 'strerror', None) or exc}.") from exc
        return target
    backup = choice.path if isinstance(choice, BackupInfo) else Path(choice)
    restore_file(backup, target)  # checks the backup first; moves an existing file aside as NAME.replaced-...
    return target
