"""An exception inside a Python override of a Qt virtual goes to sys.excepthook and never back into Qt: when
one does, PySide6 releases one reference too many to the override's function, and the class is left holding
a freed function (later "Error calling Python override of QWidget::changeEvent(): … is not callable", or a
crash). A window whose database was closed under it is the case the test suite met."""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.repository import Repository
from desktop.qt.agreements import partner_overview
from desktop.qt.shell.crash import contained


class Failing(QWidget):
    @contained
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            raise RuntimeError("the records could not be read")


def test_an_exception_in_an_override_is_reported_and_the_override_survives(qtbot):
    widget = Failing()
    qtbot.addWidget(widget)
    function = Failing.__dict__["changeEvent"]
    before = sys.getrefcount(function)
    for _ in range(3):
        with qtbot.capture_exceptions() as caught:
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        assert [str(exc) for _, exc, _ in caught] == ["the records could not be read"]
        del caught  # (its traceback holds the override's frame)
    assert sys.getrefcount(function) >= before  # one reference fewer each time, before the fix
    assert Failing.__dict__["changeEvent"] is function


def test_a_language_change_in_a_window_whose_database_closed_keeps_the_views_whole(qtbot, db_copy, translator):
    db = open_database(db_copy, check=False)
    window = build_window(Repository(db), translator=translator)
    window.show()
    qtbot.waitUntil(window.is_complete, timeout=10_000)
    function = partner_overview.PartnerOverview.__dict__["changeEvent"]
    before = sys.getrefcount(function)
    window.search.shutdown()
    db.close()
    with qtbot.capture_exceptions() as caught:
        QCoreApplication.sendEvent(window.overview, QEvent(QEvent.Type.LanguageChange))
        assert [type(exc).__name__ for _, exc, _ in caught] == ["ProgrammingError"]
        assert "closed database" in str(caught[0][1])
        del caught
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sys.getrefcount(function) >= before
