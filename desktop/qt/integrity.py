"""The whole-file page check of the open database, run in the background after start.

``PRAGMA quick_check`` reads every page (about 0.7 s at 100,000 agreements), so it is kept off
the start path; a problem is reported as soon as it is found.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.data.database import quick_check


class IntegrityCheck(QObject):
    finished = Signal(object)  # None when the file is sound, else what is wrong

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        self.finished.emit(quick_check(self.path))  # queued to the receiver's (UI) thread
