"""Record types returned by the data layer: small, immutable, Qt-free.

They are named tuples rather than frozen dataclasses: the module is on the window's start path, and
thirteen frozen dataclasses take three times as long to define (about 6 ms more on our machines);
a named tuple is also quicker to make, for the rows the table reads page by page. ``Alternative``
holds a dict that is not compared, so it stays a dataclass.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# One stored row, or one record's values as the data layer moves them about: column -> value. The values are
# what SQLite or JSON holds (text, numbers, None, lists of link values); which type each has depends on the
# table and the column, so the value type is Any.
RowValues = dict[str, Any]

# What a target's number means (issue 18): a level to reach; an increase by value_usd_m over the figure of
# base_year; a multiple (multiplier) of base_year's figure.
TARGET_KINDS = ("level", "increase", "multiple")
# In what role the person who stated a target spoke: the first four are a party's, the others are not.
STATED_ROLES = ("head_of_state", "head_of_government", "minister", "official", "expert", "analyst", "agency")
PARTY_ROLES = frozenset(STATED_ROLES[:4])
# How much weight a source's word carries, strongest first: the presidency, ministries, statistics offices and
# the partner's government; state news agencies; independent media; a company; an aggregator or a blog; an
# encyclopedia.
SOURCE_KINDS = ("official_primary", "official_secondary", "independent_media", "company", "aggregator",
                "encyclopedia")
OFFICIAL_KINDS = frozenset(SOURCE_KINDS[:2])

def pick(lang: str, en: str | None, ru: str | None, kk: str | None = None) -> str | None:
    """A text in ``lang``, else in the language its reader reads next: Kazakh → Russian → English; Russian →
    English; English → Russian."""
    if lang == "kk":
        return kk or ru or en
    if lang == "ru":
        return ru or en
    return en or ru


def pick_marked(lang: str, en: str | None, ru: str | None, kk: str | None = None) -> tuple[str | None, str | None]:
    """As :func:`pick`, with the language the text is in when it is not ``lang`` (for a "[RU]" mark), else None."""
    order = {"kk": (("kk", kk), ("ru", ru), ("en", en)), "ru": (("ru", ru), ("en", en), ("kk", kk))}.get(
        lang, (("en", en), ("ru", ru), ("kk", kk)))
    for code, text in order:
        if text:
            return text, None if code == lang else code
    return None, None


def reads_russian(lang: str) -> bool:
    """Whether a reader of ``lang`` is shown Russian where a text has no version of their own (Kazakh readers are)."""
    return lang in ("ru", "kk")


class Label(NamedTuple):
    """A vocabulary value's label in each language (Kazakh may be missing: then Russian is shown)."""

    en: str
    ru: str | None
    kk: str | None = None

    def pick(self, lang: str) -> str:
        return pick(lang, self.en, self.ru, self.kk) or self.en


class Partner(NamedTuple):
    id: int
    iso3: str
    name_en: str
    name_ru: str
    name_kk: str | None
    is_focus: bool

    def name(self, lang: str) -> str:
        return {"ru": self.name_ru, "kk": self.name_kk or self.name_ru}.get(lang, self.name_en)


class Mechanism(NamedTuple):
    id: int
    uid: str
    partner_id: int
    name_en: str
    name_ru: str | None
    established: str | None
    note_en: str | None
    note_ru: str | None
    name_kk: str | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_en, self.name_ru, self.name_kk) or self.name_en


class Event(NamedTuple):
    id: int
    uid: str
    kind: str
    date_start: str | None
    date_end: str | None
    partners: tuple[str, ...]
    place_en: str | None
    place_ru: str | None
    title_en: str | None
    title_ru: str | None
    summary_en: str | None
    summary_ru: str | None
    documents_signed: int | None
    agreement_count: int = 0
    is_alternative: bool = False  # a non-preferred member of a conflict group


class AgreementRow(NamedTuple):
    id: int
    uid: str
    date_signed: str | None
    partners: tuple[str, ...]
    title_en: str | None
    title_ru: str | None
    title_kk: str | None
    summary_en: str | None
    summary_ru: str | None
    doc_type: str
    level: str | None
    sectors: tuple[str, ...]
    status: str
    doc_count: int
    event_id: int | None
    event_title_en: str | None
    event_title_ru: str | None
    is_alternative: bool = False
    title_ru_working: str | None = None  # our working Russian translation of a title published only otherwise
    title_kk_working: str | None = None  # ... and Kazakh (shown marked "ресми емес аударма")


