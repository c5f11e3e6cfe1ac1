"""Schema migrations: from empty, from each earlier version, one transaction each."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.data import migrations
from desktop.data.database import connect, create_database, open_database


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")}


def test_from_empty_file_reaches_latest(tmp_path: Path):
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()  # a valid SQLite file with no tables, version 0
    path.write_bytes(b"")  # zero bytes: SQLite treats it as empty, we treat it as "not a database"
    conn = connect(path)
    assert migrations.migrate(conn) == list(range(1, migrations.LATEST_VERSION + 1))
    assert migrations.schema_version(conn) == migrations.LATEST_VERSION
    assert {"agreements", "agreements_fts", "change_log", "conflict_members", "record_sources"} <= _tables(conn)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("start", range(migrations.LATEST_VERSION))
def test_from_each_earlier_version(tmp_path: Path, start: int):
    """A database left at any earlier version migrates to the same schema as a fresh one."""
    old = connect(tmp_path / f"v{start}.sqlite")
    migrations.migrate(old, target=start)
    assert migrations.schema_version(old) == start
    migrations.migrate(old)
    fresh = create_database(tmp_path / "fresh.sqlite").conn
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    assert old.execute(schema).fetchall() == fresh.execute(schema).fetchall()
    assert migrations.schema_version(old) == migrations.LATEST_VERSION


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = create_database(tmp_path / "a.sqlite")
    before = db.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("ALTER TABLE agreements ADD COLUMN extra TEXT")
        raise RuntimeError("disk full in the middle of a migration")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        migrations.migrate(db.conn, target=migrations.LATEST_VERSION + 1)
    assert migrations.schema_version(db.conn) == migrations.LATEST_VERSION
    assert db.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before


def test_older_user_file_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Simulates the next release: a file at the current version meets a newer migration."""
    path = tmp_path / "user.sqlite"
    db = create_database(path)
    db.conn.execute("INSERT INTO meta VALUES ('marker', 'kept')")
    db.close()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE agreements ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundled'")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_column])
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(migrations.MIGRATIONS))
    opened = open_database(path)
    assert migrations.schema_version(opened.conn) == migrations.LATEST_VERSION
    assert "origin" in {r[1] for r in opened.conn.execute("PRAGMA table_info(agreements)")}
    opened.close()
    backups = list(tmp_path.glob(f"user.v{migrations.LATEST_VERSION - 1}.*.bak.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as b:
        assert b.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION - 1
        assert b.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone()[0] == "kept"


def test_schema_enforces_its_rules(tmp_path: Path):
    conn = create_database(tmp_path / "rules.sqlite").conn
    conn.execute("INSERT INTO doc_types VALUES ('treaty', 'Treaty', 'Договор', NULL, 0)")
    conn.execute("INSERT INTO agreement_statuses VALUES ('signed', 'Signed', 'Подписано', NULL, 0)")
    conn.execute("INSERT INTO node_kinds VALUES ('port', 'Port', 'Порт', NULL, 0)")
    bad = [
        "INSERT INTO agreements (uid, title_en, doc_type, status) VALUES ('x', 't', 'nonsense', 'signed')",
        "INSERT INTO agreements (uid, title_en, doc_type, status, date_signed) "
        "VALUES ('x', 't', 'treaty', 'signed', '2025-13')",
        "INSERT INTO agreements (uid, doc_type, status) VALUES ('x', 'treaty', 'signed')",
        "INSERT INTO nodes (uid, name_en, country_iso3, kind, lat) VALUES ('n', 'N', 'KAZ', 'port', 43.0)",
        "INSERT INTO nodes (uid, name_en, country_iso3, kind, lat, lon) VALUES ('n', 'N', 'KAZ', 'port', 91, 0)",
        "INSERT INTO partners (uid, iso3, name_en, name_ru) VALUES ('p', 'tur', 'T', 'Т')",
    ]
    for sql in bad:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    conn.execute("INSERT INTO agreements (uid, title_en, doc_type, status, date_signed) "
                 "VALUES ('ok', 't', 'treaty', 'signed', '2025-04')")
    assert conn.execute("SELECT date_precision FROM agreements WHERE uid = 'ok'").fetchone()[0] == "month"


def test_one_preferred_member_per_conflict_group(tmp_path: Path):
    conn = create_database(tmp_path / "c.sqlite").conn
    conn.execute("INSERT INTO conflict_groups (uid, record_type) VALUES ('g', 'trade')")
    conn.execute("INSERT INTO conflict_members VALUES (1, 'trade', 1, 1, 'kazakh data', NULL)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO conflict_members VALUES (1, 'trade', 2, 1, 'also preferred?', NULL)")
