"""Versioned schema migrations.

The schema version lives in ``PRAGMA user_version``. Each migration runs in one transaction together
with the version bump, so a database is always at exactly one version. Migrations are append-only:
once released, a migration's SQL never changes; a new version appends a new step.

Every file this program creates or migrates also carries :data:`APPLICATION_ID` in ``PRAGMA application_id``
(bytes 68–71 of the file header), so that another program's SQLite file is recognised as foreign, whatever
its ``user_version`` says. Copies made before the id existed hold 0 there; they are still recognised by their
tables and get the id when they are next opened for work.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable

from desktop.core.records import SOURCE_KINDS, STATED_ROLES, TARGET_KINDS
from desktop.core.text import COUNTRY_TERM_PREFIX
from desktop.data.sync_schema import migration_team_sync

# Vocabulary tables: a code and its labels. Data tables reference them by foreign key, so a record
# can only use a known code, and the UI shows the labels in its language.
VOCABULARIES = (
    "doc_types",
    "agreement_levels",
    "agreement_statuses",
    "sectors",
    "event_kinds",
    "node_kinds",
    "transport_modes",
    "segment_statuses",
    "project_statuses",
)

# Record kinds that can cite sources, sit in a conflict group, or be linked to a place.
RECORD_TABLES = {
    "partner": "partners",
    "mechanism": "mechanisms",
    "event": "events",
    "agreement": "agreements",
    "trade": "trade_figures",
    "target": "targets",
    "fact": "facts",
    "corridor": "corridors",
    "node": "nodes",
    "segment": "segments",
    "project": "projects",
}

_PARTIAL_DATE_CHECK = (
    "({col} IS NULL OR {col} GLOB '[0-9][0-9][0-9][0-9]' "
    "OR ({col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr({col}, 6, 2) BETWEEN '01' AND '12') "
    "OR ({col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND substr({col}, 6, 2) BETWEEN '01' AND '12' "
    "AND substr({col}, 9, 2) BETWEEN '01' AND '31'))"
)
_PRECISION = (
    "CASE length({col}) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END"
)



def _record_sources_table(name: str, kinds: Iterable[str]) -> str:
    """The links from records to their sources (``kinds``: the record types allowed), as created by the first
    migration and again, with aliases, by the aliases migration."""
    allowed = ", ".join(f"'{k}'" for k in kinds)
    return f"""CREATE TABLE {name} (
            record_type TEXT NOT NULL CHECK (record_type IN ({allowed})),
            record_id INTEGER NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (record_type, record_id, source_id)
        ) WITHOUT ROWID"""

def _date(col: str) -> str:
    return _PARTIAL_DATE_CHECK.format(col=col)


def _precision(col: str) -> str:
    return _PRECISION.format(col=col)


def _uid() -> str:
    return "uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 80)"


# The terms (words and stems) of an agreement's text: atlas_index_text() separates them with single
# spaces and they hold only letters and digits, so they can be split as a JSON array. {row} is new
# or old.
_SPLIT_TERMS = """json_each('["' || replace(atlas_index_text({row}.title_en, {row}.title_ru, {row}.title_kk,
                {row}.summary_en, {row}.summary_ru), ' ', '","') || '"]')"""
# search_terms.docs counts the agreements that hold a term: an estimate for planning queries.
_ADD_AGREEMENT_TERMS = (
    "INSERT INTO search_terms (term, docs) SELECT DISTINCT value, 1 FROM " + _SPLIT_TERMS.format(row="new") +
    " WHERE value <> '' ON CONFLICT (term) DO UPDATE SET docs = docs + 1;"
)
_DROP_AGREEMENT_TERMS = (
    "UPDATE search_terms SET docs = docs - 1 WHERE term IN (SELECT value FROM " + _SPLIT_TERMS.format(row="old") +
    " WHERE value <> '');"
)


def _create_vocabularies_partners_sources(conn: sqlite3.Connection) -> None:
    """Vocabularies, the meta table, sources, partners and mechanisms."""
    ex = conn.execute
    for vocab in VOCABULARIES:
        ex(
            f"""CREATE TABLE {vocab} (
                code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND length(code) <= 40),
                name_en TEXT NOT NULL,
                name_ru TEXT NOT NULL,
                name_kk TEXT,
                sort_order INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID"""
        )

    ex(
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        ) WITHOUT ROWID"""
    )

    ex(
        f"""CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            {_uid()},
            url TEXT,
            title TEXT,
            publisher TEXT,
            published TEXT CHECK {_date('published')},
            language TEXT,
            taken_en TEXT,
            CHECK (url IS NOT NULL OR title IS NOT NULL)
        )"""
    )

    ex(
        f"""CREATE TABLE partners (
            id INTEGER PRIMARY KEY,
            {_uid()},
            iso3 TEXT NOT NULL UNIQUE CHECK (iso3 GLOB '[A-Z][A-Z][A-Z]'),
            name_en TEXT NOT NULL,
            name_ru TEXT NOT NULL,
            name_kk TEXT,
            is_focus INTEGER NOT NULL DEFAULT 0 CHECK (is_focus IN (0, 1)),
            sort_order INTEGER NOT NULL DEFAULT 0
        )"""
    )

    ex(
        f"""CREATE TABLE mechanisms (
            id INTEGER PRIMARY KEY,
            {_uid()},
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
            name_en TEXT NOT NULL,
            name_ru TEXT,
            established TEXT CHECK {_date('established')},
            note_en TEXT,
            note_ru TEXT
        )"""
    )
    ex("CREATE INDEX mechanisms_partner ON mechanisms(partner_id)")


def _create_partner_links(conn: sqlite3.Connection, record: str, table: str) -> None:
    """The partners of a record of ``table`` (events, agreements), in the order they are named."""
    conn.execute(
        f"""CREATE TABLE {record}_partners (
            {record}_id INTEGER NOT NULL REFERENCES {table}(id) ON DELETE CASCADE,
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY ({record}_id, partner_id)
        ) WITHOUT ROWID"""
    )
    conn.execute(f"CREATE INDEX {record}_partners_partner ON {record}_partners(partner_id, {record}_id)")


def _create_events(conn: sqlite3.Connection) -> None:
    """Events (visits, meetings) and their partners."""
    ex = conn.execute
    ex(
        f"""CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            {_uid()},
            kind TEXT NOT NULL REFERENCES event_kinds(code),
            date_start TEXT CHECK {_date('date_start')},
            date_end TEXT CHECK {_date('date_end')},
            date_precision TEXT GENERATED ALWAYS AS ({_precision('date_start')}) VIRTUAL,
            place_en TEXT,
            place_ru TEXT,
            title_en TEXT,
            title_ru TEXT,
            summary_en TEXT,
            summary_ru TEXT,
            documents_signed INTEGER CHECK (documents_signed IS NULL OR documents_signed >= 0),
            CHECK (title_en IS NOT NULL OR title_ru IS NOT NULL),
            CHECK (date_end IS NULL OR date_start IS NULL OR date_end >= date_start)
        )"""
    )
    ex("CREATE INDEX events_date ON events(coalesce(date_start, ''))")
    _create_partner_links(conn, "event", "events")


