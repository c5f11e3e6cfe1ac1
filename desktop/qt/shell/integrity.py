"""The whole-file page check of the open database, run in the background after start and again whenever
the window moves to another file (it is opened without that check).

``PRAGMA quick_check`` reads every page (about 0.7 s at 100,000 agreements), so it is kept off
the start path; a problem is reported as soon as it is found. The check runs on a Python thread:
everything it finds, a bug included, reaches the window as a queued signal, never as an exception
on that thread. An answer about a file the window no longer works on is dropped.
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
    _answered = Signal(int, object, object)  # (from the check's thread) which run, what is wrong, why unreadable

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._runs = 0  # the number of the latest check started: only its answer is passed on
        self._running: tuple[Path, threading.Thread] | None = None
        self._answered.connect(self._pass_on)  # queued to this object's (the UI) thread

    def start(self) -> None:
        """Check the file at ``path`` in the background, unless a check of that file is running now."""
        if self._running is not None and self._running[0] == self.path and self._running[1].is_alive():
            return
        self._runs += 1
        thread = threading.Thread(target=self._run, args=(self._runs, self.path), name="integrity-check",
                                  daemon=True)
        self._running = (self.path, thread)
        thread.start()

    def _run(self, run: int, path: Path) -> None:
        try:
            problem = quick_check(path)
        except UnreadableDatabaseError as exc:
            self._answered.emit(run, None, str(exc))
            return
        except Exception as exc:  # (quick_check reports the database's own errors as its answer)
            self.crashed.emit(exc)  # queued to the receiver's (UI) thread, as is the answer
            return
        self._answered.emit(run, problem, None)

    def _pass_on(self, run: int, problem: str | None, unreadable: str | None) -> None:
        if run != self._runs:
            return  # a check of a file the window has left since
        if unreadable is not None:
            self.unreadable.emit(unreadable)
        else:
            self.finished.emit(problem)
