"""Writing exported records to CSV, XLSX, JSON and GeoJSON files, whole or not at all.

Every file is written to a temporary file beside the target, flushed to disk, then renamed over the target
in one step (:func:`desktop.core.atomic.replacing`): a failure (disk full, no permission, the target is a
folder, a name too long) or a cancel removes the temporary file and leaves an existing target untouched.

Text that a spreadsheet would run as a formula is kept as text:

- CSV: a text value starting with "=", "+", "-", "@", a tab or a carriage return gets a leading
  apostrophe ("'=1+2"), which spreadsheets show as text (numbers stay numbers: -5 is written as -5); so does
  a value that already starts with apostrophes followed by one of those, so that :func:`csv_text_back`
  (one apostrophe off such a value) gives back exactly what was exported;
- XLSX: every text value is a string cell (never a formula), unchanged; numbers are number cells, full dates
  (YYYY-MM-DD, from 1900 on) date cells, partial dates ("2025", "2025-04") text. Text that reads like an OOXML
  character escape ("_x0041_") has its underscore escaped ("_x005F_x0041_"), as the format requires, so that
  Excel and LibreOffice show it as typed (desktop.export.readers.xlsx_text_back undoes it).

Numbers (CSV): with the decimal point (the default) as Python writes them ("12.5", "1851.0"); with the decimal comma
(``decimal=","``, the default of a ``;`` export, as Excel and LibreOffice read numbers under Russian settings) as
"12,5" and "1851", never with an exponent. A comma cannot be both the separator and the decimal mark.

Encodings (CSV): ``errors="strict"`` (the default) refuses a character the encoding cannot hold with an
:class:`ExportError` naming the record, the column and the character; ``errors="replace"`` writes Kazakh
letters as the nearest Russian ones (ә -> а, қ -> к, ...), accented Latin letters without their accents,
and anything else as "?".
"""
from __future__ import annotations

import codecs
import csv
import datetime as _dt
import json
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from desktop.core.atomic import FileError, file_error_message, replacing_file
from desktop.core.errors import AtlasError
from desktop.data.agreements import AgreementQuery
from desktop.data.database import Database
from desktop.export.fileformat import COLUMNS, DATE_COLUMNS
from desktop.export.records import RecordsError, count_rows, export_features, export_rows, select_ids

FORMATS = ("csv", "xlsx", "json", "geojson")
GEO_KINDS = ("node", "segment")
ENCODING_ERRORS = ("strict", "replace")
DECIMAL_MARKS = (".", ",")
PROGRESS_EVERY = 1000

Progress = Callable[[int, int], "bool | None"]
# A record in its file form, as the writers take it: column -> value.
Record = Mapping[str, object]

if TYPE_CHECKING:  # (openpyxl is imported when an XLSX file is written)
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet


class ExportError(AtlasError):
    """An export that could not be written; the message says why. An existing target file is unchanged."""


class UnencodableError(ExportError):
    """A character the chosen encoding cannot hold (``errors="strict"``)."""


class ExportCancelled(ExportError):
    """The export was cancelled through its progress callback; nothing was written."""


# --------------------------------------------------------------------------------------------- the file