def _create_agreements(conn: sqlite3.Connection) -> None:
    """Agreements, their narrow key mirror kept by triggers, their partners and sectors."""
    ex = conn.execute
    ex(
        f"""CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            {_uid()},
            event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
            date_signed TEXT CHECK {_date('date_signed')},
            date_precision TEXT GENERATED ALWAYS AS ({_precision('date_signed')}) VIRTUAL,
            title_en TEXT,
            title_ru TEXT,
            title_kk TEXT,
            summary_en TEXT,
            summary_ru TEXT,
            doc_type TEXT NOT NULL REFERENCES doc_types(code),
            level TEXT REFERENCES agreement_levels(code),
            status TEXT NOT NULL DEFAULT 'unknown' REFERENCES agreement_statuses(code),
            doc_count INTEGER NOT NULL DEFAULT 1 CHECK (doc_count >= 1),
            CHECK (title_en IS NOT NULL OR title_ru IS NOT NULL OR title_kk IS NOT NULL)
        )"""
    )
    # Sort keys are NOT NULL expressions so that keyset paging can compare row values.
    ex("CREATE INDEX agreements_date ON agreements(coalesce(date_signed, ''))")
    ex("CREATE INDEX agreements_event ON agreements(event_id)")
    ex("CREATE INDEX agreements_doc_type ON agreements(doc_type)")
    ex("CREATE INDEX agreements_level ON agreements(coalesce(level, ''))")
    ex("CREATE INDEX agreements_status ON agreements(status)")
    ex("CREATE INDEX agreements_count ON agreements(doc_count)")
    ex("CREATE INDEX agreements_title_en ON agreements(coalesce(title_en, title_ru, title_kk, '') COLLATE NOCASE)")
    ex("CREATE INDEX agreements_title_ru ON agreements(coalesce(title_ru, title_en, title_kk, '') COLLATE NOCASE)")
    # A narrow mirror of the agreements' scalar columns (and whether a record is a non-preferred
    # alternative), kept by the triggers below. Search, filters and sorting run on it: an agreement
    # row with its titles and summaries spans ~1.5 KB, so walking or joining the wide table costs
    # several times more than this one.
    ex(
        """CREATE TABLE agreement_keys (
            id INTEGER PRIMARY KEY,
            date_signed TEXT,
            doc_type TEXT NOT NULL,
            level TEXT,
            status TEXT NOT NULL,
            doc_count INTEGER NOT NULL,
            event_id INTEGER,
            hidden INTEGER NOT NULL DEFAULT 0
        )"""
    )
    ex("CREATE INDEX agreement_keys_date ON agreement_keys(coalesce(date_signed, ''))")
    ex("CREATE INDEX agreement_keys_event ON agreement_keys(event_id)")
    ex("CREATE INDEX agreement_keys_doc_type ON agreement_keys(doc_type)")
    ex("CREATE INDEX agreement_keys_level ON agreement_keys(coalesce(level, ''))")
    ex("CREATE INDEX agreement_keys_status ON agreement_keys(status)")
    ex("CREATE INDEX agreement_keys_count ON agreement_keys(doc_count)")
    ex("CREATE INDEX agreement_keys_hidden ON agreement_keys(id) WHERE hidden = 1")
    ex(
        """CREATE TRIGGER agreement_keys_insert AFTER INSERT ON agreements BEGIN
            INSERT INTO agreement_keys (id, date_signed, doc_type, level, status, doc_count, event_id, hidden)
            VALUES (new.id, new.date_signed, new.doc_type, new.level, new.status, new.doc_count, new.event_id,
                    EXISTS (SELECT 1 FROM conflict_members WHERE record_type = 'agreement'
                            AND record_id = new.id AND is_preferred = 0));
        END"""
    )
    ex(
        """CREATE TRIGGER agreement_keys_update
            AFTER UPDATE OF id, date_signed, doc_type, level, status, doc_count, event_id ON agreements BEGIN
            UPDATE agreement_keys SET id = new.id, date_signed = new.date_signed, doc_type = new.doc_type,
                level = new.level, status = new.status, doc_count = new.doc_count, event_id = new.event_id
            WHERE id = old.id;
        END"""
    )
    ex(
        """CREATE TRIGGER agreement_keys_delete AFTER DELETE ON agreements BEGIN
            DELETE FROM agreement_keys WHERE id = old.id;
        END"""
    )
    _create_partner_links(conn, "agreement", "agreements")
    ex(
        """CREATE TABLE agreement_sectors (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
            sector TEXT NOT NULL REFERENCES sectors(code),
            PRIMARY KEY (agreement_id, sector)
        ) WITHOUT ROWID"""
    )
    ex("CREATE INDEX agreement_sectors_sector ON agreement_sectors(sector, agreement_id)")


def _create_trade_and_targets(conn: sqlite3.Connection) -> None:
    """Trade figures and targets."""
    ex = conn.execute
    ex(
        f"""CREATE TABLE trade_figures (
            id INTEGER PRIMARY KEY,
            {_uid()},
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            period TEXT NOT NULL DEFAULT 'FY' CHECK (
                period IN ('FY', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4')
                OR period GLOB '[1-9]M' OR period IN ('10M', '11M')),
            turnover_usd_m REAL CHECK (turnover_usd_m IS NULL OR turnover_usd_m >= 0),
            exports_usd_m REAL CHECK (exports_usd_m IS NULL OR exports_usd_m >= 0),
            imports_usd_m REAL CHECK (imports_usd_m IS NULL OR imports_usd_m >= 0),
            statistics TEXT NOT NULL DEFAULT 'unknown'
                CHECK (statistics IN ('kazakh', 'partner', 'other', 'unknown')),
            qualifier TEXT NOT NULL DEFAULT 'exact'
                CHECK (qualifier IN ('exact', 'approx', 'lower_bound', 'upper_bound')),
            note_en TEXT,
            note_ru TEXT,
            CHECK (turnover_usd_m IS NOT NULL OR exports_usd_m IS NOT NULL OR imports_usd_m IS NOT NULL)
        )"""
    )
    ex("CREATE INDEX trade_partner_year ON trade_figures(partner_id, year, period)")

    ex(
        f"""CREATE TABLE targets (
            id INTEGER PRIMARY KEY,
            {_uid()},
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
            metric TEXT NOT NULL CHECK (metric IN ('trade_turnover', 'exports', 'imports')),
            value_usd_m REAL CHECK (value_usd_m IS NULL OR value_usd_m > 0),
            multiplier REAL CHECK (multiplier IS NULL OR multiplier > 0),
            horizon_year INTEGER CHECK (horizon_year IS NULL OR horizon_year BETWEEN 1900 AND 2200),
            horizon_note_en TEXT,
            horizon_note_ru TEXT,
            stated_on TEXT CHECK {_date('stated_on')},
            stated_by_en TEXT,
            stated_by_ru TEXT,
            note_en TEXT,
            note_ru TEXT,
            CHECK (value_usd_m IS NOT NULL OR multiplier IS NOT NULL)
        )"""
    )
    ex("CREATE INDEX targets_partner ON targets(partner_id)")


def _create_corridors_and_facts(conn: sqlite3.Connection) -> None:
    """Corridors, metrics and facts (a fact may be about a corridor)."""
    ex = conn.execute
    ex(
        f"""CREATE TABLE corridors (
            id INTEGER PRIMARY KEY,
            {_uid()},
            name_en TEXT NOT NULL,
            name_ru TEXT,
            description_en TEXT,
            description_ru TEXT
        )"""
    )

    ex(
        """CREATE TABLE metrics (
            code TEXT PRIMARY KEY CHECK (code GLOB '[a-z0-9]*' AND length(code) <= 80),
            name_en TEXT NOT NULL,
            name_ru TEXT NOT NULL,
            unit_en TEXT,
            unit_ru TEXT
        ) WITHOUT ROWID"""
    )
    ex(
        f"""CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            {_uid()},
            partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,
            corridor_id INTEGER REFERENCES corridors(id) ON DELETE SET NULL,
            metric TEXT NOT NULL REFERENCES metrics(code),
            value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 2000),
            value_num REAL,
            qualifier TEXT NOT NULL DEFAULT 'exact'
                CHECK (qualifier IN ('exact', 'approx', 'lower_bound', 'upper_bound')),
            unit TEXT,
            as_of TEXT CHECK {_date('as_of')},
            note_en TEXT,
            note_ru TEXT
        )"""
    )
    ex("CREATE INDEX facts_partner ON facts(partner_id, metric)")
    ex("CREATE INDEX facts_corridor ON facts(corridor_id)")


