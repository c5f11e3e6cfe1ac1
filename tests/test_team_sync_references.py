"""The team server keeps its references whole when a laptop pushes a record that refers to one a teammate deleted
meanwhile (between the laptop's pull and its push), against a real PostgreSQL (tests/postgres.py).

Each race is played out exactly: the sync's progress callback runs the teammates' syncs at the moment the laptop
has pulled and is about to push.
"""
from __future__ import annotations

from collections.abc import Callable

from desktop.data.database import Database
from desktop.data.editing import Editor
from desktop.data.syncstate import LocalReplica
from desktop.sync.engine import sync
from tests.postgres import as_user, laptop, same_as_server, server_row


def before_push(action: Callable[[], None]) -> Callable[[str, int, int], bool]:
    """A progress callback that runs ``action`` once, when the sync has pulled and is about to push."""
    done: list[bool] = []

    def progress(stage: str, n: int, total: int) -> bool:
        if stage == "push" and not done:
            done.append(True)
            action()
        return True

    return progress


def create(db: Database, kind: str, values: dict[str, object]) -> str:
    editor = Editor(db)
    stored, _ = editor.apply(editor.build_create(kind, values))
    return stored.changes[0].uid


def record_id(db: Database, table: str, uid: str) -> int:
    return int(db.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()[0])


def test_an_agreement_signed_at_an_event_deleted_meanwhile_loses_its_event_everywhere(team, built_db, tmp_path):
    a, b, c = (laptop(built_db, tmp_path, n) for n in "abc")
    with a, b, c:
        for db, user in ((a, "editor1"), (b, "editor2"), (c, "editor1")):
            sync(db, as_user(team, user))
        event_id, event_uid = a.conn.execute("SELECT id, uid FROM events ORDER BY uid LIMIT 1").fetchone()
        uid = create(b, "agreement", {"title_en": "Signed at an event deleted meanwhile", "doc_type": "memorandum",
                                      "status": "signed", "partners": ["TUR"], "date_signed": "2026-11",
                                      "event_id": event_id})
        editor = Editor(a)
        editor.apply(editor.build_delete("event", event_id, choice="unlink"))
        seen_by_c = []

        def teammates() -> None:
            sync(a, as_user(team, "editor1"))  # the event's deletion reaches the server
            seen_by_c.append(sync(c, as_user(team, "editor1")))  # and laptop C

        report = sync(b, as_user(team, "editor2"), progress=before_push(teammates))
        assert report.sent_records == 1 and report.conflicts == [] and report.adjusted == [("agreement", uid)]
        assert "1 record(s) sent lost a link to a record deleted on the server meanwhile" in report.summary()
        assert seen_by_c[0].deleted == [("event", event_uid)]
        version, doc = server_row(team, "agreement", uid)
        assert doc is not None and doc["event_id"] is None  # as SQLite's SET NULL would have left it
        assert b.conn.execute("SELECT event_id FROM agreements WHERE uid = ?", (uid,)).fetchone()[0] is None
        later = sync(c, as_user(team, "editor1"))
        assert later.skipped == [] and later.pulled == [("agreement", uid)]
        assert c.conn.execute("SELECT title_en, event_id FROM agreements WHERE uid = ?", (uid,)).fetchone() == \
            ("Signed at an event deleted meanwhile", None)
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, b, c)


def test_a_segment_of_a_corridor_deleted_meanwhile_goes_with_it(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        corridor = create(a, "corridor", {"name_en": "A corridor drawn and dropped"})
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        nodes = [r[0] for r in b.conn.execute("SELECT id FROM nodes ORDER BY uid LIMIT 2")]
        segment = create(b, "segment", {"corridor_id": record_id(b, "corridors", corridor), "from_node_id": nodes[0],
                                        "to_node_id": nodes[1], "mode": "rail", "status": "operating"})
        editor = Editor(a)
        editor.apply(editor.build_delete("corridor", record_id(a, "corridors", corridor)))
        report = sync(b, as_user(team, "editor2"), progress=before_push(lambda: sync(a, as_user(team, "editor1"))))
        assert report.conflicts == [] and report.adjusted == [("segment", segment)]
        assert server_row(team, "segment", segment)[1] is None  # as SQLite's CASCADE would have done
        assert b.conn.execute("SELECT count(*) FROM segments WHERE uid = ?", (segment,)).fetchone()[0] == 0
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, b)


