"""Validation of what a user types into an edit form, before anything is written (no Qt, no database).

``validate(kind, values, ctx)`` checks and normalises one record: every value the schema's CHECK, NOT NULL and
foreign-key constraints would reject is refused here first, with a machine code (``FieldError.code``) that the Qt
layer turns into a translated message, and a few sane ranges are stricter than the schema (years, money, lengths).
Vocabulary codes and the ids a record may reference come from a ``ValidationContext`` the caller fills from the
database.
"""
from __future__ import annotations

import datetime as _dt
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

import pycountry

from desktop.core.dates import NotInCalendar, YearOutOfRange, parse_partial_date
from desktop.core.records import SOURCE_KINDS, STATED_ROLES, TARGET_KINDS
from desktop.core.routes import RouteError, normalise_route
from desktop.core.text import raw_words

TYPES = frozenset({
    "text", "longtext", "date", "int", "money", "float", "year", "period", "iso3", "vocab", "enum", "ref", "refs",
    "codes", "bool", "url", "lat", "lon",
})
REF_KINDS = frozenset({"event", "partner", "source", "node", "corridor"})
# Every FieldError.code validate() can return, for the Qt layer's message table.
ERROR_CODES = (
    "required", "one_required", "too_long", "control_chars", "bad_text", "bad_number", "not_integer", "out_of_range",
    "negative", "bad_date", "end_before_start", "unknown_code", "unknown_iso3", "unknown_reference", "bad_bool",
    "bad_url", "lat_lon_pair", "same_nodes", "bad_identifier", "no_words", "sources_required", "bad_route",
    "approx_needs_position", "approx_needs_origin",
)
# "bad_date" says more with a "problem" among its parameters: "no_such_day" or "no_such_month" (with year, month
# and days: how many days that month has, None for no month), or "year" (with min and max); without one the text
# is not a date at all.

MIN_DATE_YEAR = 1800
MAX_DATE_YEAR = 2100
MAX_MONEY_USD_M = 10_000_000
# Part-year periods the trade panel can draw (desktop.core.trade.period_months): the schema also allows H2 and
# Q2-Q4, which period_months() cannot place, so the form refuses them.
_PERIOD = re.compile(r"FY|H1|Q1|[1-9]M|1[01]M")

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # Cc, and line/paragraph separators
_CONTROL_LONG = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Cc except tab and newline
# Trimmed from both ends: Unicode whitespace and invisible format characters (zero-width space, BOM, ...).
_EDGE_CHARS = "".join(chr(i) for i in range(0x3001) if chr(i).isspace()) + "\u200b\u200c\u200d\u2060\ufeff"
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029]")
_WHITESPACE = re.compile(r"\s")
_DIGITS = re.compile(r"[0-9]+")
_LANGUAGE = re.compile(r"[a-z]{2}")
# Stable ids that people type (an alias group: "port_aktau", "country_tur"), as the seed files' ids.
IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_.-]{0,79}")

