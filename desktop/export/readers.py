"""Reading a table file (CSV or tab-separated text, XLSX, JSON) into a header and rows of text, safely.

A file is checked before anything is taken from it: the text encoding is found (the byte order mark, else
charset-normalizer among UTF-8, UTF-16 and Windows-1251) and checked over the whole file, an XLSX archive's
declared sizes are checked before openpyxl opens it (and openpyxl parses through defusedxml), and a JSON
text's nesting is measured before it is parsed. Rows are then streamed (CSV, XLSX) so that a large file reads
in bounded memory; a problem found only while streaming (a quote never closed, an over-long field, too many
rows) raises :class:`ImportFileError` from the iteration, before anything was written anywhere.

A problem of one row (a CSV row with too few or too many fields, a NUL character, a JSON object that names a
key twice) leaves that row out and is listed by :meth:`Table.problems` with the row's number and the reason,
after the rows were read. A cell that is not a value (a spreadsheet error such as #DIV/0!, a JSON NaN or
Infinity) is an :class:`Unreadable` cell, and JSON lists and true/false are marked (:class:`JsonList`,
:class:`JsonBool`): the import refuses them in the columns it reads (desktop.export.importing).

Row numbers are those a user sees: in a CSV or XLSX file the header is row 1 (or the sheet row it is on)
and the first data row is row 2; in a JSON file the n-th object of the list is row n.
"""
from __future__ import annotations

import codecs
import csv
import datetime as _dt
import functools
import io
import itertools
import json
import math
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.core.errors import AtlasError

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

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


class ReaderReason(str):
    """Why a reader left a row out: the English words (what the command line prints, and what this is as a str)
    with a code of READER_CODES and its details, which the window words in the interface's language."""

    code: str
    params: dict[str, object]

    def __new__(cls, text: str, code: str, **params: object) -> ReaderReason:
        reason = super().__new__(cls, text)
        reason.code = code
        reason.params = params
        return reason


# The codes of ReaderReason and their details.
READER_CODES = (
    "too_many_cells",  # cells, columns
    "too_few_cells",  # cells, columns
    "nul_character",  # column
    "repeated_key",  # key
    "not_comtrade",  # (none)
    "not_a_year",  # value
    "value_unreadable",  # reason (English: why the cell could not be read)
    "value_not_a_number",  # value
    "value_negative",  # value
    "second_figure",  # flow (import/export), partner, year, statistics (kazakh/partner), kept (row)
)


# The codes of ImportFileError (a file that cannot be read at all) and their details. ``file`` is the file's name;
# a ``reason`` is quoted from elsewhere (the system, a parser, a library) in English; sizes are in MB.
FILE_ERROR_CODES = (
    "folder",  # file
    "not_found",  # path
    "unreadable",  # file, reason (the system's)
    "empty",  # file
    "old_excel",  # file
    "zip_named_text",  # file
    "bad_start",  # file, encoding (UTF-8 or UTF-16), byte (its offset in the file), reason (the decoder's)
    "bad_utf16",  # file
    "bad_encoding",  # file, line, byte (its offset in the file), reason (the decoder's)
    "no_text",  # file
    "no_header",  # file
    "too_many_columns",  # file, columns, max
    "nul_in_header",  # file
    "no_separator",  # file, header (the header row as the file has it, shortened)
    "too_many_rows",  # file, max; sheet (of a workbook) or None
    "field_too_long",  # file, row, max; length (or None: not known); sheet (of a workbook) or None
    "unclosed_quote",  # file, line
    "bad_csv",  # file, row, line, reason (the CSV parser's)
    "too_many_cells",  # file, row, cells, max
    "damaged_zip",  # file, reason (the ZIP reader's)
    "zip_bomb",  # file, part, ratio, size
    "too_large_unzipped",  # file, size, max
    "zip_not_workbook",  # file
    "unsafe_excel",  # library, parser, variable
    "xml_entities",  # file
    "damaged_workbook",  # file, reason (the workbook reader's)
    "no_worksheets",  # file
    "no_such_sheet",  # file, sheet, sheets (every sheet's name)
    "no_sheet_fits",  # file, count (SheetChoiceNeeded.sheets names them)
    "several_sheets_fit",  # file, fitting (the sheets that fit equally well)
    "empty_sheet",  # file, sheet
    "json_too_large",  # file, size, max
    "json_too_deep",  # file, depth, max
    "bad_json",  # file, reason (the JSON parser's), line, column
    "json_unreadable",  # file
    "json_not_list",  # file, found: "object", "bool", "null", "string" or "number"; example (the shape wanted)
    "json_empty",  # file
    "json_item_not_object",  # file, item, found: "list" or "other"
    "json_too_many_keys",  # file, max
    "json_nested",  # file, row, key, found: "object" or "list"
    "not_comtrade",  # file, legacy and new: some column names of each layout (desktop.export.comtrade)
    "not_geojson",  # file, found: "list", "object" (of another "type"), or "other"
    "geojson_crs",  # file, crs (the name the file's "crs" member gives, shortened)
    "geojson_bad_features",  # file (the "features" member is not a list of Feature objects)
    "geojson_geometry",  # file, feature, found (the geometry's type), wanted: "Point", "LineString" or "none"
    "geojson_bad_coordinates",  # file, feature
    "geojson_out_of_range",  # file, feature, lon, lat
)


class ImportFileError(AtlasError):
    """A file that cannot be read as a table; the message says why (nothing was changed). The message is the English
    words (what the command line prints); ``code`` (of FILE_ERROR_CODES, or None) and ``params`` carry the same for
    the window, which words them in the interface's language."""

    def __init__(self, message: str, code: str | None = None, **params: object):
        super().__init__(message)
        self.code = code
        self.params = params


class SheetChoiceNeeded(ImportFileError):
    """A workbook of several sheets where the sheet to import cannot be told: ``sheets`` are all its sheets'
    names, in order, for the user to choose from."""

    def __init__(self, message: str, sheets: list[str], code: str | None = None, **params: object):
        super().__init__(message, code, **params)
        self.sheets = sheets


