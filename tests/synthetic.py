"""A seeded, deterministic synthetic Atlas database, for tests and benchmarks only (never bundled).

    python -m tests.synthetic OUT.sqlite --agreements 100000 [--events N] [--facts N] [--nodes N] [--seed 1]

The file is created through :func:`desktop.data.database.create_database` (schema from the
migrations); the full-text tables are filled by the schema's triggers, which call the registered
``atlas_index_text`` function as in the application. From 50,000 agreements on, the rows and their
index text (``desktop.core.text.index_text``) are computed in a spawned second process while this one
inserts, and the function the trigger calls returns the precomputed text: the index is the same,
byte for byte (tests/test_synthetic.py checks both ways give the same file contents). The other
kinds' rows go through the same triggers, with each text's index text remembered
(:func:`cached_index_text`); tests/test_synthetic.py checks every index against the schema's own.

Content, all marked as synthetic (every ``uid`` starts with ``syn_``, ``meta.kind`` = ``synthetic``):
vocabulary rows for every vocabulary table, metrics, ~190 partners with real ISO 3166 alpha-3 codes
and English names from ``pycountry`` (Kazakhstan excluded; Russian names are real for the main
partners and a synthetic transliteration for the rest), sources (n/50, at least 400), events (as many as
agreements by default) with partners, agreements with titles and ~40-word summaries in English and
Russian (some Kazakh titles), 1-2 partners, 1-3 sectors, 1-2 sources each, trade figures (one FY row
per partner and year, some partner-side rows, quarters of the main partners with notes), targets
(a few per partner and one per 100 agreements), facts (twice the agreements by default: metrics with
notes in English and Russian, a fifth in Russian only, numbers written "12,000" and "12 000"),
three mechanisms per partner, places (a fifth of the agreements by default: the real hand-made
network and synthetic places with English, Russian and Kazakh names, the English one in either
Latin spelling) with a corridor per 200 places chained by segments and a project per 10 places,
aliases (city, corridor and organisation names, every partner's names from pycountry as the seed
build adds them, former names of 5% of the places), and conflict groups (each with exactly one
preferred member) for agreements, events and trade figures. Rows of kinds added after the first
version draw from random generators of their own (:func:`_kind_rng`).

The word distribution is chosen so that the benchmark queries in :data:`QUERIES` have known shares:

* ``common``: "сотрудничество" (every form of сотрудничеств-) in ~87% of agreements;
* ``rare``: "геотермальный" in exactly every 2,500th agreement (0.04%);
* ``two_words``: "энергетика инвестиции": each word in ~15-25% of agreements, both in ~8%;
* ``prefix``: "транс" (транспорт, транзит, Транскаспийский, трансграничный ...), ~22%.

:data:`FIND_QUERIES` adds, for "find anything", ``alias`` "Nur-Sultan" (only the alias group ties it
to the records' Astana) and ``translit`` "Torghundi", a place written in Cyrillic only ("Тургунди",
in every 2,000th fact and event) that only its transliteration key finds.

Only ``random.Random(seed)`` is used, so the same arguments give the same rows.
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import re
import sqlite3
import sys
import time
import traceback
import unicodedata
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

import pycountry

from desktop.core.text import index_text
from desktop.data import migrations
from desktop.data.aliases import country_names, folded_words
from desktop.data.database import create_database

GENERATOR_VERSION = 2

# The benchmark's queries, by kind (see the module docstring for their shares).
QUERIES = {
    "rare": "геотермальный",
    "two_words": "энергетика инвестиции",
    "prefix": "транс",
    "common": "сотрудничество",
}
COMMON_SHARE = 0.87
RARE_EVERY = 2500
RARE_OFFSET = 1234

BATCH = 10_000
# FTS5 settings while the index is filled, and SQLite's defaults that are restored afterwards.
_FTS_BULK_CONFIG = (("automerge", 0), ("hashsize", 64 * 2**20))
_FTS_DEFAULT_CONFIG = (("automerge", 4), ("hashsize", 2**20))

# ---------------------------------------------------------------------------------------------- vocab

VOCAB: dict[str, list[tuple[str, str, str, str | None]]] = {
    "doc_types": [
        ("agreement", "Agreement", "Соглашение", "Келісім"),
        ("treaty", "Treaty", "Договор", "Шарт"),
        ("memorandum", "Memorandum of understanding", "Меморандум о взаимопонимании",
         "Өзара түсіністік туралы меморандум"),
        ("protocol", "Protocol", "Протокол", "Хаттама"),
        ("programme", "Programme", "Программа", "Бағдарлама"),
        ("roadmap", "Roadmap", "Дорожная карта", "Жол картасы"),
        ("joint_statement", "Joint statement", "Совместное заявление", "Бірлескен мәлімдеме"),
        ("declaration", "Declaration", "Декларация", "Декларация"),
        ("contract", "Contract", "Контракт", "Келісімшарт"),
        ("action_plan", "Action plan", "План действий", "Іс-қимыл жоспары"),
        ("convention", "Convention", "Конвенция", "Конвенция"),
    ],
    "agreement_levels": [
        ("interstate", "Interstate", "Межгосударственный", "Мемлекетаралық"),
        ("intergovernmental", "Intergovernmental", "Межправительственный", "Үкіметаралық"),
        ("interagency", "Interagency", "Межведомственный", "Ведомствоаралық"),
        ("regional", "Regional", "Региональный", "Өңірлік"),
        ("corporate", "Corporate", "Корпоративный", "Корпоративтік"),
    ],
    "agreement_statuses": [
        ("in_force", "In force", "Действует", "Күшінде"),
        ("signed", "Signed", "Подписано", "Қол қойылды"),
        ("ratified", "Ratified", "Ратифицировано", "Ратификацияланды"),
        ("expired", "Expired", "Истёк срок", "Мерзімі өтті"),
        ("terminated", "Terminated", "Прекращено", "Тоқтатылды"),
        ("unknown", "Unknown", "Неизвестно", "Белгісіз"),
    ],
    "sectors": [
        ("transport", "Transport", "Транспорт", "Көлік"),
        ("logistics", "Logistics", "Логистика", "Логистика"),
        ("energy", "Energy", "Энергетика", "Энергетика"),
        ("oil_gas", "Oil and gas", "Нефть и газ", "Мұнай-газ"),
        ("trade", "Trade", "Торговля", "Сауда"),
        ("investment", "Investment", "Инвестиции", "Инвестиция"),
        ("agriculture", "Agriculture", "Сельское хозяйство", "Ауыл шаруашылығы"),
        ("education", "Education", "Образование", "Білім"),
        ("culture", "Culture", "Культура", "Мәдениет"),
        ("health", "Health", "Здравоохранение", "Денсаулық сақтау"),
        ("security", "Security", "Безопасность", "Қауіпсіздік"),
        ("defence", "Defence", "Оборона", "Қорғаныс"),
        ("finance", "Finance", "Финансы", "Қаржы"),
        ("digital", "Digital", "Цифровизация", "Цифрландыру"),
        ("water", "Water", "Водные ресурсы", "Су ресурстары"),
        ("environment", "Environment", "Экология", "Экология"),
        ("tourism", "Tourism", "Туризм", "Туризм"),
        ("science", "Science", "Наука", "Ғылым"),
        ("customs", "Customs", "Таможня", "Кеден"),
        ("industry", "Industry", "Промышленность", "Өнеркәсіп"),
        ("mining", "Mining", "Горнодобывающая отрасль", "Тау-кен"),
        ("space", "Space", "Космос", "Ғарыш"),
        ("justice", "Justice", "Правосудие", "Әділет"),
        ("migration", "Migration", "Миграция", "Көші-қон"),
    ],
    "event_kinds": [
        ("state_visit", "State visit", "Государственный визит", "Мемлекеттік сапар"),
        ("official_visit", "Official visit", "Официальный визит", "Ресми сапар"),
        ("working_visit", "Working visit", "Рабочий визит", "Жұмыс сапары"),
        ("incoming_visit", "Incoming visit", "Визит в Казахстан", "Қазақстанға сапар"),
        ("summit", "Summit", "Саммит", "Саммит"),
        ("forum", "Business forum", "Деловой форум", "Іскерлік форум"),
        ("commission", "Intergovernmental commission", "Межправительственная комиссия", "Үкіметаралық комиссия"),
        ("talks", "Talks", "Переговоры", "Келіссөздер"),
        ("phone_call", "Phone call", "Телефонный разговор", "Телефон арқылы сөйлесу"),
    ],
    "node_kinds": [
        ("city", "City", "Город", "Қала"),
        ("port", "Sea port", "Морской порт", "Теңіз порты"),
        ("border_crossing", "Border crossing", "Пограничный переход", "Шекара өткелі"),
        ("dry_port", "Dry port", "Сухой порт", "Құрғақ порт"),
        ("rail_junction", "Rail junction", "Железнодорожный узел", "Темір жол торабы"),
        ("logistics_hub", "Logistics hub", "Логистический центр", "Логистикалық орталық"),
    ],
    "transport_modes": [
        ("rail", "Rail", "Железная дорога", "Темір жол"),
        ("road", "Road", "Автодорога", "Автожол"),
        ("sea", "Sea", "Море", "Теңіз"),
        ("air", "Air", "Авиация", "Әуе"),
        ("pipeline", "Pipeline", "Трубопровод", "Құбыр"),
        ("multimodal", "Multimodal", "Мультимодальный", "Мультимодальды"),
    ],
    "segment_statuses": [
        ("operational", "Operational", "Действует", "Жұмыс істейді"),
        ("under_construction", "Under construction", "Строится", "Салынуда"),
        ("planned", "Planned", "Планируется", "Жоспарланған"),
        ("proposed", "Proposed", "Предложен", "Ұсынылған"),
    ],
    "project_statuses": [
        ("planned", "Planned", "Планируется", "Жоспарланған"),
        ("under_construction", "Under construction", "Строится", "Салынуда"),
        ("completed", "Completed", "Завершён", "Аяқталды"),
        ("suspended", "Suspended", "Приостановлен", "Тоқтатылған"),
        ("cancelled", "Cancelled", "Отменён", "Жойылды"),
    ],
}

METRICS = [
    ("fdi_inflow", "FDI inflow", "Приток ПИИ", "USD million", "млн долл. США"),
    ("fdi_stock", "FDI stock", "Накопленные ПИИ", "USD million", "млн долл. США"),
    ("joint_ventures", "Joint ventures", "Совместные предприятия", "companies", "предприятий"),
    ("rail_transit_teu", "Rail container transit", "Контейнерный транзит по железной дороге", "TEU", "ДФЭ"),
    ("cargo_transit_mt", "Cargo transit", "Транзит грузов", "million tonnes", "млн тонн"),
    ("flights_per_week", "Direct flights", "Прямые рейсы", "per week", "в неделю"),
    ("students", "Students", "Студенты", "people", "человек"),
    ("tourists", "Tourist arrivals", "Туристы", "people", "человек"),
    ("diplomatic_relations", "Diplomatic relations established", "Установление дипломатических отношений", None, None),
    ("partnership_status", "Partnership status", "Статус партнёрства", None, None),
]

# Partners whose Russian (and Kazakh) names are real; listed first, in rough order of weight.
_MAIN_PARTNERS = [
    ("CHN", "Китай", "Қытай"), ("RUS", "Россия", "Ресей"), ("UZB", "Узбекистан", "Өзбекстан"),
    ("TUR", "Турция", "Түркия"), ("USA", "США", "АҚШ"), ("KGZ", "Киргизия", "Қырғызстан"),
    ("DEU", "Германия", "Германия"), ("AZE", "Азербайджан", "Әзербайжан"),
    ("KOR", "Республика Корея", "Корея Республикасы"),
    ("TJK", "Таджикистан", "Тәжікстан"), ("TKM", "Туркмения", "Түрікменстан"), ("FRA", "Франция", "Франция"),
    ("ITA", "Италия", "Италия"), ("GBR", "Великобритания", "Ұлыбритания"), ("JPN", "Япония", "Жапония"),
    ("IND", "Индия", "Үндістан"), ("IRN", "Иран", "Иран"), ("ARE", "ОАЭ", "БАӘ"),
    ("GEO", "Грузия", "Грузия"), ("BLR", "Беларусь", "Беларусь"), ("SAU", "Саудовская Аравия", "Сауд Арабиясы"),
    ("QAT", "Катар", "Катар"), ("PAK", "Пакистан", "Пәкістан"), ("AFG", "Афганистан", "Ауғанстан"),
    ("MNG", "Монголия", "Моңғолия"), ("UKR", "Украина", "Украина"), ("ARM", "Армения", "Армения"),
    ("POL", "Польша", "Польша"), ("HUN", "Венгрия", "Венгрия"), ("NLD", "Нидерланды", "Нидерланд"),
    ("ESP", "Испания", "Испания"), ("EGY", "Египет", "Мысыр"), ("ISR", "Израиль", "Израиль"),
    ("MYS", "Малайзия", "Малайзия"), ("SGP", "Сингапур", "Сингапур"), ("VNM", "Вьетнам", "Вьетнам"),
    ("IDN", "Индонезия", "Индонезия"), ("CAN", "Канада", "Канада"), ("BRA", "Бразилия", "Бразилия"),
    ("AUT", "Австрия", "Австрия"), ("CHE", "Швейцария", "Швейцария"), ("CZE", "Чехия", "Чехия"),
    ("LTU", "Литва", "Литва"), ("LVA", "Латвия", "Латвия"), ("EST", "Эстония", "Эстония"),
    ("FIN", "Финляндия", "Финляндия"), ("SWE", "Швеция", "Швеция"), ("NOR", "Норвегия", "Норвегия"),
    ("BEL", "Бельгия", "Бельгия"), ("GRC", "Греция", "Грекия"),
]
_FOCUS = 12
_UNINHABITED = {"KAZ", "ATA", "BVT", "HMD", "UMI", "ATF", "IOT", "SGS"}

_LATIN_TO_CYRILLIC = [
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ya", "я"),
    ("yu", "ю"), ("yo", "ё"), ("ph", "ф"), ("th", "т"), ("ee", "и"), ("oo", "у"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"),
    ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"),
    ("y", "и"), ("z", "з"),
]


def transliterate(name: str) -> str:
    """A synthetic Cyrillic rendering of a Latin name ("Ecuador" -> "Екуадор")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if ", " in plain:  # "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo"
        head, _, tail = plain.partition(", ")
        plain = f"{tail} {head}"
    out: list[str] = []
    i = 0
    low = plain.lower()
    while i < len(low):
        for lat, cyr in _LATIN_TO_CYRILLIC:
            if low.startswith(lat, i):
                out.append(cyr.upper() if plain[i].isupper() else cyr)
                i += len(lat)
                break
        else:
            out.append(plain[i])
            i += 1
    return "".join(out)