# Numbers: ASCII digits; thousands grouped by single spaces (normal or no-break) or commas.
_NUMBER_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})
_PLAIN = re.compile(r"([0-9]+)(?:([.,])([0-9]+))?|([.,])([0-9]+)")
_SPACE_GROUPED = re.compile(r"([0-9]{1,3}(?: [0-9]{3})+)(?:[.,]([0-9]+))?")
_COMMA_GROUPED = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+)(?:\.([0-9]+))?")
_MAX_NUMBER_CHARS = 64
_SHOWN_CHARS = 80


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of a record kind: a column of its table or a link field (partners, sectors, sources)."""

    name: str
    type: str
    required: bool = False
    max_length: int | None = None
    vocab: str | None = None
    choices: tuple[str, ...] = ()
    ref: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_exclusive: bool = False  # the value must be strictly greater than ``minimum`` (schema: ``> 0``)
    suggestions: tuple[str, ...] = ()  # common values a form offers for a free text field (it takes others too)
    default: object = None  # the value an empty field takes (a column with a schema default): never "required"

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"{self.name}: unknown field type {self.type!r}")
        if self.type in ("vocab", "codes") and not self.vocab:
            raise ValueError(f"{self.name}: a {self.type} field needs a vocab table")
        if self.type == "enum" and not self.choices:
            raise ValueError(f"{self.name}: an enum field needs choices")
        if self.type in ("ref", "refs") and self.ref not in REF_KINDS:
            raise ValueError(f"{self.name}: unknown reference kind {self.ref!r}")


@dataclass(frozen=True)
class FieldError:
    """A refused value: the field, a machine code (see ERROR_CODES) and the parameters of its message."""

    field: str
    code: str
    params: dict[str, object]


@dataclass
class ValidationContext:
    """What a record may use: vocab table -> codes, and kind -> existing ids (partners by ISO3 code)."""

    vocab: dict[str, set[str]]
    ids: dict[str, set[object]]


def _text(name: str, max_length: int, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "text", required=required, max_length=max_length)


def _long(name: str, max_length: int) -> FieldSpec:
    return FieldSpec(name, "longtext", max_length=max_length)


def _sources() -> FieldSpec:
    return FieldSpec("sources", "refs", ref="source")


def _partners(required: bool = True) -> FieldSpec:
    return FieldSpec("partners", "refs", required=required, ref="partner")


_QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
# Aliases (other names, for search): what kind of name each is, and the kinds that state a fact, which must
# cite a source (a name the thing had). The seed build and the edit form both check aliases with these.
ALIAS_KINDS = ("name", "former_name", "abbreviation", "spelling", "synonym")
SOURCED_ALIAS_KINDS = frozenset({"former_name"})
# The languages the atlas's names come in, offered first; any ISO 639-1 code is taken.
NAME_LANGUAGES = ("en", "ru", "kk", "tr", "az", "tk")
_NOTE = 2000
_SUMMARY = 5000

KINDS: tuple[str, ...] = (
    "agreement", "event", "trade", "target", "fact", "source", "node", "segment", "corridor", "partner", "alias",
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "agreement": (
        _text("title_en", 500), _text("title_ru", 500), _text("title_kk", 500),
        _text("title_ru_working", 500),
        _text("title_kk_working", 500),
        FieldSpec("date_signed", "date"),
        FieldSpec("doc_type", "vocab", required=True, vocab="doc_types"),
        FieldSpec("level", "vocab", vocab="agreement_levels"),
        FieldSpec("status", "vocab", required=True, vocab="agreement_statuses"),  # NOT NULL in the schema
        FieldSpec("doc_count", "int", required=True, minimum=1, maximum=1000),
        FieldSpec("event_id", "ref", ref="event"),
        _long("summary_en", _SUMMARY), _long("summary_ru", _SUMMARY),
        _partners(),
        FieldSpec("sectors", "codes", vocab="sectors"),
        _sources(),
    ),
    "event": (
        FieldSpec("kind", "vocab", required=True, vocab="event_kinds"),
        FieldSpec("date_start", "date"), FieldSpec("date_end", "date"),
        _text("title_en", 500), _text("title_ru", 500),
        _text("place_en", 200), _text("place_ru", 200),
        _long("summary_en", _SUMMARY), _long("summary_ru", _SUMMARY),
        FieldSpec("documents_signed", "int", minimum=0, maximum=10_000),
        _partners(),
        _sources(),
    ),
    "trade": (
        FieldSpec("partner_iso3", "ref", required=True, ref="partner"),
        FieldSpec("year", "year", required=True, minimum=1991, maximum=2100),
        FieldSpec("period", "period", required=True),
        FieldSpec("turnover_usd_m", "money", minimum=0, maximum=MAX_MONEY_USD_M),
        FieldSpec("exports_usd_m", "money", minimum=0, maximum=MAX_MONEY_USD_M),
        FieldSpec("imports_usd_m", "money", minimum=0, maximum=MAX_MONEY_USD_M),
        FieldSpec("statistics", "enum", required=True, choices=("kazakh", "partner", "other", "unknown")),
        FieldSpec("qualifier", "enum", required=True, choices=_QUALIFIERS),
        _long("note_en", _NOTE), _long("note_ru", _NOTE),
        _sources(),
    ),
    "target": (
        FieldSpec("partner_iso3", "ref", required=True, ref="partner"),
        FieldSpec("metric", "enum", required=True, choices=("trade_turnover", "exports", "imports")),
        FieldSpec("kind", "enum", required=True, choices=TARGET_KINDS, default="level"),
        FieldSpec("value_usd_m", "money", minimum=0, maximum=MAX_MONEY_USD_M, min_exclusive=True),
        FieldSpec("multiplier", "float", minimum=0, maximum=100, min_exclusive=True),
        FieldSpec("base_year", "year", minimum=1991, maximum=2100),
        FieldSpec("estimate", "bool", required=True, default=False),
        FieldSpec("stated_role", "enum", choices=STATED_ROLES),
        FieldSpec("horizon_year", "year", minimum=1991, maximum=2100),
        _text("horizon_note_en", 200), _text("horizon_note_ru", 200),
        FieldSpec("stated_on", "date"),
        _text("stated_by_en", 300), _text("stated_by_ru", 300),
        _long("note_en", _NOTE), _long("note_ru", _NOTE),
        _sources(),
    ),
    "fact": (
        FieldSpec("partner_iso3", "ref", ref="partner"),
        FieldSpec("corridor_id", "ref", ref="corridor"),
        FieldSpec("metric", "vocab", required=True, vocab="metrics"),
        _text("value", 2000, required=True),
        _text("value_ru", 2000),
        _text("value_kk", 2000),
        FieldSpec("value_num", "float"),
        FieldSpec("qualifier", "enum", required=True, choices=_QUALIFIERS),
        _text("unit", 40),
        FieldSpec("as_of", "date"),
        _long("note_en", _NOTE), _long("note_ru", _NOTE),
        _sources(),
    ),
    "source": (
        FieldSpec("url", "url", max_length=2000),
        _text("title", 500),
        _text("publisher", 200),
        FieldSpec("published", "date"),
        _text("language", 8),
        FieldSpec("kind", "enum", choices=SOURCE_KINDS),
        _long("taken_en", _NOTE),
    ),
    "node": (
        _text("name_en", 200, required=True), _text("name_ru", 200), _text("name_kk", 200),
        FieldSpec("country_iso3", "iso3", required=True),
        FieldSpec("kind", "vocab", required=True, vocab="node_kinds"),
        FieldSpec("lat", "lat", minimum=-90, maximum=90),
        FieldSpec("lon", "lon", minimum=-180, maximum=180),
        FieldSpec("position_approx", "bool", required=True, default=False),
        _text("position_from", 500),
        _long("note_en", _NOTE), _long("note_ru", _NOTE),
        _sources(),
    ),
    "segment": (
        FieldSpec("corridor_id", "ref", required=True, ref="corridor"),
        FieldSpec("from_node_id", "ref", required=True, ref="node"),
        FieldSpec("to_node_id", "ref", required=True, ref="node"),
        FieldSpec("mode", "vocab", required=True, vocab="transport_modes"),
        FieldSpec("status", "vocab", required=True, vocab="segment_statuses"),
        FieldSpec("length_km", "float", minimum=0, maximum=20_000, min_exclusive=True),
        _long("route", 100_000),
        _long("note_en", _NOTE), _long("note_ru", _NOTE),
        _sources(),
    ),
    "corridor": (
        _text("name_en", 300, required=True), _text("name_ru", 300), _text("name_kk", 300),
        _long("description_en", _SUMMARY), _long("description_ru", _SUMMARY), _long("description_kk", _SUMMARY),
        _sources(),
    ),
    "partner": (
        FieldSpec("iso3", "iso3", required=True),
        _text("name_en", 200, required=True), _text("name_ru", 200, required=True), _text("name_kk", 200),
        FieldSpec("is_focus", "bool", required=True),  # NOT NULL in the schema; a check box always gives a value
        FieldSpec("sort_order", "int", required=True, minimum=0, maximum=10_000),  # NOT NULL in the schema
    ),
    "alias": (
        _text("group_id", 80, required=True),
        _text("name", 300, required=True),
        FieldSpec("lang", "text", max_length=8, suggestions=NAME_LANGUAGES),
        FieldSpec("kind", "enum", required=True, choices=ALIAS_KINDS),
        _long("note_en", _NOTE),
        _sources(),
    ),
}

# Rules across fields, checked once every field has its own verdict.
_ONE_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "agreement": (("title_en", "title_ru", "title_kk"),),
    "event": (("title_en", "title_ru"),),
    "trade": (("turnover_usd_m", "exports_usd_m", "imports_usd_m"),),
    "target": (("value_usd_m", "multiplier"),),
    "source": (("url", "title"),),
}
_DATE_ORDER = {"event": ("date_start", "date_end")}
_PAIRS = {"node": ("lat", "lon")}
_DIFFERENT = {"segment": ("from_node_id", "to_node_id")}
# kind -> (field, values of it that state a fact): such a record must cite at least one source
_SOURCED = {"alias": ("kind", SOURCED_ALIAS_KINDS)}


class _Invalid(Exception):
    """A refused value inside the field checkers: code and message parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _shown(value: object) -> str:
    """A value as an error message quotes it (``params["value"]`` is always text): short, never a pasted book."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


# --- public parsers -----------------------------------------------------------------------------------------------

def parse_user_date(text: str) -> str:
    """ISO partial date ('YYYY', 'YYYY-MM', 'YYYY-MM-DD') of YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY or
    MM.YYYY; years 1800..2100. Raise ValueError for anything else, impossible days included."""
    if not isinstance(text, str):
        raise ValueError(f"not a date: {text!r}")
    s = text.strip()
    if not s.isascii():
        raise ValueError(f"not a date: {s!r}")
    try:
        date = parse_partial_date(s)  # DateError is a ValueError (NotInCalendar: 31.02.2026)
    except YearOutOfRange as exc:  # (the dates module takes a wider range than a form does)
        raise YearOutOfRange(s, exc.year, MIN_DATE_YEAR, MAX_DATE_YEAR) from None
    if not MIN_DATE_YEAR <= date.year <= MAX_DATE_YEAR:
        raise YearOutOfRange(s, date.year, MIN_DATE_YEAR, MAX_DATE_YEAR)
    return date.iso()


def parse_user_number(text: str) -> float:
    """The number a user typed: '1234.5', '1234,5', '1 234,5', '1,234.5' (spaces may be U+00A0 or U+202F).

    A comma followed by exactly three digits and nothing else ('1,234') could be a decimal comma or a thousands
    separator, so it is refused rather than guessed. Raise ValueError for anything that is not a finite number.
    """
    if not isinstance(text, str):
        raise ValueError(f"not a number: {text!r}")
    s = text.strip()
    if not s.isascii():  # (the table maps only the no-break spaces)
        s = s.translate(_NUMBER_SPACES)
    if not s or len(s) > _MAX_NUMBER_CHARS:
        raise ValueError(f"not a number: {_shown(s)!r}")
    sign = 1.0
    if s[0] in "+-\u2212":
        sign = -1.0 if s[0] != "+" else 1.0
        s = s[1:]
    whole: str | None = None
    fraction = ""
    if (m := _PLAIN.fullmatch(s)) is not None:
        if m.group(4):
            whole, fraction = "0", m.group(5)
        else:
            whole, fraction = m.group(1), m.group(3) or ""
            if m.group(2) == "," and len(fraction) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
                raise ValueError(f"ambiguous number {s!r}: a decimal comma or a thousands separator?")
    elif (m := _SPACE_GROUPED.fullmatch(s)) is not None or (m := _COMMA_GROUPED.fullmatch(s)) is not None:
        whole, fraction = m.group(1).replace(" ", "").replace(",", ""), m.group(2) or ""
    if whole is None:
        raise ValueError(f"not a number: {s!r}")
    value = sign * float(f"{whole}.{fraction or '0'}")
    if not math.isfinite(value):
        raise ValueError(f"number too large: {s!r}")
    return value + 0.0  # no negative zero


def is_iso3(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 country code as stored: three upper-case letters, known to
    pycountry ('KAZ' yes; 'kaz' and 'XXZ' no)."""
    if not isinstance(code, str) or len(code) != 3 or not (code.isascii() and code.isalpha() and code.isupper()):
        return False
    return pycountry.countries.get(alpha_3=code) is not None


