"""The team server and a laptop's sync, against a real PostgreSQL started by the tests (tests/postgres.py)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from desktop.data.database import Database, open_database
from desktop.data.documents import doc_sha
from desktop.data.editing import Editor
from desktop.data.syncstate import META_SERVER, LocalReplica, SyncStateError, all_documents
from desktop.sync.engine import resolve, sync
from desktop.sync.server import PushItem, ServerError, TeamServer, init_server
from tests.postgres import as_user, laptop, server_row

ROOT = Path(__file__).resolve().parent.parent






def first_agreement(db: Database) -> tuple[int, str]:
    row = db.conn.execute("SELECT id, uid FROM agreements ORDER BY uid LIMIT 1").fetchone()
    return int(row[0]), str(row[1])


def title(db: Database, uid: str) -> str | None:
    row = db.conn.execute("SELECT title_en FROM agreements WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else row[0]




def edit_title(db: Database, record_id: int, text: str) -> None:
    editor = Editor(db)
    editor.apply(editor.build_update("agreement", record_id, {"title_en": text}))



def test_init_loads_the_reference_data_once(pg_cluster, built_db):
    name = pg_cluster.new_database()
    first = init_server(pg_cluster.conninfo(name), built_db)
    with open_database(built_db, readonly=True) as db:
        expected = {(k, u): doc_sha(d) for k, u, d in all_documents(db.conn)}
    assert first.created and first.loaded == len(expected)
    again = init_server(pg_cluster.conninfo(name), built_db)
    assert not again.created and again.loaded == 0
    with TeamServer(pg_cluster.conninfo(name)) as server:
        held = {key: doc_sha(doc) for key, (version, doc) in server.records().items()}
        versions = {version for version, _ in server.records().values()}
    assert held == expected and versions == {1}
    with psycopg.connect(pg_cluster.conninfo(name)) as conn:
        roles = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'atlas_%'")}
    assert roles == {"atlas_reader", "atlas_editor", "atlas_curator"}


def test_an_edit_travels_to_another_laptop(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        first = sync(a, as_user(team, "editor1"))
        assert first.pulled == [] and first.sent_records == 0  # the same reference data on both sides
        sync(b, as_user(team, "editor2"))
        record_id, uid = first_agreement(a)
        edit_title(a, record_id, "Treaty as edited on laptop A")
        sent = sync(a, as_user(team, "editor1"))
        assert (sent.sent_sets, sent.sent_records) == (1, 1)
        assert server_row(team, "agreement", uid)[0] == 2
        got = sync(b, as_user(team, "editor2"))
        assert got.pulled == [("agreement", uid)] and got.changed_here
        assert title(b, uid) == "Treaty as edited on laptop A"
        log = b.conn.execute("SELECT action, user_name FROM change_log WHERE record_uid = ? ORDER BY id DESC",
                             (uid,)).fetchone()
        assert log == ("pull", "editor1")  # who changed it, as the server knows them
        assert sync(b, as_user(team, "editor2")).sent_records == 0  # a pulled change is never sent back
        assert server_row(team, "agreement", uid)[0] == 2


def test_new_and_deleted_records_travel_deletions_as_tombstones(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        editor = Editor(a)
        stored, _ = editor.apply(editor.build_create("agreement", {
            "title_en": "Memorandum made offline", "doc_type": "memorandum", "status": "signed",
            "partners": ["TUR"], "date_signed": "2026-11"}))
        uid = stored.changes[0].uid
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        assert title(b, uid) == "Memorandum made offline"
        b_editor = Editor(b)
        record_id = b.conn.execute("SELECT id FROM agreements WHERE uid = ?", (uid,)).fetchone()[0]
        b_editor.apply(b_editor.build_delete("agreement", record_id))
        sync(b, as_user(team, "editor2"))
        assert server_row(team, "agreement", uid) == (2, None)  # a tombstone: version 2, no document
        report = sync(a, as_user(team, "editor1"))
        assert report.deleted == [("agreement", uid)] and title(a, uid) is None


def test_a_record_changed_on_both_sides_is_a_conflict_never_overwritten(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        record_id, uid = first_agreement(a)
        edit_title(a, record_id, "Title from A")
        edit_title(b, record_id, "Title from B")
        sync(a, as_user(team, "editor1"))
        report = sync(b, as_user(team, "editor2"))
        assert report.conflicts == [("agreement", uid)] and report.open_conflicts == 1 and report.held_back == 1
        assert title(b, uid) == "Title from B"  # kept here
        assert server_row(team, "agreement", uid)[1]["title_en"] == "Title from A"  # and there
        (conflict,) = LocalReplica(b).open_conflicts()
        assert conflict.fields() == ["title_en"] and conflict.server_by == "editor1"
        assert (conflict.local_doc["title_en"], conflict.server_doc["title_en"]) == ("Title from B", "Title from A")
        again = sync(b, as_user(team, "editor2"))
        assert again.conflicts == [] and again.open_conflicts == 1  # reported once
        cluster, name = team
        with psycopg.connect(cluster.conninfo(name)) as conn:
            assert conn.execute("SELECT count(*), min(reported_by) FROM atlas.conflicts").fetchone() == (1, "editor2")
        resolve(b, as_user(team, "editor2"), conflict.id, "mine")
        after = sync(b, as_user(team, "editor2"))
        assert after.sent_records == 1 and after.open_conflicts == 0
        assert server_row(team, "agreement", uid) == (3, server_row(team, "agreement", uid)[1])
        assert server_row(team, "agreement", uid)[1]["title_en"] == "Title from B"
        sync(a, as_user(team, "editor1"))
        assert title(a, uid) == "Title from B"
        with psycopg.connect(cluster.conninfo(name)) as conn:
            assert conn.execute("SELECT status FROM atlas.conflicts").fetchone() == ("resolved",)


def test_choosing_the_servers_values_field_by_field_or_keeping_both(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rows = a.conn.execute("SELECT id, uid FROM agreements ORDER BY uid LIMIT 3").fetchall()
        for record_id, _ in rows:
            editor = Editor(a)
            editor.apply(editor.build_update("agreement", record_id, {"title_en": f"A {record_id}",
                                                                      "summary_en": f"A summary {record_id}"}))
            editor = Editor(b)
            editor.apply(editor.build_update("agreement", record_id, {"title_en": f"B {record_id}",
                                                                      "summary_en": f"B summary {record_id}"}))
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        conflicts = {c.uid: c for c in LocalReplica(b).open_conflicts()}
        assert len(conflicts) == 3
        (id1, uid1), (id2, uid2), (id3, uid3) = rows
        replica = LocalReplica(b)
        replica.resolve(conflicts[uid1].id, "theirs")
        replica.resolve(conflicts[uid2].id, "merged", {"title_en": "theirs", "summary_en": "mine"})
        replica.resolve(conflicts[uid3].id, "both")
        assert title(b, uid1) == f"A {id1}"
        assert b.conn.execute("SELECT title_en, summary_en FROM agreements WHERE uid = ?", (uid2,)).fetchone() == \
            (f"A {id2}", f"B summary {id2}")
        # both kept: the server's under the uid, this laptop's as a new record, one conflict group, mine preferred
        group = b.conn.execute(
            "SELECT g.uid, a.title_en, m.is_preferred FROM conflict_members m JOIN conflict_groups g ON g.id = "
            "m.group_id JOIN agreements a ON a.id = m.record_id WHERE m.record_type = 'agreement' AND g.uid LIKE "
            "'sync_conflict_%' ORDER BY m.is_preferred").fetchall()
        assert [(t, p) for _, t, p in group] == [(f"A {id3}", 0), (f"B {id3}", 1)]
        report = sync(b, as_user(team, "editor2"))
        assert report.open_conflicts == 0 and report.sent_records == 3  # merged, the copy, the server's in the group
        sync(a, as_user(team, "editor1"))
        assert title(a, uid2) == f"A {id2}"
        copies = a.conn.execute("SELECT title_en FROM agreements WHERE uid LIKE ?", (uid3 + "_alt_%",)).fetchall()
        assert copies == [(f"B {id3}",)]
        with TeamServer(as_user(team, "editor1")) as server:
            held = {k: doc_sha(d) for k, (_, d) in server.records().items() if d is not None}
        for db in (a, b):
            assert {(k, u): doc_sha(d) for k, u, d in all_documents(db.conn)} == held


def test_a_deleted_record_edited_elsewhere_is_a_conflict(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        record_id, uid = first_agreement(a)
        editor = Editor(a)
        editor.apply(editor.build_delete("agreement", record_id))
        edit_title(b, record_id, "Still needed")
        sync(a, as_user(team, "editor1"))
        report = sync(b, as_user(team, "editor2"))
        assert report.conflicts == [("agreement", uid)] and title(b, uid) == "Still needed"
        (conflict,) = LocalReplica(b).open_conflicts()
        assert conflict.server_doc is None and conflict.local_doc is not None
        with pytest.raises(SyncStateError):
            LocalReplica(b).resolve(conflict.id, "both")  # nothing to keep beside a deletion
        LocalReplica(b).resolve(conflict.id, "mine")
        sync(b, as_user(team, "editor2"))
        assert server_row(team, "agreement", uid)[0] == 3  # brought back over the tombstone
        sync(a, as_user(team, "editor1"))
        assert title(a, uid) == "Still needed"


def test_deleting_an_event_unlinks_its_agreements_everywhere(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        event_id, event_uid, count = a.conn.execute(
            "SELECT e.id, e.uid, count(*) FROM events e JOIN agreements g ON g.event_id = e.id GROUP BY e.id "
            "ORDER BY count(*) DESC LIMIT 1").fetchone()
        linked = [r[0] for r in a.conn.execute("SELECT a.uid FROM agreements a WHERE a.event_id = ?", (event_id,))]
        assert count >= 1
        editor = Editor(a)
        editor.apply(editor.build_delete("event", event_id, choice="unlink"))
        sync(a, as_user(team, "editor1"))
        for uid in linked:
            version, doc = server_row(team, "agreement", uid)
            assert version == 2 and doc["event_id"] is None  # the server did what SQLite's SET NULL did
        sync(b, as_user(team, "editor2"))
        assert b.conn.execute("SELECT count(*) FROM events WHERE uid = ?", (event_uid,)).fetchone()[0] == 0
        assert b.conn.execute(f"SELECT count(*) FROM agreements WHERE event_id IS NULL AND uid IN "
                              f"({', '.join('?' * len(linked))})", linked).fetchone()[0] == len(linked)
        assert sync(a, as_user(team, "editor1")).conflicts == []


def test_a_readers_laptop_pulls_but_cannot_push(team, built_db, tmp_path):
    a, r = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "r")
    with a, r:
        record_id, uid = first_agreement(a)
        edit_title(a, record_id, "From an editor")
        sync(a, as_user(team, "editor1"))
        other = r.conn.execute("SELECT id FROM agreements WHERE uid <> ? ORDER BY uid LIMIT 1", (uid,)).fetchone()[0]
        edit_title(r, other, "A reader's local note")
        report = sync(r, as_user(team, "reader1"))
        assert report.read_only and report.held_back == 1 and report.sent_records == 0
        assert title(r, uid) == "From an editor"
        assert "may only read" in report.summary()
        with TeamServer(as_user(team, "reader1")) as server:
            with pytest.raises(ServerError) as refused:
                server.push("00000000-0000-0000-0000-000000000001", "r", "x",
                            [PushItem("agreement", uid, 2, {"uid": uid, "title_en": "forced"})], {})
        assert refused.value.code == "read_only" and "Ask a curator" in str(refused.value)
        assert server_row(team, "agreement", uid)[1]["title_en"] == "From an editor"


def test_vocabularies_are_for_curators(team, built_db, tmp_path):
    e, c = laptop(built_db, tmp_path, "e"), laptop(built_db, tmp_path, "c")
    with e, c:
        for db in (e, c):
            sync(db, as_user(team, "editor1" if db is e else "curator1"))
            with db.transaction() as conn:
                conn.execute("INSERT INTO doc_types (code, name_en, name_ru) VALUES ('protocol_x', 'Protocol X', "
                             "'Протокол X')")
        report = sync(e, as_user(team, "editor1"))
        assert report.vocabulary_refused == 1 and "only curators" in report.summary()
        assert server_row(team, "vocab:doc_types", "protocol_x") is None
        with TeamServer(as_user(team, "editor1")) as server:
            with pytest.raises(ServerError) as refused:
                server.push("00000000-0000-0000-0000-000000000002", "e", "vocabulary",
                            [PushItem("vocab:doc_types", "protocol_x", 0, {"code": "protocol_x"})], {})
        assert refused.value.code == "curator_only"
        report = sync(c, as_user(team, "curator1"))
        assert report.vocabulary_refused == 0 and server_row(team, "vocab:doc_types", "protocol_x")[0] == 1


def cli(*args: str, env_dirs: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ, PARTNERSHIP_ATLAS_DATA_DIR=str(env_dirs / "data"),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(env_dirs / "config"), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL)


def test_the_commands(pg_cluster, built_db, tmp_path):
    name = pg_cluster.new_database()
    done = cli("server", "init", "--url", pg_cluster.conninfo(name), "--bundled", str(built_db), "--curator",
               "curator1", env_dirs=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Loaded the bundled reference data" in done.stdout and "curator1 is a curator" in done.stdout
    pg_cluster.grant_roles()
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for path in (a, b):
        shutil.copyfile(built_db, path)
    url_a = pg_cluster.conninfo(name, "editor1") + " password=not-kept"
    first = cli("sync", "--db", str(a), "--server", url_a, env_dirs=tmp_path)
    assert first.returncode == 0 and first.stdout.startswith("Sync: 0 change(s) received"), first.stderr
    with open_database(a) as db:
        remembered = db.meta(META_SERVER)
        record_id, uid = first_agreement(db)
        edit_title(db, record_id, "Sent from the command line")
    assert remembered is not None and "password" not in remembered and "not-kept" not in remembered
    second = cli("sync", "--db", str(a), env_dirs=tmp_path)  # the server remembered
    assert second.returncode == 0 and "1 record(s) sent in 1 change set(s)" in second.stdout
    with open_database(b) as db:
        edit_title(db, record_id, "Edited on B too")
    clash = cli("sync", "--db", str(b), "--server", pg_cluster.conninfo(name, "editor2"), env_dirs=tmp_path)
    assert "1 new conflict(s)" in clash.stdout and "--resolve" in clash.stdout
    listed = cli("sync", "--db", str(b), "--conflicts", env_dirs=tmp_path)
    assert f"agreement {uid}" in listed.stdout and "title_en: here \"Edited on B too\"" in listed.stdout
    number = listed.stdout.split()[0].lstrip("#")
    team_list = cli("server", "conflicts", "--url", pg_cluster.conninfo(name), env_dirs=tmp_path)
    assert f"agreement {uid}" in team_list.stdout and "found by editor2" in team_list.stdout
    settled = cli("sync", "--db", str(b), "--resolve", number, "--keep", "theirs", env_dirs=tmp_path)
    assert settled.returncode == 0, settled.stderr
    with open_database(b) as db:
        assert title(db, uid) == "Sent from the command line"
    as_json = cli("sync", "--db", str(b), "--json", env_dirs=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout) == {"received": 0, "sent_records": 0, "sent_change_sets": 0, "new_conflicts": 0,
                                          "open_conflicts": 0, "held_back": 0, "read_only": False, "skipped": [],
                                          "adjusted": [], "restored": []}
    nowhere = cli("sync", "--db", str(b), "--server", f"host={tmp_path}/nowhere dbname=x", env_dirs=tmp_path)
    assert nowhere.returncode == 2 and "could not be reached" in nowhere.stderr
    assert "Traceback" not in nowhere.stderr and len(nowhere.stderr.strip().splitlines()) == 1
    unset = cli("sync", "--db", str(tmp_path / "b.sqlite"), "--resolve", "99", "--keep", "mine", env_dirs=tmp_path)
    assert unset.returncode == 2 and "no open conflict number 99" in unset.stderr
    not_server = pg_cluster.new_database()
    bare = cli("sync", "--db", str(b), "--server", pg_cluster.conninfo(not_server), env_dirs=tmp_path)
    assert bare.returncode == 2 and "server init" in bare.stderr


def test_only_a_curator_settles_someone_elses_conflict_on_the_server(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        record_id, uid = first_agreement(a)
        edit_title(a, record_id, "A's")
        edit_title(b, record_id, "B's")
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))  # editor2 reports the conflict
    with TeamServer(as_user(team, "editor2")) as server:
        ((number, who, kind, found_uid, _version, _when),) = server.open_conflicts()
    assert (who, kind, found_uid) == ("editor2", "agreement", uid)
    with TeamServer(as_user(team, "editor1")) as server:
        assert server.close_conflict(number, "not mine to settle") is False  # the server's policy refuses it
        assert len(server.open_conflicts()) == 1
    with TeamServer(as_user(team, "curator1")) as server:
        assert server.close_conflict(number, "settled by the curator") is True
        assert server.open_conflicts() == []