def _partner_rows(rng: random.Random, n_partners: int) -> list[tuple]:
    countries = {c.alpha_3: c for c in pycountry.countries if c.alpha_3 not in _UNINHABITED}
    main = [(iso, ru, kk) for iso, ru, kk in _MAIN_PARTNERS if iso in countries]
    rest = sorted(iso for iso in countries if iso not in {m[0] for m in main})
    n_partners = max(1, min(n_partners, len(countries)))
    chosen = main[:n_partners]
    if len(chosen) < n_partners:
        extra = sorted(rng.sample(rest, n_partners - len(chosen)))
        chosen += [(iso, None, None) for iso in extra]
    rows = []
    for pid, (iso, ru, kk) in enumerate(chosen, start=1):
        c = countries[iso]
        name_en = getattr(c, "common_name", None) or c.name
        rows.append((pid, f"syn_partner_{iso.lower()}", iso, name_en, ru or transliterate(name_en), kk,
                     1 if pid <= _FOCUS else 0, pid))
    return rows


# ---------------------------------------------------------------------------------------- word pools

# (code, English name, Russian genitive, Kazakh name, weight)
_SECTORS = [
    ("transport", "transport", "транспорта", "көлік", 18),
    ("logistics", "logistics", "логистики", "логистика", 9),
    ("energy", "energy", "энергетики", "энергетика", 18),
    ("oil_gas", "oil and gas", "нефти и газа", "мұнай-газ", 6),
    ("trade", "trade", "торговли", "сауда", 12),
    ("investment", "investment", "инвестиций", "инвестиция", 12),
    ("agriculture", "agriculture", "сельского хозяйства", "ауыл шаруашылығы", 6),
    ("education", "education", "образования", "білім", 5),
    ("culture", "culture", "культуры", "мәдениет", 5),
    ("health", "health care", "здравоохранения", "денсаулық сақтау", 4),
    ("security", "security", "безопасности", "қауіпсіздік", 4),
    ("defence", "defence", "обороны", "қорғаныс", 2),
    ("finance", "finance", "финансов", "қаржы", 4),
    ("digital", "digital technology", "цифровизации", "цифрландыру", 4),
    ("water", "water resources", "водных ресурсов", "су ресурстары", 2),
    ("environment", "environmental protection", "охраны окружающей среды", "қоршаған орта", 2),
    ("tourism", "tourism", "туризма", "туризм", 3),
    ("science", "science", "науки", "ғылым", 3),
    ("customs", "customs", "таможенного дела", "кеден", 3),
    ("industry", "industry", "промышленности", "өнеркәсіп", 4),
    ("mining", "mining", "горнодобывающей отрасли", "тау-кен", 2),
    ("space", "space", "космической деятельности", "ғарыш", 1),
    ("justice", "justice", "правосудия", "әділет", 1),
    ("migration", "migration", "миграции", "көші-қон", 1),
]

# Sentences per sector: (English, Russian); {c} is a city.
_SECTOR_SENTENCES: dict[str, list[tuple[str, str]]] = {
    "transport": [
        ("It covers rail freight transit via the Trans-Caspian International Transport Route.",
         "Документ касается транзита грузов по железной дороге через Транскаспийский международный транспортный "
         "маршрут."),
        ("The parties will increase container traffic and simplify border crossings for carriers.",
         "Стороны нарастят контейнерные перевозки и упростят пересечение границы транспортными средствами."),
        ("More permits for international road haulage are to be issued each year.",
         "Предусмотрено ежегодное увеличение числа разрешений на международные автомобильные перевозки."),
        ("Direct flights between the capitals and transit flights will be expanded.",
         "Будет расширено прямое авиасообщение между столицами и транзитные рейсы."),
        ("New ferry lines will connect the port of Aktau with other Caspian ports.",
         "Новые паромные линии свяжут порт Актау с портами Каспия и транскаспийским коридором."),
        ("A new railway line and a highway to the border are planned.",
         "Планируются новая железнодорожная линия и автомагистраль до границы для транспорта."),
    ],
    "logistics": [
        ("A joint logistics hub and a dry port will be developed near {c}.",
         "Вблизи {c} будут развиваться совместный логистический центр и сухой порт."),
        ("Transit of containers through Khorgos is expected to double.",
         "Ожидается удвоение транзита контейнеров через Хоргос."),
        ("The parties will digitise shipping documents for faster logistics.",
         "Стороны переведут транспортные документы в цифровой формат для ускорения логистики."),
        ("Warehouses and cold storage capacity will be built along the route.",
         "Вдоль маршрута будут построены склады и холодильные мощности."),
    ],
    "energy": [
        ("The parties will develop renewable energy and modernise power plants.",
         "Стороны будут развивать возобновляемую энергетику и модернизировать электростанции."),
        ("Electricity exports and interconnection of the power grids are planned.",
         "Планируются экспорт электроэнергии и объединение энергосистем."),
        ("A wind farm project financed with investment from the partner is foreseen.",
         "Предусмотрен проект ветровой электростанции с привлечением инвестиций партнёра."),
        ("Energy efficiency standards will be harmonised and investment in the power sector attracted.",
         "Будут гармонизированы стандарты энергоэффективности и привлечены инвестиции в энергетику."),
        ("The document addresses nuclear energy and uranium supplies.",
         "Документ касается атомной энергетики и поставок урана."),
    ],
    "oil_gas": [
        ("Oil transit through the Caspian Pipeline Consortium is to be increased.",
         "Предусмотрено увеличение транзита нефти через Каспийский трубопроводный консорциум."),
        ("Gas supplies and processing capacity will be expanded.",
         "Будут расширены поставки газа и мощности по его переработке."),
        ("The parties will jointly explore offshore fields in the Caspian Sea.",
         "Стороны совместно проведут разведку морских месторождений на Каспии."),
    ],
    "trade": [
        ("The parties aim to raise mutual trade turnover and remove trade barriers.",
         "Стороны намерены увеличить взаимный товарооборот и устранить торговые барьеры."),
        ("Exports of agricultural and industrial goods will be promoted.",
         "Будет стимулироваться экспорт сельскохозяйственной и промышленной продукции."),
        ("A trade house and an e-commerce platform will open in {c}.",
         "В {c} откроются торговый дом и площадка электронной торговли."),
        ("Non-tariff barriers and quotas on goods will be reviewed.",
         "Будут пересмотрены нетарифные барьеры и квоты на товары."),
    ],
    "investment": [
        ("The parties will protect and promote mutual investment.",
         "Стороны обеспечат защиту и поощрение взаимных инвестиций."),
        ("A joint investment fund will finance priority projects.",
         "Совместный инвестиционный фонд профинансирует приоритетные проекты."),
        ("Investors will receive tax preferences in special economic zones.",
         "Инвесторы получат налоговые преференции в специальных экономических зонах."),
    ],
    "agriculture": [
        ("Grain and meat exports and veterinary certificates are covered.",
         "Документ охватывает экспорт зерна и мяса, а также ветеринарные сертификаты."),
        ("Joint irrigation and agricultural research projects are planned.",
         "Планируются совместные проекты по орошению и аграрной науке."),
    ],
    "education": [
        ("Student exchanges and joint university programmes will be expanded.",
         "Будут расширены студенческие обмены и совместные университетские программы."),
        ("Diplomas and academic degrees will be mutually recognised.",
         "Дипломы и учёные степени будут взаимно признаваться."),
    ],
    "culture": [
        ("Culture days, exhibitions and film festivals will be held.",
         "Будут проводиться дни культуры, выставки и кинофестивали."),
        ("Museums and archives will exchange exhibits and copies of documents.",
         "Музеи и архивы обменяются экспонатами и копиями документов."),
    ],
    "health": [
        ("The parties will work together on vaccines and medical training.",
         "Стороны будут взаимодействовать в производстве вакцин и подготовке медицинских кадров."),
        ("Hospitals will exchange specialists and telemedicine services.",
         "Больницы обменяются специалистами и услугами телемедицины."),
    ],
    "security": [
        ("The parties will counter terrorism, extremism and drug trafficking.",
         "Стороны будут противодействовать терроризму, экстремизму и незаконному обороту наркотиков."),
        ("Border services will exchange information and hold joint exercises.",
         "Пограничные службы будут обмениваться информацией и проводить совместные учения."),
    ],
    "defence": [
        ("Military education and joint exercises are foreseen.",
         "Предусмотрены военное образование и совместные учения."),
        ("Defence industry enterprises will set up joint production.",
         "Предприятия оборонной промышленности наладят совместное производство."),
    ],
    "finance": [
        ("Settlements in national currencies and banking links will be expanded.",
         "Будут расширены расчёты в национальных валютах и банковские связи."),
        ("Double taxation of income and capital will be avoided.",
         "Устраняется двойное налогообложение доходов и капитала."),
    ],
    "digital": [
        ("Data centres, fibre-optic transit and e-government services will be developed.",
         "Будут развиваться центры обработки данных, транзит трафика по оптоволокну и электронное правительство."),
        ("Start-ups will be supported through the Astana Hub technology park.",
         "Стартапы получат поддержку через технопарк Astana Hub."),
    ],
    "water": [
        ("The parties will share data on transboundary rivers and water quality.",
         "Стороны будут обмениваться данными о трансграничных реках и качестве воды."),
        ("Reservoirs and irrigation canals will be jointly maintained.",
         "Водохранилища и оросительные каналы будут обслуживаться совместно."),
    ],
    "environment": [
        ("Emissions will be reduced and the Aral Sea region restored.",
         "Будут сокращены выбросы и восстановлен регион Аральского моря."),
        ("Joint monitoring of protected areas and wildlife is planned.",
         "Планируется совместный мониторинг заповедников и дикой природы."),
    ],
    "tourism": [
        ("Visa-free travel and new tourist routes will be promoted.",
         "Будут продвигаться безвизовые поездки и новые туристические маршруты."),
        ("Tour operators will launch joint tours along the Silk Road.",
         "Туроператоры запустят совместные туры по Шёлковому пути."),
    ],
    "science": [
        ("Joint laboratories and research grants will be established.",
         "Будут созданы совместные лаборатории и исследовательские гранты."),
        ("Scientists will exchange data on seismology and climate.",
         "Учёные обменяются данными по сейсмологии и климату."),
    ],
    "customs": [
        ("Customs authorities will exchange electronic data on goods in transit.",
         "Таможенные органы будут обмениваться электронными данными о товарах в транзите."),
        ("A green lane for certified exporters will be created.",
         "Будет создан «зелёный коридор» для сертифицированных экспортёров."),
    ],
    "industry": [
        ("Joint ventures will produce vehicles, machinery and fertilisers.",
         "Совместные предприятия будут выпускать автомобили, технику и удобрения."),
        ("Industrial parks will host manufacturing projects of the partner.",
         "Индустриальные парки примут производственные проекты партнёра."),
    ],
    "mining": [
        ("Rare earth metals and copper deposits will be developed jointly.",
         "Месторождения редкоземельных металлов и меди будут осваиваться совместно."),
        ("Geological exploration data will be shared.",
         "Стороны обменяются данными геологоразведки."),
    ],
    "space": [
        ("Launches from the Baikonur cosmodrome and satellite services are covered.",
         "Документ охватывает пуски с космодрома Байконур и спутниковые услуги."),
    ],
    "justice": [
        ("Legal assistance in civil and criminal cases will be provided.",
         "Будет оказываться правовая помощь по гражданским и уголовным делам."),
        ("The transfer of sentenced persons is regulated.",
         "Регулируется передача осуждённых лиц."),
    ],
    "migration": [
        ("Labour migration and the social security of migrants are regulated.",
         "Регулируются трудовая миграция и социальное обеспечение мигрантов."),
        ("Readmission procedures will be simplified.",
         "Будут упрощены процедуры реадмиссии."),
    ],
}

