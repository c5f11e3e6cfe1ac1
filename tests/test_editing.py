"""Editing: every record kind created, changed and deleted, each step undone and redone, with the
database, the full-text index, the change log, the user marks and the views checked after each."""
from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.core.edits import History
from desktop.core.validation import validate
from desktop.data.editing import TABLES, ChoiceNeeded, Editor, InUse, StaleEdit

# a valid new record of each kind, as a user would type it (clean values come from validation)
NEW = {
    "agreement": {"title_en": "Memorandum on zephyrite cooperation", "title_ru": "Меморандум о сотрудничестве",
                  "date_signed": "14.03.2025", "doc_type": "memorandum", "status": "signed", "doc_count": "1",
                  "partners": ["TUR"], "sectors": ["energy"], "sources": [1]},
    "event": {"kind": "official_visit", "date_start": "2025-04-02", "title_en": "Visit about quokkaite",
              "partners": ["AZE"], "documents_signed": "3"},
    "trade": {"partner_iso3": "TKM", "year": "2015", "period": "FY", "turnover_usd_m": "1 234,5",
              "statistics": "kazakh", "qualifier": "exact"},
    "target": {"partner_iso3": "AZE", "metric": "trade_turnover", "value_usd_m": "2000", "horizon_year": "2030",
               "stated_on": "2025-10", "stated_by_en": "Test official"},
    "fact": {"partner_iso3": "TUR", "metric": "aktau_port_cargo", "value": "85 million", "qualifier": "approx",
             "as_of": "2024"},
    "source": {"url": "https://example.org/report", "title": "A test report", "publisher": "Example",
               "published": "2025-01-05", "language": "en"},
    "node": {"name_en": "Testport", "name_ru": "Тестпорт", "country_iso3": "kaz", "kind": "port", "lat": "44,5",
             "lon": "50.25"},
    "segment": {"corridor_id": "1", "from_node_id": None, "to_node_id": None, "mode": "rail",
                "status": "planned", "length_km": "120"},
    "corridor": {"name_en": "Test corridor", "name_ru": "Тестовый коридор"},
    "partner": {"iso3": "uzb", "name_en": "Uzbekistan", "name_ru": "Узбекистан", "is_focus": False, "sort_order": "50"},
}
# one field to change per kind, and where its new value must show
EDIT = {
    "agreement": ("title_en", "Memorandum on xylophonite cooperation"), "event": ("title_en", "Visit about wombatite"),
    "trade": ("turnover_usd_m", "2222"), "target": ("value_usd_m", "2500"), "fact": ("value", "86 million"),
    "source": ("title", "A renamed report"), "node": ("name_en", "Testharbour"), "segment": ("length_km", "130"),
    "corridor": ("name_en", "Renamed corridor"), "partner": ("name_en", "Republic of Uzbekistan"),
}


@pytest.fixture
def editor(repo):
    return Editor(repo.db)


def context(repo):
    from desktop.data.vocabularies import validation_context

    return validation_context(repo.db)


def clean(repo, kind, raw):
    values, errors = validate(kind, raw, context(repo))
    assert not errors, errors
    return values


def new_values(repo, kind):
    raw = dict(NEW[kind])
    if kind == "segment":
        nodes = [r[0] for r in repo.db.conn.execute("SELECT id FROM nodes WHERE lat IS NOT NULL ORDER BY id LIMIT 2")]
        raw["from_node_id"], raw["to_node_id"] = str(nodes[0]), str(nodes[1])
    return clean(repo, kind, raw)


def row_of(repo, kind, record_id):
    cur = repo.db.conn.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (record_id,))
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def fts_count(repo, word):
    conn = repo.db.conn
    return conn.execute("SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH ?", (word,)).fetchone()[0] \
        + conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", (word,)).fetchone()[0]


def healthy(repo):
    conn = repo.db.conn
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO agreements_fts(agreements_fts, rank) VALUES ('integrity-check', 1)")
    # the search mirror follows the agreements
    assert conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM agreement_keys").fetchone()[0]


