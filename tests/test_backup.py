"""Backups: a consistent verified copy of the open (WAL) database, checks of backup files, restore in place."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.data import backup as backup_module
from desktop.data import migrations
from desktop.data.agreements import AgreementQuery
from desktop.data.backup import (
    BackupCancelled,
    BackupError,
    backup_database,
    check_backup,
    restore_database,
    restore_file,
)
from desktop.data.database import DatabaseError, ReadOnlyDatabaseError, connect, open_database
from desktop.export.cli_export import backup_main, restore_main

TITLE = "Changed after the backup"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _title(conn: sqlite3.Connection, rid: int = 1) -> str:
    return conn.execute("SELECT title_en FROM agreements WHERE id = ?", (rid,)).fetchone()[0]


def _plain(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def saved(repo, tmp_path: Path) -> Path:
    """A backup of the repo's database, taken before any change."""
    folder = tmp_path / "backups"
    folder.mkdir()
    return backup_database(repo.db, folder / "atlas-backup.sqlite")


# ------------------------------------------------------------------------------------------------ backup

def test_backup_of_a_wal_database_holds_the_uncheckpointed_changes(repo, tmp_path):
    db = repo.db
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with db.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = 'Only in the WAL' WHERE id = 1")
        conn.execute("DELETE FROM agreements WHERE id = 2")
    wal = Path(f"{db.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    main_only = tmp_path / "main-file-only.sqlite"  # what a plain file copy would get
    shutil.copyfile(db.path, main_only)
    with _plain(main_only) as conn:
        assert _title(conn) != "Only in the WAL", "the change must not be in the main file yet"

    target = backup_database(db, tmp_path / "b.sqlite")
    assert target == tmp_path / "b.sqlite"
    assert not Path(f"{target}-wal").exists() and _leftovers(tmp_path) == []
    conn = _plain(target)
    assert _title(conn) == "Only in the WAL"
    assert conn.execute("SELECT count(*) FROM agreements WHERE id = 2").fetchone()[0] == 0
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert check_backup(target) is None


def test_backup_progress_and_cancel(repo, tmp_path, monkeypatch):
    monkeypatch.setattr(backup_module, "PAGES_PER_STEP", 20)
    calls = []
    backup_database(repo.db, tmp_path / "b.sqlite", progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 3 and calls[-1][0] == calls[-1][1] and calls == sorted(calls)

    target = tmp_path / "old.sqlite"
    target.write_bytes(b"an older backup")
    with pytest.raises(BackupCancelled, match="cancelled"):
        backup_database(repo.db, target, progress=lambda done, total: done < 60)
    assert target.read_bytes() == b"an older backup" and _leftovers(tmp_path) == []


def test_backup_to_bad_places(repo, tmp_path):
    with pytest.raises(BackupError, match="does not exist"):
        backup_database(repo.db, tmp_path / "missing" / "b.sqlite")
    with pytest.raises(BackupError, match="is a folder"):
        backup_database(repo.db, tmp_path)
    with pytest.raises(BackupError, match="open database itself"):
        backup_database(repo.db, repo.db.path)


def test_a_copy_that_does_not_check_out_is_removed(repo, tmp_path, monkeypatch):
    target = tmp_path / "b.sqlite"
    target.write_bytes(b"an older backup")
    monkeypatch.setattr(backup_module, "_integrity", lambda path: "*** in database main *** Page 7: corrupt")
    with pytest.raises(BackupError, match="did not check out"):
        backup_database(repo.db, target)
    assert target.read_bytes() == b"an older backup" and _leftovers(tmp_path) == []


# ------------------------------------------------------------------------------------------------ check_backup

def test_check_backup_refuses_what_is_not_a_sound_atlas_database(repo, tmp_path, saved):
    assert check_backup(saved) is None
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert "is empty" in check_backup(empty)
    text = tmp_path / "notes.sqlite"
    text.write_text("Соглашение о сотрудничестве, 2025\n" * 100, encoding="utf-8")
    assert "not an SQLite database" in check_backup(text)
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    assert check_backup(truncated) is not None
    future = tmp_path / "future.sqlite"
    shutil.copyfile(saved, future)
    with sqlite3.connect(future) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    assert "newer version" in check_backup(future)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.execute("PRAGMA user_version = 1")
    assert "not a Partnership Atlas database" in check_backup(foreign)
    blank = tmp_path / "blank.sqlite"
    sqlite3.connect(blank).execute("CREATE TABLE t (x)").connection.close()
    assert "not a Partnership Atlas database" in check_backup(blank)
    assert "does not exist" in check_backup(tmp_path / "nope.sqlite")
    assert "is a folder" in check_backup(tmp_path)
    for message in (check_backup(p) for p in (empty, text, truncated, future, foreign)):
        assert message.endswith(".")


# ------------------------------------------------------------------------------------------------ restore

def test_restore_brings_back_the_backed_up_rows(repo, tmp_path, saved):
    db = repo.db
    original = _title(db.conn)
    count = db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    with db.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = ? WHERE id = 1", (TITLE,))
        conn.execute("DELETE FROM agreements WHERE id IN (2, 3)")
    other = connect(db.path)  # another connection (e.g. the search worker's) sees the restore too
    assert _title(other) == TITLE
    restore_database(db, saved)
    assert _title(db.conn) == original
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == count
    assert _title(other) == original
    other.close()
    # the restored database is a working one: full-text search, writes, integrity
    assert repo.agreements.count(AgreementQuery(text="energy")) > 0
    with db.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = 'After the restore' WHERE id = 1")
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_refuses_broken_files_and_leaves_the_database_untouched(repo, tmp_path, saved):
    db = repo.db
    with db.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = ? WHERE id = 1", (TITLE,))
    broken = []
    for name, content in (("empty.sqlite", b""), ("text.sqlite", b"hello, world\n" * 100),
                          ("half.sqlite", saved.read_bytes()[: saved.stat().st_size // 2])):
        (tmp_path / name).write_bytes(content)
        broken.append(tmp_path / name)
    future = tmp_path / "future.sqlite"
    shutil.copyfile(saved, future)
    with sqlite3.connect(future) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    broken.append(future)
    for path in broken:
        with pytest.raises(BackupError, match="left unchanged"):
            restore_database(db, path)
        assert _title(db.conn) == TITLE
    with pytest.raises(BackupError, match="open database itself"):
        restore_database(db, db.path)
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_migrates_an_older_schema(repo, tmp_path):
    old = tmp_path / "v1.sqlite"
    conn = connect(old, wal=False)
    migrations.migrate(conn, target=1)
    conn.close()
    assert check_backup(old) is None
    restore_database(repo.db, old)
    assert migrations.schema_version(repo.db.conn) == migrations.LATEST_VERSION
    tables = {r[0] for r in repo.db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "record_marks" in tables
    assert repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == 0


def test_restore_into_a_read_only_database_is_refused(db_copy, tmp_path, saved):
    db = open_database(db_copy, readonly=True)
    try:
        with pytest.raises(ReadOnlyDatabaseError):
            restore_database(db, saved)
    finally:
        db.close()


def test_restore_file_moves_a_damaged_database_aside(tmp_path, saved):
    target = tmp_path / "atlas.sqlite"
    target.write_bytes(b"garbage" * 1000)
    Path(f"{target}-wal").write_bytes(b"stale wal")
    kept = restore_file(saved, target)
    assert kept is not None and kept.read_bytes() == b"garbage" * 1000
    assert Path(f"{kept}-wal").read_bytes() == b"stale wal" and not Path(f"{target}-wal").exists()
    db = open_database(target)
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    db.close()
    with pytest.raises(BackupError, match="left unchanged"):
        restore_file(tmp_path / "nope.sqlite", target)


# ------------------------------------------------------------------------------------------------ command line

def test_cli_backup_and_restore(db_copy, tmp_path, capsys):
    out = tmp_path / "b.sqlite"
    assert backup_main(str(out), db_path=str(db_copy)) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"Backed up {db_copy} to {out} (") and line.endswith(").")
    db = open_database(db_copy)
    with db.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = ? WHERE id = 1", (TITLE,))
    db.close()
    assert restore_main(str(out), db_path=str(db_copy)) == 0
    assert capsys.readouterr().out.strip() == f"Restored {db_copy} from {out}."
    db = open_database(db_copy)
    assert _title(db.conn) != TITLE
    db.close()

    junk = tmp_path / "junk.txt"
    junk.write_text("not a backup")
    before = _sha(db_copy)
    assert restore_main(str(junk), db_path=str(db_copy)) == 2
    err = capsys.readouterr().err
    assert err.startswith("partnership-atlas: The backup cannot be restored:") and "left unchanged" in err
    assert _sha(db_copy) == before
    assert backup_main(str(tmp_path / "missing" / "b.sqlite"), db_path=str(db_copy)) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_restore_over_a_damaged_database(tmp_path, saved, capsys):
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    assert restore_main(str(saved), db_path=str(damaged)) == 0
    assert "moved to" in capsys.readouterr().out
    db = open_database(damaged)
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    db.close()


def test_database_error_is_the_base(repo):
    assert issubclass(BackupError, DatabaseError)
