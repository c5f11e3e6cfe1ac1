"""Importing records from a table file: matching its columns, a preview of what would be added, updated,
left unchanged and rejected, and the change set that applies it as one edit (one transaction, one undo step).

Files follow desktop.export.fileformat (what the exporters write), but a hand-made table also imports: its
columns are matched by name in English or Russian whatever their case, spaces and punctuation ("Date signed",
"Дата подписания", "date_signed"); dates may be dd.mm.yyyy or ISO, numbers "1 234,5" or "1,234.5"; lists are
separated by ";" or ",". References name records by uid (events, corridors, sources) or by ISO3 code
(partners).

A row updates an existing record when it carries that record's ``uid``, or, without a uid, when it has the
record's natural key (a trade figure's partner, year, period and statistics; an agreement's date and title ...).
Columns the file does not have keep their values on update. Every record added or updated also cites a new
source that stands for the imported file.

Files of hundreds of thousands of rows are read as a stream: the preview keeps its counts, the rejected rows and, for
the window and the command line, what changes in the first rows (field, value now, value after); the rows to add,
update or leave are kept in a scratch database on disk (PlannedRows), not in memory. The change set is made from
them a batch at a time as it is written (desktop.export.import_writer), in one transaction, and kept for undo in
the change log.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import json
import marshal
import re
import sqlite3
import unicodedata
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast, overload

from desktop.core.dates import calendar_reason
from desktop.core.edits import Changes, ChangeSet, RecordChange, Snapshot
from desktop.core.errors import AtlasError
from desktop.core.validation import FIELDS, FieldError, ValidationContext, validate
from desktop.data.database import Database
from desktop.data.editing import TABLES, EditError, Editor
from desktop.data.vocabularies import validation_context
from desktop.export import import_writer
from desktop.export.comtrade import layout as comtrade_layout
from desktop.export.fileformat import COLUMNS, IMPORT_KINDS, LIST_FIELDS, REFERENCE_COLUMNS, file_column, form_field
from desktop.export.readers import (
    MAX_ROWS,
    GeoTable,
    JsonBool,
    JsonList,
    Table,
    Unreadable,
    check_geometry,
    normalise_name,
    read_table,
)

# values a record gets when the file has no column (or, for a new record, an empty cell) for them: the
# schema's defaults
DEFAULTS: dict[str, dict[str, str]] = {
    "agreement": {"status": "unknown", "doc_count": "1"},
    "trade": {"period": "FY", "statistics": "unknown", "qualifier": "exact"},
    "fact": {"qualifier": "exact"},
}
# at least one of these columns is needed (validation's one-of rules)
ONE_OF: dict[str, tuple[str, ...]] = {
    "agreement": ("title_en", "title_ru", "title_kk"),
    "event": ("title_en", "title_ru"),
    "trade": ("turnover_usd_m", "exports_usd_m", "imports_usd_m"),
    "target": ("value_usd_m", "multiplier"),
}
NATURAL_KEYS = {
    "trade": "partner, year, period and statistics",
    "target": "partner, measure, date stated and value",
    "fact": "partner or corridor, measure and date",
    "event": "start date and title",
    "agreement": "date signed and title",
    "alias": "group and name",
    "node": "country and English name",
    "segment": "corridor, ends and mode",
}
KIND_NAMES = {"agreement": "agreement", "event": "event", "trade": "trade figure", "target": "target",
              "fact": "fact", "source": "source", "corridor": "corridor", "node": "node", "partner": "partner",
              "alias": "other name", "segment": "segment"}
MAX_UID = 80
_UID = re.compile(r"[^\s\x00-\x1f\x7f-\x9f;,]{1,80}")
_LIST_SPLIT = re.compile(r"\s*[;,]\s*")
# a number with a comma before exactly three digits ("41,234"): a thousands separator or a decimal comma
_COMMA_THREE = re.compile(r"[+\-\u2212]?[0-9]{1,3},[0-9]{3}")
# line breaks and tabs (those a multi-line field keeps), with the spaces around them
_LINE_BREAKS = re.compile(r"[ \t\r\n\u2028\u2029]*[\t\r\n\u2028\u2029][ \t\r\n\u2028\u2029]*")
_SHOWN = 60
DETAILED = 200  # rows to add whose values the preview keeps as text, to be shown (rows to update: every one)

# Column names besides the canonical ones: (sure synonyms, loose synonyms). A loose match (a bare "Date",
# "Country", "Exports" without a unit) makes the match unsure, so the import dialog asks the user to check it.
SYNONYMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "uid": (("UID", "Record uid", "Record UID", "UID записи", "Уникальный идентификатор"),
            ("ID", "Identifier", "Идентификатор", "Код записи")),
    "title_en": (("Title (English)", "English title", "Title EN", "Title in English", "Title, English", "Title (en)",
                  "Название (англ.)", "Название (английский)", "Название на английском", "Наименование (англ.)",
                  "Название на английском языке", "Заголовок (англ.)"),
                 ("Title", "Name", "Agreement", "Document")),
    "title_ru": (("Title (Russian)", "Russian title", "Title RU", "Title in Russian", "Title, Russian", "Title (ru)",
                  "Название (рус.)", "Название (русский)", "Название на русском", "Наименование (рус.)",
                  "Название на русском языке", "Заголовок (рус.)"),
                 ("Название", "Наименование", "Заголовок", "Соглашение", "Документ")),
    "title_kk": (("Title (Kazakh)", "Kazakh title", "Title KK", "Title KZ", "Title in Kazakh", "Title (kk)",
                  "Название (каз.)", "Название (казахский)", "Название на казахском", "Наименование (каз.)",
                  "Атауы"), ()),
    "date_signed": (("Date signed", "Signed on", "Date of signing", "Signing date", "Signature date",
                     "Дата подписания", "Подписано", "Дата заключения"), ("Date", "Signed", "Дата")),
    "doc_type": (("Document type", "Doc type", "Type of document", "Тип документа", "Вид документа"),
                 ("Type", "Тип", "Вид")),
    "level": (("Level", "Agreement level", "Уровень", "Уровень соглашения"), ()),
    "status": (("Status", "Статус", "Agreement status", "Статус соглашения"), ("State", "Состояние")),
    "doc_count": (("Documents in it", "Document count", "Number of documents", "Documents", "Количество документов",
                   "Число документов", "Документов"), ()),
    "event": (("Signed at", "Event", "Event uid", "Event UID", "Событие", "Мероприятие", "Подписано в ходе",
               "UID события"), ("Visit", "Визит")),
    "summary_en": (("Summary (English)", "English summary", "Summary EN", "Описание (англ.)",
                    "Краткое содержание (англ.)", "Аннотация (англ.)"), ("Summary", "Description")),
    "summary_ru": (("Summary (Russian)", "Russian summary", "Summary RU", "Описание (рус.)",
                    "Краткое содержание (рус.)", "Аннотация (рус.)"),
                   ("Описание", "Краткое содержание", "Аннотация")),
    "partners": (("Partners", "Partner countries", "Countries", "Партнёры", "Партнеры", "Страны", "Страны-партнёры",
                  "Страны-партнеры"), ("Partner", "Country", "Партнёр", "Партнер", "Страна")),
    "sectors": (("Sectors", "Sector", "Areas", "Fields", "Отрасли", "Отрасль", "Сферы", "Сфера", "Сектора",
                 "Сектор", "Области"), ()),
    "sources": (("Sources", "Source", "Source uids", "Источники", "Источник"), ()),
    "kind": (("Kind", "Event kind", "Kind of event", "Type of event", "Event type", "Вид события", "Тип события",
              "Вид"), ("Type", "Тип")),
    "date_start": (("Start date", "Date start", "Starts", "Date from", "Дата начала", "Начало", "Дата с"),
                   ("Date", "From", "Дата", "С")),
    "date_end": (("End date", "Date end", "Ends", "Date to", "Дата окончания", "Окончание", "Дата по"),
                 ("To", "По")),
    "place_en": (("Place (English)", "Place EN", "Place in English", "Место (англ.)", "Место проведения (англ.)"),
                 ("Place", "City", "Location")),
    "place_ru": (("Place (Russian)", "Place RU", "Place in Russian", "Место (рус.)", "Место проведения (рус.)"),
                 ("Место", "Место проведения", "Город")),
    "documents_signed": (("Documents signed", "Number of documents signed", "Документов подписано",
                          "Подписано документов", "Количество подписанных документов"), ()),
    "partner_iso3": (("Partner", "Partner ISO3", "Partner code", "Partner ISO", "Партнёр", "Партнер",
                      "Код партнёра", "Код партнера", "Страна-партнёр", "Страна-партнер"),
                     ("Country", "Country code", "ISO3", "ISO", "Страна", "Код страны", "Partners", "Партнёры")),
    "year": (("Year", "Год"), ("Годы", "Years")),
    "period": (("Period", "Период"), ("Months", "Месяцы")),
    "turnover_usd_m": (("Turnover, USD million", "Turnover (USD million)", "Turnover, USD m", "Turnover USD m",
                        "Trade turnover, USD million", "Trade, USD million", "Turnover, million USD",
                        "Товарооборот, млн долл. США", "Товарооборот, млн долларов США", "Товарооборот, млн долл.",
                        "Товарооборот (млн долл. США)", "Товарооборот, млн $", "Товарооборот, млн USD",
                        "Внешнеторговый оборот, млн долл. США"),
                       ("Turnover", "Trade turnover", "Trade", "Товарооборот", "Оборот", "Внешнеторговый оборот")),
    "exports_usd_m": (("Exports, USD million", "Export, USD million", "Exports (USD million)", "Exports, USD m",
                       "Exports USD m", "Exports, million USD", "Экспорт, млн долл. США", "Экспорт, млн долларов США",
                       "Экспорт, млн долл.", "Экспорт (млн долл. США)", "Экспорт, млн $", "Экспорт, млн USD"),
                      ("Exports", "Export", "Экспорт")),
    "imports_usd_m": (("Imports, USD million", "Import, USD million", "Imports (USD million)", "Imports, USD m",
                       "Imports USD m", "Imports, million USD", "Импорт, млн долл. США", "Импорт, млн долларов США",
                       "Импорт, млн долл.", "Импорт (млн долл. США)", "Импорт, млн $", "Импорт, млн USD"),
                      ("Imports", "Import", "Импорт")),
    "statistics": (("Whose statistics", "Statistics", "Statistics of", "Source of statistics", "Чья статистика",
                    "Статистика", "Источник статистики", "Данные чьей статистики"), ()),
    "qualifier": (("Precision", "Qualifier", "Accuracy", "Точность", "Характер значения", "Квалификатор"), ()),
    "note_en": (("Note (English)", "Note EN", "English note", "Примечание (англ.)", "Комментарий (англ.)"),
                ("Note", "Notes", "Comment", "Remarks")),
    "note_ru": (("Note (Russian)", "Note RU", "Russian note", "Примечание (рус.)", "Комментарий (рус.)"),
                ("Примечание", "Примечания", "Комментарий")),
    "metric": (("Measure", "Metric", "Indicator", "Показатель", "Метрика", "Индикатор"), ()),
    "value_usd_m": (("Value, USD million", "Target, USD million", "Target value, USD million", "Value (USD million)",
                     "Значение, млн долл. США", "Цель, млн долл. США", "Целевое значение, млн долл. США"),
                    ("Value", "Target", "Значение", "Цель", "Целевое значение")),
    "multiplier": (("Multiple (×)", "Multiple", "Multiplier", "Times", "Во сколько раз", "Кратность", "Множитель",
                    "Увеличить в (раз)"), ()),
    "horizon_year": (("By the year", "Horizon year", "Target year", "By year", "К году", "Год достижения",
                      "Срок (год)", "Горизонт (год)"), ("Horizon", "Срок", "Горизонт")),
    "horizon_note_en": (("Horizon as stated (English)", "Horizon note (English)", "Horizon note",
                         "Срок как заявлено (англ.)"), ()),
    "horizon_note_ru": (("Horizon as stated (Russian)", "Horizon note (Russian)", "Срок как заявлено (рус.)",
                         "Срок как заявлено"), ()),
    "stated_on": (("Stated on", "Date stated", "Announced on", "Дата заявления", "Заявлено", "Дата объявления"),
                  ("Date", "Дата")),
    "stated_by_en": (("Stated by (English)", "Stated by EN", "Кем заявлено (англ.)"), ("Stated by", "Who stated")),
    "stated_by_ru": (("Stated by (Russian)", "Stated by RU", "Кем заявлено (рус.)"), ("Кем заявлено", "Кто заявил")),
    "corridor": (("Corridor", "Corridor uid", "Corridor UID", "Коридор", "Транспортный коридор", "UID коридора"),
                 ("Route", "Маршрут")),
    "value": (("Value", "Значение", "Value as stated", "Значение как указано"), ()),
    "value_num": (("Value as a number", "Numeric value", "Value (number)", "Number", "Числовое значение",
                   "Значение (число)", "Число"), ()),
    "unit": (("Unit", "Units", "Unit of measure", "Единица", "Единица измерения", "Ед. изм.", "Единицы"), ()),
    "as_of": (("As of", "As at", "Date as of", "На дату", "По состоянию на", "Дата данных"), ("Date", "Дата")),
    "group_id": (("Group", "Group id", "Alias group", "Группа", "Группа названий"), ()),
    "name": (("Name", "Other name", "Alias", "Название", "Другое название", "Синоним"), ()),
    "lang": (("Language", "Language code", "Lang", "Язык", "Код языка"), ()),
}


class ImportProblem(AtlasError):
    """An import that cannot go on as asked (a mapping naming unknown fields, nothing to import ...)."""


class ImportCancelled(ImportProblem):
    """The user cancelled the check of a file's rows."""


