"""At start: a damaged user database is moved aside (never deleted) and replaced by the newest good
backup the user chooses; a newer bundled database is merged after the window is up."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.app import check_user_data
from desktop.data.backups import automatic_backup, default_backup_dir
from desktop.data.database import open_database
from desktop.data.usercopy import open_user_database


@pytest.fixture
def user_copy(built_db, monkeypatch):
    monkeypatch.setattr(paths, "bundled_database", lambda: built_db)
    opened = open_user_database(None)  # first start: the bundled data copied to the user folder
    assert opened.created and paths.user_database().exists()
    return opened.database


def test_a_damaged_database_is_moved_aside_and_the_backup_chosen(qapp, user_copy, monkeypatch):
    conn = user_copy.conn
    count = conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    automatic_backup(user_copy, default_backup_dir(), "test")
    user_copy.close()
    path = paths.user_database()
    data = bytearray(path.read_bytes())
    data[4096:4096 * 6] = b"\xde\xad" * (4096 * 5 // 2)  # garbage over the first pages after the header
    path.write_bytes(bytes(data))
    choices = []

    def exec_(box):
        choices.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[0])  # "Newest backup"
    assert check_user_data(qapp)
    assert choices and "moved aside" in choices[0]
    assert list(path.parent.glob("atlas.sqlite.damaged-*")), "the damaged file is kept"
    db = open_database(path)
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == count
    db.close()


def test_a_sound_database_starts_without_a_question(qapp, user_copy, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no question expected"))
    user_copy.close()
    assert check_user_data(qapp)
