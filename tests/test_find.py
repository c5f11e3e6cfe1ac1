"""Find anything (issue 17): every kind searchable, the words people type, conflicts, ranking,
suggestions, hostile input, the index kept in step, and a database migrated from the version before."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.text import COUNTRY_TERM_PREFIX
from desktop.data import find as find_module
from desktop.data import migrations
from desktop.data.database import connect, create_database, open_database
from desktop.data.find import KIND_NAMES, Finder, FindResult


@pytest.fixture
def finder(repo) -> Finder:
    return Finder(repo.db)


def found_uids(finder: Finder, text: str, kind: str) -> list[str]:
    result = finder.find(text, limit=500)
    return [h.uid for g in result.groups if g.kind == kind for h in g.hits]


# One row per query and the record it must find (bundled data, built from db/seed): every kind of
# item 1 and every bullet of item 2 that the words of the records themselves serve.
FINDS = [
    # places (nodes): Russian and Latin spellings, transliteration both ways
    ("Туркменбаши", "node", "port_turkmenbashi"),
    ("Turkmenbashi", "node", "port_turkmenbashi"),
    ("Туркменбашы", "node", "port_turkmenbashi"),  # Turkmen spelling in Cyrillic: the key meets
    ("Курык", "node", "port_kuryk"),
    ("Kuryk", "node", "port_kuryk"),
    ("Құрық", "node", "port_kuryk"),  # Kazakh letters meet Russian ones
    ("Сиань", "node", "xian_kz_terminal"),
    ("Aktau", "node", "port_aktau"),
    # facts (by their metric's name, value and note)
    ("Курмангазы", "fact", "fa_aze_kurmangazy_centre_fuzuli"),
    ("Kurmangazy", "fact", "fa_aze_kurmangazy_centre_fuzuli"),
    ("Devlet Nişanı", "fact", "fa_tur_order_devlet_nisani_2025"),
    ("devlet nisani", "fact", "fa_tur_order_devlet_nisani_2025"),  # Turkish letters folded
    ("12 000 студентов", "fact", "fa_tur_kazakh_students_2025"),  # a number written in groups
    ("12,000 students", "fact", "fa_tur_kazakh_students_2025"),
    ("12000", "fact", "fa_tur_kazakh_students_2025"),
    # events (title, summary, place)
    ("Devlet Nişanı", "event", "ev_2025-07-28_tur_official"),
    ("Nur-Sultan", "event", "ev_2020-10-26_tur_defmin"),
    ("Нур-Султан", "event", "ev_2020-10-26_tur_defmin"),
    ("Tokaev", "event", "ev_2024-10-10_tkm_official"),  # Tokayev in the record
    ("Токаев", "event", "ev_2024-10-10_tkm_official"),
    # partners: names in en, ru, kk
    ("Түркия", "partner", "tur"),
    ("Türkiye", "partner", "tur"),
    ("turkiye", "partner", "tur"),
    ("Турция", "partner", "tur"),
    # agreements
    ("Aliev", "agreement", "ag_aze_2023_joint_statement"),  # Aliyev / Алиева in the record
    ("Қазақстан", "agreement", "ag_tkm-irn_2007_rail"),  # Казахстан in the record
    ("Package of 18 documents", "agreement", "ag_tur_2025_pkg18"),
    ("fibre-optic", "agreement", "ag_aze_2025_focl"),
    ("defence industry", "agreement", "ag_tur_2025_pkg18"),
    # corridors, segments, projects, mechanisms, trade, targets, sources
    ("Транскаспийский", "corridor", "titr_middle_corridor"),
    ("Trans-Caspian", "corridor", "titr_middle_corridor"),
    ("Middle Corridor", "corridor", "titr_middle_corridor"),
    ("Средний коридор", "corridor", "titr_middle_corridor"),
    ("Khorgos Aktau", "segment", "sg_titr_khorgos_aktau"),
    ("Turgundi", "project", "pj_torghundi_herat_railway"),  # Torghundi / Тургунди in the record
    ("Тургунди Герат", "project", "pj_torghundi_herat_railway"),
    ("High-Level Strategic Cooperation Council", "mechanism", "me_tur_hlscc"),
    ("Совет стратегического сотрудничества", "mechanism", "me_tur_hlscc"),
    ("TurkStat", "trade", "tr_tur_2010_fy_turkstat"),
    ("турецкая статистика", "trade", "tr_tur_2010_fy_turkstat"),
    ("Nazarbayev Gül", "target", "tg_tur_20100525_10bn_nazarbayev"),
    ("Назарбаев", "target", "tg_tur_20100525_10bn_nazarbayev"),
    ("18 соглашений", "source", "src_politico_2025_ankara18"),
    ("Politico.kz", "source", "src_politico_2025_ankara18"),  # publisher
    ("SOCAR", "agreement", "ag_aze_2022_socar_qazaqgaz"),
]


@pytest.mark.parametrize("text, kind, uid", FINDS, ids=[f"{t}->{u}" for t, _, u in FINDS])
def test_the_words_people_type_find_the_record(finder, text, kind, uid):
    assert uid in found_uids(finder, text, kind)


# Rows that need the alias data of db/seed/aliases.csv (other names of countries, cities, ports and
# organisations; British and American spellings; the domain thesaurus).
ALIAS_FINDS = [
    ("Turkey", "partner", "tur"),
    ("Nur-Sultan", "node", "astana"),
    ("Нур-Султан", "node", "astana"),
    ("Ашгабат", "event", "ev_2024-10-10_tkm_official"),  # Ашхабад in the record
    ("СОКАР", "agreement", "ag_aze_2022_socar_qazaqgaz"),
    ("ГНКАР", "agreement", "ag_aze_2022_socar_qazaqgaz"),
    ("defense industry", "agreement", "ag_tur_2025_pkg18"),
    ("fiber-optic", "agreement", "ag_aze_2025_focl"),
    ("18 соглашений", "agreement", "ag_tur_2025_pkg18"),  # "Пакет из 18 ... документов"
]


@pytest.mark.parametrize("text, kind, uid", ALIAS_FINDS, ids=[f"{t}->{u}" for t, _, u in ALIAS_FINDS])
def test_other_names_from_the_alias_data_find_the_record(finder, text, kind, uid):
    assert uid in found_uids(finder, text, kind)


def test_every_kind_has_its_own_index_and_is_found(finder):
    """Item 1: each kind is searchable; one query per kind finds something of that kind only when asked."""
    for kind in KIND_NAMES:
        text = next(t for t, k, _ in FINDS if k == kind)
        result = finder.find(text, kinds=[kind])
        assert [g.kind for g in result.groups] == [kind], text


def test_groups_come_in_a_fixed_order_with_counts(finder):
    result = finder.find("Kuryk", limit=2)
    kinds = [g.kind for g in result.groups]
    assert kinds == sorted(kinds, key=KIND_NAMES.index)
    assert len(kinds) >= 4
    for group in result.groups:
        assert group.count >= len(group.hits) and len(group.hits) <= 2
        assert finder.find("Kuryk", kinds=[group.kind], limit=500).groups[0].count == group.count


@pytest.mark.parametrize("text, alternative, preferred", [
    ("20 документов", "ag_tur_2025_pkg20_alt", "ag_tur_2025_pkg18"),
    ("полтора десятка", "ag_aze_2024_pkg15_alt", "ag_aze_2024_pkg14"),
])
def test_another_sources_value_is_found_and_leads_to_the_preferred_record(repo, finder, text, alternative,
                                                                         preferred):
    hits = {h.uid: h for g in finder.find(text, kinds=["agreement"], limit=500).groups for h in g.hits}
    hit = hits[alternative]
    assert hit.preferred is False
    assert hit.preferred_id == repo.agreement_by_uid(preferred).id
    assert hits.get(preferred) is None or hits[preferred].preferred is True


def test_a_hit_carries_labels_partners_date_snippet_and_matched_words(finder):
    hit = next(h for g in finder.find("Devlet Nişanı").groups if g.kind == "event" for h in g.hits)
    assert hit.uid == "ev_2025-07-28_tur_official"
    assert hit.label_en.startswith("Tokayev's official visit") and hit.label_ru and hit.label_kk is None
    assert hit.partners == ("TUR",) and hit.date == "2025-07-28" and hit.preferred
    assert "«Devlet» «Nişanı»" in hit.snippet and len(hit.snippet) < 300
    assert set(hit.matched_terms) >= {"Devlet", "Nişanı"}
    node = finder.find("Құрық", kinds=["node"]).groups[0].hits[0]
    assert node.label_en == "Port of Kuryk (ferry complex)" and node.label_ru and "Құрық" in node.label_kk
    assert node.partners == ("KAZ",)


def test_a_number_is_itself_not_a_prefix_of_other_numbers(finder):
    """"20" finds 20 documents, not 2024 or 2025."""
    for group in finder.find("20", limit=500).groups:
        for hit in group.hits:
            assert "20" in hit.matched_terms, (hit.uid, hit.matched_terms)


def test_partner_filter(finder):
    everywhere = finder.find("Tokayev", limit=500)
    turkmen = finder.find("Tokayev", partner="tkm", limit=500)
    assert 0 < turkmen.total < everywhere.total
    for group in turkmen.groups:
        for hit in group.hits:
            assert group.kind == "source" or "TKM" in hit.partners, (group.kind, hit.uid)


def test_unknown_kind_is_refused(finder):
    with pytest.raises(ValueError, match="unknown kind"):
        finder.find("Kuryk", kinds=["planet"])


# ---------------------------------------------------------------------------------- ranking (item 5)

def _agreements(tmp_path: Path, rows: list[tuple[str, str, str | None, str | None]]):
    """A small database with agreements (uid, date, title_en, summary_en)."""
    db = create_database(tmp_path / "rank.sqlite")
    c = db.conn
    c.execute("INSERT INTO doc_types VALUES ('agreement', 'Agreement', 'Соглашение', NULL, 0)")
    c.execute("INSERT INTO agreement_statuses VALUES ('signed', 'Signed', 'Подписано', NULL, 0)")
    for uid, date, title, summary in rows:
        c.execute("INSERT INTO agreements (uid, date_signed, title_en, summary_en, doc_type, status) "
                  "VALUES (?, ?, ?, ?, 'agreement', 'signed')", (uid, date, title, summary))
    return db


def _order(db, text: str) -> list[str]:
    return [h.uid for h in Finder(db).find(text, kinds=["agreement"], limit=50).groups[0].hits]


def test_exact_phrase_then_all_words_then_prefixes(tmp_path: Path):
    db = _agreements(tmp_path, [
        ("prefix", "2025-01-01", "Caspian portfolio review", None),
        ("words", "2024-01-01", "Port infrastructure development on the Caspian", None),
        ("phrase", "2020-01-01", "Caspian port of Kuryk", None),
    ])
    assert _order(db, "caspian port") == ["phrase", "words", "prefix"]
    db.close()


def test_names_above_bodies_and_newer_above_older(tmp_path: Path):
    db = _agreements(tmp_path, [
        ("body", "2025-01-01", "Memorandum on logistics", "Covers the zephyr terminal."),
        ("title_old", "2019-05-01", "Zephyr terminal memorandum", None),
        ("title_new", "2023-05-01", "Zephyr terminal memorandum", None),
    ])
    assert _order(db, "zephyr") == ["title_new", "title_old", "body"]
    db.close()


def test_a_large_match_set_is_taken_newest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = _agreements(tmp_path, [(f"a{i}", f"20{10 + i}-01-01", f"Zephyr agreement {i}", None) for i in range(8)])
    monkeypatch.setattr(find_module, "RANK_LIMIT", 3)
    result = Finder(db).find("zephyr", kinds=["agreement"], limit=4)
    assert result.groups[0].count == 8
    assert [h.uid for h in result.groups[0].hits] == ["a7", "a6", "a5", "a4"]
    db.close()


# ---------------------------------------------------------------------------------- nothing found (item 6)

def test_suggestions_when_nothing_matches(finder):
    result = finder.find("Аштау")
    assert result.groups == [] and result.total == 0
    assert "Актау" in result.suggestions  # a word as records write it, not a stem or a key
    assert all(not s.startswith("zq") for s in result.suggestions)


def test_no_suggestions_when_something_matches_or_nothing_is_close(finder):
    assert finder.find("Kuryk").suggestions == []
    assert finder.find("qqqxxxzzz").suggestions == []


# ---------------------------------------------------------------------------------- hostile input

HOSTILE = ['"', "AND (", "NEAR(a b)", "title:визит", "\x00", "соглаш\x00ение", "*" * 100, "\ud800", "🙂",
           "' OR 1=1 --", "a" * 10_000, "визит " * 3000, "-Kuryk", "Kuryk*", "^Kuryk", "", "   "]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_raises(finder, text):
    result = finder.find(text)
    assert isinstance(result, FindResult)


def test_signs_and_operators_alone_find_nothing(finder):
    for text in ["%", "_", "AND", "OR NOT", "*", '"', "-", ":"]:
        result = finder.find(text)
        assert result.groups == [] and result.suggestions == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_string_returns_a_result(finder, text):
    result = finder.find(text, limit=3)
    assert isinstance(result, FindResult)
    assert all(g.count >= len(g.hits) for g in result.groups)


# ---------------------------------------------------------------------------------- word forms across scripts

@pytest.mark.parametrize("stored, typed", [
    ("Tokayev Square", "Токаевым"),  # Russian instrumental typed, the name stored in Latin letters
    ("Площадь встречи с Токаевым", "Tokayev"),  # the other way round
    ("Aliyev Avenue", "Алиевым"),
    ("Проспект Алиева", "Aliyev"),
])
def test_an_inflected_russian_name_meets_its_latin_spelling(repo, finder, stored, typed):
    # name_en is required: the other names and notes emptied, the stored name in name_en whatever its script
    repo.db.conn.execute("UPDATE nodes SET name_en = ?, name_ru = NULL, name_kk = NULL, note_en = NULL, "
                         "note_ru = NULL WHERE uid = 'port_kuryk'", (stored,))
    assert "port_kuryk" in found_uids(finder, typed, "node")


# ---------------------------------------------------------------------------------- a country's records

def _linked(repo, sql: str, iso3: str) -> set[str]:
    return {r[0] for r in repo.db.conn.execute(sql, (iso3,))}


_AGREEMENTS_OF = ("SELECT a.uid FROM agreements a JOIN agreement_partners x ON x.agreement_id = a.id "
                  "JOIN partners p ON p.id = x.partner_id WHERE p.iso3 = ?")
_EVENTS_OF = ("SELECT e.uid FROM events e JOIN event_partners x ON x.event_id = e.id "
              "JOIN partners p ON p.id = x.partner_id WHERE p.iso3 = ?")


@pytest.mark.parametrize("text", ["Türkiye", "Turkey", "Турция", "Түркия", "turkiye", "Republic of Türkiye"])
def test_a_country_name_finds_every_record_of_that_country(repo, finder, text):
    """Item 1 and 2: "Türkiye" in any of its names finds every agreement and event with Türkiye, its
    facts, targets and trade figures, and the places in it, whether or not the text names it."""
    agreements = _linked(repo, _AGREEMENTS_OF, "TUR")
    assert len(agreements) >= 20
    assert agreements <= set(found_uids(finder, text, "agreement"))
    assert _linked(repo, _EVENTS_OF, "TUR") <= set(found_uids(finder, text, "event"))
    for kind, table in (("fact", "facts"), ("target", "targets"), ("trade", "trade_figures")):
        own = _linked(repo, f"SELECT r.uid FROM {table} r JOIN partners p ON p.id = r.partner_id WHERE p.iso3 = ?",
                      "TUR")
        assert own and own <= set(found_uids(finder, text, kind)), kind
    nodes = _linked(repo, "SELECT uid FROM nodes WHERE country_iso3 = ?", "TUR")
    assert nodes and nodes <= set(found_uids(finder, text, "node"))


def test_a_country_name_ranks_the_records_that_name_it_first(repo, finder):
    result = finder.find("Türkiye", kinds=["agreement"], limit=3)
    assert all("Türkiye" in (h.label_en or "") + h.snippet for h in result.groups[0].hits)


def test_a_country_and_a_word_find_that_countrys_records_with_the_word(repo, finder):
    """"Azerbaijan transport": records with Azerbaijan that speak of transport, not every transport
    record nor every Azerbaijani one."""
    both = set(found_uids(finder, "Azerbaijan transport", "agreement"))
    # (in Russian, "транспорт" also begins "транспортировка" of the working translations: more, never fewer)
    assert both and both <= set(found_uids(finder, "Азербайджан транспорт", "agreement"))
    assert both < set(found_uids(finder, "Azerbaijan", "agreement"))
    assert both < set(found_uids(finder, "transport", "agreement"))


def test_a_kazakh_country_name_is_not_cut_to_a_russian_stem(finder):
    """"Түркия" is Kazakh: as a Russian word its stem "турк" would find Туркменистан too."""
    assert found_uids(finder, "Түркия", "partner") == ["tur"]
    assert found_uids(finder, "Türkiye", "partner") == ["tur"]


def test_a_short_word_of_another_name_is_not_marked(finder):
    """"Republic of Türkiye" is one of Türkiye's names: its "of" must not mark every "of…" word."""
    for group in finder.find("Türkiye", limit=50).groups:
        for hit in group.hits:
            assert "«of" not in hit.snippet.casefold() and "«off" not in hit.snippet.casefold(), hit