def test_a_figure_for_a_partner_deleted_meanwhile_is_a_conflict_not_a_broken_reference(team, built_db, tmp_path):
    a, b, c = (laptop(built_db, tmp_path, n) for n in "abc")
    with a, b, c:
        for db, user in ((a, "editor1"), (b, "editor2"), (c, "editor1")):
            sync(db, as_user(team, user))
        partner = create(a, "partner", {"iso3": "MNG", "name_en": "Mongolia", "name_ru": "Монголия",
                                        "name_kk": "Моңғолия", "is_focus": False, "sort_order": 90})
        for db, user in ((a, "editor1"), (b, "editor2"), (c, "editor1")):
            sync(db, as_user(team, user))
        figure = create(b, "trade", {"partner_iso3": "MNG", "year": 2025, "period": "FY", "turnover_usd_m": 12.5,
                                     "statistics": "kazakh", "qualifier": "exact", "sources": []})
        editor = Editor(a)
        editor.apply(editor.build_delete("partner", record_id(a, "partners", partner)))
        seen_by_c = []

        def teammates() -> None:
            sync(a, as_user(team, "editor1"))
            seen_by_c.append(sync(c, as_user(team, "editor1")))

        report = sync(b, as_user(team, "editor2"), progress=before_push(teammates))
        assert server_row(team, "trade", figure) is None  # never stored with a partner the server has deleted
        assert report.sent_records == 0 and report.held_back == 1
        assert report.conflicts == [("partner", partner)]  # the deletion, which this laptop's figure contradicts
        assert sync(c, as_user(team, "editor1")).skipped == []
        (conflict,) = LocalReplica(b).open_conflicts()
        LocalReplica(b).resolve(conflict.id, "mine")  # keep the partner: the figure needs it
        sync(b, as_user(team, "editor2"))
        assert server_row(team, "partner", partner)[1] is not None
        assert server_row(team, "trade", figure)[1]["partner_id"] == partner
        for db, user in ((a, "editor1"), (c, "editor1")):
            assert sync(db, as_user(team, user)).skipped == []
        same_as_server(team, a, b, c)


def test_the_sync_dialog_says_which_links_the_server_removed(qtbot, open_window, translator):
    from desktop.qt.sync.dialog import SyncDialog
    from desktop.sync.engine import SyncReport

    window = open_window()
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    report = SyncReport(user="editor2", sent_sets=1, sent_records=2, adjusted=[("agreement", "x"), ("segment", "y")],
                        restored=[("partner", "z")])
    assert "2 records you sent referred to records a teammate had just deleted: the server removed those links" \
        in dialog.summary(report)
    assert "1 record you deleted came back: records on the team server still need it." in dialog.summary(report)
    translator.set_language("ru")
    assert "2 отправленные записи ссылались на записи, которые коллега только что удалил: сервер убрал эти ссылки" \
        in dialog.summary(report)
    assert "1 удалённая вами запись вернулась: она нужна записям на сервере команды." in dialog.summary(report)
    translator.set_language("kk")
    assert "Сіз жіберген 2 жазба әріптесіңіз жаңа ғана жойған жазбаларға сілтеме жасаған" in dialog.summary(report)
    assert "Сіз жойған 1 жазба қайта оралды: ол топ серверіндегі жазбаларға қажет." in dialog.summary(report)
    translator.set_language("en")
    plain = dialog.summary(SyncReport(sent_sets=1, sent_records=2))
    assert "removed" not in plain and "came back" not in plain


def test_a_partner_deleted_here_that_a_teammates_new_figure_needs_comes_back(team, built_db, tmp_path):
    a, b, c = (laptop(built_db, tmp_path, n) for n in "abc")
    with a, b, c:
        partner = create(a, "partner", {"iso3": "MNG", "name_en": "Mongolia", "name_ru": "Монголия",
                                        "name_kk": "Моңғолия", "is_focus": False, "sort_order": 90})
        for db, user in ((a, "editor1"), (b, "editor2"), (c, "editor1")):
            sync(db, as_user(team, user))
        figure = create(b, "trade", {"partner_iso3": "MNG", "year": 2025, "period": "FY", "turnover_usd_m": 12.5,
                                     "statistics": "kazakh", "qualifier": "exact", "sources": []})
        editor = Editor(a)
        editor.apply(editor.build_delete("partner", record_id(a, "partners", partner)))
        report = sync(a, as_user(team, "editor1"), progress=before_push(lambda: sync(b, as_user(team, "editor2"))))
        # the server refused the deletion (a teammate's figure needs the partner) and this laptop took it back,
        # as SQLite refuses to delete a partner that figures here need
        assert server_row(team, "partner", partner) == (1, server_row(team, "partner", partner)[1])
        assert server_row(team, "partner", partner)[1] is not None
        assert report.restored == [("partner", partner)] and report.conflicts == [] and report.skipped == []
        assert "1 record(s) you deleted came back: records on the server still need them" in report.summary()
        assert a.conn.execute("SELECT count(*) FROM trade_figures WHERE uid = ?", (figure,)).fetchone()[0] == 1
        assert a.conn.execute("SELECT count(*) FROM partners WHERE uid = ?", (partner,)).fetchone()[0] == 1
        seen = sync(c, as_user(team, "editor1"))
        assert seen.conflicts == [] and seen.skipped == [] and seen.pulled == [("trade", figure)]
        again = sync(a, as_user(team, "editor1"))
        assert again.held_back == 0 and again.sent_records == 0 and again.open_conflicts == 0
        sync(b, as_user(team, "editor2"))
        same_as_server(team, a, b, c)


