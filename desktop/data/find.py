"""Find anything: one search over every kind of record, grouped by kind (issue 17).

Each kind has its own FTS5 table (``agreements_fts``, ``events_fts`` and the ``*_fts`` tables of
:data:`desktop.data.migrations.FIND_INDEX`) with a high-weighted ``name``/``title`` column and a
``body`` column, both holding the terms of :func:`desktop.core.text.index_text`.

A query is built from the typed words (:func:`desktop.core.text.query_words`): each word is the
group ``("prefix"* OR "key")`` (its word-form prefix, or its transliteration key), and the groups are
AND-ed. Where alias data (:func:`desktop.data.aliases.expansions`) names the words of a span of the
query (say "Nur-Sultan"), the other names of that group are OR-ed in for those words.

Shapes follow shared/design/PERFORMANCE.md: each kind is counted separately by its own FTS5 table; a
small match set (up to :data:`RANK_LIMIT`) is ranked — the exact phrase first, then all the words,
then prefixes, aliases and transliteration keys; within a tier bm25 with names above bodies, then
newer above older — and a large one is taken newest first by date, which costs no ranking of
every row. Counting and the large shapes run on the expression with each typed prefix expanded
into the exact terms of that kind's index that begin with it (an FTS5 prefix query of more than
three letters merges every matching term's doclist each time it is run, and once per probe in a
correlated query): a dense large set walks the date index newest first with a correlated probe
per row, a sparse one is taken as a set of ids that the date-ordered walk checks; measured by
tests/benchmarks/bench_find.py. Non-preferred members of conflict groups are found too, flagged, and lead to the
preferred member of their group. Any input is safe: a query that holds no word finds nothing.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from desktop.core.text import (
    KEY_PREFIX,
    QueryWord,
    country_term,
    fold_word,
    query_words,
    raw_words,
    terms_of,
    word_keys,
)
from desktop.data.aliases import Expansion, expansions
from desktop.data.database import Cancelled, Database
from desktop.data.wordforms import read_query

# Up to this many matches of a kind are ranked; more are taken newest first.
RANK_LIMIT = 1000
# The Find box counts each kind's matches up to this many ("10,000+" beyond).
COUNT_CAP = 10_000
# A large match set holding at least this share of its kind's rows is walked newest first with a correlated
# probe per row (about limit / share probes); a sparser one is read once as a set of ids.
_DENSE_SHARE = 0.2
# Prefixes of up to this many letters use the index's own prefix index ('2 3'); longer ones are expanded
# into at most _EXPAND_MAX exact terms (more are left to FTS5).
_INDEXED_PREFIX = 3
_EXPAND_MAX = 64
# A quoted prefix term of a MATCH expression, and the NEAR groups (whose terms must stay phrases).
_PREFIX_TERM = re.compile(r'(?<![^\s(])"((?:[^"]|"")+)"\*')
_NEAR_GROUP = re.compile(r"NEAR\([^)]*\)")
# bm25 weights of the (name, body) columns: a word in a name or title counts four times as much.
_WEIGHTS = "4.0, 1.0"
_SNIPPET_BEFORE = 6  # words shown before the first match
_SNIPPET_AFTER = 14  # and after it
_MATCHED_TERMS_MAX = 8
_SUGGESTIONS_MAX = 3
_ALIAS_PREFIX_MIN = 3  # shorter words of an alias name are not marked in snippets on their own
_SUGGESTION_SCORE = 70.0  # rapidfuzz ratio (0-100) a suggested term must reach
# A word of a record's text as the index sees it: a number in groups of three digits ("12 000") is one.
_WORD = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009,]\d{3})+(?!\d)|[^\W_]+", re.UNICODE)
_FIRST_IN_GROUP = ("(SELECT p.record_id FROM conflict_members p WHERE p.group_id = cm.group_id "
                   "AND p.is_preferred = 1)")


class _Kind(NamedTuple):
    """How one kind of record is searched and shown (SQL expressions on alias ``r``)."""

    kind: str
    table: str
    fts: str
    date: str  # the date that orders large match sets, newest first
    labels: str  # label_en, label_ru, label_kk
    partners: str  # ISO3 codes, ';'-separated
    partner_filter: str  # a condition with the parameter :iso3
    texts: tuple[str, ...]  # the original texts, for snippets: names first


def _partner_codes(link_table: str, column: str) -> str:
    return (f"(SELECT group_concat(iso3, ';') FROM (SELECT p.iso3 FROM {link_table} x JOIN partners p "
            f"ON p.id = x.partner_id WHERE x.{column} = r.id ORDER BY x.position))")


def _linked_to(link_table: str, column: str) -> str:
    return (f"r.id IN (SELECT x.{column} FROM {link_table} x JOIN partners p ON p.id = x.partner_id "
            "WHERE p.iso3 = :iso3)")


_OWN_PARTNER = "(SELECT p.iso3 FROM partners p WHERE p.id = r.partner_id)"
_OWN_PARTNER_FILTER = "r.partner_id = (SELECT p.id FROM partners p WHERE p.iso3 = :iso3)"
_PARTNER_NAME = "(SELECT coalesce(p.name_{l}, p.name_en) FROM partners p WHERE p.id = r.partner_id)"
_METRIC_NAME = "(SELECT m.name_{l} FROM metrics m WHERE m.code = r.metric)"
_NODE_NAME = "(SELECT coalesce(n.name_{l}, n.name_en) FROM nodes n WHERE n.id = r.{end})"
_SEGMENT_COUNTRIES = "SELECT n.country_iso3 FROM nodes n WHERE n.id IN (r.from_node_id, r.to_node_id)"
_CORRIDOR_COUNTRIES = ("SELECT DISTINCT n.country_iso3 FROM segments s JOIN nodes n "
                       "ON n.id IN (s.from_node_id, s.to_node_id) WHERE s.corridor_id = r.id")


def _both(template: str, **kw: str) -> tuple[str, str]:
    return template.format(l="en", **kw), template.format(l="ru", **kw)


def _three(template: str, **kw: str) -> tuple[str, str, str]:
    return template.format(l="en", **kw), template.format(l="ru", **kw), template.format(l="kk", **kw)


def _trade_label(lang: str) -> str:
    return (f"{_PARTNER_NAME.format(l=lang)} || ', ' || r.year || "
            "CASE WHEN r.period = 'FY' THEN '' ELSE ' ' || r.period END")


def _target_label(lang: str) -> str:
    return (f"{_PARTNER_NAME.format(l=lang)} || ', ' || coalesce({_METRIC_NAME.format(l=lang)}, r.metric) || "
            "coalesce(', ' || r.horizon_year, '')")


KINDS: tuple[_Kind, ...] = (
    _Kind("agreement", "agreements", "agreements_fts", "r.date_signed", "r.title_en, r.title_ru, r.title_kk",
          _partner_codes("agreement_partners", "agreement_id"), _linked_to("agreement_partners", "agreement_id"),
          ("r.title_en", "r.title_ru", "r.title_kk", "r.summary_en", "r.summary_ru")),
    _Kind("event", "events", "events_fts", "r.date_start", "r.title_en, r.title_ru, NULL",
          _partner_codes("event_partners", "event_id"), _linked_to("event_partners", "event_id"),
          ("r.title_en", "r.title_ru", "r.summary_en", "r.summary_ru", "r.place_en", "r.place_ru")),
    _Kind("fact", "facts", "facts_fts", "r.as_of",
          "{} || ': ' || r.value, {} || ': ' || coalesce(r.value_ru, r.value), "
          "{} || ': ' || coalesce(r.value_kk, r.value)".format(*_three(_METRIC_NAME)),
          _OWN_PARTNER, _OWN_PARTNER_FILTER,
          ("r.value", "r.value_ru", "r.value_kk", *_three(_METRIC_NAME), "r.note_en", "r.note_ru", "r.unit")),
    _Kind("node", "nodes", "nodes_fts", "NULL", "r.name_en, r.name_ru, r.name_kk", "r.country_iso3",
          "r.country_iso3 = :iso3", ("r.name_en", "r.name_ru", "r.name_kk", "r.note_en", "r.note_ru")),
    _Kind("corridor", "corridors", "corridors_fts", "NULL", "r.name_en, r.name_ru, r.name_kk",
          f"(SELECT group_concat(country_iso3, ';') FROM ({_CORRIDOR_COUNTRIES} ORDER BY 1))",
          f":iso3 IN ({_CORRIDOR_COUNTRIES})",
          ("r.name_en", "r.name_ru", "r.name_kk", "r.description_en", "r.description_ru", "r.description_kk")),
    _Kind("segment", "segments", "segments_fts", "NULL",
          ", ".join(f"{_NODE_NAME.format(l=lang, end='from_node_id')} || ' – ' || "
                    f"{_NODE_NAME.format(l=lang, end='to_node_id')}" for lang in ("en", "ru", "kk")),
          f"(SELECT group_concat(country_iso3, ';') FROM (SELECT DISTINCT country_iso3 FROM ({_SEGMENT_COUNTRIES}) "
          "ORDER BY 1))",
          f":iso3 IN ({_SEGMENT_COUNTRIES})",
          (*_three(_NODE_NAME, end="from_node_id"), *_three(_NODE_NAME, end="to_node_id"), "r.note_en", "r.note_ru")),
    _Kind("project", "projects", "projects_fts", "NULL", "r.name_en, r.name_ru, NULL", _OWN_PARTNER,
          _OWN_PARTNER_FILTER, ("r.name_en", "r.name_ru", "r.description_en", "r.description_ru")),
    _Kind("trade", "trade_figures", "trade_fts", "CAST(r.year AS TEXT)",
          f"{_trade_label('en')}, {_trade_label('ru')}, {_trade_label('kk')}", _OWN_PARTNER, _OWN_PARTNER_FILTER,
          ("CAST(r.year AS TEXT)", "r.period", "r.note_en", "r.note_ru")),
    _Kind("target", "targets", "targets_fts", "r.stated_on",
          f"{_target_label('en')}, {_target_label('ru')}, {_target_label('kk')}", _OWN_PARTNER, _OWN_PARTNER_FILTER,
          ("r.stated_by_en", "r.stated_by_ru", "r.horizon_note_en", "r.horizon_note_ru", "r.note_en", "r.note_ru")),
    _Kind("mechanism", "mechanisms", "mechanisms_fts", "r.established", "r.name_en, r.name_ru, r.name_kk",
          _OWN_PARTNER, _OWN_PARTNER_FILTER, ("r.name_en", "r.name_ru", "r.name_kk", "r.note_en", "r.note_ru")),
    _Kind("partner", "partners", "partners_fts", "NULL", "r.name_en, r.name_ru, r.name_kk", "r.iso3",
          "r.iso3 = :iso3", ("r.name_en", "r.name_ru", "r.name_kk", "r.iso3")),
    _Kind("source", "sources", "sources_fts", "r.published",
          "CASE WHEN coalesce(r.language, 'en') NOT IN ('ru', 'kk') THEN coalesce(r.title, r.url) END, "
          "CASE WHEN r.language = 'ru' THEN r.title END, CASE WHEN r.language = 'kk' THEN r.title END",
          "NULL",
          "r.id IN (SELECT rs.source_id FROM record_sources rs WHERE rs.record_type = 'agreement' AND rs.record_id IN "
          "(SELECT x.agreement_id FROM agreement_partners x JOIN partners p ON p.id = x.partner_id "
          "WHERE p.iso3 = :iso3) "
          "OR rs.record_type = 'event' AND rs.record_id IN (SELECT x.event_id FROM event_partners x "
          "JOIN partners p ON p.id = x.partner_id WHERE p.iso3 = :iso3))",
          ("r.title", "r.publisher")),
)
KIND_NAMES: tuple[str, ...] = tuple(k.kind for k in KINDS)
_BY_NAME = {k.kind: k for k in KINDS}
# Kinds that can sit in conflict groups (the others are never alternatives).
_CONFLICT_KINDS = frozenset(KIND_NAMES) - {"source"}


class Hit(NamedTuple):
    """One record found: what it is, what it is called, and why it matched."""

    kind: str
    record_id: int
    uid: str
    label_en: str | None
    label_ru: str | None
    label_kk: str | None
    partners: tuple[str, ...]  # ISO3 codes
    date: str | None
    preferred: bool  # False: another source's value in a conflict group
    preferred_id: int  # the record this hit leads to: itself, or its group's preferred member
    snippet: str  # a short text around the first match, matched words marked « »
    matched_terms: tuple[str, ...]  # the words of the record that matched, as written there


@dataclass(frozen=True)
class FindGroup:
    """One kind's matches. (A dataclass: a named tuple's ``count`` field would hide ``tuple.count``.)"""

    kind: str
    count: int  # every match of this kind (hits holds the first few); at least this many when ``more``
    hits: list[Hit]
    more: bool = False  # counting stopped at the cap: there are more than ``count`` (shown "10,000+")


class AliasVariant(NamedTuple):
    """Alias data applied to a query: the typed words it covers and the other names OR-ed in."""

    words: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...]
    country: str | None = None  # the ISO3 code when the words name a country: its records are found too


class QueryPlan(NamedTuple):
    """What a query was expanded to (``search --variants`` prints it)."""

    words: tuple[QueryWord, ...]
    aliases: tuple[AliasVariant, ...]
    expression: str | None  # the FTS5 MATCH expression; None when the query holds no word
    phrase: str | None  # the exact phrase (or the exact word), ranked first
    all_words: str | None  # every typed word as a whole word or word form, ranked second


class FindResult(NamedTuple):
    groups: list[FindGroup]  # in KIND_NAMES order, kinds with no match left out
    suggestions: list[str]  # when nothing matched: the closest words of the index, as written
    plan: QueryPlan

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)


def _quote(term: str) -> str:
    """A term as an FTS5 string (terms hold letters and digits only; a quote is doubled anyway)."""
    return '"' + term.replace('"', '""') + '"'


def _word_group(word: QueryWord) -> str:
    """``("prefix"* OR "key")``: the word's forms by prefix, or its transliteration keys. A number is
    itself only: "20" does not find 2024."""
    if word.text.isdigit():
        return _quote(word.text)
    parts = [f"{_quote(word.prefix)}*", *(_quote(k) for k in word.keys)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _near(terms: Sequence[str], per_word_extra: int = 2) -> str:
    """Words next to each other in the index text (each word may be followed by its stem and its key)."""
    if len(terms) == 1:
        return terms[0]
    return f"NEAR({' '.join(terms)}, {per_word_extra * (len(terms) - 1)})"


def _alternative(words: Sequence[str]) -> str | None:
    """One alias name (folded words) as an FTS5 phrase of word-form prefixes."""
    groups = [_quote(w.text) if w.text.isdigit() else f"{_quote(w.prefix)}*" for w in query_words(" ".join(words))]
    if not groups:
        return None
    return _near(groups)


def _country_of(group_id: str) -> str | None:
    """The ISO3 code of a country's alias group ("country_tur" -> "TUR"; the seed build names them so)."""
    code = group_id[len("country_"):] if group_id.startswith("country_") else ""
    return code.upper() if len(code) == 3 and code.isascii() and code.isalpha() else None


