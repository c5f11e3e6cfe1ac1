"""A file that cannot be read at all (empty, a folder, the old .xls, a ZIP archive named .csv, bytes of no known
encoding, a damaged workbook, JSON that is not a list of objects ...) is refused with a message in the interface's
language in the import dialog (issue 20): each such error carries a code and its details, which the dialog words in
Russian or Kazakh; the command line keeps the English message as it was."""
from __future__ import annotations

import ast
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from desktop.export import comtrade, importing, readers
from desktop.export.cli_import import import_main
from desktop.export.readers import FILE_ERROR_CODES, ImportFileError, SheetChoiceNeeded, read_table
from desktop.qt.transfer.transfer import ImportDialog

CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
# words the Russian and Kazakh messages keep as they are: formats, encodings, programs and proper names
KEPT = {"CSV", "JSON", "UTF", "BOM", "NUL", "Excel", "Windows", "UN", "Comtrade", "ZIP", "XML", "xls", "xlsx", "US"}


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.active.append(["title_en", "date_signed"])
    wb.active.append(["A good one", "2020-01-01"])
    wb.create_sheet("Notes")
    wb.save(path)
    return path


def _damaged_workbook(path: Path) -> Path:
    """A ZIP archive with a worksheet part, as a workbook has, whose XML is broken."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<broken")
        archive.writestr("xl/worksheets/sheet1.xml", "<not xml")
    return path


def _truncated_workbook(path: Path) -> Path:
    data = _workbook(path.with_name("whole.xlsx")).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


# name, how to make the file, the kind chosen in the dialog, the sheet asked for, the code, the English message
Case = tuple[str, Callable[[Path], object], str, str | None, str, str]
CASES: list[Case] = [
    ("empty.csv", lambda p: p.write_bytes(b""), "agreement", None, "empty", "The file empty.csv is empty (0 bytes)."),
    ("folder.csv", lambda p: p.mkdir(), "agreement", None, "folder", "folder.csv is a folder, not a file."),
    ("old.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500), "agreement", None,
     "old_excel", "old.xls is in the old Excel format (.xls), which is not read. Save it from Excel as an Excel "
     "workbook (.xlsx) or as CSV and import that file."),
    ("zipped.csv", lambda p: p.write_bytes(_workbook(p.with_name("w.xlsx")).read_bytes()), "agreement", None,
     "zip_named_text", "zipped.csv is named as a text file but is a ZIP archive (perhaps an Excel workbook); rename "
     "it to .xlsx or save it as CSV."),
    ("latin1.csv", lambda p: p.write_bytes("title_en,summary\ncaf\u00e9,r\u00e9sum\u00e9 na\u00efve d\u00e9j\u00e0\n"
                                           .encode("latin-1")), "agreement", None,
     "bad_encoding", "The file latin1.csv is neither UTF-8 nor Windows-1251 text: it has bytes that do not decode "
     "(first on line 2, invalid continuation byte at byte 20). Save it as UTF-8 and try again."),
    ("utf16.txt", lambda p: p.write_bytes("title_en\tdate\nA\t2020\n".encode("utf-16-le") + b"\x00\xd8"
                                          + "x\t1\n".encode("utf-16-le")), "agreement", None,
     "bad_utf16", "The file utf16.txt is half NUL bytes, as UTF-16 text without a byte order mark is, but does not "
     "read as such. Save it as UTF-8 (or as Excel \u201cUnicode text\u201d) and try again."),
    ("nul.csv", lambda p: p.write_bytes(b"tit\x00le,date\nA,2020\n"), "agreement", None,
     "nul_in_header", "The header row of nul.csv holds a NUL character (U+0000), so the file is not a text table. "
     "Save it as UTF-8 CSV and try again."),
    ("quote.csv", lambda p: p.write_bytes(b'title_en,date\n"A good one,2020\nB,2021\n'), "agreement", None,
     "unclosed_quote", "The file quote.csv ends inside a quoted field that starts on line 2: a quote (\") is never "
     "closed. Nothing was imported."),
    ("bad.json", lambda p: p.write_text('[{"title_en": "A",}]'), "agreement", None,
     "bad_json", "bad.json is not valid JSON: Expecting property name enclosed in double quotes (line 1, column 19)."),
    ("object.json", lambda p: p.write_text('{"title_en": "A"}'), "agreement", None,
     "json_not_list", "object.json holds an object, not a list of objects (one object per record, as "
     "[{\"uid\": ..., ...}, ...])."),
    ("truncated.xlsx", _truncated_workbook, "agreement", None,
     "damaged_zip", "truncated.xlsx is not a valid Excel workbook: it is not a complete ZIP archive (File is not a "
     "zip file). It may be truncated or damaged; save it again from Excel."),
    ("damaged.xlsx", _damaged_workbook, "agreement", None, "damaged_workbook", None),
    ("book.xlsx", _workbook, "agreement", "Missing",
     "no_such_sheet", "book.xlsx has no sheet named \u201cMissing\u201d; its sheets are \u201cData\u201d, "
     "\u201cNotes\u201d."),
    ("trade.csv", lambda p: p.write_text("partner,year,value\nTUR,2020,5\n"), "comtrade", None,
     "not_comtrade", "trade.csv is not a UN Comtrade download: its header lacks Comtrade's columns (such as "
     "\u201cTrade Flow Code\u201d, \u201cReporter Code\u201d, \u201cPartner Code\u201d and "
     "\u201cTrade Value (US$)\u201d, or flowCode, reporterCode, partnerCode and primaryValue)."),
]


def _make(tmp_path: Path, case: Case) -> Path:
    path = tmp_path / case[0]
    case[1](path)
    return path


def _english(case: Case, error: ImportFileError) -> str:
    if case[5] is not None:
        return case[5]
    return (f"damaged.xlsx cannot be read as an Excel workbook ({error.params['reason']}). Save it again from Excel, "
            "or as CSV.")


def _refused(path: Path, case: Case) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        table = read_table(path, sheet=case[3])
        if case[2] == "comtrade":
            comtrade.comtrade_table(table, path.name)
    return caught.value


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_refusal_carries_its_code_and_the_command_line_keeps_its_english(tmp_path, case):
    path = _make(tmp_path, case)
    error = _refused(path, case)
    assert error.code == case[4] and error.code in FILE_ERROR_CODES
    assert str(error) == _english(case, error)
    if case[3] is None:  # the command line reads the file as it is (it has no way to name a sheet)
        err = io.StringIO()
        assert import_main(case[2], str(path), db_path=str(tmp_path / "none.sqlite"), err=err) == 2
        assert err.getvalue() == f"partnership-atlas: {_english(case, error)}\n"


def _file_errors(module) -> list[tuple[str, str | None]]:
    """(place, code) of each ImportFileError and SheetChoiceNeeded that ``module`` makes; the code None when it is
    not given as a literal."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        position = {"ImportFileError": 1, "SheetChoiceNeeded": 2}.get(node.func.id)
        if position is None:
            continue
        code = next((k.value for k in node.keywords if k.arg == "code"),
                    node.args[position] if len(node.args) > position else None)
        found.append((f"{Path(module.__file__).name}:{node.lineno}",
                      code.value if isinstance(code, ast.Constant) else None))
    return found


