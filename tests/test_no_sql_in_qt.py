"""SQL lives in desktop/data (issue 21, item 8): no module of the Qt layer (nor the composition root) holds a
statement, a connection or SQLite's own exceptions; what the views asked the database themselves is answered by
data-layer functions, and SQLite's failures reach the window as the data layer's StorageError. (The
import-linter contract "The Qt layer never imports sqlite3" in pyproject.toml keeps the import out as well.)"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from desktop.data.failures import FAILED, REFUSED, StorageError, database_errors
from desktop.data.find import Finder
from desktop.data.queries import metric_units, record_uids, save_copy

ROOT = Path(__file__).resolve().parent.parent
SQL_IN_CODE = re.compile(r"\.conn\b|\bexecute\(|\bexecutemany\(|\bsqlite3\b")


def _qt_layer() -> list[Path]:
    return sorted((ROOT / "desktop" / "qt").rglob("*.py")) + [ROOT / "desktop" / "app.py"]


def test_no_module_of_the_qt_layer_holds_sql_a_connection_or_sqlite3():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in _qt_layer()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if SQL_IN_CODE.search(line)]
    assert len(_qt_layer()) > 30  # the scan sees the whole layer
    assert not found, "SQL belongs in desktop/data:\n" + "\n".join(found)


# ---------------------------------------------------------------------- what the views read through desktop/data


def test_the_year_filters_span_the_years_agreements_were_signed(open_window, repo):
    window = open_window(complete=False)
    years = [int(r[0][:4]) for r in repo.db.conn.execute(
        "SELECT date_signed FROM agreements WHERE coalesce(date_signed, '') > ''")]
    assert repo.agreements.signature_years() == (min(years), max(years))
    box = window.agreements.year_from
    assert (box.minimum(), box.maximum()) == (min(years) - 1, max(max(years), 2026))
    assert box.value() == box.minimum()  # "any year"


def test_a_database_without_dated_agreements_has_no_signature_years(repo):
    repo.db.conn.execute("UPDATE agreements SET date_signed = NULL")
    assert repo.agreements.signature_years() == (None, None)


def test_the_metric_units_are_those_of_the_metrics_table(repo):
    units = metric_units(repo.db)
    rows = repo.db.conn.execute("SELECT code, unit_en, unit_ru, unit_kk FROM metrics").fetchall()
    assert units and set(units) == {code for code, en, ru, kk in rows if en or ru or kk}
    for code, en, ru, kk in rows:
        if code in units:
            assert units[code] == (en or "", ru, kk)


def test_the_trade_csv_names_each_plotted_figure_by_its_uid(trade, selection, repo):
    selection.select_partner("TUR")
    figures = {f.uid: f for f in repo.trade_series("TUR")}
    rows = [r for r in trade.plotted_rows() if r["partner"] == "TUR" and r["layer"] != "target"]
    assert rows
    for row in rows:  # the record named is the figure of that year and period
        assert (figures[row["record"]].year, figures[row["record"]].period) == (row["year"], row["period"])


def test_record_uids_reads_many_ids_and_skips_those_that_do_not_exist(repo):
    repo.db.conn.executemany("INSERT INTO sources (uid, title) VALUES (?, ?)",
                             [(f"test_source_{n}", f"Report {n}") for n in range(1200)])
    expected = dict(repo.db.conn.execute("SELECT id, uid FROM sources"))
    assert len(expected) > 1200  # more than one statement's worth
    assert record_uids(repo.db, "source", [*expected, 10**9]) == expected
    assert record_uids(repo.db, "source", []) == {}


def test_the_finder_names_every_partner(repo):
    names = Finder(repo.db).partner_names()
    assert names["TUR"] == tuple(repo.db.conn.execute(
        "SELECT name_en, name_ru FROM partners WHERE iso3 = 'TUR'").fetchone())
    assert set(names) == {p.iso3 for p in repo.partners()}


def test_a_saved_copy_holds_what_the_database_holds(repo, tmp_path):
    target = save_copy(repo.db, tmp_path / "saved" / "copy.sqlite")
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("SELECT count(*), max(uid) FROM agreements").fetchone() == \
            repo.db.conn.execute("SELECT count(*), max(uid) FROM agreements").fetchone()
    finally:
        copy.close()


# ---------------------------------------------------------------------- SQLite's failures, in the data layer's words


def test_a_constraint_sqlite_refuses_becomes_a_refused_storage_error(repo):
    first, second = repo.db.conn.execute("SELECT uid FROM sources ORDER BY id LIMIT 2").fetchall()
    with pytest.raises(StorageError) as raised, database_errors():
        repo.db.conn.execute("UPDATE sources SET uid = ? WHERE uid = ?", (second[0], first[0]))
    assert raised.value.reason == REFUSED
    assert "UNIQUE" in str(raised.value) and isinstance(raised.value.__cause__, sqlite3.IntegrityError)


def test_an_unreadable_file_becomes_a_failed_storage_error(tmp_path):
    path = tmp_path / "not-a-database.sqlite"
    path.write_bytes(b"this is no database" * 100)
    with pytest.raises(StorageError) as raised, database_errors():
        sqlite3.connect(path).execute("SELECT 1 FROM sqlite_master")
    assert raised.value.reason == FAILED and "not a database" in str(raised.value)


def test_other_errors_pass_unchanged():
    with pytest.raises(KeyError), database_errors():
        raise KeyError("not SQLite's")


def test_an_edit_while_another_program_writes_says_the_database_is_busy(qapp, repo):
    from desktop.data.editing import Editor
    from desktop.qt.editing.editing import EditController

    controller = EditController(repo)
    messages: list[str] = []
    controller.show_message = messages.append
    source_id, title = repo.db.conn.execute("SELECT id, title FROM sources ORDER BY id LIMIT 1").fetchone()
    change = Editor(repo.db).build_update("source", source_id, {"title": "Never written"})
    repo.db.conn.execute("PRAGMA busy_timeout = 50")  # (the application waits 5 s for the other writer)
    other = sqlite3.connect(repo.db.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        assert controller.submit(change) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert messages == ["The database is busy (another program is writing to it). Nothing was changed; "
                        "try again in a moment."]
    assert repo.db.conn.execute("SELECT title FROM sources WHERE id = ?", (source_id,)).fetchone()[0] == title
    assert not controller.history.can_undo()
