"""The import template (issue 22, item 6): ``partnership-atlas export KIND --template -o FILE.xlsx`` and File →
Import Template… write an empty workbook with the import's header, each column described, and drop-down lists
that Excel and LibreOffice enforce; a filled template imports, and the import still refuses what a list would."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.__main__ import main
from desktop.data.database import open_database
from desktop.export.fileformat import COLUMNS, IMPORT_KINDS
from desktop.export.importing import match_columns, preview, read_import_table


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals
        status = exc.code
    said = capsys.readouterr()
    return status, said.out, said.err


def codes(db_path: Path, sql: str) -> list[str]:
    db = open_database(db_path, readonly=True, check=False)
    try:
        return [row[0] for row in db.conn.execute(sql)]
    finally:
        db.close()


def template(capsys, db_path: Path, folder: Path, kind: str, *more: str) -> Path:
    out = folder / f"{kind}-template.xlsx"
    status, said, err = run(capsys, "export", kind, "--template", "-o", str(out), *more, "--db", str(db_path))
    assert (status, err) == (0, ""), err
    assert said.startswith("Wrote the import template for ") and str(out) in said
    return out


def validations(path: Path) -> dict[str, tuple[str, str | None, str | None, bool]]:
    """Header column -> (type, formula1, formula2, whether a value outside is refused) of the sheet "records"."""
    wb = openpyxl.load_workbook(path)
    try:
        ws = wb["records"]
        header = {cell.column_letter: cell.value for cell in ws[1]}
        found = {}
        for rule in ws.data_validations.dataValidation:
            for cells in rule.sqref.ranges:
                letter = cells.coord.split(":")[0].rstrip("0123456789")
                found[header[letter]] = (rule.type, rule.formula1, rule.formula2, bool(rule.showErrorMessage))
        return found
    finally:
        wb.close()


def list_values(path: Path, formula: str) -> list[str]:
    """The values of a list validation's range ("Lists!$A$2:$A$6")."""
    sheet, cells = formula.lstrip("=").split("!")
    wb = openpyxl.load_workbook(path)
    try:
        rows = wb[sheet.strip("'")][cells.replace("$", "")]
        return [str(row[0].value) for row in rows if row[0].value is not None]
    finally:
        wb.close()


def fill(path: Path, values: dict[str, object]) -> Path:
    """The template with one row filled, by column name (as a user fills it in a spreadsheet)."""
    wb = openpyxl.load_workbook(path)
    try:
        ws = wb["records"]
        header = [cell.value for cell in ws[1]]
        for column, value in values.items():
            ws.cell(row=2, column=header.index(column) + 1, value=value)
        filled = path.with_name(f"filled-{path.name}")
        wb.save(filled)
    finally:
        wb.close()
    return filled


def import_counts(db_path: Path, kind: str, path: Path):
    db = open_database(db_path)
    try:
        table = read_import_table(path, kind)
        result = preview(db, kind, table, match_columns(kind, table.columns))
        return result.counts(), [r.reason for r in result.rejected]
    finally:
        db.close()


@pytest.mark.parametrize("kind", IMPORT_KINDS)
def test_the_header_is_the_imports_columns_bold_and_frozen_and_each_is_described(db_copy, tmp_path, capsys, kind):
    out = template(capsys, db_copy, tmp_path, kind)
    wb = openpyxl.load_workbook(out)
    try:
        assert wb.sheetnames == ["records", "Columns", "Lists"]
        ws = wb["records"]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == list(COLUMNS[kind])
        assert all(v is None for row in rows[1:] for v in row)  # no data rows
        assert all(cell.font.bold for cell in ws[1])
        assert ws.freeze_panes == "A2"
        assert all(cell.comment is not None and cell.comment.text.strip() for cell in ws[1])
        assert wb["Lists"].sheet_state == "hidden"
        described = {row[0]: row[1:] for row in wb["Columns"].iter_rows(min_row=3, values_only=True)}
        assert list(described) == list(COLUMNS[kind])
        assert all(what and form and required for what, form, required, _ in described.values())
    finally:
        wb.close()
    counts, _ = import_counts(db_copy, kind, out)  # the empty template reads as a file with nothing in it
    assert counts == {"add": 0, "update": 0, "unchanged": 0, "reject": 0}


def test_the_lists_are_the_databases_codes(db_copy, tmp_path, capsys):
    agreement = template(capsys, db_copy, tmp_path, "agreements")
    rules = validations(agreement)
    statuses = codes(db_copy, "SELECT code FROM agreement_statuses")
    assert rules["status"][0] == "list" and rules["status"][3]
    assert sorted(list_values(agreement, rules["status"][1])) == sorted(statuses)
    assert sorted(list_values(agreement, rules["doc_type"][1])) == sorted(codes(db_copy, "SELECT code FROM doc_types"))
    assert sorted(list_values(agreement, rules["event"][1])) == sorted(codes(db_copy, "SELECT uid FROM events"))
    assert rules["doc_count"][:3] == ("whole", "1", "1000")
    # several partners or sectors are typed as "TUR; AZE": their lists are offered, not enforced
    assert rules["partners"][0] == "list" and not rules["partners"][3]
    assert rules["sectors"][0] == "list" and not rules["sectors"][3]
    trade = template(capsys, db_copy, tmp_path, "trade")
    rules = validations(trade)
    partners = codes(db_copy, "SELECT iso3 FROM partners")
    assert sorted(list_values(trade, rules["partner_iso3"][1])) == sorted(partners)
    assert rules["partner_iso3"][3]
    assert list_values(trade, rules["statistics"][1]) == ["kazakh", "partner", "other", "unknown"]
    assert rules["year"][:3] == ("whole", "1991", "2100")
    assert rules["turnover_usd_m"][:3] == ("decimal", "0", "10000000")
    target = validations(template(capsys, db_copy, tmp_path, "target"))
    assert target["estimate"][0] == "list"


