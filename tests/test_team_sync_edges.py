"""The team sync at its edges, against a real PostgreSQL (tests/postgres.py): records that refer to one another made
offline, sources cited and deleted, other names, conflict groups travelling, identical edits, undo after a push, a
curator's new vocabulary used elsewhere, an import as one change set, a copied database file, a sync cut off and a
hostile connection string. Every laptop ends equal to the server."""
from __future__ import annotations

import io
import shutil
import threading
from pathlib import Path

import psycopg
import pytest

from desktop.core.edits import History
from desktop.data.database import Database, open_database
from desktop.data.documents import TABLE_OF
from desktop.data.editing import Editor
from desktop.data.syncstate import LocalReplica, SyncStateError
from desktop.export.fileformat import COLUMNS
from desktop.export.importing import apply_import, build_change_set, match_columns, preview
from desktop.export.readers import read_table
from desktop.sync.cli import sync_main
from desktop.sync.engine import sync
from desktop.sync.server import ServerError, TeamServer
from tests.postgres import as_user, laptop, same_as_server, server_row


def record_id(db: Database, table: str, uid: str) -> int:
    return int(db.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()[0])


def source_id(db: Database, uid: str) -> int:
    return record_id(db, "sources", uid)


def add(db: Database, kind: str, values: dict[str, object]) -> str:
    editor = Editor(db)
    stored, _ = editor.apply(editor.build_create(kind, values))
    return stored.changes[0].uid


def first_agreement(db: Database) -> tuple[int, str]:
    row = db.conn.execute("SELECT id, uid FROM agreements ORDER BY uid LIMIT 1").fetchone()
    return int(row[0]), str(row[1])


def new_source(db: Database, title: str) -> str:
    return add(db, "source", {"title": title, "url": "https://example.org/" + title.replace(" ", "-"),
                              "publisher": "Ministry", "published": "2026-11", "language": "en",
                              "kind": "official_primary"})


def agreement_values(title: str, **more: object) -> dict[str, object]:
    return {"title_en": title, "doc_type": "memorandum", "status": "signed", "partners": ["TUR"],
            "date_signed": "2026-11", **more}


