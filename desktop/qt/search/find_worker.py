""""Find anything" queries off the UI thread, on their own read-only connection.

The same shape as :mod:`desktop.qt.search.search_worker`: the Find box posts each text with a generation
number; a newer text makes older ones stale (the statement running for one is interrupted at once,
queued stale requests are skipped, and a late answer is dropped by its receiver). The worker imports
:mod:`desktop.data.find` on its own thread, when the first text is asked for, so neither the window's
start nor the first keystroke waits for it.

Every error is reported through a signal, never raised out of a slot: one the user can act on (the file
cannot be opened or read) as ``failed`` with its message, a bug as ``crashed`` too.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.data.database import Database, connect
from desktop.data.failures import StorageError, database_errors
from desktop.qt.search.search_worker import PAINT_WAIT_S, reporting

if TYPE_CHECKING:
    from desktop.data.find import Finder

HITS_PER_KIND = 5


class FindAnswer(NamedTuple):
    """What the worker found for one text, with what the UI needs to show it without a query of its own."""

    text: str
    result: object  # desktop.data.find.FindResult
    partner_names: dict[str, tuple[str | None, str | None]]  # ISO3 -> (name_en, name_ru)


class _FindWorker(QObject):
    found = Signal(int, object)  # generation, FindAnswer
    failed = Signal(int, str)  # generation, message
    crashed = Signal(object)  # an unexpected exception (a bug)

    def __init__(self, path: Path, ui_idle: threading.Event | None = None):
        super().__init__()
        self.path = path
        self.ui_idle = ui_idle
        self.latest = 0  # written by the UI thread; an int assignment is atomic
        self.db: Database | None = None
        self.finder: Finder | None = None

    def _open(self) -> Finder:
        if self.finder is None:
            from desktop.data.find import Finder  # (on this thread, at the first text)

            db = Database(self.path, connect(self.path, readonly=True), readonly=True)
            if self.ui_idle is not None:
                # between its statements the finder waits (without the GIL) while the window paints, as the
                # agreements search does (see SearchService.painting)
                ui_idle = self.ui_idle
                db.pause = lambda: ui_idle.wait(PAINT_WAIT_S)
            self.db, self.finder = db, Finder(db)
        return self.finder

    def interrupt(self) -> None:
        if self.db is not None:
            self.db.interrupt()

    @Slot()
    def warm_up(self) -> None:
        try:
            self._open()
        except Exception:  # noqa: BLE001 - the first find reports the same failure, by signal
            self.close()

    @Slot(int, str, str)
    def run_find(self, generation: int, text: str, lang: str) -> None:
        if generation != self.latest:
            return
        with reporting(self, generation):
            finder = self._open()
            from desktop.data.find import COUNT_CAP  # (imported with the finder, above)

            result = finder.find(text, limit=HITS_PER_KIND, lang=lang, count_cap=COUNT_CAP)
            if generation == self.latest:
                self.found.emit(generation, FindAnswer(text, result, finder.partner_names()))

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            db, self.db, self.finder = self.db, None, None
            try:
                with database_errors():
                    db.close()
            except StorageError as exc:
                self.failed.emit(-1, str(exc))


class FindService(QObject):
    """The UI side: posts texts to the worker thread and relays its answers (queued, on the GUI thread)."""

    found = Signal(int, object)
    failed = Signal(int, str)
    crashed = Signal(object)
    _find_requested = Signal(int, str, str)
    _warm_up_requested = Signal()
    _close_requested = Signal()

    def __init__(self, path: Path, parent: QObject | None = None, ui_idle: threading.Event | None = None):
        """``ui_idle``: the event the window clears while it paints (SearchService.ui_idle)."""
        super().__init__(parent)
        self.generation = 0
        self._thread = QThread(self)
        self._thread.setObjectName("find-anything")
        self._worker = _FindWorker(Path(path), ui_idle)
        self._worker.moveToThread(self._thread)
        self._find_requested.connect(self._worker.run_find)
        self._warm_up_requested.connect(self._worker.warm_up)
        self._close_requested.connect(self._worker.close)
        self._worker.found.connect(self.found)
        self._worker.failed.connect(self.failed)
        self._worker.crashed.connect(self.crashed)
        self._closed = False

    def find(self, text: str, lang: str = "en") -> int:
        """Look for ``text`` in every kind, with snippets in ``lang`` where the match allows; any earlier find
        still running is cancelled. Returns its generation."""
        self.generation += 1
        self._worker.latest = self.generation
        self._worker.interrupt()
        if not self._closed:
            if not self._thread.isRunning():
                self._thread.start()
            self._find_requested.emit(self.generation, text, lang)
        return self.generation

    def warm_up(self) -> None:
        """Start the thread and let the worker import the finder and open its connection now, while the window
        is idle: an import holds the GIL, and at the first keystroke it would stall the window's painting."""
        if not self._closed and not self._thread.isRunning():
            self._thread.start()
            self._warm_up_requested.emit()

    def cancel(self) -> None:
        """Drop the find in flight (the box was cleared): its answer, if any, is stale."""
        self.generation += 1
        self._worker.latest = self.generation
        self._worker.interrupt()

    def is_current(self, generation: int) -> bool:
        return generation == self.generation

    def shutdown(self) -> None:
        """Stop the thread, closing the worker's connection first."""
        self._closed = True
        if not self._thread.isRunning():
            return
        self.cancel()
        self._close_requested.emit()
        self._thread.quit()
        self._thread.wait(5000)

    def let_go(self) -> None:
        """Close the worker's connection before this returns (the window's database moves to another file)."""
        self.shutdown()
        if not self._thread.isRunning():
            self._worker.close()

    def reopen(self, path: Path) -> None:
        """Read the database file at ``path`` from now on; the thread starts again with the next find."""
        self.let_go()
        self._worker.path = Path(path)
        self._closed = False