def _create_places(conn: sqlite3.Connection) -> None:
    """Places (nodes), corridor segments and projects."""
    ex = conn.execute
    ex(
        f"""CREATE TABLE nodes (
            id INTEGER PRIMARY KEY,
            {_uid()},
            name_en TEXT NOT NULL,
            name_ru TEXT,
            name_kk TEXT,
            country_iso3 TEXT NOT NULL CHECK (country_iso3 GLOB '[A-Z][A-Z][A-Z]'),
            kind TEXT NOT NULL REFERENCES node_kinds(code),
            lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
            lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
            note_en TEXT,
            note_ru TEXT,
            CHECK ((lat IS NULL) = (lon IS NULL))
        )"""
    )

    ex(
        f"""CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            {_uid()},
            corridor_id INTEGER NOT NULL REFERENCES corridors(id) ON DELETE CASCADE,
            from_node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE RESTRICT,
            to_node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE RESTRICT,
            mode TEXT NOT NULL REFERENCES transport_modes(code),
            status TEXT NOT NULL REFERENCES segment_statuses(code),
            length_km REAL CHECK (length_km IS NULL OR length_km > 0),
            note_en TEXT,
            note_ru TEXT,
            CHECK (from_node_id <> to_node_id)
        )"""
    )
    ex("CREATE INDEX segments_corridor ON segments(corridor_id)")
    ex("CREATE INDEX segments_from ON segments(from_node_id)")
    ex("CREATE INDEX segments_to ON segments(to_node_id)")

    ex(
        f"""CREATE TABLE projects (
            id INTEGER PRIMARY KEY,
            {_uid()},
            name_en TEXT NOT NULL,
            name_ru TEXT,
            partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL,
            corridor_id INTEGER REFERENCES corridors(id) ON DELETE SET NULL,
            node_id INTEGER REFERENCES nodes(id) ON DELETE SET NULL,
            status TEXT REFERENCES project_statuses(code),
            description_en TEXT,
            description_ru TEXT
        )"""
    )


def _create_links(conn: sqlite3.Connection) -> None:
    """Links from any record to its sources and places, and conflict groups."""
    ex = conn.execute
    # Links from any record to its sources, to places, and conflict groups. record_type is one of
    # RECORD_TABLES' keys; deleting a record removes its link rows (triggers below).
    kinds = ", ".join(f"'{k}'" for k in RECORD_TABLES)
    ex(_record_sources_table("record_sources", RECORD_TABLES))
    ex("CREATE INDEX record_sources_source ON record_sources(source_id)")
    ex(
        f"""CREATE TABLE record_places (
            record_type TEXT NOT NULL CHECK (record_type IN ({kinds})),
            record_id INTEGER NOT NULL,
            corridor_id INTEGER REFERENCES corridors(id) ON DELETE CASCADE,
            node_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
            CHECK ((corridor_id IS NULL) <> (node_id IS NULL))
        )"""
    )
    ex("CREATE UNIQUE INDEX record_places_unique ON record_places(record_type, record_id, coalesce(corridor_id, 0), "
       "coalesce(node_id, 0))")
    ex("CREATE INDEX record_places_corridor ON record_places(corridor_id, record_type)")
    ex("CREATE INDEX record_places_node ON record_places(node_id, record_type)")
    ex(
        """CREATE TABLE conflict_groups (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            record_type TEXT NOT NULL
        )"""
    )
    ex(
        f"""CREATE TABLE conflict_members (
            group_id INTEGER NOT NULL REFERENCES conflict_groups(id) ON DELETE CASCADE,
            record_type TEXT NOT NULL CHECK (record_type IN ({kinds})),
            record_id INTEGER NOT NULL,
            is_preferred INTEGER NOT NULL DEFAULT 0 CHECK (is_preferred IN (0, 1)),
            reason_en TEXT,
            reason_ru TEXT,
            PRIMARY KEY (group_id, record_type, record_id)
        ) WITHOUT ROWID"""
    )
    ex("CREATE UNIQUE INDEX conflict_one_preferred ON conflict_members(group_id) WHERE is_preferred = 1")
    ex("CREATE UNIQUE INDEX conflict_member_record ON conflict_members(record_type, record_id)")

    for event in ("INSERT", "UPDATE"):
        ex(
            f"""CREATE TRIGGER conflict_members_hide_{event.lower()} AFTER {event} ON conflict_members
                WHEN new.record_type = 'agreement' BEGIN
                UPDATE agreement_keys SET hidden = (new.is_preferred = 0) WHERE id = new.record_id;
            END"""
        )
    ex(
        """CREATE TRIGGER conflict_members_unhide_update AFTER UPDATE ON conflict_members
            WHEN old.record_type = 'agreement' AND (new.record_type <> 'agreement' OR new.record_id <> old.record_id)
            BEGIN
            UPDATE agreement_keys SET hidden = 0 WHERE id = old.record_id;
        END"""
    )
    ex(
        """CREATE TRIGGER conflict_members_unhide_delete AFTER DELETE ON conflict_members
            WHEN old.record_type = 'agreement' BEGIN
            UPDATE agreement_keys SET hidden = 0 WHERE id = old.record_id;
        END"""
    )

    for kind, table in RECORD_TABLES.items():
        ex(
            f"""CREATE TRIGGER {table}_unlink AFTER DELETE ON {table} BEGIN
                DELETE FROM record_sources WHERE record_type = '{kind}' AND record_id = old.id;
                DELETE FROM record_places WHERE record_type = '{kind}' AND record_id = old.id;
                DELETE FROM conflict_members WHERE record_type = '{kind}' AND record_id = old.id;
            END"""
        )


def _create_change_log(conn: sqlite3.Connection) -> None:
    """The change log: the editing layer fills it, one row per changed record."""
    ex = conn.execute
    # The change log: the editing layer fills it, one row per changed record.
    ex(
        """CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            changed_at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'undo', 'redo', 'import', 'merge')),
            record_type TEXT NOT NULL,
            record_id INTEGER,
            record_uid TEXT,
            fields TEXT,
            before_json TEXT,
            after_json TEXT,
            batch_id TEXT
        )"""
    )
    ex("CREATE INDEX change_log_record ON change_log(record_type, record_id)")


def _create_search_index(conn: sqlite3.Connection) -> None:
    """Full-text search of agreements and events, and the terms it holds."""
    ex = conn.execute
    # Full-text search: the columns hold folded words and their stems (desktop.core.text), kept
    # in step with the records by triggers calling the atlas_index_text() function that every
    # connection opened by desktop.data.database registers.
    ex(
        """CREATE VIRTUAL TABLE agreements_fts USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
        )"""
    )
    ex(
        """CREATE VIRTUAL TABLE events_fts USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
        )"""
    )
    # Every word form and stem the index holds, so that a typed prefix can be expanded into exact
    # terms (an FTS5 prefix query re-merges all matching doclists on every correlated probe).
    # Terms are only added: a term no record uses any more simply matches nothing.
    ex("CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID")
    ex(
        f"""CREATE TRIGGER agreements_fts_insert AFTER INSERT ON agreements BEGIN
            INSERT INTO agreements_fts(rowid, title, body) VALUES (
                new.id,
                atlas_index_text(new.title_en, new.title_ru, new.title_kk),
                atlas_index_text(new.summary_en, new.summary_ru));
            {_ADD_AGREEMENT_TERMS}
        END"""
    )
    ex(
        f"""CREATE TRIGGER agreements_fts_update
            AFTER UPDATE OF title_en, title_ru, title_kk, summary_en, summary_ru ON agreements BEGIN
            UPDATE agreements_fts SET
                title = atlas_index_text(new.title_en, new.title_ru, new.title_kk),
                body = atlas_index_text(new.summary_en, new.summary_ru)
            WHERE rowid = new.id;
            {_DROP_AGREEMENT_TERMS}
            {_ADD_AGREEMENT_TERMS}
        END"""
    )
    ex(
        f"""CREATE TRIGGER agreements_fts_delete AFTER DELETE ON agreements BEGIN
            DELETE FROM agreements_fts WHERE rowid = old.id;
            {_DROP_AGREEMENT_TERMS}
        END"""
    )
    ex(
        """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
            INSERT INTO events_fts(rowid, title, body) VALUES (
                new.id,
                atlas_index_text(new.title_en, new.title_ru),
                atlas_index_text(new.summary_en, new.summary_ru, new.place_en, new.place_ru));
        END"""
    )
    ex(
        """CREATE TRIGGER events_fts_update
            AFTER UPDATE OF title_en, title_ru, summary_en, summary_ru, place_en, place_ru ON events BEGIN
            UPDATE events_fts SET
                title = atlas_index_text(new.title_en, new.title_ru),
                body = atlas_index_text(new.summary_en, new.summary_ru, new.place_en, new.place_ru)
            WHERE rowid = new.id;
        END"""
    )
    ex(
        """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
            DELETE FROM events_fts WHERE rowid = old.id;
        END"""
    )