# Openings: {p} partner(s), {c} city, {y} year, {d} document type (English, lower case).
_OPENINGS = [
    ("The {d} was signed in {c} by representatives of Kazakhstan and {p}.",
     "Документ подписан в {c}; стороны — Казахстан и {p}."),
    ("Signed in {c} in {y}, the {d} sets out the commitments of Kazakhstan and {p}.",
     "Подписанный в {c} в {y} году документ закрепляет обязательства сторон: Казахстан и {p}."),
    ("The {d} was concluded after talks between Kazakhstan and {p} in {c}.",
     "Документ заключён по итогам переговоров в {c}; участники — Казахстан и {p}."),
    ("Kazakhstan and {p} signed the {d} in {c}.",
     "Казахстан и {p} подписали документ в {c}."),
]
_EVENT_OPENINGS = [
    ("The {d} was signed during the visit to {c} of the delegation of Kazakhstan ({p}).",
     "Документ подписан в ходе визита делегации Казахстана в {c} (партнёр: {p})."),
    ("During the visit of the delegation, Kazakhstan and {p} signed the {d}.",
     "В рамках визита делегации Казахстан и {p} подписали этот документ."),
    ("The {d} is among the documents of the visit; parties: Kazakhstan and {p}.",
     "Документ входит в пакет документов визита; стороны — Казахстан и {p}."),
]
# Cooperation: {s} the sector (English / Russian genitive), {y} a year. Every Russian sentence has one
# form of "сотрудничество" and every English one "cooperation"; nothing else uses those words.
_COOPERATION = [
    ("The parties agreed to expand cooperation in {s}.",
     "Стороны договорились о расширении сотрудничества в сфере {s}."),
    ("It provides a framework for long-term cooperation in {s}.",
     "Документ создаёт основу для долгосрочного сотрудничества в области {s}."),
    ("Cooperation in {s} is to be coordinated by a joint working group.",
     "Сотрудничество в области {s} будет координировать совместная рабочая группа."),
    ("The sides reaffirmed their commitment to cooperation in {s}.",
     "Стороны подтвердили приверженность сотрудничеству в сфере {s}."),
    ("The agreement opens a new stage of cooperation in {s}.",
     "Соглашение открывает новый этап сотрудничества в сфере {s}."),
    ("The parties noted the results of cooperation in {s} achieved since {y}.",
     "Стороны отметили итоги сотрудничества в области {s}, достигнутые с {y} года."),
    ("Partnership and cooperation in {s} are declared a priority.",
     "Партнёрство и сотрудничество в сфере {s} объявлены приоритетом."),
    ("The parties will report each year on their cooperation in {s}.",
     "Стороны ежегодно отчитываются о сотрудничестве в сфере {s}."),
]
_NO_COOPERATION = [
    ("The parties agreed on joint measures in {s}.", "Стороны согласовали совместные меры в сфере {s}."),
    ("It sets priorities for {s} until {y}.", "Документ определяет приоритеты в области {s} до {y} года."),
    ("Each party appoints a coordinator for {s}.", "Каждая сторона назначает координатора в области {s}."),
]
# Fillers; {n} a number of documents.
_FILLERS = [
    ("A joint working group will monitor the implementation of the agreement.",
     "Совместная рабочая группа будет контролировать выполнение соглашения."),
    ("The document enters into force on the date of the last notification.",
     "Документ вступает в силу с даты получения последнего уведомления."),
    ("It remains in force for five years and is extended automatically.",
     "Срок действия составляет пять лет с автоматическим продлением."),
    ("The parties will hold annual consultations at the level of deputy ministers.",
     "Стороны будут проводить ежегодные консультации на уровне заместителей министров."),
    ("The document supplements earlier agreements between the parties.",
     "Документ дополняет ранее заключённые соглашения между сторонами."),
    ("Disputes are settled through consultations and negotiations.",
     "Споры решаются путём консультаций и переговоров в соответствии с положениями соглашений."),
    ("The text was drawn up in Kazakh, Russian and English, all texts being equally authentic.",
     "Текст составлен на казахском, русском и английском языках, все тексты имеют одинаковую силу."),
    ("Amendments require the written consent of both parties.",
     "Изменения вносятся с письменного согласия обеих сторон соглашения."),
    ("Funding comes from the budgets of the parties and attracted investment.",
     "Финансирование осуществляется из бюджетов сторон и за счёт привлечённых инвестиций."),
    ("The Kazakh side is represented by the competent ministry.",
     "Казахстанскую сторону представляет профильное министерство Республики Казахстан."),
    ("The parties will support companies and exporters in {c}.",
     "Стороны окажут содействие компаниям и экспортёрам в {c}."),
    ("Signed on behalf of the Republic of Kazakhstan (Қазақстан Республикасы).",
     "Подписано от имени Республики Казахстан (Қазақстан Республикасы)."),
    ("The Kazakh title reads «Ынтымақтастық туралы келісім».",
     "Казахское название — «Ынтымақтастық туралы келісім»."),
    ("Implementation will be reviewed at the next meeting of the intergovernmental commission.",
     "Ход выполнения будет рассмотрен на очередном заседании межправительственной комиссии."),
    ("The parties will exchange information on national legislation.",
     "Стороны будут обмениваться информацией о национальном законодательстве."),
    ("Either party may terminate it with six months' written notice.",
     "Каждая из сторон может прекратить его действие, письменно уведомив другую за шесть месяцев."),
]
_PACKAGE = ("The package comprises {n} related documents.", "Пакет включает {n} сопутствующих документов и соглашений.")
_RARE = ("Geothermal sources of energy will also be studied.", "Также будут изучены геотермальные источники энергии.")

_CITIES = [
    ("Astana", "Астане"), ("Almaty", "Алматы"), ("Shymkent", "Шымкенте"), ("Aktau", "Актау"),
    ("Atyrau", "Атырау"), ("Turkestan", "Туркестане"), ("Karaganda", "Караганде"), ("Kostanay", "Костанае"),
    ("Pavlodar", "Павлодаре"), ("Oral", "Уральске"), ("Beijing", "Пекине"), ("Moscow", "Москве"),
    ("Tashkent", "Ташкенте"), ("Ankara", "Анкаре"), ("Baku", "Баку"), ("Berlin", "Берлине"),
    ("Seoul", "Сеуле"), ("Tokyo", "Токио"), ("Dubai", "Дубае"), ("Bishkek", "Бишкеке"),
    ("New York", "Нью-Йорке"), ("Geneva", "Женеве"), ("Istanbul", "Стамбуле"), ("Samarkand", "Самарканде"),
]

# Title topics: (English, Russian); {s} sector (English / Russian genitive).
_TOPICS_COOP = [
    ("cooperation in {s}", "о сотрудничестве в сфере {s}"),
    ("cooperation in the field of {s}", "о сотрудничестве в области {s}"),
    ("strategic cooperation in {s}", "о стратегическом сотрудничестве в сфере {s}"),
]
_TOPICS_PLAIN = [
    ("the development of {s}", "о развитии {s}"),
    ("{s}", "в сфере {s}"),
    ("issues of {s}", "по вопросам {s}"),
    ("joint projects in {s}", "о совместных проектах в области {s}"),
]

_DOC_WEIGHTS = {"agreement": 34, "memorandum": 20, "protocol": 8, "programme": 6, "roadmap": 6,
                "joint_statement": 5, "treaty": 4, "declaration": 3, "contract": 6, "action_plan": 5,
                "convention": 3}
_LEVEL_WEIGHTS = [("intergovernmental", 40), ("interagency", 25), ("interstate", 10), ("regional", 8),
                  ("corporate", 12), (None, 5)]
_STATUS_WEIGHTS = [("in_force", 40), ("signed", 25), ("ratified", 10), ("expired", 8), ("terminated", 2),
                   ("unknown", 15)]
_EVENT_KINDS = [
    ("state_visit", 14, "State visit of the President of Kazakhstan to {p}",
     "Государственный визит Президента Казахстана (страна визита: {p})"),
    ("official_visit", 14, "Official visit of the Prime Minister of Kazakhstan to {p}",
     "Официальный визит Премьер-министра Казахстана (страна визита: {p})"),
    ("working_visit", 14, "Working visit of the Foreign Minister of Kazakhstan to {p}",
     "Рабочий визит министра иностранных дел Казахстана (страна визита: {p})"),
    ("incoming_visit", 14, "Visit of the leader of {p} to Kazakhstan",
     "Визит лидера страны-партнёра в Казахстан ({p})"),
    ("summit", 8, "Summit in {c} with the participation of {p}", "Саммит в {c} с участием лидеров: {p}"),
    ("forum", 10, "Business forum Kazakhstan — {p} in {c}", "Деловой форум Казахстан — {p} в {c}"),
    ("commission", 12, "Meeting of the intergovernmental commission Kazakhstan — {p}",
     "Заседание межправительственной комиссии Казахстан — {p}"),
    ("talks", 10, "Talks between Kazakhstan and {p} in {c}", "Переговоры в {c}: Казахстан и {p}"),
    ("phone_call", 4, "Phone call between the presidents of Kazakhstan and {p}",
     "Телефонный разговор президентов: Казахстан и {p}"),
]
_PUBLISHERS = ["akorda.kz", "primeminister.kz", "gov.kz/mfa", "kazinform", "tengrinews.kz", "kursiv.media",
               "inbusiness.kz", "stat.gov.kz", "adilet.zan.kz", "kapital.kz", "trend.az", "xinhuanet.com",
               "interfax.ru", "dailysabah.com", "uza.uz"]