class TradeFigure(NamedTuple):
    id: int
    uid: str
    partner: str
    year: int
    period: str
    turnover_usd_m: float | None
    exports_usd_m: float | None
    imports_usd_m: float | None
    statistics: str
    qualifier: str
    note_en: str | None
    note_ru: str | None
    is_preferred: bool | None  # None: not in a conflict group

    @property
    def is_full_year(self) -> bool:
        return self.period == "FY"


class Target(NamedTuple):
    id: int
    uid: str
    partner: str
    metric: str
    value_usd_m: float | None
    multiplier: float | None
    horizon_year: int | None
    horizon_note_en: str | None
    horizon_note_ru: str | None
    stated_on: str | None
    stated_by_en: str | None
    stated_by_ru: str | None
    note_en: str | None
    note_ru: str | None
    is_preferred: bool | None
    kind: str = "level"  # level | increase (value_usd_m over base_year's figure) | multiple (of base_year's)
    base_year: int | None = None
    estimate: bool = False  # someone's estimate (an expert, an analyst), not a party's target
    stated_role: str | None = None


class Fact(NamedTuple):
    id: int
    uid: str
    partner: str | None
    corridor_id: int | None
    metric: str
    metric_en: str
    metric_ru: str
    value: str
    value_num: float | None
    qualifier: str
    unit: str | None
    as_of: str | None
    note_en: str | None
    note_ru: str | None
    is_preferred: bool | None
    value_ru: str | None = None  # a worded value in Russian (value is as the source words it)
    value_kk: str | None = None  # ... and in Kazakh
    metric_kk: str | None = None

    def value_in(self, lang: str) -> str:
        """The value as shown in ``lang``: a worded value's Russian or Kazakh text where there is one (Kazakh falls
        back to Russian)."""
        if lang == "kk" and (self.value_kk or self.value_ru):
            return self.value_kk or self.value_ru or self.value
        return self.value_ru if lang == "ru" and self.value_ru else self.value

    def metric_in(self, lang: str) -> str:
        return pick(lang, self.metric_en, self.metric_ru, self.metric_kk) or self.metric


class Corridor(NamedTuple):
    id: int
    uid: str
    name_en: str
    name_ru: str | None
    description_en: str | None
    description_ru: str | None
    name_kk: str | None = None
    description_kk: str | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_en, self.name_ru, self.name_kk) or self.name_en

    def description(self, lang: str) -> str | None:
        return pick(lang, self.description_en, self.description_ru, self.description_kk)


class Node(NamedTuple):
    id: int
    uid: str
    name_en: str
    name_ru: str | None
    name_kk: str | None
    country_iso3: str
    kind: str
    lat: float | None
    lon: float | None
    note_en: str | None
    note_ru: str | None
    position_approx: bool = False  # the position is that of the nearest town or district (position_from)
    position_from: str | None = None  # where an approximate position was taken from

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_en, self.name_ru, self.name_kk) or self.name_en

    def note(self, lang: str) -> str | None:
        return pick(lang, self.note_en, self.note_ru)


class Segment(NamedTuple):
    id: int
    uid: str
    corridor_id: int
    from_node_id: int
    to_node_id: int
    mode: str
    status: str
    length_km: float | None
    note_en: str | None
    note_ru: str | None
    route: str | None = None  # the points the line passes (desktop.core.routes), as JSON

    def note(self, lang: str) -> str | None:
        return (self.note_ru or self.note_en) if lang == "ru" else self.note_en


class Project(NamedTuple):
    id: int
    uid: str
    name_en: str
    name_ru: str | None
    partner: str | None
    corridor_id: int | None
    node_id: int | None
    status: str | None
    description_en: str | None
    description_ru: str | None


class Source(NamedTuple):
    id: int
    uid: str
    url: str | None
    title: str | None
    publisher: str | None
    published: str | None
    language: str | None
    taken_en: str | None
    kind: str | None = None  # official_primary ... encyclopedia (migrations.SOURCE_KINDS); None: not recorded


@dataclass(frozen=True)
class Alternative:
    """One member of a conflict group: the record, whether it is preferred, and why."""

    group_uid: str
    record_type: str
    record_id: int
    record_uid: str
    is_preferred: bool
    reason_en: str | None
    reason_ru: str | None
    summary: RowValues = field(default_factory=dict, compare=False)  # the member's key values
