"""Lists of records that can hold thousands of rows (the record browser, the forms' choosers, the events list,
the records citing a source): ids in pages, filtered and ordered in SQL, and the one-line labels of the rows
shown; plus the small look-ups the forms and the find view make.

Shapes follow the agreements table (desktop.data.agreements):

* Pages are fetched by keyset (the last row's sort values and id), never by OFFSET, so the 500th page costs
  what the first does; every kind that can grow large is ordered by what an index delivers (a date, an id, a
  corridor; nodes, 20,000 at most, by name with ``COLLATE NOCASE``: a sort of their names costs ~3 ms).
* The filter text is matched as "find anything" matches it (:class:`desktop.data.find.Finder`: word forms,
  prefixes, any case and script, transliteration, other names), on the kind's own FTS5 index. A plain
  ``LIKE``/``instr`` on the labels would fold the case of ASCII letters only ("астана" would not find
  "Астана") and reads every row at each keystroke: 67-82 ms for the count alone over 100,000 events, 275 ms
  with a Unicode case fold; the index answers in a few milliseconds. Aliases, which have no FTS5 table of
  their own, are matched on their index terms (``alias_terms``) the same way.
* A small match set (up to :data:`SMALL_MATCH`) is left to SQL inside the page query; a large one is read
  once as a set of ids (cached for the next pages of the same query) that the index-ordered walk is checked
  against, so the first page of a word found in every row costs a read of its ids, not a sort of them.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from desktop.core.records import Label
from desktop.core.text import query_words
from desktop.data.database import Database

PAGE_SIZE = 200
# A list of fewer rows than this is small: shown whole, in the alphabet of the interface language (Qt's
# collation); a longer one is a lazy list ordered in SQL.
SMALL_LIST = 500
# Up to this many text matches are left to SQL inside the page query; more are read once as a set of ids.
SMALL_MATCH = 2000
_STREAM_BATCH = 2000
_CACHED_PLANS = 8


class ListQuery(NamedTuple):
    """Which records of a kind a list shows. ``text`` filters as "find anything" matches; ``partner`` (ISO3)
    keeps a partner's records; ``corridor_id``/``node_id`` those linked to a place; ``preferred_only`` leaves
    out other sources' versions (non-preferred members of conflict groups). ``lang`` is the labels' language."""

    kind: str
    text: str = ""
    partner: str | None = None
    lang: str = "en"
    corridor_id: int | None = None
    node_id: int | None = None
    preferred_only: bool = False

    def with_(self, **changes: Any) -> ListQuery:
        return self._replace(**changes)


class ListPage(NamedTuple):
    ids: list[int]
    next: tuple[object, ...] | None  # the last row's sort values (its id last): the next page starts after it


# ---------------------------------------------------------------------------------------------- the kinds

_LANGUAGES = {"en": ("en", "ru", "kk"), "ru": ("ru", "en", "kk"), "kk": ("kk", "ru", "en")}


def _pick(column: str, lang: str, kazakh: bool = True, alias: str = "r") -> str:
    """A text column in ``lang``, else in the others (a Kazakh reader gets Russian where there is no Kazakh)."""
    order = [x for x in _LANGUAGES.get(lang, _LANGUAGES["en"]) if kazakh or x != "kk"]
    return f"coalesce({', '.join(f'{alias}.{column}_{x}' for x in order)})"


def _vocab(table: str, code: str, lang: str) -> str:
    """A vocabulary code's label in ``lang`` (the code itself if the table lacks it): what the forms show."""
    return f"coalesce((SELECT {_pick('name', lang, alias='v')} FROM {table} v WHERE v.code = {code}), {code})"


class _Kind(NamedTuple):
    """How one kind is listed: SQL on the alias ``r`` (its table) and the joins in ``source``."""

    source: str  # the FROM clause
    label: Callable[[str], str]  # lang -> the row's one-line label
    order: Callable[[str], tuple[tuple[str, bool], ...]]  # lang -> (expression, descending)..., r.id last
    partner: str | None  # a condition with one parameter, the ISO3 code; None: the kind is not a partner's
    fts: str | None  # the kind's "find anything" index (None: matched on alias_terms)