def _migration_1(conn: sqlite3.Connection) -> None:
    """The first schema: reference records, sources, conflicts, search index, change log."""
    _create_vocabularies_partners_sources(conn)
    _create_events(conn)
    _create_agreements(conn)
    _create_trade_and_targets(conn)
    _create_corridors_and_facts(conn)
    _create_places(conn)
    _create_links(conn)
    _create_change_log(conn)
    _create_search_index(conn)


def _migration_2(conn: sqlite3.Connection) -> None:
    """Marks on the records the user added, changed or deleted (by uid, so that a newer bundled
    database can be merged without losing them), and a faster change-log lookup by batch."""
    ex = conn.execute
    ex(
        """CREATE TABLE record_marks (
            record_type TEXT NOT NULL,
            record_uid TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('added', 'changed', 'deleted')),
            changed_at TEXT NOT NULL,
            PRIMARY KEY (record_type, record_uid)
        )"""
    )
    ex("CREATE INDEX change_log_batch ON change_log(batch_id)")


# Every other kind's search index (issue 17): what each FTS5 table holds. `name` is what a record is
# called (weighted high in ranking), `body` its other words: summaries, notes, descriptions, places,
# periods, publisher. {row} is new or old; the columns are the ones whose change re-indexes the row.
# Texts taken from other tables (a fact's metric, a segment's end nodes) are kept in step by the
# triggers on those tables below. Each text goes into one column only, so nothing is indexed twice.
_METRIC_NAME = "(SELECT m.name_en || ' ' || coalesce(m.name_ru, '') FROM metrics m WHERE m.code = {row}.metric)"
_NODE_NAME = ("(SELECT n.name_en || ' ' || coalesce(n.name_ru, '') || ' ' || coalesce(n.name_kk, '') "
              "FROM nodes n WHERE n.id = {row}.{col})")
FIND_INDEX: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # kind: (table, fts table, name texts, body texts, watched columns)
    "fact": ("facts", "facts_fts", ("{row}.value", _METRIC_NAME), ("{row}.note_en", "{row}.note_ru", "{row}.unit"),
             ("value", "metric", "note_en", "note_ru", "unit")),
    "target": ("targets", "targets_fts", ("{row}.stated_by_en", "{row}.stated_by_ru"),
               ("{row}.horizon_note_en", "{row}.horizon_note_ru", "{row}.note_en", "{row}.note_ru"),
               ("stated_by_en", "stated_by_ru", "horizon_note_en", "horizon_note_ru", "note_en", "note_ru")),
    "trade": ("trade_figures", "trade_fts", ("CAST({row}.year AS TEXT)", "{row}.period"),
              ("{row}.note_en", "{row}.note_ru"), ("year", "period", "note_en", "note_ru")),
    "node": ("nodes", "nodes_fts", ("{row}.name_en", "{row}.name_ru", "{row}.name_kk"),
             ("{row}.note_en", "{row}.note_ru"), ("name_en", "name_ru", "name_kk", "note_en", "note_ru")),
    "corridor": ("corridors", "corridors_fts", ("{row}.name_en", "{row}.name_ru"),
                 ("{row}.description_en", "{row}.description_ru"),
                 ("name_en", "name_ru", "description_en", "description_ru")),
    "segment": ("segments", "segments_fts",
                (_NODE_NAME.replace("{col}", "from_node_id"), _NODE_NAME.replace("{col}", "to_node_id")),
                ("{row}.note_en", "{row}.note_ru"), ("from_node_id", "to_node_id", "note_en", "note_ru")),
    "project": ("projects", "projects_fts", ("{row}.name_en", "{row}.name_ru"),
                ("{row}.description_en", "{row}.description_ru"),
                ("name_en", "name_ru", "description_en", "description_ru")),
    "mechanism": ("mechanisms", "mechanisms_fts", ("{row}.name_en", "{row}.name_ru"),
                  ("{row}.note_en", "{row}.note_ru"), ("name_en", "name_ru", "note_en", "note_ru")),
    "partner": ("partners", "partners_fts", ("{row}.name_en", "{row}.name_ru", "{row}.name_kk", "{row}.iso3"), (),
                ("name_en", "name_ru", "name_kk", "iso3")),
    "source": ("sources", "sources_fts", ("{row}.title",), ("{row}.publisher",), ("title", "publisher")),
}


def _index_call(texts: tuple[str, ...], row: str) -> str:
    return f"atlas_index_text({', '.join(t.format(row=row) for t in texts)})" if texts else "''"


def _migration_find_index(conn: sqlite3.Connection) -> None:
    """One search index per record kind (issue 17), and the existing two re-indexed: the text folding
    changed (Kazakh letters meet Russian ones, transliteration keys, numbers with group separators)."""
    ex = conn.execute
    for _kind, (table, fts, name, body, watched) in FIND_INDEX.items():
        ex(f"""CREATE VIRTUAL TABLE {fts} USING fts5(
                name, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
            )""")
        new_name, new_body = _index_call(name, "new"), _index_call(body, "new")
        ex(f"""CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN
                INSERT INTO {fts}(rowid, name, body) VALUES (new.id, {new_name}, {new_body});
            END""")
        ex(f"""CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {', '.join(watched)} ON {table} BEGIN
                DELETE FROM {fts} WHERE rowid = old.id;
                INSERT INTO {fts}(rowid, name, body) VALUES (new.id, {new_name}, {new_body});
            END""")
        ex(f"""CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN
                DELETE FROM {fts} WHERE rowid = old.id;
            END""")
        ex(f"INSERT INTO {fts}(rowid, name, body) SELECT id, {_index_call(name, table)}, {_index_call(body, table)} "
           f"FROM {table}")
    # Texts of other tables: a metric's names are part of its facts' names, a node's of its segments'.
    fact_name = _index_call(FIND_INDEX["fact"][2], "f")
    ex(f"""CREATE TRIGGER facts_fts_metric_update AFTER UPDATE OF name_en, name_ru ON metrics BEGIN
            UPDATE facts_fts SET name = (SELECT {fact_name} FROM facts f WHERE f.id = facts_fts.rowid)
            WHERE rowid IN (SELECT id FROM facts WHERE metric = new.code);
        END""")
    segment_name = _index_call(FIND_INDEX["segment"][2], "s")
    ex(f"""CREATE TRIGGER segments_fts_node_update AFTER UPDATE OF name_en, name_ru, name_kk ON nodes BEGIN
            UPDATE segments_fts SET name = (SELECT {segment_name} FROM segments s WHERE s.id = segments_fts.rowid)
            WHERE rowid IN (SELECT id FROM segments WHERE from_node_id = new.id OR to_node_id = new.id);
        END""")
    # Newest first for large match sets: the date orders of the kinds that have a date.
    ex("CREATE INDEX facts_as_of ON facts(coalesce(as_of, ''))")
    ex("CREATE INDEX targets_stated_on ON targets(coalesce(stated_on, ''))")
    ex("CREATE INDEX sources_published ON sources(coalesce(published, ''))")
    # The two existing indexes again, with the new folding; search_terms counted afresh from the index.
    ex("DELETE FROM agreements_fts")
    ex("""INSERT INTO agreements_fts(rowid, title, body) SELECT id,
            atlas_index_text(title_en, title_ru, title_kk), atlas_index_text(summary_en, summary_ru) FROM agreements""")
    ex("DELETE FROM events_fts")
    ex("""INSERT INTO events_fts(rowid, title, body) SELECT id, atlas_index_text(title_en, title_ru),
            atlas_index_text(summary_en, summary_ru, place_en, place_ru) FROM events""")
    ex("DELETE FROM search_terms")
    ex("CREATE VIRTUAL TABLE temp.agreement_terms USING fts5vocab(main, agreements_fts, 'row')")
    ex("INSERT INTO search_terms (term, docs) SELECT term, doc FROM temp.agreement_terms")
    ex("DROP TABLE temp.agreement_terms")


