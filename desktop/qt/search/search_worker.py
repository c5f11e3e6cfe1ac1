"""Agreement searches off the UI thread, on their own read-only connection.

The UI thread never waits for SQLite: it posts a request with a generation number and gets the
answer back as a queued signal. A newer request makes older ones stale: the statement running for
one is interrupted at once (``sqlite3_interrupt`` is safe from another thread), queued stale
requests are skipped, and a late answer to a stale request is ignored by its receiver.

Every slot of the worker reports every error it meets through a signal (never by raising: an
exception leaving a slot on this thread would reach the crash handler off the GUI thread): one the user
can act on (the file cannot be opened or read) as ``failed`` with its message, a bug as ``crashed``
with the exception, which the window logs and reports.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.errors import AtlasError
from desktop.data.agreements import PAGE_SIZE, AgreementQuery, AgreementSearch, Cursor
from desktop.data.database import Cancelled, Database, connect
from desktop.data.failures import database_errors

PAINT_WAIT_S = 0.05  # the longest a worker waits for one paint


class TextedRows(list):
    """(row, display texts) pairs, and the callable that made the texts (``made_by``)."""

    made_by: object = None


@contextmanager
def reporting(worker: QObject, generation: int) -> Iterator[None]:
    """Around the work of a worker's slot: a cancelled query ends quietly, any other error is reported by the
    worker's signals (``failed`` for the request ``generation``; ``crashed`` too when it is a bug), never raised
    on its thread. The agreements search and the Find box's worker share it."""
    try:
        with database_errors():  # SQLite's own errors leave as StorageError, an AtlasError
            yield
    except Cancelled:
        return
    except (AtlasError, OSError) as exc:
        worker.failed.emit(generation, str(exc) or type(exc).__name__)  # type: ignore[attr-defined]
    except Exception as exc:  # a bug: the window logs it and says so; the thread goes on serving
        worker.failed.emit(generation, f"{type(exc).__name__}: {exc}")  # type: ignore[attr-defined]
        worker.crashed.emit(exc)  # type: ignore[attr-defined]


class _Worker(QObject):
    page_found = Signal(int, object, object, object, str, object)  # generation, query, ids, next, sort, rows
    more_found = Signal(int, object, object, object)  # generation, ids, next cursor, rows
    counted = Signal(int, int, int)  # generation, matching, all agreements
    failed = Signal(int, str)  # generation (-1: the record counts), message
    crashed = Signal(object)  # an unexpected exception (a bug), with its traceback
    records_counted = Signal(object)  # {"agreements": n, "events": n, ...}

    def __init__(self, path: Path, ui_idle: threading.Event):
        super().__init__()
        self.path = path
        self.ui_idle = ui_idle
        self.latest = 0  # written by the UI thread; an int assignment is atomic
        self.db: Database | None = None
        self.search: AgreementSearch | None = None
        self.all_count: int | None = None

    def _open(self) -> AgreementSearch:
        """The worker's own read-only connection, opened on first use (and tried again on the next request
        when it could not be opened)."""
        if self.search is None:
            db = Database(self.path, connect(self.path, readonly=True), readonly=True)
            # Between slices of its Python work the worker waits (without the GIL) while the UI thread
            # paints: every cell the table paints calls into Python and would otherwise queue for the GIL.
            db.pause = lambda: self.ui_idle.wait(PAINT_WAIT_S)
            self.db, self.search = db, AgreementSearch(db)
        return self.search

    def interrupt(self) -> None:
        if self.db is not None:
            self.db.interrupt()

    def _rows(self, ids: list[int], query: AgreementQuery, texts) -> list:
        """The rows of ``ids``; with ``texts`` (a callable of the language asked for), (row, texts) pairs,
        so the UI thread does not make them while it paints."""
        search = self._open()
        rows = search.rows(ids, lang=query.lang)
        if texts is None or getattr(texts, "lang", None) != query.lang:
            return rows
        out = TextedRows()
        out.made_by = texts
        for n, r in enumerate(rows):
            if n % 25 == 0:
                self.db.pause_point()  # type: ignore[union-attr]
            out.append((r, texts(r)))
        return out

    @Slot(int, object, object)
    def run_search(self, generation: int, query: AgreementQuery, texts=None) -> None:
        if generation != self.latest:
            return
        with reporting(self, generation):
            search = self._open()
            page = search.page(query, None, PAGE_SIZE)
            rows = self._rows(page.ids, query, texts)  # the table shows them without a query of its own
            if generation != self.latest:
                return
            self.page_found.emit(generation, query, page.ids, page.next, page.sort, rows)
            if page.next is None:
                self._emit_count(generation, len(page.ids))
            # else the count waits for run_count: the UI asks once it has painted the page, so the
            # count's Python work does not compete with that paint for the GIL

    @Slot(int, object)
    def run_count(self, generation: int, query: AgreementQuery) -> None:
        if generation != self.latest:
            return
        with reporting(self, generation):
            self._emit_count(generation, self._open().count(query))

    def _emit_count(self, generation: int, total: int) -> None:
        if self.all_count is None:
            self.all_count = self._open().count(AgreementQuery())
        if generation == self.latest:
            self.counted.emit(generation, total, self.all_count)

    @Slot(int, object, object, object)
    def fetch_more(self, generation: int, query: AgreementQuery, cursor: Cursor, texts=None) -> None:
        if generation != self.latest:
            return
        with reporting(self, generation):
            page = self._open().page(query, cursor, PAGE_SIZE)
            rows = self._rows(page.ids, query, texts)
            if generation == self.latest:
                self.more_found.emit(generation, page.ids, page.next, rows)

    @Slot()
    def count_records(self) -> None:
        from desktop.data.repository import Repository

        with reporting(self, -1):
            self._open()
            self.records_counted.emit(Repository(self.db).counts())  # type: ignore[arg-type]

    @Slot()
    def forget_counts(self) -> None:
        self.all_count = None

    @Slot()
    def close(self) -> None:
        with reporting(self, -1):
            if self.db is not None:
                db, self.db, self.search = self.db, None, None
                db.close()


