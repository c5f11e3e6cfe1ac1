"""Imports that scale (issue 21, item 15): an import writes the search index of the records it adds itself, in bulk,
while the per-row insert triggers of those indexes stand aside (schema 13: while the table bulk_indexing holds a
row, inside the import's transaction). What it writes must be what the triggers would have written, row for row and
term for term; Find finds the rows as soon as the import commits; undo and redo go through the same path; and
another program that opens the file inserts, reads and deletes as before."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core.edits import History
from desktop.core.text import index_text
from desktop.data import migrations
from desktop.data.database import Database, open_database
from desktop.data.editing import Editor, bulk_indexing
from desktop.data.find import Finder
from desktop.export import import_writer
from desktop.export.fileformat import COLUMNS
from desktop.export.import_writer import Tables
from desktop.export.importing import apply_import, build_change_set, match_columns, preview
from desktop.export.readers import read_table

PARTNERS = ("AZE", "TKM", "TUR", "CHN")
# notes that exercise the folding: Kazakh and Turkish letters, a grouped number, a Russian name (its stem's
# transliteration key), a decimal, a word repeated across rows, and none at all
NOTES = (("Erdoğan visit, 12 000 tonnes", "Визит Эрдогана"), ("Қазақстан exports 1 234,5", "Экспорт Казахстана"),
         ("", "Встреча с Токаевым"), ("Grain corridor", ""), ("", ""), ("Ağır sanayi, ümit", "Ұлттық өнім"))


@pytest.fixture
def db(db_copy: Path):
    database = open_database(db_copy)
    yield database
    database.close()


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch):
    """Batches of 40 records, so that a file of a hundred rows is written (and indexed) in several."""
    monkeypatch.setattr(import_writer, "BATCH", 40)


def trade_file(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(";".join(COLUMNS["trade"]) + "\r\n")
        for i in range(rows):
            note_en, note_ru = NOTES[i % len(NOTES)]
            note_en = f"{note_en} bulkword{i}".strip() if i % 3 else note_en
            fh.write(f"bulk_{i};{PARTNERS[i % len(PARTNERS)]};{1995 + i % 30};{('FY', 'H1', '9M')[i % 3]};"
                     f"{i + 1},5;;;kazakh;exact;{note_en};{note_ru};\r\n")
    return path


def run_import(db: Database, path: Path) -> tuple[object, object]:
    table = read_table(path)
    result = preview(db, "trade", table, match_columns("trade", table.columns))
    assert not result.rejected, result.rejected[:3]
    return apply_import(db, build_change_set(db, result, file_name=path.name))


def index_of(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """What the search holds for trade figures and sources: their index rows and every kind's terms."""
    return {"trade_fts": conn.execute("SELECT rowid, name, body FROM trade_fts ORDER BY rowid").fetchall(),
            "sources_fts": conn.execute("SELECT rowid, name, body FROM sources_fts ORDER BY rowid").fetchall(),
            "find_terms": conn.execute("SELECT kind, term FROM find_terms ORDER BY kind, term").fetchall()}


def test_a_bulk_import_writes_the_index_the_per_row_triggers_write(db_copy: Path, tmp_path: Path, small_batches):
    """The same records, once imported (indexed in bulk) and once inserted one row per statement into a copy of the
    same database (each indexed by its trigger): the index rows and the terms are the same."""
    per_row_path = tmp_path / "per-row.sqlite"
    shutil.copyfile(db_copy, per_row_path)
    bulk = open_database(db_copy)
    try:
        run_import(bulk, trade_file(tmp_path / "bulk.csv", 130))
        added = {table: [r[0] for r in bulk.conn.execute(f"SELECT id FROM {table} ORDER BY id")]
                 for table in ("sources", "trade_figures")}
        bulk_index = index_of(bulk.conn)
    finally:
        bulk.close()
    per_row = open_database(per_row_path)
    try:
        conn = per_row.conn
        conn.execute("ATTACH DATABASE ? AS imported", (str(db_copy),))
        with per_row.transaction():
            for table, ids in added.items():
                have = {r[0] for r in conn.execute(f"SELECT id FROM main.{table}")}
                for record_id in (i for i in ids if i not in have):
                    conn.execute(f"INSERT INTO main.{table} SELECT * FROM imported.{table} WHERE id = ?", (record_id,))
        conn.execute("DETACH DATABASE imported")
        assert index_of(conn) == bulk_index
    finally:
        per_row.close()
    assert len([r for r in bulk_index["trade_fts"] if "bulkword" in r[2]]) == 86
    assert ("trade", "zqtukaev") in bulk_index["find_terms"]  # "Токаевым": its stem's transliteration key
    assert ("trade", "12000") in bulk_index["find_terms"] and ("trade", "erdogan") in bulk_index["find_terms"]


