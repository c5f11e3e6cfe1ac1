"""Unexpected errors (bugs): the traceback goes to a log file, the user gets a short message."""
from __future__ import annotations

import datetime as _dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from desktop import APP_NAME


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


def install_excepthook(log_dir: Path) -> None:
    """Route uncaught exceptions to the crash log and a message box instead of a bare traceback."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = write_crash_log(log_dir, exc_type, exc, tb)
        where = QApplication.translate("Crash", "Details were saved to {path}.").format(path=path) if path else \
            QApplication.translate("Crash", "The details could not be saved.")
        if QApplication.instance() is not None:
            from PySide6.QtWidgets import QMessageBox  # not on the start path

            QMessageBox.critical(
                None, APP_NAME,
                QApplication.translate("Crash", "Something went wrong inside Partnership Atlas: {error}\n\n"
                                                "Your data was not changed by this error. {where}").format(
                    error=f"{exc_type.__name__}: {exc}", where=where))
        else:
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