class SearchService(QObject):
    """The UI side: posts requests to the worker thread and relays its answers."""

    page_found = Signal(int, object, object, object, str, object)
    more_found = Signal(int, object, object, object)
    counted = Signal(int, int, int)
    failed = Signal(int, str)
    crashed = Signal(object)
    records_counted = Signal(object)
    _search_requested = Signal(int, object, object)
    _total_requested = Signal(int, object)
    _count_requested = Signal()
    _more_requested = Signal(int, object, object, object)
    _close_requested = Signal()
    _forget_requested = Signal()

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.generation = 0
        self._thread = QThread(self)
        self._thread.setObjectName("agreement-search")
        self._ui_idle = threading.Event()
        self._ui_idle.set()
        self._worker = _Worker(Path(path), self._ui_idle)
        self._worker.moveToThread(self._thread)
        self._search_requested.connect(self._worker.run_search)
        self._more_requested.connect(self._worker.fetch_more)
        self._close_requested.connect(self._worker.close)
        self._forget_requested.connect(self._worker.forget_counts)
        self._count_requested.connect(self._worker.count_records)
        self._total_requested.connect(self._worker.run_count)
        self._worker.records_counted.connect(self.records_counted)
        self._worker.page_found.connect(self.page_found)
        self._worker.more_found.connect(self.more_found)
        self._worker.counted.connect(self.counted)
        self._worker.failed.connect(self.failed)
        self._worker.crashed.connect(self.crashed)
        # the thread starts with the first request (the window's first frame does not wait for it)
        self._closed = False

    def _post(self, signal, *args) -> None:
        if not self._closed and not self._thread.isRunning():
            self._thread.start()
        signal.emit(*args)

    def search(self, query: AgreementQuery, texts=None) -> int:
        """Start a search; any earlier one still running is cancelled. Returns its generation. With
        ``texts`` (a thread-safe callable of a row), rows come as (row, texts(row)) pairs."""
        self.generation += 1
        self._worker.latest = self.generation
        self._worker.interrupt()
        self._post(self._search_requested, self.generation, query, texts)
        return self.generation

    def fetch_more(self, generation: int, query: AgreementQuery, cursor: Cursor, texts=None) -> None:
        if generation == self.generation:
            self._post(self._more_requested, generation, query, cursor, texts)

    def count(self, generation: int, query: AgreementQuery) -> None:
        """Count what a search finds (after its first page; answered by ``counted``)."""
        if generation == self.generation:
            self._post(self._total_requested, generation, query)

    def count_records(self) -> None:
        """Count the records of each kind (answered by ``records_counted``)."""
        self._post(self._count_requested)

    @contextmanager
    def painting(self):
        """While the UI thread paints a view that calls into Python for its cells, the worker pauses at
        its next pause point (within a fraction of a millisecond) instead of taking turns at the GIL."""
        self._ui_idle.clear()
        try:
            yield
        finally:
            self._ui_idle.set()

    @property
    def ui_idle(self) -> threading.Event:
        """Cleared while the window paints: other workers (the Find box's) pause on it too."""
        return self._ui_idle

    def forget_counts(self) -> None:
        """The records changed: the next count of all agreements is made again."""
        self._post(self._forget_requested)

    def is_current(self, generation: int) -> bool:
        return generation == self.generation

    def shutdown(self) -> None:
        self._closed = True
        self._ui_idle.set()
        if not self._thread.isRunning():
            return
        self.generation += 1
        self._worker.latest = self.generation
        self._worker.interrupt()
        self._close_requested.emit()
        self._thread.quit()
        self._thread.wait(5000)

    def let_go(self) -> None:
        """Close the worker's connection to the database file before this returns (the window's database is
        moving to another file: SQLite must close it before the window's own, see Repository.reopen). Nothing
        is read until :meth:`reopen` names the file the window then reads."""
        self.shutdown()
        if not self._thread.isRunning():
            self._worker.close()  # (a no-op when the thread closed it before it stopped)

    def reopen(self, path: Path) -> None:
        """Read the database file at ``path`` from now on (the window's database moved to it); the worker lets
        go of the old file first (:meth:`let_go`). The thread starts again with the next request."""
        self.let_go()
        self._worker.path = Path(path)
        self._worker.all_count = None
        self._closed = False
