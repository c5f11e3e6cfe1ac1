"""Which file an open database is: the identity (device and inode) of the file it was opened on,
compared with the file at its path before every write and when the window comes back to the front.

SQLite keeps working on the file it opened even after that file was deleted, moved or replaced by
another one: in WAL mode its writes go on "succeeding" into a file nobody will open again, or into
the ``-wal`` file beside the path, where the next file opened at that path would read them as its
own. So a write first checks that the file at the path is still the one that was opened
(:func:`check_file`, called by ``Database.transaction``), and a connection whose file went away lets
go of it cleanly (:func:`settle_wal`) before it is closed.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from desktop.core.errors import AtlasError

DELETED, MOVED, GONE, REPLACED = "deleted", "moved", "gone", "replaced"  # GONE: deleted or moved, unknown which


class FileIdentity(NamedTuple):
    device: int
    inode: int


class DatabaseFileChanged(AtlasError):
    """The database file at the open path is no longer the file this connection works on; nothing was
    written. ``what`` is "deleted", "moved", "gone" (one of the two) or "replaced"."""

    def __init__(self, path: Path, what: str):
        self.path, self.what = Path(path), what
        how = {DELETED: "was deleted", MOVED: "was moved or renamed", GONE: "was deleted or moved",
               REPLACED: "was replaced by another file"}[what]
        super().__init__(f"The database file {self.path} {how} while it was open; nothing was written. "
                         "Save what is open to a new file, or reopen the file now at that place.")


def identity_of(path: str | os.PathLike[str]) -> FileIdentity | None:
    """The identity of the file at ``path`` now, or None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileIdentity(st.st_dev, st.st_ino)


def _link_count(identity: FileIdentity) -> int | None:
    """How many names the opened file still has (0: it was deleted), read from a descriptor this process
    holds on it (SQLite's own); None when no such descriptor can be found (a system without /dev/fd)."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            try:
                st = os.fstat(int(name))
            except (OSError, ValueError):
                continue  # the descriptor of the listing itself, closed by now
            if (st.st_dev, st.st_ino) == identity:
                return st.st_nlink
        return None
    return None


def what_changed(path: str | os.PathLike[str], opened: FileIdentity | None) -> str | None:
    """What became of the opened file at ``path`` (see DatabaseFileChanged.what); None when it is still there.
    A file whose identity was never taken is never reported."""
    if opened is None:
        return None
    now = identity_of(path)
    if now == opened:
        return None
    if now is not None:
        return REPLACED
    links = _link_count(opened)
    return GONE if links is None else (DELETED if links == 0 else MOVED)


def check_file(path: str | os.PathLike[str], opened: FileIdentity | None) -> None:
    """Raise DatabaseFileChanged unless the file at ``path`` is still the one opened (before a write)."""
    what = what_changed(path, opened)
    if what is not None:
        raise DatabaseFileChanged(Path(path), what)


def settle_wal(conn: sqlite3.Connection) -> bool:
    """Write the WAL of a connection whose file was moved, deleted or replaced into that file and empty it.

    SQLite leaves the WAL of a moved file as it is when the connection closes: a moved file would lack
    the last changes, and a file later put at the old path would take the stale ``-wal`` beside it for
    its own. After this, the ``-wal`` is empty. False when another reader kept part of it (try again once
    it is closed)."""
    try:
        busy = int(conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
    except sqlite3.Error:
        return False
    return busy == 0