# --- field checkers -----------------------------------------------------------------------------------------------

def _as_text(raw: object) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, numbers.Real) and not isinstance(raw, bool):
        return str(raw)
    raise _Invalid("bad_text", value=_shown(raw))


def _is_empty(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip(_EDGE_CHARS)
    if isinstance(raw, (list, tuple, set, frozenset)):
        return all(_is_empty(item) for item in raw)
    return False


def _clean_text(raw: object, spec: FieldSpec, multiline: bool) -> str:
    s = _as_text(raw)
    if _SURROGATE.search(s):
        raise _Invalid("bad_text")
    if multiline:
        s = _NEWLINES.sub("\n", s)
    s = s.strip(_EDGE_CHARS)
    if (m := (_CONTROL_LONG if multiline else _CONTROL_LINE).search(s)) is not None:
        raise _Invalid("control_chars", char=f"U+{ord(m.group()):04X}")
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    if spec.max_length is not None and len(s) > spec.max_length:
        raise _Invalid("too_long", max=spec.max_length, length=len(s))
    return s


def _check_url(raw: object, spec: FieldSpec) -> str:
    s = _clean_text(raw, spec, multiline=False)
    if _WHITESPACE.search(s):
        raise _Invalid("bad_url", value=_shown(s))
    try:
        parts = urlsplit(s)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise _Invalid("bad_url", value=_shown(s)) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _Invalid("bad_url", value=_shown(s))
    return parts.scheme.lower() + s[len(parts.scheme):]


def _check_language(value: str) -> str:
    code = value.lower()
    if not _LANGUAGE.fullmatch(code) or pycountry.languages.get(alpha_2=code) is None:
        raise _Invalid("unknown_code", value=_shown(value))
    return code


def _check_identifier(value: str) -> str:
    if not IDENTIFIER.fullmatch(value):
        raise _Invalid("bad_identifier", value=_shown(value))
    return value


def _check_words(value: str) -> str:
    """A name that search can find: it holds at least one word (not only punctuation or symbols)."""
    if not raw_words(value):
        raise _Invalid("no_words", value=_shown(value))
    return value


# Extra checks of particular text fields, after the text rules.
def _check_route(value: str) -> str:
    try:
        return normalise_route(value) or ""
    except RouteError as exc:
        raise _Invalid("bad_route", detail=str(exc)) from None


_TEXT_CHECKS: dict[tuple[str, str], Callable[[str], str]] = {
    ("segment", "route"): _check_route,
    ("source", "language"): _check_language,
    ("alias", "lang"): _check_language,
    ("alias", "group_id"): _check_identifier,
    ("alias", "name"): _check_words,
}


def _number(raw: object) -> int | float:
    if isinstance(raw, bool):
        raise _Invalid("bad_number", value=_shown(raw))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str):  # (the usual case, tested before the slower check of the numeric types)
        try:
            value = parse_user_number(raw)
        except ValueError:
            raise _Invalid("bad_number", value=_shown(raw.strip())) from None
    elif isinstance(raw, (numbers.Real, Decimal)):
        try:
            value = float(raw)
        except ValueError:  # a signalling NaN
            raise _Invalid("bad_number", value=_shown(raw)) from None
    else:
        raise _Invalid("bad_number", value=_shown(raw))
    if not math.isfinite(value):
        raise _Invalid("bad_number", value=_shown(raw))
    return value


