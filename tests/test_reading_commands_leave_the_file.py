"""Commands that only read (search, export, an import template, a fact sheet, a backup) leave a current database
file byte for byte as it was: opened read-only, no switch to WAL, no header written, no -wal file left beside it. A
file of an older schema is still brought up to date first, as for work."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.__main__ import main
from desktop.data import migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [
    ["search", "Türkiye"],
    ["export", "agreement", "-o", "{out}/a.csv"],
    ["export", "trade", "--template", "-o", "{out}/t.xlsx"],
    ["factsheet", "--partner", "AZE", "--lang", "ru", "-o", "{out}/aze.pdf"],
    ["backup", "{out}/copy.sqlite"],
], ids=["search", "export", "template", "factsheet", "backup"])
def test_a_reading_command_leaves_the_file_as_it_was(built_db, tmp_path, capsys, command):
    db = tmp_path / "current.sqlite"
    shutil.copyfile(built_db, db)
    before = digest(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # as built: not WAL
    conn.close()
    out = tmp_path / "out"
    out.mkdir()
    status = main([part.format(out=out) for part in command] + ["--db", str(db)])
    assert status == 0, capsys.readouterr().err
    assert digest(db) == before
    assert not (tmp_path / "current.sqlite-wal").exists() and not (tmp_path / "current.sqlite-shm").exists()


def test_an_older_file_is_still_brought_up_to_date(tmp_path, capsys):
    from desktop.data.database import connect

    db = tmp_path / "older.sqlite"
    conn = connect(db)
    migrations.migrate(conn, target=migrations.LATEST_VERSION - 1)  # a file of the schema before this one
    conn.close()
    status = main(["export", "agreement", "-o", str(tmp_path / "a.csv"), "--db", str(db)])
    assert status == 0, capsys.readouterr().err
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    finally:
        conn.close()