def _newest(date: str) -> Callable[[str], tuple[tuple[str, bool], ...]]:
    return lambda _lang: ((f"coalesce({date}, '')", True), ("r.id", True))


def _by(*keys: tuple[str, bool]) -> Callable[[str], tuple[tuple[str, bool], ...]]:
    return lambda _lang: (*keys, ("r.id", False))


def _linked(table: str, column: str) -> str:
    return f"r.id IN (SELECT x.{column} FROM {table} x JOIN partners p ON p.id = x.partner_id WHERE p.iso3 = ?)"


_OWN_PARTNER = "r.partner_id = (SELECT p.id FROM partners p WHERE p.iso3 = ?)"

KINDS: dict[str, _Kind] = {
    "agreement": _Kind(
        "agreements r",
        lambda lang: f"coalesce(r.date_signed, '?') || '  ' || coalesce({_pick('title', lang)}, '')",
        _newest("r.date_signed"), _linked("agreement_partners", "agreement_id"), "agreements_fts"),
    "event": _Kind(
        "events r",
        lambda lang: f"coalesce(r.date_start, '?') || '  ' || coalesce({_pick('title', lang, kazakh=False)}, '')",
        _newest("r.date_start"), _linked("event_partners", "event_id"), "events_fts"),
    "trade": _Kind(
        "trade_figures r JOIN partners p ON p.id = r.partner_id",
        lambda lang: ("p.iso3 || '  ' || r.year || ' ' || r.period || '  ' || coalesce(r.turnover_usd_m, '—') || ' / ' "
                   "|| coalesce(r.exports_usd_m, '—') || ' / ' || coalesce(r.imports_usd_m, '—') || '  (' || "
                   "r.statistics || ')'"),
        _by(("p.iso3", False), ("r.year", True), ("r.period", False)), _OWN_PARTNER, "trade_fts"),
    "target": _Kind(
        "targets r JOIN partners p ON p.id = r.partner_id",
        lambda lang: ("p.iso3 || '  ' || r.metric || '  ' || coalesce(r.value_usd_m, '×' || r.multiplier) || '  ' || "
                   "coalesce(r.horizon_year, '—') || '  ' || coalesce(r.stated_on, '?')"),
        _by(("p.iso3", False), ("coalesce(r.stated_on, '')", True)), _OWN_PARTNER, "targets_fts"),
    "fact": _Kind(  # (newest first: 200,000 facts in the metric's order would be sorted for every page)
        "facts r LEFT JOIN partners p ON p.id = r.partner_id",
        lambda lang: (f"coalesce(p.iso3, '—') || '  ' || {_vocab('metrics', 'r.metric', lang)} || ': ' || "
                      f"{_pick('value', lang).replace('r.value_en', 'r.value')} || "
                      "coalesce(' (' || r.as_of || ')', '')"),
        _newest("r.as_of"), _OWN_PARTNER, "facts_fts"),
    "source": _Kind(
        "sources r",
        lambda lang: ("coalesce(r.title, r.url) || '  — ' || coalesce(r.publisher, '?') || "
                   "coalesce(', ' || r.published, '')"),
        lambda _lang: (("r.id", True),), None, "sources_fts"),
    "node": _Kind(
        "nodes r",
        lambda lang: (f"{_pick('name', lang)} || '  (' || r.country_iso3 || ', ' || "
                      f"{_vocab('node_kinds', 'r.kind', lang)} || ')'"),
        lambda lang: ((f"{_pick('name', lang)} COLLATE NOCASE", False), ("r.id", False)), "r.country_iso3 = ?",
        "nodes_fts"),
    "segment": _Kind(
        "segments r JOIN nodes a ON a.id = r.from_node_id JOIN nodes b ON b.id = r.to_node_id",
        lambda lang: (f"{_pick('name', lang, alias='a')} || ' – ' || {_pick('name', lang, alias='b')} || '  (' || "
                      f"{_vocab('transport_modes', 'r.mode', lang)} || ', ' || "
                      f"{_vocab('segment_statuses', 'r.status', lang)} || ')'"),
        _by(("r.corridor_id", False)), None, "segments_fts"),
    "corridor": _Kind("corridors r", lambda lang: _pick("name", lang), lambda _lang: (("r.id", False),), None,
                      "corridors_fts"),
    "partner": _Kind("partners r", lambda lang: f"r.iso3 || '  ' || {_pick('name', lang)}",
                     _by(("r.sort_order", False)), "r.iso3 = ?", "partners_fts"),
    "alias": _Kind(
        "aliases r",
        lambda lang: "r.name || '  (' || r.group_id || ', ' || coalesce(r.lang || ', ', '') || r.kind || ')'",
        _by(("r.group_id", False)), None, None),
}
# kinds that record_places and conflict_members know (a list of another kind cannot ask for a place)
_PLACED = frozenset({"agreement", "event", "trade", "target", "fact", "node", "segment", "corridor", "partner"})