def test_country_terms_follow_partner_links_and_nodes(repo, finder):
    conn = repo.db.conn
    uid = conn.execute("SELECT a.uid FROM agreements a WHERE a.id NOT IN "
                       "(SELECT agreement_id FROM agreement_partners x JOIN partners p ON p.id = x.partner_id "
                       "WHERE p.iso3 = 'TKM') LIMIT 1").fetchone()[0]
    conn.execute("UPDATE agreements SET title_en = 'Zanzibarite accord', summary_en = NULL, summary_ru = NULL, "
                 "title_ru = NULL, title_kk = NULL WHERE uid = ?", (uid,))
    conn.execute("DELETE FROM agreement_partners WHERE agreement_id = (SELECT id FROM agreements WHERE uid = ?)",
                 (uid,))
    assert uid not in found_uids(finder, "Turkmenistan", "agreement")
    conn.execute("INSERT INTO agreement_partners (agreement_id, partner_id, position) SELECT a.id, p.id, 0 "
                 "FROM agreements a, partners p WHERE a.uid = ? AND p.iso3 = 'TKM'", (uid,))
    assert uid in found_uids(finder, "Turkmenistan", "agreement")
    assert uid in found_uids(finder, "Туркменистан zanzibarite", "agreement")
    conn.execute("DELETE FROM agreement_partners WHERE agreement_id = (SELECT id FROM agreements WHERE uid = ?)",
                 (uid,))
    assert uid not in found_uids(finder, "Turkmenistan", "agreement")
    # A node moved to another country, and the segments and corridors through it.
    conn.execute("UPDATE nodes SET country_iso3 = 'TKM' WHERE uid = 'port_kuryk'")
    assert "port_kuryk" in found_uids(finder, "Turkmenistan", "node")
    segments = _linked(repo, "SELECT s.uid FROM segments s JOIN nodes n ON n.id IN (s.from_node_id, s.to_node_id) "
                             "WHERE n.uid = ?", "port_kuryk")
    assert segments and segments <= set(found_uids(finder, "Turkmenistan", "segment"))
    for table in ("agreements_fts", "nodes_fts", "segments_fts", "corridors_fts"):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


