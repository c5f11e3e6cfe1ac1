"""Importing records from files: encodings, separators, column names in English and Russian, dates and numbers,
XLSX and JSON, the preview (add, update, unchanged, reject with row numbers), one undoable change set with the
file as a source, cancel, hostile files, UN Comtrade downloads, round trips and the command line.

Every fixture file is written by the test itself (tmp_path); nothing binary is committed."""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import time
import zipfile
from pathlib import Path

import pytest

from desktop.core.edits import History
from desktop.data.database import open_database
from desktop.data.editing import EditCancelled, Editor, StaleEdit
from desktop.export import writers
from desktop.export.cli_import import import_main
from desktop.export.comtrade import comtrade_table, convert, is_comtrade
from desktop.export.fileformat import COLUMNS
from desktop.export.importing import (
    ImportProblem,
    NothingToImport,
    apply_import,
    build_change_set,
    match_columns,
    preview,
)
from desktop.export.readers import ImportFileError, Table, json_depth, read_table

TODAY = _dt.date.today().isoformat()


@pytest.fixture
def db(db_copy: Path):
    database = open_database(db_copy)
    yield database
    database.close()


def write_table(path: Path, header: list[str], rows: list[list[object]], *, encoding: str = "utf-8",
                delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run(db, kind: str, path: Path, **kwargs):
    table = read_table(path, **kwargs)
    match = match_columns(kind, table.columns)
    return table, match, preview(db, kind, table, match)


def apply(db, result, name: str = "file.csv"):
    change_set = build_change_set(db, result, file_name=name, label=f"Import {name}")
    return apply_import(db, change_set)


def trade_by_uid(db, uid: str) -> dict:
    cur = db.conn.execute("SELECT t.*, p.iso3 FROM trade_figures t JOIN partners p ON p.id = t.partner_id "
                          "WHERE t.uid = ?", (uid,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else {}


def sources_of(db, kind: str, uid: str) -> list[str]:
    table = {"trade": "trade_figures", "agreement": "agreements", "event": "events", "target": "targets",
             "fact": "facts"}[kind]
    return [r[0] for r in db.conn.execute(
        f"SELECT s.uid FROM record_sources rs JOIN sources s ON s.id = rs.source_id JOIN {table} t "
        "ON t.id = rs.record_id WHERE rs.record_type = ? AND t.uid = ? ORDER BY rs.position", (kind, uid))]


RU_TRADE_HEADER = ["Партнёр", "Год", "Товарооборот, млн долл. США", "Чья статистика", "Примечание (рус.)"]
RU_TRADE_ROWS = [["TKM", "2014", "1 234,5", "kazakh", "Данные министерства торговли"],
                 ["GEO", "2013", "98,7", "kazakh", "Оценка посольства"]]


# --- encodings, separators, names, values -------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, delimiter, suffix, expected", [
    ("utf-8", ";", ".csv", "utf-8"),
    ("utf-8-sig", ",", ".csv", "utf-8-sig"),
    ("utf-16", "\t", ".txt", "utf-16"),  # Excel "Unicode text": UTF-16LE with a BOM, tab-separated
    ("cp1251", ";", ".csv", "cp1251"),
    ("cp1251", ",", ".csv", "cp1251"),
    ("utf-8", "\t", ".tsv", "utf-8"),
])
def test_encodings_and_separators_are_found(db, tmp_path, encoding, delimiter, suffix, expected):
    path = write_table(tmp_path / f"trade{suffix}", RU_TRADE_HEADER, RU_TRADE_ROWS, encoding=encoding,
                       delimiter=delimiter)
    table, match, result = run(db, "trade", path)
    assert (table.encoding, table.delimiter) == (expected, delimiter)
    assert table.columns == RU_TRADE_HEADER
    assert match.sure, match
    assert result.counts() == {"add": 2, "update": 0, "unchanged": 0, "reject": 0}, result.rejected
    first = result.add[0]
    assert first.row == 2 and first.values["turnover_usd_m"] == 1234.5
    assert first.values["note_ru"] == "Данные министерства торговли"
    assert first.values["period"] == "FY" and first.values["qualifier"] == "exact"  # the schema's defaults


def test_utf16_big_endian_with_bom(db, tmp_path):
    path = tmp_path / "be.txt"
    text = "\t".join(RU_TRADE_HEADER) + "\n" + "\n".join("\t".join(r) for r in RU_TRADE_ROWS) + "\n"
    path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    table, _, result = run(db, "trade", path)
    assert table.delimiter == "\t" and result.counts()["add"] == 2


def test_delimiter_inside_quotes_and_header_commas(tmp_path):
    path = write_table(tmp_path / "q.csv", ["Партнёр", "Год", "Товарооборот, млн долл. США", "Примечание (англ.)"],
                       [["TKM", "2014", "1,5", "a; b, c"], ["GEO", "2013", "2,5", "x;y"]], delimiter=";")
    table = read_table(path)
    assert table.delimiter == ";"
    assert [r.cells for r in table.rows()] == [["TKM", "2014", "1,5", "a; b, c"], ["GEO", "2013", "2,5", "x;y"]]


def test_a_title_line_above_the_header_is_passed_over(db, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text("Trade of Kazakhstan, 2014\n\nPartner;Year;Turnover, USD million;Whose statistics\n"
                    "TKM;2014;1 234,5;kazakh\n", encoding="utf-8")
    table, match, result = run(db, "trade", path)
    assert table.delimiter == ";" and match.sure
    assert [(p.row, p.values["turnover_usd_m"]) for p in result.add] == [(4, 1234.5)]


@pytest.mark.parametrize("text, value", [("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("1\u202f234,5", 1234.5),
                                         ("1,234.5", 1234.5), ("1234.5", 1234.5), ("98,7", 98.7)])
def test_numbers_in_the_usual_writings(db, tmp_path, text, value):
    path = write_table(tmp_path / "n.csv", ["partner_iso3", "year", "exports_usd_m", "statistics"],
                       [["TKM", "2014", text, "kazakh"]])
    _, _, result = run(db, "trade", path)
    assert not result.rejected, result.rejected
    assert result.add[0].values["exports_usd_m"] == value


def test_dates_dd_mm_yyyy_and_iso(db, tmp_path):
    header = ["Title (English)", "Date signed", "Document type", "Partners", "Status"]
    rows = [["Memorandum on quokka studies", "14.03.2025", "memorandum", "TUR; AZE", "signed"],
            ["Protocol on wombat trade", "2024-11-02", "protocol", "TKM,GEO", "signed"],
            ["Declaration of a month", "03.2023", "declaration", "CHN", "signed"],
            ["Plan of a bad day", "31.02.2024", "plan", "CHN", "signed"]]
    path = write_table(tmp_path / "agreements.csv", header, rows)
    _, match, result = run(db, "agreement", path)
    assert match.sure, match
    assert [p.values["date_signed"] for p in result.add] == ["2025-03-14", "2024-11-02", "2023-03"]
    assert result.add[0].values["partners"] == ("TUR", "AZE") and result.add[1].values["partners"] == ("TKM", "GEO")
    assert [str(r) for r in result.rejected] == [
        "row 5: date_signed: \u201c31.02.2024\u201d is not a date in the calendar: February 2024 has 29 days"]


def test_header_names_in_english_and_russian_any_case_and_spacing():
    match = match_columns("trade", ["  ПАРТНЁР ", "год", "товарооборот,  МЛН долл. сша", "Чья_статистика",
                                    "EXPORTS, usd MILLION", "Imports (USD million)", "period", "Qualifier", "junk"])
    assert match.sure and match.unmatched == ["junk"]
    assert match.mapping == {"  ПАРТНЁР ": "partner_iso3", "год": "year",
                             "товарооборот,  МЛН долл. сша": "turnover_usd_m",
                             "Чья_статистика": "statistics", "EXPORTS, usd MILLION": "exports_usd_m",
                             "Imports (USD million)": "imports_usd_m", "period": "period", "Qualifier": "qualifier"}
    match = match_columns("agreement", ["Название (англ.)", "Название (рус.)", "Дата подписания", "Тип документа",
                                        "Партнёры", "Отрасли", "Источники", "Signed at"])
    assert match.sure
    assert list(match.mapping.values()) == ["title_en", "title_ru", "date_signed", "doc_type", "partners", "sectors",
                                            "sources", "event"]
    match = match_columns("event", ["Вид события", "Дата начала", "Title (English)", "Страны", "Место (рус.)"])
    assert match.sure and set(match.mapping.values()) == {"kind", "date_start", "title_en", "partners", "place_ru"}


def test_loose_or_missing_columns_make_the_match_unsure_and_a_mapping_overrides():
    match = match_columns("trade", ["Country", "Year", "Exports"])
    assert not match.sure and set(match.loose) == {"Country", "Exports"} and not match.missing
    match = match_columns("trade", ["Страна", "Год", "Экспорт", "Импорт", "Товарооборот"])
    assert not match.sure and set(match.loose) == {"Страна", "Экспорт", "Импорт", "Товарооборот"}
    match = match_columns("trade", ["Year", "Turnover, USD million", "Whatever"])
    assert not match.sure and match.missing == ["partner_iso3"] and match.unmatched == ["Whatever"]
    match = match_columns("trade", ["Partner", "Year", "Notes"])
    assert match.missing == ["turnover_usd_m or exports_usd_m or imports_usd_m"]
    fixed = match_columns("trade", ["Year", "Turnover, USD million", "Whatever"]).with_mapping(
        {"Whatever": "partner_iso3", "Year": "year", "Turnover, USD million": "turnover_usd_m"})
    assert fixed.sure and fixed.mapping["Whatever"] == "partner_iso3"
    assert match_columns("agreement", ["A"], {"A": "event_id"}).mapping == {"A": "event"}
    with pytest.raises(ImportProblem, match="not a field"):
        match_columns("trade", ["A"], {"A": "nonsense"})
    with pytest.raises(ImportProblem, match="Two columns"):
        match_columns("trade", ["A", "B"], {"A": "year", "B": "year"})
    with pytest.raises(ImportProblem, match="cannot be imported"):
        match_columns("corridor", ["A"])
    # with a uid column the file may update some fields only
    assert match_columns("trade", ["uid", "Note (English)"]).sure


def test_xlsx_with_typed_cells_and_sheet_row_numbers(db, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B1"] = "Agreements exported by hand"
    ws.append([])
    ws.append([None, "Title (English)", "Date signed", "Document type", "Partners", "Documents in it", "Status"])
    ws.append([None, "Accord on emu husbandry", _dt.datetime(2025, 3, 14), "agreement", "TUR", 2, "signed"])
    ws.append([])
    ws.append([None, "Accord on a bad type", _dt.datetime(2025, 3, 15), "scroll", "TUR", 1.0, "signed"])
    path = tmp_path / "a.xlsx"
    wb.save(path)
    table, match, result = run(db, "agreement", path)
    assert table.format == "xlsx" and match.sure
    assert table.columns[0] == "Title (English)"  # the empty column A is left out
    assert result.counts() == {"add": 1, "update": 0, "unchanged": 0, "reject": 1}
    assert result.add[0].row == 4 and result.add[0].values["date_signed"] == "2025-03-14"
    assert result.add[0].values["doc_count"] == 2
    assert result.rejected[0].row == 6
    assert result.rejected[0].reason.startswith("doc_type: unknown code \u201cscroll\u201d (known: agreement,")


def test_json_list_of_objects(db, tmp_path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps([
        {"kind": "official_visit", "date_start": "2025-05-02", "title_en": "Visit of the numbat envoy",
         "partners": ["AZE", "TUR"], "documents_signed": 3},
        {"kind": "summit", "date_start": "2025-06-01", "title_en": "Summit without partners"},
    ], ensure_ascii=False), encoding="utf-8")
    table, match, result = run(db, "event", path)
    assert table.format == "json" and match.sure
    assert result.add[0].values["partners"] == ("AZE", "TUR") and result.add[0].values["documents_signed"] == 3
    assert [str(r) for r in result.rejected] == ["row 2: partners: a value is required"]


# --- the preview --------------------------------------------------------------------------------------------------

def test_preview_sorts_rows_into_add_update_unchanged_and_reject(db, tmp_path):
    header = list(COLUMNS["trade"])
    base = trade_by_uid(db, "tr_tur_2013_fy_mfa_kz")  # TUR 2013 FY kazakh: the only one with that key
    rows = [
        # 2: new, with a uid of its own
        ["imp_new_1", "TKM", "2014", "FY", "1 234,5", "", "", "kazakh", "exact", "note", "", ""],
        # 3: the same uid again
        ["imp_new_1", "TKM", "2015", "FY", "1", "", "", "kazakh", "exact", "", "", ""],
        # 4: an update by uid
        ["tr_tur_2013_fy_mfa_kz", "TUR", "2013", "FY", "3500", "2595", "901", "kazakh", "exact", base["note_en"],
         base["note_ru"], "; ".join(sources_of(db, "trade", "tr_tur_2013_fy_mfa_kz"))],
        # 5: unchanged by uid
        ["tr_tur_2010_fy_kz_official", "TUR", "2010", "FY", "1851", "1235", "616", "kazakh", "exact",
         trade_by_uid(db, "tr_tur_2010_fy_kz_official")["note_en"],
         trade_by_uid(db, "tr_tur_2010_fy_kz_official")["note_ru"],
         "; ".join(sources_of(db, "trade", "tr_tur_2010_fy_kz_official"))],
        # 6: year out of range
        ["", "TKM", "1985", "FY", "5", "", "", "kazakh", "exact", "", "", ""],
        # 7: unknown partner, bad number
        ["", "XXX", "2016", "FY", "12abc", "", "", "kazakh", "exact", "", "", ""],
        # 8: the key of several records
        ["", "TUR", "2020", "FY", "3100", "", "", "kazakh", "exact", "", "", ""],
        # 9: an unknown source
        ["", "TKM", "2016", "FY", "5", "", "", "kazakh", "exact", "", "", "no_such_source"],
        # 10: more cells than the header
        ["", "TKM", "2017", "FY", "5", "", "", "kazakh", "exact", "", "", "", "surplus"],
        # 11: none of the three values
        ["", "TKM", "2018", "FY", "", "", "", "kazakh", "exact", "", "", ""],
        # 12: new by natural key, 13: its duplicate
        ["", "GEO", "2012", "H1", "10", "", "", "partner", "approx", "", "", ""],
        ["", "GEO", "2012", "h1", "11", "", "", "partner", "approx", "", "", ""],
    ]
    path = write_table(tmp_path / "t.csv", header, rows)
    _, match, result = run(db, "trade", path)
    assert match.sure
    assert result.rows_read == 12
    assert result.counts() == {"add": 2, "update": 1, "unchanged": 1, "reject": 8}
    assert [p.row for p in result.add] == [2, 12]
    assert result.update[0].row == 4 and result.update[0].changed == ("turnover_usd_m",)
    assert result.unchanged[0].row == 5
    reasons = {r.row: r.reason for r in result.rejected}
    assert reasons[3] == "the same record as row 2 (same uid); only the first is imported"
    assert reasons[6] == "year: out of range (1991\u20132100)"
    assert reasons[7] == ("partner_iso3: no partner in the atlas has the code \u201cXXX\u201d; "
                          "turnover_usd_m: \u201c12abc\u201d is not a number")
    assert reasons[8].startswith("matches 3 existing trade figures by partner, year, period and statistics "
                                 "(tr_tur_2020_fy_tokayev, ")
    assert reasons[8].endswith("add a uid column to say which one to update")
    assert reasons[9] == "sources: no source has the uid \u201cno_such_source\u201d"
    assert reasons[10] == "the row has 13 cells but the header has 12 columns (is the separator right?)"
    assert reasons[11] == "one of turnover_usd_m, exports_usd_m, imports_usd_m is required"
    assert reasons[13] == ("the same record as row 12 (same partner, year, period and statistics); "
                           "only the first is imported")
    assert str(result.rejected[0]) == "row 3: the same record as row 2 (same uid); only the first is imported"


def test_natural_keys_update_and_unchanged(db, tmp_path):
    # TUR 2010 FY kazakh is one record: an update by its key keeps the columns the file does not have
    path = write_table(tmp_path / "k.csv", ["Partner", "Year", "Exports, USD million", "Whose statistics"],
                       [["TUR", "2010", "1300", "kazakh"], ["TUR", "2011", "2574", "kazakh"]])
    _, _, result = run(db, "trade", path)
    assert [(p.row, p.uid, p.changed) for p in result.update] == [(2, "tr_tur_2010_fy_kz_official",
                                                                   ("exports_usd_m",))]
    assert [(p.row, p.uid) for p in result.unchanged] == [(3, "tr_tur_2011_fy_kz_official")]
    assert result.update[0].values["imports_usd_m"] == 616.0 and result.update[0].values["turnover_usd_m"] == 1851.0
    # events and agreements: by date and any title (case and spacing aside)
    event = db.conn.execute("SELECT date_start, title_en FROM events WHERE title_en IS NOT NULL LIMIT 1").fetchone()
    path = write_table(tmp_path / "e.csv", ["kind", "date_start", "title_en", "partners", "place_en"],
                       [["state_visit", event[0], "  " + event[1].upper() + " ", "TUR", "Somewhere new"]])
    _, _, result = run(db, "event", path)
    assert len(result.update) == 1 and "place_en" in result.update[0].changed


def test_a_record_changed_after_the_preview_is_not_overwritten(db, tmp_path):
    path = write_table(tmp_path / "k.csv", ["Partner", "Year", "Exports, USD million", "Whose statistics"],
                       [["TUR", "2010", "1300", "kazakh"]])
    _, _, result = run(db, "trade", path)
    db.conn.execute("UPDATE trade_figures SET note_en = 'changed meanwhile' WHERE uid = 'tr_tur_2010_fy_kz_official'")
    sources = db.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    with pytest.raises(StaleEdit):
        apply(db, result)
    assert trade_by_uid(db, "tr_tur_2010_fy_kz_official")["exports_usd_m"] == 1235.0
    assert db.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == sources


# --- applying: one change set, the file as a source, undo, cancel ---------------------------------------------------

def dump(db, tables=("trade_figures", "sources", "record_sources", "record_marks", "agreements",
                     "agreement_partners", "agreement_sectors", "agreement_keys")) -> dict:
    return {t: sorted(map(tuple, db.conn.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}


def test_apply_cites_the_file_as_a_source_and_undo_restores_everything(db, tmp_path):
    before = dump(db)
    old_sources = sources_of(db, "trade", "tr_tur_2010_fy_kz_official")
    path = write_table(tmp_path / "figures.csv", ["uid", "partner_iso3", "year", "exports_usd_m", "statistics"],
                       [["", "TKM", "2014", "10", "kazakh"], ["imp_b", "GEO", "2013", "20", "partner"],
                        ["tr_tur_2010_fy_kz_official", "TUR", "2010", "1300", "kazakh"]])
    _, _, result = run(db, "trade", path)
    assert result.counts() == {"add": 2, "update": 1, "unchanged": 0, "reject": 0}
    stored, changes = apply(db, result, "figures.csv")
    assert changes.touches("trade", "source") and len(stored.changes) == 4
    source = db.conn.execute("SELECT uid, title, published, taken_en, url FROM sources "
                             "ORDER BY id DESC LIMIT 1").fetchone()
    assert source[1:] == ("Imported from figures.csv", TODAY, f"3 rows imported on {TODAY}", None)
    assert sources_of(db, "trade", "imp_b") == [source[0]]
    assert sources_of(db, "trade", "tr_tur_2010_fy_kz_official") == old_sources + [source[0]]
    added = [r[0] for r in db.conn.execute("SELECT uid FROM trade_figures WHERE uid LIKE 'user_trade_%'")]
    assert len(added) == 1 and sources_of(db, "trade", added[0]) == [source[0]]
    assert trade_by_uid(db, "tr_tur_2010_fy_kz_official")["exports_usd_m"] == 1300.0
    marks = dict(db.conn.execute("SELECT record_uid, state FROM record_marks").fetchall())
    assert marks["imp_b"] == "added" and marks["tr_tur_2010_fy_kz_official"] == "changed"
    actions = {r[0] for r in db.conn.execute("SELECT DISTINCT action FROM change_log")}
    assert actions == {"import"}
    after = dump(db)

    history = History()
    history.push(stored)
    editor = Editor(db)
    history.undo(editor.apply)
    assert dump(db) == before
    history.redo(editor.apply)
    assert dump(db) == after


def test_cancel_during_apply_writes_nothing(db, tmp_path):
    rows = [[f"bulk_{i}", "TKM", str(1991 + i % 100), "FY", str(i + 1), "kazakh"] for i in range(250)]
    path = write_table(tmp_path / "bulk.csv", ["uid", "partner_iso3", "year", "period", "turnover_usd_m",
                                               "statistics"], rows)
    _, _, result = run(db, "trade", path)
    assert result.counts()["add"] == 250
    before = dump(db)
    log = db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    change_set = build_change_set(db, result, file_name="bulk.csv")
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    with pytest.raises(EditCancelled):
        apply_import(db, change_set, progress)
    assert calls == [(0, 251), (100, 251)]
    assert dump(db) == before
    assert db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == log


def test_nothing_to_import(db, tmp_path):
    path = write_table(tmp_path / "same.csv", ["Partner", "Year", "Exports, USD million", "Whose statistics"],
                       [["TUR", "2011", "2574", "kazakh"]])
    _, _, result = run(db, "trade", path)
    with pytest.raises(NothingToImport):
        build_change_set(db, result, file_name="same.csv")


def test_preview_progress_can_cancel(db, tmp_path):
    rows = [[f"p_{i}", "TKM", "2014", "1", "kazakh"] for i in range(1200)]
    path = write_table(tmp_path / "p.csv", ["uid", "partner_iso3", "year", "exports_usd_m", "statistics"], rows)
    table = read_table(path)
    seen = []
    from desktop.export.importing import ImportCancelled

    with pytest.raises(ImportCancelled):
        preview(db, "trade", table, progress=lambda done, total: seen.append((done, total)) or len(seen) < 2)
    assert seen == [(500, 1200), (1000, 1200)]


# --- hostile files -------------------------------------------------------------------------------------------------

def _billion_laughs_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["uid", "year"])
    plain = path.with_name("plain.xlsx")
    wb.save(plain)
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                body = text[text.index("<worksheet"):].replace(
                    "</sheetData>", '<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>')
                data = (f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [{entities}]>' + body).encode()
            zout.writestr(item, data)
    return path


def _zip_bomb_xlsx(path: Path) -> Path:
    """A 300 MB sheet of zeros that compresses to ~300 KB, written in 1 MB chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return path


def _truncated_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["uid", "year"])
    wb.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


HOSTILE = {
    "zero bytes": ("empty.csv", lambda p: p.write_bytes(b""), "is empty (0 bytes)"),
    "lone surrogate": ("surrogate.csv", lambda p: p.write_bytes(b"uid,title_en\na,Tit\xed\xa0\x80le\n"),
                       "neither UTF-8 nor Windows-1251"),
    "undecodable bytes": ("bad.csv", lambda p: p.write_bytes("uid,title_en\nб,Привет\n".encode() + b"\xff\xfe\x81\n"),
                          "neither UTF-8 nor Windows-1251"),
    "UTF-16 lone surrogate": ("s16.txt", lambda p: p.write_bytes(b"\xff\xfe" + "uid\tyear\na\t".encode("utf-16-le")
                                                                   + b"\x00\xd8" + "1\n".encode("utf-16-le")),
                              "cannot be decoded"),
    "unterminated quote": ("quote.csv", lambda p: p.write_bytes(b'uid,title_en\na,"never closed\nb,x\nc,y\n'),
                           "a quote (\") is never closed"),
    "200,000-character field": ("long.csv", lambda p: p.write_bytes(b'uid,title_en\na,"' + b"x" * 200_000 + b'"\n'),
                                "longer than 100,000 characters"),
    "100,001-character field": ("long2.csv", lambda p: p.write_bytes(b"uid,title_en\na," + b"x" * 100_001 + b"\n"),
                                "longer than 100,000 characters (100,001 characters)"),
    "JSON dict": ("dict.json", lambda p: p.write_text('{"uid": "a"}'), "holds an object, not a list of objects"),
    "JSON list of lists": ("lists.json", lambda p: p.write_text("[[1, 2]]"), "item 1 is a list"),
    "JSON scalar": ("scalar.json", lambda p: p.write_text("42"), "holds a number"),
    "JSON nested 100,000 deep": ("deep.json", lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
                                 "nested 100,000 levels deep"),
    "JSON nested object value": ("nested.json", lambda p: p.write_text('[{"uid": {"a": 1}}]'), "nested object"),
    "JSON syntax": ("broken.json", lambda p: p.write_text('[{"uid": "a"'), "is not valid JSON"),
    "XLSX not a zip": ("fake.xlsx", lambda p: p.write_bytes(b"uid,year\n"), "not a complete ZIP archive"),
    "XLSX truncated": ("trunc.xlsx", _truncated_xlsx, "not a complete ZIP archive"),
    "XLSX zip bomb": ("bomb.xlsx", _zip_bomb_xlsx, "as a ZIP bomb does"),
    "XLSX billion laughs": ("laughs.xlsx", _billion_laughs_xlsx, "declares entities"),
    "old .xls": ("old.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500),
                 "old Excel format"),
    "header only blank": ("blank.csv", lambda p: p.write_bytes(b"\r\n\r\n  \r\n"), "no header row"),
    "a million cells in a row": ("wide.csv", lambda p: p.write_bytes(b"uid,year\n" + b"," * 1_000_000 + b"\n"),
                                 "cells; at most 1,000 columns are read"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_files_are_refused_quickly_with_a_clear_message(tmp_path, case):
    name, make, message = HOSTILE[case]
    path = tmp_path / name
    make(path)
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as caught:
        table = read_table(path)
        for _ in table.rows():
            pass
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value) and str(caught.value)[-1] in ".)"
    assert time.perf_counter() - started < 3.0


def test_too_many_rows(tmp_path):
    path = write_table(tmp_path / "many.csv", ["uid"], [[f"u{i}"] for i in range(11)])
    with pytest.raises(ImportFileError, match="more than 10 data rows"):
        read_table(path, max_rows=10)
    import openpyxl

    wb = openpyxl.Workbook()
    for i in range(12):
        wb.active.append([f"u{i}"])
    wb.save(tmp_path / "many.xlsx")
    with pytest.raises(ImportFileError, match="more than 10 data rows"):
        list(read_table(tmp_path / "many.xlsx", max_rows=10).rows())


def test_openpyxl_parses_through_defusedxml():
    import openpyxl
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML and functions.iterparse.__module__.startswith("defusedxml")


def test_json_depth_without_recursion():
    assert json_depth('[{"a": "[[[[[[\\"", "b": [1, [2]]}]') == 4
    assert json_depth("[" * 200_000 + "]" * 200_000) == 200_000
    assert json_depth('"just a string"') == 0


def test_a_hostile_file_on_the_command_line_changes_nothing(db_copy, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_bytes(b'uid,partner_iso3,year,turnover_usd_m\na,TKM,2014,"1\n')
    out, err = io.StringIO(), io.StringIO()
    assert import_main("trade", str(path), str(db_copy), out=out, err=err) == 2
    assert "never closed" in err.getvalue()
    database = open_database(db_copy)
    try:
        assert database.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    finally:
        database.close()


# --- UN Comtrade ---------------------------------------------------------------------------------------------------

LEGACY_HEADER = ["Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code",
                 "Trade Flow Code", "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code",
                 "Partner", "Partner ISO", "2nd Partner Code", "2nd Partner", "2nd Partner ISO", "Customs Proc. Code",
                 "Customs", "Mode of Transport Code", "Mode of Transport", "Commodity Code", "Commodity",
                 "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code", "Alt Qty Unit", "Alt Qty", "Netweight (kg)",
                 "Gross weight (kg)", "Trade Value (US$)", "CIF Trade Value (US$)", "FOB Trade Value (US$)", "Flag"]


def legacy_row(year, period, level, flow, reporter, partner, commodity, value):
    codes = {"KAZ": ("398", "Kazakhstan"), "TUR": ("792", "Turkey"), "USA": ("842", "USA"), "WLD": ("0", "World"),
             "AZE": ("31", "Azerbaijan")}
    words = {"1": "Import", "2": "Export", "3": "Re-Export", "4": "Re-Import"}
    return ["H6", year, period, period, level, "0", flow, words[flow], codes[reporter][0], codes[reporter][1],
            reporter, codes[partner][0], codes[partner][1], partner, "", "", "", "", "", "", "", commodity,
            "All Commodities", "", "", "", "", "", "", "", "", value, "", "", "0"]


def test_comtrade_legacy_layout(db, tmp_path):
    rows = [
        legacy_row("2019", "2019", "0", "1", "KAZ", "TUR", "TOTAL", "1234567890"),   # 2: KAZ imports from TUR
        legacy_row("2019", "2019", "0", "2", "KAZ", "TUR", "TOTAL", "2345678901.5"),  # 3: KAZ exports to TUR
        legacy_row("2019", "201901", "0", "1", "KAZ", "TUR", "TOTAL", "100"),       # 4: monthly
        legacy_row("2019", "2019", "2", "1", "KAZ", "TUR", "27", "100"),            # 5: per commodity
        legacy_row("2019", "2019", "0", "3", "KAZ", "TUR", "TOTAL", "100"),         # 6: re-export
        legacy_row("2019", "2019", "0", "2", "TUR", "KAZ", "TOTAL", "1.0E+9"),      # 7: TUR's exports to KAZ
        legacy_row("2019", "2019", "0", "1", "KAZ", "USA", "TOTAL", "5000000"),     # 8: not a partner in the atlas
        legacy_row("2019", "2019", "0", "1", "TUR", "USA", "TOTAL", "5000000"),     # 9: not about Kazakhstan
    ]
    path = write_table(tmp_path / "comtrade.csv", LEGACY_HEADER, rows)
    raw = read_table(path)
    assert is_comtrade(raw) and not is_comtrade(Table.from_rows(["uid", "year"], []))
    table = comtrade_table(raw, "comtrade.csv")
    match = match_columns("trade", table.columns)
    assert match.sure
    result = preview(db, "trade", table, match)
    assert not result.rejected, result.rejected
    assert set(result.notes) == {
        "1 monthly or part-year rows skipped.", "1 per-commodity rows (only the total is taken) skipped.",
        "1 re-export and re-import rows skipped.", "1 rows about trade between other countries skipped.",
        "1 row(s) about countries that are not partners in the atlas were left out (USA)."}
    [kazakh] = [p for p in result.add if p.values["statistics"] == "kazakh"]
    assert (kazakh.values["partner_iso3"], kazakh.values["year"], kazakh.values["period"]) == ("TUR", 2019, "FY")
    assert kazakh.values["imports_usd_m"] == 1234.56789
    assert kazakh.values["exports_usd_m"] == pytest.approx(2345.6789015, abs=1e-6)
    assert kazakh.values["turnover_usd_m"] == pytest.approx(3580.246792)
    assert kazakh.values["qualifier"] == "exact" and "comtrade.csv" in kazakh.values["note_en"]
    assert kazakh.row == 2
    # the mirror figure updates the one TUR 2019 figure of the partner's statistics: its exports are our imports
    [mirror] = result.update
    assert mirror.uid == "tr_tur_2019_fy_mfa_tr" and mirror.row == 7
    assert mirror.values["imports_usd_m"] == 1000.0 and mirror.values["exports_usd_m"] is None
    assert "mirror" in mirror.values["note_en"]
    apply(db, result, "comtrade.csv")
    assert trade_by_uid(db, "tr_tur_2019_fy_mfa_tr")["imports_usd_m"] == 1000.0


NEW_HEADER = ["typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
              "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
              "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode",
              "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc",
              "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated",
              "altQtyUnitCode", "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated",
              "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag",
              "isReported", "isAggregate"]


def new_row(freq, year, month, period, reporter, flow, partner, cmd="TOTAL", mot="0", value="0"):
    codes = {"KAZ": ("398", "Kazakhstan"), "AZE": ("31", "Azerbaijan"), "CHN": ("156", "China")}
    return ["C", freq, f"{year}0101", year, month, period, codes[reporter][0], reporter, codes[reporter][1], flow,
            flow, codes[partner][0], partner, codes[partner][1], "0", "W00", "World", "H6", "HS", "True", cmd, "All",
            "0", "False", "C00", "TOTAL CPC", "0", mot, "TOTAL MOT", "-1", "N/A", "0", "False", "-1", "N/A", "0",
            "False", "0", "False", "0", "False", value, value, value, "0", "True", "True"]


def test_comtrade_new_layout(db, tmp_path):
    rows = [
        new_row("A", "2021", "52", "2021", "KAZ", "M", "AZE", value="86600000"),      # 2
        new_row("A", "2021", "52", "2021", "KAZ", "X", "AZE", value="375300000"),     # 3
        new_row("M", "2021", "3", "202103", "KAZ", "X", "AZE", value="1"),           # 4: monthly
        new_row("A", "2021", "52", "2021", "KAZ", "X", "AZE", mot="2100", value="1"),  # 5: by mode of transport
        new_row("A", "2021", "52", "2021", "KAZ", "RX", "AZE", value="1"),           # 6: re-export
        new_row("A", "2021", "52", "2021", "KAZ", "X", "AZE", cmd="2709", value="1"),  # 7: per commodity
        new_row("A", "2021", "52", "2021", "AZE", "X", "KAZ", value="130000000"),    # 8: AZE's exports to KAZ
        new_row("A", "2021", "52", "2021", "AZE", "M", "KAZ", value="5700000"),      # 9: AZE's imports from KAZ
        new_row("A", "2021", "52", "2021", "KAZ", "X", "CHN", value="abc"),          # 10: bad value
    ]
    path = write_table(tmp_path / "TradeData.csv", NEW_HEADER, rows)
    table = comtrade_table(read_table(path), "TradeData.csv")
    conversion = convert(read_table(path), "TradeData.csv")
    assert conversion.layout == "new"
    assert conversion.skipped == {"monthly": 1, "breakdown": 1, "reexport": 1, "commodity": 1}
    result = preview(db, "trade", table)
    assert [str(r) for r in result.rejected] == ["row 10: trade value: \u201cabc\u201d is not a number"]
    [added] = result.add
    assert added.values["statistics"] == "kazakh" and added.values["partner_iso3"] == "AZE"
    assert (added.values["imports_usd_m"], added.values["exports_usd_m"]) == (86.6, 375.3)
    assert added.values["turnover_usd_m"] == pytest.approx(461.9)
    [mirror] = result.update  # tr_aze_2021_fy_azernews: the one AZE 2021 figure of the partner's statistics
    assert mirror.uid == "tr_aze_2021_fy_azernews"
    assert (mirror.values["imports_usd_m"], mirror.values["exports_usd_m"]) == (130.0, 5.7)
    assert mirror.values["turnover_usd_m"] == pytest.approx(135.7)


def test_comtrade_kind_refuses_another_file(tmp_path):
    path = write_table(tmp_path / "plain.csv", ["uid", "year"], [["a", "2020"]])
    with pytest.raises(ImportFileError, match="not a UN Comtrade download"):
        comtrade_table(read_table(path), "plain.csv")


# --- round trips ---------------------------------------------------------------------------------------------------

def test_round_trip_of_trade_figures_written_by_hand(db, tmp_path):
    editor = Editor(db)
    ids = [r[0] for r in db.conn.execute("SELECT id FROM trade_figures WHERE partner_id = "
                                         "(SELECT id FROM partners WHERE iso3 = 'AZE') ORDER BY id")]
    source_uid = dict(db.conn.execute("SELECT id, uid FROM sources").fetchall())
    originals = {}
    rows = []
    for record_id in ids:
        values = editor.values_of("trade", record_id)
        uid = editor.snapshot("trade", record_id).uid
        originals[uid] = values
        cells = [uid]
        for column in COLUMNS["trade"][1:]:
            value = values.get(column)
            if column == "sources":
                value = "; ".join(source_uid[s] for s in value)
            if isinstance(value, float):
                value = str(value).replace(".", ",")  # decimal commas
            cells.append("" if value is None else str(value))
        rows.append(cells)
    path = write_table(tmp_path / "aze.csv", list(COLUMNS["trade"]), rows, delimiter=";", encoding="utf-8-sig")
    db.conn.execute(f"DELETE FROM trade_figures WHERE id IN ({', '.join(map(str, ids))})")
    _, _, result = run(db, "trade", path)
    assert result.counts() == {"add": len(ids), "update": 0, "unchanged": 0, "reject": 0}, result.rejected
    apply(db, result, "aze.csv")
    new_source = db.conn.execute("SELECT id FROM sources ORDER BY id DESC LIMIT 1").fetchone()[0]
    for uid, values in originals.items():
        record_id = db.conn.execute("SELECT id FROM trade_figures WHERE uid = ?", (uid,)).fetchone()[0]
        back = editor.values_of("trade", record_id)
        assert back.pop("sources") == values.pop("sources") + [new_source]
        assert back == values


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_round_trip_through_the_exporter(db, tmp_path, fmt):
    path = tmp_path / f"agreements.{fmt}"
    editor = Editor(db)
    ids = [r[0] for r in db.conn.execute("SELECT id FROM agreements ORDER BY id")]
    originals = {editor.snapshot("agreement", i).uid: editor.values_of("agreement", i) for i in ids}
    assert writers.export_kind(db, "agreement", fmt, path, delimiter=";") == len(ids)
    _, match, result = run(db, "agreement", path)
    assert match.sure and result.counts() == {"add": 0, "update": 0, "unchanged": len(ids), "reject": 0}
    db.conn.execute("DELETE FROM agreements")
    result = run(db, "agreement", path)[2]
    assert result.counts()["add"] == len(ids), result.rejected[:3]
    apply(db, result, path.name)
    for uid, values in originals.items():
        record_id = db.conn.execute("SELECT id FROM agreements WHERE uid = ?", (uid,)).fetchone()[0]
        back = editor.values_of("agreement", record_id)
        back.pop("sources"), values.pop("sources")
        assert back == values, uid


def test_text_an_export_protected_from_spreadsheets_comes_back(db, tmp_path):
    values = ["=1+2", "-minus", "+plus", "@at", "'=quoted", "plain", "'apostrophe"]
    rows = [{"uid": f"f_{i}", "partner_iso3": "TKM", "year": 2014, "period": "FY", "turnover_usd_m": 1.5,
             "exports_usd_m": None, "imports_usd_m": None, "statistics": "kazakh", "qualifier": "exact",
             "note_en": text, "note_ru": None, "sources": None} for i, text in enumerate(values)]
    path = tmp_path / "formulas.csv"
    writers.write_csv(path, COLUMNS["trade"], rows)
    _, _, result = run(db, "trade", path)
    assert [p.values["note_en"] for p in result.add] == values


# --- the command line ----------------------------------------------------------------------------------------------

def cli(kind: str, path: Path, db_path: Path, dry_run: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = import_main(kind, str(path), str(db_path), dry_run, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def count(db_path: Path, sql: str) -> int:
    database = open_database(db_path)
    try:
        return database.conn.execute(sql).fetchone()[0]
    finally:
        database.close()


def test_cli_dry_run_apply_and_exit_statuses(db_copy, tmp_path):
    good = write_table(tmp_path / "good.csv", RU_TRADE_HEADER, RU_TRADE_ROWS, delimiter=";")
    status, out, _ = cli("trade", good, db_copy, dry_run=True)
    assert status == 0 and "To add: 2  To update: 0  Unchanged: 0  Rejected: 0" in out and "Dry run" in out
    assert count(db_copy, "SELECT count(*) FROM change_log") == 0
    status, out, _ = cli("trade", good, db_copy)
    assert status == 0 and "Imported: 2 added, 0 updated" in out
    assert count(db_copy, "SELECT count(*) FROM sources WHERE title = 'Imported from good.csv'") == 1
    status, out, _ = cli("trade", good, db_copy)  # again: the same rows by their natural keys
    assert status == 0 and "Unchanged: 2" in out and "Nothing to import" in out

    bad = write_table(tmp_path / "bad.csv", ["partner_iso3", "year", "exports_usd_m"],
                      [["TKM", str(1700 + i), "1"] for i in range(250)] + [["GEO", "2014", "1"]])
    log = count(db_copy, "SELECT count(*) FROM change_log")
    status, out, _ = cli("trade", bad, db_copy)
    assert status == 1
    assert "row 2: year: out of range (1991\u20132100)" in out and "and 50 more" in out
    assert "Nothing was imported" in out and count(db_copy, "SELECT count(*) FROM change_log") == log
    lines = out.splitlines()
    assert sum(1 for line in lines if line.startswith("row ")) == 200

    unsure = write_table(tmp_path / "unsure.csv", ["Country", "Year", "Exports"], [["TKM", "2014", "1"]])
    status, _, err = cli("trade", unsure, db_copy)
    assert status == 2 and "not recognised with certainty" in err and "Country -> partner_iso3" in err
    status, _, err = cli("trade", tmp_path / "missing.csv", db_copy)
    assert status == 2 and "does not exist" in err


def test_cli_comtrade(db_copy, tmp_path):
    rows = [legacy_row("2018", "2018", "0", "2", "KAZ", "AZE", "TOTAL", "300000000")]
    path = write_table(tmp_path / "comtrade.csv", LEGACY_HEADER, rows)
    status, out, _ = cli("comtrade", path, db_copy)
    assert status == 0 and "Imported: 1 added" in out
    assert count(db_copy, "SELECT count(*) FROM trade_figures WHERE year = 2018 AND statistics = 'kazakh' "
                          "AND period = 'FY' AND exports_usd_m = 300") == 1
    status, _, err = cli("trade", path, db_copy)
    assert status == 2 and "kind \u201ccomtrade\u201d" in err


# --- a large file --------------------------------------------------------------------------------------------------

def test_thirty_thousand_rows(db, tmp_path):
    partners = ["AFG", "AZE", "CHN", "GEO", "IRN", "TKM", "TUR"]
    path = tmp_path / "large.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(";".join(COLUMNS["trade"]) + "\r\n")
        for i in range(30_000):
            fh.write(f"large_{i};{partners[i % 7]};{1991 + i % 100};FY;{i // 1000} {i % 1000:03d},5;;;kazakh;"
                     f"exact;Row {i};;\r\n")
    before = db.conn.execute("SELECT count(*) FROM trade_figures").fetchone()[0]
    table, match, result = run(db, "trade", path)
    assert match.sure and result.counts()["add"] == 30_000, result.rejected[:3]
    assert result.add[1234].values["turnover_usd_m"] == 1234.5
    apply(db, result, "large.csv")
    assert db.conn.execute("SELECT count(*) FROM trade_figures").fetchone()[0] == before + 30_000
