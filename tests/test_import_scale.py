"""Imports that scale (issue 21, item 15): the preview keeps the file's rows on disk, the change set is made and
written a batch at a time inside the one transaction, and the undo step is the change log's batch, read back a batch
at a time, so that undo reverts exactly what was written. (Time and peak memory at 100,000 and 300,000 rows are
measured by tests/benchmarks/bench_import.py against their budgets.)"""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from desktop.core.edits import History
from desktop.data.database import backup_to, open_database
from desktop.data.editing import TABLES, EditCancelled, Editor, StaleEdit
from desktop.export import import_writer
from desktop.export.fileformat import COLUMNS
from desktop.export.import_writer import LoggedChangeSet, Tables
from desktop.export.importing import apply_import, build_change_set, match_columns, preview
from desktop.export.readers import read_table

PARTNERS = ("AFG", "AZE", "CHN", "GEO", "IRN", "TKM", "TUR")


@pytest.fixture
def db(db_copy: Path):
    database = open_database(db_copy)
    yield database
    database.close()


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of 40 records, so that a few hundred rows are written (and read back) in several."""
    monkeypatch.setattr(import_writer, "BATCH", 40)


def trade_file(path: Path, rows: int, *, updates: int = 0) -> Path:
    """Trade figures with a uid each (a unique word in each note), and ``updates`` rows that change the notes of the
    bundled figures."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(";".join(COLUMNS["trade"]) + "\r\n")
        for i in range(rows):
            fh.write(f"scale_{i};{PARTNERS[i % 7]};{1991 + i % 100};FY;{i // 1000} {i % 1000:03d},5;;;kazakh;"
                     f"exact;Row {i} word{i};;\r\n")
    if updates:
        db = open_database(path.parent / "atlas-copy.sqlite", readonly=True)
        try:
            figures = db.conn.execute("SELECT t.uid, p.iso3, year, period, statistics FROM trade_figures t "
                                      "JOIN partners p ON p.id = t.partner_id ORDER BY t.id LIMIT ?",
                                      (updates,)).fetchall()
        finally:
            db.close()
        with open(path, "a", encoding="utf-8-sig", newline="") as fh:
            for uid, iso3, year, period, statistics in figures:
                fh.write(f"{uid};{iso3};{year};{period};1;;;{statistics};approx;Checked again;;\r\n")
    return path


def imported(db, path: Path):
    table = read_table(path)
    result = preview(db, "trade", table, match_columns("trade", table.columns))
    assert not result.rejected, result.rejected[:3]
    return result, build_change_set(db, result, file_name=path.name)