def test_every_file_error_is_made_with_a_code():
    made = [found for module in (readers, comtrade, importing) for found in _file_errors(module)]
    assert len(made) > 40
    assert [place for place, code in made if code not in FILE_ERROR_CODES] == []
    assert {code for _, code in made} == set(FILE_ERROR_CODES)  # no code documented that nothing gives


@pytest.fixture
def window(open_window):
    w = open_window(complete=False)
    w.editing.show_message = lambda text: None
    return w


def _shown(window, path: Path, case: Case) -> str:
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(case[2]))
    dialog.load(str(path), case[3])
    return dialog.last_error


def _english_words(english: str, error: ImportFileError) -> set[str]:
    """The words of the English message that a translation must not keep: not a format or a name, not the file's
    name, not a text quoted from the file or from elsewhere (a sheet's name, a parser's reason)."""
    quoted = " ".join(re.findall(r"\u201c[^\u201d]*\u201d", english))
    details = " ".join(str(v) for v in error.params.values())
    kept = {w.lower() for w in KEPT | set(re.findall(r"[A-Za-z]+", quoted + " " + details))}
    return {w.lower() for w in re.findall(r"[A-Za-z]{2,}", english)} - kept


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_window_words_each_refusal_in_the_interface_language(window, translator, tmp_path, lang):
    translator.set_language(lang)
    problems = []
    for case in CASES:
        path = _make(tmp_path, case)
        error = _refused(path, case)
        text = _shown(window, path, case)
        bare = re.sub(r"«[^»]*»", " ", text)
        for value in error.params.values():
            bare = bare.replace(str(value), " ")
        left = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", bare)} & _english_words(str(error), error)
        if not CYRILLIC.search(text) or left or path.name not in text:
            problems.append(f"{case[0]}: {text!r} keeps {sorted(left)}")
    assert problems == [], "\n".join(problems)


