"""Integrity at start: a damaged user database is moved aside (never deleted) and replaced by a good backup
or the bundled data."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop.data.backup import check_backup
from desktop.data.backups import automatic_backup
from desktop.data.editing import Editor
from desktop.data.recovery import BUNDLED, check_and_recover, recover_from
from desktop.data.usercopy import open_user_database
from tests.test_backups import corrupt

T0 = dt.datetime(2026, 12, 2, 10, 15, 0)


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _title(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT title_en FROM agreements WHERE id = 1").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def setup(built_db: Path, tmp_path: Path):
    """A user copy with an edit, a good backup of it, a later edit, then a newer backup that went bad."""
    user_path = tmp_path / "user" / "atlas.sqlite"
    backups = tmp_path / "backups"
    db = open_user_database(bundled=built_db, user_path=user_path).database
    editor = Editor(db)
    editor.apply(editor.build_update("agreement", 1, {"title_en": "In the good backup"}))
    good = automatic_backup(db, backups, "edit", now=T0)
    editor.apply(editor.build_update("agreement", 1, {"title_en": "After the good backup"}))
    bad = automatic_backup(db, backups, "edit", keep=100, now=T0 + dt.timedelta(hours=1))
    db.close()
    corrupt(bad)
    assert check_backup(bad) is not None
    return user_path, backups, good, bad


def test_a_sound_database_is_left_alone(setup, built_db: Path):
    user_path, backups, _, _ = setup
    before = user_path.read_bytes()
    result = check_and_recover(user_path, built_db, backups)
    assert result.state == "ok" and not result.damaged and result.moved_to is None
    assert user_path.read_bytes() == before


def test_damaged_database_is_moved_aside_and_the_newest_good_backup_offered(setup, built_db: Path):
    user_path, backups, good, bad = setup
    corrupt(user_path)
    damaged_bytes = user_path.read_bytes()
    result = check_and_recover(user_path, built_db, backups)
    assert result.damaged and result.problem
    assert not user_path.exists()
    assert result.moved_to is not None and result.moved_to.name.startswith("atlas.sqlite.damaged-")
    assert result.moved_to.read_bytes() == damaged_bytes, "the damaged file is kept, unchanged"
    assert result.backup is not None and result.backup.path == good, "the bad newer backup is skipped"
    assert result.bundled == built_db

    recover_from(result.backup, user_path)
    assert _integrity(user_path) == "ok"
    assert _title(user_path) == "In the good backup"
    assert result.moved_to.exists()
    db = open_user_database(user_path=user_path, bundled=built_db).database  # the app can open it
    db.close()


def test_recovering_from_the_bundled_data(setup, built_db: Path):
    user_path, backups, _, _ = setup
    corrupt(user_path)
    result = check_and_recover(user_path, built_db, backups)
    assert result.damaged
    recover_from(BUNDLED, user_path, built_db)
    assert _integrity(user_path) == "ok"
    conn = sqlite3.connect(built_db)
    expected = conn.execute("SELECT title_en FROM agreements WHERE id = 1").fetchone()[0]
    conn.close()
    assert _title(user_path) == expected
    assert result.moved_to.exists()


def test_a_file_that_is_not_a_database_is_moved_aside_with_its_companions(tmp_path: Path, built_db: Path):
    user_path = tmp_path / "atlas.sqlite"
    user_path.write_bytes(b"this is not a database" * 100)
    Path(f"{user_path}-wal").write_bytes(b"wal")
    result = check_and_recover(user_path, built_db, tmp_path / "no-backups")
    assert result.damaged and result.backup is None and result.bundled == built_db
    assert result.moved_to.exists() and Path(f"{result.moved_to}-wal").read_bytes() == b"wal"
    assert not user_path.exists() and not Path(f"{user_path}-wal").exists()


def test_missing_database_is_first_start(tmp_path: Path, built_db: Path):
    result = check_and_recover(tmp_path / "atlas.sqlite", built_db, tmp_path / "backups")
    assert result.state == "missing" and result.moved_to is None


def test_recover_from_a_bad_backup_is_refused(setup, built_db: Path):
    user_path, _, _, bad = setup
    from desktop.data.backup import BackupError

    with pytest.raises(BackupError):
        recover_from(bad, user_path)
    assert user_path.exists()