# The terms of an alias name, as the search index holds them (folded words, stems, transliteration
# keys): atlas_index_text() separates them with single spaces and they hold only letters and digits.
_ALIAS_TERMS = """INSERT INTO alias_terms (term, alias_id) SELECT DISTINCT value, new.id FROM
            json_each('["' || replace(atlas_index_text(new.name), ' ', '","') || '"]') WHERE value <> '';"""


def _migration_aliases(conn: sqlite3.Connection) -> None:
    """Aliases (issue 17): other names of countries, cities, ports, organisations and terms, kept as
    data, with the terms of each name for a quick lookup, and aliases as a kind that cites sources."""
    ex = conn.execute
    ex(
        f"""CREATE TABLE aliases (
            id INTEGER PRIMARY KEY,
            {_uid()},
            group_id TEXT NOT NULL CHECK (length(group_id) BETWEEN 1 AND 80),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            lang TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('name', 'former_name', 'abbreviation', 'spelling', 'synonym')),
            note_en TEXT
        )"""
    )
    ex("CREATE INDEX aliases_group ON aliases(group_id)")
    ex(
        """CREATE TABLE alias_terms (
            term TEXT NOT NULL,
            alias_id INTEGER NOT NULL REFERENCES aliases(id) ON DELETE CASCADE
        )"""
    )
    ex("CREATE INDEX alias_terms_term ON alias_terms(term, alias_id)")
    ex("CREATE INDEX alias_terms_alias ON alias_terms(alias_id)")
    ex(f"""CREATE TRIGGER aliases_terms_insert AFTER INSERT ON aliases BEGIN
            {_ALIAS_TERMS}
        END""")
    ex(f"""CREATE TRIGGER aliases_terms_update AFTER UPDATE OF id, name ON aliases BEGIN
            DELETE FROM alias_terms WHERE alias_id = old.id;
            {_ALIAS_TERMS}
        END""")
    ex("""CREATE TRIGGER aliases_terms_delete AFTER DELETE ON aliases BEGIN
            DELETE FROM alias_terms WHERE alias_id = old.id;
            DELETE FROM record_sources WHERE record_type = 'alias' AND record_id = old.id;
        END""")
    # record_sources' record_type check gains 'alias': SQLite cannot change a CHECK, so the table is
    # made anew with the same rows (no trigger is defined on it; the triggers that delete from it by
    # name keep working once the new table has the old name).
    ex(_record_sources_table("record_sources_new", (*RECORD_TABLES, "alias")))
    ex("INSERT INTO record_sources_new SELECT record_type, record_id, source_id, position FROM record_sources")
    legacy = conn.execute("PRAGMA legacy_alter_table").fetchone()[0]
    # Without the legacy rule, renaming checks every trigger, and those that name record_sources would
    # name a missing table between the DROP and the RENAME.
    ex("PRAGMA legacy_alter_table = ON")
    try:
        ex("DROP TABLE record_sources")
        ex("ALTER TABLE record_sources_new RENAME TO record_sources")
    finally:
        ex(f"PRAGMA legacy_alter_table = {int(legacy)}")
    ex("CREATE INDEX record_sources_source ON record_sources(source_id)")


# Country terms (issue 17): every record linked to a country carries that country's term
# (desktop.core.text.country_term, "zq0tur") at the end of its index body, so that a query naming a
# country by any of its alias names finds the agreements, events, facts, places and corridors of that
# country through the same index and the same expression as any word. {row} is the record's alias.
_TERM = f"'{COUNTRY_TERM_PREFIX}' || lower({{code}})"
_COUNTRY_TERMS: dict[str, str] = {
    "agreement": (f"(SELECT group_concat(t, ' ') FROM (SELECT {_TERM.format(code='p.iso3')} AS t "
                  "FROM agreement_partners x JOIN partners p ON p.id = x.partner_id WHERE x.agreement_id = {row}.id "
                  "ORDER BY x.position, p.iso3))"),
    "event": (f"(SELECT group_concat(t, ' ') FROM (SELECT {_TERM.format(code='p.iso3')} AS t "
              "FROM event_partners x JOIN partners p ON p.id = x.partner_id WHERE x.event_id = {row}.id "
              "ORDER BY x.position, p.iso3))"),
    "node": _TERM.format(code="{row}.country_iso3"),
    "segment": (f"(SELECT group_concat(DISTINCT {_TERM.format(code='n.country_iso3')}) FROM nodes n "
                "WHERE n.id IN ({row}.from_node_id, {row}.to_node_id))"),
    "corridor": (f"(SELECT group_concat(DISTINCT {_TERM.format(code='n.country_iso3')}) FROM segments s "
                 "JOIN nodes n ON n.id IN (s.from_node_id, s.to_node_id) WHERE s.corridor_id = {row}.id)"),
}
_OWN_PARTNER_KINDS = ("fact", "target", "trade", "project", "mechanism")
for _kind in _OWN_PARTNER_KINDS:
    _COUNTRY_TERMS[_kind] = f"(SELECT {_TERM.format(code='p.iso3')} FROM partners p WHERE p.id = {{row}}.partner_id)"
# The columns whose change changes a record's own country terms.
_COUNTRY_COLUMNS = {"node": ("country_iso3",), "segment": (), **{k: ("partner_id",) for k in _OWN_PARTNER_KINDS}}


def _body_with_countries(kind: str, body: str, row: str) -> str:
    """An index body call followed by the record's country terms (none: the body alone)."""
    return f"ltrim({body} || coalesce(' ' || {_COUNTRY_TERMS[kind].format(row=row)}, ''))"


def index_columns(kind: str, row: str, *, working_titles: bool = True, kazakh: bool = True) -> tuple[str, str]:
    """The SQL of what the search index of ``kind`` holds for the record aliased ``row`` (its two
    columns: name or title, and body), as the triggers write it today (``working_titles=False``: before
    migration 8, which indexes an agreement's working translation with its titles; ``kazakh=False``: before
    migration 10, which indexes the working Kazakh translation too)."""
    if kind == "agreement":
        working = f", {row}.title_ru_working" if working_titles else ""
        working += f", {row}.title_kk_working" if working_titles and kazakh else ""
        return (f"atlas_index_text({row}.title_en, {row}.title_ru, {row}.title_kk{working})",
                _agreement_body(row))
    if kind == "event":
        return f"atlas_index_text({row}.title_en, {row}.title_ru)", _event_body(row)
    _table, _fts, name, body, _watched = FIND_INDEX[kind]
    call = _index_call(body, row)
    return _index_call(name, row), _body_with_countries(kind, call, row) if kind in _COUNTRY_TERMS else call


def _agreement_body(row: str) -> str:
    return _body_with_countries("agreement", f"atlas_index_text({row}.summary_en, {row}.summary_ru)", row)


def _event_body(row: str) -> str:
    return _body_with_countries(
        "event", f"atlas_index_text({row}.summary_en, {row}.summary_ru, {row}.place_en, {row}.place_ru)", row)


