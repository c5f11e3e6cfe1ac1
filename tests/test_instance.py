"""One window per database: the lock file, a second process refused, a stale lock taken over."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.qt.shell.instance import InstanceLock, acquire, claim_database, lock_path, second_instance_text

ROOT = Path(__file__).resolve().parent.parent

HOLDER = """
import sys, time
from desktop.qt.shell.instance import acquire
lock = acquire(sys.argv[1])
print("acquired" if lock.acquired else f"refused {lock.holder}", flush=True)
sys.stdin.readline()  # hold the lock until the test closes stdin
lock.release()
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "atlas.sqlite"
    path.write_bytes(b"")
    return path


def _holder(db: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, env=os.environ.copy(),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    assert line == "acquired", line
    return child


def _finish(child: subprocess.Popen) -> None:
    child.stdin.close()
    child.wait(timeout=20)
    child.stdout.close()


def test_lock_file_lives_in_the_user_data_folder(db, user_folders):
    path = lock_path(db)
    assert path.parent == user_folders["data"] / "locks"
    assert path.name.startswith("atlas.sqlite-") and path.suffix == ".lock"
    assert lock_path(db.parent / "." / db.name) == path  # the same file, however it is spelled
    assert lock_path(db.with_name("other.sqlite")) != path


def test_same_process_second_acquisition_is_refused_until_released(db):
    first = acquire(db)
    assert first.acquired and first.holder is None
    second = acquire(db)
    assert not second.acquired
    assert second.blocked
    assert second.holder is not None and second.holder[0] == os.getpid()
    first.release()
    third = acquire(db)
    assert third.acquired
    third.release()


def test_a_live_process_holding_the_lock_blocks_until_it_releases(db):
    child = _holder(db)
    try:
        lock = acquire(db)
        assert not lock.acquired
        assert lock.blocked
        pid, hostname, appname = lock.holder
        assert pid == child.pid
        assert hostname and appname
        assert f"(process {child.pid})" in second_instance_text(lock.holder)
    finally:
        _finish(child)
    assert child.returncode == 0
    again = acquire(db)
    assert again.acquired
    again.release()


def test_a_lock_left_by_a_crashed_process_does_not_block(db):
    child = subprocess.Popen([sys.executable, "-c", HOLDER.replace("lock.release()", "import os; os._exit(9)"),
                              str(db)], cwd=ROOT, env=os.environ.copy(), stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "acquired"
    _finish(child)  # killed itself without releasing: the lock file stays
    assert child.returncode == 9
    assert lock_path(db).exists()
    lock = acquire(db)
    assert lock.acquired, lock.holder
    lock.release()


def test_a_hand_written_lock_of_a_dead_pid_does_not_block(db):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    pid = int(dead.stdout)
    import socket

    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    # QLockFile's format: pid, program name, host name, (boot id) — one a line
    path.write_text(f"{pid}\n{Path(sys.executable).name}\n{socket.gethostname()}\n")
    lock = acquire(db)
    assert lock.acquired, lock.holder
    lock.release()


def test_claim_asks_and_opens_read_only_or_cancels(db):
    first = claim_database(db, ask=lambda holder, parent: pytest.fail("asked although free"))
    assert first is not None and first.acquired and not first.readonly
    asked = []
    second = claim_database(db, ask=lambda holder, parent: asked.append(holder) or True)
    assert second is not None and second.readonly and not second.acquired
    assert asked and asked[0][0] == os.getpid()
    assert claim_database(db, ask=lambda holder, parent: False) is None
    first.release()
    third = claim_database(db, ask=lambda holder, parent: pytest.fail("asked although free"))
    assert third.acquired
    third.release()


def test_no_data_folder_means_no_lock_but_no_block(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("PARTNERSHIP_ATLAS_DATA_DIR", str(blocker))
    lock = acquire(tmp_path / "atlas.sqlite")
    assert isinstance(lock, InstanceLock)
    assert not lock.acquired and not lock.blocked and lock.error


def test_ask_second_instance_is_a_message_box(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.qt.shell import instance

    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        read_only = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        read_only.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert instance.ask_second_instance((1234, "host", "app")) is True
    assert "already open on this database (process 1234)" in seen["text"]
    assert "read-only" in seen["text"]

    def cancel(box):
        box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    assert instance.ask_second_instance((1234, "host", "app")) is False
