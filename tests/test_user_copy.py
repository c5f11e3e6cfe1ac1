"""The user's working copy: first start, second start, --db, damaged and foreign files, read-only."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop import paths
from desktop.data import usercopy
from desktop.data.database import DamagedDatabaseError, NotADatabaseError, open_database
from desktop.data.usercopy import open_user_database


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_start_copies_the_bundled_database(built_db: Path, user_folders):
    before = _sha(built_db)
    opened = open_user_database(bundled=built_db)
    assert opened.created and opened.notice is None
    assert opened.database.path == paths.user_database()
    assert opened.database.path.parent == user_folders["data"]
    assert opened.database.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    assert opened.database.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    opened.database.close()
    assert _sha(built_db) == before, "the bundled database must never be written"


def test_second_start_opens_the_same_copy(built_db: Path):
    first = open_user_database(bundled=built_db)
    with first.database.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = 'Edited by the user' WHERE id = 1")
    first.database.close()
    second = open_user_database(bundled=built_db)
    assert not second.created
    title = second.database.conn.execute("SELECT title_en FROM agreements WHERE id = 1").fetchone()[0]
    assert title == "Edited by the user"
    second.database.close()


def test_db_option_opens_another_file(built_db: Path, tmp_path: Path):
    other = tmp_path / "elsewhere.sqlite"
    other.write_bytes(built_db.read_bytes())
    opened = open_user_database(other, bundled=built_db)
    assert opened.database.path == other
    assert not paths.user_database().exists(), "--db must not create the user copy"
    opened.database.close()


def test_missing_db_option_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(Exception, match="does not exist"):
        open_user_database(tmp_path / "nope.sqlite")


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 this is a zip", "Соглашение,2025\n".encode(), b"\x00" * 4096])
def test_non_database_file_is_refused_and_left_unchanged(tmp_path: Path, content: bytes):
    path = tmp_path / "not-a-db.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match="not a Partnership Atlas database"):
        open_database(path)
    assert path.read_bytes() == content


def test_damaged_user_copy_is_never_overwritten(built_db: Path):
    user = paths.user_database()
    user.parent.mkdir(parents=True)
    data = bytearray(built_db.read_bytes())
    data[200:4096 * 3] = b"\xff" * (4096 * 3 - 200)  # header intact, schema and pages destroyed
    user.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match="left unchanged"):
        open_user_database(bundled=built_db)
    assert user.read_bytes() == bytes(data)


def test_truncated_database_is_reported(built_db: Path, tmp_path: Path):
    path = tmp_path / "truncated.sqlite"
    path.write_bytes(built_db.read_bytes()[: 4096 * 2 + 100])
    with pytest.raises(DamagedDatabaseError):
        open_database(path)


def test_unwritable_data_folder_falls_back_to_bundled_read_only(built_db: Path, tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(blocker / "data"))  # cannot be created under a file
    opened = open_user_database(bundled=built_db)
    assert opened.database.readonly
    assert "cannot be written" in opened.notice
    assert opened.database.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    with pytest.raises(Exception, match="read-only"):
        with opened.database.transaction():
            pass
    opened.database.close()


def test_user_copy_in_read_only_folder_opens_read_only(built_db: Path, monkeypatch):
    first = open_user_database(bundled=built_db)
    first.database.close()
    user = paths.user_database()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK and Path(p) in (user, user.parent)
                        else real_access(p, mode, **kw))
    opened = open_user_database(bundled=built_db)
    assert opened.database.readonly
    assert "read-only" in opened.notice
    opened.database.close()


def test_missing_bundled_database_is_a_clear_error(tmp_path: Path):
    with pytest.raises(usercopy.DatabaseError, match="bundled database"):
        open_user_database(bundled=tmp_path / "missing.sqlite")