class NothingToImport(ImportProblem):
    """A preview with no row to add or update."""


def _index(kind: str) -> dict[str, tuple[str, int]]:
    """normalised name -> (column, strength: 0 canonical, 1 sure synonym, 2 loose synonym) for one kind."""
    out: dict[str, tuple[str, int]] = {}
    columns = COLUMNS[kind]
    for strength in (0, 1, 2):
        for column in columns:
            if strength == 0:
                names: Iterable[str] = (column, form_field(column))
            else:
                names = SYNONYMS.get(column, ((), ()))[strength - 1]
            for name in names:
                out.setdefault(normalise_name(name), (column, strength))
    return out


_INDEXES = {kind: _index(kind) for kind in IMPORT_KINDS}


def required_columns(kind: str) -> list[str]:
    """The columns a new record of ``kind`` cannot do without (those with a default left out)."""
    defaults = DEFAULTS.get(kind, {})
    return [file_column(s.name) for s in FIELDS[kind] if s.required and s.name not in defaults]


@dataclass(frozen=True)
class ColumnMatch:
    """How a file's columns map to a kind's fields (file column -> column of fileformat.COLUMNS[kind]).

    ``missing`` names the required fields no column maps to ("a or b" for a group of which one is needed);
    ``loose`` the file columns matched only by a loose synonym; ``sure`` is False when either is not empty or
    when two columns claimed the same field, so that the user is shown the mapping to check.
    """

    kind: str
    mapping: dict[str, str]
    unmatched: list[str]
    missing: list[str]
    loose: list[str] = field(default_factory=list)
    sure: bool = True

    def with_mapping(self, mapping: Mapping[str, str | None]) -> ColumnMatch:
        """The match with the user's choices (file column -> field, None or "" to leave a column out)."""
        return match_columns(self.kind, list(self.mapping) + self.unmatched, mapping)


