"""Automatic backups in the user's backup folder, with rotation that never trades a good backup for a bad one.

Backups are named ``atlas-YYYY-MM-DDTHH-MM-SS-REASON.sqlite`` (local time; ``-2``, ``-3`` ... when two are
made within a second) and written with :func:`desktop.data.backup.backup_database`, which verifies the copy
before it takes the name. :func:`rotate` checks every backup in the folder (:func:`check_backup`) before it
drops any: a damaged one is moved into the ``bad`` subfolder (never counted as good, never deleted), and only
good backups beyond the newest ``keep`` good ones are removed. Each backup is written through a temporary
file in the folder (:func:`desktop.core.atomic.replacing`), which also removes what a killed backup left there.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop import paths
from desktop.core.atomic import file_error_message
from desktop.data.backup import BackupError, backup_database, check_backup
from desktop.data.database import Database

PREFIX = "atlas-"
SUFFIX = ".sqlite"
BAD_FOLDER = "bad"
_STAMP = "%Y-%m-%dT%H-%M-%S"
_NAME = re.compile(r"^atlas-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-([a-z0-9-]*?))?(?:~(\d+))?\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: _dt.datetime  # local time, from the file name
    reason: str
    size: int
    problem: str | None = None  # None when the backup checks out (see check_backup)

    @property
    def ok(self) -> bool:
        return self.problem is None


def default_backup_dir() -> Path:
    """The per-user backup folder: <user data folder>/backups."""
    return paths.user_data_dir() / "backups"


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return slug[:40] or "backup"


def backup_name(reason: str, when: _dt.datetime) -> str:
    return f"{PREFIX}{when.strftime(_STAMP)}-{_reason_slug(reason)}{SUFFIX}"


def _parse(path: Path) -> tuple[_dt.datetime, str, int] | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    try:
        made = _dt.datetime.strptime(m.group(1), _STAMP)
    except ValueError:
        return None
    return made, m.group(2) or "", int(m.group(3) or 0)


def _candidates(backup_dir: Path) -> list[tuple[_dt.datetime, int, Path, str]]:
    if not backup_dir.is_dir():
        return []
    out = []
    for p in backup_dir.iterdir():
        parsed = _parse(p) if p.is_file() else None
        if parsed is not None:
            made, reason, n = parsed
            try:
                written = p.stat().st_mtime_ns
            except OSError:
                continue
            out.append((made, written, n, p, reason))
    out.sort(key=lambda t: (t[0], t[1], t[2], t[3].name), reverse=True)  # newest first
    return [(made, n, p, reason) for made, _w, n, p, reason in out]


def list_backups(backup_dir: str | os.PathLike[str] | None = None, *, check: bool = True) -> list[BackupInfo]:
    """The backups in the folder, newest first, each checked (``check=False`` skips the check: problem None)."""
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir()
    out = []
    for made, _n, path, reason in _candidates(folder):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        out.append(BackupInfo(path, made, reason, size, check_backup(path) if check else None))
    return out


def newest_good_backup(backup_dir: str | os.PathLike[str] | None = None) -> BackupInfo | None:
    for info in list_backups(backup_dir, check=False):
        problem = check_backup(info.path)
        if problem is None:
            return info
    return None


def automatic_backup(db: Database, backup_dir: str | os.PathLike[str] | None, reason: str, keep: int = 10,
                     *, now: _dt.datetime | None = None) -> Path:
    """A verified backup of the open database into the backup folder, named with the time and ``reason``;
    then :func:`rotate` keeps the newest ``keep`` good ones. Raises BackupError when it cannot be written."""
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(file_error_message(exc, folder)) from exc
    when = (now or _dt.datetime.now()).replace(microsecond=0)
    target = folder / backup_name(reason, when)
    n = 2
    while target.exists():
        target = folder / f"{PREFIX}{when.strftime(_STAMP)}-{_reason_slug(reason)}~{n}{SUFFIX}"
        n += 1
    backup_database(db, target)
    rotate(folder, keep)
    return target


def _move_aside(path: Path, folder: Path) -> Path:
    bad = folder / BAD_FOLDER
    bad.mkdir(exist_ok=True)
    target = bad / path.name
    n = 2
    while target.exists():
        target = bad / f"{path.stem}.{n}{path.suffix}"
        n += 1
    os.replace(path, target)
    return target


def rotate(backup_dir: str | os.PathLike[str] | None, keep: int = 10) -> list[Path]:
    """Keep the newest ``keep`` good backups; returns the files removed.

    Every backup is checked first. A damaged one is moved into ``bad/`` (it never counts as one of the
    ``keep``); a good one is removed only when ``keep`` newer good ones remain.
    """
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir()
    keep = max(1, int(keep))
    good: list[Path] = []
    for _made, _n, path, _reason in _candidates(folder):
        if check_backup(path) is None:
            good.append(path)
        else:
            try:
                _move_aside(path, folder)
            except OSError:
                pass  # left where it is; it is still not counted as good
    removed = []
    for path in good[keep:]:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def _change_mark(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])


def _backup_change_mark(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _change_mark(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def daily_backup_if_changed(db: Database, backup_dir: str | os.PathLike[str] | None = None, keep: int = 10, *,
                            today: _dt.date | None = None, now: _dt.datetime | None = None) -> Path | None:
    """Make a "daily" backup when no backup was made today and the data changed since the newest good
    backup (its change log ends before the database's); returns the backup made, or None."""
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir()
    now = now or _dt.datetime.now()
    today = today or now.date()
    if today != now.date():
        now = _dt.datetime.combine(today, now.time())
    backups = list_backups(folder, check=False)
    if any(b.made.date() == today and check_backup(b.path) is None for b in backups):
        return None
    newest = newest_good_backup(folder)
    if newest is not None and _backup_change_mark(newest.path) == _change_mark(db.conn):
        return None
    return automatic_backup(db, folder, "daily", keep, now=now)