def test_a_new_event_and_an_agreement_signed_at_it_travel_in_one_or_two_change_sets(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        from desktop.core.edits import ChangeSet

        editor = Editor(a)
        event = editor.build_create("event", {"kind": "ministerial_meeting", "title_en": "Offline summit",
                                              "date_start": "2026-11-20", "partners": ["TUR"]})
        event_rid = event.changes[0].record_id
        editor.apply(event)
        # two change sets: the event, then an agreement signed at it
        first = add(a, "agreement", agreement_values("Signed at the summit", event_id=event_rid))
        # one change set: another event and its agreement together
        editor = Editor(a)
        second_event = editor.build_create("event", {"kind": "briefing", "title_en": "Offline briefing",
                                                     "date_start": "2026-11-21"})
        second_rid = second_event.changes[0].record_id
        agreement = editor.build_create("agreement", agreement_values("Signed at the briefing",
                                                                      event_id=second_rid))
        agreement = Editor(a).build_create("agreement", agreement_values("Signed at the briefing"))
        change = agreement.changes[0]
        row = dict(change.after.row, event_id=second_rid)
        both = ChangeSet("Event and agreement", (second_event.changes[0], type(change)(
            change.kind, None, type(change.after)(change.kind, row, change.after.links), None, "added")))
        editor.apply(both)
        second = change.uid
        report = sync(a, as_user(team, "editor1"))
        assert (report.sent_sets, report.sent_records) == (3, 4)
        got = sync(b, as_user(team, "editor2"))
        assert len(got.pulled) == 4 and got.skipped == []
        for uid, event_title in ((first, "Offline summit"), (second, "Offline briefing")):
            assert b.conn.execute("SELECT e.title_en FROM agreements a JOIN events e ON e.id = a.event_id WHERE "
                                  "a.uid = ?", (uid,)).fetchone() == (event_title,)
        same_as_server(team, a, b)


def test_a_new_source_cited_by_a_new_record_and_a_new_other_name_travel(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        source = new_source(a, "Joint communique")
        agreement = add(a, "agreement", agreement_values("Cites the communique", sources=[source_id(a, source)]))
        alias = add(a, "alias", {"group_id": "port_turkmenbashi", "name": "Krasnovodsk harbour", "lang": "en",
                                 "kind": "former_name", "sources": [source_id(a, source)]})
        sync(a, as_user(team, "editor1"))
        assert server_row(team, "alias", alias)[1]["name"] == "Krasnovodsk harbour"
        got = sync(b, as_user(team, "editor2"))
        assert got.skipped == []
        assert b.conn.execute(
            "SELECT s.uid FROM record_sources rs JOIN agreements a ON a.id = rs.record_id AND rs.record_type = "
            "'agreement' JOIN sources s ON s.id = rs.source_id WHERE a.uid = ?", (agreement,)).fetchall() == \
            [(source,)]
        assert b.conn.execute("SELECT name, group_id FROM aliases WHERE uid = ?", (alias,)).fetchone() == \
            ("Krasnovodsk harbour", "port_turkmenbashi")
        same_as_server(team, a, b)


def cited_source(db: Database) -> tuple[str, list[tuple[str, str]]]:
    """A source cited by a few records: its uid and the (kind, uid) of the records that cite it."""
    (sid, uid) = db.conn.execute(
        "SELECT s.id, s.uid FROM sources s JOIN record_sources rs ON rs.source_id = s.id WHERE rs.record_type IN "
        "('agreement', 'event') GROUP BY s.id HAVING count(*) BETWEEN 1 AND 5 ORDER BY s.uid LIMIT 1").fetchone()
    citing = []
    for kind, rid in db.conn.execute("SELECT record_type, record_id FROM record_sources WHERE source_id = ?", (sid,)):
        citing.append((kind, db.conn.execute(f"SELECT uid FROM {TABLE_OF[kind]} WHERE id = ?", (rid,)).fetchone()[0]))
    return uid, citing


def test_a_source_deleted_with_its_citations_leaves_no_citation_anywhere(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        source, citing = cited_source(a)
        editor = Editor(a)
        editor.apply(editor.build_delete("source", source_id(a, source), choice="delete"))
        sync(a, as_user(team, "editor1"))
        assert server_row(team, "source", source)[1] is None
        for kind, uid in citing:  # the server did what the laptop did: the citations went with the source
            assert source not in server_row(team, kind, uid)[1]["sources"]
        got = sync(b, as_user(team, "editor2"))
        assert got.skipped == [] and ("source", source) in got.deleted
        assert b.conn.execute("SELECT count(*) FROM sources WHERE uid = ?", (source,)).fetchone()[0] == 0
        same_as_server(team, a, b)


def test_a_source_deleted_on_one_laptop_while_another_cites_it_in_a_new_record(team, built_db, tmp_path):
    a, b, c = (laptop(built_db, tmp_path, n) for n in "abc")
    with a, b, c:
        for db, user in ((a, "editor1"), (b, "editor2"), (c, "editor3")):
            sync(db, as_user(team, user))
        source, _ = cited_source(a)
        # B cites the source in a new record and syncs first; then A deletes the source with its citations
        new_b = add(b, "agreement", agreement_values("Cites it on B", sources=[source_id(b, source)]))
        editor = Editor(a)
        editor.apply(editor.build_delete("source", source_id(a, source), choice="delete"))
        sync(b, as_user(team, "editor2"))
        sync(a, as_user(team, "editor1"))
        assert server_row(team, "agreement", new_b)[1]["sources"] == []
        # C cites it too, but A's deletion reaches the server first
        new_c = add(c, "agreement", agreement_values("Cites it on C", sources=[source_id(c, source)]))
        report = sync(c, as_user(team, "editor3"))
        sync(b, as_user(team, "editor2"))
        sync(a, as_user(team, "editor1"))
        sync(c, as_user(team, "editor3"))
        # the deletion carries to C's new record as it carried to B's: no copy is left citing a deleted source
        assert report.skipped == [] and ("source", source) in report.deleted
        assert server_row(team, "agreement", new_c)[1]["sources"] == []
        same_as_server(team, a, b, c)


def test_a_conflict_group_made_by_keeping_both_arrives_elsewhere_with_its_preferred_member(team, built_db, tmp_path):
    a, b, c = (laptop(built_db, tmp_path, n) for n in "abc")
    with a, b, c:
        for db, user in ((a, "editor1"), (b, "editor2"), (c, "editor3")):
            sync(db, as_user(team, user))
        rid, uid = first_agreement(a)
        for db, text in ((a, "Title on A"), (b, "Title on B")):
            editor = Editor(db)
            editor.apply(editor.build_update("agreement", rid, {"title_en": text}))
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        (conflict,) = LocalReplica(b).open_conflicts()
        LocalReplica(b).resolve(conflict.id, "both")
        sync(b, as_user(team, "editor2"))
        got = sync(c, as_user(team, "editor3"))
        assert got.skipped == []
        members = c.conn.execute(
            "SELECT g.uid, a.title_en, m.is_preferred FROM conflict_members m JOIN conflict_groups g ON g.id = "
            "m.group_id JOIN agreements a ON a.id = m.record_id WHERE m.record_type = 'agreement' AND g.uid LIKE "
            "'sync_conflict_%' ORDER BY m.is_preferred").fetchall()
        assert [(t, p) for _, t, p in members] == [("Title on A", 0), ("Title on B", 1)]
        assert len({g for g, _, _ in members}) == 1
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, b, c)


def test_the_same_edit_on_two_laptops_is_no_conflict(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rid, uid = first_agreement(a)
        for db in (a, b):
            editor = Editor(db)
            editor.apply(editor.build_update("agreement", rid, {"title_en": "Agreed wording"}))
        sync(a, as_user(team, "editor1"))
        report = sync(b, as_user(team, "editor2"))
        assert report.conflicts == [] and report.open_conflicts == 0 and report.held_back == 0
        assert report.sent_records == 0 and server_row(team, "agreement", uid)[0] == 2
        assert LocalReplica(b).pending_sets() == []
        same_as_server(team, a, b)


def test_an_edit_here_and_a_deletion_there_conflict_whichever_syncs_first(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rows = a.conn.execute("SELECT id, uid FROM agreements WHERE event_id IS NULL ORDER BY uid LIMIT 2").fetchall()
        (first_id, first), (second_id, second) = rows
        # the first: A edits and B deletes; the second: A deletes and B edits; B syncs first
        for db, rid, text in ((a, first_id, "Edited on A"), (b, second_id, "Edited on B")):
            editor = Editor(db)
            editor.apply(editor.build_update("agreement", rid, {"title_en": text}))
        for db, rid in ((b, first_id), (a, second_id)):
            editor = Editor(db)
            editor.apply(editor.build_delete("agreement", rid))
        sync(b, as_user(team, "editor2"))
        report_a = sync(a, as_user(team, "editor1"))
        assert sorted(report_a.conflicts) == sorted([("agreement", first), ("agreement", second)])
        found = {c.uid: c for c in LocalReplica(a).open_conflicts()}
        assert found[first].server_doc is None and found[first].local_doc["title_en"] == "Edited on A"
        assert found[second].local_doc is None and found[second].server_doc["title_en"] == "Edited on B"
        assert report_a.sent_records == 0 and report_a.held_back == 2
        LocalReplica(a).resolve(found[first].id, "mine")  # brought back
        LocalReplica(a).resolve(found[second].id, "mine")  # deleted after all
        for _ in range(2):
            sync(a, as_user(team, "editor1"))
            sync(b, as_user(team, "editor2"))
        assert server_row(team, "agreement", first)[1]["title_en"] == "Edited on A"
        assert server_row(team, "agreement", second)[1] is None
        same_as_server(team, a, b)


def trade_file(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(";".join(COLUMNS["trade"]) + "\r\n")
        for i in range(rows):
            fh.write(f"edge_{i};{('AZE', 'TUR', 'CHN')[i % 3]};{1995 + i % 30};{('FY', 'H1', '9M')[i % 3]};"
                     f"{i + 1},5;;;kazakh;exact;Imported figure {i};;\r\n")
    return path


def test_an_import_of_500_trade_figures_travels_as_one_change_set(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        table = read_table(trade_file(tmp_path / "trade.csv", 500))
        result = preview(a, "trade", table, match_columns("trade", table.columns))
        assert not result.rejected
        apply_import(a, build_change_set(a, result, file_name="trade.csv"))
        pending = LocalReplica(a).pending_sets()
        assert len(pending) == 1 and sum(1 for k, _ in pending[0].records if k == "trade") == 500
        report = sync(a, as_user(team, "editor1"))
        assert report.sent_sets == 1 and report.sent_records == len(pending[0].records)
        cluster, name = team
        with psycopg.connect(cluster.conninfo(name)) as conn:
            assert conn.execute("SELECT count(DISTINCT change_set), count(*) FROM atlas.changes WHERE "
                                "doc->>'note_en' LIKE 'Imported figure %'").fetchone() == (1, 500)
        got = sync(b, as_user(team, "editor2"))
        assert got.skipped == [] and sum(1 for k, _ in got.pulled if k == "trade") == 500
        same_as_server(team, a, b)


def test_undo_of_a_pushed_edit_travels_as_a_new_change(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rid, uid = first_agreement(a)
        original = a.conn.execute("SELECT title_en FROM agreements WHERE id = ?", (rid,)).fetchone()[0]
        editor, history = Editor(a), History()
        stored, _ = editor.apply(editor.build_update("agreement", rid, {"title_en": "Soon undone"}))
        history.push(stored)
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        history.undo(editor.apply)
        report = sync(a, as_user(team, "editor1"))
        assert report.sent_records == 1 and server_row(team, "agreement", uid) == (3, server_row(
            team, "agreement", uid)[1])
        assert server_row(team, "agreement", uid)[1]["title_en"] == original
        got = sync(b, as_user(team, "editor2"))
        assert got.pulled == [("agreement", uid)] and got.conflicts == []
        assert b.conn.execute("SELECT title_en FROM agreements WHERE uid = ?", (uid,)).fetchone() == (original,)
        same_as_server(team, a, b)


def add_doc_type(db: Database, code: str, name: str) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO doc_types (code, name_en, name_ru) VALUES (?, ?, ?)", (code, name, name))


def test_a_curators_new_document_type_used_by_a_new_agreement_from_another_laptop(team, built_db, tmp_path):
    c, e, b = (laptop(built_db, tmp_path, n) for n in "ceb")
    with c, e, b:
        for db, user in ((c, "curator1"), (e, "editor1"), (b, "editor2")):
            sync(db, as_user(team, user))
        add_doc_type(c, "roadmap_x", "Roadmap")
        assert sync(c, as_user(team, "curator1")).vocabulary_refused == 0
        sync(e, as_user(team, "editor1"))
        uid = add(e, "agreement", agreement_values("A roadmap", doc_type="roadmap_x"))
        assert sync(e, as_user(team, "editor1")).sent_records == 1
        got = sync(b, as_user(team, "editor2"))
        assert got.skipped == []
        assert b.conn.execute("SELECT doc_type FROM agreements WHERE uid = ?", (uid,)).fetchone() == ("roadmap_x",)
        sync(c, as_user(team, "curator1"))
        same_as_server(team, c, e, b)


def test_a_curators_second_vocabulary_change_reaches_the_server(team, built_db, tmp_path):
    """Two vocabulary changes with no record edited between them are two change sets, not one sent twice."""
    c = laptop(built_db, tmp_path, "c")
    with c:
        sync(c, as_user(team, "curator1"))
        add_doc_type(c, "roadmap_x", "Roadmap")
        sync(c, as_user(team, "curator1"))
        add_doc_type(c, "concept_x", "Concept")
        report = sync(c, as_user(team, "curator1"))
        assert report.sent_records == 1 and server_row(team, "vocab:doc_types", "concept_x") is not None
        assert LocalReplica(c).pending_sets() == []


def test_a_copy_of_a_synced_laptops_file_loses_nothing(team, built_db, tmp_path):
    """A laptop set up by copying another's synced file has the same replica id: both copies' changes, records and
    vocabularies, reach the server, and each copy receives the other's."""
    with laptop(built_db, tmp_path, "a") as a:
        sync(a, as_user(team, "curator1"))
    shutil.copyfile(tmp_path / "a.sqlite", tmp_path / "copy.sqlite")
    a, copy = open_database(tmp_path / "a.sqlite"), open_database(tmp_path / "copy.sqlite")
    with a, copy:
        assert LocalReplica(a).replica_id == LocalReplica(copy).replica_id
        rows = a.conn.execute("SELECT id, uid FROM agreements ORDER BY uid LIMIT 2").fetchall()
        for db, (rid, _), text, code in ((a, rows[0], "On the original", "roadmap_x"),
                                         (copy, rows[1], "On the copy", "concept_x")):
            editor = Editor(db)
            editor.apply(editor.build_update("agreement", rid, {"title_en": text}))
            add_doc_type(db, code, code)
        first = sync(a, as_user(team, "curator1"))
        second = sync(copy, as_user(team, "curator1"))
        assert (first.sent_records, second.sent_records) == (2, 2)
        assert server_row(team, "agreement", rows[0][1])[1]["title_en"] == "On the original"
        assert server_row(team, "agreement", rows[1][1])[1]["title_en"] == "On the copy"
        assert server_row(team, "vocab:doc_types", "concept_x") is not None
        sync(a, as_user(team, "curator1"))
        same_as_server(team, a, copy)


def test_an_interrupted_sync_says_what_was_done_before(team, built_db, tmp_path):
    cluster, name = team
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rid, uid = first_agreement(a)
        editor = Editor(a)
        editor.apply(editor.build_update("agreement", rid, {"title_en": "Received before the cut"}))
        sync(a, as_user(team, "editor1"))
        other = b.conn.execute("SELECT id FROM agreements WHERE uid <> ? ORDER BY uid LIMIT 1", (uid,)).fetchone()[0]
        editor = Editor(b)
        editor.apply(editor.build_update("agreement", other, {"title_en": "Cut off"}))
        server = TeamServer(as_user(team, "editor2"))

        def cut(stage: str, done: int, total: int) -> bool:
            if stage == "push":
                with psycopg.connect(cluster.conninfo(name), autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", (server.backend_pid,))
            return True

        with pytest.raises(ServerError) as cut_off:
            sync(b, "", progress=cut, server=server)
        server.close()
        assert cut_off.value.code == "interrupted"
        done = cut_off.value.report
        assert done is not None and done.pulled == [("agreement", uid)] and done.changed_here
        assert done.sent_records == 0
        assert b.conn.execute("SELECT title_en FROM agreements WHERE uid = ?", (uid,)).fetchone() == \
            ("Received before the cut",)
        report = sync(b, as_user(team, "editor2"))
        assert report.sent_records == 1 and report.pulled == []
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, b)


def test_the_command_says_what_was_received_before_a_cut(team, built_db, tmp_path, monkeypatch):
    """`sync` stopped by a broken connection after its pull: the message says what was received before."""
    from desktop.sync import engine

    cluster, name = team
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for path in (a, b):
        shutil.copyfile(built_db, path)
    with open_database(a) as db:
        rid, _uid = first_agreement(db)
        editor = Editor(db)
        editor.apply(editor.build_update("agreement", rid, {"title_en": "Before the cut"}))
        sync(db, as_user(team, "editor1"))
    with open_database(b) as db:
        editor = Editor(db)
        other = db.conn.execute("SELECT id FROM agreements ORDER BY uid LIMIT 1 OFFSET 1").fetchone()[0]
        editor.apply(editor.build_update("agreement", other, {"title_en": "Not sent"}))
    real_push = engine._push

    def cut_push(replica, server, rights, report, progress):  # the server goes away as the push starts
        with psycopg.connect(cluster.conninfo(name), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (server.backend_pid,))
        return real_push(replica, server, rights, report, progress)

    monkeypatch.setattr(engine, "_push", cut_push)
    out, err = io.StringIO(), io.StringIO()
    assert sync_main(as_user(team, "editor2"), str(b), out=out, err=err) == 2
    assert "broke" in err.getvalue() and "had received 1 change(s) and sent 0 record(s)" in err.getvalue()
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize(("conninfo", "words"), [
    ("host='unterminated dbname=atlas", "not a valid connection string"),
    ("host=localhost; DROP SCHEMA atlas CASCADE; --", "not a valid connection string"),
    ("host=localhost\ndbname=atlas user=x'; SELECT 1", "not a valid connection string"),
    ("postgresql://user:pa ss@/db?host=%zz", "not a valid connection string"),
    ("host=/nonexistent/socket dbname=atlas password=\"secret", "could not be reached"),
])
def test_a_hostile_connection_string_gives_a_clean_message(team, built_db, tmp_path, conninfo, words):
    path = tmp_path / "a.sqlite"
    shutil.copyfile(built_db, path)
    out, err = io.StringIO(), io.StringIO()
    assert sync_main(conninfo, str(path), out=out, err=err) == 2
    message = err.getvalue()
    assert message.startswith("partnership-atlas: ") and len(message.strip().splitlines()) == 1
    assert words in message and "refused" not in message
    assert "Traceback" not in message and "secret" not in message
    with open_database(path, readonly=True) as db:
        assert LocalReplica(db).never_synced()
    with TeamServer(as_user(team, "curator1")) as server:
        server.check_schema()  # the server is as it was


def test_syncs_at_once_from_two_threads_of_one_laptop_file_apply_each_change_once(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), tmp_path / "b.sqlite"
    shutil.copyfile(built_db, b)
    with a:
        sync(a, as_user(team, "editor1"))
        rows = a.conn.execute("SELECT id FROM agreements ORDER BY uid LIMIT 50").fetchall()
        editor = Editor(a)
        editor.apply(editor.build_update_many("agreement", {r[0]: {"title_en": f"Many {r[0]}"} for r in rows}))
        sync(a, as_user(team, "editor1"))
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with open_database(b) as db:
                sync(db, as_user(team, "editor2"))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            failures.append(exc)

    workers = [threading.Thread(target=run) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    with open_database(b) as db:
        pulled = db.conn.execute("SELECT count(*), count(DISTINCT record_uid) FROM change_log WHERE action = "
                                 "'pull'").fetchone()
        assert pulled == (50, 50)
        with open_database(tmp_path / "a.sqlite") as again:
            same_as_server(team, again, db)


def test_a_partner_deleted_there_while_a_new_record_here_needs_it_is_a_conflict_not_a_stuck_laptop(team, built_db,
                                                                                                   tmp_path):
    """A deletes a partner of its own that C, offline, gives a new trade figure: C's pull cannot delete it (the
    figure needs it). C keeps it, the conflict is C's to settle, and the figure waits for the choice: "theirs" is
    refused while the figure needs the partner, "mine" brings the partner back on the server, and then the figure
    goes."""
    a, c = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "c")
    with a, c:
        partner = add(a, "partner", {"iso3": "QQZ", "name_en": "Testland", "name_ru": "Тестландия",
                                     "sort_order": 900})
        sync(a, as_user(team, "editor1"))
        sync(c, as_user(team, "editor2"))
        figure = add(c, "trade", {"partner_iso3": "QQZ", "year": 2025, "period": "FY", "turnover_usd_m": 1.5,
                                  "statistics": "kazakh", "qualifier": "exact"})
        editor = Editor(a)
        editor.apply(editor.build_delete("partner", record_id(a, "partners", partner)))
        sync(a, as_user(team, "editor1"))
        report = sync(c, as_user(team, "editor2"))
        assert report.conflicts == [("partner", partner)] and report.held_back == 1 and report.sent_records == 0
        assert c.conn.execute("SELECT count(*) FROM partners WHERE uid = ?", (partner,)).fetchone() == (1,)
        assert server_row(team, "trade", figure) is None  # never sent pointing at a deleted partner
        (conflict,) = LocalReplica(c).open_conflicts()
        assert conflict.server_doc is None and conflict.local_doc["iso3"] == "QQZ"
        with pytest.raises(SyncStateError) as refused:
            LocalReplica(c).resolve(conflict.id, "theirs")
        assert "refer to it" in str(refused.value)
        LocalReplica(c).resolve(conflict.id, "mine")
        done = sync(c, as_user(team, "editor2"))
        assert done.sent_records == 2 and done.open_conflicts == 0
        assert server_row(team, "partner", partner)[1]["iso3"] == "QQZ"
        assert server_row(team, "trade", figure)[1]["partner_id"] == partner
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, c)
