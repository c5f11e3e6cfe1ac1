"""Exports: the file form read from SQL, CSV/XLSX/JSON/GeoJSON writers, formulas kept as text, atomic writes."""
from __future__ import annotations

import csv
import datetime as _dt
import errno
import io
import json
import os
from pathlib import Path

import openpyxl
import pytest

from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.editing import TABLES, Editor
from desktop.export import writers
from desktop.export.cli_export import export_main
from desktop.export.fileformat import COLUMNS, DATE_COLUMNS, EXPORT_KINDS, LIST_FIELDS, REFERENCE_COLUMNS, file_column
from desktop.export.readers import xlsx_text_back
from desktop.export.records import count_rows, export_features, export_rows, select_ids
from desktop.export.writers import ExportCancelled, ExportError, export_kind, run_export

FORMATS = ("csv", "xlsx", "json", "geojson")
BOM = b"\xef\xbb\xbf"


def _csv_rows(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def _sheet(path: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(path).active
    return [tuple(c for c in row) for row in ws.iter_rows()]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ------------------------------------------------------------------------------------------------ the file form

def _form_to_file(db, kind: str, values: dict) -> dict:
    """Editor.values_of turned into the file form by hand: the reference the export must match."""
    def uid_of(table: str, rid: int | None) -> str | None:
        if rid is None:
            return None
        return db.conn.execute(f"SELECT uid FROM {table} WHERE id = ?", (rid,)).fetchone()[0]

    out = {}
    for column in COLUMNS[kind][1:]:
        field = next(f for f in values if file_column(f) == column) if column not in values else column
        value = values[field]
        if field in REFERENCE_COLUMNS:
            value = uid_of(TABLES[REFERENCE_COLUMNS[field][1]], value)
        elif field in LIST_FIELDS:
            if field == "sources":
                value = [uid_of("sources", s) for s in value]
            value = "; ".join(value) or None
        out[column] = value
    return out


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_rows_are_the_edit_form_values(repo, kind):
    editor = Editor(repo.db)
    rows = list(export_rows(repo.db, kind))
    assert len(rows) == count_rows(repo.db, kind) > 0
    ids = [r[0] for r in repo.db.conn.execute(f"SELECT id FROM {TABLES[kind]} ORDER BY id")]
    for rid, row in list(zip(ids, rows, strict=True))[:40]:
        assert tuple(row) == COLUMNS[kind]
        uid = repo.db.conn.execute(f"SELECT uid FROM {TABLES[kind]} WHERE id = ?", (rid,)).fetchone()[0]
        assert row["uid"] == uid
        expected = _form_to_file(repo.db, kind, editor.values_of(kind, rid))
        assert {k: v for k, v in row.items() if k != "uid"} == expected


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_every_kind_exports_in_every_format(repo, tmp_path, kind):
    expected = list(export_rows(repo.db, kind))
    for fmt in FORMATS:
        path = tmp_path / f"{kind}.{fmt}"
        if fmt == "geojson" and kind not in ("node", "segment"):
            with pytest.raises(ExportError, match="Only nodes and segments"):
                export_kind(repo.db, kind, fmt, path)
            assert not path.exists()
            continue
        n = export_kind(repo.db, kind, fmt, path)
        if fmt == "csv":
            assert path.read_bytes().startswith(BOM)
            lines = _csv_rows(path)
            assert tuple(lines[0]) == COLUMNS[kind] and len(lines) == n + 1 == len(expected) + 1
            assert [line[0] for line in lines[1:]] == [r["uid"] for r in expected]
        elif fmt == "xlsx":
            rows = _sheet(path)
            assert tuple(c.value for c in rows[0]) == COLUMNS[kind] and len(rows) == n + 1 == len(expected) + 1
            # (cell text as stored: a uid such as "tg_aze_201704_x2_to_2.5" has its underscore escaped)
            assert [xlsx_text_back(r[0].value) for r in rows[1:]] == [r["uid"] for r in expected]
        elif fmt == "json":
            assert json.loads(path.read_text(encoding="utf-8")) == expected and n == len(expected)
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
            assert data["type"] == "FeatureCollection" and len(data["features"]) == n
    assert _leftovers(tmp_path) == []


def test_csv_writes_numbers_bools_and_none(repo, tmp_path):
    export_kind(repo.db, "partner", "csv", tmp_path / "p.csv")
    lines = _csv_rows(tmp_path / "p.csv")
    header = lines[0]
    focus = {line[header.index("iso3")]: line[header.index("is_focus")] for line in lines[1:]}
    assert set(focus.values()) <= {"true", "false"} and "true" in focus.values()
    export_kind(repo.db, "node", "csv", tmp_path / "n.csv")
    lines = _csv_rows(tmp_path / "n.csv")
    lat = lines[0].index("lat")
    assert any(line[lat] == "" for line in lines[1:]), "a node without coordinates has empty cells"
    assert all(float(line[lat]) for line in lines[1:] if line[lat])


# ------------------------------------------------------------------------------------------------ options

def test_semicolon_and_cp1251(repo, tmp_path):
    path = tmp_path / "a.csv"
    export_kind(repo.db, "agreement", "csv", path, delimiter=";", encoding="cp1251", errors="replace")
    raw = path.read_bytes()
    assert not raw.startswith(BOM)
    lines = _csv_rows(path, encoding="cp1251", delimiter=";")
    assert tuple(lines[0]) == COLUMNS["agreement"]
    titles = [line[COLUMNS["agreement"].index("title_ru")] for line in lines[1:]]
    expected = [r["title_ru"] or "" for r in export_rows(repo.db, "agreement")]
    assert titles == expected and any(t and t[0] in "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ" for t in titles)
    # Türkiye has no ü in cp1251: the replacement keeps it readable
    assert "Turkiye" in raw.decode("cp1251") and "?" not in "".join(titles)


def test_cp1251_strict_names_the_record_and_the_character(repo, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"old")
    with pytest.raises(ExportError) as info:
        export_kind(repo.db, "agreement", "csv", path, encoding="cp1251")
    message = str(info.value)
    assert "cp1251" in message and "(uid ag_" in message and "column title_en" in message
    assert any(code in message for code in ("U+00FC", "U+015F", "U+011F"))  # ü, ş, ğ
    assert path.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_cp1251_replace_writes_kazakh_letters_as_russian(repo, tmp_path):
    path = tmp_path / "p.csv"
    export_kind(repo.db, "partner", "csv", path, encoding="cp1251", errors="replace")
    text = path.read_bytes().decode("cp1251")
    assert "Ауганстан" in text  # Ауғанстан: ғ written as г


@pytest.mark.parametrize("delimiter", ["", ";;", '"', "\n", "a"])
def test_bad_delimiter_is_refused(repo, tmp_path, delimiter):
    with pytest.raises(ExportError):
        export_kind(repo.db, "partner", "csv", tmp_path / "p.csv", delimiter=delimiter)


def test_unknown_encoding_format_and_kind(repo, tmp_path):
    with pytest.raises(ExportError, match="encoding"):
        export_kind(repo.db, "partner", "csv", tmp_path / "p.csv", encoding="klingon")
    with pytest.raises(ExportError, match="format"):
        export_kind(repo.db, "partner", "pdf", tmp_path / "p.pdf")
    with pytest.raises(ExportError, match="kind"):
        export_kind(repo.db, "widget", "csv", tmp_path / "p.csv")
    assert not (tmp_path / "p.csv").exists() and _leftovers(tmp_path) == []


# ------------------------------------------------------------------------------------------------ formulas

TRICKY = {
    "title_en": '=HYPERLINK("http://x")',
    "title_ru": "+7 700 123 45 67",
    "title_kk": "-x",
    "summary_en": "@sum(A1:A2)",
    "summary_ru": "#N/A",
}


def _tricky(repo) -> None:
    with repo.db.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = ?, title_ru = ?, title_kk = ?, summary_en = ?, summary_ru = ? "
                     "WHERE id = 1", tuple(TRICKY.values()))
        conn.execute("UPDATE facts SET value = '-5%', value_num = -12.5 WHERE id = 1")
        conn.execute("UPDATE facts SET value = '=1+1', value_num = 7 WHERE id = 2")


def test_formulas_stay_text_in_csv(repo, tmp_path):
    _tricky(repo)
    export_kind(repo.db, "agreement", "csv", tmp_path / "a.csv")
    lines = _csv_rows(tmp_path / "a.csv")
    row = dict(zip(lines[0], next(line for line in lines[1:] if line[0] == _uid(repo, "agreements", 1)), strict=True))
    assert row["title_en"] == "'" + TRICKY["title_en"]
    assert row["title_ru"] == "'+7 700 123 45 67"
    assert row["title_kk"] == "'-x"
    assert row["summary_en"] == "'@sum(A1:A2)"
    assert row["summary_ru"] == "#N/A"
    record = next(r for r in export_rows(repo.db, "agreement") if r["uid"] == row["uid"])
    for column, value in record.items():
        assert row[column] == (writers.csv_text(value) if isinstance(value, str) else str(value or "")), column
    export_kind(repo.db, "fact", "csv", tmp_path / "f.csv")
    lines = _csv_rows(tmp_path / "f.csv")
    facts = {line[0]: dict(zip(lines[0], line, strict=True)) for line in lines[1:]}
    first, second = facts[_uid(repo, "facts", 1)], facts[_uid(repo, "facts", 2)]
    assert first["value"] == "'-5%" and first["value_num"] == "-12.5", "a negative number stays a number"
    assert second["value"] == "'=1+1" and second["value_num"] == "7.0"


@pytest.mark.parametrize("text", ["=1+1", "+7", "-x", "@a", "\tx", "\rx", "'=x", "''+x", "'plain", "it's", "", "a=b"])
def test_csv_text_round_trips(text):
    written = writers.csv_text(text)
    assert writers.csv_text_back(written) == text
    assert written[:1] not in "=+-@\t\r" or not written


def test_formulas_stay_text_in_xlsx(repo, tmp_path):
    _tricky(repo)
    export_kind(repo.db, "agreement", "xlsx", tmp_path / "a.xlsx")
    rows = _sheet(tmp_path / "a.xlsx")
    header = [c.value for c in rows[0]]
    first = next(r for r in rows[1:] if r[0].value == _uid(repo, "agreements", 1))
    row = dict(zip(header, first, strict=True))
    for column, text in TRICKY.items():
        assert row[column].data_type == "s" and row[column].value == text, column
    for r in rows[1:]:
        for h, cell in zip(header, r, strict=True):
            if isinstance(cell.value, str):
                assert cell.data_type == "s", (h, cell.value)
    export_kind(repo.db, "fact", "xlsx", tmp_path / "f.xlsx")
    rows = _sheet(tmp_path / "f.xlsx")
    header = [c.value for c in rows[0]]
    facts = {r[0].value: dict(zip(header, r, strict=True)) for r in rows[1:]}
    first, second = facts[_uid(repo, "facts", 1)], facts[_uid(repo, "facts", 2)]
    assert first["value"].data_type == "s" and first["value"].value == "-5%"
    assert first["value_num"].data_type == "n" and first["value_num"].value == -12.5
    assert second["value"].data_type == "s" and second["value"].value == "=1+1"
    assert second["value_num"].data_type == "n" and second["value_num"].value == 7


def test_xlsx_dates(repo, tmp_path):
    export_kind(repo.db, "agreement", "xlsx", tmp_path / "a.xlsx")
    rows = _sheet(tmp_path / "a.xlsx")
    header = [c.value for c in rows[0]]
    col = header.index("date_signed")
    expected = {r["uid"]: r["date_signed"] for r in export_rows(repo.db, "agreement")}
    kinds = set()
    for r in rows[1:]:
        cell, iso = r[col], expected[r[0].value]
        if iso is None:
            assert cell.value is None
        elif len(iso) == 10:
            assert cell.is_date and cell.value.date() == _dt.date.fromisoformat(iso)
            assert "yy" in cell.number_format
            kinds.add("full")
        else:
            assert cell.data_type == "s" and cell.value == iso
            kinds.add("partial")
    assert kinds == {"full", "partial"}
    assert "date_signed" in DATE_COLUMNS


def _uid(repo, table: str, rid: int) -> str:
    return repo.db.conn.execute(f"SELECT uid FROM {table} WHERE id = ?", (rid,)).fetchone()[0]


# ------------------------------------------------------------------------------------------------ JSON, GeoJSON

def test_json_is_the_rows(repo, tmp_path):
    for kind in ("agreement", "partner", "fact"):
        path = tmp_path / f"{kind}.json"
        export_kind(repo.db, kind, "json", path)
        text = path.read_text(encoding="utf-8")
        assert json.loads(text) == list(export_rows(repo.db, kind))
        assert "\\u04" not in text, "Cyrillic is written as is (ensure_ascii=False)"


def test_geojson_nodes_and_segments(repo, tmp_path):
    conn = repo.db.conn
    placed = conn.execute("SELECT count(*) FROM nodes WHERE lat IS NOT NULL AND lon IS NOT NULL").fetchone()[0]
    unplaced = conn.execute("SELECT count(*) FROM nodes").fetchone()[0] - placed
    result = run_export(repo.db, "node", "geojson", tmp_path / "n.geojson")
    data = json.loads((tmp_path / "n.geojson").read_text(encoding="utf-8"))
    assert result.rows == len(data["features"]) == placed and result.left_out == unplaced > 0
    for f in data["features"]:
        assert f["geometry"]["type"] == "Point"
        assert f["geometry"]["coordinates"] == [f["properties"]["lon"], f["properties"]["lat"]]
        assert tuple(f["properties"]) == COLUMNS["node"]

    both = conn.execute("SELECT count(*) FROM segments s JOIN nodes a ON a.id = s.from_node_id JOIN nodes b "
                        "ON b.id = s.to_node_id WHERE a.lat IS NOT NULL AND b.lat IS NOT NULL").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM segments").fetchone()[0]
    result = run_export(repo.db, "segment", "geojson", tmp_path / "s.geojson")
    data = json.loads((tmp_path / "s.geojson").read_text(encoding="utf-8"))
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert result.rows == len(lines) == len(data["features"]) == both and result.left_out == total - both > 0
    coords = {r["uid"]: [r["lon"], r["lat"]] for r in export_rows(repo.db, "node")}
    for f in lines:
        p = f["properties"]
        line = f["geometry"]["coordinates"]  # from one end through the route's points to the other
        assert line[0] == coords[p["from_node"]] and line[-1] == coords[p["to_node"]]
        assert len(line) == 2 + len(json.loads(p["route"] or "[]"))
    assert sum(1 for _, c in export_features(repo.db, "segment") if c) == both


# ------------------------------------------------------------------------------------------------ selections

@pytest.mark.parametrize("query", [
    AgreementQuery(text="energy"),
    AgreementQuery(partners=("TUR",)),
    AgreementQuery(partners=("TUR",), sort="title", descending=False),
    AgreementQuery(include_alternatives=True, sort="partner"),
])
def test_query_exports_the_view_in_its_order(repo, tmp_path, query):
    ids = AgreementSearch(repo.db).all_ids(query)
    assert ids
    uids = [_uid(repo, "agreements", i) for i in ids]
    assert count_rows(repo.db, "agreement", query=query) == len(ids)
    assert [r["uid"] for r in export_rows(repo.db, "agreement", query=query)] == uids
    export_kind(repo.db, "agreement", "csv", tmp_path / "q.csv", query=query)
    assert [line[0] for line in _csv_rows(tmp_path / "q.csv")[1:]] == uids


def test_everything_includes_alternatives_by_id(repo):
    ids = [r[0] for r in repo.db.conn.execute("SELECT id FROM agreements ORDER BY id")]
    assert select_ids(repo.db, "agreement") == ids
    hidden = repo.db.conn.execute("SELECT count(*) FROM agreement_keys WHERE hidden = 1").fetchone()[0]
    assert hidden > 0, "the seed has alternatives"
    assert count_rows(repo.db, "agreement") == len(ids) == AgreementSearch(repo.db).count(AgreementQuery()) + hidden


def test_partner_filter(repo, tmp_path):
    for kind in ("trade", "target", "fact"):
        rows = list(export_rows(repo.db, kind, partner="tur"))
        assert rows and all(r["partner_iso3"] == "TUR" for r in rows)
        assert count_rows(repo.db, kind, partner="TUR") == len(rows)
    for kind in ("agreement", "event"):
        rows = list(export_rows(repo.db, kind, partner="TUR"))
        assert rows and all("TUR" in r["partners"].split("; ") for r in rows)
    assert [r["iso3"] for r in export_rows(repo.db, "partner", partner="AZE")] == ["AZE"]
    with pytest.raises(ExportError, match="no partner"):
        export_kind(repo.db, "node", "csv", tmp_path / "n.csv", partner="TUR")
    with pytest.raises(ExportError, match="No partner has the code"):
        export_kind(repo.db, "trade", "csv", tmp_path / "t.csv", partner="XXX")


def test_explicit_ids_keep_their_order_and_skip_unknown(repo):
    rows = list(export_rows(repo.db, "event", ids=[5, 3, 99999, 1]))
    assert [r["uid"] for r in rows] == [_uid(repo, "events", i) for i in (5, 3, 1)]
    assert count_rows(repo.db, "event", ids=[5, 3, 99999, 1]) == 3


# ------------------------------------------------------------------------------------------------ failures

@pytest.fixture
def old_target(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.file"
    target.write_bytes(b"the previous export\n")
    return target


def test_missing_folder_and_folder_target(repo, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_kind(repo.db, "agreement", "csv", tmp_path / "missing" / "a.csv")
    folder = tmp_path / "a.csv"
    folder.mkdir()
    for fmt in ("csv", "xlsx", "json"):
        with pytest.raises(ExportError, match="is a folder"):
            export_kind(repo.db, "agreement", fmt, folder)
    assert folder.is_dir() and not any(folder.iterdir()) and _leftovers(tmp_path) == []


def test_exporting_over_the_database_is_refused(repo):
    before = repo.db.path.read_bytes()
    with pytest.raises(ExportError, match="open database"):
        export_kind(repo.db, "agreement", "csv", repo.db.path)
    assert repo.db.path.read_bytes() == before


class _FullDisk(io.RawIOBase):
    """A file that takes ``room`` bytes and then fails as a full disk does."""

    def __init__(self, raw, room: int):
        self.raw, self.room = raw, room

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.raw.seekable()

    def write(self, data) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.raw.write(data)

    def seek(self, *args):
        return self.raw.seek(*args)

    def tell(self):
        return self.raw.tell()

    def fileno(self):
        return self.raw.fileno()

    def flush(self):
        self.raw.flush()

    def close(self):
        if not self.closed:
            super().close()
            self.raw.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "geojson"])
def test_disk_full_midway_keeps_the_old_file(repo, old_target, monkeypatch, fmt):
    real_fdopen = os.fdopen
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 5)
    monkeypatch.setattr(writers.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode), 3000))
    kind = "segment" if fmt == "geojson" else "agreement"
    with pytest.raises(ExportError, match="disk is full"):
        export_kind(repo.db, kind, fmt, old_target)
    assert old_target.read_bytes() == b"the previous export\n"
    assert _leftovers(old_target.parent) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "geojson"])