@pytest.mark.parametrize("kind", list(NEW))
def test_create_edit_delete_each_undone_and_redone(repo, editor, kind):
    history = History()
    apply = editor.apply

    # create
    stored, changes = apply(editor.build_create(kind, new_values(repo, kind)))
    history.push(stored)
    record_id = stored.changes[0].record_id
    uid = stored.changes[0].uid
    assert changes.ids == {kind: frozenset({record_id})}
    assert row_of(repo, kind, record_id) is not None and editor.mark(kind, uid) == "added"
    if kind == "agreement":
        assert fts_count(repo, "zephyrite") == 1
        assert repo.db.conn.execute("SELECT date_signed FROM agreements WHERE id = ?", (record_id,)).fetchone()[0] \
            == "2025-03-14"
    if kind == "event":
        assert fts_count(repo, "quokkaite") == 1
    healthy(repo)
    history.undo(apply)
    assert row_of(repo, kind, record_id) is None and editor.mark(kind, uid) is None
    if kind == "agreement":
        assert fts_count(repo, "zephyrite") == 0
    healthy(repo)
    history.redo(apply)
    assert row_of(repo, kind, record_id) is not None and editor.mark(kind, uid) == "added"

    # edit
    field, value = EDIT[kind]
    before_row = row_of(repo, kind, record_id)
    update = clean(repo, kind, {**editor.values_of(kind, record_id), field: value})
    stored, _ = apply(editor.build_update(kind, record_id, update))
    history.push(stored)
    after_row = row_of(repo, kind, record_id)
    assert after_row != before_row
    assert stored.changes[0].fields() == [field]  # only what changed
    if kind == "agreement":
        assert fts_count(repo, "xylophonite") == 1 and fts_count(repo, "zephyrite") == 0
    history.undo(apply)
    assert row_of(repo, kind, record_id) == before_row
    if kind == "agreement":
        assert fts_count(repo, "zephyrite") == 1 and fts_count(repo, "xylophonite") == 0
    history.redo(apply)
    assert row_of(repo, kind, record_id) == after_row
    healthy(repo)

    # delete
    links_before = editor.snapshot(kind, record_id).links
    stored, _ = apply(editor.build_delete(kind, record_id))
    history.push(stored)
    assert row_of(repo, kind, record_id) is None
    history.undo(apply)
    assert row_of(repo, kind, record_id) == after_row
    assert editor.snapshot(kind, record_id).links == links_before
    history.redo(apply)
    assert row_of(repo, kind, record_id) is None
    healthy(repo)

    # the log has every step, by the operating-system user
    actions = [r[0] for r in repo.db.conn.execute(
        "SELECT action FROM change_log WHERE record_type = ? AND record_uid = ? ORDER BY id", (kind, uid))]
    assert actions == ["insert", "undo", "redo", "update", "undo", "redo", "delete", "undo", "redo"]
    users = {r[0] for r in repo.db.conn.execute("SELECT user_name FROM change_log")}
    assert users and "" not in users


def test_changing_a_bundled_record_marks_it_and_undo_removes_the_mark(repo, editor):
    agreement_id, uid = repo.db.conn.execute("SELECT id, uid FROM agreements ORDER BY id LIMIT 1").fetchone()
    history = History()
    stored, _ = editor.apply(editor.build_update("agreement", agreement_id, {"doc_count": 7}))
    history.push(stored)
    assert editor.mark("agreement", uid) == "changed"
    entry = editor.history("agreement", agreement_id)[0]
    assert entry["action"] == "update" and entry["fields"] == ["doc_count"]
    assert json.loads(entry["before_json"])["row"]["doc_count"] != 7
    assert json.loads(entry["after_json"])["row"]["doc_count"] == 7
    history.undo(editor.apply)
    assert editor.mark("agreement", uid) is None
    stored, _ = editor.apply(editor.build_delete("agreement", agreement_id))
    assert editor.mark("agreement", uid) == "deleted"  # a bundled record the user deleted stays known


def test_an_edit_of_many_rows_is_one_step(repo, editor):
    ids = [r[0] for r in repo.db.conn.execute("SELECT id FROM agreements ORDER BY id LIMIT 20")]
    history = History()
    stored, changes = editor.apply(editor.build_update_many("agreement", {i: {"doc_count": 9} for i in ids}))
    history.push(stored)
    assert len(history) == 1 and changes.ids["agreement"] == frozenset(ids)
    history.undo(editor.apply)
    assert all(r[0] != 9 for r in repo.db.conn.execute(
        f"SELECT doc_count FROM agreements WHERE id IN ({','.join('?' * len(ids))})", ids))
    assert len({r[0] for r in repo.db.conn.execute("SELECT batch_id FROM change_log WHERE action = 'undo'")}) == 1


