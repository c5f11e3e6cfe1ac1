"""Import readers refuse what they cannot read faithfully, row by row (issue 16, items 5-9): JSON values that are
not values (NaN, Infinity, lists and true/false where one value is meant, keys named twice, an empty list), CSV
rows of the wrong width and headers without a separator, line breaks and tabs inside quoted fields, NUL
characters in one row, and workbooks whose first sheet is not the data or whose cells hold spreadsheet errors.

Every file is written by the test itself (tmp_path)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.core.validation import validate
from desktop.data.database import open_database
from desktop.export.cli_import import import_main
from desktop.export.comtrade import comtrade_table
from desktop.export.importing import (
    apply_import,
    build_change_set,
    match_columns,
    preview,
    read_import_table,
    validation_context,
)
from desktop.export.readers import ImportFileError, SheetChoiceNeeded, read_table

AGREEMENT_HEADER = ["Title (English)", "Date signed", "Document type", "Partners", "Status", "Summary (English)"]


@pytest.fixture
def db(db_copy: Path):
    database = open_database(db_copy)
    yield database
    database.close()


def run(db, kind: str, path: Path, **kwargs):
    table = read_import_table(path, kind, **kwargs)
    match = match_columns(kind, table.columns)
    return table, preview(db, kind, table, match)


def reasons(result) -> dict[int, str]:
    return {r.row: r.reason for r in result.rejected}


def cli(kind: str, path: Path, db_path: Path, dry_run: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = import_main(kind, str(path), str(db_path), dry_run, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def agreement(title: object = "Accord on quokka studies", **extra: object) -> dict:
    return {"title_en": title, "date_signed": "2025-03-14", "doc_type": "agreement", "partners": "TUR",
            "status": "signed", **extra}


# --- 5: JSON values that are not values ------------------------------------------------------------------------------

def test_json_nan_infinity_and_overlong_numbers_reject_their_rows(db, tmp_path):
    path = tmp_path / "agreements.json"
    path.write_text("[" + ", ".join([
        json.dumps(agreement("Accord one")),
        json.dumps(agreement("Accord two"))[:-1] + ', "summary_en": NaN}',
        json.dumps(agreement("Accord three"))[:-1] + ', "uid": Infinity}',
        json.dumps(agreement("Accord four"))[:-1] + ', "doc_count": -Infinity}',
        json.dumps(agreement("Accord five"))[:-1] + ', "doc_count": 1e400}',
        json.dumps(agreement("Accord six"))[:-1] + ', "doc_count": 1' + "0" * 5000 + "}",
    ]) + "]", encoding="utf-8")
    _, result = run(db, "agreement", path)
    assert [p.values["title_en"] for p in result.add] == ["Accord one"]
    assert reasons(result) == {
        2: "summary_en: NaN is not a number that can be imported",
        3: "uid: Infinity is not a number that can be imported",
        4: "doc_count: -Infinity is not a number that can be imported",
        5: "doc_count: the number 1e400 is too large",
        6: "doc_count: a number of 5,001 digits is too large",
    }
    assert result.rows_read == 6


def test_json_lists_fill_list_fields_only_and_true_false_is_refused(db, tmp_path):
    path = tmp_path / "agreements.json"
    path.write_text(json.dumps([
        agreement("Listed partners", partners=["AZE", " TUR "], sectors=[]),
        agreement(["Title one", "Title two"]),
        agreement(True),
        agreement("Counted by a flag", doc_count=False),
        agreement("Partners with a NaN", partners="NAN_HERE"),
    ]).replace('"NAN_HERE"', '["TUR", NaN]'), encoding="utf-8")
    _, result = run(db, "agreement", path)
    assert [(p.row, p.values["partners"]) for p in result.add] == [(1, ("AZE", "TUR"))]
    assert reasons(result) == {
        2: "title_en: a list (\u201cTitle one; Title two\u201d) where one value is expected",
        3: "title_en: true (a yes-or-no value) where text is expected",
        4: "doc_count: false (a yes-or-no value) where a number is expected",
        5: "partners: its list holds NaN, which is not a value",
    }


def test_json_object_naming_a_key_twice_is_rejected(db, tmp_path):
    path = tmp_path / "agreements.json"
    one = json.dumps(agreement("Accord kept"))
    twice = json.dumps(agreement("First title"))[:-1] + ', "title_en": "Second title"}'
    path.write_text(f"[{one}, {twice}]", encoding="utf-8")
    _, result = run(db, "agreement", path)
    assert [p.values["title_en"] for p in result.add] == ["Accord kept"]
    assert reasons(result) == {2: "the object names the key \u201ctitle_en\u201d more than once, so its value is "
                                  "unclear"}


def test_an_empty_json_list_says_there_are_no_records(db_copy, tmp_path):
    path = tmp_path / "empty.json"
    path.write_text("[ ]\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="holds an empty list: there are no records in it to import"):
        read_table(path)
    status, _, err = cli("agreement", path, db_copy)
    assert status == 2 and "no records" in err


# --- 6: CSV rows of the wrong width, headers without a separator ----------------------------------------------------

def test_csv_rows_with_too_few_or_too_many_fields_are_rejected(db, tmp_path):
    path = tmp_path / "agreements.csv"
    path.write_text("Title (English),Date signed,Document type,Partners,Status\r\n"
                    "Accord whole,2025-01-01,agreement,TUR,signed\r\n"
                    "Accord short,2025-01-02,agreement,TUR\r\n"
                    "\r\n"
                    "Accord long,2025-01-03,agreement,TUR,signed,\r\n"
                    "Accord longer,2025-01-04,agreement,TUR,signed,extra\r\n"
                    "Accord after,2025-01-05,agreement,AZE,signed\r\n", encoding="utf-8")
    _, result = run(db, "agreement", path)
    assert [(p.row, p.values["title_en"]) for p in result.add] == [
        (2, "Accord whole"), (5, "Accord long"), (7, "Accord after")]  # an empty cell past the end is no field
    assert reasons(result) == {
        3: "the row has 4 cells but the header has 5 columns (a separator is missing, or a line break outside "
           "quotes split the row)",
        6: "the row has 6 cells but the header has 5 columns (is the separator right?)",
    }
    assert result.rows_read == 5  # the blank line is not a row


def test_empty_cells_past_the_last_column_are_no_extra_fields(db, tmp_path):
    """Excel's semicolon CSV often ends every row with a separator: those rows are read, not rejected."""
    path = tmp_path / "excel.csv"
    path.write_text("Title (English);Date signed;Document type;Partners;Status;\r\n"
                    "Accord one;2025-01-01;agreement;TUR;signed;\r\n"
                    "Accord two;2025-01-02;agreement;AZE;signed;;\r\n", encoding="utf-8")
    _, result = run(db, "agreement", path)
    assert [(p.row, p.values["title_en"], p.values["status"]) for p in result.add] == [
        (2, "Accord one", "signed"), (3, "Accord two", "signed")]
    assert reasons(result) == {}


