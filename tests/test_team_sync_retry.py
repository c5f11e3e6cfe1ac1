"""A server record that cannot be written on a laptop now is tried again at the next sync instead of being passed over
for good: the laptop's position in the server's feed stays before it."""
from __future__ import annotations

from desktop.data.database import Database
from desktop.data.editing import Editor
from desktop.data.syncstate import LocalReplica
from desktop.sync.engine import sync
from tests.postgres import laptop

MONGOLIA = {"iso3": "MNG", "name_en": "Mongolia", "name_ru": "Монголия", "name_kk": "Моңғолия", "is_focus": False,
            "sort_order": 90}


def node_id(db: Database, uid: str) -> int:
    return int(db.conn.execute("SELECT id FROM nodes WHERE uid = ?", (uid,)).fetchone()[0])


def test_a_record_that_could_not_be_written_is_tried_again(team, built_db, tmp_path):
    cluster, name = team
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, cluster.conninfo(name, "editor1"))
        sync(b, cluster.conninfo(name, "reader1"))  # B's account reads only: its own changes stay on B
        editor_b = Editor(b)
        own, _ = editor_b.apply(editor_b.build_create("partner", dict(MONGOLIA, name_en="Mongolia (B's own)")))
        editor_a = Editor(a)
        stored, _ = editor_a.apply(editor_a.build_create("partner", MONGOLIA))
        partner = stored.changes[0].uid
        sync(a, cluster.conninfo(name, "editor1"))

        first = sync(b, cluster.conninfo(name, "reader1"))
        assert [s[:2] for s in first.skipped] == [("partner", partner)]  # B has a partner with that code already
        assert b.conn.execute("SELECT count(*) FROM partners WHERE uid = ?", (partner,)).fetchone()[0] == 0
        assert LocalReplica(b).known("partner", partner) is None

        editor_b.apply(own.inverse(), "undo")  # B's own is gone
        second = sync(b, cluster.conninfo(name, "reader1"))
        assert ("partner", partner) in second.pulled and not second.skipped
        assert b.conn.execute("SELECT name_en FROM partners WHERE uid = ?", (partner,)).fetchone()[0] == "Mongolia"
        assert LocalReplica(b).known("partner", partner) is not None


def test_a_place_deleted_here_that_a_teammates_new_segment_needs_comes_back(team, built_db, tmp_path):
    cluster, name = team
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, cluster.conninfo(name, "editor1"))
        sync(b, cluster.conninfo(name, "reader1"))
        editor_b = Editor(b)
        editor_b.apply(editor_b.build_delete("node", node_id(b, "almaty")))
        corridor = a.conn.execute("SELECT id FROM corridors WHERE uid = 'titr_middle_corridor'").fetchone()[0]
        editor_a = Editor(a)
        stored, _ = editor_a.apply(editor_a.build_create("segment", {
            "corridor_id": corridor, "from_node_id": node_id(a, "almaty"), "to_node_id": node_id(a, "ankara"),
            "mode": "rail", "status": "operating", "sources": []}))
        segment = stored.changes[0].uid
        sync(a, cluster.conninfo(name, "editor1"))

        got = sync(b, cluster.conninfo(name, "reader1"))
        assert got.restored == [("node", "almaty")] and not got.skipped and ("segment", segment) in got.pulled
        assert got.held_back == 0  # the deletion, undone, has nothing left to send
        assert b.conn.execute("SELECT n.uid FROM segments s JOIN nodes n ON n.id = s.from_node_id WHERE s.uid = ?",
                              (segment,)).fetchone() == ("almaty",)
        log = b.conn.execute("SELECT action FROM change_log WHERE record_uid = 'almaty' ORDER BY id").fetchall()
        assert log == [("delete",), ("pull",)]  # the deletion, then the node as the server has it