def test_a_failing_write_leaves_the_database_and_the_history_as_they_were(repo, editor, monkeypatch):
    history = History()
    stored, _ = editor.apply(editor.build_create("corridor", new_values(repo, "corridor")))
    history.push(stored)
    count = repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    log = repo.db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    ids = [r[0] for r in repo.db.conn.execute("SELECT id FROM agreements ORDER BY id LIMIT 5")]
    counts = "SELECT id, doc_count FROM agreements ORDER BY id"
    before = repo.db.conn.execute(counts).fetchall()
    original = editor._log
    calls = []

    def failing_log(*args, **kwargs):  # the third record's log row cannot be written: disk full
        calls.append(1)
        if len(calls) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        return original(*args, **kwargs)

    monkeypatch.setattr(editor, "_log", failing_log)
    with pytest.raises(sqlite3.OperationalError):
        editor.apply(editor.build_update_many("agreement", {i: {"doc_count": 55} for i in ids}))
    assert repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == count
    assert repo.db.conn.execute(counts).fetchall() == before  # the first two records' changes rolled back too
    assert repo.db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == log
    assert not repo.db.conn.in_transaction
    assert len(history) == 1 and history.undo_label() == stored.label
    # an undo that fails leaves the history where it was
    calls.clear()
    monkeypatch.setattr(editor, "_log",
                        lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")))
    with pytest.raises(sqlite3.OperationalError):
        history.undo(editor.apply)
    assert len(history) == 1 and not history.can_redo()


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(repo, editor):
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements ORDER BY id LIMIT 1").fetchone()[0]
    history = History()
    stored, _ = editor.apply(editor.build_update("agreement", agreement_id, {"doc_count": 3}))
    history.push(stored)
    repo.db.conn.execute("UPDATE agreements SET doc_count = 4 WHERE id = ?", (agreement_id,))
    with pytest.raises(StaleEdit):
        history.undo(editor.apply)
    assert repo.db.conn.execute("SELECT doc_count FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0] == 4
    assert history.can_undo()


def test_deleting_what_others_depend_on_asks_or_refuses(repo, editor):
    conn = repo.db.conn
    event_id, n = conn.execute("SELECT event_id, count(*) FROM agreements WHERE event_id IS NOT NULL "
                               "GROUP BY event_id ORDER BY 2 DESC LIMIT 1").fetchone()
    with pytest.raises(ChoiceNeeded) as asked:
        editor.build_delete("event", event_id)
    assert asked.value.reason == "event_agreements" and asked.value.count == n
    total = conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    history = History()
    stored, _ = editor.apply(editor.build_delete("event", event_id, choice="unlink"))
    history.push(stored)
    assert conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == total
    history.undo(editor.apply)
    assert conn.execute("SELECT count(*) FROM agreements WHERE event_id = ?", (event_id,)).fetchone()[0] == n
    stored, _ = editor.apply(editor.build_delete("event", event_id, choice="delete"))
    history.push(stored)
    assert conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == total - n
    history.undo(editor.apply)
    assert conn.execute("SELECT count(*) FROM agreements WHERE event_id = ?", (event_id,)).fetchone()[0] == n

    source_id, cited = conn.execute("SELECT source_id, count(*) FROM record_sources GROUP BY source_id "
                                    "ORDER BY 2 DESC LIMIT 1").fetchone()
    with pytest.raises(ChoiceNeeded) as asked:
        editor.build_delete("source", source_id)
    assert asked.value.reason == "source_citations" and asked.value.count == cited
    stored, _ = editor.apply(editor.build_delete("source", source_id, choice="delete"))
    history.push(stored)
    assert conn.execute("SELECT count(*) FROM record_sources WHERE source_id = ?", (source_id,)).fetchone()[0] == 0
    history.undo(editor.apply)
    assert conn.execute("SELECT count(*) FROM record_sources WHERE source_id = ?", (source_id,)).fetchone()[0] == cited

    node_id = conn.execute("SELECT from_node_id FROM segments LIMIT 1").fetchone()[0]
    with pytest.raises(InUse) as refused:
        editor.build_delete("node", node_id)
    assert refused.value.reason == "node_segments"
    with pytest.raises(InUse):
        editor.build_delete("partner", conn.execute("SELECT id FROM partners WHERE iso3 = 'TUR'").fetchone()[0])
    corridor_id, segments = conn.execute("SELECT corridor_id, count(*) FROM segments GROUP BY corridor_id "
                                         "LIMIT 1").fetchone()
    with pytest.raises(ChoiceNeeded):
        editor.build_delete("corridor", corridor_id)
    stored, _ = editor.apply(editor.build_delete("corridor", corridor_id, choice="delete"))
    history.push(stored)
    assert conn.execute("SELECT count(*) FROM segments WHERE corridor_id = ?", (corridor_id,)).fetchone()[0] == 0
    history.undo(editor.apply)
    assert conn.execute("SELECT count(*) FROM segments WHERE corridor_id = ?", (corridor_id,)).fetchone()[0] == segments
    healthy(repo)
