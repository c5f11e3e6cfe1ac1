"""No network, ever: the window, a search, the map and trade views, exports and a fact sheet open no socket
(none seen by Python's audit hooks, none among the process's file descriptors — which catches sockets
opened by C++ code too) and import no HTTP or TLS module."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DB = ROOT / "db" / "atlas.sqlite"
NETWORK_MODULES = ("urllib.request", "http.client", "ssl")

CHILD = r'''
import json, os, sys, time

events = []


def hook(event, args):
    if event.startswith(("socket.", "http.", "urllib.", "ftplib.", "smtplib.", "webbrowser.")):
        events.append([event, repr(args)[:300]])


sys.addaudithook(hook)  # first of all: every import and call after this is seen
db_path, out_dir = sys.argv[1], sys.argv[2]

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from desktop.app import start

window, opened = start(app, db_path, "en", remember=False)
window.show()


def wait(condition, what, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


view = window.agreements
wait(lambda: view.is_settled() and window.is_complete(), "the first search")
first_rows = view.model.rowCount()
view.set_search_text("energy")
wait(view.is_settled, "the search for energy")
energy_rows = view.model.rowCount()
window.show_view("map")
app.processEvents()
window.show_view("trade")
app.processEvents()

from desktop.data.database import open_database
from desktop.export.writers import export_kind

ro = open_database(db_path, readonly=True, check=False)
try:
    csv_rows = export_kind(ro, "agreement", "csv", os.path.join(out_dir, "agreements.csv"))
    xlsx_rows = export_kind(ro, "agreement", "xlsx", os.path.join(out_dir, "agreements.xlsx"))
finally:
    ro.close()

from desktop.export.factsheet import build_factsheet
from desktop.qt.factsheet.factsheet import make_map_view, render_factsheet

iso3 = sorted(window.repo.partners_with_trade())[0]
sheet = build_factsheet(window.repo, iso3, "en")
pages = render_factsheet(sheet, os.path.join(out_dir, "factsheet.pdf"), map_view=make_map_view(window.repo))
for _ in range(5):
    app.processEvents()

socket_fds = []
for fd in os.listdir("/proc/self/fd"):
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        continue
    if target.startswith("socket:"):
        socket_fds.append([fd, target])

print(json.dumps({"events": events, "socket_fds": socket_fds,
                  "modules": sorted(m for m in sys.modules if m in NETWORK_MODULES),
                  "first_rows": first_rows, "energy_rows": energy_rows, "csv_rows": csv_rows,
                  "xlsx_rows": xlsx_rows, "pages": pages, "views": sorted(window.views)}), flush=True)
window.search.shutdown()
os._exit(0)
'''


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists file descriptors through /proc")
def test_the_application_opens_no_socket(tmp_path, user_folders):
    db = tmp_path / "atlas.sqlite"
    shutil.copyfile(BUNDLED_DB, db)
    out = tmp_path / "out"
    out.mkdir()
    env = os.environ.copy()
    env["QT_QPA_PLATFORM"] = "offscreen"
    script = f"NETWORK_MODULES = {NETWORK_MODULES!r}\n" + CHILD
    result = subprocess.run([sys.executable, "-c", script, str(db), str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # it did the work
    assert report["first_rows"] > 0 and report["energy_rows"] > 0
    assert report["views"] == ["agreements", "map", "trade"]
    assert report["csv_rows"] > 0 and report["xlsx_rows"] == report["csv_rows"]
    assert report["pages"] >= 1 and (out / "factsheet.pdf").stat().st_size > 10_000
    # and touched no network
    assert report["events"] == []
    assert report["socket_fds"] == []
    assert report["modules"] == [], f"imported {report['modules']}"
