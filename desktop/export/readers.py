"""Reading a table file (CSV or tab-separated text, XLSX, JSON) into a header and rows of text, safely.

A file is checked before anything is taken from it: the text encoding is found (UTF-8 with or without a
BOM, UTF-16 with a BOM, Windows-1251) over the whole file, an XLSX archive's declared sizes are checked
before openpyxl opens it (and openpyxl parses through defusedxml), and a JSON text's nesting is measured
before it is parsed. Rows are then streamed (CSV, XLSX) so that a large file reads in bounded memory; a
problem found only while streaming (a quote never closed, an over-long field, too many rows) raises
:class:`ImportFileError` from the iteration, before anything was written anywhere.

Row numbers are those a user sees: in a CSV or XLSX file the header is row 1 (or the sheet row it is on)
and the first data row is row 2; in a JSON file the n-th object of the list is row n.
"""
from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import itertools
import json
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from desktop.core.errors import AtlasError

MAX_ROWS = 2_000_000
MAX_FIELD_CHARS = 100_000
MAX_COLUMNS = 1_000
MAX_JSON_DEPTH = 50
MAX_JSON_BYTES = 256 * 1024 * 1024
# XLSX (a ZIP archive): limits checked on the declared sizes before openpyxl opens it
MAX_XLSX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_XLSX_RATIO = 100
XLSX_RATIO_FREE_BYTES = 8 * 1024 * 1024  # an entry smaller than this may compress as well as it likes
DELIMITERS = (",", ";", "\t")
_CHUNK = 1 << 20
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_RECORDS = 50
_HEADER_SEARCH = 20

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) container
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")


class ImportFileError(AtlasError):
    """A file that cannot be read as a table; the message says why (nothing was changed)."""


class Row(NamedTuple):
    """One data row: its number as the user sees it in the file, and its cells (text or None)."""

    number: int
    cells: list[str | None]


@dataclass
class Table:
    """A file's header and a way to read its rows (again and again: each call of :meth:`rows` reads anew).

    ``format`` is "csv", "xlsx", "json" or "comtrade" (see desktop.export.comtrade); ``encoding`` and
    ``delimiter`` are those found in a text file. ``estimated_rows`` is a guess for progress bars.
    ``unknown_partners`` is "reject" (a row naming a partner not in the atlas is refused) or "skip" (such
    rows are left out and counted in the notes; Comtrade downloads hold every country of the world).
    """

    columns: list[str]
    format: str
    source: Callable[[], Iterator[Row]] = field(repr=False)
    path: Path | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    estimated_rows: int | None = None
    unknown_partners: str = "reject"

    def rows(self) -> Iterator[Row]:
        """The data rows, numbered; may raise ImportFileError part-way through a damaged file."""
        return self.source()

    def __iter__(self) -> Iterator[Row]:
        return self.rows()

    def notes(self) -> list[str]:
        """Remarks on what was left out while reading (none for a plain file)."""
        return []

    def problems(self) -> list[tuple[int, str]]:
        """Rows refused while reading, as (row number, reason) (none for a plain file)."""
        return []

    @classmethod
    def from_rows(cls, columns: Iterable[str], rows: Iterable[tuple[int, list[str | None]] | list[str | None]],
                  format: str = "memory", **kwargs) -> Table:
        """A table held in memory: ``rows`` are (number, cells) pairs, or cell lists numbered from row 2."""
        kept: list[Row] = []
        for n, row in enumerate(rows, start=2):
            if isinstance(row, tuple) and len(row) == 2 and isinstance(row[0], int) and isinstance(row[1], list):
                kept.append(Row(row[0], row[1]))
            else:
                kept.append(Row(n, list(row)))  # type: ignore[arg-type]
        return cls(list(columns), format, lambda: iter(kept), estimated_rows=len(kept), **kwargs)