# ---------------------------------------------------------------------------------- the index in step

def test_edits_of_every_kind_keep_the_index_in_step(repo, finder):
    conn = repo.db.conn
    conn.execute("UPDATE nodes SET name_en = 'Port of Quokkaville' WHERE uid = 'port_kuryk'")
    assert found_uids(finder, "Quokkaville", "node") == ["port_kuryk"]
    assert "sg_titr_kuryk_alat" in found_uids(finder, "Quokkaville", "segment") or \
        found_uids(finder, "Quokkaville", "segment"), "a segment's name holds its end nodes' names"
    conn.execute("UPDATE metrics SET name_en = 'Zephyrite students' WHERE code = 'kazakh_students_in_turkiye'")
    assert found_uids(finder, "zephyrite", "fact") == ["fa_tur_kazakh_students_2025"]
    conn.execute("UPDATE sources SET publisher = 'Xylophonite Press' WHERE uid = 'src_politico_2025_ankara18'")
    assert found_uids(finder, "xylophonite", "source") == ["src_politico_2025_ankara18"]
    conn.execute("DELETE FROM record_sources WHERE source_id = (SELECT id FROM sources WHERE uid = "
                 "'src_politico_2025_ankara18')")
    conn.execute("DELETE FROM sources WHERE uid = 'src_politico_2025_ankara18'")
    assert found_uids(finder, "xylophonite", "source") == []
    for table in ("nodes_fts", "segments_fts", "facts_fts", "sources_fts"):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def test_a_database_at_the_version_before_migrates_and_finds_every_kind(tmp_path: Path):
    before = migrations.MIGRATIONS.index(migrations._migration_find_index)
    path = tmp_path / "old.sqlite"
    conn = connect(path)
    migrations.migrate(conn, target=before)
    ex = conn.execute
    ex("INSERT INTO doc_types VALUES ('agreement', 'Agreement', 'Соглашение', NULL, 0)")
    ex("INSERT INTO agreement_statuses VALUES ('signed', 'Signed', 'Подписано', NULL, 0)")
    ex("INSERT INTO node_kinds VALUES ('port', 'Port', 'Порт', NULL, 0)")
    ex("INSERT INTO metrics (code, name_en, name_ru) VALUES ('berths', 'Ferry berths', 'Паромные причалы')")
    ex("INSERT INTO partners (uid, iso3, name_en, name_ru, name_kk) VALUES ('tur', 'TUR', 'Türkiye', 'Турция', "
       "'Түркия')")
    ex("INSERT INTO nodes (uid, name_en, name_ru, name_kk, country_iso3, kind) VALUES "
       "('port_kuryk', 'Port of Kuryk', 'Порт Курык', 'Құрық порты', 'KAZ', 'port')")
    ex("INSERT INTO facts (uid, partner_id, metric, value) VALUES ('fa_berths', 1, 'berths', '3')")
    ex("INSERT INTO agreements (uid, title_ru, doc_type, status) VALUES ('ag_kz', 'Договор Қазақстан', "
       "'agreement', 'signed')")
    # The index as the earlier folding wrote it: Kazakh letters kept.
    ex("UPDATE agreements_fts SET title = 'договор договор қазақстан'")
    conn.close()

    db = open_database(path)
    assert migrations.schema_version(db.conn) == migrations.LATEST_VERSION
    finder = Finder(db)
    assert found_uids(finder, "Kuryk", "node") == ["port_kuryk"]
    assert found_uids(finder, "Туркия", "partner") == ["tur"]
    assert found_uids(finder, "паромные причалы", "fact") == ["fa_berths"]
    assert found_uids(finder, "Казахстан", "agreement") == ["ag_kz"], "the agreements' index is rebuilt"
    counted = dict(db.conn.execute("SELECT term, docs FROM search_terms").fetchall())
    assert counted.get("казакстан") == 1 and "қазақстан" not in counted, "Kazakh letters folded to Russian ones"
    db.close()


