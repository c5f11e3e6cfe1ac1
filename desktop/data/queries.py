"""Small reads and a copy the window's views ask of the database, so that desktop/qt holds no SQL (issue 21, item 8).

The repositories (desktop.data.repository, .agreements, .find, .lists) answer the views' main questions; what is
here is what a view needed besides: the units the metrics are measured in, the uids of records it exports, and a
copy of the whole database it saves. Each raises the data layer's StorageError when SQLite fails it.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.core.records import Label
from desktop.data.database import Database, backup_to
from desktop.data.editing import TABLES
from desktop.data.failures import database_errors

_CHUNK = 500  # ids bound in one statement (well under SQLite's limit of bound parameters)


def metric_units(db: Database) -> dict[str, Label]:
    """metric code -> the unit its values are in (English, Russian, Kazakh), for the metrics that name one."""
    with database_errors():
        rows = db.conn.execute("SELECT code, unit_en, unit_ru, unit_kk FROM metrics").fetchall()
    return {str(code): Label(en or "", ru, kk) for code, en, ru, kk in rows if en or ru or kk}


def record_uids(db: Database, kind: str, ids: Iterable[int]) -> dict[int, str]:
    """record id -> its uid, for the records of ``kind`` (a key of desktop.data.editing.TABLES) among ``ids``
    that exist."""
    table = TABLES[kind]
    wanted = sorted(set(ids))
    found: dict[int, str] = {}
    with database_errors():
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            found.update((int(record_id), str(uid)) for record_id, uid in db.conn.execute(
                f"SELECT id, uid FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def save_copy(db: Database, target: Path) -> Path:
    """A consistent copy of what ``db`` holds, written whole to ``target`` or not at all, through SQLite's backup
    API (even when the file ``db`` was opened from is gone: the connection still reads it). A file error raises
    its OSError, SQLite's a StorageError."""
    with database_errors():
        return backup_to(db.conn, target)