def check_target(path: str | os.PathLike[str]) -> Path:
    """The target as a Path, or ExportError when it cannot be a file to write (a folder, a missing folder, a
    name too long)."""
    target = Path(path)
    try:
        if target.is_dir():
            raise ExportError(f"{target} is a folder; choose a file name to export to.")
        if not target.parent.is_dir():
            raise ExportError(f"The folder {target.parent} does not exist; choose another place to export to.")
    except OSError as exc:
        raise ExportError(file_error_message(exc, target)) from exc
    return target


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` when the block ends normally, through
    :func:`desktop.core.atomic.replacing_file` (temporary file, fsync, rename); on any exception the temporary
    file is removed and ``path`` is left as it was. A file error becomes an :class:`ExportError`; other
    exceptions pass through unchanged."""
    target = check_target(path)
    try:
        with replacing_file(target) as fh:
            yield fh
    except FileError as exc:
        raise ExportError(str(exc)) from exc


class _Steps:
    """Calls ``progress(done, total)`` every PROGRESS_EVERY rows and at the end; False cancels."""

    def __init__(self, progress: Progress | None, total: int | None, rows: object):
        self.progress = progress
        if total is None:
            total = len(rows) if isinstance(rows, Sequence) else 0
        self.total = total

    def __call__(self, done: int) -> None:
        if self.progress is not None and self.progress(done, max(self.total, done)) is False:
            raise ExportCancelled("The export was cancelled; no file was written.")


# --------------------------------------------------------------------------------------------- CSV

_FORMULA_START = frozenset("=+-@\t\r")


def csv_text(value: str) -> str:
    """A text value as a CSV export writes it: a leading apostrophe before what a spreadsheet would run."""
    first = value[:1]
    if first in _FORMULA_START or (first == "'" and value.lstrip("'")[:1] in _FORMULA_START):
        return "'" + value
    return value


def csv_text_back(value: str) -> str:
    """The inverse of :func:`csv_text`, for importers: ``'=1+2`` -> ``=1+2``; ``''=x`` -> ``'=x``; else as is."""
    if value[:1] == "'" and value.lstrip("'")[:1] in _FORMULA_START:
        return value[1:]
    return value


def decimal_mark(delimiter: str, decimal: str | None = None) -> str:
    """The decimal mark of a CSV export: ``decimal`` when given, else the comma with the ``;`` separator (as Excel
    writes numbers under Russian settings) and the point with any other. ExportError for an unknown mark, or for
    the decimal comma with the comma separator (a reader could not tell "12,5" from two fields)."""
    if decimal is None:
        return "," if delimiter == ";" else "."
    if decimal not in DECIMAL_MARKS:
        raise ExportError(f"“{decimal}” cannot be a decimal mark; use a point or a comma.")
    if decimal == "," and delimiter == ",":
        raise ExportError("The decimal comma cannot be used with the comma separator: a reader could not tell "
                          "“12,5” from two fields. Choose the semicolon or tab separator, or the decimal point.")
    return decimal


def decimal_comma_text(value: float) -> str:
    """A float as a decimal-comma CSV writes it: "12,5", "1851" (a whole number without ",0"), never an exponent."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if not math.isfinite(value):
        return repr(value)
    return format(Decimal(repr(value)), "f").replace(".", ",")


# Kazakh letters cp1251 lacks, as the Russian letters closest to them.
_KAZAKH = str.maketrans("әғқңөұүһӘҒҚҢӨҰҮҺ", "агкноуухАГКНОУУХ")
_registered: set[str] = set()


def _replacement_errors(encoding: str) -> str:
    """The name of a codec error handler for ``encoding`` that writes near letters, else "?"."""
    name = f"atlas-replace-{codecs.lookup(encoding).name}"
    if name not in _registered:
        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeEncodeError):
                raise exc
            out = []
            for ch in exc.object[exc.start:exc.end]:
                near = ch.translate(_KAZAKH)
                if near == ch:
                    near = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                    near = {"ı": "i"}.get(near, near)
                try:
                    near.encode(encoding)
                except UnicodeEncodeError:
                    near = ""
                out.append(near or "?")
            return "".join(out), exc.end

        codecs.register_error(name, handler)
        _registered.add(name)
    return name


def near_letters(text: str, encoding: str) -> str:
    """``text`` as a CSV in ``encoding`` with ``errors="replace"`` writes it: each letter the encoding lacks as the
    nearest one it holds (Kazakh ә as а, Türkiye as Turkiye), else "?" (the import knows such a text again)."""
    return text.encode(encoding, _replacement_errors(encoding)).decode(encoding)


class _Parts:
    """What csv.writer writes, kept as a list of lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.write = self.parts.append


def _encoding_problem(encoding: str, columns: Sequence[str], rows: list[tuple[Any, ...]], first: int) -> str:
    """The message naming the first value of ``rows`` that ``encoding`` cannot hold."""
    for n, values in enumerate(rows, first):
        for column, value in zip(columns, values, strict=True):
            if not isinstance(value, str):
                continue
            try:
                value.encode(encoding)
            except UnicodeEncodeError as exc:
                ch = value[exc.start]
                uid = values[0] if columns[0] == "uid" else None
                record = f"record {n}" + (f" (uid {uid})" if uid else "")
                return (f"The export could not be written in {encoding}: {record} holds “{ch}” (U+{ord(ch):04X}) "
                        f"in the column {column}, which {encoding} cannot encode. Export in UTF-8, or let such "
                        "characters be replaced.")
    return f"The export could not be written in {encoding}."


def write_csv(path: str | os.PathLike[str], columns: Sequence[str], rows: Iterable[Record], *, delimiter: str = ",",
              encoding: str = "utf-8-sig", errors: str = "strict", progress: Progress | None = None,
              total: int | None = None, decimal: str = ".") -> int:
    """Write a header and one line per row (dicts with the keys ``columns``); returns the rows written.

    ``utf-8-sig`` starts the file with a byte order mark, so that Excel reads it as UTF-8. Bools are written
    "true"/"false"; None as an empty field. See the module docstring for formulas, ``decimal`` and ``errors``.
    """
    if len(delimiter) != 1 or delimiter in "\"'\r\n" or delimiter.isalnum():
        raise ExportError(f"“{delimiter}” cannot separate the columns of a CSV file; use a comma, a semicolon or "
                          "a tab.")
    comma = decimal_mark(delimiter, decimal) == ","
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ExportError(f"“{encoding}” is not a known text encoding.") from None
    if errors not in ENCODING_ERRORS:
        raise ExportError(f"Unknown policy for characters the encoding cannot hold: “{errors}”.")
    handler = "strict" if errors == "strict" else _replacement_errors(encoding)
    encoder = codecs.getincrementalencoder(encoding)(handler)
    steps = _Steps(progress, total, rows)
    get = itemgetter(*columns)
    formula = _FORMULA_START
    out = _Parts()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    batch: list[tuple[Any, ...]] = []
    written = 0

    def flush(fh: BinaryIO, final: bool = False) -> None:
        text = "".join(out.parts)
        out.parts.clear()
        try:
            fh.write(encoder.encode(text, final))
        except UnicodeEncodeError:
            raise UnencodableError(_encoding_problem(encoding, columns, batch, written - len(batch) + 1)) from None
        batch.clear()

    with atomic_file(path) as fh:
        for row in rows:
            values = get(row)
            writer.writerow([
                (("'" + v) if v[:1] in formula or (v[:1] == "'" and v.lstrip("'")[:1] in formula) else v)
                if v.__class__ is str else (("true" if v else "false") if v.__class__ is bool
                                            else decimal_comma_text(v) if comma and v.__class__ is float else v)
                for v in values])
            batch.append(values)
            written += 1
            if written % PROGRESS_EVERY == 0:
                flush(fh)
                steps(written)
        flush(fh, final=True)
        steps(written)
    return written


# --------------------------------------------------------------------------------------------- XLSX

_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# an underscore that starts what a spreadsheet reads as a character escape: "_xHHHH_" (OOXML), or with one to
# three hex digits, which LibreOffice also reads ("_x2_" as U+0002)
_ESCAPE_START = re.compile(r"_(?=x[0-9A-Fa-f]{1,4}_)")


def xlsx_text(value: str) -> str:
    """Text as an XLSX cell holds it: an underscore that starts "_xHHHH_" (or "_xH_" to "_xHHH_") escaped as
    "_x005F_" (ECMA-376 ST_Xstring), so "a_x0041_b" and "a_x2_to" stay as typed in Excel and LibreOffice instead
    of becoming "aAb" and "a", U+0002, "to" (an escaped underscore is an underscore to every reader)."""
    return _ESCAPE_START.sub("_x005F_", value) if "_x" in value else value



def write_xlsx(path: str | os.PathLike[str], columns: Sequence[str], rows: Iterable[Record], *,
               progress: Progress | None = None, total: int | None = None, sheet: str = "records") -> int:
    """Write one worksheet: a header row and one row per record; returns the rows written.

    Text is always a string cell (never a formula), numbers number cells, full dates from 1900 on date cells
    shown as YYYY-MM-DD, partial dates text. Characters XML cannot hold (control characters other than tab
    and newline) are written as U+FFFD; text that reads like a character escape is escaped (:func:`xlsx_text`).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    ws: WriteOnlyWorksheet = wb.create_sheet(title=sheet[:31] or "records")  # (a write-only workbook's sheet)
    dates = {i for i, c in enumerate(columns) if c in DATE_COLUMNS}
    get = itemgetter(*columns)
    steps = _Steps(progress, total, rows)

    def text_cell(value: str) -> object:
        if _ILLEGAL_XML.search(value):
            value = _ILLEGAL_XML.sub("\ufffd", value)
        if value[:1] == "=" or value in ERROR_CODES:  # openpyxl would make these a formula or an error
            cell = WriteOnlyCell(ws, xlsx_text(value))
            cell.data_type = "s"
            return cell
        return xlsx_text(value)

    def date_cell(value: str) -> object:
        if _FULL_DATE.fullmatch(value):
            try:
                day = _dt.date.fromisoformat(value)
            except ValueError:
                return text_cell(value)
            if day.year >= 1900:  # Excel has no dates before 1900
                return day
        return text_cell(value)

    ws.append([text_cell(c) for c in columns])
    written = 0
    try:
        with atomic_file(path) as fh:
            for row in rows:
                cells = []
                for i, v in enumerate(get(row)):
                    if v.__class__ is str:
                        cells.append(date_cell(v) if i in dates else text_cell(v))
                    else:
                        cells.append(v)
                ws.append(cells)
                written += 1
                if written % PROGRESS_EVERY == 0:
                    steps(written)
            steps(written)
            archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
            try:
                ExcelWriter(wb, archive).save()
            except BaseException:
                with suppress(Exception):
                    archive.close()  # gives up the file (a full disk fails again here)
                raise
    finally:
        _discard_sheet(ws)
    return written


def _discard_sheet(ws: WriteOnlyWorksheet) -> None:
    """Close a write-only sheet and remove the temporary file openpyxl keeps its rows in (after a
    failure or a cancel; after a save it is gone already)."""
    writer = getattr(ws, "_writer", None)
    out = getattr(writer, "out", None)
    if writer is None or not isinstance(out, str) or not os.path.exists(out):
        return
    with suppress(Exception):
        if not ws.closed:
            ws.close()
    with suppress(Exception):
        writer.cleanup()


# --------------------------------------------------------------------------------------------- JSON, GeoJSON


# One encoder for every JSON file: UTF-8 as written (no \u escapes), and NaN or Infinity refused (JSON has none).
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def _write_json_list(path: str | os.PathLike[str], items: Iterable[object | None], *, head: str, tail: str,
                     progress: Progress | None, total: int | None, counted: object) -> tuple[int, int]:
    """Stream a JSON document that is ``head``, a list of ``items`` one to a line, and ``tail``: each item
    encoded by :data:`_ENCODER` (``JSONEncoder.iterencode``), written every PROGRESS_EVERY items. An item
    that is None is left out. Returns (items written, items left out); nothing is written on an error."""
    steps = _Steps(progress, total, counted)
    written = seen = 0
    with atomic_file(path) as fh:
        parts = [head]
        for item in items:
            seen += 1
            if item is not None:
                parts.append("\n" if not written else ",\n")
                try:
                    parts.extend(_ENCODER.iterencode(item))
                except ValueError as exc:
                    raise ExportError(f"A value cannot be written as JSON: {exc}.") from None
                written += 1
            if seen % PROGRESS_EVERY == 0:
                fh.write("".join(parts).encode("utf-8"))
                parts.clear()
                steps(seen)
        parts.append(("\n" if written else "") + tail)
        fh.write("".join(parts).encode("utf-8"))
        steps(seen)
    return written, seen - written


def write_json(path: str | os.PathLike[str], rows: Iterable[Record], *, progress: Progress | None = None,
               total: int | None = None) -> int:
    """Write a JSON list of objects (UTF-8, one object a line, streamed); returns the rows written."""
    return _write_json_list(path, rows, head="[", tail="]\n", progress=progress, total=total, counted=rows)[0]


@dataclass(frozen=True)
class GeoResult:
    written: int  # features written
    left_out: int  # records without coordinates (a node, or an end of a segment)
    unplaced: int = 0  # records without coordinates written with "geometry": null (include_unplaced)


def _feature(kind: str, row: Record, coords: Sequence[tuple[float, float]] | None,
             include_unplaced: bool = False) -> dict[str, object] | None:
    """A GeoJSON feature: a Point for a node, a LineString for a segment; without coordinates, a feature with
    "geometry": null when ``include_unplaced`` (RFC 7946 3.2: an unlocated feature), else None."""
    geometry: dict[str, object] | None
    if not coords:
        if not include_unplaced:
            return None
        geometry = None
    elif kind == "node":
        geometry = {"type": "Point", "coordinates": list(coords[0])}
    else:
        geometry = {"type": "LineString", "coordinates": [list(c) for c in coords]}
    return {"type": "Feature", "id": row.get("uid"), "geometry": geometry, "properties": row}


def write_geojson(path: str | os.PathLike[str], kind: str,
                  rows_with_coordinates: Iterable[tuple[Record, Sequence[tuple[float, float]] | None]], *,
                  progress: Progress | None = None, total: int | None = None,
                  include_unplaced: bool = False) -> GeoResult:
    """Write a GeoJSON FeatureCollection (RFC 7946: WGS 84, no "crs" member): a Point per node, a LineString per
    segment (from its first node to its second), the record's file form as properties (numbers as JSON numbers).
    Records without coordinates are left out and counted, or with ``include_unplaced`` written with "geometry":
    null."""
    if kind not in GEO_KINDS:
        raise ExportError(f"Only nodes and segments can be exported as GeoJSON, not records of the kind “{kind}”.")
    unplaced = 0

    def features() -> Iterator[dict[str, object] | None]:
        nonlocal unplaced
        for row, coords in rows_with_coordinates:
            unplaced += not coords and include_unplaced
            yield _feature(kind, row, coords, include_unplaced)

    written, left_out = _write_json_list(path, features(), head='{"type": "FeatureCollection", "features": [',
                                         tail="]}\n", progress=progress, total=total, counted=rows_with_coordinates)
    return GeoResult(written, left_out, unplaced)


# --------------------------------------------------------------------------------------------- records to a file


@dataclass(frozen=True)
class ExportResult:
    rows: int  # rows (features) written
    left_out: int = 0  # GeoJSON only: records without coordinates left out
    unplaced: int = 0  # GeoJSON only: records without coordinates written with "geometry": null


def run_export(db: Database, kind: str, fmt: str, path: str | os.PathLike[str], *,
               query: AgreementQuery | None = None, partner: str | None = None, ids: Sequence[int] | None = None,
               delimiter: str = ",", encoding: str = "utf-8-sig", errors: str = "strict",
               progress: Progress | None = None, decimal: str | None = None,
               include_unplaced: bool = False) -> ExportResult:
    """Export the records of a kind (see :func:`desktop.export.records.export_rows`) to a file in ``fmt``.

    ``decimal`` (CSV): the decimal mark, by default the one that goes with ``delimiter`` (:func:`decimal_mark`).
    ``include_unplaced`` (GeoJSON): records without coordinates as features with "geometry": null."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format “{fmt}”. Known formats: {', '.join(FORMATS)}.")
    if fmt == "csv":
        decimal = decimal_mark(delimiter, decimal)
    if fmt == "geojson" and kind not in GEO_KINDS:
        raise ExportError(f"Only nodes and segments can be exported as GeoJSON, not records of the kind “{kind}”.")
    target = check_target(path)
    if target.exists() and target.resolve() == Path(db.path).resolve():
        raise ExportError(f"{target} is the open database; choose another file to export to.")
    try:
        chosen = select_ids(db, kind, query=query, partner=partner, ids=ids)
        if ids is not None:
            total = count_rows(db, kind, ids=chosen)
        else:
            total = len(chosen)
        if fmt == "geojson":
            geo = write_geojson(target, kind, export_features(db, kind, ids=chosen), progress=progress, total=total,
                                include_unplaced=include_unplaced)
            return ExportResult(geo.written, geo.left_out, geo.unplaced)
        rows = export_rows(db, kind, ids=chosen)
        columns = COLUMNS[kind]
        if fmt == "csv":
            n = write_csv(target, columns, rows, delimiter=delimiter, encoding=encoding, errors=errors,
                          progress=progress, total=total, decimal=decimal or ".")
        elif fmt == "xlsx":
            n = write_xlsx(target, columns, rows, progress=progress, total=total, sheet=kind)
        else:
            n = write_json(target, rows, progress=progress, total=total)
        return ExportResult(n)
    except RecordsError as exc:
        raise ExportError(str(exc)) from exc
    except sqlite3.Error as exc:
        if "interrupt" in str(exc):
            raise ExportCancelled("The export was cancelled; no file was written.") from exc
        raise ExportError(f"The database could not be read for the export: {exc}.") from exc


def export_kind(db: Database, kind: str, fmt: str, path: str | os.PathLike[str], *,
                query: AgreementQuery | None = None, partner: str | None = None, ids: Sequence[int] | None = None,
                delimiter: str = ",", encoding: str = "utf-8-sig", errors: str = "strict",
                progress: Progress | None = None, decimal: str | None = None, include_unplaced: bool = False) -> int:
    """Export the records of a kind to ``path`` in ``fmt`` (csv, xlsx, json, geojson); returns the rows written.

    ``query`` (agreements) exports the view's rows in its order, ``partner`` (ISO3) one partner's records,
    ``ids`` exactly those records; ``decimal`` the decimal mark of a CSV file (by default the comma with the ``;``
    separator, else the point). ``progress(done, total)`` is called every 1,000 rows; False cancels
    (ExportCancelled, nothing written). GeoJSON (nodes, segments) leaves out records without coordinates
    (:func:`run_export` also says how many), or writes them with "geometry": null when ``include_unplaced``.
    """
    return run_export(db, kind, fmt, path, query=query, partner=partner, ids=ids, delimiter=delimiter,
                      encoding=encoding, errors=errors, progress=progress, decimal=decimal,
                      include_unplaced=include_unplaced).rows
