"""A spreadsheet template for an import (issue 22, item 6): an empty XLSX workbook that staff fill in Excel or
LibreOffice and import, without guessing the columns or their values.

The workbook holds, for one importable kind:

- the sheet "records": the import's header row (``fileformat.COLUMNS[kind]``, in English: they are the import's
  keys), bold and frozen, and no data rows; text and date columns are formatted as text, so that a spreadsheet
  keeps "2025-04" as typed instead of turning it into a date; each header cell has a comment describing it;
- the sheet "Columns": each column described in words (what it holds, its format, whether it is required, the
  values allowed), in English, Russian or Kazakh;
- the hidden sheet "Lists": the values of every drop-down list, one column each. The data validations refer to
  ranges of this sheet (an inline list is capped at 255 characters): vocabulary codes (document types, statuses,
  kinds, modes, sectors, measures...) and partners' ISO3 codes as the database has them now, the choices of
  fixed fields, and the uids of referenced events, corridors and nodes. A column that takes several values
  separated by "; " offers its list as a drop-down without refusing other text. Numbers and years are checked to
  be numbers in the field's range.

The import never trusts the template: every row is checked again when it is imported.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from desktop.core.validation import FIELDS, FieldSpec
from desktop.data.database import Database
from desktop.data.editing import TABLES
from desktop.export.fileformat import COLUMNS, IMPORT_KINDS, file_column
from desktop.export.importing import DEFAULTS, ONE_OF, required_columns
from desktop.export.writers import ExportError, atomic_file

LANGUAGES = ("en", "ru", "kk")
DATA_SHEET = "records"
COLUMNS_SHEET = "Columns"
LISTS_SHEET = "Lists"
# A referenced kind's uids are offered as a list when there are at most this many (a longer list helps nobody).
MAX_REFERENCE_LIST = 2000
# Text: (en, ru, kk).
Words = tuple[str, str, str]

# What each column holds: "kind.column" for a kind's own meaning, else "column".
HOLDS: dict[str, Words] = {
    "uid": ("The record's stable identity. Leave it empty for a new record; a row with an existing record's uid "
            "updates that record.",
            "Постоянный идентификатор записи. Для новой записи оставьте пустым; строка с uid существующей записи "
            "обновляет эту запись.",
            "Жазбаның тұрақты идентификаторы. Жаңа жазба үшін бос қалдырыңыз; бар жазбаның uid-і бар жол сол "
            "жазбаны жаңартады."),
    "title_en": ("The title in English.", "Название на английском.", "Ағылшынша атауы."),
    "title_ru": ("The title in Russian.", "Название на русском.", "Орысша атауы."),
    "title_kk": ("The title in Kazakh.", "Название на казахском.", "Қазақша атауы."),
    "title_ru_working": ("Our working translation of the title into Russian, when no official one is published.",
                         "Наш рабочий перевод названия на русский, если официального нет.",
                         "Ресми аудармасы жоқ болса, атаудың орыс тіліне жұмыс аудармасы."),
    "title_kk_working": ("Our working translation of the title into Kazakh, when no official one is published.",
                         "Наш рабочий перевод названия на казахский, если официального нет.",
                         "Ресми аудармасы жоқ болса, атаудың қазақ тіліне жұмыс аудармасы."),
    "date_signed": ("The date the document was signed.", "Дата подписания документа.", "Құжатқа қол қойылған күні."),
    "doc_type": ("The document type.", "Тип документа.", "Құжат түрі."),
    "level": ("The level of the agreement.", "Уровень соглашения.", "Келісім деңгейі."),
    "agreement.status": ("The agreement's status.", "Статус соглашения.", "Келісім мәртебесі."),
    "doc_count": ("How many documents the record stands for (a package of documents counts each).",
                  "Сколько документов представляет запись (пакет документов считается по каждому).",
                  "Жазба қанша құжатты білдіреді (құжаттар пакетінде әрқайсысы саналады)."),
    "event": ("The event (visit, meeting, summit) at which it was signed.",
              "Событие (визит, встреча, саммит), на котором документ подписан.",
              "Құжатқа қол қойылған оқиға (сапар, кездесу, саммит)."),
    "summary_en": ("A summary in English.", "Краткое содержание на английском.", "Ағылшынша қысқаша мазмұны."),
    "summary_ru": ("A summary in Russian.", "Краткое содержание на русском.", "Орысша қысқаша мазмұны."),
    "partners": ("The partners concerned.", "Партнёры, которых касается запись.", "Жазбаға қатысты серіктестер."),
    "sectors": ("The sectors concerned.", "Отрасли, которых касается запись.", "Жазбаға қатысты салалар."),
    "sources": ("The sources the record is taken from.", "Источники, из которых взята запись.",
                "Жазба алынған дереккөздер."),
    "event.kind": ("The kind of event (visit, meeting, summit...).", "Вид события (визит, встреча, саммит...).",
                   "Оқиға түрі (сапар, кездесу, саммит...)."),
    "date_start": ("The first day of the event.", "Дата начала события.", "Оқиғаның басталған күні."),
    "date_end": ("The last day of the event (empty for one day).", "Дата окончания события (пусто, если один день).",
                 "Оқиғаның аяқталған күні (бір күн болса, бос)."),
    "place_en": ("Where it took place, in English.", "Место проведения на английском.", "Өткен жері, ағылшынша."),
    "place_ru": ("Where it took place, in Russian.", "Место проведения на русском.", "Өткен жері, орысша."),
    "documents_signed": ("How many documents were signed at the event.", "Сколько документов подписано на событии.",
                         "Оқиғада қанша құжатқа қол қойылды."),
    "partner_iso3": ("The partner.", "Партнёр.", "Серіктес."),
    "year": ("The year of the figures.", "Год данных.", "Деректер жылы."),
    "period": ("The part of the year the figures cover.", "Часть года, за которую данные.",
               "Деректер қамтитын жыл бөлігі."),
    "turnover_usd_m": ("Trade turnover, in millions of US dollars.", "Товарооборот, млн долларов США.",
                       "Тауар айналымы, млн АҚШ доллары."),
    "exports_usd_m": ("Kazakhstan's exports to the partner, in millions of US dollars.",
                      "Экспорт Казахстана партнёру, млн долларов США.",
                      "Қазақстанның серіктеске экспорты, млн АҚШ доллары."),
    "imports_usd_m": ("Kazakhstan's imports from the partner, in millions of US dollars.",
                      "Импорт Казахстана от партнёра, млн долларов США.",
                      "Қазақстанның серіктестен импорты, млн АҚШ доллары."),
    "statistics": ("Whose statistics the figures are: Kazakhstan's, the partner's, another's, or unknown.",
                   "Чья это статистика: Казахстана, партнёра, другая или неизвестно.",
                   "Бұл кімнің статистикасы: Қазақстанның, серіктестің, басқа немесе белгісіз."),
    "qualifier": ("How exact the value is: exact, approximate, at least, at most.",
                  "Точность значения: точное, приблизительное, не менее, не более.",
                  "Мәннің дәлдігі: дәл, шамамен, кемінде, көп дегенде."),
    "note_en": ("A note in English.", "Примечание на английском.", "Ағылшынша ескертпе."),
    "note_ru": ("A note in Russian.", "Примечание на русском.", "Орысша ескертпе."),
    "target.metric": ("What the target measures: trade turnover, exports or imports.",
                      "Что измеряет цель: товарооборот, экспорт или импорт.",
                      "Меже нені өлшейді: тауар айналымы, экспорт немесе импорт."),
    "target.kind": ("What the target states: a level, an increase or a multiple.",
                    "Что заявлено: уровень, прирост или кратность.",
                    "Не мәлімделді: деңгей, өсім немесе еселік."),
    "value_usd_m": ("The target's value (a level or an increase), in millions of US dollars.",
                    "Значение цели (уровень или прирост), млн долларов США.",
                    "Меже мәні (деңгей немесе өсім), млн АҚШ доллары."),
    "multiplier": ("For a multiple: how many times (e.g. 2 for doubling).",
                   "Для кратности: во сколько раз (например, 2 — удвоить).",
                   "Еселік үшін: неше есе (мысалы, 2 — екі есе)."),
    "base_year": ("The year an increase or a multiple counts from.", "Год, от которого считается прирост или "
                  "кратность.", "Өсім немесе еселік есептелетін базалық жыл."),
    "estimate": ("Whether it is an estimate by an expert, analyst or agency rather than a stated target.",
                 "Оценка эксперта, аналитика или агентства, а не заявленная цель.",
                 "Мәлімделген меже емес, сарапшының, талдаушының немесе агенттіктің бағалауы ма."),
    "stated_role": ("Who stated it (head of state, head of government, official...).",
                    "Кто заявил (глава государства, глава правительства, должностное лицо...).",
                    "Кім мәлімдеді (мемлекет басшысы, үкімет басшысы, лауазымды тұлға...)."),
    "horizon_year": ("The year by which the target is to be met.", "Год, к которому цель должна быть достигнута.",
                     "Межеге қол жеткізілетін жыл."),
    "horizon_note_en": ("The horizon as stated, in English.", "Срок как заявлено, на английском.",
                        "Мерзім мәлімделгендей, ағылшынша."),
    "horizon_note_ru": ("The horizon as stated, in Russian.", "Срок как заявлено, на русском.",
                        "Мерзім мәлімделгендей, орысша."),
    "stated_on": ("The date the target was stated.", "Дата заявления.", "Мәлімделген күні."),
    "stated_by_en": ("Who stated it, in English.", "Кто заявил, на английском.", "Мәлімдеген, ағылшынша."),
    "stated_by_ru": ("Who stated it, in Russian.", "Кто заявил, на русском.", "Мәлімдеген, орысша."),
    "corridor": ("The transport corridor.", "Транспортный коридор.", "Көлік дәлізі."),
    "fact.partner_iso3": ("The partner the fact is about (or give a corridor).",
                          "Партнёр, к которому относится факт (или укажите коридор).",
                          "Факт қатысты серіктес (немесе дәлізді көрсетіңіз)."),
    "fact.corridor": ("The corridor the fact is about (or give a partner).",
                      "Коридор, к которому относится факт (или укажите партнёра).",
                      "Факт қатысты дәліз (немесе серіктесті көрсетіңіз)."),
    "fact.metric": ("What the fact measures.", "Что измеряет факт.", "Факт нені өлшейді."),
    "value": ("The value as stated, in English.", "Значение как указано, на английском.",
              "Мәні көрсетілгендей, ағылшынша."),
    "value_ru": ("The value as stated, in Russian.", "Значение как указано, на русском.",
                 "Мәні көрсетілгендей, орысша."),
    "value_kk": ("The value as stated, in Kazakh.", "Значение как указано, на казахском.",
                 "Мәні көрсетілгендей, қазақша."),
    "value_num": ("The value as a number, in the unit of the column unit.",
                  "Значение числом, в единицах из столбца unit.", "Мәні санмен, unit бағанындағы бірлікпен."),
    "unit": ("The unit of the number (e.g. km, t, %).", "Единица измерения числа (например, km, t, %).",
             "Санның өлшем бірлігі (мысалы, km, t, %)."),
    "as_of": ("The date the value is as of.", "Дата, на которую указано значение.", "Мән көрсетілген күн."),
    "group_id": ("The group of names of one thing (e.g. port_aktau): letters, digits, \"_\", \".\", \"-\".",
                 "Группа названий одного объекта (например, port_aktau): латинские буквы, цифры, «_», «.», «-».",
                 "Бір нысан атауларының тобы (мысалы, port_aktau): латын әріптері, цифрлар, «_», «.», «-»."),
    "name": ("The other name itself.", "Само другое название.", "Басқа атаудың өзі."),
    "lang": ("The language of the name, as an ISO 639-1 code (en, ru, kk, tr, az, tk...).",
             "Язык названия, код ISO 639-1 (en, ru, kk, tr, az, tk...).",
             "Атаудың тілі, ISO 639-1 коды (en, ru, kk, tr, az, tk...)."),
    "alias.kind": ("What kind of name it is (name, former name, abbreviation, spelling, synonym).",
                   "Вид названия (название, прежнее название, сокращение, написание, синоним).",
                   "Атау түрі (атау, бұрынғы атау, қысқарту, жазылуы, синоним)."),
    "alias.note_en": ("A note in English.", "Примечание на английском.", "Ағылшынша ескертпе."),
    "name_en": ("The name in English.", "Название на английском.", "Ағылшынша атауы."),
    "name_ru": ("The name in Russian.", "Название на русском.", "Орысша атауы."),
    "name_kk": ("The name in Kazakh.", "Название на казахском.", "Қазақша атауы."),
    "country_iso3": ("The country the place is in.", "Страна, в которой находится пункт.", "Пункт орналасқан ел."),
    "node.kind": ("The kind of place (port, border crossing, station...).", "Вид пункта (порт, погранпереход, "
                  "станция...).", "Пункт түрі (порт, шекара өткізу пункті, станция...)."),
    "lat": ("Latitude, in degrees (north positive).", "Широта в градусах (север — положительная).",
            "Ендік, градуспен (солтүстік — оң)."),
    "lon": ("Longitude, in degrees (east positive).", "Долгота в градусах (восток — положительная).",
            "Бойлық, градуспен (шығыс — оң)."),
    "position_approx": ("Whether the position is only approximate (taken from the nearest town).",
                        "Положение приблизительное (взято по ближайшему населённому пункту).",
                        "Орны шамамен алынған ба (ең жақын елді мекен бойынша)."),
    "position_from": ("Where an approximate position was taken from.", "Откуда взято приблизительное положение.",
                      "Шамамен алынған орын қайдан алынды."),
    "segment.corridor": ("The corridor the segment belongs to.", "Коридор, к которому относится участок.",
                         "Учаске жататын дәліз."),
    "from_node": ("The place where the segment begins.", "Пункт, где начинается участок.",
                  "Учаске басталатын пункт."),
    "to_node": ("The place where the segment ends.", "Пункт, где заканчивается участок.",
                "Учаске аяқталатын пункт."),
    "mode": ("The mode of transport.", "Вид транспорта.", "Көлік түрі."),
    "segment.status": ("The segment's status (operating, planned...).", "Статус участка (действующий, "
                       "планируемый...).", "Учаске мәртебесі (жұмыс істеп тұрған, жоспарланған...)."),
    "length_km": ("The length, in kilometres.", "Длина, км.", "Ұзындығы, км."),
    "route": ("The route as recorded: the uids of the places it runs through, separated by \"; \".",
              "Маршрут: uid пунктов, через которые он проходит, через «; ».",
              "Бағыт: ол өтетін пункттердің uid-тері, «; » арқылы."),
}

# Headings of the sheet "Columns" and its words (see :func:`_words`).
WORDS: dict[str, Words] = {
    "column": ("Column", "Столбец", "Баған"),
    "description": ("Description", "Описание", "Сипаттама"),
    "format": ("Format", "Формат", "Пішім"),
    "required_heading": ("Required", "Обязательно", "Міндетті"),
    "allowed": ("Allowed values", "Допустимые значения", "Рұқсат етілген мәндер"),
    "title": ("Template for importing {kind} into Partnership Atlas: fill the sheet \u201crecords\u201d, one row "
              "per record, and import it (File \u2192 Import\u2026).",
              "Шаблон для импорта ({kind}) в Partnership Atlas: заполните лист «records», одна строка на запись, и "
              "импортируйте его (Файл \u2192 Импорт\u2026).",
              "Partnership Atlas-қа импорттау үлгісі ({kind}): «records» парағын толтырыңыз, бір жазбаға бір жол, "
              "және оны импорттаңыз (Файл \u2192 Импорт\u2026)."),
    "yes": ("Yes", "Да", "Иә"),
    "new": ("Yes, for a new record", "Да, для новой записи", "Иә, жаңа жазба үшін"),
    "no": ("No", "Нет", "Жоқ"),
    "default": ("No (empty: {value})", "Нет (пусто: {value})", "Жоқ (бос болса: {value})"),
    "one_of": ("At least one of {columns}", "Хотя бы одно из: {columns}", "Кемінде біреуі: {columns}"),
    "text": ("Text, at most {n} characters.", "Текст, не более {n} символов.", "Мәтін, көп дегенде {n} таңба."),
    "date": ("A date: a year (2025), a month (2025-04) or a day (2025-04-29 or 29.04.2025).",
             "Дата: год (2025), месяц (2025-04) или день (2025-04-29 или 29.04.2025).",
             "Күн: жыл (2025), ай (2025-04) немесе күн (2025-04-29 не 29.04.2025)."),
    "int": ("A whole number from {min} to {max}.", "Целое число от {min} до {max}.",
            "{min} мен {max} аралығындағы бүтін сан."),
    "year": ("A year from {min} to {max}.", "Год от {min} до {max}.", "{min} мен {max} аралығындағы жыл."),
    "number_range": ("A number from {min} to {max}.", "Число от {min} до {max}.", "{min} мен {max} аралығындағы сан."),
    "number_above": ("A number more than {min}, at most {max}.", "Число больше {min}, не более {max}.",
                     "{min} санынан үлкен, көп дегенде {max} сан."),
    "number": ("A number (a decimal point or comma).", "Число (с точкой или запятой).", "Сан (нүкте не үтірмен)."),
    "money": ("A number in millions of US dollars, from {min} to {max}.", "Число в млн долларов США, от {min} до "
              "{max}.", "Млн АҚШ долларымен сан, {min} мен {max} аралығында."),
    "period": ("FY (the whole year), H1 (January to June), Q1 (January to March), or 1M to 11M (that many months "
               "from January).",
               "FY (весь год), H1 (январь–июнь), Q1 (январь–март) или 1M–11M (столько месяцев с января).",
               "FY (бүкіл жыл), H1 (қаңтар–маусым), Q1 (қаңтар–наурыз) не 1M–11M (қаңтардан бастап сонша ай)."),
    "code": ("A code from the drop-down list.", "Код из выпадающего списка.", "Ашылмалы тізімдегі код."),
    "codes": ("Codes from the list, several separated by \"; \".", "Коды из списка, несколько — через «; ».",
              "Тізімдегі кодтар, бірнешеуі — «; » арқылы."),
    "iso3": ("A three-letter ISO 3166 country code (e.g. TUR).", "Трёхбуквенный код страны ISO 3166 (например, "
             "TUR).", "Елдің үш әріпті ISO 3166 коды (мысалы, TUR)."),
    "partner": ("A partner's three-letter ISO code, from the drop-down list.",
                "Трёхбуквенный ISO-код партнёра из выпадающего списка.",
                "Ашылмалы тізімдегі серіктестің үш әріпті ISO коды."),
    "partners": ("Partners' three-letter ISO codes, several separated by \"; \" (e.g. KAZ; TUR).",
                 "Трёхбуквенные ISO-коды партнёров, несколько — через «; » (например, KAZ; TUR).",
                 "Серіктестердің үш әріпті ISO кодтары, бірнешеуі — «; » арқылы (мысалы, KAZ; TUR)."),
    "ref": ("The uid of an existing record, from the drop-down list.", "uid существующей записи из выпадающего "
            "списка.", "Ашылмалы тізімдегі бар жазбаның uid-і."),
    "refs": ("Uids of existing sources, several separated by \"; \".", "uid существующих источников, несколько — "
             "через «; ».", "Бар дереккөздердің uid-тері, бірнешеуі — «; » арқылы."),
    "bool": ("true or false.", "true или false.", "true не false."),
    "see_list": ("The drop-down list in the column ({count} values).", "Выпадающий список в столбце ({count} "
                 "значений).", "Бағандағы ашылмалы тізім ({count} мән)."),
    "list_error": ("Choose a value from the drop-down list.", "Выберите значение из выпадающего списка.",
                   "Ашылмалы тізімнен мән таңдаңыз."),
    "number_error": ("Type a number in the range described on the sheet \u201cColumns\u201d.",
                     "Введите число в диапазоне, указанном на листе «Columns».",
                     "«Columns» парағында көрсетілген аралықтағы санды енгізіңіз."),
}

# Kinds as the title names them (en, ru, kk).
KIND_WORDS: dict[str, Words] = {
    "agreement": ("agreements", "соглашения", "келісімдер"),
    "event": ("events", "события", "оқиғалар"),
    "trade": ("trade figures", "торговые показатели", "сауда көрсеткіштері"),
    "target": ("targets", "цели", "межелер"),
    "fact": ("facts", "факты", "фактілер"),
    "alias": ("other names", "другие названия", "басқа атаулар"),
    "node": ("places", "пункты", "пункттер"),
    "segment": ("segments", "участки", "учаскелер"),
}
# The allowed values are listed on the sheet "Columns" (code — name) when a list has at most this many.
MAX_LISTED = 40


@dataclass(frozen=True)
class ColumnList:
    """A drop-down list of a column: its values, their names (in the template's language, or ""), and whether a
    value outside it is refused (a column of several values separated by "; " only offers the list)."""

    values: tuple[str, ...]
    names: tuple[str, ...]
    enforced: bool


def _words(key: str, lang: str) -> str:
    return WORDS[key][LANGUAGES.index(lang)]


def holds(kind: str, column: str, lang: str = "en") -> str:
    """What ``column`` of ``kind`` holds, in ``lang``."""
    words = HOLDS.get(f"{kind}.{column}") or HOLDS[column]
    return words[LANGUAGES.index(lang)]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def format_text(spec: FieldSpec, lang: str) -> str:
    """The format of a field's cells, in words."""
    t, low, high = spec.type, _number(spec.minimum), _number(spec.maximum)
    if t in ("text", "longtext"):
        return _words("text", lang).format(n=spec.max_length)
    if t in ("date", "period", "iso3", "bool"):
        return _words(t, lang)
    if t in ("int", "year") or (t == "money" and not spec.min_exclusive):
        return _words(t, lang).format(min=low, max=high)
    if t in ("money", "float", "lat", "lon"):
        if spec.minimum is None or spec.maximum is None:
            return _words("number", lang)
        return _words("number_above" if spec.min_exclusive else "number_range", lang).format(min=low, max=high)
    if t in ("vocab", "enum"):
        return _words("code", lang)
    if t == "codes":
        return _words("codes", lang)
    if t == "ref":
        return _words("partner" if spec.ref == "partner" else "ref", lang)
    if t == "refs":
        return _words("partners" if spec.ref == "partner" else "refs", lang)
    return ""


def required_text(kind: str, column: str, lang: str) -> str:
    """Whether a column must be filled: for a new record, with the value an empty cell takes, or one of a group."""
    if column in required_columns(kind):
        return _words("new", lang)
    if column in DEFAULTS.get(kind, {}):
        return _words("default", lang).format(value=DEFAULTS[kind][column])
    group = ONE_OF.get(kind, ())
    if column in group:
        return _words("one_of", lang).format(columns=", ".join(group))
    return _words("no", lang)


def _vocab(db: Database, table: str, lang: str) -> ColumnList:
    """A code table's codes in their order, with their names in ``lang`` (Russian where a Kazakh one is missing)."""
    name = {"ru": "name_ru", "kk": "coalesce(name_kk, name_ru)"}.get(lang, "name_en")
    order = "code" if table == "metrics" else "sort_order, code"  # (the metrics have no order of their own)
    rows = db.conn.execute(f"SELECT code, {name} FROM {table} ORDER BY {order}").fetchall()
    return ColumnList(tuple(r[0] for r in rows), tuple(r[1] or "" for r in rows), True)


def _uids(db: Database, kind: str) -> tuple[str, ...]:
    return tuple(r[0] for r in db.conn.execute(f"SELECT uid FROM {TABLES[kind]} WHERE uid IS NOT NULL ORDER BY uid"))


def column_list(db: Database, spec: FieldSpec, lang: str = "en") -> ColumnList | None:
    """The drop-down list of a field's column, or None when it has none (free text, numbers, dates, sources)."""
    if spec.type in ("vocab", "codes") and spec.vocab:
        found = _vocab(db, spec.vocab, lang)
        return ColumnList(found.values, found.names, spec.type == "vocab")
    if spec.type == "enum":
        return ColumnList(spec.choices, ("",) * len(spec.choices), True)
    if spec.type == "bool":
        return ColumnList(("true", "false"), ("", ""), True)
    if spec.ref == "partner" and spec.type in ("ref", "refs"):
        rows = db.conn.execute("SELECT iso3, name_en, name_ru, coalesce(name_kk, name_ru) FROM partners "
                               "ORDER BY sort_order, iso3").fetchall()
        return ColumnList(tuple(r[0] for r in rows), tuple(r[1 + LANGUAGES.index(lang)] for r in rows),
                          spec.type == "ref")
    if spec.type == "ref" and spec.ref in ("event", "corridor", "node"):
        uids = _uids(db, spec.ref)
        if len(uids) <= MAX_REFERENCE_LIST:
            return ColumnList(uids, ("",) * len(uids), True)
    return None


def _number_rule(spec: FieldSpec) -> tuple[Literal["whole", "decimal"], float, float] | None:
    """(validation type, minimum, maximum) of a number field with a range, or None."""
    if spec.minimum is None or spec.maximum is None:
        return None
    if spec.type in ("int", "year"):
        return "whole", spec.minimum, spec.maximum
    if spec.type in ("money", "float", "lat", "lon"):
        return "decimal", spec.minimum, spec.maximum
    return None


def _allowed_text(found: ColumnList | None, lang: str) -> str:
    if found is None:
        return ""
    if len(found.values) > MAX_LISTED:
        return _words("see_list", lang).format(count=len(found.values))
    return "\n".join(f"{v} \u2014 {n}" if n else v for v, n in zip(found.values, found.names, strict=True))


def check_template_kind(kind: str) -> None:
    """ExportError unless records of ``kind`` can be imported (a template is for an import)."""
    if kind not in IMPORT_KINDS:
        raise ExportError(f"Records of the kind \u201c{kind}\u201d cannot be imported, so there is no template for "
                          f"them; the kinds that can are {', '.join(IMPORT_KINDS)}.")


def write_template(db: Database, kind: str, path: str | os.PathLike[str], lang: str = "en") -> int:
    """Write the import template of ``kind`` to ``path`` (an XLSX workbook, whole or not at all); returns its
    columns. ExportError for a kind that cannot be imported, a language not offered or a file that cannot be
    written."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    check_template_kind(kind)
    if lang not in LANGUAGES:
        raise ExportError(f"There are no descriptions in the language \u201c{lang}\u201d; choose one of "
                          f"{', '.join(LANGUAGES)}.")
    columns: Sequence[str] = COLUMNS[kind]
    specs = {file_column(spec.name): spec for spec in FIELDS[kind]}
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # (a new workbook has its sheet)
    ws.title = DATA_SHEET
    described = wb.create_sheet(COLUMNS_SHEET)
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    bold = Font(bold=True)
    described.append([_words("title", lang).format(kind=KIND_WORDS[kind][LANGUAGES.index(lang)])])
    described.append([_words(k, lang) for k in ("column", "description", "format", "required_heading", "allowed")])
    for cell in described[2]:
        cell.font = bold
    list_column = 0
    for position, column in enumerate(columns, start=1):
        letter = get_column_letter(position)
        spec = specs.get(column)
        found = column_list(db, spec, lang) if spec is not None else None
        what = holds(kind, column, lang)
        form = format_text(spec, lang) if spec is not None else _words("text", lang).format(n=80)
        required = required_text(kind, column, lang) if spec is not None else _words("no", lang)
        described.append([column, what, form, required, _allowed_text(found, lang)])
        header = ws.cell(row=1, column=position, value=column)
        header.font = bold
        header.comment = Comment(f"{what}\n{form}\n{_words('required_heading', lang)}: {required}", "Partnership Atlas",
                                 width=320, height=140)
        ws.column_dimensions[letter].width = max(12, min(40, len(column) + 4))
        cells = f"{letter}2:{letter}1048576"
        if spec is None or spec.type in ("text", "longtext", "date", "period", "iso3", "ref", "refs", "codes", "vocab",
                                         "enum"):
            ws.column_dimensions[letter].number_format = "@"  # kept as typed: "2025-04" stays text, not a date
        if found is not None:
            list_column += 1
            list_letter = get_column_letter(list_column)
            lists.cell(row=1, column=list_column, value=f"List: {column}")
            for row, value in enumerate(found.values, start=2):
                lists.cell(row=row, column=list_column, value=value).number_format = "@"
            end = max(2, len(found.values) + 1)
            rule = DataValidation(type="list", formula1=f"{LISTS_SHEET}!${list_letter}$2:${list_letter}${end}",
                                  allow_blank=True, showErrorMessage=found.enforced, errorStyle="stop",
                                  error=_words("list_error", lang), errorTitle=column)
            rule.add(cells)
            ws.add_data_validation(rule)
        elif spec is not None and (number := _number_rule(spec)) is not None:
            kind_of, low, high = number
            rule = DataValidation(type=kind_of, operator="between", formula1=_number(low), formula2=_number(high),
                                  allow_blank=True, showErrorMessage=True, errorStyle="stop",
                                  error=_words("number_error", lang), errorTitle=column)
            rule.add(cells)
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDE", (22, 60, 50, 24, 40), strict=True):
        described.column_dimensions[letter].width = width
    for row in described.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    with atomic_file(path) as fh:
        wb.save(fh)
    return len(columns)