def _refresh(fts: str, table: str, body: str, ids: str) -> str:
    """An UPDATE that re-computes the body column of the index rows ``ids`` (an SQL list or query)."""
    return (f"UPDATE {fts} SET body = (SELECT {body} FROM {table} r WHERE r.id = {fts}.rowid) "
            f"WHERE rowid IN ({ids});")


def _migration_country_terms(conn: sqlite3.Connection) -> None:
    """Country terms in the index of every kind linked to a country (see _COUNTRY_TERMS), kept in step by
    triggers on the records, their partner links, segments' nodes and partners' codes."""
    ex = conn.execute
    # Agreements and events: the insert and update triggers write the body with the country terms; a
    # partner link added, changed or removed re-writes the body of its record.
    for name in ("agreements_fts_insert", "agreements_fts_update", "events_fts_insert", "events_fts_update"):
        ex(f"DROP TRIGGER {name}")
    ex(f"""CREATE TRIGGER agreements_fts_insert AFTER INSERT ON agreements BEGIN
            INSERT INTO agreements_fts(rowid, title, body) VALUES (
                new.id, atlas_index_text(new.title_en, new.title_ru, new.title_kk), {_agreement_body('new')});
            {_ADD_AGREEMENT_TERMS}
        END""")
    ex(f"""CREATE TRIGGER agreements_fts_update
            AFTER UPDATE OF title_en, title_ru, title_kk, summary_en, summary_ru ON agreements BEGIN
            UPDATE agreements_fts SET
                title = atlas_index_text(new.title_en, new.title_ru, new.title_kk), body = {_agreement_body('new')}
            WHERE rowid = new.id;
            {_DROP_AGREEMENT_TERMS}
            {_ADD_AGREEMENT_TERMS}
        END""")
    ex(f"""CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
            INSERT INTO events_fts(rowid, title, body) VALUES (
                new.id, atlas_index_text(new.title_en, new.title_ru), {_event_body('new')});
        END""")
    ex(f"""CREATE TRIGGER events_fts_update
            AFTER UPDATE OF title_en, title_ru, summary_en, summary_ru, place_en, place_ru ON events BEGIN
            UPDATE events_fts SET title = atlas_index_text(new.title_en, new.title_ru), body = {_event_body('new')}
            WHERE rowid = new.id;
        END""")
    for link, column, fts, table, body in (
            ("agreement_partners", "agreement_id", "agreements_fts", "agreements", _agreement_body("r")),
            ("event_partners", "event_id", "events_fts", "events", _event_body("r"))):
        ex(f"""CREATE TRIGGER {link}_fts_insert AFTER INSERT ON {link} BEGIN
                {_refresh(fts, table, body, f'new.{column}')}
            END""")
        ex(f"""CREATE TRIGGER {link}_fts_update AFTER UPDATE ON {link} BEGIN
                {_refresh(fts, table, body, f'old.{column}, new.{column}')}
            END""")
        ex(f"""CREATE TRIGGER {link}_fts_delete AFTER DELETE ON {link} BEGIN
                {_refresh(fts, table, body, f'old.{column}')}
            END""")
    # The other kinds: their own insert and update triggers, with the country terms and the columns
    # they come from.
    for kind, (table, fts, name_texts, body_texts, watched) in FIND_INDEX.items():
        if kind not in _COUNTRY_TERMS:
            continue
        new_body = _body_with_countries(kind, _index_call(body_texts, "new"), "new")
        ex(f"DROP TRIGGER {fts}_insert")
        ex(f"DROP TRIGGER {fts}_update")
        ex(f"""CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN
                INSERT INTO {fts}(rowid, name, body) VALUES (new.id, {_index_call(name_texts, 'new')}, {new_body});
            END""")
        columns = ", ".join(dict.fromkeys((*watched, *_COUNTRY_COLUMNS.get(kind, ()))))
        ex(f"""CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {columns} ON {table} BEGIN
                DELETE FROM {fts} WHERE rowid = old.id;
                INSERT INTO {fts}(rowid, name, body) VALUES (new.id, {_index_call(name_texts, 'new')}, {new_body});
            END""")
    # A corridor's countries are those of its segments' nodes; a segment's those of its two nodes.
    corridor_body = _body_with_countries("corridor", _index_call(FIND_INDEX["corridor"][3], "r"), "r")
    segment_body = _body_with_countries("segment", _index_call(FIND_INDEX["segment"][3], "r"), "r")
    ex(f"""CREATE TRIGGER segments_corridor_fts_insert AFTER INSERT ON segments BEGIN
            {_refresh('corridors_fts', 'corridors', corridor_body, 'new.corridor_id')}
        END""")
    ex(f"""CREATE TRIGGER segments_corridor_fts_update
            AFTER UPDATE OF corridor_id, from_node_id, to_node_id ON segments BEGIN
            {_refresh('corridors_fts', 'corridors', corridor_body, 'old.corridor_id, new.corridor_id')}
        END""")
    ex(f"""CREATE TRIGGER segments_corridor_fts_delete AFTER DELETE ON segments BEGIN
            {_refresh('corridors_fts', 'corridors', corridor_body, 'old.corridor_id')}
        END""")
    ex(f"""CREATE TRIGGER nodes_country_fts_update AFTER UPDATE OF country_iso3 ON nodes BEGIN
            {_refresh('segments_fts', 'segments', segment_body,
                      'SELECT id FROM segments WHERE from_node_id = new.id OR to_node_id = new.id')}
            {_refresh('corridors_fts', 'corridors', corridor_body,
                      'SELECT corridor_id FROM segments WHERE from_node_id = new.id OR to_node_id = new.id')}
        END""")
    # A partner's code: the terms of everything linked to it.
    refreshes = [
        _refresh("agreements_fts", "agreements", _agreement_body("r"),
                 "SELECT agreement_id FROM agreement_partners WHERE partner_id = new.id"),
        _refresh("events_fts", "events", _event_body("r"),
                 "SELECT event_id FROM event_partners WHERE partner_id = new.id"),
    ]
    for kind in _OWN_PARTNER_KINDS:
        table, fts, _name, body_texts, _watched = FIND_INDEX[kind]
        refreshes.append(_refresh(fts, table, _body_with_countries(kind, _index_call(body_texts, "r"), "r"),
                                  f"SELECT id FROM {table} WHERE partner_id = new.id"))
    ex(f"""CREATE TRIGGER partners_code_fts_update AFTER UPDATE OF iso3 ON partners BEGIN
            {' '.join(refreshes)}
        END""")
    # Every index anew: the country terms, and a Russian word's stem's transliteration key beside its own
    # (desktop.core.text.word_keys); the agreements' term counts and the aliases' terms with them.
    for kind, table, fts, columns in (("agreement", "agreements", "agreements_fts", "title, body"),
                                      ("event", "events", "events_fts", "title, body"),
                                      *((k, spec[0], spec[1], "name, body") for k, spec in FIND_INDEX.items())):
        first, second = index_columns(kind, "r", working_titles=False)
        ex(f"DELETE FROM {fts}")
        ex(f"INSERT INTO {fts}(rowid, {columns}) SELECT r.id, {first}, {second} FROM {table} r")
    ex("DELETE FROM search_terms")
    ex("CREATE VIRTUAL TABLE temp.agreement_terms_5 USING fts5vocab(main, agreements_fts, 'row')")
    ex("INSERT INTO search_terms (term, docs) SELECT term, doc FROM temp.agreement_terms_5 WHERE term NOT LIKE ?",
       (COUNTRY_TERM_PREFIX + "%",))
    ex("DROP TABLE temp.agreement_terms_5")
    ex("DELETE FROM alias_terms")
    ex("""INSERT INTO alias_terms (term, alias_id) SELECT DISTINCT j.value, a.id FROM aliases a,
            json_each('["' || replace(atlas_index_text(a.name), ' ', '","') || '"]') j WHERE j.value <> ''""")