def test_cancel_keeps_the_old_file(repo, old_target, monkeypatch, fmt):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 10)
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 20

    kind = "segment" if fmt == "geojson" else "agreement"
    with pytest.raises(ExportCancelled):
        export_kind(repo.db, kind, fmt, old_target, progress=progress)
    assert calls[:2] == [(10, count_rows(repo.db, kind)), (20, count_rows(repo.db, kind))]
    assert old_target.read_bytes() == b"the previous export\n"
    assert _leftovers(old_target.parent) == []


def test_progress_reaches_the_total(repo, tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 25)
    calls = []
    n = export_kind(repo.db, "agreement", "csv", tmp_path / "a.csv", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(25, n), (50, n), (75, n), (n, n)]


def test_a_failing_database_read_keeps_the_old_file(repo, old_target, monkeypatch):
    def broken(*args, **kwargs):
        yield {c: None for c in COLUMNS["agreement"]}
        raise __import__("sqlite3").OperationalError("disk I/O error")

    monkeypatch.setattr(writers, "export_rows", broken)
    with pytest.raises(ExportError, match="could not be read"):
        export_kind(repo.db, "agreement", "csv", old_target)
    assert old_target.read_bytes() == b"the previous export\n" and _leftovers(old_target.parent) == []


def test_replaced_file_keeps_its_permissions(repo, old_target):
    os.chmod(old_target, 0o640)
    export_kind(repo.db, "partner", "csv", old_target)
    assert old_target.stat().st_mode & 0o777 == 0o640
    assert old_target.read_bytes().startswith(BOM)


