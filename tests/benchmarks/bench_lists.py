"""Lazy lists benchmark at 100,000 agreements (not collected by pytest; issue 21, item 11).

    python -m tests.benchmarks.bench_lists [--rows 100000] [--runs 15] [--seed 1] [--cache-dir /tmp/atlas-bench]

Uses bench_search's cached synthetic database (tests.synthetic at its defaults: at 100,000 agreements 100,000
events, 200,000 facts, 20,000 places), made once if missing, read into the page cache first, opened read-only,
offscreen, with temporary user folders. Each figure is a median and p95 over ``--runs`` warm runs:

1. the record browser opened on events (Edit > Records…): from building the dialog to its first rows painted;
2. a filter keystroke in that browser: the list filtered again in SQL and its rows painted, for each letter of
   a place name typed ("Atyrau", a few thousand events) and of the most common word ("visit", every event);
3. the events list of all partners (the sidebar): from building it to its first rows painted;
4. the form's event chooser: a new agreement's form opened (every long list in it a lazy one).

Budget: each p95 <= 100 ms. The yardstick, measured in the same run: the query the record browser ran before
issue 21 (every event's label, sorted; the table was then filled with a widget item per row).

Budgets are reported, never asserted: the exit code is 0 unless something raises.
"""
from __future__ import annotations

import argparse
import os
import platform
import shlex
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.bench_search import database_file, p95, say, warm

BUDGET_MS = 100.0
PLACE, COMMON = "Atyrau", "visit"


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1e3


def measure(path: Path, runs: int) -> dict[str, list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.data.database import open_database
    from desktop.data.repository import Repository
    from desktop.qt.agreements.events_view import EventsView
    from desktop.qt.editing.editing import EditController
    from desktop.qt.editing.record_browser import RecordBrowser
    from desktop.qt.editing.record_form import RecordForm
    from desktop.qt.shell.selection import SelectionState

    app = QApplication.instance() or QApplication(sys.argv[:1])
    repo = Repository(open_database(path, readonly=True))
    controller = EditController(repo)
    out: dict[str, list[float]] = {"browser": [], "keystroke place": [], "keystroke common": [], "events": [],
                                   "form": [], "yardstick": []}

    def open_browser() -> RecordBrowser:
        browser = RecordBrowser(controller, "event")
        browser.show()
        browser.table.viewport().repaint()
        return browser

    def open_events() -> EventsView:
        view = EventsView(repo, SelectionState())
        view.resize(420, 700)
        view.show()
        view.list.viewport().repaint()
        return view

    def open_form() -> RecordForm:
        form = RecordForm("agreement", controller, None, None)
        form.show()
        form.repaint()
        return form

    def keystrokes(browser: RecordBrowser, word: str) -> list[float]:
        browser.filter.clear()
        app.processEvents()
        times = []
        for letter in word:
            t = time.perf_counter()
            QTest.keyClick(browser.filter, letter)
            browser.table.viewport().repaint()
            times.append((time.perf_counter() - t) * 1e3)
        return times

    def old_query() -> None:
        repo.db.conn.execute("SELECT e.id, coalesce(e.date_start, '?') || '  ' || coalesce(e.title_en, e.title_ru) "
                             "FROM events e ORDER BY coalesce(e.date_start, '') DESC, e.id DESC").fetchall()

    for run in range(runs + 1):  # the first run warms up (imports, caches) and is not counted
        times: dict[str, list[float]] = {}
        t = time.perf_counter()
        browser = open_browser()
        times["browser"] = [(time.perf_counter() - t) * 1e3]
        times["keystroke place"] = keystrokes(browser, PLACE)
        times["keystroke common"] = keystrokes(browser, COMMON)
        browser.close()
        browser.deleteLater()
        t = time.perf_counter()
        view = open_events()
        times["events"] = [(time.perf_counter() - t) * 1e3]
        view.close()
        view.deleteLater()
        t = time.perf_counter()
        form = open_form()
        times["form"] = [(time.perf_counter() - t) * 1e3]
        form.close()
        form.deleteLater()
        times["yardstick"] = [timed(old_query)]
        app.processEvents()
        if run:
            for key, values in times.items():
                out[key] += values
    app.sendPostedEvents(None, 0)
    repo.db.close()
    del Qt
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_lists", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    args = ap.parse_args(argv)
    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    user = Path(tempfile.mkdtemp(prefix="atlas-bench-lists-"))
    os.environ.update({"QT_QPA_PLATFORM": "offscreen",
                       "XDG_DATA_HOME": str(user / "data"), "PARTNERSHIP_ATLAS_DATA_DIR": str(user / "data"),
                       "XDG_CONFIG_HOME": str(user / "config"), "PARTNERSHIP_ATLAS_CONFIG_DIR": str(user / "config")})
    path, gen_s = database_file(args.rows, args.seed, args.cache_dir)
    warm_s = warm(path)
    say(f"Partnership Atlas lists benchmark: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}")
    say(f"{args.rows:,} agreements: {path.name}, " + (f"generated in {gen_s:.1f} s" if gen_s is not None else
                                                      "reused from the cache")
        + f"; read into the page cache in {warm_s:.1f} s; load average {os.getloadavg()[0]:.2f}")
    started = time.perf_counter()
    results = measure(path, max(3, args.runs))
    labels = {"browser": "record browser on events: built to first rows painted",
              "keystroke place": f"filter keystroke, typing {PLACE!r}: filtered in SQL and painted",
              "keystroke common": f"filter keystroke, typing {COMMON!r} (in every event): filtered and painted",
              "events": "events list of all partners: built to first rows painted",
              "form": "a new agreement's form, its long lists lazy: built and painted"}
    yard = results["yardstick"]
    say(f"ms over {max(3, args.runs)} warm runs (a keystroke: every letter of every run)")
    say(f"  {'case':<76} {'n':>4} {'median':>8} {'p95':>8} | budget p95 <= {BUDGET_MS:g} ms")
    lines = []
    for key, label in labels.items():
        samples = results[key]
        ok = p95(samples) <= BUDGET_MS
        lines.append(ok)
        say(f"  {label:<76} {len(samples):>4} {statistics.median(samples):>8.1f} {p95(samples):>8.1f} | "
            f"{'PASS' if ok else 'FAIL'}")
    say(f"  {'yardstick: the query of the browser before issue 21 (every event, sorted)':<76} {len(yard):>4} "
        f"{statistics.median(yard):>8.1f} {p95(yard):>8.1f} | (the table was then filled with an item per row)")
    say(f"{'PASS' if all(lines) else 'FAIL'}: {sum(lines)} of {len(lines)} within budget; "
        f"total {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