def copies(db: Database, table: str) -> list[dict[str, object]]:
    """Every record of ``table`` again, under new ids and uids (a partner under a new code too)."""
    columns = Editor(db).columns(table)
    rows = [dict(zip(columns, r, strict=True))
            for r in db.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")]
    for n, row in enumerate(rows):
        row["id"], row["uid"] = int(str(row["id"])) + 1_000_000, f"{row['uid']}_copy"
        if table == "partners":
            row["iso3"] = f"Q{chr(65 + n // 26)}{chr(65 + n % 26)}"
    return rows


@pytest.mark.parametrize("kind", list(migrations.FIND_INDEX))
def test_each_kind_is_indexed_in_bulk_as_its_trigger_indexes_it(db_copy: Path, tmp_path: Path, kind: str):
    """The records of each kind inserted as an import inserts them, and one row per statement into a copy of the
    same database: the same index rows (their texts, other tables' names, Kazakh texts, country terms) and terms."""
    table, fts = migrations.FIND_INDEX[kind][:2]
    per_row_path = tmp_path / "per-row.sqlite"
    shutil.copyfile(db_copy, per_row_path)
    bulk, per_row = open_database(db_copy), open_database(per_row_path)
    try:
        rows = copies(bulk, table)
        assert rows, kind
        with bulk.transaction():
            tables = Tables(bulk)
            tables.insert(table, rows)
            tables.drop_stages()
        names = list(rows[0])
        with per_row.transaction():
            for row in rows:
                per_row.conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                     [row[c] for c in names])
        index = f"SELECT rowid, name, body FROM {fts} ORDER BY rowid"
        terms = "SELECT kind, term FROM find_terms ORDER BY kind, term"
        assert bulk.conn.execute(index).fetchall() == per_row.conn.execute(index).fetchall()
        assert bulk.conn.execute(terms).fetchall() == per_row.conn.execute(terms).fetchall()
        assert bulk.conn.execute(f"SELECT count(*) FROM {fts} WHERE rowid > 1000000").fetchone()[0] == len(rows)
    finally:
        bulk.close()
        per_row.close()


def test_inside_bulk_indexing_the_insert_triggers_leave_the_index_to_the_writer(db: Database):
    conn = db.conn
    partner = conn.execute("SELECT id FROM partners WHERE iso3 = 'TUR'").fetchone()[0]
    insert = ("INSERT INTO trade_figures (id, uid, partner_id, year, period, turnover_usd_m, note_en) "
              "VALUES (?, ?, ?, 2024, 'FY', 1.0, 'Flagword')")
    with db.transaction():
        with bulk_indexing(db):
            conn.execute(insert, (900001, "flag_on", partner))
        conn.execute(insert, (900002, "flag_off", partner))
    indexed = [r[0] for r in conn.execute("SELECT rowid FROM trade_fts WHERE rowid IN (900001, 900002)")]
    assert indexed == [900002]
    assert conn.execute("SELECT count(*) FROM bulk_indexing").fetchone()[0] == 0  # nothing of it is committed
    with pytest.raises(RuntimeError):  # (only inside a transaction, which takes it out again)
        with bulk_indexing(db):
            pass