def test_the_window_quotes_sheets_and_writes_numbers_in_the_interface_language(window, translator, tmp_path):
    translator.set_language("ru")
    path = _workbook(tmp_path / "book.xlsx")
    assert "«Data», «Notes»" in _shown(window, path, next(c for c in CASES if c[0] == "book.xlsx"))
    dialog = ImportDialog(window)
    text = dialog.error_text(ImportFileError("The file big.csv has more than 2,000,000 data rows; ...", "too_many_rows",
                                             file="big.csv", max=2_000_000, sheet=None))
    assert "2\u00a0000\u00a0000" in text and CYRILLIC.search(text), text
    sheets = [f"S{i}" for i in range(15)]
    text = dialog.error_text(SheetChoiceNeeded("None of the 15 sheets ...", sheets, "no_sheet_fits", file="b.xlsx",
                                               count=15))
    assert "«S11»" in text and "«S12»" not in text and "ещё 3" in text, text


# the details of every code
PARAMS = {"file": "f.csv", "path": "/tmp/f.csv", "reason": "r", "encoding": "UTF-8", "byte": 7, "line": 3, "row": 4,
          "columns": 1001, "cells": 1002, "max": 1000, "header": "a b", "sheet": None, "length": None, "part": "xl/x",
          "ratio": 500, "size": 300, "library": "openpyxl", "parser": "defusedxml", "variable": "OPENPYXL_DEFUSEDXML",
          "sheets": ["A", "B"], "count": 2, "fitting": ["A", "B"], "depth": 60, "column": 9, "found": "object",
          "item": 2, "key": "k", "example": "[{}]", "legacy": ("Trade Flow Code",), "new": ("flowCode",),
          "feature": 3, "crs": "EPSG:3857", "lon": "200", "lat": "10", "wanted": "Point"}
# the codes worded in more than one sentence, and the details that choose the sentence
VARIANTS = {
    "too_many_rows": [{}, {"sheet": "S"}],
    "field_too_long": [{}, {"sheet": "S"}, {"length": 200_000}, {"sheet": "S", "length": 200_000}],
    "json_not_list": [{"found": found} for found in ("object", "bool", "null", "string", "number")],
    "json_item_not_object": [{"found": "list"}, {"found": "other"}],
    "json_nested": [{"found": "object"}, {"found": "list"}],
    "geojson_geometry": [{"wanted": wanted} for wanted in ("Point", "LineString", "none")],
}


def test_every_file_error_code_has_words_in_russian_and_kazakh(window, translator):
    for lang in ("ru", "kk"):
        translator.set_language(lang)
        dialog = ImportDialog(window)
        for code in FILE_ERROR_CODES:
            texts = set()
            for variant in VARIANTS.get(code, [{}]):
                text = dialog.error_text(ImportFileError("English words", code, **{**PARAMS, **variant}))
                assert text != "English words" and CYRILLIC.search(text), (lang, code, variant, text)
                texts.add(text)
            assert len(texts) == len(VARIANTS.get(code, [{}])), (lang, code, texts)  # a sentence for each


def test_an_error_without_words_is_shown_as_its_english_message(window):
    dialog = ImportDialog(window)
    assert dialog.error_text(ImportFileError("As it is.")) == "As it is."
    assert dialog.error_text(ImportFileError("As it is.", "no_such_code", file="f.csv")) == "As it is."
    assert dialog.error_text(ImportFileError("As it is.", "empty")) == "As it is."  # its details are missing
    assert dialog.error_text(ValueError("Not a file error.")) == "Not a file error."
