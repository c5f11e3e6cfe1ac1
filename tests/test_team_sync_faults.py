"""A sync cut off at the worst moments: the server's backend terminated in the middle of a push and of a pull, the
laptop's process killed (SIGKILL) while it pushes and while it pulls, the answer of a push lost after the server
committed it. Each time the next sync converges, and nothing is applied twice."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from desktop.data.database import Database, open_database
from desktop.data.documents import delete_actions
from desktop.data.editing import Editor
from desktop.data.syncstate import LocalReplica
from desktop.sync.engine import change_set_id, sync
from desktop.sync.server import PushItem, ServerError, TeamServer
from tests.postgres import Cluster, laptop, same_as_server

ROOT = Path(__file__).resolve().parent.parent
EDITED = 2500  # more than one page of a pull (desktop.sync.server.PAGE)






def add_trade(db: Database, count: int, note: str) -> list[str]:
    """``count`` new trade figures in one change set; their uids."""
    editor = Editor(db)
    uids = []
    for n in range(count):
        stored, _ = editor.apply(editor.build_create("trade", {"partner_iso3": "TUR", "year": 1992 + n % 30,
                                                               "period": "FY", "turnover_usd_m": n + 0.5,
                                                               "statistics": "kazakh", "qualifier": "exact",
                                                               "note_en": f"{note} {n}"}))
        uids.append(stored.changes[0].uid)
    return uids


def add_trade_in_one_change_set(db: Database, count: int, note: str) -> None:
    from desktop.core.edits import ChangeSet

    editor = Editor(db)
    changes = []
    next_id = editor.new_id("trade")
    for n in range(count):
        one = editor.build_create("trade", {"partner_iso3": "TUR", "year": 1992 + n % 30, "period": "FY",
                                            "turnover_usd_m": n + 0.5, "statistics": "kazakh",
                                            "qualifier": "exact", "note_en": f"{note} {n}"})
        change = one.changes[0]
        row = dict(change.after.row, id=next_id + n)
        changes.append(type(change)(change.kind, None, type(change.after)(change.kind, row, change.after.links),
                                    None, "added"))
    editor.apply(ChangeSet(f"{count} trade figures", tuple(changes)))


def server_counts(team: tuple[Cluster, str], note: str) -> tuple[int, int, int]:
    """(records, feed entries, change sets) of the trade figures whose note starts with ``note``."""
    cluster, name = team
    with psycopg.connect(cluster.conninfo(name)) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM atlas.records WHERE doc->>'note_en' LIKE %s), "
            "(SELECT count(*) FROM atlas.changes WHERE doc->>'note_en' LIKE %s), "
            "(SELECT count(DISTINCT change_set) FROM atlas.changes WHERE doc->>'note_en' LIKE %s)",
            (note + "%",) * 3).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def waiting_backend(team: tuple[Cluster, str], timeout: float = 30) -> int:
    """The pid of the app's backend once it waits for a lock the test holds."""
    cluster, name = team
    deadline = time.monotonic() + timeout
    with psycopg.connect(cluster.conninfo(name), autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute("SELECT pid FROM pg_stat_activity WHERE application_name = 'Partnership Atlas' AND "
                               "wait_event_type = 'Lock'").fetchone()
            if row:
                return int(row[0])
            time.sleep(0.05)
    raise AssertionError("the sync never reached the locked table")




def test_backend_terminated_in_the_middle_of_a_push(team, built_db, tmp_path):
    cluster, name = team
    a = laptop(built_db, tmp_path, "a")
    with a:
        sync(a, cluster.conninfo(name, "editor1"))
        add_trade_in_one_change_set(a, 300, "push cut")
        failure: list[BaseException] = []
        with psycopg.connect(cluster.conninfo(name)) as blocker:
            blocker.execute("LOCK TABLE atlas.change_sets IN SHARE MODE")  # the push writes, then waits here

            def run() -> None:
                try:
                    sync(a, cluster.conninfo(name, "editor1"))
                except BaseException as exc:  # noqa: BLE001 - handed to the test thread
                    failure.append(exc)

            worker = threading.Thread(target=run)
            worker.start()
            pid = waiting_backend(team)
            with psycopg.connect(cluster.conninfo(name), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            worker.join(60)
        assert failure and isinstance(failure[0], ServerError) and failure[0].code == "interrupted"
        assert server_counts(team, "push cut") == (0, 0, 0)  # the server kept nothing of it
        report = sync(a, cluster.conninfo(name, "editor1"))
        assert report.sent_records == 300 and report.sent_sets == 1
        assert server_counts(team, "push cut") == (300, 300, 1)
        assert sync(a, cluster.conninfo(name, "editor1")).sent_records == 0
        same_as_server(team, a)


def test_backend_terminated_in_the_middle_of_a_pull(team, built_db, tmp_path):
    cluster, name = team
    a, b = laptop(built_db, tmp_path, "a"), laptop(built_db, tmp_path, "b")
    with a, b:
        sync(b, cluster.conninfo(name, "editor2"))
        add_trade_in_one_change_set(a, EDITED, "pull cut")
        sync(a, cluster.conninfo(name, "editor1"))
        before = b.conn.execute("SELECT count(*) FROM trade_figures").fetchone()[0]
        seq_before = LocalReplica(b).last_seq
        server = TeamServer(cluster.conninfo(name, "editor2"))

        def cut(stage: str, done: int, total: int) -> bool:
            if stage == "pull" and done >= 400:
                with psycopg.connect(cluster.conninfo(name), autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", (server.backend_pid,))
            return True

        with pytest.raises(ServerError) as cut_off:
            sync(b, "", progress=cut, server=server)
        server.close()
        assert cut_off.value.code == "interrupted"
        assert b.conn.execute("SELECT count(*) FROM trade_figures").fetchone()[0] == before  # nothing half-applied
        assert LocalReplica(b).last_seq == seq_before
        report = sync(b, cluster.conninfo(name, "editor2"))
        assert len(report.pulled) == EDITED
        pulled = b.conn.execute("SELECT count(*), count(DISTINCT record_uid) FROM change_log WHERE action = 'pull'"
                                ).fetchone()
        assert pulled == (EDITED, EDITED)  # each applied once
        same_as_server(team, a, b)


def cli_sync(db_path: Path, conninfo: str, home: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PARTNERSHIP_ATLAS_DATA_DIR=str(home / "data"),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(home / "config"), PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "desktop", "sync", "--db", str(db_path), "--server", conninfo],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)


def test_laptop_killed_while_it_pushes(team, built_db, tmp_path):
    cluster, name = team
    path = tmp_path / "a.sqlite"
    shutil.copyfile(built_db, path)
    with open_database(path) as a:
        sync(a, cluster.conninfo(name, "editor1"))
        add_trade_in_one_change_set(a, 200, "killed push")
    with psycopg.connect(cluster.conninfo(name)) as blocker:
        blocker.execute("LOCK TABLE atlas.change_sets IN SHARE MODE")
        child = cli_sync(path, cluster.conninfo(name, "editor1"), tmp_path)
        waiting_backend(team)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 30
    while server_counts(team, "killed push") != (0, 0, 0) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server_counts(team, "killed push") == (0, 0, 0)
    with open_database(path) as a:
        report = sync(a, cluster.conninfo(name, "editor1"))
        assert report.sent_records == 200
        assert server_counts(team, "killed push") == (200, 200, 1)
        same_as_server(team, a)


def test_laptop_killed_while_it_pulls(team, built_db, tmp_path):
    cluster, name = team
    a = laptop(built_db, tmp_path, "a")
    path = tmp_path / "b.sqlite"
    shutil.copyfile(built_db, path)
    with a:
        add_trade_in_one_change_set(a, 500, "killed pull")
        sync(a, cluster.conninfo(name, "editor1"))
        with psycopg.connect(cluster.conninfo(name)) as blocker:
            blocker.execute("LOCK TABLE atlas.records IN ACCESS EXCLUSIVE MODE")  # the pull waits for it
            child = cli_sync(path, cluster.conninfo(name, "editor2"), tmp_path)
            waiting_backend(team)
            child.send_signal(signal.SIGKILL)
            child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL
        with open_database(path) as b:
            assert b.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert b.conn.execute("SELECT count(*) FROM trade_figures WHERE note_en LIKE 'killed pull%'"
                                  ).fetchone()[0] == 0
            report = sync(b, cluster.conninfo(name, "editor2"))
            assert len(report.pulled) == 500 and report.conflicts == []
            assert b.conn.execute("SELECT count(*) FROM change_log WHERE action = 'pull'").fetchone()[0] == 500
            same_as_server(team, a, b)


def test_an_answer_lost_after_the_server_committed(team, built_db, tmp_path):
    """The push reached the server and was committed, but the laptop died before writing down the answer: the
    next sync recognises its own change set (no conflict with itself) and does not apply it twice."""
    cluster, name = team
    a = laptop(built_db, tmp_path, "a")
    with a:
        sync(a, cluster.conninfo(name, "editor1"))
        uids = add_trade(a, 3, "lost answer")
        edit = a.conn.execute("SELECT id, uid FROM agreements ORDER BY uid LIMIT 1").fetchone()
        editor = Editor(a)
        editor.apply(editor.build_update("agreement", edit[0], {"title_en": "Sent, answer lost"}))
        replica = LocalReplica(a)
        pending = replica.pending_sets()
        with TeamServer(cluster.conninfo(name, "editor1")) as server:
            for one in pending:  # what the engine sends, without writing down what came back
                items = [PushItem(k, u, (replica.known(k, u) or (0, None))[0], replica.current_doc(k, u))
                         for k, u in one.records]
                first = server.push(change_set_id(replica.replica_id, one), replica.replica_id, one.label, items,
                                    delete_actions(a.conn))
                again = server.push(change_set_id(replica.replica_id, one), replica.replica_id, one.label, items,
                                    delete_actions(a.conn))  # the same change set sent twice: written once
                assert not first.repeated and again.repeated and again.versions == first.versions
        assert server_counts(team, "lost answer") == (3, 3, 3)
        # the user edits the record again before the next sync: its server version is the laptop's own, not a
        # conflict with itself
        editor.apply(editor.build_update("agreement", edit[0], {"title_en": "Edited after the lost answer"}))
        report = sync(a, cluster.conninfo(name, "editor1"))
        assert report.conflicts == [] and report.open_conflicts == 0 and report.sent_records == 1
        assert server_counts(team, "lost answer") == (3, 3, 3)
        with psycopg.connect(cluster.conninfo(name)) as conn:
            assert conn.execute("SELECT version, doc->>'title_en' FROM atlas.records WHERE uid = %s",
                                (edit[1],)).fetchone() == (3, "Edited after the lost answer")
            assert conn.execute("SELECT count(*) FROM atlas.change_sets").fetchone() == (5,)
        assert len(uids) == 3 and sync(a, cluster.conninfo(name, "editor1")).sent_records == 0
        same_as_server(team, a)


def test_server_restarted_in_the_middle_of_a_push(team, built_db, tmp_path):
    """The server goes down (an immediate stop, as a crash or a restart does) while a push is half written, and comes
    back: the half-written change set is gone on the server, the laptop says so and sends it, once, at the next sync."""
    cluster, name = team
    a = laptop(built_db, tmp_path, "a")
    with a:
        sync(a, cluster.conninfo(name, "editor1"))
        add_trade_in_one_change_set(a, 250, "restart cut")
        blocker = psycopg.connect(cluster.conninfo(name))
        blocker.execute("LOCK TABLE atlas.change_sets IN SHARE MODE")
        failure: list[BaseException] = []

        def run() -> None:
            try:
                sync(a, cluster.conninfo(name, "editor1"))
            except BaseException as exc:  # noqa: BLE001 - handed to the test thread
                failure.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        waiting_backend(team)
        cluster.restart()
        worker.join(60)
        try:
            blocker.close()
        except psycopg.Error:
            pass  # its server went away under it
        assert failure and isinstance(failure[0], ServerError) and failure[0].code in ("interrupted", "unreachable")
        assert server_counts(team, "restart cut") == (0, 0, 0)
        report = sync(a, cluster.conninfo(name, "editor1"))
        assert report.sent_records == 250 and report.sent_sets == 1
        assert server_counts(team, "restart cut") == (250, 250, 1)
        same_as_server(team, a)
