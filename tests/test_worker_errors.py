"""Errors on worker threads reach the user as messages shown by the GUI thread, never as a crash: the
search worker's connection failing, a bug on the search or page-check thread, an uncaught exception on
a Python thread or in a QThread's slot; and a window on a database in a read-only folder opens, shows
its rows and says that it is read-only."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import build_window
from desktop.data.agreements import AgreementQuery
from desktop.data.database import open_database
from desktop.data.repository import Repository

ROOT = Path(__file__).resolve().parents[1]


def crash_box() -> QMessageBox | None:
    """The crash message on screen, if any (found without waiting on it: it does not block)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "crashMessage" and widget.isVisible():
            return widget
    return None


@pytest.fixture
def window(open_window):
    return open_window(size=None)


def test_a_search_worker_that_cannot_open_the_database_says_so(qtbot, repo, translator, tmp_path):
    """The worker's own connection fails (here: its file is gone); the table says the search failed and
    the status bar says which file could not be read. Nothing is raised on the worker's thread."""
    from desktop.qt.search.search_worker import SearchService
    from desktop.qt.shell.main_window import MainWindow
    from desktop.qt.shell.selection import SelectionState

    selection, search = SelectionState(), SearchService(tmp_path / "gone" / "atlas.sqlite")
    w = MainWindow(repo, selection, search, translator=translator)
    selection.setParent(w)
    search.setParent(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.is_complete() and "could not be read" in w.statusBar().currentMessage(),
                    timeout=10_000)
    assert w.statusBar().currentMessage().startswith(
        f"The database file {repo.db.path.name} could not be read: ")
    qtbot.waitUntil(lambda: w.agreements.count_label.text().startswith("The search failed: "))
    assert crash_box() is None  # a file that cannot be opened is the user's to act on, not a bug
    search.shutdown()


class BrokenTexts:
    """Row texts that fail: a bug in code the search worker runs."""

    lang = "en"

    def __call__(self, row):
        raise ValueError(f"no texts for agreement {row.id}")


def test_a_bug_on_the_search_thread_is_shown_by_the_gui_thread_and_logged(qtbot, window, user_folders):
    view = window.agreements
    window.search.search(AgreementQuery(lang="en"), BrokenTexts())
    qtbot.waitUntil(lambda: crash_box() is not None, timeout=10_000)  # (it does not wait to be closed)
    box = crash_box()
    assert box.thread() is QApplication.instance().thread()
    assert box.text().startswith("Something went wrong inside Partnership Atlas: ValueError: no texts for agreement ")
    log = user_folders["data"] / "logs" / "crash.log"
    assert f"Details were saved to {log}." in box.text()
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "search_worker.py" in logged and "ValueError: no texts for agreement" in logged
    box.close()
    # the worker goes on serving: the next search shows its rows
    view.set_search_text("energy")
    qtbot.waitUntil(view.is_settled, timeout=10_000)
    assert view.model.rowCount() > 0


def test_a_bug_on_the_page_check_thread_is_shown_by_the_gui_thread(qtbot, window, user_folders):
    window.integrity.path = Path("atlas\0.sqlite")  # a name no file system takes: the check raises ValueError
    window.start_integrity_check()
    qtbot.waitUntil(lambda: crash_box() is not None, timeout=10_000)
    box = crash_box()
    assert box.thread() is QApplication.instance().thread()
    assert "ValueError: embedded null byte" in box.text()
    assert "ValueError" in (user_folders["data"] / "logs" / "crash.log").read_text(encoding="utf-8")
    box.close()


# A child process (an exception hook is process-wide, and a message box made off the GUI thread crashes the
# process): uncaught exceptions in a QThread's slot and on a Python thread, with the application's hook.
CHILD = textwrap.dedent("""
    import sys, threading, time
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QObject, QThread, Slot
    from PySide6.QtWidgets import QApplication, QMessageBox
    from desktop.qt.shell.crash import install_excepthook

    app = QApplication([])
    log_dir = Path(sys.argv[1])
    install_excepthook(log_dir)

    def shown():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    def report(what):
        deadline = time.monotonic() + 30
        while not shown():
            if time.monotonic() > deadline:
                print("NO MESSAGE", what)
                sys.exit(3)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        box = shown()[0]
        print("MESSAGE", what, box.thread() is app.thread(), box.text().splitlines()[0])
        box.close()

    class Worker(QObject):
        @Slot()
        def run(self):
            raise RuntimeError("broken in a slot on a QThread")

    qthread, worker = QThread(), Worker()
    worker.moveToThread(qthread)
    qthread.started.connect(worker.run)
    qthread.start()
    report("qthread")
    qthread.quit()
    qthread.wait()

    def fail():
        raise ValueError("broken on a Python thread")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    report("python-thread")
    print("LOGGED", (log_dir / "crash.log").read_text(encoding="utf-8").count("Traceback"))
""")


def test_uncaught_exceptions_on_worker_threads_become_messages_not_crashes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "logs")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr[-3000:]
    lines = out.stdout.splitlines()
    assert lines == [
        "MESSAGE qthread True Something went wrong inside Partnership Atlas: "
        "RuntimeError: broken in a slot on a QThread",
        "MESSAGE python-thread True Something went wrong inside Partnership Atlas: "
        "ValueError: broken on a Python thread",
        "LOGGED 2",
    ], out.stdout + out.stderr[-3000:]


@pytest.fixture
def read_only_folder(built_db, tmp_path):
    """A user copy (switched to WAL, as the application leaves it) in a folder mounted read-only: root can
    write any file whatever its mode bits, but not on a read-only file system."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copyfile(built_db, source / "atlas.sqlite")
    open_database(source / "atlas.sqlite").close()  # opened for work once: WAL from now on
    folder = tmp_path / "read-only"
    folder.mkdir()
    bound = subprocess.run(["mount", "--bind", str(source), str(folder)], capture_output=True, text=True)
    if bound.returncode != 0:
        pytest.skip(f"a read-only bind mount needs root with mount rights: {bound.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True)
        yield folder / "atlas.sqlite"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_database_in_a_read_only_folder_opens_with_its_rows_and_the_banner(qtbot, read_only_folder, translator):
    path = read_only_folder
    assert not os.access(path.parent, os.W_OK)
    db = open_database(path)
    w = None
    try:
        assert db.readonly
        w = build_window(Repository(db), translator=translator)
        w.show()
        qtbot.waitUntil(lambda: w.agreements.is_settled() and w.is_complete(), timeout=10_000)
        view = w.agreements
        total = db.conn.execute("SELECT count(*) FROM agreement_keys WHERE hidden = 0").fetchone()[0]
        assert view.model.rowCount() > 0
        assert view.count_label.text().startswith(f"{total:,} of {total:,} agreements")
        assert w.banner.isVisible() and w.banner.text().startswith("Read-only: this database file or its folder "
                                                                   "cannot be written, so editing is off.")
        qtbot.waitUntil(lambda: " agreements" in w.status_label.text())
        assert "could not be read" not in w.statusBar().currentMessage()
        assert crash_box() is None
    finally:
        if w is not None:  # deleted before its database closes (and before the mount goes)
            w.search.shutdown()
            w.close()
            w.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db.close()