class Unreadable(str):
    """A cell that is not a value: a spreadsheet error (#DIV/0!), a JSON NaN or Infinity, a number too large.
    It is the text the file shows; ``reason`` says why it cannot be imported (the import refuses it in any
    column it reads, and ignores it in a column it leaves out)."""

    reason: str

    def __new__(cls, text: str, reason: str) -> Unreadable:
        cell = super().__new__(cls, text)
        cell.reason = reason
        return cell


class JsonList(str):
    """A JSON list of plain values as one cell: its items joined by "; ", and ``items`` as they were. The import
    takes it in a list column (partners, sectors, sources) and refuses it in a column of one value."""

    items: tuple[str, ...]

    def __new__(cls, items: Iterable[str]) -> JsonList:
        kept = tuple(items)
        cell = super().__new__(cls, "; ".join(kept))
        cell.items = kept
        return cell


class JsonBool(str):
    """A JSON true or false, as "true" or "false": the import refuses it in a column that is not yes or no."""


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
    ``sheet`` is the sheet a workbook was read from and ``sheets`` all its sheets. ``rejected`` holds the rows
    the last reading of :meth:`rows` left out, as (row number, reason).
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
    sheets: tuple[str, ...] = ()
    rejected: list[tuple[int, str]] = field(default_factory=list, repr=False)

    def rows(self) -> Iterator[Row]:
        """The data rows, numbered; may raise ImportFileError part-way through a damaged file."""
        return self.source()

    def __iter__(self) -> Iterator[Row]:
        return self.rows()

    def notes(self) -> list[str]:
        """Remarks on what was left out while reading (none for a plain file)."""
        return []

    def problems(self) -> list[tuple[int, str]]:
        """Rows refused while reading, as (row number, reason): complete once :meth:`rows` was read to the end."""
        return list(self.rejected)

    @classmethod
    def from_rows(cls, columns: Iterable[str], rows: Iterable[tuple[int, list[str | None]] | list[str | None]],
                  format: str = "memory", **kwargs: Any) -> Table:
        """A table held in memory: ``rows`` are (number, cells) pairs, or cell lists numbered from row 2."""
        kept: list[Row] = []
        for n, row in enumerate(rows, start=2):
            if isinstance(row, tuple) and len(row) == 2 and isinstance(row[0], int) and isinstance(row[1], list):
                kept.append(Row(row[0], row[1]))
            else:
                kept.append(Row(n, list(row)))
        return cls(list(columns), format, lambda: iter(kept), estimated_rows=len(kept), **kwargs)


def normalise_name(text: str) -> str:
    """A column name reduced for matching: case folded, ё as е, only letters and digits kept."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return "".join(ch for ch in folded if ch.isalnum())


def read_table(path: str | Path, *, max_rows: int = MAX_ROWS, sheet: str | None = None,
               score_header: Callable[[list[str]], int] | None = None) -> Table:
    """Open a table file (.csv/.txt/.tsv, .xlsx, .json): check it, find its encoding and separator and read
    its header. Raise :class:`ImportFileError` with a message for the user when it cannot be read safely.

    From a workbook, ``sheet`` is read when it is given; else the sheet whose header row scores highest by
    ``score_header`` (how many of its names are columns wanted) when there are several sheets, and
    :class:`SheetChoiceNeeded` when none scores or several score the same; else the first sheet."""
    p = Path(path)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(8)
    except IsADirectoryError:
        raise ImportFileError(f"{p.name} is a folder, not a file.", "folder", file=p.name) from None
    except FileNotFoundError:
        raise ImportFileError(f"The file {p} does not exist.", "not_found", path=str(p)) from None
    except OSError as exc:
        raise _unreadable(p, exc) from None
    if size == 0:
        raise ImportFileError(f"The file {p.name} is empty (0 bytes).", "empty", file=p.name)
    suffix = p.suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise ImportFileError(f"{p.name} is in the old Excel format (.xls), which is not read. Save it from Excel as "
                              "an Excel workbook (.xlsx) or as CSV and import that file.", "old_excel", file=p.name)
    if suffix in _XLSX_SUFFIXES or head.startswith(_ZIP_MAGIC):
        if suffix in _TEXT_SUFFIXES or suffix == ".json":
            raise ImportFileError(f"{p.name} is named as a text file but is a ZIP archive (perhaps an Excel "
                                  "workbook); rename it to .xlsx or save it as CSV.", "zip_named_text", file=p.name)
        return _read_xlsx(p, max_rows, sheet, score_header)
    if suffix == ".geojson":
        return _read_geojson(p, size, max_rows)
    if suffix == ".json" or (suffix not in _TEXT_SUFFIXES and _starts_like_json(p)):
        return _read_json(p, size, max_rows)
    return _read_text(p, max_rows)


def _unreadable(path: Path, exc: OSError) -> ImportFileError:
    """A file the system refuses to read (no permission, a device error), with the system's reason."""
    reason = exc.strerror or str(exc)
    return ImportFileError(f"The file {path.name} cannot be read: {reason}.", "unreadable", file=path.name,
                           reason=reason)


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
    """Decode the whole file strictly in chunks; raise UnicodeDecodeError (with the file offset). NUL characters
    decode: the row that holds one is refused, not the file."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            final = not chunk
            try:
                decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError(exc.encoding, exc.object, exc.start, exc.end,
                                         f"{exc.reason} at byte {offset + exc.start}") from None
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


# charset-normalizer's names of the encodings a table is read in (without a byte order mark)
_GUESSED = {"utf_8": "utf-8", "cp1251": "cp1251", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}


def _guess_encoding(head: bytes, candidates: tuple[str, ...]) -> str | None:
    """charset-normalizer's verdict on the start of a file among ``candidates`` (its names), as a codec name."""
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=list(candidates)).best()
    return _GUESSED.get(best.encoding) if best is not None else None


