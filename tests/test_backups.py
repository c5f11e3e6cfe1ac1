"""Automatic backups: names with the reason, rotation that verifies first, a daily backup when changed."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop import paths
from desktop.data import backups
from desktop.data.backup import check_backup
from desktop.data.backups import automatic_backup, daily_backup_if_changed, default_backup_dir, list_backups, rotate
from desktop.data.database import open_database
from desktop.data.editing import Editor

T0 = dt.datetime(2026, 12, 2, 10, 15, 0)


def corrupt(path: Path) -> None:
    """Garbage over the middle pages of a database file."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(max(4096, size // 3))
        fh.write(os.urandom(min(256 * 1024, size // 3)))


@pytest.fixture
def db(db_copy: Path):
    database = open_database(db_copy)
    yield database
    database.close()


def _edit(db, text: str) -> None:
    editor = Editor(db)
    editor.apply(editor.build_update("agreement", 1, {"title_en": text}))


def test_automatic_backup_name_carries_time_and_reason(db, tmp_path: Path):
    folder = tmp_path / "backups"
    path = automatic_backup(db, folder, "import", now=T0)
    assert path.name == "atlas-2026-12-02T10-15-00-import.sqlite"
    assert check_backup(path) is None
    second = automatic_backup(db, folder, "Before restore!", now=T0)
    assert second != path and second.exists() and "before-restore" in second.name
    infos = list_backups(folder)
    assert [i.path for i in infos] == [second, path]
    assert infos[1].reason == "import" and infos[1].made == T0 and infos[1].size > 0 and infos[1].ok


def test_default_backup_dir_is_in_the_user_folder(user_folders):
    assert default_backup_dir() == paths.user_data_dir() / "backups"
    assert default_backup_dir().parent == user_folders["data"]


def test_rotation_keeps_the_newest_good_ones(db, tmp_path: Path):
    folder = tmp_path / "backups"
    made = [automatic_backup(db, folder, "edit", keep=100, now=T0 + dt.timedelta(minutes=n)) for n in range(6)]
    removed = rotate(folder, keep=3)
    assert sorted(removed) == sorted(made[:3])
    assert [i.path for i in list_backups(folder)] == made[:2:-1]


def test_a_corrupted_backup_is_not_counted_as_good(db, tmp_path: Path):
    folder = tmp_path / "backups"
    made = [automatic_backup(db, folder, "edit", keep=100, now=T0 + dt.timedelta(minutes=n)) for n in range(5)]
    corrupt(made[4])  # the newest one is bad
    assert check_backup(made[4]) is not None
    listed = list_backups(folder)
    assert not listed[0].ok and listed[0].problem
    rotate(folder, keep=3)
    kept = list_backups(folder)
    # three good ones remain: the bad newest did not take the place of a good one, and was moved aside
    assert [i.path for i in kept] == [made[3], made[2], made[1]]
    assert all(i.ok for i in kept)
    assert not made[4].exists() and (folder / backups.BAD_FOLDER / made[4].name).exists()
    assert not made[0].exists()


def test_rotation_after_an_automatic_backup(db, tmp_path: Path):
    folder = tmp_path / "backups"
    for n in range(4):
        automatic_backup(db, folder, "edit", keep=2, now=T0 + dt.timedelta(minutes=n))
    assert len(list_backups(folder)) == 2


def test_rotation_ignores_other_files(db, tmp_path: Path):
    folder = tmp_path / "backups"
    folder.mkdir()
    other = folder / "my-own-copy.sqlite"
    other.write_bytes(b"not ours")
    automatic_backup(db, folder, "edit", keep=1, now=T0)
    automatic_backup(db, folder, "edit", keep=1, now=T0 + dt.timedelta(hours=1))
    assert other.exists() and len(list_backups(folder)) == 1


def test_daily_backup_only_when_changed_and_once_a_day(db, tmp_path: Path):
    folder = tmp_path / "backups"
    day1 = dt.date(2026, 12, 2)
    first = daily_backup_if_changed(db, folder, today=day1)
    assert first is not None and "daily" in first.name and "2026-12-02" in first.name
    _edit(db, "changed on day 1")
    assert daily_backup_if_changed(db, folder, today=day1) is None, "one a day"
    day2 = day1 + dt.timedelta(days=1)
    second = daily_backup_if_changed(db, folder, today=day2)
    assert second is not None and "2026-12-03" in second.name
    day3 = day2 + dt.timedelta(days=1)
    assert daily_backup_if_changed(db, folder, today=day3) is None, "nothing changed since the last backup"
    _edit(db, "changed on day 3")
    assert daily_backup_if_changed(db, folder, today=day3) is not None
    assert len(list_backups(folder)) == 3


def test_daily_backup_skips_a_bad_newest_backup(db, tmp_path: Path):
    folder = tmp_path / "backups"
    first = daily_backup_if_changed(db, folder, today=dt.date(2026, 12, 2))
    corrupt(first)
    # nothing changed, but the only backup is bad: a good one is made the next day
    assert daily_backup_if_changed(db, folder, today=dt.date(2026, 12, 3)) is not None
