"""An import's undo and redo (thousands of records) run off the window's thread behind a progress dialog with Cancel;
Cancel writes nothing and keeps the step to undo."""
from __future__ import annotations

import threading

import pytest

from desktop.qt.transfer.transfer import ImportDialog

ROWS = 1200


@pytest.fixture
def window(open_window):
    w = open_window()
    w.editing.show_message = lambda text: None
    return w


def trade_file(tmp_path):
    path = tmp_path / "trade.csv"
    lines = ["uid;partner_iso3;year;period;turnover_usd_m;statistics;qualifier"]
    partners = ("TUR", "AZE", "TKM", "CHN", "GEO", "IRN", "AFG")
    periods = ("FY", "H1", "Q1", "3M", "6M", "9M", "11M")
    rows = [(p, y, q) for p in partners for y in range(1991, 2026) for q in periods][:ROWS]  # keys no row holds
    lines += [f"undo_{n};{p};{y};{q};{n},5;kazakh;exact" for n, (p, y, q) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported(repo) -> int:
    return repo.db.conn.execute("SELECT count(*) FROM trade_figures WHERE uid LIKE 'undo_%'").fetchone()[0]


def test_undo_and_redo_of_an_import_run_off_the_windows_thread(qtbot, window, repo, tmp_path):
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trade"))
    assert dialog.load(str(trade_file(tmp_path)))
    assert dialog.run_preview() and len(dialog.preview.add) == ROWS
    assert dialog.apply() and imported(repo) == ROWS
    threads, texts = [], []
    run_long = window.editing.run_long
    assert run_long is not None  # the window runs long steps behind a progress dialog

    def watched(text, work):
        texts.append(text)
        return run_long(text, lambda progress: (threads.append(threading.get_ident()), work(progress))[1])

    window.editing.run_long = watched
    window.action_table["undo"].trigger()
    assert imported(repo) == 0
    window.action_table["redo"].trigger()
    assert imported(repo) == ROWS
    assert len(threads) == 2 and threading.get_ident() not in threads
    assert texts[0].startswith("Undoing “Import trade.csv") and texts[1].startswith("Redoing “Import trade.csv")


def test_cancelling_an_undo_writes_nothing_and_keeps_the_step(qtbot, window, repo, tmp_path):
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trade"))
    assert dialog.load(str(trade_file(tmp_path)))
    assert dialog.run_preview() and dialog.apply()
    messages = []
    window.editing.show_message = messages.append
    window.editing.run_long = lambda text, work: work(lambda done, total: False)  # Cancel pressed at once
    window.action_table["undo"].trigger()
    assert imported(repo) == ROWS
    assert window.editing.history.can_undo()
    assert any("The undo was cancelled; nothing was changed." in m for m in messages)
