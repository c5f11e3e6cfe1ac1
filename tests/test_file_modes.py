"""One rule for the permissions of every file the application writes for the user: a new file gets what a
plain open() gives (0666 less the umask), whatever the writer (CSV, XLSX, a fact sheet's PDF, a backup); a
file that is replaced keeps its own, as open() keeps them."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.export.cli_export import backup_main, export_main
from desktop.qt.factsheet.factsheet_cli import factsheet_main


@pytest.fixture(params=[0o022, 0o027])
def umask(request):
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_each(db: Path, folder: Path, capsys) -> dict[str, Path]:
    """A CSV and an XLSX export, a fact sheet, a backup, every partner's fact sheets: written by the commands."""
    files = {"csv": folder / "a.csv", "xlsx": folder / "a.xlsx", "pdf": folder / "tur.pdf",
             "backup": folder / "b.sqlite", "combined": folder / "all.pdf"}
    assert export_main("agreement", "csv", str(files["csv"]), str(db)) == 0
    assert export_main("agreement", "xlsx", str(files["xlsx"]), str(db)) == 0
    assert factsheet_main("TUR", "en", str(files["pdf"]), False, str(db)) == 0
    assert backup_main(str(files["backup"]), str(db)) == 0
    assert factsheet_main(None, "en", str(files["combined"]), True, str(db), combined=True) == 0
    assert factsheet_main(None, "en", str(folder / "each"), True, str(db)) == 0
    files["each"] = next((folder / "each").glob("*.pdf"))
    capsys.readouterr()
    return files


def test_new_files_get_the_modes_a_plain_open_gives(db_copy: Path, tmp_path: Path, umask: int, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    files = write_each(db_copy, folder, capsys)
    expected = 0o666 & ~umask
    plain = folder / "plain.txt"
    plain.write_text("x")
    assert mode(plain) == expected
    assert {kind: oct(mode(path)) for kind, path in files.items()} == {kind: oct(expected) for kind in files}


def test_a_replaced_file_keeps_its_modes(db_copy: Path, tmp_path: Path, umask: int, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    files = write_each(db_copy, folder, capsys)
    for path in files.values():
        path.chmod(0o640)
    write_each(db_copy, folder, capsys)
    assert {kind: oct(mode(path)) for kind, path in files.items()} == {kind: "0o640" for kind in files}
