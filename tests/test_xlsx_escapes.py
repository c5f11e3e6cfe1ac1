"""XLSX text that reads like an OOXML character escape ("_x0041_") is written escaped ("_x005F_x0041_"), as the
format requires, so that Excel and LibreOffice show it as typed; reading a workbook undoes the escapes."""
from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.escape import unescape

from desktop.data.database import open_database
from desktop.data.editing import Editor
from desktop.export.importing import match_columns, preview
from desktop.export.readers import read_table
from desktop.export.writers import run_export

UID = "tg_aze_201704_x2_to_2.5"  # a bundled target's uid: LibreOffice reads "_x2_" unescaped as U+0002
NOTE = "Code a_x0041_b as typed, _x005F_ too (and _x00e9_)."


@pytest.fixture
def db(db_copy: Path):
    """The built database; the target UID's note holds text that looks like escapes too."""
    database = open_database(db_copy)
    editor = Editor(database)
    record_id = database.conn.execute("SELECT id FROM targets WHERE uid = ?", (UID,)).fetchone()[0]
    editor.apply(editor.build_update("target", record_id, {**editor.values_of("target", record_id), "note_en": NOTE}))
    yield database
    database.close()


def import_counts(db, path: Path) -> dict[str, int]:
    table = read_table(path)
    return preview(db, "target", table, match_columns("target", table.columns)).counts()


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml")


def note_cell(path: Path) -> object:
    """The uid and note of the target UID as openpyxl reads them (the cells' text as stored)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()
    column = rows[0].index("note_en")
    return next((row[0], row[column]) for row in rows[1:] if row[0] == UID.replace("_x2_", "_x005F_x2_"))


def test_text_like_an_escape_is_written_escaped_and_read_as_typed(db, tmp_path):
    out = tmp_path / "target.xlsx"
    rows = run_export(db, "target", "xlsx", out).rows
    xml = sheet_xml(out)
    assert "tg_aze_201704_x005F_x2_to_2.5" in xml and "tg_aze_201704_x2_to" not in xml
    assert "a_x005F_x0041_b" in xml and "_x005F_x005F_ too" in xml and "(and _x005F_x00e9_)" in xml
    uid, note = note_cell(out)
    assert note == "Code a_x005F_x0041_b as typed, _x005F_x005F_ too (and _x005F_x00e9_)."
    # what a reader that follows the format (Excel; openpyxl's unescape) shows
    assert (unescape(uid), unescape(note)) == (UID, NOTE)
    table = read_table(out)
    column = table.columns.index("note_en")
    assert [r.cells[column] for r in table.rows() if r.cells[0] == UID] == [NOTE]
    assert import_counts(db, out) == {"add": 0, "update": 0, "unchanged": rows, "reject": 0}


def test_escapes_in_a_workbook_from_elsewhere_are_read(tmp_path):
    """Excel writes a carriage return in a cell as "_x000D_" and an underscore before "x0041_" as "_x005F_"."""
    path = tmp_path / "excel.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["uid", "note_en"])
    ws.append(["a", "line_x000D_\nnext"])
    ws.append(["b", "a_x005F_x0041_b"])
    ws.append(["c", "no escape: _x12_, _x00G1_"])
    wb.save(path)
    wb.close()
    assert [r.cells for r in read_table(path).rows()] == [
        ["a", "line\r\nnext"], ["b", "a_x0041_b"], ["c", "no escape: _x12_, _x00G1_"]]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_text_as_typed_and_its_workbook_imports_unchanged(db, tmp_path):
    out = tmp_path / "target.xlsx"
    rows = run_export(db, "target", "xlsx", out).rows
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"

    def convert(source: Path, to: str, folder: Path) -> Path:
        subprocess.run(["soffice", profile, "--headless", "--convert-to", to, "--outdir", str(folder), str(source)],
                       check=True, capture_output=True, timeout=120)
        return folder / f"{source.stem}.{to.split(':')[0]}"

    # as CSV: what LibreOffice shows in the cell (UTF-8, comma-separated)
    shown = convert(out, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "csv")
    with open(shown, encoding="utf-8", newline="") as fh:
        lines = list(csv.DictReader(fh))
    assert [r["note_en"] for r in lines if r["uid"] == UID] == [NOTE]
    # saved again as XLSX by LibreOffice (which writes its own escapes): imports with no change
    saved = convert(out, "xlsx", tmp_path / "saved")
    assert "a_x005F_x0041_b" in sheet_xml(saved)
    assert import_counts(db, saved) == {"add": 0, "update": 0, "unchanged": rows, "reject": 0}