def test_the_bundled_index_is_lean(built_db: Path, tmp_path: Path):
    """Item 8: the new kinds' index costs per row no more than 1.6x what the agreements' index costs per row."""
    copy = tmp_path / "size.sqlite"
    shutil.copyfile(built_db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("CREATE VIRTUAL TABLE temp.stat USING dbstat")

    def per_row(fts: str, table: str) -> float:
        size = conn.execute("SELECT sum(pgsize) FROM temp.stat WHERE name LIKE ?", (f"{fts}%",)).fetchone()[0]
        rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return size / max(rows, 1)

    new = [(fts, table) for table, fts, *_ in migrations.FIND_INDEX.values()]
    total_new = sum(conn.execute("SELECT sum(pgsize) FROM temp.stat WHERE name LIKE ?", (f"{f}%",)).fetchone()[0]
                    for f, _ in new)
    rows_new = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for _, t in new)
    assert total_new / rows_new <= 1.6 * per_row("agreements_fts", "agreements")
    conn.close()


def test_snippets_come_from_the_asked_languages_texts_where_they_match(finder):
    """The same hit, asked for in Russian and in English: each snippet from that language's text, marked."""
    def snippet(lang: str) -> str:
        [group] = finder.find("Türkiye", kinds=["agreement"], limit=50, lang=lang).groups
        return next(h.snippet for h in group.hits if h.uid == "ag_tur_2009_spa")

    assert "«Турцию»" in snippet("ru")
    assert "«Türkiye»" in snippet("en")