def _looks_utf16(head: bytes) -> bool:
    """Whether NUL bytes fill one half of the code units as in UTF-16 text without a byte order mark (where every
    digit, separator, line end and Latin letter is a NUL byte and a character), not a stray NUL or two."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) * 8 >= len(head) >= 4 and min(even, odd) * 4 <= max(even, odd)


def detect_encoding(path: Path) -> str:
    """The encoding of a text file: by its byte order mark 'utf-8-sig' or 'utf-16'; without one, charset-normalizer
    decides among UTF-16 (a file half NUL bytes: 'utf-16-le', 'utf-16-be'), 'utf-8' and 'cp1251' (Windows-1251
    text is also checked to read as Cyrillic, so that a damaged UTF-8 file is not taken for it). The whole file
    must decode. Raise ImportFileError when it is none of them (undecodable bytes, lone surrogates)."""
    with open(path, "rb") as fh:
        head = fh.read(_SAMPLE_CHARS)
    if b"\n" in head[:-1]:
        head = head[: head.rindex(b"\n") + 1]  # whole lines: a character cut at the end would not decode
    bom, _ = _bom_encoding(head)
    if bom is not None:
        try:
            _check_decodes(path, bom)
        except UnicodeDecodeError as exc:
            started = "UTF-16" if bom == "utf-16" else "UTF-8"
            reason, offset = _decode_problem(exc)
            raise ImportFileError(f"The file {path.name} starts as {started} text but cannot be decoded as such "
                                  f"({exc.reason}). Save it again as UTF-8 and try again.", "bad_start",
                                  file=path.name, encoding=started, reason=reason, byte=offset) from None
        return bom
    if _looks_utf16(head):
        wide = _guess_encoding(head[: len(head) // 2 * 2], ("utf_16_le", "utf_16_be"))
        try:
            if wide is None:
                raise UnicodeDecodeError("utf-16", b"", 0, 0, "no UTF-16 reading fits")
            _check_decodes(path, wide)
            return wide
        except UnicodeDecodeError:
            raise ImportFileError(f"The file {path.name} is half NUL bytes, as UTF-16 text without a byte order "
                                  "mark is, but does not read as such. Save it as UTF-8 (or as Excel \u201cUnicode "
                                  "text\u201d) and try again.", "bad_utf16", file=path.name) from None
    try:
        _check_decodes(path, "utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        problem = exc.reason
        reason, offset = _decode_problem(exc)
    if _guess_encoding(head, ("utf_8", "cp1251")) == "cp1251" and _plausible_cp1251(path):
        return "cp1251"
    line = _row_of_offset(path, offset)
    raise ImportFileError(f"The file {path.name} is neither UTF-8 nor Windows-1251 text: it has bytes that do not "
                          f"decode (first on line {line}, {problem}). Save it as UTF-8 and try again.",
                          "bad_encoding", file=path.name, line=line, byte=offset, reason=reason)


def _decode_problem(exc: UnicodeDecodeError) -> tuple[str, int]:
    """The decoder's words and the file offset of a :func:`_check_decodes` error ("invalid start byte at byte 7")."""
    if (m := re.search(r" at byte (\d+)$", exc.reason)) is not None:
        return exc.reason[: m.start()], int(m.group(1))
    return exc.reason, 0


def _sample(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, newline="") as fh:
        return fh.read(_SAMPLE_CHARS)


def detect_delimiter(sample: str, preferred: str | None = None) -> str:
    """The separator among comma, semicolon and tab that splits the header into the most columns while
    nine in ten of the other sampled records have as many (quotes respected); ``preferred`` wins ties. When none
    gives records that regular, the one that splits the header into the most columns (the rows of another width
    are then refused one by one); when none splits it, ``preferred`` or a comma."""
    complete = sample
    if "\n" in sample:
        complete = sample[: sample.rindex("\n") + 1]  # the last record may be cut short
    best: tuple[int, int, str] | None = None
    widest: tuple[int, int, str] | None = None
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
        if widest is None or (width, -rank) > widest[:2]:
            widest = (width, -rank, delimiter)
        data = records[start + 1:]
        consistent = sum(1 for r in data if len(r) == width or (len(r) > width and not any(r[width:])))
        if data and consistent < 0.9 * len(data):
            continue
        key = (width, -rank, delimiter)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None:
        return best[2]
    if widest is not None:
        return widest[2]
    return preferred or ","


def _unique_columns(cells: Sequence[str | None]) -> list[str]:
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


def _pick_header[Cells: Sequence[str | None]](records: Iterator[tuple[int, Cells]]) -> tuple[int, Cells] | None:
    """The header among the first rows: the first with two or more filled cells (a title line above it is
    passed over), else the first filled one, as (row number, cells)."""
    first: tuple[int, Cells] | None = None
    for number, cells in itertools.islice(records, _HEADER_SEARCH):
        filled = sum(1 for c in cells if c and c.strip())
        if filled >= 2:
            return number, cells
        if filled and first is None:
            first = (number, cells)
    return first


def _check_header(path: Path, cells: Sequence[str | None]) -> None:
    if len(cells) > MAX_COLUMNS:
        raise ImportFileError(f"The file {path.name} has {len(cells):,} columns; at most {MAX_COLUMNS:,} are read.",
                              "too_many_columns", file=path.name, columns=len(cells), max=MAX_COLUMNS)
    if any(c and "\x00" in c for c in cells):
        raise ImportFileError(f"The header row of {path.name} holds a NUL character (U+0000), so the file is not a "
                              "text table. Save it as UTF-8 CSV and try again.", "nul_in_header", file=path.name)


_ONE_NAME = re.compile(r"[\w.\-]+")


def _check_separated(path: Path, header: list[str]) -> None:
    """Refuse a text file whose header is one cell that is not one name ("title_en doc_type", "uid|year"): its
    separator is none of comma, semicolon and tab, and reading it as one column would only say that every
    column is missing."""
    text = header[0].strip().strip("\ufeff") if len(header) == 1 and header[0] else ""
    if text and not _ONE_NAME.fullmatch(text):
        shown = text if len(text) <= 60 else text[:59] + "\u2026"
        raise ImportFileError(f"No comma, semicolon or tab separates the column names in the header row of "
                              f"{path.name} (\u201c{shown}\u201d), so its columns cannot be told apart. Save it as "
                              "CSV (separated by commas or semicolons) or as tab-separated text.", "no_separator",
                              file=path.name, header=shown)