def _check_number(raw: object, spec: FieldSpec) -> int | float:
    value = _number(raw)
    if spec.type in ("int", "year"):
        if isinstance(value, float):
            if not value.is_integer():
                raise _Invalid("not_integer", value=_shown(raw))
            value = int(value)
    else:
        value = float(value) + 0.0
    if spec.type == "money" and value < 0:
        raise _Invalid("negative", value=_shown(value))
    lo, hi = spec.minimum, spec.maximum
    below = lo is not None and (value <= lo if spec.min_exclusive else value < lo)
    if below or (hi is not None and value > hi):
        params: dict[str, object] = {"min": lo, "max": hi}
        if spec.min_exclusive:
            params["min_exclusive"] = True
        raise _Invalid("out_of_range", **params)
    return value


def _check_date(raw: object) -> str:
    if isinstance(raw, _dt.date):  # datetime too
        if not MIN_DATE_YEAR <= raw.year <= MAX_DATE_YEAR:
            raise _Invalid("bad_date", value=_shown(str(raw)), problem="year", min=MIN_DATE_YEAR, max=MAX_DATE_YEAR)
        return f"{raw.year:04d}-{raw.month:02d}-{raw.day:02d}"
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        raise _Invalid("bad_date", value=_shown(raw))
    try:
        return parse_user_date(raw)
    except NotInCalendar as exc:  # written as a date, but the calendar has no such day (or month): say so
        raise _Invalid("bad_date", value=_shown(raw.strip()), **_calendar_params(exc)) from None
    except YearOutOfRange as exc:
        raise _Invalid("bad_date", value=_shown(raw.strip()), problem="year", min=exc.minimum,
                       max=exc.maximum) from None
    except ValueError:
        raise _Invalid("bad_date", value=_shown(raw.strip())) from None


