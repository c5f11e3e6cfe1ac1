"""``partnership-atlas --self-test``: check that this installation works, offscreen, in a few seconds.

On a copy of the bundled database (or of ``db_path``) in a temporary folder — the user's own data and the
program folder are never written — it checks every page of the copy (``quick_check``) and each full-text
index (FTS5 ``integrity-check``), builds the main window as the app does, waits for its first page of
rows, shows each view and checks it has content, and prints a fact sheet to a PDF. One line on stdout when
everything works (exit 0); ``self-test FAILED: <step>: <reason>`` on stderr otherwise (exit 1).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

WAIT_SECONDS = 60.0
MIN_PDF_BYTES = 10_000


class StepFailed(Exception):
    def __init__(self, step: str, reason: str):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


def _reason(exc: BaseException) -> str:
    from desktop.core.errors import AtlasError

    text = str(exc).strip()
    if text and isinstance(exc, (AtlasError, OSError, ValueError)):
        return text  # already a message for a person
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy (with anything still in a write-ahead log), read through a read-only connection."""
    if not source.is_file():
        raise FileNotFoundError(f"no database file at {source}")
    from desktop.data.database import backup_to, connect, looks_like_sqlite

    if not looks_like_sqlite(source):
        raise ValueError(f"{source} is not a Partnership Atlas database (not an SQLite file)")
    conn = connect(source, readonly=True)
    try:
        backup_to(conn, target)
    finally:
        conn.close()


def self_test(db_path: str | os.PathLike[str] | None = None, *, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    """Run the self-test; 0 when everything works, else 1 (with the failed step on ``err``)."""
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="atlas-selftest-", ignore_cleanup_errors=True) as folder:
        state: dict = {}
        try:
            report = _run(Path(folder), db_path, state)
        except StepFailed as exc:
            print(f"self-test FAILED: {exc.step}: {exc.reason}", file=err)
            return 1
        finally:
            _close(state)
    report.append(f"{time.monotonic() - started:.1f} s")
    print("self-test: " + " · ".join(report), file=out)
    return 0


def _step[T](name: str, work: Callable[[], T]) -> T:
    try:
        return work()
    except StepFailed:
        raise
    except BaseException as exc:  # noqa: BLE001 - every failure becomes one line naming its step
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise StepFailed(name, _reason(exc)) from exc


def _check(name: str, ok: bool, reason: str) -> None:
    if not ok:
        raise StepFailed(name, reason)


def _run(folder: Path, db_path: str | os.PathLike[str] | None, state: dict) -> list[str]:
    report: list[str] = []

    def application():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        return QApplication.instance() or QApplication(sys.argv[:1])

    app = _step("application", application)

    def copy():
        from desktop.paths import bundled_database

        source = Path(db_path) if db_path is not None else bundled_database()
        target = folder / "atlas.sqlite"
        _copy_database(source, target)
        return target

    database = _step("database", copy)

    def check():
        from desktop.data.database import connect, integrity_problem

        conn = connect(database, wal=False)  # the copy: the FTS5 check is written as an INSERT
        try:
            problem = integrity_problem(conn)
        finally:
            conn.close()
        _check("database check", problem is None, f"{problem}")

    _step("database check", check)

    def start():
        from desktop.app import start as start_app

        window, opened = start_app(app, str(database), "en", remember=False)
        state["window"], state["opened"] = window, opened
        return window

    window = _step("database", start)
    repo = window.repo
    agreements = _step("database", lambda: repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0])
    _check("database", agreements > 0, "the database holds no agreements")
    report.append(f"database ok ({agreements} agreements)")

    def driver() -> str:
        # the team server's driver and its libpq are in the installation (nothing connects: no network here)
        from desktop.sync.server import driver_version

        return driver_version()

    report.append(f"team-server driver ok ({_step('team-server driver', driver)})")

    def wait(condition: Callable[[], bool], step: str, what: str) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise StepFailed(step, f"{what} did not happen within {WAIT_SECONDS:.0f} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)

    def agreements_view():
        window.show_view("agreements")
        window.show()
        view = window.agreements
        wait(lambda: view.is_settled() and window.is_complete(), "agreements view", "the first page of rows")
        rows = view.model.rowCount()
        _check("agreements view", rows > 0, "no rows are shown")

    _step("agreements view", agreements_view)
    report.append("agreements view ok")

    def map_view():
        window.show_view("map")
        app.processEvents()
        view = window.map
        _check("map", window.stack.currentWidget() is view, "the map view is not shown")
        nodes = len(view.node_items)
        _check("map", nodes > 0, "no node is drawn")
        _check("map", bool(view.scene.items()), "the map is empty")
        return nodes

    nodes = _step("map", map_view)
    report.append(f"map ok ({nodes} nodes)")

    def trade_view():
        with_trade = sorted(repo.partners_with_trade())
        _check("trade", bool(with_trade), "no partner has trade figures")
        iso3 = with_trade[0]
        window.selection.select_partner(iso3)
        window.show_view("trade")
        app.processEvents()
        view = window.trade
        _check("trade", window.stack.currentWidget() is view, "the trade view is not shown")
        _check("trade", view.plot_data is not None, f"nothing is plotted for {iso3}")
        plotted = sum(len(item.getData()[0] if item.getData()[0] is not None else ()) for item in view.lines.values())
        _check("trade", plotted > 0, f"the trade plot of {iso3} has no data")
        return iso3

    iso3 = _step("trade", trade_view)
    report.append("trade ok")

    def factsheet():
        from desktop.export.factsheet import build_factsheet
        from desktop.qt.factsheet.factsheet import make_map_view, render_factsheet

        pdf = folder / "factsheet.pdf"
        sheet = build_factsheet(repo, iso3, "en")
        map_view = make_map_view(repo)
        state["map_view"] = map_view
        pages = render_factsheet(sheet, pdf, map_view=map_view)
        _check("fact sheet", pdf.is_file(), "no PDF was written")
        with pdf.open("rb") as fh:
            head = fh.read(5)
        _check("fact sheet", head == b"%PDF-", "the file written is not a PDF")
        size = pdf.stat().st_size
        _check("fact sheet", size > MIN_PDF_BYTES, f"the PDF is only {size} bytes")
        _check("fact sheet", pages >= 1, "the PDF has no pages")
        return pages

    pages = _step("fact sheet", factsheet)
    report.append(f"fact sheet ok ({pages} page{'s' if pages != 1 else ''})")
    return report


def _close(state: dict) -> None:
    """Close the window, its search worker and the database, whatever happened (errors here are not the
    self-test's result)."""
    window, opened, map_view = state.get("window"), state.get("opened"), state.get("map_view")
    for action in (lambda: window.search.shutdown() if window is not None else None,
                   lambda: window.close() if window is not None else None,
                   lambda: map_view.deleteLater() if map_view is not None else None,
                   lambda: window.deleteLater() if window is not None else None,
                   lambda: opened.database.close() if opened is not None else None):
        try:
            action()
        except Exception:  # noqa: BLE001
            pass


__all__ = ["self_test", "StepFailed"]