def _keyset(keys: Sequence[tuple[str, bool]], values: Sequence[object], before: bool = False
            ) -> tuple[str, list[object]]:
    """The rows after (``before``: ahead of) the row whose sort values are ``values``, in the order ``keys``.
    The first key's condition comes first on its own, so that an index on it serves it as a range."""
    def op(descending: bool, strict: bool = True) -> str:
        down = descending != before
        return ("<" if down else ">") + ("" if strict else "=")

    def rest(i: int) -> tuple[str, list[object]]:
        expr, descending = keys[i]
        if i == len(keys) - 1:
            return f"{expr} {op(descending)} ?", [values[i]]
        inner, params = rest(i + 1)
        return f"({expr} {op(descending)} ? OR ({expr} = ? AND {inner}))", [values[i], values[i], *params]

    first, descending = keys[0]
    cond, params = rest(0)
    if len(keys) == 1:
        return cond, params
    return f"{first} {op(descending, strict=False)} ? AND {cond}", [values[0], *params]


class _Plan(NamedTuple):
    """A query made ready: its conditions and parameters, and the ids of a large text match (None: the text,
    if any, is a condition)."""

    where: list[str]
    params: list[object]
    match: set[int] | None = None
    empty: bool = False  # nothing can match (the text holds no word, or no record has them)


