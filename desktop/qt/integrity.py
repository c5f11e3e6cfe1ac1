"""The whole-file page check of the open database, run in the background after start.

``PRAGMA quick_check`` reads every page (about 0.7 s at 100,000 agreements), so it is kept off
the start path; a problem is reported as soon as it is found. The check runs on a Python thread:
everything it finds, a bug included, reaches the window as a queued signal, never as an exception
on that thread.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.data.database import UnreadableDatabaseError, quick_check


class IntegrityCheck(QObject):
    finished = Signal(object)  # None when the file is sound, else what is wrong
    unreadable = Signal(str)  # the file could not be read to check it (locked, an I/O error): not damage
    crashed = Signal(object)  # the check itself failed unexpectedly (a bug): the exception

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            problem = quick_check(self.path)
        except UnreadableDatabaseError as exc:
            self.unreadable.emit(str(exc))
            return
        except Exception as exc:  # (quick_check reports the database's own errors as its answer)
            self.crashed.emit(exc)  # queued to the receiver's (UI) thread, as is finished
            return
        self.finished.emit(problem)