def dump(db) -> dict[str, list[tuple]]:
    tables = ("trade_figures", "sources", "record_sources", "record_marks", "conflict_members")
    out = {t: sorted(map(tuple, db.conn.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}
    out["trade_fts"] = sorted(db.conn.execute("SELECT rowid, name, body FROM trade_fts").fetchall())
    return out


def logged(db, action: str) -> int:
    return db.conn.execute("SELECT count(*) FROM change_log WHERE action = ?", (action,)).fetchone()[0]


def test_a_batch_of_records_reads_as_the_editor_reads_each(db):
    tables, editor = Tables(db), Editor(db)
    for kind, table in TABLES.items():
        ids = [r[0] for r in db.conn.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 60")]
        assert ids, kind
        assert tables.snapshots(kind, ids + [10**9]) == {i: editor.snapshot(kind, i) for i in ids}, kind


def test_an_import_in_several_batches_is_undone_and_redone_exactly(db, db_copy, tmp_path, small_batches):
    before = dump(db)
    _, change_set = imported(db, trade_file(tmp_path / "many.csv", 230, updates=5))
    assert len(change_set.changes) == 1 + 230 + 5
    stored, changes = apply_import(db, change_set)
    assert isinstance(stored, LoggedChangeSet) and len(stored.changes) == 236  # kept in the change log
    assert len(changes.ids["trade"]) == 235 and len(changes.ids["source"]) == 1
    after = dump(db)
    assert len(after["trade_figures"]) == len(before["trade_figures"]) + 230
    assert logged(db, "import") == 236
    assert db.conn.execute("SELECT count(*) FROM record_marks WHERE state = 'changed'").fetchone()[0] == 5
    assert db.conn.execute("SELECT rowid FROM trade_fts WHERE trade_fts MATCH 'word229'").fetchall()

    history = History()
    history.push(stored)
    history.undo(lambda change_set, action: change_set.apply_to(db, action))
    assert dump(db) == before and logged(db, "undo") == 236
    history.redo(lambda change_set, action: change_set.apply_to(db, action))
    redone = dump(db)
    stamp = {"record_marks"}  # (a mark carries when it was set)
    assert {k: v for k, v in redone.items() if k not in stamp} == {k: v for k, v in after.items() if k not in stamp}
    assert [r[:3] for r in redone["record_marks"]] == [r[:3] for r in after["record_marks"]]
    history.undo(Editor(db).apply)  # the same step undone record by record reverts the same
    assert dump(db) == before


def test_the_undo_step_reads_the_log_of_the_database_it_is_given(db, tmp_path):
    _, change_set = imported(db, trade_file(tmp_path / "few.csv", 12))
    before = dump(db)
    stored, _ = apply_import(db, change_set)
    backup_to(db.conn, tmp_path / "saved.sqlite")  # "Save to a new file…": the log goes with the records
    saved = open_database(tmp_path / "saved.sqlite")
    try:
        stored.inverse().apply_to(saved, "undo")  # type: ignore[attr-defined]
        assert {k: v for k, v in dump(saved).items()} == before
    finally:
        saved.close()
    assert db.conn.execute("SELECT count(*) FROM trade_figures WHERE uid LIKE 'scale_%'").fetchone()[0] == 12


def test_an_import_changed_since_is_not_undone(db, tmp_path, small_batches):
    _, change_set = imported(db, trade_file(tmp_path / "many.csv", 120))
    stored, _ = apply_import(db, change_set)
    editor = Editor(db)
    record_id = db.conn.execute("SELECT id FROM trade_figures WHERE uid = 'scale_100'").fetchone()[0]
    editor.apply(editor.build_update("trade", record_id, {"note_en": "Changed by hand"}))
    kept = dump(db)
    history = History()
    history.push(stored)
    with pytest.raises(StaleEdit):
        history.undo(lambda change_set, action: change_set.apply_to(db, action))
    assert dump(db) == kept and history.can_undo()


def test_cancel_after_batches_were_written_leaves_nothing(db, tmp_path, small_batches):
    before = dump(db)
    log = db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    _, change_set = imported(db, trade_file(tmp_path / "many.csv", 250))
    with pytest.raises(EditCancelled):
        apply_import(db, change_set, lambda done, total: done < 200)  # five batches written, then cancelled
    assert dump(db) == before
    assert db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == log
    assert db.conn.execute("SELECT name FROM temp.sqlite_master").fetchall() == []


def test_rows_to_import_are_not_held_in_memory(db, tmp_path, small_batches):
    path = trade_file(tmp_path / "large.csv", 12_000)
    tracemalloc.start()
    try:
        result, change_set = imported(db, path)
        assert len(result.add) == 12_000 and result.add[11_999].values["note_en"] == "Row 11999 word11999"
        apply_import(db, change_set)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 * 2**20, f"{peak / 2**20:.1f} MB"  # held as objects: about 40 MB
    assert db.conn.execute("SELECT count(*) FROM trade_figures WHERE uid LIKE 'scale_%'").fetchone()[0] == 12_000


def test_records_with_partners_and_sectors_are_undone_and_redone_exactly(db, tmp_path, small_batches):
    import csv

    from desktop.export.writers import export_kind

    export_kind(db, "agreement", "csv", tmp_path / "all.csv")
    with open(tmp_path / "all.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    changed = [dict(r, title_en=f"{r['title_en']} (amended)") for r in rows[:60]]  # updates in two batches
    added = [dict(r, uid=f"scale_agreement_{n}", title_en=f"New accord {n}", partners="TUR; AZE", sectors="energy")
             for n, r in enumerate(rows[:50])]
    path = tmp_path / "agreements.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(added + changed)
    tables = ("agreements", "agreement_partners", "agreement_sectors", "agreement_keys", "record_sources",
              "record_marks", "sources")

    def state() -> dict[str, list[tuple]]:
        out = {t: sorted(map(tuple, db.conn.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}
        out["agreements_fts"] = sorted(db.conn.execute("SELECT rowid, * FROM agreements_fts").fetchall(), key=repr)
        return out

    before = state()
    table = read_table(path)
    result = preview(db, "agreement", table, match_columns("agreement", table.columns))
    assert (len(result.add), len(result.update), len(result.rejected)) == (50, 60, 0), result.rejected[:3]
    stored, _ = apply_import(db, build_change_set(db, result, file_name=path.name))
    after = state()
    found = db.conn.execute("SELECT count(*) FROM agreement_partners ap JOIN agreements a ON a.id = ap.agreement_id "
                            "WHERE a.uid LIKE 'scale_agreement_%'").fetchone()[0]
    assert found == 100
    history = History()
    history.push(stored)
    history.undo(lambda change_set, action: change_set.apply_to(db, action))
    assert state() == before
    history.redo(lambda change_set, action: change_set.apply_to(db, action))
    redone = state()
    assert {k: v for k, v in redone.items() if k != "record_marks"} == \
        {k: v for k, v in after.items() if k != "record_marks"}