def _row_problem(columns: list[str], cells: list[str], width: int, named: int) -> str | None:
    """Why a CSV row cannot be read (too few or too many fields for the header, a NUL character), or None. A blank
    row is none of these (it is passed over); a row may leave out the header's unnamed columns at its end."""
    if not any(c.strip() for c in cells):
        return None
    if len(cells) > width and any(c.strip() for c in cells[width:]):  # (empty cells past the end: Excel's `;` CSV)
        return ReaderReason(f"the row has {len(cells)} cells but the header has {width} columns (is the separator "
                            "right?)", "too_many_cells", cells=len(cells), columns=width)
    if len(cells) < named:
        return ReaderReason(f"the row has {len(cells)} cells but the header has {named} columns (a separator is "
                            "missing, or a line break outside quotes split the row)", "too_few_cells",
                            cells=len(cells), columns=named)
    return _nul_problem(columns, cells)


def _nul_problem(columns: list[str], cells: Iterable[str | None]) -> str | None:
    for i, cell in enumerate(cells):
        if cell and "\x00" in cell:
            name = columns[i] if i < len(columns) else f"(column {i + 1})"
            return ReaderReason(f"the cell in column \u201c{name}\u201d holds a NUL character (U+0000), which text "
                                "never holds", "nul_character", column=name)
    return None


def _place(path: Path, sheet: str | None = None) -> str:
    return f"sheet \u201c{sheet}\u201d of {path.name}" if sheet else path.name


def _too_many_rows(path: Path, max_rows: int, sheet: str | None = None) -> ImportFileError:
    what = "The" if sheet else "The file"
    return ImportFileError(f"{what} {_place(path, sheet)} has more than {max_rows:,} data rows; split it into smaller "
                           "files and import them one by one.", "too_many_rows", file=path.name, max=max_rows,
                           sheet=sheet)


def _too_long(path: Path, row: int, length: int | None = None, sheet: str | None = None) -> ImportFileError:
    size = f" ({length:,} characters)" if length else ""
    return ImportFileError(f"Row {row} of {_place(path, sheet)} has a field longer than {MAX_FIELD_CHARS:,} "
                           f"characters{size}. Such a file is not read (a quote that is never closed can cause this).",
                           "field_too_long", file=path.name, row=row, max=MAX_FIELD_CHARS, length=length or None,
                           sheet=sheet)


def _csv_records(path: Path, encoding: str, delimiter: str) -> Generator[tuple[int, list[str]], None, None]:
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
                                          f"{start}: a quote (\") is never closed. Nothing was imported.",
                                          "unclosed_quote", file=path.name, line=start) from None
                raise ImportFileError(f"Row {number + 1} of {path.name} (line {start}) is not valid CSV: {problem}. "
                                      "Nothing was imported.", "bad_csv", file=path.name, row=number + 1, line=start,
                                      reason=problem) from None
            number += 1
            last_line = reader.line_num
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError(f"Row {number} of {path.name} has {len(cells):,} cells; at most "
                                      f"{MAX_COLUMNS:,} columns are read.", "too_many_cells", file=path.name,
                                      row=number, cells=len(cells), max=MAX_COLUMNS)
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
        raise ImportFileError(f"The file {path.name} holds no text: it has no header row.", "no_text", file=path.name)
    preferred = "\t" if encoding.startswith("utf-16") or path.suffix.lower() in (".tsv", ".tab") else None
    delimiter = detect_delimiter(sample, preferred)
    records = _csv_records(path, encoding, delimiter)
    try:
        found = _pick_header(records)
    finally:
        records.close()
    if found is None:
        raise ImportFileError(f"The file {path.name} has no header row.", "no_header", file=path.name)
    header_row, header = found
    _check_header(path, header)
    _check_separated(path, header)
    columns = _unique_columns(header)
    width = len(header)
    named = max(i + 1 for i, c in enumerate(header) if c and c.strip())
    found_problems: list[tuple[int, str]] = []
    # one streaming pass over the rest now, so that a damaged file is refused here and not half-way through
    # a preview (the C parser reads ~10 MB a second; memory stays flat)
    count = sum(1 for _ in itertools.islice(
        itertools.dropwhile(lambda r: r[0] <= header_row, _csv_records(path, encoding, delimiter)), max_rows + 1))
    if count > max_rows:
        raise _too_many_rows(path, max_rows)

    def rows() -> Iterator[Row]:
        found_problems.clear()
        count = 0
        for number, cells in _csv_records(path, encoding, delimiter):
            if number <= header_row:
                continue
            count += 1
            if count > max_rows:
                raise _too_many_rows(path, max_rows)
            if (problem := _row_problem(columns, cells, width, named)) is not None:
                found_problems.append((number, problem))
                continue
            yield Row(number, [formula_text_back(c) if c[:1] == "'" else c for c in cells[:width]])

    return Table(columns, "csv", rows, path=path, encoding=encoding, delimiter=delimiter, estimated_rows=count,
                 rejected=found_problems)


# --- XLSX --------------------------------------------------------------------------------------------------------