def _check_kind(kind: str) -> None:
    if kind not in IMPORT_KINDS:
        raise ImportProblem(f"Records of the kind \u201c{kind}\u201d cannot be imported; the kinds that can are "
                            f"{', '.join(IMPORT_KINDS)}.")


def _missing(kind: str, fields: set[str]) -> list[str]:
    if "uid" in fields:  # rows update records by uid: a column the file does not have keeps its values
        return []
    out = [c for c in required_columns(kind) if c not in fields]
    group = ONE_OF.get(kind)
    if group and not fields.intersection(group):
        out.append(" or ".join(group))
    return out


def match_columns(kind: str, columns: Iterable[str], mapping: Mapping[str, str | None] | None = None) -> ColumnMatch:
    """Match a file's columns to the fields of ``kind`` by name (English or Russian, any case and spacing), or
    take ``mapping`` (file column -> field, as the user chose it; fields may be given as form fields such as
    ``event_id`` too)."""
    _check_kind(kind)
    columns = list(columns)
    allowed = COLUMNS[kind]
    if mapping is not None:
        chosen: dict[str, str] = {}
        for column, target in mapping.items():
            if not target:
                continue
            name = file_column(target) if target in REFERENCE_COLUMNS else target
            if name not in allowed:
                raise ImportProblem(f"\u201c{target}\u201d is not a field of {KIND_NAMES[kind]} records; the fields "
                                    f"are {', '.join(allowed)}.")
            if column not in columns:
                raise ImportProblem(f"The file has no column \u201c{column}\u201d.")
            if name in chosen.values():
                raise ImportProblem(f"Two columns are read as the field \u201c{name}\u201d; choose one.")
            chosen[column] = name
        ordered = {c: chosen[c] for c in columns if c in chosen}
        missing = _missing(kind, set(ordered.values()))
        return ColumnMatch(kind, ordered, [c for c in columns if c not in ordered], missing, [], not missing)
    index = _INDEXES[kind]
    best: dict[str, tuple[int, int, str]] = {}  # field -> (strength, position, file column)
    clashes = False
    for position, column in enumerate(columns):
        hit = index.get(normalise_name(column))
        if hit is None:
            continue
        name, strength = hit
        if name in best:
            clashes = True
            if (strength, position) >= best[name][:2]:
                continue
        best[name] = (strength, position, column)
    found = {column: name for name, (_, _, column) in best.items()}
    ordered = {c: found[c] for c in columns if c in found}
    loose = [column for name, (strength, _, column) in best.items() if strength == 2]
    missing = _missing(kind, set(ordered.values()))
    return ColumnMatch(kind, ordered, [c for c in columns if c not in ordered], missing, loose,
                       not missing and not loose and not clashes)


def header_score(kind: str | None, columns: list[str]) -> int:
    """How many of a header row's names are columns of ``kind`` ("comtrade": every name of a UN Comtrade
    download's header; None: of the import kind they fit best). Chooses the sheet of a workbook to import."""
    if kind == "comtrade" or (kind is None and comtrade_layout(columns) is not None):
        return len(columns) if comtrade_layout(columns) is not None else 0
    kinds = IMPORT_KINDS if kind is None else (kind,)
    return max(len(match_columns(k, columns).mapping) for k in kinds)


def read_import_table(path: str | Path, kind: str | None = None, *, sheet: str | None = None,
                      max_rows: int = MAX_ROWS) -> Table:
    """Read a file to import as ``kind`` (an import kind, "comtrade", or None when not known yet): of a workbook
    with several sheets, ``sheet`` or else the one sheet whose header row has the most columns of the kind
    (SheetChoiceNeeded, naming the sheets, when none has any or several have as many)."""
    table = read_table(path, max_rows=max_rows, sheet=sheet, score_header=lambda columns: header_score(kind, columns))
    if kind is not None:
        check_geometry(kind, table)
    return table


def geometry_notes(db: Database, kind: str, table: Table) -> list[str]:
    """What the preview says of a GeoJSON file of segments whose lines do not end where their nodes are stored: a
    segment's line is drawn from its nodes, so its geometry is not imported (the nodes are to be moved instead)."""
    if kind != "segment" or not isinstance(table, GeoTable) or not table.ends:
        return []
    from desktop.export.records import node_coordinates

    places = node_coordinates(db)
    stored = {uid: (a, b) for uid, a, b in db.conn.execute(
        "SELECT s.uid, f.uid, t.uid FROM segments s JOIN nodes f ON f.id = s.from_node_id "
        "JOIN nodes t ON t.id = s.to_node_id")}
    columns = {name: i for i, name in enumerate(table.columns)}
    away: list[str] = []
    for number, cells in table.rows():
        if number not in table.ends:
            continue

        def cell(name: str, cells: list[str | None] = cells) -> str | None:
            i = columns.get(name)
            text = cells[i] if i is not None and i < len(cells) else None
            return text.strip() or None if text else None

        uid = cell("uid")
        ends = (cell("from_node"), cell("to_node"))
        if None in ends and uid in stored:
            ends = stored[uid]
        for node, (lon, lat) in zip(ends, table.ends[number], strict=True):
            place = places.get(node or "")
            if place is None or abs(place[0] - lon) > 1e-7 or abs(place[1] - lat) > 1e-7:
                away.append(uid or f"feature {number}")
                break
    if not away:
        return []
    return [f"{len(away)} segment line(s) in the file do not end where their nodes are (e.g. {away[0]}). A segment's "
            "line is drawn from its nodes, so its geometry is not imported: move the nodes (import them) instead."]


# --- preview ------------------------------------------------------------------------------------------------------

# Why a row is rejected (Rejection.code) and the parameters each code carries (Rejection.params):
REJECTION_CODES = (
    "fields",  # errors: the row's FieldErrors (validation's codes and CELL_CODES); known: field -> allowed codes
    "row_width",  # cells: how many cells the row has; columns: how many the header has
    "same_uid",  # first: the earlier row with the same uid (both new records)
    "same_key",  # first: the earlier row with the same natural key (NATURAL_KEYS of the kind; both new records)
    "same_record",  # first: the earlier row that updates the same existing record; uid: that record's uid
    "ambiguous",  # count: the existing records the row's natural key matches; uids: the first five; more: more
    "reader",  # text: the file reader's reason (desktop.export.readers, comtrade), in English
)
# FieldError codes the import adds to validation's (desktop.core.validation.ERROR_CODES) for a row's cells:
CELL_CODES = (
    "unreadable",  # reason: why the reader could not read the cell (in English)
    "list_not_value",  # value: the list, where one value is expected
    "bool_not_value",  # value: true or false; wanted: "number" or "text"
    "unknown_sources",  # values: the first five uids no source has; more: how many more
    "bad_uid",  # value: a uid with spaces, separators or control characters
)


@dataclass(frozen=True)
class Rejection:
    """A row that will not be imported: its number in the file, why as an English sentence fragment (``reason``,
    what the command line prints) and the same as a code of REJECTION_CODES with its parameters, which the
    window words in the interface language."""

    row: int
    reason: str
    code: str = "reader"
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


# A field's change as the preview shows it: (form field, the value now as text, the value after), None for none
FieldChange = tuple[str, str | None, str | None]


@dataclass(slots=True)
class PlannedRow:
    """A row to add, update or leave: its file row, the record's clean form values (after the import) and,
    for an existing record, its id, uid, its stored state when previewed and the fields that change. ``shown``
    holds, as text, each field that changes with its value now and after (a row to add: its values, for the first
    DETAILED rows)."""

    row: int
    values: dict[str, object]
    record_id: int | None = None
    uid: str | None = None
    before: Snapshot | None = None
    changed: tuple[str, ...] = ()
    shown: tuple[FieldChange, ...] = ()


def _pack(row: PlannedRow) -> bytes:
    before = row.before
    state = None if before is None else (before.kind, before.row, before.links, before.referrers)
    return marshal.dumps((row.row, row.values, row.record_id, row.uid, state, row.changed, row.shown))


