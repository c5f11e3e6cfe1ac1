"""The main window opens on a database and shows what it holds."""
from __future__ import annotations

from desktop.qt.main_window import MainWindow


def test_window_lists_partners_and_counts(qtbot, repo):
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show()
    table = window.table
    names = [table.item(i, 0).text() for i in range(table.rowCount())]
    assert names[0].startswith("Türkiye") and "Турция" in names[0]
    counts = repo.counts()
    assert f"{counts['agreements']} agreements" in window.status_label.text()
    assert str(repo.db.path) in window.status_label.text()


def test_bundled_font_is_registered_and_covers_kazakh(qapp):
    from PySide6.QtGui import QFontMetrics

    from desktop.app import register_fonts

    register_fonts(qapp)
    assert qapp.font().family() == "DejaVu Sans"
    metrics = QFontMetrics(qapp.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ӘҒҚҢӨҰҮҺІәғқңөұүһіЁё")
    assert not metrics.inFontUcs4(0x1F642)  # the check can fail: no emoji in DejaVu Sans


def test_unexpected_error_is_logged_and_shown(qapp, tmp_path, monkeypatch):
    import sys

    from PySide6.QtWidgets import QMessageBox

    from desktop.qt.crash import install_excepthook

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(tmp_path / "logs")
    try:
        raise ValueError("a bug in a view")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    log = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "ValueError: a bug in a view" in log and "Traceback" in log
    assert shown and "a bug in a view" in shown[0] and "crash.log" in shown[0]
    assert "Traceback" not in shown[0]