def test_the_terms_of_every_kind_are_kept_for_prefix_expansion(repo, finder):
    """find_terms holds every term of each kind's index (agreements: search_terms), kept by the index triggers;
    a prefix of more than three letters is expanded from it."""
    conn = repo.db.conn
    for kind in find_module.KINDS[1:]:
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{kind.kind} USING fts5vocab(main, {kind.fts}, 'row')")
        # (country terms come with the partner links and are never expanded from a prefix)
        index_terms = {r[0] for r in conn.execute(f"SELECT term FROM temp.v_{kind.kind}")
                       if not r[0].startswith(COUNTRY_TERM_PREFIX)}
        kept = {r[0] for r in conn.execute("SELECT term FROM find_terms WHERE kind = ?", (kind.kind,))}
        assert index_terms <= kept, kind.kind
    conn.execute("UPDATE events SET title_en = 'Quetzalcoatlite summit' WHERE id = (SELECT min(id) FROM events)")
    assert conn.execute("SELECT 1 FROM find_terms WHERE kind = 'event' AND term = 'quetzalcoatlite'").fetchone()
    kind = find_module._BY_NAME["event"]
    assert '"quetzalcoatlite"' in finder._expanded(kind, '"quetzal"*')
    assert found_uids(finder, "Quetzalc", "event")


def test_a_working_translation_is_found_like_a_title(repo, finder):
    """A title published only in English is found by the Russian words of its working translation (issue 18)."""
    uid, working = repo.db.conn.execute("SELECT uid, title_ru_working FROM agreements WHERE title_ru_working "
                                        "LIKE 'Пакет из пяти%'").fetchone()
    assert uid in found_uids(finder, "Пакет из пяти соглашений", "agreement")
    repo.db.conn.execute("UPDATE agreements SET title_ru_working = 'Меморандум о квазиметеоритах' WHERE uid = ?",
                         (uid,))
    assert found_uids(finder, "квазиметеоритах", "agreement") == [uid]
