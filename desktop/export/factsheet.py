"""A one-page fact sheet on one partner, assembled from the database (no Qt): the texts to print, in
English or Russian, with the footnote number of the first source of every figure, fact, event and
agreement, and the numbered list of those sources.

The fixed words of the sheet (headings, "as of", month names, "page X of Y") come from ``WORDS``: the
sheet is a document in a chosen language, independent of the interface language. Data texts are
taken in that language, else in the other one marked "[EN]" / "[RU]". Nothing unknown is made up:
a missing value is left out or says "not recorded".
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from desktop.core.dates import DateError, Precision, parse_partial_date
from desktop.core.errors import AtlasError
from desktop.core.records import OFFICIAL_KINDS, SOURCE_KINDS, Fact, Target
from desktop.core.trade import TargetLine, TradePlot, TradePoint, period_months, target_lines, trade_plot
from desktop.data.agreements import AgreementQuery
from desktop.data.repository import Repository

LANGUAGES = ("en", "ru")
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
        "bn": "${n} bn",
        "m": "${n} m",
        "untitled": "untitled",
        "undated": "undated",
        "marker": "[RU]",
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
        "decimal": ".",
        "group": ",",
    },
    "ru": {
        "app": "Partnership Atlas",
        "sheet": "Справка об отношениях с Казахстаном",
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
        "bn": "${n} млрд",
        "m": "${n} млн",
        "untitled": "без названия",
        "undated": "без даты",
        "marker": "[EN]",
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
        "decimal": ",",
        "group": "\u00a0",
    },
}
# a day's month ("29 апр. 2025") and a month on its own ("май 2012")
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."),
}
_STANDALONE_MONTHS = {
    "en": _MONTHS["en"],
    "ru": ("янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."),
}
_QUALIFIED = {"approx": "about", "lower_bound": "over", "upper_bound": "under"}
_TARGET_WORD = {"turnover": "target", "exports": "target_exports", "imports": "target_imports"}


class FactSheetError(AtlasError):
    """A fact sheet that cannot be made as asked (unknown partner or language)."""


# ---------------------------------------------------------------------- words, numbers, dates


def word(lang: str, key: str, **values: object) -> str:
    """A fixed word of the sheet in ``lang``, with ``{placeholders}`` filled in."""
    text = WORDS.get(lang, WORDS["en"])[key]
    return text.format(**values) if values else text


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """1234.5 -> '1,234.5' (en) or '1 234,5' (ru, with a no-break space)."""
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", word(lang, "decimal")).replace("\x00", word(lang, "group"))
    return ("−" if value < 0 and float(f"{value:.{decimals}f}") != 0 else "") + text


def money(value: float, lang: str) -> str:
    """USD million as '$3.4 bn' / '$3,4 млрд' or '$640 m' / '$640 млн'."""
    if abs(value) >= 1000:
        return word(lang, "bn", n=format_number(value / 1000.0, lang, 1 if value % 1000 else 0))
    return word(lang, "m", n=format_number(value, lang, 0 if float(value).is_integer() else 1))


def qualified(text: str, qualifier: str | None, lang: str) -> str:
    """A value with its qualifier: 'about $5 bn', 'over $5 bn'."""
    key = _QUALIFIED.get(qualifier or "")
    return word(lang, key, v=text) if key else text


def format_date(iso: str | None, lang: str) -> str:
    """A partial date at its precision: '29 Apr 2025' / '29 апр. 2025', 'Apr 2025', '2025'; '' if unknown
    (a text that is not a date is returned as it is)."""
    if not iso:
        return ""
    try:
        date = parse_partial_date(iso)
    except DateError:
        return iso
    if date.precision is Precision.DAY:
        return f"{date.day} {_MONTHS[_lang(lang)][date.month - 1]} {date.year}"
    if date.precision is Precision.MONTH:
        return f"{_STANDALONE_MONTHS[_lang(lang)][date.month - 1]} {date.year}"
    return str(date.year)


def format_dates(start: str | None, end: str | None, lang: str) -> str:
    """An event's dates: '29 Apr 2025', '28–29 Apr 2025', '30 Apr 2025 – 2 May 2025'."""
    if not start:
        return word(lang, "date_not_recorded")
    first = format_date(start, lang)
    if not end or end == start:
        return first
    if len(start) == len(end) == 10 and start[:7] == end[:7]:
        return f"{int(start[8:])}–{format_date(end, lang)}"
    return f"{first} – {format_date(end, lang)}"


def period_label(point: TradePoint, lang: str) -> str:
    """'2024' for a full year, 'Jan–Jun 2024' for a part of it."""
    if point.period == "FY":
        return str(point.year)
    months = _STANDALONE_MONTHS[_lang(lang)]
    return f"{months[0]}–{months[period_months(point.period) - 1]} {point.year}"


def pick(lang: str, en: str | None, ru: str | None) -> str | None:
    """A data text in ``lang``, else the other language's marked '[EN]' / '[RU]', else None."""
    own, other = (ru, en) if lang == "ru" else (en, ru)
    if own:
        return own
    return f"{other} {word(lang, 'marker')}" if other else None


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
    date: str
    kind: str
    title: str
    place: str
    source: int | None = None