def test_the_descriptions_in_russian_and_kazakh(db_copy, tmp_path, capsys):
    for lang, words in (("ru", "Статус соглашения."), ("kk", "Келісім мәртебесі.")):
        folder = tmp_path / lang
        folder.mkdir()
        out = template(capsys, db_copy, folder, "agreement", "--lang", lang)
        wb = openpyxl.load_workbook(out)
        try:
            rows = {row[0]: row for row in wb["Columns"].iter_rows(min_row=3, values_only=True)}
            assert rows["status"][1] == words
            assert [c.value for c in wb["records"][1]] == list(COLUMNS["agreement"])  # the keys stay English
        finally:
            wb.close()


def test_a_filled_template_imports_one_new_record(db_copy, tmp_path, capsys):
    out = template(capsys, db_copy, tmp_path, "agreement")
    filled = fill(out, {"title_en": "Memorandum on template testing", "date_signed": "2025-04",
                        "doc_type": "memorandum", "status": "signed", "partners": "TUR", "sectors": "trade; energy"})
    assert import_counts(db_copy, "agreement", filled) == ({"add": 1, "update": 0, "unchanged": 0, "reject": 0}, [])
    before = codes(db_copy, "SELECT count(*) FROM agreements")[0]
    status, said, err = run(capsys, "import", "agreement", str(filled), "--db", str(db_copy))
    assert (status, err) == (0, ""), err
    assert codes(db_copy, "SELECT count(*) FROM agreements")[0] == int(before) + 1
    assert codes(db_copy, "SELECT date_signed || ' ' || doc_type || ' ' || status FROM agreements "
                          "WHERE title_en = 'Memorandum on template testing'") == ["2025-04 memorandum signed"]


def test_the_import_does_not_trust_the_template(db_copy, tmp_path, capsys):
    out = template(capsys, db_copy, tmp_path, "trade")
    filled = fill(out, {"partner_iso3": "TUR", "year": 2030, "period": "FY", "turnover_usd_m": 12.5,
                        "statistics": "guessed", "qualifier": "exact"})  # "guessed" is not on the list
    counts, reasons = import_counts(db_copy, "trade", filled)
    assert counts == {"add": 0, "update": 0, "unchanged": 0, "reject": 1}
    assert "guessed" in reasons[0]


@pytest.mark.parametrize("argv, words", [
    (["trade", "-o", "t.csv"], "name ending in .xlsx"),
    (["trade", "--format", "csv", "-o", "t.xlsx"], "not CSV"),
    (["partner", "-o", "t.xlsx"], "cannot be imported"),
])
def test_a_template_that_cannot_be_written_is_refused(db_copy, tmp_path, capsys, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    status, said, err = run(capsys, "export", *argv, "--template", "--db", str(db_copy))
    assert status == 2 and said == ""
    assert err.startswith("partnership-atlas: ") and words in err and "Traceback" not in err
    assert not list(tmp_path.glob("t.*"))


def test_the_window_writes_the_same_template(qtbot, open_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.qt.transfer.template_dialog import TemplateDialog

    window = open_window(complete=False)
    action = window.action_table["import_template"]
    assert action.text() == "Import &Template…"
    opened: list[TemplateDialog] = []
    monkeypatch.setattr(TemplateDialog, "exec", lambda self: opened.append(self) or 0)
    action.trigger()
    dialog = opened[0]
    dialog.kind.setCurrentIndex(dialog.kind.findData("fact"))
    dialog.lang.setCurrentIndex(dialog.lang.findData("ru"))
    target = tmp_path / "facts"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    dialog.save_dialog()
    written = tmp_path / "facts.xlsx"
    assert dialog.written == written and written.is_file()
    wb = openpyxl.load_workbook(written)
    try:
        assert [c.value for c in wb["records"][1]] == list(COLUMNS["fact"])
        rows = {row[0]: row for row in wb["Columns"].iter_rows(min_row=3, values_only=True)}
        assert rows["metric"][1] == "Что измеряет факт."
    finally:
        wb.close()
    assert "facts.xlsx" in window.statusBar().currentMessage()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_the_validations(db_copy, tmp_path, capsys):
    out = template(capsys, db_copy, tmp_path, "agreement")
    saved = tmp_path / "saved"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(saved), str(out)], check=True, capture_output=True,
                   timeout=120)
    again = saved / out.name
    ours, theirs = validations(out), validations(again)
    assert set(theirs) == set(ours)
    for column, (kind, formula, _, enforced) in ours.items():
        assert theirs[column][0] == kind and theirs[column][3] == enforced, column
        if kind == "list":
            assert list_values(again, theirs[column][1]) == list_values(out, formula), column
        else:
            assert float(theirs[column][1]) == float(formula), column
    assert import_counts(db_copy, "agreement", again)[0] == {"add": 0, "update": 0, "unchanged": 0, "reject": 0}
