"""Corridor map benchmark (not collected by pytest).

    python -m tests.benchmarks.bench_map [--runs 9] [--steps 100]

With a copy of the bundled database, offscreen, temporary user folders:
1. first paint of the map after it is first shown: whole processes that start the window on the
   agreements view, then switch to the map (which loads the basemap, builds its scene and paints);
   the time from the switch to the end of the map's first paint (budget: median < 300 ms);
2. a scripted sequence of pan and zoom steps (wheel zoom at changing points, drags by a few tens of
   pixels), each rendered at once together with its label placement (budget: median < 16 ms);
   the same steps on the bare scene (the basemap alone, without places, lines or labels) are timed in the
   same run, as this machine's reference.
"""
from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PAINT_BUDGET_MS, STEP_BUDGET_MS = 300.0, 16.0


def say(line: str = "") -> None:
    print(line, flush=True)


def child(db: str) -> None:
    """One process: the window on the agreements view; then the map; prints 'first_paint MS'."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from desktop.app import start

    window, _ = start(app, db, "en", remember=False)
    window.resize(1400, 900)
    window.show()
    started: list[float] = []

    class Painted(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and started:
                QTimer.singleShot(0, done)
                obj.removeEventFilter(self)
            return False

    def done():
        print("first_paint", (time.perf_counter() - started[0]) * 1e3, flush=True)
        window.search.shutdown()
        os._exit(0)

    def switch():
        if not (window.agreements.is_settled() and window.is_complete()):
            QTimer.singleShot(20, switch)
            return
        started.append(time.perf_counter())
        view = window.view("map")
        view.canvas.viewport().installEventFilter(painted)
        window.show_view("map")

    painted = Painted()
    QTimer.singleShot(50, switch)
    app.exec()


def _run_steps(canvas, count: int, after_step) -> list[float]:
    """Times (ms) of ``count`` scripted pan and zoom steps on a MapCanvas, each rendered at once."""
    from PySide6.QtCore import QPointF

    width, height = canvas.viewport().width(), canvas.viewport().height()
    times = []
    for i in range(count):
        t = time.perf_counter()
        kind = i % 4
        if kind == 0:  # wheel zoom in at a point that moves around the map
            canvas.zoom(1.25, QPointF(width * (0.3 + 0.4 * ((i * 7) % 10) / 10), height * (0.3 + 0.04 * (i % 10))))
        elif kind == 1:
            canvas.pan(45, 28)
        elif kind == 2:
            canvas.zoom(1 / 1.25, QPointF(width / 2, height / 2))
        else:
            canvas.pan(-40, -20)
        after_step()
        canvas.viewport().repaint()
        times.append((time.perf_counter() - t) * 1e3)
    return times


def _map_window(db: str):
    """The window on the map view, shown at 1400x900 (its scene built and painted)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.app import start

    window, _ = start(app, db, "en", remember=False)
    window.resize(1400, 900)
    window.show()
    window.show_view("map")
    for _ in range(5):
        app.processEvents()
    return app, window


def bare_steps(db: str, count: int) -> list[float]:
    """The same steps on the bare scene: the basemap alone (countries, lakes, the grey beyond its extent) in a
    canvas of the map's size, without places, lines or labels: what this machine needs for the basemap itself."""
    from PySide6.QtWidgets import QGraphicsScene

    from desktop.qt.map.map_view import MapCanvas

    app, window = _map_window(db)
    view = window.map
    scene = QGraphicsScene()
    scene.setSceneRect(view.scene.sceneRect())
    keep = [*view.country_items.values(), *view.lake_items, view.no_data_item]
    for item in keep:  # moved from the map's scene into the bare one
        view.scene.removeItem(item)
        scene.addItem(item)
    canvas = MapCanvas(scene)
    canvas.resize(view.canvas.size())
    canvas.show()
    app.processEvents()
    canvas.fit(view.drawn_rect())
    times = _run_steps(canvas, count, lambda: None)
    window.search.shutdown()
    return times


def steps(db: str, count: int) -> list[float]:
    """Times (ms) of ``count`` pan and zoom steps, each rendered synchronously with its labels placed."""
    _app, window = _map_window(db)
    view = window.map
    view.fit_all()
    times = _run_steps(view.canvas, count, view.place_labels)  # what the zero-delay timer after a zoom does
    window.search.shutdown()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_map", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-map-"))
    db = work / "atlas.sqlite"
    shutil.copyfile(ROOT / "db" / "atlas.sqlite", db)
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                       "XDG_DATA_HOME": str(work / "data"), "PARTNERSHIP_ATLAS_DATA_DIR": str(work / "data"),
                       "XDG_CONFIG_HOME": str(work / "config"), "PARTNERSHIP_ATLAS_CONFIG_DIR": str(work / "config")})
    for folder in ("desktop", "tests"):  # an installed app runs from bytecode
        compileall.compile_dir(ROOT / folder, quiet=1)
    say(f"Database: a copy of db/atlas.sqlite; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")

    say(f"1. first paint of the map after it is first shown: {args.runs} processes (after one untimed) ...")
    firsts = []
    for i in range(args.runs + 1):
        out = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_map", "--child", str(db)], cwd=ROOT,
                             env=dict(os.environ), capture_output=True, text=True, timeout=120)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("first_paint ")), None)
        if line is None:
            raise RuntimeError(f"child failed:\n{out.stdout}\n{out.stderr}")
        if i:
            firsts.append(float(line.split()[1]))
    say(f"2. {args.steps} pan and zoom steps at 1400x900, in this process: the bare scene, then the map ...")
    bare = bare_steps(str(db), args.steps)
    times = steps(str(db), args.steps)

    first_med, step_med = statistics.median(firsts), statistics.median(times)
    p95 = sorted(times)[max(0, int(0.95 * len(times)) - 1)]
    rows = [("1", "map: switch -> end of its first paint (median / max)",
             f"{first_med:.0f} / {max(firsts):.0f} ms", f"< {FIRST_PAINT_BUDGET_MS:g} ms",
             "PASS" if first_med < FIRST_PAINT_BUDGET_MS else "FAIL"),
            ("2", f"pan or zoom step, rendered (median / p95 / max of {len(times)})",
             f"{step_med:.1f} / {p95:.1f} / {max(times):.1f} ms", f"median < {STEP_BUDGET_MS:g} ms",
             "PASS" if step_med < STEP_BUDGET_MS else "FAIL"),
            ("2b", "the same steps on the bare scene (basemap alone; median / p95 / max)",
             f"{statistics.median(bare):.1f} / {sorted(bare)[max(0, int(0.95 * len(bare)) - 1)]:.1f} / "
             f"{max(bare):.1f} ms", "(reference)", "")]
    say()
    widths = [max(len(r[i]) for r in rows + [("#", "figure", "value", "budget", "result")]) for i in range(5)]
    for r in [("#", "figure", "value", "budget", "result"), *rows]:
        say("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    shutil.rmtree(work, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
