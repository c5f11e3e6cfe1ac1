"""Round trips through LibreOffice (issue 22, Acceptance): each importable kind exported as XLSX (agreements and
trade figures also as the Russian-Excel ``;`` CSV), opened and saved by LibreOffice headless as XLSX, imports with
no change; with one cell edited in the saved workbook, exactly one field of one record changes. (Nodes and
segments have their own round trip, with GeoJSON.)

The files are exported and converted once for the module, in two LibreOffice runs (one per input filter)."""
from __future__ import annotations

import datetime as _dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from desktop.__main__ import main
from desktop.data.database import open_database
from desktop.export.importing import match_columns, preview, read_import_table

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")

KINDS = ("agreement", "event", "trade", "target", "fact", "alias")
CSV_KINDS = ("agreement", "trade")


@dataclass(frozen=True)
class Edit:
    """One cell to change in a kind's saved workbook: its column, and the new value from the old one."""

    column: str
    change: object  # callable(old) -> new

    def new_value(self, old: object) -> object:
        return self.change(old)  # type: ignore[operator]


# A title, a number, a date, a name: one cell of the first row that has a value in the column.
EDITS = {
    "agreement": Edit("title_en", lambda old: f"{old} (edited)"),
    "event": Edit("date_start", lambda old: "1999-12"),
    "trade": Edit("turnover_usd_m", lambda old: old + 1.5),
    "target": Edit("horizon_year", lambda old: int(old) + 1),
    "fact": Edit("as_of", lambda old: "2001-02-03"),
    "alias": Edit("name", lambda old: f"{old} edited"),
}


def convert(sources: list[Path], folder: Path, profile: Path, infilter: str | None = None) -> None:
    """Open each file in LibreOffice headless and save it as XLSX into ``folder`` (one run for all)."""
    argv = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter:
        argv.append(f"--infilter={infilter}")
    subprocess.run([*argv, "--convert-to", "xlsx", "--outdir", str(folder), *map(str, sources)], check=True,
                   capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def saved(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """"kind" and "kind-csv" -> the workbook LibreOffice saved from the app's export of that kind."""
    root = tmp_path_factory.mktemp("libreoffice")
    db_path = root / "atlas.sqlite"
    shutil.copyfile(built_db, db_path)
    exported = root / "exported"
    exported.mkdir()
    for kind in KINDS:
        assert main(["export", kind, "-o", str(exported / f"{kind}.xlsx"), "--db", str(db_path)]) == 0
    for kind in CSV_KINDS:
        assert main(["export", kind, "-o", str(exported / f"{kind}-csv.csv"), "--delimiter", "semicolon",
                     "--db", str(db_path)]) == 0
    out = root / "saved"
    convert([exported / f"{kind}.xlsx" for kind in KINDS], out, root / "profile")
    # the CSV as the users it is for open it: ";" (59), '"' (34), UTF-8 (76), from line 1, Russian settings (1049)
    convert([exported / f"{kind}-csv.csv" for kind in CSV_KINDS], out, root / "profile", "CSV:59,34,76,1,,1049")
    files = {kind: out / f"{kind}.xlsx" for kind in KINDS} | {f"{k}-csv": out / f"{k}-csv.xlsx" for k in CSV_KINDS}
    assert all(path.is_file() for path in files.values())
    return files


def import_preview(db_path: Path, kind: str, path: Path):
    db = open_database(db_path)
    try:
        table = read_import_table(path, kind)
        return preview(db, kind, table, match_columns(kind, table.columns))
    finally:
        db.close()


def edited(path: Path, folder: Path, column: str, edit: Edit) -> tuple[str, object, object]:
    """A copy of the workbook with ``column`` of the first row that has a value changed: (uid, old, new)."""
    wb = openpyxl.load_workbook(path)
    try:
        ws = wb.worksheets[0]
        header = [cell.value for cell in ws[1]]
        at = header.index(column) + 1
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=at).value not in (None, ""))
        old = ws.cell(row=row, column=at).value
        new = edit.new_value(old)
        ws.cell(row=row, column=at, value=new)
        uid = ws.cell(row=row, column=header.index("uid") + 1).value
        wb.save(folder / path.name)
    finally:
        wb.close()
    return str(uid), old, new


def as_text(value: object) -> str:
    """A cell's value as the preview shows a stored one: a date cell as its ISO date."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    return str(value)


def same(shown: str | None, value: object) -> bool:
    if isinstance(value, (int, float)):
        return shown is not None and float(shown.replace(",", ".")) == float(value)
    return shown == as_text(value)


@pytest.mark.parametrize("name", [*KINDS, *(f"{k}-csv" for k in CSV_KINDS)])
def test_a_file_saved_by_libreoffice_imports_with_no_change(saved, db_copy, name):
    kind = name.removesuffix("-csv")
    result = import_preview(db_copy, kind, saved[name])
    assert result.counts() == {"add": 0, "update": 0, "unchanged": result.rows_read, "reject": 0}, (
        [str(r) for r in result.rejected[:3]], [change for _, change in list(result.changes())[:5]])
    assert result.rows_read > 0


@pytest.mark.parametrize("name", [*KINDS, *(f"{k}-csv" for k in CSV_KINDS)])
def test_one_cell_edited_changes_one_field_of_one_record(saved, db_copy, tmp_path, name):
    kind = name.removesuffix("-csv")
    edit = EDITS[kind]
    uid, old, new = edited(saved[name], tmp_path, edit.column, edit)
    result = import_preview(db_copy, kind, tmp_path / saved[name].name)
    counts = result.counts()
    assert counts == {"add": 0, "update": 1, "unchanged": result.rows_read - 1, "reject": 0}, (
        [str(r) for r in result.rejected[:3]])
    changes = [(planned.uid, change) for planned, change in result.changes()]
    assert len(changes) == 1, changes
    changed_uid, (field, now, after) = changes[0]
    assert (changed_uid, field) == (uid, edit.column)
    assert same(now, old) and same(after, new), (now, old, after, new)