def _exact_terms(word: QueryWord) -> list[str]:
    """The index terms that hold the typed word itself: its folded form and its stem."""
    return [t for t in terms_of(word.text) if not t.startswith(KEY_PREFIX)]


class Finder:
    """Runs "find anything" queries on one database connection."""

    def __init__(self, db: Database):
        self.db = db
        self._started = db.interrupts

    # ------------------------------------------------------------------ the query

    def plan(self, text: str | None) -> QueryPlan:
        """The query's words (Kazakh word forms read as their bases, desktop.data.wordforms), the alias
        groups that apply, and the MATCH expressions built from them."""
        words = tuple(self._words(text or ""))
        if not words:
            return QueryPlan((), (), None, None, None)
        groups = [_word_group(w) for w in words]
        aliases: list[AliasVariant] = []
        covered: list[tuple[int, int, list[str]]] = []
        for exp in self._expansions(text or "", words):
            start, end = int(exp.start), int(exp.end)
            if not 0 <= start < end <= len(words) or any(s < end and start < e for s, e, _ in covered):
                continue  # outside the words, or overlapping an expansion already applied
            alternatives = [a for a in (_alternative(alt) for alt in exp.alternatives) if a]
            country = _country_of(exp.group_id)
            if country:
                alternatives.append(_quote(country_term(country)))
            if not alternatives:
                continue
            covered.append((start, end, alternatives))
            aliases.append(AliasVariant(tuple(w.text for w in words[start:end]),
                                        tuple(tuple(alt) for alt in exp.alternatives), country))
        parts: list[str] = []
        i = 0
        for start, end, alternatives in sorted(covered) + [(len(words), len(words), [])]:
            parts += groups[i:start]
            if start < end:
                typed = " AND ".join(groups[start:end])
                parts.append("(" + " OR ".join([f"({typed})", *alternatives]) + ")")
            i = end
        expression = " AND ".join(parts)
        exact = [_quote(w.text) for w in words]
        phrase = _near(exact)
        all_words = " AND ".join(
            "(" + " OR ".join(_quote(t) for t in _exact_terms(w)) + ")" for w in words)
        return QueryPlan(words, tuple(aliases), expression, phrase, all_words)

    def _words(self, text: str) -> list[QueryWord]:
        words = query_words(text)
        self.db.pause_point()
        try:
            return read_query(self.db.conn, text, words)
        except sqlite3.OperationalError as exc:
            _raise_if_cancelled(exc)
            return words

    def _expansions(self, text: str, words: Sequence[QueryWord]) -> list[Expansion]:
        try:
            return list(expansions(self.db.conn, text, words))
        except sqlite3.OperationalError as exc:
            _raise_if_cancelled(exc)
            return []

    def find(self, text: str | None, *, kinds: Iterable[str] | None = None, partner: str | None = None,
             limit: int = 5, lang: str = "en", count_cap: int | None = None) -> FindResult:
        """The records that match ``text``, grouped by kind with a count for each.

        ``kinds`` limits the search to these kinds (names of :data:`KIND_NAMES`), ``partner`` to the
        records of one partner (ISO3), ``limit`` the hits listed per kind, ``lang`` the language whose
        texts the snippets come from first (another language's only where it alone holds a match). When
        nothing matches, ``suggestions`` holds the index's closest words. ``count_cap`` stops counting a
        kind's matches there (the Find box: a count of a million matches costs a pass over each of them;
        "10,000+" tells a reader as much), and the group says ``more``.
        """
        self._started = self.db.interrupts
        chosen = KINDS if kinds is None else tuple(_BY_NAME[k] for k in KIND_NAMES if k in set(kinds))
        unknown = set(kinds or ()) - set(KIND_NAMES)
        if unknown:
            raise ValueError(f"unknown kind(s): {', '.join(sorted(unknown))}")
        limit = max(1, min(int(limit), 10_000))
        plan = self.plan(text)
        if plan.expression is None:
            return FindResult([], [], plan)
        iso3 = partner.strip().upper() if partner else None
        groups: list[FindGroup] = []
        for kind in chosen:
            self.db.check_interrupt(self._started)
            exact = self._expanded(kind, plan.expression)
            count = self._count(kind, exact, iso3, count_cap)
            if count:
                more = count_cap is not None and count > count_cap
                ids = self._first(kind, plan, exact, iso3, count, limit, more)
                groups.append(FindGroup(kind.kind, min(count, count_cap) if more and count_cap else count,
                                        self._hits(kind, ids, plan, lang), more))
        suggestions = [] if groups else self.suggestions(plan)
        return FindResult(groups, suggestions, plan)

    def _count(self, kind: _Kind, expr: str, iso3: str | None, cap: int | None = None) -> int:
        """The matches of a kind; with ``cap``, at most cap + 1 (FTS5 yields matches lazily: it stops there)."""
        sql = f"SELECT {'1' if cap else 'count(*)'} FROM {kind.fts} WHERE {kind.fts} MATCH :expr"
        if iso3:
            sql += f" AND rowid IN (SELECT r.id FROM {kind.table} r WHERE {kind.partner_filter})"
        if cap:
            sql = f"SELECT count(*) FROM ({sql} LIMIT {int(cap) + 1})"
        rows = self._run(sql, {"expr": expr, "iso3": iso3})
        return rows[0][0] if rows else 0

    def _expanded(self, kind: _Kind, expr: str) -> str:
        """``expr`` with each prefix term of more than _INDEXED_PREFIX letters (outside NEAR groups)
        replaced by the exact terms of this kind's index that begin with it: the same matches."""
        out: list[str] = []
        pos = 0
        for near in [*_NEAR_GROUP.finditer(expr), None]:
            end = near.start() if near else len(expr)
            out.append(_PREFIX_TERM.sub(lambda m: self._terms_of_prefix(kind, m), expr[pos:end]))
            if near:
                out.append(near.group())
                pos = near.end()
        return "".join(out)

    def _terms_of_prefix(self, kind: _Kind, m: re.Match[str]) -> str:
        prefix = m.group(1).replace('""', '"')
        if len(prefix) <= _INDEXED_PREFIX:
            return m.group()
        # every term the kind's index ever held, kept by triggers: the agreements' in search_terms, the other
        # kinds' in find_terms (an fts5vocab table would count each term's documents as it lists it)
        if kind.fts == "agreements_fts":
            sql = "SELECT term FROM search_terms WHERE term >= :lo AND term < :hi"
        else:
            sql = "SELECT term FROM find_terms WHERE kind = :kind AND term >= :lo AND term < :hi"
        terms = [r[0] for r in self._run(f"{sql} LIMIT {_EXPAND_MAX + 1}",
                                         {"lo": prefix, "hi": prefix + "\U0010ffff", "kind": kind.kind})]
        if not terms or len(terms) > _EXPAND_MAX:
            return m.group()
        return "(" + " OR ".join(_quote(t) for t in terms) + ")"

    def _first(self, kind: _Kind, plan: QueryPlan, exact: str, iso3: str | None, count: int,
               limit: int, capped: bool = False) -> list[int]:
        """The ids to show first: ranked when the match set is small, else the newest (``exact`` is the
        expression with its prefixes expanded, see :meth:`_expanded`). ``capped``: the count stopped at a cap,
        so the set is large and its share unknown: probed newest first (a set of a million ids is not read
        to show five)."""
        where = f" AND {kind.partner_filter}" if iso3 else ""
        params = {"expr": plan.expression, "iso3": iso3, "limit": limit}
        if count > RANK_LIMIT:
            params["expr"] = exact
            order = f"ORDER BY coalesce({kind.date}, '') DESC, r.id DESC LIMIT :limit"
            rows = self._run(f"SELECT max(id) FROM {kind.table}", {})
            # (a capped count with other names OR-ed in: NEAR groups make each probe dear, the set is read once)
            dense = count >= _DENSE_SHARE * (rows[0][0] or 1) or (capped and not plan.aliases)
            if dense and not iso3:
                # Dense: newest first through the date index, each row probed (about limit / share probes).
                sql = (f"SELECT r.id FROM {kind.table} r WHERE EXISTS (SELECT 1 FROM {kind.fts} f WHERE {kind.fts} "
                       f"MATCH :expr AND f.rowid = r.id) {order}")
            else:
                # Sparse: the ids read once; '+' keeps the walk on the date order rather than on the ids.
                sql = (f"SELECT r.id FROM {kind.table} r WHERE +r.id IN (SELECT rowid FROM {kind.fts} WHERE "
                       f"{kind.fts} MATCH :expr){where} {order}")
            return [r[0] for r in self._run(sql, params)]
        rows = self._run(
            f"SELECT r.id, bm25({kind.fts}, {_WEIGHTS}), coalesce({kind.date}, '') FROM {kind.fts} f "
            f"CROSS JOIN {kind.table} r ON r.id = f.rowid WHERE {kind.fts} MATCH :expr{where}", params)
        phrase = self._matching(kind, plan.phrase, [r[0] for r in rows])
        all_words = self._matching(kind, plan.all_words, [r[0] for r in rows])

        def rank(row: tuple[Any, ...]) -> tuple[int, float, tuple[int, ...], int]:
            tier = 0 if row[0] in phrase else 1 if row[0] in all_words else 2
            return tier, row[1], _newest_first(row[2]), -row[0]

        return [r[0] for r in sorted(rows, key=rank)[:limit]]

    def _matching(self, kind: _Kind, expr: str | None, ids: list[int]) -> set[int]:
        """Which of ``ids`` (a small match set) an expression matches too."""
        if not expr or not ids:
            return set()
        rows = self._run(f"SELECT rowid FROM {kind.fts} WHERE {kind.fts} MATCH :expr", {"expr": expr})
        return {r[0] for r in rows} & set(ids)

    # ------------------------------------------------------------------ hits

    def _hits(self, kind: _Kind, ids: list[int], plan: QueryPlan, lang: str = "en") -> list[Hit]:
        if not ids:
            return []
        marks = ", ".join(str(int(i)) for i in ids)
        conflict = (f"(SELECT cm.is_preferred FROM conflict_members cm WHERE cm.record_type = '{kind.kind}' "
                    f"AND cm.record_id = r.id), (SELECT {_FIRST_IN_GROUP} FROM conflict_members cm "
                    f"WHERE cm.record_type = '{kind.kind}' AND cm.record_id = r.id)"
                    if kind.kind in _CONFLICT_KINDS else "NULL, NULL")
        rows = self._run(
            f"SELECT r.id, r.uid, {kind.labels}, {kind.partners}, {kind.date}, {conflict}, "
            f"{', '.join(kind.texts)} FROM {kind.table} r WHERE r.id IN ({marks})", {})
        matcher = _Matcher(plan)
        # The texts in the interface language first (names before bodies in each), then the others.
        order = sorted(range(len(kind.texts)), key=lambda i: _text_language(kind.texts[i]) != lang)
        found: dict[int, Hit] = {}
        for r in rows:
            self.db.pause_point()  # (a snippet is Python work: it waits here while the window paints)
            texts = [r[9 + i] for i in order]
            snippet, matched = matcher.snippet([t for t in texts if isinstance(t, str) and t])
            found[r[0]] = Hit(
                kind=kind.kind, record_id=r[0], uid=r[1], label_en=r[2], label_ru=r[3], label_kk=r[4],
                partners=tuple(r[5].split(";")) if r[5] else (), date=r[6],
                preferred=r[7] is None or bool(r[7]), preferred_id=r[8] if r[8] is not None else r[0],
                snippet=snippet, matched_terms=matched)
        return [found[i] for i in ids if i in found]

    # ------------------------------------------------------------------ suggestions

    def suggestions(self, plan: QueryPlan) -> list[str]:
        """The index's words closest to the typed words that match nothing (as a record writes them)."""
        from rapidfuzz import fuzz, process

        out: list[str] = []
        for word in plan.words:
            if len(word.text) < 3 or self._anywhere(_word_group(word)):
                continue
            candidates = self._terms_near(word.text)
            for term, _score, _ in process.extract(word.text, candidates, scorer=fuzz.ratio, limit=10,
                                                   score_cutoff=_SUGGESTION_SCORE):
                shown = self._as_written(term)
                if shown and shown not in out:
                    out.append(shown)
                if len(out) >= _SUGGESTIONS_MAX:
                    return out
        return out

    def _anywhere(self, expr: str) -> bool:
        return any(self._run(f"SELECT 1 FROM {k.fts} WHERE {k.fts} MATCH :expr LIMIT 1", {"expr": expr})
                   for k in KINDS)

    def _terms_near(self, folded: str) -> list[str]:
        """The index terms that begin with the word's first letter (transliteration keys left out; a term no
        record holds any more is dropped later, when no record writes it)."""
        first = folded[0]
        bounds = {"lo": first, "hi": first + "\U0010ffff"}
        terms = {r[0] for r in self._run("SELECT term FROM search_terms WHERE term >= :lo AND term < :hi "
                                         "AND docs > 0", bounds)}
        for kind in KINDS[1:]:  # (find_terms is keyed by kind first)
            terms.update(r[0] for r in self._run("SELECT term FROM find_terms WHERE kind = :kind AND term >= :lo "
                                                 "AND term < :hi", {**bounds, "kind": kind.kind}))
        return sorted(t for t in terms if t != folded and not t.startswith(KEY_PREFIX))

    def _as_written(self, term: str) -> str | None:
        """A word of some record whose folded form is ``term`` (a stem or a key has none)."""
        for kind in KINDS:
            rows = self._run(f"SELECT rowid FROM {kind.fts} WHERE {kind.fts} MATCH :expr LIMIT 3",
                             {"expr": _quote(term)})
            for (rowid,) in rows:
                texts = self._run(f"SELECT {', '.join(kind.texts)} FROM {kind.table} r WHERE r.id = :id",
                                  {"id": rowid})
                for text in (t for row in texts for t in row if isinstance(t, str)):
                    words: list[str] = _WORD.findall(text)  # (the pattern has no groups: whole matches)
                    for word in words:
                        if fold_word(word) == term:
                            return word
        return None

    # ------------------------------------------------------------------ what the hits are shown with

    def partner_names(self) -> dict[str, tuple[str | None, str | None]]:
        """ISO3 -> (English name, Russian name) of every partner, to name a hit's partners without a query of the
        window's own."""
        return {str(iso3): (en, ru) for iso3, en, ru in self._run("SELECT iso3, name_en, name_ru FROM partners", {})}

    # ------------------------------------------------------------------ running SQL

    def _run(self, sql: str, params: Mapping[str, object]) -> list[tuple[Any, ...]]:
        """The rows of a statement (values as SQLite gives them: their types depend on the columns)."""
        self.db.pause_point()  # between statements: waits while the window paints (see Database.pause)
        try:
            return self.db.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            _raise_if_cancelled(exc)
            if "fts5" in str(exc) or "syntax error" in str(exc):
                return []  # a query FTS5 cannot parse finds nothing
            raise


