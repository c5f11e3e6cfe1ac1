"""A workbook the import refuses is closed at once: no file handle stays open behind the message (openpyxl leaves
its archive open when reading fails; the test suite turns the ResourceWarning this gave into an error)."""
from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from desktop.export.readers import ImportFileError, read_table
from tests.test_import import _billion_laughs_xlsx


def open_files() -> set[str]:
    """The paths this process holds open (Linux: /proc/self/fd)."""
    paths = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            paths.add(os.readlink(fd))
        except OSError:  # the descriptor listing the folder itself, closed meanwhile
            continue
    return paths


def test_a_workbook_refused_while_opening_is_closed(tmp_path: Path) -> None:
    path = _billion_laughs_xlsx(tmp_path / "laughs.xlsx")
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    assert "declares entities" in str(caught.value)
    assert str(path) not in open_files()  # the refusal (and its traceback) is still held here


def test_a_workbook_read_to_the_end_is_closed(tmp_path: Path) -> None:
    path = tmp_path / "trade.xlsx"
    wb = openpyxl.Workbook()
    for row in (["uid", "year"], ["t_1", 2020], ["t_2", 2021]):
        wb.active.append(row)
    wb.save(path)
    table = read_table(path)
    assert [row.cells for row in table.rows()] == [["t_1", "2020"], ["t_2", "2021"]]
    assert str(path) not in open_files()