def check_zip(path: Path) -> None:
    """Refuse an archive that is not a ZIP, is truncated, or would expand too far (a "ZIP bomb"), judging by
    the sizes its entries declare, before anything is decompressed."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportFileError(f"{path.name} is not a valid Excel workbook: it is not a complete ZIP archive "
                              f"({exc}). It may be truncated or damaged; save it again from Excel.", "damaged_zip",
                              file=path.name, reason=str(exc)) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > XLSX_RATIO_FREE_BYTES and ratio > MAX_XLSX_RATIO:
            raise ImportFileError(f"{path.name} is refused: its part {info.filename} would expand "
                                  f"{ratio:,.0f} times (to {info.file_size / 2**20:,.0f} MB), as a ZIP bomb does.",
                                  "zip_bomb", file=path.name, part=info.filename, ratio=round(ratio),
                                  size=round(info.file_size / 2**20))
    if total > MAX_XLSX_UNCOMPRESSED:
        raise ImportFileError(f"{path.name} is refused: it would expand to {total / 2**20:,.0f} MB (at most "
                              f"{MAX_XLSX_UNCOMPRESSED // 2**20} MB are read). Save the data as CSV instead.",
                              "too_large_unzipped", file=path.name, size=round(total / 2**20),
                              max=MAX_XLSX_UNCOMPRESSED // 2**20)
    if not any(i.filename.startswith("xl/worksheets/") for i in infos):
        raise ImportFileError(f"{path.name} is a ZIP archive but not an Excel workbook (it has no worksheets).",
                              "zip_not_workbook", file=path.name)


def _openpyxl() -> ModuleType:
    """openpyxl, made sure to parse its XML through defusedxml (entity expansion refused)."""
    import defusedxml  # noqa: F401 - a runtime dependency: openpyxl uses it when it is installed
    import openpyxl
    from openpyxl.xml import functions

    safe = getattr(openpyxl, "DEFUSEDXML", False) and functions.iterparse.__module__.startswith("defusedxml")
    if not safe:
        raise ImportFileError("Excel files cannot be read safely here (openpyxl is not using defusedxml; is the "
                              "OPENPYXL_DEFUSEDXML environment variable set to False?). Save the data as CSV instead.",
                              "unsafe_excel", library="openpyxl", parser="defusedxml", variable="OPENPYXL_DEFUSEDXML")
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


_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx_text_back(value: str) -> str:
    """Text of an XLSX cell as typed: each OOXML character escape "_xHHHH_" is the character it names ("_x005F_"
    an underscore, so "_x005F_x0041_" is "_x0041_"; "_x000D_" a carriage return, as Excel writes one). The
    inverse of desktop.export.writers.xlsx_text; openpyxl leaves cell text escaped."""
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value) if "_x" in value else value


def xlsx_cell_text(value: object) -> str | None:
    """An XLSX cell's value as text (:func:`cell_text`), its text unescaped (:func:`xlsx_text_back`): the workbook
    is read by :func:`_escaped_strings_reader`, which leaves every cell's text as stored."""
    return xlsx_text_back(value) if isinstance(value, str) else cell_text(value)


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
                               "needs (an \u201centity expansion\u201d or \u201cbillion laughs\u201d attack).",
                               "xml_entities", file=path.name)
    first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ImportFileError(f"{path.name} cannot be read as an Excel workbook ({first_line[:200]}). Save it again "
                           "from Excel, or as CSV.", "damaged_workbook", file=path.name, reason=first_line[:200])


_WORKBOOK_ERRORS = (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, TypeError, SyntaxError,
                    AttributeError, IndexError)


@functools.cache
def _escaped_strings_reader() -> type:
    """openpyxl's workbook reader (what ``load_workbook`` runs), keeping the shared strings' text as stored: openpyxl
    deletes every "x005F_" from them, which turns "_x005F_x0041_" (text typed as "_x0041_") into the escape of "A"
    and cannot be undone; inline strings it leaves as stored. Cell text is unescaped by :func:`xlsx_text_back`."""
    from openpyxl.cell.text import Text
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    class Reader(ExcelReader):
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)  # type: ignore[no-untyped-call]
            if part is None:
                return
            tag = f"{{{SHEET_MAIN_NS}}}si"
            strings = []
            with self.archive.open(part.PartName[1:]) as src:
                for _, node in iterparse(src):
                    if node.tag == tag:
                        text = Text.from_tree(node)
                        strings.append(text.content if text is not None else "")
                        node.clear()
            self.shared_strings = strings

    return Reader


@contextmanager
def _open_workbook(path: Path) -> Iterator[Any]:
    """The workbook at ``path`` (read-only, values) for a ``with`` block. This function opens the file and closes it
    when the block ends, however it ends: when a read fails, openpyxl leaves the file open (load_workbook does not
    close its archive, and a sheet's stream that the failed read abandoned keeps it open past the workbook's close)."""
    _openpyxl()
    from defusedxml import DefusedXmlException

    try:
        file = path.open("rb")
    except OSError as exc:
        raise _workbook_error(path, exc) from None
    with file:
        try:
            reader = _escaped_strings_reader()(file, read_only=True, data_only=True)
            reader.read()
            wb = reader.wb
        except (DefusedXmlException, *_WORKBOOK_ERRORS) as exc:
            raise _workbook_error(path, exc) from None
        try:
            yield wb
        finally:
            wb.close()


def _sheet_cells(path: Path, sheet: str) -> Iterator[tuple[int, tuple[object, ...], list[int]]]:
    """(sheet row number, cell values, positions of the error cells such as #DIV/0!) of each row of ``sheet``."""
    from defusedxml import DefusedXmlException

    with _open_workbook(path) as wb:
        ws = wb[sheet]
        ws.reset_dimensions()
        try:
            for number, cells in enumerate(ws.iter_rows(), start=1):
                yield (number, tuple(c.value for c in cells),
                       [i for i, c in enumerate(cells) if c.data_type == "e" and c.value is not None])
        except (DefusedXmlException, *_WORKBOOK_ERRORS) as exc:
            raise _workbook_error(path, exc) from None


# a sheet's header row: (its row number, the position of its first filled cell, its cells from that one to the last
# filled one)
_Header = tuple[int, int, list[str | None]]


def _header_of(ws: ReadOnlyWorksheet) -> _Header | None:
    ws.reset_dimensions()
    # (types-openpyxl gives ReadOnlyWorksheet Worksheet's iter_rows, bound to a Worksheet: mypy issue 6700)
    rows = ws.iter_rows(max_row=_HEADER_SEARCH, values_only=True)  # type: ignore[misc]
    found = _pick_header((n, [xlsx_cell_text(v) for v in values]) for n, values in enumerate(rows, start=1))
    if found is None:
        return None
    header_row, header = found
    first = next(i for i, c in enumerate(header) if c and c.strip())
    last = max(i for i, c in enumerate(header) if c and c.strip())
    return header_row, first, header[first: last + 1]


def _sheet_headers(path: Path, sheet: str | None, every: bool) -> tuple[list[str], dict[str, _Header | None]]:
    """A workbook's worksheet names (chart sheets left out), and the header rows of ``sheet`` (by default the
    first), or of every sheet when ``every``; the workbook is opened once."""
    from defusedxml import DefusedXmlException

    with _open_workbook(path) as wb:
        names = [ws.title for ws in wb.worksheets]
        if not names:
            raise ImportFileError(f"{path.name} is an Excel workbook without worksheets (it holds charts only).",
                                  "no_worksheets", file=path.name)
        if sheet is not None and sheet not in names:
            raise ImportFileError(f"{path.name} has no sheet named \u201c{sheet}\u201d; its sheets are "
                                  f"{_sheet_list(names)}.", "no_such_sheet", file=path.name, sheet=sheet,
                                  sheets=list(names))
        wanted = names if every and len(names) > 1 else [sheet or names[0]]
        try:
            return names, {name: _header_of(wb[name]) for name in wanted}
        except (DefusedXmlException, *_WORKBOOK_ERRORS) as exc:
            raise _workbook_error(path, exc) from None


