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
