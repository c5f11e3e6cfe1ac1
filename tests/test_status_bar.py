"""The status bar never draws a message over the counts: on a read-only database the banner says why, and the
status bar shows the file and its counts, readable."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.repository import Repository


def test_a_read_only_window_shows_its_counts_without_a_message_over_them(qtbot, db_copy, translator):
    db = open_database(db_copy, readonly=True, check=False)
    window = build_window(Repository(db), translator=translator)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.is_complete() and " agreements" in window.status_label.text(),
                        timeout=10_000)
        assert window.banner.isVisible() and window.banner.text().startswith("Read-only")
        message = window.statusBar().currentMessage()
        assert message == "" or not window.status_label.isVisible(), (
            f"“{message}” is drawn over “{window.status_label.text()}”")
    finally:  # the window goes before its database closes
        window.search.shutdown()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db.close()