def schema_fingerprint() -> str:
    """A short hash of the schema the migrations create now, blind to layout (for caches of generated files)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.create_function("atlas_index_text", -1, index_text, deterministic=True)  # the migrations' triggers call it
    try:
        migrations.migrate(conn)
        ddl = "\n".join(" ".join(sql.split()) for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"))
        version = migrations.schema_version(conn)
    finally:
        conn.close()
    return f"s{version}-" + hashlib.sha1(ddl.encode("utf-8")).hexdigest()[:8]


def _cum(weights: list[float]) -> list[float]:
    return list(accumulate(weights))


def _date(rng: random.Random, year: int, precision_roll: float) -> str:
    if precision_roll < 0.75:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if precision_roll < 0.92:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    return f"{year:04d}"


# ---------------------------------------------------------------------------------------- agreements

@dataclass
class _AgreementContext:
    """What the agreement rows are drawn from (made before them)."""

    n: int
    n_events: int
    ev_partners: list[tuple[int, ...]]
    ev_date: list[str]
    ev_city: list[int]
    p_cum: list[float]
    p_en: list[str]
    p_ru: list[str]
    p_kk: list[str]
    year_list: list[int]
    year_cum: list[float]
    first_year: int
    n_sources: int
    n_corridors: int
    n_nodes: int
    first_group_id: int


Batch = tuple[list[tuple], list[tuple], list[tuple], list[tuple], list[tuple], list[tuple], list[tuple]]


def _agreement_batches(rng: random.Random, ctx: _AgreementContext) -> Iterator[Batch]:
    """Agreement rows and their link rows, BATCH agreements at a time, drawn from ``rng`` in order.

    Yields (agreements, agreement_partners, agreement_sectors, record_sources, record_places,
    conflict_groups, conflict_members) per batch.
    """
    n, n_events = ctx.n, ctx.n_events
    ev_partners, ev_date, ev_city = ctx.ev_partners, ctx.ev_date, ctx.ev_city
    p_cum, p_en, p_ru, p_kk = ctx.p_cum, ctx.p_en, ctx.p_ru, ctx.p_kk
    p_total = p_cum[-1]
    year_list, year_cum, first_year = ctx.year_list, ctx.year_cum, ctx.first_year
    year_total = year_cum[-1]
    n_sources, n_corridors, n_nodes = ctx.n_sources, ctx.n_corridors, ctx.n_nodes
    doc_codes = list(_DOC_WEIGHTS)
    doc_cum = _cum(list(_DOC_WEIGHTS.values()))
    doc_en = {code: en for code, en, _, _ in VOCAB["doc_types"]}
    doc_ru = {code: ru for code, _, ru, _ in VOCAB["doc_types"]}
    doc_kk = {code: kk for code, _, _, kk in VOCAB["doc_types"]}
    lvl_codes = [c for c, _ in _LEVEL_WEIGHTS]
    lvl_cum = _cum([w for _, w in _LEVEL_WEIGHTS])
    st_codes = [c for c, _ in _STATUS_WEIGHTS]
    st_cum = _cum([w for _, w in _STATUS_WEIGHTS])
    sec_codes = [s[0] for s in _SECTORS]
    sec_cum = _cum([s[4] for s in _SECTORS])
    sec_info = {s[0]: s for s in _SECTORS}
    sec_sent = _SECTOR_SENTENCES
    n_cities = len(_CITIES)

    # Conflict groups: an alternative is a second report of the row just before it (another date).
    n_groups = 0 if n < 20 else max(3, min(250, n // 1000))
    step = n // (n_groups + 1) if n_groups else 0
    alternative_of: dict[int, tuple[int, int]] = {}  # index (0-based) -> (group number, preferred index)
    for g in range(n_groups):
        i = (g + 1) * step
        alternative_of[i] = (g, i - 1)
        if g % 5 == 0 and i + 1 < n:
            alternative_of[i + 1] = (g, i - 1)
    group_ids: dict[int, int] = {}
    next_group = ctx.first_group_id
    recent: dict[int, tuple] = {}

    r = rng.random
    rnd = rng.randrange
    for start in range(0, n, BATCH):
        agreements: list[tuple] = []
        a_partners: list[tuple] = []
        a_sectors: list[tuple] = []
        a_sources: list[tuple] = []
        a_places: list[tuple] = []
        groups: list[tuple] = []
        members: list[tuple] = []
        for i in range(start, min(n, start + BATCH)):
            aid = i + 1
            alt = alternative_of.get(i)
            if alt is not None:
                g, src_i = alt
                row, pids, secs = recent[src_i]
                date = row[3]
                if date and len(date) > 4 and r() < 0.5:
                    date = date[:4]
                elif date and len(date) == 10:
                    date = date[:8] + f"{min(28, int(date[8:]) + 1):02d}"
                else:
                    date = None
                row = (aid, f"syn_agreement_{aid:07d}", row[2], date, *row[4:11], "unknown", row[12])
                gid = group_ids.get(g)
                if gid is None:
                    gid = group_ids[g] = next_group
                    next_group += 1
                    groups.append((gid, f"syn_conflict_agreement_{g + 1}", "agreement"))
                    members.append((gid, "agreement", src_i + 1, 1, "Official text of the document",
                                    "Официальный текст документа"))
                members.append((gid, "agreement", aid, 0, "Press report with a different date",
                                "Сообщение прессы с другой датой"))
            else:
                # event, partners, date
                event_id = None
                if n_events and r() < 0.5:
                    event_id = rnd(n_events) + 1
                    pids = list(ev_partners[event_id][:2])
                    date = ev_date[event_id]
                    city = ev_city[event_id]
                else:
                    pids = [bisect(p_cum, r() * p_total) + 1]
                    year = year_list[bisect(year_cum, r() * year_total)]
                    roll = r()
                    if roll < 0.01:
                        date = None
                    elif roll < 0.75:
                        date = f"{year:04d}-{rnd(12) + 1:02d}-{rnd(28) + 1:02d}"
                    elif roll < 0.92:
                        date = f"{year:04d}-{rnd(12) + 1:02d}"
                    else:
                        date = f"{year:04d}"
                    city = rnd(n_cities)
                if len(pids) == 1 and r() < 0.25:
                    extra = bisect(p_cum, r() * p_total) + 1
                    if extra != pids[0]:
                        pids.append(extra)
                # sectors and codes
                k = 1 + (r() < 0.4) + (r() < 0.12)
                secs = []
                while len(secs) < k:
                    s = sec_codes[bisect(sec_cum, r() * sec_cum[-1])]
                    if s not in secs:
                        secs.append(s)
                doc = doc_codes[bisect(doc_cum, r() * doc_cum[-1])]
                level = lvl_codes[bisect(lvl_cum, r() * lvl_cum[-1])]
                status = st_codes[bisect(st_cum, r() * st_cum[-1])]
                roll = r()
                doc_count = 1 if roll < 0.92 else (2 if roll < 0.98 else 3 + rnd(3))
                coop = r() < COMMON_SHARE
                year_s = date[:4] if date else str(first_year)
                c_en, c_ru = _CITIES[city]
                names_en = " and ".join(p_en[p - 1] for p in pids)
                names_ru = " и ".join(p_ru[p - 1] for p in pids)
                s0 = sec_info[secs[0]]
                # titles
                if coop and r() < 0.5:
                    t_en, t_ru = _TOPICS_COOP[rnd(len(_TOPICS_COOP))]
                else:
                    t_en, t_ru = _TOPICS_PLAIN[rnd(len(_TOPICS_PLAIN))]
                title_en = f"{doc_en[doc]} on {t_en.format(s=s0[1])} between Kazakhstan and {names_en}"
                title_ru = f"{doc_ru[doc]} {t_ru.format(s=s0[2])} (Казахстан — {' — '.join(p_ru[p - 1] for p in pids)})"
                roll = r()
                if roll < 0.02:
                    title_en = None
                elif roll < 0.05:
                    title_ru = None
                title_kk = None
                if r() < 0.1:
                    title_kk = (f"Қазақстан Республикасы мен {p_kk[pids[0] - 1]} арасындағы {s0[3]} "
                                f"саласындағы {doc_kk[doc].lower()}")
                # summaries (~40 words each)
                if event_id is not None:
                    o_en, o_ru = _EVENT_OPENINGS[rnd(len(_EVENT_OPENINGS))]
                else:
                    o_en, o_ru = _OPENINGS[rnd(len(_OPENINGS))]
                en = [o_en.format(d=doc_en[doc].lower(), c=c_en, p=names_en, y=year_s)]
                ru = [o_ru.format(c=c_ru, p=names_ru, y=year_s)]
                if coop:
                    x_en, x_ru = _COOPERATION[rnd(len(_COOPERATION))]
                else:
                    x_en, x_ru = _NO_COOPERATION[rnd(len(_NO_COOPERATION))]
                en.append(x_en.format(s=s0[1], y=year_s))
                ru.append(x_ru.format(s=s0[2], y=year_s))
                for s in secs:
                    pool = sec_sent[s]
                    x_en, x_ru = pool[rnd(len(pool))]
                    en.append(x_en.format(c=c_en))
                    ru.append(x_ru.format(c=c_ru))
                for _ in range(1 + (k == 1 and r() < 0.6)):
                    x_en, x_ru = _FILLERS[rnd(len(_FILLERS))]
                    en.append(x_en.format(c=c_en))
                    ru.append(x_ru.format(c=c_ru))
                if doc_count > 1:
                    en.append(_PACKAGE[0].format(n=doc_count))
                    ru.append(_PACKAGE[1].format(n=doc_count))
                if i % RARE_EVERY == RARE_OFFSET:
                    en.append(_RARE[0])
                    ru.append(_RARE[1])
                row = (aid, f"syn_agreement_{aid:07d}", event_id, date, title_en, title_ru, title_kk,
                       " ".join(en), " ".join(ru), doc, level, status, doc_count)
                recent[i] = (row, pids, secs)
                recent.pop(i - 3, None)
            agreements.append(row)
            a_partners += [(aid, pid, pos) for pos, pid in enumerate(pids)]
            a_sectors += [(aid, s) for s in secs]
            first_source = rnd(n_sources) + 1
            a_sources.append(("agreement", aid, first_source, 0))
            if r() < 0.3:
                extra = rnd(n_sources) + 1
                if extra != first_source:
                    a_sources.append(("agreement", aid, extra, 1))
            if ("transport" in secs or "logistics" in secs) and r() < 0.25:
                a_places.append(("agreement", aid, rnd(n_corridors) + 1, None))
                if r() < 0.2:
                    a_places.append(("agreement", aid, None, rnd(n_nodes) + 1))
        yield agreements, a_partners, a_sectors, a_sources, a_places, groups, members


_INDEX_CALL = re.compile(r"atlas_index_text\s*\(([^()]*)\)", re.IGNORECASE)
_NEW_COLUMN = re.compile(r"\s*new\.(\w+)\s*", re.IGNORECASE)

Shape = tuple[int, ...]


def _index_text_shapes(conn: sqlite3.Connection, table: str, cols: list[str]) -> list[Shape]:
    """The argument lists of the atlas_index_text() calls in ``table``'s triggers, as indexes into
    ``cols`` (calls with anything but plain ``new.<column>`` arguments are left out)."""
    shapes: list[Shape] = []
    for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)):
        for args in _INDEX_CALL.findall(sql or ""):
            found = [_NEW_COLUMN.fullmatch(a) for a in args.split(",")]
            if all(m is not None and m.group(1) in cols for m in found):
                shape = tuple(cols.index(m.group(1)) for m in found)  # type: ignore[union-attr]
                if shape not in shapes:
                    shapes.append(shape)
    return shapes


def _index_texts(rows: list[tuple], shapes: list[Shape]) -> list[tuple[str, ...]]:
    """``index_text(*(row[i] for i in shape))`` for every row and shape.

    Each column is indexed once and the pieces joined, as index_text joins its arguments' words;
    the first rows are checked against index_text itself, and on any difference every value is
    computed directly.
    """
    out = []
    for r in rows:
        pieces: dict[int, str] = {}
        values = []
        for shape in shapes:
            parts = []
            for i in shape:
                piece = pieces.get(i)
                if piece is None:
                    piece = pieces[i] = index_text(r[i])
                if piece:
                    parts.append(piece)
            values.append(" ".join(parts))
        out.append(tuple(values))
    for r, values in zip(rows[:20], out[:20], strict=True):
        if any(index_text(*(r[i] for i in shape)) != v for shape, v in zip(shapes, values, strict=True)):
            return [tuple(index_text(*(r[i] for i in shape)) for shape in shapes) for r in rows]
    return out


def _child_main(rng: random.Random, ctx: _AgreementContext, shapes: list[Shape], queue: Any) -> None:
    try:
        for batch in _agreement_batches(rng, ctx):
            queue.put((batch, _index_texts(batch[0], shapes)))
        queue.put(None)
    except BaseException:  # reported to the parent, which raises
        queue.put(("error", traceback.format_exc()))


def _from_child(rng: random.Random, ctx: _AgreementContext,
                shapes: list[Shape]) -> Iterator[tuple[Batch, list[tuple[str, ...]] | None]]:
    """``_agreement_batches(rng, ctx)``, made in a child process, with the rows' full-text index texts.

    The child receives a copy of ``rng`` (the same random state, so the same rows) and ``ctx``, draws
    the rows and runs ``index_text`` on them for each argument list in ``shapes``, while this process
    inserts the previous batch: two cores. The child is spawned, not forked: this process may run
    threads (Qt's, SQLite's, faulthandler's watchdog), and forking a threaded process can deadlock the
    child on a lock some other thread held (Python 3.12 warns of it).
    """
    mp = multiprocessing.get_context("spawn")
    queue = mp.Queue(maxsize=2)
    child = mp.Process(target=_child_main, args=(rng, ctx, shapes, queue), daemon=True)
    child.start()
    try:
        while True:
            item = queue.get()
            if item is None:
                break
            if item[0] == "error":
                raise RuntimeError(f"the synthetic row generator failed:\n{item[1]}")
            yield item
        child.join()
    finally:
        if child.is_alive():
            child.terminate()
            child.join()


# ---------------------------------------------------------------------------------------- other kinds

# The benchmark queries of "find anything" (tests/benchmarks/bench_find.py) besides QUERIES: a former
# name that only alias data ties to the records' "Astana", and a Latin spelling of a place that the
# records write in Cyrillic only ("Тургунди"): only its transliteration key finds it.
FIND_QUERIES = {**QUERIES, "alias": "Nur-Sultan", "translit": "Torghundi",
                "kazakh": "Қазақстанның"}  # a Kazakh word form: read as its base, "Қазақстан"
CYRILLIC_ONLY_PLACE = "Тургунди"
TRANSLIT_EVERY = 2000  # every 2,000th fact and event names CYRILLIC_ONLY_PLACE
RARE_FACT_EVERY = 5000  # every 5,000th fact holds the rare word too

# Place-name syllables: (English spelling, its Kazakh-Latin variant, Russian, Kazakh). Node names are
# two or three of them; an English name is spelled either way, so transliteration keys are needed.
_SYLLABLES = [
    ("kyzyl", "qyzyl", "кызыл", "қызыл"), ("sary", "sary", "сары", "сары"), ("zhan", "jan", "жан", "жаң"),
    ("bulak", "bulaq", "булак", "бұлақ"), ("tau", "tau", "тау", "тау"), ("kol", "kol", "коль", "көл"),
    ("sai", "sai", "сай", "сай"), ("tobe", "tobe", "тюбе", "төбе"), ("uzen", "ozen", "узень", "өзен"),
    ("kent", "kent", "кент", "кент"), ("su", "su", "су", "су"), ("tas", "tas", "тас", "тас"),
    ("kum", "qum", "кум", "құм"), ("bai", "bai", "бай", "бай"), ("terek", "terek", "терек", "терек"),
    ("ozek", "ozek", "озек", "өзек"), ("kuduk", "quduq", "кудук", "құдық"), ("agash", "agash", "агаш", "ағаш"),
    ("ak", "aq", "ак", "ақ"), ("kara", "qara", "кара", "қара"), ("shalkar", "shalqar", "шалкар", "шалқар"),
    ("orda", "orda", "орда", "орда"), ("zhol", "jol", "жол", "жол"), ("aral", "aral", "арал", "арал"),
    ("bastau", "bastau", "бастау", "бастау"), ("tal", "tal", "тал", "тал"), ("konyr", "qonyr", "коныр", "қоңыр"),
    ("beles", "beles", "белес", "белес"), ("mys", "mys", "мыс", "мыс"), ("shyn", "shyn", "шын", "шың"),
]
_NODE_NOTES = [
    ("Freight station on the {corr} line, opened in {y}.",
     "Грузовая станция на линии «{corr_ru}», открыта в {y} году."),
    ("Container terminal with a capacity of {v_en} TEU a year.", "Контейнерный терминал мощностью {v_ru} ДФЭ в год."),
    ("Border crossing point, open around the clock since {y}.", "Пункт пропуска, работает круглосуточно с {y} года."),
    ("Logistics centre built with investment from {p}.",
     "Логистический центр построен с привлечением инвестиций партнёра ({p_ru})."),
]
_SEGMENT_NOTES = [
    ("Single-track line, electrified in {y}.", "Однопутная линия, электрифицирована в {y} году."),
    ("Second track under construction since {y}.", "Вторые пути строятся с {y} года."),
    ("Road section rebuilt to category I in {y}.", "Участок автодороги реконструирован до I категории в {y} году."),
]
_PROJECTS = [
    ("Modernisation of {node} station", "Модернизация станции {node_ru}",
     "Reconstruction of the tracks and the container yard at {node}.",
     "Реконструкция путей и контейнерной площадки станции {node_ru}."),
    ("{node} dry port", "Сухой порт {node_ru}",
     "A dry port and a logistics centre near {node}, financed by investment from {p}.",
     "Сухой порт и логистический центр вблизи {node_ru}; инвестиции партнёра ({p_ru})."),
    ("Bypass railway around {node}", "Обходная железная дорога вокруг {node_ru}",
     "A new line to relieve the junction of {node}.", "Новая линия для разгрузки узла {node_ru}."),
]
# Fact notes by metric: (English, Russian); {v_en} "12,000", {v_ru} "12 000" (numbers as written).
_FACT_NOTES = {
    "rail_transit_teu": ("Container transit through {node} reached {v_en} TEU in {y}.",
                         "Контейнерный транзит через станцию {node_ru} в {y} году достиг {v_ru} ДФЭ."),
    "cargo_transit_mt": ("Cargo transit along the {corr} amounted to {v_en} million tonnes in {y}.",
                         "Транзит грузов по коридору «{corr_ru}» в {y} году составил {v_ru} млн тонн."),
    "students": ("{v_en} students from {p} study at universities of Kazakhstan.",
                 "В вузах Казахстана обучаются {v_ru} студентов (страна: {p_ru})."),
    "tourists": ("{v_en} tourists from {p} visited Kazakhstan in {y}.",
                 "В {y} году Казахстан посетили {v_ru} туристов (страна: {p_ru})."),
    "flights_per_week": ("{v_en} direct flights a week connect {node} with {p}.",
                         "Между {node_ru} и страной-партнёром ({p_ru}) выполняется {v_ru} прямых рейсов в неделю."),
    "joint_ventures": ("{v_en} joint ventures with {p} work in {sector}.",
                       "В сфере {sector_ru} работают {v_ru} совместных предприятий (партнёр: {p_ru})."),
    "fdi_inflow": ("FDI inflow from {p} in {y}: USD {v_en} million, mostly in {sector}.",
                   "Приток прямых инвестиций ({p_ru}) в {y} году — {v_ru} млн долл. США, в основном в сфере "
                   "{sector_ru}."),
    "fdi_stock": ("Accumulated investment of {p} reached USD {v_en} million by {y}.",
                  "Накопленные инвестиции партнёра ({p_ru}) к {y} году достигли {v_ru} млн долл. США."),
}
_FACT_COOPERATION = ("Cooperation in {sector} continues.", "Сотрудничество в сфере {sector_ru} продолжается.")
_FACT_RARE = ("Geothermal sources are studied as well.", "Изучаются также геотермальные источники.")
_FACT_TRANSLIT_RU = "Грузы следуют через пункт пропуска " + CYRILLIC_ONLY_PLACE + "."
_EVENT_TRANSLIT_RU = " Обсуждено открытие пункта пропуска " + CYRILLIC_ONLY_PLACE + "."
# Alias groups (other names of the same thing), as the curated seed file has them.
_ALIAS_GROUPS: dict[str, list[tuple[str, str, str]]] = {  # group: [(name, lang, kind)]
    "city_astana": [("Astana", "en", "name"), ("Астана", "ru", "name"), ("Nur-Sultan", "en", "former_name"),
                    ("Нур-Султан", "ru", "former_name"), ("Нұр-Сұлтан", "kk", "former_name"),
                    ("Akmola", "en", "former_name"), ("Акмола", "ru", "former_name"), ("Ақмола", "kk", "former_name"),
                    ("Tselinograd", "en", "former_name"), ("Целиноград", "ru", "former_name")],
    "city_aktau": [("Aktau", "en", "name"), ("Актау", "ru", "name"), ("Ақтау", "kk", "name"),
                   ("Shevchenko", "en", "former_name"), ("Шевченко", "ru", "former_name")],
    "city_oral": [("Oral", "en", "name"), ("Uralsk", "en", "former_name"), ("Уральск", "ru", "name"),
                  ("Орал", "kk", "name")],
    "city_turkmenbashi": [("Turkmenbashi", "en", "name"), ("Türkmenbaşy", "tk", "name"),
                          ("Туркменбаши", "ru", "name"), ("Krasnovodsk", "en", "former_name"),
                          ("Красноводск", "ru", "former_name")],
    "corridor_middle": [("Trans-Caspian International Transport Route", "en", "name"),
                        ("Middle Corridor", "en", "name"),
                        ("TITR", "en", "abbreviation"), ("ТМТМ", "ru", "abbreviation"),
                        ("Средний коридор", "ru", "name")],
    "org_socar": [("SOCAR", "en", "abbreviation"), ("ГНКАР", "ru", "abbreviation"), ("СОКАР", "ru", "abbreviation"),
                  ("State Oil Company of Azerbaijan Republic", "en", "name")],
    "term_memorandum": [("memorandum", "en", "synonym"), ("MoU", "en", "abbreviation"),
                        ("меморандум", "ru", "synonym"), ("МоУ", "ru", "abbreviation")],
    "spelling_defence": [("defence", "en", "spelling"), ("defense", "en", "spelling")],
    "spelling_fibre": [("fibre", "en", "spelling"), ("fiber", "en", "spelling")],
}


def default_counts(n_agreements: int) -> dict[str, int]:
    """Events, facts and nodes for a number of agreements, as issue 17 sizes them: at 100,000
    agreements 100,000 events, 200,000 facts and 20,000 places."""
    n = max(0, int(n_agreements))
    return {"events": n, "facts": 2 * n, "nodes": n // 5}


def _kind_rng(seed: int, kind: str) -> random.Random:
    """A generator of its own for one kind's extra rows, so that they do not depend on how many numbers
    the agreements drew (the agreements may be drawn in a child process)."""
    return random.Random(f"{seed}:{kind}")


def _place_name(rng: random.Random) -> tuple[str, str, str]:
    """A synthetic place name in English (either Latin spelling), Russian and Kazakh."""
    parts = [_SYLLABLES[rng.randrange(len(_SYLLABLES))] for _ in range(2 + (rng.random() < 0.3))]
    latin = 0 if rng.random() < 0.8 else 1
    return tuple("".join(p[i] for p in parts).capitalize() for i in (latin, 2, 3))  # type: ignore[return-value]


def _grouped(value: int) -> tuple[str, str]:
    """A number as English ("12,000") and Russian ("12 000") texts write it."""
    return f"{value:,}", f"{value:,}".replace(",", "\u00a0")


@lru_cache(maxsize=65_536)
def _index_one(text: str) -> str:
    return index_text(text)


def cached_index_text(*texts: str | None) -> str:
    """``index_text(*texts)``, each text's part remembered: index_text joins its arguments' terms with
    spaces, so the joined parts are the same string (tests/test_synthetic.py checks every kind's index)."""
    return " ".join(p for p in (_index_one(t) if t else "" for t in texts) if p)


def _bulk_insert(conn: sqlite3.Connection, table: str, cols: str, rows: list[tuple]) -> None:
    """Rows through a staging table and one INSERT ... SELECT: the table's full-text trigger fills the
    index row by row, and FTS5 keeps its pending terms in memory for the whole statement."""
    if not rows:
        return
    marks = ", ".join("?" * len(cols.split(", ")))
    conn.execute(f"CREATE TEMP TABLE {table}_stage AS SELECT {cols} FROM {table} WHERE 0")
    conn.executemany(f"INSERT INTO temp.{table}_stage ({cols}) VALUES ({marks})", rows)
    conn.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM temp.{table}_stage ORDER BY id")
    conn.execute(f"DROP TABLE temp.{table}_stage")


def _fts_tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' ORDER BY name")]


def _fts_config(conn: sqlite3.Connection, settings: tuple[tuple[str, int], ...]) -> None:
    for fts in _fts_tables(conn):
        for key, value in settings:
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('{key}', {value})")


@dataclass
class _Places:
    """The synthetic network beyond the hand-made one: rows to insert and names for other kinds' texts."""

    corridors: list[tuple]
    nodes: list[tuple]
    segments: list[tuple]
    projects: list[tuple]
    node_names: list[tuple[str, str]]  # (en, ru) of every node, 0-based by id - 1
    corridor_names: list[tuple[str, str]]  # (en, ru) of every corridor
    former_names: list[tuple[int, tuple[str, str, str], tuple[str, str, str]]]  # node id, name, former name


def _extra_places(seed: int, n_nodes: int, corridors: list[tuple], nodes: list[tuple], n_segments: int,
                  n_projects: int, p_iso: list[str], p_cum: list[float], p_en: list[str], p_ru: list[str],
                  first_year: int, last_year: int) -> _Places:
    """Nodes up to ``n_nodes`` (60% in Kazakhstan, with Kazakh names), a corridor per 200 of them, each a
    chain of segments through its nodes, a project per 10 nodes; 5% of the nodes have a former name."""
    rng = _kind_rng(seed, "places")
    node_kinds = [c for c, *_ in VOCAB["node_kinds"]]
    modes = ["rail", "rail", "road", "multimodal"]
    statuses = [c for c, *_ in VOCAB["segment_statuses"]]
    pstat = [c for c, *_ in VOCAB["project_statuses"]]
    first_node, first_corridor = len(nodes) + 1, len(corridors) + 1
    n_new = max(0, n_nodes - len(nodes))
    node_names = [(nd[1], nd[2]) for nd in nodes]
    corridor_names = [(c[2], c[3]) for c in corridors]
    out = _Places([], [], [], [], node_names, corridor_names, [])
    n_new_corridors = n_new // 200 if n_new >= 200 else (1 if n_new else 0)
    for k in range(n_new_corridors):
        cid = first_corridor + k
        a, b = _place_name(rng), _place_name(rng)
        en, ru = f"{a[0]} – {b[0]} route", f"Маршрут {a[1]} — {b[1]}"
        out.corridors.append((cid, f"syn_corridor_{cid:05d}", en, ru,
                              f"A synthetic transport route from {a[0]} to {b[0]}, {rng.randint(300, 3000)} km.",
                              f"Синтетический транспортный маршрут от {a[1]} до {b[1]}."))
        corridor_names.append((en, ru))
    total = _cum([1.0 / (k + 1) ** 0.9 for k in range(len(p_cum))])
    for j in range(n_new):
        nid = first_node + j
        en, ru, kk = _place_name(rng)
        if rng.random() < 0.6:
            iso, lat, lon = "KAZ", round(rng.uniform(40.6, 55.4), 4), round(rng.uniform(46.5, 87.3), 4)
        else:
            iso, kk = p_iso[bisect(total, rng.random() * total[-1])], None
            lat, lon = round(rng.uniform(25.0, 60.0), 4), round(rng.uniform(20.0, 120.0), 4)
        if rng.random() < 0.02:
            lat = lon = None  # position unknown
        note_en = note_ru = None
        if rng.random() < 0.3:
            t_en, t_ru = _NODE_NOTES[rng.randrange(len(_NODE_NOTES))]
            corr = corridor_names[rng.randrange(len(corridor_names))]
            p = bisect(total, rng.random() * total[-1])
            v_en, v_ru = _grouped(rng.randrange(10, 500) * 1000)
            y = rng.randint(first_year, last_year)
            note_en = t_en.format(corr=corr[0], y=y, v_en=v_en, p=p_en[p])
            note_ru = t_ru.format(corr_ru=corr[1], y=y, v_ru=v_ru, p_ru=p_ru[p])
        if rng.random() < 0.05:
            former = _place_name(rng)
            out.former_names.append((nid, (en, ru, kk or ru), former))
            note_en = f"Formerly {former[0]}. " + (note_en or "")
            note_ru = f"Прежнее название — {former[1]}. " + (note_ru or "")
        out.nodes.append((nid, f"syn_node_{nid}", en, ru, kk, iso, node_kinds[rng.randrange(len(node_kinds))],
                          lat, lon, note_en and note_en.strip(), note_ru and note_ru.strip()))
        node_names.append((en, ru))
    # Each new corridor is a chain through a consecutive run of the new nodes.
    per = n_new // n_new_corridors if n_new_corridors else 0
    sid = n_segments
    for k in range(n_new_corridors):
        run = range(first_node + k * per, first_node + (k + 1) * per if k < n_new_corridors - 1 else first_node + n_new)
        for a, b in pairwise(run):
            sid += 1
            note_en = note_ru = None
            if rng.random() < 0.3:
                t_en, t_ru = _SEGMENT_NOTES[rng.randrange(len(_SEGMENT_NOTES))]
                y = rng.randint(first_year, last_year)
                note_en, note_ru = t_en.format(y=y), t_ru.format(y=y)
            out.segments.append((sid, f"syn_segment_{sid}", first_corridor + k, a, b, modes[rng.randrange(len(modes))],
                                 statuses[rng.randrange(len(statuses))], round(rng.uniform(5, 400), 1), note_en,
                                 note_ru))
    for j in range(n_new // 10):
        pid_ = n_projects + j + 1
        nid = first_node + rng.randrange(n_new)
        node = node_names[nid - 1]
        p = bisect(total, rng.random() * total[-1])
        n_en, n_ru, d_en, d_ru = _PROJECTS[rng.randrange(len(_PROJECTS))]
        out.projects.append((pid_, f"syn_project_{pid_:05d}", n_en.format(node=node[0]), n_ru.format(node_ru=node[1]),
                             p + 1,
                             first_corridor + rng.randrange(max(1, n_new_corridors)) if n_new_corridors else None,
                             nid, pstat[rng.randrange(len(pstat))], d_en.format(node=node[0], p=p_en[p]),
                             d_ru.format(node_ru=node[1], p_ru=p_ru[p])))
    return out


def _alias_rows(seed: int, p_iso: list[str], places: _Places) -> list[tuple]:
    """Aliases: the curated-style groups above, every partner's names from pycountry (as the seed build
    adds them, group ``country_<iso3>``), and the synthetic nodes' former names."""
    rows: list[tuple] = []

    def add(group: str, name: str, lang: str | None, kind: str, note: str | None) -> None:
        aid = len(rows) + 1
        rows.append((aid, f"syn_alias_{aid:06d}", group, name, lang, kind, note))

    for group, names in _ALIAS_GROUPS.items():
        for name, lang, kind in names:
            add(group, name, lang, kind, None)
    for iso3 in p_iso:
        group, seen = f"country_{iso3.lower()}", set()
        for country in country_names(iso3):
            words = folded_words(country.name)
            if words and words not in seen:
                seen.add(words)
                add(group, country.name, country.lang, "name", country.note_en)
    for nid, now, former in places.former_names:
        group = f"syn_node_{nid}"
        add(group, now[0], "en", "name", None)
        add(group, now[1], "ru", "name", None)
        add(group, former[0], "en", "former_name", "Synthetic former name")
        add(group, former[1], "ru", "former_name", "Synthetic former name")
    return rows


@dataclass
class _People:
    """What the extra rows of facts, targets, mechanisms and trade figures are drawn from."""

    seed: int
    n: int
    n_facts: int
    first_fact: int
    p_cum: list[float]
    p_en: list[str]
    p_ru: list[str]
    first_year: int
    last_year: int
    n_sources: int
    places: _Places


def _extra_facts(ctx: _People) -> Iterator[tuple[list[tuple], list[tuple]]]:
    """Facts up to ``n_facts`` in all, with notes in English and Russian (a fifth in Russian only),
    numbers written with group separators; BATCH at a time, with their record_sources rows."""
    rng = _kind_rng(ctx.seed, "facts")
    metrics = list(_FACT_NOTES)
    units = {code: (unit_en, unit_ru) for code, _, _, unit_en, unit_ru in METRICS}
    p_total = ctx.p_cum[-1]
    nodes, corridors = ctx.places.node_names, ctx.places.corridor_names
    start = ctx.first_fact
    for lo in range(start, ctx.n_facts + 1, BATCH):
        facts, sources = [], []
        for fid in range(lo, min(ctx.n_facts, lo + BATCH - 1) + 1):
            code = metrics[rng.randrange(len(metrics))]
            p = bisect(ctx.p_cum, rng.random() * p_total)
            corridor_id = None
            if code == "cargo_transit_mt" or rng.random() < 0.05:
                corridor_id = rng.randrange(len(corridors)) + 1
            num = rng.randrange(1, 2000) * (1000 if code in ("rail_transit_teu", "students", "tourists") else 1)
            v_en, v_ru = _grouped(num)
            y = rng.randint(max(ctx.first_year, ctx.last_year - 15), ctx.last_year)
            node = nodes[rng.randrange(len(nodes))]
            corr = corridors[(corridor_id or rng.randrange(len(corridors)) + 1) - 1]
            sector = _SECTORS[rng.randrange(len(_SECTORS))]
            t_en, t_ru = _FACT_NOTES[code]
            fill = {"v_en": v_en, "v_ru": v_ru, "y": y, "p": ctx.p_en[p], "p_ru": ctx.p_ru[p], "node": node[0],
                    "node_ru": node[1], "corr": corr[0], "corr_ru": corr[1], "sector": sector[1],
                    "sector_ru": sector[2]}
            en, ru = [t_en.format(**fill)], [t_ru.format(**fill)]
            if rng.random() < 0.35:
                en.append(_FACT_COOPERATION[0].format(**fill))
                ru.append(_FACT_COOPERATION[1].format(**fill))
            if fid % RARE_FACT_EVERY == 0:
                en.append(_FACT_RARE[0])
                ru.append(_FACT_RARE[1])
            only_ru = rng.random() < 0.2
            if fid % TRANSLIT_EVERY == 0:
                ru.append(_FACT_TRANSLIT_RU)
                only_ru = True
            as_of = f"{y:04d}-{rng.randint(1, 12):02d}" if rng.random() < 0.6 else f"{y:04d}"
            unit = units[code][1] if only_ru else units[code][0]
            facts.append((fid, f"syn_fact_{fid:07d}", p + 1, corridor_id, code, str(num), float(num),
                          "exact" if rng.random() < 0.8 else "approx", unit, as_of,
                          None if only_ru else " ".join(en), " ".join(ru)))
            sources.append(("fact", fid, rng.randrange(ctx.n_sources) + 1, 0))
        yield facts, sources


def _extra_records(ctx: _People, n_trade: int, n_targets: int) -> dict[str, tuple[str, list[tuple]]]:
    """Two more mechanisms per partner, a target per 100 agreements, quarterly trade figures of the
    first 40 partners for the last 8 years: {table: (columns, rows)}, and their record_sources rows."""
    rng = _kind_rng(ctx.seed, "records")
    n_p = len(ctx.p_en)
    p_total = ctx.p_cum[-1]
    mech, targets, trade, sources = [], [], [], []
    for pid in range(1, n_p + 1):
        sector = _SECTORS[rng.randrange(len(_SECTORS))]
        for name_en, name_ru, note_en, note_ru in (
            (f"Business Council Kazakhstan — {ctx.p_en[pid - 1]}", f"Деловой совет Казахстан — {ctx.p_ru[pid - 1]}",
             "Meets once a year alongside the intergovernmental commission.",
             "Заседает раз в год вместе с межправительственной комиссией."),
            (f"Joint working group on {sector[1]} (Kazakhstan — {ctx.p_en[pid - 1]})",
             f"Совместная рабочая группа по вопросам {sector[2]} (Казахстан — {ctx.p_ru[pid - 1]})",
             f"Coordinates cooperation in {sector[1]}.", f"Координирует сотрудничество в сфере {sector[2]}."),
        ):
            mid = n_p + len(mech) + 1
            mech.append((mid, f"syn_mechanism_{mid:05d}", pid, name_en, name_ru,
                         str(rng.randint(ctx.first_year, ctx.last_year)), note_en, note_ru))
            sources.append(("mechanism", mid, rng.randrange(ctx.n_sources) + 1, 0))
    for k in range(ctx.n // 100):
        gid = n_targets + k + 1
        pid = bisect(ctx.p_cum, rng.random() * p_total) + 1
        stated = rng.randint(max(ctx.first_year, ctx.last_year - 10), ctx.last_year)
        c_en, c_ru = _CITIES[rng.randrange(len(_CITIES))]
        targets.append((gid, f"syn_target_{gid:06d}", pid, ("exports", "trade_turnover")[k % 2],
                        float(rng.randrange(1, 100) * 100), None, stated + rng.randint(2, 8), None, None,
                        f"{stated:04d}-{rng.randint(1, 12):02d}", "Minister of Trade and Integration of Kazakhstan",
                        "Министр торговли и интеграции Казахстана", f"Stated at the business forum in {c_en}.",
                        f"Заявлено на деловом форуме в {c_ru}."))
        sources.append(("target", gid, rng.randrange(ctx.n_sources) + 1, 0))
    tid = n_trade
    for pid in range(1, min(40, n_p) + 1):
        for y in range(ctx.last_year - 7, ctx.last_year + 1):
            for q in ("Q1", "Q2", "Q3", "Q4"):
                tid += 1
                t = round(rng.uniform(5, 800), 1)
                latest = y == ctx.last_year
                trade.append((tid, f"syn_trade_{tid:06d}", pid, y, q, t, round(t * rng.uniform(0.2, 0.8), 1), None,
                              "kazakh", "approx" if latest else "exact",
                              "Preliminary data of the Bureau of National Statistics." if latest else None,
                              "Предварительные данные Бюро национальной статистики." if latest else None))
                sources.append(("trade", tid, rng.randrange(ctx.n_sources) + 1, 0))
    return {
        "mechanisms": ("id, uid, partner_id, name_en, name_ru, established, note_en, note_ru", mech),
        "targets": (("id, uid, partner_id, metric, value_usd_m, multiplier, horizon_year, horizon_note_en, "
                     "horizon_note_ru, stated_on, stated_by_en, stated_by_ru, note_en, note_ru"), targets),
        "trade_figures": (("id, uid, partner_id, year, period, turnover_usd_m, exports_usd_m, imports_usd_m, "
                           "statistics, qualifier, note_en, note_ru"), trade),
        "record_sources": ("record_type, record_id, source_id, position", sources),
    }


# ---------------------------------------------------------------------------------------- generation

def generate(path: str | Path, n_agreements: int, *, seed: int = 1, n_partners: int = 190,
             first_year: int = 1991, years: int = 35, progress: bool = False,
             parallel: bool | None = None, n_events: int | None = None, n_facts: int | None = None,
             n_nodes: int | None = None) -> Path:
    """Create a new synthetic database at ``path`` (which must not exist) and return its path.

    ``n_events``, ``n_facts`` and ``n_nodes`` default to :func:`default_counts` of the agreements.

    ``parallel`` (default: from 50,000 agreements on) draws the agreement rows
    and their index text in a child process while this one inserts; the result is the same.
    """
    path = Path(path)
    n = int(n_agreements)
    if n < 0:
        raise ValueError("n_agreements must be >= 0")
    years = max(1, int(years))
    counts = default_counts(n)
    n_events = counts["events"] if n_events is None else max(0, int(n_events))
    n_facts = counts["facts"] if n_facts is None else max(0, int(n_facts))
    n_nodes = counts["nodes"] if n_nodes is None else max(0, int(n_nodes))
    rng = random.Random(seed)
    started = time.perf_counter()

    db = create_database(path)
    conn = db.conn
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -524288")  # 512 MiB
        conn.execute("PRAGMA temp_store = MEMORY")
        ex, exm = conn.execute, conn.executemany
        # The triggers' atlas_index_text: index_text, with each text's part remembered.
        conn.create_function("atlas_index_text", -1, cached_index_text, deterministic=True)
        # Merging is left to the final 'optimize'; the settings are put back to their defaults below.
        _fts_config(conn, _FTS_BULK_CONFIG)

        year_list = list(range(first_year, first_year + years))
        # More agreements in later years.
        year_cum = _cum([1.0 + 3.0 * k / max(1, years - 1) for k in range(years)])

        # ---- reference data
        conn.execute("BEGIN")
        for table, rows in VOCAB.items():
            exm(f"INSERT INTO {table} (code, name_en, name_ru, name_kk, sort_order) VALUES (?, ?, ?, ?, ?)",
                [(code, en, ru, kk, i) for i, (code, en, ru, kk) in enumerate(rows)])
        exm("INSERT INTO metrics (code, name_en, name_ru, unit_en, unit_ru) VALUES (?, ?, ?, ?, ?)", METRICS)
        exm("INSERT INTO meta (key, value) VALUES (?, ?)", [
            ("kind", "synthetic"), ("synthetic_seed", str(seed)), ("synthetic_agreements", str(n)),
            ("synthetic_generator_version", str(GENERATOR_VERSION)),
        ])

        partners = _partner_rows(rng, n_partners)
        exm("INSERT INTO partners (id, uid, iso3, name_en, name_ru, name_kk, is_focus, sort_order) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", partners)
        n_p = len(partners)
        p_en = [p[3] for p in partners]
        p_ru = [p[4] for p in partners]
        p_kk = [p[5] or p[4] for p in partners]
        # Zipf-like weights: a few partners hold most agreements.
        p_cum = _cum([1.0 / (k + 1) ** 0.9 for k in range(n_p)])
        p_total = p_cum[-1]

        n_sources = max(400, n // 50)
        sources = []
        for sid in range(1, n_sources + 1):
            pub = _PUBLISHERS[rng.randrange(len(_PUBLISHERS))]
            year = year_list[bisect(year_cum, rng.random() * year_cum[-1])]
            lang = ("ru", "en", "kk")[bisect((0.6, 0.9, 1.0), rng.random())]
            sources.append((sid, f"syn_source_{sid:04d}", f"https://{pub}/syn/{seed}/{sid}",
                            f"Synthetic source {sid} ({pub}, {year})", pub, _date(rng, year, rng.random()),
                            lang, f"{first_year + years - 1:04d}-01-15"))
        exm("INSERT INTO sources (id, uid, url, title, publisher, published, language, taken_en) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sources)

        def src() -> int:
            return rng.randrange(n_sources) + 1

        record_sources: list[tuple] = []

        # mechanisms, one per partner
        mech = []
        for pid in range(1, n_p + 1):
            mech.append((pid, f"syn_mechanism_{pid:04d}", pid,
                         f"Intergovernmental commission Kazakhstan — {p_en[pid - 1]}",
                         f"Межправительственная комиссия Казахстан — {p_ru[pid - 1]}",
                         str(rng.randint(first_year, first_year + years - 1)), None, None))
            record_sources.append(("mechanism", pid, src(), 0))
        exm("INSERT INTO mechanisms (id, uid, partner_id, name_en, name_ru, established, note_en, note_ru) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mech)

        # corridors, nodes, segments, projects
        corridors = [
            (1, "syn_corridor_middle", "Trans-Caspian International Transport Route",
             "Транскаспийский международный транспортный маршрут"),
            (2, "syn_corridor_north_south", "North–South corridor", "Коридор Север — Юг"),
            (3, "syn_corridor_china_europe", "China–Europe via Kazakhstan", "Китай — Европа через Казахстан"),
            (4, "syn_corridor_cpc", "Caspian Pipeline Consortium", "Каспийский трубопроводный консорциум"),
            (5, "syn_corridor_afghan", "Trans-Afghan railway", "Трансафганская железная дорога"),
        ]
        exm("INSERT INTO corridors (id, uid, name_en, name_ru, description_en, description_ru) "
            "VALUES (?, ?, ?, ?, 'Synthetic corridor.', 'Синтетический коридор.')", corridors)
        nodes = [
            (1, "Khorgos", "Хоргос", "Қорғас", "KAZ", "dry_port", 44.21, 80.26),
            (2, "Dostyk", "Достык", "Достық", "KAZ", "border_crossing", 45.25, 82.48),
            (3, "Almaty", "Алматы", "Алматы", "KAZ", "city", 43.24, 76.89),
            (4, "Astana", "Астана", "Астана", "KAZ", "city", 51.17, 71.45),
            (5, "Aktau", "Актау", "Ақтау", "KAZ", "port", 43.65, 51.16),
            (6, "Kuryk", "Курык", "Құрық", "KAZ", "port", 43.19, 51.65),
            (7, "Baku / Alat", "Баку / Алят", None, "AZE", "port", 39.95, 49.41),
            (8, "Poti", "Поти", None, "GEO", "port", 42.15, 41.67),
            (9, "Tashkent", "Ташкент", "Ташкент", "UZB", "rail_junction", 41.30, 69.24),
            (10, "Urumqi", "Урумчи", "Үрімжі", "CHN", "logistics_hub", 43.83, 87.62),
            (11, "Saksaulskaya", "Саксаульская", "Сексеуіл", "KAZ", "rail_junction", 47.08, 61.16),
            (12, "Bolashak", "Болашак", "Болашақ", "KAZ", "border_crossing", 41.06, 55.60),
            (13, "Bandar Abbas", "Бендер-Аббас", None, "IRN", "port", 27.18, 56.27),
            (14, "Novorossiysk", "Новороссийск", None, "RUS", "port", 44.72, 37.77),
            (15, "Atyrau", "Атырау", "Атырау", "KAZ", "city", 47.10, 51.92),
            (16, "Termez", "Термез", None, "UZB", "border_crossing", 37.22, 67.28),
        ]
        exm("INSERT INTO nodes (id, uid, name_en, name_ru, name_kk, country_iso3, kind, lat, lon) "
            "VALUES (?, 'syn_node_' || ?, ?, ?, ?, ?, ?, ?, ?)",
            [(nd[0], nd[0], *nd[1:]) for nd in nodes])
        segments = [
            (1, 1, 1, 3, "rail", "operational", 370.0), (2, 1, 3, 5, "rail", "operational", 2900.0),
            (3, 1, 5, 7, "sea", "operational", 450.0), (4, 1, 6, 7, "sea", "operational", 470.0),
            (5, 1, 7, 8, "rail", "operational", 830.0), (6, 2, 11, 12, "rail", "operational", 1200.0),
            (7, 2, 12, 13, "rail", "operational", 1850.0), (8, 3, 10, 2, "rail", "operational", 460.0),
            (9, 3, 2, 4, "rail", "operational", 1300.0), (10, 3, 1, 4, "road", "under_construction", 1600.0),
            (11, 4, 15, 14, "pipeline", "operational", 1510.0), (12, 5, 9, 16, "rail", "operational", 700.0),
            (13, 5, 3, 9, "rail", "planned", 800.0), (14, 2, 5, 13, "sea", "proposed", 1700.0),
        ]
        exm("INSERT INTO segments (id, uid, corridor_id, from_node_id, to_node_id, mode, status, length_km) "
            "VALUES (?, 'syn_segment_' || ?, ?, ?, ?, ?, ?, ?)", [(s[0], s[0], *s[1:]) for s in segments])
        projects = []
        pstat = [c for c, *_ in VOCAB["project_statuses"]]
        for j in range(1, 21):
            pid = bisect(p_cum, rng.random() * p_total) + 1
            projects.append((j, f"syn_project_{j:03d}", f"Synthetic project {j}", f"Синтетический проект {j}", pid,
                             rng.randint(1, len(corridors)), rng.randint(1, len(nodes)),
                             pstat[rng.randrange(len(pstat))]))
        exm("INSERT INTO projects (id, uid, name_en, name_ru, partner_id, corridor_id, node_id, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", projects)
        for table_kind, count in (("corridor", len(corridors)), ("node", len(nodes)), ("segment", len(segments)),
                                  ("project", len(projects))):
            record_sources += [(table_kind, k, src(), 0) for k in range(1, count + 1)]
        last_year = first_year + years - 1
        places = _extra_places(seed, n_nodes, corridors, nodes, len(segments), len(projects),
                               [p[2] for p in partners], p_cum, p_en, p_ru, first_year, last_year)
        _bulk_insert(conn, "corridors", "id, uid, name_en, name_ru, description_en, description_ru", places.corridors)
        _bulk_insert(conn, "nodes",
                     "id, uid, name_en, name_ru, name_kk, country_iso3, kind, lat, lon, note_en, note_ru", places.nodes)
        _bulk_insert(conn, "segments", "id, uid, corridor_id, from_node_id, to_node_id, mode, status, length_km, "
                     "note_en, note_ru", places.segments)
        _bulk_insert(conn, "projects", "id, uid, name_en, name_ru, partner_id, corridor_id, node_id, status, "
                     "description_en, description_ru", places.projects)
        place_rng = _kind_rng(seed, "place-sources")
        for table_kind, rows in (("corridor", places.corridors), ("node", places.nodes), ("segment", places.segments),
                                 ("project", places.projects)):
            record_sources += [(table_kind, r[0], place_rng.randrange(n_sources) + 1, 0) for r in rows]
        n_corridors_all, n_nodes_all = len(corridors) + len(places.corridors), len(nodes) + len(places.nodes)

        # trade figures, targets, facts
        trade, targets, facts = [], [], []
        trade_groups: list[tuple[int, int]] = []  # (kazakh row id, partner-side row id)
        tid = 0
        for pid in range(1, n_p + 1):
            weight = 1.0 / pid ** 0.9
            base = 30000.0 * weight * rng.uniform(0.05, 0.3)
            growth = rng.uniform(1.02, 1.12)
            share = rng.uniform(0.2, 0.8)
            for y in year_list:
                t = base * growth ** (y - first_year) * rng.uniform(0.8, 1.2)
                ex_ = t * share * rng.uniform(0.9, 1.1)
                ex_ = min(ex_, t)
                tid += 1
                trade.append((tid, f"syn_trade_{tid:06d}", pid, y, "FY", round(t, 1), round(ex_, 1),
                              round(t - ex_, 1), "kazakh", "exact" if rng.random() < 0.9 else "approx"))
                kz_id = tid
                if pid <= 40 and rng.random() < 0.2:
                    tid += 1
                    t2 = t * rng.uniform(0.85, 1.15)
                    trade.append((tid, f"syn_trade_{tid:06d}", pid, y, "FY", round(t2, 1), None, None,
                                  "partner", "approx"))
                    if len(trade_groups) < 30 and rng.random() < 0.5:
                        trade_groups.append((kz_id, tid))
                if pid <= _FOCUS and y >= last_year - 4:
                    tid += 1
                    trade.append((tid, f"syn_trade_{tid:06d}", pid, y, "H1", round(t * 0.48, 1),
                                  round(ex_ * 0.48, 1), round((t - ex_) * 0.48, 1), "kazakh", "exact"))
            current = base * growth ** (last_year - first_year)
            for k in range(rng.randint(1, 3)):
                gid = len(targets) + 1
                stated = rng.randint(max(first_year, last_year - 10), last_year)
                if rng.random() < 0.75:
                    targets.append((gid, f"syn_target_{gid:05d}", pid, "trade_turnover",
                                    round(current * rng.uniform(1.3, 3.0), 0), None,
                                    stated + rng.randint(2, 8), None, None, f"{stated:04d}-{rng.randint(1, 12):02d}",
                                    "President of Kazakhstan", "Президент Казахстана"))
                else:
                    targets.append((gid, f"syn_target_{gid:05d}", pid, ("exports", "trade_turnover")[k % 2], None,
                                    2.0, None, "in the coming years", "в ближайшие годы", f"{stated:04d}",
                                    "Prime Minister of Kazakhstan", "Премьер-министр Казахстана"))
            for m in range(rng.randint(0, 3)):
                fid = len(facts) + 1
                code = METRICS[(pid + m) % len(METRICS)][0]
                if code == "partnership_status":
                    value, num = "strategic partnership", None
                elif code == "diplomatic_relations":
                    value, num = f"{rng.randint(1992, 1995)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", None
                else:
                    num = float(rng.randint(10, 5000))
                    value = f"{num:.0f}"
                facts.append((fid, f"syn_fact_{fid:05d}", pid, None, code, value, num, "exact", None,
                              str(rng.randint(last_year - 5, last_year))))
        del facts[n_facts:]  # --facts counts these too
        exm("INSERT INTO trade_figures (id, uid, partner_id, year, period, turnover_usd_m, exports_usd_m, "
            "imports_usd_m, statistics, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", trade)
        exm("INSERT INTO targets (id, uid, partner_id, metric, value_usd_m, multiplier, horizon_year, "
            "horizon_note_en, horizon_note_ru, stated_on, stated_by_en, stated_by_ru) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", targets)
        exm("INSERT INTO facts (id, uid, partner_id, corridor_id, metric, value, value_num, qualifier, unit, as_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts)
        record_sources += [("trade", r[0], src(), 0) for r in trade]
        record_sources += [("target", r[0], src(), 0) for r in targets]
        record_sources += [("fact", r[0], src(), 0) for r in facts]
        exm("INSERT INTO record_sources (record_type, record_id, source_id, position) VALUES (?, ?, ?, ?)",
            record_sources)
        record_sources = []
        conn.execute("COMMIT")

        # ---- events
        ev_cum = _cum([k[1] for k in _EVENT_KINDS])
        ev_date: list[str] = [""]  # 1-based
        ev_partners: list[tuple[int, ...]] = [()]
        ev_city: list[int] = [0]
        events, event_partners = [], []
        n_event_groups = min(5, n_events // 10)
        event_dup = {(g + 1) * (n_events // (n_event_groups + 1)): g + 1 for g in range(n_event_groups)}
        conflict_groups: list[tuple[int, str, str]] = []
        conflict_members: list[tuple] = []
        for eid in range(1, n_events + 1):
            if eid in event_dup and eid > 1:
                # The same event as reported by a second source, with a coarser date.
                prev = events[-1]
                date_start = prev[3][:7]
                events.append((eid, f"syn_event_{eid:06d}", prev[2], date_start, None, *prev[5:]))
                ev_date.append(date_start)
                ev_partners.append(ev_partners[-1])
                ev_city.append(ev_city[-1])
                event_partners += [(eid, pid, pos) for pos, pid in enumerate(ev_partners[-1])]
                record_sources.append(("event", eid, src(), 0))
                gid = len(conflict_groups) + 1
                conflict_groups.append((gid, f"syn_conflict_event_{gid}", "event"))
                conflict_members.append((gid, "event", eid - 1, 1, "Official source with the exact date",
                                         "Официальный источник с точной датой"))
                conflict_members.append((gid, "event", eid, 0, "Press report with the month only",
                                         "Сообщение прессы, только месяц"))
                continue
            kind_i = bisect(ev_cum, rng.random() * ev_cum[-1])
            kind, _, t_en, t_ru = _EVENT_KINDS[kind_i]
            year = year_list[bisect(year_cum, rng.random() * year_cum[-1])]
            roll = rng.random()
            month, day = rng.randint(1, 12), rng.randint(1, 25)
            if roll < 0.9:
                date_start = f"{year:04d}-{month:02d}-{day:02d}"
                date_end = f"{year:04d}-{month:02d}-{day + rng.randint(0, 3):02d}" if rng.random() < 0.6 else None
            elif roll < 0.98:
                date_start, date_end = f"{year:04d}-{month:02d}", None
            else:
                date_start, date_end = f"{year:04d}", None
            k = 1 if kind != "summit" else rng.randint(2, 4)
            pids: list[int] = []
            while len(pids) < k:
                pid = bisect(p_cum, rng.random() * p_total) + 1
                if pid not in pids:
                    pids.append(pid)
            city = rng.randrange(len(_CITIES))
            names_en = ", ".join(p_en[p - 1] for p in pids)
            names_ru = ", ".join(p_ru[p - 1] for p in pids)
            c_en, c_ru = _CITIES[city]
            signed = rng.randint(0, 12)
            summary_en = (f"During the visit {signed} documents were signed. The parties discussed cooperation "
                          f"in trade, transport and energy and agreed on the next meeting in {c_en}.")
            summary_ru = (f"В ходе визита подписано документов: {signed}. Стороны обсудили сотрудничество "
                          f"в торговле, транспорте и энергетике и договорились о следующей встрече в {c_ru}.")
            if eid % TRANSLIT_EVERY == 0:
                summary_ru += _EVENT_TRANSLIT_RU
            events.append((eid, f"syn_event_{eid:06d}", kind, date_start, date_end, c_en, c_ru,
                           t_en.format(p=names_en, c=c_en), t_ru.format(p=names_ru, c=c_ru),
                           summary_en, summary_ru, signed))
            ev_date.append(date_start)
            ev_partners.append(tuple(pids))
            ev_city.append(city)
            event_partners += [(eid, pid, pos) for pos, pid in enumerate(pids)]
            record_sources.append(("event", eid, src(), 0))
        ev_cols = ("id, uid, kind, date_start, date_end, place_en, place_ru, title_en, title_ru, summary_en, "
                   "summary_ru, documents_signed")
        ex(f"CREATE TEMP TABLE events_stage AS SELECT {ev_cols} FROM events WHERE 0")
        conn.execute("BEGIN")
        # The partner links before their records (foreign keys checked at COMMIT): the full-text trigger
        # then writes each record's country terms with its row, rather than re-writing the row per link.
        ex("PRAGMA defer_foreign_keys = ON")
        exm("INSERT INTO event_partners (event_id, partner_id, position) VALUES (?, ?, ?)", event_partners)
        exm(f"INSERT INTO temp.events_stage ({ev_cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
        ex(f"INSERT INTO events ({ev_cols}) SELECT {ev_cols} FROM temp.events_stage ORDER BY id")
        exm("INSERT INTO record_sources (record_type, record_id, source_id, position) VALUES (?, ?, ?, ?)",
            record_sources)
        conn.execute("COMMIT")
        ex("DROP TABLE temp.events_stage")
        del events, event_partners
        record_sources = []

        # ---- agreements
        ctx = _AgreementContext(
            n=n, n_events=n_events, ev_partners=ev_partners, ev_date=ev_date, ev_city=ev_city,
            p_cum=p_cum, p_en=p_en, p_ru=p_ru, p_kk=p_kk, year_list=year_list, year_cum=year_cum,
            first_year=first_year, n_sources=n_sources, n_corridors=n_corridors_all, n_nodes=n_nodes_all,
            first_group_id=len(conflict_groups) + 1,
        )
        cols = ("id, uid, event_id, date_signed, title_en, title_ru, title_kk, summary_en, summary_ru, "
                "doc_type, level, status, doc_count")
        shapes = _index_text_shapes(conn, "agreements", cols.split(", "))
        batches: Iterator[tuple[Batch, list[tuple[str, ...]] | None]]
        if parallel is None:
            parallel = n >= 50_000
        if parallel and shapes:
            batches = _from_child(rng, ctx, shapes)
        else:
            batches = ((batch, None) for batch in _agreement_batches(rng, ctx))
        # The trigger's atlas_index_text: texts computed by the child are looked up, anything else is
        # computed here; either way the value is desktop.core.text.index_text's.
        pending: dict[tuple, str] = {}

        def atlas_index_text(*texts: str | None) -> str:
            found = pending.get(texts)
            return found if found is not None else cached_index_text(*texts)

        conn.create_function("atlas_index_text", -1, atlas_index_text, deterministic=True)

        # Rows go to a staging table first and then into agreements with one INSERT ... SELECT per batch:
        # the full-text trigger still fills the index row by row, but FTS5 keeps its pending terms in
        # memory for the whole statement instead of flushing them at every single-row statement.
        ex(f"CREATE TEMP TABLE agreements_stage AS SELECT {cols} FROM agreements WHERE 0")
        insert_stage = f"INSERT INTO temp.agreements_stage ({cols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        insert_agreements = f"INSERT INTO agreements ({cols}) SELECT {cols} FROM temp.agreements_stage ORDER BY id"
        done = 0
        for (agreements, a_partners, a_sectors, a_sources, a_places, groups, members), texts in batches:
            if texts is not None:
                for row, values in zip(agreements, texts, strict=True):
                    for shape, value in zip(shapes, values, strict=True):
                        pending[tuple(row[i] for i in shape)] = value
            conn.execute("BEGIN")
            ex("PRAGMA defer_foreign_keys = ON")  # (links first, as for events)
            exm("INSERT INTO agreement_partners (agreement_id, partner_id, position) VALUES (?, ?, ?)", a_partners)
            exm(insert_stage, agreements)
            ex(insert_agreements)
            ex("DELETE FROM temp.agreements_stage")
            exm("INSERT INTO agreement_sectors (agreement_id, sector) VALUES (?, ?)", a_sectors)
            exm("INSERT INTO record_sources (record_type, record_id, source_id, position) VALUES (?, ?, ?, ?)",
                a_sources)
            exm("INSERT INTO record_places (record_type, record_id, corridor_id, node_id) VALUES (?, ?, ?, ?)",
                a_places)
            conn.execute("COMMIT")
            pending.clear()
            conflict_groups += groups
            conflict_members += members
            done += len(agreements)
            if progress:
                print(f"  {done:>9,} agreements  {time.perf_counter() - started:6.1f} s", file=sys.stderr, flush=True)

        conn.create_function("atlas_index_text", -1, cached_index_text, deterministic=True)

        # ---- the other kinds' extra rows: aliases, mechanisms, targets, trade figures, facts
        conn.execute("BEGIN")
        _bulk_insert(conn, "aliases", "id, uid, group_id, name, lang, kind, note_en",
                     _alias_rows(seed, [p[2] for p in partners], places))
        people = _People(seed=seed, n=n, n_facts=n_facts, first_fact=len(facts) + 1, p_cum=p_cum, p_en=p_en,
                         p_ru=p_ru, first_year=first_year, last_year=last_year, n_sources=n_sources, places=places)
        for table, (cols, rows) in _extra_records(people, len(trade), len(targets)).items():
            if table == "record_sources":
                exm("INSERT INTO record_sources (record_type, record_id, source_id, position) "
                    "VALUES (?, ?, ?, ?)", rows)
            else:
                _bulk_insert(conn, table, cols, rows)
        conn.execute("COMMIT")
        for fact_rows, fact_sources in _extra_facts(people):
            conn.execute("BEGIN")
            _bulk_insert(conn, "facts", "id, uid, partner_id, corridor_id, metric, value, value_num, qualifier, unit, "
                         "as_of, note_en, note_ru", fact_rows)
            exm("INSERT INTO record_sources (record_type, record_id, source_id, position) VALUES (?, ?, ?, ?)",
                fact_sources)
            conn.execute("COMMIT")
            if progress:
                print(f"  {fact_rows[-1][0]:>9,} facts  {time.perf_counter() - started:6.1f} s", file=sys.stderr,
                      flush=True)
        conn.create_function("atlas_index_text", -1, index_text, deterministic=True)

        # ---- conflict groups (trade pairs too), documents_signed from the linked agreements
        for kz_id, partner_id in trade_groups:
            gid = len(conflict_groups) + 1
            conflict_groups.append((gid, f"syn_conflict_trade_{gid}", "trade"))
            conflict_members.append((gid, "trade", kz_id, 1, "National statistics of Kazakhstan",
                                     "Национальная статистика Казахстана"))
            conflict_members.append((gid, "trade", partner_id, 0, "Partner-side statistics",
                                     "Статистика страны-партнёра"))
        conn.execute("BEGIN")
        exm("INSERT INTO conflict_groups (id, uid, record_type) VALUES (?, ?, ?)", conflict_groups)
        exm("INSERT INTO conflict_members (group_id, record_type, record_id, is_preferred, reason_en, reason_ru) "
            "VALUES (?, ?, ?, ?, ?, ?)", conflict_members)
        ex("UPDATE events SET documents_signed = (SELECT count(*) FROM agreements a WHERE a.event_id = events.id) "
           "WHERE id IN (SELECT event_id FROM agreements WHERE event_id IS NOT NULL)")
        conn.execute("COMMIT")

        if progress:
            print(f"  rows written in {time.perf_counter() - started:.1f} s; optimizing the index", file=sys.stderr,
                  flush=True)
        for fts in _fts_tables(conn):
            ex(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
        _fts_config(conn, _FTS_DEFAULT_CONFIG)
        ex("DROP TABLE temp.agreements_stage")
        if progress:
            print(f"  index optimized at {time.perf_counter() - started:.1f} s; ANALYZE", file=sys.stderr, flush=True)
        ex("ANALYZE")
        ex("PRAGMA journal_mode = WAL")
        ex("PRAGMA synchronous = NORMAL")
    except BaseException:
        db.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    db.close()
    if progress:
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.synthetic", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the new database file (must not exist unless --force)")
    ap.add_argument("--agreements", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--partners", type=int, default=190)
    ap.add_argument("--first-year", type=int, default=1991)
    ap.add_argument("--years", type=int, default=35)
    ap.add_argument("--events", type=int, help="events (default: as many as agreements)")
    ap.add_argument("--facts", type=int, help="facts (default: twice the agreements)")
    ap.add_argument("--nodes", type=int, help="places (default: a fifth of the agreements)")
    ap.add_argument("--force", action="store_true", help="replace an existing file")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.force:
        for leftover in (args.out, Path(f"{args.out}-wal"), Path(f"{args.out}-shm")):
            leftover.unlink(missing_ok=True)
    t0 = time.perf_counter()
    generate(args.out, args.agreements, seed=args.seed, n_partners=args.partners, first_year=args.first_year,
             years=args.years, progress=not args.quiet, n_events=args.events, n_facts=args.facts, n_nodes=args.nodes)
    elapsed = time.perf_counter() - t0
    size = args.out.stat().st_size / 2**20
    print(f"{args.out}: {args.agreements:,} agreements, seed {args.seed}, {size:.1f} MiB, {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