# What a target is (issue 18): a level to reach, an increase by an amount over a base year's figure, or a
# multiple of a base year's figure; a party's target or someone else's estimate; who stated it, in what
# role. A source's kind (how much weight its word carries). A title published only in English, with a
# working Russian translation kept apart from the official titles; a worded fact value in Russian.


def _values(choices: tuple[str, ...]) -> str:
    return ", ".join(f"'{c}'" for c in choices)


def _migration_truth_at_a_glance(conn: sqlite3.Connection) -> None:
    ex = conn.execute
    ex(f"ALTER TABLE targets ADD COLUMN kind TEXT NOT NULL DEFAULT 'level' CHECK (kind IN ({_values(TARGET_KINDS)}))")
    ex("ALTER TABLE targets ADD COLUMN base_year INTEGER CHECK (base_year IS NULL OR base_year BETWEEN 1900 AND 2200)")
    ex("ALTER TABLE targets ADD COLUMN estimate INTEGER NOT NULL DEFAULT 0 CHECK (estimate IN (0, 1))")
    ex(f"ALTER TABLE targets ADD COLUMN stated_role TEXT CHECK (stated_role IS NULL OR stated_role IN "
       f"({_values(STATED_ROLES)}))")
    # A target given as a multiplier alone was a multiple of some year's figure.
    ex("UPDATE targets SET kind = 'multiple' WHERE value_usd_m IS NULL AND multiplier IS NOT NULL")
    ex(f"ALTER TABLE sources ADD COLUMN kind TEXT CHECK (kind IS NULL OR kind IN ({_values(SOURCE_KINDS)}))")
    ex("ALTER TABLE agreements ADD COLUMN title_ru_working TEXT")
    ex("ALTER TABLE facts ADD COLUMN value_ru TEXT")


# The terms of every kind's index but the agreements' (which have search_terms), for expanding a typed prefix
# into the exact terms that begin it: an fts5vocab table counts each term's documents as it lists it, which at a
# million events costs tens of milliseconds for a common prefix. Terms are only added, as in search_terms: a term
# no record uses any more simply matches nothing. Kept by the index triggers of each kind, which read the terms
# back from the index row they have just written (so the index text is made once).
_TERM_KINDS = {"event": ("events", "events_fts", "title"),
               **{kind: (spec[0], spec[1], "name") for kind, spec in FIND_INDEX.items()}}


def _add_terms(kind: str, fts: str, first: str) -> str:
    return (f"INSERT OR IGNORE INTO find_terms (kind, term) SELECT '{kind}', j.value FROM {fts} f, "
            f"json_each('[\"' || replace(f.{first} || ' ' || f.body, ' ', '\",\"') || '\"]') j "
            "WHERE f.rowid = new.id AND j.value <> '';")


def _migration_find_terms(conn: sqlite3.Connection) -> None:
    ex = conn.execute
    ex("""CREATE TABLE find_terms (
            kind TEXT NOT NULL,
            term TEXT NOT NULL,
            PRIMARY KEY (kind, term)
        ) WITHOUT ROWID""")
    for kind, (_table, fts, first) in _TERM_KINDS.items():
        # the kind's insert and update triggers as they are, with the terms added at their end
        for trigger in (f"{fts}_insert", f"{fts}_update"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               (trigger,)).fetchone()[0]
            body, end = sql.rstrip().rsplit("END", 1)
            if end.strip():
                raise sqlite3.DatabaseError(f"trigger {trigger} does not end with END")
            ex(f"DROP TRIGGER {trigger}")
            ex(f"{body.rstrip()}\n                {_add_terms(kind, fts, first)}\n            END")
        ex(f"CREATE VIRTUAL TABLE temp.terms_7 USING fts5vocab(main, {fts}, 'row')")
        ex(f"INSERT OR IGNORE INTO find_terms (kind, term) SELECT '{kind}', term FROM temp.terms_7")
        ex("DROP TABLE temp.terms_7")


# A working translation of a title (issue 18) is found as the titles are: the agreements' triggers index it
# with them, and count its terms in search_terms. The triggers are taken as they are and the one argument
# added after title_kk (only the agreements' triggers name that column).
_TITLE_KK = re.compile(r"\b(new|old)\.title_kk\b")


def _migration_working_titles(conn: sqlite3.Connection) -> None:
    ex = conn.execute
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                                  "'agreements' AND sql LIKE '%title_kk%'").fetchall():
        changed = _TITLE_KK.sub(lambda m: f"{m.group(1)}.title_kk, {m.group(1)}.title_ru_working", sql)
        changed = changed.replace("UPDATE OF title_en, title_ru, title_kk,",
                                  "UPDATE OF title_en, title_ru, title_kk, title_ru_working,")
        ex(f"DROP TRIGGER {name}")
        ex(changed)
    title, _body = index_columns("agreement", "r", kazakh=False)
    ex(f"UPDATE agreements_fts SET title = (SELECT {title} FROM agreements r WHERE r.id = agreements_fts.rowid) "
       "WHERE rowid IN (SELECT id FROM agreements WHERE title_ru_working IS NOT NULL)")
    ex("DELETE FROM search_terms")
    ex("CREATE VIRTUAL TABLE temp.agreement_terms_8 USING fts5vocab(main, agreements_fts, 'row')")
    ex("INSERT INTO search_terms (term, docs) SELECT term, doc FROM temp.agreement_terms_8 WHERE term NOT LIKE ?",
       (COUNTRY_TERM_PREFIX + "%",))
    ex("DROP TABLE temp.agreement_terms_8")


# Geography told truthfully (issue 19): a node's position may be approximate (taken from the nearest town or
# district, with where it came from); a segment may record its route, the points its line passes
# (desktop.core.routes), as one JSON text.
def _migration_routes(conn: sqlite3.Connection) -> None:
    ex = conn.execute
    ex("ALTER TABLE nodes ADD COLUMN position_approx INTEGER NOT NULL DEFAULT 0 CHECK (position_approx IN (0, 1))")
    ex("ALTER TABLE nodes ADD COLUMN position_from TEXT")
    ex("ALTER TABLE segments ADD COLUMN route TEXT CHECK (route IS NULL OR json_valid(route))")


# Kazakh as a third language of the data (issue 20): a Kazakh name or text beside the English and Russian ones of
# corridors, mechanisms, vocabulary values, metrics and worded fact values, and a working Kazakh translation of an
# agreement's title where no Kazakh title was published (shown marked "ресми емес аударма"), indexed with the titles.
_TITLE_RU_WORKING = re.compile(r"\b(new|old)\.title_ru_working\b")


def _migration_kazakh(conn: sqlite3.Connection) -> None:
    ex = conn.execute
    for table in ("corridors", "mechanisms", "metrics"):  # (the vocabularies, partners and nodes have name_kk)
        ex(f"ALTER TABLE {table} ADD COLUMN name_kk TEXT")
    ex("ALTER TABLE corridors ADD COLUMN description_kk TEXT")
    ex("ALTER TABLE metrics ADD COLUMN unit_kk TEXT")
    ex("ALTER TABLE facts ADD COLUMN value_kk TEXT")
    ex("ALTER TABLE agreements ADD COLUMN title_kk_working TEXT")
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                                  "'agreements' AND sql LIKE '%title_ru_working%'").fetchall():
        changed = _TITLE_RU_WORKING.sub(lambda m: f"{m.group(1)}.title_ru_working, {m.group(1)}.title_kk_working",
                                        sql)
        changed = changed.replace("title_kk, title_ru_working,", "title_kk, title_ru_working, title_kk_working,")
        ex(f"DROP TRIGGER {name}")
        ex(changed)