def _calendar_params(exc: NotInCalendar) -> dict[str, object]:
    """The parameters of a "bad_date" for a date the calendar does not have (see ERROR_CODES)."""
    return {"problem": "no_such_month" if exc.days is None else "no_such_day", "year": exc.year, "month": exc.month,
            "days": exc.days}


def _check_period(raw: object) -> str:
    if not isinstance(raw, str) or not _PERIOD.fullmatch(s := raw.strip().upper()):
        raise _Invalid("unknown_code", value=_shown(raw.strip() if isinstance(raw, str) else raw))
    return s


def _check_iso3(raw: object) -> str:
    if not isinstance(raw, str):
        raise _Invalid("unknown_iso3", value=_shown(raw))
    code = raw.strip().upper()
    if not is_iso3(code):
        raise _Invalid("unknown_iso3", value=_shown(raw.strip()))
    return code


def _check_code(raw: object, allowed: Iterable[str]) -> str:
    code = raw.strip() if isinstance(raw, str) else raw
    if not isinstance(code, str) or code not in allowed:
        raise _Invalid("unknown_code", value=_shown(code))
    return code


_TRUE = frozenset({"1", "true", "yes"})
_FALSE = frozenset({"0", "false", "no"})


def _check_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise _Invalid("bad_bool", value=_shown(raw))