def test_rows_of_another_width_do_not_hide_the_separator(db, tmp_path):
    # most rows are broken, so no separator gives regular records: the header's still decides, row by row
    path = tmp_path / "ragged.csv"
    path.write_text("Title (English);Date signed;Document type;Partners;Status\n"
                    "Accord kept;2025-01-01;agreement;TUR;signed\n"
                    "Broken one;2025-01-02\nBroken two;2025-01-03\nBroken three\n", encoding="utf-8")
    table, result = run(db, "agreement", path)
    assert table.delimiter == ";" and len(table.columns) == 5
    assert [p.row for p in result.add] == [2] and sorted(reasons(result)) == [3, 4, 5]


@pytest.mark.parametrize("header", ["title_en doc_type partners status", "title_en|doc_type|partners|status",
                                    "Title (English)"])
def test_a_header_without_a_separator_is_refused(db_copy, tmp_path, header):
    path = tmp_path / "spaced.csv"
    path.write_text(f"{header}\nAccord agreement TUR signed\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="No comma, semicolon or tab separates the column names in the header "
                                              "row of spaced.csv"):
        read_table(path)
    status, _, err = cli("agreement", path, db_copy)
    assert status == 2 and "cannot be told apart" in err


# --- 7: line breaks and tabs inside quoted fields --------------------------------------------------------------------

def test_line_breaks_and_tabs_from_excel_are_kept_where_text_may_hold_them(db, tmp_path):
    path = tmp_path / "excel.csv"
    # as Excel writes cells with Alt+Enter line breaks: LF inside quotes, CRLF between rows
    path.write_bytes(b'Title (English),Date signed,Document type,Partners,Status,Summary (English)\r\n'
                     b'"Agreement on\ncooperation\tin transport",2025-01-01,agreement,TUR,signed,'
                     b'"First line\r\n\tIndented second line\nThird"\r\n'
                     b'"Bell \x07 title",2025-01-02,agreement,TUR,signed,\r\n'
                     b'Plain title,2025-01-03,agreement,TUR,signed,"A bell \x07 in a summary"\r\n')
    _, result = run(db, "agreement", path)
    [added] = result.add
    assert added.values["title_en"] == "Agreement on cooperation in transport"  # a title is one line
    assert added.values["summary_en"] == "First line\n\tIndented second line\nThird"
    assert reasons(result) == {3: "title_en: holds a control character (U+0007)",
                               4: "summary_en: holds a control character (U+0007)"}
    apply_import(db, build_change_set(db, result, file_name="excel.csv"))
    stored = db.conn.execute("SELECT title_en, summary_en FROM agreements "
                             "WHERE title_en LIKE 'Agreement on cooperation%'")
    assert stored.fetchall() == [("Agreement on cooperation in transport",
                                  "First line\n\tIndented second line\nThird")]
    # the forms keep the same rule: a summary may hold lines, a title typed in a form refuses a control character
    typed = agreement("Bell \x07 title", summary_en="a\r\nb", doc_count=1)
    clean, errors = validate("agreement", typed, validation_context(db))
    assert clean["summary_en"] == "a\nb" and [(e.field, e.code) for e in errors] == [("title_en", "control_chars")]


