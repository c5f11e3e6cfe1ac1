"""Aliases: other names of the same thing, kept as data (issue 17).

An alias group ties names that mean one thing: a country's names in several languages, a city's
former names, an organisation's abbreviations, British and American spellings, a small domain
thesaurus. The curated rows come from ``db/seed/aliases.csv``; the names of every country the data
names are added by the seed build from pycountry's translations (:func:`country_names`).

The ``alias_terms`` table holds the index terms of each name (folded words, stems, transliteration
keys: ``desktop.core.text.terms_of``), kept by triggers, so that :func:`expansions` finds the groups
named in a query with one indexed query.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from desktop.core.text import QueryWord, fold_word, query_words, raw_words, stem_word, word_keys

if TYPE_CHECKING:
    import gettext

# (the kinds of alias and which need a source: desktop.core.validation, shared by the build and the form)
# Languages of the country names taken from pycountry, besides English.
COUNTRY_NAME_LANGUAGES = ("ru", "kk", "tr", "az", "tk")
COUNTRY_NAMES_SOURCE = "src_pycountry_country_names"


class Expansion(NamedTuple):
    """An alias group named in a query: the query words it covers, ``query_words(text)[start:end]``,
    the name that matched them, and the group's other names as word lists, as written (one list per
    name whose folded words differ from the matched name's and from each other's)."""

    group_id: str
    start: int
    end: int
    matched: str
    alternatives: tuple[tuple[str, ...], ...]


class Alias(NamedTuple):
    id: int
    uid: str
    group_id: str
    name: str
    lang: str | None
    kind: str
    note_en: str | None
    source_uids: tuple[str, ...]


class CountryName(NamedTuple):
    name: str
    lang: str
    note_en: str


class _Word(NamedTuple):
    """What one word of a name or of a query is compared by."""

    folded: str
    stem: str
    keys: tuple[str, ...]


def _word(raw: str) -> _Word:
    folded = fold_word(raw)
    return _Word(folded, stem_word(folded), word_keys(raw))


def _query_word(word: QueryWord) -> _Word:
    return _Word(word.text, stem_word(word.text), word.keys)


def _same(a: _Word, b: _Word) -> bool:
    """Whether a query word names an alias word: the same folded word, the same stem (word forms:
    "agreements", "соглашений"), or a transliteration key in common (Latin and Cyrillic spellings)."""
    return a.folded == b.folded or a.stem == b.stem or not set(a.keys).isdisjoint(b.keys)


def folded_words(name: str) -> tuple[str, ...]:
    """The folded words of a name: "Nur-Sultan" -> ("nur", "sultan")."""
    return tuple(fold_word(w) for w in raw_words(name))


def _lookup_terms(words: list[_Word]) -> list[str]:
    terms: set[str] = set()
    for w in words:
        terms.update(t for t in (w.folded, w.stem, *w.keys) if t)
    return sorted(terms)


def expansions(conn: sqlite3.Connection, text: str | None,
               words: Sequence[QueryWord] | None = None) -> list[Expansion]:
    """The alias groups whose names occur in a query as whole words, in query order.

    Each names the span of ``query_words(text)`` it covers ("Nur-Sultan", "nur sultan", "Нур-Султан"
    cover two words, "SOCAR" one) and the group's other names (folded word lists), for the caller to
    search as phrases beside the typed words. One indexed query finds the candidate names, one more
    the names of the groups found. ``words``: the query's words as the search reads them
    (desktop.data.wordforms: "Түркиямен" as "Түркия"), ``query_words(text)`` when not given.
    """
    qwords = [_query_word(w) for w in (query_words(text) if words is None else words)]
    if not qwords:
        return []
    terms = _lookup_terms(qwords)
    marks = ",".join("?" * len(terms))
    candidates = conn.execute(
        f"SELECT DISTINCT a.id, a.group_id, a.name FROM alias_terms t JOIN aliases a ON a.id = t.alias_id "
        f"WHERE t.term IN ({marks}) ORDER BY a.id", terms).fetchall()
    found: dict[tuple[str, int, int], tuple[int, str]] = {}
    for alias_id, group_id, name in candidates:
        name_words = [_word(w) for w in raw_words(name)]
        n = len(name_words)
        if not n or n > len(qwords):
            continue
        for start in range(len(qwords) - n + 1):
            if all(_same(qwords[start + i], name_words[i]) for i in range(n)):
                found.setdefault((group_id, start, start + n), (alias_id, name))
    if not found:
        return []
    groups = sorted({g for g, _, _ in found})
    names: dict[str, list[tuple[int, str]]] = {}
    for alias_id, group_id, name in conn.execute(
            f"SELECT id, group_id, name FROM aliases WHERE group_id IN ({','.join('?' * len(groups))}) ORDER BY id",
            groups):
        names.setdefault(group_id, []).append((alias_id, name))
    out: list[Expansion] = []
    in_query_order = sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0]))  # (start, end, group)
    for (group_id, start, end), (alias_id, matched) in in_query_order:
        seen = {folded_words(matched)}
        alternatives: list[tuple[str, ...]] = []
        for other_id, other in names.get(group_id, []):
            other_words = folded_words(other)
            if other_id != alias_id and other_words and other_words not in seen:
                seen.add(other_words)
                # As written: whether a word is Kazakh (left unstemmed) is decided on its letters.
                alternatives.append(tuple(raw_words(other)))
        out.append(Expansion(group_id, start, end, matched, tuple(alternatives)))
    return out


def all_aliases(conn: sqlite3.Connection) -> list[Alias]:
    """Every alias with the uids of its sources, by group and then as entered."""
    sources: dict[int, list[str]] = {}
    for record_id, uid in conn.execute(
            "SELECT rs.record_id, s.uid FROM record_sources rs JOIN sources s ON s.id = rs.source_id "
            "WHERE rs.record_type = 'alias' ORDER BY rs.record_id, rs.position"):
        sources.setdefault(record_id, []).append(uid)
    return [Alias(alias_id, uid, group_id, name, lang, kind, note_en, tuple(sources.get(alias_id, ())))
            for alias_id, uid, group_id, name, lang, kind, note_en in conn.execute(
                "SELECT id, uid, group_id, name, lang, kind, note_en FROM aliases ORDER BY group_id, id")]


@cache
def _country_translation(lang: str) -> gettext.NullTranslations:
    import gettext  # (not on the window's start path: only the seed build asks for country names)

    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_names(iso3: str) -> list[CountryName]:
    """A country's names from pycountry (iso-codes): in English its name, common name and official
    name, and their translations in COUNTRY_NAME_LANGUAGES (an untranslated name is not repeated).
    Empty for an unknown code."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    english: list[tuple[str, str]] = []  # (name, which name it is)
    for attr, note in (("name", "name"), ("common_name", "common name"), ("official_name", "official name")):
        name = getattr(country, attr, None)
        if isinstance(name, str) and name:
            english.append((name, note))
    out = [CountryName(n, "en", f"ISO 3166 {note} (pycountry)") for n, note in english]
    for lang in COUNTRY_NAME_LANGUAGES:
        translation = _country_translation(lang)
        for name, note in english:
            translated = translation.gettext(name)
            if translated and translated != name:
                out.append(CountryName(translated, lang, f"ISO 3166 {note}, {lang} translation (pycountry)"))
    return out
