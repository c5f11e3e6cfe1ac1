"""SQLite's failures as the data layer's own error (issue 21, item 8): the window never imports sqlite3.

Where the window tells the user that the database failed it (an edit the file refused, a copy that could not be
written, a file that could not be read), it calls the data layer inside :func:`database_errors`, which turns any
``sqlite3.Error`` into a :class:`StorageError`: an AtlasError with SQLite's own words as its message and the kind
of failure sorted out as ``reason``, for a message that says what to do.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.core.errors import AtlasError

# What kind of failure a StorageError is (its ``reason``).
BUSY = "busy"  # another program holds the database locked
FULL = "full"  # the disk is full or cannot be written
REFUSED = "refused"  # a constraint of the schema refused the change
FAILED = "failed"  # anything else


class StorageError(AtlasError):
    """SQLite failed a read or a write. The message is SQLite's own; ``reason`` is BUSY, FULL, REFUSED or FAILED."""

    def __init__(self, message: str, reason: str = FAILED):
        super().__init__(message)
        self.reason = reason


def _reason(exc: sqlite3.Error) -> str:
    words = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and "locked" in words:
        return BUSY
    if isinstance(exc, sqlite3.OperationalError) and ("full" in words or "disk" in words):
        return FULL
    if isinstance(exc, sqlite3.IntegrityError):
        return REFUSED
    return FAILED


@contextmanager
def database_errors() -> Iterator[None]:
    """Around work on the database: a ``sqlite3.Error`` raised inside leaves as a StorageError (chained to it);
    every other exception passes unchanged."""
    try:
        yield
    except sqlite3.Error as exc:
        raise StorageError(str(exc), _reason(exc)) from exc