def test_a_wrapped_title_in_a_workbook_cell_is_one_line(db, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(AGREEMENT_HEADER)
    wb.active.append(["Memorandum on\nwombat trade", "2025-02-01", "memorandum", "AZE", "signed", "Two\nlines"])
    wb.save(tmp_path / "wrapped.xlsx")
    _, result = run(db, "agreement", tmp_path / "wrapped.xlsx")
    assert not result.rejected
    assert (result.add[0].values["title_en"], result.add[0].values["summary_en"]) == ("Memorandum on wombat trade",
                                                                                      "Two\nlines")


# --- 8: NUL characters and encodings -----------------------------------------------------------------------------

def test_a_nul_in_one_field_rejects_that_row_not_the_file(db, db_copy, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes("Title (English),Date signed,Document type,Partners,Status\r\n"
                     "Соглашение о сотрудничестве,2025-01-01,agreement,TUR,signed\r\n"
                     "Accord\x00with a NUL,2025-01-02,agreement,TUR,signed\r\n"
                     "Accord after,2025-01-03,agreement,TUR,signed\r\n".encode())
    table, result = run(db, "agreement", path)
    assert table.encoding == "utf-8"
    assert [p.row for p in result.add] == [2, 4]
    assert reasons(result) == {3: "the cell in column \u201cTitle (English)\u201d holds a NUL character (U+0000), "
                                  "which text never holds"}
    status, out, _ = cli("agreement", path, db_copy)
    assert status == 1 and "row 3: the cell in column \u201cTitle (English)\u201d holds a NUL character" in out


def test_a_nul_in_a_json_value_rejects_that_row(db, tmp_path):
    path = tmp_path / "nul.json"
    path.write_text(json.dumps([agreement("Accord kept"), agreement("Accord\u0000NUL")]), encoding="utf-8")
    _, result = run(db, "agreement", path)
    assert [p.row for p in result.add] == [1]
    assert reasons(result) == {2: "the cell in column \u201ctitle_en\u201d holds a NUL character (U+0000), which "
                                  "text never holds"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(db, tmp_path, encoding):
    path = tmp_path / "unicode.txt"
    text = ("Партнёр\tГод\tТоварооборот, млн долл. США\tЧья статистика\r\n"
            "TKM\t2014\t1 234,5\tkazakh\r\nGEO\t2013\t98,7\tkazakh\r\n")
    path.write_bytes(text.encode(encoding))
    table, result = run(db, "trade", path)
    assert (table.encoding, table.delimiter) == (encoding, "\t")
    assert [p.values["turnover_usd_m"] for p in result.add] == [1234.5, 98.7] and not result.rejected


def test_a_header_with_a_nul_refuses_the_file(tmp_path):
    path = tmp_path / "nul-header.csv"
    path.write_bytes(b"Title\x00 (English),Status\r\nA,signed\r\n")
    with pytest.raises(ImportFileError, match="header row of nul-header.csv holds a NUL character"):
        read_table(path)


# --- 9: workbooks: the sheet with the data, error cells --------------------------------------------------------------

def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


INSTRUCTIONS = [["How to fill in this workbook"], [], ["Write one agreement a row on the sheet Data."],
                ["Dates as dd.mm.yyyy; partners as ISO codes separated by semicolons."]]
DATA = [AGREEMENT_HEADER, ["Accord on emu husbandry", "14.03.2025", "agreement", "TUR", "signed", None]]


def test_the_sheet_with_the_matching_header_is_read_and_named(db, db_copy, tmp_path):
    path = workbook(tmp_path / "book.xlsx", {"Instructions": INSTRUCTIONS, "Data": DATA})
    table, result = run(db, "agreement", path)
    assert (table.sheet, table.sheets) == ("Data", ("Instructions", "Data"))
    assert table.columns == AGREEMENT_HEADER and [p.row for p in result.add] == [2]
    assert read_table(path, sheet="Instructions").columns == ["How to fill in this workbook"]
    status, out, _ = cli("agreement", path, db_copy, dry_run=True)
    assert status == 0 and "File: book.xlsx, sheet \u201cData\u201d" in out and "To add: 1" in out


def test_sheets_that_fit_equally_or_not_at_all_are_named_and_not_guessed(db_copy, tmp_path):
    path = workbook(tmp_path / "twins.xlsx", {"Instructions": INSTRUCTIONS, "Data": DATA, "Data (2)": DATA})
    with pytest.raises(SheetChoiceNeeded) as caught:
        read_import_table(path, "agreement")
    assert "Several sheets of twins.xlsx have header rows that fit equally well (\u201cData\u201d, \u201cData (2)" \
           "\u201d)" in str(caught.value)
    assert caught.value.sheets == ["Instructions", "Data", "Data (2)"]
    status, _, err = cli("agreement", path, db_copy)
    assert status == 2 and "\u201cData (2)\u201d" in err and "choose the sheet" in err
    path = workbook(tmp_path / "notes.xlsx", {"Instructions": INSTRUCTIONS, "Notes": [["Remark", "By"], ["x", "y"]]})
    with pytest.raises(SheetChoiceNeeded, match="None of the 2 sheets of notes.xlsx \\(\u201cInstructions\u201d, "
                                                "\u201cNotes\u201d\\) has a header row with columns to import"):
        read_import_table(path, "agreement")
    assert read_import_table(path, "agreement", sheet="Notes").columns == ["Remark", "By"]


def test_error_cells_are_refused_with_their_reference_never_stored_as_text(db, tmp_path):
    header = ["uid", "Partner", "Year", "Turnover, USD million", "Whose statistics", "Note (English)", "Unused"]
    path = workbook(tmp_path / "errors.xlsx", {"Notes": INSTRUCTIONS, "Figures": [
        header,
        ["e_1", "TKM", 2014, "#DIV/0!", "kazakh", "fine", None],
        ["e_2", "TKM", 2015, 12.5, "kazakh", "#N/A", None],
        ["e_3", "TKM", 2016, 13.5, "#VALUE!", "fine", "#REF!"],
        ["e_4", "TKM", 2017, 14.5, "kazakh", "fine", "#N/A"],
    ]})
    table, result = run(db, "trade", path)
    assert table.sheet == "Figures"
    assert reasons(result) == {
        2: "turnover_usd_m: cell D2 of sheet \u201cFigures\u201d holds the error #DIV/0!, not a value",
        3: "note_en: cell F3 of sheet \u201cFigures\u201d holds the error #N/A, not a value",
        4: "statistics: cell E4 of sheet \u201cFigures\u201d holds the error #VALUE!, not a value",
    }
    assert [(p.row, p.values["note_en"]) for p in result.add] == [(5, "fine")]  # an error in an unread column


def test_the_import_dialog_lets_the_user_choose_the_sheet(qtbot, repo, translator, tmp_path):
    from desktop.app import build_window
    from desktop.qt.transfer.transfer import ImportDialog

    window = build_window(repo, translator=translator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.agreements.is_settled, timeout=10_000)
    window.complete()
    try:
        path = workbook(tmp_path / "twins.xlsx", {"Data": DATA, "Copy": DATA})
        dialog = ImportDialog(window)
        assert not dialog.load(str(path))
        assert "fit equally well" in dialog.last_error and dialog.table is None
        assert dialog.form.isRowVisible(dialog.sheet)
        assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Data", "Copy"]
        dialog.sheet.activated.emit(1)  # the user picks "Copy"
        assert dialog.table is not None and dialog.table.sheet == "Copy"
        assert dialog.file_label.text().endswith("twins.xlsx, sheet \u201cCopy\u201d")
        assert dialog.kind.currentData() == "agreement" and dialog.run_preview()
        assert len(dialog.preview.add) == 1
        single = workbook(tmp_path / "single.xlsx", {"Data": DATA})
        assert dialog.load(str(single)) and not dialog.form.isRowVisible(dialog.sheet)
    finally:
        window.search.shutdown()


# --- the reader's rejections reach a UN Comtrade import too ---------------------------------------------------------

def test_comtrade_rows_of_the_wrong_width_are_rejected(db, tmp_path):
    header = ["freqCode", "refYear", "period", "reporterCode", "reporterISO", "flowCode", "partnerCode", "partnerISO",
              "cmdCode", "primaryValue"]
    path = tmp_path / "TradeData.csv"
    path.write_text(",".join(header) + "\n"
                    "A,2021,2021,398,KAZ,X,31,AZE,TOTAL,375300000\n"
                    "A,2021,2021,398,KAZ,M,31,AZE,TOTAL\n", encoding="utf-8")
    table = comtrade_table(read_table(path), "TradeData.csv")
    result = preview(db, "trade", table)
    assert [p.values["exports_usd_m"] for p in result.add] == [375.3]
    assert reasons(result) == {3: "the row has 9 cells but the header has 10 columns (a separator is missing, or a "
                                  "line break outside quotes split the row)"}