def _sheet_list(names: list[str]) -> str:
    shown = ", ".join(f"\u201c{n}\u201d" for n in names[:12])
    return shown + (f" and {len(names) - 12} more" if len(names) > 12 else "")


def _choose_sheet(path: Path, names: list[str], headers: dict[str, _Header | None],
                  score_header: Callable[[list[str]], int]) -> str:
    """The one sheet whose header row scores highest; SheetChoiceNeeded naming the sheets when none scores above
    nothing or several score the same."""
    scores = {name: score_header(_unique_columns(found[2])) if found else 0 for name, found in headers.items()}
    best = max(scores.values())
    top = [name for name in names if scores[name] == best]
    if best <= 0:
        raise SheetChoiceNeeded(f"None of the {len(names)} sheets of {path.name} ({_sheet_list(names)}) has a header "
                                "row with columns to import. Choose the sheet to import.", names, "no_sheet_fits",
                                file=path.name, count=len(names))
    if len(top) > 1:
        raise SheetChoiceNeeded(f"Several sheets of {path.name} have header rows that fit equally well "
                                f"({_sheet_list(top)}). Choose the sheet to import.", names, "several_sheets_fit",
                                file=path.name, fitting=top)
    return top[0]


def _read_xlsx(path: Path, max_rows: int, sheet: str | None,
               score_header: Callable[[list[str]], int] | None = None) -> Table:
    check_zip(path)
    names, headers = _sheet_headers(path, sheet, every=sheet is None and score_header is not None)
    if sheet is None:
        sheet = _choose_sheet(path, names, headers, score_header) if len(headers) > 1 and score_header else names[0]
    found = headers[sheet]
    if found is None:
        raise ImportFileError(f"The sheet \u201c{sheet}\u201d of {path.name} is empty: it has no header row.",
                              "empty_sheet", file=path.name, sheet=sheet)
    header_row, first, header = found
    _check_header(path, header)
    columns = _unique_columns(header)
    with zipfile.ZipFile(path) as archive:
        sheet_bytes = max((i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")),
                          default=0)
    estimate = max(1, sheet_bytes // max(1, 40 * len(columns)))
    chosen = sheet

    def rows() -> Iterator[Row]:
        from openpyxl.utils import get_column_letter

        count = 0
        for number, values, errors in _sheet_cells(path, chosen):
            if number <= header_row:
                continue
            cells: list[str | None] = [xlsx_cell_text(v) for v in values[first:]]
            for i in errors:
                if i >= first:
                    error = str(values[i])
                    cells[i - first] = Unreadable(error, f"cell {get_column_letter(i + 1)}{number} of sheet "
                                                         f"\u201c{chosen}\u201d holds the error {error}, not a value")
            while cells and cells[-1] is None:
                cells.pop()
            if not cells:
                continue
            count += 1
            if count > max_rows:
                raise _too_many_rows(path, max_rows, chosen)
            longest = max((len(c) for c in cells if c), default=0)
            if longest > MAX_FIELD_CHARS:
                raise _too_long(path, number, longest, chosen)
            yield Row(number, cells)

    return Table(columns, "xlsx", rows, path=path, sheet=sheet, estimated_rows=estimate, sheets=tuple(names))


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
                              f"{MAX_JSON_BYTES // 2**20} MB are read. Use CSV for larger tables.", "json_too_large",
                              file=path.name, size=round(size / 2**20), max=MAX_JSON_BYTES // 2**20)
    encoding = detect_encoding(path)
    with open(path, encoding=encoding) as fh:
        return fh.read()


_MAX_JSON_DIGITS = 100
_JSON_SHAPE = '[{"uid": ..., ...}, ...]'  # what a JSON file to import holds


def _json_constant(name: str) -> Unreadable:
    """NaN, Infinity and -Infinity, which Python's json module reads although JSON has no such numbers."""
    return Unreadable(name, f"{name} is not a number that can be imported")


def _json_float(text: str) -> float | Unreadable:
    value = float(text)
    if math.isfinite(value):
        return value
    return Unreadable(text, f"the number {text[:40]} is too large")


def _json_int(text: str) -> int | Unreadable:
    if len(text.lstrip("-")) > _MAX_JSON_DIGITS:  # int() refuses very long ones with a ValueError of its own
        return Unreadable(text[:20] + "\u2026", f"a number of {len(text.lstrip('-')):,} digits is too large")
    return int(text)


class _JsonObject(dict[str, object]):
    """A JSON object, with the keys it names more than once (json keeps the last value and says nothing)."""

    repeated: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, object]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    if len(obj) < len(pairs):
        obj.repeated = tuple(key for key, n in Counter(key for key, _ in pairs).items() if n > 1)
    return obj


def _json_cell(value: object, row: int, key: str, path: Path) -> str | None:
    if isinstance(value, Unreadable):
        return value
    if isinstance(value, bool):
        return JsonBool(cell_text(value))
    if value is None or isinstance(value, (str, int, float)):
        return cell_text(value)
    if isinstance(value, list) and all(v is None or isinstance(v, (str, bool, int, float)) for v in value):
        unreadable = next((v for v in value if isinstance(v, Unreadable)), None)
        if unreadable is not None:
            return Unreadable(unreadable, f"its list holds {unreadable}, which is not a value")
        return JsonList(t for v in value if (t := cell_text(v)) is not None)
    found = "object" if isinstance(value, dict) else "list"
    raise ImportFileError(f"Row {row} of {path.name}: the value of \u201c{key[:80]}\u201d is a nested {found}; only "
                          "text, numbers, true/false, null and lists of those are read.", "json_nested",
                          file=path.name, row=row, key=key[:80], found=found)


def _load_json(path: Path, size: int) -> object:
    """A JSON file's value, read as the import reads it (its size and nesting checked first; NaN, Infinity and
    over-long numbers as Unreadable; objects as _JsonObject)."""
    text = _json_text(path, size)
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ImportFileError(f"{path.name} is nested {depth:,} levels deep; a table needs 2 (a list of objects) "
                              f"and more than {MAX_JSON_DEPTH} are refused.", "json_too_deep", file=path.name,
                              depth=depth, max=MAX_JSON_DEPTH)
    try:
        data = json.loads(text, parse_constant=_json_constant, parse_float=_json_float, parse_int=_json_int,
                          object_pairs_hook=_json_object)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path.name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).",
                              "bad_json", file=path.name, reason=exc.msg, line=exc.lineno, column=exc.colno) from None
    except (RecursionError, MemoryError):
        raise ImportFileError(f"{path.name} is too deeply nested or too large to read.", "json_unreadable",
                              file=path.name) from None
    return data


