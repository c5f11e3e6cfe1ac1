"""A large multi-row edit killed with SIGKILL at several points: the database afterwards holds all of
the edit or none of it, passes PRAGMA integrity_check, and search agrees with the table."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.data.database import open_database
from tests.synthetic import generate

ROOT = Path(__file__).resolve().parents[1]
WORD = "crashword"

CHILD = textwrap.dedent("""
    import sys, time
    from desktop.data.database import open_database
    from desktop.data.editing import Editor
    db = open_database(sys.argv[1])
    editor = Editor(db)
    ids = [r[0] for r in db.conn.execute("SELECT id FROM agreements ORDER BY id")]
    change_set = editor.build_update_many("agreement", {i: {"title_en": f"Crashword agreement number {i}"}
                                                         for i in ids})
    print("applying", len(ids), flush=True)
    started = time.perf_counter()
    editor.apply(change_set)
    print("done", time.perf_counter() - started, flush=True)
""")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("crash") / "syn.sqlite", 1500, seed=11, n_partners=20)


def run_child(db: Path, kill_after: float | None) -> tuple[str, int]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    assert first.startswith("applying"), proc.stderr.read()
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    return first + out, proc.returncode


def state(db: Path) -> tuple[int, int, int, int]:
    """(agreements, those with the new title, full-text matches of its word, change-log rows)."""
    database = open_database(db, check=True)  # quick_check at open, recovery from the journal first
    conn = database.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO agreements_fts(agreements_fts, rank) VALUES ('integrity-check', 1)")
    total = conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    titled = conn.execute("SELECT count(*) FROM agreements WHERE title_en LIKE 'Crashword agreement number %'"
                          ).fetchone()[0]
    matches = conn.execute("SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH ?", (WORD,)).fetchone()[0]
    logged = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    database.close()
    return total, titled, matches, logged


def test_killed_mid_edit_the_database_holds_all_or_none(synthetic, tmp_path):
    calibrate = tmp_path / "whole.sqlite"
    shutil.copyfile(synthetic, calibrate)
    out, code = run_child(calibrate, None)
    assert code == 0, out
    duration = float(out.split("done")[1].split()[0])
    total, titled, matches, logged = state(calibrate)
    assert titled == total == matches == logged  # the whole edit, the index and the log agree

    outcomes = []
    for fraction in (0.05, 0.3, 0.6, 0.9, 1.3):
        copy = tmp_path / f"killed-{fraction}.sqlite"
        shutil.copyfile(synthetic, copy)
        for suffix in ("-wal", "-shm"):
            Path(str(synthetic) + suffix).exists() and shutil.copyfile(str(synthetic) + suffix, str(copy) + suffix)
        _, code = run_child(copy, duration * fraction)
        total, titled, matches, logged = state(copy)
        assert titled in (0, total), f"killed at {fraction:.0%}: {titled} of {total} rows changed"
        assert matches == titled and logged == titled
        outcomes.append((code == -signal.SIGKILL, titled == total))
    assert any(killed and not whole for killed, whole in outcomes), "no kill landed inside the edit"
    assert os.name == "posix"