def _raise_if_cancelled(exc: sqlite3.OperationalError) -> None:
    if "interrupt" in str(exc):
        raise Cancelled("The search was cancelled.") from exc


_LANGUAGE_OF_TEXT = re.compile(r"_(en|ru|kk)\b")


def _text_language(expression: str) -> str | None:
    """The language of one of a kind's texts, from its column's name ("r.summary_ru" -> "ru"); None for a
    text in no one language (a value, a year, a source's title)."""
    found = _LANGUAGE_OF_TEXT.search(expression)
    return found.group(1) if found else None


def _newest_first(date: str) -> tuple[int, ...]:
    """A sort key that puts later dates first ('' — no date — last)."""
    return tuple(-ord(c) for c in date) + (1,) if date else (2,)


class _Matcher:
    """Finds which words of a record's text a query matched, for the snippet and matched_terms."""

    def __init__(self, plan: QueryPlan):
        # An alias name's short words ("of" in "Republic of Türkiye") would mark every word they begin.
        other_names = [w for a in plan.aliases for alt in a.alternatives for w in query_words(" ".join(alt))
                       if len(w.prefix) >= _ALIAS_PREFIX_MIN]
        words = [*plan.words, *other_names]
        self.prefixes = tuple({w.prefix for w in words if not w.text.isdigit()})
        self.numbers = frozenset(w.text for w in words if w.text.isdigit())
        self.keys = frozenset(k for w in plan.words for k in w.keys)

    def matches(self, span: str) -> bool:
        """Whether a word of a record's text (a span of :data:`_WORD`) is one the query found."""
        for word in raw_words(span):
            folded = fold_word(word)
            if folded in self.numbers or any(folded.startswith(p) for p in self.prefixes):
                return True
            if self.keys and not self.keys.isdisjoint(word_keys(word)):
                return True
        return False

    def snippet(self, texts: Sequence[str]) -> tuple[str, tuple[str, ...]]:
        """A short text around the first match (matched words in « »), and the matched words."""
        matched: list[str] = []
        snippet = ""
        for text in texts:
            spans = [m for m in _WORD.finditer(text)]
            hits = [i for i, m in enumerate(spans) if self.matches(m.group())]
            for i in hits:
                if spans[i].group() not in matched and len(matched) < _MATCHED_TERMS_MAX:
                    matched.append(spans[i].group())
            if hits and not snippet:
                snippet = _cut(text, spans, hits)
        if not snippet and texts:
            spans = list(_WORD.finditer(texts[0]))
            snippet = _cut(texts[0], spans, [])
        return snippet, tuple(matched)


def _cut(text: str, spans: list[re.Match[str]], hits: list[int]) -> str:
    """The words around the first hit, each hit wrapped in « », '…' where the text is cut."""
    if not spans:
        return text[:120]
    first = hits[0] if hits else 0
    lo = max(0, first - _SNIPPET_BEFORE)
    hi = min(len(spans) - 1, first + _SNIPPET_AFTER)
    start = spans[lo].start() if lo > 0 else 0
    end = spans[hi].end() if hi < len(spans) - 1 else len(text)
    marked = set(hits)
    out: list[str] = ["…" if lo > 0 else ""]
    pos = start
    for i in range(lo, hi + 1):
        m = spans[i]
        out.append(text[pos:m.start()])
        out.append(f"«{m.group()}»" if i in marked else m.group())
        pos = m.end()
    out.append(text[pos:end])
    if hi < len(spans) - 1:
        out.append("…")
    return " ".join("".join(out).split())