def test_an_agreement_at_an_event_deleted_here_arrives_without_it(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        event_id, event_uid = a.conn.execute("SELECT id, uid FROM events ORDER BY uid LIMIT 1").fetchone()
        uid = create(b, "agreement", {"title_en": "Made at an event deleted on A", "doc_type": "memorandum",
                                      "status": "signed", "partners": ["TUR"], "date_signed": "2026-11",
                                      "event_id": event_id})
        sync(b, as_user(team, "editor2"))
        editor = Editor(a)
        editor.apply(editor.build_delete("event", event_id, choice="unlink"))
        report = sync(a, as_user(team, "editor1"))
        # written here without the event this copy no longer has (as SQLite's SET NULL leaves it); the deletion then
        # reached the server, which unlinked it there too: the copies agree, and nothing is reported unwritten
        assert report.skipped == [] and ("agreement", uid) in report.pulled
        assert "could not be written" not in report.summary()
        assert a.conn.execute("SELECT event_id FROM agreements WHERE uid = ?", (uid,)).fetchone() == (None,)
        assert server_row(team, "event", event_uid)[1] is None
        sync(b, as_user(team, "editor2"))
        same_as_server(team, a, b)


def rename(db: Database, table: str, kind: str, uid: str, **values: object) -> None:
    editor = Editor(db)
    rid = record_id(db, table, uid)
    editor.apply(editor.build_update(kind, rid, dict(editor.values_of(kind, rid), **values)))


MONGOLIA = {"iso3": "MNG", "name_en": "Mongolia", "name_ru": "Монголия", "name_kk": "Моңғолия", "is_focus": False,
            "sort_order": 90}
FIGURE = {"partner_iso3": "MNG", "year": 2025, "period": "FY", "turnover_usd_m": 12.5, "statistics": "kazakh",
          "qualifier": "exact", "sources": []}


def test_keeping_a_deletion_the_servers_records_refuse_brings_back_the_servers_version(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        partner = create(a, "partner", MONGOLIA)
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rename(b, "partners", "partner", partner, name_en="Mongolia (renamed on B)")
        figure = create(b, "trade", FIGURE)
        sync(b, as_user(team, "editor2"))
        editor = Editor(a)
        editor.apply(editor.build_delete("partner", record_id(a, "partners", partner)))
        first = sync(a, as_user(team, "editor1"))
        assert first.conflicts == [("partner", partner)] and first.restored == []  # the user chooses, not the sync
        (conflict,) = LocalReplica(a).open_conflicts()
        LocalReplica(a).resolve(conflict.id, "mine")  # keep the deletion: the server refuses it, B's figure needs it
        second = sync(a, as_user(team, "editor1"))
        assert second.restored == [("partner", partner)] and second.skipped == []
        assert a.conn.execute("SELECT name_en FROM partners WHERE uid = ?", (partner,)).fetchone() == \
            ("Mongolia (renamed on B)",)  # the server's version, B's rename kept
        assert a.conn.execute("SELECT count(*) FROM trade_figures WHERE uid = ?", (figure,)).fetchone()[0] == 1
        assert server_row(team, "partner", partner)[1]["name_en"] == "Mongolia (renamed on B)"
        assert sync(a, as_user(team, "editor1")).held_back == 0
        same_as_server(team, a, b)


def test_a_deletion_kept_against_an_edit_then_needed_by_a_new_figure_comes_back_as_edited(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        partner = create(a, "partner", MONGOLIA)
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        rename(b, "partners", "partner", partner, name_en="Mongolia (renamed on B)")
        sync(b, as_user(team, "editor2"))
        editor = Editor(a)
        editor.apply(editor.build_delete("partner", record_id(a, "partners", partner)))
        sync(a, as_user(team, "editor1"))
        (conflict,) = LocalReplica(a).open_conflicts()
        LocalReplica(a).resolve(conflict.id, "mine")
        create(b, "trade", FIGURE)
        sync(b, as_user(team, "editor2"))
        report = sync(a, as_user(team, "editor1"))
        assert report.restored == [("partner", partner)] and report.skipped == [] and report.held_back == 0
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, b)
        assert server_row(team, "partner", partner)[1]["name_en"] == "Mongolia (renamed on B)"


def test_a_record_the_server_wrote_without_a_link_is_written_so_here_too(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        fact_id, fact_uid = b.conn.execute("SELECT id, uid FROM facts ORDER BY id LIMIT 1").fetchone()
        source_id, source_uid = b.conn.execute(
            "SELECT id, uid FROM sources WHERE id NOT IN (SELECT source_id FROM record_sources WHERE record_type = "
            "'fact' AND record_id = ?) ORDER BY id LIMIT 1", (fact_id,)).fetchone()
        editor = Editor(b)
        values = editor.values_of("fact", fact_id)
        editor.apply(editor.build_update("fact", fact_id, dict(values, sources=[*values["sources"], source_id])))
        rename(b, "sources", "source", source_uid, title="A source edited on B")
        editor_a = Editor(a)
        editor_a.apply(editor_a.build_delete("source", record_id(a, "sources", source_uid), choice="delete"))
        report = sync(b, as_user(team, "editor2"), progress=before_push(lambda: sync(a, as_user(team, "editor1"))))
        assert report.adjusted == [("fact", fact_uid)] and report.conflicts == [("source", source_uid)]
        cited = b.conn.execute("SELECT count(*) FROM record_sources WHERE record_type = 'fact' AND record_id = ? AND "
                               "source_id = ?", (fact_id, source_id)).fetchone()[0]
        assert cited == 0  # as the server wrote it, though the source is still here (in conflict)
        (conflict,) = LocalReplica(b).open_conflicts()
        LocalReplica(b).resolve(conflict.id, "mine")  # the source stays, edited; the citation is gone everywhere
        sync(b, as_user(team, "editor2"))
        sync(a, as_user(team, "editor1"))
        same_as_server(team, a, b)


def test_a_second_push_after_a_record_came_back_counts_each_refusal_once(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        partner = create(a, "partner", MONGOLIA)
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        create(b, "trade", FIGURE)
        with a.transaction() as conn:  # a vocabulary change, which only a curator's laptop sends
            conn.execute("UPDATE sectors SET name_en = name_en || ' (edited)' WHERE code = (SELECT min(code) FROM "
                         "sectors)")
        editor = Editor(a)
        editor.apply(editor.build_delete("partner", record_id(a, "partners", partner)))
        report = sync(a, as_user(team, "editor1"), progress=before_push(lambda: sync(b, as_user(team, "editor2"))))
        assert report.restored == [("partner", partner)] and report.vocabulary_refused == 1


def test_taking_the_servers_version_brings_back_the_node_it_needs(team, built_db, tmp_path):
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        node = create(a, "node", {"name_en": "A siding", "country_iso3": "KAZ", "kind": "rail_station",
                                  "position_approx": False})
        sync(a, as_user(team, "editor1"))
        sync(b, as_user(team, "editor2"))
        corridor, first, other = (b.conn.execute(sql).fetchone()[0] for sql in (
            "SELECT id FROM corridors ORDER BY uid LIMIT 1", f"SELECT id FROM nodes WHERE uid = '{node}'",
            "SELECT id FROM nodes WHERE uid = 'ankara'"))
        segment = create(b, "segment", {"corridor_id": corridor, "from_node_id": first, "to_node_id": other,
                                        "mode": "rail", "status": "planned", "sources": []})
        sync(b, as_user(team, "editor2"))
        sync(a, as_user(team, "editor1"))
        # A moves the segment off its node and deletes the node; B changes the segment's status meanwhile
        editor = Editor(a)
        seg_id = record_id(a, "segments", segment)
        almaty = record_id(a, "nodes", "almaty")
        editor.apply(editor.build_update("segment", seg_id, dict(editor.values_of("segment", seg_id),
                                                                 from_node_id=almaty)))
        editor.apply(editor.build_delete("node", record_id(a, "nodes", node)))
        rename(b, "segments", "segment", segment, status="operating")
        sync(b, as_user(team, "editor2"))
        report = sync(a, as_user(team, "editor1"))
        assert report.conflicts == [("segment", segment)]
        (conflict,) = LocalReplica(a).open_conflicts()
        LocalReplica(a).resolve(conflict.id, "theirs")  # B's segment, on the node deleted here: the node comes back
        assert a.conn.execute("SELECT n.uid, s.status FROM segments s JOIN nodes n ON n.id = s.from_node_id "
                              "WHERE s.uid = ?", (segment,)).fetchone() == (node, "operating")
        final = sync(a, as_user(team, "editor1"))
        assert final.held_back == 0 and final.open_conflicts == 0
        sync(b, as_user(team, "editor2"))
        same_as_server(team, a, b)