def _ref_id(raw: object, kind: str) -> object:
    """The id a reference names, normalised (ISO3 upper-case for partners, int for the others), or the raw
    value when it cannot be one."""
    if kind == "partner":
        return raw.strip().upper() if isinstance(raw, str) else raw
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _DIGITS.fullmatch(s := raw.strip()):
        return int(s)
    return raw.strip() if isinstance(raw, str) else raw


def _known(value: object, allowed: Iterable[object]) -> bool:
    try:
        return not isinstance(value, bool) and value in allowed
    except TypeError:  # an unhashable value
        return False


def _items(raw: object) -> list[object]:
    """The elements of a refs/codes value: a sequence, or a string separated by commas, semicolons or spaces."""
    if isinstance(raw, str):
        return [part for part in re.split(r"[,;\s]+", raw) if part]
    if isinstance(raw, (bytes, bytearray, Mapping)) or not isinstance(raw, Iterable):
        return [raw]
    return list(raw)


def _check_many(raw: object, spec: FieldSpec, ctx: ValidationContext) -> tuple[tuple[object, ...], list[_Invalid]]:
    allowed: Set[object]
    if spec.type == "refs":
        allowed = ctx.ids.get(spec.ref or "", set())
        code = "unknown_reference"
    else:
        allowed = ctx.vocab.get(spec.vocab or "", set())
        code = "unknown_code"
    clean: list[object] = []
    seen: set[object] = set()
    problems: list[_Invalid] = []
    for item in _items(raw):
        if _is_empty(item):
            continue
        value = _ref_id(item, spec.ref or "") if spec.type == "refs" else (item.strip() if isinstance(item, str)
                                                                           else item)
        try:
            hash(value)
            key = value
        except TypeError:  # an unhashable element
            key = repr(value)
        if key in seen:
            continue
        seen.add(key)
        clean.append(value)
        if not _known(value, allowed):
            problems.append(_Invalid(code, value=_shown(value)))
    return tuple(clean), problems


