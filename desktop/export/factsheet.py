"""A one-page fact sheet on one partner, assembled from the database (no Qt): the texts to print, in
English, Russian or Kazakh, with the footnote number of the first source of every figure, fact, event and
agreement, and the numbered list of those sources.

The fixed words of the sheet (headings, "as of", "page X of Y") come from ``WORDS``: the sheet is a document in
a chosen language, independent of the interface language. Month names, decimal and group separators and the
"млрд" / "млн" of a sum come from CLDR's locale data (Babel), never from tables typed here. Data texts are taken
in the sheet's language, else in the one its reader reads next (Kazakh → Russian → English), marked "[RU]" /
"[EN]". Nothing unknown is made up: a missing value is left out or says "not recorded".
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as _cldr_date
from babel.dates import format_interval, format_skeleton, get_month_names, match_skeleton, parse_pattern
from babel.numbers import format_decimal

from desktop.core.dates import DateError, Precision, parse_partial_date
from desktop.core.errors import AtlasError
from desktop.core.records import (
    OFFICIAL_KINDS,
    SOURCE_KINDS,
    AgreementRow,
    Corridor,
    Fact,
    Label,
    Source,
    Target,
    pick_marked,
)
from desktop.core.trade import TargetLine, TradePlot, TradePoint, period_months, target_lines, trade_plot
from desktop.data.agreements import AgreementQuery
from desktop.data.queries import metric_units
from desktop.data.repository import Repository
from desktop.export.pdf_archive import ArchiveInfo, Bookmark

LANGUAGES = ("en", "ru", "kk")
LEVEL = "relationship_level"
DIPLOMATIC = "diplomatic_relations_established"
MAX_FACTS = 6
MAX_EVENTS = 6
MAX_AGREEMENTS = 12
_PLAIN_UNITS = {"label", "list", "date", "year", None, ""}  # values printed without a unit
_TEXT_UNITS = {"label", "list"}  # values recorded as English text

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "app": "Partnership Atlas",
        "sheet": "Fact sheet: relations with Kazakhstan",
        "subject": "Fact sheet: {partner}",
        "subjects": "Fact sheets: {partners}",
        "as_of": "as of {date}",
        "relations": "Relations",
        "level": "Level of relations",
        "since": "since {year}",
        "diplomatic": "Diplomatic relations established",
        "mechanisms": "Mechanisms",
        "established": "established {date}",
        "key_figures": "Key figures",
        "turnover": "Trade turnover, {year}",
        "turnover_plain": "Trade turnover",
        "exports": "Exports from Kazakhstan",
        "imports": "Imports to Kazakhstan",
        "target": "Trade target",
        "target_exports": "Export target",
        "target_imports": "Import target",
        "by_year": "by {year}",
        "media_report": "(media report)",
        "kind_official_primary": "official (primary)",
        "kind_official_secondary": "official (state news agency)",
        "kind_independent_media": "independent media",
        "kind_company": "company",
        "kind_aggregator": "aggregator or blog",
        "kind_encyclopedia": "encyclopedia",
        "kind_none": "kind not recorded",
        "no_deadline": "no deadline given",
        "growth": "needs {sign}{pct}% a year from {year}",
        "horizon_passed": "horizon passed ({year}: {value})",
        "stated": "stated: {who}, {date}",
        "key_facts": "Key facts",
        "events": "Recent events",
        "agreements": "Agreements",
        "documents": "{n} documents",
        "and_more": "and {n} more",
        "corridors": "Transport corridors",
        "sources": "Sources",
        "page": "page {n} of {total}",
        "not_recorded": "not recorded",
        "date_not_recorded": "date not recorded",
        "kazakh": "Kazakhstan's statistics",
        "partner": "{partner}'s statistics",
        "other": "another source",
        "unknown": "source not stated",
        "about": "about {v}",
        "over": "over {v}",
        "under": "under {v}",
        "up_to": "up to {v}",
        "untitled": "untitled",
        "undated": "undated",
        "unofficial": "{title} (unofficial translation)",
        "chart_title": "Trade turnover with {partner}",
        "chart_full_year": "Full year",
        "chart_partial": "Part of a year",
        "chart_target": "Target",
        "chart_note": "US dollars, seen from Kazakhstan; gaps are years without a figure.",
        "map_caption": "Corridors touching {partner}",
        "map_modes": "Mode",
        "map_statuses": "Status",
        "map_places": "Places",
        "map_mode_rail": "rail",
        "map_mode_road": "road",
        "map_mode_sea": "sea",
        "map_mode_pipeline": "pipeline",
        "map_status_operating": "operating",
        "map_status_under_construction": "under construction",
        "map_status_planned": "planned",
        "map_status_proposed": "proposed",
        "map_node_city": "city",
        "map_node_port": "port",
        "map_node_rail_station": "railway station",
        "map_node_border_crossing": "border crossing",
        "map_node_dry_port": "dry port",
        "map_node_logistics_centre": "logistics centre",
        "map_node_terminal": "terminal",
        "map_approx": "approximate position",
        "map_unrecorded": "route not recorded",
        "map_km": "{n} km",
        "map_credit": "Basemap: {source}",
    },
    "ru": {
        "app": "Partnership Atlas",
        "sheet": "Справка об отношениях с Казахстаном",
        "subject": "Справка: {partner}",
        "subjects": "Справки: {partners}",
        "as_of": "по состоянию на {date}",
        "relations": "Отношения",
        "level": "Уровень отношений",
        "since": "с {year} г.",
        "diplomatic": "Установление дипломатических отношений",
        "mechanisms": "Механизмы сотрудничества",
        "established": "дата учреждения: {date}",
        "key_figures": "Ключевые показатели",
        "turnover": "Товарооборот, {year} г.",
        "turnover_plain": "Товарооборот",
        "exports": "Экспорт из Казахстана",
        "imports": "Импорт в Казахстан",
        "target": "Цель по товарообороту",
        "target_exports": "Цель по экспорту",
        "target_imports": "Цель по импорту",
        "by_year": "к {year} г.",
        "media_report": "(сообщение СМИ)",
        "kind_official_primary": "официальный (первоисточник)",
        "kind_official_secondary": "официальный (гос. информагентство)",
        "kind_independent_media": "независимые СМИ",
        "kind_company": "компания",
        "kind_aggregator": "агрегатор или блог",
        "kind_encyclopedia": "энциклопедия",
        "kind_none": "вид не указан",
        "no_deadline": "срок не указан",
        "growth": "нужен рост {sign}{pct}% в год от уровня {year} г.",
        "horizon_passed": "срок прошёл ({year} г.: {value})",
        "stated": "заявление: {who}, {date}",
        "key_facts": "Ключевые факты",
        "events": "Последние события",
        "agreements": "Соглашения",
        "documents": "документов: {n}",
        "and_more": "и ещё {n}",
        "corridors": "Транспортные коридоры",
        "sources": "Источники",
        "page": "стр. {n} из {total}",
        "not_recorded": "не указано",
        "date_not_recorded": "дата не указана",
        "kazakh": "статистика Казахстана",
        "partner": "статистика партнёра ({partner})",
        "other": "другой источник",
        "unknown": "источник не указан",
        "about": "около {v}",
        "over": "более {v}",
        "under": "менее {v}",
        "up_to": "до {v}",
        "untitled": "без названия",
        "undated": "без даты",
        "unofficial": "{title} (неофициальный перевод)",
        "chart_title": "Товарооборот с партнёром: {partner}",
        "chart_full_year": "Полный год",
        "chart_partial": "Часть года",
        "chart_target": "Цель",
        "chart_note": "В долларах США, с точки зрения Казахстана; разрывы — годы без данных.",
        "map_caption": "Коридоры, проходящие через страну: {partner}",
        "map_modes": "Вид транспорта",
        "map_statuses": "Статус",
        "map_places": "Пункты",
        "map_mode_rail": "железная дорога",
        "map_mode_road": "автодорога",
        "map_mode_sea": "море",
        "map_mode_pipeline": "трубопровод",
        "map_status_operating": "действует",
        "map_status_under_construction": "строится",
        "map_status_planned": "планируется",
        "map_status_proposed": "предлагается",
        "map_node_city": "город",
        "map_node_port": "порт",
        "map_node_rail_station": "железнодорожная станция",
        "map_node_border_crossing": "пограничный переход",
        "map_node_dry_port": "сухой порт",
        "map_node_logistics_centre": "логистический центр",
        "map_node_terminal": "терминал",
        "map_approx": "приблизительное положение",
        "map_unrecorded": "маршрут не указан",
        "map_km": "{n} км",
        "map_credit": "Основа карты: {source}",
    },
    "kk": {
        "app": "Partnership Atlas",
        "sheet": "Қазақстанмен қарым-қатынастар туралы анықтама",
        "subject": "Анықтама: {partner}",
        "subjects": "Анықтамалар: {partners}",
        "as_of": "жағдай бойынша: {date}",
        "relations": "Қарым-қатынастар",
        "level": "Қарым-қатынастар деңгейі",
        "since": "{year} жылдан бері",
        "diplomatic": "Дипломатиялық қатынастардың орнатылуы",
        "mechanisms": "Ынтымақтастық тетіктері",
        "established": "құрылған күні: {date}",
        "key_figures": "Негізгі көрсеткіштер",
        "turnover": "Тауар айналымы, {year} ж.",
        "turnover_plain": "Тауар айналымы",
        "exports": "Қазақстаннан экспорт",
        "imports": "Қазақстанға импорт",
        "target": "Тауар айналымы бойынша мақсат",
        "target_exports": "Экспорт бойынша мақсат",
        "target_imports": "Импорт бойынша мақсат",
        "by_year": "{year} жылға қарай",
        "media_report": "(БАҚ хабары)",
        "kind_official_primary": "ресми (бастапқы дереккөз)",
        "kind_official_secondary": "ресми (мемлекеттік ақпарат агенттігі)",
        "kind_independent_media": "тәуелсіз БАҚ",
        "kind_company": "компания",
        "kind_aggregator": "агрегатор немесе блог",
        "kind_encyclopedia": "энциклопедия",
        "kind_none": "түрі көрсетілмеген",
        "no_deadline": "мерзімі көрсетілмеген",
        "growth": "{year} жылғы деңгейден жыл сайын {sign}{pct}% өсу қажет",
        "horizon_passed": "мерзімі өтті ({year} ж.: {value})",
        "stated": "мәлімдеген: {who}, {date}",
        "key_facts": "Негізгі фактілер",
        "events": "Соңғы оқиғалар",
        "agreements": "Келісімдер",
        "documents": "{n} құжат",
        "and_more": "тағы {n}",
        "corridors": "Көлік дәліздері",
        "sources": "Дереккөздер",
        "page": "{total} беттің {n}-беті",
        "not_recorded": "көрсетілмеген",
        "date_not_recorded": "күні көрсетілмеген",
        "kazakh": "Қазақстан статистикасы",
        "partner": "серіктес статистикасы ({partner})",
        "other": "басқа дереккөз",
        "unknown": "дереккөз көрсетілмеген",
        "about": "шамамен {v}",
        "over": "кемінде {v}",
        "under": "ең көбі {v}",
        "up_to": "ең көбі {v}",
        "untitled": "атауы жоқ",
        "undated": "күні жоқ",
        "unofficial": "{title} (ресми емес аударма)",
        "chart_title": "Серіктеспен тауар айналымы: {partner}",
        "chart_full_year": "Толық жыл",
        "chart_partial": "Жылдың бір бөлігі",
        "chart_target": "Мақсат",
        "chart_note": "АҚШ долларымен, Қазақстан тарапынан; үзілістер — көрсеткіші жоқ жылдар.",
        "map_caption": "Ел арқылы өтетін дәліздер: {partner}",
        "map_modes": "Көлік түрі",
        "map_statuses": "Мәртебесі",
        "map_places": "Пункттер",
        "map_mode_rail": "темір жол",
        "map_mode_road": "автомобиль жолы",
        "map_mode_sea": "теңіз",
        "map_mode_pipeline": "құбыр желісі",
        "map_status_operating": "жұмыс істейді",
        "map_status_under_construction": "салынуда",
        "map_status_planned": "жоспарланған",
        "map_status_proposed": "ұсынылған",
        "map_node_city": "қала",
        "map_node_port": "порт",
        "map_node_rail_station": "темір жол станциясы",
        "map_node_border_crossing": "шекара өткелі",
        "map_node_dry_port": "құрғақ порт",
        "map_node_logistics_centre": "логистикалық орталық",
        "map_node_terminal": "терминал",
        "map_approx": "шамамен алынған орны",
        "map_unrecorded": "бағыты көрсетілмеген",
        "map_km": "{n} км",
        "map_credit": "Карта негізі: {source}",
    },
}
_QUALIFIED = {"approx": "about", "lower_bound": "over", "upper_bound": "under"}
_TARGET_WORD = {"turnover": "target", "exports": "target_exports", "imports": "target_imports"}
# The sheet's English "bn" and "m" (CLDR's English has only "B" and "M"); Russian and Kazakh take CLDR's
# "млрд" and "млн".
_ENGLISH_SCALES = {9: "bn", 6: "m"}


@dataclass(frozen=True)
class _DateForms:
    """How a sheet writes a day and a month (CLDR patterns or skeletons that Babel fills from the locale)."""

    day: str
    month: str
    skeletons: bool  # CLDR skeletons, in the locale's own order; ranges in CLDR's interval form


_DATE_FORMS = {
    # the sheets' compact form: "29 Apr 2025", "29 апр. 2025" (CLDR's medium date, without the Russian "г."), and
    # a month on its own in the stand-alone form ("LLL"): "май 2012", where a day takes the genitive, "2 мая 2012"
    "en": _DateForms("d MMM y", "LLL y", skeletons=False),
    "ru": _DateForms("d MMM y", "LLL y", skeletons=False),
    # Kazakh in CLDR's order, with full month names: "2025 ж. 29 сәуір", "2025 ж. сәуір"
    "kk": _DateForms("yMMMMd", "yMMMM", skeletons=True),
}


class FactSheetError(AtlasError):
    """A fact sheet that cannot be made as asked (unknown partner or language)."""


# ---------------------------------------------------------------------- words, numbers, dates


def word(lang: str, key: str, **values: object) -> str:
    """A fixed word of the sheet in ``lang``, with ``{placeholders}`` filled in."""
    text = WORDS.get(lang, WORDS["en"])[key]
    return text.format(**values) if values else text


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """1234.5 -> '1,234.5' (en) or '1 234,5' (ru, kk: CLDR's no-break space and decimal comma). Rounded as the
    sheets always have (Python's rounding of the value), then written with the locale's symbols."""
    rounded = _rounded(value, decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    text = format_decimal(rounded, format=pattern, locale=_lang(lang))
    return ("−" if value < 0 and rounded != 0 else "") + text


def usd(millions: float, lang: str, power: int, decimals: int) -> str:
    """USD ``millions`` written in billions (``power`` 9) or millions (6) with ``decimals``: '$3.4 bn' / '$640 m'
    in English, '$3,4 млрд' / '$640 млн' in Russian and Kazakh (CLDR's short compact form, its no-break space
    kept: the number never parts from its unit at a line's end)."""
    value = millions / 10 ** (power - 6)
    number = format_number(value, lang, decimals)
    if _lang(lang) == "en":
        return f"${number} {_ENGLISH_SCALES[power]}"
    category = Locale.parse(_lang(lang)).plural_form(_rounded(value, decimals))
    prefix, suffix = _compact_affixes(_lang(lang), power, category)
    return f"${prefix}{number}{suffix}"


def _rounded(value: float, decimals: int) -> Decimal:
    """|value| rounded to ``decimals`` as Python rounds a float (as the sheets always have), exactly."""
    return Decimal(f"{abs(value):.{decimals}f}")


@cache
def _compact_affixes(lang: str, power: int, category: str) -> tuple[str, str]:
    """What CLDR's short compact pattern of 10**``power`` puts before and after the number (for Russian 10**9:
    nothing, and a no-break space and "млрд")."""
    formats = Locale.parse(lang).compact_decimal_formats["short"]
    pattern = (formats.get(category) or formats["other"])[str(10 ** power)]
    return pattern.prefix[0], pattern.suffix[0]


def money(value: float, lang: str) -> str:
    """USD million as '$3.4 bn' / '$3,4 млрд' or '$640 m' / '$640 млн'."""
    if abs(value) >= 1000:
        return usd(value, lang, 9, 1 if value % 1000 else 0)
    return usd(value, lang, 6, 0 if float(value).is_integer() else 1)


def qualified(text: str, qualifier: str | None, lang: str) -> str:
    """A value with its qualifier: 'about $5 bn', 'over $5 bn'."""
    key = _QUALIFIED.get(qualifier or "")
    return word(lang, key, v=text) if key else text


def format_date(iso: str | None, lang: str) -> str:
    """A partial date at its precision: '29 Apr 2025' / '29 апр. 2025' / '2025 ж. 29 сәуір', 'Apr 2025' / 'май 2012'
    / '2025 ж. сәуір', '2025'; '' if unknown (a text that is not a date is returned as it is)."""
    if not iso:
        return ""
    try:
        date = parse_partial_date(iso)
    except DateError:
        return iso
    if date.precision is Precision.YEAR:
        return str(date.year)
    return _date_text(date.first_day(), lang, day=date.precision is Precision.DAY)


def _date_text(date: _dt.date, lang: str, day: bool) -> str:
    forms = _DATE_FORMS[_lang(lang)]
    form = forms.day if day else forms.month
    if forms.skeletons:
        return format_skeleton(form, date, locale=_lang(lang))
    return _cldr_date(date, form, locale=_lang(lang))


def format_dates(start: str | None, end: str | None, lang: str) -> str:
    """An event's dates: '29 Apr 2025', '28–29 Apr 2025', '30 Apr 2025 – 2 May 2025'; in Kazakh CLDR's range
    of days or months, '2025 ж. 28–29 сәуір'."""
    if not start:
        return word(lang, "date_not_recorded")
    first = format_date(start, lang)
    if not end or end == start:
        return first
    forms = _DATE_FORMS[_lang(lang)]
    if forms.skeletons and len(start) == len(end) and len(start) in (7, 10):  # two days, or two months
        try:
            ends = [_dt.date.fromisoformat(x if len(x) == 10 else x + "-01") for x in (start, end)]
        except ValueError:
            ends = None
        if ends is not None:
            return _interval(ends[0], ends[1], forms.day if len(start) == 10 else forms.month, lang)
    if len(start) == len(end) == 10 and start[:7] == end[:7]:
        return f"{int(start[8:])}–{format_date(end, lang)}"
    return f"{first} – {format_date(end, lang)}"


def period_label(point: TradePoint, lang: str) -> str:
    """'2024' for a full year, 'Jan–Jun 2024' / 'янв.–июнь 2024' for a part of it (CLDR's stand-alone month
    names); in Kazakh CLDR's range of months, '2024 ж. қаңтар – маусым'."""
    if point.period == "FY":
        return str(point.year)
    last = period_months(point.period)
    forms = _DATE_FORMS[_lang(lang)]
    if forms.skeletons:
        return _interval(_dt.date(point.year, 1, 1), _dt.date(point.year, last, 1), forms.month, lang)
    months = get_month_names("abbreviated", "stand-alone", locale=_lang(lang))
    return f"{months[1]}–{months[last]} {point.year}"


def _interval(start: _dt.date, end: _dt.date, skeleton: str, lang: str) -> str:
    """A range in CLDR's interval form for ``lang`` ("2025 ж. 28–29 сәуір"), its month names as wide as
    ``skeleton`` asks: Babel takes the nearest interval form the locale has (for "yMMMMd" Kazakh has only
    "yMMMd") without widening its fields, as CLDR says to."""
    locale = Locale.parse(_lang(lang))
    if start == end:
        return format_skeleton(skeleton, start, locale=locale)
    formats = locale.interval_formats
    nearest = skeleton if skeleton in formats else match_skeleton(skeleton, formats)
    if nearest is None:
        return format_interval(start, end, skeleton, locale=locale)
    for field, differs in (("y", start.year != end.year), ("M", start.month != end.month), ("d", start.day != end.day)):
        if differs and field in formats[nearest]:
            parts = formats[nearest][field]
            if "MMMM" in skeleton:
                parts = [re.sub(r"(?<![ML])([ML])\1{2}(?![ML])", r"\1\1\1\1", part) for part in parts]
            # (as Babel's format_interval: the pieces its split of the pattern gives, one date each)
            return "".join(parse_pattern(part).apply(when, locale)
                           for part, when in zip(parts, (start, end), strict=False))
    return format_interval(start, end, skeleton, locale=locale)


def marker(code: str) -> str:
    """The mark of a text shown in another language than the sheet's: '[RU]', '[EN]'."""
    return f"[{code.upper()}]"


def pick(lang: str, en: str | None, ru: str | None, kk: str | None = None) -> str | None:
    """A data text in ``lang``, else in the language its reader reads next (Kazakh → Russian → English; Russian →
    English; English → Russian) marked '[RU]' / '[EN]' / '[KK]', else None."""
    text, other = pick_marked(lang, en, ru, kk)
    return f"{text} {marker(other)}" if text and other else text


def label_text(labels: dict[str, Label], code: str | None, lang: str) -> str | None:
    """A vocabulary value's label in ``lang`` (marked as :func:`pick` marks), the code for one not in the
    vocabulary, None for no code."""
    if not code:
        return None
    label = labels.get(code)
    return pick(lang, label.en, label.ru, label.kk) if label else code


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


# ---------------------------------------------------------------------- the sheet


@dataclass(frozen=True)
class SourceRef:
    """One numbered source of the sheet."""

    number: int
    title: str
    publisher: str | None
    date: str  # formatted, or "undated"
    url: str | None
    kind: str = ""  # what kind of source, in the sheet's language ("official (primary)", ...)


@dataclass(frozen=True)
class Line:
    """One printed item: a label, its value, details, and the footnote number of its first source."""

    label: str
    value: str
    detail: str = ""
    source: int | None = None


@dataclass(frozen=True)
class EventLine:
    """One visit, meeting or summit in the sheet's list: its dates, kind, title and place."""

    date: str
    kind: str
    title: str
    place: str
    source: int | None = None


@dataclass(frozen=True)
class AgreementLine:
    """One agreement in the sheet's list: its date of signature, title and type."""

    date: str
    title: str
    doc_type: str
    documents: str  # "18 documents" for a package, else ""
    source: int | None = None


@dataclass(frozen=True)
class FactSheet:
    """Everything a fact sheet prints, as texts in ``lang``; the trade data for the chart."""

    iso3: str
    lang: str
    partner: str
    as_of: str  # ISO date the sheet was made
    marking: str | None
    level: Line | None  # value: the level; detail: "since 2022"
    diplomatic: Line | None
    mechanisms: list[Line]
    trade: Line | None  # latest full-year turnover; detail: whose statistics
    exports: Line | None
    imports: Line | None
    target: Line | None  # value: amount; detail: horizon, growth needed, who stated it and when
    facts: list[Line]
    events: list[EventLine]
    agreements: list[AgreementLine]
    agreements_more: int
    corridors: list[str]
    sources: list[SourceRef]
    plot: TradePlot | None = None  # None: no trade figure recorded
    target_line: TargetLine | None = None

    def word(self, key: str, **values: object) -> str:
        return word(self.lang, key, **values)

    @property
    def as_of_text(self) -> str:
        return format_date(self.as_of, self.lang)

    def money(self, value: float) -> str:
        return money(value, self.lang)


def archive_info(sheets: list[FactSheet], bookmarks: list[Bookmark] | None = None) -> ArchiveInfo:
    """What a PDF of ``sheets`` (one, or several combined) says of itself besides its title: the subject
    ("Fact sheet: Türkiye" in the sheets' language), the keywords (each partner's ISO code and name, the
    language code, the sheets' date), the language, and the bookmarks."""
    if not sheets:
        raise ValueError("a PDF of no fact sheets")
    lang = sheets[0].lang
    if len(sheets) == 1:
        subject = word(lang, "subject", partner=sheets[0].partner)
    else:
        subject = word(lang, "subjects", partners=", ".join(s.partner for s in sheets))
    dates = sorted({s.as_of for s in sheets})
    keywords = [k for s in sheets for k in (s.iso3, s.partner)] + [lang, *dates]
    return ArchiveInfo(subject, ", ".join(keywords), lang, list(bookmarks or []))


class _Citations:
    """Numbers the sources in the order the sheet first cites them."""

    def __init__(self, repo: Repository, lang: str):
        self.repo = repo
        self.lang = lang
        self.numbers: dict[int, int] = {}
        self.refs: list[SourceRef] = []

    def cite(self, record_type: str, record_id: int) -> int | None:
        """The footnote number of a record's strongest source (the kinds' order, then as the record lists
        them; None if it has none)."""
        s = self.strongest(record_type, record_id)
        if s is None:
            return None
        if s.id not in self.numbers:
            number = len(self.refs) + 1
            self.numbers[s.id] = number
            self.refs.append(SourceRef(number, s.title or s.url or word(self.lang, "untitled"), s.publisher,
                                       format_date(s.published, self.lang) or word(self.lang, "undated"), s.url,
                                       word(self.lang, f"kind_{s.kind}") if s.kind else word(self.lang, "kind_none")))
        return self.numbers[s.id]

    def strongest(self, record_type: str, record_id: int) -> Source | None:
        sources = self.repo.sources_of(record_type, record_id)
        if not sources:
            return None
        rank = {kind: n for n, kind in enumerate(SOURCE_KINDS)}
        return min(sources, key=lambda src: rank.get(src.kind or "", len(SOURCE_KINDS)))

    def official(self, record_type: str, record_id: int) -> bool:
        """Whether a record rests on an official source (the presidency, a ministry, statistics, a state agency)."""
        s = self.strongest(record_type, record_id)
        return s is not None and s.kind in OFFICIAL_KINDS

    def headline(self, detail: str, record_type: str, record_id: int) -> str:
        """A headline figure's detail, with "(media report)" where no official source stands behind it."""
        if self.official(record_type, record_id):
            return detail
        return " ".join(p for p in (detail, word(self.lang, "media_report")) if p)


def build_factsheet(repo: Repository, iso3: str, lang: str, as_of: str | _dt.date | None = None,
                    marking: str | None = None) -> FactSheet:
    """Assemble the fact sheet of partner ``iso3`` in ``lang`` ("en", "ru" or "kk"), made on ``as_of`` (today).
    The sources are numbered in the order the parts below first cite them, so the parts are built in this order."""
    if lang not in LANGUAGES:
        raise FactSheetError(f"no fact sheet language {lang!r} (choose one of {', '.join(LANGUAGES)})")
    code = (iso3 or "").strip().upper()
    partner = repo.partner(code)
    if partner is None:
        known = ", ".join(p.iso3 for p in repo.partners())
        raise FactSheetError(f"unknown partner {iso3!r} (known: {known})")
    if as_of is None:
        as_of = _dt.date.today()
    as_of = as_of.isoformat() if isinstance(as_of, _dt.date) else str(as_of)
    name = pick(lang, partner.name_en, partner.name_ru, partner.name_kk) or partner.iso3
    cite = _Citations(repo, lang)
    units: dict[str, tuple[str | None, ...]] = {code: tuple(label) for code, label in metric_units(repo.db).items()}
    facts = [f for f in repo.facts(code) if f.is_preferred is not False]
    level, diplomatic = _relations(facts, lang, units, cite)
    mechanisms = _mechanism_lines(repo, code, lang, cite)
    figures = repo.trade_series(code)
    plot = trade_plot(code, figures) if figures else None
    trade, exports, imports = _trade_lines(plot, name, lang, cite)
    chosen = preferred_target(repo.targets(code), plot)
    target = _target_headline(chosen, lang, cite) if chosen is not None else None
    key_facts = _fact_lines(facts, lang, units, cite)
    events = _event_lines(repo, code, lang, cite)
    agreements, total = _agreement_lines(repo, code, lang, cite)
    return FactSheet(
        iso3=code, lang=lang, partner=name, as_of=as_of, marking=(marking or "").strip() or None,
        level=level, diplomatic=diplomatic, mechanisms=mechanisms, trade=trade, exports=exports, imports=imports,
        target=target, facts=key_facts, events=events, agreements=agreements,
        agreements_more=max(0, total - len(agreements)), corridors=corridor_names(repo, code, lang),
        sources=cite.refs, plot=plot, target_line=chosen)


def _relations(facts: list[Fact], lang: str, units: dict[str, tuple[str | None, ...]],
               cite: _Citations) -> tuple[Line | None, Line | None]:
    """The relationship level (the newest, with the year since) and the date diplomatic relations were
    established."""
    level = diplomatic = None
    levels = [f for f in facts if f.metric == LEVEL]  # newest first
    if levels:
        current = levels[0]
        since = word(lang, "since", year=current.as_of[:4]) if current.as_of else ""
        level = Line(word(lang, "level"), _fact_value(current, lang, units), since, cite.cite("fact", current.id))
    established = [f for f in facts if f.metric == DIPLOMATIC]
    if established:
        fact = established[0]
        diplomatic = Line(word(lang, "diplomatic"), _fact_value(fact, lang, units), "", cite.cite("fact", fact.id))
    return level, diplomatic


def _mechanism_lines(repo: Repository, code: str, lang: str, cite: _Citations) -> list[Line]:
    """The partner's mechanisms (councils, commissions), each with the date it was established."""
    mechanisms = []
    for m in repo.mechanisms(code):
        when = word(lang, "established", date=format_date(m.established, lang)) if m.established else ""
        mechanisms.append(Line(pick(lang, m.name_en, m.name_ru, m.name_kk) or word(lang, "not_recorded"), "", when,
                               cite.cite("mechanism", m.id)))
    return mechanisms


def _trade_lines(plot: TradePlot | None, partner: str, lang: str,
                 cite: _Citations) -> tuple[Line | None, Line | None, Line | None]:
    """The key figures: the latest full year's turnover (whose statistics, "(media report)" where no official
    source stands behind it) and that year's exports and imports; None where there is no such figure."""
    trade = exports = imports = None
    latest = plot.latest_full_year("turnover") if plot else None
    if plot is None or latest is None:
        return trade, exports, imports
    source = cite.cite("trade", latest.record_id)
    trade = Line(word(lang, "turnover", year=latest.year),
                 qualified(money(latest.value, lang), latest.qualifier, lang),
                 cite.headline(statistics_label(latest.statistics, partner, lang), "trade", latest.record_id), source)
    for measure in ("exports", "imports"):
        point = next((p for p in plot.lines[measure] if p.year == latest.year), None)
        if point is not None:
            line = Line(word(lang, measure), qualified(money(point.value, lang), point.qualifier, lang),
                        str(point.year), cite.cite("trade", point.record_id))
            exports, imports = (line, imports) if measure == "exports" else (exports, line)
    return trade, exports, imports


def _target_headline(chosen: TargetLine, lang: str, cite: _Citations) -> Line:
    """The preferred target: what it measures, its value, and its horizon, the growth it needs and who stated it."""
    assert chosen.value is not None  # (preferred_target chooses among the lines with a value)
    return Line(word(lang, _TARGET_WORD.get(chosen.measure, "target")), money(chosen.value, lang),
                cite.headline(_target_detail(chosen, lang), "target", chosen.target.id),
                cite.cite("target", chosen.target.id))


def _fact_lines(facts: list[Fact], lang: str, units: dict[str, tuple[str | None, ...]],
                cite: _Citations) -> list[Line]:
    """The key facts besides the level and the diplomatic relations (see :func:`_other_facts`), each "as of"
    its date."""
    key_facts = []
    for fact in _other_facts(facts):
        as_of_text = word(lang, "as_of", date=format_date(fact.as_of, lang)) if fact.as_of else ""
        key_facts.append(Line(pick(lang, fact.metric_en, fact.metric_ru, fact.metric_kk) or fact.metric,
                              _fact_value(fact, lang, units), as_of_text, cite.cite("fact", fact.id)))
    return key_facts


def _event_lines(repo: Repository, code: str, lang: str, cite: _Citations) -> list[EventLine]:
    """The partner's latest visits, meetings and summits (MAX_EVENTS at most)."""
    kinds = repo.labels("event_kinds")
    events = []
    for e in repo.events(code, limit=MAX_EVENTS):
        kind = label_text(kinds, e.kind, lang)
        events.append(EventLine(format_dates(e.date_start, e.date_end, lang),
                                kind or word(lang, "not_recorded"),
                                pick(lang, e.title_en, e.title_ru) or word(lang, "not_recorded"),
                                pick(lang, e.place_en, e.place_ru) or "", cite.cite("event", e.id)))
    return events


def _agreement_lines(repo: Repository, code: str, lang: str, cite: _Citations) -> tuple[list[AgreementLine], int]:
    """The partner's agreements, newest first (MAX_AGREEMENTS at most), and how many there are in all."""
    query = AgreementQuery(partners=(code,), sort="date", descending=True, lang=lang)
    page = repo.agreements.page(query, limit=MAX_AGREEMENTS)
    total = repo.agreements.count(query) if page.next is not None else len(page.ids)
    doc_types = repo.labels("doc_types")
    agreements = []
    for a in repo.agreements.rows(page.ids, lang=lang):
        doc_type = label_text(doc_types, a.doc_type, lang)
        title = agreement_title(a, lang) or word(lang, "not_recorded")
        agreements.append(AgreementLine(format_date(a.date_signed, lang) or word(lang, "date_not_recorded"), title,
                                        doc_type or "",
                                        word(lang, "documents", n=a.doc_count) if a.doc_count > 1 else "",
                                        cite.cite("agreement", a.id)))
    return agreements, total


def agreement_title(a: AgreementRow, lang: str) -> str | None:
    """An agreement's title in ``lang``: the official one; else our working translation, marked "(unofficial
    translation)" in the sheet's words; else, as :func:`pick` goes on, the next language's (a Kazakh reader's
    next is Russian: its official title, else its working translation marked in Russian), marked "[RU]" / "[EN]"."""
    own = {"en": a.title_en, "ru": a.title_ru, "kk": a.title_kk}.get(lang)
    working = {"ru": a.title_ru_working, "kk": a.title_kk_working}.get(lang)
    if own:
        return own
    if working:
        return word(lang, "unofficial", title=working)
    if lang == "kk" and not a.title_ru and a.title_ru_working:
        return f"{word('ru', 'unofficial', title=a.title_ru_working)} {marker('ru')}"
    return pick(lang, a.title_en, a.title_ru, a.title_kk)


def statistics_label(statistics: str, partner: str, lang: str) -> str:
    """Whose statistics a trade figure is: "Kazakhstan's statistics", "Türkiye's statistics", ..."""
    if statistics == "partner":
        return word(lang, "partner", partner=partner)
    return word(lang, statistics if statistics in ("kazakh", "other", "unknown") else "unknown")


def preferred_target(targets: list[Target], plot: TradePlot | None) -> TargetLine | None:
    """The latest preferred statement with a value (of trade turnover if there is one, else of any measure)."""
    lines = target_lines(targets, plot or TradePlot("", {}, {}, {}))
    # a party's target to reach a level: an estimate or an increase is no headline "target"
    candidates = [t for t in lines if t.value is not None and t.emphasised and t.kind == "level"]
    turnover = [t for t in candidates if t.measure == "turnover"]
    pool = turnover or candidates
    if not pool:
        return None
    return max(pool, key=lambda t: (t.target.stated_on or "", t.target.id))


def _target_detail(line: TargetLine, lang: str) -> str:
    t = line.target
    parts = []
    if line.horizon_year is not None:
        parts.append(word(lang, "by_year", year=line.horizon_year))
    else:
        parts.append(pick(lang, t.horizon_note_en, t.horizon_note_ru) or word(lang, "no_deadline"))
    if line.growth is not None and line.base is not None:
        parts.append(word(lang, "growth", sign="+" if line.growth >= 0 else "−",
                          pct=format_number(abs(line.growth) * 100, lang, 1), year=line.base.year))
    elif line.horizon_passed and line.base is not None:
        parts.append(word(lang, "horizon_passed", year=line.base.year, value=money(line.base.value, lang)))
    who = pick(lang, t.stated_by_en, t.stated_by_ru) or word(lang, "not_recorded")
    when = format_date(t.stated_on, lang) or word(lang, "date_not_recorded")
    parts.append(word(lang, "stated", who=who, date=when))
    return "; ".join(parts)


def _other_facts(facts: list[Fact]) -> list[Fact]:
    """Up to MAX_FACTS facts besides the level and the diplomatic relations: the newest of each metric,
    newest first (undated last)."""
    newest: dict[str, Fact] = {}
    for f in facts:
        if f.metric in (LEVEL, DIPLOMATIC):
            continue
        if f.metric not in newest or (f.as_of or "") > (newest[f.metric].as_of or ""):
            newest[f.metric] = f
    ordered = sorted(newest.values(), key=lambda f: (f.as_of or "", -f.id), reverse=True)
    return ordered[:MAX_FACTS]


def _fact_value(fact: Fact, lang: str, units: dict[str, tuple[str | None, ...]]) -> str:
    """A fact's value with its qualifier and unit, numbers and dates in ``lang``; a worded value or a unit with no
    text in ``lang`` in the next language's, marked as :func:`pick` marks it."""
    if fact.unit == "date":
        return format_date(fact.value, lang)
    unit_en, unit_ru, unit_kk = units.get(fact.metric, (fact.unit, None, None))
    unit = pick(lang, unit_en or fact.unit, unit_ru, unit_kk)
    if fact.value_num is None or fact.unit == "year":
        if fact.value_num is None and fact.unit in _TEXT_UNITS:  # worded, as the source words it (English)
            text = pick(lang, fact.value, fact.value_ru, fact.value_kk) or fact.value
        else:
            text = fact.value_in(lang)
        if fact.unit in _PLAIN_UNITS or any(t in fact.value for t in (fact.unit or "").replace("/", " ").split()):
            return text
        return f"{text} {unit}"
    qualifier = {"upper_bound": "up_to"}.get(fact.qualifier, _QUALIFIED.get(fact.qualifier))
    if unit_en == "USD million" or fact.unit in ("USD m", "USD million"):
        text = money(fact.value_num, lang)
    else:
        decimals = len(f"{fact.value_num:.6f}".rstrip("0").split(".")[1])
        text = format_number(fact.value_num, lang, decimals)
        if fact.value.startswith("+"):
            text = "+" + text
        if unit_en == "percent":
            text += "%"
        elif fact.unit not in _PLAIN_UNITS:
            text += f" {unit}"
    return word(lang, qualifier, v=text) if qualifier else text


def corridor_names(repo: Repository, iso3: str, lang: str) -> list[str]:
    """The corridors with a segment ending at one of the partner's nodes (as the map highlights them)."""
    return [pick(lang, c.name_en, c.name_ru, c.name_kk) or c.uid for c in _touching(repo, iso3)]


def _touching(repo: Repository, iso3: str) -> list[Corridor]:
    nodes = {n.id for n in repo.nodes() if n.country_iso3 == iso3}
    ids = {s.corridor_id for s in repo.segments() if s.from_node_id in nodes or s.to_node_id in nodes}
    return [c for c in repo.corridors() if c.id in ids]
