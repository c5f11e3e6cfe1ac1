"""Unexpected errors (bugs): the traceback goes to a log file, the user gets a short message.

The message is only ever shown by the GUI thread: a widget made on another thread crashes the process
(a segfault, not a message). An exception on a worker thread (``sys.excepthook`` called from a
``QThread``, ``threading.excepthook`` from a Python thread, or a worker's own report through
:func:`report_exception`) writes the log where it happened and posts the message to the GUI thread.
"""
from __future__ import annotations

import datetime as _dt
import functools
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME

_log_dir: Path | None = None  # set by install_excepthook; else the user's data folder


def contained(method: Callable[..., None]) -> Callable[..., None]:
    """For a Python override of a Qt virtual that returns nothing (``changeEvent``, ``closeEvent``, …) and whose
    work may fail (it reads the database): an exception in it goes to ``sys.excepthook`` (the crash log and the
    message in the application, the test's failure under pytest-qt) and never back into Qt.

    Why: when an exception leaves a Python override, PySide6 (6.12) releases one reference too many to the
    override's function. The class then holds a freed function; the next call of that override runs whatever
    object took its memory ("Error calling Python override of QWidget::changeEvent(): … is not callable"), or
    the process crashes.
    """
    @functools.wraps(method)
    def override(self: object, *args: object) -> None:
        try:
            method(self, *args)
        except Exception:
            sys.excepthook(*sys.exc_info())

    return override


def write_crash_log(log_dir: Path, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> Path | None:
    """Append the traceback to crash.log in ``log_dir``; None if even that cannot be written."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / "crash.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {_dt.datetime.now().isoformat(timespec='seconds')} ---\n")
            fh.writelines(traceback.format_exception(exc_type, exc, tb))
        return path
    except OSError:
        return None


def crash_log_dir() -> Path:
    """Where crash.log is written: the folder given to :func:`install_excepthook`, else the user's
    data folder's ``logs``."""
    if _log_dir is not None:
        return _log_dir
    from desktop.paths import user_data_dir

    return user_data_dir() / "logs"


def crash_message(exc: BaseException, log: Path | None) -> str:
    """What the user reads about a bug: what happened, that the data is safe, where the details are."""
    where = QApplication.translate("Crash", "Details were saved to {path}.").format(path=log) if log else \
        QApplication.translate("Crash", "The details could not be saved.")
    return QApplication.translate("Crash", "Something went wrong inside Partnership Atlas: {error}\n\n"
                                           "Your data was not changed by this error. {where}").format(
        error=f"{type(exc).__name__}: {exc}", where=where)


def _message_box(text: str):
    from PySide6.QtWidgets import QMessageBox  # not on the start path

    from desktop.qt.lazyqt import Qt

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text)
    box.setObjectName("crashMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the error's text may quote data
    return box


class _Messenger(QObject):
    """Lives in the GUI thread; a message posted from any thread is shown there (a queued signal)."""

    posted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._shown: list = []  # the open boxes (a window without a parent lives while Python holds it)
        self.posted.connect(self.show)

    @Slot(str)
    def show(self, text: str) -> None:
        """Shown without waiting: it arrives from the event loop at any moment, maybe while a modal dialog
        runs; a nested event loop here would run other events inside this one. The same message is not
        shown twice at once (a bug met by every search would otherwise pile up boxes; the log has each)."""
        if any(open_box.text() == text for open_box in self._shown):
            return
        box = _message_box(text)
        box.finished.connect(lambda _result, box=box: self._shown.remove(box))
        self._shown.append(box)
        box.show()


_messenger: _Messenger | None = None
_messenger_lock = threading.Lock()


def _gui_messenger(app: QApplication) -> _Messenger:
    global _messenger
    with _messenger_lock:
        if _messenger is None:
            _messenger = _Messenger()
            if _messenger.thread() is not app.thread():
                _messenger.moveToThread(app.thread())
        return _messenger


def show_crash_message(text: str, *, wait: bool) -> bool:
    """Show ``text`` in a message box on the GUI thread; from another thread the message is posted there.
    With ``wait`` (on the GUI thread only) the box is modal and returns once closed. False without a
    QApplication (nothing can be shown)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    if QThread.isMainThread():
        if wait:
            _message_box(text).exec()
        else:
            _gui_messenger(app).show(text)
    else:
        _gui_messenger(app).posted.emit(text)  # queued: the messenger lives in the GUI thread
    return True


def report_exception(exc: BaseException) -> None:
    """A bug found by a worker (or a slot): the traceback goes to the crash log and the user gets the
    message, shown by the GUI thread without waiting. Safe to call from any thread."""
    log = write_crash_log(crash_log_dir(), type(exc), exc, exc.__traceback__)
    if not show_crash_message(crash_message(exc, log), wait=False):
        sys.__excepthook__(type(exc), exc, exc.__traceback__)


def install_excepthook(log_dir: Path) -> None:
    """Route uncaught exceptions, on any thread, to the crash log and a message box instead of a bare
    traceback. Call it on the GUI thread once the QApplication exists."""
    global _log_dir
    _log_dir = log_dir
    app = QApplication.instance()
    if isinstance(app, QApplication):
        _gui_messenger(app)  # made now, on the GUI thread

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = write_crash_log(log_dir, exc_type, exc, tb)
        # on the GUI thread the box waits (the program may be about to end); elsewhere it is posted
        if not show_crash_message(crash_message(exc, path), wait=QThread.isMainThread()):
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return  # as threading's own hook: a thread that exits is not an error
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