def _check_field(raw: object, spec: FieldSpec, kind: str, ctx: ValidationContext) -> object:
    t = spec.type
    if t in ("text", "longtext"):
        value = _clean_text(raw, spec, multiline=t == "longtext")
        check = _TEXT_CHECKS.get((kind, spec.name))
        return check(value) if check else value
    if t == "url":
        return _check_url(raw, spec)
    if t in ("int", "year", "money", "float", "lat", "lon"):
        return _check_number(raw, spec)
    if t == "date":
        return _check_date(raw)
    if t == "period":
        return _check_period(raw)
    if t == "iso3":
        return _check_iso3(raw)
    if t == "vocab":
        return _check_code(raw, ctx.vocab.get(spec.vocab or "", set()))
    if t == "enum":
        return _check_code(raw, spec.choices)
    if t == "bool":
        return _check_bool(raw)
    if t == "ref":
        ref = _ref_id(raw, spec.ref or "")
        if not _known(ref, ctx.ids.get(spec.ref or "", set())):
            raise _Invalid("unknown_reference", value=_shown(ref))
        return ref
    raise AssertionError(f"unhandled field type {t!r}")  # pragma: no cover - FieldSpec checks the type


# Field types whose verdict on a text depends on the text and the field alone, not on the context: the values of
# such a field repeat from row to row of an import (years, periods, codes, dates), so each text's verdict (the clean
# value, or the refusal) is remembered rather than worked out again. Bounded: forgotten all at once when full.
_PURE_TYPES = frozenset({"int", "year", "period", "iso3", "enum", "bool", "date"})
_MAX_VERDICTS = 20_000
# (id of the FieldSpec, text) -> (the FieldSpec, kept so that its id stays its own; clean value; or refusal: code and
# parameters)
_VERDICTS: dict[tuple[int, str], tuple[FieldSpec, object, tuple[str, dict[str, object]] | None]] = {}


def _check_pure(raw: str, spec: FieldSpec, kind: str, ctx: ValidationContext) -> object:
    """_check_field of a text in a field of _PURE_TYPES, worked out once per text and field."""
    key = (id(spec), raw)
    verdict = _VERDICTS.get(key)
    if verdict is None:
        try:
            verdict = (spec, _check_field(raw, spec, kind, ctx), None)
        except _Invalid as problem:
            verdict = (spec, None, (problem.code, dict(problem.params)))
        if len(_VERDICTS) >= _MAX_VERDICTS:
            _VERDICTS.clear()
        _VERDICTS[key] = verdict
    if verdict[2] is not None:
        code, params = verdict[2]
        raise _Invalid(code, **params)
    return verdict[1]


# kind -> (its FIELDS entry, and for each field: the spec, its name, whether it holds many values (refs, codes),
# whether its type is one of _PURE_TYPES), worked out once rather than for every record validated
_PLANS: dict[str, tuple[tuple[FieldSpec, ...], tuple[tuple[FieldSpec, str, bool, bool], ...]]] = {}


