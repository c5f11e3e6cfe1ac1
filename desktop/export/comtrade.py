"""UN Comtrade downloads (CSV) as trade figures: the legacy 35-column layout ("Trade Flow Code", "Reporter ISO",
"Trade Value (US$)" ...) and the newer camelCase one of Comtrade+ ("flowCode", "reporterISO", "primaryValue" ...).

Only annual totals are taken (all commodities; no monthly, per-commodity, per-mode or second-partner rows):

- Kazakhstan (KAZ, 398) reporting: its imports (M) from and exports (X) to a partner in a year become a figure
  of Kazakhstan's statistics ("kazakh");
- Kazakhstan as the partner of another reporter: mirror figures of that country's statistics ("partner"): the
  reporter's exports to Kazakhstan are Kazakhstan's imports, and its imports from Kazakhstan Kazakhstan's exports.

Values in US dollars become USD million; the turnover is the sum when both flows are there. Re-exports and
re-imports, and rows about neither Kazakhstan nor in its trade, are skipped and counted. The result is a
:class:`~desktop.export.readers.Table` of fileformat.COLUMNS["trade"] (without uid and sources, so that an
update keeps a record's sources) that goes through the same preview and apply as any other import.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from desktop.core.validation import parse_user_number
from desktop.export.fileformat import COLUMNS
from desktop.export.readers import ImportFileError, ReaderReason, Row, Table, Unreadable, normalise_name

KAZAKHSTAN_ISO3 = "KAZ"
KAZAKHSTAN_CODE = "398"
COLUMNS_OUT = tuple(c for c in COLUMNS["trade"] if c not in ("uid", "sources"))
_FLOW_CODES = {"1": "M", "2": "X", "3": "RX", "4": "RM"}
_FLOW_WORDS = {"import": "M", "imports": "M", "export": "X", "exports": "X", "reexport": "RX", "reexports": "RX",
               "reimport": "RM", "reimports": "RM"}

# normalised header names of each layout (see desktop.export.readers.normalise_name)
_LEGACY = {"year": "year", "period": "period", "perioddesc": "period_desc", "aggregatelevel": "aggregate_level",
           "tradeflowcode": "flow_code", "tradeflow": "flow", "reportercode": "reporter_code", "reporter": "reporter",
           "reporteriso": "reporter_iso", "partnercode": "partner_code", "partner": "partner",
           "partneriso": "partner_iso", "commoditycode": "commodity", "tradevalueus": "value",
           "2ndpartnercode": "partner2_code", "modeoftransportcode": "mot_code", "customsproccode": "customs_code"}
_NEW = {"freqcode": "freq", "refyear": "year", "refmonth": "ref_month", "period": "period",
        "reportercode": "reporter_code", "reporteriso": "reporter_iso", "reporterdesc": "reporter",
        "flowcode": "flow_code", "flowdesc": "flow", "partnercode": "partner_code", "partneriso": "partner_iso",
        "partnerdesc": "partner", "cmdcode": "commodity", "aggrlevel": "aggregate_level", "primaryvalue": "value",
        "partner2code": "partner2_code", "motcode": "mot_code", "customscode": "customs_code"}
_LEGACY_NEEDS = {"tradeflowcode", "reportercode", "partnercode", "tradevalueus"}
_NEW_NEEDS = {"flowcode", "reportercode", "partnercode", "primaryvalue"}
# the same columns as each layout's header names them, for the message about a file that is neither
_LEGACY_SHOWN = ("Trade Flow Code", "Reporter Code", "Partner Code", "Trade Value (US$)")
_NEW_SHOWN = ("flowCode", "reporterCode", "partnerCode", "primaryValue")


def layout(columns: list[str]) -> str | None:
    """'legacy', 'new' or None (not a Comtrade download)."""
    names = {normalise_name(c) for c in columns}
    if _LEGACY_NEEDS <= names:
        return "legacy"
    if _NEW_NEEDS <= names:
        return "new"
    return None


def is_comtrade(table: Table) -> bool:
    """Whether a table is a UN Comtrade download (either layout), judging by its header."""
    return layout(table.columns) is not None


@dataclass
class Conversion:
    """What a Comtrade file gave: trade rows (in COLUMNS_OUT order), the rows skipped by reason, and the rows
    refused as (row number, reason)."""

    rows: list[Row] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)
    layout: str = ""

    def notes(self) -> list[str]:
        words = {
            "monthly": "monthly or part-year rows", "commodity": "per-commodity rows (only the total is taken)",
            "breakdown": "rows broken down by mode of transport, customs procedure or second partner",
            "reexport": "re-export and re-import rows", "other_flow": "rows of other trade flows",
            "not_kazakhstan": "rows about trade between other countries", "no_value": "rows without a trade value",
        }
        return [f"{count} {words.get(reason, reason)} skipped." for reason, count in self.skipped.items() if count]


def _skip(conv: Conversion, reason: str) -> None:
    conv.skipped[reason] = conv.skipped.get(reason, 0) + 1


def _money(value: float) -> str:
    text = repr(round(value / 1e6, 6))
    return text[:-2] if text.endswith(".0") else text


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return parse_user_number(text)


_Cell = Callable[[str], str | None]  # a row's cell by its column's name (None when the file has no such column)


def _flow(get: _Cell) -> str | None:
    code = (get("flow_code") or "").strip().upper()
    if code in _FLOW_CODES:
        return _FLOW_CODES[code]
    if code:
        return code
    word = "".join(ch for ch in (get("flow") or "").lower() if ch.isalpha())
    return _FLOW_WORDS.get(word)


def _is_total(get: _Cell, kind: str) -> tuple[bool, str]:
    """(whether the row is an annual all-commodity total, the reason to skip it otherwise)."""
    year = (get("year") or "").strip()
    period = (get("period") or "").strip()
    if kind == "new":
        freq = (get("freq") or "").strip().upper()
        month = (get("ref_month") or "").strip()
        if (freq and freq != "A") or (month and month not in ("52", "0")) or (period and year and period != year):
            return False, "monthly"
    elif period and year and period != year:
        return False, "monthly"
    commodity = (get("commodity") or "").strip().upper()
    level = (get("aggregate_level") or "").strip()
    if commodity and commodity != "TOTAL":
        return False, "commodity"
    if not commodity and level not in ("", "0"):
        return False, "commodity"
    for name, total in (("partner2_code", ("", "0")), ("mot_code", ("", "0")), ("customs_code", ("", "C00"))):
        if (get(name) or "").strip().upper() not in total:
            return False, "breakdown"
    return True, ""


def _is_kazakhstan(iso: str, code: str) -> bool:
    return iso.strip().upper() == KAZAKHSTAN_ISO3 or code.strip() == KAZAKHSTAN_CODE


def convert(table: Table, file_name: str = "") -> Conversion:
    """Read a Comtrade table into annual trade figures of Kazakhstan with its partners."""
    kind = layout(table.columns)
    conv = Conversion(layout=kind or "")
    if kind is None:
        conv.problems.append((1, ReaderReason("the file is not a UN Comtrade download (its columns are not "
                                              "Comtrade's)", "not_comtrade")))
        return conv
    names = _LEGACY if kind == "legacy" else _NEW
    where: dict[str, int] = {}
    for i, column in enumerate(table.columns):
        name = names.get(normalise_name(column))
        if name is not None:
            where.setdefault(name, i)
    # (partner ISO3, year, statistics) -> {"M"|"X": (US$, row)}, in the order first seen
    figures: dict[tuple[str, int, str], dict[str, tuple[float, int]]] = {}
    reporters: dict[tuple[str, int, str], str] = {}
    for number, cells in table.rows():
        if not any(c and c.strip() for c in cells):
            continue

        def get(name: str, cells: list[str | None] = cells) -> str | None:
            i = where.get(name)
            return cells[i] if i is not None and i < len(cells) else None

        total, reason = _is_total(get, kind)
        if not total:
            _skip(conv, reason)
            continue
        flow = _flow(get)
        if flow in ("RX", "RM"):
            _skip(conv, "reexport")
            continue
        if flow not in ("M", "X"):
            _skip(conv, "other_flow")
            continue
        reporter_iso = (get("reporter_iso") or "").strip().upper()
        partner_iso = (get("partner_iso") or "").strip().upper()
        reporter_kz = _is_kazakhstan(reporter_iso, get("reporter_code") or "")
        partner_kz = _is_kazakhstan(partner_iso, get("partner_code") or "")
        if reporter_kz == partner_kz:
            _skip(conv, "not_kazakhstan")
            continue
        try:
            year = int((get("year") or "").strip())
        except ValueError:
            conv.problems.append((number, ReaderReason(f"year: \u201c{get('year')}\u201d is not a year", "not_a_year",
                                                       value=str(get("year"))[:60])))
            continue
        raw = get("value")
        if isinstance(raw, Unreadable):
            conv.problems.append((number, ReaderReason(f"trade value: {raw.reason}", "value_unreadable",
                                                       reason=raw.reason)))
            continue
        text = (raw or "").strip()
        if not text:
            _skip(conv, "no_value")
            continue
        try:
            value = _number(text)
        except ValueError:
            conv.problems.append((number, ReaderReason(f"trade value: \u201c{text[:60]}\u201d is not a number",
                                                       "value_not_a_number", value=text[:60])))
            continue
        if value < 0:
            conv.problems.append((number, ReaderReason(f"trade value: {text[:60]} is negative", "value_negative",
                                                       value=text[:60])))
            continue
        if reporter_kz:
            counterpart, statistics, ours = partner_iso, "kazakh", flow
        else:  # a mirror figure: the reporter's exports to Kazakhstan are Kazakhstan's imports
            counterpart, statistics, ours = reporter_iso, "partner", "M" if flow == "X" else "X"
            reporters[(counterpart, year, statistics)] = (get("reporter") or counterpart).strip()
        key = (counterpart, year, statistics)
        flows = figures.setdefault(key, {})
        if ours in flows:
            word = "import" if ours == "M" else "export"
            whose = "Kazakhstan" if statistics == "kazakh" else "the partner"
            conv.problems.append((number, ReaderReason(
                f"a second {word} figure of Kazakhstan with {counterpart} for {year} ({whose}'s statistics); the one "
                f"on row {flows[ours][1]} is kept", "second_figure", flow=word, partner=counterpart, year=year,
                statistics=statistics, kept=flows[ours][1])))
            continue
        flows[ours] = (value, number)
    conv.problems.extend(table.problems())  # rows the reader left out (the wrong number of fields, a NUL ...)
    for (counterpart, year, statistics), flows in figures.items():
        exports, imports = flows.get("X"), flows.get("M")
        turnover = exports[0] + imports[0] if exports and imports else None
        if statistics == "kazakh":
            note_en = f"From the UN Comtrade file {file_name}: as reported by Kazakhstan."
            note_ru = f"Из файла UN Comtrade {file_name}: по данным Казахстана."
        else:
            who = reporters.get((counterpart, year, statistics), counterpart)
            note_en = (f"From the UN Comtrade file {file_name}: mirror figures as reported by {who} (its exports to "
                       "Kazakhstan are Kazakhstan's imports, and the reverse).")
            note_ru = (f"Из файла UN Comtrade {file_name}: зеркальные данные страны-партнёра ({who}): её экспорт в "
                       "Казахстан показан как импорт Казахстана, и наоборот.")
        values = {
            "partner_iso3": counterpart, "year": str(year), "period": "FY",
            "turnover_usd_m": _money(turnover) if turnover is not None else None,
            "exports_usd_m": _money(exports[0]) if exports else None,
            "imports_usd_m": _money(imports[0]) if imports else None,
            "statistics": statistics, "qualifier": "exact", "note_en": note_en, "note_ru": note_ru,
        }
        number = min(v[1] for v in flows.values())
        conv.rows.append(Row(number, [values.get(c) for c in COLUMNS_OUT]))
    conv.rows.sort(key=lambda r: r.number)
    return conv


@dataclass
class ComtradeTable(Table):
    """A Comtrade file as trade figures; converted when its rows are first read (then kept)."""

    original: Table | None = None
    file_name: str = ""
    _conversion: Conversion | None = field(default=None, repr=False)

    def conversion(self) -> Conversion:
        if self._conversion is None:
            assert self.original is not None
            self._conversion = convert(self.original, self.file_name)
        return self._conversion

    def notes(self) -> list[str]:
        return self.conversion().notes()

    def problems(self) -> list[tuple[int, str]]:
        return list(self.conversion().problems)


def comtrade_table(table: Table, file_name: str = "") -> ComtradeTable:
    """A Comtrade table (as read by read_table) as a table of trade figures in the atlas' columns. Nothing is
    read until its rows are: rows for countries that are not partners in the atlas are left out (and
    counted) by the preview. Raise ImportFileError when the table is not a Comtrade download."""
    if not is_comtrade(table):
        name = file_name or (table.path.name if table.path else "The file")
        raise ImportFileError(f"{name} is not a UN Comtrade download: its header lacks Comtrade's columns (such as "
                              "\u201cTrade Flow Code\u201d, \u201cReporter Code\u201d, \u201cPartner Code\u201d and "
                              "\u201cTrade Value (US$)\u201d, or flowCode, reporterCode, partnerCode and "
                              "primaryValue).", "not_comtrade", file=name, legacy=_LEGACY_SHOWN, new=_NEW_SHOWN)
    holder: list[ComtradeTable] = []

    def rows() -> Iterator[Row]:
        return iter(holder[0].conversion().rows)

    result = ComtradeTable(list(COLUMNS_OUT), "comtrade", rows, path=table.path, encoding=table.encoding,
                           delimiter=table.delimiter, sheet=table.sheet, sheets=table.sheets, estimated_rows=None,
                           unknown_partners="skip",
                           original=table, file_name=file_name or (table.path.name if table.path else ""))
    holder.append(result)
    return result
