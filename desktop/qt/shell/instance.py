"""One window per database: a lock file held while a window has a database open.

The lock is a :class:`QLockFile` in the user's data folder (``locks/``), named after the database's full
path, so a database in a read-only folder (the bundled one) can be locked too. A lock left behind by a
process that is no longer running (a crash, a power cut) is removed and taken over.

When a live process holds it, the program asks whether to open this window read-only
(:func:`ask_second_instance`). Bringing the first window forward would need a local socket, and the program
opens no socket at all: there is none here on purpose.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from desktop import APP_NAME

LOCK_FOLDER = "locks"


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``<user data>/locks/<file name>-<hash of its full path>.lock``."""
    from desktop.paths import user_data_dir

    full = Path(db_path).expanduser().absolute()
    try:
        full = full.resolve()
    except OSError:
        pass
    key = os.path.normcase(str(full))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return user_data_dir() / LOCK_FOLDER / f"{full.name}-{digest}.lock"


class InstanceLock:
    """The lock of one database. ``acquired``: this process holds it. ``holder``: (pid, hostname, appname)
    of the live process that holds it instead, else None. ``error``: why the lock could not be made at all
    (e.g. the data folder cannot be written) — the program then goes on without one."""

    def __init__(self, path: Path, lock: QLockFile | None, acquired: bool,
                 holder: tuple[int, str, str] | None, error: str | None = None):
        self.path = path
        self._lock = lock
        self.acquired = acquired
        self.holder = holder
        self.error = error
        self.readonly = False  # set by claim_database when the user chose a read-only window

    @property
    def blocked(self) -> bool:
        """Another live process has this database open."""
        return not self.acquired and self.holder is not None

    def release(self) -> None:
        if self._lock is not None and self.acquired:
            self._lock.unlock()
        self.acquired = False

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"InstanceLock({str(self.path)!r}, acquired={self.acquired}, holder={self.holder})"


def acquire(db_path: str | os.PathLike[str]) -> InstanceLock:
    """Take the lock of the database at ``db_path`` without waiting. A stale lock (its process is no longer
    running on this machine) is removed first."""
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return InstanceLock(path, None, False, None, f"{path.parent}: {exc.strerror or exc}")
    lock = QLockFile(str(path))
    # 0: never stale because of its age alone — a window may stay open for days. A lock is stale when its
    # process is gone (QLockFile checks the PID and the program name on this host).
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return InstanceLock(path, lock, True, None)
    if lock.error() == QLockFile.LockError.LockFailedError:
        if lock.removeStaleLockFile() and lock.tryLock(0):
            return InstanceLock(path, lock, True, None)
        ok, *info = _lock_info(lock)
        if ok:
            pid, hostname, appname = info
            return InstanceLock(path, lock, False, (int(pid), str(hostname), str(appname)))
        if lock.tryLock(0):  # released between the two looks
            return InstanceLock(path, lock, True, None)
        return InstanceLock(path, lock, False, None, f"{path} is locked, by a process that cannot be told")
    return InstanceLock(path, lock, False, None, f"{path} cannot be written ({lock.error().name})")


def _lock_info(lock: QLockFile) -> tuple:
    """(ok, pid, hostname, appname) whichever way this PySide6 returns getLockInfo."""
    info = lock.getLockInfo()
    if isinstance(info, tuple) and len(info) == 4:
        return info
    if isinstance(info, tuple) and len(info) == 3:
        return (True, *info) if info[0] else (False, 0, "", "")
    return False, 0, "", ""


def second_instance_text(holder: tuple[int, str, str] | None) -> str:
    from PySide6.QtCore import QCoreApplication

    pid = holder[0] if holder else "?"
    return QCoreApplication.translate(
        "Instance", "{app} is already open on this database (process {pid}). Open this window read-only, "
        "or cancel?").format(app=APP_NAME, pid=pid)


def ask_second_instance(holder: tuple[int, str, str] | None, parent=None) -> bool:
    """Ask whether to open a read-only window on a database another window has open; True: read-only."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, second_instance_text(holder),
                      QMessageBox.StandardButton.Cancel, parent)
    readonly = box.addButton(QCoreApplication.translate("Instance", "Open read-only"),
                             QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(readonly)
    box.exec()
    return box.clickedButton() is readonly


def claim_database(db_path: str | os.PathLike[str] | None, parent=None, ask=ask_second_instance) -> InstanceLock | None:
    """The app's one call before opening a database (``db_path`` None: the user's copy). Returns the lock
    to keep until the window closes — with ``readonly`` True when another window has the database and the
    user chose a read-only window — or None when the user cancelled."""
    from desktop.paths import user_database

    lock = acquire(db_path if db_path is not None else user_database())
    if lock.blocked:
        if not ask(lock.holder, parent):
            return None
        lock.readonly = True
    return lock
