"""Three laptops and one team server: each edits, creates and deletes offline, the same records too, and syncs in
varying order; at the end every copy equals the server, every conflict was reported once, and no edit was lost."""
from __future__ import annotations

import os
import random
import shutil

import psycopg
import pytest

from desktop.data.database import Database, open_database
from desktop.data.documents import doc_sha
from desktop.data.editing import EditError, Editor
from desktop.data.syncstate import LocalReplica, all_documents
from desktop.sync.engine import SyncReport, sync
from desktop.sync.server import TeamServer, init_server

USERS = ("editor1", "editor2", "editor3")


class Laptop:
    def __init__(self, n: int, db: Database, conninfo: str):
        self.n, self.db, self.conninfo = n, db, conninfo
        self.tokens: set[str] = set()  # every value this laptop typed
        self.reports: list[SyncReport] = []
        self.edited_since_sync: set[str] = set()

    def sync(self) -> SyncReport:
        report = sync(self.db, self.conninfo)
        self.reports.append(report)
        self.edited_since_sync.clear()
        return report

    def agreements(self) -> list[tuple[int, str]]:
        return [(int(i), str(u)) for i, u in self.db.conn.execute("SELECT id, uid FROM agreements ORDER BY uid")]

    def unsent(self, uid: str) -> bool:
        """Whether the record holds a change of this laptop's not on the server yet: a second edit would replace the
        first here before it was ever sent (the user's own choice, not a loss), so the scenario edits it later."""
        return uid in self.edited_since_sync or ("agreement", uid) in LocalReplica(self.db).pending_records()

    def edit(self, record_id: int, uid: str, token: str) -> bool:
        if self.unsent(uid):
            return False
        editor = Editor(self.db)
        try:
            editor.apply(editor.build_update("agreement", record_id, {"title_en": token}))
        except EditError:
            return False
        self.tokens.add(token)
        self.edited_since_sync.add(uid)
        return True

    def create(self, token: str) -> None:
        editor = Editor(self.db)
        editor.apply(editor.build_create("agreement", {"title_en": token, "doc_type": "agreement",
                                                       "status": "signed", "partners": ["AZE"]}))
        self.tokens.add(token)

    def delete(self, record_id: int, uid: str) -> bool:
        if self.unsent(uid):
            return False
        editor = Editor(self.db)
        try:
            editor.apply(editor.build_delete("agreement", record_id))
        except EditError:
            return False
        self.edited_since_sync.add(uid)
        return True

    def settle(self, rng: random.Random, policy: str | None = None) -> list[tuple[str, str, str | None]]:
        """Choose in every open conflict; returns (choice, uid, this laptop's title) for each."""
        replica = LocalReplica(self.db)
        done = []
        for conflict in replica.open_conflicts():
            choices = ["mine", "theirs"] + (["both"] if conflict.local_doc and conflict.server_doc else [])
            choice = policy or rng.choice(choices)
            replica.resolve(conflict.id, choice)
            done.append((choice, conflict.uid, (conflict.local_doc or {}).get("title_en")))
        return done


def state(conn_docs: list[tuple[str, str, dict]]) -> dict[tuple[str, str], str | None]:
    return {(k, u): doc_sha(d) for k, u, d in conn_docs}


SEEDS = [int(s) for s in os.environ.get("ATLAS_SYNC_SEEDS", "20261205 7").split()]


@pytest.mark.parametrize("seed", SEEDS)
def test_three_laptops_converge_and_lose_nothing(pg_cluster, built_db, tmp_path, seed):
    name = pg_cluster.new_database()
    init_server(pg_cluster.conninfo(name), built_db)
    pg_cluster.grant_roles()
    rng = random.Random(seed)
    laptops = []
    for n, user in enumerate(USERS):
        path = tmp_path / f"laptop{n}.sqlite"
        shutil.copyfile(built_db, path)
        laptops.append(Laptop(n, open_database(path), pg_cluster.conninfo(name, user)))
    discarded: set[str] = set()  # typed values the user chose to drop in a conflict ("theirs")
    try:
        for laptop in laptops:
            laptop.sync()
        shared = laptops[0].agreements()[:6]  # a few records everybody edits: conflicts
        for round_no in range(5):
            for laptop in laptops:
                for choice, _uid, mine in laptop.settle(rng):
                    if choice == "theirs" and mine:
                        discarded.add(mine)
                mine = laptop.agreements()
                for e in range(3):
                    record_id, uid = rng.choice(shared if e < 2 else mine)
                    laptop.edit(record_id, uid, f"L{laptop.n} R{round_no} E{e}")
                laptop.create(f"L{laptop.n} R{round_no} new")
                if round_no % 2 == 1:
                    own = [(i, u) for i, u in mine if u.startswith("user_agreement_")]
                    if own:
                        laptop.delete(*rng.choice(own))
                    elif rng.random() < 0.5:
                        laptop.delete(*rng.choice(shared))
            order = laptops[:]
            rng.shuffle(order)
            for laptop in order:
                laptop.sync()
        # settle what is left, then sync until nothing moves
        for _ in range(4):
            for laptop in laptops:
                for choice, _uid, mine in laptop.settle(rng, "mine"):
                    del choice, mine
                laptop.sync()
        final = [laptop.sync() for laptop in laptops]
        assert all(r.open_conflicts == 0 and r.held_back == 0 and not r.skipped for r in final)

        with TeamServer(pg_cluster.conninfo(name)) as server:
            held = {key: doc_sha(doc) for key, (_, doc) in server.records().items() if doc is not None}
        for laptop in laptops:
            assert state(list(all_documents(laptop.db.conn))) == held, f"laptop {laptop.n} differs from the server"

        with psycopg.connect(pg_cluster.conninfo(name)) as conn:
            feed = {doc["title_en"] for (doc,) in conn.execute(
                "SELECT doc FROM atlas.changes WHERE kind = 'agreement' AND doc IS NOT NULL")}
            reported = conn.execute("SELECT count(*), count(DISTINCT (replica, kind, uid, server_version)) "
                                    "FROM atlas.conflicts").fetchone()
        typed = set().union(*(laptop.tokens for laptop in laptops))
        lost = typed - feed - discarded
        assert not lost, f"edits lost: {sorted(lost)}"
        assert len(typed) >= 40

        # every conflict reported once: in the sync reports, in the laptops' lists, on the server
        found = sum(len(r.conflicts) for laptop in laptops for r in laptop.reports)
        kept = sum(laptop.db.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] for laptop in laptops)
        assert found == kept == reported[0] == reported[1] and found >= 3
    finally:
        for laptop in laptops:
            laptop.db.close()
