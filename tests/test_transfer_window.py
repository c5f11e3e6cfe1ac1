"""Export, import, backup and restore from the window, as a user does them."""
from __future__ import annotations

import csv

import pytest

from desktop.qt.transfer.transfer import ExportDialog, ImportDialog


@pytest.fixture
def window(open_window):
    w = open_window()
    w.editing.show_message = lambda text: None
    return w


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_the_current_view_or_everything(qtbot, window, repo, tmp_path):
    window.agreements.set_search_text("energy")
    qtbot.waitUntil(window.agreements.is_settled, timeout=10_000)
    shown = window.agreements.model.total
    assert 0 < shown < repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    dialog = ExportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("agreement"))
    assert dialog.scope_view.isEnabled() and dialog.scope_view.isChecked()
    out = tmp_path / "view.csv"
    assert dialog.export_to(str(out)) == shown
    rows = read_csv(out)
    uids = [r["uid"] for r in rows]
    expected = [repo.db.conn.execute("SELECT uid FROM agreements WHERE id = ?",
                                     (window.agreements.model.id_at(i),)).fetchone()[0]
                for i in range(window.agreements.model.rowCount())]
    assert uids[:len(expected)] == expected  # the view's rows, in its order
    dialog.scope_all.setChecked(True)
    everything = tmp_path / "all.xlsx"
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.export_to(str(everything)) == repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    dialog.kind.setCurrentIndex(dialog.kind.findData("node"))
    assert dialog.format.findData("geojson") >= 0
    dialog.kind.setCurrentIndex(dialog.kind.findData("event"))
    assert dialog.format.findData("geojson") < 0


def test_import_trade_figures_with_russian_headers_then_undo(qtbot, window, repo, tmp_path):
    path = tmp_path / "trade.csv"
    text = ("Партнёр;Год;Период;Товарооборот, млн долл. США;Чья статистика;Точность\n"
            "TKM;2016;FY;1 234,5;kazakh;exact\n"
            "TKM;2017;FY;not a number;kazakh;exact\n")
    path.write_bytes(text.encode("cp1251"))
    window.show_view("trade")
    window.selection.select_partner("TKM")
    before = len(window.trade.plot_data.lines["turnover"])
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trade"))
    assert dialog.load(str(path))
    assert dialog.chosen_mapping()["Год"] == "year"
    assert dialog.run_preview()
    assert len(dialog.preview.add) == 1 and len(dialog.preview.rejected) == 1
    assert dialog.rejections.item(0).text().startswith("Row 3:")
    assert dialog.apply()
    assert len(window.trade.plot_data.lines["turnover"]) == before + 1
    assert any(p.year == 2016 and p.value == 1234.5 for p in window.trade.plot_data.lines["turnover"])
    source = repo.db.conn.execute("SELECT id, title FROM sources ORDER BY id DESC LIMIT 1").fetchone()
    assert "trade.csv" in source[1]
    assert "Import trade.csv" in window.action_table["undo"].text()
    window.action_table["undo"].trigger()
    assert len(window.trade.plot_data.lines["turnover"]) == before
    assert repo.db.conn.execute("SELECT count(*) FROM sources WHERE id = ?", (source[0],)).fetchone()[0] == 0


def test_a_hostile_file_is_refused_with_a_message(qtbot, window, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"title_en,doc_type\n\"unterminated,agreement\nmore\x00text\n")
    dialog = ImportDialog(window)
    assert not dialog.load(str(path))
    assert dialog.last_error and dialog.table is None
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert not dialog.load(str(empty))


def test_backup_and_restore_bring_the_window_back(qtbot, window, repo, tmp_path):
    from desktop.data.backup import backup_database, restore_database

    copy = tmp_path / "backup.sqlite"
    backup_database(repo.db, copy)
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements ORDER BY id LIMIT 1").fetchone()[0]
    window.editing.submit(window.editing.editor.build_delete("agreement", agreement_id))
    assert not repo.agreement_exists(agreement_id) and window.action_table["undo"].isEnabled()
    restore_database(repo.db, copy)
    window.restored()
    assert repo.agreement_exists(agreement_id)
    assert not window.action_table["undo"].isEnabled()  # no undo across a restore
    qtbot.waitUntil(window.agreements.is_settled, timeout=10_000)
    assert agreement_id in {window.agreements.model.id_at(r) for r in range(window.agreements.model.rowCount())}
