"""A server record that cannot be written on a laptop now (it refers to a place the laptop has just deleted) is tried
again at the next sync instead of being passed over for good: the laptop's position in the server's feed stays before
it."""
from __future__ import annotations

from desktop.data.database import Database
from desktop.data.editing import Editor
from desktop.data.syncstate import LocalReplica
from desktop.sync.engine import sync
from tests.postgres import laptop


def node_id(db: Database, uid: str) -> int:
    return int(db.conn.execute("SELECT id FROM nodes WHERE uid = ?", (uid,)).fetchone()[0])


def test_a_record_that_could_not_be_written_is_tried_again(team, built_db, tmp_path):
    cluster, name = team
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(a, cluster.conninfo(name, "editor1"))
        sync(b, cluster.conninfo(name, "reader1"))  # B's account reads only: its own changes stay on B
        editor_b = Editor(b)
        deleted, _ = editor_b.apply(editor_b.build_delete("node", node_id(b, "almaty")))
        corridor = a.conn.execute("SELECT id FROM corridors WHERE uid = 'titr_middle_corridor'").fetchone()[0]
        editor_a = Editor(a)
        stored, _ = editor_a.apply(editor_a.build_create("segment", {
            "corridor_id": corridor, "from_node_id": node_id(a, "almaty"), "to_node_id": node_id(a, "ankara"),
            "mode": "rail", "status": "operating", "sources": []}))
        segment = stored.changes[0].uid
        sync(a, cluster.conninfo(name, "editor1"))

        first = sync(b, cluster.conninfo(name, "reader1"))
        assert [s[:2] for s in first.skipped] == [("segment", segment)]  # its first node is gone here
        assert b.conn.execute("SELECT count(*) FROM segments WHERE uid = ?", (segment,)).fetchone()[0] == 0
        assert LocalReplica(b).known("segment", segment) is None

        editor_b.apply(deleted.inverse(), "undo")  # the node is back
        second = sync(b, cluster.conninfo(name, "reader1"))
        assert ("segment", segment) in second.pulled and not second.skipped
        assert b.conn.execute("SELECT count(*) FROM segments WHERE uid = ?", (segment,)).fetchone()[0] == 1
        assert LocalReplica(b).known("segment", segment) is not None