def _read_json(path: Path, size: int, max_rows: int) -> Table:
    data = _load_json(path, size)
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":  # GeoJSON saved as .json
        return _geojson_table(path, data, max_rows)
    if not isinstance(data, list):
        found = ("object" if isinstance(data, dict) else "bool" if isinstance(data, bool)
                 else "null" if data is None else "string" if type(data) is str else "number")
        what = {"object": "an object", "bool": "true or false", "null": "null", "string": "a string",
                "number": "a number"}[found]
        raise ImportFileError(f"{path.name} holds {what}, not a list of objects (one object per record, as "
                              f"{_JSON_SHAPE}).", "json_not_list", file=path.name, found=found, example=_JSON_SHAPE)
    if not data:
        raise ImportFileError(f"{path.name} holds an empty list: there are no records in it to import.", "json_empty",
                              file=path.name)
    if len(data) > max_rows:
        raise _too_many_rows(path, max_rows)
    columns: dict[str, None] = {}
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            found = "list" if isinstance(item, list) else "other"
            raise ImportFileError(f"{path.name} is not a list of objects: item {n} is "
                                  f"{'a list' if found == 'list' else 'not an object'}.", "json_item_not_object",
                                  file=path.name, item=n, found=found)
        for key in item:
            columns.setdefault(key)
        if len(columns) > MAX_COLUMNS:
            raise ImportFileError(f"{path.name} has more than {MAX_COLUMNS:,} different keys; at most "
                                  f"{MAX_COLUMNS:,} are read.", "json_too_many_keys", file=path.name,
                                  max=MAX_COLUMNS)
    names = list(columns)
    converted: list[Row] = []
    problems: list[tuple[int, str]] = []
    for n, item in enumerate(data, start=1):
        cells = [_json_cell(item.get(key), n, key, path) for key in names]
        longest = max((len(c) for c in cells if c), default=0)
        if longest > MAX_FIELD_CHARS:
            raise _too_long(path, n, longest)
        repeated = getattr(item, "repeated", ())
        if repeated:
            problems.append((n, ReaderReason(f"the object names the key \u201c{repeated[0][:80]}\u201d more than "
                                             "once, so its value is unclear", "repeated_key", key=repeated[0][:80])))
        elif (problem := _nul_problem(names, cells)) is not None:
            problems.append((n, problem))
        else:
            converted.append(Row(n, cells))
    del data
    return Table(_unique_columns(names), "json", lambda: iter(converted), path=path, encoding="utf-8",
                 estimated_rows=len(converted) + len(problems), rejected=problems)


# --- GeoJSON -----------------------------------------------------------------------------------------------------

# The names a GeoJSON "crs" member may give for WGS 84 longitude/latitude (RFC 7946 has no "crs": its coordinates
# are WGS 84; files from GDAL before 2.2 or QGIS 2 still name it). Any other CRS is refused, not converted.
WGS84_NAMES = frozenset({"urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "urn:ogc:def:crs:epsg::4326",
                         "epsg:4326", "crs84", "wgs84", "wgs 84"})
_GEO_TOLERANCE = 1e-7  # degrees (about a centimetre): two coordinates closer than this are the same place
Position = tuple[float, float]  # (lon, lat), in GeoJSON's order


@dataclass
class GeoTable(Table):
    """A GeoJSON FeatureCollection as a table: one row per feature (row n is the n-th feature), its properties as
    the columns. A Point gives the row its ``lat`` and ``lon`` cells: the geometry wins over lat and lon properties
    that disagree with it (it is where a GIS moved the place; ``moved`` lists the uids of such features). Of the
    other geometries only their type (``geometries``: row -> type, None for "geometry": null) and, of a LineString,
    its ends (``ends``: row -> (first, last) position) are kept."""

    geometries: dict[int, str | None] = field(default_factory=dict, repr=False)
    ends: dict[int, tuple[Position, Position]] = field(default_factory=dict, repr=False)
    moved: list[str] = field(default_factory=list, repr=False)

    def notes(self) -> list[str]:
        if not self.moved:
            return []
        return [f"{len(self.moved)} feature(s) have a Point that differs from their lat and lon properties (e.g. "
                f"{self.moved[0]}): the Point is taken, as it is where the place was moved in the GIS."]


def _read_geojson(path: Path, size: int, max_rows: int) -> Table:
    data = _load_json(path, size)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        found = "list" if isinstance(data, list) else "object" if isinstance(data, dict) else "other"
        raise ImportFileError(f"{path.name} is not a GeoJSON FeatureCollection (an object with \"type\": "
                              "\"FeatureCollection\" and its \"features\"), so no places can be read from it.",
                              "not_geojson", file=path.name, found=found)
    return _geojson_table(path, data, max_rows)


def _crs_name(crs: object) -> str:
    """The name a GeoJSON 2008 "crs" member gives ({"type": "name", "properties": {"name": ...}})."""
    if isinstance(crs, dict):
        props = crs.get("properties")
        if isinstance(props, dict) and isinstance(props.get("name"), str):
            return str(props["name"])
        if isinstance(props, dict) and props.get("href"):
            return str(props["href"])
    return json.dumps(crs, ensure_ascii=False)[:80]