def _unpack(data: bytes) -> PlannedRow:
    number, values, record_id, uid, state, changed, shown = marshal.loads(data)
    return PlannedRow(number, values, record_id, uid, None if state is None else Snapshot(*state), changed, shown)


class _Scratch:
    """A private temporary database on disk (SQLite removes it when it is closed) holding what a preview keeps of
    every row: the rows planned, and the uids, keys and records the file's rows have claimed. Its page cache is
    small, so that a file of 300,000 rows costs a few megabytes of memory, not hundreds. A bit filter of the keys
    claimed (a megabyte) spares the query for a key never claimed before, and claims are written a thousand at a
    time."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        weakref.finalize(self, self.conn.close)  # closed (and its file removed) with the preview that holds it
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -2048"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("CREATE TABLE planned (list TEXT NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL, "
                          "PRIMARY KEY (list, n)) WITHOUT ROWID")
        self.conn.execute("CREATE TABLE claimed (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID")
        # the keys claimed: a bit per key's hash (set: maybe claimed; clear: never), and the last ones not yet
        # written to the table (key -> row)
        self._seen = bytearray(_CLAIM_BITS // 8)
        self._pending: dict[str, int] = {}

    def claimed(self, identity: tuple[object, ...]) -> int | None:
        """The file row that claimed ``identity`` (a uid, a natural key, an existing record's id) first, if any."""
        return self._first(repr(identity))

    def _first(self, key: str) -> int | None:
        # (most keys are claimed once: a key whose bit is not set was never claimed, and costs no query)
        byte, bit = _bit_of(key)
        if not self._seen[byte] & bit:
            return None
        if key in self._pending:
            return self._pending[key]
        found = self.conn.execute("SELECT row FROM claimed WHERE key = ?", (key,)).fetchone()
        return None if found is None else int(found[0])

    def claim(self, identities: Sequence[tuple[object, ...]], number: int) -> int | None:
        """Claim ``identities`` for the file row ``number``: None when no row claimed any of them before (they are
        the row's now), else the row that claimed one first (and nothing is claimed)."""
        keys = [repr(identity) for identity in identities]
        for key in keys:
            if (first := self._first(key)) is not None:
                return first
        for key in keys:
            byte, bit = _bit_of(key)
            self._seen[byte] |= bit
            self._pending.setdefault(key, number)
        if len(self._pending) >= 1000:
            self.conn.executemany("INSERT OR IGNORE INTO claimed (key, row) VALUES (?, ?)", self._pending.items())
            self._pending.clear()
        return None


_CLAIM_BITS = 1 << 23  # bits of a scratch's filter of the keys claimed (1 MB): few false hits at 300,000 keys


def _bit_of(key: str) -> tuple[int, int]:
    """The byte and bit of a claimed key in _Scratch's filter."""
    h = hash(key) & (_CLAIM_BITS - 1)
    return h >> 3, 1 << (h & 7)


class PlannedRows(Sequence[PlannedRow]):
    """Planned rows in file order, kept in a preview's scratch database (appended a thousand at a time) and read
    back one by one or a batch at a time."""

    def __init__(self, scratch: _Scratch, name: str):
        self._scratch, self._name = scratch, name
        self._count = 0
        self._pending: list[tuple[str, int, bytes]] = []

    def append(self, row: PlannedRow) -> None:
        self._pending.append((self._name, self._count, _pack(row)))
        self._count += 1
        if len(self._pending) >= 1000:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._scratch.conn.executemany("INSERT INTO planned (list, n, data) VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> PlannedRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[PlannedRow]: ...

    def __getitem__(self, index: int | slice) -> PlannedRow | list[PlannedRow]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step == 1:
                return self._read(start, stop)
            return [self[i] for i in range(start, stop, step)]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._read(index, index + 1)[0]

    def __iter__(self) -> Iterator[PlannedRow]:
        for batch in self.batches():
            yield from batch

    def batches(self, size: int | None = None) -> Iterator[list[PlannedRow]]:
        """The rows ``size`` at a time (as many as the import writes at a time: import_writer.BATCH)."""
        size = size or import_writer.BATCH
        for start in range(0, self._count, size):
            yield self._read(start, min(start + size, self._count))

    def _read(self, start: int, stop: int) -> list[PlannedRow]:
        self._flush()
        return [_unpack(d) for (d,) in self._scratch.conn.execute(
            "SELECT data FROM planned WHERE list = ? AND n >= ? AND n < ? ORDER BY n", (self._name, start, stop))]

    def __repr__(self) -> str:
        return f"<{self._count} planned rows to {self._name}>"


@dataclass
class Preview:
    """What importing a table would do. Nothing is written until build_change_set + apply_import. The rows to
    add, update and leave are PlannedRows (on disk); the rejected rows a list."""

    kind: str
    mapping: dict[str, str]
    add: PlannedRows = field(init=False, repr=False, compare=False)
    update: PlannedRows = field(init=False, repr=False, compare=False)
    unchanged: PlannedRows = field(init=False, repr=False, compare=False)
    rejected: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # in English: the file's notes, then the skipped partners'
    rows_read: int = 0
    file_notes: list[str] = field(default_factory=list)  # the reader's notes about the file (in English)
    skipped_partners: dict[str, int] = field(default_factory=dict)  # ISO3 code -> rows left out (not a partner)
    # A lossy file (cp1251 and the like): fields whose stored text the file's encoding cannot hold, that the file
    # gives as that encoding renders it ("T?rkiye", "Turkiye" for "Türkiye"): kept as stored, not updated. And
    # changes that would only take letters away (a diacritic, a letter turned into "?"): updated, but flagged.
    kept_as_stored: list[tuple[str, str, str]] = field(default_factory=list)  # (uid, field, stored text)
    only_removes_letters: list[tuple[str, str, str, str]] = field(default_factory=list)  # (uid, field, now, after)
    scratch: _Scratch = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.scratch = _Scratch()
        self.add, self.update, self.unchanged = (PlannedRows(self.scratch, name)
                                                 for name in ("add", "update", "unchanged"))

    def changes(self) -> Iterator[tuple[PlannedRow, FieldChange]]:
        """Each field that changes in each record to update, in file order, with its values now and after."""
        for planned in self.update:
            for change in planned.shown:
                yield planned, change

    def counts(self) -> dict[str, int]:
        return {"add": len(self.add), "update": len(self.update), "unchanged": len(self.unchanged),
                "reject": len(self.rejected)}

    def summary(self) -> str:
        c = self.counts()
        return (f"{self.rows_read} row(s) read: {c['add']} to add, {c['update']} to update, {c['unchanged']} "
                f"unchanged, {c['reject']} rejected.")


def _fold(text: object) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    return " ".join(text.casefold().replace("ё", "е").split())


def natural_keys(kind: str, values: Mapping[str, object]) -> list[tuple[object, ...]]:
    """The natural keys of a record (clean form values): one, or one per title for events and agreements."""
    v = values.get
    if kind == "trade":
        return [(v("partner_iso3"), v("year"), v("period"), v("statistics"))]
    if kind == "target":
        return [(v("partner_iso3"), v("metric"), v("stated_on"), _num(v("value_usd_m")), _num(v("multiplier")))]
    if kind == "fact":
        return [(v("partner_iso3"), v("corridor_id"), v("metric"), v("as_of"))]
    if kind == "node":
        folded = _fold(v("name_en"))
        return [(v("country_iso3"), folded)] if folded is not None else []
    if kind == "segment":
        return [(v("corridor_id"), v("from_node_id"), v("to_node_id"), v("mode"))]
    if kind == "alias":  # a name is once in its group, whatever its case (as the form and the build require)
        name = v("name")
        return [(v("group_id"), name.casefold())] if isinstance(name, str) else []
    date = v("date_start") if kind == "event" else v("date_signed")
    languages = ("en", "ru") if kind == "event" else ("en", "ru", "kk")
    return [(date, lang, folded) for lang in languages if (folded := _fold(v(f"title_{lang}"))) is not None]


def _num(value: object) -> object:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


_KEY_SQL = {
    "trade": "SELECT t.id, p.iso3, t.year, t.period, t.statistics FROM trade_figures t "
             "JOIN partners p ON p.id = t.partner_id",
    "target": "SELECT t.id, p.iso3, t.metric, t.stated_on, t.value_usd_m, t.multiplier FROM targets t "
              "JOIN partners p ON p.id = t.partner_id",
    "fact": "SELECT f.id, p.iso3, f.corridor_id, f.metric, f.as_of FROM facts f "
            "LEFT JOIN partners p ON p.id = f.partner_id",
    "event": "SELECT id, date_start, title_en, title_ru FROM events",
    "agreement": "SELECT id, date_signed, title_en, title_ru, title_kk FROM agreements",
    "alias": "SELECT id, group_id, name FROM aliases",
    "node": "SELECT id, country_iso3, name_en FROM nodes",
    "segment": "SELECT id, corridor_id, from_node_id, to_node_id, mode FROM segments",
}
_KEY_FIELDS = {
    "trade": ("partner_iso3", "year", "period", "statistics"),
    "target": ("partner_iso3", "metric", "stated_on", "value_usd_m", "multiplier"),
    "fact": ("partner_iso3", "corridor_id", "metric", "as_of"),
    "event": ("date_start", "title_en", "title_ru"),
    "agreement": ("date_signed", "title_en", "title_ru", "title_kk"),
    "alias": ("group_id", "name"),
    "node": ("country_iso3", "name_en"),
    "segment": ("corridor_id", "from_node_id", "to_node_id", "mode"),
}


def _shown(text: object) -> str:
    s = text if isinstance(text, str) else repr(text)
    return s if len(s) <= _SHOWN else s[: _SHOWN - 1] + "\u2026"


def _bound(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_error(kind: str, error: FieldError, ctx: ValidationContext | None = None) -> str:
    """One validation error in English: "year: out of range (1991–2100)"."""
    p = error.params
    name = file_column(error.field)
    code = error.code
    if code in CELL_CODES:
        return f"{name}: {_describe_cell(error)}"
    if code == "required":
        text = "a value is required"
    elif code == "one_required":
        return f"one of {', '.join(file_column(f) for f in _entries(p.get('fields')))} is required"
    elif code == "too_long":
        text = f"too long ({p.get('length')} characters; at most {p.get('max')})"
    elif code == "control_chars":
        text = f"holds a control character ({p.get('char')})"
    elif code == "bad_text":
        text = "is not valid text"
    elif code == "bad_number":
        text = f"\u201c{p.get('value')}\u201d is not a number"
    elif code == "not_integer":
        text = f"\u201c{p.get('value')}\u201d is not a whole number"
    elif code == "out_of_range":
        lo, hi = p.get("min"), p.get("max")
        if p.get("min_exclusive"):
            text = f"out of range (more than {_bound(lo)}" + (f", at most {_bound(hi)})" if hi is not None else ")")
        elif lo is not None and hi is not None:
            text = f"out of range ({_bound(lo)}\u2013{_bound(hi)})"
        elif lo is not None:
            text = f"out of range (at least {_bound(lo)})"
        else:
            text = f"out of range (at most {_bound(hi)})"
    elif code == "negative":
        text = "must not be negative"
    elif code == "bad_date" and p.get("problem") in ("no_such_day", "no_such_month"):
        reason = calendar_reason(cast(int, p["year"]), cast(int, p["month"]))
        text = f"\u201c{p.get('value')}\u201d is not a date in the calendar: {reason}"
    elif code == "bad_date" and p.get("problem") == "year":
        text = f"\u201c{p.get('value')}\u201d: the year must be between {p.get('min')} and {p.get('max')}"
    elif code == "bad_date":
        text = f"\u201c{p.get('value')}\u201d is not a date (write dd.mm.yyyy, yyyy-mm-dd, mm.yyyy or yyyy)"
    elif code == "end_before_start":
        text = f"ends ({p.get('end')}) before it starts ({p.get('start')})"
    elif code == "unknown_code":
        text = f"unknown code \u201c{p.get('value')}\u201d"
        known = _known_codes(kind, error.field, ctx)
        if known and len(known) <= 15:
            text += f" (known: {', '.join(known)})"
    elif code == "bad_identifier":
        text = (f"\u201c{p.get('value')}\u201d is not a group id (lowercase Latin letters, digits, _ . -, at most "
                "80, beginning with a letter or digit)")
    elif code == "no_words":
        text = f"\u201c{p.get('value')}\u201d holds no word that search can find"
    elif code == "sources_required":
        text = "a former name is a fact: cite at least one source"
    elif code == "unknown_iso3":
        text = f"\u201c{p.get('value')}\u201d is not an ISO 3166 three-letter country code"
    elif code == "unknown_reference":
        spec = next((s for s in FIELDS[kind] if s.name == error.field), None)
        if spec is not None and spec.ref == "partner":
            text = f"no partner in the atlas has the code \u201c{p.get('value')}\u201d"
        else:
            ref = KIND_NAMES.get(spec.ref or "" if spec else "", "record")
            text = f"no {ref} has the uid \u201c{p.get('value')}\u201d"
    else:
        text = code.replace("_", " ")
    return f"{name}: {text}"


def _describe_cell(error: FieldError) -> str:
    """A problem of a cell itself (CELL_CODES) in English, without the column's name."""
    p, code = error.params, error.code
    if code == "unreadable":
        return str(p.get("reason"))
    if code == "list_not_value":
        return f"a list (\u201c{p.get('value')}\u201d) where one value is expected"
    if code == "bool_not_value":
        wanted = "a number" if p.get("wanted") == "number" else "text"
        return f"{p.get('value')} (a yes-or-no value) where {wanted} is expected"
    if code == "unknown_sources":
        more = p.get("more")
        return (f"no source has the uid {', '.join(chr(0x201c) + u + chr(0x201d) for u in _entries(p.get('values')))}"
                + (f" (and {more} more)" if more else ""))
    return f"\u201c{p.get('value')}\u201d holds spaces, separators or control characters"  # bad_uid


def _listed(value: object) -> list[object]:
    """The items of a list field's value (none when it holds no list)."""
    return list(value) if isinstance(value, (list, tuple)) else []


def _entries(value: object) -> list[str]:
    """The entries of a list among an error's parameters, as text (none when it holds no list)."""
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _known_codes(kind: str, field_name: str, ctx: ValidationContext | None) -> list[str]:
    spec = next((s for s in FIELDS[kind] if s.name == field_name), None)
    if spec is None:
        return []
    if spec.choices:
        return list(spec.choices)
    if spec.vocab and ctx is not None:
        return sorted(ctx.vocab.get(spec.vocab, ()))
    return []


def describe_errors(kind: str, errors: list[FieldError], ctx: ValidationContext | None = None) -> str:
    """A row's errors in English, each once, separated by "; " (what the command line prints)."""
    seen: list[str] = []
    for error in errors:
        text = describe_error(kind, error, ctx)
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)


def known_codes(kind: str, errors: Iterable[FieldError], ctx: ValidationContext | None) -> dict[str, list[str]]:
    """The codes allowed in each field refused for an unknown code (the rejection's "known" parameter)."""
    return {e.field: _known_codes(kind, e.field, ctx) for e in errors if e.code == "unknown_code"}


def _valid_uid(uid: str) -> FieldError | None:
    """Why a uid from a file cannot be used, or None."""
    if len(uid) > MAX_UID:
        return FieldError("uid", "too_long", {"length": len(uid), "max": MAX_UID})
    if not _UID.fullmatch(uid):
        return FieldError("uid", "bad_uid", {"value": _shown(uid)})
    return None


def _holds_every_letter(encoding: str) -> bool:
    """Whether a text encoding holds every character (the UTFs) or only some (cp1251, latin-1 …)."""
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return True


def _renderings(text: str, encoding: str) -> set[str]:
    """How a text comes out of a file in ``encoding`` that cannot hold all of it: with "?" for each letter it lacks
    (LibreOffice, Excel), or with the nearest letters (this application's own "replace" export)."""
    from desktop.export.writers import near_letters  # (the export's handler: the same letters as it writes)

    out = {text.encode(encoding, "replace").decode(encoding)}
    out.add(near_letters(text, encoding))
    return out


def _renders_as(stored: object, given: object, encoding: str) -> bool:
    """Whether ``given`` is what a file in ``encoding`` makes of ``stored`` when it cannot hold its letters."""
    if not isinstance(stored, str) or not isinstance(given, str) or stored == given:
        return False
    try:
        stored.encode(encoding)
        return False  # the encoding holds it: a real change
    except UnicodeEncodeError:
        return given in _renderings(stored, encoding)


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _only_removes_letters(now: str, after: str) -> bool:
    """Whether a change only takes letters away: marks dropped (Türkiye -> Turkiye) or letters turned into "?"."""
    if now == after or len(now) < len(after):
        return False
    if _without_marks(now) == after:
        return True
    return len(now) == len(after) and all(a == b or b == "?" for a, b in zip(now, after, strict=True))


class _Previewer:
    """The state of one preview: the database's references and keys, and what the file has claimed so far."""

    def __init__(self, db: Database, kind: str, table: Table, mapping: dict[str, str], scratch: _Scratch):
        self.db, self.kind, self.table = db, kind, table
        # the file's text encoding when it cannot hold every letter (cp1251): stored texts it renders differently
        self.lossy = table.encoding if table.encoding and not _holds_every_letter(table.encoding) else None
        # what the file's rows claimed: an existing record ("id", id), a new record's uid ("uid", uid) or natural
        # key ("key", ...) -> the first row that did
        self.scratch = scratch
        self.editor = Editor(db)
        self.ctx = validation_context(db)
        conn = db.conn
        self.uids = {k: dict(conn.execute(f"SELECT uid, id FROM {TABLES[k]}").fetchall())
                     for k in ("event", "corridor", "source", "node")}
        self.own_uids: dict[str, int] = dict(conn.execute(f"SELECT uid, id FROM {TABLES[kind]}").fetchall())
        self.uid_of: dict[int, str] = {i: u for u, i in self.own_uids.items()}
        self.keys: dict[tuple[object, ...], list[int]] = {}
        for row in conn.execute(_KEY_SQL[kind]):
            values = dict(zip(_KEY_FIELDS[kind], row[1:], strict=True))
            for key in natural_keys(kind, values):
                self.keys.setdefault(key, []).append(row[0])
        positions = {c: i for i, c in enumerate(table.columns)}
        self.defaults = DEFAULTS.get(kind, {})
        self.types = {spec.name: spec.type for spec in FIELDS[kind]}
        # each mapped cell: (position, column, form field, how its text is read)
        self.cells = [(positions[c], name, form_field(name), self._reading(name)) for c, name in mapping.items()]
        self.mapped = {name for _, name, _, _ in self.cells}
        self.skipped_partners: dict[str, int] = {}
        self.width = len(table.columns)
        self.refs = {spec.name: spec.ref for spec in FIELDS[kind] if spec.ref in self.uids}
        self._uid_by_id: dict[str, dict[int, str]] = {}

    def text(self, name: str, value: object) -> str | None:
        """A field's clean value as the preview shows it: a referenced record by its uid, a list joined by "; ", a
        whole number without ".0"; None for no value."""
        if value is None or value == "" or (isinstance(value, (list, tuple)) and not value):
            return None
        items = value if isinstance(value, (list, tuple)) else (value,)
        ref = self.refs.get(name)
        if ref is not None and ref not in self._uid_by_id:
            self._uid_by_id[ref] = {i: u for u, i in self.uids[ref].items()}
        by_id = self._uid_by_id.get(ref or "", {})
        parts = []
        for item in items:
            if isinstance(item, bool):
                parts.append("yes" if item else "no")
            elif isinstance(item, int) and item in by_id:
                parts.append(by_id[item])
            else:
                parts.append(_bound(item))
        return "; ".join(parts)

    def unreadable(self, name: str, cell: str | None) -> FieldError | None:
        """Why a cell read for the column ``name`` is not a value (a spreadsheet error, a JSON NaN, a JSON list
        where one value is meant, true/false where no yes/no is meant), or None."""
        target = form_field(name)
        if isinstance(cell, Unreadable):
            return FieldError(target, "unreadable", {"reason": cell.reason})
        if isinstance(cell, JsonList) and name not in LIST_FIELDS:
            return FieldError(target, "list_not_value", {"value": _shown(cell)})
        if isinstance(cell, JsonBool) and self.types.get(target) != "bool":
            return FieldError(target, "bool_not_value",
                              {"value": str(cell), "wanted": "number" if self._numeric(name) else "text"})
        return None

    def _numeric(self, name: str) -> bool:
        return self.types.get(form_field(name)) in ("int", "year", "money", "float", "lat", "lon")

    def _reading(self, name: str) -> str:
        """How a column's text is read: "ref" (a record's uid), "list", "line" (a single line of text), "comma" (a
        number in a ``;``-separated file, whose comma is a decimal comma, as Excel writes under Russian settings) or
        "text"."""
        if name in ("event", "corridor", "from_node", "to_node"):
            return "ref"
        if name in LIST_FIELDS:
            return "list"
        if self._numeric(name) and self.table.format == "csv" and self.table.delimiter == ";":
            return "comma"
        return "line" if self.types.get(form_field(name)) == "text" else "text"

    # file cells -> form values
    def raw(self, cells: list[str | None]) -> tuple[dict[str, object], list[FieldError]]:
        values: dict[str, object] = {}
        problems: list[FieldError] = []
        width = len(cells)
        for position, name, target, reading in self.cells:
            cell = cells[position] if position < width else None
            # (a reader marks what is not plain text with a subclass of str: Unreadable, JsonList, JsonBool)
            if type(cell) is not str and cell is not None and (problem := self.unreadable(name, cell)) is not None:
                problems.append(problem)
                values[target] = None
                continue
            text = cell.strip() if cell is not None else cell
            if not text:
                values[target] = None
                continue
            if reading == "ref":
                ref = REFERENCE_COLUMNS[target][1]
                record_id = self.uids[ref].get(text)
                if record_id is None:
                    problems.append(FieldError(target, "unknown_reference", {"value": _shown(text)}))
                values[target] = record_id
            elif reading == "list":
                parts = cell.items if isinstance(cell, JsonList) else _LIST_SPLIT.split(text)
                items = [item.strip() for item in parts if item.strip()]
                if name == "sources":
                    unknown = [item for item in items if item not in self.uids["source"]]
                    if unknown:
                        problems.append(FieldError(target, "unknown_sources", {
                            "values": [_shown(u) for u in unknown[:5]], "more": max(0, len(unknown) - 5)}))
                    values[target] = [self.uids["source"][item] for item in items if item in self.uids["source"]]
                else:
                    values[target] = items
            elif reading == "comma":
                # "41,234" is 41.234 here, not refused as ambiguous (desktop.core.validation.parse_user_number)
                values[target] = text.replace(",", ".") if _COMMA_THREE.fullmatch(text) else text
            elif reading == "line":
                # a single-line field (a title, a place): a line break or tab in the cell (as Excel keeps them
                # when text wraps) is a space; multi-line fields (summaries, notes) keep them
                values[target] = _LINE_BREAKS.sub(" ", text)
            else:
                values[target] = text
        return values, problems

    def reject(self, preview: Preview, number: int, errors: list[FieldError]) -> None:
        """Reject a row for its fields' errors (the English reason, and the errors for the window)."""
        preview.rejected.append(Rejection(number, describe_errors(self.kind, errors, self.ctx), "fields",
                                          {"errors": tuple(errors), "known": known_codes(self.kind, errors, self.ctx)}))

    def row(self, number: int, cells: list[str | None], preview: Preview) -> None:
        if len(cells) > self.width and any(c and c.strip() for c in cells[self.width:]):
            preview.rejected.append(Rejection(number, f"the row has {len(cells)} cells but the header has "
                                                      f"{self.width} columns (is the separator right?)",
                                              "row_width", {"cells": len(cells), "columns": self.width}))
            return
        values, problems = self.raw(cells)
        uid = values.pop("uid", None)
        if self.table.unknown_partners == "skip":
            code = values.get("partner_iso3")
            if isinstance(code, str) and code.upper() not in self.ctx.ids["partner"]:
                self.skipped_partners[code.upper()] = self.skipped_partners.get(code.upper(), 0) + 1
                return
        if isinstance(uid, str) and (problem := _valid_uid(uid)) is not None:
            problems.insert(0, problem)
        if problems:
            self.reject(preview, number, problems)
            return
        existing = self.own_uids.get(uid) if isinstance(uid, str) else None
        if existing is not None:
            self.update(number, existing, values, preview)
            return
        new_values = dict(values)
        for name, default in self.defaults.items():
            if new_values.get(name) is None:
                new_values[name] = default
        clean, errors = validate(self.kind, new_values, self.ctx)
        keys: list[tuple[object, ...]] = []
        if uid is None:
            failed = {e.field for e in errors}
            if not failed.intersection(_KEY_FIELDS[self.kind]) or self.kind in ("event", "agreement"):
                keys = natural_keys(self.kind, clean)
            candidates = sorted({i for key in keys for i in self.keys.get(key, ())})
            if len(candidates) == 1:
                self.update(number, candidates[0], values, preview)
                return
            if len(candidates) > 1:
                self.ambiguous(number, candidates, values, preview)
                return
        if errors:
            self.reject(preview, number, errors)
            return
        identities = [("uid", uid)] if uid is not None else [("key", *key) for key in keys]
        if (first := self.scratch.claim(identities, number)) is not None:
            what = "uid" if uid is not None else NATURAL_KEYS[self.kind]
            preview.rejected.append(Rejection(number, f"the same record as row {first} (same {what}); "
                                                      "only the first is imported",
                                              "same_uid" if uid is not None else "same_key", {"first": first}))
            return
        shown: tuple[FieldChange, ...] = ()
        if len(preview.add) < DETAILED:
            shown = tuple((name, None, text) for name, value in clean.items()
                          if (text := self.text(name, value)) is not None)
        preview.add.append(PlannedRow(number, clean, uid=uid if isinstance(uid, str) else None, shown=shown))

    def _current(self, record_id: int) -> tuple[Snapshot, dict[str, object], dict[str, object]]:
        before = self.editor.snapshot(self.kind, record_id)
        assert before is not None
        current = self.editor.values_of(self.kind, record_id)
        clean_current, _ = validate(self.kind, current, self.ctx)
        return before, current, clean_current

    def _merged(self, current: dict[str, object], values: dict[str, object]) -> dict[str, object]:
        merged = dict(current)
        for name, value in values.items():
            if value is None and name in self.defaults:
                continue  # an empty cell keeps a field that always has a value
            merged[name] = value
        return merged

    def update(self, number: int, record_id: int, values: dict[str, object], preview: Preview) -> None:
        if (first := self.scratch.claimed(("id", record_id))) is not None:
            uid = self.uid_of[record_id]
            preview.rejected.append(Rejection(number, f"the same record as row {first} (\u201c{uid}\u201d); only the "
                                                      "first is imported", "same_record", {"first": first, "uid": uid}))
            return
        before, current, clean_current = self._current(record_id)
        clean, errors = validate(self.kind, self._merged(current, values), self.ctx)
        if errors:
            self.reject(preview, number, errors)
            return
        self.scratch.claim([("id", record_id)], number)
        changed = tuple(name for name in clean if clean[name] != clean_current.get(name))
        if changed and self.lossy is not None:
            kept = [name for name in changed if _renders_as(clean_current.get(name), clean[name], self.lossy)]
            for name in kept:
                clean[name] = clean_current.get(name)
                preview.kept_as_stored.append((before.uid, name, str(clean_current.get(name))))
            changed = tuple(name for name in changed if name not in kept)
        for name in changed:
            now, after = clean_current.get(name), clean[name]
            if isinstance(now, str) and isinstance(after, str) and _only_removes_letters(now, after):
                preview.only_removes_letters.append((before.uid, name, now, after))
        if not changed:  # every field as it is: not an update
            preview.unchanged.append(PlannedRow(number, {}, record_id, before.uid))
        else:
            shown = tuple((name, self.text(name, clean_current.get(name)), self.text(name, clean[name]))
                          for name in changed)
            preview.update.append(PlannedRow(number, clean, record_id, before.uid, before, changed, shown))

    def ambiguous(self, number: int, candidates: list[int], values: dict[str, object], preview: Preview) -> None:
        for record_id in candidates:
            _, current, clean_current = self._current(record_id)
            clean, errors = validate(self.kind, self._merged(current, values), self.ctx)
            if not errors and clean == clean_current and self.scratch.claimed(("id", record_id)) is None:
                self.scratch.claim([("id", record_id)], number)
                preview.unchanged.append(PlannedRow(number, {}, record_id, self.uid_of[record_id]))
                return
        shown = [self.uid_of[i] for i in candidates[:5]]
        uids = ", ".join(shown) + (" \u2026" if len(candidates) > 5 else "")
        preview.rejected.append(Rejection(
            number, f"matches {len(candidates)} existing {KIND_NAMES[self.kind]}s by "
                    f"{NATURAL_KEYS[self.kind]} ({uids}); add a uid column to say which one to update",
            "ambiguous", {"count": len(candidates), "uids": shown, "more": len(candidates) > 5}))


def preview(db: Database, kind: str, table: Table, mapping: Mapping[str, str | None] | ColumnMatch | None = None,
            *, progress: Callable[[int, int], bool] | None = None) -> Preview:
    """Read every row of ``table`` and sort it into rows to add, to update, unchanged and rejected (with the
    reason), without writing anything. ``mapping`` is a ColumnMatch or file column -> field (default: the
    columns matched by name). ``progress(rows_done, rows_estimated)`` is called every 500 rows; when it returns
    False, ImportCancelled is raised. A damaged file raises ImportFileError part-way (nothing was written)."""
    _check_kind(kind)
    if mapping is None:
        match = match_columns(kind, table.columns)
    elif isinstance(mapping, ColumnMatch):
        match = mapping
    else:
        match = match_columns(kind, table.columns, mapping)
    result = Preview(kind, dict(match.mapping))
    worker = _Previewer(db, kind, table, result.mapping, result.scratch)
    total = table.estimated_rows or 0
    for number, cells in table.rows():
        if not any(c is not None and str(c).strip() for c in cells):
            continue  # a blank row
        result.rows_read += 1
        if progress is not None and result.rows_read % 500 == 0 and \
                progress(result.rows_read, max(total, result.rows_read)) is False:
            raise ImportCancelled("The check of the file was cancelled; nothing was imported.")
        worker.row(number, cells, result)
    problems = table.problems()  # rows the reader left out (a CSV row of the wrong width, a NUL ...)
    result.rows_read += len(problems)
    result.rejected.extend(Rejection(n, reason, "reader", {"text": reason, "reader": getattr(reason, "code", None),
                                                           **getattr(reason, "params", {})}) for n, reason in problems)
    result.rejected.sort(key=lambda r: r.row)
    result.file_notes.extend(table.notes())
    result.file_notes.extend(geometry_notes(db, kind, table))
    result.notes.extend(result.file_notes)
    result.skipped_partners = dict(worker.skipped_partners)
    if worker.skipped_partners:
        count = sum(worker.skipped_partners.values())
        codes = sorted(worker.skipped_partners)
        shown = ", ".join(codes[:12]) + (f" and {len(codes) - 12} more" if len(codes) > 12 else "")
        result.notes.append(f"{count} row(s) about countries that are not partners in the atlas were left out "
                            f"({shown}).")
    if result.kept_as_stored:
        uid, name, stored = result.kept_as_stored[0]
        result.notes.append(f"{len(result.kept_as_stored)} value(s) kept as stored: the file's encoding "
                            f"({table.encoding}) cannot hold their letters, and the file gives them as that encoding "
                            f"renders them (e.g. {uid} {file_column(name)}: \u201c{stored}\u201d).")
    if result.only_removes_letters:
        uid, name, now, after = result.only_removes_letters[0]
        result.notes.append(f"Warning: {len(result.only_removes_letters)} change(s) would only remove letters (e.g. "
                            f"{uid} {file_column(name)}: \u201c{now}\u201d \u2192 \u201c{after}\u201d). Was the file "
                            "saved in an encoding that lacks them?")
    if progress is not None:
        progress(result.rows_read, result.rows_read)
    return result


# --- change set ---------------------------------------------------------------------------------------------------

def import_source_values(file_name: str, rows: int, today: str) -> dict[str, object]:
    """The form values of the source record that stands for an imported file."""
    title = f"Imported from {file_name}"
    if len(title) > 500:
        title = title[:499] + "\u2026"
    return {"title": title, "published": today,
            "taken_en": f"{rows} row{'' if rows == 1 else 's'} imported on {today}"}


def build_change_set(db: Database, preview: Preview, *, file_name: str, label: str | None = None,
                     today: str | None = None) -> ChangeSet:
    """All the preview's additions and updates as one change set, after a new source record for the file,
    which every added or updated record cites (appended to an updated record's sources).

    Its changes are made from the preview's rows as they are read (ImportChanges), so that a file of 300,000 rows is
    never all in memory. Updates carry the records' state seen by the preview, so applying fails with StaleEdit
    (nothing written) when one was changed since. New records take consecutive ids after the largest, and the file's
    uid or a new one (applying fails with EditError when a record took that uid since). Raises NothingToImport when
    there is nothing to add or update.
    """
    if not preview.add and not preview.update:
        raise NothingToImport("There is nothing to import: no row adds or changes a record.")
    editor = Editor(db)
    today = today or _dt.date.today().isoformat()
    count = len(preview.add) + len(preview.update)
    source_id = editor.new_id("source")
    source_uid = f"import_{today.replace('-', '')}_{uuid.uuid4().hex[:10]}"
    # _after: the snapshot a record will have (Editor builds one change at a time; an import needs ids it
    # assigns itself, and the before state the preview saw)
    source = RecordChange("source", None, editor._after("source", source_id, source_uid,
                                                        import_source_values(file_name, count, today), None),
                          None, "added")
    changes = ImportChanges(editor, preview, source, editor.new_id(preview.kind))
    return ChangeSet(label or f"Import {file_name}", cast(tuple[RecordChange, ...], changes))


class ImportChanges(Sequence[RecordChange]):
    """The record changes of an import, made from its preview as they are read: the source record that stands for
    the file, then a new record for each row to add (consecutive ids from ``first_id``; a row without a uid gets
    ``user_<kind>_`` and twelve hex digits, the same at every reading), then each row to update (its state when
    previewed before, the file's values after, the user mark it carries now)."""

    def __init__(self, editor: Editor, preview: Preview, source: RecordChange, first_id: int):
        self.editor, self.preview, self.source, self.first_id = editor, preview, source, first_id
        self.kind = preview.kind
        self.source_id = source.record_id
        self._token = uuid.uuid4().hex[:6]
        self._partners: dict[str, int] | None = None

    def _values(self, planned: PlannedRow) -> dict[str, object]:
        """A row's values as Editor._after takes them: its partner as the partner's id (read once for all rows)."""
        values = dict(planned.values)
        code = values.get("partner_iso3")
        if isinstance(code, str):
            if self._partners is None:
                self._partners = dict(self.editor.db.conn.execute("SELECT iso3, id FROM partners").fetchall())
            if code in self._partners:
                values["partner_id"] = self._partners[code]
                del values["partner_iso3"]
        return values

    def __len__(self) -> int:
        return 1 + len(self.preview.add) + len(self.preview.update)

    def __iter__(self) -> Iterator[RecordChange]:
        yield self.source
        start = 0
        for batch in self.preview.add.batches():
            yield from self._added(start, batch)
            start += len(batch)
        for batch in self.preview.update.batches():
            yield from self._updated(batch)

    @overload
    def __getitem__(self, index: int) -> RecordChange: ...

    @overload
    def __getitem__(self, index: slice) -> list[RecordChange]: ...

    def __getitem__(self, index: int | slice) -> RecordChange | list[RecordChange]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        added = len(self.preview.add)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index == 0:
            return self.source
        if index <= added:
            return self._added(index - 1, [self.preview.add[index - 1]])[0]
        return self._updated([self.preview.update[index - 1 - added]])[0]

    def _added(self, start: int, rows: list[PlannedRow]) -> list[RecordChange]:
        uids = [planned.uid or f"user_{self.kind}_{self._token}{start + n:06x}" for n, planned in enumerate(rows)]
        taken = self.editor.db.conn.execute(f"SELECT uid FROM {TABLES[self.kind]} WHERE uid IN "
                                            "(SELECT value FROM json_each(?)) LIMIT 1", (json.dumps(uids),)).fetchone()
        if taken is not None:
            raise EditError(f"A {KIND_NAMES[self.kind]} record with the uid \u201c{taken[0]}\u201d was added since "
                            "the file was checked; check the file again.")
        out = []
        for n, (planned, uid) in enumerate(zip(rows, uids, strict=True)):
            values = self._values(planned)
            values["sources"] = [*_listed(values.get("sources")), self.source_id]
            after = self.editor._after(self.kind, self.first_id + start + n, uid, values, None)
            out.append(RecordChange(self.kind, None, after, None, "added"))
        return out

    def _updated(self, rows: list[PlannedRow]) -> list[RecordChange]:
        uids = [cast(Snapshot, planned.before).uid for planned in rows]
        marks = dict(self.editor.db.conn.execute(
            "SELECT record_uid, state FROM record_marks WHERE record_type = ? AND record_uid IN "
            "(SELECT value FROM json_each(?))", (self.kind, json.dumps(uids))).fetchall())
        out = []
        for planned, uid in zip(rows, uids, strict=True):
            before = cast(Snapshot, planned.before)
            values = self._values(planned)
            values["sources"] = [*[s for s in _listed(values.get("sources")) if s != self.source_id], self.source_id]
            after = self.editor._after(self.kind, before.id, uid, values, before)
            mark = marks.get(uid)
            out.append(RecordChange(self.kind, before, after, mark, "added" if mark == "added" else "changed"))
        return out


def apply_import(db: Database, change_set: ChangeSet,
                 progress: Callable[[int, int], bool] | None = None) -> tuple[ChangeSet, Changes]:
    """Apply an import's change set in one transaction (all or nothing), a batch of records at a time, logged as
    "import". Returns the change set as stored (a LoggedChangeSet, kept in the change log: push it on the window's
    History, one undo step) and what changed. When ``progress(done, total)`` returns False, EditCancelled is raised
    and nothing is written."""
    try:
        return import_writer.write_changes(db, change_set.label, change_set.changes, len(change_set.changes),
                                           "import", progress)
    except sqlite3.Error as exc:
        raise ImportProblem(f"The database refused the import ({exc}). Nothing was changed.") from exc