class RecordLists:
    """Runs list queries on one database (its connection of the moment: a reopened file is followed)."""

    def __init__(self, db: Database):
        self.db = db
        self._plans: dict[tuple[object, ...], _Plan] = {}

    # ------------------------------------------------------------------ planning

    def _state(self) -> tuple[object, ...]:
        """What a cached plan is valid for: this connection, as no one has changed the file since."""
        conn = self.db.conn
        return id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes

    def _plan(self, q: ListQuery) -> _Plan:
        spec = KINDS.get(q.kind)
        if spec is None:
            raise ValueError(f"unknown record kind {q.kind!r}")
        key: tuple[object, ...] = (q, *self._state())
        plan = self._plans.get(key)
        if plan is None:
            plan = self._make_plan(q, spec)
            self._plans = {k: v for k, v in self._plans.items() if k[1:] == key[1:]}  # (older states are stale)
            while len(self._plans) >= _CACHED_PLANS:
                self._plans.pop(next(iter(self._plans)))
            self._plans[key] = plan
        return plan

    def _make_plan(self, q: ListQuery, spec: _Kind) -> _Plan:
        where: list[str] = []
        params: list[object] = []
        if q.partner and spec.partner:
            where.append(spec.partner)
            params.append(q.partner)
        if (q.corridor_id is not None or q.node_id is not None or q.preferred_only) and q.kind not in _PLACED:
            raise ValueError(f"a list of {q.kind!r} has no places or other sources' versions")
        for column, value in (("corridor_id", q.corridor_id), ("node_id", q.node_id)):
            if value is not None:
                where.append(f"r.id IN (SELECT record_id FROM record_places WHERE record_type = '{q.kind}' "
                             f"AND {column} = ?)")
                params.append(int(value))
        if q.preferred_only:
            where.append(f"r.id NOT IN (SELECT record_id FROM conflict_members WHERE record_type = '{q.kind}' "
                         "AND is_preferred = 0)")
        text = (q.text or "").strip()
        if not text:
            return _Plan(where, params)
        if spec.fts is None:
            return self._alias_plan(text, where, params)
        from desktop.data.find import Finder  # (the lists of the window's first frame need no text search)

        expression = Finder(self.db).plan(text).expression
        if expression is None:
            return _Plan(where, params, empty=True)  # something typed that holds no word ("%", "*")
        # One pass over the index: its ids as one aggregated string (a row per id costs three times as much)
        joined = self._run(f"SELECT group_concat(rowid) FROM {spec.fts} WHERE {spec.fts} MATCH ?", (expression,))
        if not joined[0][0]:
            return _Plan(where, params, empty=True)
        ids = f"[{joined[0][0]}]"
        if ids.count(",") < SMALL_MATCH:  # a few ids: looked up by SQL, in the page query's own plan
            return _Plan([*where, "r.id IN (SELECT value FROM json_each(?))"], [*params, ids])
        return _Plan(where, params, set(json.loads(ids)))

    @staticmethod
    def _alias_plan(text: str, where: list[str], params: list[object]) -> _Plan:
        """Other names, by their index terms: each typed word as a prefix of a term, or a transliteration key."""
        words = query_words(text)
        if not words:
            return _Plan(where, params, empty=True)
        where, params = list(where), list(params)
        for word in words:
            keys = word.keys
            where.append("r.id IN (SELECT alias_id FROM alias_terms WHERE term >= ? AND term < ?"
                         + "".join(" OR term = ?" for _ in keys) + ")")
            params += [word.prefix, word.prefix + "\U0010ffff", *keys]
        return _Plan(where, params)

    def _run(self, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        return self.db.conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ pages and counts

    def page(self, q: ListQuery, after: tuple[object, ...] | None = None, limit: int = PAGE_SIZE) -> ListPage:
        """Up to ``limit`` ids in the list's order, after the row whose sort values are ``after``."""
        plan = self._plan(q)
        if plan.empty:
            return ListPage([], None)
        keys = KINDS[q.kind].order(q.lang)
        where, params = list(plan.where), list(plan.params)
        if after is not None:
            cond, values = _keyset(keys, after)
            where.append(cond)
            params += values
        limit = max(1, int(limit))
        sql = (f"SELECT r.id, {', '.join(k for k, _ in keys)} FROM {KINDS[q.kind].source}"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY " + ", ".join(f"{k} {'DESC' if d else 'ASC'}" for k, d in keys))
        if plan.match is None:
            rows = self._run(sql + " LIMIT ?", [*params, limit + 1])
        else:
            rows = self._stream(sql, params, plan.match, limit + 1)
        ids = [r[0] for r in rows[:limit]]
        return ListPage(ids, tuple(rows[limit - 1][1:]) if len(rows) > limit else None)

    def _stream(self, sql: str, params: list[object], match: set[int], wanted: int) -> list[tuple[Any, ...]]:
        """The ordered rows whose ids are in ``match``, until ``wanted`` are found."""
        kept: list[tuple[Any, ...]] = []
        cursor = self.db.conn.execute(sql, params)
        try:
            while len(kept) < wanted:
                batch = cursor.fetchmany(_STREAM_BATCH)
                if not batch:
                    break
                kept.extend(r for r in batch if r[0] in match)
        finally:
            cursor.close()
        return kept[:wanted]

    def count(self, q: ListQuery) -> int:
        """How many records the list holds. Without other sources' versions: all the records less those versions
        (a few), rather than a probe of every record for being one (20 ms at 100,000 events)."""
        if q.preferred_only:
            every = q.with_(preferred_only=False)
            versions = f"SELECT record_id FROM conflict_members WHERE record_type = '{q.kind}' AND is_preferred = 0"
            return self._count(every) - self._count(every, f"r.id IN ({versions})")
        return self._count(q)

    def _count(self, q: ListQuery, among: str | None = None) -> int:
        """How many records the list holds (of those the condition ``among`` picks)."""
        plan = self._plan(q)
        if plan.empty:
            return 0
        source = KINDS[q.kind].source
        conditions = [*plan.where, *([among] if among else [])]
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        if plan.match is None:
            return int(self._run(f"SELECT count(*) FROM {source}{where}", plan.params)[0][0])
        if not conditions:
            return len(plan.match)
        ids = self._run(f"SELECT r.id FROM {source}{where}", plan.params)
        return sum(1 for (i,) in ids if i in plan.match)

    def contains(self, q: ListQuery, record_id: int) -> bool:
        """Whether the list holds the record (a point look-up, whatever page it is on)."""
        plan = self._plan(q)
        if plan.empty or (plan.match is not None and int(record_id) not in plan.match):
            return False
        where = " AND ".join(["r.id = ?", *plan.where])
        return bool(self._run(f"SELECT 1 FROM {KINDS[q.kind].source} WHERE {where}", [int(record_id), *plan.params]))

    def position(self, q: ListQuery, record_id: int) -> int:
        """The row of a record in the list (how many rows come before it), or -1 when the list does not hold it."""
        if not self.contains(q, record_id):
            return -1
        keys = KINDS[q.kind].order(q.lang)
        source = KINDS[q.kind].source
        values = self._run(f"SELECT {', '.join(k for k, _ in keys)} FROM {source} WHERE r.id = ?",
                           (int(record_id),))[0]
        plan = self._plan(q)
        cond, params = _keyset(keys, values, before=True)
        where = " AND ".join([*plan.where, cond])
        if plan.match is None:
            return int(self._run(f"SELECT count(*) FROM {source} WHERE {where}", [*plan.params, *params])[0][0])
        ids = self._run(f"SELECT r.id FROM {source} WHERE {where}", [*plan.params, *params])
        return sum(1 for (i,) in ids if i in plan.match)

    def size(self, kind: str) -> int:
        """How many records of a kind there are (counted up to SMALL_LIST: is its list small?)."""
        table = KINDS[kind].source.split()[0]
        return int(self._run(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT ?)", (SMALL_LIST,))[0][0])

    # ------------------------------------------------------------------ labels

    def labels(self, kind: str, ids: Sequence[int], lang: str = "en") -> dict[int, str]:
        """The one-line labels of some records (unknown ids left out)."""
        spec = KINDS[kind]
        out: dict[int, str] = {}
        ids = [int(i) for i in ids]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            out.update((r[0], str(r[1] or "")) for r in self._run(
                f"SELECT r.id, {spec.label(lang)} FROM {spec.source} WHERE r.id IN ({marks})", chunk))
        return out

    def every_label(self, q: ListQuery) -> list[tuple[int, str]]:
        """Every (id, label) of a list in its order: for small lists only (see :meth:`size`)."""
        ids: list[int] = []
        after = None
        while True:
            page = self.page(q, after, 5000)
            ids += page.ids
            if page.next is None:
                break
            after = page.next
        labels = self.labels(q.kind, ids, q.lang)
        return [(i, labels[i]) for i in ids if i in labels]

    # ------------------------------------------------------------------ records citing a source

    def citing_page(self, source_id: int, after: tuple[str, int] | None = None, limit: int = PAGE_SIZE
                    ) -> tuple[list[tuple[str, int]], tuple[str, int] | None]:
        """(kind, id) of the records that cite a source, by kind and id, after ``after``; and where the next
        page starts (None at the end). Aliases cite sources too: they are not records a user opens."""
        where: list[str] = ["source_id = ?", "record_type <> 'alias'"]
        params: list[object] = [int(source_id)]
        if after is not None:
            where.append("(record_type > ? OR (record_type = ? AND record_id > ?))")
            params += [after[0], after[0], int(after[1])]
        rows = [(str(r[0]), int(r[1])) for r in self._run(
            "SELECT record_type, record_id FROM record_sources WHERE " + " AND ".join(where)
            + " ORDER BY record_type, record_id LIMIT ?", [*params, int(limit) + 1])]
        return rows[:limit], (rows[limit - 1] if len(rows) > limit else None)

    def project_place(self, project_id: int) -> tuple[int | None, int | None] | None:
        """A project's node and corridor, or None when there is no such project."""
        rows = self._run("SELECT node_id, corridor_id FROM projects WHERE id = ?", (int(project_id),))
        return (rows[0][0], rows[0][1]) if rows else None

    def name_of(self, kind: str, record_id: int, lang: str = "en") -> str | None:
        """What a project or a mechanism is called (Repository.record_label names the other kinds)."""
        table = {"project": "projects", "mechanism": "mechanisms"}.get(kind)
        if table is None:
            raise ValueError(f"unknown kind {kind!r}")
        kazakh = kind == "mechanism"
        rows = self._run(f"SELECT {_pick('name', lang, kazakh=kazakh)} FROM {table} r WHERE r.id = ?",
                         (int(record_id),))
        return str(rows[0][0] or "") if rows else None

    def partners_of(self, kind: str, record_id: int) -> tuple[str, ...]:
        """The ISO3 codes of a record's partners, in their order (a partner's own; none for a place)."""
        links = {"agreement": ("agreement_partners", "agreement_id"), "event": ("event_partners", "event_id")}
        own = {"trade": "trade_figures", "target": "targets", "fact": "facts", "mechanism": "mechanisms",
               "project": "projects"}
        if kind in links:
            table, column = links[kind]
            sql = (f"SELECT p.iso3 FROM {table} x JOIN partners p ON p.id = x.partner_id WHERE x.{column} = ? "
                   "ORDER BY x.position")
        elif kind in own:
            sql = f"SELECT p.iso3 FROM {own[kind]} r JOIN partners p ON p.id = r.partner_id WHERE r.id = ?"
        elif kind == "partner":
            sql = "SELECT iso3 FROM partners WHERE id = ?"
        else:
            return ()
        return tuple(r[0] for r in self._run(sql, (int(record_id),)))

    def preferred_id(self, kind: str, record_id: int) -> int:
        """The record that stands for a record: the preferred member of its conflict group, or itself."""
        rows = self._run(
            "SELECT p.record_id FROM conflict_members cm JOIN conflict_members p ON p.group_id = cm.group_id "
            "AND p.is_preferred = 1 WHERE cm.record_type = ? AND cm.record_id = ?", (kind, int(record_id)))
        return int(rows[0][0]) if rows else int(record_id)

    # ------------------------------------------------------------------ what the forms look up

    def metric_labels(self) -> dict[str, Label]:
        """The facts' measures: code -> its names (English, Russian, Kazakh), by English name."""
        return {r[0]: Label(r[1], r[2], r[3]) for r in self._run(
            "SELECT code, name_en, name_ru, name_kk FROM metrics ORDER BY name_en", ())}

    def alias_names(self) -> list[tuple[str, str, str | None, str]]:
        """Every other name as (group, name, language, kind), in the order they were added."""
        return [(r[0], r[1], r[2], r[3]) for r in self._run(
            "SELECT group_id, name, lang, kind FROM aliases ORDER BY id", ())]

    def names_in_group(self, group: str) -> list[tuple[int, str]]:
        """(id, name) of the other names of one group."""
        return [(r[0], r[1]) for r in self._run("SELECT id, name FROM aliases WHERE group_id = ?", (group,))]

    def partner_code(self, partner_id: int | None) -> str | None:
        """A partner's ISO3 code by its id (None when there is no such partner)."""
        if partner_id is None:
            return None
        rows = self._run("SELECT iso3 FROM partners WHERE id = ?", (int(partner_id),))
        return rows[0][0] if rows else None