# The agreements table sorted by title in Kazakh reads an index, as it does in English and Russian (at a million
# agreements a sort without one takes seconds). The expression is data/agreements.py's sort key for Kazakh.
def _migration_kazakh_title_index(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX agreements_title_kk ON agreements("
                 "coalesce(title_kk, title_kk_working, title_ru, title_en, '') COLLATE NOCASE)")


# The Kazakh (and the worded Russian) texts of corridors, mechanisms and facts in their search indexes (issue
# 20): a corridor's Kazakh name and description, a mechanism's Kazakh name, a fact's worded Russian and Kazakh
# values and its metric's Kazakh name. Each trigger that writes those indexes is rewritten with the new columns
# (the rest of it, country terms and find_terms, as it is), and the three indexes are written anew.
_KAZAKH_TEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    # kind: (old SQL, new SQL) pairs, {row} the record's alias
    "corridor": (("atlas_index_text({row}.name_en, {row}.name_ru)",
                  "atlas_index_text({row}.name_en, {row}.name_ru, {row}.name_kk)"),
                 ("atlas_index_text({row}.description_en, {row}.description_ru) || coalesce(' ' || (SELECT "
                  "group_concat(DISTINCT",
                  "atlas_index_text({row}.description_en, {row}.description_ru, {row}.description_kk) || "
                  "coalesce(' ' || (SELECT group_concat(DISTINCT")),
    "mechanism": (("atlas_index_text({row}.name_en, {row}.name_ru)",
                   "atlas_index_text({row}.name_en, {row}.name_ru, {row}.name_kk)"),),
    "fact": (("atlas_index_text({row}.value, (SELECT m.name_en || ' ' || coalesce(m.name_ru, '') FROM metrics m",
              "atlas_index_text({row}.value, {row}.value_ru, {row}.value_kk, (SELECT m.name_en || ' ' || "
              "coalesce(m.name_ru, '') || ' ' || coalesce(m.name_kk, '') FROM metrics m"),),
}
_KAZAKH_WATCHED = {"corridor": "name_kk, description_kk", "mechanism": "name_kk", "fact": "value_ru, value_kk"}


def _migration_kazakh_search(conn: sqlite3.Connection) -> None:
    ex = conn.execute
    triggers = {"corridor": ["corridors_fts_insert", "corridors_fts_update", "segments_corridor_fts_insert",
                             "segments_corridor_fts_update", "segments_corridor_fts_delete",
                             "nodes_country_fts_update"],
                "mechanism": ["mechanisms_fts_insert", "mechanisms_fts_update"],
                "fact": ["facts_fts_insert", "facts_fts_update", "facts_fts_metric_update"]}
    for kind, names in triggers.items():
        for name in names:
            sql = ex("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).fetchone()[0]
            changed = sql
            for old, new in _KAZAKH_TEXTS[kind]:
                for row in ("new", "r", "f"):
                    changed = changed.replace(old.format(row=row), new.format(row=row))
            if name in ("corridors_fts_update", "mechanisms_fts_update", "facts_fts_update"):
                changed = re.sub(r"(AFTER UPDATE OF [^)]*?)( ON )", rf"\1, {_KAZAKH_WATCHED[kind]}\2", changed, count=1)
            if name == "facts_fts_metric_update":
                changed = changed.replace("AFTER UPDATE OF name_en, name_ru ON",
                                          "AFTER UPDATE OF name_en, name_ru, name_kk ON")
            if changed == sql:
                raise sqlite3.DatabaseError(f"trigger {name} is not as expected: its Kazakh texts cannot be added")
            ex(f"DROP TRIGGER {name}")
            ex(changed)
    # The three indexes anew, and their terms.
    reindexed = {"corridor": ("corridors", "corridors_fts"), "mechanism": ("mechanisms", "mechanisms_fts"),
                 "fact": ("facts", "facts_fts")}
    for kind, (table, fts) in reindexed.items():
        name, body = index_columns(kind, "r")
        for old, new in _KAZAKH_TEXTS[kind]:
            name, body = name.replace(old.format(row="r"), new.format(row="r")), body.replace(old.format(row="r"),
                                                                                               new.format(row="r"))
        ex(f"DELETE FROM {fts}")
        ex(f"INSERT INTO {fts}(rowid, name, body) SELECT r.id, {name}, {body} FROM {table} r")
        ex(f"INSERT OR IGNORE INTO find_terms (kind, term) SELECT '{kind}', j.value FROM {fts} f, "
           f"json_each('[\"' || replace(f.name || ' ' || f.body, ' ', '\",\"') || '\"]') j WHERE j.value <> ''")


def find_index_columns(kind: str, row: str) -> tuple[str, str]:
    """The SQL of the two columns (name, body) that the insert trigger of ``kind``'s index (a kind of FIND_INDEX)
    writes today for the record aliased ``row``: :func:`index_columns` with the Kazakh texts of migration 12."""
    name, body = index_columns(kind, row)
    for old, new in _KAZAKH_TEXTS.get(kind, ()):
        name, body = name.replace(old.format(row=row), new.format(row=row)), body.replace(old.format(row=row),
                                                                                           new.format(row=row))
    return name, body


# Imports that scale (issue 21): an import inserts tens of thousands of records at once, and each record's insert
# trigger folded its texts, wrote its index row and its terms one record at a time. The insert triggers of the
# kinds of FIND_INDEX now stand aside while the table BULK_INDEX_TABLE holds a row: a writer puts one there, inside
# its transaction, while it indexes the rows it inserts itself, in bulk, with the same expressions
# (desktop.data.editing.bulk_indexing, desktop.export.import_writer), and takes it out before the commit, so that no
# other connection ever sees it. A table, not a function of the app's: any program that could insert before (with
# atlas_index_text) still can, and its rows are indexed as before.
BULK_INDEX_TABLE = "bulk_indexing"


def _migration_bulk_index(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE TABLE {BULK_INDEX_TABLE} (writer TEXT PRIMARY KEY) WITHOUT ROWID")
    for table, fts, *_rest in FIND_INDEX.values():
        name = f"{fts}_insert"
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).fetchone()[0]
        head = f"AFTER INSERT ON {table} BEGIN"
        if sql.count(head) != 1:
            raise sqlite3.DatabaseError(f"trigger {name} is not as expected: it cannot be made to skip bulk inserts")
        conn.execute(f"DROP TRIGGER {name}")
        conn.execute(sql.replace(head, f"AFTER INSERT ON {table} WHEN NOT EXISTS (SELECT 1 FROM {BULK_INDEX_TABLE}) "
                                       "BEGIN"))


# The ordered list of migrations: MIGRATIONS[i] brings a database from version i to i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migration_1,
    _migration_2,
    _migration_find_index,
    _migration_aliases,
    _migration_country_terms,
    _migration_truth_at_a_glance,
    _migration_find_terms,
    _migration_working_titles,
    _migration_routes,
    _migration_kazakh,
    _migration_kazakh_title_index,
    _migration_kazakh_search,
    _migration_bulk_index,
    migration_team_sync,
]

LATEST_VERSION = len(MIGRATIONS)

# "PATL" (Partnership ATLas) in ASCII: the file header's application id of every Atlas database. Fixed for
# good: changing it would make every existing file look foreign.
APPLICATION_ID = 0x5041544C


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def mark_as_atlas(conn: sqlite3.Connection) -> None:
    """Write :data:`APPLICATION_ID` into the file header (a write: only for a file opened for work)."""
    if application_id(conn) != APPLICATION_ID:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Apply the migrations from the current version up to ``target`` (default: the latest),
    each in one transaction, and mark the file as an Atlas database (:func:`mark_as_atlas`).

    Returns the versions reached. The connection must be in autocommit mode (isolation_level None).
    """
    if target is None:
        target = len(MIGRATIONS)
    reached: list[int] = []
    current = schema_version(conn)
    while current < target:
        step = MIGRATIONS[current]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            violations = conn.execute("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise sqlite3.IntegrityError(f"migration {current + 1} left foreign key violations: {violations[:5]}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        current += 1
        reached.append(current)
    mark_as_atlas(conn)
    return reached