@dataclass(frozen=True)
class AgreementLine:
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

    def strongest(self, record_type: str, record_id: int):
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
    """Assemble the fact sheet of partner ``iso3`` in ``lang`` ("en" or "ru"), made on ``as_of`` (today)."""
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
    name = partner.name(lang)
    cite = _Citations(repo, lang)
    units = {code_: (en, ru) for code_, en, ru in repo.db.conn.execute("SELECT code, unit_en, unit_ru FROM metrics")}

    facts = [f for f in repo.facts(code) if f.is_preferred is not False]
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
    mechanisms = []
    for m in repo.mechanisms(code):
        when = word(lang, "established", date=format_date(m.established, lang)) if m.established else ""
        mechanisms.append(Line(pick(lang, m.name_en, m.name_ru) or word(lang, "not_recorded"), "", when,
                               cite.cite("mechanism", m.id)))

    trade = exports = imports = target = None
    figures = repo.trade_series(code)
    plot = trade_plot(code, figures) if figures else None
    latest = plot.latest_full_year("turnover") if plot else None
    if latest is not None:
        source = cite.cite("trade", latest.record_id)
        trade = Line(word(lang, "turnover", year=latest.year),
                     qualified(money(latest.value, lang), latest.qualifier, lang),
                     cite.headline(statistics_label(latest.statistics, name, lang), "trade", latest.record_id), source)
        for measure in ("exports", "imports"):
            point = next((p for p in plot.lines[measure] if p.year == latest.year), None)
            if point is not None:
                line = Line(word(lang, measure), qualified(money(point.value, lang), point.qualifier, lang),
                            str(point.year), cite.cite("trade", point.record_id))
                exports, imports = (line, imports) if measure == "exports" else (exports, line)
    chosen = preferred_target(repo.targets(code), plot)
    if chosen is not None:
        target = Line(word(lang, _TARGET_WORD.get(chosen.measure, "target")), money(chosen.value, lang),
                      cite.headline(_target_detail(chosen, lang), "target", chosen.target.id),
                      cite.cite("target", chosen.target.id))

    key_facts = []
    for fact in _other_facts(facts):
        as_of_text = word(lang, "as_of", date=format_date(fact.as_of, lang)) if fact.as_of else ""
        key_facts.append(Line(pick(lang, fact.metric_en, fact.metric_ru) or fact.metric, _fact_value(fact, lang, units),
                              as_of_text, cite.cite("fact", fact.id)))

    kinds = repo.labels("event_kinds")
    events = []
    for e in repo.events(code, limit=MAX_EVENTS):
        kind = (kinds[e.kind].pick(lang) if e.kind in kinds else e.kind) if e.kind else None
        events.append(EventLine(format_dates(e.date_start, e.date_end, lang),
                                kind or word(lang, "not_recorded"),
                                pick(lang, e.title_en, e.title_ru) or word(lang, "not_recorded"),
                                pick(lang, e.place_en, e.place_ru) or "", cite.cite("event", e.id)))

    query = AgreementQuery(partners=(code,), sort="date", descending=True, lang=lang)
    page = repo.agreements.page(query, limit=MAX_AGREEMENTS)
    total = repo.agreements.count(query) if page.next is not None else len(page.ids)
    doc_types = repo.labels("doc_types")
    agreements = []
    for a in repo.agreements.rows(page.ids, lang=lang):
        doc_type = doc_types[a.doc_type].pick(lang) if a.doc_type in doc_types else a.doc_type
        working = word(lang, "unofficial", title=a.title_ru_working) if (
            lang == "ru" and not a.title_ru and a.title_ru_working) else None
        title = (working or pick(lang, a.title_en, a.title_ru) or (f"{a.title_kk} [KK]" if a.title_kk else None)
                 or word(lang, "not_recorded"))
        agreements.append(AgreementLine(format_date(a.date_signed, lang) or word(lang, "date_not_recorded"), title,
                                        doc_type or "",
                                        word(lang, "documents", n=a.doc_count) if a.doc_count > 1 else "",
                                        cite.cite("agreement", a.id)))

    return FactSheet(
        iso3=code, lang=lang, partner=name, as_of=as_of, marking=(marking or "").strip() or None,
        level=level, diplomatic=diplomatic, mechanisms=mechanisms, trade=trade, exports=exports, imports=imports,
        target=target, facts=key_facts, events=events, agreements=agreements,
        agreements_more=max(0, total - len(agreements)), corridors=corridor_names(repo, code, lang),
        sources=cite.refs, plot=plot, target_line=chosen)


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


def _fact_value(fact: Fact, lang: str, units: dict[str, tuple[str | None, str | None]]) -> str:
    """A fact's value with its qualifier and unit, numbers and dates in ``lang``."""
    if fact.unit == "date":
        return format_date(fact.value, lang)
    unit_en, unit_ru = units.get(fact.metric, (fact.unit, None))
    if fact.value_num is None or fact.unit == "year":
        text = fact.value
        if lang == "ru" and fact.value_ru:
            text = fact.value_ru
        elif lang == "ru" and fact.value_num is None and fact.unit in _TEXT_UNITS:
            text += " " + word(lang, "marker")  # a worded value with no Russian text recorded
        if fact.unit in _PLAIN_UNITS or any(t in fact.value for t in (fact.unit or "").replace("/", " ").split()):
            return text
        return f"{text} {(unit_ru if lang == 'ru' and unit_ru else unit_en) or fact.unit}"
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
            text += " " + ((unit_ru if lang == "ru" and unit_ru else unit_en) or fact.unit)
    return word(lang, qualifier, v=text) if qualifier else text


def corridor_names(repo: Repository, iso3: str, lang: str) -> list[str]:
    """The corridors with a segment ending at one of the partner's nodes (as the map highlights them)."""
    return [pick(lang, c.name_en, c.name_ru) or c.uid for c in _touching(repo, iso3)]


def _touching(repo: Repository, iso3: str) -> list:
    nodes = {n.id for n in repo.nodes() if n.country_iso3 == iso3}
    ids = {s.corridor_id for s in repo.segments() if s.from_node_id in nodes or s.to_node_id in nodes}
    return [c for c in repo.corridors() if c.id in ids]