def _plan(kind: str, specs: tuple[FieldSpec, ...]) -> tuple[tuple[FieldSpec, str, bool, bool], ...]:
    known = _PLANS.get(kind)
    if known is None or known[0] is not specs:
        known = _PLANS[kind] = (specs, tuple((spec, spec.name, spec.type in ("refs", "codes"),
                                              spec.type in _PURE_TYPES) for spec in specs))
    return known[1]


# --- records ------------------------------------------------------------------------------------------------------

def validate(kind: str, values: Mapping[str, object], ctx: ValidationContext) -> tuple[dict[str, object],
                                                                                      list[FieldError]]:
    """Normalise and check the values of one record (missing keys = empty; unknown keys ignored).

    Returns the clean value of every field of the kind, in form order, and the errors. Clean values: None for an
    empty scalar; text trimmed (NFC); dates ISO partial; numbers int or float; ISO3 upper-case; bools; refs and
    codes as tuples (order kept, duplicates removed; () when empty). A field with errors keeps its best-effort
    normalised value (or None).
    """
    specs = FIELDS.get(kind)
    if specs is None:
        raise ValueError(f"unknown record kind {kind!r}")
    clean: dict[str, object] = {}
    errors: list[FieldError] = []
    failed: set[str] = set()

    def fail(name: str, problem: _Invalid) -> None:
        failed.add(name)
        errors.append(FieldError(name, problem.code, dict(problem.params)))

    for spec, name, many, pure in _plan(kind, specs):
        raw = values.get(name)
        empty = _is_empty(raw)
        if empty and spec.default is not None:
            raw = spec.default
            empty = _is_empty(raw)
        if empty:
            clean[name] = () if many else None
            if spec.required:
                fail(name, _Invalid("required"))
            continue
        if many:
            clean[name], problems = _check_many(raw, spec, ctx)
            for problem in problems:
                fail(name, problem)
            continue
        try:
            clean[name] = (_check_pure(raw, spec, kind, ctx) if pure and type(raw) is str
                           else _check_field(raw, spec, kind, ctx))
        except _Invalid as problem:
            clean[name] = None
            fail(name, problem)

    for group in _ONE_REQUIRED.get(kind, ()):
        if all(clean[name] is None and name not in failed for name in group):
            for name in group:
                fail(name, _Invalid("one_required", fields=list(group)))
    if kind in _DATE_ORDER:
        start, end = _DATE_ORDER[kind]
        first, last = clean[start], clean[end]
        # The schema compares the ISO texts, so '2024' is before '2024-05': so does the form.
        if isinstance(first, str) and isinstance(last, str) and last < first:
            fail(end, _Invalid("end_before_start", start=first, end=last))
    if kind in _PAIRS:
        a, b = _PAIRS[kind]
        if not {a, b} & failed and (clean[a] is None) != (clean[b] is None):
            fail(b if clean[b] is None else a, _Invalid("lat_lon_pair", fields=[a, b]))
    if kind == "node" and clean.get("position_approx") and "position_approx" not in failed:
        # an approximate position is a position, and says where it was taken from
        if clean["lat"] is None and not {"lat", "lon"} & failed:
            fail("position_approx", _Invalid("approx_needs_position"))
        elif not clean["position_from"] and "position_from" not in failed:
            fail("position_from", _Invalid("approx_needs_origin"))
    if kind in _DIFFERENT:
        a, b = _DIFFERENT[kind]
        if clean[a] is not None and clean[a] == clean[b] and not {a, b} & failed:
            fail(b, _Invalid("same_nodes", value=_shown(clean[b])))
    if kind in _SOURCED:
        name, stating = _SOURCED[kind]
        if clean[name] in stating and not clean["sources"] and "sources" not in failed:
            fail("sources", _Invalid("sources_required", value=_shown(clean[name])))
    return clean, errors