def normalise_name(text: str) -> str:
    """A column name reduced for matching: case folded, ё as е, only letters and digits kept."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return "".join(ch for ch in folded if ch.isalnum())


def read_table(path: str | Path, *, max_rows: int = MAX_ROWS, sheet: str | None = None) -> Table:
    """Open a table file (.csv/.txt/.tsv, .xlsx, .json): check it, find its encoding and separator and read
    its header. Raise :class:`ImportFileError` with a message for the user when it cannot be read safely."""
    p = Path(path)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(8)
    except IsADirectoryError:
        raise ImportFileError(f"{p.name} is a folder, not a file.") from None
    except FileNotFoundError:
        raise ImportFileError(f"The file {p} does not exist.") from None
    except OSError as exc:
        raise ImportFileError(f"The file {p.name} cannot be read: {exc.strerror or exc}.") from None
    if size == 0:
        raise ImportFileError(f"The file {p.name} is empty (0 bytes).")
    suffix = p.suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise ImportFileError(f"{p.name} is in the old Excel format (.xls), which is not read. Save it from Excel as "
                              "an Excel workbook (.xlsx) or as CSV and import that file.")
    if suffix in _XLSX_SUFFIXES or head.startswith(_ZIP_MAGIC):
        if suffix in _TEXT_SUFFIXES or suffix == ".json":
            raise ImportFileError(f"{p.name} is named as a text file but is a ZIP archive (perhaps an Excel "
                                  "workbook); rename it to .xlsx or save it as CSV.")
        return _read_xlsx(p, max_rows, sheet)
    if suffix == ".json" or (suffix not in _TEXT_SUFFIXES and _starts_like_json(p)):
        return _read_json(p, size, max_rows)
    return _read_text(p, max_rows)


def _starts_like_json(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(4096)
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):].replace(b"\x00", b"") if bom != codecs.BOM_UTF8 else head[len(bom):]
            break
    return head.lstrip()[:1] in (b"[", b"{")


# --- text --------------------------------------------------------------------------------------------------------

def _bom_encoding(head: bytes) -> tuple[str | None, int]:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 2
    return None, 0


def _row_of_offset(path: Path, offset: int) -> int:
    """The line (1-based) that holds byte ``offset``."""
    lines, done = 1, 0
    with open(path, "rb") as fh:
        while done < offset:
            chunk = fh.read(min(_CHUNK, offset - done))
            if not chunk:
                break
            lines += chunk.count(b"\n")
            done += len(chunk)
    return lines


def _check_decodes(path: Path, encoding: str) -> None:
    """Decode the whole file strictly in chunks; raise UnicodeDecodeError (with the file offset) or
    ImportFileError for a NUL character."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    line = 1
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            final = not chunk
            try:
                text = decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError(exc.encoding, exc.object, exc.start, exc.end,
                                         f"{exc.reason} at byte {offset + exc.start}") from None
            if "\x00" in text:
                line += text[: text.index("\x00")].count("\n")
                hint = (" It looks like UTF-16 text without a byte order mark: save it as UTF-8 (or as Excel "
                        "\u201cUnicode text\u201d)." if encoding.startswith("utf-8") else "")
                raise ImportFileError(f"The file {path.name} holds NUL characters (the first on line {line}), "
                                      f"so it is not a text table.{hint}")
            line += text.count("\n")
            offset += len(chunk)
            if final:
                return


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MIXED = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_C1 = re.compile(r"[\x80-\x9f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# punctuation a Windows-1251 text plausibly holds besides letters
_CP1251_PUNCTUATION = re.compile("[\u00a0\u00ab\u00bb\u2013\u2014\u201c\u201d\u201e\u2018\u2019\u201a\u2026"
                                 "\u2116\u00b0\u00a7\u00b1\u2022\u00b7\u00a9\u00ae\u2122\u20ac]")


def _plausible_cp1251(path: Path) -> bool:
    """Whether a file that is not valid UTF-8 reads as Windows-1251 text: no undefined byte and no C1 control;
    its bytes above 127 are mostly not UTF-8 sequences (else it is UTF-8 with damage); and what they decode to
    is mostly Cyrillic letters, not glued to Latin ones, or common punctuation."""
    decoder = codecs.getincrementaldecoder("cp1251")("strict")
    high = utf8_like = non_ascii = cyrillic = mixed = punctuation = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                return False
            if _C1.search(text):
                return False
            high += len(_HIGH_BYTES.findall(chunk))
            utf8_like += sum(len(m) for m in _UTF8_SEQUENCE.findall(chunk))
            non_ascii += len(text) - len(text.encode("ascii", "ignore"))
            cyrillic += len(_CYRILLIC.findall(text))
            mixed += len(_MIXED.findall(text))
            punctuation += len(_CP1251_PUNCTUATION.findall(text))
            if not chunk:
                break
    return (high > 0 and utf8_like < 0.5 * high and cyrillic + punctuation >= 0.9 * non_ascii
            and mixed <= 0.1 * cyrillic)


def detect_encoding(path: Path) -> str:
    """The encoding of a text file: 'utf-8-sig', 'utf-16' (with a BOM), 'utf-8' or 'cp1251'. Raise
    ImportFileError when it is none of them (undecodable bytes, lone surrogates, NUL characters)."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    bom, _ = _bom_encoding(head)
    if bom is not None:
        try:
            _check_decodes(path, bom)
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"The file {path.name} starts as {'UTF-16' if bom == 'utf-16' else 'UTF-8'} "
                                  f"text but cannot be decoded as such ({exc.reason}). Save it again as UTF-8 "
                                  "and try again.") from None
        return bom
    try:
        _check_decodes(path, "utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        problem = exc.reason
        offset = int(m.group(1)) if (m := re.search(r"at byte (\d+)$", problem)) else 0
    if _plausible_cp1251(path):
        return "cp1251"
    line = _row_of_offset(path, offset)
    raise ImportFileError(f"The file {path.name} is neither UTF-8 nor Windows-1251 text: it has bytes that do not "
                          f"decode (first on line {line}, {problem}). Save it as UTF-8 and try again.")


def _sample(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, newline="") as fh:
        return fh.read(_SAMPLE_CHARS)


def detect_delimiter(sample: str, preferred: str | None = None) -> str:
    """The separator among comma, semicolon and tab that splits the header into the most columns while
    nine in ten of the other sampled records have as many (quotes respected); ``preferred`` wins ties."""
    complete = sample
    if "\n" in sample:
        complete = sample[: sample.rindex("\n") + 1]  # the last record may be cut short
    best: tuple[int, int, str] | None = None
    order = ([preferred] if preferred else []) + [d for d in ("\t", ";", ",") if d != preferred]
    for rank, delimiter in enumerate(order):
        try:
            reader = csv.reader(io.StringIO(complete), delimiter=delimiter)
            records = [r for r in itertools.islice(reader, _SAMPLE_RECORDS) if r]
        except csv.Error:
            continue
        start = next((i for i, r in enumerate(records) if len(r) >= 2), None)  # title lines passed over
        if start is None:
            continue
        width = len(records[start])
        data = records[start + 1:]
        consistent = sum(1 for r in data if len(r) == width or (len(r) > width and not any(r[width:])))
        if data and consistent < 0.9 * len(data):
            continue
        key = (width, -rank, delimiter)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None:
        return best[2]
    return preferred or ","


def _unique_columns(cells: list[str | None]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells):
        name = (cell or "").strip().strip("\ufeff").strip() or f"(column {i + 1})"
        base, n = name, 2
        while name in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name)
        names.append(name)
    return names


def _pick_header(records: Iterator[tuple[int, list]]) -> tuple[int, list] | None:
    """The header among the first rows: the first with two or more filled cells (a title line above it is
    passed over), else the first filled one, as (row number, cells)."""
    first: tuple[int, list] | None = None
    for number, cells in itertools.islice(records, _HEADER_SEARCH):
        filled = sum(1 for c in cells if c and c.strip())
        if filled >= 2:
            return number, cells
        if filled and first is None:
            first = (number, cells)
    return first


def _check_header(path: Path, cells: list[str | None]) -> None:
    if len(cells) > MAX_COLUMNS:
        raise ImportFileError(f"The file {path.name} has {len(cells):,} columns; at most {MAX_COLUMNS:,} are read.")


def _too_many_rows(path: Path, max_rows: int) -> ImportFileError:
    return ImportFileError(f"The file {path.name} has more than {max_rows:,} data rows; split it into smaller files "
                           "and import them one by one.")


def _too_long(path: Path, row: int, length: int | None = None) -> ImportFileError:
    size = f" ({length:,} characters)" if length else ""
    return ImportFileError(f"Row {row} of {path.name} has a field longer than {MAX_FIELD_CHARS:,} characters{size}. "
                           "Such a file is not read (a quote that is never closed can cause this).")


def _csv_records(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every record, header included; quoting errors as ImportFileError."""
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        number = 0
        last_line = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                start, problem = last_line + 1, str(exc)
                if "field larger than field limit" in problem:
                    raise _too_long(path, number + 1) from None
                if "unexpected end of data" in problem:
                    raise ImportFileError(f"The file {path.name} ends inside a quoted field that starts on line "
                                          f"{start}: a quote (\") is never closed. Nothing was imported.") from None
                raise ImportFileError(f"Row {number + 1} of {path.name} (line {start}) is not valid CSV: {problem}. "
                                      "Nothing was imported.") from None
            number += 1
            last_line = reader.line_num
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError(f"Row {number} of {path.name} has {len(cells):,} cells; at most "
                                      f"{MAX_COLUMNS:,} columns are read.")
            if cells and max(map(len, cells)) > MAX_FIELD_CHARS:
                raise _too_long(path, number, max(map(len, cells)))
            yield number, cells


_FORMULA_START = frozenset("=+-@\t\r")


def formula_text_back(value: str) -> str:
    """A CSV cell as it was before an export protected it from spreadsheets (desktop.export.writers.csv_text):
    one leading apostrophe off a value that starts with apostrophes and then "=", "+", "-", "@", a tab or a
    carriage return (``'=1+2`` -> ``=1+2``); any other value as it is."""
    if value[:1] == "'" and value.lstrip("'")[:1] in _FORMULA_START:
        return value[1:]
    return value


def _read_text(path: Path, max_rows: int) -> Table:
    encoding = detect_encoding(path)
    sample = _sample(path, encoding)
    if not sample.strip():
        raise ImportFileError(f"The file {path.name} holds no text: it has no header row.")
    preferred = "\t" if encoding == "utf-16" or path.suffix.lower() in (".tsv", ".tab") else None
    delimiter = detect_delimiter(sample, preferred)
    records = _csv_records(path, encoding, delimiter)
    try:
        found = _pick_header(records)
    finally:
        records.close()
    if found is None:
        raise ImportFileError(f"The file {path.name} has no header row.")
    header_row, header = found
    _check_header(path, header)
    columns = _unique_columns(header)
    # one streaming pass over the rest now, so that a damaged file is refused here and not half-way through
    # a preview (the C parser reads ~10 MB a second; memory stays flat)
    count = sum(1 for _ in itertools.islice(
        itertools.dropwhile(lambda r: r[0] <= header_row, _csv_records(path, encoding, delimiter)), max_rows + 1))
    if count > max_rows:
        raise _too_many_rows(path, max_rows)

    def rows() -> Iterator[Row]:
        count = 0
        for number, cells in _csv_records(path, encoding, delimiter):
            if number <= header_row:
                continue
            count += 1
            if count > max_rows:
                raise _too_many_rows(path, max_rows)
            yield Row(number, [formula_text_back(c) if c[:1] == "'" else c for c in cells])

    return Table(columns, "csv", rows, path=path, encoding=encoding, delimiter=delimiter, estimated_rows=count)


# --- XLSX --------------------------------------------------------------------------------------------------------

def check_zip(path: Path) -> None:
    """Refuse an archive that is not a ZIP, is truncated, or would expand too far (a "ZIP bomb"), judging by
    the sizes its entries declare, before anything is decompressed."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportFileError(f"{path.name} is not a valid Excel workbook: it is not a complete ZIP archive "
                              f"({exc}). It may be truncated or damaged; save it again from Excel.") from None
    except OSError as exc:
        raise ImportFileError(f"The file {path.name} cannot be read: {exc.strerror or exc}.") from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > XLSX_RATIO_FREE_BYTES and ratio > MAX_XLSX_RATIO:
            raise ImportFileError(f"{path.name} is refused: its part {info.filename} would expand "
                                  f"{ratio:,.0f} times (to {info.file_size / 2**20:,.0f} MB), as a ZIP bomb does.")
    if total > MAX_XLSX_UNCOMPRESSED:
        raise ImportFileError(f"{path.name} is refused: it would expand to {total / 2**20:,.0f} MB (at most "
                              f"{MAX_XLSX_UNCOMPRESSED // 2**20} MB are read). Save the data as CSV instead.")
    if not any(i.filename.startswith("xl/worksheets/") for i in infos):
        raise ImportFileError(f"{path.name} is a ZIP archive but not an Excel workbook (it has no worksheets).")


def _openpyxl():
    """openpyxl, made sure to parse its XML through defusedxml (entity expansion refused)."""
    import defusedxml  # noqa: F401 - a runtime dependency: openpyxl uses it when it is installed
    import openpyxl
    from openpyxl.xml import functions

    safe = getattr(openpyxl, "DEFUSEDXML", False) and functions.iterparse.__module__.startswith("defusedxml")
    if not safe:
        raise ImportFileError("Excel files cannot be read safely here (openpyxl is not using defusedxml; is the "
                              "OPENPYXL_DEFUSEDXML environment variable set to False?). Save the data as CSV instead.")
    return openpyxl


def cell_text(value: object) -> str | None:
    """A cell's value as text: numbers without an exponent or a trailing '.0', dates as ISO dates."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        text = format(Decimal(repr(value)), "f")
        return text
    if isinstance(value, _dt.datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return str(value)
    return str(value)


def _entities_refused(exc: BaseException) -> bool:
    """Whether defusedxml refused entity declarations somewhere in the chain of ``exc`` (openpyxl wraps it)."""
    from defusedxml import DefusedXmlException

    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen += 1
    return False


def _workbook_error(path: Path, exc: BaseException) -> ImportFileError:
    if _entities_refused(exc):
        return ImportFileError(f"{path.name} is refused: its XML declares entities, which an Excel workbook never "
                               "needs (an \u201centity expansion\u201d or \u201cbillion laughs\u201d attack).")
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ImportFileError(f"{path.name} cannot be read as an Excel workbook ({first_line[:200]}). Save it again "
                           "from Excel, or as CSV.")


_WORKBOOK_ERRORS = (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, TypeError, SyntaxError,
                    AttributeError, IndexError)


def _open_workbook(path: Path):
    openpyxl = _openpyxl()
    from defusedxml import DefusedXmlException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (DefusedXmlException, *_WORKBOOK_ERRORS) as exc:
        raise _workbook_error(path, exc) from None


def _sheet_rows(path: Path, sheet: str | None) -> Iterator[tuple[int, tuple]]:
    from defusedxml import DefusedXmlException

    wb = _open_workbook(path)
    try:
        if sheet is not None:
            if sheet not in wb.sheetnames:
                raise ImportFileError(f"{path.name} has no sheet named \u201c{sheet}\u201d.")
            ws = wb[sheet]
        else:
            ws = wb.worksheets[0]
        ws.reset_dimensions()
        try:
            yield from enumerate(ws.iter_rows(values_only=True), start=1)
        except (DefusedXmlException, *_WORKBOOK_ERRORS) as exc:
            raise _workbook_error(path, exc) from None
    finally:
        wb.close()


def _read_xlsx(path: Path, max_rows: int, sheet: str | None) -> Table:
    check_zip(path)
    rows_iter = _sheet_rows(path, sheet)
    try:
        found = _pick_header((n, [cell_text(v) for v in values]) for n, values in rows_iter)
    finally:
        rows_iter.close()
    if found is None:
        raise ImportFileError(f"The first sheet of {path.name} is empty: it has no header row.")
    header_row, header = found
    first = next(i for i, c in enumerate(header) if c and c.strip())
    last = max(i for i, c in enumerate(header) if c and c.strip())
    header = header[first: last + 1]
    _check_header(path, header)
    columns = _unique_columns(header)
    with zipfile.ZipFile(path) as archive:
        sheet_bytes = max((i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")),
                          default=0)
    estimate = max(1, sheet_bytes // max(1, 40 * len(columns)))

    def rows() -> Iterator[Row]:
        count = 0
        for number, values in _sheet_rows(path, sheet):
            if number <= header_row:
                continue
            cells = [cell_text(v) for v in values[first:]]
            while cells and cells[-1] is None:
                cells.pop()
            if not cells:
                continue
            count += 1
            if count > max_rows:
                raise _too_many_rows(path, max_rows)
            longest = max((len(c) for c in cells if c), default=0)
            if longest > MAX_FIELD_CHARS:
                raise _too_long(path, number, longest)
            yield Row(number, cells)

    return Table(columns, "xlsx", rows, path=path, sheet=sheet, estimated_rows=estimate)


# --- JSON --------------------------------------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text, without recursion (strings left out)."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if not brackets:
        return 0
    steps = brackets.translate({ord("["): "1", ord("{"): "1", ord("]"): "0", ord("}"): "0"})
    return max(itertools.accumulate(1 if c == "1" else -1 for c in steps))


def _json_text(path: Path, size: int) -> str:
    if size > MAX_JSON_BYTES:
        raise ImportFileError(f"{path.name} is {size / 2**20:,.0f} MB; JSON files of at most "
                              f"{MAX_JSON_BYTES // 2**20} MB are read. Use CSV for larger tables.")
    encoding = detect_encoding(path)
    with open(path, encoding=encoding) as fh:
        return fh.read()


def _json_cell(value: object, row: int, key: str, path: Path) -> str | None:
    if value is None or isinstance(value, (str, bool, int, float)):
        return cell_text(value)
    if isinstance(value, list) and all(v is None or isinstance(v, (str, bool, int, float)) for v in value):
        return "; ".join(t for v in value if (t := cell_text(v)) is not None)
    raise ImportFileError(f"Row {row} of {path.name}: the value of \u201c{key[:80]}\u201d is a nested "
                          f"{'object' if isinstance(value, dict) else 'list'}; only text, numbers, true/false, "
                          "null and lists of those are read.")


def _read_json(path: Path, size: int, max_rows: int) -> Table:
    text = _json_text(path, size)
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ImportFileError(f"{path.name} is nested {depth:,} levels deep; a table needs 2 (a list of objects) "
                              f"and more than {MAX_JSON_DEPTH} are refused.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path.name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).") \
            from None
    except (RecursionError, MemoryError):
        raise ImportFileError(f"{path.name} is too deeply nested or too large to read.") from None
    del text
    if not isinstance(data, list):
        what = {dict: "an object", str: "a string", bool: "true or false", type(None): "null"}.get(type(data),
                                                                                                   "a number")
        raise ImportFileError(f"{path.name} holds {what}, not a list of objects (one object per record, as "
                              "[{\"uid\": ..., ...}, ...]).")
    if len(data) > max_rows:
        raise _too_many_rows(path, max_rows)
    columns: dict[str, None] = {}
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ImportFileError(f"{path.name} is not a list of objects: item {n} is "
                                  f"{'a list' if isinstance(item, list) else 'not an object'}.")
        for key in item:
            columns.setdefault(key)
        if len(columns) > MAX_COLUMNS:
            raise ImportFileError(f"{path.name} has more than {MAX_COLUMNS:,} different keys; at most "
                                  f"{MAX_COLUMNS:,} are read.")
    names = list(columns)
    converted: list[Row] = []
    for n, item in enumerate(data, start=1):
        cells = [_json_cell(item.get(key), n, key, path) for key in names]
        longest = max((len(c) for c in cells if c), default=0)
        if longest > MAX_FIELD_CHARS:
            raise _too_long(path, n, longest)
        converted.append(Row(n, cells))
    del data
    return Table(_unique_columns(names), "json", lambda: iter(converted), path=path, encoding="utf-8",
                 estimated_rows=len(converted))
