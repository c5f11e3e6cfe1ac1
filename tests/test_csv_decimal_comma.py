"""The Russian-Excel CSV (``;`` separator, UTF-8 or Windows-1251) writes numbers with a decimal comma and whole
numbers without ".0" ("12,5", "1851"), as a spreadsheet under Russian settings reads them; ``--decimal`` chooses
(refused with the comma separator); the window's export dialog offers the same choice; the import reads it back."""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.__main__ import main
from desktop.data.database import open_database
from desktop.data.editing import TABLES
from desktop.export.fileformat import COLUMNS, NUMBER_COLUMNS
from desktop.export.importing import match_columns, preview
from desktop.export.readers import read_table

NUMBER = re.compile(r"^-?\d+(,\d+)?$")
# kinds with number cells: (kind, its number columns)
NUMBER_KINDS = [(kind, [c for c in COLUMNS[kind] if c in NUMBER_COLUMNS])
                for kind in ("trade", "target", "fact", "node", "segment")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals
        status = exc.code
    said = capsys.readouterr()
    return status, said.out, said.err


def read_rows(path: Path, encoding: str = "utf-8-sig", delimiter: str = ";") -> list[dict[str, str]]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def stored(db_path: Path, kind: str, columns: list[str]) -> dict[str, tuple[object, ...]]:
    """uid -> the stored values of ``columns``."""
    db = open_database(db_path)
    try:
        sql = f"SELECT uid, {', '.join(columns)} FROM {TABLES[kind]}"
        return {r[0]: tuple(r[1:]) for r in db.conn.execute(sql)}
    finally:
        db.close()


def import_preview(db_path: Path, kind: str, path: Path):
    db = open_database(db_path)
    try:
        table = read_table(path)
        return preview(db, kind, table, match_columns(kind, table.columns))
    finally:
        db.close()


@pytest.mark.parametrize("encoding", [[], ["--encoding", "cp1251", "--encoding-errors", "replace"]],
                         ids=["utf-8", "cp1251"])
@pytest.mark.parametrize("kind, numbers", NUMBER_KINDS, ids=[k for k, _ in NUMBER_KINDS])
def test_semicolon_csv_writes_decimal_commas(db_copy, tmp_path, capsys, kind, numbers, encoding):
    out = tmp_path / f"{kind}.csv"
    status, said, err = run(capsys, "export", kind, "-o", str(out), "--delimiter", "semicolon", *encoding,
                            "--db", str(db_copy))
    assert (status, err) == (0, "") and said.startswith("Wrote ")
    rows = read_rows(out, "cp1251" if encoding else "utf-8-sig")
    values = stored(db_copy, kind, numbers)
    cells = [(row["uid"], i, row[c]) for row in rows for i, c in enumerate(numbers) if row[c] != ""]
    assert cells
    for uid, i, cell in cells:
        assert NUMBER.match(cell), (uid, numbers[i], cell)
        assert float(cell.replace(",", ".")) == values[uid][i]
    assert len(cells) == sum(v is not None for vs in values.values() for v in vs)


def test_the_decimal_option(db_copy, tmp_path, capsys):
    out = tmp_path / "trade.csv"
    status, _, err = run(capsys, "export", "trade", "-o", str(out), "--delimiter", "comma", "--decimal", "comma",
                         "--db", str(db_copy))
    assert status == 2 and not out.exists()
    assert err.startswith("partnership-atlas: The decimal comma cannot be used with the comma separator")
    assert "semicolon" in err and "\n" not in err.strip()
    assert run(capsys, "export", "trade", "-o", str(out), "--delimiter", "semicolon", "--decimal", "point",
               "--db", str(db_copy))[0] == 0
    turnover = [r["turnover_usd_m"] for r in read_rows(out) if r["turnover_usd_m"]]
    assert "1851.0" in turnover and "229.6" in turnover and not any("," in t for t in turnover)
    assert run(capsys, "export", "trade", "-o", str(out), "--delimiter", "tab", "--decimal", "comma",
               "--db", str(db_copy))[0] == 0
    turnover = [r["turnover_usd_m"] for r in read_rows(out, delimiter="\t") if r["turnover_usd_m"]]
    assert "1851" in turnover and "229,6" in turnover
    assert run(capsys, "export", "trade", "-o", str(out), "--db", str(db_copy))[0] == 0  # comma: the point
    assert "1851.0" in [r["turnover_usd_m"] for r in read_rows(out, delimiter=",")]
    status, _, err = run(capsys, "export", "trade", "-o", str(out), "--decimal", "dot", "--db", str(db_copy))
    assert status == 2 and "choose from comma, point" in err


@pytest.mark.parametrize("kind", ["trade", "target", "fact"])
def test_a_decimal_comma_csv_imports_back_unchanged(db_copy, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.csv"
    assert run(capsys, "export", kind, "-o", str(out), "--delimiter", "semicolon", "--db", str(db_copy))[0] == 0
    result = import_preview(db_copy, kind, out)
    rows = len(read_rows(out))
    assert result.counts() == {"add": 0, "update": 0, "unchanged": rows, "reject": 0}, result.rejected[:3]


def test_a_comma_before_three_digits_is_a_decimal_comma(db_copy, tmp_path, capsys):
    """"0,125" is plain, but "12,125" could be twelve thousand: in a ``;`` file it is the decimal comma."""
    out = tmp_path / "fact.csv"
    assert run(capsys, "export", "fact", "-o", str(out), "--delimiter", "semicolon", "--db", str(db_copy))[0] == 0
    rows = read_rows(out)
    three = [r for r in rows if re.fullmatch(r"[1-9][0-9]{0,2},[0-9]{3}", r["value_num"])]
    assert three, "the seed has facts such as 12,125"
    edited = three[0]
    new_value = edited["value_num"][:-1] + str((int(edited["value_num"][-1]) + 1) % 10)
    text = out.read_text(encoding="utf-8-sig").replace(f";{edited['value_num']};", f";{new_value};", 1)
    out.write_text(text, encoding="utf-8-sig")
    result = import_preview(db_copy, "fact", out)
    assert result.counts() == {"add": 0, "update": 1, "unchanged": len(rows) - 1, "reject": 0}, result.rejected[:3]
    (update,) = list(result.update)
    assert (update.uid, update.changed) == (edited["uid"], ("value_num",))
    assert update.values["value_num"] == float(new_value.replace(",", "."))


def test_the_export_dialog_follows_the_separator(qtbot, open_window, repo, tmp_path):
    from desktop.qt.transfer.transfer import ExportDialog

    window = open_window()
    dialog = ExportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trade"))
    dialog.scope_all.setChecked(True)
    assert (dialog.delimiter.currentData(), dialog.decimal.currentData()) == (",", ".")
    assert not dialog.decimal.isEnabled()  # the comma separator cannot have the decimal comma
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    assert dialog.decimal.currentData() == "," and dialog.decimal.isEnabled()
    assert dialog.decimal.currentText() == "comma ( 12,5 ), as Excel expects with Russian settings"
    out = tmp_path / "trade.csv"
    assert dialog.export_to(str(out)) == 56
    turnover = [r["turnover_usd_m"] for r in read_rows(out)]
    assert "1851" in turnover and "229,6" in turnover
    dialog.decimal.setCurrentIndex(dialog.decimal.findData("."))
    assert dialog.export_to(str(out)) == 56
    assert "1851.0" in [r["turnover_usd_m"] for r in read_rows(out)]
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(","))
    assert dialog.decimal.currentData() == "." and not dialog.decimal.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert not dialog.decimal.isEnabled()
    dialog.close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_numbers_as_numbers(db_copy, tmp_path, capsys):
    out = tmp_path / "trade.csv"
    assert run(capsys, "export", "trade", "-o", str(out), "--delimiter", "semicolon", "--db", str(db_copy))[0] == 0
    converted = tmp_path / "lo"
    # CSV import options: ";" (59), '"' (34), UTF-8 (76), from line 1, default column types, Russian (1049): the
    # settings of the users this file is for (under English ones LibreOffice reads "12,5" as text)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--infilter=CSV:59,34,76,1,,1049", "--convert-to", "xlsx", "--outdir", str(converted), str(out)],
                   check=True, capture_output=True, timeout=120)
    book = converted / "trade.xlsx"
    wb = openpyxl.load_workbook(book, read_only=True)
    try:
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()
    header = list(rows[0])
    values = stored(db_copy, "trade", ["turnover_usd_m", "exports_usd_m", "imports_usd_m"])
    columns = [header.index(c) for c in ("turnover_usd_m", "exports_usd_m", "imports_usd_m")]
    cells = [(row[0], i, row[c]) for row in rows[1:] for i, c in enumerate(columns) if row[c] is not None]
    assert len(cells) == sum(v is not None for vs in values.values() for v in vs)
    for uid, i, cell in cells:
        assert isinstance(cell, (int, float)) and not isinstance(cell, bool), (uid, cell)
        assert cell == values[uid][i]
    result = import_preview(db_copy, "trade", book)  # and LibreOffice's workbook imports back unchanged
    assert result.counts() == {"add": 0, "update": 0, "unchanged": len(rows) - 1, "reject": 0}, result.rejected[:3]