def test_each_index_trigger_writes_what_the_bulk_writer_writes(db: Database):
    """The bulk writer makes each kind's index texts with the SQL that the kind's insert trigger holds: a trigger
    changed by a later migration must change migrations.find_index_columns with it."""
    for kind, (table, fts, *_rest) in migrations.FIND_INDEX.items():
        sql = db.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                              (f"{fts}_insert",)).fetchone()[0]
        name, body = migrations.find_index_columns(kind, "new")
        assert f"AFTER INSERT ON {table} WHEN NOT EXISTS (SELECT 1 FROM bulk_indexing) BEGIN" in sql, kind
        assert f"VALUES (new.id, {name}, {body});" in sql, kind
        assert f"INSERT OR IGNORE INTO find_terms (kind, term) SELECT '{kind}', j.value FROM {fts} f" in sql, kind


def test_find_finds_the_imported_rows_once_the_import_commits(db: Database, db_copy: Path, tmp_path: Path):
    run_import(db, trade_file(tmp_path / "few.csv", 12))
    elsewhere = open_database(db_copy)  # another connection (the window's search worker has its own)
    try:
        for database in (db, elsewhere):
            finder = Finder(database)
            assert {h.uid for h in finder.find("bulkword11", kinds=["trade"]).groups[0].hits} == {"bulk_11"}
            assert "bulk_2" in {h.uid for h in finder.find("Tokayev", kinds=["trade"], limit=50).groups[0].hits}
    finally:
        elsewhere.close()


def test_undo_and_redo_of_a_bulk_import_restore_the_index(db: Database, tmp_path: Path, small_batches):
    before = index_of(db.conn)
    stored, _ = run_import(db, trade_file(tmp_path / "many.csv", 100))
    after = index_of(db.conn)
    assert len(after["trade_fts"]) == len(before["trade_fts"]) + 100
    history = History()
    history.push(stored)  # type: ignore[arg-type]
    history.undo(lambda change_set, action: change_set.apply_to(db, action))
    undone = index_of(db.conn)
    assert undone["trade_fts"] == before["trade_fts"] and undone["sources_fts"] == before["sources_fts"]
    assert undone["find_terms"] == after["find_terms"]  # (terms are only added: one no record uses finds nothing)
    history.redo(lambda change_set, action: change_set.apply_to(db, action))
    assert index_of(db.conn) == after


def test_another_program_inserts_reads_and_deletes_as_before(db_copy: Path):
    """As before schema 13: a plain SQLite connection with the index function inserts a record that its trigger
    indexes, reads the index and deletes; without the function, an insert into an indexed table is refused whole,
    for the function alone (the triggers' condition needs nothing of the app's)."""
    conn = sqlite3.connect(db_copy, isolation_level=None)
    try:
        partner = conn.execute("SELECT id FROM partners WHERE iso3 = 'TUR'").fetchone()[0]
        insert = ("INSERT INTO trade_figures (id, uid, partner_id, year, period, turnover_usd_m, note_en) "
                  "VALUES (?, ?, ?, 2024, 'FY', 1.0, 'Othertool')")
        with pytest.raises(sqlite3.OperationalError, match="no such function: atlas_index_text"):
            conn.execute(insert, (900001, "plain_tool", partner))
        assert conn.execute("SELECT count(*) FROM trade_figures WHERE id = 900001").fetchone()[0] == 0
        conn.create_function("atlas_index_text", -1, index_text, deterministic=True)
        conn.execute(insert, (900001, "plain_tool", partner))
        assert conn.execute("SELECT rowid FROM trade_fts WHERE trade_fts MATCH 'othertool'").fetchall() == [(900001,)]
        assert ("trade", "othertool") in conn.execute("SELECT kind, term FROM find_terms").fetchall()
        conn.execute("DELETE FROM trade_figures WHERE id = 900001")
        assert conn.execute("SELECT count(*) FROM trade_fts WHERE rowid = 900001").fetchone()[0] == 0
    finally:
        conn.close()