# ------------------------------------------------------------------------------------------------ command line

def test_cli_export(db_copy, tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert export_main("agreement", "csv", str(out), db_path=str(db_copy)) == 0
    assert capsys.readouterr().out.strip() == f"Wrote 76 agreements to {out}."
    assert export_main("node", "geojson", str(tmp_path / "n.geojson"), db_path=str(db_copy)) == 0
    assert "without coordinates left out" in capsys.readouterr().out
    assert export_main("trade", "csv", str(tmp_path / "t.csv"), db_path=str(db_copy), delimiter=";",
                       encoding="cp1251", partner="TUR") == 2
    assert "--encoding-errors replace" in capsys.readouterr().err and not (tmp_path / "t.csv").exists()
    assert export_main("trade", "csv", str(tmp_path / "t.csv"), db_path=str(db_copy), delimiter=";",
                       encoding="cp1251", partner="TUR", errors="replace") == 0
    assert "trade figures" in capsys.readouterr().out
    assert export_main("agreement", "csv", str(tmp_path / "nope" / "a.csv"), db_path=str(db_copy)) == 2
    err = capsys.readouterr().err
    assert err.startswith("partnership-atlas: The folder") and err.strip().endswith(".")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello")
    assert export_main("agreement", "csv", str(out), db_path=str(junk)) == 2
    assert "not a Partnership Atlas database" in capsys.readouterr().err