def _position(value: object, path: Path, feature: int) -> Position:
    """A GeoJSON position [lon, lat, ...] checked: two numbers, in WGS 84's range."""
    if (not isinstance(value, list) or len(value) < 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[:2])):
        raise ImportFileError(f"Feature {feature} of {path.name} has coordinates that are not a pair of numbers "
                              "[longitude, latitude].", "geojson_bad_coordinates", file=path.name, feature=feature)
    lon, lat = float(value[0]), float(value[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ImportFileError(f"Feature {feature} of {path.name} lies outside the world's longitudes and latitudes "
                              f"(longitude {lon:g}, latitude {lat:g}); GeoJSON gives longitude first, in WGS 84 "
                              "degrees.", "geojson_out_of_range", file=path.name, feature=feature, lon=f"{lon:g}",
                              lat=f"{lat:g}")
    return lon, lat


def _geometry(value: object, path: Path, feature: int) -> tuple[str | None, list[Position]]:
    """A feature's geometry type (None for null) and its positions (a Point's one, a LineString's every one; none
    for other types, which are refused for nodes and segments by :func:`check_geometry`)."""
    if value is None:
        return None, []
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        raise ImportFileError(f"Feature {feature} of {path.name} has coordinates that are not a pair of numbers "
                              "[longitude, latitude].", "geojson_bad_coordinates", file=path.name, feature=feature)
    kind = str(value["type"])
    coordinates = value.get("coordinates")
    if kind == "Point":
        return kind, [_position(coordinates, path, feature)]
    if kind == "LineString":
        if not isinstance(coordinates, list) or len(coordinates) < 2:
            raise ImportFileError(f"Feature {feature} of {path.name} has coordinates that are not a pair of numbers "
                                  "[longitude, latitude].", "geojson_bad_coordinates", file=path.name,
                                  feature=feature)
        return kind, [_position(c, path, feature) for c in coordinates]
    return kind, []


def _number(cell: str | None) -> float | None:
    try:
        return float(cell) if cell is not None else None
    except ValueError:
        return None


def _geojson_table(path: Path, data: dict[str, object], max_rows: int) -> GeoTable:
    """The features of a FeatureCollection as a GeoTable (see there)."""
    if "crs" in data and data["crs"] is not None:
        name = _crs_name(data["crs"])
        if name.strip().casefold() not in WGS84_NAMES:
            raise ImportFileError(f"{path.name} gives its coordinates in the reference system {name}, not in WGS 84 "
                                  "longitude and latitude (EPSG:4326), as GeoJSON requires. Save it again from the "
                                  "GIS as GeoJSON in EPSG:4326.", "geojson_crs", file=path.name, crs=name)
    features = data.get("features")
    if not isinstance(features, list) or not all(isinstance(f, dict) and f.get("type") == "Feature"
                                                  and isinstance(f.get("properties") or {}, dict)
                                                  for f in features):
        raise ImportFileError(f"The \"features\" of {path.name} are not a list of GeoJSON Feature objects.",
                              "geojson_bad_features", file=path.name)
    if not features:
        raise ImportFileError(f"{path.name} holds an empty list: there are no records in it to import.", "json_empty",
                              file=path.name)
    if len(features) > max_rows:
        raise _too_many_rows(path, max_rows)
    shapes = [_geometry(f.get("geometry"), path, n) for n, f in enumerate(features, start=1)]
    properties: list[dict[str, object]] = [f.get("properties") or _JsonObject() for f in features]
    columns: dict[str, None] = {}
    for feature, props in zip(features, properties, strict=True):
        if "uid" not in props and isinstance(feature.get("id"), str):
            props["uid"] = feature["id"]  # a feature's "id" stands for its uid when the properties lack one
        for key in props:
            columns.setdefault(key)
        if len(columns) > MAX_COLUMNS:
            raise ImportFileError(f"{path.name} has more than {MAX_COLUMNS:,} different keys; at most "
                                  f"{MAX_COLUMNS:,} are read.", "json_too_many_keys", file=path.name,
                                  max=MAX_COLUMNS)
    if any(kind == "Point" for kind, _ in shapes):
        columns.setdefault("lat")
        columns.setdefault("lon")
    names = list(columns)
    table = GeoTable(_unique_columns(names), "geojson", lambda: iter(converted), path=path, encoding="utf-8",
                     estimated_rows=len(features))
    converted: list[Row] = []
    for n, (props, (kind, positions)) in enumerate(zip(properties, shapes, strict=True), start=1):
        cells = [_json_cell(props.get(key), n, key, path) for key in names]
        table.geometries[n] = kind
        if kind == "Point":
            lon, lat = positions[0]
            given = (_number(cells[names.index("lon")]), _number(cells[names.index("lat")]))
            if given != (None, None) and (given[0] is None or given[1] is None or abs(given[0] - lon) > _GEO_TOLERANCE
                                          or abs(given[1] - lat) > _GEO_TOLERANCE):
                table.moved.append(str(props.get("uid") or f"feature {n}"))
            cells[names.index("lon")], cells[names.index("lat")] = cell_text(lon), cell_text(lat)
        elif kind == "LineString":
            table.ends[n] = (positions[0], positions[-1])
        longest = max((len(c) for c in cells if c), default=0)
        if longest > MAX_FIELD_CHARS:
            raise _too_long(path, n, longest)
        repeated = getattr(props, "repeated", ())
        if repeated:
            table.rejected.append((n, ReaderReason(f"the object names the key \u201c{repeated[0][:80]}\u201d more "
                                                   "than once, so its value is unclear", "repeated_key",
                                                   key=repeated[0][:80])))
        elif (problem := _nul_problem(names, cells)) is not None:
            table.rejected.append((n, problem))
        else:
            converted.append(Row(n, cells))
    return table


GEOMETRY_OF = {"node": "Point", "segment": "LineString"}  # the geometry each kind's features have


def check_geometry(kind: str, table: Table) -> None:
    """Refuse (ImportFileError) a GeoJSON file whose features do not have the geometry of ``kind`` (a Point for a
    node, a LineString for a segment; "geometry": null is always taken), or GeoJSON for a kind without places."""
    if not isinstance(table, GeoTable):
        return
    file = table.path.name if table.path else "the file"
    wanted = GEOMETRY_OF.get(kind, "none")
    need = {"Point": "a node needs a Point", "LineString": "a segment needs a LineString"}.get(
        wanted, "only nodes (Point) and segments (LineString) are imported from GeoJSON")
    for feature, found in table.geometries.items():
        if found is not None and found != wanted:
            raise ImportFileError(f"Feature {feature} of {file} has a {found} geometry, but {need}.",
                                  "geojson_geometry", file=file, feature=feature, found=found, wanted=wanted)
